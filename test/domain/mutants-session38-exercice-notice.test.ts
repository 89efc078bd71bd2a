/**
 * Session 38 mutants of the exercice remarks (session 37): workbooks without a row of the exercice,
 * grouped by how their rows count, and the N−1 that leaves out Pôles of N (`partialN1Notices`).
 * Expected sentences are written by hand from the README and the recipe `annee-precedente`.
 */
import { runChain } from '../../src/domain/chain';
import type { SheetGrid } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';

type Row = (string | number | null | { date: string })[];
const NBSP = '\u00a0';
const q = (name: string) => `«${NBSP}${name}${NBSP}»`;
const H = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const HP = [...H, 'Pôle'];
const file = (name: string, ...rows: Row[]) => ({ file: name, sheets: [grid('Marchés', [H, ...rows])], state: null });
const withPole = (name: string, ...rows: Row[]) => ({ file: name, sheets: [grid('Marchés', [HP, ...rows])], state: null });
const notices = (...inputs: { file: string; sheets: SheetGrid[]; state: null }[]) => runChain(inputs, { today: '2026-01-15' }).notices;
const partial = (all: readonly string[]) => all.filter((n) => n.startsWith('Les valeurs N−1'));
const outside = (all: readonly string[]) => all.filter((n) => n.includes("aucune ligne de l'exercice"));

describe('workbooks without a row of the exercice (session 38 mutants)', () => {
  const THIS_YEAR = file('Pôle A.xlsx', ['A-1', 'Voirie', 100, d('2025-02-01')], ['A-2', 'Papier', 50, d('2025-06-01')], ['A-3', 'Encre', 50, d('2025-07-01')], ['A-4', 'Toner', 50, d('2025-08-01')]);

  it('several workbooks of which only the rows of N−1 can count: one remark, their years together', () => {
    const all = notices(THIS_YEAR, file('B.xlsx', ['B-1', 'Encre', 20, d('2023-03-01')], ['B-2', 'Toner', 30, d('2024-04-01')]), file('C.xlsx', ['C-0', 'Encre', 20, d('2021-03-01')], ['C-1', 'Encre', 20, d('2022-03-01')], ['C-2', 'Toner', 30, d('2024-04-01')]));
    expect(outside(all)).toEqual([
      `Les classeurs ${q('B.xlsx')} et ${q('C.xlsx')} n'ont aucune ligne de l'exercice 2025${NBSP}: leurs 5 lignes datées sont de 2021, 2022, 2023 et 2024, et seules celles de 2024 peuvent compter, dans les valeurs N−1. Gardez-les s'ils sont là pour comparer 2025 à 2024${NBSP};${NBSP}sinon, retirez-les des classeurs à consolider.`,
    ]);
  });

  it('a workbook with rows of N−1 and of a later year: only those of N−1 can count', () => {
    const all = notices(THIS_YEAR, file('D.xlsx', ['D-1', 'Encre', 20, d('2024-03-01')], ['D-2', 'Toner', 30, d('2026-01-10')]));
    expect(outside(all)).toEqual([
      `Le classeur ${q('D.xlsx')} n'a aucune ligne de l'exercice 2025${NBSP}: ses 2 lignes datées sont de 2024 et 2026, et seules celles de 2024 peuvent compter, dans les valeurs N−1. Gardez-le s'il est là pour comparer 2025 à 2024${NBSP};${NBSP}sinon, retirez-le des classeurs à consolider.`,
    ]);
  });
});

describe('N−1 that leaves out Pôles of N (session 38 mutants)', () => {
  const told = (poles: string[], add: string) => {
    const one = poles.length === 1;
    const named = poles.length === 1 ? q(poles[0]) : `${poles.slice(0, -1).map(q).join(', ')} et ${q(poles[poles.length - 1])}`;
    return `Les valeurs N−1 (2024) ne portent que sur une partie de la Ville${NBSP}: ${one ? 'le Pôle' : 'les Pôles'} ${named} ${one ? "n'a" : "n'ont"} aucune ligne de 2024, alors qu'${one ? 'il en a' : 'ils en ont'} de 2025. Chaque évolution compare donc 2025 à 2024 sans ${one ? 'lui' : 'eux'}${NBSP}; ${add}.`;
  };
  const ADD_FILE = 'ajoutez son classeur de 2024 aux classeurs à consolider pour comparer toute la Ville';

  it('Pôles named after their files: the year in the name does not make another Pôle, on either side', () => {
    // No Pôle column: each workbook's Pôle is its name (« Pôle A 2024 » is Pôle A of last year).
    expect(partial(notices(file('Pôle A.xlsx', ['A-1', 'Voirie', 100, d('2025-02-01')]), file('Pôle B.xlsx', ['B-1', 'Voirie', 100, d('2025-02-01')]), file('Pôle A 2024.xlsx', ['A-0', 'Encre', 20, d('2024-03-01')])))).toEqual([told(['Pôle B'], ADD_FILE)]);
    // This year's files carry their year too: Pôle B is named as its rows write it.
    expect(partial(notices(file('Pôle A 2025.xlsx', ['A-1', 'Voirie', 100, d('2025-02-01')]), file('Pôle B 2025.xlsx', ['B-1', 'Voirie', 100, d('2025-02-01')]), file('Pôle A 2024.xlsx', ['A-0', 'Encre', 20, d('2024-03-01')])))).toEqual([told(['Pôle B 2025'], ADD_FILE)]);
  });

  it('rows of an older year are not rows of N−1', () => {
    const all = notices(
      withPole('A 2025.xlsx', ['A-1', 'Voirie', 100, d('2025-02-01'), 'Pôle A']),
      withPole('B 2025.xlsx', ['B-1', 'Voirie', 100, d('2025-02-01'), 'Pôle B']),
      withPole('A 2024.xlsx', ['A-0', 'Encre', 20, d('2024-03-01'), 'Pôle A']),
      withPole('B 2023.xlsx', ['B-0', 'Encre', 20, d('2023-03-01'), 'Pôle B']),
    );
    expect(partial(all)).toEqual([told(['Pôle B'], ADD_FILE)]);
  });

  it('names the Pôles in French order, accents folded (É between C and S)', () => {
    const all = notices(
      withPole('Ville 2025.xlsx', ['S-1', 'Voirie', 100, d('2025-02-01'), 'Sport'], ['E-1', 'Voirie', 100, d('2025-02-01'), 'Éducation'], ['C-1', 'Voirie', 100, d('2025-02-01'), 'Culture'], ['V-1', 'Voirie', 100, d('2025-02-01'), 'Voirie']),
      withPole('Voirie 2024.xlsx', ['V-0', 'Encre', 20, d('2024-03-01'), 'Voirie']),
    );
    expect(partial(all)).toEqual([told(['Culture', 'Éducation', 'Sport'], 'ajoutez leurs classeurs de 2024 aux classeurs à consolider pour comparer toute la Ville')]);
  });

  it('two workbooks are a consolidation: the advice is to add a workbook, not rows', () => {
    const all = notices(
      withPole('Ville 2025.xlsx', ['A-1', 'Voirie', 100, d('2025-02-01'), 'Pôle A'], ['B-1', 'Voirie', 100, d('2025-02-01'), 'Pôle B']),
      withPole('Ville 2024.xlsx', ['A-0', 'Encre', 20, d('2024-03-01'), 'Pôle A']),
    );
    expect(partial(all)).toEqual([told(['Pôle B'], ADD_FILE)]);
  });
});

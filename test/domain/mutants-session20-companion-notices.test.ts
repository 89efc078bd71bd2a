/**
 * Hand mutants of companion-notices.ts (session 20). README « Indicateurs »: only the first
 * target of N of an indicator counts, and a manual value is never taken over a computation;
 * the rows left aside are told. Expectations worked out by hand.
 */
import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

const FILE = 'Pôle A.xlsx';
const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
  ['M-1', 'Papier', 100, d('2025-02-01'), 'oui'],
]);
const ID = '4.2.2-clause-sociale-nb';
const run = (...sheets: ReturnType<typeof grid>[]) => runChain([{ file: FILE, sheets: [REGISTER, ...sheets], state: null }], { today: '2026-01-15' });

describe('later targets of N name the first one, the one that counts', () => {
  it('a third target names the first row, not the second', () => {
    const out = run(grid('Cibles', [['Indicateur', 'Année', 'Cible'], [ID, 2025, 1], [ID, 2025, 2], [ID, 2025, 3]]));
    expect(out.notices).toEqual([
      `Feuille « Cibles » du classeur « Pôle A.xlsx », ligne 3 : une cible 2025 de « ${ID} » est déjà donnée ligne 2 ; seule la première compte.`,
      `Feuille « Cibles » du classeur « Pôle A.xlsx », ligne 4 : une cible 2025 de « ${ID} » est déjà donnée ligne 2 ; seule la première compte.`,
    ]);
  });

  it('the first target in another sheet of the same workbook is named with its sheet', () => {
    const first = grid('Cibles', [['Indicateur', 'Année', 'Cible'], [ID, 2025, 1]]);
    const second = grid('Objectifs COPIL', [['Indicateur', 'Année', 'Cible'], [ID, 2025, 4]]);
    expect(run(first, second).notices).toEqual([
      `Feuille « Objectifs COPIL » du classeur « Pôle A.xlsx », ligne 2 : une cible 2025 de « ${ID} » est déjà donnée (feuille « Cibles » du classeur « Pôle A.xlsx », ligne 2) ; seule la première compte.`,
    ]);
  });
});

describe('a Saisies manuelles row without a value', () => {
  it('says nothing: no value was given, so none is left aside', () => {
    const out = run(grid('Saisies manuelles', [['Indicateur', 'Année', 'Valeur', 'Source'], [ID, 2025, null, 'tableau DRH']]));
    expect(out.result.indicateurs.find((r) => r.id === ID)?.statut).toBe('calculé');
    expect(out.notices).toEqual([]);
  });
});

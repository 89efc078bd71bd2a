import { runChain } from '../../src/domain/chain';
import { emptyExerciceNotices } from '../../src/domain/exercice-notice';
import { d, grid } from '../helpers/grid';

// An exercice asked for in which no contract of the register is notified: every indicator is empty
// or non calculable, and the buyer is told why and which years the register has (README « En ligne
// de commande »), most often a mistyped `--exercice`.

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const register = (...rows: (string | number | null | { date: string })[][]) => grid('Marchés', [HEADER, ...rows]);
const run = (exercice: number | undefined, ...rows: (string | number | null | { date: string })[][]) =>
  runChain([{ file: 'Pôle A.xlsx', sheets: [register(...rows)], state: null }], { today: '2026-01-15', exercice });
const NBSP = '\u00a0';
const notice = (asked: number, has: string) =>
  `Aucun marché du registre n'est notifié en ${asked}, l'exercice demandé${NBSP}: ses indicateurs sont vides ou non calculables. Le registre ${has}${NBSP}; vérifiez l'exercice choisi.`;

describe('an exercice asked for that the register does not have', () => {
  it('is told with the years the register has, in order, and written among the remarks', () => {
    const out = run(2019, ['A-1', 'Voirie', 100, d('2025-02-01')], ['A-2', 'Papier', 50, d('2024-06-01')], ['A-3', 'Encre', 20, d('2025-07-01')]);
    expect(out.notices).toEqual([notice(2019, 'a des marchés notifiés de 2024 et 2025')]);
    expect(out.remarks).toEqual(out.notices);
    expect(out.result.exercice).toBe(2019);
  });

  it('says nothing when the year has a contract, even one in error, or when no year was asked', () => {
    expect(run(2025, ['A-1', 'Voirie', 100, d('2025-02-01')]).notices).toEqual([]);
    // The row of 2024 is in error (no amount): the year is not empty, the controls say what is wrong.
    expect(run(2024, ['A-1', 'Voirie', 100, d('2025-02-01')], ['A-2', 'Papier', null, d('2024-06-01')]).notices).toEqual([]);
    expect(run(undefined, ['A-1', 'Voirie', 100, d('2025-02-01')]).notices).toEqual([]);
  });

  // A typo out of the permitted period (`date-invalide`, 2031 for 2025) is no year the register has: the
  // remark, meant to show a mistyped exercice, named it among the years to choose, which the pane's list
  // of exercices never offers (README « Indicateurs »).
  it('leaves out the years that only an out-of-period date gives, as the pane does', () => {
    const out = run(2019, ['A-1', 'Voirie', 100, d('2025-02-01')], ['A-2', 'Papier', 50, d('2031-06-01')], ['A-3', 'Encre', 20, d('2024-07-01')]);
    expect(out.register.rows[1].findings.map((f) => f.code)).toContain('date-invalide');
    expect(out.notices).toEqual([notice(2019, 'a des marchés notifiés de 2024 et 2025')]);
    // Asked for that very year: its only row is in error and counts nowhere, which is said.
    expect(run(2031, ['A-1', 'Voirie', 100, d('2025-02-01')], ['A-2', 'Papier', 50, d('2031-06-01')]).notices).toEqual([
      notice(2031, 'a des marchés notifiés de 2025'),
    ]);
  });

  it('one year; up to five listed; more as a span; no readable date at all', () => {
    const row = (annee: number | null) => ({ annee, findings: [] }) as never;
    expect(emptyExerciceNotices([row(2023)], 2019)).toEqual([notice(2019, 'a des marchés notifiés de 2023')]);
    expect(emptyExerciceNotices([2025, 2021, 2022, 2023, 2024].map(row), 2019)).toEqual([notice(2019, 'a des marchés notifiés de 2021, 2022, 2023, 2024 et 2025')]);
    expect(emptyExerciceNotices([2025, 2020, 2021, 2022, 2023, 2024].map(row), 2019)).toEqual([notice(2019, 'a des marchés notifiés de 2020 à 2025')]);
    expect(emptyExerciceNotices([row(null)], 2019)).toEqual([notice(2019, "n'a aucune date de notification lisible")]);
    expect(emptyExerciceNotices([row(null), row(2019)], 2019)).toEqual([]);
  });
});

// In a consolidation, a workbook none of whose dated rows is of the exercice (last year's file of a Pôle
// given with this year's, recipe `melanges`): its rows change only N−1, which nothing else said.
describe('a consolidated workbook without any row of the exercice', () => {
  const file = (name: string, ...rows: (string | number | null | { date: string })[][]) => ({ file: name, sheets: [register(...rows)], state: null });
  const conso = (...inputs: ReturnType<typeof file>[]) => runChain(inputs, { today: '2026-01-15' });
  const THIS_YEAR = file('Pôle A.xlsx', ['A-1', 'Voirie', 100, d('2025-02-01')], ['A-2', 'Papier', 50, d('2025-06-01')]);
  // Rows of N−1 may be there on purpose (the N−1 values): keeping the file is then offered.
  const KEEP_OR_REMOVE = `Gardez-le s'il est là pour comparer 2025 à 2024${NBSP};${NBSP}sinon, retirez-le des classeurs à consolider.`;
  const REMOVE = "Si c'est le fichier d'une autre année, retirez-le des classeurs à consolider.";
  const told = (name: string, rest: string, advice = KEEP_OR_REMOVE) =>
    `Le classeur «${NBSP}${name}${NBSP}» n'a aucune ligne de l'exercice 2025${NBSP}: ${rest}. ${advice}`;

  it('a date out of the permitted period (a typo, 2031) is not among a workbook’s dated rows or years', () => {
    const out = conso(THIS_YEAR, file('Pôle A 2024.xlsx', ['B-1', 'Encre', 20, d('2024-03-01')], ['B-2', 'Toner', 30, d('2031-04-01')]));
    expect(out.register.rows.some((r) => r.findings.some((f) => f.code === 'date-invalide'))).toBe(true);
    expect(out.notices).toEqual([told('Pôle A 2024.xlsx', 'sa ligne datée est de 2024, et ne peut compter que dans les valeurs N−1')]);
  });

  it('last year’s file: named, its rows counting only in N−1, and written among the remarks', () => {
    const out = conso(THIS_YEAR, file('Pôle A 2024.xlsx', ['B-1', 'Encre', 20, d('2024-03-01')], ['B-2', 'Toner', 30, d('2024-04-01')]));
    expect(out.result.exercice).toBe(2025);
    expect(out.notices).toEqual([told('Pôle A 2024.xlsx', 'ses 2 lignes datées sont de 2024, et ne peuvent compter que dans les valeurs N−1')]);
    expect(out.remarks).toEqual(out.notices);
  });

  it('one row; years of which N−1 is one; years without N−1', () => {
    expect(conso(THIS_YEAR, file('B.xlsx', ['B-1', 'Encre', 20, d('2024-03-01')])).notices).toEqual([
      told('B.xlsx', 'sa ligne datée est de 2024, et ne peut compter que dans les valeurs N−1'),
    ]);
    expect(conso(THIS_YEAR, file('B.xlsx', ['B-1', 'Encre', 20, d('2023-03-01')], ['B-2', 'Toner', 30, d('2024-04-01')])).notices).toEqual([
      told('B.xlsx', 'ses 2 lignes datées sont de 2023 et 2024, et seules celles de 2024 peuvent compter, dans les valeurs N−1'),
    ]);
    expect(conso(THIS_YEAR, file('B.xlsx', ['B-1', 'Encre', 20, d('2022-03-01')])).notices).toEqual([
      told('B.xlsx', 'sa ligne datée est de 2022, et ne compte dans aucun indicateur de 2025', REMOVE),
    ]);
  });

  // Recipe `annee-precedente`, case b: the four Pôles' files of last year, given on purpose, were told
  // four times; workbooks whose rows count alike are now named together, in the order given.
  it('several workbooks whose rows count alike: one remark naming them all, in the order given', () => {
    const c24 = file('C 2024.xlsx', ['C-1', 'Encre', 20, d('2024-03-01')]);
    // (Two rows of 2024 against two of 2025: a tie goes to the later year, the exercice stays 2025.)
    const b24 = file('B 2024.xlsx', ['B-1', 'Encre', 20, d('2024-03-01')]);
    const b22 = file('B 2022.xlsx', ['B-0', 'Encre', 20, d('2022-03-01')]);
    const c22 = file('C 2022.xlsx', ['C-0', 'Encre', 20, d('2021-03-01')], ['C-9', 'Toner', 30, d('2022-04-01')]);
    expect(conso(THIS_YEAR, c24, b22, b24, c22).notices).toEqual([
      `Les classeurs «${NBSP}C 2024.xlsx${NBSP}» et «${NBSP}B 2024.xlsx${NBSP}» n'ont aucune ligne de l'exercice 2025${NBSP}: leurs 2 lignes datées sont de 2024, et ne peuvent compter que dans les valeurs N−1. Gardez-les s'ils sont là pour comparer 2025 à 2024${NBSP};${NBSP}sinon, retirez-les des classeurs à consolider.`,
      `Les classeurs «${NBSP}B 2022.xlsx${NBSP}» et «${NBSP}C 2022.xlsx${NBSP}» n'ont aucune ligne de l'exercice 2025${NBSP}: leurs 3 lignes datées sont de 2021 et 2022, et ne comptent dans aucun indicateur de 2025. Si ce sont les fichiers d'une autre année, retirez-les des classeurs à consolider.`,
    ]);
    // A workbook alone in its kind keeps the remark of one workbook.
    expect(conso(THIS_YEAR, c24, b22).notices).toEqual([
      told('C 2024.xlsx', 'sa ligne datée est de 2024, et ne peut compter que dans les valeurs N−1'),
      told('B 2022.xlsx', 'sa ligne datée est de 2022, et ne compte dans aucun indicateur de 2025', REMOVE),
    ]);
  });

  // The pane shows the first two remarks when there are more than three: rows left out come first.
  it('comes after the remark of a register left out for a missing column', () => {
    const noDate = { file: 'Pôle C.xlsx', sheets: [grid('Marchés', [['N° marché', 'Objet', 'Montant HT', 'Signé le'], ['C-1', 'Voirie', 10, d('2025-02-01')]])], state: null };
    const notices = conso(THIS_YEAR, file('B 2024.xlsx', ['B-1', 'Encre', 20, d('2024-03-01')]), noDate).notices;
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^Classeur «\u00a0Pôle C\.xlsx\u00a0»/);
    expect(notices[1]).toMatch(/^Le classeur «\u00a0B 2024\.xlsx\u00a0» n'a aucune ligne de l'exercice 2025/);
  });

  it('says nothing for a single workbook, a workbook with one row of N, or one without a readable date', () => {
    // One workbook (a sheet per year): the exercice is its own choice.
    expect(runChain([{ file: 'Pôle A.xlsx', sheets: [register(['A-1', 'Voirie', 100, d('2025-02-01')]), { ...register(['B-1', 'Encre', 20, d('2024-03-01')]), name: '2024' }], state: null }], { today: '2026-01-15' }).notices).toEqual([]);
    // (B has a row of 2024 and Pôle A none: the N−1 notice below says so; no notice of B's file here.)
    expect(conso(THIS_YEAR, file('B.xlsx', ['B-1', 'Encre', 20, d('2024-03-01')], ['B-2', 'Toner', 30, d('2025-04-01')])).notices.filter((n) => !n.startsWith('Les valeurs N−1'))).toEqual([]);
    expect(conso(THIS_YEAR, file('B.xlsx', ['B-1', 'Encre', 20, 'mars 2025'])).notices.filter((n) => n.includes('B.xlsx') && n.includes('exercice'))).toEqual([]);
  });
});

// N−1 computed on the rows of N−1 there are (regles.md §9) while some Pôles of N have none (recipe
// `annee-precedente`, case c): every évolution compares the whole City with part of it; said once.
describe('N−1 that leaves out Pôles of N', () => {
  const HP = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'];
  const file = (name: string, ...rows: (string | number | null | { date: string })[][]) => ({ file: name, sheets: [grid('Marchés', [HP, ...rows])], state: null });
  const conso = (...inputs: ReturnType<typeof file>[]) => runChain(inputs, { today: '2026-01-15' }).notices.filter((n) => n.startsWith('Les valeurs N−1'));
  const A25 = file('A 2025.xlsx', ['A-1', 'Voirie', 100, d('2025-02-01'), 'Pôle A'], ['A-2', 'Papier', 50, d('2025-06-01'), 'Pôle A']);
  const B25 = file('B 2025.xlsx', ['B-1', 'Voirie', 100, d('2025-02-01'), 'Pôle B']);
  const C25 = file('C 2025.xlsx', ['C-1', 'Voirie', 100, d('2025-02-01'), 'Pôle C']);
  const A24 = file('A 2024.xlsx', ['A-0', 'Encre', 20, d('2024-03-01'), 'POLE A']);

  it('names the Pôles without a row of N−1, in French order, and says what to do', () => {
    expect(conso(A25, C25, B25, A24)).toEqual([
      `Les valeurs N−1 (2024) ne portent que sur une partie de la Ville${NBSP}: les Pôles «${NBSP}Pôle B${NBSP}» et «${NBSP}Pôle C${NBSP}» n'ont aucune ligne de 2024, alors qu'ils en ont de 2025. Chaque évolution compare donc 2025 à 2024 sans eux${NBSP}; ajoutez leurs classeurs de 2024 aux classeurs à consolider pour comparer toute la Ville.`,
    ]);
    expect(conso(A25, B25, A24)).toEqual([
      `Les valeurs N−1 (2024) ne portent que sur une partie de la Ville${NBSP}: le Pôle «${NBSP}Pôle B${NBSP}» n'a aucune ligne de 2024, alors qu'il en a de 2025. Chaque évolution compare donc 2025 à 2024 sans lui${NBSP}; ajoutez son classeur de 2024 aux classeurs à consolider pour comparer toute la Ville.`,
    ]);
  });

  it('one workbook: its rows, not its files', () => {
    const one = file('Ville.xlsx', ['A-1', 'Voirie', 100, d('2025-02-01'), 'Pôle A'], ['B-1', 'Voirie', 100, d('2025-02-01'), 'Pôle B'], ['A-0', 'Encre', 20, d('2024-03-01'), 'Pôle A']);
    expect(conso(one)).toEqual([expect.stringContaining('ajoutez ses lignes de 2024 au registre pour comparer toute la Ville.')]);
  });

  it('says nothing when every Pôle of N has rows of N−1 (another spelling counts), when there is no row of N−1, or when N−1 rows are all in error', () => {
    expect(conso(A25, A24)).toEqual([]);
    expect(conso(A25, B25)).toEqual([]);
    // Pôles named after their files: « Pôle A 2024 » is Pôle A; only B's N−1 rows, none of A's Pôle of N: no notice.
    expect(runChain([file('Pôle A.xlsx', ['A-1', 'Voirie', 100, d('2025-02-01'), null]), file('Pôle A 2024.xlsx', ['A-0', 'Encre', 20, d('2024-03-01'), null])], { today: '2026-01-15' }).notices.filter((n) => n.startsWith('Les valeurs N−1'))).toEqual([]);
    expect(conso(A25, file('X 2024.xlsx', ['X-0', 'Encre', 20, d('2024-03-01'), 'Pôle X']))).toEqual([]);
    expect(conso(A25, B25, file('A 2024.xlsx', ['A-0', 'Encre', null, d('2024-03-01'), 'Pôle A']))).toEqual([]);
  });
});

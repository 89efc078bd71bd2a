import { runChain, unreadableStateNotice } from '../../src/domain/chain';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import { d, grid } from '../helpers/grid';

// Cibles and Saisies manuelles rows that the computation leaves aside are told to the user
// (README « Indicateurs »: first target row of N, unknown ids ignored, a manual value never
// over a computed one), in the chain's notices: the pane's warnings, `Attention :` on the CLI.

const FILE = 'Pôle A.xlsx';
const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
  ['M-1', 'Papier', 100, d('2025-02-01'), 'oui'],
  ['M-2', 'Stylos', 200, d('2025-03-01'), 'non'],
]);
const cibles = (...rows: (string | number | null)[][]) => grid('Objectifs COPIL', [['Indicateur', 'Année', 'Cible', 'Sens'], ...rows]);
const saisies = (...rows: (string | number | null)[][]) => grid('Saisies manuelles', [['Indicateur', 'Année', 'Valeur', 'Source'], ...rows]);
const run = (...sheets: ReturnType<typeof grid>[]) => runChain([{ file: FILE, sheets: [REGISTER, ...sheets], state: null }], { today: '2026-01-15' });
const ind = (out: ReturnType<typeof run>, id: string) => out.result.indicateurs.find((r) => r.id === id);

describe('notices on the Cibles sheet', () => {
  it('names a row whose indicator id is unknown, and ignores it', () => {
    const out = run(cibles(['4.2.2-clause-sociale-nb', 2025, 1, '≥'], ['4.2.2-clauses-sociales', 2025, 3, null], ['  ', 2025, 3, null]));
    expect(out.notices).toEqual([
      "Feuille « Objectifs COPIL » du classeur « Pôle A.xlsx », ligne 3 : « 4.2.2-clauses-sociales » n'est pas l'identifiant d'un indicateur du SPASER (vouliez-vous dire « 4.2.2-clause-sociale-nb » ?) ; la ligne est ignorée.",
    ]);
    // Only the known target counts in 1.1.1 (1 of 1 met).
    expect(ind(out, '1.1.1-cibles-atteintes')?.valeur).toBe(100);
  });

  it('names a second target of N for the same indicator: only the first counts', () => {
    const out = run(cibles(['4.2.2-clause-sociale-nb', 2025, 1, '≥'], ['4.2.2-clause-sociale-nb', 2024, 9, null], [' 4.2.2-clause-sociale-nb', 2025, 5, '≥']));
    expect(out.notices).toEqual([
      'Feuille « Objectifs COPIL » du classeur « Pôle A.xlsx », ligne 4 : une cible 2025 de « 4.2.2-clause-sociale-nb » est déjà donnée ligne 2 ; seule la première compte.',
    ]);
    expect(ind(out, '4.2.2-clause-sociale-nb')?.cible).toEqual({ valeur: 1, sens: '≥', atteinte: true });
  });

  // Session 38: a sens that is neither « at least » nor « at most » was read as « at least » without a word.
  it('names a target of N whose sens is not understood, read as « at least »', () => {
    const out = run(cibles(['4.2.2-clause-sociale-nb', 2025, 1, 'à voir'], ['4.2.2-clause-sociale-part', 2024, 9, 'bof'], ['1.1.2-dataviz', 2025, 2, 'au plus']));
    expect(out.notices).toEqual([
      "Feuille « Objectifs COPIL » du classeur « Pôle A.xlsx », ligne 2 : le sens « à voir » de la cible de « 4.2.2-clause-sociale-nb » n'est pas compris ; la cible est lue comme un minimum (≥). Écrivez ≥ (au moins) ou ≤ (au plus).",
    ]);
    expect(ind(out, '4.2.2-clause-sociale-nb')?.cible).toEqual({ valeur: 1, sens: '≥', atteinte: true });
  });

  it('says nothing of well-formed targets, of other years, or of rows without a cible', () => {
    expect(run(cibles(['4.2.2-clause-sociale-nb', 2025, 1, '≥'], ['4.2.2-clause-sociale-nb', 2024, 9, null], ['4.2.2-clause-sociale-nb', 2025, null, null], ['1.1.2-dataviz', 2025, 2, null])).notices).toEqual([]);
  });

  it('names the first target of another workbook in a consolidation', () => {
    const other = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['B-1', 'Chaises', 300, d('2025-04-01')],
    ]);
    const out = runChain(
      [
        { file: FILE, sheets: [REGISTER, cibles(['4.2.2-clause-sociale-nb', 2025, 1, null])], state: null },
        { file: 'Pôle B.xlsx', sheets: [other, grid('Cibles', [['Indicateur', 'Année', 'Cible'], ['4.2.2-clause-sociale-nb', 2025, 4]])], state: null },
      ],
      { today: '2026-01-15' },
    );
    expect(out.notices).toEqual([
      'Feuille « Cibles » du classeur « Pôle B.xlsx », ligne 2 : une cible 2025 de « 4.2.2-clause-sociale-nb » est déjà donnée (feuille « Objectifs COPIL » du classeur « Pôle A.xlsx », ligne 2) ; seule la première compte.',
    ]);
  });
});

describe('notices on the Saisies manuelles sheet', () => {
  it('names a manual value given for a computed indicator: the computation wins', () => {
    const out = run(saisies(['4.2.2-clause-sociale-nb', 2025, 7, 'tableau DRH'], ['3.2.1-fournitures-evitees', 2025, 12, null]));
    expect(ind(out, '4.2.2-clause-sociale-nb')).toMatchObject({ statut: 'calculé', valeur: 1 });
    expect(ind(out, '3.2.1-fournitures-evitees')).toMatchObject({ statut: 'saisi', valeur: 12 });
    expect(out.notices).toEqual([
      "Feuille « Saisies manuelles » du classeur « Pôle A.xlsx », ligne 2 : « 4.2.2-clause-sociale-nb » est calculé à partir du registre pour 2025 ; la valeur saisie n'est pas reprise (une saisie ne remplace jamais un calcul).",
    ]);
  });

  it('names an unknown id in any year, and says nothing of a value of another year or taken', () => {
    const out = run(saisies(['3.2.1-fournitures-evites', 2024, 5, null], ['4.2.2-clause-sociale-nb', 2024, 7, null], ['3.2.1-mobilier-reemploye', 2025, 40, null]));
    expect(out.notices).toEqual([
      "Feuille « Saisies manuelles » du classeur « Pôle A.xlsx », ligne 2 : « 3.2.1-fournitures-evites » n'est pas l'identifiant d'un indicateur du SPASER (vouliez-vous dire « 3.2.1-fournitures-evitees » ?) ; la ligne est ignorée.",
    ]);
  });
});

// Session 38 (spec walk-through): a supplier breakdown has no single value (`sortie.md`: `valeur` is null,
// `repartition` holds the categories); a manual number used to become its value, « saisi », with no categories.
describe('a manual value for a supplier breakdown', () => {
  it('is not taken, the breakdown stays non calculable, and the row is named', () => {
    const out = run(saisies(['5.1.1-fournisseurs-zone', 2025, 40, 'tableau'], ['5.1.4-fournisseurs-typologie', 2025, 30, null]));
    for (const id of ['5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie']) {
      expect(ind(out, id)).toMatchObject({ statut: 'non calculable', valeur: null, repartition: null });
    }
    expect(ind(out, '5.1.1-fournisseurs-zone')?.motif).toMatch(/^colonnes\s«\sCommune du titulaire\s» et\s«\sCode postal du titulaire\s» absentes$/);
    expect(out.notices).toEqual([
      "Feuille « Saisies manuelles » du classeur « Pôle A.xlsx », ligne 2 : « 5.1.1-fournisseurs-zone » est une répartition (une part par catégorie), sans valeur unique ; la valeur saisie n'est pas reprise.",
      "Feuille « Saisies manuelles » du classeur « Pôle A.xlsx », ligne 3 : « 5.1.4-fournisseurs-typologie » est une répartition (une part par catégorie), sans valeur unique ; la valeur saisie n'est pas reprise.",
    ]);
  });

  it('is not judged by 1.1.1-cibles-atteintes either', () => {
    const out = run(saisies(['5.1.1-fournisseurs-zone', 2025, 40, null]), cibles(['5.1.1-fournisseurs-zone', 2025, 30, null], ['4.2.2-clause-sociale-nb', 2025, 5, null]));
    // Only the target of 4.2.2-clause-sociale-nb (1 < 5, not met) has a value: 0 of 1.
    expect(ind(out, '1.1.1-cibles-atteintes')).toMatchObject({ valeur: 0, couverture: { renseignees: 1, total: 2 } });
  });
});

// Session 27 fronts review: the remark always gave « 2.1.3-sourcage » as its example, which read as the
// correction. A typo close to one id of the catalogue is answered with that id; anything else keeps the example.
it('suggests the catalogue id a typo was meant for, and only a close one', () => {
  const out = run(saisies(['3.2.1-Location', 2025, 5, null], ['2.1.5-delai-de-paiement', 2025, 20, null], ['taux de réemploi', 2025, 5, null]));
  expect(out.notices.map((n) => n.replace(/[\u00a0\u202f]/g, ' ').replace(/^.*n'est pas l'identifiant d'un indicateur du SPASER /, ''))).toEqual([
    '(vouliez-vous dire « 3.2.1-location » ?) ; la ligne est ignorée.',
    '(vouliez-vous dire « 2.1.5-delai-paiement » ?) ; la ligne est ignorée.',
    '(par exemple « 2.1.3-sourcage ») ; la ligne est ignorée.',
  ]);
});

it('come after the notice of an unreadable saved state', () => {
  const out = run(grid(SHEET_ETAT, [['{"version": 1, "mappi']]), saisies(['x', 2025, 1, null]));
  expect(out.notices).toHaveLength(2);
  expect(out.notices[0]).toBe(unreadableStateNotice(FILE));
  expect(out.notices[1]).toMatch(/^Feuille « Saisies manuelles » .* ligne 2 : « x » n'est pas/);
});

// Session 34 CLI review: thirty rows of unknown ids in a Cibles sheet gave thirty notices, a wall on the
// terminal and in `SPASER Indicateurs` that hid the other remarks. Past five, the others are told together.
describe('many unknown ids in one sheet', () => {
  const plain = (notices: readonly string[]) => notices.map((n) => n.replace(/\u00a0/g, ' '));
  const wrong = (n: number) => Array.from({ length: n }, (_, i) => [`9.9.${i}-faux`, 2025, 10, '≥']);

  it('tells the first four one by one, then the others of the sheet in one sentence', () => {
    const out = run(cibles(...wrong(30), ['4.2.2-clause-sociale-nb', 2025, 1, '≥']));
    expect(out.notices).toHaveLength(5);
    expect(plain(out.notices)[3]).toBe(
      "Feuille « Objectifs COPIL » du classeur « Pôle A.xlsx », ligne 5 : « 9.9.3-faux » n'est pas l'identifiant d'un indicateur du SPASER (par exemple « 2.1.3-sourcage ») ; la ligne est ignorée.",
    );
    expect(plain(out.notices)[4]).toBe(
      "Feuille « Objectifs COPIL » du classeur « Pôle A.xlsx », lignes 6, 7, 8, 9, 10 et 21 autres : 26 autres identifiants (« 9.9.4-faux », « 9.9.5-faux », « 9.9.6-faux » et 23 autres) ne sont pas ceux d'un indicateur du SPASER ; ces lignes sont ignorées.",
    );
    expect(ind(out, '1.1.1-cibles-atteintes')?.valeur).toBe(100);
  });

  it('still tells five one by one, and folds each sheet apart', () => {
    expect(run(cibles(...wrong(5))).notices).toHaveLength(5);
    const out = run(cibles(...wrong(6)), saisies(...wrong(7)));
    expect(out.notices).toHaveLength(10);
    expect(plain(out.notices)[4]).toMatch(/^Feuille « Objectifs COPIL » .*, lignes 6 et 7 : 2 autres identifiants \(« 9\.9\.4-faux » et « 9\.9\.5-faux »\)/);
    expect(plain(out.notices)[9]).toMatch(/^Feuille « Saisies manuelles » .*, lignes 6, 7 et 8 : 3 autres identifiants/);
  });
});

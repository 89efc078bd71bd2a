/**
 * Session 39 mutation audit of `companion-notices.ts` (code of sessions 33–34): the unknown ids of a
 * Cibles or Saisies sheet told one by one up to five, the id suggested for a typo, and the Suivi
 * insertion rows that no indicator counts (numeros missing from the register, or whose register rows
 * are all left out).
 */
import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

type Cell = string | number | null | { date: string };
const plain = (notices: readonly string[]) => notices.map((n) => n.replace(/\u00a0/g, ' '));
const FILE = 'Pôle A.xlsx';
const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['M-1', 'Papier', 100, d('2025-02-01')],
]);
const cibles = (...rows: Cell[][]) => grid('Objectifs COPIL', [['Indicateur', 'Année', 'Cible', 'Sens'], ...rows]);
const wrong = (n: number) => Array.from({ length: n }, (_, i) => [`9.9.${i}-faux`, 2025, 10, '≥']);
const notices = (...sheets: ReturnType<typeof grid>[]) => plain(runChain([{ file: FILE, sheets: [REGISTER, ...sheets], state: null }], { today: '2026-01-15' }).notices);

describe('unknown ids of a Cibles sheet', () => {
  it('five are each told (the fifth too, not folded into « 1 autres »)', () => {
    const out = notices(cibles(...wrong(5)));
    expect(out).toHaveLength(5);
    expect(out[4]).toMatch(/ligne 6 : « 9\.9\.4-faux » n'est pas l'identifiant d'un indicateur du SPASER/);
  });

  it('known ids beside them are not counted among the unknown', () => {
    const out = notices(cibles(['4.2.2-clause-sociale-nb', 2025, 1, '≥'], ['1.1.2-dataviz', 2025, 1, '≥'], ...wrong(5)));
    expect(out).toHaveLength(5);
    expect(out.join('\n')).not.toContain('autres identifiants');
  });

  it('each workbook of a consolidation counts its own sheet, even under the same name', () => {
    const out = plain(
      runChain(
        [
          { file: 'Pôle A.xlsx', sheets: [REGISTER, cibles(...wrong(3))], state: null },
          { file: 'Pôle B.xlsx', sheets: [REGISTER, cibles(...wrong(3))], state: null },
        ],
        { today: '2026-01-15' },
      ).notices,
    );
    expect(out.filter((n) => n.includes("n'est pas l'identifiant"))).toHaveLength(6);
    expect(out.join('\n')).not.toContain('autres identifiants');
  });
});

describe('the id suggested for a typo', () => {
  it('three letters away from a 14-character id is too far: an example, not a guess', () => {
    const [n] = notices(cibles(['2.1.5-reuxxxns', 2025, 1, '≥']));
    expect(n).toContain('(par exemple « 2.1.3-sourcage »)');
  });

  it('an id typed in capitals is the catalogue id in lower case', () => {
    const [n] = notices(cibles(['2.1.3-SOURCAGE', 2025, 1, '≥']));
    expect(n).toContain('(vouliez-vous dire « 2.1.3-sourcage » ?)');
  });
});

const SUIVI_HEADER = ['N° de marché', 'Bénéficiaire', 'Heures réalisées'];
const suivi = (...rows: Cell[][]) => grid('Insertion', [SUIVI_HEADER, ...rows]);
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Hors marché', 'SIRET'];
const register = (...rows: Cell[][]) => grid('Marchés', [HEADER, ...rows]);
const run = (today: string, ...sheets: ReturnType<typeof grid>[]) => plain(runChain([{ file: FILE, sheets, state: null }], { today, exercice: 2025 }).notices);
const where = 'Feuille « Insertion » du classeur « Pôle A.xlsx »';
const loss = "dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires).";

describe('Suivi insertion rows of numeros whose register rows all stay out', () => {
  it('a numero counted on its first row says nothing, whatever its later rows (another numero still read)', () => {
    const out = run(
      '2026-01-15',
      register(['M-1', 'Voirie', 100, d('2025-02-01'), null, null], ['M-1', 'Voirie', 100, d('2019-02-01'), null, null], ['X-1', null, 100, d('2025-02-01'), null, null]),
      suivi(['M-1', 'B1', 10], ['X-1', 'B2', 5]),
    );
    expect(out).toEqual([`${where}, ligne 3 : le marché « X-1 » est à la ligne 4 de la feuille « Marchés », en erreur (objet manquant) ; la ligne ne compte ${loss} Corrigez cette ligne : ses heures compteront.`]);
  });

  it('names the first doublon that repeats the row in error, not a later one', () => {
    const out = run(
      '2026-01-15',
      register(['D-1', null, 100, d('2025-02-01'), null, null], ['D-1', 'Voirie', 100, d('2025-02-01'), null, null], ['D-1', 'Voirie', 100, d('2025-02-01'), null, null]),
      suivi(['D-1', 'B1', 12]),
    );
    expect(out).toEqual([
      `${where}, ligne 2 : le marché « D-1 » est à la ligne 2 de la feuille « Marchés », en erreur (objet manquant), puis à la ligne 3, écartée comme doublon ; la ligne ne compte ${loss} Corrigez la ligne 2, ou supprimez-la si la ligne 3 la remplace : ses heures compteront.`,
    ]);
  });

  const alone = `${where}, ligne 2 : le marché « D-1 » est à la ligne 2 de la feuille « Marchés », en erreur (objet manquant) ; la ligne ne compte ${loss} Corrigez cette ligne : ses heures compteront.`;

  it('a doublon that is an order outside any contract would not count either: not named as replacing the row', () => {
    const out = run('2026-01-15', register(['D-1', null, 100, d('2025-02-01'), null, null], ['D-1', 'Voirie', 100, d('2025-02-01'), 'oui', null]), suivi(['D-1', 'B1', 12]));
    expect(out).toEqual([alone]);
  });

  it('a doublon with another error is not named as replacing the row', () => {
    const out = run('2026-01-15', register(['D-1', null, 100, d('2025-02-01'), null, null], ['D-1', 'Voirie', null, d('2025-02-01'), null, null]), suivi(['D-1', 'B1', 12]));
    expect(out).toEqual([alone]);
  });

  it('a doublon of a row of N−1 does not repeat the row of N in error', () => {
    const out = run(
      '2026-01-15',
      register(['D-1', null, 100, d('2025-02-01'), null, null], ['D-1', null, 100, d('2024-02-01'), null, null], ['D-1', 'Voirie', 100, d('2024-02-01'), null, null]),
      suivi(['D-1', 'B1', 12]),
    );
    expect(out).toEqual([alone]);
  });

  it('a row in error of N is named before a row of another year', () => {
    const out = run('2026-01-15', register(['D-1', 'Voirie', 100, d('2019-02-01'), null, null], ['D-1', null, 100, d('2025-02-01'), null, null]), suivi(['D-1', 'B1', 12]));
    expect(out).toEqual([alone.replace('à la ligne 2 de la feuille', 'à la ligne 3 de la feuille')]);
  });

  it('the errors named are the errors only, not the warnings', () => {
    const out = run('2026-01-15', register(['D-1', null, 100, d('2025-02-01'), null, '123']), suivi(['D-1', 'B1', 12]));
    expect(out).toEqual([alone]);
  });

  it('of two other years as near N, the earlier is named, in either order', () => {
    const out = run(
      '2028-01-15',
      register(
        ['OK-1', 'Voirie', 100, d('2025-02-01'), null, null],
        ['V-1', 'Voirie', 100, d('2027-02-01'), null, null],
        ['V-1', 'Voirie', 100, d('2023-02-01'), null, null],
        ['W-1', 'Voirie', 100, d('2023-03-01'), null, null],
        ['W-1', 'Voirie', 100, d('2027-03-01'), null, null],
      ),
      suivi(['V-1', 'B1', 12], ['W-1', 'B2', 3]),
    );
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('le marché « V-1 » est notifié en 2023 (ligne 4 de la feuille « Marchés »)');
    expect(out[1]).toContain('le marché « W-1 » est notifié en 2023 (ligne 5 de la feuille « Marchés »)');
  });

  it('the hors marché column is named as the register sheet of that workbook heads it', () => {
    const headed = (h: string, numero: string) =>
      grid('Marchés', [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification', h],
        [numero, 'Voirie', 100, d('2025-02-01'), 'oui'],
      ]);
    const out = plain(
      runChain(
        [
          { file: 'Pôle A.xlsx', sheets: [headed('Hors marché', 'A-1')], state: null },
          { file: 'Pôle B.xlsx', sheets: [headed('Achat hors marché', 'B-1'), suivi(['B-1', 'B1', 4])], state: null },
        ],
        { today: '2026-01-15', exercice: 2025 },
      ).notices,
    );
    expect(out.filter((n) => n.includes('hors marché (colonne'))).toEqual([expect.stringContaining('une commande hors marché (colonne « Achat hors marché »)')]);
  });
});

describe('Suivi insertion rows whose numero is not in the register', () => {
  const REG = register(['2025-012-L1', 'Voirie', 100, d('2025-02-01'), null, null], ['2025.012.L1', 'Voirie', 100, d('2025-02-01'), null, null], ['AO-25-BC', 'Voirie', 100, d('2025-02-01'), null, null]);

  it('the numero written with other separators is the first such of the register', () => {
    const out = run('2026-01-15', REG, suivi(['2025/012/L1', 'B1', 12]));
    expect(out).toEqual([`${where}, ligne 2 : le marché « 2025/012/L1 » ne figure pas dans le registre (vouliez-vous dire « 2025-012-L1 » ?) ; la ligne ne compte ${loss}`]);
  });

  it('a letter after the letter a numero ends with continues its word: no lot suggested', () => {
    const out = run('2026-01-15', REG, suivi(['AO-25-B', 'B1', 12]));
    expect(out).toEqual([`${where}, ligne 2 : le marché « AO-25-B » ne figure pas dans le registre ; la ligne ne compte ${loss}`]);
  });

  it('five numeros are each told, a row without numero beside them taking no place among the five', () => {
    const out = run('2026-01-15', REG, suivi([null, 'B0', 1], ['Z-1', 'B1', 1], ['Z-2', 'B2', 1], ['Z-3', 'B3', 1], ['Z-4', 'B4', 1], ['Z-5', 'B5', 1]));
    expect(out).toHaveLength(6);
    expect(out[0]).toContain('ligne 2 : sans n° de marché');
    expect(out.slice(1).map((n) => /« (Z-\d) » ne figure pas/.exec(n)?.[1])).toEqual(['Z-1', 'Z-2', 'Z-3', 'Z-4', 'Z-5']);
  });
});

// Found by this audit: a typo repeated on the rows of several years was counted and listed as so
// many « other ids » (« 2 autres identifiants (« x » et « x ») »).
describe('the unknown ids told together', () => {
  const years = (id: string, n: number) => Array.from({ length: n }, (_, i) => [id, 2020 + i, 10, '≥']);

  it('one id on several rows is one id, named once, with the suggestion', () => {
    const out = notices(cibles(...years('4.2.2-clauses-sociales', 7)));
    expect(out).toHaveLength(5);
    expect(out[4]).toBe(
      "Feuille « Objectifs COPIL » du classeur « Pôle A.xlsx », lignes 6, 7 et 8 : « 4.2.2-clauses-sociales » n'est pas l'identifiant d'un indicateur du SPASER (vouliez-vous dire « 4.2.2-clause-sociale-nb » ?) ; ces lignes sont ignorées.",
    );
  });

  it('several ids are counted and listed once each', () => {
    const out = notices(cibles(...wrong(4), ...years('9.9.8-faux', 2), ...years('9.9.9-faux', 2)));
    expect(out[4]).toBe(
      "Feuille « Objectifs COPIL » du classeur « Pôle A.xlsx », lignes 6, 7, 8 et 9 : 2 autres identifiants (« 9.9.8-faux » et « 9.9.9-faux ») ne sont pas ceux d'un indicateur du SPASER ; ces lignes sont ignorées.",
    );
  });
});

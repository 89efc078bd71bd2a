import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

// A Suivi insertion row whose numero is no contract of the register (in any year, matched as for
// `doublon`) counts in no 4.2.2 indicator: told to the user, like the Cibles and Saisies rows
// set aside (README « Indicateurs »; « Lots, avenants… », last point).

const FILE = 'Pôle A.xlsx';
const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['2025-012-L1', 'Voirie lot 1', 100, d('2025-02-01')],
  ['2025-012-L2', 'Voirie lot 2', 200, d('2025-02-01')],
  ['2024-030', 'Espaces verts', 300, d('2024-05-01')],
  ['M 7', 'Nettoyage', 400, d('2025-06-01')],
]);
const suivi = (...rows: (string | number | null)[][]) => grid('Insertion', [['N° de marché', 'Bénéficiaire', 'Heures réalisées'], ...rows]);
const run = (...sheets: ReturnType<typeof grid>[]) => runChain([{ file: FILE, sheets: [REGISTER, ...sheets], state: null }], { today: '2026-01-15', exercice: 2025 });
const where = 'Feuille « Insertion » du classeur « Pôle A.xlsx »';
const loss = "dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires).";

describe('Suivi insertion rows whose numero is no contract of the register', () => {
  it('names only the rows matched by no contract: not those matched as for doublon, in N or in another year', () => {
    // `m7` is `M 7` (case and spaces ignored); `2024-030` is a contract of N−1; `2023-999` is none.
    const out = run(suivi(['2025-012-L1', 'B1', 35], [' m7 ', 'B2', 10], ['2024-030', 'B3', 5], ['2023-999', 'B4', 8]));
    expect(out.notices).toEqual([`${where}, ligne 5 : le marché « 2023-999 » ne figure pas dans le registre ; la ligne ne compte ${loss}`]);
    expect(out.result.indicateurs.find((r) => r.id === '4.2.2-heures')?.valeur).toBe(45);
  });

  it('names the consultation number of lots numbered apart, with the lots to write instead', () => {
    const out = run(suivi(['2025-012', 'B1', 35], ['2025-012-L2', 'B2', 10], ['2025-012', 'B3', 7]));
    expect(out.notices).toEqual([
      `${where}, lignes 2 et 4 : le marché « 2025-012 » ne figure pas dans le registre ; ces lignes ne comptent ${loss} Le registre a « 2025-012-L1 » et « 2025-012-L2 » : indiquez le numéro du lot.`,
    ]);
    // Only the row of lot 2 counts: 10 hours.
    expect(out.result.indicateurs.find((r) => r.id === '4.2.2-heures')?.valeur).toBe(10);
  });

  it('names at most three lots, in register order, and not a longer number', () => {
    const register = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['A-1 lot 4', 'x', 1, d('2025-01-01')],
      ['A-1 lot 2', 'x', 1, d('2025-01-01')],
      ['A-10', 'x', 1, d('2025-01-01')],
      ['A-1-L1', 'x', 1, d('2025-01-01')],
      ['A-1/3', 'x', 1, d('2025-01-01')],
    ]);
    const out = runChain([{ file: FILE, sheets: [register, suivi(['A-1', 'B1', 1])], state: null }], { today: '2026-01-15' });
    // `A-10` continues the number 1: not a lot of `A-1`.
    expect(out.notices).toEqual([
      `${where}, ligne 2 : le marché « A-1 » ne figure pas dans le registre ; la ligne ne compte ${loss} Le registre a « A-1 lot 4 », « A-1 lot 2 », « A-1-L1 » et 1 autre : indiquez le numéro du lot.`,
    ]);
  });

  it('names a lot once whatever its rows, and tells a row without numero even when a register row has none', () => {
    const register = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['C-5 L1', 'x', 1, d('2025-01-01')],
      ['c-5l1', 'x', 1, d('2024-01-01')],
      [null, 'sans numéro', 1, d('2025-01-01')],
    ]);
    const out = runChain([{ file: FILE, sheets: [register, suivi(['C-5', 'B1', 1], [null, 'B2', 2])], state: null }], { today: '2026-01-15' });
    expect(out.notices).toEqual([
      `${where}, ligne 2 : le marché « C-5 » ne figure pas dans le registre ; la ligne ne compte ${loss} Le registre a « C-5 L1 » : indiquez le numéro du lot.`,
      `${where}, ligne 3 : sans n° de marché, la ligne ne compte ${loss}`,
    ]);
  });

  it('suggests the numero written with other separators', () => {
    const out = run(suivi(['2025-012 L1', 'B1', 35]));
    expect(out.notices).toEqual([`${where}, ligne 2 : le marché « 2025-012 L1 » ne figure pas dans le registre (vouliez-vous dire « 2025-012-L1 » ?) ; la ligne ne compte ${loss}`]);
  });

  it('names rows without a numero once, in their place among the others', () => {
    const out = run(suivi(['2023-999', 'B1', 35], [null, 'B2', 10], ['M 7', 'B3', 1], [null, 'B4', 2]));
    expect(out.notices).toEqual([
      `${where}, ligne 2 : le marché « 2023-999 » ne figure pas dans le registre ; la ligne ne compte ${loss}`,
      `${where}, lignes 3 et 5 : sans n° de marché, ces lignes ne comptent ${loss}`,
    ]);
  });

  it('keeps each sheet to five sentences of numeros, the last one telling the others together', () => {
    const rows = ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X2', 'X2', 'X2', 'X2', 'X2', 'X2'].map((n, i) => [n, `B${i}`, 1]);
    const out = run(suivi(...rows));
    expect(out.notices).toEqual([
      `${where}, ligne 2 : le marché « X1 » ne figure pas dans le registre ; la ligne ne compte ${loss}`,
      `${where}, lignes 3, 8, 9, 10, 11 et 2 autres : le marché « X2 » ne figure pas dans le registre ; ces lignes ne comptent ${loss}`,
      `${where}, ligne 4 : le marché « X3 » ne figure pas dans le registre ; la ligne ne compte ${loss}`,
      `${where}, ligne 5 : le marché « X4 » ne figure pas dans le registre ; la ligne ne compte ${loss}`,
      `${where} : 2 autres marchés (« X5 » et « X6 ») ne figurent pas dans le registre ; leurs 2 lignes ne comptent ${loss}`,
    ]);
    // Five numeros: each told.
    expect(run(suivi(...rows.slice(0, 5))).notices).toHaveLength(5);
  });

  it('matches a contract of another input of a consolidation, and tells each sheet apart', () => {
    const other = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['B-1', 'Chaises', 300, d('2025-04-01')],
    ]);
    const out = runChain(
      [
        { file: FILE, sheets: [REGISTER, suivi(['B-1', 'P1', 3], ['B-2', 'P2', 4])], state: null },
        { file: 'Pôle B.xlsx', sheets: [other, grid('Suivi', [['N° marché', 'Bénéficiaire', 'Heures'], ['M7', 'P3', 5], ['B-2', 'P4', 6]])], state: null },
      ],
      { today: '2026-01-15' },
    );
    // (Session 37: Pôle A has a row of 2024 and Pôle B none, which the N−1 remark says; not what this test reads.)
    expect(out.notices.filter((n) => !n.startsWith('Les valeurs N−1'))).toEqual([
      `${where}, ligne 3 : le marché « B-2 » ne figure pas dans le registre ; la ligne ne compte ${loss}`,
      `Feuille « Suivi » du classeur « Pôle B.xlsx », ligne 3 : le marché « B-2 » ne figure pas dans le registre ; la ligne ne compte ${loss}`,
    ]);
  });
});

// Session 35: a beneficiary's name typed in the numero column (no contract numero has no digit) was
// repeated in the notice, in the pane, the command line and `SPASER Indicateurs`.
describe('a Suivi insertion numero without any digit', () => {
  it('is not repeated: the notice names the rows and says why', () => {
    const out = run(suivi(['Jean Dupont', 'B1', 35], ['Jean Dupont', 'B2', 10]));
    expect(out.notices).toEqual([
      `${where}, lignes 2 et 3 : le numéro de marché saisi n'a aucun chiffre et ne figure pas dans le registre ; ces lignes ne comptent ${loss} ` +
        `Il n'est pas recopié ici, au cas où ce serait le nom d'une personne : indiquez le numéro du marché.`,
    ]);
    expect(JSON.stringify(out.result)).not.toContain('Dupont');
  });

  it('past the five told, counted with the others, not listed', () => {
    const rows = ['X1', 'X2', 'X3', 'X4', 'X5', 'Marie Curie', 'X6'].map((n, i) => [n, `B${i}`, 1]);
    const out = run(suivi(...rows));
    expect(out.notices[4]).toBe(`${where} : 3 autres marchés (« X5 » et « X6 », plus 1 saisie qui n'a pas la forme d'un numéro de marché, non recopiée) ne figurent pas dans le registre ; leurs 3 lignes ne comptent ${loss}`);
    expect(out.notices.join(' ')).not.toContain('Curie');
  });

  it('a numero with a digit is still named as typed', () => {
    expect(run(suivi(['Lot 9 bis', 'B1', 35])).notices[0]).toContain('le marché « Lot 9 bis » ne figure pas dans le registre');
  });
});

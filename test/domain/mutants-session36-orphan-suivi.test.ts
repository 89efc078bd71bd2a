import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

// Session 36, mutation audit of session 35's Suivi insertion notices: a numero without any digit is
// not repeated (it may be a person's name) only when it is no contract of the register; a numero of
// the register is repeated whatever its characters (README « Indicateurs », Suivi insertion).

const FILE = 'Pôle A.xlsx';
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const suivi = (...rows: (string | number | null)[][]) => grid('Insertion', [['N° de marché', 'Bénéficiaire', 'Heures réalisées'], ...rows]);
const run = (register: ReturnType<typeof grid>, ...sheets: ReturnType<typeof grid>[]) =>
  runChain([{ file: FILE, sheets: [register, ...sheets], state: null }], { today: '2026-01-15', exercice: 2025 });
const where = 'Feuille « Insertion » du classeur « Pôle A.xlsx »';
const loss = "dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires).";
const plain = (s: readonly string[]) => s.map((t) => t.replace(/\u00a0/g, ' '));
const REGISTER = grid('Marchés', [HEADER, ['M-1', 'Voirie', 100, d('2025-02-01')]]);

describe('numeros without a digit in the sentence telling the others together', () => {
  it('numeros of the register on rows no indicator counts: named, even without a digit (they are contracts, not names)', () => {
    // Six numeros of register rows in error (no amount): four told one by one, the last two together.
    const numeros = ['E1', 'E2', 'E3', 'E4', 'EF', 'GH'];
    const register = grid('Marchés', [HEADER, ['M-1', 'Voirie', 100, d('2025-02-01')], ...numeros.map((n) => [n, 'x', null, d('2025-02-01')])]);
    const notices = plain(run(register, suivi(...numeros.map((n, i) => [n, `B${i}`, 1]))).notices);
    expect(notices).toHaveLength(5);
    expect(notices[4]).toBe(
      `${where} : 2 autres marchés (« EF » et « GH ») sont au registre sur des lignes qu'aucun indicateur ne compte (en erreur, hors marché ou d'une autre année) ; leurs 2 lignes ne comptent ${loss}`,
    );
  });

  it('only numeros without a digit among the others: counted, no list before them', () => {
    const rows = ['X1', 'X2', 'X3', 'X4', 'Jean', 'Paul'].map((n, i) => [n, `B${i}`, 1]);
    const notices = plain(run(REGISTER, suivi(...rows)).notices);
    expect(notices).toHaveLength(5);
    expect(notices[4]).toBe(`${where} : 2 autres marchés (2 saisies qui n'ont pas la forme d'un numéro de marché, non recopiées) ne figurent pas dans le registre ; leurs 2 lignes ne comptent ${loss}`);
    expect(notices.join(' ')).not.toMatch(/Jean|Paul/);
  });

  it('a numero whose only digit comes first is a numero, named as typed', () => {
    expect(plain(run(REGISTER, suivi(['7 bis', 'B1', 35])).notices)).toEqual([
      `${where}, ligne 2 : le marché « 7 bis » ne figure pas dans le registre ; la ligne ne compte ${loss}`,
    ]);
  });
});

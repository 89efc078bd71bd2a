/**
 * Hand mutants of register.ts (session 20): rules of the register's reading no test pinned.
 * Expectations worked out by hand from the spec (`regles.md` §1–§3) and the README.
 */
import type { CellValue } from '../../src/domain/cell';
import { runChain, type ChainInput } from '../../src/domain/chain';
import { buildRegister } from '../../src/domain/register';
import type { SavedState, TagDecision } from '../../src/domain/state';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-01-15';
const HEAD = ['N° de marché', 'Objet du marché', 'Montant HT', 'Date de notification'];

describe('regles.md §1: the table ends where its own table or the used range ends', () => {
  it('an Excel table elsewhere on the sheet (a legend above the header) does not end the register', () => {
    // Rows 1–3: a legend kept as an Excel table; row 4 empty; row 5 the register's header, not a table.
    const rows: CellValue[][] = [
      ['Sigle', 'Signification', null, null],
      ['MAPA', 'Procédure adaptée', null, null],
      ['AOO', "Appel d'offres ouvert", null, null],
      [null, null, null, null],
      HEAD,
      ['M-1', 'Papier', 100, d('2025-02-01')],
      ['M-2', 'Stylos', 200, d('2025-03-01')],
    ];
    const legend = { name: 'Legende', headerRow: 1, firstCol: 1, lastCol: 2, lastRow: 3 };
    const reg = buildRegister([{ file: 'a.xlsx', sheets: [grid('Marchés', rows, { tables: [legend] })], state: null }], { today: TODAY });
    expect(reg.mappings[0].headerRow).toBe(5);
    expect(reg.rows.map((r) => [r.values.numero, r.source.row])).toEqual([
      ['M-1', 6],
      ['M-2', 7],
    ]);
  });
});

describe('regles.md §3 doublon: the message of a duplicate in a long sheet', () => {
  it('says once that the two rows carry the same values, past the first few hundred rows', () => {
    // 300 data rows (sheet rows 2–301): row 3 repeats row 2, every other numero is distinct.
    const rows: CellValue[][] = [HEAD, ['M-1', 'Papier', 100, d('2025-02-01')], ['M-1', 'Papier', 100, d('2025-02-01')]];
    for (let i = 2; i < 300; i++) rows.push([`N-${i}`, 'Stylos', 10, d('2025-03-01')]);
    const reg = buildRegister([{ file: 'a.xlsx', sheets: [grid('Marchés', rows)], state: null }], { today: TODAY });
    expect(reg.rows).toHaveLength(300);
    const doublons = reg.rows.flatMap((r) => r.findings.filter((f) => f.code === 'doublon'));
    expect(doublons.map((f) => f.source.row)).toEqual([3]);
    const sentence = ' Les deux lignes portent les mêmes valeurs (saisie en double).';
    expect(doublons[0].message.endsWith(sentence)).toBe(true);
    expect(doublons[0].message.split(sentence)).toHaveLength(2);
  });
});

describe('regles.md §2 coverage: a filled cell counts as filled whatever its field', () => {
  it('3.1.1-reutilisation counts the row whose réutilisation cell is filled', () => {
    // Two rows of 2025, one with 500 € from reuse: Σ = 500, 1 filled of 2.
    const rows: CellValue[][] = [
      [...HEAD, 'Montant réutilisation'],
      ['M-1', 'Mobilier', 1000, d('2025-02-01'), 500],
      ['M-2', 'Papier', 200, d('2025-03-01'), null],
    ];
    const out = runChain([{ file: 'a.xlsx', sheets: [grid('Marchés', rows)], state: null }], { today: TODAY });
    const r = out.result.indicateurs.find((i) => i.id === '3.1.1-reutilisation');
    expect([r?.valeur, r?.couverture]).toEqual([500, { renseignees: 1, total: 2 }]);
  });
});

describe('README « Étiquettes suggérées »: decisions apply to the register sheets only', () => {
  it('a decision applying by numero, replaced on its register sheet, is not saved again for a companion sheet', () => {
    // « seconde main » suggests Clause environnementale on M-1.
    const key = { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale' } as const;
    const register = grid('Marchés', [HEAD, ['M-1', 'Mobilier de seconde main', 1000, d('2025-02-01')]]);
    const cibles = grid('Cibles', [['Indicateur', 'Année', 'Cible'], ['4.2.2-clause-sociale-nb', 2025, 1]]);
    // Saved without a source: it applies by numero to every register sheet of the workbook (Marchés).
    const saved: TagDecision = { ...key, decision: 'confirmée' };
    const state: SavedState = { version: 1, mappings: [], decisions: [saved] };
    const input: ChainInput = { file: 'a.xlsx', sheets: [register, cibles], state };
    const rejected: TagDecision = { ...key, source: 'a.xlsx|Marchés', decision: 'rejetée' };
    const out = runChain([input], { today: TODAY, decisions: [rejected] });
    expect(out.register.rows[0].environnementale).toBe(false);
    // Replaced on the one register sheet it applied to: nothing of it is left to save.
    expect(out.state.decisions).toEqual([rejected]);
  });
});

/**
 * Hand mutants of first-rows.ts (session 20): the first row of each (year, numero) for
 * `doublon` (`regles.md` §3: same numero, case and all spaces ignored, same year).
 * Expectations worked out by hand from the spec.
 */
import type { CellValue } from '../../src/domain/cell';
import { FirstRows } from '../../src/domain/first-rows';
import { buildRegister } from '../../src/domain/register';
import { d, grid } from '../helpers/grid';

describe('regles.md §3 doublon: case ignored, every letter of the alphabet', () => {
  it('« AZ-1 » then « az-1 » in the same year: the second row is a doublon', () => {
    const rows: CellValue[][] = [
      ['N° de marché', 'Objet du marché', 'Montant HT', 'Date de notification'],
      ['AZ-1', 'Papier', 100, d('2025-02-01')],
      ['az-1', 'Papier', 100, d('2025-05-01')],
      ['XYZ-2', 'Stylos', 50, d('2025-02-01')],
      ['xyz-2', 'Stylos', 50, d('2025-06-01')],
    ];
    const reg = buildRegister([{ file: 'a.xlsx', sheets: [grid('Marchés', rows)], state: null }], { today: '2026-01-15' });
    expect(reg.rows.map((r) => r.findings.map((f) => f.code))).toEqual([[], ['doublon'], [], ['doublon']]);
  });
});

describe('FirstRows: the table grows while every hash falls on its last slot', () => {
  it('keeps every entry (probing wraps around the end of the table)', () => {
    // A hash of -1 puts every entry on the last slot: each one wraps to the start, before and after growth.
    const index = new FirstRows<number>(() => -1);
    for (let i = 0; i < 1200; i++) expect(index.firstOrAdd(2025, `N-${i}`, i)).toBeUndefined();
    for (let i = 0; i < 1200; i++) expect(index.firstOrAdd(2025, ` n-${i}`, -1)).toBe(i);
  });
});

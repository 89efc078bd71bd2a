/**
 * Session-19 mutation audit: Excel refuses a range operation over 5 million cells (limits.ts,
 * `CELL_LIMIT`; the double refuses past its `cellLimit`). No test held the adapter to it: here the
 * limit is made 100 cells, in the adapter and in the double alike, so that a few rows cross it.
 */
jest.mock('../../../src/workbook/office/limits', () => {
  const actual = jest.requireActual('../../../src/workbook/office/limits');
  return { ...actual, CELL_LIMIT: 100 };
});

import type { SheetPlan } from '../../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble, type ExcelDouble } from '../../doubles/excel-double';

const LIMIT = 100;
const ROWS = 150;
const run = (excel: ExcelDouble) => excel.run as unknown as ExcelRunner;

/** Row i (0-based) of a 5-column register: number, text, amount, date, text. */
function row(i: number): [string, string, number, { date: string }, string] {
  return [`2025-${i + 1}`, `Objet ${i + 1}`, 1000 + i, { date: `2025-03-${String((i % 28) + 1).padStart(2, '0')}` }, `Titulaire ${i % 7}`];
}

describe('the Office adapter keeps each range operation under the cell limit', () => {
  it('writes 150 rows of 5 columns (750 cells, limit 100; a date column of 150 cells) in ranges Excel accepts, values and date formats all there', async () => {
    const excel = createExcelDouble({ sheets: [{ name: 'Suivi', cells: [['N°'], ['S-1']] }], cellLimit: LIMIT });
    const sheet: SheetPlan = {
      name: 'SPASER Registre',
      visibility: 'visible',
      widths: [],
      blocks: [{ row: 1, col: 1, values: Array.from({ length: ROWS }, (_, i) => row(i)) }],
      tables: [],
      links: [],
      charts: [],
    };
    await createOfficeWorkbook(run(excel)).writePlan({ sheets: [sheet] });
    for (let i = 0; i < ROWS; i++) {
      const [numero, objet, montant, , titulaire] = row(i);
      expect([1, 2, 3, 5].map((c) => excel.cell('SPASER Registre', i + 1, c)?.value)).toEqual([numero, objet, montant, titulaire]);
      // The date column: a serial under a date format (dates are written as Excel serials).
      expect(typeof excel.cell('SPASER Registre', i + 1, 4)?.value).toBe('number');
      expect(excel.cell('SPASER Registre', i + 1, 4)?.numberFormat).toMatch(/yyyy/);
    }
  });

  it('reads a sheet of 750 cells (limit 100) in blocks Excel accepts, every row in order', async () => {
    const cells = Array.from({ length: ROWS }, (_, i) => [`S-${i + 1}`, `Objet ${i + 1}`, 1000 + i, i % 2 === 0, `Titulaire ${i % 7}`]);
    const excel = createExcelDouble({ sheets: [{ name: 'Suivi', cells }], cellLimit: LIMIT });
    const grids = await createOfficeWorkbook(run(excel)).readSheets();
    expect(grids.map((g) => g.name)).toEqual(['Suivi']);
    expect(grids[0].rows).toEqual(cells);
  });
});

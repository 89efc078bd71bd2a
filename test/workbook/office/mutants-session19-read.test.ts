/**
 * Session-19 mutation audit of the Office.js reader (`src/workbook/office/read.ts`): the cells are
 * read in blocks of at most the payload budget each (README « Performances » : « un par bloc d'au plus
 * 4 Mo »). The budget is made 30,000 bytes here, so that a few hundred cells fill a block.
 */
jest.mock('../../../src/workbook/office/limits', () => {
  const actual = jest.requireActual('../../../src/workbook/office/limits');
  return { ...actual, PAYLOAD_BUDGET_BYTES: 30_000 };
});

import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { READ_BYTES_PER_CELL_GUESS } from '../../../src/workbook/office/limits';
import { createExcelDouble } from '../../doubles/excel-double';

const BUDGET = 30_000;

describe('the Office reader fills a block up to the budget, never past it', () => {
  it('a sheet whose rows leave less room than one row of the next sheet closes the block: the next sheet goes to the next one', async () => {
    // First guess: 60 bytes a cell, so 500 cells a block. Sheet « A » (99 rows × 5 = 495 cells) leaves room
    // for 5 cells, less than one row of « B » (6 columns): B's first row must wait for the next block;
    // taken into this one, the block would hold 501 cells, 30,060 bytes by the reader's own estimate.
    expect(BUDGET / READ_BYTES_PER_CELL_GUESS).toBe(500);
    const a = Array.from({ length: 99 }, (_, i) => [`A-${i}`, 'x', i, 'y', 'z']);
    const b = Array.from({ length: 10 }, (_, i) => [`B-${i}`, 'p', 'q', 'r', 's', i]);
    const excel = createExcelDouble({ sheets: [{ name: 'A', cells: a }, { name: 'B', cells: b }] });
    const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
    const grids = await wb.readSheets();
    expect(grids.map((g) => g.rows)).toEqual([a, b]);
    const { batchBytes } = wb.stats;
    expect(batchBytes.length).toBeGreaterThan(3);
    expect(batchBytes.every((bytes) => bytes <= BUDGET)).toBe(true);
  });
});

/**
 * Session-20 mutation audit of the Office.js reader (`src/workbook/office/read.ts`), outside the block
 * reading audited in session 19. README « Tests »: Excel's used range, as the add-in reads it, « s'arrête
 * à la dernière valeur »; the file reader and the Excel reader give the same grids.
 */
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble } from '../../doubles/excel-double';

describe('the Office reader reads the cells that hold values, not those only formatted', () => {
  it('empty cells formatted around the register are not read: the grid starts at the first value and stops at the last', async () => {
    // A register of 2 contracts in B4:D6, on a sheet a buyer painted yellow from A1 down to row 2,000 and
    // out to column H (a usual template). Only B4:D6 hold values: the grid is those 3 rows of 3 cells from
    // B4, read in the structure's 2 round trips and 1 block (README « Performances »).
    const values = [
      ['N° marché', 'Objet', 'Montant HT'],
      ['2025-001', 'Papier', 1200],
      ['2025-002', 'Nettoyage', 800],
    ];
    const inRegister = (i: number, j: number) => i >= 3 && i < 6 && j >= 1 && j < 4;
    const cells = Array.from({ length: 2000 }, (_, i) =>
      Array.from({ length: 8 }, (_, j) => (inRegister(i, j) ? values[i - 3][j - 1] : { fill: '#FFFF00' })),
    );
    const excel = createExcelDouble({ name: 'Pôle.xlsx', sheets: [{ name: 'Suivi 2025', cells }] });
    const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
    const [grid] = await wb.readSheets();
    expect({ firstRow: grid.firstRow, firstCol: grid.firstCol, rows: grid.rows }).toEqual({ firstRow: 4, firstCol: 2, rows: values });
    expect(wb.stats.syncsByPhase.lecture).toBe(3);
  });
});

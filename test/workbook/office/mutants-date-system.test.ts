/**
 * Mutation audit of the Office adapter's 1904 date system (regles.md §2 « date :
 * Excel dates »): a date-time keeps its calendar day, and the system read with the
 * sheets is not asked again at the step 5 import (one round trip fewer).
 */
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { toCellValue } from '../../../src/workbook/office/read';
import { createExcelDouble } from '../../doubles/excel-double';

describe('1904 date-times', () => {
  it('a date-time in the afternoon is its own day, not the next one', () => {
    // 44259 is 2025-03-05 counted from 1904-01-01; .75 is 18:00.
    expect(toCellValue(44259.75, 'Double', 'dd/mm/yyyy hh:mm', true)).toEqual({ date: '2025-03-05' });
    expect(toCellValue(44259.999, 'Double', 'dd/mm/yyyy hh:mm', true)).toEqual({ date: '2025-03-05' });
    expect(toCellValue(44259.5, 'Double', 'dd/mm/yyyy hh:mm', true)).toEqual({ date: '2025-03-05' });
  });
});

describe('the date system known from the read', () => {
  async function importSyncs(readFirst: boolean, date1904: boolean): Promise<{ syncs: number; serial: unknown }> {
    const excel = createExcelDouble({ name: 'Bilan.xlsx', sheets: [{ name: 'Feuil1', cells: [['x']] }], date1904 });
    const book = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
    if (readFirst) await book.readSheets();
    const before = excel.syncCount;
    await book.importSheets([{ name: 'Sport', rows: [['Date'], [{ date: '2025-03-05' }]] }]);
    return { syncs: excel.syncCount - before, serial: excel.cell('Sport', 2, 1)?.value };
  }

  it.each([false, true])('is not asked again when the sheets were read (1904 system: %s)', async (date1904) => {
    const cold = await importSyncs(false, date1904);
    const warm = await importSyncs(true, date1904);
    expect(warm.syncs).toBe(cold.syncs - 1);
    // 2025-03-05 as the workbook counts it.
    expect(warm.serial).toBe(date1904 ? 44259 : 45721);
    expect(cold.serial).toBe(warm.serial);
  });
});

/**
 * Found by the readers' fuzz property (`test/workbook/fuzz-readers.property.test.ts`):
 * a date before 1 March 1900 saved by Excel (serial 1 to 59) was read from the
 * file one day early, and Excel's phantom 29/02/1900 (serial 60) or a serial 0
 * under a date format as a date: ExcelJS turns the serial into a date counting
 * from 30/12/1899 for all serials, while Excel counts from 31/12/1899 below 60.
 * The file must read as Excel shows it (the Office reader's rule).
 */
import ExcelJS from 'exceljs';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { openXlsx } from '../../../src/workbook/xlsx';
import { createExcelDouble } from '../../doubles/excel-double';

const SERIALS = [1, 2, 59, 60, 61, 0, 45700];

async function fromFile() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dates');
  SERIALS.forEach((n, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = n; // what Excel stores: the serial, under a date format
    cell.numFmt = 'dd/mm/yyyy';
  });
  const file = await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'dates.xlsx');
  return (await file.readSheets())[0].rows.map((r) => r[0]);
}

async function fromExcel() {
  const excel = createExcelDouble({ name: 'dates.xlsx', sheets: [{ name: 'Dates', cells: SERIALS.map((v) => [{ v, nf: 'dd/mm/yyyy' }]) }] });
  return (await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets())[0].rows.map((r) => r[0]);
}

describe('dates before March 1900 in a file', () => {
  it('read as Excel shows them; the phantom 29/02/1900 and serial 0 stay numbers', async () => {
    expect(await fromFile()).toEqual([
      { date: '1900-01-01' },
      { date: '1900-01-02' },
      { date: '1900-02-28' },
      60,
      { date: '1900-03-01' },
      0,
      { date: '2025-02-12' },
    ]);
  });

  it('read the same through Office.js', async () => {
    expect(await fromFile()).toEqual(await fromExcel());
  });
});

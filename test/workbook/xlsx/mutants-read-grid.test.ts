/**
 * Mutation audit of `isDateFormat` and the xlsx reader's number/date split
 * (regles.md §2: « nombre : Excel numbers → a number ; date : Excel dates »).
 * Literal text of a format — in brackets (colours, locales), in quotes, after
 * `_` or `*` — is no date code; a locale tag with digits (`[$-F800]`, Excel's
 * long date) leaves a date a date.
 */
import ExcelJS from 'exceljs';
import { openXlsx } from '../../../src/workbook/xlsx';
import { isDateFormat } from '../../../src/workbook/xlsx/read-grid';
import { toBytes } from './fixtures';

/** One value per row of column A under its format, as the adapter reads them back. */
async function readBack(cells: readonly (readonly [number | Date, string])[], date1904 = false) {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Formats');
  cells.forEach(([v, format], i) => {
    ws.getCell(i + 1, 1).value = v;
    ws.getCell(i + 1, 1).numFmt = format;
  });
  const [sheet] = await (await openXlsx(await toBytes(wb), 'pole.xlsx')).readSheets();
  return sheet.rows.map((r) => r[0]);
}

describe('isDateFormat: literal text is no date code', () => {
  it('letters in quotes, in brackets, after _ or * are literal', () => {
    // « Standard" h" » (General with a quoted suffix), negatives in red, a space as wide as h, a fill with s.
    for (const f of ['General" h"', 'General;[Red]-General', '[Magenta]General', 'General_h', '*sGeneral']) {
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    }
  });

  it('date codes outside the literal parts make a date format', () => {
    for (const f of ['[$-F800]dddd, mmmm dd, yyyy', '[$-40C]d mmmm yyyy', 'dd/mm/yyyy" (notifié)"', 'bbbb']) {
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    }
  });
});

describe('the xlsx adapter reads numbers and dates under such formats as Excel shows them', () => {
  it('a number under General with a quoted suffix or a colour stays the number', async () => {
    expect(await readBack([[35, 'General" h"'], [1200.5, 'General;[Red]-General']])).toEqual([35, 1200.5]);
  });

  it('a date under a locale-tagged format with digits ([$-F800], [$-40C]) stays a date', async () => {
    const day = new Date(Date.UTC(2025, 2, 5));
    expect(await readBack([[day, '[$-F800]dddd, mmmm dd, yyyy'], [day, '[$-40C]d mmmm yyyy']])).toEqual([{ date: '2025-03-05' }, { date: '2025-03-05' }]);
    // As a serial: 45721 is 5 March 2025.
    expect(await readBack([[45721, '[$-40C]d mmmm yyyy']])).toEqual([{ date: '2025-03-05' }]);
  });

  it('in the 1904 system too: the serial counts from 1 January 1904', async () => {
    expect(await readBack([[45721, '[$-40C]d mmmm yyyy'], [35, 'General" h"']], true)).toEqual([{ date: '2029-03-06' }, 35]);
  });
});

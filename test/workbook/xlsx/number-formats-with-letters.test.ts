/**
 * regles.md §2 — "nombre: Excel numbers → a number; date: Excel dates". Buyers
 * show hours as `35 h` and delays as `30 j` with formats Excel stores escaped
 * (`0\ \h`). ExcelJS drops the backslashes when it loads a file and makes a
 * Date of such numbers (`h`, `s`… look like date codes to it): the xlsx
 * adapter must still read the number, as Excel shows it and as the Office.js
 * reader does (spec-office-read-formats.test.ts).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildRegister } from '../../../src/domain/register';
import { toCellValue } from '../../../src/workbook/office/read';
import { openXlsx } from '../../../src/workbook/xlsx';
import { isDateFormat } from '../../../src/workbook/xlsx/read-grid';
import { loadBytes, toBytes } from './fixtures';

const TODAY = '2026-01-15';
const HOURS = '0\\ \\h';
const DAYS = '0\\ \\j\\o\\u\\r\\s';

async function gridOf(wb: ExcelJS.Workbook) {
  const [sheet] = await (await openXlsx(await toBytes(wb), 'pole.xlsx')).readSheets();
  return sheet;
}

/** Numbers under formats, one per row of a column, as the adapter reads them back. */
async function readNumbers(cells: readonly (readonly [number, string])[], date1904 = false) {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Heures');
  cells.forEach(([n, format], i) => {
    ws.getCell(i + 1, 1).value = n;
    ws.getCell(i + 1, 1).numFmt = format;
  });
  return (await gridOf(wb)).rows.map((r) => r[0]);
}

describe('isDateFormat on the formats as ExcelJS hands them (backslashes dropped)', () => {
  it('a digit placeholder makes a number format, whatever letters follow', () => {
    for (const f of ['0 h', '# ##0 h', '#,##0.00 h', '0 jours', '0 ms', '0.0 s', '?/? h', '0 m²', '0" h"', HOURS, DAYS]) {
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    }
  });

  it('date and time formats stay dates, a fraction of seconds included', () => {
    for (const f of ['dd/mm/yyyy', 'd mmmm yyyy', 'dd\\/mm\\/yyyy', '[$-fr-FR]dddd d mmmm yyyy', 'dd/mm/yyyy;@', 'mm:ss.0', '[h]:mm:ss.00', 'hh:mm', 'yyyy-mm-dd hh:mm:ss.000']) {
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    }
  });

  it('property: digits then any literal text, escaped or not, is never a date format', () => {
    const letters = fc.string({ unit: fc.constantFrom(...'abcdhjmnorsuyMHS '), minLength: 1, maxLength: 8 });
    const digits = fc.constantFrom('0', '#,##0', '# ##0', '0.00', '#,##0.0');
    fc.assert(
      fc.property(digits, letters, fc.boolean(), (d, text, escaped) => {
        const literal = escaped ? [...text].map((c) => `\\${c}`).join('') : text;
        // Escaped as Excel stores it, or unescaped as ExcelJS hands it over.
        expect(isDateFormat(`${d}\\ ${literal}`)).toBe(false);
        expect(isDateFormat(`${d} ${text}`)).toBe(false);
      }),
    );
  });
});

describe('numbers under a format with letters, read through the xlsx adapter', () => {
  const values = [35, 12.25, 1234.56, 0, 7.5, 1000000.123456, 0.000001];

  function workbook(date1904: boolean): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet('Heures');
    values.forEach((v, i) => {
      ws.getCell(i + 1, 1).value = v;
      ws.getCell(i + 1, 1).numFmt = HOURS;
      ws.getCell(i + 1, 2).value = v;
      ws.getCell(i + 1, 2).numFmt = DAYS;
      ws.getCell(i + 1, 3).value = v;
      ws.getCell(i + 1, 3).numFmt = '#,##0.00\\ \\h';
    });
    // A real date beside them stays a date.
    ws.getCell(1, 4).value = 45721;
    ws.getCell(1, 4).numFmt = 'dd\\/mm\\/yyyy';
    return wb;
  }

  it('ExcelJS alone makes Dates of them (the premise of this test)', async () => {
    const wb = await loadBytes(await toBytes(workbook(false)));
    expect(wb.getWorksheet('Heures')!.getCell('A1').value).toBeInstanceOf(Date);
    expect(wb.getWorksheet('Heures')!.getCell('A1').numFmt).toBe('0 h');
  });

  it.each([false, true])('the adapter reads the numbers back exactly (1904 system: %s)', async (date1904) => {
    const sheet = await gridOf(workbook(date1904));
    expect(sheet.rows.map((r) => r.slice(0, 3))).toEqual(values.map((v) => [v, v, v]));
    // 45721 days from 1904-01-01 is 1,462 days after the same serial from 1900.
    const expectedDate = date1904 ? '2029-03-06' : '2025-03-05';
    expect(sheet.rows[0][3]).toEqual({ date: expectedDate });
  });

  it('property: any number typed with up to six decimals comes back the same', async () => {
    const typed = fc.tuple(fc.integer({ min: -1_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 999_999 })).map(([i, f]) => Number(`${i}.${String(f).padStart(6, '0')}`));
    await fc.assert(
      fc.asyncProperty(fc.array(typed, { minLength: 1, maxLength: 50 }), fc.boolean(), async (numbers, date1904) => {
        expect(await readNumbers(numbers.map((n) => [n, HOURS] as const), date1904)).toEqual(numbers);
      }),
      { numRuns: 25 },
    );
  });

  it('property: the xlsx adapter reads what the Office.js reader reads from the same number and format', async () => {
    const formats = fc.constantFrom(HOURS, DAYS, '#,##0.00\\ \\h', '0" h"', '0\\ \\m\\²', '0', '#,##0.00', 'dd/mm/yyyy', 'dd\\/mm\\/yyyy', 'd\\ mmmm\\ yyyy', '[$-fr-FR]dddd d mmmm yyyy');
    const typed = fc.tuple(fc.integer({ min: 1, max: 2_958_465 }), fc.integer({ min: 0, max: 999_999 })).map(([i, f]) => Number(`${i}.${String(f).padStart(6, '0')}`));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(typed, formats), { minLength: 1, maxLength: 40 }), async (cells) => {
        expect(await readNumbers(cells)).toEqual(cells.map(([n, format]) => toCellValue(n, 'Double', format)));
      }),
      { numRuns: 25 },
    );
  });

  it('in the register: 35 hours and a 30-day delay, numbers, with no unreadable value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale', "Heures d'insertion réalisées", 'Délai de paiement']);
    ws.addRow(['M-1', 'Chantier école', 10000, 45721, 'oui', 35, 30]);
    ws.getCell('D2').numFmt = 'dd/mm/yyyy';
    ws.getCell('F2').numFmt = HOURS;
    ws.getCell('G2').numFmt = DAYS;
    const sheets = await (await openXlsx(await toBytes(wb), 'pole.xlsx')).readSheets();
    const [row] = buildRegister([{ file: 'pole.xlsx', sheets, state: null }], { today: TODAY }).rows;
    expect(row.values).toMatchObject({ dateNotification: '2025-03-05', heuresInsertionRealisees: 35, delaiPaiement: 30 });
    expect(row.findings.map((f) => f.code)).toEqual([]);
  });
});

/**
 * regles.md §2 — "nombre: Excel numbers → a number; date: Excel dates". A
 * number is a date only when its number format shows a date: letters that the
 * format shows as literal text (quoted, escaped with `\`, after `_` or `*`)
 * are not date codes. Checked on the Office.js reader, which gets the format
 * code as Excel stores it (ExcelJS drops the backslashes when it loads a file:
 * the xlsx adapter is checked in `test/workbook/xlsx/number-formats-with-letters.test.ts`).
 */
import { buildRegister } from '../../../src/domain/register';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { toCellValue } from '../../../src/workbook/office/read';
import { createExcelDouble } from '../../doubles/excel-double';
import { serial } from './spec-office-fixture';

const TODAY = '2026-01-15';
/** Hours of insertion shown as `35 h`: Excel stores the literal ` h` escaped. */
const HOURS = '0\\ \\h';

describe('regles.md §2 — a literal letter in a number format does not make a date (Office.js)', () => {
  it('reads numbers whose format shows an escaped, quoted or padded letter as numbers', () => {
    expect(toCellValue(35, 'Integer', HOURS)).toBe(35);
    expect(toCellValue(35, 'Integer', '0" h"')).toBe(35);
    expect(toCellValue(12, 'Integer', '#,##0\\ \\m\\²')).toBe(12);
    expect(toCellValue(7, 'Integer', '0_d')).toBe(7);
    expect(toCellValue(7, 'Integer', '0*s')).toBe(7);
  });

  it('still reads real date formats as dates, escaped separators included', () => {
    expect(toCellValue(serial('2025-03-04'), 'Integer', 'dd\\/mm\\/yyyy')).toEqual({ date: '2025-03-04' });
    expect(toCellValue(serial('2025-03-04'), 'Integer', 'd\\ mmmm\\ yyyy')).toEqual({ date: '2025-03-04' });
    expect(toCellValue(serial('2025-03-04'), 'Integer', '[$-fr-FR]dddd d mmmm yyyy')).toEqual({ date: '2025-03-04' });
  });
});

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale', "Heures d'insertion réalisées"];

describe('regles.md §2 — hours shown as `35 h` in the open workbook', () => {
  it('are 35 hours, a number, in the register, with no unreadable value', async () => {
    const excel = createExcelDouble({
      name: 'a.xlsx',
      sheets: [
        {
          name: 'Marchés',
          cells: [HEADER, ['M-1', 'Chantier école', 10000, { v: serial('2025-03-04'), nf: 'dd\\/mm\\/yyyy' }, 'oui', { v: 35, nf: HOURS }]],
        },
      ],
    });
    const sheets = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
    expect(sheets[0].rows[1]).toEqual(['M-1', 'Chantier école', 10000, { date: '2025-03-04' }, 'oui', 35]);
    const [row] = buildRegister([{ file: 'a.xlsx', sheets, state: null }], { today: TODAY }).rows;
    expect(row.values.heuresInsertionRealisees).toBe(35);
    expect(row.findings.map((f) => f.code)).toEqual([]);
  });
});

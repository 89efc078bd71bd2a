/**
 * The three registers of the recipe `dates-durees` (dates, durations and delays typed by hand, one
 * workbook in the 1904 system) open in Excel (the double of Office.js) and read from their files:
 * the same dates, durations, delays and findings, row by row.
 */
import type ExcelJS from 'exceljs';
import { runChain, type ChainOutput } from '../../../src/domain/chain';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble, type SeedCell, type SeedSheet } from '../../doubles/excel-double';
import { serial } from './spec-office-fixture';
import { chainInput, registerValue } from '../../acceptance/helpers';
import {
  FILE_A, FILE_B, FILE_C, HEADER_A, HEADER_B, HEADER_C, ROWS_A, ROWS_B, ROWS_C, SHEET_A, SHEET_B, SHEET_C,
  buildCulture, buildEducation, buildSolidarites,
} from '../../acceptance/blind-dates-durees-workbooks';

const TODAY = '2026-12-03';

/** A recipe cell as Office.js hands it back: a real date is a date-formatted serial of the workbook's calendar. */
function seedCell(v: unknown, date1904: boolean): SeedCell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return { v: serial(v.toISOString().slice(0, 10)) - (date1904 ? 1462 : 0), nf: 'dd/mm/yyyy' };
  if (typeof v === 'object' && 'n' in v) {
    const c = v as { n: number; fmt: string | null };
    return c.fmt ? { v: c.n, nf: c.fmt } : c.n;
  }
  return v as SeedCell;
}

function seed(name: string, title: string | null, header: readonly string[], rows: readonly (readonly unknown[])[], date1904: boolean): SeedSheet[] {
  const cells: SeedCell[][] = [];
  if (title !== null) cells.push([title], []);
  cells.push([...header], ...rows.map((r) => r.map((v) => seedCell(v, date1904))));
  return [{ name, cells }];
}

async function officeChain(file: string, sheets: SeedSheet[], date1904: boolean): Promise<ChainOutput> {
  const excel = createExcelDouble({ name: file, sheets, date1904 });
  const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
  return runChain([{ file, sheets: await wb.readSheets(), state: await wb.readState() }], { today: TODAY, writesCharts: false });
}

/** Each row's read values and finding codes, by sheet row. */
function rowsOf(out: ChainOutput): unknown[] {
  return out.register.rows.map((r) => {
    const v = r.values as Record<string, unknown>;
    return [r.source.row, v.dateNotification, v.dureeMois, v.delaiPaiement, v.horsMarche];
  });
}
const codesOf = (out: ChainOutput) => out.result.controles.map((c) => `${c.ligne} ${c.code} ${c.colonne} ${c.message}`).sort();

describe('the dates-durees registers read in Excel and from their files', () => {
  it.each([
    [FILE_A, SHEET_A, null, HEADER_A, ROWS_A, false, buildCulture],
    [FILE_B, SHEET_B, 'Pôle Éducation – suivi des marchés', HEADER_B, ROWS_B, false, buildEducation],
    [FILE_C, SHEET_C, null, HEADER_C, ROWS_C, true, buildSolidarites],
  ] as const)('%s: the same values and findings', async (file, sheet, title, header, rows, date1904, build) => {
    const office = await officeChain(file, seed(sheet, title, header, rows as unknown as ExcelJS.CellValue[][], date1904), date1904);
    const fromFile = runChain([await chainInput(file, new Uint8Array(await build()))], { today: TODAY, writesCharts: false });
    expect(rowsOf(office)).toEqual(rowsOf(fromFile));
    expect(codesOf(office)).toEqual(codesOf(fromFile));
    expect(office.register.rows.length).toBe(rows.length);
  });

  it('in Excel too: « 15-mars-25 », « 45731 » in text, « 3 ans », « 12 mois reconductible 3 fois », the 1904 bare serial', async () => {
    const a = await officeChain(FILE_A, seed(SHEET_A, null, HEADER_A, ROWS_A as unknown as ExcelJS.CellValue[][], false), false);
    expect([9, 15].map((r) => registerValue(a, r, 'dateNotification'))).toEqual(['2025-03-15', '2025-03-15']);
    expect([4, 6].map((r) => registerValue(a, r, 'dureeMois'))).toEqual([36, 48]);
    const c = await officeChain(FILE_C, seed(SHEET_C, null, HEADER_C, ROWS_C as unknown as ExcelJS.CellValue[][], true), true);
    expect(registerValue(c, 4, 'dateNotification')).toBe('2025-03-13');
  });
});

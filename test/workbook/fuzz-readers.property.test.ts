/**
 * The two readers agree on workbooks with Excel tables and merged cells
 * (generator `laidWorkbook` in `test/helpers/fuzz-workbook.ts`): the same
 * content saved as an `.xlsx` (read with ExcelJS) and seeded into the Excel
 * double (read through Office.js) gives the same grids, and the chain gives
 * the same result on each; neither reader nor the chain throws.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { CellValue } from '../../src/domain/cell';
import { columnLetter, isCalendarDate, isCellError } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { dateToSerial } from '../../src/workbook/office/write';
import { openXlsx } from '../../src/workbook/xlsx';
import { encodeZipPartsAsBytes } from '../../src/workbook/xlsx/node-zip';
import { createExcelDouble, type SeedCell, type SeedSheet } from '../doubles/excel-double';
import { laidWorkbook, TODAY, type LaidMerge, type LaidSheet, type LaidTable, type LaidWorkbook } from '../helpers/fuzz-workbook';
import { trimmed } from '../helpers/grid';

/**
 * A text as Excel stores it in the file: characters XML cannot hold (and DEL, as Excel
 * does: see `test/workbook/xlsx/fuzz-found-stored-text.test.ts`) as `_xHHHH_`, a literal `_xHHHH_` escaped.
 */
function asExcelStores(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\r]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

const DATE_FORMAT = 'dd/mm/yyyy';

const tableAddress = (t: LaidTable) => `${columnLetter(t.left)}${t.top}:${columnLetter(t.left + t.width - 1)}${t.top + t.bodyRows + (t.showTotals ? 1 : 0)}`;
const mergeAddress = (m: LaidMerge) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
const formulaAt = (sheet: LaidSheet) => new Map(sheet.formulas.map((f) => [`${f.row},${f.col}`, f.formula]));
const datedAt = (sheet: LaidSheet) => new Set(sheet.dated.map((d) => `${d.row},${d.col}`));

/** The workbook as Excel would have saved it: dates as serials under a date format, tables, merges. */
async function xlsxBytes(book: LaidWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const t of sheet.tables) {
      const header = sheet.rows[t.top - 1];
      ws.addTable({
        name: t.name,
        ref: `${columnLetter(t.left)}${t.top}`,
        headerRow: true,
        totalsRow: t.showTotals,
        style: { theme: 'TableStyleMedium2', showRowStripes: true },
        // The table part keeps the column names too (the cells are written below).
        columns: Array.from({ length: t.width }, (_, j) => ({ name: String(header[t.left - 1 + j]).replace(/[\u0000-\u001f\ufffe\uffff]/g, ' '), filterButton: true })),
        rows: Array.from({ length: t.bodyRows }, () => Array<null>(t.width).fill(null)),
      });
      // ExcelJS fills the totals row with its own label: the cells are ours.
      const height = 1 + t.bodyRows + (t.showTotals ? 1 : 0);
      for (let i = 0; i < height; i++) for (let j = 0; j < t.width; j++) ws.getCell(t.top + i, t.left + j).value = null;
    }
    const formulas = formulaAt(sheet);
    const dated = datedAt(sheet);
    sheet.rows.forEach((line, i) =>
      line.forEach((v: CellValue, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        if (dated.has(`${i + 1},${j + 1}`)) cell.numFmt = DATE_FORMAT;
        let value: ExcelJS.CellValue;
        if (isCalendarDate(v)) {
          value = dateToSerial(v.date);
          cell.numFmt = DATE_FORMAT;
        } else if (isCellError(v)) value = { error: v.error as ExcelJS.CellErrorValue['error'] };
        else value = typeof v === 'string' ? asExcelStores(v) : v;
        const formula = formulas.get(`${i + 1},${j + 1}`);
        cell.value = formula ? ({ formula, result: value } as ExcelJS.CellFormulaValue) : value;
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function seedCell(v: CellValue, formula: string | undefined, dated: boolean): SeedCell {
  let cell: Exclude<SeedCell, DoubleValueLike>;
  if (isCalendarDate(v)) cell = { v: dateToSerial(v.date), nf: DATE_FORMAT };
  else if (isCellError(v)) cell = { error: v.error };
  else cell = dated ? { v, nf: DATE_FORMAT } : { v };
  return formula ? { ...cell, f: `=${formula}` } : cell;
}
type DoubleValueLike = string | number | boolean | null;

function seeds(book: LaidWorkbook): SeedSheet[] {
  return book.sheets.map((sheet) => {
    const formulas = formulaAt(sheet);
    const dated = datedAt(sheet);
    return {
      name: sheet.name,
      cells: sheet.rows.map((line, i) => line.map((v, j) => (v === null ? null : seedCell(v, formulas.get(`${i + 1},${j + 1}`), dated.has(`${i + 1},${j + 1}`))))),
      tables: sheet.tables.map((t) => ({ name: t.name, address: tableAddress(t), showTotals: t.showTotals })),
      merges: sheet.merges.map(mergeAddress),
    };
  });
}

/** Where a reader must find a table: data rows only, a totals row is not data. */
const expectedArea = (t: LaidTable) => ({ name: t.name, headerRow: t.top, firstCol: t.left, lastCol: t.left + t.width - 1, lastRow: t.top + t.bodyRows });
const inside = (m: LaidMerge, t: LaidTable) => m.top > t.top && m.bottom <= t.top + t.bodyRows && m.left >= t.left && m.right < t.left + t.width;

const RUNS = 300;
const seen = { tables: 0, totals: 0, merges: 0, mergesInTables: 0, sheetsWithTables: 0, dated: 0 };

// Files are saved as the command line saves them: XML parts handed to JSZip as bytes (see node-zip.ts).
encodeZipPartsAsBytes();

describe('the ExcelJS and Office.js readers on workbooks with tables and merged cells (property)', () => {
  test('same grids, same result; neither reader nor the chain throws', async () => {
    await fc.assert(
      fc.asyncProperty(laidWorkbook, fc.constantFrom(undefined, 2024, 2025), async (book, exercice) => {
        const file = await openXlsx(await xlsxBytes(book), book.file);
        const excel = createExcelDouble({ name: book.file, sheets: seeds(book) });
        const workbook = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
        const fromFile = await file.readSheets();
        const fromExcel = await workbook.readSheets();
        expect(workbook.name).toBe(file.name);
        // The builders hold what was laid out: every table, where it was put (guards the property).
        expect(fromFile.map((g) => [g.name, g.tables])).toEqual(book.sheets.map((s) => [s.name, s.tables.map(expectedArea)]));
        expect(fromExcel.map(trimmed)).toEqual(fromFile.map(trimmed));
        seen.tables += book.sheets.reduce((n, s) => n + s.tables.length, 0);
        seen.totals += book.sheets.reduce((n, s) => n + s.tables.filter((t) => t.showTotals).length, 0);
        seen.merges += book.sheets.reduce((n, s) => n + s.merges.length, 0);
        seen.mergesInTables += book.sheets.reduce((n, s) => n + s.merges.filter((m) => s.tables.some((t) => inside(m, t))).length, 0);
        seen.sheetsWithTables += book.sheets.filter((s) => s.tables.length >= 2).length;
        seen.dated += book.sheets.reduce((n, s) => n + s.dated.length, 0);

        const options = { today: TODAY, exercice, writesCharts: true };
        const a = runChain([{ file: file.name, sheets: fromFile, state: null }], options);
        const b = runChain([{ file: workbook.name, sheets: fromExcel, state: null }], options);
        expect(JSON.parse(JSON.stringify(b.result))).toEqual(JSON.parse(JSON.stringify(a.result)));
      }),
      { numRuns: RUNS },
    );
    // The generator reaches what the property is about.
    expect(seen.tables).toBeGreaterThan(RUNS / 2);
    expect(seen.totals).toBeGreaterThan(RUNS / 8);
    expect(seen.merges).toBeGreaterThan(RUNS / 2);
    expect(seen.mergesInTables).toBeGreaterThan(0);
    expect(seen.sheetsWithTables).toBeGreaterThan(0);
    expect(seen.dated).toBeGreaterThan(0);
    // 19–39 s on the 2-core machine, 63 s once beside a mutation run: jest's 60 s would fail a sound run.
  }, 180_000);
});

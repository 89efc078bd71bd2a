/**
 * Session 36: three defects of `SPASER Indicateurs` left by session 35, through both writers (the file
 * read back with ExcelJS, Office.js through the double), and the plan:
 * (1) the tables below the indicators put their third column in column C, 60 characters wide (the
 *     indicator's label): a number stood alone far from its neighbours. They now start in column C,
 *     their label under `Indicateur`, their numbers in the narrow columns beside;
 * (2) the sheet printed at ~53 % one page wide: now ~70 % (label and note narrower and wrapped,
 *     narrow side margins), computed here by hand from the widths and margins read back;
 * (3) a section's title could end a page, its table on the next: no page now ends on a title.
 */
import { demoChain } from '../helpers/demo-chain';
import ExcelJS from 'exceljs';
import type { ChainOutput } from '../../src/domain/chain';
import { buildPlan, INDICATOR_HEADERS } from '../../src/domain/plan';
import { LINE_HEIGHT, SHEET_INDICATEURS, type SheetPlan } from '../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';

const BOOK = 'Consolidation SPASER 2025.xlsx';

const demo = (): Promise<ChainOutput> => demoChain();

function indicators(plan: { sheets: readonly SheetPlan[] }): SheetPlan {
  return plan.sheets.find((s) => s.name === SHEET_INDICATEURS)!;
}

function rowOfTitle(sheet: SheetPlan, text: string): number {
  return sheet.blocks.find((b) => b.style === 'titre' && b.values[0][0] === text)!.row;
}

/** A4 landscape, 841.9 × 595.3 pt; a column of w characters is 7w pixels of 0.75 pt. */
function scaleOf(widths: readonly number[], left: number, right: number): number {
  const sheet = widths.reduce((sum, w) => sum + w * 7 * 0.75, 0);
  return Math.floor(((841.9 - (left + right) * 72) / sheet) * 100);
}

describe('Session 36 — SPASER Indicateurs: tables below under column C, a readable print, no title alone', () => {
  let out: ChainOutput;
  let sheet: SheetPlan;
  let book: ExcelJS.Workbook;
  let excel: ExcelDouble;
  beforeAll(async () => {
    out = await demo();
    sheet = indicators(out.plan);
    const xlsx = new XlsxWorkbook(BOOK, new ExcelJS.Workbook());
    await xlsx.writePlan(out.plan);
    book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.saveXlsx()) as unknown as ExcelJS.Buffer);
    excel = createExcelDouble({ name: BOOK });
    await createOfficeWorkbook(excel.run as unknown as ExcelRunner).writePlan(out.plan);
  }, 60_000);

  it('below the indicators, each table starts in column C (its label under « Indicateur »), its numbers in columns at most 17 wide, in the file', () => {
    const ws = book.getWorksheet(SHEET_INDICATEURS)!;
    const from = rowOfTitle(sheet, 'Répartitions');
    let numbers = 0;
    let tables = 0;
    for (let r = from + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      // A table's header: filled cells, the first in C; nothing in A:B.
      if (row.getCell(3).fill && (row.getCell(3).fill as ExcelJS.FillPattern).pattern === 'solid' && row.getCell(4).value !== null) tables++;
      if (r === rowOfTitle(sheet, 'Graphiques')) continue;
      expect([r, row.getCell(1).value ?? null, row.getCell(2).value ?? null]).toEqual([r, null, null]);
      for (let c = 1; c <= 12; c++) {
        if (typeof row.getCell(c).value !== 'number') continue;
        numbers++;
        expect([r, c, (ws.getColumn(c).width ?? 9) <= 17]).toEqual([r, c, true]);
      }
    }
    expect(tables).toBeGreaterThanOrEqual(9);
    expect(numbers).toBeGreaterThan(40);
    // Column C, the indicators' label, is the wide one: the tables' labels (« France (hors Hauts-de-France) ») fit.
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(31);
    // The charts' data from C too, the chart right of it.
    for (const c of sheet.charts) expect([c.id, c.data.col, c.anchor.col > c.data.col + c.data.colCount]).toEqual([c.id, 3, true]);
  });

  it('prints one page wide at 68 % or more (it was 53 %), by hand from the widths and margins read back; the same margins in Excel', () => {
    const ws = book.getWorksheet(SHEET_INDICATEURS)!;
    const widths = Array.from({ length: INDICATOR_HEADERS.length }, (_, i) => ws.getColumn(i + 1).width ?? 9);
    const m = ws.pageSetup.margins!;
    expect([m.left, m.right, m.top, m.bottom, m.header, m.footer]).toEqual([0.25, 0.25, 0.75, 0.75, 0.3, 0.3]);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const scale = scaleOf(widths, m.left, m.right);
    expect(scale).toBeGreaterThanOrEqual(68);
    expect(scale).toBeLessThanOrEqual(75);
    // The label and the note wrap: their long texts read whole in their narrower columns.
    expect(sheet.wrapColumns).toEqual([3, 12]);
    // Office.js: in points (72 an inch).
    const points = Object.entries(excel.sheet(SHEET_INDICATEURS).pageLayout.margins ?? {}).map(([k, v]) => [k, Math.round(v * 100) / 100]);
    expect(Object.fromEntries(points)).toEqual({ left: 18, right: 18, top: 54, bottom: 54, header: 21.6, footer: 21.6 });
  });

  it('no page ends on a title: whatever the rows above (0 to 14 remarks), a title is on the page of its table’s start; no page is over-full', () => {
    const input = { register: out.register, result: out.result, state: out.state, workbookName: BOOK, sourceSheetsInWorkbook: new Set<string>() };
    for (let n = 0; n <= 14; n++) {
      const remarks = Array.from({ length: n }, (_, k) => `Remarque ${k + 1}.`);
      const s = indicators(buildPlan({ ...input, remarks }));
      const breaks = s.print!.breaksBefore!;
      const header = s.blocks.find((b) => b.style === 'entete' && b.values[0][0] === INDICATOR_HEADERS[0])!.row;
      // An axe's title with its first indicator; a table's title with its header and first row.
      for (const b of s.blocks.filter((x) => x.style === 'axe' && x.row > header)) {
        const keep = b.col === 1 ? 1 : 2;
        expect([n, b.values[0][0], breaks.filter((r) => r > b.row && r <= b.row + keep)]).toEqual([n, b.values[0][0], []]);
      }
      // Each page's rows, by hand: 15 pt a line, a title 18.75 pt, the repeated header atop; at the scale of the widths.
      const page = (595.3 - 2 * 0.75 * 72) / (scaleOf(s.widths, 0.25, 0.25) / 100);
      const tall = new Map((s.tallRows ?? []).map((t) => [t.row, t.lines * LINE_HEIGHT]));
      const titles = new Set(s.blocks.filter((b) => b.style === 'titre').map((b) => b.row));
      const height = (r: number): number => tall.get(r) ?? (titles.has(r) ? 18.75 : LINE_HEIGHT);
      const last = Math.max(...s.blocks.map((b) => b.row + b.values.length - 1), ...s.charts.map((c) => c.anchor.row + c.anchor.height - 1));
      [1, ...breaks, last + 1].forEach((start, k, all) => {
        if (k === all.length - 1) return;
        let points = start > header ? height(header) : 0;
        for (let r = start; r < all[k + 1]; r++) points += height(r);
        expect([n, start, points <= page]).toEqual([n, start, true]);
      });
    }
  });
});

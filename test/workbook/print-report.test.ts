/**
 * Session 35, the printed report: the project lead prints the consolidation's `SPASER …` sheets for
 * the steering committee. Through both writers (the file read back with ExcelJS and its sheet parts,
 * Office.js through the double):
 * (1) each page's footer names the sheet, its page and the day of the run;
 * (2) `SPASER Indicateurs` repeats its header atop each page; the breakdowns and the charts start a
 *     page, and no chart is cut in two by a page's end (it was: the ring of the supplier zones);
 * (3) the register's pages further right repeat the contract's number (column A).
 */
import { demoChain } from '../helpers/demo-chain';
import ExcelJS from 'exceljs';
import type { ChainOutput } from '../../src/domain/chain';
import { buildPlan, INDICATOR_HEADERS } from '../../src/domain/plan';
import { CONSIDERATION_IDS } from '../../src/domain/national-reference';
import { SHEET_ETAT, SHEET_INDICATEURS, SHEET_REGISTRE, SPASER_PREFIX, type SheetPlan } from '../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';
import { sheetRowBreaks } from '../helpers/sheet-links';

const BOOK = 'Consolidation SPASER 2025.xlsx';
const FOOTER = { left: '&A', center: 'Page &P sur &N', right: 'Calcul du 15/01/2026' };

const demo = (): Promise<ChainOutput> => demoChain();

function sheetOf(plan: { sheets: readonly SheetPlan[] }, name: string): SheetPlan {
  return plan.sheets.find((s) => s.name === name)!;
}

/** 1-based row of a one-cell title (`Répartitions`, `Graphiques`) in the plan. */
function titleRow(sheet: SheetPlan, text: string): number {
  return sheet.blocks.find((b) => b.style === 'titre' && b.values[0][0] === text)!.row;
}

/**
 * Rows of 15 pt an A4 landscape page holds, by hand: 841.9 × 595.3 pt, side margins of 0.25 in, top and
 * bottom of 0.75 in (18 and 54 pt); the columns (7 px of 0.75 pt a character) scaled to the page's width.
 */
function pageRows(sheet: SheetPlan): number {
  const width = sheet.widths.reduce((sum, w) => sum + w * 7 * 0.75, 0);
  const scale = Math.floor(((841.9 - 36) / width) * 100) / 100;
  return Math.floor((595.3 - 108) / scale / 15);
}

/** Each chart's rows, from its title (the row above its data) to the chart's last row, are on one page. */
function expectChartsWhole(sheet: SheetPlan, breaks: readonly number[]): void {
  expect(sheet.charts.length).toBeGreaterThan(0);
  for (const c of sheet.charts) {
    const first = c.anchor.row - 1;
    const last = Math.max(c.anchor.row + c.anchor.height - 1, c.data.row + c.data.rowCount - 1);
    expect([c.id, breaks.filter((b) => b > first && b <= last)]).toEqual([c.id, []]);
  }
  // From the charts' title on, no page holds more rows than a printed page does.
  const starts = breaks.filter((b) => b >= titleRow(sheet, 'Graphiques'));
  const end = Math.max(...sheet.charts.map((c) => Math.max(c.anchor.row + c.anchor.height, c.data.row + c.data.rowCount)));
  [...starts, end].forEach((b, k, all) => {
    if (k > 0) expect(b - all[k - 1]).toBeLessThanOrEqual(pageRows(sheet));
  });
}

describe('Session 35 — the printed report: footer, Indicateurs pages, register number at left', () => {
  let out: ChainOutput;
  let book: ExcelJS.Workbook;
  let bytes: Uint8Array;
  let excel: ExcelDouble;
  beforeAll(async () => {
    out = await demo();
    const xlsx = new XlsxWorkbook(BOOK, new ExcelJS.Workbook());
    await xlsx.writePlan(out.plan);
    bytes = await xlsx.saveXlsx();
    book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    excel = createExcelDouble({ name: BOOK });
    await createOfficeWorkbook(excel.run as unknown as ExcelRunner).writePlan(out.plan);
  }, 60_000);

  it('every printed SPASER sheet has a footer: the sheet, « Page x sur n », the day of the run; in the file and in Excel', () => {
    const printed = out.plan.sheets.filter((s) => s.name.startsWith(SPASER_PREFIX) && s.name !== SHEET_ETAT).map((s) => s.name);
    expect(printed.length).toBe(4);
    for (const name of printed) {
      expect([name, book.getWorksheet(name)!.headerFooter?.oddFooter]).toEqual([name, '&L&A&CPage &P sur &N&RCalcul du 15/01/2026']);
      expect([name, excel.sheet(name).pageLayout.footer]).toEqual([name, FOOTER]);
    }
    // The hidden state sheet is never printed.
    expect(book.getWorksheet(SHEET_ETAT)!.headerFooter?.oddFooter).toBeUndefined();
    expect(excel.sheet(SHEET_ETAT).pageLayout.footer).toBeUndefined();
  });

  it('without the day of the run (a plan built alone), the footer still names the sheet and the page', () => {
    const plan = buildPlan({ register: out.register, result: out.result, state: out.state, workbookName: BOOK, sourceSheetsInWorkbook: new Set() });
    expect(sheetOf(plan, SHEET_INDICATEURS).print!.footer).toEqual({ ...FOOTER, right: '' });
  });

  it('SPASER Indicateurs repeats its header atop each page, in the file and in Excel', () => {
    const sheet = sheetOf(out.plan, SHEET_INDICATEURS);
    const header = sheet.blocks.find((b) => b.style === 'entete' && b.values[0][0] === INDICATOR_HEADERS[0])!.row;
    expect(header).toBe(10);
    expect(book.getWorksheet(SHEET_INDICATEURS)!.pageSetup.printTitlesRow).toBe('10:10');
    expect(excel.sheet(SHEET_INDICATEURS).pageLayout.printTitleRows).toBe('$10:$10');
  });

  it('the breakdowns and the charts each start a page, no chart is cut in two; the same breaks in the file and in Excel', async () => {
    const sheet = sheetOf(out.plan, SHEET_INDICATEURS);
    const fileBreaks = await sheetRowBreaks(bytes, SHEET_INDICATEURS);
    const excelBreaks = excel.sheet(SHEET_INDICATEURS).pageBreaks.map((r) => r + 1);
    expect(fileBreaks).toEqual(sheet.print!.breaksBefore);
    expect(excelBreaks).toEqual(fileBreaks);
    expect(fileBreaks).toEqual(expect.arrayContaining([titleRow(sheet, 'Répartitions'), titleRow(sheet, 'Graphiques')]));
    // The demo's five charts, printed at ~70 % (session 36): a page holds ~44 rows of 15 pt, two charts
    // of 18 rows with their titles (three at 53 %): two on each page, the fifth alone.
    expect(sheet.charts.length).toBe(5);
    expect(fileBreaks.filter((b) => b > titleRow(sheet, 'Graphiques'))).toEqual([sheet.charts[2].anchor.row - 1, sheet.charts[4].anchor.row - 1]);
    expectChartsWhole(sheet, fileBreaks);
  });

  it('a chart whose data runs longer than the chart (30 Pôles) still starts a page of its own when it would not fit', () => {
    const poles = Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`Pôle ${k + 1}`, 10 + k]));
    const ids = new Set<string>(Object.values(CONSIDERATION_IDS));
    const result = { ...out.result, indicateurs: out.result.indicateurs.map((i) => (ids.has(i.id) ? { ...i, parPole: poles } : i)) };
    const plan = buildPlan({ register: out.register, result, state: out.state, workbookName: BOOK, sourceSheetsInWorkbook: new Set(), today: '2026-01-15' });
    const sheet = sheetOf(plan, SHEET_INDICATEURS);
    const byPole = sheet.charts.find((c) => c.id === 'considerations-poles')!;
    expect(byPole.data.rowCount).toBe(31);
    expectChartsWhole(sheet, sheet.print!.breaksBefore!);
  });

  it('a header of the tables below the indicators takes the height of its wrapped lines in the file (it printed over the title above)', () => {
    const sheet = sheetOf(out.plan, SHEET_INDICATEURS);
    const ws = book.getWorksheet(SHEET_INDICATEURS)!;
    const below = sheet.blocks.filter((b) => b.style === 'entete' && b.row > titleRow(sheet, 'Répartitions'));
    const narrow = below.filter((b) => b.values[0].some((h) => h === 'Part de la dépense (%)' || h === 'Fournisseurs (%)'));
    expect(narrow.length).toBeGreaterThanOrEqual(3);
    for (const b of narrow) expect([b.row, ws.getRow(b.row).height]).toEqual([b.row, 30]);
  });

  it('the register prints the contract number (column A) at the left of every page, in the file and in Excel', () => {
    expect(book.getWorksheet(SHEET_REGISTRE)!.getCell('A1').value).toBe('N° de marché');
    expect(book.getWorksheet(SHEET_REGISTRE)!.pageSetup.printTitlesColumn).toBe('A:A');
    expect(excel.sheet(SHEET_REGISTRE).pageLayout.printTitleColumns).toBe('$A:$A');
  });
});

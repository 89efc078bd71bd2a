/**
 * Session 35: three defects of the written `SPASER Indicateurs` left by session 34, through both
 * writers (the file read back with ExcelJS, Office.js through the double):
 * (1) the indicators' header is frozen (unless the remarks above it would fill the pane);
 * (2) a value and its unit read apart: no « € » in the number when `Unité` says « € » (it read
 *     « 47 862,94 € € »), and `Unité`, `Cible`, `Atteinte` centred, off the right-aligned numbers;
 * (3) the share charts' value axis stops at 100 and reads in % (it went to 120, format Standard).
 */
import { demoChain } from '../helpers/demo-chain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ChainOutput } from '../../src/domain/chain';
import { buildPlan, INDICATOR_HEADERS, MAX_FROZEN_ROWS } from '../../src/domain/plan';
import { FORMAT_SHARE_AXIS, SHEET_INDICATEURS, SHEET_POLES, type SheetPlan, type WritePlan } from '../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { excelNumberFormat } from '../../src/workbook/xlsx/number-format';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';

const BOOK = 'Consolidation SPASER 2025.xlsx';

const demo = (): Promise<ChainOutput> => demoChain();

function indicators(plan: WritePlan): SheetPlan {
  return plan.sheets.find((s) => s.name === SHEET_INDICATEURS)!;
}

/** 1-based row of the indicators' header in the plan. */
function headerRow(sheet: SheetPlan): number {
  return sheet.blocks.find((b) => b.style === 'entete' && b.values[0][0] === INDICATOR_HEADERS[0])!.row;
}

/** 1-based row of an indicator in the plan. */
function rowOf(sheet: SheetPlan, id: string): number {
  for (const b of sheet.blocks) {
    const i = b.values.findIndex((r) => r[0] === id);
    if (i >= 0) return b.row + i;
  }
  throw new Error(`no ${id}`);
}

const SHARE_AXIS = excelNumberFormat(FORMAT_SHARE_AXIS);

describe('Session 35 — SPASER Indicateurs: frozen header, value beside its unit, share axes', () => {
  let out: ChainOutput;
  let sheet: SheetPlan;
  let book: ExcelJS.Workbook;
  let zip: JSZip;
  let excel: ExcelDouble;
  beforeAll(async () => {
    out = await demo();
    sheet = indicators(out.plan);
    const xlsx = new XlsxWorkbook(BOOK, new ExcelJS.Workbook());
    await xlsx.writePlan(out.plan);
    const bytes = await xlsx.saveXlsx();
    book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    zip = await JSZip.loadAsync(bytes);
    excel = createExcelDouble({ name: BOOK });
    await createOfficeWorkbook(excel.run as unknown as ExcelRunner).writePlan(out.plan);
  }, 60_000);

  it('the demo has one remark above the table: the header (row 10) is frozen, in the file and in Excel', () => {
    expect(out.remarks.length).toBeGreaterThan(0);
    const header = headerRow(sheet);
    expect(header).toBe(10);
    expect(sheet.freezeRows).toBe(header);
    const view = book.getWorksheet(SHEET_INDICATEURS)!.views[0] as { state?: string; ySplit?: number };
    expect(view).toMatchObject({ state: 'frozen', ySplit: header });
    expect(excel.sheet(SHEET_INDICATEURS).frozenRows).toBe(header);
  });

  it('without remarks the header is row 5, frozen; with more than the frozen rows allow, nothing is frozen', () => {
    const input = { register: out.register, result: out.result, state: out.state, workbookName: BOOK, sourceSheetsInWorkbook: new Set<string>() };
    const none = indicators(buildPlan({ ...input, remarks: [] }));
    expect([headerRow(none), none.freezeRows]).toEqual([5, 5]);
    const many = indicators(buildPlan({ ...input, remarks: out.remarks.concat(out.remarks, out.remarks) }));
    expect(headerRow(many)).toBeGreaterThan(MAX_FROZEN_ROWS);
    expect(many.freezeRows).toBeUndefined();
  });

  it('an amount shows no « € » in its number, the Unité column saying it; same digits as before', () => {
    const r = rowOf(sheet, '1.1.2-montant-ar');
    const ws = book.getWorksheet(SHEET_INDICATEURS)!;
    expect(ws.getCell(r, 5).value).toBe('€');
    for (const c of [4, 6, 7]) {
      expect(typeof ws.getCell(r, c).value).toBe('number');
      expect(ws.getCell(r, c).numFmt).toBe('#,##0.00');
      expect(excel.sheet(SHEET_INDICATEURS).rows.get(r - 1)?.get(c - 1)?.numberFormat).toBe('#,##0.00');
    }
    // Nor in SPASER Pôles, whose Unité column says « € » as well.
    const poles = book.getWorksheet(SHEET_POLES)!;
    let amounts = 0;
    poles.eachRow((row) => {
      if (row.getCell(3).value !== '€') return;
      row.eachCell((cell) => {
        if (typeof cell.value !== 'number') return;
        amounts += 1;
        expect(cell.numFmt).not.toMatch(/€/);
      });
    });
    expect(amounts).toBeGreaterThan(0);
  });

  it('Unité, Cible and Atteinte are centred, apart from the right-aligned numbers, in the file and in Excel', () => {
    const ws = book.getWorksheet(SHEET_INDICATEURS)!;
    const office = excel.sheet(SHEET_INDICATEURS);
    for (const id of ['1.1.2-montant-ar', '2.1.1-programmes-nb', '2.1.5-delai-paiement']) {
      const r = rowOf(sheet, id);
      for (const c of [5, 8, 9]) {
        expect([id, c, ws.getCell(r, c).alignment?.horizontal]).toEqual([id, c, 'center']);
        expect([id, c, office.rows.get(r - 1)?.get(c - 1)?.horizontalAlignment]).toEqual([id, c, 'Center']);
      }
      // The numbers keep Excel's right alignment.
      expect(ws.getCell(r, 4).alignment?.horizontal).toBeUndefined();
    }
    // The wrapped label keeps its wrap.
    expect(ws.getCell(rowOf(sheet, '1.1.2-montant-ar'), 3).alignment?.wrapText).toBe(true);
  });

  it('the share charts stop at 100 and read in %, in the file and in Excel; the contracts chart keeps its automatic scale', async () => {
    const shares = sheet.charts.filter((c) => c.shares).map((c) => c.id);
    expect(shares).toEqual(['considerations', 'considerations-poles']);
    expect(sheet.charts.find((c) => c.id === 'contrats-insertion')?.shares).toBeUndefined();
    const parts = Object.keys(zip.files).filter((n) => /charts\/chart\d+\.xml$/.test(n));
    const byTitle = new Map<string, string>();
    for (const p of parts) {
      const xml = await zip.file(p)!.async('string');
      byTitle.set(/<a:t>([^<]*)<\/a:t>/.exec(xml)![1], xml);
    }
    for (const chart of sheet.charts) {
      const xml = byTitle.get(chart.title)!;
      expect(xml).toBeDefined();
      const valAx = /<c:valAx>.*<\/c:valAx>/.exec(xml)?.[0] ?? '';
      if (chart.shares) {
        expect(valAx).toContain('<c:max val="100"/><c:min val="0"/>');
        expect(valAx).toContain(`<c:numFmt formatCode="${SHARE_AXIS.replace(/"/g, '&quot;')}" sourceLinked="0"/>`);
        expect(valAx).toContain('<c:majorUnit val="20"/></c:valAx>');
      } else {
        expect(valAx).not.toContain('<c:max ');
      }
    }
    const charts = excel.sheet(SHEET_INDICATEURS).charts;
    expect(charts.map((c) => c.title)).toEqual(sheet.charts.map((c) => c.title));
    charts.forEach((c, i) => {
      const expected = sheet.charts[i].shares
        ? { minimum: 0, maximum: 100, majorUnit: 20, numberFormat: SHARE_AXIS }
        : { minimum: null, maximum: null, majorUnit: null, numberFormat: 'General' };
      expect([sheet.charts[i].id, c.valueAxis]).toEqual([sheet.charts[i].id, expected]);
    });
  });

  it('on an Excel without ExcelApi 1.8 the share axes still stop at 100, their labels in plain numbers', async () => {
    const office = globalThis as { Office?: unknown };
    office.Office = { context: { requirements: { isSetSupported: (set: string, v: string) => set === 'ExcelApi' && Number(v.split('.')[1]) <= 7 } } };
    try {
      const old = createExcelDouble({ name: BOOK });
      await createOfficeWorkbook(old.run as unknown as ExcelRunner).writePlan(out.plan);
      const axes = old.sheet(SHEET_INDICATEURS).charts.filter((_, i) => sheet.charts[i].shares).map((c) => c.valueAxis);
      expect(axes).toEqual([0, 1].map(() => ({ minimum: 0, maximum: 100, majorUnit: 20, numberFormat: 'General' })));
    } finally {
      delete office.Office;
    }
  });

  it('the axis format shows a share of 40 as « 40 % » (no % code, which would show 4000 %)', () => {
    expect(SHARE_AXIS).toBe('0"\u00a0%"');
  });
});

/**
 * Progress of long reads and writes in Excel (« progress on long work »): the adapter tells how
 * many cells it has read, and how many cells of the plan it has written, after each round trip,
 * and the Excel host turns that into whole percents for the pane's bar. The payload budget is made
 * small here so that a few hundred rows take several round trips, as 20,000 rows do in Excel.
 */
jest.mock('../../../src/workbook/office/limits', () => {
  const actual = jest.requireActual('../../../src/workbook/office/limits');
  return { ...actual, PAYLOAD_BUDGET_BYTES: 30_000, WRITE_BUDGETS: [30_000, 10_000] };
});

import { runChain } from '../../../src/domain/chain';
import type { HostProgress } from '../../../src/taskpane/host';
import { ExcelHost } from '../../../src/taskpane/hosts/excel-host';
import { createOfficeWorkbook, type OfficeProgress } from '../../../src/workbook/office';
import { createExcelDouble, type ExcelDouble } from '../../doubles/excel-double';

const TODAY = '2026-01-15';

function workbook(rows: number): ExcelDouble {
  const cells: (string | number | { v: number; nf: string })[][] = [['N° marché', 'Objet du marché', 'Montant HT', 'Date notif', 'Titulaire']];
  for (let i = 1; i <= rows; i++) cells.push([`2025-${i}`, `Fournitures lot ${i}`, 1000 + i, { v: 45691 + (i % 200), nf: 'dd/mm/yyyy' }, `Titulaire ${i % 37}`]);
  return createExcelDouble({ name: 'Pôle Sport.xlsx', sheets: [{ name: 'Suivi 2025', cells }] });
}

function monotonic(list: readonly OfficeProgress[]): boolean {
  return list.every((p, i) => i === 0 || (p.done >= list[i - 1].done && p.total === list[i - 1].total));
}

describe('the Office adapter tells its progress', () => {
  it('reading past empty rows filled in without being fetched (a value far below): the cells count, progress reaches its total', async () => {
    const excel = workbook(600);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Suivi 2025').getRange('E5000').values = [['fin']];
      await ctx.sync();
    });
    const wb = createOfficeWorkbook(excel.run as never);
    const seen: OfficeProgress[] = [];
    wb.onProgress = (p) => seen.push(p);
    await wb.readSheets();
    expect(monotonic(seen)).toBe(true);
    expect(seen.at(-1)).toEqual({ phase: 'lecture', done: 5000 * 5, total: 5000 * 5 });
  });

  it('reading: cells read after each block, up to all of them, one report per read round trip', async () => {
    const excel = workbook(600);
    const wb = createOfficeWorkbook(excel.run as never);
    const seen: OfficeProgress[] = [];
    wb.onProgress = (p) => seen.push(p);
    await wb.readSheets();
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((p) => p.phase === 'lecture')).toBe(true);
    expect(monotonic(seen)).toBe(true);
    expect(seen.at(-1)).toEqual({ phase: 'lecture', done: 601 * 5, total: 601 * 5 });
    // Two structure syncs, then one per block: each block reported once.
    expect(seen).toHaveLength(wb.stats.syncsByPhase.lecture - 2);
  });

  it('writing: cells of the plan written after each batch, up to all of them', async () => {
    const excel = workbook(600);
    const wb = createOfficeWorkbook(excel.run as never);
    const out = runChain([{ file: 'Pôle Sport.xlsx', sheets: await wb.readSheets(), state: null }], { today: TODAY, writesCharts: true });
    const seen: OfficeProgress[] = [];
    wb.onProgress = (p) => seen.push(p);
    await wb.writePlan(out.plan);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((p) => p.phase === 'ecriture')).toBe(true);
    expect(monotonic(seen)).toBe(true);
    const total = out.plan.sheets.flatMap((s) => s.blocks).reduce((s, b) => s + b.values.length * Math.max(0, ...b.values.map((r) => r.length)), 0);
    expect(seen[0].total).toBe(total);
    expect(seen.at(-1)?.done).toBe(total);
  });

  it('the listener survives a reset of the counters, and stops when set to null', async () => {
    const excel = workbook(300);
    const wb = createOfficeWorkbook(excel.run as never);
    const seen: OfficeProgress[] = [];
    wb.onProgress = (p) => seen.push(p);
    wb.resetStats();
    await wb.readSheets();
    const first = seen.length;
    expect(first).toBeGreaterThan(0);
    wb.onProgress = null;
    await wb.readSheets();
    expect(seen).toHaveLength(first);
  });
});

describe('the Excel host reports whole percents to the pane', () => {
  it('each percent once, rising to 1, for the read then the write of a run', async () => {
    const excel = workbook(600);
    const host = new ExcelHost(excel.run as never, null);
    const seen: HostProgress[] = [];
    host.onProgress((p) => seen.push(p));
    const out = runChain(await host.read(), { today: TODAY, writesCharts: true });
    await host.write(out);
    const reads = seen.filter((p) => p.phase === 'lecture');
    const writes = seen.filter((p) => p.phase === 'ecriture');
    expect(reads.at(-1)?.fraction).toBe(1);
    expect(writes.at(-1)?.fraction).toBe(1);
    for (const list of [reads, writes]) {
      expect(list.every((p, i) => i === 0 || p.fraction > list[i - 1].fraction)).toBe(true);
      // Whole percents (floored: 100 % only when all is done).
      expect(list.every((p) => Math.abs(p.fraction * 100 - Math.round(p.fraction * 100)) < 1e-9 && p.fraction >= 0 && p.fraction <= 1)).toBe(true);
    }
    host.onProgress(null);
    seen.length = 0;
    await host.read();
    expect(seen).toEqual([]);
  });

  it('a second read of one block tells its 100 % too, not taken for a repeat of the first (the pane’s write reads after its load)', async () => {
    const host = new ExcelHost(workbook(20).run as never, null);
    const seen: HostProgress[] = [];
    host.onProgress((p) => seen.push(p));
    await host.read();
    expect(seen).toEqual([{ phase: 'lecture', fraction: 1 }]);
    await host.read();
    expect(seen).toEqual([
      { phase: 'lecture', fraction: 1 },
      { phase: 'lecture', fraction: 1 },
    ]);
  });
});

describe('the import tells its progress too', () => {
  it('cells of the imported sheets, 100 % only with the last batch (the header written again in bold is no extra cell)', async () => {
    const excel = workbook(1);
    const wb = createOfficeWorkbook(excel.run as never);
    await wb.readSheets();
    const header = Array.from({ length: 20 }, (_, j) => `Colonne ${j + 1}`);
    const sheets = Array.from({ length: 120 }, (_, i) => ({ name: `Pôle ${i + 1}`, rows: [header, header.map((_, j) => `P${i + 1}-${j + 1}`)] }));
    const seen: OfficeProgress[] = [];
    wb.onProgress = (p) => seen.push(p);
    await wb.importSheets(sheets);
    expect(seen.length).toBeGreaterThan(2);
    expect(monotonic(seen)).toBe(true);
    expect(seen.at(-1)).toEqual({ phase: 'ecriture', done: seen[0].total, total: seen[0].total });
    // Before the last batch the bar is short of 100 %.
    expect(seen.slice(0, -1).filter((p) => p.done === p.total)).toEqual([]);
  });
});

/**
 * One measure in its own process (so memory peaks do not mix):
 *   tsx bench/measure.ts <file.xlsx> exceljs|chain|write|office
 * Prints one JSON line on stdout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { isCalendarDate, isCellError, type SheetGrid } from '../src/domain/cell';
import { runChain } from '../src/domain/chain';
import { dateToSerial } from '../src/workbook/office/write';
import { readXlsxFile, writeXlsxFile } from '../src/workbook/xlsx/node-files';
import * as os from 'node:os';

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

function peakMb(): number {
  // maxRSS is in kilobytes; the sampler catches what maxRSS would miss on platforms without it.
  const maxRss = process.resourceUsage().maxRSS * 1024;
  return Math.round(Math.max(maxRss, peakRss) / 1048576);
}

function ms(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

async function measureExcelJs(file: string): Promise<Record<string, number>> {
  const t0 = process.hrtime.bigint();
  await new ExcelJS.Workbook().xlsx.readFile(file);
  return { readMs: ms(t0) };
}

async function measureChain(file: string): Promise<Record<string, number>> {
  const t0 = process.hrtime.bigint();
  const wb = await readXlsxFile(file);
  const sheets = await wb.readSheets();
  const state = await wb.readState();
  // The garbage ExcelJS leaves behind is the read's: collected here, counted in the read,
  // rather than by a full collection that would fall in the middle of the compute.
  (globalThis as { gc?: () => void }).gc?.();
  const readMs = ms(t0);
  const t1 = process.hrtime.bigint();
  const out = runChain([{ file: path.basename(file), sheets, state }], { writesCharts: false, today: '2026-01-15' });
  const computeMs = ms(t1);
  const totalMs = ms(t0);
  // The chain's peak, before the passes below add their own garbage.
  const chainPeakMb = peakMb();
  // The same computation again in this process, once V8 has compiled it: best of five.
  let warmMs = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    runChain([{ file: path.basename(file), sheets, state }], { writesCharts: false, today: '2026-01-15' });
    warmMs = Math.min(warmMs, ms(t));
  }
  return { readMs, computeMs, warmMs, totalMs, peakMb: chainPeakMb, rows: out.result.lignes.lues, errors: out.result.lignes.erreurs };
}

/** The command line's write: the plan into the input workbook, saved to a temporary file. */
async function measureWrite(file: string): Promise<Record<string, number>> {
  const wb = await readXlsxFile(file);
  const out = runChain([{ file: path.basename(file), sheets: await wb.readSheets(), state: await wb.readState() }], { writesCharts: false, today: '2026-01-15' });
  const plan = out.plan;
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spaser-bench-')), 'sortie.xlsx');
  const t0 = process.hrtime.bigint();
  await wb.writePlan(plan);
  const planMs = ms(t0);
  await writeXlsxFile(wb, target);
  const writeMs = ms(t0);
  const bytes = fs.statSync(target).size;
  fs.rmSync(path.dirname(target), { recursive: true, force: true });
  return { planMs, writeMs, bytes };
}

/** Seeds the Office.js double with the register, then reads and writes through the Office adapter. */
async function measureOffice(file: string): Promise<Record<string, number>> {
  const doublePath = path.resolve(__dirname, '..', 'test', 'doubles', 'excel-double.ts');
  if (!fs.existsSync(doublePath)) return { absent: 1 };
  const { ExcelDouble } = (await import(doublePath)) as typeof import('../test/doubles/excel-double');
  const office = (await import('../src/workbook/office')) as typeof import('../src/workbook/office');
  const wb = await readXlsxFile(file);
  const grids: readonly SheetGrid[] = await wb.readSheets();
  const double = new ExcelDouble({
    name: path.basename(file),
    sheets: grids.map((g) => ({
      name: g.name,
      at: { row: g.firstRow, col: g.firstCol },
      cells: g.rows.map((r) =>
        r.map((v) =>
          v === null || typeof v !== 'object' ? v : isCalendarDate(v) ? { v: dateToSerial(v.date), nf: 'dd/mm/yyyy' } : isCellError(v) ? { error: v.error } : null,
        ),
      ),
    })),
  });
  const runner = double.run as unknown as Parameters<typeof office.createOfficeWorkbook>[0];
  const t0 = process.hrtime.bigint();
  const owb = office.createOfficeWorkbook(runner);
  const sheets = await owb.readSheets();
  const readSyncs = double.syncCount;
  const readBatches = [...double.batches];
  const out = runChain([{ file: owb.name, sheets, state: await owb.readState() }], { writesCharts: true, today: '2026-01-15' });
  double.resetCounters();
  await owb.writePlan(out.plan);
  const all = [...readBatches, ...double.batches];
  const maxOf = (bs: typeof all): number => bs.reduce((m, b) => Math.max(m, b.requestBytes, b.responseBytes), 0);
  return {
    totalMs: ms(t0),
    readSyncs,
    writeSyncs: double.syncCount,
    maxReadPayload: maxOf(readBatches),
    maxWritePayload: maxOf(double.batches),
    maxPayload: maxOf(all),
  };
}

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2);
  const result =
    mode === 'exceljs'
      ? await measureExcelJs(file)
      : mode === 'chain'
        ? await measureChain(file)
        : mode === 'write'
          ? await measureWrite(file)
          : mode === 'office'
            ? await measureOffice(file)
            : null;
  if (result === null) throw new Error(`unknown mode ${mode}`);
  clearInterval(sampler);
  process.stdout.write(`${JSON.stringify({ peakMb: peakMb(), ...result })}\n`);
}

main().catch((err: unknown) => {
  clearInterval(sampler);
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});

/**
 * BLIND recette `volume`: the Office.js adapter on a LARGE live workbook (Excel double), by the
 * ribbon button « Calculer les indicateurs », week after week. Workbook and edits:
 * blind-volume-workbook.ts. Expectations written from the README (« Dans Excel », « Versions
 * d'Excel requises », « Tests › Adaptateur Office.js », « Performances › Office.js », « Choix faits ›
 * Office.js / Feuilles écrites », « Limites connues ») and the spec (regles.md, sortie.md), BEFORE
 * reading src/workbook/office.
 *
 * What a buyer should expect (README, written down before reading the code):
 *  R1. The ribbon runs the whole chain on the open workbook and writes `SPASER Registre`,
 *      `Contrôles`, `Indicateurs`, `Pôles` (a row carries a Pôle: the file's name, README « Contrôles »)
 *      and the very hidden `SPASER État`, after the user's sheets; it marks faulty cells with a
 *      conditional format only (ExcelApi 1.9), never changing a value.
 *  R2. The same chain as the command line: the JSON of the ribbon run equals the one of
 *      `spaser calculer <file> --json` on the same workbook saved as .xlsx (both draw charts, so
 *      `1.1.2-dataviz` agrees too).
 *  R3. Round trips (« Performances », Office.js): reading = 2 syncs for the structure (sheets,
 *      tables, used ranges) + 1 per block of at most 4 MB (values, types, formats), block size
 *      following the measured weight of the cells: NOT constant, but independent of the row count
 *      beyond the number of blocks. README's table: 10 000 rows × 6 cols → 6 read / 5 write syncs;
 *      100 000 → 37 / 24. A ribbon click adds the highlighting's syncs (4 on the `ribbon` recette).
 *      Bound written here: read syncs − 2 ≤ 2 × ⌈bytes read / 4 MB⌉ + 1 (blocks at least half full on
 *      average, +1 for the state sheet), and doubling the rows (10 000 → 20 000) at most doubles the
 *      block syncs (+1). Same for writing: write syncs ≤ 4 + 2 × ⌈bytes sent / 4 MB⌉, doubling the rows
 *      at most doubles the syncs beyond the fixed part (+1).
 *  R4. Payload budget: every batch (request and response) under 4 MB (« lots de moins de 4 Mo »);
 *      Excel on the web refuses above 5 MB. Checked: every batch ≤ 4 MiB, none ≥ 5 000 000 bytes.
 *  R5. User's data never touched (sortie.md): every value, formula, number format, style, width,
 *      frozen row, table and the user's own conditional format identical before/after; only the
 *      add-in's highlight conditional formats may be added on the register sheet.
 *  R6. A re-run replaces only the add-in's sheets (same five names, nothing else added or removed) and
 *      gives the new counts.
 *  R7. A failure while writing: « Les feuilles SPASER … sont d'abord écrites sous des noms temporaires
 *      puis échangées en un seul lot : un échec laisse les anciennes feuilles intactes » (known limit:
 *      a failure DURING the final swap batch could leave a partial output). The README does not say
 *      the adapter retries a refused batch in smaller blocks. Expected: after a
 *      RequestPayloadSizeLimitExceeded on one data batch, either the run completes (retry) with all
 *      new sheets, or it stops with a French message and the old sheets all intact (and no temporary
 *      sheet left behind); never a mix.
 *
 *  Added AFTER the first run and after reading src/workbook/office (not blind):
 *  R3b. A re-run reads no more than the first run: last week's SPASER sheets are never sources
 *      (regles.md §1). It read them (13 read syncs instead of 6): fixed, see blind-volume-own-output.test.ts.
 *  R8. A read block refused for its size (ResponsePayloadSizeLimitExceeded) is read again in smaller
 *      blocks (read.ts documents it; the README only says blocks follow the measured weight): the run
 *      completes, and the same input gives the same result and the same SPASER sheets (sortie.md).
 *  Observed for R7: the adapter does NOT retry a refused write batch; it stops, deletes its temporary
 *      sheets, keeps the old SPASER sheets, and the pane shows « L'écriture des feuilles SPASER a échoué
 *      (…) » with advice meant for another cause (« terminez la saisie en cours ») — reported, not changed.
 *      Since fixed: a refused batch is tried again in smaller batches (`withSmallerBatchesOnRefusal`),
 *      and an Office error is told by its code, with advice for its own cause (office-errors.test.ts).
 *
 * Hand counts (regles.md §1, §3, §9; sortie.md « lignes »):
 *  Week 1: lues = 20 000 (Marchés 2025; title, header and « Total » rows are not rows) + 5 000
 *    (Marchés 2024) = 25 000. Rows in error = the 9 placed (blind-volume-workbook.ts):
 *    2025 sheet rows 104 (i=101), 2005 (2002), 5006 (5003), 9007 (9004), 12008 (12005), 15009 (15006),
 *    19010 (19007); 2024 sheet rows 251 (j=250), 4001 (j=4000) → lignes.erreurs = 9.
 *    Exercice: 2025 has 19 999 readable dates, 2024 has 4 999 → N = 2025.
 *    lignes.exercice = 2025 rows without error = 20 000 − 7 = 19 993.
 *  Week 2 (100 rows edited, 50 added; see applyWeek2): lues = 25 050; erreurs = 9 − 2 (i=101, 9004
 *    fixed) + 2 (i=300, 7000 broken) + 1 (added doublon of VD25-00001) = 10; error rows on
 *    Marchés 2025: 303, 2005, 5006, 7003, 12008, 15009, 19010, 20053 (i=20050), and 251, 4001 on 2024.
 *    lignes.exercice = 20 050 rows of 2025 − 8 in error = 20 042.
 *
 * Size: 20 000 + 5 000 rows as the brief asks (not reduced). Sync scaling compares 10 000 and 20 000.
 */
import { createHash } from 'node:crypto';
import { runChain, type ChainOutput } from '../../../src/domain/chain';
import type { SpaserResult } from '../../../src/domain/model';
import { openXlsx } from '../../../src/workbook/xlsx';
import { calculerIndicateurs } from '../../../src/commands/commands';
import { setRibbonRunner } from '../../../src/commands/ribbon';
import { ExcelHost } from '../../../src/taskpane/hosts/excel-host';
import { createRibbonRunner, resetRibbonBridge, subscribeOpenStep, subscribeRibbonResult, type RibbonSummary } from '../../../src/taskpane/ribbon-bridge';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble, DoubleContext, ExcelDoubleError, type BatchRecord, type ExcelDouble } from '../../doubles/excel-double';
import { userPicture } from '../../commands/blind-ribbon-read';
import { applyWeek2, buildBook, FILE, OWN_CF_FORMULA, S2024, S2025, TODAY, USER_SHEETS, xlsxBytes, type BookModel } from './blind-volume-workbook';

const SPASER = ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles', 'SPASER État'];
const MB4 = 4 * 1024 * 1024;
const EXCEL_WEB_LIMIT = 5_000_000;
const ROWS = 20_000;

// ---------- helpers ----------

interface Session {
  excel: ExcelDouble;
  outputs: ChainOutput[];
  summaries: RibbonSummary[];
  steps: string[];
  errors: unknown[][];
}

function session(book: BookModel): Session {
  const excel = createExcelDouble({ name: FILE, sheets: book.sheets });
  const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
  const outputs: ChainOutput[] = [];
  const chain: typeof runChain = (inputs, options) => {
    const out = runChain(inputs, { ...options, today: TODAY });
    outputs.push(out);
    return out;
  };
  setRibbonRunner(createRibbonRunner(host, chain, async () => undefined));
  const summaries: RibbonSummary[] = [];
  const steps: string[] = [];
  subscribeRibbonResult((s) => summaries.push(s));
  subscribeOpenStep((s) => steps.push(s));
  return { excel, outputs, summaries, steps, errors: [] };
}

async function click(s: Session): Promise<{ completed: number; batches: BatchRecord[] }> {
  s.excel.resetCounters();
  let completed = 0;
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void s.errors.push(args));
  await calculerIndicateurs({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
  error.mockRestore();
  return { completed, batches: [...s.excel.batches] };
}

const T0 = Date.now();
const lap = (what: string) => process.env.DEBUG_VOLUME && process.stdout.write(`\nLAP ${what} ${Date.now() - T0} ms\n`);
const hash = (v: unknown) => createHash('sha1').update(JSON.stringify(v)).digest('hex');

/** Every user-visible thing of a user sheet (cells with value, formula, format, style; tables; own CF). */
function pictures(excel: ExcelDouble): Map<string, unknown> {
  return new Map(USER_SHEETS.map((n) => [n, userPicture(excel, n, [OWN_CF_FORMULA])]));
}

/** The cell addresses that differ between two pictures (first 10), for a readable failure. */
function diff(a: unknown, b: unknown): string[] {
  const cells = (p: unknown) => new Map(((p as { cells: [string, unknown][] }).cells ?? []).map(([k, v]) => [k, JSON.stringify(v)]));
  const ca = cells(a);
  const cb = cells(b);
  const out: string[] = [];
  for (const k of new Set([...ca.keys(), ...cb.keys()])) if (ca.get(k) !== cb.get(k)) out.push(`${k}: ${ca.get(k)} → ${cb.get(k)}`);
  const { cells: _a, ...ra } = a as Record<string, unknown>;
  const { cells: _b, ...rb } = b as Record<string, unknown>;
  if (JSON.stringify(ra) !== JSON.stringify(rb)) out.push(`sheet properties: ${JSON.stringify(ra).slice(0, 300)} → ${JSON.stringify(rb).slice(0, 300)}`);
  return out.slice(0, 10);
}

/** What a user sees of each SPASER sheet (chart ids and automatic names « Chart N », new at each write as in Excel, left out). */
function spaserPicture(excel: ExcelDouble, n: string): unknown {
  const snap = excel.snapshot(n) as { charts: { id?: number; name?: string }[] };
  return { ...snap, charts: snap.charts.map(({ id: _id, name: _name, ...c }) => c) };
}

function spaserHashes(excel: ExcelDouble): Record<string, string> {
  return Object.fromEntries(excel.sheetNames().filter((n) => n.startsWith('SPASER ')).map((n) => [n, hash(spaserPicture(excel, n))]));
}

function errorRows(result: SpaserResult): string[] {
  return [...new Set(result.controles.filter((c) => c.gravite === 'erreur').map((c) => `${c.feuille}!${c.ligne}`))].sort();
}

/** Findings of a severity, counted by code. */
function codes(result: SpaserResult, gravite: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of result.controles) if (c.gravite === gravite) out[c.code] = (out[c.code] ?? 0) + 1;
  return out;
}

/** Rows of the SPASER Registre table (header excluded). */
function registerRows(excel: ExcelDouble): number {
  const t = excel.tablesOf('SPASER Registre');
  expect(t).toHaveLength(1);
  return t[0].nr - 1;
}

interface Measure {
  readSyncs: number;
  writeSyncs: number;
  readBytes: number;
  writeBytes: number;
  maxRequest: number;
  maxResponse: number;
}

/** The adapter alone: read (sheets + state), chain, write the plan; syncs and bytes by phase. */
async function measure(rows: number): Promise<Measure> {
  const book = buildBook(rows);
  const excel = createExcelDouble({ name: FILE, sheets: book.sheets });
  const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
  const sheets = await wb.readSheets();
  const state = await wb.readState();
  const readSyncs = excel.syncCount;
  const read = excel.batches.slice(0, readSyncs);
  const out = runChain([{ file: FILE, sheets, state }], { today: TODAY });
  await wb.writePlan(out.plan);
  const written = excel.batches.slice(readSyncs);
  return {
    readSyncs,
    writeSyncs: written.length,
    readBytes: read.reduce((s, b) => s + b.responseBytes + b.requestBytes, 0),
    writeBytes: written.reduce((s, b) => s + b.requestBytes + b.responseBytes, 0),
    maxRequest: excel.maxRequestBytes,
    maxResponse: excel.maxResponseBytes,
  };
}

/**
 * Makes the first batch of `excel` whose request carries more than `minBytes` fail with Excel's
 * RequestPayloadSizeLimitExceeded, before anything of it is applied (as Excel does). The double
 * only injects a GeneralException (`failOnSync`) or applies one limit to every batch
 * (`payloadLimitBytes`): this targets one request.
 */
function injectPayloadError(excel: ExcelDouble, minBytes: number): { fired: () => number | null; restore: () => void } {
  let firedAt: number | null = null;
  const original = DoubleContext.prototype.sync;
  const spy = jest.spyOn(DoubleContext.prototype, 'sync').mockImplementation(async function (this: DoubleContext) {
    const self = this as unknown as { queue: { kind: string; payload?: unknown }[]; pendingNull: Set<unknown> };
    if (firedAt === null && this.excel === excel) {
      const ops = self.queue.filter((o) => o.kind === 'op');
      const bytes = ops.reduce((s, o) => s + (o.payload === undefined ? 0 : Buffer.byteLength(JSON.stringify(o.payload), 'utf8')), 0);
      if (bytes > minBytes) {
        excel.syncCount += 1;
        firedAt = excel.syncCount;
        excel.batches.push({ index: excel.syncCount, requestBytes: bytes, responseBytes: 0, operations: ops.length, loads: self.queue.length - ops.length });
        self.queue = [];
        self.pendingNull.clear();
        throw new ExcelDoubleError('RequestPayloadSizeLimitExceeded', `${bytes} octets envoyés (injecté)`);
      }
    }
    return original.call(this);
  });
  return { fired: () => firedAt, restore: () => spy.mockRestore() };
}

/**
 * Makes the first batch of `excel` whose RESPONSE carries more than `minBytes` fail with Excel's
 * ResponsePayloadSizeLimitExceeded (a read block: loads only, nothing of the workbook changes).
 */
function injectResponseError(excel: ExcelDouble, minBytes: number): { fired: () => number | null; restore: () => void } {
  let firedAt: number | null = null;
  const original = DoubleContext.prototype.sync;
  const spy = jest.spyOn(DoubleContext.prototype, 'sync').mockImplementation(async function (this: DoubleContext) {
    await original.call(this);
    const last = excel.batches[excel.batches.length - 1];
    if (firedAt === null && this.excel === excel && last.responseBytes > minBytes && last.operations === 0) {
      firedAt = last.index;
      throw new ExcelDoubleError('ResponsePayloadSizeLimitExceeded', `${last.responseBytes} octets reçus (injecté)`);
    }
  });
  return { fired: () => firedAt, restore: () => spy.mockRestore() };
}

// ---------- the weeks ----------

let book: BookModel;
let s: Session;
let before1: Map<string, unknown>;
let week1: { completed: number; batches: BatchRecord[] };
let out1: ChainOutput;
let cli: SpaserResult;
let m10: Measure;
let m20: Measure;

beforeAll(async () => {
  book = buildBook(ROWS);
  s = session(book);
  before1 = pictures(s.excel);
  lap('built + pictures');
  week1 = await click(s);
  lap('week1 click');
  expect(s.outputs).toHaveLength(1);
  out1 = s.outputs[0];

  // The same workbook saved as .xlsx, through the file path of the command line (`spaser calculer`,
  // src/cli/run.ts steps 1–2: openXlsx → readSheets/readState → runChain, the file writer drawing charts);
  // the CLI's own writing of the output file is left out (14 s here, and not part of the JSON).
  const file = await openXlsx(await xlsxBytes(book), FILE);
  cli = JSON.parse(
    JSON.stringify(runChain([{ file: FILE, sheets: await file.readSheets(), state: await file.readState() }], { today: TODAY, writesCharts: file.writesCharts }).result),
  ) as SpaserResult;
  lap('file path');
  m10 = await measure(10_000);
  m20 = await measure(20_000);
  lap('measures');
  if (process.env.DEBUG_VOLUME) process.stdout.write(`\nM10=${JSON.stringify(m10)}\nM20=${JSON.stringify(m20)}\nWEEK1=${JSON.stringify(week1.batches)}\n`);
}, 300_000);

afterAll(() => {
  setRibbonRunner(null);
  resetRibbonBridge();
});

describe('week 1: 20 000 + 5 000 rows by the ribbon on the live workbook', () => {
  it('the click completes and writes the five SPASER sheets after the user sheets (R1)', () => {
    expect(week1.completed).toBe(1);
    expect(s.excel.sheetNames()).toEqual([...USER_SHEETS, ...SPASER]);
    expect(s.excel.sheet('SPASER État').visibility).toBe('VeryHidden');
  });

  it('counts rows as worked by hand: lues 25 000, erreurs 9, exercice 2025 with 19 993 rows', () => {
    const r = out1.result;
    expect([r.exercice, r.lignes.lues, r.lignes.erreurs, r.lignes.exercice]).toEqual([2025, 25_000, 9, 19_993]);
    expect(errorRows(r)).toEqual(
      [`${S2025}!104`, `${S2025}!2005`, `${S2025}!5006`, `${S2025}!9007`, `${S2025}!12008`, `${S2025}!15009`, `${S2025}!19010`, `${S2024}!251`, `${S2024}!4001`].sort(),
    );
    expect(registerRows(s.excel)).toBe(25_000);
  });

  it('lists the error codes and the warnings as worked by hand', () => {
    // regles.md §3 and README « Contrôles »: empty montant; two unreadable dates (31/02/2025, 45/13/2024); the
    // second VD25-05002; empty numero; « douze mille » and −500 (montant-invalide); #N/A (valeur-illisible only);
    // empty objet.
    expect(codes(out1.result, 'erreur')).toEqual({
      'montant-manquant': 1,
      'date-invalide': 2,
      doublon: 1,
      'numero-manquant': 1,
      'montant-invalide': 2,
      'valeur-illisible': 1,
      'objet-manquant': 1,
    });
    // Warnings, every row (error rows too, they are listed): délai 20 + i%15 > 30 ⇔ i%15 ∈ 11..14: 2025 rows
    // 1..20 000 → 1 333 × 4 = 5 332 (the last five i%15 = 1..5); 2024 délai 15 + j%20 > 30 ⇔ j%20 ∈ 16..19 →
    // 250 × 4 = 1 000; total 6 332. SIRET « 1234567890123 » (13 digits) on i%1000 = 7: 20. « réemploi » in
    // Observations on i%500 = 0: 40 suggestions not confirmed.
    expect(codes(out1.result, 'avertissement')).toEqual({ 'delai-paiement-depasse': 6332, 'siret-invalide': 20, 'suggestion-non-confirmee': 40 });
    // lignes.avertissements: rows of R (2025 without the 7 error rows) with a warning:
    // #{i ≤ 20 000, i ∉ errors : i%15 ∈ 11..14 or i%1000 = 7 or i%500 = 0} = 5 384 (counted from those three
    // rules; of the error rows only i=101 has a délai warning).
    expect(out1.result.lignes.avertissements).toBe(5384);
  });

  it('gives the same JSON as the command line on the same workbook saved as .xlsx (R2, parity)', () => {
    const office = JSON.parse(JSON.stringify(out1.result)) as SpaserResult;
    expect(office.indicateurs.map((i) => i.id)).toEqual(cli.indicateurs.map((i) => i.id));
    for (const ind of cli.indicateurs) expect([ind.id, office.indicateurs.find((i) => i.id === ind.id)]).toEqual([ind.id, ind]);
    expect(office.controles).toEqual(cli.controles);
    expect(office).toEqual(cli);
  });

  it("leaves every user sheet as it was: values, formulas, formats, tables, the user's conditional format (R5)", () => {
    const after = pictures(s.excel);
    for (const n of USER_SHEETS) expect([n, diff(before1.get(n), after.get(n))]).toEqual([n, []]);
  });

  it('keeps every batch of the click within the payload budget (R4)', () => {
    const big = week1.batches.filter((b) => b.requestBytes > MB4 || b.responseBytes > MB4);
    expect(big).toEqual([]);
    expect(Math.max(...week1.batches.map((b) => Math.max(b.requestBytes, b.responseBytes)))).toBeLessThan(EXCEL_WEB_LIMIT);
  });
});

describe('round trips: bounded by the blocks, not by the rows (R3, R4)', () => {
  it('reads in 2 structure syncs + blocks of at most 4 MB, blocks at least half full on average', () => {
    for (const m of [m10, m20]) {
      expect(m.maxResponse).toBeLessThanOrEqual(MB4);
      const minimal = Math.ceil(m.readBytes / MB4);
      expect(m.readSyncs - 2).toBeGreaterThanOrEqual(minimal);
      expect(m.readSyncs - 2).toBeLessThanOrEqual(2 * minimal + 1);
    }
  });

  it('doubling the rows at most doubles the read blocks (+1)', () => {
    expect(m20.readSyncs - 2).toBeLessThanOrEqual(2 * (m10.readSyncs - 2) + 1);
  });

  it('writes in batches under 4 MB, their number following the bytes written', () => {
    for (const m of [m10, m20]) {
      expect(m.maxRequest).toBeLessThanOrEqual(MB4);
      expect(m.writeSyncs).toBeLessThanOrEqual(4 + 2 * Math.ceil(m.writeBytes / MB4));
    }
    expect(m20.writeSyncs - 4).toBeLessThanOrEqual(2 * Math.max(1, m10.writeSyncs - 4) + 1);
  });

  it('a ribbon click costs the adapter read and write plus the highlighting (at most 4 more syncs, +1)', () => {
    expect(week1.batches.length).toBeLessThanOrEqual(m20.readSyncs + m20.writeSyncs + 4 + 1);
  });
});

describe('week 2: 100 rows edited, 50 added; a payload error on one batch, then a clean run (R6, R7)', () => {
  let old: Record<string, string>;
  let beforeWeek2: Map<string, unknown>;
  let failed: { completed: number; batches: BatchRecord[] };
  let firedAt: number | null;
  let afterFailure: Record<string, string>;
  let picturesAfterFailure: Map<string, unknown>;
  let namesAfterFailure: string[];
  let summariesBefore: number;
  let week2: { completed: number; batches: BatchRecord[] };
  let out2: ChainOutput;
  let readSyncs2: number;

  beforeAll(async () => {
    old = spaserHashes(s.excel);
    applyWeek2(s.excel, book);
    // What the ribbon's read costs now that the workbook also holds last week's SPASER sheets.
    s.excel.resetCounters();
    // The ribbon reads through the pane's host (ExcelHost.read).
    await new ExcelHost(s.excel.run as unknown as typeof Excel.run).read();
    readSyncs2 = s.excel.syncCount;
    if (process.env.DEBUG_VOLUME) process.stdout.write(`\nREAD2=${readSyncs2}\n`);
    beforeWeek2 = pictures(s.excel);
    summariesBefore = s.summaries.length;
    s.errors = [];
    const injected = injectPayloadError(s.excel, 1_000_000);
    try {
      lap('week2 start');
      failed = await click(s);
      lap('failed click');
    } finally {
      injected.restore();
    }
    firedAt = injected.fired();
    if (process.env.DEBUG_VOLUME) process.stdout.write(`\nINJECT fired=${firedAt} completed=${failed.completed} batches=${JSON.stringify(failed.batches)}\nSUMMARIES=${JSON.stringify(s.summaries.slice(summariesBefore)).slice(0, 3000)}\nERRORS=${JSON.stringify(s.errors.map((e) => e.map(String))).slice(0, 3000)}\nSTEPS=${JSON.stringify(s.steps)}\n`);
    afterFailure = spaserHashes(s.excel);
    namesAfterFailure = s.excel.sheetNames();
    picturesAfterFailure = pictures(s.excel);
    week2 = await click(s);
    lap('week2 click');
    out2 = s.outputs[s.outputs.length - 1];
    if (process.env.DEBUG_VOLUME) process.stdout.write(`\nWEEK2=${JSON.stringify(week2.batches)} old=${JSON.stringify(old)} afterFailure=${JSON.stringify(afterFailure)} now=${JSON.stringify(spaserHashes(s.excel))}\n`);
  }, 300_000);

  it("re-reading costs what the user's data costs: last week's SPASER sheets (never sources, regles.md §1) add no read block (R3)", () => {
    // 50 rows more than week 1 (20 000 rows: m20) add at most one block.
    expect(readSyncs2).toBeLessThanOrEqual(m20.readSyncs + 1);
  });

  it('the injected error hit a data batch of the write', () => {
    expect(firedAt).not.toBeNull();
  });

  it('after the refused batch: the SPASER sheets are all old or all new, no temporary sheet left (R7)', () => {
    expect(namesAfterFailure).toEqual([...USER_SHEETS, ...SPASER]);
    const allOld = JSON.stringify(afterFailure) === JSON.stringify(old);
    if (!allOld) {
      // Retried in smaller blocks: every sheet is this week's (the register has the 50 new rows).
      for (const n of ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles']) expect([n, afterFailure[n]]).not.toEqual([n, old[n]]);
      expect(failed.completed).toBe(1);
    } else {
      // Stopped: the buyer is told, in French, that the writing failed.
      const shown = s.summaries.slice(summariesBefore).map((x) => (x as { echec?: string | null }).echec ?? '');
      expect(shown.filter((m) => /écriture/i.test(m) && /échou/i.test(m))).toHaveLength(1);
    }
    // The button's event is completed either way (README: « toujours terminées par event.completed() »).
    expect(failed.completed).toBe(1);
  });

  it("the failed click did not touch the user's sheets either", () => {
    for (const n of USER_SHEETS) expect([n, diff(beforeWeek2.get(n), picturesAfterFailure.get(n))]).toEqual([n, []]);
  });

  it('the clean run replaces only the SPASER sheets and gives the hand counts: lues 25 050, erreurs 10, 20 042 rows of 2025 (R6)', () => {
    expect(week2.completed).toBe(1);
    expect(s.excel.sheetNames()).toEqual([...USER_SHEETS, ...SPASER]);
    const r = out2.result;
    expect([r.exercice, r.lignes.lues, r.lignes.erreurs, r.lignes.exercice]).toEqual([2025, 25_050, 10, 20_042]);
    expect(errorRows(r)).toEqual(
      [`${S2025}!303`, `${S2025}!2005`, `${S2025}!5006`, `${S2025}!7003`, `${S2025}!12008`, `${S2025}!15009`, `${S2025}!19010`, `${S2025}!20053`, `${S2024}!251`, `${S2024}!4001`].sort(),
    );
    expect(registerRows(s.excel)).toBe(25_050);
    // −montant-manquant (i=101), −numero-manquant (i=9004), +montant-invalide (« n.c. », i=300),
    // +date-manquante (i=7000), +doublon (the added VD25-00001).
    expect(codes(r, 'erreur')).toEqual({ 'date-invalide': 2, doublon: 2, 'montant-invalide': 3, 'valeur-illisible': 1, 'objet-manquant': 1, 'date-manquante': 1 });
    // Same three rules on i = 1..20 050 without the 8 error rows of 2025: 5 396 (i=101 back in R with its délai
    // warning; none of i=300, 7000, 20050 had a warning; the 50 new rows follow the rules).
    expect(r.lignes.avertissements).toBe(5396);
    const now = spaserHashes(s.excel);
    for (const n of ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles']) expect([n, now[n]]).not.toEqual([n, old[n]]);
  });

  it("week 2 leaves the user's sheets (with this week's edits) untouched, and stays within the budget", () => {
    const after = pictures(s.excel);
    for (const n of USER_SHEETS) expect([n, diff(beforeWeek2.get(n), after.get(n))]).toEqual([n, []]);
    expect(week2.batches.filter((b) => b.requestBytes > MB4 || b.responseBytes > MB4)).toEqual([]);
  });
});

describe('the same week re-run, a read block refused for its size (README: blocks follow the measured weight)', () => {
  let before: Record<string, string>;
  let userBefore: Map<string, unknown>;
  let firedAt: number | null;
  let again: { completed: number; batches: BatchRecord[] };
  let outAgain: ChainOutput;
  let summaries: number;
  let pictureBefore: unknown;
  beforeAll(async () => {
    before = spaserHashes(s.excel);
    pictureBefore = spaserPicture(s.excel, 'SPASER Indicateurs');
    userBefore = pictures(s.excel);
    summaries = s.summaries.length;
    const injected = injectResponseError(s.excel, 1_000_000);
    try {
      again = await click(s);
    } finally {
      injected.restore();
    }
    firedAt = injected.fired();
    outAgain = s.outputs[s.outputs.length - 1];
    lap('re-run with a refused read');
  }, 300_000);

  it('the refused read block is read again in smaller blocks: the run completes, no failure shown', () => {
    expect(firedAt).not.toBeNull();
    expect(again.completed).toBe(1);
    expect(s.summaries.slice(summaries).map((x) => x.echec)).toEqual([null]);
  });

  it('gives the same result and rewrites the same SPASER sheets (sortie.md: same input, same result)', () => {
    expect(JSON.parse(JSON.stringify(outAgain.result))).toEqual(JSON.parse(JSON.stringify(s.outputs[s.outputs.length - 2].result)));
    const now = spaserHashes(s.excel);
    // A readable difference first, for the sheet with the charts.
    if (now['SPASER Indicateurs'] !== before['SPASER Indicateurs']) expect(spaserPicture(s.excel, 'SPASER Indicateurs')).toEqual(pictureBefore);
    expect(now).toEqual(before);
    const after = pictures(s.excel);
    for (const n of USER_SHEETS) expect([n, diff(userBefore.get(n), after.get(n))]).toEqual([n, []]);
  });
});

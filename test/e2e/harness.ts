/**
 * Harness of the end-to-end tests of the browser preview: the pane built by
 * webpack, served on 127.0.0.1, driven in Debian's headless Chromium
 * (`playwright-core`, no network), and helpers to read the downloaded workbooks.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import webpack from 'webpack';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(__dirname, '../..');
export const SHOTS = join(ROOT, 'test-output', 'e2e-blind');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

/** The task pane as the build makes it, in development mode (fast, no minification), into `out`. */
export async function buildPane(out: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => webpack.Configuration;
  const config = makeConfig({}, { mode: 'development' });
  config.mode = 'development';
  config.devtool = false;
  config.output = { ...config.output, path: out };
  config.infrastructureLogging = { level: 'error' };
  const stats = await new Promise<webpack.Stats>((ok, ko) => {
    webpack(config, (err, s) => (err || !s ? ko(err ?? new Error('webpack: no stats')) : ok(s)));
  });
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

/** What the pane's build is made of: the sources, the assets, and the build's own settings. */
const BUILD_INPUTS = ['src', 'assets', 'scripts', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'test/e2e/harness.ts'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** Hash of every input of the build, names and contents: a change anywhere gives another build. */
function buildInputsHash(): string {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap((p) => filesUnder(join(ROOT, p)))) {
    hash.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const BUILT_PREFIX = 'spaser-e2e-pane-';

/** Where the built pane is kept across runs: the real temporary folder, not the run's own. */
function cacheDir(): string {
  return process.env.SPASER_TEST_CACHE_DIR ?? tmpdir();
}

/** Builds of other sources, left more than an hour ago (not those another run may be serving now). */
function dropOldBuilds(): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(cacheDir())) {
    const path = join(cacheDir(), name);
    if (name.startsWith(BUILT_PREFIX) && statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * The pane built once for all the end-to-end test files of a run (a build takes ~10 s), kept in the
 * temporary folder under the hash of its inputs: never served stale, never written to by a test.
 */
export async function builtPane(): Promise<string> {
  const dir = join(cacheDir(), `${BUILT_PREFIX}${buildInputsHash()}`);
  if (existsSync(join(dir, 'taskpane.html'))) {
    // In use again: not « left more than an hour ago » for another run's `dropOldBuilds`.
    const now = new Date();
    utimesSync(dir, now, now);
    return dir;
  }
  dropOldBuilds();
  const work = mkdtempSync(join(cacheDir(), 'spaser-e2e-build-'));
  try {
    await buildPane(work);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  try {
    renameSync(work, dir);
  } catch (error) {
    // Another test file (another jest worker) finished the same build first.
    rmSync(work, { recursive: true, force: true });
    if (!existsSync(join(dir, 'taskpane.html'))) throw error;
  }
  return dir;
}

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^([/\\])+/, '');
    const file = join(dir, path || 'taskpane.html');
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    ok({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}

export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable à ${CHROMIUM} : installez le paquet Debian « chromium ».`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions of the page. */
  errors: string[];
  /** console.error messages of the page. */
  consoleErrors: string[];
}

/** A fresh pane in a fresh context, as a buyer opening the preview. */
export async function openPane(browser: Browser, url: string): Promise<PaneSession> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, acceptDownloads: true, locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(`${url}taskpane.html`);
  return { context, page, errors, consoleErrors };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Writes the SPASER sheets and saves the downloaded workbook at `path`. */
export async function writeAndDownload(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: '4. Indicateurs' }).click();
  await page.getByRole('button', { name: 'Écrire les feuilles SPASER' }).click();
  const link = page.getByRole('link', { name: 'Télécharger le classeur' });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  await download.saveAs(path);
}

// ---------------------------------------------------------------- reading files

export async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Rows of a sheet as objects keyed by the header of row `headerRow` (cell values flattened to text/number/ISO date). */
export function sheetRecords(ws: ExcelJS.Worksheet, headerRow = 1): Record<string, unknown>[] {
  const header = (ws.getRow(headerRow).values as unknown[]).map((v) => (v == null ? '' : String(flat(v))));
  const out: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const rec: Record<string, unknown> = {};
    header.forEach((h, c) => {
      if (h) rec[h] = flat(row.getCell(c).value);
    });
    out.push(rec);
  }
  return out;
}

export function flat(v: unknown): unknown {
  if (v == null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return flat(o.result);
    if ('richText' in o) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('text' in o) return flat(o.text);
    if ('hyperlink' in o) return o.hyperlink;
  }
  return v;
}

/** All the text of a sheet (values, one cell per line). */
export function sheetText(ws: ExcelJS.Worksheet): string {
  const parts: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => parts.push(String(flat(c.value)))));
  return parts.join('\n');
}

export interface PackageSheet {
  name: string;
  state: string | null;
  part: string;
}

/** The sheets of an .xlsx package as workbook.xml lists them, with their part and visibility. */
export async function packageSheets(bytes: Buffer): Promise<{ zip: JSZip; sheets: PackageSheet[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: PackageSheet[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])![1]);
    const state = /\bstate="([^"]*)"/.exec(m[0])?.[1] ?? null;
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0].replace(/sheetId="[^"]*"/, ''))?.[1];
    sheets.push({ name, state, part: targets.get(rid ?? '') ?? '' });
  }
  return { zip, sheets };
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The bytes of the part of sheet `name` (throws when absent). */
export async function sheetPart(bytes: Buffer, name: string): Promise<string> {
  const { zip, sheets } = await packageSheets(bytes);
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`feuille ${name} absente`);
  return zip.file(sheet.part)!.async('string');
}

// ---------------------------------------------------------------- French text

/**
 * English words that must not reach a French buyer. Whole words, case-insensitive;
 * chosen so that none is also a common French word.
 */
export const ENGLISH_WORDS = [
  'error', 'errors', 'failed', 'failure', 'invalid', 'cannot', 'undefined', 'null', 'NaN', 'the', 'file', 'files', 'sheet',
  'column', 'columns', 'warning', 'loading', 'upload', 'download', 'submit', 'cancel', 'close', 'open', 'select', 'choose',
  'browse', 'save', 'next', 'previous', 'back', 'settings', 'help', 'yes', 'no', 'none', 'unknown', 'not', 'found', 'is',
  'of', 'and', 'with', 'from', 'to', 'please', 'missing', 'required', 'optional', 'remove', 'delete', 'clear', 'dismiss',
  'expand', 'collapse', 'true', 'false', 'object', 'Object', 'TypeError', 'zip', 'corrupted', 'unexpected', 'end',
  'central', 'directory', 'worksheet', 'workbook', 'step', 'steps', 'results', 'Drop', 'here', 'or', 'click', 'no file chosen',
];

/** The English words found in `text` (whole words). */
export function englishIn(text: string): string[] {
  const found = new Set<string>();
  for (const w of ENGLISH_WORDS) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}_'’-])${w.replace(/\s+/g, '\\s+')}(?=$|[^\\p{L}\\p{N}_'’-])`, 'iu');
    if (re.test(text)) found.add(w);
  }
  return [...found];
}

/** Everything a buyer can read or hear on the page: visible text, aria labels, titles, placeholders, alt texts, option texts. */
export async function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script,style,noscript')) continue;
      const t = n.textContent?.trim();
      if (t) out.push(t);
    }
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-valuetext', 'aria-roledescription']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    out.push(document.title);
    return out;
  });
}

/** The pane of one test file: built, served and a browser launched before its tests, all closed after. */
export interface ServedPane {
  readonly work: string;
  readonly url: string;
  readonly browser: Browser;
}

export function servedPane(prefix: string): ServedPane {
  const served = {} as { work: string; url: string; browser: Browser; server?: Server };
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served.work = mkdtempSync(join(tmpdir(), prefix));
    ({ server: served.server, url: served.url } = await serve(await builtPane()));
    served.browser = await launch();
  });
  afterAll(async () => {
    await served.browser?.close();
    await new Promise<void>((ok) => (served.server ? served.server.close(() => ok()) : ok()));
    if (served.work) rmSync(served.work, { recursive: true, force: true });
  });
  return served;
}

export type BookCell = string | number | Date | null;

/** A workbook of plain sheets, as bytes. */
export async function book(sheets: { name: string; rows: BookCell[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r) => ws.addRow(r));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A calendar day as ExcelJS writes a date (UTC midnight). */
export const day = (d: number, month: number, year = 2025): Date => new Date(Date.UTC(year, month - 1, d));

// ---------------------------------------------------------------- driving the pane

/** Every English word readable on the page now, with where it was found. */
export async function englishOnPage(page: Page, where: string): Promise<string[]> {
  const texts = await readableText(page);
  return texts.flatMap((t) => englishIn(t).map((w) => `${where}: « ${w} » dans « ${t} »`));
}

/** Opens a step by its button (`4. Indicateurs`) and waits for its heading. */
export async function goTo(page: Page, step: string): Promise<void> {
  await page.getByRole('button', { name: step }).click();
  await page.getByRole('heading', { name: new RegExp(`— ${step.replace(/^\d\. /, '')}$`) }).waitFor();
}

/** The text of one indicator in step 4 (id, label, value, status, reason, N−1, target). */
export async function indicator(page: Page, id: string): Promise<string> {
  // Axes are <details>: a closed one still holds its indicators.
  const li = page.locator(`li[data-indicateur="${id}"]`);
  await li.waitFor({ state: 'attached' });
  const parts = await li.evaluate((el) => Array.from(el.children).map((c) => c.textContent ?? ''));
  return parts.join('\n').replace(/[\u00a0\u202f]/g, ' ');
}

/** The text of the option a drop-down shows. */
export async function selectedText(page: Page | Locator, label: string): Promise<string | null | undefined> {
  return page.getByRole('combobox', { name: label, exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent);
}

/**
 * An in-memory Excel that keeps Office.js semantics: proxy objects whose
 * properties are unreadable until loaded and synced, a queue of writes
 * applied in order on `sync()`, null objects, and the limits of Excel on
 * the web (5 MB payloads, 5 million cells per range). It counts syncs and
 * the JSON size of every batch. No jest globals: the bench imports it too.
 *
 * A batch whose response is refused for its size delivers nothing it loaded
 * (values and `isNullObject` stay as before the batch); its writes stay
 * applied, which the docs leave open (see `DoubleContext.sync`).
 *
 * Protection: a protected workbook structure refuses adding, deleting,
 * renaming, moving and hiding sheets; a protected sheet refuses writes to its
 * cells and conditional formats. Excel's error code for these refusals is not
 * documented: the double answers `AccessDenied`, which the add-in must not rely on.
 *
 * Not modelled: formula calculation (a formula written through the API gets
 * a cached value of 0), merging cells through the API (seeded merged areas
 * are), rich values, undo.
 *
 * `null` in a 2-D array written to `values`, `formulas` or `numberFormat`
 * leaves that cell unchanged, `''` clears it (Office.js docs). What the docs
 * leave open is listed in test/README.md (Session 37) as questions for a real Excel.
 */

export type DoubleValue = string | number | boolean | null;

export interface CellModel {
  value: DoubleValue;
  formula?: string;
  error?: string;
  numberFormat?: string;
  /** Written with a leading apostrophe: kept as text. */
  quotePrefix?: boolean;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
  /** `format.wrapText`. */
  wrap?: boolean;
  /** `format.verticalAlignment` (`Top`, `Center`, `Bottom`…). */
  verticalAlignment?: string;
  /** `format.horizontalAlignment` (`General` when unset, `Center`…). */
  horizontalAlignment?: string;
}

/** `worksheet.pageLayout` (ExcelApi 1.9): what the add-in sets of it. */
export interface PageLayoutModel {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** `setPrintTitleRows` argument: `$1:$1`. */
  printTitleRows?: string;
  /** `setPrintTitleColumns` argument: `$A:$A`. */
  printTitleColumns?: string;
  /** `headersFooters.defaultForAllPages`: the footers set. */
  footer?: { left?: string; center?: string; right?: string };
  /** `leftMargin`… `footerMargin`, in points: those set (Excel's « Normales » otherwise). */
  margins?: { left?: number; right?: number; top?: number; bottom?: number; header?: number; footer?: number };
}

export interface Rect {
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

export interface TableModel extends Rect {
  name: string;
  sheet: SheetModel;
  showFilterButton: boolean;
  /** A totals row shown as the table's last row (inside its range, as in Excel). */
  showTotals?: boolean;
  /** The header row turned off (Table Design › Header Row): the range starts with data. */
  showHeaders?: boolean;
}

export interface ChartModel {
  id: number;
  name: string;
  sheet: SheetModel;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string | null;
  position: { start: string; end?: string } | null;
  seriesFill: Record<number, string>;
  pointFill: Record<string, string>;
  legendPosition: string | null;
  showPercentage: boolean;
  /** `axes.valueAxis`: null for automatic bounds (Excel returns its computed number), `General` by default. */
  valueAxis: { minimum: number | null; maximum: number | null; majorUnit: number | null; numberFormat: string };
  /** Alternative text, set through the chart's `Shape` (`worksheet.shapes`, ExcelApi 1.9) when `chartShapes` lists it. */
  altText?: { title?: string; description?: string };
}

export interface ConditionalFormatModel {
  id: number;
  sheet: SheetModel;
  areas: Rect[];
  type: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
}

export interface SheetModel {
  id: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  rows: Map<number, Map<number, CellModel>>;
  widths: Map<number, number>;
  /** Row heights in points set by `format.rowHeight` (0-based rows). */
  heights: Map<number, number>;
  frozenRows: number;
  pageLayout: PageLayoutModel;
  /** `horizontalPageBreaks` (ExcelApi 1.9): the 0-based row just below each manual break, in the order added. */
  pageBreaks: number[];
  charts: ChartModel[];
  /** Merged areas (0-based), as Excel keeps them: the value lives in the top-left cell only. */
  merges: Rect[];
  deleted: boolean;
  /** Review › Protect Sheet: cells and conditional formats refuse changes. */
  protected: boolean;
}

export interface WorkbookModel {
  name: string;
  sheets: SheetModel[];
  tables: TableModel[];
  cfs: ConditionalFormatModel[];
  calculationSuspendedSyncs: number;
  /** The workbook's date system (Excel: File › Options › Advanced › « Utiliser le calendrier depuis 1904 »). */
  date1904: boolean;
  /** Review › Protect Workbook (structure): sheets cannot be added, deleted, renamed, moved or hidden. */
  structureProtected: boolean;
}

export interface BatchRecord {
  /** 1-based index among all syncs of the double. */
  index: number;
  /** JSON bytes of the queued writes and method arguments. */
  requestBytes: number;
  /** JSON bytes of the loaded properties. */
  responseBytes: number;
  operations: number;
  loads: number;
}

export type SeedCell =
  | DoubleValue
  | {
      v?: DoubleValue;
      f?: string;
      error?: string;
      nf?: string;
      fill?: string;
      bold?: boolean;
    };

export interface SeedSheet {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Rows of cells from `at` (default A1). */
  cells?: SeedCell[][];
  at?: { row: number; col: number };
  tables?: { name: string; address: string; showTotals?: boolean; showHeaders?: boolean }[];
  conditionalFormats?: { address: string; type: string; formula?: string; fill?: string }[];
  widths?: Record<number, number>;
  frozenRows?: number;
  /** Merged areas, local addresses such as `A5:A7`. */
  merges?: string[];
  /** A protected sheet (Review › Protect Sheet). */
  protected?: boolean;
}

export interface DoubleOptions {
  name?: string;
  sheets?: SeedSheet[];
  /** Payload limit of one request or response (Excel on the web: 5 MB). */
  payloadLimitBytes?: number;
  /** Cells one range operation may touch (Excel: 5 million). */
  cellLimit?: number;
  /** A workbook in the 1904 date system (serial 0 is 1904-01-01). */
  date1904?: boolean;
  /** A workbook whose structure is protected (Review › Protect Workbook). */
  structureProtected?: boolean;
  /**
   * Whether a chart is among `worksheet.shapes` (ExcelApi 1.9), which the docs do not say (an open question
   * for a real Excel, test/README.md): `listed` (the default), a shape of the chart's name whose alt text can
   * be set; `unlisted`, charts are not shapes; `refused`, listed, but setting its alt text fails.
   */
  chartShapes?: 'listed' | 'unlisted' | 'refused';
}

export class ExcelDoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

// ---------- addresses ----------

export function colLetters(c0: number): string {
  let s = '';
  let n = c0 + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(r: Rect): string {
  const a = `${colLetters(r.c0)}${r.r0 + 1}`;
  if (r.nr === 1 && r.nc === 1) return a;
  return `${a}:${colLetters(r.c0 + r.nc - 1)}${r.r0 + r.nr}`;
}

/** Splits `'Sheet'!A1:B2` into sheet name (or null) and the local part. */
export function splitAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

export function parseLocalAddress(local: string): Rect {
  const parts = local.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2) throw new ExcelDoubleError('InvalidArgument', `adresse invalide ${local}`);
  const one = (p: string): { r: number | null; c: number | null } => {
    const m = /^([A-Z]{0,3})(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[2] === '')) throw new ExcelDoubleError('InvalidArgument', `adresse invalide ${local}`);
    return { c: m[1] ? lettersToCol(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
  };
  const a = one(parts[0]);
  const b = parts.length === 2 ? one(parts[1]) : a;
  const r0 = a.r ?? 0;
  const r1 = b.r ?? MAX_ROWS - 1;
  const c0 = a.c ?? 0;
  const c1 = b.c ?? MAX_COLS - 1;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), nr: Math.abs(r1 - r0) + 1, nc: Math.abs(c1 - c0) + 1 };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.nr && b.r0 < a.r0 + a.nr && a.c0 < b.c0 + b.nc && b.c0 < a.c0 + a.nc;
}

function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  return Buffer.byteLength(JSON.stringify(v), 'utf8');
}

// ---------- Excel's reading of typed input ----------

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ERROR_LITERALS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'];

/**
 * What Excel stores when the API assigns `input` to a cell (as if typed). `null` in the 2-D array
 * leaves the cell as it is, `''` clears it (« Blank and null values in Excel add-ins », learn.microsoft.com
 * /office/dev/add-ins/excel/excel-add-ins-blank-null-values); JSON sends `undefined` as null.
 */
function coerceInput(cell: CellModel, input: unknown, asFormula: boolean): void {
  if (input === null || input === undefined) return;
  delete cell.formula;
  delete cell.error;
  delete cell.quotePrefix;
  if (input === '') {
    cell.value = null;
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (typeof input !== 'string') throw new ExcelDoubleError('InvalidArgument', `valeur non prise en charge ${String(input)}`);
  if (cell.numberFormat === '@') {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const t = input.trim();
  if (NUMERIC.test(t)) {
    cell.value = Number(t);
    return;
  }
  if (/^(=|\+|-|@)/.test(input) && input.length > 1) {
    cell.formula = input.startsWith('=') ? input : `=${input}`;
    cell.value = 0;
    return;
  }
  if (asFormula && input.startsWith('=')) {
    cell.formula = input;
    cell.value = 0;
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === 'true';
    return;
  }
  if (ERROR_LITERALS.includes(t.toUpperCase())) {
    cell.value = null;
    cell.error = t.toUpperCase();
    return;
  }
  cell.value = input;
}

function valueType(cell: CellModel | undefined): string {
  if (!cell) return 'Empty';
  if (cell.error) return 'Error';
  if (cell.value === null) return 'Empty';
  if (typeof cell.value === 'string') return 'String';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return Number.isInteger(cell.value) ? 'Integer' : 'Double';
}

function readValue(cell: CellModel | undefined): DoubleValue {
  if (!cell) return '';
  if (cell.error) return cell.error;
  return cell.value === null ? '' : cell.value;
}

// ---------- the request context ----------

interface QueuedOp {
  kind: 'op' | 'load';
  payload?: unknown;
  run: () => number | void;
}

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function normalizeLoad(spec: LoadSpec): string[][] {
  let list: string[] = [];
  if (spec === undefined) list = [];
  else if (typeof spec === 'string') list = spec.split(',');
  else if (Array.isArray(spec)) list = spec.flatMap((s) => s.split(','));
  else if (spec.select) list = (Array.isArray(spec.select) ? spec.select : spec.select.split(',')).flatMap((s) => s.split(','));
  return list.map((s) => s.trim()).filter((s) => s !== '').map((s) => s.split('/').map((p) => p.trim()));
}

export class DoubleContext {
  readonly workbook: DWorkbook;
  readonly application: DApplication;
  private queue: QueuedOp[] = [];
  /** Proxies whose `isNullObject` the next sync decides. */
  private pendingNull = new Set<DObject>();
  /**
   * While a batch runs: how to take back, on the proxies, what its loads delivered (loaded
   * values, null-object states), newest last. Null outside a batch.
   */
  private delivered: (() => void)[] | null = null;

  constructor(readonly excel: ExcelDouble) {
    this.workbook = new DWorkbook(this);
    this.application = this.workbook.application;
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  watchNull(o: DObject): void {
    this.pendingNull.add(o);
  }

  /** Notes how to undo one change a load of the running batch makes to a proxy. */
  recordDelivery(undo: () => void): void {
    this.delivered?.push(undo);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const pending = [...this.pendingNull];
    this.queue = [];
    this.pendingNull.clear();
    const ex = this.excel;
    ex.syncCount += 1;
    const record: BatchRecord = {
      index: ex.syncCount,
      requestBytes: ops.reduce((s, o) => s + (o.kind === 'op' ? jsonBytes(o.payload) : 0), 0),
      responseBytes: 0,
      operations: ops.filter((o) => o.kind === 'op').length,
      loads: ops.filter((o) => o.kind === 'load').length,
    };
    ex.batches.push(record);
    if (ex.failAt.has(ex.syncCount)) {
      throw new ExcelDoubleError('GeneralException', `échec simulé à la synchronisation ${ex.syncCount}`);
    }
    if (record.requestBytes > ex.payloadLimitBytes) {
      throw new ExcelDoubleError('RequestPayloadSizeLimitExceeded', `${record.requestBytes} octets envoyés`);
    }
    await Promise.resolve();
    if (ex.model.calculationSuspendedSyncs > 0) ex.model.calculationSuspendedSyncs -= 1;
    const delivered: (() => void)[] = [];
    this.delivered = delivered;
    try {
      for (const op of ops) {
        const bytes = op.run();
        if (typeof bytes === 'number') record.responseBytes += bytes;
      }
      for (const o of pending) o.settleNull();
    } finally {
      this.delivered = null;
    }
    if (record.responseBytes > ex.payloadLimitBytes) {
      // A refused response delivers nothing of its batch: `RequestContext.sync` is what « retrieves
      // properties of loaded Office objects for use in your code » (learn.microsoft.com/javascript/api/
      // office/officeextension.clientrequestcontext), and here it rejects with « The response payload
      // size has exceeded the limit » (learn.microsoft.com/office/dev/add-ins/testing/
      // application-specific-api-error-handling; 5 MB in Excel on the web: learn.microsoft.com/office/
      // dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins). So every
      // value this batch loaded, and every `isNullObject` it settled, goes back to what it was before
      // the batch: unloaded (PropertyNotLoaded) for a proxy never loaded, its earlier value for one
      // loaded by an earlier batch. A null object left unsettled here is settled again only by a
      // later load of it (the stricter reading: the add-in must not count on it).
      // The batch's write operations stay applied: the docs do not say whether Excel runs the
      // operations of a batch whose response it then refuses, so the double keeps its behaviour of
      // before (operations run in order, the response is measured after them).
      for (const undo of delivered.reverse()) undo();
      throw new ExcelDoubleError('ResponsePayloadSizeLimitExceeded', `${record.responseBytes} octets reçus`);
    }
  }
}

/** Base of every proxy: loading, load state and null-object state. */
abstract class DObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  protected abstract readonly className: string;
  protected readonly scalarProps: readonly string[] = [];

  constructor(readonly ctx: DoubleContext) {}

  /** The model object this proxy stands for, resolved when a batch runs; null for a null object. */
  protected abstract bindTarget(): unknown | null;

  private boundTarget: unknown | null | undefined;
  protected target(): unknown | null {
    if (this.boundTarget === undefined) this.boundTarget = this.bindTarget();
    return this.boundTarget;
  }

  /** Throws ItemNotFound when executing an operation on a missing object. */
  protected required<T>(): T {
    const t = this.target();
    if (t === null) throw new ExcelDoubleError('ItemNotFound', `${this.className} introuvable`);
    return t as T;
  }

  settleNull(): void {
    const before = this.nullState;
    this.ctx.recordDelivery(() => {
      this.nullState = before;
    });
    this.nullState = this.target() === null;
  }

  /** Stores a value a load delivers, undoable if the batch's response is refused. */
  protected setLoaded(name: string, value: unknown): void {
    const had = this.loaded.has(name);
    const before = this.loaded.get(name);
    this.ctx.recordDelivery(() => {
      if (had) this.loaded.set(name, before);
      else this.loaded.delete(name);
    });
    this.loaded.set(name, value);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new ExcelDoubleError('PropertyNotLoaded', `isNullObject de ${this.className} : appelez context.sync() d'abord`);
    }
    return this.nullState;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new ExcelDoubleError(
        'PropertyNotLoaded',
        `La propriété « ${name} » de ${this.className} n'est pas chargée : appelez load() puis context.sync().`,
      );
    }
    return this.loaded.get(name) as T;
  }

  /** Scalar read from the model at execution time. */
  protected readScalar(_name: string): unknown {
    return undefined;
  }

  /** Navigation property (child proxy) by name. */
  protected nav(_name: string): DObject | undefined {
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const paths = normalizeLoad(spec);
    this.ctx.enqueue({ kind: 'load', run: () => this.applyLoad(paths) });
    return this;
  }

  /** Applies a load; returns the JSON bytes it sends back. */
  applyLoad(paths: string[][]): number {
    const t = this.target();
    this.settleNull();
    if (t === null) return 0;
    let bytes = 0;
    const direct = paths.filter((p) => p.length === 1).map((p) => p[0]);
    const wanted = paths.length === 0 ? [...this.scalarProps] : direct.filter((p) => this.scalarProps.includes(p));
    for (const name of wanted) {
      const v = this.readScalar(name);
      this.setLoaded(name, v);
      bytes += jsonBytes(v) + name.length + 3;
    }
    const navs = new Map<string, string[][]>();
    for (const p of paths) {
      if (p.length === 1 && this.scalarProps.includes(p[0])) continue;
      const rest = navs.get(p[0]) ?? [];
      if (p.length > 1) rest.push(p.slice(1));
      navs.set(p[0], rest);
    }
    for (const [name, rest] of navs) {
      const child = this.nav(name);
      if (!child) throw new ExcelDoubleError('InvalidArgument', `${this.className} n'a pas de propriété « ${name} »`);
      bytes += child.applyLoad(rest);
    }
    return bytes;
  }

  protected queueOp(payload: unknown, run: () => void): void {
    this.ctx.enqueue({ kind: 'op', payload, run });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection proxy: `items` after load; `load('name')` means the items' name. */
abstract class DCollection<T extends DObject> extends DObject {
  protected abstract makeItems(): T[];

  get items(): T[] {
    return this.prop<T[]>('items');
  }

  protected override bindTarget(): unknown {
    return this;
  }

  override applyLoad(paths: string[][]): number {
    const items = this.makeItems();
    this.setLoaded('items', items);
    const childPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0);
    let bytes = 2;
    for (const item of items) bytes += item.applyLoad(childPaths) + 1;
    return bytes;
  }
}

// ---------- workbook ----------

export class DWorkbook extends DObject {
  protected readonly className = 'Workbook';
  protected override readonly scalarProps = ['name'];
  readonly worksheets: DWorksheetCollection;
  readonly tables: DTableCollection;
  readonly application: DApplication;
  readonly functions: DFunctions;
  /** `workbook.protection` (ExcelApi 1.7). */
  readonly protection: DProtection;
  constructor(ctx: DoubleContext) {
    super(ctx);
    this.worksheets = new DWorksheetCollection(ctx);
    this.tables = new DTableCollection(ctx, null);
    this.application = new DApplication(ctx);
    this.functions = new DFunctions(ctx);
    this.protection = new DProtection(ctx, 'WorkbookProtection', () => this.ctx.excel.model.structureProtected);
  }
  protected bindTarget(): unknown {
    return this.ctx.excel.model;
  }
  protected override readScalar(name: string): unknown {
    return name === 'name' ? this.ctx.excel.model.name : undefined;
  }
  protected override nav(name: string): DObject | undefined {
    if (name === 'worksheets') return this.worksheets;
    if (name === 'tables') return this.tables;
    if (name === 'protection') return this.protection;
    return undefined;
  }
  get name(): string {
    return this.prop('name');
  }
}

/** `workbook.protection` and `worksheet.protection`: only `protected` is modelled. */
export class DProtection extends DObject {
  protected override readonly scalarProps = ['protected'];
  constructor(
    ctx: DoubleContext,
    protected readonly className: string,
    private readonly read: () => boolean,
  ) {
    super(ctx);
  }
  protected bindTarget(): unknown {
    return this.ctx.excel.model;
  }
  protected override readScalar(name: string): unknown {
    return name === 'protected' ? this.read() : undefined;
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

/** `workbook.functions`: only DATE, which the add-in asks to learn the workbook's date system. */
export class DFunctions extends DObject {
  protected readonly className = 'Functions';
  protected bindTarget(): unknown {
    return this.ctx.excel.model;
  }
  date(year: number, month: number, day: number): DFunctionResult {
    return new DFunctionResult(this.ctx, () => {
      // Excel's DATE: days since the system's day 0 (1900: 1899-12-31 with its phantom 29/02/1900; 1904: 1904-01-01).
      const utc = Date.UTC(year, month - 1, day);
      if (this.ctx.excel.model.date1904) return Math.round((utc - Date.UTC(1904, 0, 1)) / 86_400_000);
      const days = Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
      return days < 61 ? days - 1 : days;
    });
  }
}

/** The result of a worksheet function: its `value` once loaded and synced. */
export class DFunctionResult extends DObject {
  protected readonly className = 'FunctionResult';
  protected override readonly scalarProps = ['value', 'error'];
  constructor(
    ctx: DoubleContext,
    private readonly compute: () => number,
  ) {
    super(ctx);
  }
  protected bindTarget(): unknown {
    return this.ctx.excel.model;
  }
  protected override readScalar(name: string): unknown {
    return name === 'value' ? this.compute() : undefined;
  }
  get value(): number {
    return this.prop('value');
  }
}

export class DApplication extends DObject {
  protected readonly className = 'Application';
  protected bindTarget(): unknown {
    return this.ctx.excel.model;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queueOp({ m: 'suspendApiCalculationUntilNextSync' }, () => {
      this.ctx.excel.model.calculationSuspendedSyncs = 1;
      this.ctx.excel.calculationSuspensions += 1;
    });
  }
}

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/;

export class DWorksheetCollection extends DCollection<DWorksheet> {
  protected readonly className = 'WorksheetCollection';
  protected makeItems(): DWorksheet[] {
    return this.ctx.excel.model.sheets.map((s) => new DWorksheet(this.ctx, () => s));
  }
  add(name?: string): DWorksheet {
    let created: SheetModel | null = null;
    const ws = new DWorksheet(this.ctx, () => created);
    this.queueOp({ m: 'worksheets.add', name }, () => {
      const ex = this.ctx.excel;
      let n = name;
      if (n === undefined) {
        let i = ex.model.sheets.length + 1;
        while (ex.findSheet(`Sheet${i}`)) i += 1;
        n = `Sheet${i}`;
      }
      ex.checkStructure();
      ex.checkSheetName(n, null);
      created = ex.newSheet(n);
      ex.model.sheets.push(created);
    });
    return ws;
  }
  getItem(name: string): DWorksheet {
    return new DWorksheet(this.ctx, () => {
      const s = this.ctx.excel.findSheet(name);
      if (!s) throw new ExcelDoubleError('ItemNotFound', `feuille « ${name} » introuvable`);
      return s;
    });
  }
  getItemOrNullObject(name: string): DWorksheet {
    const ws = new DWorksheet(this.ctx, () => this.ctx.excel.findSheet(name) ?? null);
    this.ctx.watchNull(ws);
    return ws;
  }
}

export class DWorksheet extends DObject {
  protected readonly className = 'Worksheet';
  protected override readonly scalarProps = ['name', 'visibility', 'position', 'id'];
  private _tables?: DTableCollection;
  private _charts?: DChartCollection;
  private _shapes?: DShapeCollection;
  private _freeze?: DFreezePanes;
  private _protection?: DProtection;
  private _pageLayout?: DPageLayout;
  private _pageBreaks?: DPageBreakCollection;

  constructor(
    ctx: DoubleContext,
    private readonly resolver: () => SheetModel | null,
  ) {
    super(ctx);
  }
  /** `worksheet.protection` (ExcelApi 1.2). */
  get protection(): DProtection {
    this._protection ??= new DProtection(this.ctx, 'WorksheetProtection', () => this.sheetModel().protected);
    return this._protection;
  }
  protected bindTarget(): SheetModel | null {
    const s = this.resolver();
    return s && !s.deleted ? s : null;
  }
  /** The sheet model, resolved at execution time (used by child proxies). */
  sheetModel(): SheetModel {
    const s = this.required<SheetModel>();
    if (s.deleted) throw new ExcelDoubleError('ItemNotFound', `la feuille « ${s.name} » a été supprimée`);
    return s;
  }
  protected override readScalar(name: string): unknown {
    const s = this.sheetModel();
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    if (name === 'position') return this.ctx.excel.model.sheets.indexOf(s);
    if (name === 'id') return `{sheet-${s.id}}`;
    return undefined;
  }
  protected override nav(name: string): DObject | undefined {
    if (name === 'tables') return this.tables;
    if (name === 'charts') return this.charts;
    if (name === 'shapes') return this.shapes;
    if (name === 'protection') return this.protection;
    return undefined;
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.queueOp({ m: 'name', v }, () => {
      const s = this.sheetModel();
      this.ctx.excel.checkStructure();
      this.ctx.excel.checkSheetName(v, s);
      s.name = v;
    });
  }
  get id(): string {
    return this.prop('id');
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  set visibility(v: string) {
    this.queueOp({ m: 'visibility', v }, () => {
      const s = this.sheetModel();
      this.ctx.excel.checkStructure();
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new ExcelDoubleError('InvalidArgument', v);
      if (v !== 'Visible' && s.visibility === 'Visible') {
        const visible = this.ctx.excel.model.sheets.filter((x) => x.visibility === 'Visible');
        if (visible.length === 1) throw new ExcelDoubleError('InvalidOperation', 'la dernière feuille visible ne peut être masquée');
      }
      s.visibility = v;
    });
  }
  get position(): number {
    return this.prop('position');
  }
  set position(v: number) {
    this.queueOp({ m: 'position', v }, () => {
      const s = this.sheetModel();
      this.ctx.excel.checkStructure();
      const list = this.ctx.excel.model.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
    });
  }
  delete(): void {
    this.queueOp({ m: 'delete' }, () => {
      const s = this.sheetModel();
      const ex = this.ctx.excel;
      ex.checkStructure();
      if (s.visibility === 'VeryHidden') {
        throw new ExcelDoubleError('InvalidOperation', 'une feuille très masquée ne peut être supprimée');
      }
      const visible = ex.model.sheets.filter((x) => x.visibility === 'Visible');
      if (s.visibility === 'Visible' && visible.length === 1) {
        throw new ExcelDoubleError('InvalidOperation', 'la dernière feuille visible ne peut être supprimée');
      }
      s.deleted = true;
      ex.model.sheets = ex.model.sheets.filter((x) => x !== s);
      ex.model.tables = ex.model.tables.filter((t) => t.sheet !== s);
      ex.model.cfs = ex.model.cfs.filter((c) => c.sheet !== s);
    });
  }
  /** Makes the sheet the active one (`WorksheetCollection.add` does not: Office.js docs). */
  activate(): void {
    this.queueOp({ m: 'activate' }, () => {
      const s = this.sheetModel();
      if (s.visibility !== 'Visible') throw new ExcelDoubleError('InvalidOperation', 'une feuille masquée ne peut être activée');
      this.ctx.excel.activeSheet = s;
    });
  }
  getRange(address?: string): DRange {
    return new DRange(this.ctx, () => {
      const s = this.sheetModel();
      if (address === undefined) return { sheet: s, r0: 0, c0: 0, nr: MAX_ROWS, nc: MAX_COLS };
      const { sheet, local } = splitAddress(address);
      const target = sheet === null ? s : this.ctx.excel.findSheet(sheet);
      if (!target) throw new ExcelDoubleError('ItemNotFound', address);
      return { sheet: target, ...parseLocalAddress(local) };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): DRange {
    return new DRange(this.ctx, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS) {
        throw new ExcelDoubleError('InvalidArgument', 'indices de plage invalides');
      }
      return { sheet: this.sheetModel(), r0: startRow, c0: startColumn, nr: rowCount, nc: columnCount };
    });
  }
  getRanges(address: string): DRangeAreas {
    return new DRangeAreas(this.ctx, this, address);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): DRange {
    const r = new DRange(this.ctx, () => this.ctx.excel.usedRect(this.sheetModel(), valuesOnly === true));
    this.ctx.watchNull(r);
    return r;
  }
  get tables(): DTableCollection {
    this._tables ??= new DTableCollection(this.ctx, this);
    return this._tables;
  }
  get charts(): DChartCollection {
    this._charts ??= new DChartCollection(this.ctx, this);
    return this._charts;
  }
  /** `worksheet.shapes` (ExcelApi 1.9): only the sheet's charts, as `chartShapes` says; no other shape is modelled. */
  get shapes(): DShapeCollection {
    this._shapes ??= new DShapeCollection(this.ctx, this);
    return this._shapes;
  }
  get freezePanes(): DFreezePanes {
    this._freeze ??= new DFreezePanes(this.ctx, this);
    return this._freeze;
  }
  /** `worksheet.pageLayout` (ExcelApi 1.9): write-only here. */
  get pageLayout(): DPageLayout {
    this._pageLayout ??= new DPageLayout(this.ctx, this);
    return this._pageLayout;
  }
  /** `worksheet.horizontalPageBreaks` (ExcelApi 1.9): `add` only here. */
  get horizontalPageBreaks(): DPageBreakCollection {
    this._pageBreaks ??= new DPageBreakCollection(this.ctx, this);
    return this._pageBreaks;
  }
}

/** A part of a worksheet (its frozen panes, its page layout), bound to the sheet itself. */
abstract class DSheetPart extends DObject {
  constructor(
    ctx: DoubleContext,
    protected readonly ws: DWorksheet,
  ) {
    super(ctx);
  }
  protected bindTarget(): unknown {
    return this.ws.sheetModel();
  }
}

export class DPageLayout extends DSheetPart {
  protected readonly className = 'PageLayout';
  private set<K extends keyof PageLayoutModel>(key: K, v: PageLayoutModel[K]): void {
    this.queueOp({ m: `pageLayout.${key}`, v }, () => {
      this.ws.sheetModel().pageLayout[key] = v;
    });
  }
  set orientation(v: string) {
    this.set('orientation', v);
  }
  set paperSize(v: string) {
    this.set('paperSize', v);
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set('zoom', { ...v });
  }
  private margin(key: 'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', v: number): void {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ExcelDoubleError('InvalidArgument', `Marge invalide : ${v}`);
    this.queueOp({ m: `pageLayout.${key}Margin`, v }, () => {
      const layout = this.ws.sheetModel().pageLayout;
      layout.margins = { ...layout.margins, [key]: v };
    });
  }
  set leftMargin(v: number) {
    this.margin('left', v);
  }
  set rightMargin(v: number) {
    this.margin('right', v);
  }
  set topMargin(v: number) {
    this.margin('top', v);
  }
  set bottomMargin(v: number) {
    this.margin('bottom', v);
  }
  set headerMargin(v: number) {
    this.margin('header', v);
  }
  set footerMargin(v: number) {
    this.margin('footer', v);
  }
  setPrintTitleRows(rows: string): void {
    this.set('printTitleRows', rows);
  }
  setPrintTitleColumns(columns: string): void {
    this.set('printTitleColumns', columns);
  }
  private _headersFooters?: DHeaderFooterGroup;
  get headersFooters(): DHeaderFooterGroup {
    this._headersFooters ??= new DHeaderFooterGroup(this.ctx, this.ws);
    return this._headersFooters;
  }
}

export class DHeaderFooterGroup extends DSheetPart {
  protected readonly className = 'HeaderFooterGroup';
  private _default?: DHeaderFooter;
  get defaultForAllPages(): DHeaderFooter {
    this._default ??= new DHeaderFooter(this.ctx, this.ws);
    return this._default;
  }
}

/** `headersFooters.defaultForAllPages`: the footers, write-only here. */
export class DHeaderFooter extends DSheetPart {
  protected readonly className = 'HeaderFooter';
  private set(key: 'left' | 'center' | 'right', v: string): void {
    this.queueOp({ m: `footer.${key}`, v }, () => {
      const layout = this.ws.sheetModel().pageLayout;
      layout.footer = { ...layout.footer, [key]: v };
    });
  }
  set leftFooter(v: string) {
    this.set('left', v);
  }
  set centerFooter(v: string) {
    this.set('center', v);
  }
  set rightFooter(v: string) {
    this.set('right', v);
  }
}

export class DPageBreakCollection extends DSheetPart {
  protected readonly className = 'PageBreakCollection';
  /** `pageBreakRange`: the range just below the break, an address on this sheet (`A12`). */
  add(pageBreakRange: string): void {
    const m = /^\$?[A-Z]+\$?(\d+)$/i.exec(pageBreakRange);
    if (!m) throw new ExcelDoubleError('InvalidArgument', `Adresse de saut de page illisible : ${pageBreakRange}`);
    const row = Number(m[1]) - 1;
    this.queueOp({ m: 'horizontalPageBreaks.add', row }, () => {
      this.ws.sheetModel().pageBreaks.push(row);
    });
  }
}

export class DFreezePanes extends DSheetPart {
  protected readonly className = 'WorksheetFreezePanes';
  freezeRows(count = 1): void {
    this.queueOp({ m: 'freezeRows', count }, () => {
      this.ws.sheetModel().frozenRows = count;
    });
  }
  unfreeze(): void {
    this.queueOp({ m: 'unfreeze' }, () => {
      this.ws.sheetModel().frozenRows = 0;
    });
  }
}

// ---------- ranges ----------

export interface RangeRef extends Rect {
  sheet: SheetModel;
}

export class DRange extends DObject {
  protected readonly className = 'Range';
  protected override readonly scalarProps = [
    'address',
    'values',
    'formulas',
    'numberFormat',
    'valueTypes',
    'text',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
    'hyperlink',
  ];
  private _format?: DRangeFormat;
  private _cfs?: DConditionalFormatCollection;

  constructor(
    ctx: DoubleContext,
    private readonly resolver: () => RangeRef | null,
  ) {
    super(ctx);
  }
  protected bindTarget(): RangeRef | null {
    return this.resolver();
  }
  ref(): RangeRef {
    const r = this.required<RangeRef>();
    if (r.sheet.deleted) throw new ExcelDoubleError('InvalidReference', 'la feuille a été supprimée');
    return r;
  }
  private checkCells(r: Rect): void {
    if (r.nr * r.nc > this.ctx.excel.cellLimit) {
      throw new ExcelDoubleError('RangeExceedsLimit', `${r.nr * r.nc} cellules dans une seule opération`);
    }
  }
  private grid<T>(fn: (cell: CellModel | undefined, r: number, c: number) => T): T[][] {
    const ref = this.ref();
    this.checkCells(ref);
    const out: T[][] = [];
    for (let i = 0; i < ref.nr; i++) {
      const row = ref.sheet.rows.get(ref.r0 + i);
      const line: T[] = [];
      for (let j = 0; j < ref.nc; j++) line.push(fn(row?.get(ref.c0 + j), ref.r0 + i, ref.c0 + j));
      out.push(line);
    }
    return out;
  }
  protected override readScalar(name: string): unknown {
    const ref = this.ref();
    switch (name) {
      case 'address':
        return `${quoteSheet(ref.sheet.name)}!${rectAddress(ref)}`;
      case 'rowIndex':
        return ref.r0;
      case 'columnIndex':
        return ref.c0;
      case 'rowCount':
        return ref.nr;
      case 'columnCount':
        return ref.nc;
      case 'cellCount':
        return ref.nr * ref.nc;
      case 'values':
        return this.grid((c) => readValue(c));
      case 'formulas':
        // Range.formulas: « If a cell has no formula, its value is returned instead »: a text typed with a
        // leading apostrophe comes back without it (OfficeDev/office-js#6687); the mark stays in the model.
        return this.grid((c) => (c?.formula ? c.formula : readValue(c)));
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'valueTypes':
        return this.grid((c) => valueType(c));
      case 'text':
        return this.grid((c) => displayText(c));
      case 'hyperlink': {
        const c = ref.sheet.rows.get(ref.r0)?.get(ref.c0);
        return c?.hyperlink ? { ...c.hyperlink } : null;
      }
      default:
        return undefined;
    }
  }
  protected override nav(name: string): DObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    return undefined;
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get text(): string[][] {
    return this.prop('text');
  }
  get values(): DoubleValue[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.queueOp({ m: 'values', v }, () => this.writeGrid(v, (cell, x) => coerceInput(cell, x, false)));
  }
  get formulas(): DoubleValue[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.queueOp({ m: 'formulas', v }, () => this.writeGrid(v, (cell, x) => coerceInput(cell, x, true)));
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.queueOp({ m: 'numberFormat', v }, () =>
      this.writeGrid(v, (cell, x) => {
        // Same page: null keeps the cell's format, '' resets it to General.
        if (x === null || x === undefined) return;
        if (typeof x !== 'string') throw new ExcelDoubleError('InvalidArgument', 'format de nombre non textuel');
        if (x === 'General' || x === '') delete cell.numberFormat;
        else cell.numberFormat = x;
      }),
    );
  }
  get hyperlink(): CellModel['hyperlink'] | null {
    return this.prop('hyperlink');
  }
  set hyperlink(h: NonNullable<CellModel['hyperlink']>) {
    this.queueOp({ m: 'hyperlink', h }, () => {
      const ref = this.ref();
      for (let i = 0; i < ref.nr; i++) {
        for (let j = 0; j < ref.nc; j++) {
          const cell = this.ctx.excel.cellAt(ref.sheet, ref.r0 + i, ref.c0 + j);
          cell.hyperlink = { ...h };
          // RangeHyperlink.textToDisplay: « the string that is displayed in the top left most cell in the range ».
          if (h.textToDisplay !== undefined && i === 0 && j === 0) {
            cell.value = h.textToDisplay;
            delete cell.formula;
          }
        }
      }
    });
  }
  private writeGrid(v: unknown[][], fn: (cell: CellModel, x: unknown) => void): void {
    const ref = this.ref();
    this.checkCells(ref);
    this.ctx.excel.checkEditable(ref.sheet);
    if (!Array.isArray(v) || v.length !== ref.nr || v.some((row) => !Array.isArray(row) || row.length !== ref.nc)) {
      throw new ExcelDoubleError(
        'InvalidArgument',
        "Le nombre de lignes ou de colonnes du tableau d'entrée ne correspond pas à la taille de la plage.",
      );
    }
    for (let i = 0; i < ref.nr; i++) {
      for (let j = 0; j < ref.nc; j++) fn(this.ctx.excel.cellAt(ref.sheet, ref.r0 + i, ref.c0 + j), v[i][j]);
    }
  }
  /** Applies `fn` to every cell of the range (formats of large ranges: use sparingly). */
  eachCell(fn: (cell: CellModel) => void): void {
    const ref = this.ref();
    this.checkCells(ref);
    this.ctx.excel.checkEditable(ref.sheet);
    for (let i = 0; i < ref.nr; i++) for (let j = 0; j < ref.nc; j++) fn(this.ctx.excel.cellAt(ref.sheet, ref.r0 + i, ref.c0 + j));
  }
  /** Range.select: « Selects the specified range in the Excel UI » (kept as `excel.selection`). */
  select(): void {
    this.queueOp({ m: 'select' }, () => {
      const r = this.ref();
      this.ctx.excel.selection = { sheet: r.sheet.name, address: rectAddress(r) };
    });
  }
    getCell(row: number, column: number): DRange {
    return new DRange(this.ctx, () => {
      const r = this.ref();
      return { sheet: r.sheet, r0: r.r0 + row, c0: r.c0 + column, nr: 1, nc: 1 };
    });
  }
  get format(): DRangeFormat {
    this._format ??= new DRangeFormat(this.ctx, this);
    return this._format;
  }
  /** ExcelApi 1.4: the used part of this range (valuesOnly: cells with values only); a null object when none. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): DRange {
    const r = new DRange(this.ctx, () => {
      const ref = this.ref();
      return this.ctx.excel.usedRect(ref.sheet, valuesOnly === true, ref);
    });
    this.ctx.watchNull(r);
    return r;
  }
  /** ExcelApi 1.13: the merged areas whose top-left cell lies in this range; a null object when none. */
  getMergedAreasOrNullObject(): DMergedAreas {
    const areas = new DMergedAreas(this.ctx, () => {
      const r = this.ref();
      const inside = r.sheet.merges.filter((m) => m.r0 >= r.r0 && m.r0 < r.r0 + r.nr && m.c0 >= r.c0 && m.c0 < r.c0 + r.nc);
      // Office.js: « if the merged areas count in this range is more than 512, then this method will fail to
      // return the result ». How it fails is not documented: the double fails the sync, the worse case.
      if (inside.length > MERGED_AREAS_LIMIT) {
        throw new ExcelDoubleError('GeneralException', `${inside.length} zones fusionnées (plus de ${MERGED_AREAS_LIMIT})`);
      }
      return inside.length === 0 ? null : { sheet: r.sheet, areas: inside };
    });
    this.ctx.watchNull(areas);
    return areas;
  }
  get conditionalFormats(): DConditionalFormatCollection {
    this._cfs ??= new DConditionalFormatCollection(this.ctx, () => {
      const r = this.ref();
      return { sheet: r.sheet, areas: [{ r0: r.r0, c0: r.c0, nr: r.nr, nc: r.nc }] };
    });
    return this._cfs;
  }
}

function displayText(c: CellModel | undefined): string {
  if (!c) return '';
  if (c.error) return c.error;
  if (c.value === null) return '';
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return String(c.value);
}

export class DRangeAreas extends DObject {
  protected readonly className = 'RangeAreas';
  protected override readonly scalarProps = ['address', 'areaCount'];
  private _cfs?: DConditionalFormatCollection;
  constructor(
    ctx: DoubleContext,
    private readonly ws: DWorksheet,
    private readonly addressText: string,
  ) {
    super(ctx);
  }
  areas(): { sheet: SheetModel; areas: Rect[] } {
    const sheet = this.ws.sheetModel();
    if (this.addressText.length > 8192) throw new ExcelDoubleError('InvalidArgument', 'adresse de plus de 8192 caractères');
    const areas = this.addressText
      .split(/[,;]/)
      .map((a) => a.trim())
      .filter((a) => a !== '')
      .map((a) => parseLocalAddress(splitAddress(a).local));
    return { sheet, areas };
  }
  protected bindTarget(): unknown {
    return this.areas();
  }
  protected override readScalar(name: string): unknown {
    const { sheet, areas } = this.areas();
    if (name === 'address') return areas.map((a) => `${quoteSheet(sheet.name)}!${rectAddress(a)}`).join(',');
    if (name === 'areaCount') return areas.length;
    return undefined;
  }
  get address(): string {
    return this.prop('address');
  }
  get conditionalFormats(): DConditionalFormatCollection {
    this._cfs ??= new DConditionalFormatCollection(this.ctx, () => this.areas());
    return this._cfs;
  }
}

/** Merged areas `getMergedAreasOrNullObject` returns at most (Office.js docs, ExcelApi 1.13). */
export const MERGED_AREAS_LIMIT = 512;

/** The result of `getMergedAreasOrNullObject`: its address only. */
export class DMergedAreas extends DObject {
  protected readonly className = 'RangeAreas';
  protected override readonly scalarProps = ['address', 'areaCount'];
  constructor(
    ctx: DoubleContext,
    private readonly resolver: () => { sheet: SheetModel; areas: Rect[] } | null,
  ) {
    super(ctx);
  }
  protected bindTarget(): unknown {
    return this.resolver();
  }
  protected override readScalar(name: string): unknown {
    const { sheet, areas } = this.required<{ sheet: SheetModel; areas: Rect[] }>();
    if (name === 'address') return areas.map((a) => `${quoteSheet(sheet.name)}!${rectAddress(a)}`).join(',');
    if (name === 'areaCount') return areas.length;
    return undefined;
  }
  get address(): string {
    return this.prop('address');
  }
}

export class DRangeFormat extends DObject {
  protected readonly className = 'RangeFormat';
  protected override readonly scalarProps = ['columnWidth', 'wrapText', 'horizontalAlignment'];
  readonly fill: DRangeFill;
  readonly font: DRangeFont;
  constructor(
    ctx: DoubleContext,
    private readonly range: DRange,
  ) {
    super(ctx);
    this.fill = new DRangeFill(ctx, range);
    this.font = new DRangeFont(ctx, range);
  }
  protected bindTarget(): unknown {
    return this.range.ref();
  }
  protected override readScalar(name: string): unknown {
    const r = this.range.ref();
    if (name === 'columnWidth') return r.sheet.widths.get(r.c0) ?? DEFAULT_WIDTH;
    if (name === 'horizontalAlignment') return r.sheet.rows.get(r.r0)?.get(r.c0)?.horizontalAlignment ?? 'General';
    return r.sheet.rows.get(r.r0)?.get(r.c0)?.wrap ?? false;
  }
  protected override nav(name: string): DObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  get columnWidth(): number {
    return this.prop('columnWidth');
  }
  set columnWidth(w: number) {
    this.queueOp({ m: 'columnWidth', w }, () => {
      const r = this.range.ref();
      for (let j = 0; j < Math.min(r.nc, MAX_COLS); j++) r.sheet.widths.set(r.c0 + j, w);
    });
  }
  set rowHeight(h: number) {
    this.queueOp({ m: 'rowHeight', h }, () => {
      const r = this.range.ref();
      for (let i = 0; i < r.nr; i++) r.sheet.heights.set(r.r0 + i, h);
    });
  }
  get wrapText(): boolean {
    return this.prop('wrapText');
  }
  set wrapText(v: boolean) {
    this.queueOp({ m: 'wrapText', v }, () => this.range.eachCell((c) => (c.wrap = v)));
  }
  set verticalAlignment(v: string) {
    this.queueOp({ m: 'verticalAlignment', v }, () => this.range.eachCell((c) => (c.verticalAlignment = v)));
  }
  get horizontalAlignment(): string {
    return this.prop('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.queueOp({ m: 'horizontalAlignment', v }, () => {
      if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(v)) {
        throw new ExcelDoubleError('InvalidArgument', `alignement ${v}`);
      }
      this.range.eachCell((c) => (c.horizontalAlignment = v));
    });
  }
}

export const DEFAULT_WIDTH = 48;

export class DRangeFill extends DObject {
  protected readonly className = 'RangeFill';
  protected override readonly scalarProps = ['color'];
  constructor(
    ctx: DoubleContext,
    private readonly range: DRange,
  ) {
    super(ctx);
  }
  protected bindTarget(): unknown {
    return this.range.ref();
  }
  protected override readScalar(): unknown {
    const r = this.range.ref();
    return r.sheet.rows.get(r.r0)?.get(r.c0)?.fill ?? null;
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.queueOp({ m: 'fill.color', v }, () => this.range.eachCell((c) => (c.fill = v)));
  }
  clear(): void {
    this.queueOp({ m: 'fill.clear' }, () => this.range.eachCell((c) => delete c.fill));
  }
}

export class DRangeFont extends DObject {
  protected readonly className = 'RangeFont';
  protected override readonly scalarProps = ['bold', 'italic', 'color', 'size'];
  constructor(
    ctx: DoubleContext,
    private readonly range: DRange,
  ) {
    super(ctx);
  }
  protected bindTarget(): unknown {
    return this.range.ref();
  }
  protected override readScalar(name: string): unknown {
    const r = this.range.ref();
    const c = r.sheet.rows.get(r.r0)?.get(r.c0);
    if (name === 'bold') return c?.bold ?? false;
    if (name === 'italic') return c?.italic ?? false;
    if (name === 'color') return c?.fontColor ?? '#000000';
    return c?.fontSize ?? 11;
  }
  set bold(v: boolean) {
    this.queueOp({ m: 'font.bold', v }, () => this.range.eachCell((c) => (c.bold = v)));
  }
  get bold(): boolean {
    return this.prop('bold');
  }
  set italic(v: boolean) {
    this.queueOp({ m: 'font.italic', v }, () => this.range.eachCell((c) => (c.italic = v)));
  }
  get italic(): boolean {
    return this.prop('italic');
  }
  set color(v: string) {
    this.queueOp({ m: 'font.color', v }, () => this.range.eachCell((c) => (c.fontColor = v)));
  }
  get color(): string {
    return this.prop('color');
  }
  set size(v: number) {
    this.queueOp({ m: 'font.size', v }, () => this.range.eachCell((c) => (c.fontSize = v)));
  }
  get size(): number {
    return this.prop('size');
  }
}

// ---------- tables ----------

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

export class DTableCollection extends DCollection<DTable> {
  protected readonly className = 'TableCollection';
  constructor(
    ctx: DoubleContext,
    private readonly ws: DWorksheet | null,
  ) {
    super(ctx);
  }
  protected makeItems(): DTable[] {
    const sheet = this.ws?.sheetModel();
    return this.ctx.excel.model.tables.filter((t) => !sheet || t.sheet === sheet).map((t) => new DTable(this.ctx, () => t));
  }
  /**
   * Office.js (TableCollection.add): « The range object or source address determines the worksheet under which
   * the table will be added »; an address « does not contain a sheet name, the currently-active sheet is used »,
   * whichever collection (`worksheet.tables` or `workbook.tables`) `add` is called on.
   */
  add(address: string | DRange, hasHeaders: boolean): DTable {
    let created: TableModel | null = null;
    const table = new DTable(this.ctx, () => created);
    this.queueOp({ m: 'tables.add', address, hasHeaders }, () => {
      const ex = this.ctx.excel;
      let sheet: SheetModel | undefined;
      let rect: Rect;
      if (typeof address === 'string') {
        const { sheet: sheetName, local } = splitAddress(address);
        sheet = sheetName !== null ? ex.findSheet(sheetName) : ex.activeSheetModel();
        if (!sheet) throw new ExcelDoubleError('InvalidArgument', `feuille introuvable pour ${address}`);
        rect = parseLocalAddress(local);
      } else {
        const ref = address.ref();
        sheet = ref.sheet;
        rect = { r0: ref.r0, c0: ref.c0, nr: ref.nr, nc: ref.nc };
      }
      // Excel.ErrorCodes, « MergedRangeConflict »: « A table can't overlap with another table, a PivotTable
      // report, query results, merged cells, or an XML Map » (application-specific API error handling).
      const target = sheet;
      if (ex.model.tables.some((t) => t.sheet === target && intersects(t, rect)) || target.merges.some((m) => intersects(m, rect))) {
        throw new ExcelDoubleError('MergedRangeConflict', 'un tableau ne peut chevaucher un autre tableau ni des cellules fusionnées');
      }
      let i = 1;
      while (ex.findTable(`Table${i}`)) i += 1;
      if (!hasHeaders) {
        // TableCollection.add: without headers « Excel will automatically generate a header and shift the data down by one row ».
        for (let j = 0; j < rect.nc; j++) {
          const col = rect.c0 + j;
          const rows = [...target.rows.keys()].filter((r) => r >= rect.r0 && target.rows.get(r)?.has(col)).sort((a, b) => b - a);
          for (const r of rows) {
            const cell = target.rows.get(r)?.get(col) as CellModel;
            target.rows.get(r)?.delete(col);
            let below = target.rows.get(r + 1);
            if (!below) {
              below = new Map();
              target.rows.set(r + 1, below);
            }
            below.set(col, cell);
          }
          coerceInput(ex.cellAt(target, rect.r0, col), `Column${j + 1}`, false);
        }
        rect = { ...rect, nr: rect.nr + 1 };
      }
      created = { name: `Table${i}`, sheet: target, ...rect, showFilterButton: true };
      ex.model.tables.push(created);
    });
    return table;
  }
  getItemOrNullObject(name: string): DTable {
    const t = new DTable(this.ctx, () => this.ctx.excel.findTable(name) ?? null);
    this.ctx.watchNull(t);
    return t;
  }
}

export class DTable extends DObject {
  protected readonly className = 'Table';
  protected override readonly scalarProps = ['name', 'showFilterButton', 'showTotals', 'showHeaders'];
  constructor(
    ctx: DoubleContext,
    private readonly resolver: () => TableModel | null,
  ) {
    super(ctx);
  }
  protected bindTarget(): TableModel | null {
    return this.resolver();
  }
  private model(): TableModel {
    return this.required<TableModel>();
  }
  protected override readScalar(name: string): unknown {
    const t = this.model();
    if (name === 'showHeaders') return t.showHeaders ?? true;
    return name === 'name' ? t.name : name === 'showTotals' ? (t.showTotals ?? false) : t.showFilterButton;
  }
  protected override nav(name: string): DObject | undefined {
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }
  get name(): string {
    return this.prop('name');
  }
  get showTotals(): boolean {
    return this.prop('showTotals');
  }
  get showHeaders(): boolean {
    return this.prop('showHeaders');
  }
  set name(v: string) {
    this.queueOp({ m: 'table.name', v }, () => {
      const t = this.model();
      const other = this.ctx.excel.findTable(v);
      if (!TABLE_NAME.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v) || /^[RrCc]$/.test(v)) {
        throw new ExcelDoubleError('InvalidArgument', `nom de tableau invalide « ${v} »`);
      }
      if (other && other !== t) throw new ExcelDoubleError('ItemAlreadyExists', `le tableau « ${v} » existe déjà`);
      t.name = v;
    });
  }
  set showFilterButton(v: boolean) {
    this.queueOp({ m: 'showFilterButton', v }, () => {
      this.model().showFilterButton = v;
    });
  }
  private _worksheet?: DWorksheet;
  get worksheet(): DWorksheet {
    this._worksheet ??= new DWorksheet(this.ctx, () => this.model().sheet);
    return this._worksheet;
  }
  getRange(): DRange {
    return new DRange(this.ctx, () => {
      const t = this.model();
      return { sheet: t.sheet, r0: t.r0, c0: t.c0, nr: t.nr, nc: t.nc };
    });
  }
  getHeaderRowRange(): DRange {
    return new DRange(this.ctx, () => {
      const t = this.model();
      // The docs do not say what a table without its header row answers here: the double fails, the worse case.
      if (t.showHeaders === false) throw new ExcelDoubleError('InvalidOperation', "le tableau n'a pas de ligne d'en-tête");
      return { sheet: t.sheet, r0: t.r0, c0: t.c0, nr: 1, nc: t.nc };
    });
  }
  delete(): void {
    this.queueOp({ m: 'table.delete' }, () => {
      const t = this.model();
      this.ctx.excel.model.tables = this.ctx.excel.model.tables.filter((x) => x !== t);
    });
  }
}

// ---------- charts ----------

const CHART_TYPES = ['ColumnClustered', 'ColumnStacked', 'BarClustered', 'Pie', 'Doughnut', 'Line'];

export class DChartCollection extends DCollection<DChart> {
  protected readonly className = 'ChartCollection';
  constructor(
    ctx: DoubleContext,
    private readonly ws: DWorksheet,
  ) {
    super(ctx);
  }
  protected makeItems(): DChart[] {
    return this.ws.sheetModel().charts.map((c) => new DChart(this.ctx, () => c));
  }
  add(type: string, sourceData: DRange, seriesBy = 'Auto'): DChart {
    let created: ChartModel | null = null;
    const chart = new DChart(this.ctx, () => created);
    this.queueOp({ m: 'charts.add', type, seriesBy }, () => {
      const ex = this.ctx.excel;
      const sheet = this.ws.sheetModel();
      if (!CHART_TYPES.includes(type)) throw new ExcelDoubleError('InvalidArgument', `type de graphique ${type}`);
      const src = sourceData.ref();
      if (src.nr < 2 || src.nc < 2) throw new ExcelDoubleError('EmptyChartSeries', 'données de graphique vides');
      ex.nextId += 1;
      created = {
        id: ex.nextId,
        name: `Chart ${ex.nextId}`,
        sheet,
        type,
        source: { r0: src.r0, c0: src.c0, nr: src.nr, nc: src.nc },
        seriesBy,
        title: null,
        position: null,
        seriesFill: {},
        pointFill: {},
        legendPosition: null,
        showPercentage: false,
        valueAxis: { minimum: null, maximum: null, majorUnit: null, numberFormat: 'General' },
      };
      sheet.charts.push(created);
    });
    return chart;
  }
}

export class DChart extends DObject {
  protected readonly className = 'Chart';
  protected override readonly scalarProps = ['name'];
  readonly title: DChartPart;
  readonly legend: DChartPart;
  readonly dataLabels: DChartPart;
  readonly series: DChartSeriesCollection;
  readonly axes: { readonly valueAxis: DChartPart };
  constructor(
    ctx: DoubleContext,
    private readonly resolver: () => ChartModel | null,
  ) {
    super(ctx);
    const m = (): ChartModel => this.required<ChartModel>();
    this.title = new DChartPart(ctx, 'ChartTitle', m, { text: (c, v) => (c.title = String(v)) }, (c) => ({ text: c.title }));
    this.legend = new DChartPart(ctx, 'ChartLegend', m, { position: (c, v) => (c.legendPosition = String(v)) }, (c) => ({
      position: c.legendPosition,
    }));
    this.dataLabels = new DChartPart(
      ctx,
      'ChartDataLabels',
      m,
      { showPercentage: (c, v) => (c.showPercentage = Boolean(v)) },
      (c) => ({ showPercentage: c.showPercentage }),
    );
    this.series = new DChartSeriesCollection(ctx, m);
    const bound = (v: unknown): number => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ExcelDoubleError('InvalidArgument', `borne d'axe ${String(v)}`);
      return v;
    };
    this.axes = {
      valueAxis: new DChartPart(
        ctx,
        'ChartAxis',
        m,
        {
          minimum: (c, v) => (c.valueAxis.minimum = bound(v)),
          maximum: (c, v) => (c.valueAxis.maximum = bound(v)),
          majorUnit: (c, v) => (c.valueAxis.majorUnit = bound(v)),
          numberFormat: (c, v) => (c.valueAxis.numberFormat = String(v)),
        },
        (c) => ({ ...c.valueAxis }),
      ),
    };
  }
  protected bindTarget(): ChartModel | null {
    return this.resolver();
  }
  protected override readScalar(): unknown {
    return this.required<ChartModel>().name;
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.queueOp({ m: 'chart.name', v }, () => (this.required<ChartModel>().name = v));
  }
  setPosition(startCell: string, endCell?: string): void {
    this.queueOp({ m: 'setPosition', startCell, endCell }, () => {
      parseLocalAddress(startCell);
      if (endCell) parseLocalAddress(endCell);
      this.required<ChartModel>().position = { start: startCell, end: endCell };
    });
  }
}

/** The shapes of a sheet: its charts, when `chartShapes` lists them (`Unsupported` is the only type a chart could have). */
export class DShapeCollection extends DCollection<DShape> {
  protected readonly className = 'ShapeCollection';
  constructor(
    ctx: DoubleContext,
    private readonly ws: DWorksheet,
  ) {
    super(ctx);
  }
  protected makeItems(): DShape[] {
    if (this.ctx.excel.chartShapes === 'unlisted') return [];
    return this.ws.sheetModel().charts.map((c) => new DShape(this.ctx, () => c));
  }
}

export class DShape extends DObject {
  protected readonly className = 'Shape';
  protected override readonly scalarProps = ['name', 'type', 'altTextTitle', 'altTextDescription'];
  constructor(
    ctx: DoubleContext,
    private readonly resolver: () => ChartModel | null,
  ) {
    super(ctx);
  }
  protected bindTarget(): ChartModel | null {
    return this.resolver();
  }
  protected override readScalar(name: string): unknown {
    const c = this.required<ChartModel>();
    if (name === 'name') return c.name;
    if (name === 'type') return 'Unsupported';
    if (name === 'altTextTitle') return c.altText?.title ?? '';
    if (name === 'altTextDescription') return c.altText?.description ?? '';
    return undefined;
  }
  get name(): string {
    return this.prop('name');
  }
  get altTextTitle(): string {
    return this.prop('altTextTitle');
  }
  set altTextTitle(v: string) {
    this.setAltText('title', v);
  }
  get altTextDescription(): string {
    return this.prop('altTextDescription');
  }
  set altTextDescription(v: string) {
    this.setAltText('description', v);
  }
  private setAltText(key: 'title' | 'description', v: string): void {
    this.queueOp({ m: `shape.altText.${key}`, v }, () => {
      const c = this.required<ChartModel>();
      if (this.ctx.excel.chartShapes === 'refused') throw new ExcelDoubleError('InvalidOperation', "texte de remplacement refusé sur la forme d'un graphique");
      c.altText = { ...c.altText, [key]: String(v) };
    });
  }
}

/** A small chart sub-object (title, legend, data labels) with settable properties. */
class DChartPart extends DObject {
  // Properties are defined per instance (title.text, legend.position…).
  [key: string]: any;
  protected override readonly scalarProps: readonly string[];
  constructor(
    ctx: DoubleContext,
    protected readonly className: string,
    private readonly chart: () => ChartModel,
    setters: Record<string, (c: ChartModel, v: unknown) => void>,
    private readonly getters: (c: ChartModel) => Record<string, unknown>,
  ) {
    super(ctx);
    this.scalarProps = Object.keys(setters);
    for (const [key, set] of Object.entries(setters)) {
      Object.defineProperty(this, key, {
        get: () => this.prop(key),
        set: (v: unknown) => this.queueOp({ m: `${className}.${key}`, v }, () => set(this.chart(), v)),
      });
    }
  }
  protected bindTarget(): unknown {
    return this.chart();
  }
  protected override readScalar(name: string): unknown {
    return this.getters(this.chart())[name];
  }
}

function seriesCount(c: ChartModel): number {
  return c.seriesBy === 'Rows' ? c.source.nr - 1 : c.source.nc - 1;
}
function pointCount(c: ChartModel): number {
  return c.seriesBy === 'Rows' ? c.source.nc - 1 : c.source.nr - 1;
}

class DFillSetter extends DObject {
  protected readonly className = 'ChartFill';
  constructor(
    ctx: DoubleContext,
    private readonly apply: (color: string) => void,
  ) {
    super(ctx);
  }
  protected bindTarget(): unknown {
    return this;
  }
  setSolidColor(color: string): void {
    this.queueOp({ m: 'setSolidColor', color }, () => this.apply(color));
  }
}

export class DChartSeriesCollection extends DObject {
  protected readonly className = 'ChartSeriesCollection';
  protected override readonly scalarProps = ['count'];
  constructor(
    ctx: DoubleContext,
    private readonly chart: () => ChartModel,
  ) {
    super(ctx);
  }
  protected bindTarget(): unknown {
    return this.chart();
  }
  protected override readScalar(): unknown {
    return seriesCount(this.chart());
  }
  get count(): number {
    return this.prop('count');
  }
  getItemAt(index: number): { format: { fill: DFillSetter }; points: { getItemAt(i: number): { format: { fill: DFillSetter } } } } {
    const check = (): ChartModel => {
      const c = this.chart();
      if (index < 0 || index >= seriesCount(c)) throw new ExcelDoubleError('ItemNotFound', `série ${index}`);
      return c;
    };
    return {
      format: { fill: new DFillSetter(this.ctx, (color) => (check().seriesFill[index] = color)) },
      points: {
        getItemAt: (p: number) => ({
          format: {
            fill: new DFillSetter(this.ctx, (color) => {
              const c = check();
              if (p < 0 || p >= pointCount(c)) throw new ExcelDoubleError('ItemNotFound', `point ${p}`);
              c.pointFill[`${index}:${p}`] = color;
            }),
          },
        }),
      },
    };
  }
}

// ---------- conditional formats ----------

export class DConditionalFormatCollection extends DCollection<DConditionalFormat> {
  protected readonly className = 'ConditionalFormatCollection';
  constructor(
    ctx: DoubleContext,
    private readonly scope: () => { sheet: SheetModel; areas: Rect[] },
  ) {
    super(ctx);
  }
  private touching(): ConditionalFormatModel[] {
    const { sheet, areas } = this.scope();
    return this.ctx.excel.model.cfs.filter(
      (cf) => cf.sheet === sheet && cf.areas.some((a) => areas.some((b) => intersects(a, b))),
    );
  }
  protected makeItems(): DConditionalFormat[] {
    return this.touching().map((cf) => new DConditionalFormat(this.ctx, () => cf));
  }
  add(type: string): DConditionalFormat {
    let created: ConditionalFormatModel | null = null;
    const cf = new DConditionalFormat(this.ctx, () => created);
    this.queueOp({ m: 'conditionalFormats.add', type }, () => {
      const { sheet, areas } = this.scope();
      const ex = this.ctx.excel;
      ex.checkEditable(sheet);
      ex.nextId += 1;
      created = { id: ex.nextId, sheet, areas: areas.map((a) => ({ ...a })), type, formula: null, fill: null, fontColor: null };
      ex.model.cfs.unshift(created);
    });
    return cf;
  }
  /** Simplification: removes every rule that touches the range (Excel trims partial ones). */
  clearAll(): void {
    this.queueOp({ m: 'conditionalFormats.clearAll' }, () => {
      this.ctx.excel.checkEditable(this.scope().sheet);
      const gone = new Set(this.touching());
      this.ctx.excel.model.cfs = this.ctx.excel.model.cfs.filter((cf) => !gone.has(cf));
    });
  }
}

export class DConditionalFormat extends DObject {
  protected readonly className = 'ConditionalFormat';
  protected override readonly scalarProps = ['type', 'id', 'priority'];
  private _custom?: DCustomConditionalFormat;
  private _customOrNull?: DCustomConditionalFormat;
  constructor(
    ctx: DoubleContext,
    private readonly resolver: () => ConditionalFormatModel | null,
  ) {
    super(ctx);
  }
  protected bindTarget(): ConditionalFormatModel | null {
    return this.resolver();
  }
  model(): ConditionalFormatModel {
    return this.required<ConditionalFormatModel>();
  }
  protected override readScalar(name: string): unknown {
    const m = this.model();
    if (name === 'type') return m.type;
    if (name === 'id') return String(m.id);
    return this.ctx.excel.model.cfs.indexOf(m);
  }
  protected override nav(name: string): DObject | undefined {
    if (name === 'custom') return this.custom;
    if (name === 'customOrNullObject') return this.customOrNullObject;
    return undefined;
  }
  get type(): string {
    return this.prop('type');
  }
  get custom(): DCustomConditionalFormat {
    this._custom ??= new DCustomConditionalFormat(this.ctx, () => {
      const m = this.model();
      if (m.type !== 'Custom') throw new ExcelDoubleError('InvalidOperation', "ce format conditionnel n'est pas personnalisé");
      return m;
    });
    return this._custom;
  }
  get customOrNullObject(): DCustomConditionalFormat {
    if (!this._customOrNull) {
      this._customOrNull = new DCustomConditionalFormat(this.ctx, () => {
        const m = this.model();
        return m.type === 'Custom' ? m : null;
      });
      this.ctx.watchNull(this._customOrNull);
    }
    return this._customOrNull;
  }
  getRange(): DRange {
    return new DRange(this.ctx, () => {
      const m = this.model();
      if (m.areas.length !== 1) throw new ExcelDoubleError('InvalidOperation', 'plusieurs zones');
      return { sheet: m.sheet, ...m.areas[0] };
    });
  }
  delete(): void {
    this.queueOp({ m: 'conditionalFormat.delete' }, () => {
      const m = this.model();
      this.ctx.excel.checkEditable(m.sheet);
      this.ctx.excel.model.cfs = this.ctx.excel.model.cfs.filter((x) => x !== m);
    });
  }
}

export class DCustomConditionalFormat extends DObject {
  protected readonly className = 'CustomConditionalFormat';
  readonly rule: DChartPartLike;
  readonly format: { fill: DChartPartLike; font: DChartPartLike };
  constructor(
    ctx: DoubleContext,
    private readonly resolver: () => ConditionalFormatModel | null,
  ) {
    super(ctx);
    const m = (): ConditionalFormatModel => this.required<ConditionalFormatModel>();
    this.rule = new DChartPartLike(ctx, 'ConditionalFormatRule', m, {
      formula: [(c) => c.formula, (c, v) => (c.formula = String(v))],
    });
    this.format = {
      fill: new DChartPartLike(ctx, 'ConditionalRangeFill', m, { color: [(c) => c.fill, (c, v) => (c.fill = String(v))] }),
      font: new DChartPartLike(ctx, 'ConditionalRangeFont', m, {
        color: [(c) => c.fontColor, (c, v) => (c.fontColor = String(v))],
      }),
    };
  }
  protected bindTarget(): ConditionalFormatModel | null {
    return this.resolver();
  }
  protected override nav(name: string): DObject | undefined {
    return name === 'rule' ? this.rule : undefined;
  }
}

class DChartPartLike extends DObject {
  // Properties are defined per instance (rule.formula, fill.color…).
  [key: string]: any;
  protected override readonly scalarProps: readonly string[];
  constructor(
    ctx: DoubleContext,
    protected readonly className: string,
    private readonly owner: () => ConditionalFormatModel,
    private readonly props: Record<string, [(c: ConditionalFormatModel) => unknown, (c: ConditionalFormatModel, v: unknown) => void]>,
  ) {
    super(ctx);
    this.scalarProps = Object.keys(props);
    for (const [key, [, set]] of Object.entries(props)) {
      Object.defineProperty(this, key, {
        get: () => this.prop(key),
        set: (v: unknown) => this.queueOp({ m: `${className}.${key}`, v }, () => set(this.owner(), v)),
      });
    }
  }
  protected bindTarget(): unknown {
    return this.owner();
  }
  protected override readScalar(name: string): unknown {
    return this.props[name][0](this.owner());
  }
}

// ---------- the double ----------

export class ExcelDouble {
  model: WorkbookModel;
  syncCount = 0;
  batches: BatchRecord[] = [];
  calculationSuspensions = 0;
  /**
   * Syncs `run` made itself for operations a batch left queued. The docs only say the batch returns
   * « typically, just the result of context.sync() »: the adapter must not count on an implicit one.
   */
  implicitSyncs = 0;
  readonly failAt = new Set<number>();
  readonly payloadLimitBytes: number;
  readonly cellLimit: number;
  readonly chartShapes: NonNullable<DoubleOptions['chartShapes']>;
  nextId = 0;
  /** The range `Range.select()` selected last, if any. */
  selection: { sheet: string; address: string } | null = null;
  /** The sheet `Worksheet.activate()` made active; the first visible sheet when none (or it is gone). */
  activeSheet: SheetModel | null = null;

  constructor(options: DoubleOptions = {}) {
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5_000_000;
    this.cellLimit = options.cellLimit ?? 5_000_000;
    this.chartShapes = options.chartShapes ?? 'listed';
    this.model = { name: options.name ?? 'Classeur.xlsx', sheets: [], tables: [], cfs: [], calculationSuspendedSyncs: 0, date1904: options.date1904 ?? false, structureProtected: options.structureProtected ?? false };
    for (const s of options.sheets ?? []) this.seed(s);
  }

  /** Like `Excel.run`: a fresh context; pending operations are synced when the batch ends. */
  run = async <T>(batch: (context: DoubleContext) => Promise<T>): Promise<T> => {
    const ctx = new DoubleContext(this);
    const result = await batch(ctx);
    if (ctx.pendingOperations > 0) {
      this.implicitSyncs += 1;
      await ctx.sync();
    }
    return result;
  };

  /** Makes the n-th sync from now (1 = the next one) fail before it applies anything. */
  failOnSync(n: number): void {
    this.failAt.add(this.syncCount + n);
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.batches = [];
    this.implicitSyncs = 0;
    this.failAt.clear();
  }

  findSheet(name: string): SheetModel | undefined {
    return this.model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The active sheet, as Excel resolves an address without a sheet name in `TableCollection.add`. */
  activeSheetModel(): SheetModel | undefined {
    const a = this.activeSheet;
    if (a && !a.deleted && a.visibility === 'Visible' && this.model.sheets.includes(a)) return a;
    return this.model.sheets.find((s) => s.visibility === 'Visible');
  }

  findTable(name: string): TableModel | undefined {
    return this.model.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** Refuses a change of the workbook's structure while it is protected. */
  checkStructure(): void {
    if (this.model.structureProtected) throw new ExcelDoubleError('AccessDenied', 'la structure du classeur est protégée');
  }

  /** Refuses a change to a protected sheet's cells or conditional formats. */
  checkEditable(sheet: SheetModel): void {
    if (sheet.protected) throw new ExcelDoubleError('AccessDenied', `la feuille « ${sheet.name} » est protégée`);
  }

  checkSheetName(name: string, self: SheetModel | null): void {
    // Excel's rules for a sheet's name (support.microsoft.com, « Rename a worksheet »): not blank, at most 31
    // characters, none of \ / ? * : [ ], no apostrophe first or last, and not « History », reserved by Excel.
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
      throw new ExcelDoubleError('InvalidArgument', `nom de feuille invalide « ${name} »`);
    }
    const other = this.findSheet(name);
    if (other && other !== self) throw new ExcelDoubleError('ItemAlreadyExists', `la feuille « ${name} » existe déjà`);
  }

  newSheet(name: string): SheetModel {
    this.nextId += 1;
    return {
      id: this.nextId,
      name,
      visibility: 'Visible',
      rows: new Map(),
      widths: new Map(),
      heights: new Map(),
      frozenRows: 0,
      pageLayout: {},
      pageBreaks: [],
      charts: [],
      merges: [],
      deleted: false,
      protected: false,
    };
  }

  cellAt(sheet: SheetModel, r: number, c: number): CellModel {
    let row = sheet.rows.get(r);
    if (!row) {
      row = new Map();
      sheet.rows.set(r, row);
    }
    let cell = row.get(c);
    if (!cell) {
      cell = { value: null };
      row.set(c, cell);
    }
    return cell;
  }

  /** The smallest rectangle of used cells of `sheet`, or of its part `within` (Range.getUsedRangeOrNullObject). */
  usedRect(sheet: SheetModel, valuesOnly: boolean, within?: Rect): RangeRef | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (const [r, row] of sheet.rows) {
      if (within && (r < within.r0 || r >= within.r0 + within.nr)) continue;
      for (const [c, cell] of row) {
        if (within && (c < within.c0 || c >= within.c0 + within.nc)) continue;
        const used =
          cell.value !== null ||
          cell.formula !== undefined ||
          cell.error !== undefined ||
          (!valuesOnly && (cell.numberFormat !== undefined || cell.fill !== undefined || cell.bold !== undefined));
        if (!used) continue;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    if (r1 < 0) return null;
    return { sheet, r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
  }

  seed(s: SeedSheet): void {
    this.checkSheetName(s.name, null);
    const sheet = this.newSheet(s.name);
    sheet.visibility = s.visibility ?? 'Visible';
    sheet.frozenRows = s.frozenRows ?? 0;
    sheet.merges = (s.merges ?? []).map(parseLocalAddress);
    sheet.protected = s.protected ?? false;
    for (const [c, w] of Object.entries(s.widths ?? {})) sheet.widths.set(Number(c) - 1, w);
    const r0 = (s.at?.row ?? 1) - 1;
    const c0 = (s.at?.col ?? 1) - 1;
    (s.cells ?? []).forEach((line, i) =>
      line.forEach((input, j) => {
        if (input === null || input === undefined) return;
        const cell = this.cellAt(sheet, r0 + i, c0 + j);
        if (typeof input !== 'object') {
          cell.value = input;
          return;
        }
        cell.value = input.v ?? null;
        if (input.f) cell.formula = input.f;
        if (input.error) cell.error = input.error;
        if (input.nf) cell.numberFormat = input.nf;
        if (input.fill) cell.fill = input.fill;
        if (input.bold) cell.bold = input.bold;
      }),
    );
    this.model.sheets.push(sheet);
    for (const t of s.tables ?? []) {
      this.model.tables.push({
        name: t.name,
        sheet,
        ...parseLocalAddress(t.address),
        showFilterButton: true,
        showTotals: t.showTotals ?? false,
        showHeaders: t.showHeaders ?? true,
      });
    }
    for (const cf of s.conditionalFormats ?? []) {
      this.nextId += 1;
      this.model.cfs.push({
        id: this.nextId,
        sheet,
        areas: cf.address.split(',').map((a) => parseLocalAddress(a.trim())),
        type: cf.type,
        formula: cf.formula ?? null,
        fill: cf.fill ?? null,
        fontColor: null,
      });
    }
  }

  // ----- inspection helpers for tests and the bench -----

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  sheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The cell at 1-based (row, col), undefined when never written. */
  cell(sheetName: string, row: number, col: number): CellModel | undefined {
    return this.sheet(sheetName).rows.get(row - 1)?.get(col - 1);
  }

  tablesOf(sheetName: string): TableModel[] {
    const s = this.sheet(sheetName);
    return this.model.tables.filter((t) => t.sheet === s);
  }

  conditionalFormatsOf(sheetName: string): ConditionalFormatModel[] {
    const s = this.sheet(sheetName);
    return this.model.cfs.filter((c) => c.sheet === s);
  }

  /** A plain, comparable picture of one sheet: everything a user could see. */
  snapshot(sheetName: string): unknown {
    const s = this.sheet(sheetName);
    const cells: [string, CellModel][] = [];
    for (const r of [...s.rows.keys()].sort((a, b) => a - b)) {
      const row = s.rows.get(r)!;
      for (const c of [...row.keys()].sort((a, b) => a - b)) {
        const cell = row.get(c)!;
        const meaningful = Object.entries(cell).some(([k, v]) => !(k === 'value' && v === null) && v !== undefined);
        if (meaningful) cells.push([`${colLetters(c)}${r + 1}`, { ...cell }]);
      }
    }
    return {
      name: s.name,
      visibility: s.visibility,
      position: this.model.sheets.indexOf(s),
      frozenRows: s.frozenRows,
      widths: [...s.widths.entries()].sort((a, b) => a[0] - b[0]),
      cells,
      tables: this.tablesOf(sheetName).map((t) => ({ name: t.name, address: rectAddress(t) })),
      charts: s.charts.map((c) => ({ ...c, sheet: c.sheet.name })),
      conditionalFormats: this.conditionalFormatsOf(sheetName).map((c) => ({
        type: c.type,
        areas: c.areas.map(rectAddress),
        formula: c.formula,
        fill: c.fill,
      })),
    };
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.batches.map((b) => b.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.batches.map((b) => b.responseBytes));
  }
}

export function createExcelDouble(options: DoubleOptions = {}): ExcelDouble {
  return new ExcelDouble(options);
}

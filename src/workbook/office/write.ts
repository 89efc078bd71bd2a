/**
 * Writing a WritePlan through Office.js without ever leaving a half-written
 * output: the plan's sheets are built under temporary names (`SPASER tmp n`),
 * and only once every block is in do the old `SPASER …` sheets go and the new
 * ones take their names. A failure before that deletes the temporary sheets.
 * Writes are packed into syncs that stay under the payload budget.
 */
import { cellAddress, columnLetter, isCalendarDate } from '../../domain/cell';
import type { BlockPlan, ChartKind, ChartPlan, PlanValue, SheetPlan, WritePlan } from '../../domain/plan-types';
import { FORMAT_DATE, FORMAT_SHARE_AXIS, isOwnSheet, SheetNameClashError, sheetNameClash, withinCellLimit } from '../../domain/plan-types';
import { IMPORT_TEMP_PREFIX, tempImportName } from '../port';
import { excelTableName } from '../table-name';
import { excelNumberFormat } from '../xlsx/number-format';
import { SHIFT_1904 } from '../../domain/read-cell';
import { chartColors } from '../chart-style';
import { CELL_LIMIT, SMALL_OP_BYTES, WRITE_BUDGETS } from './limits';
import { AttemptNotUndoneError, jsonSize, withSmallerBatchesOnRefusal, type ExcelRunner, type SyncMeter } from './meter';
import { dateSystemProbe } from './read';

export const TEMP_PREFIX = 'SPASER tmp ';

/**
 * The workbook's structure is protected: Excel lets no sheet be added, deleted or renamed.
 * Found before anything is written (`workbook.protection`, ExcelApi 1.7), so that the user
 * reads what to do rather than an error of the first sheet added.
 */
export class WorkbookProtectedError extends Error {
  constructor(what: 'ecriture' | 'import') {
    super(
      what === 'ecriture'
        ? "La structure du classeur est protégée : Excel n'y laisse ajouter ni remplacer aucune feuille, et les feuilles SPASER n'ont pas été écrites. Ôtez la protection (onglet Révision, « Protéger le classeur »), puis relancez ; vos feuilles n'ont pas été modifiées."
        : "La structure du classeur est protégée : Excel n'y laisse ajouter aucune feuille, et aucune n'a été importée. Ôtez la protection (onglet Révision, « Protéger le classeur »), puis relancez l'import.",
    );
    this.name = 'WorkbookProtectedError';
  }
}
const TEMP_TABLE_SUFFIX = '_spaser_tmp';

/**
 * Excel serial of a calendar date: 1900 system, 1900-03-01 is 61, 1900-02-28 is 59;
 * 1904 system (`date1904`), 1904-01-01 is 0.
 */
export function dateToSerial(iso: string, date1904 = false): number {
  const [y, m, d] = iso.split('-').map(Number);
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  if (date1904) return days - SHIFT_1904;
  // Excel counts a 29/02/1900 that never was: dates before March 1900 are one lower.
  return days < 61 ? days - 1 : days;
}

/**
 * Excel reads a string assigned to `values` as if typed: `=…` becomes a
 * formula, `00123` a number, `VRAI` a boolean. A leading apostrophe keeps it
 * text (the apostrophe is not part of the value); every text that Excel could
 * read otherwise gets one.
 */
export function protectText(s: string): string {
  const text = withinCellLimit(s);
  if (/^\s*[=+\-@'#]/.test(text) || /\d/.test(text) || /^\s*(vrai|faux|true|false)\s*$/i.test(text)) return `'${text}`;
  return text;
}

export function officeValue(v: PlanValue, date1904 = false): string | number | boolean | null {
  if (v === null) return null;
  if (isCalendarDate(v)) return dateToSerial(v.date, date1904);
  if (typeof v === 'string') return v === '' ? null : protectText(v);
  return v;
}

/** `worksheet.pageLayout` (A4, landscape, one page wide) needs ExcelApi 1.9; outside Office (the test double) it is there. */
function setsPageLayout(): boolean {
  return typeof Office === 'undefined' || Office.context?.requirements?.isSetSupported('ExcelApi', '1.9') === true;
}

/** A chart axis' `numberFormat` needs ExcelApi 1.8; without it, a share axis still stops at 100, in plain numbers. */
function setsAxisNumberFormat(): boolean {
  return typeof Office === 'undefined' || Office.context?.requirements?.isSetSupported('ExcelApi', '1.8') === true;
}

/** A shape's alternative text (`Shape.altTextTitle`, `altTextDescription`) needs ExcelApi 1.9; outside Office (the test double) it is there. */
function setsShapeAltText(): boolean {
  return typeof Office === 'undefined' || Office.context?.requirements?.isSetSupported('ExcelApi', '1.9') === true;
}

/** Column width in characters → points (Calibri 11: 7 px a character plus 5 px padding, 0.75 pt a pixel). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const CHART_TYPES: Readonly<Record<ChartKind, string>> = {
  colonnes: 'ColumnClustered',
  colonnesGroupees: 'ColumnClustered',
  anneau: 'Doughnut',
  secteurs: 'Pie',
};

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const STYLE_FILL: Partial<Record<NonNullable<BlockPlan['style']>, string>> = { entete: '#D9E1F2', axe: '#DDEBF7' };

/** Queues writes and syncs whenever the next one would push the batch over the budget. */
class Batcher {
  private bytes = 0;
  private ops = 0;
  /** Cells of values queued since the last sync, and synced before: the progress told. */
  private pendingCells = 0;
  private doneCells = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly meter: SyncMeter,
    /** Bytes of JSON per sync (Excel on the web refuses more than 5 MB). */
    readonly budget: number,
    /** Cells of values the whole write sends (`planCells`). */
    private readonly totalCells = 0,
  ) {
    this.begin();
  }
  private begin(): void {
    // Nothing needs recalculating while the add-in's sheets are written.
    this.context.application.suspendApiCalculationUntilNextSync();
  }
  /** Makes room for a write of `bytes`; the caller queues it right after. */
  async reserve(bytes: number): Promise<void> {
    if (this.ops > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
    this.ops += 1;
  }
  async add(bytes: number, queue: () => void, cells = 0): Promise<void> {
    await this.reserve(bytes);
    queue();
    this.pendingCells += cells;
  }
  async flush(): Promise<void> {
    await this.meter.sync(this.context, 'ecriture', this.bytes);
    this.bytes = 0;
    this.ops = 0;
    this.doneCells += this.pendingCells;
    this.pendingCells = 0;
    this.meter.progress('ecriture', this.doneCells, this.totalCells);
    this.begin();
  }
}

/** Cells of values a write sends (as `writeBlock` pads them): the 100 % of its progress. */
function planCells(blocks: readonly Pick<BlockPlan, 'values'>[]): number {
  return blocks.reduce((s, b) => s + b.values.length * b.values.reduce((w, r) => Math.max(w, r.length), 0), 0);
}

/** Splits rows into runs whose JSON stays under the budget (and the cell limit). */
function chunkRows<T>(rows: readonly T[][], width: number, budget: number): { start: number; rows: T[][]; bytes: number }[] {
  const chunks: { start: number; rows: T[][]; bytes: number }[] = [];
  const maxRows = Math.max(1, Math.floor(CELL_LIMIT / Math.max(1, width)));
  const limit = budget - SMALL_OP_BYTES;
  let current: T[][] = [];
  let bytes = 2;
  let start = 0;
  rows.forEach((row, i) => {
    const size = jsonSize(row) + 1;
    if (current.length > 0 && (bytes + size > limit || current.length >= maxRows)) {
      chunks.push({ start, rows: current, bytes });
      current = [];
      bytes = 2;
      start = i;
    }
    current.push(row);
    bytes += size;
  });
  if (current.length > 0) chunks.push({ start, rows: current, bytes });
  return chunks;
}

async function writeBlock(
  b: Batcher,
  ws: Excel.Worksheet,
  block: BlockPlan,
  date1904: boolean,
  wrapColumns: readonly number[] = [],
  centerColumns: readonly number[] = [],
): Promise<void> {
  const width = block.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (width === 0) return;
  const values = block.values.map((r) => Array.from({ length: width }, (_, j) => officeValue(r[j] ?? null, date1904)));
  for (const chunk of chunkRows(values, width, b.budget)) {
    await b.add(
      chunk.bytes,
      () => {
        ws.getRangeByIndexes(block.row - 1 + chunk.start, block.col - 1, chunk.rows.length, width).values = chunk.rows;
      },
      chunk.rows.length * width,
    );
  }
  // Number formats after the values: per column, the plan's format, or the date format for date cells.
  const dateFormat = excelNumberFormat(FORMAT_DATE);
  for (let j = 0; j < width; j++) {
    const planned = block.formats?.[j] ? excelNumberFormat(block.formats[j] as string) : null;
    const hasDate = block.values.some((r) => isCalendarDate(r[j] ?? null));
    if (!planned && !hasDate) continue;
    const column = block.values.map((r) => [planned ?? (isCalendarDate(r[j] ?? null) ? dateFormat : 'General')]);
    for (const chunk of chunkRows(column, 1, b.budget)) {
      await b.add(chunk.bytes, () => {
        ws.getRangeByIndexes(block.row - 1 + chunk.start, block.col - 1 + j, chunk.rows.length, 1).numberFormat = chunk.rows;
      });
    }
  }
  // The plan's wrapped columns, as the xlsx adapter writes them (Excel's bottom alignment kept).
  if ((block.style ?? 'normal') === 'normal') {
    for (const col of wrapColumns) {
      if (col < block.col || col >= block.col + width) continue;
      await b.add(SMALL_OP_BYTES, () => (ws.getRangeByIndexes(block.row - 1, col - 1, block.values.length, 1).format.wrapText = true));
    }
    for (const col of centerColumns) {
      if (col < block.col || col >= block.col + width) continue;
      await b.add(SMALL_OP_BYTES, () => {
        ws.getRangeByIndexes(block.row - 1, col - 1, block.values.length, 1).format.horizontalAlignment = 'Center' as Excel.HorizontalAlignment;
      });
    }
  }
  if (block.style && block.style !== 'normal' && block.values.length > 0) {
    const style = block.style;
    await b.add(SMALL_OP_BYTES, () => {
      const range = ws.getRangeByIndexes(block.row - 1, block.col - 1, block.values.length, width);
      const font = range.format.font;
      if (style === 'titre') {
        font.bold = true;
        font.size = 14;
      } else if (style === 'entete' || style === 'axe') {
        font.bold = true;
        if (style === 'entete') {
          // As the xlsx adapter: a header longer than its column (`Part de la dépense (%)`) wraps, centred vertically.
          range.format.wrapText = true;
          range.format.verticalAlignment = 'Center' as Excel.VerticalAlignment;
        }
        // Explicit dark text on the light fill: readable whatever the Office theme.
        font.color = style === 'axe' ? '#1F4E79' : '#000000';
        range.format.fill.color = STYLE_FILL[style] as string;
      } else if (style === 'note') {
        font.italic = true;
        font.color = '#595959';
      }
    });
  }
}

function queueChart(ws: Excel.Worksheet, chart: ChartPlan): void {
  const d = chart.data;
  const source = ws.getRangeByIndexes(d.row - 1, d.col - 1, d.rowCount, d.colCount);
  const c = ws.charts.add(CHART_TYPES[chart.kind] as Excel.ChartType, source, 'Columns' as Excel.ChartSeriesBy);
  c.title.text = chart.title;
  c.legend.position = 'Bottom' as Excel.ChartLegendPosition;
  const a = chart.anchor;
  c.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + a.height - 1, a.col + a.width - 1));
  const series = d.colCount - 1;
  const points = d.rowCount - 1;
  // Explicit colours, readable on a white or a dark chart area; pies colour each slice.
  if (chart.kind === 'anneau' || chart.kind === 'secteurs') {
    c.dataLabels.showPercentage = true;
    const colors = chartColors(points);
    for (let s = 0; s < series; s++) {
      for (let p = 0; p < points; p++) c.series.getItemAt(s).points.getItemAt(p).format.fill.setSolidColor(colors[p]);
    }
  } else {
    const colors = chartColors(series);
    for (let s = 0; s < series; s++) c.series.getItemAt(s).format.fill.setSolidColor(colors[s]);
  }
  // As the file's charts: shares stop at 100 % (the automatic scale went to 120) and read as percents.
  if (chart.shares) {
    const axis = c.axes.valueAxis;
    axis.minimum = 0;
    axis.maximum = 100;
    axis.majorUnit = 20;
    if (setsAxisNumberFormat()) axis.numberFormat = excelNumberFormat(FORMAT_SHARE_AXIS);
  }
}

/** Writes one sheet; returns its tables (under temporary names) to rename at the swap. */
async function writeSheet(b: Batcher, ws: Excel.Worksheet, plan: SheetPlan, date1904: boolean): Promise<{ table: Excel.Table; name: string }[]> {
  const tables: { table: Excel.Table; name: string }[] = [];
  for (const block of plan.blocks) await writeBlock(b, ws, block, date1904, plan.wrapColumns, plan.centerColumns);
  for (let i = 0; i < plan.widths.length; i++) {
    const w = plan.widths[i];
    if (w > 0) await b.add(SMALL_OP_BYTES, () => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthToPoints(w)));
  }
  if (plan.freezeRows) {
    const rows = plan.freezeRows;
    await b.add(SMALL_OP_BYTES, () => ws.freezePanes.freezeRows(rows));
  }
  // No row heights here: Excel fits a row to its wrapped text itself (Range.WrapText), better than
  // the plan's estimate (`tallRows`), which is for files opened by LibreOffice.
  const print = plan.print;
  // Page layout is ExcelApi 1.9: an older Excel prints with its defaults, the sheets are the same.
  if (print && setsPageLayout()) {
    await b.add(SMALL_OP_BYTES, () => {
      const layout = ws.pageLayout;
      layout.paperSize = 'A4' as Excel.PaperType;
      layout.orientation = (print.landscape ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
      // 0 pages down: as many as the rows need (the file's fitToHeight="0").
      if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      // In points here, in inches in the plan (the file's unit).
      const margins = print.margins;
      if (margins) {
        layout.leftMargin = margins.left * 72;
        layout.rightMargin = margins.right * 72;
        layout.topMargin = margins.top * 72;
        layout.bottomMargin = margins.bottom * 72;
        layout.headerMargin = margins.header * 72;
        layout.footerMargin = margins.footer * 72;
      }
      if (print.repeatRow) layout.setPrintTitleRows(`$${print.repeatRow}:$${print.repeatRow}`);
      if (print.repeatColumn) {
        const col = columnLetter(print.repeatColumn);
        layout.setPrintTitleColumns(`$${col}:$${col}`);
      }
      if (print.footer) {
        const footer = layout.headersFooters.defaultForAllPages;
        footer.leftFooter = print.footer.left;
        footer.centerFooter = print.footer.center;
        footer.rightFooter = print.footer.right;
      }
      // The range just below the break.
      for (const row of print.breaksBefore ?? []) if (row > 1) ws.horizontalPageBreaks.add(`A${row}`);
    });
  }
  for (const link of plan.links) {
    await b.add(SMALL_OP_BYTES + jsonSize(link), () => {
      ws.getRangeByIndexes(link.row - 1, link.col - 1, 1, 1).hyperlink = {
        documentReference: `${quoteSheet(link.sheet)}!${link.address}`,
        textToDisplay: link.text,
      };
    });
  }
  for (const table of plan.tables) {
    // An Excel table has at least one data row.
    const rows = Math.max(2, table.rowCount);
    await b.reserve(SMALL_OP_BYTES);
    // A Range (ExcelApi 1.3), never a bare address: TableCollection.add reads an address without a sheet
    // name on the *active* sheet, whichever sheet's collection it is called on (Office.js docs), and the
    // temporary sheet is not active: the table would land on the user's sheet.
    const t = ws.tables.add(ws.getRangeByIndexes(table.row - 1, table.col - 1, rows, table.colCount), true);
    // Table names are unique in the workbook: the old sheets still hold the final names.
    t.name = excelTableName(table.name) + TEMP_TABLE_SUFFIX;
    tables.push({ table: t, name: excelTableName(table.name) });
  }
  for (const chart of plan.charts) {
    await b.add(SMALL_OP_BYTES * (2 + chart.data.rowCount + (chart.shares ? 4 : 0)), () => queueChart(ws, chart));
  }
  return tables;
}

/**
 * The charts' alternative text, best effort. `Excel.Chart` has none; `Excel.Shape` has one (ExcelApi 1.9), and
 * whether a chart is among `worksheet.shapes` the docs do not say. So once the sheets are written, in syncs of
 * their own: the charts and shapes of each new sheet are loaded, the shape of a chart's name gets the chart's
 * alt text, and any failure is ignored (the sheets stay as written, their charts without alt text).
 */
async function setChartAltTexts(context: Excel.RequestContext, meter: SyncMeter, written: readonly { plan: SheetPlan; sheet: Excel.Worksheet }[]): Promise<void> {
  const withCharts = written.filter((w) => w.plan.charts.length > 0);
  if (withCharts.length > 0 && setsShapeAltText()) {
    try {
      const loaded = withCharts.map((w) => ({ plan: w.plan, charts: w.sheet.charts, shapes: w.sheet.shapes }));
      for (const l of loaded) {
        l.charts.load('items/name');
        l.shapes.load('items/name');
      }
      await meter.sync(context, 'ecriture', 0);
      let bytes = 0;
      for (const { plan, charts, shapes } of loaded) {
        // A new sheet holds only the plan's charts, added in its order.
        charts.items.forEach((chart, i) => {
          const alt = plan.charts[i]?.altText;
          const shape = shapes.items.find((s) => s.name === chart.name);
          if (!alt || !shape) return;
          shape.altTextTitle = alt.title;
          shape.altTextDescription = alt.description;
          bytes += SMALL_OP_BYTES + jsonSize(alt);
        });
      }
      if (bytes > 0) await meter.sync(context, 'ecriture', bytes);
    } catch {
      // Charts without alt text: nothing else is lost, and the write succeeded.
    }
  }
}

interface SheetInfo {
  readonly name: string;
  readonly visibility: string;
  /** Excel's id of the sheet, when asked (an import's undo finds its renamed sheets by it). */
  readonly id?: string;
}

async function loadSheets(context: Excel.RequestContext, meter: SyncMeter, phase: 'ecriture', withIds = false): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load(withIds ? 'items/name,items/visibility,items/id' : 'items/name,items/visibility');
  await meter.sync(context, phase, 0);
  return sheets.items.map((s) => ({ name: s.name, visibility: s.visibility, ...(withIds ? { id: s.id } : {}) }));
}

/** The sheets, the date system (`dateSystemProbe`) and whether the structure is protected, in one sync. */
async function loadSheetsAndDates(
  context: Excel.RequestContext,
  meter: SyncMeter,
  phase: 'ecriture',
): Promise<{ sheets: SheetInfo[]; date1904: boolean; structureProtected: boolean }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const is1904 = dateSystemProbe(context);
  const protection = context.workbook.protection.load('protected');
  await meter.sync(context, phase, 0);
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: s.visibility })),
    date1904: is1904(),
    structureProtected: protection.protected,
  };
}

/** Queues the deletion of a sheet; a very hidden sheet must be made hidden first. */
function queueDelete(context: Excel.RequestContext, sheet: SheetInfo): void {
  const ws = context.workbook.worksheets.getItem(sheet.name);
  if (sheet.visibility === 'VeryHidden') ws.visibility = 'Hidden' as Excel.SheetVisibility;
  ws.delete();
}

/**
 * A temporary sheet of a write or of an import's replacement (`tempImportName`): the prefix and a
 * number, nothing else. A user's `SPASER import Pôle Sport` is the user's, never deleted.
 */
export function isTempSheet(name: string): boolean {
  for (const prefix of [TEMP_PREFIX, IMPORT_TEMP_PREFIX]) if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) return true;
  return false;
}

/** Deletes leftover temporary sheets (of this run or of a crashed one). */
async function deleteTempSheets(run: ExcelRunner, meter: SyncMeter): Promise<void> {
  await run(async (context) => {
    const sheets = await loadSheets(context, meter, 'ecriture');
    const temps = sheets.filter((s) => isTempSheet(s.name));
    if (temps.length === 0) return;
    for (const s of temps) queueDelete(context, s);
    await meter.sync(context, 'ecriture', SMALL_OP_BYTES * temps.length);
  });
}

export async function writePlanOffice(run: ExcelRunner, meter: SyncMeter, plan: WritePlan): Promise<void> {
  await withSmallerBatchesOnRefusal(WRITE_BUDGETS, (budget) => writePlanOnce(run, meter, plan, budget, isOwnSheet, false));
}

/**
 * Writes the state sheet alone (an import's records), by the same pattern: written under a
 * temporary name, then one small batch swaps it for the old one, at its place; nothing else moves.
 */
export async function writeStateOffice(run: ExcelRunner, meter: SyncMeter, sheet: SheetPlan): Promise<void> {
  const plan: WritePlan = { sheets: [sheet] };
  await withSmallerBatchesOnRefusal(WRITE_BUDGETS, (budget) => writePlanOnce(run, meter, plan, budget, (name) => name === sheet.name, true));
}

/** `replaced`: the existing sheets the plan's take over; `inPlace`: each new sheet goes where its namesake was. */
async function writePlanOnce(
  run: ExcelRunner,
  meter: SyncMeter,
  plan: WritePlan,
  budget: number,
  replaced: (name: string) => boolean,
  inPlace: boolean,
): Promise<void> {
  try {
    await run(async (context) => {
      const { sheets: existing, date1904, structureProtected } = await loadSheetsAndDates(context, meter, 'ecriture');
      if (structureProtected) throw new WorkbookProtectedError('ecriture');
      const clash = sheetNameClash(existing.map((x) => x.name), plan);
      if (clash) throw new SheetNameClashError(clash);
      const b = new Batcher(context, meter, budget, planCells(plan.sheets.flatMap((s) => s.blocks)));
      for (const s of existing.filter((x) => isTempSheet(x.name))) await b.add(SMALL_OP_BYTES, () => queueDelete(context, s));
      const temps: { plan: SheetPlan; sheet: Excel.Worksheet; tables: { table: Excel.Table; name: string }[] }[] = [];
      for (let i = 0; i < plan.sheets.length; i++) {
        await b.reserve(SMALL_OP_BYTES);
        temps.push({ plan: plan.sheets[i], sheet: context.workbook.worksheets.add(`${TEMP_PREFIX}${i + 1}`), tables: [] });
      }
      for (const t of temps) t.tables = await writeSheet(b, t.sheet, t.plan, date1904);
      await b.flush();

      // Swap: old output out, new output in, in one batch. Only the add-in's own sheets go.
      const gone = existing.filter((s) => isOwnSheet(s.name) && replaced(s.name));
      for (const s of gone) queueDelete(context, s);
      // Places counted without the temporary sheets, which the first batch deleted.
      const kept = existing.filter((s) => !isTempSheet(s.name));
      for (const t of temps) {
        t.sheet.name = t.plan.name;
        for (const { table, name } of t.tables) table.name = name;
        const place = inPlace ? kept.findIndex((s) => s.name === t.plan.name) : -1;
        if (place >= 0) t.sheet.position = place;
        if (t.plan.visibility === 'veryHidden') t.sheet.visibility = 'VeryHidden' as Excel.SheetVisibility;
      }
      await meter.sync(context, 'ecriture', SMALL_OP_BYTES * (existing.length + temps.length * (inPlace ? 4 : 3)));
      // The sheets are in: what follows may fail without undoing them.
      await setChartAltTexts(context, meter, temps);
    });
  } catch (e) {
    // Refused before anything was queued: nothing to undo.
    if (e instanceof WorkbookProtectedError) throw e;
    try {
      await deleteTempSheets(run, meter);
    } catch {
      // The first error is the one to report.
    }
    throw e;
  }
}

/** A sheet copied into the workbook as values (consolidation): header row first. */
export interface ValueSheet {
  readonly name: string;
  readonly rows: readonly (readonly PlanValue[])[];
}

/** What a read just before an import already knows of the workbook: not asked again. */
interface KnownWorkbook {
  readonly date1904?: boolean;
  readonly structureProtected?: boolean;
  /** The sheets' names: a temporary name is chosen among the free ones (a crash may have left one). */
  readonly sheetNames?: readonly string[];
}

/**
 * Adds sheets holding plain values, in payload-sized batches, header bold.
 * The sheets named in `replacing` take the place (name and position) of the
 * workbook's sheets of the same name: every sheet is written under a temporary name,
 * and only once all are in does one last batch delete the old sheets and rename the new ones.
 * On failure the sheets this call added are deleted again: nothing half imported, nothing replaced.
 */
export async function importSheetsOffice(
  run: ExcelRunner,
  meter: SyncMeter,
  sheets: readonly ValueSheet[],
  known: KnownWorkbook = {},
  replacing: readonly string[] = [],
): Promise<void> {
  if (known.structureProtected) throw new WorkbookProtectedError('import');
  await withSmallerBatchesOnRefusal(WRITE_BUDGETS, (budget) => importSheetsOnce(run, meter, sheets, known, budget, replacing));
}

async function importSheetsOnce(
  run: ExcelRunner,
  meter: SyncMeter,
  sheets: readonly ValueSheet[],
  known: KnownWorkbook,
  budget: number,
  replacing: readonly string[],
): Promise<void> {
  // Every sheet is added under a temporary name (`SPASER import N`, never a user's) and renamed in a last,
  // small batch: a name the user takes in the meantime fails that batch, not an add, and the undo only ever
  // deletes the sheets this attempt added, known by their temporary names or, once renamed, by their ids.
  const added: string[] = [];
  const ids: string[] = [];
  try {
    await run(async (context) => {
      // The dates are written as serials of the workbook's own date system (known from a read, else asked);
      // the sheets (names, places) are asked in the same sync: a replacement needs them. So is the
      // protection of the structure, which would refuse the first sheet added (when not known from a read).
      let date1904 = known.date1904;
      let present: SheetInfo[] = [];
      if (date1904 === undefined || known.structureProtected === undefined || replacing.length > 0) {
        const list = context.workbook.worksheets;
        list.load('items/name,items/visibility');
        const is1904 = date1904 === undefined ? dateSystemProbe(context) : null;
        const protection = context.workbook.protection.load('protected');
        await meter.sync(context, 'ecriture', 0);
        if (protection.protected) throw new WorkbookProtectedError('import');
        if (is1904) date1904 = is1904();
        present = list.items.map((x) => ({ name: x.name, visibility: x.visibility }));
      }
      const taken = new Set([...present.map((x) => x.name), ...(known.sheetNames ?? [])].map((n) => n.toLowerCase()));
      const placeOf = (name: string) => present.findIndex((x) => x.name.toLowerCase() === name.toLowerCase());
      // A name taken since the caller read the workbook (and not to be replaced): refused before anything is written.
      const clash = present.length > 0 ? sheets.find((x) => !replacing.includes(x.name) && placeOf(x.name) >= 0) : undefined;
      if (clash) throw new Error(`la feuille « ${present[placeOf(clash.name)].name} » existe déjà dans le classeur`);
      const renames: { old: SheetInfo | null; position: number; sheet: Excel.Worksheet; name: string }[] = [];
      // The header row goes twice (with the values, then again with its bold style): counted twice, or the bar reaches 100 % early.
      const total = planCells(sheets.flatMap((x) => [{ values: x.rows }, { values: x.rows.slice(0, 1) }]));
      const b = new Batcher(context, meter, budget, total);
      for (const sheet of sheets) {
        const position = replacing.includes(sheet.name) ? placeOf(sheet.name) : -1;
        await b.reserve(SMALL_OP_BYTES);
        const temp = tempImportName(taken);
        const ws = context.workbook.worksheets.add(temp);
        ws.load('id');
        added.push(temp);
        renames.push({ old: position >= 0 ? present[position] : null, position, sheet: ws, name: sheet.name });
        await writeBlock(b, ws, { row: 1, col: 1, values: sheet.rows }, date1904 as boolean);
        if (sheet.rows.length > 0) await writeBlock(b, ws, { row: 1, col: 1, values: [sheet.rows[0]], style: 'entete' }, date1904 as boolean);
      }
      await b.flush();
      for (const r of renames) ids.push(r.sheet.id);

      // One small batch: the earlier import out, the new sheets under their names, the replacements at the
      // old ones' places (set from the first place on, each earlier one is already where it goes).
      const swaps = renames.filter((r) => r.old !== null);
      for (const s of swaps) queueDelete(context, s.old as SheetInfo);
      for (const r of renames) r.sheet.name = r.name;
      for (const s of [...swaps].sort((x, y) => x.position - y.position)) s.sheet.position = s.position;
      await meter.sync(context, 'ecriture', SMALL_OP_BYTES * (renames.length + swaps.length * 2));
    });
  } catch (e) {
    if (added.length === 0) throw e;
    try {
      await run(async (context) => {
        const present = await loadSheets(context, meter, 'ecriture', true);
        const mine = present.filter((s) => (typeof s.id === 'string' && ids.includes(s.id)) || added.includes(s.name));
        for (const s of mine) queueDelete(context, s);
        if (mine.length > 0) await meter.sync(context, 'ecriture', SMALL_OP_BYTES * mine.length);
      });
    } catch {
      // The first error is the one to report; sheets of this attempt may be left: no retry over them.
      throw new AttemptNotUndoneError(e);
    }
    throw e;
  }
}

/**
 * Writes a WritePlan into an ExcelJS workbook: the `SPASER …` sheets are
 * replaced, every other sheet is left as it was loaded.
 */
import type ExcelJS from 'exceljs';
import { columnLetter, isCalendarDate } from '../../domain/cell';
import type { BlockPlan, LinkPlan, PlanValue, PrintPlan, SheetPlan, TablePlan, WritePlan } from '../../domain/plan-types';
import { FORMAT_DATE, isOwnSheet, LINE_HEIGHT, SheetNameClashError, sheetNameClash, withinCellLimit } from '../../domain/plan-types';
import { excelTableName } from '../table-name';
import { decodeRange, VALUE_TYPE_DATE, VALUE_TYPE_FORMULA, VALUE_TYPE_MERGE } from './read-grid';
import { excelNumberFormat } from './number-format';

type Style = NonNullable<BlockPlan['style']>;

const FILL_ENTETE: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const FILL_AXE: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

/** What each plan style adds to a cell's look. */
const STYLE_PARTS: Record<Style, Partial<ExcelJS.Style>> = {
  titre: { font: { bold: true, size: 14 } },
  entete: {
    // Explicit black on the light fill, as the Office adapter: an automatic colour turns light in a dark Excel theme.
    font: { bold: true, color: { argb: 'FF000000' } },
    fill: FILL_ENTETE,
    alignment: { vertical: 'middle', wrapText: true },
    border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } },
  },
  axe: { font: { bold: true, color: { argb: 'FF1F4E79' } }, fill: FILL_AXE },
  note: { font: { italic: true, color: { argb: 'FF595959' } } },
  normal: {},
};

/**
 * The cells of our sheets share one style object per look (number format and plan style).
 * ExcelJS gives every cell its own style object, and when saving serialises each distinct
 * object to find its style: once per cell, which took most of the save and of its memory on
 * a large register. Shared objects are serialised once. They are never mutated: a cell's look
 * changes by assigning another shared object.
 */
const SHARED_STYLES = new Map<string, Partial<ExcelJS.Style>>();

/** The look of a cell without style: default font, no format. */
const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
SHARED_STYLES.set('normal|', NO_STYLE);

/** A wrapped cell of a `normal` block keeps Excel's bottom alignment, as its row's other cells: one baseline per row. */
const WRAPPED: Partial<ExcelJS.Alignment> = { wrapText: true };
const CENTERED: Partial<ExcelJS.Alignment> = { horizontal: 'center' };
const WRAPPED_CENTERED: Partial<ExcelJS.Alignment> = { wrapText: true, horizontal: 'center' };

function sharedStyle(numFmt: string | null, style: Style, wrap = false, center = false): Partial<ExcelJS.Style> {
  const key = `${style}|${numFmt ?? ''}${wrap ? '|wrap' : ''}${center ? '|center' : ''}`;
  let shared = SHARED_STYLES.get(key);
  if (shared === undefined) {
    const alignment = wrap ? (center ? WRAPPED_CENTERED : WRAPPED) : center ? CENTERED : null;
    const parts = alignment ? { ...STYLE_PARTS[style], alignment } : { ...STYLE_PARTS[style] };
    shared = Object.freeze(numFmt ? { ...parts, numFmt } : parts);
    SHARED_STYLES.set(key, shared);
  }
  return shared;
}

/** A shared style with the link font added (also shared, one per base style). */
const LINK_STYLES = new WeakMap<object, Partial<ExcelJS.Style>>();

function withLinkFont(base: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  let linked = LINK_STYLES.get(base);
  if (linked === undefined) {
    linked = Object.freeze({ ...base, font: { ...(base.font ?? {}), ...LINK_FONT } });
    LINK_STYLES.set(base, linked);
  }
  return linked;
}


/** Characters the file stores as `_xHHHH_`: a carriage return (XML would make it a line feed), those XML cannot hold, and DEL (ExcelJS drops it). */
const STORED_ESCAPED = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\u007f\ufffe\uffff]/;
const STORED_ESCAPED_ALL = new RegExp(STORED_ESCAPED.source, 'g');
const LITERAL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * A text as the file must store it so that it reads back unchanged
 * (OOXML `ST_Xstring`, which ExcelJS does not escape): a literal `_xHHHH_` is
 * written `_x005F_xHHHH_`, and a carriage return, a control character or a
 * non-character `_xHHHH_` (written raw, ExcelJS drops some and the others make
 * a file that cannot be opened).
 */
export function excelText(s: string): string {
  return s
    .replace(LITERAL_ESCAPE, '_x005F_x$1_')
    .replace(STORED_ESCAPED_ALL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

function needsEscape(s: string): boolean {
  LITERAL_ESCAPE.lastIndex = 0;
  return STORED_ESCAPED.test(s) || LITERAL_ESCAPE.test(s);
}

/** A cell value with its texts as the file stores them, or null when it holds none to escape. */
function storedValue(v: ExcelJS.CellValue): ExcelJS.CellValue | null {
  if (typeof v === 'string') return needsEscape(v) ? excelText(v) : null;
  if (v === null || typeof v !== 'object' || v instanceof Date) return null;
  if ('richText' in v && Array.isArray(v.richText)) {
    if (!v.richText.some((r) => needsEscape(r.text))) return null;
    return { ...v, richText: v.richText.map((r) => ({ ...r, text: excelText(r.text) })) };
  }
  if ('hyperlink' in v && typeof v.text === 'string') return needsEscape(v.text) ? { ...v, text: excelText(v.text) } : null;
  return null;
}

function isEmptyStyle(style: object): boolean {
  for (const _ in style) return false;
  return true;
}

/**
 * Runs `save` with every text of the workbook (the user's sheets and ours) in
 * the form the file stores, then puts the values back: the workbook in memory
 * keeps the texts as read, the file reads back as the same texts.
 * Cells without any style (ExcelJS gives each its own empty object) share
 * `NO_STYLE` meanwhile and after: the same look, serialised once instead of once
 * per cell, which on a large register made the save slow and ran out of memory.
 */
export async function withCellsAsStored<T>(wb: ExcelJS.Workbook, save: () => Promise<T>): Promise<T> {
  const changed: [ExcelJS.Cell, ExcelJS.CellValue][] = [];
  try {
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          const type = cell.type as number;
          // A date cell without number format gets ExcelJS's default one: its style is never shared.
          if (type !== VALUE_TYPE_DATE && cell.style !== NO_STYLE && isEmptyStyle(cell.style)) cell.style = NO_STYLE;
          // Formulas (their cached results are recomputed) and merge slaves (echoes of their master) aside.
          if (type === VALUE_TYPE_FORMULA || type === VALUE_TYPE_MERGE) return;
          const stored = storedValue(cell.value);
          if (stored === null) return;
          changed.push([cell, cell.value]);
          cell.value = stored;
        }),
      );
    }
    return await save();
  } finally {
    for (const [cell, value] of changed) cell.value = value;
  }
}

/** Plan value → ExcelJS value: text stays text (ExcelJS only makes formulas of `{ formula }` objects). */
export function excelValue(v: PlanValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (isCalendarDate(v)) {
    const [y, m, d] = v.date.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  // Excel reports a file holding a longer text as damaged: cut at its limit, as the Office adapter does.
  // Texts are escaped for the file when it is saved (`withCellsAsStored`).
  return typeof v === 'string' ? withinCellLimit(v) : v;
}

function writeBlock(ws: ExcelJS.Worksheet, block: BlockPlan, wrapColumns: ReadonlySet<number>, centerColumns: ReadonlySet<number>): void {
  const formats = (block.formats ?? []).map((f) => (f ? excelNumberFormat(f) : null));
  const dateFormat = excelNumberFormat(FORMAT_DATE);
  const style = block.style ?? 'normal';
  block.values.forEach((line, i) => {
    const row = ws.getRow(block.row + i);
    line.forEach((v, j) => {
      const cell = row.getCell(block.col + j);
      if (v !== null) cell.value = excelValue(v);
      const format = formats[j] ?? (isCalendarDate(v) ? dateFormat : null);
      const normal = style === 'normal';
      cell.style = sharedStyle(format, style, normal && wrapColumns.has(block.col + j), normal && centerColumns.has(block.col + j));
    });
  });
}

/** A4 (paper size 9), the orientation, one page wide, the margins, the header row atop each page. */
function writePrint(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.orientation = print.landscape ? 'landscape' : 'portrait';
  if (print.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    // 0: as many pages down as the rows need.
    ws.pageSetup.fitToHeight = 0;
  }
  if (print.margins) ws.pageSetup.margins = { ...print.margins };
  if (print.repeatRow) ws.pageSetup.printTitlesRow = `${print.repeatRow}:${print.repeatRow}`;
  if (print.repeatColumn) {
    const col = columnLetter(print.repeatColumn);
    ws.pageSetup.printTitlesColumn = `${col}:${col}`;
  }
  // ExcelJS' break on a row falls after it: the page breaks before `row`.
  for (const row of print.breaksBefore ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();
  if (print.footer) {
    const { left, center, right } = print.footer;
    ws.headerFooter.oddFooter = `&L${left}&C${center}&R${right}`;
  }
}

/** Excel table names: letters, digits, `_`, `.`; not starting with a digit; unique in the workbook (any case). */
function tableName(wanted: string, taken: Set<string>): string {
  const base = excelTableName(wanted);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function headerText(v: ExcelJS.CellValue, j: number): string {
  if (v === null || v === undefined || v === '') return `Colonne ${j + 1}`;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return 'text' in v && typeof v.text === 'string' ? v.text : `Colonne ${j + 1}`;
  return String(v);
}

function writeTable(ws: ExcelJS.Worksheet, table: TablePlan, taken: Set<string>): void {
  const header = ws.getRow(table.row);
  // Excel wants distinct, non-empty column names (compared without case).
  const seen = new Set<string>();
  const columns = Array.from({ length: table.colCount }, (_, j) => {
    const base = headerText(header.getCell(table.col + j).value, j);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return { name, filterButton: true };
  });
  const rows: ExcelJS.CellValue[][] = [];
  // An Excel table has at least one data row.
  const dataRows = Math.max(1, table.rowCount - 1);
  for (let i = 1; i <= dataRows; i++) {
    const row = ws.getRow(table.row + i);
    rows.push(Array.from({ length: table.colCount }, (_, j) => row.getCell(table.col + j).value ?? null));
  }
  // addTable writes the header and rows back into the cells: same values, styles kept.
  ws.addTable({
    name: tableName(table.name, taken),
    ref: `${columnLetter(table.col)}${table.row}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns,
    rows,
  });
}


/**
 * ExcelJS writes both a relationship and a `location` for targets like
 * `Sheet!C14`, which Excel then opens as `#…##…`; an absolute address
 * (`$C$14`) keeps it to the single `#'Sheet'!$C$14` target Excel follows.
 */
export function internalLinkTarget(sheet: string, address: string): string {
  const range = decodeRange(address);
  const absolute = range ? `$${columnLetter(range.left)}$${range.top}` : address;
  return `#'${sheet.replace(/'/g, "''")}'!${absolute}`;
}

function writeLink(ws: ExcelJS.Worksheet, link: LinkPlan): void {
  const cell = ws.getCell(link.row, link.col);
  cell.value = { text: link.text, hyperlink: internalLinkTarget(link.sheet, link.address) };
  cell.style = withLinkFont(cell.style);
}

function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan, tableNames: Set<string>): void {
  const ws = wb.addWorksheet(plan.name, {
    state: plan.visibility === 'veryHidden' ? 'veryHidden' : 'visible',
    views: plan.freezeRows ? [{ state: 'frozen', xSplit: 0, ySplit: plan.freezeRows }] : [],
  });
  plan.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  const wrapColumns = new Set(plan.wrapColumns ?? []);
  const centerColumns = new Set(plan.centerColumns ?? []);
  for (const block of plan.blocks) writeBlock(ws, block, wrapColumns, centerColumns);
  if (plan.print) writePrint(ws, plan.print);
  for (const t of plan.tallRows ?? []) ws.getRow(t.row).height = t.lines * LINE_HEIGHT;
  for (const link of plan.links) writeLink(ws, link);
  for (const table of plan.tables) writeTable(ws, table, tableNames);
  // plan.charts: drawn in the saved package (charts.ts), ExcelJS cannot draw them.
}


/**
 * Removes the add-in's sheets (those `replaced` names: all by default, the state sheet alone
 * for an import's records), then adds the plan's after the user's sheets.
 */
export function writePlanInto(wb: ExcelJS.Workbook, plan: WritePlan, replaced: (name: string) => boolean = isOwnSheet): void {
  const clash = sheetNameClash(wb.worksheets.map((ws) => ws.name), plan);
  if (clash) throw new SheetNameClashError(clash);
  for (const ws of wb.worksheets) if (isOwnSheet(ws.name) && replaced(ws.name)) wb.removeWorksheet(ws.id);
  const tableNames = new Set<string>();
  for (const ws of wb.worksheets) for (const t of ws.getTables() as unknown as { name?: string }[]) if (t.name) tableNames.add(t.name.toLowerCase());
  for (const sheet of plan.sheets) writeSheet(wb, sheet, tableNames);
  keepActiveTabVisible(wb);
}

/** Excel refuses a workbook whose active tab is hidden; point it at a visible sheet. */
function keepActiveTabVisible(wb: ExcelJS.Workbook): void {
  const sheets = wb.worksheets;
  const views = (wb.views ?? []) as (ExcelJS.WorkbookView & { activeTab?: number; firstSheet?: number })[];
  if (views.length === 0) return;
  const visible = (i: number) => sheets[i] !== undefined && sheets[i].state === 'visible';
  const firstVisible = sheets.findIndex((s) => s.state === 'visible');
  for (const view of views) {
    if (view.activeTab !== undefined && !visible(view.activeTab)) view.activeTab = Math.max(0, firstVisible);
    if (view.firstSheet !== undefined && sheets[view.firstSheet] === undefined) view.firstSheet = 0;
  }
}

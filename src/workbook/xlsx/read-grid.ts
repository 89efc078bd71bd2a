/**
 * An ExcelJS worksheet → the SheetGrid the domain reads: what a person sees
 * in each cell (formula results, plain text of rich text and links, calendar
 * dates), merged cells spread the way a reader understands them.
 */
import type ExcelJS from 'exceljs';
import { cellAddress, type CellValue, isOversized, type SheetGrid, type TableArea } from '../../domain/cell';
import { serialToIso, SHIFT_1904 } from '../../domain/read-cell';

// One rule for serials in both date systems, the domain's (a bare serial in a date column is read by it too).
export { serialToIso as serialToIsoDate, SHIFT_1904 };

export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A date format shows y m d h s or b as codes. Letters in brackets or quotes,
 * escaped with a backslash, or after `_` (a space as wide as the letter) or
 * `*` (fill) are literal text: `0\ \h` shows a number of hours, not a time.
 * A digit placeholder (`0`, `#`, `?`) outside a fraction of seconds (`ss.00`)
 * makes a number format whatever letters follow it: Excel mixes no date code
 * with digits, and ExcelJS drops the backslashes of the formats it loads
 * (`0\ \h` arrives as `0 h`), so the letters alone cannot tell.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = formatCodes(numFmt);
  return /[ymdhMsb]/.test(bare) && !showsDigits(bare);
}

/** The codes of a number format, literal text left out. */
function formatCodes(numFmt: string): string {
  return numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/[\\_*]./g, '');
}

function showsDigits(codes: string): boolean {
  return /[0#?]/.test(codes.replace(/[sS]+\.0+/g, ''));
}

/** Multipliers of the formats seen: few formats, many cells. */
const PERCENT_SCALES = new Map<string, number>();

/**
 * What a number format multiplies a number by to show it: 100 for each `%` of its first section
 * outside literal text (`0 %` shows 0,3 as 30 %; `0" %"` shows 30 as 30 %), else 1.
 */
export function percentScale(numFmt: string | undefined): number {
  if (!numFmt || !numFmt.includes('%')) return 1;
  let scale = PERCENT_SCALES.get(numFmt);
  if (scale === undefined) {
    scale = 100 ** (formatCodes(numFmt).split(';')[0].split('%').length - 1);
    PERCENT_SCALES.set(numFmt, scale);
  }
  return scale;
}

/**
 * A number as its format shows it: 0,3 under a percentage format is 30 (the unit of the
 * indicators in %). `literalPercents`: formats whose `%` the file escapes as text, which
 * ExcelJS loaded without their backslash (`misread-cells.ts`).
 */
export function shownNumber(n: number, numFmt: string | undefined, literalPercents?: ReadonlySet<string>): number {
  const scale = numFmt !== undefined && literalPercents?.has(numFmt) ? 1 : percentScale(numFmt);
  // 0,3 × 100 is 30.000000000000004 in binary: back to the 15 digits a cell holds.
  return scale === 1 ? n : Number((n * scale).toPrecision(15));
}

/** A format with digit placeholders: ExcelJS made a Date of such a number only for the letters beside them. */
function isNumberFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && showsDigits(formatCodes(numFmt));
}

const DAY_MS = 86_400_000;
/** `ExcelJS.ValueType` members the adapter tests (the enum is a run-time import of ExcelJS; these are its values). */
export const VALUE_TYPE_MERGE = 1;
export const VALUE_TYPE_DATE = 4;
export const VALUE_TYPE_FORMULA = 6;

/** A serial under a date format as Excel shows it: its day, or the number where Excel shows no date. */
function dateOfSerial(serial: number, date1904: boolean): CellValue {
  const iso = serialToIso(serial, date1904);
  return iso === null ? serial : { date: iso };
}

function richTextOf(v: unknown): string | null {
  if (typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText)) {
    let s = '';
    for (const run of (v as { richText: { text?: unknown }[] }).richText) {
      if (typeof run.text === 'string') s += run.text;
    }
    return s;
  }
  return null;
}

/**
 * ExcelJS's own epoch for a date it made of a serial: 1970-01-01 is serial 25569 (1900 system).
 * ExcelJS counts every serial from 30/12/1899, so its dates before 1 March 1900 are one day
 * early: the serial is taken back and read as Excel shows it.
 */
const EXCELJS_EPOCH_SERIAL = 25569;

/**
 * The number ExcelJS made a Date of (it rounds to the millisecond, ~1e-8 day):
 * taken back to the millionth, which gives back every number typed with up to six decimals.
 */
function numberOfExcelJsDate(t: number, date1904: boolean): number {
  const serial = t / DAY_MS + EXCELJS_EPOCH_SERIAL - (date1904 ? SHIFT_1904 : 0);
  return Math.round(serial * 1e6) / 1e6;
}

/**
 * Whether ExcelJS may have made this date of the year that starts an ISO date text
 * (`misread-cells.ts`): a whole serial from 1000 to 9999, a date from 1902 to 1927.
 */
function mayBeIsoYear(d: Date, date1904: boolean): boolean {
  const serial = numberOfExcelJsDate(d.getTime(), date1904);
  return Number.isInteger(serial) && serial >= 1000 && serial <= 9999;
}

/** A plain value (cell value or formula result) → CellValue. */
function plainValue(v: unknown, numFmt: string | undefined, date1904: boolean, literalPercents?: ReadonlySet<string>): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      if (!Number.isFinite(v)) return null;
      return isDateFormat(numFmt) ? dateOfSerial(v, date1904) : shownNumber(v, numFmt, literalPercents);
    case 'boolean':
      return v;
    case 'object': {
      if (v instanceof Date) {
        const t = v.getTime();
        if (Number.isNaN(t)) return null;
        if (isNumberFormat(numFmt)) return numberOfExcelJsDate(t, date1904);
        // The serial back in the workbook's system: out of Excel's range (a negative number, past
        // 31/12/9999) it stays a number, as Excel shows no date (ExcelJS makes a Date of any serial).
        return dateOfSerial(t / DAY_MS + EXCELJS_EPOCH_SERIAL - (date1904 ? SHIFT_1904 : 0), date1904);
      }
      const o = v as Record<string, unknown>;
      if (typeof o.error === 'string') return { error: o.error };
      const rich = richTextOf(v);
      if (rich !== null) return rich;
      if ('formula' in o || 'sharedFormula' in o) {
        // A formula never computed (no cached result) shows nothing we can trust.
        return 'result' in o ? plainValue(o.result, numFmt, date1904, literalPercents) : null;
      }
      if ('hyperlink' in o || 'text' in o) return plainValue(o.text, numFmt, date1904, literalPercents);
      return null;
    }
    default:
      return null;
  }
}

/** ExcelJS keeps merges as a private map master address → range; read it defensively. */
function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  const raw = (ws as unknown as { _merges?: Record<string, { model?: MergeRange } & Partial<MergeRange>> })._merges;
  if (!raw) return [];
  const out: MergeRange[] = [];
  for (const r of Object.values(raw)) {
    const m = r.model ?? r;
    if (typeof m.top === 'number' && typeof m.left === 'number' && typeof m.bottom === 'number' && typeof m.right === 'number') {
      out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
    }
  }
  return out;
}

/** `A1:C9` → numbers. */
export function decodeRange(ref: string): MergeRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const left = col(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? col(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

interface LoadedTableModel {
  name?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name?: string }[];
  rows?: unknown[];
}

/** The sheet's Excel tables with a header row, data rows only (a totals row is not data). */
function tablesOf(ws: ExcelJS.Worksheet): TableArea[] {
  const out: TableArea[] = [];
  for (const t of ws.getTables() as unknown as { model?: LoadedTableModel; table?: LoadedTableModel }[]) {
    const model = t.model ?? t.table;
    if (!model || !model.name) continue;
    let range: MergeRange | null = null;
    if (model.tableRef) range = decodeRange(model.tableRef);
    else if (model.ref && model.columns && model.rows) {
      // A table added in memory: ref is its top-left cell.
      const tl = decodeRange(model.ref);
      if (tl) {
        const height = (model.headerRow === false ? 0 : 1) + model.rows.length + (model.totalsRow ? 1 : 0);
        range = { top: tl.top, left: tl.left, right: tl.left + model.columns.length - 1, bottom: tl.top + height - 1 };
      }
    }
    if (!range || model.headerRow === false) continue;
    out.push({
      name: model.name,
      headerRow: range.top,
      firstCol: range.left,
      lastCol: range.right,
      lastRow: model.totalsRow ? range.bottom - 1 : range.bottom,
    });
  }
  return out;
}

/** What a reading saw of the traces ExcelJS's misreadings leave (`misread-cells.ts`). */
export interface ReadTraces {
  /** A date that may be the year of an ISO date text. */
  isoYear: boolean;
  trueBoolean: boolean;
  falseBoolean: boolean;
  /** A text still holding an `_xHHHH_` escape (ExcelJS decodes them in shared strings only). */
  escapedText: boolean;
  /** A date ExcelJS could not make of a number under a date format (past ±100,000,000 days): the cell reads empty. */
  invalidDate: boolean;
  /**
   * A formula read without a result: saved without one (`<f>` alone), or with the empty string
   * as its result (`<c t="str"><f>…</f><v/></c>` as Excel saves `=IF(…;"")`, `<v></v>` as LibreOffice does),
   * which ExcelJS reads alike.
   */
  formulaWithoutResult: boolean;
}

/** An escaped character of OOXML text (`ST_Xstring`), upper-case hexadecimal as Excel writes it: `_x000D_` is a carriage return. */
export const XSTRING_ESCAPE = /_x([0-9A-F]{4})_/;

/** Whether ExcelJS may have left this text's `_xHHHH_` escapes undecoded. */
export function mayHoldEscapes(text: string): boolean {
  // Most texts hold no `_x`: the regex runs on the rare ones.
  return text.includes('_x') && XSTRING_ESCAPE.test(text);
}

/** What a reading of the file's cells knows of it, and records. */
interface GridReading {
  /** Filled with what the reading saw. */
  readonly traces?: ReadTraces;
  /** Formats whose `%` the file writes as text (see `shownNumber`). */
  readonly literalPercents?: ReadonlySet<string>;
  /** The sheet's merged areas when ExcelJS read it without them (`merge-list.ts`). */
  readonly merges?: readonly MergeRange[];
}

/** One worksheet as the grid the domain reads. */
export function readGrid(ws: ExcelJS.Worksheet, date1904: boolean, reading: GridReading = {}): SheetGrid {
  const { traces, literalPercents } = reading;
  // Pass 1: the values that are there, in sparse rows (merged slave cells are filled afterwards).
  const sparse: { row: number; cols: number[]; values: CellValue[] }[] = [];
  let minRow = Infinity;
  let maxRow = 0;
  let minCol = Infinity;
  let maxCol = 0;
  const uncalculatedCells: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cols: number[] = [];
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merge slaves (type 1) echo their master: handled with the merges below.
      const type = cell.type as number;
      if (type === VALUE_TYPE_MERGE) return;
      // `cell.value` of a formula drops a falsy result (0, FALSE, ''): read `cell.result`.
      const raw = type === VALUE_TYPE_FORMULA ? cell.result : cell.value;
      if (raw === null || raw === undefined) {
        // A formula saved without its result (a file written by a program, never opened in Excel),
        // unless the file shows its result is "" (`misread-cells.ts` then gives it that result).
        if (type === VALUE_TYPE_FORMULA && raw === undefined) {
          uncalculatedCells.push(cellAddress(rowNumber, colNumber));
          if (traces !== undefined) traces.formulaWithoutResult = true;
        }
        return;
      }
      if (traces !== undefined) {
        if (raw === true) traces.trueBoolean = true;
        else if (raw === false) traces.falseBoolean = true;
        else if (raw instanceof Date) {
          if (Number.isNaN(raw.getTime())) traces.invalidDate = true;
          else if (mayBeIsoYear(raw, date1904)) traces.isoYear = true;
        }
      }
      const v = plainValue(raw, typeof raw === 'number' || raw instanceof Date ? cell.numFmt : undefined, date1904, literalPercents);
      // The text of a hyperlink too, which ExcelJS reads from the cell the same way.
      if (traces !== undefined && typeof v === 'string' && mayHoldEscapes(v)) traces.escapedText = true;
      if (v === null || v === '') return;
      cols.push(colNumber);
      values.push(v);
      if (colNumber < minCol) minCol = colNumber;
      if (colNumber > maxCol) maxCol = colNumber;
    });
    if (cols.length === 0) return;
    sparse.push({ row: rowNumber, cols, values });
    if (rowNumber < minRow) minRow = rowNumber;
    if (rowNumber > maxRow) maxRow = rowNumber;
  });

  // Merges whose master holds a value extend the used range down to their last row (a vertical
  // merge), never to the right: a merge's other columns read empty, and a title merged over the
  // whole row (A1:XFD1) would widen every row to 16,384 cells.
  const merges = reading.merges ?? mergesOf(ws);
  const byRow = merges.length > 0 ? new Map(sparse.map((s) => [s.row, s])) : null;
  const valueAt = (r: number, c: number): CellValue => {
    const entry = byRow?.get(r);
    if (!entry) return null;
    const i = entry.cols.indexOf(c);
    return i === -1 ? null : entry.values[i];
  };
  const liveMerges: MergeRange[] = [];
  for (const m of merges) {
    const v = valueAt(m.top, m.left);
    if (v === null) continue;
    liveMerges.push(m);
    if (m.bottom > maxRow) maxRow = m.bottom;
  }

  const notComputed = uncalculatedCells.length > 0 ? { uncalculated: uncalculatedCells.length, uncalculatedCells } : {};
  if (sparse.length === 0) {
    return { name: ws.name, firstRow: 1, firstCol: 1, rows: [], tables: tablesOf(ws), ...hiddenOf(ws), ...(date1904 ? { date1904: true } : {}), ...notComputed };
  }

  const width = maxCol - minCol + 1;
  const height = maxRow - minRow + 1;
  if (isOversized(height, width)) {
    const oversized = { firstRow: minRow, firstCol: minCol, lastRow: maxRow, lastCol: maxCol };
    return { name: ws.name, firstRow: minRow, firstCol: minCol, rows: [], tables: tablesOf(ws), ...hiddenOf(ws), ...(date1904 ? { date1904: true } : {}), oversized, ...notComputed };
  }
  const rows: CellValue[][] = new Array(height);
  for (let i = 0; i < height; i++) rows[i] = new Array<CellValue>(width).fill(null);
  for (const s of sparse) {
    const target = rows[s.row - minRow];
    for (let k = 0; k < s.cols.length; k++) target[s.cols[k] - minCol] = s.values[k];
  }
  spreadMerges(rows, minRow, minCol, liveMerges);
  return { name: ws.name, firstRow: minRow, firstCol: minCol, rows, tables: tablesOf(ws), ...hiddenOf(ws), ...(date1904 ? { date1904: true } : {}), ...notComputed };
}

/** `hidden` for a hidden or very hidden sheet; nothing for a visible one (the grid as before). */
function hiddenOf(ws: ExcelJS.Worksheet): { hidden?: true } {
  return ws.state === 'hidden' || ws.state === 'veryHidden' ? { hidden: true } : {};
}

/**
 * Merged cells as a person reads them, in place (both adapters): a vertically merged
 * value on every row it spans; a header spread over several columns once, in its
 * first column. Parts of a merge outside the grid are left out.
 */
export function spreadMerges(rows: CellValue[][], firstRow: number, firstCol: number, merges: readonly MergeRange[]): void {
  for (const m of merges) {
    const v = rows[m.top - firstRow]?.[m.left - firstCol] ?? null;
    if (v === null) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r - firstRow];
      if (row === undefined) continue;
      for (let c = m.left; c <= m.right; c++) {
        if ((r === m.top && c === m.left) || c - firstCol < 0 || c - firstCol >= row.length) continue;
        row[c - firstCol] = c === m.left ? v : null;
      }
    }
  }
}

/**
 * Grows a grid read from Excel's used range (which stops at the last value) down to the
 * merges whose top-left cell holds a value, as the file's reader does: a Pôle merged
 * down past the last value is read down to the merge's last row.
 */
export function extendToMerges(rows: CellValue[][], firstRow: number, firstCol: number, merges: readonly MergeRange[]): void {
  const height = mergedHeight(rows, firstRow, firstCol, merges);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  while (rows.length < height) rows.push(new Array<CellValue>(width).fill(null));
}

/**
 * The rows a grid spans once grown down to its merges (`extendToMerges`), known before
 * growing it: down only, as `readGrid`, since columns to a merge's right would only read empty.
 */
export function mergedHeight(rows: readonly (readonly CellValue[])[], firstRow: number, firstCol: number, merges: readonly MergeRange[]): number {
  let height = rows.length;
  for (const m of merges) {
    if ((rows[m.top - firstRow]?.[m.left - firstCol] ?? null) === null) continue;
    height = Math.max(height, m.bottom - firstRow + 1);
  }
  return height;
}

/** The areas of an Office.js `RangeAreas` address (`'Feuil 1'!A5:A7,'Feuil 1'!C2:D2`). */
export function mergeRangesOf(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  for (const part of address.split(',')) {
    const local = part.slice(part.lastIndexOf('!') + 1);
    const range = local.trim() === '' ? null : decodeRange(local);
    if (range) out.push(range);
  }
  return out;
}

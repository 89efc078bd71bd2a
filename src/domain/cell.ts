/**
 * A cell as both adapters hand it to the domain: what a person sees in the
 * sheet, already stripped of rich text, hyperlinks and formulas.
 */
export interface CalendarDate {
  /** ISO calendar date `aaaa-mm-jj`; no time, no time zone. */
  readonly date: string;
}

export interface CellError {
  /** Excel error literal such as `#N/A` or `#REF!`. */
  readonly error: string;
}

export type CellValue = string | number | boolean | null | CalendarDate | CellError;

export function isCalendarDate(v: unknown): v is CalendarDate {
  return typeof v === 'object' && v !== null && typeof (v as CalendarDate).date === 'string';
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/** Excel's error values, as Excel shows them. */
const ERROR_TEXTS: ReadonlySet<string> = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NULL!',
  '#NUM!',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#GETTING_DATA',
]);

/**
 * Text that is an Excel error value, such as values pasted from another workbook or
 * a consolidation import (`'#N/A`): a person reading the sheet sees an error, so the
 * domain reads an error (`regles.md` §2). `t` is trimmed.
 */
export function isErrorText(t: string): boolean {
  return t.charCodeAt(0) === 35 && ERROR_TEXTS.has(t.toUpperCase());
}

/** 1 → A, 28 → AB. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** A grid read from one sheet: `rows[i][j]` is sheet cell (firstRow + i, firstCol + j), 1-based. */
export interface SheetGrid {
  readonly name: string;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly rows: readonly (readonly CellValue[])[];
  /** Excel tables of the sheet, in sheet coordinates (1-based, inclusive). */
  readonly tables: readonly TableArea[];
  /** Hidden (or very hidden) in the workbook: read as any other, and named when it counts. */
  readonly hidden?: boolean;
  /** Its workbook counts date serials from 1904 (old Excel for Mac): a bare number in a date column is a day of that calendar. */
  readonly date1904?: boolean;
  /**
   * Set, with `rows` empty, when the sheet's filled cells span more than `MAX_GRID_CELLS`
   * (a value left far from the table): its cells are not read, and the user is told where.
   */
  readonly oversized?: OversizedArea;
  /** Excel would not give the sheet's merged areas (more than 512): a merged value is read in its first cell only. */
  readonly mergesUnread?: boolean;
  /** Formulas saved without their result (a file written by a program, never opened in Excel): read empty. */
  readonly uncalculated?: number;
  /** Where those formulas are (`C5`), so that a control of their row can say why the cell reads empty. */
  readonly uncalculatedCells?: readonly string[];
}

/** The span of a sheet's filled cells, first to last row and column (1-based, inclusive). */
export interface OversizedArea {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/**
 * Cells of a sheet's filled span beyond which both adapters leave the sheet unread: twice
 * a register of 100,000 rows by 100 columns, so a span this large comes from a value left
 * far from the table (one value in XFD1048576 spans 17 billion cells, which no reader holds).
 */
export const MAX_GRID_CELLS = 20_000_000;

/** Whether a span of `rows` × `cols` cells is too large to read as a grid. */
export function isOversized(rows: number, cols: number): boolean {
  return rows * cols > MAX_GRID_CELLS;
}

export interface TableArea {
  readonly name: string;
  readonly headerRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  readonly lastRow: number;
}

/** An empty cell, or one holding only spaces: nothing a person would read. */
export function isBlankCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

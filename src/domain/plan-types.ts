/**
 * The plan of what to write: the `SPASER …` sheets as plain data. Both
 * adapters (ExcelJS and Office.js) write the same plan; tests compare plans.
 */
import type { CalendarDate } from './cell';

/** Values only: a text is always written as text, never as a formula. */
export type PlanValue = string | number | boolean | null | CalendarDate;

export const FORMAT_EURO = '# ##0,00 €';
/** An amount in a row whose `Unité` column says « € »: the € is not repeated beside the number. */
export const FORMAT_AMOUNT = '# ##0,00';
export const FORMAT_DATE = 'jj/mm/aaaa';
/** A share in % (0–100) with one decimal; grouped like the others (a change of points may be large). */
export const FORMAT_PERCENT = '# ##0,0';
export const FORMAT_INTEGER = '0';
/** Counts and whole amounts with thousands separator (indicator values in `nombre`). */
export const FORMAT_NUMBER = '# ##0';
/** One decimal (days, means, hours), digits grouped as the pane shows them (`41 234,5`); same code as FORMAT_PERCENT. */
export const FORMAT_DECIMAL = '# ##0,0';
/** A chart's axis of shares (0–100): `20 %`, the values being points, not fractions (no `%` code, which would multiply by 100). */
export const FORMAT_SHARE_AXIS = '0"\u00a0%"';

/** A rectangular block of values written at (row, col), 1-based. */
export interface BlockPlan {
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly PlanValue[])[];
  /** French number format per column of the block (`FORMAT_*`), null for none. */
  readonly formats?: readonly (string | null)[];
  readonly style?: 'titre' | 'entete' | 'axe' | 'normal' | 'note';
}

export interface TablePlan {
  /** Excel table name (letters, digits, underscores). */
  readonly name: string;
  readonly row: number;
  readonly col: number;
  /** Rows including the header row. */
  readonly rowCount: number;
  readonly colCount: number;
}

/** A link from a cell of the plan to a cell of another sheet of the same workbook. */
export interface LinkPlan {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly sheet: string;
  /** A1 address in `sheet`. */
  readonly address: string;
}

export type ChartKind = 'colonnes' | 'colonnesGroupees' | 'anneau' | 'secteurs';

export interface ChartPlan {
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** Data range in the same sheet, 1-based, first row = series names, first column = categories. */
  readonly data: { readonly row: number; readonly col: number; readonly rowCount: number; readonly colCount: number };
  /** Top-left cell where the chart is placed, and its size in cells. */
  readonly anchor: { readonly row: number; readonly col: number; readonly width: number; readonly height: number };
  /** Its values are shares in % (0–100): the value axis runs from 0 to 100 and reads `FORMAT_SHARE_AXIS`. */
  readonly shares?: boolean;
  /** Alternative text read by a screen reader instead of the drawing (Excel's accessibility checker wants one). */
  readonly altText: ChartAltText;
}

/** A chart's alternative text: a short title, and a description saying what it shows with its values. */
export interface ChartAltText {
  readonly title: string;
  readonly description: string;
}

export interface SheetPlan {
  readonly name: string;
  readonly visibility: 'visible' | 'veryHidden';
  /** Column widths in characters, from column 1. */
  readonly widths: readonly number[];
  readonly blocks: readonly BlockPlan[];
  readonly tables: readonly TablePlan[];
  readonly links: readonly LinkPlan[];
  readonly charts: readonly ChartPlan[];
  /** Rows frozen at the top (header). */
  readonly freezeRows?: number;
  /** Columns (1-based) whose cells of `normal` blocks wrap their text: long messages and labels read whole, not cut by the next cell. */
  readonly wrapColumns?: readonly number[];
  /** Columns (1-based) whose cells of `normal` blocks are centred: a short text beside a right-aligned number does not touch it. */
  readonly centerColumns?: readonly number[];
  /**
   * Rows (1-based) whose wrapped text needs more than one line, with how many: written as row heights,
   * for neither LibreOffice nor every Excel fits a row's height to its wrapped text when opening a file.
   */
  readonly tallRows?: readonly TallRow[];
  /** How the sheet prints: on A4, in landscape or portrait, one page wide or not, a row repeated atop each page. */
  readonly print?: PrintPlan;
}

export interface TallRow {
  readonly row: number;
  readonly lines: number;
}

/** Points of one line of text at the default font (Calibri 11): Excel's default row height. */
export const LINE_HEIGHT = 15;

export interface PrintPlan {
  readonly landscape: boolean;
  /** Scaled to one page wide (as many pages down as needed). */
  readonly fitToWidth: boolean;
  /** 1-based row printed at the top of every page (the header), if any. */
  readonly repeatRow?: number;
  /** 1-based column printed at the left of every page (what names a row on pages further right), if any. */
  readonly repeatColumn?: number;
  /** 1-based rows that start a new page: a section or a chart is not cut in two. */
  readonly breaksBefore?: readonly number[];
  /** Footer of every page, in Excel's header/footer codes (`&A` sheet, `&P` page, `&N` pages). */
  readonly footer?: PrintFooter;
  /** The page's margins, if not the application's usual ones. */
  readonly margins?: PrintMargins;
}

/** A printed page's margins, in inches (the file's unit; Excel's page layout object takes points, 72 an inch). */
export interface PrintMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** From the page's top edge to the header, from its bottom edge to the footer. */
  readonly header: number;
  readonly footer: number;
}

export interface PrintFooter {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

export interface WritePlan {
  /** Sheets in the order they are added after the user's sheets. */
  readonly sheets: readonly SheetPlan[];
}

/** Excel's limit of characters in one cell. */
export const MAX_CELL_TEXT = 32767;

/**
 * A text cut to what Excel keeps in a cell (a file holding more is reported damaged): both
 * writers. Never between the two halves of a character outside the BMP (an emoji): half of
 * one is not text, and would come back as U+FFFD.
 */
export function withinCellLimit(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  const last = s.charCodeAt(MAX_CELL_TEXT - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT);
}

/** Every sheet the add-in owns starts with this prefix (`sortie.md`). */
export const SPASER_PREFIX = 'SPASER ';

/** Sheets the add-in writes: never sources, always replaced. */
export function isSpaserSheet(name: string): boolean {
  return name.startsWith(SPASER_PREFIX);
}

/**
 * A user sheet whose name Excel takes for one of the plan's (it ignores case in
 * sheet names), or null. Checked before writing anything: the write would fail half way.
 */
export function sheetNameClash(existing: readonly string[], plan: WritePlan): { readonly user: string; readonly ours: string } | null {
  for (const user of existing) {
    if (isOwnSheet(user)) continue; // ours: replaced (a user sheet « SPASER … » is kept, so it may clash)
    const ours = plan.sheets.find((p) => p.name.toLocaleLowerCase('fr') === user.toLocaleLowerCase('fr'));
    if (ours) return { user, ours: ours.name };
  }
  return null;
}

export class SheetNameClashError extends Error {
  constructor(clash: { readonly user: string; readonly ours: string }) {
    super(
      `La feuille « ${clash.user} » porte le nom d'une feuille que le complément écrit (« ${clash.ours} ») : ` +
        'Excel ne distingue pas les majuscules des minuscules dans les noms de feuilles. Renommez votre feuille, puis relancez le calcul.',
    );
    this.name = 'SheetNameClashError';
  }
}

export const SHEET_REGISTRE = 'SPASER Registre';
export const SHEET_CONTROLES = 'SPASER Contrôles';
export const SHEET_INDICATEURS = 'SPASER Indicateurs';
export const SHEET_POLES = 'SPASER Pôles';
export const SHEET_ETAT = 'SPASER État';

/** The sheets the add-in writes, by name: only these are replaced by a new run. */
const OWN_SHEETS: readonly string[] = [SHEET_REGISTRE, SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES, SHEET_ETAT];

/**
 * One of the add-in's own sheets. A sheet of the user's that merely starts with
 * `SPASER ` (« SPASER Notes ») is not: it is never a source, and never deleted.
 */
export function isOwnSheet(name: string): boolean {
  return OWN_SHEETS.includes(name);
}

/**
 * Cells that the format allows, that Excel reads, and that ExcelJS 4.4 misreads without a word:
 * - a date stored as ISO 8601 text (`<c t="d"><v>2025-03-14T00:00:00</v></c>`, written by
 *   openpyxl's `iso_dates`, SheetJS's `cellDates`, Ext JS's exporter): ExcelJS reads the
 *   leading number (2025), under the cell's date format the serial of 17/07/1905;
 * - a boolean spelled out (`<c t="b"><v>false</v></c>`, as Ext JS's exporter writes it):
 *   ExcelJS reads every value but `0` as TRUE, so « false » becomes VRAI;
 * - a text with an escaped character (`_x000D_`, the carriage return of a CRLF line break)
 *   stored in the cell itself (`t="inlineStr"`) or as a formula's text result (`t="str"`):
 *   ExcelJS decodes these escapes in the shared strings only, and a header « Objet_x000D_
 *   du marché » no longer names its field;
 * - a number under a date format past ±100,000,000 days (an amount formatted as a date by
 *   mistake): ExcelJS makes an invalid Date of it and the cell reads empty, where Excel keeps
 *   the number (shown `####`);
 * - a formula whose result is the empty string (`=IF(…;"")`), which Excel and LibreOffice save
 *   as `<c t="str"><f>…</f><v/></c>` (Excel) or `<v></v>` (LibreOffice): ExcelJS reads no result, as for a formula saved without
 *   one, and the sheet was said to hold formulas saved without their result.
 *
 * Each leaves a trace in what ExcelJS read: a date from 1902 to 1927 (a year turned into a
 * serial), a sheet whose booleans are all TRUE, a text holding `_xHHHH_`, an invalid Date, or a
 * formula without a result. Only a sheet
 * showing one is read again from the file's own XML (reading every sheet twice would cost
 * seconds on a large register), and those cells are given their value in the loaded workbook,
 * so the grid and any rewrite of the sheet by ExcelJS hold what the file says.
 */
import type ExcelJS from 'exceljs';
import { unprefixed } from './namespaces';
import { attributes, Package, resolveTarget, sheetEntries, STYLES, unescapeXml, workbookPart } from './package';
import { mayHoldEscapes, percentScale, type ReadTraces, XSTRING_ESCAPE } from './read-grid';
import { withRowAndCellNumbers } from './reading-copy';

/**
 * Whether a sheet may hold cells ExcelJS misread: a date that may be a year, TRUE booleans and no
 * FALSE one, an escape left in a text, an invalid Date, or a formula without a result (maybe "").
 */
export function mayHoldMisreadCells(traces: ReadTraces): boolean {
  return traces.isoYear || (traces.trueBoolean && !traces.falseBoolean) || traces.escapedText || traces.invalidDate || traces.formulaWithoutResult;
}

/** The cell types whose stored text ExcelJS may misread (`n`: a number, written with or without `t`). */
type MisreadType = 'd' | 'b' | 'inlineStr' | 'str' | 'n';

/** A cell ExcelJS may have misread: its address, type, stored text (XML entities decoded), and whether it is a formula's result. */
interface TypedCell {
  readonly ref: string;
  readonly type: MisreadType;
  readonly text: string;
  readonly formula: boolean;
}

function isMisreadType(type: string | undefined): type is MisreadType {
  return type === 'd' || type === 'b' || type === 'inlineStr' || type === 'str' || type === 'n';
}

/**
 * ExcelJS's Date of a serial is invalid past 100,000,000 days from 1970 (`excelToDate`): a number
 * from this size on may be one (checked against what ExcelJS read before it is replaced).
 */
const HUGE_SERIAL = 99_900_000;

/** A `t` attribute of a type whose text ExcelJS may misread. */
const TYPED = /\st\s*=\s*["'](?:[db]|inlineStr|str)["']/;

/** Whether a sheet's XML may hold a number that large: 8 digits or more, or an exponent. */
const MAY_HOLD_HUGE_NUMBER = /<(?:[\w.-]+:)?v>\s*[+-]?(?:\d{8}|[\d.]+[eE])/;

/**
 * The text of an inline string (`<is>`) that ExcelJS leaves escaped, or null: one plain `<t>`
 * (the runs of a rich text are decoded by ExcelJS; phonetic guides are not shown).
 */
function inlineText(content: string): string | null {
  const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(content);
  if (is === null || /<r\b/.test(is[1])) return null;
  const t = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/.exec(is[1].replace(/<rPh\b[\s\S]*?<\/rPh>/g, ''));
  return t === null ? null : (t[1] ?? '');
}

/**
 * The cells of a worksheet part (prefixed or not, with or without `r`) that ExcelJS may have
 * misread: every `d` and `b` cell, the `inlineStr` and `str` cells whose text holds an escape,
 * and the formulas whose saved result is the empty string (`t="str"`, `<v></v>` or `<v/>`).
 */
export function typedCells(xml: string): TypedCell[] {
  const hugeNumbers = MAY_HOLD_HUGE_NUMBER.test(xml);
  if (!TYPED.test(xml) && !hugeNumbers) return [];
  const plain = unprefixed(xml) ?? xml;
  const sheet = withRowAndCellNumbers(plain) ?? plain;
  const out: TypedCell[] = [];
  for (const m of sheet.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    // Most cells are numbers and shared strings: left before their attributes are parsed.
    if (!hugeNumbers && !TYPED.test(m[1])) continue;
    const attrs = attributes(m[1]);
    const ref = attrs.get('r');
    const type = attrs.get('t') ?? 'n';
    const content = m[2] ?? '';
    if (!isMisreadType(type) || ref === undefined) continue;
    const formula = /<f\b/.test(content);
    const stored =
      type === 'inlineStr' ? inlineText(content) : (/<v>([\s\S]*?)<\/v>/.exec(content)?.[1] ?? (type === 'str' && /<v\s*\/>/.test(content) ? '' : null));
    if (stored === null) continue;
    const text = unescapeXml(stored);
    const emptyResult = type === 'str' && formula && text === '';
    if ((type === 'inlineStr' || type === 'str') && !emptyResult && !mayHoldEscapes(text)) continue;
    if (type === 'n' && !(Math.abs(Number(text)) >= HUGE_SERIAL)) continue;
    out.push({ ref: unescapeXml(ref), type, text, formula });
  }
  return out;
}

const XSTRING_ESCAPES = new RegExp(XSTRING_ESCAPE.source, 'g');

/** An OOXML text (`ST_Xstring`) decoded as Excel and ExcelJS's shared strings do: `_x000D_` → CR, `_x005F_x000D_` → `_x000D_`. */
export function decodedText(text: string): string {
  return text.replace(XSTRING_ESCAPES, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A boolean as the format spells it (`1`, `0`, `true`, `false`), or null for any other text. */
export function booleanValue(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return null;
}

/** The value a cell holds: a date (or its text when it is none), a boolean, a number, a text; null to keep ExcelJS's reading. */
function valueOf(cell: TypedCell): Date | string | boolean | number | null {
  if (cell.type === 'd') return isoDateValue(cell.text) ?? cell.text;
  if (cell.type === 'b') return booleanValue(cell.text);
  if (cell.type === 'n') return Number(cell.text);
  return decodedText(cell.text);
}

const ISO = /^\s*([+-]?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?/;

/** The instant ExcelJS gives a date of this ISO text (the time read as written, zone ignored, as Excel does), or null. */
export function isoDateValue(text: string): Date | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  // Truncated, as Excel keeps milliseconds: 23:59:59.9999 stays on its day.
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const t = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  t.setUTCFullYear(y);
  // 2025-02-30 would roll over to March.
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? t : null;
}

function isHyperlink(v: ExcelJS.CellValue): v is ExcelJS.CellHyperlinkValue {
  return typeof v === 'object' && v !== null && 'hyperlink' in v;
}

function isInvalidDate(v: unknown): boolean {
  return v instanceof Date && Number.isNaN(v.getTime());
}

/** The file's worksheet parts by sheet name. */
async function worksheetParts(pkg: Package): Promise<Map<string, string>> {
  const wbPart = await workbookPart(pkg);
  const out = new Map<string, string>();
  for (const entry of sheetEntries(await pkg.text(wbPart), await pkg.rels(wbPart))) {
    if (entry.rel === undefined || entry.rel.external) continue;
    const part = pkg.name(resolveTarget(wbPart, entry.rel.target));
    if (part !== undefined) out.set(entry.name, part);
  }
  return out;
}

/**
 * Gives the cells of these sheets that ExcelJS may have misread, read from the file's own bytes,
 * their value in the loaded workbook: a date, or the text itself when it is no date (then shown
 * as written); a boolean as spelled; a text with its escapes decoded; a number ExcelJS made an
 * invalid Date of. Returns the sheets changed.
 */
export async function restoreTypedCells(source: Uint8Array, sheets: readonly ExcelJS.Worksheet[]): Promise<Set<ExcelJS.Worksheet>> {
  const changed = new Set<ExcelJS.Worksheet>();
  let parts: Map<string, string>;
  let pkg: Package;
  try {
    pkg = await Package.load(source);
    parts = await worksheetParts(pkg);
  } catch {
    return changed;
  }
  for (const ws of sheets) {
    const part = parts.get(ws.name);
    if (part === undefined) continue;
    try {
      for (const cell of typedCells(await pkg.text(part))) {
        const value = valueOf(cell);
        if (value === null) continue;
        const target = ws.getCell(cell.ref);
        const current = target.value;
        // A large number ExcelJS read well (no date format) stays as read.
        if (cell.type === 'n' && !isInvalidDate(cell.formula ? (current as { result?: unknown } | null)?.result : current)) continue;
        if (!cell.formula) target.value = typeof value === 'string' && isHyperlink(current) ? { ...current, text: value } : value;
        else if (typeof current === 'object' && current !== null && ('formula' in current || 'sharedFormula' in current)) {
          target.value = { ...current, result: value } as ExcelJS.CellValue;
        } else continue;
        changed.add(ws);
      }
    } catch {
      // A part ExcelJS read but we cannot: the rest of the sheet stays as ExcelJS read it.
    }
  }
  return changed;
}

/**
 * ExcelJS drops the backslashes of the number formats it loads: `0\%`, a number followed by the
 * sign (30 shown 30 %), arrives as `0%`, which shows 0,3 as 30 %. The formats so loaded whose
 * `%` the file writes as text; a number under one is read as it is.
 */
export async function literalPercentFormats(pkg: Package): Promise<Set<string>> {
  const out = new Set<string>();
  try {
    const wbPart = await workbookPart(pkg);
    const rel = (await pkg.rels(wbPart)).find((r) => !r.external && STYLES.test(r.type));
    if (rel === undefined) return out;
    const xml = await pkg.text(resolveTarget(wbPart, rel.target));
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*?)\/?>/g)) {
      const stored = attributes(m[1]).get('formatCode');
      if (stored === undefined) continue;
      const code = unescapeXml(stored);
      const loaded = code.replace(/\\(.)/g, '$1');
      if (percentScale(loaded) !== percentScale(code)) out.add(loaded);
    }
  } catch {
    // No styles read: every % counts, as ExcelJS loaded it.
  }
  return out;
}

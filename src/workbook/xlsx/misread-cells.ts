/**
 * Cells that the format allows, that Excel reads, and that ExcelJS 4.4 misreads without a word:
 * - a date stored as ISO 8601 text (`<c t="d"><v>2025-03-14T00:00:00</v></c>`, written by
 *   openpyxl's `iso_dates`, SheetJS's `cellDates`, Ext JS's exporter): ExcelJS reads the
 *   leading number (2025), under the cell's date format the serial of 17/07/1905;
 * - a boolean spelled out (`<c t="b"><v>false</v></c>`, as Ext JS's exporter writes it):
 *   ExcelJS reads every value but `0` as TRUE, so « false » becomes VRAI.
 *
 * Each leaves a trace in what ExcelJS read: a date from 1902 to 1927 (a year turned into a
 * serial), or a sheet whose booleans are all TRUE. Only a sheet showing one is read again
 * from the file's own XML (reading every sheet twice would cost seconds on a large register),
 * and those cells are given their value in the loaded workbook, so the grid and any rewrite
 * of the sheet by ExcelJS hold what the file says.
 */
import type ExcelJS from 'exceljs';
import { unprefixed } from './namespaces';
import { attributes, Package, resolveTarget, sheetEntries, STYLES, unescapeXml, workbookPart } from './package';
import { percentScale, type ReadTraces } from './read-grid';
import { withRowAndCellNumbers } from './reading-copy';

/** Whether a sheet may hold cells ExcelJS misread: a date that may be a year, or TRUE booleans and no FALSE one. */
export function mayHoldMisreadCells(traces: ReadTraces): boolean {
  return traces.isoYear || (traces.trueBoolean && !traces.falseBoolean);
}

/** A cell of type `d` or `b`: its address, its stored text, and whether it is a formula's result. */
export interface TypedCell {
  readonly ref: string;
  readonly type: 'd' | 'b';
  readonly text: string;
  readonly formula: boolean;
}

/** The cells of type `d` and `b` of a worksheet part (prefixed or not, with or without `r`). */
export function typedCells(xml: string): TypedCell[] {
  if (!/\st\s*=\s*["'][db]["']/.test(xml)) return [];
  const plain = unprefixed(xml) ?? xml;
  const sheet = withRowAndCellNumbers(plain) ?? plain;
  const out: TypedCell[] = [];
  for (const m of sheet.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = attributes(m[1]);
    const ref = attrs.get('r');
    const type = attrs.get('t');
    const v = /<v>([\s\S]*?)<\/v>/.exec(m[2] ?? '');
    if ((type !== 'd' && type !== 'b') || ref === undefined || v === null) continue;
    out.push({ ref: unescapeXml(ref), type, text: unescapeXml(v[1]), formula: /<f\b/.test(m[2]) });
  }
  return out;
}

/** A boolean as the format spells it (`1`, `0`, `true`, `false`), or null for any other text. */
export function booleanValue(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return null;
}

/** The value a typed cell holds: a date (or its text when it is none), a boolean; null to keep ExcelJS's reading. */
function valueOf(cell: TypedCell): Date | string | boolean | null {
  if (cell.type === 'd') return isoDateValue(cell.text) ?? cell.text;
  return booleanValue(cell.text);
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
 * Gives the date and boolean cells of these sheets, read from the file's own bytes, their
 * value in the loaded workbook: a date, or the text itself when it is no date (then shown as
 * written); a boolean as spelled. Returns the sheets changed.
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
        const formula = target.value;
        if (!cell.formula) target.value = value;
        else if (typeof formula === 'object' && formula !== null && ('formula' in formula || 'sharedFormula' in formula)) {
          target.value = { ...formula, result: value } as ExcelJS.CellValue;
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

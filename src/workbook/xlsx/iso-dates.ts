/**
 * Date cells stored as ISO 8601 text (`<c t="d"><v>2025-03-14T00:00:00</v></c>`), which the
 * format allows and a few export libraries write (openpyxl's `iso_dates`, SheetJS's
 * `cellDates`); Excel reads them as dates. ExcelJS 4.4 reads the leading number of the text
 * (2025), which under the cell's date format becomes the serial of 17/07/1905.
 *
 * Such a misread date is a year turned into a serial: a date from 1902 to 1927. Only a sheet
 * holding one is read again from the file's own XML (reading every sheet twice would cost
 * seconds on a large register), and its ISO cells are given their value in the loaded
 * workbook, so the grid and any rewrite of the sheet by ExcelJS hold the right dates.
 */
import type ExcelJS from 'exceljs';
import { unprefixed } from './namespaces';
import { attributes, Package, resolveTarget, sheetEntries, unescapeXml, workbookPart } from './package';
import { withRowAndCellNumbers } from './reading-copy';

/** An ISO cell of a sheet: its address, its text, and whether it is a formula's result. */
export interface IsoDateCell {
  readonly ref: string;
  readonly text: string;
  readonly formula: boolean;
}

/** The cells of type `d` of a worksheet part (prefixed or not, with or without `r`). */
export function isoDateCells(xml: string): IsoDateCell[] {
  if (!/\st\s*=\s*["']d["']/.test(xml)) return [];
  const plain = unprefixed(xml) ?? xml;
  const sheet = withRowAndCellNumbers(plain) ?? plain;
  const out: IsoDateCell[] = [];
  for (const m of sheet.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = attributes(m[1]);
    const ref = attrs.get('r');
    const v = /<v>([\s\S]*?)<\/v>/.exec(m[2] ?? '');
    if (attrs.get('t') !== 'd' || ref === undefined || v === null) continue;
    out.push({ ref: unescapeXml(ref), text: unescapeXml(v[1]), formula: /<f\b/.test(m[2]) });
  }
  return out;
}

const ISO = /^\s*([+-]?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?/;

/** The instant ExcelJS gives a date of this ISO text (the time read as written, zone ignored, as Excel does), or null. */
export function isoDateValue(text: string): Date | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
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
 * Gives the ISO date cells of these sheets, read from the file's own bytes, their value in
 * the loaded workbook: a date, or the text itself when it is no date (then shown as written).
 * Returns the sheets changed.
 */
export async function restoreIsoDates(source: Uint8Array, sheets: readonly ExcelJS.Worksheet[]): Promise<Set<ExcelJS.Worksheet>> {
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
      for (const cell of isoDateCells(await pkg.text(part))) {
        const value: Date | string = isoDateValue(cell.text) ?? cell.text;
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

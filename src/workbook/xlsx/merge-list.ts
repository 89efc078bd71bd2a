/**
 * ExcelJS checks each merged area it loads against every one before it: 20,000 merges (a
 * business export merging a few cells per row) took it 46 s, 40,000 would take minutes. A
 * sheet with many merges is read by ExcelJS without its `<mergeCells>`, and the merges,
 * taken from the part here, go to `readGrid` beside it (the file itself keeps them).
 */
import { ascii, indexOfBytes, lastIndexOfBytes } from './bytes';
import { decodeRange, type MergeRange } from './read-grid';

/** Merged areas from which ExcelJS reads a sheet without them (its check is quadratic). */
export const MERGES_READ_APART = 1000;

const SHEET_DATA_END = ascii('</sheetData>');
const MERGE_CELLS_OPEN = ascii('<mergeCells');
const MERGE_CELLS_CLOSE = ascii('</mergeCells>');

/**
 * The worksheet without its `<mergeCells>` element, and the merged areas it listed; null when it
 * lists fewer than `MERGES_READ_APART` (or none, or under a prefix: read by ExcelJS as before).
 */
export function withoutMergeCells(src: Uint8Array): { readonly xml: Uint8Array; readonly merges: MergeRange[] } | null {
  // The element follows `</sheetData>`: searched from there, and only it is decoded.
  const sheetDataEnd = lastIndexOfBytes(src, SHEET_DATA_END);
  if (sheetDataEnd === -1) return null;
  const from = indexOfBytes(src, MERGE_CELLS_OPEN, sheetDataEnd);
  const close = from === -1 ? -1 : indexOfBytes(src, MERGE_CELLS_CLOSE, from);
  if (close === -1) return null;
  const to = close + MERGE_CELLS_CLOSE.length;
  const merges: MergeRange[] = [];
  for (const m of new TextDecoder().decode(src.subarray(from, to)).matchAll(/<mergeCell\b[^>]*?\sref\s*=\s*["']([^"']+)["']/g)) {
    const range = decodeRange(m[1]);
    if (range) merges.push(range);
  }
  if (merges.length < MERGES_READ_APART) return null;
  const xml = new Uint8Array(src.length - (to - from));
  xml.set(src.subarray(0, from), 0);
  xml.set(src.subarray(to), from);
  return { xml, merges };
}

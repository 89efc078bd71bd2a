/**
 * ExcelJS checks each merged area it loads against every one before it: 20,000 merges (a
 * business export merging a few cells per row) took it 46 s, 40,000 would take minutes. A
 * sheet with many merges is read by ExcelJS without its `<mergeCells>`, and the merges,
 * taken from the part here, go to `readGrid` beside it (the file itself keeps them).
 */
import { decodeRange, type MergeRange } from './read-grid';

/** Merged areas from which ExcelJS reads a sheet without them (its check is quadratic). */
export const MERGES_READ_APART = 1000;

const MERGE_CELLS_OPEN = '<mergeCells';
const MERGE_CELLS_CLOSE = '</mergeCells>';

/**
 * The worksheet without its `<mergeCells>` element, and the merged areas it listed; null when it
 * lists fewer than `MERGES_READ_APART` (or none, or under a prefix: read by ExcelJS as before).
 */
export function withoutMergeCells(src: Uint8Array): { readonly xml: Uint8Array; readonly merges: MergeRange[] } | null {
  // The element follows `</sheetData>`: searched in the part's tail, decoded from there only.
  const sheetDataEnd = lastIndexOfAscii(src, '</sheetData>');
  if (sheetDataEnd === -1) return null;
  const tail = new TextDecoder().decode(src.subarray(sheetDataEnd));
  const open = tail.indexOf(MERGE_CELLS_OPEN);
  const close = tail.indexOf(MERGE_CELLS_CLOSE, open);
  if (open === -1 || close === -1) return null;
  const merges: MergeRange[] = [];
  for (const m of tail.slice(open, close).matchAll(/<mergeCell\b[^>]*?\sref\s*=\s*["']([^"']+)["']/g)) {
    const range = decodeRange(m[1]);
    if (range) merges.push(range);
  }
  if (merges.length < MERGES_READ_APART) return null;
  const encoder = new TextEncoder();
  const from = sheetDataEnd + encoder.encode(tail.slice(0, open)).length;
  const to = sheetDataEnd + encoder.encode(tail.slice(0, close + MERGE_CELLS_CLOSE.length)).length;
  const xml = new Uint8Array(src.length - (to - from));
  xml.set(src.subarray(0, from), 0);
  xml.set(src.subarray(to), from);
  return { xml, merges };
}

/** The last `needle` (ASCII) in `hay`. */
function lastIndexOfAscii(hay: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = hay.lastIndexOf(first); i !== -1; i = i === 0 ? -1 : hay.lastIndexOf(first, i - 1)) {
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

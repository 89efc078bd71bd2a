/**
 * A fingerprint of a sheet's content as the chain reads it: the add-in records
 * it for each sheet it imports, and replaces an earlier import only while the
 * sheet still has it (an edited import is never deleted).
 */
import { isCalendarDate, isCellError, type CellValue, type SheetGrid } from './cell';

/** One cell as text for the hash; the type is part of it (`1` the number ≠ `"1"` the text). */
function cellText(v: CellValue): string | null {
  if (v === null || v === '') return null;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${String(v)}`;
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  if (isCalendarDate(v)) return `d${v.date}`;
  if (isCellError(v)) return `e${v.error}`;
  return null;
}

/**
 * 64-bit hash (two 32-bit multiplicative lanes, finalised as in MurmurHash3) of
 * the filled cells with their sheet address: independent of how large the reader's
 * used range is, changed by any value changed, added or removed, and by a row or
 * a column inserted or deleted before filled cells (they move). Formats are not content.
 */
export function sheetFingerprint(grid: Pick<SheetGrid, 'firstRow' | 'firstCol' | 'rows'>): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  };
  grid.rows.forEach((row, i) => {
    row.forEach((cell, j) => {
      const text = cellText(cell);
      if (text === null) return;
      // The separators cannot be confused with a cell's text: its length is hashed first.
      feed(`${grid.firstRow + i},${grid.firstCol + j},${text.length}:`);
      feed(text);
    });
  });
  const fmix = (h: number) => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const a = fmix(h1 ^ Math.imul(h2, 0x27d4eb2d));
  const b = fmix(h2 ^ Math.imul(h1, 0x165667b1));
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * A worksheet formatted far beyond its data (a border put on A2:T1048576 after Ctrl+Maj+↓)
 * stores one `<c r="…" s="…"/>` per formatted cell: twenty million of them, on which ExcelJS
 * builds an object each and runs out of memory. Such cells hold nothing to read, so the
 * copy ExcelJS reads goes without them (the file itself is kept as it is: `splice.ts` writes
 * the user's sheets from their own bytes). Works on bytes: such a part may pass the largest
 * string JavaScript can hold.
 */

import { ascii, bytesAt, indexOfBytes, lastIndexOfBytes } from './bytes';

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;

/** Worksheet parts smaller than this are read as they are: their empty cells cost ExcelJS little. */
export const EMPTY_CELLS_MIN_PART_BYTES = 8 * 1024 * 1024;

const SHEET_DATA = ascii('<sheetData');
const SHEET_DATA_END = ascii('</sheetData>');
const CELL_END = ascii('</c>');
const ROW_END = ascii('</row>');

/** The `>` closing the tag opened at `start`, quotes skipped (an attribute value may hold `>`). */
function tagEnd(src: Uint8Array, start: number, limit: number): number {
  let quote = 0;
  for (let i = start + 1; i < limit; i++) {
    const b = src[i];
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === QUOTE || b === APOS) quote = b;
    else if (b === GT) return i;
  }
  return -1;
}

/** Whether the name at `at` (after `<`) is `name` followed by a space, `/` or `>`. */
function isTag(src: Uint8Array, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (src[at + k] !== name.charCodeAt(k)) return false;
  const next = src[at + name.length];
  return next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === SLASH || next === GT;
}

/** Whether the start tag `src[from..to)` has an `r` attribute. */
function hasR(src: Uint8Array, from: number, to: number): boolean {
  let quote = 0;
  for (let i = from; i < to; i++) {
    const b = src[i];
    if (quote !== 0) {
      if (b === quote) quote = 0;
      continue;
    }
    if (b === QUOTE || b === APOS) quote = b;
    else if (b === 0x72 && (src[i - 1] === 0x20 || src[i - 1] === 0x09 || src[i - 1] === 0x0a || src[i - 1] === 0x0d)) {
      let j = i + 1;
      while (src[j] === 0x20 || src[j] === 0x09 || src[j] === 0x0a || src[j] === 0x0d) j++;
      if (src[j] === 0x3d) return true;
    }
  }
  return false;
}

/**
 * The worksheet without its empty cells (`<c r="B7" s="3"/>`, `<c r="B7"></c>`) and without the
 * rows left with no cell; null when it has none to drop, or when a row or a cell has no `r`
 * (its place then depends on the ones before it, which must all stay).
 */
export function withoutEmptyCells(src: Uint8Array): Uint8Array | null {
  const open = indexOfBytes(src, SHEET_DATA);
  if (open === -1) return null;
  const close = lastIndexOfBytes(src, SHEET_DATA_END);
  if (close < open) return null;
  if (!mayHoldEmptyCells(src, open, close)) return null;
  const out = new Uint8Array(src.length);
  let o = 0;
  /** Bytes from `keep` on are kept, copied once something after them is dropped. */
  let keep = 0;
  const drop = (from: number, to: number): void => {
    if (from > keep) {
      out.set(src.subarray(keep, from), o);
      o += from - keep;
    }
    keep = to;
  };
  let dropped = 0;
  /** Where the current row's start tag goes in `out`, and whether a cell of it was kept. */
  let rowAt = -1;
  let rowKept = false;
  for (let lt = src.indexOf(LT, open + 1); lt !== -1 && lt < close; lt = src.indexOf(LT, lt + 1)) {
    const next = src[lt + 1];
    if (next === 0x63 /* c */ && isTag(src, lt + 1, 'c')) {
      const end = tagEnd(src, lt, close);
      if (end === -1 || !hasR(src, lt + 2, end)) return null;
      const emptyEnd = src[end - 1] === SLASH ? end + 1 : bytesAt(src, CELL_END, end + 1) ? end + 1 + CELL_END.length : -1;
      if (emptyEnd === -1) rowKept = true;
      else {
        drop(lt, emptyEnd);
        dropped++;
        lt = emptyEnd - 1;
      }
    } else if (next === 0x72 /* r */ && isTag(src, lt + 1, 'row')) {
      const end = tagEnd(src, lt, close);
      if (end === -1 || !hasR(src, lt + 4, end)) return null;
      if (src[end - 1] === SLASH) {
        drop(lt, end + 1);
        dropped++;
        lt = end;
        continue;
      }
      rowAt = o + Math.max(0, lt - keep);
      rowKept = false;
      lt = end;
    } else if (next === SLASH && rowAt !== -1 && bytesAt(src, ROW_END, lt)) {
      if (!rowKept) {
        // A row whose cells were all empty: gone with its start tag (already copied or not).
        drop(lt, lt + ROW_END.length);
        o = rowAt;
        dropped++;
      }
      rowAt = -1;
      lt += ROW_END.length - 1;
    }
  }
  if (dropped === 0) return null;
  drop(src.length, src.length);
  return out.slice(0, o);
}

/**
 * Searched for before any parsing: an empty cell or row ends with one of these (`<c r="B7" s="3"/>`, `<row r="9"></row>`,
 * `<c r="B7" s="3"></c>`); a large register of values has almost none (a shared formula's `<f …/>`).
 */
const EMPTY_CELL_HINTS = ['"/>', '"></c>', '"></row>'];

/** Whether the sheet's data may hold an empty cell or row: a native search, cheap on a large register that has none. */
function mayHoldEmptyCells(src: Uint8Array, from: number, to: number): boolean {
  const CHUNK = 1 << 24;
  // Each chunk decoded alone (a character cut at its ends is replaced, the hints are ASCII),
  // overlapping the next by a hint's length so that a hint cut in two is found whole.
  const decoder = new TextDecoder();
  for (let start = from; start < to; start += CHUNK) {
    const text = decoder.decode(src.subarray(start, Math.min(to, start + CHUNK + 8)));
    if (EMPTY_CELL_HINTS.some((h) => text.includes(h))) return true;
  }
  return false;
}

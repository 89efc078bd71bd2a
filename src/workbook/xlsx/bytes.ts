/** Searching a package's bytes for ASCII markers: parts too large for a string, archives that are not text. */

/** The bytes of an ASCII text. */
export const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Whether `needle` stands at `at` in `hay`. */
export function bytesAt(hay: Uint8Array, needle: Uint8Array, at: number): boolean {
  if (at < 0 || at + needle.length > hay.length) return false;
  for (let k = 0; k < needle.length; k++) if (hay[at + k] !== needle[k]) return false;
  return true;
}

/** The first `needle` in `hay` from `from`, ending by `to`; -1 when none (hops on its first byte, found natively). */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
  for (let i = hay.indexOf(needle[0], from); i !== -1 && i + needle.length <= to; i = hay.indexOf(needle[0], i + 1)) {
    if (bytesAt(hay, needle, i)) return i;
  }
  return -1;
}

/** The last `needle` in `hay`: a marker near the end (`</sheetData>`) is found without crossing every cell. */
export function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  for (let i = hay.lastIndexOf(needle[0]); i !== -1; i = i === 0 ? -1 : hay.lastIndexOf(needle[0], i - 1)) {
    if (bytesAt(hay, needle, i)) return i;
  }
  return -1;
}

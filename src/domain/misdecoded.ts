/**
 * Text mis-decoded by Excel: a UTF-8 CSV opened as Windows-1252 (the default origin of the
 * text import) shows `é` as `Ã©`, `É` as `Ã‰`, `€` as `â‚¬`, a no-break space as `Â `. The slip
 * is reversible, and a person reads `MarchÃ© rÃ©servÃ©` as « Marché réservé »: the domain
 * reads such headers and cells as the text they were meant to be.
 */

/** Windows-1252 bytes 0x80–0x9F by character (the other bytes are Latin-1, one char per byte). */
const CP1252_BYTE: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91],
  [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98],
  [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/** A lead byte of a UTF-8 sequence (as its Latin-1 char), then a char standing for a continuation byte. */
const MISDECODED_PAIR =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/** The byte a char stands for in Windows-1252, or -1 when it has none (then the text is no mis-decoding). */
function cp1252Byte(code: number): number {
  if (code < 0x100) return code; // ASCII, Latin-1, and the C1 controls Excel keeps for the five unused bytes
  return CP1252_BYTE.get(code) ?? -1;
}

/**
 * A char a Western text holds (Latin-1, Latin Extended-A, Windows-1252's punctuation and `€`): what a
 * mis-decoded French text repairs to. `É` then a no-break space (`RÉSERVÉ : oui`) are valid UTF-8 too,
 * for `ɠ`: such a repair is none.
 */
function isWesternChar(code: number): boolean {
  return (
    (code >= 0xa0 && code <= 0x17f) ||
    CP1252_BYTE.has(code) ||
    // Punctuation (narrow no-break space), maths (≥ ≤ −) and check marks (✓ ✔): symbols the spec reads.
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x2200 && code <= 0x22ff) ||
    (code >= 0x2700 && code <= 0x27bf)
  );
}

/** Strict UTF-8 decoding (no overlong form) to Western chars only; null when the bytes are not that. */
function decodeUtf8(bytes: readonly number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let need: number;
    let code: number;
    let min: number;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, code, min] = [1, b & 0x1f, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, code, min] = [2, b & 0x0f, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, code, min] = [3, b & 0x07, 0x10000];
    else return null;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || !isWesternChar(code)) return null;
    out += String.fromCodePoint(code);
    i += need + 1;
  }
  return out;
}

/**
 * `s` as it was meant to be written when it is UTF-8 shown as Windows-1252 (`MarchÃ© rÃ©servÃ©` →
 * `Marché réservé`), else `s` itself. Strict: every char must be a Windows-1252 byte and the bytes
 * valid UTF-8, so French text written right (`Théâtre`, `café…`) is never changed.
 */
export function repairMisdecoded(s: string): string {
  if (!MISDECODED_PAIR.test(s)) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const b = cp1252Byte(s.charCodeAt(i));
    if (b < 0) return s;
    bytes.push(b);
  }
  return decodeUtf8(bytes) ?? s;
}

/** Whether `s` reads otherwise once repaired. */
export function isMisdecoded(s: string): boolean {
  return repairMisdecoded(s) !== s;
}

/**
 * ASCII digits read in place (dates, SIRET, CPV, postal codes): a loop over the
 * char codes, no regex nor slice, for checks made on every row.
 */

/** Whether `s[from..to)` holds only ASCII digits (true when empty). */
export function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return false; // NaN past the end is no digit
  }
  return true;
}

/** Exactly `n` ASCII digits: what `/^\d{n}$/` accepts. */
export function isDigits(s: string, n: number): boolean {
  return s.length === n && allDigits(s, 0, n);
}

/** The number written by `length` ASCII digits from `at`, or −1 (exact up to 15 digits). */
export function digitsAt(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

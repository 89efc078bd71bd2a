/** French text of numbers and dates, independent of the platform's locale data (pure). */

/** Narrow no-break space: French groups digits with it (as `Intl` does for `fr-FR`). */
export const DIGIT_GROUP = '\u202f';
/** No-break space: inside « », before `:` `;` `!` `?` and between a number and its unit (French typography). */
export const NBSP = '\u00a0';

function grouped(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, DIGIT_GROUP);
}

/** `abs.toFixed(decimals)` without the exponent `toFixed` writes from 1e21, where a double is whole (digits from BigInt). */
export function plainFixed(abs: number, decimals: number): string {
  if (abs < 1e21 || !Number.isFinite(abs)) return abs.toFixed(decimals);
  return `${BigInt(abs)}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
}

/** `1234.5` → `1 234,5` (digits grouped by `DIGIT_GROUP`, at most 2 decimals). */
export function frenchNumber(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '' : `${n < 0 ? '-' : ''}∞`;
  // From 1e21 a double is whole and `n * 100` may overflow: no rounding there.
  const rounded = Math.abs(n) >= 1e21 ? n : Math.round(n * 100) / 100;
  const negative = rounded < 0;
  const [intPart, decPart = ''] = plainFixed(Math.abs(rounded), 2).split('.');
  const decimals = decPart.replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped(intPart)}${decimals ? `,${decimals}` : ''}`;
}

/** `n` with exactly `decimals` decimals, as a number format of `SPASER Indicateurs` shows it: `12 345,60`; never `-0,0`. */
export function fixedNumber(n: number, decimals: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '' : `${n < 0 ? '-' : ''}∞`;
  const [intPart, decPart] = plainFixed(Math.abs(n), decimals).split('.');
  const negative = n < 0 && /[1-9]/.test(intPart + (decPart ?? ''));
  return `${negative ? '-' : ''}${grouped(intPart)}${decPart ? `,${decPart}` : ''}`;
}

export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** French text of numbers and dates, independent of the platform's locale data (pure). */

/** Narrow no-break space: French groups digits with it (as `Intl` does for `fr-FR`). */
const DIGIT_GROUP = '\u202f';
/** No-break space: inside « », before `:` `;` `!` `?` and between a number and its unit (French typography). */
export const NBSP = '\u00a0';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * French order, « Pôle 2 » before « Pôle 10 », with a plain comparison to break ties so that the
 * order never depends on input order: the sheets and the pane list Pôles alike.
 */
export function frenchCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function grouped(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, DIGIT_GROUP);
}

/**
 * `abs` with `decimals` decimals, rounded half up on its decimal value as Excel shows it (15
 * significant digits), not on its binary one: 20.45 (stored 20.4499…) gives `20.5` like a cell
 * formatted `0,0`, where `toFixed` gives `20.4`. No exponent from 1e21, where a double is whole.
 */
export function plainFixed(abs: number, decimals: number): string {
  if (!Number.isFinite(abs)) return abs.toFixed(decimals);
  if (abs >= 1e21) return `${BigInt(abs)}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
  const decimal = String(Number(abs.toPrecision(15)));
  // Tiny numbers are written with an exponent; they round to zero at these few decimals.
  if (decimal.includes('e')) return abs.toFixed(decimals);
  const scaled = Math.round(Number(`${decimal}e${decimals}`));
  // Past 2^53 (amounts over ~10^13 € with cents) a double has no cents left: take the decimal digits themselves.
  const digits = (Number.isSafeInteger(scaled) ? String(scaled) : digitsPast2p53(decimal, decimals)).padStart(decimals + 1, '0');
  return decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
}

/**
 * The digits of `decimal` (plain notation) with `decimals` decimals, without the point. Reached only past
 * 2^53 (16 digits with the decimals), where the 15 significant digits leave fewer decimals than that:
 * nothing to round, only zeros to add.
 */
function digitsPast2p53(decimal: string, decimals: number): string {
  const [whole, fraction = ''] = decimal.split('.');
  return String(BigInt(whole + fraction.padEnd(decimals, '0')));
}

/** `1234.5` → `1 234,5` (digits grouped by `DIGIT_GROUP`, at most 2 decimals). */
export function frenchNumber(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '' : `${n < 0 ? '-' : ''}∞`;
  const [intPart, decPart = ''] = plainFixed(Math.abs(n), 2).split('.');
  const decimals = decPart.replace(/0+$/, '');
  const negative = n < 0 && /[1-9]/.test(intPart + decimals);
  return `${negative ? '-' : ''}${grouped(intPart)}${decimals ? `,${decimals}` : ''}`;
}

/** `n` with exactly `decimals` decimals, as a number format of `SPASER Indicateurs` shows it: `12 345,60`; never `-0,0`. */
export function fixedNumber(n: number, decimals: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '' : `${n < 0 ? '-' : ''}∞`;
  const [intPart, decPart] = plainFixed(Math.abs(n), decimals).split('.');
  const negative = n < 0 && /[1-9]/.test(intPart + (decPart ?? ''));
  return `${negative ? '-' : ''}${grouped(intPart)}${decPart ? `,${decPart}` : ''}`;
}

/** « a », « a et b », « a, b et c »: items joined as a French sentence lists them. */
export function frenchList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** A sentence or a field label set mid-sentence: its first letter in lower case. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);
}

export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * `text` cut into lines of at most `width` characters at its ordinary spaces, for a sheet cell that
 * would otherwise run far off screen. No-break spaces bind (« 1 ligne », « x »); a word longer than
 * `width` is a line of its own, never cut.
 */
export function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

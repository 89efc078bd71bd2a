/**
 * The plan gives number formats the way a French user reads them
 * (`# ##0,00 €`, `jj/mm/aaaa`); a file stores Excel's internal, locale-free
 * codes (`#,##0.00 "€"`, `dd/mm/yyyy`) that Excel then shows localised.
 */

const DIGIT = /[0#?]/;
const SPACES = new Set([' ', '\u00a0', '\u202f']);

/** French format code → Excel internal format code. */
export function excelNumberFormat(french: string): string {
  let out = '';
  for (let i = 0; i < french.length; i++) {
    const ch = french[i];
    if (ch === '"') {
      // Quoted literal: copied as is.
      const end = french.indexOf('"', i + 1);
      const stop = end === -1 ? french.length : end + 1;
      out += french.slice(i, stop);
      i = stop - 1;
    } else if (ch === '\\') {
      out += french.slice(i, i + 2);
      i += 1;
    } else if (SPACES.has(ch)) {
      const before = french[i - 1] ?? '';
      const after = french[i + 1] ?? '';
      // A space between digit placeholders is the French thousands separator.
      out += DIGIT.test(before) && DIGIT.test(after) ? ',' : ' ';
    } else if (ch === ',') {
      out += '.';
    } else if (ch === 'j' || ch === 'J') {
      out += 'd';
    } else if (ch === 'a' || ch === 'A') {
      out += 'y';
    } else if (/[0#?%.\/:\-+()dmyhsDMYHSE@_*;[\]]/.test(ch)) {
      out += ch;
    } else {
      // Any other character (€, letters of a unit) is literal text.
      out += `"${ch}"`;
    }
  }
  return out.replace(/""/g, '');
}

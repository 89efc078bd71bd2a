/**
 * Reading one cell for one field (`regles.md` §2). Called for every mapped
 * cell of large registers: regexes are compiled once, plain numbers and empty
 * cells take the shortest path, and results share constant objects when they can.
 */
import { isCalendarDate, isCellError, isErrorText, type CellValue } from './cell';
import type { FieldDef } from './fields';
import { digitsAt } from './digits';
import { repairMisdecoded } from './misdecoded';
import { stripAccents } from './normalize';

/** `format-date`: a number column's cell under a date format, which makes it a date (README « Lecture des cellules »). */
export type ReadReason = 'erreur-formule' | 'illisible' | 'non-entier' | 'negatif' | 'format-date';

export type ReadOutcome<T> =
  | { readonly kind: 'empty' }
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'invalid'; readonly reason: ReadReason; readonly shown: string };

const EMPTY: { readonly kind: 'empty' } = Object.freeze({ kind: 'empty' });
const TRUE: ReadOutcome<boolean> = Object.freeze({ kind: 'value', value: true });
const FALSE: ReadOutcome<boolean> = Object.freeze({ kind: 'value', value: false });

function value<T>(v: T): ReadOutcome<T> {
  return { kind: 'value', value: v };
}

function invalid(reason: ReadReason, shown: string): { kind: 'invalid'; reason: ReadReason; shown: string } {
  // Every text that cannot be read passes here: an error value written as text is a formula error.
  return { kind: 'invalid', reason: reason === 'illisible' && isErrorText(shown) ? 'erreur-formule' : reason, shown };
}

function formulaError(cell: { readonly error: string }): { kind: 'invalid'; reason: ReadReason; shown: string } {
  return invalid('erreur-formule', cell.error);
}

/** An unreadable cell, as in `ReadOutcome`. */
type InvalidRead = Extract<ReadOutcome<never>, { kind: 'invalid' }>;

/**
 * A cell as the register reader takes it: the value itself, `undefined` when
 * empty, or the invalid outcome (the only object). Readable cells, nearly all
 * of them, then allocate no outcome object.
 */
type CellRead<T> = T | undefined | InvalidRead;

function outcomeOf<T extends string | number | boolean>(r: CellRead<T>): ReadOutcome<T> {
  if (r === undefined) return EMPTY;
  if (typeof r === 'object') return r;
  if (r === true) return TRUE as ReadOutcome<T>;
  if (r === false) return FALSE as ReadOutcome<T>;
  return value(r as T);
}

function readOf<T>(o: ReadOutcome<T>): CellRead<T> {
  return o.kind === 'value' ? o.value : o.kind === 'empty' ? undefined : o;
}

// ---------------------------------------------------------------- text of a cell

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `aaaa-mm-jj` → `jj/mm/aaaa` (as a French user sees a date). */
export function isoToFrench(iso: string): string {
  return iso.length >= 10 ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/** A number as a French user sees it typed: integer digits (never an exponent), comma decimal. */
export function numberToText(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  if (!Number.isFinite(n)) return String(n);
  let s = String(n);
  if (s.includes('e')) s = n.toFixed(20).replace(/0+$/, '');
  return s.replace('.', ',');
}

/** The cell as text for messages (`Valeur lue`). */
export function cellToText(cell: CellValue): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return numberToText(cell);
  if (typeof cell === 'boolean') return cell ? 'VRAI' : 'FAUX';
  if (isCellError(cell)) return cell.error;
  if (isCalendarDate(cell)) return isoToFrench(cell.date);
  return '';
}

// ---------------------------------------------------------------- numbers

function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x202f ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x205f ||
    c === 0x1680
  );
}

function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2212;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** What a unit word after a number measures. */
export type UnitKind = 'euros' | 'jours' | 'heures' | 'mois' | 'ans' | 'semaines';
/** Trailing words accepted after a number, longest first (`€`, `EUR`, `HT`, and units of duration). */
const UNIT_WORDS: readonly (readonly [string, UnitKind])[] = [
  ['euros', 'euros'], ['heures', 'heures'], ['jours', 'jours'], ['heure', 'heures'], ['euro', 'euros'], ['h.t.', 'euros'],
  ['jour', 'jours'], ['mois', 'mois'], ['eur', 'euros'], ['h.t', 'euros'], ['jrs', 'jours'], ['ht', 'euros'], ['j.', 'jours'],
  ['€', 'euros'], ['j', 'jours'], ['h', 'heures'],
  // Read only to be refused (or converted, for a duration): `6 semaines` is no count of months.
  ['semaines', 'semaines'], ['semaine', 'semaines'], ['années', 'ans'], ['annees', 'ans'], ['année', 'ans'], ['annee', 'ans'],
  ['ans', 'ans'], ['an', 'ans'],
];
/** Units told only after a figure: `un an` in words has nothing to convert. */
const FIGURE_ONLY_UNITS: readonly UnitKind[] = ['ans', 'semaines'];
const NUMBER_SUFFIXES = UNIT_WORDS.map(([w]) => w);

/** The units a number text is written with (`12 500 € HT`: euros; `30 j`: jours), from its end and a leading `€`. */
export function unitsOf(text: string): Set<UnitKind> {
  const units = new Set<UnitKind>();
  // Read as the number is: inside its CSV quotes (`"90 jours"`), without a share after it (`30 jours (12 %)`).
  let t = unquoted(text).trim().toLowerCase().replace(SHARE_AFTER, '');
  for (let guard = 0; guard < 4 && t !== '' && !isDigitCode(t.charCodeAt(t.length - 1)); guard++) {
    const word = UNIT_WORDS.find(([w]) => t.length > w.length && t.endsWith(w));
    if (word === undefined) break;
    units.add(word[1]);
    t = t.slice(0, -word[0].length).trimEnd();
  }
  if (/^[-+\u2212]?\s*€/.test(t)) units.add('euros');
  if (t === '' || !isDigitCode(t.charCodeAt(t.length - 1))) for (const u of FIGURE_ONLY_UNITS) units.delete(u);
  return units;
}

/**
 * The units of time a field's cells may be written with (euros always go: regles.md §2 gives `1 234,56 €`
 * for every number); undefined when any goes (a target, a manual value). A unit of another measure is no
 * reading: `90 jours` in `Durée (mois)` is not 90 months, `30 jours` in an amount not 30 €.
 */
export function unitsAllowed(field: Pick<FieldDef, 'type'> & Partial<Pick<FieldDef, 'id'>>): readonly UnitKind[] | undefined {
  if (field.type === 'montant') return [];
  return field.id === undefined ? undefined : FIELD_UNITS[field.id];
}

/** A unit the field does not take (`mois` in a delay in days), or null. */
export function foreignUnit(field: Pick<FieldDef, 'type'> & Partial<Pick<FieldDef, 'id'>>, text: string): UnitKind | null {
  const allowed = unitsAllowed(field);
  if (allowed === undefined || !MAY_HOLD_TIME_UNIT.test(text)) return null;
  for (const u of unitsOf(text)) if (u !== 'euros' && !allowed.includes(u)) return u;
  return null;
}

/** Every unit but the euros' has a `j`, an `h`, `mois`, `an` or `sem` (`ht` too, then read in full): most amounts skip the reading. */
const MAY_HOLD_TIME_UNIT = /[jh]|mois|an|sem/i;

const FIELD_UNITS: Readonly<Record<string, readonly UnitKind[]>> = {
  delaiPaiement: ['jours'],
  dureeMois: ['mois'],
  heuresInsertionPrevues: ['heures'],
  heuresInsertionRealisees: ['heures'],
  heures: ['heures'],
  nbAvenants: [],
  nbAvenantsProlongation: [],
  nbBilans: [],
  offresRecues: [],
  effectifTitulaire: [],
  // Actions SPASER: people, not the length of the training (`2 h`).
  participants: [],
};
const THOUSANDS_DOT = /^[1-9][0-9]{0,2}\.[0-9]{3}$/;
const NOT_PARSED = -1;

/**
 * French (and tolerated English) number text → number; `undefined` for blank
 * text, `null` when unreadable.
 *
 * Separators: when both `,` and `.` occur, the last one is the decimal mark and
 * the other groups thousands. A single `,` is decimal (`1,5`, `1,234` = 1.234).
 * Several `,` or several `.` group thousands. A single `.` is a thousands
 * separator only in the exact shape `d.ddd`, `dd.ddd` or `ddd.ddd` with no
 * other separator (`1.234` = 1234, `12.500` = 12500, as a French user types
 * it); otherwise it is decimal (`1.5`, `1234.56`, `0.125`). Spaces (normal,
 * U+00A0, U+202F…) group thousands: groups after the first hold exactly 3 digits.
 */
export function parseNumberText(s: string): number | null | undefined {
  let start = 0;
  let end = s.length;
  while (start < end && isSpaceCode(s.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(s.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  // A lone dash is how accounting formats show "nothing".
  if (end - start === 1 && isDash(s.charCodeAt(start))) return undefined;

  // Unit words at the end: `12 500 € HT`, `30 jours`.
  if (!isDigitCode(s.charCodeAt(end - 1))) {
    const low = s.toLowerCase();
    for (let guard = 0; guard < 4 && end > start && !isDigitCode(s.charCodeAt(end - 1)); guard++) {
      let matched = false;
      for (const suffix of NUMBER_SUFFIXES) {
        if (end - start > suffix.length && low.endsWith(suffix, end)) {
          end -= suffix.length;
          matched = true;
          break;
        }
      }
      if (!matched) return null;
      while (end > start && isSpaceCode(s.charCodeAt(end - 1))) end--;
    }
  }

  // Sign and a leading `€`, in any order.
  let negative = false;
  let signSeen = false;
  for (;;) {
    const c = s.charCodeAt(start);
    if (!signSeen && (c === 45 || c === 0x2212 || c === 43)) {
      negative = c !== 43;
      signSeen = true;
      start++;
    } else if (c === 0x20ac || isSpaceCode(c)) {
      start++;
    } else break;
    if (start >= end) return null;
  }

  const parsed = parseDigitsBody(s, start, end);
  if (parsed === NOT_PARSED) return null;
  return negative && parsed !== 0 ? -parsed : parsed;
}

function parseDigitsBody(s: string, start: number, end: number): number {
  if (!isDigitCode(s.charCodeAt(start)) || !isDigitCode(s.charCodeAt(end - 1))) return NOT_PARSED;
  let commas = 0;
  let dots = 0;
  let lastComma = -1;
  let lastDot = -1;
  let spaces = false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) continue;
    if (c === 44) {
      commas++;
      lastComma = i;
    } else if (c === 46) {
      dots++;
      lastDot = i;
    } else if (isSpaceCode(c)) spaces = true;
    else return NOT_PARSED;
  }
  if (commas === 0 && dots === 0 && !spaces) return Number(start === 0 && end === s.length ? s : s.slice(start, end));

  let decPos = -1;
  let thousands = 0; // char code of the thousands separator besides spaces, 0 for none
  if (commas > 0 && dots > 0) {
    if (lastComma > lastDot) {
      if (commas > 1) return NOT_PARSED;
      decPos = lastComma;
      thousands = 46;
    } else {
      if (dots > 1) return NOT_PARSED;
      decPos = lastDot;
      thousands = 44;
    }
  } else if (commas === 1) decPos = lastComma;
  else if (commas > 1) thousands = 44;
  else if (dots === 1) {
    if (!spaces && THOUSANDS_DOT.test(s.slice(start, end))) thousands = 46;
    else decPos = lastDot;
  } else if (dots > 1) thousands = 46;

  // Integer part: digit groups split by spaces or the thousands mark; when
  // grouped, the first group holds 1–3 digits and every other exactly 3.
  const intEnd = decPos < 0 ? end : decPos;
  let groups = 1;
  let groupLen = 0;
  let inSeparator = false;
  for (let i = start; i < intEnd; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) {
      if (inSeparator) {
        if (groups === 1 ? groupLen > 3 : groupLen !== 3) return NOT_PARSED;
        groups++;
        groupLen = 0;
        inSeparator = false;
      }
      groupLen++;
    } else if (c === thousands || isSpaceCode(c)) inSeparator = true;
    else return NOT_PARSED;
  }
  if (inSeparator || (groups > 1 && groupLen !== 3)) return NOT_PARSED;
  const digits = groups === 1 ? s.slice(start, intEnd) : stripSeparators(s, start, intEnd);

  if (decPos < 0) return Number(digits);
  if (decPos + 1 >= end) return NOT_PARSED;
  for (let i = decPos + 1; i < end; i++) if (!isDigitCode(s.charCodeAt(i))) return NOT_PARSED;
  return Number(`${digits}.${s.slice(decPos + 1, end)}`);
}

function stripSeparators(s: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) out += s[i];
  }
  return out;
}

export function readNumber(cell: CellValue): ReadOutcome<number> {
  return outcomeOf(numberIn(cell));
}

/**
 * `"1 250,00"`, `="00123456700018"`: a CSV field whose quotes Excel kept as text (a space after the
 * separator, or the whole file imported as text). A person reads the value inside; the quotes are
 * dropped only when they wrap the whole text and hold no other quote.
 */
export function unquoted(s: string): string {
  // Most texts open with neither `"` nor `=`: answer without a copy.
  let i = 0;
  while (i < s.length && (isSpaceCode(s.charCodeAt(i)) || s.charCodeAt(i) === 0x2028 || s.charCodeAt(i) === 0x2029)) i++;
  const opening = s.charCodeAt(i);
  if (opening !== 34 && opening !== 61) return s;
  const t = s.trim();
  const first = t.charCodeAt(0);
  const start = first === 34 ? 1 : first === 61 && t.charCodeAt(1) === 34 ? 2 : 0; // `"`, `="`
  if (start === 0 || t.length <= start || t.charCodeAt(t.length - 1) !== 34) return s;
  const inner = t.slice(start, -1);
  return inner.includes('"') ? s : inner;
}

function numberIn(cell: CellValue): CellRead<number> {
  if (typeof cell === 'number') {
    if (Number.isFinite(cell)) return cell === 0 ? 0 : cell;
    return invalid('illisible', String(cell));
  }
  if (cell === null) return undefined;
  if (typeof cell === 'string') {
    // `1Â 250,00 â‚¬`: a CSV's no-break space and euro sign mis-decoded by Excel.
    const n = parseNumberText(unquoted(repairMisdecoded(cell)));
    if (n === undefined) return undefined;
    if (n === null || !Number.isFinite(n)) return invalid('illisible', cell.trim());
    return n;
  }
  if (isCellError(cell)) return formulaError(cell);
  if (isCalendarDate(cell)) return invalid('format-date', isoToFrench(cell.date));
  return invalid('illisible', cellToText(cell));
}

// ---------------------------------------------------------------- dates

const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:[ T]+|\s+à\s+)\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const YEAR_FIRST = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// `3 mars 2024`, `1er juin 2025`, and Excel's French `jj-mmm-aa` typed as text (`15-mars-25`, `1-janv.-25`).
const MONTH_NAME = /^(\d{1,2})(?:er)?(?:\s*[-/.]\s*|\s+)([a-z]+)(?:\.?\s*[-/]\s*|\.?\s+|\.)(\d{4}|\d{2})(?:\s+(?:a\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?)?$/;
/** The header's own words before the date (`notifié le 15/03/2025`, `le 15 mars 2025`): only a label, never a second date. */
const DATE_LABEL = /^(?:(?:date\s+(?:de\s+)?(?:notification|notif|commande)|notifiee?s?|commandee?s?|attribuee?s?|signee?s?)\.?\s*(?:le\s+|du\s+)?|le\s+|du\s+)\s*:?\s*(?=\d)/;
/** A date serial typed or pasted as text: five digits, never a year. */
const SERIAL_TEXT = /^\d{5}$/;

/** A serial typed as text, when it is a day of 2000–2049: other digits (`59100`, a Nord postal code) are no date. */
function serialTextToIso(text: string, date1904: boolean): string | null {
  const iso = serialToIso(Number(text), date1904);
  return iso !== null && iso >= '2000' && iso < '2050' ? iso : null;
}
const FRENCH_MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2,
  mars: 3, mar: 3,
  avril: 4, avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7, juil: 7,
  aout: 8,
  septembre: 9, sept: 9, sep: 9,
  octobre: 10, oct: 10,
  novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1];
}

/** ISO date when (y, m, d) is a real calendar date in years 1000–9999, else null. */
function isoDate(y: number, m: number, d: number): string | null {
  if (!isRealDate(y, m, d)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  return !(y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m));
}

/** Days since 1970-01-01 → ISO date (proleptic Gregorian, no Date object, no time zone). */
function isoFromEpochDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Largest Excel serial: 31/12/9999. */
export const MAX_EXCEL_SERIAL = 2958465;

/**
 * Excel 1900-system serial → ISO date; the time part is ignored. Serial 60 is
 * Excel's fictitious 29/02/1900 and is no date (null); 61 is 1900-03-01.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === 60) return null;
  // 25569 is 1970-01-01; below 60 Excel counts from 31/12/1899 as day 0 (no fake leap day yet).
  return isoFromEpochDays(whole < 60 ? whole - 25568 : whole - 25569);
}

/** Text date, day first always (`jj/mm/aaaa`, `jj/mm/aa`, `jj-mm-aaaa`, `jj.mm.aaaa`, `aaaa-mm-jj`, `3 mars 2024`). */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  let m = DAY_FIRST.exec(t);
  if (m !== null) {
    const y = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    return isoDate(y, Number(m[3]), Number(m[1]));
  }
  m = YEAR_FIRST.exec(t);
  if (m !== null) return isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  // `14 fÃ©vrier 2025`: a CSV's month mis-decoded by Excel, read as the text it was.
  const low = stripAccents(repairMisdecoded(t).toLowerCase());
  m = MONTH_NAME.exec(low);
  if (m !== null) {
    const month = FRENCH_MONTHS[m[2]];
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return month === undefined ? null : isoDate(y, month, Number(m[1]));
  }
  const label = DATE_LABEL.exec(low);
  return label === null ? null : parseDateText(low.slice(label[0].length));
}

/** A month and its year with no day (`mars 2025`, `03/2025`). */
const MONTH_ONLY = /^(?:([a-z]+)\.?|(\d{1,2})\s*[/.-])\s*(\d{4})$/;
/** A day-first date in figures or words, whatever its day (`31/02/2025`, `31 juin 2025`). */
const ANY_DAY = /^(\d{1,2})(?:er)?(?:\s*([/.-])\s*(\d{1,2})\s*\2\s*|(?:\s*[-/.]\s*|\s+)([a-z]+)(?:\.?\s*[-/]\s*|\.?\s+|\.))(\d{4})$/;

/**
 * What keeps a text from being a date when it nearly is one: a day its month lacks (`31/02/2025`:
 * February 2025 has 28 days), or no day at all (`mars 2025`). Null for anything else.
 */
export function missingDay(text: string): { kind: 'sans-jour' } | { kind: 'jour-inexistant'; month: number; year: number; days: number } | null {
  const t = stripAccents(text.trim().toLowerCase());
  const only = MONTH_ONLY.exec(t);
  if (only !== null) {
    const month = only[1] !== undefined ? FRENCH_MONTHS[only[1]] : Number(only[2]);
    return month !== undefined && month >= 1 && month <= 12 ? { kind: 'sans-jour' } : null;
  }
  const m = ANY_DAY.exec(t);
  if (m === null) return null;
  const month = m[3] !== undefined ? Number(m[3]) : FRENCH_MONTHS[m[4]];
  const year = Number(m[5]);
  if (month === undefined || month < 1 || month > 12) return null;
  const days = daysInMonth(year, month);
  return Number(m[1]) > days ? { kind: 'jour-inexistant', month, year, days } : null;
}

/**
 * A date serial → ISO date in the workbook's date system; null where Excel shows no date (the phantom
 * 29/02/1900, serials out of range). A 1904 serial is the 1900 one less 1 462 days (both systems agree
 * from 1 March 1900 on, where every 1904 serial ≥ 0 lands).
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!date1904) return excelSerialToIso(serial);
  return Number.isFinite(serial) && serial >= 0 ? excelSerialToIso(serial + SHIFT_1904) : null;
}

/** Days between the 1900 and the 1904 systems' day 0. */
export const SHIFT_1904 = 1462;

export function readDate(cell: CellValue, date1904 = false): ReadOutcome<string> {
  return outcomeOf(dateIn(cell, date1904));
}

/** `date1904`: the sheet's workbook counts its serials from 1904 (old Excel for Mac), as Excel shows them once formatted as dates. */
function dateIn(cell: CellValue, date1904 = false): CellRead<string> {
  if (cell === null) return undefined;
  if (typeof cell === 'number') {
    const iso = serialToIso(cell, date1904);
    return iso === null ? invalid('illisible', numberToText(cell)) : iso;
  }
  if (typeof cell === 'string') {
    const t = cell.trim();
    if (t === '' || (t.length === 1 && isDash(t.charCodeAt(0)))) return undefined;
    const text = unquoted(t);
    const iso = SERIAL_TEXT.test(text) ? serialTextToIso(text, date1904) : parseDateText(text);
    return iso === null ? invalid('illisible', t) : iso;
  }
  if (isCalendarDate(cell)) {
    const d = cell.date;
    // The usual `aaaa-mm-jj`: checked digit by digit and kept as is (isoDate would rebuild the same text).
    if (d.length === 10 && d.charCodeAt(4) === 45 && d.charCodeAt(7) === 45) {
      const y = digitsAt(d, 0, 4);
      const m = digitsAt(d, 5, 2);
      const day = digitsAt(d, 8, 2);
      if (y >= 0 && m >= 0 && day >= 0) return isRealDate(y, m, day) ? d : invalid('illisible', d);
    }
    const iso = isoDate(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
    return iso === null ? invalid('illisible', d) : iso;
  }
  if (isCellError(cell)) return formulaError(cell);
  return invalid('illisible', cellToText(cell));
}

// ---------------------------------------------------------------- yes / no

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...['oui', 'o', 'yes', 'y', 'x', '1', 'vrai', 'true', '✓', '✔', '☑', '✅'].map((w) => [w, true] as const),
  ...['non', 'n', 'no', '0', 'faux', 'false', '-', '–', '—'].map((w) => [w, false] as const),
]);
const INNER_SPACES = /\s+/g;
const LETTER_AFTER_NON = /^non[a-z]/;

/**
 * Yes/no text. Besides the words of `regles.md` §2, a text starting with the
 * word `non` (`Non concerné`, `non (sans objet)`) is read as non, just as a
 * text starting with `oui` is read as oui.
 */
export function readBoolean(cell: CellValue): ReadOutcome<boolean> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'boolean') return cell ? TRUE : FALSE;
  if (typeof cell === 'number') {
    if (cell === 1) return TRUE;
    if (cell === 0) return FALSE;
    return invalid('illisible', numberToText(cell));
  }
  if (typeof cell === 'string') {
    // A column holds few distinct spellings: remember them (bounded).
    let out = booleanTexts.get(cell);
    if (out === undefined) {
      out = readBooleanText(cell);
      if (booleanTexts.size >= TEXT_CACHE_LIMIT) booleanTexts.clear();
      booleanTexts.set(cell, out);
    }
    return out;
  }
  if (isCellError(cell)) return formulaError(cell);
  return invalid('illisible', cellToText(cell));
}

const TEXT_CACHE_LIMIT = 4096;
const booleanTexts = new Map<string, ReadOutcome<boolean>>();

function readBooleanText(cell: string): ReadOutcome<boolean> {
  const t = unquoted(repairMisdecoded(cell)).trim();
  if (t === '') return EMPTY;
  const key = stripAccents(t.toLowerCase()).replace(INNER_SPACES, '');
  const known = BOOLEAN_WORDS.get(key);
  if (known !== undefined) return known ? TRUE : FALSE;
  if (key.startsWith('oui')) return TRUE;
  if (key.startsWith('non') && !LETTER_AFTER_NON.test(stripAccents(t.toLowerCase()))) return FALSE;
  return invalid('illisible', t);
}

// ---------------------------------------------------------------- closed lists

const ENUM_KEY_DROP = /[^a-z0-9]+/g;
const BRACKETED = /^(.*?)\s*[([]([^)\]]*)[)\]]\s*$/;

/** Key of an enum text: lower case, no accents, no punctuation nor spaces (`L. 2113-12` = `L2113-12`). */
function enumKey(s: string): string {
  return stripAccents(s.toLowerCase()).replace(ENUM_KEY_DROP, '');
}

const enumLookups = new WeakMap<FieldDef, ReadonlyMap<string, string>>();

function enumLookup(field: FieldDef): ReadonlyMap<string, string> {
  let lookup = enumLookups.get(field);
  if (lookup === undefined) {
    const map = new Map<string, string>();
    // Canonical values first, so that a value never loses to another option's synonym.
    for (const o of field.options ?? []) if (!map.has(enumKey(o.value))) map.set(enumKey(o.value), o.value);
    for (const o of field.options ?? [])
      for (const syn of o.synonyms) if (!map.has(enumKey(syn))) map.set(enumKey(syn), o.value);
    lookup = map;
    enumLookups.set(field, lookup);
  }
  return lookup;
}

/**
 * Canonical option of a closed list. A text with a bracket (`MAPA (procédure
 * adaptée)`) is also tried without it, then by the bracket's content.
 */
export function readEnum(field: FieldDef, cell: CellValue): ReadOutcome<string> {
  if (cell === null) return EMPTY;
  let text: string;
  if (typeof cell === 'string') {
    text = unquoted(repairMisdecoded(cell)).trim();
    if (text === '') return EMPTY;
  } else if (typeof cell === 'number') text = numberToText(cell);
  else if (typeof cell === 'boolean') text = cell ? 'oui' : 'non';
  else if (isCellError(cell)) return formulaError(cell);
  else return invalid('illisible', cellToText(cell));

  let texts = enumTexts.get(field);
  if (texts === undefined) enumTexts.set(field, (texts = new Map()));
  let out = texts.get(text);
  if (out === undefined) {
    out = readEnumText(field, text, cell);
    if (texts.size >= TEXT_CACHE_LIMIT) texts.clear();
    texts.set(text, out);
  }
  return out;
}

const enumTexts = new WeakMap<FieldDef, Map<string, ReadOutcome<string>>>();

/** A dash alone: the one punctuation-only text that is an option (`-` for Non in « Marché réservé »). */
const DASH_ONLY = /^\s*[-\u2013\u2014]\s*$/;

/** The option a text names. Punctuation alone keys to '' like `-`: only a dash is that, never `✓` or `?`. */
function optionOf(lookup: ReadonlyMap<string, string>, text: string): string | undefined {
  const key = enumKey(text);
  return key === '' && !DASH_ONLY.test(text) ? undefined : lookup.get(key);
}

function readEnumText(field: FieldDef, text: string, cell: string | number | boolean): ReadOutcome<string> {
  const lookup = enumLookup(field);
  const found = optionOf(lookup, text);
  if (found !== undefined) return value(found);
  const m = BRACKETED.exec(text);
  if (m !== null) {
    const outside = optionOf(lookup, m[1]) ?? optionOf(lookup, m[2]);
    if (outside !== undefined) return value(outside);
  }
  // `MAPA < 40 k€`, `MAPA 40-90 k€`: a finance software's procedure with its threshold, a note on the same option.
  // The procedure's only: elsewhere an amount is no note (`-8 500 €` is no « - », i.e. Non, in Marché réservé).
  const t = field.id !== 'procedure' ? null : THRESHOLD_NOTE.exec(text) ?? RANGE_NOTE.exec(text);
  if (t !== null) {
    const before = optionOf(lookup, t[1]);
    if (before !== undefined) return value(before);
  }
  const words = ` ${phraseWords(text)} `;
  for (const o of field.options ?? []) {
    if (o.phrases?.some((p) => words.includes(` ${phraseWords(p)} `))) return value(o.value);
  }
  if (field.namedInText) {
    const named = namedOption(lookup, text);
    if (named !== undefined) return value(named);
  }
  return invalid('illisible', typeof cell === 'boolean' ? cellToText(cell) : text);
}

/** Longest run of words tried as one option (`contrat à durée déterminée d'insertion` has 6). */
const MAX_OPTION_WORDS = 8;

/**
 * The one option that a run of the text's words names (`Oui – ESAT` → ESAT/EA, `Art. L2113-12` →
 * ESAT/EA); none when two options are named (`ESAT ou SIAE`): the text is then no single value. A run
 * inside a longer one is not read apart (`CDD d'insertion > 6 mois` is CDDI, not also CDD). Keys of
 * one character (`n`, `0`) are too common in free words to count.
 */
function namedOption(lookup: ReadonlyMap<string, string>, text: string): string | undefined {
  const words = stripAccents(text.toLowerCase()).split(ENUM_KEY_DROP).filter((w) => w !== '');
  const runs: { from: number; to: number; option: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= Math.min(words.length, i + MAX_OPTION_WORDS); j++) {
      const key = words.slice(i, j).join('');
      const option = key.length >= 2 ? lookup.get(key) : undefined;
      if (option !== undefined) runs.push({ from: i, to: j, option });
    }
  }
  const inside = (a: (typeof runs)[number], b: (typeof runs)[number]) => a !== b && b.from <= a.from && a.to <= b.to;
  const found = new Set(runs.filter((a) => !runs.some((b) => inside(a, b))).map((r) => r.option));
  if (found.size !== 1) return undefined;
  const [option] = found;
  // `Oui/Non`, a template's placeholder: a « oui » beside the « Non » it names says both.
  if (option === lookup.get('non') && words.some((w) => YES_WORDS.has(w))) return undefined;
  return option;
}

const YES_WORDS: ReadonlySet<string> = new Set(['oui', 'yes', 'vrai', 'true']);

const THRESHOLD_CURRENCY = String.raw`(?:k€|m€|€|keur|meur|eur|euros?)(?:\s*ht)?`;
const THRESHOLD_AMOUNT = String.raw`\d[\d\s.,]*(?:${THRESHOLD_CURRENCY}|k)?`;
const THRESHOLD_WORDS = String.raw`(?:[<>≤≥⩽⩾]=?|(?:inf\.?|sup\.?|(?:inf|sup)[ée]rieure?s?\s+(?:ou\s+[ée]gale?s?\s+)?(?:à|a)|moins\s+de|plus\s+de|de|entre|jusqu['’]?\s*(?:à|a)|seuil(?:\s+de)?)(?=[\s\d]))`;
/** A text, then a threshold (`< 40 k€`, `inférieur à 40 000 €`, `de 40 à 90 k€`, `> 40 k€ et < 90 k€`); group 1 is the text. */
const THRESHOLD_NOTE = new RegExp(
  String.raw`^(.*?\S)\s*[-–:,]?\s*${THRESHOLD_WORDS}\s*${THRESHOLD_AMOUNT}(?:\s*(?:à|a|et|-|–)\s*(?:${THRESHOLD_WORDS}\s*)?${THRESHOLD_AMOUNT})?\s*$`,
  'iu',
);
/** A text, then an amount or a range in euros without a comparison word (`40-90 k€`, `- 40 k€`): never a bare number (`MAPA 2025`). */
const RANGE_NOTE = new RegExp(String.raw`^(.*?\S)\s*[-–:,]?\s*(?:\d[\d\s.,]*\s*(?:à|a|-|–)\s*)?\d[\d\s.,]*${THRESHOLD_CURRENCY}\s*$`, 'iu');

/** A text's words for phrase search: lower case, no accents, punctuation as spaces. */
function phraseWords(s: string): string {
  return stripAccents(s.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();
}

// ---------------------------------------------------------------- text


/**
 * Trimmed text. Numbers read as typed (digits, comma decimal, never an
 * exponent); with `field.padDigits`, a whole number is left-padded with zeros
 * (`siret` 14, `codePostalTitulaire` 5). Text is kept as typed: a text cell
 * kept its leading zeros, so a short one is a real mistake to report.
 */
export function readText(field: FieldDef, cell: CellValue): ReadOutcome<string> {
  return outcomeOf(textIn(field, cell));
}

function textIn(field: FieldDef, cell: CellValue): CellRead<string> {
  if (cell === null) return undefined;
  if (typeof cell === 'string') {
    // Text mis-decoded by Excel (`PÃ´le Ã‰ducation`) is read as it was written.
    const trimmed = repairMisdecoded(cell).trim();
    // A SIRET or postal code kept in quotes by a CSV import keeps its digits, not the quotes.
    const t = field.padDigits === undefined ? trimmed : unquoted(trimmed);
    if (t === '') return undefined;
    return isErrorText(t) ? formulaError({ error: t }) : t;
  }
  if (typeof cell === 'number') {
    const t = numberToText(cell);
    const pad = field.padDigits;
    if (pad !== undefined && Number.isInteger(cell) && cell >= 0 && t.length < pad) return t.padStart(pad, '0');
    return t;
  }
  if (typeof cell === 'boolean') return cell ? 'oui' : 'non';
  if (isCellError(cell)) return formulaError(cell);
  if (isCalendarDate(cell)) return isoToFrench(cell.date);
  return invalid('illisible', '');
}

// ---------------------------------------------------------------- dispatch

/** Tolerance for whole numbers computed by formulas (2.9999999999996). */
const WHOLE_TOLERANCE = 1e-9;

/**
 * Reads a cell for its field. Numeric fields are ≥ 0: a negative number gives
 * reason `negatif` (validation reports it as `montant-invalide` on `montant`,
 * `valeur-illisible` elsewhere); an `entier` with a fractional part gives
 * `non-entier`. Negativity is judged before wholeness.
 */
export function readField(field: FieldDef, cell: CellValue, date1904 = false): ReadOutcome<string | number | boolean> {
  return outcomeOf(readFieldValue(field, cell, date1904));
}

/** `readField` without the outcome object. */
export function readFieldValue(field: FieldDef, cell: CellValue, date1904 = false): CellRead<string | number | boolean> {
  switch (field.type) {
    case 'texte':
      return textIn(field, cell);
    case 'enum':
      return readOf(readEnum(field, cell));
    case 'booleen':
      return readOf(readBoolean(cell));
    case 'date':
      return dateIn(cell, date1904);
    case 'entier':
    case 'nombre':
    case 'montant':
      return numberFieldIn(field, cell);
    default:
      return invalid('illisible', cellToText(cell));
  }
}

/**
 * An agreement's amount typed with its label (`Maxi : 500 000 € HT`, `300 000 € (estimation)`): the
 * notified amount of an accord-cadre is its maximum or its estimate (champs.md « montant maximum HT »,
 * « montant estimé HT »), so the label says what the number is. Never `mini`: the minimum is no amount.
 */
// `HT` may follow the label (`Montant maximum HT : …`, champs.md's words), the label the number (`500 000 € HT maxi`).
const AMOUNT_LABEL_BEFORE = /^\s*(?:montant\s+)?(?:maximum|maxi|max|estimation|estimatif|estime)\.?(?:\s*ht\b)?\s*:?\s*/;
const AMOUNT_LABEL_AFTER = /\s*(?:\(\s*(?:montant\s+)?(?:estimation|estimatif|estime|maximum|maxi|max)\s*\)|\s(?:maximum|maxi|max)\.?)\s*$/;

// A headcount's own unit (`12 salariés`, `12 ETP`): only for the headcount, where it says what the number counts.
const HEADCOUNT_UNIT = /\s+(?:salari[eé]s?|employ[eé]s?|personnes?|etp)\s*$/i;

/** `Offres reçues : 3`, `3 offres`, `4 plis`: a count of bids with its label or noun (offresRecues only). */
const BIDS_LABEL_BEFORE = /^\s*(?:(?:nombre|nb)\.?\s*(?:d\s*['’]?\s*|de\s+)?offres?(?:\s+recues?)?|offres?\s+recues?|soumissionnaires|candidatures)\s*:?\s*/;
const BIDS_NOUN_AFTER = /\s*(?:offres?(?:\s+recues?)?|plis|pli|candidatures?|soumissionnaires?)\s*$/;
/** `8 500 € (12 %)`, `8 500 € soit 12 %`: an amount with its share, which the amount says already. */
const SHARE_AFTER = /\s*(?:\(\s*[-+]?\d[\d\s.,]*%\s*\)|,?\s+soit\s+[-+]?\d[\d\s.,]*%)\s*$/;

/**
 * The number left once `pattern`s are taken off the text (accents and case ignored), or null. A CSV
 * mis-decoded by Excel (`Maxi : 500Â 000 â‚¬`) is read as the text it was, as `numberIn` does.
 */
function numberWithout(text: string, ...patterns: RegExp[]): number | null {
  const t = stripAccents(repairMisdecoded(text).toLowerCase());
  const rest = patterns.reduce((r, p) => r.replace(p, ''), t);
  if (rest.length === t.length) return null;
  const n = parseNumberText(rest);
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

// A duration term: a figure and its unit, months when none (`36`, `36 mois`, `3 ans`, `2,5 années`).
const DURATION_TERM = String.raw`(\d+(?:[.,]\d+)?)\s*(mois|ans?|annees?)?`;
const DURATION_ONE = new RegExp(`^${DURATION_TERM}$`);
/** `48 (4 ans)`, `48 mois (soit 4 ans)`: the figure with its equivalent, which must agree. */
const DURATION_SAID_TWICE = new RegExp(String.raw`^${DURATION_TERM}\s*\(\s*(?:soit\s+)?${DURATION_TERM}\s*\)$`);
/** `12 mois reconductible 3 fois`: the initial period renewed k times, the contract's full length. */
const DURATION_RENEWED = new RegExp(String.raw`^${DURATION_TERM}\s*,?\s*\(?\s*(?:tacitement\s+)?(?:reconductible|renouvelable)s?\s+(\d+)\s*fois\s*\)?$`);
/** `18 mois + 6`: a period and its extension; a bare second figure has the first one's unit. */
const DURATION_SUM = new RegExp(String.raw`^${DURATION_TERM}\s*\+\s*${DURATION_TERM}$`);

function monthsOf(figure: string, unit: string | undefined): number {
  const n = Number(figure.replace(',', '.'));
  return unit !== undefined && unit.startsWith('an') ? n * 12 : n;
}

/**
 * A contract's length as buyers write it, in months (dureeMois only), or null for any other text. Years are
 * whole months (`3 ans` = 36); weeks or days are not, and stay unreadable (foreignUnit).
 */
function durationMonths(text: string): number | null {
  const t = stripAccents(text.toLowerCase()).trim().replace(/\s+/g, ' ');
  let m = DURATION_ONE.exec(t);
  if (m !== null) return m[2] !== undefined && m[2] !== 'mois' ? monthsOf(m[1], m[2]) : null;
  m = DURATION_SAID_TWICE.exec(t);
  if (m !== null) {
    // The bracket must name its unit, or it is no equivalent (`48 (3)`).
    if (m[4] === undefined) return null;
    const first = monthsOf(m[1], m[2]);
    return first === monthsOf(m[3], m[4]) ? first : null;
  }
  m = DURATION_RENEWED.exec(t);
  if (m !== null) return monthsOf(m[1], m[2]) * (1 + Number(m[3]));
  m = DURATION_SUM.exec(t);
  if (m !== null) return monthsOf(m[1], m[2]) + monthsOf(m[3], m[4] ?? m[2]);
  return null;
}

function numberFieldIn(field: FieldDef, cell: CellValue): CellRead<number> {
  if (field.id === 'dureeMois' && typeof cell === 'string') {
    const months = durationMonths(unquoted(repairMisdecoded(cell)));
    if (months !== null) return wholeOrNot(field, months, cell);
  }
  let n = numberIn(cell);
  if (typeof n === 'object' && n.reason === 'illisible' && typeof cell === 'string') {
    // `"12 salariés"`: the text inside CSV quotes, as `numberIn` reads it.
    const text = unquoted(repairMisdecoded(cell));
    const read =
      field.id === 'montant'
        ? numberWithout(text, AMOUNT_LABEL_BEFORE, AMOUNT_LABEL_AFTER)
        : field.id === 'offresRecues'
          ? numberWithout(text, BIDS_LABEL_BEFORE, BIDS_NOUN_AFTER)
          : field.id === 'effectifTitulaire'
            ? numberWithout(text, HEADCOUNT_UNIT)
            : null;
    const unshared = read === null && field.type === 'montant' ? numberWithout(text, SHARE_AFTER) : null;
    if (read !== null) n = read;
    else if (unshared !== null) n = unshared;
  }
  if (typeof n === 'number' && typeof cell === 'string' && foreignUnit(field, cell) !== null) return invalid('illisible', cellToText(cell));
  if (typeof n !== 'number') return n;
  if (n < 0) return invalid('negatif', cellToText(cell));
  return wholeOrNot(field, n, cell);
}

/** `n` as the field takes it: an `entier` must be whole (a formula's 2.9999999999996 is 3). */
function wholeOrNot(field: FieldDef, n: number, cell: CellValue): CellRead<number> {
  if (field.type === 'entier' && !Number.isInteger(n)) {
    const rounded = Math.round(n);
    if (Math.abs(n - rounded) > WHOLE_TOLERANCE * Math.max(1, Math.abs(n))) return invalid('non-entier', cellToText(cell));
    return rounded;
  }
  return n;
}

/** `readFieldValue` of one field, as a function of the cell alone. */
type FieldReader = (cell: CellValue) => CellRead<string | number | boolean>;

/**
 * The reader of one field, chosen once per column rather than per cell: the
 * register reader calls it for every cell. The usual cell of each type takes a
 * shorter path; every other cell goes through `readFieldValue`'s own functions.
 */
export function fieldReader(field: FieldDef, date1904 = false): FieldReader {
  switch (field.type) {
    case 'texte':
      return (cell) => textIn(field, cell);
    case 'enum':
      return enumReader(field);
    case 'booleen':
      return (cell) => readOf(readBoolean(cell));
    case 'date':
      return date1904 ? (cell) => dateIn(cell, true) : dateIn;
    case 'entier':
    case 'nombre':
    case 'montant': {
      const whole = field.type === 'entier';
      // A positive finite number (whole for `entier`) is read as itself.
      return (cell) => (typeof cell === 'number' && cell > 0 && cell < Infinity && (!whole || Number.isInteger(cell)) ? cell : numberFieldIn(field, cell));
    }
    default:
      return (cell) => readFieldValue(field, cell);
  }
}

/** A closed list's reader, remembering what each text cell read as (a column holds few spellings). */
function enumReader(field: FieldDef): FieldReader {
  const texts = new Map<string, CellRead<string>>();
  return (cell) => {
    if (typeof cell !== 'string') return readOf(readEnum(field, cell));
    let out = texts.get(cell);
    if (out === undefined) {
      out = readOf(readEnum(field, cell));
      if (out === undefined) return out; // blank: not remembered
      if (texts.size >= TEXT_CACHE_LIMIT) texts.clear();
      texts.set(cell, out);
    }
    return out;
  };
}

/** The sheet rows of a grid, as column readers take them. */
type GridRows = readonly (readonly CellValue[] | undefined)[];

/**
 * Reads one column over a block of rows: `out[i]` = the field read from cell
 * `rows[at[i]][offset]`, as `readFieldValue` reads it (undefined when empty).
 */
type ColumnReader = (rows: GridRows, at: ArrayLike<number>, count: number, offset: number, out: unknown[]) => void;

/**
 * The column reader of one field. The register reads a block of rows one column
 * at a time: each type has its own loop, so each loop sees one kind of cell and
 * one reader (a loop over every column would call 36 different readers); the
 * loops below are identical on purpose: one function literal each, one set of
 * type feedback each.
 */
export function columnReader(field: FieldDef, date1904 = false): ColumnReader {
  const read = fieldReader(field, date1904);
  switch (field.type) {
    case 'texte':
      return (rows, at, count, offset, out) => {
        for (let i = 0; i < count; i++) {
          const cell = (rows[at[i]] as readonly CellValue[])[offset];
          if (typeof cell === 'string') {
            const t = repairMisdecoded(cell).trim();
            const c = t.charCodeAt(0);
            // `#`: maybe an error value; `"`, `=`: maybe a SIRET in quotes.
            out[i] = t === '' ? undefined : c === 35 || c === 34 || c === 61 ? textIn(field, t) : t;
          } else out[i] = cell === null || cell === undefined ? undefined : textIn(field, cell);
        }
      };
    case 'entier':
    case 'nombre':
    case 'montant':
      return (rows, at, count, offset, out) => {
        for (let i = 0; i < count; i++) {
          const cell = (rows[at[i]] as readonly CellValue[])[offset];
          out[i] = cell === null || cell === undefined ? undefined : read(cell);
        }
      };
    case 'booleen':
      return (rows, at, count, offset, out) => {
        for (let i = 0; i < count; i++) {
          const cell = (rows[at[i]] as readonly CellValue[])[offset];
          out[i] = cell === null || cell === undefined ? undefined : read(cell);
        }
      };
    case 'enum':
      return (rows, at, count, offset, out) => {
        for (let i = 0; i < count; i++) {
          const cell = (rows[at[i]] as readonly CellValue[])[offset];
          out[i] = cell === null || cell === undefined ? undefined : read(cell);
        }
      };
    default:
      return (rows, at, count, offset, out) => {
        for (let i = 0; i < count; i++) {
          const cell = (rows[at[i]] as readonly CellValue[])[offset];
          out[i] = cell === null || cell === undefined ? undefined : read(cell);
        }
      };
  }
}

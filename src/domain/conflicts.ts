/**
 * What the two rows of a `doublon` say differently (spec README: the project lead « sees
 * duplicates and conflicts »): a contract entered twice with the same values is a double
 * entry; with different values it is a conflict to arbitrate, and the finding says which.
 */
import type { CellValue } from './cell';
import { type FieldDef, REGISTER_FIELDS, type RegisterFieldId, type RegisterValues } from './fields';
import { fixedNumber, frenchDate, frenchNumber } from './french-text';
import type { SheetMapping } from './model';
import { normalizeHeader } from './normalize';
import { numberToText } from './read-cell';

/** What a row gives of itself for the comparison. */
interface ComparedRow {
  /** A field's value, undefined when empty (read from the register's store: no values object built). */
  value(id: RegisterFieldId): unknown;
  /** Fields its sheet maps: a field one sheet does not track is unknown there, not different. */
  readonly mapped: ReadonlySet<RegisterFieldId>;
  /** Unreadable cells: what they hold is not known either. */
  readonly raw: Partial<Record<RegisterFieldId, unknown>>;
}

interface FieldDifference {
  readonly label: string;
  /** French text of the later row's value, then of the first row's (« vide » when empty). */
  readonly here: string;
  readonly first: string;
}

/** The numero is what makes them a doublon; the Pôle differs by design between two Pôles' files. */
const COMPARED: readonly FieldDef<RegisterFieldId>[] = REGISTER_FIELDS.filter((d) => d.id !== 'numero' && d.id !== 'pole');

/** Most differences named in a message; the others are counted. */
const MAX_NAMED_DIFFERENCES = 4;

/**
 * Fields both rows' sheets track, readable in both, whose values differ (field order of
 * `champs.md`), each named by `headerOf` (the user's header in the later row's sheet, as
 * `regles.md` §3 names columns), else by its label.
 */
export function differingFields(later: ComparedRow, first: ComparedRow, headerOf: (id: RegisterFieldId) => string | undefined = () => undefined): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const def of COMPARED) {
    const id = def.id;
    const a = later.value(id);
    const b = first.value(id);
    // Most fields of a double entry are equal: that test first, before the sets and the texts.
    if (a === b) continue;
    if (!later.mapped.has(id) || !first.mapped.has(id)) continue;
    if (id in later.raw || id in first.raw) continue;
    if (same(a, b)) continue;
    out.push({ label: headerOf(id) ?? def.label, here: shown(def, a), first: shown(def, b) });
  }
  return out;
}

/**
 * README « Doublons et conflits »: « moins d'un centime » makes no difference. A gap of exactly one
 * cent is one, even when binary floats make 1000.01 − 1000 come out a hair under 0.01: the cent
 * is lowered by the rounding error of numbers of that size.
 */
function underACent(a: number, b: number): boolean {
  const rounding = Math.max(Math.abs(a), Math.abs(b), 1) * Number.EPSILON * 8;
  return Math.abs(a - b) < 0.01 - rounding;
}

function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'number' && typeof b === 'number') return underACent(a, b);
  if (typeof a === 'string' && typeof b === 'string') return textKey(a) === textKey(b);
  return a === b;
}

/** Case, accents' encoding and runs of spaces do not make two texts differ. */
function textKey(s: string): string {
  // French has no special casing rule: the plain lower case is the locale's, and much cheaper.
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const MAX_TEXT = 40;

function shown(def: FieldDef, v: unknown): string {
  if (v === undefined) return 'vide';
  switch (def.type) {
    case 'montant':
      return `${euros(v as number)} €`;
    case 'nombre':
    case 'entier':
      return frenchNumber(v as number);
    case 'date':
      return frenchDate(v as string);
    case 'booleen':
      return v ? 'oui' : 'non';
    default:
      return quoted(String(v));
  }
}

/** Euros as the sheets and the other messages write them: cents with two digits (`132 400,50`), whole euros bare. */
function euros(n: number): string {
  const plain = frenchNumber(n);
  return plain.includes(',') ? fixedNumber(n, 2) : plain;
}

function quoted(text: string): string {
  return `« ${text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text} »`;
}

/**
 * The sentence added to a `doublon`'s message. `twoLots`: the rows are two lots (`lotsSentence`
 * follows), so equal values do not make them a double entry.
 */
export function conflictSentence(differences: readonly FieldDifference[], twoLots = false): string {
  if (differences.length === 0) return twoLots ? ' Les deux lignes portent les mêmes valeurs.' : ' Les deux lignes portent les mêmes valeurs (saisie en double).';
  const named = differences
    .slice(0, MAX_NAMED_DIFFERENCES)
    .map((d) => `« ${d.label} » : ${d.here} sur cette ligne, ${d.first} sur la première`)
    .join(' ; ');
  const more = differences.length - MAX_NAMED_DIFFERENCES;
  const rest = more > 0 ? ` ; et ${more} autre${more > 1 ? 's' : ''} champ${more > 1 ? 's' : ''}` : '';
  return ` Conflit, les deux lignes diffèrent (à arbitrer) : ${named}${rest}.`;
}

/** A row given by its values object (tests, rows built by hand). */
export function comparedRow(values: RegisterValues, mapped: ReadonlySet<RegisterFieldId>, raw: Partial<Record<RegisterFieldId, unknown>> = {}): ComparedRow {
  return { value: (id) => values[id], mapped, raw };
}

/**
 * Headers of a column that numbers a contract's lots, as `normalizeHeader` gives them (`Lot`,
 * `N° lot`, `Numéro de lot`, `N° du lot`, `Lot n°`…). No field reads such a column: lots kept under
 * one numero are doublons from the second (README « Lots, avenants… »), and the message says so.
 */
const LOT_HEADERS: ReadonlySet<string> = new Set(['lot', 'lots', 'n lot', 'numero lot', 'numero de lot', 'numero du lot', 'numero des lots', 'lot numero', 'lot n']);

/** The sheet's lot column when no field reads it (its 1-based column and header), else undefined. */
export function lotColumn(mapping: Pick<SheetMapping, 'unmapped'>): { readonly col: number; readonly header: string } | undefined {
  return mapping.unmapped.find((u) => LOT_HEADERS.has(normalizeHeader(u.header)));
}

/** A lot cell as a person reads it: trimmed text or a number; null when empty or anything else. */
function lotText(cell: CellValue | undefined): string | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? numberToText(cell) : null;
  if (typeof cell !== 'string') return null;
  const t = cell.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/**
 * A lot written simply (`2`, `Lot 2`, `lot n° 02`, `B`, `Lot 3a`, `L2`): its number (`2`, `2`, `2`, `B`,
 * `3A`, `2`), else null. `L` only before a digit: `LB` is no lot B.
 */
const SIMPLE_LOT = /^(?:lots? ?|l ?(?=[0-9]))?(?:(?:n|no|nº|n°|num|numéro|numero)[ .]*)?([0-9]{1,3}[a-z]?|[a-z])$/i;

function lotNumber(text: string): string | null {
  const m = SIMPLE_LOT.exec(text);
  return m === null ? null : m[1].replace(/^0+(?=[0-9])/, '').toUpperCase();
}

/**
 * « lot N », « lot n° N », « Lot N° N » in a text (an objet): the word `lot` alone (not `lots`,
 * `pilote`, `lotissement`), maybe `n°`, `no`, `numéro`, then a number of one to three digits or
 * a capital letter. The number must stand alone: not `lot 2bis`, `lot 2025`, `lot 1 000`, nor
 * several lots (`lot 1 et 2`, `lot 1/2`, `lot 1-3`). A letter must end the text or come before
 * a dash, colon, semicolon or closing bracket (`Lot B : serrurerie`): `LOT NON ATTRIBUÉ`,
 * `lot a été`, `LOT D'AMPOULES` name no lot.
 */
// No lookbehind (`(?<!…)`): older Safari web views cannot parse it.
const OBJET_LOT = /(?:^|[^\p{L}\p{N}])lot(?!s)\s*(?:(?:n\s*[°º]|no\.?|n\.|num[ée]ro)\s*)?(?:([0-9]{1,3})(?![\p{L}\p{N}]|\s*(?:[-–—/.,&+]|et|ou|à|a)?\s*[0-9])|([a-z])(?=\s*(?:[-–—:;)\]]|\.?\s*$)))/giu;

/**
 * The one lot an objet names (`Travaux école – Lot 2 : peinture`, `Lot n°3 - Électricité`,
 * `Fournitures (lot 1)`: `2`, `3`, `1`; `Lot B` : `B`), else null: no lot written clearly
 * (`OBJET_LOT`), or two different ones (`lot 1 et lot 2`).
 */
export function objetLot(objet: unknown): string | null {
  if (typeof objet !== 'string') return null;
  let found: string | null = null;
  for (const m of objet.matchAll(OBJET_LOT)) {
    const letter = m[2];
    // A lowercase letter is a word (`lot a été`), not a lot: lots are lettered in capitals.
    if (letter !== undefined && (letter < 'A' || letter > 'Z')) continue;
    const n = letter ?? m[1].replace(/^0+(?=[0-9])/, '');
    if (found !== null && found !== n) return null;
    found = n;
  }
  return found;
}

/** Two lot cells name the same lot: `Lot 1`, `lot 1` and `1` are one lot. */
function sameLot(a: string, b: string): boolean {
  const na = lotNumber(a);
  const nb = lotNumber(b);
  if (na !== null && nb !== null) return na === nb;
  return textKey(a) === textKey(b);
}

function shownLot(cell: CellValue | undefined, text: string): string {
  return typeof cell === 'number' ? text : quoted(text);
}

/**
 * Where a row's lot was read: the cell of its sheet's lot column (`header`), else its objet
 * (`objetLot`), when the column is missing or its cell empty.
 */
type LotRead = { readonly header: string; readonly cell: CellValue | undefined; readonly text: string } | { readonly objet: string };

/** A row's lot from its lot column's cell (`header`, `cell`), else from its objet; null when neither has one. */
export function lotRead(header: string | undefined, cell: CellValue | undefined, objet: unknown): LotRead | null {
  const text = header === undefined ? null : lotText(cell);
  if (header !== undefined && text !== null) return { header, cell, text };
  const n = objetLot(objet);
  return n === null ? null : { objet: n };
}

/** The number of a lot read: a lot cell written otherwise than simply may still name it as an objet does (`Lot 2 – goûters`). */
function numberOf(lot: LotRead): string | null {
  return 'objet' in lot ? lot.objet : (lotNumber(lot.text) ?? objetLot(lot.text));
}

/** How the message shows a lot read; `named`: with where it was read. */
function shownRead(lot: LotRead, named: boolean): string {
  if ('objet' in lot) return named ? `objet : lot ${lot.objet}` : `lot ${lot.objet}`;
  const shown = shownLot(lot.cell, lot.text);
  return named ? `« ${lot.header} » : ${shown}` : shown;
}

/**
 * The sentence a `doublon` gets when its two rows hold different lots (`lotRead`: in their sheets'
 * lot columns, else in their objets), else ''. The buyer learns why the row is a doublon and what
 * to do: a numero per lot, shown on this row's numero when its lot is known simply. The first
 * row's lot is said where it was read too, unless in a lot column named alike.
 */
export function lotsSentence(here: LotRead, first: LotRead, numero: string): string {
  const columns = !('objet' in here) && !('objet' in first);
  if (columns) {
    if (sameLot(here.text, first.text)) return '';
  } else {
    // A lot read in an objet against another: only two lots known by their numbers are told apart.
    const a = numberOf(here);
    const b = numberOf(first);
    if (a === null || b === null || a === b) return '';
  }
  const n = 'objet' in here ? here.objet : lotNumber(here.text);
  const example = n === null ? '' : ` (par exemple « ${numero.trim()}-L${n} »)`;
  const bothObjets = 'objet' in here && 'objet' in first;
  const alike = bothObjets || (columns && normalizeHeader(first.header) === normalizeHeader(here.header));
  return ` Ce sont deux lots (${shownRead(here, true)} sur cette ligne, ${shownRead(first, !alike)} sur la première) : donnez à chaque lot son propre numéro${example} pour qu'il compte.`;
}

/**
 * The lot cells of the register rows whose sheet has a lot column, by register index: a doublon's
 * first row may be of an earlier sheet or workbook, whose grid is gone. Sheets without one keep nothing.
 */
export class LotCells {
  /** One per sheet with a lot column, in register order (`start` never decreases). */
  readonly #sheets: { readonly start: number; readonly header: string; readonly cells: CellValue[] }[] = [];

  /** A sheet whose rows start at register index `start`: push each row's lot cell, in register order. */
  sheet(start: number, header: string): CellValue[] {
    const cells: CellValue[] = [];
    this.#sheets.push({ start, header, cells });
    return cells;
  }

  /**
   * `lotsSentence` for the register rows `later` and `first`, each lot read in its sheet's lot
   * column, else in its objet (`objetOf`, by register index): '' unless both rows have one.
   */
  sentence(later: number, first: number, numero: string, objetOf: (index: number) => unknown): string {
    const a = this.#lotOf(later, objetOf);
    const b = a && this.#lotOf(first, objetOf);
    return a && b ? lotsSentence(a, b, numero) : '';
  }

  #lotOf(index: number, objetOf: (index: number) => unknown): LotRead | null {
    const s = this.#sheetOf(index);
    return s === undefined ? lotRead(undefined, undefined, objetOf(index)) : lotRead(s.header, s.cells[index - s.start], objetOf(index));
  }

  #sheetOf(index: number): { readonly start: number; readonly header: string; readonly cells: CellValue[] } | undefined {
    // The last sheet starting at or before `index` (an empty sheet shares its start with the next).
    let lo = 0;
    let hi = this.#sheets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#sheets[mid].start <= index) lo = mid;
      else hi = mid - 1;
    }
    const s = this.#sheets[lo];
    return s !== undefined && s.start <= index && index - s.start < s.cells.length ? s : undefined;
  }
}

/**
 * A part of an agreement named in an objet: its `words`, with their number when written, or its
 * `initials` with a number only. Group 1 or 2 is the number.
 */
function objetPart(words: string, initials: string): RegExp {
  const number = '(?:\\s*(?:[nN]\\s*[°º]|[nN]o\\.?|[nN]\\.)?\\s*([0-9]{1,3}))';
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:(?:${words})${number}?|${initials}${number})(?![\\p{L}\\p{N}])`, 'u');
}

/** A marché subséquent named in an objet (`Marché subséquent n°2`, `MS n°3`, `MS3`), with its number when written. */
// The bare initials only with a number (`MS 3`): `Licences MS Office` names no marché subséquent.
const OBJET_SUBSEQUENT = objetPart('[Mm]arch[ée]s?\\s+[Ss]ubs[ée]quents?|MARCH[ÉE]S?\\s+SUBS[ÉE]QUENTS?', 'MS');
/** A bon de commande named in an objet (`Bon de commande n°1`, `BC n° 12`, `BC02`). */
const OBJET_ORDER = objetPart('[Bb]ons?\\s+[Dd]e\\s+[Cc]ommandes?|BONS?\\s+DE\\s+COMMANDES?', 'BC');
const OBJET_AGREEMENT = /accords?[\s-]+cadres?/i;

/**
 * The sentence a `doublon` gets when its objet says it is a marché subséquent or a bon de commande
 * typed under its accord-cadre's numero (README « Lots, avenants, accords-cadres… »: each counts as a
 * marché under a numero of its own), else ''. An objet that names the agreement first (its own row) says nothing.
 */
export function agreementPartSentence(objet: unknown, numero: string): string {
  if (typeof objet !== 'string') return '';
  const found = OBJET_SUBSEQUENT.exec(objet);
  const order = OBJET_ORDER.exec(objet);
  // The part named first is the row (`Bon de commande n°4 du marché subséquent n°2`).
  const subsequent = found !== null && (order === null || found.index <= order.index);
  const m = subsequent ? found : order;
  if (m === null) return '';
  // The agreement named first is its own row (`Accord-cadre à bons de commande`), not one named after (`MS n°2 de l'accord-cadre`).
  const agreement = OBJET_AGREEMENT.exec(objet);
  if (agreement !== null && agreement.index < m.index) return '';
  const n = (m[1] ?? m[2])?.replace(/^0+(?=[0-9])/, '');
  const example = n === undefined ? '' : ` (par exemple « ${numero.trim()}-${subsequent ? 'MS' : 'BC'}${n} »)`;
  const what = subsequent ? 'un marché subséquent' : 'un bon de commande';
  const orLeave = subsequent ? '' : ", ou laissez-le écarté si sa dépense est déjà comptée dans celle de l'accord-cadre";
  return ` L'objet dit ${what}, saisi sous le numéro de son accord-cadre : donnez-lui son propre numéro${example} pour qu'il compte comme un marché${orLeave}.`;
}

/**
 * Rows of the *Cibles*, *Saisies manuelles* and *Suivi insertion* sheets that the
 * computation leaves aside, told to the user: the spec has no control code for them, and a
 * target, a manual value or hours that silently count for nothing are worse than a word.
 */
import { frenchList, frenchNumber } from './french-text';
import { CATALOGUE, indicatorDef } from './indicators/catalogue';
import { fieldOfRows } from './indicators/row-view';
import type { CompanionRow, IndicatorResult, Register, RegisterRow, RowSource } from './model';
import { normalizeNumero } from './normalize';

interface IndicatorRowValues {
  readonly indicateur?: string;
  readonly annee?: number;
}

function sheetOf(source: RowSource): string {
  return `feuille « ${source.sheet} » du classeur « ${source.file} »`;
}

function where(source: RowSource): string {
  return `${sheetOf(source)}, ligne ${source.row}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The same, opening a sentence. */
function whereCapitalised(source: RowSource): string {
  return capitalised(where(source));
}

/** The row's indicator id when it is one of the catalogue; an unknown one is told (and the row ignored). */
function knownId(row: CompanionRow<IndicatorRowValues>, notices: string[]): string | null {
  const id = row.values.indicateur?.trim();
  if (!id) return null;
  if (indicatorDef(id) !== undefined) return id;
  notices.push(`${whereCapitalised(row.source)} : « ${id} » n'est pas l'identifiant d'un indicateur du SPASER (${hint(id)}) ; la ligne est ignorée.`);
  return null;
}

/**
 * What to write instead: the catalogue id a typo was likely meant for (« 3.2.1-fournitures-evites »),
 * else an example of the form, never a guess far from what was typed.
 */
function hint(id: string): string {
  const typed = id.toLocaleLowerCase('fr');
  let best = CATALOGUE[0].id;
  let bestDistance = Infinity;
  for (const def of CATALOGUE) {
    const d = editDistance(typed, def.id);
    if (d < bestDistance) [best, bestDistance] = [def.id, d];
  }
  return bestDistance <= Math.max(2, Math.floor(typed.length / 5)) ? `vouliez-vous dire « ${best} » ?` : 'par exemple « 2.1.3-sourcage »';
}

/** Levenshtein distance (ids are short: a full table is cheap). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** What the user should know of the Cibles and Saisies manuelles rows (French), in sheet order. */
export function companionNotices(
  cibles: readonly CompanionRow<IndicatorRowValues & { readonly cible?: number }>[],
  saisies: readonly CompanionRow<IndicatorRowValues & { readonly valeur?: number }>[],
  exercice: number | null,
  indicateurs: readonly IndicatorResult[],
): string[] {
  const notices: string[] = [];
  // The target of an indicator is its first row of N with a cible (as the engine reads it).
  const firstTarget = new Map<string, RowSource>();
  for (const row of cibles) {
    const id = knownId(row, notices);
    if (id === null || row.values.annee !== exercice || row.values.cible === undefined) continue;
    const first = firstTarget.get(id);
    if (first === undefined) firstTarget.set(id, row.source);
    else
      notices.push(
        `${whereCapitalised(row.source)} : une cible ${exercice} de « ${id} » est déjà donnée ${sameSheet(first, row.source) ? `ligne ${first.row}` : `(${where(first)})`} ; seule la première compte.`,
      );
  }
  const statut = new Map(indicateurs.map((r) => [r.id, r.statut] as const));
  for (const row of saisies) {
    const id = knownId(row, notices);
    if (id !== null && row.values.annee === exercice && row.values.valeur !== undefined && statut.get(id) === 'calculé') {
      notices.push(`${whereCapitalised(row.source)} : « ${id} » est calculé à partir du registre pour ${exercice} ; la valeur saisie n'est pas reprise (une saisie ne remplace jamais un calcul).`);
    }
  }
  return notices;
}

function sameSheet(a: RowSource, b: RowSource): boolean {
  return a.file === b.file && a.sheet === b.sheet;
}

/** Numeros told one by one in a Suivi insertion sheet; past that, the others in one sentence. */
const ORPHANS_TOLD = 5;
/** Sheet rows named in a sentence; past that, counted. */
const ROWS_NAMED = 5;
/** Numeros named in a list (the lots of a consultation number, the numeros told together). */
const NUMEROS_NAMED = 3;

const SUIVI_LOSS = "dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires)";

/** What the register has to say of the numeros of Suivi insertion rows it does not have. */
interface Hints {
  /** The first numero that writes the key with other separators only, as written. */
  readonly twin?: string;
  /** The numeros that extend the key as lots numbered apart, as written, in register order. */
  readonly lots: string[];
}

interface Found {
  twin?: string;
  readonly lots: string[];
  /** The normalised numeros of `lots`: a lot on several rows is named once. */
  readonly seen: Set<string>;
}

/**
 * The register's numeros compared as for `doublon` (`normalizeNumero`). Read in one pass for the
 * numeros asked (no set of them all: most registers have every numero of their Suivi insertion),
 * and once more for the hints when some are missing.
 */
class RegisterNumeros {
  private readonly valueOf: (i: number) => unknown;

  constructor(private readonly rows: readonly RegisterRow[]) {
    this.valueOf = fieldOfRows(rows, 'numero');
  }

  private key(i: number): string {
    const v = this.valueOf(i);
    return v === undefined || v === null ? '' : normalizeNumero(String(v));
  }

  /** Those of `keys` that some register row has. */
  had(keys: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    for (let i = 0; i < this.rows.length && found.size < keys.size; i++) {
      const key = this.key(i);
      if (keys.has(key)) found.add(key);
    }
    return found;
  }

  /**
   * For each of `keys` (numeros the register does not have), the numeros that write it with other
   * separators only (`2025-012-L1` for `2025-012 L1`: two numeros to the letter of the spec, surely one
   * contract), and those that extend it as lots numbered apart (`2025-012-L1`, `2025-012lot2` for
   * `2025-012`; not `2025-0123`: a digit after a digit, or a letter after a letter, continues the number).
   */
  hints(keys: readonly string[]): Map<string, Hints> {
    const hints = new Map<string, Found>(keys.map((k) => [k, { lots: [], seen: new Set() }]));
    const byCharacters = new Map<string, string[]>();
    const byLength = new Map<number, string[]>();
    for (const key of keys) {
      const chars = lettersAndDigits(key);
      if (chars !== '') push(byCharacters, chars, key);
      push(byLength, key.length, key);
    }
    const lengths = [...byLength.keys()];
    for (let i = 0; i < this.rows.length; i++) {
      const numero = this.key(i);
      if (numero === '') continue;
      const twinOf = byCharacters.get(lettersAndDigits(numero));
      if (twinOf !== undefined) for (const key of twinOf) (hints.get(key) as Found).twin ??= this.written(i);
      for (const length of lengths) {
        if (numero.length <= length || sameKind(numero.charAt(length - 1), numero.charAt(length))) continue;
        const prefix = numero.slice(0, length);
        const h = hints.get(prefix);
        if (h !== undefined && !h.seen.has(numero)) {
          h.seen.add(numero);
          h.lots.push(this.written(i));
        }
      }
    }
    return hints;
  }

  private written(i: number): string {
    return String(this.valueOf(i)).trim();
  }
}

function push<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** `s` without its separators. Asked of every numero of the register: ASCII without a regex. */
function lettersAndDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return s.replace(/[^\p{L}\p{N}]/gu, '');
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) out += s[i];
  }
  return out;
}

const LETTER = /\p{L}/u;

/** Both digits, or both letters: `b` continues the number or word that `a` ends. */
function sameKind(a: string, b: string): boolean {
  const digits = (a >= '0' && a <= '9') || (b >= '0' && b <= '9');
  return digits ? a >= '0' && a <= '9' && b >= '0' && b <= '9' : LETTER.test(a) && LETTER.test(b);
}

/** « ligne 8 », « lignes 8, 9 et 12 », « lignes 8, 9, 12, 14, 15 et 3 autres ». */
function rowsText(rows: readonly number[]): string {
  return `${rows.length === 1 ? 'ligne' : 'lignes'} ${listWithOthers(rows.map(String), ROWS_NAMED)}`;
}

/** « « A » », « « A » et « B » », « « A », « B », « C » et 2 autres ». */
function namesText(names: readonly string[]): string {
  return listWithOthers(names.map((n) => `« ${n} »`), NUMEROS_NAMED);
}

/** The first `named` items listed, the others counted (« et 2 autres »). */
function listWithOthers(items: readonly string[], named: number): string {
  const others = items.length - named;
  return others > 0 ? frenchList([...items.slice(0, named), `${frenchNumber(others)} ${others > 1 ? 'autres' : 'autre'}`]) : frenchList(items);
}

interface OrphanGroup {
  /** The numero as first written ('' when none). */
  readonly written: string;
  readonly key: string;
  readonly rows: number[];
}

/**
 * *Suivi insertion* rows whose numero is no contract of the register, in any year (matched as for
 * `doublon`), or that have none: no indicator of the insertion counts them. One sentence per numero of
 * a sheet (with the lots numbered apart, or the same numero written with other separators, when the
 * register has them), the sheet's first `ORPHANS_TOLD` numeros, then the others together; in sheet order.
 */
export function orphanSuiviNotices(register: Register): string[] {
  if (register.suiviInsertion.length === 0) return [];
  const keys = register.suiviInsertion.map((row) => normalizeNumero(row.values.numero?.trim() ?? ''));
  const numeros = new RegisterNumeros(register.rows);
  const had = numeros.had(new Set(keys.filter((k) => k !== '')));
  // By sheet, then by normalised numero ('' when none): in row order, the rows being read in sheet order.
  const sheets = new Map<string, { readonly source: RowSource; readonly groups: Map<string, OrphanGroup> }>();
  register.suiviInsertion.forEach((row, i) => {
    const key = keys[i];
    if (key !== '' && had.has(key)) return;
    const id = `${row.source.file}\u0000${row.source.sheet}`;
    let sheet = sheets.get(id);
    if (sheet === undefined) sheets.set(id, (sheet = { source: row.source, groups: new Map() }));
    let group = sheet.groups.get(key);
    if (group === undefined) sheet.groups.set(key, (group = { written: row.values.numero?.trim() ?? '', key, rows: [] }));
    group.rows.push(row.source.row);
  });
  // At most ORPHANS_TOLD sentences of numeros a sheet: the last one tells the others together.
  const told = new Set<OrphanGroup>();
  for (const { groups } of sheets.values()) {
    const numbered = [...groups.values()].filter((g) => g.key !== '');
    for (const g of numbered.length <= ORPHANS_TOLD ? numbered : numbered.slice(0, ORPHANS_TOLD - 1)) told.add(g);
  }
  const hints = told.size === 0 ? new Map<string, Hints>() : numeros.hints([...new Set([...told].map((g) => g.key))]);
  const notices: string[] = [];
  for (const { source, groups } of sheets.values()) {
    const sheet = capitalised(sheetOf(source));
    const rest: OrphanGroup[] = [];
    for (const g of groups.values()) {
      if (g.key === '') notices.push(`${sheet}, ${rowsText(g.rows)} : sans n° de marché, ${g.rows.length === 1 ? 'la ligne ne compte' : 'ces lignes ne comptent'} ${SUIVI_LOSS}.`);
      else if (told.has(g)) notices.push(`${sheet}, ${rowsText(g.rows)} : ${orphanSentence(g, hints.get(g.key))}`);
      else rest.push(g);
    }
    if (rest.length > 0) {
      const rows = rest.reduce((n, g) => n + g.rows.length, 0);
      notices.push(
        `${sheet} : ${frenchNumber(rest.length)} autres marchés (${namesText(rest.map((g) => g.written))}) ne figurent pas dans le registre ; ` +
          `leurs ${frenchNumber(rows)} lignes ne comptent ${SUIVI_LOSS}.`,
      );
    }
  }
  return notices;
}

/** What to say of the rows of one numero that the register does not have. */
function orphanSentence(g: OrphanGroup, hints: Hints | undefined): string {
  const loss = `${g.rows.length === 1 ? 'la ligne ne compte' : 'ces lignes ne comptent'} ${SUIVI_LOSS}`;
  if (hints?.twin !== undefined) return `le marché « ${g.written} » ne figure pas dans le registre (vouliez-vous dire « ${hints.twin} » ?) ; ${loss}.`;
  const lots = hints?.lots ?? [];
  const hint = lots.length === 0 ? '' : ` Le registre a ${namesText(lots)} : indiquez le numéro du lot.`;
  return `le marché « ${g.written} » ne figure pas dans le registre ; ${loss}.${hint}`;
}

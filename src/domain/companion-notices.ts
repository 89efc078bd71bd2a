/**
 * Rows of the *Cibles*, *Saisies manuelles* and *Suivi insertion* sheets that the
 * computation leaves aside, told to the user: the spec has no control code for them, and a
 * target, a manual value or hours that silently count for nothing are worse than a word.
 */
import { frenchNumber } from './french-text';
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

/** The register's numeros compared as for `doublon` (`normalizeNumero`), each read once. */
class RegisterNumeros {
  /** Position of the first row of each normalised numero, in register order. */
  private readonly first = new Map<string, number>();
  private readonly valueOf: (i: number) => unknown;
  private sorted: string[] | null = null;
  private byCharacters: Map<string, string> | null = null;

  constructor(rows: readonly RegisterRow[]) {
    this.valueOf = fieldOfRows(rows, 'numero');
    for (let i = 0; i < rows.length; i++) {
      const v = this.valueOf(i);
      if (v === undefined || v === null) continue;
      const key = normalizeNumero(String(v));
      if (key !== '' && !this.first.has(key)) this.first.set(key, i);
    }
  }

  has(key: string): boolean {
    return this.first.has(key);
  }

  private written(key: string): string {
    return String(this.valueOf(this.first.get(key) as number)).trim();
  }

  /**
   * The numeros that write `key` with other separators only (`2025-012 L1` for `2025-012-L1`): the
   * first of them, as written. Two numeros to the letter of the spec, but surely the same contract.
   */
  twin(key: string): string | undefined {
    if (this.byCharacters === null) {
      this.byCharacters = new Map();
      for (const k of this.first.keys()) {
        const chars = lettersAndDigits(k);
        if (chars !== '' && !this.byCharacters.has(chars)) this.byCharacters.set(chars, k);
      }
    }
    const chars = lettersAndDigits(key);
    const twin = chars === '' ? undefined : this.byCharacters.get(chars);
    return twin === undefined ? undefined : this.written(twin);
  }

  /**
   * The numeros that extend `key` as lots numbered apart (`2025-012-L1`, `2025-012lot2` for `2025-012`),
   * in register order, as written. `2025-0123` does not extend `2025-012`: a digit after a digit (or a
   * letter after a letter) continues the number itself.
   */
  lots(key: string): string[] {
    const sorted = (this.sorted ??= [...this.first.keys()].sort());
    // Binary search of the first numero not below `key`: a sorted range holds those starting with it.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let k = lo; k < sorted.length && sorted[k].startsWith(key); k++) {
      if (sorted[k].length > key.length && !sameKind(key.charAt(key.length - 1), sorted[k].charAt(key.length))) found.push(sorted[k]);
    }
    return found.sort((a, b) => (this.first.get(a) as number) - (this.first.get(b) as number)).map((k) => this.written(k));
  }
}

function lettersAndDigits(s: string): string {
  return s.replace(/[^\p{L}\p{N}]/gu, '');
}

function sameKind(a: string, b: string): boolean {
  const digit = (c: string) => c >= '0' && c <= '9';
  const letter = (c: string) => /\p{L}/u.test(c);
  return (digit(a) && digit(b)) || (letter(a) && letter(b));
}

/** « ligne 8 », « lignes 8, 9 et 12 », « lignes 8, 9, 12, 14, 15 et 3 autres ». */
function rowsText(rows: readonly number[]): string {
  if (rows.length === 1) return `ligne ${rows[0]}`;
  if (rows.length <= ROWS_NAMED) return `lignes ${rows.slice(0, -1).join(', ')} et ${rows[rows.length - 1]}`;
  const others = rows.length - ROWS_NAMED;
  return `lignes ${rows.slice(0, ROWS_NAMED).join(', ')} et ${frenchNumber(others)} ${others > 1 ? 'autres' : 'autre'}`;
}

/** « « A » », « « A » et « B » », « « A », « B », « C » et 2 autres ». */
function namesText(names: readonly string[]): string {
  const quoted = names.slice(0, NUMEROS_NAMED).map((n) => `« ${n} »`);
  const others = names.length - quoted.length;
  if (others > 0) return `${quoted.join(', ')} et ${frenchNumber(others)} ${others > 1 ? 'autres' : 'autre'}`;
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} et ${quoted[quoted.length - 1]}`;
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
  const numeros = new RegisterNumeros(register.rows);
  // By sheet, then by normalised numero ('' when none): in row order, the rows being read in sheet order.
  const sheets = new Map<string, { readonly source: RowSource; readonly groups: Map<string, OrphanGroup> }>();
  for (const row of register.suiviInsertion) {
    const written = row.values.numero?.trim() ?? '';
    const key = normalizeNumero(written);
    if (key !== '' && numeros.has(key)) continue;
    const id = `${row.source.file}\u0000${row.source.sheet}`;
    let sheet = sheets.get(id);
    if (sheet === undefined) sheets.set(id, (sheet = { source: row.source, groups: new Map() }));
    let group = sheet.groups.get(key);
    if (group === undefined) sheet.groups.set(key, (group = { written, key, rows: [] }));
    group.rows.push(row.source.row);
  }
  const notices: string[] = [];
  for (const { source, groups } of sheets.values()) {
    const sheet = capitalised(sheetOf(source));
    const numbered = [...groups.values()].filter((g) => g.key !== '');
    // At most ORPHANS_TOLD sentences of numeros: the last one tells the others together.
    const told = new Set(numbered.length <= ORPHANS_TOLD ? numbered : numbered.slice(0, ORPHANS_TOLD - 1));
    for (const g of groups.values()) {
      if (g.key === '') notices.push(`${sheet}, ${rowsText(g.rows)} : sans n° de marché, ${g.rows.length === 1 ? 'la ligne ne compte' : 'ces lignes ne comptent'} ${SUIVI_LOSS}.`);
      else if (told.has(g)) notices.push(`${sheet}, ${rowsText(g.rows)} : ${orphanSentence(g, numeros)}`);
    }
    const rest = numbered.filter((g) => !told.has(g));
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
function orphanSentence(g: OrphanGroup, numeros: RegisterNumeros): string {
  const twin = numeros.twin(g.key);
  const lots = twin === undefined ? numeros.lots(g.key) : [];
  const one = g.rows.length === 1;
  const loss = `${one ? 'la ligne ne compte' : 'ces lignes ne comptent'} ${SUIVI_LOSS}`;
  if (twin !== undefined) return `le marché « ${g.written} » ne figure pas dans le registre (vouliez-vous dire « ${twin} » ?) ; ${loss}.`;
  const hint = lots.length === 0 ? '' : ` Le registre a ${namesText(lots)} : indiquez le numéro du lot.`;
  return `le marché « ${g.written} » ne figure pas dans le registre ; ${loss}.${hint}`;
}

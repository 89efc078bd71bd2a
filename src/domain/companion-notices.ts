/**
 * Rows of the *Cibles*, *Saisies manuelles* and *Suivi insertion* sheets that the
 * computation leaves aside, told to the user: the spec has no control code for them, and a
 * target, a manual value or hours that silently count for nothing are worse than a word.
 */
import { registerField, type RegisterFieldId } from './fields';
import { FINDING_LABELS } from './finding-labels';
import { frenchList, frenchNumber, lowerFirst } from './french-text';
import { CATALOGUE, indicatorDef } from './indicators/catalogue';
import { sensNotUnderstood } from './indicators/axe1';
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

/** Unknown ids told one by one in a sheet; past that, the others in one sentence (a wall of notices hides the rest). */
const UNKNOWN_IDS_TOLD = 5;

const sheetKey = (source: RowSource): string => `${source.file}\u0000${source.sheet}`;

/**
 * The indicator ids of a Cibles or Saisies manuelles sheet's rows, an unknown one told (and the row
 * ignored): one sentence each for a sheet's first ones, then the others of the sheet together.
 */
class IdReader {
  private readonly unknownCount = new Map<string, number>();
  private readonly told = new Map<string, number>();
  private readonly rest = new Map<string, { readonly source: RowSource; readonly rows: number[]; readonly ids: string[] }>();

  constructor(
    rows: readonly CompanionRow<IndicatorRowValues>[],
    private readonly notices: string[],
  ) {
    for (const row of rows) {
      const id = row.values.indicateur?.trim();
      if (id && indicatorDef(id) === undefined) this.unknownCount.set(sheetKey(row.source), (this.unknownCount.get(sheetKey(row.source)) ?? 0) + 1);
    }
  }

  /** The row's indicator id when it is one of the catalogue. */
  knownId(row: CompanionRow<IndicatorRowValues>): string | null {
    const id = row.values.indicateur?.trim();
    if (!id) return null;
    if (indicatorDef(id) !== undefined) return id;
    const key = sheetKey(row.source);
    const told = this.told.get(key) ?? 0;
    if ((this.unknownCount.get(key) ?? 0) <= UNKNOWN_IDS_TOLD || told < UNKNOWN_IDS_TOLD - 1) {
      this.told.set(key, told + 1);
      this.notices.push(`${whereCapitalised(row.source)} : « ${id} » n'est pas l'identifiant d'un indicateur du SPASER (${hint(id)}) ; la ligne est ignorée.`);
    } else {
      let rest = this.rest.get(key);
      if (rest === undefined) this.rest.set(key, (rest = { source: row.source, rows: [], ids: [] }));
      rest.rows.push(row.source.row);
      rest.ids.push(id);
    }
    return null;
  }

  /** The unknown ids not told one by one, a sentence for each sheet. */
  tellRest(): void {
    for (const { source, rows, ids } of this.rest.values()) {
      // One typo on the rows of several years is one id, not so many other ids.
      const distinct = [...new Set(ids)];
      const what =
        distinct.length === 1
          ? `« ${distinct[0]} » n'est pas l'identifiant d'un indicateur du SPASER (${hint(distinct[0])})`
          : `${frenchNumber(distinct.length)} autres identifiants (${namesText(distinct)}) ne sont pas ceux d'un indicateur du SPASER`;
      this.notices.push(`${capitalised(sheetOf(source))}, ${rowsText(rows)} : ${what} ; ces lignes sont ignorées.`);
    }
  }
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
  cibles: readonly CompanionRow<IndicatorRowValues & { readonly cible?: number; readonly sens?: string }>[],
  saisies: readonly CompanionRow<IndicatorRowValues & { readonly valeur?: number }>[],
  exercice: number | null,
  indicateurs: readonly IndicatorResult[],
): string[] {
  const notices: string[] = [];
  // The target of an indicator is its first row of N with a cible (as the engine reads it).
  const firstTarget = new Map<string, RowSource>();
  const cibleIds = new IdReader(cibles, notices);
  for (const row of cibles) {
    const id = cibleIds.knownId(row);
    if (id === null || row.values.annee !== exercice || row.values.cible === undefined) continue;
    const first = firstTarget.get(id);
    if (first === undefined) {
      firstTarget.set(id, row.source);
      if (sensNotUnderstood(row.values.sens)) {
        notices.push(
          `${whereCapitalised(row.source)} : le sens « ${row.values.sens?.trim()} » de la cible de « ${id} » n'est pas compris ; la cible est lue comme un minimum (≥). Écrivez ≥ (au moins) ou ≤ (au plus).`,
        );
      }
    } else
      notices.push(
        `${whereCapitalised(row.source)} : une cible ${exercice} de « ${id} » est déjà donnée ${sameSheet(first, row.source) ? `ligne ${first.row}` : `(${where(first)})`} ; seule la première compte.`,
      );
  }
  cibleIds.tellRest();
  const statut = new Map(indicateurs.map((r) => [r.id, r.statut] as const));
  const saisieIds = new IdReader(saisies, notices);
  for (const row of saisies) {
    const id = saisieIds.knownId(row);
    if (id === null || row.values.annee !== exercice || row.values.valeur === undefined) continue;
    if (indicatorDef(id)?.breakdownOnly) {
      notices.push(`${whereCapitalised(row.source)} : « ${id} » est une répartition (une part par catégorie), sans valeur unique ; la valeur saisie n'est pas reprise.`);
    } else if (statut.get(id) === 'calculé') {
      notices.push(`${whereCapitalised(row.source)} : « ${id} » est calculé à partir du registre pour ${exercice} ; la valeur saisie n'est pas reprise (une saisie ne remplace jamais un calcul).`);
    }
  }
  saisieIds.tellRest();
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

/** A numero whose register rows are all left out of the run's indicators: the rows to name (positions). */
interface Uncounted {
  /** Its first row notified in N or N−1, or without a readable date: in error, or an order outside any contract. */
  inRun?: number;
  /** A later row of the same year whose sole error is `doublon`: it would count but for the first row. */
  repeat?: number;
  /** Else its row of another year, the nearest to N. */
  otherYear?: number;
}

/** Some register row of the numero counts (a contract of N or N−1 without error): its Suivi rows do. */
const COUNTS = 'counts';

type Standing = Uncounted | typeof COUNTS;

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

  /**
   * Those of `keys` that some register row has, and whether the indicators of exercice N count them
   * as the engine does: a Suivi row counts when its numero is that of a row of `M` (no error, not
   * hors marché) of N, or of N−1 for the N−1 column. A `doublon` is in error, but its first row counts.
   */
  standing(keys: ReadonlySet<string>, exercice: number | null): Map<string, Standing> {
    const found = new Map<string, Standing>();
    const horsMarche = fieldOfRows(this.rows, 'horsMarche');
    let counting = 0;
    for (let i = 0; i < this.rows.length && counting < keys.size; i++) {
      const key = this.key(i);
      if (!keys.has(key)) continue;
      const known = found.get(key);
      if (known === COUNTS) continue;
      const r = this.rows[i];
      const inRun = exercice === null || r.annee === null || r.annee === exercice || r.annee === exercice - 1;
      const order = horsMarche(i) === true;
      if (exercice !== null && r.annee !== null && inRun && !r.hasError && !order) {
        found.set(key, COUNTS);
        counting++;
        continue;
      }
      const u: Uncounted = known ?? {};
      if (known === undefined) found.set(key, u);
      if (inRun) {
        if (u.inRun === undefined) u.inRun = i;
        else if (u.repeat === undefined && !order && r.annee !== null && this.repeats(i, u.inRun)) u.repeat = i;
      } else if (u.otherYear === undefined || nearer(r.annee as number, this.rows[u.otherYear].annee as number, exercice as number)) {
        u.otherYear = i;
      }
    }
    return found;
  }

  /** Row `i` is a doublon of row `first` (in error) and nothing else is wrong with it. */
  private repeats(i: number, first: number): boolean {
    const r = this.rows[i];
    const f = this.rows[first];
    return f.hasError && r.annee === f.annee && r.findings.every((x) => x.gravite !== 'erreur' || x.code === 'doublon');
  }

  row(i: number): RegisterRow {
    return this.rows[i];
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

/** Year `a` is nearer N than year `b` (the earlier when as near). */
function nearer(a: number, b: number, exercice: number): boolean {
  const da = Math.abs(a - exercice);
  const db = Math.abs(b - exercice);
  return da < db || (da === db && a < b);
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
  /** The register's rows of the numero, none of which counts; undefined when it has none. */
  readonly uncounted?: Uncounted;
}

/**
 * *Suivi insertion* rows that no indicator of the insertion counts, for exercice N: their numero is no
 * contract of the register in any year (matched as for `doublon`), or they have none (« orphans »); or
 * every register row of their numero is left out (in error, hors marché, of a year other than N and N−1).
 * One sentence per numero of a sheet (with the lots numbered apart, or the same numero written with other
 * separators, when the register has them; else the register row to fix), the sheet's first
 * `ORPHANS_TOLD` numeros of each kind, then the others of that kind together; in sheet order.
 */
export function orphanSuiviNotices(register: Register, exercice: number | null): string[] {
  if (register.suiviInsertion.length === 0) return [];
  const keys = register.suiviInsertion.map((row) => normalizeNumero(row.values.numero?.trim() ?? ''));
  const numeros = new RegisterNumeros(register.rows);
  const standing = numeros.standing(new Set(keys.filter((k) => k !== '')), exercice);
  // By sheet, then by normalised numero ('' when none): in row order, the rows being read in sheet order.
  const sheets = new Map<string, { readonly source: RowSource; readonly groups: Map<string, OrphanGroup> }>();
  register.suiviInsertion.forEach((row, i) => {
    const key = keys[i];
    const found = key === '' ? undefined : standing.get(key);
    if (found === COUNTS) return;
    const id = sheetKey(row.source);
    let sheet = sheets.get(id);
    if (sheet === undefined) sheets.set(id, (sheet = { source: row.source, groups: new Map() }));
    let group = sheet.groups.get(key);
    if (group === undefined) sheet.groups.set(key, (group = { written: row.values.numero?.trim() ?? '', key, rows: [], uncounted: found }));
    group.rows.push(row.source.row);
  });
  // At most ORPHANS_TOLD sentences a sheet for each kind: the last one tells the others together.
  const told = new Set<OrphanGroup>();
  for (const { groups } of sheets.values()) {
    for (const orphans of [true, false]) {
      const numbered = [...groups.values()].filter((g) => g.key !== '' && (g.uncounted === undefined) === orphans);
      for (const g of numbered.length <= ORPHANS_TOLD ? numbered : numbered.slice(0, ORPHANS_TOLD - 1)) told.add(g);
    }
  }
  const orphansTold = [...new Set([...told].filter((g) => g.uncounted === undefined).map((g) => g.key))];
  const hints = orphansTold.length === 0 ? new Map<string, Hints>() : numeros.hints(orphansTold);
  const notices: string[] = [];
  for (const { source, groups } of sheets.values()) {
    const sheet = capitalised(sheetOf(source));
    const rest: OrphanGroup[] = [];
    const restUncounted: OrphanGroup[] = [];
    for (const g of groups.values()) {
      if (g.key === '') notices.push(`${sheet}, ${rowsText(g.rows)} : sans n° de marché, ${lossOf(g)}.`);
      else if (!told.has(g)) (g.uncounted === undefined ? rest : restUncounted).push(g);
      else if (g.uncounted === undefined) notices.push(`${sheet}, ${rowsText(g.rows)} : ${orphanSentence(g, hints.get(g.key))}`);
      else notices.push(`${sheet}, ${rowsText(g.rows)} : ${uncountedSentence(g, g.uncounted, numeros, register, source, exercice)}`);
    }
    if (rest.length > 0) notices.push(restSentence(sheet, rest, 'ne figurent pas dans le registre', true));
    if (restUncounted.length > 0) notices.push(restSentence(sheet, restUncounted, "sont au registre sur des lignes qu'aucun indicateur ne compte (en erreur, hors marché ou d'une autre année)", false));
  }
  return notices;
}

/** « la ligne ne compte dans aucun indicateur… », « ces lignes ne comptent… ». */
function lossOf(g: OrphanGroup): string {
  return `${g.rows.length === 1 ? 'la ligne ne compte' : 'ces lignes ne comptent'} ${SUIVI_LOSS}`;
}

/** The other numeros of a sheet, of one kind, told together. */
function restSentence(sheet: string, rest: readonly OrphanGroup[], what: string, orphans: boolean): string {
  const rows = rest.reduce((n, g) => n + g.rows.length, 0);
  // Orphan numeros unlike a contract numero (names, maybe: see `unlikeNumero`) are counted, not listed.
  const shown = rest.filter((g) => !orphans || unlikeNumero(g.written) === null).map((g) => g.written);
  const hidden = rest.length - shown.length;
  const listed =
    hidden === 0
      ? namesText(shown)
      : `${shown.length === 0 ? '' : `${namesText(shown)}, plus `}${frenchNumber(hidden)} ${hidden > 1 ? "saisies qui n'ont pas la forme d'un numéro de marché, non recopiées" : "saisie qui n'a pas la forme d'un numéro de marché, non recopiée"}`;
  return `${sheet} : ${frenchNumber(rest.length)} autres marchés (${listed}) ${what} ; leurs ${frenchNumber(rows)} lignes ne comptent ${SUIVI_LOSS}.`;
}

/** Words a contract numero may hold written otherwise than as an acronym (`2025-012 lot 2`, `2025-012 Bis`). */
const NUMERO_WORDS: ReadonlySet<string> = new Set(['lot', 'bis']);

/** Longest acronym of a contract numero (`MAPA 25/003`, `AOO-2025-12`, `RES-25-004`): « quatre » in the notice. */
const ACRONYM_MAX = 4;

/**
 * Why a numero typed in a *Suivi insertion* sheet does not look like a contract numero, else null. A
 * Suivi row is about a person: such a numero may be a beneficiary's name typed in the wrong column,
 * and is not repeated. A contract numero has a digit, and its words (two letters or more) are
 * acronyms: in capitals, of `ACRONYM_MAX` letters at most, `lot` and `bis` apart (`2025-M-014`,
 * `MAPA 25/003`, `24AO12`, `RES-25-004`, `AC 2024 015 L2`, `2025-012 lot 2`). A name, even with a
 * digit, is written in lowercase letters or is longer (`Dupont Marie 2`, `M. Durand (2e contrat)`,
 * `Sarah B. 59100`, `DUPONT 12/03/1990`); a short name in capitals (`LI 59100`) is not told apart.
 */
export function unlikeNumero(written: string): string | null {
  if (!/[0-9]/.test(written)) return "n'a aucun chiffre";
  const words = (written.match(/\p{L}{2,}/gu) ?? []).filter((w) => !NUMERO_WORDS.has(w.toLowerCase()));
  if (words.some((w) => /\p{Ll}/u.test(w))) return "a un mot qui n'est pas en capitales";
  return words.some((w) => w.length > ACRONYM_MAX) ? 'a un mot de plus de quatre lettres' : null;
}

/** What to say of the rows of one numero that the register does not have. */
function orphanSentence(g: OrphanGroup, hints: Hints | undefined): string {
  const loss = lossOf(g);
  // A Suivi row is about a person: a « numero » unlike a contract numero may be a name typed in the wrong column.
  const unlike = unlikeNumero(g.written);
  if (unlike !== null) {
    return `le numéro de marché saisi ${unlike} et ne figure pas dans le registre ; ${loss}. Il n'est pas recopié ici, au cas où ce serait le nom d'une personne : indiquez le numéro du marché.`;
  }
  if (hints?.twin !== undefined) return `le marché « ${g.written} » ne figure pas dans le registre (vouliez-vous dire « ${hints.twin} » ?) ; ${loss}.`;
  const lots = hints?.lots ?? [];
  const hint = lots.length === 0 ? '' : ` Le registre a ${namesText(lots)} : indiquez le numéro du lot.`;
  return `le marché « ${g.written} » ne figure pas dans le registre ; ${loss}.${hint}`;
}

/** A register row named from a Suivi insertion sheet (`from`): its workbook when another. */
function registerPlace(at: RowSource, from: RowSource): string {
  return `ligne ${at.row} de la feuille « ${at.sheet} »${at.file === from.file ? '' : ` du classeur « ${at.file} »`}`;
}

/** What to say of the rows of one numero whose register rows all stay out of the indicators, and what to fix. */
function uncountedSentence(g: OrphanGroup, u: Uncounted, numeros: RegisterNumeros, register: Register, from: RowSource, exercice: number | null): string {
  const marche = `le marché « ${g.written} »`;
  const loss = lossOf(g);
  if (u.inRun === undefined) {
    // Only rows of other years (N is known then: a row without a date is `inRun`).
    const r = numeros.row(u.otherYear as number);
    return (
      `${marche} est notifié en ${r.annee} (${registerPlace(r.source, from)}), ni en ${exercice} ni en ${(exercice as number) - 1} ; ${loss}. ` +
      `Vérifiez sa date de notification, ou calculez l'exercice ${r.annee}.`
    );
  }
  const r = numeros.row(u.inRun);
  const place = registerPlace(r.source, from);
  if (!r.hasError) {
    const header = columnHeader(register, r.source, 'horsMarche');
    return `${marche} est à la ${place}, une commande hors marché (colonne « ${header} ») ; ${loss}. Si c'est un marché, corrigez cette colonne : ses heures compteront.`;
  }
  const errors = frenchList([...new Set(r.findings.filter((f) => f.gravite === 'erreur').map((f) => lowerFirst(FINDING_LABELS[f.code])))]);
  if (u.repeat === undefined) return `${marche} est à la ${place}, en erreur (${errors}) ; ${loss}. Corrigez cette ligne : ses heures compteront.`;
  const repeat = numeros.row(u.repeat).source;
  const again = sameSheet(repeat, r.source) ? `ligne ${repeat.row}` : registerPlace(repeat, from);
  return (
    `${marche} est à la ${place}, en erreur (${errors}), puis à la ${again}, écartée comme doublon ; ${loss}. ` +
    `Corrigez la ligne ${r.source.row}, ou supprimez-la si la ligne ${repeat.row} la remplace : ses heures compteront.`
  );
}

/** The user's header of a register field in the sheet of `at`, else the field's label. */
function columnHeader(register: Register, at: RowSource, field: RegisterFieldId): string {
  const mapping = register.mappings.find((m) => m.kind === 'registre' && m.file === at.file && m.sheet === at.sheet);
  return mapping?.columns.find((c) => c.field === field)?.header ?? registerField(field).label;
}

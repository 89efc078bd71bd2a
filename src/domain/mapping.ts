/**
 * Finding the header row of a sheet and mapping its columns to the fields of
 * `champs.md` (`regles.md` §1).
 *
 * A header is compared with each field's label and synonyms, all normalised
 * by `normalizeHeader`:
 * - 1    the same text;
 * - 0.95 the same meaningful words in any order (small words such as `de`,
 *        `du`, `d`, and `HT`, `€`, `total`, `lot` ignored; plurals and final `e` ignored);
 * - 0.6–0.9 the header's words are partly or wholly covered by synonyms that
 *        appear whole in it (`Montant total notifié HT`, `Titulaire / Attributaire`);
 *        words are weighted by rarity across all fields, so a generic word
 *        (`montant`, `nombre`, `marché`) explains less of a header than a
 *        specific one (`prolongation`), and a synonym only counts when all its
 *        words are in the header (so `Heures` alone is not `Heures d'insertion
 *        prévues`, and `Date de début` is not `Date de notification`);
 * - 0.6  a weak synonym (`id` for numero), which any other column naming the field beats;
 * - 0    otherwise, and always for a header holding `TTC` against an HT amount; a header naming an
 *        identifier (`id`, `identifiant`) matches a field that is no identifier only whole
 *        (`acheteur.id` is not the Acheteur, `titulaire.id` not the Titulaire's name).
 *
 * Words run together (`datenotification`, `dateNotification`, `titulaire_denominationsociale`, as DECP
 * exports spell their columns) are first cut into the words of the fields' names (`headerKey`).
 */
import { columnLetter, isBlankCell, isCalendarDate, isCellError, type CellValue, type SheetGrid, type TableArea } from './cell';
import { isSpaserSheet } from './plan-types';
import { REQUIRED_FIELDS, SHEET_KINDS, type FieldDef, type SheetKind } from './fields';
import type { LostChoice, MappedColumn, MappingOverride, SheetMapping } from './model';
import { normalizeHeader, unitSaysEuros } from './normalize';
import { readField, unitsAllowed } from './read-cell';

/** Lowest score that maps a column. */
const MIN_SCORE = 0.6;
const MIN_COVERAGE = 0.4;
const TIE = 1e-6;
/** Score of a header wholly explained by synonyms appearing in it (below: a partial match). */
const PARTIAL_MAX = 0.9;
/** Two partial matches this close differ only by the rarity of their words: neither is the better. */
const NEAR_TIE = 0.05;
/** Rows searched for the header (`regles.md` §1). */
export const HEADER_SEARCH_ROWS = 20;
/** Fields a row must map (for some kind) to be a header. */
const MIN_HEADER_FIELDS = 3;

/** Words that carry no meaning for matching. */
const WEAK_WORDS = new Set([
  'a', 'au', 'aux', 'd', 'de', 'des', 'du', 'e', 'en', 'et', 'l', 'la', 'le', 'les', 'par', 'pour', 'sur', 'dans',
  'un', 'une', 'ou', 'of', 'the', 'ht', 'eur', 'euro', 'euros', 'total', 'totale', 'totaux',
  // « Montant du lot », « Titulaire du lot »: a register kept per lot qualifies its columns so; no field is named by it.
  'lot', 'lots',
]);

function stem(word: string): string {
  let w = word;
  if (w.length > 3 && (w.endsWith('s') || w.endsWith('x'))) w = w.slice(0, -1);
  for (let i = 0; i < 2 && w.length > 4 && w.endsWith('e'); i++) w = w.slice(0, -1);
  return w;
}

interface Words {
  /** Meaningful word stems, unique, in order. */
  readonly stems: readonly string[];
  /** Sorted stems joined: equal keys mean the same words in any order. */
  readonly key: string;
}

function wordsOf(normalized: string): Words {
  const stems: string[] = [];
  if (normalized !== '') {
    for (const w of normalized.split(' ')) {
      if (WEAK_WORDS.has(w)) continue;
      const s = stem(w);
      if (!stems.includes(s)) stems.push(s);
    }
  }
  return { stems, key: [...stems].sort().join(' ') };
}

/** Stem of a French agent noun in `-aire(s)` (`mandataire`, `attributaire`, `prestataire`): who, not what. */
const AGENT_NOUN_END = 'air';

/**
 * A header stem matches a synonym stem when equal, or when one abbreviates the other (`notif`, `prog`).
 * An agent noun and the word it is made from never stand for each other: `mandataire` (the lead member
 * of a groupement, a supplier) is not `mandaté` (the spend), in either direction. A shorter stem that is
 * no word of the fields' names is a true abbreviation and still matches (`Titul.` for `titulaire`).
 */
function stemMatches(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4 || short.length * 2 < long.length || !long.startsWith(short)) return false;
  return !(long.endsWith(AGENT_NOUN_END) && !short.endsWith(AGENT_NOUN_END) && headerVocabulary().stems.has(short));
}

interface Candidate extends Words {
  readonly text: string;
}

interface FieldIndex {
  readonly candidates: readonly Candidate[];
  readonly weak: ReadonlySet<string>;
  readonly isAmountHT: boolean;
  /** Some name of the field says `id` or `identifiant` (numero, siret, beneficiaire): it is an identifier itself. */
  readonly isIdentifier: boolean;
}


const fieldIndexes = new WeakMap<FieldDef, FieldIndex>();

function fieldIndex(field: FieldDef): FieldIndex {
  let index = fieldIndexes.get(field);
  if (index === undefined) {
    const texts = new Set([field.label, ...field.synonyms].map(normalizeHeader).filter((t) => t !== ''));
    const candidates = [...texts].map((text) => ({ text, ...wordsOf(text) }));
    index = {
      candidates,
      isIdentifier: candidates.some((c) => c.stems.some((st) => IDENTIFIER_STEMS.has(st))),
      weak: new Set((field.weakSynonyms ?? []).map(normalizeHeader)),
      isAmountHT: field.type === 'montant',
    };
    fieldIndexes.set(field, index);
  }
  return index;
}

let weights: { readonly byStem: ReadonlyMap<string, number>; readonly unknown: number } | null = null;

/** Rarity weight of each stem over the fields of every kind (inverse document frequency). */
function stemWeights(): { readonly byStem: ReadonlyMap<string, number>; readonly unknown: number } {
  if (weights === null) {
    const stemsByField = new Map<string, Set<string>>();
    for (const kind of Object.values(SHEET_KINDS)) {
      for (const f of kind.fields as readonly FieldDef[]) {
        const set = stemsByField.get(f.id) ?? new Set<string>();
        for (const c of fieldIndex(f).candidates) for (const s of c.stems) set.add(s);
        stemsByField.set(f.id, set);
      }
    }
    const df = new Map<string, number>();
    for (const set of stemsByField.values()) for (const s of set) df.set(s, (df.get(s) ?? 0) + 1);
    const n = stemsByField.size;
    const byStem = new Map<string, number>();
    for (const [s, count] of df) byStem.set(s, Math.log(1 + n / count));
    weights = { byStem, unknown: Math.log(1 + n) };
  }
  return weights;
}

const NUMBER_WORD = /^[0-9]+$/;
const ADDRESS_STEM = stem('adresse');
/** The fields an address is made of: a header naming the address may name one of them. */
const ADDRESS_PARTS: ReadonlySet<string> = new Set(['codePostalTitulaire', 'communeTitulaire', 'paysTitulaire', 'communeResidence']);
/** Stems that make a header name an identifier rather than a thing (`acheteur.id`, `titulaire.typeIdentifiant`). */
const IDENTIFIER_STEMS = new Set(['id', 'identifiant']);

function stemWeight(s: string): number {
  const w = stemWeights();
  // A year or a number in a header (`Mandaté 2024`) is decoration more than meaning.
  return w.byStem.get(s) ?? (NUMBER_WORD.test(s) ? 1 : w.unknown);
}

interface HeaderWords extends Words {
  readonly hasTTC: boolean;
  /** Names an identifier (`id`, `identifiant`): only a whole match counts. */
  readonly isIdentifier: boolean;
  readonly weights: readonly number[];
  readonly totalWeight: number;
}

/** `ttc` as a word or glued to one (`MontantTTC`), or spelt `T.T.C.` (normalised `t t c`). */
const SAYS_TTC = /ttc|(?:^| )t t c(?: |$)/;

/**
 * A normalised header that speaks of money (`Montant modifié HT`, `Avenant n°1 HT`, `Avenants
 * (montant HT)`): it holds euros, never a count. Its unit in euros says so too (`unitSaysEuros`).
 */
const MONEY_WORDS = new Set(['montant', 'montants', 'ht', 'ttc', 'eur', 'euro', 'euros', 'keur', 'keuros', 'meur', 'meuros']);
function headerSaysMoney(normalized: string): boolean {
  return normalized.split(' ').some((w) => MONEY_WORDS.has(w));
}

/**
 * A header that names a date (`Date avenant 1`, `Date de fin`): it holds days, never a count or a name.
 * « à date » (`Mandaté à date`, `Heures réalisées à date`) means « so far »: no date.
 */
function headerSaysDate(normalized: string): boolean {
  return /(?:^| )dates?(?: |$)/.test(normalized.replace(/(?:^| )a (?:la )?date(?= |$)/g, ' '));
}

/** A header that speaks of a share (`Gain (%)`, `Taux de gain`): no field measured in euros, days, hours or units. */
function headerSaysShare(display: string, normalized: string): boolean {
  return SHARE_UNIT.test(display) || /(?:^| )(?:taux|pourcentage|pct)(?: |$)/.test(normalized);
}
/** `%` as the header's unit: first, last, or in its final bracket (`(%)`, `[en %]`: normalizeHeader drops both); not `Montant HT (TVA 20 %)`. */
const SHARE_UNIT = /^\s*%|[([]\s*(?:en\s+)?%\s*[)\]]\s*$|(?:^|\s)(?:en\s+)?%\s*$/;

/** A header that speaks of a delay (`Délai de mandatement`): days, never an amount. (Not `durée`: `Montant sur la durée du marché HT` is the amount.) */
function headerSaysDelay(normalized: string): boolean {
  return /(?:^| )(?:delai|delais)(?: |$)/.test(normalized);
}

const headerCache = new Map<string, HeaderWords>();

function headerWords(normalized: string): HeaderWords {
  let h = headerCache.get(normalized);
  if (h === undefined) {
    const words = wordsOf(normalized);
    const ws = words.stems.map(stemWeight);
    h = {
      ...words,
      hasTTC: SAYS_TTC.test(normalized),
      isIdentifier: words.stems.some((st) => IDENTIFIER_STEMS.has(st)),
      weights: ws,
      totalWeight: ws.reduce((a, b) => a + b, 0),
    };
    if (headerCache.size > 5000) headerCache.clear();
    headerCache.set(normalized, h);
  }
  return h;
}

// ---------------------------------------------------------------- words run together

/** Shortest piece a run-together word is cut into (`id`, `cp`, `de`). */
const MIN_PIECE = 2;
/** Shorter words are never cut: too many ways to spell them with pieces. */
const MIN_CUT = 5;
/** Longer words are never cut: no header runs so many words together, and a long text is not a header. */
const MAX_CUT = 48;
/** Small words that end too many others to be a piece (`modele` is not `mode le`). */
const NO_PIECE = new Set(['le', 'la', 'les', 'en', 'et', 'au', 'aux', 'un', 'une']);

interface Vocabulary {
  readonly words: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  /** Length of the longest word: no piece is longer. */
  readonly longest: number;
}

let vocabulary: Vocabulary | null = null;

/** Every word of every field's label, synonyms and weak synonyms, normalised, of every kind of sheet. */
function headerVocabulary(): Vocabulary {
  if (vocabulary === null) {
    const words = new Set<string>();
    for (const kind of Object.values(SHEET_KINDS)) {
      for (const f of kind.fields as readonly FieldDef[]) {
        for (const name of [f.label, ...f.synonyms, ...(f.weakSynonyms ?? [])]) {
          for (const w of normalizeHeader(name).split(' ')) if (w.length >= MIN_PIECE && !NO_PIECE.has(w)) words.add(w);
        }
      }
    }
    vocabulary = { words, stems: new Set([...words].map(stem)), longest: Math.max(...[...words].map((w) => w.length)) };
  }
  return vocabulary;
}

/** The fewest vocabulary words `word` is made of, or null when it is not made of them only. */
function cutWord(word: string, { words, longest }: Vocabulary): string[] | null {
  // best[i]: fewest pieces spelling word[0, i), with the start of its last piece
  const best: { count: number; from: number }[] = [{ count: 0, from: -1 }];
  for (let i = MIN_PIECE; i <= word.length; i++) {
    for (let j = Math.max(0, i - longest); j + MIN_PIECE <= i; j++) {
      const before = best[j];
      if (before === undefined || !words.has(word.slice(j, i))) continue;
      if (best[i] === undefined || before.count + 1 < best[i].count) best[i] = { count: before.count + 1, from: j };
    }
  }
  if (best[word.length] === undefined) return null;
  const pieces: string[] = [];
  for (let i = word.length; i > 0; i = best[i].from) pieces.unshift(word.slice(best[i].from, i));
  return pieces;
}

const keyCache = new Map<string, string>();

/**
 * A header as compared with the fields' names: `normalizeHeader`, then each word that is none of
 * the fields' words but is several of them run together cut into them (`datenotification` →
 * `date notification`, `titulaire denominationsociale` → `titulaire denomination sociale`). Case
 * is still ignored: camelCase is read as the lower-case word it becomes.
 */
export function headerKey(text: string): string {
  const normalized = normalizeHeader(text);
  let key = keyCache.get(normalized);
  if (key === undefined) {
    const vocab = headerVocabulary();
    const { words, stems } = vocab;
    key = normalized
      .split(' ')
      .map((w) => {
        if (w.length < MIN_CUT || w.length > MAX_CUT || words.has(w) || stems.has(stem(w))) return w;
        const pieces = cutWord(w, vocab);
        return pieces !== null && pieces.length > 1 ? pieces.join(' ') : w;
      })
      .join(' ');
    if (keyCache.size > 5000) keyCache.clear();
    keyCache.set(normalized, key);
  }
  return key;
}

/**
 * How well a normalised header names a field, from 0 (not at all) to 1
 * (exactly its label or a synonym). See the module comment for the scale.
 */
export function scoreHeader(normalizedHeader: string, field: FieldDef): number {
  if (normalizedHeader === '') return 0;
  let memo = scoreMemo.get(field);
  if (memo === undefined) {
    memo = new Map();
    scoreMemo.set(field, memo);
  }
  let s = memo.get(normalizedHeader);
  if (s === undefined) {
    if (memo.size > 2000) memo.clear();
    s = computeScore(normalizedHeader, field);
    memo.set(normalizedHeader, s);
  }
  return s;
}

const scoreMemo = new WeakMap<FieldDef, Map<string, number>>();

/** The header words (by position in its stems) explained by synonyms of `field` that appear whole in the header; null when none. */
function coveredWords(h: HeaderWords, index: FieldIndex): boolean[] | null {
  const covered = new Array<boolean>(h.stems.length).fill(false);
  let any = false;
  for (const c of index.candidates) {
    if (c.stems.length === 0) continue;
    const hits: number[] = [];
    for (const cs of c.stems) {
      const at = h.stems.findIndex((hs) => stemMatches(hs, cs));
      if (at < 0) break;
      hits.push(at);
    }
    if (hits.length < c.stems.length) continue;
    for (const at of hits) covered[at] = true;
    any = true;
  }
  return any ? covered : null;
}

/**
 * True when a header partly matching two fields names both equally (`regles.md` §1: « a header
 * that maps equally well to two fields is left for the user to choose »): each field explains
 * words the other does not, and together they explain the whole header
 * (`Critère social / env.`, `Clause sociale et environnementale`). Word rarity does not then
 * pick one of the two.
 */
export function namesBoth(normalizedHeader: string, a: FieldDef, b: FieldDef): boolean {
  const h = headerWords(normalizedHeader);
  const ia = fieldIndex(a);
  const ib = fieldIndex(b);
  if (h.hasTTC && (ia.isAmountHT || ib.isAmountHT)) return false;
  const ca = coveredWords(h, ia);
  const cb = coveredWords(h, ib);
  if (ca === null || cb === null) return false;
  let onlyA = false;
  let onlyB = false;
  for (let i = 0; i < h.stems.length; i++) {
    if (!ca[i] && !cb[i]) return false;
    if (ca[i] && !cb[i]) onlyA = true;
    if (cb[i] && !ca[i]) onlyB = true;
  }
  return onlyA && onlyB;
}

function computeScore(normalizedHeader: string, field: FieldDef): number {
  const index = fieldIndex(field);
  const h = headerWords(normalizedHeader);
  if (index.isAmountHT && h.hasTTC) return 0;
  for (const c of index.candidates) if (c.text === normalizedHeader) return 1;
  if (h.stems.length === 0) return 0;
  for (const c of index.candidates) if (c.key === h.key) return 0.95;
  if (index.weak.has(normalizedHeader)) return MIN_SCORE;
  // An address (`Adresse du fournisseur`) is where a supplier is, never its name: only its weak synonyms name it,
  // and the address's own parts (`Code postal (adresse du titulaire)`, `Adresse - Ville`).
  if (h.stems.includes(ADDRESS_STEM) && !ADDRESS_PARTS.has(field.id)) return 0;

  // Coverage: the header words explained by synonyms that appear whole in the header.
  const covered = coveredWords(h, index);
  if (covered === null) return 0;
  let w = 0;
  for (let i = 0; i < covered.length; i++) {
    if (covered[i]) w += h.weights[i];
    // The buyer's SIRET (`acheteur.id`) is not the Acheteur: an identifier matches a name field whole or not at all.
    else if (h.isIdentifier && !index.isIdentifier && !NUMBER_WORD.test(h.stems[i])) return 0;
  }
  const coverage = h.totalWeight > 0 ? w / h.totalWeight : 0;
  if (coverage >= 1 - 1e-12) return PARTIAL_MAX;
  return coverage >= MIN_COVERAGE ? 0.4 + 0.5 * coverage : 0;
}

/**
 * Where a header stands among the field's label and synonyms, in `champs.md` order (the
 * label first); past the end when it is none of them exactly. Two columns naming one field
 * equally well go to the more canonical name: `Montant notifié HT` (the label) before
 * `Montant estimé HT` (the last synonym).
 */
function synonymRank(normalizedHeader: string, field: FieldDef): number {
  const { candidates, weak } = fieldIndex(field);
  const at = candidates.findIndex((c) => c.text === normalizedHeader);
  // A weak synonym (`id`) comes after every other header naming the field.
  return at >= 0 ? at : weak.has(normalizedHeader) ? candidates.length + 1 : candidates.length;
}

// ---------------------------------------------------------------- one header row

interface HeaderRowMapping {
  columns: MappedColumn[];
  ambiguous: { col: number; header: string; fields: string[] }[];
  unmapped: { col: number; header: string; aside?: boolean }[];
  /** The user's choices that name no column of this header any more (a header renamed since). */
  lost?: LostChoice[];
  /** How many of the user's choices name a column of this header. */
  applied?: number;
}

const SPACES = /\s+/g;

/** Header cell as shown in messages: text with its spaces and line breaks collapsed; numbers as digits. */
export function headerText(cell: CellValue | undefined): string {
  if (typeof cell === 'string') return cell.replace(SPACES, ' ').trim();
  if (typeof cell === 'number') return String(cell);
  return '';
}

interface ResolvedOverride {
  readonly columns: Readonly<Record<string, string | null>>;
}

const COLUMN_LETTERS = /^[A-Z]{1,3}$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const NO_COLUMNS: ReadonlySet<number> = new Set();

/** Maps already-normalised headers; `display[j]`, `normalized[j]` are sheet column `firstCol + j`. */
function mapNormalizedRow(
  display: readonly string[],
  normalized: readonly string[],
  fields: readonly FieldDef[],
  firstCol: number,
  override: ResolvedOverride | null,
  unmappable: ReadonlySet<number> = NO_COLUMNS,
): HeaderRowMapping {
  const bestOf: { field: FieldDef; score: number }[] = [];
  const ambiguous: HeaderRowMapping['ambiguous'] = [];
  const unmappedCols = new Set<number>();

  for (let j = 0; j < normalized.length; j++) {
    const h = normalized[j];
    if (h === '') continue;
    const col = firstCol + j;
    // A merged header repeats its text in the next columns: map the first one only.
    if ((j > 0 && normalized[j - 1] === h && display[j - 1] === display[j]) || unmappable.has(col)) {
      unmappedCols.add(col);
      continue;
    }
    let best = 0;
    let tied: FieldDef[] = [];
    const scored: { f: FieldDef; s: number }[] = [];
    // Amounts are no counts, dates nothing but dates: `Avenants (montant HT)` is not the number of avenants.
    const money = headerSaysMoney(h) || unitSaysEuros(display[j]);
    const dated = headerSaysDate(h);
    // A share or a delay is no amount: `Gain (%)` summed as euros, `Délai de mandatement` as the spend.
    const share = headerSaysShare(display[j], h);
    const delay = headerSaysDelay(h);
    for (const f of fields) {
      if ((money && f.type === 'entier') || (dated && f.type !== 'date')) continue;
      if ((share && unitsAllowed(f) !== undefined) || (delay && f.type === 'montant')) continue;
      const s = scoreHeader(h, f);
      if (s < MIN_SCORE) continue;
      scored.push({ f, s });
      if (s > best + TIE) {
        best = s;
        tied = [f];
      } else if (s >= best - TIE) tied.push(f);
    }
    // A partial match (below a whole-header match) ties with a field naming the rest of the header
    // about as well: `Critère social / env.` (0.746 / 0.727), not `Montant mandaté du marché`
    // (0.790 / 0.655) nor `Catégorie d'entreprise du titulaire` (0.775 / 0.713), which a reader takes for the first.
    if (tied.length === 1 && best < PARTIAL_MAX - TIE) {
      for (const { f, s } of scored) if (f !== tied[0] && best - s <= NEAR_TIE && namesBoth(h, tied[0], f)) tied.push(f);
    }
    if (tied.length === 0) unmappedCols.add(col);
    else if (tied.length > 1) ambiguous.push({ col, header: display[j], fields: tied.map((f) => f.id) });
    else bestOf[j] = { field: tied[0], score: best };
  }

  // Each field to one column: best score, then the more canonical name (`synonymRank`), then leftmost.
  const fieldToCol = new Map<string, number>();
  const scoreOfField = new Map<string, number>();
  for (let j = 0; j < normalized.length; j++) {
    const b = bestOf[j];
    if (b === undefined) continue;
    const previous = scoreOfField.get(b.field.id);
    const better =
      previous === undefined ||
      b.score > previous + TIE ||
      (b.score >= previous - TIE && synonymRank(normalized[j], b.field) < synonymRank(normalized[fieldToCol.get(b.field.id)! - firstCol], b.field));
    if (better) {
      if (previous !== undefined) unmappedCols.add(fieldToCol.get(b.field.id)!);
      fieldToCol.set(b.field.id, firstCol + j);
      scoreOfField.set(b.field.id, b.score);
    } else unmappedCols.add(firstCol + j);
  }

  const colToField = new Map<number, string>();
  for (const [id, col] of fieldToCol) colToField.set(col, id);
  const ambiguousCols = new Set(ambiguous.map((a) => a.col));

  const lost: LostChoice[] = [];
  /** Columns the user set aside (`— aucune colonne —`): told apart from the ones no field recognised. */
  const aside = new Set<number>();
  let applied = 0;
  if (override !== null) {
    const ids = new Set(fields.map((f) => f.id));
    for (const [key, target] of Object.entries(override.columns)) {
      if (target !== null && !ids.has(target)) continue;
      const col = overrideColumn(key, normalized, firstCol);
      if (col === null) {
        lost.push({ header: key, field: target });
        continue;
      }
      applied++;
      const current = colToField.get(col);
      if (current !== undefined) colToField.delete(col);
      ambiguousCols.delete(col);
      if (target === null) {
        unmappedCols.add(col);
        aside.add(col);
        continue;
      }
      for (const [c, id] of colToField) {
        if (id === target) {
          colToField.delete(c);
          unmappedCols.add(c);
        }
      }
      colToField.set(col, target);
      unmappedCols.delete(col);
    }
  }

  const headerAt = (col: number): string => display[col - firstCol] || columnLetter(col);
  const columns = [...colToField]
    .sort((a, b) => a[0] - b[0])
    .map(([col, field]) => ({ col, header: headerAt(col), field }));
  return {
    columns,
    ambiguous: ambiguous.filter((a) => ambiguousCols.has(a.col)),
    unmapped: [...unmappedCols]
      .filter((c) => !colToField.has(c) && (display[c - firstCol] ?? '') !== '')
      .sort((a, b) => a - b)
      .map((col) => ({ col, header: headerAt(col), ...(aside.has(col) ? { aside: true } : {}) })),
    ...(override !== null ? { lost, applied } : {}),
  };
}

/**
 * An ambiguous column as the pane's Colonnes step and the command line name it: its header, its letter
 * and its candidate fields (`« Clause sociale et environnementale » (colonne E : Clause environnementale ou Clause sociale)`).
 */
export function ambiguousColumnText(a: SheetMapping['ambiguous'][number], label: (field: string) => string): string {
  return `« ${a.header} » (colonne ${columnLetter(a.col)} : ${a.fields.map(label).join(' ou ')})`;
}

/** An unused column as the pane and the command line list it: « Observations » (écartée par vous). */
export function unusedColumnText(u: SheetMapping['unmapped'][number]): string {
  return `« ${u.header} »${u.aside ? ' (écartée par vous)' : ''}`;
}

/**
 * Column named by an override key: a header text (normalised) first, else a column letter
 * within the header row. A saved header such as « TTC » that was renamed since is not
 * taken for the far-away column TTC: it names no column, and automatic recognition applies.
 */
function overrideColumn(key: string, normalized: readonly string[], firstCol: number): number | null {
  const nk = headerKey(key);
  if (nk !== '') {
    const j = normalized.indexOf(nk);
    if (j >= 0) return firstCol + j;
  }
  const letters = key.trim();
  if (!COLUMN_LETTERS.test(letters)) return null;
  const col = columnNumber(letters);
  return col >= firstCol && col < firstCol + normalized.length ? col : null;
}

/**
 * Maps one header row: each field to at most one column (best score, then
 * leftmost), each column to at most one field; a header whose best score is
 * shared by two fields is ambiguous and left unmapped.
 */
export function mapHeaderRow(
  headers: readonly (string | null)[],
  fields: readonly FieldDef[],
  firstCol: number,
): HeaderRowMapping {
  const display = headers.map((h) => headerText(h));
  const normalized = display.map((h) => headerKey(h));
  return mapNormalizedRow(display, normalized, fields, firstCol, null);
}

// ---------------------------------------------------------------- sheets

const KIND_ORDER = Object.keys(SHEET_KINDS) as SheetKind[];

function requiredOf(kind: SheetKind): readonly string[] {
  if (kind === 'registre') return REQUIRED_FIELDS;
  return (SHEET_KINDS[kind].fields as readonly FieldDef[]).filter((f) => f.required).map((f) => f.id);
}


function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, 'fr', { sensitivity: 'accent' }) === 0;
}

/** The override that applies to a sheet: the last naming it, sheet and file names compared as Excel does (case aside). */
export function overrideFor(file: string, sheet: string, overrides: readonly MappingOverride[] | undefined): MappingOverride | null {
  if (overrides === undefined) return null;
  const baseName = (p: string) => p.replace(/^.*[\\/]/, '');
  for (let i = overrides.length - 1; i >= 0; i--) {
    const o = overrides[i];
    if (!sameName(o.sheet, sheet)) continue;
    if (o.file !== undefined && !sameName(baseName(o.file), baseName(file))) continue;
    return o;
  }
  return null;
}

/** The header place an override says (`headerRow`, `headerRows`), to carry into another choice for the same sheet. */
export function overrideHeader(o: MappingOverride | null | undefined): Pick<MappingOverride, 'headerRow' | 'headerRows'> {
  if (o?.headerRow === undefined) return {};
  return o.headerRows === undefined ? { headerRow: o.headerRow } : { headerRow: o.headerRow, headerRows: o.headerRows };
}

function isHeaderCell(cell: CellValue | undefined): boolean {
  return cell !== undefined && cell !== null && !isCalendarDate(cell) && !isCellError(cell) && typeof cell !== 'boolean';
}

interface RowCandidate {
  readonly row: number;
  readonly firstCol: number;
  readonly display: readonly string[];
  readonly normalized: readonly string[];
  /** Sheet columns left for the user to choose, never mapped by their header (`combinedHeader`). */
  readonly unmappable?: ReadonlySet<number>;
}

function rowCandidate(grid: SheetGrid, row: number, fromCol?: number, toCol?: number): RowCandidate | null {
  const cells = grid.rows[row - grid.firstRow];
  if (cells === undefined) return null;
  const first = Math.max(fromCol ?? grid.firstCol, grid.firstCol);
  const last = toCol ?? grid.firstCol + cells.length - 1;
  const display: string[] = [];
  const normalized: string[] = [];
  for (let col = first; col <= last; col++) {
    const cell = cells[col - grid.firstCol];
    const text = isHeaderCell(cell) ? headerText(cell) : '';
    display.push(text);
    normalized.push(text === '' ? '' : headerKey(text));
  }
  return { row, firstCol: first, display, normalized };
}

interface Evaluated {
  readonly kind: SheetKind | null;
  readonly byKind: ReadonlyMap<SheetKind, HeaderRowMapping>;
  readonly best: number;
}

function evaluate(c: RowCandidate, override: ResolvedOverride | null): Evaluated {
  const byKind = new Map<SheetKind, HeaderRowMapping>();
  let best = 0;
  for (const kind of KIND_ORDER) {
    const m = mapNormalizedRow(c.display, c.normalized, SHEET_KINDS[kind].fields, c.firstCol, override, c.unmappable);
    byKind.set(kind, m);
    best = Math.max(best, m.columns.length);
  }
  return { kind: best >= MIN_HEADER_FIELDS ? classify(byKind) : null, byKind, best };
}

function hasAll(m: HeaderRowMapping, required: readonly string[]): boolean {
  return required.every((id) => m.columns.some((c) => c.field === id));
}

/**
 * `registre` when its four required fields map; otherwise the companion kind
 * whose required fields all map with the most columns — unless the register
 * kind maps more columns still (an incomplete register is no companion sheet).
 */
function classify(byKind: ReadonlyMap<SheetKind, HeaderRowMapping>): SheetKind | null {
  const registre = byKind.get('registre')!;
  if (hasAll(registre, REQUIRED_FIELDS)) return 'registre';
  let chosen: SheetKind | null = null;
  let count = 0;
  for (const kind of KIND_ORDER) {
    if (kind === 'registre') continue;
    const m = byKind.get(kind)!;
    if (m.columns.length > count && hasAll(m, requiredOf(kind))) {
      chosen = kind;
      count = m.columns.length;
    }
  }
  return chosen !== null && count >= registre.columns.length ? chosen : null;
}

function headerRowCandidates(grid: SheetGrid, override: MappingOverride | null): RowCandidate[] {
  const out: RowCandidate[] = [];
  const tableOf = (row: number): TableArea | undefined => grid.tables.find((t) => t.headerRow === row);
  const push = (c: RowCandidate | null) => {
    if (c !== null) out.push(c);
  };
  if (override?.headerRow !== undefined) {
    const t = tableOf(override.headerRow);
    push(rowCandidate(grid, override.headerRow, t?.firstCol, t?.lastCol));
    return out;
  }
  const tables = [...grid.tables].sort((a, b) => a.headerRow - b.headerRow || a.firstCol - b.firstCol);
  for (const t of tables) push(rowCandidate(grid, t.headerRow, t.firstCol, t.lastCol));
  const last = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < last; i++) push(rowCandidate(grid, grid.firstRow + i));
  return out;
}

/**
 * The user's choice shapes this mapping: a column choice that still names a column, or a header row
 * chosen alone (the pane saves the header row with every column choice: with those all lost, the
 * columns are no longer the user's).
 */
function userChose(override: MappingOverride | null, m: HeaderRowMapping): boolean {
  if (override === null) return false;
  return (m.applied ?? 0) > 0 || (override.headerRow !== undefined && Object.keys(override.columns).length === 0);
}

function toSheetMapping(
  file: string,
  sheet: string,
  kind: SheetKind,
  row: number,
  m: HeaderRowMapping,
  explicit: boolean,
  firstHeaderRow?: number,
): SheetMapping {
  const first = firstHeaderRow === undefined ? {} : { firstHeaderRow };
  const lost = m.lost !== undefined && m.lost.length > 0 ? { lostChoices: m.lost } : {};
  return { file, sheet, kind, headerRow: row, ...first, columns: m.columns, ambiguous: m.ambiguous, unmapped: m.unmapped, explicit, ...lost };
}

/**
 * Recognises one sheet: its header row (the header of an Excel table first,
 * then the first of the first 20 rows that maps at least 3 fields of a kind and
 * classifies) and its column mapping, with the user's override applied.
 * Returns [] for `SPASER …` sheets and sheets with no recognisable table.
 */
export function detectSheet(file: string, grid: SheetGrid, overrides?: readonly MappingOverride[]): SheetMapping[] {
  if (isSpaserSheet(grid.name)) return [];
  const override = overrideFor(file, grid.name, overrides);
  // A sheet is recognised by the run, then again by the checks of incomplete registers and by the
  // pane: once per grid, file and choice of the user (200 sheets cost twice the time otherwise).
  let known = detected.get(grid);
  if (known === undefined) detected.set(grid, (known = new Map()));
  const key = `${file}\u0000${override === null ? '' : JSON.stringify(override)}`;
  let mappings = known.get(key);
  if (mappings === undefined) known.set(key, (mappings = detectAnew(file, grid, override)));
  return mappings;
}

/** Mappings already found, by grid, then by file and the user's choice for the sheet. */
const detected = new WeakMap<SheetGrid, Map<string, SheetMapping[]>>();

function detectAnew(file: string, grid: SheetGrid, override: MappingOverride | null): SheetMapping[] {
  for (const c of headerRowCandidates(grid, override)) {
    const e = evaluate(c, override);
    if (e.kind !== null) {
      const read = readHeader(grid, c, e.kind, e.byKind.get(e.kind)!, override, false);
      return [toSheetMapping(file, grid.name, e.kind, read.row, read.mapping, userChose(override, read.mapping), read.firstHeaderRow)];
    }
    // A register said on two rows may be one only on both: the pane lists an incomplete one's
    // headers as read on both rows (`findIncompleteRegisters`), and a column chosen there may
    // name a header of the second row.
    const registre = e.byKind.get('registre')!;
    if (!saysTwoRows(override) || !looksLikeRegister(registre)) continue;
    const read = readHeader(grid, c, 'registre', registre, override, false);
    if (read.firstHeaderRow !== undefined) return [toSheetMapping(file, grid.name, 'registre', read.row, read.mapping, userChose(override, read.mapping), read.firstHeaderRow)];
  }
  return [];
}

/** The user said the header is on two rows, from the row said. */
function saysTwoRows(override: MappingOverride | null): boolean {
  return override?.headerRow !== undefined && override.headerRows === 2;
}

/** At least 3 register fields, one of them required: a register, maybe incomplete. */
function looksLikeRegister(m: HeaderRowMapping): boolean {
  return m.columns.length >= MIN_HEADER_FIELDS && m.columns.some((col) => REQUIRED_FIELDS.includes(col.field as never));
}

/**
 * The header that starts at `upper`, a `kind` sheet's header there (`upperMapping`): with the row
 * below when the sheet shows it or the user said so (`secondHeaderRow`), else on its own row. With
 * `incomplete`, a register missing required columns is read on both rows as it would be complete.
 */
function readHeader(
  grid: SheetGrid,
  upper: RowCandidate,
  kind: SheetKind,
  upperMapping: HeaderRowMapping,
  override: MappingOverride | null,
  incomplete: boolean,
): { row: number; mapping: HeaderRowMapping; firstHeaderRow?: number } {
  // A header row chosen by the user is where the header starts: the row below may complete it,
  // or does when the user said so (`headerRows`) — unless it is a complete row of data: the sheet
  // changed since (its sub-header deleted), and a contract never vanishes into the header.
  const rows = override?.headerRow !== undefined ? override.headerRows : undefined;
  const forced = rows === 2 && !isCompleteRow(grid, kind, upperMapping.columns, upper.row + 1);
  const two = rows === 1 ? null : secondHeaderRow(grid, upper, kind, upperMapping, override, forced, incomplete);
  return two === null ? { row: upper.row, mapping: upperMapping } : { ...two, firstHeaderRow: upper.row };
}

/**
 * A header on two rows, read as a person reads it. Header cells merged over both rows echo
 * their text on the second (`spreadMerges`); a group label stands over its sub-headers
 * (« Clauses » over « Clause sociale », « Clause environnementale »; « Montant » over « HT »,
 * « TTC »). The row below the header is part of it when it holds only texts and either repeats
 * two of the header's texts in their columns or holds nothing but such echoes and sub-headers of
 * groups, and when, read with the header (`combinedHeader`), it maps as many columns of the same
 * kind. Not for an Excel table, whose header is one row.
 */
function secondHeaderRow(
  grid: SheetGrid,
  upper: RowCandidate,
  kind: SheetKind,
  upperMapping: HeaderRowMapping,
  override: ResolvedOverride | null,
  /** The user said the header is on two rows: the row below is read as its second, whatever texts or numbers it holds. */
  forced: boolean,
  /** A register (`kind`) missing required columns: read on both rows when they still look like one. */
  incomplete: boolean,
): { row: number; mapping: HeaderRowMapping } | null {
  const both = combinedHeader(grid, upper, kind, forced);
  if (both === null) return null;
  const e = evaluate(both, override);
  const mapping = e.byKind.get(kind)!;
  const same = e.kind === kind || (incomplete && looksLikeRegister(mapping));
  return same && (forced || mapping.columns.length >= upperMapping.columns.length) ? { row: both.row, mapping } : null;
}

/**
 * The header read on `upper` and the row below, or null when that row is no part of it
 * (`secondHeaderRow`). Each column: the lower text, else the upper one; within a group, the label
 * followed by the sub-header unless that names the same field as the sub-header alone (or none
 * when it names one); under a single label, the label when the lower text names nothing and the
 * label something (a note). Columns whose group label contradicts the field found are `unmappable`.
 */
function combinedHeader(grid: SheetGrid, upper: RowCandidate, kind: SheetKind, forced: boolean): RowCandidate | null {
  if (grid.tables.some((t) => t.headerRow === upper.row)) return null;
  const lower = rowCandidate(grid, upper.row + 1, upper.firstCol, upper.firstCol + upper.normalized.length - 1);
  if (lower === null) return null;
  const groupOf = groupLabels(upper, lower);
  const echo = (j: number) => lower.normalized[j] !== '' && lower.normalized[j] === upper.normalized[j];
  const echoes = lower.normalized.filter((_, j) => echo(j)).length;
  const subHeadersOnly = groupOf.some((g) => g >= 0) && lower.normalized.every((h, j) => h === '' || echo(j) || groupOf[j] >= 0);
  // One cell equal to its header may be data (an objet « Objet »); two, or sub-headers only, are not.
  if (!forced && (!onlyTexts(grid, lower) || (echoes < 2 && !subHeadersOnly))) return null;
  const fields = SHEET_KINDS[kind].fields as readonly FieldDef[];
  const display: string[] = [];
  const normalized: string[] = [];
  const unmappable = new Set<number>();
  for (let j = 0; j < upper.normalized.length; j++) {
    const sub = lower.normalized[j];
    const g = groupOf[j];
    let text = { display: lower.display[j], normalized: sub };
    if (sub === '') text = { display: upper.display[j], normalized: upper.normalized[j] };
    else if (g >= 0) {
      // The group label gives the sub-header its sense (« Insertion » › « Réalisé » is the hours
      // done, not the spend): the label followed by the sub-header, unless it names the same field
      // as the sub-header alone, or none when the sub-header names one.
      const composed = `${upper.display[g]} ${lower.display[j]}`;
      const key = headerKey(composed);
      const named = bestField(key, fields);
      const alone = bestField(sub, fields);
      const found = named ?? alone;
      if (found !== null && labelContradicts(upper.normalized[g], sub, key, found, fields)) {
        // Whatever it is, the user may choose it.
        text = { display: composed, normalized: key };
        unmappable.add(upper.firstCol + j);
      } else if (named === null ? alone === null : named !== alone) text = { display: composed, normalized: key };
    } else if (sub !== upper.normalized[j] && bestField(sub, fields) === null && bestField(upper.normalized[j], fields) !== null) {
      // A note under a single label (« Clause sociale » over « Oui/Non ») leaves the label.
      text = { display: upper.display[j], normalized: upper.normalized[j] };
    }
    display.push(text.display);
    normalized.push(text.normalized);
  }
  return { row: lower.row, firstCol: upper.firstCol, display, normalized, unmappable };
}

/**
 * The group label points to another field than `found`: a word of the label that `found` leaves
 * unexplained is, with a word of the sub-header, in a name of another field (« Insertion » ›
 * « Réalisé »: `Heures d'insertion réalisées`, not the spend that « réalisé » names alone).
 */
function labelContradicts(label: string, sub: string, composed: string, found: FieldDef, fields: readonly FieldDef[]): boolean {
  const h = headerWords(composed);
  const covered = coveredWords(h, fieldIndex(found)) ?? [];
  const loose = wordsOf(label).stems.filter((st) => !covered[h.stems.indexOf(st)]);
  if (loose.length === 0) return false;
  const subStems = wordsOf(sub).stems;
  const has = (stems: readonly string[], words: readonly string[]) => stems.some((cs) => words.some((w) => stemMatches(w, cs)));
  return fields.some((f) => f !== found && fieldIndex(f).candidates.some((c) => has(c.stems, loose) && has(c.stems, subStems)));
}

/**
 * The header texts of a sheet on two rows as the program reads them (`Montant HT` from
 * « Montant » over « HT »), by sheet column, for the pane's choice of columns; null for a
 * header on one row, whose texts are its cells.
 */
export function twoRowHeaderTexts(grid: SheetGrid, mapping: SheetMapping): { col: number; text: string }[] | null {
  if (mapping.firstHeaderRow === undefined) return null;
  const upper = rowCandidate(grid, mapping.firstHeaderRow);
  // Found or said by the user, the header is on two rows: read as the run read it.
  const both = upper === null ? null : combinedHeader(grid, upper, mapping.kind, true);
  if (both === null) return null;
  return both.display.flatMap((text, j) => (text === '' ? [] : [{ col: both.firstCol + j, text }]));
}

/**
 * For each column, the column of its group label, or -1: a label over a sub-header of its own,
 * followed by at least one column with a sub-header and nothing above (a merged label is
 * spread in its first column only).
 */
function groupLabels(upper: RowCandidate, lower: RowCandidate): number[] {
  const n = upper.normalized.length;
  const out = new Array<number>(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const label = upper.normalized[k];
    if (label === '' || lower.normalized[k] === '' || lower.normalized[k] === label) continue;
    let end = k + 1;
    while (end < n && upper.normalized[end] === '' && lower.normalized[end] !== '') end++;
    if (end - k < 2) continue;
    for (let j = k; j < end; j++) out[j] = k;
    k = end - 1;
  }
  return out;
}

/** The field a header names best (at least `MIN_SCORE`), or null. */
function bestField(normalizedHeader: string, fields: readonly FieldDef[]): FieldDef | null {
  let best: FieldDef | null = null;
  let score = MIN_SCORE - TIE;
  for (const f of fields) {
    const s = scoreHeader(normalizedHeader, f);
    if (s > score) {
      best = f;
      score = s;
    }
  }
  return best;
}

/** A row of texts only: no number, date, yes/no or error, which only data hold. */
function onlyTexts(grid: SheetGrid, lower: RowCandidate): boolean {
  const cells = grid.rows[lower.row - grid.firstRow];
  for (let j = 0; j < lower.normalized.length; j++) {
    const cell = cells[lower.firstCol + j - grid.firstCol] ?? null;
    if (cell !== null && typeof cell !== 'string') return false;
  }
  return true;
}

/** Where a sheet's header is: its (first) row and its number of rows. */
export interface HeaderPlace {
  readonly headerRow: number;
  readonly headerRows: 1 | 2;
}

/** Where a mapping's header is. */
export function headerPlaceOf(mapping: SheetMapping): HeaderPlace {
  return mapping.firstHeaderRow === undefined ? { headerRow: mapping.headerRow, headerRows: 1 } : { headerRow: mapping.firstHeaderRow, headerRows: 2 };
}

/**
 * The header places the user may choose for a sheet: each row of the header search (and each
 * table's header), alone or with the row below, that makes the sheet a `kind` sheet with the
 * user's column choices `columns`. Choosing another place never makes the sheet vanish from the
 * pane's list, where it could not be chosen back. The row below joins the header only when it is
 * no complete row of data (a sub-header alone, years over amounts).
 */
export function headerPlaces(file: string, grid: SheetGrid, kind: SheetKind, columns: MappingOverride['columns'] = {}): HeaderPlace[] {
  const rows = new Set(grid.tables.map((t) => t.headerRow));
  for (let i = 0; i < Math.min(grid.rows.length, HEADER_SEARCH_ROWS); i++) rows.add(grid.firstRow + i);
  const out: HeaderPlace[] = [];
  const at = (headerRow: number, headerRows: 1 | 2): SheetMapping | null => sheetAt(file, grid, { headerRow, headerRows }, columns, kind, false);
  for (const headerRow of [...rows].sort((a, b) => a - b)) {
    if (at(headerRow, 1) !== null) out.push({ headerRow, headerRows: 1 });
    // A first row of data is never read as the header's second row (`detectAnew`): not offered either;
    // nor an empty row, which would add nothing to the header.
    if (!isBlankRow(grid, headerRow + 1) && at(headerRow, 2) !== null) out.push({ headerRow, headerRows: 2 });
  }
  return out;
}

/**
 * The sheet read as a register with its header said at `place` (and the user's column choices
 * `columns`), as the run reads it once that is saved: complete (`detectSheet`) or not
 * (`findIncompleteRegisters`). Null when the run reads it elsewhere or as another kind.
 */
export function registerAt(file: string, grid: SheetGrid, place: HeaderPlace, columns: MappingOverride['columns'] = {}): SheetMapping | null {
  return sheetAt(file, grid, place, columns, 'registre', true);
}

/**
 * The sheet as the run reads it once `place` and `columns` are saved, when it is a `kind` sheet whose
 * header is at that very place (with `incomplete`, a register missing required columns too); else null.
 */
function sheetAt(file: string, grid: SheetGrid, place: HeaderPlace, columns: MappingOverride['columns'], kind: SheetKind, incomplete: boolean): SheetMapping | null {
  const said: MappingOverride[] = [{ sheet: grid.name, headerRow: place.headerRow, headerRows: place.headerRows, columns }];
  const [m] = detectSheet(file, grid, said);
  const read = m ?? (incomplete ? findIncompleteRegisters(file, [grid], said)[0] : undefined);
  if (read === undefined || read.kind !== kind) return null;
  const at = headerPlaceOf(read);
  return at.headerRow === place.headerRow && at.headerRows === place.headerRows ? read : null;
}

/**
 * The two-row header places the pane's form offers when no register is recognised: row r with the
 * row below where the run, told so, reads a register (maybe incomplete) mapping at least as many
 * register fields as row r alone, and the row below is neither blank nor a row of data — it holds
 * no contract's value under a required column that row r names (an incomplete register cannot
 * tell a complete row, and its first contract must not be offered as a header).
 */
export function twoRowRegisterPlaces(file: string, grid: SheetGrid, columns: MappingOverride['columns'] = {}): HeaderPlace[] {
  const out: HeaderPlace[] = [];
  for (let i = 0; i < Math.min(grid.rows.length, HEADER_SEARCH_ROWS); i++) {
    const headerRow = grid.firstRow + i;
    if (isBlankRow(grid, headerRow + 1)) continue;
    const one = registerAt(file, grid, { headerRow, headerRows: 1 }, columns);
    if (one === null || holdsContractValue(grid, one, headerRow + 1)) continue;
    const two = registerAt(file, grid, { headerRow, headerRows: 2 }, columns);
    if (two !== null && two.columns.length >= one.columns.length) out.push({ headerRow, headerRows: 2 });
  }
  return out;
}

/** Sheet row `row` holds a readable value under a required column of `mapping`, an echo of its header aside. */
function holdsContractValue(grid: SheetGrid, mapping: SheetMapping, row: number): boolean {
  const cells = grid.rows[row - grid.firstRow];
  if (cells === undefined) return false;
  const fields = SHEET_KINDS.registre.fields as readonly FieldDef[];
  return mapping.columns.some((c) => {
    const def = fields.find((f) => f.id === c.field);
    if (def === undefined || !REQUIRED_FIELDS.includes(c.field as never)) return false;
    const cell = cells[c.col - grid.firstCol] ?? null;
    // A header merged over both rows echoes its text on the second (`spreadMerges`).
    const echo = isHeaderCell(cell) && headerKey(headerText(cell)) === headerKey(c.header);
    return !echo && readField(def, cell).kind === 'value';
  });
}

/** Sheet row `row` holds nothing a person would read (or is past the sheet's end). */
export function isBlankRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.rows[row - grid.firstRow];
  return cells === undefined || cells.every(isBlankCell);
}

/** Sheet row `row` holds a readable value for every required field of `kind` in `columns`: a row of data. */
function isCompleteRow(grid: SheetGrid, kind: SheetKind, columns: readonly MappedColumn[], row: number): boolean {
  const cells = grid.rows[row - grid.firstRow];
  if (cells === undefined) return false;
  const fields = SHEET_KINDS[kind].fields as readonly FieldDef[];
  return requiredOf(kind).every((id) => {
    const col = columns.find((c) => c.field === id)?.col;
    const def = fields.find((f) => f.id === id);
    return col !== undefined && def !== undefined && readField(def, cells[col - grid.firstCol] ?? null).kind === 'value';
  });
}

/** Every sheet of a workbook, in sheet order. */
export function recogniseWorkbook(file: string, grids: readonly SheetGrid[], overrides?: readonly MappingOverride[]): SheetMapping[] {
  const out: SheetMapping[] = [];
  for (const g of grids) out.push(...detectSheet(file, g, overrides));
  return out;
}

/**
 * Sheets that look like a register (a row maps at least 3 register fields,
 * one of them required) but miss a required column, so are not sources: for
 * the task pane and the "no register" message. Sheets recognised by
 * `detectSheet` are not listed.
 */
export function findIncompleteRegisters(
  file: string,
  grids: readonly SheetGrid[],
  overrides?: readonly MappingOverride[],
): SheetMapping[] {
  const out: SheetMapping[] = [];
  for (const grid of grids) {
    if (isSpaserSheet(grid.name) || detectSheet(file, grid, overrides).length > 0) continue;
    const override = overrideFor(file, grid.name, overrides);
    for (const c of headerRowCandidates(grid, override)) {
      const m = evaluate(c, override).byKind.get('registre')!;
      if (!looksLikeRegister(m)) continue;
      // Read on the rows the user said, as `detectSheet` reads it once complete: the pane's column
      // choices name these headers.
      const read = saysTwoRows(override) ? readHeader(grid, c, 'registre', m, override, true) : { row: c.row, mapping: m };
      out.push(toSheetMapping(file, grid.name, 'registre', read.row, read.mapping, userChose(override, read.mapping), read.firstHeaderRow));
      break;
    }
  }
  return out;
}

/** Required fields of the mapping's kind that no column feeds. */
export function missingRequiredFields(mapping: SheetMapping): string[] {
  return requiredOf(mapping.kind).filter((id) => !mapping.columns.some((c) => c.field === id));
}

/** French sentence naming the missing required columns, or '' when none is missing. */
export function describeMissingRequired(mapping: SheetMapping): string {
  const missing = missingRequiredFields(mapping);
  if (missing.length === 0) return '';
  const fields = SHEET_KINDS[mapping.kind].fields as readonly FieldDef[];
  const labels = missing.map((id) => `« ${fields.find((f) => f.id === id)?.label ?? id} »`);
  const rows = mapping.firstHeaderRow === undefined ? `ligne ${mapping.headerRow}` : `lignes ${mapping.firstHeaderRow} et ${mapping.headerRow}`;
  const where = `la feuille « ${mapping.sheet} » (en-tête ${rows})`;
  return missing.length === 1
    ? `Colonne obligatoire introuvable dans ${where} : ${labels[0]}.`
    : `Colonnes obligatoires introuvables dans ${where} : ${labels.join(', ')}.`;
}

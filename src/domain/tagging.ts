/**
 * Considerations and tags (`regles.md` §4). Declared tags come from columns;
 * suggested tags from the contract's wording go through `suggestTags`, which
 * the tagging issue fills in — until then it suggests nothing.
 */
import type { RegisterFieldId, RegisterValues } from './fields';
import type { Consideration, Tag } from './model';
import { FoldedWords, freeTextWords, mayHoldTrieWord, normalizeFreeText, normalizeNumero, wordHash, wordTrie } from './normalize';
import type { DecisionChange, SavedState, TagDecision } from './state';

interface DeclaredTagRule {
  readonly field: RegisterFieldId;
  readonly consideration: Consideration;
  readonly etiquette: string;
  readonly holds: (v: RegisterValues) => boolean;
}

/** Sub-tags declared by a column, in the order of `regles.md` §4. */
const DECLARED_TAG_RULES: readonly DeclaredTagRule[] = [
  { field: 'clauseSociale', consideration: 'sociale', etiquette: 'Clause sociale', holds: (v) => v.clauseSociale === true },
  { field: 'critereSocial', consideration: 'sociale', etiquette: 'Critère social', holds: (v) => v.critereSocial === true },
  {
    field: 'marcheReserve',
    consideration: 'sociale',
    etiquette: 'Marché réservé',
    holds: (v) => v.marcheReserve !== undefined && v.marcheReserve !== 'Non',
  },
  { field: 'marcheInsertion', consideration: 'sociale', etiquette: "Marché d'insertion", holds: (v) => v.marcheInsertion === true },
  {
    field: 'clauseEnvironnementale',
    consideration: 'environnementale',
    etiquette: 'Clause environnementale',
    holds: (v) => v.clauseEnvironnementale === true,
  },
  {
    field: 'critereEnvironnemental',
    consideration: 'environnementale',
    etiquette: 'Critère environnemental',
    holds: (v) => v.critereEnvironnemental === true,
  },
  { field: 'marcheInnovant', consideration: 'innovation', etiquette: 'Marché innovant', holds: (v) => v.marcheInnovant === true },
];

/** One frozen tag per rule, shared by every row that declares it (tags are read-only). */
const DECLARED_TAGS: readonly Tag[] = DECLARED_TAG_RULES.map((rule) =>
  Object.freeze({ consideration: rule.consideration, etiquette: rule.etiquette, origine: 'déclaré' as const }),
);

export function declaredTags(values: RegisterValues): Tag[] {
  const tags: Tag[] = [];
  for (let i = 0; i < DECLARED_TAG_RULES.length; i++) if (DECLARED_TAG_RULES[i].holds(values)) tags.push(DECLARED_TAGS[i]);
  return tags;
}

/** A tag read from the wording of `objet` and `commentaires`, not yet decided. */
export interface Suggestion {
  readonly consideration: Consideration;
  readonly etiquette: string;
  readonly declencheur: string;
}

interface LexiconEntry {
  readonly consideration: Consideration;
  readonly etiquette: string;
  readonly terms: readonly string[];
}

/**
 * The French lexicon of `regles.md` §4, by sub-tag. Words describing what is
 * bought point to the clause; `critère …` wording points to the criterion.
 */
export const SUGGESTION_LEXICON: readonly LexiconEntry[] = [
  { consideration: 'sociale', etiquette: 'Critère social', terms: ['critère social', 'critère insertion', "critère d'insertion"] },
  {
    consideration: 'sociale',
    etiquette: 'Marché réservé',
    terms: ['marché réservé', 'ESAT', 'entreprise adaptée', 'SIAE', "structure d'insertion", 'ESS', 'travailleurs handicapés', 'économie sociale et solidaire'],
  },
  { consideration: 'sociale', etiquette: "Marché d'insertion", terms: ["chantier d'insertion", "marché d'insertion", 'marché de qualification'] },
  {
    consideration: 'sociale',
    etiquette: 'Clause sociale',
    terms: ["clause d'insertion", "heures d'insertion", 'clause sociale', 'insertion professionnelle'],
  },
  { consideration: 'environnementale', etiquette: 'Critère environnemental', terms: ['critère environnemental', 'critère DD', 'critère développement durable'] },
  {
    consideration: 'environnementale',
    etiquette: 'Clause environnementale',
    terms: [
      'recyclé', 'réemploi', 'reconditionné', 'seconde main', 'écolabel', 'label bio', 'agriculture biologique', 'circuit court',
      'bas carbone', 'véhicule électrique', 'économie circulaire', 'biosourcé', 'HQE', 'sobriété énergétique',
      'performance énergétique', 'zéro déchet', 'compostage', 'clause environnementale',
      // The one-piece words above, written with a hyphen (read as two words).
      'éco-label', 'ré-emploi', 'bio-sourcé',
    ],
  },
  {
    consideration: 'innovation',
    etiquette: 'Marché innovant',
    terms: ["partenariat d'innovation", 'solution innovante', 'innovant', 'innovation', 'expérimentation', 'prototype'],
  },
];

/** Words that, just before a term, deny it: `sans clause sociale`, `pas de critère…`, `aucune clause`. */
const NEGATIONS = new Set(['sans', 'pas', 'aucun', 'aucune', 'aucuns', 'aucunes', 'non', 'ni', 'hors', 'jamais']);
/** How many words before a term a negation still applies (`pas de critère`, `sans aucune clause`). */
const NEGATION_REACH = 3;
/**
 * A label answered « non » (`Achat innovant : non`, `Clause sociale = aucune`): the answer denies
 * every term of its label, back to the previous separator (another label's colon too: `Observations : achat
 * innovant : non`); an answer other than a negation keeps it.
 */
const ANSWERED_NO = /(^|[.;,\n\r(/|:=])[^.;,\n\r(/|:=]*[:=]\s*(non|no|aucune?s?|n[ée]ant)(?![\p{L}\p{N}])/giu;

/** `text` without its labels answered « non »; the text itself when it has none. */
function withoutDeniedLabels(text: string): string {
  if (text.indexOf(':') < 0 && text.indexOf('=') < 0) return text;
  // The answer stays: it may begin a negation of its own (`Observations : aucune clause sociale`).
  return text.replace(ANSWERED_NO, '$1 $2');
}

/**
 * Punctuation that ends a clause: a negation does not reach past it (`repas sans gluten, circuit court`,
 * `marché non alloti, clause sociale`), so each clause is read alone.
 */
const CLAUSE_BREAK = /[,;.:!?()[\]\n]/;

/** The clauses of `text`, or null when it is one clause (most texts: no array then). */
function clausesOf(text: string): readonly string[] | null {
  return CLAUSE_BREAK.test(text) ? text.split(CLAUSE_BREAK) : null;
}

/** A lexicon term as normalised words; a text word matches with an optional plural/feminine ending. */
interface Term {
  readonly entry: LexiconEntry;
  readonly term: string;
  readonly words: readonly string[];
  /** Each word's other forms, read whole: plural in `-aux`, feminine in `-euse(s)`; mostly none. */
  readonly otherForms: readonly (readonly string[])[];
}

const ENDINGS = ['e', 's', 'es', 'x'];

/**
 * Forms a word's endings do not give: `critères sociaux`, `environnementaux` (a word in `-al`
 * makes its masculine plural in `-aux`); `travailleuses handicapées` (a word in `-eur`, its
 * feminine in `-euse`).
 */
function otherForms(word: string): readonly string[] {
  if (word.endsWith('al')) return [`${word.slice(0, -1)}ux`];
  if (word.endsWith('eur')) return [`${word.slice(0, -1)}se`, `${word.slice(0, -1)}ses`];
  return NO_FORMS;
}
const NO_FORMS: readonly string[] = Object.freeze([]);

/**
 * A term word matches itself, with one of `ENDINGS`, or one of its other forms. An elided
 * article (`d'`) is one letter, read whole: `de`, `des` are other words.
 */
function wordMatches(textWord: string, termWord: string, forms: readonly string[]): boolean {
  if (forms.includes(textWord)) return true;
  if (!textWord.startsWith(termWord)) return false;
  const rest = textWord.length - termWord.length;
  return rest === 0 || (termWord.length > 1 && ENDINGS.includes(textWord.slice(termWord.length)));
}

/**
 * A lexicon word written in the plural (`heures d'insertion`, `travailleurs handicapés`) is
 * matched from its singular, whose endings include `s`: « une heure d'insertion », « un
 * travailleur handicapé » read like the plural. Words of three letters (`bas`, `ESS`) are whole.
 */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Terms by their first word, longest first (as a person reads `partenariat d'innovation` before `innovation`). */
const TERMS_BY_FIRST_WORD = new Map<string, Term[]>();
for (const entry of SUGGESTION_LEXICON) {
  for (const term of entry.terms) {
    const words = normalizeFreeText(term).split(' ').map(singular);
    const list = TERMS_BY_FIRST_WORD.get(words[0]) ?? [];
    list.push({ entry, term, words, otherForms: words.map(otherForms) });
    TERMS_BY_FIRST_WORD.set(words[0], list);
  }
}
for (const list of TERMS_BY_FIRST_WORD.values()) list.sort((a, b) => b.term.length - a.term.length);

/**
 * Terms by every text word that can start them: a first word itself, with an
 * ending, or in another form. Built once, so that each word of a text costs one lookup.
 * An exact first word wins, then endings in `ENDINGS` order (as trying the word
 * itself, then without `e`, `s`, `es`, `x`), then its other forms (`-aux`, `-euse`).
 */
const CANDIDATES = new Map<string, Term[]>(TERMS_BY_FIRST_WORD);
for (const forms of [...ENDINGS.map((ending) => (first: string) => [first + ending]), otherForms]) {
  for (const [first, terms] of TERMS_BY_FIRST_WORD) {
    for (const word of forms(first)) if (!CANDIDATES.has(word)) CANDIDATES.set(word, terms);
  }
}

/**
 * Every text word that can start a term: most texts hold none, and telling so
 * from the characters alone (`mayHoldTerm`) skips splitting them into words.
 */
const CANDIDATE_TRIE = wordTrie(CANDIDATES.keys());

/** False only when `text` holds no lexicon term, negated or not; true may still find none. */
export function mayHoldTerm(text: string): boolean {
  return mayHoldTrieWord(text, CANDIDATE_TRIE);
}

function negated(words: readonly string[], at: number): boolean {
  for (let k = Math.max(0, at - NEGATION_REACH); k < at; k++) if (NEGATIONS.has(words[k])) return true;
  return false;
}

/** The first term (longest first) whose words all match from `words[at]`. */
function termAt(terms: readonly Term[], words: readonly string[], at: number): Term | undefined {
  outer: for (const t of terms) {
    if (at + t.words.length > words.length) continue;
    for (let k = 0; k < t.words.length; k++) if (!wordMatches(words[at + k], t.words[k], t.otherForms[k])) continue outer;
    return t;
  }
  return undefined;
}

type Found = Map<LexiconEntry, Set<string>>;

/** Adds the terms of `words` to `found`, created on the first one; negated terms only when asked. */
function matchWords(words: readonly string[], found: Found | null, withNegated: boolean): Found | null {
  for (let i = 0; i < words.length; i++) {
    const terms = CANDIDATES.get(words[i]);
    if (!terms) continue;
    const term = termAt(terms, words, i);
    if (!term) continue;
    if (withNegated || !negated(words, i)) {
      found ??= new Map();
      let triggers = found.get(term.entry);
      if (!triggers) found.set(term.entry, (triggers = new Set()));
      triggers.add(term.term);
    }
    i += term.words.length - 1;
  }
  return found;
}

/** Every lexicon term read in `text`, negated ones too, without `mayHoldTerm`: what it must let through. */
export function lexiconTermsIn(text: string): string[] {
  const found = matchWords(freeTextWords(text), null, true);
  return found === null ? [] : [...found.values()].flatMap((t) => [...t]);
}

/**
 * The plain reading of `suggestTags` (words array, Map and Set per text), kept
 * as the reference that the fast path below is tested against.
 */
export function suggestTagsByWords(objet: string | undefined, commentaires: string | undefined): Suggestion[] {
  let found: Found | null = null;
  for (const text of [objet, commentaires]) {
    // Labels answered « non » go first: the colon that ends such a label is also a clause break.
    if (!text) continue;
    const read = withoutDeniedLabels(text);
    for (const clause of clausesOf(read) ?? [read]) found = matchWords(freeTextWords(clause), found, false);
  }
  if (found === null) return [];
  const triggered = found;
  return SUGGESTION_LEXICON.filter((e) => triggered.has(e)).map((e) => ({
    consideration: e.consideration,
    etiquette: e.etiquette,
    declencheur: [...(triggered.get(e) as Set<string>)].join(', '),
  }));
}

/*
 * The fast path: texts read into reused buffers (`FoldedWords`), words found
 * by their hash, found terms kept as numbers; nothing allocated for a text
 * without a term, and suggestions of one term shared between rows.
 */

/** Every term, numbered in lexicon order. */
const TERMS: readonly Term[] = SUGGESTION_LEXICON.flatMap((entry) => [...TERMS_BY_FIRST_WORD.values()].flat().filter((t) => t.entry === entry));
const TERM_ID = new Map(TERMS.map((t, i) => [t, i]));
const TERM_ENTRY = TERMS.map((t) => SUGGESTION_LEXICON.indexOf(t.entry));

/** Candidate first words (`CANDIDATES` keys) and negations by their word hash; chained on the rare shared hash. */
const WORD_HASH_SLOTS = 0x10000;
const CANDIDATE_KEYS = [...CANDIDATES.keys()];
const CANDIDATE_TERM_IDS = [...CANDIDATES.values()].map((terms) => terms.map((t) => TERM_ID.get(t) as number));
const CANDIDATE_BY_HASH = new Int32Array(WORD_HASH_SLOTS).fill(-1);
const CANDIDATE_NEXT = new Int32Array(CANDIDATE_KEYS.length).fill(-1);
CANDIDATE_KEYS.forEach((key, i) => {
  const h = wordHash(key);
  CANDIDATE_NEXT[i] = CANDIDATE_BY_HASH[h];
  CANDIDATE_BY_HASH[h] = i;
});
const NEGATION_HASHES = new Uint8Array(WORD_HASH_SLOTS);
for (const n of NEGATIONS) NEGATION_HASHES[wordHash(n)] = 1;
const NEGATION_WORDS = [...NEGATIONS];

const WORDS = new FoldedWords();
/** Ids of the terms found for the current row, in the order first read; `SEEN` marks them. */
let foundIds = new Int32Array(16);
let foundCount = 0;
const SEEN = new Uint8Array(TERMS.length);

function wordStart(k: number): number {
  return k === 0 ? 0 : WORDS.ends[k - 1];
}

function wordEquals(k: number, word: string): boolean {
  const from = wordStart(k);
  if (WORDS.ends[k] - from !== word.length) return false;
  const codes = WORDS.codes;
  for (let j = 0; j < word.length; j++) if (codes[from + j] !== word.charCodeAt(j)) return false;
  return true;
}

const CODE_E = 101;
const CODE_S = 115;
const CODE_X = 120;

/** `wordMatches` on word k: the term word, then nothing or one of `ENDINGS`; or one of its other forms. */
function wordMatchesAt(k: number, termWord: string, forms: readonly string[]): boolean {
  for (let f = 0; f < forms.length; f++) if (wordEquals(k, forms[f])) return true;
  const from = wordStart(k);
  const rest = WORDS.ends[k] - from - termWord.length;
  if (rest < 0 || rest > 2) return false;
  const codes = WORDS.codes;
  for (let j = 0; j < termWord.length; j++) if (codes[from + j] !== termWord.charCodeAt(j)) return false;
  if (rest === 0) return true;
  if (termWord.length === 1) return false;
  const a = codes[from + termWord.length];
  if (rest === 1) return a === CODE_E || a === CODE_S || a === CODE_X;
  return a === CODE_E && codes[from + termWord.length + 1] === CODE_S;
}

function candidateOf(k: number): number {
  for (let c = CANDIDATE_BY_HASH[WORDS.hashes[k]]; c >= 0; c = CANDIDATE_NEXT[c]) if (wordEquals(k, CANDIDATE_KEYS[c])) return c;
  return -1;
}

function isNegation(k: number): boolean {
  if (NEGATION_HASHES[WORDS.hashes[k]] === 0) return false;
  for (const n of NEGATION_WORDS) if (wordEquals(k, n)) return true;
  return false;
}

/** `matchWords` over `WORDS`, without negated terms: adds the ids found to `foundIds`. */
function matchFolded(): void {
  const count = WORDS.count;
  for (let i = 0; i < count; i++) {
    const c = candidateOf(i);
    if (c < 0) continue;
    const ids = CANDIDATE_TERM_IDS[c];
    let id = -1;
    outer: for (let t = 0; t < ids.length; t++) {
      const { words, otherForms: forms } = TERMS[ids[t]];
      if (i + words.length > count) continue;
      for (let k = 0; k < words.length; k++) if (!wordMatchesAt(i + k, words[k], forms[k])) continue outer;
      id = ids[t];
      break;
    }
    if (id < 0) continue;
    let denied = false;
    for (let k = Math.max(0, i - NEGATION_REACH); k < i && !denied; k++) denied = isNegation(k);
    if (!denied && SEEN[id] === 0) {
      SEEN[id] = 1;
      if (foundCount === foundIds.length) {
        const grown = new Int32Array(foundCount * 2);
        grown.set(foundIds);
        foundIds = grown;
      }
      foundIds[foundCount++] = id;
    }
    i += TERMS[id].words.length - 1;
  }
}

function readText(text: string): void {
  if (!mayHoldTerm(text)) return;
  const read = withoutDeniedLabels(text);
  const clauses = clausesOf(read);
  if (clauses === null) {
    WORDS.read(read);
    matchFolded();
    return;
  }
  for (const clause of clauses) {
    if (!mayHoldTerm(clause)) continue;
    WORDS.read(clause);
    matchFolded();
  }
}

/** A suggestion and the `suggéré` tag showing it, shared by every row where one term alone triggers it. */
interface SuggestionPair {
  readonly suggestion: Suggestion;
  readonly tag: Tag;
  /** The whole tagged row when this suggestion is its only tag, undecided: shared too (it is only read). */
  readonly row: TaggedRow | null;
}

function pairOf(entry: LexiconEntry, declencheur: string, shared: boolean): SuggestionPair {
  const suggestion: Suggestion = Object.freeze({ consideration: entry.consideration, etiquette: entry.etiquette, declencheur });
  const tag: Tag = Object.freeze({ consideration: entry.consideration, etiquette: entry.etiquette, origine: 'suggéré' as const, declencheur });
  const row: TaggedRow | null = shared
    ? Object.freeze({ tags: Object.freeze([tag]), pending: Object.freeze([suggestion]) as Suggestion[], sociale: false, environnementale: false, innovation: false })
    : null;
  return { suggestion, tag, row };
}

const ONE_TERM_PAIRS: readonly SuggestionPair[] = TERMS.map((t) => pairOf(t.entry, t.term, true));

/** The suggestions of the last `readRow`, in lexicon order: the first `rowPairCount` (no array emptied per row). */
const ROW_PAIRS: SuggestionPair[] = [];
let rowPairCount = 0;

/** Fills `ROW_PAIRS` from `objet` and `commentaires`, as `suggestTagsByWords`. */
function readRow(objet: string | undefined, commentaires: string | undefined): void {
  rowPairCount = 0;
  foundCount = 0;
  if (objet) readText(objet);
  if (commentaires) readText(commentaires);
  if (foundCount === 0) return;
  for (let e = 0; e < SUGGESTION_LEXICON.length; e++) {
    let first = -1;
    let declencheur = '';
    for (let f = 0; f < foundCount; f++) {
      const id = foundIds[f];
      if (TERM_ENTRY[id] !== e) continue;
      if (first < 0) first = id;
      else declencheur += (declencheur === '' ? TERMS[first].term : '') + ', ' + TERMS[id].term;
    }
    if (first >= 0) ROW_PAIRS[rowPairCount++] = declencheur === '' ? ONE_TERM_PAIRS[first] : pairOf(SUGGESTION_LEXICON[e], declencheur, false);
  }
  for (let f = 0; f < foundCount; f++) SEEN[foundIds[f]] = 0;
}

/**
 * Suggestions from the wording of `objet` and `commentaires` (`regles.md` §4):
 * one per sub-tag, carrying the lexicon terms that triggered it (as the
 * lexicon spells them); negated terms do not trigger.
 */
export function suggestTags(objet: string | undefined, commentaires: string | undefined): Suggestion[] {
  if (!objet && !commentaires) return [];
  readRow(objet, commentaires);
  if (rowPairCount === 0) return NO_SUGGESTIONS;
  const suggestions: Suggestion[] = [];
  for (let p = 0; p < rowPairCount; p++) suggestions.push(ROW_PAIRS[p].suggestion);
  return suggestions;
}

const NO_SUGGESTIONS: Suggestion[] = [];

export function decisionKey(numero: string, consideration: Consideration, etiquette: string): string {
  return `${normalizeNumero(numero)}|${consideration}|${etiquette}`;
}

/**
 * The prefix of the keys of the decisions in force on the rows of one sheet of one input
 * (`decisionsInForce`, `tagRow`). Sheet names are compared as Excel does, case aside; `:` cannot
 * be in a sheet name, so the prefix ends where the sheet's name does.
 */
export function sheetScope(input: number, sheet: string): string {
  return `${input}:${sheet.toLowerCase()}:`;
}

/**
 * The sheet a decision's `source` (`file|sheet`) names: what follows `file|` when the source
 * starts with the name of `file`, else what follows its first `|` (a file name on Windows holds
 * no `|`, a sheet name may); null without source or without `|`.
 */
export function sourceSheet(source: string | undefined, file?: string): string | null {
  if (source === undefined) return null;
  if (file !== undefined && source.startsWith(`${file}|`)) return source.slice(file.length + 1);
  const bar = source.indexOf('|');
  return bar < 0 ? null : source.slice(bar + 1);
}

/** One input as decisions see it: its name and its saved state. */
interface DecisionInput {
  readonly file: string;
  readonly state: SavedState | null;
}

/** The decisions in force, placed on the sheets they apply to. */
interface DecisionsInForce {
  /** By `sheetScope(input, sheet) + decisionKey(…)`: what `tagRow` looks up for a row of that sheet. */
  readonly bySheet: Map<string, TagDecision['decision']>;
  /** The decisions to save back, in order, each once. */
  readonly saved: TagDecision[];
}

/** One decision as read (saved in an input, or taken in the run), and where it was placed. */
interface Occurrence {
  readonly decision: DecisionChange;
  /** How many sheets it was placed on. */
  placed: number;
}

interface Placed {
  readonly occurrence: Occurrence;
  /** Whether the decision names this sheet (else it applies there by numero). */
  readonly named: boolean;
  readonly input: number;
  readonly sheet: string;
}

/**
 * The decisions in force (README « Étiquettes suggérées »): a decision applies to the rows of one
 * input only — the input whose state holds it, or for a decision of the run, the input its
 * `source` names by file (every input when it names none of them). Within that input, it applies
 * to the register sheet its `source` names (the sheet part, case aside; the file part is not
 * compared, so a renamed file keeps its decisions); a decision without source, or naming no
 * register sheet of the input (sheet renamed), applies by numero to every register sheet of the input.
 *
 * On one sheet, a saved decision naming it wins over a saved one applying by numero, else the
 * later wins (inputs in order, then the run's changes); a decision of the run always replaces the
 * one in force there, and one taken back (`annulée`) removes it. A decision replaced on some of
 * its sheets only is saved again once per sheet where it still applies, naming it (`file|sheet`);
 * one replaced nowhere is saved as it was read, even if it applies nowhere.
 *
 * `registerSheets[i]`: the names of the register sheets of `inputs[i]`.
 */
export function decisionsInForce(
  inputs: readonly DecisionInput[],
  registerSheets: readonly (readonly string[])[],
  changes: readonly DecisionChange[] = [],
): DecisionsInForce {
  const occurrences: Occurrence[] = [];
  const at = new Map<string, Placed>();
  const lowered = registerSheets.map((sheets) => new Map(sheets.map((s) => [s.toLowerCase(), s] as const)));
  const place = (decision: DecisionChange, input: number, change: boolean, occurrence: Occurrence) => {
    const sheets = lowered[input];
    if (sheets === undefined || sheets.size === 0) return;
    const key = decisionKey(decision.numero, decision.consideration, decision.etiquette);
    const wanted = sourceSheet(decision.source, inputs[input].file)?.toLowerCase();
    const named = wanted !== undefined && sheets.has(wanted);
    const targets: Iterable<string> = named ? [sheets.get(wanted) as string] : sheets.values();
    for (const sheet of targets) {
      const k = sheetScope(input, sheet) + key;
      const current = at.get(k);
      if (!change && !named && current?.named) continue;
      if (decision.decision === 'annulée') at.delete(k);
      else at.set(k, { occurrence, named, input, sheet });
      occurrence.placed++;
    }
  };
  inputs.forEach((input, i) => {
    for (const d of input.state?.decisions ?? []) {
      const occurrence: Occurrence = { decision: d, placed: 0 };
      occurrences.push(occurrence);
      place(d, i, false, occurrence);
    }
  });
  for (const d of changes) {
    const occurrence: Occurrence = { decision: d, placed: 0 };
    occurrences.push(occurrence);
    const own = d.source === undefined ? [] : inputs.flatMap((input, i) => ((d.source as string).startsWith(`${input.file}|`) ? [i] : []));
    for (const i of own.length > 0 ? own : inputs.keys()) place(d, i, true, occurrence);
  }

  const bySheet = new Map<string, TagDecision['decision']>();
  const held = new Map<Occurrence, Placed[]>();
  for (const [k, p] of at) {
    bySheet.set(k, p.occurrence.decision.decision as TagDecision['decision']);
    const list = held.get(p.occurrence);
    if (list) list.push(p);
    else held.set(p.occurrence, [p]);
  }
  const saved: TagDecision[] = [];
  const seen = new Set<string>();
  const save = (d: TagDecision) => {
    const k = `${d.source ?? ''}\u0000${decisionKey(d.numero, d.consideration, d.etiquette)}\u0000${d.decision}`;
    if (seen.has(k)) return;
    seen.add(k);
    saved.push(d);
  };
  for (const o of occurrences) {
    const d = o.decision;
    if (d.decision === 'annulée') continue;
    const still = held.get(o) ?? [];
    if (still.length === o.placed) save(d as TagDecision);
    else for (const p of still) save({ ...(d as TagDecision), source: `${inputs[p.input].file}|${p.sheet}` });
  }
  return { bySheet, saved };
}

const NO_TAGS: readonly Tag[] = Object.freeze([]);

/** Shared by every row with no tag at all (it is only read). */
const UNTAGGED: TaggedRow = Object.freeze({ tags: NO_TAGS, pending: NO_SUGGESTIONS, sociale: false, environnementale: false, innovation: false });

export interface TaggedRow {
  readonly tags: readonly Tag[];
  /** Suggestions with no decision yet (they raise `suggestion-non-confirmee`). */
  readonly pending: Suggestion[];
  readonly sociale: boolean;
  readonly environnementale: boolean;
  readonly innovation: boolean;
}

/**
 * `DECLARED_TAG_RULES[i].holds(values)` with the properties named: a call
 * through seven closures per row cost a fifth of tagging. Tested equal to the rules.
 */
function declaredHolds(v: RegisterValues, i: number): boolean {
  switch (i) {
    case 0:
      return v.clauseSociale === true;
    case 1:
      return v.critereSocial === true;
    case 2:
      return v.marcheReserve !== undefined && v.marcheReserve !== 'Non';
    case 3:
      return v.marcheInsertion === true;
    case 4:
      return v.clauseEnvironnementale === true;
    case 5:
      return v.critereEnvironnemental === true;
    case 6:
      return v.marcheInnovant === true;
    default:
      return DECLARED_TAG_RULES[i].holds(v);
  }
}

/** `tags.some(…)` without a closure per row. */
function hasEtiquette(tags: readonly Tag[], etiquette: string): boolean {
  for (let i = 0; i < tags.length; i++) if (tags[i].etiquette === etiquette) return true;
  return false;
}

/**
 * Declared tags, plus suggestions turned into confirmed tags, dropped when
 * rejected, or kept as `suggéré` (not counted) while undecided. `decisions` is
 * looked up by `scope + decisionKey(…)`: `scope` is the row's `sheetScope`
 * with `decisionsInForce(…).bySheet`, empty with a map keyed by `decisionKey` alone.
 */
export function tagRow(values: RegisterValues, decisions: ReadonlyMap<string, TagDecision['decision']>, scope = ''): TaggedRow {
  // Shared while empty: rows keep their tags, and many rows have none.
  let tags = NO_TAGS as Tag[];
  for (let i = 0; i < DECLARED_TAG_RULES.length; i++) {
    if (!declaredHolds(values, i)) continue;
    if (tags === NO_TAGS) tags = [];
    tags.push(DECLARED_TAGS[i]);
  }
  let pending = NO_SUGGESTIONS; // shared while empty: most rows have no pending suggestion
  readRow(values.objet, values.commentaires);
  if (rowPairCount === 1 && tags === NO_TAGS && !(values.numero && decisions.size > 0) && ROW_PAIRS[0].row !== null) return ROW_PAIRS[0].row;
  for (let p = 0; p < rowPairCount; p++) {
    const { suggestion: s, tag } = ROW_PAIRS[p];
    if (hasEtiquette(tags, s.etiquette)) continue;
    // No decision saved (the usual first run): no key built. `scope`: the row's sheet (`sheetScope`).
    const decision = values.numero && decisions.size > 0 ? decisions.get(scope + decisionKey(values.numero, s.consideration, s.etiquette)) : undefined;
    if (decision === 'rejetée') continue;
    if (tags === NO_TAGS) tags = [];
    if (decision === 'confirmée') {
      tags.push({ consideration: s.consideration, etiquette: s.etiquette, origine: 'confirmé', declencheur: s.declencheur });
    } else {
      tags.push(tag);
      if (pending === NO_SUGGESTIONS) pending = [];
      pending.push(s);
    }
  }
  if (tags === NO_TAGS) return UNTAGGED;
  // Plain loop, no closure per row.
  let sociale = false;
  let environnementale = false;
  let innovation = false;
  for (const t of tags) {
    if (t.origine === 'suggéré') continue;
    if (t.consideration === 'sociale') sociale = true;
    else if (t.consideration === 'environnementale') environnementale = true;
    else if (t.consideration === 'innovation') innovation = true;
  }
  return { tags, pending, sociale, environnementale, innovation };
}

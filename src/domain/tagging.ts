/**
 * Considerations and tags (`regles.md` §4). Declared tags come from columns;
 * suggested tags from the contract's wording go through `suggestTags`, which
 * the tagging issue fills in — until then it suggests nothing.
 */
import type { RegisterFieldId, RegisterValues } from './fields';
import type { Consideration, Tag } from './model';
import { freeTextWords, normalizeFreeText } from './normalize';
import type { TagDecision } from './state';

interface DeclaredTagRule {
  readonly field: RegisterFieldId;
  readonly consideration: Consideration;
  readonly etiquette: string;
  readonly holds: (v: RegisterValues) => boolean;
}

/** Sub-tags declared by a column, in the order of `regles.md` §4. */
export const DECLARED_TAG_RULES: readonly DeclaredTagRule[] = [
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

export function declaredTags(values: RegisterValues): Tag[] {
  const tags: Tag[] = [];
  for (const rule of DECLARED_TAG_RULES) {
    if (rule.holds(values)) tags.push({ consideration: rule.consideration, etiquette: rule.etiquette, origine: 'déclaré' });
  }
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

/** A lexicon term as normalised words; a text word matches with an optional plural/feminine ending. */
interface Term {
  readonly entry: LexiconEntry;
  readonly term: string;
  readonly words: readonly string[];
}

const ENDINGS = ['e', 's', 'es', 'x'];

function wordMatches(textWord: string, termWord: string): boolean {
  if (!textWord.startsWith(termWord)) return false;
  const rest = textWord.length - termWord.length;
  return rest === 0 || ENDINGS.includes(textWord.slice(termWord.length));
}

/** Terms by their first word, longest first (as a person reads `partenariat d'innovation` before `innovation`). */
const TERMS_BY_FIRST_WORD = new Map<string, Term[]>();
for (const entry of SUGGESTION_LEXICON) {
  for (const term of entry.terms) {
    const words = normalizeFreeText(term).split(' ');
    const list = TERMS_BY_FIRST_WORD.get(words[0]) ?? [];
    list.push({ entry, term, words });
    TERMS_BY_FIRST_WORD.set(words[0], list);
  }
}
for (const list of TERMS_BY_FIRST_WORD.values()) list.sort((a, b) => b.term.length - a.term.length);

/** Terms whose first word the text word can be (itself, or itself without an ending). */
function candidates(word: string): Term[] | undefined {
  const exact = TERMS_BY_FIRST_WORD.get(word);
  if (exact) return exact;
  for (const ending of ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending)) {
      const found = TERMS_BY_FIRST_WORD.get(word.slice(0, -ending.length));
      if (found) return found;
    }
  }
  return undefined;
}

function negated(words: readonly string[], at: number): boolean {
  for (let k = Math.max(0, at - NEGATION_REACH); k < at; k++) if (NEGATIONS.has(words[k])) return true;
  return false;
}

function matchTerms(text: string, found: Map<LexiconEntry, Set<string>>): void {
  const words = freeTextWords(text);
  for (let i = 0; i < words.length; i++) {
    const terms = candidates(words[i]);
    if (!terms) continue;
    const term = terms.find((t) => t.words.every((w, k) => i + k < words.length && wordMatches(words[i + k], w)));
    if (!term) continue;
    if (!negated(words, i)) {
      let triggers = found.get(term.entry);
      if (!triggers) found.set(term.entry, (triggers = new Set()));
      triggers.add(term.term);
    }
    i += term.words.length - 1;
  }
}

/**
 * Suggestions from the wording of `objet` and `commentaires` (`regles.md` §4):
 * one per sub-tag, carrying the lexicon terms that triggered it (as the
 * lexicon spells them); negated terms do not trigger.
 */
export function suggestTags(objet: string | undefined, commentaires: string | undefined): Suggestion[] {
  if (!objet && !commentaires) return [];
  const found = new Map<LexiconEntry, Set<string>>();
  if (objet) matchTerms(objet, found);
  if (commentaires) matchTerms(commentaires, found);
  if (found.size === 0) return NO_SUGGESTIONS;
  return SUGGESTION_LEXICON.filter((e) => found.has(e)).map((e) => ({
    consideration: e.consideration,
    etiquette: e.etiquette,
    declencheur: [...(found.get(e) as Set<string>)].join(', '),
  }));
}

const NO_SUGGESTIONS: Suggestion[] = [];

export function decisionKey(numero: string, consideration: Consideration, etiquette: string): string {
  return `${numero.toLowerCase().replace(/\s+/g, '')}|${consideration}|${etiquette}`;
}

export interface TaggedRow {
  readonly tags: Tag[];
  /** Suggestions with no decision yet (they raise `suggestion-non-confirmee`). */
  readonly pending: Suggestion[];
  readonly sociale: boolean;
  readonly environnementale: boolean;
  readonly innovation: boolean;
}

/**
 * Declared tags, plus suggestions turned into confirmed tags, dropped when
 * rejected, or kept as `suggéré` (not counted) while undecided.
 */
export function tagRow(values: RegisterValues, decisions: ReadonlyMap<string, TagDecision['decision']>): TaggedRow {
  const tags = declaredTags(values);
  const pending: Suggestion[] = [];
  const suggestions = suggestTags(values.objet, values.commentaires);
  for (const s of suggestions) {
    if (tags.some((t) => t.etiquette === s.etiquette)) continue;
    const decision = values.numero ? decisions.get(decisionKey(values.numero, s.consideration, s.etiquette)) : undefined;
    if (decision === 'rejetée') continue;
    if (decision === 'confirmée') {
      tags.push({ consideration: s.consideration, etiquette: s.etiquette, origine: 'confirmé', declencheur: s.declencheur });
    } else {
      tags.push({ consideration: s.consideration, etiquette: s.etiquette, origine: 'suggéré', declencheur: s.declencheur });
      pending.push(s);
    }
  }
  const counted = (c: Consideration) => tags.some((t) => t.consideration === c && t.origine !== 'suggéré');
  return { tags, pending, sociale: counted('sociale'), environnementale: counted('environnementale'), innovation: counted('innovation') };
}

/**
 * Considerations and tags (`regles.md` §4). Declared tags come from columns;
 * suggested tags from the contract's wording go through `suggestTags`, which
 * the tagging issue fills in — until then it suggests nothing.
 */
import type { RegisterFieldId, RegisterValues } from './fields';
import type { Consideration, Tag } from './model';
import { normalizeFreeText } from './normalize';
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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Plurals and feminines count (`recyclées`, `véhicules électriques`). */
const termPattern = (term: string) =>
  normalizeFreeText(term)
    .split(' ')
    .map((w) => `${escapeRegExp(w)}(?:e|s|es|x)?`)
    .join(' ');

/** One regex for the whole lexicon; group i + 1 is entry `GROUP_ENTRY[i]`. Longer terms first. */
const GROUP_ENTRY: LexiconEntry[] = [];
const GROUP_TERM: string[] = [];
const LEXICON_RE = new RegExp(
  `\\b(?:${SUGGESTION_LEXICON.flatMap((entry) => entry.terms.map((t) => ({ entry, t })))
    .sort((a, b) => b.t.length - a.t.length)
    .map(({ entry, t }) => {
      GROUP_ENTRY.push(entry);
      GROUP_TERM.push(t);
      return `(${termPattern(t)})`;
    })
    .join('|')})\\b`,
  'g',
);

function negated(text: string, at: number): boolean {
  const before = text.slice(0, at).trim().split(' ').slice(-NEGATION_REACH);
  return before.some((w) => NEGATIONS.has(w));
}

/**
 * Suggestions from the wording of `objet` and `commentaires` (`regles.md` §4):
 * one per sub-tag, carrying the lexicon terms that triggered it (as the
 * lexicon spells them); negated terms do not trigger.
 */
export function suggestTags(objet: string | undefined, commentaires: string | undefined): Suggestion[] {
  const found = new Map<LexiconEntry, Set<string>>();
  for (const source of [objet, commentaires]) {
    if (!source) continue;
    const text = normalizeFreeText(source);
    LEXICON_RE.lastIndex = 0;
    for (let m = LEXICON_RE.exec(text); m !== null; m = LEXICON_RE.exec(text)) {
      if (negated(text, m.index)) continue;
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      const entry = GROUP_ENTRY[group - 1];
      let words = found.get(entry);
      if (!words) found.set(entry, (words = new Set()));
      words.add(GROUP_TERM[group - 1]);
    }
  }
  return SUGGESTION_LEXICON.filter((e) => found.has(e)).map((e) => ({
    consideration: e.consideration,
    etiquette: e.etiquette,
    declencheur: [...(found.get(e) as Set<string>)].join(', '),
  }));
}

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

/**
 * Considerations and tags (`regles.md` §4). Declared tags come from columns;
 * suggested tags from the contract's wording go through `suggestTags`, which
 * the tagging issue fills in — until then it suggests nothing.
 */
import type { RegisterFieldId, RegisterValues } from './fields';
import type { Consideration, Tag } from './model';
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

/**
 * Suggestions from the text (`regles.md` §4). The lexicon and negation handling
 * arrive with the tagging issue; the chain already routes its output through
 * decisions, the `suggestion-non-confirmee` warning and the JSON `suggestions`.
 */
export function suggestTags(_objet: string | undefined, _commentaires: string | undefined): Suggestion[] {
  return [];
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

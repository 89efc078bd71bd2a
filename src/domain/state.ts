/** What the add-in remembers in the workbook (very hidden `SPASER État` sheet). */
import type { Consideration, MappingOverride } from './model';

export interface TagDecision {
  readonly numero: string;
  /** `file|sheet`, so that equal numbers in two sources stay apart. */
  readonly source?: string;
  readonly consideration: Consideration;
  readonly etiquette: string;
  readonly decision: 'confirmée' | 'rejetée';
}

/**
 * A decision taken back by the user: the suggestion waits for a decision again.
 * It wins over a saved decision of the same suggestion and is never saved itself.
 */
export interface WithdrawnDecision extends Omit<TagDecision, 'decision'> {
  readonly decision: 'annulée';
}

/** What the user decides in a run: a decision, or taking one back. */
export type DecisionChange = TagDecision | WithdrawnDecision;

export interface SavedState {
  readonly version: 1;
  readonly mappings: readonly MappingOverride[];
  readonly decisions: readonly TagDecision[];
}

export const EMPTY_STATE: SavedState = { version: 1, mappings: [], decisions: [] };

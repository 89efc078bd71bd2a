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

export interface SavedState {
  readonly version: 1;
  readonly mappings: readonly MappingOverride[];
  readonly decisions: readonly TagDecision[];
}

export const EMPTY_STATE: SavedState = { version: 1, mappings: [], decisions: [] };

/** What the add-in remembers in the workbook (very hidden `SPASER État` sheet). */
import type { SheetKind } from './fields';
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

/** A sheet the consolidation wrote: what makes it safe to replace at the Pôle's next import. */
export interface ImportRecord {
  readonly sheet: string;
  /** Name of the Pôle's file it was copied from. */
  readonly file: string;
  readonly pole: string;
  readonly kind: SheetKind;
  /** Day of the import, ISO `aaaa-mm-jj`. */
  readonly date: string;
  /** `sheetFingerprint` of the sheet as read back right after the import. */
  readonly fingerprint: string;
}

export interface SavedState {
  // Still 1: `imports` is optional and only added, so a state without it reads as before, and an
  // older add-in keeps reading the mappings and decisions of a state that has it (zod drops the key).
  readonly version: 1;
  readonly mappings: readonly MappingOverride[];
  readonly decisions: readonly TagDecision[];
  /** The sheets imported by the consolidation (absent when none). */
  readonly imports?: readonly ImportRecord[];
}

export const EMPTY_STATE: SavedState = { version: 1, mappings: [], decisions: [] };

/** One record per sheet (names compared as Excel does, case aside): a later record replaces an earlier one. */
export function withImports(list: readonly ImportRecord[], added: readonly ImportRecord[]): ImportRecord[] {
  const bySheet = new Map<string, ImportRecord>();
  for (const r of [...list, ...added]) {
    const key = r.sheet.toLowerCase();
    bySheet.delete(key);
    bySheet.set(key, r);
  }
  return [...bySheet.values()];
}

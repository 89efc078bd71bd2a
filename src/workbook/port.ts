/**
 * The port between the domain and a workbook: what the chain needs to read
 * sheets and to write its plan. Adapters: `xlsx/` (ExcelJS) and `office/` (Office.js).
 */
import type { SheetGrid } from '../domain/cell';
import type { WritePlan } from '../domain/plan-types';
import type { SavedState } from '../domain/state';

export interface WorkbookReader {
  /** File name (or workbook name) used in sources and messages. */
  readonly name: string;
  /** Every sheet of the workbook in order, `SPASER …` sheets included (callers skip them). */
  readSheets(): Promise<readonly SheetGrid[]>;
  /** The add-in's saved state (mapping, tag decisions), null when none. */
  readState(): Promise<SavedState | null>;
}

export interface WorkbookWriter {
  /** Replaces the add-in's own sheets by the plan's; never touches another sheet. */
  writePlan(plan: WritePlan): Promise<void>;
  /** Replaces the saved state sheet alone (an import's records): every other sheet stays as it is. */
  writeState(state: SavedState): Promise<void>;
}

/**
 * Temporary names of the sheets that replace an earlier import until the swap. `SPASER …`, so that
 * one left by a crash is never read as a register (its contracts would count twice); the next
 * write of the SPASER sheets removes it, as it removes its own temporary sheets.
 */
export const IMPORT_TEMP_PREFIX = 'SPASER import ';

/** A temporary name free among `taken` (lower-cased names, the new one added). */
export function tempImportName(taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${IMPORT_TEMP_PREFIX}${n}`.toLowerCase())) n++;
  const name = `${IMPORT_TEMP_PREFIX}${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Thrown by adapters when an input cannot be read; `message` is French and names the file. */
export class UnreadableWorkbookError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Impossible de lire « ${file} » : ${reason}`);
    this.name = 'UnreadableWorkbookError';
  }
}

/**
 * The whole chain on plain data: sheets → mapping → reading → validation →
 * tagging → indicators → plan. Both adapters and every front end call this.
 */
import type { SheetGrid } from './cell';
import type { MappingOverride, ProgressListener, Register, SpaserResult } from './model';
import type { WritePlan } from './plan-types';
import type { SavedState, TagDecision } from './state';

export interface ChainInput {
  /** File name (with extension) or workbook name. */
  readonly file: string;
  readonly sheets: readonly SheetGrid[];
  /** State saved in that workbook (`SPASER État`), if any. */
  readonly state: SavedState | null;
}

export interface ChainOptions {
  /** Exercice N; default per `regles.md` §9. */
  readonly exercice?: number;
  /** Day of the run, ISO `aaaa-mm-jj` (for `date-invalide`); default today. */
  readonly today?: string;
  /** Explicit mappings, winning over those saved in the inputs. */
  readonly overrides?: readonly MappingOverride[];
  /** Tag decisions, winning over those saved in the inputs. */
  readonly decisions?: readonly TagDecision[];
  /** Whether the writer draws native charts (Office.js yes, ExcelJS no): feeds `1.1.2-dataviz`. */
  readonly writesCharts?: boolean;
  readonly onProgress?: ProgressListener;
}

export interface ChainOutput {
  readonly register: Register;
  readonly result: SpaserResult;
  readonly plan: WritePlan;
  /** The state to save back (mappings in force and decisions). */
  readonly state: SavedState;
}

/** Raised when no input holds a recognisable register; French message. */
export class NoRegisterError extends Error {
  constructor(readonly files: readonly string[]) {
    super(
      files.length === 1
        ? `Aucun registre reconnu dans « ${files[0]} » : aucune feuille n'a d'en-tête avec les colonnes N° de marché, Objet, Montant HT et Date de notification.`
        : `Aucun registre reconnu dans ces classeurs : ${files.map((f) => `« ${f} »`).join(', ')}.`,
    );
    this.name = 'NoRegisterError';
  }
}

export function runChain(_inputs: readonly ChainInput[], _options: ChainOptions = {}): ChainOutput {
  throw new Error('runChain: not yet implemented');
}

/** The shape of one indicator definition: data the engine reads, nothing else. */
import type { ActionValues, CibleValues, RegisterFieldId, SuiviInsertionValues } from '../fields';
import type { CompanionRow, Register, Repartition, Unite } from '../model';
import type { Size } from '../suppliers';
import type { Zone } from '../zones';
import type { Columns, Positions } from './columns';

/** A field that must be mapped; a list means "at least one of them" (`regles.md` §2). */
export type Need = RegisterFieldId | readonly RegisterFieldId[];

export type SuiviRow = CompanionRow<SuiviInsertionValues>;
export type ActionRow = CompanionRow<ActionValues>;
export type CibleRow = CompanionRow<CibleValues>;

/** What a formula gives back. A null `valeur` without `repartition` needs a `motif`. */
export interface Outcome {
  readonly valeur: number | null;
  readonly repartition?: Repartition | null;
  /** Why there is no value (French). */
  readonly motif?: string;
  /** Overrides of the coverage the engine would compute. */
  readonly renseignees?: number;
  readonly total?: number;
  readonly note?: string | null;
}

/**
 * Everything a formula may read for one exercice and one scope (City or one
 * Pôle). Rows are designated by their position in `register.rows`; the row sets
 * are filtered once per scope, the columns built once per computation.
 */
export interface Context {
  readonly register: Register;
  /** The year being computed (N, or N−1 for the `n1` column). */
  readonly exercice: number;
  /** Null for the City-wide scope. */
  readonly pole: string | null;
  /** `R`: rows of the year without error. */
  readonly R: Positions;
  /** `M`: rows of `R` that are contracts (`horsMarche` not oui). */
  readonly M: Positions;
  /** `MC`: rows of `M` that went through a consultation. */
  readonly MC: Positions;
  /** The register's fields by position, for the rows of the years computed. */
  readonly columns: Columns;
  /** *Suivi insertion* rows of the year: those matching a contract of `M`, in sheet order. */
  readonly suivi: readonly SuiviRow[];
  /** *Actions SPASER* rows whose date falls in the year. */
  readonly actions: readonly ActionRow[];
  /** Targets of the year: each catalogue indicator's first *Cibles* row of the year with a `cible`. */
  readonly targets: ReadonlyMap<string, CibleRow>;
  readonly chartsWritten: number;
  zone(position: number): Zone;
  size(position: number): Size;
  /** Supplier of each position as a dense id in 0…supplierCount−1 (same key, same id); −1 when none. */
  supplierIds(): Int32Array;
  /** Number of distinct suppliers (ids are below it). */
  readonly supplierCount: number;
  /** `numero` as compared for `doublon`. */
  numero(position: number): string;
  /** Σ heures of the Suivi insertion rows (all inputs) of a contract, by normalised numero. */
  suiviHours(numero: string): { readonly heures: number; readonly filled: boolean } | undefined;
  /** `suiviHours(numero(position))`; numeros are not normalised when no Suivi insertion row has one. */
  suiviHoursOf(position: number): { readonly heures: number; readonly filled: boolean } | undefined;
  /** Value (calculé or saisi) of an indicator already resolved for this year, City-wide. */
  valueOf(id: string): number | null;
}

interface BaseDef {
  readonly id: string;
  readonly libelle: string;
  readonly unite: Unite;
  /** No per-Pôle value (companion sheets, charts…). */
  readonly cityOnly?: boolean;
  /** No N−1 value: the value describes this run, not the register (charts written). */
  readonly noN1?: boolean;
  /** A breakdown with no single value (`valeur` null, `repartition` only): per Pôle, its categories. */
  readonly breakdownOnly?: boolean;
}

/** An indicator over register rows (`R`, `M` or `MC`). */
export interface RegisterDef extends BaseDef {
  readonly kind: 'registre';
  readonly scope: 'R' | 'M' | 'MC';
  /** Fields a row's sheet must map for the row to take part. */
  readonly needs: readonly Need[];
  /** Fields whose filling makes a row "renseignée" (default: `needs`). */
  readonly filled?: readonly Need[];
  /** Uses `dep(r)`: the note says which amount was used. */
  readonly usesSpend?: boolean;
  /** The formula over the positions of the rows of the scope that take part (never empty). */
  compute(rows: Positions, ctx: Context): Outcome;
}

/** An indicator over the *Suivi insertion* rows of the year. */
export interface SuiviDef extends BaseDef {
  readonly kind: 'suivi';
  /** Column that the row's sheet must map (and whose filling counts as renseignée). */
  readonly column?: keyof SuiviInsertionValues;
  compute(rows: readonly SuiviRow[], ctx: Context): Outcome;
}

/** An indicator over the *Actions SPASER* rows of the year. */
export interface ActionsDef extends BaseDef {
  readonly kind: 'actions';
  compute(rows: readonly ActionRow[], ctx: Context): Outcome;
}

/** An indicator with its own data needs; it reports its own coverage. */
export interface CustomDef extends BaseDef {
  readonly kind: 'custom';
  /** Computed after every other indicator of the year (reads `valueOf`). */
  readonly last?: boolean;
  compute(ctx: Context): Outcome & { readonly renseignees: number; readonly total: number };
}

/** A value only the *Saisies manuelles* sheet can give. */
export interface ManualDef extends BaseDef {
  readonly kind: 'manuel';
}

export type IndicatorDef = RegisterDef | SuiviDef | ActionsDef | CustomDef | ManualDef;

/** `1.1.2-marches-ar` → axe 1, objectif `1.1.2`. */
export function objectifOf(id: string): string {
  return id.slice(0, id.indexOf('-'));
}

export function axeOf(id: string): number {
  return Number(id.slice(0, id.indexOf('.')));
}

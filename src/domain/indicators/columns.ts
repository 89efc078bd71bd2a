/**
 * The register as columns for one computation: typed arrays indexed by row
 * position in `register.rows` (the register's `RowStore`), with the valid
 * rows of N and N−1 as lists of positions.
 * Row sets (`R`, `M`, `MC` of each scope) are lists of positions, so a formula
 * is one tight loop over a list reading a few arrays, not a call per row.
 */
import { REGISTER_FIELDS, type RegisterFieldId } from '../fields';
import type { RegisterRow } from '../model';
import { poleKeyMemo, poleNames } from '../normalize';
import { OUI, RowStore } from '../row-store';
import { canonicalStore, FIELD_COUNT, fieldPosition, type CanonicalValues } from './row-view';

/** Positions in `register.rows`, in register order. */
export type Positions = Int32Array;

/** Field values that are numbers (entier, nombre, montant): NaN when empty. */
export type NumberField = {
  [K in RegisterFieldId]-?: NonNullable<CanonicalValues[K]> extends number ? K : never;
}[RegisterFieldId];
/** Yes/no fields: 1 for oui, 0 for non or empty. */
export type BooleanField = {
  [K in RegisterFieldId]-?: NonNullable<CanonicalValues[K]> extends boolean ? K : never;
}[RegisterFieldId];
/** Fields kept as their value (enum and date fields), undefined when empty. */
export type ValueField = (typeof REGISTER_FIELDS)[number] extends infer F
  ? F extends { readonly id: infer I; readonly type: 'enum' | 'date' }
    ? I & RegisterFieldId
    : never
  : never;

/** Free-text fields, kept as their value. */
type TextField = {
  [K in RegisterFieldId]-?: NonNullable<CanonicalValues[K]> extends string ? K : never;
}[Exclude<RegisterFieldId, ValueField>];

/** The row flags of `regles.md` §4 (declared or confirmed considerations). */
export type RowFlag = 'sociale' | 'environnementale' | 'innovation';

export class Columns {
  /** Number of rows of the register (the length of every column). */
  readonly size: number;
  /** Every position taken (valid rows of N and N−1), in register order. */
  readonly taken: Positions;
  /** Filled-field masks by position (bits as in `FieldMask`). */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** The source sheet of each position, as an index in `mappings` (rows of one sheet share their set). */
  readonly sheet: Int32Array;
  readonly mappings: readonly ReadonlySet<string>[];
  /** `pole` of each position as an index in `poles` (its spellings grouped, `normalizePole`), −1 when blank. */
  readonly pole: Int32Array;
  readonly poles: readonly string[];
  private readonly flags: Record<RowFlag, Uint8Array>;
  private readonly byYear = new Map<number, Positions>();
  /** The register's values by field position (the reader's own store, or a copy of hand-made rows). */
  private readonly store: RowStore;
  private readonly booleans: (Uint8Array | null)[] = new Array<Uint8Array | null>(FIELD_COUNT).fill(null);
  private readonly memos = new Map<object, unknown>();

  constructor(
    readonly rows: readonly RegisterRow[],
    exercice: number,
  ) {
    const n = rows.length;
    this.size = n;
    let store = canonicalStore(rows);
    if (store === undefined) {
      store = new RowStore();
      store.appendValues(rows.map((r) => r.values));
    }
    this.store = store;
    this.lo = store.lo;
    this.hi = store.hi;
    this.sheet = new Int32Array(n).fill(-1);
    this.pole = new Int32Array(n).fill(-1);
    this.flags = { sociale: new Uint8Array(n), environnementale: new Uint8Array(n), innovation: new Uint8Array(n) };
    const mappings: ReadonlySet<string>[] = [];
    const poles: string[] = [];
    const poleIds = new Map<string, number>();
    const keyOf = poleKeyMemo();
    const names = poleNames(rows, keyOf);
    const taken = new Int32Array(n);
    const yearOf = new Int32Array(n);
    let count = 0;
    const { sheet, pole } = this;
    const { sociale, environnementale, innovation } = this.flags;
    let lastMapped: ReadonlySet<string> | null = null;
    let lastSheet = -1;
    let lastPoleCell: string | null = null;
    let lastPole = -1;
    // One pass over the rows for what is not a cell value; the values stay in the store's columns.
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      const year = r.annee;
      if (r.hasError || (year !== exercice && year !== exercice - 1)) continue;
      taken[count] = i;
      yearOf[count++] = year as number;
      if (r.mapped !== lastMapped) {
        lastMapped = r.mapped;
        lastSheet = mappings.indexOf(lastMapped);
        if (lastSheet < 0) lastSheet = mappings.push(lastMapped) - 1;
      }
      sheet[i] = lastSheet;
      if (r.pole !== lastPoleCell) {
        lastPoleCell = r.pole;
        // Spellings of one Pôle are one group, shown as written in the most recent year (`poleNames`).
        const key = keyOf(r.pole);
        let id = key === '' ? -1 : poleIds.get(key);
        if (id === undefined) poleIds.set(key, (id = poles.push(names.get(key)!) - 1));
        lastPole = id;
      }
      pole[i] = lastPole;
      if (r.sociale) sociale[i] = 1;
      if (r.environnementale) environnementale[i] = 1;
      if (r.innovation) innovation[i] = 1;
    }
    this.taken = taken.slice(0, count);
    for (const year of [exercice, exercice - 1]) {
      const list = new Int32Array(count);
      let m = 0;
      for (let k = 0; k < count; k++) if (yearOf[k] === year) list[m++] = taken[k];
      this.byYear.set(year, list.slice(0, m));
    }
    this.mappings = mappings;
    this.poles = poles;
  }

  /** Positions of the valid rows of N or N−1 (none for another year). */
  valid(year: number): Positions {
    return this.byYear.get(year) ?? new Int32Array(0);
  }

  /** A number field by position, NaN when empty. */
  number(f: NumberField): Float64Array {
    return this.store.numberColumn(fieldPosition(f));
  }

  /** A yes/no field by position: 1 for oui (valid rows of N and N−1 only). */
  boolean(f: BooleanField): Uint8Array {
    const p = fieldPosition(f);
    let out = this.booleans[p];
    if (out === null) {
      out = this.booleans[p] = new Uint8Array(this.size);
      const bytes = this.store.booleanColumn(p);
      const taken = this.taken;
      for (let t = 0; t < taken.length; t++) {
        const i = taken[t];
        if (bytes[i] === OUI) out[i] = 1;
      }
    }
    return out;
  }

  /** An enum, date or text field by position, undefined when empty. */
  value<F extends ValueField | TextField>(f: F): readonly (CanonicalValues[F] | undefined)[] {
    return this.store.valueColumn(fieldPosition(f)) as (CanonicalValues[F] | undefined)[];
  }

  /** 1 where the row's consideration flag is set. */
  flag(f: RowFlag): Uint8Array {
    return this.flags[f];
  }

  /** 1 where the field is filled (as in the coverage masks). */
  filled(f: RegisterFieldId): Uint8Array {
    return this.memo(FILLED[fieldPosition(f)], () => {
      const p = fieldPosition(f);
      const bits = p < 32 ? this.lo : this.hi;
      const shift = p % 32;
      const out = new Uint8Array(this.size);
      for (const i of this.taken) out[i] = (bits[i] >>> shift) & 1;
      return out;
    });
  }

  /** Per sheet (index in `mappings`): 1 when the sheet maps the field. */
  sheetsMapping(f: RegisterFieldId): Uint8Array {
    return Uint8Array.from(this.mappings, (m) => (m.has(f) ? 1 : 0));
  }

  /** `build()` once per computation and key (derived columns, masks of tests). */
  memo<T>(key: object, build: () => T): T {
    let v = this.memos.get(key) as T | undefined;
    if (v === undefined) {
      v = build();
      this.memos.set(key, v);
    }
    return v;
  }
}

/** Memo keys of `filled`, one per field. */
const FILLED: readonly object[] = REGISTER_FIELDS.map(() => ({}));

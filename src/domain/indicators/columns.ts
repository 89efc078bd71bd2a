/**
 * The register as columns for one computation: typed arrays indexed by row
 * position in `register.rows`, filled for the valid rows of N and N−1.
 * Row sets (`R`, `M`, `MC` of each scope) are lists of positions, so a formula
 * is one tight loop over a list reading a few arrays, not a call per row.
 */
import { REGISTER_FIELDS, type RegisterFieldId } from '../fields';
import type { RegisterRow } from '../model';
import { canonicalMasks, canonicalValues, fieldPosition, filledMaskOf, type CanonicalValues } from './row-view';

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

/** Free-text fields kept as their value: read for every row (the supplier's identity), so taken in the pass. */
export type TextField = 'siret' | 'titulaire';
const KEPT_TEXT: ReadonlySet<string> = new Set<TextField>(['siret', 'titulaire']);

/** The row flags of `regles.md` §4 (declared or confirmed considerations). */
export type RowFlag = 'sociale' | 'environnementale' | 'innovation';

const NONE = 0;
const NUMBER = 1;
const BOOLEAN = 2;
const VALUE = 3;
/** Column kind by field position: other free text is read from the rows by the formulas that need it. */
const KIND = Int8Array.from(REGISTER_FIELDS, (f) => {
  if (KEPT_TEXT.has(f.id)) return VALUE;
  switch (f.type) {
    case 'entier':
    case 'nombre':
    case 'montant':
      return NUMBER;
    case 'booleen':
      return BOOLEAN;
    case 'enum':
    case 'date':
      return VALUE;
    default:
      return NONE;
  }
});

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
  /** Trimmed `pole` of each position as an index in `poles`, −1 when blank. */
  readonly pole: Int32Array;
  readonly poles: readonly string[];
  private readonly flags: Record<RowFlag, Uint8Array>;
  private readonly byYear = new Map<number, Positions>();
  private readonly numbers: (Float64Array | null)[];
  /** Yes/no fields that are oui, as bits by position (as the filled masks); unpacked on demand. */
  private readonly yesLo: Int32Array;
  private readonly yesHi: Int32Array;
  private readonly booleans: (Uint8Array | null)[];
  private readonly values: (unknown[] | null)[];
  private readonly memos = new Map<object, unknown>();

  constructor(
    readonly rows: readonly RegisterRow[],
    exercice: number,
  ) {
    const n = rows.length;
    this.size = n;
    this.lo = new Int32Array(n);
    this.hi = new Int32Array(n);
    this.sheet = new Int32Array(n).fill(-1);
    this.pole = new Int32Array(n).fill(-1);
    this.flags = { sociale: new Uint8Array(n), environnementale: new Uint8Array(n), innovation: new Uint8Array(n) };
    this.numbers = new Array<Float64Array | null>(KIND.length).fill(null);
    this.yesLo = new Int32Array(n);
    this.yesHi = new Int32Array(n);
    this.booleans = new Array<Uint8Array | null>(KIND.length).fill(null);
    this.values = new Array<unknown[] | null>(KIND.length).fill(null);
    const mappings: ReadonlySet<string>[] = [];
    const poles: string[] = [];
    const poleIds = new Map<string, number>();
    const taken = new Int32Array(n);
    const yearOf = new Int32Array(n);
    let count = 0;
    // The reader's rows come in the canonical shape with their masks; others are copied into it.
    const known = canonicalMasks(rows);
    const { lo, hi, sheet, pole } = this;
    const { sociale, environnementale, innovation } = this.flags;
    let lastMapped: ReadonlySet<string> | null = null;
    let lastSheet = -1;
    let lastPoleCell: string | null = null;
    let lastPole = -1;
    // One pass, each row read once while in cache: at 100,000 rows the rows lie scattered in memory.
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
        const trimmed = r.pole.trim();
        let id = trimmed === '' ? -1 : poleIds.get(trimmed);
        if (id === undefined) poleIds.set(trimmed, (id = poles.push(trimmed) - 1));
        lastPole = id;
      }
      pole[i] = lastPole;
      if (r.sociale) sociale[i] = 1;
      if (r.environnementale) environnementale[i] = 1;
      if (r.innovation) innovation[i] = 1;
      if (known !== undefined) {
        lo[i] = known.lo[i];
        hi[i] = known.hi[i];
        this.read(r.values as CanonicalValues, i);
      } else {
        const v = canonicalValues(r.values);
        const mask = filledMaskOf(v);
        lo[i] = mask.lo;
        hi[i] = mask.hi;
        this.read(v, i);
      }
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

  /** Stores the values of one row; columns are allocated when a field is first seen filled. */
  private read(v: CanonicalValues, i: number): void {
    // Keys come in `REGISTER_FIELDS` order (one literal), so the k-th key is field k;
    // for…in over one shape reads through V8's enum cache.
    let k = 0;
    let yesLo = 0;
    let yesHi = 0;
    for (const key in v) {
      const kind = KIND[k];
      if (kind !== NONE) {
        const x = v[key as RegisterFieldId];
        if (x !== undefined) {
          if (kind === BOOLEAN) {
            // One store per row for every yes/no field, not one per field.
            if (x === true) {
              if (k < 32) yesLo |= 1 << k;
              else yesHi |= 1 << (k - 32);
            }
          } else if (kind === NUMBER) {
            (this.numbers[k] ??= new Float64Array(this.size).fill(NaN))[i] = x as number;
          } else {
            (this.values[k] ??= new Array<unknown>(this.size).fill(undefined))[i] = x;
          }
        }
      }
      k++;
    }
    this.yesLo[i] = yesLo;
    this.yesHi[i] = yesHi;
  }

  /** Positions of the valid rows of N or N−1 (none for another year). */
  valid(year: number): Positions {
    return this.byYear.get(year) ?? new Int32Array(0);
  }

  /** A number field by position, NaN when empty. */
  number(f: NumberField): Float64Array {
    const p = fieldPosition(f);
    return (this.numbers[p] ??= new Float64Array(this.size).fill(NaN));
  }

  /** A yes/no field by position: 1 for oui. */
  boolean(f: BooleanField): Uint8Array {
    if (!this.unpacked) this.unpackBooleans();
    return (this.booleans[fieldPosition(f)] ??= new Uint8Array(this.size));
  }

  private unpacked = false;

  /** Every yes/no column in one pass over the bits: a store per oui, not a pass per field. */
  private unpackBooleans(): void {
    this.unpacked = true;
    const { taken, yesLo, yesHi, booleans, size } = this;
    for (let k = 0; k < KIND.length; k++) if (KIND[k] === BOOLEAN) booleans[k] = new Uint8Array(size);
    const cols = booleans as Uint8Array[];
    for (let t = 0; t < taken.length; t++) {
      const i = taken[t];
      for (let bits = yesLo[i]; bits !== 0; bits &= bits - 1) cols[31 - Math.clz32(bits & -bits)][i] = 1;
      for (let bits = yesHi[i]; bits !== 0; bits &= bits - 1) cols[63 - Math.clz32(bits & -bits)][i] = 1;
    }
  }

  /** An enum, date or kept text field by position, undefined when empty. */
  value<F extends ValueField | TextField>(f: F): readonly (CanonicalValues[F] | undefined)[] {
    const p = fieldPosition(f);
    return (this.values[p] ??= new Array<unknown>(this.size).fill(undefined)) as (CanonicalValues[F] | undefined)[];
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

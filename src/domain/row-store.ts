/**
 * The register's cell values kept as columns by field position (the order of
 * `REGISTER_FIELDS`), not as one object per row: numbers unboxed in
 * `Float64Array`s, yes/no in bytes, other values in plain arrays, filled fields
 * as two bit masks per row. At 100,000 rows, one 52-field object per row was a tenth of the
 * memory the garbage collector had to copy; here the reader appends a block of
 * rows column by column, and the engine reads the columns as they are. A row's
 * values object is built only when asked (`valuesAt`).
 */
import { REGISTER_FIELDS, type RegisterFieldId, type RegisterValues } from './fields';
import { type CanonicalValues, FIELD_COUNT, valuesFromSlots } from './indicators/row-view';

const NUMBER = 1;
const BOOLEAN = 2;
const VALUE = 3;
/** How a field is stored: numbers and yes/no in typed arrays, everything else as its value. */
const KIND = Int8Array.from(REGISTER_FIELDS, (f) =>
  f.type === 'entier' || f.type === 'nombre' || f.type === 'montant' ? NUMBER : f.type === 'booleen' ? BOOLEAN : VALUE,
);
/** Yes/no bytes: 0 empty, then non and oui. */
const NON = 1;
/** The byte of oui in a yes/no column. */
export const OUI = 2;

export class RowStore {
  /** Rows appended so far. */
  size = 0;
  private capacity = 0;
  /** Number fields by position, NaN when empty (null while no row has the field mapped). */
  readonly numbers: (Float64Array | null)[] = new Array<Float64Array | null>(FIELD_COUNT).fill(null);
  /** Yes/no fields by position: 0 empty, 1 non, 2 oui. */
  readonly booleans: (Uint8Array | null)[] = new Array<Uint8Array | null>(FIELD_COUNT).fill(null);
  /** Other fields by position, undefined when empty. */
  readonly others: (unknown[] | null)[] = new Array<unknown[] | null>(FIELD_COUNT).fill(null);
  /** Filled fields of each row as bits by position (0–31 in `lo`, 32–63 in `hi`). */
  lo: Int32Array = new Int32Array(0);
  hi: Int32Array = new Int32Array(0);

  /** Room for `more` rows, and a column for each of `positions`. */
  reserve(more: number, positions: readonly number[]): void {
    const needed = this.size + more;
    if (needed > this.capacity) {
      const capacity = Math.max(needed, this.capacity * 2, 64);
      this.lo = grown(this.lo, new Int32Array(capacity));
      this.hi = grown(this.hi, new Int32Array(capacity));
      for (let p = 0; p < FIELD_COUNT; p++) {
        const n = this.numbers[p];
        if (n !== null) this.numbers[p] = grown(n, new Float64Array(capacity).fill(NaN));
        const b = this.booleans[p];
        if (b !== null) this.booleans[p] = grown(b, new Uint8Array(capacity));
        const o = this.others[p];
        if (o !== null) this.others[p] = grownValues(o, capacity);
      }
      this.capacity = capacity;
    }
    for (const p of positions) {
      if (KIND[p] === NUMBER) this.numberColumn(p);
      else if (KIND[p] === BOOLEAN) this.booleanColumn(p);
      else this.valueColumn(p);
    }
  }

  /** Positions that have a column: the only fields a row can have filled. */
  private readonly present: number[] = [];

  private added<T>(p: number, column: T): T {
    this.present.push(p);
    return column;
  }

  /** A yes/no column (0 empty, 1 non, 2 oui), present or not. */
  booleanColumn(p: number): Uint8Array {
    return (this.booleans[p] ??= this.added(p, new Uint8Array(this.capacity)));
  }

  /** A number column (NaN where empty), present or not. */
  numberColumn(p: number): Float64Array {
    return (this.numbers[p] ??= this.added(p, new Float64Array(this.capacity).fill(NaN)));
  }

  /** A value column (undefined where empty), present or not. */
  valueColumn(p: number): unknown[] {
    return (this.others[p] ??= this.added(p, new Array<unknown>(this.capacity).fill(undefined)));
  }

  /** The value of one field of one row (undefined when empty). */
  valueAt(p: number, i: number): unknown {
    const kind = KIND[p];
    if (kind === NUMBER) {
      const x = this.numbers[p]?.[i];
      return x === undefined || x !== x ? undefined : x;
    }
    if (kind === BOOLEAN) {
      const b = this.booleans[p]?.[i];
      return b === OUI ? true : b === NON ? false : undefined;
    }
    return this.others[p]?.[i];
  }

  /** One row's values in the engine's single object shape. */
  valuesAt(i: number): CanonicalValues {
    const slots = SLOTS;
    const present = this.present;
    for (let k = 0; k < present.length; k++) slots[present[k]] = this.valueAt(present[k], i);
    const v = valuesFromSlots(slots);
    for (let k = 0; k < present.length; k++) slots[present[k]] = undefined;
    return v;
  }

  /**
   * Stores `from[at[j]]` as field `p` of row `base + j`, for j < count (room
   * reserved). Objects (cells that could not be read) and undefined stay empty.
   * One loop per kind of column, each storing one type.
   */
  putBlock(p: number, base: number, from: readonly unknown[], at: ArrayLike<number>, count: number): void {
    const kind = KIND[p];
    if (kind === NUMBER) {
      const to = this.numberColumn(p);
      for (let j = 0; j < count; j++) {
        const x = from[at[j]];
        if (typeof x === 'number') to[base + j] = x;
      }
    } else if (kind === BOOLEAN) {
      const to = this.booleanColumn(p);
      for (let j = 0; j < count; j++) {
        const x = from[at[j]];
        to[base + j] = x === true ? OUI : x === false ? NON : 0;
      }
    } else {
      const to = this.valueColumn(p);
      for (let j = 0; j < count; j++) {
        const x = from[at[j]];
        if (x !== undefined && typeof x !== 'object') to[base + j] = x;
      }
    }
  }

  /** Appends rows whose values are given as objects (registers built by hand, tests). */
  appendValues(rows: readonly RegisterValues[]): void {
    const base = this.size;
    const n = rows.length;
    const byField = FIELD_IDS.map((id) => rows.map((v) => v[id]));
    const positions: number[] = [];
    for (let p = 0; p < FIELD_COUNT; p++) if (byField[p].some((x) => x !== undefined)) positions.push(p);
    this.reserve(n, positions);
    const every = Int32Array.from({ length: n }, (_, j) => j);
    for (const p of positions) {
      this.putBlock(p, base, byField[p], every, n);
      const bits = p < 32 ? this.lo : this.hi;
      for (let j = 0; j < n; j++) if (byField[p][j] !== undefined) bits[base + j] |= 1 << p % 32;
    }
    this.size = base + n;
  }
}

const FIELD_IDS: readonly RegisterFieldId[] = REGISTER_FIELDS.map((f) => f.id);
const SLOTS: unknown[] = new Array<unknown>(FIELD_COUNT).fill(undefined);

/** `into` (a larger, emptied column) with `a` copied at its start. */
function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, into: T): T {
  into.set(a);
  return into;
}

function grownValues(a: unknown[], capacity: number): unknown[] {
  const b = new Array<unknown>(capacity).fill(undefined);
  for (let i = 0; i < a.length; i++) b[i] = a[i];
  return b;
}

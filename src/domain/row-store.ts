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
const OUI = 2;

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
      this.lo = grownInts(this.lo, capacity);
      this.hi = grownInts(this.hi, capacity);
      for (let p = 0; p < FIELD_COUNT; p++) {
        const n = this.numbers[p];
        if (n !== null) this.numbers[p] = grownNumbers(n, capacity);
        const b = this.booleans[p];
        if (b !== null) this.booleans[p] = grownBytes(b, capacity);
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

  /** Whether the field at this position is stored as a number column. */
  static isNumber(position: number): boolean {
    return KIND[position] === NUMBER;
  }

  /** Whether the field at this position is stored as a yes/no column. */
  static isBoolean(position: number): boolean {
    return KIND[position] === BOOLEAN;
  }

  /** The byte of a yes/no value (0 when empty). */
  static booleanByte(x: unknown): number {
    return x === true ? OUI : x === false ? NON : 0;
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

  /** Appends rows whose values are given as objects (registers built by hand, tests). */
  appendValues(rows: readonly RegisterValues[]): void {
    const positions: number[] = [];
    for (let p = 0; p < FIELD_COUNT; p++) if (rows.some((v) => v[FIELD_IDS[p]] !== undefined)) positions.push(p);
    this.reserve(rows.length, positions);
    for (const v of rows) {
      const i = this.size++;
      let lo = 0;
      let hi = 0;
      for (const p of positions) {
        const x = v[FIELD_IDS[p]];
        if (x === undefined) continue;
        if (KIND[p] === NUMBER) (this.numbers[p] as Float64Array)[i] = x as number;
        else if (KIND[p] === BOOLEAN) (this.booleans[p] as Uint8Array)[i] = RowStore.booleanByte(x);
        else (this.others[p] as unknown[])[i] = x;
        if (p < 32) lo |= 1 << p;
        else hi |= 1 << (p - 32);
      }
      this.lo[i] = lo;
      this.hi[i] = hi;
    }
  }
}

const FIELD_IDS: readonly RegisterFieldId[] = REGISTER_FIELDS.map((f) => f.id);
const SLOTS: unknown[] = new Array<unknown>(FIELD_COUNT).fill(undefined);

function grownInts(a: Int32Array, capacity: number): Int32Array {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}

function grownNumbers(a: Float64Array, capacity: number): Float64Array {
  const b = new Float64Array(capacity).fill(NaN);
  b.set(a);
  return b;
}

function grownBytes(a: Uint8Array, capacity: number): Uint8Array {
  const b = new Uint8Array(capacity);
  b.set(a);
  return b;
}

function grownValues(a: unknown[], capacity: number): unknown[] {
  const b = new Array<unknown>(capacity).fill(undefined);
  for (let i = 0; i < a.length; i++) b[i] = a[i];
  return b;
}

/** Building blocks of the formulas of `indicateurs.md` (notation section), over columns. */
import { digitsAt } from '../digits';
import { ENVIRONMENTAL_FIELDS, SOCIAL_FIELDS, type RegisterFieldId } from '../fields';
import type { RegisterRow } from '../model';
import type { BooleanField, Columns, NumberField, Positions, RowFlag, ValueField } from './columns';
import type { Context, Outcome } from './types';

/** A formula over the positions of the rows that take part. */
export type Compute = (rows: Positions, ctx: Context) => Outcome;

export const DENOMINATEUR_NUL = 'dénominateur nul';

/**
 * A yes/no per row. Built once per computation into a mask by position (1: holds),
 * then shared by every scope and indicator using the same test object.
 */
interface RowTest {
  readonly build: (c: Columns) => Uint8Array;
}

/** A number per row, built once per computation into a column by position (NaN: missing). */
interface RowAmount {
  readonly build: (c: Columns) => Float64Array;
}

/** The mask of a test for this computation. */
export function maskOf(test: RowTest, c: Columns): Uint8Array {
  return c.memo(test, () => test.build(c));
}

/** The column of an amount for this computation. */
export function amountOf(amount: RowAmount, c: Columns): Float64Array {
  return c.memo(amount, () => amount.build(c));
}

/** `field = oui`. */
export const isTrue = (f: BooleanField): RowTest => ({ build: (c) => c.boolean(f) });

/** A consideration of the row (`sociale(r)`, `env(r)`, `innov(r)`). */
export const flag = (f: RowFlag): RowTest => ({ build: (c) => c.flag(f) });

/** The field is filled. */
export const isFilled = (f: RegisterFieldId): RowTest => ({ build: (c) => c.filled(f) });

/** The field is empty. */
export const isEmpty = (f: RegisterFieldId): RowTest => not(isFilled(f));

/** An enum field holds one of `values` (empty matches none). */
export function isOneOf<F extends ValueField>(f: F, ...values: readonly string[]): RowTest {
  const wanted: ReadonlySet<unknown> = new Set(values);
  return { build: (c) => oneOfMask(c.taken, c.value(f), wanted, new Uint8Array(c.size)) };
}

export function not(test: RowTest): RowTest {
  return { build: (c) => combine(NOT, c.taken, maskOf(test, c), maskOf(test, c), new Uint8Array(c.size)) };
}

export function and(a: RowTest, b: RowTest): RowTest {
  return { build: (c) => combine(AND, c.taken, maskOf(a, c), maskOf(b, c), new Uint8Array(c.size)) };
}

export function or(a: RowTest, b: RowTest): RowTest {
  return { build: (c) => combine(OR, c.taken, maskOf(a, c), maskOf(b, c), new Uint8Array(c.size)) };
}

// The loops live in top-level functions, not in the closures built per formula:
// closures of one literal each warm up (and deopt) on their own, a top-level
// function once for every indicator using it.

function oneOfMask(taken: Positions, col: readonly unknown[], wanted: ReadonlySet<unknown>, out: Uint8Array): Uint8Array {
  for (let k = 0; k < taken.length; k++) {
    const i = taken[k];
    if (wanted.has(col[i])) out[i] = 1;
  }
  return out;
}

const NOT = 0;
const AND = 1;
const OR = 2;

function combine(op: number, taken: Positions, a: Uint8Array, b: Uint8Array, out: Uint8Array): Uint8Array {
  for (let k = 0; k < taken.length; k++) {
    const i = taken[k];
    out[i] = op === NOT ? 1 - a[i] : op === AND ? a[i] & b[i] : a[i] | b[i];
  }
  return out;
}

/** A number field (missing when empty). */
export const field = (f: NumberField): RowAmount => ({ build: (c) => c.number(f) });

/** `1` where the test holds, else `0`. */
export function oneIf(test: RowTest): RowAmount {
  return { build: (c) => oneIfColumn(c.taken, maskOf(test, c), new Float64Array(c.size)) };
}

function oneIfColumn(taken: Positions, m: Uint8Array, out: Float64Array): Float64Array {
  for (let k = 0; k < taken.length; k++) {
    const i = taken[k];
    out[i] = m[i];
  }
  return out;
}

/** `a + b`, a missing term counting 0 (never missing). */
export function plus(a: RowAmount, b: RowAmount): RowAmount {
  return { build: (c) => plusColumn(c.taken, amountOf(a, c), amountOf(b, c), new Float64Array(c.size)) };
}

function plusColumn(taken: Positions, ca: Float64Array, cb: Float64Array, out: Float64Array): Float64Array {
  for (let k = 0; k < taken.length; k++) {
    const i = taken[k];
    const x = ca[i];
    const y = cb[i];
    out[i] = (x === x ? x : 0) + (y === y ? y : 0);
  }
  return out;
}

/** `dep(r)` (`regles.md` §5): `montantMandate` when filled (hence mapped), else `montant`, else 0. */
export const dep: RowAmount = {
  build: (c) => {
    const mandate = c.number('montantMandate');
    const notified = c.number('montant');
    const out = new Float64Array(c.size);
    const taken = c.taken;
    for (let k = 0; k < taken.length; k++) {
      const i = taken[k];
      const m = mandate[i];
      const n = notified[i];
      out[i] = m === m ? m : n === n ? n : 0;
    }
    return out;
  },
};

/** `mt(r)`: the notified amount (missing adds 0). */
export const mt: RowAmount = field('montant');

/** `AR(r)`: a social or environmental consideration. */
export const ar: RowTest = or(flag('sociale'), flag('environnementale'));

/** Fields behind "a social field", "a social or environmental field". */
export const SOCIAL: readonly RegisterFieldId[] = SOCIAL_FIELDS;
export const SOCIAL_OR_ENV: readonly RegisterFieldId[] = [...SOCIAL_FIELDS, ...ENVIRONMENTAL_FIELDS];

/** Every row (the default test): a mask of ones, so that each formula has one loop. */
const EVERY_ROW: RowTest = {
  build: (c) => {
    const out = new Uint8Array(c.size);
    const taken = c.taken;
    for (let k = 0; k < taken.length; k++) out[taken[k]] = 1;
    return out;
  },
};

// Each formula below reads its columns and calls the kernels further down: the same
// code for every indicator, over arrays of one type (monomorphic).

/** `#{r : test}`. */
export function countOf(test: RowTest): Compute {
  return (rows, ctx) => ({ valeur: countIn(rows, maskOf(test, ctx.columns)) });
}

/** `Σ amount` over `{r : test}`; a missing amount adds 0. */
export function sumOf(amount: RowAmount, test: RowTest = EVERY_ROW): Compute {
  return (rows, ctx) => ({ valeur: sumIn(rows, amountOf(amount, ctx.columns), maskOf(test, ctx.columns)) });
}

/** `% #{num} / #{den}` (den: every row when omitted; num is taken within den). */
export function percentOfCount(num: RowTest, den: RowTest = EVERY_ROW, motifIfEmpty = DENOMINATEUR_NUL): Compute {
  return (rows, ctx) => {
    countPairIn(rows, maskOf(num, ctx.columns), maskOf(den, ctx.columns));
    const d = pair[1];
    return d === 0 ? { valeur: null, motif: motifIfEmpty } : { valeur: (100 * pair[0]) / d };
  };
}

/** `% Σ_{num} amount / Σ_{den} amount` (num is taken within den). */
export function percentOfSum(amount: RowAmount, num: RowTest, den: RowTest = EVERY_ROW, motifIfEmpty = DENOMINATEUR_NUL): Compute {
  return (rows, ctx) => {
    sumPairIn(rows, amountOf(amount, ctx.columns), maskOf(num, ctx.columns), maskOf(den, ctx.columns));
    const d = pair[1];
    return d === 0 ? { valeur: null, motif: motifIfEmpty } : { valeur: (100 * pair[0]) / d };
  };
}

/** Mean of a number over the rows where it is filled (missing values left out). */
export function meanOf(value: RowAmount, test: RowTest = EVERY_ROW): Compute {
  return (rows, ctx) => {
    sumCountIn(rows, amountOf(value, ctx.columns), maskOf(test, ctx.columns));
    const n = pair[1];
    return n === 0 ? { valeur: null, motif: 'aucune valeur renseignée' } : { valeur: pair[0] / n };
  };
}

// Sums add in register order, as row by row; each kernel is one loop over typed arrays.

/** Rows where `m` holds. */
function countIn(rows: Positions, m: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < rows.length; k++) n += m[rows[k]];
  return n;
}

/** Σ of the filled amounts where `m` holds. */
function sumIn(rows: Positions, a: Float64Array, m: Uint8Array): number {
  let s = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const x = a[i];
    if (m[i] === 1 && x === x) s += x;
  }
  return s;
}

/** Two results of one pass, read right after the call (no object per call). */
const pair = new Float64Array(2);

/** `pair` ← rows where both `num` and `den` hold, rows where `den` holds. */
function countPairIn(rows: Positions, num: Uint8Array, den: Uint8Array): void {
  let n = 0;
  let d = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const inDen = den[i];
    d += inDen;
    n += num[i] & inDen;
  }
  pair[0] = n;
  pair[1] = d;
}

/** `pair` ← Σ of the filled amounts where both `num` and `den` hold, Σ where `den` holds. */
function sumPairIn(rows: Positions, a: Float64Array, num: Uint8Array, den: Uint8Array): void {
  let n = 0;
  let d = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const x = a[i];
    if (den[i] === 0 || x !== x) continue;
    d += x;
    if (num[i] === 1) n += x;
  }
  pair[0] = n;
  pair[1] = d;
}

/** `pair` ← Σ of the filled amounts where `m` holds, how many they are. */
function sumCountIn(rows: Positions, a: Float64Array, m: Uint8Array): void {
  let s = 0;
  let n = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const x = a[i];
    if (m[i] === 0 || x !== x) continue;
    s += x;
    n++;
  }
  pair[0] = s;
  pair[1] = n;
}

/**
 * `attendus(r)` of `2.1.5-relation-fournisseur`: 2 when the contract ends by
 * 31/12/N, 1 when it reaches its half-way point by then, else 0 (0 too when
 * `dureeMois` is empty).
 */
export function bilansAttendus(r: RegisterRow, exercice: number): number {
  const date = r.values.dateNotification;
  return attendus(date === undefined ? NaN : monthIndexOf(date), r.values.dureeMois ?? NaN, exercice);
}

/** `attendus` from the notification month (`monthIndexOf`) and the duration, NaN when empty. */
export function attendus(month: number, duree: number, exercice: number): number {
  if (duree !== duree || month !== month) return 0;
  // date + k months (day clamped) ≤ 31/12/N exactly when its month is December N or
  // earlier, whatever the day: compare month numbers, no date arithmetic per row.
  const lastMonth = exercice * 12 + 11;
  if (month + duree <= lastMonth) return 2;
  if (month + Math.ceil(duree / 2) <= lastMonth) return 1;
  return 0;
}

/** `aaaa * 12 + mm - 1` of an ISO date; digits read in place (no slices). */
function monthIndexOf(iso: string): number {
  const y = digitsAt(iso, 0, 4);
  const m = digitsAt(iso, 5, 2);
  if (y < 0 || m < 0) return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1; // NaN past the end
  return y * 12 + m - 1;
}

/** `monthIndexOf(dateNotification)` by position (NaN when empty). */
export const notificationMonth: RowAmount = {
  build: (c) => {
    const dates = c.value('dateNotification');
    const out = new Float64Array(c.size).fill(NaN);
    const taken = c.taken;
    for (let k = 0; k < taken.length; k++) {
      const i = taken[k];
      const d = dates[i];
      if (d !== undefined) out[i] = monthIndexOf(d);
    }
    return out;
  },
};

interface ShareCategory {
  readonly fournisseurs: number;
  readonly depense: number;
}

/**
 * Breakdown of distinct suppliers and spend over categories: a supplier takes
 * the category of its first row; rows without an identifiable supplier add
 * their spend to their own category but no supplier.
 */
export function supplierBreakdown(
  categories: readonly string[],
  categoryOf: (position: number, ctx: Context) => string,
): Compute {
  const index = new Map<string, number>();
  categories.forEach((c, i) => index.set(c, i));
  return (rows, ctx) => {
    const suppliers = new Array<number>(categories.length).fill(0);
    const spend = new Array<number>(categories.length).fill(0);
    const ids = ctx.supplierIds();
    const spent = amountOf(dep, ctx.columns);
    // Category of each supplier seen, by supplier id (−1: not seen yet): no map of keys per scope.
    const supplierCategory = new Int32Array(ctx.supplierCount).fill(-1);
    let totalSuppliers = 0;
    let totalSpend = 0;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      const id = ids[i];
      let cat = id < 0 ? -1 : supplierCategory[id];
      if (cat < 0) {
        cat = index.get(categoryOf(i, ctx)) ?? categories.length - 1;
        if (id >= 0) {
          supplierCategory[id] = cat;
          suppliers[cat]++;
          totalSuppliers++;
        }
      }
      const a = spent[i];
      spend[cat] += a;
      totalSpend += a;
    }
    if (totalSuppliers === 0) {
      return { valeur: null, motif: 'aucun titulaire identifié (SIRET ou nom du titulaire)' };
    }
    if (totalSpend === 0) return { valeur: null, motif: DENOMINATEUR_NUL };
    const repartition: Record<string, ShareCategory> = {};
    categories.forEach((c, i) => {
      repartition[c] = { fournisseurs: (100 * suppliers[i]) / totalSuppliers, depense: (100 * spend[i]) / totalSpend };
    });
    return { valeur: null, repartition };
  };
}

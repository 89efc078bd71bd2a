/** Building blocks of the formulas of `indicateurs.md` (notation section). */
import { ENVIRONMENTAL_FIELDS, SOCIAL_FIELDS, type RegisterFieldId } from '../fields';
import type { RegisterRow } from '../model';
import type { Context, Outcome } from './types';

type Rows = readonly RegisterRow[];
type Compute = (rows: Rows, ctx: Context) => Outcome;
export type RowTest = (r: RegisterRow) => boolean;
export type RowAmount = (r: RegisterRow) => number | undefined;

export const DENOMINATEUR_NUL = 'dénominateur nul';

/** `dep(r)` (`regles.md` §5): `montantMandate` when filled (hence mapped), else `montant`. */
export const dep = (r: RegisterRow): number => r.values.montantMandate ?? r.values.montant ?? 0;
/** `mt(r)`: the notified amount. */
export const mt = (r: RegisterRow): number => r.values.montant ?? 0;
/** `AR(r)`: a social or environmental consideration. */
export const ar: RowTest = (r) => r.sociale || r.environnementale;

/** Fields behind "a social field", "a social or environmental field". */
export const SOCIAL: readonly RegisterFieldId[] = SOCIAL_FIELDS;
export const SOCIAL_OR_ENV: readonly RegisterFieldId[] = [...SOCIAL_FIELDS, ...ENVIRONMENTAL_FIELDS];

/**
 * A formula taken row by row, in order: the engine feeds several in one pass over
 * the rows of a scope (each row read once while in cache, not once per indicator).
 */
export interface RowFold {
  add(r: RegisterRow): void;
  result(): Outcome;
}

/** A formula that can also be folded: `compute(rows)` is exactly `fold()` fed every row. */
export type FoldableCompute = Compute & { readonly fold: () => RowFold };

function foldable(fold: () => RowFold): FoldableCompute {
  const compute = (rows: Rows): Outcome => {
    const f = fold();
    for (let i = 0; i < rows.length; i++) f.add(rows[i]);
    return f.result();
  };
  return Object.assign(compute, { fold });
}

/** The fold of a formula built by `countOf`, `sumOf`, `percentOfCount`, `percentOfSum` or `meanOf`. */
export function foldOf(compute: unknown): (() => RowFold) | undefined {
  return (compute as Partial<FoldableCompute>).fold;
}

/** `#{r : test}`. */
export function countOf(test: RowTest): FoldableCompute {
  return foldable(() => {
    let n = 0;
    return {
      add: (r) => {
        if (test(r)) n++;
      },
      result: () => ({ valeur: n }),
    };
  });
}

/** `Σ amount` over `{r : test}`; a missing amount adds 0. */
export function sumOf(amount: RowAmount, test?: RowTest): FoldableCompute {
  return foldable(() => {
    let s = 0;
    return {
      add: (r) => {
        if (test === undefined || test(r)) s += amount(r) ?? 0;
      },
      result: () => ({ valeur: s }),
    };
  });
}

/** `% #{num} / #{den}` (den: every row when omitted; num is taken within den). */
export function percentOfCount(num: RowTest, den?: RowTest, motifIfEmpty = DENOMINATEUR_NUL): FoldableCompute {
  return foldable(() => {
    let n = 0;
    let d = 0;
    return {
      add: (r) => {
        if (den !== undefined && !den(r)) return;
        d++;
        if (num(r)) n++;
      },
      result: () => (d === 0 ? { valeur: null, motif: motifIfEmpty } : { valeur: (100 * n) / d }),
    };
  });
}

/** `% Σ_{num} amount / Σ_{den} amount` (num is taken within den). */
export function percentOfSum(amount: RowAmount, num: RowTest, den?: RowTest, motifIfEmpty = DENOMINATEUR_NUL): FoldableCompute {
  return foldable(() => {
    let n = 0;
    let d = 0;
    return {
      add: (r) => {
        if (den !== undefined && !den(r)) return;
        const a = amount(r) ?? 0;
        d += a;
        if (num(r)) n += a;
      },
      result: () => (d === 0 ? { valeur: null, motif: motifIfEmpty } : { valeur: (100 * n) / d }),
    };
  });
}

/** Mean of a number over the rows where it is filled (missing values left out). */
export function meanOf(value: RowAmount, test?: RowTest): FoldableCompute {
  return foldable(() => {
    let s = 0;
    let n = 0;
    return {
      add: (r) => {
        if (test !== undefined && !test(r)) return;
        const v = value(r);
        if (v === undefined) return;
        s += v;
        n++;
      },
      result: () => (n === 0 ? { valeur: null, motif: 'aucune valeur renseignée' } : { valeur: s / n }),
    };
  });
}

/** `date` (ISO) + `months` calendar months, the day clamped to the month's end; ISO result. */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `attendus(r)` of `2.1.5-relation-fournisseur`: 2 when the contract ends by
 * 31/12/N, 1 when it reaches its half-way point by then, else 0 (0 too when
 * `dureeMois` is empty).
 */
export function bilansAttendus(r: RegisterRow, exercice: number): number {
  const duree = r.values.dureeMois;
  const date = r.values.dateNotification;
  if (duree === undefined || date === undefined) return 0;
  // date + k months (day clamped) ≤ 31/12/N exactly when its month is December N or
  // earlier, whatever the day: compare month numbers, no date arithmetic per row.
  const month = monthIndexOf(date);
  const lastMonth = exercice * 12 + 11;
  if (month + duree <= lastMonth) return 2;
  if (month + Math.ceil(duree / 2) <= lastMonth) return 1;
  return 0;
}

/** `aaaa * 12 + mm - 1` of an ISO date; digits read in place (called per row and scope, no slices). */
function monthIndexOf(iso: string): number {
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1; // NaN past the end
    y = y * 10 + c;
  }
  const m1 = iso.charCodeAt(5) - 48;
  const m2 = iso.charCodeAt(6) - 48;
  if (!(m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9)) return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  return y * 12 + m1 * 10 + m2 - 1;
}

export interface ShareCategory {
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
  categoryOf: (r: RegisterRow, ctx: Context) => string,
): Compute {
  const index = new Map<string, number>();
  categories.forEach((c, i) => index.set(c, i));
  return (rows, ctx) => {
    const suppliers = new Array<number>(categories.length).fill(0);
    const spend = new Array<number>(categories.length).fill(0);
    // Category of each supplier seen, by supplier id (−1: not seen yet): no map of keys per scope.
    const supplierCategory = new Int32Array(ctx.supplierCount).fill(-1);
    let totalSuppliers = 0;
    let totalSpend = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const id = ctx.supplierId(r);
      let cat = id < 0 ? -1 : supplierCategory[id];
      if (cat < 0) {
        cat = index.get(categoryOf(r, ctx)) ?? categories.length - 1;
        if (id >= 0) {
          supplierCategory[id] = cat;
          suppliers[cat]++;
          totalSuppliers++;
        }
      }
      const a = dep(r);
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

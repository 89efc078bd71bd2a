/**
 * Computes the catalogue for an exercice: City-wide values with statut,
 * coverage, N−1, target and per-Pôle values (`indicateurs.md`, `sortie.md`).
 */
import { PROCEDURE_SANS_PUBLICITE, registerField, SUIVI_INSERTION_FIELDS, type RegisterFieldId } from '../fields';
import type { IndicatorResult, Register, RegisterRow, Repartition, Statut } from '../model';
import { normalizeNumero } from '../normalize';
import { sizeOf, supplierKey, type Size } from '../suppliers';
import { zoneOf, type Zone } from '../zones';
import { cibleAtteinte, sensOf } from './axe1';
import { CATALOGUE } from './catalogue';
import { foldOf, type RowFold } from './formulas';
import { canonicalMasks, filledMaskOf, maskOf, rowView, type CanonicalValues, type FieldMask } from './row-view';
import type { ActionRow, CibleRow, Context, IndicatorDef, Need, Outcome, RegisterDef, SuiviRow } from './types';
import { axeOf, objectifOf } from './types';

export interface ComputeOptions {
  /** Charts the writer draws in the indicator sheets (`1.1.2-dataviz`). */
  readonly chartsWritten: number;
}

/** Exercice by default (`regles.md` §9): the year with most rows with a readable date, errors included; tie → later. */
export function defaultExercice(rows: readonly RegisterRow[]): number | null {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.annee !== null) counts.set(r.annee, (counts.get(r.annee) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = n;
    }
  }
  return best;
}

/** The amount used as spend for the valid rows of N: `montantMandate` as soon as one row uses it. */
export function spendUsed(register: Register, exercice: number): 'montantMandate' | 'montant' {
  for (const r of register.rows) {
    if (!r.hasError && r.annee === exercice && r.values.montantMandate !== undefined) return 'montantMandate';
  }
  return 'montant';
}

interface Resolved {
  readonly statut: Statut;
  readonly valeur: number | null;
  readonly repartition: Repartition | null;
  readonly couverture: { readonly renseignees: number; readonly total: number };
  readonly motif: string | null;
  readonly note: string | null;
}

const needMask = (n: Need): FieldMask => maskOf(typeof n === 'string' ? [n] : n);
const MANDATE = fieldGroups([maskOf(['montantMandate'])]);

/** Rows and their filled-field masks in contiguous arrays (cheap to scan). */
interface RowSet {
  readonly rows: readonly RegisterRow[];
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** The distinct `mapped` sets (one per source sheet), and each row's among them. */
  readonly mappings: readonly ReadonlySet<string>[];
  readonly mappingOf: Uint32Array;
  /** `countFilled` results by mask signature: many indicators share their needs. */
  readonly filledCounts: Map<string, number>;
}

/** Masks of field groups, with a signature equal for equal groups (the cache key of `countFilled`). */
interface FieldGroups {
  readonly masks: readonly FieldMask[];
  readonly signature: string;
}

function fieldGroups(masks: readonly FieldMask[]): FieldGroups {
  return { masks, signature: masks.map((m) => `${m.lo}:${m.hi}`).join(',') };
}

/** How many rows of the set have a field of every group filled (counted once per set and groups). */
function countFilled(set: RowSet, groups: FieldGroups): number {
  let n = set.filledCounts.get(groups.signature);
  if (n === undefined) {
    n = countFilledRows(set, groups.masks);
    set.filledCounts.set(groups.signature, n);
  }
  return n;
}

function countFilledRows(set: RowSet, groups: readonly FieldMask[]): number {
  const { lo, hi } = set;
  let n = 0;
  outer: for (let i = 0; i < lo.length; i++) {
    for (let g = 0; g < groups.length; g++) {
      if ((lo[i] & groups[g].lo) === 0 && (hi[i] & groups[g].hi) === 0) continue outer;
    }
    n++;
  }
  return n;
}

/** The rows whose mapping is kept, with their masks. */
function subset(set: RowSet, keep: readonly boolean[]): RowSet {
  const rows: RegisterRow[] = [];
  const idx: number[] = [];
  for (let i = 0; i < set.rows.length; i++) {
    if (keep[set.mappingOf[i]]) {
      rows.push(set.rows[i]);
      idx.push(i);
    }
  }
  const lo = new Int32Array(idx.length);
  const hi = new Int32Array(idx.length);
  const mappingOf = new Uint32Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    lo[k] = set.lo[idx[k]];
    hi[k] = set.hi[idx[k]];
    mappingOf[k] = set.mappingOf[idx[k]];
  }
  return { rows, lo, hi, mappings: set.mappings, mappingOf, filledCounts: new Map() };
}

/** The inner map of `key`, created when missing. */
function lookup<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (inner === undefined) outer.set(key, (inner = new Map()));
  return inner;
}

/**
 * Register size above which the engine copies the reader's rows into fresh views
 * (registre-10000: the copy costs ~3 ms; registre-100000: it saves ~250 ms).
 */
const PACK_ROWS_ABOVE = 30_000;

/**
 * Per-row data shared by every scope and year of one computation, by row
 * position: canonical views, filled-field masks and cached lookups.
 */
class Shared {
  private readonly filledLo: Int32Array;
  private readonly filledHi: Int32Array;
  // By row index, allocated whole: filled out of order, a growing array would turn sparse (slow).
  private readonly zones: (Zone | undefined)[];
  private readonly zoneOfPlace = new Map<string, Map<string, Map<string, Zone>>>();
  private readonly sizes: (Size | undefined)[];
  private readonly suppliers: (string | null | undefined)[];
  private readonly supplierKeys = new Map<string, Map<string, string | null>>();
  private readonly numeros: (string | undefined)[];
  /** Normalised `numero` of each Suivi insertion row ('' when empty). */
  readonly suiviNumeros: readonly string[];
  readonly hours = new Map<string, { heures: number; filled: boolean }>();

  constructor(
    readonly register: Register,
    readonly chartsWritten: number,
  ) {
    this.filledLo = new Int32Array(register.rows.length);
    this.filledHi = new Int32Array(register.rows.length);
    this.zones = new Array<Zone | undefined>(register.rows.length).fill(undefined);
    this.sizes = new Array<Size | undefined>(register.rows.length).fill(undefined);
    this.suppliers = new Array<string | null | undefined>(register.rows.length).fill(undefined);
    this.numeros = new Array<string | undefined>(register.rows.length).fill(undefined);
    this.suiviNumeros = register.suiviInsertion.map((s) => (s.values.numero ? normalizeNumero(s.values.numero) : ''));
    register.suiviInsertion.forEach((s, i) => {
      const key = this.suiviNumeros[i];
      if (key === '') return;
      let h = this.hours.get(key);
      if (h === undefined) {
        h = { heures: 0, filled: false };
        this.hours.set(key, h);
      }
      if (s.values.heures !== undefined) {
        h.heures += s.values.heures;
        h.filled = true;
      }
    });
  }

  /** `R` of a year: views of the rows of that year without error, in register order. */
  validRowsOf(year: number): RegisterRow[] {
    const out: RegisterRow[] = [];
    const rows = this.register.rows;
    // The reader's rows are already in the engine's shape, their masks known while reading;
    // other rows (built by hand) are copied and their masks computed here.
    const known = canonicalMasks(rows);
    // Every indicator walks these rows again: in a large register the reader's rows lie
    // scattered in the old generation (each pass then waits on memory); fresh views,
    // allocated side by side, are read in sequence. Below that size the copy costs more.
    const pack = rows.length > PACK_ROWS_ABOVE;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.annee !== year || r.hasError) continue;
      if (known !== undefined) {
        this.filledLo[i] = known.lo[i];
        this.filledHi[i] = known.hi[i];
        out.push(pack ? rowView(r, i) : r);
        continue;
      }
      const view = rowView(r, i);
      const mask = filledMaskOf(view.values as CanonicalValues);
      this.filledLo[i] = mask.lo;
      this.filledHi[i] = mask.hi;
      out.push(view);
    }
    return out;
  }

  /** Rows with their filled masks side by side, and the sheet mapping of each. */
  rowSet(rows: readonly RegisterRow[]): RowSet {
    const lo = new Int32Array(rows.length);
    const hi = new Int32Array(rows.length);
    const mappingOf = new Uint32Array(rows.length);
    const mappings: ReadonlySet<string>[] = [];
    const ids = new Map<ReadonlySet<string>, number>();
    let last: ReadonlySet<string> | null = null;
    let lastId = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      lo[i] = this.filledLo[r.index];
      hi[i] = this.filledHi[r.index];
      if (r.mapped !== last) {
        last = r.mapped;
        let id = ids.get(last);
        if (id === undefined) {
          id = mappings.length;
          mappings.push(last);
          ids.set(last, id);
        }
        lastId = id;
      }
      mappingOf[i] = lastId;
    }
    return { rows, lo, hi, mappings, mappingOf, filledCounts: new Map() };
  }

  zone(r: RegisterRow): Zone {
    const cached = this.zones[r.index];
    if (cached !== undefined) return cached;
    // Suppliers' addresses recur on many rows: judge each (country, commune, postal code) once.
    // Nested maps keyed by the cells' own strings: their hashes are cached, a joined key's is not.
    const v = r.values;
    const byCommune = lookup(this.zoneOfPlace, v.paysTitulaire ?? '');
    const byPostalCode = lookup(byCommune, v.communeTitulaire ?? '');
    const postalCode = v.codePostalTitulaire ?? '';
    let zone = byPostalCode.get(postalCode);
    if (zone === undefined) {
      zone = zoneOf(v);
      byPostalCode.set(postalCode, zone);
    }
    return (this.zones[r.index] = zone);
  }
  size(r: RegisterRow): Size {
    return (this.sizes[r.index] ??= sizeOf(r.values));
  }
  supplier(r: RegisterRow): string | null {
    const cached = this.suppliers[r.index];
    if (cached !== undefined) return cached;
    return (this.suppliers[r.index] = this.supplierKeyOf(r.values));
  }
  private supplierKeyOf(v: RegisterRow['values']): string | null {
    // The same supplier recurs on many rows: normalise each (SIRET, name) pair once.
    const byName = lookup(this.supplierKeys, v.siret ?? '');
    const name = v.titulaire ?? '';
    let key = byName.get(name);
    if (key === undefined) {
      key = supplierKey(v);
      byName.set(name, key);
    }
    return key;
  }
  /** Dense supplier ids of the rows without error by position (−1: no supplier), assigned on first use. */
  private supplierIds: Int32Array | null = null;
  private supplierTotal = 0;
  private assignSupplierIds(): Int32Array {
    const rows = this.register.rows;
    const ids = new Int32Array(rows.length).fill(-1);
    const idOfKey = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].hasError) continue;
      const key = this.supplierKeyOf(rows[i].values);
      if (key === null) continue;
      let id = idOfKey.get(key);
      if (id === undefined) idOfKey.set(key, (id = idOfKey.size));
      ids[i] = id;
    }
    this.supplierTotal = idOfKey.size;
    return ids;
  }
  supplierId(r: RegisterRow): number {
    return (this.supplierIds ??= this.assignSupplierIds())[r.index];
  }
  get supplierCount(): number {
    this.supplierIds ??= this.assignSupplierIds();
    return this.supplierTotal;
  }
  numero(r: RegisterRow): string {
    return (this.numeros[r.index] ??= normalizeNumero(r.values.numero ?? ''));
  }
  suiviHoursOf(r: RegisterRow): { heures: number; filled: boolean } | undefined {
    // Most registers come without Suivi insertion: no numero to normalise then.
    return this.hours.size === 0 ? undefined : this.hours.get(this.numero(r));
  }
}

/** One exercice and one scope (City or a Pôle). */
class Scope implements Context {
  readonly register: Register;
  readonly chartsWritten: number;
  readonly M: readonly RegisterRow[];
  readonly MC: readonly RegisterRow[];
  readonly resolved = new Map<string, Resolved>();
  private suiviRows: readonly SuiviRow[] | null = null;
  private actionRows: readonly ActionRow[] | null = null;
  private cibleRows: readonly CibleRow[] | null = null;

  constructor(
    readonly shared: Shared,
    readonly exercice: number,
    readonly pole: string | null,
    readonly R: readonly RegisterRow[],
  ) {
    this.register = shared.register;
    this.chartsWritten = shared.chartsWritten;
    const M: RegisterRow[] = [];
    const MC: RegisterRow[] = [];
    for (const r of R) {
      if (r.values.horsMarche === true) continue;
      M.push(r);
      if (r.values.procedure !== PROCEDURE_SANS_PUBLICITE) MC.push(r);
    }
    this.M = M;
    this.MC = MC;
    this.sets = { R: shared.rowSet(R), M: shared.rowSet(M), MC: shared.rowSet(MC) };
  }

  /** `R`, `M`, `MC` with their masks and sheet runs. */
  readonly sets: { readonly R: RowSet; readonly M: RowSet; readonly MC: RowSet };

  get suivi(): readonly SuiviRow[] {
    if (this.suiviRows === null) {
      const contracts = new Set<string>();
      for (const r of this.M) contracts.add(this.shared.numero(r));
      const nums = this.shared.suiviNumeros;
      this.suiviRows = this.register.suiviInsertion.filter((_, i) => nums[i] !== '' && contracts.has(nums[i]));
    }
    return this.suiviRows;
  }

  get actions(): readonly ActionRow[] {
    const year = String(this.exercice);
    return (this.actionRows ??= this.register.actions.filter((a) => a.values.date !== undefined && a.values.date.startsWith(year)));
  }

  get cibles(): readonly CibleRow[] {
    return (this.cibleRows ??= this.register.cibles.filter((c) => c.values.annee === this.exercice));
  }

  zone(r: RegisterRow): Zone {
    return this.shared.zone(r);
  }
  size(r: RegisterRow): Size {
    return this.shared.size(r);
  }
  supplier(r: RegisterRow): string | null {
    return this.shared.supplier(r);
  }
  supplierId(r: RegisterRow): number {
    return this.shared.supplierId(r);
  }
  get supplierCount(): number {
    return this.shared.supplierCount;
  }
  numero(r: RegisterRow): string {
    return this.shared.numero(r);
  }
  suiviHours(numero: string): { readonly heures: number; readonly filled: boolean } | undefined {
    return this.shared.hours.get(numero);
  }
  suiviHoursOf(r: RegisterRow): { readonly heures: number; readonly filled: boolean } | undefined {
    return this.shared.suiviHoursOf(r);
  }
  valueOf(id: string): number | null {
    return this.resolved.get(id)?.valeur ?? null;
  }

  private readonly foldedBySet = new Map<RegisterDef['scope'], Map<RegisterDef, Outcome>>();
  /** The outcome of a foldable formula over its whole set, from the one pass over that set. */
  folded(def: RegisterDef): Outcome | undefined {
    let outcomes = this.foldedBySet.get(def.scope);
    if (outcomes === undefined) this.foldedBySet.set(def.scope, (outcomes = foldAll(this, def.scope)));
    return outcomes.get(def);
  }
}

const label = (f: RegisterFieldId): string => `« ${registerField(f).label} »`;

function needMet(mapped: ReadonlySet<string>, need: Need): boolean {
  if (typeof need === 'string') return mapped.has(need);
  for (const f of need) if (mapped.has(f)) return true;
  return false;
}

function listFields(fields: readonly RegisterFieldId[], joiner: string): string {
  const labels = fields.map(label);
  return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} ${joiner} ${labels[labels.length - 1]}`;
}

/** Why no row of the scope can take part: the columns absent from every sheet, or never together. */
function missingColumnsMotif(sets: readonly ReadonlySet<string>[], needs: readonly Need[]): string {
  const missing: RegisterFieldId[] = [];
  for (const need of needs) {
    let somewhere = false;
    for (const s of sets) if (needMet(s, need)) somewhere = true;
    if (!somewhere) missing.push(...(typeof need === 'string' ? [need] : need));
  }
  if (missing.length === 1) return `colonne ${label(missing[0])} absente`;
  if (missing.length > 1) return `colonnes ${listFields(missing, 'et')} absentes`;
  const all = needs.flatMap((n) => (typeof n === 'string' ? [n] : [n[0]]));
  return `aucune feuille ne contient à la fois les colonnes ${listFields(all, 'et')}`;
}

function notCalculable(motif: string, total: number, renseignees = 0): Resolved {
  return { statut: 'non calculable', valeur: null, repartition: null, couverture: { renseignees, total }, motif, note: null };
}

function fromOutcome(o: Outcome, renseignees: number, total: number, note: string | null): Resolved {
  const couverture = { renseignees: o.renseignees ?? renseignees, total: o.total ?? total };
  if (o.valeur === null && !o.repartition) return notCalculable(o.motif ?? 'dénominateur nul', couverture.total, couverture.renseignees);
  return {
    statut: 'calculé',
    valeur: o.valeur,
    repartition: o.repartition ?? null,
    couverture,
    motif: null,
    note: o.note ?? note,
  };
}

function spendNote(set: RowSet): string {
  const rows = set.rows;
  const mandated = countFilled(set, MANDATE);
  const mandate = registerField('montantMandate').label;
  const notified = registerField('montant').label;
  if (mandated === rows.length) return `dépense : ${mandate}`;
  if (mandated === 0) return `dépense : ${notified} (pas de dépenses mandatées)`;
  return `dépense : ${mandate} pour ${mandated} ligne(s), ${notified} pour ${rows.length - mandated} ligne(s) sans dépenses mandatées`;
}

function noRowMotif(scope: RegisterDef['scope'], exercice: number): string {
  return scope === 'MC' ? `aucune consultation pour l'exercice ${exercice}` : `aucun marché pour l'exercice ${exercice}`;
}

const FILLED_GROUPS = new WeakMap<RegisterDef, FieldGroups>();

function filledGroups(def: RegisterDef): FieldGroups {
  let m = FILLED_GROUPS.get(def);
  if (m === undefined) {
    m = fieldGroups((def.filled ?? def.needs).map(needMask));
    FILLED_GROUPS.set(def, m);
  }
  return m;
}

/** Whether every sheet of the set maps what the definition needs (its rows then all take part). */
function allSheetsMeet(def: RegisterDef, set: RowSet): boolean {
  return set.mappings.every((mapped) => def.needs.every((n) => needMet(mapped, n)));
}

/**
 * Outcomes of the foldable formulas that take every row of their set, computed in
 * one pass per set: at 100,000 rows the rows no longer fit in cache, and a pass
 * per indicator read them from memory again each time. Same rows, same order,
 * same folds as `compute`: same outcomes.
 */
function foldAll(ctx: Scope, scope: RegisterDef['scope']): Map<RegisterDef, Outcome> {
  const out = new Map<RegisterDef, Outcome>();
  const set = ctx.sets[scope];
  if (set.rows.length === 0) return out;
  const defs: RegisterDef[] = [];
  const folds: RowFold[] = [];
  for (const def of CATALOGUE) {
    if (def.kind !== 'registre' || def.scope !== scope || (ctx.pole !== null && def.cityOnly)) continue;
    const fold = foldOf(def.compute);
    if (fold === undefined || !allSheetsMeet(def, set)) continue;
    defs.push(def);
    folds.push(fold());
  }
  const rows = set.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let k = 0; k < folds.length; k++) folds[k].add(r);
  }
  for (let k = 0; k < defs.length; k++) out.set(defs[k], folds[k].result());
  return out;
}

function evaluateRegister(def: RegisterDef, ctx: Scope): Resolved {
  const set = ctx.sets[def.scope];
  const total = set.rows.length;
  if (total === 0) return notCalculable(noRowMotif(def.scope, ctx.exercice), 0);
  // Rows of one sheet share their mapping: decide per sheet, not per row.
  const keep = set.mappings.map((mapped) => def.needs.every((n) => needMet(mapped, n)));
  let kept: RowSet;
  if (keep.every(Boolean)) kept = set;
  else if (!keep.some(Boolean)) return notCalculable(missingColumnsMotif(set.mappings, def.needs), total);
  else kept = subset(set, keep);
  const renseignees = countFilled(kept, filledGroups(def));
  const outcome = (kept === set ? ctx.folded(def) : undefined) ?? def.compute(kept.rows, ctx);
  return fromOutcome(outcome, renseignees, total, def.usesSpend ? spendNote(kept) : null);
}

const SUIVI_LABELS = new Map<string, string>(SUIVI_INSERTION_FIELDS.map((f) => [f.id, f.label]));

function evaluate(def: IndicatorDef, ctx: Scope): Resolved {
  const N = ctx.exercice;
  switch (def.kind) {
    case 'registre':
      return evaluateRegister(def, ctx);
    case 'suivi': {
      if (!ctx.register.has.suiviInsertion) return notCalculable('feuille Suivi insertion absente', 0);
      if (ctx.M.length === 0) return notCalculable(`aucun marché pour l'exercice ${N}`, 0);
      const rows = ctx.suivi;
      const total = rows.length;
      // The sheet exists and there are contracts: none followed means 0 (counts) or an empty denominator (shares).
      if (total === 0) return fromOutcome(def.compute(rows, ctx), 0, 0, null);
      const col = def.column;
      const parts = col === undefined ? rows : rows.filter((s) => s.mapped.has(col));
      if (parts.length === 0) return notCalculable(`colonne « ${SUIVI_LABELS.get(col as string)} » absente de la feuille Suivi insertion`, total);
      const renseignees = col === undefined ? parts.length : parts.filter((s) => s.values[col] !== undefined).length;
      return fromOutcome(def.compute(parts, ctx), renseignees, total, null);
    }
    case 'actions': {
      if (!ctx.register.has.actions) return notCalculable('feuille Actions SPASER absente', 0);
      const rows = ctx.actions;
      if (rows.length === 0) return notCalculable(`aucune action de l'exercice ${N} dans la feuille Actions SPASER`, 0);
      const renseignees = rows.filter((a) => a.values.typeAction !== undefined).length;
      return fromOutcome(def.compute(rows, ctx), renseignees, rows.length, null);
    }
    case 'custom': {
      const o = def.compute(ctx);
      return fromOutcome(o, o.renseignees, o.total, null);
    }
    case 'manuel':
      return notCalculable(
        ctx.register.has.saisies
          ? `valeur à saisir dans la feuille Saisies manuelles pour l'exercice ${N}`
          : 'feuille Saisies manuelles absente (valeur à saisir)',
        0,
      );
  }
}

/** A manual value of the year wins over nothing, never over a computed value. */
function withSaisie(res: Resolved, id: string, ctx: Scope): Resolved {
  if (res.statut !== 'non calculable') return res;
  let found: { valeur: number; source?: string } | null = null;
  // The last row of the year wins: a correction is appended below.
  for (const s of ctx.register.saisies) {
    if (s.values.annee === ctx.exercice && s.values.indicateur?.trim() === id && s.values.valeur !== undefined) {
      found = { valeur: s.values.valeur, source: s.values.source };
    }
  }
  if (found === null) return res;
  const source = found.source?.trim();
  return {
    statut: 'saisi',
    valeur: found.valeur,
    repartition: null,
    couverture: res.couverture,
    motif: null,
    note: `valeur saisie (feuille Saisies manuelles${source ? `, source : ${source}` : ''})`,
  };
}

/** Resolves every indicator of the catalogue for one scope; City scopes take manual values. */
function resolveScope(ctx: Scope, city: boolean): Map<string, Resolved> {
  const pending: IndicatorDef[] = [];
  const run = (def: IndicatorDef): void => {
    if (!city && def.cityOnly) return;
    const res = evaluate(def, ctx);
    ctx.resolved.set(def.id, city ? withSaisie(res, def.id, ctx) : res);
  };
  for (const def of CATALOGUE) {
    if (def.kind === 'custom' && def.last) pending.push(def);
    else run(def);
  }
  pending.forEach(run);
  return ctx.resolved;
}

/**
 * Every indicator of the catalogue for exercice N, in the catalogue's order,
 * each exactly once.
 */
export function computeIndicators(register: Register, exercice: number, options: ComputeOptions): IndicatorResult[] {
  const shared = new Shared(register, options.chartsWritten);
  const R = shared.validRowsOf(exercice);
  const city = resolveScope(new Scope(shared, exercice, null, R), true);
  const ciblesOfN = register.cibles.filter((c) => c.values.annee === exercice);

  const prevRows = shared.validRowsOf(exercice - 1);
  const prev = prevRows.length > 0 ? resolveScope(new Scope(shared, exercice - 1, null, prevRows), true) : null;

  const byPole = new Map<string, RegisterRow[]>();
  for (const r of R) {
    const pole = r.pole.trim();
    if (pole === '') continue;
    let list = byPole.get(pole);
    if (list === undefined) byPole.set(pole, (list = []));
    list.push(r);
  }
  const poles = new Map<string, Map<string, Resolved>>();
  for (const [pole, rows] of byPole) poles.set(pole, resolveScope(new Scope(shared, exercice, pole, rows), false));

  return CATALOGUE.map((def): IndicatorResult => {
    const res = city.get(def.id) as Resolved;
    const target = ciblesOfN.find((c) => c.values.indicateur?.trim() === def.id && c.values.cible !== undefined);
    let cible: IndicatorResult['cible'] = null;
    if (target !== undefined) {
      const valeur = target.values.cible as number;
      const sens = sensOf(target.values.sens);
      cible = { valeur, sens, atteinte: res.valeur === null ? null : cibleAtteinte(res.valeur, valeur, sens) };
    }
    let parPole: Record<string, number | null> | null = null;
    if (poles.size > 0) {
      parPole = {};
      for (const [pole, map] of poles) {
        const p = map.get(def.id);
        parPole[pole] = p !== undefined && p.statut === 'calculé' ? p.valeur : null;
      }
    }
    return {
      id: def.id,
      axe: axeOf(def.id),
      objectif: objectifOf(def.id),
      libelle: def.libelle,
      unite: def.unite,
      statut: res.statut,
      valeur: res.valeur,
      couverture: res.couverture,
      repartition: res.repartition,
      n1: def.noN1 ? null : (prev?.get(def.id)?.valeur ?? null),
      cible,
      parPole,
      motif: res.motif,
      note: res.note,
    };
  });
}

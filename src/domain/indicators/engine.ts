/**
 * Computes the catalogue for an exercice: City-wide values with statut,
 * coverage, N−1, target and per-Pôle values (`indicateurs.md`, `sortie.md`).
 */
import { PROCEDURE_SANS_PUBLICITE, registerField, SUIVI_INSERTION_FIELDS, type RegisterFieldId } from '../fields';
import type { IndicatorResult, Register, RegisterRow, Repartition, RowSource, Statut } from '../model';
import { coverageText, formatValue, plural } from '../change';
import { frenchCompare, lowerFirst } from '../french-text';
import { normalizeNumero } from '../normalize';
import { digitsAt } from '../digits';
import { isValidSiret, sizeOf, supplierKey, type Size } from '../suppliers';
import { zoneOf, type Zone } from '../zones';
import { cibleAtteinte, sensOf } from './axe1';
import { CATALOGUE } from './catalogue';
import { Columns, type Positions } from './columns';
import { isOneOf, isTrue, maskOf as testMask } from './formulas';
import { fieldOfRows, maskOf, type FieldMask } from './row-view';
import type { ActionRow, CibleRow, Context, IndicatorDef, Need, Outcome, RegisterDef, SuiviRow } from './types';
import { axeOf, objectifOf } from './types';

interface ComputeOptions {
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
  const rows = register.rows;
  const mandated = fieldOfRows(rows, 'montantMandate');
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r.hasError && r.annee === exercice && mandated(i) !== undefined) return 'montantMandate';
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

/** A row set of a scope: positions, and the sheets (indexes in `Columns.mappings`) they come from. */
interface RowSet {
  readonly rows: Positions;
  readonly sheets: readonly number[];
  /** `countFilled` results by mask signature: many indicators share their needs. */
  readonly filledCounts: Map<string, number>;
  /** Subsets by the sheets kept (`Keep.signature`): indicators with the same needs share them. */
  readonly subsets: Map<string, RowSet>;
}

/** The sheets (indexes in `Columns.mappings`) that map what a definition needs. */
interface Keep {
  readonly sheets: readonly boolean[];
  readonly signature: string;
}

/** Masks of field groups, with a signature equal for equal groups (the cache key of `countFilled`). */
interface FieldGroups {
  readonly masks: readonly FieldMask[];
  readonly signature: string;
}

function fieldGroups(masks: readonly FieldMask[]): FieldGroups {
  return { masks, signature: masks.map((m) => `${m.lo}:${m.hi}`).join(',') };
}

function rowSet(rows: Positions, columns: Columns): RowSet {
  // One source sheet (the common case): no pass over the rows to find it.
  if (columns.mappings.length === 1) return { rows, sheets: rows.length > 0 ? [0] : [], filledCounts: new Map(), subsets: new Map() };
  const sheets: number[] = [];
  const sheet = columns.sheet;
  let last = -1;
  for (let k = 0; k < rows.length; k++) {
    const s = sheet[rows[k]];
    if (s !== last && !sheets.includes(s)) sheets.push(s);
    last = s;
  }
  return { rows, sheets, filledCounts: new Map(), subsets: new Map() };
}

/** How many rows of the set have a field of every group filled (counted once per set and groups). */
function countFilled(set: RowSet, groups: FieldGroups, columns: Columns): number {
  let n = set.filledCounts.get(groups.signature);
  if (n === undefined) {
    n = countFilledRows(set.rows, groups.masks, columns);
    set.filledCounts.set(groups.signature, n);
  }
  return n;
}

function countFilledRows(rows: Positions, groups: readonly FieldMask[], columns: Columns): number {
  const { lo, hi } = columns;
  let n = 0;
  if (groups.length === 1) {
    // The common case, one group: a single test per row.
    const { lo: glo, hi: ghi } = groups[0];
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      if ((lo[i] & glo) !== 0 || (hi[i] & ghi) !== 0) n++;
    }
    return n;
  }
  outer: for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    for (let g = 0; g < groups.length; g++) {
      if ((lo[i] & groups[g].lo) === 0 && (hi[i] & groups[g].hi) === 0) continue outer;
    }
    n++;
  }
  return n;
}

/** The rows of the set whose sheet is kept. */
function subset(set: RowSet, keep: Keep, columns: Columns): RowSet {
  let sub = set.subsets.get(keep.signature);
  if (sub !== undefined) return sub;
  const sheet = columns.sheet;
  const out = new Int32Array(set.rows.length);
  let n = 0;
  for (let k = 0; k < set.rows.length; k++) {
    const i = set.rows[k];
    if (keep.sheets[sheet[i]]) out[n++] = i;
  }
  sub = { rows: out.slice(0, n), sheets: set.sheets.filter((s) => keep.sheets[s]), filledCounts: new Map(), subsets: new Map() };
  set.subsets.set(keep.signature, sub);
  return sub;
}

/** The positions of `rows` where the mask is 0. */
function without(rows: Positions, mask: Uint8Array): Positions {
  const out = new Int32Array(rows.length);
  let n = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (mask[i] === 0) out[n++] = i;
  }
  return out.subarray(0, n);
}

/** The inner map of `key`, created when missing. */
function lookup<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (inner === undefined) outer.set(key, (inner = new Map()));
  return inner;
}

/** Marks a SIRET of 14 digits that is not valid: the supplier is known by its name. */
const NAME_DECIDES = -2;

/** A SIRET cell of exactly 14 digits as a number, else −1. */
export function siretNumber(s: string): number {
  return s.length === 14 ? digitsAt(s, 0, 14) : -1;
}

/** Rows outside any consultation: `procedure` = sans publicité (`MC` leaves them out). */
const SANS_PUBLICITE = isOneOf('procedure', PROCEDURE_SANS_PUBLICITE);
const HORS_MARCHE = isTrue('horsMarche');

/**
 * Data shared by every scope and year of one computation, by row position:
 * the columns and cached per-row lookups.
 */
class Shared {
  readonly columns: Columns;
  // By row index, allocated whole: filled out of order, a growing array would turn sparse (slow).
  private readonly zones: (Zone | undefined)[];
  private readonly zoneOfPlace = new Map<string, Map<string, Map<string, Zone>>>();
  private readonly sizes: (Size | undefined)[];
  private readonly keeps = new Map<RegisterDef, Keep>();
  private readonly numeros: (string | undefined)[];
  /** Normalised `numero` of each Suivi insertion row ('' when empty). */
  readonly suiviNumeros: readonly string[];
  readonly hours = new Map<string, { heures: number; filled: boolean }>();

  constructor(
    readonly register: Register,
    readonly chartsWritten: number,
    exercice: number,
  ) {
    const n = register.rows.length;
    this.columns = new Columns(register.rows, exercice);
    this.zones = new Array<Zone | undefined>(n).fill(undefined);
    this.sizes = new Array<Size | undefined>(n).fill(undefined);
    this.numeros = new Array<string | undefined>(n).fill(undefined);
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

  zone(i: number): Zone {
    const cached = this.zones[i];
    if (cached !== undefined) return cached;
    // Suppliers' addresses recur on many rows: judge each (country, commune, postal code) once.
    // Nested maps keyed by the cells' own strings: their hashes are cached, a joined key's is not.
    const c = this.columns;
    const paysTitulaire = c.value('paysTitulaire')[i];
    const communeTitulaire = c.value('communeTitulaire')[i];
    const codePostalTitulaire = c.value('codePostalTitulaire')[i];
    const byCommune = lookup(this.zoneOfPlace, paysTitulaire ?? '');
    const byPostalCode = lookup(byCommune, communeTitulaire ?? '');
    const postalCode = codePostalTitulaire ?? '';
    let zone = byPostalCode.get(postalCode);
    if (zone === undefined) {
      zone = zoneOf({ paysTitulaire, communeTitulaire, codePostalTitulaire });
      byPostalCode.set(postalCode, zone);
    }
    return (this.zones[i] = zone);
  }
  size(i: number): Size {
    const cached = this.sizes[i];
    if (cached !== undefined) return cached;
    const effectif = this.columns.number('effectifTitulaire')[i];
    const categorieEntreprise = this.columns.value('categorieEntreprise')[i];
    return (this.sizes[i] = sizeOf({ categorieEntreprise, effectifTitulaire: effectif === effectif ? effectif : undefined }));
  }
  /** The sheets that map what a definition needs (the same for every scope of the computation). */
  keep(def: RegisterDef): Keep {
    let keep = this.keeps.get(def);
    if (keep === undefined) {
      const sheets = this.columns.mappings.map((mapped) => def.needs.every((n) => needMet(mapped, n)));
      keep = { sheets, signature: sheets.map(Number).join('') };
      this.keeps.set(def, keep);
    }
    return keep;
  }
  /** Dense supplier ids by position (−1: no supplier), assigned on first use. */
  private ids: Int32Array | null = null;
  private supplierTotal = 0;
  supplierIds(): Int32Array {
    if (this.ids !== null) return this.ids;
    const ids = new Int32Array(this.register.rows.length).fill(-1);
    const idOfKey = new Map<string, number>();
    const idOf = (key: string | null): number => {
      if (key === null) return -1;
      let id = idOfKey.get(key);
      if (id === undefined) idOfKey.set(key, (id = idOfKey.size));
      return id;
    };
    // The same supplier recurs on many rows: judge each SIRET, name or pair of cells once.
    // A SIRET of 14 digits is looked up as a number (exact below 2^53): no string compared.
    const idOfSiret = new Map<number, number>();
    const idOfName = new Map<string, number>();
    const idOfCells = new Map<string, Map<string, number>>();
    const taken = this.columns.taken;
    // Cells from the columns: the rows themselves lie scattered in memory.
    const sirets = this.columns.value('siret');
    const names = this.columns.value('titulaire');
    for (let k = 0; k < taken.length; k++) {
      const i = taken[k];
      const siret = sirets[i];
      const digits = siret === undefined ? -1 : siretNumber(siret);
      let id: number | undefined = digits < 0 ? undefined : idOfSiret.get(digits);
      if (id === undefined && digits >= 0) {
        // Without blanks, the key is the SIRET when valid, whatever the name.
        id = isValidSiret(siret as string) ? idOf(`siret:${siret}`) : NAME_DECIDES;
        idOfSiret.set(digits, id);
      }
      if (id === NAME_DECIDES || siret === undefined) {
        const titulaire = names[i];
        const name = titulaire ?? '';
        id = idOfName.get(name);
        if (id === undefined) idOfName.set(name, (id = idOf(supplierKey({ titulaire }))));
      } else if (id === undefined) {
        // A SIRET with blanks or other characters: the pair of cells decides.
        const byName = lookup(idOfCells, siret);
        const titulaire = names[i];
        const name = titulaire ?? '';
        id = byName.get(name);
        if (id === undefined) byName.set(name, (id = idOf(supplierKey({ siret, titulaire }))));
      }
      ids[i] = id;
    }
    this.supplierTotal = idOfKey.size;
    return (this.ids = ids);
  }
  get supplierCount(): number {
    this.supplierIds();
    return this.supplierTotal;
  }
  numero(i: number): string {
    return (this.numeros[i] ??= normalizeNumero(this.columns.value('numero')[i] ?? ''));
  }
  suiviHoursOf(i: number): { heures: number; filled: boolean } | undefined {
    // Most registers come without Suivi insertion: no numero to normalise then.
    return this.hours.size === 0 ? undefined : this.hours.get(this.numero(i));
  }
}

/** One exercice and one scope (City or a Pôle). */
class Scope implements Context {
  readonly register: Register;
  readonly chartsWritten: number;
  readonly columns: Columns;
  readonly M: Positions;
  readonly MC: Positions;
  readonly resolved = new Map<string, Resolved>();
  private suiviRows: readonly SuiviRow[] | null = null;
  private actionRows: readonly ActionRow[] | null = null;
  private targetRows: ReadonlyMap<string, CibleRow> | null = null;

  constructor(
    readonly shared: Shared,
    readonly exercice: number,
    readonly pole: string | null,
    readonly R: Positions,
  ) {
    this.register = shared.register;
    this.chartsWritten = shared.chartsWritten;
    this.columns = shared.columns;
    this.M = without(R, testMask(HORS_MARCHE, this.columns));
    this.MC = without(this.M, testMask(SANS_PUBLICITE, this.columns));
    this.sets = { R: rowSet(R, this.columns), M: rowSet(this.M, this.columns), MC: rowSet(this.MC, this.columns) };
  }

  /** `R`, `M`, `MC` with their sheets and coverage counts. */
  readonly sets: { readonly R: RowSet; readonly M: RowSet; readonly MC: RowSet };

  get suivi(): readonly SuiviRow[] {
    if (this.suiviRows === null) {
      const contracts = new Set<string>();
      for (const i of this.M) contracts.add(this.shared.numero(i));
      const nums = this.shared.suiviNumeros;
      this.suiviRows = this.register.suiviInsertion.filter((_, i) => nums[i] !== '' && contracts.has(nums[i]));
    }
    return this.suiviRows;
  }

  get actions(): readonly ActionRow[] {
    const year = String(this.exercice);
    return (this.actionRows ??= this.register.actions.filter((a) => a.values.date !== undefined && a.values.date.startsWith(year)));
  }

  get targets(): ReadonlyMap<string, CibleRow> {
    return (this.targetRows ??= targetsOf(this.register.cibles, this.exercice));
  }

  zone(i: number): Zone {
    return this.shared.zone(i);
  }
  size(i: number): Size {
    return this.shared.size(i);
  }
  supplierIds(): Int32Array {
    return this.shared.supplierIds();
  }
  get supplierCount(): number {
    return this.shared.supplierCount;
  }
  numero(i: number): string {
    return this.shared.numero(i);
  }
  suiviHours(numero: string): { readonly heures: number; readonly filled: boolean } | undefined {
    return this.shared.hours.get(numero);
  }
  suiviHoursOf(i: number): { readonly heures: number; readonly filled: boolean } | undefined {
    return this.shared.suiviHoursOf(i);
  }
  valueOf(id: string): number | null {
    return this.resolved.get(id)?.valeur ?? null;
  }
}

const label = (f: RegisterFieldId): string => `« ${registerField(f).label} »`;

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
  const groups = needs.map((n) => (typeof n === 'string' ? [n] : n));
  if (groups.every((g) => g.length === 1)) return `aucune feuille ne contient à la fois les colonnes ${listFields(groups.map((g) => g[0]), 'et')}`;
  // A need « X or Y » is named whole: its first column alone would send the user to the wrong one.
  const part = (g: readonly RegisterFieldId[]): string => (g.length === 1 ? `la colonne ${label(g[0])}` : `l'une des colonnes ${listFields(g, 'ou')}`);
  return `aucune feuille ne contient à la fois ${groups.map(part).join(' et ')}`;
}

const MOTIF_NOT_FINITE = 'résultat hors des limites du calcul : vérifiez les montants et nombres démesurés';

function notCalculable(motif: string, total: number, renseignees = 0): Resolved {
  return { statut: 'non calculable', valeur: null, repartition: null, couverture: { renseignees, total }, motif, note: null };
}

function fromOutcome(o: Outcome, renseignees: number, total: number, note: string | null): Resolved {
  const couverture = { renseignees: o.renseignees ?? renseignees, total: o.total ?? total };
  if (o.valeur === null && !o.repartition) return notCalculable(o.motif ?? 'dénominateur nul', couverture.total, couverture.renseignees);
  // A sum beyond the largest number (amounts such as 1E+308) has no value to show or export.
  if (o.valeur !== null && !Number.isFinite(o.valeur)) return notCalculable(MOTIF_NOT_FINITE, couverture.total, couverture.renseignees);
  return {
    statut: 'calculé',
    valeur: o.valeur,
    repartition: o.repartition ?? null,
    couverture,
    motif: null,
    note: o.note ?? note,
  };
}

function spendNote(set: RowSet, columns: Columns): string {
  const total = set.rows.length;
  const mandated = countFilled(set, MANDATE, columns);
  // Field labels mid-sentence: « dépense : dépenses mandatées HT (€) pour 379 lignes, … ».
  const mandate = lowerFirst(registerField('montantMandate').label);
  const notified = lowerFirst(registerField('montant').label);
  if (mandated === total) return `dépense : ${mandate}`;
  if (mandated === 0) return `dépense : ${notified} (pas de dépenses mandatées)`;
  return `dépense : ${mandate} pour ${plural(mandated, 'ligne', 'lignes')}, ${notified} pour ${plural(total - mandated, 'ligne', 'lignes')} sans dépenses mandatées`;
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

function evaluateRegister(def: RegisterDef, ctx: Scope): Resolved {
  const set = ctx.sets[def.scope];
  const total = set.rows.length;
  if (total === 0) return notCalculable(noRowMotif(def.scope, ctx.exercice), 0);
  // Rows of one sheet share their mapping: decide per sheet, not per row.
  const mappings = ctx.columns.mappings;
  const keep = ctx.shared.keep(def);
  const kept = set.sheets.every((s) => keep.sheets[s]) ? set : subset(set, keep, ctx.columns);
  if (kept.rows.length === 0) return notCalculable(missingColumnsMotif(set.sheets.map((s) => mappings[s]), def.needs), total);
  const renseignees = countFilled(kept, filledGroups(def), ctx.columns);
  const outcome = def.compute(kept.rows, ctx);
  return fromOutcome(outcome, renseignees, total, def.usesSpend ? spendNote(kept, ctx.columns) : null);
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
      if (parts.length === 0) return notCalculable(`colonne « ${SUIVI_LABELS.get(col as string)} » absente de la feuille Suivi insertion`, total);
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

/** Where a companion row is, as the user named the sheet: `feuille « Valeurs COPIL » ligne 5`. */
function sheetRow(source: RowSource): string {
  return `feuille « ${source.sheet} » ligne ${source.row}`;
}

/**
 * A manual value of the year wins over nothing, never over a computed value. A supplier
 * breakdown never takes one: it has no single value (`sortie.md`), only its categories.
 */
function withSaisie(res: Resolved, def: IndicatorDef, ctx: Scope): Resolved {
  if (def.breakdownOnly) return res;
  const { id, unite } = def;
  let found: { valeur: number; source?: string; row: RowSource } | null = null;
  // The last row of the year wins: a correction is appended below.
  for (const s of ctx.register.saisies) {
    if (s.values.annee === ctx.exercice && s.values.indicateur?.trim() === id && s.values.valeur !== undefined) {
      found = { valeur: s.values.valeur, source: s.values.source, row: s.source };
    }
  }
  if (found === null) return res;
  if (res.statut !== 'non calculable') {
    // Said where the value is read (sheet note, pane, command line), not only in the run's notices.
    const ignored = `valeur saisie non reprise (${formatValue(found.valeur, unite)}, ${sheetRow(found.row)}) : une saisie ne remplace jamais un calcul`;
    return { ...res, note: res.note ? `${res.note} ; ${ignored}` : ignored };
  }
  const source = found.source?.trim();
  return {
    statut: 'saisi',
    valeur: found.valeur,
    repartition: null,
    couverture: res.couverture,
    motif: null,
    note: `valeur saisie (${sheetRow(found.row)}${source ? `, source : ${source}` : ''})`,
  };
}

/** Resolves every indicator of the catalogue for one scope; City scopes take manual values. */
function resolveScope(ctx: Scope, city: boolean): Map<string, Resolved> {
  const pending: IndicatorDef[] = [];
  const run = (def: IndicatorDef): void => {
    if (!city && def.cityOnly) return;
    const res = evaluate(def, ctx);
    ctx.resolved.set(def.id, city ? withSaisie(res, def, ctx) : res);
  };
  for (const def of CATALOGUE) {
    if (def.kind === 'custom' && def.last) pending.push(def);
    else run(def);
  }
  pending.forEach(run);
  return ctx.resolved;
}

/**
 * A breakdown's categories for each Pôle (`indicateurs.md` « every indicator can be computed per
 * Pôle »), by indicator id: `parPole` holds numbers (`sortie.md`) and has no room for them. Null
 * for a Pôle whose breakdown is non calculable; a Pôle with no row of the exercice is absent.
 */
export type PoleBreakdowns = ReadonlyMap<string, Readonly<Record<string, Repartition | null>>>;

/**
 * Every indicator of the catalogue for exercice N, in the catalogue's order,
 * each exactly once.
 */
export function computeIndicators(register: Register, exercice: number, options: ComputeOptions): IndicatorResult[] {
  return evaluateIndicators(register, exercice, options).indicateurs;
}

const CATALOGUE_IDS = new Set(CATALOGUE.map((d) => d.id));

/**
 * The target of each indicator in year N: its first *Cibles* row of N with a `cible` (README « Cibles »);
 * rows of an unknown id or after the first are no targets (the run's remarks say so), nor are rows
 * without a value (a template listing the indicators before the COPIL sets them: not remarked).
 */
function targetsOf(cibles: Register['cibles'], exercice: number): Map<string, CibleRow> {
  const targets = new Map<string, CibleRow>();
  for (const c of cibles) {
    const id = c.values.indicateur?.trim();
    if (c.values.annee !== exercice || c.values.cible === undefined || id === undefined) continue;
    if (CATALOGUE_IDS.has(id) && !targets.has(id)) targets.set(id, c);
  }
  return targets;
}

/** `computeIndicators`, with the breakdowns of each Pôle beside. */
export function evaluateIndicators(
  register: Register,
  exercice: number,
  options: ComputeOptions,
): { readonly indicateurs: IndicatorResult[]; readonly poleBreakdowns: PoleBreakdowns } {
  const shared = new Shared(register, options.chartsWritten, exercice);
  const columns = shared.columns;
  const R = columns.valid(exercice);
  const cityScope = new Scope(shared, exercice, null, R);
  const city = resolveScope(cityScope, true);
  // The same targets 1.1.1-cibles-atteintes judged.
  const targets = cityScope.targets;

  const prevRows = columns.valid(exercice - 1);
  const prev = prevRows.length > 0 ? resolveScope(new Scope(shared, exercice - 1, null, prevRows), true) : null;

  // Pôles with a row of R, in the order of `SPASER Pôles` and of the pane's list (`frenchCompare`, « Pôle 2 »
  // before « Pôle 10 »), so that `parPole` lists them alike in the JSON; each Pôle's rows in register order.
  const counts = new Int32Array(columns.poles.length);
  const order: number[] = [];
  for (const i of R) {
    const p = columns.pole[i];
    if (p < 0) continue;
    if (counts[p]++ === 0) order.push(p);
  }
  order.sort((a, b) => frenchCompare(columns.poles[a], columns.poles[b]));
  const lists = Array.from(counts, (n) => new Int32Array(n));
  const filled = new Int32Array(columns.poles.length);
  for (const i of R) {
    const p = columns.pole[i];
    if (p >= 0) lists[p][filled[p]++] = i;
  }
  const poles = new Map<string, Map<string, Resolved>>();
  for (const p of order) poles.set(columns.poles[p], resolveScope(new Scope(shared, exercice, columns.poles[p], lists[p]), false));

  const poleBreakdowns = new Map<string, Record<string, Repartition | null>>();
  const indicateurs = CATALOGUE.map((def): IndicatorResult => {
    const res = city.get(def.id) as Resolved;
    const before = def.noN1 ? undefined : prev?.get(def.id);
    const target = targets.get(def.id);
    let cible: IndicatorResult['cible'] = null;
    if (target !== undefined) {
      const valeur = target.values.cible as number;
      const sens = sensOf(target.values.sens);
      cible = { valeur, sens, atteinte: res.valeur === null ? null : cibleAtteinte(res.valeur, valeur, sens) };
    }
    let parPole: Record<string, number | null> | null = null;
    if (poles.size > 0) {
      parPole = {};
      let breakdowns: Record<string, Repartition | null> | null = null;
      for (const [pole, map] of poles) {
        const p = map.get(def.id);
        const calculated = p !== undefined && p.statut === 'calculé';
        parPole[pole] = calculated ? p.valeur : null;
        // A breakdown with no single value (zones, company sizes): its categories, Pôle by Pôle.
        if (def.breakdownOnly && p !== undefined) {
          breakdowns ??= {};
          breakdowns[pole] = calculated ? p.repartition : null;
        }
      }
      if (breakdowns !== null) poleBreakdowns.set(def.id, breakdowns);
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
      n1: before?.valeur ?? null,
      cible,
      parPole,
      motif: res.motif,
      note: joinNotes(res.note, n1Note(res, before, def, exercice)),
    };
  });
  return { indicateurs, poleBreakdowns };
}

/** A note followed by another, either possibly absent. */
function joinNotes(note: string | null, more: string | null): string | null {
  if (more === null) return note;
  return note ? `${note} ; ${more}` : more;
}

/**
 * What the N−1 column alone cannot say, where it is shown without coverage of its own:
 * - an N−1 value from rows none of which had the field filled (a column kept but left empty) reads as
 *   « zero last year »; so does a count of the Suivi insertion sheet that follows no contract of N−1
 *   (0 by the rule, on no row);
 * - an empty N−1 cell beside filled ones (no negotiated file that year, no manual value…) says why,
 *   unless N itself is non calculable for the same reason, which its motif already says.
 */
function n1Note(res: Resolved, before: Resolved | undefined, def: IndicatorDef, exercice: number): string | null {
  if (before === undefined) return null;
  if (before.statut === 'non calculable') {
    if (!before.motif || (res.statut === 'non calculable' && res.motif === before.motif)) return null;
    return `pas de valeur N−1 (${exercice - 1}) : ${before.motif}`;
  }
  if (before.valeur === null || before.statut !== 'calculé' || before.couverture.renseignees > 0) return null;
  const coverage =
    before.couverture.total === 0
      ? def.kind === 'suivi'
        ? `aucune ligne de la feuille Suivi insertion pour les marchés de ${exercice - 1}`
        : null
      : coverageText({ statut: before.statut, couverture: before.couverture });
  return coverage === null ? null : `en N−1, ${coverage}`;
}

/** One Pôle's own figures of an indicator. */
export interface PoleFigures {
  readonly statut: Statut;
  readonly valeur: number | null;
  readonly couverture: IndicatorResult['couverture'];
  /** Why the Pôle's value is not calculable (a column its sheets lack…), else null. */
  readonly motif: string | null;
  /** The Pôle's value in N−1 (null when it had no row of N−1 or the value was not calculable). */
  readonly n1: number | null;
  /** « en N−1, 0 ligne renseignée sur 2 » when that N−1 comes from rows none of which had the field, else null. */
  readonly n1Note: string | null;
}

/** One Pôle's view of the exercice: its rows taking part, and its figures by indicator id. */
interface PoleView {
  /** Valid rows of the exercice carrying this Pôle (the City's `lignes.exercice`, for the Pôle). */
  readonly lignes: number;
  /** By id; the indicators computed for the City only are absent. */
  readonly figures: ReadonlyMap<string, PoleFigures>;
}

/**
 * Each indicator's figures for one Pôle, its N−1 value among them, for the pane's Pôle view: the
 * sheets and the JSON give a Pôle its value only (`parPole`), so these are computed when a Pôle
 * is chosen rather than at every run. No figures when the Pôle has no row of the exercice.
 */
export function poleView(register: Register, exercice: number, pole: string): PoleView {
  const figures = new Map<string, PoleFigures>();
  const shared = new Shared(register, 0, exercice);
  const { columns } = shared;
  const p = columns.poles.indexOf(pole);
  const ofPole = (rows: Positions): Positions => rows.filter((i) => columns.pole[i] === p);
  const R = p < 0 ? new Int32Array(0) : ofPole(columns.valid(exercice));
  if (R.length === 0) return { lignes: 0, figures };
  const now = resolveScope(new Scope(shared, exercice, pole, R), false);
  const prevRows = ofPole(columns.valid(exercice - 1));
  const prev = prevRows.length > 0 ? resolveScope(new Scope(shared, exercice - 1, pole, prevRows), false) : null;
  for (const def of CATALOGUE) {
    const res = now.get(def.id);
    if (res === undefined) continue;
    const before = def.noN1 ? undefined : prev?.get(def.id);
    const n1 = before?.valeur ?? null;
    figures.set(def.id, { statut: res.statut, valeur: res.valeur, couverture: res.couverture, motif: res.motif, n1, n1Note: n1Note(res, before, def, exercice) });
  }
  return { lignes: R.length, figures };
}

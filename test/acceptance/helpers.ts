/** Plumbing shared by the acceptance tests: building buyers' workbooks and reading them as the CLI does. */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ChainInput, ChainOutput } from '../../src/domain/chain';
import type { SpaserResult } from '../../src/domain/model';
import { openXlsx } from '../../src/workbook/xlsx';
import { runCli } from '../../src/cli/run';
import { capture } from '../cli/helpers';

/** A real Excel date (UTC midnight, as ExcelJS writes it). */
export function day(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Writes `header` on `headerRow` and one row per object (keys = header texts); null leaves an empty row. */
export function table(ws: ExcelJS.Worksheet, headerRow: number, header: readonly string[], rows: readonly (Record<string, ExcelJS.CellValue> | null)[]): void {
  header.forEach((h, i) => (ws.getRow(headerRow).getCell(i + 1).value = h));
  rows.forEach((r, i) => {
    if (r === null) return;
    const row = ws.getRow(headerRow + 1 + i);
    for (const [key, value] of Object.entries(r)) {
      const col = header.indexOf(key);
      if (col < 0) throw new Error(`unknown column ${key}`);
      if (value === undefined || value === null || value === '') continue;
      const cell = row.getCell(col + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    }
  });
}

/** Writes `rows` from sheet row `firstRow` down, column A first; null cells stay empty. */
export function writeRows(ws: ExcelJS.Worksheet, firstRow: number, rows: readonly (readonly ExcelJS.CellValue[])[]): void {
  rows.forEach((values, i) => {
    const row = ws.getRow(firstRow + i);
    values.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v;
    });
  });
}

/** A workbook's bytes read through the xlsx adapter into the chain's input. */
export async function chainInput(file: string, bytes: Uint8Array): Promise<ChainInput> {
  const wb = await openXlsx(bytes, file);
  return { file, sheets: await wb.readSheets(), state: await wb.readState() };
}

/** Every id of `indicateurs.md`, in the catalogue's order (copied from the spec, not from the code). */
export const SPEC_IDS = [
  '1.1.1-cibles-atteintes', '1.1.2-marches-ar', '1.1.2-avenants-ar', '1.1.2-montant-ar', '1.1.2-dataviz',
  '1.2.1-formations', '1.2.1-personnes-formees', '1.2.1-ateliers-evenements',
  '2.1.1-programmes-nb', '2.1.1-programmes-montant', '2.1.1-prolongations-recurrents',
  '2.1.2-hors-marche-nb', '2.1.2-hors-marche-montant', '2.1.2-sans-nomenclature-nb', '2.1.2-sans-nomenclature-montant',
  '2.1.3-sourcage', '2.1.4-cout-global', '2.1.5-relation-fournisseur', '2.1.5-reunions', '2.1.5-delai-paiement',
  '2.2.2-hors-bpu', '2.2.3-soumissionnaires', '2.2.3-fiches-suivi', '2.2.4-dossiers-negocies', '2.2.4-gain-negociation',
  '2.2.5-offre-technique-amelioree',
  '3.1.1-consideration-env', '3.1.1-criteres-env', '3.1.1-clauses-env', '3.1.1-reemploi', '3.1.1-reutilisation',
  '3.1.1-recycle', '3.2.1-fournitures-evitees', '3.2.1-mobilier-reemploye', '3.2.1-location', '3.2.1-achat-usage',
  '3.2.1-centrales',
  '4.1.2-consideration-sociale', '4.2.1-insertion-nb', '4.2.1-insertion-montant', '4.2.2-clause-sociale-nb',
  '4.2.2-clause-sociale-part', '4.2.2-heures', '4.2.2-personnes', '4.2.2-contrats', '4.2.2-typologie', '4.2.2-femmes',
  '4.2.2-roubaisiens', '4.2.2-residents-qpv', '4.2.3-reserves', '4.2.3-montant-esat-siae-ess',
  '5.1.1-fournisseurs-zone', '5.1.1-montant-moyen-roubaix', '5.1.4-fournisseurs-typologie', '5.2.1-innovants-nb',
  '5.2.1-innovants-montant',
];

/**
 * The command line's JSON against the chain's result computed without charts: the same, but
 * `1.1.2-dataviz`, which counts the charts the command line drew in `file` (its chart parts).
 */
export function expectCliResult(json: { indicateurs: { id: string; valeur: unknown }[] }, withoutCharts: unknown, file: string): void {
  const charts = new Set(fs.readFileSync(file).toString('latin1').match(/xl\/charts\/chart\d+\.xml/g) ?? []).size;
  expect(charts).toBeGreaterThan(0);
  const expected = JSON.parse(JSON.stringify(withoutCharts)) as { indicateurs: { id: string; valeur: unknown }[] };
  for (const i of expected.indicateurs) if (i.id === '1.1.2-dataviz') i.valeur = charts;
  expect(json).toEqual(expected);
}

/** A register row's value as a reader of the sheet states it: booleans oui/non, dates ISO, empty → null. */
export function registerValue(out: ChainOutput, row: number, field: string): unknown {
  const r = out.register.rows.find((x) => x.source.row === row);
  if (!r) return 'no such row';
  const v = (r.values as Record<string, unknown>)[field];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

/** An indicator of the command line's JSON (`sortie.md`), as the blind recipes read it. */
export interface JsonIndicator {
  id: string;
  statut: string;
  valeur: number | null;
  n1: number | null;
  motif: string | null;
  parPole: Record<string, number | null> | null;
  couverture: { renseignees: number; total: number } | null;
  cible: { valeur: number; sens: string; atteinte: boolean | null } | null;
  repartition: SupplierBreakdown | Record<string, number> | null;
}

/** The `repartition` of the supplier breakdowns: per zone or size, suppliers and spend. */
export interface SupplierBreakdown {
  [k: string]: { fournisseurs: number; depense: number };
}

/** A control of the command line's JSON. */
export interface JsonControl {
  gravite: string;
  code: string;
  feuille: string;
  ligne: number;
  source: string;
  colonne: string | null;
}

/** A hand-computed expectation: `nc` for non calculable (its motif), else the values; `pp` per Pôle in the recipe's order. */
export interface ExpectedIndicator {
  valeur?: number;
  n1?: number | null;
  pp?: (number | null)[];
  nc?: RegExp;
  cov?: { renseignees: number; total: number };
  cible?: { valeur: number; sens: string; atteinte: boolean };
}

/** `actual` is `expected` to 1e-6 (null: absent); `what` names the value in a failure. */
export function expectClose(actual: number | null | undefined, expected: number | null, what: string): void {
  if (expected === null) {
    expect({ what, actual }).toEqual({ what, actual: null });
  } else {
    expect({ what, ok: typeof actual === 'number' && Math.abs(actual - expected) < 1e-6, actual }).toEqual({ what, ok: true, actual });
  }
}

/** One indicator of the JSON against its hand computation, Pôle by Pôle for `poles`. */
export function expectIndicator(i: JsonIndicator, e: ExpectedIndicator, poles: readonly string[]): void {
  const id = i.id;
  if (e.nc) {
    expect({ id, statut: i.statut, valeur: i.valeur }).toEqual({ id, statut: 'non calculable', valeur: null });
    expect(i.motif ?? '').toMatch(e.nc);
    expect(i.n1).toBeNull();
    for (const p of poles) expect({ p, v: i.parPole?.[p] ?? null }).toEqual({ p, v: null });
    return;
  }
  expect({ id, statut: i.statut, motif: i.motif }).toEqual({ id, statut: 'calculé', motif: null });
  expectClose(i.valeur, e.valeur!, `${id} valeur`);
  if (e.n1 !== undefined) expectClose(i.n1, e.n1, `${id} n1`);
  if (e.pp) {
    expect(Object.keys(i.parPole ?? {}).sort()).toEqual([...poles].sort());
    poles.forEach((p, k) => expectClose(i.parPole?.[p] ?? null, e.pp![k], `${id} parPole ${p}`));
  }
  if (e.cov) expect(i.couverture).toEqual(e.cov);
  if (e.cible) expect(i.cible).toEqual(e.cible);
}

/** A supplier breakdown (`5.1.1-fournisseurs-zone`, `5.1.4-fournisseurs-typologie`) against its hand computation: keys not expected are zero. */
export function expectBreakdown(i: JsonIndicator, want: SupplierBreakdown): void {
  expect(i.statut).toBe('calculé');
  expect(i.valeur).toBeNull();
  const rep = (i.repartition ?? {}) as SupplierBreakdown;
  for (const [k, v] of Object.entries(want)) {
    expectClose(rep[k]?.fournisseurs, v.fournisseurs, `${i.id} ${k} fournisseurs`);
    expectClose(rep[k]?.depense, v.depense, `${i.id} ${k} depense`);
  }
  for (const [k, v] of Object.entries(rep)) if (!(k in want)) expect({ k, f: v.fournisseurs, d: v.depense }).toEqual({ k, f: 0, d: 0 });
}

/** One expectation of the `exercices` form: statut, value (null for breakdowns), n1 ('skip' = not asserted), motif pattern, coverage, breakdown. */
export interface StatusExpectation {
  s: 'calculé' | 'saisi' | 'nc';
  v?: number | null;
  n1?: number | null | 'skip';
  motif?: RegExp;
  cov?: { renseignees: number; total: number };
  rep?: Record<string, unknown>;
}

/** An indicator of the result against a `StatusExpectation`; breakdown categories not expected are empty (or left out). */
export function checkIndicator(ind: SpaserResult['indicateurs'][number], e: StatusExpectation): void {
  const label = ind.id;
  const statut = e.s === 'nc' ? 'non calculable' : e.s;
  expect([label, ind.statut]).toEqual([label, statut]);
  if (e.s === 'nc') {
    expect([label, ind.valeur]).toEqual([label, null]);
    expect([label, typeof ind.motif]).toEqual([label, 'string']);
    if (e.motif) expect([label, ind.motif]).toEqual([label, expect.stringMatching(e.motif)]);
  } else if (e.v === null) {
    expect([label, ind.valeur]).toEqual([label, null]);
  } else {
    expect([label, ind.valeur]).toEqual([label, expect.any(Number)]);
    expect([label, ind.valeur as number]).toEqual([label, expect.closeTo(e.v as number, 9)]);
  }
  if (e.n1 !== 'skip' && e.n1 !== undefined) {
    if (e.n1 === null) expect([label, 'n1', ind.n1]).toEqual([label, 'n1', null]);
    else expect([label, 'n1', ind.n1]).toEqual([label, 'n1', expect.closeTo(e.n1, 9)]);
  }
  if (e.cov) expect([label, ind.couverture]).toEqual([label, e.cov]);
  if (e.rep) {
    const rep = (ind.repartition ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(e.rep)) {
      if (typeof v === 'number') expect([label, k, rep[k]]).toEqual([label, k, v]);
      else {
        const got = rep[k] as { fournisseurs: number; depense: number } | undefined;
        const want = v as { fournisseurs: number; depense: number };
        expect([label, k, got?.fournisseurs, got?.depense]).toEqual([label, k, expect.closeTo(want.fournisseurs, 9), expect.closeTo(want.depense, 9)]);
      }
    }
    // Categories not expected are empty (or left out).
    for (const [k, v] of Object.entries(rep)) {
      if (k in e.rep) continue;
      if (typeof v === 'number') expect([label, k, v]).toEqual([label, k, 0]);
      else {
        const got = v as { fournisseurs: number; depense: number };
        expect([label, k, got.fournisseurs, got.depense]).toEqual([label, k, 0, 0]);
      }
    }
  }
}

/** What one `calculer … --json` run gave: exit code, the JSON (null when none), stderr. */
export interface JsonRun {
  code: number;
  result: SpaserResult;
  stderr: string;
}

/** `calculer <file> [extra] --sortie <out> --json` in `dir`. */
export async function calculerJson(dir: string, file: string, out: string, extra: readonly string[] = []): Promise<JsonRun> {
  const c = capture(dir);
  const code = await runCli(['calculer', file, ...extra, '--sortie', out, '--json'], c.io);
  const stdout = c.stdout();
  return { code, result: (stdout.trim() ? JSON.parse(stdout) : null) as SpaserResult, stderr: c.stderr() };
}

/** The controls as [sheet, row, code], sorted: compared whatever their order. */
export function sortedControls(result: SpaserResult): (string | number)[][] {
  return result.controles
    .map((c) => [c.feuille, c.ligne, c.code] as (string | number)[])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || (a[1] as number) - (b[1] as number) || String(a[2]).localeCompare(String(b[2])));
}

/** The result's indicators by id. */
export function byId(result: SpaserResult): Map<string, SpaserResult['indicateurs'][number]> {
  return new Map(result.indicateurs.map((i) => [i.id, i]));
}

/** A cell of a written workbook as text (dates as ISO days, rich text joined). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

/** The register sheet as a list of rows keyed by its header labels. */
export function registerRows(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  let h = 0;
  ws.eachRow((row, n) => {
    if (!h && cellText(row.getCell(1).value) === 'N° de marché') h = n;
  });
  expect(h).toBeGreaterThan(0);
  const header: string[] = [];
  ws.getRow(h).eachCell((cell, c) => (header[c] = cellText(cell.value)));
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = h + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const o: Record<string, ExcelJS.CellValue> = {};
    let any = false;
    header.forEach((label, c) => {
      const v = row.getCell(c).value;
      if (v !== null && v !== undefined && v !== '') any = true;
      o[label] = v;
    });
    if (!any) break;
    rows.push(o);
  }
  return rows;
}

/** How many charts a written workbook holds. */
export function chartCount(file: string): number {
  return new Set(fs.readFileSync(file).toString('latin1').match(/xl\/charts\/chart\d+\.xml/g) ?? []).size;
}

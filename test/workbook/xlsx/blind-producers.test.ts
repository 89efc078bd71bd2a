/**
 * Blind acceptance: registers written by other producers than Excel (Google Sheets,
 * pandas/openpyxl, an ERP/BI export, Apple Numbers, a minimal hand-written package),
 * run through the command line as a buyer would. Every expected value below is
 * computed by hand from the spec (`regles.md`, `indicateurs.md`, `sortie.md`) and the
 * README's choices, never copied from a run.
 *
 * The four common contracts (`BASE`), exercice 2025, no hors-marché column (M = R):
 * - sociale on rows 1 and 4, env on rows 2 and 4 → AR on 1, 2, 4:
 *   1.1.2-marches-ar = 3; 1.1.2-montant-ar = 12 500 + 3 200,50 + 150 000 = 165 700,50;
 *   4.1.2-consideration-sociale = 2/4 = 50 %; 3.1.1-clauses-env = 50 %;
 *   4.2.2-clause-sociale-nb = 2;
 * - delays 25, 35, 28, 20 → 2.1.5-delai-paiement = 108/4 = 27 days, coverage 4/4;
 *   35 > 30 → warning `delai-paiement-depasse` on the second contract;
 * - the fifth row is an error (its code depends on the producer), left out of R:
 *   lignes = { lues 5, exercice 4, erreurs 1, avertissements 1 };
 * - no programme column → 2.1.1-programmes-nb non calculable;
 * - no word of the lexicon in the texts → no suggestion.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../../src/cli/run';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { capture, tempDir } from '../../cli/helpers';
import { expectWholePackage, parts } from './package-checks';
import { PRODUCERS, type Producer, malformedParts, serial, withDefaultNamespace } from './blind-producers-packages';

const NOTICE = "Attention : ce classeur n'a pas pu être recopié tel quel";
/** The lists that the splice may append to; every other part of the user is kept byte for byte. */
const LISTS = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml']);
const OWN_SHEETS = ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs'];

interface Indicator {
  id: string;
  statut: string;
  valeur: number | null;
  couverture: { renseignees: number; total: number } | null;
  motif: string | null;
}
interface Control {
  gravite: string;
  code: string;
  message: string;
  feuille: string;
  ligne: number;
  colonne: string | null;
  source?: string;
}
interface Result {
  exercice: number;
  depense: string;
  lignes: { lues: number; exercice: number; erreurs: number; avertissements: number };
  indicateurs: Indicator[];
  controles: Control[];
  suggestions: unknown[];
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  result: Result | null;
  output: string;
}

async function calculer(dir: string, file: string): Promise<Run> {
  const c = capture(dir);
  const code = await runCli(['calculer', file, '--json'], c.io);
  let result: Result | null = null;
  try {
    result = JSON.parse(c.stdout()) as Result;
  } catch {
    result = null;
  }
  return { code, stdout: c.stdout(), stderr: c.stderr(), result, output: path.join(dir, file.replace(/\.xlsx$/, ' - SPASER.xlsx')) };
}

const indicator = (r: Result, id: string) => r.indicateurs.find((i) => i.id === id)!;

/** The checks of the result object, the same for a first run and for a run on the output. */
function expectResult(p: Producer, r: Result): void {
  expect(r.exercice).toBe(2025);
  expect(r.depense).toBe('montant');
  expect(r.lignes).toEqual({ lues: 5, exercice: 4, erreurs: 1, avertissements: 1 });
  const found = r.controles.map((c) => ({ gravite: c.gravite, code: c.code, feuille: c.feuille, ligne: c.ligne, colonne: c.colonne }));
  expect(found).toEqual(
    expect.arrayContaining([
      { gravite: 'erreur', code: p.error.code, feuille: p.sheet, ligne: p.rowOf(4), colonne: p.error.colonne },
      { gravite: 'avertissement', code: 'delai-paiement-depasse', feuille: p.sheet, ligne: p.rowOf(1), colonne: p.headers.delai },
    ]),
  );
  expect(found).toHaveLength(2);
  for (const c of r.controles) {
    // French messages that name the row and the column (regles.md §3).
    expect(c.message).toContain(String(c.ligne));
    expect(c.message).toContain(c.colonne!);
    expect(c.message).not.toMatch(/\b(missing|invalid|row|column|error|warning)\b/i);
  }
  expect(r.suggestions).toEqual([]);
  const values = Object.fromEntries(
    ['1.1.2-marches-ar', '1.1.2-montant-ar', '4.1.2-consideration-sociale', '3.1.1-clauses-env', '3.1.1-consideration-env', '4.2.2-clause-sociale-nb', '2.1.5-delai-paiement'].map((id) => [
      id,
      { statut: indicator(r, id).statut, valeur: indicator(r, id).valeur },
    ]),
  );
  expect(values).toEqual({
    '1.1.2-marches-ar': { statut: 'calculé', valeur: 3 },
    '1.1.2-montant-ar': { statut: 'calculé', valeur: 165700.5 },
    '4.1.2-consideration-sociale': { statut: 'calculé', valeur: 50 },
    '3.1.1-clauses-env': { statut: 'calculé', valeur: 50 },
    '3.1.1-consideration-env': { statut: 'calculé', valeur: 50 },
    '4.2.2-clause-sociale-nb': { statut: 'calculé', valeur: 2 },
    '2.1.5-delai-paiement': { statut: 'calculé', valeur: 27 },
  });
  expect(indicator(r, '2.1.5-delai-paiement').couverture).toEqual({ renseignees: 4, total: 4 });
  expect(indicator(r, '2.1.1-programmes-nb')).toMatchObject({ statut: 'non calculable', valeur: null });
}

/** A cell value as a reader gives it: rich text joined, a date as its serial, a formula as its result. */
function plain(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Math.round(v.getTime() / 86400000) + serial('1970-01-01');
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plain(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return v as string | number | boolean;
}

function cellsOf(ws: ExcelJS.Worksheet): Map<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = plain(cell.value);
      if (v !== null && v !== '') out.set(cell.address, v);
    }),
  );
  return out;
}

/** Row after row of `SPASER Registre`, as header → value, from its header row. */
function registerRows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (headerRow === 0 && (row.values as unknown[]).includes('N° de marché')) headerRow = n;
  });
  expect(headerRow).toBeGreaterThan(0);
  const header = (ws.getRow(headerRow).values as unknown[]).map((v) => (typeof v === 'string' ? v : null));
  const rows: Record<string, unknown>[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const values = ws.getRow(n).values as unknown[];
    if (!values.some((v) => v !== null && v !== undefined && v !== '')) continue;
    rows.push(Object.fromEntries(header.map((h, i) => [h, plain(values[i] as ExcelJS.CellValue)]).filter(([h]) => h !== null)));
  }
  return rows;
}

describe.each(PRODUCERS.map((make) => [make.name, make] as const))('a register written by %s', (_label, make) => {
  let p: Producer;
  let dir: string;
  let first: Run;
  let week2: Run;
  let spliced: boolean;
  beforeAll(async () => {
    p = await make();
    dir = tempDir();
    fs.writeFileSync(path.join(dir, p.file), p.bytes);
    first = await calculer(dir, p.file);
    spliced = !first.stderr.includes(NOTICE);
    if (first.code === EXIT_OK) week2 = await calculer(dir, path.basename(first.output));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads (exit 0), with the rows, controls and indicators computed by hand', () => {
    expect({ code: first.code, stderr: first.code === EXIT_OK ? '' : first.stderr }).toEqual({ code: EXIT_OK, stderr: '' });
    expectResult(p, first.result!);
  });

  it('writes a whole package next to the input, never over it', async () => {
    expect(fs.existsSync(first.output)).toBe(true);
    expect(new Uint8Array(fs.readFileSync(path.join(dir, p.file)))).toEqual(p.bytes);
    const out = new Uint8Array(fs.readFileSync(first.output));
    await expectWholePackage(await withDefaultNamespace(out));
    expect(await malformedParts(out)).toEqual([]);
  });

  it("keeps the user's parts byte for byte (spliced), or says so in French and keeps every cell value", async () => {
    const out = new Uint8Array(fs.readFileSync(first.output));
    if (p.name === 'minimal package') {
      // README: a file without a styles part cannot be spliced; the user is told.
      expect(spliced).toBe(false);
      expect(first.stderr).toContain(`${NOTICE} : le fichier écrit reprend les cellules de vos feuilles`);
      const book = (await openXlsx(out, p.file)).workbook;
      expect(cellsOf(book.getWorksheet(p.sheet)!)).toEqual(p.cells);
      return;
    }
    expect(first.stderr).not.toContain(NOTICE);
    const before = await parts(p.bytes);
    const after = await parts(out);
    for (const [name, bytes] of before) {
      expect({ part: name, kept: after.has(name) }).toEqual({ part: name, kept: true });
      if (!LISTS.has(name)) expect({ part: name, same: Buffer.compare(after.get(name)!, bytes) === 0 }).toEqual({ part: name, same: true });
    }
    // The lists are appended to: the user's strings keep their numbers, the user's styles too.
    if (before.has('xl/sharedStrings.xml')) {
      const si = (b: Buffer) => [...b.toString('utf8').matchAll(/<si>[\s\S]*?<\/si>/g)].map((m) => m[0]);
      const mine = si(before.get('xl/sharedStrings.xml')!);
      expect(si(after.get('xl/sharedStrings.xml')!).slice(0, mine.length)).toEqual(mine);
    }
    const xfs = (b: Buffer) => /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(b.toString('utf8'))![1];
    expect(xfs(after.get('xl/styles.xml')!).startsWith(xfs(before.get('xl/styles.xml')!))).toBe(true);
  });

  it('reads back with ExcelJS: the user sheets first, then the SPASER sheets; one register row per source row', async () => {
    const book = (await openXlsx(new Uint8Array(fs.readFileSync(first.output)), path.basename(first.output))).workbook;
    const names = book.worksheets.map((ws) => ws.name);
    expect(names.indexOf(p.sheet)).toBeGreaterThanOrEqual(0);
    for (const s of OWN_SHEETS) expect(names).toContain(s);
    expect(names.indexOf(p.sheet)).toBeLessThan(names.indexOf('SPASER Registre'));
    const rows = registerRows(book.getWorksheet('SPASER Registre')!);
    expect(rows.map((r) => r['Statut'])).toEqual(['OK', 'Avertissement', 'OK', 'OK', 'Erreur']);
    expect(rows.slice(0, 4).map((r) => r['N° de marché'])).toEqual(['2025-001', '2025-002', '2025-003', '2025-004']);
  });

  it('week 2: the output read again gives the same result, and holds each SPASER sheet once', async () => {
    expect(week2.code).toBe(EXIT_OK);
    expect(week2.stderr).not.toContain(NOTICE);
    expectResult(p, week2.result!);
    const out = new Uint8Array(fs.readFileSync(week2.output));
    await expectWholePackage(await withDefaultNamespace(out));
    expect(await malformedParts(out)).toEqual([]);
    const wb = (await parts(out)).get('xl/workbook.xml')!.toString('utf8');
    const names = [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]);
    for (const s of OWN_SHEETS) expect(names.filter((n) => n === s)).toHaveLength(1);
    if (spliced) {
      const before = await parts(p.bytes);
      const after = await parts(out);
      for (const [name, bytes] of before) if (!LISTS.has(name)) expect({ part: name, same: Buffer.compare(after.get(name)!, bytes) === 0 }).toEqual({ part: name, same: true });
    }
  });
});

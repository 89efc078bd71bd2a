/**
 * BLIND acceptance « encombré »: one buyer workbook as people really keep it (builder:
 * blind-encombre-workbooks.ts). Expectations written from the spec (regles.md, indicateurs.md,
 * sortie.md, champs.md) before running the code.
 *
 * Run (1): `spaser calculer "Achats Ressources.xlsx" --sortie semaine1.xlsx --json`
 * Run (2): `spaser calculer semaine2/"Achats Ressources.xlsx" --sortie semaine2.xlsx --json`, the
 *   input being run (1)'s output saved back under the workbook's name (last week's output as this
 *   week's input, SPASER sheets included). Day of the run: 2026-01-15.
 * No Pôle column: the rows' Pôle is the file name (README), hence a `SPASER Pôles` sheet.
 *
 * ── Register sources (regles.md §1: every sheet whose header maps the four required fields) ──
 *   « Registre » (header row 4, the table's), « Registre sauvegarde mars » (header row 1),
 *   « Registre (2) » (header row 4). Not sources: « Mode d'emploi » (one text cell a row),
 *   « Synthèse » (labels in column A, formulas in B: no row maps 3 fields), « Listes »
 *   (Procédures / Oui/Non / Catégories: at most 2 fields), « Logo » (no cell), « Paramètres »
 *   (hidden, 2 cells a row), « Graphique » (a chart sheet: no cell at all), and last week's
 *   `SPASER …` sheets (never sources).
 *   Columns → fields, the same in the three: N° marché→numero, Objet→objet, Procédure→procedure,
 *   Date notif→dateNotification, Montant HT (€)→montant, Mandaté→montantMandate, Clause
 *   sociale→clauseSociale, Clause env.→clauseEnvironnementale, Programmé→programme,
 *   Titulaire→titulaire, CP titulaire→codePostalTitulaire, Catégorie d'entreprise→categorieEntreprise.
 *   The table's totals row (19: « Total » in the numero column) is not a row. Rows hidden by the
 *   filter are rows like the others (the spec skips none).
 *
 * ── Rows (sheet order: Registre, then the archive, then the copy) ──
 *   Registre r5..r18: 14 rows, 12 of 2025 + 2 of 2024, all valid, no warning (SIRET absent, postal
 *     codes of 5 digits, no word of the lexicon in Objet, every tag declared).
 *   Archive a2..a8 (7 rows): a2 RES-25-001, a3 RES-25-002, a4 RES-25-003, a6 RES-25-005,
 *     a7 RES-24-020, a8 RES-24-021 have the numero and year of an earlier Registre row → doublon
 *     (errors); a5 « RES-25-04 » is not « RES-25-004 » (only case and spaces are ignored) → a valid
 *     row of 2025, counted: same contract as r8 for the buyer, a contract more for the spec.
 *   Copy r5..r18: every row repeats the Registre row of the same number → 14 doublon errors.
 *   lignes: lues 14 + 7 + 14 = 35; erreurs 6 + 14 = 20; exercice (R, 2025) = 12 + 1 = 13;
 *   avertissements 0. Exercice: 2025 holds most dated rows → N = 2025, N−1 = 2024.
 *   Controls: exactly the 20 doublons (gravité erreur), each naming the first row (« ligne 5 de la
 *   feuille « Registre » »…); a2 and a6 also say their Mandaté differs (30 000 / 10 000 then).
 *
 * ── R(2025), M = R (no horsMarche column): 13 rows ──
 *   #   numero     proc  mt      dep    CS  CE  prog  CP     size  supplier
 *   r5  RES-25-001 AOO  120000  95000  o   o   o     59100  PME   Propreté Nord
 *   r6  RES-25-002 MAPA  15000  12000  n   o   o     59000  PME   Bureau Plus
 *   r7  RES-25-003 AOO   60000  60000  n   n   n     75008  GE    Élévation SA   (Mandaté empty → mt)
 *   r8  RES-25-004 MAPA  30000  28000  n   n   o     59100  PME   AutoLoc
 *   r9  RES-25-005 MAPA  45000  40000  o   n   o     59100  TPE   Jardins Solidaires
 *   r10 RES-25-006 gré   8000   8000   n   n   n     62000  TPE   Copie Express
 *   r11 RES-25-007 AOO   50000  20000  n   n   o     92100  GE    Télécom France
 *   r12 RES-25-008 MAPA  25000  25000  o   n   n     59100  TPE   Peintures Roubaisiennes
 *   r13 RES-25-009 MAPA  18000  18000  n   o   n     59650  PME   Énergie Conseil (Mandaté empty)
 *   r14 RES-25-010 MAPA  12000   9000  n   n   o     59100  PME   Hygiène Pro
 *   r15 RES-25-011 AOO   35000  10000  n   n   o     59200  ETI   Sécuri Nord
 *   r16 RES-25-012 AOO   70000  15000  o   o   o     59100  PME   Cuisines Flandres
 *   a5  RES-25-04  MAPA  30000  10000  n   n   o     59100  PME   AutoLoc (same supplier as r8)
 *   Σ mt = 518000; Σ dep = 350000.
 *   sociale (CS): r5 r9 r12 r16 = 4 → 4/13; env (CE): r5 r6 r13 r16 = 4 → 4/13;
 *   AR: r5 r6 r9 r12 r13 r16 = 6, Σ dep = 95000+12000+40000+25000+18000+15000 = 205000.
 *   programme: r5 r6 r8 r9 r11 r14 r15 r16 a5 = 9 → 9/13; Σ mt = 407000 → 407000/518000.
 *   Suppliers: 12 (AutoLoc once, zone and size of r8). Zones (by first row):
 *     Roubaix 6 (r5 r8 r9 r12 r14 r16), dep 95000+28000+40000+25000+9000+15000+10000 = 222000;
 *     MEL 3 (59000 Lille, 59650 Villeneuve-d'Ascq, 59200 Tourcoing), dep 40000;
 *     Hauts-de-France 1 (62000), dep 8000; France 2 (75008, 92100), dep 80000.
 *   Montant moyen Roubaix: 222000 / 6 = 37000.
 *   Sizes: PME 6 (dep 187000), TPE 3 (73000), GE 2 (80000), ETI 1 (10000).
 * ── N−1 = R(2024): r17 (CE oui, mt=dep 9000, 59100) and r18 (all non, 6000, 59000): the archive's
 *   a7/a8 are doublons. sociale 0, env 1/2, AR 1 (9000), programme 0, Roubaix 9000/1.
 * Every other indicator: non calculable (its fields are absent; no companion sheet).
 *
 * ── What the buyer should read ──
 *   Nothing about « Listes », « Synthèse », « Mode d'emploi », « Logo » or « Paramètres » (not
 *   sources; the hidden one is not read as a register). The archive is hidden too: a source, named. Twenty doublons with no word of why would
 *   flood « SPASER Contrôles »: one notice per copy sheet, naming the sheet it repeats and what to
 *   do (README « Choix faits »): « Registre (2) » repeats all 14 rows of « Registre »; « Registre
 *   sauvegarde mars » repeats 6 of its 7 rows, and its 7th row counts. (Found while judging: the
 *   archive, hidden, was also said « ses marchés comptent dans les indicateurs » by the hidden-sheet
 *   notice: told once now, as hidden, by the copy notice.)
 *
 * ── Run (3): the copy placed BEFORE the register (Excel's default place), the register updated since
 *   (r5 Mandaté 97 000, the copy still 95 000). regles.md §3: the earlier sheet wins, so the 14 rows of
 *   « Registre » are the doublons (r5 a conflict on Mandaté) and the copy's rows count: the indicators
 *   are those of the copy (1.1.2-montant-ar still 205000, not 207000). The archive's doublons now name
 *   « Registre (2) ». The buyer must be told that only « Registre (2) » counts.
 *
 * ── The written workbooks ──
 *   Every user sheet unchanged cell by cell (values, formulas and cached results, formats), sheet
 *   order, hidden state, tables, hidden rows, frozen panes, picture; the SPASER sheets present once
 *   each, after a second run too; run (2) gives the same JSON as run (1).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/run';
import { capture, plainSpaces, tempDir, writtenRemarks, joinedRemark } from '../cli/helpers';
import { ARCHIVE, buildClutteredWorkbook, CHART_SHEET, CHART_TITLE, COPY, FILE, HIDDEN_ROWS, REGISTER, SHEET_ORDER, UPDATED_MANDATE } from './blind-encombre-workbooks';
import { expectBreakdown, expectIndicator, type ExpectedIndicator, type JsonControl, type JsonIndicator, SPEC_IDS } from './helpers';

const N_M = 13;
const EXPECTED: Record<string, ExpectedIndicator> = {
  '1.1.2-marches-ar': { valeur: 6, n1: 1 },
  '1.1.2-montant-ar': { valeur: 205000, n1: 9000 },
  '2.1.1-programmes-nb': { valeur: (100 * 9) / N_M, n1: 0, cov: { renseignees: 13, total: 13 } },
  '2.1.1-programmes-montant': { valeur: (100 * 407000) / 518000, n1: 0 },
  '3.1.1-consideration-env': { valeur: (100 * 4) / N_M, n1: 50 },
  '3.1.1-clauses-env': { valeur: (100 * 4) / N_M, n1: 50 },
  '4.1.2-consideration-sociale': { valeur: (100 * 4) / N_M, n1: 0, cov: { renseignees: 13, total: 13 } },
  '4.2.2-clause-sociale-nb': { valeur: 4, n1: 0 },
  '4.2.2-clause-sociale-part': { valeur: (100 * 4) / N_M, n1: 0 },
  '5.1.1-montant-moyen-roubaix': { valeur: 37000, n1: 9000 },
};
const DEP = 350000;
const ZONES = {
  Roubaix: { fournisseurs: (100 * 6) / 12, depense: (100 * 222000) / DEP },
  'MEL (hors Roubaix)': { fournisseurs: (100 * 3) / 12, depense: (100 * 40000) / DEP },
  'Hauts-de-France (hors MEL)': { fournisseurs: (100 * 1) / 12, depense: (100 * 8000) / DEP },
  'France (hors Hauts-de-France)': { fournisseurs: (100 * 2) / 12, depense: (100 * 80000) / DEP },
};
const SIZES = {
  PME: { fournisseurs: (100 * 6) / 12, depense: (100 * 187000) / DEP },
  TPE: { fournisseurs: (100 * 3) / 12, depense: (100 * 73000) / DEP },
  GE: { fournisseurs: (100 * 2) / 12, depense: (100 * 80000) / DEP },
  ETI: { fournisseurs: (100 * 1) / 12, depense: (100 * 10000) / DEP },
};
const BREAKDOWNS = ['5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie', '1.1.2-dataviz'];

/** The doublons expected: sheet and row. */
const DOUBLONS: [string, number][] = [
  ...[2, 3, 4, 6, 7, 8].map((r): [string, number] => [ARCHIVE, r]),
  ...Array.from({ length: 14 }, (_, i): [string, number] => [COPY, 5 + i]),
];

interface Json {
  exercice: number;
  depense: string;
  lignes: { lues: number; exercice: number; erreurs: number; avertissements: number };
  indicateurs: JsonIndicator[];
  controles: (JsonControl & { message: string })[];
  suggestions: unknown[];
}

interface Run {
  code: number;
  json: Json;
  stderr: string;
  output: string;
}

let dir: string;
let input: string;
let run1: Run;
let run2: Run;

async function calculer(file: string, output: string): Promise<Run> {
  const cap = capture(dir);
  const code = await runCli(['calculer', file, '--sortie', output, '--json'], cap.io);
  return { code, json: JSON.parse(cap.stdout()) as Json, stderr: plainSpaces(cap.stderr()), output };
}

beforeAll(async () => {
  dir = tempDir();
  input = path.join(dir, FILE);
  fs.writeFileSync(input, await buildClutteredWorkbook());
  run1 = await calculer(input, path.join(dir, 'semaine1.xlsx'));
  // Saved back under its own name, as a buyer does (the file name is the rows' Pôle, README).
  fs.mkdirSync(path.join(dir, 'semaine2'));
  const again = path.join(dir, 'semaine2', FILE);
  fs.copyFileSync(run1.output, again);
  run2 = await calculer(again, path.join(dir, 'semaine2.xlsx'));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const chartParts = (file: string): number => new Set(fs.readFileSync(file).toString('latin1').match(/xl\/charts\/chart\d+\.xml/g) ?? []).size;

describe.each([
  ['run (1), the workbook as built', () => run1],
  ["run (2), last week's output as input", () => run2],
])('%s', (_label, get) => {
  it('exits 0, exercice 2025, spend from Mandaté, row counts', () => {
    const { code, json } = get();
    expect(code).toBe(0);
    expect(json.exercice).toBe(2025);
    expect(json.depense).toBe('montantMandate');
    expect(json.lignes).toEqual({ lues: 35, exercice: 13, erreurs: 20, avertissements: 0 });
    expect(json.suggestions).toEqual([]);
  });

  it('lists exactly the 20 doublons, each naming the first row in « Registre »', () => {
    const { json } = get();
    expect(json.controles.map((c) => [c.feuille, c.ligne])).toEqual(DOUBLONS);
    for (const c of json.controles) {
      expect({ c: c.code, g: c.gravite, col: c.colonne }).toEqual({ c: 'doublon', g: 'erreur', col: 'N° marché' });
      const firstRow = c.feuille === COPY ? c.ligne : { 2: 5, 3: 6, 4: 7, 6: 9, 7: 17, 8: 18 }[c.ligne];
      expect(plainSpaces(c.message)).toContain(`à la ligne ${firstRow} de la feuille « ${REGISTER} »`);
    }
    const mandate = (sheet: string, row: number): string => plainSpaces(json.controles.find((c) => c.feuille === sheet && c.ligne === row)?.message);
    expect(mandate(ARCHIVE, 2)).toMatch(/Mandaté/);
    expect(mandate(ARCHIVE, 2)).toMatch(/30 000/);
    expect(mandate(ARCHIVE, 6)).toMatch(/10 000/);
    expect(mandate(ARCHIVE, 3)).not.toMatch(/Mandaté/);
    expect(mandate(COPY, 5)).not.toMatch(/Mandaté/);
  });

  it('gives every indicator its hand-computed value', () => {
    const { json, output } = get();
    expect(json.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
    for (const i of json.indicateurs) {
      if (BREAKDOWNS.includes(i.id)) continue;
      expectIndicator(i, EXPECTED[i.id] ?? { nc: /./ }, []);
    }
    const byId = (id: string): JsonIndicator => json.indicateurs.find((i) => i.id === id)!;
    expectBreakdown(byId('5.1.1-fournisseurs-zone'), ZONES);
    expectBreakdown(byId('5.1.4-fournisseurs-typologie'), SIZES);
    const charts = chartParts(output);
    expect(charts).toBeGreaterThanOrEqual(3); // considerations, zones, sizes
    expect(byId('1.1.2-dataviz').valeur).toBe(charts);
  });

  it('says nothing of the sheets that are not sources', () => {
    const { stderr } = get();
    for (const name of ["Mode d'emploi", 'Synthèse', 'Listes', 'Logo', 'Paramètres', CHART_SHEET]) expect(stderr).not.toContain(`« ${name} »`);
    // « Paramètres » is hidden but no source: only the hidden archive is said hidden.
    expect(stderr.match(/masquée/g)).toHaveLength(1);
  });

  it('tells once that « Registre (2) » repeats every row of « Registre », and what to do', () => {
    const { stderr } = get();
    const about = stderr.split('\n').filter((l) => l.includes(`« ${COPY} »`));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatch(/^Attention : /);
    expect(about[0]).toContain(`« ${REGISTER} »`);
    expect(about[0]).toMatch(/les 14 lignes/);
    expect(about[0]).toMatch(/Marché en double|en double/);
    expect(about[0]).toMatch(/retirez|supprimez|déplacez/i);
  });

  it('tells that 6 of the 7 rows of « Registre sauvegarde mars » repeat « Registre », and that the 7th counts', () => {
    const { stderr } = get();
    const about = stderr.split('\n').filter((l) => l.includes(`« ${ARCHIVE} »`));
    expect(about).toHaveLength(1);
    expect(about[0]).toContain(`« ${REGISTER} »`);
    // Hidden: said once, and not « ses marchés comptent » (6 of its 7 rows are doublons).
    expect(about[0]).toContain(`Sur les 7 lignes de la feuille masquée « ${ARCHIVE} », 6 reprennent`);
    expect(about[0]).toMatch(/Affichez-la pour la vérifier/);
    expect(stderr).not.toMatch(/est lue comme registre/);
    expect(about[0]).toMatch(/la ligne restante compte/);
  });

  it('writes the same notices as « Remarques du calcul » in SPASER Indicateurs', async () => {
    const { output } = get();
    const { title, lines } = await writtenRemarks(output);
    expect(title).toMatch(/^Remarques du calcul \(2\)/);
    const text = joinedRemark(lines.map((c) => plainSpaces(c.value)));
    expect(text).toContain(`« ${COPY} »`);
    expect(text).toContain(`« ${ARCHIVE} »`);
  });
});

it('run (2) gives the same result as run (1)', () => {
  expect(run2.json).toEqual(run1.json);
});

describe('run (3): the copy placed before the register, the register updated since', () => {
  let run3: Run;
  beforeAll(async () => {
    const sub = path.join(dir, 'copie-avant');
    fs.mkdirSync(sub);
    const file = path.join(sub, FILE);
    fs.writeFileSync(file, await buildClutteredWorkbook({ copyFirst: true }));
    run3 = await calculer(file, path.join(sub, 'sortie.xlsx'));
  }, 60_000);

  it('keeps the copy\'s rows and flags the register\'s, r5 as a conflict on Mandaté', () => {
    const { json } = run3;
    expect(json.lignes).toEqual({ lues: 35, exercice: 13, erreurs: 20, avertissements: 0 });
    expect(json.controles.map((c) => [c.feuille, c.ligne])).toEqual([
      ...Array.from({ length: 14 }, (_, i): [string, number] => [REGISTER, 5 + i]),
      ...[2, 3, 4, 6, 7, 8].map((r): [string, number] => [ARCHIVE, r]),
    ]);
    const r5 = plainSpaces(json.controles[0].message);
    expect(r5).toContain(`à la ligne 5 de la feuille « ${COPY} »`);
    expect(r5).toMatch(/Mandaté/);
    expect(r5).toContain('97 000');
    expect(plainSpaces(json.controles[14].message)).toContain(`de la feuille « ${COPY} »`);
    // The copy's 95 000 counts, not the register's 97 000.
    expect(json.indicateurs.find((i) => i.id === '1.1.2-montant-ar')!.valeur).toBe(205000);
    expect(UPDATED_MANDATE).toBe(97000);
  });

  it('tells that « Registre » repeats « Registre (2) » and that only the copy counts', () => {
    const about = run3.stderr.split('\n').filter((l) => l.startsWith(`Attention : La feuille « ${REGISTER} »`));
    expect(about).toHaveLength(1);
    expect(about[0]).toContain(`reprend les 14 lignes de la feuille « ${COPY} »`);
    expect(about[0]).toContain(`seules celles de « ${COPY} » comptent`);
    const archive = run3.stderr.split('\n').filter((l) => l.includes(`« ${ARCHIVE} »`));
    expect(archive).toHaveLength(1);
    expect(archive[0]).toContain(`reprennent des lignes de la feuille « ${COPY} »`);
  });
});

// ─── The written workbooks, read back with ExcelJS ──────────────────────────
async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every filled cell of a sheet: address → value (formulas with their cached result), format. */
function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      out[cell.address] = { value: cell.value instanceof Date ? cell.value.toISOString() : cell.value, numFmt: cell.numFmt ?? null };
    }),
  );
  return out;
}

/** Frozen panes of a sheet's views. */
const panes = (ws: ExcelJS.Worksheet): unknown[] => (ws.views ?? []).map((v) => [v.state, (v as { xSplit?: number }).xSplit, (v as { ySplit?: number }).ySplit]);
/** Names of a sheet's Excel tables. */
const tables = (ws: ExcelJS.Worksheet): string[] => ws.getTables().map((t) => (t as unknown as { name?: string; table?: { name: string } }).table?.name ?? (t as unknown as { name: string }).name).sort();

const SPASER_SHEETS = ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles'];

describe.each([
  ['semaine1.xlsx', () => run1.output],
  ['semaine2.xlsx', () => run2.output],
])('the written workbook %s', (_label, get) => {
  it('keeps the user sheets first, in order, and the SPASER sheets once each', async () => {
    const wb = await load(get());
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, SHEET_ORDER.length)).toEqual(SHEET_ORDER);
    for (const s of SPASER_SHEETS) expect(names.filter((n) => n === s)).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('SPASER ') && !SPASER_SHEETS.includes(n) && n !== 'SPASER État')).toEqual([]);
    expect(names.filter((n) => n === 'SPASER État')).toHaveLength(1);
  });

  it('leaves every user sheet unchanged cell by cell, with its state, tables, hidden rows, panes and picture', async () => {
    const before = await load(input);
    const after = await load(get());
    for (const name of SHEET_ORDER) {
      const a = before.getWorksheet(name)!;
      const b = after.getWorksheet(name)!;
      expect({ name, cells: cells(b) }).toEqual({ name, cells: cells(a) });
      expect({ name, state: b.state }).toEqual({ name, state: a.state });
      expect({ name, views: panes(b) }).toEqual({ name, views: panes(a) });
      expect({ name, tables: tables(b) }).toEqual({ name, tables: tables(a) });
      expect({ name, images: b.getImages().length }).toEqual({ name, images: a.getImages().length });
    }
    for (const name of [REGISTER, COPY]) {
      const ws = after.getWorksheet(name)!;
      const hidden: number[] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => row.hidden && hidden.push(n));
      expect({ name, hidden }).toEqual({ name, hidden: HIDDEN_ROWS });
      expect(ws.getCell('C5').dataValidation?.formulae).toEqual(['ListeProcedures']);
      expect(ws.getCell('G5').dataValidation?.formulae).toEqual(['Listes!$B$2:$B$3']);
      expect(ws.pageSetup.printArea).toBe('A1:L19');
    }
    // The named list kept, once (print areas and filters are read per sheet).
    expect(after.definedNames.model).toEqual(before.definedNames.model);
    expect(after.getWorksheet(ARCHIVE)!.autoFilter).toEqual(before.getWorksheet(ARCHIVE)!.autoFilter);
    expect(tables(after.getWorksheet(REGISTER)!)).toEqual(['TabRegistre']);
    expect(tables(after.getWorksheet(COPY)!)).toEqual(['TabRegistre2']);
    expect(panes(after.getWorksheet(REGISTER)!)).toEqual([['frozen', 1, 4]]);
    expect(after.getWorksheet('Paramètres')!.state).toBe('hidden');
    expect(after.getWorksheet('Logo')!.getImages()).toHaveLength(1);
  });

  it('keeps the chart sheet, its drawing and its chart byte for byte, listed once after the user sheets', async () => {
    const parts = ['xl/chartsheets/sheet1.xml', 'xl/chartsheets/_rels/sheet1.xml.rels', 'xl/drawings/drawingChart1.xml', 'xl/drawings/_rels/drawingChart1.xml.rels', 'xl/charts/chartUser1.xml'];
    const before = await JSZip.loadAsync(fs.readFileSync(input));
    const after = await JSZip.loadAsync(fs.readFileSync(get()));
    for (const p of parts) expect({ p, text: await after.file(p)?.async('string') }).toEqual({ p, text: await before.file(p)!.async('string') });
    expect(await after.file('xl/charts/chartUser1.xml')!.async('string')).toContain(CHART_TITLE);
    const names = [...(await after.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1].replace(/&apos;/g, "'"));
    expect(names.slice(0, SHEET_ORDER.length + 1)).toEqual([...SHEET_ORDER, CHART_SHEET]);
    expect(names.filter((n) => n === CHART_SHEET)).toHaveLength(1);
    const rels = await after.file('xl/_rels/workbook.xml.rels')!.async('string');
    expect(rels.match(/chartsheets\/sheet1\.xml/g)).toHaveLength(1);
  });

  it('writes one SPASER Registre row per source row and one Contrôles row per doublon', async () => {
    const wb = await load(get());
    const reg = wb.getWorksheet('SPASER Registre')!;
    const numeros: string[] = [];
    let header = 0;
    reg.eachRow((row, n) => {
      if (header === 0 && row.getCell(1).value === 'N° de marché') header = n;
      else if (header !== 0 && row.getCell(1).value !== null) numeros.push(String(row.getCell(1).value));
    });
    expect(numeros).toHaveLength(35);
    const ctl = wb.getWorksheet('SPASER Contrôles')!;
    let doublons = 0;
    ctl.eachRow((row) => row.values && (row.values as unknown[]).some((v) => v === 'doublon') && doublons++);
    expect(doublons).toBe(20);
  });
});

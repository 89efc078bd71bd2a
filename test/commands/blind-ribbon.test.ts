/**
 * @jest-environment jsdom
 */
/**
 * BLIND acceptance of the ribbon button « Calculer les indicateurs », as a
 * buyer uses it every week, on the Excel double. Every expectation is worked
 * out by hand from /work/shared/spec and the README (working in comments);
 * none is copied from a program run. The workbook and the weekly edits are
 * in blind-ribbon-workbook.ts.
 *
 * jsdom: week 2 drives the real task pane (confirm / reject a suggestion)
 * in the same runtime as the ribbon button, as index.tsx wires them.
 */
import '../taskpane/dom-setup';
import { createElement } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { runChain } from '../../src/domain/chain';
import { calculerIndicateurs } from '../../src/commands/commands';
import { setRibbonRunner } from '../../src/commands/ribbon';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createRibbonRunner, resetRibbonBridge, subscribeOpenStep, subscribeRibbonResult, type RibbonSummary } from '../../src/taskpane/ribbon-bridge';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { createExcelDouble, type ExcelDouble, type SeedSheet } from '../doubles/excel-double';
import { CATALOGUE, FILE, LISTES, NOTES, TODAY, USER, week1Sheets, week2Edits } from './blind-ribbon-workbook';
import { column, coveredCells, findingKeys, indicatorLines, readTable, userPicture, valueAt, type ReadTable } from './blind-ribbon-read';

// Sheet names from sortie.md.
const REGISTRE = 'SPASER Registre';
const CONTROLES = 'SPASER Contrôles';
const INDICATEURS = 'SPASER Indicateurs';
const ETAT = 'SPASER État';
// README « Contrôles »: « pole vide sur une ligne : le nom du fichier », and SPASER Pôles « est écrite dès qu'une
// ligne porte un Pôle »: without a Pôle column every row carries « Pôle Culture » (the file's name), so the sheet
// is written (one Pôle column and the City total); the « Considérations par Pôle » chart needs two Pôles.
const POLES = 'SPASER Pôles';
const USER_SHEETS = [USER, NOTES, LISTES];
/** The user's own conditional format (blind-ribbon-workbook.ts): any other one on the sheet is the add-in's highlight. */
const OWN_CF = ['=G5="oui"'];

function setup(extraSheets: SeedSheet[] = []) {
  const excel = createExcelDouble({ name: FILE, sheets: [...week1Sheets(), ...extraSheets] });
  // One host for the ribbon and the pane: the shared runtime of index.tsx.
  const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
  const chain: typeof runChain = (inputs, options) => runChain(inputs, { ...options, today: TODAY });
  setRibbonRunner(createRibbonRunner(host, chain, async () => undefined));
  const summaries: RibbonSummary[] = [];
  const steps: string[] = [];
  subscribeRibbonResult((s) => summaries.push(s));
  subscribeOpenStep((s) => steps.push(s));
  return { excel, host, summaries, steps };
}

async function click(): Promise<number> {
  let completed = 0;
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  // In act: when the pane is open, it reads the workbook again once the run is done.
  await act(() => calculerIndicateurs({ completed: () => completed++ } as unknown as Office.AddinCommands.Event));
  error.mockRestore();
  return completed;
}

function userPictures(excel: ExcelDouble, names = USER_SHEETS): unknown[] {
  return names.map((n) => userPicture(excel, n, OWN_CF));
}

/** Cells of the user's sheet covered by the add-in's highlights (any conditional format that is not the user's). */
function highlighted(excel: ExcelDouble): string[] {
  return coveredCells(
    excel
      .conditionalFormatsOf(USER)
      .filter((c) => !OWN_CF.includes(c.formula ?? ''))
      .flatMap((c) => c.areas),
  );
}

const lower = (v: unknown) => String(v ?? '').trim().toLowerCase();

function findings(excel: ExcelDouble): ReadTable {
  return readTable(excel, CONTROLES, 'Gravité');
}

function indicatorRows(excel: ExcelDouble): ReadTable {
  return readTable(excel, INDICATEURS, 'Id');
}

/** Id → cells, for every row of the Indicateurs sheet whose Id column holds an id. */
function indicatorsById(excel: ExcelDouble): Map<string, Map<string, unknown>> {
  const t = indicatorLines(excel, INDICATEURS);
  const out = new Map<string, Map<string, unknown>>();
  for (const r of t) out.set(String(r.get('Id')), r);
  return out;
}

afterEach(() => {
  cleanup();
  setRibbonRunner(null);
  resetRibbonBridge();
});

// ---------------------------------------------------------------------------------------------
// Hand computation, week 1 (today 15/01/2026; regles.md, indicateurs.md, README):
//   rows read: 8 (rows 5–12; title, note, group header and header are not rows).
//   errors (regles §3): row 8 montant « 8 000 € TTC » unreadable (README: TTC → illisible) → montant-invalide;
//     row 10 « 2025- 002 » = « 2025-002 » of row 6 (spaces ignored), both 2025 → doublon on row 10;
//     row 11 « 31/02/2025 » unreadable → date-invalide. The #VALUE! of K8 is in an unmapped column: no finding.
//   → lignes.erreurs = 3. Exercice (§9): every readable date is 2025 → N = 2025.
//   R = rows 5, 6, 7, 9, 12 (5 rows). M = R (no horsMarche column).
//   warnings: row 9 CP « 5910 » (not 5 digits, no pays column) → code-postal-invalide;
//     rows 6 and 7: suggestions not yet decided → suggestion-non-confirmee.
//   dep (§5): row 5 11 000; row 6 3 200,50; row 7 40 000; row 9 2 500 (no mandaté → montant); row 12 1 800 (idem).
//     Σ dep = 58 500,50.
//   sociale (declared or confirmed): rows 5, 12 → 2/5 = 40 %. env: row 9 (critère env. oui) → 1/5 = 20 %.
//   AR: rows 5, 9, 12 → 1.1.2-marches-ar = 3; 1.1.2-montant-ar = 11 000 + 2 500 + 1 800 = 15 300.
//   clauseSociale: rows 5, 12 → 4.2.2-clause-sociale-nb = 2, -part = 40 %.
//   Zones (§6, communes-mel.md: 59000 is Lille only): Propreté Nord 59100 Roubaix; Papeterie Lilloise 59000 MEL;
//     Association Rebond 59100 Roubaix; Son et Lumière « 5910 » Inconnue; Forma Conseil 75011 France.
//     5.1.1-montant-moyen-roubaix = (11 000 + 40 000) / 2 = 25 500.
//   Charts (sortie.md): considerations (calculable) and zones (calculable); no size column, no Suivi insertion,
//     no Pôle → 2 charts → 1.1.2-dataviz = 2.
//   Calculable (needs mapped): 1.1.2-marches-ar, 1.1.2-montant-ar, 1.1.2-dataviz, 3.1.1-consideration-env,
//     4.1.2-consideration-sociale, 4.2.2-clause-sociale-nb, 4.2.2-clause-sociale-part, 5.1.1-fournisseurs-zone,
//     5.1.1-montant-moyen-roubaix = 9 of 56. Everything else lacks a column or a sheet: non calculable.
// ---------------------------------------------------------------------------------------------
const CALCULABLE = [
  '1.1.2-marches-ar',
  '1.1.2-montant-ar',
  '1.1.2-dataviz',
  '3.1.1-consideration-env',
  '4.1.2-consideration-sociale',
  '4.2.2-clause-sociale-nb',
  '4.2.2-clause-sociale-part',
  '5.1.1-fournisseurs-zone',
  '5.1.1-montant-moyen-roubaix',
];

const WEEK1_VALUES: Record<string, number> = {
  '1.1.2-marches-ar': 3,
  '1.1.2-montant-ar': 15300,
  '1.1.2-dataviz': 2,
  '3.1.1-consideration-env': 20,
  '4.1.2-consideration-sociale': 40,
  '4.2.2-clause-sociale-nb': 2,
  '4.2.2-clause-sociale-part': 40,
  '5.1.1-montant-moyen-roubaix': 25500,
};

// Week 2: D8 fixed (8 000 €, mandaté 7 500, 14/04/2025, 59100 Roubaix), row 13 added (950 €, mandaté 950,
// 20/11/2025, CP « 620000 » → code-postal-invalide, zone Inconnue); in the pane the buyer confirms
// « Clause environnementale » of 2025-002 and rejects « Marché d'insertion » of 2025-003.
//   rows read 9; errors: rows 10, 11 → 2. R = rows 5, 6, 7, 8, 9, 12, 13 (7).
//   warnings: row 9 CP, row 13 CP (suggestions decided: no more suggestion-non-confirmee).
//   sociale: rows 5, 12 → 2/7; env: rows 9 and 6 (confirmed) → 2/7.
//   AR: rows 5, 6, 9, 12 → 4; montant-ar = 11 000 + 3 200,50 + 2 500 + 1 800 = 18 500,50.
//   clause sociale: 2, 2/7. Roubaix suppliers: Propreté Nord, Association Rebond, Ascenseurs Services →
//   (11 000 + 40 000 + 7 500) / 3 = 19 500.
const WEEK2_VALUES: Record<string, number> = {
  '1.1.2-marches-ar': 4,
  '1.1.2-montant-ar': 18500.5,
  '1.1.2-dataviz': 2,
  '3.1.1-consideration-env': (2 / 7) * 100,
  '4.1.2-consideration-sociale': (2 / 7) * 100,
  '4.2.2-clause-sociale-nb': 2,
  '4.2.2-clause-sociale-part': (2 / 7) * 100,
  '5.1.1-montant-moyen-roubaix': 19500,
};

function expectIndicators(excel: ExcelDouble, values: Record<string, number>): void {
  const rows = indicatorLines(excel, INDICATEURS);
  // Every id of indicateurs.md exactly once, in the catalogue's order.
  expect(rows.map((r) => r.get('Id'))).toEqual(CATALOGUE);
  const byId = indicatorsById(excel);
  for (const id of CATALOGUE) {
    const statut = lower(byId.get(id)!.get('Statut'));
    expect([id, statut]).toEqual([id, CALCULABLE.includes(id) ? 'calculé' : 'non calculable']);
    // A non calculable indicator says why (indicateurs.md: « with the reason »), never 0 in its place.
    if (!CALCULABLE.includes(id)) {
      expect([id, String(byId.get(id)!.get('Note') ?? '').length > 0]).toEqual([id, true]);
      expect([id, byId.get(id)!.get('Valeur')]).not.toEqual([id, 0]);
    }
  }
  for (const [id, v] of Object.entries(values)) {
    const got = byId.get(id)!.get('Valeur');
    expect([id, typeof got]).toEqual([id, 'number']);
    expect([id, Math.round((got as number) * 1e6) / 1e6]).toEqual([id, Math.round(v * 1e6) / 1e6]);
  }
}

/** The data table a chart is drawn from: label in the first column, values beside. */
function chartData(excel: ExcelDouble, title: RegExp): (string | number | boolean | null)[][] {
  const chart = excel.sheet(INDICATEURS).charts.find((c) => title.test(c.title ?? ''));
  if (!chart) throw new Error(`no chart ${title}`);
  const s = chart.source;
  return Array.from({ length: s.nr }, (_, i) => Array.from({ length: s.nc }, (_, j) => valueAt(excel, INDICATEURS, s.r0 + i + 1, s.c0 + j + 1)));
}

const TITLE_CONSIDERATIONS = /^Part des marchés avec une considération sociale \/ environnementale \/ innovante/;
const TITLE_ZONES = /^Fournisseurs par zone géographique/;

// ---------------------------------------------------------------------------------------------

describe('week 1 — the buyer clicks « Calculer les indicateurs »', () => {
  it('reports the summary worked out by hand', async () => {
    const { summaries, steps } = setup();
    expect(await click()).toBe(1);
    expect(summaries).toEqual([{ lignesLues: 8, erreurs: 3, indicateursCalcules: 9, indicateurs: 56, exercice: 2025, echec: null }]);
    expect(steps).toEqual([]);
  });

  it('leaves every user sheet as it was, cell by cell (values, formulas, formats, the table, the merge, the hidden state, the order)', async () => {
    const { excel } = setup();
    const before = userPictures(excel);
    await click();
    expect(userPictures(excel)).toEqual(before);
    expect(excel.sheet(LISTES).visibility).toBe('Hidden');
    expect(excel.sheetNames().slice(0, 3)).toEqual(USER_SHEETS);
    // The user's table and its name are untouched and no other table appeared on the user's sheets.
    expect(excel.tablesOf(USER).map((t) => t.name)).toEqual(['TabMarches']);
  });

  it('writes the SPASER sheets, the state sheet very hidden', async () => {
    const { excel } = setup();
    await click();
    // sortie.md: Registre, Contrôles, Indicateurs, Pôles (see POLES), État very hidden.
    expect(excel.sheetNames()).toEqual([...USER_SHEETS, REGISTRE, CONTROLES, INDICATEURS, POLES, ETAT]);
    expect(readTable(excel, POLES, 'Id').header).toContain('Pôle Culture');
    expect(excel.sheet(ETAT).visibility).toBe('VeryHidden');
    expect(excel.sheet(REGISTRE).visibility).toBe('Visible');
  });

  it('SPASER Registre: one row per source row, an Excel table with filters, values read the French way', async () => {
    const { excel } = setup();
    await click();
    const t = readTable(excel, REGISTRE, 'N° de marché');
    expect(t.headerRow).toBe(1);
    // Canonical columns recognised (README: only those recognised), French labels of champs.md in its order, then the extra columns.
    expect(t.header).toEqual([
      'N° de marché',
      'Objet du marché',
      'Date de notification',
      'Montant notifié HT (€)',
      'Dépenses mandatées HT (€)',
      'Critère environnemental',
      'Clause sociale',
      'Titulaire',
      'Code postal du titulaire',
      'Commentaires',
      'Considération sociale',
      'Considération environnementale',
      'Innovation',
      'Étiquettes',
      'Statut',
      'Exercice',
      'Source',
    ]);
    expect(t.rows).toHaveLength(8);
    const tables = excel.tablesOf(REGISTRE);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ r0: 0, c0: 0, nr: 9, nc: t.header.length, showFilterButton: true });

    expect(column(t, 'N° de marché')).toEqual(['2025-001', '2025-002', '2025-003', '2025-004', '2025-005', '2025- 002', '2025-006', '2025-007']);
    // Amounts read from French text; an unreadable value shown as it was (README « Feuilles écrites »).
    expect(column(t, 'Montant notifié HT (€)')).toEqual([12500, 3200.5, 45000, '8 000 € TTC', 2500, 1000, 6750, 1800]);
    expect(column(t, 'Dépenses mandatées HT (€)')).toEqual([11000, 3200.5, 40000, 7500, null, 1000, 6000, null]);
    // Dates: 03/02/2025 = 45691, 17/02 = 45705, 10/03 = 45726, 14/04 = 45761, 23/05 = 45800, 15/09 = 45915, 05/11/25 = 45966.
    expect(column(t, 'Date de notification')).toEqual([45691, 45705, 45726, 45761, 45800, 45915, '31/02/2025', 45966]);
    // Postal codes are text (59100 typed as a number: its 5 digits).
    expect(column(t, 'Code postal du titulaire')).toEqual(['59100', '59000', '59100', '59100', '5910', '59000', '59100', '75011']);
    expect(column(t, 'Statut')).toEqual(['OK', 'Avertissement', 'Avertissement', 'Erreur', 'Avertissement', 'Erreur', 'Erreur', 'OK']);
    // Suggestions do not count until confirmed: rows 6 and 7 are « non ».
    expect(column(t, 'Considération sociale').map(lower)).toEqual(['oui', 'non', 'non', 'non', 'non', 'non', 'non', 'oui']);
    expect(column(t, 'Considération environnementale').map(lower)).toEqual(['non', 'non', 'non', 'non', 'oui', 'non', 'non', 'non']);
    expect(column(t, 'Exercice')).toEqual([2025, 2025, 2025, 2025, 2025, 2025, null, 2025]);
    const tags = column(t, 'Étiquettes').map((v) => String(v ?? ''));
    expect(tags[0]).toMatch(/Clause sociale.*déclaré/);
    expect(tags[1]).toMatch(/Clause environnementale.*suggéré/);
    expect(tags[2]).toMatch(/Marché d'insertion.*suggéré/);
    expect(tags[4]).toMatch(/Critère environnemental.*déclaré/);
    expect(tags[7]).toMatch(/Clause sociale.*déclaré/);
    expect([tags[3], tags[5], tags[6]]).toEqual(['', '', '']);
    // Source: file, sheet, row.
    t.rows.forEach((r, i) => {
      const source = String(r.cells.get('Source')?.value ?? '');
      expect(source).toContain(USER);
      expect(source).toMatch(new RegExp(`\\b${i + 5}\\b`));
    });
    // Formats: amounts # ##0,00 €, dates jj/mm/aaaa.
    const amount = t.rows[0].cells.get('Montant notifié HT (€)')!;
    expect(amount.numberFormat ?? '').toMatch(/0[.,]00/);
    expect(amount.numberFormat ?? '').toContain('€');
    expect(t.rows[0].cells.get('Date de notification')!.numberFormat ?? '').toMatch(/^(dd\/mm\/yyyy|jj\/mm\/aaaa)$/i);
  });

  it('SPASER Contrôles: one row per finding, with the user’s row, column, value read and a link to the cell', async () => {
    const { excel } = setup();
    await click();
    const t = findings(excel);
    for (const label of ['Gravité', 'Code', 'Message', 'Feuille', 'Ligne', 'Colonne', 'Valeur lue']) expect(t.header).toContain(label);
    expect(findingKeys(t)).toEqual(
      [
        `avertissement | code-postal-invalide | ${USER} | 9 | CP titulaire`,
        `avertissement | suggestion-non-confirmee | ${USER} | 6 | `,
        `avertissement | suggestion-non-confirmee | ${USER} | 7 | `,
        `erreur | date-invalide | ${USER} | 11 | Notifié le`,
        `erreur | doublon | ${USER} | 10 | N° marché`,
        `erreur | montant-invalide | ${USER} | 8 | Montant HT`,
      ].sort(),
    );
    const byCode = (code: string) => t.rows.find((r) => r.cells.get('Code')?.value === code)!;
    expect(byCode('montant-invalide').cells.get('Valeur lue')?.value).toBe('8 000 € TTC');
    expect(byCode('doublon').cells.get('Valeur lue')?.value).toBe('2025- 002');
    expect(byCode('date-invalide').cells.get('Valeur lue')?.value).toBe('31/02/2025');
    expect(String(byCode('code-postal-invalide').cells.get('Valeur lue')?.value)).toBe('5910');
    // Messages in French, not empty; each finding links to its cell (or, for a suggestion, its row) in this workbook.
    const cellOf: Record<string, string> = { 'montant-invalide': 'D8', doublon: 'A10', 'date-invalide': 'F11', 'code-postal-invalide': 'I9' };
    for (const r of t.rows) {
      const message = String(r.cells.get('Message')?.value ?? '');
      expect(message.length).toBeGreaterThan(10);
      expect(message).not.toMatch(/\b(the|row|column|invalid|missing|duplicate|error|warning)\b/i);
      const links = [...r.cells.values()].map((c) => c?.hyperlink).filter((h) => h);
      expect(links).toHaveLength(1);
      const target = `${links[0]!.documentReference ?? ''}${links[0]!.address ?? ''}`.replace(/\$/g, '');
      expect(target).toContain(USER);
      const code = String(r.cells.get('Code')?.value);
      if (cellOf[code]) expect(target).toMatch(new RegExp(`!${cellOf[code]}$`));
      else expect(target).toMatch(new RegExp(`!(A?${r.cells.get('Ligne')?.value}\\b|.*${r.cells.get('Ligne')?.value})`));
    }
  });

  it('SPASER Indicateurs: every id in catalogue order, statuses and values worked out by hand', async () => {
    const { excel } = setup();
    await click();
    const t = indicatorRows(excel);
    for (const label of ['Id', 'Objectif', 'Indicateur', 'Valeur', 'Unité', 'N−1', 'Évolution', 'Cible', 'Atteinte', 'Statut', 'Couverture', 'Note']) {
      expect(t.header).toContain(label);
    }
    expectIndicators(excel, WEEK1_VALUES);
    // No valid rows of 2024: no N−1 value anywhere.
    expect(indicatorLines(excel, INDICATEURS).filter((r) => r.get('N−1') !== null && r.get('N−1') !== '')).toEqual([]);
    // regles.md §5: the sheet says which spend was used (montantMandate, mapped and filled on rows of N).
    const texts = [...excel.sheet(INDICATEURS).rows.values()].flatMap((r) => [...r.values()].map((c) => String(c.value ?? '')));
    expect(texts.some((s) => /mandat/i.test(s))).toBe(true);
  });

  it('draws the native charts planned in sortie.md that have data, with French titles and hand-checked data', async () => {
    const { excel } = setup();
    await click();
    const charts = excel.sheet(INDICATEURS).charts;
    expect(charts).toHaveLength(2);
    expect(charts.map((c) => c.title)).toEqual([expect.stringMatching(TITLE_CONSIDERATIONS), expect.stringMatching(TITLE_ZONES)]);
    expect(charts[0].type).toBe('ColumnClustered');
    expect(['Doughnut', 'Pie']).toContain(charts[1].type);
    // Considerations with the national reference beside: social 40 % (ref 30 %), environmental 20 % (ref 100 %).
    const cons = chartData(excel, TITLE_CONSIDERATIONS);
    const line = (label: RegExp) => cons.find((r) => label.test(String(r[0])))!;
    expect(line(/^Sociale/).slice(1, 3)).toEqual([40, 30]);
    expect(line(/^Environnementale/).slice(1, 3)).toEqual([20, 100]);
    // Zones, share of spend: Σ dep 58 500,50; Roubaix 51 000, MEL 3 200,50, France 1 800, Inconnue 2 500.
    const zones = chartData(excel, TITLE_ZONES);
    const share = (zone: string) => {
      const row = zones.find((r) => r[0] === zone);
      return row ? Math.round(Number(row[row.length - 1]) * 1000) / 1000 : null;
    };
    const total = 58500.5;
    expect(share('Roubaix')).toBe(Math.round((51000 / total) * 100 * 1000) / 1000);
    expect(share('MEL (hors Roubaix)')).toBe(Math.round((3200.5 / total) * 100 * 1000) / 1000);
    expect(share('France (hors Hauts-de-France)')).toBe(Math.round((1800 / total) * 100 * 1000) / 1000);
    expect(share('Inconnue')).toBe(Math.round((2500 / total) * 100 * 1000) / 1000);
  });

  it('highlights the faulty cells by a conditional format, values untouched', async () => {
    const { excel } = setup();
    await click();
    const cells = highlighted(excel);
    // Findings with a column: D8 (montant), A10 (doublon), F11 (date), I9 (CP).
    expect(cells.filter((c) => /^[A-K](8|9|10|11)$/.test(c))).toEqual(['A10', 'D8', 'F11', 'I9']);
    // Nothing outside the rows with a finding (rows 6 and 7 carry a suggestion: README says the pane selects the whole row).
    expect(cells.filter((c) => !/^[A-K](6|7|8|9|10|11)$/.test(c))).toEqual([]);
  });

  it('stays within the README « Performances » round trips for a small register (≤ 1 000 rows: 3 read + 5 write syncs, batches ≤ 1,1 Mo)', async () => {
    // The README table measures the adapter's read and its write of the SPASER sheets (bench/measure.ts),
    // the two steps of a click before the highlights: measured here the same way.
    const excel = createExcelDouble({ name: FILE, sheets: week1Sheets() });
    const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
    const inputs = [{ file: FILE, sheets: await wb.readSheets(), state: await wb.readState() }];
    expect(excel.syncCount).toBeLessThanOrEqual(3);
    const out = runChain(inputs, { writesCharts: true, today: TODAY });
    excel.resetCounters();
    await wb.writePlan(out.plan);
    // 3 for the sheets, 2 for the charts' alt text after them (session 39).
    expect(excel.syncCount).toBeLessThanOrEqual(5);
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(1_100_000);
  });

  it('the whole click (read, write, highlights) does not take more round trips for 1 000 rows than for 8 (README: one per block)', async () => {
    const small = setup();
    small.excel.resetCounters();
    await click();
    const eight = small.excel.syncCount;
    setRibbonRunner(null);
    resetRibbonBridge();
    // The same workbook with 992 more valid rows of 2025 in the table (A4:K1004), some with a finding each.
    const sheets = week1Sheets();
    const more = Array.from({ length: 992 }, (_, i) => [
      `2025-${String(100 + i).padStart(4, '0')}`, `Prestation ${i}`, `Titulaire ${i}`, '1 000,00', 900, '02/06/2025', 'non', 'non', i % 50 === 0 ? '591' : '59100', null, null,
    ]);
    sheets[0].cells = [...sheets[0].cells!, ...more];
    sheets[0].tables = [{ name: 'TabMarches', address: 'A4:K1004' }];
    const big = createExcelDouble({ name: FILE, sheets });
    const host = new ExcelHost(big.run as unknown as typeof Excel.run);
    setRibbonRunner(createRibbonRunner(host, (i, o) => runChain(i, { ...o, today: TODAY }), async () => undefined));
    const summaries: RibbonSummary[] = [];
    subscribeRibbonResult((s) => summaries.push(s));
    big.resetCounters();
    await click();
    expect(summaries[0]).toMatchObject({ lignesLues: 1000, erreurs: 3, echec: null });
    expect(big.syncCount).toBe(eight);
    expect(big.maxRequestBytes).toBeLessThanOrEqual(1_100_000);
  });
});

/** Week 1 click, the week 2 edits, then the pane: confirm 2025-002's suggestion, reject 2025-003's. */
async function throughWeek2() {
  const ctx = setup();
  await click();
  week2Edits(ctx.excel);
  render(createElement(App, { host: ctx.host, today: TODAY }));
  fireEvent.click(await screen.findByRole('button', { name: '3. Étiquettes' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Confirmer : Clause environnementale pour le marché 2025-002' }));
  await screen.findByText('Confirmée');
  fireEvent.click(await screen.findByRole('button', { name: "Rejeter : Marché d'insertion pour le marché 2025-003" }));
  await screen.findByRole('button', { name: "Rétablir : Marché d'insertion pour le marché 2025-003" });
  return ctx;
}

describe('week 2 — edits, decisions in the pane, second click', () => {
  it('replaces the SPASER sheets (no duplicate), reports the new summary, user sheets still untouched', async () => {
    const { excel, summaries } = await throughWeek2();
    const before = userPictures(excel);
    expect(await click()).toBe(1);
    expect(excel.sheetNames()).toEqual([...USER_SHEETS, REGISTRE, CONTROLES, INDICATEURS, POLES, ETAT]);
    expect(excel.sheet(ETAT).visibility).toBe('VeryHidden');
    expect(excel.model.tables.filter((t) => t.sheet.name === REGISTRE)).toHaveLength(1);
    expect(excel.sheet(INDICATEURS).charts).toHaveLength(2);
    expect(summaries[summaries.length - 1]).toEqual({ lignesLues: 9, erreurs: 2, indicateursCalcules: 9, indicateurs: 56, exercice: 2025, echec: null });
    expect(userPictures(excel)).toEqual(before);
    expect(excel.findTable('TabMarches')).toMatchObject({ r0: 3, nr: 10 });
  });

  it('keeps the decisions in SPASER État and uses them', async () => {
    const { excel } = await throughWeek2();
    await click();
    const saved = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readState();
    expect(saved?.decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ numero: '2025-002', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'confirmée' }),
        expect.objectContaining({ numero: '2025-003', consideration: 'sociale', etiquette: "Marché d'insertion", decision: 'rejetée' }),
      ]),
    );
    expect(saved?.decisions).toHaveLength(2);
    const t = readTable(excel, REGISTRE, 'N° de marché');
    expect(t.rows).toHaveLength(9);
    const tags = column(t, 'Étiquettes').map((v) => String(v ?? ''));
    expect(tags[1]).toMatch(/Clause environnementale.*confirmé/);
    // A rejected suggestion disappears from the outputs (README « Étiquettes suggérées »).
    expect(tags[2]).not.toMatch(/insertion/i);
    expect(column(t, 'Considération environnementale').map(lower)).toEqual(['non', 'oui', 'non', 'non', 'oui', 'non', 'non', 'non', 'non']);
    expect(column(t, 'Considération sociale').map(lower)).toEqual(['oui', 'non', 'non', 'non', 'non', 'non', 'non', 'oui', 'non']);
    expect(column(t, 'Statut')).toEqual(['OK', 'OK', 'OK', 'OK', 'Avertissement', 'Erreur', 'Erreur', 'OK', 'Avertissement']);
    expect(column(t, 'Montant notifié HT (€)')).toEqual([12500, 3200.5, 45000, 8000, 2500, 1000, 6750, 1800, 950]);
    expect(findingKeys(findings(excel))).toEqual(
      [
        `avertissement | code-postal-invalide | ${USER} | 9 | CP titulaire`,
        `avertissement | code-postal-invalide | ${USER} | 13 | CP titulaire`,
        `erreur | date-invalide | ${USER} | 11 | Notifié le`,
        `erreur | doublon | ${USER} | 10 | N° marché`,
      ].sort(),
    );
  });

  it('indicator values follow the edit and the decisions', async () => {
    const { excel } = await throughWeek2();
    await click();
    expectIndicators(excel, WEEK2_VALUES);
    // Zones: Σ dep 66 950,50; Roubaix 58 500 (3 suppliers), Inconnue 2 500 + 950.
    const zones = chartData(excel, TITLE_ZONES);
    const share = (zone: string) => {
      const row = zones.find((r) => r[0] === zone);
      return row ? Math.round(Number(row[row.length - 1]) * 1000) / 1000 : null;
    };
    expect(share('Roubaix')).toBe(Math.round((58500 / 66950.5) * 100 * 1000) / 1000);
    expect(share('Inconnue')).toBe(Math.round((3450 / 66950.5) * 100 * 1000) / 1000);
    const cons = chartData(excel, TITLE_CONSIDERATIONS);
    const env = cons.find((r) => /^Environnementale/.test(String(r[0])))!;
    expect(Math.round(Number(env[1]) * 1000) / 1000).toBe(Math.round((200 / 7) * 1000) / 1000);
  });

  it('removes the old highlights and sets the new ones', async () => {
    const { excel } = await throughWeek2();
    await click();
    // D8 fixed, rows 6 and 7 decided: only A10, F11, I9 and the new I13 remain.
    expect(highlighted(excel)).toEqual(['A10', 'F11', 'I13', 'I9']);
    // The user's own conditional format is still there, once.
    expect(excel.conditionalFormatsOf(USER).filter((c) => c.formula === OWN_CF[0])).toHaveLength(1);
  });
});

describe('week 3 — a sheet named like the add-in’s', () => {
  it('« spaser registre » (an old SPASER sheet renamed by hand): the write stops before any change, with a French message asking to rename it', async () => {
    const { excel, summaries } = await throughWeek2();
    await click();
    cleanup();
    excel.sheet(REGISTRE).name = 'spaser registre';
    const everything = () => ({
      sheets: excel.sheetNames().map((n) => excel.snapshot(n)),
      merges: excel.sheet(USER).merges.map((m) => ({ ...m })),
      tables: excel.model.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, r0: t.r0, c0: t.c0, nr: t.nr, nc: t.nc })),
    });
    const before = everything();
    const count = summaries.length;
    expect(await click()).toBe(1);
    expect(everything()).toEqual(before);
    const last = summaries[summaries.length - 1];
    expect(summaries).toHaveLength(count + 1);
    expect(last.echec).toEqual(expect.stringContaining('spaser registre'));
    expect(last.echec ?? '').toMatch(/renomm/i);
    expect(last.echec ?? '').not.toMatch(/\b(the|sheet|already|exists|error)\b/i);
  });

  it('« SPASER Notes » kept by the user: never read as a source, never deleted nor changed; the run succeeds', async () => {
    const notes = { name: 'SPASER Notes', cells: [['Mes notes'], ['2025-009', 'Marché à venir', '5 000', '01/12/2025']] };
    const { excel, summaries } = setup([notes]);
    const before = userPicture(excel, 'SPASER Notes', []);
    await click();
    await click();
    expect(summaries.map((s) => s.echec)).toEqual([null, null]);
    // Week 1's count: its row 2025-009 is not read.
    expect(summaries[1].lignesLues).toBe(8);
    expect(excel.sheetNames().filter((n) => n === 'SPASER Notes')).toHaveLength(1);
    expect(userPicture(excel, 'SPASER Notes', [])).toEqual(before);
  });
});

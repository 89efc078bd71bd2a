/**
 * README « Dans Excel » and spec README « Anyone, one click »: the ribbon
 * button « Calculer les indicateurs » runs the whole chain on the open
 * workbook with the saved (or automatic) column mapping, writes the
 * `SPASER …` sheets and charts, marks the faulty cells, shows a summary in
 * the pane. When a required column is missing nothing is written and the
 * pane opens at the Colonnes step. Run on the Excel double, end to end.
 */
import { runChain } from '../../src/domain/chain';
import { SHEET_CONTROLES, SHEET_ETAT, SHEET_INDICATEURS, SHEET_POLES, SHEET_REGISTRE } from '../../src/domain/plan-types';
import { serializeState } from '../../src/domain/state-sheet';
import type { SavedState } from '../../src/domain/state';
import { calculerIndicateurs } from '../../src/commands/commands';
import { setRibbonRunner } from '../../src/commands/ribbon';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import {
  createRibbonRunner,
  resetRibbonBridge,
  subscribeOpenStep,
  subscribeRibbonResult,
  type RibbonSummary,
} from '../../src/taskpane/ribbon-bridge';
import { HIGHLIGHT_FORMULA } from '../../src/workbook/office/highlight';
import { createExcelDouble, type ExcelDouble, type SeedSheet } from '../doubles/excel-double';

const TODAY = '2026-01-15';
const SHEET = 'Suivi 2025';

/** 4 contracts of 2025 in two Pôles; `douze` (C4) cannot be read: 1 row in error. */
const CELLS = [
  ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif', 'Pôle', 'Clause sociale'],
  ['2025-001', 'Nettoyage des écoles', 12000, { v: 45691, nf: 'dd/mm/yyyy' }, 'Pôle Sport', 'oui'],
  ['2025-002', 'Fournitures de bureau', 3000, { v: 45726, nf: 'dd/mm/yyyy' }, 'Pôle Culture', 'non'],
  ['2025-003', 'Entretien des espaces verts', 'douze', { v: 45748, nf: 'dd/mm/yyyy' }, 'Pôle Sport', 'oui'],
  ['2025-004', 'Maintenance informatique', 5000, { v: 45778, nf: 'dd/mm/yyyy' }, 'Pôle Culture', 'oui'],
];

/** The same contracts under headers no synonym recognises. */
const ODD_CELLS = [['Réf', 'Quoi', 'Combien', 'Quand'], ...CELLS.slice(1).map((r) => r.slice(0, 4))];

function stateSheet(state: SavedState): SeedSheet {
  return { name: SHEET_ETAT, visibility: 'VeryHidden', cells: serializeState(state).map((c) => [c]) };
}

function setup(sheets: SeedSheet[]) {
  const excel = createExcelDouble({ name: 'Pôle Sport.xlsx', sheets });
  const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
  const shown: number[] = [];
  const chain: typeof runChain = (inputs, options) => runChain(inputs, { ...options, today: TODAY });
  setRibbonRunner(
    createRibbonRunner(host, chain, async () => {
      shown.push(1);
    }),
  );
  const summaries: RibbonSummary[] = [];
  const steps: string[] = [];
  subscribeRibbonResult((s) => summaries.push(s));
  subscribeOpenStep((s) => steps.push(s));
  return { excel, shown, summaries, steps };
}

/** Everything of the workbook a user could see (sheets in order, cells, formats, tables, marks). */
function whole(excel: ExcelDouble): unknown {
  return excel.sheetNames().map((n) => excel.snapshot(n));
}

async function click(): Promise<{ completed: number }> {
  let completed = 0;
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await calculerIndicateurs({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
  error.mockRestore();
  return { completed };
}

afterEach(() => {
  setRibbonRunner(null);
  resetRibbonBridge();
});

describe('ribbon « Calculer les indicateurs » — one click, whole chain', () => {
  it('writes the SPASER sheets and the charts, marks the faulty cell, shows the summary in the pane', async () => {
    const { excel, shown, summaries, steps } = setup([{ name: SHEET, cells: CELLS }]);
    const userCells = JSON.stringify((excel.snapshot(SHEET) as { cells: unknown }).cells);
    expect(await click()).toEqual({ completed: 1 });

    expect(excel.sheetNames()).toEqual([SHEET, SHEET_REGISTRE, SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES, SHEET_ETAT]);
    expect(excel.sheet(SHEET_ETAT).visibility).toBe('VeryHidden');
    // The user's cells are as they were; the unreadable amount C4 carries the add-in's removable mark.
    expect(JSON.stringify((excel.snapshot(SHEET) as { cells: unknown }).cells)).toBe(userCells);
    const marks = excel.conditionalFormatsOf(SHEET).filter((c) => c.formula === HIGHLIGHT_FORMULA);
    expect(marks.flatMap((m) => m.areas)).toEqual([{ r0: 3, c0: 2, nr: 1, nc: 1 }]);
    // Register: 4 rows read, one per source row, below the header.
    expect(excel.usedRect(excel.sheet(SHEET_REGISTRE), true)?.nr).toBe(5);

    // Charts: considerations (with the national reference) and considerations by Pôle, French titles.
    const charts = excel.sheet(SHEET_INDICATEURS).charts;
    expect(charts.map((c) => c.title)).toEqual([
      'Part des marchés avec une considération sociale / environnementale / innovante',
      'Considérations par Pôle',
    ]);

    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ lignesLues: 4, erreurs: 1, exercice: 2025, echec: null });
    expect(steps).toEqual([]);
    expect(shown).toHaveLength(1);
  });

  it('draws each chart from a table of its data on the sheet, with hand-checked values', async () => {
    const { excel } = setup([{ name: SHEET, cells: CELLS }]);
    await click();
    const [considerations, poles] = excel.sheet(SHEET_INDICATEURS).charts;
    const data = (c: typeof considerations) =>
      Array.from({ length: c.source.nr }, (_, i) =>
        Array.from({ length: c.source.nc }, (_, j) => excel.cell(SHEET_INDICATEURS, c.source.r0 + i + 1, c.source.c0 + j + 1)?.value ?? null),
      );
    const round = (rows: (string | number | boolean | null)[][]) => rows.map((r) => r.map((v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
    // Valid rows of 2025: 001 (oui), 002 (non), 004 (oui); 003 is in error. National reference for social: 30 %.
    expect(considerations.type).toBe('ColumnClustered');
    expect(round(data(considerations)).slice(0, 2)).toEqual([
      ['Considération', 'Roubaix', 'Référence nationale'],
      ['Sociale', 66.7, 30],
    ]);
    // By Pôle: Culture 1 of 2 (50 %), Sport 1 of 1 (100 %); Pôles in French order.
    expect(poles.type).toBe('ColumnClustered');
    expect(round(data(poles)).map((r) => r.slice(0, 2))).toEqual([
      ['Pôle', 'Sociale (%)'],
      ['Pôle Culture', 50],
      ['Pôle Sport', 100],
    ]);
  });

  it('counts in 1.1.2-dataviz the charts it wrote', async () => {
    const { excel } = setup([{ name: SHEET, cells: CELLS }]);
    await click();
    // SPASER Indicateurs: the row of 1.1.2-dataviz holds the number of charts on the sheet.
    const sheet = excel.sheet(SHEET_INDICATEURS);
    const row = [...sheet.rows.values()].find((r) => r.get(0)?.value === '1.1.2-dataviz');
    expect(row?.get(3)?.value).toBe(sheet.charts.length);
    expect(sheet.charts.length).toBe(2);
  });

  it('gives the same sheets on a second click (the add-in’s sheets replaced, no duplicate)', async () => {
    const { excel } = setup([{ name: SHEET, cells: CELLS }]);
    await click();
    const outputs = () =>
      excel
        .sheetNames()
        .filter((n) => n.startsWith('SPASER '))
        .map((n) => {
          const s = excel.snapshot(n) as { charts: { id?: number; name?: string }[] };
          return { ...s, charts: s.charts.map(({ id: _i, name: _n, ...rest }) => rest) };
        });
    const first = outputs();
    const marks = excel.conditionalFormatsOf(SHEET).length;
    await click();
    expect(outputs()).toEqual(first);
    expect(excel.conditionalFormatsOf(SHEET)).toHaveLength(marks);
  });

  it('uses the column mapping saved in the workbook', async () => {
    const state: SavedState = {
      version: 1,
      mappings: [{ sheet: SHEET, headerRow: 1, columns: { Réf: 'numero', Quoi: 'objet', Combien: 'montant', Quand: 'dateNotification' } }],
      decisions: [],
    };
    const { excel, summaries } = setup([{ name: SHEET, cells: ODD_CELLS }, stateSheet(state)]);
    await click();
    expect(summaries[0]).toMatchObject({ lignesLues: 4, erreurs: 1, echec: null });
    expect(excel.sheetNames()).toContain(SHEET_REGISTRE);
    expect(excel.cell(SHEET_REGISTRE, 2, 1)?.value).toBe('2025-001');
  });
});

describe('ribbon — a required column missing: nothing written, the pane opens at Colonnes', () => {
  it('without a saved mapping for unknown headers', async () => {
    const { excel, shown, summaries, steps } = setup([{ name: SHEET, cells: ODD_CELLS }]);
    const before = whole(excel);
    expect(await click()).toEqual({ completed: 1 });
    expect(whole(excel)).toEqual(before);
    expect(steps).toEqual(['colonnes']);
    expect(shown).toHaveLength(1);
    expect(summaries[0].echec).toMatch(/^Aucun registre reconnu dans « Pôle Sport\.xlsx »/);
  });

  it('when the saved mapping leaves a required column out, the previous output stays as it was', async () => {
    const { excel } = setup([{ name: SHEET, cells: CELLS }]);
    await click();
    // The user then says « Montant HT » feeds nothing (saved in the state sheet).
    const state: SavedState = { version: 1, mappings: [{ sheet: SHEET, headerRow: 1, columns: { 'Montant HT': null } }], decisions: [] };
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET_ETAT);
      ws.visibility = 'Hidden';
      ws.delete();
    });
    excel.seed(stateSheet(state));
    const before = whole(excel);
    const steps: string[] = [];
    subscribeOpenStep((s) => steps.push(s));
    await click();
    expect(whole(excel)).toEqual(before);
    expect(steps).toEqual(['colonnes']);
  });
});

describe('ribbon — a failure is told in French, with what to do, and leaves the workbook as it was', () => {
  it('when Excel refuses the write', async () => {
    const { excel, summaries, shown } = setup([{ name: SHEET, cells: CELLS }]);
    const before = whole(excel);
    // Read: 3 syncs; the write's first sync (sheet list) passes, its data sync fails.
    excel.failOnSync(5);
    expect(await click()).toEqual({ completed: 1 });
    expect(whole(excel)).toEqual(before);
    expect(shown).toHaveLength(1);
    const message = summaries[0].echec ?? '';
    expect(message).toMatch(/^L'écriture des feuilles SPASER a échoué/);
    expect(message).toMatch(/Aucune feuille n'a été modifiée à moitié/);
  });

  it('when the workbook cannot be read', async () => {
    const { excel, summaries } = setup([{ name: SHEET, cells: CELLS }]);
    const before = whole(excel);
    excel.failOnSync(1);
    await click();
    expect(whole(excel)).toEqual(before);
    expect(summaries[0].echec ?? '').toMatch(/^La lecture du classeur a échoué/);
  });
});

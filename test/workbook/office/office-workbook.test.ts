import type { Finding, SheetMapping } from '../../../src/domain/model';
import type { WritePlan } from '../../../src/domain/plan-types';
import { FORMAT_DATE, FORMAT_EURO, SHEET_CONTROLES, SHEET_ETAT, SHEET_INDICATEURS, SHEET_REGISTRE } from '../../../src/domain/plan-types';
import { serializeState } from '../../../src/domain/state-sheet';
import { runChain } from '../../../src/domain/chain';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { IMPORT_TEMP_PREFIX } from '../../../src/workbook/port';
import { HIGHLIGHT_FORMULA } from '../../../src/workbook/office/highlight';
import { PAYLOAD_BUDGET_BYTES } from '../../../src/workbook/office/limits';
import { createExcelDouble, type ExcelDouble, type SeedSheet } from '../../doubles/excel-double';
import { measureOfficeRun } from '../../doubles/office-measure';

const USER_SHEETS: SeedSheet[] = [
  {
    name: 'Suivi 2025',
    cells: [
      ['N° marché', 'Objet', 'Montant HT', 'Notification', 'Total'],
      ['2025-001', 'Papier', 1200.5, { v: 45658, nf: 'dd/mm/yyyy' }, { f: '=C2*2', v: 2401 }],
      ['2025-002', { v: 'Nettoyage', fill: '#FFFF00', bold: true }, { error: '#N/A' }, { v: 60, nf: 'dd/mm/yyyy' }, true],
    ],
    tables: [{ name: 'Marches', address: 'A1:E3' }],
    conditionalFormats: [{ address: 'C2:C3', type: 'CellValue', fill: '#00FF00' }],
    widths: { 2: 120 },
    frozenRows: 1,
  },
  { name: 'Notes', at: { row: 3, col: 2 }, cells: [['=1+1 en texte'], [{ v: 12, nf: '0.00' }]] },
  { name: 'Vide' },
];

function userDouble(): ExcelDouble {
  return createExcelDouble({ name: 'Roubaix.xlsx', sheets: USER_SHEETS });
}

function runner(excel: ExcelDouble): ExcelRunner {
  return excel.run as unknown as ExcelRunner;
}

const PLAN: WritePlan = {
  sheets: [
    {
      name: SHEET_REGISTRE,
      visibility: 'visible',
      widths: [12, 30, 14, 14],
      blocks: [
        { row: 1, col: 1, values: [['N° de marché', 'Objet', 'Montant HT', 'Date de notification']], style: 'entete' },
        {
          row: 2,
          col: 1,
          values: [
            ['2025-001', '=SOMME(A1)', 1200.5, { date: '2025-01-01' }],
            ['00123', '-moins', 80, { date: '1900-02-28' }],
          ],
          formats: [null, null, FORMAT_EURO, FORMAT_DATE],
        },
      ],
      tables: [{ name: 'Registre_SPASER', row: 1, col: 1, rowCount: 3, colCount: 4 }],
      links: [{ row: 2, col: 5, text: 'Voir la source', sheet: 'Suivi 2025', address: 'A2' }],
      charts: [],
      freezeRows: 1,
    },
    {
      name: SHEET_INDICATEURS,
      visibility: 'visible',
      widths: [],
      blocks: [
        { row: 1, col: 1, values: [['Indicateurs 2025']], style: 'titre' },
        {
          row: 3,
          col: 1,
          values: [
            ['Considération', 'Roubaix', 'Référence nationale'],
            ['Sociale', 37.5, 30],
            ['Environnementale', 42, 35],
          ],
        },
        {
          row: 7,
          col: 1,
          values: [
            ['Zone', 'Dépense'],
            ['Roubaix', 40],
            ['MEL (hors Roubaix)', 35],
            ['Étranger', 25],
          ],
        },
      ],
      tables: [],
      links: [],
      charts: [
        {
          id: 'considerations',
          kind: 'colonnes',
          title: 'Part des marchés avec une considération',
          data: { row: 3, col: 1, rowCount: 3, colCount: 3 },
          anchor: { row: 3, col: 6, width: 8, height: 15 },
          altText: { title: 'Titre', description: 'Description' },
        },
        {
          id: 'zones',
          kind: 'anneau',
          title: 'Fournisseurs par zone géographique',
          data: { row: 7, col: 1, rowCount: 4, colCount: 2 },
          anchor: { row: 20, col: 6, width: 8, height: 15 },
          altText: { title: 'Titre', description: 'Description' },
        },
      ],
    },
    {
      name: SHEET_ETAT,
      visibility: 'veryHidden',
      widths: [],
      blocks: [{ row: 1, col: 1, values: [[serializeState({ version: 1, mappings: [], decisions: [] })[0]]] }],
      tables: [],
      links: [],
      charts: [],
    },
  ],
};

function userSnapshots(excel: ExcelDouble): unknown[] {
  return USER_SHEETS.map((s) => excel.snapshot(s.name));
}

/** SPASER sheets as a user sees them (chart ids aside). */
function outputSnapshots(excel: ExcelDouble): unknown {
  return excel
    .sheetNames()
    .filter((n) => n.startsWith('SPASER '))
    .map((n) => {
      const s = excel.snapshot(n) as { charts: { id?: number; name?: string }[] };
      return { ...s, charts: s.charts.map(({ id: _id, name: _name, ...rest }) => rest) };
    });
}

describe('Office adapter: reading', () => {
  it('reads every sheet as the grid a person sees, with tables', async () => {
    const excel = userDouble();
    const wb = createOfficeWorkbook(runner(excel));
    const grids = await wb.readSheets();
    expect(wb.name).toBe('Roubaix.xlsx');
    expect(grids.map((g) => g.name)).toEqual(['Suivi 2025', 'Notes', 'Vide']);
    const suivi = grids[0];
    expect(suivi.rows[1]).toEqual(['2025-001', 'Papier', 1200.5, { date: '2025-01-01' }, 2401]);
    // An error cell is an error; serial 60 (29/02/1900, no real day) stays a number.
    expect(suivi.rows[2]).toEqual(['2025-002', 'Nettoyage', { error: '#N/A' }, 60, true]);
    expect(suivi.tables).toEqual([{ name: 'Marches', headerRow: 1, firstCol: 1, lastCol: 5, lastRow: 3 }]);
    expect(grids[1]).toMatchObject({ firstRow: 3, firstCol: 2, rows: [['=1+1 en texte'], [12]] });
    expect(grids[2]).toEqual({ name: 'Vide', firstRow: 1, firstCol: 1, rows: [], tables: [] });
  });

  it('reads in three syncs when everything fits one block', async () => {
    const excel = userDouble();
    const wb = createOfficeWorkbook(runner(excel));
    await wb.readSheets();
    expect(excel.syncCount).toBe(3);
    expect(wb.stats.syncsByPhase.lecture).toBe(3);
  });

  it('reads the saved state from the very hidden sheet', async () => {
    const state = {
      version: 1 as const,
      mappings: [{ sheet: 'Suivi 2025', columns: { 'N° marché': 'numero' } }],
      decisions: [],
    };
    const chunks = serializeState(state, 10);
    const excel = createExcelDouble({
      sheets: [...USER_SHEETS, { name: SHEET_ETAT, visibility: 'VeryHidden', cells: chunks.map((c) => [c]) }],
    });
    expect(await createOfficeWorkbook(runner(excel)).readState()).toEqual(state);
    expect(await createOfficeWorkbook(runner(userDouble())).readState()).toBeNull();
  });

  it('reads heavy cells in smaller blocks without any response over the budget', async () => {
    const long = 'é'.repeat(3000);
    const excel = createExcelDouble({
      sheets: [{ name: 'Long', cells: Array.from({ length: 3000 }, (_, i) => [i, long, `ligne ${i}`]) }],
    });
    const grids = await createOfficeWorkbook(runner(excel)).readSheets();
    expect(grids[0].rows).toHaveLength(3000);
    expect(grids[0].rows[2999]).toEqual([2999, long, 'ligne 2999']);
    // The first guess was too big: Excel refused a few syncs, each retried with fewer cells…
    const refused = excel.batches.filter((b) => b.responseBytes > excel.payloadLimitBytes);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(4);
    // …and every read Excel accepted stayed under our own budget.
    const accepted = excel.batches.filter((b) => b.responseBytes <= excel.payloadLimitBytes);
    expect(accepted.every((b) => b.responseBytes < PAYLOAD_BUDGET_BYTES)).toBe(true);
  });
});

describe('Office adapter: writing the plan', () => {
  it('writes the sheets, tables, links, charts and state without touching the user sheets', async () => {
    const excel = userDouble();
    const before = userSnapshots(excel);
    const wb = createOfficeWorkbook(runner(excel));
    await wb.readSheets();
    await wb.writePlan(PLAN);

    expect(userSnapshots(excel)).toEqual(before);
    expect(excel.sheetNames()).toEqual(['Suivi 2025', 'Notes', 'Vide', SHEET_REGISTRE, SHEET_INDICATEURS, SHEET_ETAT]);
    expect(excel.sheet(SHEET_ETAT).visibility).toBe('VeryHidden');

    // Text that Excel would read as a formula or a number stays text.
    expect(excel.cell(SHEET_REGISTRE, 2, 2)).toMatchObject({ value: '=SOMME(A1)' });
    expect(excel.cell(SHEET_REGISTRE, 2, 2)?.formula).toBeUndefined();
    expect(excel.cell(SHEET_REGISTRE, 3, 1)?.value).toBe('00123');
    expect(excel.cell(SHEET_REGISTRE, 3, 2)?.value).toBe('-moins');
    // Dates: serial + date format; 28/02/1900 is 59 in Excel's 1900 system.
    expect(excel.cell(SHEET_REGISTRE, 2, 4)).toMatchObject({ value: 45658, numberFormat: 'dd/mm/yyyy' });
    expect(excel.cell(SHEET_REGISTRE, 3, 4)?.value).toBe(59);
    expect(excel.cell(SHEET_REGISTRE, 2, 3)?.numberFormat).toBe('#,##0.00 "€"');
    expect(excel.cell(SHEET_REGISTRE, 1, 1)).toMatchObject({ bold: true, fill: '#D9E1F2' });
    expect(excel.cell(SHEET_REGISTRE, 2, 5)).toMatchObject({
      value: 'Voir la source',
      hyperlink: { documentReference: "'Suivi 2025'!A2", textToDisplay: 'Voir la source' },
    });
    expect(excel.sheet(SHEET_REGISTRE).frozenRows).toBe(1);
    // 30 characters: (30 × 7 + 5) px × 0.75.
    expect(excel.sheet(SHEET_REGISTRE).widths.get(1)).toBe(161.25);
    expect(excel.tablesOf(SHEET_REGISTRE).map((t) => [t.name, t.r0, t.c0, t.nr, t.nc])).toEqual([
      ['Registre_SPASER', 0, 0, 3, 4],
    ]);

    const charts = excel.sheet(SHEET_INDICATEURS).charts;
    expect(charts.map((c) => [c.type, c.title, c.source, c.seriesBy, c.position])).toEqual([
      ['ColumnClustered', 'Part des marchés avec une considération', { r0: 2, c0: 0, nr: 3, nc: 3 }, 'Columns', { start: 'F3', end: 'M17' }],
      ['Doughnut', 'Fournisseurs par zone géographique', { r0: 6, c0: 0, nr: 4, nc: 2 }, 'Columns', { start: 'F20', end: 'M34' }],
    ]);
    expect(Object.keys(charts[0].seriesFill)).toEqual(['0', '1']);
    expect(Object.keys(charts[1].pointFill)).toEqual(['0:0', '0:1', '0:2']);
    expect(excel.calculationSuspensions).toBeGreaterThan(0);
  });

  it('gives the same result on a second run, with no duplicate sheet or table', async () => {
    const excel = userDouble();
    const wb = createOfficeWorkbook(runner(excel));
    await wb.writePlan(PLAN);
    const first = outputSnapshots(excel);
    await wb.writePlan(PLAN);
    expect(excel.sheetNames()).toEqual(['Suivi 2025', 'Notes', 'Vide', SHEET_REGISTRE, SHEET_INDICATEURS, SHEET_ETAT]);
    expect(outputSnapshots(excel)).toEqual(first);
    expect(excel.model.tables.map((t) => t.name)).toEqual(['Marches', 'Registre_SPASER']);
  });

  it('leaves no temporary sheet and the old output intact whichever sync of a re-run fails', async () => {
    // A re-run big enough to need several data syncs.
    const big = Array.from({ length: 40000 }, (_, i) => [`2025-${i}`, `Objet du marché numéro ${i} `.repeat(4), i * 1.5]);
    const other: WritePlan = {
      sheets: [
        { ...PLAN.sheets[0], blocks: [{ row: 1, col: 1, values: big }], tables: [], links: [] },
        { ...PLAN.sheets[1], name: SHEET_CONTROLES },
      ],
    };
    const probe = userDouble();
    const probeWb = createOfficeWorkbook(runner(probe));
    await probeWb.writePlan(PLAN);
    probe.resetCounters();
    await probeWb.writePlan(other);
    // The last two syncs set the charts' alt text, once the sheets are in: their failure loses nothing (chart-alt-text.test.ts).
    expect(other.sheets.some((s) => s.charts.length > 0)).toBe(true);
    const syncs = probe.syncCount - 2;
    expect(syncs).toBeGreaterThanOrEqual(4);

    for (let n = 1; n <= syncs; n++) {
      const excel = userDouble();
      const wb = createOfficeWorkbook(runner(excel));
      await wb.writePlan(PLAN);
      const first = outputSnapshots(excel);
      const users = userSnapshots(excel);
      excel.failOnSync(n);
      await expect(wb.writePlan(other)).rejects.toThrow(/simulé/);
      expect(excel.sheetNames()).toEqual(['Suivi 2025', 'Notes', 'Vide', SHEET_REGISTRE, SHEET_INDICATEURS, SHEET_ETAT]);
      expect(outputSnapshots(excel)).toEqual(first);
      expect(userSnapshots(excel)).toEqual(users);
    }
  });

  it('removes temporary sheets a crashed run left behind', async () => {
    const excel = createExcelDouble({
      sheets: [...USER_SHEETS, { name: 'SPASER tmp 1', visibility: 'VeryHidden', cells: [['x']] }],
    });
    await createOfficeWorkbook(runner(excel)).writePlan(PLAN);
    expect(excel.sheetNames().filter((n) => n.startsWith('SPASER tmp'))).toEqual([]);
  });

  it("a sheet left by a crashed import's replacement is not read as a register, and the next write removes it", async () => {
    const leftover = `${IMPORT_TEMP_PREFIX}1`;
    const excel = createExcelDouble({
      sheets: [...USER_SHEETS, { name: leftover, cells: [['N° marché', 'Objet', 'Montant HT', 'Date de notification'], ['L-1', 'Copie', 10, '01/02/2025']] }],
    });
    const wb = createOfficeWorkbook(runner(excel));
    // Its contracts would count twice beside the Pôle's sheet: it is one of the add-in's sheets, never a source.
    const grids = await wb.readSheets();
    expect(runChain([{ file: 'Roubaix.xlsx', sheets: grids, state: null }], { today: '2026-01-15' }).register.rows.some((r) => r.source.sheet === leftover)).toBe(false);
    await wb.writePlan(PLAN);
    expect(excel.sheetNames()).not.toContain(leftover);
    expect(excel.sheetNames().slice(0, USER_SHEETS.length)).toEqual(USER_SHEETS.map((s) => s.name));
  });
});

describe('Office adapter: highlighting faulty cells', () => {
  const source = (row: number) => ({ file: 'Roubaix.xlsx', sheet: 'Suivi 2025', row });
  const findings: Finding[] = [
    { gravite: 'erreur', code: 'montant-invalide', message: 'm', source: source(3), colonne: 'Montant HT', col: 3, valeurLue: '#N/A' },
    { gravite: 'erreur', code: 'doublon', message: 'd', source: source(2), colonne: null, col: null, valeurLue: null },
    { gravite: 'avertissement', code: 'siret-invalide', message: 's', source: { ...source(2), file: 'autre.xlsx' }, colonne: 'x', col: 1, valeurLue: null },
  ];
  const mappings: SheetMapping[] = [
    {
      file: 'Roubaix.xlsx',
      sheet: 'Suivi 2025',
      kind: 'registre' as SheetMapping['kind'],
      headerRow: 1,
      columns: [
        { col: 1, header: 'N° marché', field: 'numero' },
        { col: 4, header: 'Notification', field: 'dateNotification' },
      ],
      ambiguous: [],
      unmapped: [],
      explicit: false,
    },
  ];

  it('marks the faulty cells with a removable conditional format and changes nothing else', async () => {
    const excel = userDouble();
    const before = userSnapshots(excel);
    const wb = createOfficeWorkbook(runner(excel));
    await wb.readSheets();
    await wb.highlightFindings(findings, mappings);
    const own = excel.conditionalFormatsOf('Suivi 2025').filter((c) => c.formula === HIGHLIGHT_FORMULA);
    // C3 for the cell, A2:D2 (mapped columns) for the whole-row finding; none for another file.
    expect(own.map((c) => c.areas)).toEqual([[{ r0: 1, c0: 0, nr: 1, nc: 4 }, { r0: 2, c0: 2, nr: 1, nc: 1 }]]);
    expect(own[0]).toMatchObject({ type: 'Custom', fill: '#FFC7CE' });

    // A second highlight replaces the first one.
    await wb.highlightFindings(findings, mappings);
    expect(excel.conditionalFormatsOf('Suivi 2025').filter((c) => c.formula === HIGHLIGHT_FORMULA)).toHaveLength(1);

    await wb.clearHighlights();
    expect(userSnapshots(excel)).toEqual(before);
  });

  it('uses a constant number of syncs whatever the number of findings', async () => {
    const many: Finding[] = Array.from({ length: 2000 }, (_, i) => ({ ...findings[0], source: source(2 + i) }));
    const excel = userDouble();
    const wb = createOfficeWorkbook(runner(excel));
    await wb.readSheets();
    await wb.highlightFindings(many, mappings);
    expect(wb.stats.syncsByPhase.surlignage).toBe(3);
    // C2:C2001 merged into one area.
    expect(excel.conditionalFormatsOf('Suivi 2025').filter((c) => c.formula === HIGHLIGHT_FORMULA)[0].areas).toEqual([
      { r0: 1, c0: 2, nr: 2000, nc: 1 },
    ]);
  });
});

describe('Office adapter: round trips grow with blocks only', () => {
  it.each([1000, 10000, 100000])('%i rows', async (rows) => {
    const m = await measureOfficeRun(rows);
    const width = 6;
    const blockCells = Math.floor(m.readBlockCells / width) * width;
    expect(m.readSyncs).toBeLessThanOrEqual(2 + Math.ceil(m.cells / blockCells));
    // Writes: sheet list, swap, and data batches each filled past half the budget but the last.
    expect(m.writeSyncs).toBeLessThanOrEqual(2 + 2 * Math.ceil(m.writeBytes / PAYLOAD_BUDGET_BYTES) + 1);
    expect(m.maxRequestBytes).toBeLessThan(PAYLOAD_BUDGET_BYTES);
    expect(m.maxResponseBytes).toBeLessThan(PAYLOAD_BUDGET_BYTES);
    const registre = m.double.sheet(SHEET_REGISTRE);
    expect(m.double.usedRect(registre, true)).toMatchObject({ nr: rows + 1, nc: width });
    expect(m.double.cell(SHEET_REGISTRE, rows + 1, 1)?.value).toBe(`2025-${String(rows).padStart(6, '0')}`);
  });
});

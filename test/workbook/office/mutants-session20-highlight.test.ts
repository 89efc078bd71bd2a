/**
 * Session-20 mutation audit of the Office.js highlighting (`src/workbook/office/highlight.ts`):
 * behaviours the README states that no test pinned. sortie.md: highlighting marks the faulty cells
 * only (« It never edits, reformats … or recolours a cell of any other sheet »); README: the pane
 * « surligne les cellules fautives ». Each expectation is reasoned from the rule, not copied from a run.
 */
import type { Finding, SheetMapping } from '../../../src/domain/model';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { HIGHLIGHT_FORMULA } from '../../../src/workbook/office/highlight';
import { colLetters, createExcelDouble, DoubleContext, type ExcelDouble } from '../../doubles/excel-double';

const BOOK = 'Roubaix.xlsx';
const SHEET = 'Suivi 2025';
const run = (excel: ExcelDouble) => excel.run as unknown as ExcelRunner;

function register(rows: number): ExcelDouble {
  const cells = [['N° marché', 'Objet', 'Montant HT', 'Notification'], ...Array.from({ length: rows }, (_, i) => [`2025-${i}`, 'Papier', 100, 'x'])];
  return createExcelDouble({ name: BOOK, sheets: [{ name: SHEET, cells }] });
}

const MAPPING: SheetMapping = {
  file: BOOK,
  sheet: SHEET,
  kind: 'registre',
  headerRow: 1,
  columns: [
    { col: 1, header: 'N° marché', field: 'numero' },
    { col: 4, header: 'Notification', field: 'dateNotification' },
  ],
  ambiguous: [],
  unmapped: [],
  explicit: false,
};

function finding(row: number, col: number | null): Finding {
  return { gravite: 'erreur', code: 'montant-invalide', message: 'm', source: { file: BOOK, sheet: SHEET, row }, colonne: col === null ? null : 'x', col, valeurLue: null };
}

/** Every cell under one of the add-in's marks, as `C3`, sorted by row then column. */
function markedCells(excel: ExcelDouble): string[] {
  const cells: [number, number][] = [];
  for (const cf of excel.conditionalFormatsOf(SHEET).filter((c) => c.formula === HIGHLIGHT_FORMULA)) {
    for (const a of cf.areas) for (let r = a.r0; r < a.r0 + a.nr; r++) for (let c = a.c0; c < a.c0 + a.nc; c++) cells.push([r, c]);
  }
  return cells.sort((x, y) => x[0] - y[0] || x[1] - y[1]).map(([r, c]) => `${colLetters(c)}${r + 1}`);
}

describe('highlighting (Office): only the faulty cells are marked', () => {
  it('a faulty cell of the first column (A2) above a whole-row mark (A3:D3) does not take the row’s mark in', async () => {
    // Row 2 has one faulty cell, A2. Row 3 has a whole-row finding: its mapped columns, A to D. The
    // marks are A2 and A3:D3, every one of those five cells and no other (B2, C2, D2 are not at fault).
    const excel = register(4);
    await createOfficeWorkbook(run(excel), { name: BOOK }).highlightFindings([finding(2, 1), finding(3, null)], [MAPPING]);
    expect(markedCells(excel)).toEqual(['A2', 'A3', 'B3', 'C3', 'D3']);
  });

  it('3,000 faulty cells one row apart are all marked, none between, though Excel takes at most 8,192 characters of addresses at once', async () => {
    // Every other row of a 6,000-row register has its amount (C) at fault: C2, C4, …, C6000.
    // None is next to another, so each is its own address (~6 characters): ~18,000 characters in
    // all, more than Excel accepts in one `getRanges` (8,192, as the double enforces). They must be
    // sent in several pieces, each under the limit, and the cells between (C3, C5…) stay unmarked.
    const excel = register(6000);
    const rows = Array.from({ length: 3000 }, (_, i) => 2 + 2 * i);
    await createOfficeWorkbook(run(excel), { name: BOOK }).highlightFindings(rows.map((r) => finding(r, 3)), [MAPPING]);
    expect(markedCells(excel)).toEqual(rows.map((r) => `C${r}`));
  });
});

describe('highlighting (Office) on an Excel without ExcelApi 1.9', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it('no sheet is marked, so a protected sheet with faults is not named as left unmarked because protected', async () => {
    // README « Versions d'Excel requises »: without ExcelApi 1.9 « seul ce surlignage manque ». No sheet
    // gets marks, protected or not: telling the user that this sheet's faults are not marked because
    // it is protected (« ôtez la protection … puis relancez ») would send them to unprotect it for nothing.
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: { isSetSupported: (set: string, version?: string) => set === 'ExcelApi' && Number((version ?? '1.1').split('.')[1]) <= 8 } },
    };
    const excel = createExcelDouble({
      name: BOOK,
      sheets: [{ name: SHEET, protected: true, cells: [['N° marché', 'Objet', 'Montant HT'], ['2025-1', 'Papier', 'douze']] }],
    });
    const report = await createOfficeWorkbook(run(excel), { name: BOOK }).highlightFindings([finding(2, 3)], [MAPPING]);
    expect(report).toEqual({ unmarked: [], keptMarks: [] });
    expect(markedCells(excel)).toEqual([]);
  });
});

describe('removing the marks (Office) syncs its own deletions', () => {
  it('the marks are gone even where Excel.run does not sync what is left queued at the end', async () => {
    // `Excel.run` syncs what a batch left queued, but the Office.js docs tell add-ins not to rely on
    // that implicit sync: « Retirer le surlignage » must send its deletions itself. A runner without
    // the implicit sync stands for that rule.
    const excel = register(4);
    await createOfficeWorkbook(run(excel), { name: BOOK }).highlightFindings([finding(2, 3)], [MAPPING]);
    expect(markedCells(excel)).toEqual(['C2']);
    const withoutImplicitSync: ExcelRunner = (batch) => batch(new DoubleContext(excel) as unknown as Excel.RequestContext);
    await createOfficeWorkbook(withoutImplicitSync, { name: BOOK }).clearHighlights();
    expect(markedCells(excel)).toEqual([]);
  });
});


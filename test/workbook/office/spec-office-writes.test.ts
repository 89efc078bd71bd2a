/**
 * sortie.md « Never touch the user's data », on the Office adapter: every
 * write the Excel double applies is recorded, and none may target a sheet
 * outside `SPASER …`; texts stay texts; writes go in few round trips.
 */
import fc from 'fast-check';
import { runChain, type ChainOutput } from '../../../src/domain/chain';
import { SHEET_ETAT, SHEET_POLES, SHEET_REGISTRE, type WritePlan } from '../../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { HIGHLIGHT_FORMULA } from '../../../src/workbook/office/highlight';
import { ExcelHost } from '../../../src/taskpane/hosts/excel-host';
import { createExcelDouble, type ExcelDouble } from '../../doubles/excel-double';
import { BOOK, grids, NOTES, seeds, serial, SHEET } from './spec-office-fixture';
import { watchUserSheets } from './spec-office-watch';

const runner = (excel: ExcelDouble) => excel.run as unknown as ExcelRunner;

function output(): ChainOutput {
  return runChain([{ file: BOOK, sheets: grids(), state: null }], { today: '2026-01-15', writesCharts: true });
}

/** A one-sheet plan holding `values` in column A from row 1 (no format). */
function textPlan(values: string[]): WritePlan {
  return {
    sheets: [
      {
        name: SHEET_REGISTRE,
        visibility: 'visible',
        widths: [],
        blocks: [{ row: 1, col: 1, values: values.map((v) => [v]) }],
        tables: [],
        links: [],
        charts: [],
      },
    ],
  };
}

describe('sortie.md — the Office adapter never writes to a user sheet', () => {
  it('the recorder sees a write to a user sheet (the instrument works)', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const log = watchUserSheets(excel);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(NOTES).getRange('B2').values = [['modifié']];
      ctx.workbook.worksheets.getItem(SHEET).getRange('A1').format.font.bold = true;
    });
    expect(log.writes).toEqual(expect.arrayContaining([expect.stringMatching(/^Notes: cell 1,1 value=/), expect.stringMatching(/^Suivi 2025: cell 0,0 bold=true/)]));
  });

  it('writes a whole plan, then a re-run, without one write to a user sheet', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const log = watchUserSheets(excel);
    const before = log.tablesAndOrder();
    const wb = createOfficeWorkbook(runner(excel));
    await wb.readSheets();
    const out = output();
    await wb.writePlan(out.plan);
    await wb.writePlan(out.plan);
    expect(log.writes).toEqual([]);
    expect(log.tablesAndOrder()).toEqual(before);
    // The user's own conditional format is still there.
    expect(excel.conditionalFormatsOf(SHEET).map((c) => c.formula)).toEqual(['=C2>10000']);
  });

  it('the pane host writes the sheets and marks the faulty cell with a conditional format only; clearing keeps the user’s own formats', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const log = watchUserSheets(excel);
    const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
    const out = runChain(await host.read(), { today: '2026-01-15', writesCharts: true });
    await host.write(out);
    expect(log.writes).toEqual([]);
    const own = excel.conditionalFormatsOf(SHEET).filter((c) => c.formula === HIGHLIGHT_FORMULA);
    // The faults of the fixture: `douze` (C4) and the titulaire `#N/A` (E4), an error value written as text.
    expect(own.flatMap((c) => c.areas)).toEqual([
      { r0: 3, c0: 2, nr: 1, nc: 1 },
      { r0: 3, c0: 4, nr: 1, nc: 1 },
    ]);
    await host.clearHighlights();
    expect(excel.conditionalFormatsOf(SHEET).map((c) => [c.type, c.formula])).toEqual([['Custom', '=C2>10000']]);
    expect(log.writes).toEqual([]);
  });

  it('a re-run replaces the add-in’s sheets: one that the new plan no longer has is gone, the user’s sheets stay', async () => {
    const excel = createExcelDouble({
      name: BOOK,
      sheets: [...seeds(), { name: SHEET_POLES, cells: [['ancien résultat']] }, { name: SHEET_ETAT, visibility: 'VeryHidden', cells: [['{}']] }],
    });
    const wb = createOfficeWorkbook(runner(excel));
    await wb.writePlan(textPlan(['nouveau']));
    expect(excel.sheetNames()).toEqual([SHEET, NOTES, SHEET_REGISTRE]);
  });
});

describe('sortie.md — text stays text in Excel (no formula injection)', () => {
  const risky = fc.oneof(
    fc.tuple(fc.constantFrom('=', '+', '-', '@', "'", '#', ' ', ''), fc.string({ maxLength: 30 })).map(([p, s]) => p + s),
    fc.constantFrom('VRAI', 'FAUX', 'true', 'FALSE', '00123', '1e5', '12,5', '1/2', '#N/A', '=A1', '+33 6 12', '-1', '@SOMME(A1)', "'"),
  );

  it('any text written by the plan reads back from Excel as the same text, never a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(risky.filter((s) => s !== ''), { minLength: 1, maxLength: 8 }), async (texts) => {
        const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
        await createOfficeWorkbook(runner(excel)).writePlan(textPlan(texts));
        texts.forEach((t, i) => {
          const cell = excel.cell(SHEET_REGISTRE, i + 1, 1);
          expect(cell?.formula).toBeUndefined();
          expect(cell?.error).toBeUndefined();
          expect(cell?.value).toBe(t);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('consolidation imports texts starting with =, +, - or @ as texts, numbers as numbers, dates as dates', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const wb = createOfficeWorkbook(runner(excel));
    await wb.importSheets([
      {
        name: 'Pôle Culture',
        rows: [
          ['N° marché', 'Objet', 'Montant HT', 'Date'],
          ['=1+1', '+ papier', 1200.5, { date: '2025-02-03' }],
          ['-5', '@titulaire', -3, null],
        ],
      },
    ]);
    const cell = (r: number, c: number) => excel.cell('Pôle Culture', r, c);
    for (const [r, c, text] of [
      [2, 1, '=1+1'],
      [2, 2, '+ papier'],
      [3, 1, '-5'],
      [3, 2, '@titulaire'],
    ] as const) {
      expect(cell(r, c)).toMatchObject({ value: text });
      expect(cell(r, c)?.formula).toBeUndefined();
    }
    expect(cell(2, 3)?.value).toBe(1200.5);
    expect(cell(3, 3)?.value).toBe(-3);
    expect(cell(2, 4)).toMatchObject({ value: serial('2025-02-03'), numberFormat: 'dd/mm/yyyy' });
  });

  it('a consolidation import that fails leaves no sheet behind', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const wb = createOfficeWorkbook(runner(excel));
    // Two sheets of ~3 MB each: the first goes in its own sync, the second one fails.
    const rows = (n: number) => [['N° marché', 'Objet'], ...Array.from({ length: 3000 }, (_, i) => [`${n}-${i}`, 'x'.repeat(1000)])];
    excel.failOnSync(2);
    await expect(
      wb.importSheets([
        { name: 'Pôle Culture', rows: rows(1) },
        { name: 'Pôle Sport', rows: rows(2) },
      ]),
    ).rejects.toThrow(/simulé/);
    expect(excel.sheetNames()).toEqual([SHEET, NOTES]);
  });
});

describe('Office adapter: writes are batched', () => {
  it('writes a small plan in 3 round trips: sheet list, all the data, the swap', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const wb = createOfficeWorkbook(runner(excel));
    await wb.writePlan(textPlan(['a']));
    expect(excel.syncCount).toBe(3);
    expect(wb.stats.syncsByPhase.ecriture).toBe(3);
  });

  it('writes the whole chain’s plan (5 sheets, tables, links, charts) in the same 3 round trips, and 2 for the charts’ alt text', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const wb = createOfficeWorkbook(runner(excel));
    const out = output();
    expect(out.plan.sheets.length).toBe(5);
    expect(out.plan.sheets.some((s) => s.charts.length > 0)).toBe(true);
    await wb.writePlan(out.plan);
    // Sheet list, data, swap; then the charts' shapes and their alt text (session 39, ExcelApi 1.9, after the swap).
    expect(excel.syncCount).toBe(5);
    // And again on a re-run, the old sheets going in the swap.
    excel.resetCounters();
    await wb.writePlan(out.plan);
    expect(excel.syncCount).toBe(5);
  });

  it('a run from the pane host (read, write, marks) takes 12 round trips, whatever the number of rows or findings', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
    const out = runChain(await host.read(), { today: '2026-01-15', writesCharts: true });
    await host.write(out);
    // read 3 (sheets, ranges, cells) + write 3 + charts' alt text 2 + marks 4 (sheets, formats, rules, add).
    expect(excel.syncCount).toBe(12);
  });
});

/**
 * The charts' alternative text in Excel (Office.js writer). `Excel.Chart` has none; `Excel.Shape` has
 * `altTextTitle` / `altTextDescription` (ExcelApi 1.9), and whether a chart is among `worksheet.shapes`
 * the docs do not say (a question for a real Excel, test/README.md). So the writer sets it best effort,
 * once the sheets are in, in syncs of its own whose failure loses nothing else. The double answers the
 * three ways Excel might (`chartShapes`): charts listed as shapes, not listed, listed but refusing.
 */
import { runChain } from '../../../src/domain/chain';
import { SHEET_INDICATEURS, type WritePlan } from '../../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble, DWorksheet, type DoubleOptions, type ExcelDouble } from '../../doubles/excel-double';
import { BOOK, grids, seeds } from './spec-office-fixture';

const TODAY = '2026-01-15';

function plan(): WritePlan {
  return runChain([{ file: BOOK, sheets: grids(), state: null }], { writesCharts: true, today: TODAY }).plan;
}

function withoutCharts(p: WritePlan): WritePlan {
  return { sheets: p.sheets.map((s) => ({ ...s, charts: [] })) };
}

async function written(p: WritePlan, options: DoubleOptions = {}, before?: (excel: ExcelDouble) => void): Promise<{ excel: ExcelDouble; syncs: number }> {
  const excel = createExcelDouble({ name: BOOK, sheets: seeds(), ...options });
  before?.(excel);
  const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
  await wb.writePlan(p);
  return { excel, syncs: excel.syncCount };
}

/** What a user sees of the written sheets, the charts' alt text aside. */
function sheetsSeen(excel: ExcelDouble): unknown[] {
  return excel.sheetNames().map((n) => {
    const snap = excel.snapshot(n) as { charts: Record<string, unknown>[] };
    return { ...snap, charts: snap.charts.map(({ altText: _alt, id: _id, name: _name, ...c }) => c) };
  });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.restoreAllMocks();
});

describe("the charts' alternative text in Excel", () => {
  it('charts listed among the shapes: each gets the title and description of its chart in the plan, in order', async () => {
    const p = plan();
    const planned = p.sheets.find((s) => s.name === SHEET_INDICATEURS)!.charts;
    expect(planned.length).toBeGreaterThan(1);
    const { excel } = await written(p);
    const charts = excel.sheet(SHEET_INDICATEURS).charts;
    expect(charts.map((c) => c.altText)).toEqual(planned.map((c) => ({ title: c.altText.title, description: c.altText.description })));
    // The words are the file's: a French description with the exercice and the values.
    expect(charts[0].altText!.description).toMatch(/^Part des marchés .*, exercice 2025\. /);
  });

  it('takes two syncs of its own after the sheets are in, and none when the plan has no chart', async () => {
    const p = plan();
    const withAlt = await written(p);
    const unlisted = await written(p, { chartShapes: 'unlisted' });
    // Charts not among the shapes: the shapes are asked, nothing is set.
    expect(withAlt.syncs - unlisted.syncs).toBe(1);
    const noCharts = await written(withoutCharts(p));
    const noChartsUnlisted = await written(withoutCharts(p), { chartShapes: 'unlisted' });
    expect(noCharts.syncs).toBe(noChartsUnlisted.syncs);
    // This small plan's charts fit in the batches of the sheets: the two syncs more are the alt text's.
    expect(withAlt.syncs - noCharts.syncs).toBe(2);
    // The last two syncs are the alt text's: the sheets had their final names before them.
    const names = new Set(withAlt.excel.sheetNames());
    expect(names.has(SHEET_INDICATEURS)).toBe(true);
    expect([...names].some((n) => n.startsWith('SPASER tmp'))).toBe(false);
  });

  it.each(['unlisted', 'refused'] as const)('charts %s: the write completes, the sheets are the same, without alt text', async (chartShapes) => {
    const p = plan();
    const ref = await written(p);
    const { excel } = await written(p, { chartShapes });
    expect(excel.sheet(SHEET_INDICATEURS).charts.every((c) => c.altText === undefined)).toBe(true);
    expect(sheetsSeen(excel)).toEqual(sheetsSeen(ref.excel));
  });

  it.each([
    ['the load of the shapes', 1],
    ['the setting of the alt text', 0],
  ])('a failure of %s loses nothing else: the write completes, no temporary sheet left', async (_what, fromEnd) => {
    const p = plan();
    const ref = await written(p);
    const { excel } = await written(p, {}, (ex) => ex.failOnSync(ref.syncs - fromEnd));
    expect(excel.sheet(SHEET_INDICATEURS).charts.every((c) => c.altText === undefined)).toBe(true);
    expect(sheetsSeen(excel)).toEqual(sheetsSeen(ref.excel));
  });

  it('an Excel without ExcelApi 1.9 is never asked for the shapes, and writes the same sheets', async () => {
    const p = plan();
    const asked: string[] = [];
    (globalThis as { Office?: unknown }).Office = {
      context: {
        requirements: {
          isSetSupported: (set: string, version?: string) => {
            asked.push(`${set} ${version}`);
            const [major, minor] = (version ?? '1.1').split('.').map(Number);
            return set === 'ExcelApi' && major === 1 && minor <= 8;
          },
        },
      },
    };
    const ref = await written(p, { chartShapes: 'unlisted' });
    const shapes = jest.spyOn(DWorksheet.prototype, 'shapes', 'get');
    const old = await written(p);
    expect(shapes).not.toHaveBeenCalled();
    expect(asked).toContain('ExcelApi 1.9');
    expect(old.syncs).toBe(ref.syncs);
    expect(sheetsSeen(old.excel)).toEqual(sheetsSeen(ref.excel));
  });
});

/**
 * README « Versions d'Excel requises »: the manifest requires ExcelApi 1.7.
 * On an Excel that has exactly ExcelApi 1.7, a whole run from the pane still
 * works: the highlight (ExcelApi 1.9, `getRanges`) is the only thing missing,
 * and a merged value is read once (ExcelApi 1.13, `getMergedAreasOrNullObject`).
 *
 * Such an Excel is simulated with the double: a global `Office` whose
 * `isSetSupported` answers as Excel 1.7 would, and the double's members above
 * 1.7 made to fail as a host without them fails (`ApiNotFound`), so that an
 * unguarded call is seen.
 */
import { runChain } from '../../../src/domain/chain';
import { SHEET_REGISTRE } from '../../../src/domain/plan-types';
import { ExcelHost } from '../../../src/taskpane/hosts/excel-host';
import { drawsHighlights, HIGHLIGHT_FORMULA } from '../../../src/workbook/office/highlight';
import { createExcelDouble, DRange, DWorksheet, ExcelDoubleError } from '../../doubles/excel-double';
import { BOOK, seeds, SHEET } from './spec-office-fixture';

const TODAY = '2026-01-15';

/** `ExcelApi 1.n` supported for n <= maxMinor, as `Office.context.requirements.isSetSupported` answers. */
function installOffice(maxMinor: number): string[] {
  const asked: string[] = [];
  (globalThis as { Office?: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (set: string, version?: string) => {
          asked.push(`${set} ${version}`);
          const [major, minor] = (version ?? '1.1').split('.').map(Number);
          return set === 'ExcelApi' && major === 1 && (minor ?? 0) <= maxMinor;
        },
      },
    },
  };
  return asked;
}

function apiNotFound(): never {
  throw new ExcelDoubleError('ApiNotFound', 'membre absent de cette version d’Excel');
}

/** The double's members above ExcelApi 1.7 fail, as on Excel 1.7. */
function withoutApisAbove17(): jest.SpyInstance[] {
  return [
    jest.spyOn(DWorksheet.prototype, 'getRanges').mockImplementation(apiNotFound),
    jest.spyOn(DRange.prototype, 'getMergedAreasOrNullObject').mockImplementation(apiNotFound),
    jest.spyOn(DWorksheet.prototype, 'shapes', 'get').mockImplementation(apiNotFound),
  ];
}

function ownMarks(excel: ReturnType<typeof createExcelDouble>) {
  return excel.conditionalFormatsOf(SHEET).filter((c) => c.formula === HIGHLIGHT_FORMULA);
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.restoreAllMocks();
});

describe('README « Versions d’Excel requises » — on Excel with ExcelApi 1.7 only', () => {
  it('the simulation works: unguarded, getRanges fails as on Excel 1.7', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    withoutApisAbove17();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRanges('A1');
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('a whole run from the pane writes the SPASER sheets and draws no mark, without failing', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const asked = installOffice(7);
    withoutApisAbove17();
    const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
    const out = runChain(await host.read(), { today: TODAY, writesCharts: true });
    // The fixture has faults (C4 `douze`, E4 `#N/A`): with ExcelApi 1.9 they would be marked.
    expect(out.register.rows.flatMap((r) => r.findings).length).toBeGreaterThan(0);
    await expect(host.write(out)).resolves.toEqual({});
    expect(asked).toContain('ExcelApi 1.9');
    expect(excel.sheetNames()).toContain(SHEET_REGISTRE);
    expect(ownMarks(excel)).toEqual([]);
    // The user's own conditional format stays.
    expect(excel.conditionalFormatsOf(SHEET).map((c) => [c.type, c.formula])).toEqual([['Custom', '=C2>10000']]);
  });

  it('the marks of an earlier run (on a newer Excel) are still removed', async () => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
    // First run with every API set (no global Office: the double has everything).
    await host.write(runChain(await host.read(), { today: TODAY, writesCharts: true }));
    expect(ownMarks(excel).flatMap((c) => c.areas)).toEqual([
      { r0: 3, c0: 2, nr: 1, nc: 1 },
      { r0: 3, c0: 4, nr: 1, nc: 1 },
    ]);
    // The same workbook opened in Excel 1.7.
    installOffice(7);
    withoutApisAbove17();
    await host.write(runChain(await host.read(), { today: TODAY, writesCharts: true }));
    expect(ownMarks(excel)).toEqual([]);
    await expect(host.clearHighlights()).resolves.toEqual({});
    expect(excel.conditionalFormatsOf(SHEET).map((c) => [c.type, c.formula])).toEqual([['Custom', '=C2>10000']]);
  });

  it('the highlight guard asks for ExcelApi 1.9 exactly: on 1.9 the marks are drawn', async () => {
    const asked = installOffice(8);
    expect(drawsHighlights()).toBe(false);
    installOffice(9);
    expect(drawsHighlights()).toBe(true);
    expect(asked).toEqual(['ExcelApi 1.9']);
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
    await host.write(runChain(await host.read(), { today: TODAY, writesCharts: true }));
    expect(ownMarks(excel).flatMap((c) => c.areas)).toHaveLength(2);
  });

  it('outside Office (no global Office) the guard lets the double draw the marks', () => {
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe('undefined');
    expect(drawsHighlights()).toBe(true);
  });
});

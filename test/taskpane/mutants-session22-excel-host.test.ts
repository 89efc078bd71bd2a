/**
 * Mutation audit of session 22, the pane's Excel host (`hosts/excel-host.ts`) on the Excel double:
 * what a read leaves out, which cells a write marks, and what a write that could not mark says.
 */
import { runChain } from '../../src/domain/chain';
import { SHEET_REGISTRE } from '../../src/domain/plan-types';
import { HIGHLIGHT_FORMULA } from '../../src/workbook/office/highlight';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import type { SeedSheet } from '../doubles/excel-double';
import { excelHostOnDouble, SHEET } from './excel-host-fixture';

const TODAY = '2026-01-15';
const setup = (extra: SeedSheet[] = []) => excelHostOnDouble(extra, 'PC');

const marksOn = (excel: ReturnType<typeof setup>['excel'], sheet: string) =>
  excel.conditionalFormatsOf(sheet).filter((c) => c.formula === HIGHLIGHT_FORMULA);

describe('ExcelHost read', () => {
  it('the previous SPASER output is no source: a re-read after a write gets none of its cells', async () => {
    // regles.md: sheets whose names start with `SPASER ` are never sources.
    const { host } = setup();
    await host.write(runChain(await host.read(), { today: TODAY, writesCharts: true }));
    const [input] = await host.read();
    const own = input.sheets.find((s) => s.name === SHEET_REGISTRE);
    expect(own?.rows.flat().filter((v) => v !== null) ?? []).toEqual([]);
    // The user's sheet is read in full all the same.
    expect(input.sheets.find((s) => s.name === SHEET)?.rows.length).toBe(3);
  });
});

describe('ExcelHost write', () => {
  it('a cell found faulty on a companion sheet is marked too (README: the button « surligne les cellules fautives »)', async () => {
    const { excel, host } = setup([
      {
        name: 'Actions',
        cells: [
          ['Date', "Type d'action", 'Intitulé', 'Participants'],
          [{ v: 45730, nf: 'dd/mm/yyyy' }, 'Formation', 'Achats responsables', 'beaucoup'],
        ],
      },
    ]);
    const out = runChain(await host.read(), { today: TODAY, writesCharts: true });
    expect(out.register.otherFindings.length).toBeGreaterThan(0);
    await host.write(out);
    expect(marksOn(excel, 'Actions').length).toBeGreaterThan(0);
  });

  it('old marks left on a sheet protected since: the write succeeds and says so', async () => {
    // README: a protected sheet keeps « ses anciennes marques », the SPASER sheets are written, and a
    // « Surlignage incomplet » warning names the sheet.
    const { excel, host } = setup();
    await host.write(runChain(await host.read(), { today: TODAY, writesCharts: true }));
    expect(marksOn(excel, SHEET).length).toBe(1);
    // The buyer fixes the amount, then protects the sheet: nothing is faulty, the old mark stays.
    excel.cellAt(excel.sheet(SHEET), 2, 2).value = 3000;
    excel.sheet(SHEET).protected = true;
    const out = runChain(await host.read(), { today: TODAY, writesCharts: true });
    const report = await host.write(out);
    expect(report.warning).toMatch(/Suivi 2025/);
    expect(excel.sheetNames()).toContain(SHEET_REGISTRE);
  });

  it('marks Excel refuses are a warning, not a failed write', async () => {
    // README: « un surlignage qu'Excel refuse n'est jamais un échec de l'écriture, qui a eu lieu ».
    const { excel, host } = setup();
    const out = runChain(await host.read(), { today: TODAY, writesCharts: true });
    const syncs = excel.syncCount;
    await host.write(out);
    const writeSyncs = excel.syncCount - syncs;
    // Again on a fresh workbook, the last sync of the write (the marks') failing.
    const second = setup();
    const out2 = runChain(await second.host.read(), { today: TODAY, writesCharts: true });
    second.excel.failOnSync(writeSyncs);
    const report = await second.host.write(out2);
    expect(report.warning).toMatch(/surlign/);
    expect(second.excel.sheetNames()).toContain(SHEET_REGISTRE);
  });
});

describe('ExcelHost selectCell', () => {
  it('a cell of another sheet: that sheet comes to the front, then the cell is selected', async () => {
    // README: in Contrôles « un clic sélectionne la cellule »; a cell on a sheet left behind is not seen.
    // A minimal Excel.run (the double has no Range.select): it logs what the host asks, in order.
    const log: string[] = [];
    const run = (async (batch: (context: unknown) => Promise<unknown>) =>
      batch({
        workbook: {
          worksheets: {
            getItem: (name: string) => ({
              activate: () => log.push(`activate ${name}`),
              getRange: (address: string) => ({ select: () => log.push(`select ${address}`) }),
            }),
          },
        },
        sync: async () => void log.push('sync'),
      })) as unknown as typeof Excel.run;
    await new ExcelHost(run, 'PC').selectCell(SHEET, 'C3');
    // Only the order is checked here; that the host syncs itself is `excel-host-explicit-syncs` (session 37).
    expect(log.filter((l) => l !== 'sync')).toEqual([`activate ${SHEET}`, 'select C3']);
  });
});

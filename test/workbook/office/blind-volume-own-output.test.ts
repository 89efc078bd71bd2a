/**
 * Found by the blind recette `volume`: a re-run of « Calculer les indicateurs » fetched the cells
 * of the add-in's previous output (`SPASER Registre`, `Contrôles`, `Indicateurs`, `Pôles`), which
 * are never sources (regles.md §1) and are replaced by the write: on a 20 000-row register the
 * second week's read took 13 syncs instead of 6 (README « Performances » : 2 syncs for the
 * structure, then one per block of the workbook's cells). The pane's read (ExcelHost.read, used
 * by the ribbon) now leaves them out; `SPASER État` is still read, and the result is the same.
 */
import { runChain } from '../../../src/domain/chain';
import { SHEET_CONTROLES, SHEET_ETAT, SHEET_INDICATEURS, SHEET_POLES, SHEET_REGISTRE } from '../../../src/domain/plan-types';
import { ExcelHost } from '../../../src/taskpane/hosts/excel-host';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble } from '../../doubles/excel-double';
import { registerSheet } from '../../doubles/office-measure';

const TODAY = '2026-01-15';

async function firstRun() {
  const excel = createExcelDouble({ name: 'Pôle Sport.xlsx', sheets: [registerSheet(3000)] });
  const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
  const first = await host.read();
  const firstSyncs = excel.syncCount;
  const out = runChain(first, { today: TODAY, writesCharts: true, decisions: [{ numero: '2025-000001', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'confirmée' }] });
  await host.write(out);
  return { excel, firstSyncs, out };
}

describe('a re-run does not fetch the cells of the previous SPASER output', () => {
  it('reads in as many syncs as the first run, and gives the same result', async () => {
    const { excel, firstSyncs, out } = await firstRun();
    expect(excel.sheetNames()).toEqual(['Suivi 2025', SHEET_REGISTRE, SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES, SHEET_ETAT]);
    excel.resetCounters();
    const again = await new ExcelHost(excel.run as unknown as typeof Excel.run).read();
    expect(excel.syncCount).toBe(firstSyncs);
    // The output sheets are listed, without their cells; the state sheet is read (the decision comes back).
    for (const name of [SHEET_REGISTRE, SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES]) expect(again[0].sheets.find((g) => g.name === name)?.rows).toEqual([]);
    expect(again[0].state?.decisions).toEqual(out.state.decisions);
    expect(runChain(again, { today: TODAY, writesCharts: true }).result).toEqual(out.result);
  });

  it('the adapter still reads every sheet when asked without the option (both readers compare grids)', async () => {
    const { excel } = await firstRun();
    const grids = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
    expect(grids.find((g) => g.name === SHEET_REGISTRE)!.rows.length).toBe(3001);
  });
});

/**
 * Spec audit (sortie.md "Sheets": "`1.1.2-dataviz` is the number of charts
 * written"): the value printed by the command line equals the native charts
 * found in the `.xlsx` it wrote (drawn by `charts.ts`, ExcelJS itself draws none).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_OK, runCli } from '../../../src/cli/run';
import { plannedChartCount } from '../../../src/domain/plan';
import { capture, tempDir, writeSmallRegister } from '../../cli/helpers';

/** Distinct chart parts (`xl/charts/chartN.xml`) of an .xlsx: zip entry names are stored in clear. */
function chartParts(file: string): string[] {
  const text = fs.readFileSync(file).toString('latin1');
  return [...new Set(text.match(/xl\/charts\/chart\d+\.xml/g) ?? [])].sort();
}

describe('sortie.md: 1.1.2-dataviz is the number of charts written in the file', () => {
  it('equals the chart parts of the .xlsx written by the command line', async () => {
    const dir = tempDir();
    // Three contracts, one with a clause sociale: the considerations chart has data.
    await writeSmallRegister(path.join(dir, 'Pôle A.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    const result = JSON.parse(c.stdout()) as { indicateurs: { id: string; valeur: number | null }[] };
    const dataviz = result.indicateurs.find((i) => i.id === '1.1.2-dataviz');
    expect(dataviz?.valeur).toBe(chartParts(path.join(dir, 'Pôle A - SPASER.xlsx')).length);
    expect(dataviz?.valeur).toBeGreaterThan(0);
  });

  it('the chart-part counter sees a chart part when there is one (guards the test above)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.xlsx');
    fs.writeFileSync(file, Buffer.from('PK\u0003\u0004....xl/charts/chart1.xml....xl/charts/chart1.xml..xl/charts/chart2.xml', 'latin1'));
    expect(chartParts(file)).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
  });

  it('the plan draws a chart for this register (guards the test above)', async () => {
    const { runChain } = await import('../../../src/domain/chain');
    const { readXlsxFile } = await import('../../../src/workbook/xlsx/node-files');
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'Pôle A.xlsx'));
    const wb = await readXlsxFile(path.join(dir, 'Pôle A.xlsx'));
    const out = runChain([{ file: 'Pôle A.xlsx', sheets: await wb.readSheets(), state: null }], { today: '2026-01-15', writesCharts: false });
    expect(plannedChartCount(out.register, out.result)).toBeGreaterThan(0);
  });
});

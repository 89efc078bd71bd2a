/**
 * Mutation testing of session 12 (excel-host.ts): the percent told to the pane is floored, so
 * that the bar never says 100 % (and the pane never drops the percent) before the last block.
 */
import type { HostProgress } from '../../src/taskpane/host';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createExcelDouble } from '../doubles/excel-double';

it('99.6 % of the cells read is told as 0.99, not 1', () => {
  const host = new ExcelHost(createExcelDouble({ name: 'B.xlsx', sheets: [{ name: 'S', cells: [['a']] }] }).run as never, null);
  const seen: HostProgress[] = [];
  host.onProgress((p) => seen.push(p));
  const meter = (host as unknown as { workbook: { meter: { progress(phase: 'lecture', done: number, total: number): void } } }).workbook.meter;
  meter.progress('lecture', 996, 1000);
  meter.progress('lecture', 1000, 1000);
  expect(seen).toEqual([
    { phase: 'lecture', fraction: 0.99 },
    { phase: 'lecture', fraction: 1 },
  ]);
});

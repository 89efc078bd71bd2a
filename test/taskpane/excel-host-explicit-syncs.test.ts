/**
 * Session 37: the Office.js docs only say that the batch given to `Excel.run` returns « typically, just
 * the result of context.sync() »; none says that `Excel.run` sends what a batch left queued. Every
 * operation of the pane's Excel host (read, write with marks, clear, import, state, selection) must
 * therefore sync what it queues itself: the double counts the syncs it had to make for it.
 */
import { runChain } from '../../src/domain/chain';
import type { SavedState } from '../../src/domain/state';
import { excelHostOnDouble, SHEET } from './excel-host-fixture';

const STATE: SavedState = { version: 1, mappings: [], decisions: [], imports: [] };

describe('ExcelHost on the double: no operation counts on Excel.run to send what it queued', () => {
  test('read, write, clear, import, state and selection each sync their own operations', async () => {
    const { excel, host } = excelHostOnDouble();
    const out = runChain(await host.read(), { today: '2026-01-15', writesCharts: true });
    await host.write(out);
    await host.clearHighlights();
    await host.importSheets([{ name: 'Pôle Sport', kind: 'registre', source: { file: 'sport.xlsx', sheet: 'S' }, rows: [['N° marché', 'Objet'], ['M-1', 'Papier']] }]);
    await host.writeState(STATE);
    await host.selectCell(SHEET, 'C3');
    expect(excel.selection).toEqual({ sheet: SHEET, address: 'C3' });
    expect(excel.syncCount).toBeGreaterThan(0);
    expect(excel.implicitSyncs).toBe(0);
  });
});

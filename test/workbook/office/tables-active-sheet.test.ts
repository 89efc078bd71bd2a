/**
 * Office.js, TableCollection.add: « If the address does not contain a sheet name, the currently-active
 * sheet is used », whichever sheet's `tables` it is called on. The add-in writes its sheets under temporary
 * names, never active: each table must still land on its own SPASER sheet, whatever sheet the user has active.
 * The double follows that documented rule (an unqualified address goes to the active sheet).
 */
import { runChain } from '../../../src/domain/chain';
import { isOwnSheet } from '../../../src/domain/plan-types';
import { createOfficeWorkbook } from '../../../src/workbook/office';
import { createExcelDouble } from '../../doubles/excel-double';
import { BOOK, NOTES, seeds, SHEET } from './spec-office-fixture';

const TODAY = '2026-01-15';

describe('TableCollection.add on a sheet that is not the active one', () => {
  it.each([SHEET, NOTES])('writes every planned table on its own sheet while « %s » is active', async (active) => {
    const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(active).activate();
      await context.sync();
    });
    const wb = createOfficeWorkbook(excel.run as never, { name: BOOK });
    const out = runChain([{ file: BOOK, sheets: await wb.readSheets(), state: null }], { today: TODAY, writesCharts: true });
    const planned = out.plan.sheets.flatMap((s) => s.tables.map(() => s.name));
    expect(planned.length).toBeGreaterThan(0);

    await wb.writePlan(out.plan);

    const placed = excel.model.tables.map((t) => t.sheet.name);
    expect([...placed].sort()).toEqual([...planned].sort());
    expect(placed.every(isOwnSheet)).toBe(true);
    expect(excel.tablesOf(SHEET)).toEqual([]);
    expect(excel.tablesOf(NOTES)).toEqual([]);
    // Each table sits where the plan puts it on its sheet.
    for (const s of out.plan.sheets) {
      for (const t of s.tables) {
        const found = excel.tablesOf(s.name).find((x) => x.r0 === t.row - 1 && x.c0 === t.col - 1);
        expect(found).toMatchObject({ nr: Math.max(2, t.rowCount), nc: t.colCount });
      }
    }
  });
});

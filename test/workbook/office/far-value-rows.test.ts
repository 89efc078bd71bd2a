/**
 * A value typed far below the register (Ctrl+↓ in an empty column, then a key) but under the
 * size at which a sheet is left unread: the Office reader fetched every empty row in between,
 * 46 round trips and 139 MB instead of 3 and 1 MB for a register of 5 000 rows with a value in
 * F1048576 (session 24 review). The rows between are now filled in as empty, not fetched.
 */
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { PAYLOAD_BUDGET_BYTES } from '../../../src/workbook/office/limits';
import { createExcelDouble, type SeedCell } from '../../doubles/excel-double';
import { serial } from './spec-office-fixture';

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Note'];
const ROWS = 2000;

function workbook(farRows: readonly number[]) {
  const cells: SeedCell[][] = [HEADER, ...Array.from({ length: ROWS }, (_, i): SeedCell[] => [`M-${i + 1}`, 'Papier', 100 + i, { v: serial('2025-02-01'), nf: 'dd/mm/yyyy' }, 'Pôle Sport', null])];
  const excel = createExcelDouble({ name: 'Suivi.xlsx', sheets: [{ name: 'Marchés', cells }] });
  return {
    excel,
    async read() {
      if (farRows.length > 0) {
        await excel.run(async (ctx) => {
          for (const r of farRows) ctx.workbook.worksheets.getItem('Marchés').getRange(`F${r}`).values = [['fin']];
          await ctx.sync();
        });
      }
      const before = excel.batches.length;
      const sheets = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
      const batches = excel.batches.slice(before);
      return { grid: sheets[0], syncs: batches.length, received: batches.reduce((n, b) => n + b.responseBytes, 0) };
    },
  };
}

describe('a value far below the register, in Excel', () => {
  it('costs one round trip more than the register alone (the far row); the rows between read as empty', async () => {
    const alone = await workbook([]).read();
    const far = await workbook([200_000]).read();
    expect(far.syncs).toBe(alone.syncs + 1);
    // At most one block of empty rows fetched (the register's last block runs on into them), not 200 000 rows.
    expect(far.received).toBeLessThan(alone.received + PAYLOAD_BUDGET_BYTES);
    expect(far.grid.rows).toHaveLength(200_000);
    expect(far.grid.rows.slice(0, ROWS + 1)).toEqual(alone.grid.rows);
    expect(far.grid.rows[199_999]).toEqual([null, null, null, null, null, 'fin']);
    expect(far.grid.rows.slice(ROWS + 1, 199_999).every((r) => r.length === 6 && r.every((c) => c === null))).toBe(true);
  });

  it('two far values: each gap skipped, the value between them read where it is', async () => {
    const far = await workbook([100_000, 200_000]).read();
    expect(far.grid.rows).toHaveLength(200_000);
    expect(far.grid.rows[99_999][5]).toBe('fin');
    expect(far.grid.rows[199_999][5]).toBe('fin');
    expect(far.grid.rows.filter((r) => r[5] === 'fin')).toHaveLength(2);
    expect(far.syncs).toBe((await workbook([]).read()).syncs + 2);
  });

  it('rows spread with empty rows between (no far value): read as before, nothing skipped wrongly', async () => {
    const rows = [2100, 2102, 2300];
    const { grid } = await workbook(rows).read();
    expect(grid.rows).toHaveLength(2300);
    expect(grid.rows.flatMap((r, i) => (r[5] === 'fin' ? [i + 1] : []))).toEqual(rows);
  });
});

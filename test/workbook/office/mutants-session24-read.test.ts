/**
 * Session-24 mutation audit of the Office reader (`read.ts`: far rows filled in, merged areas
 * asked sheet by sheet): behaviours no test held, each killing a hand-applied mutant that
 * survived the existing tests.
 */
import { runChain } from '../../../src/domain/chain';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble, type SeedCell } from '../../doubles/excel-double';
import { serial } from './spec-office-fixture';

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Note'];

describe('a value far below a register that does not start in A1', () => {
  // README « Feuilles trop étendues »: the rows before the far value are « remplies de cellules vides […]
  // sans les lire »; a value stays on its own row, wherever the used range starts (here B3).
  it('the far value is read on its row, the rows between are empty', async () => {
    const rows = 300;
    const cells: SeedCell[][] = [HEADER, ...Array.from({ length: rows }, (_, i): SeedCell[] => [`M-${i + 1}`, 'Papier', 100 + i, { v: serial('2025-02-01'), nf: 'dd/mm/yyyy' }, 'Pôle Sport', null])];
    const excel = createExcelDouble({ name: 'Suivi.xlsx', sheets: [{ name: 'Marchés', cells, at: { row: 3, col: 2 } }] });
    const alone = (await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets())[0];
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Marchés').getRange('G50000').values = [['fin']];
      await ctx.sync();
    });
    const grid = (await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets())[0];
    expect([grid.firstRow, grid.firstCol]).toEqual([3, 2]);
    expect(grid.rows).toHaveLength(50_000 - 2);
    expect(grid.rows.slice(0, rows + 1)).toEqual(alone.rows);
    expect(grid.rows[50_000 - 3]).toEqual([null, null, null, null, null, 'fin']);
    expect(grid.rows.filter((r) => r.some((c) => c !== null))).toHaveLength(rows + 2);
  });
});

describe('an Excel without ExcelApi 1.13 (no merged areas at all)', () => {
  // README « Versions d'Excel requises »: without ExcelApi 1.13 a merged value is read in its first row only;
  // the notice « plus de 512 zones de cellules fusionnées » is for a sheet that has them, not for a missing API.
  it('reads without merges and does not say the sheet has more than 512 merged areas', async () => {
    const excel = createExcelDouble({
      name: 'Suivi.xlsx',
      sheets: [
        {
          name: 'Marchés',
          cells: [HEADER.slice(0, 5), ['M-1', 'Papier', 100, { v: serial('2025-02-01'), nf: 'dd/mm/yyyy' }, 'Pôle Sport'], ['M-2', 'Encre', 200, { v: serial('2025-03-01'), nf: 'dd/mm/yyyy' }, null]],
          merges: ['E2:E3'],
        },
      ],
    });
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: { isSetSupported: (set: string, version: string) => !(set === 'ExcelApi' && version === '1.13') } },
    };
    try {
      const sheets = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
      expect(sheets[0].rows.map((r) => r[4])).toEqual(['Pôle', 'Pôle Sport', null]);
      expect(sheets[0].mergesUnread).toBeUndefined();
      const out = runChain([{ file: 'Suivi.xlsx', sheets, state: null }], { today: '2026-01-15', writesCharts: false });
      expect(out.notices.filter((n) => n.includes('512'))).toEqual([]);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});

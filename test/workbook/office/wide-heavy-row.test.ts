/**
 * A row heavier than one exchange with Excel on the web (5 MB: long texts across many columns) is
 * read in column pieces instead of failing the whole read (README « Office.js »).
 */
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble } from '../../doubles/excel-double';

const LONG = 'é'.repeat(32_767); // Excel's longest cell text, ~64 KB of JSON
const WIDE = 100; // ~6.5 MB for the row's values alone

function book() {
  return createExcelDouble({
    sheets: [
      { name: 'Suivi', cells: [['N° marché', 'Objet', 'Montant HT', 'Date de notification'], ['M-1', 'Papier', 1200, { v: 45658, nf: 'dd/mm/yyyy' }]] },
      {
        name: 'Notes',
        cells: [
          ['Titre', ...Array.from({ length: WIDE - 1 }, (_, i) => `colonne ${i + 2}`)],
          Array.from({ length: WIDE }, (_, i) => (i === 0 ? 'longue' : i === WIDE - 1 ? 42 : LONG)),
          ['après', 'fin'],
        ],
      },
    ],
  });
}

describe('Office adapter: a row heavier than one exchange', () => {
  it('reads every cell of the row, in pieces Excel accepts, and the rows around it', async () => {
    const excel = book();
    const grids = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
    const notes = grids.find((g) => g.name === 'Notes');
    expect(notes?.rows).toHaveLength(3);
    const heavy = notes?.rows[1] ?? [];
    expect(heavy).toHaveLength(WIDE);
    expect(heavy[0]).toBe('longue');
    expect(heavy.slice(1, WIDE - 1).every((v) => v === LONG)).toBe(true);
    expect(heavy[WIDE - 1]).toBe(42);
    expect(notes?.rows[2].slice(0, 2)).toEqual(['après', 'fin']);
    expect(grids.find((g) => g.name === 'Suivi')?.rows[1]).toEqual(['M-1', 'Papier', 1200, { date: '2025-01-01' }]);
    // Three refusals: every sheet at once, the two rows below the header, the heavy row alone;
    // then its two halves pass.
    expect(excel.batches.filter((b) => b.responseBytes > excel.payloadLimitBytes)).toHaveLength(3);
    expect(excel.batches.filter((b) => b.responseBytes > 3_000_000 && b.responseBytes <= excel.payloadLimitBytes)).toHaveLength(2);
  });
});

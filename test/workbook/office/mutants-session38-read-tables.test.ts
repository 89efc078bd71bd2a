/**
 * Session 38 mutants of the Office reader (session 37): a table whose header row is turned off is
 * skipped whatever else it shows, a totals row included (its header row range is never asked).
 */
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble } from '../../doubles/excel-double';
import { serial } from './spec-office-fixture';

const date = (iso: string) => ({ v: serial(iso), nf: 'dd/mm/yyyy' });

it('a table without header row but with a totals row is read as plain cells', async () => {
  const excel = createExcelDouble({
    name: 'Pôle Vie.xlsx',
    sheets: [
      {
        name: 'Suivi',
        cells: [
          ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
          ['M-1', 'Papier', 100, date('2025-02-01')],
          ['M-2', 'Encre', 200, date('2025-03-01')],
          ['Total', null, 300, null],
        ],
        tables: [{ name: 'Marches', address: 'A2:D4', showHeaders: false, showTotals: true }],
      },
    ],
  });
  const sheets = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
  expect(sheets[0].tables).toEqual([]);
  expect(sheets[0].rows[1]).toEqual(['M-1', 'Papier', 100, expect.anything()]);
});

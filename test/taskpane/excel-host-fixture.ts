/** The pane's Excel host on the Excel double, over a small register of two rows (one amount unreadable). */
import type { ExcelRunner } from '../../src/workbook/office';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createExcelDouble, type SeedSheet } from '../doubles/excel-double';

export const SHEET = 'Suivi 2025';

/** `platform` as Office would tell it (`PC`, `OfficeOnline`…); the host's own detection when absent. */
export function excelHostOnDouble(extra: SeedSheet[] = [], platform?: string) {
  const excel = createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      {
        name: SHEET,
        cells: [
          ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
          ['2025-001', 'Papier', 1200, { v: 45700, nf: 'dd/mm/yyyy' }],
          ['2025-002', 'Nettoyage', 'beaucoup', { v: 45701, nf: 'dd/mm/yyyy' }],
        ],
      },
      ...extra,
    ],
  });
  const run = excel.run as unknown as typeof Excel.run & ExcelRunner;
  return { excel, host: platform === undefined ? new ExcelHost(run) : new ExcelHost(run, platform) };
}

/**
 * Session 38 mutants of `ExcelHost.selectCell` (session 37): when the sheet's visibility cannot be
 * read after Excel refused the selection, the error is Excel's refusal, not the failure of that read.
 */
import { createExcelDouble } from '../doubles/excel-double';
import { DoubleExcelHost } from './double-excel-host';

it('a refused selection whose visibility read fails too gives Excel’s first refusal', async () => {
  const excel = createExcelDouble({ sheets: [{ name: 'Suivi', cells: [['x']] }, { name: 'Archive 2024', visibility: 'Hidden', cells: [['x']] }] });
  const host = new DoubleExcelHost(excel);
  // The selection's sync is refused (hidden sheet); the next one, asking the visibility, fails as well.
  excel.failOnSync(2);
  await expect(host.selectCell('Archive 2024', 'A1')).rejects.toMatchObject({ code: 'InvalidOperation' });
});

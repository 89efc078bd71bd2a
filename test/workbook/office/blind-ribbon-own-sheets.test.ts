/**
 * Found by the blind ribbon test: a user sheet whose name merely starts with
 * `SPASER ` (« SPASER Notes ») was deleted by the write as if it were an old
 * output sheet. Only the add-in's own sheets are replaced.
 */
import { runChain } from '../../../src/domain/chain';
import { SHEET_POLES, SHEET_REGISTRE } from '../../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble } from '../../doubles/excel-double';

const CELLS = [
  ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif'],
  ['2025-001', 'Nettoyage des écoles', 1200, { v: 45691, nf: 'dd/mm/yyyy' }],
];

async function writeOnce(excel: ReturnType<typeof createExcelDouble>) {
  const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
  const out = runChain([{ file: 'Pôle Sport.xlsx', sheets: await wb.readSheets(), state: await wb.readState() }], { writesCharts: true, today: '2026-01-15' });
  await wb.writePlan(out.plan);
}

describe('Office write — only the add-in’s own sheets are replaced', () => {
  it('keeps a user sheet named « SPASER Notes », cell for cell, across two runs', async () => {
    const excel = createExcelDouble({ sheets: [{ name: 'Suivi', cells: CELLS }, { name: 'SPASER Notes', cells: [['à relire'], [42]] }] });
    const before = excel.snapshot('SPASER Notes');
    await writeOnce(excel);
    await writeOnce(excel);
    expect(excel.sheetNames().filter((n) => n === 'SPASER Notes')).toHaveLength(1);
    expect(excel.snapshot('SPASER Notes')).toEqual(before);
    expect(excel.sheetNames().filter((n) => n === SHEET_REGISTRE)).toHaveLength(1);
  });

  it('keeps user sheets named like the temporary ones but for their number; removes the leftover temporary sheets', async () => {
    // Found by the session 24 review of odd live workbooks: a prefix alone deleted them, contents and all.
    const user = ['SPASER import Pôle Sport', 'SPASER tmp brouillon', 'SPASER tmp 2b', 'SPASER import 3 (notes)'];
    const excel = createExcelDouble({
      sheets: [{ name: 'Suivi', cells: CELLS }, ...user.map((name) => ({ name, cells: [['mes notes']] })), { name: 'SPASER tmp 7', cells: [['reste']] }, { name: 'SPASER import 2', cells: [['reste']] }],
    });
    const before = user.map((name) => excel.snapshot(name));
    await writeOnce(excel);
    expect(user.map((name) => excel.snapshot(name))).toEqual(before);
    expect(excel.sheetNames()).not.toContain('SPASER tmp 7');
    expect(excel.sheetNames()).not.toContain('SPASER import 2');
  });

  it('replaces an output sheet of an earlier run, never kept beside the new one', async () => {
    const excel = createExcelDouble({ sheets: [{ name: 'Suivi', cells: CELLS }, { name: SHEET_POLES, cells: [['ancien']] }] });
    await writeOnce(excel);
    // One Pôle (the file's name): SPASER Pôles is written anew, not the old one kept beside it.
    expect(excel.sheetNames().filter((n) => n === SHEET_POLES)).toHaveLength(1);
    expect(excel.cell(SHEET_POLES, 1, 1)?.value).not.toBe('ancien');
  });
});

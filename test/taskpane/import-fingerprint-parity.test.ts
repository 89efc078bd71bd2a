/**
 * When the workbook cannot be read back after an import, its records are fingerprinted from
 * the grids the import wrote (`importedGrid`): sound only because they give the fingerprint of
 * the read-back, checked here on both hosts with the values that the writers convert (texts
 * Excel would read otherwise, dates, booleans, formula errors copied as text, empty cells…).
 */
import { d as day } from '../helpers/grid';
import { isCalendarDate } from '../../src/domain/cell';
import { sheetFingerprint } from '../../src/domain/fingerprint';
import { importedGrid, type ImportSheet } from '../../src/taskpane/consolidation';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { PreviewHost } from '../../src/taskpane/hosts/preview-host';
import { createExcelDouble } from '../doubles/excel-double';

const TRICKY: ImportSheet = {
  name: 'Pôle Sport',
  kind: 'registre',
  source: { file: 'Pôle Sport.xlsx', sheet: 'Marchés' },
  rows: [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause', 'Note', 'Pôle'],
    ['00123', '=SOMME(A1:A2)', 1500.5, day('2025-02-12'), true, '#N/A', 'Sport'],
    ['2025-002', 'VRAI', -0.25, day('2024-12-31'), false, null, 'Sport'],
    ['+33 3 20', '  espaces  ', 0, day('1900-03-01'), 'Oui', '', 'Sport'],
    ["'apostrophe", '@mention', 1e15, '12/03/2025', 'non', '45 000 €', 'Sport'],
    ['S-5', 'ligne\nsur deux', 123456789.123, day('2025-12-31'), null, 'é😀', 'Sport'],
  ],
};

describe('an imported sheet has the fingerprint of its read-back, on both hosts', () => {
  it('Excel (double)', async () => {
    const excel = createExcelDouble({ name: 'Conso.xlsx', sheets: [{ name: 'Notes', cells: [['Mes notes']] }] });
    const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
    await host.read();
    await host.importSheets([TRICKY]);
    const read = (await host.read())[0].sheets.find((s) => s.name === TRICKY.name)!;
    expect(sheetFingerprint(importedGrid(TRICKY))).toBe(sheetFingerprint(read));
  });

  it('Excel (double), 1904 date system', async () => {
    const excel = createExcelDouble({ name: 'Conso.xlsx', date1904: true, sheets: [{ name: 'Notes', cells: [['Mes notes']] }] });
    const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
    // Dates before 1904 have no serial in that system: left out here.
    const sheet = { ...TRICKY, rows: TRICKY.rows.map((r) => r.map((v) => (isCalendarDate(v) && v.date < '1904' ? null : v))) };
    await host.importSheets([sheet]);
    const read = (await host.read())[0].sheets.find((s) => s.name === TRICKY.name)!;
    expect(sheetFingerprint(importedGrid(sheet))).toBe(sheetFingerprint(read));
  });

  it('preview (ExcelJS)', async () => {
    const host = new PreviewHost({ createUrl: () => 'blob:x', revokeUrl: () => undefined });
    await host.importSheets([TRICKY]);
    const read = (await host.read())[0].sheets.find((s) => s.name === TRICKY.name)!;
    expect(sheetFingerprint(importedGrid(TRICKY))).toBe(sheetFingerprint(read));
  });
});

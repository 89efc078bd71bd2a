/**
 * Mutation testing of session 12 (write.ts, the import's undo): an import of several batches that
 * fails after its first batch went in. The sheets already added still have their temporary names
 * and no id is known yet: the undo must find them by name, or « SPASER import N » sheets stay
 * behind while the pane says that no sheet was added.
 */
jest.mock('../../../src/workbook/office/limits', () => {
  const actual = jest.requireActual('../../../src/workbook/office/limits');
  return { ...actual, PAYLOAD_BUDGET_BYTES: 30_000, WRITE_BUDGETS: [30_000, 10_000] };
});

import { describeError } from '../../../src/taskpane/errors';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble } from '../../doubles/excel-double';

const header = Array.from({ length: 20 }, (_, j) => `Colonne ${j + 1}`);
const SHEETS = Array.from({ length: 120 }, (_, i) => ({ name: `Pôle ${i + 1}`, rows: [header, header.map((_, j) => `P${i + 1}-${j + 1}`)] }));

describe('an import that fails after its first batch', () => {
  it('deletes the sheets of the first batch again (by their temporary names): the workbook is as before', async () => {
    const excel = createExcelDouble({ name: 'Consolidation.xlsx', sheets: [{ name: 'Accueil', cells: [['Consolidation SPASER']] }] });
    const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
    await wb.readSheets();
    const before = excel.syncCount;
    excel.failOnSync(2);
    const error = await wb.importSheets(SHEETS).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'GeneralException' });
    // The first batch did go in (so that the undo had something to do).
    expect(excel.syncCount - before).toBeGreaterThan(2);
    expect(excel.sheetNames()).toEqual(['Accueil']);
    expect(describeError(error, 'import')).toContain('Aucune feuille n’a été ajoutée.');
  });
});

describe('an import that fails before adding any sheet', () => {
  it('is not told as « sheets may be left », even when Excel keeps failing after it', async () => {
    const { AttemptNotUndoneError } = await import('../../../src/workbook/office/meter');
    const excel = createExcelDouble({ name: 'Consolidation.xlsx', sheets: [{ name: 'Accueil', cells: [['Consolidation SPASER']] }] });
    // Nothing read: the import asks the sheets first, and that sync fails; so would any sync after it.
    const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
    excel.failOnSync(1);
    excel.failOnSync(2);
    const error = await wb.importSheets(SHEETS.slice(0, 1)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(AttemptNotUndoneError);
    expect(error).toMatchObject({ code: 'GeneralException' });
    expect(describeError(error, 'import')).toContain('Aucune feuille n’a été ajoutée.');
    expect(excel.sheetNames()).toEqual(['Accueil']);
  });
});

/**
 * Data safety of the consolidation's import in Excel: the undo of a failed import only ever deletes
 * the sheets that import added. Every sheet is added under a temporary name (`SPASER import N`) and
 * takes its name in a last, small batch. Before, a sheet the user created between the pane's read
 * and the import, under the very name of an imported sheet, made the add fail, and the undo (by
 * name) deleted the user's sheet (found by the review of session 12).
 */
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { IMPORT_TEMP_PREFIX } from '../../../src/workbook/port';
import { createExcelDouble, type ExcelDouble } from '../../doubles/excel-double';

const run = (excel: ExcelDouble) => excel.run as unknown as ExcelRunner;

function workbook(): ExcelDouble {
  return createExcelDouble({ name: 'Consolidation.xlsx', sheets: [{ name: 'Accueil', cells: [['Consolidation SPASER']] }] });
}

const IMPORT = [
  { name: 'Pôle Culture', rows: [['N° marché', 'Objet'], ['C-1', 'Spectacles']] },
  { name: 'Pôle Sport', rows: [['N° marché', 'Objet'], ['S-1', 'Gymnases']] },
];

/** The user types in a sheet of that name, with their own cell, after the pane's read. */
async function userAddsSheet(excel: ExcelDouble, name: string): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.worksheets.add(name).getRange('A1').values = [['à moi']];
    await context.sync();
  });
}

describe('the undo of a failed import deletes only what the import added', () => {
  it('a sheet the user created meanwhile under an imported name is kept, with its cell; nothing of the import is left', async () => {
    const excel = workbook();
    const wb = createOfficeWorkbook(run(excel));
    await wb.readSheets();
    await userAddsSheet(excel, 'Pôle Sport');
    const error = await wb.importSheets(IMPORT).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'ItemAlreadyExists' });
    expect(excel.sheetNames()).toEqual(['Accueil', 'Pôle Sport']);
    expect(excel.cell('Pôle Sport', 1, 1)?.value).toBe('à moi');
  });

  it('a failure of the last batch undoes the sheets already renamed too (found by their ids)', async () => {
    const excel = workbook();
    const wb = createOfficeWorkbook(run(excel));
    await wb.readSheets();
    // The values, then the renames: the second sync fails before it applies anything.
    excel.failOnSync(2);
    await expect(wb.importSheets(IMPORT)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(excel.sheetNames()).toEqual(['Accueil']);
  });

  it('a temporary sheet left by a crash does not make the import fail: another temporary name is taken', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      context.workbook.worksheets.add(`${IMPORT_TEMP_PREFIX}1`);
      await context.sync();
    });
    const wb = createOfficeWorkbook(run(excel));
    await wb.readSheets();
    await wb.importSheets(IMPORT);
    expect(excel.sheetNames()).toEqual(['Accueil', `${IMPORT_TEMP_PREFIX}1`, 'Pôle Culture', 'Pôle Sport']);
    expect(excel.cell('Pôle Culture', 2, 1)?.value).toBe('C-1');
  });

  it('a successful import costs two round trips after a read, as before (the values, then the names)', async () => {
    const excel = workbook();
    const wb = createOfficeWorkbook(run(excel));
    await wb.readSheets();
    const before = excel.syncCount;
    await wb.importSheets(IMPORT);
    expect(excel.syncCount - before).toBe(2);
    expect(excel.sheetNames()).toEqual(['Accueil', 'Pôle Culture', 'Pôle Sport']);
    expect(excel.sheetNames().some((n) => n.startsWith(IMPORT_TEMP_PREFIX))).toBe(false);
  });
});

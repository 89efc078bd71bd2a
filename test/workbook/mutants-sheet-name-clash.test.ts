/**
 * Mutation audit of the sheet-name clash check after « only the add-in's five sheets are
 * replaced » (README: a sheet named exactly like one of the add-in's five is its own and
 * replaced; any other sheet is the user's and never deleted; sortie.md: never touch the
 * user's data). A user sheet « SPASER registre » — the add-in's prefix, another case — is
 * the user's: it is neither replaced nor left to make the write fail half way, the write
 * is refused in French before anything is written, as for « spaser registre ».
 */
import ExcelJS from 'exceljs';
import { SHEET_ETAT, SHEET_REGISTRE, SheetNameClashError, sheetNameClash, type WritePlan } from '../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { openXlsx } from '../../src/workbook/xlsx';
import { createExcelDouble } from '../doubles/excel-double';
import { loadBytes, samplePlan, toBytes } from './xlsx/fixtures';

const plan: WritePlan = samplePlan();
const USER_SHEET = 'SPASER registre';

describe('a user sheet with the add-in’s prefix, named like one of its sheets in another case', () => {
  it('is a clash', () => {
    expect(plan.sheets.map((s) => s.name)).toContain(SHEET_REGISTRE);
    expect(sheetNameClash([USER_SHEET], plan)).toEqual({ user: USER_SHEET, ours: SHEET_REGISTRE });
    // The add-in's own sheets, named exactly, are replaced: no clash.
    expect(sheetNameClash([SHEET_REGISTRE, SHEET_ETAT, 'SPASER Notes'], plan)).toBeNull();
  });

  it('the xlsx writer refuses in French and keeps the user’s sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(USER_SHEET).getCell('A1').value = 'mes notes';
    const book = await openXlsx(await toBytes(wb), 'suivi.xlsx');
    const error = await book.writePlan(plan).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SheetNameClashError);
    expect((error as Error).message).toContain(`« ${USER_SHEET} »`);
    const after = await loadBytes(await book.saveXlsx());
    expect(after.worksheets.map((w) => w.name)).toEqual([USER_SHEET]);
    expect(after.getWorksheet(USER_SHEET)?.getCell('A1').value).toBe('mes notes');
  });

  it('the Office.js writer refuses in French before adding or deleting any sheet', async () => {
    const excel = createExcelDouble({ name: 'Roubaix.xlsx', sheets: [{ name: USER_SHEET, cells: [['mes notes']] }] });
    const error = await createOfficeWorkbook(excel.run as unknown as ExcelRunner)
      .writePlan(plan)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(SheetNameClashError);
    expect(excel.sheetNames()).toEqual([USER_SHEET]);
  });
});

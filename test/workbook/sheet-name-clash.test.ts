import ExcelJS from 'exceljs';
import { SHEET_CONTROLES, SHEET_ETAT, SHEET_REGISTRE, SheetNameClashError, sheetNameClash, type WritePlan } from '../../src/domain/plan-types';
import { describeError } from '../../src/taskpane/errors';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { openXlsx } from '../../src/workbook/xlsx';
import { createExcelDouble } from '../doubles/excel-double';
import { loadBytes, samplePlan, toBytes } from './xlsx/fixtures';

// Excel ignores case in sheet names: a user sheet « spaser registre » stops the add-in from
// adding « SPASER Registre ». Told in French before anything is written, by both writers.

const plan: WritePlan = samplePlan();

describe('sheetNameClash', () => {
  it('finds a user sheet named like one of the plan sheets in another case, accents included', () => {
    expect(plan.sheets.map((s) => s.name)).toContain(SHEET_REGISTRE);
    expect(sheetNameClash(['Suivi', 'spaser registre'], plan)).toEqual({ user: 'spaser registre', ours: SHEET_REGISTRE });
    const withControles: WritePlan = { sheets: [...plan.sheets, { ...plan.sheets[0], name: SHEET_CONTROLES }] };
    expect(sheetNameClash(['Spaser contrôles'], withControles)).toEqual({
      user: 'Spaser contrôles',
      ours: SHEET_CONTROLES,
    });
  });

  it('leaves the add-in sheets (exact prefix) and other names alone', () => {
    expect(sheetNameClash([SHEET_REGISTRE, SHEET_ETAT, 'Suivi 2025', 'SPASER Registre 2024', 'spaser'], plan)).toBeNull();
  });
});

describe('the xlsx writer', () => {
  it('refuses in French and leaves the workbook as it was', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('spaser registre').getCell('A1').value = 'mes notes';
    wb.addWorksheet(SHEET_ETAT).getCell('A1').value = 'ancien état';
    const book = await openXlsx(await toBytes(wb), 'suivi.xlsx');
    const error = await book.writePlan(plan).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SheetNameClashError);
    expect((error as Error).message).toContain('« spaser registre »');
    expect((error as Error).message).toContain('Renommez votre feuille');
    const after = await loadBytes(await book.saveXlsx());
    expect(after.worksheets.map((w) => w.name)).toEqual(['spaser registre', SHEET_ETAT]);
    expect(after.getWorksheet(SHEET_ETAT)?.getCell('A1').value).toBe('ancien état');
  });
});

describe('the Office.js writer', () => {
  it('refuses in French before adding or deleting any sheet', async () => {
    const excel = createExcelDouble({ name: 'Roubaix.xlsx', sheets: [{ name: 'spaser registre', cells: [['mes notes']] }, { name: SHEET_ETAT }] });
    const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
    const error = await wb.writePlan(plan).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SheetNameClashError);
    expect(excel.sheetNames()).toEqual(['spaser registre', SHEET_ETAT]);
    // The pane shows the message as it is: it already says what to do.
    expect(describeError(error, 'ecriture')).toBe((error as Error).message);
  });
});

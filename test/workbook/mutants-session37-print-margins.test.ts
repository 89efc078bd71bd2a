/**
 * Session 37 mutants of the writers' margins (session 36): each of the six margins of the plan goes
 * to its own place, in points in Office.js (72 an inch), in inches in the file. The plan's margins
 * are symmetric (left = right, header = footer): six different ones here tell a swap.
 */
import { demoChain } from '../helpers/demo-chain';
import ExcelJS from 'exceljs';
import { SHEET_INDICATEURS, type WritePlan } from '../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { createExcelDouble } from '../doubles/excel-double';

const BOOK = 'Consolidation SPASER 2025.xlsx';
const MARGINS = { left: 0.1, right: 0.2, top: 0.3, bottom: 0.4, header: 0.5, footer: 0.6 };

describe('six different margins, each in its place', () => {
  let plan: WritePlan;
  beforeAll(async () => {
    const out = await demoChain();
    plan = { ...out.plan, sheets: out.plan.sheets.map((s) => (s.name === SHEET_INDICATEURS ? { ...s, print: { ...s.print!, margins: MARGINS } } : s)) };
  }, 60_000);

  it('Office.js: in points', async () => {
    const excel = createExcelDouble({ name: BOOK });
    await createOfficeWorkbook(excel.run as unknown as ExcelRunner).writePlan(plan);
    const got = Object.fromEntries(Object.entries(excel.sheet(SHEET_INDICATEURS).pageLayout.margins ?? {}).map(([k, v]) => [k, Math.round(v * 100) / 100]));
    expect(got).toEqual({ left: 7.2, right: 14.4, top: 21.6, bottom: 28.8, header: 36, footer: 43.2 });
  });

  it('the file: in inches', async () => {
    const xlsx = new XlsxWorkbook(BOOK, new ExcelJS.Workbook());
    await xlsx.writePlan(plan);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.saveXlsx()) as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet(SHEET_INDICATEURS)!.pageSetup.margins).toEqual(MARGINS);
  });
});

/**
 * The two adapters are interchangeable: the same user sheet read through
 * ExcelJS (a file) and through Office.js (the Excel double) gives the same
 * grids, hence the same plan; and what each writes reads back the same.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/domain/cell';
import { isCalendarDate, isCellError } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import { SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES, SHEET_REGISTRE } from '../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { dateToSerial } from '../../src/workbook/office/write';
import { openXlsx } from '../../src/workbook/xlsx';
import { createExcelDouble, type SeedCell } from '../doubles/excel-double';
import { trimmed } from '../helpers/grid';

const FILE = 'Pôle Sports.xlsx';
const SHEET = 'Marchés 2025';
const d = (date: string) => ({ date });

/** A buyer's sheet: a title row, the header, rows with dates, errors, French text numbers, formulas' results. */
const ROWS: CellValue[][] = [
  ['Suivi des marchés — Direction des sports', null, null, null, null, null, null, null, null],
  ['N° marché', 'Objet', 'Pôle', 'Montant HT (€)', 'Date notif.', 'Clause sociale', 'Critère environnemental', 'CP', 'Ville'],
  ['2025-001', 'Papier recyclé', 'Pôle Sports', 1200.5, d('2025-02-03'), 'oui', null, '59100', 'Roubaix'],
  ['2025-002', '=HYPERLINK("x")', 'Pôle Sports', '12 500,00 €', d('2025-05-06'), 'non', 'x', '59000', 'Lille'],
  ['2025-003', 'Nettoyage', 'Pôle Culture', { error: '#N/A' }, d('2025-07-08'), null, 'oui', '75001', 'Paris'],
  [null, 'Achat sans numéro', 'Pôle Culture', 300, d('2025-09-10'), 'oui', null, '59100', 'Roubaix'],
  ['2024-010', 'Marché de l’an passé', 'Pôle Culture', 800, d('2024-03-04'), 'oui', 'oui', '62000', 'Arras'],
];

async function xlsxBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ROWS.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(i + 1, j + 1);
      if (isCalendarDate(v)) {
        cell.value = new Date(`${v.date}T00:00:00Z`);
        cell.numFmt = 'dd/mm/yyyy';
      } else if (isCellError(v)) cell.value = { error: v.error } as ExcelJS.CellErrorValue;
      else cell.value = v;
    }),
  );
  wb.addWorksheet('Notes').getCell('B2').value = 'Ne pas modifier';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function seedCell(v: CellValue): SeedCell {
  if (isCalendarDate(v)) return { v: dateToSerial(v.date), nf: 'dd/mm/yyyy' };
  if (isCellError(v)) return { error: v.error };
  // Text the user typed with a leading `=` was entered as text (quote prefix) in Excel.
  if (typeof v === 'string' && v.startsWith('=')) return { v, nf: '@' };
  return v;
}

function doubleWorkbook() {
  const excel = createExcelDouble({
    name: FILE,
    sheets: [
      { name: SHEET, cells: ROWS.map((r) => r.map(seedCell)) },
      { name: 'Notes', at: { row: 2, col: 2 }, cells: [['Ne pas modifier']] },
    ],
  });
  return { excel, workbook: createOfficeWorkbook(excel.run as unknown as ExcelRunner) };
}


const OPTIONS = { today: '2026-01-15', writesCharts: true } as const;

describe('ExcelJS and Office.js adapters give the same grids, plans and written sheets', () => {
  test('same grids, same result, same plan', async () => {
    const file = await openXlsx(await xlsxBytes(), FILE);
    const { workbook } = doubleWorkbook();
    const fromFile = await file.readSheets();
    const fromExcel = await workbook.readSheets();
    expect(workbook.name).toBe(FILE);
    expect(trimmed(fromExcel.find((g) => g.name === SHEET))).toEqual(trimmed(fromFile.find((g) => g.name === SHEET)));

    const a = runChain([{ file: file.name, sheets: fromFile, state: null }], OPTIONS);
    const b = runChain([{ file: workbook.name, sheets: fromExcel, state: null }], OPTIONS);
    expect(b.result).toEqual(a.result);
    expect(b.plan).toEqual(a.plan);
    // The fixture exercises what matters: errors, a Pôle breakdown, charts.
    expect(a.result.lignes).toMatchObject({ lues: 5, erreurs: 2 });
    expect(a.plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([SHEET_REGISTRE, SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES]));
    expect(a.plan.sheets.flatMap((s) => s.charts).length).toBeGreaterThan(0);
  });

  test('what each adapter writes reads back the same, and the user sheets stay as they were', async () => {
    const file = await openXlsx(await xlsxBytes(), FILE);
    const { excel, workbook } = doubleWorkbook();
    const userBefore = excel.snapshot(SHEET);
    const out = runChain([{ file: file.name, sheets: await file.readSheets(), state: null }], OPTIONS);

    await file.writePlan(out.plan);
    const reread = await openXlsx(await file.saveXlsx(), FILE);
    await workbook.writePlan(out.plan);

    const writtenByFile = await reread.readSheets();
    const writtenByExcel = await workbook.readSheets();
    for (const name of [SHEET_REGISTRE, SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES]) {
      expect(trimmed(writtenByFile.find((g) => g.name === name))?.rows.length).toBeGreaterThan(1);
      expect([name, trimmed(writtenByExcel.find((g) => g.name === name))]).toEqual([name, trimmed(writtenByFile.find((g) => g.name === name))]);
    }
    expect(await workbook.readState()).toEqual(await reread.readState());
    expect(excel.snapshot(SHEET)).toEqual(userBefore);
  });
});

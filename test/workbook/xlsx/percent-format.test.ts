/**
 * A number shown as a percentage is read as shown: typing « 30 % » in Excel stores 0,3 under the
 * format `0%`, and a person reading the sheet reads thirty percent. The indicators in % run from
 * 0 to 100, so a *Cibles* target or a *Saisies manuelles* value typed that way is 30, not 0,3
 * (which met every « at least » target). Both adapters read it so.
 */
import ExcelJS from 'exceljs';
import { runChain } from '../../../src/domain/chain';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { toCellValue } from '../../../src/workbook/office/read';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { percentScale, shownNumber } from '../../../src/workbook/xlsx/read-grid';
import { createExcelDouble } from '../../doubles/excel-double';
import { toBytes } from './fixtures';

/** Four contracts of 2025, one with a social clause (25 %), and Cibles typed as percentages. */
function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale']);
  ['oui', 'non', 'non', 'non'].forEach((clause, i) => ws.addRow([`2025-00${i + 1}`, `Marché ${i + 1}`, 1000 * (i + 1), new Date(Date.UTC(2025, i, 10)), clause]));
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  const cibles = wb.addWorksheet('Cibles');
  cibles.addRow(['Indicateur', 'Année', 'Cible', 'Sens']);
  cibles.addRow(['4.1.2-consideration-sociale', 2025, 0.3, '≥']);
  cibles.addRow(['4.2.2-clause-sociale-part', 2025, 0.2, '≥']);
  cibles.getColumn(3).numFmt = '0%';
  const saisies = wb.addWorksheet('Saisies manuelles');
  saisies.addRow(['Indicateur', 'Année', 'Valeur', 'Source']);
  saisies.addRow(['3.2.1-fournitures-evitees', 2025, 0.125, 'Inventaire']);
  saisies.getCell('C2').numFmt = '0.0%';
  return wb;
}

describe('a number under a percentage format', () => {
  it('is read as shown by the file reader: 0,3 under `0%` is 30', async () => {
    const grids = await (await openXlsx(await toBytes(workbook()), 'suivi.xlsx')).readSheets();
    expect(grids.find((g) => g.name === 'Cibles')?.rows.map((r) => r[2])).toEqual(['Cible', 30, 20]);
    expect(grids.find((g) => g.name === 'Saisies manuelles')?.rows[1][2]).toBe(12.5);
  });

  it('targets typed as percentages are judged as the buyer means them: 25 % misses 30 %, meets 20 %', async () => {
    const book = await openXlsx(await toBytes(workbook()), 'suivi.xlsx');
    const out = runChain([{ file: 'suivi.xlsx', sheets: await book.readSheets(), state: null }], { writesCharts: false, today: '2026-01-15' });
    const byId = new Map(out.result.indicateurs.map((i) => [i.id, i]));
    expect(byId.get('4.1.2-consideration-sociale')?.valeur).toBe(25);
    expect(byId.get('4.1.2-consideration-sociale')?.cible).toEqual({ valeur: 30, sens: '≥', atteinte: false });
    expect(byId.get('4.2.2-clause-sociale-part')?.cible).toEqual({ valeur: 20, sens: '≥', atteinte: true });
    expect(byId.get('1.1.1-cibles-atteintes')?.valeur).toBe(50);
    expect(byId.get('3.2.1-fournitures-evitees')?.valeur).toBe(12.5);
  });

  it('is read the same by the Office.js reader', async () => {
    expect(toCellValue(0.3, 'Double', '0%')).toBe(30);
    expect(toCellValue(0.125, 'Double', '0.0%')).toBe(12.5);
    const excel = createExcelDouble({
      name: 'a.xlsx',
      sheets: [{ name: 'Cibles', cells: [['Indicateur', 'Année', 'Cible'], ['4.1.2-consideration-sociale', 2025, { v: 0.3, nf: '0%' }]] }],
    });
    const sheets = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
    expect(sheets[0].rows[1]).toEqual(['4.1.2-consideration-sociale', 2025, 30]);
  });

  it('a % that the format shows as text, or one in another section, scales nothing', () => {
    expect(percentScale('0" %"')).toBe(1);
    expect(percentScale('0\\%')).toBe(1);
    expect(percentScale('[$%-fr-FR]0')).toBe(1);
    expect(percentScale('0;"-"%')).toBe(1);
    expect(percentScale('General')).toBe(1);
    expect(percentScale(undefined)).toBe(1);
    expect(percentScale('0.00 %')).toBe(100);
    expect(percentScale('0%;[Red]-0%')).toBe(100);
    expect(shownNumber(0.07, '0%')).toBe(7);
    expect(shownNumber(-0.255, '0.0%')).toBe(-25.5);
    expect(shownNumber(0.07, '0" %"')).toBe(0.07);
  });

  it('a % escaped in the file (`0\\%`, which ExcelJS loads as `0%`) is text: 30 shown 30 % is 30', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('F');
    ws.addRow([30, 0.3, 40]);
    ws.getCell('A1').numFmt = '0\\%';
    ws.getCell('B1').numFmt = '0.0%';
    ws.getCell('C1').numFmt = '0\\ \\%';
    const [grid] = await (await openXlsx(await toBytes(wb), 'f.xlsx')).readSheets();
    expect(grid.rows[0]).toEqual([30, 30, 40]);
  });

  it('known limit: a file holding both `0%` and `0\\%` (both loaded as `0%`) reads either as the number stored', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('F');
    ws.addRow([30, 0.3]);
    ws.getCell('A1').numFmt = '0\\%';
    ws.getCell('B1').numFmt = '0%';
    const [grid] = await (await openXlsx(await toBytes(wb), 'f.xlsx')).readSheets();
    expect(grid.rows[0]).toEqual([30, 0.3]);
  });

  it('numbers under other formats are read as they are', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('F');
    ws.addRow([1234.5, 0.3, 35]);
    ws.getCell('A1').numFmt = '#,##0.00 "€"';
    ws.getCell('C1').numFmt = '0" %"';
    const [grid] = await (await openXlsx(await toBytes(wb), 'f.xlsx')).readSheets();
    expect(grid.rows[0]).toEqual([1234.5, 0.3, 35]);
  });
});

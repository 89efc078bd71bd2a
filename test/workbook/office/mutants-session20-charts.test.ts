/**
 * Session-20 mutation audit of the Office.js writer's charts (`src/workbook/office/write.ts`, `queueChart`).
 * README: the file writer draws its charts « aux couleurs de l'adaptateur Office.js », colours chosen for
 * a contrast of at least 3:1 (`chart-style.ts`: the palette, in order); sortie.md: shares of spend as a
 * doughnut or a pie. So: a column chart gives each series its own palette colour, in order; a doughnut
 * or a pie gives each slice its own colour, in order, and shows the percentages (each slice is a share).
 */
import { SHEET_INDICATEURS, type ChartPlan, type WritePlan } from '../../../src/domain/plan-types';
import { CHART_PALETTE } from '../../../src/workbook/chart-style';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble, type ChartModel } from '../../doubles/excel-double';

const P = CHART_PALETTE;

// Three data tables on the sheet: 3 series of 3 categories (A1:D4), 4 zones (A6:B10), 3 sizes (A12:B15).
const VALUES = [
  ['Considération', 'Ville', 'Référence nationale', 'N−1'],
  ['Sociale', 25, 30, 20],
  ['Environnementale', 40, 100, 35],
  ['Innovation', 5, null, 4],
  [null],
  ['Zone', 'Part de la dépense (%)'],
  ['Roubaix', 40],
  ['MEL (hors Roubaix)', 35],
  ['Hauts-de-France', 15],
  ['Ailleurs', 10],
  [null],
  ['Taille', 'Part de la dépense (%)'],
  ['TPE', 20],
  ['PME', 50],
  ['GE', 30],
];

const CHARTS: ChartPlan[] = [
  { id: 'considerations', kind: 'colonnes', title: 'Considérations', data: { row: 1, col: 1, rowCount: 4, colCount: 4 }, anchor: { row: 1, col: 6, width: 8, height: 15 }, altText: { title: 'Titre', description: 'Description' } },
  { id: 'zones', kind: 'anneau', title: 'Zones', data: { row: 6, col: 1, rowCount: 5, colCount: 2 }, anchor: { row: 17, col: 6, width: 8, height: 15 }, altText: { title: 'Titre', description: 'Description' } },
  { id: 'tailles', kind: 'secteurs', title: 'Tailles', data: { row: 12, col: 1, rowCount: 4, colCount: 2 }, anchor: { row: 33, col: 6, width: 8, height: 15 }, altText: { title: 'Titre', description: 'Description' } },
];

async function written(): Promise<ChartModel[]> {
  const plan: WritePlan = {
    sheets: [{ name: SHEET_INDICATEURS, visibility: 'visible', widths: [], blocks: [{ row: 1, col: 1, values: VALUES }], tables: [], links: [], charts: CHARTS }],
  };
  const excel = createExcelDouble({ name: 'Pôle.xlsx', sheets: [{ name: 'Suivi', cells: [['N°'], ['A']] }] });
  await createOfficeWorkbook(excel.run as unknown as ExcelRunner).writePlan(plan);
  return excel.sheet(SHEET_INDICATEURS).charts;
}

describe('the Office charts’ colours and labels', () => {
  it('a column chart: each of its 3 series in its own palette colour, in order; no percentages', async () => {
    const [columns] = await written();
    expect({ type: columns.type, seriesFill: columns.seriesFill, pointFill: columns.pointFill, showPercentage: columns.showPercentage }).toEqual({
      type: 'ColumnClustered',
      seriesFill: { 0: P[0], 1: P[1], 2: P[2] },
      pointFill: {},
      showPercentage: false,
    });
  });

  it('a doughnut: each of its 4 slices in its own palette colour, in order, and the percentages shown', async () => {
    const [, doughnut] = await written();
    expect({ type: doughnut.type, pointFill: doughnut.pointFill, showPercentage: doughnut.showPercentage }).toEqual({
      type: 'Doughnut',
      pointFill: { '0:0': P[0], '0:1': P[1], '0:2': P[2], '0:3': P[3] },
      showPercentage: true,
    });
  });

  it('a pie: like the doughnut, each of its 3 slices in its own colour, and the percentages shown', async () => {
    const [, , pie] = await written();
    expect({ type: pie.type, pointFill: pie.pointFill, showPercentage: pie.showPercentage }).toEqual({
      type: 'Pie',
      pointFill: { '0:0': P[0], '0:1': P[1], '0:2': P[2] },
      showPercentage: true,
    });
  });
});

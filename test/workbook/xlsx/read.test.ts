import ExcelJS from 'exceljs';
import type { SheetGrid } from '../../../src/domain/cell';
import { serializeState } from '../../../src/domain/state-sheet';
import type { SavedState } from '../../../src/domain/state';
import { openXlsx } from '../../../src/workbook/xlsx';
import { serialToIsoDate } from '../../../src/workbook/xlsx/read-grid';
import { buyerWorkbook, toBytes } from './fixtures';

async function gridsOf(wb: ExcelJS.Workbook): Promise<readonly SheetGrid[]> {
  const book = await openXlsx(await toBytes(wb), 'suivi.xlsx');
  return book.readSheets();
}

/** Sheet cell (row, col), 1-based, from a grid. */
function at(grid: SheetGrid, row: number, col: number) {
  return grid.rows[row - grid.firstRow]?.[col - grid.firstCol];
}

describe('readSheets on a buyer workbook', () => {
  let grids: readonly SheetGrid[];
  let suivi: SheetGrid;
  beforeAll(async () => {
    grids = await gridsOf(buyerWorkbook());
    suivi = grids[0];
  });

  it('returns every sheet in order, hidden ones included', () => {
    expect(grids.map((g) => g.name)).toEqual(['Suivi 2025', 'Titulaires', 'Listes']);
  });

  it('starts the grid at the used range and keeps it rectangular', () => {
    expect(suivi.firstRow).toBe(1);
    expect(suivi.firstCol).toBe(1);
    expect(suivi.rows).toHaveLength(6);
    for (const r of suivi.rows) expect(r).toHaveLength(8);
    const titulaires = grids[1];
    expect([titulaires.firstRow, titulaires.firstCol]).toEqual([2, 2]);
    expect(titulaires.rows[0]).toEqual(['Titulaire', 'SIRET']);
  });

  it('reads plain values, rich text, link text, text that looks like a number or a date', () => {
    expect(at(suivi, 3, 1)).toBe('N° marché');
    expect(at(suivi, 4, 1)).toBe('2025-001');
    expect(at(suivi, 4, 2)).toBe('Papier recyclé');
    expect(at(suivi, 5, 2)).toBe('Voir la fiche');
    expect(at(suivi, 6, 2)).toBe('=HYPERLINK("http://x")');
    expect(at(suivi, 6, 3)).toBe('14/03/2025');
    expect(at(suivi, 6, 4)).toBe('1 234,56');
    expect(at(suivi, 4, 5)).toBe(1000);
    expect(at(suivi, 6, 5)).toBe(true);
  });

  it('reads dates as calendar days, including a serial formatted as a date', () => {
    expect(at(suivi, 4, 3)).toEqual({ date: '2025-03-14' });
    // 45700 is 12/02/2025 (45658 is 01/01/2025) in the 1900 date system.
    expect(at(suivi, 5, 3)).toEqual({ date: '2025-02-12' });
  });

  it('reads formulas as their cached results: plain, shared, array; none → null', () => {
    expect(at(suivi, 4, 6)).toBe(2234.5);
    expect(at(suivi, 5, 6)).toBe(0);
    expect(at(suivi, 4, 7)).toBe(2469);
    expect(at(suivi, 6, 6)).toBeNull();
  });

  it('reads error values and error results as errors', () => {
    expect(at(suivi, 5, 4)).toEqual({ error: '#N/A' });
    expect(at(suivi, 5, 5)).toEqual({ error: '#N/A' });
  });

  it('spreads a vertical merge on every row, a horizontal one only in its first cell', () => {
    expect(at(suivi, 4, 8)).toBe('Pôle Ressources');
    expect(at(suivi, 5, 8)).toBe('Pôle Ressources');
    expect(at(suivi, 6, 8)).toBe('Pôle Ressources');
    expect(at(suivi, 2, 4)).toBe('Montants');
    expect(at(suivi, 2, 5)).toBeNull();
    expect(at(suivi, 1, 1)).toBe('Suivi des marchés 2025');
    expect(at(suivi, 1, 2)).toBeNull();
  });

  it('gives Excel tables in sheet coordinates', () => {
    expect(grids[1].tables).toEqual([{ name: 'Titulaires', headerRow: 2, firstCol: 2, lastCol: 3, lastRow: 4 }]);
    expect(suivi.tables).toEqual([]);
  });
});

describe('merged blocks', () => {
  it('gives a block merge its value down the first column only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('F');
    ws.getCell('B2').value = 'Bloc';
    ws.mergeCells('B2:C3');
    ws.getCell('D3').value = 1;
    const [g] = await gridsOf(wb);
    expect(g.firstRow).toBe(2);
    expect(g.firstCol).toBe(2);
    expect(g.rows).toEqual([
      ['Bloc', null, null],
      ['Bloc', null, 1],
    ]);
  });

  it('extends the used range down to the end of a vertical merge', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('F');
    ws.getCell('A1').value = 'x';
    ws.getCell('B1').value = 'Pôle';
    ws.mergeCells('B1:B3');
    const [g] = await gridsOf(wb);
    expect(g.rows).toEqual([
      ['x', 'Pôle'],
      [null, 'Pôle'],
      [null, 'Pôle'],
    ]);
  });
});

describe('date systems', () => {
  it('reads the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('F');
    ws.getCell('A1').value = new Date(Date.UTC(2025, 2, 14));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('A2').value = 0; // serial 0 of the 1904 system is 01/01/1904
    ws.getCell('A2').numFmt = 'dd/mm/yyyy';
    const [g] = await gridsOf(wb);
    expect(g.rows).toEqual([[{ date: '2025-03-14' }], [{ date: '1904-01-01' }]]);
  });

  it('converts serials by hand in both systems', () => {
    expect(serialToIsoDate(45700, false)).toBe('2025-02-12');
    expect(serialToIsoDate(45700.75, false)).toBe('2025-02-12');
    expect(serialToIsoDate(1, false)).toBe('1900-01-01');
    expect(serialToIsoDate(61, false)).toBe('1900-03-01');
    expect(serialToIsoDate(0, true)).toBe('1904-01-01');
    expect(serialToIsoDate(31, true)).toBe('1904-02-01');
  });
});

describe('an empty sheet', () => {
  it('is an empty grid', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Vide');
    const [g] = await gridsOf(wb);
    expect(g).toEqual({ name: 'Vide', firstRow: 1, firstCol: 1, rows: [], tables: [] });
  });
});

describe('readState', () => {
  const state: SavedState = {
    version: 1,
    mappings: [{ file: 'suivi.xlsx', sheet: 'Suivi 2025', headerRow: 3, columns: { numero: 'N° marché', montant: null } }],
    decisions: [
      { numero: '2025-001', source: 'suivi.xlsx|Suivi 2025', consideration: 'environnementale', etiquette: 'Critère environnemental', decision: 'confirmée' },
    ],
  };

  async function stateOf(cells: (string | number | null)[], sheetName = 'SPASER État') {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Suivi').getCell('A1').value = 'x';
    const ws = wb.addWorksheet(sheetName, { state: 'veryHidden' });
    cells.forEach((c, i) => {
      if (c !== null) ws.getCell(i + 1, 1).value = c;
    });
    return (await openXlsx(await toBytes(wb), 'x.xlsx')).readState();
  }

  it('reads a state split over several cells of column A', async () => {
    const chunks = serializeState(state, 40);
    expect(chunks.length).toBeGreaterThan(3);
    expect(await stateOf(chunks)).toEqual(state);
  });

  it('is null without the sheet', async () => {
    expect(await stateOf(['{"version":1,"mappings":[],"decisions":[]}'], 'Autre')).toBeNull();
  });

  it('is null, without throwing, on invalid content', async () => {
    expect(await stateOf(['{"version":1,'])).toBeNull();
    expect(await stateOf(['{"version":2,"mappings":[],"decisions":[]}'])).toBeNull();
    expect(await stateOf(['bonjour'])).toBeNull();
    expect(await stateOf([])).toBeNull();
  });
});

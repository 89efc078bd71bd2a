/**
 * Session-21 mutation audit of the .xlsx reading path (`read-grid.ts`): behaviours that no
 * test held, each killing a hand-applied mutant that survived the existing tests.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { MAX_EXCEL_SERIAL } from '../../../src/domain/read-cell';
import { toCellValue } from '../../../src/workbook/office/read';
import { openXlsx } from '../../../src/workbook/xlsx';
import { readGrid } from '../../../src/workbook/xlsx/read-grid';
import { toBytes } from './fixtures';

const SHEET = 'xl/worksheets/sheet1.xml';
const SHARED = 'xl/sharedStrings.xml';

/** The package with some of its parts edited as text. */
async function edited(wb: ExcelJS.Workbook, edits: Record<string, (xml: string) => string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await toBytes(wb));
  for (const [part, edit] of Object.entries(edits)) {
    const before = await zip.file(part)!.async('string');
    const after = edit(before);
    expect(after).not.toBe(before);
    zip.file(part, after);
  }
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

async function firstGrid(bytes: Uint8Array) {
  return (await (await openXlsx(bytes, 'suivi.xlsx')).readSheets())[0];
}

describe('texts as some producers store them', () => {
  it('a cell holding an empty shared text is an empty cell: the grid does not grow to it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(['N° marché', 'Objet']);
    ws.addRow(['2025-001', 'Papier']);
    ws.getCell('C3').value = 'VIDE';
    // An exporter writing every cell of its table, the empty ones as an empty shared text.
    const bytes = await edited(wb, { [SHARED]: (xml) => xml.replace('<t>VIDE</t>', '<t></t>') });
    const grid = await firstGrid(bytes);
    expect(grid.rows).toEqual([
      ['N° marché', 'Objet'],
      ['2025-001', 'Papier'],
    ]);
  });

  it('a rich-text run without text adds nothing to the cell text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.getCell('A1').value = { richText: [{ text: 'X', font: { bold: true } }, { text: 'Papier recyclé' }] };
    const bytes = await edited(wb, { [SHARED]: (xml) => xml.replace(/<r>(<rPr>(?:(?!<\/rPr>).)*<\/rPr>)<t[^>]*>X<\/t><\/r>/, '<r>$1</r>') });
    expect((await firstGrid(bytes)).rows).toEqual([['Papier recyclé']]);
  });
});

describe('merged cells and the used range', () => {
  it('an empty merged area (a template’s block left for future entries) does not grow the grid', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(['N° marché', 'Objet']);
    ws.addRow(['2025-001', 'Papier']);
    ws.mergeCells('A5:B8');
    ws.getCell('A5').border = { top: { style: 'thin' } };
    expect((await firstGrid(await toBytes(wb))).rows).toEqual([
      ['N° marché', 'Objet'],
      ['2025-001', 'Papier'],
    ]);
  });

  it('a group header merged past the last column does not widen the grid: its other columns read empty anyway', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.getCell('B1').value = 'Montants';
    ws.mergeCells('B1:D1');
    ws.addRow(['2025-001', 1200]);
    expect((await firstGrid(await toBytes(wb))).rows).toEqual([
      [null, 'Montants'],
      ['2025-001', 1200],
    ]);
  });
});

describe('Excel tables', () => {
  it('a table whose header row is switched off gives no header to map: it is not given as a table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addTable({
      name: 'SansEntete',
      ref: 'A1',
      headerRow: false,
      columns: [{ name: 'N° marché' }, { name: 'Objet' }],
      rows: [
        ['2025-001', 'Papier'],
        ['2025-002', 'Toner'],
      ],
    });
    // As Excel saves it: no filter without a header row (ExcelJS writes one).
    const grid = await firstGrid(await edited(wb, { 'xl/tables/table1.xml': (xml) => xml.replace(/<autoFilter\b[\s\S]*?<\/autoFilter>/, '') }));
    expect(grid.rows[0]).toEqual(['2025-001', 'Papier']);
    expect(grid.tables).toEqual([]);
  });
});

describe('an ISO date text 9999-12-31, the « no end date » of ERP exports (`misread-cells.ts`)', () => {
  /** A sheet whose only date is 31/12/9999 stored as ISO text (`t="d"`), under a date format. */
  async function openEnded(date1904: boolean): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(['N° marché', 'Fin de validité']);
    ws.addRow(['2025-001', new Date(Date.UTC(2025, 0, 1))]);
    ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    return edited(wb, { [SHEET]: (xml) => xml.replace(/<c r="B2"( s="\d+")?[^>]*>[\s\S]*?<\/c>/, '<c r="B2"$1 t="d"><v>9999-12-31T00:00:00</v></c>') });
  }

  it.each([false, true])('reads as that day, not as the serial 9999 ExcelJS makes of its year (1904 system: %s)', async (date1904) => {
    expect((await firstGrid(await openEnded(date1904))).rows[1]).toEqual(['2025-001', { date: '9999-12-31' }]);
  });
});

describe('the 1904 date system at the ends of Excel’s range', () => {
  const LAST_1904 = MAX_EXCEL_SERIAL - 1462; // 31/12/9999 counted from 01/01/1904

  it('the Office reader reads the last day, 31/12/9999, as a date and the day after as the number', () => {
    expect(toCellValue(LAST_1904, 'Double', 'dd/mm/yyyy', true)).toEqual({ date: '9999-12-31' });
    expect(toCellValue(LAST_1904 + 1, 'Double', 'dd/mm/yyyy', true)).toBe(LAST_1904 + 1);
  });
});

describe('numbers out of Excel’s date range in a 1904 workbook, read from the file', () => {
  it('stay the numbers, as in the 1900 system and as the Office reader reads them (Excel shows ####)', async () => {
    const LAST_1904 = MAX_EXCEL_SERIAL - 1462;
    const serials = [-5, 0, LAST_1904, LAST_1904 + 1, 3_000_000];
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Dates');
    serials.forEach((n, i) => {
      ws.getCell(i + 1, 1).value = n;
      ws.getCell(i + 1, 1).numFmt = 'dd/mm/yyyy';
    });
    const read = (await firstGrid(await toBytes(wb))).rows.map((r) => r[0]);
    expect(read).toEqual([-5, { date: '1904-01-01' }, { date: '9999-12-31' }, LAST_1904 + 1, 3_000_000]);
    expect(read).toEqual(serials.map((n) => toCellValue(n, 'Double', 'dd/mm/yyyy', true)));
  });
});

describe('a worksheet in memory (cells not yet saved: ExcelJS keeps their numbers)', () => {
  it('a serial under a date format counts in the workbook’s date system', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dates');
    ws.getCell('A1').value = 45721;
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    expect(readGrid(ws, false).rows).toEqual([[{ date: '2025-03-05' }]]);
    expect(readGrid(ws, true).rows).toEqual([[{ date: '2029-03-06' }]]);
  });
});

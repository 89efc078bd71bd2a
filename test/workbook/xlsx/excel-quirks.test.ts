/**
 * Files saved by Excel differ from files saved by ExcelJS in ways ExcelJS 4.4
 * misreads. These fixtures rewrite an ExcelJS file the way Excel writes it
 * (JSZip, ExcelJS's own zip library, test-only).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx';
import { loadBytes, toBytes } from './fixtures';

async function rewrite(bytes: Uint8Array, edit: (path: string, xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const path of Object.keys(zip.files)) {
    if (!path.endsWith('.xml')) continue;
    const xml = await zip.file(path)!.async('string');
    const edited = edit(path, xml);
    if (edited !== xml) zip.file(path, edited);
  }
  return zip.generateAsync({ type: 'uint8array' });
}

function tableModel(ws: ExcelJS.Worksheet) {
  return (ws.getTables()[0] as unknown as { table: { headerRow: boolean; columns: { filterButton: boolean }[] } }).table;
}

async function excelStyleTableWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  ws.addTable({
    name: 'Suivi',
    ref: 'A1',
    columns: [{ name: 'N° marché', filterButton: true }, { name: 'Objet', filterButton: true }],
    rows: [['2025-001', 'Papier'], ['2025-002', 'Repas']],
  });
  // Excel leaves out attributes at their default: headerRowCount="1", hiddenButton="0".
  return rewrite(await toBytes(wb), (path, xml) =>
    path.startsWith('xl/tables/') ? xml.replace(/ headerRowCount="1"/g, '').replace(/<filterColumn [^>]*\/>/g, '') : xml,
  );
}

describe('tables saved by Excel', () => {
  it('are misread by ExcelJS alone: no header row, filter buttons hidden (why the adapter repairs them)', async () => {
    const raw = tableModel((await loadBytes(await excelStyleTableWorkbook())).getWorksheet('Suivi')!);
    expect(raw.headerRow).toBe(false);
    // ExcelJS would write these columns back with hiddenButton="1".
    expect(raw.columns.some((c) => c.filterButton === true)).toBe(false);
  });

  it('keep their header row and filter buttons through the adapter', async () => {
    const book = await openXlsx(await excelStyleTableWorkbook(), 'suivi.xlsx');
    const [grid] = await book.readSheets();
    expect(grid.tables).toEqual([{ name: 'Suivi', headerRow: 1, firstCol: 1, lastCol: 2, lastRow: 3 }]);
    await book.writePlan({ sheets: [] });
    const out = await loadBytes(await book.saveXlsx());
    const t = tableModel(out.getWorksheet('Suivi')!);
    expect(t.headerRow).toBe(true);
    expect(t.columns.map((c) => c.filterButton)).toEqual([true, true]);
  });
});

describe('internal hyperlinks saved by Excel (location only, no relationship)', () => {
  async function workbookWithExcelInternalLink(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sommaire');
    ws.getCell('A1').value = 'Aller au suivi';
    wb.addWorksheet('Suivi').getCell('A1').value = 'x';
    return rewrite(await toBytes(wb), (path, xml) =>
      path === 'xl/worksheets/sheet1.xml'
        ? xml.replace('</sheetData>', '</sheetData><hyperlinks><hyperlink ref="A1" location="Suivi!A1" display="Aller au suivi"/></hyperlinks>')
        : xml,
    );
  }

  it('keep their text when read', async () => {
    const [grid] = await (await openXlsx(await workbookWithExcelInternalLink(), 'x.xlsx')).readSheets();
    expect(grid.rows).toEqual([['Aller au suivi']]);
  });

  it('PINNED LOSS: ExcelJS 4.4 drops the link itself on round trip (text kept); see notes/choices-xlsx.md', async () => {
    const book = await openXlsx(await workbookWithExcelInternalLink(), 'x.xlsx');
    await book.writePlan({ sheets: [] });
    const out = await loadBytes(await book.saveXlsx());
    const cell = out.getWorksheet('Sommaire')!.getCell('A1');
    expect(cell.value).toBe('Aller au suivi');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
});

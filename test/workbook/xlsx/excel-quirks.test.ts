/**
 * Files saved by Excel differ from files saved by ExcelJS in ways ExcelJS 4.4
 * misreads. These fixtures rewrite an ExcelJS file the way Excel writes it
 * (JSZip, ExcelJS's own zip library, test-only).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx';
import { loadBytes, samplePlan, toBytes } from './fixtures';

async function part(bytes: Uint8Array, path: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(path)!.async('string');
}

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

  it('are read with their header row, and written back as Excel saved them', async () => {
    const input = await excelStyleTableWorkbook();
    const book = await openXlsx(input, 'suivi.xlsx');
    const [grid] = await book.readSheets();
    expect(grid.tables).toEqual([{ name: 'Suivi', headerRow: 1, firstCol: 1, lastCol: 2, lastRow: 3 }]);
    await book.writePlan(samplePlan());
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    expect(await part(output, 'xl/tables/table1.xml')).toBe(await part(input, 'xl/tables/table1.xml'));
    expect((await loadBytes(output)).worksheets.map((w) => w.name)).toEqual(['Suivi', 'SPASER Registre', 'SPASER Contrôles', 'SPASER État']);
  });

  it('when the file cannot be kept part by part, ExcelJS rewrites it with the tables repaired', async () => {
    // No styles part: nothing to append our styles to.
    const zip = await JSZip.loadAsync(await excelStyleTableWorkbook());
    zip.remove('xl/styles.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*styles[^>]*\/>/, ''));
    const book = await openXlsx(await zip.generateAsync({ type: 'uint8array' }), 'suivi.xlsx');
    await book.writePlan(samplePlan());
    const out = await loadBytes(await book.saveXlsx());
    expect(book.keptOriginalParts).toBe(false);
    const t = tableModel(out.getWorksheet('Suivi')!);
    expect(t.headerRow).toBe(true);
    expect(t.columns.map((c) => c.filterButton)).toEqual([true, true]);
    expect(out.getWorksheet('SPASER Registre')!.getCell('A2').value).toBe('2025-001');
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

  it('are written back: ExcelJS alone drops them, the user sheet is kept as it was saved', async () => {
    const input = await workbookWithExcelInternalLink();
    const book = await openXlsx(input, 'x.xlsx');
    const dropped = await part(new Uint8Array(await book.workbook.xlsx.writeBuffer()), 'xl/worksheets/sheet1.xml');
    expect(dropped).not.toContain('location="Suivi!A1"');
    await book.writePlan(samplePlan());
    const output = await book.saveXlsx();
    const sheet = await part(output, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<hyperlink ref="A1" location="Suivi!A1" display="Aller au suivi"/>');
    expect(sheet).toBe(await part(input, 'xl/worksheets/sheet1.xml'));
    const cell = (await loadBytes(output)).getWorksheet('Sommaire')!.getCell('A1');
    expect(cell.value).toBe('Aller au suivi');
  });
});

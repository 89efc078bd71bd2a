/**
 * Session-21 mutation audit of `open.ts` (and the reading copy it asks for), second pass: files
 * refused with the French reason that tells the user what to do, in cases no test held.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx, REASON_NOT_XLSX, REASON_XLSB } from '../../../src/workbook/xlsx/open';
import { reasonOf, toBytes } from './fixtures';


describe('files refused, each with the reason that helps', () => {
  it('a binary workbook (.xlsb) cut short before its workbook entry is still named a .xlsb', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', `<Types>${' '.repeat(2000)}</Types>`);
    zip.file('xl/workbook.bin', new Uint8Array([1, 2, 3]));
    const whole = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    const cut = whole.subarray(0, 1000);
    // Guards the case: the entry name is not in what is left of the file.
    expect(Buffer.from(cut).includes('xl/workbook.bin')).toBe(false);
    expect(await reasonOf(cut, 'suivi.xlsb')).toBe(REASON_XLSB);
  });

  it('a zip with an archive comment, not a workbook, is « not an .xlsx », not a damaged archive', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'des notes');
    const bytes = await zip.generateAsync({ type: 'uint8array', comment: 'Archive créée par un outil de sauvegarde'.repeat(3) });
    expect(await reasonOf(bytes, 'notes.xlsx')).toBe(REASON_NOT_XLSX);
  });
  // A workbook part stored under another name (xl/book.xml) is now read: workbook-part-elsewhere.test.ts.
});

describe('tables saved by Excel with headerRowCount left out (its default, 1)', () => {
  /** A table whose XML is edited as Excel may save it, headerRowCount="1" left out. */
  async function excelTable(editTable: (xml: string) => string, richHeader = false): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi');
    ws.addTable({
      name: 'Suivi',
      ref: 'A1',
      columns: [{ name: 'N° marché', filterButton: true }, { name: 'Objet', filterButton: true }],
      rows: [['2025-001', 'Papier'], ['2025-002', 'Repas']],
    });
    ws.addRow(['Note sous le tableau', '']);
    const zip = await JSZip.loadAsync(await toBytes(wb));
    const table = await zip.file('xl/tables/table1.xml')!.async('string');
    zip.file('xl/tables/table1.xml', editTable(table.replace(/ headerRowCount="1"/g, '')));
    if (richHeader) {
      const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
      zip.file('xl/sharedStrings.xml', strings.replace('<si><t>N° marché</t></si>', '<si><r><rPr><b/></rPr><t xml:space="preserve">N° </t></r><r><t>marché</t></r></si>'));
    }
    return zip.generateAsync({ type: 'uint8array' });
  }
  const TABLE = [{ name: 'Suivi', headerRow: 1, firstCol: 1, lastCol: 2, lastRow: 3 }];

  it('filter buttons turned off (no autoFilter): the header cells name the columns, the table bounds the register', async () => {
    const input = await excelTable((xml) => xml.replace(/<autoFilter\b[^>]*\/>|<autoFilter\b[\s\S]*?<\/autoFilter>/, ''));
    expect(await (await JSZip.loadAsync(input)).file('xl/tables/table1.xml')!.async('string')).not.toMatch(/autoFilter|headerRowCount/);
    const [grid] = await (await openXlsx(input, 'suivi.xlsx')).readSheets();
    expect(grid.tables).toEqual(TABLE);
  });

  it('a header cell in rich text (not its column name as a plain text): the filter buttons say the header row is there', async () => {
    const input = await excelTable((xml) => xml, true);
    expect(await (await JSZip.loadAsync(input)).file('xl/tables/table1.xml')!.async('string')).toMatch(/<autoFilter/);
    expect(await (await JSZip.loadAsync(input)).file('xl/sharedStrings.xml')!.async('string')).toContain('<r><rPr><b/>');
    const [grid] = await (await openXlsx(input, 'suivi.xlsx')).readSheets();
    expect(grid.tables).toEqual(TABLE);
  });
});

/**
 * Found by the blind producers test (ERP/BI export): valid packages that ExcelJS 4.4
 * does not read as they are, and that were refused as « archive endommagée » or read
 * without a sheet. They are read through a copy in ExcelJS's form (`reading-copy.ts`).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { withRowAndCellNumbers } from '../../../src/workbook/xlsx/reading-copy';

async function twoSheets(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Marchés').addRow(['N° de marché', 'Objet', 'Montant HT']);
  wb.getWorksheet('Marchés')!.addRow(['2025-001', 'Nettoyage', 1200]);
  wb.addWorksheet('Notes').addRow(['Note']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** `xl/worksheets/sheet1.xml` moved to `to`, named by an absolute target as System.IO.Packaging writes it. */
async function withSheetPart(bytes: Uint8Array, to: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(to, await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array'));
  zip.remove('xl/worksheets/sheet1.xml');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('Target="worksheets/sheet1.xml"', `Target="/${to}"`));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('PartName="/xl/worksheets/sheet1.xml"', `PartName="/${to}"`));
  return zip.generateAsync({ type: 'uint8array' });
}

const values = (ws: ExcelJS.Worksheet) => ws.getSheetValues().slice(1).map((r) => (r as unknown[] | undefined)?.slice(1) ?? null);

describe('worksheet parts ExcelJS does not look for', () => {
  it('a sheet stored as xl/worksheets/sheet.xml is read (it was « archive endommagée » when alone)', async () => {
    const bytes = await withSheetPart(await twoSheets(), 'xl/worksheets/sheet.xml');
    const wb = (await openXlsx(bytes, 'export.xlsx')).workbook;
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Marchés', 'Notes']);
    expect(values(wb.getWorksheet('Marchés')!)).toEqual([
      ['N° de marché', 'Objet', 'Montant HT'],
      ['2025-001', 'Nettoyage', 1200],
    ]);
  });

  it('a sheet stored outside xl/worksheets/ is read too, beside one that ExcelJS reads (no sheet left out without a word)', async () => {
    const bytes = await withSheetPart(await twoSheets(), 'xl/data/marches.xml');
    const wb = (await openXlsx(bytes, 'export.xlsx')).workbook;
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Marchés', 'Notes']);
    expect(wb.getWorksheet('Marchés')!.getCell('C2').value).toBe(1200);
  });
});

describe('rows and cells without `r`', () => {
  it('each row follows the previous one and each cell the previous one in its row; an `r` given sets the place', () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="2" width="9"/></cols><sheetData>' +
      '<row><c t="inlineStr"><is><t>a</t></is></c><c/><c><v>1</v></c></row>' +
      '<row r="5"><c r="C5"><v>2</v></c><c t="str"><v>x</v></c></row>' +
      '<row><c><v>3</v></c></row></sheetData></worksheet>';
    expect(withRowAndCellNumbers(xml)).toBe(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="2" width="9"/></cols><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"/><c r="C1"><v>1</v></c></row>' +
        '<row r="5"><c r="C5"><v>2</v></c><c r="D5" t="str"><v>x</v></c></row>' +
        '<row r="6"><c r="A6"><v>3</v></c></row></sheetData></worksheet>',
    );
  });

  it('a sheet whose rows and cells all have `r` is left alone', () => {
    expect(withRowAndCellNumbers('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>')).toBeNull();
  });

  it('a file written so is read, with every value at its place', async () => {
    const zip = await JSZip.loadAsync(await twoSheets());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace(/(<row|<c)\s+r="[A-Z]*\d+"/g, '$1'));
    const wb = (await openXlsx(await zip.generateAsync({ type: 'uint8array' }), 'export.xlsx')).workbook;
    expect(values(wb.getWorksheet('Marchés')!)).toEqual([
      ['N° de marché', 'Objet', 'Montant HT'],
      ['2025-001', 'Nettoyage', 1200],
    ]);
  });
});

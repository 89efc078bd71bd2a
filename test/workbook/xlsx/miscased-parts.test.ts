/**
 * Part names of an `.xlsx` ignore case (Open Packaging Conventions): `xl/SharedStrings.xml` is the
 * part `xl/sharedStrings.xml`, and Excel opens such a file. ExcelJS looks for one exact name: it
 * read every shared text as its index (« 0 », « 1 »…) or refused the file as damaged. The file
 * must read as Excel shows it, and be written back with its parts where they were, once each.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { buyerWorkbook, samplePlan, toBytes } from './fixtures';
import { parts } from './package-checks';

/** Stores a part of the package under another name, its bytes unchanged. */
async function renamePart(zip: JSZip, from: string, to: string): Promise<void> {
  const content = await zip.file(from)!.async('uint8array');
  zip.remove(from);
  zip.file(to, content);
}

/** The package with these parts stored under another name (the same but for case). */
async function miscased(bytes: Uint8Array, renames: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [from, to] of Object.entries(renames)) await renamePart(zip, from, to);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

function register(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  ws.addRow(['N° marché', 'Objet', 'Montant HT']);
  ws.addRow(['2025-001', 'Entretien des espaces verts', 12500]);
  ws.addRow(['2025-002', 'Fournitures de bureau', 830.5]);
  return wb;
}

describe('a part stored under another case than the name ExcelJS looks for', () => {
  it('shared texts (`xl/SharedStrings.xml`) read as texts, not as their indices', async () => {
    const input = await miscased(await toBytes(register()), { 'xl/sharedStrings.xml': 'xl/SharedStrings.xml' });
    const [grid] = await (await openXlsx(input, 'suivi.xlsx')).readSheets();
    expect(grid.name).toBe('Suivi');
    expect(grid.rows.slice(0, 3)).toEqual([
      ['N° marché', 'Objet', 'Montant HT'],
      ['2025-001', 'Entretien des espaces verts', 12500],
      ['2025-002', 'Fournitures de bureau', 830.5],
    ]);
  });

  it.each([
    ['the styles', { 'xl/styles.xml': 'xl/Styles.xml' }],
    ['the shared texts', { 'xl/sharedStrings.xml': 'xl/SharedStrings.xml' }],
    ['the workbook and its relationships', { 'xl/workbook.xml': 'xl/Workbook.xml', 'xl/_rels/workbook.xml.rels': 'xl/_rels/Workbook.xml.rels' }],
  ])('%s: the file is read and written back, its parts kept under their names, once each', async (_, renames) => {
    const original = buyerWorkbook();
    const input = await miscased(await toBytes(original), renames);
    const book = await openXlsx(input, 'suivi.xlsx');
    const grids = await book.readSheets();
    // Its title cell (A1) reads as the text it is.
    expect(grids.find((g) => g.name === 'Suivi 2025')?.rows[0][0]).toBe('Suivi des marchés 2025');
    await book.writePlan(samplePlan());
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    const names = [...(await parts(output)).keys()];
    for (const [from, to] of Object.entries(renames)) {
      expect(names.filter((n) => n.toLowerCase() === from.toLowerCase())).toEqual([to]);
    }
    // The user's sheet reads back as it was written (read through the same copy ExcelJS needs).
    const again = await openXlsx(output, 'suivi.xlsx');
    const back = (await again.readSheets()).find((g) => g.name === 'Suivi 2025');
    expect(back?.rows).toEqual(grids.find((g) => g.name === 'Suivi 2025')?.rows);
    expect((await again.readSheets()).map((g) => g.name)).toContain('SPASER Registre');
  });

  it('the same file with its parts under their usual names reads the same', async () => {
    const plain = await toBytes(buyerWorkbook());
    const input = await miscased(plain, { 'xl/sharedStrings.xml': 'xl/SharedStrings.xml', 'xl/styles.xml': 'xl/Styles.xml' });
    const a = (await (await openXlsx(plain, 'a.xlsx')).readSheets()).map((g) => [g.name, g.rows]);
    const b = (await (await openXlsx(input, 'a.xlsx')).readSheets()).map((g) => [g.name, g.rows]);
    expect(b).toEqual(a);
  });
});

describe('an Excel table stored or targeted otherwise than ExcelJS expects', () => {
  // Valid packages (a relationship target may be absolute, a part may have any name): Excel opens
  // them, ExcelJS failed on the sheet and the file was refused as « archive endommagée ».
  function tableWorkbook(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi');
    ws.getCell('A1').value = 'Suivi des marchés';
    ws.addTable({ name: 'Marches', ref: 'A3', headerRow: true, columns: [{ name: 'N° marché' }, { name: 'Objet' }], rows: [['2025-1', 'Travaux'], ['2025-2', 'Études']] });
    return wb;
  }

  async function edited(edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await toBytes(tableWorkbook()));
    await edit(zip);
    return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
  }

  const RELS = 'xl/worksheets/_rels/sheet1.xml.rels';
  async function retarget(zip: JSZip, target: string) {
    zip.file(RELS, (await zip.file(RELS)!.async('string')).replace('Target="../tables/table1.xml"', `Target="${target}"`));
  }
  async function move(zip: JSZip, to: string) {
    await renamePart(zip, 'xl/tables/table1.xml', to);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('PartName="/xl/tables/table1.xml"', `PartName="/${to}"`));
  }

  it.each([
    ['an absolute target', (zip: JSZip) => retarget(zip, '/xl/tables/table1.xml')],
    ['a part under another case', (zip: JSZip) => move(zip, 'xl/tables/Table1.xml')],
    ['a part of another name', async (zip: JSZip) => {
      await move(zip, 'xl/tables/Marches.xml');
      await retarget(zip, '../tables/Marches.xml');
    }],
  ])('%s: the table bounds the register as usual, and the file is written back whole', async (_, edit) => {
    const plain = (await (await openXlsx(await toBytes(tableWorkbook()), 'suivi.xlsx')).readSheets())[0];
    // Guards the comparison: the table is found in the plain file, header on row 3.
    expect(plain.tables).toEqual([{ name: 'Marches', headerRow: 3, firstCol: 1, lastCol: 2, lastRow: 5 }]);

    const input = await edited(edit);
    const book = await openXlsx(input, 'suivi.xlsx');
    const [grid] = await book.readSheets();
    expect(grid.tables).toEqual(plain.tables);
    expect(grid.rows).toEqual(plain.rows);

    await book.writePlan(samplePlan());
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    const again = await openXlsx(output, 'suivi.xlsx');
    const sheets = await again.readSheets();
    expect(sheets.find((g) => g.name === 'Suivi')?.tables).toEqual(plain.tables);
    expect(sheets.map((g) => g.name)).toContain('SPASER Registre');
  });
});

describe('notes whose parts are stored or targeted otherwise than ExcelJS expects', () => {
  // Notes (a comments part and its VML drawing) are common in tracking workbooks; an export that
  // targets them by absolute path, or names them its own way, was refused as « archive endommagée ».
  async function withNote(edit: (zip: JSZip, rels: string) => Promise<string>): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi');
    ws.addRow(['N° marché', 'Objet']);
    ws.addRow(['2025-1', 'Travaux']);
    ws.getCell('B2').note = 'à relancer';
    const zip = await JSZip.loadAsync(await toBytes(wb));
    const RELS = 'xl/worksheets/_rels/sheet1.xml.rels';
    zip.file(RELS, await edit(zip, await zip.file(RELS)!.async('string')));
    return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
  }

  it.each([
    ['absolute targets', async (_: JSZip, rels: string) =>
      rels.replace('Target="../comments1.xml"', 'Target="/xl/comments1.xml"').replace('Target="../drawings/vmlDrawing1.vml"', 'Target="/xl/drawings/vmlDrawing1.vml"')],
    ['parts of other names', async (zip: JSZip, rels: string) => {
      await renamePart(zip, 'xl/comments1.xml', 'xl/comments/comment1.xml');
      await renamePart(zip, 'xl/drawings/vmlDrawing1.vml', 'xl/drawings/vmlDrawingNotes.vml');
      return rels.replace('Target="../comments1.xml"', 'Target="../comments/comment1.xml"').replace('Target="../drawings/vmlDrawing1.vml"', 'Target="../drawings/vmlDrawingNotes.vml"');
    }],
  ])('%s: the sheet is read, and written back with its note', async (_, edit) => {
    const input = await withNote(edit);
    const book = await openXlsx(input, 'suivi.xlsx');
    const [grid] = await book.readSheets();
    expect(grid.rows).toEqual([['N° marché', 'Objet'], ['2025-1', 'Travaux']]);
    await book.writePlan(samplePlan());
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    // The user's note is still in the file (the original parts are kept), and the file reads.
    const after = await parts(output);
    expect([...after.values()].some((b) => b.toString('utf8').includes('à relancer'))).toBe(true);
    expect((await (await openXlsx(output, 'suivi.xlsx')).readSheets()).map((g) => g.name)).toContain('SPASER Registre');
  });
});

describe("a worksheet's relationships stored under another case", () => {
  it('(`xl/worksheets/_rels/Sheet1.xml.rels`) are read: the sheet and its table are there', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Suivi').addTable({ name: 'Marches', ref: 'A1', headerRow: true, columns: [{ name: 'N° marché' }, { name: 'Objet' }], rows: [['2025-1', 'Travaux']] });
    const input = await miscased(await toBytes(wb), { 'xl/worksheets/_rels/sheet1.xml.rels': 'xl/worksheets/_rels/Sheet1.xml.rels' });
    const [grid] = await (await openXlsx(input, 'suivi.xlsx')).readSheets();
    expect(grid.rows).toEqual([['N° marché', 'Objet'], ['2025-1', 'Travaux']]);
    expect(grid.tables).toEqual([{ name: 'Marches', headerRow: 1, firstCol: 1, lastCol: 2, lastRow: 2 }]);
  });
});

/**
 * Session-21 mutation audit of `reading-copy.ts`, second pass: packages whose parts ExcelJS
 * looks for under other names, in combinations no test held.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { toBytes, withFirstSheetXml } from './fixtures';

function register(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  ws.addRow(['N° marché', 'Objet', 'Montant HT']);
  ws.addRow(['2025-001', 'Entretien des espaces verts', 12500]);
  return wb;
}

/** The package with these parts stored under other names, bytes unchanged, and text edits applied. */
async function repacked(bytes: Uint8Array, renames: Record<string, string>, edits: Record<string, (xml: string) => string> = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [from, to] of Object.entries(renames)) {
    const content = await zip.file(from)!.async('uint8array');
    zip.remove(from);
    zip.file(to, content);
  }
  for (const [part, edit] of Object.entries(edits)) zip.file(part, edit(await zip.file(part)!.async('string')));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

describe('a workbook part stored under another case, with its shared texts under another name too', () => {
  it('the shared texts read as texts (the workbook found case-insensitively), not as their indices', async () => {
    const input = await repacked(
      await toBytes(register()),
      {
        'xl/workbook.xml': 'xl/Workbook.xml',
        'xl/_rels/workbook.xml.rels': 'xl/_rels/Workbook.xml.rels',
        'xl/sharedStrings.xml': 'xl/SharedStrings.xml',
      },
      { '_rels/.rels': (xml) => xml.replace('Target="xl/workbook.xml"', 'Target="xl/Workbook.xml"') },
    );
    // Guards the edit: the root relationships name the workbook part as it is stored.
    expect(await (await JSZip.loadAsync(input)).file('_rels/.rels')!.async('string')).toContain('Target="xl/Workbook.xml"');
    const [grid] = await (await openXlsx(input, 'suivi.xlsx')).readSheets();
    expect(grid.rows.slice(0, 2)).toEqual([
      ['N° marché', 'Objet', 'Montant HT'],
      ['2025-001', 'Entretien des espaces verts', 12500],
    ]);
  });
});

describe('an Excel table stored in another folder under a name ExcelJS knows', () => {
  it('xl/data/table1.xml: the table bounds the register as it does from xl/tables/', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi');
    ws.getCell('A1').value = 'Suivi des marchés';
    ws.addTable({ name: 'Marches', ref: 'A3', headerRow: true, columns: [{ name: 'N° marché' }, { name: 'Objet' }], rows: [['2025-1', 'Travaux'], ['2025-2', 'Études']] });
    const plain = await toBytes(wb);
    const expected = (await (await openXlsx(plain, 'suivi.xlsx')).readSheets())[0];
    expect(expected.tables).toEqual([{ name: 'Marches', headerRow: 3, firstCol: 1, lastCol: 2, lastRow: 5 }]);

    const input = await repacked(plain, { 'xl/tables/table1.xml': 'xl/data/table1.xml' }, {
      'xl/worksheets/_rels/sheet1.xml.rels': (xml) => xml.replace('Target="../tables/table1.xml"', 'Target="../data/table1.xml"'),
      '[Content_Types].xml': (xml) => xml.replace('PartName="/xl/tables/table1.xml"', 'PartName="/xl/data/table1.xml"'),
    });
    expect(await (await JSZip.loadAsync(input)).file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string')).toContain('Target="../data/table1.xml"');
    const [grid] = await (await openXlsx(input, 'suivi.xlsx')).readSheets();
    expect(grid.tables).toEqual(expected.tables);
    expect(grid.rows).toEqual(expected.rows);
  });
});

describe('rows numbered, cells not (`<row r="2"><c t="s">…`)', () => {
  it('every cell is read at its place: the cells are numbered in the copy ExcelJS reads', async () => {
    const input = await withFirstSheetXml(await toBytes(register()), (xml) => xml.replace(/(<c)\s+r="[A-Z]+\d+"/g, '$1'));
    const sheet = await (await JSZip.loadAsync(input)).file('xl/worksheets/sheet1.xml')!.async('string');
    // Guards the edit: rows keep their `r`, no cell has one.
    expect(sheet).toMatch(/<row r="2"/);
    expect(sheet).not.toMatch(/<c\s+r=/);
    const [grid] = await (await openXlsx(input, 'suivi.xlsx')).readSheets();
    expect(grid.rows.slice(0, 2)).toEqual([
      ['N° marché', 'Objet', 'Montant HT'],
      ['2025-001', 'Entretien des espaces verts', 12500],
    ]);
  });
});

describe('a long text of emoji in a sheet that needs the copy', () => {
  // JSZip encodes a string in slices of 16,384 UTF-16 units: an emoji across two slices came
  // back as two U+FFFD. One of the two prefixes puts an emoji across the slice boundary.
  it.each(['x', 'xy'])('prefix %s: the text reads back whole', async (prefix) => {
    const text = prefix + '😀'.repeat(9000);
    const zip = await JSZip.loadAsync(await toBytes(register()));
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string'))
      .replace(/<c r="A1"[^>]*>[\s\S]*?<\/c>/, `<c r="A1" t="inlineStr"><is><t>${text}</t></is></c>`)
      // Cells without `r`: the sheet is rewritten in the copy.
      .replace(/(<c)\s+r="[A-Z]+\d+"/g, '$1');
    // As bytes: a string would meet the very slicing this is about.
    zip.file('xl/worksheets/sheet1.xml', new TextEncoder().encode(xml));
    const input = await zip.generateAsync({ type: 'uint8array' });
    const [grid] = await (await openXlsx(input, 'notes.xlsx')).readSheets();
    const read = grid.rows[0][0] as string;
    // Compared by length and marks, not printed whole.
    expect([read.length, read.includes('\ufffd'), read === text]).toEqual([text.length, false, true]);
    expect(grid.rows[1]).toEqual(['2025-001', 'Entretien des espaces verts', 12500]);
  });
});

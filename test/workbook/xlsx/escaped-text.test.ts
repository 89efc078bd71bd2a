/**
 * Texts with an escaped character (OOXML `ST_Xstring`: `_x000D_` is a carriage return, the CR of
 * a CRLF line break typed or exported from Windows) stored in the cell itself (`t="inlineStr"`,
 * as exporters that skip the shared strings write it) or as a formula's text result
 * (`t="str"`). Excel shows the character; ExcelJS 4.4 decodes these escapes in the shared strings
 * only, and left « Date de_x000D_ notification », a header naming no field.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { decodedText, typedCells } from '../../../src/workbook/xlsx/misread-cells';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { excelText } from '../../../src/workbook/xlsx/write-plan';
import { type RawCell, toBytes, withFirstSheetXml, withRawCells } from './fixtures';

/** A register of two rows with a « Remarque » column (E). */
function register(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Remarque']);
  ws.addRow(['2025-001', 'Entretien des espaces verts', 12500, new Date(Date.UTC(2025, 2, 14)), 'r1']);
  ws.addRow(['2025-002', 'Fournitures de bureau', 830.5, new Date(Date.UTC(2025, 3, 1)), 'r2']);
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  return wb;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The register with these cells replaced by raw cell XML, their style kept. */
async function withCells(cells: Record<string, RawCell>): Promise<Uint8Array> {
  return withRawCells(await toBytes(register()), cells);
}

const inline = (text: string) => ({ type: 'inlineStr', inner: `<is><t xml:space="preserve">${xmlText(text)}</t></is>` });

async function gridOf(bytes: Uint8Array) {
  const book = await openXlsx(bytes, 'export.xlsx');
  return { book, grid: (await book.readSheets())[0] };
}

describe('escaped characters in inline strings and formula text results', () => {
  it('an inline header with an escaped CR reads as Excel shows it, and names its field', async () => {
    const input = await withCells({ D1: inline('Date de_x000D_\nnotification'), B2: inline('Entretien_x000D_\nlot 1') });
    const { grid } = await gridOf(input);
    expect(grid.rows[0][3]).toBe('Date de\r\nnotification');
    expect(grid.rows[1][1]).toBe('Entretien\r\nlot 1');
    const out = runChain([{ file: 'export.xlsx', sheets: [grid], state: null }], { writesCharts: false, today: '2026-01-15' });
    expect(out.register.mappings[0].columns.find((c) => c.col === 4)?.field).toBe('dateNotification');
    expect(out.result.lignes).toMatchObject({ lues: 2, erreurs: 0 });
  });

  it('a formula whose cached text result holds an escape reads decoded, its formula kept', async () => {
    const input = await withCells({ E2: { type: 'str', inner: '<f>A2&amp;"x"</f><v>tab_x0009_x</v>' }, E3: { type: 'str', inner: '<v>sans_x000D_formule</v>' } });
    const { book, grid } = await gridOf(input);
    expect(grid.rows.slice(1).map((r) => r[4])).toEqual(['tab\tx', 'sans\rformule']);
    const cell = book.workbook.worksheets[0].getCell('E2');
    expect([cell.formula, cell.result]).toEqual(['A2&"x"', 'tab\tx']);
  });

  it('a hyperlink cell stored inline reads decoded and keeps its link', async () => {
    const wb = register();
    wb.worksheets[0].getCell('E2').value = { text: 'voir', hyperlink: 'https://marches.example/2025-001' };
    const input = await withFirstSheetXml(await toBytes(wb), (xml) => {
      const out = xml.replace(/<c r="E2"([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/, '<c r="E2" t="inlineStr"><is><t>Pièce_x000D_\njointe</t></is></c>');
      expect(out).toContain('<hyperlink ');
      return out;
    });
    const { book, grid } = await gridOf(input);
    expect(grid.rows[1][4]).toBe('Pièce\r\njointe');
    expect(book.workbook.worksheets[0].getCell('E2').value).toEqual({ text: 'Pièce\r\njointe', hyperlink: 'https://marches.example/2025-001' });
  });

  it('decodes once: an escaped underscore gives back a literal escape', async () => {
    const input = await withCells({ E2: inline('code _x005F_x000D_ littéral') });
    expect((await gridOf(input)).grid.rows[1][4]).toBe('code _x000D_ littéral');
  });

  it('shared strings and rich runs, which ExcelJS decodes, are not decoded twice', async () => {
    // A shared string holding a literal escape (`_x005F_` is the underscore), read by ExcelJS as
    // `lit_x0041_`: the sheet is looked into again, and this cell must stay as it is.
    const zip = await JSZip.loadAsync(await toBytes(register()));
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(sst).toContain('<t>r1</t>');
    zip.file('xl/sharedStrings.xml', sst.replace('<t>r1</t>', '<t>lit_x005F_x0041_</t>'));
    const shared = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    const input = await withFirstSheetXml(shared, (xml) =>
      xml.replace(/<c r="E3"([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/, '<c r="E3" t="inlineStr"><is><r><t>run_x005F_x0042_</t></r></is></c>'),
    );
    const { grid } = await gridOf(input);
    expect(grid.rows.slice(1).map((r) => r[4])).toEqual(['lit_x0041_', 'run_x0042_']);
  });

  it('lower-case hexadecimal is no escape (read as written, as ExcelJS reads shared strings)', async () => {
    const input = await withCells({ E2: inline('a_x000d_b') });
    expect((await gridOf(input)).grid.rows[1][4]).toBe('a_x000d_b');
  });

  it('an inline string without escape is left to ExcelJS (not listed), with or without prefix', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1">' +
      '<x:c r="A1" t="inlineStr"><x:is><x:t>plain</x:t></x:is></x:c>' +
      '<x:c r="B1" t="inlineStr"><x:is><x:t>a_x000D_b</x:t><x:rPh sb="0" eb="1"><x:t>ignored_x000D_</x:t></x:rPh></x:is></x:c>' +
      '<x:c r="C1" t="str"><x:f>1</x:f><x:v>c_x0009_</x:v></x:c>' +
      '<x:c r="D1" t="inlineStr"><x:is><x:r><x:t>rich_x000D_</x:t></x:r></x:is></x:c>' +
      '</x:row></x:sheetData></x:worksheet>';
    expect(typedCells(xml)).toEqual([
      { ref: 'B1', type: 'inlineStr', text: 'a_x000D_b', formula: false },
      { ref: 'C1', type: 'str', text: 'c_x0009_', formula: true },
    ]);
  });

  it('property: any text as our writer stores it reads back as itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(decodedText(excelText(s))).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^(?:[a-z _]|_x[0-9A-Fa-f]{4}_|_x005F_)*$/), (s) => {
        expect(decodedText(excelText(s))).toBe(s);
      }),
    );
  });

  it('property: any text stored inline, escaped, reads back as itself', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^(?:[a-zé \n\r\t]|_x[0-9A-F]{4}_)+$/), async (s) => {
        fc.pre(s.trim() !== '' && !/[\uD800-\uDFFF\uFFFE\uFFFF\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s));
        const input = await withCells({ E2: inline(excelText(s)) });
        expect((await gridOf(input)).grid.rows[1][4]).toBe(s);
      }),
      { numRuns: 20 },
    );
  });
});

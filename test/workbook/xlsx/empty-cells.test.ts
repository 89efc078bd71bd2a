/**
 * A sheet formatted far beyond its data (a border on A2:T1048576) ran the command line out of
 * memory after 161 s (exit 134, « JavaScript heap out of memory »): ExcelJS builds an object per
 * formatted cell. ExcelJS now reads a copy without the empty cells; the file keeps them
 * (session 24 review of odd workbooks).
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { withoutEmptyCells, EMPTY_CELLS_MIN_PART_BYTES } from '../../../src/workbook/xlsx/empty-cells';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { runChain } from '../../../src/domain/chain';
import { SHEET_REGISTRE } from '../../../src/domain/plan-types';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));
const sheet = (data: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="2" width="9"/></cols><sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

describe('withoutEmptyCells', () => {
  it('drops empty cells, self-closing or not, and the rows they leave empty; keeps every cell that holds something', () => {
    const before = sheet(
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"/><c r="C1" s="2"></c></row>' +
        '<row r="2"><c r="A2"><f>1+1</f></c><c r="B2" t="inlineStr"><is><t>x</t></is></c><c r="C2" s="1"/></row>' +
        '<row r="3" ht="30" customHeight="1"><c r="A3" s="1"/><c r="B3" s="1"></c></row>' +
        '<row r="4" s="3" customFormat="1"/>' +
        '<row r="5"><c r="A5" t="e"><v>#N/A</v></c></row>',
    );
    expect(dec(withoutEmptyCells(enc(before)))).toBe(
      sheet(
        '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row>' +
          '<row r="2"><c r="A2"><f>1+1</f></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>' +
          '<row r="5"><c r="A5" t="e"><v>#N/A</v></c></row>',
      ),
    );
  });

  it('null when nothing is empty, and when a row or a cell has no r (its place hangs on the ones before)', () => {
    expect(withoutEmptyCells(enc(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')))).toBeNull();
    expect(withoutEmptyCells(enc(sheet('<row r="1"><c s="1"/><c><v>1</v></c></row>')))).toBeNull();
    expect(withoutEmptyCells(enc(sheet('<row><c r="A1" s="1"/></row>')))).toBeNull();
    expect(withoutEmptyCells(enc('<worksheet/>'))).toBeNull();
    // A prefixed SpreadsheetML (`x:c`) is left to the reading copy: nothing recognised, nothing dropped.
    expect(withoutEmptyCells(enc(sheet('<x:row r="1"><x:c r="A1" s="1"/></x:row>')))).toBeNull();
  });

  it('reads attribute values whole: a « > » or « r=" » inside one does not end the tag nor count as r', () => {
    const xml = sheet('<row r="1"><c r="A1" s="1" x:note="a > b"/><c r="B1"><v>2</v></c></row><row r="2"><c s="1" x:k=" r=1"/></row>');
    expect(withoutEmptyCells(enc(xml))).toBeNull();
    const ok = sheet('<row r="1"><c r="A1" s="1" x:note="a > b"/><c r="B1"><v>2</v></c></row>');
    expect(dec(withoutEmptyCells(enc(ok)))).toBe(sheet('<row r="1"><c r="B1"><v>2</v></c></row>'));
  });

  it('finds an empty cell cut in two by the 16 MiB chunks of its first search', () => {
    const row = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r % 10}</v></c></row>`;
    const head = sheet('').split('<sheetData>')[0] + '<sheetData>';
    const rows: string[] = [];
    let length = head.length;
    let r = 1;
    // Values up to just before byte 2^24 past `<sheetData`, then an empty cell whose « "/> » straddles it.
    const cut = head.indexOf('<sheetData') + (1 << 24);
    while (length + row(r).length < cut - 100) {
      rows.push(row(r));
      length += row(r).length;
      r++;
    }
    const prefix = `${head}${rows.join('')}<row r="${r}"><c r="A${r}"><v>`;
    const tail = `</v></c><c r="B${r}" s="1"/></row></sheetData></worksheet>`;
    const xml = prefix + '7'.repeat(cut - 1 - prefix.length - tail.indexOf('"/>')) + tail;
    // The quote is the chunk's last byte, « /> » the next chunk's first.
    expect(xml.indexOf('"/>', head.length)).toBe(cut - 1);
    const out = dec(withoutEmptyCells(enc(xml)));
    expect(out).not.toBeNull();
    expect(out).not.toContain(`<c r="B${r}" s="1"/>`);
  });

  it('property: the cells holding something, and their order, are those of the sheet; no empty cell is left', () => {
    const cell = fc.oneof(
      fc.constant('<c r="@" s="1"/>'),
      fc.constant('<c r="@"></c>'),
      fc.constant('<c r="@" t="s"><v>3</v></c>'),
      fc.constant('<c r="@"><f>A1</f></c>'),
      fc.constant('<c r="@" t="inlineStr"><is><t>é &amp; &lt;c r=&quot;Z9&quot;/&gt;</t></is></c>'),
    );
    const rows = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, (spec) => {
        const data = spec.map((cells, r) => `<row r="${r + 1}">${cells.map((c, k) => c.replace('@', `${String.fromCharCode(65 + k)}${r + 1}`)).join('')}</row>`).join('');
        const xml = sheet(data);
        const out = dec(withoutEmptyCells(enc(xml))) ?? xml;
        const full = (s: string) => [...s.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?<!\/)>(?!<\/c>)/g)].map((m) => m[1]);
        expect(full(out)).toEqual(full(xml));
        expect(out).not.toMatch(/<c [^>]*\/>|<c [^>]*><\/c>|<row [^>]*><\/row>/);
        expect(out.replace(/<sheetData>.*<\/sheetData>/, '')).toBe(xml.replace(/<sheetData>.*<\/sheetData>/, ''));
      }),
    );
  });
});

describe('a workbook formatted far below its register', () => {
  /** A register of 3 contracts, then `formatted` rows of 20 empty bordered cells, as Excel writes them. */
  async function workbook(formatted: number): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification']);
    ws.addRow(['M-1', 'Papier', 100, new Date(Date.UTC(2025, 1, 1))]);
    ws.addRow(['M-2', 'Encre', 200, new Date(Date.UTC(2025, 2, 1))]);
    ws.addRow(['M-3', 'Toner', 300, new Date(Date.UTC(2025, 3, 1))]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const letters = Array.from({ length: 20 }, (_, k) => String.fromCharCode(65 + k));
    const rows: string[] = [];
    for (let r = 5; r < 5 + formatted; r++) rows.push(`<row r="${r}">${letters.map((l) => `<c r="${l}${r}" s="1"/>`).join('')}</row>`);
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `${rows.join('')}</sheetData>`));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('reads the register as without the formatting, and the saved file keeps the sheet as it was', async () => {
    // 25 000 rows of 20 cells: over the part size from which empty cells are dropped.
    const bytes = await workbook(25_000);
    const part = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('uint8array');
    expect(part.length).toBeGreaterThan(EMPTY_CELLS_MIN_PART_BYTES);
    const opened = await openXlsx(bytes, 'Suivi.xlsx');
    const sheets = await opened.readSheets();
    const plain = await (await openXlsx(await workbook(0), 'Suivi.xlsx')).readSheets();
    expect(sheets).toEqual(plain);
    // ExcelJS's model holds the register's rows only, not 25 000 formatted ones.
    expect(opened.workbook.worksheets[0].rowCount).toBe(4);

    const out = runChain([{ file: 'Suivi.xlsx', sheets, state: null }], { today: '2026-01-15', writesCharts: true });
    expect(out.result.lignes.lues).toBe(3);
    await opened.writePlan(out.plan);
    const saved = await JSZip.loadAsync(await opened.saveXlsx());
    const kept = await saved.file('xl/worksheets/sheet1.xml')!.async('uint8array');
    expect(Buffer.from(kept).equals(Buffer.from(part))).toBe(true);
    expect(Object.keys(saved.files).length).toBeGreaterThan(1);
    expect((await (await openXlsx(await saved.generateAsync({ type: 'uint8array' }), 'x.xlsx')).readSheets()).map((s) => s.name)).toContain(SHEET_REGISTRE);
  });
});

/**
 * Mutation audit of the reading copy (`reading-copy.ts`): exports of business
 * applications whose worksheet parts ExcelJS does not look for, or whose rows and
 * cells have no `r`, are read whole — every sheet, every column, the Excel tables
 * of a moved sheet (a table bounds the register: regles.md, « totals row »).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { Package } from '../../../src/workbook/xlsx/package';
import { excelJsWouldMisread, readableCopy, withRowAndCellNumbers } from '../../../src/workbook/xlsx/reading-copy';

const toBytes = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

/** Moves worksheet parts (and their relationships, targets rewritten) as an export may store them. */
async function moveSheets(bytes: Uint8Array, moves: Record<string, { to: string; relTargets?: Record<string, string> }>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  let types = await zip.file('[Content_Types].xml')!.async('string');
  for (const [from, { to, relTargets }] of Object.entries(moves)) {
    zip.file(to, await zip.file(from)!.async('uint8array'));
    zip.remove(from);
    const relsFrom = from.replace(/([^/]+)$/, '_rels/$1.rels');
    const rels = zip.file(relsFrom);
    if (rels) {
      let xml = await rels.async('string');
      for (const [a, b] of Object.entries(relTargets ?? {})) xml = xml.split(`Target="${a}"`).join(`Target="${b}"`);
      zip.remove(relsFrom);
      zip.file(to.replace(/([^/]+)$/, '_rels/$1.rels'), xml);
    }
    wbRels = wbRels.replace(`Target="${from.replace(/^xl\//, '')}"`, `Target="/${to}"`);
    types = types.replace(`PartName="/${from}"`, `PartName="/${to}"`);
  }
  zip.file('xl/_rels/workbook.xml.rels', wbRels);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('worksheet parts ExcelJS does not look for', () => {
  it('two such sheets are both read, each at its own place', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Marchés').addRow(['N° marché', 'Montant HT']);
    wb.getWorksheet('Marchés')!.addRow(['M-1', 1200]);
    wb.addWorksheet('Suivi').addRow(['Bénéficiaire', 'Heures']);
    wb.getWorksheet('Suivi')!.addRow(['B-1', 35]);
    const bytes = await moveSheets(await toBytes(wb), {
      'xl/worksheets/sheet1.xml': { to: 'xl/data/marches.xml' },
      'xl/worksheets/sheet2.xml': { to: 'xl/data/suivi.xml' },
    });
    const sheets = await (await openXlsx(bytes, 'export.xlsx')).readSheets();
    expect(sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Marchés', [['N° marché', 'Montant HT'], ['M-1', 1200]]],
      ['Suivi', [['Bénéficiaire', 'Heures'], ['B-1', 35]]],
    ]);
  });

  it('a moved sheet keeps its Excel table, whose part is named from its new place', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addTable({
      name: 'Registre',
      ref: 'A1',
      columns: [{ name: 'N° marché' }, { name: 'Montant HT' }],
      rows: [
        ['M-1', 1200],
        ['M-2', 300],
      ],
    });
    const plain = await (await openXlsx(await toBytes(wb), 'a.xlsx')).readSheets();
    expect(plain[0].tables.length).toBe(1);
    // From xl/marches.xml the table part is tables/table1.xml (it was ../tables/table1.xml).
    const bytes = await moveSheets(await toBytes(wb), {
      'xl/worksheets/sheet1.xml': { to: 'xl/marches.xml', relTargets: { '../tables/table1.xml': 'tables/table1.xml' } },
    });
    const [sheet] = await (await openXlsx(bytes, 'export.xlsx')).readSheets();
    expect(sheet.rows).toEqual([
      ['N° marché', 'Montant HT'],
      ['M-1', 1200],
      ['M-2', 300],
    ]);
    expect(sheet.tables).toEqual(plain[0].tables);
  });

  it('a workbook ExcelJS reads as it is needs no copy', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Marchés').addRow(['N° marché']);
    wb.addWorksheet('Notes').addRow(['x']);
    const bytes = await toBytes(wb);
    expect(await excelJsWouldMisread(await Package.load(bytes))).toBe(false);
    expect(await readableCopy(bytes)).toBeNull();
  });
});

describe('cells without `r` beyond column Z', () => {
  it('the 27th, 52nd and 53rd cells of a row are AA, AZ and BA', () => {
    const cells = Array.from({ length: 53 }, (_, i) => `<c><v>${i + 1}</v></c>`).join('');
    const xml = withRowAndCellNumbers(`<worksheet><sheetData><row>${cells}</row></sheetData></worksheet>`)!;
    const refs = [...xml.matchAll(/<c r="([A-Z]+)1"/g)].map((m) => m[1]);
    expect(refs.length).toBe(53);
    expect([refs[0], refs[25], refs[26], refs[51], refs[52]]).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });
});

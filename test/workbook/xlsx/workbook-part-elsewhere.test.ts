/**
 * A workbook part stored elsewhere than `xl/workbook.xml` (the package's relationship names it;
 * the format allows any name and Excel opens it): ExcelJS reads the workbook there only, and read
 * no sheet — the file was refused as « not an .xlsx ». The reading copy moves it; the file written
 * keeps the user's parts where they were.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { toBytes } from './fixtures';

/** A register whose workbook part is `book` (and its sheet `sheet`), relationships and content types following. */
async function registerStoredAt(book: string, sheet: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification']);
  ws.addRow(['2025-001', 'Papier', 1200, new Date(Date.UTC(2025, 1, 3))]);
  ws.addRow(['2025-002', 'Nettoyage', 3000, new Date(Date.UTC(2025, 2, 10))]);
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  const zip = await JSZip.loadAsync(await toBytes(wb));
  const text = async (part: string) => zip.file(part)!.async('string');
  const move = async (from: string, to: string) => {
    zip.file(to, await zip.file(from)!.async('uint8array'));
    zip.remove(from);
  };
  const folder = book.slice(0, book.lastIndexOf('/') + 1);
  // Targets relative to the workbook part's folder, as producers write them; the sheet's under its new name.
  const up = '../'.repeat(folder.split('/').length - 1);
  const relative = (part: string) => (part.startsWith(folder) ? part.slice(folder.length) : `${up}${part}`);
  const rels = (await text('xl/_rels/workbook.xml.rels')).replace(/Target="([^"]+)"/g, (_, t: string) => {
    const part = `xl/${t}` === 'xl/worksheets/sheet1.xml' ? sheet : `xl/${t}`;
    return `Target="${relative(part)}"`;
  });
  expect(rels).toContain(`Target="${relative(sheet)}"`);
  zip.remove('xl/_rels/workbook.xml.rels');
  zip.file(`${folder}_rels/${book.slice(folder.length)}.rels`, rels);
  await move('xl/workbook.xml', book);
  await move('xl/worksheets/sheet1.xml', sheet);
  zip.file('_rels/.rels', (await text('_rels/.rels')).replace('Target="xl/workbook.xml"', `Target="${book}"`));
  zip.file('[Content_Types].xml', (await text('[Content_Types].xml')).replace('/xl/workbook.xml', `/${book}`).replace('/xl/worksheets/sheet1.xml', `/${sheet}`));
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toEqual(expect.arrayContaining([book, sheet]));
  expect(Object.keys((await JSZip.loadAsync(bytes)).files)).not.toContain('xl/workbook.xml');
  return bytes;
}

describe.each([
  ['another name in xl/', 'xl/book.xml', 'xl/worksheets/suivi.xml'],
  ['another folder', 'classeur/book.xml', 'classeur/feuilles/suivi.xml'],
])('a workbook part under %s', (_, book, sheet) => {
  it('is read: its sheet, its values', async () => {
    const [grid] = await (await openXlsx(await registerStoredAt(book, sheet), 'suivi.xlsx')).readSheets();
    expect(grid.name).toBe('Suivi');
    expect(grid.rows.map((r) => r[0])).toEqual(['N° marché', '2025-001', '2025-002']);
    expect(grid.rows[1][3]).toEqual({ date: '2025-02-03' });
  });

  it('gives its indicators, and the file written keeps its parts where they were, beside our sheets', async () => {
    const input = await registerStoredAt(book, sheet);
    const opened = await openXlsx(input, 'suivi.xlsx');
    const out = runChain([{ file: 'suivi.xlsx', sheets: await opened.readSheets(), state: null }], { today: '2026-01-15', writesCharts: false });
    expect(out.result.lignes).toMatchObject({ lues: 2, erreurs: 0 });
    await opened.writePlan(out.plan);
    const output = await opened.saveXlsx();
    expect(opened.keptOriginalParts).toBe(true);
    const before = await JSZip.loadAsync(input);
    const after = await JSZip.loadAsync(output);
    expect(await after.file(sheet)!.async('string')).toBe(await before.file(sheet)!.async('string'));
    const again = await (await openXlsx(output, 'suivi - SPASER.xlsx')).readSheets();
    expect(again.map((g) => g.name)).toEqual(expect.arrayContaining(['Suivi', 'SPASER Registre', 'SPASER Indicateurs']));
    expect(again.find((g) => g.name === 'Suivi')!.rows).toEqual((await (await openXlsx(input, 'suivi.xlsx')).readSheets())[0].rows);
  });
});

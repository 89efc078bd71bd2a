/**
 * ExcelJS checks each merged area it loads against all those before it: 20 000 merges took the
 * command line 60 s (session 24 review of odd workbooks). A sheet of 1 000 merges or more is read
 * by ExcelJS without them, and its merges are given to the reader beside it: the grid is the same.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { MERGES_READ_APART, withoutMergeCells } from '../../../src/workbook/xlsx/merge-list';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { readGrid } from '../../../src/workbook/xlsx/read-grid';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const refs = (n: number) => Array.from({ length: n }, (_, i) => `A${2 * i + 1}:B${2 * i + 2}`);
const part = (merges: readonly string[]) =>
  '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Pôle é</t></is></c></row></sheetData>' +
  `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` +
  '<headerFooter><oddHeader>Commande publique — Pôle</oddHeader></headerFooter></worksheet>';

describe('withoutMergeCells', () => {
  it('from 1 000 merged areas: the part without its <mergeCells>, bytes around it unchanged (accents too), the areas listed', () => {
    expect(MERGES_READ_APART).toBe(1000);
    const out = withoutMergeCells(enc(part(refs(1000))))!;
    expect(dec(out.xml)).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Pôle é</t></is></c></row></sheetData><headerFooter><oddHeader>Commande publique — Pôle</oddHeader></headerFooter></worksheet>',
    );
    expect(out.merges).toHaveLength(1000);
    expect(out.merges[0]).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(out.merges[999]).toEqual({ top: 1999, left: 1, bottom: 2000, right: 2 });
  });

  it('under 1 000, or without merges: null (ExcelJS reads them itself)', () => {
    expect(withoutMergeCells(enc(part(refs(999))))).toBeNull();
    expect(withoutMergeCells(enc('<worksheet><sheetData/></worksheet>'))).toBeNull();
  });
});

describe('a workbook with a planning sheet of many merged areas', () => {
  async function workbook(planningMerges: number): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const reg = wb.addWorksheet('Registre');
    reg.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle']);
    for (let i = 0; i < 20; i++) reg.addRow([`M-${i + 1}`, 'Papier', 100, new Date(Date.UTC(2025, 1, 1)), i % 10 === 0 ? `Pôle ${i / 10 + 1}` : null]);
    const planning = wb.addWorksheet('Planning');
    for (let i = 0; i < planningMerges; i++) planning.getCell(2 * i + 1, 1).value = `Semaine ${i + 1}`;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const put = async (name: string, merges: readonly string[]) => {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace('</sheetData>', `</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`));
    };
    await put('xl/worksheets/sheet1.xml', ['E2:E11', 'E12:E21']);
    await put('xl/worksheets/sheet2.xml', refs(planningMerges));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  /** The grids as ExcelJS reads the file itself, with its merges (the reader before this change). */
  async function asExcelJsReadsIt(bytes: Uint8Array) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    return wb.worksheets.map((ws) => readGrid(ws, false));
  }

  it('reads the same grids as ExcelJS with the merges, each Pôle on its ten rows; ExcelJS holds the planning without them', async () => {
    const bytes = await workbook(1200);
    const opened = await openXlsx(bytes, 'Suivi.xlsx');
    const sheets = await opened.readSheets();
    expect(sheets).toEqual(await asExcelJsReadsIt(bytes));
    expect(sheets[0].rows.slice(1).map((r) => r[4])).toEqual([...Array(10).fill('Pôle 1'), ...Array(10).fill('Pôle 2')]);
    // A1:B2 merged: « Semaine 1 » on both its rows, as a Pôle merged down.
    expect(sheets[1].rows.slice(0, 2)).toEqual([['Semaine 1'], ['Semaine 1']]);
    const merges = (ws: ExcelJS.Worksheet) => Object.keys((ws as unknown as { _merges: object })._merges).length;
    expect(opened.workbook.worksheets.map(merges)).toEqual([2, 0]);
  });

  it('the saved file keeps the planning sheet with its merged areas', async () => {
    const bytes = await workbook(1200);
    const opened = await openXlsx(bytes, 'Suivi.xlsx');
    const original = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet2.xml')!.async('string');
    const saved = await JSZip.loadAsync(await opened.saveXlsx());
    expect(await saved.file('xl/worksheets/sheet2.xml')!.async('string')).toBe(original);
  });
});

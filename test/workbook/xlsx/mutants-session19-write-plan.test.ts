/**
 * Mutation audit, session 19 (`write-plan.ts`): what no test pinned.
 * - A file that cannot be kept part by part is written by ExcelJS whole, the user's sheets
 *   included: their cells must still come out unchanged (sortie.md « Never touch the user's
 *   data »). A merged range whose text the file stores escaped (a carriage return is
 *   `_x000D_`) is escaped once, in its first cell only: the others of the range are echoes.
 *   Rich texts and the texts of links are escaped as plain texts are.
 * - A date of the plan is written with the date format `jj/mm/aaaa` (sortie.md) even when
 *   its block gives no format.
 * - An Excel table's columns have non-empty names (Excel repairs a file otherwise): an empty
 *   header cell gives « Colonne n ».
 * - Table names are unique in the workbook, case aside, in a file rewritten whole too (there
 *   the splice, which renames our tables again, does not run).
 * - Excel refuses a workbook whose active tab is hidden or missing: when the sheets replaced
 *   move the tabs, the active and first tabs point at a sheet that is there and visible.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WritePlan } from '../../../src/domain/plan-types';
import { openXlsx } from '../../../src/workbook/xlsx';
import { loadBytes, samplePlan, tableNames, toBytes } from './fixtures';

/** The workbook's bytes without a styles part: the save cannot keep its parts and rewrites it all. */
async function withoutStyles(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await toBytes(wb));
  zip.remove('xl/styles.xml');
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    zip.file(name, (await zip.file(name)!.async('string')).replace(/ (s|style)="\d+"/g, ''));
  }
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*styles[^>]*\/>/, ''));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('a merged user range holding a carriage return, in a file rewritten whole', () => {
  const TEXT = 'Lot 1\rLot 2';
  /** As Excel stores it (ExcelJS writes a text raw: given the stored form, it writes a file as Excel's). */
  const STORED = 'Lot 1_x000D_Lot 2';

  it('comes out as it was, and stays so in memory', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi 2025');
    ws.getCell('A1').value = STORED;
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = 'N° marché';
    const input = await withoutStyles(wb);
    const book = await openXlsx(input, 'suivi.xlsx');
    // Guards the test: the text reads as written.
    expect(book.workbook.getWorksheet('Suivi 2025')!.getCell('A1').value).toBe(TEXT);
    await book.writePlan(samplePlan());
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(false);
    const out = (await loadBytes(output)).getWorksheet('Suivi 2025')!;
    expect(out.getCell('A1').value).toBe(TEXT);
    expect(out.getCell('C1').isMerged).toBe(true);
    expect(out.getCell('C1').master.address).toBe('A1');
    expect(book.workbook.getWorksheet('Suivi 2025')!.getCell('A1').value).toBe(TEXT);
  });
});

type SheetPlan = WritePlan['sheets'][number];

/** One plan sheet written beside a one-cell user sheet, as read back from the saved file. */
async function writtenAlone(sheet: Pick<SheetPlan, 'name' | 'blocks'> & Partial<SheetPlan>): Promise<ExcelJS.Worksheet> {
  const plan: WritePlan = { sheets: [{ visibility: 'visible', widths: [], tables: [], links: [], charts: [], ...sheet }] };
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Suivi 2025').getCell('A1').value = 'N° marché';
  const book = await openXlsx(await toBytes(wb), 'suivi.xlsx');
  await book.writePlan(plan);
  return (await loadBytes(await book.saveXlsx())).getWorksheet(sheet.name)!;
}

describe('a date in a block without formats', () => {
  it('is written as a date, formatted jj/mm/aaaa', async () => {
    const out = await writtenAlone({ name: 'SPASER Registre', blocks: [{ row: 1, col: 1, values: [['Date', { date: '2025-03-14' }]] }] });
    const c = out.getCell('B1');
    expect(c.value).toEqual(new Date(Date.UTC(2025, 2, 14)));
    expect(c.numFmt).toBe('dd/mm/yyyy');
  });
});

describe('a plan table whose header has an empty text', () => {
  it('names that column « Colonne n » (n its position in the table)', async () => {
    const out = await writtenAlone({
      name: 'SPASER Contrôles',
      blocks: [{ row: 1, col: 1, style: 'entete', values: [['Gravité', '', 'Message'], ['erreur', 'x', 'y']] }],
      tables: [{ name: 'Controles', row: 1, col: 1, rowCount: 2, colCount: 3 }],
    });
    const t = out.getTables()[0] as unknown as { table: { columns: { name: string }[] } };
    expect(t.table.columns.map((c) => c.name)).toEqual(['Gravité', 'Colonne 2', 'Message']);
  });
});

describe('table names, in a file rewritten whole', () => {
  it('are unique in the workbook, case aside: a user table « registre », two plan tables « Registre »', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi 2025');
    ws.addTable({ name: 'registre', ref: 'A1', columns: [{ name: 'N° marché' }], rows: [['2025-001']] });
    const sheet = (name: string): SheetPlan => ({
      name,
      visibility: 'visible',
      widths: [],
      blocks: [{ row: 1, col: 1, values: [['N° de marché'], ['2025-001']] }],
      tables: [{ name: 'Registre', row: 1, col: 1, rowCount: 2, colCount: 1 }],
      links: [],
      charts: [],
    });
    const book = await openXlsx(await withoutStyles(wb), 'suivi.xlsx');
    await book.writePlan({ sheets: [sheet('SPASER Registre'), sheet('SPASER Contrôles')] });
    const out = await loadBytes(await book.saveXlsx());
    expect(book.keptOriginalParts).toBe(false);
    expect(tableNames(out.getWorksheet('Suivi 2025')!)).toEqual(['registre']);
    const names = out.worksheets.flatMap((w) => tableNames(w).map((n) => n.toLowerCase()));
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
  });
});

describe('the active tab, in a file rewritten whole', () => {
  it('moves to a visible sheet when the replaced sheets leave it on a missing one', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Suivi 2025').getCell('A1').value = 'N° marché';
    for (const name of ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']) wb.addWorksheet(name).getCell('A1').value = 'ancien';
    // The last run's indicators were on screen.
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible', activeTab: 3, firstSheet: 3 } as ExcelJS.WorkbookView];
    const input = await withoutStyles(wb);
    const guard = (await JSZip.loadAsync(input)).file('xl/workbook.xml')!.async('string');
    expect(await guard).toMatch(/<workbookView [^>]*activeTab="3"/);
    const plan = samplePlan();
    // Two sheets now: the register and the very hidden state sheet.
    const book = await openXlsx(input, 'suivi.xlsx');
    await book.writePlan({ sheets: [plan.sheets[0], plan.sheets[2]] });
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(false);
    const xml = await (await JSZip.loadAsync(output)).file('xl/workbook.xml')!.async('string');
    const names = [...xml.matchAll(/<sheet [^>]*>/g)].map((m) => ({ name: /name="([^"]*)"/.exec(m[0])![1], state: /state="([^"]*)"/.exec(m[0])?.[1] ?? 'visible' }));
    expect(names).toEqual([
      { name: 'Suivi 2025', state: 'visible' },
      { name: 'SPASER Registre', state: 'visible' },
      { name: 'SPASER État', state: 'veryHidden' },
    ]);
    const view = /<workbookView [^>]*>/.exec(xml)![0];
    const active = Number(/activeTab="(\d+)"/.exec(view)?.[1] ?? 0);
    const first = Number(/firstSheet="(\d+)"/.exec(view)?.[1] ?? 0);
    expect(names[active]?.state).toBe('visible');
    expect(names[first]).toBeDefined();
  });
});

describe('a rich text and a link text the file stores escaped, in a file rewritten whole', () => {
  it('come out as they were read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi 2025');
    // Stored forms, as Excel saves them: a control character, a literal « _x0041_ », a carriage return.
    ws.getCell('A1').value = { richText: [{ text: 'gras_x0007_', font: { bold: true } }, { text: ' et _x005F_x0041_' }] };
    ws.getCell('A2').value = { text: 'fiche_x000D_suite', hyperlink: 'https://example.org/fiche' };
    const input = await withoutStyles(wb);
    const book = await openXlsx(input, 'suivi.xlsx');
    const before = book.workbook.getWorksheet('Suivi 2025')!;
    // Guards the test: read as Excel reads them.
    expect(before.getCell('A1').text).toBe('gras\u0007 et _x0041_');
    expect(before.getCell('A2').text).toBe('fiche\rsuite');
    const values = [JSON.stringify(before.getCell('A1').value), JSON.stringify(before.getCell('A2').value)];
    await book.writePlan(samplePlan());
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(false);
    const out = (await loadBytes(output)).getWorksheet('Suivi 2025')!;
    expect([JSON.stringify(out.getCell('A1').value), JSON.stringify(out.getCell('A2').value)]).toEqual(values);
  });
});

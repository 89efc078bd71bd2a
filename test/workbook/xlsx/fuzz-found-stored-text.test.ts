/**
 * Found by the fuzz property (`fuzz-write.property.test.ts`): ExcelJS writes a
 * text as is, but the file format stores some characters escaped (`_xHHHH_`).
 * A user's cell holding a literal `_x000D_` came back as a carriage return,
 * control characters (kept by Excel as `_x0007_`…) were dropped, and a
 * U+FFFF made the output a file that cannot be opened. The user's sheets must
 * be written back unchanged (`sortie.md`), and our sheets must read back as planned.
 */
import ExcelJS from 'exceljs';
import type { WritePlan } from '../../../src/domain/plan-types';
import { openXlsx } from '../../../src/workbook/xlsx';
import { loadBytes, toBytes } from './fixtures';

/** As read by ExcelJS from the file Excel saved (the stored form is given to ExcelJS, which writes it raw). */
const USER = [
  { stored: 'réf _x005F_x000D_ littérale', read: 'réf _x000D_ littérale' },
  { stored: 'export_x0007_ERP', read: 'export\u0007ERP' },
  { stored: 'ligne_x000B_suite', read: 'ligne\u000bsuite' },
  { stored: 'fin_x000D_', read: 'fin\r' },
  { stored: 'bizarre_xFFFF_', read: 'bizarre\uffff' },
  { stored: 'suppr_x007F_', read: 'suppr\u007f' },
];

function plan(texts: string[]): WritePlan {
  return {
    sheets: [{ name: 'SPASER Registre', visibility: 'visible', widths: [], blocks: [{ row: 1, col: 1, values: texts.map((t) => [t]) }], tables: [], links: [], charts: [] }],
  };
}

function input(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  USER.forEach((u, i) => (ws.getCell(i + 1, 1).value = u.stored));
  ws.getCell('B1').value = { richText: [{ text: 'gras_x0007_', font: { bold: true } }, { text: ' et _x005F_x0041_' }] };
  return toBytes(wb);
}

async function roundTrip(): Promise<{ before: ExcelJS.Workbook; after: ExcelJS.Workbook; book: Awaited<ReturnType<typeof openXlsx>> }> {
  const bytes = await input();
  const before = await loadBytes(bytes);
  const book = await openXlsx(bytes, 'suivi.xlsx');
  await book.writePlan(plan(USER.map((u) => u.read)));
  const after = await loadBytes(await book.saveXlsx());
  return { before, after, book };
}

describe('texts the file format stores escaped (xlsx writer)', () => {
  it('ExcelJS reads the stored forms as Excel does (guards the tests below)', async () => {
    const before = await loadBytes(await input());
    expect(before.getWorksheet('Suivi 2025')!.getCell('B1').text).toBe('gras\u0007 et _x0041_');
    expect(USER.map((_, i) => before.getWorksheet('Suivi 2025')!.getCell(i + 1, 1).value)).toEqual(USER.map((u) => u.read));
  });

  it("keeps the user's texts unchanged, rich text included", async () => {
    const { before, after } = await roundTrip();
    const user = (wb: ExcelJS.Workbook) => wb.getWorksheet('Suivi 2025')!;
    expect(USER.map((_, i) => user(after).getCell(i + 1, 1).value)).toEqual(USER.map((u) => u.read));
    expect(user(after).getCell('B1').value).toEqual(user(before).getCell('B1').value);
  });

  it('writes our texts so that they read back as planned', async () => {
    const { after } = await roundTrip();
    expect(USER.map((_, i) => after.getWorksheet('SPASER Registre')!.getCell(i + 1, 1).value)).toEqual(USER.map((u) => u.read));
  });

  it('leaves the workbook in memory as it was after saving (escaping is for the file only)', async () => {
    const { book } = await roundTrip();
    expect(book.workbook.getWorksheet('Suivi 2025')!.getCell(1, 1).value).toBe(USER[0].read);
    expect(book.workbook.getWorksheet('SPASER Registre')!.getCell(2, 1).value).toBe(USER[1].read);
  });
});

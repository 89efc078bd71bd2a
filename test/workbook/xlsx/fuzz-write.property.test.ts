/**
 * Robustness of the xlsx adapter on hostile workbooks (generators in
 * `test/helpers/fuzz-workbook.ts`): the workbook is saved as Excel would,
 * opened, run through the chain and written back; the output reads back,
 * the user's sheets are unchanged and every text of ours is a plain value.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { CellValue } from '../../../src/domain/cell';
import { isCalendarDate, isCellError } from '../../../src/domain/cell';
import { isSpaserSheet, MAX_CELL_TEXT, SheetNameClashError, withinCellLimit, type WritePlan } from '../../../src/domain/plan-types';
import { openXlsx } from '../../../src/workbook/xlsx';
import { encodeZipPartsAsBytes } from '../../../src/workbook/xlsx/node-zip';
import { readGrid } from '../../../src/workbook/xlsx/read-grid';
import { fuzzInput, fuzzOptions, type FuzzInput, planOrNoRegister } from '../../helpers/fuzz-workbook';
import { loadBytes, toBytes } from './fixtures';

/** A text as Excel stores it in the file: characters XML cannot hold as `_xHHHH_`, a literal `_xHHHH_` escaped. */
function asExcelStores(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\r]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .slice(0, MAX_CELL_TEXT);
}

/** The buyer's workbook as an `.xlsx` (what Excel would have saved). */
async function workbookBytes(input: FuzzInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const { grid } of input.sheets) {
    const ws = wb.addWorksheet(grid.name, { state: grid.name === 'SPASER État' ? 'veryHidden' : 'visible' });
    grid.rows.forEach((line, i) =>
      line.forEach((v: CellValue, j) => {
        if (v === null) return;
        const cell = ws.getCell(grid.firstRow + i, grid.firstCol + j);
        if (isCalendarDate(v)) {
          const [y, m, d] = v.date.split('-').map(Number);
          cell.value = new Date(Date.UTC(y, m - 1, d));
          cell.numFmt = 'dd/mm/yyyy';
        } else if (isCellError(v)) cell.value = { error: v.error as ExcelJS.CellErrorValue['error'] };
        else cell.value = typeof v === 'string' ? asExcelStores(v) : v;
      }),
    );
  }
  // Keep a visible sheet active (a workbook of only a very hidden sheet is not one Excel saves).
  if (wb.worksheets.every((w) => w.state !== 'visible')) wb.addWorksheet('Feuil1');
  return toBytes(wb);
}

/** Planned value at each cell of our sheets, links aside (their cell holds the link). */
function plannedCells(plan: WritePlan): Map<string, Map<string, unknown>> {
  const out = new Map<string, Map<string, unknown>>();
  for (const sheet of plan.sheets) {
    const cells = new Map<string, unknown>();
    for (const b of sheet.blocks) b.values.forEach((line, i) => line.forEach((v, j) => cells.set(`${b.row + i},${b.col + j}`, v)));
    for (const l of sheet.links) cells.delete(`${l.row},${l.col}`);
    out.set(sheet.name, cells);
  }
  return out;
}

// Files are saved as the command line saves them: XML parts handed to JSZip as bytes (see node-zip.ts).
encodeZipPartsAsBytes();

describe('the xlsx writer on hostile workbooks (property)', () => {
  test('writes without throwing; the output reads back; user sheets unchanged; texts are values', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzInput, fuzzOptions, async (input, options) => {
        const bytes = await workbookBytes(input);
        const book = await openXlsx(bytes, input.file);
        const sheets = await book.readSheets();
        const state = await book.readState();
        const plan = planOrNoRegister({ file: input.file, sheets, state }, { ...options, writesCharts: book.writesCharts });
        if (plan === null) return;
        const userBefore = book.workbook.worksheets.filter((w) => !isSpaserSheet(w.name)).map((w) => readGrid(w, false));
        try {
          await book.writePlan(plan);
        } catch (e) {
          // A clear French refusal before anything is written.
          if (e instanceof SheetNameClashError) {
            expect(book.workbook.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
            return;
          }
          throw e;
        }
        const back = await loadBytes(await book.saveXlsx());

        const userAfter = back.worksheets.filter((w) => !isSpaserSheet(w.name)).map((w) => readGrid(w, false));
        expect(userAfter).toEqual(userBefore);

        const planned = plannedCells(plan);
        expect(back.worksheets.filter((w) => isSpaserSheet(w.name)).map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
        for (const ws of back.worksheets) {
          if (!isSpaserSheet(ws.name)) continue;
          const cells = planned.get(ws.name)!;
          ws.eachRow((row, r) =>
            row.eachCell((cell, c) => {
              expect([ws.name, cell.address, cell.type]).not.toEqual([ws.name, cell.address, ExcelJS.ValueType.Formula]);
              const v = cell.value;
              if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
              const want = cells.get(`${r},${c}`);
              // A text of the plan reads back as the same text (cut at Excel's limit).
              if (typeof want === 'string' && want !== '') expect([ws.name, cell.address, v]).toEqual([ws.name, cell.address, withinCellLimit(want)]);
            }),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});

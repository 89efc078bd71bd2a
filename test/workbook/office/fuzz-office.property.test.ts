/**
 * Robustness of the Office adapter on hostile workbooks (generators in
 * `test/helpers/fuzz-workbook.ts`), against the Excel double: read, run the
 * chain, write the plan; no throw but a clear French refusal, not one write to
 * a user sheet, and every text of the plan reads back as the same text, never a formula.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/domain/cell';
import { isCalendarDate, isCellError } from '../../../src/domain/cell';
import { SheetNameClashError, withinCellLimit } from '../../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble, type SeedCell, type SeedSheet } from '../../doubles/excel-double';
import { fuzzInput, fuzzOptions, type FuzzInput, planOrNoRegister } from '../../helpers/fuzz-workbook';
import { serial } from './spec-office-fixture';
import { watchUserSheets } from './spec-office-watch';

function seedCell(v: CellValue): SeedCell {
  if (isCalendarDate(v)) return { v: serial(v.date), nf: 'dd/mm/yyyy' };
  if (isCellError(v)) return { error: v.error };
  return v;
}

function seedsOf(input: FuzzInput): SeedSheet[] {
  return input.sheets.map(({ grid }) => ({
    name: grid.name,
    visibility: grid.name === 'SPASER État' ? 'VeryHidden' : 'Visible',
    at: { row: grid.firstRow, col: grid.firstCol },
    cells: grid.rows.map((line) => line.map(seedCell)),
  }));
}

describe('the Office writer on hostile workbooks (property)', () => {
  test('reads, computes and writes without throwing; no write to a user sheet; texts read back as texts', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzInput, fuzzOptions, async (input, options) => {
        // Dates before 1900-03-01 have no serial of the 1900 system that round-trips: left to the unit tests.
        const excel = createExcelDouble({ name: input.file, sheets: seedsOf(input) });
        const log = watchUserSheets(excel);
        // Absolute positions aside: an old `SPASER …` sheet before a user sheet goes away.
        const userSide = () => {
          const { order, tables, present } = log.tablesAndOrder() as { order: unknown; tables: unknown; present: unknown };
          return { order, tables, present };
        };
        const before = userSide();
        const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
        const sheets = await wb.readSheets();
        const state = await wb.readState();
        const plan = planOrNoRegister({ file: wb.name, sheets, state }, { ...options, writesCharts: wb.writesCharts });
        if (plan === null) return;
        const names = excel.sheetNames();
        try {
          await wb.writePlan(plan);
        } catch (e) {
          if (e instanceof SheetNameClashError) {
            expect(excel.sheetNames()).toEqual(names);
            return;
          }
          throw e;
        }
        expect(log.writes).toEqual([]);
        expect(userSide()).toEqual(before);
        for (const sheet of plan.sheets) {
          const links = new Set(sheet.links.map((l) => `${l.row},${l.col}`));
          for (const b of sheet.blocks) {
            b.values.forEach((line, i) =>
              line.forEach((v, j) => {
                if (typeof v !== 'string' || v === '' || links.has(`${b.row + i},${b.col + j}`)) return;
                const cell = excel.cell(sheet.name, b.row + i, b.col + j);
                expect([sheet.name, b.row + i, b.col + j, cell?.formula, cell?.error, cell?.value]).toEqual([sheet.name, b.row + i, b.col + j, undefined, undefined, withinCellLimit(v)]);
              }),
            );
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

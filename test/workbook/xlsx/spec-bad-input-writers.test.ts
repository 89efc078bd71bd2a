/**
 * Audit "bad input" — a text longer than Excel's 32 767 characters per cell
 * (possible in a file made by another tool): both writers cut it at the limit,
 * so the written workbook is never one that Excel reports as damaged.
 */
import ExcelJS from 'exceljs';
import type { WritePlan } from '../../../src/domain/plan-types';
import { officeValue } from '../../../src/workbook/office/write';
import { writePlanInto } from '../../../src/workbook/xlsx/write-plan';
import { loadBytes, toBytes } from './fixtures';

const LONG = `${'a'.repeat(32_766)}Zb${'c'.repeat(40_000 - 32_768)}`;
const CUT = `${'a'.repeat(32_766)}Z`;

describe('a 40 000-character text in the plan', () => {
  it('the xlsx writer keeps its first 32 767 characters', async () => {
    const plan: WritePlan = {
      sheets: [
        { name: 'SPASER Registre', visibility: 'visible', widths: [], blocks: [{ row: 1, col: 1, values: [[LONG, 'court']] }], tables: [], links: [], charts: [] },
      ],
    };
    const wb = new ExcelJS.Workbook();
    writePlanInto(wb, plan);
    const back = await loadBytes(await toBytes(wb));
    const ws = back.getWorksheet('SPASER Registre')!;
    expect(ws.getCell('A1').value).toBe(CUT);
    expect(ws.getCell('B1').value).toBe('court');
  });

  it('the Office writer keeps the same 32 767 characters (no apostrophe needed: no digit, no sign)', () => {
    expect(officeValue(LONG)).toBe(CUT);
  });
});

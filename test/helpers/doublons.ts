/** One-sheet inputs and the message of their single `doublon`, for the doublon/conflict tests. */
import type { CellValue } from '../../src/domain/cell';
import type { ChainInput } from '../../src/domain/chain';
import { buildRegister } from '../../src/domain/register';
import { grid } from './grid';

export const DOUBLON_TODAY = '2026-01-15';

/** A workbook `file` of one sheet: `header` on row 1, then `rows`. */
export function sheetInput(file: string, header: string[], rows: CellValue[][], sheet = 'Suivi'): ChainInput {
  return { file, sheets: [grid(sheet, [header, ...rows])], state: null };
}

/** The message of the one `doublon` of the register (the test fails when there is not exactly one). */
export function doublonMessage(inputs: ChainInput[]): string {
  const reg = buildRegister(inputs, { today: DOUBLON_TODAY });
  const found = reg.rows.flatMap((r) => r.findings).filter((f) => f.code === 'doublon');
  expect(found).toHaveLength(1);
  return found[0].message;
}

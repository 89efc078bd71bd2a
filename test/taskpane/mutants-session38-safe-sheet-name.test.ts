/**
 * Session 38 mutants of `safeSheetName` (session 37): Excel refuses a sheet name ending with an
 * apostrophe; the cut at 31 characters may leave one, or several, or one before a space.
 */
import { safeSheetName } from '../../src/taskpane/consolidation';

const a29 = 'a'.repeat(29);

it('the cut at 31 never leaves a name ending with apostrophes or a space', () => {
  expect(safeSheetName(`${a29}''b`)).toBe(a29);
  expect(safeSheetName(`${a29}' b`)).toBe(a29);
  expect(safeSheetName(`${a29} 'b`)).toBe(a29);
});

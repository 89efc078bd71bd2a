/**
 * Hand mutants of state-sheet.ts (session 18). The state is written as text, but a cell whose
 * chunk is only digits may come back as a number (retyped, or a spreadsheet that converts it):
 * its digits are still part of the JSON, and the state is not lost.
 */
import type { CellValue } from '../../src/domain/cell';
import type { SavedState } from '../../src/domain/state';
import { parseState } from '../../src/domain/state-sheet';

describe('parseState', () => {
  it('reads a chunk that came back as a number as its digits', () => {
    const state: SavedState = { version: 1, mappings: [{ sheet: 'Marchés', headerRow: 123456, columns: {} }], decisions: [] };
    const json = JSON.stringify(state);
    const at = json.indexOf('123456');
    const cells: CellValue[] = [json.slice(0, at), 123456, json.slice(at + 6)];
    expect(parseState(cells)).toEqual(state);
  });
});

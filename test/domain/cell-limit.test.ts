import { MAX_CELL_TEXT, withinCellLimit } from '../../src/domain/plan-types';

// Excel keeps at most 32,767 UTF-16 units in a cell; both writers cut there (README, Feuilles écrites).
describe('withinCellLimit', () => {
  it('keeps a text up to the limit as it is', () => {
    const s = 'é'.repeat(MAX_CELL_TEXT);
    expect(withinCellLimit(s)).toBe(s);
  });

  it('cuts a longer text at the limit', () => {
    expect(withinCellLimit('a'.repeat(MAX_CELL_TEXT + 10))).toBe('a'.repeat(MAX_CELL_TEXT));
  });

  const LONE_HALF = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

  it('never cuts an emoji in two: the one straddling the limit is left out whole', () => {
    // Emoji from unit 0: high halves at even units, and unit 32,766 (the last kept) is one.
    const cut = withinCellLimit('😀'.repeat(MAX_CELL_TEXT));
    expect(cut).toBe('😀'.repeat((MAX_CELL_TEXT - 1) / 2));
    expect(LONE_HALF.test(cut)).toBe(false);
  });

  it('keeps a whole emoji ending exactly at the limit', () => {
    // After one 'x', the emoji end on odd units: the last kept unit closes one.
    const cut = withinCellLimit('x' + '😀'.repeat(MAX_CELL_TEXT));
    expect(cut).toBe('x' + '😀'.repeat((MAX_CELL_TEXT - 1) / 2));
    expect(cut.length).toBe(MAX_CELL_TEXT);
    expect(LONE_HALF.test(withinCellLimit('ab' + '😀'.repeat(MAX_CELL_TEXT)))).toBe(false);
  });
});

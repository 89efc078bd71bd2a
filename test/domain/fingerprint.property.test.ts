/**
 * The fingerprint of an imported sheet: the same content always gives the same
 * one, whatever the used range the reader hands over; any edit changes it.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/domain/cell';
import { sheetFingerprint } from '../../src/domain/fingerprint';
import { d, err, grid } from '../helpers/grid';

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.boolean(),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((x) => d(x.toISOString().slice(0, 10))),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!').map(err),
);

const rowsArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

const isEmpty = (v: CellValue | undefined) => v === null || v === '' || v === undefined;

/** A different value for a cell, never an equivalent one (the empty text is an empty cell). */
const otherArb = (was: CellValue): fc.Arbitrary<CellValue> =>
  cellArb.filter((v) => JSON.stringify(v) !== JSON.stringify(was) && !(isEmpty(v) && isEmpty(was)) && !(Object.is(v, -0) && was === 0) && !(Object.is(was, -0) && v === 0));

const copy = (rows: CellValue[][]) => rows.map((r) => [...r]);

describe('sheetFingerprint', () => {
  it('is the same for the same content, read again or read with a larger used range', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const once = sheetFingerprint(grid('Pôle Sport', rows));
        expect(sheetFingerprint(grid('Pôle Sport', copy(rows)))).toBe(once);
        // Trailing empty cells and rows (a reader's larger used range) are no content.
        const padded = [...rows.map((r) => [...r, null, '']), [null, null]];
        expect(sheetFingerprint(grid('Pôle Sport', padded))).toBe(once);
        // The same cells handed from A1 with empty rows and columns before them.
        const fromA1 = [[null], ...rows.map((r) => [null, ...r])];
        expect(sheetFingerprint(grid('x', fromA1))).toBe(sheetFingerprint(grid('x', rows, { firstRow: 2, firstCol: 2 })));
        expect(once).toMatch(/^[0-9a-f]{16}$/);
      }),
      { numRuns: 200 },
    );
  });

  it('changes when any single cell changes', () => {
    const arb = rowsArb.chain((rows) =>
      fc.record({
        rows: fc.constant(rows),
        r: fc.nat({ max: rows.length - 1 }),
        c: fc.nat({ max: 6 }),
      }).chain(({ rows: rs, r, c }) => fc.record({ rows: fc.constant(rs), r: fc.constant(r), c: fc.constant(c), value: otherArb(rs[r][c] ?? null) })),
    );
    fc.assert(
      fc.property(arb, ({ rows, r, c, value }) => {
        const edited = copy(rows);
        while (edited[r].length <= c) edited[r].push(null);
        edited[r][c] = value;
        expect(sheetFingerprint(grid('s', edited))).not.toBe(sheetFingerprint(grid('s', rows)));
      }),
      { numRuns: 400 },
    );
  });

  it('changes when a row is inserted or deleted, or a column inserted, before filled cells', () => {
    const rows: CellValue[][] = [
      ['N° marché', 'Objet', 'Montant HT'],
      ['S-1', 'Gymnase', 1500],
      ['S-2', 'Piscine', 2500],
    ];
    const base = sheetFingerprint(grid('s', rows));
    expect(sheetFingerprint(grid('s', [rows[0], [null, null, null], rows[1], rows[2]]))).not.toBe(base);
    expect(sheetFingerprint(grid('s', [rows[0], rows[2]]))).not.toBe(base);
    expect(sheetFingerprint(grid('s', [...rows, ['S-3', 'Stade', 10]]))).not.toBe(base);
    expect(sheetFingerprint(grid('s', rows.map((r) => [r[0], null, ...r.slice(1)])))).not.toBe(base);
    // Two rows swapped, or a cell moved to the next one: the same values elsewhere are another content.
    expect(sheetFingerprint(grid('s', [rows[0], rows[2], rows[1]]))).not.toBe(base);
    expect(sheetFingerprint(grid('s', [['ab', null]]))).not.toBe(sheetFingerprint(grid('s', [['a', 'b']])));
  });

  it('tells a number from its text, a date from its text, an error from its text, a boolean from 1', () => {
    const one = (v: CellValue) => sheetFingerprint(grid('s', [[v]]));
    expect(one(1)).not.toBe(one('1'));
    expect(one(d('2025-03-04'))).not.toBe(one('2025-03-04'));
    expect(one(err('#N/A'))).not.toBe(one('#N/A'));
    expect(one(true)).not.toBe(one(1));
    expect(one(null)).toBe(one(''));
  });
});

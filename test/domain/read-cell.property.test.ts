import fc from 'fast-check';
import type { CellValue } from '../../src/domain/cell';
import { REGISTER_FIELDS } from '../../src/domain/fields';
import { columnReader, fieldReader, readBoolean, readDate, readField, readFieldValue, readNumber } from '../../src/domain/read-cell';

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...'0123456789 ,.-+€EURHTeurht/:\u00a0\u202f'.split('')), maxLength: 20 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.record({ error: fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?') }),
  fc.record({ date: fc.string({ maxLength: 12 }) }),
);

const SPACES = [' ', '\u00a0', '\u202f'];
const SUFFIXES = ['', ' €', ' € HT', '\u00a0€', '\u202f€\u00a0HT', '€'];

/** `1234567.8` cents-exact, written the French way: `1 234 567,80`. */
function frenchAmount(cents: number, space: string, suffix: string): string {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100));
  const frac = String(abs % 100).padStart(2, '0');
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += space;
    grouped += whole[i];
  }
  return `${cents < 0 ? '-' : ''}${grouped},${frac}${suffix}`;
}

describe('readNumber (properties)', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const r = readNumber(cell);
        expect(['empty', 'value', 'invalid']).toContain(r.kind);
        if (r.kind === 'value') expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back any amount written in French with 2 decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        fc.constantFrom(...SPACES),
        fc.constantFrom(...SUFFIXES),
        // Also as a CSV field whose quotes Excel kept as text (session 41).
        fc.constantFrom((t: string) => t, (t: string) => `"${t}"`, (t: string) => ` ="${t}"`),
        (cents, space, suffix, quote) => {
          const text = quote(frenchAmount(cents, space, suffix));
          const expected = Number(`${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`);
          const r = readNumber(text);
          expect(r.kind).toBe('value');
          if (r.kind === 'value') expect(Math.abs(r.value - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads Excel numbers unchanged', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(readNumber(n)).toEqual({ kind: 'value', value: n === 0 ? 0 : n });
      }),
    );
  });
});

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const anyDay = fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true });

describe('readDate (properties)', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        expect(['empty', 'value', 'invalid']).toContain(readDate(cell).kind);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back any valid date written jj/mm/aaaa, and its Excel serial', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const iso = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
        const text = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear(), 4)}`;
        expect(readDate(text)).toEqual({ kind: 'value', value: iso });
        const serial = Math.floor(d.getTime() / 86400000) + 25569;
        expect(readDate(serial)).toEqual({ kind: 'value', value: iso });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readBoolean and readField (properties)', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom(...REGISTER_FIELDS), (cell, field) => {
        expect(['empty', 'value', 'invalid']).toContain(readBoolean(cell).kind);
        expect(['empty', 'value', 'invalid']).toContain(readField(field, cell).kind);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fieldReader (property)', () => {
  // One reader per field, as the register reader makes them; reused so that remembered texts are read again.
  const readers = new Map(REGISTER_FIELDS.map((f) => [f, fieldReader(f)] as const));
  const columnCell = fc.oneof(anyCell, fc.constantFrom('oui', ' Non ', 'MAPA', 'mapa (procédure adaptée)', 'F', '', '  ', '-', 12, 0, -0, -3, 2.5, 2.9999999999996, Infinity));

  it('reads every cell of every field as readFieldValue does, the first time and the next', () => {
    fc.assert(
      fc.property(columnCell, fc.constantFrom(...REGISTER_FIELDS), (cell, field) => {
        const read = readers.get(field)!;
        const expected = readFieldValue(field, cell);
        expect(read(cell)).toEqual(expected);
        expect(read(cell)).toEqual(expected);
        if (typeof expected === 'number') expect(Object.is(read(cell), expected)).toBe(true); // -0 read as 0 by both
      }),
      { numRuns: 5000 },
    );
  });
});

describe('columnReader (property)', () => {
  const columnCell = fc.oneof(anyCell, fc.constantFrom('oui', ' Non ', 'MAPA', 'F', '', '  ', 12, 0, -3, 2.5), fc.constant(undefined));

  it('reads the chosen rows of a column as readFieldValue reads each cell, undefined when empty', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGISTER_FIELDS),
        fc.array(fc.array(columnCell, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.nat(3),
        (field, grid, offset) => {
          const at = grid.map((_, i) => i).filter((i) => i % 3 !== 1); // some rows skipped, as non-data rows are
          const out: unknown[] = new Array(at.length + 2).fill('stale');
          columnReader(field)(grid as CellValue[][], at, at.length, offset, out);
          at.forEach((row, i) => {
            const cell = grid[row][offset];
            const expected = cell === null || cell === undefined ? undefined : readFieldValue(field, cell);
            expect(out[i]).toEqual(expected);
          });
          // Only the first `count` slots are written.
          expect(out.slice(at.length)).toEqual(['stale', 'stale']);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

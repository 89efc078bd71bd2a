import fc from 'fast-check';
import { FirstRows, numeroHash } from '../../src/domain/first-rows';
import { normalizeNumero } from '../../src/domain/normalize';

/** What `FirstRows` must answer: a map keyed by year and `normalizeNumero`. */
function reference(entries: readonly (readonly [number, string])[]): (number | undefined)[] {
  const seen = new Map<string, number>();
  return entries.map(([year, numero], i) => {
    const key = `${year}|${normalizeNumero(numero)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    return first;
  });
}

function answers(index: FirstRows<number>, entries: readonly (readonly [number, string])[]): (number | undefined)[] {
  return entries.map(([year, numero], i) => index.firstOrAdd(year, numero, i));
}

// Few distinct numbers, written with case and every kind of space, so that many entries repeat one.
const spaces = fc.constantFrom(' ', '\u00a0', '\u202f', '\u2007', '\u2009', '\u200b', '\ufeff', '\t', '\u3000', '');
const numero = fc
  .tuple(fc.constantFrom('2024-M-001', 'm-12', 'ÉTÉ-3', 'AB 12', 'x', 'Lot\u00e9-7'), spaces, spaces, fc.boolean())
  .map(([n, a, b, upper]) => `${a}${upper ? n.toUpperCase() : n.toLowerCase()}${b}`);
const entries = fc.array(fc.tuple(fc.constantFrom(2024, 2025), fc.oneof(numero, fc.string({ maxLength: 6 }))), { maxLength: 200 });

describe('FirstRows', () => {
  it('returns the first row of the same year and normalised number, as a keyed map would', () => {
    fc.assert(fc.property(entries, (list) => expect(answers(new FirstRows<number>(), list)).toEqual(reference(list))), { numRuns: 500 });
  });

  it('stays exact when every hash collides (compares the numbers themselves)', () => {
    fc.assert(fc.property(entries, (list) => expect(answers(new FirstRows<number>(() => 7), list)).toEqual(reference(list))), { numRuns: 200 });
  });

  it('keeps every entry while the table grows', () => {
    const index = new FirstRows<number>();
    for (let i = 0; i < 5000; i++) expect(index.firstOrAdd(2025, `N-${i}`, i)).toBeUndefined();
    for (let i = 0; i < 5000; i++) expect(index.firstOrAdd(2025, ` n-${i} `, -1)).toBe(i);
    expect(index.firstOrAdd(2024, 'N-1', 0)).toBeUndefined();
  });

  it('hashes a number as its normalised form', () => {
    fc.assert(
      fc.property(fc.constantFrom(2024, 2025), fc.oneof(numero, fc.string({ unit: 'binary', maxLength: 12 })), (year, n) => expect(numeroHash(year, n)).toBe(numeroHash(year, normalizeNumero(n)))),
    );
  });
});

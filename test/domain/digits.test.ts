import fc from 'fast-check';
import { allDigits, digitsAt, isDigits } from '../../src/domain/digits';

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789 -/\u00a0\u0660a'.split('')), maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 16 }),
);

describe('digits', () => {
  it('isDigits accepts exactly what /^\\d{n}$/ accepts (ASCII digits only)', () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 15 }), (s, n) => expect(isDigits(s, n)).toBe(new RegExp(`^\\d{${n}}$`).test(s))));
    expect(isDigits('12345678901234', 14)).toBe(true);
    expect(isDigits('1234567890123\u0664', 14)).toBe(false); // Arabic-Indic digit
  });

  it('allDigits checks a range, and nothing past the end counts as a digit', () => {
    expect(allDigits('12345678-9', 0, 8)).toBe(true);
    expect(allDigits('12345678-9', 0, 9)).toBe(false);
    expect(allDigits('12', 0, 3)).toBe(false);
    expect(allDigits('', 0, 0)).toBe(true);
  });

  it('digitsAt reads the number, or −1 when a character is no digit or missing', () => {
    fc.assert(
      fc.property(text, fc.nat(4), fc.integer({ min: 1, max: 14 }), (s, at, length) => {
        const part = s.slice(at, at + length);
        const expected = part.length === length && /^\d+$/.test(part) ? Number(part) : -1;
        expect(digitsAt(s, at, length)).toBe(expected);
      }),
    );
    expect(digitsAt('2025-03-14', 5, 2)).toBe(3);
    expect(digitsAt('12345678901234', 0, 14)).toBe(12345678901234);
  });
});

/**
 * Numbers are rounded as Excel shows them (README « Valeurs affichées et typographie »): half up on
 * the decimal value, not on the binary one. Before, the pane and the command line said « 20,4 jours »
 * for a mean of 20,4 and 20,5 where `SPASER Indicateurs` (format `0,0`) showed « 20,5 ».
 */
import fc from 'fast-check';
import { fixedNumber, frenchNumber, plainFixed } from '../../src/domain/french-text';
import { formatValue } from '../../src/domain/change';

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('rounding as Excel shows it', () => {
  it('rounds a half up on the decimal value', () => {
    expect(fixedNumber((20.4 + 20.5) / 2, 1)).toBe('20,5');
    expect(plain(fixedNumber((1000.01 + 1000.02) / 2, 2))).toBe('1 000,02');
    expect(fixedNumber(12.35, 1)).toBe('12,4');
    expect(fixedNumber(1.005, 2)).toBe('1,01');
    expect(fixedNumber(2.5, 0)).toBe('3');
    expect(fixedNumber(-2.5, 0)).toBe('-3');
    expect(frenchNumber(20.445)).toBe('20,45');
    expect(plain(formatValue((20.4 + 20.5) / 2, 'jours'))).toBe('20,5 jours');
  });

  it('keeps what needs no rounding, and zero without a sign', () => {
    expect(fixedNumber(20.4, 1)).toBe('20,4');
    expect(fixedNumber(0.04, 1)).toBe('0,0');
    expect(fixedNumber(-0.04, 1)).toBe('0,0');
    expect(plainFixed(1e-7, 2)).toBe('0.00');
    expect(plainFixed(1e21, 0)).toBe('1000000000000000000000');
  });

  it('a number typed with one more decimal ending in 5 is shown rounded up (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom(0, 1, 2), (m, d) => {
        const typed = Number(`${m}5e-${d + 1}`);
        const expected = String(m + 1).padStart(d + 1, '0');
        const shown = d === 0 ? expected : `${expected.slice(0, -d)}.${expected.slice(-d)}`;
        expect(plainFixed(typed, d)).toBe(shown);
      }),
    );
  });

  // Past 2^53 a double holds no cents: Excel shows 15 significant digits, not the binary ones
  // (README « Valeurs affichées et typographie »; session 26 review: « 99 999 999 999 999,98 € »
  // for 99 999 999 999 999,99 typed, where Excel shows 100 000 000 000 000,00).
  it('shows amounts over 10^13 € with the 15 digits Excel shows', () => {
    expect(plain(formatValue(99_999_999_999_999.99, '€'))).toBe('100 000 000 000 000,00 €');
    expect(plain(fixedNumber(12_345_678_901_234.56, 2))).toBe('12 345 678 901 234,60');
    expect(plain(fixedNumber(-12_345_678_901_234.56, 2))).toBe('-12 345 678 901 234,60');
    expect(plain(fixedNumber(123_456_789_012_345.5, 1))).toBe('123 456 789 012 346,0');
    expect(plain(frenchNumber(9_007_199_254_740_993))).toBe('9 007 199 254 740 990');
  });

  it('gives the 15 typed digits at any size, rounded half up (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 14n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 13 }), fc.constantFrom(0, 1, 2), (digits15, shift, d) => {
        // A 15-digit decimal value placed from 10^7 to 10^27 (1e21 and over: whole numbers).
        const typed = Number(`${digits15}e${shift - 7}`);
        // Expected from the typed digits alone, in integers: value × 10^d, rounded half up.
        const exponent = shift - 7 + d;
        const cut = exponent >= 0 ? digits15 * 10n ** BigInt(exponent) : (digits15 + 5n * 10n ** BigInt(-exponent - 1)) / 10n ** BigInt(-exponent);
        const s = String(cut).padStart(d + 1, '0');
        if (typed >= 1e21) return; // whole doubles: their binary digits are Excel's too (checked above)
        expect(plainFixed(typed, d)).toBe(d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`);
      }),
    );
  });
});

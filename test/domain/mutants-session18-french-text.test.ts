/**
 * Hand mutants of french-text.ts and fingerprint.ts (session 18).
 * French text of numbers (doublon messages, `SPASER Indicateurs` texts): ordinary spaces, at
 * most two decimals, never an exponent nor « NaN ». Fingerprint of an imported sheet (README
 * « Réimport d'un Pôle »): any change of content changes it, the type of a cell included.
 */
import { frenchDate, frenchNumber, plainFixed } from '../../src/domain/french-text';
import { sheetFingerprint } from '../../src/domain/fingerprint';
import type { CellValue } from '../../src/domain/cell';

describe('frenchNumber', () => {
  it('writes huge amounts in digits, never with an exponent', () => {
    expect(frenchNumber(1e21)).toBe('1 000 000 000 000 000 000 000');
    expect(plainFixed(1e21, 2)).toBe('1000000000000000000000.00');
    // 1e307 × 100 overflows: the number is whole anyway, written as is.
    const text = frenchNumber(1e307);
    expect(text).toMatch(/^[\d\u202f]+$/);
    expect(text.replace(/\u202f/g, '')).toBe(BigInt(1e307).toString());
    expect(text).not.toMatch(/e|∞|Infinity/);
  });

  it('writes no « NaN »; an infinity as ∞', () => {
    expect(frenchNumber(Number.NaN)).toBe('');
    expect(frenchNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(frenchNumber(Number.NEGATIVE_INFINITY)).toBe('-∞');
  });

  it('rounds to the cent and drops trailing zeros', () => {
    expect(frenchNumber(1234.5)).toBe('1 234,5');
    expect(frenchNumber(-1234.567)).toBe('-1 234,57');
    expect(frenchNumber(12)).toBe('12');
  });
});

describe('frenchDate', () => {
  it('writes an ISO day as dd/mm/yyyy and leaves any other text as it is', () => {
    expect(frenchDate('2025-03-01')).toBe('01/03/2025');
    expect(frenchDate('mars 2025')).toBe('mars 2025');
  });
});

describe('sheetFingerprint', () => {
  const fp = (rows: CellValue[][]) => sheetFingerprint({ firstRow: 1, firstCol: 1, rows });

  it('the type of a cell is part of it, whatever its text', () => {
    const all = [fp([[1]]), fp([['1']]), fp([['n1']]), fp([[true]]), fp([['b1']]), fp([[{ date: '2025-01-01' }]]), fp([['d2025-01-01']]), fp([[{ error: '#N/A' }]]), fp([['e#N/A']])];
    expect(new Set(all).size).toBe(all.length);
  });

  it('a text holding what would separate two cells does not pass for those two cells', () => {
    // Without each text's length hashed first, A1 « x » + B1 « y » would read as A1 « x1,2:sy ».
    expect(fp([['x', 'y']])).not.toBe(fp([['x1,2:sy']]));
  });
});

/**
 * Mutation audit of session 22 (suppliers.ts): SIRET check and company size rules of
 * `regles.md` §3 and §7 that no test pinned. Expectations worked out by hand from the spec.
 */
import { isValidSiret, sizeOf } from '../../src/domain/suppliers';

describe('regles §3: the Luhn check of a SIRET', () => {
  it('a doubled 5 counts 1 (10 − 9), as Luhn says', () => {
    // 5 0 0 0 0 0 0 0 0 0 0 0 0 9: the 5 (index 0) is doubled: 10 → 1; 1 + 9 = 10 ≡ 0 mod 10.
    expect(isValidSiret('50000000000009')).toBe(true);
  });
});

describe('regles §3: the La Poste exception', () => {
  it('a La Poste SIRET whose digit sum is 15 (a multiple of 5, not of 10) is valid', () => {
    // « starting with SIREN 356000000 … valid when the sum of its 14 digits is a multiple of 5 »:
    // 3+5+6+1 = 15. Luhn: 3 doubled 6, 6 doubled 12 → 3, plus 5 + 1 = 15, fails.
    expect(isValidSiret('35600000000001')).toBe(true);
  });

  it('the exception is for the SIREN 356000000 only, not any SIRET starting 35600000', () => {
    // 35600000100000: SIREN 356000001; digit sum 3+5+6+1 = 15; Luhn 6+5+3 + (1 doubled) 2 = 16, fails.
    expect(isValidSiret('35600000100000')).toBe(false);
  });
});

describe('regles §7: company size from the headcount', () => {
  it('a headcount of 0 is « < 10 »: TPE, not unknown', () => {
    expect(sizeOf({ effectifTitulaire: 0 })).toBe('TPE');
  });
});

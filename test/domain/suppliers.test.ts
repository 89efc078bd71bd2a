import { isValidSiret, normalizeSupplierName, sizeOf, supplierKey } from '../../src/domain/suppliers';

describe('isValidSiret (Luhn, La Poste exception)', () => {
  it('accepts a SIRET passing Luhn', () => {
    // 7 3 2 8 2 9 3 2 0 0 0 0 7 4: doubled (even indexes) 7,2,2,3,0,0,7 → 5+4+4+6+0+0+5 = 24;
    // others 3+8+9+2+0+0+4 = 26; 24 + 26 = 50 ≡ 0 mod 10.
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('35600000000048')).toBe(true); // La Poste head office, passes Luhn
  });

  it('rejects a wrong check digit, a wrong length, letters', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
  });

  it('accepts a La Poste SIRET whose digit sum is a multiple of 5 even when Luhn fails', () => {
    // 35600000012346: Luhn 21 + 15 = 36 fails; digit sum 3+5+6+1+2+3+4+6 = 30 → valid.
    // 35600000012345: Luhn 35 fails; digit sum 29 → invalid. 35600000112346: not La Poste, Luhn 38 fails.
    expect(isValidSiret('35600000012346')).toBe(true);
    expect(isValidSiret('35600000012345')).toBe(false);
    // The same digits outside La Poste: Luhn alone decides.
    expect(isValidSiret('35600000112346')).toBe(false);
  });
});

describe('sizeOf (regles §7)', () => {
  it('uses the category when filled', () => {
    expect(sizeOf({ categorieEntreprise: 'ETI', effectifTitulaire: 3 })).toBe('ETI');
  });

  it('uses the headcount thresholds 10, 250, 5000', () => {
    expect(sizeOf({ effectifTitulaire: 9 })).toBe('TPE');
    expect(sizeOf({ effectifTitulaire: 10 })).toBe('PME');
    expect(sizeOf({ effectifTitulaire: 249 })).toBe('PME');
    expect(sizeOf({ effectifTitulaire: 250 })).toBe('ETI');
    expect(sizeOf({ effectifTitulaire: 4999 })).toBe('ETI');
    expect(sizeOf({ effectifTitulaire: 5000 })).toBe('GE');
  });

  it('is Inconnue with neither', () => {
    expect(sizeOf({})).toBe('Inconnue');
  });
});

describe('supplierKey (regles §8)', () => {
  it('uses the SIRET digits when valid, spaces ignored', () => {
    expect(supplierKey({ siret: '732 829 320 00074', titulaire: 'A' })).toBe(supplierKey({ siret: '73282932000074', titulaire: 'B' }));
  });

  it('falls back to the normalised name when the SIRET is invalid', () => {
    expect(supplierKey({ siret: '12345', titulaire: 'Dupont' })).toBe(supplierKey({ titulaire: 'DUPONT' }));
  });

  it('removes case, accents, punctuation and legal forms', () => {
    expect(normalizeSupplierName('Éts Dupont S.A.R.L.')).toBe('ets dupont');
    const keys = ['DUPONT SAS', 'Dupont', 'dupont, sasu', 'Dupont EURL', 'SA Dupont', 'Dupont S.A.'].map((t) => supplierKey({ titulaire: t }));
    expect(new Set(keys).size).toBe(1);
    expect(supplierKey({ titulaire: 'Dupont Frères' })).not.toBe(supplierKey({ titulaire: 'Dupont' }));
  });

  it('is null when nothing identifies the supplier', () => {
    expect(supplierKey({})).toBeNull();
    expect(supplierKey({ titulaire: ' SAS ' })).toBeNull();
  });
});

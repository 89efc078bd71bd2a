/**
 * Mutation audit of session 15 (suppliers.ts): rules of `regles.md` §3 (siret-invalide) and §8
 * (distinct suppliers) that no test pinned. Expectations worked out by hand from the spec.
 */
import { isValidSiret, supplierKey } from '../../src/domain/suppliers';

describe('regles §3 / §8: a SIRET is 14 digits, no more', () => {
  it('15 digits whose first 14 pass Luhn are not a valid SIRET: the supplier is known by its name', () => {
    // 73282932000074 passes Luhn (suppliers.test.ts); one more digit makes 15 digits, and
    // regles §3 calls a SIRET « not 14 digits » invalid, so §8 falls back to the name.
    expect(isValidSiret('732829320000740')).toBe(false);
    expect(supplierKey({ siret: '732829320000740', titulaire: 'Dupont' })).toBe(supplierKey({ titulaire: 'Dupont' }));
  });
});

describe('regles §8: a name typed with or without a ligature is one supplier', () => {
  // « titulaire normalised (case, accents, …) »: œ and æ are the letters oe and ae as typed
  // by another buyer (regles §6 says so of commune names).
  it.each([
    ['Cœur de Ville SARL', 'COEUR DE VILLE'],
    ['CŒUR DE VILLE', 'coeur de ville'],
    ['Lætitia Traiteur', 'Laetitia traiteur'],
  ])('« %s » and « %s »: the same key', (a, b) => {
    expect(supplierKey({ titulaire: a })).toBe(supplierKey({ titulaire: b }));
  });
});

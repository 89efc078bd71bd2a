/**
 * Breakdown categories in the order of sortie.md's key lists (zones Roubaix … Inconnue; sizes
 * TPE, PME, ETI, GE, Inconnue): `Inconnue` belongs to both lists and closes each of them.
 * Found by the blind acceptance « poles »: the sizes of « Répartitions par Pôle » (and of the
 * indicator sheet's breakdown table) began with « Inconnue ».
 */
import { orderedCategories } from '../../src/domain/categories';

describe('orderedCategories', () => {
  it('sizes: TPE, PME, ETI, GE, then Inconnue', () => {
    expect(orderedCategories(['Inconnue', 'GE', 'TPE', 'ETI', 'PME'])).toEqual(['TPE', 'PME', 'ETI', 'GE', 'Inconnue']);
  });
  it('zones: Roubaix … Étranger, then Inconnue', () => {
    expect(orderedCategories(['Inconnue', 'Étranger', 'Roubaix', 'France (hors Hauts-de-France)', 'MEL (hors Roubaix)', 'Hauts-de-France (hors MEL)'])).toEqual([
      'Roubaix',
      'MEL (hors Roubaix)',
      'Hauts-de-France (hors MEL)',
      'France (hors Hauts-de-France)',
      'Étranger',
      'Inconnue',
    ]);
  });
});

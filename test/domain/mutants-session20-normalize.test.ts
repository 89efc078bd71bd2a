/**
 * Hand mutants of normalize.ts (session 20): header normalisation rules no test pinned.
 * Expectations worked out by hand from `regles.md` §1 and the README « Colonnes ».
 */
import { normalizeHeader } from '../../src/domain/normalize';

describe('regles.md §1: `n°` is numero wherever it stands in the header', () => {
  it.each([
    ['Marché N°', 'marche numero'],
    ['Titulaire - nº SIRET', 'titulaire numero siret'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('regles.md §1: a trailing unit in square brackets is dropped too', () => {
  it.each([
    ['Délai de paiement [jours]', 'delai de paiement'],
    ['Montant notifié [€ HT]', 'montant notifie'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('README « Colonnes »: a trailing bracket is a note only when it cites an article', () => {
  it.each([
    // A year, or words of a reference without the article itself, are part of the name.
    ['Dépenses mandatées (2024)', 'depenses mandatees 2024'],
    ['Marché réservé (code de la commande publique)', 'marche reserve code de la commande publique'],
  ])('%j keeps its bracket: %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

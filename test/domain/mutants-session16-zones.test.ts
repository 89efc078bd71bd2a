/**
 * Mutation audit of session 16 (zones.ts, first Stryker run on it): a rule of `regles.md` §6 that
 * no test pinned. Expectations worked out by hand from the spec and `communes-mel.md`.
 */
import { zoneOf } from '../../src/domain/zones';

describe('regles §6: a postal code typed before the commune name, with no postal code column', () => {
  // zones.test.ts pins « 59100 Roubaix » → Roubaix, which the name alone already gives. Here the
  // commune is outside the MEL (Arras, Paris are not in communes-mel.md), so regles §6 leaves the
  // decision to the postal code: the one typed in the commune cell, as no other is given.
  it.each([
    ['62000 Arras', 'Hauts-de-France (hors MEL)'], // 62: Pas-de-Calais (zones.test.ts: « Arras » alone is Inconnue)
    ['75001 Paris', 'France (hors Hauts-de-France)'], // 75: not 02, 59, 60, 62 nor 80
  ])('« %s » in the commune cell: %s', (commune, zone) => {
    expect(zoneOf({ communeTitulaire: commune })).toBe(zone);
  });
});

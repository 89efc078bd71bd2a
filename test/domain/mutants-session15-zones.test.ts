/**
 * Mutation audit of session 15 (zones.ts): rules of `regles.md` §6 that no test pinned.
 * Expectations worked out by hand from the spec and `communes-mel.md`.
 */
import { zoneOf } from '../../src/domain/zones';

describe('regles §6: a postal code typed before the commune name in the commune cell', () => {
  it('« 59780 Baisieux » is the commune Baisieux, a MEL commune: MEL (hors Roubaix), not the shared code 59780', () => {
    // communes-mel.md: Baisieux (59044) has the postal code 59780, which is shared with communes
    // outside the MEL, so by the code alone it would be Hauts-de-France (hors MEL). regles §6
    // reads the commune first, and Baisieux is a MEL commune other than Roubaix.
    expect(zoneOf({ communeTitulaire: '59780 Baisieux' })).toBe('MEL (hors Roubaix)');
  });
});

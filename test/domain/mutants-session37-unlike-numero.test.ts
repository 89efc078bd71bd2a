/**
 * Session 37 mutants of `unlikeNumero` (session 36): the words of a numero are its runs of two letters
 * or more, each checked. Expectations written by hand.
 */
import { unlikeNumero } from '../../src/domain/companion-notices';

describe('unlikeNumero: every word of two letters or more, and only those', () => {
  it('a short name in mixed case, two letters, is not a contract numero', () => {
    expect(unlikeNumero('Li 59100')).toBe("a un mot qui n'est pas en capitales");
  });

  it('a single lowercase letter (`n°`, `2025-012a`) is no word: the numero still looks like one', () => {
    expect(unlikeNumero('MAPA n°25/003')).toBeNull();
    expect(unlikeNumero('2025-012a')).toBeNull();
  });

  it('a lowercase word after an acronym is seen', () => {
    expect(unlikeNumero('MAPA 25/003 Léa')).toBe("a un mot qui n'est pas en capitales");
  });
});

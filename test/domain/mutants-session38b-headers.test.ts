import { normalizeHeader } from '../../src/domain/normalize';

// Second mutation audit of session 38: letters joined by dots are one word once the dots go
// (`C.P.`, `H.T.`), only when each piece is a single letter, and every such abbreviation of a header.

describe('normalizeHeader: dotted abbreviations', () => {
  it('joins only single letters: « Mt.H.T. » is « montant ht », not one word', () => {
    expect(normalizeHeader('Mt.H.T.')).toBe('montant ht');
  });

  it('stops at a word glued after the last dot (« Mt.H.T.Notifié »)', () => {
    expect(normalizeHeader('Mt.H.T.Notifié')).toBe('montant ht notifie');
  });

  it('joins every abbreviation of the header, not only the first', () => {
    expect(normalizeHeader('Montant H.T. T.T.C.')).toBe('montant ht ttc');
  });
});

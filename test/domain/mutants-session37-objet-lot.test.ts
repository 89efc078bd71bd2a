/**
 * Session 37 mutants of `objetLot` (session 36): edges of the lot written in an objet that the
 * session's own cases left open. Expectations written by hand, from the rule of `OBJET_LOT`.
 */
import { objetLot } from '../../src/domain/conflicts';

describe('objetLot: the edges of a lot written clearly', () => {
  it.each([
    // One to three digits.
    ['Accord-cadre fournitures – Lot 123', '123'],
    // `n.` or `no.` before the number.
    ['Lot n. 3 - Peinture', '3'],
    ['Lot no. 7', '7'],
    // A letter before a closing bracket.
    ['Restauration scolaire (lot B)', 'B'],
  ])('%s → lot %s', (objet, lot) => {
    expect(objetLot(objet)).toBe(lot);
  });

  it.each([
    // `lots` in capitals before a colon is no lot `S`.
    'TRAVAUX ÉCOLE – LOTS : VOIR CCAP',
    // Several lots, joined by `ou` or by `a` (for `à`).
    'Lot 1 ou 2',
    'Lot 1 a 3',
    // A lowercase letter is a word, not a lot (lots are lettered in capitals).
    'Restauration scolaire, lot b : goûters',
  ])('%s → none', (objet) => {
    expect(objetLot(objet)).toBeNull();
  });
});

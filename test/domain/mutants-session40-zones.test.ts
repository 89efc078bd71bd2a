/**
 * A postal code glued to the commune's name (session 40 mutation audit of `communeAndCode`,
 * `test/mutants-session40.md`, Z…): accented names on either side, a numbered CEDEX, and four
 * digits that are no code.
 */
import { communeAndCode, zoneOf } from '../../src/domain/zones';

it('a name beginning or ending with an accented letter is split from its glued code', () => {
  expect(communeAndCode('91000Évry')).toEqual({ commune: 'Évry', cp: '91000' });
  expect(communeAndCode('Bléré37150')).toEqual({ commune: 'Bléré', cp: '37150' });
  expect(zoneOf({ communeTitulaire: '62630Étaples' })).toBe('Hauts-de-France (hors MEL)');
});

it('a glued code with a numbered CEDEX after it', () => {
  expect(communeAndCode('Lille59000 CEDEX 2')).toEqual({ commune: 'Lille', cp: '59000' });
});

it('four digits glued to a name are no postal code', () => {
  expect(communeAndCode('5910Roubaix')).toEqual({ commune: '5910Roubaix', cp: null });
});

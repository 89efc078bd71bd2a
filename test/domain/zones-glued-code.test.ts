import { communeAndCode, zoneOf } from '../../src/domain/zones';

// A postal code glued to the commune's name, as some exports and quick typing leave it: a person
// reading « 59100ROUBAIX » reads Roubaix (left without test by the session 38 audit, Z1/Z4).
describe('zoneOf: a postal code glued to the commune name', () => {
  it('reads a code glued before the name', () => {
    expect(communeAndCode('59100ROUBAIX')).toEqual({ commune: 'ROUBAIX', cp: '59100' });
    expect(zoneOf({ communeTitulaire: '59100ROUBAIX' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: '59160Lomme' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: '62000Arras' })).toBe('Hauts-de-France (hors MEL)');
  });

  it('reads a code glued after the name, with or without CEDEX', () => {
    expect(communeAndCode('Roubaix59100')).toEqual({ commune: 'Roubaix', cp: '59100' });
    expect(zoneOf({ communeTitulaire: 'Tourcoing59200' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Lille59000 Cedex' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Croix90100' })).toBe('France (hors Hauts-de-France)');
  });

  it('keeps the spaced forms and a number inside the name as before', () => {
    expect(communeAndCode('Paris 8 75008')).toEqual({ commune: 'Paris 8', cp: '75008' });
    expect(communeAndCode('59100 Roubaix')).toEqual({ commune: 'Roubaix', cp: '59100' });
    // Six digits are no postal code: nothing is split.
    expect(communeAndCode('591000Roubaix')).toEqual({ commune: '591000Roubaix', cp: null });
    expect(communeAndCode('123456')).toEqual({ commune: '123456', cp: null });
  });
});

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

// An address book's last line often ends with the country (« Lille 59000 France »): the word after the
// code stopped the split, and a Lille supplier fell in « Inconnue » (noted by the session 40 audit).
describe('zoneOf: the country written after the postal code', () => {
  it('reads the commune and the code before « France », with a comma, a dash or brackets', () => {
    expect(communeAndCode('Lille 59000 France')).toEqual({ commune: 'Lille', cp: '59000' });
    expect(communeAndCode('Roubaix (59100), France')).toEqual({ commune: 'Roubaix', cp: '59100' });
    expect(communeAndCode('Lomme 59160 CEDEX - FRANCE')).toEqual({ commune: 'Lomme', cp: '59160' });
    expect(communeAndCode('Tourcoing59200 (France)')).toEqual({ commune: 'Tourcoing', cp: '59200' });
    expect(zoneOf({ communeTitulaire: 'Lille 59000 France' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Arras 62000 France' })).toBe('Hauts-de-France (hors MEL)');
  });

  it('reads the country after a code written first', () => {
    expect(communeAndCode('59000 Lille, France')).toEqual({ commune: 'Lille', cp: '59000' });
    expect(communeAndCode('59100 ROUBAIX FRANCE')).toEqual({ commune: 'ROUBAIX', cp: '59100' });
    expect(zoneOf({ communeTitulaire: '59100 ROUBAIX FRANCE' })).toBe('Roubaix');
  });

  it('keeps a commune whose own name ends in France, and another country word, as before', () => {
    expect(communeAndCode('95470 Fontenay-en-France')).toEqual({ commune: 'Fontenay-en-France', cp: '95470' });
    expect(communeAndCode('Fontenay-en-France 95470')).toEqual({ commune: 'Fontenay-en-France', cp: '95470' });
    // Another country (session 41, recipe `territoire`): set apart from the town, and the supplier is foreign
    // as the « Pays » column would make it (until then the cell was left as typed, zone from its code).
    expect(communeAndCode('Courtrai 85000 Belgique')).toEqual({ commune: 'Courtrai', cp: '85000' });
    expect(zoneOf({ communeTitulaire: 'Courtrai 85000 Belgique' })).toBe('Étranger');
  });
});

// Without a code in the cell, the country after the name was kept (« Lille, France » is no MEL name:
// zone « Inconnue » when the postal code column is empty); official names ending in France are hyphenated.
describe('zoneOf: the country written after the commune alone', () => {
  it('reads the commune before « , France », « - France », « (France) » or « France »', () => {
    expect(communeAndCode('Lille, France')).toEqual({ commune: 'Lille', cp: null });
    expect(zoneOf({ communeTitulaire: 'Lille, France' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Roubaix - France' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: 'ROUBAIX (FRANCE)' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: 'Tourcoing France', codePostalTitulaire: '59200' })).toBe('MEL (hors Roubaix)');
  });

  it('reads the commune before France written as its code, as « Mouscron, BE » is read for Belgium', () => {
    expect(zoneOf({ communeTitulaire: 'Lille, FR' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Roubaix (FRA)' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: '59000 Lille - FR' })).toBe('MEL (hors Roubaix)');
    // A code is read only after a comma, a dash or in brackets, as for other countries.
    expect(communeAndCode('Lille FR')).toEqual({ commune: 'Lille FR', cp: null });
  });

  it('keeps a name that is the country alone or ends in France by a hyphen', () => {
    expect(communeAndCode('France')).toEqual({ commune: 'France', cp: null });
    expect(communeAndCode('Bonneuil-en-France')).toEqual({ commune: 'Bonneuil-en-France', cp: null });
  });
});


/**
 * README audit, « Choix faits là où la spécification se tait » › Zones et
 * fournisseurs: `France`, `FR`, `FRA` all mean France (the address then
 * decides the zone); any other country is Étranger.
 */
import { zoneOf } from '../../src/domain/zones';

describe('README: France, FR, FRA = France', () => {
  it.each(['France', 'FR', 'FRA', 'fra', ' France '])('pays « %s » with 59100: Roubaix, not Étranger', (pays) => {
    expect(zoneOf({ paysTitulaire: pays, codePostalTitulaire: '59100' })).toBe('Roubaix');
  });

  it.each(['FRA', 'FR'])('pays « %s » with a commune of the MEL: MEL (hors Roubaix)', (pays) => {
    expect(zoneOf({ paysTitulaire: pays, communeTitulaire: 'Tourcoing' })).toBe('MEL (hors Roubaix)');
  });

  it.each(['Belgique', 'BE', 'FRANCIA'])('pays « %s » is Étranger, whatever the address', (pays) => {
    expect(zoneOf({ paysTitulaire: pays, codePostalTitulaire: '59100', communeTitulaire: 'Roubaix' })).toBe('Étranger');
  });
});

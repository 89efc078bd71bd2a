/**
 * README audit, « Choix faits là où la spécification se tait » › Zones et
 * fournisseurs: `France`, `FR`, `FRA`, `France métropolitaine`, `République française` all mean France (the address then
 * decides the zone); any other country is Étranger. A supplier identified by
 * SIRET on one row and by its name alone on another is two suppliers.
 */
import { supplierKey } from '../../src/domain/suppliers';
import { zoneOf } from '../../src/domain/zones';

describe('README: France, FR, FRA = France', () => {
  it.each(['France', 'FR', 'FRA', 'fra', ' France ', 'France métropolitaine', 'FRANCE METROPOLITAINE', 'République française'])('pays « %s » with 59100: Roubaix, not Étranger', (pays) => {
    expect(zoneOf({ paysTitulaire: pays, codePostalTitulaire: '59100' })).toBe('Roubaix');
  });

  it.each(['FRA', 'FR'])('pays « %s » with a commune of the MEL: MEL (hors Roubaix)', (pays) => {
    expect(zoneOf({ paysTitulaire: pays, communeTitulaire: 'Tourcoing' })).toBe('MEL (hors Roubaix)');
  });

  it.each(['Belgique', 'BE', 'FRANCIA'])('pays « %s » is Étranger, whatever the address', (pays) => {
    expect(zoneOf({ paysTitulaire: pays, codePostalTitulaire: '59100', communeTitulaire: 'Roubaix' })).toBe('Étranger');
  });
});

describe('README: a supplier known by SIRET on one row and by name alone on another counts twice (§8 to the letter)', () => {
  it('a valid SIRET is the key, whatever the name; the name alone is another key', () => {
    // 73282932000074 passes Luhn (see suppliers.test.ts).
    const bySiret = supplierKey({ siret: '73282932000074', titulaire: 'Dupont SAS' });
    const byName = supplierKey({ titulaire: 'Dupont SAS' });
    expect(bySiret).toBe(supplierKey({ siret: '73282932000074', titulaire: 'Autre nom' }));
    expect(byName).toBe(supplierKey({ titulaire: 'DUPONT' }));
    expect(bySiret).not.toBe(byName);
  });
});

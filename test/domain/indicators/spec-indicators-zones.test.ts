/**
 * Spec audit (communes-mel.md, regles.md §6): every commune and postal code of
 * the published MEL list, read from the spec file itself, through `zoneOf`.
 */
import { zoneOf } from '../../../src/domain/zones';
import { specText } from '../../helpers/spec-file';

interface SpecCommune {
  readonly insee: string;
  readonly nom: string;
  readonly codes: readonly string[];
}

const COMMUNES: readonly SpecCommune[] = specText('communes-mel.md')
  .split('\n')
  .map((l) => /^\|\s*(\d{5})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|/.exec(l))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ insee: m[1], nom: m[2], codes: m[3].split(',').map((c) => c.trim()) }));

/** The two codes the spec names as shared with communes outside the MEL. */
const SHARED = new Set(['59780', '59830']);

describe('communes-mel.md through zoneOf', () => {
  it('reads the 95 communes of the spec', () => {
    expect(COMMUNES).toHaveLength(95);
  });

  it.each(COMMUNES.map((c) => [c.nom, c.codes.join(',')]))('%s (by name, any case) is in its MEL zone', (nom) => {
    const expected = nom === 'Roubaix' ? 'Roubaix' : 'MEL (hors Roubaix)';
    expect(zoneOf({ communeTitulaire: nom })).toBe(expected);
    expect(zoneOf({ communeTitulaire: nom.toUpperCase() })).toBe(expected);
    // With its own postal code, and with the country France.
    expect(zoneOf({ communeTitulaire: nom, codePostalTitulaire: COMMUNES.find((c) => c.nom === nom)?.codes[0], paysTitulaire: 'France' })).toBe(expected);
  });

  const codes = [...new Set(COMMUNES.flatMap((c) => c.codes))].sort();

  it.each(codes)('postal code %s alone: Roubaix, MEL, or Hauts-de-France when shared with communes outside the MEL', (cp) => {
    const expected = cp === '59100' ? 'Roubaix' : SHARED.has(cp) ? 'Hauts-de-France (hors MEL)' : 'MEL (hors Roubaix)';
    expect(zoneOf({ codePostalTitulaire: cp })).toBe(expected);
  });

  it('a commune outside the MEL named with a shared code is Hauts-de-France; a MEL one is MEL', () => {
    // 59830: Bouvines (MEL) and Cysoing, Bachy… (outside).
    expect(zoneOf({ communeTitulaire: 'Cysoing', codePostalTitulaire: '59830' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ communeTitulaire: 'Bouvines', codePostalTitulaire: '59830' })).toBe('MEL (hors Roubaix)');
    // 59780: Willems (MEL).
    expect(zoneOf({ communeTitulaire: 'Willems', codePostalTitulaire: '59780' })).toBe('MEL (hors Roubaix)');
  });
});

describe('regles.md §6: names compared after normalisation', () => {
  it.each([
    ['St-André-lez-Lille', 'MEL (hors Roubaix)'], // St → Saint
    ['SAINT ANDRE LEZ LILLE', 'MEL (hors Roubaix)'],
    ['Marcq-en-Baroeul', 'MEL (hors Roubaix)'], // œ → oe
    ['Annoeullin', 'MEL (hors Roubaix)'],
    ['Villeneuve d’Ascq', 'MEL (hors Roubaix)'], // typographic apostrophe
    ['Lille Cedex', 'MEL (hors Roubaix)'],
    ['Tourcoing CEDEX 12', 'MEL (hors Roubaix)'],
    ['roubaix cedex 1', 'Roubaix'],
    ['  Roubaix  ', 'Roubaix'],
  ])('%s → %s', (commune, zone) => {
    expect(zoneOf({ communeTitulaire: commune })).toBe(zone);
  });

  it('the country is checked first: any filled country other than France is Étranger', () => {
    expect(zoneOf({ paysTitulaire: 'Belgique', communeTitulaire: 'Wattrelos', codePostalTitulaire: '59150' })).toBe('Étranger');
    expect(zoneOf({ paysTitulaire: 'BE', codePostalTitulaire: '75001' })).toBe('Étranger');
    // Country France (any spelling listed in the choices) or empty: the zone comes from the address.
    expect(zoneOf({ paysTitulaire: 'FRANCE', communeTitulaire: 'Wattrelos' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ paysTitulaire: ' ', communeTitulaire: 'Wattrelos' })).toBe('MEL (hors Roubaix)');
  });

  it('Inconnue without anything usable; a bad postal code is not a postal code', () => {
    expect(zoneOf({ communeTitulaire: 'Bruxelles' })).toBe('Inconnue');
    expect(zoneOf({ codePostalTitulaire: 'ABCDE' })).toBe('Inconnue');
    expect(zoneOf({ codePostalTitulaire: '591000' })).toBe('Inconnue');
  });
});

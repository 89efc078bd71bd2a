import { specText } from '../helpers/spec-file';
import { MEL_COMMUNES, MEL_ONLY_POSTAL_CODES } from '../../src/domain/communes-mel';
import { zoneOf } from '../../src/domain/zones';

describe('zoneOf (regles §6)', () => {
  it('reads Roubaix from the commune, CEDEX and case ignored', () => {
    expect(zoneOf({ communeTitulaire: 'Roubaix Cedex 1' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: 'ROUBAIX' })).toBe('Roubaix');
  });

  it('reads Roubaix from postal code 59100 alone', () => {
    expect(zoneOf({ codePostalTitulaire: '59100' })).toBe('Roubaix');
  });

  it('places a MEL commune by name, hyphens and apostrophes ignored', () => {
    expect(zoneOf({ communeTitulaire: "Villeneuve-d'Ascq" })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'villeneuve d ascq' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Marcq-en-Barœul' })).toBe('MEL (hors Roubaix)');
  });

  it('places a former commune merged into a MEL commune by its name (Lomme, Hellemmes-Lille: Lille)', () => {
    // Addresses still name them; the package lists them as associated communes of Lille.
    expect(zoneOf({ communeTitulaire: 'Lomme' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'LOMME CEDEX' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Hellemmes-Lille' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Hellemmes' })).toBe('MEL (hors Roubaix)');
    // Still not over a postal code of another département.
    expect(zoneOf({ communeTitulaire: 'Lomme', codePostalTitulaire: '75001' })).toBe('France (hors Hauts-de-France)');
  });

  it('places a MEL-only postal code in the MEL', () => {
    expect(zoneOf({ codePostalTitulaire: '59491' })).toBe('MEL (hors Roubaix)'); // Villeneuve-d'Ascq
  });

  it('does not place a shared postal code in the MEL (59780, 59830)', () => {
    expect(zoneOf({ codePostalTitulaire: '59780' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ codePostalTitulaire: '59830' })).toBe('Hauts-de-France (hors MEL)');
    // With the MEL commune's name, it is MEL.
    expect(zoneOf({ communeTitulaire: 'Baisieux', codePostalTitulaire: '59780' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Camphin-en-Pévèle', codePostalTitulaire: '59780' })).toBe('Hauts-de-France (hors MEL)');
  });

  it('uses the postal code for Hauts-de-France (02, 59, 60, 62, 80) and France', () => {
    for (const cp of ['02100', '59140', '60000', '62000', '80000']) expect(zoneOf({ codePostalTitulaire: cp })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ communeTitulaire: 'Paris', codePostalTitulaire: '75001' })).toBe('France (hors Hauts-de-France)');
    expect(zoneOf({ codePostalTitulaire: '97400' })).toBe('France (hors Hauts-de-France)');
  });

  it('checks the country first; France and FR are France', () => {
    expect(zoneOf({ paysTitulaire: 'Belgique', communeTitulaire: 'Roubaix', codePostalTitulaire: '59100' })).toBe('Étranger');
    expect(zoneOf({ paysTitulaire: 'FR', codePostalTitulaire: '59100' })).toBe('Roubaix');
    expect(zoneOf({ paysTitulaire: 'france', communeTitulaire: 'Lille' })).toBe('MEL (hors Roubaix)');
  });

  it('is Inconnue for a commune outside the MEL with no postal code, or nothing', () => {
    expect(zoneOf({ communeTitulaire: 'Arras' })).toBe('Inconnue');
    expect(zoneOf({})).toBe('Inconnue');
    expect(zoneOf({ codePostalTitulaire: '591' })).toBe('Inconnue');
  });

  it('trusts a postal code of another département over a MEL namesake (Croix 90100)', () => {
    expect(zoneOf({ communeTitulaire: 'Croix', codePostalTitulaire: '90100' })).toBe('France (hors Hauts-de-France)');
    expect(zoneOf({ communeTitulaire: 'Croix', codePostalTitulaire: '59170' })).toBe('MEL (hors Roubaix)');
  });

  it('lets a MEL commune name win over a 59 postal code, and a postal code decide for an unknown commune', () => {
    expect(zoneOf({ communeTitulaire: 'Tourcoing', codePostalTitulaire: '59100' })).toBe('MEL (hors Roubaix)');
    // Lomme is an associated commune of Lille: not in the list by name, 59160 is MEL-only.
    expect(zoneOf({ communeTitulaire: 'Lomme', codePostalTitulaire: '59160' })).toBe('MEL (hors Roubaix)');
  });

  it('reads a postal code typed in the commune cell', () => {
    expect(zoneOf({ communeTitulaire: '59100 Roubaix' })).toBe('Roubaix');
    // Session 38: after the name too, as addresses are also written.
    expect(zoneOf({ communeTitulaire: 'Roubaix 59100' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: 'Lille 59000' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Arras 62000' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ communeTitulaire: 'Croix 90100' })).toBe('France (hors Hauts-de-France)');
    // The postal code column wins over the one typed in the commune cell.
    expect(zoneOf({ communeTitulaire: 'Arras 62000', codePostalTitulaire: '75001' })).toBe('France (hors Hauts-de-France)');
  });

  it('places Lomme and Hellemmes, associated communes of Lille, in the MEL by name alone', () => {
    // Session 38: they were Inconnue without a postal code (not among the 95 names).
    for (const name of ['Lomme', 'LOMME', 'Hellemmes', 'Hellemmes-Lille', 'Lille-Hellemmes', 'Lille Lomme', 'Lomme Cedex']) {
      expect({ name, zone: zoneOf({ communeTitulaire: name }) }).toEqual({ name, zone: 'MEL (hors Roubaix)' });
    }
    // A postal code of another département still wins, as for Croix 90100.
    expect(zoneOf({ communeTitulaire: 'Lomme', codePostalTitulaire: '75015' })).toBe('France (hors Hauts-de-France)');
    // Lommerange (57) is not Lomme.
    expect(zoneOf({ communeTitulaire: 'Lommerange' })).toBe('Inconnue');
  });
});

describe('MEL communes table (generated)', () => {
  it('holds the 95 communes with Roubaix 59100 and the MEL-only codes without 59780 and 59830', () => {
    expect(MEL_COMMUNES).toHaveLength(95);
    expect(MEL_COMMUNES.find((c) => c.insee === '59512')).toEqual({ insee: '59512', nom: 'Roubaix', codesPostaux: ['59100'] });
    expect(MEL_ONLY_POSTAL_CODES.has('59780')).toBe(false);
    expect(MEL_ONLY_POSTAL_CODES.has('59830')).toBe(false);
    expect(MEL_ONLY_POSTAL_CODES.has('59100')).toBe(true);
    // Every MEL-only code belongs to a MEL commune.
    const all = new Set(MEL_COMMUNES.flatMap((c) => c.codesPostaux));
    for (const cp of MEL_ONLY_POSTAL_CODES) expect(all.has(cp)).toBe(true);
  });

  it('matches communes-mel.md (INSEE, name, postal codes)', () => {
    const lines = specText('communes-mel.md').split('\n');
    const rows = lines
      .map((l) => /^\|\s*(\d{5}|2[AB]\d{3})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ insee: m[1], nom: m[2], codesPostaux: m[3].split(/[,\s]+/).filter(Boolean).sort() }));
    expect(rows).toHaveLength(95);
    const byInsee = new Map(MEL_COMMUNES.map((c) => [c.insee, c]));
    for (const r of rows) {
      const c = byInsee.get(r.insee);
      expect(c && { insee: c.insee, nom: c.nom, codesPostaux: [...c.codesPostaux].sort() }).toEqual(r);
    }
  });
});

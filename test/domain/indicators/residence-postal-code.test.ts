/**
 * A facilitator often writes the residence as its postal code alone (« 59100 »): regles.md §6 says
 * Roubaix is « commune Roubaix, or postal code 59100 », and the README compares a residence as a
 * supplier's commune. The code alone was kept as a commune name, unknown: the beneficiary was not
 * counted a Roubaisien, and a supplier with « 59100 » in its commune cell fell in « Inconnue »
 * (blind recipe `insertion`, session 41).
 */
import { communeAndCode, zoneOf } from '../../../src/domain/zones';
import { register, sheet, value } from './fixtures';

describe('a postal code alone in a commune cell', () => {
  it('is read as the postal code, with no commune name', () => {
    expect(communeAndCode('59100')).toEqual({ commune: '', cp: '59100' });
    expect(communeAndCode(' 59200 ')).toEqual({ commune: '', cp: '59200' });
    // Six digits are still no postal code.
    expect(communeAndCode('123456')).toEqual({ commune: '123456', cp: null });
  });

  it('places a supplier whose commune cell is « 59100 » in Roubaix, the postal code column winning when filled', () => {
    expect(zoneOf({ communeTitulaire: '59100' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: '59200' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: '59100', codePostalTitulaire: '62000' })).toBe('Hauts-de-France (hors MEL)');
  });

  it('counts a beneficiary living at « 59100 » as a Roubaisien, « 59200 » not', () => {
    const s = sheet(['clauseSociale']);
    const reg = register([s.row({ numero: 'M 1' })], {
      suivi: [
        { numero: 'M 1', beneficiaire: 'A', communeResidence: '59100' },
        { numero: 'M 1', beneficiaire: 'B', communeResidence: 'Roubaix' },
        { numero: 'M 1', beneficiaire: 'C', communeResidence: '59200' },
      ],
    });
    // A and B of 3.
    expect(value(reg, '4.2.2-roubaisiens')).toBeCloseTo(200 / 3, 10);
  });
});

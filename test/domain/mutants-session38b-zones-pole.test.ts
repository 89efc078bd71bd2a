import { runChain } from '../../src/domain/chain';
import { poleKey } from '../../src/domain/normalize';
import { zoneOf } from '../../src/domain/zones';
import { d, grid } from '../helpers/grid';

// Second mutation audit of session 38: the commune cell with a postal code after the name, the
// associated communes of Lille, the year left out of a Pôle's grouping key, and the name of a
// Pôle in the partial N−1 remark.

describe('zoneOf: the commune cell and the postal code', () => {
  it('reads only five digits as a postal code: a Belgian four-digit code leaves the zone unknown', () => {
    expect(zoneOf({ communeTitulaire: 'Mouscron 7700' })).toBe('Inconnue');
    expect(zoneOf({ communeTitulaire: 'Roubaix 59100' })).toBe('Roubaix');
  });

  it('places « Lomme-Lille » (associated commune before its commune) in the MEL', () => {
    expect(zoneOf({ communeTitulaire: 'Lomme-Lille' })).toBe('MEL (hors Roubaix)');
  });

  it('lets a postal code of another département than 59 beat a MEL commune name (Lille 57000)', () => {
    expect(zoneOf({ communeTitulaire: 'Lille', codePostalTitulaire: '57000' })).toBe('France (hors Hauts-de-France)');
  });
});

describe('poleKey: a year in the name', () => {
  it('ignores every year of the name (« 2024-2025 »), and a year written first', () => {
    expect(poleKey('Pôle Culture 2024-2025')).toBe(poleKey('Pôle Culture'));
    expect(poleKey('2025 Culture')).toBe(poleKey('Culture'));
  });

  it('keeps a three-digit number, which is no year (« Site 201 », « Site 202 » are two Pôles)', () => {
    expect(poleKey('Site 201')).not.toBe(poleKey('Site 202'));
  });
});

describe('partial N−1 remark: the Pôle named as in the most recent year', () => {
  it('names a Pôle by its spelling of a later year than the exercice asked', () => {
    const HP = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'];
    const file = (name: string, ...rows: (string | number | null | { date: string })[][]) => ({ file: name, sheets: [grid('Marchés', [HP, ...rows])], state: null });
    const out = runChain(
      [
        file('A.xlsx', ['A-1', 'Voirie', 100, d('2024-02-01'), 'Pôle A'], ['A-0', 'Encre', 20, d('2023-03-01'), 'Pôle A']),
        file('B 2024.xlsx', ['B-1', 'Voirie', 100, d('2024-02-01'), 'POLE BETA']),
        file('B 2025.xlsx', ['B-2', 'Voirie', 100, d('2025-02-01'), 'Pôle Bêta']),
      ],
      { today: '2026-01-15', exercice: 2024 },
    );
    const remark = out.notices.filter((n) => n.startsWith('Les valeurs N−1'));
    expect(remark).toEqual([expect.stringContaining('Pôle Bêta')]);
    expect(remark[0]).not.toContain('POLE BETA');
  });
});

// Found by this audit: « Roubaix (59100) », the postal code in brackets after the name, read as an
// unknown commune (Inconnue) instead of Roubaix; a beneficiary's residence alike.
describe('zoneOf: a postal code in brackets after the commune name', () => {
  it('is read as the postal code typed after the name', () => {
    expect(zoneOf({ communeTitulaire: 'Roubaix (59100)' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: 'Lomme (59160)' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Roubaix ( 59100 )' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: 'Arras (62000)' })).toBe('Hauts-de-France (hors MEL)');
    // A MEL name with a code of another département is a namesake, as « Croix 90100 ».
    expect(zoneOf({ communeTitulaire: 'Croix (90100)' })).toBe('France (hors Hauts-de-France)');
  });
});

// Found by this audit (Z5): a CEDEX after the postal code typed after the name left the code unread,
// and the commune « roubaix 59100 » unknown.
describe('zoneOf: a CEDEX after the postal code typed after the name', () => {
  it('is dropped as the CEDEX suffix is (regles §6)', () => {
    expect(zoneOf({ communeTitulaire: 'Roubaix 59100 CEDEX' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: 'Lille 59000 Cedex 9' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Arras (62000) CEDEX' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ communeTitulaire: 'Croix 90100 Cedex' })).toBe('France (hors Hauts-de-France)');
  });
});

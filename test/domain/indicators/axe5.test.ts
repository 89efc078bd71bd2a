import type { Repartition } from '../../../src/domain/model';
import { siretNumber } from '../../../src/domain/indicators/engine';
import { indicator, register, sheet, value } from './fixtures';

const sumOf = (rep: Repartition | null, key: 'fournisseurs' | 'depense'): number =>
  Object.values(rep ?? {}).reduce<number>((s, v) => s + (typeof v === 'number' ? 0 : v[key]), 0);

describe('Axe 5 — suppliers by zone and size', () => {
  const s = sheet(['titulaire', 'siret', 'communeTitulaire', 'codePostalTitulaire', 'paysTitulaire', 'effectifTitulaire', 'categorieEntreprise']);
  const reg = register([
    s.row({ titulaire: 'Alpha SAS', communeTitulaire: 'Roubaix', montant: 1000, effectifTitulaire: 5 }), // Alpha: Roubaix, TPE
    s.row({ titulaire: 'ALPHA', communeTitulaire: 'Lille', montant: 500, categorieEntreprise: 'GE' }), // same supplier: its first row decides
    s.row({ titulaire: 'Beta', codePostalTitulaire: '59491', montant: 1500, effectifTitulaire: 300 }), // MEL, ETI
    s.row({ titulaire: 'Gamma', siret: '73282932000074', paysTitulaire: 'Belgique', montant: 1000 }), // Étranger, Inconnue
    s.row({ communeTitulaire: 'Roubaix', montant: 1000 }), // no supplier identity: spend only
    s.row({ titulaire: 'Delta', communeTitulaire: 'Roubaix', montant: 9000 }, { hasError: true }), // error: out
  ]);

  it('5.1.1-fournisseurs-zone: % of distinct suppliers and % of spend per zone, first row decides', () => {
    // Suppliers: Alpha (Roubaix), Beta (MEL), Gamma (Étranger) → 33.33 % each.
    // Spend 5000: Roubaix 1000 + 500 + 1000 = 2500 (50 %), MEL 1500 (30 %), Étranger 1000 (20 %).
    const r = indicator(reg, '5.1.1-fournisseurs-zone');
    expect(r.statut).toBe('calculé');
    expect(r.valeur).toBeNull();
    const rep = r.repartition as Record<string, { fournisseurs: number; depense: number }>;
    expect(Object.keys(rep)).toEqual(['Roubaix', 'MEL (hors Roubaix)', 'Hauts-de-France (hors MEL)', 'France (hors Hauts-de-France)', 'Étranger', 'Inconnue']);
    expect(rep['Roubaix'].fournisseurs).toBeCloseTo(100 / 3, 10);
    expect(rep['Roubaix'].depense).toBeCloseTo(50, 10);
    expect(rep['MEL (hors Roubaix)'].depense).toBeCloseTo(30, 10);
    expect(rep['Étranger'].depense).toBeCloseTo(20, 10);
    expect(rep['Inconnue'].fournisseurs).toBe(0);
    expect(sumOf(r.repartition, 'fournisseurs')).toBeCloseTo(100, 10);
    expect(sumOf(r.repartition, 'depense')).toBeCloseTo(100, 10);
  });

  it('5.1.1-montant-moyen-roubaix divides the Roubaix suppliers’ spend by their number', () => {
    // Alpha is Roubaix: 1000 + 500 = 1500 over 1 supplier (the unidentified row is not a supplier).
    expect(value(reg, '5.1.1-montant-moyen-roubaix')).toBe(1500);
  });

  it('5.1.1-montant-moyen-roubaix is non calculable with no Roubaix supplier', () => {
    const r = indicator(register([s.row({ titulaire: 'X', codePostalTitulaire: '75001' })]), '5.1.1-montant-moyen-roubaix');
    expect(r.motif).toBe('dénominateur nul : aucun fournisseur roubaisien');
  });

  it('5.1.4-fournisseurs-typologie: same two shares by size, Inconnue included', () => {
    // Suppliers: Alpha TPE (first row), Beta ETI, Gamma Inconnue → 33.33 % each.
    // Spend: TPE 1500 (30 %), ETI 1500 (30 %), Inconnue 1000 (Gamma) + 1000 (unidentified) = 40 %.
    const r = indicator(reg, '5.1.4-fournisseurs-typologie');
    const rep = r.repartition as Record<string, { fournisseurs: number; depense: number }>;
    expect(Object.keys(rep)).toEqual(['TPE', 'PME', 'ETI', 'GE', 'Inconnue']);
    expect(rep['TPE']).toEqual({ fournisseurs: 100 / 3, depense: 30 });
    expect(rep['GE'].fournisseurs).toBe(0);
    expect(rep['Inconnue'].depense).toBeCloseTo(40, 10);
    expect(sumOf(r.repartition, 'fournisseurs')).toBeCloseTo(100, 10);
    expect(sumOf(r.repartition, 'depense')).toBeCloseTo(100, 10);
  });

  it('counts a supplier once by valid SIRET whatever its name', () => {
    const t = sheet(['titulaire', 'siret', 'codePostalTitulaire']);
    const reg2 = register([
      t.row({ titulaire: 'Nom 1', siret: '732 829 320 00074', codePostalTitulaire: '59100', montant: 100 }),
      t.row({ titulaire: 'Nom 2', siret: '73282932000074', codePostalTitulaire: '75001', montant: 300 }),
    ]);
    // One supplier (Roubaix, its first row): 100 % of suppliers and of spend in Roubaix.
    const rep = indicator(reg2, '5.1.1-fournisseurs-zone').repartition as Record<string, { fournisseurs: number; depense: number }>;
    expect(rep['Roubaix']).toEqual({ fournisseurs: 100, depense: 100 });
  });

  it('tells suppliers apart by valid SIRET, by name when the SIRET is invalid, whatever form the cell takes', () => {
    const t = sheet(['titulaire', 'siret', 'codePostalTitulaire', 'categorieEntreprise']);
    const reg2 = register([
      t.row({ titulaire: 'A', siret: '73282932000074', categorieEntreprise: 'TPE', montant: 100 }), // valid SIRET: S
      t.row({ titulaire: 'Beta SARL', siret: '73282932000075', categorieEntreprise: 'PME', montant: 100 }), // invalid: name beta
      t.row({ titulaire: 'Gamma', siret: '73282932000075', categorieEntreprise: 'ETI', montant: 100 }), // same invalid SIRET, name gamma
      t.row({ titulaire: 'beta', categorieEntreprise: 'GE', montant: 100 }), // no SIRET: beta again
      t.row({ titulaire: 'Z', siret: '732 829 320 00074', categorieEntreprise: 'GE', montant: 100 }), // S with blanks
      t.row({ titulaire: 'GAMMA', siret: 'ABC', categorieEntreprise: 'GE', montant: 100 }), // gamma again
    ]);
    // Three suppliers, each of the size of its first row: S TPE, beta PME, gamma ETI.
    const rep = indicator(reg2, '5.1.4-fournisseurs-typologie').repartition as Record<string, { fournisseurs: number; depense: number }>;
    expect(rep['TPE'].fournisseurs).toBeCloseTo(100 / 3, 10);
    expect(rep['PME'].fournisseurs).toBeCloseTo(100 / 3, 10);
    expect(rep['ETI'].fournisseurs).toBeCloseTo(100 / 3, 10);
    expect(rep['GE'].fournisseurs).toBe(0);
    // Spend follows the supplier's category: S 200, beta 200, gamma 200.
    expect(rep['TPE'].depense).toBeCloseTo(100 / 3, 10);
    expect(rep['GE'].depense).toBe(0);
  });

  it('siretNumber reads exactly 14 digits, else −1', () => {
    expect(siretNumber('73282932000074')).toBe(73282932000074);
    expect(siretNumber('00000000000001')).toBe(1);
    expect(siretNumber('99999999999999')).toBe(99999999999999);
    expect(siretNumber('7328293200007')).toBe(-1);
    expect(siretNumber('732 829 320 00074')).toBe(-1);
    expect(siretNumber('7328293200007A')).toBe(-1);
    expect(siretNumber('')).toBe(-1);
  });

  it('needs a location column, and is non calculable without any identified supplier', () => {
    const noLoc = sheet(['titulaire']);
    expect(indicator(register([noLoc.row({ titulaire: 'A' })]), '5.1.1-fournisseurs-zone').motif).toBe(
      'colonnes « Commune du titulaire » et « Code postal du titulaire » absentes',
    );
    const anon = sheet(['communeTitulaire']);
    expect(indicator(register([anon.row({ communeTitulaire: 'Roubaix' })]), '5.1.1-fournisseurs-zone').motif).toContain('aucun titulaire identifié');
  });
});

describe('Axe 5 — innovation', () => {
  it('5.2.1-innovants-nb and -montant are shares of contracts (notified amounts)', () => {
    const s = sheet(['marcheInnovant', 'montantMandate']);
    const reg = register([
      s.row({ marcheInnovant: true, montant: 1000, montantMandate: 1 }),
      s.row({ marcheInnovant: false, montant: 3000 }),
      s.row({ montant: 4000 }),
    ]);
    // 1 / 3 contracts; 1000 / 8000 = 12.5 % (mt, not the mandated spend).
    expect(value(reg, '5.2.1-innovants-nb')).toBeCloseTo(100 / 3, 10);
    expect(value(reg, '5.2.1-innovants-montant')).toBe(12.5);
  });
});

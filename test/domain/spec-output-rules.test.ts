/**
 * Spec audit of `regles.md` §5 (spend of a row) and §6 (geographic zone of a
 * supplier), with hand-computed expectations. The plan tests of the spend note
 * go through the whole chain, so that the note follows what the indicators used.
 */
import type { CellValue } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import { spendUsed } from '../../src/domain/indicators/engine';
import { SPEND_NOTE_MANDATE, SPEND_NOTE_MONTANT } from '../../src/domain/plan';
import type { SheetPlan } from '../../src/domain/plan-types';
import { zoneOf } from '../../src/domain/zones';
import { d, grid } from '../helpers/grid';
import { indicator, register, sheet, value } from './indicators/fixtures';

// ---------------------------------------------------------------------------
// §5 dépense(r) = montantMandate when mapped and filled; otherwise montant.

describe('regles.md §5: the spend of a row', () => {
  it('is montantMandate when filled, 0 included; montant when the mandated cell is empty', () => {
    const s = sheet(['clauseSociale', 'montantMandate']);
    const reg = register([
      s.row({ clauseSociale: true, montant: 1000, montantMandate: 0 }), // filled with 0: spend 0, not 1000
      s.row({ clauseSociale: true, montant: 500 }), // empty: spend 500
      s.row({ clauseSociale: true, montant: 2000, montantMandate: 300 }), // spend 300
    ]);
    // 1.1.2-montant-ar = Σ dep over AR rows of R = 0 + 500 + 300.
    expect(value(reg, '1.1.2-montant-ar')).toBe(800);
  });

  it('is montant for the rows of a sheet that does not map the mandated column, in a consolidation', () => {
    const withMandate = sheet(['clauseSociale', 'montantMandate'], 'Pôle A');
    const without = sheet(['clauseSociale'], 'Pôle B');
    const reg = register([
      withMandate.row({ clauseSociale: true, montant: 1000, montantMandate: 250 }),
      without.row({ clauseSociale: true, montant: 4000 }),
    ]);
    expect(value(reg, '1.1.2-montant-ar')).toBe(4250);
  });

  it('weighs the spend shares of the zone breakdown (Roubaix 250 of 1 000 = 25 %, not 1 000 of 1 750)', () => {
    const s = sheet(['titulaire', 'communeTitulaire', 'montantMandate']);
    const reg = register([
      s.row({ titulaire: 'Alpha', communeTitulaire: 'Roubaix', montant: 1000, montantMandate: 250 }),
      s.row({ titulaire: 'Beta', communeTitulaire: 'Lille', montant: 750 }),
    ]);
    const rep = indicator(reg, '5.1.1-fournisseurs-zone').repartition as Record<string, { depense: number }>;
    expect(rep['Roubaix'].depense).toBeCloseTo(25, 10);
    expect(rep['MEL (hors Roubaix)'].depense).toBeCloseTo(75, 10);
  });

  it('spendUsed says montantMandate only when a valid row of N has it filled', () => {
    const s = sheet(['montantMandate']);
    expect(spendUsed(register([s.row(), s.row({ montantMandate: 0 })]), 2025)).toBe('montantMandate');
    // Mapped but empty on every row of N: montant was used.
    expect(spendUsed(register([s.row(), s.row()]), 2025)).toBe('montant');
    // Filled only on a row in error: that row is not in R.
    expect(spendUsed(register([s.row(), s.row({ montantMandate: 10 }, { hasError: true })]), 2025)).toBe('montant');
    // Not mapped at all.
    expect(spendUsed(register([sheet([]).row()]), 2025)).toBe('montant');
  });
});

describe('regles.md §5: the indicator sheet says which amount was used', () => {
  const HEADER: CellValue[] = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];
  const rows: CellValue[][] = [
    ['2025-001', 'Nettoyage', 1000, d('2025-02-01')],
    ['2025-002', 'Fournitures', 2000, d('2025-03-01')],
  ];

  function spendNote(header: CellValue[], body: CellValue[][]) {
    const out = runChain([{ file: 'suivi.xlsx', sheets: [grid('Suivi', [header, ...body])], state: null }], {
      today: '2026-01-15',
      writesCharts: false,
    });
    const s = out.plan.sheets.find((x) => x.name === 'SPASER Indicateurs') as SheetPlan;
    const texts = s.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === 'string');
    return { depense: out.result.depense, mandate: texts.includes(SPEND_NOTE_MANDATE), montant: texts.includes(SPEND_NOTE_MONTANT) };
  }

  it('the mandated spend when the column is mapped and filled', () => {
    const note = spendNote([...HEADER, 'Montant mandaté'], [[...rows[0], 400], [...rows[1], null]]);
    expect(note).toEqual({ depense: 'montantMandate', mandate: true, montant: false });
    expect(SPEND_NOTE_MANDATE).toMatch(/mandatées/);
  });

  it('the notified amount when the column is absent', () => {
    expect(spendNote(HEADER, rows)).toEqual({ depense: 'montant', mandate: false, montant: true });
    expect(SPEND_NOTE_MONTANT).toMatch(/montant notifié/);
  });
});

// ---------------------------------------------------------------------------
// §6 zone: Étranger, Roubaix, MEL, Hauts-de-France, France, Inconnue; commune first, else postal code.

describe('regles.md §6: the order of the rules', () => {
  it('Étranger is checked first, whatever the commune or postal code, also alone', () => {
    expect(zoneOf({ paysTitulaire: 'Belgique' })).toBe('Étranger');
    expect(zoneOf({ paysTitulaire: 'Allemagne', communeTitulaire: 'Lille', codePostalTitulaire: '59000' })).toBe('Étranger');
    expect(zoneOf({ paysTitulaire: 'Espagne', codePostalTitulaire: '02100' })).toBe('Étranger');
  });

  it('France (or FR) as the country is no zone of its own: the address decides, else Inconnue', () => {
    expect(zoneOf({ paysTitulaire: 'France' })).toBe('Inconnue');
    expect(zoneOf({ paysTitulaire: 'FR', codePostalTitulaire: '62000' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ paysTitulaire: 'France', codePostalTitulaire: '13001' })).toBe('France (hors Hauts-de-France)');
  });

  it('Roubaix before the MEL: 59100 is Roubaix, not « a MEL-only postal code »', () => {
    expect(zoneOf({ codePostalTitulaire: '59100' })).toBe('Roubaix');
  });

  it('Hauts-de-France before France: each of 02, 59, 60, 62, 80 outside the MEL; any other 5 digits is France', () => {
    expect(zoneOf({ communeTitulaire: 'Saint-Quentin', codePostalTitulaire: '02100' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ communeTitulaire: 'Valenciennes', codePostalTitulaire: '59300' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ communeTitulaire: 'Beauvais', codePostalTitulaire: '60000' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ communeTitulaire: 'Arras', codePostalTitulaire: '62000' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ communeTitulaire: 'Amiens', codePostalTitulaire: '80000' })).toBe('Hauts-de-France (hors MEL)');
    // Neighbouring départements of the region are France.
    expect(zoneOf({ communeTitulaire: 'Reims', codePostalTitulaire: '51100' })).toBe('France (hors Hauts-de-France)');
    expect(zoneOf({ communeTitulaire: 'Charleville-Mézières', codePostalTitulaire: '08000' })).toBe('France (hors Hauts-de-France)');
    expect(zoneOf({ communeTitulaire: 'Rouen', codePostalTitulaire: '76000' })).toBe('France (hors Hauts-de-France)');
  });
});

describe('regles.md §6: commune first, else postal code', () => {
  it('the commune Roubaix decides over a postal code of the MEL or of a CEDEX', () => {
    expect(zoneOf({ communeTitulaire: 'Roubaix', codePostalTitulaire: '59200' })).toBe('Roubaix'); // Tourcoing's code
    expect(zoneOf({ communeTitulaire: 'Roubaix Cedex', codePostalTitulaire: '59052' })).toBe('Roubaix'); // a CEDEX code
  });

  it('a MEL commune decides over a postal code of Roubaix or of the rest of the Nord', () => {
    expect(zoneOf({ communeTitulaire: 'Wattrelos', codePostalTitulaire: '59100' })).toBe('MEL (hors Roubaix)');
    expect(zoneOf({ communeTitulaire: 'Lille Cedex', codePostalTitulaire: '59043' })).toBe('MEL (hors Roubaix)');
  });

  it('without a commune, the postal code decides', () => {
    expect(zoneOf({ communeTitulaire: '', codePostalTitulaire: '59100' })).toBe('Roubaix');
    expect(zoneOf({ communeTitulaire: '  ', codePostalTitulaire: '59650' })).toBe('MEL (hors Roubaix)'); // Villeneuve-d'Ascq
  });

  it('a commune outside the MEL lets the postal code decide; without one it is Inconnue', () => {
    expect(zoneOf({ communeTitulaire: 'Lens', codePostalTitulaire: '62300' })).toBe('Hauts-de-France (hors MEL)');
    expect(zoneOf({ communeTitulaire: 'Lens' })).toBe('Inconnue');
    expect(zoneOf({ communeTitulaire: 'Lyon', codePostalTitulaire: '' })).toBe('Inconnue');
  });

  it('a postal code that is not 5 digits is no postal code', () => {
    expect(zoneOf({ codePostalTitulaire: '5910' })).toBe('Inconnue');
    expect(zoneOf({ communeTitulaire: 'Lens', codePostalTitulaire: 'Pas-de-Calais' })).toBe('Inconnue');
  });
});

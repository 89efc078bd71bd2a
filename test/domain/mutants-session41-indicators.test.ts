/**
 * Mutation audit of the indicator definitions (session 41, `test/mutants-session41-indicators.md`):
 * the rules of `indicateurs.md` and the README that no test held. Expectations worked out by hand
 * from the spec, never from the code under test.
 */
import { indicator, register, sheet } from './indicators/fixtures';

describe('Cibles: which rows are targets, and their sens', () => {
  const s = sheet(['sourcage']);
  // 2.1.3-sourcage = #{M : sourcage} = 1.
  const rows = [s.row({ sourcage: true }), s.row({ sourcage: false })];

  it('a sens saying neither « au moins » nor « au plus » is read as at least (README « Cibles »)', () => {
    const reg = register(rows, { cibles: [{ indicateur: '2.1.3-sourcage', annee: 2025, cible: 2, sens: 'à voir' }] });
    // Read as ≥: 1 ≥ 2 is false (read as ≤ it would be met).
    expect(indicator(reg, '2.1.3-sourcage').cible).toEqual({ valeur: 2, sens: '≥', atteinte: false });
    // One target with a value, none met: 0 %.
    expect(indicator(reg, '1.1.1-cibles-atteintes').valeur).toBe(0);
  });

  it('a Cibles row of N without a target value is no target; the next row with one is', () => {
    // A template listing the indicator before the COPIL sets its target, then the target set below.
    const reg = register(rows, {
      cibles: [
        { indicateur: '2.1.3-sourcage', annee: 2025 },
        { indicateur: '2.1.3-sourcage', annee: 2025, cible: 1 },
      ],
    });
    // 1 ≥ 1: met.
    expect(indicator(reg, '2.1.3-sourcage').cible).toEqual({ valeur: 1, sens: '≥', atteinte: true });
    const r = indicator(reg, '1.1.1-cibles-atteintes');
    expect(r.valeur).toBe(100);
    expect(r.couverture).toEqual({ renseignees: 1, total: 1 });
  });

  it('a lone Cibles row without a target value sets no target', () => {
    const reg = register(rows, { cibles: [{ indicateur: '2.1.3-sourcage', annee: 2025 }] });
    expect(indicator(reg, '2.1.3-sourcage').cible).toBeNull();
    expect(indicator(reg, '1.1.1-cibles-atteintes').couverture).toEqual({ renseignees: 0, total: 0 });
  });
});

describe('Suivi insertion rows of N are those of a contract of M', () => {
  const s = sheet(['horsMarche']);

  it('a Suivi row of a hors-marché order of N is not counted', () => {
    // M = {INS-1} (HM-1 is an order outside any contract): one Suivi row of N, one person.
    const reg = register([s.row({ numero: 'INS-1' }), s.row({ numero: 'HM-1', horsMarche: true })], {
      suivi: [
        { numero: 'INS-1', beneficiaire: 'Ana', sexe: 'F' },
        { numero: 'HM-1', beneficiaire: 'Bob', sexe: 'H' },
      ],
    });
    expect(indicator(reg, '4.2.2-contrats').valeur).toBe(1);
    expect(indicator(reg, '4.2.2-personnes').valeur).toBe(1);
    // Ana alone: 100 % of women.
    expect(indicator(reg, '4.2.2-femmes').valeur).toBe(100);
  });

  it('a Suivi sheet following no contract of N: counts are 0, shares non calculable', () => {
    // The sheet is there, N has a contract, no Suivi row names it: #rows = 0, distinct people = 0,
    // and the share of women has an empty denominator.
    const reg = register([s.row({ numero: 'INS-1' })], { suivi: [{ numero: 'AUTRE-9', beneficiaire: 'Ana', sexe: 'F', qpv: true }] });
    expect(indicator(reg, '4.2.2-contrats')).toMatchObject({ statut: 'calculé', valeur: 0 });
    expect(indicator(reg, '4.2.2-personnes')).toMatchObject({ statut: 'calculé', valeur: 0 });
    expect(indicator(reg, '4.2.2-residents-qpv')).toMatchObject({ statut: 'calculé', valeur: 0 });
    expect(indicator(reg, '4.2.2-femmes')).toMatchObject({ statut: 'non calculable', valeur: null });
  });
});

describe('4.2.2-heures: a Suivi row with 0 hours is filled', () => {
  it('a contract followed with 0 hours counts as renseignée (coverage: rows with the field filled)', () => {
    // M = {INS-1}, followed in Suivi insertion with heures = 0 (a filled cell): Σ heures = 0,
    // one contract of one with its hours filled.
    const s = sheet([]);
    const reg = register([s.row({ numero: 'INS-1' })], { suivi: [{ numero: 'INS-1', beneficiaire: 'Ana', heures: 0 }] });
    const r = indicator(reg, '4.2.2-heures');
    expect(r).toMatchObject({ statut: 'calculé', valeur: 0 });
    expect(r.couverture).toEqual({ renseignees: 1, total: 1 });
  });
});

describe('coverage and notes over the rows that take part', () => {
  it('a Suivi column absent: non calculable over the Suivi rows of N, all in the coverage total', () => {
    // Two Suivi rows of N, from a sheet without « Sexe »: none can take part, 0 filled of 2 (regles §2).
    const s = sheet([]);
    const reg = register([s.row({ numero: 'C-1' })], {
      suivi: [
        { values: { numero: 'C-1', beneficiaire: 'A' }, mapped: ['numero', 'beneficiaire'] },
        { values: { numero: 'C-1', beneficiaire: 'B' }, mapped: ['numero', 'beneficiaire'] },
      ],
    });
    const r = indicator(reg, '4.2.2-femmes');
    expect(r.statut).toBe('non calculable');
    expect(r.couverture).toEqual({ renseignees: 0, total: 2 });
  });

  it('the spend note counts the rows taking part, not a sheet left out for lack of the column', () => {
    // 1.1.2-montant-ar needs a social or environmental field: sheet B has none, its row is out.
    // The one row taking part is mandated: every row taking part uses the mandated spend.
    const a = sheet(['clauseSociale', 'montantMandate'], 'A');
    const b = sheet(['montantMandate'], 'B');
    const reg = register([a.row({ clauseSociale: true, montantMandate: 500 }), b.row({})]);
    const r = indicator(reg, '1.1.2-montant-ar');
    expect(r.valeur).toBe(500);
    expect(r.note).toBe('dépense\u00a0: dépenses mandatées HT (€)');
  });
});

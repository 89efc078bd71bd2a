import type { RegisterRow } from '../../../src/domain/model';
import { computeIndicators, defaultExercice, spendUsed } from '../../../src/domain/indicators/engine';
import { IDS_IN_ORDER } from './ids';
import { indicator, register, sheet } from './fixtures';

describe('computeIndicators: result shape', () => {
  const s = sheet(['sourcage']);
  const results = computeIndicators(register([s.row({ sourcage: true })]), 2025, { chartsWritten: 0 });

  it('gives every indicator exactly once, in catalogue order', () => {
    expect(results.map((r) => r.id)).toEqual(IDS_IN_ORDER);
  });

  it('gives a value only when calculé or saisi, and a motif only when non calculable', () => {
    for (const r of results) {
      if (r.statut === 'non calculable') {
        expect(r.valeur).toBeNull();
        expect(r.repartition).toBeNull();
        expect(r.motif).toEqual(expect.any(String));
      } else {
        expect(r.motif).toBeNull();
      }
    }
    expect(results.find((r) => r.id === '2.1.3-sourcage')).toMatchObject({ statut: 'calculé', valeur: 1, axe: 2, objectif: '2.1.3' });
  });

  it('leaves rows with an error out of every indicator', () => {
    const reg = register([s.row({ sourcage: true }), s.row({ sourcage: true }, { hasError: true })]);
    expect(indicator(reg, '2.1.3-sourcage').valeur).toBe(1);
    expect(indicator(reg, '2.1.3-sourcage').couverture).toEqual({ renseignees: 1, total: 1 });
  });
});

describe('Saisies manuelles', () => {
  const s = sheet(['sourcage']);
  const saisies = [
    { indicateur: '2.1.3-sourcage', annee: 2025, valeur: 99 }, // never over a computed value
    { indicateur: '2.1.5-delai-paiement', annee: 2024, valeur: 11 }, // other year
    { indicateur: '2.1.5-delai-paiement', annee: 2025, valeur: 25 },
    { indicateur: '2.1.5-delai-paiement', annee: 2025, valeur: 28, source: 'Finances' }, // later row wins
  ];
  const reg = register([s.row({ sourcage: true })], { saisies });

  it('never replaces a computed value', () => {
    expect(indicator(reg, '2.1.3-sourcage')).toMatchObject({ statut: 'calculé', valeur: 1 });
  });

  it('fills a non calculable indicator with the last manual value of the year', () => {
    const r = indicator(reg, '2.1.5-delai-paiement');
    expect(r).toMatchObject({ statut: 'saisi', valeur: 28, motif: null });
    expect(r.note).toContain('Finances');
  });
});

describe('Cibles', () => {
  const s = sheet(['sourcage', 'negociation', 'delaiPaiement', 'titulaire', 'communeTitulaire']);
  const rows = [
    s.row({ sourcage: true, negociation: true, titulaire: 'A', communeTitulaire: 'Roubaix' }),
    s.row({ sourcage: true }),
  ];
  const cibles = [
    { indicateur: '2.1.3-sourcage', annee: 2025, cible: 2, sens: '≥' }, // 2 ≥ 2: met (equal)
    { indicateur: '2.2.4-dossiers-negocies', annee: 2025, cible: 0, sens: '≤' }, // 1 ≤ 0: not met
    { indicateur: '2.1.5-delai-paiement', annee: 2025, cible: 30, sens: '≤' }, // no value: excluded
    { indicateur: '5.1.1-fournisseurs-zone', annee: 2025, cible: 50 }, // breakdown: excluded
    { indicateur: '3.2.1-fournitures-evitees', annee: 2025, cible: 15, sens: '≤' }, // saisi 12: met
    { indicateur: '2.1.3-sourcage', annee: 2024, cible: 100 }, // other year
  ];
  const reg = register(rows, { cibles, saisies: [{ indicateur: '3.2.1-fournitures-evitees', annee: 2025, valeur: 12 }] });

  it('attaches the target of N; equal meets; empty sens is ≥', () => {
    expect(indicator(reg, '2.1.3-sourcage').cible).toEqual({ valeur: 2, sens: '≥', atteinte: true });
    expect(indicator(reg, '2.2.4-dossiers-negocies').cible).toEqual({ valeur: 0, sens: '≤', atteinte: false });
    expect(indicator(reg, '2.1.5-delai-paiement').cible).toEqual({ valeur: 30, sens: '≤', atteinte: null });
    expect(indicator(reg, '5.1.1-fournisseurs-zone').cible).toEqual({ valeur: 50, sens: '≥', atteinte: null });
    expect(indicator(reg, '2.1.4-cout-global').cible).toBeNull();
  });

  it('1.1.1-cibles-atteintes: % of targets of N with a value that are met', () => {
    // With a value: sourcage (met), négociés (not met), fournitures évitées saisi (met) → 2 / 3.
    const r = indicator(reg, '1.1.1-cibles-atteintes');
    expect(r.valeur).toBeCloseTo(200 / 3, 10);
    expect(r.couverture).toEqual({ renseignees: 3, total: 5 });
  });

  it('1.1.1-cibles-atteintes is non calculable without the Cibles sheet', () => {
    expect(indicator(register(rows), '1.1.1-cibles-atteintes').motif).toBe('feuille Cibles absente');
  });

  it('reads ≤ from "<=" and "au plus"', () => {
    const reg2 = register(rows, { cibles: [{ indicateur: '2.1.3-sourcage', annee: 2025, cible: 3, sens: '<=' }] });
    expect(indicator(reg2, '2.1.3-sourcage').cible).toEqual({ valeur: 3, sens: '≤', atteinte: true });
  });
});

describe('N−1', () => {
  const s = sheet(['sourcage']);

  it('gives the value of N−1 when the register holds valid rows of N−1', () => {
    const reg = register([s.row({ sourcage: true }), s.row({ annee: 2024, sourcage: true }), s.row({ annee: 2024, sourcage: true })]);
    expect(indicator(reg, '2.1.3-sourcage')).toMatchObject({ valeur: 1, n1: 2 });
  });

  it('is null when N−1 rows are all errors', () => {
    const reg = register([s.row({ sourcage: true }), s.row({ annee: 2024, sourcage: true }, { hasError: true })]);
    expect(indicator(reg, '2.1.3-sourcage').n1).toBeNull();
  });

  it('uses the N−1 year for date-dependent formulas', () => {
    const t = sheet(['dureeMois', 'reunionCadrage', 'nbBilans']);
    // In 2024: notified 2024-01-31 + 11 months = 2024-12-31 → 2 bilans expected, 1 given → not met (0 %).
    // In 2025 the 2025 row: notified 2025-06-01 + 24 > ; + 12 = 2026-06-01 > → 0 expected → met (100 %).
    const reg = register([
      t.row({ annee: 2024, dateNotification: '2024-01-31', dureeMois: 11, reunionCadrage: true, nbBilans: 1 }),
      t.row({ dateNotification: '2025-06-01', dureeMois: 24, reunionCadrage: true }),
    ]);
    expect(indicator(reg, '2.1.5-relation-fournisseur')).toMatchObject({ valeur: 100, n1: 0 });
  });
});

describe('par Pôle', () => {
  const a = sheet(['sourcage'], 'A', 'Pôle A');
  const b = sheet([], 'B', 'Pôle B');
  const reg = register([a.row({ sourcage: true }), a.row({ sourcage: false }), b.row({}), b.row({}, { pole: 'Pôle C' })]);

  it('computes each indicator per Pôle, null where the Pôle cannot', () => {
    // Pôle A: 1 sourcing; Pôle B and C: no `sourcage` column → null.
    expect(indicator(reg, '2.1.3-sourcage').parPole).toEqual({ 'Pôle A': 1, 'Pôle B': null, 'Pôle C': null });
    // City-only indicators carry null per Pôle.
    expect(indicator(reg, '1.1.2-dataviz').parPole).toEqual({ 'Pôle A': null, 'Pôle B': null, 'Pôle C': null });
  });

  it('is null when no row carries a Pôle', () => {
    const noPole = sheet(['sourcage'], 'X', '');
    expect(indicator(register([noPole.row({ sourcage: true })]), '2.1.3-sourcage').parPole).toBeNull();
  });
});

describe('defaultExercice (regles §9)', () => {
  const s = sheet([]);
  const withYears = (...years: (number | null)[]): RegisterRow[] =>
    years.map((y, i) => (y === null ? { ...s.row(), annee: null } : s.row({ annee: y }, { hasError: i === 0 })));

  it('takes the year with most rows with a readable date, errors included', () => {
    // 2024 ×2 (one in error), 2025 ×1.
    expect(defaultExercice(withYears(2024, 2024, 2025, null, null))).toBe(2024);
  });

  it('takes the later year on a tie, and null without any date', () => {
    expect(defaultExercice(withYears(2025, 2024, 2025, 2024))).toBe(2025);
    expect(defaultExercice(withYears(null))).toBeNull();
  });
});

describe('spendUsed', () => {
  it('is montantMandate as soon as a valid row of N uses it', () => {
    const s = sheet(['montantMandate']);
    expect(spendUsed(register([s.row({ montantMandate: 10 }), s.row()]), 2025)).toBe('montantMandate');
    expect(spendUsed(register([s.row(), s.row({ annee: 2024, montantMandate: 1 })]), 2025)).toBe('montant');
  });
});

/**
 * Mutation audit of session 22 (axe2.ts, axe3.ts, axe5.ts): formulas and needs of
 * `indicateurs.md` that no test pinned. Expectations worked out by hand from the spec.
 */
import { poleView } from '../../../src/domain/indicators/engine';
import { indicator, register, sheet } from './fixtures';

describe('5.1.1-montant-moyen-roubaix: the denominator is the number of Roubaix suppliers', () => {
  it('a Roubaix supplier with no spend gives an average of 0, not « non calculable »', () => {
    // « Σ dep … ÷ number of distinct such suppliers »: one supplier, Σ dep = 0 → 0 / 1 = 0.
    const s = sheet(['titulaire', 'communeTitulaire']);
    const r = indicator(register([s.row({ titulaire: 'Alpha', communeTitulaire: 'Roubaix', montant: 0 })]), '5.1.1-montant-moyen-roubaix');
    expect(r.statut).toBe('calculé');
    expect(r.valeur).toBe(0);
  });
});

describe('3.2.1 manual values are the City’s only', () => {
  it('a Pôle’s view has no figures of its own for them (« Non ventilé par Pôle »)', () => {
    // README « Valeurs par Pôle »: null for each Pôle for « les saisies manuelles
    // 3.2.1-fournitures-evitees et 3.2.1-mobilier-reemploye »; a Pôle's view of an indicator
    // « calculé pour la Ville seule (liste ci-dessus) y lit « Non ventilé par Pôle » ».
    const s = sheet([], 'Registre', 'Pôle A');
    const view = poleView(register([s.row()]), 2025, 'Pôle A');
    expect(view.lignes).toBe(1);
    expect(view.figures.has('3.2.1-fournitures-evitees')).toBe(false);
    expect(view.figures.has('3.2.1-mobilier-reemploye')).toBe(false);
  });
});

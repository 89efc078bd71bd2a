/**
 * Mutation audit of session 18 (indicators engine: engine.ts, columns.ts, row-view.ts): rules of
 * `indicateurs.md`, `sortie.md`, `regles.md` and of the README's choices that no test pinned.
 * Expectations worked out by hand from the spec.
 */
import { computeIndicators, poleView } from '../../src/domain/indicators/engine';
import { indicator, register, sheet } from './indicators/fixtures';

describe('sortie.md couverture: Suivi insertion indicators count the rows of N with the needed column filled', () => {
  // Contract A-1 of N, followed by three Suivi rows: two with `sexe`, one without.
  const s = sheet([]);
  const reg = register([s.row({ numero: 'A-1' })], {
    suivi: [
      { numero: 'A-1', beneficiaire: 'P1', sexe: 'F' },
      { numero: 'A-1', beneficiaire: 'P2', sexe: 'H' },
      { numero: 'A-1', beneficiaire: 'P3' },
    ],
  });

  it('4.2.2-femmes (needs sexe): 2 of the 3 Suivi rows have it filled', () => {
    expect(indicator(reg, '4.2.2-femmes').couverture).toEqual({ renseignees: 2, total: 3 });
  });

  it('4.2.2-contrats (no column needed): every Suivi row of N takes part, 3 of 3', () => {
    const r = indicator(reg, '4.2.2-contrats');
    expect([r.valeur, r.couverture]).toEqual([3, { renseignees: 3, total: 3 }]);
  });
});

describe('sortie.md couverture: Actions SPASER indicators count the actions of N with a type filled', () => {
  it('two actions of N, one without typeAction: 1 of 2', () => {
    const reg = register([sheet([]).row()], {
      actions: [{ date: '2025-02-01', typeAction: 'Formation', participants: 3 }, { date: '2025-05-01', participants: 2 }],
    });
    const r = indicator(reg, '1.2.1-formations');
    expect([r.valeur, r.couverture]).toEqual([1, { renseignees: 1, total: 2 }]);
  });
});

describe('Saisies manuelles: a row of N with no value gives no manual value (README: the last row of the year wins)', () => {
  it('a later row of N without `valeur` does not replace the value 25 of an earlier row', () => {
    const reg = register([sheet([]).row()], {
      saisies: [
        { indicateur: '2.1.5-delai-paiement', annee: 2025, valeur: 25 },
        { indicateur: '2.1.5-delai-paiement', annee: 2025, source: 'Finances' },
      ],
    });
    expect(indicator(reg, '2.1.5-delai-paiement')).toMatchObject({ statut: 'saisi', valeur: 25 });
  });
});

describe('sortie.md: `n1` is null when the register holds no valid row of N−1', () => {
  it('Actions of N−1 but no register row of N−1: 1.2.1-formations has no N−1 value', () => {
    const reg = register([sheet([]).row()], {
      actions: [{ date: '2025-02-01', typeAction: 'Formation' }, { date: '2024-02-01', typeAction: 'Formation' }],
    });
    const r = computeIndicators(reg, 2025, { chartsWritten: 0 }).find((x) => x.id === '1.2.1-formations');
    expect([r?.valeur, r?.n1]).toEqual([1, null]);
  });
});

describe('README Saisies manuelles: « jamais par Pôle »', () => {
  it('a manual value fills the City only: the Pôle stays non calculable in its own view', () => {
    // No `delaiPaiement` column: 2.1.5-delai-paiement is non calculable for the City and for Pôle A.
    const reg = register([sheet([], 'Registre', 'Pôle A').row()], { saisies: [{ indicateur: '2.1.5-delai-paiement', annee: 2025, valeur: 25 }] });
    expect(indicator(reg, '2.1.5-delai-paiement')).toMatchObject({ statut: 'saisi', valeur: 25, parPole: { 'Pôle A': null } });
    expect(poleView(reg, 2025, 'Pôle A').figures.get('2.1.5-delai-paiement')).toMatchObject({ statut: 'non calculable', valeur: null });
  });
});

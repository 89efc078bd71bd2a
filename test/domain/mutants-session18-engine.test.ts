/**
 * Mutation audit of session 18 (indicators engine: engine.ts, columns.ts, row-view.ts): rules of
 * `indicateurs.md`, `sortie.md`, `regles.md` and of the README's choices that no test pinned.
 * Expectations worked out by hand from the spec.
 */
import type { RegisterRow } from '../../src/domain/model';
import { computeIndicators, defaultExercice, poleView } from '../../src/domain/indicators/engine';
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

describe('README Saisies manuelles: « jamais par Pôle »', () => {
  it('a manual value fills the City only: the Pôle stays non calculable in its own view', () => {
    // No `delaiPaiement` column: 2.1.5-delai-paiement is non calculable for the City and for Pôle A.
    const reg = register([sheet([], 'Registre', 'Pôle A').row()], { saisies: [{ indicateur: '2.1.5-delai-paiement', annee: 2025, valeur: 25 }] });
    expect(indicator(reg, '2.1.5-delai-paiement')).toMatchObject({ statut: 'saisi', valeur: 25, parPole: { 'Pôle A': null } });
    expect(poleView(reg, 2025, 'Pôle A').figures.get('2.1.5-delai-paiement')).toMatchObject({ statut: 'non calculable', valeur: null });
  });
});

describe('regles.md §9: the default exercice counts rows with a readable date only', () => {
  it('three rows without a readable date and one of 2024: the exercice is 2024, not « no year »', () => {
    const s = sheet([]);
    const undated = (): RegisterRow => ({ ...s.row(), annee: null, hasError: true });
    expect(defaultExercice([undated(), undated(), undated(), s.row({ annee: 2024 })])).toBe(2024);
  });

  it('no row with a readable date: no exercice', () => {
    const s = sheet([]);
    expect(defaultExercice([{ ...s.row(), annee: null }])).toBeNull();
  });
});

describe('sortie.md couverture with two needed fields: rows with both filled are « renseignées »', () => {
  it('2.1.1-prolongations-recurrents: two contracts with recurrent and nbAvenantsProlongation filled, one with neither → 2 of 3', () => {
    const s = sheet(['recurrent', 'nbAvenantsProlongation']);
    const r = indicator(register([s.row({ recurrent: true, nbAvenantsProlongation: 2 }), s.row({ recurrent: false, nbAvenantsProlongation: 1 }), s.row({})]), '2.1.1-prolongations-recurrents');
    // Σ nbAvenantsProlongation over {M : recurrent} = 2.
    expect([r.valeur, r.couverture]).toEqual([2, { renseignees: 2, total: 3 }]);
  });
});

describe('regles.md §6: Étranger when paysTitulaire is filled and not France, whatever else the row lacks', () => {
  it('5.1.1-fournisseurs-zone: a supplier with no address (Inconnue) and one with pays Belgique only (Étranger): 50 % each', () => {
    const s = sheet(['titulaire', 'communeTitulaire', 'paysTitulaire']);
    const r = indicator(register([s.row({ titulaire: 'Alpha' }), s.row({ titulaire: 'Beta', paysTitulaire: 'Belgique' })]), '5.1.1-fournisseurs-zone');
    expect(r.repartition?.['Inconnue']).toEqual({ fournisseurs: 50, depense: 50 });
    expect(r.repartition?.['Étranger']).toEqual({ fournisseurs: 50, depense: 50 });
  });
});

describe('regles.md §8: a SIRET counts only when valid (14 digits)', () => {
  it('15 digits starting with a valid SIRET are not that SIRET: the row counts by its name, two suppliers', () => {
    const s = sheet(['titulaire', 'siret', 'communeTitulaire']);
    const reg = register([
      s.row({ titulaire: 'Alpha', siret: '73282932000074', communeTitulaire: 'Roubaix' }),
      s.row({ titulaire: 'Beta', siret: '732829320000745', communeTitulaire: 'Roubaix' }),
    ]);
    // 5.1.1-montant-moyen-roubaix: Σ dep 1000 + 1000 over 2 distinct Roubaix suppliers = 1000.
    expect(indicator(reg, '5.1.1-montant-moyen-roubaix').valeur).toBe(1000);
  });
});

describe('sortie.md couverture for the fields around the 32nd (the two halves of the filled-field masks)', () => {
  // montantReemploi and montantReutilisation are the 32nd and 33rd fields of champs.md's register table.
  it.each([
    ['3.1.1-reemploi', 'montantReemploi'],
    ['3.1.1-reutilisation', 'montantReutilisation'],
    ['3.1.1-recycle', 'montantRecycle'],
  ] as const)('%s: 500 + empty = 500, 1 of 2 rows renseignée', (id, field) => {
    const s = sheet([field]);
    const r = indicator(register([s.row({ [field]: 500 }), s.row({})]), id);
    expect([r.valeur, r.couverture]).toEqual([500, { renseignees: 1, total: 2 }]);
  });
});

describe('indicateurs.md: Actions rows of N are those dated in N', () => {
  it('an action without a date is of no year: 1.2.1-formations counts the one Formation of 2025', () => {
    const reg = register([sheet([]).row()], { actions: [{ typeAction: 'Formation' }, { date: '2025-06-01', typeAction: 'Formation' }] });
    expect(indicator(reg, '1.2.1-formations').valeur).toBe(1);
  });
});

describe('regles.md §2 absent columns: a need « X or Y » met on one sheet, the other need on another sheet only', () => {
  it('1.1.2-avenants-ar: nbAvenants on sheet A, a critère environnemental on sheet B: no row can take part', () => {
    const a = sheet(['nbAvenants'], 'A');
    const b = sheet(['critereEnvironnemental'], 'B');
    const r = indicator(register([a.row({ nbAvenants: 2 }), b.row({ critereEnvironnemental: true })]), '1.1.2-avenants-ar');
    expect([r.statut, r.couverture]).toEqual(['non calculable', { renseignees: 0, total: 2 }]);
    // The « or » need is named whole (README, motifs of non calculable indicators), not by its first column.
    expect(r.motif).toBe(
      "aucune feuille ne contient à la fois la colonne « Nombre d'avenants » et l'une des colonnes « Clause sociale », « Critère social », « Marché réservé », " +
        "« Marché d'insertion et de qualification », « Clause environnementale » ou « Critère environnemental »",
    );
  });
});

describe('regles.md §5: the indicator sheet says which spend was used', () => {
  // Labels of champs.md: montantMandate « Dépenses mandatées HT (€) », montant « Montant notifié HT (€) ».
  it('every row of the scope mandated: the mandated spend only', () => {
    const s = sheet(['montantMandate', 'centraleAchat']);
    const r = indicator(register([s.row({ montantMandate: 400, centraleAchat: true }), s.row({ montantMandate: 100 })]), '3.2.1-centrales');
    expect([r.valeur, r.note]).toEqual([400, 'dépense : dépenses mandatées HT (€)']);
  });

  it('no mandated spend: the notified amount, and why', () => {
    const s = sheet(['centraleAchat']);
    const r = indicator(register([s.row({ montant: 700, centraleAchat: true }), s.row({})]), '3.2.1-centrales');
    expect([r.valeur, r.note]).toEqual([700, 'dépense : montant notifié HT (€) (pas de dépenses mandatées)']);
  });
});

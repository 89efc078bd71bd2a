/**
 * Mutation audit of session 19 (indicators engine, engine.ts lines 1–320 and 481–699, Stryker):
 * rules of `indicateurs.md`, `sortie.md`, `regles.md` and of the README's choices that no test
 * pinned. Expectations worked out by hand from those texts, never copied from the engine.
 */
import { spendUsed } from '../../src/domain/indicators/engine';
import { indicator, register, sheet } from './indicators/fixtures';

describe('README « Feuilles écrites »: the Note of a manual value gives its source, and only when it has one', () => {
  // README: the Note column gives « la note de l'indicateur (source d'une valeur saisie, …) ».
  // No delaiPaiement column: 2.1.5-delai-paiement is non calculable, the manual value fills it.
  it('a manual value without Source: the note names the sheet, and no source', () => {
    const r = indicator(register([sheet([]).row()], { saisies: [{ indicateur: '2.1.5-delai-paiement', annee: 2025, valeur: 25 }] }), '2.1.5-delai-paiement');
    expect(r.statut).toBe('saisi');
    // Named as the user named the sheet, with its row (session 27).
    expect(r.note).toMatch(/feuille\s«\sSaisies\s» ligne\s2/);
    expect(r.note).not.toMatch(/source/);
  });
});

describe('regles.md §6: each supplier’s zone is judged on its own country, commune and postal code', () => {
  // Both without commune nor postal code: the one in Belgium is Étranger (paysTitulaire filled,
  // not France), the one in France has nothing to place it: Inconnue. One supplier each, 1 000 € each.
  it('5.1.1-fournisseurs-zone: pays France and pays Belgique, no address else → Inconnue 50 %, Étranger 50 %', () => {
    const s = sheet(['titulaire', 'communeTitulaire', 'paysTitulaire']);
    const r = indicator(register([s.row({ titulaire: 'Alpha', paysTitulaire: 'France' }), s.row({ titulaire: 'Beta', paysTitulaire: 'Belgique' })]), '5.1.1-fournisseurs-zone');
    expect(r.repartition?.['Inconnue']).toEqual({ fournisseurs: 50, depense: 50 });
    expect(r.repartition?.['Étranger']).toEqual({ fournisseurs: 50, depense: 50 });
  });
});

describe('README « Indicateurs »: `depense` is montantMandate as soon as a valid row of N uses it', () => {
  const s = sheet(['montantMandate']);

  it('the only row of N with a mandated spend is in error: the spend is the notified amount', () => {
    expect(spendUsed(register([s.row(), s.row({ montantMandate: 800 }, { hasError: true })]), 2025)).toBe('montant');
  });

  it('guard: the same row without error makes it montantMandate', () => {
    expect(spendUsed(register([s.row(), s.row({ montantMandate: 800 })]), 2025)).toBe('montantMandate');
  });
});

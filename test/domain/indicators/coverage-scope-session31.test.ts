/**
 * Coverage scope audit (session 31): `couverture.total` is the number of rows of the indicator's
 * scope, `couverture.renseignees` how many of them took part with the needed field filled
 * (`sortie.md`). A register with every needed field filled reads 100 %.
 */
import { indicator, register, sheet } from './fixtures';

describe('1.1.1-cibles-atteintes: targets on a breakdown are outside its scope', () => {
  it('a target on a breakdown is not one of the targets it judges: 1 on 1, not 1 on 3', () => {
    // indicateurs.md: « considers the Cibles rows of N whose indicator has a single numeric value
    // (calculé or saisi), breakdowns excluded ». 5.1.1 / 5.1.4 never have one: out of the total.
    const s = sheet(['sourcage', 'titulaire', 'communeTitulaire', 'categorieEntreprise']);
    const reg = register([s.row({ sourcage: true, titulaire: 'A', communeTitulaire: 'Roubaix', categorieEntreprise: 'PME' })], {
      cibles: [
        { indicateur: '2.1.3-sourcage', annee: 2025, cible: 1 }, // 1 ≥ 1: met
        { indicateur: '5.1.1-fournisseurs-zone', annee: 2025, cible: 50 }, // breakdown: excluded
        { indicateur: '5.1.4-fournisseurs-typologie', annee: 2025, cible: 50 }, // breakdown: excluded
      ],
    });
    const r = indicator(reg, '1.1.1-cibles-atteintes');
    expect(r).toMatchObject({ statut: 'calculé', valeur: 100, couverture: { renseignees: 1, total: 1 } });
  });
});

describe('2.2.5-offre-technique-amelioree: its scope is the negotiated contracts of M', () => {
  it('non-negotiated contracts, whose offre technique cannot be improved in negotiation, are not in the total', () => {
    // indicateurs.md: `% #{M : negociation and offreTechAmelioree} / #{M : negociation}`: the share is over the
    // negotiated contracts (as 1.2.1-personnes-formees is over the formations); an empty yes/no is non (regles.md §2).
    const s = sheet(['negociation', 'offreTechAmelioree']);
    const reg = register([
      s.row({ negociation: true, offreTechAmelioree: true }),
      s.row({ negociation: true, offreTechAmelioree: false }),
      s.row({ negociation: false }), // not negotiated: nothing to improve, left empty
      s.row({}), // not negotiated (empty = non)
      s.row({ negociation: true }, { hasError: true }), // error: never counts
      s.row({ negociation: true, offreTechAmelioree: true, annee: 2024 }), // N−1: never counts in N
    ]);
    const r = indicator(reg, '2.2.5-offre-technique-amelioree');
    // Every negotiated contract of N has its answer: 2 on 2 (the code says 2 on 4).
    expect(r).toMatchObject({ statut: 'calculé', valeur: 50, couverture: { renseignees: 2, total: 2 } });
  });

  it('a negotiated contract without an answer is the one not filled', () => {
    // Same formula: the negotiated contract with offreTechAmelioree empty is in the scope, not filled.
    const s = sheet(['negociation', 'offreTechAmelioree']);
    const reg = register([s.row({ negociation: true, offreTechAmelioree: true }), s.row({ negociation: true }), s.row({ negociation: false })]);
    expect(indicator(reg, '2.2.5-offre-technique-amelioree')).toMatchObject({ statut: 'calculé', valeur: 50, couverture: { renseignees: 1, total: 2 } });
  });

  it('the contracts of a sheet without the columns may be negotiated: in the total, not filled', () => {
    // regles.md §2: a row whose sheet does not map a needed field is unknown, not non; the coverage says so.
    const a = sheet(['negociation', 'offreTechAmelioree'], 'Pôle A', 'Pôle A');
    const b = sheet([], 'Pôle B', 'Pôle B');
    const reg = register([a.row({ negociation: true, offreTechAmelioree: true }), a.row({ negociation: false }), b.row(), b.row()]);
    const r = indicator(reg, '2.2.5-offre-technique-amelioree');
    expect(r).toMatchObject({ statut: 'calculé', valeur: 100, couverture: { renseignees: 1, total: 3 } });
    // Per Pôle: Pôle A's value; Pôle B, without the columns, has none.
    expect(r.parPole).toEqual({ 'Pôle A': 100, 'Pôle B': null });
  });
});

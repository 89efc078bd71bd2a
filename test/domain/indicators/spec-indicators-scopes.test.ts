/**
 * Spec audit (indicateurs.md, notation and tables): the row set each register
 * indicator counts (`R`, `M`, `MC`) and the columns it needs, id by id. The
 * scopes and the needed columns below are copied from the spec's tables, not
 * from the catalogue.
 */
import { PROCEDURE_SANS_PUBLICITE, type RegisterValues } from '../../../src/domain/fields';
import { computeIndicators } from '../../../src/domain/indicators/engine';
import type { IndicatorResult } from '../../../src/domain/model';
import { INDICATOR_FIELDS, register, sheet } from './fixtures';

/** Scope of each register indicator, from its formula in indicateurs.md. */
const SCOPE_R = [
  '1.1.2-montant-ar',
  '2.1.2-hors-marche-nb',
  '2.1.2-hors-marche-montant',
  '2.1.2-sans-nomenclature-nb',
  '2.1.2-sans-nomenclature-montant',
  '2.1.5-delai-paiement',
  '2.2.2-hors-bpu',
  '3.1.1-reemploi',
  '3.1.1-reutilisation',
  '3.1.1-recycle',
  '3.2.1-location',
  '3.2.1-achat-usage',
  '3.2.1-centrales',
  '4.2.3-montant-esat-siae-ess',
  '5.1.1-fournisseurs-zone',
  '5.1.1-montant-moyen-roubaix',
  '5.1.4-fournisseurs-typologie',
];
const SCOPE_M = [
  '1.1.2-marches-ar',
  '1.1.2-avenants-ar',
  '2.1.1-programmes-nb',
  '2.1.1-programmes-montant',
  '2.1.1-prolongations-recurrents',
  '2.1.3-sourcage',
  '2.1.4-cout-global',
  '2.1.5-relation-fournisseur',
  '2.1.5-reunions',
  '2.2.3-fiches-suivi',
  '2.2.4-dossiers-negocies',
  '2.2.4-gain-negociation',
  '2.2.5-offre-technique-amelioree',
  '3.1.1-consideration-env',
  '3.1.1-clauses-env',
  '4.1.2-consideration-sociale',
  '4.2.1-insertion-nb',
  '4.2.1-insertion-montant',
  '4.2.2-clause-sociale-nb',
  '4.2.2-clause-sociale-part',
  '4.2.2-heures',
  '4.2.3-reserves',
  '5.2.1-innovants-nb',
  '5.2.1-innovants-montant',
];
const SCOPE_MC = ['2.2.3-soumissionnaires', '3.1.1-criteres-env'];


/** A row where every indicator has something to count (every yes/no oui, every amount filled). */
const EVERYTHING: Partial<RegisterValues> = {
  codeNomenclature: 'F01',
  dureeMois: 12,
  montant: 1000,
  montantMandate: 800,
  programme: true,
  recurrent: true,
  nbAvenants: 2,
  nbAvenantsProlongation: 1,
  sourcage: true,
  coutGlobal: true,
  reunionCadrage: true,
  nbBilans: 2,
  delaiPaiement: 20,
  montantHorsBPU: 50,
  offresRecues: 3,
  ficheSuivi: true,
  negociation: true,
  gainNegociation: 40,
  offreTechAmelioree: true,
  clauseEnvironnementale: true,
  critereEnvironnemental: true,
  montantReemploi: 10,
  montantReutilisation: 20,
  montantRecycle: 30,
  centraleAchat: true,
  modeAcquisition: 'Location',
  clauseSociale: true,
  critereSocial: true,
  marcheReserve: 'SIAE',
  marcheInsertion: true,
  heuresInsertionRealisees: 35,
  structureTitulaire: 'SIAE',
  marcheInnovant: true,
  titulaire: 'Alpha',
  communeTitulaire: 'Roubaix',
  categorieEntreprise: 'PME',
};

const byId = (results: IndicatorResult[]): Map<string, IndicatorResult> => new Map(results.map((r) => [r.id, r]));

describe('indicateurs.md — the row set of each indicator (R, M, MC)', () => {
  const s = sheet(INDICATOR_FIELDS);

  it('lists every register indicator of the spec in exactly one scope', () => {
    const all = [...SCOPE_R, ...SCOPE_M, ...SCOPE_MC];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(43);
  });

  describe('rows of N that are all orders outside any contract (H = R, M empty)', () => {
    const reg = register([s.row({ ...EVERYTHING, horsMarche: true }), s.row({ ...EVERYTHING, horsMarche: true, titulaire: 'Beta' })]);
    const results = byId(computeIndicators(reg, 2025, { chartsWritten: 0 }));

    it.each(SCOPE_M.concat(SCOPE_MC))('%s counts contracts only: non calculable, « aucun marché pour l’exercice 2025 »', (id) => {
      const r = results.get(id) as IndicatorResult;
      expect(r.statut).toBe('non calculable');
      expect(r.valeur).toBeNull();
      expect(r.motif).toBe(SCOPE_MC.includes(id) ? "aucune consultation pour l'exercice 2025" : "aucun marché pour l'exercice 2025");
      expect(r.couverture.total).toBe(0);
    });

    it.each(SCOPE_R)('%s counts every row of R, orders included: calculé over 2 rows', (id) => {
      const r = results.get(id) as IndicatorResult;
      expect(r.statut).toBe('calculé');
      expect(r.couverture.total).toBe(2);
    });
  });

  describe('contracts of N all passed without publicity (MC empty, M = R)', () => {
    const reg = register([
      s.row({ ...EVERYTHING, procedure: PROCEDURE_SANS_PUBLICITE }),
      s.row({ ...EVERYTHING, procedure: PROCEDURE_SANS_PUBLICITE, titulaire: 'Beta' }),
    ]);
    const results = byId(computeIndicators(reg, 2025, { chartsWritten: 0 }));

    it.each(SCOPE_MC)('%s counts consultations only: non calculable, « aucune consultation pour l’exercice 2025 »', (id) => {
      const r = results.get(id) as IndicatorResult;
      expect(r.statut).toBe('non calculable');
      expect(r.motif).toBe("aucune consultation pour l'exercice 2025");
      expect(r.couverture.total).toBe(0);
    });

    it.each(SCOPE_M.concat(SCOPE_R))('%s is calculé over the 2 rows', (id) => {
      const r = results.get(id) as IndicatorResult;
      expect(r.statut).toBe('calculé');
      expect(r.couverture.total).toBe(2);
    });
  });

  it('an empty horsMarche and an empty procedure mean a contract and a consultation', () => {
    // One row, horsMarche and procedure empty: it is in R, M and MC.
    const results = byId(computeIndicators(register([s.row({ ...EVERYTHING })]), 2025, { chartsWritten: 0 }));
    for (const id of [...SCOPE_R, ...SCOPE_M, ...SCOPE_MC]) {
      expect({ id, statut: results.get(id)?.statut, total: results.get(id)?.couverture.total }).toEqual({ id, statut: 'calculé', total: 1 });
    }
  });

  it('a register without any row of N: every register indicator is non calculable, never 0', () => {
    const results = byId(computeIndicators(register([s.row({ ...EVERYTHING, annee: 2024 })]), 2025, { chartsWritten: 0 }));
    for (const id of [...SCOPE_R, ...SCOPE_M]) {
      expect({ id, statut: results.get(id)?.statut, valeur: results.get(id)?.valeur }).toEqual({ id, statut: 'non calculable', valeur: null });
      expect(results.get(id)?.motif).toBe("aucun marché pour l'exercice 2025");
    }
    for (const id of SCOPE_MC) expect(results.get(id)?.motif).toBe("aucune consultation pour l'exercice 2025");
  });
});

/** `colonne « X » absente` / `colonnes « A », « B » et « C » absentes` (the motifs of the choices note). */
function absent(...labels: string[]): string {
  const q = labels.map((l) => `« ${l} »`);
  return q.length === 1 ? `colonne ${q[0]} absente` : `colonnes ${q.slice(0, -1).join(', ')} et ${q[q.length - 1]} absentes`;
}

const SOCIAL_LABELS = ['Clause sociale', 'Critère social', 'Marché réservé', "Marché d'insertion et de qualification"];
const ENV_LABELS = ['Clause environnementale', 'Critère environnemental'];

/** The "needs" column of the spec tables, with the French labels of champs.md. */
const NEEDS: readonly [string, string][] = [
  ['1.1.2-marches-ar', absent(...SOCIAL_LABELS, ...ENV_LABELS)],
  ['1.1.2-avenants-ar', absent("Nombre d'avenants", ...SOCIAL_LABELS, ...ENV_LABELS)],
  ['1.1.2-montant-ar', absent(...SOCIAL_LABELS, ...ENV_LABELS)],
  ['2.1.1-programmes-nb', absent('Marché programmé')],
  ['2.1.1-programmes-montant', absent('Marché programmé')],
  ['2.1.1-prolongations-recurrents', absent('Marché récurrent', 'Dont avenants de prolongation')],
  ['2.1.2-hors-marche-nb', absent('Commande hors marché')],
  ['2.1.2-hors-marche-montant', absent('Commande hors marché')],
  ['2.1.2-sans-nomenclature-nb', absent('Code nomenclature achat')],
  ['2.1.2-sans-nomenclature-montant', absent('Code nomenclature achat')],
  ['2.1.3-sourcage', absent('Sourçage / parangonnage')],
  ['2.1.4-cout-global', absent('Coût global / ACV')],
  ['2.1.5-relation-fournisseur', absent('Réunion de cadrage', 'Nombre de réunions de bilan')],
  ['2.1.5-reunions', absent('Réunion de cadrage', 'Nombre de réunions de bilan')],
  ['2.1.5-delai-paiement', absent('Délai moyen de paiement (jours)')],
  ['2.2.2-hors-bpu', absent('Achats hors BPU HT (€)')],
  ['2.2.3-soumissionnaires', absent("Nombre d'offres reçues", 'Procédure')],
  ['2.2.3-fiches-suivi', absent('Fiche de suivi rédigée')],
  ['2.2.4-dossiers-negocies', absent('Négociation menée')],
  ['2.2.4-gain-negociation', absent('Gain de négociation HT (€)')],
  ['2.2.5-offre-technique-amelioree', absent('Négociation menée', 'Offre technique améliorée')],
  ['3.1.1-consideration-env', absent(...ENV_LABELS)],
  ['3.1.1-criteres-env', absent('Critère environnemental', 'Procédure')],
  ['3.1.1-clauses-env', absent('Clause environnementale')],
  ['3.1.1-reemploi', absent('Dépenses issues du réemploi HT (€)')],
  ['3.1.1-reutilisation', absent('Dépenses issues de la réutilisation HT (€)')],
  ['3.1.1-recycle', absent('Dépenses intégrant des matières recyclées HT (€)')],
  ['3.2.1-location', absent("Mode d'acquisition")],
  ['3.2.1-achat-usage', absent("Mode d'acquisition")],
  ['3.2.1-centrales', absent("Centrale d'achat")],
  ['4.1.2-consideration-sociale', absent(...SOCIAL_LABELS)],
  ['4.2.1-insertion-nb', absent("Marché d'insertion et de qualification")],
  ['4.2.1-insertion-montant', absent("Marché d'insertion et de qualification")],
  ['4.2.2-clause-sociale-nb', absent('Clause sociale')],
  ['4.2.2-clause-sociale-part', absent('Clause sociale')],
  ['4.2.3-reserves', absent('Marché réservé')],
  ['4.2.3-montant-esat-siae-ess', absent('Type de structure du titulaire')],
  ['5.1.1-fournisseurs-zone', absent('Commune du titulaire', 'Code postal du titulaire')],
  ['5.1.1-montant-moyen-roubaix', absent('Commune du titulaire', 'Code postal du titulaire')],
  ['5.1.4-fournisseurs-typologie', absent("Catégorie d'entreprise", 'Effectif du titulaire')],
  ['5.2.1-innovants-nb', absent('Marché innovant')],
  ['5.2.1-innovants-montant', absent('Marché innovant')],
];

describe('indicateurs.md — needs: non calculable when no row can take part', () => {
  // A sheet mapping only the four required fields: no indicator's needs are met.
  const bare = sheet([]);
  const results = byId(computeIndicators(register([bare.row(), bare.row({ montant: 500 })]), 2025, { chartsWritten: 0 }));

  it('covers every register indicator but 4.2.2-heures (its own motif, tested in axe 4)', () => {
    expect(NEEDS.map(([id]) => id).sort()).toEqual([...SCOPE_R, ...SCOPE_M, ...SCOPE_MC].filter((id) => id !== '4.2.2-heures').sort());
  });

  it.each(NEEDS)('%s → %s', (id, motif) => {
    const r = results.get(id) as IndicatorResult;
    expect(r.statut).toBe('non calculable');
    expect(r.valeur).toBeNull();
    expect(r.motif).toBe(motif);
    // Coverage: no row took part, over the 2 rows of the scope.
    expect(r.couverture).toEqual({ renseignees: 0, total: 2 });
  });

  it('a need written "X or Y" is met by either column (5.1.1 by the postal code alone, 5.1.4 by the headcount alone)', () => {
    const cp = sheet(['titulaire', 'codePostalTitulaire', 'effectifTitulaire']);
    const r = byId(computeIndicators(register([cp.row({ titulaire: 'A', codePostalTitulaire: '59100', effectifTitulaire: 3 })]), 2025, { chartsWritten: 0 }));
    // One supplier, in Roubaix by its postal code, TPE by its headcount: 100 % of suppliers and spend.
    expect((r.get('5.1.1-fournisseurs-zone')?.repartition as Record<string, unknown>)['Roubaix']).toEqual({ fournisseurs: 100, depense: 100 });
    expect((r.get('5.1.4-fournisseurs-typologie')?.repartition as Record<string, unknown>)['TPE']).toEqual({ fournisseurs: 100, depense: 100 });
  });
});

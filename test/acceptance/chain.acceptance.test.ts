/**
 * Acceptance test of the whole .xlsx chain, by someone who did not write the
 * code: two buyers' workbooks (see ./workbooks.ts) → xlsx adapter → runChain,
 * and the CLI. Every expected value is computed BY HAND from the spec
 * (`regles.md`, `indicateurs.md`, `sortie.md`, `communes-mel.md`); the working
 * is written next to each value.
 *
 * ── The rows, once judged (N = 2025, today = 2026-01-15) ──────────────────
 * File A « Ressources-Proximite.xlsx », sheet `Suivi 2025` (header row 4):
 *   r5  2025-001 Res   mt 120000  dep 12500 (mandaté « 12 500,00 € » NBSP)  prog Oui  rec Oui  CS Oui  critDD x  → soc+env
 *   r6  2025-002 Res   mt 1234.56 (« 1.234,56 ») dep 1234.56 (no mandaté)   prog NON          critDD ✓ clauseVerte Oui → env   délai 45 ⚠
 *   r7  2025-003 Res   mt 48000   dep 20000  prog N  rec Oui  (date = serial 45748 = 01/04/2025)   SIRET bad ⚠   CP 8000 → 08000
 *   r8  2025-004 Prox  mt 30000 (« 30 000,00 € ») dep 18000 prog Oui  clauseVerte Oui → env   heures 40 with CS NON ⚠
 *   r9  2025-005 Prox  4 prolongations > 3 avenants ✗
 *   r10 2025-006 Prox  HORS MARCHÉ  mt 8000 dep 7500   CPV 7 digits ⚠
 *   r11 2025-007 Prox  mt 60000 dep 25000 prog Oui rec Oui CS Oui critDD x réservé SIAE innovant Oui → soc+env+innov  délai 35 ⚠
 *   r12 (no numero) ✗      r13 2025-008 montant #N/A ✗      r14 2025-009 montant −5000 ✗      r15 empty
 *   r16 2025-010 Prox  mt 90000 dep 90000 (no mandaté) prog empty; « Partenariat d'innovation » → suggestion ⚠; gain 500 sans négo ⚠
 *   r17 2024-009 Res (N−1)   r18 2024-010 Prox (N−1)   r19 « Total : » (not a row)
 * File B « Pôle Éducation.xlsx », sheet `Marchés` (header row 3), Pôle = « Pôle Éducation »:
 *   r4  E-2025-01 mt 200000 dep 150000  CS Oui, marché d'insertion Oui, clause env Oui → soc+env
 *   r5  E-2025-02 mt 45000  dep 45000   clause env Oui → env   (supplier in Berlin, Allemagne)
 *   r6  E-2025-03 mt 6000   dep 6000 (no réalisé)  procédure « Gré à gré » (not a consultation)
 *   r7  E-2025-04 mt 18000  dep 9000
 *   r8  « 2025 -001 » same numero, same year as A r5 → doublon ✗ (A given first)
 *   r9  E-2025-05 HORS MARCHÉ mt 3200.50 dep 3100
 *   r10 E-1999-01 date 30/06/1999 ✗     r11 E-2024-01 (N−1)
 *
 * R (valid rows of 2025) = {001,002,003,004,006,007,010, E1,E2,E3,E4,E5} = 12
 * H = {006, E5};  M = R \ H = {001,002,003,004,007,010, E1,E2,E3,E4} = 10
 * MC = M \ {E3 (gré à gré)} = 9
 * Σ_R dep = 12500+1234.56+20000+18000+7500+25000+90000 + 150000+45000+6000+9000+3100 = 387334.56
 * Σ_M mt  = 120000+1234.56+48000+30000+60000+90000 + 200000+45000+6000+18000 = 618234.56
 * Σ_{M∩A} mt = 349234.56
 * N−1 (2024): R' = M' = {2024-009 (dep 38000, mt 40000), 2024-010 (dep 10000, mt 10000), E-2024-01 (dep 20000, mt 50000)}
 */
import type { ChainOutput } from '../../src/domain/chain';
import { runChain } from '../../src/domain/chain';
import type { IndicatorResult } from '../../src/domain/model';
import { chainInput, expectCliResult, SPEC_IDS } from './helpers';
import { FILE_A, FILE_B, HEADER_A, HEADER_B, SHEET_A, SHEET_B, workbookA, workbookB } from './workbooks';

const TODAY = '2026-01-15';
const RES = 'Pôle Ressources';
const PROX = 'Pôle Proximité';
const EDU = 'Pôle Éducation';


let bytesA: Uint8Array;
let bytesB: Uint8Array;
let out: ChainOutput;

beforeAll(async () => {
  bytesA = await workbookA();
  bytesB = await workbookB();
  // Consolidation in the stated order: A, then B.
  out = runChain([await chainInput(FILE_A, bytesA), await chainInput(FILE_B, bytesB)], { today: TODAY, writesCharts: false });
});

function ind(id: string, o: ChainOutput = out): IndicatorResult {
  const found = o.result.indicateurs.filter((r) => r.id === id);
  expect(found).toHaveLength(1);
  return found[0];
}

interface Expected {
  unite?: string;
  /** calculé / saisi: the value; null for a breakdown. */
  valeur?: number | null;
  statut?: 'calculé' | 'saisi' | 'non calculable';
  /** N−1 value (undefined = not asserted). */
  n1?: number | null;
  cible?: { valeur: number; sens: '≥' | '≤'; atteinte: boolean | null } | null;
}

const pct = (num: number, den: number) => (100 * num) / den;
/** Non calculable in N and in N−1 alike (the column is absent from every file). */
const NC: Expected = { statut: 'non calculable', n1: null };

/** Hand computations, one per id of the catalogue. */
const EXPECTED: Record<string, Expected> = {
  // Cibles of 2025 with a single value: 4.1.2 (30 ≥ 25 ✓), 2.1.5-delai (30.5 ≤ 31 ✓), 3.1.1-env (60 ≥ 100 ✗, empty sens = ≥),
  // 1.2.1-formations (2 ≥ 2 ✓ equal), 3.2.1-fournitures-evitees (saisi 12.5 ≥ 10 ✓); excluded: 5.1.1-zone (breakdown),
  // 2.1.3-sourcage (non calculable) → 4/5. N−1: only 4.2.2-clause-sociale-nb 2024 (2 ≥ 1 ✓) → 1/1.
  '1.1.1-cibles-atteintes': { unite: '%', statut: 'calculé', valeur: 80, n1: 100 },
  // AR in M: 001,002,004,007,E1,E2 → 6. N−1: 2024-009 (CS), 2024-010 (critère DD), E-2024-01 (CS) → 3
  '1.1.2-marches-ar': { unite: 'nombre', statut: 'calculé', valeur: 6, n1: 3 },
  // avenants of those: 2+0+1+0+1+0 = 4. N−1: 1+0+0 = 1
  '1.1.2-avenants-ar': { unite: 'nombre', statut: 'calculé', valeur: 4, n1: 1 },
  // Σ dep over AR rows of R: 12500+1234.56+18000+25000+150000+45000. N−1: 38000+10000+20000
  '1.1.2-montant-ar': { unite: '€', statut: 'calculé', valeur: 251734.56, n1: 68000 },
  // ExcelJS writes no chart (writesCharts: false) → 0 charts written
  '1.1.2-dataviz': { unite: 'nombre', statut: 'calculé', valeur: 0 },
  // Actions 2025: Formation (12), formation (8) → 2; COPIL not counted. N−1: Formation 2024 (20)
  '1.2.1-formations': { unite: 'nombre', statut: 'calculé', valeur: 2, n1: 1, cible: { valeur: 2, sens: '≥', atteinte: true } },
  '1.2.1-personnes-formees': { unite: 'nombre', statut: 'calculé', valeur: 20, n1: 20 },
  // Atelier + Évènement (accent variant) → 2; N−1: 0
  '1.2.1-ateliers-evenements': { unite: 'nombre', statut: 'calculé', valeur: 2, n1: 0 },

  // programme only in A: M∩A = 001 Oui, 002 NON, 003 N, 004 Oui, 007 Oui, 010 empty(=non) → 3/6 (B rows excluded, not "non").
  // N−1: 2024-009 Oui, 2024-010 Non → 1/2
  '2.1.1-programmes-nb': { unite: '%', statut: 'calculé', valeur: 50, n1: 50 },
  // (120000+30000+60000) / 349234.56. N−1: 40000/50000
  '2.1.1-programmes-montant': { unite: '%', statut: 'calculé', valeur: pct(210000, 349234.56), n1: 80 },
  // recurrent only in A: 001 (prol 1), 003 (prol 1), 007 (prol 0) → 2. N−1: 2024-009 prol 1
  '2.1.1-prolongations-recurrents': { unite: 'nombre', statut: 'calculé', valeur: 2, n1: 1 },
  // H = {006, E5} over R = 12. N−1: none
  '2.1.2-hors-marche-nb': { unite: '%', statut: 'calculé', valeur: pct(2, 12), n1: 0 },
  // (7500+3100) / 387334.56
  '2.1.2-hors-marche-montant': { unite: '%', statut: 'calculé', valeur: pct(10600, 387334.56), n1: 0 },
  // nomenclature only in B: R∩B = E1..E5, empty for E3, E5 → 2/5. N−1: E-2024-01 filled → 0
  '2.1.2-sans-nomenclature-nb': { unite: '%', statut: 'calculé', valeur: 40, n1: 0 },
  // (6000+3100) / (150000+45000+6000+9000+3100)
  '2.1.2-sans-nomenclature-montant': { unite: '%', statut: 'calculé', valeur: pct(9100, 213100), n1: 0 },
  // a target exists but there is no value: the target is shown, atteinte unknown
  '2.1.3-sourcage': { ...NC, cible: { valeur: 5, sens: '≥', atteinte: null } },
  '2.1.4-cout-global': NC,
  // B only: E1 (48 months from 20/01/2025: +48 and +24 months after 31/12/2025 → attendus 0; cadrage Oui) ✓,
  // E2 (2 months from 14/02/2025 → 14/04/2025 ≤ → attendus 2; 1 bilan) ✗, E3 (cadrage Non) ✗,
  // E4 (12 months from 07/04/2025: +12 after, +6 = 07/10/2025 ≤ → attendus 1; 1 bilan) ✓ → 2/4.
  // N−1 (31/12/2024): E-2024-01 04/11/2024 + 6 months after → attendus 0, cadrage Oui → 1/1
  '2.1.5-relation-fournisseur': { unite: '%', statut: 'calculé', valeur: 50, n1: 100 },
  // cadrage Oui: E1,E2,E4 = 3; bilans 2+1+0+1 = 4 → 7. N−1: 1 + 0
  '2.1.5-reunions': { unite: 'nombre', statut: 'calculé', valeur: 7, n1: 1 },
  // A only, filled: 25,45,30,20,28,35 → 183/6. N−1: (32+28)/2
  '2.1.5-delai-paiement': { unite: 'jours', statut: 'calculé', valeur: 30.5, n1: 30, cible: { valeur: 31, sens: '≤', atteinte: true } },
  '2.2.2-hors-bpu': NC,
  // MC: A 4,3,2,5,6,1 + B 5,4,3 (E3 gré à gré excluded) → 33/9. N−1: (3+2+2)/3
  '2.2.3-soumissionnaires': { unite: 'nombre', statut: 'calculé', valeur: 33 / 9, n1: 7 / 3 },
  '2.2.3-fiches-suivi': NC,
  // Négocié (A only): 002, 004, 007 → 3. N−1: 2024-009
  '2.2.4-dossiers-negocies': { unite: 'nombre', statut: 'calculé', valeur: 3, n1: 1 },
  // 200+1500+3000+500 (010's gain counts though it is flagged). N−1: 1000
  '2.2.4-gain-negociation': { unite: '€', statut: 'calculé', valeur: 5200, n1: 1000 },
  // offreTechAmelioree mapped nowhere
  '2.2.5-offre-technique-amelioree': NC,

  // env in M: 001,002,004,007,E1,E2 → 6/10. N−1: 2024-010 → 1/3
  '3.1.1-consideration-env': { unite: '%', statut: 'calculé', valeur: 60, n1: pct(1, 3), cible: { valeur: 100, sens: '≥', atteinte: false } },
  // critère DD only in A: MC∩A = 001,002,003,004,007,010; critère: 001,002,007 → 3/6. N−1: 2024-010 of 2 → 50
  '3.1.1-criteres-env': { unite: '%', statut: 'calculé', valeur: 50, n1: 50 },
  // clause verte (A) / clause environnementale (B): 002, 004, E1, E2 → 4/10. N−1: 0/3
  '3.1.1-clauses-env': { unite: '%', statut: 'calculé', valeur: 40, n1: 0 },
  // B only: 5000 + 0. N−1: empty → 0
  '3.1.1-reemploi': { unite: '€', statut: 'calculé', valeur: 5000, n1: 0 },
  '3.1.1-reutilisation': NC,
  '3.1.1-recycle': NC,
  // Saisies manuelles 2025: 12.5; 2024: 10
  '3.2.1-fournitures-evitees': { unite: '%', statut: 'saisi', valeur: 12.5, n1: 10, cible: { valeur: 10, sens: '≥', atteinte: true } },
  '3.2.1-mobilier-reemploye': NC,
  // Location E3 6000 / (Achat E1 150000 + E2 45000 + E5 3100 + Location 6000). N−1: Achat only → 0
  '3.2.1-location': { unite: '%', statut: 'calculé', valeur: pct(6000, 204100), n1: 0 },
  // Achat d'usage E4 9000 / all filled (204100 + 9000). N−1: 0
  '3.2.1-achat-usage': { unite: '%', statut: 'calculé', valeur: pct(9000, 213100), n1: 0 },
  // centrale Oui: E2 45000 + E5 3100. N−1: 0
  '3.2.1-centrales': { unite: '€', statut: 'calculé', valeur: 48100, n1: 0 },

  // sociale in M: 001 (CS), 007 (CS, SIAE), E1 (CS, insertion) → 3/10. N−1: 2/3
  '4.1.2-consideration-sociale': { unite: '%', statut: 'calculé', valeur: 30, n1: pct(2, 3), cible: { valeur: 25, sens: '≥', atteinte: true } },
  // B only: E1. N−1: 0
  '4.2.1-insertion-nb': { unite: 'nombre', statut: 'calculé', valeur: 1, n1: 0 },
  '4.2.1-insertion-montant': { unite: '€', statut: 'calculé', valeur: 150000, n1: 0 },
  // 001, 007, E1 → 3 (the manual 99 must not win over a computed value). N−1: 2024-009, E-2024-01
  '4.2.2-clause-sociale-nb': { unite: 'nombre', statut: 'calculé', valeur: 3, n1: 2 },
  '4.2.2-clause-sociale-part': { unite: '%', statut: 'calculé', valeur: 30, n1: pct(2, 3) },
  // 001 has Suivi rows (B's sheet): 120+100+50+30 = 300 (its own 280 ignored); E1: 200; others own column: 004 40 + 007 150
  // → 690. N−1: 2024-009 Suivi 80 (own 100 ignored)
  '4.2.2-heures': { unite: 'nombre', statut: 'calculé', valeur: 690, n1: 80 },
  // Suivi rows of N (numero in M): BEN-01 (×2, « ben-01 »), BEN-02, BEN-03, BEN-06 → 4 persons, 5 contracts; 2025-999 ignored
  '4.2.2-personnes': { unite: 'nombre', statut: 'calculé', valeur: 4, n1: 1 },
  '4.2.2-contrats': { unite: 'nombre', statut: 'calculé', valeur: 5, n1: 1 },
  '4.2.2-typologie': { statut: 'calculé', valeur: 5, n1: 1 },
  // first filled sexe: BEN-01 F (row 6, row 3 empty), BEN-02 H, BEN-03 none, BEN-06 F → 2/3. N−1: BEN-04 H → 0
  '4.2.2-femmes': { unite: '%', statut: 'calculé', valeur: pct(2, 3), n1: 0 },
  // first filled commune: BEN-01 Roubaix (not the later Lille), BEN-02 Tourcoing, BEN-06 Wattrelos; BEN-03 none → 1/3. N−1: Lille → 0
  '4.2.2-roubaisiens': { unite: '%', statut: 'calculé', valeur: pct(1, 3), n1: 0 },
  // first filled QPV: BEN-01 Oui, BEN-02 Non, BEN-03 x, BEN-06 none → 2. N−1: 0
  '4.2.2-residents-qpv': { unite: 'nombre', statut: 'calculé', valeur: 2, n1: 0 },
  // A only: 007 SIAE → 1. N−1: 0
  '4.2.3-reserves': { unite: 'nombre', statut: 'calculé', valeur: 1, n1: 0 },
  // B only: E1 SIAE 150000. N−1: Autre → 0
  '4.2.3-montant-esat-siae-ess': { unite: '€', statut: 'calculé', valeur: 150000, n1: 0 },

  // breakdown: valeur null; its target is shown but not judged (and not counted in 1.1.1)
  '5.1.1-fournisseurs-zone': { statut: 'calculé', valeur: null, cible: { valeur: 50, sens: '≥', atteinte: null } },
  // Roubaix suppliers: Net Plus (001+007 same SIRET: 37500), Station Nord (CP 59100 only: 7500), Cuisine Solidaire 150000,
  // Librairie du Centre 3100 → 198100 / 4. N−1: Cars du Nord 38000 + Net Plus 20000 → 58000/2
  '5.1.1-montant-moyen-roubaix': { unite: '€', statut: 'calculé', valeur: 49525, n1: 29000 },
  '5.1.4-fournisseurs-typologie': { statut: 'calculé', valeur: null },
  // innovant only in A: 007 of 6 → 1/6. N−1: 0/2
  '5.2.1-innovants-nb': { unite: '%', statut: 'calculé', valeur: pct(1, 6), n1: 0 },
  // 60000 / 349234.56
  '5.2.1-innovants-montant': { unite: '%', statut: 'calculé', valeur: pct(60000, 349234.56), n1: 0 },
};

describe('acceptance: column mapping of two house styles', () => {
  const EXPECTED_A: Record<string, string> = {
    'N° Marché': 'numero', Intitulé: 'objet', 'Pôle gestionnaire': 'pole', 'Type de procédure': 'procedure',
    'Date notif.': 'dateNotification', 'Durée (en mois)': 'dureeMois', 'Montant HT (en €)': 'montant',
    'Mandaté HT': 'montantMandate', 'Programmé (O/N)': 'programme', 'Hors marché': 'horsMarche', Récurrent: 'recurrent',
    "Clause d'insertion": 'clauseSociale', 'Critère DD': 'critereEnvironnemental', 'Clause verte': 'clauseEnvironnementale',
    'Marché réservé': 'marcheReserve', 'Innovant ?': 'marcheInnovant', Attributaire: 'titulaire', 'N° SIRET': 'siret',
    CP: 'codePostalTitulaire', Ville: 'communeTitulaire', 'Taille entreprise': 'categorieEntreprise',
    "Nb d'avenants": 'nbAvenants', 'Dont prolongations': 'nbAvenantsProlongation',
    "Heures d'insertion réalisées": 'heuresInsertionRealisees', 'Nbre offres reçues': 'offresRecues',
    'Délai global de paiement (jours)': 'delaiPaiement', Négocié: 'negociation', 'Gain achat (€)': 'gainNegociation',
    'Code CPV': 'codeCPV',
  };
  const EXPECTED_B: Record<string, string> = {
    'N° du marché': 'numero', 'Objet de la prestation': 'objet', Procédure: 'procedure', 'Date notification': 'dateNotification',
    Durée: 'dureeMois', 'Montant HT notifié': 'montant', 'Réalisé HT': 'montantMandate', 'Achat hors marché': 'horsMarche',
    'Clause sociale (O/N)': 'clauseSociale', "Marché d'insertion": 'marcheInsertion', 'Clause environnementale': 'clauseEnvironnementale',
    Titulaire: 'titulaire', SIRET: 'siret', 'Code postal': 'codePostalTitulaire', Commune: 'communeTitulaire', Pays: 'paysTitulaire',
    Effectif: 'effectifTitulaire', Avenants: 'nbAvenants', 'Offres reçues': 'offresRecues', "Famille d'achat": 'codeNomenclature',
    'Réunion de lancement': 'reunionCadrage', 'Nb bilans': 'nbBilans', 'Type de structure': 'structureTitulaire',
    "Mode d'acquisition": 'modeAcquisition', "Centrale d'achat": 'centraleAchat', 'Réemploi (€ HT)': 'montantReemploi',
  };

  function mappingOf(file: string, sheet: string) {
    const m = out.register.mappings.find((x) => x.file === file && x.sheet === sheet);
    expect(m).toBeDefined();
    return m!;
  }

  test('A: header found on row 4 under a merged title, every column recognised', () => {
    const m = mappingOf(FILE_A, SHEET_A);
    expect(m.kind).toBe('registre');
    expect(m.headerRow).toBe(4);
    const got = Object.fromEntries(m.columns.map((c) => [c.header, c.field]));
    expect(got).toMatchObject(EXPECTED_A);
    expect(Object.keys(EXPECTED_A).length).toBe(HEADER_A.length - 1);
  });

  test('A: the TTC column is never taken as an HT amount', () => {
    const m = mappingOf(FILE_A, SHEET_A);
    const ttc = m.columns.find((c) => c.header === 'Montant TTC (€)');
    expect(['montant', 'montantMandate', 'montantHorsBPU', 'gainNegociation']).not.toContain(ttc?.field);
  });

  test('B: header found on row 3, every column recognised', () => {
    const m = mappingOf(FILE_B, SHEET_B);
    expect(m.kind).toBe('registre');
    expect(m.headerRow).toBe(3);
    const got = Object.fromEntries(m.columns.map((c) => [c.header, c.field]));
    expect(got).toEqual(EXPECTED_B);
    expect(Object.keys(EXPECTED_B).length).toBe(HEADER_B.length);
  });

  test('companion sheets are recognised by their headers, whatever their names', () => {
    const kinds = out.register.mappings.map((m) => `${m.file}|${m.sheet}|${m.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        `${FILE_A}|Actions SPASER|actions`,
        `${FILE_A}|Objectifs COPIL|cibles`,
        `${FILE_A}|Saisies manuelles|saisies`,
        `${FILE_B}|Suivi insertion|suiviInsertion`,
      ]),
    );
  });
});

describe('acceptance: rows read, exercice, lignes', () => {
  test('exercice 2025 (17 dated rows vs 3 in 2024, 1 in 1999), spend = mandaté', () => {
    expect(out.result.exercice).toBe(2025);
    expect(out.result.depense).toBe('montantMandate');
  });

  test('lignes: 13 rows in A (empty row and totals row skipped) + 8 in B', () => {
    // lues: A r5–r14 (10) + r16–r18 (3) = 13; B r4–r11 = 8 → 21
    // erreurs: A r9, r12, r13, r14; B r8, r10 → 6
    // exercice: R = 12; avertissements: 002, 003, 004, 006, 007, 010 → 6
    expect(out.result.lignes).toEqual({ lues: 21, exercice: 12, erreurs: 6, avertissements: 6 });
  });

  test('French formats are read: NBSP amounts, 1.234,56, text dates, serial dates, numeric SIRET/CP', () => {
    const row = (n: string) => out.register.rows.find((r) => r.values.numero === n && r.source.file === FILE_A)!;
    expect(row('2025-001').values.montantMandate).toBeCloseTo(12500, 6);
    expect(row('2025-002').values.montant).toBeCloseTo(1234.56, 6);
    expect(row('2025-004').values.montant).toBeCloseTo(30000, 6);
    expect(row('2025-003').annee).toBe(2025);
    expect(row('2025-002').annee).toBe(2025);
    expect(row('2025-003').values.codePostalTitulaire).toBe('08000');
    expect(row('2025-001').values.siret).toBe('73282932000074');
    const e5 = out.register.rows.find((r) => r.values.numero === 'E-2025-05')!;
    expect(e5.values.montant).toBeCloseTo(3200.5, 6);
  });

  test('Pôles: column in A, file name in B', () => {
    const poles = new Set(out.register.rows.map((r) => r.pole));
    expect(poles).toEqual(new Set([RES, PROX, EDU]));
  });
});

describe('acceptance: controls', () => {
  const key = (c: { gravite: string; code: string; source: string; feuille: string; ligne: number }) =>
    `${c.gravite} ${c.code} ${c.source}!${c.feuille}:${c.ligne}`;

  test('every expected finding, with its sheet row, and nothing else', () => {
    const A = `${FILE_A}!${SHEET_A}`;
    const B = `${FILE_B}!${SHEET_B}`;
    const expected = [
      `erreur prolongations-incoherentes ${A}:9`, // 4 > 3
      `erreur numero-manquant ${A}:12`,
      `erreur valeur-illisible ${A}:13`, // #N/A cached in the amount formula
      `erreur montant-invalide ${A}:14`, // −5000
      `erreur doublon ${B}:8`, // « 2025 -001 » = A's 2025-001, 2025, B given second
      `erreur date-invalide ${B}:10`, // 1999
      `avertissement delai-paiement-depasse ${A}:6`, // 45
      `avertissement siret-invalide ${A}:7`, // 12345678901234 fails Luhn
      `avertissement heures-sans-clause ${A}:8`, // 40 h, clause NON
      `avertissement cpv-invalide ${A}:10`, // 0913400
      `avertissement delai-paiement-depasse ${A}:11`, // 35
      `avertissement gain-sans-negociation ${A}:16`, // 500 €, Négocié Non
      `avertissement delai-paiement-depasse ${A}:17`, // 32 (N−1 row, still listed)
    ].sort();
    // Row 13 may also carry montant-invalide (« montant unreadable »): both readings of regles.md §3 are accepted.
    // The suggestion warning on row 16 is checked on its own below.
    const got = out.result.controles
      .map(key)
      .filter((k) => k !== `erreur montant-invalide ${A}:13` && k !== `avertissement suggestion-non-confirmee ${A}:16`)
      .sort();
    expect(got).toEqual(expected);
  });

  test('findings name the user\'s own column header', () => {
    const col = (code: string, ligne: number) => out.result.controles.find((c) => c.code === code && c.ligne === ligne)?.colonne;
    expect(col('siret-invalide', 7)).toBe('N° SIRET');
    expect(col('delai-paiement-depasse', 6)).toBe('Délai global de paiement (jours)');
    expect(col('montant-invalide', 14)).toBe('Montant HT (en €)');
    expect(col('valeur-illisible', 13)).toBe('Montant HT (en €)');
    expect(col('cpv-invalide', 10)).toBe('Code CPV');
    expect(col('doublon', 8)).toBe('N° du marché');
    expect(col('date-invalide', 10)).toBe('Date notification');
  });

  test('« Partenariat d\'innovation » is suggested (innovation), flagged as not confirmed, and not counted', () => {
    // regles.md §4 lexicon, innovation: « innovation », « partenariat d'innovation »; no other objet holds a lexicon word
    expect(out.result.suggestions).toEqual([
      expect.objectContaining({ numero: '2025-010', consideration: 'innovation', decision: null }),
    ]);
    expect(out.result.controles.filter((c) => c.code === 'suggestion-non-confirmee').map((c) => `${c.source}!${c.feuille}:${c.ligne}`)).toEqual([
      `${FILE_A}!${SHEET_A}:16`,
    ]);
    // not counted: 5.2.1-innovants-nb stays 1/6 (asserted in the catalogue block)
  });
});

describe('acceptance: every indicator of the catalogue', () => {
  test('every id of indicateurs.md appears exactly once, in the catalogue order', () => {
    expect(out.result.indicateurs.map((r) => r.id)).toEqual(SPEC_IDS);
    expect(Object.keys(EXPECTED).sort()).toEqual([...SPEC_IDS].sort());
  });

  describe.each(SPEC_IDS)('%s', (id) => {
    const e = EXPECTED[id];
    test('statut, valeur, unite, motif', () => {
      const r = ind(id);
      expect(r.statut).toBe(e.statut);
      if (e.statut === 'non calculable') {
        expect(r.valeur).toBeNull();
        expect(typeof r.motif).toBe('string');
        expect((r.motif ?? '').length).toBeGreaterThan(0);
        return;
      }
      expect(r.motif).toBeNull();
      if (e.unite !== undefined) expect(r.unite).toBe(e.unite);
      if (e.valeur === null) expect(r.valeur).toBeNull();
      else expect(r.valeur).toBeCloseTo(e.valeur as number, 6);
    });
    if (e.n1 !== undefined) {
      test('n1', () => {
        const r = ind(id);
        if (e.n1 === null) expect(r.n1).toBeNull();
        else expect(r.n1).toBeCloseTo(e.n1 as number, 6);
      });
    }
    test('cible', () => {
      const r = ind(id);
      if (e.cible) expect(r.cible).toEqual(e.cible);
      else expect(r.cible).toBeNull();
    });
  });

  test('couverture: the rows that took part with the field filled, over the scope', () => {
    // programme: A rows of M take part (6), filled: all but 010 → 5; scope M = 10
    expect(ind('2.1.1-programmes-nb').couverture).toEqual({ renseignees: 5, total: 10 });
    // délai: A rows of R take part (7), filled: all but 010 → 6; scope R = 12
    expect(ind('2.1.5-delai-paiement').couverture).toEqual({ renseignees: 6, total: 12 });
    // critère DD: A rows of MC (6), filled: 001 x, 002 ✓, 007 x, 010 NON → 4; scope MC = 9
    expect(ind('3.1.1-criteres-env').couverture).toEqual({ renseignees: 4, total: 9 });
    // famille d'achat: B rows of R (5), filled: E1, E2, E4 → 3; scope R = 12
    expect(ind('2.1.2-sans-nomenclature-nb').couverture).toEqual({ renseignees: 3, total: 12 });
  });

  test('parPole: Pôle column in A, file-name Pôle in B; a Pôle without the column is null, not 0', () => {
    // programme: Res 001 ✓ 002 ✗ 003 ✗ → 1/3; Prox 004 ✓ 007 ✓ 010 ✗ → 2/3; Éducation has no programme column
    const prog = ind('2.1.1-programmes-nb').parPole!;
    expect(prog[RES]).toBeCloseTo(pct(1, 3), 6);
    expect(prog[PROX]).toBeCloseTo(pct(2, 3), 6);
    expect(prog[EDU] ?? null).toBeNull();
    // sociale: Res 001 of {001,002,003}; Prox 007 of {004,007,010}; Édu E1 of {E1..E4}
    const soc = ind('4.1.2-consideration-sociale').parPole!;
    expect(soc[RES]).toBeCloseTo(pct(1, 3), 6);
    expect(soc[PROX]).toBeCloseTo(pct(1, 3), 6);
    expect(soc[EDU]).toBeCloseTo(25, 6);
    // hors marché: Res 0/3; Prox 006 of {004,006,007,010}; Édu E5 of {E1..E5}
    const hm = ind('2.1.2-hors-marche-nb').parPole!;
    expect(hm[RES]).toBeCloseTo(0, 6);
    expect(hm[PROX]).toBeCloseTo(25, 6);
    expect(hm[EDU]).toBeCloseTo(20, 6);
    // clauses env: Res 002 → 1/3; Prox 004 → 1/3; Édu E1, E2 → 2/4
    const ce = ind('3.1.1-clauses-env').parPole!;
    expect(ce[RES]).toBeCloseTo(pct(1, 3), 6);
    expect(ce[PROX]).toBeCloseTo(pct(1, 3), 6);
    expect(ce[EDU]).toBeCloseTo(50, 6);
  });

  test('parPole of Suivi insertion counts: a Pôle whose contracts have no Suivi rows counts 0, not « non calculable »', () => {
    // Spec silent; choice: the Suivi insertion sheet exists, nobody was reported on Proximité's contracts → 0.
    // Res: 2025-001 → BEN-01, 02, 03, 06 (4 persons, 4 contracts); Édu: E-2025-01 → ben-01 (1, 1); Prox: none
    const personnes = ind('4.2.2-personnes').parPole!;
    expect(personnes[RES]).toBe(4);
    expect(personnes[EDU]).toBe(1);
    expect(personnes[PROX]).toBe(0);
    const contrats = ind('4.2.2-contrats').parPole!;
    expect(contrats[RES]).toBe(4);
    expect(contrats[EDU]).toBe(1);
    expect(contrats[PROX]).toBe(0);
    // heures: Res 300 (Suivi of 2025-001); Prox 004 40 + 007 150; Édu 200 (Suivi of E-2025-01)
    const heures = ind('4.2.2-heures').parPole!;
    expect(heures[RES]).toBeCloseTo(300, 6);
    expect(heures[PROX]).toBeCloseTo(190, 6);
    expect(heures[EDU]).toBeCloseTo(200, 6);
  });

  test('4.2.2-typologie and 4.2.2-femmes breakdowns', () => {
    expect(ind('4.2.2-typologie').repartition).toEqual({ CDDI: 1, CDD: 2, CDI: 1, Apprentissage: 1 });
    expect(ind('4.2.2-femmes').repartition).toEqual({ F: 2, H: 1 });
  });

  test('5.1.1-fournisseurs-zone: 11 distinct suppliers (Net Plus once, by SIRET), shares of suppliers and spend', () => {
    // Roubaix: Net Plus (37500), Station Nord (CP 59100, 7500), Cuisine Solidaire (150000), Librairie (3100) → 4, 198100
    // MEL: Bureau Nord (Lille, 1234.56), Jardins de Flandre (Wattrelos, 18000), Copie Service (Lille, 6000) → 3, 25234.56
    // HdF: Autocars Dupont (Arras 62000, 9000); France: Info Services (08000 Charleville, 20000)
    // Étranger: Möbel Schmidt (Allemagne, 45000); Inconnue: Lumière & Cie (Paris, no CP, 90000)
    const T = 387334.56;
    const rep = ind('5.1.1-fournisseurs-zone').repartition as Record<string, { fournisseurs: number; depense: number }>;
    const exp: Record<string, [number, number]> = {
      Roubaix: [4, 198100],
      'MEL (hors Roubaix)': [3, 25234.56],
      'Hauts-de-France (hors MEL)': [1, 9000],
      'France (hors Hauts-de-France)': [1, 20000],
      Étranger: [1, 45000],
      Inconnue: [1, 90000],
    };
    expect(Object.keys(rep).sort()).toEqual(Object.keys(exp).sort());
    for (const [zone, [n, dep]] of Object.entries(exp)) {
      expect(rep[zone].fournisseurs).toBeCloseTo(pct(n, 11), 6);
      expect(rep[zone].depense).toBeCloseTo(pct(dep, T), 6);
    }
  });

  test('5.1.4-fournisseurs-typologie: size from the column in A, from the headcount in B', () => {
    // TPE: Bureau Nord, Jardins, Copie (8), Librairie (5) → 4, 28334.56
    // PME: Net Plus, Cuisine Solidaire (45), Autocars (120) → 3, 196500
    // ETI: Info Services, Möbel (300) → 2, 65000;  GE: Station Nord → 1, 7500;  Inconnue: Lumière → 1, 90000
    const T = 387334.56;
    const rep = ind('5.1.4-fournisseurs-typologie').repartition as Record<string, { fournisseurs: number; depense: number }>;
    const exp: Record<string, [number, number]> = {
      TPE: [4, 28334.56],
      PME: [3, 196500],
      ETI: [2, 65000],
      GE: [1, 7500],
      Inconnue: [1, 90000],
    };
    expect(Object.keys(rep).sort()).toEqual(Object.keys(exp).sort());
    for (const [size, [n, dep]] of Object.entries(exp)) {
      expect(rep[size].fournisseurs).toBeCloseTo(pct(n, 11), 6);
      expect(rep[size].depense).toBeCloseTo(pct(dep, T), 6);
    }
  });
});

describe('acceptance: consolidation order and absent columns', () => {
  let reversed: ChainOutput;
  beforeAll(async () => {
    reversed = runChain([await chainInput(FILE_B, bytesB), await chainInput(FILE_A, bytesA)], { today: TODAY, writesCharts: false });
  });

  test('B given first: the doublon is now A row 5, and B row 8 is kept', () => {
    const doublons = reversed.result.controles.filter((c) => c.code === 'doublon');
    expect(doublons.map((c) => `${c.source}!${c.feuille}:${c.ligne}`)).toEqual([`${FILE_A}!${SHEET_A}:5`]);
    // R now holds B's « 2025 -001 » (dep 11000, no consideration) instead of A's 2025-001: still 12 rows
    expect(reversed.result.lignes).toEqual({ lues: 21, exercice: 12, erreurs: 6, avertissements: 6 });
    // M: A's 001 (soc) replaced by B's row (none, no programme column) → sociale 007, E1 = 2/10
    expect(ind('4.1.2-consideration-sociale', reversed).valeur).toBeCloseTo(20, 6);
    // programme over M∩A = 002 ✗ 003 ✗ 004 ✓ 007 ✓ 010 ✗ → 2/5
    expect(ind('2.1.1-programmes-nb', reversed).valeur).toBeCloseTo(40, 6);
  });

  test('B alone: columns it lacks make their indicators non calculable, never 0', async () => {
    const onlyB = runChain([await chainInput(FILE_B, bytesB)], { today: TODAY, writesCharts: false });
    for (const id of ['2.1.1-programmes-nb', '2.1.1-programmes-montant', '2.1.5-delai-paiement', '3.1.1-criteres-env', '5.2.1-innovants-nb', '4.2.3-reserves', '2.2.4-dossiers-negocies']) {
      const r = ind(id, onlyB);
      expect({ id, statut: r.statut, valeur: r.valeur }).toEqual({ id, statut: 'non calculable', valeur: null });
      expect((r.motif ?? '').length).toBeGreaterThan(0);
    }
    // No Actions / Cibles sheet in B
    expect(ind('1.2.1-formations', onlyB).statut).toBe('non calculable');
    expect(ind('1.1.1-cibles-atteintes', onlyB).statut).toBe('non calculable');
    // B alone: R = E1..E5 (B row 8 is no longer a doublon → R has 6 rows: E1..E5 + « 2025 -001 »)
    expect(onlyB.result.lignes).toEqual({ lues: 8, exercice: 6, erreurs: 1, avertissements: 0 });
  });

  test('A alone: no Suivi insertion sheet → hours from the register column; personnes non calculable', async () => {
    const onlyA = runChain([await chainInput(FILE_A, bytesA)], { today: TODAY, writesCharts: false });
    // M∩A: 001 280 + 004 40 + 007 150 = 470
    expect(ind('4.2.2-heures', onlyA).valeur).toBeCloseTo(470, 6);
    for (const id of ['4.2.2-personnes', '4.2.2-contrats', '4.2.2-typologie', '4.2.2-femmes', '4.2.2-roubaisiens', '4.2.2-residents-qpv']) {
      expect(ind(id, onlyA).statut).toBe('non calculable');
    }
  });
});

describe('acceptance: a procedure written the way buyers write it', () => {
  // champs.md lists « sans publicité » and « sans mise en concurrence » as synonyms of
  // « Marché passé sans publicité ni mise en concurrence préalable »; buyers write the
  // canonical value without its last words. The spec does not say whether an enum text that
  // contains a synonym is read: we choose yes (a buyer would not expect a whole row in error).
  test('« Sans publicité ni mise en concurrence » is read as MSPMC, not an unreadable value', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi');
    ws.addRow(['N° Marché', 'Intitulé', 'Type de procédure', 'Date notif.', 'Montant HT (en €)', 'Nbre offres reçues']);
    ws.addRow(['2025-001', 'Fourniture de carburant', 'Sans publicité ni mise en concurrence', '02/06/2025', 8000, 1]);
    ws.addRow(['2025-002', 'Fournitures de bureau', 'MAPA', '05/03/2025', 1000, 3]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const o = runChain([await chainInput('Procédures.xlsx', bytes)], { today: TODAY, writesCharts: false });
    expect(o.result.controles.filter((c) => c.gravite === 'erreur')).toEqual([]);
    // MC = {2025-002} → 3 offers per consultation
    expect(ind('2.2.3-soumissionnaires', o).valeur).toBeCloseTo(3, 6);
  });
});

describe('acceptance: the command line', () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const os = require('node:os') as typeof import('node:os');
  const path = require('node:path') as typeof import('node:path');

  function io(cwd: string) {
    let stdout = '';
    let stderr = '';
    return {
      io: {
        cwd,
        today: TODAY,
        stdout: { write: (s: string) => (stdout += s), isTTY: false },
        stderr: { write: (s: string) => (stderr += s), isTTY: false },
      },
      stdout: () => stdout,
      stderr: () => stderr,
    };
  }

  test('calculer A B --json prints exactly the chain result (same order, same numbers)', async () => {
    const { runCli } = await import('../../src/cli/run');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spaser-acceptance-'));
    fs.writeFileSync(path.join(dir, FILE_A), bytesA);
    fs.writeFileSync(path.join(dir, FILE_B), bytesB);
    const c = io(dir);
    const code = await runCli(['calculer', FILE_A, FILE_B, '--json', '--sortie', 'Consolidation.xlsx'], c.io);
    expect(code).toBe(0);
    const json = JSON.parse(c.stdout());
    expectCliResult(json, out.result, path.join(dir, 'Consolidation.xlsx'));
    // spot checks straight from the printed JSON
    expect(json.exercice).toBe(2025);
    expect(json.lignes).toEqual({ lues: 21, exercice: 12, erreurs: 6, avertissements: 6 });
    const heures = json.indicateurs.find((r: { id: string }) => r.id === '4.2.2-heures');
    expect(heures.valeur).toBeCloseTo(690, 6);
    expect(fs.existsSync(path.join(dir, 'Consolidation.xlsx'))).toBe(true);
  });

  test('single file: the user\'s sheets are kept unchanged, and a re-run on the output gives the same result', async () => {
    const { runCli } = await import('../../src/cli/run');
    const ExcelJS = (await import('exceljs')).default;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spaser-acceptance-'));
    fs.writeFileSync(path.join(dir, FILE_A), bytesA);
    const c1 = io(dir);
    expect(await runCli(['calculer', FILE_A, '--json'], c1.io)).toBe(0);
    const output = path.join(dir, 'Ressources-Proximite - SPASER.xlsx');
    expect(fs.existsSync(output)).toBe(true);

    const before = new ExcelJS.Workbook();
    await before.xlsx.load(bytesA as unknown as Parameters<typeof before.xlsx.load>[0]);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(output);
    const userSheets = before.worksheets.map((w) => w.name);
    const names = after.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining([...userSheets, 'SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']));
    expect(names.filter((n) => !userSheets.includes(n)).every((n) => n.startsWith('SPASER '))).toBe(true);
    for (const name of userSheets) {
      const cells = (wb: InstanceType<typeof ExcelJS.Workbook>) => {
        const acc: string[] = [];
        wb.getWorksheet(name)!.eachRow({ includeEmpty: false }, (row, r) =>
          row.eachCell({ includeEmpty: false }, (cell, col) => acc.push(`${r}:${col}=${JSON.stringify(cell.value)}`)),
        );
        return acc;
      };
      expect(cells(after)).toEqual(cells(before));
    }

    // Re-run on the output: SPASER sheets are never sources → same result
    const c2 = io(dir);
    expect(await runCli(['calculer', 'Ressources-Proximite - SPASER.xlsx', '--json', '--sortie', 'bis.xlsx'], c2.io)).toBe(0);
    const first = JSON.parse(c1.stdout());
    const second = JSON.parse(c2.stdout());
    expect(second.indicateurs).toEqual(first.indicateurs);
    expect(second.lignes).toEqual(first.lignes);
    // same findings, now named after the output file
    expect(second.controles.map((x: { code: string; ligne: number }) => `${x.code}:${x.ligne}`)).toEqual(
      first.controles.map((x: { code: string; ligne: number }) => `${x.code}:${x.ligne}`),
    );
  });
});

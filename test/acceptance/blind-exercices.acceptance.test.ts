/**
 * Blind acceptance « exercices »: one Pôle workbook with a register sheet per year (2023, 2024,
 * 2025, each in its own layout), Cibles, Saisies manuelles, Suivi insertion and Actions SPASER
 * spanning 2024–2025. Expectations computed by hand from the spec (regles.md, indicateurs.md,
 * sortie.md, README « Choix faits ») before reading the code. Run through the command line
 * (`runCli … --json`, day of the run 2026-01-15, so dates are allowed up to 31/12/2027).
 *
 * Rows, each judged once (sheet row numbers as the user sees them):
 *
 * Sheet « 2023 » (maps numero, objet, montant, date, clauseSociale, clauseEnvironnementale,
 * titulaire, codePostalTitulaire, programme; no montantMandate → dep = montant):
 *   r4 MAINT-ASC  12 000  01/02/2023 cs non ce non prog oui  Ascenseurs du Nord 59000 (Lille → MEL)   ok
 *   r5 2023-02     8 000  10/05/2023 cs oui ce non prog oui  Net Roubaix 59100 (Roubaix)              ok
 *   r6 2023-03     5 000  30/11/2023 cs non ce oui prog non  Vert Nord 62000 (Hauts-de-France)        ok
 * Sheet « 2024 » (maps also montantMandate, categorieEntreprise, heuresInsertionRealisees;
 * no horsMarche, no critereEnvironnemental, no delaiPaiement):
 *   r2 maint-asc  mt 12 000 mand 11 000  01/02/2024 cs non ce non prog oui  Ascenseurs du Nord 59000 PME      ok (same numero as 2023!r4, other year: no doublon)
 *   r3 2024-02    mt  9 000 mand  —      15/04/2024 cs oui ce non prog oui  Net Roubaix 59100 TPE, heures 300  ok
 *   r4 2024-03    mt  4 000 mand  3 500  01/06/2024 cs non ce oui prog non  Bureau Plus 59170 (Croix, MEL) GE  ok
 *   r5 2024-07    mt 20 000 mand 18 000  01/10/2024 cs oui ce oui prog non  Peintures Lilloises 59000 PME, h 150 ok
 *   r6 2024-08    mt  6 000 mand  —      « 31/12/2024 » (text) all non       AutoLoc 75012 (France) GE           ok (2024)
 *   r7 2024-09    mt  —                  15/09/2024                                                            error montant-manquant
 *   r8 2025-01    mt 30 000 mand 25 000  01/01/2025 cs oui ce oui prog oui  Resto Nord 59100 ETI, heures 500  ok (2025!)
 * Sheet « 2025 » (maps montantMandate, clauseSociale, critereEnvironnemental, horsMarche,
 * titulaire, codePostalTitulaire, categorieEntreprise, delaiPaiement; no programme, no
 * clauseEnvironnementale, no heures):
 *   r3 « Maint-Asc » mt 12 500 mand 12 000 03/02/2025 cs non crit non HM non Ascenseurs du Nord PME délai 25   ok (no doublon: other years)
 *   r4 2025-02    mt  9 500 mand  9 000  01/03/2025 cs oui crit non HM non Net Roubaix TPE délai 20            ok
 *   r5 2025-03    mt  3 000 mand  —      20/05/2025 cs non crit oui HM non Bureau Plus GE délai 40             warning delai-paiement-depasse
 *   r6 « 2024 - 07 » mt 2 000            « 31/12/2024 »                                                      error doublon (same numero, spaces ignored, as 2024!r5, same year 2024, later sheet)
 *   r7 HM-2025-01 mt    800 mand    800  10/06/2025 cs non crit non HM oui Quincaillerie Centrale 59100 TPE délai 15 ok (hors marché)
 *   r8 2025-05    « mars 2025 » (no day: not a date form of regles.md §2 nor README's « 3 mars 2024 »)      error date-invalide
 *   r9 2025-06    15/03/2028 (after 31/12/2027)                                                           error date-invalide
 *   r10 2025-07   mt  7 000 mand  6 500  31/12/2025 cs oui crit oui HM non Vert Nord 62000 PME délai 30     ok
 *   r11 2025-08   mt   -500              01/09/2025                                                       error montant-invalide
 *   r12 totals row (no numero, objet « Total »)                                                           skipped silently
 *
 * lignes.lues = 3 + 7 + 9 = 19; lignes.erreurs = 5 (2024!r7, 2025!r6, r8, r9, r11).
 *
 * Default exercice (regles.md §9: the year with most rows with a readable date, errors
 * included; tie → later year): 2023: 3; 2024: 2024!r2–r7 (6) + 2025!r6 = 7; 2025: 2024!r8 +
 * 2025!r3, r4, r5, r7, r10, r11 = 7 (r8 unreadable, r9 is 2028) → tie 7–7 → 2025.
 *
 * Exercice 2025: R = {a 2024!r8, b 2025!r3, c r4, d r5, e r7, f r10}; H = {e}; M = {a, b, c, d, f}.
 *   dep: a 25 000, b 12 000, c 9 000, d 3 000, e 800, f 6 500; Σ = 56 300.
 *   sociale a, c, f; env a (clause), d, f (critère); AR = a, c, d, f.
 * Exercice 2024: R = {p 2024!r2, q r3, s r4, t r5, u r6} = M (horsMarche not mapped in sheet 2024).
 *   dep: p 11 000, q 9 000, s 3 500, t 18 000, u 6 000; Σ = 47 500. mt Σ = 51 000.
 *   sociale q, t; env s, t; AR q, s, t.
 * Exercice 2023: R = M = {x r4, y r5, z r6}; dep = mt: 12 000, 8 000, 5 000; Σ 25 000.
 *   sociale y; env z; AR y, z.
 *
 * Suivi insertion (rows s2–s8): s2 2024-02 B01 F Roubaix QPV CDD 200; s3 2024-02 B02 H Tourcoing
 * CDDI 150; s4 MAINT-ASC B05 H Roubaix CDD 40; s5 2024-07 B01 F Roubaix QPV CDI 100; s6 2025-02
 * B03 F Roubaix Intérim 120; s7 2025-02 « b01 » (sexe empty) Lille QPV CDD 80; s8 2025-07 B04 H
 * Wattrelos Apprentissage 60. Rows of N = those whose numero matches a contract of M of N (no
 * date used): MAINT-ASC is a contract of every year, so s4 counts in 2023, 2024 and 2025.
 *   2025: s4, s6, s7, s8 → beneficiaries B05, B03, B01, B04 (first filled values among rows of N:
 *         B01 has no sexe in 2025).
 *   2024: s2, s3, s4, s5 → B01, B02, B05.  2023: s4 → B05.
 *
 * Actions SPASER: 2024 Formation 15, Atelier 8, Formation 10 (31/12/2024); 2025 Événement 40
 * (01/01/2025), Formation 12, COPIL 9.
 * Cibles: 2025 4.1.2 ≥50, 2.1.5-delai ≤30, 1.1.2-dataviz 3 (sens empty = ≥), 3.2.1-fournitures-evitees
 * ≥15, 5.1.1-fournisseurs-zone 50 (breakdown: excluded); 2024 4.1.2 ≥60, dataviz ≥5, 2.1.1-programmes-nb ≥40.
 * Saisies: 3.2.1-fournitures-evitees 2024 = 8, 2025 = 12; 4.1.2 2025 = 99 and 2024 = 98 (ignored:
 * the indicator is computed).
 *
 * Charts (1.1.2-dataviz, README: only charts with a value; one Pôle → no « par Pôle » chart):
 *   2025 and 2024: considérations, zones, typologie, contrats d'insertion = 4;
 *   2023: considérations, zones, contrats d'insertion (5.1.4 non calculable: no size column) = 3.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_OK } from '../../src/cli/run';
import type { SpaserResult } from '../../src/domain/model';
import { tempDir } from '../cli/helpers';
import { byId, calculerJson, checkIndicator, sortedControls, SPEC_IDS, type StatusExpectation } from './helpers';
import { buildExercicesWorkbook, buildProbeWorkbook, FILE_EXERCICES, FILE_PROBE } from './blind-exercices-workbooks';

type Exp = StatusExpectation;

const ABS = /absente?/i;
const nc = (motif?: RegExp): Exp => ({ s: 'nc', n1: null, motif });

/** Columns never mapped in any sheet: non calculable every year, « colonne … absente ». */
const ALWAYS_ABSENT: Record<string, Exp> = {
  '1.1.2-avenants-ar': nc(ABS), // nbAvenants
  '2.1.1-prolongations-recurrents': nc(ABS), // recurrent, nbAvenantsProlongation
  '2.1.2-sans-nomenclature-nb': nc(ABS),
  '2.1.2-sans-nomenclature-montant': nc(ABS),
  '2.1.3-sourcage': nc(ABS),
  '2.1.4-cout-global': nc(ABS),
  '2.1.5-relation-fournisseur': nc(ABS),
  '2.1.5-reunions': nc(ABS),
  '2.2.2-hors-bpu': nc(ABS),
  '2.2.3-soumissionnaires': nc(ABS), // offresRecues, procedure
  '2.2.3-fiches-suivi': nc(ABS),
  '2.2.4-dossiers-negocies': nc(ABS),
  '2.2.4-gain-negociation': nc(ABS),
  '2.2.5-offre-technique-amelioree': nc(ABS),
  '3.1.1-criteres-env': nc(ABS), // procedure never mapped
  '3.1.1-reemploi': nc(ABS),
  '3.1.1-reutilisation': nc(ABS),
  '3.1.1-recycle': nc(ABS),
  '3.2.1-mobilier-reemploye': nc(), // manual only, no Saisies row
  '3.2.1-location': nc(ABS),
  '3.2.1-achat-usage': nc(ABS),
  '3.2.1-centrales': nc(ABS),
  '4.2.1-insertion-nb': nc(ABS),
  '4.2.1-insertion-montant': nc(ABS),
  '4.2.3-reserves': nc(ABS),
  '4.2.3-montant-esat-siae-ess': nc(ABS),
  '5.2.1-innovants-nb': nc(ABS),
  '5.2.1-innovants-montant': nc(ABS),
};

const EXPECTED_2025: Record<string, Exp> = {
  ...ALWAYS_ABSENT,
  // Cibles of 2025 with a single value: 4.1.2 60 ≥ 50 met; delai 26 ≤ 30 met; dataviz 4 ≥ 3 met;
  // fournitures-evitees 12 ≥ 15 not met; 5.1.1-fournisseurs-zone breakdown excluded → 3/4.
  // n1 not asserted: the 2024 value would judge a 2024 dataviz, which has no N−1 (README).
  '1.1.1-cibles-atteintes': { s: 'calculé', v: 75, n1: 'skip' },
  '1.1.2-marches-ar': { s: 'calculé', v: 4, n1: 3 }, // a, c, d, f; 2024: q, s, t
  '1.1.2-montant-ar': { s: 'calculé', v: 25000 + 9000 + 3000 + 6500, n1: 9000 + 3500 + 18000 },
  '1.1.2-dataviz': { s: 'calculé', v: 4, n1: null },
  '1.2.1-formations': { s: 'calculé', v: 1, n1: 2 },
  '1.2.1-personnes-formees': { s: 'calculé', v: 12, n1: 15 + 10 },
  '1.2.1-ateliers-evenements': { s: 'calculé', v: 1, n1: 1 }, // Événement 01/01/2025; 2024: Atelier
  // programme mapped only in sheet 2024: a alone takes part (prog oui) → 1/1; M has 5 rows.
  '2.1.1-programmes-nb': { s: 'calculé', v: 100, n1: 40, cov: { renseignees: 1, total: 5 } },
  '2.1.1-programmes-montant': { s: 'calculé', v: 100, n1: (100 * 21000) / 51000 },
  // horsMarche mapped only in sheet 2025: b, c, d, e, f take part, H = e → 1/5; 2024: no row maps it.
  '2.1.2-hors-marche-nb': { s: 'calculé', v: 20, n1: null, cov: { renseignees: 5, total: 6 } },
  '2.1.2-hors-marche-montant': { s: 'calculé', v: (100 * 800) / (12000 + 9000 + 3000 + 800 + 6500), n1: null },
  // (25 + 20 + 40 + 15 + 30) / 5; 2024: no row maps it.
  '2.1.5-delai-paiement': { s: 'calculé', v: 26, n1: null, cov: { renseignees: 5, total: 6 } },
  // env over M: a (clause), d, f (critère) → 3/5; 2024: s, t of 5.
  '3.1.1-consideration-env': { s: 'calculé', v: 60, n1: 40, cov: { renseignees: 5, total: 5 } },
  // clauseEnvironnementale mapped only in sheet 2024: a alone → 1/1; 2024: s, t of 5.
  '3.1.1-clauses-env': { s: 'calculé', v: 100, n1: 40, cov: { renseignees: 1, total: 5 } },
  '3.2.1-fournitures-evitees': { s: 'saisi', v: 12, n1: 8 },
  // a, c, f of 5 (the saisie 99 never beats a computed value); 2024: q, t of 5.
  '4.1.2-consideration-sociale': { s: 'calculé', v: 60, n1: 40, cov: { renseignees: 5, total: 5 } },
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 3, n1: 2 },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: 60, n1: 40 },
  // a: no Suivi rows → its column 500; b: Suivi MAINT-ASC 40; c: Suivi 120 + 80; d: no Suivi, no
  // heures column in sheet 2025 → nothing; f: Suivi 60 → 800.
  // 2024: p Suivi 40; q Suivi 200 + 150 (not its 300); s, u empty; t Suivi 100 (not its 150) → 490.
  '4.2.2-heures': { s: 'calculé', v: 800, n1: 490 },
  '4.2.2-personnes': { s: 'calculé', v: 4, n1: 3 },
  '4.2.2-contrats': { s: 'calculé', v: 4, n1: 4 },
  '4.2.2-typologie': { s: 'calculé', v: 4, n1: 4, rep: { CDD: 2, 'Intérim': 1, Apprentissage: 1 } },
  // sexe filled: B05 H, B03 F, B04 H (B01 none among the rows of 2025) → 1/3; 2024: B01 F, B02 H, B05 H.
  '4.2.2-femmes': { s: 'calculé', v: 100 / 3, n1: 100 / 3, rep: { F: 1, H: 2 } },
  // B05 Roubaix, B03 Roubaix, B01 Lille, B04 Wattrelos → 2/4; 2024: B01 Roubaix, B02 Tourcoing, B05 Roubaix.
  '4.2.2-roubaisiens': { s: 'calculé', v: 50, n1: 200 / 3 },
  '4.2.2-residents-qpv': { s: 'calculé', v: 1, n1: 1 }, // B01 (s7); 2024: B01
  // 6 suppliers: Roubaix a, c, e; MEL b (59000), d (59170 Croix); HdF f (62000). Spend /56 300.
  '5.1.1-fournisseurs-zone': {
    s: 'calculé', v: null, n1: 'skip',
    rep: {
      Roubaix: { fournisseurs: 50, depense: (100 * 34800) / 56300 },
      'MEL (hors Roubaix)': { fournisseurs: 100 / 3, depense: (100 * 15000) / 56300 },
      'Hauts-de-France (hors MEL)': { fournisseurs: 100 / 6, depense: (100 * 6500) / 56300 },
    },
  },
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: 34800 / 3, n1: 9000 },
  // a ETI, b PME, c TPE, d GE, e TPE, f PME.
  '5.1.4-fournisseurs-typologie': {
    s: 'calculé', v: null, n1: 'skip',
    rep: {
      TPE: { fournisseurs: 100 / 3, depense: (100 * 9800) / 56300 },
      PME: { fournisseurs: 100 / 3, depense: (100 * 18500) / 56300 },
      ETI: { fournisseurs: 100 / 6, depense: (100 * 25000) / 56300 },
      GE: { fournisseurs: 100 / 6, depense: (100 * 3000) / 56300 },
    },
  },
};

const EXPECTED_2024: Record<string, Exp> = {
  ...ALWAYS_ABSENT,
  // 4.1.2 40 < 60 not met; dataviz 4 < 5 not met; 2.1.1-programmes-nb 40 ≥ 40 met (equality) → 1/3.
  // 2023 has no Cibles row → n1 null.
  '1.1.1-cibles-atteintes': { s: 'calculé', v: 100 / 3, n1: null },
  '1.1.2-marches-ar': { s: 'calculé', v: 3, n1: 2 },
  '1.1.2-montant-ar': { s: 'calculé', v: 30500, n1: 8000 + 5000 },
  '1.1.2-dataviz': { s: 'calculé', v: 4, n1: null },
  '1.2.1-formations': { s: 'calculé', v: 2, n1: null }, // 12/03 and 31/12/2024; no 2023 action
  '1.2.1-personnes-formees': { s: 'calculé', v: 25, n1: null },
  '1.2.1-ateliers-evenements': { s: 'calculé', v: 1, n1: null },
  '2.1.1-programmes-nb': { s: 'calculé', v: 40, n1: 200 / 3, cov: { renseignees: 5, total: 5 } }, // p, q; 2023 x, y
  '2.1.1-programmes-montant': { s: 'calculé', v: (100 * 21000) / 51000, n1: 80 }, // 2023: 20 000 / 25 000
  '2.1.2-hors-marche-nb': nc(ABS),
  '2.1.2-hors-marche-montant': nc(ABS),
  '2.1.5-delai-paiement': nc(ABS),
  '3.1.1-consideration-env': { s: 'calculé', v: 40, n1: 100 / 3 },
  '3.1.1-clauses-env': { s: 'calculé', v: 40, n1: 100 / 3 },
  '3.2.1-fournitures-evitees': { s: 'saisi', v: 8, n1: null },
  '4.1.2-consideration-sociale': { s: 'calculé', v: 40, n1: 100 / 3 },
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 2, n1: 1 },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: 40, n1: 100 / 3 },
  '4.2.2-heures': { s: 'calculé', v: 490, n1: 40 }, // 2023: x MAINT-ASC Suivi 40; y, z: no heures column
  '4.2.2-personnes': { s: 'calculé', v: 3, n1: 1 },
  '4.2.2-contrats': { s: 'calculé', v: 4, n1: 1 },
  '4.2.2-typologie': { s: 'calculé', v: 4, n1: 1, rep: { CDD: 2, CDDI: 1, CDI: 1 } },
  '4.2.2-femmes': { s: 'calculé', v: 100 / 3, n1: 0, rep: { F: 1, H: 2 } },
  '4.2.2-roubaisiens': { s: 'calculé', v: 200 / 3, n1: 100 },
  '4.2.2-residents-qpv': { s: 'calculé', v: 1, n1: 0 },
  // 5 suppliers: Roubaix q; MEL p, s, t; France u (75012). Spend / 47 500.
  '5.1.1-fournisseurs-zone': {
    s: 'calculé', v: null, n1: 'skip',
    rep: {
      Roubaix: { fournisseurs: 20, depense: (100 * 9000) / 47500 },
      'MEL (hors Roubaix)': { fournisseurs: 60, depense: (100 * 32500) / 47500 },
      'France (hors Hauts-de-France)': { fournisseurs: 20, depense: (100 * 6000) / 47500 },
    },
  },
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: 9000, n1: 8000 },
  // p PME, q TPE, s GE, t PME, u GE.
  '5.1.4-fournisseurs-typologie': {
    s: 'calculé', v: null, n1: 'skip',
    rep: {
      TPE: { fournisseurs: 20, depense: (100 * 9000) / 47500 },
      PME: { fournisseurs: 40, depense: (100 * 29000) / 47500 },
      GE: { fournisseurs: 40, depense: (100 * 9500) / 47500 },
    },
  },
};

const EXPECTED_2023: Record<string, Exp> = {
  ...ALWAYS_ABSENT,
  '1.1.1-cibles-atteintes': nc(), // no Cibles row of 2023
  '1.1.2-marches-ar': { s: 'calculé', v: 2, n1: null },
  '1.1.2-montant-ar': { s: 'calculé', v: 13000, n1: null },
  '1.1.2-dataviz': { s: 'calculé', v: 3, n1: null },
  '1.2.1-formations': nc(),
  '1.2.1-personnes-formees': nc(),
  '1.2.1-ateliers-evenements': nc(),
  '2.1.1-programmes-nb': { s: 'calculé', v: 200 / 3, n1: null },
  '2.1.1-programmes-montant': { s: 'calculé', v: 80, n1: null },
  '2.1.2-hors-marche-nb': nc(ABS),
  '2.1.2-hors-marche-montant': nc(ABS),
  '2.1.5-delai-paiement': nc(ABS),
  '3.1.1-consideration-env': { s: 'calculé', v: 100 / 3, n1: null },
  '3.1.1-clauses-env': { s: 'calculé', v: 100 / 3, n1: null },
  '3.2.1-fournitures-evitees': nc(), // no saisie for 2023
  '4.1.2-consideration-sociale': { s: 'calculé', v: 100 / 3, n1: null },
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 1, n1: null },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: 100 / 3, n1: null },
  '4.2.2-heures': { s: 'calculé', v: 40, n1: null },
  '4.2.2-personnes': { s: 'calculé', v: 1, n1: null },
  '4.2.2-contrats': { s: 'calculé', v: 1, n1: null },
  '4.2.2-typologie': { s: 'calculé', v: 1, n1: null, rep: { CDD: 1 } },
  '4.2.2-femmes': { s: 'calculé', v: 0, n1: null, rep: { H: 1 } },
  '4.2.2-roubaisiens': { s: 'calculé', v: 100, n1: null },
  '4.2.2-residents-qpv': { s: 'calculé', v: 0, n1: null },
  '5.1.1-fournisseurs-zone': {
    s: 'calculé', v: null, n1: null,
    rep: {
      Roubaix: { fournisseurs: 100 / 3, depense: 32 },
      'MEL (hors Roubaix)': { fournisseurs: 100 / 3, depense: 48 },
      'Hauts-de-France (hors MEL)': { fournisseurs: 100 / 3, depense: 20 },
    },
  },
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: 8000, n1: null },
  '5.1.4-fournisseurs-typologie': nc(ABS), // no size column in sheet 2023
};

/** 2022: no row at all. Every register indicator non calculable (« no row can take part »);
 *  Suivi insertion indicators too: no contract of N (see the correction below); Actions
 *  without an action of N → non calculable (README); no chart has a value → 0. */
const NO_ROW = /aucun/i;
const EXPECTED_2022: Record<string, Exp> = {
  ...ALWAYS_ABSENT,
  '1.1.1-cibles-atteintes': nc(),
  '1.1.2-marches-ar': nc(NO_ROW),
  '1.1.2-montant-ar': nc(NO_ROW),
  '1.1.2-dataviz': { s: 'calculé', v: 0, n1: null },
  '1.2.1-formations': nc(),
  '1.2.1-personnes-formees': nc(),
  '1.2.1-ateliers-evenements': nc(),
  '2.1.1-programmes-nb': nc(NO_ROW),
  '2.1.1-programmes-montant': nc(NO_ROW),
  '2.1.2-hors-marche-nb': nc(NO_ROW),
  '2.1.2-hors-marche-montant': nc(NO_ROW),
  '2.1.5-delai-paiement': nc(NO_ROW),
  '3.1.1-consideration-env': nc(NO_ROW),
  '3.1.1-clauses-env': nc(NO_ROW),
  '3.2.1-fournitures-evitees': nc(),
  '4.1.2-consideration-sociale': nc(NO_ROW),
  '4.2.2-clause-sociale-nb': nc(NO_ROW),
  '4.2.2-clause-sociale-part': nc(NO_ROW),
  '4.2.2-heures': nc(NO_ROW),
  // Corrected after the run (my misreading): README's « comptes à 0 » is for a Suivi sheet
  // while N has contracts, none followed; with no contract of N at all, no row can take part
  // (regles.md §2) → non calculable « aucun marché pour l'exercice 2022 ».
  '4.2.2-personnes': nc(NO_ROW),
  '4.2.2-contrats': nc(NO_ROW),
  '4.2.2-typologie': nc(NO_ROW),
  '4.2.2-femmes': nc(NO_ROW),
  '4.2.2-roubaisiens': nc(NO_ROW),
  '4.2.2-residents-qpv': nc(NO_ROW),
  '5.1.1-fournisseurs-zone': nc(NO_ROW),
  '5.1.1-montant-moyen-roubaix': nc(NO_ROW),
  '5.1.4-fournisseurs-typologie': nc(NO_ROW),
};
// In 2022 the « absent column » ones also have no row at all: either reason is acceptable.
for (const id of Object.keys(ALWAYS_ABSENT)) if (EXPECTED_2022[id].motif) EXPECTED_2022[id] = nc(/absente?|aucun/i);

/** Controls of the whole register (all years), as (sheet, row, code). */
const EXPECTED_CONTROLS = [
  ['2024', 7, 'montant-manquant'],
  ['2025', 5, 'delai-paiement-depasse'],
  ['2025', 6, 'doublon'],
  ['2025', 8, 'date-invalide'],
  ['2025', 9, 'date-invalide'],
  ['2025', 11, 'montant-invalide'],
];

/** Indicators that README says have no Pôle value (null per Pôle). */
const NO_POLE = new Set([
  '1.1.1-cibles-atteintes', '1.1.2-dataviz', '1.2.1-formations', '1.2.1-personnes-formees', '1.2.1-ateliers-evenements',
  '3.2.1-fournitures-evitees', '3.2.1-mobilier-reemploye', '5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie',
]);

describe('blind « exercices »: a workbook spanning 2023–2025, the choice of the exercice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, FILE_EXERCICES), await buildExercicesWorkbook());
  }, 60_000);

  describe('default exercice (tie 7–7 between 2024 and 2025 → 2025)', () => {
    let r: { code: number; result: SpaserResult; stderr: string };
    beforeAll(async () => {
      r = await calculerJson(dir, FILE_EXERCICES, 'defaut.xlsx');
    }, 120_000);

    it('runs, exercice 2025, spend from the mandated column', () => {
      expect(r.code).toBe(EXIT_OK);
      expect(r.result.exercice).toBe(2025);
      expect(r.result.depense).toBe('montantMandate');
    });
    it('lignes: 19 read, 6 of R, 5 in error (all years), 1 of R with a warning', () => {
      expect(r.result.lignes).toEqual({ lues: 19, exercice: 6, erreurs: 5, avertissements: 1 });
    });
    it('controls per row', () => {
      expect(sortedControls(r.result)).toEqual(EXPECTED_CONTROLS);
      const doublon = r.result.controles.find((c) => c.code === 'doublon')!;
      expect([doublon.gravite, doublon.colonne]).toEqual(['erreur', 'N° de marché']);
      expect(r.result.controles.find((c) => c.code === 'delai-paiement-depasse')!.gravite).toBe('avertissement');
    });
    it('every id of the spec, once, in order', () => {
      expect(r.result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
    });
    it.each(SPEC_IDS)('%s', (id) => {
      checkIndicator(byId(r.result).get(id)!, EXPECTED_2025[id]);
    });
    it('targets carried on the indicators of 2025', () => {
      const m = byId(r.result);
      for (const [id, target] of [['4.1.2-consideration-sociale', 50], ['2.1.5-delai-paiement', 30], ['1.1.2-dataviz', 3], ['3.2.1-fournitures-evitees', 15]] as const) {
        expect([id, JSON.stringify(m.get(id)!.cible)]).toEqual([id, expect.stringMatching(new RegExp(`\\b${target}\\b`))]);
      }
      expect(m.get('1.1.2-marches-ar')!.cible).toBeNull();
    });
    it('parPole: one Pôle, the file name; its value is the City value; null where README says so', () => {
      for (const ind of r.result.indicateurs) {
        expect([ind.id, Object.keys(ind.parPole ?? {})]).toEqual([ind.id, ['Pôle Culture']]);
        const v = ind.parPole!['Pôle Culture'];
        if (NO_POLE.has(ind.id) || ind.statut !== 'calculé') expect([ind.id, v]).toEqual([ind.id, null]);
        else expect([ind.id, v]).toEqual([ind.id, expect.closeTo(ind.valeur as number, 9)]);
      }
    });
    it('the manual value of a computed indicator is set aside with a warning on stderr, not in controles', () => {
      expect(r.stderr).toMatch(/Attention/);
      expect(r.stderr).toMatch(/Saisies manuelles/);
    });
  });

  describe('--exercice 2024 (N−1 = 2023)', () => {
    let r: { code: number; result: SpaserResult; stderr: string };
    beforeAll(async () => {
      r = await calculerJson(dir, FILE_EXERCICES, 'e2024.xlsx', ['--exercice', '2024']);
    }, 120_000);

    it('runs, exercice 2024, lignes', () => {
      expect(r.code).toBe(EXIT_OK);
      expect(r.result.exercice).toBe(2024);
      expect(r.result.depense).toBe('montantMandate');
      expect(r.result.lignes).toEqual({ lues: 19, exercice: 5, erreurs: 5, avertissements: 0 });
      expect(sortedControls(r.result)).toEqual(EXPECTED_CONTROLS);
    });
    it.each(SPEC_IDS)('%s', (id) => {
      checkIndicator(byId(r.result).get(id)!, EXPECTED_2024[id]);
    });
  });

  describe('--exercice 2023 (no row of N−1)', () => {
    let r: { code: number; result: SpaserResult; stderr: string };
    beforeAll(async () => {
      r = await calculerJson(dir, FILE_EXERCICES, 'e2023.xlsx', ['--exercice', '2023']);
    }, 120_000);

    it('runs, exercice 2023, spend = montant (sheet 2023 has no mandated column), every n1 null', () => {
      expect(r.code).toBe(EXIT_OK);
      expect(r.result.exercice).toBe(2023);
      expect(r.result.depense).toBe('montant');
      expect(r.result.lignes).toEqual({ lues: 19, exercice: 3, erreurs: 5, avertissements: 0 });
      for (const ind of r.result.indicateurs) expect([ind.id, ind.n1]).toEqual([ind.id, null]);
    });
    it.each(SPEC_IDS)('%s', (id) => {
      checkIndicator(byId(r.result).get(id)!, EXPECTED_2023[id]);
    });
  });

  describe('--exercice 2022 (no row at all)', () => {
    let r: { code: number; result: SpaserResult; stderr: string };
    beforeAll(async () => {
      r = await calculerJson(dir, FILE_EXERCICES, 'e2022.xlsx', ['--exercice', '2022']);
    }, 120_000);

    it('runs (exit 0: the chain ran), exercice 2022, no row of R', () => {
      expect(r.code).toBe(EXIT_OK);
      expect(r.result.exercice).toBe(2022);
      expect(r.result.lignes).toEqual({ lues: 19, exercice: 0, erreurs: 5, avertissements: 0 });
      expect(sortedControls(r.result)).toEqual(EXPECTED_CONTROLS);
      for (const ind of r.result.indicateurs) expect([ind.id, ind.n1]).toEqual([ind.id, null]);
    });
    it.each(SPEC_IDS)('%s', (id) => {
      checkIndicator(byId(r.result).get(id)!, EXPECTED_2022[id]);
    });
  });
});

/**
 * Probe workbook « Pôle Sport.xlsx », sheet « Registre » (rows r2–r10):
 *   r2 D-1 montant empty, 01/03/2025, cs oui  → error montant-manquant (still the FIRST D-1 of 2025)
 *   r3 D-1 1 000, 01/04/2025, cs oui           → error doublon (« the first is kept, whatever else it carries »)
 *   r4 D-2 « mars 2025 »                        → error date-invalide (no readable date: no part in the doublon check)
 *   r5 « d- 2 » 2 000, 01/05/2025, cs non       → ok (case and spaces ignored: same numero as r4, but r4 has no date)
 *   r6 D-3 −5, 01/06/2025                       → error montant-invalide
 *   r7–r9 P-1 (cs oui), P-2, P-3 1 000 each, 2024 → ok
 *   r10 Q-1 montant empty, 05/05/2023           → error montant-manquant
 * Default exercice: readable dates, errors included: 2025: r2, r3, r5, r6 = 4; 2024: 3; 2023: 1 → 2025
 * (valid rows only would have given 2024: 3 against 1).
 * 2025: R = M = {r5}; sociale none → 4.1.2 = 0 %; N−1 2024: P-1 of 3 → 100/3.
 * Cibles 2025: first row 4.1.2 « au plus » 10 → 0 ≤ 10 met; the second 2025 row is not a
 * second target (README); the unknown id is ignored → 1.1.1 = 1/1 = 100 %.
 * --exercice 2024: N−1 = 2023 holds only a row in error → every n1 null (sortie.md: « valid rows of N−1 »).
 */
describe('blind « exercices », probe: errors count for the default exercice; doublon and N−1 edges', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, FILE_PROBE), await buildProbeWorkbook());
  }, 60_000);

  it('default: 2025 (rows in error counted), lignes, controls, 4.1.2, 1.1.1 with « au plus »', async () => {
    const r = await calculerJson(dir, FILE_PROBE, 'probe.xlsx');
    expect(r.code).toBe(EXIT_OK);
    expect(r.result.exercice).toBe(2025);
    expect(r.result.lignes).toEqual({ lues: 9, exercice: 1, erreurs: 5, avertissements: 0 });
    expect(sortedControls(r.result)).toEqual([
      ['Registre', 2, 'montant-manquant'],
      ['Registre', 3, 'doublon'],
      ['Registre', 4, 'date-invalide'],
      ['Registre', 6, 'montant-invalide'],
      ['Registre', 10, 'montant-manquant'],
    ]);
    const m = byId(r.result);
    checkIndicator(m.get('4.1.2-consideration-sociale')!, { s: 'calculé', v: 0, n1: 100 / 3, cov: { renseignees: 1, total: 1 } });
    checkIndicator(m.get('1.1.2-marches-ar')!, { s: 'calculé', v: 0, n1: 1 });
    checkIndicator(m.get('1.1.2-montant-ar')!, { s: 'calculé', v: 0, n1: 1000 });
    checkIndicator(m.get('1.1.1-cibles-atteintes')!, { s: 'calculé', v: 100 });
    expect(JSON.stringify(m.get('4.1.2-consideration-sociale')!.cible)).toMatch(/\b10\b/);
  }, 120_000);

  it('--exercice 2024: N−1 2023 has only a row in error → n1 null everywhere', async () => {
    const r = await calculerJson(dir, FILE_PROBE, 'probe2024.xlsx', ['--exercice', '2024']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.result.exercice).toBe(2024);
    expect(r.result.lignes).toEqual({ lues: 9, exercice: 3, erreurs: 5, avertissements: 0 });
    for (const ind of r.result.indicateurs) expect([ind.id, ind.n1]).toEqual([ind.id, null]);
    const m = byId(r.result);
    checkIndicator(m.get('4.1.2-consideration-sociale')!, { s: 'calculé', v: 100 / 3, n1: null });
    checkIndicator(m.get('1.1.2-montant-ar')!, { s: 'calculé', v: 1000, n1: null });
    checkIndicator(m.get('1.1.1-cibles-atteintes')!, nc());
  }, 120_000);
});

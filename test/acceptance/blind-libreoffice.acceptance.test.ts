/**
 * BLIND acceptance « libreoffice » — expectations computed by hand from the spec
 * (`/work/shared/spec/`) and the README's « Choix faits », before reading `src/`.
 *
 * Two workbooks SAVED BY LIBREOFFICE CALC 7.4 at test time (./blind-libreoffice-workbooks.ts):
 * A « Pôle Solidarités.xlsx » (typed in Calc, flat ODS saved as .xlsx) and B « Pôle Proximité.xlsx »
 * (a Windows-1252 CSV export opened with Calc's French import, saved as .xlsx). Given to the command
 * line in the order A, B: `calculer "Pôle Solidarités.xlsx" "Pôle Proximité.xlsx" --json`, then each
 * alone. today = 2026-01-20 → a date after 31/12/2027 would be `date-invalide`.
 *
 * The buyer saved A filtered on « Service prescripteur » = Seniors (autoFilter with a filterColumn, rows
 * r5 r6 r7 r12 r13 r15 r16 r18 r20…r24 hidden): nothing in the spec leaves hidden rows out, every row is read.
 * A also has a print range, and a conditional format on « Délai paiement (j) » (> 30 in red).
 *
 * What LibreOffice wrote (checked in its XML): shared strings, booleans `t="b"` under the format
 * `"TRUE";"TRUE";"FALSE"`, dates as serials under `dd/mm/yyyy` (A) or `mm/dd/yy` (B, the French
 * short date of the CSV import: 05/03/2025 → serial of 5 March), currency `#,##0.00\ [$€-40C]`,
 * `0" h"`, `0" j"`, percent `0\ %` (0.3), formulas recalculated on load with `aca` (A15's numero
 * `t="str"`, O15 `t="e"` #DIV/0!), merges A1:F1 C9:C11 D9:D11 F9:F11 A25:B25, autoFilter A4:AA24,
 * `_xlnm._FilterDatabase` and `Marches` defined names, a list validation, a hidden sheet. In B,
 * `350 000,00` → 350000, `05100` → 5100, `59 170` → 59170, `3 400` → 3400, `VRAI` → TRUE,
 * `01234567800010` → 1234567800010, `2025-13-01` stays text.
 *
 * ── Pôles ── no Pôle column in either file → the file name (README « `pole` vide … ») :
 *   SOL = « Pôle Solidarités » (A), PRX = « Pôle Proximité » (B).
 *
 * ── A, sheet « Suivi 2025 » (title r1 merged, r2 update date, header r4, rows r5…r24, r20 empty) ──
 * Header (champs.md synonyms after regles §1 normalisation): « N°⏎marché » numero, « Intitulé du
 * marché » objet, « Service prescripteur » direction, « Mode de passation » procedure, « Hors
 * marché », « Notifié le » date, « Durée (mois) », « Montant HT⏎(en €) » montant, « Montant TTC »
 * NOT mapped (TTC), « Réalisé (€) » montantMandate, « Programmé ? », « Famille d'achat »
 * codeNomenclature, « Clause sociale (insertion) » clauseSociale, « Heures prévues », « Heures
 * réalisées », « Marché réservé », « Clause verte » clauseEnvironnementale, « Critère DD »
 * critereEnvironnemental, « Innovant ? » marcheInnovant, « Nb d'offres » offresRecues, « Délai
 * paiement (j) » delaiPaiement, « Attributaire » titulaire, « SIRET titulaire », « Code postal »,
 * « Commune », « Taille entreprise » categorieEntreprise, « Observations / remarques » commentaires.
 * dep = Réalisé when filled, else Montant HT.   soc/env/inn = declared considerations (regles §4).
 *
 *  r   numero          proc→           HM   date        mt      dep      soc env inn  supplier → zone, size
 *  r5  SOL-25-001      AOO             F    20/01/2025  240000  80000    ✓   ✓   ·    Accueil Nord s1, Roubaix, PME
 *  r6  SOL-25-002      MAPA            non  '15.05.2025' '18 500,00 €'=18500 (no Réalisé) 18500
 *                                                                        ✓res ✓✓ ·   Jardins de Cocagne (name), Tourcoing MEL, tpe
 *        ⚠ delai-paiement-depasse (32 > 30)        (cs « - » = non; réservé « L2113-13 » = SIAE; clause verte « ✓ »)
 *  r7  SOL-25-003      AOO (« Appel d'offres ouvert ») F 03/02/2025 96000 7350.5 (formula =4200+3150.5)
 *                                                                        ✓   ✓   ·    SIRET « 382 546 319 00023 » valid,
 *                                                                                     « ROUBAIX CEDEX 1 » → Roubaix, PME
 *        (cs « Oui (35 h par an) » → oui: text starting with oui)
 *  r8  SOL-25-005      PA → MAPA       N    '3 juin 2025' (README: dates in letters) 45000 30000
 *                                                                        ·   ✓   ✓    Mobilité Plus, Lens 62300 → HdF, ETI
 *        ⚠ heures-sans-clause (60 h, clause « Non », no marcheInsertion column)
 *        ⚠ suggestion-non-confirmee (« véhicules électriques » → Clause environnementale, column empty)
 *  r9  SOL-25-004-L1   AOO (merged D9:D11)  F  15/04/2025 (merged F9:F11) 150000 50000
 *                                                                        ✓   ✓   ·    ADMR, Roubaix, PME
 *  r10 SOL-25-004-L2   AOO (merged)    F    15/04/2025 (merged) 120000 40000  ✓ ✓ ·   Aide et Soins, Lille → MEL, ETI
 *        (« Innovant ? » is the formula =S9, FALSE — LibreOffice saves a boolean result as the number 0 under
 *        its boolean format)
 *  r11 SOL-25-004-L3   AOO (merged)    F    15/04/2025 (merged) 60000; Réalisé =IF(H11>100000;H11/2;"") → ""
 *        (empty: the buyer sees an empty cell) → dep = mt 60000; « Critère DD » =R9 → TRUE (saved as 1)
 *                                                                        ·   ✓   ✓    Repas Solidaires (name), no commune,
 *                                                                                     CP 59780 (shared, not MEL) → HdF, TPE
 *        (« Expérimentation … » in Observations: innovation already declared → no suggestion)
 *  r12 SOL-25-006      —               Oui → H  10/06/2025 3200 3200     ·   ·   ·    Papeterie Lefebvre, SIRET fails Luhn
 *                                                                                     → by name, Roubaix, TPE
 *        ⚠ siret-invalide  ⚠ suggestion-non-confirmee (« papier recyclé » → Clause environnementale)
 *  r13 SOL-25-007      PCN → négociation F  01/09/2025  35000   35000    ✓ESS ·  ·    Numérique Solidaire, Wattrelos MEL, TPE
 *        ⚠ delai-paiement-depasse (45)  ⚠ suggestion-non-confirmee (« prototype » → Marché innovant)
 *  r14 SOL-25-008      sans publicité… → MSPMC (not MC) F 06/10/2025 9800 4900  · · ·  Loc'Auto, CP typed 8000 → « 08000 »,
 *                                                                                     Charleville-Mézières → France, GE
 *  r15 ="SOL-25-"&"011" = SOL-25-011, « Heures réalisées » =N15/0 → #DIV/0!   ✗ valeur-illisible
 *  r16 SOL-25-012      '31/06/2025' (no such day)                              ✗ date-invalide
 *  r17 SOL-25-013      montant « à définir »                                   ✗ montant-invalide
 *  r18 sol-25-003      01/12/2025 = SOL-25-003 of r7 (case ignored), same year ✗ doublon
 *  r19 SOL-25-014      MAPA            F    24/03/2025  28000   14000    ·   ·   ·    Répit & Vacances, SIRET text valid,
 *                                                                                     « B-1000 » Bruxelles → Inconnue, size Inconnue
 *        ⚠ code-postal-invalide (« B-1000 », no Pays column: pays empty)   (cs « Non concerné » → non)
 *  r20 empty → not a row
 *  r21 SOL-24-020 (N−1) AOO F 12/02/2024 mt 200000 dep 190000 soc ✓ env ✓ (R Oui) · Accueil Nord s1 Roubaix PME; prog ✓;
 *        nomenclature SO01; offres 2; délai 27
 *  r22 SOL-24-021 (N−1) MAPA F 12/09/2024 mt 15000 dep 15000 soc ✓ (SIAE) env ✓ (clause verte) · Cocagne Tourcoing TPE;
 *        prog empty; AL02; offres 1; délai 35 → ⚠ delai-paiement-depasse (listed; not of N)
 *  r23 SOL-25-015      gré à gré → MSPMC F '1er avril 2025' (README: dates in letters) → 01/04/2025; mt '7.500' = 7500
 *        (README: `1.234` form = thousands) dep 7500   ✓(cs « O »; ESAT/EA) · ·  ESAT Ateliers du Pile, SIRET typed as
 *        the number 4567891200036 → « 04567891200036 » (valid), Roubaix, size Inconnue
 *  r24 MUT 25 001      AOO             F    14/02/2025 10:30 (a date and time: its day) 60000 20000
 *                                                                        ·   ✓   ·    Hygiène Pro s, « Villeneuve d'Ascq » → MEL, ETI
 *  r25 « TOTAL » merged A25:B25 (numero column), SUMs → a totals row (README: a totals word in the numero
 *      column is a totals row), skipped silently.
 *
 * ── B, sheet « Pôle Proximité » (title r1, header r3: Référence, Libellé, Date de commande, Montant
 *    estimé HT, Montant mandaté, Procédure, Fournisseur, SIRET, Code postal, Ville, Effectif, Clause
 *    sociale, Critère social, Critère environnemental, Délai de paiement) ──
 *  r4  PRX-25-001  AOO  05/03/2025 mt 350000 dep 120000  soc ✓ (O, 1) env · (0)  Eiffage s, CP 59170 (Croix) → MEL,
 *        effectif 3400 → ETI
 *  r5  PRX-25-002  MAPA 01/07/2025 mt 75000 dep 75000  soc ✓ (VRAI) env ✓ (1)  Net Services (name), Roubaix, 45 → PME
 *        ⚠ delai-paiement-depasse (31)
 *  r6  mut25001    14/02/2025 = « MUT 25 001 » of A (case and spaces ignored), same year, later file ✗ doublon
 *  r7  PRX-25-004  Gré à gré (not MC) 15/09/25 mt 18000 dep 18000  · ·   Lumière & Cie, SIRET 1234567800010 → « 01234567800010 »
 *        valid, Paris 75011 → France, no effectif → Inconnue
 *  r8  PRX-25-005  '2025-13-01' (text) ✗ date-invalide
 *  r9  PRX-25-006  MAPA 30/11/2025 mt 24000 dep 24000  · ·  Bois & Cie (name), CP 5100 → « 05100 » Briançon → France, 8 → TPE
 *        ⚠ suggestion-non-confirmee (« biosourcé » → Clause environnementale)
 *  r10 PRX-24-007 (N−1) AOO 18/06/2024 mt 300000 dep 300000 soc ✓ env ✓  Eiffage, MEL, ETI; délai 20
 *  r11 PRX-25-008  MAPA 12/12/2025 mt '8 750,50' = 8750.5 dep 8750.5  · ·  Sels du Nord (name), Calais 62100 → HdF,
 *        size Inconnue   ⚠ delai-paiement-depasse (38)
 *  r12 « Total général : » in Libellé, no numero → totals row, skipped.
 *
 * ── Counts (N = 2025: 23 readable dates in 2025, 3 in 2024) ──
 * lignes.lues = A 19 (r5…r19, r21…r24) + B 8 (r4…r11) = 27; erreurs = A r15 r16 r17 r18 + B r6 r8 = 6.
 * R = A {r5 r6 r7 r8 r9 r10 r11 r12 r13 r14 r19 r23 r24} (13) + B {r4 r5 r7 r9 r11} (5) = 18.
 * avertissements (rows of R with a warning) = A r6 r8 r12 r13 r19 + B r5 r9 r11 = 8.
 * H = {A r12}; M = R∖H = 17 (A 12, B 5; B maps no horsMarche → contracts).
 * MC = M minus MSPMC (A r14, A r23, B r7) = 14 (A 10, B 4).
 * Σ_R dep: A 80000+18500+7350.5+30000+50000+40000+60000+3200+35000+4900+14000+7500+20000 = 370450.5;
 *          B 120000+75000+18000+24000+8750.5 = 245750.5; total 616201.
 * Σ_M mt:  A 240000+18500+96000+45000+150000+120000+60000+35000+9800+28000+7500+60000 = 869800;
 *          B 350000+75000+18000+24000+8750.5 = 475750.5.
 * N−1 (2024): R = M = MC = {A r21, A r22, B r10}.
 *
 * ── Insertion (A, sheet « Insertion », title r1, header r2) ── rows of N = numero of a contract of M
 * (any input): r3 SOL-25-001 P01 F Roubaix Oui CDDI 150 | r4 SOL-25-001 P02 H Tourcoing Non Intérim 120 |
 * r5 SOL-25-003 P03 F ROUBAIX VRAI CDD 35 | r6 SOL-25-004-L1 p01 (= P01) F Roubaix x Contrat de
 * professionnalisation 80 | r7 SOL-25-004-L2 P04 H Wattrelos (QPV empty) CDI 200 | r8 PRX-25-001 (B!) P05 H
 * Roubaix Oui Intérim 300. Not of N: r9 SOL-24-020 P06 F Croix Non CDDI 500 (N−1), r10 SOL-25-011 (its row is
 * in error), r11 XYZ-99 (no contract). r12 « Total » in Participant, no numero → totals row.
 *
 * ── Cibles (A, « Cibles COPIL ») ── 2025: 4.1.2-consideration-sociale « 30 % » (0.3 under `0\ %`; README:
 * read as shown → 30) ≥; 2.1.5-delai-paiement 30 « au plus » (≤); 5.2.1-innovants-nb « 15 % » (→ 15), sens
 * empty → ≥. 2024: 3.1.1-consideration-env 50 ≥.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { expectBreakdown, expectClose, type ExpectedIndicator, expectIndicator, type JsonControl, type JsonIndicator, SPEC_IDS, type SupplierBreakdown } from './helpers';
import {
  buildWithLibreOffice, FILE_A, FILE_B, SHEET_A, SHEET_B, SHEET_CIBLES, SHEET_INSERTION, SHEET_LISTES, soffice,
} from './blind-libreoffice-workbooks';

const TODAY = '2026-01-20';
const SOL = 'Pôle Solidarités';
const PRX = 'Pôle Proximité';
const POLES = [SOL, PRX];

const pct = (a: number, b: number): number => (100 * a) / b;

interface Suggestion {
  numero: string;
  consideration: string;
  etiquette: string;
  declencheur: string;
  decision: string | null;
}
interface Result {
  exercice: number;
  depense: string;
  lignes: { lues: number; exercice: number; erreurs: number; avertissements: number };
  indicateurs: JsonIndicator[];
  controles: JsonControl[];
  suggestions: Suggestion[];
}

// Expectations below — pp: values per Pôle in the order SOL, PRX (null = no value for that Pôle).
const ABSENT = /absente?/i;

const DEP_A = 370450.5; // Σ dep over R ∩ A (the rows of the sheets mapping horsMarche / codeNomenclature)
const MT_A = 869800; // Σ mt over M ∩ A (the rows mapping programme / marcheInnovant)
const TOT = 616201; // Σ_R dep

const EXPECTED: Record<string, ExpectedIndicator> = {
  // Cibles of 2025 whose indicator has a value: 4.1.2 = 52.9 ≥ 30 ✓; 2.1.5-delai = 26.07 ≤ 30 ✓;
  // 5.2.1-innovants-nb = 16.67 ≥ 15 ✓ → 3/3. N−1: the Cibles row of 2024, 3.1.1-consideration-env,
  // whose N−1 value is 100 ≥ 50 ✓ → 100 (spec: N−1 « computed the same way on the rows of N−1»).
  // No Pôle (README).
  '1.1.1-cibles-atteintes': { valeur: 100, n1: 100, pp: [null, null] },
  // AR in M: A r5 r6 r7 r8 r9 r10 r11 r13 r23 r24 (10) + B r4 r5 (2) | N−1 A r21 r22, B r10
  '1.1.2-marches-ar': { valeur: 12, n1: 3, pp: [10, 2] },
  '1.1.2-avenants-ar': { nc: ABSENT },
  // Σ dep AR over R: A 370450.5 − (r12 3200 + r14 4900 + r19 14000) = 348350.5; B 120000 + 75000
  // N−1: 190000 + 15000 + 300000
  '1.1.2-montant-ar': { valeur: 543350.5, n1: 505000, pp: [348350.5, 195000] },
  // considérations, zones, typologie, insertion contracts, par Pôle (2 Pôles) → 5 charts
  '1.1.2-dataviz': { valeur: 5, n1: null, pp: [null, null] },
  '1.2.1-formations': { nc: /Actions/i },
  '1.2.1-personnes-formees': { nc: /Actions/i },
  '1.2.1-ateliers-evenements': { nc: /Actions/i },
  // programme in A only: M∩A = 12; ✓ r5 (VRAI) r6 (x) r7 r9 r10 r11 r19 (Oui) r23 (x) r24 → 9; ✗ r8 Non,
  // r13 FAUX, r14 non | N−1 r21 ✓, r22 empty → 1/2. Coverage: all 12 filled, scope M = 17.
  '2.1.1-programmes-nb': { valeur: 75, n1: 50, pp: [75, null], cov: { renseignees: 12, total: 17 } },
  // programmed mt: 240000+18500+96000+150000+120000+60000+28000+7500+60000 = 780000 | N−1 200000/215000
  '2.1.1-programmes-montant': { valeur: pct(780000, MT_A), n1: pct(200000, 215000), pp: [pct(780000, MT_A), null] },
  '2.1.1-prolongations-recurrents': { nc: ABSENT },
  // horsMarche in A only: R∩A = 13, H = r12 → 1/13 | N−1 0/2. Coverage: 13 filled (FAUX, non, N count) of R = 18
  '2.1.2-hors-marche-nb': { valeur: pct(1, 13), n1: 0, pp: [pct(1, 13), null], cov: { renseignees: 13, total: 18 } },
  '2.1.2-hors-marche-montant': { valeur: pct(3200, DEP_A), n1: 0, pp: [pct(3200, DEP_A), null] },
  // Famille d'achat empty: r12 only → 1/13 | N−1 SO01, AL02 → 0
  '2.1.2-sans-nomenclature-nb': { valeur: pct(1, 13), n1: 0, pp: [pct(1, 13), null] },
  '2.1.2-sans-nomenclature-montant': { valeur: pct(3200, DEP_A), n1: 0, pp: [pct(3200, DEP_A), null] },
  '2.1.3-sourcage': { nc: ABSENT },
  '2.1.4-cout-global': { nc: ABSENT },
  '2.1.5-relation-fournisseur': { nc: ABSENT },
  '2.1.5-reunions': { nc: ABSENT },
  // délai filled over R: A 25 32 28 20 30 30 15 45 12 18 30 (r11, r23 empty) = 285 / 11;
  // B 22 31 15 38 (r7 empty) = 106 / 4; (285 + 106) / 15 | N−1 (27 + 35 + 20) / 3
  '2.1.5-delai-paiement': {
    valeur: 391 / 15, n1: 82 / 3, pp: [285 / 11, 26.5], cov: { renseignees: 15, total: 18 },
    cible: { valeur: 30, sens: '≤', atteinte: true },
  },
  '2.2.2-hors-bpu': { nc: ABSENT },
  // offres in A only, MC∩A: r5 3, r6 2, r7 5, r8 1, r9 4, r10 3, r11 1, r13 2, r19 2, r24 4 = 27 / 10
  // (r14 MSPMC; r23 MSPMC and empty) | N−1 (2 + 1) / 2. Coverage: 10 of MC = 14.
  '2.2.3-soumissionnaires': { valeur: 2.7, n1: 1.5, pp: [2.7, null], cov: { renseignees: 10, total: 14 } },
  '2.2.3-fiches-suivi': { nc: ABSENT },
  '2.2.4-dossiers-negocies': { nc: ABSENT },
  '2.2.4-gain-negociation': { nc: ABSENT },
  '2.2.5-offre-technique-amelioree': { nc: ABSENT },
  // env in M (A: clause verte or critère DD; B: critère environnemental): A 8, B 1 (r5) → 9/17 | N−1 3/3
  '3.1.1-consideration-env': { valeur: pct(9, 17), n1: 100, pp: [pct(8, 12), 20] },
  // critère env in MC: A r5 r8 r9 r10 r11 (5 of 10), B r5 (1 of 4) → 6/14 | N−1 r21, r10 (B) of 3
  '3.1.1-criteres-env': { valeur: pct(6, 14), n1: pct(2, 3), pp: [50, 25] },
  // clause verte, A only: r6 ✓, r7 Oui, r11 VRAI, r24 Oui → 4/12 | N−1 r22 of 2
  '3.1.1-clauses-env': { valeur: pct(4, 12), n1: 50, pp: [pct(4, 12), null] },
  '3.1.1-reemploi': { nc: ABSENT },
  '3.1.1-reutilisation': { nc: ABSENT },
  '3.1.1-recycle': { nc: ABSENT },
  '3.2.1-fournitures-evitees': { nc: /Saisies manuelles|saisie/i },
  '3.2.1-mobilier-reemploye': { nc: /Saisies manuelles|saisie/i },
  '3.2.1-location': { nc: ABSENT },
  '3.2.1-achat-usage': { nc: ABSENT },
  '3.2.1-centrales': { nc: ABSENT },
  // soc in M: A r5 r6 (SIAE) r7 r9 r10 r13 (ESS) r23 (7 of 12); B r4 r5 (2 of 5) → 9/17 | N−1 3/3
  '4.1.2-consideration-sociale': {
    valeur: pct(9, 17), n1: 100, pp: [pct(7, 12), 40],
    cible: { valeur: 30, sens: '≥', atteinte: true },
  },
  '4.2.1-insertion-nb': { nc: ABSENT },
  '4.2.1-insertion-montant': { nc: ABSENT },
  // clause sociale: A r5 r7 r9 r10 r23 (5), B r4 r5 (2) | N−1 r21, r10 (B)
  '4.2.2-clause-sociale-nb': { valeur: 7, n1: 2, pp: [5, 2] },
  '4.2.2-clause-sociale-part': { valeur: pct(7, 17), n1: pct(2, 3), pp: [pct(5, 12), 40] },
  // contracts of M followed in Insertion: SOL-25-001 150+120, SOL-25-003 35 (not its column's 35 — same),
  // SOL-25-004-L1 80 (not 200), SOL-25-004-L2 200 (not 150), PRX-25-001 300; others: their column: r8 60.
  // A 270+35+80+200+60 = 645, B 300 | N−1: SOL-24-020 followed, 500 (not its column's 900)
  '4.2.2-heures': { valeur: 945, n1: 500, pp: [645, 300] },
  // P01 P02 P03 P04 (SOL) + P05 (PRX) | N−1 P06
  '4.2.2-personnes': { valeur: 5, n1: 1, pp: [4, 1] },
  '4.2.2-contrats': { valeur: 6, n1: 1, pp: [5, 1] },
  '4.2.2-typologie': { valeur: 6, n1: 1 },
  // F among P01 F, P02 H, P03 F, P04 H, P05 H → 2/5 | N−1 P06 F | SOL 2/4, PRX 0/1
  '4.2.2-femmes': { valeur: 40, n1: 100, pp: [50, 0] },
  // Roubaix: P01, P03 (« ROUBAIX »), P05 → 3/5 | N−1 Croix 0 | SOL 2/4, PRX 1/1
  '4.2.2-roubaisiens': { valeur: 60, n1: 0, pp: [50, 100] },
  // QPV oui: P01 (« Oui », first filled), P03 (VRAI), P05 (« Oui ») | N−1 P06 Non
  '4.2.2-residents-qpv': { valeur: 3, n1: 0, pp: [2, 1] },
  // marché réservé in A only: r6 SIAE, r13 ESS, r23 ESAT/EA | N−1 r22 SIAE
  '4.2.3-reserves': { valeur: 3, n1: 1, pp: [3, null] },
  '4.2.3-montant-esat-siae-ess': { nc: ABSENT },
  // Roubaix suppliers of R: A r5 80000, r7 7350.5, r9 50000, r12 3200, r23 7500; B r5 75000 → 223050.5 / 6
  // N−1: Accueil Nord 190000 / 1 | SOL 148050.5 / 5, PRX 75000 / 1
  '5.1.1-montant-moyen-roubaix': { valeur: 223050.5 / 6, n1: 190000, pp: [148050.5 / 5, 75000] },
  // innovant in A only: r8, r11 of 12 | N−1 0 of 2
  '5.2.1-innovants-nb': { valeur: pct(2, 12), n1: 0, pp: [pct(2, 12), null], cible: { valeur: 15, sens: '≥', atteinte: true } },
  // Σ mt innov (45000 + 60000) / Σ_M∩A mt
  '5.2.1-innovants-montant': { valeur: pct(105000, MT_A), n1: 0, pp: [pct(105000, MT_A), null] },
};

// 18 suppliers, one per row of R, none shared (by valid SIRET: A r5 r7 r8 r9 r10 r13 r14 r19 r23 r24,
// B r4 r7; by name: A r6 r11 r12, B r5 r9 r11).
const ZONES: SupplierBreakdown = {
  // A r5 80000, r7 7350.5, r9 50000, r12 3200, r23 7500; B r5 75000
  Roubaix: { fournisseurs: pct(6, 18), depense: pct(223050.5, TOT) },
  // A r6 18500, r10 40000, r13 35000, r24 20000; B r4 120000
  'MEL (hors Roubaix)': { fournisseurs: pct(5, 18), depense: pct(233500, TOT) },
  // A r8 30000, r11 60000; B r11 8750.5
  'Hauts-de-France (hors MEL)': { fournisseurs: pct(3, 18), depense: pct(98750.5, TOT) },
  // A r14 4900 (08000); B r7 18000, r9 24000 (05100)
  'France (hors Hauts-de-France)': { fournisseurs: pct(3, 18), depense: pct(46900, TOT) },
  // A r19 14000
  Inconnue: { fournisseurs: pct(1, 18), depense: pct(14000, TOT) },
};
const SIZES: SupplierBreakdown = {
  TPE: { fournisseurs: pct(5, 18), depense: pct(18500 + 60000 + 3200 + 35000 + 24000, TOT) }, // A r6 r11 r12 r13, B r9
  PME: { fournisseurs: pct(4, 18), depense: pct(80000 + 7350.5 + 50000 + 75000, TOT) }, // A r5 r7 r9, B r5 (45)
  ETI: { fournisseurs: pct(4, 18), depense: pct(30000 + 40000 + 20000 + 120000, TOT) }, // A r8 r10 r24, B r4 (3400)
  GE: { fournisseurs: pct(1, 18), depense: pct(4900, TOT) }, // A r14
  Inconnue: { fournisseurs: pct(4, 18), depense: pct(14000 + 7500 + 18000 + 8750.5, TOT) }, // A r19 r23, B r7 r11
};

/** (source file, sheet, row, gravité, code). */
const CONTROLS: [string, string, number, string, string][] = [
  [FILE_A, SHEET_A, 6, 'avertissement', 'delai-paiement-depasse'],
  [FILE_A, SHEET_A, 8, 'avertissement', 'heures-sans-clause'],
  [FILE_A, SHEET_A, 8, 'avertissement', 'suggestion-non-confirmee'],
  [FILE_A, SHEET_A, 12, 'avertissement', 'siret-invalide'],
  [FILE_A, SHEET_A, 12, 'avertissement', 'suggestion-non-confirmee'],
  [FILE_A, SHEET_A, 13, 'avertissement', 'delai-paiement-depasse'],
  [FILE_A, SHEET_A, 13, 'avertissement', 'suggestion-non-confirmee'],
  [FILE_A, SHEET_A, 15, 'erreur', 'valeur-illisible'],
  [FILE_A, SHEET_A, 16, 'erreur', 'date-invalide'],
  [FILE_A, SHEET_A, 17, 'erreur', 'montant-invalide'],
  [FILE_A, SHEET_A, 18, 'erreur', 'doublon'],
  [FILE_A, SHEET_A, 19, 'avertissement', 'code-postal-invalide'],
  [FILE_A, SHEET_A, 22, 'avertissement', 'delai-paiement-depasse'],
  [FILE_B, SHEET_B, 5, 'avertissement', 'delai-paiement-depasse'],
  [FILE_B, SHEET_B, 6, 'erreur', 'doublon'],
  [FILE_B, SHEET_B, 8, 'erreur', 'date-invalide'],
  [FILE_B, SHEET_B, 9, 'avertissement', 'suggestion-non-confirmee'],
  [FILE_B, SHEET_B, 11, 'avertissement', 'delai-paiement-depasse'],
];

const SUGGESTIONS: [string, string, string][] = [
  ['SOL-25-005', 'environnementale', 'Clause environnementale'],
  ['SOL-25-006', 'environnementale', 'Clause environnementale'],
  ['SOL-25-007', 'innovation', 'Marché innovant'],
  ['PRX-25-006', 'environnementale', 'Clause environnementale'],
];

let dir: string;
let profile: string;
let result: Result;
let resultA: Result;
let resultB: Result;
let stderr = '';

async function calculer(args: string[]): Promise<Result> {
  let out = '';
  const io = {
    cwd: dir,
    today: TODAY,
    stdout: { write: (t: string) => (out += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
  };
  const code = await runCli(['calculer', ...args, '--json'], io);
  if (code !== EXIT_OK) throw new Error(`exit ${code}: ${stderr}`);
  return JSON.parse(out) as Result;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spaser-blind-libreoffice-'));
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'spaser-blind-libreoffice-profile-'));
  buildWithLibreOffice(dir, profile);
  result = await calculer([FILE_A, FILE_B, '--sortie', 'Consolidation.xlsx']);
  resultA = await calculer([FILE_A]);
  resultB = await calculer([FILE_B]);
}, 300_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
});

function ind(id: string, r: Result = result): JsonIndicator {
  const found = r.indicateurs.filter((i) => i.id === id);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('blind libreoffice: the files are LibreOffice\'s', () => {
  test('both .xlsx were written by LibreOffice Calc (its application name, its XML)', async () => {
    for (const f of [FILE_A, FILE_B]) {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, f)));
      expect(await zip.file('docProps/app.xml')!.async('string')).toMatch(/<Application>LibreOffice/);
      expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<fileVersion appName="Calc"\/>/);
    }
    const sheet = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, FILE_A)))).file('xl/worksheets/sheet1.xml')!.async('string');
    // what the workbook was built to contain, as LibreOffice wrote it
    expect(sheet).toContain('<autoFilter ref="A4:AA24"');
    for (const m of ['A1:F1', 'C9:C11', 'D9:D11', 'F9:F11', 'A25:B25']) expect(sheet).toContain(`<mergeCell ref="${m}"/>`);
    expect(sheet).toMatch(/<c r="O15"[^>]*t="e"><f aca="false">N15\/0<\/f><v>#DIV\/0!<\/v>/);
    expect(sheet).toMatch(/<c r="A15"[^>]*t="str"><f aca="false">&quot;SOL-25-&quot;&amp;&quot;011&quot;<\/f><v>SOL-25-011<\/v>/);
    expect(sheet).toMatch(/<c r="E5"[^>]*t="b"><v>0<\/v>/);
    expect(sheet).toMatch(/<c r="J11"[^>]*t="str"><f aca="false">IF\(H11&gt;100000,H11\/2,&quot;&quot;\)<\/f><v><\/v><\/c>/);
    expect(sheet).toMatch(/<c r="S10"[^>]*t="n"><f aca="false">S9<\/f><v>0<\/v>/);
    expect(sheet).toContain('<filterColumn colId="2">');
    expect(sheet).toMatch(/<row r="5"[^>]*hidden="true"/);
    expect(sheet).toContain('<conditionalFormatting');
  });

  test('nothing to warn about beyond the controls but the Insertion rows of no contract (each run), only « Montant TTC » unused', () => {
    // A formula whose saved result is "" (J11) is an empty cell the buyer sees empty, not a formula
    // saved without its result. Session 33: Insertion r11 (XYZ-99) follows no contract in any run, r8
    // (PRX-25-001) none of A alone (B's contract); B has no Insertion sheet.
    const orphan = (row: number, numero: string) =>
      `Attention : Feuille « Insertion » du classeur « ${FILE_A} », ligne ${row} : le marché « ${numero} » ne figure pas dans le registre ; ` +
      "la ligne ne compte dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires).";
    // Session 34: r10 (SOL-25-011) follows a contract whose only row, A r15, is in error (#DIV/0!), in each run.
    const inError =
      `Attention : Feuille « Insertion » du classeur « ${FILE_A} », ligne 10 : le marché « SOL-25-011 » est à la ligne 15 de la feuille « ${SHEET_A} », ` +
      "en erreur (valeur illisible) ; la ligne ne compte dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires). Corrigez cette ligne : ses heures compteront.";
    expect(stderr.split('\n').filter((l) => /Attention|formule/.test(l))).toEqual([inError, orphan(11, 'XYZ-99'), orphan(8, 'PRX-25-001'), inError, orphan(11, 'XYZ-99')]);
    expect(stderr).toContain('Colonne non utilisée : « Montant TTC »');
  });
});

describe('blind libreoffice: the register as a whole', () => {
  test('exercice, spend, rows', () => {
    expect(result.exercice).toBe(2025);
    expect(result.depense).toBe('montantMandate');
    expect(result.lignes).toEqual({ lues: 27, exercice: 18, erreurs: 6, avertissements: 8 });
  });

  test('every id of indicateurs.md, once, in order', () => {
    expect(result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
    expect(Object.keys(EXPECTED).length + 2).toBe(SPEC_IDS.length); // + the two breakdowns
  });

  test('controls: codes per row', () => {
    const got = result.controles.map((c) => [c.source, c.feuille, c.ligne, c.gravite, c.code].join(' | ')).sort();
    const want = CONTROLS.map((c) => c.join(' | ')).sort();
    expect(got).toEqual(want);
  });

  test('controls name the user\'s own header (regles §3)', () => {
    const col = (file: string, row: number, code: string) =>
      result.controles.find((c) => c.source === file && c.ligne === row && c.code === code)?.colonne;
    expect(col(FILE_A, 15, 'valeur-illisible')).toBe('Heures réalisées');
    expect(col(FILE_A, 16, 'date-invalide')).toBe('Notifié le');
    expect(col(FILE_A, 17, 'montant-invalide')).toMatch(/^Montant HT\s+\(en €\)$/);
    expect(col(FILE_A, 18, 'doublon')).toMatch(/^N°\s+marché$/);
    expect(col(FILE_A, 19, 'code-postal-invalide')).toBe('Code postal');
    expect(col(FILE_B, 6, 'doublon')).toBe('Référence');
    expect(col(FILE_B, 8, 'date-invalide')).toBe('Date de commande');
  });

  test('suggestions: from objet and Observations, not where the tag is declared, none undecided elsewhere', () => {
    expect(result.suggestions.map((x) => [x.numero, x.consideration, x.etiquette]).sort()).toEqual([...SUGGESTIONS].sort());
    expect(result.suggestions.every((x) => x.decision === null)).toBe(true);
  });
});

describe('blind libreoffice: each indicator (value, statut, motif, n1, parPole)', () => {
  test.each(Object.keys(EXPECTED))('%s', (id) => {
    expectIndicator(ind(id), EXPECTED[id], POLES);
  });

  test('4.2.2-typologie and 4.2.2-femmes breakdowns', () => {
    expect(ind('4.2.2-typologie').repartition).toEqual({ CDDI: 1, Intérim: 2, CDD: 1, 'Contrat de professionnalisation': 1, CDI: 1 });
    expect(ind('4.2.2-femmes').repartition).toEqual({ F: 2, H: 3 });
  });
});

describe('blind libreoffice: supplier breakdowns', () => {
  test.each([
    ['5.1.1-fournisseurs-zone', ZONES],
    ['5.1.4-fournisseurs-typologie', SIZES],
  ] as const)('%s', (id, want) => {
    expectBreakdown(ind(id), want);
  });
});

describe('blind libreoffice: each file alone', () => {
  test('A alone: its rows, its Pôle, its values (those of SOL above, but where B took part)', () => {
    // B's doublon and B's contract PRX-25-001 are gone; A's own counts do not change.
    expect(resultA.lignes).toEqual({ lues: 19, exercice: 13, erreurs: 4, avertissements: 5 });
    expectClose(ind('4.1.2-consideration-sociale', resultA).valeur, pct(7, 12), 'A 4.1.2');
    expectClose(ind('3.1.1-consideration-env', resultA).valeur, pct(8, 12), 'A 3.1.1-env');
    // Insertion row r8 (PRX-25-001) now follows no contract: SOL's 645 h, 5 contracts, 4 persons.
    expectClose(ind('4.2.2-heures', resultA).valeur, 645, 'A heures');
    expectClose(ind('4.2.2-contrats', resultA).valeur, 5, 'A contrats');
    expectClose(ind('4.2.2-personnes', resultA).valeur, 4, 'A personnes');
    expectClose(ind('2.1.5-delai-paiement', resultA).valeur, 285 / 11, 'A délai');
    expect(Object.keys(ind('1.1.2-marches-ar', resultA).parPole ?? {})).toEqual([SOL]);
  });

  test('B alone: its rows; no Insertion sheet, no Cibles', () => {
    // no doublon any more (A is not read): r6 mut25001 is valid, without warning (délai 30).
    expect(resultB.lignes).toEqual({ lues: 8, exercice: 6, erreurs: 1, avertissements: 3 });
    // soc: r4 r5 of {r4 r5 r6 r7 r9 r11}
    expectClose(ind('4.1.2-consideration-sociale', resultB).valeur, pct(2, 6), 'B 4.1.2');
    expect(ind('4.2.2-contrats', resultB).statut).toBe('non calculable');
    expect(ind('1.1.1-cibles-atteintes', resultB).statut).toBe('non calculable');
    expect(Object.keys(ind('1.1.2-marches-ar', resultB).parPole ?? {})).toEqual([PRX]);
  });
});

// ───────────────────────── the written workbooks ─────────────────────────

async function partsOfSheets(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const out = new Map<string, Buffer>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, '&').replace(/&apos;/g, "'");
    const rid = /r:id="([^"]+)"/.exec(m[0])![1];
    out.set(name, await zip.file(`xl/${targets.get(rid)}`)!.async('nodebuffer'));
  }
  return out;
}

/** Every sheet of `file` as LibreOffice exports it to CSV, by sheet name. */
function csvSheets(file: string, target: string): Map<string, string> {
  fs.mkdirSync(target, { recursive: true });
  soffice(profile, ['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', target, file]);
  const base = path.basename(file, '.xlsx');
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(target)) {
    if (f.startsWith(`${base}-`) && f.endsWith('.csv')) out.set(f.slice(base.length + 1, -4), fs.readFileSync(path.join(target, f), 'utf8'));
  }
  return out;
}

describe('blind libreoffice: the written workbooks', () => {
  const USER_SHEETS_A = [SHEET_A, SHEET_INSERTION, SHEET_CIBLES, SHEET_LISTES];
  const OUT_A = () => path.join(dir, `${SOL} - SPASER.xlsx`);
  const OUT_B = () => path.join(dir, `${PRX} - SPASER.xlsx`);

  test('A alone: every sheet of the user comes out byte for byte, in its place, hidden sheet still hidden', async () => {
    const before = await partsOfSheets(path.join(dir, FILE_A));
    const after = await partsOfSheets(OUT_A());
    expect([...after.keys()].slice(0, USER_SHEETS_A.length)).toEqual(USER_SHEETS_A);
    expect([...after.keys()]).toEqual(expect.arrayContaining(['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles']));
    for (const name of USER_SHEETS_A) expect({ name, same: after.get(name)!.equals(before.get(name)!) }).toEqual({ name, same: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(OUT_A());
    expect(wb.getWorksheet(SHEET_LISTES)!.state).toBe('hidden');
    expect(wb.definedNames.getRanges('Marches').ranges).toEqual(["'Suivi 2025'!$A$4:$AA$24"]);
  });

  test('B alone: its sheet comes out byte for byte', async () => {
    const before = await partsOfSheets(path.join(dir, FILE_B));
    const after = await partsOfSheets(OUT_B());
    expect(after.get(SHEET_B)!.equals(before.get(SHEET_B)!)).toBe(true);
  });

  test('LibreOffice opens the output of A: the user\'s sheets read as before, the SPASER sheets are there', () => {
    const before = csvSheets(path.join(dir, FILE_A), path.join(dir, 'csv-in'));
    const after = csvSheets(OUT_A(), path.join(dir, 'csv-out'));
    for (const name of USER_SHEETS_A) expect({ name, csv: after.get(name) }).toEqual({ name, csv: before.get(name) });
    for (const name of ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles']) expect(after.has(name)).toBe(true);
    // the register: a header line, then A's 19 rows (no line break inside a register cell)
    const registre = after.get('SPASER Registre')!.trim().split('\n');
    expect(registre[0]).toMatch(/^N° de marché,Objet du marché,/);
    expect(registre).toHaveLength(1 + 19);
    // the Indicateurs sheet names every id of the catalogue, and has no remark to read first but the
    // two Insertion rows of no contract of A (session 33) and the one of a contract in error (session 34)
    for (const id of SPEC_IDS) expect(after.get('SPASER Indicateurs')).toContain(id);
    // (a remark's lines put back together: each is a quoted CSV cell, the next one indented)
    const indicateurs = after.get('SPASER Indicateurs')!.replace(/[\u00a0\u202f]/g, ' ').replace(/",*\n" {3}/g, ' ');
    expect(indicateurs).toContain('Remarques du calcul (3) : à lire avant les chiffres');
    expect(indicateurs).toContain('ligne 8 : le marché « PRX-25-001 » ne figure pas dans le registre ;');
    expect(indicateurs).toContain('ligne 11 : le marché « XYZ-99 » ne figure pas dans le registre ;');
    expect(indicateurs).toContain('ligne 10 : le marché « SOL-25-011 » est à la ligne 15 de la feuille « Suivi 2025 », en erreur (valeur illisible) ;');
  }, 120_000);

  test('the consolidation: SPASER sheets only, its register has the 27 rows, values as LibreOffice read them', async () => {
    const file = path.join(dir, 'Consolidation.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.every((w) => w.name.startsWith('SPASER '))).toBe(true);
    const ws = wb.getWorksheet('SPASER Registre')!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : null));
    const col = (label: string) => {
      const c = header.indexOf(label);
      expect({ label, found: c > 0 }).toEqual({ label, found: true });
      return c;
    };
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((r, n) => {
      if (n > 1) rows.set(String(r.getCell(col('N° de marché')).value), r);
    });
    expect(ws.actualRowCount).toBe(1 + 27);
    const v = (numero: string, label: string) => rows.get(numero)?.getCell(col(label)).value ?? null;
    // merged Procédure and Date of the three lots, for each lot
    for (const lot of ['SOL-25-004-L1', 'SOL-25-004-L2', 'SOL-25-004-L3']) {
      expect(v(lot, 'Procédure')).toBe("Appel d'offres ouvert");
      expect(v(lot, 'Date de notification')).toEqual(new Date(Date.UTC(2025, 3, 15)));
    }
    expect(v('SOL-25-011', 'Objet du marché')).toBe("Ateliers de remobilisation vers l'emploi"); // formula numero
    expect(v('SOL-25-003', 'Dépenses mandatées HT (€)')).toBe(7350.5); // formula amount
    expect(v('SOL-25-004-L3', 'Dépenses mandatées HT (€)')).toBeNull(); // formula giving ""
    expect(v('SOL-25-004-L3', 'Critère environnemental')).toBe('oui'); // formula giving TRUE (saved 1)
    expect(v('SOL-25-004-L2', 'Marché innovant')).toBe('non'); // formula giving FALSE (saved 0)
    expect(v('MUT 25 001', 'Date de notification')).toEqual(new Date(Date.UTC(2025, 1, 14))); // 14/02/2025 10:30
    expect(v('SOL-25-001', 'Objet du marché')).toBe('Accompagnement social des allocataires du RSA'); // a row hidden by the filter
    expect(v('SOL-25-015', 'Date de notification')).toEqual(new Date(Date.UTC(2025, 3, 1))); // « 1er avril 2025 »
    expect(v('SOL-25-015', 'Montant notifié HT (€)')).toBe(7500); // « 7.500 »
    expect(v('SOL-25-015', 'SIRET du titulaire')).toBe('04567891200036');
    expect(v('SOL-25-008', 'Code postal du titulaire')).toBe('08000');
    expect(v('SOL-25-002', 'Date de notification')).toEqual(new Date(Date.UTC(2025, 4, 15))); // « 15.05.2025 »
    expect(v('SOL-25-005', 'Date de notification')).toEqual(new Date(Date.UTC(2025, 5, 3))); // « 3 juin 2025 »
    expect(v('PRX-25-001', 'Date de notification')).toEqual(new Date(Date.UTC(2025, 2, 5))); // CSV 05/03/2025
    expect(v('PRX-25-004', 'SIRET du titulaire')).toBe('01234567800010');
    expect(v('PRX-25-006', 'Code postal du titulaire')).toBe('05100');
    expect(v('PRX-25-002', 'Clause sociale')).toBe('oui'); // VRAI
    // the Montant TTC column is no field: no register column holds its 288 000
    expect(header.some((h) => h !== null && /TTC/.test(h))).toBe(false);
  });
});

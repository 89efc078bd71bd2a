/**
 * BLIND acceptance « cellules » — expectations written from the spec (`../shared/spec/`) and the
 * README's « Choix faits » only, before reading `src/`. Workbook: `blind-cellules-workbooks.ts`
 * (`Pôle Proximité.xlsx`, sheet `Suivi marchés`, every kind of cell a real file holds).
 *
 * Run day 2026-01-15. Header (regles §1): row 4 holds « N° marché », « Objet » (vertical merges) and
 * group labels CADRE / FINANCES / DÉVELOPPEMENT DURABLE / PILOTAGE / TIERS / EXÉCUTION → 2 fields, not
 * the header; row 5 (the merged A/B headers read on it too) maps 22 fields → header row 5. E5:F5
 * « Montant HT » spans two columns: E is the amount, F (no header of its own) is unmapped.
 * Mapped: numero, objet, nature, procedure, montant, dateNotification, montantMandate (« Mandaté »),
 * clauseSociale, clauseEnvironnementale, critereEnvironnemental, marcheReserve, programme (« Programmé »),
 * nbAvenants (« Nb avenants »), titulaire, siret, codePostalTitulaire (« CP »), communeTitulaire
 * (« Ville »), delaiPaiement, offresRecues, negociation, gainNegociation, codeNomenclature (hidden
 * column X: a hidden column is still data — the spec never excludes it). No `pole` column: every
 * row's Pôle is the file's name, « Pôle Proximité » (README: `pole` vide → nom du fichier).
 * horsMarche not mapped → M = R, H = ∅.
 *
 * Rows (regles §9): 2025 dated rows 6–16, 18–24 = 18 (errors included); 2024: 25–28 = 4 → N = 2025,
 * N−1 = 2024. Row 17 holds only spaces (trimmed → every mapped cell empty → not a row); row 29 has no
 * numero and « TOTAL : » → totals row, skipped. Rows 15 (hidden) and 16 (hidden by the filter) are
 * read like the others (the spec never excludes them). lues = 18 + 4 = 22.
 *
 * Every row, judged once (dep = Mandaté when filled, else Montant HT; regles §5):
 *  row | numero      | mt        | dep      | CS  CE  CrE | rés     | prog | av | proc → MC? | offres | négo gain | délai | nomen | supplier → zone | judged
 *   6  | 2025-P01    | 48000     | 36000 f  | oui oui non | Non     | oui x| 1  | MAPA  MC   | 4   | oui 1500 | 28    | E12   | EVN Tourcoing → MEL | OK. soc, env
 *   7  | 2025-P02 f  | 12500 t   | 12500    | non non non | (vide)  | non F| 0t | AOO   MC   | 3t  | non –    | 35 t  | F03   | Bureau Plus (link) Lille → MEL | ⚠ delai-paiement-depasse (35). date = serial 45700 = 12/02/2025
 *   8  | 2025-P03    | 95000     | 57000 sh | oui oui oui | Non     | oui m| 2  | PA    MC   | 5   | oui 2500 | 30    | T01   | Picardie 02100 (2100 as 00000) → HdF | OK. soc, env. 30 is not > 30
 *   9  | 2025-P04    | 64000     | 38400 sh | oui oui oui | SIAE    | oui m| 0  | AOO   MC   | 2   | oui 0    | 25    | T02   | Alpes 05000 (5000 as 00000) Gap → France | OK. soc, env. 05/03/25 → 2025
 *  10  | 2025-P05 l  | 145000 nb | 87000 sh | oui oui non | ESAT/EA | non  | 1t | AOR   MC   | 6   | oui 3000 | 32    | « » → vide | Arras (SIRET 0… as number) → HdF | ⚠ delai-paiement-depasse (32). soc, env
 *  11  | 2025-P06    | 81234.56  | 40617.28 a| non non non| Non     | oui V| 1  | PCN   MC   | 3   | non 5 %  | 20    | S07   | Nordelec Roubaix → Roubaix | ⚠ gain-sans-negociation (5 > 0, négo non)
 *  12  | 2025-P07    | 8500      | 8500 (« » mandaté) | non non (vide) | (vide) | non (Non concerné) | – | gré à gré → MSPMC, not MC | 1 | non – | (vide) | F09 | Loca Nord (name) Wattrelos → MEL | OK
 *  13  | 2025-P08    | 6200      | 6200     | non non non | Non     | oui  | 0  | sans publicité → MSPMC | – | non – | 15  | S11   | SIF (SIRET text) LILLE → MEL | OK. objet = formula text; date « 3 mars 2025 » (README)
 *  14  | 2025-P09    | 12500 (« 12 500 € HT »), date = formula DATE(2025,6,2) | 9000 | oui oui oui | ESS | oui T | 1 | DC MC | 4t | oui 1200 (nnbsp) | 29 | F10 | Mobilier Flamand Wattrelos → MEL | OK. soc, env
 *  15  | 2025-P10 (hidden row) | 22000 | 22000 | oui non – | non   | non  | 0  | MNSPMC, not MC | 1 | non – | 31    | S02   | EVN (same SIRET as 6) | ⚠ delai-paiement-depasse (31). soc
 *  16  | 2025-P11 (filtered)   | 15750.5 (rich text « 15 750,50 € ») | 12000 | non oui oui | Non | oui | 0  | PA    MC   | 7   | oui 750  | 40    | F15   | Paris Conseil 75011 → France | ⚠ delai-paiement-depasse (40). env
 *  17  | spaces only → not a row
 *  18  | 2025-P12    | 18000 | – | ✗ valeur-illisible « SIRET » (#N/A typed)
 *  19  | 2025-P13    | 9800  | – | ✗ valeur-illisible « Offres reçues » (#REF! typed)
 *  20  | 2025-P14    | 27000 | – | ✗ valeur-illisible « Mandaté » (formula cached #DIV/0!)
 *  21  | 2025-P15    | 33000 | – | ✗ valeur-illisible « Gain de négociation » (« 3,5 % »: README, % → illisible)
 *  22  | 2025-P16    | 234500 (nnbsp) | 120000 | oui oui non | (vide) | oui o | 0 | AOO MC | 3 | non – | 27 | T05 | Bâti Roubaix ROUBAIX → Roubaix | OK. soc, env
 *  23  | « 2025- p03 » = 2025-P03 (case, spaces ignored), 2025 → ✗ doublon « N° marché » (row 8 kept)
 *  24  | 2025-P17    | 4500      | 4500     | non oui non | Non     | non -| 0  | Autre MC   | 2   | non –    | 10    | (vide)| Bureau Plus (same SIRET as 7) | OK. env (CE y)
 *  25  | 2024-P01    | 40000     | 40000    | oui non(Faux) non | Non     | oui  | 1  | MAPA MC    | 3   | oui 1000 | 25    | E12   | EVN → MEL | N−1 OK. soc. négo = Excel number 1
 *  26  | 2024-P02    | 20000     | 15000    | non oui oui | (vide)  | non  | 0  | AOO MC     | 4   | non –    | 33    | F03   | Bureau Plus → MEL | N−1 ⚠ delai-paiement-depasse (33). env. date serial 45383 = 01/04/2024; critère = formula with cached TRUE; prog « N »
 *  27  | 2024-P03    | 60000     | 60000    | oui oui(« 1 ») non | SIAE    | oui (Vrai) | 2  | PN MC      | 2   | oui 2000 | 28    | « » → vide | Nordelec → Roubaix | N−1 OK. soc, env
 *  28  | 2024-P04    | 10000     | 10000    | non(0) non(FAUX) non | Non     | non  | 0  | MSPMC      | 1   | non –    | 20    | S12   | Paris Conseil → France | N−1 OK
 *  29  | totals row « TOTAL : » in B, skipped
 *  30  | « Sous-total : » in A (README: a totals row), E = formula with #REF! result: skipped silently, no control
 *  31  | « Total général » in B, E = #REF! result: skipped silently
 * Added after the first run, none changing a value above: F11 #VALUE! in the unmapped note column (no
 * control: only mapped cells are judged), G22 an Excel date with a time (→ 15/10/2025), I22 « oui » + narrow
 * NBSP, S22/T22 formulas (number, text « 3 »), V16 « 750,00 € » with NBSP, P24 SIRET text with NBSP
 * separators (valid after removing spaces: no siret-invalide; same supplier as row 7), X24 a lone NBSP
 * (empty), I25 rich text « O »+« ui ».
 * (f formula, sh shared formula, a array formula, t text, nb NBSP, l hyperlink, m merged cell M8:M9)
 *
 * R (2025, no error) = 6–16, 22, 24 = 13 rows = M. Errors: 18, 19, 20, 21, 23 → erreurs 5.
 * Warnings in R: 7, 10, 11, 15, 16 → avertissements 5. No suggestion (no lexicon word in any objet).
 * MC = M minus MSPMC (12, 13, 15) = 6, 7, 8, 9, 10, 11, 14, 16, 22, 24 (10 rows).
 * sociale = CS oui or réservé ≠ Non: 6, 8, 9, 10, 14, 15, 22 (7). env = CE or CrE: 6, 8, 9, 10, 14, 16, 22, 24 (8).
 * AR = 6, 8, 9, 10, 14, 15, 16, 22, 24 (9).
 * N−1: R1 = M1 = 25–28; MC1 = 25, 26, 27; sociale 25, 27; env 26, 27; AR 25, 26, 27.
 *
 * First run (expectations of commit ba64328): 62 of 63 passed. The one failure was mine: I expected
 * every control message to quote the value read; regles §3 only asks the message to name the row and
 * the column, and sortie.md puts the value read in the `Valeur lue` column of SPASER Contrôles (Finding
 * `valeurLue`, not a field of the JSON controls). The gain-sans-negociation message does not quote
 * 0,05; its Valeur lue is « 0,05 » (« 5 » since session 20: a number under a percentage format is read as shown). The test now checks Valeur lue for every control, and the message
 * where it quotes the cell. Coverage « renseignees » of three indicators with two needed fields
 * (1.1.2-avenants-ar 12, 2.2.3-soumissionnaires 10, 3.1.1-criteres-env 10) was left open in that commit
 * and filled afterwards with the reading « every needed field filled », which the program shares.
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import type { SheetGrid } from '../../src/domain/cell';
import { runChain, type ChainOutput } from '../../src/domain/chain';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { openXlsx } from '../../src/workbook/xlsx';
import { capture, tempDir } from '../cli/helpers';
import { CELLULES_FILE, CELLULES_SHEET, CONTROLES_FILE, cellulesBytes, controlesBytes } from './blind-cellules-workbooks';
import { expectCliResult, registerValue, SPEC_IDS } from './helpers';

const TODAY = '2026-01-15';
const POLE = 'Pôle Proximité';

async function run(bytes: Uint8Array): Promise<ChainOutput> {
  const book = await openXlsx(bytes, CELLULES_FILE);
  return runChain([{ file: CELLULES_FILE, sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: false, today: TODAY });
}

// ---- working: sums used below (each term is one row's value, in row order) ----
/** Σ_M mt (2025): rows 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 22, 24. */
const SUM_M_MT = 48000 + 12500 + 95000 + 64000 + 145000 + 81234.56 + 8500 + 6200 + 12500 + 22000 + 15750.5 + 234500 + 4500; // 750 185.06
/** Σ_R dep (2025), same rows. */
const SUM_R_DEP = 36000 + 12500 + 57000 + 38400 + 87000 + 40617.28 + 8500 + 6200 + 9000 + 22000 + 12000 + 120000 + 4500; // 453 717.28
/** N−1: rows 25–28. */
const N1_M_MT = 40000 + 20000 + 60000 + 10000; // 130 000
const N1_R_DEP = 40000 + 15000 + 60000 + 10000; // 125 000

interface Expected {
  valeur: number;
  n1: number | null;
  /** couverture: [renseignees, total]; renseignees null when the need names several fields (not asserted). */
  cov: [number | null, number];
}

/** Calculated indicators. parPole: { 'Pôle Proximité': valeur } (one Pôle, from the file name). */
const CALCULATED: Record<string, Expected> = {
  // AR rows of M: 6, 8, 9, 10, 14, 15, 16, 22, 24 = 9. N−1: 25, 26, 27 = 3.
  // Need « a social or environmental field »: every M row has Clause sociale filled → 13/13.
  '1.1.2-marches-ar': { valeur: 9, n1: 3, cov: [13, 13] },
  // Σ avenants over AR: 6:1 + 8:2 + 9:0 + 10:« 1 » + 14:1 + 15:0 + 16:0 + 22:0 + 24:0 = 5. N−1: 25:1 + 26:0 + 27:2 = 3.
  '1.1.2-avenants-ar': { valeur: 5, n1: 3, cov: [12, 13] }, // renseignees: every needed field filled (row 12 has no avenants)
  // Σ dep over AR: 36000 + 57000 + 38400 + 87000 + 9000 + 22000 + 12000 + 120000 + 4500 = 385 900. N−1: 40000 + 15000 + 60000.
  '1.1.2-montant-ar': { valeur: 36000 + 57000 + 38400 + 87000 + 9000 + 22000 + 12000 + 120000 + 4500, n1: 40000 + 15000 + 60000, cov: [13, 13] },
  // Programmé oui: 6 (x), 8 (Oui), 9 (Oui, merged M8:M9), 11 (VRAI), 13 (Oui), 14 (TRUE), 16 (oui), 22 (o) = 8 / 13.
  // non: 7 (FALSE), 10 (non), 12 (Non concerné), 15 (non), 24 (-). N−1: 25, 27 = 2 / 4. Every row filled (9 through the merge).
  '2.1.1-programmes-nb': { valeur: (100 * 8) / 13, n1: (100 * 2) / 4, cov: [13, 13] },
  '2.1.1-programmes-montant': {
    valeur: (100 * (48000 + 95000 + 64000 + 81234.56 + 6200 + 12500 + 15750.5 + 234500)) / SUM_M_MT,
    n1: (100 * (40000 + 60000)) / N1_M_MT,
    cov: [13, 13],
  },
  // Code nomenclature empty in R: 10 (spaces only), 24 (empty) = 2 / 13. N−1: 27 (spaces) = 1 / 4.
  '2.1.2-sans-nomenclature-nb': { valeur: (100 * 2) / 13, n1: (100 * 1) / 4, cov: [11, 13] },
  '2.1.2-sans-nomenclature-montant': { valeur: (100 * (87000 + 4500)) / SUM_R_DEP, n1: (100 * 60000) / N1_R_DEP, cov: [11, 13] },
  // Délai filled in R: 28, « 35 jours », 30, 25, 32, 20, 15, 29, 31, 40, 27, 10 (row 12 empty) → 322 / 12.
  // N−1: 25, 33, 28, 20 → 106 / 4.
  '2.1.5-delai-paiement': { valeur: (28 + 35 + 30 + 25 + 32 + 20 + 15 + 29 + 31 + 40 + 27 + 10) / 12, n1: (25 + 33 + 28 + 20) / 4, cov: [12, 13] },
  // MC: 6:4, 7:« 3 », 8:5, 9:2, 10:6, 11:3, 14:« 4 », 16:7, 22:3, 24:2 → 39 / 10. N−1 MC1 25:3, 26:4, 27:2 → 9 / 3.
  '2.2.3-soumissionnaires': { valeur: 39 / 10, n1: 9 / 3, cov: [10, 10] }, // offres and procédure filled on all 10
  // Négociation oui: 6 (oui), 8 (TRUE), 9 (y), 10 (o), 14 (oui), 16 (oui) = 6; non: 7, 11, 12 (faux), 13, 15, 22, 24. N−1: 25, 27.
  '2.2.4-dossiers-negocies': { valeur: 6, n1: 2, cov: [13, 13] },
  // Σ_M gain: 6:1500 + 8:2500 + 9:0 + 10:3000 + 11:5 + 14:« 1 200 » + 16:750 = 8 955. Row 11 holds 0,05 under the
  // format `0%`: read as shown, 5 (README « Lecture des cellules », session 20; this test first read the stored 0,05).
  // Filled: 6, 8, 9, 10, 11, 14, 16 = 7. N−1: 1000 + 2000.
  '2.2.4-gain-negociation': { valeur: 1500 + 2500 + 0 + 3000 + 5 + 1200 + 750, n1: 1000 + 2000, cov: [7, 13] },
  // env of M: 8 / 13. N−1: 26, 27 = 2 / 4. Clause environnementale filled on every row.
  '3.1.1-consideration-env': { valeur: (100 * 8) / 13, n1: (100 * 2) / 4, cov: [13, 13] },
  // Critère env oui in MC: 8 (y), 9 (true), 14, 16 = 4 / 10 (6 non, 7 no, 10 faux, 11 FALSE, 22 non, 24 n).
  // N−1 MC1: 26 = 1 / 3.
  '3.1.1-criteres-env': { valeur: (100 * 4) / 10, n1: (100 * 1) / 3, cov: [10, 10] }, // critère and procédure filled on all 10
  // Clause env oui in M: 6 (o), 8 (yes), 9 (vrai), 10 (✔), 14, 16, 22, 24 (y) = 8 / 13. N−1: 26, 27 = 2 / 4.
  '3.1.1-clauses-env': { valeur: (100 * 8) / 13, n1: (100 * 2) / 4, cov: [13, 13] },
  // sociale of M: 7 / 13. N−1: 25, 27 = 2 / 4.
  '4.1.2-consideration-sociale': { valeur: (100 * 7) / 13, n1: (100 * 2) / 4, cov: [13, 13] },
  // Clause sociale oui: 6, 8 (« Oui (clause art. 12) »), 9 (x), 10 (✓), 14 (✔), 15, 22 = 7; non: 7, 11 (-), 12 (n), 13, 16, 24 (no).
  '4.2.2-clause-sociale-nb': { valeur: 7, n1: 2, cov: [13, 13] },
  '4.2.2-clause-sociale-part': { valeur: (100 * 7) / 13, n1: (100 * 2) / 4, cov: [13, 13] },
  // Réservé ≠ Non: 9 SIAE, 10 ESAT/EA, 14 ESS = 3. Filled: all but 7, 12, 22 → 10. N−1: 27 SIAE = 1.
  '4.2.3-reserves': { valeur: 3, n1: 1, cov: [10, 13] },
  // Roubaix suppliers of R: Nordelec (11: 40617.28), Bâti Roubaix (22: 120000) → 160 617.28 / 2.
  // N−1: Nordelec (27: 60000) / 1.
  '5.1.1-montant-moyen-roubaix': { valeur: (40617.28 + 120000) / 2, n1: 60000, cov: [13, 13] },
};

/** 1.1.2-dataviz: calculé, 0 charts (the run writes none); no N−1, no value per Pôle (README). */

/** Non calculable indicators and why (column or sheet absent). */
const NON_CALCULABLE: Record<string, RegExp> = {
  '1.1.1-cibles-atteintes': /Cibles/i,
  '1.2.1-formations': /Actions/i,
  '1.2.1-personnes-formees': /Actions/i,
  '1.2.1-ateliers-evenements': /Actions/i,
  '2.1.1-prolongations-recurrents': /absente/,
  '2.1.2-hors-marche-nb': /absente/,
  '2.1.2-hors-marche-montant': /absente/,
  '2.1.3-sourcage': /absente/,
  '2.1.4-cout-global': /absente/,
  '2.1.5-relation-fournisseur': /absente/,
  '2.1.5-reunions': /absente/,
  '2.2.2-hors-bpu': /absente/,
  '2.2.3-fiches-suivi': /absente/,
  '2.2.5-offre-technique-amelioree': /absente/,
  '3.1.1-reemploi': /absente/,
  '3.1.1-reutilisation': /absente/,
  '3.1.1-recycle': /absente/,
  '3.2.1-fournitures-evitees': /absente|Saisies/i,
  '3.2.1-mobilier-reemploye': /absente|Saisies/i,
  '3.2.1-location': /absente/,
  '3.2.1-achat-usage': /absente/,
  '3.2.1-centrales': /absente/,
  '4.2.1-insertion-nb': /absente/,
  '4.2.1-insertion-montant': /absente/,
  '4.2.2-heures': /absente/,
  '4.2.2-personnes': /Suivi insertion/i,
  '4.2.2-contrats': /Suivi insertion/i,
  '4.2.2-typologie': /Suivi insertion/i,
  '4.2.2-femmes': /Suivi insertion/i,
  '4.2.2-roubaisiens': /Suivi insertion/i,
  '4.2.2-residents-qpv': /Suivi insertion/i,
  '4.2.3-montant-esat-siae-ess': /absente/,
  '5.1.4-fournisseurs-typologie': /absente/,
  '5.2.1-innovants-nb': /absente/,
  '5.2.1-innovants-montant': /absente/,
};

/**
 * 5.1.1-fournisseurs-zone, distinct suppliers of R (§8: SIRET digits when valid, else name):
 *  Roubaix: Nordelec (11), Bâti Roubaix (22) → 2; dep 40617.28 + 120000
 *  MEL: Espaces Verts du Nord (6, 15: same SIRET), Bureau Plus (7, 24: same SIRET, text with spaces),
 *       Loca Nord (12, by name, Wattrelos), Sécurité Incendie Flandres (13, LILLE), Mobilier Flamand (14) → 5;
 *       dep 36000 + 22000 + 12500 + 4500 + 8500 + 6200 + 9000
 *  HdF: Picardie Travaux (8, Saint-Quentin not MEL → CP 02100), Arras Nettoyage (10, 62000) → 2; dep 57000 + 87000
 *  France: Alpes Signalétique (9, 05000), Paris Conseil (16, 75011) → 2; dep 38400 + 12000
 *  11 suppliers.
 */
const ZONES: Record<string, { fournisseurs: number; depense: number }> = {
  Roubaix: { fournisseurs: (100 * 2) / 11, depense: (100 * (40617.28 + 120000)) / SUM_R_DEP },
  'MEL (hors Roubaix)': { fournisseurs: (100 * 5) / 11, depense: (100 * (36000 + 22000 + 12500 + 4500 + 8500 + 6200 + 9000)) / SUM_R_DEP },
  'Hauts-de-France (hors MEL)': { fournisseurs: (100 * 2) / 11, depense: (100 * (57000 + 87000)) / SUM_R_DEP },
  'France (hors Hauts-de-France)': { fournisseurs: (100 * 2) / 11, depense: (100 * (38400 + 12000)) / SUM_R_DEP },
};

/** Controls, all years: [row, gravité, code, column, value read (`Valeur lue`)]. */
const CONTROLS: [number, string, string, string, string][] = [
  [7, 'avertissement', 'delai-paiement-depasse', 'Délai de paiement (jours)', '35 jours'],
  [10, 'avertissement', 'delai-paiement-depasse', 'Délai de paiement (jours)', '32'],
  [11, 'avertissement', 'gain-sans-negociation', 'Gain de négociation', '5'],
  [15, 'avertissement', 'delai-paiement-depasse', 'Délai de paiement (jours)', '31'],
  [16, 'avertissement', 'delai-paiement-depasse', 'Délai de paiement (jours)', '40'],
  [18, 'erreur', 'valeur-illisible', 'SIRET', '#N/A'],
  [19, 'erreur', 'valeur-illisible', 'Offres reçues', '#REF!'],
  [20, 'erreur', 'valeur-illisible', 'Mandaté', '#DIV/0!'],
  [21, 'erreur', 'valeur-illisible', 'Gain de négociation', '3,5 %'],
  [23, 'erreur', 'doublon', 'N° marché', '2025- p03'],
  [26, 'avertissement', 'delai-paiement-depasse', 'Délai de paiement (jours)', '33'],
];


/**
 * The value the spec's reading rules give each odd cell once read into the register (regles §2):
 * [sheet row, field, value]; oui/non for booléen, ISO day for dates, null for empty.
 */
const READ: [number, string, unknown][] = [
  [7, 'numero', '2025-P02'], [10, 'numero', '2025-P05'], [23, 'numero', '2025- p03'],
  [6, 'objet', 'Entretien des espaces verts – secteur Nord'], [13, 'objet', 'Vérification des extincteurs'],
  [7, 'montant', 12500], [10, 'montant', 145000], [11, 'montant', 81234.56], [14, 'montant', 12500], [22, 'montant', 234500],
  [6, 'montantMandate', 36000], [8, 'montantMandate', 57000], [9, 'montantMandate', 38400], [11, 'montantMandate', 40617.28],
  [12, 'montantMandate', null], [7, 'montantMandate', null],
  [6, 'dateNotification', '2025-02-10'], [7, 'dateNotification', '2025-02-12'], [8, 'dateNotification', '2025-03-14'],
  [9, 'dateNotification', '2025-03-05'], [10, 'dateNotification', '2025-04-14'], [11, 'dateNotification', '2025-05-14'],
  [12, 'dateNotification', '2025-05-20'], [13, 'dateNotification', '2025-03-03'], [26, 'dateNotification', '2024-04-01'],
  [27, 'dateNotification', '2024-09-15'], [28, 'dateNotification', '2024-11-20'],
  [6, 'clauseSociale', 'oui'], [6, 'clauseEnvironnementale', 'oui'], [6, 'programme', 'oui'],
  [7, 'clauseSociale', 'non'], [7, 'clauseEnvironnementale', 'non'], [7, 'critereEnvironnemental', 'non'], [7, 'programme', 'non'],
  [8, 'clauseSociale', 'oui'], [8, 'clauseEnvironnementale', 'oui'], [8, 'critereEnvironnemental', 'oui'], [8, 'negociation', 'oui'],
  [9, 'clauseSociale', 'oui'], [9, 'clauseEnvironnementale', 'oui'], [9, 'critereEnvironnemental', 'oui'], [9, 'programme', 'oui'],
  [9, 'negociation', 'oui'],
  [10, 'clauseSociale', 'oui'], [10, 'clauseEnvironnementale', 'oui'], [10, 'critereEnvironnemental', 'non'], [10, 'negociation', 'oui'],
  [11, 'clauseSociale', 'non'], [11, 'clauseEnvironnementale', 'non'], [11, 'critereEnvironnemental', 'non'], [11, 'programme', 'oui'],
  [12, 'clauseSociale', 'non'], [12, 'clauseEnvironnementale', 'non'], [12, 'critereEnvironnemental', null], [12, 'programme', 'non'],
  [12, 'negociation', 'non'],
  [14, 'clauseSociale', 'oui'], [14, 'programme', 'oui'],
  [24, 'clauseSociale', 'non'], [24, 'clauseEnvironnementale', 'oui'], [24, 'critereEnvironnemental', 'non'], [24, 'programme', 'non'],
  [6, 'procedure', 'Procédure adaptée'], [7, 'procedure', "Appel d'offres ouvert"], [8, 'procedure', 'Procédure adaptée'],
  [9, 'procedure', "Appel d'offres ouvert"], [10, 'procedure', "Appel d'offres restreint"], [11, 'procedure', 'Procédure avec négociation'],
  [12, 'procedure', 'Marché passé sans publicité ni mise en concurrence préalable'],
  [13, 'procedure', 'Marché passé sans publicité ni mise en concurrence préalable'],
  [14, 'procedure', 'Dialogue compétitif'], [15, 'procedure', 'Marché passé sans publicité ni mise en concurrence préalable'],
  [16, 'procedure', 'Procédure adaptée'], [22, 'procedure', "Appel d'offres ouvert"], [24, 'procedure', 'Autre'],
  [27, 'procedure', 'Procédure avec négociation'],
  [7, 'nature', 'Fournitures'], [8, 'nature', 'Travaux'], [10, 'nature', 'Services'],
  [9, 'marcheReserve', 'SIAE'], [10, 'marcheReserve', 'ESAT/EA'], [14, 'marcheReserve', 'ESS'], [15, 'marcheReserve', 'Non'],
  [6, 'siret', '41234567800012'], [10, 'siret', '03456789010023'], [7, 'siret', '523 456 789 00016'],
  [8, 'codePostalTitulaire', '02100'], [9, 'codePostalTitulaire', '05000'], [13, 'codePostalTitulaire', '59000'], [6, 'codePostalTitulaire', '59200'],
  [7, 'titulaire', 'Bureau Plus SARL'],
  [7, 'nbAvenants', 0], [10, 'nbAvenants', 1], [12, 'nbAvenants', null],
  [7, 'delaiPaiement', 35], [7, 'offresRecues', 3], [14, 'offresRecues', 4],
  [11, 'gainNegociation', 5], [14, 'gainNegociation', 1200],
  [6, 'codeNomenclature', 'E12'], [10, 'codeNomenclature', null],
  // added after the first run (values of the N−1 rows unchanged): a date formula, rich text in an
  // amount, Excel's number 1 / 0 and text « 1 », « Faux », « FAUX », « Vrai », « N », a boolean formula.
  [14, 'dateNotification', '2025-06-02'], [16, 'montant', 15750.5],
  [25, 'negociation', 'oui'], [25, 'clauseEnvironnementale', 'non'], [26, 'critereEnvironnemental', 'oui'], [26, 'programme', 'non'],
  [22, 'dateNotification', '2025-10-15'], [22, 'delaiPaiement', 27], [22, 'offresRecues', 3], [22, 'clauseSociale', 'oui'],
  [16, 'gainNegociation', 750], [24, 'siret', '523\u00a0456\u00a0789\u00a000016'], [24, 'codeNomenclature', null], [25, 'clauseSociale', 'oui'],
  [27, 'clauseEnvironnementale', 'oui'], [27, 'programme', 'oui'], [28, 'clauseSociale', 'non'], [28, 'clauseEnvironnementale', 'non'],
];

/** Sheet cell (row, col letter) from a grid. */
function at(grid: SheetGrid, row: number, col: string): unknown {
  const c = col.charCodeAt(0) - 64;
  return grid.rows[row - grid.firstRow]?.[c - grid.firstCol];
}

describe('blind « cellules »: every kind of cell of a real buyer file', () => {
  let bytes: Uint8Array;
  let out: ChainOutput;
  beforeAll(async () => {
    bytes = await cellulesBytes();
    out = await run(bytes);
  });

  it('reads each odd cell as a person reading the sheet would (readSheets)', async () => {
    const grids = await (await openXlsx(bytes, CELLULES_FILE)).readSheets();
    const g = grids.find((s) => s.name === CELLULES_SHEET)!;
    expect(g).toBeDefined();
    const expected: [number, string, unknown][] = [
      [1, 'A', 'Pôle Proximité — suivi des marchés 2024-2025'],
      // merged headers: vertical merges on both rows, horizontal ones in their first cell only
      [4, 'A', 'N° marché'], [5, 'A', 'N° marché'], [5, 'B', 'Objet'], [4, 'C', 'CADRE'], [4, 'D', null],
      [5, 'E', 'Montant HT'], [5, 'F', null], [5, 'X', 'Code nomenclature'],
      // formulas: cached results (plain, text, shared master and children, array, error)
      [6, 'H', 36000], [7, 'A', '2025-P02'], [13, 'B', 'Vérification des extincteurs'],
      [8, 'H', 57000], [9, 'H', 38400], [10, 'H', 87000], [11, 'H', 40617.28], [20, 'H', { error: '#DIV/0!' }],
      // rich text, hyperlinks
      [6, 'B', 'Entretien des espaces verts – secteur Nord'], [10, 'A', '2025-P05'], [7, 'O', 'Bureau Plus SARL'],
      // typed error values
      [18, 'P', { error: '#N/A' }], [19, 'T', { error: '#REF!' }],
      // merged « Programmé » (M8:M9) holds on both rows
      [8, 'M', 'Oui'], [9, 'M', 'Oui'],
      // numbers typed as text stay text in the grid (the domain reads them)
      [7, 'E', '12 500,00'], [10, 'E', '145\u00a0000'], [22, 'E', '234\u202f500'], [11, 'E', '81.234,56'], [14, 'V', '1\u202f200'],
      // identifiers typed as numbers
      [6, 'P', 41234567800012], [10, 'P', 3456789010023], [8, 'Q', 2100], [9, 'Q', 5000],
      // dates: Excel date, serial without date format, text
      [6, 'G', { date: '2025-02-10' }], [7, 'G', 45700], [8, 'G', '14/03/2025'], [13, 'G', '3 mars 2025'],
      // Excel booleans, a percentage (0,05 shown 5 %: read as shown)
      [8, 'U', true], [7, 'M', false], [11, 'K', false], [14, 'M', true], [11, 'V', 5],
      // hidden column, hidden row, filtered-out row are read
      [6, 'X', 'E12'], [15, 'A', '2025-P10'], [16, 'A', '2025-P11'],
      // totals row
      [29, 'B', 'TOTAL :'],
    ];
    for (const [row, col, value] of expected) expect({ cell: `${col}${row}`, value: at(g, row, col) }).toEqual({ cell: `${col}${row}`, value });
  });

  it('reads each odd cell into the register as regles §2 says', () => {
    for (const [row, field, value] of READ) expect({ row, field, value: registerValue(out, row, field) }).toEqual({ row, field, value });
  });

  it('counts the rows as sortie.md says', () => {
    expect(out.result.exercice).toBe(2025);
    expect(out.result.depense).toBe('montantMandate');
    expect(out.result.lignes).toEqual({ lues: 22, exercice: 13, erreurs: 5, avertissements: 5 });
    expect(out.result.suggestions).toEqual([]);
  });

  it('lists every control with its row, code, column and the value read', () => {
    const got = out.result.controles.map((c) => [c.ligne, c.gravite, c.code, c.colonne]);
    expect(got).toEqual(CONTROLS.map(([r, g, code, col]) => [r, g, code, col]));
    for (const c of out.result.controles) {
      expect(c.feuille).toBe(CELLULES_SHEET);
      expect(c.source).toBe(CELLULES_FILE);
      // regles §3: the message names the row and the user's own header.
      expect(c.message).toContain(`Ligne ${c.ligne}`);
      expect(c.message).toContain(`« ${c.colonne} »`);
    }
    // The value read (`Valeur lue` of SPASER Contrôles, sortie.md; not a field of the JSON controls).
    const read = out.register.rows.flatMap((r) => r.findings).map((f) => [f.source.row, f.code, f.valeurLue]);
    expect(read).toEqual(CONTROLS.map(([r, , code, , value]) => [r, code, value]));
    // and where the message repeats it, it is the value read
    for (const [r, , code, , value] of CONTROLS) {
      if (code === 'gain-sans-negociation' || code === 'doublon') continue; // these messages do not quote the cell
      expect({ r, message: out.result.controles.find((c) => c.ligne === r)!.message.includes(value) }).toEqual({ r, message: true });
    }
  });

  it('gives every indicator id of the catalogue, in order', () => {
    expect(out.result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
  });

  it.each(Object.entries(CALCULATED))('%s is calculated as by hand', (id, e) => {
    const ind = out.result.indicateurs.find((i) => i.id === id)!;
    expect(ind.statut).toBe('calculé');
    expect(ind.motif).toBeNull();
    expect(ind.valeur).toBeCloseTo(e.valeur, 9);
    if (e.n1 === null) expect(ind.n1).toBeNull();
    else expect(ind.n1).toBeCloseTo(e.n1, 9);
    expect(ind.couverture?.total).toBe(e.cov[1]);
    if (e.cov[0] !== null) expect(ind.couverture?.renseignees).toBe(e.cov[0]);
    expect(Object.keys(ind.parPole ?? {})).toEqual([POLE]);
    expect(ind.parPole?.[POLE]).toBeCloseTo(e.valeur, 9);
  });

  it('1.1.2-dataviz is 0 (no chart written), without N−1 nor Pôle value', () => {
    const ind = out.result.indicateurs.find((i) => i.id === '1.1.2-dataviz')!;
    expect(ind.statut).toBe('calculé');
    expect(ind.valeur).toBe(0);
    expect(ind.n1).toBeNull();
    for (const v of Object.values(ind.parPole ?? {})) expect(v).toBeNull();
  });

  it.each(Object.entries(NON_CALCULABLE))('%s is non calculable', (id, motif) => {
    const ind = out.result.indicateurs.find((i) => i.id === id)!;
    expect(ind.statut).toBe('non calculable');
    expect(ind.valeur).toBeNull();
    expect(ind.motif).toMatch(motif);
    expect(ind.n1).toBeNull();
    for (const v of Object.values(ind.parPole ?? {})) expect(v).toBeNull();
  });

  it('5.1.1-fournisseurs-zone shares suppliers and spend by zone', () => {
    const ind = out.result.indicateurs.find((i) => i.id === '5.1.1-fournisseurs-zone')!;
    expect(ind.statut).toBe('calculé');
    expect(ind.valeur).toBeNull();
    const rep = ind.repartition as Record<string, { fournisseurs: number; depense: number }>;
    for (const [zone, share] of Object.entries(ZONES)) {
      expect(rep[zone].fournisseurs).toBeCloseTo(share.fournisseurs, 9);
      expect(rep[zone].depense).toBeCloseTo(share.depense, 9);
    }
    for (const [zone, share] of Object.entries(rep)) {
      if (!(zone in ZONES)) expect(share).toEqual({ fournisseurs: 0, depense: 0 });
    }
    expect(ind.couverture).toEqual({ renseignees: 13, total: 13 });
    expect(ind.n1).toBeNull(); // a breakdown has no single value (sortie.md), nor an N−1 one
    for (const v of Object.values(ind.parPole ?? {})) expect(v).toBeNull();
  });

  it('every indicator of the catalogue is judged above', () => {
    const judged = new Set([...Object.keys(CALCULATED), ...Object.keys(NON_CALCULABLE), '1.1.2-dataviz', '5.1.1-fournisseurs-zone']);
    expect([...judged].sort()).toEqual([...SPEC_IDS].sort());
  });

  it('the command line prints the same JSON as the chain', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, CELLULES_FILE), bytes);
    const c = capture(dir);
    expect(await runCli(['calculer', CELLULES_FILE, '--json'], c.io)).toBe(EXIT_OK);
    // The command line draws the plan's charts: only 1.1.2-dataviz differs, by the charts of its file.
    expectCliResult(JSON.parse(c.stdout()), out.result, path.join(dir, CELLULES_FILE.replace(/\.xlsx$/, ' - SPASER.xlsx')));
  });
});

/**
 * `Pôle Proximité - contrôles.xlsx`: one odd cell per row (regles §2, §3 and README choices).
 *  2 « 12.500 » → 12 500 (README: a lone point in the form 12.500 groups thousands) — OK
 *  3 « 1234.56 » → 1 234,56 (regles §2) — OK
 *  4 « 1,234 » → 1,234 (README: a lone comma is decimal) — OK
 *  5 « 12 000 € TTC » → unreadable (README: TTC) → montant-invalide (regles §3: montant unreadable)
 *  6 « -1 500 » → negative → montant-invalide
 *  7 « douze mille » → unreadable → montant-invalide
 *  8 formula with #VALUE! result in Montant → valeur-illisible only (README: not montant-manquant as well)
 *  9 « 01/02/99 » → jj/mm/aa → 01/02/2099, after 31/12/2027 → date-invalide
 * 10 « 29/02/2025 » → no such day → date-invalide
 * 11 31/12/1999 → before 01/01/2000 → date-invalide
 * 12 « 2025-13-01 » → no month 13 → date-invalide
 * 13 Clause sociale « peut-être » → valeur-illisible (README)
 * 14 Nb avenants « 1,5 » → entier must be whole → valeur-illisible
 * 15 Nature « Travaux neufs » → not a value of the enum → valeur-illisible
 * 16 CP « 5910 » typed as text → kept as is, not 5 digits → ⚠ code-postal-invalide
 * 17 SIRET 12345678901234 → fails Luhn → ⚠ siret-invalide
 * 18 N° « » (spaces) → numero-manquant
 * 19 Objet, Montant, Date only spaces → objet-manquant, montant-manquant, date-manquante
 * 20 M-01 again but in 2024 → not a doublon
 * 21 M-04 again in 2025 → doublon (row 5, the first, is kept as it is — it carries its own error)
 * 22 « m-02 » = M-02 (case ignored), 2025 → doublon
 */
const EDGE_FINDINGS: [number, string, string][] = [
  [5, 'montant-invalide', 'Montant HT'],
  [6, 'montant-invalide', 'Montant HT'],
  [7, 'montant-invalide', 'Montant HT'],
  [8, 'valeur-illisible', 'Montant HT'],
  [9, 'date-invalide', 'Date de notification'],
  [10, 'date-invalide', 'Date de notification'],
  [11, 'date-invalide', 'Date de notification'],
  [12, 'date-invalide', 'Date de notification'],
  [13, 'valeur-illisible', 'Clause sociale'],
  [14, 'valeur-illisible', 'Nb avenants'],
  [15, 'valeur-illisible', 'Nature'],
  [16, 'code-postal-invalide', 'CP'],
  [17, 'siret-invalide', 'SIRET'],
  [18, 'numero-manquant', 'N° marché'],
  [19, 'date-manquante', 'Date de notification'],
  [19, 'montant-manquant', 'Montant HT'],
  [19, 'objet-manquant', 'Objet'],
  [21, 'doublon', 'N° marché'],
  [22, 'doublon', 'N° marché'],
];

describe('blind « cellules »: edge cells of the reading rules, one per row', () => {
  let out: ChainOutput;
  beforeAll(async () => {
    const book = await openXlsx(await controlesBytes(), CONTROLES_FILE);
    out = runChain([{ file: CONTROLES_FILE, sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: false, today: TODAY });
  });

  it('reads the numbers of rows 2–4', () => {
    expect([registerValue(out, 2, 'montant'), registerValue(out, 3, 'montant'), registerValue(out, 4, 'montant')]).toEqual([12500, 1234.56, 1.234]);
  });

  it('judges each odd cell with the code of regles §3', () => {
    const got = out.result.controles
      .map((c) => [c.ligne, c.code, c.colonne] as [number, string, string])
      .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    expect(got).toEqual(EDGE_FINDINGS);
  });

  it('counts 21 rows read, 15 of them in error', () => {
    // errors: 5–15, 18, 19, 21, 22 = 15 rows; warnings: 16, 17. Exercice 2025: rows 2–4, 16, 17 valid.
    expect(out.result.lignes).toEqual({ lues: 21, exercice: 5, erreurs: 15, avertissements: 2 });
  });
});

/**
 * A two-row header where the key columns are merged over both rows (A1:A2 « N° marché » … D1:D2
 * « Date de notification ») and a group label « Clauses » (E1:F1) stands above sub-headers
 * « Clause sociale », « Clause environnementale » (row 2). regles §1 read to the letter takes row 1
 * (it already maps 4 fields); a person reading the sheet takes both rows. Since session 17 the
 * program reads it as the person does (README « Colonnes »): header on row 2 with the merged labels,
 * the sub-headers mapped, no row 2 in error. (Sessions 5–16 pinned the letter here.)
 */
describe('blind « cellules »: key headers merged over both rows of a two-row header', () => {
  it('takes both rows as the header: the sub-headers are mapped, row 2 is not data', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi');
    for (const [c, v] of [['A', 'N° marché'], ['B', 'Objet'], ['C', 'Montant HT'], ['D', 'Date de notification']] as const) {
      ws.getCell(`${c}1`).value = v;
      ws.mergeCells(`${c}1:${c}2`);
    }
    ws.getCell('E1').value = 'Clauses';
    ws.mergeCells('E1:F1');
    ws.getCell('E2').value = 'Clause sociale';
    ws.getCell('F2').value = 'Clause environnementale';
    ws.addRow(['A-1', 'Entretien', 1000, new Date(Date.UTC(2025, 1, 1)), 'oui', 'non']);
    const book = await openXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'deux-lignes.xlsx');
    const res = runChain([{ file: 'deux-lignes.xlsx', sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: false, today: TODAY });
    expect(res.register.mappings[0].headerRow).toBe(2);
    expect(res.register.mappings[0].columns.map((c) => c.field)).toEqual(['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale', 'clauseEnvironnementale']);
    expect(res.result.controles).toEqual([]);
    expect(res.result.lignes).toMatchObject({ lues: 1, erreurs: 0 });
    expect(res.register.rows.map((r) => [r.source.row, r.values.clauseSociale, r.values.clauseEnvironnementale])).toEqual([[3, true, false]]);
  });
});

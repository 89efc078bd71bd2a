/**
 * BLIND acceptance « texte » — expectations computed by hand from the spec
 * (`/work/shared/spec/`) and the README's « Choix faits », before reading `src/`.
 *
 * Two flat exports where every cell is text (see ./blind-texte-workbooks.ts), given to
 * the command line in the order A, B: `calculer "Pôle Éducation.xlsx" "Pôle Proximité.xlsx" --json`.
 * today = 2026-01-15 → a date after 31/12/2027 is `date-invalide`.
 *
 * ── Pôle of a row ───────────────────────────────────────────────────────────────────
 * `pole` is `texte` (trimmed, regles §2); « Par pôle: rows grouped by `pole` » (indicateurs);
 * README: « `pole` vide sur une ligne : le nom du fichier » and « le nom du fichier désigne …
 * par défaut, son Pôle ». The spec and README said nothing about merging different spellings
 * (`Éducation`, `Pôle Education`, `EDUCATION `): AMBIGUITY, reported, first written with the
 * literal reading (E1 = 'Éducation', E2 = 'Pôle Education', E3 = 'EDUCATION', E4 = 'Pôle
 * Éducation' for the row with empty POLE). [lead, after the run] The README now groups the
 * spellings of one Pôle (case, accents, punctuation and a leading « Pôle » ignored), shown as
 * first written in the register's order: E1–E4 are one Pôle ED = 'Éducation' (A1's cell), every
 * R row of file A; the per-Pôle values below were recomputed by hand from the working of E1–E4.
 *   PX = 'Pôle Proximité' (file B has no POLE column → file name).
 *
 * ── The rows, once judged (N = 2025: 13 readable dates in 2025, 3 in 2024, 1 in 2028) ──
 * dep = MONTANT MANDATE when filled (A maps it), else MONTANT HT (B never maps it).
 * A row 2  A1 EDU-25-001 E1 AOO  HM N   05/03/2025 mt 480000  dep 150000  prog X nomenc RS01 av1 avp0 rec O
 *             cad Oui bil1 dur36 dgp 28 (0\ \j) off4 cs X hr 350 (0\ \h) ce O cre Oui cent N Achat
 *             SIRET 73282932000074 ok, Roubaix, effectif 120 → PME.   sociale env → AR.  OK
 * A row 3  A2 EDU-25-002 E2 MAPA HM ''  05/03/2025 mt 85.000,00=85000 dep 85000 (no mandaté) prog '' EV02
 *             rec N cad NON dur '24 mois' dgp '35 jours'=35 off3 neg X gain 2500 ce N cre NON
 *             name « jardins de flandre », Tourcoing (CP '5920' text) → MEL, 8 → TPE.   not AR.
 *             WARN code-postal-invalide ('5920' not 5 digits), delai-paiement-depasse (35 > 30)
 * A row 4  A3 EDU-25-003 E3 MSPMC (not MC) HM N '5 mars 2025' mt '3 200 €HT'=3200 dep 3200 prog X nomenc ''
 *             innov X cent O Achat, name « ugap », 77444 Champs-sur-Marne → France, '1 200' → ETI.  OK
 * A row 5  A4 EDU-25-004 E4 (empty POLE) HM Oui (→ H) 12/06/2025 mt 1.234,56 dep 1234.56 FB01 dgp 20
 *             Achat cent N, SIRET '123 456 789 00012' fails Luhn → name « papeterie lefebvre », Roubaix,
 *             4 → TPE.   WARN siret-invalide
 * A row 6  A5 EDU-25-005 E1 « Procédure adaptée » HM non 2025-09-01 mt 60000 dep 42000 prog X TR01 av2 avp1
 *             rec Oui cad Oui bil2 dur6 dgp 30 off2 neg X gain 1500 cs '' hr 40 cre Oui Location cent N
 *             SIRET 40012345600016, Arras 62000 → HdF, '6 000' → GE.  env → AR.
 *             WARN heures-sans-clause (40 h, clause sociale empty, column mapped)
 * A row 7  A6 EDU-25-006 E2 MAPA HM N 20/10/2025 mt 12500 dep 12500 BL01 rec N cad Oui bil0 dur4 off1
 *             gain 300 neg '' réservé SIAE, name « atelier solidaire du pile », ROUBAIX CEDEX 1 → Roubaix,
 *             25 → PME.  sociale → AR.  WARN gain-sans-negociation
 * A row 8  A7 EDU-25-007 E1 2025-11-15 mt 'à chiffrer'            ERROR montant-invalide
 * A row 9  A8 EDU-25-008 E1 2028-02-10 (> 31/12/2027)              ERROR date-invalide
 * A row 10 A9 '25 MUT 001' E3 AOO HM N 14/02/2025 mt 200000 dep 55000 prog X PE01 rec O avp '' cad Oui bil2
 *             dur10 dgp 45 off6 ce O cre NON Achat cent N, SIRET 38254631900023, Villeneuve-d'Ascq → MEL,
 *             250 → ETI.  env → AR.  WARN delai-paiement-depasse
 * A row 11 A10 EDU-24-010 E1 (N−1) AOO 03/04/2024 mt 400000 dep 390000 prog X RS01 av0 avp0 rec O cad Oui bil2
 *             dur12 dgp 25 off5 cs X hr 300 ce O cre Oui Achat cent N, s1 Roubaix PME.  OK
 * A row 12 A11 EDU-24-011 E2 (N−1) MAPA 2024-05-20 mt 40000 dep 40000 nomenc '' rec N cad NON dur12 off2
 *             neg X gain 1000 ce N cre NON cent N mode '', « jardins de flandre » Tourcoing MEL TPE.  OK
 * B row 2  B1 PRX-25-001 PX AOO 2025-04-10 mt 350000 cs Oui cre NON hr 500 dgp '22' SIRET 51023456700012,
 *             CP '59 170' (text with a space), '3 400' → ETI.  sociale → AR.
 *             [lead, after the run] the program warned code-postal-invalide yet placed the zone from
 *             59170: the two rules now read the code alike, spaces ignored (README « Lecture des
 *             cellules »): no warning, zone MEL (Croix).  OK
 * B row 3  B2 PRX-25-002 PX MAPA 01/07/2025 mt 75000 cs X cre Oui hr '120 h' dgp 31 (0\ \j),
 *             name « net services », 59100 → Roubaix, 45 → PME.  sociale env → AR.
 *             WARN delai-paiement-depasse (31 > 30)
 * B row 4  B3 '25MUT001' 2025-02-14 = A9's numero (spaces ignored), same year, later file  ERROR doublon
 * B row 5  B4 PRX-25-004 PX « Gré à gré » (not MC) 15.09.2025 mt 18000, « lumiere cie », 75011 → France,
 *             no effectif → Inconnue.  OK
 * B row 6  B5 PRX-25-005 PX procedure '' (→ consultation) 30/11/25 mt 24000 cs N cre N dgp 15,
 *             SIRET 83948576200018, no CP → Inconnue, size Inconnue.  OK
 * B row 7  B6 PRX-24-006 PX (N−1) AOO 2024-06-18 mt 300000 cs Oui cre Oui hr 400 dgp 20 s4, 59170 → MEL, ETI. OK
 * No objet holds a word of the lexicon → no suggestion.
 *
 * lignes: lues 17 (11 + 6), erreurs 3 (A7, A8, B3), R = {A1 A2 A3 A4 A5 A6 A9 B1 B2 B4 B5} = 11,
 *   avertissements = R rows with a warning = A2 A4 A5 A6 A9 B2 = 6 (B1: see its row).
 * H = {A4}; M = R∖H = 10 (B rows: horsMarche not mapped → contracts);
 * MC = M minus MSPMC/gré à gré (A3, B4) = {A1 A2 A5 A6 A9 B1 B2 B5} = 8.
 * Σ_R dep = 150000+85000+3200+1234.56+42000+12500+55000 (A: 348934.56) + 350000+75000+18000+24000 = 815934.56
 * Σ_M(A) mt = 480000+85000+3200+60000+12500+200000 = 840700.
 * Per Pôle (R): E1 {A1 A5}, E2 {A2 A6}, E3 {A3 A9}, E4 {A4} (H only: M empty → every M-based
 *   indicator non calculable → null), PX {B1 B2 B4 B5}.
 * N−1 (2024): R1 = {A10 A11 B6}, all contracts, all consultations.
 * Cibles (sheet of A): 4.1.2-consideration-sociale 2025 ≥ 30; 2.1.5-delai-paiement 2025 ≤ 25.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runChain } from '../../src/domain/chain';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { chainInput, expectBreakdown, expectCliResult, type ExpectedIndicator, expectIndicator, type JsonControl, type JsonIndicator, SPEC_IDS, type SupplierBreakdown } from './helpers';
import { FILE_A, FILE_B, SHEET_A, SHEET_B, workbookA, workbookB } from './blind-texte-workbooks';

const TODAY = '2026-01-15';
const ED = 'Éducation';
const PX = 'Pôle Proximité';
const POLES = [ED, PX];

const pct = (a: number, b: number): number => (100 * a) / b;

interface Result {
  exercice: number;
  depense: string;
  lignes: { lues: number; exercice: number; erreurs: number; avertissements: number };
  indicateurs: JsonIndicator[];
  controles: JsonControl[];
  suggestions: unknown[];
}

// Expectations below — pp: values per Pôle in the order ED, PX (null = no value for that Pôle).
const NONE = [null, null];
const ABSENT = /absente?/i;

const TOT = 815934.56; // Σ_R dep
const A_DEP = 348934.56; // Σ_{R∩A} dep (rows mapping horsMarche / codeNomenclature)
const MODE_DEP = 150000 + 3200 + 1234.56 + 42000 + 55000; // R∩A with modeAcquisition filled = 251434.56

const EXPECTED: Record<string, ExpectedIndicator> = {
  // Cibles of 2025: 4.1.2 = 40 ≥ 30 met; 2.1.5-delai = 28.25 ≤ 25 not met → 1/2. No Pôle (README).
  '1.1.1-cibles-atteintes': { valeur: 50, n1: null, pp: NONE },
  // AR in M: A1 A5 A6 A9 B1 B2 = 6 | N−1: A10 B6 = 2 | E1 A1 A5, E2 A6, E3 A9, E4 M empty, PX B1 B2
  '1.1.2-marches-ar': { valeur: 6, n1: 2, pp: [4, 2] },
  // nbAvenants only in A: A1 1 + A5 2 + A6 '' + A9 '' = 3 | N−1 A10 0 | PX: column absent
  '1.1.2-avenants-ar': { valeur: 3, n1: 0, pp: [3, null] },
  // Σ dep AR over R: 150000+42000+12500+55000+350000+75000 = 684500 | N−1 390000+300000
  // E1 150000+42000, E2 12500, E3 55000, E4 A4 not AR → 0 (R not empty), PX 350000+75000
  '1.1.2-montant-ar': { valeur: 684500, n1: 690000, pp: [259500, 425000] },
  // charts: considérations, zones, typologie, Considérations par Pôle (≥ 2 Pôles); no Suivi insertion → 4
  '1.1.2-dataviz': { valeur: 4, n1: null, pp: NONE },
  '1.2.1-formations': { nc: /Actions/i },
  '1.2.1-personnes-formees': { nc: /Actions/i },
  '1.2.1-ateliers-evenements': { nc: /Actions/i },
  // programme in A only: M∩A = A1 A2 A3 A5 A6 A9, programmed A1 A3 A5 A9 → 4/6 | N−1 A10 of A10 A11
  // coverage: scope M = 10, filled 4 (X cells)
  '2.1.1-programmes-nb': { valeur: pct(4, 6), n1: 50, pp: [pct(4, 6), null], cov: { renseignees: 4, total: 10 } },
  // (480000+3200+60000+200000)/840700 | N−1 400000/440000
  '2.1.1-programmes-montant': { valeur: pct(743200, 840700), n1: pct(400000, 440000), pp: [pct(743200, 840700), null] },
  // recurrent: A1 (avp 0), A5 (avp 1), A9 (avp '') → 1 | N−1 A10 avp 0
  '2.1.1-prolongations-recurrents': { valeur: 1, n1: 0, pp: [1, null] },
  // R∩A = 7 rows, H = A4 → 1/7 | N−1 0/2 | E4 = {A4} → 100
  '2.1.2-hors-marche-nb': { valeur: pct(1, 7), n1: 0, pp: [pct(1, 7), null] },
  '2.1.2-hors-marche-montant': { valeur: pct(1234.56, A_DEP), n1: 0, pp: [pct(1234.56, A_DEP), null] },
  // nomenclature empty: A3 → 1/7 | N−1 A11 → 1/2 | E3 A3 of A3 A9
  '2.1.2-sans-nomenclature-nb': { valeur: pct(1, 7), n1: 50, pp: [pct(1, 7), null] },
  '2.1.2-sans-nomenclature-montant': { valeur: pct(3200, A_DEP), n1: pct(40000, 430000), pp: [pct(3200, A_DEP), null] },
  '2.1.3-sourcage': { nc: ABSENT },
  '2.1.4-cout-global': { nc: ABSENT },
  // 31/12/2025: A1 cad, 36 m → 2028, 18 m → 2026-09 → attendus 0, bil 1 OK; A2 cad NON ✗; A3 cad '' ✗;
  // A5 6 m → 2026-03-01 >, 3 m → 2025-12-01 ≤ → 1, bil 2 OK; A6 4 m → 2026-02-20 >, 2 m → 2025-12-20 ≤ → 1,
  // bil 0 ✗; A9 10 m → 2025-12-14 ≤ → 2, bil 2 OK → 3/6.
  // N−1 (31/12/2024): A10 12 m → 2025-04-03 >, 6 m → 2024-10-03 ≤ → 1, bil 2 OK; A11 ✗ → 1/2
  '2.1.5-relation-fournisseur': { valeur: 50, n1: 50, pp: [50, null] },
  // cad: A1 A5 A6 A9 = 4, bilans 1+2+0+2 = 5 → 9 | N−1 1 + 2 | E1 2+3, E2 1+0, E3 1+2
  '2.1.5-reunions': { valeur: 9, n1: 3, pp: [9, null] },
  // filled: 28 35 20 30 45 (A) 22 31 15 (B) = 226 / 8 | N−1 (25+20)/2
  // E1 (28+30)/2, E2 35, E3 45, E4 20, PX (22+31+15)/3; coverage 8 filled of R = 11
  '2.1.5-delai-paiement': {
    valeur: 28.25, n1: 22.5, pp: [(28 + 30 + 35 + 45 + 20) / 5, 68 / 3], cov: { renseignees: 8, total: 11 },
    cible: { valeur: 25, sens: '≤', atteinte: false },
  },
  '2.2.2-hors-bpu': { nc: ABSENT },
  // offresRecues only in A: MC∩A = A1 4, A2 3, A5 2, A6 1, A9 6 → 16/5 | N−1 (5+2)/2; coverage 5 of MC = 8
  '2.2.3-soumissionnaires': { valeur: 3.2, n1: 3.5, pp: [3.2, null], cov: { renseignees: 5, total: 8 } },
  '2.2.3-fiches-suivi': { nc: ABSENT },
  // negociation X: A2 A5 | N−1 A11
  '2.2.4-dossiers-negocies': { valeur: 2, n1: 1, pp: [2, null] },
  // Σ_M gain: 2500 + 1500 + 300 (A6, without negociation: still in the sum) | N−1 1000
  '2.2.4-gain-negociation': { valeur: 4300, n1: 1000, pp: [4300, null] },
  '2.2.5-offre-technique-amelioree': { nc: ABSENT },
  // env in M (A: ce/cre, B: cre): A1 A5 A9 B2 = 4/10 | N−1 A10 B6 of 3 | PX B2 of 4
  '3.1.1-consideration-env': { valeur: 40, n1: pct(2, 3), pp: [50, 25] },
  // cre in MC (8): A1 A5 B2 → 3/8 | N−1 2/3 | E3 MC = {A9} cre NON → 0 | PX MC B1 B2 B5 → 1/3
  '3.1.1-criteres-env': { valeur: 37.5, n1: pct(2, 3), pp: [40, pct(1, 3)] },
  // clauseEnvironnementale only in A: A1 A9 of 6 | N−1 A10 of 2
  '3.1.1-clauses-env': { valeur: pct(2, 6), n1: 50, pp: [pct(2, 6), null] },
  '3.1.1-reemploi': { nc: ABSENT },
  '3.1.1-reutilisation': { nc: ABSENT },
  '3.1.1-recycle': { nc: ABSENT },
  '3.2.1-fournitures-evitees': { nc: /Saisies manuelles|saisie/i },
  '3.2.1-mobilier-reemploye': { nc: /Saisies manuelles|saisie/i },
  // Location A5 42000 / (Achat A1 150000 + A3 3200 + A4 1234.56 + A9 55000 + Location 42000)
  // N−1: A10 Achat 390000 → 0 | E1 42000/192000 | E2 no mode filled → null | E3 0 | E4 0
  '3.2.1-location': { valeur: pct(42000, MODE_DEP), n1: 0, pp: [pct(42000, MODE_DEP), null] },
  '3.2.1-achat-usage': { valeur: 0, n1: 0, pp: [0, null] },
  // centrale O: A3 dep 3200 | N−1 none → 0
  '3.2.1-centrales': { valeur: 3200, n1: 0, pp: [3200, null] },
  // sociale in M: A1 (cs) A6 (SIAE) B1 B2 (cs) = 4/10 | N−1 A10 B6 of 3
  '4.1.2-consideration-sociale': {
    valeur: 40, n1: pct(2, 3), pp: [pct(2, 6), 50],
    cible: { valeur: 30, sens: '≥', atteinte: true },
  },
  '4.2.1-insertion-nb': { nc: ABSENT },
  '4.2.1-insertion-montant': { nc: ABSENT },
  // clause sociale: A1 B1 B2 | N−1 A10 B6
  '4.2.2-clause-sociale-nb': { valeur: 3, n1: 2, pp: [1, 2] },
  '4.2.2-clause-sociale-part': { valeur: 30, n1: pct(2, 3), pp: [pct(1, 6), 50] },
  // no Suivi insertion: heures réalisées over M: A1 350 + A5 40 + B1 500 + B2 120 | N−1 300 + 400
  '4.2.2-heures': { valeur: 1010, n1: 700, pp: [390, 620] },
  '4.2.2-personnes': { nc: /Suivi insertion/i },
  '4.2.2-contrats': { nc: /Suivi insertion/i },
  '4.2.2-typologie': { nc: /Suivi insertion/i },
  '4.2.2-femmes': { nc: /Suivi insertion/i },
  '4.2.2-roubaisiens': { nc: /Suivi insertion/i },
  '4.2.2-residents-qpv': { nc: /Suivi insertion/i },
  // marcheReserve only in A: A6 SIAE | N−1 0
  '4.2.3-reserves': { valeur: 1, n1: 0, pp: [1, null] },
  '4.2.3-montant-esat-siae-ess': { nc: ABSENT },
  // Roubaix suppliers of R: A1 s1 150000, A4 « papeterie lefebvre » 1234.56, A6 12500, B2 75000 → /4
  // N−1: A10 s1 390000 / 1 | E3 no Roubaix supplier → null | E4 1234.56 | PX 75000
  '5.1.1-montant-moyen-roubaix': { valeur: 238734.56 / 4, n1: 390000, pp: [(150000 + 12500 + 1234.56) / 3, 75000] },
  // marcheInnovant only in A: A3 of 6 | 3200/840700 | E3 A3 of {A3 A9}
  '5.2.1-innovants-nb': { valeur: pct(1, 6), n1: 0, pp: [pct(1, 6), null] },
  // Σ mt (not dep): E3 = A3 3200 / (A3 3200 + A9 200000). [corrected after the run: first written
  // with A9's dep 55000 — my error]
  '5.2.1-innovants-montant': { valeur: pct(3200, 840700), n1: 0, pp: [pct(3200, 840700), null] },
};

// 11 suppliers, one per row of R (§8: A2/A3/A4/A6/B2/B4 by name, the others by valid SIRET).
const ZONES: SupplierBreakdown = {
  // A1 150000, A4 1234.56, A6 12500, B2 75000
  Roubaix: { fournisseurs: pct(4, 11), depense: pct(238734.56, TOT) },
  // A2 Tourcoing 85000, A9 Villeneuve-d'Ascq 55000, B1 CP '59 170' 350000.
  // [after the run] B1 was first written Inconnue (regles §6 « any other 5-digit postal code »
  // read to the letter); spaces are ignored in a postal code, for the zone and the check alike
  // (README « Lecture des cellules »): 59170 = Croix, MEL.
  'MEL (hors Roubaix)': { fournisseurs: pct(3, 11), depense: pct(490000, TOT) },
  // A5 Arras 42000
  'Hauts-de-France (hors MEL)': { fournisseurs: pct(1, 11), depense: pct(42000, TOT) },
  // A3 77444 3200, B4 75011 18000
  'France (hors Hauts-de-France)': { fournisseurs: pct(2, 11), depense: pct(21200, TOT) },
  // B5 no CP 24000
  Inconnue: { fournisseurs: pct(1, 11), depense: pct(24000, TOT) },
};
const SIZES: SupplierBreakdown = {
  TPE: { fournisseurs: pct(2, 11), depense: pct(85000 + 1234.56, TOT) }, // A2 8, A4 4
  PME: { fournisseurs: pct(3, 11), depense: pct(150000 + 12500 + 75000, TOT) }, // A1 120, A6 25, B2 45
  ETI: { fournisseurs: pct(3, 11), depense: pct(3200 + 55000 + 350000, TOT) }, // A3 1 200, A9 250, B1 3 400
  GE: { fournisseurs: pct(1, 11), depense: pct(42000, TOT) }, // A5 6 000
  Inconnue: { fournisseurs: pct(2, 11), depense: pct(18000 + 24000, TOT) }, // B4, B5
};

/** (source file, sheet row) → codes, sorted. */
const CONTROLS: [string, string, number, string, string][] = [
  [FILE_A, SHEET_A, 3, 'avertissement', 'code-postal-invalide'],
  [FILE_A, SHEET_A, 3, 'avertissement', 'delai-paiement-depasse'],
  [FILE_A, SHEET_A, 5, 'avertissement', 'siret-invalide'],
  [FILE_A, SHEET_A, 6, 'avertissement', 'heures-sans-clause'],
  [FILE_A, SHEET_A, 7, 'avertissement', 'gain-sans-negociation'],
  [FILE_A, SHEET_A, 8, 'erreur', 'montant-invalide'],
  [FILE_A, SHEET_A, 9, 'erreur', 'date-invalide'],
  [FILE_A, SHEET_A, 10, 'avertissement', 'delai-paiement-depasse'],
  [FILE_B, SHEET_B, 3, 'avertissement', 'delai-paiement-depasse'],
  [FILE_B, SHEET_B, 4, 'erreur', 'doublon'],
];

let result: Result;
let dir: string;
let bytesA: Uint8Array;
let bytesB: Uint8Array;

beforeAll(async () => {
  bytesA = await workbookA();
  bytesB = await workbookB();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spaser-blind-texte-'));
  fs.writeFileSync(path.join(dir, FILE_A), bytesA);
  fs.writeFileSync(path.join(dir, FILE_B), bytesB);
  let out = '';
  let err = '';
  const io = {
    cwd: dir,
    today: TODAY,
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
  };
  const code = await runCli(['calculer', FILE_A, FILE_B, '--json', '--sortie', 'Consolidation.xlsx'], io);
  if (code !== EXIT_OK) throw new Error(`exit ${code}: ${err}`);
  result = JSON.parse(out) as Result;
});

function ind(id: string): JsonIndicator {
  const found = result.indicateurs.filter((i) => i.id === id);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('blind texte: the register as a whole', () => {
  test('exercice, spend, rows', () => {
    expect(result.exercice).toBe(2025);
    expect(result.depense).toBe('montantMandate');
    expect(result.lignes).toEqual({ lues: 17, exercice: 11, erreurs: 3, avertissements: 6 });
    expect(result.suggestions).toEqual([]);
  });

  test('every id of indicateurs.md, once, in order', () => {
    expect(result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
    expect(Object.keys(EXPECTED).length + 2).toBe(SPEC_IDS.length); // + the two breakdowns
  });

  test('controls: codes per row', () => {
    const got = result.controles
      .map((c) => [c.source, c.feuille, c.ligne, c.gravite, c.code].join(' | '))
      .sort();
    const want = CONTROLS.map((c) => c.join(' | ')).sort();
    expect(got).toEqual(want);
  });
});

describe('blind texte: each indicator (value, statut, motif, n1, parPole)', () => {
  test.each(Object.keys(EXPECTED))('%s', (id) => {
    expectIndicator(ind(id), EXPECTED[id], POLES);
  });
});

describe('blind texte: breakdowns', () => {
  test.each([
    ['5.1.1-fournisseurs-zone', ZONES],
    ['5.1.4-fournisseurs-typologie', SIZES],
  ] as const)('%s', (id, want) => {
    const i = ind(id);
    expectBreakdown(i, want);
    for (const p of POLES) expect({ p, v: i.parPole?.[p] ?? null }).toEqual({ p, v: null });
    // a breakdown has no single value (sortie.md: valeur null), so no single N−1 value either
    expect(i.n1).toBeNull();
  });
});

describe('blind texte: the chain gives what the command line printed', () => {
  test('runChain on A then B equals the JSON (but the charts count)', async () => {
    const out = runChain([await chainInput(FILE_A, bytesA), await chainInput(FILE_B, bytesB)], { today: TODAY, writesCharts: false });
    expectCliResult(result, out.result, path.join(dir, 'Consolidation.xlsx'));
  });
});

// Added after the first run, still computed by hand before running them.
describe('blind texte: more of the spec', () => {
  test('controls name the user\'s own header (regles §3)', () => {
    const col = (file: string, row: number, code: string) =>
      result.controles.find((c) => c.source === file && c.ligne === row && c.code === code)?.colonne;
    expect(col(FILE_A, 3, 'code-postal-invalide')).toBe('CODE POSTAL');
    expect(col(FILE_A, 3, 'delai-paiement-depasse')).toBe('DELAI DE PAIEMENT');
    expect(col(FILE_A, 5, 'siret-invalide')).toBe('SIRET');
    expect(col(FILE_A, 8, 'montant-invalide')).toBe('MONTANT HT');
    expect(col(FILE_A, 9, 'date-invalide')).toBe('DATE DE NOTIFICATION');
    expect(col(FILE_B, 4, 'doublon')).toBe('N° MARCHE');
  });

  test('coverage of three more indicators', () => {
    // horsMarche: scope R = 11, A rows take part (7), HM filled on all but A2 → 6
    expect(ind('2.1.2-hors-marche-nb').couverture).toEqual({ renseignees: 6, total: 11 });
    // heures réalisées: scope M = 10, filled on A1 A5 B1 B2 → 4
    expect(ind('4.2.2-heures').couverture).toEqual({ renseignees: 4, total: 10 });
    // centrale d'achat: scope R = 11, A rows; filled on A1 A2 A3 A4 A5 A9 (A6 empty) → 6
    expect(ind('3.2.1-centrales').couverture).toEqual({ renseignees: 6, total: 11 });
  });

  test('SPASER Pôles: one column per Pôle, its spellings grouped, plus the City', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'Consolidation.xlsx'));
    const ws = wb.getWorksheet('SPASER Pôles');
    expect(ws).toBeDefined();
    const texts = new Set<string>();
    ws!.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.add(c.value)));
    for (const p of POLES) expect(texts).toContain(p);
    // [lead] the other spellings of Éducation are not columns of their own.
    for (const other of ['EDUCATION', 'EDUCATION ', 'Pôle Education', 'Pôle Éducation']) expect(texts).not.toContain(other);
  });
});

/**
 * BLIND acceptance « erp » — expectations written from the spec (`../shared/spec/`) and the README's
 * « Choix faits » only, before reading `src/`. Workbook: `blind-erp-workbooks.ts` (an export of the
 * City's finance software, Open XML SDK package with every SpreadsheetML element under `x:`).
 *
 * Run day: 2026-01-15 (date-invalide after 31/12/2027). N = 2025: rows with a readable date per year,
 * errors included: 2025 → rows 2–17, 19–22, 28 = 21 (row 18 too: 22); 2024 → 25, 26, 27, 29 = 4;
 * 1999 → 23 = 1; row 24 has no date. N = 2025, N−1 = 2024.
 *
 * Mapping (regles §1: lower case, accents off, `num` → numero, `nb` → nombre, punctuation incl. `_`
 * → space, trailing unit in brackets removed): every header below is a synonym of champs.md after
 * normalisation. `MONTANT_TTC (EUR)` never maps to an HT amount (all amount fields are HT) → unmapped;
 * `EJ_CHORUS`, `IMPUTATION` share no word with any synonym → unmapped; `CRITERE_SOCIAL_ENV` holds
 * « critère social » and « critère env. » entirely → maps equally well to critereSocial and
 * critereEnvironnemental → ambiguous, neither field mapped.
 *
 * Every row, judged once (dep = MANDATE when filled, else MONTANT_HT; regles §5):
 *  row | numero     | pôle | year | hm | proc   | mt        | dep       | judged
 *   2  | 2025-0001  | RES  | 2025 | N  | MAPA   | 12500     | 9800.5    | OK. env (CLAUSE_ENV 1); « recyclé » already declared → no suggestion. Marly 59770 → HdF; GE
 *   3  | 2025-0002  | CDV  | 2025 | N  | AOO    | 245000    | 180000    | ⚠ delai-paiement-depasse (35). social (clause). Roubaix Cedex 1 → Roubaix; ETI
 *   4  | 2025-0003  | RES  | 2025 | N  | AOO    | 96000     | 96000     | OK (date « 03/02/25 » → 2025). Lille → MEL; GE
 *   5  | 2025-0004  | CDV  | 2025 | N  | MAPA   | 38450.75  | 12000     | OK (DGP 30 not > 30). social+env; no nomenclature. Tourcoing → MEL; PME
 *   6  | 2025-0005  | RES  | 2025 | N  | AOO    | 152000    | 41250.4   | OK. social (clause + réservé ESAT/EA). Roubaix; PME
 *   7  | 2025-0006  | CDV  | 2025 | N  | MAPA   | 27800     | 27800     | ⚠ delai-paiement-depasse (41). innovant. TTC « #N/A » unmapped → nothing. Kintzheim 67600 → France; PME
 *   8  | 2025-0007  | RES  | 2025 | N  | MNSPMC | 64000     | 15800     | OK (date = serial 45800 = 23/05/2025). UGAP. Champs-sur-Marne 77444 → France; size unknown
 *   9  | 2025-0008  | CDV  | 2025 | N  | MAPA   | 74500     | 74500     | ⚠ siret-invalide (Luhn). social. Wasquehal → MEL; TPE; supplier by name
 *  10  | 2025-0009  | RES  | 2025 | N  | AOO    | 88000     | 22000     | ⚠ gain-sans-negociation (1500, NEGOCIATION N). Niort → France; ETI
 *  11  | 2025-0010  | CDV  | 2025 | O  | —      | 3450.6    | 3450.6    | ⚠ cpv-invalide (« 4452 »). hors marché; no nomenclature. Roubaix; TPE; supplier by name
 *  12  | 2025-0011  | RES  | 2025 | N  | MAPA   | 18900     | 6300      | ⚠ code-postal-invalide (« 591130 »), ⚠ heures-sans-clause (150 h, clause N, marcheInsertion not mapped). Seclin → MEL; TPE
 *  13  | 2025-0012  | CDV  | 2025 | N  | PN     | 45000     | 30000     | ⚠ suggestion-non-confirmee (« insertion professionnelle », social). Not social (suggestion only). Roubaix; size unknown
 *  14  | 2025-0013  | RES  | 2025 | N  | MAPA   | 15000     | 15000     | ⚠ suggestion-non-confirmee (« expérimentation », innovation). Roubaix; TPE
 *  15  | 2025-0014  | CDV  | 2025 | N  | MAPA   | 52000     | 8000      | OK. social (clause + réservé SIAE). Roubaix; PME
 *  16  | 2025-0015  | RES  | 2025 | N  | AOO    | 33300.5   | 33300.5   | ⚠ delai-paiement-depasse (45). env. BELGIQUE → Étranger (no CP check); PME; supplier by name
 *  17  | 2025-0016  | CDV  | 2025 | O  | —      | 2980      | 2980      | OK. hors marché. Same SIRET as row 3 → same supplier: zone Roubaix and size ETI of its first row (row 3)
 *  18  | (empty)    | RES  | 2025 |    |        | 1250      |           | ✗ numero-manquant
 *  19  | 2025-0017  | CDV  | 2025 |    |        | 9800      |           | ✗ valeur-illisible (NATURE « PRESTATIONS INTELLECTUELLES »)
 *  20  | 2025-0018  | RES  | 2025 |    |        | -1500     |           | ✗ montant-invalide (negative)
 *  21  | 2025 - 0005| CDV  | 2025 |    |        | 152000    |           | ✗ doublon (= row 6, spaces ignored, same year)
 *  22  | 2025-0019  | CDV  | 2025 |    |        | 12000     |           | ✗ prolongations-incoherentes (2 > 1)
 *  23  | 2025-0020  | RES  | 1999 |    |        | 5600      |           | ✗ date-invalide (before 2000)
 *  24  | 2025-0021  | RES  | —    |    |        | 7200      |           | ✗ date-manquante
 *  25  | M24-0107   | RES  | 2024 | N  | AOO    | 42000     | 14000     | ⚠ delai-paiement-depasse (33). Puteaux → France; GE
 *  26  | M24-0215   | CDV  | 2024 | N  | MAPA   | 120000    | 120000    | OK. social+env. Hem → MEL; PME
 *  27  | M24-0301   | RES  | 2024 | O  | —      | 850       | 850       | OK. hors marché; no nomenclature. Roubaix; TPE
 *  28  | M24-0215   | CDV  | 2025 | N  | MAPA   | 98000     | 45000     | OK: same numero as row 26 but another year → no doublon. social+env. Hem → MEL; PME
 *  29  | M24-0410   | CDV  | 2024 | N  | AOR    | 210000    | 52000     | ⚠ delai-paiement-depasse (31). env; innovant. Villeneuve d'Ascq → MEL; ETI
 *  30  blank styled row — not a row;  31  « TOTAL GÉNÉRAL » (no numero) — skipped;  32–34 blank styled rows — not rows.
 *
 * Sets for N = 2025: R = rows 2–17, 28 (17); H = 11, 17; M = R − H (15); MC = M − row 8 (MNSPMC) (14).
 *   R(RES) = 2, 4, 6, 8, 10, 12, 14, 16 (8, all M); R(CDV) = 3, 5, 7, 9, 11, 13, 15, 17, 28 (9; M = 7).
 * N−1 = 2024: R1 = 25, 26, 27, 29; H1 = 27; M1 = 25, 26, 29 = MC1 (AOR is a consultation).
 * lignes: lues 28 (rows 2–29), erreurs 7 (18–24), exercice 17, avertissements 9 (3, 7, 9, 10, 11, 12, 13, 14, 16).
 */
import JSZip from 'jszip';
import { runChain, type ChainOutput } from '../../src/domain/chain';
import { openXlsx } from '../../src/workbook/xlsx';
import { ERP_FILE, ERP_HEADERS, ERP_SHEET, erpBytes } from './blind-erp-workbooks';
import { SPEC_IDS } from './helpers';

const TODAY = '2026-01-15';
const RES = 'Pôle Ressources';
const CDV = 'Pôle Cadre de vie';

async function run(bytes: Uint8Array): Promise<ChainOutput> {
  const book = await openXlsx(bytes, ERP_FILE);
  return runChain([{ file: ERP_FILE, sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: false, today: TODAY });
}

// ---- working: sums used below (each term is one row's value, in row order) ----
/** Σ_M mt (2025): rows 2,3,4,5,6,7,8,9,10,12,13,14,15,16,28. */
const SUM_M_MT = 12500 + 245000 + 96000 + 38450.75 + 152000 + 27800 + 64000 + 74500 + 88000 + 18900 + 45000 + 15000 + 52000 + 33300.5 + 98000; // 1 060 451.25
/** Σ_R dep (2025): rows 2..17, 28. */
const SUM_R_DEP = 9800.5 + 180000 + 96000 + 12000 + 41250.4 + 27800 + 15800 + 74500 + 22000 + 3450.6 + 6300 + 30000 + 15000 + 8000 + 33300.5 + 2980 + 45000; // 623 182
const RES_M_MT = 12500 + 96000 + 152000 + 64000 + 88000 + 18900 + 15000 + 33300.5; // rows 2,4,6,8,10,12,14,16 = 479 700.5
const CDV_M_MT = 245000 + 38450.75 + 27800 + 74500 + 45000 + 52000 + 98000; // rows 3,5,7,9,13,15,28 = 580 750.75
const RES_R_DEP = 9800.5 + 96000 + 41250.4 + 15800 + 22000 + 6300 + 15000 + 33300.5; // 239 451.4
const CDV_R_DEP = 180000 + 12000 + 27800 + 74500 + 3450.6 + 30000 + 8000 + 2980 + 45000; // 383 730.6
/** N−1: Σ_M1 mt = rows 25, 26, 29; Σ_R1 dep = rows 25, 26, 27, 29. */
const N1_M_MT = 42000 + 120000 + 210000; // 372 000
const N1_R_DEP = 14000 + 120000 + 850 + 52000; // 186 850

interface Expected {
  valeur: number;
  n1: number | null;
  res: number | null;
  cdv: number | null;
  /** couverture: [renseignees, total]. */
  cov: [number, number];
}

/**
 * Calculated indicators (statut calculé). AR(r) = sociale or env, declared only (no decision taken):
 * sociale 2025 M: rows 3, 5, 6, 9, 15, 28 (clause O: 3, 5, 6, 9, 15, 28; réservé: 6, 15);
 * env 2025 M: rows 2, 5, 16, 28 (CLAUSE_ENV 1); AR = 2, 3, 5, 6, 9, 15, 16, 28 (8); H rows 11, 17 have nothing.
 * N−1: sociale 26; env 26, 29; AR 26, 29.
 */
const CALCULATED: Record<string, Expected> = {
  // AR rows of M: 8. RES: 2, 6, 16 → 3; CDV: 3, 5, 9, 15, 28 → 5. N−1: 26, 29 → 2.
  // coverage: scope M (15), every M row has CLAUSE_ENV or MARCHE_RESERVE filled → 15.
  '1.1.2-marches-ar': { valeur: 8, n1: 2, res: 3, cdv: 5, cov: [15, 15] },
  // Σ avenants over AR: 2:0 + 3:1 + 5:1 + 6:0 + 9:1 + 15:0 + 16:0 + 28:0 = 3. RES 0; CDV 3. N−1: 26:0 + 29:2 = 2.
  '1.1.2-avenants-ar': { valeur: 3, n1: 2, res: 0, cdv: 3, cov: [15, 15] },
  // Σ dep over AR of R.
  '1.1.2-montant-ar': {
    valeur: 9800.5 + 180000 + 12000 + 41250.4 + 74500 + 8000 + 33300.5 + 45000, // 403 851.4
    n1: 120000 + 52000,
    res: 9800.5 + 41250.4 + 33300.5,
    cdv: 180000 + 12000 + 74500 + 8000 + 45000,
    cov: [17, 17],
  },
  // programmé O in M: 2, 3, 4, 6, 8, 10, 13, 15, 28 = 9 / 15. RES 2,4,6,8,10 = 5/8; CDV 3,13,15,28 = 4/7. N−1: 25, 29 = 2/3.
  '2.1.1-programmes-nb': { valeur: (100 * 9) / 15, n1: (100 * 2) / 3, res: (100 * 5) / 8, cdv: (100 * 4) / 7, cov: [15, 15] },
  '2.1.1-programmes-montant': {
    valeur: (100 * (12500 + 245000 + 96000 + 152000 + 64000 + 88000 + 45000 + 52000 + 98000)) / SUM_M_MT,
    n1: (100 * (42000 + 210000)) / N1_M_MT,
    res: (100 * (12500 + 96000 + 152000 + 64000 + 88000)) / RES_M_MT,
    cdv: (100 * (245000 + 45000 + 52000 + 98000)) / CDV_M_MT,
    cov: [15, 15],
  },
  // récurrent O: 4 (prol 1), 5 (1), 6 (0), 8 (0), 10 (0) → 2. RES: 4 → 1; CDV: 5 → 1. N−1: 25 (1) + 29 (1) = 2.
  '2.1.1-prolongations-recurrents': { valeur: 2, n1: 2, res: 1, cdv: 1, cov: [15, 15] },
  // #H / #R: 2/17. RES 0/8; CDV 2/9. N−1: 1/4.
  '2.1.2-hors-marche-nb': { valeur: (100 * 2) / 17, n1: 25, res: 0, cdv: (100 * 2) / 9, cov: [17, 17] },
  '2.1.2-hors-marche-montant': {
    valeur: (100 * (3450.6 + 2980)) / SUM_R_DEP,
    n1: (100 * 850) / N1_R_DEP,
    res: (100 * 0) / RES_R_DEP, // no hors-marché row in RES
    cdv: (100 * (3450.6 + 2980)) / CDV_R_DEP,
    cov: [17, 17],
  },
  // NOMENCLATURE empty: rows 5, 11 (2/17). RES none; CDV 5, 11 (2/9). N−1: 27 (1/4). Filled: 15 of 17.
  '2.1.2-sans-nomenclature-nb': { valeur: (100 * 2) / 17, n1: 25, res: 0, cdv: (100 * 2) / 9, cov: [15, 17] },
  '2.1.2-sans-nomenclature-montant': {
    valeur: (100 * (12000 + 3450.6)) / SUM_R_DEP,
    n1: (100 * 850) / N1_R_DEP,
    res: 0,
    cdv: (100 * (12000 + 3450.6)) / CDV_R_DEP,
    cov: [15, 17],
  },
  // SOURCING O in M: 3, 5, 7, 13, 14 = 5. RES: 14 → 1; CDV: 3, 5, 7, 13 → 4. N−1: 26, 29 → 2.
  '2.1.3-sourcage': { valeur: 5, n1: 2, res: 1, cdv: 4, cov: [15, 15] },
  // DGP over R where filled (14, 17 empty): 28+35+25+30+22+41+18+29+15+12+20+30+26+45+24 = 400 / 15.
  // RES: 28+25+22+18+15+20+45 = 173 / 7; CDV: 35+30+41+29+12+30+26+24 = 227 / 8. N−1: 33+27+10+31 = 101 / 4.
  '2.1.5-delai-paiement': { valeur: 400 / 15, n1: 101 / 4, res: 173 / 7, cdv: 227 / 8, cov: [15, 17] },
  // NB_OFFRES over MC (M − row 8): 4+6+3+5+7+2+3+2+5+1+3+2+4+4 = 51 / 14.
  // RES MC = 2,4,6,10,12,14,16: 4+3+7+2+5+3+4 = 28 / 7; CDV MC = 3,5,7,9,13,15,28: 6+5+2+3+1+2+4 = 23 / 7. N−1: 3+5+2 = 10 / 3.
  '2.2.3-soumissionnaires': { valeur: 51 / 14, n1: 10 / 3, res: 28 / 7, cdv: 23 / 7, cov: [14, 14] },
  // NEGOCIATION O in M: 4, 5, 7, 9, 13, 16, 28 = 7. RES 4, 16 → 2; CDV 5, 7, 9, 13, 28 → 5. N−1: 26 → 1.
  '2.2.4-dossiers-negocies': { valeur: 7, n1: 1, res: 2, cdv: 5, cov: [15, 15] },
  // Σ_M GAIN (row 10 counted: the formula does not filter on negociation): 4500+1200+800+2500+1500+0+950.5+3000.
  // filled in M: 4, 5, 7, 9, 10, 13, 16, 28 = 8.
  '2.2.4-gain-negociation': { valeur: 4500 + 1200 + 800 + 2500 + 1500 + 0 + 950.5 + 3000, n1: 6000, res: 4500 + 1500 + 950.5, cdv: 1200 + 800 + 2500 + 0 + 3000, cov: [8, 15] },
  // env in M: 2, 5, 16, 28 = 4/15. RES 2, 16 = 2/8; CDV 5, 28 = 2/7. N−1: 26, 29 = 2/3.
  '3.1.1-consideration-env': { valeur: (100 * 4) / 15, n1: (100 * 2) / 3, res: 25, cdv: (100 * 2) / 7, cov: [15, 15] },
  '3.1.1-clauses-env': { valeur: (100 * 4) / 15, n1: (100 * 2) / 3, res: 25, cdv: (100 * 2) / 7, cov: [15, 15] },
  // UGAP O: row 8 (dep 15800). RES 15800; CDV 0. N−1: none → 0.
  '3.2.1-centrales': { valeur: 15800, n1: 0, res: 15800, cdv: 0, cov: [17, 17] },
  // sociale in M: 3, 5, 6, 9, 15, 28 = 6/15 (13: suggestion only). RES 6 → 1/8; CDV 3,5,9,15,28 → 5/7. N−1: 26 → 1/3.
  // filled: every M row has CLAUSE_SOCIALE or MARCHE_RESERVE → 15.
  '4.1.2-consideration-sociale': { valeur: 40, n1: 100 / 3, res: 12.5, cdv: (100 * 5) / 7, cov: [15, 15] },
  // CLAUSE_SOCIALE O in M: same 6 rows (3, 5, 6, 9, 15, 28); filled in M: all but row 13 → 14.
  '4.2.2-clause-sociale-nb': { valeur: 6, n1: 1, res: 1, cdv: 5, cov: [14, 15] },
  '4.2.2-clause-sociale-part': { valeur: 40, n1: 100 / 3, res: 12.5, cdv: (100 * 5) / 7, cov: [14, 15] },
  // no Suivi insertion: Σ_M HEURES_REALISEES: 3:1200 + 5:350 + 6:2100 + 9:420 + 12:150 + 15:800 + 28:300 = 5320.
  // RES 2100 + 150; CDV 1200 + 350 + 420 + 800 + 300. N−1: 26: 600. Filled in M: 7.
  '4.2.2-heures': { valeur: 5320, n1: 600, res: 2250, cdv: 3070, cov: [7, 15] },
  // réservé ≠ Non in M: 6 (ESAT/EA), 15 (SIAE). N−1: none.
  '4.2.3-reserves': { valeur: 2, n1: 0, res: 1, cdv: 1, cov: [15, 15] },
  // Roubaix suppliers of R (distinct, zone of first row): NET PLUS (6), QUINCAILLERIE ROUBAISIENNE (11, by name),
  // ASSOCIATION TREMPLIN (13), START UP ROUBAIX (14), ATELIER CHANTIER DU PILE (15), RAMERY (3 Roubaix Cedex; its row 17
  // in Lille follows its first row) = 6. Σ dep: 41250.4 + 3450.6 + 30000 + 15000 + 8000 + 180000 + 2980 = 280 681.
  // RES: NET PLUS, START UP → (41250.4 + 15000) / 2. CDV: RAMERY, QUINCAILLERIE, TREMPLIN, ATELIER → (180000 + 2980 + 3450.6 + 30000 + 8000) / 4.
  // N−1: BUREAU VALLEE ROUBAIX (27): 850 / 1.
  '5.1.1-montant-moyen-roubaix': {
    valeur: (41250.4 + 3450.6 + 30000 + 15000 + 8000 + 180000 + 2980) / 6,
    n1: 850,
    res: (41250.4 + 15000) / 2,
    cdv: (180000 + 2980 + 3450.6 + 30000 + 8000) / 4,
    cov: [17, 17],
  },
  // INNOVANT O in M: 7 → 1/15 (14: suggestion only). RES 0/8; CDV 1/7. N−1: 29 → 1/3. Filled: all but 14 → 14.
  '5.2.1-innovants-nb': { valeur: 100 / 15, n1: 100 / 3, res: 0, cdv: 100 / 7, cov: [14, 15] },
  '5.2.1-innovants-montant': { valeur: (100 * 27800) / SUM_M_MT, n1: (100 * 210000) / N1_M_MT, res: 0, cdv: (100 * 27800) / CDV_M_MT, cov: [14, 15] },
};

/** Non calculable, with what the motif must name (a missing column's French label, or the missing sheet). */
const NON_CALCULABLE: Record<string, RegExp> = {
  '1.1.1-cibles-atteintes': /Cibles/,
  '1.2.1-formations': /Actions/,
  '1.2.1-personnes-formees': /Actions/,
  '1.2.1-ateliers-evenements': /Actions/,
  '2.1.4-cout-global': /colonne.*Coût global.*absente/i,
  '2.1.5-relation-fournisseur': /colonne.*(Réunion de cadrage|réunions de bilan).*absente/i,
  '2.1.5-reunions': /colonne.*(Réunion de cadrage|réunions de bilan).*absente/i,
  '2.2.2-hors-bpu': /colonne.*hors BPU.*absente/i,
  '2.2.3-fiches-suivi': /colonne.*Fiche de suivi.*absente/i,
  '2.2.5-offre-technique-amelioree': /colonne.*Offre technique améliorée.*absente/i,
  // CRITERE_SOCIAL_ENV is ambiguous, so critereEnvironnemental is not mapped
  '3.1.1-criteres-env': /colonne.*Critère environnemental.*absente/i,
  '3.1.1-reemploi': /colonne.*réemploi.*absente/i,
  '3.1.1-reutilisation': /colonne.*réutilisation.*absente/i,
  '3.1.1-recycle': /colonne.*recyclées.*absente/i,
  '3.2.1-fournitures-evitees': /Saisies manuelles/,
  '3.2.1-mobilier-reemploye': /Saisies manuelles/,
  '3.2.1-location': /colonne.*Mode d'acquisition.*absente/i,
  '3.2.1-achat-usage': /colonne.*Mode d'acquisition.*absente/i,
  '4.2.1-insertion-nb': /colonne.*Marché d'insertion.*absente/i,
  '4.2.1-insertion-montant': /colonne.*Marché d'insertion.*absente/i,
  '4.2.2-personnes': /Suivi insertion/,
  '4.2.2-contrats': /Suivi insertion/,
  '4.2.2-typologie': /Suivi insertion/,
  '4.2.2-femmes': /Suivi insertion/,
  '4.2.2-roubaisiens': /Suivi insertion/,
  '4.2.2-residents-qpv': /Suivi insertion/,
  '4.2.3-montant-esat-siae-ess': /colonne.*Type de structure.*absente/i,
};

/**
 * Breakdowns (valeur null, parPole null per Pôle — README). Distinct suppliers of R: 16 (RAMERY once).
 * Zone (first row): Roubaix 6 (3/17 RAMERY, 6, 11, 13, 14, 15) dep 180000+2980+41250.4+3450.6+30000+15000+8000 = 280 681;
 * MEL 5 (4 Lille, 5 Tourcoing, 9 Wasquehal, 12 Seclin, 28 Hem) dep 96000+12000+74500+6300+45000 = 233 800;
 * HdF 1 (2 Marly 59770) 9800.5; France 3 (7 Kintzheim, 8 Champs-sur-Marne, 10 Niort) 27800+15800+22000 = 65 600;
 * Étranger 1 (16) 33300.5; Inconnue 0.
 * Size (first row): TPE 4 (9, 11, 12, 14) 74500+3450.6+6300+15000; PME 6 (5, 6, 7, 15, 16, 28) 12000+41250.4+27800+8000+33300.5+45000;
 * ETI 2 (3/17, 10) 180000+2980+22000; GE 2 (2, 4) 9800.5+96000; Inconnue 2 (8, 13) 15800+30000.
 */
const ZONES: Record<string, [number, number]> = {
  Roubaix: [6, 180000 + 2980 + 41250.4 + 3450.6 + 30000 + 15000 + 8000],
  'MEL (hors Roubaix)': [5, 96000 + 12000 + 74500 + 6300 + 45000],
  'Hauts-de-France (hors MEL)': [1, 9800.5],
  'France (hors Hauts-de-France)': [3, 27800 + 15800 + 22000],
  Étranger: [1, 33300.5],
  Inconnue: [0, 0],
};
const SIZES: Record<string, [number, number]> = {
  TPE: [4, 74500 + 3450.6 + 6300 + 15000],
  PME: [6, 12000 + 41250.4 + 27800 + 8000 + 33300.5 + 45000],
  ETI: [2, 180000 + 2980 + 22000],
  GE: [2, 9800.5 + 96000],
  Inconnue: [2, 15800 + 30000],
};
const SUPPLIERS = 16;

/** Expected codes per sheet row (every row of the sheet; rows not listed have none). */
const CONTROLS: Record<number, string[]> = {
  3: ['delai-paiement-depasse'],
  7: ['delai-paiement-depasse'],
  9: ['siret-invalide'],
  10: ['gain-sans-negociation'],
  11: ['cpv-invalide'],
  12: ['code-postal-invalide', 'heures-sans-clause'],
  13: ['suggestion-non-confirmee'],
  14: ['suggestion-non-confirmee'],
  16: ['delai-paiement-depasse'],
  18: ['numero-manquant'],
  19: ['valeur-illisible'],
  20: ['montant-invalide'],
  21: ['doublon'],
  22: ['prolongations-incoherentes'],
  23: ['date-invalide'],
  24: ['date-manquante'],
  25: ['delai-paiement-depasse'],
  29: ['delai-paiement-depasse'],
};
const ERROR_ROWS = [18, 19, 20, 21, 22, 23, 24];
/** The column named by a finding (the user's own header), where the spec makes it unambiguous. */
const CONTROL_COLUMNS: Record<string, string> = {
  '3:delai-paiement-depasse': 'DGP (JOURS)',
  '9:siret-invalide': 'SIRET',
  '10:gain-sans-negociation': 'GAIN',
  '11:cpv-invalide': 'CODE_CPV',
  '12:code-postal-invalide': 'CP',
  '18:numero-manquant': 'NUM_MARCHE',
  '19:valeur-illisible': 'NATURE',
  '20:montant-invalide': 'MONTANT_HT (EUR)',
  '21:doublon': 'NUM_MARCHE',
  '23:date-invalide': 'DATE_NOTIF',
  '24:date-manquante': 'DATE_NOTIF',
};

describe('blind acceptance « erp »: an Open XML SDK export of the finance software', () => {
  let input: Uint8Array;
  let out: ChainOutput;
  beforeAll(async () => {
    input = await erpBytes();
    out = await run(input);
  });
  const ind = (id: string) => {
    const found = out.result.indicateurs.find((i) => i.id === id);
    if (!found) throw new Error(`indicator ${id} missing`);
    return found;
  };

  it('is a prefixed package (guard)', async () => {
    const zip = await JSZip.loadAsync(input);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('<x:worksheet xmlns:x=');
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('<x:sheet ');
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('<x:sst ');
    expect(await zip.file('xl/styles.xml')!.async('string')).toContain('<x:styleSheet ');
  });

  it('recognises the export columns per the spec; TTC and the finance columns unmapped; the ambiguous header reported', () => {
    const registers = out.register.mappings.filter((m) => m.sheet === ERP_SHEET);
    expect(registers).toHaveLength(1);
    const m = registers[0];
    expect(m.sheet).toBe(ERP_SHEET);
    expect(m.headerRow).toBe(1);
    const byField = Object.fromEntries(m.columns.map((c) => [c.field, c.header]));
    expect(byField).toEqual({
      numero: 'NUM_MARCHE',
      objet: 'OBJET',
      pole: 'DGA',
      direction: 'SERVICE',
      nature: 'NATURE',
      procedure: 'PROCEDURE',
      dateNotification: 'DATE_NOTIF',
      dureeMois: 'DUREE (MOIS)',
      montant: 'MONTANT_HT (EUR)',
      montantMandate: 'MANDATE (HT)',
      codeNomenclature: 'NOMENCLATURE',
      codeCPV: 'CODE_CPV',
      titulaire: 'TITULAIRE',
      siret: 'SIRET',
      codePostalTitulaire: 'CP',
      communeTitulaire: 'VILLE',
      paysTitulaire: 'PAYS',
      categorieEntreprise: 'TAILLE',
      horsMarche: 'HORS_MARCHE',
      programme: 'PROGRAMME',
      recurrent: 'RECURRENT',
      nbAvenants: 'NB_AVENANTS',
      nbAvenantsProlongation: 'NB_PROLONGATIONS',
      sourcage: 'SOURCING',
      offresRecues: 'NB_OFFRES',
      negociation: 'NEGOCIATION',
      gainNegociation: 'GAIN',
      delaiPaiement: 'DGP (JOURS)',
      centraleAchat: 'UGAP',
      clauseSociale: 'CLAUSE_SOCIALE',
      clauseEnvironnementale: 'CLAUSE_ENV',
      marcheReserve: 'MARCHE_RESERVE',
      heuresInsertionRealisees: 'HEURES_REALISEES',
      marcheInnovant: 'INNOVANT',
    });
    expect(m.columns.every((c) => c.col === ERP_HEADERS.indexOf(c.header as (typeof ERP_HEADERS)[number]) + 1)).toBe(true);
    expect(m.unmapped.map((u) => u.header).sort()).toEqual(['EJ_CHORUS', 'IMPUTATION', 'MONTANT_TTC (EUR)']);
    expect(m.ambiguous.map((a) => ({ header: a.header, fields: [...a.fields].sort() }))).toEqual([
      { header: 'CRITERE_SOCIAL_ENV', fields: ['critereEnvironnemental', 'critereSocial'] },
    ]);
  });

  it('counts the rows: no blank, no totals row; N = 2025, spend = MANDATE', () => {
    expect(out.result.exercice).toBe(2025);
    expect(out.result.depense).toBe('montantMandate');
    expect(out.result.lignes).toEqual({ lues: 28, exercice: 17, erreurs: 7, avertissements: 9 });
  });

  it('gives every row exactly the controls of regles.md §3', () => {
    const got: Record<number, string[]> = {};
    for (const c of out.result.controles) {
      expect(c.feuille).toBe(ERP_SHEET);
      expect(c.source).toBe(ERP_FILE);
      (got[c.ligne] ??= []).push(c.code);
    }
    for (const k of Object.keys(got)) got[+k].sort();
    expect(got).toEqual(CONTROLS);
    for (const c of out.result.controles) {
      expect(c.gravite).toBe(ERROR_ROWS.includes(c.ligne) ? 'erreur' : 'avertissement');
      const col = CONTROL_COLUMNS[`${c.ligne}:${c.code}`];
      if (col !== undefined) expect(c.colonne).toBe(col);
    }
  });

  it('suggests from the text only where nothing was declared', () => {
    const got = out.result.suggestions.map((s) => `${s.numero}:${s.consideration}:${s.decision}`).sort();
    expect(got).toEqual(['2025-0012:sociale:null', '2025-0013:innovation:null']);
  });

  it('lists every indicator id of indicateurs.md once, in order', () => {
    expect(out.result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
    expect(Object.keys(CALCULATED).length + Object.keys(NON_CALCULABLE).length + 3).toBe(SPEC_IDS.length); // + dataviz + 2 breakdowns
  });

  it.each(Object.entries(CALCULATED))('%s: value, N−1, per Pôle and coverage from the hand computation', (id, e) => {
    const r = ind(id);
    expect(r.statut).toBe('calculé');
    expect(r.motif).toBeNull();
    expect(r.repartition).toBeNull();
    expect(r.cible).toBeNull();
    expect(r.valeur).not.toBeNull();
    expect(r.valeur!).toBeCloseTo(e.valeur, 9);
    if (e.n1 === null) expect(r.n1).toBeNull();
    else expect(r.n1!).toBeCloseTo(e.n1, 9);
    expect(Object.keys(r.parPole ?? {}).sort()).toEqual([CDV, RES].sort());
    for (const [pole, v] of [[RES, e.res], [CDV, e.cdv]] as const) {
      if (v === null) expect(r.parPole![pole]).toBeNull();
      else expect(r.parPole![pole]!).toBeCloseTo(v, 9);
    }
    expect(r.couverture).toEqual({ renseignees: e.cov[0], total: e.cov[1] });
  });

  it.each(Object.entries(NON_CALCULABLE))('%s: non calculable, never 0, with its reason', (id, motif) => {
    const r = ind(id);
    expect(r.statut).toBe('non calculable');
    expect(r.valeur).toBeNull();
    expect(r.n1).toBeNull();
    expect(r.motif).toMatch(motif);
    for (const v of Object.values(r.parPole ?? {})) expect(v).toBeNull();
  });

  it('1.1.2-dataviz: no chart written by the file adapter → 0, no N−1, no Pôle value', () => {
    const r = ind('1.1.2-dataviz');
    expect(r.statut).toBe('calculé');
    expect(r.valeur).toBe(0);
    expect(r.n1).toBeNull();
    expect(r.parPole).toEqual({ [RES]: null, [CDV]: null });
  });

  it.each([
    ['5.1.1-fournisseurs-zone', ZONES],
    ['5.1.4-fournisseurs-typologie', SIZES],
  ] as const)('%s: shares of distinct suppliers and of spend by the first row of each supplier', (id, expected) => {
    const r = ind(id);
    expect(r.statut).toBe('calculé');
    expect(r.valeur).toBeNull();
    expect(r.n1).toBeNull();
    expect(r.parPole).toEqual({ [RES]: null, [CDV]: null });
    expect(r.couverture).toEqual(id === '5.1.1-fournisseurs-zone' ? { renseignees: 17, total: 17 } : { renseignees: 14, total: 17 });
    const rep = r.repartition as Record<string, { fournisseurs: number; depense: number }>;
    for (const [cat, [suppliers, spend]] of Object.entries(expected)) {
      const got = rep[cat] ?? { fournisseurs: 0, depense: 0 }; // a category with nothing may be left out
      expect(got.fournisseurs).toBeCloseTo((100 * suppliers) / SUPPLIERS, 9);
      expect(got.depense).toBeCloseTo((100 * spend) / SUM_R_DEP, 9);
    }
    expect(Object.keys(rep).every((k) => k in expected)).toBe(true);
  });

  it('is written back through the xlsx adapter: the export sheet part byte for byte, the same JSON when read again', async () => {
    const book = await openXlsx(input, ERP_FILE);
    const first = runChain([{ file: ERP_FILE, sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: false, today: TODAY });
    await book.writePlan(first.plan);
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    const zin = await JSZip.loadAsync(input);
    const zout = await JSZip.loadAsync(output);
    const before = await zin.file('xl/worksheets/sheet1.xml')!.async('uint8array');
    const after = await zout.file('xl/worksheets/sheet1.xml')!.async('uint8array');
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    // the export's own sheet is still the first one, named as before, and our sheets are under the file's prefix
    const wbXml = await zout.file('xl/workbook.xml')!.async('string');
    const ownSheet = (await zin.file('xl/workbook.xml')!.async('string')).match(/<x:sheet [^>]*\/>/)![0];
    expect(ownSheet).toContain(`name="${ERP_SHEET}"`);
    expect(wbXml).toContain(ownSheet);
    expect(wbXml).toContain('<x:sheet name="SPASER Registre"');
    const again = await run(output);
    expect(again.result).toEqual(out.result);
    expect(JSON.stringify(again.result)).toBe(JSON.stringify(first.result));
  });
});

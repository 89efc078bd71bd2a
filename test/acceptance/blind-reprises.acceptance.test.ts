/**
 * BLIND acceptance test « reprises » (expectations written from the spec and the
 * README only, before reading `src/`): a buyer of the Pôle Culture runs the
 * command line week after week on the SAME workbook; the file written by the
 * program is next week's input.
 *
 *   (1) week 1: `calculer « Pôle Culture 2025.xlsx » --sortie out1.xlsx --json`;
 *   (2) week 2: the buyer edits out1.xlsx in their own sheet (JSZip, on the file
 *       as the program wrote it): two contracts added (rows 16, 17), the amount
 *       of CULT-25-005 corrected (-4 800 → 4 800); `calculer out1.xlsx --sortie
 *       out2.xlsx --json`;
 *   (3) week 3: `calculer out2.xlsx --exercice 2024 --sortie out3.xlsx --json`;
 *   (4) tag decisions through the saved state: the README gives a CLI user no
 *       way to confirm or reject a suggestion (decisions are made in the task
 *       pane's « Étiquettes » step; a hand-edited `SPASER État` is « illisible »
 *       and ignored), so this step is skipped; we only check that the state the
 *       CLI writes reads back with no decision and that suggestions stay open.
 *
 * Day of the run: 2026-01-15 (test io) → dates up to 31/12/2027 are valid.
 *
 * ── Columns (sheet `Registre 2025`, title A1 merged A1:U1, note on row 2, header row 3)
 * Réf. marché=numero, Objet=objet, Pôle=pole (C4:C15 merged « Pôle Culture »,
 * rows 16-17 typed), Service=direction, Procédure=procedure, Notifié le=
 * dateNotification, Durée (mois)=dureeMois, Montant HT=montant, Mandaté=
 * montantMandate, Programmé=programme, Clause sociale=clauseSociale, Clause env.=
 * clauseEnvironnementale, Innovant=marcheInnovant, Titulaire=titulaire, SIRET=
 * siret, Ville=communeTitulaire, CP=codePostalTitulaire, Taille=
 * categorieEntreprise, Observations=commentaires, Nb avenants=nbAvenants,
 * Délai de paiement (jours)=delaiPaiement.
 * Not mapped: nature, horsMarche (→ M = R), codeNomenclature, codeCPV, recurrent,
 * nbAvenantsProlongation, sourcage, coutGlobal, reunionCadrage, nbBilans,
 * montantHorsBPU, offresRecues, ficheSuivi, negociation, gainNegociation,
 * offreTechAmelioree, critereEnvironnemental, montantReemploi/Reutilisation/
 * Recycle, centraleAchat, modeAcquisition, critereSocial, marcheReserve,
 * marcheInsertion, heuresInsertion*, structureTitulaire, paysTitulaire,
 * effectifTitulaire. No Actions, Suivi insertion, Saisies manuelles sheets.
 * `Notes` (table TabCredits, formulas, merges, named range) is neither a
 * register (no 3 fields on a row) nor a companion; `Cibles` is the Cibles sheet.
 *
 * ── The rows, once judged ────────────────────────────────────────────────
 * dep = Mandaté when filled, else Montant HT. Zones (regles §6): Roubaix / MEL
 * (Tourcoing, Lille, Croix, Villeneuve-d'Ascq) / HdF (Dunkerque 59140) / France
 * (Paris 75011, Lyon 69003). Suppliers (§8): by valid SIRET, else by name.
 *
 *  r   numero        date        mt       dep      prog CS CE Inn av délai supplier (zone, size)       controls
 *  r4  CULT-25-001   10/02/2025  18 000   15 000   O    N  O  N   0  25    S1 Imprimerie (Roubaix, PME) —
 *  r5  CULT-25-002   05/03/2025  42 000   40 000   O    O  N  N   1  35    S2 Sonorisation (MEL, TPE)   W delai-paiement-depasse
 *  r6  CULT-25-003   14/04/2025  60 000   60 000   N    N  N  N   2  28    S3 Scènes (MEL, PME)         —
 *  r7  CULT-25-004   20/05/2025  95 000   90 000   O    N  O  N   0  —     S4 Transports (France, GE)   —
 *  r8  CULT-25-005   02/06/2025  -4 800   —        O    O  N  N   0  20    S5 Atelier Bois (Roubaix, TPE) E montant-invalide (week 1)
 *                                 → 4 800 in week 2 (dep 4 800), no control
 *  r9  CULT-25-006   01/07/2025  120 000  30 000   O    O  O  N   1  30    S6 Nettoyage (HdF, ETI)      — (30 is not > 30)
 *  r10 CULT-25-007   15/09/2025  30 000   12 000   N    N  N  O   0  45    S7 Billetterie (France, PME) W siret-invalide, W delai-paiement-depasse
 *  r11 CULT-25-008   03/10/2025  6 500    6 500    N    N  N  N   0  15    S1 (same SIRET)              W suggestion-non-confirmee (env, « recyclé »)
 *  r12 CULT-25-009   12/11/2025  3 200    3 200    N    N  N  N   0  10    S8 Graphisme (MEL by Croix, TPE) W code-postal-invalide (« 5917 »); gré à gré = MSPMC
 *  r13 cult-25-006   08/07/2025  120 000  —        … copy of r9 …                                    E doublon (same numero as r9, same year)
 *  r14 CULT-24-014   11/03/2024  16 000   16 000   O    N  O  N   1  22    S1 (Roubaix, PME)            —
 *  r15 CULT-24-021   18/06/2024  40 000   38 000   N    O  N  N   0  40    S2 (MEL, TPE)                W delai-paiement-depasse
 *  r16 CULT-25-010   01/12/2025  14 000   14 000   O    O  N  N   0  —     S9 Compagnie (Roubaix, TPE), by name  — (week 2+)
 *  r17 CULT-25-011   10/12/2025  25 000   5 000    N    N  N  N   0  18    S10 Numérique Nord (MEL, PME), by name W suggestion-non-confirmee (innov, « expérimentation ») (week 2+)
 *
 * ── Cibles (rows 2-10) ─────────────────────────────────────────────────────
 *  (a) 4.1.2 2025 ≥30  (b) 3.1.1-consideration-env 2025 35 (empty sens = ≥)
 *  (c) 1.1.2-dataviz 2025 ≥3  (d) 2.1.5-delai-paiement 2025 ≤30
 *  (e) 2.2.3-soumissionnaires 2025 (non calculable → not considered)
 *  (f) 5.1.1-fournisseurs-zone 2025 (breakdown → excluded)
 *  (g) 4.1.2 2024 ≥40  (h) 2.1.1-programmes-nb 2024 ≥60  (i) 5.2.1-innovants-nb 2024 ≤5
 *
 * ── Charts (sortie.md): 1 considerations, 2 zones, 3 sizes, (4 insertion: no
 * Suivi insertion), 5 per Pôle (rows carry a pole) → 4 charts in each run, by
 * the letter of sortie.md. CORRECTED after the first run (spec ambiguity, the
 * program's reading kept): the program draws chart 5 only with MORE THAN ONE
 * Pôle (`plan.ts`, unit-tested in `test/domain/plan.test.ts` « no pole chart
 * with one pole »), though it writes `SPASER Pôles` with one; README's
 * « pole vide : le nom du fichier » makes every row carry a pole, so the
 * letter would draw it always. Here one Pôle → 3 charts in each run.
 * The working of every value is next to it in WEEKS below.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/run';
import { openXlsx } from '../../src/workbook/xlsx';
import { capture, tempDir } from '../cli/helpers';
import { sheetLinks } from '../helpers/sheet-links';
import { SPEC_IDS } from './helpers';
import { buildCultureWorkbook, CIBLES_SHEET, NAMED_RANGE, NOTES_SHEET, POLE, REGISTER_SHEET, sheetParts, week2Edits } from './blind-reprises-workbooks';

jest.setTimeout(180_000);

// ── Expectations ─────────────────────────────────────────────────────────

type Rep = Record<string, { fournisseurs: number; depense: number }>;
interface Exp {
  statut: 'calculé' | 'non calculable';
  valeur?: number | null;
  n1?: number | null; // undefined = not asserted
  couv?: [number, number]; // [renseignees, total]
  motif?: RegExp;
  rep?: Rep;
  perPole?: boolean; // parPole[POLE] equals valeur (default true for calculé row indicators)
}

const calc = (valeur: number, n1: number | null, couv: [number, number] | undefined): Exp => ({ statut: 'calculé', valeur, n1, couv });
const nc = (motif: RegExp): Exp => ({ statut: 'non calculable', valeur: null, motif, n1: null });
const COL = /absente/;
const ACTIONS = /Actions/;
const SUIVI = /Suivi insertion/;
const SAISIES = /[Ss]aisies? manuelles?/;

/** Indicators that no register column can give, the same in every run. */
function notComputed(): Record<string, Exp> {
  return {
    '1.2.1-formations': nc(ACTIONS),
    '1.2.1-personnes-formees': nc(ACTIONS),
    '1.2.1-ateliers-evenements': nc(ACTIONS),
    '2.1.1-prolongations-recurrents': nc(COL), // recurrent, nbAvenantsProlongation absent
    '2.1.2-hors-marche-nb': nc(COL),
    '2.1.2-hors-marche-montant': nc(COL),
    '2.1.2-sans-nomenclature-nb': nc(COL),
    '2.1.2-sans-nomenclature-montant': nc(COL),
    '2.1.3-sourcage': nc(COL),
    '2.1.4-cout-global': nc(COL),
    '2.1.5-relation-fournisseur': nc(COL), // reunionCadrage, nbBilans absent
    '2.1.5-reunions': nc(COL),
    '2.2.2-hors-bpu': nc(COL),
    '2.2.3-soumissionnaires': nc(COL), // offresRecues absent (procedure is there)
    '2.2.3-fiches-suivi': nc(COL),
    '2.2.4-dossiers-negocies': nc(COL),
    '2.2.4-gain-negociation': nc(COL),
    '2.2.5-offre-technique-amelioree': nc(COL),
    '3.1.1-criteres-env': nc(COL), // critereEnvironnemental absent
    '3.1.1-reemploi': nc(COL),
    '3.1.1-reutilisation': nc(COL),
    '3.1.1-recycle': nc(COL),
    '3.2.1-fournitures-evitees': nc(SAISIES),
    '3.2.1-mobilier-reemploye': nc(SAISIES),
    '3.2.1-location': nc(COL),
    '3.2.1-achat-usage': nc(COL),
    '3.2.1-centrales': nc(COL),
    '4.2.1-insertion-nb': nc(COL),
    '4.2.1-insertion-montant': nc(COL),
    '4.2.2-heures': nc(/Suivi insertion|absente/), // neither Suivi insertion nor heuresInsertionRealisees
    '4.2.2-personnes': nc(SUIVI),
    '4.2.2-contrats': nc(SUIVI),
    '4.2.2-typologie': nc(SUIVI),
    '4.2.2-femmes': nc(SUIVI),
    '4.2.2-roubaisiens': nc(SUIVI),
    '4.2.2-residents-qpv': nc(SUIVI),
    '4.2.3-reserves': nc(COL),
    '4.2.3-montant-esat-siae-ess': nc(COL),
  };
}

const pct = (a: number, b: number): number => (100 * a) / b;

interface Week {
  exercice: number;
  depense: string;
  lignes: { lues: number; exercice: number; erreurs: number; avertissements: number };
  controls: string[]; // `${ligne} ${gravite} ${code}`
  suggestions: { numero: string; consideration: string; etiquette: string; declencheur: string }[];
  ind: Record<string, Exp>;
}

/*
 * Week 1 — N = 2025 (2025 has 10 dated rows, 2024 has 2). R = r4 r5 r6 r7 r9 r10 r11 r12 (8; r8 montant-invalide,
 * r13 doublon). M = R (no horsMarche column). Σmt = 18000+42000+60000+95000+120000+30000+6500+3200 = 374 700.
 * Σdep = 15000+40000+60000+90000+30000+12000+6500+3200 = 256 700. AR = r4 r5 r7 r9.
 * N−1 = 2024: r14, r15 (both valid). Σmt = 56 000, Σdep = 54 000; AR = r14 r15.
 */
const WEEK1: Week = {
  exercice: 2025,
  depense: 'montantMandate', // r4 uses its Mandaté
  lignes: { lues: 12, exercice: 8, erreurs: 2, avertissements: 4 }, // warnings in R: r5, r10, r11, r12
  controls: [
    '5 avertissement delai-paiement-depasse',
    '8 erreur montant-invalide',
    '10 avertissement siret-invalide',
    '10 avertissement delai-paiement-depasse',
    '11 avertissement suggestion-non-confirmee',
    '12 avertissement code-postal-invalide',
    '13 erreur doublon',
    '15 avertissement delai-paiement-depasse',
  ],
  suggestions: [{ numero: 'CULT-25-008', consideration: 'environnementale', etiquette: 'Clause environnementale', declencheur: 'recyclé' }],
  ind: {
    ...notComputed(),
    // (a) 25 ≥ 30 no; (b) 37.5 ≥ 35 yes; (c) 3 ≥ 3 yes (met when equal); (d) 26.857 ≤ 30 yes; (e) NC, (f) breakdown → 3/4
    '1.1.1-cibles-atteintes': { statut: 'calculé', valeur: 75 },
    '1.1.2-marches-ar': calc(4, 2, [8, 8]), // r4 r5 r7 r9 | 2024: r14 r15
    '1.1.2-avenants-ar': calc(0 + 1 + 0 + 1, 1 + 0, [8, 8]),
    '1.1.2-montant-ar': calc(15000 + 40000 + 90000 + 30000, 16000 + 38000, [8, 8]), // 175 000 | 54 000
    '1.1.2-dataviz': { statut: 'calculé', valeur: 3, n1: null }, // charts 1, 2, 3 (one Pôle: no chart 5)
    '2.1.1-programmes-nb': calc(pct(4, 8), pct(1, 2), [8, 8]), // r4 r5 r7 r9 | r14
    '2.1.1-programmes-montant': calc(pct(18000 + 42000 + 95000 + 120000, 374700), pct(16000, 56000), [8, 8]),
    '2.1.5-delai-paiement': calc((25 + 35 + 28 + 30 + 45 + 15 + 10) / 7, (22 + 40) / 2, [7, 8]), // r7 empty
    '3.1.1-consideration-env': calc(pct(3, 8), pct(1, 2), [8, 8]), // r4 r7 r9 (r11 only suggested) | r14
    '3.1.1-clauses-env': calc(pct(3, 8), pct(1, 2), [8, 8]),
    '4.1.2-consideration-sociale': calc(pct(2, 8), pct(1, 2), [8, 8]), // r5 r9 | r15
    '4.2.2-clause-sociale-nb': calc(2, 1, [8, 8]),
    '4.2.2-clause-sociale-part': calc(pct(2, 8), pct(1, 2), [8, 8]),
    // 7 suppliers: S1 (r4+r11 = 21 500) Roubaix; S2 40 000, S3 60 000, S8 3 200 MEL (103 200); S6 30 000 HdF;
    // S4 90 000, S7 12 000 France (102 000).
    '5.1.1-fournisseurs-zone': {
      statut: 'calculé', valeur: null, couv: [8, 8],
      rep: {
        Roubaix: { fournisseurs: pct(1, 7), depense: pct(21500, 256700) },
        'MEL (hors Roubaix)': { fournisseurs: pct(3, 7), depense: pct(103200, 256700) },
        'Hauts-de-France (hors MEL)': { fournisseurs: pct(1, 7), depense: pct(30000, 256700) },
        'France (hors Hauts-de-France)': { fournisseurs: pct(2, 7), depense: pct(102000, 256700) },
      },
    },
    '5.1.1-montant-moyen-roubaix': calc(21500 / 1, 16000 / 1, [8, 8]),
    // TPE S2 S8 (43 200), PME S1 S3 S7 (93 500), ETI S6 (30 000), GE S4 (90 000)
    '5.1.4-fournisseurs-typologie': {
      statut: 'calculé', valeur: null, couv: [8, 8],
      rep: {
        TPE: { fournisseurs: pct(2, 7), depense: pct(43200, 256700) },
        PME: { fournisseurs: pct(3, 7), depense: pct(93500, 256700) },
        ETI: { fournisseurs: pct(1, 7), depense: pct(30000, 256700) },
        GE: { fournisseurs: pct(1, 7), depense: pct(90000, 256700) },
      },
    },
    '5.2.1-innovants-nb': calc(pct(1, 8), 0, [8, 8]), // r10 | none
    '5.2.1-innovants-montant': calc(pct(30000, 374700), 0, [8, 8]),
  },
};

/*
 * Week 2 — N = 2025. r8 corrected (mt 4 800, dep 4 800, prog O, CS O), r16 and r17 added.
 * R = r4 r5 r6 r7 r8 r9 r10 r11 r12 r16 r17 (11; r13 doublon). Σmt = 374 700 + 4 800 + 14 000 + 25 000 = 418 500.
 * Σdep = 256 700 + 4 800 + 14 000 + 5 000 = 280 500. AR = r4 r5 r7 r8 r9 r16. N−1 unchanged.
 */
const WEEK2: Week = {
  exercice: 2025,
  depense: 'montantMandate',
  lignes: { lues: 14, exercice: 11, erreurs: 1, avertissements: 5 }, // r5, r10, r11, r12, r17
  controls: [
    '5 avertissement delai-paiement-depasse',
    '10 avertissement siret-invalide',
    '10 avertissement delai-paiement-depasse',
    '11 avertissement suggestion-non-confirmee',
    '12 avertissement code-postal-invalide',
    '13 erreur doublon',
    '15 avertissement delai-paiement-depasse',
    '17 avertissement suggestion-non-confirmee',
  ],
  suggestions: [
    { numero: 'CULT-25-008', consideration: 'environnementale', etiquette: 'Clause environnementale', declencheur: 'recyclé' },
    { numero: 'CULT-25-011', consideration: 'innovation', etiquette: 'Marché innovant', declencheur: 'expérimentation' },
  ],
  ind: {
    ...notComputed(),
    // (a) 36.36 ≥ 30 yes; (b) 27.27 ≥ 35 no; (c) 3 ≥ 3 yes; (d) 25.11 ≤ 30 yes → 3/4
    '1.1.1-cibles-atteintes': { statut: 'calculé', valeur: 75 },
    '1.1.2-marches-ar': calc(6, 2, [11, 11]),
    '1.1.2-avenants-ar': calc(0 + 1 + 0 + 0 + 1 + 0, 1, [11, 11]), // r4 r5 r7 r8 r9 r16
    '1.1.2-montant-ar': calc(15000 + 40000 + 90000 + 4800 + 30000 + 14000, 54000, [11, 11]), // 193 800
    '1.1.2-dataviz': { statut: 'calculé', valeur: 3, n1: null }, // charts 1, 2, 3 (one Pôle: no chart 5)
    '2.1.1-programmes-nb': calc(pct(6, 11), pct(1, 2), [11, 11]), // r4 r5 r7 r8 r9 r16
    '2.1.1-programmes-montant': calc(pct(18000 + 42000 + 95000 + 4800 + 120000 + 14000, 418500), pct(16000, 56000), [11, 11]),
    '2.1.5-delai-paiement': calc((25 + 35 + 28 + 20 + 30 + 45 + 15 + 10 + 18) / 9, 31, [9, 11]), // r7, r16 empty
    '3.1.1-consideration-env': calc(pct(3, 11), pct(1, 2), [11, 11]),
    '3.1.1-clauses-env': calc(pct(3, 11), pct(1, 2), [11, 11]),
    '4.1.2-consideration-sociale': calc(pct(4, 11), pct(1, 2), [11, 11]), // r5 r8 r9 r16
    '4.2.2-clause-sociale-nb': calc(4, 1, [11, 11]),
    '4.2.2-clause-sociale-part': calc(pct(4, 11), pct(1, 2), [11, 11]),
    // 10 suppliers: Roubaix S1 S5 S9 (21 500 + 4 800 + 14 000 = 40 300); MEL S2 S3 S8 S10 (103 200 + 5 000 = 108 200);
    // HdF S6 (30 000); France S4 S7 (102 000).
    '5.1.1-fournisseurs-zone': {
      statut: 'calculé', valeur: null, couv: [11, 11],
      rep: {
        Roubaix: { fournisseurs: 30, depense: pct(40300, 280500) },
        'MEL (hors Roubaix)': { fournisseurs: 40, depense: pct(108200, 280500) },
        'Hauts-de-France (hors MEL)': { fournisseurs: 10, depense: pct(30000, 280500) },
        'France (hors Hauts-de-France)': { fournisseurs: 20, depense: pct(102000, 280500) },
      },
    },
    '5.1.1-montant-moyen-roubaix': calc(40300 / 3, 16000, [11, 11]),
    // TPE S2 S8 S5 S9 (43 200 + 4 800 + 14 000 = 62 000), PME S1 S3 S7 S10 (93 500 + 5 000 = 98 500), ETI S6, GE S4
    '5.1.4-fournisseurs-typologie': {
      statut: 'calculé', valeur: null, couv: [11, 11],
      rep: {
        TPE: { fournisseurs: 40, depense: pct(62000, 280500) },
        PME: { fournisseurs: 40, depense: pct(98500, 280500) },
        ETI: { fournisseurs: 10, depense: pct(30000, 280500) },
        GE: { fournisseurs: 10, depense: pct(90000, 280500) },
      },
    },
    '5.2.1-innovants-nb': calc(pct(1, 11), 0, [11, 11]), // r10 (r17 only suggested)
    '5.2.1-innovants-montant': calc(pct(30000, 418500), 0, [11, 11]),
  },
};

/*
 * Week 3 — `--exercice 2024`: R = r14 r15 (Σmt 56 000, Σdep 16 000 + 38 000 = 54 000). No 2023 rows → n1 null.
 */
const WEEK3: Week = {
  exercice: 2024,
  depense: 'montantMandate',
  lignes: { lues: 14, exercice: 2, erreurs: 1, avertissements: 1 }, // r15
  controls: WEEK2.controls, // findings are per row, whatever the exercice
  suggestions: WEEK2.suggestions,
  ind: {
    ...notComputed(),
    // (g) 50 ≥ 40 yes; (h) 50 ≥ 60 no; (i) 0 ≤ 5 yes → 2/3
    '1.1.1-cibles-atteintes': { statut: 'calculé', valeur: pct(2, 3) },
    '1.1.2-marches-ar': calc(2, null, [2, 2]),
    '1.1.2-avenants-ar': calc(1, null, [2, 2]),
    '1.1.2-montant-ar': calc(54000, null, [2, 2]),
    '1.1.2-dataviz': { statut: 'calculé', valeur: 3, n1: null }, // charts 1, 2, 3 (one Pôle: no chart 5)
    '2.1.1-programmes-nb': calc(50, null, [2, 2]),
    '2.1.1-programmes-montant': calc(pct(16000, 56000), null, [2, 2]),
    '2.1.5-delai-paiement': calc(31, null, [2, 2]),
    '3.1.1-consideration-env': calc(50, null, [2, 2]),
    '3.1.1-clauses-env': calc(50, null, [2, 2]),
    '4.1.2-consideration-sociale': calc(50, null, [2, 2]),
    '4.2.2-clause-sociale-nb': calc(1, null, [2, 2]),
    '4.2.2-clause-sociale-part': calc(50, null, [2, 2]),
    '5.1.1-fournisseurs-zone': {
      statut: 'calculé', valeur: null, couv: [2, 2],
      rep: {
        Roubaix: { fournisseurs: 50, depense: pct(16000, 54000) },
        'MEL (hors Roubaix)': { fournisseurs: 50, depense: pct(38000, 54000) },
      },
    },
    '5.1.1-montant-moyen-roubaix': calc(16000, null, [2, 2]),
    '5.1.4-fournisseurs-typologie': {
      statut: 'calculé', valeur: null, couv: [2, 2],
      rep: {
        PME: { fournisseurs: 50, depense: pct(16000, 54000) },
        TPE: { fournisseurs: 50, depense: pct(38000, 54000) },
      },
    },
    '5.2.1-innovants-nb': calc(0, null, [2, 2]),
    '5.2.1-innovants-montant': calc(0, null, [2, 2]),
  },
};

/** Indicators with no Pôle (README « Valeurs par Pôle »): null for each Pôle. */
const NO_POLE = new Set(['1.1.1-cibles-atteintes', '1.1.2-dataviz', '1.2.1-formations', '1.2.1-personnes-formees', '1.2.1-ateliers-evenements', '3.2.1-fournitures-evitees', '3.2.1-mobilier-reemploye', '5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie']);

// ── The runs ─────────────────────────────────────────────────────────────

interface Indicator {
  id: string;
  statut: string;
  valeur: number | null;
  n1: number | null;
  motif: string | null;
  couverture: { renseignees: number; total: number } | null;
  repartition: Rep | null;
  parPole: Record<string, number | null> | null;
  cible: unknown;
}
interface Result {
  exercice: number;
  depense: string;
  lignes: Week['lignes'];
  indicateurs: Indicator[];
  controles: { gravite: string; code: string; feuille: string; ligne: number; colonne: string | null }[];
  suggestions: { numero: string; consideration: string; etiquette: string; declencheur: string; decision: unknown }[];
}

interface Run {
  code: number;
  json: Result;
  stderr: string;
  input: Buffer;
  output: Buffer;
}

const dir = process.env.REPRISES_DIR ?? tempDir();
const runs: Run[] = [];
let original: Buffer;
let edited: { bytes: Buffer; part: string; xml: string };

async function calculer(input: string, output: string, extra: string[] = []): Promise<Run> {
  const inputBytes = fs.readFileSync(path.join(dir, input));
  const c = capture(dir);
  const code = await runCli(['calculer', input, ...extra, '--sortie', output, '--json'], c.io);
  const out = path.join(dir, output);
  return { code, json: JSON.parse(c.stdout()) as Result, stderr: c.stderr(), input: inputBytes, output: fs.existsSync(out) ? fs.readFileSync(out) : Buffer.alloc(0) };
}

beforeAll(async () => {
  original = await buildCultureWorkbook();
  fs.writeFileSync(path.join(dir, 'Pôle Culture 2025.xlsx'), original);
  runs.push(await calculer('Pôle Culture 2025.xlsx', 'out1.xlsx'));
  // Week 2: the buyer opens out1.xlsx, edits their sheet and saves it under the same name.
  edited = await week2Edits(runs[0].output);
  fs.writeFileSync(path.join(dir, 'out1.xlsx'), edited.bytes);
  runs.push(await calculer('out1.xlsx', 'out2.xlsx'));
  runs.push(await calculer('out2.xlsx', 'out3.xlsx', ['--exercice', '2024']));
});

const WEEKS: [string, number, Week][] = [
  ['week 1 (original)', 0, WEEK1],
  ['week 2 (out1 edited)', 1, WEEK2],
  ['week 3 (out2, --exercice 2024)', 2, WEEK3],
];

describe.each(WEEKS)('%s: JSON', (_name, k, week) => {
  it('ran (exit 0) and reads the expected rows', () => {
    const r = runs[k];
    expect(r.code).toBe(0);
    expect(r.json.exercice).toBe(week.exercice);
    expect(r.json.depense).toBe(week.depense);
    expect(r.json.lignes).toEqual(week.lignes);
  });

  it('every row\'s controls', () => {
    const got = runs[k].json.controles.filter((c) => c.feuille === REGISTER_SHEET).map((c) => `${c.ligne} ${c.gravite} ${c.code}`);
    expect(got.sort()).toEqual([...week.controls].sort());
    expect(runs[k].json.controles.filter((c) => c.feuille !== REGISTER_SHEET)).toEqual([]);
    const col = (code: string): (string | null)[] => [...new Set(runs[k].json.controles.filter((c) => c.code === code).map((c) => c.colonne ?? null))];
    expect(col('delai-paiement-depasse')).toEqual(['Délai de paiement (jours)']);
    expect(col('siret-invalide')).toEqual(['SIRET']);
    expect(col('code-postal-invalide')).toEqual(['CP']);
    expect(col('doublon')).toEqual(['Réf. marché']);
    if (k === 0) expect(col('montant-invalide')).toEqual(['Montant HT']);
  });

  it('suggestions stay open (no CLI decision)', () => {
    const got = runs[k].json.suggestions.map((s) => ({ numero: s.numero, consideration: s.consideration, etiquette: s.etiquette, declencheur: s.declencheur }));
    expect(got).toEqual(week.suggestions);
    for (const s of runs[k].json.suggestions) expect(s.decision).toBeNull();
  });

  it('every indicator of the catalogue, in order', () => {
    expect(runs[k].json.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
    expect(Object.keys(week.ind).sort()).toEqual([...SPEC_IDS].sort());
  });

  it.each(SPEC_IDS)('%s', (id) => {
    const got = runs[k].json.indicateurs.find((i) => i.id === id)!;
    const exp = week.ind[id];
    expect({ id, statut: got.statut }).toEqual({ id, statut: exp.statut });
    if (exp.statut === 'non calculable') {
      expect(got.valeur).toBeNull();
      expect(got.motif).toMatch(exp.motif!);
      expect(got.n1).toBeNull();
      return;
    }
    if (exp.valeur === null) expect(got.valeur).toBeNull();
    else expect(got.valeur).toBeCloseTo(exp.valeur!, 9);
    if (exp.n1 === null) expect(got.n1).toBeNull();
    else if (exp.n1 !== undefined) expect(got.n1).toBeCloseTo(exp.n1, 9);
    if (exp.couv) expect(got.couverture).toEqual({ renseignees: exp.couv[0], total: exp.couv[1] });
    if (exp.rep) {
      const rep = got.repartition!;
      for (const [cat, v] of Object.entries(exp.rep)) {
        expect(rep[cat].fournisseurs).toBeCloseTo(v.fournisseurs, 9);
        expect(rep[cat].depense).toBeCloseTo(v.depense, 9);
      }
      for (const [cat, v] of Object.entries(rep)) if (!(cat in exp.rep)) expect([cat, v.fournisseurs, v.depense]).toEqual([cat, 0, 0]);
    }
    // Par Pôle: one Pôle, « Pôle Culture », the same value as the City.
    if (NO_POLE.has(id)) expect(got.parPole?.[POLE] ?? null).toBeNull();
    else expect(got.parPole?.[POLE]).toBeCloseTo(exp.valeur!, 9);
  });
});

// ── The written files ────────────────────────────────────────────────────

const SPASER_SHEETS = ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles', 'SPASER État'];

async function entries(bytes: Uint8Array): Promise<{ zip: JSZip; names: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  return { zip, names: Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort() };
}

/** Every part some relationship points at, resolved to a package path. */
async function relTargets(zip: JSZip, names: string[]): Promise<{ targets: Set<string>; missing: string[] }> {
  const targets = new Set<string>();
  const missing: string[] = [];
  for (const rels of names.filter((n) => n.endsWith('.rels'))) {
    const base = rels.replace(/_rels\/[^/]*\.rels$/, ''); // folder of the source part
    const xml = await zip.file(rels)!.async('string');
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const t = /\bTarget="([^"]+)"/.exec(m[0])![1];
      const resolved = path.posix.normalize(t.startsWith('/') ? t.slice(1) : path.posix.join(base, t));
      targets.add(resolved);
      if (!names.includes(resolved)) missing.push(`${rels} → ${resolved}`);
    }
  }
  return { targets, missing };
}

async function partBytes(zip: JSZip, part: string): Promise<Buffer> {
  return Buffer.from(await zip.file(part)!.async('uint8array'));
}

/** The part and its own relations (and what they point at: the Notes table). */
async function userParts(zip: JSZip, sheet: string): Promise<Map<string, Buffer>> {
  const part = (await sheetParts(zip)).get(sheet)!.part;
  const out = new Map<string, Buffer>([['sheet', await partBytes(zip, part)]]);
  const rels = part.replace(/([^/]+)$/, '_rels/$1.rels');
  if (zip.file(rels)) {
    const xml = await zip.file(rels)!.async('string');
    out.set('rels', Buffer.from(xml));
    for (const m of xml.matchAll(/\bTarget="([^"]+)"/g)) {
      const t = path.posix.normalize(path.posix.join(path.posix.dirname(part), m[1]));
      out.set(`target:${m[1]}`, await partBytes(zip, t));
    }
  }
  return out;
}

describe.each(WEEKS)('%s: written file', (_name, k, week) => {
  it('holds exactly one set of SPASER sheets, the state very hidden, the user sheets first', async () => {
    const { zip } = await entries(runs[k].output);
    const sheets = await sheetParts(zip);
    expect([...sheets.keys()]).toEqual([REGISTER_SHEET, NOTES_SHEET, CIBLES_SHEET, ...SPASER_SHEETS.filter((s) => [...sheets.keys()].includes(s))]);
    expect([...sheets.keys()].filter((s) => s.startsWith('SPASER ')).sort()).toEqual([...SPASER_SHEETS].sort());
    expect(sheets.get('SPASER État')!.state).toBe('veryHidden');
    for (const s of [REGISTER_SHEET, NOTES_SHEET, CIBLES_SHEET]) expect(sheets.get(s)!.state ?? 'visible').toBe('visible');
  });

  it('has no orphan or missing part (tables, drawings, charts), and the same part counts every week', async () => {
    const { zip, names } = await entries(runs[k].output);
    const { targets, missing } = await relTargets(zip, names);
    expect(missing).toEqual([]);
    const orphans = names.filter((n) => n !== '[Content_Types].xml' && !n.endsWith('.rels') && !targets.has(n));
    expect(orphans).toEqual([]);
    // Every part is typed in [Content_Types].xml (by Override or Default extension).
    const ct = await zip.file('[Content_Types].xml')!.async('string');
    const defaults = [...ct.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase());
    const overrides = new Set([...ct.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => m[1].slice(1)));
    for (const n of names) if (n !== '[Content_Types].xml') expect({ n, typed: overrides.has(n) || defaults.includes(n.split('.').pop()!.toLowerCase()) }).toEqual({ n, typed: true });
    for (const o of overrides) expect({ o, present: names.includes(o) }).toEqual({ o, present: true });
    // Re-runs replace, never add: same numbers of tables, drawings, charts as week 1.
    const count = (ns: string[], re: RegExp): number => ns.filter((n) => re.test(n)).length;
    const first = (await entries(runs[0].output)).names;
    for (const re of [/^xl\/tables\/table\d+\.xml$/, /^xl\/drawings\/drawing\d+\.xml$/, /^xl\/charts\/chart\d+\.xml$/, /^xl\/worksheets\/sheet\d+\.xml$/]) {
      expect({ re: re.source, n: count(names, re) }).toEqual({ re: re.source, n: count(first, re) });
    }
    // The user's table is still there, once.
    const tables = await Promise.all(names.filter((n) => /^xl\/tables\//.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(tables.filter((t) => /name="TabCredits"/.test(t))).toHaveLength(1);
  });

  it('1.1.2-dataviz equals the chart parts of this file (3 expected)', async () => {
    const { names } = await entries(runs[k].output);
    const charts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length;
    expect(charts).toBe(week.ind['1.1.2-dataviz'].valeur);
    expect(runs[k].json.indicateurs.find((i) => i.id === '1.1.2-dataviz')!.valeur).toBe(charts);
  });

  it('SPASER État reads back: no column chosen by hand, no decision', async () => {
    const wb = await openXlsx(runs[k].output, `out${k + 1}.xlsx`);
    const state = await wb.readState();
    expect(state).not.toBeNull();
    expect(state!.decisions).toEqual([]);
    expect(state!.mappings).toEqual([]);
  });

  it('keeps the named range and the user sheets part for part', async () => {
    const out = (await entries(runs[k].output)).zip;
    expect(await out.file('xl/workbook.xml')!.async('string')).toMatch(new RegExp(`<definedName name="${NAMED_RANGE}"[^>]*>'?Notes'?!\\$B\\$4:\\$B\\$7</definedName>`));
    const orig = await JSZip.loadAsync(original);
    // Notes (with its table part) and Cibles: as the buyer saved them, every week.
    for (const s of [NOTES_SHEET, CIBLES_SHEET]) {
      const a = await userParts(orig, s);
      const b = await userParts(out, s);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [key, bytes] of a) expect({ s, key, same: bytes.equals(b.get(key)!) }).toEqual({ s, key, same: true });
    }
    // The register: the original in week 1; from week 2 on, the buyer's edited part, byte for byte.
    const reg = (await userParts(out, REGISTER_SHEET)).get('sheet')!;
    const expected = k === 0 ? (await userParts(orig, REGISTER_SHEET)).get('sheet')! : Buffer.from(edited.xml);
    expect(reg.equals(expected)).toBe(true);
  });

  it('the output is not the input, and the input is unchanged', () => {
    const name = ['Pôle Culture 2025.xlsx', 'out1.xlsx', 'out2.xlsx'][k];
    expect(fs.readFileSync(path.join(dir, name)).equals(runs[k].input)).toBe(true);
    expect(runs[k].output.length).toBeGreaterThan(0);
  });
});

describe('week 2 edits were made on the file the program wrote', () => {
  it('only the register part differs between out1 as written and out1 as edited', async () => {
    const a = await entries(runs[0].output);
    const b = await entries(edited.bytes);
    expect(b.names).toEqual(a.names);
    const differ: string[] = [];
    for (const n of a.names) if (!(await partBytes(a.zip, n)).equals(await partBytes(b.zip, n))) differ.push(n);
    expect(differ).toEqual([edited.part]);
  });
});

// ── The SPASER sheets read back (sortie.md « Sheets »), added after the first run, from the spec ──

/*
 * Statut per source row (sortie.md: OK / Avertissement / Erreur), from the controls above.
 * Week 1: r8, r13 Erreur; r5 r10 r11 r12 r15 Avertissement; others OK.
 * Week 2 and 3: r8 corrected → OK; r16 OK; r17 Avertissement (open suggestion).
 */
const STATUTS: Record<number, string>[] = [
  { 4: 'OK', 5: 'Avertissement', 6: 'OK', 7: 'OK', 8: 'Erreur', 9: 'OK', 10: 'Avertissement', 11: 'Avertissement', 12: 'Avertissement', 13: 'Erreur', 14: 'OK', 15: 'Avertissement' },
];
STATUTS.push({ ...STATUTS[0], 8: 'OK', 16: 'OK', 17: 'Avertissement' });
STATUTS.push(STATUTS[1]);

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result);
  return String(v);
}

/** Rows of a table-like sheet under the first row holding `key`, as header → cell. */
function tableRows(ws: ExcelJS.Worksheet, key: string): { row: number; get: (h: string) => ExcelJS.Cell }[] {
  let headerRow = 0;
  for (let r = 1; r <= 10 && !headerRow; r++) ws.getRow(r).eachCell((c) => { if (text(c.value) === key) headerRow = r; });
  expect(headerRow).toBeGreaterThan(0);
  const cols = new Map<string, number>();
  ws.getRow(headerRow).eachCell((c, col) => cols.set(text(c.value), col));
  const out: { row: number; get: (h: string) => ExcelJS.Cell }[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    out.push({ row: r, get: (h: string) => { expect(cols.has(h)).toBe(true); return row.getCell(cols.get(h)!); } });
  }
  return out;
}

describe.each(WEEKS)('%s: SPASER sheets read back', (_name, k, week) => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(runs[k].output as unknown as ArrayBuffer);
  });

  it('no « Attention » on the standard error (the file was recopied part for part, every Cibles row is usable)', () => {
    expect(runs[k].stderr).not.toMatch(/Attention/);
  });

  it('SPASER Registre: one row per source row, the Statut of each', () => {
    const rows = tableRows(wb.getWorksheet('SPASER Registre')!, 'Statut');
    const expected = STATUTS[k];
    expect(rows).toHaveLength(Object.keys(expected).length);
    const got: Record<number, string> = {};
    for (const r of rows) {
      const m = /Registre 2025\D+(\d+)/.exec(text(r.get('Source').value));
      expect(m).not.toBeNull();
      got[Number(m![1])] = text(r.get('Statut').value);
    }
    expect(got).toEqual(expected);
  });

  it('SPASER Contrôles: one row per finding, linked to the cell of `Registre 2025` on that row', async () => {
    const rows = tableRows(wb.getWorksheet('SPASER Contrôles')!, 'Code');
    expect(rows.map((r) => `${text(r.get('Ligne').value)} ${text(r.get('Code').value)}`).sort()).toEqual(week.controls.map((c) => c.replace(/ (erreur|avertissement) /, ' ')).sort());
    // Links read from the part: ExcelJS does not read an in-workbook link written as Excel writes it.
    const written = await sheetLinks(runs[k].output, 'SPASER Contrôles');
    for (const r of rows) {
      expect(text(r.get('Feuille').value)).toBe(REGISTER_SHEET);
      const link = [...written].filter(([address]) => Number(/\d+$/.exec(address)![0]) === r.row).map(([, l]) => l.location ?? '').join('');
      // The source cell is in the written workbook → a link to it, on the row's line.
      expect(link).toMatch(new RegExp(`Registre 2025'?!\\$?[A-Z]+\\$?${text(r.get('Ligne').value)}$`));
    }
  });

  it('SPASER Indicateurs: every id of the catalogue is there', () => {
    const ws = wb.getWorksheet('SPASER Indicateurs')!;
    const ids: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (SPEC_IDS.includes(text(c.value))) ids.push(text(c.value)); }));
    for (const id of SPEC_IDS) expect({ id, n: ids.filter((i) => i === id).length >= 1 }).toEqual({ id, n: true });
  });

  it('the Cibles row of N is carried by its indicator', () => {
    // (a) 2025 ≥ 30 in weeks 1-2, (g) 2024 ≥ 40 in week 3; no target on 4.2.2-clause-sociale-nb.
    const got = runs[k].json.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale')!;
    expect(got.cible).not.toBeNull();
    expect(JSON.stringify(got.cible)).toContain(k === 2 ? '40' : '30');
    expect(runs[k].json.indicateurs.find((i) => i.id === '4.2.2-clause-sociale-nb')!.cible).toBeNull();
  });
});

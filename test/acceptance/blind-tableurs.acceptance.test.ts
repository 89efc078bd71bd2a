/**
 * BLIND acceptance « tableurs » — Pôle workbooks written by other spreadsheet programs (SheetJS in a web
 * app, Apple Numbers, OnlyOffice, a platform's Open XML SDK export) and a Numbers document renamed
 * .xlsx; built in ./blind-tableurs-workbooks.ts (which says which quirk imitates what). Every expected
 * value below was computed BY HAND from `/work/shared/spec/` and the README, before reading src/ and
 * before the first run. Each file is run ALONE: `calculer "<file>" --sortie "<out>" --json`
 * (today = 2026-01-15, the CLI test harness's day), and through the xlsx adapter (`runChain`) for the
 * register's values.
 *
 * ── Reading (regles.md §2; README « Lecture des cellules », « Contrôles ») ──
 *  - a text is a text whatever its storage: shared string (plain or rich-text runs, joined), inline
 *    string, or SheetJS's `t="str"` without formula; a header broken by a line feed reads as one
 *    (« Date de\nnotification »); `t="b"` 1/0 are oui/non; « Oui »/« Non » texts are oui/non;
 *  - serials under numFmtId 14, `dd/mm/yyyy`, `dd/mm/yyyy;@` and `[$-40C]d mmmm yyyy;@` are dates;
 *    `date1904="false"` and `date1904="0"` are the 1900 system (xsd:boolean);
 *  - « 18 500,00 € » (U+00A0) and « 28 750,50 » (U+202F) are amounts; « 45 jours » in the payment
 *    delay column is 45 (README: `jours` read in the column it measures); « 12 000 € TTC » is unreadable
 *    (README: `TTC` makes the cell unreadable) → `montant-invalide` (regles §3: montant unreadable);
 *  - a stored error value (`t="e"` `#N/A` with no formula, or a formula's cached `#DIV/0!`) in a mapped
 *    cell → `valeur-illisible`; « 31/11/2025 » typed as text does not exist → `date-invalide`;
 *  - postal codes typed as numbers are their 5 digits; « Total » / « TOTAL : » rows with no numero are
 *    skipped silently (regles §1, the ending colon ignored).
 *  - Numbers' « Résumé de l'exportation » sheet and OnlyOffice's hidden « Listes » sheet are not
 *    registers (fewer than 3 fields); the Numbers « … - Insertion » sheet is a *Suivi insertion*.
 *  - Warnings are listed on every row read, error rows included (A row 11 repeats row 6's 32-day delay).
 *
 * ── A « Pôle Ressources.xlsx » (SheetJS), sheet « Export marchés », header row 4, rows 5–14 ──
 *  flags P/HM/CS/CE/I = programmé, hors marché, clause sociale, clause env., innovant; offres; délai; heures; CP
 *   5 R-25-001 48 000  MAPA  P . . CE .  3  25  –   59100 Roubaix
 *   6 R-25-002 120 000 AOO   P . CS . .   5  32  400 59170 Croix (MEL)       → delai-paiement-depasse
 *   7 R-25-003 15 000  MAPA  . . . . .   2  28  –   75011 France             → suggestion (« recyclé », env.)
 *   8 R-25-004 36 000  AOO   P . . . .   #N/A 30 –   79000                    → ERROR valeur-illisible
 *   9 R-25-005 2 400   –     . HM . . .  –  20  –   59000 Lille (MEL)        (H)
 *  10 R-25-006 60 000  PN    . . . . I   4  35  –   69003 France             → delai-paiement-depasse
 *  11 R-25-002 (same as row 6, same year)                                      → ERROR doublon (+ délai 32 warning)
 *  12 R-25-008 9 000   MSPMC . . . . .   1  15  –   59100 Roubaix            (not a consultation)
 *  13 R-25-009 −4 500  MAPA  . . . . .   2  10  –   62300                    → ERROR montant-invalide
 *  14 R-25-010 24 000  MAPA  P . CS CE . 3  30  150 59100 Roubaix            (30 is not > 30)
 *  lues 10, erreurs 3 (8, 11, 13); R = {5,6,7,9,10,12,14} = 7; avertissements in R: 6, 7, 10 = 3.
 *  M = R − {9} = 6, ΣM mt = 276 000; H = {9}; ΣR = 278 400; MC = M − {12} = 5.
 *  1.1.2-marches-ar 3 (5, 6, 14) cov 6/6; 1.1.2-montant-ar 48 000+120 000+24 000 = 192 000 cov 7/7;
 *  2.1.1-programmes-nb 3/6 (5, 6, 14); -montant 192 000/276 000; 2.1.2-hors-marche-nb 1/7, -montant 2 400/278 400;
 *  2.1.5-delai-paiement (25+32+28+20+35+15+30)/7 = 185/7 cov 7/7; 2.2.3-soumissionnaires (3+5+2+4+3)/5 = 3.4 cov 5/5;
 *  3.1.1-consideration-env = 3.1.1-clauses-env 2/6 (5, 14); 4.1.2-consideration-sociale 2/6 (6, 14);
 *  4.2.2-clause-sociale-nb 2, -part 2/6; 4.2.2-heures 400+150 = 550 cov 2/6;
 *  5.2.1-innovants-nb 1/6, -montant 60 000/276 000;
 *  5.1.1 zones (7 suppliers by name): Roubaix 3 (5, 12, 14) 81 000; MEL 2 (6, 9) 122 400; France 2 (7, 10) 75 000;
 *  5.1.1-montant-moyen-roubaix 81 000/3 = 27 000 cov 7/7.
 *
 * ── B « Pôle Éducation.xlsx » (Numbers), sheet « Marchés 2025 - Tableau 1 », header row 1, rows 2–10 ──
 *   2 E-25-01 250 000 AOO  P . CS CE .  4  28 Tourcoing (MEL)
 *   3 E-25-02 45 000  MAPA P . CS . .   3  25 Roubaix
 *   4 E-25-03 38 000  MAPA . . . . .    2  40 Dunkerque (no postal code → Inconnue) → delai-paiement-depasse
 *   5 E-25-04 30 000  MAPA . . . . I    3  30 Lille (MEL)
 *   6 E-25-05 52 000  PN   P . . . .    –  22 Villeneuve-d'Ascq (MEL)
 *   7 E-25-06 18 000  MAPA . . CS . .   2  30 Wattrelos (MEL)
 *   8 E-25-07 12 000  « Sans publicité ni mise en concurrence » (MSPMC)  1 20 Roubaix
 *   9 E-25-08 objet empty                                              → ERROR objet-manquant
 *  10 E-25-09 « 31/11/2025 » typed as text                             → ERROR date-invalide
 *  11 footer « Total » with =SUM → not a row.
 *  lues 9, erreurs 2; R = M = rows 2–8 = 7 (no H), ΣM = 445 000; MC = M − {8} = 6.
 *  1.1.2-marches-ar 3 (2, 3, 7); -montant-ar 250 000+45 000+18 000 = 313 000; 2.1.1-programmes-nb 3/7 (2, 3, 6),
 *  -montant 347 000/445 000; 2.1.2-hors-marche-nb 0/7 = 0, -montant 0; 2.1.5-delai-paiement 195/7;
 *  2.2.3-soumissionnaires (4+3+2+3+2)/5 = 2.8 cov 5/6 (row 6 empty); 3.1.1 env = clauses 1/7;
 *  4.1.2 sociale 3/7, clause-sociale-nb 3, -part 3/7; 5.2.1-innovants-nb 1/7, -montant 30 000/445 000.
 *  Suivi insertion (« Marchés 2025 - Insertion »): E-25-01 B-001 F CDDI 350; E-25-01 B-002 H Intérim 210;
 *  E-25-02 B-001 F CDD 120; E-25-09 B-003 H CDI 500 (its contract is in error: not counted, indicateurs.md:
 *  rows matching a contract of M); E-25-06 B-004 – Apprentissage 80.
 *  4.2.2-heures (no heures column: from the sheet) 560+120+80 = 760 cov 3/7; 4.2.2-personnes 3 (B-001, B-002,
 *  B-004); 4.2.2-contrats 4; 4.2.2-typologie 4 {CDDI 1, Intérim 1, CDD 1, Apprentissage 1};
 *  4.2.2-femmes 1/2 = 50 {F 1, H 1}; roubaisiens and residents-qpv non calculable (columns absent).
 *  5.1.1 zones (7 suppliers): Roubaix 2 (3, 8) 57 000; MEL 4 (2, 5, 6, 7) 350 000; Inconnue 1 (4) 38 000;
 *  5.1.1-montant-moyen-roubaix 57 000/2 = 28 500.
 *
 * ── C « Pôle Cadre de vie.xlsx » (OnlyOffice), sheet « Suivi des marchés », header row 4, rows 5–14 ──
 *   5 CV-25-001 180 000 AOO  P . CS . .  4 29 1200 59100   (date under [$-40C]d mmmm yyyy: 22/01/2025)
 *   6 CV-25-002 95 000  AOO  P . . CE .  3 31 –    59290 Wasquehal → delai-paiement-depasse
 *   7 CV-25-003 « 18 500,00 € » MAPA . . . CE . 2 25 – 59000 Lille
 *   8 CV-25-004 22 000  MAPA . . CS . .  3 28 300  59100
 *   9 CV-25-005 6 800   –    . HM . . .  – 18 –    39400 France (H)
 *  10 CV-25-006 40 000  PN   . . . . I   2 30 –    75002 France
 *  11 CV-25-007 14 000  MAPA …  délai =…/COUNT() cached #DIV/0!         → ERROR valeur-illisible
 *  12 CV-25-008 33 000  MAPA P . . . .   3 « 45 jours » – 59100          → delai-paiement-depasse
 *  13 CV-25-009 12 500  MAPA . . . . .   2 20 60   62000 (HdF)          → heures-sans-clause
 *  14 (no numero) Entretien des fontaines                               → ERROR numero-manquant
 *  15 « TOTAL : » → not a row.
 *  lues 10, erreurs 2; R = {5–10, 12, 13} = 8, ΣR = 407 800; H = {9}; M = 7, ΣM = 401 000; MC = M.
 *  1.1.2-marches-ar 4 (5, 6, 7, 8); -montant-ar 180 000+95 000+18 500+22 000 = 315 500; 2.1.1-programmes-nb
 *  3/7 (5, 6, 12), -montant 308 000/401 000; 2.1.2-hors-marche-nb 1/8, -montant 6 800/407 800;
 *  2.1.5-delai-paiement (29+31+25+28+18+30+45+20)/8 = 226/8; 2.2.3-soumissionnaires (4+3+2+3+2+3+2)/7 = 19/7;
 *  3.1.1 env = clauses 2/7 (6, 7); 4.1.2 sociale 2/7 (5, 8), clause-sociale-nb 2, -part 2/7;
 *  4.2.2-heures 1 200+300+60 = 1 560 cov 3/7; 5.2.1-innovants-nb 1/7, -montant 40 000/401 000.
 *  5.1.1 zones (8 suppliers): Roubaix 3 (5, 8, 12) 235 000; MEL 2 (6, 7) 113 500; HdF 1 (13) 12 500;
 *  France 2 (9, 10) 46 800; 5.1.1-montant-moyen-roubaix 235 000/3.
 *
 * ── D « Pôle Solidarités.xlsx » (Open XML SDK, x: prefix, no r), sheet « Mes marchés », header row 4, rows 5–13 ──
 *   5 SOL-2025-01 64 000     AOO  P . CS . .   3 27 900 59100
 *   6 SOL-2025-02 28 750,50  MAPA P . . CE .   2 33 –   59200 Tourcoing → delai-paiement-depasse
 *   7 SOL-2025-03 9 600      MAPA . . . . I    4 21 –   59100
 *   8 SOL-2025-04 4 200      –    . HM . . .   – 12 –   59650 VdA (H)
 *   9 SOL-2025-05 17 300     MAPA . . . . .    2 26 120 59100          → heures-sans-clause
 *  10 SOL-2025-06 55 000     PN   P . CS CE .  3 30 450 62100 (HdF)
 *  11 SOL-2025-07 « 12 000 € TTC »                                      → ERROR montant-invalide
 *  12 SOL-2025-08 3 500      MSPMC                     1 18 –   59000
 *  13 SOL-2025-02 again, notified 12/11/2025 (same year)                → ERROR doublon (conflict)
 *  lues 9, erreurs 2; R = {5–10, 12} = 7, ΣR = 182 350,5; H = {8}; M = 6, ΣM = 178 150,5; MC = M − {12} = 5.
 *  1.1.2-marches-ar 3 (5, 6, 10); -montant-ar 64 000+28 750,5+55 000 = 147 750,5; 2.1.1-programmes-nb 3/6,
 *  -montant 147 750,5/178 150,5; 2.1.2-hors-marche-nb 1/7, -montant 4 200/182 350,5;
 *  2.1.5-delai-paiement (27+33+21+12+26+30+18)/7 = 167/7; 2.2.3-soumissionnaires (3+2+4+2+3)/5 = 2.8;
 *  3.1.1 env = clauses 2/6 (6, 10); 4.1.2 sociale 2/6 (5, 10), clause-sociale-nb 2, -part 2/6;
 *  4.2.2-heures 900+120+450 = 1 470 cov 3/6; 5.2.1-innovants-nb 1/6, -montant 9 600/178 150,5.
 *  5.1.1 zones (7 suppliers): Roubaix 3 (5, 7, 9) 90 900; MEL 3 (6, 8, 12) 36 450,5; HdF 1 (10) 55 000;
 *  5.1.1-montant-moyen-roubaix 90 900/3 = 30 300.
 *
 * ── Every file ──
 *  exercice 2025; depense « montant » (no mandated-spend column); every other indicator non calculable
 *  (its columns are absent; no Cibles, Actions, Saisies manuelles), except 1.1.2-dataviz = the charts the
 *  command line drew: considerations and zones (sizes: no size column; Pôles: one Pôle), plus the insertion
 *  contract types for B → 2, 3, 2, 2.
 *  The output keeps the user's sheets byte for byte (README « Feuilles mises en forme… »: the written
 *  file keeps the user's sheet « octet pour octet »; sortie.md: never touch the user's data) and adds
 *  `SPASER Registre`, `SPASER Contrôles`, `SPASER Indicateurs`; the register sheet lists every row read.
 *
 * ── Part 2, added after the first run of A–E (which matched, but for E's message), written blind too ──
 *
 * ── F « Pôle Culture.xlsx » (Apache POI SXSSF, `<dimension ref="A1"/>`), sheet « Extraction », header row 3, rows 4–12 ──
 *  dep = mandaté when filled, else montant (regles §5): spend « montantMandate » (README: as soon as a valid row of N uses it).
 *  row numero   montant mandaté dep     CS CE  CP     catégorie  SIRET
 *   4 CU-25-01 80 000  62 000  62 000  .  .   59100  PME        valid (Luhn)
 *   5 CU-25-02 25 000  26 500  26 500  .  CE  59000  TPE        valid
 *   6 CU-25-03 40 000  –       40 000  CS .   59100  PME        valid
 *   7 CU-25-04 60 000  55 000  55 000  CS .   75008  GE         valid
 *   8 CU-25-05 30 000  12 000  12 000  .  .   62000  TPE        « 4478912340 » (10 digits) → siret-invalide (supplier by name)
 *   9 CU-25-06 22 000  21 000  21 000  .  CE  59100  ETI        valid
 *  10 CU-25-07 15 000  4 000   4 000   .  .   69002  –          valid
 *  11 CU-24-12 18 000  18 000  (2024: N−1) CS . 59170 Croix PME
 *  12 CU-25-09 date empty                                          → ERROR date-manquante
 *  The rows beyond the stale dimension are read (regles §1: the used range is where the cells are).
 *  lues 9, erreurs 1, R = M = rows 4–10 = 7 (no hors-marché column), avertissements 1 (row 8).
 *  ΣR dep = 220 500. AR = {5, 6, 7, 9}: 1.1.2-marches-ar 4 (n1 1: row 11), 1.1.2-montant-ar 26 500+40 000+55 000+21 000
 *  = 142 500 (n1 18 000); 3.1.1-consideration-env = clauses-env 2/7 (n1 0/1 = 0); 4.1.2 2/7 (n1 100);
 *  4.2.2-clause-sociale-nb 2 (n1 1), -part 2/7 (n1 100).
 *  5.1.1 zones (7 suppliers): Roubaix 3 (4, 6, 9) 123 000; MEL 1 (5) 26 500; HdF 1 (8) 12 000; France 2 (7, 10) 59 000;
 *  5.1.1-montant-moyen-roubaix 123 000/3 = 41 000 (n1: no Roubaix supplier in 2024 → 0/0, null).
 *  5.1.4 sizes: TPE 2 (5, 8) 38 500; PME 2 (4, 6) 102 000; ETI 1 (9) 21 000; GE 1 (7) 55 000; Inconnue 1 (10) 4 000;
 *  coverage 6/7 (row 10 has no size). Charts: considerations, zones, sizes → 3.
 *
 * ── G « Pôle Jeunesse.xlsx » (WPS Office), sheet « Suivi 2025 », title merged on row 1, header row 2, rows 3–10 ──
 *  row numero  montant  CS  réservé   insertion heures structure critère-env procédure commune
 *   3 J-25-01  95 000   ✓   Non       –         600    Autre     –           AOO       Roubaix
 *   4 J-25-02  28 000   –   ESAT      –         –      ESAT      ✓           MAPA      Wattrelos
 *   5 J-25-03  45 000   –   (empty)   ✓         1 500  SIAE      –           MAPA      Roubaix
 *   6 J-25-04  60 000   –   Non       –         80     Autre     –           PN        Lille    → heures-sans-clause
 *   7 J-25-05  18 000   ✓   Non       –         200    Autre     ✓           MAPA      Tourcoing
 *   8 J-25-06  12 000   –   SIAE      –         –      SIAE      –           MSPMC     Roubaix
 *   9 J-25-07  « Oui » in Marché réservé (README: « Oui » alone stays unreadable)   → ERROR valeur-illisible
 *  10 J-25-08  9 000    ✔   Non       –         –      ESS       –           MAPA      Croix   (date under [$-F800]: 06/10/2025)
 *  Empty yes/no = non (regles §2), empty Marché réservé = Non; ✓ and ✔ = oui.
 *  lues 8, erreurs 1, R = M = 7 (ΣR = 267 000), MC = M − {8} = 6, avertissements 1 (row 6).
 *  sociale = {3 CS, 4 ESAT, 5 insertion, 7 CS, 8 SIAE, 10 CS} = 6; env (critère) = {4, 7}; AR = the same 6 rows.
 *  1.1.2-marches-ar 6; -montant-ar 267 000 − 60 000 = 207 000; 3.1.1-consideration-env 2/7 (cov 2/7: critère filled);
 *  3.1.1-criteres-env 2/6 (cov 2/6); 4.1.2 6/7; 4.2.1-insertion-nb 1 (cov 1/7), -montant 45 000;
 *  4.2.2-clause-sociale-nb 3 (cov 3/7: ticked cells), -part 3/7; 4.2.2-heures 600+1 500+80+200 = 2 380 (cov 4/7);
 *  4.2.3-reserves 2 (4, 8; cov 6/7: row 5 empty); 4.2.3-montant-esat-siae-ess 28 000+45 000+12 000+9 000 = 94 000 (cov 7/7);
 *  5.1.1 zones (7 suppliers): Roubaix 3 (3, 5, 8) 152 000; MEL 4 (4, 6, 7, 10) 115 000; montant-moyen-roubaix 152 000/3.
 *  Charts: considerations, zones → 2.
 *
 * ── E « Pôle Sports.xlsx »: a Numbers document renamed ──
 *  exit code 2 (README: « un classeur illisible … pour un format à convertir …: comment le réenregistrer »),
 *  a French message naming the file and saying how to export it from Numbers (Fichier › Exporter vers ›
 *  Excel), no JSON on stdout, no output file left behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ChainOutput } from '../../src/domain/chain';
import { runChain } from '../../src/domain/chain';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { capture, tempDir } from '../cli/helpers';
import {
  calculerJson, chainInput, chartCount, expectBreakdown, expectCliResult, expectIndicator, registerValue, SPEC_IDS,
  type ExpectedIndicator, type JsonIndicator, type JsonRun, type SupplierBreakdown,
} from './helpers';
import {
  buildA, buildB, buildC, buildD, buildE, buildF, buildG, FILE_A, FILE_B, FILE_C, FILE_D, FILE_E, FILE_F, FILE_G,
  SHEET_A, SHEET_B, SHEET_B_INS, SHEET_B_SUMMARY, SHEET_C, SHEET_C_LISTS, SHEET_D, SHEET_F, SHEET_G,
} from './blind-tableurs-workbooks';

const TODAY = '2026-01-15';
const pct = (a: number, b: number): number => (100 * a) / b;

interface Case {
  file: string;
  build: () => Promise<Uint8Array>;
  userSheets: string[];
  lignes: { lues: number; exercice: number; erreurs: number; avertissements: number };
  controls: string[];
  suggestions: string[];
  indicators: Record<string, ExpectedIndicator>;
  zones: SupplierBreakdown;
  zoneCov: { renseignees: number; total: number };
  sizes?: SupplierBreakdown;
  sizeCov?: { renseignees: number; total: number };
  depense?: string;
  charts: number;
  register: [number, string, unknown][];
}

const zone = (f: number, n: number, d: number, total: number) => ({ fournisseurs: pct(f, n), depense: pct(d, total) });

const CASES: Case[] = [
  {
    file: FILE_A,
    build: buildA,
    userSheets: [SHEET_A],
    lignes: { lues: 10, exercice: 7, erreurs: 3, avertissements: 3 },
    controls: [
      '6|avertissement|delai-paiement-depasse', '7|avertissement|suggestion-non-confirmee', '8|erreur|valeur-illisible',
      '10|avertissement|delai-paiement-depasse', '11|avertissement|delai-paiement-depasse', '11|erreur|doublon', '13|erreur|montant-invalide',
    ].map((s) => `${SHEET_A}|${s}`),
    suggestions: ['R-25-003|environnementale'],
    indicators: {
      '1.1.2-marches-ar': { valeur: 3, cov: { renseignees: 6, total: 6 } },
      '1.1.2-montant-ar': { valeur: 192000, cov: { renseignees: 7, total: 7 } },
      '2.1.1-programmes-nb': { valeur: pct(3, 6), cov: { renseignees: 6, total: 6 } },
      '2.1.1-programmes-montant': { valeur: pct(192000, 276000) },
      '2.1.2-hors-marche-nb': { valeur: pct(1, 7), cov: { renseignees: 7, total: 7 } },
      '2.1.2-hors-marche-montant': { valeur: pct(2400, 278400) },
      '2.1.5-delai-paiement': { valeur: 185 / 7, cov: { renseignees: 7, total: 7 } },
      '2.2.3-soumissionnaires': { valeur: 17 / 5, cov: { renseignees: 5, total: 5 } },
      '3.1.1-consideration-env': { valeur: pct(2, 6), cov: { renseignees: 6, total: 6 } },
      '3.1.1-clauses-env': { valeur: pct(2, 6), cov: { renseignees: 6, total: 6 } },
      '4.1.2-consideration-sociale': { valeur: pct(2, 6), cov: { renseignees: 6, total: 6 } },
      '4.2.2-clause-sociale-nb': { valeur: 2 },
      '4.2.2-clause-sociale-part': { valeur: pct(2, 6) },
      '4.2.2-heures': { valeur: 550, cov: { renseignees: 2, total: 6 } },
      '5.1.1-montant-moyen-roubaix': { valeur: 27000, cov: { renseignees: 7, total: 7 } },
      '5.2.1-innovants-nb': { valeur: pct(1, 6), cov: { renseignees: 6, total: 6 } },
      '5.2.1-innovants-montant': { valeur: pct(60000, 276000) },
      '1.1.2-dataviz': { valeur: 2 },
    },
    zones: {
      Roubaix: zone(3, 7, 81000, 278400),
      'MEL (hors Roubaix)': zone(2, 7, 122400, 278400),
      'France (hors Hauts-de-France)': zone(2, 7, 75000, 278400),
    },
    zoneCov: { renseignees: 7, total: 7 },
    charts: 2,
    register: [
      [5, 'numero', 'R-25-001'], [5, 'dateNotification', '2025-02-10'], [5, 'montant', 48000], [5, 'clauseSociale', 'non'],
      [5, 'clauseEnvironnementale', 'oui'], [5, 'codePostalTitulaire', '59100'], [9, 'horsMarche', 'oui'],
      [10, 'marcheInnovant', 'oui'], [10, 'procedure', 'Procédure avec négociation'], [14, 'heuresInsertionRealisees', 150],
    ],
  },
  {
    file: FILE_B,
    build: buildB,
    userSheets: [SHEET_B_SUMMARY, SHEET_B, SHEET_B_INS],
    lignes: { lues: 9, exercice: 7, erreurs: 2, avertissements: 1 },
    controls: ['4|avertissement|delai-paiement-depasse', '9|erreur|objet-manquant', '10|erreur|date-invalide'].map((s) => `${SHEET_B}|${s}`),
    suggestions: [],
    indicators: {
      '1.1.2-marches-ar': { valeur: 3, cov: { renseignees: 7, total: 7 } },
      '1.1.2-montant-ar': { valeur: 313000, cov: { renseignees: 7, total: 7 } },
      '2.1.1-programmes-nb': { valeur: pct(3, 7), cov: { renseignees: 7, total: 7 } },
      '2.1.1-programmes-montant': { valeur: pct(347000, 445000) },
      '2.1.2-hors-marche-nb': { valeur: 0, cov: { renseignees: 7, total: 7 } },
      '2.1.2-hors-marche-montant': { valeur: 0 },
      '2.1.5-delai-paiement': { valeur: 195 / 7, cov: { renseignees: 7, total: 7 } },
      '2.2.3-soumissionnaires': { valeur: 14 / 5, cov: { renseignees: 5, total: 6 } },
      '3.1.1-consideration-env': { valeur: pct(1, 7), cov: { renseignees: 7, total: 7 } },
      '3.1.1-clauses-env': { valeur: pct(1, 7), cov: { renseignees: 7, total: 7 } },
      '4.1.2-consideration-sociale': { valeur: pct(3, 7), cov: { renseignees: 7, total: 7 } },
      '4.2.2-clause-sociale-nb': { valeur: 3 },
      '4.2.2-clause-sociale-part': { valeur: pct(3, 7) },
      '4.2.2-heures': { valeur: 760, cov: { renseignees: 3, total: 7 } },
      '4.2.2-personnes': { valeur: 3 },
      '4.2.2-contrats': { valeur: 4 },
      '4.2.2-typologie': { valeur: 4 },
      '4.2.2-femmes': { valeur: 50 },
      '5.1.1-montant-moyen-roubaix': { valeur: 28500, cov: { renseignees: 7, total: 7 } },
      '5.2.1-innovants-nb': { valeur: pct(1, 7), cov: { renseignees: 7, total: 7 } },
      '5.2.1-innovants-montant': { valeur: pct(30000, 445000) },
      '1.1.2-dataviz': { valeur: 3 },
    },
    zones: {
      Roubaix: zone(2, 7, 57000, 445000),
      'MEL (hors Roubaix)': zone(4, 7, 350000, 445000),
      Inconnue: zone(1, 7, 38000, 445000),
    },
    zoneCov: { renseignees: 7, total: 7 },
    charts: 3,
    register: [
      [2, 'dateNotification', '2025-01-15'], [2, 'montant', 250000], [2, 'clauseSociale', 'oui'], [2, 'communeTitulaire', 'Tourcoing'],
      [4, 'clauseSociale', 'non'], [5, 'marcheInnovant', 'oui'], [8, 'procedure', 'Marché passé sans publicité ni mise en concurrence préalable'],
    ],
  },
  {
    file: FILE_C,
    build: buildC,
    userSheets: [SHEET_C, SHEET_C_LISTS],
    lignes: { lues: 10, exercice: 8, erreurs: 2, avertissements: 3 },
    controls: [
      '6|avertissement|delai-paiement-depasse', '11|erreur|valeur-illisible', '12|avertissement|delai-paiement-depasse',
      '13|avertissement|heures-sans-clause', '14|erreur|numero-manquant',
    ].map((s) => `${SHEET_C}|${s}`),
    suggestions: [],
    indicators: {
      '1.1.2-marches-ar': { valeur: 4, cov: { renseignees: 7, total: 7 } },
      '1.1.2-montant-ar': { valeur: 315500, cov: { renseignees: 8, total: 8 } },
      '2.1.1-programmes-nb': { valeur: pct(3, 7), cov: { renseignees: 7, total: 7 } },
      '2.1.1-programmes-montant': { valeur: pct(308000, 401000) },
      '2.1.2-hors-marche-nb': { valeur: pct(1, 8), cov: { renseignees: 8, total: 8 } },
      '2.1.2-hors-marche-montant': { valeur: pct(6800, 407800) },
      '2.1.5-delai-paiement': { valeur: 226 / 8, cov: { renseignees: 8, total: 8 } },
      '2.2.3-soumissionnaires': { valeur: 19 / 7, cov: { renseignees: 7, total: 7 } },
      '3.1.1-consideration-env': { valeur: pct(2, 7), cov: { renseignees: 7, total: 7 } },
      '3.1.1-clauses-env': { valeur: pct(2, 7), cov: { renseignees: 7, total: 7 } },
      '4.1.2-consideration-sociale': { valeur: pct(2, 7), cov: { renseignees: 7, total: 7 } },
      '4.2.2-clause-sociale-nb': { valeur: 2 },
      '4.2.2-clause-sociale-part': { valeur: pct(2, 7) },
      '4.2.2-heures': { valeur: 1560, cov: { renseignees: 3, total: 7 } },
      '5.1.1-montant-moyen-roubaix': { valeur: 235000 / 3, cov: { renseignees: 8, total: 8 } },
      '5.2.1-innovants-nb': { valeur: pct(1, 7), cov: { renseignees: 7, total: 7 } },
      '5.2.1-innovants-montant': { valeur: pct(40000, 401000) },
      '1.1.2-dataviz': { valeur: 2 },
    },
    zones: {
      Roubaix: zone(3, 8, 235000, 407800),
      'MEL (hors Roubaix)': zone(2, 8, 113500, 407800),
      'Hauts-de-France (hors MEL)': zone(1, 8, 12500, 407800),
      'France (hors Hauts-de-France)': zone(2, 8, 46800, 407800),
    },
    zoneCov: { renseignees: 8, total: 8 },
    charts: 2,
    register: [
      [5, 'dateNotification', '2025-01-22'], [6, 'dateNotification', '2025-02-14'], [7, 'montant', 18500], [5, 'clauseSociale', 'oui'],
      [6, 'clauseSociale', 'non'], [12, 'delaiPaiement', 45], [12, 'codePostalTitulaire', '59100'], [9, 'horsMarche', 'oui'],
    ],
  },
  {
    file: FILE_D,
    build: buildD,
    userSheets: [SHEET_D],
    lignes: { lues: 9, exercice: 7, erreurs: 2, avertissements: 2 },
    controls: [
      '6|avertissement|delai-paiement-depasse', '9|avertissement|heures-sans-clause', '11|erreur|montant-invalide', '13|erreur|doublon',
    ].map((s) => `${SHEET_D}|${s}`),
    suggestions: [],
    indicators: {
      '1.1.2-marches-ar': { valeur: 3, cov: { renseignees: 6, total: 6 } },
      '1.1.2-montant-ar': { valeur: 147750.5, cov: { renseignees: 7, total: 7 } },
      '2.1.1-programmes-nb': { valeur: pct(3, 6), cov: { renseignees: 6, total: 6 } },
      '2.1.1-programmes-montant': { valeur: pct(147750.5, 178150.5) },
      '2.1.2-hors-marche-nb': { valeur: pct(1, 7), cov: { renseignees: 7, total: 7 } },
      '2.1.2-hors-marche-montant': { valeur: pct(4200, 182350.5) },
      '2.1.5-delai-paiement': { valeur: 167 / 7, cov: { renseignees: 7, total: 7 } },
      '2.2.3-soumissionnaires': { valeur: 14 / 5, cov: { renseignees: 5, total: 5 } },
      '3.1.1-consideration-env': { valeur: pct(2, 6), cov: { renseignees: 6, total: 6 } },
      '3.1.1-clauses-env': { valeur: pct(2, 6), cov: { renseignees: 6, total: 6 } },
      '4.1.2-consideration-sociale': { valeur: pct(2, 6), cov: { renseignees: 6, total: 6 } },
      '4.2.2-clause-sociale-nb': { valeur: 2 },
      '4.2.2-clause-sociale-part': { valeur: pct(2, 6) },
      '4.2.2-heures': { valeur: 1470, cov: { renseignees: 3, total: 6 } },
      '5.1.1-montant-moyen-roubaix': { valeur: 30300, cov: { renseignees: 7, total: 7 } },
      '5.2.1-innovants-nb': { valeur: pct(1, 6), cov: { renseignees: 6, total: 6 } },
      '5.2.1-innovants-montant': { valeur: pct(9600, 178150.5) },
      '1.1.2-dataviz': { valeur: 2 },
    },
    zones: {
      Roubaix: zone(3, 7, 90900, 182350.5),
      'MEL (hors Roubaix)': zone(3, 7, 36450.5, 182350.5),
      'Hauts-de-France (hors MEL)': zone(1, 7, 55000, 182350.5),
    },
    zoneCov: { renseignees: 7, total: 7 },
    charts: 2,
    register: [
      [5, 'numero', 'SOL-2025-01'], [6, 'montant', 28750.5], [6, 'dateNotification', '2025-02-03'], [6, 'clauseEnvironnementale', 'oui'],
      [6, 'programme', 'oui'], [8, 'horsMarche', 'oui'], [12, 'codePostalTitulaire', '59000'], [10, 'heuresInsertionRealisees', 450],
    ],
  },
  {
    file: FILE_F,
    build: buildF,
    userSheets: [SHEET_F],
    lignes: { lues: 9, exercice: 7, erreurs: 1, avertissements: 1 },
    controls: ['8|avertissement|siret-invalide', '12|erreur|date-manquante'].map((s) => `${SHEET_F}|${s}`),
    suggestions: [],
    depense: 'montantMandate',
    indicators: {
      '1.1.2-marches-ar': { valeur: 4, n1: 1, cov: { renseignees: 7, total: 7 } },
      '1.1.2-montant-ar': { valeur: 142500, n1: 18000, cov: { renseignees: 7, total: 7 } },
      '3.1.1-consideration-env': { valeur: pct(2, 7), n1: 0, cov: { renseignees: 7, total: 7 } },
      '3.1.1-clauses-env': { valeur: pct(2, 7), n1: 0, cov: { renseignees: 7, total: 7 } },
      '4.1.2-consideration-sociale': { valeur: pct(2, 7), n1: 100, cov: { renseignees: 7, total: 7 } },
      '4.2.2-clause-sociale-nb': { valeur: 2, n1: 1 },
      '4.2.2-clause-sociale-part': { valeur: pct(2, 7), n1: 100 },
      '5.1.1-montant-moyen-roubaix': { valeur: 41000, n1: null, cov: { renseignees: 7, total: 7 } },
      '1.1.2-dataviz': { valeur: 3 },
    },
    zones: {
      Roubaix: zone(3, 7, 123000, 220500),
      'MEL (hors Roubaix)': zone(1, 7, 26500, 220500),
      'Hauts-de-France (hors MEL)': zone(1, 7, 12000, 220500),
      'France (hors Hauts-de-France)': zone(2, 7, 59000, 220500),
    },
    zoneCov: { renseignees: 7, total: 7 },
    sizes: {
      TPE: zone(2, 7, 38500, 220500),
      PME: zone(2, 7, 102000, 220500),
      ETI: zone(1, 7, 21000, 220500),
      GE: zone(1, 7, 55000, 220500),
      Inconnue: zone(1, 7, 4000, 220500),
    },
    sizeCov: { renseignees: 6, total: 7 },
    charts: 3,
    register: [
      [4, 'montantMandate', 62000], [6, 'montantMandate', null], [8, 'siret', '4478912340'], [10, 'categorieEntreprise', null],
      [5, 'dateNotification', '2025-02-05'], [12, 'montant', 12000], [11, 'dateNotification', '2024-12-15'],
    ],
  },
  {
    file: FILE_G,
    build: buildG,
    userSheets: [SHEET_G],
    lignes: { lues: 8, exercice: 7, erreurs: 1, avertissements: 1 },
    controls: ['6|avertissement|heures-sans-clause', '9|erreur|valeur-illisible'].map((s) => `${SHEET_G}|${s}`),
    suggestions: [],
    indicators: {
      '1.1.2-marches-ar': { valeur: 6 },
      '1.1.2-montant-ar': { valeur: 207000 },
      '3.1.1-consideration-env': { valeur: pct(2, 7), cov: { renseignees: 2, total: 7 } },
      '3.1.1-criteres-env': { valeur: pct(2, 6), cov: { renseignees: 2, total: 6 } },
      '4.1.2-consideration-sociale': { valeur: pct(6, 7) },
      '4.2.1-insertion-nb': { valeur: 1, cov: { renseignees: 1, total: 7 } },
      '4.2.1-insertion-montant': { valeur: 45000 },
      '4.2.2-clause-sociale-nb': { valeur: 3, cov: { renseignees: 3, total: 7 } },
      '4.2.2-clause-sociale-part': { valeur: pct(3, 7) },
      '4.2.2-heures': { valeur: 2380, cov: { renseignees: 4, total: 7 } },
      '4.2.3-reserves': { valeur: 2, cov: { renseignees: 6, total: 7 } },
      '4.2.3-montant-esat-siae-ess': { valeur: 94000, cov: { renseignees: 7, total: 7 } },
      '5.1.1-montant-moyen-roubaix': { valeur: 152000 / 3, cov: { renseignees: 7, total: 7 } },
      '1.1.2-dataviz': { valeur: 2 },
    },
    zones: {
      Roubaix: zone(3, 7, 152000, 267000),
      'MEL (hors Roubaix)': zone(4, 7, 115000, 267000),
    },
    zoneCov: { renseignees: 7, total: 7 },
    charts: 2,
    register: [
      [3, 'dateNotification', '2025-01-13'], [10, 'dateNotification', '2025-10-06'], [3, 'clauseSociale', 'oui'],
      // MY MISTAKE at the first run of part 2: I wrote 'non' for this empty cell. regles.md §2 says « An empty
      // booléen counts as non in every indicator », not that the register holds « non »: the register keeps the cell
      // empty (coverage counts filled cells, 3/7 above, which needs empty and non told apart).
      [4, 'clauseSociale', null],
      [4, 'marcheReserve', 'ESAT/EA'], [5, 'marcheInsertion', 'oui'], [10, 'clauseSociale', 'oui'], [3, 'montant', 95000],
      [4, 'structureTitulaire', 'ESAT'], [4, 'critereEnvironnemental', 'oui'],
    ],
  },
];

/** Sheet name → bytes of its worksheet part, found through the workbook and its relationships (any prefix). */
async function sheetParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])![1].replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const id = /\br:id="([^"]+)"/.exec(m[0])![1];
    const f = zip.file(target.get(id)!);
    out.set(name, f ? await f.async('string') : '(missing part)');
  }
  return out;
}

for (const k of CASES) {
  describe(`blind tableurs: ${k.file}`, () => {
    let bytes: Uint8Array;
    let chain: ChainOutput;
    let run: JsonRun;
    let dir: string;
    let outFile: string;
    beforeAll(async () => {
      bytes = await k.build();
      chain = runChain([await chainInput(k.file, bytes)], { today: TODAY, writesCharts: false });
      dir = tempDir();
      fs.writeFileSync(path.join(dir, k.file), bytes);
      outFile = path.join(dir, 'sortie.xlsx');
      run = await calculerJson(dir, k.file, 'sortie.xlsx');
    });
    const ind = (id: string): JsonIndicator => {
      const r = run.result.indicateurs.find((i) => i.id === id);
      if (!r) throw new Error(`indicator ${id} missing`);
      return r as unknown as JsonIndicator;
    };

    test('exit code 0; exercice 2025, spend, lignes', () => {
      expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.result.exercice).toBe(2025);
      expect(run.result.depense).toBe(k.depense ?? 'montant');
      expect(run.result.lignes).toEqual(k.lignes);
    });

    test('controls: every row, every code', () => {
      const got = run.result.controles.map((c) => `${c.feuille}|${c.ligne}|${c.gravite}|${c.code}`).sort();
      expect(got).toEqual([...k.controls].sort());
      for (const c of run.result.controles) expect(c.source).toBe(k.file);
    });

    test('suggestions', () => {
      expect(run.result.suggestions.map((s) => `${s.numero}|${s.consideration}`).sort()).toEqual(k.suggestions);
    });

    test('register values read through the xlsx adapter', () => {
      for (const [row, field, want] of k.register) expect({ row, field, v: registerValue(chain, row, field) }).toEqual({ row, field, v: want });
    });

    test('every indicator of the catalogue, in order', () => {
      expect(run.result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
      for (const id of SPEC_IDS) {
        if (id === '5.1.1-fournisseurs-zone' || (id === '5.1.4-fournisseurs-typologie' && k.sizes)) continue;
        expectIndicator(ind(id), k.indicators[id] ?? { nc: /./ }, []);
      }
    });

    test('5.1.1-fournisseurs-zone', () => {
      const i = ind('5.1.1-fournisseurs-zone');
      expectBreakdown(i, k.zones);
      expect(i.couverture).toEqual(k.zoneCov);
    });

    if (k.sizes) {
      test('5.1.4-fournisseurs-typologie', () => {
        const i = ind('5.1.4-fournisseurs-typologie');
        expectBreakdown(i, k.sizes!);
        expect(i.couverture).toEqual(k.sizeCov);
      });
    }

    test('the JSON is the chain result; 1.1.2-dataviz counts the charts drawn', () => {
      expect(chartCount(outFile)).toBe(k.charts);
      expectCliResult(run.result as never, chain.result, outFile);
    });

    test('written workbook: SPASER sheets added, the user sheets byte for byte', async () => {
      const before = await sheetParts(bytes);
      const after = await sheetParts(new Uint8Array(fs.readFileSync(outFile)));
      expect([...before.keys()]).toEqual(k.userSheets);
      for (const name of ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']) expect({ name, present: after.has(name) }).toEqual({ name, present: true });
      for (const name of k.userSheets) expect({ name, same: after.get(name) === before.get(name) }).toEqual({ name, same: true });
      // the input file is never written
      expect(Buffer.from(fs.readFileSync(path.join(dir, k.file))).equals(Buffer.from(bytes))).toBe(true);
    });

    // Added after the first runs (checked by hand first): sortie.md « A re-run replaces the add-in's own sheets and
    // gives the same result for the same input », on the package each program wrote plus our sheets.
    test('the written workbook recomputed gives the same result', async () => {
      const again = await calculerJson(dir, 'sortie.xlsx', 'sortie2.xlsx');
      expect(again.code).toBe(0);
      const strip = (r: JsonRun['result']) => ({ ...r, controles: r.controles.map((c) => ({ ...c, source: '' })), indicateurs: r.indicateurs.map((i) => ({ ...i, parPole: null })) });
      expect(strip(again.result)).toEqual(strip(run.result));
    });

    test('written workbook read back: one register row per row read', async () => {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(fs.readFileSync(outFile) as unknown as ExcelJS.Buffer);
      } catch {
        // ExcelJS alone cannot read a prefixed (x:) package: the product's own reader is used instead.
        const { openXlsx } = await import('../../src/workbook/xlsx');
        const sheets = await (await openXlsx(new Uint8Array(fs.readFileSync(outFile)), 'sortie.xlsx')).readSheets();
        const reg = sheets.find((s) => s.name === 'SPASER Registre');
        expect(reg).toBeDefined();
        return;
      }
      const ws = wb.getWorksheet('SPASER Registre')!;
      const { registerRows } = await import('./helpers');
      const rows = registerRows(ws);
      expect(rows.length).toBe(k.lignes.lues);
    });
  });
}

describe('blind tableurs: a Numbers document renamed .xlsx', () => {
  test('exit code 2, a French message that names the file and says how to export it, nothing written', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, FILE_E), await buildE());
    const run = await calculerJson(dir, FILE_E, 'sortie.xlsx');
    expect(run.code).toBe(2);
    expect(run.result).toBeNull();
    expect(run.stderr).toContain(FILE_E);
    expect(run.stderr).toMatch(/Numbers/);
    expect(run.stderr).toMatch(/Exporter/);
    expect(run.stderr).not.toMatch(/\b(the|file|error|invalid|corrupted)\b/i);
    expect(fs.readdirSync(dir)).toEqual([FILE_E]);
  });
});

/*
 * Variants added after the recipe's runs (checked by hand with the command line first, expectations computed by hand):
 *  - D with its « Montant attribué HT » header and SOL-2025-01's objet written as inline rich-text runs
 *    (`<x:is><x:r>…</x:r><x:r>…</x:r></x:is>`, as .NET exporters write formatted text): the same result as D;
 *    the objet reads joined, « Accompagnement des publics en difficulté ».
 *  - A with two payment delays stored as an empty value and no formula (`<c r="L5"><v/></c>`, `<c r="L7" t="n"><v></v></c>`,
 *    as hand-written generators do for a missing number): those cells are empty (regles §2: missing, left out of
 *    averages): 2.1.5-delai-paiement = (32+20+35+15+30)/5 = 26.4, couverture 5/7; the rest as A.
 */
describe('blind tableurs: variants of D and A', () => {
  const patch = async (bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const changed = edit(xml);
    expect(changed).not.toBe(xml);
    zip.file('xl/worksheets/sheet1.xml', changed);
    return zip.generateAsync({ type: 'uint8array' });
  };

  test('D with rich-text inline strings reads as D', async () => {
    const bytes = await patch(await buildD(), (x) =>
      x
        .replace('<x:c t="inlineStr"><x:is><x:t>Montant attribué HT</x:t></x:is></x:c>', '<x:c t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Montant </x:t></x:r><x:r><x:t>attribué HT</x:t></x:r></x:is></x:c>')
        .replace('<x:c t="inlineStr"><x:is><x:t>Accompagnement des publics en difficulté</x:t></x:is></x:c>', '<x:c t="inlineStr"><x:is><x:r><x:rPr><x:i/></x:rPr><x:t xml:space="preserve">Accompagnement </x:t></x:r><x:r><x:t>des publics en difficulté</x:t></x:r></x:is></x:c>'));
    const plain = runChain([await chainInput(FILE_D, await buildD())], { today: TODAY, writesCharts: false });
    const rich = runChain([await chainInput(FILE_D, bytes)], { today: TODAY, writesCharts: false });
    expect(registerValue(rich, 5, 'objet')).toBe('Accompagnement des publics en difficulté');
    expect(registerValue(rich, 6, 'montant')).toBe(28750.5);
    expect(rich.result).toEqual(plain.result);
  });

  test('A with empty stored values reads them as empty', async () => {
    const bytes = await patch(await buildA(), (x) => x.replace('<c r="L5"><v>25</v></c>', '<c r="L5"><v/></c>').replace('<c r="L7"><v>28</v></c>', '<c r="L7" t="n"><v></v></c>'));
    const out = runChain([await chainInput(FILE_A, bytes)], { today: TODAY, writesCharts: false });
    expect(registerValue(out, 5, 'delaiPaiement')).toBeNull();
    expect(registerValue(out, 7, 'delaiPaiement')).toBeNull();
    const d = out.result.indicateurs.find((i) => i.id === '2.1.5-delai-paiement')!;
    expectIndicator(d as unknown as JsonIndicator, { valeur: 132 / 5, cov: { renseignees: 5, total: 7 } }, []);
    expect(out.result.lignes).toEqual({ lues: 10, exercice: 7, erreurs: 3, avertissements: 3 });
  });
});

/*
 * The project lead consolidates the six programs' files (written blind, before its first run):
 * `calculer A B C D F G --sortie Consolidation.xlsx --json`. No numero is shared between files.
 *  lignes: lues 10+9+10+9+9+8 = 55; erreurs 3+2+2+2+1+1 = 11; exercice 7+7+8+7+7+7 = 43; avertissements 3+1+3+2+1+1 = 11.
 *  depense « montantMandate » (F's valid rows of 2025 use it). Pôles: the file names.
 *  1.1.2-marches-ar 3+3+4+3+4+6 = 23; 4.1.2-consideration-sociale (2+3+2+2+2+6)/(6+7+7+6+7+7) = 17/40, per Pôle each
 *  file's own value, coverage 40/40 (every sheet has a social column, every contract has one filled: G's empty
 *  boxes sit beside a filled « Marché réservé » or « Marché d'insertion »).
 *  4.2.2-heures: A 550 + B 760 (Suivi insertion) + C 1 560 + D 1 470 + G 2 380 = 6 720 (F has neither source);
 *  coverage 2+3+3+3+4 = 15 contracts with hours over the 40 contracts of M.
 *  5.1.4-fournisseurs-typologie: only F's sheet has a size column (regles §2: absent is unknown, not empty), so the
 *  breakdown is F's: TPE 2/7 and 38 500/220 500, PME 2/7 and 102 000, ETI 1/7 and 21 000, GE 1/7 and 55 000,
 *  Inconnue 1/7 and 4 000; coverage 6 of the 43 rows of R.
 *  5.1.1-montant-moyen-roubaix: Roubaix suppliers, all distinct: A 3 (81 000), B 2 (57 000), C 3 (235 000), D 3 (90 900),
 *  F 3 (123 000), G 3 (152 000) → 738 900 / 17.
 */
describe('blind tableurs: the six files consolidated', () => {
  const FILES: [string, () => Promise<Uint8Array>][] = [[FILE_A, buildA], [FILE_B, buildB], [FILE_C, buildC], [FILE_D, buildD], [FILE_F, buildF], [FILE_G, buildG]];
  const POLES = FILES.map(([f]) => f.replace(/\.xlsx$/, ''));
  let result: JsonRun['result'];
  let code: number;
  beforeAll(async () => {
    const dir = tempDir();
    for (const [f, build] of FILES) fs.writeFileSync(path.join(dir, f), await build());
    const c = capture(dir);
    code = await runCli(['calculer', ...FILES.map(([f]) => f), '--sortie', 'Consolidation.xlsx', '--json'], c.io);
    result = JSON.parse(c.stdout());
  });
  const ind = (id: string): JsonIndicator => result.indicateurs.find((i) => i.id === id) as unknown as JsonIndicator;

  test('rows of all files', () => {
    expect(code).toBe(EXIT_OK);
    expect(result.exercice).toBe(2025);
    expect(result.depense).toBe('montantMandate');
    expect(result.lignes).toEqual({ lues: 55, exercice: 43, erreurs: 11, avertissements: 11 });
  });

  test('indicators and their values per Pôle', () => {
    expectIndicator(ind('1.1.2-marches-ar'), { valeur: 23, pp: [3, 3, 4, 3, 4, 6] }, POLES);
    expectIndicator(ind('4.1.2-consideration-sociale'), {
      valeur: pct(17, 40), pp: [pct(2, 6), pct(3, 7), pct(2, 7), pct(2, 6), pct(2, 7), pct(6, 7)], cov: { renseignees: 40, total: 40 },
    }, POLES);
    expectIndicator(ind('4.2.2-heures'), { valeur: 6720, cov: { renseignees: 15, total: 40 } }, []);
    expectIndicator(ind('5.1.1-montant-moyen-roubaix'), { valeur: 738900 / 17 }, []);
    const sizes = ind('5.1.4-fournisseurs-typologie');
    expectBreakdown(sizes, {
      TPE: zone(2, 7, 38500, 220500), PME: zone(2, 7, 102000, 220500), ETI: zone(1, 7, 21000, 220500), GE: zone(1, 7, 55000, 220500), Inconnue: zone(1, 7, 4000, 220500),
    });
    expect(sizes.couverture).toEqual({ renseignees: 6, total: 43 });
  });
});

/**
 * Blind acceptance `annee-precedente`: the project lead's year-over-year report (2025 against 2024).
 * Written from the spec and the README only, before reading src/ and before the first run.
 *
 * Eight Pôle files, each with a `Pôle` column (the file names carry the year, so the Pôle must not
 * come from them):
 *   Pôle Ressources 2025.xlsx   sheet « 2025 »            4 rows of 2025 (one hors marché)
 *   Pôle Solidarités 2025.xlsx  sheet « 2025 »            4 rows of 2025 + 2024-SOL-05 (notified
 *                               15/10/2024, multi-year, carried over with its 2025 mandated spend);
 *                               « Suivi insertion 2025 », « Cibles » (2025), « Saisies manuelles » (2025, 2024)
 *   Pôle Éducation 2025.xlsx    sheet « Registre 2025 »   3 rows of 2025 (one « Gré à gré »)
 *   Pôle Cadre de vie 2025.xlsx sheet « 2025 »            2 rows of 2025
 *   Pôle Ressources 2024.xlsx   sheet « 2024 »            3 rows of 2024, no Sourçage column
 *   Pôle Solidarités 2024.xlsx  sheet « 2024 »            3 rows of 2024 (2024-SOL-05 again, with its
 *                               2024 mandated spend), Pôle written « SOLIDARITES »; « Suivi insertion 2024 »
 *   Pôle Éducation 2024.xlsx    sheet « Registre 2024 »   2 rows of 2024
 *   Pôle Cadre de vie 2024.xlsx sheet « 2024 »            2 rows of 2024 (one hors marché)
 * and one Pôle workbook with two register sheets (case a): « Solidarités 2024-2025.xlsx », sheets
 * « 2024 », « 2025 », « Suivi insertion 2024 », « Suivi insertion 2025 », « Cibles », « Saisies manuelles »
 * (the same rows as the two Solidarités files).
 *
 * No objet uses a word of the suggestion lexicon (regles.md §4). No file has a negotiation « Oui »
 * on a row of 2024 (2.2.5's N−1 denominator is empty). Only the 2025 files have « Sourçage ».
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { day, table } from './helpers';

type Cell = ExcelJS.CellValue;

export const RES25 = 'Pôle Ressources 2025.xlsx';
export const SOL25 = 'Pôle Solidarités 2025.xlsx';
export const EDU25 = 'Pôle Éducation 2025.xlsx';
export const CDV25 = 'Pôle Cadre de vie 2025.xlsx';
export const RES24 = 'Pôle Ressources 2024.xlsx';
export const SOL24 = 'Pôle Solidarités 2024.xlsx';
export const EDU24 = 'Pôle Éducation 2024.xlsx';
export const CDV24 = 'Pôle Cadre de vie 2024.xlsx';
export const SOL_BOTH = 'Solidarités 2024-2025.xlsx';
/** Case (b) and (d): this year's files, then last year's (the lead's two folders, in that order). */
export const EIGHT = [RES25, SOL25, EDU25, CDV25, RES24, SOL24, EDU24, CDV24];
/** Case (c): only Ressources and Solidarités sent their 2024 file. */
export const SIX = [RES25, SOL25, EDU25, CDV25, RES24, SOL24];

const H25 = [
  'N° de marché', 'Objet du marché', 'Pôle', 'Montant HT', 'Mandaté', 'Date de notification', 'Hors marché', 'Procédure',
  'Offres reçues', 'Clause sociale', 'Clause environnementale', 'Marché innovant', 'Négociation', 'Gain de négociation',
  'Offre technique améliorée', 'Délai de paiement', 'Titulaire', 'Ville du titulaire', 'Sourçage',
];
/** Last year's files: the same columns but « Sourçage », which the Pôles added in 2025. */
const H24 = H25.filter((h) => h !== 'Sourçage');

type Row = Record<string, Cell>;
/** num, objet, pole, mt, mandaté, date, HM, procédure, offres, CS, CE, innov, négo, gain, OTA, délai, titulaire, ville, sourçage. */
function r(...v: Cell[]): Row {
  const o: Row = {};
  H25.forEach((h, i) => {
    if (v[i] !== null && v[i] !== undefined) o[h] = v[i];
  });
  return o;
}

// ─── 2025 ─────────────────────────────────────────────────────────────
const P_RES = 'Pôle Ressources';
const P_SOL = 'Pôle Solidarités';
const P_EDU = 'Pôle Éducation';
const P_CDV = 'Pôle Cadre de vie';

export const RES25_ROWS = [
  /* r2 */ r('2025-RES-01', 'Nettoyage des locaux', P_RES, 20000, 18000, day('2025-02-03'), 'Non', 'AOO', 4, 'Oui', 'Oui', 'Non', 'Non', null, null, 25, 'Propreté Nord', 'Roubaix', 'Oui'),
  /* r3 */ r('2025-RES-02', 'Fourniture de papier', P_RES, 5000, 5000, day('2025-03-10'), 'Non', 'MAPA', 3, 'Non', 'Oui', 'Non', 'Oui', 500, 'Oui', 20, 'Papeterie Lilloise', 'Lille', 'Non'),
  /* r4 */ r('2025-RES-03', 'Logiciel de gestion du courrier', P_RES, 30000, 12000, day('2025-04-15'), 'Non', 'MAPA', 2, 'Non', 'Non', 'Oui', 'Oui', 2000, 'Non', 35, 'Soft Roubaix', 'Roubaix', 'Oui'),
  /* r5 */ r('2025-RES-04', 'Achat de cartouches', P_RES, 800, 800, day('2025-05-20'), 'Oui', null, null, 'Non', 'Non', 'Non', null, null, null, 10, 'Bureau Plus', 'Tourcoing', null),
];
export const SOL25_ROWS = [
  /* r2 */ r('2025-SOL-01', 'Accompagnement des familles', P_SOL, 40000, 30000, day('2025-02-03'), 'Non', 'AOO', 2, 'Oui', 'Non', 'Non', 'Non', null, null, 30, 'Association Horizon', 'Roubaix', 'Oui'),
  /* r3 */ r('2025-SOL-02', 'Portage de repas', P_SOL, 15000, null, day('2025-03-10'), 'Non', 'MAPA', 1, 'Oui', 'Oui', 'Non', 'Oui', 1000, 'Oui', 18, 'Repas Services', "Villeneuve-d'Ascq", 'Non'),
  /* r4 */ r('2025-SOL-03', 'Achat de petit matériel', P_SOL, 900, 900, day('2025-04-14'), 'Oui', null, null, 'Non', 'Non', 'Non', null, null, null, null, 'Bureau Plus', 'Tourcoing', null),
  /* r5 */ r('2025-SOL-04', 'Médiation de quartier', P_SOL, 6000, 4000, day('2025-06-20'), 'Non', 'MAPA', 2, 'Non', 'Non', 'Non', 'Non', null, null, 22, 'Association Horizon', 'Roubaix', 'Non'),
  // The multi-year contract notified in 2024, still followed in 2025 (mandated 9 000 in 2025); Sourçage left empty.
  /* r6 */ r('2024-SOL-05', 'Aide à domicile', P_SOL, 24000, 9000, day('2024-10-15'), 'Non', 'AOO', 3, 'Oui', 'Non', 'Non', 'Non', null, null, 26, 'Association Horizon', 'Roubaix', null),
];
export const EDU25_ROWS = [
  /* r2 */ r('2025-EDU-01', 'Restauration scolaire', P_EDU, 60000, 50000, day('2025-02-01'), 'Non', 'AOO', 5, 'Oui', 'Oui', 'Non', 'Non', null, null, 28, 'Cuisine Centrale', 'Roubaix', 'Oui'),
  /* r3 */ r('2025-EDU-02', 'Transport des élèves', P_EDU, 12000, 11000, day('2025-03-15'), 'Non', 'Gré à gré', 1, 'Non', 'Non', 'Non', 'Oui', 300, 'Non', 15, 'Cars du Nord', 'Lille', 'Non'),
  /* r4 */ r('2025-EDU-03', 'Tablettes pour les écoles', P_EDU, 8000, 8000, day('2025-04-20'), 'Non', 'MAPA', 3, 'Non', 'Non', 'Oui', 'Non', null, null, 21, 'Soft Roubaix', 'Roubaix', 'Oui'),
];
export const CDV25_ROWS = [
  /* r2 */ r('2025-CDV-01', 'Entretien des espaces verts', P_CDV, 25000, 20000, day('2025-02-05'), 'Non', 'AOO', 3, 'Oui', 'Oui', 'Non', 'Non', null, null, 27, 'Jardins de Flandre', 'Hem', 'Non'),
  /* r3 */ r('2025-CDV-02', 'Éclairage public', P_CDV, 45000, 30000, day('2025-05-12'), 'Non', 'AOO', 2, 'Non', 'Oui', 'Non', 'Oui', 3000, 'Oui', 24, 'Lumière SAS', 'Paris', 'Non'),
];

// ─── 2024 ─────────────────────────────────────────────────────────────
export const RES24_ROWS = [
  /* r2 */ r('2024-RES-01', 'Nettoyage des locaux 2024', P_RES, 18000, 17000, day('2024-02-05'), 'Non', 'AOO', 3, 'Oui', 'Non', 'Non', 'Non', null, null, 28, 'Propreté Nord', 'Roubaix'),
  /* r3 */ r('2024-RES-02', 'Fourniture de papier 2024', P_RES, 4000, 4000, day('2024-03-12'), 'Non', 'MAPA', 5, 'Non', 'Oui', 'Non', 'Non', null, null, 22, 'Papeterie Lilloise', 'Lille'),
  /* r4 */ r('2024-RES-03', "Achat d'enveloppes", P_RES, 600, 600, day('2024-06-18'), 'Oui', null, null, 'Non', 'Non', 'Non', null, null, null, null, 'Bureau Plus', 'Tourcoing'),
];
const P_SOL_2024 = 'SOLIDARITES';
export const SOL24_ROWS = [
  /* r2 */ r('2024-SOL-01', 'Accompagnement des familles 2024', P_SOL_2024, 38000, 36000, day('2024-02-05'), 'Non', 'AOO', 2, 'Oui', 'Non', 'Non', 'Non', null, null, 32, 'Association Horizon', 'Roubaix'),
  /* r3 */ r('2024-SOL-02', 'Portage de repas 2024', P_SOL_2024, 14000, 13000, day('2024-03-11'), 'Non', 'MAPA', 2, 'Non', 'Oui', 'Non', 'Non', null, null, 24, 'Repas Services', "Villeneuve-d'Ascq"),
  /* r4 */ r('2024-SOL-05', 'Aide à domicile', P_SOL_2024, 24000, 6000, day('2024-10-15'), 'Non', 'AOO', 3, 'Oui', 'Non', 'Non', 'Non', null, null, 26, 'Association Horizon', 'Roubaix'),
];
export const EDU24_ROWS = [
  /* r2 */ r('2024-EDU-01', 'Restauration scolaire 2024', P_EDU, 55000, 52000, day('2024-02-02'), 'Non', 'AOO', 4, 'Oui', 'Non', 'Non', 'Non', null, null, 30, 'Cuisine Centrale', 'Roubaix'),
  /* r3 */ r('2024-EDU-02', 'Transport des élèves 2024', P_EDU, 11000, 10000, day('2024-03-14'), 'Non', 'MAPA', 2, 'Non', 'Non', 'Oui', 'Non', null, null, 18, 'Cars du Nord', 'Lille'),
];
export const CDV24_ROWS = [
  /* r2 */ r('2024-CDV-01', 'Entretien des espaces verts 2024', P_CDV, 23000, 22000, day('2024-02-06'), 'Non', 'AOO', 4, 'Non', 'Oui', 'Non', 'Non', null, null, 25, 'Jardins de Flandre', 'Hem'),
  /* r3 */ r('2024-CDV-02', 'Achat de sel de déneigement', P_CDV, 2000, 2000, day('2024-12-10'), 'Oui', null, null, 'Non', 'Non', 'Non', null, null, null, null, 'Propreté Nord', 'Roubaix'),
];

// ─── Companion sheets (Solidarités) ───────────────────────────────────────
const H_SUIVI = ['N° de marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'Type de contrat', 'Heures réalisées', 'Date de début'];
export const SUIVI25_ROWS: Row[] = [
  /* r2 */ { 'N° de marché': '2025-SOL-01', 'Bénéficiaire': 'B01', Sexe: 'F', 'Commune de résidence': 'Roubaix', 'Type de contrat': 'CDD', 'Heures réalisées': 300, 'Date de début': day('2025-03-01') },
  /* r3 */ { 'N° de marché': '2025-SOL-01', 'Bénéficiaire': 'B02', Sexe: 'H', 'Commune de résidence': 'Tourcoing', 'Type de contrat': 'CDI', 'Heures réalisées': 450, 'Date de début': day('2025-04-01') },
  /* r4 */ { 'N° de marché': '2025-SOL-02', 'Bénéficiaire': 'B03', Sexe: 'F', 'Commune de résidence': 'Roubaix', 'Type de contrat': 'Intérim', 'Heures réalisées': 120, 'Date de début': day('2025-05-01') },
  // 2025 employment on the contract of 2024: by indicateurs.md it follows that contract, so it counts in N−1.
  /* r5 */ { 'N° de marché': '2024-SOL-05', 'Bénéficiaire': 'B04', Sexe: 'H', 'Commune de résidence': 'Roubaix', 'Type de contrat': 'CDDI', 'Heures réalisées': 200, 'Date de début': day('2025-01-15') },
];
export const SUIVI24_ROWS: Row[] = [
  /* r2 */ { 'N° de marché': '2024-SOL-01', 'Bénéficiaire': 'B01', Sexe: 'F', 'Commune de résidence': 'Roubaix', 'Type de contrat': 'CDD', 'Heures réalisées': 250, 'Date de début': day('2024-03-01') },
  /* r3 */ { 'N° de marché': '2024-SOL-01', 'Bénéficiaire': 'B05', Sexe: 'F', 'Commune de résidence': 'Wattrelos', 'Type de contrat': 'CDI', 'Heures réalisées': 400, 'Date de début': day('2024-04-01') },
  /* r4 */ { 'N° de marché': '2024-SOL-05', 'Bénéficiaire': 'B04', Sexe: 'H', 'Commune de résidence': 'Roubaix', 'Type de contrat': 'CDDI', 'Heures réalisées': 150, 'Date de début': day('2024-11-01') },
];
const H_CIB = ['Indicateur', 'Année', 'Cible', 'Sens'];
export const CIB_ROWS: Row[] = [
  /* r2 */ { Indicateur: '4.1.2-consideration-sociale', Année: 2025, Cible: 50, Sens: '≥' },
  /* r3 */ { Indicateur: '2.1.5-delai-paiement', Année: 2025, Cible: 25, Sens: '≤' },
  /* r4 */ { Indicateur: '3.1.1-consideration-env', Année: 2025, Cible: 40, Sens: '≥' },
];
const H_SAI = ['Indicateur', 'Année', 'Valeur', 'Source'];
export const SAI_ROWS: Row[] = [
  /* r2 */ { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Valeur: 12, Source: 'Inventaire 2025' },
  /* r3 */ { Indicateur: '3.2.1-fournitures-evitees', Année: 2024, Valeur: 8, Source: 'Inventaire 2024' },
  /* r4 */ { Indicateur: '3.2.1-mobilier-reemploye', Année: 2025, Valeur: 30, Source: 'Service mobilier' },
];

function register(wb: ExcelJS.Workbook, name: string, header: string[], rows: Row[]): void {
  table(wb.addWorksheet(name), 1, header, rows);
}
function suivi25(wb: ExcelJS.Workbook): void {
  table(wb.addWorksheet('Suivi insertion 2025'), 1, H_SUIVI, SUIVI25_ROWS);
}
function suivi24(wb: ExcelJS.Workbook): void {
  table(wb.addWorksheet('Suivi insertion 2024'), 1, H_SUIVI, SUIVI24_ROWS);
}
function pilotage(wb: ExcelJS.Workbook): void {
  table(wb.addWorksheet('Cibles'), 1, H_CIB, CIB_ROWS);
  table(wb.addWorksheet('Saisies manuelles'), 1, H_SAI, SAI_ROWS);
}

/** Writes the nine workbooks into `dir`. */
export async function writeWorkbooks(dir: string): Promise<void> {
  const files: [string, (wb: ExcelJS.Workbook) => void][] = [
    [RES25, (wb) => register(wb, '2025', H25, RES25_ROWS)],
    [SOL25, (wb) => (register(wb, '2025', H25, SOL25_ROWS), suivi25(wb), pilotage(wb))],
    [EDU25, (wb) => register(wb, 'Registre 2025', H25, EDU25_ROWS)],
    [CDV25, (wb) => register(wb, '2025', H25, CDV25_ROWS)],
    [RES24, (wb) => register(wb, '2024', H24, RES24_ROWS)],
    [SOL24, (wb) => (register(wb, '2024', H24, SOL24_ROWS), suivi24(wb))],
    [EDU24, (wb) => register(wb, 'Registre 2024', H24, EDU24_ROWS)],
    [CDV24, (wb) => register(wb, '2024', H24, CDV24_ROWS)],
    // Case (a): the Solidarités buyer's own workbook, one register sheet per year, 2024 first.
    [SOL_BOTH, (wb) => (register(wb, '2024', H24, SOL24_ROWS), register(wb, '2025', H25, SOL25_ROWS), suivi24(wb), suivi25(wb), pilotage(wb))],
  ];
  for (const [file, build] of files) {
    const wb = new ExcelJS.Workbook();
    build(wb);
    await wb.xlsx.writeFile(path.join(dir, file));
  }
}

/**
 * Blind acceptance, scenario « personnes »: the beneficiaries of *Suivi insertion*, how they are
 * counted (indicateurs.md axe 4 and « A beneficiary of Suivi insertion is counted once per
 * exercice… ») and that their names never leave the facilitator's sheet (champs.md: `beneficiaire`
 * is « an identifier, never a full name in outputs »). Careless buyers typed full names in the
 * beneficiary column, and even in other columns of a Suivi row.
 *
 * Two Pôles' workbooks, each with a register sheet and a *Suivi insertion* sheet:
 *   A « Pôle Solidarités.xlsx »: `Marchés` (header row 1), `Suivi insertion` (header row 1)
 *   B « Pôle Cadre de vie.xlsx »: `Suivi des marchés` (header row 1), `Clauses d'insertion` (header row 1,
 *     synonyms written otherwise than the labels of champs.md)
 * The rows and their hand reading are in ./blind-personnes.acceptance.test.ts.
 */
import ExcelJS from 'exceljs';
import { day, table } from './helpers';

export const FILE_A = 'Pôle Solidarités.xlsx';
export const FILE_B = 'Pôle Cadre de vie.xlsx';
export const SOL = 'Pôle Solidarités';
export const CDV = 'Pôle Cadre de vie';
export const SHEET_REG_A = 'Marchés';
export const SHEET_SUIVI_A = 'Suivi insertion';
export const SHEET_REG_B = 'Suivi des marchés';
export const SHEET_SUIVI_B = "Clauses d'insertion";

/** Every full name typed anywhere in the two Suivi sheets, as typed (spaces and case included). */
export const NAMES_TYPED = [
  'Marie DUPONT', '  marie dupont  ', 'MARIE DUPONT', 'Jean-Pierre Martin', 'Jean Pierre Martin', 'Paul Bernard',
  'Sophie Leroy', 'Karim Benali', 'Nadia Haddad', 'Luc Vasseur', 'Fatima Zerrouki', 'Thomas Durand',
] as const;

/**
 * What must never appear in an output, searched case-insensitively: every surname and every first
 * name but the short, common « Luc » and « Paul » (which could be part of another word).
 */
export const NAME_PARTS = [
  'dupont', 'marie', 'jean-pierre', 'jean pierre', 'martin', 'bernard', 'leroy', 'sophie', 'benali', 'karim',
  'haddad', 'nadia', 'vasseur', 'zerrouki', 'fatima', 'durand', 'thomas',
] as const;

const REG_HEADER = ['N° de marché', 'Objet', 'Pôle', 'Montant HT', 'Date de notification', 'Clause sociale', "Heures d'insertion réalisées"] as const;

/** Workbook A's register: four contracts of 2025, one of 2024. */
const REG_A = [
  // r2
  { 'N° de marché': 'SOL-2025-01', Objet: 'Entretien des espaces verts', Pôle: SOL, 'Montant HT': 50000, 'Date de notification': day('2025-03-01'), 'Clause sociale': 'Oui', "Heures d'insertion réalisées": 999 },
  // r3
  { 'N° de marché': 'SOL-2025-02', Objet: 'Nettoyage des locaux', Pôle: SOL, 'Montant HT': 30000, 'Date de notification': day('2025-05-10'), 'Clause sociale': 'Oui', "Heures d'insertion réalisées": 100 },
  // r4
  { 'N° de marché': 'SOL-2025-03', Objet: 'Restauration collective', Pôle: SOL, 'Montant HT': 20000, 'Date de notification': day('2025-06-01'), 'Clause sociale': 'Oui' },
  // r5
  { 'N° de marché': 'SOL-2024-01', Objet: 'Propreté urbaine', Pôle: SOL, 'Montant HT': 40000, 'Date de notification': day('2024-04-01'), 'Clause sociale': 'Oui', "Heures d'insertion réalisées": 80 },
  // r6
  { 'N° de marché': 'SOL-2025-04', Objet: 'Fournitures de bureau', Pôle: SOL, 'Montant HT': 10000, 'Date de notification': day('2025-07-01'), 'Clause sociale': 'Non' },
];

const SUIVI_A_HEADER = ['N° de marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'Résident QPV', 'Type de contrat', 'Heures réalisées', 'Date de début'] as const;

/** Workbook A's Suivi insertion, from sheet row 2. */
const SUIVI_A: Record<string, ExcelJS.CellValue>[] = [
  // s2 Marie, every detail empty (skipped for her first filled values)
  { 'N° de marché': 'SOL-2025-01', Bénéficiaire: 'Marie DUPONT', 'Type de contrat': 'CDDI', 'Heures réalisées': 120, 'Date de début': day('2025-03-15') },
  // s3
  { 'N° de marché': 'SOL-2025-01', Bénéficiaire: 'Jean-Pierre Martin', Sexe: 'H', 'Commune de résidence': 'ROUBAIX', 'Résident QPV': 'Oui', 'Type de contrat': 'Intérim', 'Heures réalisées': 80, 'Date de début': day('2025-04-01') },
  // s4 Marie again (spaces, lower case), her first filled sexe / commune / qpv
  { 'N° de marché': 'SOL-2025-03', Bénéficiaire: '  marie dupont  ', Sexe: 'F', 'Commune de résidence': 'Roubaix  ', 'Résident QPV': 'Oui', 'Type de contrat': 'CDD', 'Heures réalisées': 200, 'Date de début': day('2025-06-15') },
  // s5 another spelling: another person by the spec's rule
  { 'N° de marché': 'SOL-2025-03', Bénéficiaire: 'Jean Pierre Martin', Sexe: 'H', 'Commune de résidence': 'Tourcoing', 'Résident QPV': 'Non', 'Type de contrat': 'CDI', 'Heures réalisées': 150, 'Date de début': day('2025-07-01') },
  // s6 Marie a third time, later different values (ignored)
  { 'N° de marché': 'SOL-2025-01', Bénéficiaire: 'MARIE DUPONT', Sexe: 'H', 'Commune de résidence': 'Lille', 'Résident QPV': 'Non', 'Type de contrat': 'Apprentissage', 'Heures réalisées': 60, 'Date de début': day('2025-09-01') },
  // s7 N−1 contract, a beneficiary of N−1 only
  { 'N° de marché': 'SOL-2024-01', Bénéficiaire: 'Paul Bernard', Sexe: 'H', 'Commune de résidence': 'Roubaix', 'Résident QPV': 'Non', 'Type de contrat': 'CDD', 'Heures réalisées': 90, 'Date de début': day('2024-05-01') },
  // s8 N−1 contract, Marie
  { 'N° de marché': 'SOL-2024-01', Bénéficiaire: 'Marie DUPONT', Sexe: 'F', 'Commune de résidence': 'Roubaix', 'Résident QPV': 'Oui', 'Type de contrat': 'CDDI', 'Heures réalisées': 40, 'Date de début': day('2024-06-01') },
  // s9 a contract outside the register
  { 'N° de marché': 'SOL-2025-99', Bénéficiaire: 'Sophie Leroy', Sexe: 'F', 'Commune de résidence': 'Roubaix', 'Résident QPV': 'Oui', 'Type de contrat': 'CDI', 'Heures réalisées': 35, 'Date de début': day('2025-02-01') },
  // s10 the name typed again in the hours column (unreadable number)
  { 'N° de marché': 'SOL-2025-03', Bénéficiaire: 'Karim Benali', Sexe: 'H', 'Commune de résidence': 'Roubaix', 'Résident QPV': 'Non', 'Type de contrat': 'CDD', 'Heures réalisées': 'Karim Benali', 'Date de début': day('2025-08-01') },
  // s11 the name typed in the sexe column (unreadable enum)
  { 'N° de marché': 'SOL-2025-01', Bénéficiaire: 'Nadia Haddad', Sexe: 'Nadia Haddad', 'Commune de résidence': 'Roubaix', 'Résident QPV': 'Oui', 'Type de contrat': 'CDDI', 'Heures réalisées': 10, 'Date de début': day('2025-10-01') },
  // s12 the name typed in the QPV column (unreadable oui/non)
  { 'N° de marché': 'SOL-2025-03', Bénéficiaire: 'Luc Vasseur', Sexe: 'H', 'Commune de résidence': 'Roubaix', 'Résident QPV': 'Luc Vasseur', 'Type de contrat': 'CDD', 'Heures réalisées': 5, 'Date de début': day('2025-11-01') },
];

/** Workbook B's register: two contracts of 2025, one of 2024. */
const REG_B = [
  // r2
  { 'N° de marché': 'CDV-2025-01', Objet: 'Réfection de voirie', Pôle: CDV, 'Montant HT': 200000, 'Date de notification': day('2025-02-15'), 'Clause sociale': 'Oui' },
  // r3
  { 'N° de marché': 'CDV-2025-02', Objet: 'Éclairage public', Pôle: CDV, 'Montant HT': 80000, 'Date de notification': day('2025-09-01'), 'Clause sociale': 'Non', "Heures d'insertion réalisées": 0 },
  // r4
  { 'N° de marché': 'CDV-2024-01', Objet: 'Réfection de trottoirs', Pôle: CDV, 'Montant HT': 150000, 'Date de notification': day('2024-10-01'), 'Clause sociale': 'Oui', "Heures d'insertion réalisées": 50 },
];

const SUIVI_B_HEADER = ['N° marché', 'Participant', 'Genre', 'Lieu de résidence', 'Quartier prioritaire', 'Contrat', 'Heures'] as const;

/** Workbook B's Suivi (its own headers), from sheet row 2. */
const SUIVI_B: Record<string, ExcelJS.CellValue>[] = [
  // t2 Marie, also a beneficiary of Pôle Solidarités
  { 'N° marché': 'CDV-2025-01', Participant: 'Marie DUPONT', Genre: 'F', 'Lieu de résidence': 'Roubaix', 'Quartier prioritaire': 'Oui', Contrat: 'CDDI', Heures: 300 },
  // t3 « 59100 Roubaix »: is it Roubaix? (neither the spec nor the README promises it)
  { 'N° marché': 'CDV-2025-01', Participant: 'Fatima Zerrouki', Genre: 'F', 'Lieu de résidence': '59100 Roubaix', 'Quartier prioritaire': 'Non', Contrat: 'Contrat de professionnalisation', Heures: 100 },
  // t4 QPV empty
  { 'N° marché': 'CDV-2025-01', Participant: 'Thomas Durand', Genre: 'H', 'Lieu de résidence': 'Wattrelos', Contrat: 'Intérim', Heures: 50 },
  // t5 N−1, Paul also N−1 beneficiary of Pôle Solidarités
  { 'N° marché': 'CDV-2024-01', Participant: 'Paul Bernard', Genre: 'H', 'Lieu de résidence': 'Roubaix', 'Quartier prioritaire': 'Non', Contrat: 'CDD', Heures: 70 },
];

async function workbook(sheets: readonly [string, readonly string[], readonly Record<string, ExcelJS.CellValue>[]][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, header, rows] of sheets) table(wb.addWorksheet(name), 1, header, rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Workbook A's sheets as rows of plain cells (dates typed jj/mm/aaaa), for the Excel double of the pane tests. */
export function sheetsA(): { name: string; cells: (string | number | null)[][] }[] {
  const plain = (v: ExcelJS.CellValue): string | number | null =>
    v instanceof Date ? v.toISOString().slice(0, 10).split('-').reverse().join('/') : v === undefined || v === null ? null : (v as string | number);
  const cells = (header: readonly string[], rows: readonly Record<string, ExcelJS.CellValue>[]) => [[...header], ...rows.map((r) => header.map((h) => plain(r[h])))];
  return [
    { name: SHEET_REG_A, cells: cells(REG_HEADER, REG_A) },
    { name: SHEET_SUIVI_A, cells: cells(SUIVI_A_HEADER, SUIVI_A) },
  ];
}

export function workbookA(): Promise<Buffer> {
  return workbook([[SHEET_REG_A, REG_HEADER, REG_A], [SHEET_SUIVI_A, SUIVI_A_HEADER, SUIVI_A]]);
}

export function workbookB(): Promise<Buffer> {
  return workbook([[SHEET_REG_B, REG_HEADER, REG_B], [SHEET_SUIVI_B, SUIVI_B_HEADER, SUIVI_B]]);
}

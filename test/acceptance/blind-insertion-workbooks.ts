/**
 * Blind acceptance, scenario « insertion »: Axe 4 as the insertion facilitator (PLIE / Maison de
 * l'emploi) reports it, kept by a Pôle in its contract-tracking workbook.
 *
 * One workbook « Suivi clause sociale 2025.xlsx »:
 *   `Registre` (header row 1): contracts of two Pôles (Pôle Patrimoine, Pôle Solidarités), 2025 and
 *     2024, marché réservé typed in many ways, marchés d'insertion, clause sociale, heures d'insertion
 *     réalisées declared for contracts that have no Suivi row, one order outside any contract, one
 *     row in error, one row with hours but neither clause nor marché d'insertion.
 *   `Export PLIE` (title rows 1–3, row 4 empty, header row 5): the facilitator's own export — the same
 *     person on several rows and contracts written with other case, accents or spaces, initials with
 *     a birth year, hours « 1 200 h », « 35h », « 12,5 heures », a number, a formula; contract types,
 *     sexes, communes and QPV in the facilitator's words; a « Sous-total » row and a « TOTAL » row;
 *     rows of N−1, of a contract in error and of a contract that is not in the register.
 * The rows and their hand reading are in ./blind-insertion.acceptance.test.ts.
 */
import ExcelJS from 'exceljs';
import { day, table } from './helpers';

export const FILE = 'Suivi clause sociale 2025.xlsx';
export const PAT = 'Pôle Patrimoine';
export const SOL = 'Pôle Solidarités';
export const SHEET_REG = 'Registre';
export const SHEET_SUIVI = 'Export PLIE';

/** Every beneficiary identifier typed in the Suivi sheet (no output may copy one). */
export const BENEFICIARY_PARTS = ['dubois', 'karima', 'lefebvre', 'hélène', 'helene', "n'diaye", 'moussa', 'benali', 'yacine', 'rousseau', 'julie', 'm.b. 1992'] as const;

const REG_HEADER = [
  'N° marché', 'Objet', 'Pôle', 'Montant notifié HT', 'Mandaté HT', 'Date de notification', 'Hors marché',
  'Clause sociale', 'Critère social', 'Marché réservé', "Marché d'insertion", "Heures d'insertion prévues",
  "Heures d'insertion réalisées", 'Type de structure',
] as const;

type Row = Record<string, ExcelJS.CellValue>;

/** The register, from sheet row 2 (rN = sheet row N). */
const REG: Row[] = [
  // r2
  { 'N° marché': 'PAT-25-01', Objet: 'Nettoyage des bâtiments communaux', Pôle: PAT, 'Montant notifié HT': 120000, 'Mandaté HT': 95000, 'Date de notification': day('2025-02-10'), 'Clause sociale': 'Oui', 'Critère social': 'Non', 'Marché réservé': 'Non', "Heures d'insertion prévues": 2000, "Heures d'insertion réalisées": 1500, 'Type de structure': 'Autre' },
  // r3
  { 'N° marché': 'PAT-25-02', Objet: 'Entretien des espaces verts', Pôle: PAT, 'Montant notifié HT': 80000, 'Date de notification': day('2025-03-05'), 'Clause sociale': 'Oui', 'Marché réservé': 'Oui – ESAT', 'Type de structure': 'ESAT' },
  // r4
  { 'N° marché': 'PAT-25-03', Objet: 'Travaux de peinture école Jules Ferry', Pôle: PAT, 'Montant notifié HT': 45000, 'Mandaté HT': 40000, 'Date de notification': day('2025-04-01'), 'Clause sociale': 'Non', "Marché d'insertion": 'Oui', "Heures d'insertion réalisées": 600, 'Type de structure': 'SIAE' },
  // r5
  { 'N° marché': 'PAT-25-04', Objet: 'Maintenance des ascenseurs', Pôle: PAT, 'Montant notifié HT': 60000, 'Mandaté HT': 30000, 'Date de notification': day('2025-05-12'), 'Clause sociale': 'Non', 'Marché réservé': 'Non', "Marché d'insertion": 'Non', "Heures d'insertion réalisées": 150, 'Type de structure': 'Autre' },
  // r6
  { 'N° marché': 'SOL-25-01', Objet: 'Restauration scolaire et portage de repas', Pôle: SOL, 'Montant notifié HT': 200000, 'Mandaté HT': 180000, 'Date de notification': day('2025-01-20'), 'Clause sociale': 'Oui', 'Critère social': 'Oui', 'Marché réservé': 'Non', "Heures d'insertion prévues": 3000 },
  // r7
  { 'N° marché': 'SOL-25-02', Objet: 'Blanchisserie des crèches', Pôle: SOL, 'Montant notifié HT': 35000, 'Mandaté HT': 35000, 'Date de notification': day('2025-06-01'), 'Marché réservé': 'Art. L2113-12', 'Type de structure': 'EA' },
  // r8
  { 'N° marché': 'SOL-25-03', Objet: 'Conciergerie solidaire', Pôle: SOL, 'Montant notifié HT': 25000, 'Date de notification': day('2025-07-15'), 'Marché réservé': 'Réservé SIAE', "Marché d'insertion": 'Oui', "Heures d'insertion réalisées": 420, 'Type de structure': 'SIAE' },
  // r9
  { 'N° marché': 'SOL-25-04', Objet: 'Fournitures de bureau', Pôle: SOL, 'Montant notifié HT': 15000, 'Mandaté HT': 12000, 'Date de notification': day('2025-09-01'), 'Clause sociale': 'Non', 'Critère social': 'Oui', 'Type de structure': 'ESS' },
  // r10 an order outside any contract
  { 'N° marché': 'SOL-HM-01', Objet: 'Achat de paniers garnis', Pôle: SOL, 'Montant notifié HT': 3000, 'Mandaté HT': 3000, 'Date de notification': day('2025-10-03'), 'Hors marché': 'Oui', 'Type de structure': 'ESAT' },
  // r11 N−1
  { 'N° marché': 'PAT-24-01', Objet: 'Nettoyage de la voirie', Pôle: PAT, 'Montant notifié HT': 90000, 'Mandaté HT': 90000, 'Date de notification': day('2024-03-01'), 'Clause sociale': 'Oui', 'Marché réservé': 'Non', "Heures d'insertion réalisées": 800, 'Type de structure': 'Autre' },
  // r12 N−1
  { 'N° marché': 'SOL-24-01', Objet: 'Entretien des jardins familiaux', Pôle: SOL, 'Montant notifié HT': 40000, 'Mandaté HT': 38000, 'Date de notification': day('2024-06-10'), 'Clause sociale': 'Oui', 'Marché réservé': 'Oui – ESAT', "Heures d'insertion réalisées": 300, 'Type de structure': 'ESAT' },
  // r13 montant empty → montant-manquant
  { 'N° marché': 'PAT-25-05', Objet: 'Réfection de toiture', Pôle: PAT, 'Date de notification': day('2025-08-01'), 'Clause sociale': 'Oui' },
];

const SUIVI_HEADER = [
  'Réf. marché', 'Participant', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures réalisées',
  'Date de début', 'Employeur', 'Conseiller',
] as const;

/** The facilitator's rows, from sheet row 6 (sN = sheet row N); null = an empty row. */
const SUIVI: (Row | null)[] = [
  // s6
  { 'Réf. marché': 'PAT-25-01', Participant: 'DUBOIS Karima', Sexe: 'F', 'Commune de résidence': 'ROUBAIX', 'Type de contrat': 'CDDI', 'Heures réalisées': '1 200 h', 'Date de début': day('2025-03-01'), Employeur: 'Atelier Nord Services', Conseiller: 'CB' },
  // s7
  { 'Réf. marché': 'PAT-25-01', Participant: 'M.B. 1992', Sexe: 'H', 'Commune de résidence': 'Roubaix 59100', QPV: 'Non', 'Type de contrat': "Intérim d'insertion", 'Heures réalisées': '35h', 'Date de début': '14/04/2025', Employeur: 'Intérim Solidaire', Conseiller: 'CB' },
  // s8
  { 'Réf. marché': 'PAT-25-01', Participant: 'LEFEBVRE Hélène', Sexe: 'Femme', 'Commune de résidence': '59100', QPV: 'Oui', 'Type de contrat': 'Contrat pro', 'Heures réalisées': 455, 'Date de début': day('2025-05-02'), Employeur: 'Propreté Nord', Conseiller: 'AL' },
  // s9
  { 'Réf. marché': 'PAT-25-02', Participant: 'Dubois Karima', 'Commune de résidence': 'Tourcoing', QPV: 'QPV Epeule', 'Type de contrat': 'CDD > 6 mois', 'Heures réalisées': '12,5 heures', 'Date de début': day('2025-06-01'), Employeur: 'Jardins du Nord', Conseiller: 'AL' },
  // s10
  { 'Réf. marché': 'pat-25-02', Participant: "N'DIAYE Moussa", Sexe: 'M.', 'Commune de résidence': 'Wattrelos', QPV: 'Non', 'Type de contrat': 'Apprentissage', 'Heures réalisées': 320, 'Date de début': day('2024-09-01'), Employeur: 'Jardins du Nord', Conseiller: 'CB' },
  // s11
  { 'Réf. marché': 'PAT-25-02', Participant: 'LEFEBVRE Helene', Sexe: 'Mme', 'Commune de résidence': 'Croix', QPV: 'Non', 'Type de contrat': 'CDDI', 'Heures réalisées': { formula: '70+35', result: 105 }, 'Date de début': day('2025-09-15'), Employeur: 'Jardins du Nord', Conseiller: 'AL' },
  // s12 the facilitator's sub-total
  { Participant: 'Sous-total', 'Heures réalisées': { formula: 'SUM(G8,G11)', result: 560 } },
  // s13
  { 'Réf. marché': 'SOL-25-01', Participant: 'm.b. 1992', Sexe: 'H', 'Commune de résidence': '59100', QPV: 'Non', 'Type de contrat': 'CDI', 'Heures réalisées': 800, 'Date de début': day('2025-02-03'), Employeur: 'Cuisines Centrales', Conseiller: 'CB' },
  // s14
  { 'Réf. marché': 'SOL-25-01', Participant: 'BENALI Yacine', Sexe: 'H', 'Commune de résidence': 'Roubaix', QPV: 'oui', 'Type de contrat': 'CDDI', 'Heures réalisées': 610, 'Date de début': day('2025-03-10'), Employeur: 'Cuisines Centrales', Conseiller: 'AL' },
  // s15
  { 'Réf. marché': 'SOL-25-01', Participant: '  DUBOIS Karima  ', Sexe: 'F', 'Commune de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': "Intérim d'insertion", 'Heures réalisées': 140, 'Date de début': day('2025-10-01'), Employeur: 'Intérim Solidaire', Conseiller: 'CB' },
  // s16 two spaces inside the identifier
  { 'Réf. marché': 'SOL-25-01', Participant: "N'DIAYE  Moussa", Sexe: 'H', 'Commune de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDD > 6 mois', 'Heures réalisées': 210, 'Date de début': day('2025-05-20'), Employeur: 'Cuisines Centrales', Conseiller: 'AL' },
  // s17 N−1
  { 'Réf. marché': 'PAT-24-01', Participant: 'ROUSSEAU Julie', Sexe: 'F', 'Commune de résidence': 'Roubaix', QPV: 'Non', 'Type de contrat': 'CDDI', 'Heures réalisées': 500, 'Date de début': day('2024-04-01'), Employeur: 'Propreté Nord', Conseiller: 'AL' },
  // s18 N−1
  { 'Réf. marché': 'PAT-24-01', Participant: 'M.B. 1992', Sexe: 'H', 'Commune de résidence': 'Roubaix', QPV: 'Non', 'Type de contrat': "Intérim d'insertion", 'Heures réalisées': 240, 'Date de début': day('2024-05-15'), Employeur: 'Intérim Solidaire', Conseiller: 'CB' },
  // s19 a contract of the register in error (montant-manquant)
  { 'Réf. marché': 'PAT-25-05', Participant: 'BENALI Yacine', Sexe: 'H', 'Commune de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDI', 'Heures réalisées': 300, 'Date de début': day('2025-08-20'), Employeur: 'Toitures du Nord', Conseiller: 'AL' },
  // s20 a contract that is not in the register
  { 'Réf. marché': 'PAT-25-09', Participant: 'ROUSSEAU Julie', Sexe: 'F', 'Commune de résidence': 'Roubaix', QPV: 'Non', 'Type de contrat': 'CDDI', 'Heures réalisées': 70, 'Date de début': day('2025-11-02'), Employeur: 'Propreté Nord', Conseiller: 'AL' },
  // s21 empty
  null,
  // s22 the export's total
  { Participant: 'TOTAL', 'Heures réalisées': { formula: 'SUM(G6:G20)', result: 3900 } },
];

export async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  table(wb.addWorksheet(SHEET_REG), 1, REG_HEADER, REG);
  const ws = wb.addWorksheet(SHEET_SUIVI);
  ws.getCell('A1').value = 'PLIE du Roubaisis – Suivi de la clause sociale d’insertion';
  ws.getCell('A2').value = 'Donneur d’ordre : Ville de Roubaix — export du 12/01/2026';
  ws.getCell('A3').value = 'Participants en parcours sur les marchés de la Ville';
  table(ws, 5, SUIVI_HEADER, SUIVI);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

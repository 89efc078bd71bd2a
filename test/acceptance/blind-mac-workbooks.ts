/**
 * Blind acceptance « mac »: the register of a buyer who works on a MAC WITH AN ENGLISH-LOCALE EXCEL
 * and writes some cells IN WORDS AND ABBREVIATIONS. Built from the spec and the README only, before
 * reading src/ and before the first run.
 *
 * « Pôle Solidarités - suivi 2025.xlsx » is saved with the 1904 date system (`date1904`, old Excel
 * for Mac: every real date is a serial counted from 01/01/1904, 1 462 less than the same date in the
 * 1900 system). The buyer's Excel is set to English: real dates shown month-first (`m/d/yyyy`,
 * `mmm d, yyyy`), numbers pasted as text from an English tool (`124,800.00`, `€32,500.00`), oui/non
 * typed `Yes`/`No`/`Y`/`N`/`TRUE` or real booleans; and when in doubt the buyer writes in words
 * (« 1er juin 2025 », « T2 2025 », « 200 k€ », « deux cent mille », « 1,2 M€ », « oui (clause art. 2) »).
 *
 * Sheet « Suivi 2025 », rows as the user sees them:
 *    1  « Ville de Roubaix – Pôle Solidarités et Citoyenneté »
 *    2  « Suivi des marchés 2025 – saisi sur Mac (Excel en anglais) »
 *    3  empty
 *    4  HEADER
 *    5–16   twelve rows of 2025 (contracts, one order outside any contract)
 *   17  a 2024 contract still running, in an outline group that is collapsed (row hidden, level 1)
 *   18  empty
 *   19  « Total » in B, SUM formulas (cached) in D and E
 *
 * No objet nor remark uses a word of the suggestion lexicon (regles.md §4).
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE_MAC = 'Pôle Solidarités - suivi 2025.xlsx';
export const SHEET_MAC = 'Suivi 2025';

export const HEADER = [
  'Réf. marché', // A numero
  'Intitulé', // B objet
  'Date notif', // C dateNotification
  'Montant HT (€)', // D montant
  'Réalisé (€)', // E montantMandate
  'Procédure', // F procedure
  'Clause insertion', // G clauseSociale
  'Critère DD', // H critereEnvironnemental
  'Heures réalisées', // I heuresInsertionRealisees
  'Attributaire', // J titulaire
  'N° SIRET', // K siret
  'CP', // L codePostalTitulaire
  'Localité', // M communeTitulaire
  'Typologie entreprise', // N categorieEntreprise
  'Nb offres', // O offresRecues
  'DGP (jours)', // P delaiPaiement
  'Hors marché', // Q horsMarche
  'Remarques', // R commentaires
] as const;

type Row = readonly ExcelJS.CellValue[];

/** Sheet rows 5–17. Real dates are `Date`s (written as 1904 serials by ExcelJS); everything else as typed. */
export const ROWS: Row[] = [
  // r5: real date shown month-first, SIRET typed as a number (valid), English Yes/No.
  ['SOL-25-001', 'Accompagnement des familles hébergées', day('2025-01-20'), 85000, 62400.5, 'AOO', 'Yes', 'No', 420, 'Les Ateliers du Trichon', 41287623000019, '59100', 'Roubaix', 'PME', 3, 28, 'No', null],
  // r6: text date « 02/03/2025 » (meant 3 February, read day-first: 2 March, still 2025); English
  // numbers pasted as text; « Y », « TRUE » as text; SIRET with spaces (valid); « 22.5 » days.
  ['SOL-25-002', 'Portage de repas à domicile pour les seniors', '02/03/2025', '124,800.00', '98,765.40', "Appel d'offres ouvert", 'Y', 'TRUE', 1250, 'Saveurs du Nord SAS', '523 187 490 00025', '59170', 'Croix', 'ETI', 4, '22.5', 'N', 'Avenant de durée en préparation'],
  // r7: deliberate error, month-first text date « 03/15/2025 » (month 15): date-invalide.
  ['SOL-25-003', 'Nettoyage des locaux du CCAS', '03/15/2025', 45000, 12000, 'MAPA', 'No', 'No', null, 'Net Services Roubaix', null, '59100', 'Roubaix', 'PME', 4, 25, 'No', null],
  // r8: real date shown « Apr 7, 2025 », amount with a € format, mandated empty; 35 days: warning.
  ['SOL-25-004', 'Location de minibus pour le transport des usagers', day('2025-04-07'), 38400, null, 'MAPA', 'No', 'Yes', null, 'Transports Vandewalle', null, '59200', 'Tourcoing', 'TPE', 2, 35, 'No', null],
  // r9: ISO text date; « €32,500.00 »; real booleans TRUE/FALSE.
  ['SOL-25-005', 'Fourniture de colis alimentaires', '2025-05-12', '€32,500.00', '€28,140.25', 'Procédure adaptée', true, false, 150, 'Banque Alimentaire du Nord', null, '59650', "Villeneuve-d'Ascq", 'PME', 1, 30, false, null],
  // r10: date in words (read), amount « 200 k€ »: deliberate error, montant-invalide.
  ['SOL-25-006', "Mission d'assistance juridique", '1er juin 2025', '200 k€', null, 'MAPA', 'No', 'No', null, 'Cabinet Delattre Avocats', null, '59000', 'Lille', 'TPE', 3, 20, 'No', 'montant estimé : 200 k€'],
  // r11: « oui (clause art. 2) » is oui; « n » is non; no-publicity procedure (not a consultation);
  // French amount text « 14 250,00 € »; « Très petite entreprise ».
  ['SOL-25-007', 'Impression des supports de communication', day('2025-06-23'), 15600, '14 250,00 €', 'MSPMC', 'oui (clause art. 2)', 'n', 60, 'Imprimerie Roubaisienne', null, '59100', 'Roubaix', 'Très petite entreprise', 1, 18, 'No', 'Reconduction possible une fois'],
  // r12: amount in words, mandated « 1,2 M€ »: deliberate error (montant-invalide, valeur-illisible).
  ['SOL-25-008', "Prestations de traduction et d'interprétariat", day('2025-09-18'), 'deux cent mille', '1,2 M€', 'AOO', 'No', 'No', null, 'Traductions Lemaire', null, '59100', 'Roubaix', 'TPE', 2, 24, 'No', null],
  // r13: a quarter for a date: deliberate error, date-invalide.
  ['SOL-25-009', "Animation d'ateliers numériques", 'T2 2025', 27000, 9000, 'MAPA', 'Yes', 'No', 80, 'Association Numéri’Nord', null, '59100', 'Roubaix', 'TPE', 2, 15, 'No', 'notifié au T2, date exacte à retrouver'],
  // r14: the date's format was cleared (« Effacer les formats »): the bare serial 44 482, which this
  // 1904 workbook shows as 14/10/2025 once formatted as a date (13/10/2021 in the 1900 system).
  // Invalid SIRET (warning), « Grande entreprise », Valenciennes (Hauts-de-France).
  ['SOL-25-010', 'Fournitures de bureau', 44482, 52000, 47380, 'AO ouvert', 'No', 'No', null, 'Lyreco France', '12345678900012', '59300', 'Valenciennes', 'Grande entreprise', 5, 27, 'No', null],
  // r15: procedure typed in English: deliberate error, valeur-illisible.
  ['SOL-25-011', 'Maintenance des ascenseurs', day('2025-11-05'), 18000, 4500, 'Open tender', 'No', 'No', null, 'Ascenseurs Flandres', null, '59200', 'Tourcoing', 'PME', 3, 21, 'No', null],
  // r16: an order outside any contract, « Yes » hors marché, mandated empty.
  ['SOL-25-HM1', 'Achat de petit matériel de cuisine', day('2025-10-03'), 1850, null, null, null, null, null, 'Comptoir Roubaisien', null, '59100', 'Roubaix', 'TPE', null, 12, 'Yes', null],
  // r17: 2024 contract, same supplier (same SIRET) as r5; collapsed outline group; 31 days: warning.
  ['SOL-24-031', "Accueil de jour des personnes sans domicile", day('2024-11-28'), 64000, 31000, 'AOO', 'Yes', 'Yes', 200, 'Les Ateliers du Trichon', 41287623000019, '59100', 'Roubaix', 'PME', 2, 31, 'No', null],
];

export const FIRST_ROW = 5;

export async function buildMacWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sophie Vermeersch';
  // The Mac's date system: ExcelJS writes every Date as a 1904 serial and flags the workbook.
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet(SHEET_MAC, { properties: { outlineProperties: { summaryBelow: true, summaryRight: true } } });
  ws.getCell('A1').value = 'Ville de Roubaix – Pôle Solidarités et Citoyenneté';
  ws.getCell('A2').value = 'Suivi des marchés 2025 – saisi sur Mac (Excel en anglais)';
  HEADER.forEach((h, i) => (ws.getRow(4).getCell(i + 1).value = h));
  ROWS.forEach((values, i) => {
    const row = ws.getRow(FIRST_ROW + i);
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = i === 3 ? 'mmm d, yyyy' : 'm/d/yyyy';
      else if (typeof v === 'number' && (c === 3 || c === 4)) cell.numFmt = '#,##0.00 "€"';
    });
  });
  // The 2024 row sits in a collapsed outline group, as « Marchés 2024 en cours ».
  const last = ws.getRow(FIRST_ROW + ROWS.length - 1);
  last.outlineLevel = 1;
  last.hidden = true;
  const total = ws.getRow(19);
  total.getCell(2).value = 'Total';
  total.getCell(4).value = { formula: 'SUM(D5:D17)', result: 346850 };
  total.getCell(5).value = { formula: 'SUM(E5:E17)', result: 166280.5 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

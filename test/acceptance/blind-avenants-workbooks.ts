/**
 * Blind acceptance « avenants »: a Pôle that keeps its contracts' AMENDMENTS AS COLUMNS beside each
 * contract (their total amount, the date of the last one, their number, how many extend the
 * duration, the amount after amendments), and once as an EXTRA ROW under its contract.
 *
 * « Pôle Ressources - marchés et avenants 2025.xlsx », sheet « Marchés » (no Pôle column):
 *    1  « Pôle Ressources — suivi des marchés et de leurs avenants (mise à jour 01/12/2025) »
 *    2  HEADER
 *    3–11  nine rows: seven contracts of 2025, an amendment typed as its own row under its
 *          contract (no numero), a 2024 contract amended in 2025
 *   12  « Total » in B, SUM formulas (cached) in D, E and I
 *
 * No objet uses a word of the suggestion lexicon (regles.md §4).
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE_AVENANTS = 'Pôle Ressources - marchés et avenants 2025.xlsx';
export const SHEET_AVENANTS = 'Marchés';

export const HEADER = [
  'N° de contrat', // A numero
  'Objet de la consultation', // B objet
  "Date d'attribution", // C dateNotification
  'Montant initial HT', // D montant (the notified amount, before amendments)
  'Avenants (montant HT)', // E the amendments' amount: no field of champs.md
  'Date du dernier avenant', // F no field
  'Avenants (nombre)', // G nbAvenants
  'Dont prolongation', // H nbAvenantsProlongation
  'Montant après avenants HT', // I no field (not the notified amount)
  'Marché récurrent', // J recurrent
  'Clause sociale', // K clauseSociale
  'Clause env.', // L clauseEnvironnementale
  'Mandaté HT', // M montantMandate
  'Titulaire', // N titulaire
  'CP', // O codePostalTitulaire
] as const;

type Row = readonly ExcelJS.CellValue[];

/** Sheet rows 3–11. */
export const ROWS: Row[] = [
  // r3
  ['RES-25-01', "Maintenance du parc d'imprimantes", day('2025-01-15'), 48000, 6500, day('2025-09-01'), 2, 1, 54500, 'oui', 'non', 'oui', 51200, 'Bureautique Flandres', '59100'],
  // r4: the amendment typed as a row of its own under its contract, without a numero: numero-manquant.
  [null, 'Avenant n°1 au RES-25-01 : extension du périmètre', day('2025-06-10'), 2000, null, null, null, null, null, null, null, null, null, null, null],
  // r5: an amendment amount with cents (a count would be unreadable: non-entier).
  ['RES-25-02', 'Nettoyage des bâtiments administratifs', '03/02/2025', 120000, '12 000,50', day('2025-11-15'), 1, 1, 132000.5, 'oui', 'oui', 'non', 98000, 'Net Nord Services', '59200'],
  // r6: never amended.
  ['RES-25-03', 'Fourniture de mobilier de bureau', day('2025-03-20'), 35000, null, null, 0, 0, 35000, 'non', 'non', 'oui', 35000, 'Mobilier Lambersart', '59130'],
  // r7
  ['RES-25-04', 'Assurance de la flotte automobile', day('2025-04-01'), 60000, 3000, day('2025-10-01'), 1, 0, 63000, 'oui', 'non', 'non', 30000, 'Assurances du Nord', '59000'],
  // r8: nothing mandated yet; « Dont prolongation » empty.
  ['RES-25-05', 'Conseil en organisation des services', day('2025-05-12'), 25000, 0, null, 0, null, 25000, 'non', 'oui', 'non', null, 'Cabinet Opale', '62200'],
  // r9
  ['RES-25-06', 'Location de véhicules utilitaires', day('2025-06-30'), 44000, 8800, day('2025-12-01'), 3, 2, 52800, 'oui', 'non', 'non', 40000, 'Loc Utilitaires Roubaix', '59100'],
  // r10: deliberate error, more extensions than amendments (prolongations-incoherentes).
  ['RES-25-07', "Maintenance des ascenseurs de l'hôtel de ville", day('2025-07-15'), 15000, 1500, day('2025-11-01'), 1, 2, 16500, 'oui', 'non', 'non', 9000, 'Ascenseurs Flandres', '59200'],
  // r11: a 2024 contract amended in 2025 (N−1).
  ['RES-24-12', 'Gardiennage des sites municipaux', day('2024-11-05'), 70000, 5000, day('2025-05-01'), 1, 1, 75000, 'oui', 'oui', 'oui', 20000, 'Sécurité Nord', '59100'],
];

export async function buildAvenantsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_AVENANTS);
  ws.getCell('A1').value = 'Pôle Ressources — suivi des marchés et de leurs avenants (mise à jour 01/12/2025)';
  HEADER.forEach((h, i) => (ws.getRow(2).getCell(i + 1).value = h));
  ROWS.forEach((values, i) => {
    const row = ws.getRow(3 + i);
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      else if (typeof v === 'number' && [3, 4, 8, 12].includes(c)) cell.numFmt = '#,##0.00 "€"';
    });
  });
  const total = ws.getRow(12);
  total.getCell(2).value = 'Total';
  // Cached results as Excel saves them (SUM skips the text « 12 000,50 »).
  total.getCell(4).value = { formula: 'SUM(D3:D11)', result: 419000 };
  total.getCell(5).value = { formula: 'SUM(E3:E11)', result: 24800 };
  total.getCell(9).value = { formula: 'SUM(I3:I11)', result: 453800.5 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Blind acceptance `sorties`: two buyer workbooks in house styles nobody wrote the code for,
 * built with ExcelJS, to be run through the command line and read back.
 *
 * A — `Pôle Cadre de vie.xlsx`: a « Lisez-moi » sheet (merged title, formula with cached result,
 *     euro / date / percent formats), the register « Suivi marchés » under two title rows (header
 *     on row 4) with a `Pôle gestionnaire` column holding two Pôles (Voirie, Propreté), a totals
 *     row, texts that look like formulas, a « Cibles » and a « Saisies manuelles » sheet.
 * B — `Pôle Solidarités.xlsx`: a « Notes » sheet, then the register « Marchés 2025 » (header on
 *     row 3), no Pôle column, a procedure column, company sizes, communes instead of postal codes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

export const FILE_A = 'Pôle Cadre de vie.xlsx';
export const FILE_B = 'Pôle Solidarités.xlsx';
export const SHEET_A = 'Suivi marchés';
export const SHEET_B = 'Marchés 2025';

export function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Header of A, on row 4 (column letters A..M). */
export const HEADER_A = [
  'Réf. marché', // A numero
  'Intitulé', // B objet
  'Pôle gestionnaire', // C pole
  'Montant HT (€)', // D montant
  'Notifié le', // E dateNotification
  'Mandaté (€)', // F montantMandate
  'Clause sociale', // G clauseSociale
  'Critère env.', // H critereEnvironnemental
  'Programmé', // I programme
  'Attributaire', // J titulaire
  'CP', // K codePostalTitulaire
  'Chargé de marché', // L acheteur
  'Observations', // M commentaires
] as const;

type Cell = ExcelJS.CellValue;

/** Data rows of A, sheet rows 5..12, then the totals row 13. */
export const ROWS_A: Cell[][] = [
  // 5: Voirie, 2025, OK
  ['CV-25-01', 'Entretien des espaces verts', 'Voirie', 120000, utc('2025-03-15'), 80000, 'Oui', 'Non', 'Oui', 'Verts Jardins SARL', '59100', 'Mme Lefèvre', null],
  // 6: Voirie, 2025, OK; amount and date typed as text; texts that look like formulas
  ['CV-25-02', 'Fourniture de mobilier urbain', 'Voirie', '45 000,00 €', '02/05/2025', 30000, 'Non', 'Oui', 'Oui', 'Urbaform', '59170', '+33 6 12 34 56 78', '=1+1'],
  // 7: Propreté, 2025, OK; no mandated amount (spend = montant)
  ['CV-25-03', 'Éclairage public LED', 'Propreté', 200000, utc('2025-06-10'), null, null, 'Oui', 'Oui', 'Lumière & Co', '75011', 'M. Dubois', '-5 jours'],
  // 8: Propreté, 2025, warnings: postal code of 4 digits, suggestion « réemploi »
  ['CV-25-04', '@SUM(A1)', 'Propreté', 8000, utc('2025-09-20'), 8000, 'Non', 'Non', null, 'Atelier Nord', '7501', null, 'Mobilier en réemploi'],
  // 9: doublon of CV-25-02 (same year)
  ['CV-25-02', 'Fourniture de mobilier urbain (lot 2)', 'Voirie', 10000, utc('2025-10-01'), 10000, 'Non', 'Non', 'Non', 'Urbaform', '59170', null, null],
  // 10: montant-manquant
  ['CV-25-06', 'Nettoyage des voiries', 'Propreté', null, utc('2025-11-12'), null, 'Non', 'Non', 'Non', 'Propre Nord', '59100', null, null],
  // 11: 2024 (N−1), Voirie
  ['CV-24-01', 'Tonte 2024', 'Voirie', 50000, utc('2024-04-15'), 50000, 'Oui', 'Non', 'Oui', 'Verts Jardins SARL', '59100', null, null],
  // 12: 2024 (N−1), Propreté
  ['CV-24-02', 'Balayeuse', 'Propreté', 100000, utc('2024-07-01'), 90000, 'Non', 'Non', 'Non', 'Nordmeca', '59000', null, null],
];

export const HEADER_B = [
  'N° de contrat', // A numero
  'Objet de la consultation', // B objet
  'Montant attribué', // C montant
  "Date d'attribution", // D dateNotification
  "Clause d'insertion", // E clauseSociale
  'Clause verte', // F clauseEnvironnementale
  'Procédure', // G procedure
  'Nb offres', // H offresRecues
  'Fournisseur', // I titulaire
  'Ville', // J communeTitulaire
  'Taille', // K categorieEntreprise
  'Remarques', // L commentaires
] as const;

/** Data rows of B, sheet rows 4..9. */
export const ROWS_B: Cell[][] = [
  // 4: 2025 OK, warning: suggestion « compostage »
  ['SOL-01', 'Portage de repas', 60000, utc('2025-01-12'), 'Oui', 'Non', 'MAPA', 3, 'Repas Solidaires', 'Roubaix', 'PME', 'Barquettes compostables, compostage des déchets'],
  // 5: 2025 OK
  ['SOL-02', 'Entretien des locaux', 24000, utc('2025-03-03'), 'Non', 'Oui', 'AOO', 5, 'Net Services SAS', 'Lille', 'ETI', null],
  // 6: 2025 OK, gré à gré (not a consultation); a negation that must not trigger
  ['SOL-03', 'Achat de fournitures', 4500, utc('2025-04-28'), 'Non', 'Non', 'gré à gré', 1, 'Bureau Plus', 'Arras', 'TPE', 'sans clause sociale'],
  // 7: montant-invalide (negative)
  ['SOL-04', 'Location de véhicules', -500, utc('2025-05-02'), 'Non', 'Non', 'AOO', 2, 'Loca Nord', 'Tourcoing', 'PME', null],
  // 8: valeur-illisible (number of offers written in words)
  ['SOL-05', "Mission d'accompagnement", 15000, utc('2025-06-15'), 'Non', 'Non', 'Procédure adaptée', 'trois', 'Conseil Plus', 'Roubaix', 'TPE', null],
  // 9: 2024 (N−1)
  ['SOL-06', 'Prestations de portage', 30000, utc('2024-10-10'), 'Oui', 'Oui', 'AOO', 4, 'Repas Solidaires', 'Roubaix', 'PME', null],
];

function putRows(ws: ExcelJS.Worksheet, firstRow: number, rows: Cell[][], dateCol: number, moneyCols: number[]): void {
  rows.forEach((values, i) => {
    const row = ws.getRow(firstRow + i);
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (c + 1 === dateCol && v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      if (moneyCols.includes(c + 1) && typeof v === 'number') cell.numFmt = '#,##0.00 "€"';
    });
  });
}

export async function buildA(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const readme = wb.addWorksheet('Lisez-moi');
  readme.getCell('A1').value = 'Suivi des marchés — Pôle Cadre de vie';
  readme.mergeCells('A1:D1');
  readme.getCell('A3').value = 'Total notifié';
  readme.getCell('B3').value = { formula: "SUM('Suivi marchés'!D5:D12)", result: 488000 };
  readme.getCell('B3').numFmt = '#,##0.00 "€"';
  readme.getCell('A4').value = 'Mise à jour';
  readme.getCell('B4').value = utc('2026-01-15');
  readme.getCell('B4').numFmt = 'dd/mm/yyyy';
  readme.getCell('A5').value = 'Avancement';
  readme.getCell('B5').value = 0.25;
  readme.getCell('B5').numFmt = '0.0%';
  readme.getCell('A6').value = '=ceci est du texte';
  readme.getColumn(1).width = 28;

  const ws = wb.addWorksheet(SHEET_A);
  ws.getCell('A1').value = 'PÔLE CADRE DE VIE — SUIVI DES MARCHÉS 2025';
  ws.mergeCells('A1:M1');
  ws.getCell('A2').value = 'Mise à jour : 15/01/2026';
  HEADER_A.forEach((h, i) => (ws.getRow(4).getCell(i + 1).value = h));
  putRows(ws, 5, ROWS_A, 5, [4, 6]);
  ws.getCell('B13').value = 'Total :';
  ws.getCell('D13').value = { formula: 'SUM(D5:D12)', result: 488000 };
  ws.getCell('D13').numFmt = '#,##0.00 "€"';

  const cibles = wb.addWorksheet('Cibles');
  putRows(cibles, 1, [
    ['Indicateur', 'Année', 'Cible', 'Sens'],
    ['4.1.2-consideration-sociale', 2025, 25, '≥'],
    ['3.1.1-consideration-env', 2025, 100, null],
  ], 0, []);

  const saisies = wb.addWorksheet('Saisies manuelles');
  putRows(saisies, 1, [
    ['Indicateur', 'Année', 'Valeur', 'Source'],
    ['3.2.1-fournitures-evitees', 2025, '12,5', 'Service achats'],
    ['3.2.1-mobilier-reemploye', 2025, 35, 'Inventaire mobilier'],
  ], 0, []);

  const file = path.join(dir, FILE_A);
  await wb.xlsx.writeFile(file);
  return file;
}

export async function buildB(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Notes du service';
  notes.mergeCells('A1:C1');
  notes.getCell('A2').value = 'Budget prévisionnel';
  notes.getCell('B2').value = 150000;
  notes.getCell('B2').numFmt = '#,##0 "€"';
  notes.getCell('A3').value = 'Taux';
  notes.getCell('B3').value = { formula: 'B2*0.2', result: 30000 };
  notes.getCell('B3').numFmt = '0.00';

  const ws = wb.addWorksheet(SHEET_B);
  ws.getCell('A1').value = 'Pôle Solidarités — marchés notifiés';
  ws.mergeCells('A1:L1');
  ws.getCell('A2').value = 'Montants en euros HT';
  HEADER_B.forEach((h, i) => (ws.getRow(3).getCell(i + 1).value = h));
  putRows(ws, 4, ROWS_B, 4, [3]);

  const file = path.join(dir, FILE_B);
  await wb.xlsx.writeFile(file);
  return file;
}

export async function buildBoth(dir: string): Promise<{ a: string; b: string }> {
  fs.mkdirSync(dir, { recursive: true });
  return { a: await buildA(dir), b: await buildB(dir) };
}

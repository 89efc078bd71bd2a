/**
 * Blind acceptance « sheets »: two Pôle workbooks built with ExcelJS in house
 * styles nobody wrote the code for. Every value here is judged by hand in
 * `blind-sheets.acceptance.test.ts` (see its header comment).
 *
 * « Pôle Culture.xlsx »
 *   - sheet « Suivi marchés »: title merged A1:F1, a note in A2, then the
 *     register as an Excel table `TabMarchesCulture` whose header is row 3
 *     (data rows 4–14), with a Pôle column, column widths and number formats.
 *   - sheet « Budget »: a user sheet with formulas (cached results), merged
 *     cells, column widths and number formats.
 * « Pôle Sports.xlsx »
 *   - sheet « Marchés 2025 »: two title rows (A1 merged), header row 3, data
 *     rows 4–9, no Pôle column, other header names, a TTC column.
 *   - sheet « Notes »: formulas, merged cells, column widths, a number format.
 */
import ExcelJS from 'exceljs';

export const CULTURE_FILE = 'Pôle Culture.xlsx';
export const SPORTS_FILE = 'Pôle Sports.xlsx';
export const CULTURE_SHEET = 'Suivi marchés';
export const SPORTS_SHEET = 'Marchés 2025';

const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

export const CULTURE_HEADERS = [
  'N° marché', // A numero
  'Objet du marché', // B objet
  'Pôle', // C pole
  'Service prescripteur', // D direction
  'Date notif', // E dateNotification
  'Montant HT (€)', // F montant
  'Montant mandaté', // G montantMandate
  'Procédure', // H procedure
  'Clause sociale', // I clauseSociale
  'Clause environnementale', // J clauseEnvironnementale
  'Marché innovant', // K marcheInnovant
  'Titulaire', // L titulaire
  'SIRET', // M siret
  'Programmé', // N programme
  'Commentaires', // O commentaires
] as const;

type Cell = string | number | Date | null;

/** Data rows of the Culture table, sheet rows 4..14 in this order. */
export const CULTURE_ROWS: Cell[][] = [
  // row 4
  ['CULT-25-001', 'Spectacle de rue pour la fête de quartier', 'Pôle Culture', 'Événementiel', d(2025, 1, 15), '12 345,67 €', 10000.5, 'MAPA', 'oui', null, 'non', 'Compagnie Zéphyr', '73282932000074', 'oui', null],
  // row 5
  ['CULT-25-002', 'Fourniture de papier recyclé pour la médiathèque', 'Pôle Culture', 'Médiathèque', '03/02/2025', 4800, null, 'AOO', 'non', null, null, 'Papeteries du Nord', null, 'non', null],
  // row 6
  ['CULT-25-003', 'Restauration des tableaux du musée', 'Pôle Culture', 'Musée', '2025-03-10', 25000, 24999.99, 'Procédure adaptée', 'non', 'oui', 'non', 'Atelier Lumière SARL', '1234567890123', 'oui', null],
  // row 7
  ['CULT-25-004', 'Billetterie en ligne', 'Pôle Culture', 'Événementiel', d(2025, 4, 10), 18000, null, "Appel d'offres ouvert", 'non', 'non', 'oui', 'Billetix', null, 'non', '=Reconduction possible'],
  // row 8
  ['CULT-25-005', 'Maintenance des éclairages scéniques', 'Pôle Culture', 'Théâtre', '22.05.2025', '7 250,40 €', 7000, 'MAPA', 'non', 'oui', 'non', 'Lumiscène', '44306184100047', null, '+2 options'],
  // row 9
  ['CULT-25-006', 'Impression des programmes de saison', 'Pôle Culture', 'Communication', d(2025, 6, 30), '3 120,5', null, 'Gré à gré', 'oui', 'non', 'non', 'Imprimerie Roubaisienne', null, 'oui', '@saison'],
  // row 10 — doublon of row 5 (case ignored), same year
  ['cult-25-002', 'Fourniture de papier (complément)', 'Pôle Culture', 'Médiathèque', d(2025, 7, 15), 1200, null, 'MAPA', 'non', 'non', 'non', 'Papeteries du Nord', null, 'non', null],
  // row 11 — montant empty
  ['CULT-25-007', 'Location de matériel son', 'Pôle Culture', 'Événementiel', d(2025, 9, 1), null, null, 'MAPA', 'non', 'non', 'non', 'SonoPro', null, 'non', null],
  // row 12
  ['CULT-25-008', 'Médiation culturelle en milieu scolaire', 'Pôle Culture', 'Action culturelle', d(2025, 10, 15), 9999.99, 5000, 'PN', 'oui', 'oui', 'oui', 'Asso Lire Ensemble', null, 'oui', '- séance supplémentaire en décembre'],
  // row 13 — 2024, Pôle empty (→ file name)
  ['CULT-24-011', 'Concert du nouvel an', null, 'Conservatoire', d(2024, 12, 12), 6000, 6000, 'MAPA', 'non', 'non', 'non', 'Orchestre Flandres', null, 'oui', null],
  // row 14 — 2024
  ['CULT-24-012', 'Exposition temporaire', 'Pôle Culture', 'Musée', d(2024, 3, 5), 15000, 14000, 'AOO', 'oui', 'oui', 'non', 'Muséo', null, 'non', null],
];

export const CULTURE_WIDTHS = [14, 44, 14, 20, 12, 16, 16, 22, 10, 12, 10, 26, 17, 11, 34];

export const SPORTS_HEADERS = [
  'Réf. marché', // A numero
  'Intitulé', // B objet
  "Date d'attribution", // C dateNotification
  'Montant attribué (en €)', // D montant
  'Montant TTC', // E (never an HT amount)
  'Type de procédure', // F procedure
  "Clause d'insertion", // G clauseSociale
  'Critère env.', // H critereEnvironnemental
  'Attributaire', // I titulaire
  'CP titulaire', // J codePostalTitulaire
  'Nb offres', // K offresRecues
  'Observations', // L commentaires
] as const;

/** Sports data rows, sheet rows 4..9. */
export const SPORTS_ROWS: Cell[][] = [
  // row 4
  ['SPO-25-01', 'Rénovation du terrain synthétique', d(2025, 2, 14), 85000, 102000, 'AOO', 'oui', 'oui', 'Sols Sportifs du Nord', '59100', 4, null],
  // row 5
  ['SPO-25-02', 'Achat de matériel de gymnastique', '20/03/2025', '12 500,00 €', 15000, 'MAPA', 'non', 'non', 'Gym Equip', '59170', 3, null],
  // row 6
  ['SPO-25-03', 'Entretien des piscines', d(2025, 5, 5), 40000, 48000, 'PN', 'oui', 'non', 'AquaServices', '75011', 2, null],
  // row 7
  ['SPO-25-04', 'Transport des équipes', d(2025, 6, 12), 8000, 9600, 'MSPMC', 'non', 'non', 'Cars Flandres', '62000', null, null],
  // row 8
  ['SPO-25-05', 'Location de gradins', d(2025, 7, 1), 6500.5, 7800.6, 'MAPA', 'non', 'oui', 'Gradins Roubaix', '59100', 5, null],
  // row 9
  ['SPO-25-06', 'Fourniture de maillots', d(2025, 9, 15), 3000, 3600, 'MAPA', 'non', 'non', 'Textiles Sud', '5910', 1, '=SOMME à vérifier'],
];

export const SPORTS_WIDTHS = [12, 38, 14, 18, 14, 18, 12, 10, 24, 10, 9, 24];

/**
 * `savedState`: a state as a previous run would have left it in the very hidden
 * sheet `SPASER État` (JSON in A1, the format read back from the program's
 * own output), e.g. a tag decision the buyer took in the pane.
 */
export async function buildCultureWorkbook(savedState?: unknown): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pôle Culture';
  const ws = wb.addWorksheet(CULTURE_SHEET);
  ws.getCell('A1').value = 'Pôle Culture — suivi des marchés 2024-2025';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = 'Mise à jour : 15/11/2025 (D. Martin)';
  ws.addTable({
    name: 'TabMarchesCulture',
    ref: 'A3',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: CULTURE_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: CULTURE_ROWS.map((r) => r.map((v) => (v === null ? '' : v))),
  });
  // Empty cells must be truly empty (the table wrote '' for them).
  CULTURE_ROWS.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null) ws.getCell(4 + i, 1 + j).value = null;
    }),
  );
  CULTURE_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let row = 4; row <= 14; row++) {
    ws.getCell(row, 5).numFmt = 'dd/mm/yyyy';
    ws.getCell(row, 6).numFmt = '#,##0.00 "€"';
    ws.getCell(row, 7).numFmt = '#,##0.00 "€"';
  }

  const budget = wb.addWorksheet('Budget');
  budget.getCell('A1').value = 'Budget du Pôle Culture 2025';
  budget.mergeCells('A1:C1');
  budget.getCell('A3').value = 'Crédits ouverts';
  budget.getCell('B3').value = 150000;
  budget.getCell('B3').numFmt = '#,##0.00 "€"';
  budget.getCell('A4').value = 'Engagé (table)';
  budget.getCell('B4').value = { formula: "SUM('Suivi marchés'!F4:F14)", result: 100316.49 };
  budget.getCell('B4').numFmt = '#,##0.00 "€"';
  budget.getCell('A5').value = "Taux d'engagement";
  budget.getCell('B5').value = { formula: 'B4/B3', result: 0.6687766 };
  budget.getCell('B5').numFmt = '0.0%';
  budget.getCell('A7').value = 'Commentaire';
  budget.mergeCells('A7:A8');
  budget.getCell('B7').value = '-à revoir en COTECH';
  budget.getColumn(1).width = 24;
  budget.getColumn(2).width = 16;
  budget.getColumn(3).width = 30;
  if (savedState !== undefined) {
    const st = wb.addWorksheet('SPASER État');
    st.getCell('A1').value = JSON.stringify(savedState);
    st.state = 'veryHidden';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildSportsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Direction des Sports';
  const ws = wb.addWorksheet(SPORTS_SHEET);
  ws.getCell('A1').value = 'Direction des Sports — marchés notifiés en 2025';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = 'Tableau tenu par le service juridique';
  ws.getRow(3).values = [...SPORTS_HEADERS];
  ws.getRow(3).font = { bold: true };
  SPORTS_ROWS.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== null) ws.getCell(4 + i, 1 + j).value = v;
    });
    ws.getCell(4 + i, 3).numFmt = 'dd/mm/yyyy';
    ws.getCell(4 + i, 4).numFmt = '#,##0.00';
  });
  SPORTS_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Notes de suivi — Sports';
  notes.mergeCells('A1:D1');
  notes.getCell('A3').value = 'Total attribué HT';
  notes.getCell('B3').value = { formula: "SUM('Marchés 2025'!D4:D9)", result: 155000.5 };
  notes.getCell('B3').numFmt = '#,##0.00 "€"';
  notes.getCell('A4').value = 'Nombre de marchés';
  notes.getCell('B4').value = { formula: "COUNTA('Marchés 2025'!A4:A9)", result: 6 };
  notes.getCell('A5').value = 'Moyenne';
  notes.getCell('B5').value = { formula: 'B3/B4', result: 25833.4166666667 };
  notes.getCell('B5').numFmt = '0.00';
  notes.getCell('A7').value = 'À voir';
  notes.mergeCells('A7:B8');
  notes.getCell('C7').value = '+ revoir la clause piscine';
  notes.getColumn(1).width = 28;
  notes.getColumn(2).width = 18;
  notes.getColumn(4).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

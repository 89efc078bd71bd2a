/**
 * Blind acceptance « trimestres »: a Pôle that keeps ONE SHEET PER QUARTER instead of one per year,
 * each quarter's contracts listed on the quarter's sheet. Built from the spec and the README only,
 * before reading the code for this recipe and before its first run.
 *
 * « Pôle Solidarités - suivi 2025.xlsx » (no Pôle column: the Pôle is the file name), sheets in order:
 *   « Mode d'emploi »  three sentences in column A
 *   « T1 »  title row 1 « 1er trimestre 2025 (janvier – mars) », header row 2, rows 3–7, « Total » row 8
 *           (row 7 is a contract notified in December 2024 and listed here, its first spend being of T1)
 *   « T2 »  same header, rows 3–6 (row 4: SOL-25-002 listed again with its T2 spend), « Total » row 7
 *   « T3 »  after a SPASER training in June, the buyer added « Clause environnementale » and
 *           « Critère env. » beside « Clause sociale »: header row 2, rows 3–6, « Total » row 7
 *   « T4 »  same header as T3, rows 3–4 (the quarter is not over)
 *   « Synthèse »  one row per quarter with COUNTA / SUM formulas (cached results)
 *
 * Spelling of the spec's values written otherwise: « ESAT » and « L2113-12 » for ESAT/EA,
 * « L2113-13 » for SIAE (champs.md: réservation L2113-12 = ESAT/EA, L2113-13 = SIAE); company
 * size from the headcount only (« Effectif »); postal codes only, no commune column.
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE_TRIMESTRES = 'Pôle Solidarités - suivi 2025.xlsx';
export const POLE_TRIMESTRES = 'Pôle Solidarités - suivi 2025';

export const HEADER_H1 = [
  'Réf. marché', // A numero
  'Intitulé', // B objet
  'Date notif.', // C dateNotification
  'Montant notifié HT', // D montant
  'Mandaté', // E montantMandate
  'Clause sociale', // F clauseSociale
  'Marché réservé', // G marcheReserve
  'Programmé', // H programme
  'Titulaire', // I titulaire
  'Code postal', // J codePostalTitulaire
  'Effectif', // K effectifTitulaire
] as const;

/** From T3 on: two environmental columns after « Clause sociale ». */
export const HEADER_H2 = [
  'Réf. marché', 'Intitulé', 'Date notif.', 'Montant notifié HT', 'Mandaté', 'Clause sociale',
  'Clause environnementale', // G clauseEnvironnementale
  'Critère env.', // H critereEnvironnemental
  'Marché réservé', 'Programmé', 'Titulaire', 'Code postal', 'Effectif',
] as const;

type Row = readonly ExcelJS.CellValue[];

// Réf, Intitulé, Date, Montant, Mandaté, CS, Réservé, Programmé, Titulaire, CP, Effectif
const T1: Row[] = [
  ['SOL-25-001', 'Accueil de jour des personnes sans domicile', day('2025-01-13'), 86000, 21500, 'oui', 'non', 'oui', 'Association Le Relais Roubaix', '59100', 45],
  ['SOL-25-002', 'Portage de repas à domicile', day('2025-02-03'), 240000, 58300, 'oui', 'SIAE', 'oui', 'Ateliers Roubaisiens de Portage', '59100', 12],
  ['SOL-25-003', 'Fournitures de bureau pour les centres sociaux', day('2025-02-17'), 6400, 6400, 'non', 'ESAT', 'non', 'Les Ateliers du Sart', '59650', 80],
  ['SOL-25-004', 'Transport adapté des seniors', day('2025-03-24'), 52000, null, 'non', null, null, 'Transdev Nord', '59000', 8200],
  ['SOL-24-045', 'Gardiennage du foyer Béthanie', day('2024-12-16'), 33000, 8250, 'oui', 'non', 'oui', 'Securitas France', '92800', 20000],
];

const T2: Row[] = [
  ['SOL-25-005', 'Médiation dans les quartiers Est', day('2025-04-07'), 118000, 30000, 'oui', 'L2113-13', 'oui', 'Association Média Quartiers', '59100', 30],
  // The contract of T1 listed again with its T2 spend.
  ['SOL-25-002', 'Portage de repas à domicile', day('2025-02-03'), 240000, 61200, 'oui', 'SIAE', 'oui', 'Ateliers Roubaisiens de Portage', '59100', 12],
  ['SOL-25-006', "Aide alimentaire d'urgence (bons d'achat)", '15/05/25', '12 000 €', '12 000 €', 'non', 'non', 'non', 'Carrefour Market Roubaix', '59100', 60],
  ['SOL-25-007', 'Formation des aidants familiaux', day('2025-06-30'), 9800, 4900, 'Non', 'Non', 'oui', 'CEFRAS', '62000', '7'],
];

// Réf, Intitulé, Date, Montant, Mandaté, CS, CE, Crit. env., Réservé, Programmé, Titulaire, CP, Effectif
const T3: Row[] = [
  ['SOL-25-008', 'Entretien des locaux du CCAS', day('2025-07-01'), 74000, 18500, 'oui', 'oui', 'oui', 'ESAT/EA', 'oui', 'Les Papillons Blancs de Roubaix', '59100', 140],
  ['SOL-25-009', 'Location de véhicules pour les maraudes', day('2025-08-12'), 28000, 7000, 'non', 'non', 'oui', 'non', 'non', 'Ada Location', '75017', 300],
  ['SOL-25-010', "Prestations de traduction et d'interprétariat", day('2025-09-22'), 15000, null, 'non', 'non', 'non', 'non', 'oui', 'ISM Interprétariat', '75019', null],
  // Deliberate error: 31 September.
  ['SOL-25-011', 'Séjours de vacances pour les familles', '31/09/2025', 45000, null, 'non', 'non', 'non', 'non', 'oui', 'Vacances Ouvertes', '59100', 18],
];

const T4: Row[] = [
  ['SOL-25-012', 'Distribution de colis de fin d’année', day('2025-10-06'), 19500, 19500, 'oui', 'non', 'non', 'L2113-12', 'non', 'Association Solidarité Nord', '59100', 25],
  // Mandated 0 so far: the spend is 0, not the notified amount.
  ['SOL-25-013', "Audit de la politique d'accueil", day('2025-11-18'), 22000, 0, 'non', 'non', 'non', 'non', 'non', 'Cabinet Némésis Conseil', '59800', 4],
];

function writeQuarter(wb: ExcelJS.Workbook, name: string, title: string, header: readonly string[], rows: readonly Row[], total: boolean): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 13 };
  header.forEach((h, c) => {
    const cell = ws.getCell(2, c + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  const amountCols = [3, 4];
  rows.forEach((values, i) => {
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(3 + i, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      if (typeof v === 'number' && amountCols.includes(c)) cell.numFmt = '#,##0 "€"';
    });
  });
  if (total) {
    const r = 3 + rows.length;
    const numbers = (c: number) => rows.reduce((s, row) => s + (typeof row[c] === 'number' ? (row[c] as number) : 0), 0);
    ws.getCell(r, 2).value = 'Total';
    ws.getCell(r, 4).value = { formula: `SUM(D3:D${r - 1})`, result: numbers(3) };
    ws.getCell(r, 5).value = { formula: `SUM(E3:E${r - 1})`, result: numbers(4) };
  }
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 44 : 14));
}

export async function buildTrimestresWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const help = wb.addWorksheet("Mode d'emploi");
  help.getCell('A1').value = 'Un onglet par trimestre : saisir chaque marché dans le trimestre de sa notification.';
  help.getCell('A2').value = 'Un marché pluriannuel est repris au trimestre de sa première dépense.';
  help.getCell('A3').value = "L'onglet Synthèse se met à jour tout seul.";

  writeQuarter(wb, 'T1', '1er trimestre 2025 (janvier – mars)', HEADER_H1, T1, true);
  writeQuarter(wb, 'T2', '2e trimestre 2025 (avril – juin)', HEADER_H1, T2, true);
  writeQuarter(wb, 'T3', '3e trimestre 2025 (juillet – septembre)', HEADER_H2, T3, true);
  writeQuarter(wb, 'T4', '4e trimestre 2025 (octobre – décembre)', HEADER_H2, T4, false);

  const syn = wb.addWorksheet('Synthèse');
  ['Trimestre', 'Nombre de marchés', 'Montant notifié HT', 'Mandaté', 'dont clause sociale'].forEach((h, c) => (syn.getCell(1, c + 1).value = h));
  const quarters: [string, number, number, number, number][] = [
    ['T1', 5, 417400, 94450, 3],
    ['T2', 4, 367800, 95200, 2],
    ['T3', 4, 162000, 25500, 1],
    ['T4', 2, 41500, 19500, 1],
  ];
  quarters.forEach(([q, n, mt, md, cs], i) => {
    const r = 2 + i;
    syn.getCell(r, 1).value = q;
    syn.getCell(r, 2).value = { formula: `COUNTA('${q}'!A3:A20)`, result: n };
    syn.getCell(r, 3).value = { formula: `SUM('${q}'!D3:D20)/2`, result: mt };
    syn.getCell(r, 4).value = { formula: `SUM('${q}'!E3:E20)/2`, result: md };
    syn.getCell(r, 5).value = { formula: `COUNTIF('${q}'!F3:F20,"oui")`, result: cs };
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

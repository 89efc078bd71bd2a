/**
 * Blind acceptance « dates-durees »: three Pôle registers whose date, duration and payment-delay
 * columns were typed by hand over the years by different buyers. Built from the spec and the README
 * only, before reading src/ and before the first run. The hand computation is in
 * ./blind-dates-durees.acceptance.test.ts.
 *
 * « Pôle Culture.xlsx » (1900 system), sheet « Marchés », header on row 1, rows 2–22.
 * « Pôle Éducation.xlsx » (1900 system), sheet « Suivi 2025 », a title on row 1, header on row 3, rows 4–13.
 * « Pôle Solidarités.xlsx » (1904 system, old Excel for Mac), sheet « Registre », header on row 1, rows 2–8.
 *
 * No objet uses a word of the suggestion lexicon (regles.md §4). No column carries the Pôle: each
 * file's name gives it (README « Contrôles »: `pole` vide → le nom du fichier).
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE_A = 'Pôle Culture.xlsx';
export const SHEET_A = 'Marchés';
export const FILE_B = 'Pôle Éducation.xlsx';
export const SHEET_B = 'Suivi 2025';
export const FILE_C = 'Pôle Solidarités.xlsx';
export const SHEET_C = 'Registre';

export const HEADER_A = ['N° marché', 'Objet', 'Date de notification', 'Durée', 'Montant HT', 'Délai de paiement (jours)', 'Hors marché', 'Réunion de cadrage', 'Nb bilans'] as const;
export const HEADER_B = ['Référence', 'Intitulé', 'Notifié le', 'Durée du marché', 'Montant notifié HT', 'DGP', 'Commande hors marché', 'Réunion de lancement', 'Réunions de bilan'] as const;
export const HEADER_C = [
  'N° de marché',
  'Objet du marché',
  'Date de notification',
  'Durée (mois)',
  'Montant notifié HT (€)',
  'Délai moyen de paiement (jours)',
  'Commande hors marché',
  'Réunion de cadrage',
  'Nombre de réunions de bilan',
] as const;

/** A cell as the buyer left it: a Date is a real Excel date (dd/mm/yyyy), `{ n, fmt }` a number under a format. */
type Cell = ExcelJS.CellValue | { n: number; fmt: string | null };
type Row = readonly Cell[];

/** Sheet « Marchés » rows 2–22: numero, objet, date, durée, montant, délai, hors marché, cadrage, bilans. */
export const ROWS_A: Row[] = [
  /* r2  */ ['CUL-25-01', 'Programmation musicale du festival', '15/03/2025', 36, 12000, 30, 'non', 'oui', 0],
  /* r3  */ ['CUL-25-02', 'Entretien des instruments', '15/03/25', '36 mois', 8000, '30 j', 'non', 'oui', 1],
  /* r4  */ ['CUL-25-03', 'Transport des œuvres', '15.03.2025', '3 ans', 15000, '30 jours', 'non', 'non', 2],
  /* r5  */ ['CUL-25-04', 'Impression des programmes', '15-03-2025', '1 an', 5000, 25, 'non', 'oui', 0],
  /* r6  */ ['CUL-25-05', 'Gardiennage du musée', '2025-03-15', '12 mois reconductible 3 fois', 60000, 20, 'non', 'oui', 0],
  /* r7  */ ['CUL-25-06', 'Billetterie en ligne', '15 mars 2025', '48 (4 ans)', 24000, 45, 'non', 'oui', null],
  /* r8  */ ['CUL-25-07', 'Location de praticables', '1er mars 2025', '6 semaines', 3000, 30, 'non', 'oui', 0],
  /* r9  */ ['CUL-25-08', 'Nettoyage de la médiathèque', '15-mars-25', '18 mois + 6', 18000, '30', 'non', 'oui', 1],
  /* r10 */ ['CUL-25-09', "Restauration d'un tableau", 'mars 2025', 6, 9000, 30, 'non', 'oui', 1],
  /* r11 */ ['CUL-25-10', "Sonorisation des concerts d'été", '15/03/2025 14:30', '2,5 ans', 7000, 30, 'non', 'oui', 0],
  /* r12 */ ['CUL-25-11', "Catalogue de l'exposition", 'notifié le 15/03/2025', 6, 4000, 30, 'non', 'oui', 2],
  /* r13 */ ['CUL-25-12', 'Fourniture de badges', '03/15/2025', 12, 2000, 30, 'non', 'oui', 0],
  /* r14 */ ['CUL-25-13', 'Éclairage scénique', '31/02/2025', 12, 11000, 30, 'non', 'oui', 0],
  /* r15 */ ['CUL-25-14', 'Numérisation des archives', '45731', 11, 13000, 30, 'non', 'oui', 1],
  /* r16 */ ['CUL-25-15', 'Accord de médiation culturelle', day('2025-01-31'), '11 mois', 16000, 28, 'non', 'oui', 1],
  /* r17 */ ['CUL-25-16', 'Achat de chaises pliantes', null, null, 1500, 30, 'oui', null, null],
  /* r18 */ ['CUL-25-17', 'Régie son et lumière', null, 12, 9500, 30, 'non', 'oui', 0],
  /* r19 */ ['CUL-25-18', 'Achat de câbles', day('2025-05-20'), null, 800, '1 mois', 'oui', null, null],
  /* r20 */ ['CUL-24-09', 'Programmation musicale 2024', day('2024-06-10'), 12, 11000, 30, 'non', 'oui', 1],
  /* r21 */ ['CUL-26-01', 'Festival 2026', day('2026-02-02'), 12, 14000, 30, 'non', 'oui', 0],
  /* r22 */ ['CUL-25-02', 'Entretien des instruments', day('2025-03-15'), 36, 8000, 30, 'non', 'oui', 1],
];

/** Sheet « Suivi 2025 » rows 4–13. */
export const ROWS_B: Row[] = [
  /* r4  */ ['EDU-25-01', 'Restauration scolaire', day('2025-09-01'), 48, 250000, 30, 'non', 'oui', 0],
  /* r5: a date cell later formatted as text (Excel keeps the serial, shows « 45731 ») */
  /* r5  */ ['EDU-25-02', 'Fournitures scolaires', { n: 45731, fmt: '@' }, 12, 40000, '30 j', 'non', 'oui', 1],
  /* r6  */ ['EDU-25-03', 'Transport des classes de découverte', day('2025-06-30'), '1 an', 35000, 30, 'non', 'oui', 1],
  /* r7  */ ['EDU-25-04', "Entretien des cours d'école", day('2025-10-31'), 2, 6000, 30, 'non', 'oui', 1],
  /* r8  */ ['EDU-25-05', 'Mobilier des écoles', day('2025-05-31'), 13, 22000, 30, 'non', 'non', 1],
  /* r9  */ ['EDU-25-06', 'Fournitures de bureau pour les écoles', day('2025-04-10'), null, 1200, '30 jours', 'oui', null, null],
  /* r10 */ ['EDU-24-11', 'Restauration scolaire 2024', day('2024-09-02'), 12, 230000, 35, 'non', 'oui', 1],
  /* r11 */ ['EDU-24-12', 'Classes de neige 2024', '12/12/2024', 6, 18000, 30, 'non', 'non', 0],
  /* r12 */ ['EDU-23-04', 'Ancien marché de 2023', day('2023-03-01'), 36, 50000, 30, 'non', 'oui', 2],
  /* r13 */ ['EDU-25-07', 'Sorties pédagogiques', '2031-03-15', 12, 5000, 30, 'non', 'oui', 0],
];

/** Sheet « Registre » rows 2–8 (1904 workbook). */
export const ROWS_C: Row[] = [
  /* r2  */ ['SOL-25-01', 'Aide alimentaire', day('2025-02-14'), '24 mois', 45000, 30, 'non', 'oui', 0],
  /* r3  */ ['SOL-25-02', 'Accueil de jour', day('2025-11-30'), 1, 9000, 15, 'non', 'oui', 2],
  /* r4: the date's format cleared: the bare 1904 serial 44 267 (13/03/2025 in this workbook) */
  /* r4  */ ['SOL-25-03', 'Domiciliation des personnes sans adresse', { n: 44267, fmt: null }, 12, 14000, 30, 'non', 'oui', 1],
  /* r5  */ ['SOL-25-04', 'Médiation sociale', '15/03/2025', '3 ans', 27000, '30 j', 'non', 'non', 0],
  /* r6  */ ['SOL-25-05', 'Colis de Noël', day('2025-12-01'), null, 2500, 30, 'oui', null, null],
  /* r7  */ ['SOL-24-07', 'Aide alimentaire 2024', day('2024-02-14'), 24, 43000, 30, 'non', 'oui', 0],
  /* r8  */ ['SOL-25-06', 'Maraudes', day('2025-01-06'), null, 12000, null, null, 'oui', null],
];

function fill(ws: ExcelJS.Worksheet, headerRow: number, header: readonly string[], rows: readonly Row[]): void {
  header.forEach((h, i) => (ws.getRow(headerRow).getCell(i + 1).value = h));
  rows.forEach((values, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    values.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = row.getCell(c + 1);
      if (typeof v === 'object' && v !== null && 'n' in v && 'fmt' in v) {
        cell.value = v.n;
        if (v.fmt) cell.numFmt = v.fmt;
        return;
      }
      cell.value = v as ExcelJS.CellValue;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  });
}

export async function buildCulture(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet(SHEET_A), 1, HEADER_A, ROWS_A);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildEducation(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_B);
  ws.getCell('A1').value = 'Pôle Éducation – suivi des marchés';
  fill(ws, 3, HEADER_B, ROWS_B);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildSolidarites(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS writes every Date as a 1904 serial and flags the workbook.
  wb.properties.date1904 = true;
  fill(wb.addWorksheet(SHEET_C), 1, HEADER_C, ROWS_C);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

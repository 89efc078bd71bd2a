/**
 * Blind acceptance « Colonnes » (buyer over two weeks): the buyer's workbook,
 * built on the Excel double, in a house style nobody wrote the code for.
 *
 * Sheet « Marchés 2025 » (the register, header on row 1):
 *   A Réf. marché        → numero (synonym « réf. marché »)
 *   B Intitulé           → objet
 *   C Montant HT         → montant (synonym « montant HT », listed before « montant estimé HT »)
 *   D Montant estimé HT  → also a synonym of montant: loses to C (README « Colonnes »: equal score,
 *                          the synonym earlier in champs.md wins), listed non reconnue
 *   E Dépenses (k€)      → montantMandate (synonym « dépenses »), read in euros ×1000 (README)
 *   F Signé le           → unknown to the program: the notification date, chosen by the buyer
 *   G Clause sociale     → clauseSociale
 *   H Programmé          → programme
 *   I Centrale d'achat   → centraleAchat
 *   J Titulaire          → titulaire
 *   K Visa élu           → unknown column, listed non reconnue
 *
 * Sheet « Commandes 2025 »: looks like a register (N° marché, Objet, Date de
 * notification, Titulaire) but has no amount column.
 */
import { createExcelDouble, type ExcelDouble, type SeedCell } from '../doubles/excel-double';

export const TODAY = '2026-01-15';
export const WORKBOOK = 'Pôle Ressources - suivi des achats.xlsx';
export const REGISTER = 'Marchés 2025';
export const ORDERS = 'Commandes 2025';

/** Excel serial of a calendar date (1900 system). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
const date = (iso: string): SeedCell => ({ v: serial(iso), nf: 'dd/mm/yyyy' });

export const REGISTER_HEADER = [
  'Réf. marché',
  'Intitulé',
  'Montant HT',
  'Montant estimé HT',
  'Dépenses (k€)',
  'Signé le',
  'Clause sociale',
  'Programmé',
  "Centrale d'achat",
  'Titulaire',
  'Visa élu',
];

/** Week 1 rows (sheet rows 2–5). */
export const WEEK1_ROWS: SeedCell[][] = [
  ['2025-001', 'Nettoyage des écoles', 10000, 12000, 8.5, date('2025-01-15'), 'oui', 'oui', 'non', 'Net Plus', 'oui'],
  ['2025-002', 'Fournitures de bureau', 2000, 2500, null, date('2025-02-03'), 'non', 'non', 'oui', 'Bureau Vallée', 'non'],
  ['2025-003', 'Travaux de voirie rue de Lille', 50000, 45000, 12.345, date('2025-03-10'), 'oui', 'oui', 'non', 'Eurovia', 'oui'],
  ['2025-004', 'Maintenance des photocopieurs', 4000, 4000, '1,2', date('2025-04-01'), null, 'non', 'oui', 'Info Service', null],
];

/** Week 2: rows the buyer adds under the table (sheet rows 6–7). */
export const WEEK2_ROWS: SeedCell[][] = [
  ['2025-005', 'Entretien des espaces verts', 8000, 9000, null, date('2025-05-05'), 'oui', 'oui', 'non', 'Jardins du Nord', null],
  ['2025-006', 'Location de véhicules', 3000, 3000, '0,8', date('2025-06-12'), 'non', 'non', 'oui', 'Loca Auto', null],
];

export const ORDERS_HEADER = ['N° marché', 'Objet', 'Date de notification', 'Titulaire'];
export const ORDERS_ROWS: SeedCell[][] = [
  ['C-2025-01', 'Achat de petit matériel', date('2025-02-10'), 'Quincaillerie Martin'],
  ['C-2025-02', 'Réparation de serrures', date('2025-03-22'), 'Serrurerie Dupont'],
];

export function buyerWorkbook(): ExcelDouble {
  return createExcelDouble({
    name: WORKBOOK,
    sheets: [
      { name: REGISTER, cells: [REGISTER_HEADER, ...WEEK1_ROWS] },
      { name: ORDERS, cells: [ORDERS_HEADER, ...ORDERS_ROWS] },
    ],
  });
}

/** Writes values into a sheet of the double as the buyer types them (row0/col0 zero-based). */
export function typeCells(excel: ExcelDouble, sheet: string, row0: number, col0: number, rows: SeedCell[][]): void {
  const model = excel.sheet(sheet);
  rows.forEach((line, r) =>
    line.forEach((v, c) => {
      const cell = excel.cellAt(model, row0 + r, col0 + c);
      if (v !== null && typeof v === 'object') {
        cell.value = v.v ?? null;
        if (v.nf) cell.numberFormat = v.nf;
      } else cell.value = v;
    }),
  );
}

/**
 * A buyer's workbook for the Office-side spec tests, as domain grids (for the
 * chain), as seeds of the Excel double and as an ExcelJS workbook: the same
 * cells in all three. Several texts look like formulas, numbers or booleans.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../../src/domain/cell';
import type { SeedCell, SeedSheet } from '../../doubles/excel-double';
import { d, grid } from '../../helpers/grid';

export const SHEET = 'Suivi 2025';
export const NOTES = 'Notes';
export const BOOK = 'Pôle Sport.xlsx';

/** Serial of a date in Excel's 1900 system (dates after March 1900). */
export function serial(iso: string): number {
  const [y, m, day] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * Header on row 1; 4 contracts of 2025 in two Pôles. Row 4 has an amount
 * that cannot be read (`douze`, an error) and a titulaire `#N/A` (an error value as text). Texts: a formula-looking objet,
 * `+`, `-`, `@`, `VRAI`, `#N/A`, a leading apostrophe, a number-looking N°.
 */
export const ROWS: CellValue[][] = [
  ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif', 'Titulaire', 'Pôle', 'Clause sociale'],
  ['2025-001', '=HYPERLINK("http://exemple.test","clic")', 12000, d('2025-02-03'), '@Fournisseur', 'Pôle Sport', 'oui'],
  ['00042', '+ nettoyage des écoles', 3000, d('2025-03-10'), '-Dupont', 'Pôle Culture', 'non'],
  ['2025-003', 'VRAI', 'douze', d('2025-04-01'), '#N/A', 'Pôle Sport', 'oui'],
  ['2025-004', "'entre apostrophes", 5000.5, d('2025-05-01'), 'TRUE', 'Pôle Culture', 'oui'],
];

export const NOTE_ROWS: CellValue[][] = [['=1+1 reste un texte'], [12]];

export function grids(): SheetGrid[] {
  return [grid(SHEET, ROWS), grid(NOTES, NOTE_ROWS, { firstRow: 2, firstCol: 2 })];
}

function seedCell(v: CellValue): SeedCell {
  if (v !== null && typeof v === 'object' && 'date' in v) return { v: serial(v.date), nf: 'dd/mm/yyyy' };
  return v as SeedCell;
}

export function seeds(): SeedSheet[] {
  return [
    { name: SHEET, cells: ROWS.map((r) => r.map(seedCell)), conditionalFormats: [{ address: 'C2:C5', type: 'Custom', formula: '=C2>10000', fill: '#00FF00' }] },
    { name: NOTES, at: { row: 2, col: 2 }, cells: NOTE_ROWS.map((r) => r.map(seedCell)) },
  ];
}

export function exceljsBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const put = (name: string, rows: CellValue[][], r0: number, c0: number) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(r0 + i, c0 + j);
        if (typeof v === 'object' && 'date' in v) {
          const [y, m, day] = v.date.split('-').map(Number);
          cell.value = new Date(Date.UTC(y, m - 1, day));
          cell.numFmt = 'dd/mm/yyyy';
        } else cell.value = v as ExcelJS.CellValue;
      }),
    );
  };
  put(SHEET, ROWS, 1, 1);
  put(NOTES, NOTE_ROWS, 2, 2);
  return wb;
}

import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { MappingOverride } from '../../src/domain/model';
import { d, grid } from './grid';

/**
 * A register whose header is on rows 2 and 3 (« Dates » over « Signature » and « Fin »,
 * « Titulaire » over « Fournisseur ») and whose date of notification no header names: an
 * incomplete register, read on both rows only when the user says so (`SAID_ON_TWO_ROWS`).
 */
export const INCOMPLETE_ON_TWO_ROWS: CellValue[][] = [
  ['Suivi des marchés 2025', null, null, null, null, null],
  ['N° marché', 'Objet', 'Montant HT', 'Dates', null, 'Titulaire'],
  [null, null, null, 'Signature', 'Fin', 'Fournisseur'],
  ['M-1', 'Papier', 1000, d('2025-02-01'), d('2026-01-31'), 'Papeterie du Nord'],
  ['M-2', 'Nettoyage', 2000, d('2025-03-01'), d('2026-02-28'), 'Net Plus'],
];

/** That sheet, named `name`. */
export function incompleteOnTwoRows(name = 'Suivi'): SheetGrid {
  return grid(name, INCOMPLETE_ON_TWO_ROWS);
}

/** The user's saved choice: the header of `sheet` on rows 2 and 3. */
export const saidOnTwoRows = (sheet = 'Suivi'): MappingOverride => ({ sheet, headerRow: 2, headerRows: 2, columns: {} });

/** Its columns read on both rows, as [column, header, field]: no header names the date of notification. */
export const COLUMNS_ON_TWO_ROWS = [
  [1, 'N° marché', 'numero'],
  [2, 'Objet', 'objet'],
  [3, 'Montant HT', 'montant'],
  [6, 'Fournisseur', 'titulaire'],
];

/** Its headers read on both rows, left to right. */
export const HEADERS_ON_TWO_ROWS = ['N° marché', 'Objet', 'Montant HT', 'Dates Signature', 'Dates Fin', 'Fournisseur'];

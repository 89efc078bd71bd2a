import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { d, grid } from './grid';

/**
 * « Titulaire » over « Fournisseur » alone, under a title: nothing tells the program row 3 is no
 * data row, so it is read as a contract in error until the user says the header is on rows 2 and 3
 * (README « Colonnes », ligne d'en-tête).
 */
export const SUB_HEADER_ALONE: CellValue[][] = [
  ['Suivi des marchés 2025', null, null, null, null],
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'],
  [null, null, null, null, 'Fournisseur'],
  ['M-1', 'Papier', 1000, d('2025-02-01'), 'Papeterie du Nord'],
  ['M-2', 'Nettoyage', 2000, d('2025-03-01'), 'Net Plus'],
];

/** That sheet, named `name`. */
export function subHeaderAlone(name = 'Suivi'): SheetGrid {
  return grid(name, SUB_HEADER_ALONE);
}

/**
 * Five contracts of 2025 in two Pôles, suppliers by name and zones by postal code: the workbook
 * of the per-Pôle breakdown tests (values worked out in `test/domain/pole-breakdowns.test.ts`).
 */
import type { SheetGrid } from '../../src/domain/cell';
import { d, grid } from './grid';

export function twoPolesSuppliers(): SheetGrid {
  return grid('Suivi 2025', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Pôle', 'Titulaire', 'Code postal'],
    ['A-1', 'Nettoyage', 1000, d('2025-02-01'), 'Pôle A', 'T1', '59100'],
    ['A-2', 'Papier', 3000, d('2025-03-01'), 'Pôle A', 'T2', '59000'],
    ['B-1', 'Voirie', 2000, d('2025-04-01'), 'Pôle B', 'T1', '59100'],
    ['B-2', 'Conseil', 2000, d('2025-05-01'), 'Pôle B', 'T3', '75011'],
    ['B-3', 'Travaux', 4000, d('2025-06-01'), 'Pôle B', 'T4', '62000'],
  ]);
}

/**
 * The import's message counts the lines of data it copied, as the file's card counted them before
 * (session-22 usability review: a register with a header on two rows was announced with 80 rows and
 * imported « (81 lignes) », its second header row counted as a line).
 */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { importedNotice } from '../../src/taskpane/components/App';
import { importPlan, recogniseFile } from '../../src/taskpane/consolidation';
import { TODAY } from './fixtures';

const date = (iso: string): CellValue => ({ date: iso }) as CellValue;

function twoRowSheet(): SheetGrid {
  const rows: CellValue[][] = [
    ['N° marché', 'Objet', 'Montant', null, 'Date de notification'],
    [null, null, 'HT', 'TTC', null],
    ['2025-001', 'Nettoyage des écoles', 12000, 14400, date('2025-02-03')],
    ['2025-002', 'Fournitures de bureau', 3000, 3600, date('2025-03-10')],
    ['2025-003', 'Élagage', 8000, 9600, date('2025-04-10')],
  ];
  return { name: '2025', firstRow: 1, firstCol: 1, rows, tables: [] };
}

it('a register with a header on two rows: the count of the card, not one more', () => {
  const file = recogniseFile({ name: 'Pôle Cadre de vie.xlsx', sheets: [twoRowSheet()] }, TODAY);
  expect(file.rowsBySheet['2025']).toBe(3);
  const plan = importPlan([file], { 'Pôle Cadre de vie.xlsx': 'Pôle Cadre de vie' });
  expect(plan.map((p) => p.rows.length)).toEqual([5]);
  expect(importedNotice(plan)).toContain('« Pôle Cadre de vie » (3 lignes)');
});

it('a file with one register sheet per year: each imported sheet says which sheet of the file it holds', () => {
  // Session-22 review: « Pôle Cadre de vie (2) » alone reads as a doublon import, not as the file's 2025 sheet.
  const year2024: SheetGrid = { ...twoRowSheet(), name: '2024' };
  const file = recogniseFile({ name: 'Pôle Cadre de vie.xlsx', sheets: [year2024, twoRowSheet()] }, TODAY);
  const other = recogniseFile({ name: 'Pôle Sport.xlsx', sheets: [twoRowSheet()] }, TODAY);
  const plan = importPlan([file, other], { 'Pôle Cadre de vie.xlsx': 'Pôle Cadre de vie', 'Pôle Sport.xlsx': 'Pôle Sport' });
  expect(importedNotice(plan)).toBe(
    '3 feuilles ajoutées au classeur : « Pôle Cadre de vie » (3 lignes, feuille « 2024 »), ' +
      '« Pôle Cadre de vie (2) » (3 lignes, feuille « 2025 »), « Pôle Sport » (3 lignes). ' +
      'Les indicateurs portent sur toutes les feuilles registre du classeur.',
  );
});

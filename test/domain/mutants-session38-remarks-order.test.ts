/**
 * Session 38: README « Ouvrir le registre » — the remarks about rows left out or values unread come
 * before those that only touch the N−1 values (the pane shows the first two of more than three).
 * Session 37 put the two N−1 remarks after the registers left out and the columns unread, but still
 * before the remarks of a sheet left unread for its size, of merged values read once, of formulas
 * saved without their result.
 */
import type { SheetGrid } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

type Row = (string | number | null | { date: string })[];
const H = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'];
const marches = (...rows: Row[]): SheetGrid => grid('Marchés', [H, ...rows]);
const far: SheetGrid = { name: 'Notes', firstRow: 1, firstCol: 1, rows: [], tables: [], oversized: { firstRow: 1, firstCol: 1, lastRow: 1_048_576, lastCol: 4 } };
const isN1 = (n: string) => /^(Les valeurs N−1|Le classeur «\u00a0A 2024\.xlsx\u00a0» n'a aucune ligne de l'exercice)/.test(n);

it('a register left out, a sheet left unread, merged values read once and formulas without result come before the N−1 remarks', () => {
  const notices = runChain(
    [
      { file: 'A 2025.xlsx', sheets: [marches(['A-1', 'Voirie', 100, d('2025-02-01'), 'Pôle A'], ['A-2', 'Papier', 100, d('2025-03-01'), 'Pôle A']), far], state: null },
      { file: 'B 2025.xlsx', sheets: [{ ...marches(['B-1', 'Voirie', 100, d('2025-02-01'), 'Pôle B']), mergesUnread: true, uncalculated: 2 }], state: null },
      // A register without its date column: left out.
      { file: 'C 2025.xlsx', sheets: [grid('Marchés', [['N° marché', 'Objet', 'Montant HT', 'Signé le'], ['C-1', 'Voirie', 10, d('2025-02-01')]])], state: null },
      { file: 'A 2024.xlsx', sheets: [marches(['A-0', 'Encre', 20, d('2024-03-01'), 'Pôle A'])], state: null },
    ],
    { today: '2026-01-15', writesCharts: false },
  ).notices;
  // Last year's file of Pôle A and Pôle B without N−1: the last two of six.
  expect(notices).toHaveLength(6);
  expect(notices.map(isN1)).toEqual([false, false, false, false, true, true]);
  expect(notices.filter((n) => /^La feuille «\u00a0Notes\u00a0» du classeur «\u00a0A 2025\.xlsx\u00a0» n'est pas lue/.test(n))).toHaveLength(1);
});

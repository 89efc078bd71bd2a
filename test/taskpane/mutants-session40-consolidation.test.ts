/**
 * The consolidation import of a 1904 Pôle's bare date serials (session 40 mutation audit,
 * `test/mutants-session40.md`, D…): a serial outside the calendar stays the number it is, and the
 * date column is found where an Excel table starts past the sheet's first column.
 */
import { importPlan, recogniseFile } from '../../src/taskpane/consolidation';
import { grid } from '../helpers/grid';

const TODAY = '2026-03-15';
const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];

it('a serial no 1904 day can be stays the number it is, for the consolidated register to tell', () => {
  const mac = { ...grid('Marchés', [HEAD, ['M-1', 'Papier', 100, 44259], ['M-2', 'Encre', 100, 1e7]]), date1904: true };
  const [plan] = importPlan([recogniseFile({ name: 'Pôle Mac.xlsx', sheets: [mac] }, TODAY)], { 'Pôle Mac.xlsx': 'Sport' });
  expect(plan.rows.slice(1).map((r) => r[3])).toEqual([{ date: '2025-03-05' }, 1e7]);
});

it('in an Excel table that starts right of the sheet’s first column, the date column is the one converted', () => {
  const mac = {
    ...grid('Marchés', [
      ['Note', null, null, null, null],
      [null, ...HEAD],
      [null, 'M-1', 'Papier', 44259, 44259],
    ]),
    tables: [{ name: 'Tableau1', headerRow: 2, firstCol: 2, lastCol: 5, lastRow: 3 }],
    date1904: true,
  };
  const [plan] = importPlan([recogniseFile({ name: 'Pôle Mac.xlsx', sheets: [mac] }, TODAY)], { 'Pôle Mac.xlsx': 'Sport' });
  expect(plan.rows[1].slice(0, 4)).toEqual(['M-1', 'Papier', 44259, { date: '2025-03-05' }]);
});

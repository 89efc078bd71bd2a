/**
 * Hand mutation audit of session 23 (consolidation): gaps the existing tests left open.
 */
import type { ImportRecord } from '../../src/domain/state';
import { importedNotice } from '../../src/taskpane/components/App';
import { importPlan, importWithSameContracts, recogniseFile } from '../../src/taskpane/consolidation';
import { d, grid } from '../helpers/grid';
import { TODAY } from './fixtures';

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const rowsOf = (numeros: string[]) => numeros.map((n, i) => [n, 'Objet', 100 + i, d('2025-03-04')]);
const record = (sheet: string, pole: string): ImportRecord => ({ sheet, file: `Pôle ${pole}.xlsx`, pole, kind: 'registre', date: '2026-01-15', fingerprint: 'x' });

it('README « Consolidation » (le fichier du Pôle renommé): of two imports holding half its contracts or more, the one holding the most', () => {
  const workbook = [grid('Sport', [HEADER, ...rowsOf(['A-1', 'A-2', 'A-3', 'A-4'])]), grid('Culture', [HEADER, ...rowsOf(['A-1', 'A-2'])])];
  const records = [record('Culture', 'Culture'), record('Sport', 'Sport')];
  const renamed = recogniseFile({ name: 'Suivi mars 2026.xlsx', sheets: [grid('2025', [HEADER, ...rowsOf(['A-1', 'A-2', 'A-3', 'A-4'])])] }, TODAY);
  expect(importWithSameContracts(renamed, workbook, records, TODAY)).toMatchObject({ pole: 'Sport', shared: 4, total: 4 });
});

it('README session 23 (« nomme la feuille reprise »): a file with one register per year names their source sheets, not its companion’s', () => {
  const cibles = grid('Cibles', [['Indicateur', 'Année', 'Cible'], ['4.1.2-consideration-sociale', 2025, 30]]);
  const file = recogniseFile({ name: 'Pôle Sport.xlsx', sheets: [grid('2024', [HEADER, ...rowsOf(['S-1'])]), grid('2025', [HEADER, ...rowsOf(['S-2'])]), cibles] }, TODAY);
  const plan = importPlan([file], { 'Pôle Sport.xlsx': 'Sport' });
  const notice = importedNotice(plan);
  expect(notice).toContain('« Sport (2) » (1 ligne, feuille « 2025 »)');
  expect(notice).toContain('« Sport - Cibles »');
  expect(notice).not.toContain('feuille « Cibles »');
});

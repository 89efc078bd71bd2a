/**
 * Mutation audit of step 5 (consolidation): the Pôle typed by the lead and the one
 * proposed from the file's Pôle column are trimmed, as the register trims a Pôle cell.
 */
import { importPlan, recogniseFile } from '../../src/taskpane/consolidation';
import { grid, d } from '../helpers/grid';

const TODAY = '2026-03-15';

const registre = (poles: readonly (string | null)[]) =>
  grid('Marchés', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', ...(poles.some((p) => p !== null) ? ['Pôle'] : [])],
    ...poles.map((p, i) => [`M-${i + 1}`, 'Papier', 100, d('2025-01-10'), ...(p !== null ? [p] : [])]),
  ]);

describe('the Pôle of an imported file', () => {
  it('typed with spaces around it, is written without them in the added Pôle column and the sheet name', () => {
    const file = recogniseFile({ name: 'Pôle A.xlsx', sheets: [registre([null, null])] }, TODAY);
    const [sheet] = importPlan([file], { 'Pôle A.xlsx': '  Sport  ' });
    expect(sheet.name).toBe('Sport');
    expect(sheet.rows.map((r) => r[4])).toEqual(['Pôle', 'Sport', 'Sport']);
  });

  it('proposed from the Pôle column: its most frequent value, cells differing by spaces counted as one', () => {
    const file = recogniseFile({ name: 'Pôle A.xlsx', sheets: [registre([' Culture', 'Sport', 'Culture ', 'Sport ', ' Culture '])] }, TODAY);
    expect(file.pole).toBe('Culture');
  });
});

/**
 * A sheet is recognised by the run, then again by the check of incomplete registers (and by the
 * pane at each change): 200 sheets took twice the time (session 24 review). Recognition is kept
 * per grid, file and the user's choice for the sheet; another choice is recognised anew.
 */
import { detectSheet } from '../../src/domain/mapping';
import type { MappingOverride } from '../../src/domain/model';
import { d, grid } from '../helpers/grid';

const sheet = () =>
  grid('Marchés', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Remarque'],
    ['M-1', 'Papier', 100, d('2025-02-01'), 'Papier recyclé'],
  ]);

describe('recognition of a sheet, once per choice', () => {
  it('the same grid, file and choice: the same mappings, not found again', () => {
    const g = sheet();
    const first = detectSheet('Suivi.xlsx', g);
    expect(first[0].columns.map((c) => c.field)).toEqual(['numero', 'objet', 'montant', 'dateNotification', 'commentaires']);
    expect(detectSheet('Suivi.xlsx', g)).toBe(first);
    // An equal choice given in another array (the pane builds a new one each time).
    const choice = (): MappingOverride[] => [{ sheet: 'Marchés', columns: { Remarque: 'objet', Objet: null } }];
    expect(detectSheet('Suivi.xlsx', g, choice())).toBe(detectSheet('Suivi.xlsx', g, choice()));
  });

  it('another choice, another file or another grid: recognised anew', () => {
    const g = sheet();
    const plain = detectSheet('Suivi.xlsx', g);
    const chosen = detectSheet('Suivi.xlsx', g, [{ sheet: 'Marchés', columns: { Remarque: 'objet', Objet: null } }]);
    expect(chosen).not.toBe(plain);
    expect(chosen[0].columns.find((c) => c.field === 'objet')?.header).toBe('Remarque');
    expect(detectSheet('Autre.xlsx', g)[0].file).toBe('Autre.xlsx');
    expect(detectSheet('Suivi.xlsx', sheet())).not.toBe(plain);
    expect(detectSheet('Suivi.xlsx', sheet())).toEqual(plain);
  });
});

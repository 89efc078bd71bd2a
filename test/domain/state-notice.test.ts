import { runChain, unreadableStateNotice } from '../../src/domain/chain';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import { serializeState } from '../../src/domain/state-sheet';
import type { SavedState } from '../../src/domain/state';
import { d, grid } from '../helpers/grid';

// A saved state that cannot be read is dropped, and the next write replaces it: the user is told.

const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['M-1', 'Papier', 100, d('2025-02-01')],
]);
const STATE: SavedState = { version: 1, mappings: [], decisions: [] };
const run = (sheets = [REGISTER], state: SavedState | null = null) => runChain([{ file: 'Pôle A.xlsx', sheets, state }], { today: '2026-01-15' });

describe('an unreadable SPASER État sheet', () => {
  it('is told, naming the workbook and what is lost', () => {
    const etat = grid(SHEET_ETAT, [['{"version": 1, "mappi']]);
    const out = run([REGISTER, etat], null);
    expect(out.notices).toEqual([unreadableStateNotice('Pôle A.xlsx')]);
    expect(out.notices[0]).toMatch(/^La feuille « SPASER État » du classeur « Pôle A\.xlsx » est illisible .* la prochaine écriture la remplacera/);
  });

  it('says nothing when the state was read, or when there is none', () => {
    const etat = grid(SHEET_ETAT, serializeState(STATE).map((c) => [c]));
    expect(run([REGISTER, etat], STATE).notices).toEqual([]);
    expect(run([REGISTER], null).notices).toEqual([]);
    expect(run([REGISTER, grid(SHEET_ETAT, [])], null).notices).toEqual([]);
  });
});

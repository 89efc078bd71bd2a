/**
 * A column chosen by hand, then the register's sheet renamed (blind recipe « semaines », session 34:
 * « Écogeste » chosen for Clause environnementale, then « Marchés 2025 » renamed « Marchés 2025
 * Solidarités »). `SPASER État` keeps the choice by sheet name: it used to be dropped without a word,
 * and the indicators on that column turned « non calculable ». Now a saved choice whose sheet is gone
 * follows the one sheet no saved choice names and whose header holds every header it names.
 */
import { runChain, stateInForce } from '../../src/domain/chain';
import type { MappingOverride } from '../../src/domain/model';
import { followRenamedSheets } from '../../src/domain/renamed-sheets';
import type { SavedState } from '../../src/domain/state';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-01-20';
const FILE = 'Pôle Solidarités.xlsx';

function register(name: string, green = 'Écogeste') {
  return grid(name, [
    ['N° marché', 'Intitulé', 'Montant HT', 'Date notif', green],
    ['S01', 'Nettoyage', 1000, d('2025-02-01'), 'oui'],
    ['S02', 'Papier', 3000, d('2025-03-01'), 'non'],
  ]);
}

const CHOSEN: MappingOverride = { sheet: 'Marchés 2025', headerRow: 1, columns: { Écogeste: 'clauseEnvironnementale' } };
const state = (mappings: MappingOverride[]): SavedState => ({ version: 1, mappings, decisions: [] });

function envShare(sheets: ReturnType<typeof register>[], mappings: MappingOverride[]) {
  const out = runChain([{ file: FILE, sheets, state: state(mappings) }], { today: TODAY });
  return out.result.indicateurs.find((i) => i.id === '3.1.1-clauses-env')!;
}

describe('a saved column choice whose sheet was renamed', () => {
  it('follows the renamed sheet: the column is read, the indicator computed, the choice saved under the new name', () => {
    const r = envShare([register('Marchés 2025 Solidarités')], [CHOSEN]);
    expect(r.statut).toBe('calculé');
    expect(r.valeur).toBe(50);
    const inputs = [{ file: FILE, sheets: [register('Marchés 2025 Solidarités')], state: state([CHOSEN]) }];
    expect(stateInForce(inputs, {}).mappings).toEqual([{ ...CHOSEN, sheet: 'Marchés 2025 Solidarités' }]);
  });

  it('not moved when the sheet is still there, when two sheets could be it, or when no sheet has its headers', () => {
    const sheets = [register('Marchés 2025'), register('Copie')];
    expect(followRenamedSheets([CHOSEN], sheets)).toEqual([CHOSEN]);
    expect(followRenamedSheets([CHOSEN], [register('A'), register('B')])).toEqual([CHOSEN]);
    expect(followRenamedSheets([CHOSEN], [register('A', 'Clause env.')])).toEqual([CHOSEN]);
    expect(envShare([register('A'), register('B')], [CHOSEN]).statut).toBe('non calculable');
  });

  it('not moved onto a sheet that has saved choices of its own, nor onto a sheet of the add-in', () => {
    const own: MappingOverride = { sheet: 'B', columns: { Intitulé: 'objet' } };
    expect(followRenamedSheets([CHOSEN, own], [register('B')])).toEqual([CHOSEN, own]);
    expect(followRenamedSheets([CHOSEN], [register('SPASER Registre')])).toEqual([CHOSEN]);
    expect(followRenamedSheets([CHOSEN], [register('B')], ['b'])).toEqual([CHOSEN]);
  });

  it('a choice that names no header (column letters) cannot tell its sheet: left alone', () => {
    const byLetter: MappingOverride = { sheet: 'Marchés 2025', columns: { E: 'clauseEnvironnementale' } };
    expect(followRenamedSheets([byLetter], [register('B')])).toEqual([byLetter]);
  });
});

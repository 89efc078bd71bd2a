/**
 * Found by the blind « conso-excel » acceptance test: a column a Pôle's buyer chose by
 * hand (saved in its `SPASER État`, e.g. « Payé » → mandated spend) was lost when the
 * project lead imported the file in step 5: the consolidated spend fell back on the
 * notified amount. The choice now follows the sheet into the lead's workbook.
 */
import { runChain } from '../../src/domain/chain';
import { importedGrid, importedOverrides, importPlan, recogniseFile } from '../../src/taskpane/consolidation';
import { paneReducer, INITIAL_STATE, type PaneState } from '../../src/taskpane/state';
import { grid, d } from '../helpers/grid';

const TODAY = '2026-01-15';
const FILE = 'Pôle Solidarités.xlsx';
const sheet = grid('Marchés 2025', [
  ['Suivi des marchés', null, null, null, null],
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Payé'],
  ['S-1', 'Accueil', 48000, d('2025-02-10'), 45000],
  ['S-2', 'Repas', 12000, d('2025-03-10'), 8000],
]);
const state = { version: 1 as const, mappings: [{ file: FILE, sheet: 'Marchés 2025', headerRow: 2, columns: { Payé: 'montantMandate' } }], decisions: [] };
const spend = (out: ReturnType<typeof runChain>) => out.result.depense;

describe('consolidation: the Pôles’ column choices follow their sheets', () => {
  it('the file itself reads « Payé » as the mandated spend', () => {
    const out = runChain([{ file: FILE, sheets: [sheet], state }], { today: TODAY });
    expect(spend(out)).toBe('montantMandate');
  });

  it('moves the saved choice onto the imported sheet (header now on row 1), so the spend is still the mandated one', () => {
    const file = recogniseFile({ name: FILE, sheets: [sheet], state }, TODAY);
    const plan = importPlan([file], { [FILE]: 'Pôle Solidarités' }, ['Couverture']);
    const overrides = importedOverrides([file], plan, 'Bilan.xlsx');
    expect(overrides).toEqual([{ file: 'Bilan.xlsx', sheet: 'Pôle Solidarités', headerRow: 1, columns: { Payé: 'montantMandate' } }]);
    const input = { file: 'Bilan.xlsx', sheets: plan.map(importedGrid), state: null };
    expect(spend(runChain([input], { today: TODAY }))).toBe('montant');
    const out = runChain([input], { today: TODAY, overrides });
    expect(spend(out)).toBe('montantMandate');
    expect(out.register.mappings.find((m) => m.sheet === 'Pôle Solidarités')?.columns.some((c) => c.field === 'montantMandate' && c.header === 'Payé')).toBe(true);
  });

  it('no saved choice, no override; the pane keeps one override per sheet, the imported one replacing an earlier one', () => {
    const file = recogniseFile({ name: FILE, sheets: [sheet], state: null }, TODAY);
    expect(importedOverrides([file], importPlan([file], {}))).toEqual([]);
    const before: PaneState = { ...INITIAL_STATE, overrides: [{ sheet: 'Pôle Solidarités', columns: { Objet: null } }, { sheet: 'Autre', columns: {} }] };
    const after = paneReducer(before, { type: 'addOverrides', overrides: [{ sheet: 'Pôle Solidarités', columns: { Payé: 'montantMandate' } }] });
    expect(after.overrides).toEqual([{ sheet: 'Autre', columns: {} }, { sheet: 'Pôle Solidarités', columns: { Payé: 'montantMandate' } }]);
  });
});

/**
 * `--sans-champ` keeps the header place the user said (`headerRows`, README « Colonnes ») beside the
 * sheet's saved column choices: the sub-header row stays out of the register.
 */
import { runChain, type ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { withoutFieldOverrides } from '../../src/cli/run';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-01-15';

const rows: CellValue[][] = [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'],
  [null, null, null, null, 'Fournisseur'],
  ['M-1', 'Papier', 1000, d('2025-02-01'), 'Papeterie du Nord'],
];

it('the header said on two rows stays so when a field is read from no column', () => {
  const inputs: ChainInput[] = [
    { file: 'a.xlsx', sheets: [grid('Suivi', rows)], state: { version: 1, mappings: [{ sheet: 'Suivi', headerRow: 1, headerRows: 2, columns: {} }], decisions: [] } },
  ];
  const first = runChain(inputs, { today: TODAY });
  const overrides = withoutFieldOverrides(inputs, first.register.mappings, ['titulaire']);
  expect(overrides).toEqual([{ sheet: 'Suivi', headerRow: 1, headerRows: 2, columns: { Fournisseur: null } }]);
  const again = runChain(inputs, { today: TODAY, overrides });
  expect(again.register.rows.map((r) => [r.source.row, r.values.titulaire, r.hasError])).toEqual([[3, undefined, false]]);
});

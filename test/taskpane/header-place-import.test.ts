/**
 * A header place said by a Pôle (`headerRows`, README « Colonnes ») follows its sheet into the lead's
 * workbook, as its column choices do: the imported sheet's header starts on row 1, on two rows.
 */
import { runChain } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { importedOverrides, importPlan, recogniseFile } from '../../src/taskpane/consolidation';
import { grid } from '../helpers/grid';
import { SUB_HEADER_ALONE } from '../helpers/sub-header-alone';

const TODAY = '2026-01-15';
const FILE = 'Pôle Sport.xlsx';


describe('a header said on two rows, imported by the lead', () => {
  const file = recogniseFile(
    {
      name: FILE,
      sheets: [grid('Marchés', SUB_HEADER_ALONE)],
      state: { version: 1, mappings: [{ sheet: 'Marchés', headerRow: 2, headerRows: 2, columns: { Fournisseur: 'titulaire' } }], decisions: [] },
    },
    TODAY,
  );
  const plan = importPlan([file], { [FILE]: 'Sport' });

  it('copies both header rows and carries the choice onto row 1', () => {
    expect(plan[0]).toMatchObject({ name: 'Sport', headerRows: 2 });
    expect(importedOverrides([file], plan, 'Bilan.xlsx')).toEqual([
      { file: 'Bilan.xlsx', sheet: 'Sport', headerRow: 1, headerRows: 2, columns: { Fournisseur: 'titulaire' } },
    ]);
  });

  it('the imported sheet reads the same two contracts, the sub-header no contract', () => {
    const overrides = importedOverrides([file], plan, 'Bilan.xlsx');
    const out = runChain([{ file: 'Bilan.xlsx', sheets: [grid('Sport', plan[0].rows as CellValue[][])], state: null }], { today: TODAY, overrides });
    expect(out.register.rows.map((r) => [r.values.numero, r.values.titulaire, r.hasError])).toEqual([
      ['M-1', 'Papeterie du Nord', false],
      ['M-2', 'Net Plus', false],
    ]);
  });
});

describe('a header said on two rows, read on one in the Pôle (its range made an Excel table since)', () => {
  // The first contract has no date yet: nothing but the rows copied tells it from a second header row.
  const tableRows: CellValue[][] = [SUB_HEADER_ALONE[0], SUB_HEADER_ALONE[1], ['M-1', 'Papier', 1000, null, 'Papeterie du Nord'], SUB_HEADER_ALONE[4]];
  const file = recogniseFile(
    {
      name: FILE,
      sheets: [grid('Marchés', tableRows, { tables: [{ name: 'T', headerRow: 2, lastRow: 4, firstCol: 1, lastCol: 5 }] })],
      state: { version: 1, mappings: [{ sheet: 'Marchés', headerRow: 2, headerRows: 2, columns: {} }], decisions: [] },
    },
    TODAY,
  );
  const plan = importPlan([file], { [FILE]: 'Sport' });

  it('the imported sheet is said on the one header row copied: its first contract stays a contract', () => {
    expect(plan[0].headerRows).toBe(1);
    const overrides = importedOverrides([file], plan, 'Bilan.xlsx');
    expect(overrides).toEqual([{ file: 'Bilan.xlsx', sheet: 'Sport', headerRow: 1, headerRows: 1, columns: {} }]);
    const out = runChain([{ file: 'Bilan.xlsx', sheets: [grid('Sport', plan[0].rows as CellValue[][])], state: null }], { today: TODAY, overrides });
    expect(out.register.rows.map((r) => r.values.numero)).toEqual(['M-1', 'M-2']);
  });
});

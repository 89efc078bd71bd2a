import { runChain, type ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { detectSheet, headerPlaceOf, headerPlaces, twoRowHeaderTexts } from '../../src/domain/mapping';
import type { MappingOverride } from '../../src/domain/model';
import type { SavedState } from '../../src/domain/state';
import { parseState, serializeState } from '../../src/domain/state-sheet';
import { d, grid } from '../helpers/grid';
import { SUB_HEADER_ALONE } from '../helpers/sub-header-alone';

// README « Colonnes » (ligne d'en-tête): the user says where a recognised sheet's header is, on one
// row or on two, when the program misread it (README « Limites connues » before: it could not).

const TODAY = '2026-01-15';


/** « Dépenses mandatées » over the years 2024 and 2025: numbers, which only data rows hold otherwise. */
const YEARS_UNDER_LABEL: CellValue[][] = [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Dépenses mandatées', null],
  [null, null, null, null, 2024, 2025],
  ['M-1', 'Papier', 1000, d('2025-02-01'), 300, 400],
];

/** « Montant » over « HT » and « TTC », « N° » and « Objet » repeated: found on two rows by the program. */
const FOUND_ON_TWO: CellValue[][] = [
  ['N° marché', 'Objet', 'Montant', null, 'Date de notification'],
  ['N° marché', 'Objet', 'HT', 'TTC', 'Date de notification'],
  ['M-1', 'Papier', 1000, 1200, d('2025-02-01')],
];

function run(rows: CellValue[][], mappings: MappingOverride[]) {
  const state: SavedState = { version: 1, mappings, decisions: [] };
  const input: ChainInput = { file: 'Pôle A.xlsx', sheets: [grid('Suivi', rows)], state };
  return runChain([input], { today: TODAY });
}

const errorRows = (out: ReturnType<typeof run>) => out.register.rows.filter((r) => r.hasError).map((r) => r.source.row);

describe('the header on two rows, said by the user', () => {
  it('a sub-header alone under its label: read as data unless the user says the header is on rows 2 and 3', () => {
    const auto = run(SUB_HEADER_ALONE, []);
    expect(auto.register.mappings[0]).toMatchObject({ headerRow: 2 });
    expect(errorRows(auto)).toEqual([3]);

    const said = run(SUB_HEADER_ALONE, [{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: {} }]);
    const m = said.register.mappings[0];
    expect(m).toMatchObject({ headerRow: 3, firstHeaderRow: 2, explicit: true });
    expect(m.columns.find((c) => c.col === 5)).toMatchObject({ field: 'titulaire', header: 'Fournisseur' });
    expect(said.register.rows.map((r) => [r.source.row, r.values.titulaire])).toEqual([
      [4, 'Papeterie du Nord'],
      [5, 'Net Plus'],
    ]);
    expect(errorRows(said)).toEqual([]);
  });

  it('numbers under a label are headers too when the user says so', () => {
    expect(errorRows(run(YEARS_UNDER_LABEL, []))).toEqual([2]);
    const said = run(YEARS_UNDER_LABEL, [{ sheet: 'Suivi', headerRow: 1, headerRows: 2, columns: {} }]);
    expect(said.register.mappings[0]).toMatchObject({ headerRow: 2, firstHeaderRow: 1 });
    expect(said.register.rows.map((r) => r.source.row)).toEqual([3]);
    const texts = twoRowHeaderTexts(grid('Suivi', YEARS_UNDER_LABEL), said.register.mappings[0])!.map((h) => h.text);
    expect(texts).toEqual(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Dépenses mandatées 2024', 'Dépenses mandatées 2025']);
  });

  it('a header found on two rows is read on one when the user says so: the second row is then data', () => {
    const auto = run(FOUND_ON_TWO, []);
    expect(auto.register.mappings[0]).toMatchObject({ headerRow: 2, firstHeaderRow: 1 });
    expect(errorRows(auto)).toEqual([]);
    const said = run(FOUND_ON_TWO, [{ sheet: 'Suivi', headerRow: 1, headerRows: 1, columns: {} }]);
    expect(said.register.mappings[0].headerRow).toBe(1);
    expect(said.register.mappings[0].firstHeaderRow).toBeUndefined();
    expect(said.register.rows.map((r) => r.source.row)).toEqual([2, 3]);
  });

  it('without a header row, a number of rows says nothing: the program finds the header', () => {
    const out = run(SUB_HEADER_ALONE, [{ sheet: 'Suivi', headerRows: 2, columns: {} }]);
    expect(out.register.mappings[0]).toMatchObject({ headerRow: 2 });
    expect(out.register.mappings[0].firstHeaderRow).toBeUndefined();
  });

  it('the column choices saved with it apply to the header read on two rows', () => {
    const out = run(SUB_HEADER_ALONE, [{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: { Fournisseur: null } }]);
    expect(out.register.mappings[0].columns.some((c) => c.field === 'titulaire')).toBe(false);
    expect(out.register.mappings[0].unmapped).toContainEqual({ col: 5, header: 'Fournisseur', aside: true });
  });

  it('a complete contract below is never read as the second header row, even said so: the sub-header row deleted since', () => {
    // The buyer wrote « Fournisseur » in the header and deleted row 3: the choice saved still says two rows.
    const edited: CellValue[][] = [SUB_HEADER_ALONE[0], ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Fournisseur'], ...SUB_HEADER_ALONE.slice(3)];
    const out = run(edited, [{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: {} }]);
    expect(out.register.mappings[0].headerRow).toBe(2);
    expect(out.register.mappings[0].firstHeaderRow).toBeUndefined();
    expect(out.register.rows.map((r) => r.values.numero)).toEqual(['M-1', 'M-2']);
    // Without its date, the first contract is no complete row: the choice still applies.
    const noDate = edited.map((r, i) => (i === 2 ? ['M-1', 'Papier', 1000, null, 'Papeterie du Nord'] : r));
    expect(run(noDate, [{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: {} }]).register.mappings[0]).toMatchObject({ headerRow: 3, firstHeaderRow: 2 });
  });

  it('an Excel table has its header on one row: two rows said for it are not offered', () => {
    const g = grid('Suivi', SUB_HEADER_ALONE.slice(1), { tables: [{ name: 'T', headerRow: 1, lastRow: 4, firstCol: 1, lastCol: 5 }] });
    expect(headerPlaces('a.xlsx', g, 'registre')).toEqual([{ headerRow: 1, headerRows: 1 }]);
  });
});

describe('headerPlaces: what the pane offers', () => {
  it('the rows, alone or with the next, that keep the sheet a register', () => {
    const g = grid('Suivi', SUB_HEADER_ALONE);
    expect(headerPlaces('a.xlsx', g, 'registre')).toEqual([
      { headerRow: 2, headerRows: 1 },
      { headerRow: 2, headerRows: 2 },
    ]);
  });

  it('a header found on two rows offers its first row alone too', () => {
    const g = grid('Suivi', FOUND_ON_TWO);
    const [m] = detectSheet('a.xlsx', g);
    expect(headerPlaceOf(m)).toEqual({ headerRow: 1, headerRows: 2 });
    // Row 2 alone (« HT » names no amount) is no register header.
    expect(headerPlaces('a.xlsx', g, 'registre')).toEqual([
      { headerRow: 1, headerRows: 1 },
      { headerRow: 1, headerRows: 2 },
    ]);
  });

  it('a complete first contract is never offered as the second header row (it would leave the register)', () => {
    const rows: CellValue[][] = [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'],
      ['M-1', 'Papier', 1000, d('2025-02-01'), 'Papeterie du Nord'],
    ];
    expect(headerPlaces('a.xlsx', grid('Suivi', rows), 'registre')).toEqual([{ headerRow: 1, headerRows: 1 }]);
    // A first row without its date is no complete contract: it may be a second header row.
    const noDate: CellValue[][] = [rows[0], ['M-1', 'Papier', 1000, null, 'Papeterie du Nord']];
    expect(headerPlaces('a.xlsx', grid('Suivi', noDate), 'registre')).toEqual([
      { headerRow: 1, headerRows: 1 },
      { headerRow: 1, headerRows: 2 },
    ]);
  });

  it('an empty row under the header is not offered as its second row: it would add nothing', () => {
    const rows: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification'], [null, '  ', null, null], ['M-1', 'Papier', 1000, d('2025-02-01')]];
    expect(headerPlaces('a.xlsx', grid('Suivi', rows), 'registre')).toEqual([{ headerRow: 1, headerRows: 1 }]);
  });

  it("the user's column choices are kept: a place they make no register is not offered", () => {
    const g = grid('Suivi', SUB_HEADER_ALONE);
    expect(headerPlaces('a.xlsx', g, 'registre', { Objet: null })).toEqual([]);
  });

  it('a companion kind is offered the places that keep it that kind', () => {
    expect(headerPlaces('a.xlsx', grid('Suivi', SUB_HEADER_ALONE), 'cibles')).toEqual([]);
  });
});

describe('the choice is saved in the workbook', () => {
  it('headerRows goes through SPASER État and back', () => {
    const state: SavedState = { version: 1, mappings: [{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: {} }], decisions: [] };
    expect(parseState(serializeState(state))?.mappings).toEqual(state.mappings);
  });

  it('a number of header rows other than 1 or 2 is not read', () => {
    const cells = serializeState({ version: 1, mappings: [{ sheet: 'Suivi', headerRow: 2, headerRows: 3 as never, columns: {} }], decisions: [] });
    expect(parseState(cells)).toBeNull();
  });
});

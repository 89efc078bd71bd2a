import { detectSheet, missingRequiredFields, registerAt, twoRowRegisterPlaces } from '../../src/domain/mapping';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';
import { COLUMNS_ON_TWO_ROWS, INCOMPLETE_ON_TWO_ROWS, incompleteOnTwoRows } from '../helpers/incomplete-on-two-rows';

// README « Colonnes » (ligne d'en-tête dite par l'acheteur): without a register, the pane's form offers
// a row with the one below where the run, told so, reads a register on both rows mapping at least as
// many fields, the row below neither blank nor holding a contract's value under a required column.

const FILE = 'Pôle A.xlsx';
const places = (rows: CellValue[][]) => twoRowRegisterPlaces(FILE, grid('Suivi', rows));

describe('two-row header places of the form without a register', () => {
  it('offers a sub-header alone under its label (« Titulaire » over « Fournisseur »), read on both rows', () => {
    expect(twoRowRegisterPlaces(FILE, incompleteOnTwoRows())).toEqual([{ headerRow: 2, headerRows: 2 }]);
    const m = registerAt(FILE, incompleteOnTwoRows(), { headerRow: 2, headerRows: 2 })!;
    expect(m).toMatchObject({ kind: 'registre', firstHeaderRow: 2, headerRow: 3 });
    expect(m.columns.map((c) => [c.col, c.header, c.field])).toEqual(COLUMNS_ON_TWO_ROWS);
    expect(missingRequiredFields(m)).toEqual(['dateNotification']);
  });

  it('a place on two rows that names every required column is a register as the run reads it', () => {
    const rows = INCOMPLETE_ON_TWO_ROWS.map((r, i) => (i === 2 ? [null, null, null, 'Notification', 'Fin', 'Fournisseur'] : r));
    expect(detectSheet(FILE, grid('Suivi', rows))).toEqual([]);
    expect(places(rows)).toEqual([{ headerRow: 2, headerRows: 2 }]);
    const m = registerAt(FILE, grid('Suivi', rows), { headerRow: 2, headerRows: 2 })!;
    expect(m.columns.find((c) => c.field === 'dateNotification')).toMatchObject({ col: 4, header: 'Notification' });
    expect(missingRequiredFields(m)).toEqual([]);
  });

  it('a column chosen on both rows is applied: the register is complete', () => {
    const m = registerAt(FILE, incompleteOnTwoRows(), { headerRow: 2, headerRows: 2 }, { 'Dates Signature': 'dateNotification' })!;
    expect(m.columns.find((c) => c.field === 'dateNotification')).toMatchObject({ col: 4, header: 'Dates Signature' });
    expect(missingRequiredFields(m)).toEqual([]);
  });

  it('a place the run reads elsewhere, or as no register, is none', () => {
    expect(registerAt(FILE, incompleteOnTwoRows(), { headerRow: 1, headerRows: 2 })).toBeNull();
    expect(registerAt(FILE, incompleteOnTwoRows(), { headerRow: 3, headerRows: 1 })).toBeNull();
    const one = registerAt(FILE, incompleteOnTwoRows(), { headerRow: 2, headerRows: 1 })!;
    expect(one).toMatchObject({ headerRow: 2 });
    expect(one.firstHeaderRow).toBeUndefined();
  });

  it('offers a header merged over both rows (its texts echoed below)', () => {
    expect(
      places([
        ['N° marché', 'Objet', 'Montant HT', 'Dates', null, 'Titulaire'],
        ['N° marché', 'Objet', 'Montant HT', 'Signature', 'Fin', 'Titulaire'],
        ['M-1', 'Papier', 1000, d('2025-02-01'), d('2026-01-31'), 'Papeterie du Nord'],
      ]),
    ).toEqual([{ headerRow: 1, headerRows: 2 }]);
  });

  it('never the first contract under the header, even with the data of an incomplete register', () => {
    // Row 4 names no field, so both rows map as many fields: only its values tell it is a contract.
    const header = ['N° marché', 'Sujet', 'Montant HT', 'Date de notification', 'Clause sociale'];
    expect(places([['Suivi du stade'], [null], header, ['S-1', 'Pelouse', 12000, d('2025-03-04'), 'oui']])).toEqual([]);
    // One value of a contract is enough (its amount still unknown).
    expect(places([header, ['S-1', 'Pelouse', null, null, 'oui']])).toEqual([]);
    expect(places([header, [null, null, null, d('2025-03-04'), 'oui']])).toEqual([]);
  });

  it('never an empty row below, nor a row that makes both rows map fewer fields', () => {
    const header = ['N° marché', 'Objet', 'Montant HT', 'Titulaire', 'Signé le'];
    expect(places([header, [null, null, null, null, null], ['M-1', 'Papier', 1000, 'Papeterie', d('2025-02-01')]])).toEqual([]);
    // « Objet » under « Titulaire »: the objet already named, the titulaire lost.
    expect(places([header, [null, null, null, 'Objet', null]])).toEqual([]);
    expect(places([header, [null, null, null, 'Raison sociale', 'Durée']])).toEqual([{ headerRow: 1, headerRows: 2 }]);
  });
});

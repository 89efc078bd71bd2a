/**
 * Mutation audit of session 33 (test/README.md): the reading of an incomplete register said on two
 * rows (`detectSheet`, `findIncompleteRegisters`) and the places of the form without a register
 * (`registerAt`, `twoRowRegisterPlaces`). Each test kills a mutant that survived the other tests;
 * expected values from README « Colonnes » (en-tête sur deux lignes, ligne d'en-tête dite par l'acheteur).
 */
import type { CellValue } from '../../src/domain/cell';
import { describeMissingRequired, detectSheet, findIncompleteRegisters, registerAt, twoRowRegisterPlaces } from '../../src/domain/mapping';
import type { MappingOverride } from '../../src/domain/model';
import { d, grid } from '../helpers/grid';
import { INCOMPLETE_ON_TWO_ROWS, saidOnTwoRows } from '../helpers/incomplete-on-two-rows';

const FILE = 'Pôle A.xlsx';

/** Headers merged over rows 1 and 2 (echoed on 2), « Dates » over « Notification » and « Fin »: row 1 alone misses the date. */
const MERGED: CellValue[][] = [
  ['N° marché', 'Objet', 'Montant HT', 'Dates', null],
  ['N° marché', 'Objet', 'Montant HT', 'Notification', 'Fin'],
  ['M-1', 'Papier', 1000, d('2025-02-01'), d('2026-01-31')],
];

describe('a header found is a row that makes the sheet a register: an incomplete first row is not completed by the row below unless said', () => {
  // README: « La ligne sous l'en-tête trouvé en fait partie… »; regles.md §1: the header row is the
  // first that maps 3 fields and classifies. Row 1 does not (no date): row 2 is the header, alone.
  it('row 2, which names all four, is the header, alone', () => {
    const [m] = detectSheet(FILE, grid('Suivi', MERGED));
    expect(m).toMatchObject({ kind: 'registre', headerRow: 2 });
    expect(m.firstHeaderRow).toBeUndefined();
  });

  it('a number of rows without a header row says nothing: the same reading', () => {
    // `headerRows` alone (a hand-edited SPASER État) says no place: ignored, as README's `headerRows` « à côté de `headerRow` ».
    const rowsOnly: MappingOverride[] = [{ sheet: 'Suivi', headerRows: 2, columns: {} }];
    const [m] = detectSheet(FILE, grid('Suivi', MERGED), rowsOnly);
    expect(m).toMatchObject({ headerRow: 2 });
    expect(m.firstHeaderRow).toBeUndefined();
    // Incomplete (the date column set aside): read on row 1 alone, as when nothing is said.
    const aside: MappingOverride[] = [{ sheet: 'Suivi', headerRows: 2, columns: { Notification: null, Dates: null } }];
    const incomplete = findIncompleteRegisters(FILE, [grid('Suivi', MERGED.map((r, i) => (i === 1 ? [null, null, null, 'Notification', 'Fin'] : r)))], aside);
    expect(incomplete).toMatchObject([{ headerRow: 1 }]);
    expect(incomplete[0].firstHeaderRow).toBeUndefined();
  });
});

describe('a register, maybe incomplete, names at least three register fields, one of them required', () => {
  it('three fields none of them required: not an incomplete register', () => {
    // README: « une telle feuille (au moins trois champs reconnus, dont un obligatoire…) ».
    const sheet = grid('Fournisseurs', [
      ['Titulaire', 'Procédure', 'Durée (mois)'],
      ['Papeterie du Nord', 'MAPA', 12],
    ]);
    expect(findIncompleteRegisters(FILE, [sheet])).toEqual([]);
  });

  it('said on two rows whose reading no longer looks like a register: read on the first row alone', () => {
    // As once complete, where both rows are read only when they still make a register: « N° marché »
    // repeated below takes every column to one field.
    const rows = INCOMPLETE_ON_TWO_ROWS.map((r, i) => (i === 2 ? [null, 'N° marché', 'N° marché', null, null, 'N° marché'] : r));
    const [m] = findIncompleteRegisters(FILE, [grid('Suivi', rows)], [saidOnTwoRows()]);
    expect(m).toMatchObject({ headerRow: 2 });
    expect(m.firstHeaderRow).toBeUndefined();
    expect(describeMissingRequired(m)).toContain('(en-tête ligne 2)');
  });
});

describe('registerAt and the two-row places of the form', () => {
  it('a companion sheet is no register at any place', () => {
    const actions = grid('Actions', [
      ['Date', 'Type', 'Intitulé', 'Participants'],
      [d('2025-03-01'), 'Formation', 'Achats responsables', 12],
    ]);
    expect(detectSheet(FILE, actions)).toMatchObject([{ kind: 'actions' }]);
    expect(registerAt(FILE, actions, { headerRow: 1, headerRows: 1 })).toBeNull();
  });

  it('two rows said over a complete first contract: the run reads one row, so that place is none', () => {
    // README: « Lignes 2 et 3 » … sauf un marché complet : l'en-tête est lu sur la ligne 2 seule.
    const sheet = grid('Suivi', [
      ['Suivi des marchés 2025'],
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['M-1', 'Papier', 1000, d('2025-02-01')],
    ]);
    expect(registerAt(FILE, sheet, { headerRow: 2, headerRows: 2 })).toBeNull();
    expect(registerAt(FILE, sheet, { headerRow: 2, headerRows: 1 })).toMatchObject({ headerRow: 2 });
  });

  it('the 20th row is searched too, with the row below', () => {
    // regles.md §1: the header is within the first 20 rows; the form lists all 20.
    const blank = Array.from({ length: 19 }, (): CellValue[] => [null]);
    const sheet = grid('Suivi', [...blank, ...INCOMPLETE_ON_TWO_ROWS.slice(1)]);
    expect(twoRowRegisterPlaces(FILE, sheet)).toEqual([{ headerRow: 20, headerRows: 2 }]);
  });
});

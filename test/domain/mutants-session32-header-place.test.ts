/**
 * Session-32 hand mutation audit of the header place the user says (`headerRows`, README
 * « Colonnes », « Ligne d'en-tête dite par l'acheteur »): each test kills a mutant that survived
 * the feature's tests (src/domain/mapping.ts `detectAnew`, `headerPlaces`, `isCompleteRow`).
 */
import type { CellValue } from '../../src/domain/cell';
import { detectSheet, headerPlaceOf, headerPlaces } from '../../src/domain/mapping';
import { importedOverrides, importPlan, recogniseFile } from '../../src/taskpane/consolidation';
import { d, grid } from '../helpers/grid';
import { SUB_HEADER_ALONE } from '../helpers/sub-header-alone';

const HEADER: CellValue[] = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'];
const M1: CellValue[] = ['M-1', 'Papier', 1000, d('2025-02-01'), 'Papeterie du Nord'];
const M2: CellValue[] = ['M-2', 'Nettoyage', 2000, d('2025-03-01'), 'Net Plus'];


describe('two rows said, read on two rows only when they keep the sheet what it is', () => {
  it('a second row that takes a required column away leaves the header on one row', () => {
    // « Fournisseur » under « Objet » names the titulaire: read with it, the header has no objet.
    const rows: CellValue[][] = [HEADER, [null, 'Fournisseur', null, null, null], M1];
    const g = grid('Suivi', rows);
    const [m] = detectSheet('a.xlsx', g, [{ sheet: 'Suivi', headerRow: 1, headerRows: 2, columns: {} }]);
    expect(headerPlaceOf(m)).toEqual({ headerRow: 1, headerRows: 1 });
    expect(m.columns.find((c) => c.field === 'objet')).toMatchObject({ col: 2 });
    expect(headerPlaces('a.xlsx', g, 'registre')).toEqual([{ headerRow: 1, headerRows: 1 }]);
  });
});

describe('two rows said over a row of texts', () => {
  it('texts under every required column (a hint of formats) are no contract: the header is read on two rows as said', () => {
    const rows: CellValue[][] = [HEADER, ['N°', 'Intitulé', 'en euros', 'jj/mm/aaaa', 'Fournisseur'], M1];
    const [m] = detectSheet('a.xlsx', grid('Suivi', rows), [{ sheet: 'Suivi', headerRow: 1, headerRows: 2, columns: {} }]);
    expect(headerPlaceOf(m)).toEqual({ headerRow: 1, headerRows: 2 });
  });
});

describe('importedOverrides', () => {
  it('a column choice alone says no header place: the imported sheet has none either', () => {
    const state = { version: 1 as const, mappings: [{ sheet: 'Suivi', headerRow: 1, columns: { Titulaire: null } }], decisions: [] };
    const file = recogniseFile({ name: 'Pôle A.xlsx', sheets: [grid('Suivi', [HEADER, M1])], state }, '2026-01-15');
    const plan = importPlan([file], { 'Pôle A.xlsx': 'A' });
    expect(importedOverrides([file], plan)).toEqual([{ sheet: 'A', headerRow: 1, columns: { Titulaire: null } }]);
  });
});

describe('headerPlaces: the rows searched', () => {
  it("an Excel table's header below the twenty rows searched is offered", () => {
    const rows: CellValue[][] = [...Array.from({ length: 24 }, (): CellValue[] => [null]), HEADER, M1, M2];
    const g = grid('Suivi', rows, { tables: [{ name: 'T', headerRow: 25, lastRow: 27, firstCol: 1, lastCol: 5 }] });
    expect(headerPlaces('a.xlsx', g, 'registre')).toEqual([{ headerRow: 25, headerRows: 1 }]);
  });

  it('a header row below the twenty rows searched is not offered', () => {
    const rows: CellValue[][] = [HEADER, ...Array.from({ length: 20 }, () => M1), HEADER, M2];
    expect(headerPlaces('a.xlsx', grid('Suivi', rows), 'registre')).toEqual([{ headerRow: 1, headerRows: 1 }]);
  });

  it('in row order, tables listed in any order', () => {
    const rows: CellValue[][] = [HEADER, M1, [null], [null], [null], HEADER, M2];
    const g = grid('Suivi', rows, {
      tables: [
        { name: 'Bas', headerRow: 6, lastRow: 7, firstCol: 1, lastCol: 5 },
        { name: 'Haut', headerRow: 1, lastRow: 2, firstCol: 1, lastCol: 5 },
      ],
    });
    expect(headerPlaces('a.xlsx', g, 'registre')).toEqual([
      { headerRow: 1, headerRows: 1 },
      { headerRow: 6, headerRows: 1 },
    ]);
  });
});

describe('headerPlaces on a sheet not starting at A1', () => {
  it('the rows are sheet rows', () => {
    const g = grid('Suivi', SUB_HEADER_ALONE, { firstRow: 5, firstCol: 3 });
    expect(headerPlaces('a.xlsx', g, 'registre')).toEqual([
      { headerRow: 6, headerRows: 1 },
      { headerRow: 6, headerRows: 2 },
    ]);
  });

  it('a complete first contract is read in its sheet row and columns: never offered as a header row', () => {
    const g = grid('Suivi', [HEADER, M1, M2], { firstRow: 5, firstCol: 3 });
    expect(headerPlaces('a.xlsx', g, 'registre')).toEqual([{ headerRow: 5, headerRows: 1 }]);
  });
});

describe('headerPlaces on companion sheets: their own required fields make a complete first row', () => {
  it.each([
    ['cibles', [['Indicateur', 'Année', 'Cible', 'Sens'], ['I1', 2025, 30, 'hausse']]],
    ['saisies', [['Indicateur', 'Année', 'Valeur', 'Source'], ['I1', 2025, 3, 'Mairie']]],
    ['actions', [['Date', 'Type', 'Intitulé', 'Participants'], [d('2025-01-10'), 'Formation', 'Achats responsables', 12]]],
    ['suiviInsertion', [['N° marché', 'Bénéficiaire', 'Sexe', 'Heures'], ['M-1', 'B-01', 'F', 35]]],
  ] as const)('%s', (kind, rows) => {
    const g = grid('Compagne', rows as unknown as CellValue[][]);
    expect(detectSheet('a.xlsx', g)[0].kind).toBe(kind);
    expect(headerPlaces('a.xlsx', g, kind)).toEqual([{ headerRow: 1, headerRows: 1 }]);
  });
});

/**
 * The state sheet written alone (an import's records, README « Réimport d'un Pôle »), through
 * Office.js on the Excel double: the other `SPASER …` sheets and the user's stay exactly as
 * they were, the new `SPASER État` takes the old one's place, and a failure leaves the old one.
 */
import { SHEET_ETAT, SHEET_INDICATEURS, SHEET_REGISTRE } from '../../../src/domain/plan-types';
import type { SavedState } from '../../../src/domain/state';
import { serializeState } from '../../../src/domain/state-sheet';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble, type ExcelDouble } from '../../doubles/excel-double';

const OLD: SavedState = { version: 1, mappings: [], decisions: [], imports: [{ sheet: 'Sport', file: 'Sport.xlsx', pole: 'Sport', kind: 'registre', date: '2026-01-15', fingerprint: 'aaaaaaaaaaaaaaaa' }] };
const NEW: SavedState = {
  version: 1,
  mappings: [{ sheet: 'Sport', headerRow: 1, columns: { Payé: 'montantMandate' } }],
  decisions: [],
  imports: [{ sheet: 'Sport', file: 'Sport.xlsx', pole: 'Sport', kind: 'registre', date: '2026-02-16', fingerprint: 'bbbbbbbbbbbbbbbb' }],
};

/** A consolidation workbook after a write (SPASER sheets, État among them), then a sheet imported after it. */
function workbook(withState = true): ExcelDouble {
  return createExcelDouble({
    name: 'Conso.xlsx',
    sheets: [
      { name: 'Notes', cells: [['Mes notes'], [42]] },
      { name: 'Sport', cells: [['N° marché', 'Objet'], ['S-1', 'Gymnase']] },
      { name: SHEET_REGISTRE, cells: [['N° de marché', 'Objet'], ['S-1', 'Gymnase']], tables: [{ name: 'SPASER_Registre', address: 'A1:B2' }] },
      { name: SHEET_INDICATEURS, cells: [['Indicateur', 'Valeur'], ['1.1.2-marches-ar', 0]] },
      ...(withState ? [{ name: SHEET_ETAT, visibility: 'VeryHidden' as const, cells: serializeState(OLD).map((c) => [c]) }] : []),
      { name: 'Culture', cells: [['N° marché', 'Objet'], ['C-1', 'Spectacle']] },
    ],
  });
}

const run = (excel: ExcelDouble) => excel.run as unknown as ExcelRunner;
const others = (excel: ExcelDouble) => Object.fromEntries(excel.sheetNames().filter((n) => n !== SHEET_ETAT).map((n) => [n, excel.snapshot(n)]));

describe('writeState (Office): the state sheet alone', () => {
  it('replaces SPASER État in its place, very hidden; every other sheet (SPASER ones included) is exactly as it was', async () => {
    const excel = workbook();
    const names = excel.sheetNames();
    const before = others(excel);
    const wb = createOfficeWorkbook(run(excel));
    await wb.writeState(NEW);
    expect(excel.sheetNames()).toEqual(names);
    expect(others(excel)).toEqual(before);
    expect(excel.sheet(SHEET_ETAT).visibility).toBe('VeryHidden');
    expect(await createOfficeWorkbook(run(excel)).readState()).toEqual(NEW);
    expect(excel.sheetNames().some((n) => n.startsWith('SPASER tmp'))).toBe(false);
  });

  it('costs three round trips: the sheet list, the state sheet under a temporary name, the swap (a small batch)', async () => {
    const excel = workbook();
    const wb = createOfficeWorkbook(run(excel));
    await wb.writeState(NEW);
    expect(excel.syncCount).toBe(3);
    expect(wb.stats.syncsByPhase.ecriture).toBe(3);
    // Swap: delete the old sheet (made hidden first), rename, place, very hidden (and the calculation suspension).
    expect(excel.batches[2].operations).toBeLessThanOrEqual(6);
  });

  it('without a state sheet yet, adds it after the last sheet', async () => {
    const excel = workbook(false);
    const names = excel.sheetNames();
    const before = others(excel);
    await createOfficeWorkbook(run(excel)).writeState(NEW);
    expect(excel.sheetNames()).toEqual([...names, SHEET_ETAT]);
    expect(others(excel)).toEqual(before);
    expect(excel.sheet(SHEET_ETAT).visibility).toBe('VeryHidden');
  });

  it.each([1, 2, 3])('a failure at sync %i leaves the old state sheet and every other sheet as they were, no temporary sheet', async (k) => {
    const excel = workbook();
    const picture = Object.fromEntries(excel.sheetNames().map((n) => [n, excel.snapshot(n)]));
    excel.failOnSync(k);
    await expect(createOfficeWorkbook(run(excel)).writeState(NEW)).rejects.toThrow(/échec simulé/);
    expect(Object.fromEntries(excel.sheetNames().map((n) => [n, excel.snapshot(n)]))).toEqual(picture);
    expect(await createOfficeWorkbook(run(excel)).readState()).toEqual(OLD);
  });
});

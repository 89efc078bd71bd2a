/**
 * A re-import replacing an unchanged earlier import, through Office.js on the
 * Excel double: the new sheets are written under temporary names, then one last
 * batch deletes the old ones and gives the new ones their names and places.
 * A failure at any sync leaves the workbook exactly as it was.
 */
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { IMPORT_TEMP_PREFIX } from '../../../src/workbook/port';
import { createExcelDouble, type ExcelDouble } from '../../doubles/excel-double';

const OLD_SPORT = [
  ['N° marché', 'Objet', 'Montant HT', 'Pôle'],
  ['S-1', 'Gymnase', 1500, 'Sport'],
];
const OLD_CIBLES = [
  ['Indicateur', 'Année', 'Cible'],
  ['4.1.2-consideration-sociale', 2025, 30],
];

function workbook(extra: { name: string; cells: (string | number | null)[][] }[] = []): ExcelDouble {
  return createExcelDouble({
    name: 'Conso.xlsx',
    sheets: [
      { name: 'Notes', cells: [['Mes notes'], [42]] },
      { name: 'Sport', cells: OLD_SPORT },
      { name: 'Synthèse', cells: [['Total', 1500]] },
      { name: 'Sport - Cibles', cells: OLD_CIBLES },
      ...extra,
    ],
  });
}

const NEW = [
  { name: 'Sport', rows: [['N° marché', 'Objet', 'Montant HT', 'Pôle'], ['S-1', 'Gymnase', 1500, 'Sport'], ['S-2', 'Piscine', 2500, 'Sport']] },
  { name: 'Sport - Cibles', rows: [['Indicateur', 'Année', 'Cible'], ['4.1.2-consideration-sociale', 2026, 35]] },
  { name: 'Culture', rows: [['N° marché', 'Objet'], ['C-1', 'Spectacle']] },
];
const REPLACING = ['Sport', 'Sport - Cibles'];

const run = (excel: ExcelDouble) => excel.run as unknown as ExcelRunner;
const all = (excel: ExcelDouble) => excel.sheetNames().map((n) => excel.snapshot(n));

describe('importSheets replacing an earlier import (Office)', () => {
  it('deletes the old sheets, puts the new ones under their names and at their places, leaves the user sheets as they were', async () => {
    const excel = workbook();
    const notes = excel.snapshot('Notes');
    const synthese = excel.snapshot('Synthèse');
    const wb = createOfficeWorkbook(run(excel));
    await wb.importSheets(NEW, REPLACING);
    expect(excel.sheetNames()).toEqual(['Notes', 'Sport', 'Synthèse', 'Sport - Cibles', 'Culture']);
    expect(excel.snapshot('Notes')).toEqual(notes);
    expect(excel.snapshot('Synthèse')).toEqual(synthese);
    expect(excel.cell('Sport', 3, 1)?.value).toBe('S-2');
    expect(excel.cell('Sport', 1, 1)?.bold).toBe(true);
    expect(excel.cell('Sport - Cibles', 2, 2)?.value).toBe(2026);
    expect(excel.sheetNames().some((n) => n.startsWith(IMPORT_TEMP_PREFIX))).toBe(false);
    // Date system and sheet list in one sync, the values in a second, the swap in a third.
    expect(excel.syncCount).toBe(3);
    expect(wb.stats.syncsByPhase.ecriture).toBe(3);
    // The swap is a small batch of its own: 2 deletions, 3 renames (every sheet is added under a temporary
    // name), 2 moves (and the calculation suspension the batcher queues).
    expect(excel.batches[2].operations).toBe(8);
  });

  it('costs one more round trip than adding: the sheet list, then the swap (date system known from a read)', async () => {
    const plain = workbook();
    const a = createOfficeWorkbook(run(plain));
    await a.readSheets();
    plain.resetCounters();
    await a.importSheets([NEW[2]]);
    // The values, then the calculation suspension queued after them (synced when the run ends).
    expect(plain.syncCount).toBe(2);

    const excel = workbook();
    const b = createOfficeWorkbook(run(excel));
    await b.readSheets();
    excel.resetCounters();
    await b.importSheets(NEW, REPLACING);
    expect(excel.syncCount).toBe(3);
    expect(excel.sheetNames()).toEqual(['Notes', 'Sport', 'Synthèse', 'Sport - Cibles', 'Culture']);
  });

  it.each([
    ['the sheet list', 1],
    ['the values', 2],
    ['the swap', 3],
  ])('a failure at %s leaves the workbook exactly as it was', async (_, sync) => {
    const excel = workbook();
    const before = all(excel);
    excel.failOnSync(sync);
    await expect(createOfficeWorkbook(run(excel)).importSheets(NEW, REPLACING)).rejects.toThrow(/simulé/);
    expect(all(excel)).toEqual(before);
  });

  it('never takes a temporary name the workbook already has, and leaves that sheet alone', async () => {
    const excel = workbook([{ name: `${IMPORT_TEMP_PREFIX}1`, cells: [['à moi']] }]);
    await createOfficeWorkbook(run(excel)).importSheets(NEW, REPLACING);
    expect(excel.sheetNames()).toEqual(['Notes', 'Sport', 'Synthèse', 'Sport - Cibles', `${IMPORT_TEMP_PREFIX}1`, 'Culture']);
    expect(excel.cell(`${IMPORT_TEMP_PREFIX}1`, 1, 1)?.value).toBe('à moi');
  });

  it('replaces only the sheets it is told to: a sheet of the same name not in `replacing` is never deleted', async () => {
    const excel = workbook();
    const before = all(excel);
    // « Sport » (e.g. edited since its import) is not to be replaced: refused before anything is written.
    await expect(createOfficeWorkbook(run(excel)).importSheets(NEW, ['Sport - Cibles'])).rejects.toThrow(/« Sport » existe déjà/);
    expect(all(excel)).toEqual(before);
    // The sheet list only: nothing was added, so there is nothing to undo.
    expect(excel.syncCount).toBe(1);
  });

  it('without a replacement too, a name already taken is refused before writing when the sheets were asked (date system unknown)', async () => {
    const excel = workbook();
    // The sheet list comes with the date probe, at no extra round trip; « Sport » is in it.
    const before = all(excel);
    await expect(createOfficeWorkbook(run(excel)).importSheets([NEW[2], NEW[0]])).rejects.toThrow(/« Sport » existe déjà/);
    expect(all(excel)).toEqual(before);
  });

  it('is retried in smaller batches when Excel refuses a batch as too large, and still replaces', async () => {
    const excel = createExcelDouble({
      name: 'Conso.xlsx',
      sheets: [{ name: 'Notes', cells: [['x']] }, { name: 'Sport', cells: OLD_SPORT }],
      payloadLimitBytes: 1_500_000,
    });
    const rows = [['N° marché', 'Objet', 'Montant'], ...Array.from({ length: 30_000 }, (_, i) => [`S-${i}`, `objet du marché numéro ${i}, assez long`, i])];
    await createOfficeWorkbook(run(excel)).importSheets([{ name: 'Sport', rows }], ['Sport']);
    expect(excel.sheetNames()).toEqual(['Notes', 'Sport']);
    expect(excel.cell('Sport', 30_001, 1)?.value).toBe('S-29999');
    expect(excel.batches.some((b) => b.requestBytes > 1_500_000)).toBe(true);
  });
});

/**
 * Session-21 hand mutation audit of the project lead's consolidation (src/taskpane/consolidation.ts):
 * the gaps the existing tests left open. Names of imported sheets Excel must accept, the trailing
 * empty columns of a Pôle's sheet, the day told for an earlier import, a Pôle name that differs by
 * an accent (README « Réimport d'un Pôle »: only case and leading/trailing spaces are aside).
 */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { ImportRecord } from '../../src/domain/state';
import {
  earlierImport,
  importedOverrides,
  importPlan,
  importRecords,
  importsOfFileAsOtherPole,
  otherImportsOfPole,
  recogniseFile,
  safeSheetName,
  sheetsAfterImport,
} from '../../src/taskpane/consolidation';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-02-15';
const FILE = 'Pôle Sport.xlsx';

const marches = (name = 'Marchés', extraCols = 0) =>
  grid(name, [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', ...Array<CellValue>(extraCols).fill(null)],
    ['S-1', 'Gymnase', 1500, d('2025-03-04'), ...Array<CellValue>(extraCols).fill(null)],
  ]);
const objectifs = grid('Objectifs', [
  ['Indicateur', 'Année', 'Cible'],
  ['4.1.2-consideration-sociale', 2025, 30],
]);

/** The workbook after an import of `file` as `pole` on `date` (as read back), with its records. */
function imported(file: ReturnType<typeof recogniseFile>, pole: string, date: string): { sheets: SheetGrid[]; records: ImportRecord[] } {
  const plan = importPlan([file], { [file.name]: pole });
  const sheets = plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]));
  return { sheets, records: importRecords(plan, { [file.name]: pole }, sheets, date) };
}

describe('names of imported sheets, as Excel accepts them', () => {
  it('a Pôle name made only of characters Excel forbids still gives a sheet a name', () => {
    expect(safeSheetName('???')).toBe('Import');
    const file = recogniseFile({ name: 'a.xlsx', sheets: [marches()] }, TODAY);
    expect(importPlan([file], { 'a.xlsx': '[*]' }).map((s) => s.name)).toEqual(['Import']);
  });

  it('a long Pôle name taken twice keeps its « (2) » within the 31 characters of a sheet name', () => {
    const pole = 'Direction des sports et de la jeunesse';
    const a = recogniseFile({ name: 'a.xlsx', sheets: [marches()] }, TODAY);
    const b = recogniseFile({ name: 'b.xlsx', sheets: [marches()] }, TODAY);
    const names = importPlan([a, b], { 'a.xlsx': pole, 'b.xlsx': pole }).map((s) => s.name);
    expect(names).toEqual(['Direction des sports et de la j', 'Direction des sports et de (2)']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });
});

describe('the columns copied', () => {
  it('leaves out columns empty everywhere at the right of the used range: the Pôle column follows the last filled one', () => {
    const file = recogniseFile({ name: FILE, sheets: [marches('Marchés', 3)] }, TODAY);
    const [sheet] = importPlan([file], { [FILE]: 'Sport' });
    expect(sheet.rows).toEqual([
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
      ['S-1', 'Gymnase', 1500, d('2025-03-04'), 'Sport'],
    ]);
  });
});

describe('earlierImport: the day told', () => {
  it('is the latest of the imports it would replace (the register imported in January, its targets in February)', () => {
    const january = imported(recogniseFile({ name: FILE, sheets: [marches()] }, TODAY), 'Sport', '2026-01-15');
    const february = imported(recogniseFile({ name: FILE, sheets: [marches(), objectifs] }, TODAY), 'Sport', '2026-02-10');
    const sheets = [january.sheets[0], february.sheets[1]];
    const records = [january.records[0], february.records[1]];
    const file = recogniseFile({ name: FILE, sheets: [marches(), objectifs] }, TODAY);
    expect(earlierImport(file, 'Sport', sheets, records)).toEqual({
      sheets: ['Sport', 'Sport - Cibles'],
      replaceable: true,
      date: '2026-02-10',
      kept: [],
    });
    // Whatever the order of the records.
    expect(earlierImport(file, 'Sport', sheets, [...records].reverse()).date).toBe('2026-02-10');
  });
});

describe('a Pôle name differing by an accent is another Pôle (only case and spaces are aside)', () => {
  const file = recogniseFile({ name: FILE, sheets: [marches(), objectifs] }, TODAY);
  const { sheets, records } = imported(file, 'Pole Sport', '2026-01-15');

  it('the same file imported as « Pole Sport » is told when « Pôle Sport » is proposed', () => {
    expect(importsOfFileAsOtherPole(FILE, 'Pôle Sport', sheets, records, []).map((r) => [r.sheet, r.pole])).toEqual([
      ['Pole Sport', 'Pole Sport'],
      ['Pole Sport - Cibles', 'Pole Sport'],
    ]);
  });

  it('its imports are not those of « Pôle Sport »', () => {
    expect(otherImportsOfPole('Pôle Sport', sheets, records, [])).toEqual([]);
    expect(otherImportsOfPole('POLE SPORT', sheets, records, [])).toHaveLength(2);
  });
});

describe('two files of one Pôle chosen together (README « Réimport d\'un Pôle »)', () => {
  const works = grid('Travaux', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['ST-1', 'Réfection du gymnase', 9000, d('2025-07-08')],
  ]);
  const a = recogniseFile({ name: FILE, sheets: [marches()] }, TODAY);
  const b = recogniseFile({ name: 'Pôle Sport travaux.xlsx', sheets: [works] }, TODAY);
  const poles = { [a.name]: 'Sport', [b.name]: 'Sport' };
  const plan = importPlan([a, b], poles);
  const sheets = plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]));
  const records = importRecords(plan, poles, sheets, '2026-01-15');

  it('each file, chosen again with the other, would replace its own sheet, never the other file\'s', () => {
    expect(plan.map((s) => s.name)).toEqual(['Sport', 'Sport (2)']);
    const batch = { files: [a, b], poles };
    expect(earlierImport(a, 'Sport', sheets, records, batch)).toMatchObject({ sheets: ['Sport'], replaceable: true });
    expect(earlierImport(b, 'Sport', sheets, records, batch)).toMatchObject({ sheets: ['Sport (2)'], replaceable: true });
  });
});

describe('importedOverrides: the column choice in force', () => {
  it('is the last one the Pôle saved for a sheet, as its own file reads it', () => {
    const file = recogniseFile(
      {
        name: FILE,
        sheets: [marches()],
        state: {
          version: 1,
          mappings: [
            { sheet: 'Marchés', columns: { Objet: 'objet' } },
            { sheet: 'Marchés', columns: { 'Montant HT': 'montant' } },
          ],
          decisions: [],
        },
      },
      TODAY,
    );
    const plan = importPlan([file], { [FILE]: 'Sport' });
    expect(importedOverrides([file], plan, 'Bilan.xlsx')).toEqual([{ file: 'Bilan.xlsx', sheet: 'Sport', columns: { 'Montant HT': 'montant' } }]);
  });
});

describe('importedOverrides: only the choices in force in the Pôle\'s own file (as mapping.ts applies them)', () => {
  const withOverride = (file: string | undefined) =>
    recogniseFile(
      {
        name: FILE,
        sheets: [marches()],
        state: { version: 1, mappings: [{ ...(file !== undefined ? { file } : {}), sheet: 'Marchés', columns: { 'Montant HT': 'montant' } }], decisions: [] },
      },
      TODAY,
    );
  const carried = (file: string | undefined) => {
    const f = withOverride(file);
    return importedOverrides([f], importPlan([f], { [FILE]: 'Sport' }), 'Bilan.xlsx').map((o) => o.sheet);
  };

  it('a choice saved with the file\'s path (or its name in other case) is carried', () => {
    expect(carried('C:\\Users\\sport\\Pôle Sport.xlsx')).toEqual(['Sport']);
    expect(carried('/home/sport/PÔLE SPORT.xlsx')).toEqual(['Sport']);
    expect(carried(undefined)).toEqual(['Sport']);
  });

  it('a choice saved for another workbook (a sheet of the same name there) is not', () => {
    expect(carried('Pôle Culture.xlsx')).toEqual([]);
    expect(carried('C:\\Users\\sport\\Pole Sport.xlsx')).toEqual([]);
  });
});

describe('sheetsAfterImport', () => {
  it('never puts an imported sheet in place of a workbook sheet of its name that is not in `replacing`', () => {
    // The App plans names that avoid every sheet it does not replace; this holds even if it did not.
    const file = recogniseFile({ name: FILE, sheets: [marches()] }, TODAY);
    const [sheet] = importPlan([file], { [FILE]: 'Sport' });
    const edited = grid('Sport', [['edited by the lead']]);
    const after = sheetsAfterImport([edited], [sheet], []);
    expect(after[0]).toBe(edited);
  });
});

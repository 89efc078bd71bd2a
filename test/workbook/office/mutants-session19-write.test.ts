/**
 * Session-19 mutation audit of the Office.js writer (`src/workbook/office/write.ts`): behaviours
 * the README or the plan's contract states that no test pinned. Each expectation is reasoned from
 * the rule (cited beside it), not copied from a run.
 */
import { SHEET_ETAT, SHEET_INDICATEURS, SHEET_REGISTRE, type SheetPlan } from '../../../src/domain/plan-types';
import type { SavedState } from '../../../src/domain/state';
import { serializeState } from '../../../src/domain/state-sheet';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { protectText } from '../../../src/workbook/office/write';
import { createExcelDouble, type ExcelDouble } from '../../doubles/excel-double';

const run = (excel: ExcelDouble) => excel.run as unknown as ExcelRunner;

const OLD: SavedState = { version: 1, mappings: [], decisions: [], imports: [] };
const NEW: SavedState = { version: 1, mappings: [{ sheet: 'Sport', headerRow: 1, columns: { Payé: 'montantMandate' } }], decisions: [], imports: [] };
const stateCells = (s: SavedState) => serializeState(s).map((c) => [c]);

function sheetPlan(name: string, extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name, visibility: 'visible', widths: [], blocks: [{ row: 1, col: 1, values: [['N° de marché', 'Objet']] }], tables: [], links: [], charts: [], ...extra };
}

describe('writeState (Office): the new state sheet takes the old one’s place (README « Réimport d’un Pôle »)', () => {
  it('a temporary sheet a crash left before it is removed, and the state sheet keeps its place among the others', async () => {
    // README: « un petit lot supprime l'ancienne et lui donne son nom et sa place … hormis une feuille
    // temporaire laissée par un arrêt brutal, retirée ». The leftover is gone, so the state sheet's place is
    // counted among the sheets that stay: after `SPASER Indicateurs`, before `Culture`.
    const excel = createExcelDouble({
      sheets: [
        { name: 'Notes', cells: [['Mes notes']] },
        { name: 'SPASER tmp 1', cells: [['reste d’un arrêt brutal']] },
        { name: SHEET_REGISTRE, cells: [['N° de marché'], ['S-1']] },
        { name: SHEET_INDICATEURS, cells: [['Indicateur']] },
        { name: SHEET_ETAT, visibility: 'VeryHidden', cells: stateCells(OLD) },
        { name: 'Culture', cells: [['N° marché'], ['C-1']] },
      ],
    });
    await createOfficeWorkbook(run(excel)).writeState(NEW);
    expect(excel.sheetNames()).toEqual(['Notes', SHEET_REGISTRE, SHEET_INDICATEURS, SHEET_ETAT, 'Culture']);
    expect(excel.sheet(SHEET_ETAT).visibility).toBe('VeryHidden');
    expect(await createOfficeWorkbook(run(excel)).readState()).toEqual(NEW);
  });

  it('a state sheet that is the first sheet of the workbook stays the first', async () => {
    // Its place is 0: « sa place » is kept whatever it is, the first one included.
    const excel = createExcelDouble({
      sheets: [
        { name: SHEET_ETAT, visibility: 'VeryHidden', cells: stateCells(OLD) },
        { name: 'Notes', cells: [['Mes notes']] },
        { name: 'Sport', cells: [['N° marché'], ['S-1']] },
      ],
    });
    await createOfficeWorkbook(run(excel)).writeState(NEW);
    expect(excel.sheetNames()).toEqual([SHEET_ETAT, 'Notes', 'Sport']);
    expect(await createOfficeWorkbook(run(excel)).readState()).toEqual(NEW);
  });
});

describe('writePlan (Office): a re-run', () => {
  it('adds the new SPASER sheets after the user’s sheets, even when the user added a sheet after the old ones', async () => {
    // plan-types.ts, WritePlan.sheets: « Sheets in the order they are added after the user's sheets ».
    // Only the state sheet written alone keeps its old place (writeState); a whole write does not.
    const excel = createExcelDouble({
      sheets: [
        { name: 'Suivi', cells: [['N° marché'], ['S-1']] },
        { name: SHEET_REGISTRE, cells: [['ancien registre']] },
        { name: 'Notes', cells: [['ajoutée après le calcul']] },
      ],
    });
    await createOfficeWorkbook(run(excel)).writePlan({ sheets: [sheetPlan(SHEET_REGISTRE)] });
    expect(excel.sheetNames()).toEqual(['Suivi', 'Notes', SHEET_REGISTRE]);
    expect(excel.cell(SHEET_REGISTRE, 1, 1)?.value).toBe('N° de marché');
  });
});

describe('writePlan (Office): the link of a finding to a sheet whose name holds apostrophes', () => {
  it.each([
    ["Suivi d'été", "'Suivi d''été'!B3"],
    ["L'été d'Anne", "'L''été d''Anne'!B3"],
  ])('%s: the sheet name is quoted and each apostrophe doubled, as Excel writes a reference', async (sheet, reference) => {
    // sortie.md: « a link to the cell where the source is in the same workbook ». In an Excel reference a
    // sheet name goes between apostrophes, each of its own apostrophes doubled; else the link goes nowhere.
    const excel = createExcelDouble({ sheets: [{ name: sheet, cells: [['N° marché', 'Montant'], ['S-1', 'douze'], ['S-2', 'treize']] }] });
    const plan = sheetPlan('SPASER Contrôles', {
      blocks: [{ row: 1, col: 1, values: [['Message', 'Lien'], ['Montant illisible', 'voir']] }],
      links: [{ row: 2, col: 2, text: 'voir', sheet, address: 'B3' }],
    });
    await createOfficeWorkbook(run(excel)).writePlan({ sheets: [plan] });
    expect(excel.cell('SPASER Contrôles', 2, 2)?.hyperlink).toMatchObject({ documentReference: reference, textToDisplay: 'voir' });
  });
});

describe('importSheets (Office): a name already taken, whatever its case', () => {
  it('a sheet named like an imported one but for its case is refused before writing, named as the workbook spells it, even the first sheet', async () => {
    // Excel does not tell upper from lower case in sheet names (README « Feuilles écrites »): « sport » takes
    // the name « Sport ». A name taken is refused before anything is written (importSheetsOnce), with the
    // French message naming the sheet the user sees. The workbook was not read first: the sheets are asked.
    const excel = createExcelDouble({
      sheets: [
        { name: 'sport', cells: [['à moi']] },
        { name: 'Notes', cells: [['Mes notes']] },
      ],
    });
    const before = excel.sheetNames().map((n) => excel.snapshot(n));
    await expect(createOfficeWorkbook(run(excel)).importSheets([{ name: 'Sport', rows: [['N° marché'], ['S-1']] }])).rejects.toThrow(
      'la feuille « sport » existe déjà dans le classeur',
    );
    expect(excel.sheetNames().map((n) => excel.snapshot(n))).toEqual(before);
    // The sheet list only: nothing was added.
    expect(excel.syncCount).toBe(1);
  });
});

describe('importSheets (Office): a sheet without any row', () => {
  it('is added as an empty sheet under its name, beside a sheet with rows', async () => {
    // A consolidation copies each sheet as values, header row first (ValueSheet): a sheet without rows has
    // no header to make bold, and is copied empty rather than failing the import.
    const excel = createExcelDouble({ sheets: [{ name: 'Notes', cells: [['Mes notes']] }] });
    await createOfficeWorkbook(run(excel)).importSheets([
      { name: 'Vide', rows: [] },
      { name: 'Sport', rows: [['N° marché'], ['S-1']] },
    ]);
    expect(excel.sheetNames()).toEqual(['Notes', 'Vide', 'Sport']);
    expect(excel.snapshot('Vide')).toMatchObject({ cells: [] });
    expect(excel.cell('Sport', 1, 1)).toMatchObject({ value: 'N° marché', bold: true });
  });
});

describe('writePlan (Office): a plan table with only its header row', () => {
  it('gets one empty data row, as in the file (Excel needs one): `SPASER Contrôles` of a register without finding', async () => {
    // plan.ts gives the controls' table `rows + 1` rows, its header alone when nothing was found; the
    // file writer gives it one empty data row (test/workbook/xlsx/write.test.ts); so does Excel.
    const excel = createExcelDouble({ sheets: [{ name: 'Suivi', cells: [['N° marché'], ['S-1']] }] });
    const plan = sheetPlan('SPASER Contrôles', {
      blocks: [{ row: 1, col: 1, style: 'entete', values: [['Gravité', 'Code', 'Message']] }],
      tables: [{ name: 'SPASER_Controles', row: 1, col: 1, rowCount: 1, colCount: 3 }],
    });
    await createOfficeWorkbook(run(excel)).writePlan({ sheets: [plan] });
    expect(excel.tablesOf('SPASER Contrôles').map((t) => ({ name: t.name, r0: t.r0, c0: t.c0, nr: t.nr, nc: t.nc }))).toEqual([
      { name: 'SPASER_Controles', r0: 0, c0: 0, nr: 2, nc: 3 },
    ]);
  });
});

describe('writePlan (Office): a width of 0 in the plan leaves the column at Excel’s default width', () => {
  it('as the file writer does (write-plan.ts sets only widths above 0): columns 1 and 3 set, column 2 untouched', async () => {
    const excel = createExcelDouble({ sheets: [{ name: 'Suivi', cells: [['N°'], ['S-1']] }] });
    await createOfficeWorkbook(run(excel)).writePlan({ sheets: [sheetPlan(SHEET_REGISTRE, { widths: [12, 0, 20] })] });
    // (12 × 7 + 5) × 0.75 = 66.75 pt; (20 × 7 + 5) × 0.75 = 108.75 pt; column 2 has no width of its own.
    expect([...excel.sheet(SHEET_REGISTRE).widths.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 66.75],
      [2, 108.75],
    ]);
  });
});

describe('importSheets (Office): replacing an earlier import that is the first sheet of the workbook', () => {
  it('the old sheet goes, the new one takes its name and its place, the first', async () => {
    // README « Réimport d'un Pôle » : « un dernier petit lot supprime les anciennes et leur donne leurs noms et
    // leurs places » — the first place too.
    const excel = createExcelDouble({
      sheets: [
        { name: 'Sport', cells: [['N° marché', 'Objet'], ['S-1', 'Gymnase']] },
        { name: 'Notes', cells: [['Mes notes']] },
      ],
    });
    const notes = excel.snapshot('Notes');
    await createOfficeWorkbook(run(excel)).importSheets([{ name: 'Sport', rows: [['N° marché', 'Objet'], ['S-1', 'Gymnase'], ['S-2', 'Piscine']] }], ['Sport']);
    expect(excel.sheetNames()).toEqual(['Sport', 'Notes']);
    expect(excel.cell('Sport', 3, 2)?.value).toBe('Piscine');
    expect(excel.snapshot('Notes')).toEqual(notes);
  });
});

describe('protectText: the French and English booleans Excel would turn a copied text into', () => {
  it.each(['FAUX', 'faux', 'Vrai', 'TRUE', 'true', 'FALSE', 'False'])('« %s » gets the apostrophe that keeps it text', (s) => {
    // sortie.md: text copied from another workbook is written as a value and stays text. Typed into a cell,
    // VRAI / FAUX (French Excel) and TRUE / FALSE become booleans, whatever their case: each is protected.
    expect(protectText(s)).toBe(`'${s}`);
  });
});

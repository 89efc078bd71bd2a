/**
 * A value typed far from the table (XFD1, row 1 048 576) made the file reader build a grid of
 * 17 billion cells (« JavaScript heap out of memory » after half a minute) and the Office
 * reader fetch them block by block; a title merged over a whole row widened every row to
 * 16 384 cells. Both adapters now leave a sheet whose filled span exceeds `MAX_GRID_CELLS`
 * unread, and the user is told which sheet and where the far value is (README « Feuilles
 * trop étendues »).
 */
import ExcelJS from 'exceljs';
import { isOversized, MAX_GRID_CELLS, type SheetGrid } from '../../src/domain/cell';
import { isEmptyInput, NoRegisterError, runChain } from '../../src/domain/chain';
import { oversizedSheetNotices } from '../../src/domain/oversized-sheets';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { openXlsx } from '../../src/workbook/xlsx/open';
import { createExcelDouble, type SeedCell } from '../doubles/excel-double';
import { serial } from './office/spec-office-fixture';

const TODAY = '2026-01-15';
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const DATA: [string, string, number, string][] = [
  ['M-1', 'Papier', 100, '2025-02-01'],
  ['M-2', 'Encre', 200, '2025-03-01'],
];
const FAR = (sheet: string, span: string, far: string) =>
  `La feuille « ${sheet} » n'est pas lue : ses cellules remplies s'étendent de ${span}, bien au-delà d'un tableau, sans doute à cause d'une valeur oubliée ${far}. ` +
  'Dans Excel, effacez-la (Ctrl+Fin mène à la dernière cellule utilisée), enregistrez, puis recommencez.';

/** A workbook: register `Marchés`, then a sheet `Notes` with one value at each address given. */
async function fileWith(notes: readonly string[], options: { registerTitleMerge?: string } = {}): Promise<readonly SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  if (options.registerTitleMerge) {
    ws.addRow(['Suivi des marchés 2025']);
    ws.mergeCells(options.registerTitleMerge);
  }
  ws.addRow(HEADER);
  for (const [n, o, m, dt] of DATA) {
    const [y, mo, d] = dt.split('-').map(Number);
    ws.addRow([n, o, m, new Date(Date.UTC(y, mo - 1, d))]);
  }
  if (notes.length > 0) {
    const other = wb.addWorksheet('Notes');
    for (const address of notes) other.getCell(address).value = 'à voir';
  }
  return (await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'Suivi.xlsx')).readSheets();
}

/** The same workbook open in Excel (the double keeps cells sparse, as Excel does). */
async function officeWith(notes: readonly string[], merges: string[] = []): Promise<{ sheets: readonly SheetGrid[]; syncs: number }> {
  const rows: SeedCell[][] = [HEADER, ...DATA.map(([n, o, m, dt]) => [n, o, m, { v: serial(dt), nf: 'dd/mm/yyyy' }])];
  const excel = createExcelDouble({
    name: 'Suivi.xlsx',
    sheets: [{ name: 'Marchés', cells: merges.length > 0 ? [['Suivi des marchés 2025'], ...rows] : rows, merges }, ...(notes.length > 0 ? [{ name: 'Notes' }] : [])],
  });
  if (notes.length > 0) {
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Notes');
      for (const address of notes) ws.getRange(address).values = [['à voir']];
      await ctx.sync();
    });
  }
  const before = excel.batches.length;
  const sheets = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
  return { sheets, syncs: excel.batches.length - before };
}

describe('the limit', () => {
  it('is a span of more than MAX_GRID_CELLS cells (20 million)', () => {
    expect(MAX_GRID_CELLS).toBe(20_000_000);
    expect(isOversized(20_000, 1_000)).toBe(false);
    expect(isOversized(20_001, 1_000)).toBe(true);
    expect(isOversized(1_048_576, 19)).toBe(false);
    expect(isOversized(1_048_576, 20)).toBe(true);
  });
});

describe('the file reader', () => {
  it('a value in XFD1048576 of another sheet: that sheet unread, with its span; the register read and the user told', async () => {
    const sheets = await fileWith(['A1', 'XFD1048576']);
    const notes = sheets.find((s) => s.name === 'Notes')!;
    expect(notes.rows).toEqual([]);
    expect(notes.oversized).toEqual({ firstRow: 1, firstCol: 1, lastRow: 1_048_576, lastCol: 16_384 });
    const out = runChain([{ file: 'Suivi.xlsx', sheets, state: null }], { today: TODAY, writesCharts: false });
    expect(out.result.lignes.lues).toBe(2);
    expect(out.notices).toEqual([FAR('Notes', 'A1 à XFD1048576', 'sur la ligne 1 048 576 ou dans la colonne XFD')]);
  });

  it('a sheet just over the limit is left unread, one just under it is read (the limit the adapter applies)', async () => {
    // 1 221 × 16 384 = 20 004 864 cells; 1 220 × 16 384 = 19 988 480.
    const over = (await fileWith(['A1', 'XFD1221'])).find((s) => s.name === 'Notes')!;
    expect(over.rows).toEqual([]);
    expect(over.oversized).toEqual({ firstRow: 1, firstCol: 1, lastRow: 1221, lastCol: 16_384 });
    const under = (await fileWith(['A1', 'XFD1220'])).find((s) => s.name === 'Notes')!;
    expect(under.oversized).toBeUndefined();
    expect(under.rows).toHaveLength(1220);
    expect(under.rows[1219][16_383]).toBe('à voir');
  });

  it('the only register sheet too large: no register, the reason given, not « vide »', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(HEADER);
    ws.addRow(['M-1', 'Papier', 100, new Date(Date.UTC(2025, 1, 1))]);
    ws.getCell('A1048576').value = 'fin';
    ws.getCell('XFD2').value = 'x';
    const sheets = await (await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'Suivi.xlsx')).readSheets();
    const input = { file: 'Suivi.xlsx', sheets, state: null };
    expect(isEmptyInput(input)).toBe(false);
    expect(() => runChain([input], { today: TODAY })).toThrow(NoRegisterError);
    try {
      runChain([input], { today: TODAY });
    } catch (e) {
      expect((e as NoRegisterError).empty).toBe(false);
      expect((e as Error).message).toBe(
        "Aucun registre reconnu dans « Suivi.xlsx » : aucune feuille lue n'a d'en-tête avec les colonnes N° de marché, Objet, Montant HT et Date de notification. " +
          FAR('Marchés', 'A1 à XFD1048576', 'sur la ligne 1 048 576 ou dans la colonne XFD'),
      );
    }
  });

  it('without a sheet too large, the message stays « aucune feuille n\'a d\'en-tête »', () => {
    const notes: SheetGrid = { name: 'Notes', firstRow: 1, firstCol: 1, rows: [['Bonjour']], tables: [] };
    expect(() => runChain([{ file: 'Suivi.xlsx', sheets: [notes], state: null }], { today: TODAY })).toThrow(
      "Aucun registre reconnu dans « Suivi.xlsx » : aucune feuille n'a d'en-tête avec les colonnes N° de marché, Objet, Montant HT et Date de notification.",
    );
  });

  it('a title merged over the whole row: the grid keeps the table width, the register is read', async () => {
    const sheets = await fileWith([], { registerTitleMerge: 'A1:XFD1' });
    const register = sheets.find((s) => s.name === 'Marchés')!;
    expect(register.oversized).toBeUndefined();
    expect(register.rows.map((r) => r.length)).toEqual([4, 4, 4, 4]);
    expect(runChain([{ file: 'Suivi.xlsx', sheets, state: null }], { today: TODAY, writesCharts: false }).result.lignes.lues).toBe(2);
  });
});

describe('the Office.js reader', () => {
  it('a value in XFD1048576 of another sheet: no cell of that sheet fetched, the same span as the file reader', async () => {
    const { sheets, syncs } = await officeWith(['A1', 'XFD1048576']);
    const notes = sheets.find((s) => s.name === 'Notes')!;
    expect(notes.rows).toEqual([]);
    expect(notes.oversized).toEqual({ firstRow: 1, firstCol: 1, lastRow: 1_048_576, lastCol: 16_384 });
    expect(notes.firstRow).toBe(1);
    // As many round trips as the same workbook without the far value: the register's cells only.
    expect(syncs).toBe((await officeWith(['A1'])).syncs);
    expect(runChain([{ file: 'Suivi.xlsx', sheets, state: null }], { today: TODAY, writesCharts: false }).notices).toEqual([
      FAR('Notes', 'A1 à XFD1048576', 'sur la ligne 1 048 576 ou dans la colonne XFD'),
    ]);
  });

  it('both readers give the same grids for the same far value', async () => {
    const file = (await fileWith(['C3', 'XFD40000'])).find((s) => s.name === 'Notes')!;
    const office = (await officeWith(['C3', 'XFD40000'])).sheets.find((s) => s.name === 'Notes')!;
    expect(office).toEqual(file);
    expect(office.oversized).toEqual({ firstRow: 3, firstCol: 3, lastRow: 40_000, lastCol: 16_384 });
  });

  it('a title merged over the whole row: rows as wide as the table, as from the file', async () => {
    const { sheets } = await officeWith([], ['A1:XFD1']);
    expect(sheets[0].rows.map((r) => r.length)).toEqual([4, 4, 4, 4]);
    expect(sheets[0].rows[0]).toEqual(['Suivi des marchés 2025', null, null, null]);
  });
});

describe('a value merged down counts in the span, as both readers grow a grid to it', () => {
  /** XFD1 filled, « Pôle Sport » in A2 merged down to A`bottom` (A3 when `emptyMaster`: nothing to spread). */
  async function bothReaders(bottom: number, emptyMaster = false): Promise<SheetGrid[]> {
    const merge = `A${emptyMaster ? 3 : 2}:A${bottom}`;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Notes');
    ws.getCell('XFD1').value = 'x';
    ws.getCell('A2').value = 'Pôle Sport';
    ws.mergeCells(merge);
    const file = (await (await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'Suivi.xlsx')).readSheets())[0];
    const excel = createExcelDouble({ name: 'Suivi.xlsx', sheets: [{ name: 'Notes', merges: [merge] }] });
    await excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Notes');
      sheet.getRange('XFD1').values = [['x']];
      sheet.getRange('A2').values = [['Pôle Sport']];
      await ctx.sync();
    });
    const office = (await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets())[0];
    return [file, office];
  }

  it('16 384 columns on 2 rows are read; merged down to row 1 300 (21 million cells), left unread by both', async () => {
    for (const grid of await bothReaders(1300)) {
      expect(grid.rows).toEqual([]);
      expect(grid.oversized).toEqual({ firstRow: 1, firstCol: 1, lastRow: 1300, lastCol: 16_384 });
    }
  });

  it('a merge whose first cell is empty spreads nothing and does not count', async () => {
    for (const grid of await bothReaders(1300, true)) {
      expect(grid.oversized).toBeUndefined();
      expect(grid.rows).toHaveLength(2);
    }
  });
});

describe('the notice names only the far side', () => {
  const grid = (name: string, o: SheetGrid['oversized']): SheetGrid => ({ name, firstRow: 1, firstCol: 1, rows: [], tables: [], oversized: o });

  it('far to the right of a register of 5 000 rows: the column only (never the last row of the register)', () => {
    expect(oversizedSheetNotices([{ file: 'Suivi.xlsx', sheets: [grid('Suivi', { firstRow: 1, firstCol: 1, lastRow: 5000, lastCol: 16_384 })], state: null }])).toEqual([
      FAR('Suivi', 'A1 à XFD5000', 'dans la colonne XFD'),
    ]);
  });

  it('far down a table of 36 columns: the row only', () => {
    expect(oversizedSheetNotices([{ file: 'Suivi.xlsx', sheets: [grid('Suivi', { firstRow: 2, firstCol: 2, lastRow: 1_048_576, lastCol: 37 })], state: null }])).toEqual([
      FAR('Suivi', 'B2 à AK1048576', 'sur la ligne 1 048 576'),
    ]);
  });

  it('wide from 1 001 columns; far down too when a wide span is longer than 200 000 rows', () => {
    const notice = (lastRow: number, lastCol: number) =>
      oversizedSheetNotices([{ file: 'Suivi.xlsx', sheets: [grid('Suivi', { firstRow: 1, firstCol: 1, lastRow, lastCol })], state: null }])[0];
    expect(notice(20_001, 1000)).toContain('oubliée sur la ligne 20 001. ');
    expect(notice(20_001, 1001)).toContain('oubliée dans la colonne ALM. ');
    expect(notice(200_000, 1001)).toContain('oubliée dans la colonne ALM. ');
    expect(notice(200_001, 1001)).toContain('oubliée sur la ligne 200 001 ou dans la colonne ALM. ');
  });

  it('in a consolidation, the workbook is named; sheets that fit say nothing', () => {
    const fits: SheetGrid = { name: 'Marchés', firstRow: 1, firstCol: 1, rows: [['x']], tables: [] };
    expect(
      oversizedSheetNotices([
        { file: 'Pôle A.xlsx', sheets: [fits], state: null },
        { file: 'Pôle B.xlsx', sheets: [fits, grid('Brouillon', { firstRow: 1, firstCol: 1, lastRow: 1_048_576, lastCol: 16_384 })], state: null },
      ]),
    ).toEqual([
      FAR('Brouillon', 'A1 à XFD1048576', 'sur la ligne 1 048 576 ou dans la colonne XFD').replace('« Brouillon »', '« Brouillon » du classeur « Pôle B.xlsx »'),
    ]);
  });
});

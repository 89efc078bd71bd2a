/**
 * Spec audit (sortie.md "Never touch the user's data", "Sheets") of what the
 * `.xlsx` writer produces, end to end through the command line: the file
 * written is read back with ExcelJS and compared with the input cell by cell.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../../src/cli/run';
import { readXlsxFile } from '../../../src/workbook/xlsx/node-files';
import { capture, d, tempDir } from '../../cli/helpers';
import { buyerWorkbook, loadFile, sheetSnapshot } from './fixtures';


/** The buyer workbook of the adapter tests, plus user sheets whose names only look like the add-in's. */
function userWorkbook(): ExcelJS.Workbook {
  const wb = buyerWorkbook();
  const lookalikes: [string, string][] = [
    ['SPASER', 'feuille de l’utilisateur nommée SPASER'],
    ['SPASER-Notes', 'notes'],
    ['SPASERS 2024', 'archives'],
    ['Notes SPASER Registre', 'brouillon'],
    ['Spaser notes', 'casse différente'],
  ];
  for (const [name, text] of lookalikes) {
    const ws = wb.addWorksheet(name);
    ws.getCell('B2').value = text;
    ws.getCell('B2').font = { italic: true };
    ws.getCell('C3').value = { formula: 'LEN(B2)', result: text.length };
    ws.getColumn(2).width = 33;
  }
  return wb;
}

const USER_SHEETS = ['Suivi 2025', 'Titulaires', 'Listes', 'SPASER', 'SPASER-Notes', 'SPASERS 2024', 'Notes SPASER Registre', 'Spaser notes'];
const USER_SPASER_SHEET = 'SPASER Ancienne feuille';
const SPASER_SHEETS = ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles', 'SPASER État'];

describe('sortie.md: never touch the user data (single workbook, through the command line)', () => {
  let dir: string;
  let original: ExcelJS.Workbook;
  let first: ExcelJS.Workbook;
  let second: ExcelJS.Workbook;
  let firstStdout: string;
  let secondStdout: string;
  let inputBytes: Buffer;

  beforeAll(async () => {
    dir = tempDir();
    for (const sub of ['entree', 'premier', 'second']) fs.mkdirSync(path.join(dir, sub));
    const input = userWorkbook();
    // A sheet named like the add-in's but not one of its five: the user's (README « Office.js »: only the
    // add-in's own sheets are replaced; the blind ribbon test found « SPASER Notes » deleted). Never a source.
    input.addWorksheet(USER_SPASER_SHEET).getCell('A1').value = 'périmé';
    await input.xlsx.writeFile(path.join(dir, 'entree', 'suivi.xlsx'));
    inputBytes = fs.readFileSync(path.join(dir, 'entree', 'suivi.xlsx'));
    original = await loadFile(path.join(dir, 'entree', 'suivi.xlsx'));

    const c1 = capture(dir);
    expect(await runCli(['calculer', 'entree/suivi.xlsx', '--sortie', 'premier/suivi.xlsx', '--json'], c1.io)).toBe(EXIT_OK);
    firstStdout = c1.stdout();
    first = await loadFile(path.join(dir, 'premier', 'suivi.xlsx'));

    // A re-run on the output, which already holds SPASER sheets (same file name: the Pôle comes from it).
    const c2 = capture(dir);
    expect(await runCli(['calculer', 'premier/suivi.xlsx', '--sortie', 'second/suivi.xlsx', '--json'], c2.io)).toBe(EXIT_OK);
    secondStdout = c2.stdout();
    second = await loadFile(path.join(dir, 'second', 'suivi.xlsx'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the input is a register the chain reads (guards the tests below)', () => {
    const result = JSON.parse(firstStdout) as { lignes: { lues: number } };
    expect(result.lignes.lues).toBe(3);
  });

  it('keeps every user sheet, in its place, then adds only the SPASER sheets', () => {
    expect(first.worksheets.map((w) => w.name)).toEqual([...USER_SHEETS, USER_SPASER_SHEET, ...SPASER_SHEETS]);
  });

  it('writes no user sheet cell differently: values, formulas, formats, merges, tables, widths, validations, visibility', () => {
    for (const name of [...USER_SHEETS, USER_SPASER_SHEET]) {
      expect(sheetSnapshot(first.getWorksheet(name)!)).toEqual(sheetSnapshot(original.getWorksheet(name)!));
    }
  });

  it('the snapshot sees what it compares (guards the comparison above)', () => {
    const s = sheetSnapshot(original.getWorksheet('Suivi 2025')!);
    expect(s.cells.F5.formula).toBe('D5+E5');
    expect(s.cells.D4.numFmt).toBe('#,##0.00 "€"');
    expect(JSON.parse(s.cells.A1.font)).toMatchObject({ bold: true, size: 16 });
    expect(s.merges).toEqual(['A1', 'D2', 'H4']);
    expect(s.widths.slice(0, 2)).toEqual([14, 42]);
    expect(sheetSnapshot(original.getWorksheet('Titulaires')!).tables[0]).toContain('"ref":"B2:C4"');
    expect(sheetSnapshot(original.getWorksheet('SPASER')!).cells.C3.formula).toBe('LEN(B2)');
    expect(original.getWorksheet('Listes')!.state).toBe('hidden');
  });

  it('a re-run replaces the add-in sheets and nothing else: same sheets, user sheets still unchanged', () => {
    expect(second.worksheets.map((w) => w.name)).toEqual([...USER_SHEETS, USER_SPASER_SHEET, ...SPASER_SHEETS]);
    for (const name of [...USER_SHEETS, USER_SPASER_SHEET]) {
      expect(sheetSnapshot(second.getWorksheet(name)!)).toEqual(sheetSnapshot(original.getWorksheet(name)!));
    }
  });

  it('a re-run gives the same result and the same SPASER sheets, cell by cell', () => {
    const a = JSON.parse(firstStdout) as { indicateurs: unknown; lignes: unknown; controles: unknown };
    const b = JSON.parse(secondStdout) as { indicateurs: unknown; lignes: unknown; controles: unknown };
    expect(b).toEqual(a);
    for (const name of SPASER_SHEETS) {
      expect(sheetSnapshot(second.getWorksheet(name)!)).toEqual(sheetSnapshot(first.getWorksheet(name)!));
    }
  });

  it('the state sheet is very hidden (not merely hidden) and holds a state that reads back', async () => {
    expect(first.getWorksheet('SPASER État')!.state).toBe('veryHidden');
    expect(second.getWorksheet('SPASER État')!.state).toBe('veryHidden');
    for (const name of ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']) expect(first.getWorksheet(name)!.state).toBe('visible');
    const state = await (await readXlsxFile(path.join(dir, 'premier', 'suivi.xlsx'))).readState();
    expect(state).toMatchObject({ version: 1 });
  });

  it('leaves the input file byte for byte as it was', () => {
    expect(fs.readFileSync(path.join(dir, 'entree', 'suivi.xlsx')).equals(inputBytes)).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Text copied from a source cell is a value, never a formula.

/** Texts a spreadsheet could take for a formula, or that XML could change. */
const TRICKY = {
  egal: '=SOMME(A1:A3)',
  plus: '+33 3 20 00 00 00',
  moins: '-5 % sur le lot 2',
  arobase: '@Fournisseur',
  tab: '\t=1+1',
  cr: '\r=1+1',
  escape: 'réf _x000D_ littérale',
} as const;

/**
 * How Excel stores these texts in a file (ExcelJS writes them raw, so the
 * fixture gives the stored form): a carriage return as `_x000D_`, a literal
 * `_x` as `_x005F_x`. ExcelJS reads them back as TRICKY.cr and TRICKY.escape.
 */
const CR_AS_STORED = '_x000D_=1+1';
const ESCAPE_AS_STORED = 'réf _x005F_x000D_ littérale';

const HEADER = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Pôle'];

async function writeTrickyWorkbook(file: string, numero: string, pole: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  ws.addRow(HEADER);
  // Objet and Titulaire are read as text; an unreadable Montant is copied raw (the row is then in error).
  ws.addRow([`${numero}-1`, TRICKY.egal, TRICKY.egal, d('2025-02-01'), TRICKY.arobase, pole]);
  ws.addRow([`${numero}-2`, TRICKY.plus, TRICKY.tab, d('2025-02-02'), TRICKY.moins, pole]);
  ws.addRow([`${numero}-3`, TRICKY.moins, CR_AS_STORED, d('2025-02-03'), ESCAPE_AS_STORED, pole]);
  ws.addRow([`${numero}-4`, TRICKY.arobase, 1000, d('2025-02-04'), TRICKY.plus, pole]);
  ws.addRow([`${numero}-5`, ESCAPE_AS_STORED, 2000, d('2025-02-05'), TRICKY.egal, pole]);
  await wb.xlsx.writeFile(file);
}

function everyCell(wb: ExcelJS.Workbook, filter: (name: string) => boolean): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (const ws of wb.worksheets) {
    if (!filter(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => cells.push(c)));
  }
  return cells;
}

/** Column of a header in row 1 of a sheet (1-based). */
function column(ws: ExcelJS.Worksheet, header: string): number {
  const j = (ws.getRow(1).values as unknown[]).indexOf(header);
  if (j < 1) throw new Error(`no column ${header} in ${ws.name}`);
  return j;
}

describe('sortie.md: text copied from a source cell is written as a value, never as a formula', () => {
  let dir: string;
  let single: ExcelJS.Workbook;
  let consolidated: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = tempDir();
    await writeTrickyWorkbook(path.join(dir, 'a.xlsx'), 'A', '=Pôle A');
    await writeTrickyWorkbook(path.join(dir, 'b.xlsx'), 'B', '+Pôle B');
    expect(await runCli(['calculer', 'a.xlsx', '--sortie', 'seul.xlsx'], capture(dir).io)).toBe(EXIT_OK);
    expect(await runCli(['calculer', 'a.xlsx', 'b.xlsx', '--sortie', 'conso.xlsx'], capture(dir).io)).toBe(EXIT_OK);
    single = await loadFile(path.join(dir, 'seul.xlsx'));
    consolidated = await loadFile(path.join(dir, 'conso.xlsx'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('no cell of a SPASER sheet is a formula, in a single workbook or a consolidation', () => {
    for (const wb of [single, consolidated]) {
      const cells = everyCell(wb, (n) => n.startsWith('SPASER '));
      expect(cells.length).toBeGreaterThan(50);
      for (const c of cells) {
        expect([c.address, c.type]).not.toEqual([c.address, ExcelJS.ValueType.Formula]);
        expect(c.formula).toBeUndefined();
      }
    }
  });

  it('reads the fixture texts as the source holds them (guards the test below)', async () => {
    const grids = await (await readXlsxFile(path.join(dir, 'a.xlsx'))).readSheets();
    const rows = grids[0].rows;
    expect([rows[3][2], rows[3][4], rows[5][1]]).toEqual([TRICKY.cr, TRICKY.escape, TRICKY.escape]);
  });

  it('the register holds each text exactly, as text: =, +, -, @, and the raw text of unreadable amounts (tab, CR)', () => {
    for (const wb of [single, consolidated]) {
      const ws = wb.getWorksheet('SPASER Registre')!;
      const objet = column(ws, 'Objet du marché');
      const titulaire = column(ws, 'Titulaire');
      const montant = column(ws, 'Montant notifié HT (€)');
      const pole = column(ws, 'Pôle');
      const line = (r: number) => [objet, titulaire, montant, pole].map((j) => ws.getCell(r, j));
      const expected = [
        [TRICKY.egal, TRICKY.arobase, TRICKY.egal],
        [TRICKY.plus, TRICKY.moins, TRICKY.tab],
        [TRICKY.moins, TRICKY.escape, TRICKY.cr],
        [TRICKY.arobase, TRICKY.plus, 1000],
        [TRICKY.escape, TRICKY.egal, 2000],
      ];
      expected.forEach((texts, i) => {
        const cells = line(i + 2);
        expect(cells.slice(0, 3).map((c) => c.value)).toEqual(texts);
        for (const c of [cells[0], cells[1], cells[3]]) expect(c.type).toBe(ExcelJS.ValueType.String);
        if (typeof texts[2] === 'string') expect(cells[2].type).toBe(ExcelJS.ValueType.String);
      });
      expect(ws.getCell(2, pole).value).toBe('=Pôle A');
    }
  });

  it('the value read in SPASER Contrôles is the text as it was, never a formula', () => {
    const ws = consolidated.getWorksheet('SPASER Contrôles')!;
    const lu = column(ws, 'Valeur lue');
    const read: unknown[] = [];
    ws.eachRow((row, r) => {
      if (r > 1 && row.getCell(lu).value !== null) {
        expect(row.getCell(lu).type).toBe(ExcelJS.ValueType.String);
        read.push(row.getCell(lu).value);
      }
    });
    // The value read is shown trimmed; what matters here is that it stays that text.
    expect(read).toContain(TRICKY.egal);
    expect(read).toContain(TRICKY.tab.trim());
  });

  it('Pôle names that start with = or + stay texts in SPASER Pôles (table header included)', () => {
    const ws = consolidated.getWorksheet('SPASER Pôles')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['+Pôle B', '=Pôle A']));
    for (const c of everyCell(consolidated, (n) => n === 'SPASER Pôles')) expect(c.formula).toBeUndefined();
  });
});

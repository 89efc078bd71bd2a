import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { serializeState } from '../../../src/domain/state-sheet';
import type { SavedState } from '../../../src/domain/state';
import type { WritePlan } from '../../../src/domain/plan-types';
import { openXlsx, XlsxWorkbook } from '../../../src/workbook/xlsx';
import { readXlsxFile, writeXlsxFile } from '../../../src/workbook/xlsx/node-files';
import { internalLinkTarget } from '../../../src/workbook/xlsx/write-plan';
import { sheetLinks } from '../../helpers/sheet-links';
import { buyerWorkbook, loadBytes, samplePlan, sheetSnapshot, tableNames, toBytes } from './fixtures';
import { parts } from './package-checks';

/** Targets of every hyperlink relationship of the package. */
async function hyperlinkRelationships(bytes: Uint8Array): Promise<string[]> {
  const out: string[] = [];
  for (const [name, data] of await parts(bytes)) {
    if (!name.endsWith('.rels')) continue;
    for (const m of data.toString('utf8').matchAll(/<Relationship [^>]*\/hyperlink"[^>]*>/g)) out.push(/Target="([^"]*)"/.exec(m[0])![1]);
  }
  return out;
}

async function writeAndReload(input: Uint8Array, plan: WritePlan): Promise<{ bytes: Uint8Array; wb: ExcelJS.Workbook }> {
  const book = await openXlsx(input, 'suivi.xlsx');
  await book.writePlan(plan);
  const bytes = await book.saveXlsx();
  return { bytes, wb: await loadBytes(bytes) };
}

describe('writePlan keeps the user sheets unchanged', () => {
  let original: ExcelJS.Workbook;
  let output: ExcelJS.Workbook;
  beforeAll(async () => {
    const input = await toBytes(buyerWorkbook());
    original = await loadBytes(input);
    output = (await writeAndReload(input, samplePlan())).wb;
  });

  it('adds the SPASER sheets after the user sheets, in the plan order', () => {
    expect(output.worksheets.map((w) => w.name)).toEqual([
      'Suivi 2025',
      'Titulaires',
      'Listes',
      'SPASER Registre',
      'SPASER Contrôles',
      'SPASER État',
    ]);
  });

  it('keeps every user sheet cell by cell: values, formulas and results, formats, merges, widths, tables, validations, conditional formats, state', () => {
    for (const name of ['Suivi 2025', 'Titulaires', 'Listes']) {
      const before = sheetSnapshot(original.getWorksheet(name)!);
      const after = sheetSnapshot(output.getWorksheet(name)!);
      expect(after).toEqual(before);
    }
  });

  it('the snapshot sees what it must (guards the comparison above)', () => {
    const s = sheetSnapshot(original.getWorksheet('Suivi 2025')!);
    expect(s.cells.F5.formula).toBe('D5+E5');
    expect(s.cells.F5.result).toBe('0');
    expect(s.cells.D4.numFmt).toBe('#,##0.00 "€"');
    expect(JSON.parse(s.cells.A3.font).bold).toBe(true);
    expect(s.merges).toEqual(['A1', 'D2', 'H4']);
    expect(s.widths.slice(0, 2)).toEqual([14, 42]);
    expect(s.validations).toContain('decimal');
    expect(s.conditionalFormats).toContain('cellIs');
    expect(sheetSnapshot(original.getWorksheet('Titulaires')!).tables[0]).toContain('"ref":"B2:C4"');
    expect(original.getWorksheet('Listes')!.state).toBe('hidden');
  });
});

describe('the SPASER sheets written', () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  let registre: ExcelJS.Worksheet;
  beforeAll(async () => {
    ({ wb, bytes } = await writeAndReload(await toBytes(buyerWorkbook()), samplePlan()));
    registre = wb.getWorksheet('SPASER Registre')!;
  });

  it('writes text starting with = or + as text, never as a formula', () => {
    const c = registre.getCell('B2');
    expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(c.value).toBe('=1+1');
    expect(c.formula).toBeUndefined();
    expect(registre.getCell('B3').value).toBe('+33 3 20 00 00 00');
    expect(registre.getCell('B3').type).toBe(ExcelJS.ValueType.String);
  });

  it('writes dates as dates at UTC midnight with the Excel date format', () => {
    const c = registre.getCell('C2');
    expect(c.value).toEqual(new Date(Date.UTC(2025, 2, 14)));
    expect(c.numFmt).toBe('dd/mm/yyyy');
  });

  it('converts French number formats to Excel codes', () => {
    expect(registre.getCell('D2').numFmt).toBe('#,##0.00 "€"');
    expect(registre.getCell('D2').value).toBe(1234.5);
    expect(registre.getCell('D3').value).toBe(0);
  });

  it('styles headers, widths and frozen rows', () => {
    expect(registre.getCell('A1').font?.bold).toBe(true);
    expect((registre.getCell('A1').fill as ExcelJS.FillPattern).pattern).toBe('solid');
    expect(registre.getColumn(2).width).toBe(40);
    expect(registre.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const controles = wb.getWorksheet('SPASER Contrôles')!;
    expect(controles.getCell('A1').font?.bold).toBe(true);
    expect(controles.getCell('A1').font?.size).toBe(14);
    expect(controles.getCell('A5').font?.italic).toBe(true);
  });

  it('writes an Excel table with filters over the values, keeping them', () => {
    const tables = registre.getTables();
    expect(tables).toHaveLength(1);
    const m = (tables[0] as unknown as { table: { name: string; tableRef: string; headerRow: boolean; columns: { name: string; filterButton: boolean }[] } }).table;
    expect(m.name).toBe('Registre');
    expect(m.tableRef).toBe('A1:D3');
    expect(m.headerRow).toBe(true);
    expect(m.columns.map((c) => c.name)).toEqual(['N° de marché', 'Objet du marché', 'Date de notification', 'Montant HT (€)']);
    expect(m.columns.every((c) => c.filterButton)).toBe(true);
    expect(registre.getCell('C3').value).toEqual(new Date(Date.UTC(2025, 1, 11)));
    expect(registre.getCell('C3').numFmt).toBe('dd/mm/yyyy');
  });

  it('writes internal links to the source cell with their text, as Excel writes them (a location, no relationship)', async () => {
    expect(wb.getWorksheet('SPASER Contrôles')!.getCell('C3').text).toBe('Suivi 2025!D5');
    expect(await sheetLinks(bytes, 'SPASER Contrôles')).toEqual(new Map([['C3', { location: "'Suivi 2025'!$D$5" }]]));
    // Only the user's link to a web page, in the user's sheet, goes through a relationship.
    expect(await hyperlinkRelationships(bytes)).toEqual(['https://example.org/fiche']);
  });

  it('writes the links as locations in a new workbook (consolidation) and in a rewritten one too', async () => {
    const fresh = new XlsxWorkbook('consolidation.xlsx', new ExcelJS.Workbook());
    await fresh.writePlan(samplePlan());
    const freshBytes = await fresh.saveXlsx();
    expect((await sheetLinks(freshBytes, 'SPASER Contrôles')).get('C3')).toEqual({ location: "'Suivi 2025'!$D$5" });
    expect(await hyperlinkRelationships(freshBytes)).toEqual([]);
    // No styles part (and no cell styled): the file cannot be kept part by part, ExcelJS rewrites it all.
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Suivi 2025').getCell('B5').value = { text: 'Voir la fiche', hyperlink: 'https://example.org/fiche' };
    const zip = await JSZip.loadAsync(await toBytes(plain));
    zip.remove('xl/styles.xml');
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      zip.file(name, (await zip.file(name)!.async('string')).replace(/ (s|style)="\d+"/g, ''));
    }
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*styles[^>]*\/>/, ''));
    const book = await openXlsx(await zip.generateAsync({ type: 'uint8array' }), 'suivi.xlsx');
    await book.writePlan(samplePlan());
    const rewritten = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(false);
    expect((await sheetLinks(rewritten, 'SPASER Contrôles')).get('C3')).toEqual({ location: "'Suivi 2025'!$D$5" });
    // The user's link to a web page keeps its relationship.
    expect([...(await sheetLinks(rewritten, 'Suivi 2025')).values()]).toEqual([{ target: 'https://example.org/fiche' }]);
    expect(await hyperlinkRelationships(rewritten)).toEqual(['https://example.org/fiche']);
    expect(await hyperlinkRelationships(freshBytes)).toEqual([]);
  });

  it('quotes sheet names in link targets', () => {
    expect(internalLinkTarget("L'été", 'AB12')).toBe("#'L''été'!$AB$12");
  });

  it('hides the state sheet very hidden, and its state reads back', async () => {
    expect(wb.getWorksheet('SPASER État')!.state).toBe('veryHidden');
    expect(wb.getWorksheet('SPASER Registre')!.state).toBe('visible');
  });
});

describe('re-running', () => {
  it('replaces the SPASER sheets instead of adding copies', async () => {
    const first = await writeAndReload(await toBytes(buyerWorkbook()), samplePlan());
    const plan = samplePlan();
    const shorter: WritePlan = { sheets: [plan.sheets[0]] };
    const second = await writeAndReload(first.bytes, shorter);
    expect(second.wb.worksheets.map((w) => w.name)).toEqual(['Suivi 2025', 'Titulaires', 'Listes', 'SPASER Registre']);
    expect(tableNames(second.wb.getWorksheet('SPASER Registre')!)).toEqual(['Registre']);
  });

  it('writes the same plan twice on one workbook without duplicates', async () => {
    const book = await openXlsx(await toBytes(buyerWorkbook()), 'suivi.xlsx');
    await book.writePlan(samplePlan());
    await book.writePlan(samplePlan());
    const wb = await loadBytes(await book.saveXlsx());
    expect(wb.worksheets.filter((w) => w.name.startsWith('SPASER ')).map((w) => w.name)).toEqual([
      'SPASER Registre',
      'SPASER Contrôles',
      'SPASER État',
    ]);
  });

  it('gives a table a free name when a user table has it already', async () => {
    const wb = buyerWorkbook();
    wb.getWorksheet('Titulaires')!.addTable({
      name: 'registre',
      ref: 'E2',
      columns: [{ name: 'a' }],
      rows: [[1]],
    });
    const out = (await writeAndReload(await toBytes(wb), samplePlan())).wb;
    expect(tableNames(out.getWorksheet('SPASER Registre')!)).toEqual(['Registre_2']);
    expect(tableNames(out.getWorksheet('Titulaires')!).sort()).toEqual(['Titulaires', 'registre']);
  });
});

describe('state round trip', () => {
  it('reads back the state written by a plan', async () => {
    const state: SavedState = {
      version: 1,
      mappings: [{ sheet: 'Suivi 2025', headerRow: 3, columns: { numero: 'N° marché' } }],
      decisions: [{ numero: '2025-001', consideration: 'sociale', etiquette: 'Clause d’insertion', decision: 'rejetée' }],
    };
    const plan: WritePlan = {
      sheets: [
        {
          name: 'SPASER État',
          visibility: 'veryHidden',
          widths: [],
          blocks: [{ row: 1, col: 1, values: serializeState(state, 25).map((chunk) => [chunk]) }],
          tables: [],
          links: [],
          charts: [],
        },
      ],
    };
    const { bytes } = await writeAndReload(await toBytes(buyerWorkbook()), plan);
    const reread = await openXlsx(bytes, 'suivi.xlsx');
    expect(await reread.readState()).toEqual(state);
    const grids = await reread.readSheets();
    expect(grids.map((g) => g.name)).toContain('SPASER État');
  });
});

describe('a plan table with only its header row', () => {
  it('gets one empty data row (Excel needs one)', async () => {
    const plan: WritePlan = {
      sheets: [
        {
          name: 'SPASER Contrôles',
          visibility: 'visible',
          widths: [],
          blocks: [{ row: 1, col: 1, style: 'entete', values: [['Gravité', 'Message', 'Message']] }],
          tables: [{ name: 'Controles', row: 1, col: 1, rowCount: 1, colCount: 3 }],
          links: [],
          charts: [],
        },
      ],
    };
    const out = (await writeAndReload(await toBytes(buyerWorkbook()), plan)).wb;
    const t = out.getWorksheet('SPASER Contrôles')!.getTables()[0] as unknown as { table: { tableRef: string; columns: { name: string }[] } };
    expect(t.table.tableRef).toBe('A1:C2');
    // Excel wants distinct column names.
    expect(t.table.columns.map((c) => c.name)).toEqual(['Gravité', 'Message', 'Message (2)']);
  });
});

describe('writeXlsxFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spaser-xlsx-w-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the file, replacing an older one, and leaves no temporary file', async () => {
    const path = join(dir, 'suivi.xlsx');
    await writeFile(path, 'ancienne version');
    const book = await openXlsx(await toBytes(buyerWorkbook()), 'suivi.xlsx');
    await book.writePlan(samplePlan());
    await writeXlsxFile(book, path);
    expect(await readdir(dir)).toEqual(['suivi.xlsx']);
    const reread = await readXlsxFile(path);
    expect((await reread.readSheets()).map((g) => g.name)).toContain('SPASER Registre');
  });

  it('fails with a French message and no leftover when the folder does not exist', async () => {
    const book = new XlsxWorkbook('x.xlsx', buyerWorkbook());
    await expect(writeXlsxFile(book, join(dir, 'absent', 'x.xlsx'))).rejects.toThrow(/^Impossible d'écrire « .* » : dossier introuvable\.$/);
  });

  it('removes its temporary file when the final rename fails', async () => {
    // A non-empty folder where the file should go: the rename cannot replace it.
    const path = join(dir, 'occupé.xlsx');
    await mkdir(path);
    await writeFile(join(path, 'dedans.txt'), 'x');
    const book = new XlsxWorkbook('x.xlsx', buyerWorkbook());
    await expect(writeXlsxFile(book, path)).rejects.toThrow(/^Impossible d'écrire « .*occupé\.xlsx » : /);
    expect((await readdir(dir)).sort()).toEqual(['occupé.xlsx', 'suivi.xlsx']);
    expect(await readdir(path)).toEqual(['dedans.txt']);
  });
});

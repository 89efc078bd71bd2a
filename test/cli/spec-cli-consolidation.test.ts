/**
 * Spec audit — the output workbook of the command line (founding issue): with one
 * input, that workbook plus the `SPASER …` sheets; with several, a new consolidation
 * workbook holding the `SPASER …` sheets, where each row keeps its source (file,
 * sheet, row) and its Pôle (its own cell, else its file's name).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { capture, d, listFiles, tempDir, writeWorkbook } from './helpers';

const HEAD = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The SPASER Registre as header → column values, row by row. */
function registerRows(wb: ExcelJS.Workbook): Record<string, unknown>[] {
  const ws = wb.getWorksheet('SPASER Registre')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.actualRowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  }
  return rows;
}

describe('several inputs: a new consolidation workbook holding the SPASER sheets', () => {
  let dir: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    dir = tempDir();
    // B: one sheet per year, no Pôle column.
    const b = new ExcelJS.Workbook();
    b.addWorksheet('2024').addRows([HEAD, ['B-24', 'Voirie', 400, d('2024-04-10')]]);
    b.addWorksheet('2025').addRows([['Suivi 2025 du Pôle'], HEAD, ['B-25', 'Éclairage', 500, d('2025-04-10')]]);
    await b.xlsx.writeFile(path.join(dir, 'Pôle Cadre de vie.xlsx'));
    // A: a Pôle column, one row leaves it empty.
    await writeWorkbook(path.join(dir, 'Suivi DGA.xlsx'), 'Marchés', [...HEAD, 'Pôle'], [
      ['A-1', 'Papier', 100, d('2025-01-10'), 'Pôle Sport'],
      ['A-2', 'Encre', 200, d('2025-02-10'), null],
    ]);
    const c = capture(dir);
    // Cadre de vie given first.
    expect(await runCli(['calculer', 'Pôle Cadre de vie.xlsx', 'Suivi DGA.xlsx'], c.io)).toBe(EXIT_OK);
    wb = await open(path.join(dir, 'Consolidation SPASER 2025.xlsx'));
  });

  it('holds only SPASER sheets: none of the inputs’ own sheets', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']));
    expect(names.filter((n) => !n.startsWith('SPASER '))).toEqual([]);
  });

  it('the register rows follow the files in the order given, each with its source (file › sheet › row)', () => {
    expect(registerRows(wb).map((r) => [r['N° de marché'], r.Source])).toEqual([
      ['B-24', 'Pôle Cadre de vie.xlsx › 2024 › ligne 2'],
      ['B-25', 'Pôle Cadre de vie.xlsx › 2025 › ligne 3'],
      ['A-1', 'Suivi DGA.xlsx › Marchés › ligne 2'],
      ['A-2', 'Suivi DGA.xlsx › Marchés › ligne 3'],
    ]);
  });

  it('the Pôle of a row is its own cell, else its file’s name without extension', () => {
    expect(registerRows(wb).map((r) => [r['N° de marché'], r['Pôle']])).toEqual([
      ['B-24', 'Pôle Cadre de vie'],
      ['B-25', 'Pôle Cadre de vie'],
      ['A-1', 'Pôle Sport'],
      ['A-2', 'Suivi DGA'],
    ]);
  });

  it('the inputs are left as they were', () => {
    expect(listFiles(dir)).toEqual(['Consolidation SPASER 2025.xlsx', 'Pôle Cadre de vie.xlsx', 'Suivi DGA.xlsx']);
  });
});

describe('one input: that workbook plus the SPASER sheets', () => {
  it('keeps every sheet of the user in its order, adds the SPASER sheets after them', async () => {
    const dir = tempDir();
    const input = new ExcelJS.Workbook();
    input.addWorksheet('Lisez-moi').addRow(['Suivi des marchés du Pôle Sport']);
    input.addWorksheet('2024').addRows([HEAD, ['S-24', 'Voirie', 400, d('2024-04-10')]]);
    input.addWorksheet('2025').addRows([HEAD, ['S-25', 'Éclairage', 500, d('2025-04-10')]]);
    await input.xlsx.writeFile(path.join(dir, 'Pôle Sport.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle Sport.xlsx'], c.io)).toBe(EXIT_OK);
    const wb = await open(path.join(dir, 'Pôle Sport - SPASER.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(['Lisez-moi', '2024', '2025']);
    expect(names.slice(3).length).toBeGreaterThan(0);
    expect(names.slice(3).every((n) => n.startsWith('SPASER '))).toBe(true);
    expect(wb.getWorksheet('Lisez-moi')!.getCell('A1').value).toBe('Suivi des marchés du Pôle Sport');
    expect(wb.getWorksheet('2025')!.getCell('A2').value).toBe('S-25');
    // Both year sheets are sources, the file's name is their Pôle.
    expect(registerRows(wb).map((r) => r.Source)).toEqual(['Pôle Sport.xlsx › 2024 › ligne 2', 'Pôle Sport.xlsx › 2025 › ligne 2']);
  });

  it('a re-run on a workbook that already holds SPASER sheets replaces them, never doubles them', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'a.xlsx'), 'Suivi', HEAD, [['A-1', 'Papier', 100, d('2025-01-10')]]);
    expect(await runCli(['calculer', 'a.xlsx'], capture(dir).io)).toBe(EXIT_OK);
    const first = (await open(path.join(dir, 'a - SPASER.xlsx'))).worksheets.map((w) => w.name);
    expect(await runCli(['calculer', 'a - SPASER.xlsx', '--sortie', 'encore.xlsx'], capture(dir).io)).toBe(EXIT_OK);
    const again = await open(path.join(dir, 'encore.xlsx'));
    expect(again.worksheets.map((w) => w.name)).toEqual(first);
    // The SPASER sheets were not read as sources: still one register row.
    expect(registerRows(again).map((r) => r['N° de marché'])).toEqual(['A-1']);
    expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(true);
  });
});

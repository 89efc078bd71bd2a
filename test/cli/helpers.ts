/** Temp folders, captured streams and tiny workbooks for the CLI tests. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { CliIo } from '../../src/cli/run';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'spaser-cli-'));
}

export interface Captured {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
}

export function capture(cwd: string, isTTY = false): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      cwd,
      today: '2026-01-15',
      stdout: { write: (s: string) => (out += s), isTTY },
      stderr: { write: (s: string) => (err += s), isTTY },
    },
    stdout: () => out,
    stderr: () => err,
  };
}

export type Row = (string | number | Date | null)[];

export const REGISTER_HEADER = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'];

export function d(iso: string): Date {
  const [y, m, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, day));
}

/** A one-sheet workbook: `rows` under `header` from row 1. */
export async function writeWorkbook(file: string, sheet: string, header: readonly string[], rows: readonly Row[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

/** Three contracts of 2025, one with a clause sociale. */
export async function writeSmallRegister(file: string): Promise<void> {
  await writeWorkbook(file, 'Suivi 2025', REGISTER_HEADER, [
    ['2025-001', 'Nettoyage des locaux', 1000, d('2025-02-01'), 'Oui'],
    ['2025-002', 'Fournitures de bureau', 3000, d('2025-03-01'), 'Non'],
    ['2025-003', 'Maintenance informatique', 6000, d('2025-04-01'), 'Non'],
  ]);
}

export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

/** A text with its no-break spaces as plain ones (the terminal's and a reader's view). */
export function plainSpaces(v: unknown): string {
  return String(v ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

/** The remarks block of a written `SPASER Indicateurs`: its title (row 4) and its line cells, from row 5 to the first empty one. */
export async function writtenRemarks(file: string): Promise<{ title: string; lines: ExcelJS.Cell[] }> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  const ws = back.getWorksheet('SPASER Indicateurs');
  const lines: ExcelJS.Cell[] = [];
  for (let r = 5; ws !== undefined && plainSpaces(ws.getCell(r, 1).value) !== ''; r++) lines.push(ws.getCell(r, 1));
  return { title: plainSpaces(ws?.getCell(4, 1).value), lines };
}

/** Remark lines put back together: the bullet and the indent of the lines that follow dropped. */
export function joinedRemark(lines: readonly string[]): string {
  return lines.map((t) => t.replace(/^(• | {3})/, '')).join(' ');
}

/**
 * Spec audit — `npm run demo` (founding issue): the same chain on sample workbooks
 * the project generates itself (realistic Pôle files in different house styles, with
 * title rows, French formats, errors and warnings, companion sheets), the result
 * workbook written in a documented place (README: `samples/out/resultats/`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { buildSampleWorkbooks } from '../../src/cli/samples';
import { runChain } from '../../src/domain/chain';
import { openXlsx } from '../../src/workbook/xlsx';

const ROOT = path.resolve(__dirname, '..', '..');

/** `12 345,67 €`, `1 234,00 € HT`, `7267,84` (any space as group separator) → 12345.67, by hand; null otherwise (a negative amount is invalid, regles). */
function frenchAmount(text: string): number | null {
  const m = /^(\d{1,3}(?:[ \u00a0\u202f]?\d{3})*),(\d{1,2})(?: ?€)?(?: HT)?$/.exec(text.trim());
  return m ? Number(`${m[1].replace(/[ \u00a0\u202f]/g, '')}.${m[2]}`) : null;
}

/** `10/02/2025` → `2025-02-10`, by hand; null otherwise (`31/02/2024` too). */
function frenchDate(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  // A day that does not exist (31/02) is an error of the samples, not a date.
  const [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  const back = new Date(Date.UTC(y, mo - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? iso : null;
}

describe('the sample workbooks hold French formats, and the chain reads them', () => {
  it('amounts and dates typed as French text are read as numbers and dates', async () => {
    const samples = buildSampleWorkbooks();
    const inputs = [];
    for (const { name, wb } of samples) {
      const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      const book = await openXlsx(bytes, name);
      inputs.push({ file: name, sheets: await book.readSheets(), state: null });
    }
    const out = runChain(inputs, { today: '2026-01-15', writesCharts: false });
    const books = new Map(samples.map((s) => [s.name, s.wb]));
    let amounts = 0;
    let dates = 0;
    for (const row of out.register.rows) {
      const mapping = out.register.mappings.find((m) => m.kind === 'registre' && m.file === row.source.file && m.sheet === row.source.sheet)!;
      const ws = books.get(row.source.file)!.getWorksheet(row.source.sheet)!;
      const cellOf = (field: string): unknown => {
        const col = mapping.columns.find((c) => c.field === field)?.col;
        return col === undefined ? undefined : ws.getCell(row.source.row, col).value;
      };
      const montant = cellOf('montant');
      if (typeof montant === 'string' && frenchAmount(montant) !== null) {
        amounts++;
        expect([montant, row.values.montant]).toEqual([montant, frenchAmount(montant)]);
      }
      const date = cellOf('dateNotification');
      if (typeof date === 'string' && frenchDate(date) !== null) {
        dates++;
        expect([date, row.values.dateNotification]).toEqual([date, frenchDate(date)]);
      }
    }
    // The samples type some amounts and dates as text, the French way.
    expect(amounts).toBeGreaterThan(5);
    expect(dates).toBeGreaterThan(5);
  });
});

describe('npm run demo', () => {
  it('writes the consolidation and one Pôle’s result in samples/out/resultats, as the README says', async () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'src', 'cli', 'demo.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/Erreur/);
    expect(r.status).toBe(0);
    const results = path.join(ROOT, 'samples', 'out', 'resultats');
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('samples/out/resultats/Consolidation SPASER 2025.xlsx');
    expect(readme).toContain('samples/out/resultats/Pôle Solidarités - SPASER.xlsx');

    const conso = new ExcelJS.Workbook();
    await conso.xlsx.readFile(path.join(results, 'Consolidation SPASER 2025.xlsx'));
    expect(conso.worksheets.map((w) => w.name).every((n) => n.startsWith('SPASER '))).toBe(true);
    expect(conso.getWorksheet('SPASER Pôles')).toBeDefined();

    const single = new ExcelJS.Workbook();
    await single.xlsx.readFile(path.join(results, 'Pôle Solidarités - SPASER.xlsx'));
    const names = single.worksheets.map((w) => w.name);
    expect(names.slice(0, 5)).toEqual(['Marchés 2025', 'Suivi insertion', 'Actions SPASER', 'Cibles', 'Saisies manuelles']);
    expect(names).toContain('SPASER Registre');
    // This run wrote them there (not a file left by an earlier run).
    expect(r.stdout).toContain(`Classeur écrit : ${path.join(results, 'Consolidation SPASER 2025.xlsx')}`);
    expect(r.stdout).toContain(`Classeur écrit : ${path.join(results, 'Pôle Solidarités - SPASER.xlsx')}`);
    // The summaries are printed: the consolidation's first, then the single workbook's.
    expect(r.stdout.match(/Registre SPASER — exercice 2025/g)?.length).toBe(2);
  }, 120_000);
});

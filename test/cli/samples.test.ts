import * as fs from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { EXIT_OK, runCliDetailed } from '../../src/cli/run';
import { buildSampleWorkbooks, frAmountText, SAMPLE_FILES, writeSampleWorkbooks } from '../../src/cli/samples';
import { luhnValid, Rng } from '../../src/cli/samples-data';
import { ERROR_CODES, WARNING_CODES } from '../../src/domain/model';
import { writeBytesAtomically } from '../../src/workbook/xlsx/node-files';
import { capture, listFiles, tempDir } from './helpers';

function values(wb: ExcelJS.Workbook): string {
  return JSON.stringify(wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()]));
}

describe('sample generator', () => {
  it('is deterministic: same seed, same cells; another seed, other cells', () => {
    const a = buildSampleWorkbooks(11).map((s) => values(s.wb));
    const b = buildSampleWorkbooks(11).map((s) => values(s.wb));
    const c = buildSampleWorkbooks(12).map((s) => values(s.wb));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('PRNG and helpers', () => {
    const r = new Rng(1);
    const xs = Array.from({ length: 1000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(luhnValid('73282932000074')).toBe(true); // a real SIRET format example
    expect(luhnValid('73282932000075')).toBe(false);
    expect(frAmountText(12500, ' ')).toBe('12 500,00 €');
    expect(frAmountText(-1200, ' ')).toBe('-1 200,00 €');
  });

  const built = buildSampleWorkbooks();
  const byName = new Map(built.map((s) => [s.name, s.wb]));

  it('writes the house styles: title rows and a table, years as sheets, companion sheets, TTC beside HT', () => {
    expect(built.map((s) => s.name)).toEqual([...SAMPLE_FILES]);
    const res = byName.get('Pôle Ressources.xlsx')!.worksheets[0];
    expect(res.getCell('A1').value).toBe('VILLE DE ROUBAIX');
    expect(res.getTables().length).toBe(1);
    expect(byName.get('Pôle Cadre de vie.xlsx')!.worksheets.map((w) => w.name)).toEqual(['2024', '2025']);
    expect(byName.get('Pôle Solidarités.xlsx')!.worksheets.map((w) => w.name)).toEqual([
      'Marchés 2025',
      'Suivi insertion',
      'Actions SPASER',
      'Cibles',
      'Saisies manuelles',
    ]);
    const culture = byName.get('Pôle Culture.xlsx')!.worksheets[0];
    const header = (culture.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Pôle', 'Montant HT', 'Montant TTC']));
  });

  it('row counts stay within 80–200 per register sheet', () => {
    const counts = built.flatMap(({ wb }) => wb.worksheets.filter((w) => /March|Suivi des|20\d\d/.test(w.name)).map((w) => w.actualRowCount));
    for (const n of counts) {
      expect(n).toBeGreaterThanOrEqual(80);
      expect(n).toBeLessThanOrEqual(210);
    }
  });

  it('formulas carry their cached results', () => {
    const formulas: ExcelJS.CellFormulaValue[] = [];
    for (const { wb } of built) {
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value as ExcelJS.CellFormulaValue | null;
            if (v && typeof v === 'object' && 'formula' in v) formulas.push(v);
          }),
        ),
      );
    }
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.every((f) => f.result !== undefined)).toBe(true);
    const ttc = formulas.find((f) => /\*1\.2$/.test(f.formula) && typeof f.result === 'number');
    expect(ttc).toBeDefined();
  });
});

describe('writing the samples', () => {
  it('each sample is renamed into place: a demo run at the same time never reads a half-written file', async () => {
    // Two test workers run the demo into samples/out at once; a file rewritten in place keeps its
    // inode (and is empty for a moment), one renamed into place is a new inode.
    const dir = tempDir();
    const first = await writeSampleWorkbooks(dir);
    const before = first.map((f) => fs.statSync(f).ino);
    const again = await writeSampleWorkbooks(dir);
    expect(again).toEqual(first);
    expect(again.map((f) => fs.statSync(f).ino).every((ino, i) => ino !== before[i])).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a failed rename leaves the earlier file and no temporary file behind', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'occupé');
    fs.mkdirSync(target); // a folder where the file should go: the rename fails
    await expect(writeBytesAtomically(target, new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(fs.statSync(target).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['occupé']);
  });
});

describe('samples through the command line', () => {
  it('the consolidation finds every error code and every warning code but suggestions', async () => {
    const dir = tempDir();
    const files = await writeSampleWorkbooks(dir);
    const c = capture(dir);
    const outcome = await runCliDetailed(['calculer', ...files.map((f) => path.basename(f)), '--json'], c.io);
    expect(outcome.code).toBe(EXIT_OK);
    const result = outcome.result!;
    expect(result.exercice).toBe(2025);
    const codes = new Set(result.controles.map((x) => x.code));
    for (const code of ERROR_CODES) expect([code, codes.has(code)]).toEqual([code, true]);
    for (const code of WARNING_CODES.filter((w) => w !== 'suggestion-non-confirmee')) expect([code, codes.has(code)]).toEqual([code, true]);
    // The contract shared by Ressources and Culture: the second one is the duplicate.
    const doublons = result.controles.filter((x) => x.code === 'doublon');
    expect(doublons.map((x) => x.source)).toContain('Pôle Culture.xlsx');
    expect(listFiles(dir)).toContain('Consolidation SPASER 2025.xlsx');
    const contrats = result.indicateurs.find((i) => i.id === '4.2.2-contrats');
    expect(contrats?.statut).toBe('calculé');
    expect(Object.keys(result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale')?.parPole ?? {})).toEqual(
      expect.arrayContaining(['Pôle Ressources', 'Pôle Cadre de vie', 'Pôle Solidarités', 'Pôle Culture']),
    );
  });
});

/**
 * The compute chain's parts timed apart (best of N on a file read once):
 *   tsx bench/split-chain.ts <fichier.xlsx> [runs]
 * Also prints a hash of the result so that two versions can be compared.
 */
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { assembleResult } from '../src/domain/chain';
import { computeIndicators, defaultExercice } from '../src/domain/indicators/engine';
import { buildRegister } from '../src/domain/register';
import { readXlsxFile } from '../src/workbook/xlsx/node-files';
(async () => {
  const file = process.argv[2];
  const runs = Number(process.argv[3] ?? 8);
  const wb = await readXlsxFile(file);
  const sheets = await wb.readSheets();
  const input = [{ file: path.basename(file), sheets, state: null }];
  // The read's garbage is collected before timing when `--expose-gc` is given (as `npm run bench` does).
  (globalThis as { gc?: () => void }).gc?.();
  const best = { register: 1e9, indicators: 1e9, assemble: 1e9, total: 1e9 };
  let hash = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const register = buildRegister(input, { today: '2026-01-15' });
    const t1 = performance.now();
    const exercice = defaultExercice(register.rows);
    const ind = computeIndicators(register, exercice ?? NaN, { chartsWritten: 0 });
    const t2 = performance.now();
    const result = assembleResult(register, exercice, ind);
    const t3 = performance.now();
    best.register = Math.min(best.register, t1 - t0);
    best.indicators = Math.min(best.indicators, t2 - t1);
    best.assemble = Math.min(best.assemble, t3 - t2);
    best.total = Math.min(best.total, t3 - t0);
    if (i === 0) hash = createHash('sha1').update(JSON.stringify({ result, rows: register.rows.map((r) => [r.findings, r.tags, r.annee, r.pole, r.hasError]) })).digest('hex').slice(0, 12);
  }
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  const f = (x: number) => x.toFixed(0);
  console.log(`${rows} lignes: register ${f(best.register)} ms, indicators ${f(best.indicators)} ms, assemble ${f(best.assemble)} ms, total ${f(best.total)} ms (${Math.round((rows / best.total) * 1000)} lignes/s) hash ${hash}`);
})();

/**
 * Compute part of the chain alone, repeated on one file already read, for
 * profiling: `node --cpu-prof --import tsx bench/profile-chain.ts <fichier.xlsx>`.
 * Prints the best time of 15 runs; the bench (`npm run bench`) gives the figures.
 */
import * as path from 'node:path';
import { runChain } from '../src/domain/chain';
import { readXlsxFile } from '../src/workbook/xlsx/node-files';
(async () => {
  const file = process.argv[2];
  const wb = await readXlsxFile(file);
  const sheets = await wb.readSheets();
  const input = [{ file: path.basename(file), sheets, state: null }];
  let min = 1e9;
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    runChain(input, { today: '2026-01-15' });
    min = Math.min(min, performance.now() - t);
  }
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  console.log(`calcul : ${min.toFixed(1)} ms pour ${rows} lignes, soit ${Math.round((rows / min) * 1000)} lignes/s`);
})();

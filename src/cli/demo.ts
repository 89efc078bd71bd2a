/**
 * `npm run demo`: generates the four Pôles' sample workbooks into
 * `samples/out/`, then runs the command line on them:
 * - the consolidation of the four → `samples/out/resultats/Consolidation SPASER <exercice>.xlsx`;
 * - one Pôle alone → `samples/out/resultats/Pôle Solidarités - SPASER.xlsx`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESULT_SUFFIX } from '../domain/register';
import { runCli } from './run';
import { SAMPLE_FILES, writeSampleWorkbooks } from './samples';

export const SAMPLES_DIR = path.resolve(__dirname, '..', '..', 'samples', 'out');
export const RESULTS_DIR = path.join(SAMPLES_DIR, 'resultats');

async function main(): Promise<number> {
  process.stdout.write(`Génération des classeurs d'exemple dans ${SAMPLES_DIR}…\n`);
  const files = await writeSampleWorkbooks(SAMPLES_DIR);
  for (const f of files) process.stdout.write(`  ${path.basename(f)}\n`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const io = { stdout: process.stdout, stderr: process.stderr, cwd: SAMPLES_DIR };

  process.stdout.write('\n=== Consolidation des quatre Pôles ===\n\n');
  // The output name follows the exercice found: the CLI writes it in its cwd, `resultats/`.
  const consolidation = await runCli(['calculer', ...files], { ...io, cwd: RESULTS_DIR });
  if (consolidation !== 0) return consolidation;

  const single = SAMPLE_FILES[2];
  process.stdout.write(`\n=== Un seul classeur : ${single} ===\n\n`);
  const out = path.join(RESULTS_DIR, single.replace(/\.xlsx$/, `${RESULT_SUFFIX}.xlsx`));
  const code = await runCli(['calculer', single, '--sortie', out], io);
  if (code !== 0) return code;

  process.stdout.write(`\nRésultats dans ${RESULTS_DIR}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Erreur inattendue : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);

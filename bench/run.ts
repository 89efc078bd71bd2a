/**
 * `npm run bench`: registers of 1 000, 10 000 and 100 000 rows (35 mapped
 * columns) in `bench/out/`, each measure in a fresh process, on the code
 * bundled as the command line runs it. Figures only.
 *   npm run bench -- [--tailles 1000,10000] [--regenerer]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { BENCH_COLUMN_COUNT, writeBenchRegister } from '../src/cli/samples';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const TSX = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const SIZES = (arg('--tailles') ?? '1000,10000,100000').split(',').map(Number);
const REGENERATE = process.argv.includes('--regenerer');

type Measure = Record<string, number>;

/** `bench/measure.ts` bundled as the command line ships (`npm run build:cli`): one module scope, no per-file loader. */
const MEASURE_BUNDLE = path.join(OUT, 'measure.js');

function bundleMeasure(): void {
  const esbuild = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'esbuild.cmd' : 'esbuild');
  const r = spawnSync(esbuild, [path.join(ROOT, 'bench', 'measure.ts'), '--bundle', '--platform=node', '--target=node20', '--packages=external', `--outfile=${MEASURE_BUNDLE}`, '--log-level=error'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`esbuild : ${r.stderr || r.error?.message}`);
}

function measure(file: string, mode: string): Measure | null {
  // Times are taken on the bundle, as the CLI runs; the Office double (a test file) runs through tsx.
  const command = mode === 'office' ? [TSX, path.join(ROOT, 'bench', 'measure.ts')] : [process.execPath, MEASURE_BUNDLE];
  const r = spawnSync(command[0], [command[1], file, mode], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    // The write runs with Node's own heap limit, as the command line does: running out is a finding.
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''}${mode === 'write' ? '' : ' --max-old-space-size=8192'} --expose-gc`.trim() },
  });
  if (r.status !== 0) {
    process.stdout.write(`    échec de la mesure ${mode} : ${(r.stderr || r.error?.message || '').split('\n').slice(0, 3).join(' | ')}\n`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Measure;
}

const fmt = (n: number, d = 0): string => n.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d }).replace(/\u202f|\u00a0/g, ' ');

/** Initial JS of the task pane: the scripts `taskpane.html` loads, gzipped (lazy chunks excluded by construction). */
function initialBundle(): void {
  const html = path.join(ROOT, 'dist', 'taskpane.html');
  if (!fs.existsSync(html)) {
    process.stdout.write('\nVolet (dist/) : absent — lancez `npm run build` pour mesurer le JS initial.\n');
    return;
  }
  const text = fs.readFileSync(html, 'utf8');
  const scripts = [...text.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  let raw = 0;
  let gz = 0;
  process.stdout.write('\nVolet des tâches : JS chargé au démarrage (dist/taskpane.html)\n');
  for (const s of scripts) {
    const file = path.join(ROOT, 'dist', s);
    if (!fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    const g = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += g;
    process.stdout.write(`  ${s.padEnd(32)} ${fmt(bytes.length / 1024, 1).padStart(9)} Kio  gzip ${fmt(g / 1024, 1).padStart(8)} Kio\n`);
  }
  const lazy = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.js') && !scripts.includes(f));
  process.stdout.write(`  total initial                    ${fmt(raw / 1024, 1).padStart(9)} Kio  gzip ${fmt(gz / 1024, 1).padStart(8)} Kio\n`);
  process.stdout.write(`  chargés à la demande (non comptés) : ${lazy.length > 0 ? lazy.join(', ') : 'aucun'}\n`);
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  bundleMeasure();
  const hasDouble = fs.existsSync(path.join(ROOT, 'test', 'doubles', 'excel-double.ts')) && fs.existsSync(path.join(ROOT, 'src', 'workbook', 'office', 'index.ts'));
  process.stdout.write(`Banc d'essai — registres de ${SIZES.map((n) => fmt(n)).join(' / ')} lignes, ${BENCH_COLUMN_COUNT} colonnes reconnues\n`);
  process.stdout.write(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
  for (const n of SIZES) {
    const file = path.join(OUT, `registre-${n}.xlsx`);
    if (REGENERATE || !fs.existsSync(file)) {
      const t = Date.now();
      await writeBenchRegister(file, n);
      process.stdout.write(`\n(généré ${path.relative(ROOT, file)} en ${fmt((Date.now() - t) / 1000, 1)} s)`);
    }
    const size = fs.statSync(file).size;
    process.stdout.write(`\n${fmt(n)} lignes — ${path.basename(file)} (${fmt(size / 1048576, 1)} Mio)\n`);
    const ex = measure(file, 'exceljs');
    const ch = measure(file, 'chain');
    if (ex) process.stdout.write(`  ExcelJS seul (readFile)          ${fmt(ex.readMs).padStart(8)} ms   pic mémoire ${fmt(ex.peakMb)} Mio\n`);
    if (ch) {
      process.stdout.write(`  chaîne sans écriture             ${fmt(ch.totalMs).padStart(8)} ms   pic mémoire ${fmt(ch.peakMb)} Mio\n`);
      process.stdout.write(`    dont lecture par l'adaptateur  ${fmt(ch.readMs).padStart(8)} ms\n`);
      process.stdout.write(`    dont calcul (après lecture)    ${fmt(ch.computeMs).padStart(8)} ms   ${fmt(ch.rows / (ch.computeMs / 1000))} lignes/s (${fmt(ch.rows)} lignes lues, ${fmt(ch.errors)} en erreur)\n`);
      process.stdout.write(`  calcul à chaud (meilleur de 5)   ${fmt(ch.warmMs).padStart(8)} ms   ${fmt(ch.rows / (ch.warmMs / 1000))} lignes/s (même processus, code déjà compilé par V8)\n`);
    }
    if (ex && ch) process.stdout.write(`  rapport chaîne / ExcelJS seul    ${fmt(ch.totalMs / ex.readMs, 2).padStart(8)}\n`);
    const wr = measure(file, 'write');
    if (wr) {
      process.stdout.write(
        `  écriture (ligne de commande)     ${fmt(wr.writeMs).padStart(8)} ms   pic mémoire ${fmt(wr.peakMb)} Mio (feuilles SPASER ${fmt(wr.planMs)} ms, enregistrement ${fmt(wr.writeMs - wr.planMs)} ms, ${fmt(wr.bytes / 1048576, 1)} Mio)\n`,
      );
    }
    if (hasDouble) {
      const of = measure(file, 'office');
      if (of && !of.absent) {
        process.stdout.write(
          `  Office.js (double) : ${fmt(of.readSyncs)} sync en lecture, ${fmt(of.writeSyncs)} en écriture ; charge max ${fmt(of.maxPayload / 1024, 1)} Kio (lecture ${fmt(of.maxReadPayload / 1024, 1)}, écriture ${fmt(of.maxWritePayload / 1024, 1)})\n`,
        );
      }
    }
  }
  if (!hasDouble) process.stdout.write('\nDouble Office.js absent (test/doubles/excel-double.ts) : pas de comptage des sync.\n');
  initialBundle();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});

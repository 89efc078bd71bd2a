/**
 * The command line as `npm run spaser` runs it: bundled by `npm run build:cli`
 * into `build/cli/`, then started with node in a process of its own.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeSampleWorkbooks } from '../../src/cli/samples';
import { CATALOGUE } from '../../src/domain/indicators/catalogue';
import { tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function node(script: string, args: string[], cwd: string) {
  return spawnSync(process.execPath, [path.join(ROOT, 'build', 'cli', script), ...args], { cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd } });
}

describe('the bundled command line', () => {
  let dir: string;
  let files: string[];

  beforeAll(async () => {
    const build = spawnSync(NPM, ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    dir = tempDir();
    files = await writeSampleWorkbooks(dir);
  }, 60_000);

  it('a build replaces each bundle whole (renamed into place): a run started meanwhile never reads a half-written file', () => {
    // Seen in CI: one test worker's `npm run spaser` rebuilt main.js in place while another's
    // node was loading it (« SyntaxError: Unexpected end of input »). A file renamed into place
    // is a new inode; one rewritten in place keeps its own.
    const bundles = ['main.js', 'demo.js'].map((f) => path.join(ROOT, 'build', 'cli', f));
    const before = bundles.map((f) => fs.statSync(f).ino);
    const again = spawnSync(NPM, ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(bundles.map((f) => fs.statSync(f).ino).every((ino, i) => ino !== before[i])).toBe(true);
    expect(fs.readdirSync(path.join(ROOT, 'build', 'cli')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the JSON result, every indicator in catalogue order, and nothing else on stdout', () => {
    const r = node('main.js', ['calculer', path.basename(files[0]), '--json', '--exercice', '2025'], dir);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { exercice: number; indicateurs: { id: string }[]; lignes: { lues: number } };
    expect(json.exercice).toBe(2025);
    expect(json.indicateurs.map((i) => i.id)).toEqual(CATALOGUE.map((d) => d.id));
    expect(json.lignes.lues).toBeGreaterThan(0);
  });

  it('keeps the exit codes: 2 with a French message for a missing file, 1 for a usage error', () => {
    const missing = node('main.js', ['calculer', 'absent.xlsx'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Impossible de lire « absent.xlsx » : fichier introuvable');
    expect(node('main.js', ['frobnicate'], dir).status).toBe(1);
  });

  it('writes the result workbook beside the input, relative to where the user typed the command', () => {
    const r = node('main.js', ['calculer', path.basename(files[1])], dir);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(dir, path.basename(files[1]).replace(/\.xlsx$/, ' - SPASER.xlsx')))).toBe(true);
  });

  it('the demo writes its samples and results in the documented place, samples/out at the root of the project', () => {
    const r = node('demo.js', [], ROOT);
    expect(r.status).toBe(0);
    const samples = path.join(ROOT, 'samples', 'out');
    expect(r.stdout).toContain(`Génération des classeurs d'exemple dans ${samples}`);
    expect(r.stdout).toContain(`Résultats dans ${path.join(samples, 'resultats')}`);
    expect(fs.existsSync(path.join(samples, 'resultats', 'Pôle Solidarités - SPASER.xlsx'))).toBe(true);
  }, 60_000);
});

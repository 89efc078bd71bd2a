/**
 * Mutation audit, session 31 (command line: `run.ts`, `progress.ts`, `args.ts`, `format.ts`):
 * the surviving mutants that a user could see, each pinned by one test below.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { parseArgs } from '../../src/cli/args';
import { formatIndicatorValue, formatSummary } from '../../src/cli/format';
import { createProgress } from '../../src/cli/progress';
import { EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/run';
import type { SpaserResult } from '../../src/domain/model';
import { indicator } from '../helpers/indicator';
import { capture, listFiles, tempDir, writeSmallRegister, writeWorkbook } from './helpers';

describe('run', () => {
  // Rule: --sortie naming an input is a usage error (exit 1) found before any input is read, whatever the input holds.
  it('--sortie naming an input without a register: exit 1 before reading, not exit 2', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'budget.xlsx'), 'Budget', ['Chapitre', 'Crédits'], [['011', 1000]]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'budget.xlsx', '--sortie', 'budget.xlsx'], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toMatch(/^Erreur : le classeur de sortie « budget\.xlsx » est un des classeurs d'entrée/);
    expect(c.stderr()).not.toContain('Lecture');
    expect(listFiles(dir)).toEqual(['budget.xlsx']);
  });

  // Rule: in a terminal, the reading line reaches its total (« 2 classeurs sur 2 ») before the next step.
  it('in a terminal, the reading step shows every workbook read', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    await writeSmallRegister(path.join(dir, 'b.xlsx'));
    const c = capture(dir, true);
    expect(await runCli(['calculer', 'a.xlsx', 'b.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    const shown = c.stderr().split('\r\x1b[K');
    const reading = shown.filter((s) => s.startsWith('Lecture des classeurs'));
    expect(reading.at(-1)).toBe('Lecture des classeurs : 2 classeurs sur 2');
    expect(shown.indexOf(reading.at(-1) as string)).toBeLessThan(shown.findIndex((s) => s.startsWith('Reconnaissance des colonnes')));
  });

  // Rule: the file writer draws charts, so 1.1.2-dataviz counts the charts of the workbook written.
  it('1.1.2-dataviz counts the charts written in the output workbook', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'a.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    const dataviz = (JSON.parse(c.stdout()) as SpaserResult).indicateurs.find((i) => i.id === '1.1.2-dataviz');
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'a - SPASER.xlsx')));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
    expect(charts).toBeGreaterThan(0);
    expect(dataviz?.valeur).toBe(charts);
  });

  // Rule: the summary names each input by its file name (its rows' source), not by the path typed.
  it('the summary names the inputs by file name, without their folder', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'Pôles'));
    await writeSmallRegister(path.join(dir, 'Pôles', 'Pôle A.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôles/Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
    expect(c.stdout().split('\n')).toContain('Classeur : Pôle A.xlsx');
  });

  // Rule: « - » is a file name (as after --), not an option.
  it('a workbook named « - » is read as a file', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, '-'));
    const c = capture(dir);
    expect(await runCli(['calculer', '-', '--json'], c.io)).toBe(EXIT_OK);
    expect(listFiles(dir)).toEqual(['-', '- - SPASER.xlsx']);
  });
});

describe('arguments', () => {
  // Rule: --exercice reads a year with spaces around it (as a script may pass it).
  it('--exercice takes a year with spaces around it', () => {
    const parsed = parseArgs(['calculer', 'a.xlsx', '--exercice', ' 2025 ']);
    expect(parsed.kind === 'run' && parsed.args.exercice).toBe(2025);
  });

  // Rule: a blank value is a missing value, said as such (not as a wrong extension or an unknown field).
  it('a blank --sortie or --sans-champ is told as a missing value', () => {
    expect(parseArgs(['calculer', 'a.xlsx', '--sortie', ' '])).toEqual({ kind: 'error', message: "L'option --sortie attend un nom de fichier .xlsx." });
    expect(parseArgs(['calculer', 'a.xlsx', '--sans-champ', ' '])).toEqual({
      kind: 'error',
      message: "L'option --sans-champ attend un champ, par exemple --sans-champ nature.",
    });
  });
});

describe('progress', () => {
  // Rule: off a terminal, a new plain line is due once the whole interval has passed (at 3 000 ms, not after).
  it('a plain line again when exactly the interval has passed', () => {
    let out = '';
    let t = 0;
    const p = createProgress({ write: (s: string) => (out += s) }, { now: () => t, plainIntervalMs: 3000 });
    p.report('contrôles', 0, 3);
    t = 2999;
    p.report('contrôles', 1, 3);
    t = 3000;
    p.report('contrôles', 2, 3);
    expect(out).toBe('Contrôle des lignes (3 feuilles)…\nContrôle des lignes : 2 feuilles sur 3\n');
  });
});

describe('summary', () => {
  // Rule: the note of SPASER Indicateurs is printed under its indicator, in plain spaces.
  it('an indicator note is a line of its own under the indicator', () => {
    const result: SpaserResult = {
      exercice: 2025,
      depense: 'montant',
      lignes: { lues: 1, exercice: 1, erreurs: 0, avertissements: 0 },
      indicateurs: [indicator({ id: 'a1', libelle: 'Premier', note: 'valeur saisie\u00a0: Cibles' })],
      controles: [],
      suggestions: [],
    };
    const lines = formatSummary(result, { inputs: ['a.xlsx'], output: null }).split('\n');
    const at = lines.indexOf('  a1  Premier : 10,0 %');
    expect(lines[at + 1]).toBe('      note : valeur saisie : Cibles');
  });

  // Rule: a non calculable indicator is its motif only: no national reference nor coverage beside it.
  it('a non calculable indicator has no national reference nor coverage', () => {
    const text = formatIndicatorValue(
      indicator({ id: '4.1.2-consideration-sociale', statut: 'non calculable', valeur: null, motif: 'aucune ligne', couverture: { renseignees: 1, total: 3 } }),
    );
    expect(text).toBe('non calculable : aucune ligne');
  });
});

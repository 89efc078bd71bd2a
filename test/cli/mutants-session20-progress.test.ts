/**
 * Mutation audit, session 20 (`progress.ts`, and `run.ts` where it ends the progress line):
 * README « En ligne de commande » : in a terminal the progress is one line that updates itself;
 * elsewhere (a log, CI, a pipe) each step opens on a plain line of its own.
 * - Node gives a pipe or a file no `isTTY` at all (only a terminal has `isTTY: true`): plain lines.
 * - In a terminal, every message (a notice, an unreadable file, the output's name) is a line of
 *   its own, never glued to the progress line; the progress line is gone at the end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { createProgress } from '../../src/cli/progress';
import { EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, runCli } from '../../src/cli/run';
import { capture, d, REGISTER_HEADER, tempDir, writeSmallRegister, writeWorkbook } from './helpers';

/**
 * What a terminal shows of a text: `\r` goes back to the start of the line, `ESC[K` erases from
 * there to its end, `\n` opens the next line.
 */
function screen(text: string): string[] {
  const rows: string[] = [];
  let line = '';
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('\x1b[K', i)) {
      line = line.slice(0, col);
      i += 2;
    } else if (text[i] === '\r') col = 0;
    else if (text[i] === '\n') {
      rows.push(line);
      line = '';
      col = 0;
    } else {
      line = line.slice(0, col) + text[i] + line.slice(col + 1);
      col++;
    }
  }
  if (line !== '') rows.push(line);
  return rows;
}

it('the screen helper erases and overwrites as a terminal does (guards the tests below)', () => {
  expect(screen('abc\r\x1b[Kxy\nz')).toEqual(['xy', 'z']);
  expect(screen('abc\r\x1b[K')).toEqual([]);
  expect(screen('abc\rX\n')).toEqual(['Xbc']);
});

describe('a stream without isTTY (a pipe, a file)', () => {
  it('gets plain lines, never a line that updates itself', () => {
    let out = '';
    const p = createProgress({ write: (s: string) => (out += s) }, { now: () => 0 });
    p.report('lecture', 0, 2);
    p.report('colonnes', 0, 1);
    p.end();
    expect(out).toBe('Lecture des classeurs (2 classeurs)…\nReconnaissance des colonnes…\n');
  });
});

describe('in a terminal', () => {
  it('a note is a line of its own, the progress line erased before it', () => {
    let out = '';
    const p = createProgress({ write: (s: string) => (out += s), isTTY: true }, { now: () => 0 });
    p.report('contrôles', 1, 3);
    p.note('Attention : une feuille est illisible');
    expect(screen(out)).toEqual(['Attention : une feuille est illisible']);
  });

  it('a run: the notices and the output name on lines of their own, no progress left', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Pôle A.xlsx');
    await writeSmallRegister(file);
    // An unreadable saved state: the run goes on with a notice (run.test.ts).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.addWorksheet('SPASER État').getCell('A1').value = '{"version": 1, "mappi';
    await wb.xlsx.writeFile(file);
    const c = capture(dir, true);
    expect(await runCli(['calculer', 'Pôle A.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    const shown = screen(c.stderr());
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatch(/^Attention : La feuille « SPASER État » du classeur « Pôle A\.xlsx » est illisible/);
    expect(shown[1]).toBe(`Classeur écrit : ${path.join(dir, 'Pôle A - SPASER.xlsx')}`);
  });

  it('an unreadable input: the message alone on the screen', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    const c = capture(dir, true);
    expect(await runCli(['calculer', 'a.xlsx', 'absent.xlsx'], c.io)).toBe(EXIT_INPUT);
    const shown = screen(c.stderr());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^Impossible de lire « absent\.xlsx » : /);
  });

  it('no register in any input: the message alone on the screen', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'budget.xlsx'), 'Budget', ['Chapitre', 'Crédits', 'Réalisé'], [['011', 1000, 800]]);
    const c = capture(dir, true);
    expect(await runCli(['calculer', 'budget.xlsx'], c.io)).toBe(EXIT_INPUT);
    const shown = screen(c.stderr());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^Aucun registre reconnu dans « budget\.xlsx »/);
  });

  it('one input of a consolidation without a register: the message alone on the screen', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    await writeWorkbook(path.join(dir, 'budget.xlsx'), 'Budget', ['Chapitre', 'Crédits', 'Réalisé'], [['011', 1000, 800]]);
    const c = capture(dir, true);
    expect(await runCli(['calculer', 'a.xlsx', 'budget.xlsx'], c.io)).toBe(EXIT_INPUT);
    const shown = screen(c.stderr());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^Aucun registre reconnu dans « budget\.xlsx »/);
  });

  it('an output that cannot be written: the message alone on the screen', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'a.xlsx'), 'Suivi', REGISTER_HEADER, [['2025-001', 'Papier', 100, d('2025-03-01'), 'Oui']]);
    const c = capture(dir, true);
    expect(await runCli(['calculer', 'a.xlsx', '--sortie', 'absent/sortie.xlsx'], c.io)).toBe(EXIT_OUTPUT);
    const shown = screen(c.stderr());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^Impossible d'écrire « .*sortie\.xlsx »/);
    expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
  });
});

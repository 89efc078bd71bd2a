/**
 * Mutation audit of session 11, the command line: the JSON printed is the pane's export byte for
 * byte, and the column report is set apart in the summary.
 */
import * as path from 'node:path';
import { runChain, resultJson } from '../../src/domain/chain';
import { formatSummary } from '../../src/cli/format';
import { runCli } from '../../src/cli/run';
import { capture, tempDir, writeSmallRegister } from './helpers';
import { d, grid } from '../helpers/grid';

it('calculer --json prints the very text the pane exports (indented, one final newline)', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'Suivi.xlsx');
  await writeSmallRegister(file);
  const c = capture(dir);
  await runCli(['calculer', file, '--json'], c.io);
  const stdout = c.stdout();
  expect(stdout).toBe(resultJson(JSON.parse(stdout)));
  expect(stdout.startsWith('{\n  "')).toBe(true);
  expect(stdout.endsWith('}\n')).toBe(true);
});

it('the summary sets the column report apart by an empty line, before the output’s name', () => {
  const g = grid('Suivi', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
    ['M-1', 'Nettoyage', 1000, d('2025-02-01')],
  ]);
  const { result } = runChain([{ file: 'Suivi.xlsx', sheets: [g], state: null }], { today: '2026-01-15' });
  const text = formatSummary(result, { inputs: ['Suivi.xlsx'], output: 'sortie.xlsx', columns: ['Colonnes de la feuille « Suivi » :', '  Colonne non utilisée : « Remarque »'] });
  expect(text.endsWith('\n\nColonnes de la feuille « Suivi » :\n  Colonne non utilisée : « Remarque »\n\nClasseur écrit : sortie.xlsx\n')).toBe(true);
});

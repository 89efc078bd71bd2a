/**
 * Hand mutation audit of session 23 (command line): gaps the existing tests left open.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { createProgress } from '../../src/cli/progress';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import { serializeState } from '../../src/domain/state-sheet';
import { readXlsxFile } from '../../src/workbook/xlsx/node-files';
import { capture, d, tempDir } from './helpers';

it('README session 23 (« Lecture des classeurs… » pour un seul classeur, corrigé): in a terminal too, one workbook is « Lecture du classeur… »', () => {
  let out = '';
  const progress = createProgress({ isTTY: true, write: (s: string) => ((out += s), true) } as never, { now: () => 0 });
  progress.report('lecture', 0, 1);
  expect(out).toContain('Lecture du classeur…');
  expect(out).not.toContain('Lecture des classeurs');
});

it('README « SPASER État »: --sans-champ forgets the lost choice (« l’oublie »), it is not saved again as a header to set aside', async () => {
  const dir = tempDir();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Jours pour payer (moyenne)']);
  ws.addRow(['M-1', 'Nettoyage', 1000, d('2025-02-01'), 30]);
  const etat = wb.addWorksheet(SHEET_ETAT, { state: 'veryHidden' });
  serializeState({ version: 1, mappings: [{ sheet: 'Suivi', columns: { 'Jours pour payer': 'delaiPaiement' } }], decisions: [] }).forEach(
    (chunk, i) => (etat.getCell(i + 1, 1).value = chunk),
  );
  await wb.xlsx.writeFile(path.join(dir, 'suivi.xlsx'));
  const c = capture(dir);
  expect(await runCli(['calculer', 'suivi.xlsx', '--json', '--sans-champ', 'delaiPaiement', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_OK);
  const saved = (await (await readXlsxFile(path.join(dir, 'r.xlsx'))).readState())?.mappings ?? [];
  expect(saved.flatMap((o) => Object.keys(o.columns))).not.toContain('Jours pour payer');
});

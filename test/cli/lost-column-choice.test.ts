/**
 * A column chosen in the pane whose header was renamed since: the command line says so on stderr
 * (« Attention : »), as the pane does, instead of computing without the field in silence.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import { serializeState } from '../../src/domain/state-sheet';
import { readXlsxFile } from '../../src/workbook/xlsx/node-files';
import { capture, d, tempDir } from './helpers';

async function write(file: string, delayHeader: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', delayHeader]);
  ws.addRow(['M-1', 'Nettoyage', 1000, d('2025-02-01'), 30]);
  const etat = wb.addWorksheet(SHEET_ETAT, { state: 'veryHidden' });
  serializeState({ version: 1, mappings: [{ sheet: 'Suivi', columns: { 'Jours pour payer': 'delaiPaiement' } }], decisions: [] }).forEach(
    (chunk, i) => (etat.getCell(i + 1, 1).value = chunk),
  );
  await wb.xlsx.writeFile(file);
}

it('the header still there: the choice read, no notice', async () => {
  const dir = tempDir();
  await write(path.join(dir, 'suivi.xlsx'), 'Jours pour payer');
  const c = capture(dir);
  expect(await runCli(['calculer', 'suivi.xlsx', '--json', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_OK);
  const delay = JSON.parse(c.stdout()).indicateurs.find((i: { id: string }) => i.id === '2.1.5-delai-paiement');
  expect(delay?.statut).toBe('calculé');
  expect(c.stderr()).not.toContain("ne s'applique plus");
});

it('the header renamed: « Attention : » names the header and its field', async () => {
  const dir = tempDir();
  await write(path.join(dir, 'suivi.xlsx'), 'Jours pour payer (moyenne)');
  const c = capture(dir);
  expect(await runCli(['calculer', 'suivi.xlsx', '--json', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_OK);
  const delay = JSON.parse(c.stdout()).indicateurs.find((i: { id: string }) => i.id === '2.1.5-delai-paiement');
  expect(delay?.statut).toBe('non calculable');
  expect(c.stderr()).toContain(
    "Attention : Feuille « Suivi » du classeur « suivi.xlsx » : votre choix de colonne ne s'applique plus, car la feuille n'a plus l'en-tête « Jours pour payer », choisi pour « Délai moyen de paiement (jours) ».",
  );
});

it('--sans-champ on the field of a lost choice: forgotten, no « Attention », and not saved again', async () => {
  const dir = tempDir();
  await write(path.join(dir, 'suivi.xlsx'), 'Jours pour payer (moyenne)');
  const c = capture(dir);
  expect(await runCli(['calculer', 'suivi.xlsx', '--json', '--sans-champ', 'delaiPaiement', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_OK);
  expect(c.stderr()).not.toContain("ne s'applique plus");
  const saved = (await (await readXlsxFile(path.join(dir, 'r.xlsx'))).readState())?.mappings ?? [];
  expect(saved.flatMap((o) => Object.values(o.columns))).not.toContain('delaiPaiement');
});

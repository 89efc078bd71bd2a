/**
 * The remarks of a run are in the workbook the command line writes (read back with ExcelJS), as text,
 * above the indicators of `SPASER Indicateurs` — and still on stderr (« Attention : »).
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { capture, d, tempDir } from './helpers';

it('writes the remark of a Saisies manuelles row with an unknown id in SPASER Indicateurs', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'Pôle A.xlsx');
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet('Marchés');
  reg.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification']);
  reg.addRow(['M-1', 'Papier', 100, d('2025-02-01')]);
  const saisies = wb.addWorksheet('Saisies manuelles');
  saisies.addRow(['Indicateur', 'Année', 'Valeur']);
  saisies.addRow(['=1+1 inconnu', 2025, 3]);
  await wb.xlsx.writeFile(file);

  const out = path.join(dir, 'sortie.xlsx');
  const c = capture(dir);
  expect(await runCli(['calculer', file, '--sortie', out], c.io)).toBe(EXIT_OK);
  expect(c.stderr()).toMatch(/Attention : Feuille « Saisies manuelles » .* ligne 2 : « =1\+1 inconnu » n'est pas l'identifiant/);

  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  const ws = back.getWorksheet('SPASER Indicateurs');
  const column = [1, 2, 3, 4, 5, 6, 7].map((r) => ws?.getCell(r, 1));
  const plain = (v: unknown): string => String(v ?? '').replace(/[\u00a0\u202f]/g, ' ');
  expect(plain(column[3]?.value)).toBe('Remarques du calcul (1) : à lire avant les chiffres');
  expect(column[4]?.type).toBe(ExcelJS.ValueType.String);
  expect(plain(column[4]?.value)).toMatch(/^Feuille « Saisies manuelles » du classeur « Pôle A\.xlsx », ligne 2 : « =1\+1 inconnu » n'est pas l'identifiant/);
  expect(plain(column[6]?.value)).toBe('Id');
});

/**
 * The remarks of a run are in the workbook the command line writes (read back with ExcelJS), as text,
 * above the indicators of `SPASER Indicateurs` — and still on stderr (« Attention : »).
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { capture, d, joinedRemark, plainSpaces, tempDir, writtenRemarks } from './helpers';

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
  // An id of many « =1+1 » words: the remark is cut into lines, some opening (after the indent) on « =1+1 ».
  saisies.addRow([Array(30).fill('=1+1').join(' '), 2025, 4]);
  await wb.xlsx.writeFile(file);

  const out = path.join(dir, 'sortie.xlsx');
  const c = capture(dir);
  expect(await runCli(['calculer', file, '--sortie', out], c.io)).toBe(EXIT_OK);
  expect(c.stderr()).toMatch(/Attention : Feuille « Saisies manuelles » .* ligne 2 : « =1\+1 inconnu » n'est pas l'identifiant/);

  const { title, lines } = await writtenRemarks(out);
  expect(title).toBe('Remarques du calcul (2) : à lire avant les chiffres');
  expect(plainSpaces(lines[0].worksheet.getCell(5 + lines.length + 1, 1).value)).toBe('Id');
  // Every line a text cell, none a formula, none longer than columns A:C hold.
  for (const cell of lines) {
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(plainSpaces(cell.value).length).toBeLessThanOrEqual(100);
  }
  expect(lines.some((cell) => plainSpaces(cell.value).startsWith('   =1+1'))).toBe(true);
  // The first remark, its lines put back together, is the one said on stderr.
  const texts = lines.map((cell) => plainSpaces(cell.value));
  const second = texts.findIndex((t, i) => i > 0 && t.startsWith('• '));
  const first = joinedRemark(texts.slice(0, second));
  expect(first).toMatch(/^Feuille « Saisies manuelles » du classeur « Pôle A\.xlsx », ligne 2 : « =1\+1 inconnu » n'est pas l'identifiant/);
  expect(plainSpaces(c.stderr())).toContain(first);
});

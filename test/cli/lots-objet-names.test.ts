/**
 * Session 36, through the command line on a workbook built with ExcelJS: two lots of one numero
 * written in the objet (no « Lot » column) get « Ce sont deux lots » in their doublon's message, in the
 * JSON and in `SPASER Contrôles`; a Suivi insertion numero that is no contract numero of the register
 * is repeated only when it looks like one (« AC 2024 015 L2 », not « Sarah B. 59100 »).
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../src/cli/run';
import type { SpaserResult } from '../../src/domain/model';
import { capture, d, joinedRemark, plainSpaces, tempDir, writtenRemarks } from './helpers';

const DOUBLON =
  'Ligne 3, colonne « N° de marché » : ce numéro de marché figure déjà à la ligne 2 de la feuille « Marchés » pour la même année : la ligne est écartée des indicateurs.' +
  ' Conflit, les deux lignes diffèrent (à arbitrer) : « Objet » : « Lot n°2 - Électricité » sur cette ligne, « Lot n°1 - Plomberie » sur la première.' +
  " Ce sont deux lots (objet : lot 2 sur cette ligne, lot 1 sur la première) : donnez à chaque lot son propre numéro (par exemple « 2025-012-L2 ») pour qu'il compte.";
const LOSS = "la ligne ne compte dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires).";
const WHERE = 'Feuille « Insertion » du classeur « Voirie.xlsx »';
const NOT_REPEATED = `${WHERE}, ligne 3 : le numéro de marché saisi a un mot qui n'est pas en capitales et ne figure pas dans le registre ; ${LOSS} Il n'est pas recopié ici, au cas où ce serait le nom d'une personne : indiquez le numéro du marché.`;
const REPEATED = `${WHERE}, ligne 4 : le marché « AC 2024 015 L2 » ne figure pas dans le registre ; ${LOSS}`;

it('tells two lots written in the objet, and repeats a Suivi numero only when it looks like one', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'Voirie.xlsx');
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet('Marchés');
  reg.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification']);
  reg.addRow(['2025-012', 'Lot n°1 - Plomberie', 1000, d('2025-04-14')]);
  reg.addRow(['2025-012', 'Lot n°2 - Électricité', 1000, d('2025-04-14')]);
  reg.addRow(['2025-020', 'Nettoyage', 500, d('2025-03-01')]);
  const suivi = wb.addWorksheet('Insertion');
  suivi.addRow(['N° de marché', 'Bénéficiaire', 'Heures réalisées']);
  suivi.addRow(['2025-020', 'B1', 35]);
  suivi.addRow(['Sarah B. 59100', 'B2', 10]);
  suivi.addRow(['AC 2024 015 L2', 'B3', 5]);
  await wb.xlsx.writeFile(file);

  const out = path.join(dir, 'sortie.xlsx');
  const c = capture(dir);
  expect(await runCli(['calculer', file, '--json', '--sortie', out], c.io)).toBe(EXIT_OK);

  // The JSON: the doublon of row 3.
  const result = JSON.parse(c.stdout()) as SpaserResult;
  expect(result.controles.filter((f) => f.code === 'doublon').map((f) => [f.ligne, plainSpaces(f.message)])).toEqual([[3, DOUBLON]]);

  // `SPASER Contrôles`: the same message.
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  const controles = back.getWorksheet('SPASER Contrôles')!;
  const texts: string[] = [];
  controles.eachRow((row) => row.eachCell((cell) => texts.push(plainSpaces(cell.value))));
  expect(texts).toContain(DOUBLON);

  // The notices: on stderr, and among the remarks of `SPASER Indicateurs`; the name nowhere.
  expect(c.stderr()).toContain(`Attention : ${NOT_REPEATED}`);
  expect(c.stderr()).toContain(`Attention : ${REPEATED}`);
  const { lines } = await writtenRemarks(out);
  const remarks = joinedRemark(lines.map((cell) => plainSpaces(cell.value)));
  expect(remarks).toContain(NOT_REPEATED);
  expect(remarks).toContain(REPEATED);
  expect(c.stdout() + c.stderr()).not.toContain('Sarah');
  for (const name of ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']) {
    const seen: string[] = [];
    back.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => seen.push(plainSpaces(cell.value))));
    expect([name, seen.join(' ')]).toEqual([name, expect.not.stringContaining('Sarah')]);
  }
});

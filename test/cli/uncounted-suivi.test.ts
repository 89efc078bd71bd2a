/**
 * Suivi insertion rows of contracts that the register has but that count in no indicator (a row in
 * error, an order outside any contract): the command line says so on stderr (« Attention : ») and
 * writes it among the remarks of `SPASER Indicateurs`, with the register row to fix.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { capture, d, joinedRemark, plainSpaces, tempDir, writtenRemarks } from './helpers';

it('tells the Suivi insertion rows of a contract in error and of an order outside any contract', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'Voirie.xlsx');
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet('Marchés');
  reg.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Hors marché']);
  reg.addRow(['2025-001', 'Voirie', 100, d('2025-02-01'), 'non']);
  reg.addRow(['2025-002', 'Éclairage', null, d('2025-03-01'), 'non']);
  reg.addRow(['BC-7', 'Fournitures', 50, d('2025-04-01'), 'oui']);
  const suivi = wb.addWorksheet('Insertion');
  suivi.addRow(['N° de marché', 'Bénéficiaire', 'Heures réalisées']);
  suivi.addRow(['2025-001', 'B1', 35]);
  suivi.addRow(['2025-002', 'B2', 120]);
  suivi.addRow(['BC-7', 'B3', 14]);
  await wb.xlsx.writeFile(file);

  const out = path.join(dir, 'sortie.xlsx');
  const c = capture(dir);
  expect(await runCli(['calculer', file, '--sortie', out], c.io)).toBe(EXIT_OK);
  const notices = [
    "Feuille « Insertion » du classeur « Voirie.xlsx », ligne 3 : le marché « 2025-002 » est à la ligne 3 de la feuille « Marchés », en erreur (montant manquant) ; la ligne ne compte dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires). Corrigez cette ligne : ses heures compteront.",
    "Feuille « Insertion » du classeur « Voirie.xlsx », ligne 4 : le marché « BC-7 » est à la ligne 4 de la feuille « Marchés », une commande hors marché (colonne « Hors marché ») ; la ligne ne compte dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires). Si c'est un marché, corrigez cette colonne : ses heures compteront.",
  ];
  // The terminal gets plain spaces (`src/cli/format.ts`).
  for (const notice of notices) expect(c.stderr()).toContain(`Attention : ${plainSpaces(notice)}`);

  const { title, lines } = await writtenRemarks(out);
  expect(title).toBe('Remarques du calcul (2) : à lire avant les chiffres');
  // Each remark starts with a bullet; its following lines are indented.
  const remarks: string[][] = [];
  for (const cell of lines) {
    const text = String(cell.value);
    if (text.startsWith('• ')) remarks.push([text]);
    else remarks[remarks.length - 1].push(text);
  }
  expect(remarks.map(joinedRemark)).toEqual(notices);
});

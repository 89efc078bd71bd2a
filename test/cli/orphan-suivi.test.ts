/**
 * A Suivi insertion sheet keyed by the consultation number while the register numbers each lot:
 * its rows count for nothing, which the command line says on stderr (« Attention : ») and writes
 * among the remarks of `SPASER Indicateurs`.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { capture, d, joinedRemark, plainSpaces, tempDir, writtenRemarks } from './helpers';

it('tells the Suivi insertion rows of a consultation number whose lots the register numbers apart', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'Voirie.xlsx');
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet('Marchés');
  reg.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification']);
  reg.addRow(['2025-012-L1', 'Voirie lot 1', 100, d('2025-02-01')]);
  reg.addRow(['2025-012-L2', 'Voirie lot 2', 200, d('2025-02-01')]);
  const suivi = wb.addWorksheet('Insertion');
  suivi.addRow(['N° de marché', 'Bénéficiaire', 'Heures réalisées']);
  suivi.addRow(['2025-012-L1', 'B1', 35]);
  suivi.addRow(['2025-012', 'B2', 120]);
  await wb.xlsx.writeFile(file);

  const out = path.join(dir, 'sortie.xlsx');
  const c = capture(dir);
  expect(await runCli(['calculer', file, '--sortie', out], c.io)).toBe(EXIT_OK);
  const notice =
    "Feuille « Insertion » du classeur « Voirie.xlsx », ligne 3 : le marché « 2025-012 » ne figure pas dans le registre ; la ligne ne compte dans aucun indicateur de l'insertion (heures, contrats, bénéficiaires). Le registre a « 2025-012-L1 » et « 2025-012-L2 » : indiquez le numéro du lot.";
  // The terminal gets plain spaces (`src/cli/format.ts`).
  expect(c.stderr()).toContain(`Attention : ${plainSpaces(notice)}`);

  const { title, lines } = await writtenRemarks(out);
  expect(title).toBe('Remarques du calcul (1) : à lire avant les chiffres');
  expect(joinedRemark(lines.map((cell) => String(cell.value)))).toBe(notice);
});

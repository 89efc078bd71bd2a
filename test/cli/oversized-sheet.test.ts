/**
 * A value far from the table (XFD1048576) ran the command line out of memory after half a
 * minute (« JavaScript heap out of memory », exit 134): the sheet is now left unread and named.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_INPUT, EXIT_OK, runCli } from '../../src/cli/run';
import { capture, d, listFiles, REGISTER_HEADER, tempDir } from './helpers';

async function workbook(file: string, withRegister: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  if (withRegister) {
    ws.addRow(REGISTER_HEADER);
    ws.addRow(['M-1', 'Papier', 100, d('2025-02-01'), 'oui']);
  } else ws.getCell('A1').value = 'Suivi des marchés';
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Notes';
  notes.getCell('XFD1048576').value = 'à voir';
  if (!withRegister) ws.getCell('XFD1048576').value = 'à voir';
  await wb.xlsx.writeFile(file);
}

const FAR = (sheet: string) =>
  `La feuille « ${sheet} » n'est pas lue : ses cellules remplies s'étendent de A1 à XFD1048576, bien au-delà d'un tableau, sans doute à cause d'une valeur oubliée sur la ligne 1 048 576 ou dans la colonne XFD.`;

describe('a sheet too large to read, on the command line', () => {
  it('beside a register: computed (exit 0), the sheet named on stderr', async () => {
    const dir = tempDir();
    await workbook(path.join(dir, 'suivi.xlsx'), true);
    const c = capture(dir);
    expect(await runCli(['calculer', 'suivi.xlsx'], c.io)).toBe(EXIT_OK);
    expect(c.stderr()).toContain(`Attention : ${FAR('Notes')}`);
    expect(listFiles(dir)).toEqual(['suivi - SPASER.xlsx', 'suivi.xlsx']);
  });

  it('no other sheet: exit 2, the reason named, nothing written', async () => {
    const dir = tempDir();
    await workbook(path.join(dir, 'suivi.xlsx'), false);
    const c = capture(dir);
    expect(await runCli(['calculer', 'suivi.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain(`Aucun registre reconnu dans « suivi.xlsx » : aucune feuille lue n'a d'en-tête`);
    expect(c.stderr()).toContain(FAR('Suivi'));
    expect(c.stderr()).toContain(FAR('Notes'));
    expect(listFiles(dir)).toEqual(['suivi.xlsx']);
  });

  it('in a consolidation, the file with no other sheet is named with the reason (exit 2)', async () => {
    const dir = tempDir();
    await workbook(path.join(dir, 'Pôle A.xlsx'), true);
    await workbook(path.join(dir, 'Pôle B.xlsx'), false);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', 'Pôle B.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain(`Aucun registre reconnu dans « Pôle B.xlsx » : aucune feuille lue n'a d'en-tête`);
    expect(c.stderr()).toContain(FAR('Suivi'));
  });
});

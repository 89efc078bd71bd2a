/**
 * Blind acceptance `securite`: a failed write names the reason in French (guide: « a bad file gets
 * a clear French message »; README: exit 3 when the output cannot be written), not a raw errno code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { writeXlsxFile } from '../../../src/workbook/xlsx/node-files';
import { listFiles, tempDir } from '../../cli/helpers';
import { buyerWorkbook } from './fixtures';

describe('writeXlsxFile: the reason of a failed write, in French', () => {
  it('a file where a folder should be (ENOTDIR)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'un fichier'), 'x');
    const target = path.join(dir, 'un fichier', 'sortie.xlsx');
    await expect(writeXlsxFile(new XlsxWorkbook('x.xlsx', buyerWorkbook()), target)).rejects.toThrow(
      /^Impossible d'écrire « .*sortie\.xlsx » : dossier introuvable \(un élément du chemin est un fichier, pas un dossier\)\.$/,
    );
    expect(listFiles(dir)).toEqual(['un fichier']);
  });

  it('a folder named like the output file (EISDIR), the folder left as it was', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sortie.xlsx'));
    fs.writeFileSync(path.join(dir, 'sortie.xlsx', 'garder.txt'), 'x');
    await expect(writeXlsxFile(new XlsxWorkbook('x.xlsx', buyerWorkbook()), path.join(dir, 'sortie.xlsx'))).rejects.toThrow(
      /^Impossible d'écrire « .*sortie\.xlsx » : c'est un dossier, pas un fichier\.$/,
    );
    expect(listFiles(dir)).toEqual(['sortie.xlsx']);
    expect(listFiles(path.join(dir, 'sortie.xlsx'))).toEqual(['garder.txt']);
  });

  it('no raw error code in either message', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'f'), 'x');
    await expect(writeXlsxFile(new XlsxWorkbook('x.xlsx', buyerWorkbook()), path.join(dir, 'f', 'a.xlsx'))).rejects.toThrow(/^(?!.*\bE[A-Z]+\b)/);
  });
});

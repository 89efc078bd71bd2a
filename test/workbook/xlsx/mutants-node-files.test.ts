/**
 * Mutation audit of the reasons a file cannot be read or written (guide: « a bad
 * file gets a clear French message »; README: exit 3 when the output cannot be
 * written). The final rename is made to fail with each errno the code names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { REASON_NOT_FOUND, readXlsxFile, writeXlsxFile } from '../../../src/workbook/xlsx/node-files';
import { listFiles, tempDir } from '../../cli/helpers';
import { buyerWorkbook } from './fixtures';

/** The errno the next `rename` of node:fs/promises fails with, when set. */
let renameFails: string | null = null;

jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (renameFails === null) return actual.rename(from, to);
      throw Object.assign(new Error(`${renameFails}: failed, rename '${from}'`), { code: renameFails });
    },
  };
});

afterEach(() => {
  renameFails = null;
});

describe('writeXlsxFile names the reason of a failed write in French', () => {
  it.each([
    ['ENOSPC', 'disque plein'],
    ['EROFS', 'disque en lecture seule'],
    ['EBUSY', 'le fichier est peut-être ouvert dans Excel, ou le dossier protégé en écriture'],
    ['EPERM', 'le fichier est peut-être ouvert dans Excel, ou le dossier protégé en écriture'],
    ['EACCES', 'le fichier est peut-être ouvert dans Excel, ou le dossier protégé en écriture'],
  ])('%s: « %s », no temporary file left', async (code, reason) => {
    const dir = tempDir();
    const target = path.join(dir, 'sortie.xlsx');
    renameFails = code;
    const err: Error = await writeXlsxFile(new XlsxWorkbook('x.xlsx', buyerWorkbook()), target).then(
      () => {
        throw new Error('the write should fail');
      },
      (e: Error) => e,
    );
    expect(err.message).toBe(`Impossible d'écrire « ${target} » : ${reason}.`);
    expect(listFiles(dir)).toEqual([]);
  });

  it('an errno without a French reason is still named, so the user can report it', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'sortie.xlsx');
    renameFails = 'EIO';
    await expect(writeXlsxFile(new XlsxWorkbook('x.xlsx', buyerWorkbook()), target)).rejects.toThrow(`Impossible d'écrire « ${target} » : écriture impossible (EIO).`);
  });
});

describe('readXlsxFile', () => {
  it('a path through a file (ENOTDIR) is a file not found', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'un fichier'), 'x');
    const input = path.join(dir, 'un fichier', 'Pôle A.xlsx');
    await expect(readXlsxFile(input)).rejects.toMatchObject({ reason: REASON_NOT_FOUND });
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openXlsx } from '../../../src/workbook/xlsx';
import { readXlsxFile } from '../../../src/workbook/xlsx/node-files';
import { reasonOf, toBytes } from './fixtures';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file's first sector and a directory sector naming the given streams (UTF-16LE). */
function oleFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 128 * Math.max(4, streams.length));
  bytes.set(OLE, 0);
  streams.forEach((name, i) => {
    for (let k = 0; k < name.length; k++) bytes[512 + 128 * i + 2 * k] = name.charCodeAt(k);
  });
  return bytes;
}


async function validXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  for (let i = 1; i <= 200; i++) ws.getCell(i, 1).value = `ligne ${i} avec du texte`;
  return toBytes(wb);
}

describe('unreadable workbooks', () => {
  it('a password-protected workbook (encrypted OLE container)', async () => {
    expect(await reasonOf(oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))).toBe(
      'classeur protégé par mot de passe : enregistrez-le sans mot de passe puis réessayez',
    );
  });

  it('an old .xls workbook', async () => {
    expect(await reasonOf(oleFile(['Root Entry', 'Workbook']), 'ancien.xls')).toMatch(/^ancien format \.xls : .*\.xlsx/);
  });

  it('a text file', async () => {
    expect(await reasonOf(new TextEncoder().encode('N° marché;Objet\n2025-001;Papier\n'), 'export.csv')).toBe(
      "ce n'est pas un classeur .xlsx (enregistrez-le au format « Classeur Excel (.xlsx) »)",
    );
  });

  it('an empty file', async () => {
    expect(await reasonOf(new Uint8Array(0))).toBe('fichier vide');
  });

  it('a zip that is not a workbook', async () => {
    // The smallest valid zip: an end-of-central-directory record alone.
    const emptyZip = new Uint8Array(22);
    emptyZip.set([0x50, 0x4b, 0x05, 0x06]);
    expect(await reasonOf(emptyZip)).toBe("ce n'est pas un classeur .xlsx (enregistrez-le au format « Classeur Excel (.xlsx) »)");
  });

  it('a truncated archive', async () => {
    const bytes = await validXlsx();
    expect(await reasonOf(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/^archive endommagée/);
  });

  it('opens the same bytes whole, from a Uint8Array or an ArrayBuffer', async () => {
    const bytes = await validXlsx();
    const fromView = await openXlsx(bytes, 'a.xlsx');
    const copy = bytes.slice().buffer;
    const fromBuffer = await openXlsx(copy, 'a.xlsx');
    expect((await fromView.readSheets())[0].rows[199]).toEqual(['ligne 200 avec du texte']);
    expect((await fromBuffer.readSheets())[0].rows).toHaveLength(200);
  });
});

describe('readXlsxFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spaser-xlsx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names a missing file', async () => {
    const path = join(dir, 'absent.xlsx');
    await expect(readXlsxFile(path)).rejects.toThrow(`Impossible de lire « ${path} » : fichier introuvable`);
  });

  it('names a folder given as a file', async () => {
    await expect(readXlsxFile(dir)).rejects.toMatchObject({ reason: "c'est un dossier, pas un fichier" });
  });

  it('gives the reason with the path as given for a bad file', async () => {
    const path = join(dir, 'protégé.xlsx');
    await writeFile(path, oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
    await expect(readXlsxFile(path)).rejects.toMatchObject({ file: path, reason: expect.stringMatching(/^classeur protégé par mot de passe/) });
  });

  it('reads a file with its base name as the workbook name', async () => {
    const path = join(dir, 'pole-a.xlsx');
    await writeFile(path, await validXlsx());
    const book = await readXlsxFile(path);
    expect(book.name).toBe('pole-a.xlsx');
    expect((await book.readSheets())[0].rows[0]).toEqual(['ligne 1 avec du texte']);
  });
});

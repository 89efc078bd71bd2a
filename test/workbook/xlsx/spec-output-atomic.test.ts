/**
 * Spec audit (sortie.md "Never touch the user's data"; brief: a bad input or a
 * failed write never leaves a half-written output file). The disk is made to
 * fail in the middle of a write: half the bytes land, then ENOSPC.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, runCli } from '../../../src/cli/run';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { writeXlsxFile } from '../../../src/workbook/xlsx/node-files';
import { capture, listFiles, tempDir, writeSmallRegister } from '../../cli/helpers';
import { buyerWorkbook } from './fixtures';

/** When true, the next `writeFile` of node:fs/promises writes half its bytes and fails. */
let diskFull = false;

jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return {
    ...actual,
    writeFile: async (file: string, data: Uint8Array, ...rest: unknown[]) => {
      if (!diskFull) return (actual.writeFile as (...a: unknown[]) => Promise<void>)(file, data, ...rest);
      await actual.writeFile(file, data.subarray(0, Math.floor(data.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    },
  };
});

afterEach(() => {
  diskFull = false;
});

describe('a failed write never leaves a half-written output', () => {
  it('writeXlsxFile: the previous file stays byte for byte, and no temporary file is left', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'sortie.xlsx');
    fs.writeFileSync(target, 'résultat de la veille');
    diskFull = true;
    await expect(writeXlsxFile(new XlsxWorkbook('x.xlsx', buyerWorkbook()), target)).rejects.toThrow(/^Impossible d'écrire « .*sortie\.xlsx » : /);
    expect(fs.readFileSync(target, 'utf8')).toBe('résultat de la veille');
    expect(listFiles(dir)).toEqual(['sortie.xlsx']);
  });

  it('writeXlsxFile: no file at all when there was none', async () => {
    const dir = tempDir();
    diskFull = true;
    await expect(writeXlsxFile(new XlsxWorkbook('x.xlsx', buyerWorkbook()), path.join(dir, 'neuf.xlsx'))).rejects.toThrow(/Impossible d'écrire/);
    expect(listFiles(dir)).toEqual([]);
  });

  it('the command line: exit 3, the output of the previous run unchanged, nothing else in the folder', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'Pôle A.xlsx'));
    expect(await runCli(['calculer', 'Pôle A.xlsx'], capture(dir).io)).toBe(EXIT_OK);
    const output = path.join(dir, 'Pôle A - SPASER.xlsx');
    const before = fs.readFileSync(output);

    diskFull = true;
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_OUTPUT);
    expect(c.stderr()).toMatch(/Impossible d'écrire « .*Pôle A - SPASER\.xlsx »/);
    expect(fs.readFileSync(output).equals(before)).toBe(true);
    expect(listFiles(dir)).toEqual(['Pôle A - SPASER.xlsx', 'Pôle A.xlsx']);
  });
});

describe('a bad input never leaves a half-written output', () => {
  it('the output of the previous run stays byte for byte when the input has become unreadable', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'Pôle A.xlsx');
    await writeSmallRegister(input);
    expect(await runCli(['calculer', 'Pôle A.xlsx'], capture(dir).io)).toBe(EXIT_OK);
    const output = path.join(dir, 'Pôle A - SPASER.xlsx');
    const before = fs.readFileSync(output);

    // The input saved half-way (a truncated zip).
    const bytes = fs.readFileSync(input);
    fs.writeFileSync(input, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(fs.readFileSync(output).equals(before)).toBe(true);
    expect(listFiles(dir)).toEqual(['Pôle A - SPASER.xlsx', 'Pôle A.xlsx']);
  });

  it('a consolidation with one bad input writes nothing, even over an older consolidation', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    await writeSmallRegister(path.join(dir, 'b.xlsx'));
    expect(await runCli(['calculer', 'a.xlsx', 'b.xlsx', '--sortie', 'conso.xlsx'], capture(dir).io)).toBe(EXIT_OK);
    const before = fs.readFileSync(path.join(dir, 'conso.xlsx'));

    fs.writeFileSync(path.join(dir, 'b.xlsx'), 'pas un classeur');
    expect(await runCli(['calculer', 'a.xlsx', 'b.xlsx', '--sortie', 'conso.xlsx'], capture(dir).io)).toBe(EXIT_INPUT);
    expect(fs.readFileSync(path.join(dir, 'conso.xlsx')).equals(before)).toBe(true);
    expect(listFiles(dir)).toEqual(['a.xlsx', 'b.xlsx', 'conso.xlsx']);
  });
});

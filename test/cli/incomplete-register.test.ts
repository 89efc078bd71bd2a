/**
 * The command line tells which required column a register-like sheet misses: in the
 * exit-2 message when no register is found, and as « Attention : » when a consolidation
 * goes on without that workbook's rows.
 */
import * as path from 'node:path';
import { EXIT_INPUT, EXIT_OK, runCli } from '../../src/cli/run';
import type { SpaserResult } from '../../src/domain/model';
import { capture, d, listFiles, tempDir, writeSmallRegister, writeWorkbook } from './helpers';

const NO_DATE = ['N° de marché', 'Objet', 'Montant HT', 'Signé le'];
const MISSING = "colonne obligatoire introuvable dans la feuille « Suivi » (en-tête ligne 1) : « Date de notification ».";

async function run(dir: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture(dir);
  const code = await runCli(argv, c.io);
  return { code, out: c.stdout(), err: c.stderr() };
}

describe('a register-like sheet missing a required column, on the command line', () => {
  it('alone: exit 2, the message names the sheet and the missing column, nothing written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Pôle Solidarités.xlsx');
    await writeWorkbook(file, 'Suivi', NO_DATE, [['S1', 'Repas', 900, d('2025-05-01')]]);
    const { code, err } = await run(dir, ['calculer', file]);
    expect(code).toBe(EXIT_INPUT);
    expect(err).toContain('Aucun registre reconnu dans');
    expect(err).toContain(`C${MISSING.slice(1)}`);
    expect(listFiles(dir)).toEqual(['Pôle Solidarités.xlsx']);
  });

  it('beside a register: exit 2 names it with the missing column (an input that gives nothing is a stop)', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'Pôle Culture.xlsx');
    const bad = path.join(dir, 'Pôle Solidarités.xlsx');
    await writeSmallRegister(good);
    await writeWorkbook(bad, 'Suivi', NO_DATE, [['S1', 'Repas', 900, d('2025-05-01')]]);
    const { code, err } = await run(dir, ['calculer', good, bad]);
    expect(code).toBe(EXIT_INPUT);
    expect(err).toContain('Pôle Solidarités.xlsx');
    expect(err).toContain(`C${MISSING.slice(1)}`);
  });

  it('in a workbook that also holds a recognised sheet: the run goes on, « Attention : » names what is left out', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'Pôle Culture.xlsx');
    const bad = path.join(dir, 'Pôle Solidarités.xlsx');
    await writeSmallRegister(good);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const suivi = wb.addWorksheet('Suivi');
    suivi.addRow(NO_DATE);
    suivi.addRow(['S1', 'Repas', 900, d('2025-05-01')]);
    const cibles = wb.addWorksheet('Cibles');
    cibles.addRow(['Indicateur', 'Année', 'Cible']);
    cibles.addRow(['2.1.3-sourcage', 2025, 10]);
    await wb.xlsx.writeFile(bad);
    const { code, out, err } = await run(dir, ['calculer', good, bad, '--json']);
    expect(code).toBe(EXIT_OK);
    expect((JSON.parse(out) as SpaserResult).lignes.lues).toBe(3);
    expect(err).toContain(`Attention : Classeur « Pôle Solidarités.xlsx » : ${MISSING} Ses lignes ne sont pas comptées`);
  });
});

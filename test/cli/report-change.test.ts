/**
 * indicateurs.md: « when the register holds rows of N−1, each indicator also shows its N−1 value
 * and the change ». The summary gives the change beside N−1 with the figure of the `Évolution`
 * column of `SPASER Indicateurs`, worded as the pane words it (« évolution : +2,5 points »).
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { capture, d, REGISTER_HEADER, tempDir, writeWorkbook } from './helpers';

/**
 * 2025: three contracts, one with a clause sociale (12 500 €); 2024: two, one with a clause
 * sociale (2 000 €).
 * - 4.1.2-consideration-sociale: 1/3 = 33,3 % against 1/2 = 50,0 % → −16,666… points, « −16,7 points »;
 * - 1.1.2-montant-ar: 12 500 € against 2 000 € → +10 500 €.
 */
async function fixture(): Promise<string> {
  const dir = tempDir();
  await writeWorkbook(path.join(dir, 'Pôle A.xlsx'), 'Suivi', REGISTER_HEADER, [
    ['2025-001', 'Nettoyage des locaux', 12500, d('2025-02-01'), 'Oui'],
    ['2025-002', 'Fournitures de bureau', 3000, d('2025-03-01'), 'Non'],
    ['2025-003', 'Maintenance informatique', 6000, d('2025-04-01'), 'Non'],
    ['2024-001', 'Nettoyage des locaux', 2000, d('2024-02-01'), 'Oui'],
    ['2024-002', 'Papier', 1000, d('2024-03-01'), 'Non'],
  ]);
  return dir;
}

/** The `Évolution` cell of an indicator in the written `SPASER Indicateurs`. */
async function sheetChange(file: string, id: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('SPASER Indicateurs');
  if (!ws) throw new Error('no SPASER Indicateurs');
  let header: unknown[] | null = null;
  let found: unknown = undefined;
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (header === null && values[0] === 'Id') header = values;
    else if (header !== null && values[0] === id) found = values[header.indexOf('Évolution')];
  });
  return found;
}

const lineOf = (stdout: string, id: string): string => stdout.split('\n').find((l) => l.startsWith(`  ${id}  `)) ?? '';

describe('the change from N−1 in the summary', () => {
  let stdout: string;
  let output: string;
  beforeAll(async () => {
    const dir = await fixture();
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
    stdout = c.stdout();
    output = path.join(dir, 'Pôle A - SPASER.xlsx');
  });

  it('a share: in points, with the sheet figure rounded to a tenth', async () => {
    const cell = await sheetChange(output, '4.1.2-consideration-sociale');
    // The difference of the values as shown (33,3 − 50,0), as the reader redoes it.
    expect(cell).toBe(-16.7);
    expect(lineOf(stdout, '4.1.2-consideration-sociale')).toMatch(/ : 33,3 % — N−1 : 50,0 % \(évolution : −16,7 points\) — référence nationale : 30,0 %$/);
  });

  it('an amount: in euros, grouped with a plain space as the rest of the summary', async () => {
    expect(await sheetChange(output, '1.1.2-montant-ar')).toBe(10500);
    expect(lineOf(stdout, '1.1.2-montant-ar')).toMatch(/ : 12 500,00 € — N−1 : 2 000,00 € \(évolution : \+10 500,00 €\)$/);
  });
});

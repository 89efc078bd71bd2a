/**
 * Mutation audit, session 20 (`args.ts`): `--sortie` names a workbook `.xlsx` (usage: « classeur à
 * écrire (.xlsx) »). An extension is the end of the name, in any case (Windows, where the city's
 * users work, shows `RÉSULTAT.XLSX` as an Excel workbook); `.xlsx` in the middle of a name is not one.
 */
import { parseArgs } from '../../src/cli/args';

const sortie = (value: string) => parseArgs(['calculer', 'a.xlsx', '--sortie', value]);

it('--sortie takes a name ending in .xlsx in any case', () => {
  for (const name of ['RÉSULTAT.XLSX', 'Résultat.Xlsx']) {
    const parsed = sortie(name);
    expect(parsed.kind === 'run' && parsed.args.sortie).toBe(name);
  }
});

it('--sortie refuses a name that only holds .xlsx before another extension', () => {
  for (const name of ['résultat.xlsx.csv', 'résultat.xlsx.bak']) {
    expect(sortie(name)).toEqual({ kind: 'error', message: expect.stringContaining("doit avoir l'extension .xlsx") });
  }
});

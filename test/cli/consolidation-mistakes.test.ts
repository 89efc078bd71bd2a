/**
 * The project lead's slips on the command line (recipe `melanges`): a workbook that is not a
 * register among the Pôles' files says what to do, and last month's consolidation output (only
 * `SPASER …` sheets) is said to be a result, to take off the list.
 */
import * as path from 'node:path';
import { EXIT_INPUT, runCli } from '../../src/cli/run';
import { capture, listFiles, tempDir, writeSmallRegister, writeWorkbook } from './helpers';

async function consolidate(dir: string): Promise<void> {
  await writeSmallRegister(path.join(dir, 'Pôle A.xlsx'));
  await writeSmallRegister(path.join(dir, 'Pôle B.xlsx'));
}

describe('a workbook without a register among the Pôles’ files', () => {
  it('a budget: named, and the lead is told to take it off the command line', async () => {
    const dir = tempDir();
    await consolidate(dir);
    await writeWorkbook(path.join(dir, 'Budget 2025.xlsx'), 'BP 2025', ['Chapitre', 'Crédits votés', 'Réalisé'], [['011', 1000, 800]]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', 'Budget 2025.xlsx', 'Pôle B.xlsx', '--sortie', 'Conso.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain('Aucun registre reconnu dans « Budget 2025.xlsx »');
    expect(c.stderr()).toContain("Retirez ce classeur de la ligne de commande s'il n'est pas un registre de marchés ; sinon, donnez à ses colonnes des en-têtes reconnus.");
    expect(c.stderr()).not.toMatch(/résultat d'un calcul/);
    expect(listFiles(dir)).toEqual(['Budget 2025.xlsx', 'Pôle A.xlsx', 'Pôle B.xlsx']);
  });

  it('last month’s consolidation output: said to be a result of the add-in, to take off the list; not overwritten', async () => {
    const dir = tempDir();
    await consolidate(dir);
    const first = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', 'Pôle B.xlsx', '--sortie', 'Consolidation février.xlsx'], first.io)).toBe(0);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', 'Pôle B.xlsx', 'Consolidation février.xlsx', '--json'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain('Aucun registre reconnu dans « Consolidation février.xlsx »');
    expect(c.stderr()).toContain(
      "« Consolidation février.xlsx » ne contient que des feuilles écrites par le complément (SPASER …) : c'est le résultat d'un calcul précédent, dont les feuilles ne sont jamais relues comme registre. Retirez-le de la ligne de commande : la consolidation se fait sur les classeurs des Pôles.",
    );
    expect(c.stdout()).toBe('');
    expect(listFiles(dir)).toEqual(['Consolidation février.xlsx', 'Pôle A.xlsx', 'Pôle B.xlsx']);
  });

  it('a consolidation output given alone: said to be a result, computed from the Pôles’ files', async () => {
    const dir = tempDir();
    await consolidate(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', 'Pôle B.xlsx', '--sortie', 'Conso.xlsx'], capture(dir).io)).toBe(0);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Conso.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain('« Conso.xlsx » ne contient que des feuilles écrites par le complément (SPASER …)');
    expect(c.stderr()).toContain('Calculez sur les classeurs des Pôles, ou sur le classeur de suivi des marchés lui-même.');
    expect(c.stderr()).not.toMatch(/Retirez/);
  });
});

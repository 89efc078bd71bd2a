/**
 * Session 37 mutants of `noRegisterAdvice` (session 36): what the command line adds when inputs hold
 * no register, for one or several such workbooks, results of the add-in or not. Written by hand; the
 * command line writes plain spaces.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_INPUT, EXIT_OK, noRegisterAdvice, runCli } from '../../src/cli/run';
import type { ChainInput } from '../../src/domain/chain';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import { serializeState } from '../../src/domain/state-sheet';
import { grid } from '../helpers/grid';
import { capture, d, tempDir, writeWorkbook } from './helpers';

const book = (file: string, ...sheets: string[]): ChainInput => ({ file, sheets: sheets.map((name) => grid(name, [['A']])), state: null });
const RESULT = (file: string) => book(file, 'SPASER Indicateurs', 'SPASER Contrôles');
const isResult = (file: string) =>
  (`« ${file} » ne contient que des feuilles écrites par le complément (SPASER …) : c'est le résultat d'un calcul précédent, dont les feuilles ne sont jamais relues comme registre.`);

describe('noRegisterAdvice', () => {
  it('two results in a consolidation: each said to be one, both to take off', () => {
    expect(noRegisterAdvice([RESULT('Janvier.xlsx'), RESULT('Février.xlsx')], true)).toEqual([
      isResult('Janvier.xlsx'),
      isResult('Février.xlsx'),
      ('Retirez-les de la ligne de commande : la consolidation se fait sur les classeurs des Pôles.'),
    ]);
  });

  it('a result and a budget in a consolidation: the result said, then the advice for several workbooks', () => {
    expect(noRegisterAdvice([RESULT('Janvier.xlsx'), book('Budget.xlsx', 'BP 2025')], true)).toEqual([
      isResult('Janvier.xlsx'),
      ('Retirez de la ligne de commande ceux qui ne sont pas des registres de marchés ; sinon, donnez à leurs colonnes des en-têtes reconnus.'),
    ]);
  });

  it('two budgets in a consolidation: the advice for several workbooks; one: for one', () => {
    const several = ('Retirez de la ligne de commande ceux qui ne sont pas des registres de marchés ; sinon, donnez à leurs colonnes des en-têtes reconnus.');
    expect(noRegisterAdvice([book('Budget.xlsx', 'BP 2025'), book('Notes.xlsx', 'Feuil1')], true)).toEqual([several]);
    expect(noRegisterAdvice([book('Budget.xlsx', 'BP 2025')], true)).toEqual([
      ("Retirez ce classeur de la ligne de commande s'il n'est pas un registre de marchés ; sinon, donnez à ses colonnes des en-têtes reconnus."),
    ]);
  });

  it('a workbook with a sheet of its own beside SPASER ones is no result; one without any sheet neither', () => {
    expect(noRegisterAdvice([book('Mixte.xlsx', 'SPASER Indicateurs', 'Notes')], false)).not.toContain(isResult('Mixte.xlsx'));
    expect(noRegisterAdvice([book('Vide.xlsx')], false)).toEqual([]);
  });

  // Session 38: README « Codes de sortie » promises what to do after each exit-2 message; a buyer whose
  // register's headers are not recognised was told what was missing, never how to fix it.
  it('alone and not a result: how to have its columns recognised', () => {
    expect(noRegisterAdvice([book('Budget.xlsx', 'BP 2025')], false)).toEqual([
      "S'il s'agit bien d'un registre de marchés, donnez à ses colonnes des en-têtes reconnus (par exemple « Date de notification »), " +
        "ou choisissez-les dans Excel, à l'étape Colonnes du volet (« Ouvrir le registre »), puis écrivez les feuilles SPASER : " +
        'ce choix, enregistré dans le classeur, est repris par la ligne de commande.',
    ]);
  });

  it('alone and empty: nothing to rename, nothing added', () => {
    expect(noRegisterAdvice([{ file: 'Vide.xlsx', sheets: [grid('Feuil1', [])], state: null }], false)).toEqual([]);
  });
});

describe('one workbook, not a register', () => {
  it('the buyer is told how to have its columns recognised', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'Suivi.xlsx'), 'Marchés', ['N° de marché', 'Objet', 'Montant HT', 'Date'], [['2025-1', 'Papier', 12, 'mars']]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Suivi.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain("« Date de notification ». S'il s'agit bien d'un registre de marchés, donnez à ses colonnes des en-têtes reconnus");
  });

  // What the advice promises: the column chosen in the pane (saved in `SPASER État`) is read by the command line.
  it('the column chosen in the pane and saved with the sheets: the command line reads the register', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Marchés').addRows([['N° de marché', 'Objet', 'Montant HT', 'Date'], ['2025-1', 'Papier', 12, d('2025-03-01')]]);
    const etat = wb.addWorksheet(SHEET_ETAT, { state: 'veryHidden' });
    serializeState({ version: 1, mappings: [{ sheet: 'Marchés', columns: { Date: 'dateNotification' } }], decisions: [] }).forEach(
      (chunk, i) => (etat.getCell(i + 1, 1).value = chunk),
    );
    await wb.xlsx.writeFile(path.join(dir, 'Suivi.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Suivi.xlsx', '--json', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_OK);
    expect(JSON.parse(c.stdout()).lignes.exercice).toBe(1);
  });
});

describe('two workbooks, neither a register: a consolidation', () => {
  it('the lead is told to take them off the command line', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'Budget.xlsx'), 'BP 2025', ['Chapitre', 'Crédits votés'], [['011', 1000]]);
    await writeWorkbook(path.join(dir, 'Notes.xlsx'), 'Feuil1', ['Date', 'Note'], [['lundi', 'réunion']]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Budget.xlsx', 'Notes.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain('Retirez de la ligne de commande ceux qui ne sont pas des registres de marchés');
  });
});

/**
 * Session 34 review of what the command line prints, read as a buyer who has never seen it:
 * the error first and in sight, what to do after each failure, where the details are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/run';
import { capture, d, listFiles, REGISTER_HEADER, tempDir } from './helpers';

describe('a usage error', () => {
  it('is followed by the synopsis and where the help is, not by the whole help that pushed it out of sight', async () => {
    const c = capture(tempDir());
    expect(await runCli(['calculer', 'a.xlsx', '--exercice', '20x5'], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toBe(
      'Erreur : Exercice invalide : « 20x5 ». Indiquez une année sur quatre chiffres, entre 2000 et 2100.\n' +
        'Usage : npm run --silent spaser -- calculer <classeur.xlsx>... [options]\n' +
        'Aide complète : npm run --silent spaser -- --aide\n',
    );
  });

  it('the help names the command as it is typed (there is no `spaser` program)', async () => {
    const c = capture(tempDir());
    expect(await runCli(['--aide'], c.io)).toBe(EXIT_OK);
    expect(c.stdout().split('\n')[0]).toBe('Usage : npm run --silent spaser -- calculer <classeur.xlsx>... [options]');
  });

  // Session 38: the default exercice is the year with the most rows of readable date, errors included
  // (`regles.md` §9, README « --exercice »), not « le plus de marchés ».
  it('the help says the default exercice as the README and regles.md §9 do', async () => {
    const c = capture(tempDir());
    expect(await runCli(['--aide'], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).toContain("--exercice AAAA     année des indicateurs (par défaut : l'année qui compte le plus de lignes datées)");
  });
});

describe('an unreadable input: the reason, then what to do, nothing written', () => {
  async function failure(dir: string, file: string): Promise<string> {
    const c = capture(dir);
    expect(await runCli(['calculer', file], c.io)).toBe(EXIT_INPUT);
    expect(c.stdout()).toBe('');
    return c.stderr().trimEnd().split('\n').at(-1) as string;
  }

  it('a missing file: where it was looked for', async () => {
    const dir = tempDir();
    expect(await failure(dir, 'absent.xlsx')).toBe(`Impossible de lire « absent.xlsx » : fichier introuvable (cherché dans « ${dir} »). Vérifiez son nom et son dossier.`);
    expect(listFiles(dir)).toEqual([]);
  });

  it('a folder, a damaged archive, an empty file', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'Pôles'));
    expect(await failure(dir, 'Pôles')).toBe("Impossible de lire « Pôles » : c'est un dossier, pas un fichier. Indiquez le classeur .xlsx lui-même, dans ce dossier.");
    fs.writeFileSync(path.join(dir, 'abîmé.xlsx'), Buffer.from('PK\u0003\u0004garbage', 'latin1'));
    expect(await failure(dir, 'abîmé.xlsx')).toBe(
      'Impossible de lire « abîmé.xlsx » : archive endommagée (le fichier est incomplet ou abîmé). Ouvrez-le dans Excel, qui propose de le réparer, et enregistrez-le, ou reprenez une copie intacte, puis réessayez.',
    );
    fs.writeFileSync(path.join(dir, 'vide.xlsx'), '');
    expect(await failure(dir, 'vide.xlsx')).toBe(
      "Impossible de lire « vide.xlsx » : fichier vide. Reprenez une copie du classeur (son enregistrement a pu être interrompu), puis réessayez.",
    );
    expect(listFiles(dir)).toEqual(['Pôles', 'abîmé.xlsx', 'vide.xlsx']);
  });
});

describe('the end of the summary, what stays in sight', () => {
  async function summary(dir: string, cibles: readonly (string | number)[][], unreadableState = false): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    // A saved state cut short: told while the run goes on, but not kept (the write replaces that sheet).
    if (unreadableState) wb.addWorksheet('SPASER État').getCell('A1').value = '{"version": 1, "mappi';
    const ws = wb.addWorksheet('Suivi 2025');
    ws.addRow(REGISTER_HEADER);
    ws.addRow(['2025-001', 'Nettoyage', 1000, d('2025-02-01'), 'Oui']);
    ws.addRow(['2025-002', 'Papier', -5, d('2025-03-01'), 'Non']);
    const c = wb.addWorksheet('Cibles');
    c.addRow(['Indicateur', 'Année', 'Cible', 'Sens']);
    for (const r of cibles) c.addRow([...r]);
    await wb.xlsx.writeFile(path.join(dir, 'a.xlsx'));
    const run = capture(dir);
    expect(await runCli(['calculer', 'a.xlsx'], run.io)).toBe(EXIT_OK);
    return run.stdout().trimEnd().split('\n');
  }

  it('says where the findings are listed, and counts the notices printed above', async () => {
    const lines = await summary(tempDir(), [['9.9.9-faux', 2025, 1, '≥'], ['9.9.8-faux', 2025, 1, '≥']]);
    expect(lines).toContain('  Détail ligne par ligne dans la feuille « SPASER Contrôles » du classeur écrit.');
    expect(lines).toContain('Remarques du calcul : 2, affichées pendant le calcul et reprises dans la feuille « SPASER Indicateurs » du classeur écrit.');
  });

  it('one notice in the singular; none, no line', async () => {
    const dir = tempDir();
    expect(await summary(dir, [['9.9.9-faux', 2025, 1, '≥']])).toContain(
      'Remarque du calcul : 1, affichée pendant le calcul et reprise dans la feuille « SPASER Indicateurs » du classeur écrit.',
    );
    expect((await summary(dir, [])).filter((l) => l.startsWith('Remarque'))).toEqual([]);
  });

  it('an unreadable state is told, not written: the line says how many of the notices the workbook keeps', async () => {
    const dir = tempDir();
    expect(await summary(dir, [['9.9.9-faux', 2025, 1, '≥']], true)).toContain(
      'Remarques du calcul : 2, affichées pendant le calcul, dont 1 reprise dans la feuille « SPASER Indicateurs » du classeur écrit.',
    );
    expect((await summary(dir, [], true)).filter((l) => l.startsWith('Remarque'))).toEqual(['Remarque du calcul : 1, affichée pendant le calcul.']);
  });
});

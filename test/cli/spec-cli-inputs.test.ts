/**
 * Spec audit — the command line's inputs, exit codes and files (founding issue,
 * "command line"): exit 0 when the chain ran, 1 for a usage error, 2 when an input
 * cannot be read (with a French message naming the file and the reason, and no
 * output left behind); the input is never overwritten; paths with spaces and accents.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/run';
import type { SpaserResult } from '../../src/domain/model';
import { capture, d, listFiles, REGISTER_HEADER, tempDir, writeSmallRegister, writeWorkbook } from './helpers';

const NO_REGISTER_HEADER = ['Chapitre', 'Crédits', 'Réalisé'];

describe('usage errors: exit 1, a French message, the usage, no file written', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown long option', ['calculer', 'a.xlsx', '--format', 'csv'], /Option inconnue : « --format »/],
    ['an unknown short option', ['calculer', 'a.xlsx', '-v'], /Option inconnue : « -v »/],
    ['an unknown option given before the file', ['calculer', '--silencieux', 'a.xlsx'], /Option inconnue : « --silencieux »/],
    ['--json with a value', ['calculer', 'a.xlsx', '--json=oui'], /--json ne prend pas de valeur/],
    ['an option in place of the command', ['--json', 'calculer', 'a.xlsx'], /La commande doit venir en premier/],
    ['--exercice in words', ['calculer', 'a.xlsx', '--exercice', 'deux-mille-vingt-cinq'], /Exercice invalide : « deux-mille-vingt-cinq »/],
    ['--exercice with two digits, inline', ['calculer', 'a.xlsx', '--exercice=25'], /Exercice invalide : « 25 »/],
    ['--exercice empty, inline', ['calculer', 'a.xlsx', '--exercice='], /Exercice invalide : « *»/],
    ['--exercice after 2100', ['calculer', 'a.xlsx', '--exercice', '2101'], /Exercice invalide : « 2101 »/],
    ['--exercice before 2000', ['calculer', 'a.xlsx', '--exercice', '1999'], /Exercice invalide : « 1999 ».*entre 2000 et 2100/],
    ['--exercice followed by an option', ['calculer', 'a.xlsx', '--exercice', '--json'], /--exercice attend une année/],
    ['--sortie without a value', ['calculer', 'a.xlsx', '--sortie'], /--sortie attend un nom de fichier/],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const dir = tempDir();
    // The file exists: the usage error must win before anything is read or written.
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    const c = capture(dir);
    expect(await runCli(argv, c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toMatch(message);
    expect(c.stderr()).toContain('Usage : npm run --silent spaser -- calculer');
    expect(c.stdout()).toBe('');
    expect(listFiles(dir)).toEqual(['a.xlsx']);
  });

  it('the bounds 2000 and 2100 are accepted by --exercice', async () => {
    for (const year of ['2000', '2100']) {
      const dir = tempDir();
      await writeSmallRegister(path.join(dir, 'a.xlsx'));
      const c = capture(dir);
      expect(await runCli(['calculer', 'a.xlsx', '--exercice', year, '--json'], c.io)).toBe(EXIT_OK);
      expect((JSON.parse(c.stdout()) as SpaserResult).exercice).toBe(Number(year));
    }
  });
});

describe('exit 0 whenever the chain ran', () => {
  it('every row of the register is in error: the chain still ran, exit 0', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'erreurs.xlsx'), 'Suivi', REGISTER_HEADER, [
      [null, 'Sans numéro', 100, d('2025-01-10'), 'Non'],
      ['2025-002', null, 200, d('2025-02-10'), 'Non'],
      ['2025-003', 'Sans montant', null, d('2025-03-10'), 'Non'],
    ]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'erreurs.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    const result = JSON.parse(c.stdout()) as SpaserResult;
    // 3 rows read, all 3 with an error (numero-manquant, objet-manquant, montant-manquant).
    expect(result.lignes).toEqual({ lues: 3, exercice: 0, erreurs: 3, avertissements: 0 });
    expect(listFiles(dir)).toEqual(['erreurs - SPASER.xlsx', 'erreurs.xlsx']);
  });
});

describe('an input that cannot be read: exit 2, the file and the reason named, nothing written', () => {
  it('a consolidation where one workbook has no recognisable register', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'Pôle A.xlsx'));
    await writeWorkbook(path.join(dir, 'Budget 2025.xlsx'), 'Budget', NO_REGISTER_HEADER, [['011', 1000, 800]]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', 'Budget 2025.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toMatch(/Aucun registre reconnu dans « Budget 2025\.xlsx »/);
    expect(c.stderr()).not.toMatch(/« Pôle A\.xlsx »/);
    expect(c.stdout()).toBe('');
    expect(listFiles(dir)).toEqual(['Budget 2025.xlsx', 'Pôle A.xlsx']);
  });

  it('the workbook without a register may come first, and --json changes nothing', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'budget.xlsx'), 'Budget', NO_REGISTER_HEADER, [['011', 1000, 800]]);
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'budget.xlsx', 'a.xlsx', '--json', '--sortie', 'conso.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toMatch(/Aucun registre reconnu dans « budget\.xlsx »/);
    expect(c.stdout()).toBe('');
    expect(listFiles(dir)).toEqual(['a.xlsx', 'budget.xlsx']);
  });

  it('no workbook of a consolidation has a register: every file is named', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'x.xlsx'), 'Budget', NO_REGISTER_HEADER, [['011', 1000, 800]]);
    await writeWorkbook(path.join(dir, 'y.xlsx'), 'Notes', ['Date', 'Remarque'], [[d('2025-01-01'), 'rien']]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'x.xlsx', 'y.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toMatch(/Aucun registre reconnu/);
    expect(c.stderr()).toContain('« x.xlsx »');
    expect(c.stderr()).toContain('« y.xlsx »');
    expect(listFiles(dir)).toEqual(['x.xlsx', 'y.xlsx']);
  });

  it('an empty file is named with its reason', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'vide.xlsx'), '');
    const c = capture(dir);
    expect(await runCli(['calculer', 'vide.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain('Impossible de lire « vide.xlsx » : fichier vide');
    expect(listFiles(dir)).toEqual(['vide.xlsx']);
  });

  it('a folder given as a workbook', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'Pôles.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôles.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain('Impossible de lire « Pôles.xlsx » : ');
    expect(c.stderr()).toMatch(/dossier/);
  });

  it('an old output of the same name is left as it was when an input cannot be read', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    fs.writeFileSync(path.join(dir, 'b.xlsx'), 'pas un classeur');
    fs.writeFileSync(path.join(dir, 'sortie.xlsx'), 'ancienne sortie');
    const c = capture(dir);
    expect(await runCli(['calculer', 'a.xlsx', 'b.xlsx', '--sortie', 'sortie.xlsx'], c.io)).toBe(EXIT_INPUT);
    expect(fs.readFileSync(path.join(dir, 'sortie.xlsx'), 'utf8')).toBe('ancienne sortie');
    expect(listFiles(dir)).toEqual(['a.xlsx', 'b.xlsx', 'sortie.xlsx']);
  });
});

describe('the input is never overwritten', () => {
  it('a single run leaves the input byte for byte as it was', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'Pôle A.xlsx');
    await writeSmallRegister(input);
    const before = fs.readFileSync(input);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it('--sortie naming the second input of a consolidation is refused, every input untouched', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    await writeWorkbook(path.join(dir, 'b.xlsx'), 'Marchés', REGISTER_HEADER, [['B-1', 'Voirie', 5000, d('2025-06-01'), 'Non']]);
    const before = [fs.readFileSync(path.join(dir, 'a.xlsx')), fs.readFileSync(path.join(dir, 'b.xlsx'))];
    const c = capture(dir);
    expect(await runCli(['calculer', 'a.xlsx', 'b.xlsx', '--sortie', 'b.xlsx'], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toMatch(/classeur source n'est jamais modifié/);
    expect(fs.readFileSync(path.join(dir, 'a.xlsx')).equals(before[0])).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'b.xlsx')).equals(before[1])).toBe(true);
    expect(listFiles(dir)).toEqual(['a.xlsx', 'b.xlsx']);
  });

  it('--sortie spelled another way (absolute, with ..) is still the input', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sous dossier'));
    const input = path.join(dir, 'Pôle A.xlsx');
    await writeSmallRegister(input);
    const before = fs.readFileSync(input);
    const c = capture(path.join(dir, 'sous dossier'));
    expect(await runCli(['calculer', '../Pôle A.xlsx', '--sortie', path.join(dir, 'sous dossier', '..', 'Pôle A.xlsx')], c.io)).toBe(EXIT_USAGE);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(listFiles(dir)).toEqual(['Pôle A.xlsx', 'sous dossier']);
  });

  it('--sortie through a symbolic link to the input is refused', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'a.xlsx');
    await writeSmallRegister(input);
    fs.symlinkSync(input, path.join(dir, 'lien.xlsx'));
    const before = fs.readFileSync(input);
    const c = capture(dir);
    expect(await runCli(['calculer', 'a.xlsx', '--sortie', 'lien.xlsx'], c.io)).toBe(EXIT_USAGE);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.lstatSync(path.join(dir, 'lien.xlsx')).isSymbolicLink()).toBe(true);
  });

  it('a consolidation whose default output name is one of its inputs is refused', async () => {
    const dir = tempDir();
    // A previous consolidation given back as an input: the default output would replace it.
    await writeWorkbook(path.join(dir, 'Consolidation SPASER 2025.xlsx'), 'Suivi', REGISTER_HEADER, [['C-1', 'Voirie', 5000, d('2025-06-01'), 'Non']]);
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    const input = path.join(dir, 'Consolidation SPASER 2025.xlsx');
    const before = fs.readFileSync(input);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Consolidation SPASER 2025.xlsx', 'a.xlsx'], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toMatch(/classeur source n'est jamais modifié/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(listFiles(dir)).toEqual(['Consolidation SPASER 2025.xlsx', 'a.xlsx']);
  });
});

describe('paths with spaces and accents', () => {
  it('a consolidation of files in a folder with spaces and accents, written where asked', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'Marchés publics', 'Pôles été 2025');
    fs.mkdirSync(folder, { recursive: true });
    await writeSmallRegister(path.join(folder, 'Pôle Éducation & Sports.xlsx'));
    await writeWorkbook(path.join(folder, 'Pôle Cadre de vie.xlsx'), 'Marchés', REGISTER_HEADER, [['CV-1', 'Voirie', 5000, d('2025-06-01'), 'Non']]);
    const c = capture(dir);
    const argv = [
      'calculer',
      'Marchés publics/Pôles été 2025/Pôle Éducation & Sports.xlsx',
      'Marchés publics/Pôles été 2025/Pôle Cadre de vie.xlsx',
      '--sortie',
      'Marchés publics/Résultat consolidé.xlsx',
      '--json',
    ];
    expect(await runCli(argv, c.io)).toBe(EXIT_OK);
    const result = JSON.parse(c.stdout()) as SpaserResult;
    expect(result.lignes.lues).toBe(4);
    expect(listFiles(path.join(dir, 'Marchés publics'))).toEqual(['Pôles été 2025', 'Résultat consolidé.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'Marchés publics', 'Résultat consolidé.xlsx'));
    expect(wb.getWorksheet('SPASER Registre')).toBeDefined();
  });
});

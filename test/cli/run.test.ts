import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { defaultConsolidationOutput, defaultSingleOutput, EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, runCli } from '../../src/cli/run';
import { CATALOGUE } from '../../src/domain/indicators/catalogue';
import type { SpaserResult } from '../../src/domain/model';
import { capture, d, listFiles, tempDir, writeSmallRegister, writeWorkbook } from './helpers';

describe('usage errors → exit 1, French usage on stderr, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['no arguments', [], /Aucune commande/],
    ['unknown command', ['calcule', 'a.xlsx'], /Commande inconnue : « calcule »/],
    ['unknown option', ['calculer', 'a.xlsx', '--verbeux'], /Option inconnue : « --verbeux »/],
    ['no file', ['calculer', '--json'], /Aucun classeur indiqué/],
    ['bad exercice', ['calculer', 'a.xlsx', '--exercice', '25'], /Exercice invalide : « 25 »/],
    ['missing exercice value', ['calculer', 'a.xlsx', '--exercice'], /--exercice attend une année/],
    ['sortie not xlsx', ['calculer', 'a.xlsx', '--sortie', 'x.csv'], /extension \.xlsx/],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const dir = tempDir();
    const c = capture(dir);
    expect(await runCli(argv, c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toMatch(message);
    expect(c.stderr()).toContain('Usage : npm run --silent spaser -- calculer');
    expect(c.stdout()).toBe('');
    expect(listFiles(dir)).toEqual([]);
  });

  it('--aide prints the French usage on stdout and exits 0', async () => {
    const c = capture(tempDir());
    expect(await runCli(['--aide'], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).toContain('Usage : npm run --silent spaser -- calculer <classeur.xlsx>');
    expect(c.stdout()).toContain('--exercice AAAA');
    const h = capture(tempDir());
    expect(await runCli(['calculer', '-h'], h.io)).toBe(EXIT_OK);
    expect(h.stdout()).toContain('Options :');
  });

  it('refuses --sortie equal to an input and leaves the input untouched', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'Pôle A.xlsx');
    await writeSmallRegister(input);
    const before = fs.readFileSync(input);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', '--sortie', './Pôle A.xlsx'], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toMatch(/classeur source n'est jamais modifié/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(listFiles(dir)).toEqual(['Pôle A.xlsx']);
  });

  it('refuses two inputs with the same file name (their source and Pôle), in any folder or case', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '2024'));
    await writeSmallRegister(path.join(dir, 'Pôle A.xlsx'));
    await writeSmallRegister(path.join(dir, '2024', 'pôle a.xlsx'));
    // The same name with a decomposed « ô », as macOS writes file names.
    await writeSmallRegister(path.join(dir, '2024', 'Pôle A.xlsx'.normalize('NFD')));
    for (const second of ['2024/pôle a.xlsx', `2024/${'Pôle A.xlsx'.normalize('NFD')}`]) {
      const c = capture(dir);
      expect(await runCli(['calculer', 'Pôle A.xlsx', second], c.io)).toBe(EXIT_USAGE);
      expect(c.stderr().normalize('NFC')).toMatch(/deux classeurs portent le même nom « (Pôle A|pôle a)\.xlsx » : renommez l'un d'eux/);
      expect(c.stdout()).toBe('');
    }
    expect(listFiles(dir).filter((f) => f.endsWith('.xlsx'))).toEqual(['Pôle A.xlsx']);
  });

  it('says that the very same file is given twice, and to take it off the command once (not to rename it)', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'Pôle A.xlsx'));
    for (const [second, named] of [['Pôle A.xlsx', ''], ['./Pôle A.xlsx', ' (« Pôle A.xlsx » et « ./Pôle A.xlsx »)']]) {
      const c = capture(dir);
      expect(await runCli(['calculer', 'Pôle A.xlsx', second, '--sortie', 'Conso.xlsx'], c.io)).toBe(EXIT_USAGE);
      expect(c.stderr()).toContain(`Erreur : le classeur « Pôle A.xlsx » est donné deux fois${named} : retirez-le une fois de la ligne de commande`);
      expect(c.stderr()).not.toMatch(/renommez/);
      expect(c.stdout()).toBe('');
    }
    expect(listFiles(dir)).toEqual(['Pôle A.xlsx']);
  });
});

describe('an unreadable saved state', () => {
  it('is told on stderr, and the run goes on (exit 0)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Pôle A.xlsx');
    await writeSmallRegister(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const etat = wb.addWorksheet('SPASER État');
    etat.getCell('A1').value = '{"version": 1, "mappi';
    await wb.xlsx.writeFile(file);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    expect(c.stderr()).toMatch(/Attention : La feuille « SPASER État » du classeur « Pôle A\.xlsx » est illisible/);
    // stdout keeps only the JSON.
    expect(() => JSON.parse(c.stdout())).not.toThrow();
  });
});

describe('unreadable inputs → exit 2, the file named, no output left behind', () => {
  async function expectUnreadable(dir: string, argv: string[], file: string, reason: RegExp): Promise<void> {
    const before = listFiles(dir);
    const c = capture(dir);
    expect(await runCli(argv, c.io)).toBe(EXIT_INPUT);
    expect(c.stderr()).toContain(`« ${file} »`);
    expect(c.stderr()).toMatch(reason);
    expect(c.stdout()).toBe('');
    expect(listFiles(dir)).toEqual(before);
  }

  it('missing file', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'ok.xlsx'));
    await expectUnreadable(dir, ['calculer', 'ok.xlsx', 'absent.xlsx'], 'absent.xlsx', /introuvable/);
  });

  it('a text file renamed .xlsx', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'Ceci est un simple texte, pas un classeur.\n');
    await expectUnreadable(dir, ['calculer', 'notes.xlsx'], 'notes.xlsx', /pas un classeur/);
  });

  it('a truncated zip', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'full.xlsx'));
    const bytes = fs.readFileSync(path.join(dir, 'full.xlsx'));
    fs.writeFileSync(path.join(dir, 'coupé.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    fs.unlinkSync(path.join(dir, 'full.xlsx'));
    await expectUnreadable(dir, ['calculer', 'coupé.xlsx'], 'coupé.xlsx', /endommagée|incomplet/);
  });

  it('an OLE container (password-protected workbook or old .xls)', async () => {
    const dir = tempDir();
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1024);
    fs.writeFileSync(path.join(dir, 'protégé.xlsx'), ole);
    await expectUnreadable(dir, ['calculer', 'protégé.xlsx'], 'protégé.xlsx', /mot de passe/);
  });

  it('a workbook without any register', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'budget.xlsx'), 'Budget', ['Chapitre', 'Crédits', 'Réalisé'], [['011', 1000, 800]]);
    await expectUnreadable(dir, ['calculer', 'budget.xlsx', '--sortie', 'résultat.xlsx'], 'budget.xlsx', /Aucun registre reconnu/);
  });

  it('a consolidation where one file is unreadable writes nothing', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    fs.writeFileSync(path.join(dir, 'b.xlsx'), 'pas un zip');
    await expectUnreadable(dir, ['calculer', 'a.xlsx', 'b.xlsx', '--exercice', '2025'], 'b.xlsx', /pas un classeur/);
  });
});

describe('a run', () => {
  it('--json: stdout is one JSON document with every catalogue id in order', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'Pôle A.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    const result = JSON.parse(c.stdout()) as SpaserResult;
    expect(result.indicateurs.map((i) => i.id)).toEqual(CATALOGUE.map((def) => def.id));
    expect(result.exercice).toBe(2025);
    expect(result.lignes.lues).toBe(3);
    // 1 contract of 3 has a clause sociale.
    const sociale = result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale');
    expect(sociale?.valeur).toBeCloseTo(100 / 3, 10);
    expect(c.stderr()).toContain('Classeur écrit :');
  });

  it('writes "<name> - SPASER.xlsx" beside the input by default, with the user sheet and the SPASER sheets', async () => {
    const dir = tempDir();
    const sub = path.join(dir, 'pôles');
    fs.mkdirSync(sub);
    await writeSmallRegister(path.join(sub, 'Pôle A.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'pôles/Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
    const out = path.join(sub, 'Pôle A - SPASER.xlsx');
    expect(listFiles(sub)).toEqual(['Pôle A - SPASER.xlsx', 'Pôle A.xlsx']);
    expect(listFiles(dir)).toEqual(['pôles']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Suivi 2025');
    expect(names).toEqual(expect.arrayContaining(['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']));
    expect(c.stdout()).toContain(`Classeur écrit : ${out}`);
  });

  it('consolidates several files into a new workbook holding only SPASER sheets, named after the exercice', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    await writeWorkbook(path.join(dir, 'b.xlsx'), 'Marchés', ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'], [
      ['2025-B1', 'Travaux de voirie', 50000, d('2025-06-01')],
      ['2024-B2', 'Espaces verts', 20000, d('2024-06-01')],
    ]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'a.xlsx', 'b.xlsx'], c.io)).toBe(EXIT_OK);
    expect(listFiles(dir)).toEqual(['Consolidation SPASER 2025.xlsx', 'a.xlsx', 'b.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'Consolidation SPASER 2025.xlsx'));
    expect(wb.worksheets.length).toBeGreaterThan(0);
    expect(wb.worksheets.every((w) => w.name.startsWith('SPASER '))).toBe(true);
  });

  it('--exercice chooses the year and --sortie the file', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'b.xlsx'), 'Marchés', ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'], [
      ['2025-B1', 'Travaux de voirie', 50000, d('2025-06-01')],
      ['2025-B3', 'Voirie', 10000, d('2025-07-01')],
      ['2024-B2', 'Espaces verts', 20000, d('2024-06-01')],
    ]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'b.xlsx', '--exercice=2024', '--sortie', 'sorties.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    const result = JSON.parse(c.stdout()) as SpaserResult;
    expect(result.exercice).toBe(2024);
    expect(result.lignes.exercice).toBe(1);
    expect(listFiles(dir)).toEqual(['b.xlsx', 'sorties.xlsx']);
  });

  it('prints a French summary: rows, indicators with French numbers, controls by code, output', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'Pôle A.xlsx'), 'Suivi', ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'], [
      ['2025-001', 'Nettoyage', 12345, d('2025-02-01'), 'Oui'],
      ['2025-002', 'Fournitures', 1000, d('2025-03-01'), 'Non'],
      ['2025-002', 'Fournitures bis', 500, d('2025-04-01'), 'Non'],
      [null, 'Sans numéro', 700, d('2025-05-01'), 'Non'],
    ]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
    const out = c.stdout();
    expect(out).toContain('Registre SPASER — exercice 2025');
    // 4 rows read, 2 valid rows of 2025 (the duplicate and the row without numero are errors).
    expect(out).toContain("Lignes : 4 lues, dont 2 en erreur (tous exercices) ; 2 de l'exercice sans erreur, dont 0 avec avertissement");
    expect(out).toContain('Axe 4 — transformation sociale');
    expect(out).toMatch(/4\.1\.2-consideration-sociale {2}Pourcentage des marchés avec une considération sociale : 50,0 %/);
    // Σ dep of AR rows = 12 345 €.
    expect(out).toMatch(/1\.1\.2-montant-ar {2}.* : 12 345,00 €/);
    expect(out).toMatch(/2\.1\.1-programmes-nb {2}.* : non calculable : \S.*/);
    expect(out).toMatch(/Contrôles \(constats sur toutes les lignes lues\) : 2 erreurs/);
    expect(out).toMatch(/Erreurs : (Marché en double \(doublon\) 1, N° de marché manquant \(numero-manquant\) 1|N° de marché manquant \(numero-manquant\) 1, Marché en double \(doublon\) 1)/);
    expect(out).toContain(`Classeur écrit : ${path.join(dir, 'Pôle A - SPASER.xlsx')}`);
    expect(c.stderr()).not.toContain('Registre SPASER');
  });

  it('an output that cannot be written → exit 3, French message, no stray file', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'a.xlsx', '--sortie', 'absent/sortie.xlsx'], c.io)).toBe(EXIT_OUTPUT);
    expect(c.stderr()).toMatch(/Impossible d'écrire « .*sortie\.xlsx »/);
    expect(c.stdout()).toBe('');
    expect(listFiles(dir)).toEqual(['a.xlsx']);
  });

  it('default output names', () => {
    expect(defaultSingleOutput(path.join('/x', 'Pôle A.xlsx'))).toBe(path.join('/x', 'Pôle A - SPASER.xlsx'));
    expect(defaultConsolidationOutput('/y', 2025)).toBe(path.join('/y', 'Consolidation SPASER 2025.xlsx'));
  });
});

/**
 * `--en-tete FEUILLE:LIGNE[-LIGNE]`: where a sheet's header is, as the pane's « Ligne d'en-tête » says
 * (README « En ligne de commande »): a sub-header alone under its label is read as a contract in error
 * until the header is said on two rows.
 */
import * as path from 'node:path';
import { parseArgs, parseHeaderPlace } from '../../src/cli/args';
import { EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/run';
import { capture, d, listFiles, tempDir, writeWorkbook } from './helpers';

const HEAD = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Nature'];
/** Row 2: « Fournisseur » under « Titulaire » alone; then two contracts (DECP natures). */
const ROWS = [
  [null, null, null, null, 'Fournisseur', null],
  ['M-1', 'Nettoyage', 1000, d('2025-02-01'), 'Net Plus', 'Marché'],
  ['M-2', 'Papier', 3000, d('2025-03-01'), 'Bureau Sud', 'Marché'],
];

function json(stdout: string): { lignes: { lues: number; erreurs: number } } {
  return JSON.parse(stdout);
}

describe('--en-tete (arguments)', () => {
  const run = (...a: string[]) => parseArgs(['calculer', 'a.xlsx', ...a]);

  it('reads a sheet and one row, or two rows that follow; the last said for a sheet wins', () => {
    expect(parseHeaderPlace('Suivi:2')).toEqual({ sheet: 'Suivi', headerRow: 2, headerRows: 1 });
    expect(parseHeaderPlace('Suivi 2025 : 2 - 3')).toEqual({ sheet: 'Suivi 2025', headerRow: 2, headerRows: 2 });
    const parsed = run('--en-tete', 'Suivi:2', '--en-tete=Autre:4-5', '--en-tete', 'SUIVI:3-4');
    expect(parsed.kind === 'run' && parsed.args.headerPlaces).toEqual([
      { sheet: 'Autre', headerRow: 4, headerRows: 2 },
      { sheet: 'SUIVI', headerRow: 3, headerRows: 2 },
    ]);
    const none = run();
    expect(none.kind === 'run' && none.args.headerPlaces).toEqual([]);
  });

  it.each(['Suivi', ':2', 'Suivi:', 'Suivi:0', 'Suivi:deux', 'Suivi:2-'])('refuses « %s » in French, with an example', (text) => {
    expect(run('--en-tete', text)).toEqual({ kind: 'error', message: expect.stringContaining("L'option --en-tete attend la feuille et sa ligne d'en-tête, par exemple") });
  });

  it('refuses two rows that do not follow, and a missing value', () => {
    expect(run('--en-tete', 'Suivi:2-4')).toEqual({ kind: 'error', message: expect.stringContaining('Un en-tête tient sur une ligne ou sur deux lignes qui se suivent') });
    expect(run('--en-tete')).toEqual({ kind: 'error', message: expect.stringContaining("L'option --en-tete attend la feuille") });
  });
});

describe('--en-tete (run)', () => {
  it('without it, the sub-header is a contract in error; with it, no error, and the choice is saved in the result', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'suivi.xlsx'), 'Suivi', HEAD.slice(0, 5), ROWS.map((r) => r.slice(0, 5)));
    const before = capture(dir);
    expect(await runCli(['calculer', 'suivi.xlsx', '--json', '--sortie', 'avant.xlsx'], before.io)).toBe(EXIT_OK);
    expect(json(before.stdout()).lignes).toMatchObject({ lues: 3, erreurs: 1 });

    const c = capture(dir);
    expect(await runCli(['calculer', 'suivi.xlsx', '--en-tete', 'suivi:1-2', '--json', '--sortie', 'resultat.xlsx'], c.io)).toBe(EXIT_OK);
    expect(json(c.stdout()).lignes).toMatchObject({ lues: 2, erreurs: 0 });
    // The next week, without the option: the choice saved in the result applies.
    const again = capture(dir);
    expect(await runCli(['calculer', 'resultat.xlsx', '--json', '--sortie', 'semaine-2.xlsx'], again.io)).toBe(EXIT_OK);
    expect(json(again.stdout()).lignes).toMatchObject({ lues: 2, erreurs: 0 });
  });

  it('with --sans-champ on the same sheet, both apply', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'decp.xlsx'), 'Suivi', HEAD, ROWS);
    const c = capture(dir);
    expect(await runCli(['calculer', 'decp.xlsx', '--en-tete', 'Suivi:1-2', '--sans-champ', 'nature', '--json', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_OK);
    expect(json(c.stdout()).lignes).toMatchObject({ lues: 2, erreurs: 0 });
    const again = capture(dir);
    expect(await runCli(['calculer', 'r.xlsx', '--json', '--sortie', 'r2.xlsx'], again.io)).toBe(EXIT_OK);
    expect(json(again.stdout()).lignes).toMatchObject({ lues: 2, erreurs: 0 });
  });

  it("the sheet's saved column choices stay beside the place given", async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'decp.xlsx'), 'Suivi', HEAD, ROWS);
    // The nature set aside, saved in the result; the sub-header still a contract in error.
    const first = capture(dir);
    expect(await runCli(['calculer', 'decp.xlsx', '--sans-champ', 'nature', '--json', '--sortie', 'r.xlsx'], first.io)).toBe(EXIT_OK);
    expect(json(first.stdout()).lignes).toMatchObject({ lues: 3, erreurs: 1 });
    const c = capture(dir);
    expect(await runCli(['calculer', 'r.xlsx', '--en-tete', 'Suivi:1-2', '--json', '--sortie', 'r2.xlsx'], c.io)).toBe(EXIT_OK);
    expect(json(c.stdout()).lignes).toMatchObject({ lues: 2, erreurs: 0 });
  });

  it("in a consolidation, each workbook's sheet keeps its own saved choices", async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'Pôle A.xlsx'), 'Suivi', HEAD, ROWS);
    const first = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', '--sans-champ', 'nature', '--sortie', 'A.xlsx'], first.io)).toBe(EXIT_OK);
    await writeWorkbook(path.join(dir, 'Pôle B.xlsx'), 'Suivi', HEAD.slice(0, 5), [ROWS[0].slice(0, 5), ['M-3', 'Voirie', 6000, d('2025-04-01'), 'Routes 59']]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'A.xlsx', 'Pôle B.xlsx', '--en-tete', 'Suivi:1-2', '--json'], c.io)).toBe(EXIT_OK);
    expect(json(c.stdout()).lignes).toMatchObject({ lues: 3, erreurs: 0 });
  });

  it('a sheet no workbook holds is a usage error; nothing is written', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'suivi.xlsx'), 'Suivi', HEAD.slice(0, 5), ROWS.map((r) => r.slice(0, 5)));
    const c = capture(dir);
    expect(await runCli(['calculer', 'suivi.xlsx', '--en-tete', 'Marchés:1-2', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain('Erreur : --en-tete : aucune feuille « Marchés » dans le classeur.');
    expect(listFiles(dir)).toEqual(['suivi.xlsx']);
  });

  it('a place the run cannot take (the row below is a complete contract) is said; nothing is written', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'suivi.xlsx'), 'Suivi', HEAD.slice(0, 5), ROWS.slice(1).map((r) => r.slice(0, 5)));
    const c = capture(dir);
    expect(await runCli(['calculer', 'suivi.xlsx', '--en-tete', 'Suivi:1-2', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain("Erreur : --en-tete : la feuille « Suivi » ne se lit pas avec l'en-tête sur les lignes 1 et 2");
    expect(listFiles(dir)).toEqual(['suivi.xlsx']);
  });

  it('a place that leaves no register is said as such, not as a workbook without register', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'suivi.xlsx'), 'Suivi', HEAD.slice(0, 5), ROWS.map((r) => r.slice(0, 5)));
    const c = capture(dir);
    expect(await runCli(['calculer', 'suivi.xlsx', '--en-tete', 'Suivi:3'], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain("la feuille « Suivi » ne se lit pas avec l'en-tête sur la ligne 3");
  });
});

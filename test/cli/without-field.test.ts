/**
 * `--sans-champ`: a field read from no column, as the pane's « — aucune colonne — » does
 * (README « En ligne de commande »): a DECP export's `nature` column (Marché, Accord-cadre…)
 * otherwise puts every row in error.
 */
import * as path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { EXIT_OK, EXIT_USAGE, runCli } from '../../src/cli/run';
import { capture, d, tempDir, writeWorkbook } from './helpers';

const HEAD = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Nature', 'Clause sociale'];
// Nature as a DECP export writes it: not Travaux, Fournitures or Services.
const ROWS = [
  ['M-1', 'Nettoyage', 1000, d('2025-02-01'), 'Marché', 'oui'],
  ['M-2', 'Papier', 3000, d('2025-03-01'), 'Accord-cadre', 'non'],
  ['M-3', 'Voirie', 6000, d('2025-04-01'), 'Marché subséquent', 'non'],
  ['M-4', 'Éclairage', 2000, d('2025-05-01'), 'Marché', 'oui'],
];

function json(stdout: string): { lignes: { lues: number; erreurs: number }; indicateurs: { id: string; valeur: number | null }[] } {
  return JSON.parse(stdout);
}
const clauseShare = (out: ReturnType<typeof json>) => out.indicateurs.find((i) => i.id === '4.2.2-clause-sociale-part')?.valeur;

describe('--sans-champ (arguments)', () => {
  const run = (...a: string[]) => parseArgs(['calculer', 'a.xlsx', ...a]);

  it('takes a field id or its French label, case and accents aside, once each', () => {
    const parsed = run('--sans-champ', 'nature', '--sans-champ=Nature', '--sans-champ', 'CODE CPV');
    expect(parsed.kind === 'run' && parsed.args.withoutFields).toEqual(['nature', 'codeCPV']);
    const none = run();
    expect(none.kind === 'run' && none.args.withoutFields).toEqual([]);
  });

  it('refuses an unknown field, a missing value and a required field, in French', () => {
    expect(run('--sans-champ', 'couleur')).toEqual({ kind: 'error', message: expect.stringContaining('Champ inconnu pour --sans-champ : « couleur »') });
    expect(run('--sans-champ')).toEqual({ kind: 'error', message: expect.stringContaining("L'option --sans-champ attend un champ") });
    expect(run('--sans-champ', 'montant')).toEqual({ kind: 'error', message: expect.stringContaining('est obligatoire') });
    expect(run('--sans-champ', 'Date de notification')).toEqual({ kind: 'error', message: expect.stringContaining('est obligatoire') });
  });
});

describe('--sans-champ (run)', () => {
  it('without the option, every row is in error and the notice names the option', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'decp.xlsx'), 'decp', HEAD, ROWS);
    const c = capture(dir);
    expect(await runCli(['calculer', 'decp.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    expect(json(c.stdout()).lignes.erreurs).toBe(4);
    expect(c.stderr()).toContain('ajoutez --sans-champ nature à la ligne de commande');
  });

  it('with it, the rows count; the choice is saved in the result and applies when it is run again', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'decp.xlsx'), 'decp', HEAD, ROWS);
    const c = capture(dir);
    expect(await runCli(['calculer', 'decp.xlsx', '--sans-champ', 'nature', '--json', '--sortie', 'resultat.xlsx'], c.io)).toBe(EXIT_OK);
    const first = json(c.stdout());
    expect(first.lignes.erreurs).toBe(0);
    // Clause sociale on M-1 and M-4 of the four 2025 contracts.
    expect(clauseShare(first)).toBeCloseTo(50, 9);
    expect(c.stderr()).not.toContain('sont illisibles');

    // The result, run again without the option (the next week), keeps the choice.
    const again = capture(dir);
    expect(await runCli(['calculer', 'resultat.xlsx', '--json', '--sortie', 'semaine-2.xlsx'], again.io)).toBe(EXIT_OK);
    expect(json(again.stdout()).lignes.erreurs).toBe(0);
    expect(clauseShare(json(again.stdout()))).toBeCloseTo(50, 9);
  });

  it('in a consolidation, applies to the register sheets of every file', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'Pôle A.xlsx'), 'decp', HEAD, ROWS.slice(0, 2));
    await writeWorkbook(path.join(dir, 'Pôle B.xlsx'), 'Suivi', HEAD, ROWS.slice(2));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', 'Pôle B.xlsx', '--sans-champ', 'nature', '--json'], c.io)).toBe(EXIT_OK);
    const out = json(c.stdout());
    expect(out.lignes).toMatchObject({ lues: 4, erreurs: 0 });
    expect(clauseShare(out)).toBeCloseTo(50, 9);
  });

  it('removes the column whatever its header (the choice names the column, as the pane does)', async () => {
    const dir = tempDir();
    // `Nature des prestations` is a synonym of Nature: its header is not the field's id.
    await writeWorkbook(path.join(dir, 'suivi.xlsx'), 'Suivi', ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Nature des prestations', 'Clause sociale'], ROWS);
    const c = capture(dir);
    expect(await runCli(['calculer', 'suivi.xlsx', '--sans-champ', 'nature', '--json', '--sortie', 'resultat.xlsx'], c.io)).toBe(EXIT_OK);
    expect(json(c.stdout()).lignes.erreurs).toBe(0);
    expect(c.stderr()).not.toContain('sont illisibles');
    const again = capture(dir);
    expect(await runCli(['calculer', 'resultat.xlsx', '--json', '--sortie', 'semaine-2.xlsx'], again.io)).toBe(EXIT_OK);
    expect(json(again.stdout()).lignes.erreurs).toBe(0);
  });

  it('a field no sheet reads changes nothing', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'decp.xlsx'), 'decp', HEAD, ROWS);
    const c = capture(dir);
    expect(await runCli(['calculer', 'decp.xlsx', '--sans-champ', 'codeCPV', '--json'], c.io)).toBe(EXIT_OK);
    expect(json(c.stdout()).lignes.erreurs).toBe(4);
  });

  // Each step of the chain opens one line on stderr (non-TTY), whether a second pass runs or not.
  const STEPS = ['Lecture du classeur…', 'Reconnaissance des colonnes', 'Contrôle des lignes', 'Calcul des indicateurs', 'Écriture du classeur…'];
  const opened = (stderr: string, step: string) => stderr.split('\n').filter((line) => line.startsWith(step)).length;

  it('shows every step of the chain once, when no sheet reads the field', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'decp.xlsx'), 'decp', HEAD, ROWS);
    const c = capture(dir);
    expect(await runCli(['calculer', 'decp.xlsx', '--sans-champ', 'codeCPV', '--json', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_OK);
    expect(STEPS.map((step) => opened(c.stderr(), step))).toEqual([1, 1, 1, 1, 1]);
  });

  it('shows every step of the chain once, when a sheet is computed again without the field', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'decp.xlsx'), 'decp', HEAD, ROWS);
    const c = capture(dir);
    expect(await runCli(['calculer', 'decp.xlsx', '--sans-champ', 'nature', '--json', '--sortie', 'r.xlsx'], c.io)).toBe(EXIT_OK);
    expect(json(c.stdout()).lignes.erreurs).toBe(0);
    expect(STEPS.map((step) => opened(c.stderr(), step))).toEqual([1, 1, 1, 1, 1]);
  });

  it('a usage error exits 1 before reading anything', async () => {
    const c = capture(tempDir());
    expect(await runCli(['calculer', 'absent.xlsx', '--sans-champ', 'objet'], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain('est obligatoire');
  });
});

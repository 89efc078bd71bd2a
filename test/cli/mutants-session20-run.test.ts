/**
 * Mutation audit, session 20 (`run.ts`): what a run of `calculer` must do, pinned where no test did.
 * - A log (not a terminal) shows each step opening before it works (README « En ligne de
 *   commande » : « chaque étape s'ouvre sur ce qu'elle va parcourir »): the reading step is
 *   there before an unreadable input's message, the writing step before a write failure.
 * - A write failure is said once, naming the file and the cause.
 * - A consolidation without any readable date is still written under a French default name.
 * - `--sans-champ` keeps the sheet's other saved column choices and its header row (README :
 *   « Le choix est gardé dans le `SPASER État` du classeur écrit …, avec les autres choix de
 *   colonnes de la feuille »), each file's own in a consolidation, and there applies to each
 *   file's sheet by its own header (« ce champ n'est lu dans aucune colonne des feuilles registre »).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, runCli } from '../../src/cli/run';
import type { MappingOverride } from '../../src/domain/model';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import type { SavedState } from '../../src/domain/state';
import { serializeState } from '../../src/domain/state-sheet';
import { readXlsxFile } from '../../src/workbook/xlsx/node-files';
import { capture, d, listFiles, REGISTER_HEADER, type Row, tempDir, writeSmallRegister, writeWorkbook } from './helpers';

const stderrLines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('a log shows each step opening before it works', () => {
  it('the reading step, before the message of an unreadable input', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'a.xlsx', 'absent.xlsx'], c.io)).toBe(EXIT_INPUT);
    const lines = stderrLines(c.stderr());
    expect(lines[0]).toBe('Lecture des classeurs (2 classeurs)…');
    expect(lines.at(-1)).toMatch(/^Impossible de lire « absent\.xlsx » : /);
  });

  it('the writing step, before the message of a write failure, said once', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'a.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'a.xlsx', '--sortie', 'absent/sortie.xlsx'], c.io)).toBe(EXIT_OUTPUT);
    const lines = stderrLines(c.stderr());
    const writing = lines.indexOf('Écriture du classeur…');
    const failure = lines.findIndex((l) => l.startsWith("Impossible d'écrire « "));
    expect(writing).toBeGreaterThanOrEqual(0);
    expect(failure).toBe(lines.length - 1);
    expect(writing).toBeLessThan(failure);
    // Said once: the file and the cause, not the same words twice.
    expect(c.stderr().match(/Impossible/g)).toHaveLength(1);
    expect(lines[failure]).toContain(path.join(dir, 'absent', 'sortie.xlsx'));
    expect(lines[failure]).toMatch(/dossier introuvable/);
    expect(listFiles(dir)).toEqual(['a.xlsx']);
  });
});

it('a consolidation without any readable date is written under a French name, never « null »', async () => {
  const dir = tempDir();
  await writeWorkbook(path.join(dir, 'a.xlsx'), 'Suivi', REGISTER_HEADER, []);
  await writeWorkbook(path.join(dir, 'b.xlsx'), 'Suivi', REGISTER_HEADER, []);
  const c = capture(dir);
  expect(await runCli(['calculer', 'a.xlsx', 'b.xlsx', '--json'], c.io)).toBe(EXIT_OK);
  expect(JSON.parse(c.stdout()).exercice).toBeNull();
  const written = listFiles(dir).filter((f) => f !== 'a.xlsx' && f !== 'b.xlsx');
  expect(written).toHaveLength(1);
  expect(written[0]).toMatch(/^Consolidation SPASER \D+\.xlsx$/);
  expect(written[0]).not.toMatch(/null|undefined/);
});

describe('--sans-champ beside column choices saved in the workbook', () => {
  // « Clause sociale et environnementale » names two fields: the user chose Clause sociale in the pane.
  const AMBIGUOUS = 'Clause sociale et environnementale';
  const CHOICE = { [AMBIGUOUS]: 'clauseSociale' };

  async function write(file: string, natureHeader: string, rows: readonly Row[], saved: readonly MappingOverride[], sheet = 'Suivi'): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheet);
    ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', natureHeader, AMBIGUOUS]);
    for (const r of rows) ws.addRow(r);
    if (saved.length > 0) {
      const state: SavedState = { version: 1, mappings: saved, decisions: [] };
      const etat = wb.addWorksheet(SHEET_ETAT, { state: 'veryHidden' });
      serializeState(state).forEach((chunk, i) => (etat.getCell(i + 1, 1).value = chunk));
    }
    await wb.xlsx.writeFile(file);
  }

  /** The saved choices of the workbook written. */
  async function savedMappings(file: string): Promise<readonly MappingOverride[]> {
    return (await (await readXlsxFile(file)).readState())?.mappings ?? [];
  }

  it('one workbook: the saved choice and header row kept, still applied, saved with the removal', async () => {
    const dir = tempDir();
    await write(path.join(dir, 'suivi.xlsx'), 'Nature', [
      ['M-1', 'Nettoyage', 1000, d('2025-02-01'), 'Marché', 'Oui'],
      ['M-2', 'Papier', 3000, d('2025-03-01'), 'Accord-cadre', 'Non'],
    ], [{ sheet: 'Suivi', headerRow: 1, columns: CHOICE }]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'suivi.xlsx', '--sans-champ', 'nature', '--json', '--sortie', 'resultat.xlsx'], c.io)).toBe(EXIT_OK);
    // Nature read from no column: no row in error; the chosen column read, so not reported ambiguous.
    expect(JSON.parse(c.stdout()).lignes.erreurs).toBe(0);
    expect(c.stderr()).not.toContain('ambiguë');
    expect(await savedMappings(path.join(dir, 'resultat.xlsx'))).toEqual([{ sheet: 'Suivi', headerRow: 1, columns: { ...CHOICE, Nature: null } }]);
  });

  it('a sheet renamed in capitals since (« SUIVI »): the choices saved for « Suivi » kept, as the chain applies them (session 31)', async () => {
    const dir = tempDir();
    const rows: Row[] = [['M-1', 'Nettoyage', 1000, d('2025-02-01'), 'Marché', 'Oui']];
    await write(path.join(dir, 's.xlsx'), 'Nature', rows, [{ sheet: 'Suivi', columns: CHOICE }], 'SUIVI');
    const plain = capture(dir);
    expect(await runCli(['calculer', 's.xlsx', '--json', '--sortie', 'r0.xlsx'], plain.io)).toBe(EXIT_OK);
    expect(plain.stderr()).not.toContain('ambiguë');
    const c = capture(dir);
    expect(await runCli(['calculer', 's.xlsx', '--sans-champ', 'nature', '--json', '--sortie', 'r1.xlsx'], c.io)).toBe(EXIT_OK);
    expect(c.stderr()).not.toContain('ambiguë');
    const social = JSON.parse(c.stdout()).indicateurs.find((i: { id: string }) => i.id === '4.1.2-consideration-sociale');
    expect(social.valeur).toBe(100);
    // Saved under the saved choice's name: it replaces that choice instead of standing beside it.
    expect(await savedMappings(path.join(dir, 'r1.xlsx'))).toEqual([{ sheet: 'Suivi', columns: { ...CHOICE, Nature: null } }]);
  });

  it('a consolidation: each file its own sheet by its own header, each its own saved choices', async () => {
    const dir = tempDir();
    // Both sheets are named « Suivi »; the Nature column has a different header in each file.
    await write(path.join(dir, 'Pôle A.xlsx'), 'Nature', [['A-1', 'Nettoyage', 1000, d('2025-02-01'), 'Marché', 'Oui']], []);
    await write(path.join(dir, 'Pôle B.xlsx'), 'Nature des prestations', [['B-1', 'Papier', 3000, d('2025-03-01'), 'Accord-cadre', 'Non']], [
      { sheet: 'Suivi', columns: CHOICE },
    ]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', 'Pôle B.xlsx', '--sans-champ', 'nature', '--json', '--sortie', 'conso.xlsx'], c.io)).toBe(EXIT_OK);
    expect(JSON.parse(c.stdout()).lignes).toMatchObject({ lues: 2, erreurs: 0 });
    // Pôle A has no saved choice: its ambiguous column is reported, Pôle B's is read as chosen.
    expect(c.stderr()).toContain(`Colonnes de la feuille « Suivi » (Pôle A.xlsx) :\n  Colonne ambiguë, lue pour aucun champ : « ${AMBIGUOUS} »`);
    expect(c.stderr().match(/Colonne ambiguë/g)).toHaveLength(1);
    const saved = await savedMappings(path.join(dir, 'conso.xlsx'));
    expect(saved).toContainEqual({ file: 'Pôle A.xlsx', sheet: 'Suivi', columns: { Nature: null } });
    expect(saved).toContainEqual({ file: 'Pôle B.xlsx', sheet: 'Suivi', columns: { ...CHOICE, 'Nature des prestations': null } });
    expect(fs.existsSync(path.join(dir, 'conso.xlsx'))).toBe(true);
  });
});

/**
 * The columns a run leaves to the user (regles.md §1: an ambiguous header is « left for the user
 * to choose (reported as ambiguous) »; the CLI issue: « unmapped columns listed »): in the text
 * summary, and on stderr beside `--json` (stdout stays the object of sortie.md). The pane's
 * Colonnes step says the same (« Colonnes ambiguës », « Colonnes non utilisées »).
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { columnReport } from '../../src/cli/format';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { runChain } from '../../src/domain/chain';
import { readXlsxFile, writeXlsxFile } from '../../src/workbook/xlsx/node-files';
import { capture, d, REGISTER_HEADER, tempDir, writeSmallRegister, writeWorkbook } from './helpers';

// « Clause sociale et environnementale » names two fields equally well; « Zorglub » and
// « Visa du chef de service » name none.
const HEADER = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale et environnementale', 'Zorglub', 'Visa du chef de service'];
const ROWS = [
  ['2025-001', 'Nettoyage des locaux', 1000, d('2025-02-01'), 'Oui', 'x', 'ok'],
  ['2025-002', 'Fournitures de bureau', 3000, d('2025-03-01'), 'Non', '', ''],
];

const HEADING = 'Colonnes de la feuille « Suivi 2025 » :';
const AMBIGUOUS = '  Colonne ambiguë, lue pour aucun champ : « Clause sociale et environnementale » (colonne E : Clause environnementale ou Clause sociale)';
const UNUSED = '  Colonnes non utilisées : « Zorglub », « Visa du chef de service »';
const HINT =
  "Pour lire une colonne ambiguë : choisissez son champ à l'étape Colonnes du volet (le choix, enregistré dans le classeur avec les feuilles SPASER, vaut aussi pour la ligne de commande), ou renommez son en-tête.";

async function fixture(): Promise<string> {
  const dir = tempDir();
  await writeWorkbook(path.join(dir, 'Pôle A.xlsx'), 'Suivi 2025', HEADER, ROWS);
  return dir;
}

const lines = (text: string): string[] => text.split('\n');

describe('ambiguous and unused columns, text summary', () => {
  it('lists them under the sheet, in order, with the letter and the candidates, then how to choose', async () => {
    const dir = await fixture();
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
    const out = lines(c.stdout());
    const at = out.indexOf(HEADING);
    expect(at).toBeGreaterThan(0);
    expect(out.slice(at, at + 4)).toEqual([HEADING, AMBIGUOUS, UNUSED, HINT]);
    // Before the output's name, once: not also on stderr.
    expect(out.indexOf(HINT)).toBeLessThan(out.findIndex((l) => l.startsWith('Classeur écrit : ')));
    expect(c.stderr()).not.toContain('ambiguë');
    expect(c.stderr()).not.toContain('non utilisée');
  });

  it('an unused column alone: singular, and no word of choosing', async () => {
    const dir = tempDir();
    await writeWorkbook(path.join(dir, 'Pôle B.xlsx'), 'Suivi 2025', [...REGISTER_HEADER, 'Zorglub'], [['2025-001', 'Papier', 1000, d('2025-02-01'), 'Oui', 'x']]);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle B.xlsx'], c.io)).toBe(EXIT_OK);
    const out = lines(c.stdout());
    const at = out.indexOf(HEADING);
    expect(out.slice(at, at + 3)).toEqual([HEADING, '  Colonne non utilisée : « Zorglub »', '']);
    expect(c.stdout()).not.toContain('ambiguë');
  });

  it('a workbook whose columns are all recognised prints neither line', async () => {
    const dir = tempDir();
    await writeSmallRegister(path.join(dir, 'Pôle C.xlsx'));
    const text = capture(dir);
    expect(await runCli(['calculer', 'Pôle C.xlsx'], text.io)).toBe(EXIT_OK);
    const json = capture(dir);
    expect(await runCli(['calculer', 'Pôle C.xlsx', '--json', '--sortie', 'j.xlsx'], json.io)).toBe(EXIT_OK);
    for (const s of [text.stdout(), text.stderr(), json.stdout(), json.stderr()]) {
      expect(s).not.toContain('Colonnes de la feuille');
      expect(s).not.toContain('ambiguë');
      expect(s).not.toMatch(/non utilisées? :/);
    }
  });
});

describe('ambiguous and unused columns with --json', () => {
  it('go to stderr; stdout parses as the object of sortie.md, with its keys only', async () => {
    const dir = await fixture();
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', '--json'], c.io)).toBe(EXIT_OK);
    const result = JSON.parse(c.stdout()) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['controles', 'depense', 'exercice', 'indicateurs', 'lignes', 'suggestions']);
    expect(c.stdout()).not.toContain('Zorglub');
    expect(c.stdout()).not.toContain('ambiguë');
    const err = lines(c.stderr());
    const at = err.indexOf(HEADING);
    expect(err.slice(at, at + 5)).toEqual([HEADING, AMBIGUOUS, UNUSED, HINT, `Classeur écrit : ${path.join(dir, 'Pôle A - SPASER.xlsx')}`]);
  });
});

describe('every sheet read, with its file in a consolidation', () => {
  it('a companion sheet (Cibles) and a second file each get their own lines', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const reg = wb.addWorksheet('Suivi 2025');
    reg.addRow([...REGISTER_HEADER]);
    reg.addRow(['2025-001', 'Papier', 1000, d('2025-02-01'), 'Oui']);
    const cibles = wb.addWorksheet('Cibles');
    cibles.addRow(['Indicateur', 'Année', 'Cible', 'Sens', 'Zorglub']);
    cibles.addRow(['4.1.2-consideration-sociale', 2025, 30, '≥', 'x']);
    await wb.xlsx.writeFile(path.join(dir, 'Pôle A.xlsx'));
    await writeWorkbook(path.join(dir, 'Pôle B.xlsx'), 'Suivi 2025', HEADER, ROWS);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx', 'Pôle B.xlsx'], c.io)).toBe(EXIT_OK);
    const out = lines(c.stdout());
    const a = out.indexOf('Colonnes de la feuille « Cibles » (Pôle A.xlsx) :');
    expect(out.slice(a, a + 2)).toEqual(['Colonnes de la feuille « Cibles » (Pôle A.xlsx) :', '  Colonne non utilisée : « Zorglub »']);
    const b = out.indexOf('Colonnes de la feuille « Suivi 2025 » (Pôle B.xlsx) :');
    expect(out.slice(b + 1, b + 4)).toEqual([AMBIGUOUS, UNUSED, HINT]);
    // Pôle A's register has every column recognised.
    expect(out).not.toContain('Colonnes de la feuille « Suivi 2025 » (Pôle A.xlsx) :');
  });
});

describe('what the hint says works', () => {
  it('a choice saved in the workbook with the SPASER sheets (as the pane writes it) is read: the column is no longer reported', async () => {
    const dir = await fixture();
    // The pane's « Clause sociale » choice for the column, written with the SPASER sheets.
    const wb = await readXlsxFile(path.join(dir, 'Pôle A.xlsx'));
    const chain = runChain([{ file: 'Pôle A.xlsx', sheets: await wb.readSheets(), state: await wb.readState() }], {
      today: '2026-01-15',
      overrides: [{ sheet: 'Suivi 2025', columns: { 'Clause sociale et environnementale': 'clauseSociale' } }],
    });
    await wb.writePlan(chain.plan);
    await writeXlsxFile(wb, path.join(dir, 'Pôle A choisi.xlsx'));

    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A choisi.xlsx'], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).not.toContain('ambiguë');
    expect(lines(c.stdout())).toContain(UNUSED);
    // The column is read: one contract of two with a clause sociale.
    expect(c.stdout()).toMatch(/4\.1\.2-consideration-sociale {2}.* : 50,0 %/);
  });

  it('renaming the header also resolves it', async () => {
    const dir = tempDir();
    const renamed = HEADER.map((h) => (h === 'Clause sociale et environnementale' ? 'Clause sociale' : h));
    await writeWorkbook(path.join(dir, 'Pôle A.xlsx'), 'Suivi 2025', renamed, ROWS);
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).not.toContain('ambiguë');
    expect(lines(c.stdout())).toContain(UNUSED);
    expect(c.stdout()).toMatch(/4\.1\.2-consideration-sociale {2}.* : 50,0 %/);
  });
});

describe('columnReport', () => {
  const sheet = { file: 'a.xlsx', sheet: 'S', kind: 'registre' as const, ambiguous: [], unmapped: [] };

  it('names the candidates by their French labels, in the kind of the sheet', () => {
    const out = columnReport(
      [
        { ...sheet, ambiguous: [{ col: 28, header: 'Montant', fields: ['montant', 'montantMandate'] }] },
        { ...sheet, sheet: 'Insertion', kind: 'suiviInsertion', unmapped: [{ col: 2, header: 'B' }] },
      ],
      false,
    );
    expect(out).toEqual([
      'Colonnes de la feuille « S » :',
      '  Colonne ambiguë, lue pour aucun champ : « Montant » (colonne AB : Montant notifié HT (€) ou Dépenses mandatées HT (€))',
      'Colonnes de la feuille « Insertion » :',
      '  Colonne non utilisée : « B »',
      HINT,
    ]);
  });

  it('is empty when no sheet has anything to say', () => {
    expect(columnReport([sheet, { ...sheet, sheet: 'T' }], true)).toEqual([]);
  });
});

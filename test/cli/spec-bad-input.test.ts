/**
 * Audit "bad input" — the command line handed odd files and odd workbooks: a
 * bad file gets a French message naming it and saying what to do, never a
 * crash, an English message or a half-written output; odd but readable
 * workbooks run to the end (exit 0) with French findings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_INPUT, EXIT_OK, runCli } from '../../src/cli/run';
import type { SpaserResult } from '../../src/domain/model';
import { capture, d, listFiles, REGISTER_HEADER, type Row, tempDir } from './helpers';
import { sheetLinks } from '../helpers/sheet-links';

async function writeSheets(file: string, sheets: Record<string, readonly Row[]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

async function run(dir: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture(dir);
  const code = await runCli(argv, c.io);
  return { code, out: c.stdout(), err: c.stderr() };
}

/** The last line of stderr: the message (the lines above are progress). */
function lastLine(err: string): string {
  const lines = err.trimEnd().split('\n');
  return lines[lines.length - 1];
}

const indicator = (r: SpaserResult, id: string) => r.indicateurs.find((i) => i.id === id)!;

describe('files that are not workbooks the product reads: exit 2, the file named, nothing written', () => {
  it('an OpenDocument spreadsheet (.ods): named, French, no output', async () => {
    const dir = tempDir();
    // An .ods is a zip whose first entry is `mimetype`; no `xl/workbook.xml` in it.
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    zip.file('content.xml', '<office:document-content/>');
    fs.writeFileSync(path.join(dir, 'suivi.ods'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await run(dir, ['calculer', 'suivi.ods']);
    expect(r.code).toBe(EXIT_INPUT);
    expect(lastLine(r.err)).toBe(
      'Impossible de lire « suivi.ods » : classeur OpenDocument (.ods) : ouvrez-le dans LibreOffice Calc ou Excel et enregistrez-le au format « Classeur Excel (.xlsx) », puis réessayez.',
    );
    expect(r.out).toBe('');
    expect(listFiles(dir)).toEqual(['suivi.ods']);
  });

  it('a workbook whose sheets are all empty: the file and the four required columns named', async () => {
    const dir = tempDir();
    await writeSheets(path.join(dir, 'vide.xlsx'), { Feuil1: [], Feuil2: [] });
    const r = await run(dir, ['calculer', 'vide.xlsx']);
    expect(r.code).toBe(EXIT_INPUT);
    expect(lastLine(r.err)).toBe(
      "Le classeur « vide.xlsx » est vide : aucune de ses feuilles n'a de cellule remplie (un registre a au moins les colonnes N° de marché, Objet, Montant HT et Date de notification).",
    );
    expect(listFiles(dir)).toEqual(['vide.xlsx']);
  });
});

describe('odd but readable workbooks: the chain runs to the end', () => {
  it('a macro-enabled workbook (.xlsm) is read, and the output is a new .xlsx beside it', async () => {
    const dir = tempDir();
    await writeSheets(path.join(dir, 'suivi.xlsm'), { Suivi: [REGISTER_HEADER, ['2025-001', 'Papier', 100, d('2025-03-01'), 'Oui']] });
    const before = fs.readFileSync(path.join(dir, 'suivi.xlsm'));
    const r = await run(dir, ['calculer', 'suivi.xlsm', '--json']);
    expect(r.code).toBe(EXIT_OK);
    expect((JSON.parse(r.out) as SpaserResult).lignes).toEqual({ lues: 1, exercice: 1, erreurs: 0, avertissements: 0 });
    expect(listFiles(dir)).toEqual(['suivi - SPASER.xlsx', 'suivi.xlsm']);
    expect(fs.readFileSync(path.join(dir, 'suivi.xlsm')).equals(before)).toBe(true);
  });

  it('a header row and no data: exit 0, no row, no exercice, every indicator non calculable', async () => {
    const dir = tempDir();
    await writeSheets(path.join(dir, 'entete.xlsx'), { Suivi: [REGISTER_HEADER] });
    const r = await run(dir, ['calculer', 'entete.xlsx', '--json']);
    expect(r.code).toBe(EXIT_OK);
    const result = JSON.parse(r.out) as SpaserResult;
    expect(result.exercice).toBeNull();
    expect(result.lignes).toEqual({ lues: 0, exercice: 0, erreurs: 0, avertissements: 0 });
    // The one count that needs no row: the charts written (none by the command line).
    expect(result.indicateurs.filter((i) => i.statut === 'calculé').map((i) => [i.id, i.valeur])).toEqual([['1.1.2-dataviz', 0]]);
    expect(listFiles(dir)).toEqual(['entete - SPASER.xlsx', 'entete.xlsx']);
  });

  it("a sheet name with quotes and parentheses, 31 characters long, is the rows' source", async () => {
    const dir = tempDir();
    const sheet = "Suivi 'Pôle' (ressources) 2025";
    expect(sheet).toHaveLength(30);
    const sheet31 = `${sheet}!`;
    await writeSheets(path.join(dir, 'noms.xlsx'), {
      [sheet31]: [REGISTER_HEADER, ['2025-001', 'Papier', 100, d('2025-03-01'), 'Oui'], ['', 'Sans numéro', 50, d('2025-03-02'), 'Non']],
    });
    const r = await run(dir, ['calculer', 'noms.xlsx', '--json']);
    expect(r.code).toBe(EXIT_OK);
    const result = JSON.parse(r.out) as SpaserResult;
    expect(result.controles).toEqual([expect.objectContaining({ code: 'numero-manquant', feuille: sheet31, ligne: 3 })]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, 'noms - SPASER.xlsx'));
    expect(out.worksheets.map((w) => w.name)).toContain(sheet31);
    // The link to the faulty cell quotes the sheet name, its apostrophes doubled.
    const links = await sheetLinks(fs.readFileSync(path.join(dir, 'noms - SPASER.xlsx')), 'SPASER Contrôles');
    expect([...links.values()]).toEqual([{ location: "'Suivi ''Pôle'' (ressources) 2025!'!$A$3" }]);
  });

  it('amounts of 1E+308: the run ends (exit 0), the overflowing sum is non calculable with a French motif, never "Infinity"', async () => {
    const dir = tempDir();
    await writeSheets(path.join(dir, 'enorme.xlsx'), {
      Suivi: [REGISTER_HEADER, ['2025-001', 'Papier', 1e308, d('2025-03-01'), 'Oui'], ['2025-002', 'Encre', 1e308, d('2025-03-02'), 'Oui']],
    });
    const json = await run(dir, ['calculer', 'enorme.xlsx', '--json']);
    expect(json.code).toBe(EXIT_OK);
    const result = JSON.parse(json.out) as SpaserResult;
    // 1e308 + 1e308 is beyond the largest double: no value can be calculé.
    expect(indicator(result, '1.1.2-montant-ar')).toMatchObject({ statut: 'non calculable', valeur: null });
    expect(indicator(result, '1.1.2-montant-ar').motif).toMatch(/^résultat hors des limites du calcul/);
    // Spec (sortie.md): valeur is null unless calculé or saisi — and a calculé value is a number.
    for (const i of result.indicateurs) if (i.statut === 'calculé' && i.repartition === null) expect(typeof i.valeur).toBe('number');
    const text = await run(dir, ['calculer', 'enorme.xlsx', '--sortie', 'texte.xlsx']);
    expect(text.code).toBe(EXIT_OK);
    expect(text.out).not.toMatch(/Infinity|NaN|e\+/);
    expect(listFiles(dir)).toEqual(['enorme - SPASER.xlsx', 'enorme.xlsx', 'texte.xlsx']);
  });

  it('one amount of 1E+21 is written and summed in French digits, never an exponent', async () => {
    const dir = tempDir();
    await writeSheets(path.join(dir, 'grand.xlsx'), { Suivi: [REGISTER_HEADER, ['2025-001', 'Papier', 1e21, d('2025-03-01'), 'Oui']] });
    const r = await run(dir, ['calculer', 'grand.xlsx']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain('1 000 000 000 000 000 000 000,00 €');
  });

  it('texts that look like numbers (NaN, Infinity, 1e308) are montant-invalide, named in French', async () => {
    const dir = tempDir();
    await writeSheets(path.join(dir, 'textes.xlsx'), {
      Suivi: [
        REGISTER_HEADER,
        ['2025-001', 'Papier', 'NaN', d('2025-03-01'), 'Oui'],
        ['2025-002', 'Encre', 'Infinity', d('2025-03-01'), 'Oui'],
        ['2025-003', 'Stylos', '1e308', d('2025-03-01'), 'Oui'],
        ['2025-004', 'Gommes', 10, d('2025-03-01'), 'Oui'],
      ],
    });
    const r = await run(dir, ['calculer', 'textes.xlsx', '--json']);
    expect(r.code).toBe(EXIT_OK);
    const result = JSON.parse(r.out) as SpaserResult;
    expect(result.lignes).toEqual({ lues: 4, exercice: 1, erreurs: 3, avertissements: 0 });
    expect(result.controles.map((c) => [c.code, c.ligne])).toEqual([
      ['montant-invalide', 2],
      ['montant-invalide', 3],
      ['montant-invalide', 4],
    ]);
    expect(result.controles[0].message).toBe("Ligne 2, colonne « Montant HT » : le montant « NaN » n'est pas un montant positif lisible. Saisissez un montant en euros (par exemple 12 500,00).");
    expect(indicator(result, '1.1.2-montant-ar')).toMatchObject({ statut: 'calculé', valeur: 10 });
  });

  it('dates far in the past or future are date-invalide with the period named; the valid row is counted', async () => {
    const dir = tempDir();
    await writeSheets(path.join(dir, 'dates.xlsx'), {
      Suivi: [
        REGISTER_HEADER,
        ['2025-001', 'Papier', 10, d('1899-12-31'), 'Oui'],
        ['2025-002', 'Encre', 20, '01/01/0001', 'Oui'],
        ['2025-003', 'Stylos', 30, d('2025-03-01'), 'Oui'],
        ['2025-004', 'Gommes', 40, d('2025-04-01'), 'Oui'],
      ],
    });
    const r = await run(dir, ['calculer', 'dates.xlsx', '--json']);
    expect(r.code).toBe(EXIT_OK);
    const result = JSON.parse(r.out) as SpaserResult;
    expect(result.exercice).toBe(2025);
    expect(result.lignes).toEqual({ lues: 4, exercice: 2, erreurs: 2, avertissements: 0 });
    expect(result.controles.map((c) => [c.code, c.ligne])).toEqual([
      ['date-invalide', 2],
      ['date-invalide', 3],
    ]);
    // ExcelJS stores the JS date 31/12/1899 as serial 1, which Excel shows as 01/01/1900: the
    // message names what the buyer sees in Excel (both readers follow Excel's serials).
    expect(result.controles[0].message).toBe(
      "Ligne 2, colonne « Date de notification » : la date de notification « 01/01/1900 » est hors de la période admise, du 01/01/2000 au 31/12/2027. Corrigez-la (l'année est sans doute mal saisie).",
    );
    expect(indicator(result, '1.1.2-montant-ar')).toMatchObject({ statut: 'calculé', valeur: 70 });
  });

  it('a text of 40 000 characters is read whole, and cut at Excel’s 32 767 in the written register', async () => {
    const dir = tempDir();
    const long = `${'a'.repeat(32_766)}Zb${'c'.repeat(40_000 - 32_768)}`;
    await writeSheets(path.join(dir, 'long.xlsx'), { Suivi: [REGISTER_HEADER, ['2025-001', long, 10, d('2025-03-01'), 'Oui']] });
    const r = await run(dir, ['calculer', 'long.xlsx', '--sortie', 'sortie.xlsx']);
    expect(r.code).toBe(EXIT_OK);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, 'sortie.xlsx'));
    const registre = out.getWorksheet('SPASER Registre')!;
    const texts: string[] = [];
    registre.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && c.value.startsWith('aaa') && texts.push(c.value))));
    expect(texts).toEqual([`${'a'.repeat(32_766)}Z`]);
    // The user's own sheet is copied as it was (the product never edits it).
    expect((out.getWorksheet('Suivi')!.getCell('B2').value as string).length).toBe(40_000);
  });

  it('a sheet with 1 000 columns, all empty beyond the register: read like the narrow one', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi');
    ws.addRow(REGISTER_HEADER);
    ws.addRow(['2025-001', 'Papier', 10, d('2025-03-01'), 'Oui']);
    // Formatted but empty cells far to the right widen the used range.
    ws.getCell(1, 1000).numFmt = '0.00';
    ws.getCell(2, 1000).value = '';
    await wb.xlsx.writeFile(path.join(dir, 'large.xlsx'));
    const r = await run(dir, ['calculer', 'large.xlsx', '--json']);
    expect(r.code).toBe(EXIT_OK);
    const result = JSON.parse(r.out) as SpaserResult;
    expect(result.lignes).toEqual({ lues: 1, exercice: 1, erreurs: 0, avertissements: 0 });
    expect(indicator(result, '1.1.2-montant-ar')).toMatchObject({ statut: 'calculé', valeur: 10 });
  });
});

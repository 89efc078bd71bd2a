/**
 * Mutation audit, session 19 (`splice.ts`, `package.ts`): what writing into the user's own
 * file must keep, pinned where no test did.
 * - A part that an old `SPASER …` sheet shares with a user sheet (one image drawn in both)
 *   stays: only the parts the replaced sheets alone used are removed (README « Feuilles écrites »).
 * - Our table never takes the name of one of the user's defined names (a table name is unique
 *   among the workbook's names: Excel would repair the file).
 * - Number formats we add take ids from 164 up: the ids below are Excel's built-in formats,
 *   which a user's cell uses by id; taking one would change how the user's cells look.
 * - A sheet an import replaces (README « Réimport d'un Pôle ») whose name holds a character the
 *   file escapes (`&` is stored `&amp;`) is replaced, not doubled: the package names each sheet once.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { buyerWorkbook, loadBytes, samplePlan, tableNames, toBytes } from './fixtures';
import { attr, expectWholePackage, parts } from './package-checks';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function written(input: Uint8Array) {
  const book = await openXlsx(input, 'suivi.xlsx');
  await book.writePlan(samplePlan());
  const output = await book.saveXlsx();
  return { book, output };
}

describe('an image drawn both in a user sheet and in an old SPASER sheet', () => {
  it('stays, with the user drawing, byte for byte; only the old sheet and its own drawing go', async () => {
    const wb = buyerWorkbook();
    const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.getWorksheet('Suivi 2025')!.addImage(image, 'J2:K4');
    const old = wb.addWorksheet('SPASER Registre');
    old.getCell('A1').value = 'ancien registre';
    old.addImage(image, 'C2:D4');
    const input = await toBytes(wb);
    const before = await parts(input);
    // Guards the test: one image part, two drawings (the old sheet's drawing uses the user's image).
    const media = [...before.keys()].filter((p) => p.startsWith('xl/media/'));
    expect(media).toHaveLength(1);
    expect([...before.keys()].filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(2);
    const drawingRels = [...before.entries()].filter(([p]) => /^xl\/drawings\/_rels\//.test(p)).map(([, b]) => b.toString('utf8'));
    expect(drawingRels).toHaveLength(2);
    for (const rels of drawingRels) expect(rels).toContain(`Target="../${media[0].slice('xl/'.length)}"`);

    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const after = await parts(output);
    // The image and the user sheet's drawing are the same bytes.
    expect(after.get(media[0])?.equals(before.get(media[0])!)).toBe(true);
    const userDrawing = [...before.keys()].find((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p) && after.has(p));
    expect(userDrawing).toBeDefined();
    // One drawing left: the user's (the old sheet's own drawing is gone with it).
    expect([...after.keys()].filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toEqual([userDrawing]);
    const out = await loadBytes(output);
    expect(out.getWorksheet('Suivi 2025')!.getImages()).toHaveLength(1);
    expect(out.getWorksheet('SPASER Registre')!.getImages()).toHaveLength(0);
  });
});

describe('a defined name of the user named like our table', () => {
  it('keeps our table off that name (any case), the package whole', async () => {
    const wb = buyerWorkbook();
    wb.definedNames.add("'Suivi 2025'!$A$4:$A$6", 'REGISTRE');
    const input = await toBytes(wb);
    const userName = /<definedName name="REGISTRE"[^>]*>[^<]*<\/definedName>/.exec((await parts(input)).get('xl/workbook.xml')!.toString('utf8'))![0];
    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    // The user's name is still there, as it was.
    expect((await parts(output)).get('xl/workbook.xml')!.toString('utf8')).toContain(userName);
    const ours = tableNames((await loadBytes(output)).getWorksheet('SPASER Registre')!);
    expect(ours).toHaveLength(1);
    expect(ours[0].toLowerCase()).not.toBe('registre');
  });
});

describe('number formats added to a workbook that has no format of its own', () => {
  it('take ids from 164 up; the user cells keep their built-in formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi 2025');
    ws.addRow(['N° marché', 'Montant HT', 'Part']);
    ws.addRow(['2025-001', 1234, 0.5]);
    // Built-in formats only: « 0 » is id 1, « 0.00 » id 2, « 0% » id 9.
    ws.getCell('B2').numFmt = '0';
    ws.getCell('C2').numFmt = '0%';
    const input = await toBytes(wb);
    const stylesBefore = (await parts(input)).get('xl/styles.xml')!.toString('utf8');
    expect(stylesBefore).not.toMatch(/<numFmt /);

    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const styles = (await parts(output)).get('xl/styles.xml')!.toString('utf8');
    const ids = [...styles.matchAll(/<numFmt [^>]*>/g)].map((m) => Number(attr(m[0], 'numFmtId')));
    // Ours: a date and an amount format (samplePlan), none with a built-in id.
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect(id).toBeGreaterThanOrEqual(164);
    const out = await loadBytes(output);
    expect(out.getWorksheet('Suivi 2025')!.getCell('B2').numFmt).toBe('0');
    expect(out.getWorksheet('Suivi 2025')!.getCell('C2').numFmt).toBe('0%');
    expect(out.getWorksheet('SPASER Registre')!.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect(out.getWorksheet('SPASER Registre')!.getCell('D2').numFmt).toBe('#,##0.00 "€"');
  });
});

describe('an imported sheet named with « & », replaced by a new import', () => {
  it('is there once, with the new cells', async () => {
    const wb = buyerWorkbook();
    wb.addWorksheet('Achats R&D').getCell('A1').value = 'ancien import';
    const input = await toBytes(wb);
    expect((await parts(input)).get('xl/workbook.xml')!.toString('utf8')).toContain('name="Achats R&amp;D"');
    const book = await openXlsx(input, 'suivi.xlsx');
    book.removeSheets(['Achats R&D']);
    book.workbook.addWorksheet('Achats R&D').getCell('A1').value = 'nouvel import';
    await book.writePlan(samplePlan());
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const out = await loadBytes(output);
    expect(out.worksheets.filter((w) => w.name === 'Achats R&D')).toHaveLength(1);
    expect(out.getWorksheet('Achats R&D')!.getCell('A1').value).toBe('nouvel import');
  });
});

describe('a part stored in the archive under another case than the name we look it up by', () => {
  // Part names are case-insensitive (OPC): `[content_types].xml` is the part `[Content_Types].xml`.
  // A rewrite must replace the stored entry, never add a second one that differs only by case.
  it('is rewritten in place: one entry, under the name the archive gave it', async () => {
    const zip = await JSZip.loadAsync(await toBytes(buyerWorkbook()));
    const types = await zip.file('[Content_Types].xml')!.async('uint8array');
    zip.remove('[Content_Types].xml');
    zip.file('[content_types].xml', types);
    const input = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));

    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    const after = await parts(output);
    expect([...after.keys()].filter((p) => p.toLowerCase() === '[content_types].xml')).toEqual(['[content_types].xml']);
    // And it is the rewritten part: it now types our new sheet parts.
    const sheetsBefore = (Buffer.from(types).toString('utf8').match(/worksheets\/sheet\d+\.xml/g) ?? []).length;
    const sheetsAfter = (after.get('[content_types].xml')!.toString('utf8').match(/worksheets\/sheet\d+\.xml/g) ?? []).length;
    expect(sheetsAfter).toBeGreaterThan(sheetsBefore);
  });
});

/**
 * Mutation audit, session 21 (`package.ts`): how the user's package is read, pinned where no
 * test did. XML lets a producer write what Excel writes otherwise; the file must be read as
 * Excel reads it, else an old `SPASER …` sheet is not recognised (doubled, or the whole file
 * rewritten by ExcelJS, losing what it cannot write: README « Feuilles écrites »).
 * - Attributes in single quotes (`name='…'`), in the workbook part and its relationships.
 * - Characters written as references, decimal (`&#233;`) or hexadecimal (`&#x20;`), in a sheet name.
 * - What we write is escaped as XML wants, `"` included: a sheet name may hold one (Excel allows it),
 *   and a link of our controls to a cell of that sheet names it in an attribute.
 * - A part's content type is found whatever the case its `Override` names it in (part names are
 *   case-insensitive): a user table typed so still reserves its id, our table takes another.
 */
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { sheetLinks } from '../../helpers/sheet-links';
import { buyerWorkbook, loadBytes, samplePlan, toBytes } from './fixtures';
import { expectWholePackage, parts } from './package-checks';

/** The buyer workbook with an old SPASER register, its workbook part (and relationships) edited. */
async function withOldRegister(edit: (workbook: string, rels: string) => { workbook: string; rels: string }): Promise<Uint8Array> {
  const wb = buyerWorkbook();
  wb.addWorksheet('SPASER Registre').getCell('A1').value = 'ancien registre';
  const zip = await JSZip.loadAsync(await toBytes(wb));
  const edited = edit(await zip.file('xl/workbook.xml')!.async('string'), await zip.file('xl/_rels/workbook.xml.rels')!.async('string'));
  zip.file('xl/workbook.xml', edited.workbook);
  zip.file('xl/_rels/workbook.xml.rels', edited.rels);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function written(input: Uint8Array) {
  const book = await openXlsx(input, 'suivi.xlsx');
  await book.writePlan(samplePlan());
  const output = await book.saveXlsx();
  return { book, output };
}

const NAMES = ['Suivi 2025', 'Titulaires', 'Listes', 'SPASER Registre', 'SPASER Contrôles', 'SPASER État'];

describe('a workbook part written with its attributes in single quotes', () => {
  it('has its old register replaced, once, and the parts only it used removed', async () => {
    const singleQuoted = (xml: string, tag: RegExp) => xml.replace(tag, (el) => el.replace(/="([^"]*)"/g, "='$1'"));
    const input = await withOldRegister((workbook, rels) => ({
      workbook: singleQuoted(workbook, /<sheet [^>]*>/g),
      rels: singleQuoted(rels, /<Relationship [^>]*>/g),
    }));
    // Guards the test: the sheets are listed in single quotes, and ExcelJS reads them so.
    const before = await parts(input);
    expect(before.get('xl/workbook.xml')!.toString('utf8')).toMatch(/<sheet [^>]*name='SPASER Registre'/);
    expect((await loadBytes(input)).worksheets.map((w) => w.name)).toEqual(['Suivi 2025', 'Titulaires', 'Listes', 'SPASER Registre']);
    const oldPart = 'xl/worksheets/sheet4.xml';
    expect(before.get(oldPart)!.toString('utf8')).toContain('<c r="A1"');

    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    const out = await loadBytes(output);
    expect(out.worksheets.map((w) => w.name)).toEqual(NAMES);
    expect(out.getWorksheet('SPASER Registre')!.getCell('A1').value).toBe('N° de marché');
    // No relationship names the old register any more; every one leads to a part.
    const after = await parts(output);
    const rels = after.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
    const targets = [...rels.matchAll(/Target=(?:"([^"]*)"|'([^']*)')/g)].map((m) => `xl/${m[1] ?? m[2]}`);
    for (const t of targets) expect({ t, exists: after.has(t) }).toEqual({ t, exists: true });
    expect(targets.filter((t) => /worksheets\//.test(t))).toHaveLength(NAMES.length);
  });
});

describe('an old register whose name the file stores with character references', () => {
  it.each([
    ['hexadecimal', 'SPASER&#x20;Registre'],
    ['decimal', 'SPASER&#32;Registre'],
  ])('(%s) is recognised: replaced, once, the rest of the file kept', async (_, stored) => {
    const input = await withOldRegister((workbook, rels) => ({ workbook: workbook.replace('name="SPASER Registre"', `name="${stored}"`), rels }));
    // Guards the test: stored so, read as « SPASER Registre ».
    expect((await parts(input)).get('xl/workbook.xml')!.toString('utf8')).toContain(`name="${stored}"`);
    expect((await loadBytes(input)).worksheets.map((w) => w.name)).toContain('SPASER Registre');
    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const out = await loadBytes(output);
    expect(out.worksheets.map((w) => w.name)).toEqual(NAMES);
    expect(out.getWorksheet('SPASER Registre')!.getCell('A1').value).toBe('N° de marché');
  });
});

describe('a link of our controls to a user sheet whose name holds a double quote', () => {
  it('is written as XML wants it: the file opens, the link leads to the cell', async () => {
    const wb = buyerWorkbook();
    wb.addWorksheet('Notes "internes"').getCell('B2').value = 'à vérifier';
    const book = await openXlsx(await toBytes(wb), 'suivi.xlsx');
    const plan = samplePlan();
    const controls = plan.sheets[1];
    const withLink = { ...plan, sheets: [plan.sheets[0], { ...controls, links: [{ row: 3, col: 3, text: 'Notes "internes"!B2', sheet: 'Notes "internes"', address: 'B2' }] }, plan.sheets[2]] };
    await book.writePlan(withLink);
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const out = await loadBytes(output);
    expect(out.getWorksheet('SPASER Contrôles')!.getCell('C3').text).toBe('Notes "internes"!B2');
    expect(await sheetLinks(output, 'SPASER Contrôles')).toEqual(new Map([['C3', { location: `'Notes "internes"'!$B$2` }]]));
  });
});

describe('a user table whose content type names its part in another case', () => {
  it('still reserves its id and name: our table takes others', async () => {
    const zip = await JSZip.loadAsync(await toBytes(buyerWorkbook()));
    const part = Object.keys(zip.files).find((p) => /^xl\/tables\/[^/]*\.xml$/.test(p))!;
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain(`PartName="/${part}"`);
    zip.file('[Content_Types].xml', types.replace(`PartName="/${part}"`, `PartName="/${part.toUpperCase()}"`));
    const input = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    const after = await parts(output);
    const tables = [...after.keys()].filter((p) => /^xl\/tables\/[^/]*\.xml$/.test(p)).map((p) => /<table [^>]*>/.exec(after.get(p)!.toString('utf8'))![0]);
    expect(tables).toHaveLength(2);
    const ids = tables.map((t) => /\bid="(\d+)"/.exec(t)![1]);
    expect(new Set(ids).size).toBe(2);
    expect(tables.map((t) => /\bname="([^"]*)"/.exec(t)![1]).sort()).toEqual(['Registre', 'Titulaires']);
  });
});

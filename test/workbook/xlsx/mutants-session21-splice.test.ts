/**
 * Mutation audit, session 21 (`splice.ts`): what writing into the user's own file must keep,
 * pinned where no test did.
 * - A register recalculated again and again (every month) does not grow its styles and
 *   strings tables: what the last run added is reused (README « Feuilles écrites »: the
 *   styles and strings of our sheets are appended, identical entries reused). Without it the
 *   file nears Excel's limit of cell formats (« Trop de formats de cellules différents »).
 * - A styles part Excel would misread once ours are appended (a single fill: Excel draws
 *   fill 1 as the reserved gray125 pattern whatever it holds) is not spliced: every style
 *   of the output names a font, a fill and a border that are there, fills 0 and 1 the reserved ones.
 * - Our cells that only carry a number format (amounts, dates) are in the user's default font,
 *   as our bold headers are: ExcelJS's default font (Calibri 11) stands for the user's. What our
 *   fonts say themselves (the title's size 14) stays theirs: the user's only fills what is missing.
 * - Our table never takes a name of a user table, whatever its case, nor the name a user
 *   table shows (`displayName`, which Excel shows and formulas use): Excel would repair the file.
 * - A sheet an import adds keeps its links to web pages (external relationships carried over).
 * - Once old SPASER sheets are removed, the calculation chain goes, part, relationship and
 *   content type: a chain naming removed cells makes Excel repair the file; Excel rebuilds it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { buyerWorkbook, loadBytes, samplePlan, toBytes } from './fixtures';
import { attr, expectWholePackage, parts } from './package-checks';

async function written(input: Uint8Array) {
  const book = await openXlsx(input, 'suivi.xlsx');
  await book.writePlan(samplePlan());
  const output = await book.saveXlsx();
  return { book, output };
}

/** The items of a styles section of a package, as stored. */
function items(xml: string, section: string, item: string): string[] {
  const body = new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`).exec(xml)?.[1] ?? '';
  return [...body.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g'))].map((m) => m[0]);
}

/** The sizes of the tables a run may append to. */
async function tableSizes(bytes: Uint8Array) {
  const all = await parts(bytes);
  const styles = all.get('xl/styles.xml')!.toString('utf8');
  const sst = all.get('xl/sharedStrings.xml')!.toString('utf8');
  return {
    numFmts: items(styles, 'numFmts', 'numFmt').length,
    fonts: items(styles, 'fonts', 'font').length,
    fills: items(styles, 'fills', 'fill').length,
    borders: items(styles, 'borders', 'border').length,
    cellXfs: items(styles, 'cellXfs', 'xf').length,
    strings: (sst.match(/<si>/g) ?? []).length,
  };
}

describe('a register recalculated again and again', () => {
  it('adds no style and no string after the first run: what the last run added is reused', async () => {
    const input = await toBytes(buyerWorkbook());
    const once = (await written(input)).output;
    const twice = await written(once);
    const thrice = await written(twice.output);
    expect(twice.book.keptOriginalParts).toBe(true);
    expect(thrice.book.keptOriginalParts).toBe(true);
    const before = await tableSizes(input);
    const first = await tableSizes(once);
    // Guards the test: the first run did add styles and strings.
    expect(first.cellXfs).toBeGreaterThan(before.cellXfs);
    expect(first.strings).toBeGreaterThan(before.strings);
    // Our two number formats are the buyer's (« dd/mm/yyyy », « #,##0.00 "€" »): reused, not added.
    expect(first.numFmts).toBe(before.numFmts);
    expect(await tableSizes(twice.output)).toEqual(first);
    expect(await tableSizes(thrice.output)).toEqual(first);
    await expectWholePackage(thrice.output);
    // Our cells still look and read as written.
    const ws = (await loadBytes(thrice.output)).getWorksheet('SPASER Registre')!;
    expect(ws.getCell('A1').value).toBe('N° de marché');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('D2').numFmt).toBe('#,##0.00 "€"');
  });
});

describe('a styles part with a single fill (Excel reserves fills 0 and 1: none and gray125)', () => {
  it('never gets one of our fills at index 1; every style names parts of the styles that are there', async () => {
    const zip = await JSZip.loadAsync(await toBytes(buyerWorkbook()));
    const styles = await zip.file('xl/styles.xml')!.async('string');
    // Guards the test: the buyer's cells use no fill of their own.
    expect(items(styles, 'cellXfs', 'xf').every((xf) => ['0', '1', undefined].includes(attr(xf, 'fillId')))).toBe(true);
    zip.file('xl/styles.xml', styles.replace(/<fills\b[^>]*>[\s\S]*?<\/fills>/, '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'));
    const input = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { output } = await written(input);
    await expectWholePackage(output);
    const out = (await parts(output)).get('xl/styles.xml')!.toString('utf8');
    const fills = items(out, 'fills', 'fill');
    expect(fills.length).toBeGreaterThanOrEqual(3);
    expect(/patternType="(\w+)"/.exec(fills[0])?.[1] ?? 'none').toBe('none');
    expect(/patternType="(\w+)"/.exec(fills[1])?.[1]).toBe('gray125');
    const sizes = { fontId: items(out, 'fonts', 'font').length, fillId: fills.length, borderId: items(out, 'borders', 'border').length };
    for (const xf of items(out, 'cellXfs', 'xf')) {
      for (const [k, n] of Object.entries(sizes)) expect({ xf, [k]: Number(attr(xf, k) ?? 0) < n }).toEqual({ xf, [k]: true });
    }
    // Our header keeps its colour: a solid fill of its own.
    const header = (await loadBytes(output)).getWorksheet('SPASER Registre')!.getCell('A1');
    expect(header.fill).toEqual(expect.objectContaining({ type: 'pattern', pattern: 'solid' }));
  });
});

describe("our cells without a font of their own, in a file whose default font is not ExcelJS's", () => {
  it("are in the user's default font (name and size), as the bold ones are", async () => {
    const file = path.resolve(__dirname, '../../fixtures/libreoffice/authored/Pôle Culture.xlsx');
    const input = new Uint8Array(fs.readFileSync(file));
    const book = await openXlsx(input, 'Pôle Culture.xlsx');
    const out = runChain([{ file: 'Pôle Culture.xlsx', sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: false, today: '2026-01-15' });
    await book.writePlan(out.plan);
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    const font0 = /<font>([\s\S]*?)<\/font>/.exec((await parts(input)).get('xl/styles.xml')!.toString('utf8'))![1];
    const user = { name: /<name val="([^"]*)"/.exec(font0)![1], size: Number(/<sz val="([^"]*)"/.exec(font0)![1]) };
    expect(user).not.toEqual({ name: 'Calibri', size: 11 });
    const ws = (await loadBytes(output)).getWorksheet('SPASER Registre')!;
    // The register's second row: cells with a number format, not bold.
    const cells: { address: string; name?: string; size?: number }[] = [];
    ws.getRow(2).eachCell((c) => {
      if (!c.font?.bold && c.numFmt) cells.push({ address: c.address, name: c.font?.name, size: c.font?.size });
    });
    // Guards the test: some carry a number format (a style of their own in the file).
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).toEqual({ address: c.address, ...user });
  });
});

describe("the user's tables, named in another case or shown under another name than ours", () => {
  /** The buyer workbook with its table stored under `name` and `displayName`. */
  async function withUserTable(name: string, displayName: string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await toBytes(buyerWorkbook()));
    const part = Object.keys(zip.files).find((p) => /^xl\/tables\/[^/]*\.xml$/.test(p))!;
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace(/\bname="[^"]*"/, `name="${name}"`).replace(/\bdisplayName="[^"]*"/, `displayName="${displayName}"`));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  /** Every table of a package: its name and the name Excel shows. */
  async function tablesOf(bytes: Uint8Array) {
    const all = await parts(bytes);
    return [...all.keys()]
      .filter((p) => /^xl\/tables\/[^/]*\.xml$/.test(p))
      .map((p) => /<table [^>]*>/.exec(all.get(p)!.toString('utf8'))![0])
      .map((t) => ({ name: attr(t, 'name')!, displayName: attr(t, 'displayName')! }));
  }

  it.each([
    ['a user table named like ours in capitals', 'REGISTRE', 'REGISTRE'],
    ['a user table shown under the name of ours', 'Tableau1', 'Registre'],
  ])('%s: ours takes another name; no two tables share a name, whatever the case', async (_, name, displayName) => {
    const input = await withUserTable(name, displayName);
    expect(await tablesOf(input)).toEqual([{ name, displayName }]);
    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const tables = await tablesOf(output);
    expect(tables).toContainEqual({ name, displayName });
    const all = tables.flatMap((t) => [...new Set([t.name.toLowerCase(), t.displayName.toLowerCase()])]);
    expect(new Set(all).size).toBe(all.length);
    const ours = tables.filter((t) => t.name !== name);
    expect(ours).toHaveLength(1);
    expect(ours[0].displayName.toLowerCase()).not.toBe('registre');
  });
});

describe('a sheet an import adds, with a link to a web page', () => {
  it('keeps its link', async () => {
    const book = await openXlsx(await toBytes(buyerWorkbook()), 'suivi.xlsx');
    const imported = book.workbook.addWorksheet('Import Pôle Sports');
    imported.getCell('A1').value = { text: 'Fiche du marché', hyperlink: 'https://example.org/marches/2025-017' };
    await book.writePlan(samplePlan());
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const cell = (await loadBytes(output)).getWorksheet('Import Pôle Sports')!.getCell('A1');
    expect(cell.value).toEqual({ text: 'Fiche du marché', hyperlink: 'https://example.org/marches/2025-017' });
  });
});

describe("our title, in a file whose default font is not ExcelJS's", () => {
  it("keeps its own size (14) in the user's font: the default size is only added to fonts without one", async () => {
    const file = path.resolve(__dirname, '../../fixtures/libreoffice/authored/Pôle Culture.xlsx');
    const input = new Uint8Array(fs.readFileSync(file));
    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    const font0 = /<font>([\s\S]*?)<\/font>/.exec((await parts(input)).get('xl/styles.xml')!.toString('utf8'))![1];
    const name = /<name val="([^"]*)"/.exec(font0)![1];
    // Guards the test: the user's default size is not the title's.
    expect(Number(/<sz val="([^"]*)"/.exec(font0)![1])).not.toBe(14);
    const title = (await loadBytes(output)).getWorksheet('SPASER Contrôles')!.getCell('A1');
    expect(title.value).toBe('Contrôles');
    expect(title.font).toEqual(expect.objectContaining({ bold: true, size: 14, name }));
    // And no font of the output says its size, name… twice.
    const styles = (await parts(output)).get('xl/styles.xml')!.toString('utf8');
    for (const font of items(styles, 'fonts', 'font')) {
      for (const child of ['sz', 'name', 'family', 'charset', 'scheme']) {
        expect({ font, child, n: (font.match(new RegExp(`<${child}\\b`, 'g')) ?? []).length <= 1 }).toEqual({ font, child, n: true });
      }
    }
  });
});

describe('a workbook with a calculation chain and old SPASER sheets', () => {
  it('loses the chain whole (part, relationship, content type); every other part stays', async () => {
    const wb = buyerWorkbook();
    wb.addWorksheet('SPASER Registre').getCell('B2').value = { formula: '1+1', result: 2 };
    const zip = await JSZip.loadAsync(await toBytes(wb));
    zip.file('xl/calcChain.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="4"/><c r="F4" i="1"/></calcChain>');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    const input = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expectWholePackage(input);

    const { book, output } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const after = await parts(output);
    expect([...after.keys()].filter((p) => /calcChain/i.test(p))).toEqual([]);
    expect(after.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).not.toMatch(/calcChain/);
    expect(after.get('[Content_Types].xml')!.toString('utf8')).not.toMatch(/calcChain/);
    const before = await parts(input);
    for (const p of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/tables/table1.xml']) expect({ p, same: after.get(p)?.equals(before.get(p)!) }).toEqual({ p, same: true });
  });
});

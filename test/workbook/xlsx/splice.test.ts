/**
 * Writing into the user's own file part by part (`splice.ts`): what ExcelJS cannot
 * write back (a chart, a pivot table, a drawing…) stays, every part of the user is
 * the same bytes, and the package is whole (every part typed, every link resolved,
 * ids and counts right) so that Excel opens it without repairing it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { encodeZipPartsAsBytes } from '../../../src/workbook/xlsx/node-zip';
import { utf8 } from '../../../src/workbook/xlsx/package';
import type { XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { buyerWorkbook, cellSnapshot, loadBytes, samplePlan, toBytes } from './fixtures';
import { attr, expectWholePackage, parts } from './package-checks';

// Test workbooks are saved as the command line saves them (see node-zip.ts): their emoji are whole.
encodeZipPartsAsBytes();

const FIXTURES = path.resolve(__dirname, '../../fixtures/libreoffice');
const CULTURE = path.join(FIXTURES, 'authored', 'Pôle Culture.xlsx');
const OTHERS = [
  path.join(FIXTURES, 'authored', 'Pôle Sports.xlsx'),
  path.join(FIXTURES, 'saved-by-libreoffice', 'Pôle Ressources.xlsx'),
  path.join(FIXTURES, 'source', 'Pôle Solidarités.xlsx'),
];
/** The parts that name sheets, styles and strings: the only ones a write may change. */
const LISTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/** The chain run on a file as the command line runs it; the result's bytes. */
async function calculate(bytes: Uint8Array, name: string): Promise<{ book: XlsxWorkbook; output: Uint8Array }> {
  const book = await openXlsx(bytes, name);
  const out = runChain([{ file: name, sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: false, today: '2026-01-15' });
  await book.writePlan(out.plan);
  return { book, output: await book.saveXlsx() };
}

/** The sample plan written into the user's file, and the file saved. */
async function withSamplePlan(bytes: Uint8Array, name = 'suivi.xlsx'): Promise<{ book: XlsxWorkbook; output: Uint8Array }> {
  const book = await openXlsx(bytes, name);
  await book.writePlan(samplePlan());
  return { book, output: await book.saveXlsx() };
}

/** Values and looks of a written sheet that do not depend on the user's default font. */
function ourLook(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow((row) =>
    row.eachCell((c) => {
      const s = cellSnapshot(c);
      cells[c.address] = { value: s.value, numFmt: s.numFmt, bold: c.font?.bold ?? false, fill: s.fill };
    }),
  );
  return { state: ws.state, cells, tables: (ws.getTables() as unknown as { table: { tableRef: string } }[]).map((t) => t.table.tableRef) };
}

describe('a workbook with a chart, a pivot table, a note and a drawing (saved by LibreOffice)', () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let book: XlsxWorkbook;
  beforeAll(async () => {
    input = new Uint8Array(fs.readFileSync(CULTURE));
    ({ book, output } = await calculate(input, 'Pôle Culture.xlsx'));
  });

  it('holds what ExcelJS alone loses (guards the tests below)', async () => {
    const rewrite = await parts(new Uint8Array(await (await openXlsx(input, 'x.xlsx')).workbook.xlsx.writeBuffer()));
    const original = await parts(input);
    for (const p of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml']) {
      expect(original.has(p)).toBe(true);
      expect(rewrite.has(p)).toBe(false);
    }
  });

  it('keeps every part of the user byte for byte; only the lists of sheets, styles and strings change', async () => {
    expect(book.keptOriginalParts).toBe(true);
    const before = await parts(input);
    const after = await parts(output);
    const changed = [...before].filter(([p, b]) => !after.get(p)?.equals(b)).map(([p]) => p);
    expect(changed.sort()).toEqual(LISTS.filter((p) => before.has(p)).sort());
  });

  it('only appends to the styles and strings: every entry of the user keeps its number', async () => {
    const before = await parts(input);
    const after = await parts(output);
    for (const [part, body] of [
      ['xl/styles.xml', /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/],
      ['xl/styles.xml', /<fonts[^>]*>([\s\S]*?)<\/fonts>/],
      ['xl/sharedStrings.xml', /<sst[^>]*>([\s\S]*?)<\/sst>/],
    ] as const) {
      const old = body.exec(before.get(part)!.toString('utf8'))![1];
      const now = body.exec(after.get(part)!.toString('utf8'))![1];
      expect(now.startsWith(old)).toBe(true);
      expect(now.length).toBeGreaterThan(old.length);
    }
  });

  it('is a whole package', async () => {
    await expectWholePackage(output);
  });

  it('adds the SPASER sheets after the user sheets, as ExcelJS would have written them', async () => {
    const spliced = await loadBytes(output);
    const rewritten = await loadBytes(new Uint8Array(await book.workbook.xlsx.writeBuffer()));
    expect(spliced.worksheets.map((w) => w.name)).toEqual(rewritten.worksheets.map((w) => w.name));
    expect(spliced.worksheets.map((w) => w.name)).toEqual(['Marchés 2025', 'Synthèse', 'SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles', 'SPASER État']);
    for (const ws of rewritten.worksheets.filter((w) => w.name.startsWith('SPASER '))) {
      expect(ourLook(spliced.getWorksheet(ws.name)!)).toEqual(ourLook(ws));
    }
    expect(spliced.getWorksheet('SPASER Registre')!.getCell('A2').value).toBe('2025-CU-001');
  });

  it('gives our cells the user default font (size and name), bold where ours are bold', async () => {
    const ws = (await loadBytes(output)).getWorksheet('SPASER Registre')!;
    // The user's default font: the first of the styles part.
    const font0 = /<font>([\s\S]*?)<\/font>/.exec((await parts(input)).get('xl/styles.xml')!.toString('utf8'))![1];
    const name = /<name val="([^"]*)"/.exec(font0)![1];
    const size = Number(/<sz val="([^"]*)"/.exec(font0)![1]);
    expect({ name, size }).not.toEqual({ name: 'Calibri', size: 11 });
    expect(ws.getCell('A1').font).toEqual(expect.objectContaining({ bold: true, name, size }));
  });

  it('a second run replaces the SPASER sheets and the parts only they used, user parts still the same bytes', async () => {
    const second = await calculate(output, 'Pôle Culture.xlsx');
    await expectWholePackage(second.output);
    const first = await parts(output);
    const again = await parts(second.output);
    const original = await parts(input);
    for (const [p, b] of original) if (!LISTS.includes(p)) expect({ p, same: again.get(p)?.equals(b) }).toEqual({ p, same: true });
    // As many sheets and tables as after the first run: the old ones are gone.
    const count = (m: Map<string, Buffer>, re: RegExp) => [...m.keys()].filter((p) => re.test(p)).length;
    expect(count(again, /^xl\/worksheets\/sheet\d+\.xml$/)).toBe(count(first, /^xl\/worksheets\/sheet\d+\.xml$/));
    expect(count(again, /^xl\/tables\//)).toBe(count(first, /^xl\/tables\//));
    const wb = await loadBytes(second.output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Marchés 2025', 'Synthèse', 'SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles', 'SPASER État']);
    expect(await second.book.readState()).toEqual(await (await openXlsx(output, 'x.xlsx')).readState());
  });
});

describe.each(OTHERS)('%s, written into', (file) => {
  it('keeps the user parts, is a whole package, and a second run too', async () => {
    const input = new Uint8Array(fs.readFileSync(file));
    const { book, output } = await calculate(input, path.basename(file));
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const before = await parts(input);
    const after = await parts(output);
    for (const [p, b] of before) if (!LISTS.includes(p)) expect({ p, same: after.get(p)?.equals(b) }).toEqual({ p, same: true });
    await expectWholePackage((await calculate(output, path.basename(file))).output);
  });
});

describe('sheet positions move with the sheets removed', () => {
  /** User sheets around an old SPASER sheet, a name local to the last sheet, the old sheet active. */
  async function workbookWithOldSheetInTheMiddle(): Promise<Uint8Array> {
    const wb = buyerWorkbook();
    const old = wb.addWorksheet('SPASER Registre');
    old.getCell('A1').value = 'ancien registre';
    old.addTable({ name: 'Registre', ref: 'A3', columns: [{ name: 'x' }], rows: [[1]] });
    wb.addWorksheet('Notes').getCell('A1').value = 'notes';
    const bytes = await toBytes(wb);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const notes = [...xml.matchAll(/<sheet [^>]*>/g)].findIndex((m) => m[0].includes('name="Notes"'));
    const registre = [...xml.matchAll(/<sheet [^>]*>/g)].findIndex((m) => m[0].includes('name="SPASER Registre"'));
    zip.file(
      'xl/workbook.xml',
      xml
        .replace('<sheets>', `<bookViews><workbookView activeTab="${registre}"/></bookViews><sheets>`)
        .replace('</sheets>', `</sheets><definedNames><definedName name="Zone" localSheetId="${notes}">Notes!$A$1</definedName><definedName name="Ancienne" localSheetId="${registre}">'SPASER Registre'!$A$1</definedName></definedNames>`),
    );
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('moves names local to a sheet, drops those of removed sheets, and shows an added sheet instead of the removed active one', async () => {
    const input = await workbookWithOldSheetInTheMiddle();
    const { book, output } = await withSamplePlan(input);
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const wbXml = (await parts(output)).get('xl/workbook.xml')!.toString('utf8');
    const names = [...wbXml.matchAll(/<sheet [^>]*>/g)].map((m) => attr(m[0], 'name'));
    expect(names).toEqual(['Suivi 2025', 'Titulaires', 'Listes', 'Notes', 'SPASER Registre', 'SPASER Contrôles', 'SPASER État']);
    expect(wbXml).toContain('<definedName name="Zone" localSheetId="3">Notes!$A$1</definedName>');
    expect(wbXml).not.toContain('Ancienne');
    expect(attr(/<workbookView[^>]*>/.exec(wbXml)![0], 'activeTab')).toBe('4');
    const out = await loadBytes(output);
    expect(out.getWorksheet('SPASER Registre')!.getCell('A1').value).toBe('N° de marché');
    expect((out.getWorksheet('SPASER Registre')!.getTables() as unknown as { name: string }[]).map((t) => t.name)).toEqual(['Registre']);
  });
});

describe('a workbook view without activeTab, whose first sheet is an old SPASER sheet', () => {
  // No activeTab means the first sheet (ECMA-376 workbookView, default 0): Excel opened on the old
  // register. Once it is removed, index 0 would name a user sheet the user never had in front of them;
  // as for a removed active sheet, the new register is shown (README « Feuilles écrites »).
  it('shows the added register, and firstSheet does not point past it', async () => {
    const wb = buyerWorkbook();
    wb.addWorksheet('SPASER Registre').getCell('A1').value = 'ancien registre';
    const zip = await JSZip.loadAsync(await toBytes(wb));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const old = /<sheet [^>]*name="SPASER Registre"[^>]*\/>/.exec(xml)![0];
    zip.file('xl/workbook.xml', xml.replace(old, '').replace('<sheets>', `<bookViews><workbookView firstSheet="0"/></bookViews><sheets>${old}`));
    const input = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { book, output } = await withSamplePlan(input);
    expect(book.keptOriginalParts).toBe(true);
    await expectWholePackage(output);
    const wbXml = (await parts(output)).get('xl/workbook.xml')!.toString('utf8');
    const names = [...wbXml.matchAll(/<sheet [^>]*>/g)].map((m) => attr(m[0], 'name'));
    expect(names).toEqual(['Suivi 2025', 'Titulaires', 'Listes', 'SPASER Registre', 'SPASER Contrôles', 'SPASER État']);
    const view = /<workbookView[^>]*>/.exec(wbXml)![0];
    expect(attr(view, 'activeTab')).toBe('3');
    expect(attr(view, 'firstSheet')).toBe('0');
  });
});

describe('the parts we write are UTF-8', () => {
  it('as Node encodes any text, lone surrogates included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(Buffer.from(utf8(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect([...utf8('é😀\ud800')]).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xef, 0xbf, 0xbd]);
  });
});

it('a user text of emoji longer than JSZip slices its strings (16,384 units) keeps every character', async () => {
  const wb = buyerWorkbook();
  // Texts at both parities, so that a slice boundary falls inside an emoji in the string table.
  const texts = [0, 1, 2, 3].map((k) => 'x'.repeat(k) + '😀'.repeat(10_000));
  texts.forEach((t, k) => (wb.getWorksheet('Titulaires')!.getCell(`E${9 + k}`).value = t));
  const { book, output } = await withSamplePlan(await toBytes(wb));
  expect(book.keptOriginalParts).toBe(true);
  const ws = (await loadBytes(output)).getWorksheet('Titulaires')!;
  expect(texts.map((_, k) => ws.getCell(`E${9 + k}`).value)).toEqual(texts);
});

it('a workbook without a string table (texts inline, as SheetJS writes them) gets one for our texts', async () => {
  const zip = await JSZip.loadAsync(await toBytes(buyerWorkbook()));
  const strings = [...(await zip.file('xl/sharedStrings.xml')!.async('string')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/(<c [^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a: string, b: string, n: string) => `${a}t="inlineStr"${b}><is>${strings[Number(n)]}</is></c>`));
  }
  zip.remove('xl/sharedStrings.xml');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace(/<Override [^>]*sharedStrings[^>]*\/>/, ''));
  const input = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  const before = await (await openXlsx(input, 'suivi.xlsx')).readSheets();
  expect(before[0].rows.flat()).toContain('2025-001');

  const { book, output } = await withSamplePlan(input);
  expect(book.keptOriginalParts).toBe(true);
  await expectWholePackage(output);
  const after = await parts(output);
  expect(after.get('xl/sharedStrings.xml')!.toString('utf8')).toContain('N° de marché');
  const back = await openXlsx(output, 'suivi.xlsx');
  expect((await back.readSheets()).filter((s) => !s.name.startsWith('SPASER '))).toEqual(before);
  expect((await loadBytes(output)).getWorksheet('SPASER Registre')!.getCell('B2').value).toBe('=1+1');
});

describe('the output is an .xlsx: a macro-enabled workbook or a template is written as one', () => {
  const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
  const TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml';
  const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

  /** The buyer workbook saved as Excel saves an .xlsm (a VBA project) or an .xltx. */
  async function saveAs(mainType: string, withVba: boolean): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await toBytes(buyerWorkbook()));
    let types = await zip.file('[Content_Types].xml')!.async('string');
    types = types.replace(/(<Override PartName="\/xl\/workbook.xml" ContentType=")[^"]*"/, `$1${mainType}"`);
    if (withVba) {
      types = types.replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"');
      zip.file('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    }
    zip.file('[Content_Types].xml', types);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  async function written(input: Uint8Array) {
    const { book, output } = await withSamplePlan(input, 'suivi.xlsm');
    const all = await parts(output);
    return { book, output, all, types: all.get('[Content_Types].xml')!.toString('utf8') };
  }

  it('a macro-enabled workbook: its VBA project left out, the workbook typed as an .xlsx, the user told', async () => {
    const input = await saveAs(MACRO_MAIN, true);
    expect((await parts(input)).get('[Content_Types].xml')!.toString('utf8')).toContain(MACRO_MAIN);
    const { book, output, all, types } = await written(input);
    expect(book.keptOriginalParts).toBe(true);
    expect(book.droppedMacros).toBe(true);
    expect(book.saveNotices()).toEqual([
      "Attention : les macros de ce classeur ne sont pas reprises dans le fichier écrit, qui est un classeur .xlsx (le classeur d'origine les garde).",
    ]);
    expect(types).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${XLSX_MAIN}"/>`);
    expect(types).not.toContain(MACRO_MAIN);
    expect(all.has('xl/vbaProject.bin')).toBe(false);
    expect(all.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).not.toContain('vbaProject');
    await expectWholePackage(output);
    // Every other part of the user is the same.
    const before = await parts(input);
    for (const [p, b] of before) if (!LISTS.includes(p) && p !== 'xl/vbaProject.bin') expect({ p, same: all.get(p)?.equals(b) }).toEqual({ p, same: true });
  });

  it('a template: typed as an .xlsx, nothing else to say', async () => {
    const { book, output, types } = await written(await saveAs(TEMPLATE_MAIN, false));
    expect(book.droppedMacros).toBe(false);
    expect(book.saveNotices()).toEqual([]);
    expect(types).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${XLSX_MAIN}"/>`);
    await expectWholePackage(output);
  });
});

describe('content types listed in another case than the parts (part names are case-insensitive, OPC §9.1.1)', () => {
  /** Override part names of a [Content_Types].xml, lower-cased, with their types. */
  const overrides = (types: string) => [...types.matchAll(/<Override [^>]*>/g)].map((m) => ({ part: attr(m[0], 'PartName')!.replace(/^\//, '').toLowerCase(), type: attr(m[0], 'ContentType') }));

  it("an old SPASER sheet's content type in capitals goes with the sheet: no type left for a missing part, none twice", async () => {
    const wb = buyerWorkbook();
    wb.addWorksheet('SPASER Registre').getCell('A1').value = 'ancien registre';
    const zip = await JSZip.loadAsync(await toBytes(wb));
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    const rid = attr(/<sheet [^>]*name="SPASER Registre"[^>]*>/.exec(wbXml)![0], 'r:id');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const oldPart = `xl/${attr(new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*>`).exec(rels)![0], 'Target')!.replace(/^\/?xl\//, '')}`;
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain(`PartName="/${oldPart}"`);
    zip.file('[Content_Types].xml', types.replace(`PartName="/${oldPart}"`, `PartName="/${oldPart.toUpperCase()}"`));
    const input = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

    const { book, output } = await withSamplePlan(input);
    expect(book.keptOriginalParts).toBe(true);
    const all = await parts(output);
    const present = new Set([...all.keys()].map((k) => k.toLowerCase()));
    const listed = overrides(all.get('[Content_Types].xml')!.toString('utf8'));
    expect(listed.filter((o) => !present.has(o.part))).toEqual([]);
    expect(listed.length).toBe(new Set(listed.map((o) => o.part)).size);
    expect((await loadBytes(output)).getWorksheet('SPASER Registre')!.getCell('A1').value).toBe('N° de marché');
  });

  it('a macro-enabled workbook whose main part is typed under another case is still typed as an .xlsx', async () => {
    const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
    const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
    const zip = await JSZip.loadAsync(await toBytes(buyerWorkbook()));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace(/<Override PartName="\/xl\/workbook.xml" ContentType="[^"]*"/, `<Override PartName="/xl/Workbook.xml" ContentType="${MACRO_MAIN}"`));
    const input = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { output } = await withSamplePlan(input, 'suivi.xlsm');
    const out = (await parts(output)).get('[Content_Types].xml')!.toString('utf8');
    // Excel refuses an .xlsx whose workbook is typed as macro-enabled (« format ou extension non valide »).
    expect(out).not.toContain(MACRO_MAIN);
    expect(overrides(out).filter((o) => o.part === 'xl/workbook.xml')).toEqual([{ part: 'xl/workbook.xml', type: XLSX_MAIN }]);
  });
});

it("the string table's count of uses stays true: added to on a first write, left out once old SPASER sheets are removed", async () => {
  const input = await toBytes(buyerWorkbook());
  const countOf = async (bytes: Uint8Array) => attr(/<sst [^>]*>/.exec((await parts(bytes)).get('xl/sharedStrings.xml')!.toString('utf8'))![0], 'count');
  const uses = async (bytes: Uint8Array) => {
    let n = 0;
    for (const [p, b] of await parts(bytes)) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(p)) n += (b.toString('utf8').match(/<c [^>]*t="s"/g) ?? []).length;
    return n;
  };
  expect(Number(await countOf(input))).toBe(await uses(input));
  const first = await openXlsx(input, 'suivi.xlsx');
  await first.writePlan(samplePlan());
  const once = await first.saveXlsx();
  expect(Number(await countOf(once))).toBe(await uses(once));
  const second = await openXlsx(once, 'suivi.xlsx');
  await second.writePlan(samplePlan());
  const twice = await second.saveXlsx();
  expect(await countOf(twice)).toBeUndefined();
  await expectWholePackage(twice);
});

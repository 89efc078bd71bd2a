/**
 * Files written by the Open XML SDK put SpreadsheetML under a prefix
 * (`<x:worksheet xmlns:x="…/main">`), which ExcelJS alone cannot read.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { unprefixed } from '../../../src/workbook/xlsx/namespaces';
import { loadBytes, toBytes } from './fixtures';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PARTS = /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+|tables\/table\d+)\.xml$/;

function register(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale']);
  ws.addRow(['2025-001', 'Papier recyclé 😀', 1200.5, new Date(Date.UTC(2025, 1, 3)), 'Oui']);
  ws.addRow(['2025-002', 'Nettoyage', 800, new Date(Date.UTC(2025, 3, 9)), 'Non']);
  ws.getCell('D2').numFmt = 'dd/mm/yyyy';
  ws.getCell('D3').numFmt = 'dd/mm/yyyy';
  ws.getCell('B2').font = { bold: true };
  return wb;
}

/** The same package as the Open XML SDK writes it: every SpreadsheetML element under `x:`. */
async function withPrefix(bytes: Uint8Array, p = 'x'): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!PARTS.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, `<$1${p}:$2`).replace(`xmlns="${MAIN}"`, `xmlns:${p}="${MAIN}"`));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function text(bytes: Uint8Array, part: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(part)!.async('string');
}

describe('a workbook whose SpreadsheetML is prefixed (Open XML SDK)', () => {
  let plain: Uint8Array;
  let prefixed: Uint8Array;
  beforeAll(async () => {
    plain = await toBytes(register());
    prefixed = await withPrefix(plain);
  });

  it('is not read by ExcelJS alone (guards the tests below)', async () => {
    await expect(loadBytes(prefixed)).rejects.toThrow();
    expect(await text(prefixed, 'xl/workbook.xml')).toContain('<x:sheet ');
  });

  it('is read as the same workbook without prefix', async () => {
    const fromPrefixed = await (await openXlsx(prefixed, 'suivi.xlsx')).readSheets();
    const fromPlain = await (await openXlsx(plain, 'suivi.xlsx')).readSheets();
    expect(fromPrefixed).toEqual(fromPlain);
    expect(fromPrefixed[0].rows[1][1]).toBe('Papier recyclé 😀');
  });

  it('is written into: its parts kept with their prefix, ours added under it, and a second run replaces ours', async () => {
    const run = async (bytes: Uint8Array) => {
      const book = await openXlsx(bytes, 'suivi.xlsx');
      const out = runChain([{ file: 'suivi.xlsx', sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: false, today: '2026-01-15' });
      await book.writePlan(out.plan);
      const output = await book.saveXlsx();
      expect(book.keptOriginalParts).toBe(true);
      return output;
    };
    const first = await run(prefixed);
    expect(await text(first, 'xl/worksheets/sheet1.xml')).toBe(await text(prefixed, 'xl/worksheets/sheet1.xml'));
    const wbXml = await text(first, 'xl/workbook.xml');
    expect(wbXml).toMatch(/<x:sheet name="SPASER Registre" sheetId="\d+" r:id="rIdSpaser\d+"\/>/);
    const styles = await text(first, 'xl/styles.xml');
    expect(unprefixed(styles)).not.toBeNull();
    expect(styles).not.toMatch(/<xf[\s>]/); // every appended style under the prefix
    const sheets = (await (await openXlsx(first, 'x.xlsx')).readSheets()).map((s) => s.name);
    expect(sheets).toEqual(['Suivi 2025', 'SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles', 'SPASER État']);
    const second = await run(first);
    const again = await openXlsx(second, 'x.xlsx');
    expect((await again.readSheets()).map((s) => s.name)).toEqual(sheets);
    expect((await again.readSheets())[0]).toEqual((await (await openXlsx(plain, 'suivi.xlsx')).readSheets())[0]);
    expect((await text(second, 'xl/workbook.xml')).match(/<x:sheet /g)).toHaveLength(sheets.length);
  });

  it('with a prefix holding a dot and a hyphen, written into and read back the same', async () => {
    const bytes = await withPrefix(plain, 'ns.main-1');
    const book = await openXlsx(bytes, 'suivi.xlsx');
    const out = runChain([{ file: 'suivi.xlsx', sheets: await book.readSheets(), state: null }], { writesCharts: false, today: '2026-01-15' });
    await book.writePlan(out.plan);
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    expect(await text(output, 'xl/workbook.xml')).toContain('<ns.main-1:sheet name="SPASER Registre"');
    const back = await (await openXlsx(output, 'x.xlsx')).readSheets();
    expect(back[0]).toEqual((await (await openXlsx(plain, 'suivi.xlsx')).readSheets())[0]);
    expect(back.map((s) => s.name)).toContain('SPASER Indicateurs');
  });
});

describe('unprefixed (property)', () => {
  const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const element: fc.Memo<string> = fc.memo((depth) =>
    fc.tuple(
      fc.constantFrom('row', 'c', 'v', 'sheetData', 'si', 't', 'r', 'is'),
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')),
      depth <= 1 ? fc.constant<string[]>([]) : fc.array(element(depth - 1), { maxLength: 3 }),
    ).map(([name, text, children]) => (children.length === 0 && text === '' ? `<${name}/>` : `<${name} a="1">${text}${children.join('')}</${name}>`)),
  );

  it('gives back the document the prefix was added to', () => {
    fc.assert(
      fc.property(fc.array(element(3), { maxLength: 4 }), fc.constantFrom('x', 'main', 's.1'), (children, p) => {
        const plain = `<?xml version="1.0"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="rel">${children.join('')}</worksheet>`;
        const withP = plain.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, `<$1${p}:$2`).replace(`xmlns="${MAIN_NS}"`, `xmlns:${p}="${MAIN_NS}"`);
        expect(unprefixed(withP)).toBe(plain);
        expect(unprefixed(plain)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

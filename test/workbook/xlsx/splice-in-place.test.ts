/**
 * An import replacing last month's keeps its place in the saved file (README « Consolidation »:
 * « leurs noms (sans « (2) ») et leurs places », as the Office adapter does), while the SPASER
 * sheets still go after the user's. Names local to a sheet and the workbook view follow.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spliceSheets } from '../../../src/workbook/xlsx/splice';
import { attr, expectWholePackage } from './package-checks';
import { toBytes } from './fixtures';

/** Culture's earlier import under `culture` (its case may differ from the new one's), shown when `activeTab` is 1. */
async function original(culture = 'Pôle Culture', activeTab = 1): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 'notes';
  wb.addWorksheet(culture).getCell('A1').value = 'ancien import';
  wb.addWorksheet('Pôle Sport').getCell('A1').value = 'sport';
  wb.addWorksheet('SPASER Registre').getCell('A1').value = 'ancien registre';
  const zip = await JSZip.loadAsync(await toBytes(wb));
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  // Culture (index 1) shown; a name local to Sport (index 2).
  zip.file(
    'xl/workbook.xml',
    xml
      .replace('<sheets>', `<bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets>`)
      .replace('</sheets>', `</sheets><definedNames><definedName name="Zone" localSheetId="2">'Pôle Sport'!$A$1</definedName></definedNames>`),
  );
  return zip.generateAsync({ type: 'uint8array' });
}

async function rewritten(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('SPASER Registre').getCell('A1').value = 'nouveau registre';
  wb.addWorksheet('Pôle Culture').getCell('A1').value = 'nouvel import';
  return toBytes(wb);
}

// Sheet names compared as Excel does, case aside.
const replaced = (n: string) => n.toLowerCase() === 'pôle culture' || n === 'SPASER Registre';
const culture = (n: string) => n.toLowerCase() === 'pôle culture';

async function sheetsOf(pkg: Uint8Array): Promise<{ names: string[]; wbXml: string }> {
  const wbXml = await (await JSZip.loadAsync(pkg)).file('xl/workbook.xml')!.async('string');
  return { names: [...wbXml.matchAll(/<sheet [^>]*>/g)].map((m) => attr(m[0], 'name')!), wbXml };
}

it('the import in its place, the SPASER sheet last; the local name and the shown sheet follow', async () => {
  const { pkg } = await spliceSheets(await original(), await rewritten(), replaced, culture);
  const bytes = await pkg.generate();
  await expectWholePackage(bytes);
  const { names, wbXml } = await sheetsOf(bytes);
  expect(names).toEqual(['Notes', 'Pôle Culture', 'Pôle Sport', 'SPASER Registre']);
  expect(wbXml).toContain(`<definedName name="Zone" localSheetId="2">'Pôle Sport'!$A$1</definedName>`);
  // The sheet shown was last month's import: its replacement is shown.
  expect(attr(/<workbookView[^>]*>/.exec(wbXml)![0], 'activeTab')).toBe('1');
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  expect(back.getWorksheet('Pôle Culture')!.getCell('A1').value).toBe('nouvel import');
  expect(back.getWorksheet('SPASER Registre')!.getCell('A1').value).toBe('nouveau registre');
});

it('without keepsPlace, as before: every added sheet after the user’s', async () => {
  const { pkg } = await spliceSheets(await original(), await rewritten(), replaced);
  const { names, wbXml } = await sheetsOf(await pkg.generate());
  expect(names).toEqual(['Notes', 'Pôle Sport', 'SPASER Registre', 'Pôle Culture']);
  expect(wbXml).toContain(`<definedName name="Zone" localSheetId="1">'Pôle Sport'!$A$1</definedName>`);
});

it('the replacing sheet named in another case takes the place of the one it replaces', async () => {
  const { pkg } = await spliceSheets(await original('Pôle culture'), await rewritten(), replaced, culture);
  expect((await sheetsOf(await pkg.generate())).names).toEqual(['Notes', 'Pôle Culture', 'Pôle Sport', 'SPASER Registre']);
});

it('the sheet shown was the SPASER sheet rewritten: its new version is shown, not a sheet of the user', async () => {
  const { pkg } = await spliceSheets(await original('Pôle Culture', 3), await rewritten(), replaced, culture);
  const { names, wbXml } = await sheetsOf(await pkg.generate());
  expect(names[Number(attr(/<workbookView[^>]*>/.exec(wbXml)![0], 'activeTab'))]).toBe('SPASER Registre');
});

/**
 * Hand mutation audit of session 23 (an import replacing last month's keeps its place): gaps the
 * existing tests left open. README « Consolidation »: the new sheets take « leurs noms (sans « (2) »)
 * et leurs places »; Excel's sheet names ignore case.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spliceSheets } from '../../../src/workbook/xlsx/splice';
import { PreviewHost } from '../../../src/taskpane/hosts/preview-host';
import type { ImportSheet } from '../../../src/taskpane/consolidation';
import { attr } from './package-checks';
import { toBytes } from './fixtures';

async function original(activeTab: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 'notes';
  wb.addWorksheet('Pôle culture').getCell('A1').value = 'ancien import';
  wb.addWorksheet('Pôle Sport').getCell('A1').value = 'sport';
  wb.addWorksheet('SPASER Registre').getCell('A1').value = 'ancien registre';
  const zip = await JSZip.loadAsync(await toBytes(wb));
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', xml.replace('<sheets>', `<bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets>`));
  return zip.generateAsync({ type: 'uint8array' });
}

async function rewritten(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('SPASER Registre').getCell('A1').value = 'nouveau registre';
  wb.addWorksheet('Pôle Culture').getCell('A1').value = 'nouvel import';
  return toBytes(wb);
}

const replaced = (n: string) => n.toLowerCase() === 'pôle culture' || n === 'SPASER Registre';
const inPlace = (n: string) => n.toLowerCase() === 'pôle culture';

async function saved(activeTab: number): Promise<{ names: string[]; active: string | undefined }> {
  const { pkg } = await spliceSheets(await original(activeTab), await rewritten(), replaced, inPlace);
  const wbXml = await (await JSZip.loadAsync(await pkg.generate())).file('xl/workbook.xml')!.async('string');
  const names = [...wbXml.matchAll(/<sheet [^>]*>/g)].map((m) => attr(m[0], 'name')!);
  return { names, active: attr(/<workbookView[^>]*>/.exec(wbXml)![0], 'activeTab') };
}

it('the replacing sheet named in another case takes the place of the one it replaces', async () => {
  expect((await saved(1)).names).toEqual(['Notes', 'Pôle Culture', 'Pôle Sport', 'SPASER Registre']);
});

it('the sheet shown was the SPASER sheet rewritten: its new version is shown, not a sheet of the user', async () => {
  const { names, active } = await saved(3);
  expect(names[Number(active)]).toBe('SPASER Registre');
});

it('preview host: a replacing sheet named in another case keeps the place of the one it replaces', async () => {
  const sheet = (name: string, first: string): ImportSheet => ({
    name,
    kind: 'registre',
    source: { file: 'Pôle Sport.xlsx', sheet: 'Marchés' },
    rows: [['N° marché', 'Objet', 'Montant HT', 'Date de notification'], [first, 'Gymnase', 1500, '04/03/2025']],
  });
  const host = new PreviewHost({ createUrl: () => 'blob:x', revokeUrl: () => undefined });
  await host.importSheets([sheet('Sport', 'S-1'), sheet('Culture', 'C-1')]);
  await host.importSheets([sheet('SPORT', 'S-2')], ['SPORT']);
  const names = (await host.read())[0].sheets.map((s) => s.name.toLowerCase());
  expect(names).toEqual(['sport', 'culture']);
});

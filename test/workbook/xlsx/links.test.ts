/**
 * In-workbook links as Excel writes them (`links.ts`): ExcelJS writes a link
 * to `#'Sheet'!$A$1` as an external relationship; the package we save has a
 * `location` on the `<hyperlink>` instead, and no relationship.
 */
import ExcelJS from 'exceljs';
import { internalLinksAsLocations } from '../../../src/workbook/xlsx/links';
import { Package } from '../../../src/workbook/xlsx/package';
import { sheetLinks } from '../../helpers/sheet-links';
import { toBytes } from './fixtures';
import { expectWholePackage, parts } from './package-checks';

async function converted(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const pkg = await Package.load(await toBytes(wb));
  await internalLinksAsLocations(pkg);
  return pkg.generate();
}

describe('internalLinksAsLocations', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const mixed = wb.addWorksheet('Contrôles');
    mixed.getCell('A1').value = { text: 'Aller', hyperlink: "#'L''été & co'!$B$2", tooltip: 'Voir la cellule' };
    mixed.getCell('A2').value = { text: 'Fiche', hyperlink: 'https://example.org/fiche?a=1&b=2' };
    mixed.getCell('A3').value = { text: 'Retour', hyperlink: '#Synthèse!$A$1' };
    const internalOnly = wb.addWorksheet("L'été & co");
    internalOnly.getCell('B2').value = { text: 'Retour', hyperlink: "#'Contrôles'!$A$1" };
    wb.addWorksheet('Synthèse').getCell('A1').value = 'rien';
    bytes = await converted(wb);
  });

  it('gives in-workbook links a location and no relationship, attributes kept', async () => {
    expect(await sheetLinks(bytes, 'Contrôles')).toEqual(
      new Map([
        ['A1', { location: "'L''été & co'!$B$2" }],
        ['A2', { target: 'https://example.org/fiche?a=1&b=2' }],
        ['A3', { location: 'Synthèse!$A$1' }],
      ]),
    );
    const sheet = (await parts(bytes)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('<hyperlink ref="A1" tooltip="Voir la cellule" location="\'L\'\'été &amp; co\'!$B$2"/>');
  });

  it('keeps only the other relationships, and drops a relationships part left empty', async () => {
    const all = await parts(bytes);
    const rels = all.get('xl/worksheets/_rels/sheet1.xml.rels')!.toString('utf8');
    expect([...rels.matchAll(/<Relationship [^>]*>/g)]).toHaveLength(1);
    expect(rels).toContain('Target="https://example.org/fiche?a=1&amp;b=2"');
    expect(all.has('xl/worksheets/_rels/sheet2.xml.rels')).toBe(false);
    expect(await sheetLinks(bytes, "L'été & co")).toEqual(new Map([['B2', { location: "'Contrôles'!$A$1" }]]));
  });

  it('leaves a whole package that ExcelJS still opens, with the cells\' text', async () => {
    await expectWholePackage(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Contrôles')!.getCell('A1').text).toBe('Aller');
  });

  it('changes nothing in a package without in-workbook links', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Suivi').getCell('A1').value = { text: 'Fiche', hyperlink: 'https://example.org/' };
    const pkg = await Package.load(await toBytes(wb));
    const before = await pkg.text('xl/worksheets/sheet1.xml');
    await internalLinksAsLocations(pkg);
    expect(await pkg.text('xl/worksheets/sheet1.xml')).toBe(before);
    expect(await sheetLinks(await pkg.generate(), 'Suivi')).toEqual(new Map([['A1', { target: 'https://example.org/' }]]));
  });
});

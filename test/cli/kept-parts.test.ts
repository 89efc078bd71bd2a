/**
 * The command line writes into a copy of the user's own file, part by part
 * (`splice.ts`); when a file cannot be copied so, the output is ExcelJS's rewrite
 * and the user is told what it may lack.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { EXIT_OK, runCli } from '../../src/cli/run';
import { capture, tempDir, writeSmallRegister } from './helpers';

const NOTICE = "Attention : ce classeur n'a pas pu être recopié tel quel";
const CULTURE = path.resolve(__dirname, '../fixtures/libreoffice/authored/Pôle Culture.xlsx');

describe('the output of one workbook', () => {
  it('keeps the chart and the pivot table of a LibreOffice workbook, and says nothing more', async () => {
    const dir = tempDir();
    fs.copyFileSync(CULTURE, path.join(dir, 'Pôle Culture.xlsx'));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle Culture.xlsx'], c.io)).toBe(EXIT_OK);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'Pôle Culture - SPASER.xlsx')));
    expect(zip.file('xl/charts/chart1.xml')).not.toBeNull();
    expect(zip.file('xl/pivotTables/pivotTable1.xml')).not.toBeNull();
    expect(c.stderr()).not.toContain('Attention');
  });

  it('from a file that cannot be copied part by part (no styles part): written all the same, and the user is told', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Pôle A.xlsx');
    await writeSmallRegister(file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    zip.remove('xl/styles.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*styles[^>]*\/>/, ''));
    fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    const c = capture(dir);
    expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
    expect(fs.existsSync(path.join(dir, 'Pôle A - SPASER.xlsx'))).toBe(true);
    expect(c.stderr()).toContain(`${NOTICE} : le fichier écrit reprend les cellules de vos feuilles, mais peut-être pas leurs graphiques, tableaux croisés dynamiques, images ni macros (le classeur d'origine n'est pas modifié).`);
  });
});

it('a macro-enabled workbook (.xlsm): written as an .xlsx without its macros, and the user is told', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'Pôle B.xlsm');
  await writeSmallRegister(file);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types
      .replace(/(<Override PartName="\/xl\/workbook.xml" ContentType=")[^"]*"/, '$1application/vnd.ms-excel.sheet.macroEnabled.main+xml"')
      .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"'),
  );
  zip.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
  fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
  const c = capture(dir);
  expect(await runCli(['calculer', 'Pôle B.xlsm'], c.io)).toBe(EXIT_OK);
  const out = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'Pôle B - SPASER.xlsx')));
  expect(out.file('xl/vbaProject.bin')).toBeNull();
  expect(c.stderr()).toContain(
    "Attention : les macros de ce classeur ne sont pas reprises dans le fichier écrit, qui est un classeur .xlsx (le classeur d'origine les garde).",
  );
  expect(c.stderr()).not.toContain("n'a pas pu être recopié");
});

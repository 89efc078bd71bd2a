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

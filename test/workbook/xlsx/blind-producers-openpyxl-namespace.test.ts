/**
 * Found by the blind producers test (pandas/openpyxl): openpyxl declares the
 * relationships namespace on each `<sheet>` of its workbook part, not on `<workbook>`.
 * The sheets we add used that prefix out of its scope (`r:id` unbound): a workbook
 * part LibreOffice refused to load, and Excel reports as damaged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { EXIT_OK, runCli } from '../../../src/cli/run';
import { relIdAttribute } from '../../../src/workbook/xlsx/package';
import { capture, tempDir, writeSmallRegister } from '../../cli/helpers';
import { malformedParts } from './blind-producers-packages';

const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('relIdAttribute', () => {
  it('uses the prefix the root binds, whatever its name', () => {
    expect(relIdAttribute(`<?xml version="1.0"?>\n<workbook xmlns="m" xmlns:rel="${RELS}"><sheets/></workbook>`, 'rId9')).toBe('rel:id="rId9"');
  });
  it('declares the namespace on the spot when only a child element binds it', () => {
    expect(relIdAttribute(`<workbook xmlns="m"><sheets><sheet xmlns:r="${RELS}" r:id="rId1"/></sheets></workbook>`, 'rId9')).toBe(`xmlns:r="${RELS}" r:id="rId9"`);
  });
});

it('a workbook part written as openpyxl writes it: the output lists our sheets in well-formed XML', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'Pôle A.xlsx');
  await writeSmallRegister(file);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  zip.file(
    'xl/workbook.xml',
    wb.replace(/\sxmlns:r="[^"]*"/, '').replace(/<sheet (?=[^>]*r:id=)/g, `<sheet xmlns:r="${RELS}" `),
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
  expect(await malformedParts(new Uint8Array(fs.readFileSync(file)))).toEqual([]);
  const c = capture(dir);
  expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
  expect(c.stderr()).not.toContain("n'a pas pu être recopié");
  const out = new Uint8Array(fs.readFileSync(path.join(dir, 'Pôle A - SPASER.xlsx')));
  expect(await malformedParts(out)).toEqual([]);
  const listed = await (await JSZip.loadAsync(out)).file('xl/workbook.xml')!.async('string');
  expect([...listed.matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['Suivi 2025', 'SPASER Registre']));
  fs.rmSync(dir, { recursive: true, force: true });
});

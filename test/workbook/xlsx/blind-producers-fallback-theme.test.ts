/**
 * Found by the blind producers test (minimal hand-written package): a file without a
 * theme part that cannot be spliced is rewritten by ExcelJS, whose writer then listed
 * `xl/theme/theme1.xml` (content type and workbook relationship) without writing it:
 * a package Excel reports as damaged, and that the next run kept as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { EXIT_OK, runCli } from '../../../src/cli/run';
import { capture, tempDir } from '../../cli/helpers';
import { minimalPackage } from './blind-producers-packages';
import { expectWholePackage } from './package-checks';

const NOTICE = "Attention : ce classeur n'a pas pu être recopié tel quel";

it('a file without styles nor theme, rewritten by ExcelJS: every part its lists name is in the package, on the next run too', async () => {
  const dir = tempDir();
  const p = await minimalPackage();
  fs.writeFileSync(path.join(dir, 'Pôle A.xlsx'), p.bytes);
  const c = capture(dir);
  expect(await runCli(['calculer', 'Pôle A.xlsx'], c.io)).toBe(EXIT_OK);
  expect(c.stderr()).toContain(NOTICE);
  const out = new Uint8Array(fs.readFileSync(path.join(dir, 'Pôle A - SPASER.xlsx')));
  const zip = await JSZip.loadAsync(out);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  for (const m of rels.matchAll(/Target="([^"]*)"/g)) expect({ target: m[1], exists: zip.file(`xl/${m[1].replace(/^\/xl\//, '')}`) !== null }).toEqual({ target: m[1], exists: true });
  await expectWholePackage(out);

  const again = capture(dir);
  expect(await runCli(['calculer', 'Pôle A - SPASER.xlsx'], again.io)).toBe(EXIT_OK);
  expect(again.stderr()).not.toContain(NOTICE);
  await expectWholePackage(new Uint8Array(fs.readFileSync(path.join(dir, 'Pôle A - SPASER - SPASER.xlsx'))));
  fs.rmSync(dir, { recursive: true, force: true });
});

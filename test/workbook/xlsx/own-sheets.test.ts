/**
 * sortie.md: « A re-run replaces the add-in's own sheets »; it never deletes
 * another sheet. A user sheet whose name merely starts with `SPASER `
 * (« SPASER Notes ») is not one of them: the file written by the command line
 * and the preview keeps it, part for part, run after run (the Office write was
 * mended the same way, found by the blind ribbon test).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { openXlsx } from '../../../src/workbook/xlsx';
import { toBytes } from './fixtures';

async function run(bytes: Uint8Array): Promise<Uint8Array> {
  const book = await openXlsx(bytes, 'Pôle Sport.xlsx');
  const out = runChain([{ file: book.name, sheets: await book.readSheets(), state: await book.readState() }], { today: '2026-01-15', writesCharts: true });
  await book.writePlan(out.plan);
  const saved = await book.saveXlsx();
  expect(book.keptOriginalParts).toBe(true);
  return saved;
}

async function sheetPart(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

describe('the written file keeps a user sheet named « SPASER … »', () => {
  it('« SPASER Notes » comes out the same, part for part, over two runs; the add-in\'s sheets are there once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi');
    ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification']);
    ws.addRow(['2025-001', 'Nettoyage des écoles', 1200, new Date(Date.UTC(2025, 1, 3))]);
    const notes = wb.addWorksheet('SPASER Notes');
    notes.getCell('A1').value = 'à relire';
    notes.getCell('A2').value = 42;
    const input = await toBytes(wb);
    const first = await run(input);
    const second = await run(first);
    for (const out of [first, second]) {
      const names = (await new ExcelJS.Workbook().xlsx.load(out as unknown as ExcelJS.Buffer)).worksheets.map((w) => w.name);
      expect(names.filter((n) => n === 'SPASER Notes')).toHaveLength(1);
      expect(names.filter((n) => n === 'SPASER Registre')).toHaveLength(1);
      expect(await sheetPart(out, 'SPASER Notes')).toBe(await sheetPart(input, 'SPASER Notes'));
    }
  });
});

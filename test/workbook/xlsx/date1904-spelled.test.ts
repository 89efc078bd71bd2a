/**
 * A workbook counting its dates from 1904 says so by `date1904`, a boolean of XML Schema: `1` or
 * `true` (Excel for Mac writes `true`). ExcelJS took only `1`: such a workbook's dates were read
 * four years and a day early (14/03/2025 → 13/03/2021), and ours written in the other system.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { withDate1904AsOne } from '../../../src/workbook/xlsx/reading-copy';
import { toBytes } from './fixtures';

/** A 1904 register whose workbook part spells the date system `spelling`. */
async function macRegister(spelling: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification']);
  ws.addRow(['2025-001', 'Entretien des espaces verts', 12500, new Date(Date.UTC(2025, 2, 14))]);
  ws.addRow(['2024-002', 'Fournitures de bureau', 830.5, new Date(Date.UTC(2024, 11, 31))]);
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  const zip = await JSZip.loadAsync(await toBytes(wb));
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  expect(xml).toContain('date1904="1"');
  zip.file('xl/workbook.xml', xml.replace('date1904="1"', `date1904="${spelling}"`));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

const datesOf = (rows: readonly (readonly unknown[])[]) => rows.flat().filter((v) => typeof v === 'object' && v !== null && 'date' in v);

describe('the 1904 date system spelled `true`', () => {
  it.each(['true', ' true ', 'TRUE', '1'])('date1904="%s": the dates read as the days they are', async (spelling) => {
    const [grid] = await (await openXlsx(await macRegister(spelling), 'mac.xlsx')).readSheets();
    expect(datesOf(grid.rows)).toEqual([{ date: '2025-03-14' }, { date: '2024-12-31' }]);
  });

  it('the exercise is the year written, and the register written reads back with the same dates', async () => {
    const input = await macRegister('true');
    const book = await openXlsx(input, 'mac.xlsx');
    const out = runChain([{ file: 'mac.xlsx', sheets: await book.readSheets(), state: null }], { writesCharts: false, today: '2026-01-15' });
    expect(out.result.exercice).toBe(2025);
    await book.writePlan(out.plan);
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    // The file's own workbook part is kept, spelling included.
    expect(await (await JSZip.loadAsync(output)).file('xl/workbook.xml')!.async('string')).toContain('date1904="true"');
    const back = await (await openXlsx(output, 'mac.xlsx')).readSheets();
    const registre = back.find((g) => g.name === 'SPASER Registre')!;
    expect(datesOf(registre.rows)).toEqual(expect.arrayContaining([{ date: '2025-03-14' }, { date: '2024-12-31' }]));
    expect(datesOf(registre.rows).every((d) => ['2025-03-14', '2024-12-31'].includes((d as { date: string }).date))).toBe(true);
  });

  it('false, 0, or no attribute: the 1900 system, nothing to change', () => {
    for (const pr of ['<workbookPr date1904="false"/>', '<workbookPr date1904="0"/>', '<workbookPr defaultThemeVersion="1"/>', '<workbookPr date1904="1"/>']) {
      expect(withDate1904AsOne(`<workbook>${pr}<sheets/></workbook>`)).toBeNull();
    }
    expect(withDate1904AsOne(`<x:workbook><x:workbookPr filterPrivacy="1" date1904='true'/></x:workbook>`)).toBe(
      '<x:workbook><x:workbookPr filterPrivacy="1" date1904="1"/></x:workbook>',
    );
  });
});

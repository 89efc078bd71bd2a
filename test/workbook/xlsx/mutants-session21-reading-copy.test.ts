/**
 * Session-21 mutation audit of `reading-copy.ts` (`withDate1904AsOne` and the copy ExcelJS
 * reads): spellings of the 1904 date system that no test held.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { toBytes } from './fixtures';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PREFIXED = /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/;

/** A 1904 register (14/03/2025) whose package is edited part by part. */
async function macRegister(edit: (part: string, xml: string) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° marché', 'Date de notification']);
  ws.addRow(['2025-001', new Date(Date.UTC(2025, 2, 14))]);
  ws.getColumn(2).numFmt = 'dd/mm/yyyy';
  const zip = await JSZip.loadAsync(await toBytes(wb));
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith('.xml')) continue;
    const xml = await zip.file(name)!.async('string');
    zip.file(name, edit(name, xml));
  }
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

async function dateRead(bytes: Uint8Array): Promise<unknown> {
  const [grid] = await (await openXlsx(bytes, 'mac.xlsx')).readSheets();
  return grid.rows[1][1];
}

const spelled = (spelling: string) => (part: string, xml: string) => (part === 'xl/workbook.xml' ? xml.replace('date1904="1"', spelling) : xml);

describe('the 1904 date system, spelled as XML allows', () => {
  it.each(['date1904=" 1 "', 'date1904 = "true"', "date1904 =\n'1 '"])('%s: the date reads as the day it is', async (spelling) => {
    expect(await dateRead(await macRegister(spelled(spelling)))).toEqual({ date: '2025-03-14' });
  });

  it('in a workbook written under a prefix (Open XML SDK) with date1904="true"', async () => {
    const bytes = await macRegister((part, xml) => {
      const dated = spelled('date1904="true"')(part, xml);
      if (!PREFIXED.test(part)) return dated;
      return dated.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2').replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    });
    expect(await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string')).toContain('<x:workbookPr date1904="true"');
    expect(await dateRead(bytes)).toEqual({ date: '2025-03-14' });
  });
});

import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { openXlsx } from '../src/workbook/xlsx/open';
import { toBytes } from '../test/workbook/xlsx/fixtures';
(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('M');
  ws.addRow(['a', true, false, 1, 2, 3]);
  const zip = await JSZip.loadAsync(await toBytes(wb));
  let xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  console.log(xml.slice(xml.indexOf('<sheetData'), xml.indexOf('</sheetData>')));
  xml = xml.replace(/<c r="B1" t="b"><v>1<\/v><\/c>/, '<c r="B1" t="b"><v>true</v></c>').replace(/<c r="C1" t="b"><v>0<\/v><\/c>/, '<c r="C1" t="b"><v>false</v></c>')
    .replace(/<c r="D1"><v>1<\/v><\/c>/, '<c r="D1" t="b"><v> 0 </v></c>').replace(/<c r="E1"><v>2<\/v><\/c>/, '<c r="E1" t="n"><v>1.5E3</v></c>').replace(/<c r="F1"><v>3<\/v><\/c>/, '<c r="F1" t="e"><v>#DIV/0!</v></c>');
  console.log(xml.slice(xml.indexOf('<sheetData'), xml.indexOf('</sheetData>')));
  zip.file('xl/worksheets/sheet1.xml', xml);
  const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
  const book = await openXlsx(bytes, 'b.xlsx');
  console.log(JSON.stringify((await book.readSheets())[0].rows));
})();

/**
 * Found by the fuzz test: saved from Node, an emoji straddling JSZip's 16,384-unit slices came
 * back as two U+FFFD (ExcelJS hands JSZip strings outside the browser). The Node file helpers
 * hand it bytes: every character of the user's sheets and ours reads back.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsxFile, writeXlsxFile } from '../../../src/workbook/xlsx/node-files';

const EMOJI_TEXT = 'x' + '😀'.repeat(9000);
const MIXED = Array.from({ length: 4000 }, (_, i) => `ligne ${i} 🌱 Roubaix — 𝔸`).join(' ');

async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Notes');
  ws.getCell('A1').value = EMOJI_TEXT;
  ws.getCell('A2').value = MIXED;
  ws.getCell('B1').value = { richText: [{ text: EMOJI_TEXT.slice(0, 20001) }] };
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test('texts outside the BMP read back unchanged from a file written by the Node helpers', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spaser-zip-'));
  try {
    const input = path.join(dir, 'Notes.xlsx');
    fs.writeFileSync(input, await userWorkbook());
    const out = path.join(dir, 'out.xlsx');
    await writeXlsxFile(await readXlsxFile(input), out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(fs.readFileSync(out) as unknown as ExcelJS.Buffer);
    const ws = back.getWorksheet('Notes')!;
    expect(ws.getCell('A1').value).toBe(EMOJI_TEXT);
    expect(ws.getCell('A2').value).toBe(MIXED);
    expect((ws.getCell('B1').value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('')).toBe(EMOJI_TEXT.slice(0, 20001));
    expect(fs.readFileSync(out).includes(Buffer.from('\ufffd', 'utf8'))).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});


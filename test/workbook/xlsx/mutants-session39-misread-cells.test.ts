/**
 * Session 39 mutation audit of `misread-cells.ts`: the quick look at a sheet's XML for numbers large
 * enough to be an invalid Date (8 digits, a sign, an exponent), and the inline texts read again.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { isoDateValue, typedCells } from '../../../src/workbook/xlsx/misread-cells';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { toBytes, withRawCells } from './fixtures';

const sheet = (cells: string) => `<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
const refs = (xml: string) => typedCells(xml).map((c) => [c.ref, c.type, c.text]);

describe('typedCells: a sheet whose only large number is written one way', () => {
  it('8 digits (99,900,000 is the first number looked at)', () => {
    expect(refs(sheet('<c r="A1"><v>99900000</v></c>'))).toEqual([['A1', 'n', '99900000']]);
  });

  it('negative', () => {
    expect(refs(sheet('<c r="A1"><v>-150000000</v></c>'))).toEqual([['A1', 'n', '-150000000']]);
  });

  it('with an exponent', () => {
    expect(refs(sheet('<c r="A1"><v>1.5E+21</v></c>'))).toEqual([['A1', 'n', '1.5E+21']]);
  });

  it('a number cell whose text is no number is left to ExcelJS', () => {
    expect(refs(sheet('<c r="A1"><v>99900000</v></c><c r="B1"><v>n/a</v></c>'))).toEqual([['A1', 'n', '99900000']]);
  });
});

describe('typedCells: inline strings', () => {
  it('a phonetic guide is not the text: an inline string with no text of its own is left', () => {
    expect(refs(sheet('<c r="A1" t="inlineStr"><is><rPh sb="0" eb="1"><t>a_x000D_b</t></rPh></is></c>'))).toEqual([]);
  });
});

describe('isoDateValue: a year out of 1 to 9999 is no date', () => {
  it('year 0000 is kept as its text', () => {
    expect(isoDateValue('0000-03-01')).toBeNull();
    expect(isoDateValue('0001-03-01')?.toISOString()).toBe('0001-03-01T00:00:00.000Z');
  });

  it('year 10000 is kept as its text, 9999 is a date', () => {
    expect(isoDateValue('10000-03-01')).toBeNull();
    expect(isoDateValue('9999-03-01')?.toISOString()).toBe('9999-03-01T00:00:00.000Z');
  });
});

describe('isoDateValue: the time', () => {
  it('60 minutes or 60 seconds is no time (not rolled to the next minute)', () => {
    expect(isoDateValue('2025-03-14T10:60:00')).toBeNull();
    expect(isoDateValue('2025-03-14T10:30:60')).toBeNull();
    expect(isoDateValue('2025-03-14T10:59:59')?.toISOString()).toBe('2025-03-14T10:59:59.000Z');
  });

  it('after a space as after a T, with a decimal comma as with a point', () => {
    expect(isoDateValue('2025-03-14 10:30:15')?.toISOString()).toBe('2025-03-14T10:30:15.000Z');
    expect(isoDateValue('2025-03-14T10:30:15,25')?.toISOString()).toBe('2025-03-14T10:30:15.250Z');
  });
});

describe('typedCells: an empty formula result written `<v />`', () => {
  it('is the empty string, as `<v/>`', () => {
    expect(refs(sheet('<c r="A1" t="str"><f>IF(1,"")</f><v /></c>'))).toEqual([['A1', 'str', '']]);
  });
});

/** A register whose E2:E4 is one formula filled down (E3, E4 share E2's), saved with `""` results. */
async function sharedEmptyResults(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Dépenses mandatées']);
  for (let i = 0; i < 3; i++) ws.addRow([`M-${i + 1}`, 'Papier', 100, new Date(Date.UTC(2025, 1, 1)), null]);
  ws.getCell('E2').value = { formula: 'IF(C2>1000,C2/2,"")', result: 'EMPTY-RESULT', shareType: 'shared', ref: 'E2:E4' } as ExcelJS.CellValue;
  ws.getCell('E3').value = { sharedFormula: 'E2', result: 'EMPTY-RESULT' } as ExcelJS.CellValue;
  ws.getCell('E4').value = { sharedFormula: 'E2', result: 'EMPTY-RESULT' } as ExcelJS.CellValue;
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  expect(xml.match(/<f t="shared" si="0"\/>/g)).toHaveLength(2);
  expect(xml.match(/<v>EMPTY-RESULT<\/v>/g)).toHaveLength(3);
  zip.file(part, xml.replace(/<v>EMPTY-RESULT<\/v>/g, '<v/>'));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

describe('a formula filled down (shared) whose results are the empty string', () => {
  it('every cell reads empty and the sheet is not said to hold formulas without their result', async () => {
    const read = await (await openXlsx(await sharedEmptyResults(), 'Export.xlsx')).readSheets();
    expect(read[0].uncalculated).toBeUndefined();
    expect(read[0].rows.slice(1).map((r) => r[4] ?? null)).toEqual([null, null, null]);
    expect(runChain([{ file: 'Export.xlsx', sheets: read, state: null }], { today: '2026-01-15', writesCharts: false }).notices).toEqual([]);
  });
});

describe('a percent written as text in a format holding an XML entity', () => {
  it('`[<1000]0\\%;0` (saved `[&lt;1000]…`): 30 shown 30 % is 30', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('F');
    ws.addRow([30, 0.3]);
    ws.getCell('A1').numFmt = '[<1000]0\\%;0';
    ws.getCell('B1').numFmt = '0%';
    const bytes = await toBytes(wb);
    const styles = await (await JSZip.loadAsync(bytes)).file('xl/styles.xml')!.async('string');
    expect(styles).toContain('formatCode="[&lt;1000]0\\%;0"');
    const [grid] = await (await openXlsx(bytes, 'f.xlsx')).readSheets();
    expect(grid.rows[0]).toEqual([30, 30]);
  });
});

describe('a boolean cell spelled neither way', () => {
  it('keeps what ExcelJS read (TRUE), beside a « false » read again as FALSE', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('F');
    ws.addRow(['Réservé', 'Clause']);
    ws.addRow([true, true]);
    const bytes = await withRawCells(await toBytes(wb), { A2: { type: 'b', inner: '<v>false</v>' }, B2: { type: 'b', inner: '<v>oui</v>' } });
    const [grid] = await (await openXlsx(bytes, 'f.xlsx')).readSheets();
    expect(grid.rows[1]).toEqual([false, true]);
  });
});

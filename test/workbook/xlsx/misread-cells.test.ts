/**
 * Cells the format allows and Excel reads, that ExcelJS 4.4 misread without a word: dates stored
 * as ISO 8601 text (`t="d"`; openpyxl's `iso_dates`, SheetJS's `cellDates`, Ext JS), read as their
 * leading year (2025 → 17/07/1905), and booleans spelled out (`<v>false</v>`, Ext JS), read as
 * TRUE. They must read as Excel shows them.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { booleanValue, isoDateValue, typedCells } from '../../../src/workbook/xlsx/misread-cells';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { toBytes, withFirstSheetXml, withRawCells } from './fixtures';

const SHEET = 'xl/worksheets/sheet1.xml';

/** A register with a date column formatted as dates (rows 2 to 4), as an export library writes it. */
function register(date1904 = false): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification']);
  ws.addRow(['2025-001', 'Entretien des espaces verts', 12500, new Date(Date.UTC(2000, 0, 1))]);
  ws.addRow(['2025-002', 'Fournitures de bureau', 830.5, new Date(Date.UTC(2000, 0, 1))]);
  ws.addRow(['2024-017', 'Nettoyage des locaux', 40000, new Date(Date.UTC(2000, 0, 1))]);
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  return wb;
}

interface IsoCell {
  readonly text: string;
  /** A formula whose cached result is the ISO text. */
  readonly formula?: string;
  /** Without the cell's style (no date format). */
  readonly bare?: boolean;
}

/** The package with these cells of the first sheet stored as `t="d"` ISO texts, their style kept. */
function withIsoCells(bytes: Uint8Array, cells: Record<string, IsoCell>): Promise<Uint8Array> {
  const raw = (cell: IsoCell) => ({ type: 'd', bare: cell.bare, inner: `${cell.formula === undefined ? '' : `<f>${cell.formula}</f>`}<v>${cell.text}</v>` });
  return withRawCells(bytes, Object.fromEntries(Object.entries(cells).map(([ref, cell]) => [ref, raw(cell)])));
}

/** A column of the first sheet as read, under its header. */
async function columnRead(bytes: Uint8Array, column: number): Promise<unknown[]> {
  const [grid] = await (await openXlsx(bytes, 'export.xlsx')).readSheets();
  return grid.rows.slice(1).map((r) => r[column]);
}

const dateColumn = (bytes: Uint8Array) => columnRead(bytes, 3);

describe('ISO date cells (t="d")', () => {
  it('read as the days they write, with or without a time', async () => {
    const input = await withIsoCells(await toBytes(register()), {
      D2: { text: '2025-03-14T00:00:00' },
      D3: { text: '2024-12-31T23:59:59.9999' },
      D4: { text: '2025-01-02' },
    });
    expect(await dateColumn(input)).toEqual([{ date: '2025-03-14' }, { date: '2024-12-31' }, { date: '2025-01-02' }]);
  });

  it('in a workbook of the 1904 date system too', async () => {
    const input = await withIsoCells(await toBytes(register(true)), { D2: { text: '2025-03-14T00:00:00' }, D3: { text: '2023-07-01' } });
    const column = await dateColumn(input);
    expect(column.slice(0, 2)).toEqual([{ date: '2025-03-14' }, { date: '2023-07-01' }]);
  });

  it('a formula whose cached result is an ISO date reads as that day', async () => {
    const input = await withIsoCells(await toBytes(register()), { D2: { text: '2025-03-14T00:00:00', formula: 'DATE(2025,3,14)' } });
    const book = await openXlsx(input, 'export.xlsx');
    const [grid] = await book.readSheets();
    expect(grid.rows[1][3]).toEqual({ date: '2025-03-14' });
    // The formula itself is kept in memory, for a rewrite of the sheet by ExcelJS.
    expect(book.workbook.worksheets[0].getCell('D2').value).toEqual({ formula: 'DATE(2025,3,14)', result: new Date(Date.UTC(2025, 2, 14)) });
  });

  it('a text that is no date is read as written (then reported as unreadable), not as a year', async () => {
    const input = await withIsoCells(await toBytes(register()), {
      D2: { text: '2025-03-14' },
      D3: { text: '2025-02-30' },
      D4: { text: '2025-13-01T00:00:00' },
    });
    expect(await dateColumn(input)).toEqual([{ date: '2025-03-14' }, '2025-02-30', '2025-13-01T00:00:00']);
  });

  it('an ISO cell without a date format, beside one with it, reads as its day too', async () => {
    const input = await withIsoCells(await toBytes(register()), { D2: { text: '2025-03-14' }, D3: { text: '2025-04-01', bare: true } });
    expect((await dateColumn(input)).slice(0, 2)).toEqual([{ date: '2025-03-14' }, { date: '2025-04-01' }]);
  });

  it('a real date of 1905 typed as a serial is kept as it is', async () => {
    const wb = register();
    wb.worksheets[0].getCell('D2').value = 2025; // 17/07/1905 under the column's date format
    const input = await withIsoCells(await toBytes(wb), { D3: { text: '2025-04-01' } });
    expect((await dateColumn(input)).slice(0, 2)).toEqual([{ date: '1905-07-17' }, { date: '2025-04-01' }]);
  });

  it('count in the register by the year they write: the exercise is 2025, no row in error', async () => {
    const input = await withIsoCells(await toBytes(register()), {
      D2: { text: '2025-03-14T00:00:00' },
      D3: { text: '2025-06-30T00:00:00' },
      D4: { text: '2024-11-05T00:00:00' },
    });
    const book = await openXlsx(input, 'export.xlsx');
    const out = runChain([{ file: 'export.xlsx', sheets: await book.readSheets(), state: null }], { writesCharts: false, today: '2026-01-15' });
    expect(out.result.exercice).toBe(2025);
    expect(out.result.lignes).toMatchObject({ lues: 3, exercice: 2, erreurs: 0 });
  });

  it('the user sheet is written back as it was stored, and the workbook in memory holds the dates', async () => {
    const input = await withIsoCells(await toBytes(register()), { D2: { text: '2025-03-14T00:00:00' } });
    const book = await openXlsx(input, 'export.xlsx');
    const out = runChain([{ file: 'export.xlsx', sheets: await book.readSheets(), state: null }], { writesCharts: false, today: '2026-01-15' });
    // Were the file rewritten whole by ExcelJS (a package it cannot splice), it would write this date.
    expect(book.workbook.worksheets[0].getCell('D2').value).toEqual(new Date(Date.UTC(2025, 2, 14)));
    await book.writePlan(out.plan);
    const output = await book.saveXlsx();
    expect(book.keptOriginalParts).toBe(true);
    const sheetOf = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file(SHEET)!.async('string');
    expect(await sheetOf(output)).toBe(await sheetOf(input));
    expect((await dateColumn(output))[0]).toEqual({ date: '2025-03-14' });
  });

  it('are found in a sheet written under a prefix, without cell addresses', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="d"><x:v>2025-03-14T00:00:00</x:v></x:c></x:row>' +
      '<x:row r="5"><x:c r="C5" t="d"><x:f>TODAY()</x:f><x:v>2025-01-02</x:v></x:c><x:c r="D5" t="n"><x:v>3</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    expect(typedCells(xml)).toEqual([
      { ref: 'B1', type: 'd', text: '2025-03-14T00:00:00', formula: false },
      { ref: 'C5', type: 'd', text: '2025-01-02', formula: true },
    ]);
  });

  it('property: any day from 1900 to 9999, with any time, reads back as that day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)), noInvalidDate: true }),
        fc.boolean(),
        (d, withTime) => {
          const iso = d.toISOString();
          const text = withTime ? iso.slice(0, 23) : iso.slice(0, 10);
          const value = isoDateValue(text);
          expect(value?.toISOString().slice(0, 10)).toBe(iso.slice(0, 10));
          if (withTime) expect(value?.getTime()).toBe(d.getTime());
        },
      ),
    );
  });

  it('property: a file of ISO dates reads as the same file with the dates stored as numbers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true }), { minLength: 3, maxLength: 3 }),
        async (dates) => {
          const wb = register();
          dates.forEach((d, i) => (wb.worksheets[0].getCell(`D${i + 2}`).value = d));
          const plain = await toBytes(wb);
          const iso = await withIsoCells(plain, Object.fromEntries(dates.map((d, i) => [`D${i + 2}`, { text: d.toISOString().slice(0, 19) }])));
          expect(await dateColumn(iso)).toEqual(await dateColumn(plain));
          expect(await dateColumn(iso)).toEqual(dates.map((d) => ({ date: d.toISOString().slice(0, 10) })));
        },
      ),
      { numRuns: 25 },
    );
  });
});

/** A register with a « Clause sociale » column of booleans (rows 2 to 5), as Ext JS's exporter spells them. */
async function booleanRegister(spelled: Record<string, string>, formulas: Record<string, string> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale']);
  ws.addRow(['2025-001', 'Entretien des espaces verts', 12500, new Date(Date.UTC(2025, 2, 14)), true]);
  ws.addRow(['2025-002', 'Fournitures de bureau', 830.5, new Date(Date.UTC(2025, 3, 1)), true]);
  ws.addRow(['2025-003', 'Nettoyage des locaux', 40000, new Date(Date.UTC(2025, 4, 2)), true]);
  ws.addRow(['2025-004', 'Travaux de voirie', 90000, new Date(Date.UTC(2025, 5, 3)), true]);
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  return withFirstSheetXml(await toBytes(wb), (sheet) => {
    let xml = sheet;
    for (const [ref, text] of Object.entries(spelled)) {
      const f = formulas[ref] === undefined ? '' : `<f>${formulas[ref]}</f>`;
      xml = xml.replace(new RegExp(`<c r="${ref}"([^>]*?) t="b"><v>1</v></c>`), `<c r="${ref}"$1 t="b">${f}<v>${text}</v></c>`);
      expect(xml).toContain(`<v>${text}</v>`);
    }
    return xml;
  });
}

const clauseColumn = (bytes: Uint8Array) => columnRead(bytes, 4);

describe('booleans spelled out (t="b")', () => {
  it('« false » reads as FALSE, « true » as TRUE', async () => {
    const input = await booleanRegister({ E2: 'true', E3: 'false', E4: 'false', E5: 'true' });
    expect(await clauseColumn(input)).toEqual([true, false, false, true]);
  });

  it('in any case and with spaces around, and as the cached result of a formula', async () => {
    const input = await booleanRegister({ E2: 'TRUE', E3: ' False ', E4: 'false', E5: 'true' }, { E4: 'D4&gt;0' });
    const book = await openXlsx(input, 'export.xlsx');
    const [grid] = await book.readSheets();
    expect(grid.rows.slice(1).map((r) => r[4])).toEqual([true, false, false, true]);
    // `value` of a formula drops a falsy result: its parts are read apart.
    const cell = book.workbook.worksheets[0].getCell('E4');
    expect([cell.formula, cell.result]).toEqual(['D4>0', false]);
  });

  it('count as the buyer wrote them: 2 contracts of 4 with a social clause', async () => {
    const input = await booleanRegister({ E2: 'true', E3: 'false', E4: 'true', E5: 'false' });
    const book = await openXlsx(input, 'export.xlsx');
    const out = runChain([{ file: 'export.xlsx', sheets: await book.readSheets(), state: null }], { writesCharts: false, today: '2026-01-15' });
    const byId = new Map(out.result.indicateurs.map((i) => [i.id, i]));
    expect(byId.get('4.2.2-clause-sociale-nb')?.valeur).toBe(2);
    expect(byId.get('4.2.2-clause-sociale-part')?.valeur).toBe(50);
  });

  it('booleans stored as 1 and 0, as Excel writes them, read as they are', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(['Clause sociale']);
    [true, false, true].forEach((b) => ws.addRow([b]));
    const [grid] = await (await openXlsx(await toBytes(wb), 'excel.xlsx')).readSheets();
    expect(grid.rows.map((r) => r[0])).toEqual(['Clause sociale', true, false, true]);
  });

  it('the spellings of the format, any other text left to ExcelJS', () => {
    expect(['1', 'true', ' TRUE ', 'True'].map(booleanValue)).toEqual([true, true, true, true]);
    expect(['0', 'false', 'FALSE', ' 0 '].map(booleanValue)).toEqual([false, false, false, false]);
    expect(['oui', '', '2', '-1'].map(booleanValue)).toEqual([null, null, null, null]);
  });
});

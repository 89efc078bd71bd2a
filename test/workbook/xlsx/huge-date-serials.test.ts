/**
 * A number under a date format past ±100,000,000 days (an amount formatted as a date by mistake):
 * Excel keeps the number and shows `####`; ExcelJS 4.4 makes an invalid Date of it, and the cell
 * read empty. The file reader now reads it back from the file's XML (`misread-cells.ts`), as the
 * Excel reader reads it: the number (regles.md §2: a serial out of Excel's range is no date).
 */
import ExcelJS from 'exceljs';
import { runChain } from '../../../src/domain/chain';
import { typedCells } from '../../../src/workbook/xlsx/misread-cells';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { toBytes, withRawCells } from './fixtures';

/** A register whose amounts (C) carry a date format by mistake; E holds a SIRET as a plain number. */
function register(date1904: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'SIRET']);
  ws.addRow(['2025-001', 'Entretien des espaces verts', 150_000_000, new Date(Date.UTC(2025, 2, 14)), 21590512800017]);
  ws.addRow(['2025-002', 'Fournitures de bureau', -150_000_000, new Date(Date.UTC(2025, 3, 1)), 21590512800017]);
  ws.addRow(['2025-003', 'Travaux de voirie', 0, new Date(Date.UTC(2025, 4, 2)), 21590512800017]);
  ws.addRow(['2025-004', 'Nettoyage des locaux', 0, new Date(Date.UTC(2025, 5, 3)), 21590512800017]);
  ws.getColumn(3).numFmt = 'dd/mm/yyyy';
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  return wb;
}

async function read(date1904: boolean) {
  // C4: a formula's cached result; C5: a number written with an exponent, as some producers do.
  const bytes = await withRawCells(await toBytes(register(date1904)), { C4: { type: 'n', inner: '<f>C2+50000000</f><v>200000000</v>' }, C5: { type: 'n', inner: '<v>1.5E+21</v>' } });
  const book = await openXlsx(bytes, 'suivi.xlsx');
  return { book, grid: (await book.readSheets())[0] };
}

describe.each([false, true])('numbers past Excel’s dates under a date format (1904 system: %s)', (date1904) => {
  it('read as the numbers the file holds, formula kept; dates and plain large numbers as before', async () => {
    const { book, grid } = await read(date1904);
    expect(grid.rows.slice(1).map((r) => r[2])).toEqual([150_000_000, -150_000_000, 200_000_000, 1.5e21]);
    expect(grid.rows.slice(1).map((r) => r[3])).toEqual([{ date: '2025-03-14' }, { date: '2025-04-01' }, { date: '2025-05-02' }, { date: '2025-06-03' }]);
    expect(grid.rows.slice(1).map((r) => r[4])).toEqual(Array(4).fill(21590512800017));
    const c4 = book.workbook.worksheets[0].getCell('C4');
    expect([c4.formula, c4.result]).toEqual(['C2+50000000', 200_000_000]);
  });

  it('the amounts reach the register: no « montant-manquant », the negative one « montant-invalide » (regles.md §3)', async () => {
    const { grid } = await read(date1904);
    const out = runChain([{ file: 'suivi.xlsx', sheets: [grid], state: null }], { writesCharts: false, today: '2026-01-15' });
    const rows = out.register.rows.map((r) => [r.values.montant ?? null, r.findings.filter((f) => f.code.startsWith('montant')).map((f) => f.code)]);
    expect(rows).toEqual([
      [150_000_000, []],
      [null, ['montant-invalide']],
      [200_000_000, []],
      [1.5e21, []],
    ]);
  });
});

describe('typedCells: only numbers large enough to be an invalid Date are looked at', () => {
  it('takes 99,900,000 and beyond (either sign, any writing), leaves smaller ones', () => {
    const xml = '<sheetData><row r="1"><c r="A1"><v>99899999</v></c><c r="B1"><v>99900000</v></c><c r="C1" t="n"><v>-1.2e9</v></c><c r="D1"><v>12345678</v></c></row></sheetData>';
    expect(typedCells(xml).map((c) => [c.ref, c.type, c.text])).toEqual([
      ['B1', 'n', '99900000'],
      ['C1', 'n', '-1.2e9'],
    ]);
  });
});

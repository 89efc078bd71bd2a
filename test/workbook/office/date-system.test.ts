/**
 * A workbook in the 1904 date system, open in Excel (regles.md §2: « date:
 * Excel dates »). Office.js has no property for the date system; the adapter
 * asks DATE(1904;1;1) in a batch that syncs anyway (0 in the 1904 system,
 * 1462 in the 1900 one), reads the serials as the workbook counts them and
 * writes its dates the same way. Before, a 1904 workbook was read four years
 * and a day early in Excel (README « Limites connues »).
 */
import ExcelJS from 'exceljs';
import { runChain } from '../../../src/domain/chain';
import type { WritePlan } from '../../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { toCellValue } from '../../../src/workbook/office/read';
import { dateToSerial } from '../../../src/workbook/office/write';
import { serialToIsoDate } from '../../../src/workbook/xlsx/read-grid';
import { openXlsx } from '../../../src/workbook/xlsx';
import { createExcelDouble, type SeedSheet } from '../../doubles/excel-double';
import { trimmed } from '../../helpers/grid';

/** 2025-03-05: serial 45721 from 1900, 44259 from 1904 (1,462 days fewer). */
const MARCH_5_1900 = 45721;
const MARCH_5_1904 = 44259;

function sheets(serial: number): SeedSheet[] {
  return [
    {
      name: 'Marchés',
      cells: [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
        ['M-1', 'Papier', 1000, { v: serial, nf: 'dd/mm/yyyy' }],
      ],
    },
  ];
}

describe('the date system of the open workbook', () => {
  it('reads 1904 serials as the dates Excel shows, in as many round trips as a 1900 workbook', async () => {
    const old = createExcelDouble({ name: 'a.xlsx', sheets: sheets(MARCH_5_1900) });
    const mac = createExcelDouble({ name: 'a.xlsx', sheets: sheets(MARCH_5_1904), date1904: true });
    const fromOld = await createOfficeWorkbook(old.run as unknown as ExcelRunner).readSheets();
    const fromMac = await createOfficeWorkbook(mac.run as unknown as ExcelRunner).readSheets();
    expect(fromMac[0].rows[1][3]).toEqual({ date: '2025-03-05' });
    // The same grids, but for the calendar the Mac's bare serials are counted in.
    expect(fromMac.map((g) => g.date1904)).toEqual([true]);
    expect(fromOld.map((g) => g.date1904)).toEqual([undefined]);
    expect(fromMac.map(({ date1904: _, ...g }) => g)).toEqual(fromOld);
    expect(mac.syncCount).toBe(old.syncCount);
  });

  it('the Office reader and the file reader agree on the same 1904 workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification']);
    ws.addRow(['M-1', 'Papier', 1000, new Date(Date.UTC(2025, 2, 5))]);
    ws.getCell('D2').numFmt = 'dd/mm/yyyy';
    const file = await (await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'a.xlsx')).readSheets();
    const mac = createExcelDouble({ name: 'a.xlsx', sheets: sheets(MARCH_5_1904), date1904: true });
    const office = await createOfficeWorkbook(mac.run as unknown as ExcelRunner).readSheets();
    expect(office.map(trimmed)).toEqual(file.map(trimmed));
  });

  it('a bare serial in a date column (its format cleared) is a day of the workbook\'s calendar, in both readers', async () => {
    // Excel on a Mac shows 44 259 as 05/03/2025 once formatted as a date; the 1900 system would
    // make it 04/03/2021, and the contract (and the training of the Actions sheet) would leave 2025.
    const seed = (serial: number): SeedSheet[] => [
      { name: 'Marchés', cells: [['N° marché', 'Objet', 'Montant HT', 'Date de notification'], ['M-1', 'Papier', 1000, serial]] },
      { name: 'Actions', cells: [['Date', 'Type', 'Intitulé', 'Participants'], [serial, 'Formation', 'Achats responsables', 12]] },
    ];
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    for (const s of seed(MARCH_5_1904)) {
      const ws = wb.addWorksheet(s.name);
      for (const row of s.cells ?? []) ws.addRow(row as ExcelJS.CellValue[]);
    }
    const file = await (await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'a.xlsx')).readSheets();
    const mac = createExcelDouble({ name: 'a.xlsx', sheets: seed(MARCH_5_1904), date1904: true });
    const office = await createOfficeWorkbook(mac.run as unknown as ExcelRunner).readSheets();
    const old = createExcelDouble({ name: 'a.xlsx', sheets: seed(MARCH_5_1900) });
    const office1900 = await createOfficeWorkbook(old.run as unknown as ExcelRunner).readSheets();
    for (const sheets of [file, office, office1900]) {
      const out = runChain([{ file: 'a.xlsx', sheets, state: null }], { today: '2026-01-15' });
      expect(out.register.rows.map((r) => (r.values as { dateNotification?: unknown }).dateNotification)).toEqual(['2025-03-05']);
      expect(out.result.exercice).toBe(2025);
      expect(out.result.indicateurs.find((i) => i.id === '1.2.1-formations')?.valeur).toBe(1);
    }
  });

  it('writes the SPASER sheets with serials of the workbook\'s system, in as many round trips', async () => {
    const plans: WritePlan[] = [];
    const counts: number[] = [];
    for (const [serial, date1904] of [
      [MARCH_5_1900, false],
      [MARCH_5_1904, true],
    ] as const) {
      const excel = createExcelDouble({ name: 'a.xlsx', sheets: sheets(serial), date1904 });
      const book = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
      const out = runChain([{ file: 'a.xlsx', sheets: await book.readSheets(), state: null }], { today: '2026-01-15', writesCharts: true });
      plans.push(out.plan);
      const before = excel.syncCount;
      await book.writePlan(out.plan);
      counts.push(excel.syncCount - before);
      // The notification date in the written register: 2025-03-05 as this workbook counts it.
      const registre = excel.sheet('SPASER Registre');
      const dates: number[] = [];
      for (const [, row] of registre.rows) for (const [, cell] of row) if (cell.numberFormat === 'dd/mm/yyyy' && typeof cell.value === 'number') dates.push(cell.value);
      expect(dates).toEqual([serial]);
    }
    expect(plans[1]).toEqual(plans[0]);
    expect(counts[1]).toBe(counts[0]);
  });

  it('imports sheets (consolidation) with serials of the workbook\'s system, asking it when no read came first', async () => {
    for (const [serial, date1904] of [
      [MARCH_5_1900, false],
      [MARCH_5_1904, true],
    ] as const) {
      const excel = createExcelDouble({ name: 'Bilan.xlsx', date1904 });
      await createOfficeWorkbook(excel.run as unknown as ExcelRunner).importSheets([{ name: 'Sport', rows: [['Date'], [{ date: '2025-03-05' }]] }]);
      expect(excel.cell('Sport', 2, 1)?.value).toBe(serial);
    }
  });

  it('a 1904 serial outside the calendar is no date (a number, as in the 1900 system), never an exception', () => {
    expect(serialToIsoDate(0, true)).toBe('1904-01-01');
    expect(serialToIsoDate(2958465 - 1462, true)).toBe('9999-12-31');
    for (const n of [-1, 2958465 - 1461, 1e12, Number.NaN, Infinity]) expect([n, serialToIsoDate(n, true)]).toEqual([n, null]);
    expect(toCellValue(1e12, 'Double', 'dd/mm/yyyy', true)).toBe(1e12);
  });

  it('dateToSerial counts from the system\'s day 0', () => {
    expect(dateToSerial('1904-01-01', true)).toBe(0);
    expect(dateToSerial('1904-01-01')).toBe(1462);
    expect(dateToSerial('2025-03-05', true)).toBe(MARCH_5_1904);
    expect(dateToSerial('2025-03-05')).toBe(MARCH_5_1900);
  });
});

/**
 * Merged cells read the same way in Excel and from a file: a vertically merged
 * value on every row it spans (a Pôle merged down its contracts), a title spread
 * over several columns once, in its first column. Excel keeps the value in the
 * top-left cell only; the Office reader spreads it as the xlsx reader does.
 */
import ExcelJS from 'exceljs';
import { runChain } from '../../../src/domain/chain';
import { buildRegister } from '../../../src/domain/register';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { openXlsx } from '../../../src/workbook/xlsx';
import { createExcelDouble } from '../../doubles/excel-double';
import { serial } from './spec-office-fixture';

const TODAY = '2026-01-15';
const TITLE = 'Suivi des marchés 2025';
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'];
const DATA: [string, string, number, string][] = [
  ['M-1', 'Papier', 100, '2025-02-01'],
  ['M-2', 'Encre', 200, '2025-03-01'],
  ['M-3', 'Cartouches', 300, '2025-04-01'],
];
const MERGES = ['A1:E1', 'E3:E5'];

function officeDouble() {
  return createExcelDouble({
    name: 'Suivi.xlsx',
    sheets: [
      {
        name: 'Marchés',
        cells: [
          [TITLE],
          HEADER,
          ...DATA.map(([n, o, m, dt], i) => [n, o, m, { v: serial(dt), nf: 'dd/mm/yyyy' }, i === 0 ? 'Pôle Sport' : null]),
        ],
        merges: MERGES,
      },
    ],
  });
}

async function fileSheets() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.addRow([TITLE]);
  ws.addRow(HEADER);
  DATA.forEach(([n, o, m, dt], i) => {
    const [y, mo, d] = dt.split('-').map(Number);
    ws.addRow([n, o, m, new Date(Date.UTC(y, mo - 1, d)), i === 0 ? 'Pôle Sport' : null]);
  });
  for (const m of MERGES) ws.mergeCells(m);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return (await openXlsx(bytes, 'Suivi.xlsx')).readSheets();
}

describe('merged cells read from the open workbook', () => {
  it('spread a vertical merge on every row and keep a horizontal one in its first column, as from a file', async () => {
    const office = await createOfficeWorkbook(officeDouble().run as unknown as ExcelRunner).readSheets();
    const file = await fileSheets();
    expect(office[0].rows.map((r) => r[4])).toEqual([null, 'Pôle', 'Pôle Sport', 'Pôle Sport', 'Pôle Sport']);
    expect(office[0].rows[0]).toEqual([TITLE, null, null, null, null]);
    expect(office).toEqual(file);
  });

  it('gives each contract its merged Pôle', async () => {
    const sheets = await createOfficeWorkbook(officeDouble().run as unknown as ExcelRunner).readSheets();
    const register = buildRegister([{ file: 'Suivi.xlsx', sheets, state: null }], { today: TODAY });
    expect(register.rows.map((r) => [r.values.numero, r.pole])).toEqual([
      ['M-1', 'Pôle Sport'],
      ['M-2', 'Pôle Sport'],
      ['M-3', 'Pôle Sport'],
    ]);
  });

  it('reads a merged value once where Excel lacks ExcelApi 1.13, without failing', async () => {
    const asked: string[] = [];
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: { isSetSupported: (set: string, version: string) => (asked.push(`${set} ${version}`), false) } },
    };
    try {
      const sheets = await createOfficeWorkbook(officeDouble().run as unknown as ExcelRunner).readSheets();
      expect(asked).toContain('ExcelApi 1.13');
      expect(sheets[0].rows.map((r) => r[4])).toEqual([null, 'Pôle', 'Pôle Sport', null, null]);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});

/**
 * Found by the readers' fuzz property (`test/workbook/fuzz-readers.property.test.ts`): a
 * Pôle merged down past the last row holding values (a spare row left at the end of the
 * block). Excel's used range (values only) stops at the last value; the file's reader
 * reads the merged Pôle down to the merge's last row. Both must read the same.
 */
describe('a merge reaching below the last value', () => {
  const MERGE = 'E2:E6';
  const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

  async function file() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(HEADER);
    DATA.forEach(([n, o, m, dt], i) => ws.addRow([n, o, m, utc(dt), i === 0 ? 'Pôle Sport' : null]));
    ws.mergeCells(MERGE);
    return (await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'Suivi.xlsx')).readSheets();
  }

  function excel() {
    return createExcelDouble({
      name: 'Suivi.xlsx',
      sheets: [
        {
          name: 'Marchés',
          cells: [HEADER, ...DATA.map(([n, o, m, dt], i) => [n, o, m, { v: serial(dt), nf: 'dd/mm/yyyy' }, i === 0 ? 'Pôle Sport' : null])],
          merges: [MERGE],
        },
      ],
    });
  }

  it("reads the merged value down to the merge's last row, as from a file", async () => {
    const office = await createOfficeWorkbook(excel().run as unknown as ExcelRunner).readSheets();
    expect(office[0].rows.map((r) => r[4])).toEqual(['Pôle', 'Pôle Sport', 'Pôle Sport', 'Pôle Sport', 'Pôle Sport', 'Pôle Sport']);
    expect(office).toEqual(await file());
  });
});

/**
 * Office.js, Range.getMergedAreasOrNullObject (ExcelApi 1.13): « if the merged areas count in this range is
 * more than 512, then this method will fail to return the result ». The double fails the sync (the worse
 * case): the read still succeeds, with the merged values read once, as on an Excel without ExcelApi 1.13.
 */
describe('a sheet of more than 512 merged areas', () => {
  // 513 one-row merges to the right of the data (F2:G2, F3:G3…), and the Pôle merged down E3:E5.
  const MANY = [...Array.from({ length: 513 }, (_, i) => `F${i + 2}:G${i + 2}`), 'E3:E5'];

  function excel(merges: string[]) {
    return createExcelDouble({
      name: 'Suivi.xlsx',
      sheets: [
        {
          name: 'Marchés',
          cells: [[TITLE], HEADER, ...DATA.map(([n, o, m, dt], i) => [n, o, m, { v: serial(dt), nf: 'dd/mm/yyyy' }, i === 0 ? 'Pôle Sport' : null])],
          merges,
        },
        { name: 'Autre', cells: [['x']] },
      ],
    });
  }

  it('reads that sheet without its merged areas instead of failing, said so, in four more round trips', async () => {
    const many = excel(MANY);
    const wb = createOfficeWorkbook(many.run as unknown as ExcelRunner);
    const sheets = await wb.readSheets();
    expect(sheets.map((s) => s.name)).toEqual(['Marchés', 'Autre']);
    expect(sheets[0].rows.map((r) => r[4])).toEqual([null, 'Pôle', 'Pôle Sport', null, null]);
    expect(sheets[0].mergesUnread).toBe(true);
    expect(sheets[1].rows).toEqual([['x']]);
    expect('mergesUnread' in sheets[1]).toBe(false);

    const few = excel(MANY.slice(-512));
    const wbFew = createOfficeWorkbook(few.run as unknown as ExcelRunner);
    const merged = await wbFew.readSheets();
    expect(merged[0].rows.map((r) => r[4])).toEqual([null, 'Pôle', 'Pôle Sport', 'Pôle Sport', 'Pôle Sport']);
    expect('mergesUnread' in merged[0]).toBe(false);
    // The batch once more with the merged areas (it might have failed in passing), then without;
    // then each sheet's merged areas apart: « Marchés » fails alone, « Autre » gives its own.
    expect(wb.stats.syncs).toBe(wbFew.stats.syncs + 4);
  });

  it('another sheet of more than 512 merged areas (a planning) leaves the register its merged Pôle; only a source sheet is named', async () => {
    const planning = Array.from({ length: 600 }, (_, i) => `A${i + 1}:B${i + 1}`);
    const workbook = createExcelDouble({
      name: 'Suivi.xlsx',
      sheets: [
        {
          name: 'Marchés',
          cells: [[TITLE], HEADER, ...DATA.map(([n, o, m, dt], i) => [n, o, m, { v: serial(dt), nf: 'dd/mm/yyyy' }, i === 0 ? 'Pôle Sport' : null])],
          merges: ['E3:E5'],
        },
        { name: 'Planning', cells: Array.from({ length: 600 }, (_, i) => [`Semaine ${i + 1}`]), merges: planning },
        { name: 'Notes', cells: [['x']] },
      ],
    });
    const sheets = await createOfficeWorkbook(workbook.run as unknown as ExcelRunner).readSheets();
    expect(sheets[0].rows.map((r) => r[4])).toEqual([null, 'Pôle', 'Pôle Sport', 'Pôle Sport', 'Pôle Sport']);
    expect(sheets.map((s) => s.mergesUnread)).toEqual([undefined, true, undefined]);
    const out = runChain([{ file: 'Suivi.xlsx', sheets, state: null }], { today: TODAY, writesCharts: false });
    expect(out.register.rows.map((r) => r.pole)).toEqual(['Pôle Sport', 'Pôle Sport', 'Pôle Sport']);
    expect(out.notices).toEqual([]);
  });

  it('a register sheet read without its merged areas is named in the notices', async () => {
    const sheets = await createOfficeWorkbook(excel(MANY).run as unknown as ExcelRunner).readSheets();
    expect(runChain([{ file: 'Suivi.xlsx', sheets, state: null }], { today: TODAY, writesCharts: false }).notices).toEqual([
      "La feuille « Marchés » (registre des marchés) a plus de 512 zones de cellules fusionnées, qu'Excel ne transmet pas au complément : " +
        "une valeur fusionnée sur plusieurs lignes (un Pôle, une procédure…) n'y est lue que sur sa première ligne. " +
        'Annulez la fusion de ces cellules et recopiez la valeur sur chaque ligne, puis recalculez.',
    ]);
  });

  it('keeps the merged cells when the batch failed once in passing', async () => {
    const few = excel(MANY.slice(-512));
    few.failOnSync(2);
    const sheets = await createOfficeWorkbook(few.run as unknown as ExcelRunner).readSheets();
    expect(sheets[0].rows.map((r) => r[4])).toEqual([null, 'Pôle', 'Pôle Sport', 'Pôle Sport', 'Pôle Sport']);
  });

  it('still reports an error that is not the merged areas’', async () => {
    const many = excel(MANY);
    many.failOnSync(2);
    many.failOnSync(3);
    many.failOnSync(4);
    await expect(createOfficeWorkbook(many.run as unknown as ExcelRunner).readSheets()).rejects.toThrow(/simulé/);
  });
});

/**
 * A header merged over two rows in the open workbook (README « Colonnes », En-tête sur deux
 * lignes): Excel gives the merged label in the top row only; spread like a file's, the echo on
 * the second row makes it header, not a data row in error.
 */
describe('a header merged over two rows, in Excel', () => {
  const KEYS = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
  const TOP = [...KEYS, 'Clauses', null];
  const SUB = [null, null, null, null, 'Clause sociale', 'Clause environnementale'];
  const MERGED = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1'];

  it('is read on both rows: sub-headers mapped, data from row 3, as from the file', async () => {
    const excel = createExcelDouble({
      name: 'Suivi.xlsx',
      sheets: [{ name: 'Marchés', cells: [TOP, SUB, ['M-1', 'Papier recyclé', 100, { v: serial('2025-02-01'), nf: 'dd/mm/yyyy' }, 'non', 'oui']], merges: MERGED }],
    });
    const sheets = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
    const register = buildRegister([{ file: 'Suivi.xlsx', sheets, state: null }], { today: TODAY });
    expect(register.mappings[0].headerRow).toBe(2);
    expect(register.mappings[0].columns.map((c) => c.field)).toEqual(['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale', 'clauseEnvironnementale']);
    expect(register.rows.map((r) => [r.source.row, r.values.clauseSociale, r.values.clauseEnvironnementale])).toEqual([[3, false, true]]);
    expect(register.rows.flatMap((r) => r.findings)).toEqual([]);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(TOP);
    ws.addRow(SUB);
    ws.addRow(['M-1', 'Papier recyclé', 100, new Date(Date.UTC(2025, 1, 1)), 'non', 'oui']);
    for (const m of MERGED) ws.mergeCells(m);
    expect(sheets).toEqual(await (await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'Suivi.xlsx')).readSheets());
  });
});

/**
 * regles.md §1 through the Office.js reader — the header of an Excel table is
 * the header even below the first 20 rows; the table's own columns and rows
 * are the register (a column beside it, a line below it are not); and sheets
 * written by the add-in (`SPASER …`, with their own Excel tables) are never
 * sources, so a second run on the open workbook gives the same result.
 */
import { runChain } from '../../../src/domain/chain';
import { buildRegister } from '../../../src/domain/register';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { createExcelDouble } from '../../doubles/excel-double';
import { serial } from './spec-office-fixture';

const TODAY = '2026-01-15';
const date = (iso: string) => ({ v: serial(iso), nf: 'dd/mm/yyyy' });

function tableBelowNotes() {
  // 24 lines of notes, then a table A25:D27; a "Titulaire" column beside it (F) and a line below it (row 29).
  const notes = Array.from({ length: 24 }, (_, i) => [`Consigne ${i + 1} : remplir une ligne par marché`]);
  return createExcelDouble({
    name: 'Pôle Vie.xlsx',
    sheets: [
      {
        name: 'Suivi',
        cells: [
          ...notes,
          ['N° marché', 'Objet', 'Montant HT', 'Date de notification', null, 'Titulaire'],
          ['M-1', 'Papier', 100, date('2025-02-01'), null, 'Hors du tableau'],
          ['M-2', 'Encre', 200, date('2025-03-01'), null, 'Hors du tableau'],
          [],
          ['M-9', 'Sous le tableau', 900, date('2025-04-01')],
        ],
        tables: [{ name: 'Marches', address: 'A25:D27' }],
      },
    ],
  });
}

describe('regles.md §1 — an Excel table read from the open workbook', () => {
  it('gives its header below row 20 as the header, its columns only, its rows only', async () => {
    const sheets = await createOfficeWorkbook(tableBelowNotes().run as unknown as ExcelRunner).readSheets();
    const register = buildRegister([{ file: 'Pôle Vie.xlsx', sheets, state: null }], { today: TODAY });
    expect(register.mappings.map((m) => [m.sheet, m.kind, m.headerRow])).toEqual([['Suivi', 'registre', 25]]);
    expect(register.mappings[0].columns.map((c) => c.header)).toEqual(['N° marché', 'Objet', 'Montant HT', 'Date de notification']);
    expect(register.rows.map((r) => [r.source.row, r.values.numero, r.values.montant, r.values.titulaire])).toEqual([
      [26, 'M-1', 100, undefined],
      [27, 'M-2', 200, undefined],
    ]);
  });
});

describe('regles.md §1 — SPASER sheets are never sources, in Excel too', () => {
  it('a second run on the workbook the first run wrote gives the same result', async () => {
    const excel = createExcelDouble({
      name: 'Pôle Vie.xlsx',
      sheets: [
        {
          name: 'Marchés 2025',
          cells: [
            ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
            ['M-1', 'Nettoyage', 1000, date('2025-02-01'), 'oui'],
            ['M-2', 'Papier', 'douze', date('2025-03-01'), 'non'],
            ['M-3', 'Voirie', 3000, date('2025-04-01'), 'non'],
          ],
        },
      ],
    });
    const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
    const options = { today: TODAY, writesCharts: true } as const;
    const sheets = await wb.readSheets();
    expect(wb.name).toBe('Pôle Vie.xlsx');
    const first = runChain([{ file: wb.name, sheets, state: null }], options);
    await wb.writePlan(first.plan);
    const again = await wb.readSheets();
    // The written register has every required column, in an Excel table: still not a source.
    expect(again.map((g) => g.name)).toContain('SPASER Registre');
    expect(again.find((g) => g.name === 'SPASER Registre')!.tables.length).toBe(1);
    const second = runChain([{ file: wb.name, sheets: again, state: await wb.readState() }], options);
    expect(second.register.mappings.map((m) => m.sheet)).toEqual(['Marchés 2025']);
    expect(second.result.lignes).toMatchObject({ lues: 3, erreurs: 1 });
    expect(second.result).toEqual(first.result);
  });
});

describe('regles.md §1 — the totals row of an Excel table read from the open workbook', () => {
  // Excel keeps a shown totals row inside the table's range; the xlsx adapter leaves it out, so must this one.
  const withTotals = (showTotals: boolean) =>
    createExcelDouble({
      name: 'Pôle Vie.xlsx',
      sheets: [
        {
          name: 'Suivi',
          cells: [
            ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
            ['M-1', 'Papier', 100, date('2025-02-01')],
            ['M-2', 'Encre', 200, date('2025-03-01')],
            ['Σ', 'Somme', 300, null], // no total word: only the table says it is its totals row
          ],
          tables: [{ name: 'Marches', address: 'A1:D4', showTotals }],
        },
      ],
    });

  it('is not a contract', async () => {
    const sheets = await createOfficeWorkbook(withTotals(true).run as unknown as ExcelRunner).readSheets();
    expect(sheets[0].tables).toEqual([{ name: 'Marches', headerRow: 1, firstCol: 1, lastCol: 4, lastRow: 3 }]);
    const register = buildRegister([{ file: 'Pôle Vie.xlsx', sheets, state: null }], { today: TODAY });
    expect(register.rows.map((r) => r.values.numero)).toEqual(['M-1', 'M-2']);
  });

  it('is a row like the others when the table shows no totals row', async () => {
    const sheets = await createOfficeWorkbook(withTotals(false).run as unknown as ExcelRunner).readSheets();
    expect(sheets[0].tables[0].lastRow).toBe(4);
  });
});

describe('regles.md §1 — an Excel table whose header row is turned off (Session 37)', () => {
  // Table.showHeaders false (Table Design › Header Row): the file's reader skips such a table (`tablesOf`),
  // and Office.js does not say what its getHeaderRowRange answers: the read must neither list it nor ask it.
  const headerless = (showTotals = false) =>
    createExcelDouble({
      name: 'Pôle Vie.xlsx',
      sheets: [
        {
          name: 'Suivi',
          cells: [
            ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
            ['M-1', 'Papier', 100, date('2025-02-01')],
            ['M-2', 'Encre', 200, date('2025-03-01')],
            ...(showTotals ? [['Total', null, 300, null]] : []),
          ],
          tables: [{ name: 'Marches', address: showTotals ? 'A2:D4' : 'A2:D3', showHeaders: false, showTotals }],
        },
      ],
    });

  it('is read as plain cells, its header found above it as in a sheet without table', async () => {
    const sheets = await createOfficeWorkbook(headerless().run as unknown as ExcelRunner).readSheets();
    expect(sheets[0].tables).toEqual([]);
    const register = buildRegister([{ file: 'Pôle Vie.xlsx', sheets, state: null }], { today: TODAY });
    expect(register.rows.map((r) => r.values.numero)).toEqual(['M-1', 'M-2']);
  });

  // Session 38 mutants: skipped whatever else it shows, a totals row included.
  it('is read as plain cells when it shows a totals row too', async () => {
    const sheets = await createOfficeWorkbook(headerless(true).run as unknown as ExcelRunner).readSheets();
    expect(sheets[0].tables).toEqual([]);
    expect(sheets[0].rows[1]).toEqual(['M-1', 'Papier', 100, expect.anything()]);
  });
});

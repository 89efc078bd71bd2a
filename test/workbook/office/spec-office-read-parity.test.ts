/**
 * regles.md §1–§2 — the open workbook read through Office.js (the Excel
 * double) and the same content read from a file (ExcelJS) give the same
 * grids and the same register: dates stored as date-formatted serials are
 * dates, numbers stored as text stay text (the domain reads them), SIRET and
 * postal codes stored as numbers become padded text, formula results are read,
 * error values are errors (never data), rich text and links read as their
 * text, and an Excel table bounds the rows read.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../../src/domain/cell';
import { buildRegister } from '../../../src/domain/register';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { toCellValue } from '../../../src/workbook/office/read';
import { openXlsx } from '../../../src/workbook/xlsx';
import { createExcelDouble, type SeedSheet } from '../../doubles/excel-double';
import { serial } from './spec-office-fixture';
import { trimmed } from '../../helpers/grid';

const FILE = 'Pôle Ville.xlsx';
const TODAY = '2026-01-15';
const MARCHES = 'Marchés';
const TABLEAU = 'Tableau';

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'SIRET', 'Code postal', 'Titulaire', 'Clause sociale'];

/** The Excel double's seeds: what Office.js hands back for each cell (values, formats, formula results). */
function seeds(): SeedSheet[] {
  return [
    {
      name: MARCHES,
      cells: [
        ['Suivi des marchés 2025'],
        [],
        HEADER,
        [
          '2025-001',
          'Papier recyclé',
          { v: 1200.5, nf: '#,##0.00 "€"' },
          { v: serial('2025-02-03'), nf: 'dd/mm/yyyy' },
          { v: 1234567890123, nf: '00000000000000' },
          { v: 8000, nf: '00000' },
          'Imprimerie du Nord',
          true,
        ],
        [
          '2025-002',
          // Rich text and a hyperlink: Office.js `values` gives their plain text.
          'Nettoyage des écoles',
          '12 500,00 €',
          { v: serial('2025-03-15'), nf: '[$-fr-FR]d mmmm yyyy' },
          '00012345678901',
          '59100',
          'Entreprise A',
          'oui',
        ],
        [
          '2025-003',
          'Voirie',
          { f: '=1000*3', v: 3000 },
          { v: serial('2025-05-20') + 0.5, nf: 'dd/mm/yyyy hh:mm' },
          null,
          { v: 59000, nf: '[Red]0' },
          { f: '="Titulaire "&"B"', v: 'Titulaire B' },
          'non',
        ],
        [
          '2025-004',
          'Éclairage public',
          { f: '=1/0', error: '#DIV/0!' },
          { v: serial('2025-06-02'), nf: 'yyyy-mm-dd' },
          null,
          null,
          { error: '#N/A' },
          'x',
        ],
      ],
    },
    {
      name: TABLEAU,
      at: { row: 2, col: 2 },
      cells: [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
        ['T-1', 'Mobilier', 400, { v: serial('2025-09-01'), nf: 'dd/mm/yyyy' }],
        ['T-2', 'Peinture', 600, { v: serial('2025-10-01'), nf: 'dd/mm/yyyy' }],
        [],
        [],
        // Below the table: a note and a stray line that are not contracts.
        ['T-9', 'Ligne hors du tableau', 999, { v: serial('2025-11-01'), nf: 'dd/mm/yyyy' }],
      ],
      tables: [{ name: 'Suivi', address: 'B2:E4' }],
    },
  ];
}

/** The same content written by ExcelJS into a file, the way Excel stores it. */
async function fileBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const date = (iso: string, hours = 0) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), hours));
  const ws = wb.addWorksheet(MARCHES);
  ws.getCell('A1').value = 'Suivi des marchés 2025';
  ws.getRow(3).values = HEADER;
  const put = (address: string, value: ExcelJS.CellValue, numFmt?: string) => {
    const cell = ws.getCell(address);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
  };
  put('A4', '2025-001');
  put('B4', 'Papier recyclé');
  put('C4', 1200.5, '#,##0.00 "€"');
  put('D4', date('2025-02-03'), 'dd/mm/yyyy');
  put('E4', 1234567890123, '00000000000000');
  put('F4', 8000, '00000');
  put('G4', 'Imprimerie du Nord');
  put('H4', true);
  put('A5', '2025-002');
  put('B5', { richText: [{ text: 'Nettoyage ' }, { font: { bold: true }, text: 'des écoles' }] });
  put('C5', '12 500,00 €');
  put('D5', date('2025-03-15'), '[$-fr-FR]d mmmm yyyy');
  put('E5', '00012345678901');
  put('F5', '59100');
  put('G5', { text: 'Entreprise A', hyperlink: 'https://entreprise-a.example' });
  put('H5', 'oui');
  put('A6', '2025-003');
  put('B6', 'Voirie');
  put('C6', { formula: '1000*3', result: 3000 } as ExcelJS.CellFormulaValue);
  put('D6', date('2025-05-20', 12), 'dd/mm/yyyy hh:mm');
  put('F6', 59000, '[Red]0');
  put('G6', { formula: '"Titulaire "&"B"', result: 'Titulaire B' } as ExcelJS.CellFormulaValue);
  put('H6', 'non');
  put('A7', '2025-004');
  put('B7', 'Éclairage public');
  put('C7', { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue);
  put('D7', date('2025-06-02'), 'yyyy-mm-dd');
  put('G7', { error: '#N/A' } as ExcelJS.CellErrorValue);
  put('H7', 'x');

  const tab = wb.addWorksheet(TABLEAU);
  tab.addTable({
    name: 'Suivi',
    ref: 'B2',
    headerRow: true,
    columns: [{ name: 'N° marché' }, { name: 'Objet' }, { name: 'Montant HT' }, { name: 'Date de notification' }],
    rows: [
      ['T-1', 'Mobilier', 400, date('2025-09-01')],
      ['T-2', 'Peinture', 600, date('2025-10-01')],
    ],
  });
  tab.getCell('E3').numFmt = 'dd/mm/yyyy';
  tab.getCell('E4').numFmt = 'dd/mm/yyyy';
  tab.getRow(7).values = [undefined, 'T-9', 'Ligne hors du tableau', 999, date('2025-11-01')] as ExcelJS.CellValue[];
  tab.getCell('E7').numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}


async function readBoth(): Promise<{ office: readonly SheetGrid[]; file: readonly SheetGrid[] }> {
  const excel = createExcelDouble({ name: FILE, sheets: seeds() });
  const office = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
  const file = await (await openXlsx(await fileBytes(), FILE)).readSheets();
  return { office, file };
}

const d = (date: string) => ({ date });

describe('regles.md §2 — Office.js reads each cell the way a person sees it', () => {
  let office: readonly SheetGrid[];
  let file: readonly SheetGrid[];
  beforeAll(async () => {
    ({ office, file } = await readBoth());
  });

  it('reads date-formatted serials as calendar dates, whatever the date format; other formats keep numbers', () => {
    const g = office.find((s) => s.name === MARCHES)!;
    const row = (sheetRow: number): readonly CellValue[] => g.rows[sheetRow - g.firstRow];
    expect(g.firstRow).toBe(1);
    expect(row(4)[3]).toEqual(d('2025-02-03'));
    expect(row(5)[3]).toEqual(d('2025-03-15'));
    // A time of day does not move the calendar day.
    expect(row(6)[3]).toEqual(d('2025-05-20'));
    expect(row(7)[3]).toEqual(d('2025-06-02'));
    // Euro, zero-padded and coloured formats are not date formats.
    expect(row(4)[2]).toBe(1200.5);
    expect(row(4)[4]).toBe(1234567890123);
    expect(row(4)[5]).toBe(8000);
    expect(row(6)[5]).toBe(59000);
  });

  it('keeps numbers stored as text as text, reads formula results, booleans, and error values as errors', () => {
    const g = office.find((s) => s.name === MARCHES)!;
    const row = (sheetRow: number): readonly CellValue[] => g.rows[sheetRow - g.firstRow];
    expect(row(5)[2]).toBe('12 500,00 €');
    expect(row(5)[4]).toBe('00012345678901');
    expect(row(5)[5]).toBe('59100');
    expect(row(6)[2]).toBe(3000);
    expect(row(6)[6]).toBe('Titulaire B');
    expect(row(4)[7]).toBe(true);
    expect(row(7)[2]).toEqual({ error: '#DIV/0!' });
    expect(row(7)[6]).toEqual({ error: '#N/A' });
  });

  it('gives the Excel table in sheet coordinates: header row, first and last column, last data row', () => {
    const g = office.find((s) => s.name === TABLEAU)!;
    expect(g).toMatchObject({ firstRow: 2, firstCol: 2 });
    expect(g.tables).toEqual([{ name: 'Suivi', headerRow: 2, firstCol: 2, lastCol: 5, lastRow: 4 }]);
  });

  it.each([MARCHES, TABLEAU])('%s: the same grid as the xlsx adapter reads from the same content', (name) => {
    expect(trimmed(office.find((g) => g.name === name))).toEqual(trimmed(file.find((g) => g.name === name)));
  });
});

describe('regles.md §1–§2 — the same register from Excel and from the file', () => {
  let fromOffice: ReturnType<typeof buildRegister>;
  let fromFile: ReturnType<typeof buildRegister>;
  beforeAll(async () => {
    const { office, file } = await readBoth();
    fromOffice = buildRegister([{ file: FILE, sheets: office, state: null }], { today: TODAY });
    fromFile = buildRegister([{ file: FILE, sheets: file, state: null }], { today: TODAY });
  });

  it('reads the rows by hand: title rows skipped, identifiers padded, French amounts, formula results', () => {
    const rows = fromOffice.rows;
    expect(rows.map((r) => [r.source.sheet, r.source.row, r.values.numero])).toEqual([
      [MARCHES, 4, '2025-001'],
      [MARCHES, 5, '2025-002'],
      [MARCHES, 6, '2025-003'],
      [MARCHES, 7, '2025-004'],
      // Only the rows of the Excel table: T-9, below it, is not read.
      [TABLEAU, 3, 'T-1'],
      [TABLEAU, 4, 'T-2'],
    ]);
    const [r1, r2, r3, r4] = rows;
    expect(r1.values).toMatchObject({ montant: 1200.5, dateNotification: '2025-02-03', siret: '01234567890123', codePostalTitulaire: '08000', clauseSociale: true });
    expect(r2.values).toMatchObject({ objet: 'Nettoyage des écoles', montant: 12500, dateNotification: '2025-03-15', siret: '00012345678901', codePostalTitulaire: '59100', titulaire: 'Entreprise A' });
    expect(r3.values).toMatchObject({ montant: 3000, dateNotification: '2025-05-20', codePostalTitulaire: '59000', titulaire: 'Titulaire B', clauseSociale: false });
    // Error values are never data: the amount and the supplier are unreadable, the row is an error.
    expect(r4.values.montant).toBeUndefined();
    expect(r4.values.titulaire).toBeUndefined();
    expect(r4.hasError).toBe(true);
    expect(r4.findings.filter((f) => f.code === 'valeur-illisible').length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.hasError).map((r) => r.values.numero)).toEqual(['2025-004']);
  });

  it('gives the same rows, values and findings through both adapters', () => {
    const picture = (reg: ReturnType<typeof buildRegister>) =>
      reg.rows.map((r) => ({ source: r.source, values: { ...r.values }, findings: r.findings.map((f) => [f.code, f.gravite]) }));
    expect(picture(fromOffice)).toEqual(picture(fromFile));
    expect(fromOffice.mappings).toEqual(fromFile.mappings);
  });
});

describe('regles.md §2 — Office.js value types', () => {
  it('never reads an error value as data, whatever the error', () => {
    for (const e of ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!']) {
      expect(toCellValue(e, 'Error', 'General')).toEqual({ error: e });
    }
  });

  it('keeps a number that is not date-formatted as a number, and text as text', () => {
    expect(toCellValue(45658, 'Integer', 'General')).toBe(45658);
    expect(toCellValue(45658, 'Integer', '@')).toBe(45658);
    expect(toCellValue(45658, 'Integer', '0" jours"')).toBe(45658);
    expect(toCellValue(45658, 'Integer', '[Blue]0')).toBe(45658);
    expect(toCellValue('45658', 'String', 'dd/mm/yyyy')).toBe('45658');
    expect(toCellValue('  ', 'String', 'General')).toBe('  ');
    expect(toCellValue(false, 'Boolean', 'General')).toBe(false);
  });
});

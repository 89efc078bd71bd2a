/** Workbooks built in code for the xlsx adapter's tests. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WritePlan } from '../../../src/domain/plan-types';
import { UnreadableWorkbookError } from '../../../src/workbook/port';
import { openXlsx } from '../../../src/workbook/xlsx/open';

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The package with its first sheet's XML (`xl/worksheets/sheet1.xml`, as ExcelJS names it) edited. */
export async function withFirstSheetXml(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = 'xl/worksheets/sheet1.xml';
  zip.file(part, edit(await zip.file(part)!.async('string')));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

/** A cell written as raw XML: its type and what goes inside `<c>`; `bare` drops its style. */
export interface RawCell {
  readonly type: string;
  readonly inner: string;
  readonly bare?: boolean;
}

/** The package with these cells of the first sheet (by address) replaced by raw XML, their style kept unless `bare`. */
export function withRawCells(bytes: Uint8Array, cells: Record<string, RawCell>): Promise<Uint8Array> {
  return withFirstSheetXml(bytes, (sheet) => {
    let xml = sheet;
    for (const [ref, cell] of Object.entries(cells)) {
      const found = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
      if (found === null) throw new Error(`no cell ${ref}`);
      const style = cell.bare ? '' : (/\ss="\d+"/.exec(found[1])?.[0] ?? '');
      xml = xml.replace(found[0], `<c r="${ref}"${style} t="${cell.type}">${cell.inner}</c>`);
    }
    return xml;
  });
}

/** The French reason `openXlsx` refuses these bytes with (the error names the file and says the reason). */
export async function reasonOf(data: Uint8Array, name = 'suivi.xlsx'): Promise<string> {
  try {
    await openXlsx(data, name);
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    const e = err as UnreadableWorkbookError;
    expect(e.file).toBe(name);
    expect(e.message).toBe(`Impossible de lire « ${name} » : ${e.reason}`);
    return e.reason;
  }
  throw new Error('opened without error');
}

export async function loadBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** A file on disk as ExcelJS loads it. */
export async function loadFile(file: string): Promise<ExcelJS.Workbook> {
  return loadBytes(new Uint8Array(readFileSync(file)));
}

/**
 * A buyer's tracking workbook with what real ones hold: title rows, a merged
 * group header, formulas (plain, shared, array), rich text, a link, errors,
 * dates, number formats, widths, an Excel table, a data validation, a
 * conditional format, a hidden sheet.
 */
export function buyerWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  ws.getCell('A1').value = 'Suivi des marchés 2025';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.mergeCells('A1:F1');
  ws.getCell('D2').value = 'Montants';
  ws.mergeCells('D2:E2');
  const headers = ['N° marché', 'Objet', 'Date de notification', 'Montant HT', 'Mandaté', 'Total'];
  headers.forEach((h, j) => {
    const c = ws.getCell(3, j + 1);
    c.value = h;
    c.font = { bold: true };
  });
  ws.getCell('A4').value = '2025-001';
  ws.getCell('B4').value = { richText: [{ text: 'Papier ', font: { bold: true } }, { text: 'recyclé' }] };
  ws.getCell('C4').value = new Date(Date.UTC(2025, 2, 14));
  ws.getCell('C4').numFmt = 'dd/mm/yyyy';
  ws.getCell('D4').value = 1234.5;
  ws.getCell('D4').numFmt = '#,##0.00 "€"';
  ws.getCell('E4').value = 1000;
  ws.getCell('F4').value = { formula: 'D4+E4', result: 2234.5, shareType: 'shared', ref: 'F4:F5' } as ExcelJS.CellValue;
  ws.getCell('A5').value = '2025-002';
  ws.getCell('B5').value = { text: 'Voir la fiche', hyperlink: 'https://example.org/fiche' };
  ws.getCell('C5').value = 45700; // a serial typed as a number, formatted as a date
  ws.getCell('C5').numFmt = 'dd/mm/yyyy';
  ws.getCell('D5').value = { error: '#N/A' };
  ws.getCell('E5').value = { formula: 'NA()', result: { error: '#N/A' } };
  ws.getCell('F5').value = { sharedFormula: 'F4', result: 0 };
  ws.getCell('A6').value = '2025-003';
  ws.getCell('B6').value = '=HYPERLINK("http://x")';
  ws.getCell('C6').value = '14/03/2025';
  ws.getCell('D6').value = '1 234,56';
  ws.getCell('E6').value = true;
  ws.getCell('F6').value = { formula: 'SUM(D4:E4)' }; // never computed: no cached result
  ws.getCell('G4').value = { formula: 'D4:D5*2', result: 2469, shareType: 'array', ref: 'G4:G5' } as ExcelJS.CellValue;
  ws.getCell('G5').value = 0;
  ws.getCell('H4').value = 'Pôle Ressources';
  ws.mergeCells('H4:H6');
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 42;
  withExtras(ws).dataValidations.add('E4:E6', { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true });
  ws.addConditionalFormatting({
    ref: 'D4:D6',
    rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: ['1000'], style: { font: { bold: true } } }],
  });

  const t = wb.addWorksheet('Titulaires');
  t.addTable({
    name: 'Titulaires',
    ref: 'B2',
    headerRow: true,
    columns: [
      { name: 'Titulaire', filterButton: true },
      { name: 'SIRET', filterButton: true },
    ],
    rows: [
      ['Imprimerie du Nord', '12345678900011'],
      ['Atelier Solidaire', '98765432100022'],
    ],
  });
  t.getColumn(2).width = 30;

  const hidden = wb.addWorksheet('Listes', { state: 'hidden' });
  hidden.getCell('A1').value = 'oui';
  hidden.getCell('A2').value = 'non';
  return wb;
}

/** A small plan with the sheets the add-in writes. */
export function samplePlan(): WritePlan {
  return {
    sheets: [
      {
        name: 'SPASER Registre',
        visibility: 'visible',
        widths: [16, 40, 14, 16],
        freezeRows: 1,
        blocks: [
          {
            row: 1,
            col: 1,
            style: 'entete',
            values: [['N° de marché', 'Objet du marché', 'Date de notification', 'Montant HT (€)']],
          },
          {
            row: 2,
            col: 1,
            formats: [null, null, 'jj/mm/aaaa', '# ##0,00 €'],
            values: [
              ['2025-001', '=1+1', { date: '2025-03-14' }, 1234.5],
              ['2025-002', '+33 3 20 00 00 00', { date: '2025-02-11' }, 0],
            ],
          },
        ],
        tables: [{ name: 'Registre', row: 1, col: 1, rowCount: 3, colCount: 4 }],
        links: [],
        charts: [],
      },
      {
        name: 'SPASER Contrôles',
        visibility: 'visible',
        widths: [14, 30, 20],
        blocks: [
          { row: 1, col: 1, style: 'titre', values: [['Contrôles']] },
          { row: 2, col: 1, style: 'entete', values: [['Gravité', 'Message', 'Lien']] },
          { row: 3, col: 1, values: [['erreur', 'Montant illisible', null]] },
          { row: 5, col: 1, style: 'note', values: [['Note : valeurs lues telles quelles.']] },
        ],
        tables: [],
        links: [{ row: 3, col: 3, text: 'Suivi 2025!D5', sheet: 'Suivi 2025', address: 'D5' }],
        charts: [],
      },
      {
        name: 'SPASER État',
        visibility: 'veryHidden',
        widths: [],
        blocks: [{ row: 1, col: 1, values: [['{"version":1,"mappings":[],'], ['"decisions":[]}']] }],
        tables: [],
        links: [],
        charts: [],
      },
    ],
  };
}

/** What ExcelJS has at run time but its typings leave out or mistype. */
export function withExtras(ws: ExcelJS.Worksheet) {
  return ws as unknown as {
    dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void; model: unknown };
    conditionalFormattings: unknown;
    _merges: Record<string, unknown>;
  };
}

/** Table names of a sheet (`getTables()` is mistyped in ExcelJS 4.4). */
export function tableNames(ws: ExcelJS.Worksheet): string[] {
  return (ws.getTables() as unknown as { name: string }[]).map((t) => t.name);
}

/** Everything of a cell a user could notice, for cell-by-cell comparison. */
export function cellSnapshot(c: ExcelJS.Cell) {
  return {
    type: c.type,
    value: c.type === ExcelJS.ValueType.Formula ? null : JSON.stringify(c.value),
    formula: c.formula ?? null,
    result: c.type === ExcelJS.ValueType.Formula ? JSON.stringify(c.result ?? null) : null,
    numFmt: c.numFmt ?? null,
    font: JSON.stringify(c.font ?? null),
    fill: JSON.stringify(c.fill ?? null),
    border: JSON.stringify(c.border ?? null),
    alignment: JSON.stringify(c.alignment ?? null),
    isMerged: c.isMerged,
    master: c.master.address,
  };
}

export function sheetSnapshot(ws: ExcelJS.Worksheet) {
  const cells: Record<string, ReturnType<typeof cellSnapshot>> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (c) => {
      cells[c.address] = cellSnapshot(c);
    });
  });
  return {
    name: ws.name,
    state: ws.state,
    cells,
    merges: Object.keys(withExtras(ws)._merges).sort(),
    widths: (ws.columns ?? []).map((col) => col.width ?? null),
    tables: ws.getTables().map((t) => {
      const m = (t as unknown as { table: Record<string, unknown> }).table;
      return JSON.stringify({ name: m.name, ref: m.tableRef, header: m.headerRow, totals: m.totalsRow, columns: m.columns, style: m.style });
    }),
    validations: JSON.stringify(withExtras(ws).dataValidations.model),
    conditionalFormats: JSON.stringify(withExtras(ws).conditionalFormattings),
  };
}

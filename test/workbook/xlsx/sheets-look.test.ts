/**
 * Session 34: the written `SPASER …` sheets as a buyer sees them (sortie.md), read back from the
 * file: a city-sized amount fits its column (no `###`), a long message of the findings wraps in its
 * row's height (the register keeps one line per contract), the tables print on A4 in landscape.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES, SHEET_REGISTRE } from '../../../src/domain/plan-types';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { d, grid } from '../../helpers/grid';

const BOOK = 'Pôle Éducation, petite enfance et jeunesse.xlsx';
const LONG_OBJECT =
  "Accord-cadre à bons de commande pour la fourniture, la livraison et l'installation de mobilier scolaire éco-conçu issu du réemploi, avec clause d'insertion";

async function written(): Promise<ExcelJS.Workbook> {
  const rows = [
    ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif', 'Titulaire', 'Pôle', 'Clause sociale'],
    ['2025-001', LONG_OBJECT, 123_456_789.12, d('2025-02-03'), 'ACME', 'Pôle Éducation', 'oui'],
    ['2025-002', 'Nettoyage', 98_765_432.1, d('2025-03-10'), 'Dupont', 'Pôle Sport', 'non'],
    ['2025-003', 'Gardiennage', 'douze', d('2025-04-01'), 'Durand', 'Pôle Sport', 'oui'],
  ];
  const out = runChain([{ file: BOOK, sheets: [grid('Suivi des marchés publics 2025', rows)], state: null }], { today: '2026-01-15' });
  const xlsx = new XlsxWorkbook(BOOK, new ExcelJS.Workbook());
  await xlsx.writePlan(out.plan);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsx.saveXlsx()) as unknown as ExcelJS.Buffer);
  return book;
}

/** Characters a cell's number takes as Excel shows it with its format (French grouping). */
function shownLength(cell: ExcelJS.Cell): number {
  const v = cell.value as number;
  const decimals = /\.(0+)/.exec(cell.numFmt ?? '')?.[1].length ?? 0;
  const text = Math.abs(v).toFixed(decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return text.length + (v < 0 ? 1 : 0) + (/€/.test(cell.numFmt ?? '') ? 2 : 0);
}

describe('Session 34 — the written sheets as seen', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await written();
  });

  it.each([SHEET_INDICATEURS, SHEET_POLES, SHEET_REGISTRE])('%s: every number fits its column as formatted (no ###)', (name) => {
    const ws = book.getWorksheet(name)!;
    const tooNarrow: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value !== 'number') return;
        const width = ws.getColumn(cell.col).width ?? 9;
        if (shownLength(cell) + 1 > width) tooNarrow.push(`${cell.address} ${cell.value} (${width})`);
      }),
    );
    expect(tooNarrow).toEqual([]);
  });

  it('the register keeps one line per contract: a long object is not wrapped, its column at its widest', () => {
    const ws = book.getWorksheet(SHEET_REGISTRE)!;
    const header = ws.getRow(1).values as unknown[];
    const col = header.indexOf('Objet du marché');
    const cell = ws.getRow(2).getCell(col);
    expect(cell.value).toBe(LONG_OBJECT);
    expect(cell.alignment?.wrapText).toBeFalsy();
    expect(ws.getRow(2).height).toBeUndefined();
    expect(ws.getColumn(col).width).toBe(60);
  });

  it('the findings wrap a message longer than its column, its row as tall as its lines', () => {
    const ws = book.getWorksheet(SHEET_CONTROLES)!;
    const long = ws.getColumn(3).values.findIndex((v) => typeof v === 'string' && v.length > 80);
    expect(long).toBeGreaterThan(1);
    expect(ws.getRow(long).getCell(3).alignment?.wrapText).toBe(true);
    expect(ws.getRow(long).height).toBeGreaterThanOrEqual(30);
  });

  it('the findings print on A4 landscape, one page wide, the header row on each page', () => {
    const setup = book.getWorksheet(SHEET_CONTROLES)!.pageSetup;
    expect(setup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });
});

describe('Session 34 — the header row printed atop each page, in the user\'s own file', () => {
  /** The chain run on a file as the command line runs it (the user's parts kept, ours spliced in). */
  async function calculated(bytes: Uint8Array): Promise<Uint8Array> {
    const book = await openXlsx(bytes, BOOK);
    const out = runChain([{ file: BOOK, sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: false, today: '2026-01-15' });
    await book.writePlan(out.plan);
    return book.saveXlsx();
  }

  async function workbookXml(bytes: Uint8Array): Promise<{ sheets: string[]; names: string[] }> {
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    return {
      sheets: [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]),
      names: [...xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => `${/name="([^"]*)"/.exec(m[1])![1]} ${/localSheetId="(\d+)"/.exec(m[1])?.[1] ?? '-'} ${m[2]}`),
    };
  }

  it('our sheets keep their print titles at their new places, beside the user\'s names; a second run has them once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi 2025');
    ws.addRow(['N° marché', 'Objet du marché', 'Montant HT', 'Date notif', 'Titulaire', 'Pôle']);
    ws.addRow(['2025-001', 'Nettoyage', 1000, new Date(Date.UTC(2025, 1, 3)), 'ACME', 'Pôle Sport']);
    // A finding: the findings sheet is a table with its header row (without one, a single line says so).
    ws.addRow(['2025-002', 'Papier', 'douze', new Date(Date.UTC(2025, 2, 3)), 'Dupont', 'Pôle Sport']);
    wb.addWorksheet('Notes').getCell('A1').value = 'notes';
    wb.definedNames.add("'Suivi 2025'!$A$1:$F$3", 'REGISTRE');
    const input = new Uint8Array(await wb.xlsx.writeBuffer());

    const first = await workbookXml(await calculated(input));
    expect(first.sheets).toEqual(['Suivi 2025', 'Notes', SHEET_REGISTRE, SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES, 'SPASER État']);
    // Session 35: the register repeats its column A (the contract's number), the indicators their header row.
    const printTitles = [
      `_xlnm.Print_Titles 2 &apos;${SHEET_REGISTRE}&apos;!$A:$A,&apos;${SHEET_REGISTRE}&apos;!$1:$1`,
      `_xlnm.Print_Titles 3 &apos;${SHEET_CONTROLES}&apos;!$1:$1`,
      `_xlnm.Print_Titles 4 &apos;${SHEET_INDICATEURS}&apos;!$5:$5`,
      `_xlnm.Print_Titles 5 &apos;${SHEET_POLES}&apos;!$1:$1`,
    ];
    expect(first.names).toEqual([`REGISTRE - &apos;Suivi 2025&apos;!$A$1:$F$3`, ...printTitles]);

    const again = await workbookXml(await calculated(await calculated(input)));
    expect(again.sheets).toEqual(first.sheets);
    expect(again.names).toEqual(first.names);
  });
});

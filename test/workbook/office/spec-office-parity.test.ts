/**
 * sortie.md — the same chain writes the same `SPASER …` sheets inside Excel
 * (Office.js) and into an `.xlsx` file (ExcelJS): values, number formats,
 * tables, links, frozen rows, widths, sheet order and visibility. Charts are
 * the one documented difference (ExcelJS cannot draw them).
 */
import ExcelJS from 'exceljs';
import { runChain, type ChainOutput } from '../../../src/domain/chain';
import { SHEET_CONTROLES, SHEET_ETAT, SHEET_INDICATEURS, SHEET_POLES, SHEET_REGISTRE, type WritePlan } from '../../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { widthToPoints } from '../../../src/workbook/office/write';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { colLetters, createExcelDouble, type CellModel, type ExcelDouble } from '../../doubles/excel-double';
import { type SheetLink, sheetLinks, sheetRowBreaks } from '../../helpers/sheet-links';
import { BOOK, exceljsBook, grids, NOTES, seeds, serial, SHEET } from './spec-office-fixture';

const SPASER_SHEETS = [SHEET_REGISTRE, SHEET_CONTROLES, SHEET_INDICATEURS, SHEET_POLES, SHEET_ETAT];

function chainOutput(): ChainOutput {
  return runChain([{ file: BOOK, sheets: grids(), state: null }], {
    today: '2026-01-15',
    overrides: [{ sheet: SHEET, headerRow: 1, columns: { Titulaire: 'titulaire' } }],
    decisions: [{ numero: '2025-001', consideration: 'sociale', etiquette: 'Clause sociale', decision: 'rejetée' }],
  });
}

/** What a user sees in one cell, the same way for both adapters. */
interface SeenCell {
  value: string | number | boolean | null;
  formula: boolean;
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  fill: string | null;
  link: string | null;
  /** Wrapped text and its vertical alignment (`top`, `middle`), null for the default. */
  wrap: string | null;
  /** Horizontal alignment (`center`), null for Excel's default. */
  align: string | null;
}

/** What a printed page shows: A4, orientation, one page wide, the repeated row. */
interface SeenPrint {
  a4: boolean;
  landscape: boolean;
  oneWide: boolean;
  titleRows: string | null;
  /** Columns repeated at the left of each page (`A:A`). */
  titleColumns: string | null;
  /** The footer in Excel's codes: `&L…&C…&R…`. */
  footer: string | null;
  /** 1-based rows starting a page after a manual break. */
  breaksBefore: number[];
  /** Left, right, top, bottom, header, footer margins, in inches. */
  margins: number[];
}

/** Excel's « Normales » margins, in inches: those of a sheet whose margins the add-in leaves. */
const NORMAL_MARGINS = [0.7, 0.7, 0.75, 0.75, 0.3, 0.3];

interface SeenSheet {
  name: string;
  hidden: 'visible' | 'veryHidden' | 'other';
  frozenRows: number;
  print: SeenPrint;
  /** Row heights set, 1-based row → points. */
  heights: [number, number][];
  widthsInPoints: [number, number][];
  tables: { name: string; ref: string }[];
  cells: Record<string, SeenCell>;
}

function linkTarget(s: string): string {
  return s.replace(/^#/, '').replace(/\$/g, '');
}

function officeCell(c: CellModel): SeenCell {
  return {
    value: c.value,
    formula: c.formula !== undefined,
    numberFormat: c.numberFormat ?? 'General',
    bold: c.bold === true,
    italic: c.italic === true,
    fill: c.fill ? c.fill.replace('#', '').toUpperCase() : null,
    link: c.hyperlink?.documentReference ? linkTarget(c.hyperlink.documentReference) : null,
    wrap: c.wrap ? ({ Top: 'top', Center: 'middle' } as Record<string, string>)[c.verticalAlignment ?? ''] ?? 'bottom' : null,
    align: c.horizontalAlignment && c.horizontalAlignment !== 'General' ? c.horizontalAlignment.toLowerCase() : null,
  };
}

function officeSheets(excel: ExcelDouble): SeenSheet[] {
  return excel
    .sheetNames()
    .filter((n) => n.startsWith('SPASER '))
    .map((name) => {
      const s = excel.sheet(name);
      const cells: Record<string, SeenCell> = {};
      for (const [r, row] of s.rows) {
        for (const [c, cell] of row) {
          const seen = officeCell(cell);
          if (seen.value === null && seen.numberFormat === 'General' && !seen.bold && !seen.italic && seen.fill === null) continue;
          cells[`${colLetters(c)}${r + 1}`] = seen;
        }
      }
      return {
        name,
        hidden: s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Visible' ? 'visible' : 'other',
        frozenRows: s.frozenRows,
        print: {
          a4: s.pageLayout.paperSize === 'A4',
          landscape: s.pageLayout.orientation === 'Landscape',
          oneWide: s.pageLayout.zoom?.horizontalFitToPages === 1 && s.pageLayout.zoom.verticalFitToPages === 0,
          titleRows: s.pageLayout.printTitleRows?.replace(/\$/g, '') ?? null,
          titleColumns: s.pageLayout.printTitleColumns?.replace(/\$/g, '') ?? null,
          footer: s.pageLayout.footer ? `&L${s.pageLayout.footer.left}&C${s.pageLayout.footer.center}&R${s.pageLayout.footer.right}` : null,
          breaksBefore: s.pageBreaks.map((r) => r + 1),
          margins: (['left', 'right', 'top', 'bottom', 'header', 'footer'] as const).map((k, i) => {
            const points = s.pageLayout.margins?.[k];
            return points === undefined ? NORMAL_MARGINS[i] : points / 72;
          }),
        },
        heights: [...s.heights.entries()].map(([r, h]): [number, number] => [r + 1, h]).sort((a, b) => a[0] - b[0]),
        widthsInPoints: [...s.widths.entries()].sort((a, b) => a[0] - b[0]),
        tables: excel.tablesOf(name).map((t) => ({
          name: t.name,
          ref: `${colLetters(t.c0)}${t.r0 + 1}:${colLetters(t.c0 + t.nc - 1)}${t.r0 + t.nr}`,
        })),
        cells,
      };
    });
}

function exceljsValue(c: ExcelJS.Cell): { value: SeenCell['value']; formula: boolean; link: string | null } {
  const v = c.value;
  if (v === null || v === undefined) return { value: null, formula: false, link: null };
  if (v instanceof Date) return { value: serial(v.toISOString().slice(0, 10)), formula: false, link: null };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { value: null, formula: true, link: null };
    if ('hyperlink' in v) return { value: String(v.text), formula: false, link: linkTarget(String(v.hyperlink)) };
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join(''), formula: false, link: null };
    return { value: JSON.stringify(v), formula: false, link: null };
  }
  return { value: v === '' ? null : v, formula: false, link: null };
}

/** `links`: per sheet, the links read from its part (ExcelJS does not read an in-workbook link as Excel writes it). */
function exceljsSheets(
  wb: ExcelJS.Workbook,
  links: ReadonlyMap<string, ReadonlyMap<string, SheetLink>>,
  breaks: ReadonlyMap<string, number[]>,
): SeenSheet[] {
  return wb.worksheets
    .filter((ws) => ws.name.startsWith('SPASER '))
    .map((ws) => {
      const cells: Record<string, SeenCell> = {};
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => {
          const { value, formula, link: valueLink } = exceljsValue(c);
          const written = links.get(ws.name)?.get(c.address);
          const link = written ? linkTarget(written.location ?? written.target!) : valueLink;
          const fill = c.fill && c.fill.type === 'pattern' ? (c.fill.fgColor?.argb ?? null) : null;
          const seen: SeenCell = {
            value,
            formula,
            numberFormat: c.numFmt ?? 'General',
            bold: c.font?.bold === true,
            italic: c.font?.italic === true,
            fill: fill ? fill.slice(2).toUpperCase() : null,
            link,
            wrap: c.alignment?.wrapText ? (c.alignment.vertical ?? 'bottom') : null,
            align: c.alignment?.horizontal ?? null,
          };
          if (seen.value === null && seen.numberFormat === 'General' && !seen.bold && !seen.italic && seen.fill === null) return;
          cells[c.address] = seen;
        }),
      );
      const frozen = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
      const heights: [number, number][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        if (row.height) heights.push([r, row.height]);
      });
      const widths: [number, number][] = [];
      (ws.columns ?? []).forEach((col, i) => {
        if (col.width) widths.push([i, widthToPoints(col.width)]);
      });
      return {
        name: ws.name,
        hidden: ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'visible' ? 'visible' : 'other',
        frozenRows: frozen?.state === 'frozen' ? (frozen.ySplit ?? 0) : 0,
        print: {
          a4: ws.pageSetup.paperSize === 9,
          landscape: ws.pageSetup.orientation === 'landscape',
          oneWide: ws.pageSetup.fitToPage === true && ws.pageSetup.fitToWidth === 1 && ws.pageSetup.fitToHeight === 0,
          titleRows: ws.pageSetup.printTitlesRow ?? null,
          titleColumns: ws.pageSetup.printTitlesColumn ?? null,
          footer: ws.headerFooter?.oddFooter ?? null,
          breaksBefore: breaks.get(ws.name) ?? [],
          margins: (['left', 'right', 'top', 'bottom', 'header', 'footer'] as const).map((k, i) => ws.pageSetup.margins?.[k] ?? NORMAL_MARGINS[i]),
        },
        heights,
        widthsInPoints: widths,
        tables: (ws.getTables() as unknown as { table: { name: string; tableRef: string } }[]).map((t) => ({
          name: t.table.name,
          ref: t.table.tableRef,
        })),
        cells,
      };
    });
}

async function writeBoth(plan: WritePlan): Promise<{ office: SeenSheet[]; xlsx: SeenSheet[]; excel: ExcelDouble; book: ExcelJS.Workbook }> {
  const excel = createExcelDouble({ name: BOOK, sheets: seeds() });
  await createOfficeWorkbook(excel.run as unknown as ExcelRunner).writePlan(plan);

  const xlsx = new XlsxWorkbook(BOOK, exceljsBook());
  await xlsx.writePlan(plan);
  // Through the file, as a user gets it.
  const bytes = await xlsx.saveXlsx();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const links = new Map<string, Map<string, SheetLink>>();
  for (const ws of book.worksheets) links.set(ws.name, await sheetLinks(bytes, ws.name));
  const breaks = new Map<string, number[]>();
  for (const ws of book.worksheets) breaks.set(ws.name, await sheetRowBreaks(bytes, ws.name));
  return { office: officeSheets(excel), xlsx: exceljsSheets(book, links, breaks), excel, book };
}

describe('sortie.md — the Office adapter writes exactly what the xlsx adapter writes', () => {
  let out: ChainOutput;
  let both: Awaited<ReturnType<typeof writeBoth>>;
  beforeAll(async () => {
    out = chainOutput();
    both = await writeBoth(out.plan);
  });

  it('adds the same SPASER sheets, in the same order, after the user sheets, the state sheet very hidden', () => {
    expect(both.excel.sheetNames()).toEqual([SHEET, NOTES, ...SPASER_SHEETS]);
    expect(both.book.worksheets.map((w) => w.name)).toEqual([SHEET, NOTES, ...SPASER_SHEETS]);
    expect(both.office.map((s) => [s.name, s.hidden])).toEqual(SPASER_SHEETS.map((n) => [n, n === SHEET_ETAT ? 'veryHidden' : 'visible']));
    expect(both.xlsx.map((s) => [s.name, s.hidden])).toEqual(both.office.map((s) => [s.name, s.hidden]));
  });

  it.each(SPASER_SHEETS)('%s: same cells (values, text kept text, number formats, styles, links)', (name) => {
    const office = both.office.find((s) => s.name === name)!;
    const xlsx = both.xlsx.find((s) => s.name === name)!;
    expect(Object.keys(office.cells).length).toBeGreaterThan(0);
    expect(office.cells).toEqual(xlsx.cells);
  });

  it.each(SPASER_SHEETS)('%s: same tables, frozen rows and column widths', (name) => {
    const office = both.office.find((s) => s.name === name)!;
    const xlsx = both.xlsx.find((s) => s.name === name)!;
    expect(office.tables).toEqual(xlsx.tables);
    // An Excel table with filters on the register, the findings and the Pôles (sortie.md).
    expect(office.tables.length).toBe([SHEET_REGISTRE, SHEET_CONTROLES, SHEET_POLES].includes(name) ? 1 : 0);
    expect(office.frozenRows).toBe(xlsx.frozenRows);
    expect(office.print).toEqual(xlsx.print);
    // Row heights are the file's alone: Excel fits a wrapped row itself (Range.WrapText), LibreOffice does not.
    expect(office.heights).toEqual([]);
    // Widths: the plan's, in points. ExcelJS leaves out a width of exactly 9 characters (its default) from the file.
    const planned = out.plan.sheets.find((s) => s.name === name)!.widths;
    const expected = planned.flatMap((w, i): [number, number][] => (w > 0 ? [[i, widthToPoints(w)]] : []));
    expect(office.widthsInPoints).toEqual(expected);
    expect(xlsx.widthsInPoints).toEqual(expected.filter(([i]) => planned[i] !== 9));
  });

  it('prints the tables on A4 in landscape, one page wide, their header atop each page, and wraps long messages, in both', () => {
    for (const sheets of [both.office, both.xlsx]) {
      const controles = sheets.find((s) => s.name === SHEET_CONTROLES)!;
      const footer = '&L&A&CPage &P sur &N&RCalcul du 15/01/2026';
      expect(controles.print).toEqual({ a4: true, landscape: true, oneWide: true, titleRows: '1:1', titleColumns: null, footer, breaksBefore: [], margins: NORMAL_MARGINS });
      // The Message column (C) wraps, at the bottom as the row's other cells; the header row wraps centred.
      expect(controles.cells.C2.wrap).toBe('bottom');
      expect(controles.cells.A1.wrap).toBe('middle');
      // In the file, a message longer than its column takes its lines' height (LibreOffice does not fit it on opening).
      const long = Object.entries(controles.cells).find(([a, c]) => /^C\d+$/.test(a) && typeof c.value === 'string' && c.value.length > 80);
      expect(long).toBeDefined();
      if (sheets === both.xlsx) expect(controles.heights.find(([r]) => `C${r}` === long![0])?.[1]).toBeGreaterThanOrEqual(30);
      // The register's pages further right repeat the contract's number (column A).
      expect(sheets.find((s) => s.name === SHEET_REGISTRE)!.print).toEqual({ a4: true, landscape: true, oneWide: false, titleRows: '1:1', titleColumns: 'A:A', footer, breaksBefore: [], margins: NORMAL_MARGINS });
      // The indicators' header repeats on each page; the breakdowns and the charts start a page.
      const indicateurs = sheets.find((s) => s.name === SHEET_INDICATEURS)!.print;
      const plan = out.plan.sheets.find((s) => s.name === SHEET_INDICATEURS)!;
      const header = plan.blocks.find((b) => b.style === 'entete')!.row;
      expect(indicateurs).toMatchObject({ a4: true, landscape: true, oneWide: true, titleRows: `${header}:${header}`, titleColumns: null, footer });
      expect(indicateurs.breaksBefore).toEqual(plan.print!.breaksBefore);
      expect(indicateurs.breaksBefore.length).toBeGreaterThan(0);
      // Session 36: narrow side margins (0.25 in), the usual top and bottom (0.75 in) and footer (0.3 in).
      expect(indicateurs.margins).toEqual([0.25, 0.25, 0.75, 0.75, 0.3, 0.3]);
    }
  });

  it('writes the texts that look like formulas, numbers or booleans as the same texts, in both', () => {
    const registre = both.office.find((s) => s.name === SHEET_REGISTRE)!;
    const xlsx = both.xlsx.find((s) => s.name === SHEET_REGISTRE)!;
    // Columns found by their French label (champs.md); rows in source order from row 2.
    const col = (label: string): string => {
      const hit = Object.entries(registre.cells).find(([a, c]) => /^[A-Z]+1$/.test(a) && c.value === label);
      if (!hit) throw new Error(`no column ${label}`);
      return hit[0].slice(0, -1);
    };
    const objet = col('Objet du marché');
    const texts = ['=HYPERLINK("http://exemple.test","clic")', '+ nettoyage des écoles', 'VRAI', "'entre apostrophes"];
    const titulaires = ['@Fournisseur', '-Dupont', '#N/A', 'TRUE'];
    for (const sheet of [registre, xlsx]) {
      texts.forEach((t, i) => expect(sheet.cells[`${objet}${i + 2}`]).toMatchObject({ value: t, formula: false }));
      titulaires.forEach((t, i) => expect(sheet.cells[`${col('Titulaire')}${i + 2}`]).toMatchObject({ value: t, formula: false }));
      expect(sheet.cells[`${col('N° de marché')}3`]).toMatchObject({ value: '00042', formula: false });
      // Amounts as numbers with the euro format; dates as serials with jj/mm/aaaa.
      expect(sheet.cells[`${col('Montant notifié HT (€)')}2`]).toMatchObject({ value: 12000, numberFormat: '#,##0.00 "€"' });
      expect(sheet.cells[`${col('Date de notification')}2`]).toMatchObject({ value: serial('2025-02-03'), numberFormat: 'dd/mm/yyyy' });
    }
  });

  it('writes the link of a finding to the faulty cell of the user sheet, in both', () => {
    const office = both.office.find((s) => s.name === SHEET_CONTROLES)!;
    const links = Object.values(office.cells).filter((c) => c.link !== null);
    // `douze` in C4 is the amount that cannot be read.
    expect(links.map((c) => c.link)).toContain(`'${SHEET}'!C4`);
  });

  it('draws the charts of the plan only in Excel (ExcelJS cannot): the one difference', () => {
    const planned = out.plan.sheets.find((s) => s.name === SHEET_INDICATEURS)!.charts;
    expect(planned.length).toBeGreaterThan(0);
    expect(both.excel.sheet(SHEET_INDICATEURS).charts.map((c) => c.title)).toEqual(planned.map((c) => c.title));
  });
});

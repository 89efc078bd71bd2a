/**
 * Native charts in the written file (`charts.ts`; sortie.md « Charts »): one chart part per
 * chart of the plan, over its data range of the sheet, anchored where the plan says, with the
 * Office adapter's colours; `1.1.2-dataviz` counts them.
 */
import ExcelJS from 'exceljs';
import { runChain } from '../../../src/domain/chain';
import type { ChartPlan, WritePlan } from '../../../src/domain/plan-types';
import { chartColors } from '../../../src/workbook/chart-style';
import { chartXml, withDrawing } from '../../../src/workbook/xlsx/charts';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { loadBytes, toBytes } from './fixtures';
import { attr, expectWholePackage, parts } from './package-checks';

/** Two Pôles, clauses, suppliers with postal codes and sizes: four of the five charts have data. */
function register(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Clause sociale', 'Clause environnementale', 'Titulaire', 'Code postal', 'Catégorie entreprise']);
  const rows: ExcelJS.CellValue[][] = [
    ['2025-001', 'Nettoyage des locaux', 1000, new Date(Date.UTC(2025, 1, 3)), 'Culture', 'Oui', 'Non', 'Net Nord', '59100', 'PME'],
    ['2025-002', 'Papier', 2000, new Date(Date.UTC(2025, 2, 3)), 'Culture', 'Non', 'Oui', 'Papeterie', '59000', 'TPE'],
    ['2025-003', 'Travaux de voirie', 30000, new Date(Date.UTC(2025, 3, 3)), 'Sports', 'Oui', 'Oui', 'BTP Sud', '75011', 'ETI'],
  ];
  for (const r of rows) ws.addRow(r);
  return wb;
}

describe('the charts of the written workbook', () => {
  let output: Uint8Array;
  let plan: WritePlan;
  let dataviz: unknown;
  beforeAll(async () => {
    const book = await openXlsx(await toBytes(register()), 'Suivi.xlsx');
    expect(book.writesCharts).toBe(true);
    const out = runChain([{ file: 'Suivi.xlsx', sheets: await book.readSheets(), state: null }], { writesCharts: book.writesCharts, today: '2026-01-15' });
    plan = out.plan;
    dataviz = out.result.indicateurs.find((i) => i.id === '1.1.2-dataviz')?.valeur;
    await book.writePlan(out.plan);
    output = await book.saveXlsx();
  });

  const planned = (): readonly ChartPlan[] => plan.sheets.find((s) => s.name === 'SPASER Indicateurs')!.charts;

  it('draws every chart of the plan, and 1.1.2-dataviz counts them', async () => {
    const kinds = planned().map((c) => c.kind);
    expect(kinds).toEqual(['colonnes', 'anneau', 'anneau', 'colonnesGroupees']);
    const all = await parts(output);
    const charts = [...all.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(4);
    expect(dataviz).toBe(4);
  });

  it('is a whole package, which ExcelJS reads back with the same cells', async () => {
    await expectWholePackage(output);
    const back = await loadBytes(output);
    expect(back.getWorksheet('SPASER Indicateurs')!.getCell('A1').value).toMatch(/^Indicateurs SPASER — exercice 2025$/);
  });

  it('places the drawing on the indicators sheet only, one anchor per chart where the plan says', async () => {
    const all = await parts(output);
    const wb = all.get('xl/workbook.xml')!.toString('utf8');
    const sheetTag = [...wb.matchAll(/<sheet [^>]*>/g)].map((m) => m[0]).find((t) => attr(t, 'name') === 'SPASER Indicateurs')!;
    const rid = /r:id="([^"]*)"/.exec(sheetTag)![1];
    const rels = all.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"`).exec(rels)![1];
    const sheetPart = `xl/${target}`;
    const sheetXml = all.get(sheetPart)!.toString('utf8');
    expect(sheetXml.match(/<drawing /g)).toHaveLength(1);
    // Only this sheet has a drawing.
    const drawings = [...all.keys()].filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && all.get(p)!.toString('utf8').includes('<drawing '));
    expect(drawings).toEqual([sheetPart]);
    const drawing = all.get('xl/drawings/drawing1.xml')!.toString('utf8');
    const anchors = [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>[\s\S]*?<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => m.slice(1).map(Number));
    expect(anchors).toEqual(planned().map((c) => [c.anchor.col - 1, c.anchor.row - 1, c.anchor.col - 1 + c.anchor.width, c.anchor.row - 1 + c.anchor.height]));
  });

  it('each chart reads its data range of the sheet, with the values of the plan in its cache, and a French title', async () => {
    const back = await loadBytes(output);
    const ws = back.getWorksheet('SPASER Indicateurs')!;
    const all = await parts(output);
    planned().forEach((chart, k) => {
      const xml = all.get(`xl/charts/chart${k + 1}.xml`)!.toString('utf8');
      expect(xml).toContain(`<a:t>${chart.title}</a:t>`);
      const d = chart.data;
      const col = (n: number) => String.fromCharCode(64 + n);
      expect(xml).toContain(`<c:f>'SPASER Indicateurs'!$${col(d.col)}$${d.row + 1}:$${col(d.col)}$${d.row + d.rowCount - 1}</c:f>`);
      for (let s = 1; s < d.colCount; s++) {
        expect(xml).toContain(`<c:f>'SPASER Indicateurs'!$${col(d.col + s)}$${d.row}</c:f>`);
        expect(xml).toContain(`<c:f>'SPASER Indicateurs'!$${col(d.col + s)}$${d.row + 1}:$${col(d.col + s)}$${d.row + d.rowCount - 1}</c:f>`);
      }
      // The cached values are the sheet's.
      const cached = [...xml.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)].map((m) => [...m[1].matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((p) => [Number(p[1]), Number(p[2])]));
      cached.forEach((points, s) => {
        for (const [i, v] of points) expect(ws.getCell(d.row + 1 + i, d.col + 1 + s).value).toBe(v);
      });
    });
  });

  it('colours series (columns) or slices (rings) as the Office adapter does', async () => {
    const all = await parts(output);
    planned().forEach((chart, k) => {
      const xml = all.get(`xl/charts/chart${k + 1}.xml`)!.toString('utf8');
      const fills = [...xml.matchAll(/<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((m) => `#${m[1]}`);
      const count = chart.kind === 'anneau' || chart.kind === 'secteurs' ? chart.data.rowCount - 1 : chart.data.colCount - 1;
      expect(fills.map((f) => f.toUpperCase())).toEqual(chartColors(count).map((c) => c.toUpperCase()));
      if (chart.kind === 'anneau') expect(xml).toContain('<c:doughnutChart>');
      else expect(xml).toContain('<c:barDir val="col"/>');
    });
  });

  it('a second run replaces the charts with the SPASER sheets (no chart left over)', async () => {
    const book = await openXlsx(output, 'Suivi.xlsx');
    const out = runChain([{ file: 'Suivi.xlsx', sheets: await book.readSheets(), state: await book.readState() }], { writesCharts: true, today: '2026-01-15' });
    await book.writePlan(out.plan);
    const again = await book.saveXlsx();
    await expectWholePackage(again);
    const all = await parts(again);
    expect([...all.keys()].filter((p) => /^xl\/charts\//.test(p))).toHaveLength(4);
    expect([...all.keys()].filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(1);
  });
});

it('a chart title and sheet name with XML characters are escaped', () => {
  const chart: ChartPlan = { id: 'x', kind: 'secteurs', title: 'R&D <test>', data: { row: 1, col: 1, rowCount: 2, colCount: 2 }, anchor: { row: 1, col: 5, width: 7, height: 16 }, altText: { title: 'Titre', description: 'Description' } };
  const xml = chartXml(chart, "L'été & co", (r, c) => (r === 1 ? (c === 1 ? 'Zone' : 'Part') : c === 1 ? 'A<B' : 50));
  expect(xml).toContain('<a:t>R&amp;D &lt;test&gt;</a:t>');
  expect(xml).toContain("<c:f>'L''été &amp; co'!$A$2:$A$2</c:f>");
  expect(xml).toContain('<c:v>A&lt;B</c:v>');
  expect(xml).toContain('<c:pieChart>');
  expect(xml).toContain('<c:showPercent val="1"/>');
});

describe('the <drawing> element goes where the worksheet schema puts it', () => {
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  it('before tableParts and extLst, after pageMargins', () => {
    const xml = `<worksheet xmlns="m" ${R}><sheetData/><pageMargins left="0.7"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst/></worksheet>`;
    expect(withDrawing(xml, 'rId9')).toBe(`<worksheet xmlns="m" ${R}><sheetData/><pageMargins left="0.7"/><drawing r:id="rId9"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst/></worksheet>`);
  });
  it('at the end when nothing follows it, under the sheet prefix', () => {
    const xml = `<x:worksheet xmlns:x="m" ${R}><x:sheetData/><x:pageMargins/></x:worksheet>`;
    expect(withDrawing(xml, 'rId2')).toBe(`<x:worksheet xmlns:x="m" ${R}><x:sheetData/><x:pageMargins/><x:drawing r:id="rId2"/></x:worksheet>`);
  });
  it('declares the relationships namespace when the sheet does not', () => {
    expect(withDrawing('<worksheet xmlns="m"><sheetData/></worksheet>', 'rId1')).toBe(
      '<worksheet xmlns="m"><sheetData/><drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>',
    );
  });
});

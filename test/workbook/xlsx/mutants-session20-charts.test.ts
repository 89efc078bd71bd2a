/**
 * Mutation audit, session 20 (`charts.ts`): the native charts of the written file (sortie.md
 * « Charts »), pinned where no test did.
 * - Each anchor of the drawing shows its own chart: the graphic frames have their own ids, the
 *   drawing's relationships their own ids, and each leads to the chart part of that plan chart.
 * - The drawing and chart parts are typed as DrawingML drawing and chart (an `.xml` default type
 *   would leave Excel a plain XML part where a drawing is expected).
 * - Each series reads its column: its own index and order (the columns' order), its name cached
 *   from its header cell, one cache point count per category row, an empty cell left a gap.
 * - Columns charts are clustered (sortie.md: « Considérations par Pôle (clustered columns) »),
 *   their category and value axes crossing each other.
 */
import ExcelJS from 'exceljs';
import { runChain } from '../../../src/domain/chain';
import type { ChartPlan, PlanValue, WritePlan } from '../../../src/domain/plan-types';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { resolvePartTarget } from '../../helpers/sheet-links';
import { toBytes } from './fixtures';
import { attr, parts } from './package-checks';

const TYPE_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const TYPE_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** Two Pôles with clauses, suppliers with postal codes and sizes, no innovation column (its values are empty). */
function register(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Clause sociale', 'Clause environnementale', 'Titulaire', 'Code postal', 'Catégorie entreprise']);
  ws.addRow(['2025-001', 'Nettoyage des locaux', 1000, new Date(Date.UTC(2025, 1, 3)), 'Culture', 'Oui', 'Non', 'Net Nord', '59100', 'PME']);
  ws.addRow(['2025-002', 'Papier', 2000, new Date(Date.UTC(2025, 2, 3)), 'Culture', 'Non', 'Oui', 'Papeterie', '59000', 'TPE']);
  ws.addRow(['2025-003', 'Travaux de voirie', 30000, new Date(Date.UTC(2025, 3, 3)), 'Sports', 'Oui', 'Oui', 'BTP Sud', '75011', 'ETI']);
  return wb;
}

describe('the charts of a written workbook', () => {
  let all: Map<string, Buffer>;
  let charts: readonly ChartPlan[];
  let cell: (row: number, col: number) => PlanValue;
  const text = (p: string) => all.get(p)!.toString('utf8');

  beforeAll(async () => {
    const book = await openXlsx(await toBytes(register()), 'Suivi.xlsx');
    const out = runChain([{ file: 'Suivi.xlsx', sheets: await book.readSheets(), state: null }], { writesCharts: true, today: '2026-01-15' });
    const sheet = (out.plan as WritePlan).sheets.find((s) => s.name === 'SPASER Indicateurs')!;
    charts = sheet.charts;
    const cells = new Map<string, PlanValue>();
    for (const b of sheet.blocks) b.values.forEach((line, i) => line.forEach((v, j) => cells.set(`${b.row + i},${b.col + j}`, v)));
    cell = (row, col) => cells.get(`${row},${col}`) ?? null;
    await book.writePlan(out.plan);
    all = await parts(await book.saveXlsx());
  });

  it('has the charts this test needs: four, a column chart of several series, an empty value (guards)', () => {
    expect(charts.map((c) => c.kind)).toEqual(['colonnes', 'anneau', 'anneau', 'colonnesGroupees']);
    const innovation = charts[0].data.row + 3;
    expect(cell(innovation, charts[0].data.col)).toBe('Innovante');
    expect(cell(innovation, charts[0].data.col + 1)).toBeNull();
  });

  /** The drawing part of `SPASER Indicateurs` and the chart part each of its anchors shows, in order. */
  function anchored(): { drawing: string; frames: { id: string; chart: string }[] } {
    const drawings = [...all.keys()].filter((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p));
    expect(drawings).toHaveLength(1);
    const drawing = drawings[0];
    const rels = [...text(drawing.replace(/([^/]*)$/, '_rels/$1.rels')).matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]);
    const ids = rels.map((r) => attr(r, 'Id')!);
    expect(new Set(ids).size).toBe(ids.length);
    const frames = [...text(drawing).matchAll(/<xdr:graphicFrame\b[\s\S]*?<\/xdr:graphicFrame>/g)].map((m) => {
      const id = attr(/<xdr:cNvPr [^>]*>/.exec(m[0])![0], 'id')!;
      const rid = /<c:chart [^>]*r:id="([^"]*)"/.exec(m[0])![1];
      const rel = rels.find((r) => attr(r, 'Id') === rid)!;
      return { id, chart: resolvePartTarget(drawing, attr(rel, 'Target')!) };
    });
    return { drawing, frames };
  }

  it('each anchor shows its own chart, the one of the plan at its place', () => {
    const { frames } = anchored();
    expect(frames).toHaveLength(charts.length);
    expect(new Set(frames.map((f) => f.id)).size).toBe(frames.length);
    expect(new Set(frames.map((f) => f.chart)).size).toBe(frames.length);
    frames.forEach((f, k) => expect(text(f.chart)).toContain(`<a:t>${charts[k].title}</a:t>`));
  });

  it('types the drawing and the chart parts as DrawingML, by name', () => {
    const types = text('[Content_Types].xml');
    const override = (part: string) => {
      const tag = [...types.matchAll(/<Override [^>]*>/g)].map((m) => m[0]).find((t) => attr(t, 'PartName') === `/${part}`);
      return tag === undefined ? undefined : attr(tag, 'ContentType');
    };
    const { drawing, frames } = anchored();
    expect(override(drawing)).toBe(TYPE_DRAWING);
    for (const f of frames) expect(override(f.chart)).toBe(TYPE_CHART);
  });

  it('each series: its own index and order, its name cached from its header cell, a point count per category, an empty cell a gap', () => {
    const { frames } = anchored();
    charts.forEach((chart, k) => {
      const xml = text(frames[k].chart);
      const d = chart.data;
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]);
      expect(series).toHaveLength(d.colCount - 1);
      series.forEach((ser, s) => {
        expect(/<c:idx val="(\d+)"\/>/.exec(ser)![1]).toBe(String(s));
        expect(/<c:order val="(\d+)"\/>/.exec(ser)![1]).toBe(String(s));
        const name = /<c:tx>[\s\S]*?<c:strCache>([\s\S]*?)<\/c:strCache>/.exec(ser)![1];
        expect(name).toBe(`<c:ptCount val="1"/><c:pt idx="0"><c:v>${cell(d.row, d.col + 1 + s)}</c:v></c:pt>`);
        const cat = /<c:cat>[\s\S]*?<c:ptCount val="(\d+)"\/>/.exec(ser)![1];
        const num = /<c:numCache>[\s\S]*?<c:ptCount val="(\d+)"\/>([\s\S]*?)<\/c:numCache>/.exec(ser)!;
        expect(Number(cat)).toBe(d.rowCount - 1);
        expect(Number(num[1])).toBe(d.rowCount - 1);
        // One point per filled cell; an empty one has none (a gap), never a text such as « null ».
        const filled = Array.from({ length: d.rowCount - 1 }, (_, i) => i).filter((i) => typeof cell(d.row + 1 + i, d.col + 1 + s) === 'number');
        expect([...num[2].matchAll(/<c:pt idx="(\d+)">/g)].map((m) => Number(m[1]))).toEqual(filled);
        expect(num[2]).not.toMatch(/null|NaN|undefined/);
      });
    });
  });

  it('column charts are clustered, their two axes crossing each other', () => {
    const { frames } = anchored();
    charts.forEach((chart, k) => {
      if (chart.kind !== 'colonnes' && chart.kind !== 'colonnesGroupees') return;
      const xml = text(frames[k].chart);
      expect(xml).toContain('<c:grouping val="clustered"/>');
      const bar = /<c:barChart>([\s\S]*?)<\/c:barChart>/.exec(xml)![1];
      const barAxes = [...bar.matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]);
      const cat = /<c:catAx>([\s\S]*?)<\/c:catAx>/.exec(xml)![1];
      const val = /<c:valAx>([\s\S]*?)<\/c:valAx>/.exec(xml)![1];
      const id = (ax: string) => /<c:axId val="(\d+)"\/>/.exec(ax)![1];
      const crosses = (ax: string) => /<c:crossAx val="(\d+)"\/>/.exec(ax)![1];
      expect(barAxes).toEqual([id(cat), id(val)]);
      expect(crosses(cat)).toBe(id(val));
      expect(crosses(val)).toBe(id(cat));
    });
  });
});

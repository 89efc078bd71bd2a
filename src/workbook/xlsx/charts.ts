/**
 * Native charts in a saved package (ExcelJS cannot write charts): for each chart
 * of the plan, a DrawingML chart part over its data range, anchored on the
 * sheet through a drawing part, as Excel itself stores them. Colours and layout
 * follow the Office adapter's (`../chart-style.ts`, legend at the bottom, pies
 * showing percentages).
 */
import { columnLetter, isCalendarDate } from '../../domain/cell';
import type { ChartPlan, PlanValue, WritePlan } from '../../domain/plan-types';
import { FORMAT_SHARE_AXIS } from '../../domain/plan-types';
import { excelNumberFormat } from './number-format';
import { chartColors } from '../chart-style';
import {
  escapeXml,
  folderOf,
  freeRelId,
  insertBefore,
  Package,
  parseRels,
  type Rel,
  relIdAttribute,
  relativeTarget,
  RELS_NS,
  relsPathOf,
  relsXml,
  resolveTarget,
  sheetEntries,
  PackageError,
  workbookPart,
} from './package';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const TYPE_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const TYPE_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CONTENT_TYPES = '[Content_Types].xml';
/** Elements a worksheet may hold after `<drawing>` (CT_Worksheet order): it goes before the first of them. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];


/** `'Sheet'!$A$2:$A$5`: a range of one column of the chart's sheet. */
function rangeRef(sheet: string, col: number, fromRow: number, toRow: number): string {
  const c = columnLetter(col);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${fromRow}:$${c}$${toRow}`;
}

function cellRef(sheet: string, col: number, row: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${columnLetter(col)}$${row}`;
}

/** The plan's values of one sheet by cell, for the charts' caches. */
function planCells(plan: WritePlan['sheets'][number]): (row: number, col: number) => PlanValue {
  const cells = new Map<string, PlanValue>();
  for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((v, j) => cells.set(`${b.row + i},${b.col + j}`, v)));
  return (row, col) => cells.get(`${row},${col}`) ?? null;
}

function asText(v: PlanValue): string {
  if (v === null) return '';
  if (isCalendarDate(v)) return v.date;
  return String(v);
}

function strCache(values: readonly PlanValue[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(asText(v))}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: readonly PlanValue[]): string {
  const pts = values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function solidFill(hex: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${hex.replace('#', '').toUpperCase()}"/></a:solidFill></c:spPr>`;
}

/** The chart part of one chart of the plan, drawn over its data range of `sheet`. */
export function chartXml(chart: ChartPlan, sheet: string, cell: (row: number, col: number) => PlanValue): string {
  const d = chart.data;
  const firstData = d.row + 1;
  const lastData = d.row + d.rowCount - 1;
  const points = d.rowCount - 1;
  const categories = Array.from({ length: points }, (_, i) => cell(firstData + i, d.col));
  const pie = chart.kind === 'anneau' || chart.kind === 'secteurs';
  const colors = chartColors(pie ? points : d.colCount - 1);
  const series: string[] = [];
  for (let s = 0; s < d.colCount - 1; s++) {
    const col = d.col + 1 + s;
    const values = Array.from({ length: points }, (_, i) => cell(firstData + i, col));
    const fill = pie
      ? Array.from({ length: points }, (_, p) => `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/>${solidFill(colors[p])}</c:dPt>`).join('')
      : solidFill(colors[s]);
    series.push(
      `<c:ser><c:idx val="${s}"/><c:order val="${s}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(cellRef(sheet, col, d.row))}</c:f>${strCache([cell(d.row, col)])}</c:strRef></c:tx>` +
        fill +
        (pie
          ? '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/></c:dLbls>'
          : '') +
        `<c:cat><c:strRef><c:f>${escapeXml(rangeRef(sheet, d.col, firstData, lastData))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(rangeRef(sheet, col, firstData, lastData))}</c:f>${numCache(values)}</c:numRef></c:val>` +
        '</c:ser>',
    );
  }
  let plot: string;
  if (pie) {
    const hole = chart.kind === 'anneau' ? '<c:holeSize val="50"/>' : '';
    const tag = chart.kind === 'anneau' ? 'c:doughnutChart' : 'c:pieChart';
    plot = `<${tag}><c:varyColors val="1"/>${series.join('')}<c:firstSliceAng val="0"/>${hole}</${tag}>`;
  } else {
    // Shares stop at 100 % (the automatic scale went to 120) and read as percents.
    const scaling = chart.shares ? '<c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/>' : '<c:orientation val="minMax"/>';
    const valFormat = chart.shares
      ? `<c:numFmt formatCode="${escapeXml(excelNumberFormat(FORMAT_SHARE_AXIS))}" sourceLinked="0"/>`
      : '<c:numFmt formatCode="General" sourceLinked="1"/>';
    plot =
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join('')}` +
      '<c:gapWidth val="150"/><c:axId val="111"/><c:axId val="222"/></c:barChart>' +
      '<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
      '<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="222"/><c:crosses val="autoZero"/>' +
      '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>' +
      `<c:valAx><c:axId val="222"/><c:scaling>${scaling}</c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
      `<c:majorGridlines/>${valFormat}<c:tickLblPos val="nextTo"/><c:crossAx val="111"/>` +
      `<c:crosses val="autoZero"/><c:crossBetween val="between"/>${chart.shares ? '<c:majorUnit val="20"/>' : ''}</c:valAx>`;
  }
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${RELS_NS}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>'
  );
}

/** The drawing part placing charts (`rId`s of the drawing's relationships) on their anchors. */
function drawingXml(charts: readonly { readonly chart: ChartPlan; readonly relId: string }[]): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    const a = chart.anchor;
    return (
      '<xdr:twoCellAnchor editAs="oneCell">' +
      `<xdr:from><xdr:col>${a.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${a.col - 1 + a.width}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row - 1 + a.height}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      // The alternative text a screen reader reads, and Excel's accessibility checker asks for.
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}" ` +
      `descr="${escapeXml(chart.altText.description)}" title="${escapeXml(chart.altText.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${RELS_NS}">${anchors.join('')}</xdr:wsDr>`;
}

/** The sheet part with its `<drawing>` element, where the worksheet schema puts it. */
export function withDrawing(sheetXml: string, relId: string): string {
  if (/<(?:[\w.-]+:)?drawing\b/.test(sheetXml)) throw new PackageError('sheet already has a drawing');
  const p = (/<([\w.-]+:)?worksheet\b/.exec(sheetXml) ?? [])[1] ?? '';
  const element = `<${p}drawing ${relIdAttribute(sheetXml, relId)}/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${p}${name}\\b`).exec(sheetXml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  return at >= 0 ? sheetXml.slice(0, at) + element + sheetXml.slice(at) : insertBefore(sheetXml, new RegExp(`</${p}worksheet>`), element);
}

/** Draws the plan's charts on the package's sheets of the same names. */
export async function addCharts(pkg: Package, plan: WritePlan): Promise<void> {
  const sheetsWithCharts = plan.sheets.filter((s) => s.charts.length > 0);
  if (sheetsWithCharts.length === 0) return;
  const wbPart = await workbookPart(pkg);
  const entries = sheetEntries(await pkg.text(wbPart), await pkg.rels(wbPart));
  const overrides: string[] = [];
  for (const sheet of sheetsWithCharts) {
    const entry = entries.find((e) => e.name === sheet.name);
    if (!entry?.rel || entry.rel.external) throw new PackageError(`no sheet ${sheet.name}`);
    const sheetPart = resolveTarget(wbPart, entry.rel.target);
    const cell = planCells(sheet);
    const folder = `${folderOf(wbPart)}`;
    const drawingPart = pkg.freeName(`${folder}drawings/`, 'drawing', '.xml');
    const drawingRels: Rel[] = [];
    const placed: { chart: ChartPlan; relId: string }[] = [];
    for (const chart of sheet.charts) {
      const chartPart = pkg.freeName(`${folder}charts/`, 'chart', '.xml');
      pkg.put(chartPart, chartXml(chart, sheet.name, cell));
      overrides.push(`<Override PartName="/${escapeXml(chartPart)}" ContentType="${TYPE_CHART}"/>`);
      const relId = `rId${drawingRels.length + 1}`;
      drawingRels.push({ id: relId, type: REL_CHART, target: relativeTarget(drawingPart, chartPart), external: false });
      placed.push({ chart, relId });
    }
    pkg.put(drawingPart, drawingXml(placed));
    pkg.put(relsPathOf(drawingPart), relsXml(drawingRels));
    overrides.push(`<Override PartName="/${escapeXml(drawingPart)}" ContentType="${TYPE_DRAWING}"/>`);
    // The sheet's relationships, with the drawing's added.
    const sheetRelsPath = relsPathOf(sheetPart);
    const sheetRels = pkg.has(sheetRelsPath) ? parseRels(await pkg.text(sheetRelsPath)) : [];
    const relId = freeRelId(new Set(sheetRels.map((r) => r.id)));
    pkg.put(sheetRelsPath, relsXml([...sheetRels, { id: relId, type: REL_DRAWING, target: relativeTarget(sheetPart, drawingPart), external: false }]));
    pkg.put(sheetPart, withDrawing(await pkg.text(sheetPart), relId));
  }
  pkg.put(CONTENT_TYPES, insertBefore(await pkg.text(CONTENT_TYPES), /<\/(?:[\w.-]+:)?Types>/, overrides.join('')));
}

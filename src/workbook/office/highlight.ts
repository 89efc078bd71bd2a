/**
 * Highlighting the user's faulty cells without touching them: a conditional
 * format whose rule is always true and carries the add-in's mark in its
 * formula (`=N("SPASER")=0`: N of a text is 0). The mark is how the add-in
 * finds, and removes, exactly its own conditional formats later.
 */
import { cellAddress } from '../../domain/cell';
import type { Finding, SheetMapping } from '../../domain/model';
import { SPASER_PREFIX } from '../../domain/plan-types';
import { SMALL_OP_BYTES } from './limits';
import type { ExcelRunner, SyncMeter } from './meter';

export const HIGHLIGHT_FORMULA = '=N("SPASER")=0';
/** Excel's "light red fill with dark red text". */
export const HIGHLIGHT_FILL = '#FFC7CE';
const HIGHLIGHT_FONT = '#9C0006';
/** Characters of addresses per conditional format (Excel accepts 8,192). */
const ADDRESS_CHUNK = 2000;

/**
 * Drawing the marks needs `Worksheet.getRanges` (ExcelApi 1.9). Outside Office
 * (the test double) everything is there. Without it the previous marks are
 * still removed (ExcelApi 1.6) and no new ones are drawn.
 */
export function drawsHighlights(): boolean {
  return typeof Office === 'undefined' || Office.context?.requirements?.isSetSupported('ExcelApi', '1.9') === true;
}

/**
 * The add-in's mark is the whole formula, not a part of it: a rule of the
 * user's that merely names « SPASER » (`=ISNUMBER(SEARCH("SPASER",$B4))`)
 * is theirs and stays. Spaces and case are ignored (Excel may respell them).
 */
export function isOwnRule(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && normalizeFormula(formula) === OWN_FORMULA;
}

function normalizeFormula(formula: string): string {
  return formula.replace(/\s+/g, '').toUpperCase();
}

const OWN_FORMULA = normalizeFormula(HIGHLIGHT_FORMULA);

interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** The cells to mark per sheet: the faulty cell, or the row's mapped columns for a whole-row finding. */
function highlightRects(
  findings: readonly Finding[],
  mappings: readonly SheetMapping[],
  file: string,
): Map<string, Rect[]> {
  const bySheet = new Map<string, Rect[]>();
  for (const f of findings) {
    if (f.source.file !== file || f.source.sheet.startsWith(SPASER_PREFIX)) continue;
    let rect: Rect;
    if (f.col !== null) rect = { row: f.source.row, col: f.col, rows: 1, cols: 1 };
    else {
      const m = mappings.find((x) => x.sheet === f.source.sheet && x.file === file);
      const cols = m?.columns.map((c) => c.col) ?? [];
      const first = cols.length > 0 ? Math.min(...cols) : 1;
      const last = cols.length > 0 ? Math.max(...cols) : 1;
      rect = { row: f.source.row, col: first, rows: 1, cols: last - first + 1 };
    }
    const list = bySheet.get(f.source.sheet) ?? [];
    list.push(rect);
    bySheet.set(f.source.sheet, list);
  }
  for (const [sheet, list] of bySheet) bySheet.set(sheet, mergeRects(list));
  return bySheet;
}

/** Drops duplicates and joins vertically adjacent rects of the same columns (fewer, shorter addresses). */
function mergeRects(list: readonly Rect[]): Rect[] {
  const unique = [...new Map(list.map((r) => [`${r.col}:${r.cols}:${r.row}`, r])).values()].sort(
    (a, b) => a.col - b.col || a.cols - b.cols || a.row - b.row,
  );
  const out: Rect[] = [];
  for (const r of unique) {
    const last = out[out.length - 1];
    if (last && last.col === r.col && last.cols === r.cols && last.row + last.rows === r.row) {
      out[out.length - 1] = { ...last, rows: last.rows + 1 };
    } else out.push(r);
  }
  return out;
}

function rectAddress(r: Rect): string {
  const a = cellAddress(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? a : `${a}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** Addresses joined by commas, each string under the chunk size. */
function addressChunks(rects: readonly Rect[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const r of rects) {
    const a = rectAddress(r);
    if (current !== '' && current.length + 1 + a.length > ADDRESS_CHUNK) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? a : `${current},${a}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** What the marking could not do: the protected sheets it had to leave as they were. */
export interface HighlightReport {
  /** Protected user sheets whose faulty cells are not marked. */
  readonly unmarked: readonly string[];
  /** Protected user sheets that keep the add-in's earlier marks (perhaps on cells fixed since). */
  readonly keptMarks: readonly string[];
}

interface ClearedSheets {
  /** The user's sheets the add-in may mark (not protected). */
  readonly open: Excel.Worksheet[];
  /** The protected user sheets, in the workbook's order. */
  readonly protectedNames: readonly string[];
  /** Those of them that keep earlier marks of the add-in, in the same order. */
  readonly keptMarks: readonly string[];
}

/**
 * Queues the deletion of the add-in's conditional formats in every sheet
 * (three syncs, whatever the size of the workbook). A protected sheet refuses
 * any change to its conditional formats (and one refusal would cancel the whole
 * batch): it is left as it is, and named.
 */
async function queueClear(context: Excel.RequestContext, meter: SyncMeter): Promise<ClearedSheets> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await meter.sync(context, 'surlignage', 0);
  const users = sheets.items.filter((s) => !s.name.startsWith(SPASER_PREFIX));
  const collections = users.map((s) => s.getRange().conditionalFormats.load('items/type'));
  await meter.sync(context, 'surlignage', 0);
  const customs = collections.flatMap((c, i) => c.items.filter((cf) => cf.type === 'Custom').map((cf) => ({ cf, sheet: users[i] })));
  const rules = customs.map(({ cf }) => cf.custom.rule.load('formula'));
  if (customs.length > 0) await meter.sync(context, 'surlignage', 0);
  const marked = new Set<string>();
  customs.forEach(({ cf, sheet }, i) => {
    if (!isOwnRule(rules[i].formula)) return;
    if (sheet.protection.protected) marked.add(sheet.name);
    else cf.delete();
  });
  const protectedNames = users.filter((s) => s.protection.protected).map((s) => s.name);
  return {
    open: users.filter((s) => !s.protection.protected),
    protectedNames,
    keptMarks: protectedNames.filter((name) => marked.has(name)),
  };
}

export async function clearHighlightsOffice(run: ExcelRunner, meter: SyncMeter): Promise<HighlightReport> {
  return run(async (context) => {
    const { keptMarks } = await queueClear(context, meter);
    await meter.sync(context, 'surlignage', SMALL_OP_BYTES);
    return { unmarked: [], keptMarks };
  });
}

export async function highlightFindingsOffice(
  run: ExcelRunner,
  meter: SyncMeter,
  file: string,
  findings: readonly Finding[],
  mappings: readonly SheetMapping[],
): Promise<HighlightReport> {
  const rects = highlightRects(findings, mappings, file);
  return run(async (context) => {
    const { open, keptMarks, protectedNames } = await queueClear(context, meter);
    let bytes = SMALL_OP_BYTES;
    if (drawsHighlights()) {
      for (const ws of open) {
        const list = rects.get(ws.name);
        if (!list) continue;
        for (const address of addressChunks(list)) {
          const cf = ws.getRanges(address).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
          cf.custom.rule.formula = HIGHLIGHT_FORMULA;
          cf.custom.format.fill.color = HIGHLIGHT_FILL;
          cf.custom.format.font.color = HIGHLIGHT_FONT;
          bytes += address.length + SMALL_OP_BYTES;
        }
      }
    }
    await meter.sync(context, 'surlignage', bytes);
    const unmarked = (name: string) => rects.has(name) && drawsHighlights();
    return { unmarked: protectedNames.filter(unmarked), keptMarks };
  });
}

/**
 * Reading the open workbook as the domain's grids, in few round trips:
 * sheets and tables in one sync, used ranges and table ranges in a second,
 * then the cells in row blocks packed several to a sync under the payload
 * budget (values, value types and number formats together).
 */
import { type CellValue, isOversized, type OversizedArea, type SheetGrid, type TableArea } from '../../domain/cell';
import { isOwnSheet, SHEET_ETAT } from '../../domain/plan-types';
import { extendToMerges, isDateFormat, mergedHeight, mergeRangesOf, serialToIsoDate, shownNumber, spreadMerges } from '../xlsx/read-grid';
import { CELL_LIMIT, PAYLOAD_BUDGET_BYTES, PAYLOAD_LIMIT_BYTES, READ_BYTES_PER_CELL_GUESS, READ_MARGIN } from './limits';
import { isPayloadError, jsonSize, type SyncMeter } from './meter';

/** One loaded cell → what a person sees, as the domain wants it. */
export function toCellValue(value: unknown, type: string, format: string, date1904 = false): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return typeof value === 'boolean' ? value : String(value).toUpperCase() === 'TRUE';
    case 'Double':
    case 'Integer': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) return String(value);
      if (isDateFormat(format)) {
        // 60 (29/02/1900) and out-of-range serials stay numbers: the domain reports them.
        const iso = serialToIsoDate(n, date1904);
        return iso === null ? n : { date: iso };
      }
      return shownNumber(n, format);
    }
    default: {
      // String, RichValue, Unknown: the displayed text; an empty text is an empty cell.
      if (value === null || value === undefined || value === '') return null;
      return typeof value === 'string' ? value : String(value);
    }
  }
}

interface SheetJob {
  readonly index: number;
  readonly sheet: Excel.Worksheet;
  readonly r0: number;
  readonly c0: number;
  readonly nr: number;
  readonly nc: number;
  readonly rows: CellValue[][];
}

interface Block {
  readonly job: SheetJob;
  readonly range: Excel.Range;
  readonly cells: number;
}

interface WorkbookRead {
  readonly name: string;
  readonly grids: SheetGrid[];
  /** The workbook counts its dates from 1904 (`dateSystemProbe`). */
  readonly date1904: boolean;
  /** Its structure is protected (Review › Protect Workbook): no sheet can be added. */
  readonly structureProtected: boolean;
}

/**
 * The workbook's date system, asked in a batch that syncs anyway: Office.js has no
 * property for it (`use1904DateSystem` is preview only), but DATE(1904;1;1) is 0 in
 * the 1904 system and 1462 in the 1900 one (ExcelApi 1.2).
 */
export function dateSystemProbe(context: Excel.RequestContext): () => boolean {
  const day0 = context.workbook.functions.date(1904, 1, 1);
  day0.load('value');
  return () => day0.value === 0;
}

/** Outside Office (the test double) the reader asks for everything the double has. */
function readsMergedAreas(): boolean {
  return typeof Office === 'undefined' || Office.context?.requirements?.isSetSupported('ExcelApi', '1.13') === true;
}

export interface ReadOptions {
  /**
   * Leaves out the cells of the add-in's previous output (`SPASER Registre`, `Contrôles`,
   * `Indicateurs`, `Pôles`): never a source (regles.md §1) and replaced by the next write, so a
   * re-run would otherwise fetch the register twice. `SPASER État` is always read. Their grids
   * are then listed empty.
   */
  readonly skipOwnOutput?: boolean;
}

export async function readWorkbook(context: Excel.RequestContext, meter: SyncMeter, options: ReadOptions = {}): Promise<WorkbookRead> {
  const workbook = context.workbook;
  workbook.load('name');
  const worksheets = workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const tables = workbook.tables;
  tables.load('items/name,items/worksheet/name,items/showTotals,items/showHeaders');
  const is1904 = dateSystemProbe(context);
  const protection = workbook.protection.load('protected');
  await meter.sync(context, 'lecture', 0);
  const date1904 = is1904();

  const sheets = worksheets.items;
  // The previous output's sheets (when skipped) cost nothing more: no range of theirs is loaded.
  const skipped = (name: string): boolean => options.skipOwnOutput === true && isOwnSheet(name) && name !== SHEET_ETAT;
  const queueRanges = (withMerges: boolean) => ({
    used: sheets.map((ws) => (skipped(ws.name) ? null : ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'))),
    // A table whose header row is turned off is not a table the domain reads (as the file's reader
    // skips it), and what its header row range would answer is not documented: it is not asked.
    tableRanges: tables.items.filter((t) => t.showHeaders !== false).map((t) => ({
      name: t.name,
      sheet: t.worksheet.name,
      // A totals row is inside the table's range: its last row, not a contract.
      totals: t.showTotals ? 1 : 0,
      header: t.getHeaderRowRange().load('rowIndex,columnIndex,columnCount'),
      whole: t.getRange().load('rowIndex,rowCount'),
    })),
    // Merged cells, read as the xlsx adapter reads them (ExcelApi 1.13; without it, a merged value is read once).
    merged: withMerges && readsMergedAreas() ? sheets.map((ws) => (skipped(ws.name) ? null : ws.getRange().getMergedAreasOrNullObject().load('address'))) : null,
  });
  let queued = queueRanges(true);
  try {
    await meter.sync(context, 'lecture', 0);
  } catch (e) {
    if (queued.merged === null) throw e;
    // getMergedAreasOrNullObject « will fail to return the result » on a range of more than 512 merged
    // areas (Office.js docs), with no error code of its own. The same batch once more first: a passing
    // failure then keeps the merged cells; failing again, the batch goes without the merged areas,
    // read as on ExcelApi 1.12 (a merged value read once).
    try {
      queued = queueRanges(true);
      await meter.sync(context, 'lecture', 0);
    } catch {
      queued = queueRanges(false);
      await meter.sync(context, 'lecture', 0);
    }
  }
  const { used, tableRanges } = queued;
  // Each sheet's merged areas: from the batch, or, when it failed, sheet by sheet (`mergedAreasApart`):
  // a planning sheet of a thousand merges no longer costs the register its merged Pôle.
  const merged: (string | null)[] | null =
    queued.merged !== null
      ? queued.merged.map((areas) => (areas === null || areas.isNullObject ? null : areas.address))
      : readsMergedAreas()
        ? await mergedAreasApart(
            context,
            meter,
            sheets.map((ws, index) => (skipped(ws.name) ? -1 : index)).filter((i) => i >= 0),
            (index) => {
              const areas = sheets[index].getRange().getMergedAreasOrNullObject().load('address');
              return () => (areas.isNullObject ? null : areas.address);
            },
          )
        : null;
  /** Sheets whose merged areas Excel would not give (more than 512): their merged values read once. */
  const mergesUnread = new Set(merged === null ? [] : sheets.flatMap((_, index) => (merged[index] === UNREAD_MERGES ? [index] : [])));

  const jobs: SheetJob[] = [];
  /** Sheets whose used range is too large to read (a value left far from the table), by index. */
  const oversized = new Map<number, OversizedArea>();
  sheets.forEach((sheet, index) => {
    const r = used[index];
    if (r === null || r.isNullObject) return;
    if (isOversized(r.rowCount, r.columnCount)) {
      oversized.set(index, { firstRow: r.rowIndex + 1, firstCol: r.columnIndex + 1, lastRow: r.rowIndex + r.rowCount, lastCol: r.columnIndex + r.columnCount });
      return;
    }
    jobs.push({ index, sheet, r0: r.rowIndex, c0: r.columnIndex, nr: r.rowCount, nc: r.columnCount, rows: [] });
  });
  await readCells(context, meter, jobs, date1904);
  if (merged) {
    for (const job of jobs) {
      const address = merged[job.index];
      if (address === null || address === UNREAD_MERGES) continue;
      const ranges = mergeRangesOf(address);
      // A value merged down to the sheet's last rows: too large to grow, as the file's reader finds too.
      const height = mergedHeight(job.rows, job.r0 + 1, job.c0 + 1, ranges);
      if (isOversized(height, job.nc)) {
        oversized.set(job.index, { firstRow: job.r0 + 1, firstCol: job.c0 + 1, lastRow: job.r0 + height, lastCol: job.c0 + job.nc });
        job.rows.length = 0;
        continue;
      }
      extendToMerges(job.rows, job.r0 + 1, job.c0 + 1, ranges);
      spreadMerges(job.rows, job.r0 + 1, job.c0 + 1, ranges);
    }
  }

  const grids: SheetGrid[] = sheets.map((sheet, index) => {
    const job = jobs.find((j) => j.index === index);
    const areas: TableArea[] = tableRanges
      .filter((t) => t.sheet === sheet.name)
      .map((t) => ({
        name: t.name,
        headerRow: t.header.rowIndex + 1,
        firstCol: t.header.columnIndex + 1,
        lastCol: t.header.columnIndex + t.header.columnCount,
        lastRow: t.whole.rowIndex + t.whole.rowCount - t.totals,
      }));
    const over = oversized.get(index);
    return {
      name: sheet.name,
      firstRow: job ? job.r0 + 1 : (over?.firstRow ?? 1),
      firstCol: job ? job.c0 + 1 : (over?.firstCol ?? 1),
      rows: job ? job.rows : [],
      tables: areas,
      ...(sheet.visibility === 'Hidden' || sheet.visibility === 'VeryHidden' ? { hidden: true } : {}),
      ...(date1904 ? { date1904: true } : {}),
      ...(over ? { oversized: over } : {}),
      ...(mergesUnread.has(index) && job ? { mergesUnread: true } : {}),
    };
  });
  return { name: workbook.name, grids, date1904, structureProtected: protection.protected };
}

/** Stands for the merged areas of a sheet that Excel would not give. */
const UNREAD_MERGES = '\u0000';

/**
 * The merged areas of each sheet of `indexes` (by sheet index; null for none) once asking for all
 * of them at once has failed: each half asked apart, halved again while it fails, so that a sheet of
 * more than 512 merged areas fails alone (`UNREAD_MERGES`), in two round trips per halving.
 */
async function mergedAreasApart(
  context: Excel.RequestContext,
  meter: SyncMeter,
  indexes: readonly number[],
  /** Queues the ask for a sheet's merged areas; the answer, once synced. */
  queueMerged: (index: number) => () => string | null,
): Promise<(string | null)[]> {
  const out: (string | null)[] = context.workbook.worksheets.items.map(() => null);
  const split = async (failed: readonly number[]): Promise<void> => {
    if (failed.length === 1) out[failed[0]] = UNREAD_MERGES;
    if (failed.length <= 1) return;
    const half = Math.ceil(failed.length / 2);
    await ask(failed.slice(0, half));
    await ask(failed.slice(half));
  };
  const ask = async (group: readonly number[]): Promise<void> => {
    const answers = group.map(queueMerged);
    try {
      await meter.sync(context, 'lecture', 0);
    } catch {
      await split(group);
      return;
    }
    group.forEach((i, k) => {
      out[i] = answers[k]();
    });
  };
  await split(indexes);
  return out;
}

/** The rows of a loaded range as the domain reads them, and what they weighed as JSON (to size the next reads). */
function loadedRows(range: Excel.Range, date1904: boolean): { rows: CellValue[][]; bytes: number } {
  const values = range.values;
  const types = range.valueTypes as string[][];
  const formats = range.numberFormat as string[][];
  const rows = values.map((row, i) => row.map((v, j) => toCellValue(v, types[i][j], formats[i][j], date1904)));
  return { rows, bytes: jsonSize(values) + jsonSize(types) + jsonSize(formats) };
}

/**
 * One row that Excel refused to send at once, read in pieces of columns, halved while refused (a
 * cell holds at most 32 767 characters, far under the limit, so a piece of one cell always passes).
 */
async function readHeavyRow(
  context: Excel.RequestContext,
  meter: SyncMeter,
  job: SheetJob,
  rowPos: number,
  date1904: boolean,
  /** The current estimate of a cell's cost, for the meter's record of each sync. */
  bytesPerCell: number,
): Promise<{ line: CellValue[]; bytes: number }> {
  const line: CellValue[] = new Array<CellValue>(job.nc).fill(null);
  let width = Math.ceil(job.nc / 2);
  let bytes = 0;
  for (let c = 0; c < job.nc; ) {
    const n = Math.min(width, job.nc - c);
    const range = job.sheet.getRangeByIndexes(job.r0 + rowPos, job.c0 + c, 1, n).load('values,valueTypes,numberFormat');
    try {
      await meter.sync(context, 'lecture', n * bytesPerCell);
    } catch (e) {
      if (!isPayloadError(e) || n <= 1) throw e;
      width = Math.ceil(n / 2);
      continue;
    }
    const piece = loadedRows(range, date1904);
    bytes += piece.bytes;
    piece.rows[0].forEach((v, j) => (line[c + j] = v));
    c += n;
  }
  return { line, bytes };
}

/**
 * Streams every sheet's cells in row blocks; a sync carries as many blocks
 * as fit the budget. The cost per cell is measured after each sync and the
 * next blocks shrink when cells are heavier than guessed; a sync refused
 * for its size is retried smaller (a quarter of the budget's cells, fewer
 * when the refused cells were few: each then weighs more than the limit
 * shared among them); a single row still refused is read in pieces of
 * columns (`readHeavyRow`).
 */
/** Floor of the per-cell estimate: a cell costs at least its separators and type. */
const MIN_BYTES_PER_CELL = 12;

async function readCells(context: Excel.RequestContext, meter: SyncMeter, jobs: readonly SheetJob[], date1904: boolean): Promise<void> {
  let bytesPerCell = READ_BYTES_PER_CELL_GUESS;
  let cellsPerSync = Math.floor(PAYLOAD_BUDGET_BYTES / bytesPerCell);
  let jobIndex = 0;
  let rowPos = 0;
  const totalCells = jobs.reduce((s, j) => s + j.nr * j.nc, 0);
  let cellsRead = 0;
  while (jobIndex < jobs.length) {
    const start = { jobIndex, rowPos };
    const blocks: Block[] = [];
    let room = cellsPerSync;
    meter.readBlockCells = Math.min(meter.readBlockCells, cellsPerSync);
    while (jobIndex < jobs.length) {
      const job = jobs[jobIndex];
      let n = Math.min(job.nr - rowPos, Math.floor(room / job.nc), Math.floor(CELL_LIMIT / job.nc));
      if (n < 1) {
        if (blocks.length > 0) break;
        n = 1; // a single row wider than the budget goes alone
      }
      const range = job.sheet.getRangeByIndexes(job.r0 + rowPos, job.c0, n, job.nc).load('values,valueTypes,numberFormat');
      blocks.push({ job, range, cells: n * job.nc });
      room -= n * job.nc;
      rowPos += n;
      if (rowPos >= job.nr) {
        jobIndex += 1;
        rowPos = 0;
      }
      if (room <= 0) break;
    }
    // Where the sheet's next value is, below this sync's last block: rows left empty before it (a value
    // typed on row 1 048 576 of a 5 000-row register) are not fetched, only filled in as empty.
    const pending = jobIndex < jobs.length && rowPos > 0 ? jobs[jobIndex] : null;
    const next = pending?.sheet.getRangeByIndexes(pending.r0 + rowPos, pending.c0, pending.nr - rowPos, pending.nc).getUsedRangeOrNullObject(true).load('rowIndex');
    const cells = blocks.reduce((s, b) => s + b.cells, 0);
    try {
      await meter.sync(context, 'lecture', cells * bytesPerCell);
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      ({ jobIndex, rowPos } = start);
      if (blocks.length === 1 && blocks[0].cells === blocks[0].job.nc) {
        // One row alone is still too heavy (long texts across many columns): read it in pieces.
        const job = blocks[0].job;
        const { line, bytes } = await readHeavyRow(context, meter, job, rowPos, date1904, bytesPerCell);
        job.rows.push(line);
        cellsRead += job.nc;
        meter.progress('lecture', cellsRead, totalCells);
        rowPos += 1;
        if (rowPos >= job.nr) {
          jobIndex += 1;
          rowPos = 0;
        }
        bytesPerCell = Math.max(MIN_BYTES_PER_CELL, (bytes / job.nc) * READ_MARGIN);
        cellsPerSync = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / bytesPerCell));
        continue;
      }
      // Refused: these cells weigh more than the limit, each more than limit / cells on average.
      bytesPerCell = Math.max(bytesPerCell * 4, (PAYLOAD_LIMIT_BYTES / cells) * READ_MARGIN);
      cellsPerSync = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / bytesPerCell));
      continue;
    }
    cellsRead += cells;
    meter.progress('lecture', cellsRead, totalCells);
    let bytes = 0;
    for (const { job, range } of blocks) {
      const block = loadedRows(range, date1904);
      bytes += block.bytes;
      for (const line of block.rows) job.rows.push(line);
    }
    if (pending !== null && next !== undefined) {
      const gap = next.isNullObject ? pending.nr - rowPos : next.rowIndex - (pending.r0 + rowPos);
      for (let i = 0; i < gap; i++) pending.rows.push(new Array<CellValue>(pending.nc).fill(null));
      rowPos += Math.max(0, gap);
      cellsRead += Math.max(0, gap) * pending.nc;
      if (rowPos >= pending.nr) {
        jobIndex += 1;
        rowPos = 0;
      }
    }
    // Follow what the cells really weigh, both ways: light registers then need
    // fewer round trips; a heavier block later is caught by the retry above.
    const measured = Math.max(MIN_BYTES_PER_CELL, (bytes / Math.max(1, cells)) * READ_MARGIN);
    if (measured !== bytesPerCell) {
      bytesPerCell = measured;
      cellsPerSync = Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / bytesPerCell));
    }
  }
}

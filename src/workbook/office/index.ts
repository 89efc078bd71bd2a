/**
 * The Office.js adapter of the workbook port: the open workbook, read and
 * written through `Excel.run` (or a test double with the same shape).
 */
import type { SheetGrid } from '../../domain/cell';
import type { Finding, SheetMapping } from '../../domain/model';
import type { WritePlan } from '../../domain/plan-types';
import { SHEET_ETAT } from '../../domain/plan-types';
import type { SavedState } from '../../domain/state';
import { parseState } from '../../domain/state-sheet';
import { stateSheetPlan } from '../../domain/plan';
import type { WorkbookReader, WorkbookWriter } from '../port';
import { clearHighlightsOffice, highlightFindingsOffice, type HighlightReport } from './highlight';
import { SyncMeter, type ExcelRunner, type OfficeProgress, type OfficeRunStats } from './meter';
import { readWorkbook, type ReadOptions } from './read';
import { importSheetsOffice, writePlanOffice, writeStateOffice, type ValueSheet } from './write';

export type { ExcelRunner, OfficeProgress } from './meter';

/** Name used before the workbook was read (Excel gives it with the first read). */
const DEFAULT_WORKBOOK_NAME = 'Classeur';

class OfficeWorkbook implements WorkbookReader, WorkbookWriter {
  /** Office.js draws native charts: feeds `1.1.2-dataviz`. */
  readonly writesCharts = true;
  private meter = new SyncMeter();
  private workbookName: string;
  private grids: readonly SheetGrid[] | null = null;
  /** The workbook's date system, once read. */
  private date1904: boolean | undefined;
  /** Whether its structure was protected when read. */
  private structureProtected: boolean | undefined;

  constructor(
    private readonly run: ExcelRunner,
    name?: string,
  ) {
    this.workbookName = name ?? DEFAULT_WORKBOOK_NAME;
  }

  /** Whether the workbook's structure was protected at the last read (no sheet can be added); undefined before. */
  get protectedStructure(): boolean | undefined {
    return this.structureProtected;
  }

  /** The workbook's name as Excel gives it, once read; the name given at creation before. */
  get name(): string {
    return this.workbookName;
  }

  /** `skipOwnOutput`: the chain's read, without the cells of the previous `SPASER …` output (see ReadOptions). */
  async readSheets(options: ReadOptions = {}): Promise<readonly SheetGrid[]> {
    const read = await this.run((context) => readWorkbook(context, this.meter, options));
    if (read.name) this.workbookName = read.name;
    this.grids = read.grids;
    this.date1904 = read.date1904;
    this.structureProtected = read.structureProtected;
    return read.grids;
  }

  /** From the sheets already read when there are; else reads the workbook. Never throws on a bad state. */
  async readState(): Promise<SavedState | null> {
    const grids = this.grids ?? (await this.readSheets());
    const grid = grids.find((g) => g.name === SHEET_ETAT);
    if (!grid || grid.firstCol !== 1) return null;
    const cells = [...Array<null>(grid.firstRow - 1).fill(null), ...grid.rows.map((r) => r[0] ?? null)];
    return parseState(cells);
  }

  async writePlan(plan: WritePlan): Promise<void> {
    await writePlanOffice(this.run, this.meter, plan);
    // What was read is no longer the workbook's content.
    this.grids = null;
  }

  /** Replaces the saved state alone (`SPASER État`): every other sheet stays as it is. */
  async writeState(state: SavedState): Promise<void> {
    await writeStateOffice(this.run, this.meter, stateSheetPlan(state));
    this.grids = null;
  }

  /** Adds sheets of plain values (consolidation), those named in `replacing` in place of the sheets of that name; texts stay texts. */
  async importSheets(sheets: readonly ValueSheet[], replacing: readonly string[] = []): Promise<void> {
    await importSheetsOffice(this.run, this.meter, sheets, { date1904: this.date1904, structureProtected: this.structureProtected, sheetNames: this.grids?.map((g) => g.name) }, replacing);
    this.grids = null;
  }

  /** Marks the faulty cells of this workbook's sheets (removing the previous marks first); protected sheets are left as they are. */
  highlightFindings(findings: readonly Finding[], mappings: readonly SheetMapping[]): Promise<HighlightReport> {
    return highlightFindingsOffice(this.run, this.meter, this.workbookName, findings, mappings);
  }

  /** Removes the add-in's marks, and only them, except from protected sheets. */
  clearHighlights(): Promise<HighlightReport> {
    return clearHighlightsOffice(this.run, this.meter);
  }

  /** Round trips and payloads since creation or the last reset. */
  get stats(): OfficeRunStats {
    return this.meter.snapshot();
  }

  resetStats(): void {
    const listener = this.meter.onProgress;
    this.meter = new SyncMeter();
    this.meter.onProgress = listener;
  }

  /** Told after each block read and each batch written; null to stop. */
  set onProgress(listener: ((progress: OfficeProgress) => void) | null) {
    this.meter.onProgress = listener;
  }
}

/** `ctxRunner` is `Excel.run` in the add-in, the Excel double in tests and the bench. */
export function createOfficeWorkbook(ctxRunner: ExcelRunner, options: { name?: string } = {}): OfficeWorkbook {
  return new OfficeWorkbook(ctxRunner, options.name);
}

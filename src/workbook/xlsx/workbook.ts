/**
 * An `.xlsx` workbook loaded with ExcelJS: read as the domain's grids; the
 * output is the user's own file with our sheets and charts added to it
 * (`splice.ts`, `charts.ts`), so every user sheet is kept as it was.
 */

import type ExcelJS from 'exceljs';
import type { SheetGrid } from '../../domain/cell';
import type { WritePlan } from '../../domain/plan-types';
import { isOwnSheet, SHEET_ETAT } from '../../domain/plan-types';
import type { SavedState } from '../../domain/state';
import { parseState } from '../../domain/state-sheet';
import { stateSheetPlan } from '../../domain/plan';
import type { WorkbookReader, WorkbookWriter } from '../port';
import { type MergeRange, readGrid } from './read-grid';
import { mayHoldMisreadCells, restoreTypedCells } from './misread-cells';
import { addCharts } from './charts';
import { Package } from './package';
import { spliceSheets } from './splice';
import { internalLinksAsLocations } from './links';
import { withCellsAsStored, writePlanInto } from './write-plan';

/** ExcelJS's sheets by id (private): a save writes the sheets listed there. */
interface SheetSlots {
  _worksheets: (ExcelJS.Worksheet | undefined)[];
}

/** Runs `save` with ExcelJS seeing only the sheets `keep` chooses (ids and order unchanged). */
async function withOnlySheets<T>(wb: ExcelJS.Workbook, keep: (ws: ExcelJS.Worksheet) => boolean, save: () => Promise<T>): Promise<T> {
  const slots = wb as unknown as SheetSlots;
  const all = slots._worksheets;
  if (!Array.isArray(all)) return save();
  slots._worksheets = all.map((ws) => (ws && keep(ws) ? ws : undefined));
  try {
    return await save();
  } finally {
    slots._worksheets = all;
  }
}

function asBytes(out: ArrayBuffer | Uint8Array): Uint8Array {
  return out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
}

/** Said when a save could not keep the file's own parts (`keptOriginalParts` false). */
export const NOT_KEPT_NOTICE =
  "ce classeur n'a pas pu être recopié tel quel : le fichier écrit reprend les cellules de vos feuilles, mais peut-être pas leurs graphiques, tableaux croisés dynamiques, images ni macros (le classeur d'origine n'est pas modifié)";

/** Said when the macros of a macro-enabled workbook were left out of the `.xlsx` written. */
export const MACROS_NOTICE =
  "les macros de ce classeur ne sont pas reprises dans le fichier écrit, qui est un classeur .xlsx (le classeur d'origine les garde)";

export class XlsxWorkbook implements WorkbookReader, WorkbookWriter {
  /** Charts are added to the saved package (`charts.ts`): ExcelJS itself cannot write them. */
  readonly writesCharts = true;

  /** The plan last written, whose charts the save draws. */
  private plan: WritePlan | null = null;

  constructor(
    readonly name: string,
    /** The ExcelJS workbook, kept to write the output into it. */
    readonly workbook: ExcelJS.Workbook,
    /** The file's bytes when it was opened from one: its parts are kept as they are when saving. */
    private readonly source?: Uint8Array,
    /** Number formats whose `%` the file writes as text (`misread-cells.ts`). */
    private readonly literalPercents: ReadonlySet<string> = new Set(),
    /** Merged areas of the sheets ExcelJS read without them (`merge-list.ts`), by sheet name. */
    private readonly mergesApart: ReadonlyMap<string, readonly MergeRange[]> = new Map(),
  ) {
    this.sourceSheets = new Set(workbook.worksheets.map((ws) => ws.name));
  }

  /** The sheets of the file as opened: kept from its own parts when saving. */
  private readonly sourceSheets: ReadonlySet<string>;

  /** Sheets of the file removed since (an earlier import replaced), lower-cased: left out of the save. */
  private readonly removedSheets = new Set<string>();

  /** Removes sheets (an earlier import that a new one replaces); the save leaves those of the file out. */
  removeSheets(names: readonly string[]): void {
    for (const name of names) {
      const ws = this.workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
      if (!ws) continue;
      this.workbook.removeWorksheet(ws.id);
      this.removedSheets.add(name.toLowerCase());
    }
  }

  /**
   * Each sheet `by` takes the name and the place of the sheet `name`, removed (an import replacing
   * last month's): the place is ExcelJS's `orderNo`, which orders `worksheets` and the saved file.
   */
  replaceSheets(swaps: readonly { readonly by: ExcelJS.Worksheet; readonly name: string }[]): void {
    // `orderNo` is ExcelJS's own field, missing from its types.
    const placed = (ws: ExcelJS.Worksheet) => ws as unknown as { orderNo: number };
    const places = new Map(
      swaps.map((s) => [s.name, this.workbook.worksheets.find((w) => w.name.toLowerCase() === s.name.toLowerCase())] as const),
    );
    this.removeSheets(swaps.map((s) => s.name));
    for (const s of swaps) {
      s.by.name = s.name;
      const old = places.get(s.name);
      if (old !== undefined) placed(s.by).orderNo = placed(old).orderNo;
    }
  }

  /**
   * After a save of an opened file: false when its parts could not be kept as they
   * were (the file is then ExcelJS's rewrite, which loses charts, pivot tables…).
   */
  keptOriginalParts = true;

  /** After a save of an opened file: true when its macros were left out (the output is an .xlsx). */
  droppedMacros = false;

  /** What the user should know of the last save (French sentences), empty when nothing. */
  saveNotices(): string[] {
    const notices: string[] = [];
    if (!this.keptOriginalParts) notices.push(`Attention : ${NOT_KEPT_NOTICE}.`);
    if (this.droppedMacros) notices.push(`Attention : ${MACROS_NOTICE}.`);
    return notices;
  }

  private get date1904(): boolean {
    return Boolean(this.workbook.properties?.date1904);
  }

  /** Sheets whose cells ExcelJS may have misread were looked for in the file (`misread-cells.ts`): once is enough. */
  private readonly lookedIntoFile = new Set<ExcelJS.Worksheet>();

  async readSheets(): Promise<readonly SheetGrid[]> {
    const date1904 = this.date1904;
    const read = this.workbook.worksheets.map((ws) => {
      const traces = { isoYear: false, trueBoolean: false, falseBoolean: false, escapedText: false, invalidDate: false, formulaWithoutResult: false };
      return { ws, grid: readGrid(ws, date1904, { traces, literalPercents: this.literalPercents, merges: this.mergesApart.get(ws.name) }), suspect: mayHoldMisreadCells(traces) };
    });
    const suspects = read.filter((r) => r.suspect && !this.lookedIntoFile.has(r.ws)).map((r) => r.ws);
    if (suspects.length === 0 || this.source === undefined) return read.map((r) => r.grid);
    for (const ws of suspects) this.lookedIntoFile.add(ws);
    const restored = await restoreTypedCells(this.source, suspects);
    return read.map((r) => (restored.has(r.ws) ? readGrid(r.ws, date1904, { literalPercents: this.literalPercents, merges: this.mergesApart.get(r.ws.name) }) : r.grid));
  }

  async readState(): Promise<SavedState | null> {
    try {
      const ws = this.workbook.worksheets.find((w) => w.name === SHEET_ETAT);
      if (!ws) return null;
      const grid = readGrid(ws, this.date1904);
      if (grid.firstCol !== 1) return null;
      // Column A from row 1 down: rows above the used range are empty.
      const cells = [...Array<null>(grid.firstRow - 1).fill(null), ...grid.rows.map((r) => r[0] ?? null)];
      return parseState(cells);
    } catch {
      return null;
    }
  }

  async writePlan(plan: WritePlan): Promise<void> {
    writePlanInto(this.workbook, plan);
    this.plan = plan;
  }

  /** Replaces the state sheet alone; the plan whose charts the save draws stays the last written. */
  async writeState(state: SavedState): Promise<void> {
    writePlanInto(this.workbook, { sheets: [stateSheetPlan(state)] }, (name) => name === SHEET_ETAT);
  }

  /**
   * The workbook as `.xlsx` bytes (browser and Node). An opened file keeps every
   * part of its own (`splice.ts`); the sheets added since come from ExcelJS's save,
   * the charts are drawn into the same package (`charts.ts`), compressed once.
   */
  async saveXlsx(): Promise<Uint8Array> {
    const pkg = await this.savePackage();
    if (this.plan !== null) await addCharts(pkg, this.plan);
    return pkg.generate();
  }

  private async savePackage(): Promise<Package> {
    // Not compressed: the package is opened again at once, and compressed when generated.
    const store = { zip: { compression: 'STORE' as const } };
    const save = async () => {
      const bytes = asBytes((await withCellsAsStored(this.workbook, () => this.workbook.xlsx.writeBuffer(store))) as ArrayBuffer | Uint8Array);
      const pkg = await Package.load(bytes);
      await internalLinksAsLocations(pkg);
      return pkg;
    };
    if (this.source === undefined) return save();
    try {
      // ExcelJS writes only the sheets added since the file was opened: the user's come from the file.
      const replaced = (name: string) => isOwnSheet(name) || this.removedSheets.has(name.toLowerCase());
      const added = (ws: ExcelJS.Worksheet) => replaced(ws.name) || !this.sourceSheets.has(ws.name);
      const ours = await withOnlySheets(this.workbook, added, save);
      // An import replacing an earlier one takes its place, as in Excel (`importSheetsOffice`); our sheets go last.
      const inPlace = (name: string) => !isOwnSheet(name) && this.removedSheets.has(name.toLowerCase());
      const spliced = await spliceSheets(this.source, ours, replaced, inPlace);
      this.keptOriginalParts = true;
      this.droppedMacros = spliced.droppedMacros;
      return spliced.pkg;
    } catch {
      // A package we do not know how to splice: ExcelJS's rewrite still holds every sheet's cells.
      this.keptOriginalParts = false;
      this.droppedMacros = false;
      return save();
    }
  }
}

/**
 * The browser preview: the user chooses an `.xlsx`, the pane reads it with the
 * ExcelJS adapter (loaded on demand) and offers the result as a download.
 */
import type { ChainInput, ChainOutput } from '../../domain/chain';
import { isCalendarDate } from '../../domain/cell';
import type { SavedState } from '../../domain/state';
import { RESULT_SUFFIX, withoutResultSuffix } from '../../domain/register';
import type { ImportSheet } from '../consolidation';
import type { DownloadLink, FileSheets, Host, SourceFile, WriteReport } from '../host';
import { tempImportName } from '../../workbook/port';
import { loadXlsxAdapter, readXlsxFiles } from '../xlsx-files';

type XlsxWorkbook = Awaited<ReturnType<Awaited<ReturnType<typeof loadXlsxAdapter>>['openXlsx']>>;

export const PREVIEW_NEW_WORKBOOK = 'Consolidation.xlsx';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class NoWorkbookChosenError extends Error {
  constructor() {
    super('Aucun classeur choisi : choisissez un fichier .xlsx (bouton « Choisir un classeur »), puis réessayez.');
    this.name = 'NoWorkbookChosenError';
  }
}

interface PreviewHostOptions {
  /** Blob URL factory (tests run without one). */
  readonly createUrl?: (blob: Blob) => string;
  readonly revokeUrl?: (url: string) => void;
}

export class PreviewHost implements Host {
  readonly kind = 'apercu' as const;
  /** The file writer draws the plan's charts (`workbook/xlsx/charts.ts`). */
  readonly writesCharts = true;
  readonly downloadsFiles = true;
  private workbook: XlsxWorkbook | null = null;
  private link: DownloadLink | null = null;

  constructor(private readonly options: PreviewHostOptions = {}) {}

  workbookName(): string | null {
    return this.workbook?.name ?? null;
  }

  async open(file: SourceFile): Promise<void> {
    const { openXlsx } = await loadXlsxAdapter();
    this.workbook = await openXlsx(file.data, file.name);
    this.dropLink();
  }

  async read(): Promise<ChainInput[]> {
    const wb = this.requireWorkbook();
    return [{ file: wb.name, sheets: await wb.readSheets(), state: await wb.readState() }];
  }

  async write(output: ChainOutput): Promise<WriteReport> {
    const wb = this.requireWorkbook();
    await wb.writePlan(output.plan);
    const bytes = await wb.saveXlsx();
    this.dropLink();
    const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
    const createUrl = this.options.createUrl ?? ((b: Blob) => URL.createObjectURL(b));
    const notices = wb.saveNotices();
    this.link = { url: createUrl(blob), fileName: resultName(wb.name), ...(notices.length > 0 ? { notice: notices.join(' ') } : {}) };
    return {};
  }

  download(): DownloadLink | null {
    return this.link;
  }

  readFiles(files: readonly SourceFile[]): Promise<FileSheets[]> {
    return readXlsxFiles(files);
  }

  /**
   * Adds the imported sheets; those in `replacing` are written under temporary names first,
   * then take the names of the sheets they replace (at the end of the workbook, as a saved
   * file puts every added sheet). A failure removes what this call added.
   */
  async importSheets(sheets: readonly ImportSheet[], replacing: readonly string[] = []): Promise<void> {
    // The file writer's conversion: texts cut at Excel's limit and escaped so they read back unchanged.
    const { XlsxWorkbook, excelValue } = await loadXlsxAdapter();
    if (!this.workbook) {
      const ExcelJS = (await import('exceljs')).default;
      this.workbook = new XlsxWorkbook(PREVIEW_NEW_WORKBOOK, new ExcelJS.Workbook());
    }
    const book = this.workbook;
    const wb = book.workbook;
    const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
    const has = (name: string) => taken.has(name.toLowerCase());
    const added: number[] = [];
    const swaps: { ws: (typeof wb.worksheets)[number]; name: string }[] = [];
    try {
      for (const sheet of sheets) {
        const replaces = replacing.includes(sheet.name) && has(sheet.name);
        const ws = wb.addWorksheet(replaces ? tempImportName(taken) : sheet.name);
        added.push(ws.id);
        if (replaces) swaps.push({ ws, name: sheet.name });
        sheet.rows.forEach((line, i) => {
          const row = ws.getRow(i + 1);
          line.forEach((v, j) => {
            if (v === null) return;
            const cell = row.getCell(j + 1);
            // ExcelJS makes formulas only of `{ formula }` objects: a string stays text.
            cell.value = excelValue(v);
            if (isCalendarDate(v)) cell.numFmt = 'dd/mm/yyyy';
          });
          if (i === 0) row.font = { bold: true };
        });
      }
    } catch (e) {
      for (const id of added) wb.removeWorksheet(id);
      throw e;
    }
    book.replaceSheets(swaps.map((s) => ({ by: s.ws, name: s.name })));
    this.dropLink();
  }

  /** The state sheet replaced in the model, as the plan writer replaces it; a file offered before is stale. */
  async writeState(state: SavedState): Promise<void> {
    await this.requireWorkbook().writeState(state);
    this.dropLink();
  }

  private requireWorkbook(): XlsxWorkbook {
    if (!this.workbook) throw new NoWorkbookChosenError();
    return this.workbook;
  }

  private dropLink(): void {
    if (this.link) (this.options.revokeUrl ?? ((u: string) => URL.revokeObjectURL(u)))(this.link.url);
    this.link = null;
  }
}

/** `Suivi 2025.xlsx` → `Suivi 2025 - SPASER.xlsx`. */
export function resultName(name: string): string {
  // A result opened again (`Pôle A - SPASER.xlsx`) is not named `Pôle A - SPASER - SPASER.xlsx`.
  const base = withoutResultSuffix(name.replace(/\.(xlsx|xlsm)$/i, ''));
  return `${base}${RESULT_SUFFIX}.xlsx`;
}

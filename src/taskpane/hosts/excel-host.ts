/**
 * The pane inside Excel: reads and writes the open workbook through the
 * Office.js adapter; selection and imports are single `Excel.run` batches.
 */
import type { ChainInput, ChainOutput } from '../../domain/chain';
import type { SavedState } from '../../domain/state';
import { createOfficeWorkbook, type ExcelRunner } from '../../workbook/office';
import type { ImportSheet } from '../consolidation';
import { describeHighlightFailure, describeProtectedSheets, describeProtectedWorkbook, describeUnmarkedSheets } from '../errors';
import type { FileSheets, Host, HostProgress, SourceFile, WriteReport } from '../host';
import { platformDownloads } from '../result-export';
import { readXlsxFiles } from '../xlsx-files';

type ExcelRun = typeof Excel.run;

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  readonly writesCharts = true;
  readonly downloadsFiles: boolean;
  private readonly workbook: ReturnType<typeof createOfficeWorkbook>;

  /** `platform`: Office's (`PC`, `OfficeOnline`, `Mac`…), read from Office.js when not given. */
  constructor(
    private readonly run: ExcelRun = Excel.run,
    platform: string | null = officePlatform(),
  ) {
    this.workbook = createOfficeWorkbook(run as ExcelRunner);
    this.downloadsFiles = platformDownloads(platform);
  }

  /** Told only when the whole percent changes: a 100,000-row read has dozens of blocks, not thousands. */
  onProgress(listener: ((progress: HostProgress) => void) | null): void {
    let last = '';
    this.workbook.onProgress =
      listener &&
      (({ phase, done, total }) => {
        const fraction = Math.floor((100 * done) / total) / 100;
        const key = `${phase}${fraction}`;
        if (key === last) return;
        // A read or write that is over lets the next one tell its 100 % again (a one-block read).
        last = done >= total ? '' : key;
        listener({ phase, fraction });
      });
  }

  protectionNotice(): string | null {
    return this.workbook.protectedStructure ? describeProtectedWorkbook() : null;
  }

  workbookName(): string | null {
    return this.workbook.name;
  }

  async read(): Promise<ChainInput[]> {
    // The workbook's name is known once its sheets are read. The previous SPASER output is not
    // a source: its cells are not fetched (a weekly re-run would read the register twice).
    const sheets = await this.workbook.readSheets({ skipOwnOutput: true });
    const state = await this.workbook.readState();
    return [{ file: this.workbook.name, sheets, state }];
  }

  /**
   * The SPASER sheets, then the marks on the faulty cells (the previous marks go first). The sheets
   * are written once the first step succeeds: a mark Excel refuses is a warning, not a failed write.
   */
  async write(output: ChainOutput): Promise<WriteReport> {
    await this.workbook.writePlan(output.plan);
    const findings = [...output.register.rows.flatMap((r) => r.findings), ...output.register.otherFindings];
    try {
      const report = await this.workbook.highlightFindings(findings, output.register.mappings);
      return report.unmarked.length + report.keptMarks.length > 0 ? { warning: describeUnmarkedSheets(report.unmarked, report.keptMarks) } : {};
    } catch (error) {
      return { warning: describeHighlightFailure(error) };
    }
  }

  /** Removes the add-in's marks from the user's sheets (not from protected ones, which it names). */
  async clearHighlights(): Promise<WriteReport> {
    const report = await this.workbook.clearHighlights();
    return report.keptMarks.length > 0 ? { warning: describeProtectedSheets(report.keptMarks, 'retirer') } : {};
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      try {
        await context.sync();
      } catch (error) {
        // Hidden sheets are read as sources, so their cells are listed; what Excel answers when asked to
        // show one is not documented. Its visibility, asked only after a refusal, says it in French.
        const again = context.workbook.worksheets.getItemOrNullObject(sheet).load('visibility');
        try {
          await context.sync();
        } catch {
          throw error;
        }
        if (!again.isNullObject && again.visibility !== 'Visible') throw new HiddenSheetError(sheet, again.visibility === 'VeryHidden');
        throw error;
      }
    });
  }

  readFiles(files: readonly SourceFile[]): Promise<FileSheets[]> {
    return readXlsxFiles(files);
  }

  async importSheets(sheets: readonly ImportSheet[], replacing: readonly string[] = []): Promise<void> {
    await this.workbook.importSheets(sheets, replacing);
  }

  async writeState(state: SavedState): Promise<void> {
    await this.workbook.writeState(state);
  }
}

/** A cell of the Contrôles list lies on a hidden sheet, which Excel did not show. */
export class HiddenSheetError extends Error {
  constructor(sheet: string, veryHidden: boolean) {
    super(
      veryHidden
        ? `La feuille « ${sheet} » est très masquée : Excel ne peut pas y montrer la cellule, et seul l'éditeur Visual Basic peut l'afficher. Ses lignes sont lues comme celles des autres feuilles.`
        : `La feuille « ${sheet} » est masquée : Excel ne peut pas y montrer la cellule. Affichez-la (clic droit sur un onglet, « Afficher… »), puis cliquez à nouveau sur la cellule dans la liste.`,
    );
    this.name = 'HiddenSheetError';
  }
}

function officePlatform(): string | null {
  return typeof Office === 'undefined' ? null : ((Office.context?.platform as unknown as string | undefined) ?? null);
}

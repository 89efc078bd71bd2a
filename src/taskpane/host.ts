/**
 * What the task pane needs from the place it runs in. Components get a Host
 * and never call Office.js or ExcelJS themselves: `hosts/excel-host.ts` works
 * on the open workbook, `hosts/preview-host.ts` on a file chosen in a browser.
 */
import type { SheetGrid } from '../domain/cell';
import type { ChainInput, ChainOutput } from '../domain/chain';
import type { SavedState } from '../domain/state';
import type { ImportSheet } from './consolidation';

export type HostKind = 'excel' | 'apercu';

/** A file chosen by the user, already read into memory. */
export interface SourceFile {
  readonly name: string;
  readonly data: ArrayBuffer | Uint8Array;
}

/** The sheets of one workbook read for consolidation. */
export interface FileSheets {
  readonly name: string;
  readonly sheets: readonly SheetGrid[];
  /** The add-in's state saved in that file (its tag decisions follow the consolidation). */
  readonly state?: SavedState | null;
}

/** The result workbook offered for download (preview). */
export interface DownloadLink {
  readonly url: string;
  readonly fileName: string;
  /** What the file could not keep of the user's workbook, when something. */
  readonly notice?: string;
}

/** How far a long read or write of the workbook has gone (Excel): `fraction` from 0 to 1. */
export interface HostProgress {
  readonly phase: 'lecture' | 'ecriture';
  readonly fraction: number;
}

/** A write that went through, and what it could not do besides (French), if anything. */
export interface WriteReport {
  readonly warning?: string;
}

export interface Host {
  readonly kind: HostKind;
  /** Whether `write` draws native charts (both hosts do: Office.js, and the file writer's `charts.ts`). */
  readonly writesCharts: boolean;
  /** Whether a file offered by the pane downloads here (not in Excel for Mac or iPad). */
  readonly downloadsFiles: boolean;
  /** Name of the workbook worked on; null while the preview has no file yet. */
  workbookName(): string | null;
  /** Preview only: the workbook to work on. */
  open?(file: SourceFile): Promise<void>;
  /** The workbook's sheets and saved state, as the chain takes them. */
  read(): Promise<ChainInput[]>;
  /** Writes the `SPASER …` sheets (and the saved state) of a successful run. */
  write(output: ChainOutput): Promise<WriteReport | void>;
  /** Excel only: selects a cell (or a row, `14:14`) of the user's sheet. */
  selectCell?(sheet: string, address: string): Promise<void>;
  /** Excel only: removes the add-in's conditional formats from the user's sheets. */
  clearHighlights?(): Promise<WriteReport | void>;
  /** Excel only: why the workbook, as last read, cannot take new sheets (French); null when it can. */
  protectionNotice?(): string | null;
  /** Excel only: follows the reads and writes of the workbook, block by block (whole percents); null to stop. */
  onProgress?(listener: ((progress: HostProgress) => void) | null): void;
  /** Preview only: the last written workbook, null before any write. */
  download?(): DownloadLink | null;
  /** Reads `.xlsx` files chosen for consolidation. */
  readFiles(files: readonly SourceFile[]): Promise<FileSheets[]>;
  /**
   * Adds imported sheets (values only) to the workbook. Those named in `replacing` take the
   * place of the workbook's sheets of that name (an earlier import the caller found unchanged);
   * every other sheet is left alone. On failure the workbook is left as it was.
   */
  importSheets(sheets: readonly ImportSheet[], replacing?: readonly string[]): Promise<void>;
  /**
   * Writes the saved state alone (`SPASER État`), right after an import, so that its records
   * never wait for a write of the SPASER sheets; every other sheet is left alone. On failure
   * the state sheet is left as it was.
   */
  writeState(state: SavedState): Promise<void>;
}

/** Reads a browser `File` into memory. */
export async function fileToSource(file: File): Promise<SourceFile> {
  const data =
    typeof file.arrayBuffer === 'function'
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error);
          reader.readAsArrayBuffer(file);
        });
  return { name: file.name, data };
}

/**
 * `.xlsx` files read in the pane through the ExcelJS adapter, loaded only on
 * demand (`import()`) so that it stays out of the pane's first chunk.
 */
import type { FileSheets, SourceFile } from './host';

export async function loadXlsxAdapter() {
  return import('../workbook/xlsx');
}

/** Reads each file; the first unreadable one rejects with the adapter's French message. */
export async function readXlsxFiles(files: readonly SourceFile[]): Promise<FileSheets[]> {
  const { openXlsx } = await loadXlsxAdapter();
  const out: FileSheets[] = [];
  for (const file of files) {
    const wb = await openXlsx(file.data, file.name);
    out.push({ name: file.name, sheets: await wb.readSheets(), state: await wb.readState() });
  }
  return out;
}

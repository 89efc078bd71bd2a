/** Plumbing shared by the acceptance tests: building buyers' workbooks and reading them as the CLI does. */
import ExcelJS from 'exceljs';
import type { ChainInput } from '../../src/domain/chain';
import { openXlsx } from '../../src/workbook/xlsx';

/** A real Excel date (UTC midnight, as ExcelJS writes it). */
export function day(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Writes `header` on `headerRow` and one row per object (keys = header texts); null leaves an empty row. */
export function table(ws: ExcelJS.Worksheet, headerRow: number, header: readonly string[], rows: readonly (Record<string, ExcelJS.CellValue> | null)[]): void {
  header.forEach((h, i) => (ws.getRow(headerRow).getCell(i + 1).value = h));
  rows.forEach((r, i) => {
    if (r === null) return;
    const row = ws.getRow(headerRow + 1 + i);
    for (const [key, value] of Object.entries(r)) {
      const col = header.indexOf(key);
      if (col < 0) throw new Error(`unknown column ${key}`);
      if (value === undefined || value === null || value === '') continue;
      const cell = row.getCell(col + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    }
  });
}

/** A workbook's bytes read through the xlsx adapter into the chain's input. */
export async function chainInput(file: string, bytes: Uint8Array): Promise<ChainInput> {
  const wb = await openXlsx(bytes, file);
  return { file, sheets: await wb.readSheets(), state: await wb.readState() };
}

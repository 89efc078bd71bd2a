/**
 * The pane inside Excel: reads and writes the open workbook through the
 * Office.js adapter; selection and imports are single `Excel.run` batches.
 */
import type { ChainInput, ChainOutput } from '../../domain/chain';
import { isCalendarDate } from '../../domain/cell';
import type { PlanValue } from '../../domain/plan-types';
import { createOfficeWorkbook } from '../../workbook/office';
import type { ImportSheet } from '../consolidation';
import type { FileSheets, Host, SourceFile } from '../host';
import { readXlsxFiles } from '../xlsx-files';

type ExcelRun = typeof Excel.run;

/** Days between 1899-12-30 and 1970-01-01: Excel serial of a calendar date. */
const EXCEL_EPOCH_DAYS = 25569;

function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + EXCEL_EPOCH_DAYS;
}

/** Value and number format of one imported cell: text is formatted `@` so Excel never reads it as a formula. */
export function officeCell(v: PlanValue): { value: string | number | boolean; format: string } {
  if (v === null) return { value: '', format: 'General' };
  if (isCalendarDate(v)) return { value: serialOf(v.date), format: 'dd/mm/yyyy' };
  if (typeof v === 'string') return { value: v, format: '@' };
  return { value: v, format: 'General' };
}

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  readonly writesCharts = true;
  private readonly workbook: ReturnType<typeof createOfficeWorkbook>;

  constructor(private readonly run: ExcelRun = Excel.run) {
    this.workbook = createOfficeWorkbook(run);
  }

  workbookName(): string | null {
    return this.workbook.name;
  }

  async read(): Promise<ChainInput[]> {
    return [{ file: this.workbook.name, sheets: await this.workbook.readSheets(), state: await this.workbook.readState() }];
  }

  async write(output: ChainOutput): Promise<void> {
    await this.workbook.writePlan(output.plan);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  readFiles(files: readonly SourceFile[]): Promise<FileSheets[]> {
    return readXlsxFiles(files);
  }

  async importSheets(sheets: readonly ImportSheet[]): Promise<void> {
    await this.run(async (context) => {
      for (const sheet of sheets) {
        const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
        if (width === 0) continue;
        const ws = context.workbook.worksheets.add(sheet.name);
        const cells = sheet.rows.map((r) => Array.from({ length: width }, (_, j) => officeCell(r[j] ?? null)));
        const range = ws.getRangeByIndexes(0, 0, cells.length, width);
        // Formats first: a text cell formatted `@` keeps `=…` as text.
        range.numberFormat = cells.map((r) => r.map((c) => c.format));
        range.values = cells.map((r) => r.map((c) => c.value));
        ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
      }
      await context.sync();
    });
  }
}

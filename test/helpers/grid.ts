import type { CellValue, SheetGrid, TableArea } from '../../src/domain/cell';

/** A sheet grid as an adapter would hand it: `rows[0]` is sheet row `firstRow`. */
export function grid(name: string, rows: CellValue[][], opts: { firstRow?: number; firstCol?: number; tables?: TableArea[] } = {}): SheetGrid {
  return { name, rows, firstRow: opts.firstRow ?? 1, firstCol: opts.firstCol ?? 1, tables: opts.tables ?? [] };
}

export const d = (date: string) => ({ date });
export const err = (error: string) => ({ error });

import type { CellValue, SheetGrid, TableArea } from '../../src/domain/cell';

/** A sheet grid as an adapter would hand it: `rows[0]` is sheet row `firstRow`. */
export function grid(name: string, rows: CellValue[][], opts: { firstRow?: number; firstCol?: number; tables?: TableArea[] } = {}): SheetGrid {
  return { name, rows, firstRow: opts.firstRow ?? 1, firstCol: opts.firstCol ?? 1, tables: opts.tables ?? [] };
}

export const d = (date: string) => ({ date });
export const err = (error: string) => ({ error });

/** A grid without trailing empty cells and rows: two readers' used ranges compare on content. */
export function trimmed(grid: SheetGrid | undefined): SheetGrid | undefined {
  if (!grid) return undefined;
  const rows = grid.rows.map((r) => {
    const copy = [...r];
    while (copy.length > 0 && copy[copy.length - 1] === null) copy.pop();
    return copy;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return { ...grid, rows };
}

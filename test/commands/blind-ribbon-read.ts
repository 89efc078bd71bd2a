/**
 * Reading what the add-in wrote, the way a person reads a sheet: find the
 * header row by one of its labels, then take the rows below it by label.
 */
import { colLetters, type CellModel, type DoubleValue, type ExcelDouble, type Rect } from '../doubles/excel-double';

export interface ReadTable {
  headerRow: number;
  header: string[];
  rows: { row: number; cells: Map<string, CellModel | undefined> }[];
}

function cellsOf(excel: ExcelDouble, sheet: string): Map<number, Map<number, CellModel>> {
  return excel.sheet(sheet).rows;
}

export function valueAt(excel: ExcelDouble, sheet: string, row: number, col: number): DoubleValue {
  return excel.cell(sheet, row, col)?.value ?? null;
}

/** The first row (1-based) where some cell equals `label`. */
export function findRow(excel: ExcelDouble, sheet: string, label: string): number {
  const rows = cellsOf(excel, sheet);
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    for (const cell of rows.get(r)!.values()) if (cell.value === label) return r + 1;
  }
  throw new Error(`« ${label} » not found on ${sheet}`);
}

/** The table whose header row holds `label`: rows until the first empty one. */
export function readTable(excel: ExcelDouble, sheet: string, label: string): ReadTable {
  const headerRow = findRow(excel, sheet, label);
  const headerCells = excel.sheet(sheet).rows.get(headerRow - 1)!;
  const lastCol = Math.max(...headerCells.keys());
  const header: string[] = [];
  for (let c = 0; c <= lastCol; c++) header.push(String(headerCells.get(c)?.value ?? ''));
  const rows: ReadTable['rows'] = [];
  for (let r = headerRow + 1; ; r++) {
    const line = excel.sheet(sheet).rows.get(r - 1);
    const filled = line && [...line.entries()].some(([c, cell]) => c <= lastCol && cell.value !== null && cell.value !== '');
    if (!filled) break;
    const cells = new Map<string, CellModel | undefined>();
    header.forEach((h, c) => cells.set(h, line!.get(c)));
    rows.push({ row: r, cells });
  }
  return { headerRow, header, rows };
}

export function column(t: ReadTable, label: string): DoubleValue[] {
  if (!t.header.includes(label)) throw new Error(`no column « ${label} » in [${t.header.join(' | ')}]`);
  return t.rows.map((r) => {
    const v = r.cells.get(label)?.value ?? null;
    return v === '' ? null : v;
  });
}

/** Every cell (A1 style) covered by the areas. */
export function coveredCells(areas: readonly Rect[]): string[] {
  const out: string[] = [];
  for (const a of areas) for (let r = 0; r < a.nr; r++) for (let c = 0; c < a.nc; c++) out.push(`${colLetters(a.c0 + c)}${a.r0 + r + 1}`);
  return [...new Set(out)].sort();
}

/** Everything of one user sheet a user could see, plus what the snapshot leaves out (merges, the tables' flags). */
export function userPicture(excel: ExcelDouble, sheet: string, ownFormulas: readonly string[]): unknown {
  const snap = excel.snapshot(sheet) as { conditionalFormats: { formula: string | null }[] } & Record<string, unknown>;
  const s = excel.sheet(sheet);
  return {
    ...snap,
    // The user's own conditional formats only: the add-in's highlights are compared on their own.
    conditionalFormats: snap.conditionalFormats.filter((c) => c.formula !== null && ownFormulas.includes(c.formula)),
    merges: s.merges.map((m) => ({ ...m })),
    tables: excel.tablesOf(sheet).map((t) => ({ name: t.name, r0: t.r0, c0: t.c0, nr: t.nr, nc: t.nc, showFilterButton: t.showFilterButton, showTotals: t.showTotals })),
  };
}

/** Rows of an indicator sheet below its « Id » header whose Id cell is an id (axe title rows and blank rows skipped), by header label. */
export function indicatorLines(excel: ExcelDouble, sheet: string): Map<string, unknown>[] {
  const headerRow = findRow(excel, sheet, 'Id');
  const s = excel.sheet(sheet);
  const header = [...s.rows.get(headerRow - 1)!.entries()];
  const idCol = header.find(([, c]) => c.value === 'Id')![0];
  const out: Map<string, unknown>[] = [];
  for (const r of [...s.rows.keys()].filter((r) => r >= headerRow).sort((a, b) => a - b)) {
    const line = s.rows.get(r)!;
    const id = line.get(idCol)?.value;
    if (typeof id !== 'string' || !/^\d\.\d\.\d-/.test(id)) continue;
    const m = new Map<string, unknown>();
    for (const [c, h] of header) m.set(String(h.value), line.get(c)?.value ?? null);
    out.push(m);
  }
  return out;
}

/** « gravité | code | feuille | ligne | colonne » of each finding of a SPASER Contrôles table, sorted. */
export function findingKeys(t: ReadTable): string[] {
  const lower = (v: unknown) => String(v ?? '').trim().toLowerCase();
  return t.rows
    .map((r) => [lower(r.cells.get('Gravité')?.value), r.cells.get('Code')?.value, r.cells.get('Feuille')?.value, r.cells.get('Ligne')?.value, r.cells.get('Colonne')?.value ?? ''].join(' | '))
    .sort();
}

/** Reading a planned sheet as a user reads the written one: by sheet name, cell and column. */
import type { PlanValue, SheetPlan, WritePlan } from '../../src/domain/plan-types';

export function sheet(plan: WritePlan, name: string): SheetPlan {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The value the plan writes at (row, col), undefined when no block covers it. */
export function cellAt(s: SheetPlan, row: number, col: number): PlanValue | undefined {
  for (const b of s.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && r < b.values.length && c >= 0 && c < (b.values[r]?.length ?? 0)) return b.values[r][c];
  }
  return undefined;
}

/** The number format of (row, col): null when the block gives none, undefined when no block covers it. */
export function formatAt(s: SheetPlan, row: number, col: number): string | null | undefined {
  for (const b of s.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && r < b.values.length && c >= 0 && c < (b.values[r]?.length ?? 0)) return b.formats?.[c] ?? null;
  }
  return undefined;
}

/** The sheet row holding `text` in column `col`. */
export function findRow(s: SheetPlan, col: number, text: string): number {
  for (const b of s.blocks) {
    const c = col - b.col;
    for (let r = 0; r < b.values.length; r++) if (b.values[r][c] === text) return b.row + r;
  }
  throw new Error(`no cell "${text}" in column ${col} of ${s.name}`);
}

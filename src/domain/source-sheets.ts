/**
 * The source sheets (register or companion) whose grid an adapter marked — hidden, read without
 * its merged areas, holding formulas without their result — for the notices that name them.
 */
import type { SheetGrid } from './cell';
import type { ChainInput } from './chain';
import type { Register, SheetMapping } from './model';

interface MarkedSource<T> {
  readonly mapping: SheetMapping;
  /** What `mark` gave for its grid. */
  readonly value: T;
  /** ` du classeur « … »` in a consolidation, where a sheet's name alone is ambiguous; else empty. */
  readonly where: string;
}

const keyOf = (file: string, sheet: string): string => `${file}\u0000${sheet}`;

/** Each source sheet whose grid `mark` gives a value for, in file then sheet order. */
export function markedSources<T>(inputs: readonly ChainInput[], register: Register, mark: (grid: SheetGrid) => T | undefined): MarkedSource<T>[] {
  const marked = new Map<string, T>();
  for (const input of inputs) {
    for (const grid of input.sheets) {
      const value = mark(grid);
      if (value !== undefined) marked.set(keyOf(input.file, grid.name), value);
    }
  }
  if (marked.size === 0) return [];
  const several = inputs.length > 1;
  return register.mappings.flatMap((mapping) => {
    const value = marked.get(keyOf(mapping.file, mapping.sheet));
    return value === undefined ? [] : [{ mapping, value, where: several ? ` du classeur « ${mapping.file} »` : '' }];
  });
}

/** Contract rows of the register read from each sheet, by file and sheet. */
export function rowsBySheet(register: Register): (file: string, sheet: string) => number {
  const counts = new Map<string, number>();
  for (const row of register.rows) {
    const key = keyOf(row.source.file, row.source.sheet);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (file, sheet) => counts.get(keyOf(file, sheet)) ?? 0;
}

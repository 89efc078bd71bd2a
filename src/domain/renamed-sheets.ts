/**
 * Saved column choices follow a renamed sheet. `SPASER État` keeps the user's choices by sheet name
 * (`sortie.md`); a buyer who renames their register's tab (« Marchés 2025 » → « Marchés 2025
 * Solidarités ») would otherwise lose them without a word: the column they chose, whose header no
 * field recognises, drops out and its indicators turn « non calculable ». Decisions already survive
 * such a rename (README « Étiquettes suggérées »); column choices now do too, when the sheet they
 * belong to can be told: a saved choice naming a sheet the workbook no longer has moves to the one
 * sheet that no saved choice names and whose first rows hold every header the choice names.
 */
import { isBlankCell, type SheetGrid } from './cell';
import { HEADER_SEARCH_ROWS, headerKey } from './mapping';
import type { MappingOverride } from './model';
import { isSpaserSheet } from './plan-types';

const sameName = (a: string, b: string): boolean => a.localeCompare(b, 'fr', { sensitivity: 'accent' }) === 0;

/** Header keys of the cells of the rows where a header may be (the saved row, or the first 20). */
function headerKeysOf(grid: SheetGrid, headerRow: number | undefined): Set<string> {
  const keys = new Set<string>();
  const first = headerRow === undefined ? 0 : headerRow - grid.firstRow;
  const last = headerRow === undefined ? Math.min(grid.rows.length, HEADER_SEARCH_ROWS) : first + 1;
  for (let i = Math.max(0, first); i < Math.min(last, grid.rows.length); i++) {
    for (const cell of grid.rows[i]) if (!isBlankCell(cell) && typeof cell === 'string') keys.add(headerKey(cell));
  }
  return keys;
}

/**
 * The sheets the saved choices' gone sheets were renamed to (old name → new name): a gone sheet goes to
 * the one sheet that no saved choice (nor `named`) names and whose first rows hold every header its
 * choices name; a sheet two gone sheets could have become is left alone.
 */
export function renamedSheets(saved: readonly MappingOverride[], grids: readonly SheetGrid[], named: readonly string[] = []): Map<string, string> {
  const exists = (sheet: string) => grids.some((g) => sameName(g.name, sheet));
  const claimed = [...saved.map((o) => o.sheet), ...named];
  const free = grids.filter((g) => !isSpaserSheet(g.name) && !claimed.some((n) => sameName(n, g.name)));
  const moves = new Map<string, SheetGrid>();
  for (const o of saved) {
    if (exists(o.sheet) || [...moves.keys()].some((k) => sameName(k, o.sheet))) continue;
    const choices = saved.filter((x) => sameName(x.sheet, o.sheet));
    // Told by the headers it names (column letters, or a choice with none, cannot tell the sheet).
    const headers = choices.flatMap((x) => Object.keys(x.columns).map(headerKey)).filter((k) => k !== '' && !/^[a-z]{1,3}$/.test(k));
    if (headers.length === 0) continue;
    const fits = free.filter((g) =>
      choices.every((x) => {
        const keys = headerKeysOf(g, x.headerRow); // read once per choice, not once per header
        return headers.every((h) => keys.has(h));
      }),
    );
    if (fits.length === 1) moves.set(o.sheet, fits[0]);
  }
  const targets = [...moves.values()];
  const out = new Map<string, string>();
  for (const [from, g] of moves) if (targets.filter((t) => t === g).length === 1) out.set(from, g.name);
  return out;
}

/** `choices` with the sheet names of `renamed` (old name, any case → new name). */
export function withRenamedSheets(choices: readonly MappingOverride[], renamed: ReadonlyMap<string, string>): MappingOverride[] {
  if (renamed.size === 0) return [...choices];
  return choices.map((o) => {
    const to = [...renamed].find(([from]) => sameName(from, o.sheet))?.[1];
    return to === undefined ? o : { ...o, sheet: to };
  });
}

/** The saved choices whose sheet the workbook no longer has, nor could be told renamed (`renamedSheets`). */
export function goneSheetChoices(saved: readonly MappingOverride[], grids: readonly SheetGrid[], renamed: ReadonlyMap<string, string>): MappingOverride[] {
  return saved.filter((o) => !grids.some((g) => sameName(g.name, o.sheet)) && ![...renamed.keys()].some((from) => sameName(from, o.sheet)));
}

/** `saved` with each choice whose sheet is gone moved to the sheet it was renamed to (`renamedSheets`). */
export function followRenamedSheets(saved: readonly MappingOverride[], grids: readonly SheetGrid[], named: readonly string[] = []): MappingOverride[] {
  return withRenamedSheets(saved, renamedSheets(saved, grids, named));
}

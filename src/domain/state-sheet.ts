/**
 * The saved state as cells of the very hidden `SPASER État` sheet: JSON split
 * into chunks (one per row, column A), because an Excel cell holds at most
 * 32,767 characters.
 */
import { z } from 'zod';
import type { CellValue } from './cell';
import { SHEET_KINDS, type SheetKind } from './fields';
import type { SavedState } from './state';

/** Characters per cell, below Excel's 32,767 limit with room to spare. */
export const STATE_CHUNK_SIZE = 30000;

export const STATE_SHEET_NOTE = 'Feuille technique du complément Registre SPASER — ne pas modifier';

const mappingSchema = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  headerRow: z.number().int().positive().optional(),
  headerRows: z.union([z.literal(1), z.literal(2)]).optional(),
  columns: z.record(z.string(), z.string().nullable()),
});

const decisionSchema = z.object({
  numero: z.string(),
  source: z.string().optional(),
  consideration: z.enum(['sociale', 'environnementale', 'innovation']),
  etiquette: z.string(),
  decision: z.enum(['confirmée', 'rejetée']),
});

const importSchema = z.object({
  sheet: z.string(),
  file: z.string(),
  pole: z.string(),
  kind: z.enum(Object.keys(SHEET_KINDS) as [SheetKind, ...SheetKind[]]),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  fingerprint: z.string(),
});

/** The records this version reads; the others are left out. */
function readableImports(list: unknown): z.infer<typeof importSchema>[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((r) => {
    const parsed = importSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

const stateSchema = z.object({
  version: z.literal(1),
  mappings: z.array(mappingSchema),
  decisions: z.array(decisionSchema),
  // Absent in states written before imports were recorded. A record this version cannot read (a kind of
  // sheet of a later version) is dropped, not the state: its sheet is only never replaced.
  imports: z.unknown().transform(readableImports).optional(),
});

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The state as cell texts for column A, each ≤ `chunkSize` characters. */
export function serializeState(state: SavedState, chunkSize: number = STATE_CHUNK_SIZE): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(start + chunkSize, json.length);
    // Never cut a surrogate pair in two: each half alone is not valid text for Excel.
    if (end < json.length && end - start > 1 && isHighSurrogate(json.charCodeAt(end - 1))) end -= 1;
    chunks.push(json.slice(start, end));
    start = end;
  }
  return chunks;
}

/** The state read back from column A (row 1 down); null when absent or invalid, never throws. */
export function parseState(cells: readonly CellValue[]): SavedState | null {
  let json = '';
  for (const cell of cells) {
    if (cell === null || cell === '') continue;
    if (typeof cell === 'string') json += cell;
    else if (typeof cell === 'number') json += String(cell);
    else return null;
  }
  if (json === '') return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = stateSchema.safeParse(data);
  return parsed.success ? (parsed.data as SavedState) : null;
}

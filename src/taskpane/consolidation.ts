/**
 * Consolidation by the SPASER project lead: what each chosen file holds, and
 * the plan of sheets to add to the open workbook (values only, original
 * headers kept, plus a `Pôle` column), as plain data that a host writes.
 */
import type { CellValue, SheetGrid } from '../domain/cell';
import { isCellError } from '../domain/cell';
import { SHEET_KINDS, type SheetKind } from '../domain/fields';
import type { MappingOverride, SheetMapping } from '../domain/model';
import type { PlanValue } from '../domain/plan-types';
import { SPASER_PREFIX } from '../domain/plan-types';
import { buildRegister, poleFromFile } from '../domain/register';
import { fieldOfRows } from '../domain/indicators/row-view';
import { todayIso } from '../domain/chain';
import { serialToIso } from '../domain/read-cell';
import { sheetFingerprint } from '../domain/fingerprint';
import type { ImportRecord, TagDecision } from '../domain/state';
import { sourceSheet } from '../domain/tagging';
import type { FileSheets } from './host';

/** Header of the column added to imported register sheets. */
const POLE_HEADER = 'Pôle';

/** What was recognised in one file. */
export interface FileRecognition {
  readonly name: string;
  readonly sheets: readonly SheetGrid[];
  readonly mappings: readonly SheetMapping[];
  /** Contract rows read per register sheet. */
  readonly rowsBySheet: Readonly<Record<string, number>>;
  /** The Pôle proposed: the most frequent `pole` cell, else the file name. */
  readonly pole: string;
  /** Header of the file's own Pôle column when it has one (its values are kept). */
  readonly poleColumn: string | null;
  /** Tag decisions saved in the file: they follow its rows into the consolidated workbook. */
  readonly decisions: readonly TagDecision[];
  /** Column choices saved in the file: they follow its sheets into the consolidated workbook. */
  readonly overrides: readonly MappingOverride[];
  /** Its contracts' numbers, once each: to find the earlier import of a file its Pôle renamed. */
  readonly numeros?: readonly string[];
}

/** One sheet to add: values only, header first. */
export interface ImportSheet {
  readonly name: string;
  readonly kind: SheetKind;
  readonly source: { readonly file: string; readonly sheet: string };
  /** Header row first; text stays text, never a formula. */
  readonly rows: readonly (readonly PlanValue[])[];
  /** Rows of `rows` that are the header: 2 for a header on two rows; 1 when absent. */
  readonly headerRows?: number;
  /** A register sheet's contract rows as the file's card counted them (a total row is copied, not counted). */
  readonly lines?: number;
}

export function recogniseFile(file: FileSheets, today: string = todayIso()): FileRecognition {
  const register = buildRegister([{ file: file.name, sheets: file.sheets, state: file.state ?? null }], { today });
  const rowsBySheet: Record<string, number> = {};
  const poleCounts = new Map<string, number>();
  const poleOf = fieldOfRows(register.rows, 'pole');
  const numeroOf = fieldOfRows(register.rows, 'numero');
  const numeros = new Set<string>();
  register.rows.forEach((row, i) => {
    rowsBySheet[row.source.sheet] = (rowsBySheet[row.source.sheet] ?? 0) + 1;
    const numero = numeroOf(i);
    if (typeof numero === 'string' && numero !== '') numeros.add(numero);
    const pole = (poleOf(i) as string | undefined)?.trim();
    if (pole) poleCounts.set(pole, (poleCounts.get(pole) ?? 0) + 1);
  });
  const poleMapped = register.mappings.find((m) => m.kind === 'registre' && m.columns.some((c) => c.field === 'pole'));
  const frequent = [...poleCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    name: file.name,
    sheets: file.sheets,
    mappings: register.mappings,
    rowsBySheet,
    pole: frequent ?? poleFromFile(file.name),
    poleColumn: poleMapped?.columns.find((c) => c.field === 'pole')?.header ?? null,
    decisions: file.state?.decisions ?? [],
    overrides: file.state?.mappings ?? [],
    numeros: [...numeros],
  };
}

/** What a cell becomes once copied: formula errors as their text, everything else as is. */
function copiedValue(cell: CellValue | undefined): PlanValue {
  if (cell === undefined) return null;
  if (isCellError(cell)) return cell.error;
  return cell;
}

function isEmptyRow(cells: readonly PlanValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/**
 * Excel forbids `[]:*?/\` in sheet names, a leading/trailing apostrophe, more than 31 characters, and
 * the name « History », which it keeps for itself (support.microsoft.com, « Rename a worksheet »).
 */
export function safeSheetName(wanted: string): string {
  let name = wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  // `SPASER …` sheets belong to the add-in and are never read as sources.
  if (name.startsWith(SPASER_PREFIX)) name = `Import ${name}`;
  if (name === '') name = 'Import';
  // Cut at 31, the name may end with an apostrophe again.
  name = name.slice(0, 31).trim().replace(/'+$/, '').trim() || 'Import';
  return name.toLowerCase() === 'history' ? `Import ${name}` : name;
}

function uniqueName(wanted: string, taken: Set<string>): string {
  const base = safeSheetName(wanted);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The copied columns (0-based, from `firstCol`) mapped to a date field of the sheet's kind. */
function dateOffsets(grid: SheetGrid, mapping: SheetMapping, firstCol: number): number[] {
  const fields: readonly { id: string; type: string }[] = SHEET_KINDS[mapping.kind].fields;
  const dates = new Set(fields.filter((f) => f.type === 'date').map((f) => f.id));
  return mapping.columns.filter((c) => dates.has(c.field)).map((c) => c.col - grid.firstCol - firstCol);
}

function dayOf(serial: number): PlanValue {
  const iso = serialToIso(serial, true);
  return iso === null ? serial : { date: iso };
}

/** Sheet rows from the header to the end of the table, every column of the used range. */
function copiedRows(grid: SheetGrid, mapping: SheetMapping): PlanValue[][] {
  const table = grid.tables.find((t) => t.headerRow === mapping.headerRow);
  // A header on two rows is copied whole: the imported sheet reads it as its own file did.
  const first = (mapping.firstHeaderRow ?? mapping.headerRow) - grid.firstRow;
  const last = table ? table.lastRow - grid.firstRow : grid.rows.length - 1;
  const firstCol = table ? table.firstCol - grid.firstCol : 0;
  const width = table
    ? table.lastCol - table.firstCol + 1
    : grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const out: PlanValue[][] = [];
  const serials = grid.date1904 ? dateOffsets(grid, mapping, firstCol) : [];
  const firstData = mapping.headerRow - grid.firstRow + 1;
  for (let i = Math.max(0, first); i <= last && i < grid.rows.length; i++) {
    const cells = Array.from({ length: width }, (_, j) => copiedValue(grid.rows[i][firstCol + j]));
    // A bare serial of a 1904 workbook is a day of its calendar: copied as that day, it stays one in a 1900 workbook.
    if (i >= firstData) for (const j of serials) if (typeof cells[j] === 'number') cells[j] = dayOf(cells[j]);
    if (i > first && isEmptyRow(cells)) continue;
    out.push(cells);
  }
  // Trailing columns empty everywhere (header included) are left out.
  let used = width;
  while (used > 0 && out.every((r) => r[used - 1] === null || r[used - 1] === '')) used--;
  return out.map((r) => r.slice(0, used));
}

/**
 * The sheets to add for the chosen files: each register and companion sheet
 * once, named after the Pôle (register) or `Pôle - kind` (companion); a
 * register sheet without its own Pôle column gets one holding `poles[file]`.
 * Names avoid `existing` sheets of the open workbook.
 */
export function importPlan(
  files: readonly (Pick<FileRecognition, 'name' | 'sheets' | 'mappings'> & Partial<Pick<FileRecognition, 'rowsBySheet'>>)[],
  poles: Readonly<Record<string, string>>,
  existing: readonly string[] = [],
): ImportSheet[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const plan: ImportSheet[] = [];
  for (const file of files) {
    const pole = (poles[file.name] ?? '').trim() || poleFromFile(file.name);
    for (const mapping of file.mappings) {
      const grid = file.sheets.find((s) => s.name === mapping.sheet);
      if (!grid) continue;
      let rows = copiedRows(grid, mapping);
      if (rows.length === 0) continue;
      const hasPole = mapping.columns.some((c) => c.field === 'pole');
      const headerRows = mapping.headerRow - (mapping.firstHeaderRow ?? mapping.headerRow) + 1;
      if (mapping.kind === 'registre' && !hasPole) {
        // The Pôle's header on the header's first row; nothing under it on a second header row.
        rows = rows.map((r, i) => [...r, i === 0 ? POLE_HEADER : i < headerRows ? null : pole]);
      }
      const wanted = mapping.kind === 'registre' ? pole : `${pole} - ${SHEET_KINDS[mapping.kind].label}`;
      const lines = mapping.kind === 'registre' ? file.rowsBySheet?.[mapping.sheet] : undefined;
      plan.push({
        name: uniqueName(wanted, taken),
        kind: mapping.kind,
        source: { file: file.name, sheet: mapping.sheet },
        rows,
        headerRows,
        ...(lines !== undefined ? { lines } : {}),
      });
    }
  }
  return plan;
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'accent' }) === 0;
/** Two spellings of a Pôle as its sheet name would show them: case and repeated spaces aside. */
const samePole = (a: string, b: string) => sameName(a.replace(/\s+/g, ' ').trim(), b.replace(/\s+/g, ' ').trim());

/** The files chosen together, with their Pôles: their sheets are named together (`Pôle Sport`, `Pôle Sport (2)`). */
interface ImportBatch {
  readonly files: readonly Pick<FileRecognition, 'name' | 'sheets' | 'mappings'>[];
  readonly poles: Readonly<Record<string, string>>;
}

/**
 * The sheets an import of `file` as `pole` would be named after that the workbook holds already
 * (names compared as Excel does, case aside): most likely last month's import of the same Pôle.
 * Within a `batch`, the names are those of the batch (a Pôle's second file takes `… (2)`, as when
 * it was imported with the first).
 */
function alreadyImported(
  file: Pick<FileRecognition, 'name' | 'sheets' | 'mappings'>,
  pole: string,
  existing: readonly string[],
  batch?: ImportBatch,
): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const plan = batch?.files.some((f) => f.name === file.name)
    ? importPlan(batch.files, { ...batch.poles, [file.name]: pole }).filter((s) => s.source.file === file.name)
    : importPlan([file], { [file.name]: pole });
  return plan.map((s) => s.name).filter((n) => taken.has(n.toLowerCase()));
}

/** Why a sheet of the workbook that an import would be named after is not replaced by it. */
export type KeptReason = 'modifiée' | 'non importée' | 'autre Pôle';

/** What the workbook holds under the names an import of a Pôle would take. */
export interface EarlierImport {
  /** The workbook's sheets the import would be named after (their names as in the workbook). */
  readonly sheets: readonly string[];
  /** Every one is an import of this Pôle, unchanged since: the import may replace them. */
  readonly replaceable: boolean;
  /** Day of the latest of those imports (ISO), when replaceable. */
  readonly date: string | null;
  /** The sheets that must be kept, and why. */
  readonly kept: readonly KeptSheet[];
}

export interface KeptSheet {
  readonly sheet: string;
  readonly reason: KeptReason;
  /** The recorded import's Pôle and day, when it is one. */
  readonly pole?: string;
  readonly date?: string;
}

/**
 * Whether an import of `file` as `pole` may replace the sheets whose names it would take:
 * only when each is a recorded import of the same Pôle whose content, as read now, still
 * has the fingerprint recorded right after that import. Anything else is kept.
 */
export function earlierImport(
  file: Pick<FileRecognition, 'name' | 'sheets' | 'mappings'>,
  pole: string,
  workbook: readonly SheetGrid[],
  records: readonly ImportRecord[],
  batch?: ImportBatch,
): EarlierImport {
  const names = alreadyImported(file, pole, workbook.map((g) => g.name), batch);
  const kept: KeptSheet[] = [];
  const sheets: string[] = [];
  let date: string | null = null;
  for (const name of names) {
    const grid = workbook.find((g) => g.name.toLowerCase() === name.toLowerCase());
    if (!grid) continue;
    sheets.push(grid.name);
    const record = records.find((r) => r.sheet.toLowerCase() === grid.name.toLowerCase());
    if (!record) kept.push({ sheet: grid.name, reason: 'non importée' });
    else if (!samePole(record.pole, pole)) kept.push({ sheet: grid.name, reason: 'autre Pôle', pole: record.pole, date: record.date });
    else if (record.fingerprint !== sheetFingerprint(grid)) kept.push({ sheet: grid.name, reason: 'modifiée', pole: record.pole, date: record.date });
    else if (date === null || record.date > date) date = record.date;
  }
  const replaceable = sheets.length > 0 && kept.length === 0;
  return { sheets, replaceable, date: replaceable ? date : null, kept };
}

/**
 * The sheets of the workbook recorded as imports of `pole` that none of the files being
 * imported would take (`taken`, names as in the workbook): a companion sheet the Pôle has
 * since removed from its file, or a second file of the Pôle. No import replaces them, and they
 * still count: the lead is told, never are they deleted.
 */
export function otherImportsOfPole(pole: string, workbook: readonly SheetGrid[], records: readonly ImportRecord[], taken: readonly string[]): ImportRecord[] {
  return untakenImports(workbook, records, taken, (r) => samePole(r.pole, pole));
}

/** The recorded imports kept by `keep` whose sheet the workbook holds (named as it shows it) and no file being imported takes. */
function untakenImports(workbook: readonly SheetGrid[], records: readonly ImportRecord[], taken: readonly string[], keep: (r: ImportRecord) => boolean): ImportRecord[] {
  const takenNames = new Set(taken.map((n) => n.toLowerCase()));
  const present = new Map(workbook.map((g) => [g.name.toLowerCase(), g.name]));
  return records.flatMap((r) => {
    const name = present.get(r.sheet.toLowerCase());
    return name !== undefined && !takenNames.has(name.toLowerCase()) && keep(r) ? [{ ...r, sheet: name }] : [];
  });
}

/**
 * The Pôle this file (its name) was last imported as, when that import's sheets are still in the
 * workbook: the name to propose again, so that the import replaces last month's instead of adding a
 * second Pôle beside it (`importsOfFileAsOtherPole` tells when the lead types another).
 */
export function poleOfEarlierImport(file: string, workbook: readonly SheetGrid[], records: readonly ImportRecord[]): string | null {
  const present = new Set(workbook.map((g) => g.name.toLowerCase()));
  const latest = records
    .filter((r) => sameName(r.file, file) && present.has(r.sheet.toLowerCase()))
    .reduce<ImportRecord | null>((a, r) => (a === null || r.date >= a.date ? r : a), null);
  return latest === null ? null : latest.pole;
}

/** Contract numbers of a workbook sheet, read once: every file chosen together is matched against the same sheets. */
const numerosRead = new WeakMap<SheetGrid, readonly string[]>();
function numerosOf(grid: SheetGrid, file: string, today: string): readonly string[] {
  let numeros = numerosRead.get(grid);
  if (numeros === undefined) numerosRead.set(grid, (numeros = recogniseFile({ name: file, sheets: [grid] }, today).numeros ?? []));
  return numeros;
}

/** An earlier import holding most of a file's contracts (`importWithSameContracts`). */
export interface SameContracts {
  readonly pole: string;
  readonly file: string;
  readonly date: string;
  /** This file's contracts found in that import, of `total`. */
  readonly shared: number;
  readonly total: number;
}

/**
 * The Pôle of an earlier import, still in the workbook, that holds at least half of this file's
 * contracts (the most, if several), when no import of the file's name is there: most likely the same
 * Pôle's file renamed (« Ressources - suivi mars 2026.xlsx »), whose import should replace it.
 */
export function importWithSameContracts(
  file: Pick<FileRecognition, 'name' | 'numeros'>,
  workbook: readonly SheetGrid[],
  records: readonly ImportRecord[],
  today: string = todayIso(),
): SameContracts | null {
  const mine = new Set(file.numeros ?? []);
  // A file whose own import is still there is proposed that import's Pôle (`poleOfEarlierImport`).
  if (mine.size === 0 || poleOfEarlierImport(file.name, workbook, records) !== null) return null;
  const poles: { pole: string; file: string; date: string; numeros: Set<string> }[] = [];
  for (const r of records) {
    const grid = r.kind === 'registre' ? workbook.find((g) => g.name.toLowerCase() === r.sheet.toLowerCase()) : undefined;
    if (!grid) continue;
    let entry = poles.find((p) => samePole(p.pole, r.pole));
    if (!entry) poles.push((entry = { pole: r.pole, file: r.file, date: r.date, numeros: new Set() }));
    if (r.date > entry.date) Object.assign(entry, { file: r.file, date: r.date });
    for (const n of numerosOf(grid, r.file, today)) entry.numeros.add(n);
  }
  let best: SameContracts | null = null;
  for (const { pole, file: from, date, numeros } of poles) {
    const shared = [...mine].filter((n) => numeros.has(n)).length;
    if (shared * 2 >= mine.size && (best === null || shared > best.shared)) best = { pole, file: from, date, shared, total: mine.size };
  }
  return best;
}

/**
 * The sheets of the workbook recorded as imports of this same file (its name) for another Pôle
 * than `pole`, that no file being imported would take: most likely last month's import under a
 * Pôle name typed otherwise. The new sheets would not replace them, and their contracts would
 * come twice (the earlier ones winning as doublons).
 */
export function importsOfFileAsOtherPole(
  file: string,
  pole: string,
  workbook: readonly SheetGrid[],
  records: readonly ImportRecord[],
  taken: readonly string[],
): ImportRecord[] {
  return untakenImports(workbook, records, taken, (r) => sameName(r.file, file) && !samePole(r.pole, pole));
}

/**
 * The workbook's sheets once `plan` is imported, `replacing` (plan names) taking the
 * place of the sheets of the same name: what the chain computes on before anything is written.
 */
export function sheetsAfterImport(sheets: readonly SheetGrid[], plan: readonly ImportSheet[], replacing: readonly string[]): SheetGrid[] {
  const replaced = new Map(plan.filter((p) => replacing.includes(p.name)).map((p) => [p.name.toLowerCase(), p]));
  const out = sheets.map((s) => {
    const by = replaced.get(s.name.toLowerCase());
    return by ? importedGrid(by) : s;
  });
  const placed = new Set(sheets.map((s) => s.name.toLowerCase()).filter((n) => replaced.has(n)));
  return [...out, ...plan.filter((p) => !placed.has(p.name.toLowerCase())).map(importedGrid)];
}

/**
 * What an import wrote, to save with the state: each sheet of `plan` with the
 * fingerprint of its content as read back from the workbook (`after`).
 */
export function importRecords(
  plan: readonly ImportSheet[],
  poles: Readonly<Record<string, string>>,
  after: readonly SheetGrid[],
  date: string,
): ImportRecord[] {
  return plan.flatMap((sheet) => {
    const grid = after.find((g) => g.name.toLowerCase() === sheet.name.toLowerCase());
    if (!grid) return [];
    const pole = (poles[sheet.source.file] ?? '').trim() || poleFromFile(sheet.source.file);
    return [{ sheet: grid.name, file: sheet.source.file, pole, kind: sheet.kind, date, fingerprint: sheetFingerprint(grid) }];
  });
}

/**
 * The column choices a Pôle saved for its sheets, moved onto the sheets they
 * become in the consolidated workbook (`file`: its name, when known): same
 * headers, the header now on row 1. Without them, a column the buyer chose by
 * hand (e.g. « Payé » for the mandated spend) would be lost in the import.
 */
export function importedOverrides(
  files: readonly Pick<FileRecognition, 'name' | 'overrides'>[],
  plan: readonly ImportSheet[],
  file?: string,
): MappingOverride[] {
  const out: MappingOverride[] = [];
  for (const sheet of plan) {
    const from = files.find((f) => f.name === sheet.source.file);
    const saved = from?.overrides
      .filter((o) => sameName(o.sheet, sheet.source.sheet) && (o.file === undefined || sameName(o.file.replace(/^.*[\\/]/, ''), from.name)))
      .at(-1);
    if (!saved) continue;
    // Said on one or two rows, the header is on the rows copied: two rows said of a sheet the file
    // read on one (an Excel table since) would take the imported sheet's first contract.
    const rows = saved.headerRows === undefined ? {} : { headerRows: sheet.headerRows === 2 ? (2 as const) : (1 as const) };
    out.push({
      ...(file !== undefined ? { file } : {}),
      sheet: sheet.name,
      // The imported sheet's header starts on its first row.
      ...(saved.headerRow !== undefined ? { headerRow: 1, ...rows } : {}),
      columns: saved.columns,
    });
  }
  return out;
}

/**
 * The Pôles' tag decisions as they apply once their sheets are in the open workbook `file`: as in
 * their own file (`decisionsInForce`), each applies to the rows of its file only. One naming a
 * register sheet of its file (the sheet part of `source`, case aside) follows that sheet: its
 * source becomes `file|imported sheet`. One without source, or naming no register sheet imported
 * from its file (a sheet renamed), applies by numero within its file: it is given once to each
 * register sheet imported from it. A file without register sheet imported brings no decision.
 */
export function importedDecisions(
  files: readonly Pick<FileRecognition, 'name' | 'decisions'>[],
  plan: readonly ImportSheet[],
  file?: string,
): TagDecision[] {
  const out: TagDecision[] = [];
  for (const from of files) {
    const sheets = plan.filter((p) => p.kind === 'registre' && p.source.file === from.name);
    if (sheets.length === 0) continue;
    for (const d of from.decisions) {
      const named = sourceSheet(d.source, from.name);
      const followed = named === null ? undefined : sheets.find((p) => p.source.sheet.toLowerCase() === named.toLowerCase());
      for (const p of followed ? [followed] : sheets) out.push({ ...d, source: `${file ?? ''}|${p.name}` });
    }
  }
  return out;
}

/** An imported sheet as the chain will read it once written (to compute before writing). */
export function importedGrid(sheet: ImportSheet): SheetGrid {
  return { name: sheet.name, firstRow: 1, firstCol: 1, rows: sheet.rows as CellValue[][], tables: [] };
}

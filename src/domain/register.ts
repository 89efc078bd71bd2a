/**
 * From the sheets of one or several workbooks to one register (`regles.md`
 * §1–§4): register sources and companion sheets read in file then sheet order,
 * every row read, judged and tagged, duplicates found across all sources.
 */
import { type CellValue, isBlankCell, type SheetGrid } from './cell';
import type { ChainInput } from './chain';
import {
  ACTIONS_FIELDS,
  CIBLES_FIELDS,
  type FieldDef,
  REGISTER_FIELDS,
  type RegisterFieldId,
  type RegisterValues,
  SAISIES_FIELDS,
  SUIVI_INSERTION_FIELDS,
  type SheetKind,
} from './fields';
import { indicatorDef } from './indicators/catalogue';
import { type CanonicalValues, FIELD_COUNT, fieldPosition, markCanonical, valuesFromSlots } from './indicators/row-view';
import { headerKey, headerText, isBlankRow, recogniseWorkbook } from './mapping';
import type { CompanionRow, Finding, MappingOverride, Register, RegisterRow, RowSource, SheetMapping, Tag } from './model';
import { agreementPartSentence, conflictSentence, differingFields, LotCells, lotColumn } from './conflicts';
import { digitsAt } from './digits';
import { FirstRows } from './first-rows';
import { repairMisdecoded } from './misdecoded';
import { amountScale, stripAccents } from './normalize';
import { followRenamedSheets } from './renamed-sheets';
import { RowStore } from './row-store';
import { cellToText, columnReader, readField } from './read-cell';
import type { DecisionChange, TagDecision } from './state';
import { decisionsInForce, sheetScope, type TaggedRow, tagRow } from './tagging';
import { expectedForm, frenchMessage, gravityOf, type InvalidCell, judgeRow, rowSchema, withheldUnreadableMessage, withUncalculatedCells } from './validation';

interface RegisterOptions {
  /** ISO day of the run. */
  readonly today: string;
  readonly overrides?: readonly MappingOverride[];
  readonly decisions?: readonly DecisionChange[];
  /** Called after each source sheet with rows read so far. */
  readonly onSheet?: (rowsRead: number) => void;
  /** Once every sheet is recognised: how many are read (registers and companions), each then told by `onSheet`. */
  readonly onRecognised?: (sheets: number) => void;
}

const FIELD_SETS: Record<SheetKind, readonly FieldDef[]> = {
  registre: REGISTER_FIELDS,
  suiviInsertion: SUIVI_INSERTION_FIELDS,
  actions: ACTIONS_FIELDS,
  cibles: CIBLES_FIELDS,
  saisies: SAISIES_FIELDS,
};

const NO_INVALID: Partial<Record<RegisterFieldId, InvalidCell>> = Object.freeze({});
const NO_RAW: Partial<Record<RegisterFieldId, CellValue>> = Object.freeze({});

/** Rows read per block: a block's rows stay in cache while each of its columns is read. */
const READ_BLOCK = 256;

const TOTAL_WORDS = new Set(['total', 'sous-total', 'sous total', 'total général', 'total general', 'totaux']);

function isTotalText(cell: CellValue | undefined): boolean {
  if (typeof cell !== 'string') return false;
  // Called on every numero: every total word starts with t or s, most numeros with a digit.
  const first = cell.trimStart().charCodeAt(0) | 0x20;
  if (first !== 0x73 && first !== 0x74) return false;
  // Spaces as the buyer sees them: a no-break (U+00A0, U+202F) or doubled space is a space; an export's
  // `TOTAL GÃ‰NÃ‰RAL` mis-decoded by Excel is « Total général ».
  const t = repairMisdecoded(cell).trim().toLowerCase().replace(/\s+/g, ' ').replace(/ ?:$/, '');
  return TOTAL_WORDS.has(t);
}

/** What the command line and the preview add to a workbook's name for the one they write. */
export const RESULT_SUFFIX = ' - SPASER';
const RESULT_NAME_END = / - SPASER(?: \(\d+\))?$/i;

/**
 * File name without folder and extension: the Pôle of rows with no `pole` cell. Accents in
 * their composed form, as typed in a cell (a name from macOS decomposes « ô »): one Pôle.
 * A result written by the add-in (`Pôle A - SPASER.xlsx`), worked on the next week or sent
 * to the lead, keeps the Pôle of the workbook it came from.
 */
export function poleFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const name = base.replace(/\.(xlsx|xlsm|xls)$/i, '').normalize('NFC');
  return withoutResultSuffix(name);
}

/** A name (no extension) without the ends our results add, a browser's second download too (`Pôle A - SPASER (1)`). */
export function withoutResultSuffix(name: string): string {
  let out = name;
  for (let m = RESULT_NAME_END.exec(out); m !== null && m.index > 0; m = RESULT_NAME_END.exec(out)) out = out.slice(0, m.index);
  return out === name ? name : out.trim() || name;
}

/** Last sheet row of the table whose header is at `headerRow`, or of the grid. */
function lastRowOf(grid: SheetGrid, headerRow: number): number {
  const table = grid.tables.find((t) => t.headerRow === headerRow);
  return table ? table.lastRow : grid.firstRow + grid.rows.length - 1;
}

interface SheetColumns {
  readonly defs: { readonly def: FieldDef; readonly col: number; readonly header: string }[];
  readonly mapped: ReadonlySet<string>;
}

function sheetColumns(mapping: SheetMapping, kind: SheetKind): SheetColumns {
  const byId = new Map(FIELD_SETS[kind].map((d) => [d.id, d] as const));
  const defs = mapping.columns.flatMap((c) => {
    const def = byId.get(c.field);
    return def ? [{ def, col: c.col, header: c.header }] : [];
  });
  return { defs, mapped: new Set(defs.map((d) => d.def.id)) };
}

/** The sheet rows that may hold data: below the header, to the end of its table or grid. */
function dataRange(grid: SheetGrid, mapping: SheetMapping): { readonly first: number; readonly last: number } {
  return { first: mapping.headerRow + 1, last: lastRowOf(grid, mapping.headerRow) };
}

/** The cells of a sheet row when it is a data row: present and with a mapped cell filled (else null). */
function dataCells(grid: SheetGrid, cols: SheetColumns, sheetRow: number): readonly CellValue[] | null {
  const cells = grid.rows[sheetRow - grid.firstRow];
  if (!cells) return null;
  for (const d of cols.defs) if (!isBlankCell(cells[d.col - grid.firstCol])) return cells;
  return null;
}

/** A header cell's text as the mapping compares headers (case, accents, spaces, `n°` forms aside); null for no text. */
function retypedHeader(cell: CellValue | undefined): string | null {
  return typeof cell === 'string' ? headerKey(headerText(cell)) : null;
}

/**
 * First letter of a text, lower case and without its accent (as `headerKey` compares: `ECONOMIE` copies
 * `Économie`): most contract rows differ from the header there already.
 */
function firstLetter(text: string): string {
  return stripAccents(text.trimStart().charAt(0).toLowerCase()).charAt(0);
}

/**
 * The rows of a register kept as stacked sections (one block per kind of purchase, README « Choix
 * faits ») that are its layout, not contracts: a copy of the header row (every filled mapped cell
 * is its column's header text, at least three of them) and the section title right above such a
 * copy (empty rows aside: a row holding one text only). Null when there is none.
 */
function layoutRows(grid: SheetGrid, cols: SheetColumns, headerRow: number, first: number, last: number): Set<number> | null {
  const headerCells = grid.rows[headerRow - grid.firstRow];
  if (!headerCells) return null;
  const keys = cols.defs.map((d) => {
    const cell = headerCells[d.col - grid.firstCol];
    const first = typeof cell === 'string' ? firstLetter(cell) : '';
    return { offset: d.col - grid.firstCol, key: retypedHeader(cell), first, lower: first.charCodeAt(0), upper: first.toUpperCase().charCodeAt(0) };
  });
  let layout: Set<number> | null = null;
  for (let sheetRow = first; sheetRow <= last; sheetRow++) {
    const cells = grid.rows[sheetRow - grid.firstRow];
    if (!cells || !repeatsHeader(cells, keys)) continue;
    layout ??= new Set();
    layout.add(sheetRow);
    let above = sheetRow - 1;
    while (above >= first && isBlankRow(grid, above)) above--;
    if (above >= first && !layout.has(above) && isTitleRow(grid.rows[above - grid.firstRow])) layout.add(above);
  }
  return layout;
}

interface HeaderKey {
  readonly offset: number;
  readonly key: string | null;
  /** The header's first letter, lower case, and the codes of its two cases (NaN when none). */
  readonly first: string;
  readonly lower: number;
  readonly upper: number;
}

function repeatsHeader(cells: readonly CellValue[], keys: readonly HeaderKey[]): boolean {
  let same = 0;
  for (const { offset, key, first, lower, upper } of keys) {
    const cell = cells[offset];
    if (cell === null || cell === undefined) continue;
    // Most rows are contracts: their first filled cell already differs (no text, or another first letter).
    if (typeof cell !== 'string') return false;
    // Read on every row of every register: an ASCII first character decides without a new string.
    const code = cell.charCodeAt(0);
    if (code > 32 && code < 128 && code !== lower && code !== upper) return false;
    if (isBlankCell(cell)) continue;
    if (key === null || firstLetter(cell) !== first || retypedHeader(cell) !== key) return false;
    same++;
  }
  return same >= 3;
}

/**
 * One text in the whole row, and not a total (a totals row is told apart on its own) nor a contract
 * begun by its number alone (`T-02`, `2025/17`: a digit and no space), which stays a row in error.
 */
function isTitleRow(cells: readonly CellValue[] | undefined): boolean {
  if (cells === undefined) return false;
  const filled = cells.filter((c) => !isBlankCell(c ?? null));
  if (filled.length !== 1 || typeof filled[0] !== 'string') return false;
  const text = filled[0].trim();
  return !isTotalText(text) && !(/[0-9]/.test(text) && !/\s/.test(text));
}

export function buildRegister(inputs: readonly ChainInput[], options: RegisterOptions): Register {
  const schema = rowSchema(options.today);
  // Every input recognised first: a decision applies by the register sheets of its input.
  const recognisedByInput = inputs.map((input) => recogniseWorkbook(input.file, input.sheets, mergeOverrides(input, options.overrides ?? [])));
  const { bySheet: decisions } = decisionsInForce(inputs, recognisedByInput.map(registerSheets), options.decisions);
  options.onRecognised?.(recognisedByInput.reduce((n, r) => n + r.length, 0));

  const rows: RegisterRow[] = [];
  const mappings: SheetMapping[] = [];
  const otherFindings: Finding[] = [];
  const suiviInsertion: CompanionRow<never>[] = [];
  const actions: CompanionRow<never>[] = [];
  const cibles: CompanionRow<never>[] = [];
  const saisies: CompanionRow<never>[] = [];
  const companions: Record<Exclude<SheetKind, 'registre'>, CompanionRow<never>[]> = { suiviInsertion, actions, cibles, saisies };
  /** First row of each (year, numero), for `doublon`. */
  const firstByKey = new FirstRows<number>();
  /** The rows' values as columns (rows build their values object only when asked). */
  const store = new RowStore();
  /** Lot cells of the sheets with a lot column, for the doublons' messages. */
  const lotCells = new LotCells();
  const doublons: { readonly row: RowSource; readonly first: RowSource }[] = [];

  for (let inputIndex = 0; inputIndex < inputs.length; inputIndex++) {
    const input = inputs[inputIndex];
    const recognised = recognisedByInput[inputIndex];
    mappings.push(...recognised);
    for (const mapping of recognised) {
      const grid = input.sheets.find((s) => s.name === mapping.sheet);
      if (!grid) continue;
      const cols = sheetColumns(mapping, mapping.kind);
      if (mapping.kind === 'registre') {
        readRegisterSheet(input.file, grid, mapping, cols, schema, decisions, sheetScope(inputIndex, grid.name), rows, firstByKey, store, lotCells, doublons);
      } else {
        readCompanionSheet(input.file, grid, mapping, cols, companions[mapping.kind], otherFindings);
      }
      options.onSheet?.(rows.length);
    }
  }

  markCanonical(rows, store);
  return {
    rows,
    suiviInsertion,
    actions,
    cibles,
    saisies,
    mappings,
    otherFindings,
    doublons,
    has: {
      suiviInsertion: mappings.some((m) => m.kind === 'suiviInsertion'),
      actions: mappings.some((m) => m.kind === 'actions'),
      cibles: mappings.some((m) => m.kind === 'cibles'),
      saisies: mappings.some((m) => m.kind === 'saisies'),
    },
  };
}

/** The names of the register sheets among `mappings`. */
export function registerSheets(mappings: readonly SheetMapping[]): string[] {
  return mappings.filter((m) => m.kind === 'registre').map((m) => m.sheet);
}

/** Mappings saved in the workbook, replaced sheet by sheet by the explicit ones. */
export function mergeOverrides(input: ChainInput, explicit: readonly MappingOverride[]): MappingOverride[] {
  const mine = explicit.filter((o) => o.file === undefined || o.file === input.file);
  const followed = followRenamedSheets(input.state?.mappings ?? [], input.sheets, mine.map((o) => o.sheet));
  const saved = followed.filter((s) => !mine.some((o) => o.sheet === s.sheet));
  return [...saved, ...mine];
}


function readRegisterSheet(
  file: string,
  grid: SheetGrid,
  mapping: SheetMapping,
  cols: SheetColumns,
  schema: ReturnType<typeof rowSchema>,
  decisions: ReadonlyMap<string, TagDecision['decision']>,
  /** The sheet's prefix of the keys of `decisions` (`sheetScope`). */
  scope: string,
  rows: RegisterRow[],
  firstByKey: FirstRows<number>,
  store: RowStore,
  lotCells: LotCells,
  doublons: { readonly row: RowSource; readonly first: RowSource }[],
): void {
  const mapped = cols.mapped as ReadonlySet<RegisterFieldId>;
  const columns: Partial<Record<RegisterFieldId, { header: string; col: number }>> = {};
  for (const d of cols.defs) columns[d.def.id as RegisterFieldId] = { header: d.header, col: d.col };
  const filePole = poleFromFile(file);
  // Formulas saved without their result (a file written by a program): their rows' controls say so.
  const uncalculated = grid.uncalculatedCells !== undefined ? new Set(grid.uncalculatedCells) : null;

  const defs = cols.defs.map((d) => d.def);
  const readers = defs.map((d) => columnReader(d, grid.date1904 === true));
  const ids = defs.map((d) => d.id as RegisterFieldId);
  const offsets = cols.defs.map((d) => d.col - grid.firstCol);
  const scales = cols.defs.map(scaleOf);
  const positions = ids.map(fieldPosition);
  const slots: unknown[] = new Array(FIELD_COUNT).fill(undefined);
  const numeroOffset = columns.numero ? columns.numero.col - grid.firstCol : -1;
  // Lots kept under one numero: the doublon's message says so (`lotsSentence`), its first row
  // being of any sheet. Only a sheet with a lot column keeps its rows' lot cells; a row without
  // one (no column, an empty cell) has its lot read in its objet, which the store keeps.
  const lot = lotColumn(mapping);
  const lotOffset = lot ? lot.col - grid.firstCol : -1;
  const lotsHere = lot ? lotCells.sheet(rows.length, lot.header) : null;

  // What `judgeRow` shows of a cell, for the row being read: one closure per sheet, not per row.
  let cells: readonly CellValue[] = [];
  const displayOf = (f: RegisterFieldId): string => {
    const col = columns[f]?.col;
    return col === undefined ? '' : cellToText(cells[col - grid.firstCol] ?? null);
  };

  // Blocks of rows read one column at a time (see `columnReader`), then built row by row,
  // then stored column by column.
  /** This block's doublons, whose message waits for the block's values to be stored. */
  const duplicates: { readonly finding: { message: string; readonly valeurLue: string | null }; readonly index: number; readonly first: number }[] = [];
  const at = new Int32Array(READ_BLOCK);
  /** Block index of each row kept (totals rows are not). */
  const kept = new Int32Array(READ_BLOCK);
  const read: unknown[][] = defs.map(() => new Array<unknown>(READ_BLOCK).fill(undefined));
  const { first, last } = dataRange(grid, mapping);
  const layout = layoutRows(grid, cols, mapping.headerRow, first, last);
  store.reserve(Math.max(0, last - first + 1), positions);
  const { lo: storeLo, hi: storeHi } = store;
  for (let start = first; start <= last; start += READ_BLOCK) {
    const end = Math.min(last, start + READ_BLOCK - 1);
    let count = 0;
    for (let sheetRow = start; sheetRow <= end; sheetRow++) {
      if (dataCells(grid, cols, sheetRow) !== null && !layout?.has(sheetRow)) at[count++] = sheetRow - grid.firstRow;
    }
    for (let k = 0; k < defs.length; k++) {
      readers[k](grid.rows, at, count, offsets[k], read[k]);
      if (scales[k] !== 1) scaleAmounts(read[k], count, scales[k]);
    }
    const base = rows.length;
    let keptCount = 0;
    for (let i = 0; i < count; i++) {
      const sheetRow = at[i] + grid.firstRow;
      cells = grid.rows[at[i]] as readonly CellValue[];
      let invalid: Partial<Record<RegisterFieldId, InvalidCell>> = NO_INVALID;
      let raw: Partial<Record<RegisterFieldId, CellValue>> = NO_RAW;
      // Filled fields as the engine's masks (bit = position), set as slots are filled.
      let lo = 0;
      let hi = 0;
      for (let k = 0; k < defs.length; k++) {
        const out = read[k][i];
        if (out === undefined) continue;
        if (typeof out !== 'object') {
          const p = positions[k];
          slots[p] = out;
          if (p < 32) lo |= 1 << p;
          else hi |= 1 << (p - 32);
        } else {
          if (invalid === NO_INVALID) {
            invalid = {};
            raw = {};
          }
          invalid[ids[k]] = out as InvalidCell;
          raw[ids[k]] = cells[offsets[k]];
        }
      }
      // The values object of this row, for the checks below only: the store keeps the values.
      const values = valuesFromSlots(slots);
      for (let k = 0; k < positions.length; k++) slots[positions[k]] = undefined;
      const numeroCell = numeroOffset >= 0 ? (cells[numeroOffset] ?? null) : null;
      // Empty: nothing read, and nothing unreadable either (an error value is not an empty numero).
      if (isTotalsRow(numeroCell, values.numero === undefined && invalid.numero === undefined, cells)) continue;

      const v = values as RegisterValues;
      const source: RowSource = { file, sheet: grid.name, row: sheetRow };
      const tagged = tagRow(v, decisions, scope);
      const judged = { source, values: v, mapped, invalid, columns, pendingSuggestions: tagged.pending };
      let findings = judgeRow(judged, schema, displayOf);
      if (uncalculated !== null && findings.length > 0) findings = withUncalculatedCells(findings, judged, uncalculated);
      const annee = v.dateNotification !== undefined ? yearOf(v.dateNotification) : null;
      const index = base + keptCount;
      if (v.numero !== undefined && annee !== null) {
        const firstRow = firstByKey.firstOrAdd(annee, v.numero, index);
        if (firstRow !== undefined) {
          const firstSource = rows[firstRow].source;
          const where =
            firstSource.file === file
              ? `à la ligne ${firstSource.row} de la feuille « ${firstSource.sheet} »`
              : `à la ligne ${firstSource.row} de la feuille « ${firstSource.sheet} » du classeur « ${firstSource.file} »`;
          const header = columns.numero?.header ?? null;
          const duplicate: { -readonly [K in keyof Finding]: Finding[K] } = {
            gravite: gravityOf('doublon'),
            code: 'doublon',
            // Completed once the block is stored (see below): the earlier row may be of this block.
            message: frenchMessage('doublon', source, header, v.numero, where),
            source,
            colonne: header,
            col: columns.numero?.col ?? null,
            valeurLue: v.numero,
          };
          findings = [...findings, duplicate];
          duplicates.push({ finding: duplicate, index, first: firstRow });
          doublons.push({ row: source, first: firstSource });
        }
      }
      rows.push(new StoredRow(store, index, source, mapped, raw, v.pole?.trim() || filePole, annee, findings, findings.some(isError), tagged));
      storeLo[index] = lo;
      storeHi[index] = hi;
      if (lotsHere !== null) lotsHere.push(cells[lotOffset] ?? null);
      kept[keptCount++] = i;
    }
    // The kept rows' values, column by column.
    for (let k = 0; k < defs.length; k++) store.putBlock(positions[k], base, read[k], kept, keptCount);
    store.size = rows.length;
    // A double entry or a conflict to arbitrate: each doublon says which (spec README, the lead
    // « sees duplicates and conflicts »). Both rows are in the store now; rare rows, built only here.
    for (const dup of duplicates) {
      const later = rows[dup.index];
      const earlier = rows[dup.first];
      const lots = lotCells.sentence(dup.index, dup.first, dup.finding.valeurLue ?? '', (i) => store.valueAt(fieldPosition('objet'), i));
      dup.finding.message +=
        conflictSentence(
          differingFields(
            { value: (id) => store.valueAt(fieldPosition(id), dup.index), mapped: later.mapped, raw: later.raw },
            { value: (id) => store.valueAt(fieldPosition(id), dup.first), mapped: earlier.mapped, raw: earlier.raw },
            (id) => columns[id]?.header,
          ),
          lots !== '',
        ) + (lots !== '' ? lots : agreementPartSentence(store.valueAt(fieldPosition('objet'), dup.index), dup.finding.valeurLue ?? ''));
    }
    duplicates.length = 0;
  }
}

/**
 * A register row read from a sheet: its values live in the register's store and
 * are built into an object on first use. The store and that object are private
 * fields, so a row copies, compares and prints as plain data.
 */
class StoredRow implements RegisterRow {
  readonly #store: RowStore;
  #values: CanonicalValues | undefined = undefined;
  readonly tags: readonly Tag[];
  readonly sociale: boolean;
  readonly environnementale: boolean;
  readonly innovation: boolean;
  constructor(
    store: RowStore,
    readonly index: number,
    readonly source: RowSource,
    readonly mapped: ReadonlySet<RegisterFieldId>,
    readonly raw: Partial<Record<RegisterFieldId, CellValue>>,
    readonly pole: string,
    readonly annee: number | null,
    readonly findings: readonly Finding[],
    readonly hasError: boolean,
    tagged: TaggedRow,
  ) {
    this.#store = store;
    this.tags = tagged.tags;
    this.sociale = tagged.sociale;
    this.environnementale = tagged.environnementale;
    this.innovation = tagged.innovation;
  }
  get values(): RegisterValues {
    return (this.#values ??= this.#store.valuesAt(this.index));
  }
}

/** What one unit of the column is worth in euros: 1000 for an amount under `(k€)` (`amountScale`), else 1. */
function scaleOf(d: { readonly def: FieldDef; readonly header: string }): number {
  return d.def.type === 'montant' ? amountScale(d.header) : 1;
}

/** An amount typed in thousands or millions, in euros to the cent (`1,1 k€` is 1 100 €, not 1 100,000…02). */
function inEuros(n: number, scale: number): number {
  return scale === 1 ? n : Math.round(n * scale * 100) / 100;
}

function scaleAmounts(read: unknown[], count: number, scale: number): void {
  for (let i = 0; i < count; i++) {
    const v = read[i];
    if (typeof v === 'number') read[i] = inEuros(v, scale);
  }
}

/** The year of an ISO date, its digits read in place (`Number(iso.slice(0, 4))` otherwise). */
function yearOf(iso: string): number {
  const y = digitsAt(iso, 0, 4);
  return y >= 0 ? y : Number(iso.slice(0, 4)); // NaN past the end
}

const isError = (f: Finding): boolean => f.gravite === 'erreur';

/**
 * A totals row, skipped silently (`regles.md` §1): no numero (`Sous-total` typed
 * in the numero column is not one either; sheets without that column have none)
 * and a cell whose whole text is a total word.
 */
function isTotalsRow(numeroCell: CellValue, numeroEmpty: boolean, cells: readonly CellValue[]): boolean {
  return (numeroEmpty || isTotalText(numeroCell)) && cells.some(isTotalText);
}

/**
 * `12 %` typed as text for an indicator in % is 12: its unit is the percent (0–100, `sortie.md`),
 * as a number shown `12 %` by its format is (README). Any other indicator keeps the sign unreadable.
 */
const PERCENT_NUMBER = SAISIES_FIELDS.find((f) => f.id === 'valeur') as FieldDef;

function percentOfPercentIndicator(cell: CellValue, idCell: CellValue): number | null {
  if (typeof cell !== 'string' || typeof idCell !== 'string') return null;
  if (indicatorDef(idCell.trim())?.unite !== '%') return null;
  const m = /^\s*([^%]*?)\s*%\s*$/.exec(cell.replace(/[\u00a0\u202f]/g, ' '));
  if (m === null || m[1] === '') return null;
  const n = readField(PERCENT_NUMBER, m[1]);
  return n.kind === 'value' && typeof n.value === 'number' ? n.value : null;
}

function readCompanionSheet(
  file: string,
  grid: SheetGrid,
  mapping: SheetMapping,
  cols: SheetColumns,
  into: CompanionRow<never>[],
  findings: Finding[],
): void {
  const { first, last } = dataRange(grid, mapping);
  const numero = cols.defs.find((d) => d.def.id === 'numero');
  const indicateur = mapping.kind === 'cibles' || mapping.kind === 'saisies' ? cols.defs.find((d) => d.def.id === 'indicateur') : undefined;
  // A Suivi insertion row is about one person: its unreadable texts are not repeated.
  const personal = mapping.kind === 'suiviInsertion';
  const layout = layoutRows(grid, cols, mapping.headerRow, first, last);
  for (let sheetRow = first; sheetRow <= last; sheetRow++) {
    const cells = dataCells(grid, cols, sheetRow);
    if (cells === null || layout?.has(sheetRow)) continue;
    const numeroCell = numero === undefined ? null : (cells[numero.col - grid.firstCol] ?? null);
    if (isTotalsRow(numeroCell, isBlankCell(numeroCell), cells)) continue;
    const values: Record<string, unknown> = {};
    const source: RowSource = { file, sheet: grid.name, row: sheetRow };
    let bad = false;
    for (const d of cols.defs) {
      const cell = cells[d.col - grid.firstCol] ?? null;
      let out = readField(d.def, cell, grid.date1904 === true);
      if (out.kind === 'invalid' && (d.def.id === 'valeur' || d.def.id === 'cible') && indicateur !== undefined) {
        const n = percentOfPercentIndicator(cell, cells[indicateur.col - grid.firstCol] ?? null);
        if (n !== null) out = { kind: 'value', value: n };
      }
      if (out.kind === 'value') values[d.def.id] = typeof out.value === 'number' ? inEuros(out.value, scaleOf(d)) : out.value;
      else if (out.kind === 'invalid') {
        bad = true;
        const hint = expectedForm(d.def, out.reason, out.shown, d.header);
        findings.push({
          gravite: 'erreur',
          code: 'valeur-illisible',
          message: (personal ? withheldUnreadableMessage(source, d.header, hint) : frenchMessage('valeur-illisible', source, d.header, out.shown, hint)) + ' La ligne est écartée.',
          source,
          colonne: d.header,
          col: d.col,
          valeurLue: personal ? null : out.shown,
        });
      }
    }
    if (!bad) into.push({ source, values: values as never, mapped: cols.mapped });
  }
}

/**
 * The plan of the `SPASER …` sheets (`sortie.md`), built from the register and
 * the results as plain data. Pure and deterministic: the same input gives a
 * deep-equal plan, which both adapters write as it is.
 */
import { fixedNumber, frenchCompare, frenchDate, frenchNumber, NBSP, wrapLines } from './french-text';
import { CONSIDERATION_IDS, NATIONAL_REFERENCE, nationalReferenceText } from './national-reference';

export { frenchNumber };
import { categoryLabel, orderedCategories } from './categories';
import { digitsRow, rowDecimals, spendText, writtenChange } from './change';
import { cellAddress, type CellValue, isCalendarDate, isCellError } from './cell';
import { type FieldDef, REGISTER_FIELDS, type RegisterFieldId } from './fields';
import type { Finding, IndicatorResult, Register, RegisterRow, Repartition, SpaserResult, Unite } from './model';
import type { PoleBreakdowns } from './indicators/engine';
import { fieldOfRows } from './indicators/row-view';
import {
  type BlockPlan,
  type ChartAltText,
  type ChartKind,
  type ChartPlan,
  FORMAT_AMOUNT,
  FORMAT_DATE,
  FORMAT_DECIMAL,
  FORMAT_EURO,
  FORMAT_INTEGER,
  FORMAT_NUMBER,
  FORMAT_PERCENT,
  type LinkPlan,
  type PlanValue,
  LINE_HEIGHT,
  type PrintFooter,
  type PrintMargins,
  type PrintPlan,
  type TallRow,
  SHEET_CONTROLES,
  SHEET_ETAT,
  SHEET_INDICATEURS,
  SHEET_POLES,
  SHEET_REGISTRE,
  type SheetPlan,
  type WritePlan,
} from './plan-types';
import type { SavedState } from './state';
import { STATE_SHEET_NOTE, serializeState } from './state-sheet';

export interface PlanInput {
  readonly register: Register;
  readonly result: SpaserResult;
  readonly state: SavedState;
  /** Name of the workbook the plan is written into (file name or workbook name). */
  readonly workbookName: string;
  /** Sheets of that same workbook: links are made only to them. */
  readonly sourceSheetsInWorkbook: ReadonlySet<string>;
  /** Zones and company sizes by Pôle (`evaluateIndicators`), written under `SPASER Pôles`' table. */
  readonly poleBreakdowns?: PoleBreakdowns;
  /** The run's remarks on what the figures rest on (`ChainOutput.notices` but the state's), above the indicators. */
  readonly remarks?: readonly string[];
  /** Day of the run, ISO `aaaa-mm-jj`: printed at the foot of each page, for the figures are of that day. */
  readonly today?: string;
}

export function buildPlan(input: PlanInput): WritePlan {
  const { register, result } = input;
  const sheets: SheetPlan[] = [
    registerSheet(register),
    controlsSheet(register, input.workbookName, input.sourceSheetsInWorkbook),
    indicatorsSheet(register, result, input.remarks ?? []),
  ];
  const poles = polesSheet(result, input.poleBreakdowns ?? new Map());
  if (poles) sheets.push(poles);
  sheets.push(stateSheetPlan(input.state));
  const footer = printFooter(input.today);
  return { sheets: sheets.map(withTallRows).map((s) => (s.print ? { ...s, print: { ...s.print, footer } } : s)) };
}

/** A printed page says which sheet it is, which page of how many, and the day the figures were computed. */
function printFooter(today: string | undefined): PrintFooter {
  return { left: '&A', center: 'Page &P sur &N', right: today ? `Calcul du ${frenchDate(today)}` : '' };
}

/** Number of charts `buildPlan` draws for these results (feeds `1.1.2-dataviz` before the plan exists). */
export function plannedChartCount(register: Register, result: SpaserResult): number {
  return chartSpecs(register, result).length;
}

/** An Excel table name from a sheet name: letters, digits and underscores only. */
export function tableName(sheetName: string): string {
  const ascii = sheetName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (ascii === '') return 'Table_SPASER';
  return /^[A-Za-z_]/.test(ascii) ? ascii : `T_${ascii}`;
}

// ---------------------------------------------------------------------------
// French text of numbers, dates and raw cells


/** What a source cell held, as text, for a value that could not be read. */
function rawText(raw: CellValue | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw;
  if (typeof raw === 'number') return String(raw).replace('.', ',');
  if (typeof raw === 'boolean') return raw ? 'VRAI' : 'FAUX';
  if (isCalendarDate(raw)) return frenchDate(raw.date);
  if (isCellError(raw)) return raw.error;
  return null;
}

function ouiNon(b: boolean): string {
  return b ? 'oui' : 'non';
}

function clampWidth(n: number, min = 8, max = 60): number {
  return Math.max(min, Math.min(max, Math.ceil(n)));
}

function displayLength(v: PlanValue): number {
  if (v === null) return 0;
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number') return frenchNumber(v).length + 2;
  if (typeof v === 'boolean') return 4;
  return 10;
}

/** Decimals each number format shows (`FORMAT_PERCENT` and `FORMAT_DECIMAL` are the same code). */
const FORMAT_DECIMALS: Readonly<Record<string, number>> = {
  [FORMAT_EURO]: 2,
  [FORMAT_AMOUNT]: 2,
  [FORMAT_PERCENT]: 1,
  [FORMAT_NUMBER]: 0,
  [FORMAT_INTEGER]: 0,
};

/** Characters a number takes as its format shows it (`12 345,60 €`): a narrower column shows `###` in Excel. */
function shownNumberLength(v: number, format: string | null | undefined): number {
  const decimals = format ? FORMAT_DECIMALS[format] : undefined;
  if (decimals === undefined) return frenchNumber(v).length;
  return fixedNumber(v, decimals).length + (format === FORMAT_EURO ? 2 : 0);
}

/**
 * The widths widened so that every number of the blocks fits as formatted (Excel shows a number
 * that does not as `###`, where a text only runs into the next cell); texts do not widen a column.
 */
function widthsFittingNumbers(widths: readonly number[], blocks: readonly BlockPlan[]): number[] {
  const out = [...widths];
  for (const b of blocks) {
    b.values.forEach((line) =>
      line.forEach((v, j) => {
        if (typeof v !== 'number') return;
        const c = b.col - 1 + j;
        // Two characters of margin: Excel's padding, the minus sign's width.
        out[c] = Math.max(out[c] ?? 0, clampWidth(shownNumberLength(v, b.formats?.[j]) + 2, 8, 30));
      }),
    );
  }
  return out;
}

/**
 * Lines Excel wraps a text into in a column `width` characters wide (a long word breaks too); at most 20.
 * A width counts digits: a line holds about a tenth more letters of running French text, as many of a
 * header's bold ones (« Fournisseurs (%) » took two lines of a column 15 wide).
 */
function wrappedLineCount(text: string, width: number, bold = false): number {
  const letters = Math.floor(bold ? width : width * 1.1);
  let n = 0;
  for (const part of text.split('\n')) for (const line of wrapLines(part, letters)) n += Math.ceil(line.length / letters);
  return Math.min(20, Math.max(1, n));
}

/**
 * The rows of `normal` blocks whose text in a wrapped column takes more than one line, and of headers
 * (wrapped in every column): a header of a narrow column below the indicators, « Part de la dépense (%) »,
 * printed its second line over the table's title above it.
 */
function tallRows(widths: readonly number[], blocks: readonly BlockPlan[], wrapColumns: readonly number[]): TallRow[] {
  const rows: TallRow[] = [];
  for (const b of blocks) {
    const style = b.style ?? 'normal';
    if (style !== 'normal' && style !== 'entete') continue;
    const columns = style === 'entete' ? b.values[0].map((_, k) => b.col + k) : wrapColumns;
    b.values.forEach((line, i) => {
      let lines = 1;
      for (const c of columns) {
        const v = line[c - b.col];
        if (typeof v === 'string') lines = Math.max(lines, wrappedLineCount(v, widths[c - 1] ?? 8, style === 'entete'));
      }
      if (lines > 1) rows.push({ row: b.row + i, lines });
    });
  }
  return rows;
}

/** A sheet with its wrapped columns' tall rows. */
function withTallRows(sheet: SheetPlan): SheetPlan {
  const rows = tallRows(sheet.widths, sheet.blocks, sheet.wrapColumns ?? []);
  return rows.length > 0 ? { ...sheet, tallRows: rows } : sheet;
}

/** Wide tables print on A4 in landscape, one page wide, their header atop each page. */
const PRINT_TABLE: PrintPlan = { landscape: true, fitToWidth: true, repeatRow: 1 };

/** Distinct header texts, as an Excel table requires. */
function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h) => {
    let name = h;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${h} (${i})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

// ---------------------------------------------------------------------------
// SPASER Registre

const REGISTER_EXTRA_HEADERS = [
  'Considération sociale',
  'Considération environnementale',
  'Innovation',
  'Étiquettes',
  'Statut',
  'Exercice',
  'Source',
] as const;

/** Rows sampled to size the columns, so that a huge register costs no more than a small one. */
const WIDTH_SAMPLE_ROWS = 500;

/** The canonical fields written: those mapped by at least one source sheet, in `champs.md` order. */
function registerColumns(register: Register): readonly FieldDef<RegisterFieldId>[] {
  const mapped = new Set<string>();
  for (const row of register.rows) for (const id of row.mapped) mapped.add(id);
  for (const m of register.mappings) if (m.kind === 'registre') for (const c of m.columns) mapped.add(c.field);
  return REGISTER_FIELDS.filter((d) => mapped.has(d.id));
}

function registerCell(row: RegisterRow, def: FieldDef<RegisterFieldId>, v: unknown): PlanValue {
  if (v !== undefined && v !== null) {
    switch (def.type) {
      case 'booleen':
        return ouiNon(v === true);
      case 'date':
        return { date: String(v) };
      case 'montant':
      case 'entier':
      case 'nombre':
        return typeof v === 'number' ? v : String(v);
      default:
        return String(v);
    }
  }
  return rawText(row.raw[def.id]);
}

function formatOfField(def: FieldDef): string | null {
  switch (def.type) {
    case 'montant':
      return FORMAT_EURO;
    case 'date':
      return FORMAT_DATE;
    case 'entier':
      return FORMAT_INTEGER;
    default:
      return null;
  }
}

function tagsText(row: RegisterRow): string {
  return row.tags.map((t) => `${t.etiquette} (${t.origine})`).join(' ; ');
}

function rowStatus(row: RegisterRow): 'OK' | 'Avertissement' | 'Erreur' {
  if (row.hasError || row.findings.some((f) => f.gravite === 'erreur')) return 'Erreur';
  return row.findings.length > 0 ? 'Avertissement' : 'OK';
}

function sourceText(source: { file: string; sheet: string; row: number }): string {
  return `${source.file} › ${source.sheet} › ligne ${source.row}`;
}

function registerSheet(register: Register): SheetPlan {
  const fields = registerColumns(register);
  const headers = uniqueHeaders([...fields.map((d) => d.label), ...REGISTER_EXTRA_HEADERS]);
  const formats: (string | null)[] = [
    ...fields.map(formatOfField),
    null,
    null,
    null,
    null,
    null,
    FORMAT_INTEGER,
    null,
  ];
  // A row's Pôle is its own cell, else its file's name (the Pôle its indicators are counted under).
  const valuesOf = fields.map((d) => (d.id === 'pole' ? (i: number) => register.rows[i].pole : fieldOfRows(register.rows, d.id)));
  const rows: PlanValue[][] = register.rows.map((row, i) => [
    ...fields.map((d, k) => registerCell(row, d, valuesOf[k](i))),
    ouiNon(row.sociale),
    ouiNon(row.environnementale),
    ouiNon(row.innovation),
    tagsText(row),
    rowStatus(row),
    row.annee,
    sourceText(row.source),
  ]);
  const widths = headers.map((h, c) => {
    let w = h.length + 3; // room for the filter button
    for (let r = 0; r < Math.min(rows.length, WIDTH_SAMPLE_ROWS); r++) w = Math.max(w, displayLength(rows[r][c]) + 1);
    return clampWidth(w);
  });
  const blocks: BlockPlan[] = [{ row: 1, col: 1, values: [headers], style: 'entete' }];
  if (rows.length > 0) blocks.push({ row: 2, col: 1, values: rows, formats, style: 'normal' });
  return {
    name: SHEET_REGISTRE,
    visibility: 'visible',
    widths,
    blocks,
    // An Excel table needs a data row: an empty register keeps one blank row.
    tables: [{ name: tableName(SHEET_REGISTRE), row: 1, col: 1, rowCount: Math.max(2, rows.length + 1), colCount: headers.length }],
    links: [],
    charts: [],
    freezeRows: 1,
    // Not wrapped: one line per contract, as a filtered table reads best (a long object is read whole in its cell).
    // Dozens of columns: one page wide would be unreadable; landscape pages, the header on each, and
    // the contract's number at the left of the pages further right, which would otherwise not say whose row it is.
    print: { landscape: true, fitToWidth: false, repeatRow: 1, ...(fields[0]?.id === 'numero' ? { repeatColumn: 1 } : {}) },
  };
}

// ---------------------------------------------------------------------------
// SPASER Contrôles

const CONTROLS_HEADERS = [
  'Gravité',
  'Code',
  'Message',
  'Feuille',
  'Ligne',
  'Colonne',
  'Valeur lue',
  'Fichier',
  'Aller à la cellule',
] as const;

const NO_FINDING_TEXT = 'Aucune anomalie détectée.';

function withoutExtension(name: string): string {
  return name.trim().toLowerCase().replace(/\.(xlsx|xlsm|xlsb|xls)$/, '');
}

/** Findings in the order of the sheet: errors, then warnings, each in source order. */
export function orderedFindings(register: Register): Finding[] {
  const sheetRank = new Map<string, number>();
  register.mappings.forEach((m, i) => {
    const key = `${m.file}\u0000${m.sheet}`;
    if (!sheetRank.has(key)) sheetRank.set(key, i);
  });
  const all = [...register.rows.flatMap((r) => r.findings), ...register.otherFindings];
  const rank = (f: Finding): number => sheetRank.get(`${f.source.file}\u0000${f.source.sheet}`) ?? register.mappings.length;
  // Array.prototype.sort is stable: findings of one row keep their order.
  return all
    .map((f, i) => ({ f, i, g: f.gravite === 'erreur' ? 0 : 1, s: rank(f) }))
    .sort((a, b) => a.g - b.g || a.s - b.s || a.f.source.row - b.f.source.row || a.i - b.i)
    .map((x) => x.f);
}

/** Hyperlinks Excel keeps on one worksheet (« Excel specifications and limits »). */
export const MAX_SHEET_LINKS = 65_530;

function controlsSheet(register: Register, workbookName: string, sheetsInWorkbook: ReadonlySet<string>): SheetPlan {
  const findings = orderedFindings(register);
  const widths = [14, 26, 80, 22, 8, 24, 24, 24, 18];
  if (findings.length === 0) {
    return {
      name: SHEET_CONTROLES,
      visibility: 'visible',
      widths,
      blocks: [{ row: 1, col: 1, values: [[NO_FINDING_TEXT]], style: 'note' }],
      tables: [],
      links: [],
      charts: [],
    };
  }
  const book = withoutExtension(workbookName);
  const linkCol = CONTROLS_HEADERS.length;
  const links: LinkPlan[] = [];
  const rows: PlanValue[][] = findings.map((f, i) => {
    // Past Excel's limit of links on a sheet, a finding still names its sheet and row, without a link.
    const linkable = links.length < MAX_SHEET_LINKS && withoutExtension(f.source.file) === book && sheetsInWorkbook.has(f.source.sheet);
    let linkText: string | null = null;
    if (linkable) {
      const address = cellAddress(f.source.row, f.col ?? 1);
      linkText = `Aller en ${address}`;
      links.push({ row: i + 2, col: linkCol, text: linkText, sheet: f.source.sheet, address });
    }
    return [
      f.gravite === 'erreur' ? 'Erreur' : 'Avertissement',
      f.code,
      f.message,
      f.source.sheet,
      f.source.row,
      f.colonne,
      f.valeurLue,
      f.source.file,
      linkText,
    ];
  });
  return {
    name: SHEET_CONTROLES,
    visibility: 'visible',
    widths,
    blocks: [
      { row: 1, col: 1, values: [[...CONTROLS_HEADERS]], style: 'entete' },
      { row: 2, col: 1, values: rows, formats: [null, null, null, null, FORMAT_INTEGER, null, null, null, null], style: 'normal' },
    ],
    tables: [{ name: tableName(SHEET_CONTROLES), row: 1, col: 1, rowCount: rows.length + 1, colCount: CONTROLS_HEADERS.length }],
    links,
    charts: [],
    freezeRows: 1,
    // Message and value read whole: a message is often longer than its column.
    wrapColumns: [3, 7],
    print: PRINT_TABLE,
  };
}

// ---------------------------------------------------------------------------
// SPASER Indicateurs

export const AXE_TITLES: Readonly<Record<number, string>> = {
  1: 'gouvernance du schéma',
  2: 'une commande publique plus sobre et plus performante',
  3: 'transition écologique et environnementale',
  4: 'transformation sociale',
  5: 'développement territorial et innovation',
};

export const INDICATOR_HEADERS = [
  'Id',
  'Objectif',
  'Indicateur',
  'Valeur',
  'Unité',
  'N−1',
  'Évolution',
  'Cible',
  'Atteinte',
  'Statut',
  'Couverture',
  'Note',
] as const;

// The sheet says the spend used in the words of the pane and the command line.
export const SPEND_NOTE_MANDATE = spendText('montantMandate');
export const SPEND_NOTE_MONTANT = spendText('montant');

/** An axe's heading in `SPASER Indicateurs`, the pane and the command line: `Axe 4 — transformation sociale` (`indicateurs.md`). */
export function axeTitle(axe: number): string {
  const title = AXE_TITLES[axe];
  return title ? `Axe ${axe} — ${title}` : `Axe ${axe}`;
}

function unitFormat(unite: Unite, values: readonly (number | null)[]): string {
  switch (unite) {
    case '%':
      return FORMAT_PERCENT;
    case '€':
      // The `Unité` column beside says « € »: in the number too, it read « 47 862,94 € € ».
      return FORMAT_AMOUNT;
    case 'jours':
      return FORMAT_DECIMAL;
    case 'nombre':
      // A mean (soumissionnaires) keeps a decimal; a count does not need one (as the pane and the CLI show it).
      return rowDecimals(unite, values) === 0 ? FORMAT_NUMBER : FORMAT_DECIMAL;
  }
}

/** A breakdown whose single value is meaningless (zones, sizes): no number in value columns. */
function isPureBreakdown(ind: IndicatorResult): boolean {
  return ind.repartition !== null && ind.valeur === null;
}

function indicatorNote(ind: IndicatorResult): string | null {
  // Its motif, then what its N−1 rests on (« en N−1, 0 ligne renseignée… »), said beside that N−1 as elsewhere.
  if (ind.statut === 'non calculable') return [ind.motif, ind.note].filter((t) => t).join(' ; ') || null;
  const parts: string[] = [];
  if (ind.note) parts.push(ind.note);
  if (ind.repartition !== null && Object.keys(ind.repartition).length > 0) parts.push('répartition détaillée plus bas');
  const reference = nationalReferenceText(ind.id);
  if (reference !== null) parts.push(reference);
  return parts.length > 0 ? parts.join(' ; ') : null;
}

function indicatorRow(ind: IndicatorResult): PlanValue[] {
  const evolution = writtenChange(ind);
  const atteinte = ind.cible?.atteinte;
  return [
    ind.id,
    ind.objectif,
    ind.libelle,
    ind.valeur,
    ind.unite,
    ind.n1,
    evolution,
    ind.cible ? `${ind.cible.sens} ${frenchNumber(ind.cible.valeur)}` : null,
    atteinte === true ? 'oui' : atteinte === false ? 'non' : null,
    ind.statut,
    `${frenchNumber(ind.couverture.renseignees)} / ${frenchNumber(ind.couverture.total)}`,
    indicatorNote(ind),
  ];
}

interface BreakdownTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly PlanValue[][];
  readonly formats: readonly (string | null)[];
}

function breakdownTable(ind: IndicatorResult): BreakdownTable | null {
  const rep = ind.repartition;
  if (rep === null) return null;
  const keys = orderedCategories(Object.keys(rep));
  if (keys.length === 0) return null;
  const shares = keys.some((k) => typeof rep[k] === 'object');
  if (shares) {
    return {
      title: ind.libelle,
      header: ['Catégorie', 'Fournisseurs (%)', 'Dépense (%)'],
      rows: keys.map((k) => {
        const v = rep[k];
        return typeof v === 'object' ? [k, v.fournisseurs, v.depense] : [k, null, null];
      }),
      formats: [null, FORMAT_PERCENT, FORMAT_PERCENT],
    };
  }
  return {
    title: ind.libelle,
    header: ['Catégorie', 'Nombre'],
    rows: keys.map((k) => {
      const v = rep[k];
      return [categoryLabel(k), typeof v === 'number' ? v : null];
    }),
    formats: [null, FORMAT_NUMBER],
  };
}

const CHART_TITLES = {
  considerations: 'Part des marchés avec une considération sociale / environnementale / innovante',
  zones: 'Fournisseurs par zone géographique (part de la dépense)',
  typologie: 'Fournisseurs par typologie (part de la dépense)',
  insertion: "Typologie des contrats d'insertion",
  poles: 'Considérations par Pôle',
} as const;

interface ChartSpec {
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly PlanValue[][];
  readonly formats: readonly (string | null)[];
  /** Shares in % (0–100), drawn on a 0–100 % axis. */
  readonly shares?: boolean;
}

function depenseShares(ind: IndicatorResult | undefined): PlanValue[][] | null {
  const rep = ind?.repartition;
  if (!rep) return null;
  const rows: PlanValue[][] = [];
  for (const k of orderedCategories(Object.keys(rep))) {
    const v = rep[k];
    if (typeof v === 'object') rows.push([k, v.depense]);
  }
  return rows.length > 0 ? rows : null;
}


/** The charts of `sortie.md`, each with its data; a chart without any computed data is left out. */
function chartSpecs(register: Register, result: SpaserResult): ChartSpec[] {
  const byId = new Map(result.indicateurs.map((i) => [i.id, i]));
  const specs: ChartSpec[] = [];

  const soc = byId.get(CONSIDERATION_IDS.sociale);
  const env = byId.get(CONSIDERATION_IDS.environnementale);
  const inn = byId.get(CONSIDERATION_IDS.innovation);
  const value = (i: IndicatorResult | undefined): number | null => i?.valeur ?? null;
  if ([soc, env, inn].some((i) => value(i) !== null)) {
    specs.push({
      id: 'considerations',
      kind: 'colonnes',
      title: CHART_TITLES.considerations,
      header: ['Considération', 'Roubaix', 'Référence nationale'],
      rows: [
        ['Sociale', value(soc), NATIONAL_REFERENCE.sociale],
        ['Environnementale', value(env), NATIONAL_REFERENCE.environnementale],
        ['Innovante', value(inn), NATIONAL_REFERENCE.innovation],
      ],
      formats: [null, FORMAT_PERCENT, FORMAT_PERCENT],
      shares: true,
    });
  }

  // Two rings of the spend's shares: by supplier zone, by company size.
  for (const [id, indicator, title, category] of [
    ['zones', '5.1.1-fournisseurs-zone', CHART_TITLES.zones, 'Zone'],
    ['typologie-fournisseurs', '5.1.4-fournisseurs-typologie', CHART_TITLES.typologie, 'Typologie'],
  ] as const) {
    const rows = depenseShares(byId.get(indicator));
    if (rows) specs.push({ id, kind: 'anneau', title, header: [category, 'Part de la dépense (%)'], rows, formats: [null, FORMAT_PERCENT] });
  }

  const contracts = byId.get('4.2.2-typologie')?.repartition;
  if (register.has.suiviInsertion && contracts) {
    const rows: PlanValue[][] = [];
    for (const k of orderedCategories(Object.keys(contracts))) {
      const v = contracts[k];
      if (typeof v === 'number') rows.push([k, v]);
    }
    if (rows.length > 0) {
      specs.push({
        id: 'contrats-insertion',
        kind: 'colonnes',
        title: CHART_TITLES.insertion,
        header: ['Type de contrat', 'Nombre de contrats'],
        rows,
        formats: [null, FORMAT_NUMBER],
      });
    }
  }

  const considerations = [soc, env, inn];
  const poleSet = new Set<string>();
  for (const i of considerations) for (const p of Object.keys(i?.parPole ?? {})) poleSet.add(p);
  const poles = [...poleSet].sort(frenchCompare);
  const perPole = (i: IndicatorResult | undefined, p: string): number | null => i?.parPole?.[p] ?? null;
  if (poles.length > 1 && poles.some((p) => considerations.some((i) => perPole(i, p) !== null))) {
    specs.push({
      id: 'considerations-poles',
      kind: 'colonnesGroupees',
      title: CHART_TITLES.poles,
      header: ['Pôle', 'Sociale (%)', 'Environnementale (%)', 'Innovante (%)'],
      rows: poles.map((p) => [p, perPole(soc, p), perPole(env, p), perPole(inn, p)]),
      formats: [null, FORMAT_PERCENT, FORMAT_PERCENT, FORMAT_PERCENT],
      shares: true,
    });
  }
  return specs;
}

/** Categories a chart's alternative text names one by one; the others are only counted (« … et 3 autres »). */
const ALT_TEXT_CATEGORIES = 10;

/**
 * A chart's alternative text: what it shows, for which exercice, and its values as the sheet shows
 * them, for a screen reader cannot read the bars. Both writers use these words.
 */
function chartAltText(spec: ChartSpec, exercice: number | null): ChartAltText {
  const shown = (v: PlanValue | undefined, j: number): string => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return 'sans valeur';
    const format = spec.formats[j] ?? null;
    const decimals = format ? FORMAT_DECIMALS[format] : undefined;
    const text = decimals === undefined ? frenchNumber(v) : fixedNumber(v, decimals);
    return format === FORMAT_PERCENT ? `${text}${NBSP}%` : text;
  };
  // A Pôle's name is the user's text: on one line, without the control characters an XML attribute cannot hold.
  const label = (v: PlanValue | undefined): string =>
    typeof v === 'string' ? v.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim() : typeof v === 'number' ? frenchNumber(v) : '';
  // A series is named by its column's header, without the unit its values carry (« Sociale (%) »).
  const series = spec.header.slice(1).map((h) => h.replace(/\s*\(%\)$/, ''));
  const named = spec.rows.slice(0, ALT_TEXT_CATEGORIES);
  const rest = spec.rows.length - named.length;
  let values: string;
  if (series.length === 1) {
    const items = named.map((r) => `${label(r[0])} ${shown(r[1], 1)}`);
    if (rest > 0) items.push(`… et ${rest} ${rest > 1 ? 'autres' : 'autre'}`);
    values = `${series[0]}${NBSP}: ${items.join(', ')}`;
  } else {
    const items = named.map((r) => `${label(r[0])}${NBSP}: ${series.map((name, j) => `${name} ${shown(r[j + 1], j + 1)}`).join(', ')}`);
    if (rest > 0) items.push(`… et ${rest} ${rest > 1 ? 'autres' : 'autre'}`);
    values = items.join(`${NBSP}; `);
  }
  const year = exercice !== null ? `exercice ${exercice}` : 'exercice non déterminé';
  return { title: spec.title, description: `${spec.title}, ${year}. ${values}.` };
}

/** Rows a chart covers on the sheet, so that the next one starts below it. */
const CHART_HEIGHT = 16;
/** Columns H:L (~77 characters): right of the widest data beside it (C:F), one empty column between. */
const CHART_WIDTH = 5;
const CHART_COL = 8;
/**
 * First column of the tables below the indicators (breakdowns, the charts' data): their label (a
 * category, a zone, a Pôle) under `Indicateur`, the wide text column, their numbers under `Valeur`,
 * `Unité`, `N−1`, columns of 14 to 17 characters: a number never stands alone in a wide column.
 */
const LOWER_TABLE_COL = 3;
/**
 * Widths of `SPASER Indicateurs`' columns, `Id` to `Note` (they were 260 characters, printed at ~53 %
 * one page wide; ~213 print at ~72 %, less when numbers widen a column): the label and the note wrap in 38 and 32 characters; `Unité` is 17 wide, for it is also the
 * second column of numbers of the tables below (the bold « Environnementale » of a header on one line).
 */
export const INDICATOR_WIDTHS: readonly number[] = [32, 9, 38, 14, 17, 14, 12, 9, 9, 14, 13, 32];

/** A4 in landscape, in points. */
const A4_LANDSCAPE = { width: 841.9, height: 595.3 } as const;

/**
 * Margins of the printed `SPASER Indicateurs`, in inches (the file's unit): Excel's « Étroites » at the
 * sides, for more room to the columns, its usual top and bottom, which hold the footer.
 */
export const INDICATOR_MARGINS: PrintMargins = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/**
 * Points of a column `chars` wide in the file (7 pixels a character, 0.75 point a pixel). The add-in's
 * writer in Excel sets 5 pixels more a column: that sheet prints a point or two of scale smaller, its
 * pages hold more rows, and pages planned at the larger scale still fit.
 */
function columnPoints(chars: number): number {
  return chars * 7 * 0.75;
}

/** The scale (%, whole) columns of these widths print at, one A4 landscape page wide within these margins. */
export function printedScale(widths: readonly number[], margins: PrintMargins): number {
  const sheet = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  const page = A4_LANDSCAPE.width - (margins.left + margins.right) * 72;
  return Math.min(100, Math.floor((page / sheet) * 100));
}

/** Points of the sheet's rows one printed page holds at that scale, less two lines of margin (the row heights are estimates). */
export function printedPagePoints(scale: number, margins: PrintMargins): number {
  const page = A4_LANDSCAPE.height - (margins.top + margins.bottom) * 72;
  return Math.floor((page * 100) / scale) - 2 * LINE_HEIGHT;
}

/** Excel's height of a row of a title (Calibri 14). */
const TITLE_HEIGHT = 18.75;

/** Rows kept on one page: a section's title with the start of its table, a chart's title with its data and the chart. */
interface KeepTogether {
  readonly first: number;
  readonly last: number;
  /** The group's last row kept with its title when the whole group is longer than a page. */
  readonly atLeast?: number;
}

/**
 * Where `SPASER Indicateurs`' pages start: before each of `forced` (the breakdowns, the charts), before
 * a group's first row (a title) when the group would not end on the page it starts on — a title was
 * printed alone at a page's foot, its table on the next — and where a full page ends. Every page is cut
 * here, none left to the application: its rows' heights are not the plan's (LibreOffice's are lower,
 * Excel fits wrapped text itself), and a page cut elsewhere than planned could again end on a title.
 * Pages are filled as Excel does, the repeated header atop each page below it; a group longer than a
 * page starts one and is cut where the page ends.
 */
function pageBreaks(
  heightOf: (row: number) => number,
  lastRow: number,
  pagePoints: number,
  repeatRow: number,
  forced: readonly number[],
  groups: readonly KeepTogether[],
): number[] {
  const breaks: number[] = [];
  const groupAt = new Map(groups.map((g) => [g.first, g]));
  const span = (first: number, last: number): number => {
    let points = 0;
    for (let k = first; k <= last; k++) points += heightOf(k);
    return points;
  };
  let used = 0;
  for (let r = 1; r <= lastRow; r++) {
    const top = r > repeatRow ? heightOf(repeatRow) : 0;
    const group = groupAt.get(r);
    if (forced.includes(r)) {
      breaks.push(r);
      used = top;
    } else if (group !== undefined && used > top) {
      const whole = span(r, group.last);
      const need = group.atLeast !== undefined && top + whole > pagePoints ? span(r, group.atLeast) : whole;
      if (used + need > pagePoints) {
        breaks.push(r);
        used = top;
      }
    }
    const h = heightOf(r);
    // A full page: the row does not fit on what is left of it.
    if (used + h > pagePoints && used > top) {
      breaks.push(r);
      used = top;
    }
    used += h;
  }
  return breaks;
}

/**
 * Rows frozen at most atop `SPASER Indicateurs` (its header included): about a third of a laptop's
 * screen. The title, two notes and one remark of up to four lines fit; with more remarks, freezing
 * them all would leave little room for the figures, and the header is not frozen.
 */
export const MAX_FROZEN_ROWS = 10;

/** Characters of a remark's line, « • » or indent included: it runs over columns A:E of `SPASER Indicateurs` (108 wide), empty beside it. */
export const REMARK_WIDTH = 100;
/** A remark's next lines, under the text of its first (after « • »). */
export const REMARK_INDENT = '   ';

function indicatorsSheet(register: Register, result: SpaserResult, remarks: readonly string[]): SheetPlan {
  const blocks: BlockPlan[] = [];
  let row = 1;
  const put = (values: PlanValue[][], style: BlockPlan['style'], formats?: (string | null)[], col = 1): number => {
    const at = row;
    blocks.push(formats ? { row, col, values, formats, style } : { row, col, values, style });
    row += values.length;
    return at;
  };

  const title =
    result.exercice !== null ? `Indicateurs SPASER — exercice ${result.exercice}` : 'Indicateurs SPASER — exercice non déterminé';
  put([[title]], 'titre');
  put([[spendText(result.depense)]], 'note');
  const l = result.lignes;
  put(
    [
      [
        `Lignes lues : ${frenchNumber(l.lues)} — lignes de l'exercice sans erreur : ${frenchNumber(l.exercice)} — lignes en erreur (tous exercices) : ${frenchNumber(l.erreurs)} — lignes de l'exercice avec avertissement : ${frenchNumber(l.avertissements)}`,
      ],
    ],
    'note',
  );
  // Said by the pane and the command line at the run; written for whoever reads the figures later.
  if (remarks.length > 0) {
    put([[`Remarques du calcul (${remarks.length}) : à lire avant les chiffres`]], 'axe');
    // Each cut to about the width of columns A:E (100 characters) rather than one cell running ~1,800 px to the right.
    put(
      remarks.flatMap((r) => wrapLines(r, REMARK_WIDTH - REMARK_INDENT.length).map((line, k) => [k === 0 ? `• ${line}` : `${REMARK_INDENT}${line}`])),
      'note',
    );
  }
  row += 1;
  const headerRow = put([[...INDICATOR_HEADERS]], 'entete');

  const axes = [...new Set(result.indicateurs.map((i) => i.axe))].sort((a, b) => a - b);
  for (const axe of axes) {
    put([[axeTitle(axe)]], 'axe');
    // One block per run of indicators sharing a display format (formats are per column).
    let run: PlanValue[][] = [];
    let runFormat: string | null = null;
    const flush = (): void => {
      if (run.length === 0) return;
      put(run, 'normal', [null, null, null, runFormat, null, runFormat, runFormat, null, null, null, null, null]);
      run = [];
    };
    for (const ind of result.indicateurs.filter((i) => i.axe === axe)) {
      const format = unitFormat(ind.unite, digitsRow(ind));
      if (format !== runFormat) flush();
      runFormat = format;
      run.push(indicatorRow(ind));
    }
    flush();
  }

  const forced: number[] = [];
  const groups: KeepTogether[] = [];
  // Each axe's title with its first indicator.
  for (const b of blocks) if (b.style === 'axe' && b.row > headerRow) groups.push({ first: b.row, last: b.row + 1 });
  const tables = result.indicateurs.map(breakdownTable).filter((t): t is BreakdownTable => t !== null);
  if (tables.length > 0) {
    row += 1;
    forced.push(row);
    put([['Répartitions']], 'titre');
    for (const t of tables) {
      row += 1;
      // A table whole on one page when it fits on one, else at least its title, header and first row.
      const first = put([[t.title]], 'axe', undefined, LOWER_TABLE_COL);
      put([[...t.header]], 'entete', undefined, LOWER_TABLE_COL);
      put(t.rows.map((r) => [...r]), 'normal', [...t.formats], LOWER_TABLE_COL);
      groups.push({ first, last: row - 1, atLeast: first + 2 });
    }
  }

  const charts: ChartPlan[] = [];
  const specs = chartSpecs(register, result);
  if (specs.length > 0) {
    row += 1;
    forced.push(row);
    put([['Graphiques']], 'titre');
    for (const spec of specs) {
      row += 1;
      // The chart's title, its data and the chart itself, on one page: a new one if they would not fit.
      const first = put([[spec.title]], 'axe', undefined, LOWER_TABLE_COL);
      const dataRow = put([[...spec.header]], 'entete', undefined, LOWER_TABLE_COL);
      put(spec.rows.map((r) => [...r]), 'normal', [...spec.formats], LOWER_TABLE_COL);
      charts.push({
        id: spec.id,
        kind: spec.kind,
        title: spec.title,
        data: { row: dataRow, col: LOWER_TABLE_COL, rowCount: spec.rows.length + 1, colCount: spec.header.length },
        anchor: { row: dataRow, col: CHART_COL, width: CHART_WIDTH, height: CHART_HEIGHT },
        ...(spec.shares ? { shares: true } : {}),
        altText: chartAltText(spec, result.exercice),
      });
      row = Math.max(row, dataRow + CHART_HEIGHT);
      groups.push({ first, last: row - 1 });
    }
  }

  const widths = widthsFittingNumbers(INDICATOR_WIDTHS, blocks);
  const wrapColumns = [3, 12];
  // Row heights as printed: a title's larger font, a wrapped text's lines.
  const heights = new Map<number, number>();
  for (const b of blocks) if (b.style === 'titre') heights.set(b.row, TITLE_HEIGHT);
  for (const t of tallRows(widths, blocks, wrapColumns)) heights.set(t.row, t.lines * LINE_HEIGHT);
  const pagePoints = printedPagePoints(printedScale(widths, INDICATOR_MARGINS), INDICATOR_MARGINS);
  const breaksBefore = pageBreaks((r) => heights.get(r) ?? LINE_HEIGHT, row - 1, pagePoints, headerRow, forced, groups);

  return {
    name: SHEET_INDICATEURS,
    visibility: 'visible',
    widths,
    blocks,
    tables: [],
    links: [],
    charts,
    // The header stays in sight while scrolling, unless the remarks above it would fill the pane.
    ...(headerRow <= MAX_FROZEN_ROWS ? { freezeRows: headerRow } : {}),
    // A label or a note longer than its column reads whole on several lines.
    wrapColumns,
    // Unité, Cible, Atteinte: centred, apart from the right-aligned Valeur and Évolution before them.
    centerColumns: [5, 8, 9],
    // One page wide at a readable scale (~70 %, narrow side margins), the header atop each page of the
    // table (and of the pages below it); breakdowns and charts each start a page, a chart is never cut
    // in two by a page's end, and no title ends a page without the start of its table.
    print: { landscape: true, fitToWidth: true, repeatRow: headerRow, breaksBefore, margins: INDICATOR_MARGINS },
  };
}

// ---------------------------------------------------------------------------
// SPASER Pôles

const POLES_TOTAL_HEADER = 'Ville (total)';
const NOT_APPLICABLE = '—';

function polesSheet(result: SpaserResult, breakdowns: PoleBreakdowns): SheetPlan | null {
  const poleSet = new Set<string>();
  for (const i of result.indicateurs) for (const p of Object.keys(i.parPole ?? {})) poleSet.add(p);
  if (poleSet.size === 0) return null;
  const poles = [...poleSet].sort(frenchCompare);
  const headers = uniqueHeaders(['Id', 'Indicateur', 'Unité', ...poles, POLES_TOTAL_HEADER]);
  const blocks: BlockPlan[] = [{ row: 1, col: 1, values: [headers], style: 'entete' }];
  let row = 2;
  let run: PlanValue[][] = [];
  let runFormat: string | null = null;
  const flush = (): void => {
    if (run.length === 0) return;
    blocks.push({ row, col: 1, values: run, formats: [null, null, null, ...poles.map(() => runFormat), runFormat], style: 'normal' });
    row += run.length;
    run = [];
  };
  for (const ind of result.indicateurs) {
    const values: PlanValue[] = isPureBreakdown(ind)
      ? [...poles.map(() => NOT_APPLICABLE), NOT_APPLICABLE]
      : [...poles.map((p) => ind.parPole?.[p] ?? null), ind.valeur];
    const format = unitFormat(ind.unite, isPureBreakdown(ind) ? [] : digitsRow(ind));
    if (format !== runFormat) flush();
    runFormat = format;
    run.push([ind.id, ind.libelle, ind.unite, ...values]);
  }
  flush();
  row = poleBreakdownBlocks(result, breakdowns, poles, row, blocks);
  return {
    name: SHEET_POLES,
    visibility: 'visible',
    widths: widthsFittingNumbers([32, 60, 8, ...poles.map((p) => clampWidth(p.length + 3, 12, 30)), 14], blocks),
    blocks,
    tables: [
      { name: tableName(SHEET_POLES), row: 1, col: 1, rowCount: Math.max(2, result.indicateurs.length + 1), colCount: headers.length },
    ],
    links: [],
    charts: [],
    freezeRows: 1,
    wrapColumns: [2],
    print: PRINT_TABLE,
  };
}

/**
 * Under the table, each breakdown with no single value (zones, company sizes) by Pôle, whose
 * row above shows « — »: its categories as rows, a Pôle per column as in the table, the share
 * of spend then the share of suppliers (`indicateurs.md`: every indicator per Pôle). Returns
 * the next free row.
 */
function poleBreakdownBlocks(result: SpaserResult, breakdowns: PoleBreakdowns, poles: readonly string[], start: number, blocks: BlockPlan[]): number {
  let row = start;
  const measures = [
    { key: 'depense', label: 'part de la dépense' },
    { key: 'fournisseurs', label: 'part des fournisseurs' },
  ] as const;
  let titled = false;
  for (const ind of result.indicateurs) {
    const byPole = breakdowns.get(ind.id);
    if (byPole === undefined) continue;
    const keys = new Set(Object.keys(ind.repartition ?? {}));
    for (const p of poles) for (const k of Object.keys(byPole[p] ?? {})) keys.add(k);
    if (keys.size === 0) continue;
    if (!titled) {
      row += 1;
      blocks.push({ row: row++, col: 1, values: [['Répartitions par Pôle']], style: 'titre' });
      titled = true;
    }
    const categories = orderedCategories([...keys]);
    for (const m of measures) {
      row += 1;
      blocks.push({ row: row++, col: 1, values: [[`${ind.libelle} : ${m.label}`]], style: 'axe' });
      blocks.push({ row: row++, col: 1, values: [uniqueHeaders(['Id', 'Catégorie', 'Unité', ...poles, POLES_TOTAL_HEADER])], style: 'entete' });
      const share = (rep: Repartition | null | undefined, k: string): number | null => {
        const v = rep?.[k];
        return typeof v === 'object' ? v[m.key] : null;
      };
      const values = categories.map((k): PlanValue[] => [ind.id, k, '%', ...poles.map((p) => share(byPole[p], k)), share(ind.repartition, k)]);
      blocks.push({ row, col: 1, values, formats: [null, null, null, ...poles.map(() => FORMAT_PERCENT), FORMAT_PERCENT], style: 'normal' });
      row += values.length;
    }
  }
  return row;
}

// ---------------------------------------------------------------------------
// SPASER État

/** The state sheet alone: also written by itself when an import records its sheets. */
export function stateSheetPlan(state: SavedState): SheetPlan {
  const chunks = serializeState(state);
  return {
    name: SHEET_ETAT,
    visibility: 'veryHidden',
    widths: [20, 60],
    blocks: [
      { row: 1, col: 1, values: chunks.map((c) => [c]) },
      { row: 1, col: 2, values: [[STATE_SHEET_NOTE]], style: 'note' },
    ],
    tables: [],
    links: [],
    charts: [],
  };
}


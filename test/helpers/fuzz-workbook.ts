/**
 * fast-check generators of hostile but plausible buyer workbooks, for the
 * robustness properties of the whole chain (domain and both adapters).
 */
import fc from 'fast-check';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { type ChainInput, type ChainOptions, NoRegisterError, runChain } from '../../src/domain/chain';
import {
  ACTIONS_FIELDS,
  CIBLES_FIELDS,
  type FieldDef,
  REGISTER_FIELDS,
  REQUIRED_FIELDS,
  SAISIES_FIELDS,
  SUIVI_INSERTION_FIELDS,
} from '../../src/domain/fields';
import { CATALOGUE } from '../../src/domain/indicators/catalogue';
import type { MappingOverride } from '../../src/domain/model';
import { SHEET_ETAT, type WritePlan } from '../../src/domain/plan-types';
import type { DecisionChange, SavedState, TagDecision } from '../../src/domain/state';
import { serializeState } from '../../src/domain/state-sheet';

export const TODAY = '2026-01-15';

// ---------- cells ----------

const ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!', '#SPILL!', '#CALC!', '#GETTING_DATA'];

/** A number written the French way, with odd spaces and units. */
const frenchNumberText: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: -2_000_000, max: 9_999_999_999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom(' ', '\u00a0', '\u202f', '.', ''),
    fc.constantFrom(',', '.'),
    fc.constantFrom('', ' €', '€', ' € HT', ' EUR', ' HT', ' k€', '%'),
  )
  .map(([int, dec, thousands, comma, unit]) => {
    const sign = int < 0 ? '-' : '';
    const digits = String(Math.abs(int)).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
    return `${sign}${digits}${dec === 0 ? '' : `${comma}${String(dec).padStart(2, '0')}`}${unit}`;
  });

const oddNumbers: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1e21, -1e21, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2, 45658, 2958465, 2958466, 60, 59, 1, -1, 0.5, 1e-7),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 100_000_000 }),
);

const isoDate = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((dt) => dt.toISOString().slice(0, 10));

const dateCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: isoDate('2023-01-01', '2026-12-31').map((date) => ({ date })) },
  { weight: 1, arbitrary: isoDate('1900-01-01', '9999-12-31').map((date) => ({ date })) },
  { weight: 1, arbitrary: fc.constantFrom('1999-12-31', '2000-01-01', '2027-12-31', '2028-01-01', '1900-02-28', '1900-03-01', '9999-12-31', '2024-02-29').map((date) => ({ date })) },
);

const textDate = fc.constantFrom('31/12/1999', '01/01/2000', '29/02/2024', '29/02/2023', '1/1/25', '05.03.2025', '05-03-2025', '2025-13-01', '00/00/0000', '31/02/2025', '2025-03-05', '12/31/2025', 'mars 2025', '15/01/2026 10:30');

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u00a0',
    '\t',
    '=1+1',
    '=HYPERLINK("http://exemple.test","clic")',
    "=cmd|' /C calc'!A0",
    '+33 3 20 00 00 00',
    '-Dupont',
    '@SOMME(A1:A3)',
    "'entre apostrophes",
    '#N/A',
    '#n/a',
    'VRAI',
    'TRUE',
    'faux',
    '00123',
    '1E+21',
    '1e308',
    '-0',
    'NaN',
    'Infinity',
    'Total',
    'TOTAL GÉNÉRAL :',
    'sous-total',
    'a\u0000b',
    '\u0007bip',
    'ligne 1\r\nligne 2',
    'ligne\nbrisée',
    '\ud800',
    'x\udc00y',
    '\ud83e',
    '🧾 facture 😀',
    '\u202eévitar',
    '_x0041_',
    '_x000D_',
    'zéro\u200bespace',
    'Ⅻ',
    '١٢٣',
    '１２３',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
  fc.constantFrom('=', '+', '-', '@').chain((p) => fc.string({ maxLength: 10 }).map((s) => p + s)),
  fc.tuple(fc.constantFrom('a', '=', 'é', '😀', '\ud800'), fc.integer({ min: 200, max: 40_000 })).map(([c, n]) => c.repeat(n)),
);

const hostileCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: oddNumbers },
  { weight: 1, arbitrary: frenchNumberText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
  { weight: 1, arbitrary: dateCell },
  { weight: 1, arbitrary: textDate },
  { weight: 1, arbitrary: fc.constantFrom('inconnu', '1.5', '-3', 'Oui (partiel)', '12 k€') },
  { weight: 2, arbitrary: fc.constant(null) },
);

const NUMEROS = ['2025-001', '2025-002', '2025 - 002', '2024-001', '00042', 'M-2025-7', '2026-001'];
const OBJETS = [
  'Fourniture de papier recyclé',
  "Nettoyage des écoles avec clause d'insertion",
  'Travaux sans clause sociale',
  'Prototype innovant de mobilier',
  'Maintenance des ascenseurs',
  'Repas bio en circuit court',
  'Marché réservé ESAT entretien espaces verts',
];

function plausibleFor(field: FieldDef): fc.Arbitrary<CellValue> {
  if (field.id === 'numero') return fc.oneof(fc.constantFrom(...NUMEROS), fc.integer({ min: 1, max: 50 }));
  if (field.id === 'objet' || field.id === 'commentaires' || field.id === 'intitule') return fc.constantFrom(...OBJETS);
  if (field.id === 'indicateur') return fc.constantFrom(...CATALOGUE.map((c) => c.id), ' 1.1.2-dataviz ', '9.9.9-inexistant', '4.1.2-CONSIDERATION-SOCIALE');
  if (field.id === 'annee') return fc.constantFrom<CellValue>(2024, 2025, 2026, '2025', 2025.5, 'N', -1);
  if (field.id === 'sens') return fc.constantFrom('≥', '≤', '>=', '<=', 'hausse', 'baisse', 'n/a');
  switch (field.type) {
    case 'montant':
    case 'nombre':
      return fc.oneof(fc.integer({ min: 0, max: 500_000 }), frenchNumberText.filter((t) => !t.startsWith('-') && !t.endsWith('k€')), fc.double({ min: 0, max: 1e6, noNaN: true }));
    case 'entier':
      return fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom('3', '2,0'));
    case 'date':
      return fc.oneof({ weight: 4, arbitrary: isoDate('2023-01-01', '2026-12-31').map((date) => ({ date })) }, { weight: 1, arbitrary: fc.constantFrom('05/03/2025', '5/3/25', '2025-03-05', '05.03.2024') });
    case 'booleen':
      return fc.constantFrom<CellValue>('oui', 'non', 'x', 'X', '-', 'Oui (partiel)', 'vrai', '✓', true, false, 1, 0, '');
    case 'enum':
      return fc.constantFrom(...(field.options ?? []).flatMap((o) => [o.value, ...o.synonyms]));
    default:
      return fc.oneof(fc.constantFrom('Dupont SA', 'Roubaix', '59100', '59 100', 'France', 'Belgique', '73282932000074', '45000000-7', 'Pôle Sport'), fc.string({ maxLength: 10 }));
  }
}

function cellFor(field: FieldDef | null, hostile: boolean): fc.Arbitrary<CellValue> {
  if (field === null) return hostile ? hostileCell : fc.constant(null);
  if (!hostile) return plausibleFor(field);
  return fc.oneof({ weight: 4, arbitrary: plausibleFor(field) }, { weight: 1, arbitrary: hostileCell });
}

// ---------- headers ----------

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** A header as buyers write it: case, accents, line breaks, units, odd spaces. */
function headerVariant(text: string): fc.Arbitrary<string> {
  return fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s,
    (s) => s.toUpperCase(),
    stripAccents,
    (s) => s.replace(' ', '\n'),
    (s) => s.replace(' ', '\r\n'),
    (s) => `${s} (€)`,
    (s) => `${s} (en €)`,
    (s) => `${s} HT`,
    (s) => `  ${s}  `,
    (s) => s.replace(/ /g, '\u00a0'),
    (s) => `${s} *`,
    (s) => `${s} TTC`,
    (s) => `${s}:`,
  ).map((f) => f(text));
}

function headerFor(field: FieldDef, canonical: boolean): fc.Arbitrary<string> {
  if (canonical) return fc.constant(field.label);
  return fc.constantFrom(field.label, ...field.synonyms).chain(headerVariant);
}

const JUNK_HEADERS: CellValue[] = ['Observations internes', '', null, 'Montant TTC', 'Date', 'N°', 'Montant', 'Colonne1', 42, { date: '2025-01-01' }, { error: '#REF!' }, '=A1', 'Total'];

/** A header column: a field (or none) and its header cell. */
interface Column {
  readonly field: FieldDef | null;
  readonly header: CellValue;
}

function columnsOf(fields: readonly FieldDef[], opts: { clean: boolean }): fc.Arbitrary<Column[]> {
  const required = fields.filter((f) => f.required);
  const others = fields.filter((f) => !f.required);
  if (opts.clean) {
    return fc.subarray(others, { maxLength: Math.min(10, others.length) }).chain((extra) =>
      fc.shuffledSubarray([...required, ...extra], { minLength: required.length + extra.length }).map((fs) => fs.map((f) => ({ field: f, header: f.label }))),
    );
  }
  return fc
    .tuple(
      fc.subarray([...required]),
      fc.subarray(others, { maxLength: Math.min(12, others.length) }),
      fc.subarray([...fields], { maxLength: 2 }), // duplicated
      fc.array(fc.constantFrom(...JUNK_HEADERS), { maxLength: 3 }),
    )
    .chain(([req, extra, dup, junk]) =>
      fc
        .tuple(
          fc.tuple(...[...req, ...extra, ...dup].map((f) => headerFor(f, false).map((h): Column => ({ field: f, header: h })))),
          fc.constant(junk.map((h): Column => ({ field: null, header: h }))),
        )
        .chain(([cols, junkCols]) => fc.shuffledSubarray([...cols, ...junkCols], { minLength: cols.length + junkCols.length })),
    );
}

// ---------- sheets ----------

export interface FuzzSheet {
  readonly grid: SheetGrid;
  /** Built with the four required fields under their canonical labels: a register source for sure. */
  readonly cleanRegister: boolean;
}

const TITLE_ROWS: CellValue[][] = [
  ['Suivi des marchés 2025'],
  ['Ville de Roubaix — Direction de la commande publique'],
  [null, 'Montants'],
  ['Mis à jour le', { date: '2025-06-30' }],
  ['=AUJOURDHUI()'],
];

function sheetOf(name: string, fields: readonly FieldDef[], clean: boolean): fc.Arbitrary<FuzzSheet> {
  return fc
    .record({
      titles: fc.subarray(TITLE_ROWS, { maxLength: 3 }),
      blankBefore: fc.integer({ min: 0, max: 2 }),
      columns: columnsOf(fields, { clean }),
      firstRow: fc.integer({ min: 1, max: 3 }),
      firstCol: fc.integer({ min: 1, max: 2 }),
    })
    .chain(({ titles, blankBefore, columns, firstRow, firstCol }) => {
      // Rows of plausible cells only, and rows where any cell may be hostile.
      const row = fc.boolean().chain((hostile) => fc.tuple(...columns.map((c) => cellFor(c.field, hostile))));
      const body = fc.array(
        fc.oneof(
          { weight: 8, arbitrary: row.map((r) => r as CellValue[]) },
          { weight: 1, arbitrary: fc.constant([] as CellValue[]) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom('Total', 'TOTAL :', 'Sous-total', 'Total général', 'Totaux'), fc.integer({ min: 0, max: columns.length }), oddNumbers)
              .map(([label, at, n]) => columns.map((_, j): CellValue => (j === 0 ? label : j === at ? n : null))),
          },
        ),
        { maxLength: 7 },
      );
      return body.map((rows): FuzzSheet => {
        const all: CellValue[][] = [...titles.map((t) => [...t]), ...Array.from({ length: blankBefore }, () => [] as CellValue[]), columns.map((c) => c.header), ...rows];
        return {
          grid: { name, firstRow, firstCol, rows: all, tables: [] },
          cleanRegister: clean && !name.startsWith('SPASER '),
        };
      });
    });
}

const REGISTER_SHEET_NAMES = ['Suivi 2025', 'Marchés', 'Feuil1', 'Pôle A', "l'année 2024", 'SPASER Registre', 'spaser registre', 'Données (2)', '=1+1'];

const registerSheet: fc.Arbitrary<FuzzSheet> = fc
  .tuple(fc.constantFrom(...REGISTER_SHEET_NAMES), fc.boolean())
  .chain(([name, clean]) => sheetOf(name, REGISTER_FIELDS, clean));

const companionSheet: fc.Arbitrary<FuzzSheet> = fc
  .constantFrom(
    ['Suivi insertion', SUIVI_INSERTION_FIELDS],
    ['Actions SPASER', ACTIONS_FIELDS],
    ['Cibles', CIBLES_FIELDS],
    ['Saisies manuelles', SAISIES_FIELDS],
    ['Cibles 2', CIBLES_FIELDS],
  )
  .chain(([name, fields]) => sheetOf(name as string, fields as readonly FieldDef[], false));

const junkSheet: fc.Arbitrary<FuzzSheet> = fc
  .tuple(fc.constantFrom('Notes', 'SPASER Indicateurs', 'Feuil3'), fc.array(fc.array(hostileCell, { maxLength: 5 }), { maxLength: 5 }))
  .map(([name, rows]) => ({ grid: { name, firstRow: 1, firstCol: 1, rows, tables: [] }, cleanRegister: false }));

// ---------- state, overrides, decisions ----------

const FIELD_IDS = REGISTER_FIELDS.map((f) => f.id as string);
const SHEET_TARGETS = [...REGISTER_SHEET_NAMES, 'Suivi insertion', 'Cibles', 'Saisies manuelles', 'Inexistante', ''];

export const mappingOverride: fc.Arbitrary<MappingOverride> = fc.record(
  {
    file: fc.constantFrom('pole-a.xlsx', 'Pôle B.xlsx', 'autre.xlsx'),
    sheet: fc.constantFrom(...SHEET_TARGETS),
    headerRow: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constant(1_048_576)),
    columns: fc.dictionary(
      fc.oneof(fc.constantFrom('A', 'B', 'ZZ', 'XFE', 'N° marché', 'Montant HT', 'objet', ''), fc.string({ maxLength: 6 })),
      fc.oneof(fc.constantFrom(...FIELD_IDS, 'beneficiaire', 'inexistant', '__proto__'), fc.constant(null)),
      { maxKeys: 4 },
    ),
  },
  { requiredKeys: ['sheet', 'columns'] },
);

const tagDecision: fc.Arbitrary<TagDecision> = fc.record(
  {
    numero: fc.oneof(fc.constantFrom(...NUMEROS), fc.string({ maxLength: 5 })),
    source: fc.constantFrom('pole-a.xlsx|Suivi 2025', 'x|y', ''),
    consideration: fc.constantFrom('sociale', 'environnementale', 'innovation'),
    etiquette: fc.constantFrom('Clause sociale', 'Critère environnemental', 'Marché innovant', 'Inexistante', ''),
    decision: fc.constantFrom('confirmée', 'rejetée'),
  },
  { requiredKeys: ['numero', 'consideration', 'etiquette', 'decision'] },
);

const decisionChange: fc.Arbitrary<DecisionChange> = fc.oneof(
  tagDecision,
  tagDecision.map((t): DecisionChange => ({ ...t, decision: 'annulée' })),
);

const savedState: fc.Arbitrary<SavedState> = fc.record({
  version: fc.constant(1 as const),
  mappings: fc.array(mappingOverride, { maxLength: 2 }),
  decisions: fc.array(tagDecision, { maxLength: 3 }),
});

/** The state of one input: none, a valid one (also in its `SPASER État` sheet), or a garbage sheet. */
const stateOf: fc.Arbitrary<{ state: SavedState | null; sheet: SheetGrid | null }> = fc.oneof(
  fc.constant({ state: null, sheet: null }),
  savedState.map((state) => ({ state, sheet: { name: SHEET_ETAT, firstRow: 1, firstCol: 1, rows: serializeState(state).map((c) => [c]), tables: [] } })),
  fc
    .array(fc.oneof(hostileText, fc.constantFrom('{"version":1', '{"version":2,"mappings":[],"decisions":[]}', 'null')), { minLength: 1, maxLength: 3 })
    .map((cells) => ({ state: null, sheet: { name: SHEET_ETAT, firstRow: 1, firstCol: 1, rows: cells.map((c) => [c]), tables: [] } })),
);

// ---------- workbooks and runs ----------

export interface FuzzInput {
  readonly file: string;
  readonly sheets: readonly FuzzSheet[];
  readonly state: SavedState | null;
}

export const FILE_NAMES = ['pole-a.xlsx', 'pole-a.xlsx', 'Pôle B.xlsx', 'classeur', '=evil.xlsx', "l'autre.xlsx"];

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc
  .record({
    file: fc.constantFrom(...FILE_NAMES),
    sheets: fc.uniqueArray(fc.oneof({ weight: 3, arbitrary: registerSheet }, { weight: 2, arbitrary: companionSheet }, { weight: 1, arbitrary: junkSheet }), {
      minLength: 1,
      maxLength: 4,
      // Excel's sheet names are unique without regard to case.
      selector: (s) => s.grid.name.toLowerCase(),
    }),
    state: stateOf,
  })
  .map(({ file, sheets, state }) => ({
    file,
    sheets: state.sheet ? [...sheets, { grid: state.sheet, cleanRegister: false }] : sheets,
    state: state.state,
  }));

export interface FuzzRun {
  readonly inputs: readonly FuzzInput[];
  readonly options: ChainOptions;
}

export const fuzzOptions: fc.Arbitrary<ChainOptions> = fc.record(
  {
    exercice: fc.oneof(fc.constant(undefined), fc.constantFrom(2024, 2025, 2026), fc.integer({ min: 1990, max: 2040 })),
    today: fc.constantFrom(TODAY, TODAY, TODAY, '2025-12-31', '2000-01-01'),
    overrides: fc.array(mappingOverride, { maxLength: 2 }),
    decisions: fc.array(decisionChange, { maxLength: 3 }),
    writesCharts: fc.boolean(),
  },
  { requiredKeys: ['today'] },
);

export const fuzzRun = (maxInputs: number): fc.Arbitrary<FuzzRun> =>
  fc.record({ inputs: fc.array(fuzzInput, { minLength: 1, maxLength: maxInputs }), options: fuzzOptions });

export function chainInputs(run: FuzzRun): ChainInput[] {
  return run.inputs.map((i) => ({ file: i.file, sheets: i.sheets.map((s) => s.grid), state: i.state }));
}

/**
 * Whether some input surely holds a register: a clean register sheet that no
 * explicit or saved mapping touches (those may unmap a required column).
 */
export function surelyHasRegister(run: FuzzRun): boolean {
  // Sheet names compare as Excel does: without case (the chain's overrides too).
  const touched = new Set([...(run.options.overrides ?? []), ...run.inputs.flatMap((i) => i.state?.mappings ?? [])].map((o) => o.sheet.toLocaleLowerCase('fr')));
  return run.inputs.some((i) => i.sheets.some((s) => s.cleanRegister && !touched.has(s.grid.name.toLocaleLowerCase('fr'))));
}

export const REQUIRED = REQUIRED_FIELDS;

/** The plan of one workbook read by an adapter, or null when it holds no register (a case the writers never see). */
export function planOrNoRegister(input: ChainInput, options: ChainOptions): WritePlan | null {
  try {
    return runChain([input], options).plan;
  } catch (e) {
    if (e instanceof NoRegisterError) return null;
    throw e;
  }
}

// ---------- workbooks with Excel tables and merged cells (both readers) ----------

/** A merged area, 1-based and inclusive. */
export interface LaidMerge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** An Excel table: a header row, `bodyRows` data rows, then a shown totals row or not (1-based). */
export interface LaidTable {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly bodyRows: number;
  readonly showTotals: boolean;
}

/** A cell holding a formula; its cached result is the value in `rows`. */
export interface LaidFormula {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/** One sheet as a person sees it: `rows[i][j]` is cell (i + 1, j + 1); merged slaves are empty. */
export interface LaidSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  readonly tables: readonly LaidTable[];
  readonly merges: readonly LaidMerge[];
  readonly formulas: readonly LaidFormula[];
  /** Cells holding a number under a date format (a column formatted as dates by mistake): 1-based. */
  readonly dated: readonly { readonly row: number; readonly col: number }[];
}

export interface LaidWorkbook {
  readonly file: string;
  readonly sheets: readonly LaidSheet[];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A value as an Excel cell can hold it, so that a file and the open workbook
 * hold the same thing: an empty text is an empty cell (typing nothing clears
 * it), Excel has no negative zero, a text is cut at 32,767 characters, and
 * the file format cannot hold half of a UTF-16 pair (it becomes U+FFFD).
 */
export function heldByExcel(v: CellValue): CellValue {
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (typeof v !== 'string') return v;
  if (v === '') return null;
  const cut = v.length <= 32_767 ? v : v.slice(0, (v.charCodeAt(32_766) & 0xfc00) === 0xd800 ? 32_766 : 32_767);
  return cut.replace(LONE_SURROGATE, '\ufffd');
}

/** A block of cells laid out at (0, 0): rows, its table (if any) and merges/formulas, all 0-based. */
interface Block {
  readonly rows: CellValue[][];
  readonly width: number;
  /** Row (in the block) of the table's header; the table spans the block's width. */
  readonly table: { readonly top: number; readonly bodyRows: number; readonly showTotals: boolean } | null;
  readonly merges: LaidMerge[];
  readonly formulas: LaidFormula[];
  readonly dated: { row: number; col: number }[];
}

const POLES = ['Pôle Sports', 'Pôle Culture', 'Pôle Ressources', 'Pôle Éducation'];
const POLE_FIELD = REGISTER_FIELDS.find((f) => f.id === 'pole')!;

/** Excel's table column names: texts, none empty, unique without regard to case (Excel appends 2, 3…). */
function tableHeaders(headers: readonly CellValue[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, j) => {
    const base = typeof h === 'string' && h.trim() !== '' ? h : `Colonne${j + 1}`;
    let s = base;
    for (let k = 2; seen.has(s.toLowerCase()); k++) s = `${base}${k}`;
    seen.add(s.toLowerCase());
    return s;
  });
}

/** Pôle values merged down runs of rows (one value in the run's first row), as buyers lay them out. */
const poleRuns: fc.Arbitrary<{ length: number; pole: string | null }[]> = fc.array(
  fc.record({ length: fc.integer({ min: 1, max: 4 }), pole: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...POLES) }, { weight: 1, arbitrary: fc.constant(null) }) }),
  { minLength: 1, maxLength: 4 },
);

function applyPoleRuns(body: CellValue[][], col: number, firstRow: number, runs: { length: number; pole: string | null }[], merges: LaidMerge[]): void {
  let i = 0;
  for (const run of runs) {
    if (i >= body.length) break;
    const end = Math.min(body.length, i + run.length);
    for (let k = i; k < end; k++) body[k][col] = k === i ? run.pole : null;
    if (end - i >= 2) merges.push({ top: firstRow + i, left: col, bottom: firstRow + end - 1, right: col });
    i = end;
  }
}

/**
 * A block of a sheet: a header and its rows, as an Excel table or as a plain
 * range, with a title merged over it or not, a Pôle merged down its rows or
 * not, and (plain ranges only, not clean ones) a header merged over two or three columns.
 */
function laidBlock(fields: readonly FieldDef[], opts: { clean: boolean; table: boolean | null }): fc.Arbitrary<Block> {
  return fc
    .record({
      columns: columnsOf(fields, { clean: opts.clean }),
      asTable: opts.table === null ? fc.boolean() : fc.constant(opts.table),
      title: fc.option(fc.constantFrom(...TITLE_ROWS.map((r) => r[0]).filter((t) => t !== null)), { nil: null }),
      titleMerged: fc.boolean(),
      pole: fc.option(fc.tuple(fc.nat(), poleRuns), { nil: null }),
      showTotals: fc.boolean(),
      headerMerge: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 2, max: 3 })), { nil: null }),
      /** Excel refuses merged cells inside a table; other software writes them: rarely. */
      mergeInTable: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      datedColumn: fc.option(fc.nat(), { nil: null, freq: 3 }),
    })
    .chain(({ columns, asTable, title, titleMerged, pole, showTotals, headerMerge, mergeInTable, datedColumn }) => {
      const cols: Column[] = [...columns];
      if (pole && !cols.some((c) => c.field?.id === 'pole')) cols.splice(pole[0] % (cols.length + 1), 0, { field: POLE_FIELD, header: 'Pôle' });
      if (cols.length === 0) cols.push({ field: null, header: 'Notes' });
      const width = cols.length;
      const hostileRow = fc.boolean().chain((hostile) => fc.tuple(...cols.map((c) => cellFor(c.field, hostile))).map((r) => r as CellValue[]));
      const body = fc.array(
        fc.oneof({ weight: 8, arbitrary: hostileRow }, { weight: 1, arbitrary: fc.constant(Array<CellValue>(width).fill(null)) }),
        { minLength: asTable ? 1 : 0, maxLength: 7 },
      );
      const totals = fc.tuple(fc.constantFrom('Total', 'Totaux', 'TOTAL GÉNÉRAL :', ''), fc.array(fc.option(oddNumbers, { nil: null }), { minLength: width, maxLength: width }));
      return fc.tuple(body, totals).map(([bodyRows, [label, sums]]): Block => {
        const rows: CellValue[][] = [];
        const merges: LaidMerge[] = [];
        const formulas: LaidFormula[] = [];
        if (title !== null) {
          rows.push([title, ...Array<CellValue>(width - 1).fill(null)]);
          // A title merged over the block: outside any table.
          if (titleMerged && width >= 2) merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
        }
        const top = rows.length;
        const headers: CellValue[] = asTable ? tableHeaders(cols.map((c) => c.header)) : cols.map((c) => c.header);
        if (!asTable && !opts.clean && headerMerge && width >= 2) {
          const span = Math.min(headerMerge[1], width);
          const left = headerMerge[0] % (width - span + 1);
          for (let j = left + 1; j < left + span; j++) headers[j] = null;
          merges.push({ top, left, bottom: top, right: left + span - 1 });
        }
        rows.push(headers);
        const data = bodyRows.map((r) => [...r]);
        const poleCol = cols.findIndex((c) => c.field === POLE_FIELD);
        if (pole && poleCol >= 0 && (!asTable || mergeInTable)) applyPoleRuns(data, poleCol, top + 1, pole[1], merges);
        rows.push(...data);
        if (asTable && showTotals) {
          const r = rows.length;
          rows.push(sums.map((n, j) => (j === 0 ? label : n)));
          sums.forEach((n, j) => {
            if (j > 0 && n !== null) formulas.push({ row: r, col: j, formula: `SUBTOTAL(109,[${j}])` });
          });
        }
        const held = rows.map((r) => r.map(heldByExcel));
        const dated: { row: number; col: number }[] = [];
        if (datedColumn !== null) {
          const c = datedColumn % width;
          // Whole numbers only, of any size: ExcelJS makes a Date of every number under a date
          // format, which rounds a fraction to the millisecond (a known limit, README); one past
          // ~1e8 days, which it cannot make a Date of, is read back from the file.
          const fits = (v: CellValue) => typeof v === 'number' && Number.isInteger(v);
          for (let i = top + 1; i < held.length; i++) if (fits(held[i][c])) dated.push({ row: i, col: c });
        }
        return { rows: held, width, table: asTable ? { top, bodyRows: data.length, showTotals } : null, merges, formulas, dated };
      });
    });
}

const junkBlock: fc.Arbitrary<Block> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.array(fc.array(hostileCell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(...JUNK_HEADERS), { minLength: 5, maxLength: 5 }))
  .map(([width, asTable, body, headers]): Block => {
    const rows = [asTable ? tableHeaders(headers.slice(0, width)) : headers.slice(0, width), ...body.map((r) => r.slice(0, width))].map((r) => r.map(heldByExcel));
    return { rows, width, table: asTable ? { top: 0, bodyRows: body.length, showTotals: false } : null, merges: [], formulas: [], dated: [] };
  });

/** Blocks placed top to bottom, one or two side by side, at random gaps: tables and merges never overlap. */
function laidSheet(name: string, first: fc.Arbitrary<Block> | null, others: fc.Arbitrary<Block>): fc.Arbitrary<Omit<LaidSheet, 'tables'> & { tables: Omit<LaidTable, 'name'>[] }> {
  const placed = (b: fc.Arbitrary<Block>) => fc.record({ block: b, gapCols: fc.integer({ min: 0, max: 2 }) });
  const band = (b: fc.Arbitrary<Block>) => fc.record({ gapRows: fc.integer({ min: 0, max: 2 }), blocks: fc.array(placed(b), { minLength: 1, maxLength: 2 }) });
  const firstBand = first === null ? fc.constant([]) : band(first).map((x) => [x]);
  return fc.tuple(firstBand, fc.array(band(others), { minLength: first === null ? 1 : 0, maxLength: 2 })).map(([a, b]) => {
    const cells: CellValue[][] = [];
    const tables: Omit<LaidTable, 'name'>[] = [];
    const merges: LaidMerge[] = [];
    const formulas: LaidFormula[] = [];
    const dated: { row: number; col: number }[] = [];
    let row = 1;
    for (const { gapRows, blocks } of [...a, ...b]) {
      row += gapRows;
      let col = 1;
      let height = 0;
      for (const { block, gapCols } of blocks) {
        col += gapCols;
        block.rows.forEach((line, i) =>
          line.forEach((v, j) => {
            while (cells.length < row + i) cells.push([]);
            const target = cells[row + i - 1];
            while (target.length < col + j) target.push(null);
            target[col + j - 1] = v;
          }),
        );
        if (block.table) tables.push({ top: row + block.table.top, left: col, width: block.width, bodyRows: block.table.bodyRows, showTotals: block.table.showTotals });
        for (const m of block.merges) merges.push({ top: row + m.top, left: col + m.left, bottom: row + m.bottom, right: col + m.right });
        for (const f of block.formulas) formulas.push({ row: row + f.row, col: col + f.col, formula: f.formula });
        for (const d of block.dated) dated.push({ row: row + d.row, col: col + d.col });
        col += block.width;
        height = Math.max(height, block.rows.length);
      }
      row += height;
    }
    return { name, rows: cells, tables, merges, formulas, dated };
  });
}

const TABLE_PREFIXES = ['Tableau', 'Marchés_', 'T_Suivi', 'tbl'];

/**
 * A buyer's workbook with Excel tables (header row, totals row shown or not,
 * several a sheet) and merged cells (titles, headers over several columns, a
 * Pôle down its rows; inside tables too, rarely), and the hostile cells above.
 * Its first sheet holds a clean register, so the chain always finds one.
 */
export const laidWorkbook: fc.Arbitrary<LaidWorkbook> = fc
  .record({
    file: fc.constantFrom(...FILE_NAMES),
    prefix: fc.constantFrom(...TABLE_PREFIXES),
    register: fc.constantFrom(...REGISTER_SHEET_NAMES.filter((n) => !n.startsWith('SPASER ') && !n.startsWith('spaser '))).chain((name) =>
      laidSheet(name, laidBlock(REGISTER_FIELDS, { clean: true, table: null }), fc.oneof(laidBlock(REGISTER_FIELDS, { clean: false, table: null }), junkBlock)),
    ),
    others: fc.uniqueArray(
      fc.oneof(
        fc.constantFrom(...REGISTER_SHEET_NAMES).chain((name) => laidSheet(name, null, fc.oneof(laidBlock(REGISTER_FIELDS, { clean: false, table: null }), junkBlock))),
        fc
          .constantFrom<[string, readonly FieldDef[]]>(['Suivi insertion', SUIVI_INSERTION_FIELDS], ['Actions SPASER', ACTIONS_FIELDS], ['Cibles', CIBLES_FIELDS], ['Saisies manuelles', SAISIES_FIELDS])
          .chain(([name, fields]) => laidSheet(name, null, laidBlock(fields, { clean: false, table: null }))),
        laidSheet('Notes', null, junkBlock),
      ),
      { maxLength: 2, selector: (s) => s.name.toLowerCase() },
    ),
  })
  .map(({ file, prefix, register, others }) => {
    let n = 0;
    const sheets = [register, ...others.filter((s) => s.name.toLowerCase() !== register.name.toLowerCase())].map(
      (s): LaidSheet => ({ ...s, tables: s.tables.map((t) => ({ ...t, name: `${prefix}${++n}` })) }),
    );
    return { file, sheets };
  });

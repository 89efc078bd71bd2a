/**
 * Blind acceptance « semaines » — one buyer's workbook, week after week, in Excel.
 * Every expected value in blind-semaines.test.ts is worked out by hand from the spec
 * (/work/shared/spec) and README.md's user sections, never copied from a program run.
 *
 * Workbook « Pôle Solidarités.xlsx » (no Pôle column: every row's Pôle is the file's name):
 *   - « Marchés 2025 »: title (A1), update note (A2), blank row 3, header row 4:
 *       A N° marché | B Intitulé | C Attributaire | D Montant HT | E Date notif | F Clause sociale
 *       | G Clause env. | H Ville | I Remarques
 *     amounts as French text (one with narrow no-break spaces, one a formatted number), dates as
 *     Excel dates shown dd/mm/yyyy, oui/non, communes.
 *   - « Mes notes »: the buyer's own notes (free text).
 *
 * Week 1 rows (sheet row = 4 + index):
 *   5  S01 Portage de repas à domicile                    48 000,00 €   06/01/2025 CS oui CE non Roubaix
 *   6  S02 Fourniture de mobilier reconditionné …         12 300,50     20/01/2025 non non Tourcoing   → suggestion env (« reconditionné »)
 *   7  S03 Entretien … par un chantier d'insertion         27 500        03/02/2025 non non Roubaix     → suggestion « Marché d'insertion »
 *   8  S04 Nettoyage des locaux                            15000 (number) 17/02/2025 oui oui Lille
 *   9  S05 Application mobile innovante …                  9 800         03/03/2025 non non Paris       → suggestion innovation
 *  10  S06 Transport de personnes à mobilité réduite       31 200,00 (U+202F) 31/03/2025 non non Villeneuve-d'Ascq
 *  11  S07 Prestations de traiteur                         6 400         14/04/2025 non non Roubaix     « Produits en circuit court » → suggestion env
 *  12  S08 Location de véhicules                           12 000 € TTC  05/05/2025 non non Croix       → error (TTC: unreadable)
 *  13  S09 Achat de fournitures de bureau                  2 150,75      19/05/2025 non non Roubaix     « sans clause sociale » (negation)
 *  14  S10 Maintenance informatique                        18 000        02/06/2025 non oui Lille
 *  15  S11 Accompagnement vers l'emploi … (clause d'insertion) 22 000    16/06/2025 non non Roubaix     → suggestion social
 *  16  S12 Formation des agents d'accueil                  4 200         15/09/2025 non non Roubaix
 */
import type { CellModel, DoubleValue, ExcelDouble, SeedCell, SeedSheet, SheetModel } from '../doubles/excel-double';

export const FILE = 'Pôle Solidarités.xlsx';
export const USER = 'Marchés 2025';
export const NOTES = 'Mes notes';
export const TODAY = '2026-01-20';

export const HEADERS = ['N° marché', 'Intitulé', 'Attributaire', 'Montant HT', 'Date notif', 'Clause sociale', 'Clause env.', 'Ville', 'Remarques'];

const DATE = 'dd/mm/yyyy';
const EUR = '#,##0.00 "€"';
/** An Excel date (1900 system serial) shown the French way. */
const d = (serial: number): SeedCell => ({ v: serial, nf: DATE });
const NNBSP = '\u202f';

// Serials: 01/01/2025 = 45658.
export const WEEK1_ROWS: SeedCell[][] = [
  ['2025-S01', 'Portage de repas à domicile', 'Resto Solidaire SAS', '48 000,00 €', d(45663), 'oui', 'non', 'Roubaix', null],
  ['2025-S02', 'Fourniture de mobilier reconditionné pour les centres sociaux', "Mobil'Occas", '12 300,50', d(45677), 'non', 'non', 'Tourcoing', null],
  ['2025-S03', "Entretien des espaces verts par un chantier d'insertion", 'Jardins du Nord', '27 500', d(45691), 'non', 'non', 'Roubaix', null],
  ['2025-S04', 'Nettoyage des locaux', 'Net Pro', { v: 15000, nf: EUR }, d(45705), 'oui', 'oui', 'Lille', null],
  ['2025-S05', 'Application mobile innovante de prise de rendez-vous', 'Appli Sociale', '9 800', d(45719), 'non', 'non', 'Paris', null],
  ['2025-S06', 'Transport de personnes à mobilité réduite', "Trans'Handi", `31${NNBSP}200,00`, d(45747), 'non', 'non', "Villeneuve-d'Ascq", 'Facture de mars à relancer'],
  ['2025-S07', 'Prestations de traiteur', 'Saveurs Locales', '6 400', d(45761), 'non', 'non', 'Roubaix', 'Produits en circuit court'],
  ['2025-S08', 'Location de véhicules', "Loc'Auto", '12 000 € TTC', d(45782), 'non', 'non', 'Croix', null],
  ['2025-S09', 'Achat de fournitures de bureau', 'Bureau Plus', '2 150,75', d(45796), 'non', 'non', 'Roubaix', 'sans clause sociale'],
  ['2025-S10', 'Maintenance informatique', 'InfoServ', '18 000', d(45810), 'non', 'oui', 'Lille', null],
  ['2025-S11', "Accompagnement vers l'emploi des allocataires du RSA (clause d'insertion)", 'Emploi Plus', '22 000', d(45824), 'non', 'non', 'Roubaix', null],
  ['2025-S12', "Formation des agents d'accueil", 'Forma Conseil', '4 200', d(45915), 'non', 'non', 'Roubaix', null],
];

export function week1Sheets(): SeedSheet[] {
  return [
    {
      name: USER,
      cells: [
        [{ v: 'Suivi des marchés — Direction des Solidarités', bold: true }],
        ['Mise à jour : 12/01/2026'],
        [],
        HEADERS.map((h) => ({ v: h, bold: true, fill: '#D9E1F2' })),
        ...WEEK1_ROWS,
      ],
      widths: { 1: 80, 2: 300 },
      frozenRows: 4,
    },
    {
      name: NOTES,
      cells: [
        ['Notes de suivi'],
        ['2025-S08 : demander au loueur son montant HT.'],
        ["2025-S06 : relancer Trans'Handi pour la facture de mars."],
        ['Montant total engagé', '≈ 210 000 €'],
      ],
    },
  ];
}

// --------------------------------------------------------------------------------------------
// The buyer's edits, as Excel does them to the sheet (cells move; conditional formats and
// widths follow an inserted column or a deleted row; a sort moves values only).

function shiftedRow(line: Map<number, CellModel>, from: number, by: number): Map<number, CellModel> {
  const out = new Map<number, CellModel>();
  for (const [c, cell] of line) out.set(c >= from ? c + by : c, cell);
  return out;
}

/** Home › Insert › Insert Sheet Columns, before column `col` (1-based). */
export function insertColumn(excel: ExcelDouble, sheetName: string, col: number): void {
  const s = excel.sheet(sheetName);
  const from = col - 1;
  for (const [r, line] of [...s.rows]) s.rows.set(r, shiftedRow(line, from, 1));
  s.widths = new Map([...s.widths].map(([c, w]) => [c >= from ? c + 1 : c, w]));
  for (const cf of excel.conditionalFormatsOf(sheetName)) for (const a of cf.areas) if (a.c0 >= from) a.c0 += 1;
}

/** Right-click › Delete › Entire row `row` (1-based). */
export function deleteRow(excel: ExcelDouble, sheetName: string, row: number): void {
  const s = excel.sheet(sheetName);
  const r0 = row - 1;
  const rows = new Map<number, Map<number, CellModel>>();
  for (const [r, line] of s.rows) if (r !== r0) rows.set(r > r0 ? r - 1 : r, line);
  s.rows = rows;
  for (const cf of excel.conditionalFormatsOf(sheetName)) {
    cf.areas = cf.areas.filter((a) => !(a.r0 === r0 && a.nr === 1));
    for (const a of cf.areas) if (a.r0 > r0) a.r0 -= 1;
  }
}

/** Data › Sort on rows first..last (1-based), by the values of column `col` (1-based). */
export function sortRows(excel: ExcelDouble, sheetName: string, first: number, last: number, col: number, descending: boolean): void {
  const s: SheetModel = excel.sheet(sheetName);
  const lines = [];
  for (let r = first - 1; r <= last - 1; r++) lines.push(s.rows.get(r) ?? new Map<number, CellModel>());
  const key = (line: Map<number, CellModel>) => Number(line.get(col - 1)?.value ?? 0);
  lines.sort((a, b) => (descending ? key(b) - key(a) : key(a) - key(b)));
  lines.forEach((line, i) => s.rows.set(first - 1 + i, line));
}

/** The buyer types a row of values from column 1 (1-based row). */
export function typeRow(excel: ExcelDouble, sheetName: string, row: number, cells: SeedCell[]): void {
  const s = excel.sheet(sheetName);
  cells.forEach((input, j) => {
    if (input === null) return;
    const cell = excel.cellAt(s, row - 1, j);
    if (typeof input === 'object') {
      cell.value = input.v ?? null;
      if (input.nf) cell.numberFormat = input.nf;
    } else cell.value = input as DoubleValue;
  });
}

/** Week 2's three new contracts, typed under the table (Priorité first: the column inserted before them). */
export const WEEK2_ADDED: SeedCell[][] = [
  ['Normale', '2025-S13', 'Acquisition de véhicules électriques pour le portage de repas', 'Auto Nord', '64 000', d(45940), 'non', 'non', 'Roubaix', null],
  ['Haute', '2025-S14', 'Impression des supports de communication', "Imprim'Roubaix", '5 500,00 €', d(45964), 'non', 'oui', 'Roubaix', null],
  ['Haute', '2025-S15', "Aide alimentaire d'urgence", 'Banque Solidaire', '14 000', d(45985), 'oui', 'non', 'Tourcoing', null],
];

/** The Priorité the buyer gives to week 1's twelve contracts (S01..S12). */
export const PRIORITES = ['Haute', 'Normale', 'Normale', 'Basse', 'Normale', 'Haute', 'Basse', 'Normale', 'Basse', 'Normale', 'Haute', 'Basse'];

/**
 * Week 2, in the order the buyer does it:
 *   1. inserts « Priorité » before the N° column (A), filled for rows 5–16;
 *   2. renames « Date notif » (now F4) to « Notifié le » (a synonym of champs.md);
 *   3. types three contracts in rows 17–19;
 *   4. corrects S08's amount (E12): « 12 000 € TTC » → « 10 000,00 € HT »;
 *   5. sorts rows 5–19 by notification date, most recent first;
 *   6. deletes the row of S09 (cancelled contract), row 11 after the sort.
 * Resulting rows: 5 S15, 6 S14, 7 S13, 8 S12, 9 S11, 10 S10, 11 S08, 12 S07, 13 S06, 14 S05, 15 S04,
 * 16 S03, 17 S02, 18 S01.
 */
export function week2Edits(excel: ExcelDouble): void {
  insertColumn(excel, USER, 1);
  typeRow(excel, USER, 4, [{ v: 'Priorité', bold: true }]);
  excel.cellAt(excel.sheet(USER), 3, 0).bold = true;
  PRIORITES.forEach((p, i) => typeRow(excel, USER, 5 + i, [p]));
  const date = excel.cellAt(excel.sheet(USER), 3, 5);
  if (date.value !== 'Date notif') throw new Error(`F4 is ${String(date.value)}`);
  date.value = 'Notifié le';
  WEEK2_ADDED.forEach((line, i) => typeRow(excel, USER, 17 + i, line));
  const amount = excel.cellAt(excel.sheet(USER), 11, 4);
  if (amount.value !== '12 000 € TTC') throw new Error(`E12 is ${String(amount.value)}`);
  amount.value = '10 000,00 € HT';
  sortRows(excel, USER, 5, 19, 6, true);
  if (excel.cell(USER, 11, 2)?.value !== '2025-S09') throw new Error(`row 11 is ${String(excel.cell(USER, 11, 2)?.value)}`);
  deleteRow(excel, USER, 11);
}

/** Week 3: the register sheet gets its Pôle in its name. */
export const USER_RENAMED = 'Marchés 2025 Solidarités';

/** Week 3: the COPIL's targets, typed by the buyer in a sheet of their own. */
export function ciblesSheet(): SeedSheet {
  return {
    name: 'Cibles',
    cells: [
      ['Indicateur', 'Année', 'Cible', 'Sens'],
      ['4.1.2-consideration-sociale', 2025, 30, '≥'],
      ['3.1.1-consideration-env', 2025, 50, '≥'],
      ['1.1.2-marches-ar', 2025, 5, null],
      ['5.2.1-innovants-nb', 2025, 10, '≥'],
    ],
  };
}

/** Adds a seeded sheet at the end of the workbook, as Excel's « + » does. */
export function addSheet(excel: ExcelDouble, sheet: SeedSheet): void {
  excel.seed(sheet);
}

/**
 * BLIND recette `volume`: a LARGE buyer's workbook (house style of a « Direction Ville durable »),
 * the same cells laid out both as seeds of the Excel double and as an ExcelJS workbook (.xlsx),
 * plus the next week's edits applied to the live workbook in the double.
 *
 * Sheets, in order:
 * - `Marchés 2025` — title on row 1, header on row 3 (16 columns), `rows` contracts of 2025 from row 4,
 *   then a totals row (« Total » under Intitulé, a SUM formula under the amount). A user conditional format.
 * - `Marchés 2024` — an Excel table `T_Marches2024` from A1 (9 columns), `rows2024` contracts of 2024.
 * - `Cibles` — three COPIL targets (champs.md, companion sheet).
 * - `Tableau de bord` — the user's own formulas, number formats, bold and fills (not a register).
 * - `Contacts` — a user table `T_Contacts` (not a register).
 *
 * Errors placed on purpose (regles.md §3; sheet row = i + 3 on `Marchés 2025`, j + 1 on `Marchés 2024`):
 *   2025 i=101   montant empty                           → montant-manquant
 *   2025 i=2002  date « 31/02/2025 » (no such day)       → date-invalide
 *   2025 i=5003  numero equal to i=5002's, both 2025     → doublon (the second one)
 *   2025 i=9004  numero empty                            → numero-manquant
 *   2025 i=12005 montant « douze mille »                 → montant-invalide
 *   2025 i=15006 montant is the error value #N/A         → valeur-illisible (README: not also montant-manquant)
 *   2025 i=19007 montant −500                            → montant-invalide
 *   2024 j=250   objet empty                             → objet-manquant
 *   2024 j=4000  date « 45/13/2024 »                     → date-invalide
 * = 9 rows in error.
 */
import ExcelJS from 'exceljs';
import type { CellModel, ExcelDouble, SeedCell, SeedSheet } from '../../doubles/excel-double';

export const FILE = 'Pôle Ville durable.xlsx';
export const TODAY = '2026-01-15';
export const S2025 = 'Marchés 2025';
export const S2024 = 'Marchés 2024';
export const CIBLES = 'Cibles';
export const DASHBOARD = 'Tableau de bord';
export const CONTACTS = 'Contacts';
export const USER_SHEETS = [S2025, S2024, CIBLES, DASHBOARD, CONTACTS];
/** The user's own conditional format on `Marchés 2025`. */
export const OWN_CF_FORMULA = '=E4>100000';

export const HEADER_ROW_2025 = 3;
export const HEADER_2025 = [
  'Réf. marché', // numero
  'Intitulé', // objet
  'Direction', // direction
  'Procédure', // procedure
  'Montant HT (€)', // montant
  'Mandaté', // montantMandate
  'Notifié le', // dateNotification
  'Titulaire', // titulaire
  'SIRET', // siret
  'CP', // codePostalTitulaire
  'Ville', // communeTitulaire
  'Clause sociale', // clauseSociale
  'Critère env.', // critereEnvironnemental
  'Innovant', // marcheInnovant
  'Délai de paiement', // delaiPaiement
  'Observations', // commentaires
];
export const HEADER_2024 = [
  'N° marché',
  'Objet',
  'Montant HT',
  'Date notif',
  'Attributaire',
  'Code postal',
  'Commune',
  'Clause insertion',
  'Délai global de paiement',
];

export type Cell = SeedCell;
const DATE_NF = 'dd/mm/yyyy';

/** Serial of a date in Excel's 1900 system. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A Luhn-valid SIRET for supplier k. */
export function siret(k: number): string {
  const base = String(1_000_000_000_000 + k * 7919);
  let sum = 0;
  // Rightmost digit of the base is position 2 of the 14 (doubled).
  for (let p = 0; p < base.length; p++) {
    let dgt = Number(base[base.length - 1 - p]);
    if (p % 2 === 0) {
      dgt *= 2;
      if (dgt > 9) dgt -= 9;
    }
    sum += dgt;
  }
  return base + String((10 - (sum % 10)) % 10);
}

const PLACES: [string, string][] = [
  ['59100', 'Roubaix'],
  ['59200', 'Tourcoing'],
  ['59000', 'Lille'],
  ['62000', 'Arras'],
  ['75011', 'Paris'],
];
const OBJETS = [
  'Entretien des espaces verts secteur',
  'Fourniture de papier et enveloppes lot',
  'Maintenance des ascenseurs bâtiment',
  'Nettoyage des locaux site',
  'Location de nacelles chantier',
  'Travaux de voirie rue',
  'Prestations de gardiennage site',
  'Fourniture de mobilier scolaire lot',
];
const DIRECTIONS = ['Espaces verts', 'Bâtiments', 'Voirie', 'Propreté', 'Logistique'];

export const numero2025 = (i: number) => `VD25-${pad(i, 5)}`;

/** Amount of row i of 2025 (a number; text on some rows, see cell). */
export function montant2025(i: number): number {
  return 1000 + ((i * 37) % 50000) + (i % 2) * 0.5;
}

/** One contract row of 2025 (16 cells). */
export function row2025(i: number): Cell[] {
  const k = i % 300;
  const [cp, ville] = PLACES[k % 5];
  const mt = montant2025(i);
  const day = serial('2025-01-01') + (i % 365);
  const cells: Cell[] = [
    numero2025(i),
    `${OBJETS[i % OBJETS.length]} ${(i % 40) + 1}`,
    DIRECTIONS[i % 5],
    i % 10 === 0 ? 'AOO' : i % 17 === 0 ? 'gré à gré' : 'MAPA',
    // Every 250th amount typed as French text.
    i % 250 === 0 ? `${Math.floor(mt).toLocaleString('fr-FR').replace(/\u202f/g, ' ')},${(mt % 1 === 0 ? '00' : '50')} €` : mt,
    i % 3 === 0 ? null : Math.round(mt * 80) / 100,
    { v: day, nf: DATE_NF },
    `Entreprise ${k} SAS`,
    i % 1000 === 7 ? '1234567890123' : siret(k),
    cp,
    ville,
    i % 4 === 0 ? 'oui' : 'non',
    i % 5 === 0 ? 'x' : null,
    i % 50 === 0 ? 'oui' : null,
    20 + (i % 15),
    // Every 500th row mentions réemploi (a suggestion to confirm).
    i % 500 === 0 ? 'Mobilier issu du réemploi' : i % 100 === 0 ? 'RAS' : null,
  ];
  if (i === 101) cells[4] = null;
  if (i === 2002) cells[6] = '31/02/2025';
  if (i === 5003) cells[0] = numero2025(5002);
  if (i === 9004) cells[0] = null;
  if (i === 12005) cells[4] = 'douze mille';
  if (i === 15006) cells[4] = { error: '#N/A' };
  if (i === 19007) cells[4] = -500;
  return cells;
}

export function row2024(j: number): Cell[] {
  const k = (j * 7) % 300;
  const [cp, ville] = PLACES[k % 5];
  const cells: Cell[] = [
    `VD24-${pad(j, 4)}`,
    `${OBJETS[(j + 3) % OBJETS.length]} ${(j % 30) + 1}`,
    500 + ((j * 53) % 40000),
    { v: serial('2024-01-01') + (j % 366), nf: DATE_NF },
    `Entreprise ${k} SAS`,
    cp,
    ville,
    j % 3 === 0 ? 'Oui' : 'Non',
    15 + (j % 20),
  ];
  if (j === 250) cells[1] = null;
  if (j === 4000) cells[3] = '45/13/2024';
  return cells;
}

export interface BookModel {
  rows2025: number;
  rows2024: number;
  sheets: SeedSheet[];
}

export function buildBook(rows2025: number, rows2024 = 5000): BookModel {
  const s2025: Cell[][] = [[{ v: `Suivi des marchés ${2025} — Direction Ville durable`, bold: true }], [], HEADER_2025.map((h) => ({ v: h, bold: true, fill: '#DDEBF7' }))];
  for (let i = 1; i <= rows2025; i++) s2025.push(row2025(i));
  const last = HEADER_ROW_2025 + rows2025;
  const totals: Cell[] = [null, { v: 'Total', bold: true }, null, null, { f: `=SUM(E${HEADER_ROW_2025 + 1}:E${last})`, v: 123456789.5, nf: '#,##0.00 "€"' }];
  s2025.push(totals);

  const s2024: Cell[][] = [HEADER_2024];
  for (let j = 1; j <= rows2024; j++) s2024.push(row2024(j));

  const cibles: Cell[][] = [
    ['Indicateur', 'Année', 'Cible', 'Sens'],
    ['4.1.2-consideration-sociale', 2025, 30, '≥'],
    ['2.1.5-delai-paiement', 2025, 30, '≤'],
    ['3.1.1-consideration-env', 2024, 15, null],
  ];

  const dashboard: Cell[][] = [
    [{ v: 'Tableau de bord des achats', bold: true }],
    [],
    ['Nombre de marchés 2025', { f: `=COUNTA('${S2025}'!A4:A${last})`, v: rows2025 - 1, nf: '0' }],
    ['Montant total 2025', { f: `=SUM('${S2025}'!E4:E${last})`, v: 123456789.5, nf: '#,##0.00 "€"' }],
    ['Marchés avec clause', { f: `=COUNTIF('${S2025}'!L4:L${last},"oui")`, v: Math.floor(rows2025 / 4), nf: '0' }],
    ['Part avec clause', { f: '=B5/B3', v: 0.25, nf: '0.0%', fill: '#FFF2CC' }],
    ['Mise à jour', { v: serial('2025-12-19'), nf: DATE_NF }],
  ];

  const contacts: Cell[][] = [
    ['Nom du contact', 'Téléphone', 'Courriel', 'Rôle'],
    ['Mme Leroy', '03 20 00 00 01', 'leroy@exemple.test', 'Référente'],
    ['M. Ben Ali', '03 20 00 00 02', 'benali@exemple.test', 'Chargé'],
    ['Mme Nguyen', '03 20 00 00 03', 'nguyen@exemple.test', 'Cheffe'],
  ];

  return {
    rows2025,
    rows2024,
    sheets: [
      {
        name: S2025,
        cells: s2025,
        widths: { 1: 14, 2: 40 },
        frozenRows: 3,
        conditionalFormats: [{ address: `E4:E${last}`, type: 'Custom', formula: OWN_CF_FORMULA, fill: '#FFC7CE' }],
      },
      { name: S2024, cells: s2024, tables: [{ name: 'T_Marches2024', address: `A1:I${rows2024 + 1}` }] },
      { name: CIBLES, cells: cibles },
      { name: DASHBOARD, cells: dashboard, widths: { 1: 30 } },
      { name: CONTACTS, cells: contacts, tables: [{ name: 'T_Contacts', address: 'A1:D4' }] },
    ],
  };
}

function fromSerial(n: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
}

/** The same workbook as an ExcelJS workbook (what the buyer would have saved as .xlsx). */
export function toExcelJS(book: BookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    const tables = s.tables ?? [];
    if (tables.length > 0) {
      // Tables are added through ExcelJS's table API (header + rows), as ExcelJS writes them.
      for (const t of tables) {
        const cells = s.cells ?? [];
        const header = cells[0] as Cell[];
        ws.addTable({
          name: t.name,
          ref: 'A1',
          headerRow: true,
          style: { theme: 'TableStyleMedium2', showRowStripes: true },
          columns: header.map((h) => ({ name: String(h), filterButton: true })),
          rows: cells.slice(1).map((r) => r.map((c) => exceljsValue(c))),
        });
        // Dates: the table API writes Date objects; give them the date format.
        cells.slice(1).forEach((r, i) =>
          r.forEach((c, j) => {
            if (c !== null && typeof c === 'object' && c.nf) ws.getCell(i + 2, j + 1).numFmt = c.nf;
          }),
        );
      }
    } else {
      (s.cells ?? []).forEach((line, i) =>
        line.forEach((c, j) => {
          if (c === null || c === undefined) return;
          const cell = ws.getCell(i + 1, j + 1);
          cell.value = exceljsValue(c);
          if (typeof c === 'object') {
            if (c.nf) cell.numFmt = c.nf;
            if (c.bold) cell.font = { bold: true };
            if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.fill.slice(1)}` } };
          }
        }),
      );
    }
    for (const [col, w] of Object.entries(s.widths ?? {})) ws.getColumn(Number(col)).width = w;
    if (s.frozenRows) ws.views = [{ state: 'frozen', ySplit: s.frozenRows }];
  }
  return wb;
}

function exceljsValue(c: Cell): ExcelJS.CellValue {
  if (c === null || typeof c !== 'object') return c as ExcelJS.CellValue;
  if (c.error) return { error: c.error } as ExcelJS.CellValue;
  if (c.f) return { formula: c.f.replace(/^=/, ''), result: c.v as number } as ExcelJS.CellValue;
  if (c.nf === DATE_NF && typeof c.v === 'number') return fromSerial(c.v);
  return c.v as ExcelJS.CellValue;
}

export async function xlsxBytes(book: BookModel): Promise<Uint8Array> {
  return new Uint8Array((await toExcelJS(book).xlsx.writeBuffer()) as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// The next week, in the live workbook (the double): 100 rows edited, 50 rows added above the totals row.
//
// Edits on `Marchés 2025` (sheet row = i + 3):
//   fixes:  i=101 montant 4 000 (was empty); i=9004 numero « VD25-09004 » (was empty)     → −2 rows in error
//   breaks: i=300 montant « n.c. » (montant-invalide); i=7000 date emptied (date-manquante) → +2 rows in error
//   96 harmless edits: montant of i = 10001…10096 raised by 100 (none of them is an error row) → ±0
//   = 100 rows edited.
// Added: i = rows2025+1 … rows2025+50 (rows of 2025 like the others), the last of them with the numero of
//   i=1 (2025 too) → doublon, +1 row in error. The totals row moves 50 rows down.
// ---------------------------------------------------------------------------------------------
export const WEEK2_EDITED = 100;
export const WEEK2_ADDED = 50;

export function applyWeek2(excel: ExcelDouble, book: BookModel): void {
  const sheet = excel.sheet(S2025);
  const at = (i: number, col: number): CellModel => excel.cellAt(sheet, HEADER_ROW_2025 + i - 1, col - 1);
  const setValue = (i: number, col: number, v: string | number | null) => {
    const c = at(i, col);
    delete c.error;
    delete c.formula;
    c.value = v;
  };
  let edited = 0;
  setValue(101, 5, 4000);
  setValue(9004, 1, 'VD25-09004');
  setValue(300, 5, 'n.c.');
  setValue(7000, 7, null);
  edited += 4;
  for (let i = 10001; i <= 10096; i++) {
    const c = at(i, 5);
    if (typeof c.value !== 'number') throw new Error(`row ${i} has no numeric amount`);
    c.value += 100;
    edited++;
  }
  if (edited !== WEEK2_EDITED) throw new Error('edit count');

  // Move the totals row down, then write the 50 new rows where it was.
  const n = book.rows2025;
  const oldTotals = HEADER_ROW_2025 + n; // 0-based row index of the totals row (sheet row n + 4)
  const totals = sheet.rows.get(oldTotals)!;
  sheet.rows.delete(oldTotals);
  const newLast = HEADER_ROW_2025 + n + WEEK2_ADDED;
  totals.get(4)!.formula = `=SUM(E${HEADER_ROW_2025 + 1}:E${newLast})`;
  sheet.rows.set(HEADER_ROW_2025 + n + WEEK2_ADDED, totals);
  for (let k = 1; k <= WEEK2_ADDED; k++) {
    const i = n + k;
    const cells = row2025(i);
    if (k === WEEK2_ADDED) cells[0] = numero2025(1);
    cells.forEach((c, j) => {
      if (c === null) return;
      const cell = excel.cellAt(sheet, HEADER_ROW_2025 + i - 1, j);
      if (typeof c === 'object') {
        cell.value = c.v ?? null;
        if (c.nf) cell.numberFormat = c.nf;
        if (c.error) cell.error = c.error;
      } else cell.value = c;
    });
  }
}

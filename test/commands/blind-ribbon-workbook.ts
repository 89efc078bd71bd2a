/**
 * Blind acceptance of the ribbon button — the buyer's workbook, in their own
 * house style, and the edits they make from one week to the next. Every
 * expected value in blind-ribbon.test.ts is worked out by hand from the spec
 * (/work/shared/spec) and the README, never copied from a program run.
 *
 * Workbook « Pôle Culture.xlsx »:
 *   - « Suivi marchés 2025 »: a title (A1), a note (A2), a merged group header
 *     « Identification du marché » (A3:C3), then the Excel table
 *     « TabMarches » on A4:K12 (header row 4), French text numbers and
 *     dates, a formula column « Écart (€) » (not a canonical field), one of
 *     its cached results a #VALUE! error, and a conditional format of the user's own.
 *   - « Notes »: free text.
 *   - « Listes » (hidden): the buyer's drop-down lists.
 *
 * Rows (sheet row numbers as the user sees them), exercice 2025:
 *   5  2025-001  Nettoyage …          « 12 500,00 € »  mandaté 11 000  « 03/02/2025 »  CS oui  CE non  59100 (number)
 *   6  2025-002  Fourniture de papier recyclé → suggestion Clause environnementale (« recyclé »)
 *                                     « 3 200,50 »     3 200,50        « 17/02/2025 »  non     non     « 59000 »
 *   7  2025-003  Chantier d'insertion espaces verts → suggestion Marché d'insertion (« chantier d'insertion »)
 *                                     « 45 000 »       40 000          « 10/03/2025 »  non     non     « 59100 »
 *   8  2025-004  Maintenance …        « 8 000 € TTC »  (error: montant unreadable, README: TTC → illisible)
 *   9  2025-005  Location …           2 500 (number)   —               serial 45800 (23/05/2025)  non  oui  « 5910 » (warning: CP)
 *  10  2025- 002 Fourniture de papier (réassort) « 1 000 » 1 000 « 15/09/2025 » (error: doublon of row 6, same year)
 *  11  2025-006  Entretien …         « 6 750,00 € »   6 000           « 31/02/2025 »  (error: date unreadable)
 *  12  2025-007  Formation …         « 1 800 »        —               « 05/11/25 » (→ 2025)  oui  non  75011
 */
import type { DoubleValue, ExcelDouble, SeedCell, SeedSheet } from '../doubles/excel-double';

export const FILE = 'Pôle Culture.xlsx';
export const USER = 'Suivi marchés 2025';
export const NOTES = 'Notes';
export const LISTES = 'Listes';
export const TABLE = 'TabMarches';
export const TODAY = '2026-01-15';

export const HEADERS = [
  'N° marché',
  'Objet',
  'Titulaire',
  'Montant HT',
  'Montant mandaté',
  'Notifié le',
  'Clause sociale',
  'Critère env.',
  'CP titulaire',
  'Observations',
  'Écart (€)',
];

const EUR = '#,##0.00 "€"';
const DATE = 'dd/mm/yyyy';
const mandate = (v: number | null): SeedCell => (v === null ? null : { v, nf: EUR });
/** The formula column: the buyer's own check of amount minus spend (its cached result is the user's business). */
const ecart = (row: number, v: number | null, error?: string): SeedCell =>
  error ? { f: `=VALUE(D${row})-E${row}`, error } : { v, f: `=VALUE(D${row})-E${row}`, nf: EUR };

export const WEEK1_ROWS: SeedCell[][] = [
  ['2025-001', 'Nettoyage des locaux administratifs', 'Propreté Nord', '12 500,00 €', mandate(11000), '03/02/2025', 'oui', 'non', 59100, 'RAS', ecart(5, 1500)],
  ['2025-002', 'Fourniture de papier recyclé', 'Papeterie Lilloise', '3 200,50', mandate(3200.5), '17/02/2025', 'non', 'non', '59000', null, ecart(6, 0)],
  ['2025-003', "Chantier d'insertion espaces verts", 'Association Rebond', '45 000', mandate(40000), '10/03/2025', 'non', 'non', '59100', null, ecart(7, 5000)],
  ['2025-004', 'Maintenance des ascenseurs', 'Ascenseurs Services', '8 000 € TTC', mandate(7500), '14/04/2025', 'non', 'non', '59100', null, ecart(8, null, '#VALUE!')],
  ['2025-005', 'Location de sonorisation', 'Son et Lumière SARL', { v: 2500, nf: EUR }, null, { v: 45800, nf: DATE }, 'non', 'oui', '5910', null, ecart(9, 2500)],
  ['2025- 002', 'Fourniture de papier (réassort)', 'Papeterie Lilloise', '1 000', mandate(1000), '15/09/2025', 'non', 'non', '59000', null, ecart(10, 0)],
  ['2025-006', 'Entretien des véhicules', 'Garage Central', '6 750,00 €', mandate(6000), '31/02/2025', 'non', 'non', '59100', null, ecart(11, 750)],
  ['2025-007', 'Formation des agents', 'Forma Conseil', '1 800', null, '05/11/25', 'oui', 'non', 75011, 'Relancer pour la facture', ecart(12, 1800)],
];

export function userSheet(): SeedSheet {
  return {
    name: USER,
    cells: [
      [{ v: 'Suivi des marchés 2025 — Pôle Culture', bold: true }],
      ['Mis à jour le 10/01/2026 par A. Martin'],
      [{ v: 'Identification du marché', bold: true, fill: '#DDEBF7' }, null, null],
      HEADERS.map((h) => ({ v: h, bold: true, fill: '#1F4E78' })),
      ...WEEK1_ROWS,
    ],
    merges: ['A3:C3'],
    tables: [{ name: TABLE, address: 'A4:K12' }],
    conditionalFormats: [{ address: 'G5:G12', type: 'Custom', formula: '=G5="oui"', fill: '#C6EFCE' }],
    widths: { 1: 90, 2: 260, 4: 110 },
    frozenRows: 4,
  };
}

export function week1Sheets(): SeedSheet[] {
  return [
    userSheet(),
    {
      name: NOTES,
      cells: [
        ['Notes de suivi'],
        ['2025-004 : le titulaire a envoyé un montant TTC, à corriger.'],
        ['2025-006 : date de notification à vérifier avec le service.'],
      ],
    },
    { name: LISTES, visibility: 'Hidden', cells: [['Choix'], ['oui'], ['non']] },
  ];
}

/** What the buyer types in a cell (Excel keeps the typed text as it is in a text-formatted table). */
export function userTypes(excel: ExcelDouble, sheet: string, row: number, col: number, value: DoubleValue, extra: { f?: string; nf?: string } = {}): void {
  const cell = excel.cellAt(excel.sheet(sheet), row - 1, col - 1);
  cell.value = value;
  delete cell.error;
  if (extra.f) cell.formula = extra.f;
  else delete cell.formula;
  if (extra.nf) cell.numberFormat = extra.nf;
}

/**
 * Week 2 edits: D8 fixed (« 8 000 € TTC » → « 8 000,00 € HT ») and its formula result now computes;
 * row 13 added under the table (Excel extends the table to A4:K13), with a 6-digit postal code (warning).
 */
export function week2Edits(excel: ExcelDouble): void {
  userTypes(excel, USER, 8, 4, '8 000,00 € HT');
  userTypes(excel, USER, 8, 11, 500, { f: '=VALUE(D8)-E8', nf: EUR });
  const added: DoubleValue[] = ['2025-008', 'Achat de fournitures de bureau', 'Bureau Plus', '950,00', 950, '20/11/2025', 'non', 'non', '620000', null, 0];
  added.forEach((v, i) => {
    if (v === null) return;
    userTypes(excel, USER, 13, i + 1, v, i === 4 ? { nf: EUR } : i === 10 ? { f: '=VALUE(D13)-E13', nf: EUR } : {});
  });
  const table = excel.findTable(TABLE);
  if (!table) throw new Error('table missing');
  table.nr += 1;
}

/** The 56 ids of indicateurs.md, in the catalogue's order (copied from the spec, in the acceptance helpers). */
export { SPEC_IDS as CATALOGUE } from '../acceptance/helpers';

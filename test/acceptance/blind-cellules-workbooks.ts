/**
 * BLIND acceptance « cellules » — the workbook `Pôle Proximité.xlsx`, built with ExcelJS, holding
 * every kind of cell a real buyer's file holds: formulas with cached results (plain, shared, array,
 * text result, error result), rich text, hyperlinks, typed error values, merged header cells (a
 * two-row header with group labels, vertical merges of the first columns, a header spanning two
 * columns), numbers typed as text (normal, non-breaking and narrow non-breaking spaces, `1.234,56`,
 * `12 500 € HT`, `35 jours`, `3,5 %`), a SIRET and postal codes typed as numbers (`00000` format),
 * dates of every form, yes/no of every spelling plus Excel booleans, procedure synonyms, a
 * percentage cell, a hidden column, a hidden row, a row hidden by the auto filter, blank-looking
 * cells holding only spaces, and a totals row.
 *
 * Layout of sheet `Suivi marchés` (rows as the user sees them):
 *   1  title « Pôle Proximité — suivi des marchés 2024-2025 » merged A1:H1
 *   2  note « Document de travail — ne pas diffuser »
 *   3  empty
 *   4  group labels: A4:A5 « N° marché » and B4:B5 « Objet » merged vertically; C4:D4 « CADRE »,
 *      E4:H4 « FINANCES », I4:L4 « DÉVELOPPEMENT DURABLE », M4:N4 « PILOTAGE », O4:R4 « TIERS »,
 *      S4:V4 « EXÉCUTION » merged horizontally
 *   5  headers (E5:F5 « Montant HT » spans two columns: F holds a note « estimé »/« maximum »)
 *   6… data; 17 is blank-looking (spaces only); 29, 30 (« Sous-total : » in A) and 31 are totals rows
 *      (30 and 31 with a #REF! cached result).
 * Column X « Code nomenclature » is hidden; row 15 is hidden; row 16 is hidden by the auto filter.
 */
import ExcelJS from 'exceljs';

export const CELLULES_FILE = 'Pôle Proximité.xlsx';
export const CELLULES_SHEET = 'Suivi marchés';

export const HEADERS = {
  A: 'N° marché',
  B: 'Objet',
  C: 'Nature',
  D: 'Procédure',
  E: 'Montant HT',
  G: 'Date de notification',
  H: 'Mandaté',
  I: 'Clause sociale',
  J: 'Clause environnementale',
  K: 'Critère environnemental',
  L: 'Marché réservé',
  M: 'Programmé',
  N: 'Nb avenants',
  O: 'Titulaire',
  P: 'SIRET',
  Q: 'CP',
  R: 'Ville',
  S: 'Délai de paiement (jours)',
  T: 'Offres reçues',
  U: 'Négociation',
  V: 'Gain de négociation',
  X: 'Code nomenclature',
} as const;

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** A real Excel date (UTC midnight). */
function day(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

type Col = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T' | 'U' | 'V' | 'X';
type Line = Partial<Record<Col, ExcelJS.CellValue>>;

/** Data rows, by sheet row. Values are written as given; a Date gets `dd/mm/yyyy`. */
const ROWS: Record<number, Line> = {
  6: {
    A: '2025-P01',
    B: { richText: [{ text: 'Entretien des ' }, { font: { bold: true }, text: 'espaces verts' }, { text: ' – secteur Nord' }] },
    C: 'Services', D: 'MAPA', E: 48000, F: 'maximum', G: day('2025-02-10'),
    H: { formula: 'E6*0.75', result: 36000 },
    I: 'oui', J: 'o', K: 'non', L: 'Non', M: 'x', N: 1,
    O: 'Espaces Verts du Nord', P: 41234567800012, Q: 59200, R: 'Tourcoing',
    S: 28, T: 4, U: 'oui', V: 1500, X: 'E12',
  },
  7: {
    A: { formula: '"2025-P"&"02"', result: '2025-P02' },
    B: 'Fournitures de bureau', C: 'FOURNITURES', D: 'AOO', E: '12 500,00', G: 45700,
    I: 'Non', J: 'n', K: 'no', M: false, N: '0',
    O: { text: 'Bureau Plus SARL', hyperlink: 'https://bureau-plus.example.fr' }, P: '523 456 789 00016', Q: 59000, R: 'Lille',
    S: '35 jours', T: '3', U: 'non', X: 'F03',
  },
  8: {
    A: '2025-P03', B: 'Réfection de voirie rue de Lannoy', C: 'travaux', D: 'procédure adaptée', E: 95000, F: 'estimé', G: '14/03/2025',
    H: { formula: 'E8*0.6', result: 57000, shareType: 'shared', ref: 'H8:H10' } as ExcelJS.CellValue,
    I: 'Oui (clause art. 12)', J: 'yes', K: 'y', L: 'Non', M: 'Oui', N: 2,
    O: 'Picardie Travaux', P: 33456789000010, Q: 2100, R: 'Saint-Quentin',
    S: 30, T: 5, U: true, V: 2500, X: 'T01',
  },
  9: {
    A: '2025-P04', B: 'Marquage au sol', C: 'Travaux', D: 'AO ouvert', E: 64000, G: '05/03/25',
    H: { sharedFormula: 'H8', result: 38400 } as ExcelJS.CellValue,
    I: 'x', J: 'vrai', K: 'true', L: 'SIAE', /* M merged with M8 */ N: 0,
    O: 'Alpes Signalétique', P: 44567890100015, Q: 5000, R: 'Gap',
    S: 25, T: 2, U: 'y', V: 0, X: 'T02',
  },
  10: {
    A: { text: '2025-P05', hyperlink: "#'Suivi marchés'!A10" }, B: 'Nettoyage des bâtiments communaux', C: 'services', D: 'AOR',
    E: `145${NBSP}000`, G: '14-04-2025',
    H: { sharedFormula: 'H8', result: 87000 } as ExcelJS.CellValue,
    I: '✓', J: '✔', K: 'faux', L: 'ESAT/EA', M: 'non', N: '1',
    O: 'Arras Nettoyage', P: 3456789010023, Q: 62000, R: 'Arras',
    S: 32, T: 6, U: 'o', V: 3000, X: '   ',
  },
  11: {
    A: '2025-P06', B: "Maintenance de l'éclairage public", C: 'Services', D: 'PCN', E: '81.234,56', F: { error: '#VALUE!' }, G: '14.05.2025',
    H: { formula: 'E11*0.5', result: 40617.28, shareType: 'array', ref: 'H11' } as ExcelJS.CellValue,
    I: '-', J: '0', K: false, L: 'Non', M: 'VRAI', N: 1,
    O: 'Nordelec SAS', P: 75678901200017, Q: 59100, R: 'Roubaix',
    S: 20, T: 3, U: 'non', V: 0.05, X: 'S07',
  },
  12: {
    A: '2025-P07', B: 'Location de nacelles', C: 'Fournitures', D: 'gré à gré', E: 8500, G: '2025-05-20', H: '   ',
    I: 'n', J: 'N', M: 'Non concerné',
    O: 'Loca Nord', R: 'Wattrelos',
    T: 1, U: 'faux', X: 'F09',
  },
  13: {
    A: '2025-P08', B: { formula: '"Vérification des "&"extincteurs"', result: 'Vérification des extincteurs' }, C: 'Services', D: 'sans publicité',
    E: 6200, G: '3 mars 2025', H: 6200,
    I: 'non', J: 'non', K: 'non', L: 'Non', M: 'Oui', N: 0,
    O: 'Sécurité Incendie Flandres', P: '867 890 123 00013', Q: '59000', R: 'LILLE',
    S: 15, U: 'non', X: 'S11',
  },
  14: {
    A: '2025-P09', B: 'Fourniture de mobilier scolaire', C: 'Fournitures', D: 'DC', E: '12 500 € HT',
    G: { formula: 'DATE(2025,6,2)', result: day('2025-06-02') } as ExcelJS.CellValue, H: 9000,
    I: '✔', J: 'oui', K: 'oui', L: 'ESS', M: true, N: 1,
    O: 'Mobilier Flamand', P: 47890123400011, Q: 59150, R: 'Wattrelos',
    S: 29, T: '4', U: 'oui', V: `1${NNBSP}200`, X: 'F10',
  },
  15: {
    A: '2025-P10', B: "Élagage des arbres d'alignement", C: 'Services', D: 'MNSPMC', E: 22000, G: day('2025-07-01'), H: 22000,
    I: 'oui', J: 'non', L: 'non', M: 'non', N: 0,
    O: 'Espaces Verts du Nord', P: 41234567800012, Q: 59200, R: 'Tourcoing',
    S: 31, T: 1, U: 'non', X: 'S02',
  },
  16: {
    A: '2025-P11', B: 'Impression de supports de communication', C: 'Fournitures', D: 'PA',
    E: { richText: [{ text: '15 750,50' }, { font: { italic: true }, text: ' €' }] }, G: day('2025-07-15'), H: 12000,
    I: 'non', J: 'oui', K: 'oui', L: 'Non', M: 'oui', N: 0,
    O: 'Paris Conseil Impression', P: 38901234500010, Q: 75011, R: 'Paris',
    S: 40, T: 7, U: 'oui', V: `750,00${NBSP}€`, X: 'F15',
  },
  17: { A: '   ', B: '  ', E: ' ', I: ' ' },
  18: {
    A: '2025-P12', B: 'Entretien des aires de jeux', C: 'Services', D: 'MAPA', E: 18000, G: day('2025-08-01'), H: 18000,
    I: 'non', J: 'non', K: 'non', L: 'Non', M: 'oui', N: 0,
    O: 'Jeux et Loisirs du Nord', P: { error: '#N/A' }, Q: 59100, R: 'Roubaix',
    S: 20, T: 3, U: 'non', X: 'S03',
  },
  19: {
    A: '2025-P13', B: 'Transport de matériel', C: 'Services', D: 'MAPA', E: 9800, G: day('2025-08-20'), H: 9800,
    I: 'non', J: 'non', K: 'non', L: 'Non', M: 'non', N: 0,
    O: 'Nordelec SAS', P: 75678901200017, Q: 59100, R: 'Roubaix',
    S: 20, T: { error: '#REF!' }, U: 'non', X: 'S04',
  },
  20: {
    A: '2025-P14', B: 'Remplacement de mobilier urbain', C: 'Fournitures', D: 'AOO', E: 27000, G: day('2025-09-05'),
    H: { formula: 'E20/Y20', result: { error: '#DIV/0!' } } as ExcelJS.CellValue,
    I: 'oui', J: 'non', K: 'non', L: 'Non', M: 'oui', N: 0,
    O: 'Mobilier Flamand', P: 47890123400011, Q: 59150, R: 'Wattrelos',
    S: 20, T: 2, U: 'non', X: 'F11',
  },
  21: {
    A: '2025-P15', B: 'Curage des fossés', C: 'Travaux', D: 'MAPA', E: 33000, G: day('2025-09-30'), H: 30000,
    I: 'non', J: 'non', K: 'non', L: 'Non', M: 'non', N: 0,
    O: 'Picardie Travaux', P: 33456789000010, Q: 2100, R: 'Saint-Quentin',
    S: 20, T: 2, U: 'oui', V: '3,5 %', X: 'T03',
  },
  22: {
    A: '2025-P16', B: 'Réparation de la toiture de la salle Watremez', C: 'Travaux', D: "Appel d'offres ouvert", E: `234${NNBSP}500`,
    G: new Date(Date.UTC(2025, 9, 15, 14, 30)), H: 120000,
    I: `oui${NNBSP}`, J: 'oui', K: 'non', M: 'o', N: 0,
    O: 'Bâti Roubaix', P: 59012345600014, Q: 59100, R: 'ROUBAIX',
    S: { formula: 'Z22-G22', result: 27 } as ExcelJS.CellValue, T: { formula: 'TEXT(3,"0")', result: '3' } as ExcelJS.CellValue, U: 'non', X: 'T05',
  },
  23: {
    A: '2025- p03', B: 'Réfection de voirie rue de Lannoy (bis)', C: 'Travaux', D: 'MAPA', E: 5000, G: day('2025-11-03'), H: 5000,
    I: 'non', J: 'non', K: 'non', L: 'Non', M: 'non', N: 0,
    O: 'Picardie Travaux', P: 33456789000010, Q: 2100, R: 'Saint-Quentin',
    S: 20, T: 1, U: 'non', X: 'T01',
  },
  24: {
    A: '2025-P17', B: 'Achat de petit équipement', C: 'Fournitures', D: 'Autre', E: 4500, G: day('2025-12-01'), H: 4500,
    I: 'no', J: 'y', K: 'n', L: 'Non', M: '-', N: 0,
    O: 'Bureau Plus SARL', P: `523${NBSP}456${NBSP}789${NBSP}00016`, Q: 59000, R: 'Lille',
    S: 10, T: 2, U: 'non', X: NBSP,
  },
  25: {
    A: '2024-P01', B: 'Entretien des espaces verts – secteur Sud', C: 'Services', D: 'MAPA', E: 40000, G: day('2024-03-01'), H: 40000,
    I: { richText: [{ font: { bold: true }, text: 'O' }, { text: 'ui' }] }, J: 'Faux', K: 'non', L: 'Non', M: 'oui', N: 1,
    O: 'Espaces Verts du Nord', P: 41234567800012, Q: 59200, R: 'Tourcoing',
    S: 25, T: 3, U: 1, V: 1000, X: 'E12',
  },
  26: {
    A: '2024-P02', B: 'Fournitures de quincaillerie', C: 'Fournitures', D: 'AOO', E: 20000, G: 45383, H: 15000,
    I: 'non', J: 'oui', K: { formula: 'J26="oui"', result: true } as ExcelJS.CellValue, M: 'N', N: 0,
    O: 'Bureau Plus SARL', P: '523 456 789 00016', Q: 59000, R: 'Lille',
    S: 33, T: 4, U: 'non', X: 'F03',
  },
  27: {
    A: '2024-P03', B: 'Travaux de peinture', C: 'Travaux', D: 'PN', E: 60000, G: '15/09/2024',
    I: 'oui', J: '1', K: 'non', L: 'SIAE', M: 'Vrai', N: 2,
    O: 'Nordelec SAS', P: 75678901200017, Q: 59100, R: 'Roubaix',
    S: 28, T: 2, U: 'oui', V: 2000, X: '  ',
  },
  28: {
    A: '2024-P04', B: 'Prestation de conseil', C: 'Services', D: 'MSPMC', E: 10000, G: '2024-11-20', H: 10000,
    I: 0, J: 'FAUX', K: 'non', L: 'Non', M: 'non', N: 0,
    O: 'Paris Conseil Impression', P: 38901234500010, Q: 75011, R: 'Paris',
    S: 20, T: 1, U: 'non', X: 'S12',
  },
  29: {
    B: 'TOTAL :',
    E: { formula: 'SUM(E6:E28)', result: 1024000 },
    H: { formula: 'SUM(H6:H28)', result: 600000 },
  },
  30: { A: 'Sous-total :', E: { formula: 'SUM(E6:E24)', result: { error: '#REF!' } } as ExcelJS.CellValue },
  31: { B: 'Total général', E: { formula: 'SUM(E29:E30)', result: { error: '#REF!' } } as ExcelJS.CellValue },
};

export async function cellulesBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CELLULES_SHEET);

  ws.getCell('A1').value = 'Pôle Proximité — suivi des marchés 2024-2025';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:H1');
  ws.getCell('A2').value = 'Document de travail — ne pas diffuser';

  // Two-row header: group labels on row 4, field headers on row 5.
  ws.getCell('A4').value = HEADERS.A;
  ws.mergeCells('A4:A5');
  ws.getCell('B4').value = HEADERS.B;
  ws.mergeCells('B4:B5');
  const groups: [string, string][] = [
    ['C4:D4', 'CADRE'],
    ['E4:H4', 'FINANCES'],
    ['I4:L4', 'DÉVELOPPEMENT DURABLE'],
    ['M4:N4', 'PILOTAGE'],
    ['O4:R4', 'TIERS'],
    ['S4:V4', 'EXÉCUTION'],
  ];
  for (const [range, label] of groups) {
    ws.getCell(range.split(':')[0]).value = label;
    ws.mergeCells(range);
  }
  for (const [col, label] of Object.entries(HEADERS)) {
    if (col === 'A' || col === 'B') continue;
    ws.getCell(`${col}5`).value = label;
  }
  ws.mergeCells('E5:F5'); // « Montant HT » spans the amount and its note
  for (const r of [4, 5]) ws.getRow(r).font = { bold: true };

  for (const [rowText, line] of Object.entries(ROWS)) {
    const r = Number(rowText);
    for (const [col, value] of Object.entries(line)) {
      if (value === undefined) continue;
      const cell = ws.getCell(`${col}${r}`);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    }
  }
  // « Programmé » typed once for rows 8 and 9, merged vertically.
  ws.mergeCells('M8:M9');
  // Identifiers typed as numbers, shown with their zeros.
  for (const r of [8, 9, 21, 23]) ws.getCell(`Q${r}`).numFmt = '00000';
  for (const r of [6, 8, 9, 10, 11, 14, 15, 16, 19, 20, 21, 22, 23, 25, 27, 28]) ws.getCell(`P${r}`).numFmt = '00000000000000';
  // Amounts and a percentage.
  for (let r = 6; r <= 29; r++) {
    for (const c of ['E', 'H']) if (typeof ws.getCell(`${c}${r}`).value !== 'string') ws.getCell(`${c}${r}`).numFmt = '#,##0.00 "€"';
  }
  ws.getCell('V11').numFmt = '0%';
  ws.getCell('B29').font = { bold: true };

  // Hidden column X, hidden row 15, row 16 hidden by the auto filter.
  ws.getColumn('X').hidden = true;
  ws.getRow(15).hidden = true;
  ws.autoFilter = 'A5:X28';
  ws.getRow(16).hidden = true;

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * A second, small file of the same buyer (`Pôle Proximité - contrôles.xlsx`, sheet `Saisies 2025`),
 * one odd cell per row, to judge the reading rules' edge cases one by one. Header on row 1.
 */
export const CONTROLES_FILE = 'Pôle Proximité - contrôles.xlsx';
export const CONTROLES_SHEET = 'Saisies 2025';
export const CONTROLES_HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale', 'Nb avenants', 'Nature', 'CP', 'SIRET'];

export async function controlesBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CONTROLES_SHEET);
  const D = (iso: string) => day(iso);
  const rows: ExcelJS.CellValue[][] = [
    CONTROLES_HEADER,
    ['M-01', 'Alpha', '12.500', D('2025-01-10'), 'oui', 0, 'Travaux', '59100', null], // 2
    ['M-02', 'Bravo', '1234.56', D('2025-01-11'), 'non', 0, 'Services', null, null], // 3
    ['M-03', 'Charlie', '1,234', D('2025-01-12'), 'non', 0, 'Services', null, null], // 4
    ['M-04', 'Delta', '12 000 € TTC', D('2025-01-13'), 'non', 0, 'Services', null, null], // 5
    ['M-05', 'Echo', '-1 500', D('2025-01-14'), 'non', 0, 'Services', null, null], // 6
    ['M-06', 'Foxtrot', 'douze mille', D('2025-01-15'), 'non', 0, 'Services', null, null], // 7
    ['M-07', 'Golf', { formula: 'X8*2', result: { error: '#VALUE!' } }, D('2025-01-16'), 'non', 0, 'Services', null, null], // 8
    ['M-08', 'Hotel', 1000, '01/02/99', 'non', 0, 'Services', null, null], // 9
    ['M-09', 'India', 1000, '29/02/2025', 'non', 0, 'Services', null, null], // 10
    ['M-10', 'Juliett', 1000, D('1999-12-31'), 'non', 0, 'Services', null, null], // 11
    ['M-11', 'Kilo', 1000, '2025-13-01', 'non', 0, 'Services', null, null], // 12
    ['M-12', 'Lima', 1000, D('2025-03-01'), 'peut-être', 0, 'Services', null, null], // 13
    ['M-13', 'Mike', 1000, D('2025-03-02'), 'non', '1,5', 'Services', null, null], // 14
    ['M-14', 'November', 1000, D('2025-03-03'), 'non', 0, 'Travaux neufs', null, null], // 15
    ['M-15', 'Oscar', 1000, D('2025-03-04'), 'non', 0, 'Services', '5910', null], // 16
    ['M-16', 'Papa', 1000, D('2025-03-05'), 'non', 0, 'Services', null, 12345678901234], // 17
    ['   ', 'Quebec', 1000, D('2025-03-06'), 'non', 0, 'Services', null, null], // 18
    ['M-17', '   ', '  ', ' ', 'non', 0, 'Services', null, null], // 19
    ['M-01', 'Romeo', 500, D('2024-05-01'), 'non', 0, 'Services', null, null], // 20
    ['M-04', 'Sierra', 700, D('2025-06-01'), 'non', 0, 'Services', null, null], // 21
    ['m-02', 'Tango', 800, D('2025-06-02'), 'non', 0, 'Services', null, null], // 22
  ];
  rows.forEach((values, i) => {
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(i + 1, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  });
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Blind acceptance « texte »: two flat exports of a business application, opened and
 * saved in Excel, where every cell is TEXT (amounts `12 500,00`, `1.234,56`, `3 200 €HT`,
 * dates `2025-03-05`, `05/03/2025`, `5 mars 2025`, yes/no `X`/empty/`O`/`N`/`Oui`/`NON`,
 * SIRET and postal codes with or without spaces, headcounts as text), except the
 * insertion hours and payment delays of some rows, stored as NUMBERS under the custom
 * formats `0\ \h` and `0\ \j` (as Excel saves a column typed `35 h`).
 *
 * File A « Pôle Éducation.xlsx » (sheet « Export », a « POLE » column spelled in several
 * ways, and a « Cibles » sheet); file B « Pôle Proximité.xlsx » (sheet « Extraction »,
 * fewer columns, no Pôle column).
 */
import ExcelJS from 'exceljs';

export const FILE_A = 'Pôle Éducation.xlsx';
export const FILE_B = 'Pôle Proximité.xlsx';
export const SHEET_A = 'Export';
export const SHEET_B = 'Extraction';

/** A number stored as a number under a custom format (`0\ \h`, `0\ \j`). */
export interface Formatted {
  readonly n: number;
  readonly fmt: string;
}
export const HOURS_FMT = '0\\ \\h';
export const DAYS_FMT = '0\\ \\j';
const h = (n: number): Formatted => ({ n, fmt: HOURS_FMT });
const j = (n: number): Formatted => ({ n, fmt: DAYS_FMT });

type Cell = string | Formatted;

export const HEADER_A = [
  'N° MARCHE', 'OBJET', 'POLE', 'PROCEDURE', 'HORS MARCHE', 'DATE DE NOTIFICATION', 'DUREE',
  'MONTANT HT', 'MONTANT MANDATE', 'PROGRAMME', 'CODE NOMENCLATURE', 'NB AVENANTS',
  'AVENANTS DE PROLONGATION', 'RECURRENT', 'REUNION DE CADRAGE', 'NB BILANS', 'DELAI DE PAIEMENT',
  'OFFRES RECUES', 'NEGOCIATION', 'GAIN DE NEGOCIATION', 'CLAUSE SOCIALE', 'MARCHE RESERVE',
  'HEURES REALISEES', 'CLAUSE ENVIRONNEMENTALE', 'CRITERE ENVIRONNEMENTAL', 'MARCHE INNOVANT',
  "CENTRALE D'ACHAT", "MODE D'ACQUISITION", 'TITULAIRE', 'SIRET', 'CODE POSTAL', 'VILLE', 'EFFECTIF',
] as const;

export const HEADER_B = [
  'N° MARCHE', 'OBJET', 'DATE DE NOTIFICATION', 'MONTANT HT', 'PROCEDURE', 'CLAUSE SOCIALE',
  'CRITERE ENVIRONNEMENTAL', 'HEURES REALISEES', 'DELAI DE PAIEMENT', 'TITULAIRE', 'SIRET',
  'CODE POSTAL', 'EFFECTIF',
] as const;

type RowA = Partial<Record<(typeof HEADER_A)[number], Cell>>;
type RowB = Partial<Record<(typeof HEADER_B)[number], Cell>>;

/** File A, sheet rows 2…12 (in this order). */
export const ROWS_A: RowA[] = [
  // row 2 — A1
  {
    'N° MARCHE': 'EDU-25-001', OBJET: 'Fourniture de repas pour la restauration scolaire', POLE: 'Éducation',
    PROCEDURE: 'AOO', 'HORS MARCHE': 'N', 'DATE DE NOTIFICATION': '2025-03-05', DUREE: '36',
    'MONTANT HT': '480 000,00', 'MONTANT MANDATE': '150 000,00', PROGRAMME: 'X', 'CODE NOMENCLATURE': 'RS01',
    'NB AVENANTS': '1', 'AVENANTS DE PROLONGATION': '0', RECURRENT: 'O', 'REUNION DE CADRAGE': 'Oui', 'NB BILANS': '1',
    'DELAI DE PAIEMENT': j(28), 'OFFRES RECUES': '4', 'CLAUSE SOCIALE': 'X', 'HEURES REALISEES': h(350),
    'CLAUSE ENVIRONNEMENTALE': 'O', 'CRITERE ENVIRONNEMENTAL': 'Oui', "CENTRALE D'ACHAT": 'N', "MODE D'ACQUISITION": 'Achat',
    TITULAIRE: 'SAS Cuisine du Nord', SIRET: '732 829 320 00074', 'CODE POSTAL': '59100', VILLE: 'Roubaix', EFFECTIF: '120',
  },
  // row 3 — A2
  {
    'N° MARCHE': 'EDU-25-002', OBJET: 'Entretien des espaces verts des écoles', POLE: 'Pôle Education',
    PROCEDURE: 'MAPA', 'DATE DE NOTIFICATION': '05/03/2025', DUREE: '24 mois',
    'MONTANT HT': '85.000,00', 'CODE NOMENCLATURE': 'EV02', RECURRENT: 'N', 'REUNION DE CADRAGE': 'NON',
    'DELAI DE PAIEMENT': '35 jours', 'OFFRES RECUES': '3', NEGOCIATION: 'X', 'GAIN DE NEGOCIATION': '2 500 €',
    'CLAUSE ENVIRONNEMENTALE': 'N', 'CRITERE ENVIRONNEMENTAL': 'NON', "CENTRALE D'ACHAT": 'N',
    TITULAIRE: 'Jardins de Flandre SARL', 'CODE POSTAL': '5920', VILLE: 'Tourcoing', EFFECTIF: '8',
  },
  // row 4 — A3
  {
    'N° MARCHE': 'EDU-25-003', OBJET: 'Achat de mobilier scolaire via UGAP', POLE: 'EDUCATION ',
    PROCEDURE: 'MSPMC', 'HORS MARCHE': 'N', 'DATE DE NOTIFICATION': '5 mars 2025',
    'MONTANT HT': '3 200 €HT', 'MONTANT MANDATE': '3 200,00', PROGRAMME: 'X',
    'NB AVENANTS': '0', 'AVENANTS DE PROLONGATION': '0', 'MARCHE INNOVANT': 'X', "CENTRALE D'ACHAT": 'O',
    "MODE D'ACQUISITION": 'Achat', TITULAIRE: 'UGAP', 'CODE POSTAL': '77444', VILLE: 'Champs-sur-Marne', EFFECTIF: '1 200',
  },
  // row 5 — A4 (hors marché)
  {
    'N° MARCHE': 'EDU-25-004', OBJET: 'Commande de fournitures de bureau',
    'HORS MARCHE': 'Oui', 'DATE DE NOTIFICATION': '12/06/2025',
    'MONTANT HT': '1.234,56', 'MONTANT MANDATE': '1.234,56', 'CODE NOMENCLATURE': 'FB01',
    'DELAI DE PAIEMENT': j(20), "CENTRALE D'ACHAT": 'N', "MODE D'ACQUISITION": 'Achat',
    TITULAIRE: 'Papeterie Lefebvre', SIRET: '123 456 789 00012', 'CODE POSTAL': '59100', VILLE: 'Roubaix', EFFECTIF: '4',
  },
  // row 6 — A5
  {
    'N° MARCHE': 'EDU-25-005', OBJET: 'Transport des élèves vers les piscines', POLE: 'Éducation',
    PROCEDURE: 'Procédure adaptée', 'HORS MARCHE': 'non', 'DATE DE NOTIFICATION': '2025-09-01', DUREE: '6',
    'MONTANT HT': '60 000', 'MONTANT MANDATE': '42 000,00', PROGRAMME: 'X', 'CODE NOMENCLATURE': 'TR01',
    'NB AVENANTS': '2', 'AVENANTS DE PROLONGATION': '1', RECURRENT: 'Oui', 'REUNION DE CADRAGE': 'Oui', 'NB BILANS': '2',
    'DELAI DE PAIEMENT': j(30), 'OFFRES RECUES': '2', NEGOCIATION: 'X', 'GAIN DE NEGOCIATION': '1 500,00',
    'HEURES REALISEES': h(40), 'CRITERE ENVIRONNEMENTAL': 'Oui', "CENTRALE D'ACHAT": 'N', "MODE D'ACQUISITION": 'Location',
    TITULAIRE: 'Autocars Verts', SIRET: '400 123 456 00016', 'CODE POSTAL': '62000', VILLE: 'Arras', EFFECTIF: '6 000',
  },
  // row 7 — A6
  {
    'N° MARCHE': 'EDU-25-006', OBJET: 'Blanchisserie des linges des crèches', POLE: 'Pôle Education',
    PROCEDURE: 'MAPA', 'HORS MARCHE': 'N', 'DATE DE NOTIFICATION': '20/10/2025', DUREE: '4',
    'MONTANT HT': '12 500,00', 'CODE NOMENCLATURE': 'BL01', RECURRENT: 'N', 'REUNION DE CADRAGE': 'Oui', 'NB BILANS': '0',
    'OFFRES RECUES': '1', 'GAIN DE NEGOCIATION': '300', 'MARCHE RESERVE': 'SIAE',
    TITULAIRE: 'Atelier Solidaire du Pile', 'CODE POSTAL': '59100', VILLE: 'ROUBAIX CEDEX 1', EFFECTIF: '25',
  },
  // row 8 — A7 (unreadable amount)
  {
    'N° MARCHE': 'EDU-25-007', OBJET: 'Maintenance des photocopieurs', POLE: 'Éducation',
    PROCEDURE: 'MAPA', 'HORS MARCHE': 'N', 'DATE DE NOTIFICATION': '2025-11-15', 'MONTANT HT': 'à chiffrer',
  },
  // row 9 — A8 (date in the future)
  {
    'N° MARCHE': 'EDU-25-008', OBJET: 'Location de structures modulaires', POLE: 'Éducation',
    PROCEDURE: 'AOO', 'HORS MARCHE': 'N', 'DATE DE NOTIFICATION': '2028-02-10', 'MONTANT HT': '90 000,00',
  },
  // row 10 — A9 (contract shared with Proximité)
  {
    'N° MARCHE': '25 MUT 001', OBJET: "Fourniture de produits d'entretien", POLE: 'EDUCATION ',
    PROCEDURE: 'AOO', 'HORS MARCHE': 'N', 'DATE DE NOTIFICATION': '14/02/2025', DUREE: '10',
    'MONTANT HT': '200 000,00', 'MONTANT MANDATE': '55 000', PROGRAMME: 'X', 'CODE NOMENCLATURE': 'PE01',
    RECURRENT: 'O', 'REUNION DE CADRAGE': 'Oui', 'NB BILANS': '2', 'DELAI DE PAIEMENT': j(45), 'OFFRES RECUES': '6',
    'CLAUSE ENVIRONNEMENTALE': 'O', 'CRITERE ENVIRONNEMENTAL': 'NON', "CENTRALE D'ACHAT": 'N', "MODE D'ACQUISITION": 'Achat',
    TITULAIRE: 'Hygiène Pro SA', SIRET: '382 546 319 00023', 'CODE POSTAL': '59650', VILLE: "Villeneuve-d'Ascq", EFFECTIF: '250',
  },
  // row 11 — A10 (N−1)
  {
    'N° MARCHE': 'EDU-24-010', OBJET: 'Fourniture de repas (marché précédent)', POLE: 'Éducation',
    PROCEDURE: 'AOO', 'HORS MARCHE': 'N', 'DATE DE NOTIFICATION': '03/04/2024', DUREE: '12',
    'MONTANT HT': '400 000,00', 'MONTANT MANDATE': '390 000,00', PROGRAMME: 'X', 'CODE NOMENCLATURE': 'RS01',
    'NB AVENANTS': '0', 'AVENANTS DE PROLONGATION': '0', RECURRENT: 'O', 'REUNION DE CADRAGE': 'Oui', 'NB BILANS': '2',
    'DELAI DE PAIEMENT': j(25), 'OFFRES RECUES': '5', 'CLAUSE SOCIALE': 'X', 'HEURES REALISEES': h(300),
    'CLAUSE ENVIRONNEMENTALE': 'O', 'CRITERE ENVIRONNEMENTAL': 'Oui', "CENTRALE D'ACHAT": 'N', "MODE D'ACQUISITION": 'Achat',
    TITULAIRE: 'SAS Cuisine du Nord', SIRET: '732 829 320 00074', 'CODE POSTAL': '59100', VILLE: 'Roubaix', EFFECTIF: '120',
  },
  // row 12 — A11 (N−1)
  {
    'N° MARCHE': 'EDU-24-011', OBJET: 'Entretien des espaces verts', POLE: 'Pôle Education',
    PROCEDURE: 'MAPA', 'HORS MARCHE': 'N', 'DATE DE NOTIFICATION': '2024-05-20', DUREE: '12',
    'MONTANT HT': '40 000,00', RECURRENT: 'N', 'REUNION DE CADRAGE': 'NON',
    'OFFRES RECUES': '2', NEGOCIATION: 'X', 'GAIN DE NEGOCIATION': '1 000',
    'CLAUSE ENVIRONNEMENTALE': 'N', 'CRITERE ENVIRONNEMENTAL': 'NON', "CENTRALE D'ACHAT": 'N',
    TITULAIRE: 'Jardins de Flandre SARL', 'CODE POSTAL': '59200', VILLE: 'Tourcoing', EFFECTIF: '8',
  },
];

/** File B, sheet rows 2…7. */
export const ROWS_B: RowB[] = [
  // row 2 — B1
  {
    'N° MARCHE': 'PRX-25-001', OBJET: 'Travaux de voirie rue de Lannoy', 'DATE DE NOTIFICATION': '2025-04-10',
    'MONTANT HT': '350 000,00', PROCEDURE: 'AOO', 'CLAUSE SOCIALE': 'Oui', 'CRITERE ENVIRONNEMENTAL': 'NON',
    'HEURES REALISEES': h(500), 'DELAI DE PAIEMENT': '22', TITULAIRE: 'Eiffage Route Nord', SIRET: '510 234 567 00012',
    'CODE POSTAL': '59 170', EFFECTIF: '3 400',
  },
  // row 3 — B2
  {
    'N° MARCHE': 'PRX-25-002', OBJET: 'Nettoyage des bâtiments municipaux', 'DATE DE NOTIFICATION': '01/07/2025',
    'MONTANT HT': '75 000', PROCEDURE: 'MAPA', 'CLAUSE SOCIALE': 'X', 'CRITERE ENVIRONNEMENTAL': 'Oui',
    'HEURES REALISEES': '120 h', 'DELAI DE PAIEMENT': j(31), TITULAIRE: 'Net Services', 'CODE POSTAL': '59100', EFFECTIF: '45',
  },
  // row 4 — B3 (same contract as A row 10)
  {
    'N° MARCHE': '25MUT001', OBJET: "Fourniture de produits d'entretien (part Proximité)", 'DATE DE NOTIFICATION': '2025-02-14',
    'MONTANT HT': '200 000,00', PROCEDURE: 'AOO', TITULAIRE: 'Hygiène Pro SA', SIRET: '38254631900023', 'CODE POSTAL': '59650',
    EFFECTIF: '250',
  },
  // row 5 — B4
  {
    'N° MARCHE': 'PRX-25-004', OBJET: 'Éclairage public — maintenance', 'DATE DE NOTIFICATION': '15.09.2025',
    'MONTANT HT': '18 000,00', PROCEDURE: 'Gré à gré', TITULAIRE: 'Lumière & Cie', 'CODE POSTAL': '75011',
  },
  // row 6 — B5
  {
    'N° MARCHE': 'PRX-25-005', OBJET: 'Signalisation horizontale', 'DATE DE NOTIFICATION': '30/11/25',
    'MONTANT HT': '24 000,00', 'CLAUSE SOCIALE': 'N', 'CRITERE ENVIRONNEMENTAL': 'N', 'DELAI DE PAIEMENT': j(15),
    TITULAIRE: 'Signaux Girod', SIRET: '83948576200018',
  },
  // row 7 — B6 (N−1)
  {
    'N° MARCHE': 'PRX-24-006', OBJET: 'Travaux de voirie', 'DATE DE NOTIFICATION': '2024-06-18',
    'MONTANT HT': '300 000,00', PROCEDURE: 'AOO', 'CLAUSE SOCIALE': 'Oui', 'CRITERE ENVIRONNEMENTAL': 'Oui',
    'HEURES REALISEES': h(400), 'DELAI DE PAIEMENT': '20', TITULAIRE: 'Eiffage Route Nord', SIRET: '510 234 567 00012',
    'CODE POSTAL': '59170', EFFECTIF: '3400',
  },
];

export const CIBLES_HEADER = ['Indicateur', 'Année', 'Cible', 'Sens'];
export const CIBLES_ROWS = [
  ['4.1.2-consideration-sociale', '2025', '30', '≥'],
  ['2.1.5-delai-paiement', '2025', '25', '≤'],
];

function writeSheet(ws: ExcelJS.Worksheet, header: readonly string[], rows: readonly Partial<Record<string, Cell>>[]): void {
  header.forEach((name, c) => {
    const cell = ws.getRow(1).getCell(c + 1);
    cell.value = name;
  });
  rows.forEach((row, i) => {
    const r = ws.getRow(2 + i);
    for (const [key, value] of Object.entries(row)) {
      const c = header.indexOf(key);
      if (c < 0) throw new Error(`unknown column ${key}`);
      if (value === undefined) continue;
      const cell = r.getCell(c + 1);
      if (typeof value === 'string') {
        cell.value = value;
        cell.numFmt = '@'; // the export's columns are typed Text
      } else {
        cell.value = value.n;
        cell.numFmt = value.fmt;
      }
    }
  });
}

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function workbookA(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  writeSheet(wb.addWorksheet(SHEET_A), HEADER_A, ROWS_A);
  const cibles = wb.addWorksheet('Cibles');
  cibles.addRow(CIBLES_HEADER);
  for (const r of CIBLES_ROWS) {
    const row = cibles.addRow(r);
    row.eachCell((c) => (c.numFmt = '@'));
  }
  return bytes(wb);
}

export async function workbookB(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  writeSheet(wb.addWorksheet(SHEET_B), HEADER_B, ROWS_B);
  return bytes(wb);
}

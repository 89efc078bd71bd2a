/**
 * Blind acceptance « tags »: the buyer workbook « Pôle Education Jeunesse.xlsx »,
 * built by hand in a house style nobody wrote the code for. Its considerations
 * are mostly NOT declared in columns: the sheet has `Clause sociale`,
 * `Marché réservé`, `Clause env.` and `Innovant` columns, mostly left empty,
 * and the contracts' wording (`Intitulé`, `Observations`) carries the rest.
 *
 * Sheet `Suivi marchés 2025`: title merged on row 1, a note on row 2, header on
 * row 3, 23 contracts on rows 4–26, a totals row on row 27.
 * No Pôle column: the Pôle is the file name.
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE = 'Pôle Education Jeunesse.xlsx';
export const SHEET = 'Suivi marchés 2025';

const NNBSP = '\u202f';


export const HEADER = [
  'Réf. marché',
  'Intitulé',
  'Notifié le',
  'Montant HT (€)',
  'Nb avenants',
  'Clause sociale',
  'Marché réservé',
  'Clause env.',
  'Innovant',
  'Observations',
] as const;

type Col = (typeof HEADER)[number];
type Row = Partial<Record<Col, ExcelJS.CellValue>>;

/** The 23 contracts, sheet rows 4 … 26 in this order. */
export const ROWS: readonly Row[] = [
  /* r4  */ { 'Réf. marché': 'PEJ-25-01', Intitulé: 'Fourniture de papier recyclé pour les écoles maternelles et élémentaires', 'Notifié le': day('2025-01-15'), 'Montant HT (€)': 18000 },
  /* r5  */ { 'Réf. marché': 'PEJ-25-02', Intitulé: "Collecte et recyclage des cartouches d'encre des établissements scolaires", 'Notifié le': '20/01/2025', 'Montant HT (€)': 4500 },
  /* r6  */ { 'Réf. marché': 'PEJ-25-03', Intitulé: 'Restauration scolaire – fourniture de fruits et légumes en circuits courts (lot 2)', 'Notifié le': day('2025-02-03'), 'Montant HT (€)': `240${NNBSP}000,00 €`, 'Nb avenants': 1, 'Clause sociale': 'Oui' },
  /* r7  */ { 'Réf. marché': 'PEJ-25-04', Intitulé: 'Nettoyage des crèches municipales avec clause d’insertion (300 heures)', 'Notifié le': day('2025-02-10'), 'Montant HT (€)': 65000 },
  /* r8  */ { 'Réf. marché': 'PEJ-25-05', Intitulé: 'Entretien des espaces verts des écoles, sans clause sociale', 'Notifié le': day('2025-02-17'), 'Montant HT (€)': 22000, 'Clause sociale': 'Non' },
  /* r9  */ { 'Réf. marché': 'PEJ-25-06', Intitulé: "Mise sous pli et routage des dossiers d'inscription par un ESAT", 'Notifié le': '03/03/2025', 'Montant HT (€)': 9800 },
  /* r10 */ { 'Réf. marché': 'PEJ-25-07', Intitulé: 'Fourniture de jeux et jouets pour les accueils de loisirs', 'Notifié le': day('2025-03-10'), 'Montant HT (€)': 31000, 'Clause env.': 'Oui', Observations: 'Essai de nouveaux jeux en ludothèque' },
  /* r11 */ { 'Réf. marché': 'PEJ-25-08', Intitulé: "Expérimentation de cours d'écoles « oasis » végétalisées", 'Notifié le': day('2025-03-24'), 'Montant HT (€)': 150000 },
  /* r12 */ { 'Réf. marché': 'PEJ-25-09', Intitulé: 'Acquisition de tablettes numériques reconditionnées pour les écoles élémentaires', 'Notifié le': day('2025-04-07'), 'Montant HT (€)': 56000, 'Nb avenants': 1, Innovant: 'Oui' },
  /* r13 */ { 'Réf. marché': 'PEJ-25-10', Intitulé: 'Transport des enfants en car vers les centres de loisirs', 'Notifié le': day('2025-04-14'), 'Montant HT (€)': 48000, 'Nb avenants': 2, 'Clause sociale': 'Oui' },
  /* r14 */ { 'Réf. marché': 'PEJ-25-11', Intitulé: 'Rénovation HQE du groupe scolaire Jules-Ferry (lot 3 : menuiseries)', 'Notifié le': day('2025-05-05'), 'Montant HT (€)': 480000, 'Nb avenants': 1, 'Clause sociale': 'Oui', 'Clause env.': 'Oui' },
  /* r15 */ { 'Réf. marché': 'PEJ-25-12', Intitulé: 'Mobilier de seconde-main pour les crèches municipales', 'Notifié le': day('2025-05-12'), 'Montant HT (€)': 12000 },
  /* r16 */ { 'Réf. marché': 'PEJ-25-13', Intitulé: '= Réemploi de mobilier scolaire (tables, chaises)', 'Notifié le': day('2025-05-19'), 'Montant HT (€)': 7500 },
  /* r17 */ { 'Réf. marché': 'PEJ-25-14', Intitulé: "+ de bio à la cantine : produits issus de l'agriculture biologique", 'Notifié le': day('2025-06-02'), 'Montant HT (€)': 95000 },
  /* r18 */ { 'Réf. marché': 'PEJ-25-15', Intitulé: 'Prestations d’animation périscolaire – pas de critère environnemental', 'Notifié le': day('2025-06-16'), 'Montant HT (€)': 130000, Observations: 'Lot réservé aux entreprises adaptées' },
  /* r19 */ { 'Réf. marché': 'PEJ-25-16', Intitulé: 'Location de véhicules électriques pour le service Jeunesse', 'Notifié le': day('2025-07-01'), 'Montant HT (€)': 36000, 'Nb avenants': 1 },
  /* r20 */ { 'Réf. marché': 'PEJ-25-17', Intitulé: 'Formation des animateurs BAFA', 'Notifié le': day('2025-07-07'), 'Montant HT (€)': 14000, 'Marché réservé': 'SIAE' },
  /* r21 */ { 'Réf. marché': 'PEJ-25-18', Intitulé: "Travaux d'isolation en matériaux biosourcés de l'école Anne-Frank (chantier d'insertion)", 'Notifié le': day('2025-08-25'), 'Montant HT (€)': 310000, 'Nb avenants': 3 },
  /* r22 */ { 'Réf. marché': 'PEJ-25-19', Intitulé: 'Sorties pédagogiques : conception de solutions numériques innovantes', 'Notifié le': day('2025-09-01'), 'Montant HT (€)': 70000, Innovant: 'Non' },
  /* r23 */ { 'Réf. marché': 'PEJ-25-20', Intitulé: 'Maintenance des photocopieurs — hors papier recyclé', 'Notifié le': day('2025-09-15'), 'Montant HT (€)': 27000, 'Nb avenants': 1 },
  /* r24 */ { 'Réf. marché': 'PEJ-25-21', Intitulé: 'Achat de livres pour les bibliothèques scolaires', 'Notifié le': day('2025-10-01'), 'Clause sociale': 'Oui' },
  /* r25 */ { 'Réf. marché': 'PEJ-25-22', Intitulé: "Séjours de vacances : ACHATS RESPONSABLES auprès de l'ESS", 'Notifié le': day('2025-10-13'), 'Montant HT (€)': 58000 },
  /* r26 */ { 'Réf. marché': 'PEJ-25-23', Intitulé: "Nettoyage écologique : produits d'entretien porteurs de l'Écolabel européen", 'Notifié le': day('2025-11-03'), 'Montant HT (€)': 19000 },
];

export const FIRST_DATA_ROW = 4;
/** Σ of the montants typed in the sheet (row 24 has none): the totals row's cached result. */
export const TOTAL_MONTANT = 1902800;

export async function workbookTags(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell('A1').value = 'Pôle Éducation Jeunesse — Suivi des marchés 2025';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:J1');
  ws.getCell('A2').value = 'Mise à jour : 05/01/2026 — clauses à compléter par les gestionnaires';
  ws.getCell('A2').font = { italic: true };
  HEADER.forEach((h, i) => {
    const c = ws.getRow(3).getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  ROWS.forEach((r, i) => {
    const row = ws.getRow(FIRST_DATA_ROW + i);
    for (const [key, value] of Object.entries(r)) {
      const col = HEADER.indexOf(key as Col);
      if (col < 0) throw new Error(`unknown column ${key}`);
      const cell = row.getCell(col + 1);
      cell.value = value as ExcelJS.CellValue;
      if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      if (key === 'Montant HT (€)' && typeof value === 'number') cell.numFmt = '#,##0.00 "€"';
    }
  });
  const total = ws.getRow(FIRST_DATA_ROW + ROWS.length);
  total.getCell(2).value = 'Total :';
  total.getCell(2).font = { bold: true };
  total.getCell(4).value = { formula: `SUM(D${FIRST_DATA_ROW}:D${FIRST_DATA_ROW + ROWS.length - 1})`, result: TOTAL_MONTANT };
  total.getCell(4).numFmt = '#,##0.00 "€"';
  ws.getColumn(2).width = 70;
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * A second, smaller probe of the lexicon « Lexique.xlsx », sheet `Probe`
 * (header row 1: N° marché, Objet, Date de notification, Montant HT, Clause sociale).
 * Each objet is judged by hand in the test (`PROBE`).
 */
export const PROBE_FILE = 'Lexique.xlsx';
export const PROBE_SHEET = 'Probe';
export const PROBE_OBJETS: readonly string[] = [
  /* P01 */ 'Fournitures de bureau non recyclées',
  /* P02 */ 'Papier 100 % recyclé.',
  /* P03 */ 'RÉEMPLOI DE MOBILIER DE BUREAU',
  /* P04 */ 'Contrat sans innovation ni expérimentation',
  /* P05 */ "Prototypage d'applications pour les jeunes",
  /* P06 */ 'Compostage des biodéchets des cantines',
  /* P07 */ 'Démarche HQE® pour la crèche',
  /* P08 */ 'Produits issus de l’économie circulaire',
  /* P09 */ 'Ateliers numériques innovants.',
  /* P10 */ "Nettoyage, aucune clause d'insertion",
  /* P11 */ 'Sobriété énergétique des gymnases',
  /* P12 */ 'Fourniture de produits Label Bio',
  /* P13 */ 'Séjours en Essonne',
  /* P14 */ 'Entretien des locaux par une SIAE',
  /* P15 */ "Chantiers d'insertion : rénovation des vestiaires",
  /* P16 */ 'Ni recyclé ni reconditionné : matériel neuf',
];

export async function workbookProbe(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(PROBE_SHEET);
  ws.addRow(['N° marché', 'Objet', 'Date de notification', 'Montant HT', 'Clause sociale']);
  PROBE_OBJETS.forEach((o, i) => ws.addRow([`P${String(i + 1).padStart(2, '0')}`, o, day('2025-03-01'), 1000, null]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

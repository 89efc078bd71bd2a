/**
 * Blind recipe `resume`: one buyer workbook in a house style nobody wrote the
 * code for, to check what a buyer READS of the results (command-line summary,
 * task pane Indicateurs and Contrôles steps).
 *
 * Sheet « Suivi marchés » : title on row 1, empty row 2, header on row 3,
 * amounts in thousands of euros (`Montant HT (k€)`), two Pôles, rows of 2025
 * (N) and 2024 (N−1), a row of 1999. Sheet « Cibles » : COPIL targets, with one
 * unknown indicator id (left out with an « Attention : » notice, README).
 */
import ExcelJS from 'exceljs';

export const FILE = 'Suivi achats Pôles.xlsx';
export const SHEET = 'Suivi marchés';
export const CIBLES = 'Cibles';

export const HEADERS = [
  'Réf. marché', // A numero
  'Intitulé', // B objet
  'Pôle gestionnaire', // C pole
  'Montant HT (k€)', // D montant, in k€
  'Notifié le', // E dateNotification
  'Clause sociale', // F clauseSociale
  'Clause env.', // G clauseEnvironnementale
  'Procédure', // H procedure
  'Nb offres', // I offresRecues
  'DGP (jours)', // J delaiPaiement
  'N° SIRET', // K siret
  'Titulaire', // L titulaire
  'Ville du titulaire', // M communeTitulaire
  'Programmé', // N programme
] as const;

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Row = (string | number | Date | null)[];

/** Sheet rows 4… (row number as the user sees it in the comment). */
export const ROWS: Row[] = [
  // r4
  ['RBX-25-001', 'Entretien des toitures', 'Pôle Ressources', 120, utc('2025-03-15'), 'oui', 'non', 'AOO', 4, 25, '73282932000074', 'Toitures du Nord', 'Roubaix', 'oui'],
  // r5
  ['RBX-25-002', 'Fourniture de papier', 'Pôle Ressources', 12.5, utc('2025-04-02'), 'non', 'oui', 'MAPA', 2, 35, null, 'Papeterie Lilloise', 'Lille', 'non'],
  // r6
  ['RBX-25-003', 'Maintenance des ascenseurs', 'Pôle Cadre de vie', 48, utc('2025-06-10'), 'non', 'non', 'MAPA', 3, 28, '12345678901234', 'Ascenseurs Services', 'Tourcoing', 'oui'],
  // r7
  ['RBX-25-004', 'Nettoyage des vitres', 'Pôle Cadre de vie', 7.2, utc('2025-09-01'), 'non', 'non', 'gré à gré', null, 20, null, 'Vitres Nettes SAS', 'Paris', 'non'],
  // r8: montant empty → montant-manquant
  ['RBX-25-005', 'Tonte des pelouses', 'Pôle Cadre de vie', null, utc('2025-05-05'), 'non', 'non', 'MAPA', 2, 15, null, 'Jardins Verts', 'Roubaix', 'non'],
  // r9: same numero as r5, same year → doublon
  ['RBX-25-002', 'Fourniture de papier (complément)', 'Pôle Ressources', 3, utc('2025-11-12'), 'non', 'non', 'MAPA', 1, 20, null, 'Papeterie Lilloise', 'Lille', 'non'],
  // r10: notified in 1999 → date-invalide
  ['RBX-99-006', 'Élagage des arbres', 'Pôle Cadre de vie', 30, utc('1999-06-15'), 'non', 'non', 'MAPA', 2, 20, null, 'Bois et Forêts', 'Roubaix', 'non'],
  // r11 (N−1)
  ['RBX-24-010', 'Entretien des toitures 2024', 'Pôle Ressources', 100, utc('2024-03-20'), 'oui', 'non', 'AOO', 5, 30, '73282932000074', 'Toitures du Nord', 'Roubaix', 'oui'],
  // r12 (N−1): delai 40 → delai-paiement-depasse
  ['RBX-24-011', 'Fourniture de papier 2024', 'Pôle Cadre de vie', 10, utc('2024-05-15'), 'non', 'non', 'MAPA', 2, 40, null, 'Papeterie Croisienne', 'Croix', 'non'],
];

export const CIBLES_ROWS: Row[] = [
  ['4.2.2-clause-sociale-part', 2025, 30, '≥'], // r2
  ['2.1.5-delai-paiement', 2025, 30, '≤'], // r3
  ['2.2.3-soumissionnaires', 2024, 3, '≥'], // r4 (not N)
  ['9.9.9-inconnu', 2025, 10, '≥'], // r5 unknown id → « Attention : »
];

export async function buildWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['Suivi des marchés — Pôles Ressources et Cadre de vie']);
  ws.mergeCells('A1:F1');
  ws.addRow([]);
  ws.addRow([...HEADERS]);
  for (const r of ROWS) ws.addRow(r);
  for (let row = 4; row < 4 + ROWS.length; row++) {
    ws.getCell(`E${row}`).numFmt = 'dd/mm/yyyy';
    ws.getCell(`D${row}`).numFmt = '# ##0,0';
  }
  const c = wb.addWorksheet(CIBLES);
  c.addRow(['Indicateur', 'Année', 'Cible', 'Sens']);
  for (const r of CIBLES_ROWS) c.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Blind acceptance « sections »: a register kept as STACKED SECTIONS in one sheet, the way many
 * buyers keep their « suivi » on paper first: one block per kind of purchase, each under a merged
 * section title (« 1. MARCHÉS DE TRAVAUX »…), each with its own copy of the header row, a sub-total
 * row, and a blank separator; a « Total général » at the bottom. Built from the spec and the README
 * only, before reading src/ and before the first run.
 *
 * « Pôle Cadre de vie - registre 2025.xlsx », sheet « Registre 2025 » (no Pôle column: the Pôle is
 * the file name), rows as the user sees them:
 *    1  « Ville de Roubaix — Pôle Cadre de vie » merged A1:Q1
 *    2  « Registre des marchés 2025 — mis à jour le 28/11/2025 (S. Lefebvre) »
 *    3  empty
 *    4  « 1. MARCHÉS DE TRAVAUX » merged A4:Q4
 *    5  HEADER (the first one: the register's header, regles.md §1)
 *    6–10   five works contracts
 *   11  « Sous-total travaux » in B, SUBTOTAL formulas (cached) in D and E
 *   12  empty
 *   13  « 2. MARCHÉS DE SERVICES » merged A13:Q13
 *   14  HEADER repeated
 *   15–19  five services rows (19 is the same contract as 15, pasted again)
 *   20  « Sous-total : » in A (the numero column), SUBTOTAL in D and E
 *   21  empty
 *   22  « 3. MARCHÉS DE FOURNITURES » merged A22:Q22
 *   23  HEADER repeated
 *   24–27  four supplies contracts
 *   28  « Sous-total fournitures » in B, SUBTOTAL in D and E
 *   29  empty
 *   30  « 4. COMMANDES HORS MARCHÉ » merged A30:Q30
 *   31  HEADER repeated
 *   32–33  two orders outside any contract
 *   34  empty
 *   35  « 5. MARCHÉS PLURIANNUELS NOTIFIÉS AVANT 2025 » merged A35:Q35
 *   36  HEADER repeated
 *   37–38  two contracts of 2022 and 2023 still running (their 2025 mandated spend)
 *   39  empty
 *   40  « Total général » in B, SUBTOTAL in D and E
 *
 * No objet nor observation uses a word of the suggestion lexicon (regles.md §4).
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE_SECTIONS = 'Pôle Cadre de vie - registre 2025.xlsx';
export const SHEET_SECTIONS = 'Registre 2025';

export const HEADER = [
  'N° marché', // A numero
  'Objet', // B objet
  'Notifié le', // C dateNotification
  'Montant HT (€)', // D montant
  'Mandaté (€)', // E montantMandate
  'Hors marché', // F horsMarche
  'Procédure', // G procedure
  'Clause sociale', // H clauseSociale
  'Clause env.', // I clauseEnvironnementale
  'Heures insertion réalisées', // J heuresInsertionRealisees
  'Titulaire', // K titulaire
  'CP', // L codePostalTitulaire
  'Ville', // M communeTitulaire
  'Taille', // N categorieEntreprise
  'Nb offres', // O offresRecues
  'Nb avenants', // P nbAvenants
  'Observations', // Q commentaires
] as const;

type Row = readonly ExcelJS.CellValue[];

const TRAVAUX: Row[] = [
  // r6
  ['CDV-25-T01', "Réfection de la toiture de l'école Jules Guesde", day('2025-02-12'), 184500, 120000, 'non', 'AOO', 'oui', 'non', 350, 'SARL Bâtiment Roubaisien', '59100', 'Roubaix', 'PME', 4, 1, null],
  // r7: French text amount, text date, « x » for yes, commune without its hyphen
  ['CDV-25-T02', 'Aménagement du square Pierre de Roubaix', '03/04/2025', '96 200,00 €', null, null, 'MAPA', 'x', 'x', '120', 'Eiffage Route Nord-Est', '59650', "Villeneuve d'Ascq", 'GE', 3, 0, 'Mandatement prévu en 2026'],
  // r8
  ['CDV-25-T03', 'Remplacement des menuiseries extérieures de la mairie de quartier Nord', day('2025-05-15'), 48750, 48750, 'non', 'MAPA', 'non', 'oui', null, 'Menuiserie Vandamme', '59200', 'Tourcoing', 'TPE', 2, 0, null],
  // r9: deliberate error, the amount is a note
  ['CDV-25-T04', 'Ravalement de la façade de la médiathèque', day('2025-06-20'), 'voir DCE', null, 'non', 'MAPA', 'non', 'non', null, 'Façades Lemaire', '59100', 'Roubaix', 'TPE', 3, 0, 'Montant à reprendre'],
  // r10: ISO text date
  ['CDV-25-T05', 'Mise en accessibilité du gymnase Thérèse Bracq', '2025-07-08', 212000, 35000, 'non', "Appel d'offres ouvert", 'oui', 'oui', null, 'Ramery Bâtiment', '62300', 'Lens', 'ETI', 5, 2, null],
];

const SERVICES: Row[] = [
  // r15
  ['CDV-25-S01', 'Entretien des espaces verts du secteur Est', day('2025-01-10'), 145000, '132 400,50', 'non', "Appel d'offres ouvert", 'oui', 'oui', '410', 'Les Jardins de Roubaix', '59100', 'Roubaix', 'PME', 3, 0, null],
  // r16: commune in capitals
  ['CDV-25-S02', 'Nettoyage des vitres des bâtiments communaux', day('2025-03-24'), 38000, 12300, 'non', 'MAPA', 'oui', 'non', 95, "Net'Vitres", '59100', 'ROUBAIX', 'TPE', 6, 0, null],
  // r17: hours without a social clause (warning heures-sans-clause)
  ['CDV-25-S03', "Maîtrise d'œuvre pour la requalification de la place de la Liberté", day('2025-06-02'), 64000, null, 'non', 'Procédure avec négociation', 'non', 'non', 40, 'Atelier Paysages & Cie', '75011', 'Paris', 'TPE', 4, 0, null],
  // r18: « 1er septembre 2025 », « 8 400 € HT », gré à gré, a Belgian supplier with its 4-digit postal code
  ['CDV-25-S04', 'Contrôle annuel des aires de jeux', '1er septembre 2025', '8 400 € HT', 4200, 'non', 'gré à gré', 'non', 'non', null, 'Socotec Belgique', '7700', 'Mouscron', 'GE', 1, 0, null],
  // r19: S01 pasted again into the section (same numero, same year): doublon
  ['CDV-25-S01', 'Entretien des espaces verts du secteur Est', day('2025-01-10'), 145000, 98000, 'non', "Appel d'offres ouvert", 'oui', 'oui', '410', 'Les Jardins de Roubaix', '59100', 'Roubaix', 'PME', 3, 0, 'copie'],
];

const FOURNITURES: Row[] = [
  // r24
  ['CDV-25-F01', 'Fourniture de mobilier urbain (bancs, corbeilles)', day('2025-02-17'), 54300, 54300, 'non', 'MAPA', 'non', 'oui', null, 'Sineu Graff', '67230', 'Kogenheim', 'PME', 3, 1, null],
  // r25: « Oui (cf. CCTP) » reads oui
  ['CDV-25-F02', 'Fourniture de végétaux pour les massifs', day('2025-03-11'), 22800, 19650, 'non', 'MAPA', 'non', 'Oui (cf. CCTP)', null, 'Pépinières du Ferrain', '59560', 'Comines', 'TPE', 2, 0, null],
  // r26: deliberate error, month-first date
  ['CDV-25-F03', 'Achat de sel de déneigement', '12/13/2025', 15000, null, 'non', 'MAPA', 'non', 'non', null, 'Sels du Nord', '59000', 'Lille', 'PME', 2, 0, null],
  // r27: « - » reads non
  ['CDV-25-F04', 'Fourniture de panneaux de signalisation', day('2025-09-30'), 31500, 8900, 'non', 'AOO', 'non', '-', null, 'Lacroix Signalisation', '44800', 'Saint-Herblain', 'ETI', 4, 0, null],
];

const HORS_MARCHE: Row[] = [
  // r32
  ['CDV-25-HM01', "Réparation urgente d'une canalisation à l'école Anatole France", day('2025-02-05'), 3900, 3900, 'oui', null, null, null, null, 'Plomberie Delcroix', '59100', 'Roubaix', 'TPE', null, null, null],
  // r33: « Marcq-en-Barœul » with its œ
  ['CDV-25-HM02', 'Location de barrières de chantier', day('2025-10-14'), 2350, 2350, 'oui', null, null, null, null, 'Kiloutou', '59700', 'Marcq-en-Barœul', 'GE', null, null, null],
];

const ANCIENS: Row[] = [
  // r37
  ['CDV-22-S07', "Maintenance de l'éclairage public", day('2022-07-01'), 480000, 118000, 'non', 'AOO', 'oui', 'oui', 600, 'Citeos', '59000', 'Lille', 'GE', 2, 3, null],
  // r38
  ['CDV-23-T11', 'Rénovation des vestiaires du stade Maertens', day('2023-11-15'), 1250000, 310000, 'non', 'AOO', 'oui', 'non', 900, 'Rabot Dutilleul Construction', '59100', 'Roubaix', 'ETI', 6, 1, null],
];

const LAST_COL = 'Q';

function writeRow(ws: ExcelJS.Worksheet, r: number, values: Row): void {
  values.forEach((v, c) => {
    if (v === null) return;
    const cell = ws.getCell(r, c + 1);
    cell.value = v;
    if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    if (typeof v === 'number' && (c === 3 || c === 4)) cell.numFmt = '#,##0.00 "€"';
  });
}

function sectionTitle(ws: ExcelJS.Worksheet, r: number, text: string): void {
  ws.mergeCells(`A${r}:${LAST_COL}${r}`);
  const cell = ws.getCell(`A${r}`);
  cell.value = text;
  cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5597' } };
}

function header(ws: ExcelJS.Worksheet, r: number): void {
  HEADER.forEach((h, c) => {
    const cell = ws.getCell(r, c + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
}

/** A sub-total row: `label` in column `labelCol` (1-based), SUBTOTAL formulas with their cached results in D and E. */
function subtotal(ws: ExcelJS.Worksheet, r: number, labelCol: number, label: string, from: number, to: number, d: number, e: number): void {
  ws.getCell(r, labelCol).value = label;
  ws.getCell(r, labelCol).font = { bold: true, italic: true };
  ws.getCell(`D${r}`).value = { formula: `SUBTOTAL(9,D${from}:D${to})`, result: d };
  ws.getCell(`E${r}`).value = { formula: `SUBTOTAL(9,E${from}:E${to})`, result: e };
  ws.getCell(`D${r}`).numFmt = '#,##0.00 "€"';
  ws.getCell(`E${r}`).numFmt = '#,##0.00 "€"';
}

export async function buildSectionsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'S. Lefebvre';
  const ws = wb.addWorksheet(SHEET_SECTIONS, { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.mergeCells(`A1:${LAST_COL}1`);
  ws.getCell('A1').value = 'Ville de Roubaix — Pôle Cadre de vie';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Registre des marchés 2025 — mis à jour le 28/11/2025 (S. Lefebvre)';

  sectionTitle(ws, 4, '1. MARCHÉS DE TRAVAUX');
  header(ws, 5);
  TRAVAUX.forEach((v, i) => writeRow(ws, 6 + i, v));
  // SUBTOTAL of D6:D10 as Excel computes it: text cells (« 96 200,00 € », « voir DCE ») are ignored.
  subtotal(ws, 11, 2, 'Sous-total travaux', 6, 10, 184500 + 48750 + 212000, 120000 + 48750 + 35000);

  sectionTitle(ws, 13, '2. MARCHÉS DE SERVICES');
  header(ws, 14);
  SERVICES.forEach((v, i) => writeRow(ws, 15 + i, v));
  subtotal(ws, 20, 1, 'Sous-total :', 15, 19, 145000 + 38000 + 64000 + 145000, 12300 + 4200 + 98000);

  sectionTitle(ws, 22, '3. MARCHÉS DE FOURNITURES');
  header(ws, 23);
  FOURNITURES.forEach((v, i) => writeRow(ws, 24 + i, v));
  subtotal(ws, 28, 2, 'Sous-total fournitures', 24, 27, 54300 + 22800 + 15000 + 31500, 54300 + 19650 + 8900);

  sectionTitle(ws, 30, '4. COMMANDES HORS MARCHÉ');
  header(ws, 31);
  HORS_MARCHE.forEach((v, i) => writeRow(ws, 32 + i, v));

  sectionTitle(ws, 35, '5. MARCHÉS PLURIANNUELS NOTIFIÉS AVANT 2025');
  header(ws, 36);
  ANCIENS.forEach((v, i) => writeRow(ws, 37 + i, v));

  const grandD = 184500 + 48750 + 212000 + 145000 + 38000 + 64000 + 145000 + 54300 + 22800 + 15000 + 31500 + 3900 + 2350 + 480000 + 1250000;
  const grandE = 120000 + 48750 + 35000 + 12300 + 4200 + 98000 + 54300 + 19650 + 8900 + 3900 + 2350 + 118000 + 310000;
  ws.getCell('B40').value = 'Total général';
  ws.getCell('B40').font = { bold: true };
  ws.getCell('D40').value = { formula: 'SUBTOTAL(9,D6:D38)', result: grandD };
  ws.getCell('E40').value = { formula: 'SUBTOTAL(9,E6:E38)', result: grandE };

  ws.columns.forEach((col, i) => (col.width = i === 1 ? 48 : 14));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * BLIND acceptance « poles »: the four Pôle workbooks the SPASER project lead consolidates.
 * Every expected value lives in blind-poles.acceptance.test.ts, worked out by hand from the
 * spec (`../shared/spec/`) and the README only.
 *
 * Four house styles:
 *  A « Pôle Ressources.xlsx », sheet « Marchés 2025 »: a title on row 1, header on row 3,
 *    numbers and dates typed, a Pays column; no Pôle column (Pôle = file name).
 *    Saved state: confirms « Clause sociale » on M-010 and M-011, source naming the sheet
 *    under an older file name (« Ressources v1.xlsx|Marchés 2025 »: the file part is not compared).
 *  B « Pôle Solidarités.xlsx », sheet « Suivi »: header on row 1, amounts and dates as French text,
 *    a Pôle column (« Solidarités »), an ambiguous « Clause sociale et environnementale » (F),
 *    two unknown columns « Visa DAF » (L) and « Chrono courrier » (M), headcount instead of size.
 *    Saved state (older, no source): rejects « Clause sociale » on M-010.
 *  C « Pôle Éducation.xlsx », sheets « Marchés 2025 » and « Marchés 2024 »: headers with line
 *    breaks, a « Dépenses mandatées » column (spend), « Taille », « Pays ».
 *    Saved state: confirms « Marché innovant » on E-100 for sheet « marchés 2025 » (other case);
 *    rejects « Clause environnementale » on E-101 for a sheet that no longer exists (« Ancien
 *    suivi » → by numero, every register sheet of this file); confirms the same sub-tag on E-101
 *    for sheet « Marchés 2024 » (named beats by-numero on that sheet).
 *  D « Pôle Culture.xlsx », sheet « Culture »: title rows, header on row 4, a Titulaire column left
 *    empty (no identifiable supplier), postal codes only, « Typologie entreprise », an unknown
 *    column « Régie » (J). No saved state. Run once through the CLI alone first; its output
 *    « Pôle Culture - SPASER.xlsx » is the file sent to the project lead.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';

export const TODAY = '2026-01-15'; // capture()'s day
export const FILE_A = 'Pôle Ressources.xlsx';
export const FILE_B = 'Pôle Solidarités.xlsx';
export const FILE_C = 'Pôle Éducation.xlsx';
export const FILE_D = 'Pôle Culture.xlsx';
export const FILE_D_OUT = 'Pôle Culture - SPASER.xlsx';

type Cell = string | number | Date | null;

function day(iso: string): Date {
  const [y, m, dd] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, dd));
}

interface Decision {
  numero: string;
  consideration: 'sociale' | 'environnementale' | 'innovation';
  etiquette: string;
  source?: string;
  decision: 'confirmée' | 'rejetée';
}

/** The saved state as the product writes it (observed in a CLI output): JSON in A1 of a very hidden `SPASER État`. */
function addState(wb: ExcelJS.Workbook, decisions: Decision[]): void {
  const ws = wb.addWorksheet('SPASER État', { state: 'veryHidden' });
  ws.getCell('A1').value = JSON.stringify({ version: 1, mappings: [], decisions });
  ws.getCell('B1').value = 'Feuille technique du complément Registre SPASER — ne pas modifier';
}

function put(ws: ExcelJS.Worksheet, firstRow: number, rows: Cell[][]): void {
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== null) ws.getCell(firstRow + i, j + 1).value = v;
    });
  });
}

export async function writePoleA(dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés 2025');
  ws.getCell('A1').value = 'Pôle Ressources — suivi des marchés';
  ws.mergeCells('A1:E1');
  put(ws, 3, [
    ['N° marché', 'Objet du marché', 'Montant HT (€)', 'Date notif', 'Critère social', 'Clause environnementale', 'Titulaire', 'Code postal', 'Ville', 'Pays', "Catégorie d'entreprise"],
    ['M-010', 'Nettoyage des locaux avec clause sociale', 10000, day('2025-02-03'), 'non', 'non', 'Net Nord SAS', 59100, 'Roubaix', null, 'PME'], // row 4
    ['R-002', 'Fournitures de bureau', 5000, day('2025-03-10'), 'oui', 'non', 'Papeterie Lilloise', 59000, 'Lille', null, 'TPE'], // row 5
    ['R-003', 'Maintenance des ascenseurs', 20000, day('2025-05-01'), 'non', 'oui', 'Elevatech GmbH', null, 'Berlin', 'Allemagne', 'GE'], // row 6
    ['R-004', 'Prestations de conseil', 15000, day('2025-09-01'), 'non', 'non', 'NET NORD', 59100, 'Roubaix', null, 'PME'], // row 7
    ['M-011', 'Collecte des déchets — clause sociale', 2000, day('2024-04-01'), 'non', 'non', 'Papeterie Lilloise', 59000, 'Lille', null, 'TPE'], // row 8
  ]);
  addState(wb, [
    { numero: 'M-010', consideration: 'sociale', etiquette: 'Clause sociale', source: 'Ressources v1.xlsx|Marchés 2025', decision: 'confirmée' },
    { numero: 'M-011', consideration: 'sociale', etiquette: 'Clause sociale', source: 'Ressources v1.xlsx|Marchés 2025', decision: 'confirmée' },
  ]);
  await wb.xlsx.writeFile(path.join(dir, FILE_A));
}

export async function writePoleB(dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  put(ws, 1, [
    ['Réf. marché', 'Intitulé', 'Montant notifié', 'Date de notification', 'Pôle', 'Clause sociale et environnementale', 'Marché réservé', 'Attributaire', 'CP', 'Commune', 'Effectif', 'Visa DAF', 'Chrono courrier'],
    ['M-011', 'Collecte des déchets — clause sociale', '12 000,00 €', '15/04/2025', 'Solidarités', 'oui', 'Non', 'Recyclage Services', '62000', 'Arras', 30, 'OK', 'C-2025-118'], // row 2
    ['S-002', 'Repas des seniors', '8 000 €', '02/06/2025', 'Solidarités', 'oui', 'ESAT/EA', 'ESAT Les Ateliers', '59100', 'Roubaix', 45, 'OK', 'C-2025-140'], // row 3
    ['S-003', 'Transport adapté', '30 000,00 €', '10/10/2025', 'Solidarités', 'non', 'Non', 'Transdev Voyageurs', '75015', 'Paris', 6000, null, 'C-2025-301'], // row 4
    ['M-010', 'Entretien des espaces verts — clause sociale', '9 000 €', '20/05/2024', 'Solidarités', 'non', 'Non', 'Verts Jardins', '59100', 'Roubaix', 5, 'OK', 'C-2024-077'], // row 5
    ['S-005', 'Aide alimentaire', '6 000 €', '05/03/2024', 'Solidarités', null, 'SIAE', 'Epicerie Solidaire', '59100', 'Roubaix', 8, 'OK', 'C-2024-020'], // row 6
  ]);
  addState(wb, [{ numero: 'M-010', consideration: 'sociale', etiquette: 'Clause sociale', decision: 'rejetée' }]);
  await wb.xlsx.writeFile(path.join(dir, FILE_B));
}

export async function writePoleC(dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const head = ['N° de\nmarché', 'Objet', 'Montant HT', 'Date de\nnotification', 'Dépenses\nmandatées', 'Clause sociale', 'Critère environnemental', 'Titulaire', 'Code postal', 'Pays', 'Taille'];
  put(wb.addWorksheet('Marchés 2025'), 1, [
    head,
    ['E-100', 'Expérimentation de tablettes en classe', 40000, day('2025-01-20'), 30000, 'non', 'non', 'EduTech', 59650, null, 'ETI'], // row 2
    ['E-101', 'Mobilier scolaire en bois biosourcé', 25000, day('2025-03-03'), null, 'non', 'non', 'Bois & Co', null, 'Belgique', 'PME'], // row 3
    ['E-102', 'Restauration scolaire', 50000, day('2025-06-01'), 45000, 'oui', 'oui', 'Cuisine Centrale du Nord', 59100, null, 'GE'], // row 4
    ['E-103', 'Travaux de peinture', 10000, day('2025-07-01'), 12000, 'non', 'non', 'Peintures Dupont', 80000, null, null], // row 5
  ]);
  put(wb.addWorksheet('Marchés 2024'), 1, [
    head,
    ['E-100', 'Expérimentation de tablettes en classe (phase 1)', 20000, day('2024-02-01'), 20000, 'non', 'non', 'EduTech', 59650, null, 'ETI'], // row 2
    ['E-101', 'Chaises en bois biosourcé', 5000, day('2024-09-01'), null, 'non', 'non', 'Bois & Co', null, 'Belgique', 'PME'], // row 3
  ]);
  addState(wb, [
    { numero: 'E-100', consideration: 'innovation', etiquette: 'Marché innovant', source: 'Pôle Éducation.xlsx|marchés 2025', decision: 'confirmée' },
    { numero: 'E-101', consideration: 'environnementale', etiquette: 'Clause environnementale', source: 'Pôle Éducation.xlsx|Ancien suivi', decision: 'rejetée' },
    { numero: 'E-101', consideration: 'environnementale', etiquette: 'Clause environnementale', source: 'Pôle Éducation.xlsx|Marchés 2024', decision: 'confirmée' },
  ]);
  await wb.xlsx.writeFile(path.join(dir, FILE_C));
}

export async function writePoleD(dir: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Culture');
  put(ws, 1, [
    ['Pôle Culture'],
    ['Suivi des marchés — saison 2025'],
    [],
    ['Numéro de marché', 'Désignation', 'Montant HT', 'Notifié le', 'Titulaire', 'Code postal', 'Typologie entreprise', 'Critère environnemental', 'Observations', 'Régie'],
    ['C-001', 'Programmation du festival', 18000, day('2025-04-04'), null, 59100, 'TPE', 'non', null, 'oui'], // row 5
    ['C-002', 'Location de matériel scénique', 7000, day('2025-08-08'), null, 59200, 'PME', 'oui', null, 'non'], // row 6
    ['E-101', 'Décors en bois biosourcé', 3000, day('2023-05-05'), null, 59100, 'TPE', 'non', null, 'non'], // row 7
  ]);
  await wb.xlsx.writeFile(path.join(dir, FILE_D));
}

export async function writeAll(dir: string): Promise<void> {
  await writePoleA(dir);
  await writePoleB(dir);
  await writePoleC(dir);
  await writePoleD(dir);
}

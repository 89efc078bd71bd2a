/**
 * Blind acceptance « exercices »: ONE Pôle workbook spanning three years, built from the spec
 * only (before reading the code). The buyer copies last year's sheet each January and changes it:
 *
 * - sheet « 2023 »: a title (row 1), an empty row, the header on row 3; columns
 *   N° marché | Objet | Montant HT | Date notif | Clause sociale | Clause env. | Titulaire | CP | Programmé
 *   (no mandated spend: the spend is the notified amount).
 * - sheet « 2024 »: header on row 1, columns renamed and reordered:
 *   Référence | Intitulé | Date de notification | Montant notifié | Mandaté | Clause sociale |
 *   Clause environnementale | Programmé | Titulaire | Code postal | Catégorie d'entreprise |
 *   Heures d'insertion réalisées. Its last row is a contract notified on 01/01/2025.
 * - sheet « 2025 »: a title (row 1), header on row 2; the « Programmé », « Clause
 *   environnementale » and « Heures » columns are gone, « Critère environnemental », « Hors
 *   marché » and « Délai de paiement (jours) » are new:
 *   N° de marché | Objet du marché | Notifié le | Montant HT (€) | Mandaté | Clause sociale |
 *   Critère environnemental | Hors marché | Titulaire | Code postal | Catégorie d'entreprise |
 *   Délai de paiement (jours); a totals row at the end.
 * - companion sheets « Cibles » (2024 and 2025), « Saisies manuelles » (2024 and 2025),
 *   « Suivi insertion » (2024–2025), « Actions SPASER » (2024–2025).
 *
 * No Pôle column: the Pôle is the file name, « Pôle Culture ».
 */
import ExcelJS from 'exceljs';
import { day, writeRows } from './helpers';

export const FILE_EXERCICES = 'Pôle Culture.xlsx';

export const HEADER_2023 = ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale', 'Clause env.', 'Titulaire', 'CP', 'Programmé'];
export const HEADER_2024 = [
  'Référence', 'Intitulé', 'Date de notification', 'Montant notifié', 'Mandaté', 'Clause sociale',
  'Clause environnementale', 'Programmé', 'Titulaire', 'Code postal', "Catégorie d'entreprise", "Heures d'insertion réalisées",
];
export const HEADER_2025 = [
  'N° de marché', 'Objet du marché', 'Notifié le', 'Montant HT (€)', 'Mandaté', 'Clause sociale',
  'Critère environnemental', 'Hors marché', 'Titulaire', 'Code postal', "Catégorie d'entreprise", 'Délai de paiement (jours)',
];

export async function buildExercicesWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();

  // Sheet « 2023 »: title row 1, header row 3, data rows 4–6.
  const s23 = wb.addWorksheet('2023');
  s23.getCell('A1').value = 'Suivi des marchés 2023 — Pôle Culture';
  writeRows(s23, 3, [
    HEADER_2023,
    ['MAINT-ASC', 'Maintenance des ascenseurs', 12000, day('2023-02-01'), 'non', 'non', 'Ascenseurs du Nord', 59000, 'oui'], // row 4
    ['2023-02', 'Nettoyage des écoles', 8000, day('2023-05-10'), 'oui', 'non', 'Net Roubaix', 59100, 'oui'], // row 5
    ['2023-03', 'Entretien des espaces verts', 5000, day('2023-11-30'), 'non', 'oui', 'Vert Nord', 62000, 'non'], // row 6
  ]);

  // Sheet « 2024 »: header row 1, data rows 2–8.
  const s24 = wb.addWorksheet('2024');
  writeRows(s24, 1, [
    HEADER_2024,
    ['maint-asc', 'Maintenance des ascenseurs', day('2024-02-01'), 12000, 11000, 'non', 'non', 'oui', 'Ascenseurs du Nord', 59000, 'PME', null], // row 2
    ['2024-02', 'Nettoyage des écoles', day('2024-04-15'), 9000, null, 'oui', 'non', 'oui', 'Net Roubaix', 59100, 'TPE', 300], // row 3
    ['2024-03', 'Fournitures de bureau', day('2024-06-01'), 4000, 3500, 'non', 'oui', 'non', 'Bureau Plus', 59170, 'GE', null], // row 4
    ['2024-07', 'Travaux de peinture', day('2024-10-01'), 20000, 18000, 'oui', 'oui', 'non', 'Peintures Lilloises', 59000, 'PME', 150], // row 5
    ['2024-08', 'Location de véhicules', '31/12/2024', 6000, null, 'non', 'non', 'non', 'AutoLoc', '75012', 'GE', null], // row 6
    ['2024-09', 'Impression des supports', day('2024-09-15'), null, null, 'non', 'non', 'oui', 'Imprimerie Roubaisienne', 59100, 'TPE', null], // row 7
    ['2025-01', 'Restauration scolaire', day('2025-01-01'), 30000, 25000, 'oui', 'oui', 'oui', 'Resto Nord', 59100, 'ETI', 500], // row 8
  ]);
  for (let r = 2; r <= 8; r++) s24.getCell(r, 3).numFmt = 'dd/mm/yyyy';

  // Sheet « 2025 »: title row 1, header row 2, data rows 3–11, totals row 12.
  const s25 = wb.addWorksheet('2025');
  s25.getCell('A1').value = 'Marchés notifiés en 2025';
  writeRows(s25, 2, [
    HEADER_2025,
    ['Maint-Asc ', 'Maintenance des ascenseurs', day('2025-02-03'), 12500, 12000, 'non', 'non', 'non', 'Ascenseurs du Nord', 59000, 'PME', 25], // row 3
    ['2025-02', 'Nettoyage des écoles', day('2025-03-01'), 9500, 9000, 'oui', 'non', 'non', 'Net Roubaix', 59100, 'TPE', 20], // row 4
    ['2025-03', 'Fournitures de bureau', day('2025-05-20'), 3000, null, 'non', 'oui', 'non', 'Bureau Plus', 59170, 'GE', 40], // row 5
    ['2024 - 07', 'Travaux de peinture (complément)', '31/12/2024', 2000, 2000, 'oui', 'non', 'non', 'Peintures Lilloises', 59000, 'PME', null], // row 6
    ['HM-2025-01', 'Achat de petit matériel', day('2025-06-10'), 800, 800, 'non', 'non', 'oui', 'Quincaillerie Centrale', 59100, 'TPE', 15], // row 7
    ['2025-05', "Spectacle de fin d'année", 'mars 2025', 999, null, 'non', 'non', 'non', 'Compagnie du Nord', 59100, 'TPE', null], // row 8
    ['2025-06', 'Prestation de sonorisation', day('2028-03-15'), 5000, null, 'non', 'non', 'non', 'Son et Lumière', 59100, 'TPE', null], // row 9
    ['2025-07', 'Entretien des espaces verts', day('2025-12-31'), 7000, 6500, 'oui', 'oui', 'non', 'Vert Nord', 62000, 'PME', 30], // row 10
    ['2025-08', 'Transport des élèves', day('2025-09-01'), -500, null, 'non', 'non', 'non', 'Cars du Nord', 59100, 'PME', null], // row 11
    [null, 'Total', 79299, null, 35300, null, null, null, null, null, null, null], // row 12: totals row
  ]);
  for (let r = 3; r <= 11; r++) s25.getCell(r, 3).numFmt = 'dd/mm/yyyy';

  const cibles = wb.addWorksheet('Cibles');
  writeRows(cibles, 1, [
    ['Indicateur', 'Année', 'Cible', 'Sens'],
    ['4.1.2-consideration-sociale', 2025, 50, '≥'],
    ['2.1.5-delai-paiement', 2025, 30, '≤'],
    ['1.1.2-dataviz', 2025, 3, null],
    ['3.2.1-fournitures-evitees', 2025, 15, '≥'],
    ['5.1.1-fournisseurs-zone', 2025, 50, '≥'],
    ['4.1.2-consideration-sociale', 2024, 60, '≥'],
    ['1.1.2-dataviz', 2024, 5, '≥'],
    ['2.1.1-programmes-nb', 2024, 40, '≥'],
  ]);

  const saisies = wb.addWorksheet('Saisies manuelles');
  writeRows(saisies, 1, [
    ['Indicateur', 'Année', 'Valeur', 'Source'],
    ['3.2.1-fournitures-evitees', 2024, 8, 'Service moyens généraux'],
    ['3.2.1-fournitures-evitees', 2025, 12, 'Service moyens généraux'],
    ['4.1.2-consideration-sociale', 2025, 99, 'Estimation du Pôle'],
    ['4.1.2-consideration-sociale', 2024, 98, 'Estimation du Pôle'],
  ]);

  const suivi = wb.addWorksheet('Suivi insertion');
  writeRows(suivi, 1, [
    ['N° de marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures réalisées', 'Date de début'],
    ['2024-02', 'B01', 'F', 'Roubaix', 'oui', 'CDD', 200, day('2024-05-01')], // s2
    ['2024-02', 'B02', 'H', 'Tourcoing', 'non', 'CDDI', 150, day('2024-06-01')], // s3
    ['MAINT-ASC', 'B05', 'H', 'Roubaix', 'non', 'CDD', 40, day('2024-03-01')], // s4
    ['2024-07', 'B01', 'F', 'Roubaix', 'oui', 'CDI', 100, day('2024-11-01')], // s5
    ['2025-02', 'B03', 'F', 'Roubaix', 'non', 'Intérim', 120, day('2025-03-15')], // s6
    ['2025-02', 'b01 ', null, 'Lille', 'oui', 'CDD', 80, day('2025-04-01')], // s7
    ['2025-07', 'B04', 'H', 'Wattrelos', 'non', 'Apprentissage', 60, day('2025-12-31')], // s8
  ]);
  for (let r = 2; r <= 8; r++) suivi.getCell(r, 8).numFmt = 'dd/mm/yyyy';

  const actions = wb.addWorksheet('Actions SPASER');
  writeRows(actions, 1, [
    ['Date', 'Type', 'Intitulé', 'Participants'],
    [day('2024-03-12'), 'Formation', 'Achats responsables', 15],
    [day('2024-10-05'), 'Atelier', 'Clauses sociales', 8],
    [day('2024-12-31'), 'Formation', "Clauses d'insertion", 10],
    [day('2025-01-01'), 'Événement', 'Forum des fournisseurs', 40],
    [day('2025-02-20'), 'Formation', 'Coût global', 12],
    [day('2025-06-30'), 'COPIL', 'Bilan annuel', 9],
  ]);
  for (let r = 2; r <= 7; r++) actions.getCell(r, 1).numFmt = 'dd/mm/yyyy';

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const FILE_PROBE = 'Pôle Sport.xlsx';

/**
 * A second, smaller workbook (sheet « Registre », header row 1) where the default exercice
 * depends on counting the rows in error, the first of two doublons carries an error itself,
 * a row without a readable date takes no part in the doublon check, and N−1 has only rows in
 * error. Its Cibles sheet has a « au plus » target, a second target of the same year and an
 * unknown id.
 */
export async function buildProbeWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Registre');
  writeRows(ws, 1, [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale'],
    ['D-1', 'Nettoyage des gymnases', null, day('2025-03-01'), 'oui'], // r2
    ['D-1', 'Nettoyage des gymnases', 1000, day('2025-04-01'), 'oui'], // r3
    ['D-2', 'Gardiennage', 2000, 'mars 2025', 'non'], // r4
    ['d- 2', 'Gardiennage', 2000, day('2025-05-01'), 'non'], // r5
    ['D-3', 'Fournitures sportives', -5, day('2025-06-01'), 'non'], // r6
    ['P-1', 'Entretien des terrains', 1000, day('2024-01-10'), 'oui'], // r7
    ['P-2', 'Achat de ballons', 1000, day('2024-02-10'), 'non'], // r8
    ['P-3', 'Location de minibus', 1000, day('2024-03-10'), 'non'], // r9
    ['Q-1', 'Tracé des terrains', null, day('2023-05-05'), 'non'], // r10
  ]);
  for (let r = 2; r <= 10; r++) ws.getCell(r, 4).numFmt = 'dd/mm/yyyy';
  const cibles = wb.addWorksheet('Cibles');
  writeRows(cibles, 1, [
    ['Indicateur', 'Année', 'Cible', 'Sens'],
    ['4.1.2-consideration-sociale', 2025, 10, 'au plus'],
    ['4.1.2-consideration-sociale', 2025, 50, '≥'],
    ['9.9.9-inconnu', 2025, 1, '≥'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * BLIND acceptance « quatre-poles »: the SPASER project lead's monthly consolidation of four Pôles'
 * workbooks, each in its own house style. Every expected value lives in
 * blind-quatre-poles.acceptance.test.ts, worked out by hand from the spec and the README only.
 *
 * Given in this order:
 *  A « Pôle Moyens Généraux.xlsx » (finance-minded): sheets « Marchés 2025 » and « Marchés 2024 »
 *    (the N−1 sheet), title on row 1, header on row 3; amounts in k€ (« Montant HT (k€) »,
 *    « Mandaté HT (k€) »), delays « 32 j », procedures « MAPA < 40 k€ », « Négociée sans publicité »,
 *    savings « Économie réalisée (€) », a « Hors marché » column, a totals row. No Pôle column.
 *  B « Pôle Cohésion sociale.xlsx » (insertion): sheet « Marchés » with a Pôle column (« Cohésion
 *    sociale », « COHESION SOCIALE », one cell empty), amounts and dates as French text, marchés
 *    réservés « Oui – ESAT »; sheet « Suivi insertion » in the facilitator's style (title, header
 *    on row 3, « Identifiant », « H/F », « Lieu de résidence », « Quartier prioritaire »…).
 *  C « Pôle Attractivité.xlsx » (territory): sheet « Suivi marchés », title on row 1, header on row 2;
 *    supplier towns « 59100 Roubaix », « Mouscron, Belgique », « Paris 75011 » (no postal code
 *    column), sizes « PME », headcounts « 12 salariés »; innovant, programmé, clause sociale.
 *  D « Pôle Transition écologique.xlsx » (environment): sheet « Registre 2025 » with clauses marked
 *    « x », a réemploi amount, comments; sheets « Saisies manuelles » and « Cibles » (only here).
 *    Its row 5 repeats A's contract « 2025-MOB-01 » (same year): a doublon when A comes first.
 */
import ExcelJS from 'exceljs';

export const TODAY = '2026-01-15'; // the day of capture() in test/cli/helpers.ts
export const FILE_A = 'Pôle Moyens Généraux.xlsx';
export const FILE_B = 'Pôle Cohésion sociale.xlsx';
export const FILE_C = 'Pôle Attractivité.xlsx';
export const FILE_D = 'Pôle Transition écologique.xlsx';
export const SHEET_A25 = 'Marchés 2025';
export const SHEET_A24 = 'Marchés 2024';
export const SHEET_B = 'Marchés';
export const SHEET_B_SUIVI = 'Suivi insertion';
export const SHEET_C = 'Suivi marchés';
export const SHEET_D = 'Registre 2025';

type Cell = string | number | Date | null;

function day(iso: string): Date {
  const [y, m, dd] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, dd));
}

/** Writes `rows` from sheet row `firstRow`, column A first; dates get a French date format. */
function put(ws: ExcelJS.Worksheet, firstRow: number, rows: Cell[][]): void {
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(firstRow + i, j + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  });
}

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEAD_A = [
  'N° marché', 'Objet', 'Montant HT (k€)', 'Date notif', 'Procédure', 'Mandaté HT (k€)', 'DGP', 'Négocié',
  'Économie réalisée (€)', 'Nb offres', 'Avenants', 'Critère DD', 'Titulaire', 'CP', 'Ville', 'Hors marché',
];

export async function workbookA(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_A25);
  ws.getCell('A1').value = 'Pôle Moyens Généraux — tableau de bord financier des marchés 2025';
  put(ws, 3, [
    HEAD_A,
    ['MG-25-01', 'Maintenance des photocopieurs', 45, day('2025-02-10'), 'AOO', 38.5, '32 j', 'non', null, 4, 1, 'oui', 'Bureautique du Nord SAS', 59100, 'Roubaix', 'non'], // r4
    ['MG-25-02', 'Fournitures de bureau', 18, day('2025-03-03'), 'MAPA < 40 k€', 12, 28, 'oui', 1500, 3, 0, 'non', 'Papeterie Lilloise', 59000, 'Lille', 'non'], // r5
    ['MG-25-03', 'Nettoyage des locaux administratifs', 120, day('2025-04-15'), 'AOO', 95, '25 j', 'non', null, 6, 2, 'oui', 'Net Nord', 59100, 'Roubaix', 'non'], // r6
    ['MG-25-04', 'Réparation urgente chaudière', '3,2', day('2025-06-20'), 'Négociée sans publicité', '3,2', '45 jours', 'oui', 200, 1, 0, 'non', 'Chauffage Services', 62300, 'Lens', 'non'], // r7
    ['MG-25-05', 'Achat de petit matériel', 0.8, day('2025-09-05'), null, 0.8, null, null, null, null, null, null, 'Brico Pro', 59100, 'Roubaix', 'oui'], // r8
    ['2025-MOB-01', 'Mobilier de bureau de réemploi', 60, day('2025-05-12'), 'MAPA 40-90 k€', 30, '30 j', 'non', null, 2, 0, 'oui', 'Mobilier Solidaire', 59100, 'Roubaix', 'non'], // r9
    ['MG-25-07', 'Location de véhicules', null, day('2025-10-01'), 'AOO', null, null, 'non', null, 3, 0, 'non', 'Loc Auto', 59100, 'Roubaix', 'non'], // r10
    [null, 'Total', 247, null, null, 179.5], // r11: a totals row, not a row
  ]);
  const ws24 = wb.addWorksheet(SHEET_A24);
  ws24.getCell('A1').value = 'Pôle Moyens Généraux — tableau de bord financier des marchés 2024';
  put(ws24, 3, [
    HEAD_A,
    ['MG-24-01', 'Maintenance des photocopieurs', 40, day('2024-02-01'), 'AOO', 40, '35 j', 'non', null, 3, 0, 'non', 'Bureautique du Nord', 59100, 'Roubaix', 'non'], // r4
    ['MG-24-02', 'Fournitures de bureau', 15, day('2024-03-01'), 'MAPA < 40 k€', 15, 25, 'oui', 1000, 2, 1, 'oui', 'Papeterie Lilloise', 59000, 'Lille', 'non'], // r5
  ]);
  return bytes(wb);
}

/**
 * `second` (the recipe's second pass) adds r7: a contract the insertion Pôle keeps for another Pôle,
 * its Pôle cell « Moyens généraux » (the Pôle of file A, written otherwise).
 */
export async function workbookB(second = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_B);
  put(ws, 1, [
    ['Réf. marché', 'Intitulé', 'Pôle', 'Montant HT', 'Date de notification', "Clause d'insertion", 'Marché réservé', 'Heures prévues', 'Heures réalisées', 'Attributaire', 'Type de structure'],
    ['CS-25-01', 'Entretien des espaces verts', 'Cohésion sociale', '85 000,00 €', '01/03/2025', 'oui', 'Non', 1000, 600, "Jardins de l'Espoir", 'SIAE'], // r2
    ['CS-25-02', 'Blanchisserie des linges', 'COHESION SOCIALE', '24 000 €', '10/04/2025', 'non', 'Oui – ESAT', null, null, 'ESAT Les Ateliers', 'ESAT'], // r3
    ['CS-25-03', 'Nettoyage des vitres', null, '15 000 €', '02/06/2025', 'oui', 'Non', 200, 150, 'Net Nord', 'Autre'], // r4
    ['CS-25-04', 'Transport de personnes âgées', 'Cohésion sociale', '40 000 €', '15/09/2025', 'non', 'Non', null, null, 'Transdev', 'Autre'], // r5
    ['CS-25-05', 'Portage de repas', 'Cohésion sociale', '12 000 €', '31/02/2025', 'oui', 'Non', 100, null, 'Repas Services', 'Autre'], // r6
    ...(second ? [['MG-25-08', "Accompagnement vers l'emploi des agents", 'Moyens généraux', '10 000 €', '05/11/2025', 'oui', 'Non', null, null, "Proxim'Services", 'SIAE']] : []), // r7
  ]);
  const suivi = wb.addWorksheet(SHEET_B_SUIVI);
  suivi.getCell('A1').value = "Suivi des clauses d'insertion — facilitateur, état au 31/12/2025";
  put(suivi, 3, [
    ['N° marché', 'Identifiant', 'H/F', 'Lieu de résidence', 'Quartier prioritaire', 'Contrat', 'Heures', 'Début du contrat'],
    ['CS-25-01', 'P-001', 'Femme', '59100 Roubaix', 'oui', 'CDDI', 300, day('2025-03-15')], // s4
    ['CS-25-01', 'P-002', 'H', 'Tourcoing', 'non', "Intérim d'insertion", 150, day('2025-04-01')], // s5
    ['cs-25-01', 'p-001', 'F', 'Roubaix', 'oui', 'CDD > 6 mois', 120, day('2025-09-01')], // s6
    ['MG-25-03', 'P-003', 'F', 'Lille', 'non', 'CDI', 200, day('2025-05-02')], // s7
    ['XX-2025-99', 'P-004', 'H', 'Roubaix', 'oui', 'CDD', 70, day('2025-06-01')], // s8
    ['CS-25-02', 'P-005', null, 'Wattrelos', null, 'Contrat de professionnalisation', 90, day('2025-06-01')], // s9
    ['CS-25-05', 'P-006', 'H', 'Roubaix', 'non', 'CDI', 50, day('2025-07-01')], // s10
  ]);
  return bytes(wb);
}

/** `second` adds r9: « CS-25-05 », the numero of B's row whose date cannot be read. */
export async function workbookC(second = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_C);
  ws.getCell('A1').value = 'Pôle Attractivité — marchés notifiés en 2025';
  put(ws, 2, [
    ['N° de contrat', 'Désignation', 'Montant attribué', "Date d'attribution", 'Fournisseur', 'Ville du titulaire', 'Taille', 'Effectif', 'Innovant', 'Programmé', 'Clause sociale'],
    ['AT-25-01', 'Animation du marché de Noël', 30000, day('2025-01-20'), "Festiv'Events", '59100 Roubaix', 'TPE', '6 salariés', 'non', 'oui', 'non'], // r3
    ['AT-25-02', 'Signalétique touristique', 55000, day('2025-03-18'), 'Signalisation Mouscronnoise', 'Mouscron, Belgique', null, '45 employés', 'non', 'oui', 'oui'], // r4
    ['AT-25-03', 'Plateforme numérique de participation citoyenne — expérimentation', 80000, day('2025-05-05'), 'CivicLab', "Villeneuve-d'Ascq", 'PME', '12 salariés', 'oui', 'non', 'non'], // r5
    ['AT-25-04', 'Étude de stationnement', 20000, day('2025-07-01'), 'Mobilités Conseil', 'Paris 75011', 'GE', null, 'non', 'oui', 'non'], // r6
    ['AT-25-05', 'Fleurissement des quartiers', 12000, day('2025-04-22'), "Jardins de l'Espoir", 'Roubaix', null, '25 salariés', 'non', 'non', 'oui'], // r7
    ['AT-25-06', null, 9000, day('2025-10-10'), 'Sono Plus', 'Roubaix', 'TPE', '3 salariés', 'non', 'oui', 'non'], // r8
    ...(second ? [['CS-25-05', 'Portage de repas à domicile', 6000, day('2025-11-01'), 'Repas Services', 'Roubaix', 'TPE', null, 'non', 'non', 'non']] : []), // r9
  ]);
  return bytes(wb);
}

/** `second` adds r7: « MG-25-07 », the numero of A's row in error (montant missing), same year. */
export async function workbookD(second = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_D);
  put(ws, 1, [
    ['N° marché', 'Objet de la consultation', 'Montant HT (€)', 'Notifié le', 'Clause env.', 'Critère env.', 'Réemploi (€)', 'Titulaire', 'CP', 'Commentaires'],
    ['TE-25-01', 'Collecte et compostage des biodéchets', 70000, day('2025-02-14'), 'x', 'x', null, "Compost'Nord", 59200, null], // r2
    ['TE-25-02', 'Fourniture de mobilier reconditionné pour les écoles', 40000, day('2025-03-20'), null, null, 25000, 'Mobilier Solidaire', 59100, null], // r3
    ['TE-25-03', 'Entretien des véhicules', 15000, day('2025-06-11'), null, 'x', null, 'Garage Central', 59170, 'Pneus rechapés, véhicule électrique en test'], // r4
    ['2025-MOB-01', 'Mobilier de bureau de réemploi', 55000, day('2025-05-12'), 'x', null, 30000, 'Mobilier Solidaire', 59100, null], // r5
    ['TE-25-04', 'Audit énergétique des bâtiments', 25000, day('2025-08-30'), null, null, 0, 'Bureau Thermique', 75011, 'pas de critère environnemental'], // r6
    ...(second ? [['MG-25-07', 'Location de véhicules', 22000, day('2025-10-01'), 'x', null, null, 'Loc Auto', 59100, null]] : []), // r7
  ]);
  putCompanionSheets(wb);
  return bytes(wb);
}

/** D's Saisies manuelles and Cibles, the same in the first and the third pass (the only file that has them). */
function putCompanionSheets(wb: ExcelJS.Workbook): void {
  put(wb.addWorksheet('Saisies manuelles'), 1, [
    ['Indicateur', 'Année', 'Valeur', 'Source'],
    ['3.2.1-fournitures-evitees', 2025, 12, 'Inventaire des services'],
    ['3.2.1-mobilier-reemploye', 2025, '35 %', 'Recyclerie municipale'],
    ['3.1.1-reemploi', 2025, 50000, 'Estimation'],
  ]);
  put(wb.addWorksheet('Cibles'), 1, [
    ['Indicateur', 'Année', 'Cible', 'Sens'],
    ['3.1.1-consideration-env', 2025, 50, '≥'],
    ['4.1.2-consideration-sociale', 2025, 30, null],
    ['2.1.5-delai-paiement', 2025, 30, '≤'],
    ['3.2.1-fournitures-evitees', 2025, 10, 'au moins'],
    ['5.2.1-innovants-nb', 2025, 25, '≥'],
    ['4.2.2-heures', 2024, 500, '≥'],
  ]);
}

/**
 * Third pass: the same four workbooks with every cell respelled the way another buyer types it, each spelling
 * one that champs.md, regles.md or the README reads as the first pass's value (« 32 jours », « 28 j. »,
 * « MAPA inférieur à 40 000 € », « Art. L2113-12 », « Mme », « CDD d'insertion », « 300 h », « Roubaix Cedex 1 »,
 * « B-7700 Mouscron », « ROUBAIX (59) », « Microentreprise », « 25 ETP », « X », « ✓ »…), and the savings and
 * réemploi columns kept in k€ (« Économie réalisée (k€) » 1,5; « Réemploi (k€) » 25).
 * The N−1 sheet, Saisies manuelles and Cibles are kept as they are.
 */
export async function respelled(): Promise<[Uint8Array, Uint8Array, Uint8Array, Uint8Array]> {
  const nb = '\u00a0';
  const nnb = '\u202f';
  const a = new ExcelJS.Workbook();
  // savings in k€ too (README « Colonnes »: any amount under a k€ header is read in euros)
  const headK = HEAD_A.map((h) => (h === 'Économie réalisée (€)' ? 'Économie réalisée (k€)' : h));
  const wa = a.addWorksheet(SHEET_A25);
  wa.getCell('A1').value = 'Pôle Moyens Généraux — tableau de bord financier des marchés 2025';
  put(wa, 3, [
    headK,
    ['MG-25-01', 'Maintenance des photocopieurs', '45,0', day('2025-02-10'), "Appel d'offres ouvert", '38,5', '32 jours', 'Non', null, 4, 1, 'Oui', 'Bureautique du Nord SAS', 59100, 'Roubaix', 'Non'],
    ['MG-25-02', 'Fournitures de bureau', 18, day('2025-03-03'), 'MAPA inférieur à 40 000 €', 12, '28 j.', 'Oui', '1,5', 3, 0, 'Non', 'Papeterie Lilloise', 59000, 'Lille', 'Non'],
    ['MG-25-03', 'Nettoyage des locaux administratifs', '120', day('2025-04-15'), 'AOO', 95, '25 jrs', 'Non', null, 6, 2, 'Oui', 'Net Nord', 59100, 'Roubaix', 'Non'],
    ['MG-25-04', 'Réparation urgente chaudière', '3,2', day('2025-06-20'), 'Procédure négociée sans publicité ni mise en concurrence préalables', '3,2', '45 j', 'Oui', 0.2, 1, 0, 'Non', 'Chauffage Services', 62300, 'Lens', 'Non'],
    ['MG-25-05', 'Achat de petit matériel', 0.8, day('2025-09-05'), null, 0.8, null, null, null, null, null, null, 'Brico Pro', 59100, 'Roubaix', 'x'],
    ['2025-MOB-01', 'Mobilier de bureau de réemploi', 60, day('2025-05-12'), 'Procédure adaptée de 40 à 90 k€', 30, '30j', 'Non', null, 2, 0, 'Oui', 'Mobilier Solidaire', 59100, 'Roubaix', 'Non'],
    ['MG-25-07', 'Location de véhicules', null, day('2025-10-01'), 'AOO', null, null, 'Non', null, 3, 0, 'Non', 'Loc Auto', 59100, 'Roubaix', 'Non'],
    [null, 'TOTAL :', 247, null, null, 179.5],
  ]);
  const wa24 = a.addWorksheet(SHEET_A24);
  wa24.getCell('A1').value = 'Pôle Moyens Généraux — tableau de bord financier des marchés 2024';
  put(wa24, 3, [
    headK,
    ['MG-24-01', 'Maintenance des photocopieurs', 40, day('2024-02-01'), 'AOO', 40, '35 j', 'non', null, 3, 0, 'non', 'Bureautique du Nord', 59100, 'Roubaix', 'non'],
    ['MG-24-02', 'Fournitures de bureau', 15, day('2024-03-01'), 'MAPA < 40 k€', 15, 25, 'oui', 1, 2, 1, 'oui', 'Papeterie Lilloise', 59000, 'Lille', 'non'],
  ]);

  const b = new ExcelJS.Workbook();
  put(b.addWorksheet(SHEET_B), 1, [
    ['Réf. marché', 'Intitulé', 'Pôle', 'Montant HT', 'Date de notification', "Clause d'insertion", 'Marché réservé', 'Heures prévues', 'Heures réalisées', 'Attributaire', 'Type de structure'],
    ['CS-25-01', 'Entretien des espaces verts', 'Cohésion sociale', `85${nb}000,00${nb}€`, '2025-03-01', 'Oui', 'Non', '1 000 h', '600 h', "Jardins de l'Espoir", 'SIAE'],
    ['CS-25-02', 'Blanchisserie des linges', 'Pôle Cohésion Sociale', `24${nnb}000 €`, '10/04/25', 'Non', 'Art. L2113-12', null, null, 'ESAT Les Ateliers', 'ESAT'],
    ['CS-25-03', 'Nettoyage des vitres', null, '15 000,00', '02-06-2025', 'Oui', 'non', 200, 150, 'Net Nord', 'Autre'],
    ['CS-25-04', 'Transport de personnes âgées', 'cohésion sociale', '40 000 € HT', '15.09.2025', 'Non', 'Non', null, null, 'Transdev', 'Autre'],
    ['CS-25-05', 'Portage de repas', 'Cohésion sociale', '12 000 €', '31/02/2025', 'Oui', 'Non', 100, null, 'Repas Services', 'Autre'],
  ]);
  const sb = b.addWorksheet(SHEET_B_SUIVI);
  sb.getCell('A1').value = "Suivi des clauses d'insertion — facilitateur, état au 31/12/2025";
  put(sb, 3, [
    ['N° marché', 'Identifiant', 'H/F', 'Lieu de résidence', 'Quartier prioritaire', 'Contrat', 'Heures', 'Début du contrat'],
    ['CS-25-01', 'P-001', 'Mme', 'ROUBAIX', 'Oui', "CDD d'insertion", '300 h', day('2025-03-15')],
    ['CS-25-01', 'P-002', 'M.', 'Tourcoing', 'Non', "Intérim d'insertion", 150, day('2025-04-01')],
    [' CS-25-01 ', ' P-001', 'Femme', 'Roubaix Cedex 1', 'oui', 'CDD > 6 mois', '120', day('2025-09-01')],
    ['MG-25-03', 'P-003', 'F', 'Lille', 'non', 'CDI', 200, day('2025-05-02')],
    ['XX-2025-99', 'P-004', 'H', 'Roubaix', 'oui', 'CDD', 70, day('2025-06-01')],
    ['CS-25-02', 'P-005', null, 'Wattrelos', null, 'Contrat de professionnalisation', 90, day('2025-06-01')],
    ['CS-25-05', 'P-006', 'H', 'Roubaix', 'non', 'CDI', 50, day('2025-07-01')],
  ]);

  const c = new ExcelJS.Workbook();
  const wc = c.addWorksheet(SHEET_C);
  wc.getCell('A1').value = 'Pôle Attractivité — marchés notifiés en 2025';
  put(wc, 2, [
    ['N° de contrat', 'Désignation', 'Montant attribué', "Date d'attribution", 'Fournisseur', 'Ville du titulaire', 'Taille', 'Effectif', 'Innovant', 'Programmé', 'Clause sociale'],
    ['AT-25-01', 'Animation du marché de Noël', 30000, day('2025-01-20'), "Festiv'Events", 'Roubaix Cedex 1', 'Microentreprise', '6 personnes', 'Non', 'Oui', 'Non'],
    ['AT-25-02', 'Signalétique touristique', 55000, day('2025-03-18'), 'Signalisation Mouscronnoise', 'B-7700 Mouscron', null, '45 personnes', 'Non', 'Oui', 'Oui'],
    ['AT-25-03', 'Plateforme numérique de participation citoyenne — expérimentation', 80000, day('2025-05-05'), 'CivicLab', "VILLENEUVE D'ASCQ", 'Petite entreprise', '12 ETP', '✓', 'Non', 'Non'],
    ['AT-25-04', 'Étude de stationnement', 20000, day('2025-07-01'), 'Mobilités Conseil', '75011 Paris', 'Grande entreprise', null, 'Non', 'Oui', 'Non'],
    ['AT-25-05', 'Fleurissement des quartiers', 12000, day('2025-04-22'), "Jardins de l'Espoir", 'ROUBAIX (59)', null, '25 ETP', 'Non', 'Non', 'Oui'],
    ['AT-25-06', null, 9000, day('2025-10-10'), 'Sono Plus', 'Roubaix', 'TPE', '3 salariés', 'Non', 'Oui', 'Non'],
  ]);

  const d = new ExcelJS.Workbook();
  put(d.addWorksheet(SHEET_D), 1, [
    ['N° marché', 'Objet de la consultation', 'Montant HT (€)', 'Notifié le', 'Clause env.', 'Critère env.', 'Réemploi (k€)', 'Titulaire', 'CP', 'Commentaires'],
    ['TE-25-01', 'Collecte et compostage des biodéchets', 70000, day('2025-02-14'), 'X', '✓', null, "Compost'Nord", '59 200', null],
    ['TE-25-02', 'Fourniture de mobilier reconditionné pour les écoles', 40000, day('2025-03-20'), null, null, '25', 'Mobilier Solidaire', '59100', null],
    ['TE-25-03', 'Entretien des véhicules', 15000, day('2025-06-11'), null, 'X', null, 'Garage Central', 59170, 'Pneus rechapés, véhicule électrique en test'],
    ['2025-MOB-01', 'Mobilier de bureau de réemploi', 55000, day('2025-05-12'), 'x', null, 30, 'Mobilier Solidaire', 59100, null],
    ['TE-25-04', 'Audit énergétique des bâtiments', 25000, day('2025-08-30'), null, null, '0', 'Bureau Thermique', 75011, 'pas de critère environnemental'],
  ]);
  putCompanionSheets(d);
  return [await bytes(a), await bytes(b), await bytes(c), await bytes(d)];
}

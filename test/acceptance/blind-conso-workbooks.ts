/**
 * Blind acceptance « conso »: three Pôle workbooks that the SPASER project
 * lead consolidates, each in a house style nobody wrote the code for.
 *
 *  1. « Pôle Solidarités.xlsx » — sheet `Suivi 2025` (title on row 1, header
 *     on row 2) with a `Pôle` column (« Solidarités » on most rows, « Éducation »
 *     and « Pôle Ressources » on two rows), plus a `Suivi insertion` sheet whose
 *     hours mostly refer to contracts of the Ville Durable workbook.
 *  2. « Pôle Ville Durable.xlsx » — no Pôle column; two register sheets `2024`
 *     and `2025`, each with its own header names.
 *  3. « Pôle Ressources.xlsx » — logo/title block, header on row 6, fewer
 *     columns (no procedure, programme, innovation, mandated spend…), plus a
 *     `Cibles` sheet.
 *
 * The rows are described (and judged) in blind-conso.acceptance.test.ts.
 */
import ExcelJS from 'exceljs';

export const FILE_SOL = 'Pôle Solidarités.xlsx';
export const FILE_VD = 'Pôle Ville Durable.xlsx';
export const FILE_RES = 'Pôle Ressources.xlsx';
export const SHEET_SOL = 'Suivi 2025';
export const SHEET_SUIVI = 'Suivi insertion';
export const SHEET_VD24 = '2024';
export const SHEET_VD25 = '2025';
export const SHEET_RES = 'Registre';
export const SHEET_CIBLES = 'Cibles';

/** Luhn-valid SIRETs (checked by hand with the Luhn sum) and one invalid. */
export const SIRET_A = '41234567800012';
export const SIRET_B = '52345678900016';
export const SIRET_BAD = '78901234500018';
export const SIRET_D = '33456789000010';
export const SIRET_E = '64567890100010';

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const HEADER_SOL = [
  'N° marché', 'Intitulé', 'Pôle', 'Mode de passation', 'Hors marché', 'Date notif', 'Durée (mois)',
  'Montant HT (€)', 'Mandaté (€)', 'Programmé', 'Récurrent', 'Nb avenants', 'Avenants de prolongation',
  'Clause sociale', 'Marché réservé', 'Heures réalisées', 'Clause env.', 'Critère env.', 'Nb offres',
  'Titulaire', 'SIRET', 'CP', 'Ville', 'Délai de paiement (jours)', 'Réunion de cadrage', 'Nb bilans',
  'Innovant', 'Nomenclature', 'Type de structure', 'Observations',
];

type Cell = ExcelJS.CellValue;

export async function workbookSolidarites(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_SOL);
  ws.getCell('A1').value = 'Pôle Solidarités — suivi des marchés et commandes';
  ws.getRow(2).values = HEADER_SOL;
  // numero, objet, pôle, procédure, HM, date, durée, montant, mandaté, programmé, récurrent, nbAv, prolong,
  // CS, réservé, heures, clause env, critère env, offres, titulaire, siret, CP, ville, délai, cadrage, bilans,
  // innovant, nomenclature, structure, observations
  const rows: Cell[][] = [
    /* r3 */ ['SOL-25-01', 'Accompagnement social des familles', 'Solidarités', 'MAPA', 'Non', d(2025, 3, 15), 12,
      50000, '30 000,00 €', 'Oui', 'Oui', 2, 1, 'Oui', 'Non', 120, null, null, 3,
      "Association Trait d'Union", SIRET_A, 59100, 'Roubaix', 25, 'Oui', 1, null, 'SOC01', 'ESS', null],
    /* r4 */ ['SOL-25-02', 'Portage de repas à domicile', 'Solidarités', "Appel d'offres ouvert", 'Non', '02/01/2025', 24,
      '200 000,00', 80000, 'Oui', null, 0, 0, 'Non', 'SIAE', null, 'Oui', 'Oui', 5,
      'Repas Nord SAS', SIRET_B, 59200, 'Tourcoing', 40, 'Oui', 0, 'Non', 'SOC02', 'Autre', null],
    /* r5 */ ['SOL-25-03', 'Achat de petit matériel', 'Solidarités', 'MAPA', 'Oui', d(2025, 5, 10), null,
      4000, 3500, null, null, null, null, null, null, null, null, null, null,
      'Quincaillerie Dupont', null, 59000, 'Lille', 20, null, null, null, null, null, null],
    /* r6 */ ['SOL-25-04', 'Maintenance des ascenseurs du CCAS', 'Solidarités', 'Gré à gré', 'Non', d(2025, 6, 20), 6,
      15000, null, 'Non', 'Oui', 1, 1, 'Non', null, null, null, null, 1,
      'Ascenseurs Martin', SIRET_BAD, 62000, 'Arras', null, 'Non', null, null, 'SOC03', 'Autre',
      'Pièces de rechange : matériel reconditionné accepté'],
    /* r7 */ ['SOL-25-05', "Aide alimentaire d'urgence", 'Solidarités', 'MAPA', 'Non', d(2025, 9, 5), 12,
      30000, 10000, 'Oui', 'Non', 0, 0, 'Oui', 'Non', 0, 'Non', 'Non', 2,
      "Association Trait d'Union", SIRET_A, 59100, 'Roubaix', 30, 'Oui', 0, 'Oui', 'SOC01', 'ESS', null],
    /* r8 */ ['EDU-25-01', 'Transport scolaire des classes de neige', 'Éducation', 'AOO', 'Non', d(2025, 2, 1), 3,
      60000, 60000, 'Non', 'Non', 0, 0, 'Non', 'Non', null, 'Non', 'Oui', 4,
      'Cars du Nord', SIRET_D, 59650, "Villeneuve-d'Ascq", 28, 'Oui', 2, 'Non', 'TRA01', 'Autre', null],
    /* r9 */ ['RES-25-10', 'Location de photocopieurs', 'Pôle Ressources', 'MAPA', 'Non', d(2025, 4, 12), 36,
      45000, 12000, 'Oui', 'Oui', 0, 0, 'Non', 'Non', null, 'Oui', 'Non', 3,
      'Bureau Services', null, 75011, 'Paris', 45, 'Non', 0, 'Non', null, 'Autre', null],
    /* r10 montant empty */ ['SOL-25-06', 'Formation des bénévoles', 'Solidarités', 'MAPA', 'Non', d(2025, 11, 14), 12,
      null, null, 'Oui', 'Non', 0, 0, 'Non', 'Non', null, 'Non', 'Non', 2,
      'Formations Plus', null, 59100, 'Roubaix', 20, 'Oui', 0, 'Non', 'SOC04', 'Autre', null],
    /* r11 duplicate of r3 */ ['Sol-25- 01', 'Accompagnement social des familles (ressaisie)', 'Solidarités', 'MAPA', 'Non',
      d(2025, 6, 30), 12, 99999, 99999, 'Oui', 'Oui', 0, 0, 'Oui', 'Non', null, 'Non', 'Non', 3,
      "Association Trait d'Union", SIRET_A, 59100, 'Roubaix', 25, 'Oui', 0, 'Non', 'SOC01', 'ESS', null],
    /* r12 2 prolongations > 1 avenant */ ['SOL-25-07', 'Location de minibus', 'Solidarités', 'MAPA', 'Non', '01/12/2025', 12,
      9000, 9000, 'Oui', 'Oui', 1, 2, 'Non', 'Non', null, 'Non', 'Non', 2,
      'Loc Nord', null, 59100, 'Roubaix', 20, 'Oui', 0, 'Non', 'SOC05', 'Autre', null],
    /* r13 N−1 */ ['SOL-24-01', 'Accompagnement social des familles 2024', 'Solidarités', 'MAPA', 'Non', d(2024, 3, 10), 12,
      40000, 40000, 'Oui', 'Oui', 1, 1, 'Oui', 'Non', 80, 'Non', 'Non', 4,
      "Association Trait d'Union", SIRET_A, 59100, 'Roubaix', 20, 'Oui', 2, 'Non', 'SOC01', 'ESS', null],
  ];
  rows.forEach((values, i) => {
    ws.getRow(3 + i).values = values;
  });
  // r14 empty; r15 totals row
  ws.getCell('B15').value = 'Total';
  ws.getCell('H15').value = 503999;
  ws.getColumn(6).numFmt = 'dd/mm/yyyy';

  const suivi = wb.addWorksheet(SHEET_SUIVI);
  suivi.getRow(1).values = ['N° marché', 'Identifiant', 'Genre', 'Lieu de résidence', 'QPV', 'Contrat', 'Heures', 'Début du contrat'];
  const s: Cell[][] = [
    /* s2 */ ['vd-25-01', 'B001', 'F', 'Roubaix', 'Oui', 'CDDI', 300, d(2025, 3, 1)],
    /* s3 */ ['VD-25-01', 'B002', 'H', 'Tourcoing', 'Non', 'Intérim', 150, d(2025, 4, 1)],
    /* s4 */ ['VD-25-03 ', 'b001', null, 'Roubaix', 'Oui', 'CDI', 200, d(2025, 9, 1)],
    /* s5 */ ['SOL-25-01', 'B003', 'F', 'Lille', 'Non', 'Contrat de professionnalisation', 100, d(2025, 5, 1)],
    /* s6 */ ['VD-24-01', 'B004', 'H', 'Roubaix', 'Oui', 'CDD', 80, d(2024, 6, 1)],
    /* s7 */ ['XX-99', 'B005', 'F', 'Roubaix', 'Oui', 'CDI', 50, d(2025, 2, 1)],
  ];
  s.forEach((values, i) => {
    suivi.getRow(2 + i).values = values;
  });
  return bytes(wb);
}

export const HEADER_VD25 = [
  'Référence', 'Objet', 'Procédure', 'Date de notification', 'Durée', 'Montant notifié HT', "Dépenses de l'exercice",
  'Inscrit à la programmation', "Clause d'insertion", 'Critère social', "Marché d'insertion", 'Clause verte', 'Critère DD',
  'Nombre de soumissionnaires', 'Attributaire', 'Code postal', 'Commune', 'Taille', 'Montant réemploi',
  'Marché innovant', "Famille d'achat", 'Réunion de lancement', 'Réunions de bilan',
];
export const HEADER_VD24 = [
  'N° de contrat', 'Libellé', 'Type de procédure', 'Notifié le', 'Montant attribué', 'Réalisé', 'Programmé',
  'Clause sociale', 'Clause environnementale', 'Critère environnemental', 'Fournisseur', 'CP', 'Ville',
];

export async function workbookVilleDurable(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const w24 = wb.addWorksheet(SHEET_VD24);
  w24.getRow(1).values = HEADER_VD24;
  w24.getRow(2).values = ['VD-24-01', 'Réfection des trottoirs', 'AOO', '03/04/2024', '300 000,00', '250 000', 'Oui',
    'Oui', 'Oui', 'Non', 'Eiffage Route Nord', 59000, 'Lille'];
  w24.getRow(3).values = ['VD-24-02', 'Tonte des pelouses', 'MAPA', '2024-06-15', 40000, 38000, 'Non',
    'Non', 'Non', 'Non', "Jardins de l'Espoir", 59100, 'Roubaix'];

  const w25 = wb.addWorksheet(SHEET_VD25);
  w25.getRow(1).values = HEADER_VD25;
  const rows: Cell[][] = [
    /* r2 */ ['VD-25-01', 'Rénovation de la voirie rue de Lannoy', "Appel d'offres ouvert", d(2025, 2, 10), 18, 500000, 350000,
      'Oui', 'Oui', 'Non', 'Non', 'Oui', 'Oui', 6, 'Eiffage Route Nord', 59000, 'Lille', 'GE', 20000, 'Non', 'TRV01', 'Oui', 1],
    /* r3 */ ['VD-25-02', 'Entretien des espaces verts', 'MAPA', d(2025, 3, 1), 12, 80000, 60000,
      'Non', 'Non', 'Non', 'Oui', 'Non', 'Non', 2, "Jardins de l'Espoir", 59100, 'Roubaix', 'PME', null, 'Non', 'ESP01', 'Oui', 0],
    /* r4 */ ['VD-25-03', "Construction d'un équipement sportif", 'Procédure avec négociation', d(2025, 1, 15), 24, 1200000, 400000,
      'Oui', 'Oui', 'Oui', 'Non', 'Non', 'Oui', 3, 'Ramery Bâtiment', 59650, "Villeneuve d'Ascq", 'ETI', 50000, 'Oui', null, 'Non', 2],
    /* r5 */ ['VD-25-04', 'Marché de signalisation lumineuse', 'Sans publicité ni mise en concurrence', d(2025, 7, 20), null, 25000, 25000,
      'Oui', 'Non', 'Non', 'Non', 'Non', 'Non', 1, 'Signaux Girod', 39400, 'Bellefontaine', 'ETI', null, 'Non', 'SIG01', 'Oui', 0],
    /* r6 duplicate of Solidarités r7 */ ['Sol -25- 05', "Aide alimentaire d'urgence (copie)", 'MAPA', d(2025, 9, 5), 12, 30000, 10000,
      'Oui', 'Oui', 'Non', 'Non', 'Non', 'Non', 2, "Association Trait d'Union", 59100, 'Roubaix', 'PME', null, 'Non', 'SOC01', 'Oui', 0],
    /* r7 date 2031 */ ['VD-25-05', 'Éclairage public', 'AOO', '12/05/2031', 12, 70000, 0,
      'Oui', 'Non', 'Non', 'Non', 'Non', 'Non', 3, 'Citelum', 59000, 'Lille', 'GE', null, 'Non', 'ECL01', 'Oui', 0],
  ];
  rows.forEach((values, i) => {
    w25.getRow(2 + i).values = values;
  });
  w25.getColumn(4).numFmt = 'dd/mm/yyyy';
  return bytes(wb);
}

export const HEADER_RES = [
  'Réf. marché', 'Désignation', 'Commande hors marché', "Date d'attribution", 'Montant estimé HT', 'Avenants',
  'Clause insertion', 'Clause environnementale', 'Prestataire', 'N° SIRET', 'Localité', 'Pays', 'Effectif',
  "Centrale d'achat", 'DGP (jours)', 'Code famille', "Mode d'acquisition",
];

export async function workbookRessources(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_RES);
  ws.getCell('A1').value = 'VILLE DE ROUBAIX';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = 'Pôle Ressources';
  ws.getCell('A3').value = 'Registre des contrats — exercice 2025';
  ws.getCell('A4').value = 'Document interne — ne pas diffuser';
  ws.getRow(6).values = HEADER_RES;
  const rows: Cell[][] = [
    /* r7 */ ['RES-25-01', 'Fournitures de bureau', 'Non', d(2025, 1, 15), 20000, 0, 'Non', 'Oui',
      'Lyreco', SIRET_E, 'Valenciennes', 'France', 300, 'Oui', 35, 'ADM01', 'Achat'],
    /* r8 */ ['RES-25-02', 'Location de véhicules', 'Non', '01/04/2025', '36 000 €', 1, 'Non', 'Non',
      'Rent Auto', null, 'Roubaix', null, 8, 'Non', 28, 'VEH01', 'Location'],
    /* r9 */ ['RES-25-03', 'Licences logicielles', 'Non', d(2025, 5, 20), 90000, 0, 'Non', 'Non',
      'Software GmbH', null, 'Berlin', 'Allemagne', 1200, 'Oui', 30, 'INF01', "Achat d'usage"],
    /* r10 */ ['RES-25-04', 'Achat de café pour les réunions', 'Oui', d(2025, 6, 3), '1 500,00', null, null, null,
      'Café Roubaisien', null, 'Roubaix Cedex 1', 'France', 4, 'Non', 10, null, 'Achat'],
    /* r11 duplicate of Ville Durable VD-25-02 */ ['vd-25 -02', 'Entretien des espaces verts', 'Non', d(2025, 3, 1), 80000, 0, 'Non', 'Non',
      "Jardins de l'Espoir", null, 'Roubaix', 'France', 20, 'Non', null, 'ESP01', 'Achat'],
    /* r12 montant #N/A */ ['RES-25-05', 'Nettoyage des locaux', 'Non', d(2025, 10, 10), { formula: 'NA()', result: { error: '#N/A' } }, 0, 'Non', 'Non',
      'Net Plus', null, 'Roubaix', 'France', 50, 'Non', 25, 'NET01', 'Achat'],
    /* r13 N−1 */ ['RES-24-01', 'Fournitures de bureau 2024', 'Non', d(2024, 1, 20), 18000, 0, 'Non', 'Oui',
      'Lyreco', SIRET_E, 'Valenciennes', 'France', 300, 'Oui', 40, 'ADM01', 'Achat'],
  ];
  rows.forEach((values, i) => {
    ws.getRow(7 + i).values = values;
  });
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';

  const c = wb.addWorksheet(SHEET_CIBLES);
  c.getRow(1).values = ['Indicateur', 'Année', 'Cible', 'Sens'];
  const cibles: Cell[][] = [
    ['3.1.1-consideration-env', 2025, 50, '≥'],
    ['4.1.2-consideration-sociale', 2025, 30, null],
    ['2.1.5-delai-paiement', 2025, 30, '≤'],
    ['5.2.1-innovants-nb', 2025, 20, '≥'],
    ['3.2.1-fournitures-evitees', 2025, 10, '≥'],
    ['5.1.1-fournisseurs-zone', 2025, 50, '≥'],
    ['4.1.2-consideration-sociale', 2024, 25, '≥'],
  ];
  cibles.forEach((values, i) => {
    c.getRow(2 + i).values = values;
  });
  return bytes(wb);
}

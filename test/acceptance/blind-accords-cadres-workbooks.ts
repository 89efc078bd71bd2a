/**
 * Blind acceptance « accords-cadres »: two Pôles' registers of framework agreements, built from the
 * spec and the README only (before reading src/). See the test file's header for the hand computation.
 *
 * A « Pôle Ressources - accords-cadres 2025.xlsx », sheet « AC 2025 »: title row 1, note row 2, header
 *   row 3, a « Type » column (« Accord-cadre », « Marché subséquent », « Bon de commande »), subsequent
 *   contracts under their own numero (« AC-2025-01/MS1 », « AC-2025-01-MS2 ») or indented under the
 *   agreement's numero, orders under their own numero or the agreement's, amounts typed « Maxi : 500 000 €
 *   HT », « 300 000 € (estimation) », « sans minimum ni maximum », a multi-attributaire agreement (three
 *   titulaires and three SIRETs in one cell), reconductions « 1/3 » dated the year they are decided or typed
 *   with the original date, a bad SIRET, a missing date, a « Total » row.
 * B « Pôle Éducation.xlsx », sheet « Accords-cadres »: header row 1, « Montant mini HT », « Montant maxi HT »
 *   and « Montant estimé HT » side by side, orders indented under the agreement's numero, dates in French
 *   text forms (jj/mm/aa, ISO, an impossible 31/06/2025), « X » for yes, a multi-attributaire agreement with
 *   two SIRETs, an agreement « sans minimum ni maximum » whose only amount is the estimate, a « Sous-total ».
 */
import ExcelJS from 'exceljs';
import { day, writeRows } from './helpers';

export const FILE_AC_A = 'Pôle Ressources - accords-cadres 2025.xlsx';
export const SHEET_AC_A = 'AC 2025';
export const FILE_AC_B = 'Pôle Éducation.xlsx';
export const SHEET_AC_B = 'Accords-cadres';

export const HEADER_AC_A = [
  'N° marché', 'Type', 'Intitulé', 'Pôle gestionnaire', 'Procédure', 'Notifié le', 'Montant HT', 'Mandaté 2025',
  'Attributaire(s)', 'SIRET', 'CP', 'Clause sociale', 'Clause environnementale', 'Observations',
];

const RES = 'Pôle Ressources';
const AC = 'Accord-cadre';
const MS = 'Marché subséquent';
const BC = 'Bon de commande';

// Luhn-valid SIRETs (computed once by hand-written script, not by the product).
export const S = {
  bureauPlus: '41234567000019',
  lemaire: '52345678000023',
  express: '63456789000039',
  netRoubaix: '34567890000043',
  ascenseurs: '75678901000052',
  locUtil: '86789012000068',
  traiteurBad: '37890123000079', // Luhn fails (…078 would pass)
  restoNord: 48901234000084, // typed as a number
  carsNord: '59012345000090',
  delattre: '60123456000014',
  papFlandres: '71234567000020',
  espacesVerts: '82345678000035',
};

export async function buildAccordsCadresA(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_AC_A);
  ws.getCell('A1').value = 'Pôle Ressources — suivi des accords-cadres, marchés subséquents et bons de commande';
  ws.getCell('A2').value = 'Montants en € HT ; pour un accord-cadre, le maximum (ou l’estimation quand il n’a pas de maximum)';
  writeRows(ws, 3, [
    HEADER_AC_A,
    ['AC-2025-01', AC, 'Accord-cadre de fournitures de bureau (multi-attributaire)', RES, 'AOO', day('2025-02-10'), 'Maxi : 500 000 € HT', null,
      'Bureau Plus / Papeterie Lemaire / Fournitures Express', `${S.bureauPlus} / ${S.lemaire} / ${S.express}`, 59100, 'non', 'oui',
      'Accord-cadre à marchés subséquents, 3 titulaires, remise en concurrence à chaque marché'], // r4
    ['AC-2025-01/MS1', MS, 'MS n°1 — ramettes et enveloppes', RES, null, day('2025-03-14'), 42000, 38500, 'Papeterie Lemaire', S.lemaire, 59200, 'non', 'oui', null], // r5
    ['AC-2025-01-MS2', MS, 'MS n°2 — petites fournitures', RES, null, '02/06/2025', '27\u00a0350,50 €', 12000, 'Bureau Plus', S.bureauPlus, 59100, 'non', 'non', null], // r6
    ['AC-2025-01', MS, 'MS n°3 — cartouches d’encre', RES, null, day('2025-09-15'), 18000, 9000, 'Fournitures Express', S.express, 59000, 'non', 'non', 'Saisi sous le numéro de l’accord-cadre'], // r7
    ['AC-2025-02', AC, 'Accord-cadre à bons de commande — nettoyage des vitres', RES, 'MAPA', day('2025-03-03'), '300 000 € (estimation)', 54000, 'Net Roubaix', S.netRoubaix, 59100, 'oui', 'non',
      'Mono-attributaire, sans minimum ; reconduction 1/3 possible'], // r8
    ['  AC-2025-02', BC, 'BC n°1 — vitres de l’hôtel de ville', RES, null, day('2025-03-20'), 8400, 8400, 'Net Roubaix', S.netRoubaix, 59100, 'oui', 'non', null], // r9
    ['AC-2025-02-BC02', BC, 'BC n°2 — vitres des écoles', RES, null, day('2025-05-12'), 15600, 15600, 'Net Roubaix', S.netRoubaix, 59100, 'oui', 'non', null], // r10
    ['AC-2025-02-BC03', BC, 'BC n°3 — vitres des gymnases', RES, null, null, 6000, null, 'Net Roubaix', S.netRoubaix, 59100, 'oui', 'non', 'Date du bon à retrouver'], // r11
    ['AC-2025-03', AC, 'Accord-cadre de maintenance des ascenseurs', RES, 'AOO', day('2025-04-07'), 'sans minimum ni maximum', null, 'Ascenseurs du Nord', S.ascenseurs, 59000, 'non', 'non', null], // r12
    ['AC-2025-03/MS1', MS, 'MS n°1 — mise aux normes de l’ascenseur de la mairie annexe', RES, null, day('2025-06-23'), '64 800 € HT', 20000, 'Ascenseurs du Nord', S.ascenseurs, 59000, 'non', 'non', null], // r13
    ['AC-2024-07', AC, 'Accord-cadre de location de véhicules utilitaires', RES, 'AOO', day('2024-05-15'), 'Maxi : 120 000 € HT', 35000, 'Loc Utilitaires Nord', S.locUtil, 62300, 'non', 'non', 'Reconductible 3 fois'], // r14
    ['AC-2024-07', AC, 'Location de véhicules utilitaires — reconduction 1/3', RES, 'AOO', day('2025-05-15'), 'Maxi : 120 000 € HT', 28000, 'Loc Utilitaires Nord', S.locUtil, 62300, 'non', 'non', null], // r15
    ['AC-2024-07', AC, 'Location de véhicules utilitaires — reconduction 2/3', RES, 'AOO', day('2024-05-15'), 'Maxi : 120 000 € HT', 6000, 'Loc Utilitaires Nord', S.locUtil, 62300, 'non', 'non', 'Saisie avec la date d’origine'], // r16
    ['AC-2025-04', AC, 'Accord-cadre de prestations de traiteur', RES, 'MAPA', '3 mars 2025', 90000, 22500, 'Traiteur des Flandres', S.traiteurBad, 59800, 'non', 'non', null], // r17
    [null, null, 'Total', null, null, null, null, 209000, null, null, null, null, null, null], // r18
  ]);
  for (let r = 4; r <= 18; r++) {
    const date = ws.getCell(r, 6);
    if (date.value instanceof Date) date.numFmt = 'dd/mm/yyyy';
    for (const c of [7, 8]) if (typeof ws.getCell(r, c).value === 'number') ws.getCell(r, c).numFmt = '# ##0 €';
  }
  // The indented rows, as buyers show a subsequent contract or an order under its agreement.
  for (const r of [7, 9]) for (const c of [1, 3]) ws.getCell(r, c).alignment = { indent: 2 };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const HEADER_AC_B = [
  'Référence', 'Objet', 'Date de notification', 'Montant mini HT', 'Montant maxi HT', 'Montant estimé HT', "Dépenses de l'exercice",
  'Titulaire(s)', 'N° SIRET', 'Ville', 'Taille', 'Clause sociale', 'Critère environnemental', 'Commentaires',
];

export async function buildAccordsCadresB(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_AC_B);
  writeRows(ws, 1, [
    HEADER_AC_B,
    ['2025-AC-E01', 'Accord-cadre restauration scolaire (mono-attributaire)', day('2025-01-06'), 200000, 800000, null, 410000, 'Resto Nord', S.restoNord, 'Roubaix', 'PME', 'X', 'Oui', 'Reconductible 3 fois'], // r2
    ['2025-AC-E01', '   Bon de commande de janvier', day('2025-01-31'), null, 35000, null, 35000, 'Resto Nord', S.restoNord, 'Roubaix', 'PME', 'X', 'Oui', null], // r3
    ['2025-AC-E01', '   Bon de commande de février', day('2025-02-28'), null, 38000, null, 38000, 'Resto Nord', S.restoNord, 'Roubaix', 'PME', 'X', 'Oui', null], // r4
    ['2025-AC-E02', 'Accord-cadre transport scolaire (multi-attributaire)', '05/02/25', null, 150000, null, 62000, 'Cars du Nord / Voyages Delattre', `${S.carsNord} ; ${S.delattre}`, 'Tourcoing', 'PME', null, 'Non', 'Deux titulaires, marchés subséquents'], // r5
    ['2025-AC-E02/MS1', 'Marché subséquent n°1 — sorties piscine', '2025-03-17', null, 18000, null, 18000, 'Cars du Nord', S.carsNord, 'Tourcoing', 'PME', null, 'Non', null], // r6
    ['2025-AC-E02/MS2', 'Marché subséquent n°2 — classes de découverte', day('2025-05-12'), null, 24000, null, null, 'Voyages Delattre', S.delattre, 'Lille', 'ETI', null, 'oui', null], // r7
    ['2025-AC-E03', 'Accord-cadre de fournitures scolaires', day('2025-09-02'), null, null, 45000, 12500, 'Papeterie Flandres', S.papFlandres, 'Croix', 'TPE', null, 'oui', 'Sans minimum ni maximum'], // r8
    ['2024-AC-E09', "Accord-cadre d'entretien des cours d'école", day('2024-07-01'), 10000, 60000, null, 14000, 'Espaces Verts Roubaisiens', S.espacesVerts, 'Roubaix', 'TPE', 'x', 'non', null], // r9
    ['2024-AC-E09', "Entretien des cours d'école — reconduction 1/3", day('2025-07-01'), 10000, 60000, null, 21000, 'Espaces Verts Roubaisiens', S.espacesVerts, 'Roubaix', 'TPE', 'x', 'non', null], // r10
    ['2025-AC-E04', 'Accord-cadre de mobilier scolaire', '31/06/2025', null, 90000, null, null, 'Mobilier Flandres', null, 'Lille', 'PME', null, 'non', null], // r11
    [], // r12 empty
    ['Sous-total', null, null, 210000, 1255000, 45000, 610500, null, null, null, null, null, null, null], // r13
  ]);
  for (let r = 2; r <= 13; r++) {
    const date = ws.getCell(r, 3);
    if (date.value instanceof Date) date.numFmt = 'dd/mm/yyyy';
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Blind acceptance « lots »: how a French public buyer really records contracts, built from the
 * spec and the README's « Choix faits » only (before reading src/). Two workbooks, in house styles
 * no earlier recipe used:
 *
 * A « DGA Cadre de vie et Ressources - suivi.xlsx », sheet « Marchés »: title rows 1–2, an empty
 *   row, header on row 4:
 *     A « N° marché / lot » · B « Désignation du lot » · C « DGA » · D « Procédure » · E « Date notif. »
 *     · F « Montant HT (€) » · G « Mandaté (€) » · H « Avenants (nb) » · I « Clause insertion »
 *     · J « Clause verte » · K « Attributaire(s) » · L « Co-traitants » · M « CP » · N « Ville »
 *     · O « Taille entreprise » · P « Observations »
 *   One row per lot (suffix « -L1 », « -L2 », « lot 3 »; DGA, procedure and date merged over the three
 *   lots), an infructueux lot, a « Sous-total » row, an avenant with its own numero (« -AV1 »), an
 *   avenant with the contract's numero in the same year, an avenant dated this year on last year's
 *   contract, accords-cadres with a marché subséquent and bons de commande, an accord-cadre whose
 *   amount is typed « maxi 120 000 », a sub-total labelled « Sous-total 2025-021 (AC + BC) », a
 *   reconduction dated this year, a reconduction typed with the original date (same year), a
 *   contract notified last year with spend this year, groupements (« A / B » in one cell, and
 *   « X (mandataire) » with a co-traitant column), a « TOTAL GÉNÉRAL » row.
 *   Sheet « Suivi clauses » (Suivi insertion) keyed partly by the consultation numero, not the lot's.
 *
 * B « Pôle Éducation.xlsx », sheet « AC et lots »: a title row, header on row 3:
 *     « Référence » · « Lot » · « Objet » · « Date d'attribution » · « Montant mini HT »
 *     · « Montant maxi HT » · « Titulaire » · « Code postal » · « Clause sociale » · « Critère environnemental »
 *   The same numero for every lot with a « Lot » column, an accord-cadre with min / max amounts,
 *   an avenant on the same numero, a lot « Infructueux » (in the Titulaire column), a reconduction
 *   listed before the original, a « Total » row.
 */
import ExcelJS from 'exceljs';
import { day, writeRows } from './helpers';

export const FILE_A = 'DGA Cadre de vie et Ressources - suivi.xlsx';
export const SHEET_A = 'Marchés';
export const SUIVI_A = 'Suivi clauses';
export const FILE_B = 'Pôle Éducation.xlsx';
export const SHEET_B = 'AC et lots';

export const HEADER_A = [
  'N° marché / lot', 'Désignation du lot', 'DGA', 'Procédure', 'Date notif.', 'Montant HT (€)', 'Mandaté (€)',
  'Avenants (nb)', 'Clause insertion', 'Clause verte', 'Attributaire(s)', 'Co-traitants', 'CP', 'Ville',
  'Taille entreprise', 'Observations',
];

const CDV = 'Pôle Cadre de vie';
const RES = 'Pôle Ressources';

export async function buildLotsWorkbookA(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_A);
  ws.getCell('A1').value = 'SUIVI DES MARCHÉS ET ACCORDS-CADRES — DGA Cadre de vie / Ressources';
  ws.getCell('A2').value = 'Extraction du 15/12/2025 — montants en € HT';
  writeRows(ws, 4, [
    HEADER_A,
    // r5–r7: three lots of one consultation; DGA, procedure and date merged over r5:r7 below.
    ['2025-012-L1', 'Réhabilitation GS Jules Ferry — lot 1 gros œuvre', CDV, 'AOO', day('2025-03-12'), '480 000,00', 210000, 1, 'oui', 'non', 'BATI NORD SAS', null, 59100, 'Roubaix', 'PME', 'Avenant n°1 en septembre'], // r5
    ['2025-012-L2', 'Réhabilitation GS Jules Ferry — lot 2 menuiseries', null, null, null, 150000, 90000, 0, 'oui', 'oui', 'Menuiseries Roubaisiennes / Alu Flandres', 'Alu Flandres', 59100, 'Roubaix', 'TPE', 'Groupement conjoint, mandataire Menuiseries Roubaisiennes'], // r6
    ['2025-012 lot 3', 'Réhabilitation GS Jules Ferry — lot 3 électricité', null, null, null, null, null, null, null, null, null, null, null, null, null, 'Lot infructueux (aucune offre), relancé en MAPA 2025-031'], // r7
    ['Sous-total', null, null, null, null, 630000, 300000, null, null, null, null, null, null, null, null, null], // r8
    ['2025-012-AV1', 'Avenant n°1 au lot 1 — désamiantage complémentaire', CDV, 'AOO', day('2025-09-22'), 36000, 36000, null, 'oui', 'non', 'Bâti Nord', null, 59100, 'Roubaix', 'PME', '+7,5 % du lot 1'], // r9
    ['2025-031', 'Électricité GS Jules Ferry (relance du lot 3)', 'Cadre de vie', 'MAPA', '2025-06-05', 95000, 40000, 1, 'non', 'non', 'Elec Hauts-de-France', null, 62300, 'Lens', 'PME', null], // r10
    ['2025-031', 'Avenant n°1 — prises supplémentaires', CDV, 'MAPA', day('2025-11-10'), 8000, 8000, null, 'non', 'non', 'Elec Hauts-de-France', null, 62300, 'Lens', 'PME', 'Avenant, même numéro que le marché'], // r11
    ['2025-040-L1', 'Entretien des espaces verts — lot 1 secteur nord', CDV, 'MAPA', day('2025-04-02'), 45000, 30000, 0, 'oui', 'oui', 'Paysages du Nord (mandataire)', 'ESAT Les Jardins', 59150, 'Wattrelos', 'PME', 'Groupement avec un ESAT'], // r12
    ['2025-040-L2', 'Entretien des espaces verts — lot 2 secteur sud', CDV, 'MAPA', day('2025-04-02'), 38000, 22000, 0, 'oui', 'oui', 'Paysages du Nord', null, 59150, 'Wattrelos', 'PME', null], // r13
    ['2025-020', 'Accord-cadre fournitures de bureau (mini 20 000 / maxi 120 000)', RES, 'AOO', day('2025-02-03'), 'maxi 120 000', null, 0, 'non', 'oui', 'Bureau Plus', null, 59170, 'Croix', 'GE', 'AC mono-attributaire 4 ans'], // r14
    ['2025-020-MS1', 'Marché subséquent n°1 — papier et enveloppes', RES, null, day('2025-03-10'), 18000, 15500, null, 'non', 'oui', 'Bureau Plus', null, 59170, 'Croix', 'GE', "MS n°1 de l'AC 2025-020"], // r15
    ['2025-021', 'Accord-cadre à bons de commande — nettoyage des vitres', RES, 'MAPA', day('2025-01-15'), '200 000 € HT', 48000, 0, 'oui', 'non', 'Net Roubaix', null, 59100, 'Roubaix', 'TPE', 'Montant maximum ; BC ci-dessous'], // r16
    ['2025-021-BC01', "Bon de commande n°1 — vitres de l'hôtel de ville", RES, null, day('2025-02-20'), 12000, 12000, null, 'oui', 'non', 'Net Roubaix', null, 59100, 'Roubaix', 'TPE', null], // r17
    ['2025-021-BC02', 'Bon de commande n°2 — vitres des écoles', RES, null, day('2025-05-14'), 36000, 36000, null, 'oui', 'non', 'Net Roubaix', null, 59100, 'Roubaix', 'TPE', null], // r18
    [null, 'Sous-total 2025-021 (AC + BC)', null, null, null, 248000, 96000, null, null, null, null, null, null, null, null, null], // r19
    ['2024-044', 'Maintenance des chaudières — reconduction 1', RES, 'AOO', day('2025-04-01'), 60000, 41000, 0, 'non', 'oui', 'Thermi Nord', null, 59000, 'Lille', 'ETI', 'Reconduction n°1 (du 01/04/2025 au 31/03/2026)'], // r20
    ['2024-038', 'Avenant n°1 — reprise des bordures', CDV, 'AOO', day('2025-03-03'), 25000, 25000, null, 'oui', 'non', 'Routes du Nord', null, 59650, "Villeneuve-d'Ascq", 'GE', 'Avenant au marché notifié en 2024'], // r21
    ['2024-038', 'Travaux de voirie rue de Lannoy', CDV, 'AOO', day('2024-11-18'), 320000, 250000, 1, 'oui', 'non', 'Routes du Nord', null, 59650, "Villeneuve-d'Ascq", 'GE', 'Notifié fin 2024, mandaté en 2025'], // r22
    ['2024-044', 'Maintenance des chaudières', RES, 'AOO', day('2024-04-01'), 60000, 55000, 0, 'non', 'oui', 'Thermi Nord', null, 59000, 'Lille', 'ETI', 'Reconductible 3 fois'], // r23
    ['2024-050', 'Contrôles réglementaires des bâtiments', RES, 'MAPA', day('2024-06-15'), 24000, 20000, 0, 'non', 'non', 'Veritas Nord', null, 59800, 'Lille', 'GE', null], // r24
    ['2024-050', 'Contrôles réglementaires — reconduction 1', RES, 'MAPA', day('2024-06-15'), 24000, 22000, 0, 'non', 'non', 'Veritas Nord', null, 59800, 'Lille', 'GE', "Reconduction 2025 saisie avec la date de notification d'origine"], // r25
    [null, 'TOTAL GÉNÉRAL', null, null, null, 1607000, 1016500, null, null, null, null, null, null, null, null, null], // r26
  ]);
  // The three lots share DGA, procedure and notification date (merged vertically, as buyers do).
  ws.mergeCells('C5:C7');
  ws.mergeCells('D5:D7');
  ws.mergeCells('E5:E7');
  for (let r = 5; r <= 26; r++) ws.getCell(r, 5).numFmt = 'dd/mm/yyyy';
  for (let r = 5; r <= 26; r++) for (const c of [6, 7]) ws.getCell(r, c).numFmt = '# ##0 €';

  const suivi = wb.addWorksheet(SUIVI_A);
  writeRows(suivi, 1, [
    ['N° marché', 'Participant', 'H/F', 'Ville', 'QPV', 'Contrat', 'Heures'],
    ['2025-012', 'P01', 'F', 'Roubaix', 'oui', 'CDDI', 120], // s2: the consultation's numero, no lot
    ['2025-012', 'P02', 'H', 'Tourcoing', 'non', 'Intérim', 80], // s3: idem
    [' 2025-012-l2', 'P03', 'H', 'Roubaix', 'oui', 'CDD', 60], // s4: lot 2 (case, leading space)
    ['2024-038', 'P04', 'F', 'Lille', 'non', 'CDI', 200], // s5: the voirie contract of 2024
    ['2025-012 L1', 'P05', 'F', 'Roubaix', 'non', 'Contrat de professionnalisation', 150], // s6: space for hyphen
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const HEADER_B = [
  'Référence', 'Lot', 'Objet', "Date d'attribution", 'Montant mini HT', 'Montant maxi HT', 'Titulaire', 'Code postal',
  'Clause sociale', 'Critère environnemental',
];

export async function buildLotsWorkbookB(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_B);
  ws.getCell('A1').value = 'Pôle Éducation — accords-cadres et marchés allotis';
  writeRows(ws, 3, [
    HEADER_B,
    ['2025-E07', 'Lot 1', 'Restauration scolaire — lot 1 repas', day('2025-04-14'), 100000, 400000, 'Resto Nord', 59100, 'oui', 'oui'], // r4
    ['2025-E07', 'Lot 2', 'Restauration scolaire — lot 2 goûters', day('2025-04-14'), 20000, 80000, 'Boulangerie Lemaire', 59100, 'non', 'oui'], // r5
    ['2025-E07', 'Lot 3', 'Restauration scolaire — lot 3 repas adaptés', null, null, null, 'Infructueux', null, null, null], // r6
    ['2025-E08', null, 'Accord-cadre transport scolaire', day('2025-06-02'), 50000, 150000, 'Cars du Nord / Voyages Delattre', 59200, 'non', 'non'], // r7
    ['2025-E08-MS1', null, 'Marché subséquent n°1 — sorties piscine', day('2025-09-15'), null, 12000, 'Cars du Nord', 59200, 'non', 'non'], // r8
    ['2025-E07', 'Lot 1', 'Avenant n°1 lot 1 — hausse des effectifs', day('2025-10-20'), null, 40000, 'Resto Nord', 59100, 'oui', 'oui'], // r9
    ['2024-E15', null, 'Fournitures scolaires (reconduction 2025)', day('2025-09-01'), 30000, 60000, 'Papeterie Flandres', 59000, 'non', 'oui'], // r10
    ['2024-E15', null, 'Fournitures scolaires', day('2024-09-01'), 30000, 60000, 'Papeterie Flandres', 59000, 'non', 'oui'], // r11
    [null, null, 'Total', null, 200000, 702000, null, null, null, null], // r12
  ]);
  for (let r = 4; r <= 12; r++) ws.getCell(r, 4).numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const FILE_C = 'Pôle Solidarités.xlsx';
export const SHEET_C = 'Groupements';
export const HEADER_C = [
  'N° marché', 'Lot', 'Objet du lot', 'Notifié le', 'Montant min HT', 'Montant max HT', 'Mandaté 2025', 'Titulaire (mandataire)',
  'Co-traitants', 'CP', 'Clause sociale',
];

/**
 * C (added after the first run, from the defects found by probing headers): a register of
 * groupements and accords-cadres whose supplier column says « Titulaire (mandataire) », whose only
 * amounts are « Montant min HT » / « Montant max HT », and whose last row is « Total général »
 * typed with a no-break space. Before the fixes: no register recognised at all.
 */
export async function buildLotsWorkbookC(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_C);
  ws.getCell('A1').value = 'Marchés en groupement — Pôle Solidarités';
  writeRows(ws, 2, [
    HEADER_C,
    ['2025-S01-L1', 'Lot 1', 'Aide alimentaire — lot 1 colis', day('2025-02-10'), 40000, 160000, 55000, 'Épicerie Solidaire Roubaix / Banque Alimentaire Nord', 'Banque Alimentaire Nord', 59100, 'oui'], // r3
    ['2025-S01-L2', 'Lot 2', 'Aide alimentaire — lot 2 produits frais', day('2025-02-10'), 10000, 60000, null, 'Maraîchers du Nord (mandataire)', 'Ferme des Flandres', 59200, 'non'], // r4
    ['2025-S02', null, 'Accord-cadre transport PMR', day('2025-05-05'), null, 90000, 30000, 'Trans PMR', null, 59000, 'oui'], // r5
    [null, null, 'Total\u00a0général', null, 50000, 310000, 85000, null, null, null, null], // r6
  ]);
  for (let r = 3; r <= 5; r++) ws.getCell(r, 4).numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const FILE_D = 'Pôle Enfance.xlsx';
export const SHEETS_D = ['Restauration', 'Entretien', 'Vitrerie'] as const;

/**
 * D (session 34), consolidated with B (`calculer B D`): a Pôle's register split per service, one sheet
 * each, whose lot columns are named otherwise than B's « Lot » (« N° du lot », « Lot n° ») or absent.
 *   Restauration r2 2025-E07 lot 4 (B's numero and date)   r3 2025-E20 lot 1
 *   Entretien    r2 2025-E20 « Lot 2 »                     r3 2025-E20 « lot 1 » (r3 of Restauration again)
 *   Vitrerie     r2 2025-E07, no lot column
 */
export async function buildLotsWorkbookD(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const cours = ['Entretien des cours d’école', day('2025-05-05'), 12000, 'Net Nord', 59100];
  const sheets: [string, string[], ExcelJS.CellValue[][]][] = [
    [SHEETS_D[0], ['N° marché', 'N° du lot', 'Objet', 'Notifié le', 'Montant HT', 'Titulaire', 'CP'], [
      ['2025-E07', 4, 'Restauration scolaire — lot 4 fruits', day('2025-04-14'), 30000, 'Primeurs du Nord', 59100], // r2
      ['2025-E20', 1, ...cours], // r3
    ]],
    [SHEETS_D[1], ['N° marché', 'Lot n°', 'Objet', 'Notifié le', 'Montant HT', 'Titulaire', 'CP'], [
      ['2025-E20', 'Lot 2', ...cours], // r2
      ['2025-E20', 'lot 1', ...cours], // r3
    ]],
    [SHEETS_D[2], ['N° marché', 'Objet', 'Notifié le', 'Montant HT', 'Titulaire', 'CP'], [
      ['2025-E07', 'Vitres des restaurants scolaires', day('2025-04-14'), 5000, 'Net Nord', 59100], // r2
    ]],
  ];
  for (const [name, header, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    writeRows(ws, 1, [header, ...rows]);
    for (let r = 2; r <= rows.length + 1; r++) ws.getCell(r, header.indexOf('Notifié le') + 1).numFmt = 'dd/mm/yyyy';
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

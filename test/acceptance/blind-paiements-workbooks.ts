/**
 * Blind acceptance « paiements »: the money side of Axe 2 and the consultations, as a finance-minded
 * buyer of a Pôle keeps them in their own house style. Built from the spec and the README only (before
 * reading src/). See the test file's header for the hand computation.
 *
 * One workbook « Pôle Ressources - suivi financier.xlsx »:
 *  - « Marchés 2025 »: a title row 1, a note row 2, the header on row 3; procedures in the finance
 *    software's codes and words (« AOO », « MAPA < 40 k€ », « Procédure adaptée », « Appel d'offres
 *    ouvert », « Négociée sans publicité », « MAPA », empty); an estimate column beside the notified
 *    amount; spend (« Dépenses mandatées HT ») filled or not; payment delays typed « 32 j », « 45 jours »,
 *    « 30j », numbers, or a formula from two dates (cached result, one cached #VALUE!); a late-payment
 *    interest column; savings typed as an amount, « 1 750 € HT », « 12 % », « -8 500 € »; « Nb d'offres »
 *    as numbers and texts; two orders outside any contract; a « Total » row with SUM formulas.
 *  - « Marchés 2024 »: the year N−1, amounts in k€ (« Montant HT (k€) », « Mandaté (k€) », « Gain (k€) »),
 *    « Mode de passation », delays « 41 j » or numbers, the number of bids only in the observations
 *    (« Offres reçues : 3 »).
 *  - « Cibles »: the COPIL's targets for 2025 (and one for 2024).
 */
import ExcelJS from 'exceljs';
import { day, writeRows } from './helpers';

export const FILE = 'Pôle Ressources - suivi financier.xlsx';
export const SHEET_N = 'Marchés 2025';
export const SHEET_N1 = 'Marchés 2024';
export const SHEET_CIBLES = 'Cibles';

export const HEADER_N = [
  'N° marché', // A numero
  'Objet', // B objet
  'Procédure', // C procedure
  'Date notif.', // D dateNotification
  'Montant estimé HT', // E loses montant to « Montant notifié HT » (README « Colonnes »): not mapped
  'Montant notifié HT', // F montant
  'Dépenses mandatées HT', // G montantMandate
  'Hors marché', // H horsMarche
  'Programmé', // I programme
  'Code nomenclature', // J codeNomenclature
  'Montant hors BPU', // K montantHorsBPU
  "Nb d'offres", // L offresRecues
  'Négociation', // M negociation
  'Gain de négociation', // N gainNegociation
  'Offre technique améliorée', // O offreTechAmelioree
  'Date facture', // P not a field of the register
  'Date paiement', // Q not a field of the register
  'DGP (jours)', // R delaiPaiement
  'Intérêts moratoires (€)', // S not a field of the register
  'Titulaire', // T titulaire
];

export const HEADER_N1 = [
  'Référence', // numero
  'Intitulé', // objet
  'Mode de passation', // procedure
  'Notifié le', // dateNotification
  'Montant HT (k€)', // montant, in thousands of euros
  'Mandaté (k€)', // montantMandate, in thousands of euros
  'Délai de paiement (jours)', // delaiPaiement
  'Négocié', // negociation
  'Gain (k€)', // gainNegociation, in thousands of euros
  'Observations', // commentaires
];

const delay = (row: number, cached: ExcelJS.CellValue): ExcelJS.CellValue =>
  ({ formula: `Q${row}-P${row}`, result: cached }) as ExcelJS.CellValue;

export async function buildPaiements(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();

  const n = wb.addWorksheet(SHEET_N);
  n.getCell('A1').value = 'Pôle Ressources — suivi financier des marchés 2025';
  n.getCell('A2').value = 'Montants en € HT ; DGP = délai global de paiement (date de paiement − date de réception de la facture)';
  const empty = null;
  writeRows(n, 3, [
    HEADER_N,
    // r4: a number of days typed as a number
    ['RES-25-001', 'Nettoyage des locaux administratifs', 'AOO', day('2025-01-15'), 120000, 108000, 96500, 'non', 'oui', 'N-071', 2500, 5, 'non', empty, empty, empty, empty, 28, empty, 'Net Service Nord'],
    // r5: « 32 j », spend typed as text with €, a saving as a number, interest paid
    ['RES-25-002', 'Fournitures de bureau et papeterie', 'MAPA < 40 k€', day('2025-02-03'), 38000, 35200, '12 480,50 €', 'non', 'oui', 'F-030', empty, 3, 'oui', 2800, 'non', empty, empty, '32 j', 18.4, 'Papeterie Lemaire'],
    // r6: the saving typed as a share of the estimate
    ['RES-25-003', 'Maintenance des ascenseurs', 'Procédure adaptée', day('2025-03-10'), 60000, 52000, empty, 'non', 'non', empty, 1200, '2', 'oui', '12 %', 'oui', empty, empty, 20, empty, 'Ascenseurs Flandres'],
    // r7: « 30j », the notified amount above the estimate
    ['RES-25-004', 'Location de véhicules utilitaires', "Appel d'offres ouvert", day('2025-04-22'), 240000, 251300, 180000, 'non', 'oui', 'S-112', empty, 4, 'non', empty, empty, empty, empty, '30j', empty, 'Loc Util'],
    // r8: the delay computed from two dates (cached 38)
    ['RES-25-005', 'Conseil juridique en droit de la commande publique', 'Négociée sans publicité', day('2025-05-06'), 25000, 24000, 9000, 'non', 'non', 'S-201', empty, 1, 'oui', 1000, 'oui', day('2025-06-02'), day('2025-07-10'), delay(8, 38), 52.1, 'Cabinet Delattre'],
    // r9: the saving typed as a negative amount (the finance software's sign)
    ['RES-25-006', 'Entretien des espaces verts', empty, day('2025-06-12'), 90000, 84600, 42300, 'non', 'oui', 'S-077', 3150.75, 3, 'oui', '-8 500 €', 'non', empty, empty, 25, empty, 'Jardins du Nord'],
    // r10: « 45 jours », a saving without negotiation, spend as text
    ['RES-25-007', 'Fourniture de mobilier de bureau', 'AOO', day('2025-07-01'), 75000, 69900, '69 900,00 €', 'non', 'non', 'F-044', '1 875,40', '6', 'non', 4500, empty, empty, empty, '45 jours', 61.75, 'Bureau Plus'],
    // r11: the payment date is still a text, the delay formula caches #VALUE!
    ['RES-25-008', 'Télésurveillance des bâtiments', 'AOO', day('2025-08-18'), 150000, 138000, 60000, 'non', 'oui', 'S-310', 5000, 7, 'non', empty, empty, day('2025-09-01'), 'en attente', delay(11, { error: '#VALUE!' }), empty, 'Sécurité Métropole'],
    // r12: an order outside any contract (its date is the order's)
    ['RES-25-009', 'Commande de pièces de plomberie', empty, day('2025-09-04'), empty, 3250, 3250, 'oui', empty, empty, empty, empty, empty, empty, empty, empty, empty, 52, 9.8, 'Plomberie Roubaisienne'],
    // r13: an order outside any contract, negotiated
    ['RES-25-010', 'Réparation de toiture (urgence)', empty, day('2025-10-14'), empty, 7800, 8100, 'oui', empty, 'T-015', empty, empty, 'oui', 300, empty, empty, empty, 30, empty, 'Couverture Dumont'],
    // r14: not paid yet (no delay), no spend yet, a saving « 1 750 € HT »
    ['RES-25-011', 'Impression des supports de communication', 'MAPA', day('2025-11-20'), 18000, 16250, empty, 'non', 'oui', 'F-090', empty, 4, 'oui', '1 750 € HT', 'oui', empty, empty, empty, empty, 'Imprimerie du Nord'],
    // r15: the totals row
    [empty, 'Total', empty, empty, { formula: 'SUM(E4:E14)', result: 816000 }, { formula: 'SUM(F4:F14)', result: 790300 }, { formula: 'SUM(G4:G14)', result: 481530.5 }],
  ] as ExcelJS.CellValue[][]);
  for (let r = 4; r <= 14; r++) {
    for (const c of [4, 16, 17]) if (n.getRow(r).getCell(c).value instanceof Date) n.getRow(r).getCell(c).numFmt = 'dd/mm/yyyy';
  }

  const p = wb.addWorksheet(SHEET_N1);
  writeRows(p, 1, [
    HEADER_N1,
    // r2..r5; amounts in k€
    ['RES-24-001', 'Nettoyage des vitres', 'AOO', day('2024-02-12'), 96.5, 90, 35, 'non', empty, 'Offres reçues : 3'],
    ['RES-24-002', "Fournitures d'entretien", 'MAPA', day('2024-05-06'), '22,4', 18.75, 27, 'oui', 1.2, 'Offres reçues : 2'],
    ['RES-24-003', 'Maintenance du chauffage', 'PA', day('2024-09-30'), 48, empty, '41 j', 'oui', 3.5, 'Offres reçues : 4'],
    ['RES-24-004', 'Assistance informatique', 'Gré à gré', day('2024-11-18'), 12, 12, 20, 'non', empty, 'Offre unique'],
  ] as ExcelJS.CellValue[][]);
  for (let r = 2; r <= 5; r++) p.getRow(r).getCell(4).numFmt = 'dd/mm/yyyy';

  const c = wb.addWorksheet(SHEET_CIBLES);
  writeRows(c, 1, [
    ['Indicateur', 'Année', 'Cible', 'Sens'],
    ['2.1.5-delai-paiement', 2025, 30, '≤'], // r2
    ['2.2.3-soumissionnaires', 2025, 4, '≥'], // r3
    ['2.2.4-gain-negociation', 2025, 10000, null], // r4: empty sens = ≥
    ['2.1.2-hors-marche-nb', 2025, 10, '≤'], // r5
    ['2.2.4-gain-negociation', 2024, 5000, '≥'], // r6: another year
  ]);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

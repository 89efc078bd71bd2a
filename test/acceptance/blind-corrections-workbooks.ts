/**
 * Blind acceptance « corrections »: ONE buyer workbook in which every error and warning code of
 * `regles.md` §3 occurs at least once, each as a buyer really produces it, plus the three companion
 * sheets (Suivi insertion, Cibles, Saisies manuelles) with one unreadable cell each. Judged by hand in
 * `blind-corrections.acceptance.test.ts` (see its header comment), then corrected there by following
 * the messages only.
 *
 * « Achats Direction des moyens 2025.xlsx », sheets in this order:
 *   1. « Marchés 2025 »: title row 1, row 2 empty, header row 3, rows 4–28 (25 rows).
 *   2. « Suivi clauses »: Suivi insertion, header row 1, rows 2–5.
 *   3. « Objectifs COPIL »: Cibles, header row 1, rows 2–4.
 *   4. « Saisies manuelles »: header row 1, rows 2–3.
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE = 'Achats Direction des moyens 2025.xlsx';
export const REGISTER = 'Marchés 2025';
export const SUIVI = 'Suivi clauses';
export const CIBLES = 'Objectifs COPIL';
export const SAISIES = 'Saisies manuelles';

export const HEADER = [
  'N° marché', // A numero
  'Objet', // B objet
  'Date de notification', // C dateNotification
  'Montant HT (€)', // D montant
  'Mandaté (€)', // E montantMandate
  'Durée (mois)', // F dureeMois
  "Nombre d'avenants", // G nbAvenants
  'Dont avenants de prolongation', // H nbAvenantsProlongation
  'Négociation', // I negociation
  'Gain de négociation (€)', // J gainNegociation
  'Clause sociale', // K clauseSociale
  "Marché d'insertion", // L marcheInsertion
  "Heures d'insertion réalisées", // M heuresInsertionRealisees
  'Clause environnementale', // N clauseEnvironnementale
  'Réemploi (€)', // O montantReemploi
  'Recyclé (€)', // P montantRecycle
  'Délai de paiement (jours)', // Q delaiPaiement
  'Code CPV', // R codeCPV
  'Titulaire', // S titulaire
  'SIRET', // T siret
  'Code postal', // U codePostalTitulaire
  "Catégorie d'entreprise", // V categorieEntreprise
  'Observations', // W commentaires
] as const;

export const HEADER_ROW = 3;

type Cell = ExcelJS.CellValue;

/** A formula whose lookup failed: Excel keeps `#N/A` as its cached result. */
const NA: Cell = { formula: 'VLOOKUP(A13,Mandatements!A:C,3,FALSE)', result: { error: '#N/A' } } as unknown as Cell;

/** « Marchés 2025 » rows 4..28 in this order (columns A..W; null = empty). */
export const ROWS: Cell[][] = [
  //  A numero      B objet                                             C date                 D montant    E mandaté F durée   G av H prol I négo  J gain K CS   L MI   M heures N CE  O réemploi P recyclé Q délai R CPV        S titulaire                 T SIRET            U CP     V catégorie           W observations
  /* r4  */ ['2025-001', 'Nettoyage des écoles', day('2025-01-13'), 120000, 95000, 36, 0, 0, 'oui', 8000, 'oui', 'non', 1200, 'non', null, null, 30, '90911200', 'Propreté Nord', '44787218000016', '59100', 'PME', null],
  /* r5  */ ['2025-002', 'Fournitures de bureau', day('2025-02-03'), 15000, 12000, 12, null, null, 'non', null, 'non', 'non', null, 'oui', null, 2000, 25, '30192000', 'Bureau Plus', null, '59000', 'PME', null],
  // numero forgotten
  /* r6  */ [null, 'Maintenance des ascenseurs', day('2025-02-17'), 60000, 30000, 48, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Élévation', null, '75008', 'GE', null],
  // objet forgotten
  /* r7  */ ['2025-004', null, day('2025-03-05'), 30000, 28000, 24, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'AutoLoc', null, '59100', 'PME', null],
  // amount not known yet
  /* r8  */ ['2025-005', 'Entretien des espaces verts', day('2025-03-12'), null, 40000, 12, null, null, 'non', null, 'oui', 'non', null, 'non', null, null, null, null, 'Jardins du Nord', null, '59100', 'TPE', null],
  // an accord-cadre at unit prices: no amount, a note instead
  /* r9  */ ['2025-006', 'Reprographie', day('2025-04-01'), 'voir BPU', 8000, 12, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Copie Express', null, '62000', 'TPE', null],
  // date not typed yet
  /* r10 */ ['2025-007', 'Téléphonie mobile', null, 50000, 20000, 36, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Télécom France', null, '92100', 'GE', null],
  // a date that does not exist, typed as text
  /* r11 */ ['2025-008', "Travaux de peinture de l'école Jules Ferry", '31/02/2025', 25000, 25000, 3, null, null, 'non', null, 'oui', 'non', null, 'non', null, null, null, null, 'Peintures Roubaisiennes', null, '59100', 'TPE', null],
  // a duration in words
  /* r12 */ ['2025-009', 'Audit des installations de chauffage', day('2025-06-02'), 18000, 18000, 'un an', null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Énergie Conseil', null, '59650', 'PME', null],
  // a lookup formula that found nothing
  /* r13 */ ['2025-010', "Fourniture de produits d'entretien", day('2025-07-07'), 12000, NA, 12, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Hygiène Pro', null, '59100', 'PME', null],
  // a size written out, not one of TPE / PME / ETI / GE
  /* r14 */ ['2025-011', 'Vérification des équipements de sécurité incendie', day('2025-09-10'), 35000, 10000, 36, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Sécuri Nord', null, '59200', 'Moyenne', null],
  // « oui » typed in an amount column
  /* r15 */ ['2025-012', 'Restauration du personnel', day('2025-10-01'), 70000, 15000, 48, null, null, 'non', null, 'non', 'non', null, 'non', 'oui', null, null, null, 'Cuisines Flandres', null, '59100', 'PME', null],
  // two prolongations counted, one avenant
  /* r16 */ ['2025-013', 'Maintenance des toitures', day('2025-10-14'), 80000, 60000, 24, 1, 2, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Toitures Flandres', null, '59000', 'PME', null],
  // a gain typed, « non » left in Négociation
  /* r17 */ ['2025-014', 'Formation des agents', day('2025-01-20'), 20000, 20000, 12, null, null, 'non', 3000, 'non', 'non', null, 'non', null, null, null, null, 'Forma Plus', null, '59000', 'PME', null],
  // insertion hours without the clause ticked
  /* r18 */ ['2025-015', 'Rénovation du gymnase', day('2025-03-18'), 150000, 100000, 10, null, null, 'non', null, 'non', 'non', 350, 'non', null, null, null, null, 'Bâti Nord', null, '59100', 'PME', '350 h réalisées par le titulaire'],
  // re-use and recycled amounts over the mandated spend
  /* r19 */ ['2025-016', 'Mobilier pour la médiathèque', day('2025-04-08'), 40000, 30000, 12, null, null, 'non', null, 'non', 'non', null, 'oui', 20000, 15000, null, null, 'Mobilier Nord', null, '59170', 'PME', null],
  // a late payment: a fact, not a typing error (stays)
  /* r20 */ ['2025-017', 'Collecte des déchets', day('2025-05-15'), 90000, 70000, 48, null, null, 'non', null, 'non', 'non', null, 'non', null, null, 42, null, 'Nord Collecte', null, '59000', 'ETI', null],
  // a CPV code with a digit lost
  /* r21 */ ['2025-018', 'Travaux de voirie', day('2025-06-16'), 200000, 120000, 12, null, null, 'non', null, 'non', 'non', null, 'oui', null, null, null, '4523314', 'Routes du Nord', null, '59650', 'GE', null],
  // two digits of the SIRET swapped
  /* r22 */ ['2025-019', 'Fourniture de repas', day('2025-07-01'), 60000, 50000, 12, null, null, 'non', null, 'oui', 'non', null, 'non', null, null, null, null, 'Resto Nord', '39128476000052', '59100', 'PME', null],
  // a postal code with a digit lost, typed as text
  /* r23 */ ['2025-020', 'Entretien des ascenseurs de la mairie', day('2025-07-21'), 22000, 15000, 12, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Ascenseurs Services', null, '5910', 'PME', null],
  // the objet suggests « Clause environnementale » (« reconditionné »)
  /* r24 */ ['2025-021', 'Achat de mobilier de bureau reconditionné', day('2025-09-02'), 25000, 20000, null, null, null, 'non', null, 'non', 'non', null, null, null, null, null, null, 'Bureau Plus', null, '59000', 'PME', null],
  /* r25 */ ['2025-022', 'Prestations de gardiennage', day('2025-09-15'), 48000, 36000, 12, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Gardiennage Nord', null, '59100', 'PME', null],
  /* r26 */ ['2024-031', 'Nettoyage des vitres', day('2024-11-04'), 9000, 9000, 12, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Vitres Nettes', null, '59100', 'TPE', null],
  /* r27 */ ['2025-023', 'Fournitures scolaires', day('2025-10-06'), 30000, 25000, 12, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Papeterie Flandres', null, '59000', 'PME', null],
  // the row above pasted twice
  /* r28 */ ['2025-023', 'Fournitures scolaires', day('2025-10-06'), 30000, 25000, 12, null, null, 'non', null, 'non', 'non', null, 'non', null, null, null, null, 'Papeterie Flandres', null, '59000', 'PME', null],
];

export const SUIVI_HEADER = ['N° de marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures réalisées', 'Date de début'];
export const SUIVI_ROWS: Cell[][] = [
  /* s2 */ ['2025-001', 'B01', 'F', 'Roubaix', 'oui', 'CDD', 400, day('2025-02-01')],
  /* s3 */ ['2025-001', 'B02', 'H', 'Lille', 'non', 'Intérim', 300, day('2025-03-15')],
  // a kind of contract outside the list
  /* s4 */ ['2025-015', 'B03', 'H', 'Roubaix', 'oui', 'Contrat aidé', 200, day('2025-05-01')],
  /* s5 */ ['2025-015', 'B04', 'F', 'Wattrelos', 'non', 'CDDI', 150, day('2025-06-01')],
];

export const CIBLES_HEADER = ['Indicateur', 'Année', 'Cible', 'Sens'];
export const CIBLES_ROWS: Cell[][] = [
  /* c2 */ ['4.1.2-consideration-sociale', 2025, 20, '≥'],
  // the COPIL has not decided yet
  /* c3 */ ['3.1.1-consideration-env', 2025, 'à définir', '≥'],
  /* c4 */ ['2.1.5-delai-paiement', 2025, 30, '≤'],
];

export const SAISIES_HEADER = ['Indicateur', 'Année', 'Valeur', 'Source'];
export const SAISIES_ROWS: Cell[][] = [
  // « non communiqué »
  /* m2 */ ['3.2.1-fournitures-evitees', 2025, 'NC', 'Service logistique'],
  /* m3 */ ['3.2.1-mobilier-reemploye', 2025, 40, 'Service logistique'],
];

function put(ws: ExcelJS.Worksheet, headerRow: number, header: readonly string[], rows: readonly Cell[][]): void {
  header.forEach((h, i) => (ws.getRow(headerRow).getCell(i + 1).value = h));
  rows.forEach((values, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  });
}

/** The workbook as the buyer sends it. */
export function buildWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet(REGISTER);
  reg.getCell('A1').value = 'Suivi des marchés 2025 — Direction des moyens généraux';
  put(reg, HEADER_ROW, HEADER, ROWS);
  put(wb.addWorksheet(SUIVI), 1, SUIVI_HEADER, SUIVI_ROWS);
  put(wb.addWorksheet(CIBLES), 1, CIBLES_HEADER, CIBLES_ROWS);
  put(wb.addWorksheet(SAISIES), 1, SAISIES_HEADER, SAISIES_ROWS);
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

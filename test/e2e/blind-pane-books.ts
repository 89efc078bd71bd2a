/**
 * Workbooks of the blind acceptance test, made the way buyers make them. Every
 * expected number of the test is computed by hand from these rows (see the
 * comments), never read from the program.
 */
import { book, type BookCell, day } from './harness';

export type Cell = BookCell;

const d = day;

/**
 * The weekly workbook of a buyer (scenarios 1–3). Title on row 1, header on row 2.
 * `Clause sociale et environnementale` is ambiguous (README, « Colonnes »): the buyer
 * says it is the social clause.
 *
 * | row | numero | objet | montant | clause (→ clauseSociale) | Critère env. | CP |
 * | 3 | 2025-001 | Nettoyage des écoles | 10 000 | oui | | 59100 |
 * | 4 | 2025-002 | Fourniture de papier recyclé | 2 000 | non | | 75011 |   → suggestion env « recyclé » (Clause environnementale): CONFIRMED
 * | 5 | 2025-003 | Entretien des espaces verts par un ESAT | 5 000 | | | 59100 | → suggestion sociale « ESAT » (Marché réservé): left pending
 * | 6 | 2025-004 | Maintenance informatique | 8 000 | oui | non | 59000 |
 * | 7 | 2025-005 | Expérimentation d'une solution innovante de mobilité | 20 000 | non | | 62300 | → suggestion innovation: REJECTED
 * | 8 | 2025-006 | Travaux de voirie sans clause sociale | 50 000 | non | | 59100 | → negation: no suggestion
 * | 9 | 2025-007 | Restauration scolaire | 30 000 | x | oui | 80000 |
 * | 10 | 2025-008 | Fournitures de bureau | 1 000 | | | 69001 |
 *
 * Exercice 2025, 8 valid contracts (M), spend = montant (no mandated column).
 * After the buyer's choices:
 * - sociale: rows 001, 004, 007 (declared) → 3 / 8 = 37,5 % (4.1.2), 4.2.2-clause-sociale-nb = 3, part 37,5 %;
 *   the pending ESAT suggestion does not count.
 * - env: 002 (confirmed), 007 (critère) → 2 / 8 = 25 % (3.1.1-consideration-env).
 * - 1.1.2-marches-ar: {001, 002, 004, 007} = 4; 1.1.2-montant-ar = 10 000 + 2 000 + 8 000 + 30 000 = 50 000 €.
 * - 5.2.1-innovants-*: non calculable (no marcheInnovant column; the suggestion is rejected anyway).
 * - Roubaix suppliers (59100): 001, 003, 006 → (10 000 + 5 000 + 50 000) / 3 = 21 666,67 €.
 * Before the choice, no social column is mapped: 4.1.2 and 4.2.2-clause-sociale-* are non calculable.
 */
export const WEEKLY_ROWS: Cell[][] = [
  ['Suivi des marchés 2025 — Direction des Sports'],
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Code postal', 'Clause sociale et environnementale', 'Critère env.'],
  ['2025-001', 'Nettoyage des écoles', 10000, d(15, 1), 'Propreté du Nord', '59100', 'oui', null],
  ['2025-002', 'Fourniture de papier recyclé', 2000, d(3, 2), 'Papeteries Réunies', '75011', 'non', null],
  ['2025-003', 'Entretien des espaces verts par un ESAT', 5000, d(20, 2), 'ESAT Les Ateliers', '59100', null, null],
  ['2025-004', 'Maintenance informatique', 8000, d(1, 3), 'Info Services', '59000', 'oui', 'non'],
  ['2025-005', "Expérimentation d'une solution innovante de mobilité", 20000, d(10, 4), 'Mobilis', '62300', 'non', null],
  ['2025-006', 'Travaux de voirie sans clause sociale', 50000, d(5, 5), 'Routes et Chemins', '59100', 'non', null],
  ['2025-007', 'Restauration scolaire', 30000, d(2, 6), 'Cuisine Centrale', '80000', 'x', 'oui'],
  ['2025-008', 'Fournitures de bureau', 1000, d(30, 6), 'Bureau Plus', '69001', null, null],
];

export function weeklyWorkbook(): Promise<Buffer> {
  return book([{ name: 'Marchés 2025', rows: WEEKLY_ROWS }, { name: 'Notes', rows: [['Penser à relancer le titulaire du 2025-004'], ['Réunion le 12/06']] }]);
}

/**
 * A register whose objet column has a header the program does not know (`Sujet`):
 * without it the four required fields are not there. The buyer says `Sujet` is the objet.
 * Rows (all 2025, valid once the objet is mapped): montants 1 000, 2 000, 3 000, 4 000;
 * `Clause sociale` oui on rows → 4.2.2-clause-sociale-nb = 2, part 50 %;
 * 4.1.2-consideration-sociale = 50 %.
 */
export const UNKNOWN_HEADER_ROWS: Cell[][] = [
  ['N° marché', 'Sujet', 'Montant HT', 'Date de notification', 'Clause sociale'],
  ['A-1', 'Location de bennes', 1000, d(4, 3), 'non'],
  ['A-2', 'Entretien de la piscine', 2000, d(5, 3), 'oui'],
  ['A-3', 'Achat de ballons', 3000, d(6, 3), 'non'],
  ['A-4', 'Gardiennage du stade', 4000, d(7, 3), 'oui'],
];

export function unknownHeaderWorkbook(): Promise<Buffer> {
  return book([{ name: 'Suivi', rows: UNKNOWN_HEADER_ROWS }]);
}

/** An empty workbook: one sheet, no cell. */
export function emptyWorkbook(): Promise<Buffer> {
  return book([{ name: 'Feuil1', rows: [] }]);
}

/** A workbook with data but no register: a list of staff. */
export function noRegisterWorkbook(): Promise<Buffer> {
  return book([
    {
      name: 'Agents',
      rows: [
        ['Nom', 'Prénom', 'Bureau', 'Téléphone'],
        ['Martin', 'Claire', 'B12', '03 20 00 00 01'],
        ['Durand', 'Paul', 'B14', '03 20 00 00 02'],
      ],
    },
  ]);
}

/**
 * Pôle Ressources (scenario 5): the usual headers.
 * 4 contracts of 2025: clause sociale oui on R-2 only; montants 1 000, 3 000, 5 000, 7 000.
 */
export const POLE_RESSOURCES_ROWS: Cell[][] = [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
  ['R-1', 'Papeterie', 1000, d(10, 1), 'non'],
  ['R-2', 'Nettoyage des locaux', 3000, d(11, 2), 'oui'],
  ['R-3', 'Licences logicielles', 5000, d(12, 3), 'non'],
  ['R-4', 'Mobilier de bureau', 7000, d(13, 4), 'non'],
];

/**
 * Pôle Solidarités (scenario 5): other headers for the same fields, a title row,
 * French text numbers and dates.
 * 2 contracts of 2025, clause d'insertion oui on both; montants 12 500 and 2 500,50.
 */
export const POLE_SOLIDARITES_ROWS: Cell[][] = [
  ['Tableau de bord Solidarités'],
  ['Référence', 'Intitulé', 'Montant notifié', 'Notifié le', "Clause d'insertion"],
  ['S-1', 'Portage de repas', '12 500,00 €', '02/05/2025', 'oui'],
  ['S-2', 'Accueil de jour', '2 500,50', '15/09/2025', 'Oui'],
];

export function poleRessources(): Promise<Buffer> {
  return book([{ name: 'Suivi 2025', rows: POLE_RESSOURCES_ROWS }]);
}

export function poleSolidarites(): Promise<Buffer> {
  return book([{ name: 'Marchés', rows: POLE_SOLIDARITES_ROWS }]);
}

/** The workbook the project lead opens to consolidate into: a note only, no register. */
export function leadWorkbook(): Promise<Buffer> {
  return book([{ name: 'Bilan', rows: [['Bilan SPASER 2025 — consolidation des Pôles']] }]);
}

/**
 * The workbook of the blind preview test `blind-apercu.test.ts`: a buyer's register in a
 * house style nobody wrote the code for. Every expected number is computed by hand below,
 * from the spec and the README's choices, never read from the program.
 *
 * Sheet « Registre DAJ » — title on row 1, header on row 2:
 *   N° marché | Objet | Pôle | Signé le | Montant HT (k€) | Titulaire | Code postal | Clause sociale
 * `Signé le` is no synonym of any field (champs.md): dateNotification is missing, so no register
 * is recognised (regles.md §1) until the buyer says `Signé le` is the notification date.
 * `Montant HT (k€)` is the montant, read in euros (README « Colonnes » : `1,1` under k€ = 1 100 €).
 *
 * | row | numero | Pôle | Signé le | k€ | € | clause sociale |
 * | 3 | V-25-01 | Pôle Éducation    | 10/02/2025 | 12,5 (number)   | 12 500 | oui |
 * | 4 | V-25-02 | Pôle Éducation    | 03/03/2025 | 4,2 (number)    |  4 200 | non |
 * | 5 | V-25-03 | Pôle Cadre de vie | 15/04/2025 | 30 (number)     | 30 000 | oui |
 * | 6 | V-25-04 | Pôle Cadre de vie | 20/05/2025 | "8,75" (text)   |  8 750 | non |
 * | 7 | V-25-05 | Pôle Cadre de vie | 01/06/2025 | 1,1 (number)    |  1 100 | non |
 * | 8 | V-24-01 | Pôle Éducation    | 01/03/2024 | 10              | 10 000 | oui |
 * | 9 | V-24-02 | Pôle Cadre de vie | 12/09/2024 | 40              | 40 000 | non |
 * | 10| V-24-03 | Pôle Éducation    | 05/11/2024 | 5               |  5 000 | non |
 *
 * Exercice (regles.md §9, README): 5 rows dated 2025, 3 dated 2024 → N = 2025, N−1 = 2024.
 * No horsMarche column: M = R. No montantMandate column: dep = montant.
 * No error expected on any row once the date is chosen (all four required fields filled).
 *
 * Hand computations, whole City, N = 2025 (M = 5 rows):
 * - 4.2.2-clause-sociale-nb = #{V-25-01, V-25-03} = 2
 * - 4.2.2-clause-sociale-part = 2 / 5 = 40 %;   N−1: 1 / 3 = 33,33… %
 * - 1.1.2-marches-ar = 2 (AR = sociale; only a social field is mapped)
 * - 1.1.2-montant-ar = 12 500 + 30 000 = 42 500 €;   N−1: 10 000 € (V-24-01)
 * Sheet « Cibles » (champs.md): rows of 2025:
 *   1.1.2-montant-ar      2025  40000  ≥  → 42 500 ≥ 40 000: atteinte
 *   4.2.2-clause-sociale-part 2025  50  ≥  → 40 < 50: non atteinte
 *   (a 2024 row on 1.1.2-montant-ar, 99 999, is not a target of 2025)
 * - 1.1.1-cibles-atteintes = 1 / 2 = 50 %
 *
 * Sheet « Commandes » looks like a register but has no amount column: numero, objet,
 * dateNotification, titulaire recognised (≥ 3 fields, 1 required missing, README « Colonnes »):
 * it has its own section in step Colonnes, and its rows do not count.
 */
import { book, type BookCell, day } from './harness';

const d = day;

export const REGISTRE_ROWS: BookCell[][] = [
  ['Registre des marchés notifiés — Direction des affaires juridiques'],
  ['N° marché', 'Objet', 'Pôle', 'Signé le', 'Montant HT (k€)', 'Titulaire', 'Code postal', 'Clause sociale'],
  ['V-25-01', 'Nettoyage des gymnases', 'Pôle Éducation', d(10, 2), 12.5, 'Propreté du Nord', '59100', 'oui'],
  ['V-25-02', 'Fournitures scolaires', 'Pôle Éducation', d(3, 3), 4.2, 'Papeteries Réunies', '75011', 'non'],
  ['V-25-03', 'Entretien des parcs', 'Pôle Cadre de vie', d(15, 4), 30, 'Jardins du Nord', '59000', 'oui'],
  ['V-25-04', 'Maintenance des ascenseurs', 'Pôle Cadre de vie', d(20, 5), '8,75', 'Ascenseurs Services', '59100', 'non'],
  ['V-25-05', 'Location de nacelles', 'Pôle Cadre de vie', d(1, 6), 1.1, 'Loc Matériel', '62300', 'non'],
  ['V-24-01', 'Nettoyage des écoles', 'Pôle Éducation', d(1, 3, 2024), 10, 'Propreté du Nord', '59100', 'oui'],
  ['V-24-02', 'Travaux de voirie', 'Pôle Cadre de vie', d(12, 9, 2024), 40, 'Routes et Chemins', '59170', 'non'],
  ['V-24-03', 'Achat de mobilier scolaire', 'Pôle Éducation', d(5, 11, 2024), 5, 'Mobilier Plus', '69001', 'non'],
];

export const COMMANDES_ROWS: BookCell[][] = [
  ['N° marché', 'Objet', 'Date de notification', 'Titulaire'],
  ['C-01', 'Achat de ballons', d(4, 3), 'Sport 2000'],
  ['C-02', 'Réparation de la toiture du gymnase', d(9, 4), 'Toitures Roubaisiennes'],
];

export const CIBLES_ROWS: BookCell[][] = [
  ['Indicateur', 'Année', 'Cible', 'Sens'],
  ['1.1.2-montant-ar', 2025, 40000, '≥'],
  ['4.2.2-clause-sociale-part', 2025, 50, '≥'],
  ['1.1.2-montant-ar', 2024, 99999, '≥'],
];

/** Hand-computed expectations (see the header). */
export const EXPECTED = {
  montantAr: 42500,
  montantArN1: 10000,
  montantArCible: 40000,
  clausePart: 40,
  clausePartN1: 100 / 3,
  clausePartCible: 50,
  clauseNb: 2,
  ciblesAtteintes: 50,
};

export function apercuWorkbook(): Promise<Buffer> {
  return book([
    { name: 'Registre DAJ', rows: REGISTRE_ROWS },
    { name: 'Commandes', rows: COMMANDES_ROWS },
    { name: 'Cibles', rows: CIBLES_ROWS },
  ]);
}

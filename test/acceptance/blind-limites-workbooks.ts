/**
 * Blind acceptance « limites »: small buyers' workbooks, each built to push the
 * indicator formulas of `indicateurs.md` and the statut / motif rules to their
 * edges. House style: a plain « suivi » sheet per buyer, sometimes a title row
 * above the header, French texts in a few cells. Every expected value of
 * `blind-limites.acceptance.test.ts` is computed by hand from these rows.
 *
 *  A  « Limites-Erreurs.xlsx »      every register row in error (+ a Cibles row)
 *  B  « Limites-N1.xlsx »           three valid N−1 rows, one valid N row (tie 3/3 → later year)
 *  C1 « Limites-Zero.xlsx »         every amount 0, no size, no payment delay, only MSPMC
 *  C3 « Limites-SansTaille.xlsx »   spend > 0, no supplier with a size or a place (added after the first run)
 *  C2 « Limites-HorsMarche.xlsx »   every row hors marché (M empty)
 *  D  three files consolidated: optional columns absent / present-empty / partly filled
 *  E  « Limites-Cibles.xlsx »       Cibles and Saisies manuelles at their edges
 *  F  « Limites-UneLigne.xlsx »     one single register row
 *  G  « Limites-Montants.xlsx »     huge / negative amounts, 29 Feb, 31 Dec / 1 Jan
 */
import ExcelJS from 'exceljs';
import { day, table } from './helpers';

type Row = Record<string, ExcelJS.CellValue>;

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  return new Uint8Array(buf);
}

/** A register sheet: optional title on row 1 (header then on row 2), else header on row 1. */
function register(wb: ExcelJS.Workbook, name: string, header: string[], rows: (Row | null)[], title?: string): void {
  const ws = wb.addWorksheet(name);
  if (title) {
    ws.getCell('A1').value = title;
    table(ws, 2, header, rows);
  } else {
    table(ws, 1, header, rows);
  }
}

// ─── A: every row in error ─────────────────────────────────────────────────

export const FILE_A = 'Limites-Erreurs.xlsx';
export const SHEET_A = 'Registre 2025';
const HEADER_A = [
  'N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Hors marché', 'Programmé', 'Clause sociale',
  'Clause environnementale', 'Délai de paiement (jours)', 'Nb avenants', 'Avenants de prolongation',
];

export async function workbookA(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_A, HEADER_A, [
    // r3: no numero
    { Objet: 'Maintenance des ascenseurs', 'Montant HT': 1000, 'Date de notification': day('2025-03-01'), Programmé: 'Oui', 'Clause sociale': 'Oui', 'Délai de paiement (jours)': 20 },
    // r4: no objet
    { 'N° marché': 'A-02', 'Montant HT': 2000, 'Date de notification': day('2025-04-01'), 'Clause environnementale': 'Oui', 'Délai de paiement (jours)': 25 },
    // r5: negative montant
    { 'N° marché': 'A-03', Objet: 'Travaux de voirie', 'Montant HT': -500, 'Date de notification': day('2025-05-01'), 'Hors marché': 'Non' },
    // r6: montant empty
    { 'N° marché': 'A-04', Objet: 'Achat de mobilier', 'Date de notification': day('2025-06-01'), Programmé: 'Non' },
    // r7: 2 prolongations > 1 avenant
    { 'N° marché': 'A-05', Objet: 'Nettoyage des locaux', 'Montant HT': 3000, 'Date de notification': day('2025-07-01'), 'Nb avenants': 1, 'Avenants de prolongation': 2, 'Clause sociale': 'Oui' },
    // r8: date after 31/12 of the year following the run (today 2026-01-15 → limit 31/12/2027)
    { 'N° marché': 'A-06', Objet: 'Location de nacelles', 'Montant HT': 4000, 'Date de notification': day('2028-01-01') },
    // r9: date before 01/01/2000
    { 'N° marché': 'A-07', Objet: 'Fourniture de sel', 'Montant HT': 500, 'Date de notification': day('1999-12-31') },
  ], 'Suivi des marchés — Direction des moyens généraux');
  const c = wb.addWorksheet('Cibles');
  table(c, 1, ['Indicateur', 'Année', 'Cible', 'Sens'], [
    { Indicateur: '2.1.5-delai-paiement', Année: 2025, Cible: 30, Sens: '≤' },
  ]);
  return toBytes(wb);
}

// ─── B: valid N−1 rows plus one valid N row ────────────────────────────────

export const FILE_B = 'Limites-N1.xlsx';
export const SHEET_B = 'Marchés';
const HEADER_B = [
  'N° marché', 'Objet', 'Montant HT', 'Montant mandaté', 'Date de notification', 'Hors marché', 'Programmé',
  'Clause sociale', 'Critère environnemental', 'Procédure', 'Offres reçues', 'Délai de paiement', 'Marché innovant',
];

export async function workbookB(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_B, HEADER_B, [
    // r3..r5: 2024
    { 'N° marché': 'B-24-1', Objet: 'Maintenance des ascenseurs', 'Montant HT': 10000, 'Montant mandaté': 8000, 'Date de notification': day('2024-02-10'), Programmé: 'Oui', 'Clause sociale': 'Oui', Procédure: 'AOO', 'Offres reçues': 4, 'Délai de paiement': 20 },
    { 'N° marché': 'B-24-2', Objet: 'Travaux de voirie', 'Montant HT': 30000, 'Date de notification': day('2024-06-30'), Programmé: 'Non', 'Critère environnemental': 'Oui', Procédure: 'MAPA', 'Offres reçues': 2, 'Délai de paiement': 28, 'Marché innovant': 'Oui' },
    { 'N° marché': 'B-24-3', Objet: 'Location de nacelles', 'Montant HT': 2000, 'Montant mandaté': 2000, 'Date de notification': day('2024-12-31'), 'Hors marché': 'Oui' },
    // r6..r8: 2025
    { 'N° marché': 'B-24-1', Objet: 'Nettoyage des locaux', 'Montant HT': 50000, 'Montant mandaté': 12000, 'Date de notification': day('2025-01-01'), 'Hors marché': 'Non', Programmé: 'Oui', 'Clause sociale': 'Non', 'Critère environnemental': 'Non', Procédure: 'gré à gré', 'Offres reçues': 1, 'Délai de paiement': 40, 'Marché innovant': 'Non' },
    { 'N° marché': 'B-25-2', 'Montant HT': 7000, 'Date de notification': day('2025-03-03') },
    { 'N° marché': 'b-24 -1', Objet: 'Nettoyage des locaux (suite)', 'Montant HT': 9000, 'Date de notification': day('2025-05-05') },
  ], 'Marchés 2024-2025');
  return toBytes(wb);
}

// ─── C1: zero denominators ─────────────────────────────────────────────────

export const FILE_C1 = 'Limites-Zero.xlsx';
export const SHEET_C1 = 'Suivi';
const HEADER_C1 = [
  'N° marché', 'Objet', 'Montant HT', 'Montant mandaté', 'Date de notification', 'Procédure', 'Offres reçues',
  'Délai de paiement', 'Négociation', 'Offre technique améliorée', 'Gain de négociation', "Mode d'acquisition",
  "Centrale d'achat", 'Titulaire', 'Code postal', "Catégorie d'entreprise", 'Programmé', 'Marché innovant',
  'Nomenclature', 'Hors marché',
];

export async function workbookC1(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_C1, HEADER_C1, [
    // r2
    { 'N° marché': 'C-1', Objet: 'Maintenance des ascenseurs', 'Montant HT': 0, 'Date de notification': day('2025-02-01'), Procédure: 'MSPMC', 'Offres reçues': 3, Négociation: 'Non', 'Offre technique améliorée': 'Oui', "Mode d'acquisition": "Achat d'usage", "Centrale d'achat": 'Oui', Titulaire: 'Ascenseurs Martin', 'Code postal': '75011', Programmé: 'Oui', 'Marché innovant': 'Oui', Nomenclature: 'F01' },
    // r3
    { 'N° marché': 'C-2', Objet: 'Travaux de voirie', 'Montant HT': 0, 'Montant mandaté': 0, 'Date de notification': day('2025-03-01'), Procédure: 'sans publicité', 'Gain de négociation': 0, "Centrale d'achat": 'Non', Titulaire: 'Voirie du Nord SARL', 'Code postal': '62000', Programmé: 'Non', 'Hors marché': 'Non' },
    // r4
    { 'N° marché': 'C-3', Objet: 'Achat de sel', 'Montant HT': '0,00 €', 'Date de notification': day('2025-04-01'), Procédure: 'gré à gré', Titulaire: 'Voirie du Nord', 'Code postal': '62000', 'Hors marché': 'Non' },
  ]);
  return toBytes(wb);
}

// ─── C3: no supplier with a size nor a place, spend > 0 ────────────────────

export const FILE_C3 = 'Limites-SansTaille.xlsx';
export const SHEET_C3 = 'Suivi';
const HEADER_C3 = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Ville', 'Code postal', "Catégorie d'entreprise", 'Effectif', 'Délai de paiement'];

export async function workbookC3(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_C3, HEADER_C3, [
    { 'N° marché': 'S-1', Objet: 'Maintenance des ascenseurs', 'Montant HT': 6000, 'Date de notification': day('2025-02-02'), Titulaire: 'Ascenseurs Martin' },
    { 'N° marché': 'S-2', Objet: 'Travaux de voirie', 'Montant HT': 4000, 'Date de notification': day('2025-03-03'), Titulaire: 'Voirie du Nord' },
    { 'N° marché': 'S-3', Objet: 'Achat de sel', 'Montant HT': 10000, 'Date de notification': day('2025-04-04') },
  ]);
  return toBytes(wb);
}

// ─── C2: every row hors marché ─────────────────────────────────────────────

export const FILE_C2 = 'Limites-HorsMarche.xlsx';
export const SHEET_C2 = 'Commandes';
const HEADER_C2 = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Hors marché', 'Programmé', 'Clause sociale', 'Sourçage', 'Hors BPU'];

export async function workbookC2(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_C2, HEADER_C2, [
    { 'N° marché': 'H-1', Objet: 'Fournitures de bureau', 'Montant HT': 300, 'Date de notification': day('2025-05-05'), 'Hors marché': 'Oui', Programmé: 'Oui', 'Clause sociale': 'Oui', Sourçage: 'Oui', 'Hors BPU': 300 },
    { 'N° marché': 'H-2', Objet: 'Petit outillage', 'Montant HT': 700, 'Date de notification': day('2025-06-06'), 'Hors marché': 'x', 'Hors BPU': 100 },
  ]);
  return toBytes(wb);
}

// ─── D: coverage over three files ──────────────────────────────────────────

export const FILE_D1 = 'Pole-Sans.xlsx';
export const FILE_D2 = 'Pole-Vides.xlsx';
export const FILE_D3 = 'Pole-Partiel.xlsx';
export const SHEET_D = 'Marchés';
const HEADER_D1 = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const HEADER_D23 = [
  'N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Programmé', 'Délai de paiement', 'Nomenclature',
  'Procédure', 'Offres reçues', 'Clause environnementale', 'Montant mandaté', 'Hors BPU',
];

export async function workbookD1(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_D, HEADER_D1, [
    { 'N° marché': 'D1-1', Objet: 'Maintenance des ascenseurs', 'Montant HT': 10000, 'Date de notification': day('2025-01-15') },
    { 'N° marché': 'D1-2', Objet: 'Travaux de voirie', 'Montant HT': 20000, 'Date de notification': day('2025-02-15') },
  ]);
  return toBytes(wb);
}

export async function workbookD2(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_D, HEADER_D23, [
    { 'N° marché': 'D2-1', Objet: 'Location de nacelles', 'Montant HT': 5000, 'Date de notification': day('2025-03-15') },
    { 'N° marché': 'D2-2', Objet: 'Nettoyage des locaux', 'Montant HT': 15000, 'Date de notification': day('2025-04-15') },
  ]);
  return toBytes(wb);
}

export async function workbookD3(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_D, HEADER_D23, [
    { 'N° marché': 'D3-1', Objet: 'Achat de mobilier', 'Montant HT': 40000, 'Date de notification': day('2025-05-15'), Programmé: 'Oui', 'Délai de paiement': 20, Nomenclature: 'F12', Procédure: 'AOO', 'Offres reçues': 5, 'Clause environnementale': 'Oui', 'Montant mandaté': 30000, 'Hors BPU': 1500 },
    { 'N° marché': 'D3-2', Objet: 'Fourniture de sel', 'Montant HT': 8000, 'Date de notification': day('2025-06-15'), 'Offres reçues': 3 },
    { 'N° marché': 'D3-3', Objet: 'Travaux de toiture', 'Montant HT': 12000, 'Date de notification': day('2025-07-15'), Programmé: 'Non', 'Délai de paiement': 30, Nomenclature: 'T03', Procédure: 'MSPMC', 'Offres reçues': 1, 'Clause environnementale': 'Non', 'Montant mandaté': 6000 },
  ]);
  return toBytes(wb);
}

// ─── E: Cibles and Saisies manuelles ───────────────────────────────────────

export const FILE_E = 'Limites-Cibles.xlsx';
export const SHEET_E = 'Suivi 2025';
const HEADER_E = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale', 'Clause environnementale', 'Délai de paiement', 'Hors marché', 'Sourçage'];

export async function workbookE(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_E, HEADER_E, [
    // r3..r6: 2025
    { 'N° marché': 'E-1', Objet: 'Maintenance des ascenseurs', 'Montant HT': 10000, 'Date de notification': day('2025-02-02'), 'Clause sociale': 'Oui', 'Clause environnementale': 'Non', 'Délai de paiement': 20, 'Hors marché': 'Non', Sourçage: 'Oui' },
    { 'N° marché': 'E-2', Objet: 'Travaux de voirie', 'Montant HT': 30000, 'Date de notification': day('2025-03-03'), 'Clause sociale': 'Non', 'Clause environnementale': 'Oui', 'Délai de paiement': 40 },
    { 'N° marché': 'E-3', Objet: 'Fournitures de bureau', 'Montant HT': 1000, 'Date de notification': day('2025-04-04'), 'Hors marché': 'Oui' },
    { 'N° marché': 'E-4', Objet: 'Location de nacelles', 'Montant HT': 9000, 'Date de notification': day('2025-05-05'), 'Délai de paiement': 30, Sourçage: 'Non' },
    // r7: 2024
    { 'N° marché': 'E-0', Objet: 'Nettoyage des locaux', 'Montant HT': 5000, 'Date de notification': day('2024-06-06'), 'Clause sociale': 'Oui', 'Délai de paiement': 10 },
  ], 'Suivi 2025 — Pôle Proximité');
  const c = wb.addWorksheet('Objectifs COPIL');
  table(c, 1, ['Indicateur', 'Année', 'Cible', 'Sens'], [
    { Indicateur: '2.1.5-delai-paiement', Année: 2025, Cible: 30, Sens: '≤' }, // r2
    { Indicateur: '4.2.2-clause-sociale-part', Année: 2025, Cible: 50, Sens: '≥' }, // r3
    { Indicateur: '2.1.2-hors-marche-nb', Année: 2025, Cible: 0, Sens: '≤' }, // r4
    { Indicateur: '2.1.3-sourcage', Année: 2025, Cible: 0 }, // r5 (sens empty = ≥)
    { Indicateur: '9.9.9-inconnu', Année: 2025, Cible: 10, Sens: '≥' }, // r6 unknown id
    { Indicateur: '4.2.2-clause-sociale-part', Année: 2025, Cible: 20, Sens: '≥' }, // r7 second row for one id
    { Indicateur: '3.1.1-clauses-env', Année: 2024, Cible: 10, Sens: '≥' }, // r8 N−1
    { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Cible: 15, Sens: '≤' }, // r9
    { Indicateur: '1.1.2-marches-ar', Année: 2025, Cible: 3, Sens: 'au plus' }, // r10
  ]);
  const s = wb.addWorksheet('Saisies manuelles');
  table(s, 1, ['Indicateur', 'Année', 'Valeur', 'Source'], [
    { Indicateur: '4.2.2-clause-sociale-nb', Année: 2025, Valeur: 7, Source: 'Facilitateur' }, // r2 computable
    { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Valeur: 12, Source: 'Service achats' }, // r3
    { Indicateur: '3.2.1-mobilier-reemploye', Année: 2025, Valeur: 'environ 30', Source: 'Magasin' }, // r4 non-numeric
    { Indicateur: '3.2.1-mobilier-reemploye', Année: 2024, Valeur: 40, Source: 'Magasin' }, // r5 N−1
    { Indicateur: '2.2.2-hors-bpu', Année: 2025, Valeur: 5000, Source: 'Finances' }, // r6 column absent
    { Indicateur: '2.1.4-cout-global', Année: 2026, Valeur: 3, Source: 'Service achats' }, // r7 wrong year
    { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Valeur: '13,5', Source: 'Service achats (corrigé)' }, // r8 later row
  ]);
  return toBytes(wb);
}

// ─── F: one single row ─────────────────────────────────────────────────────

export const FILE_F = 'Limites-UneLigne.xlsx';
export const SHEET_F = 'Marché unique';
const HEADER_F = [
  'N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Ville', 'Code postal', 'Effectif',
  'Clause sociale', 'Marché réservé', 'Type de structure', "Marché d'insertion", "Heures d'insertion réalisées",
  'Réunion de cadrage', 'Réunions de bilan', 'Durée (mois)', 'Nb avenants', 'Marché récurrent', 'Avenants de prolongation',
];

export async function workbookF(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_F, HEADER_F, [
    {
      'N° marché': 'F-1', Objet: 'Entretien des espaces publics', 'Montant HT': 24000, 'Date de notification': day('2025-01-31'),
      Titulaire: 'Jardins de Roubaix', Ville: 'Roubaix Cedex 1', 'Code postal': '59100', Effectif: 12, 'Clause sociale': 'Oui',
      'Marché réservé': 'SIAE', 'Type de structure': 'SIAE', "Marché d'insertion": 'Oui', "Heures d'insertion réalisées": 350,
      'Réunion de cadrage': 'Oui', 'Réunions de bilan': 2, 'Durée (mois)': 11, 'Nb avenants': 1, 'Marché récurrent': 'Oui', 'Avenants de prolongation': 1,
    },
  ]);
  return toBytes(wb);
}

// ─── G: huge / negative amounts, boundary dates ────────────────────────────

export const FILE_G = 'Limites-Montants.xlsx';
export const SHEET_G = 'Registre';
const HEADER_G = ['N° marché', 'Objet', 'Montant HT', 'Montant mandaté', 'Date de notification', 'Hors marché', 'Marché innovant', 'Programmé', 'Clause sociale'];

export async function workbookG(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_G, HEADER_G, [
    // r3: 29 Feb 2024 (N−1), huge amount
    { 'N° marché': 'G-1', Objet: 'Construction du groupe scolaire', 'Montant HT': 1234567890123.45, 'Date de notification': day('2024-02-29'), Programmé: 'Oui', 'Marché innovant': 'Oui', 'Clause sociale': 'Oui' },
    // r4: 31 Dec 2025, ~1e12
    { 'N° marché': 'G-2', Objet: 'Travaux de voirie', 'Montant HT': 999999999999, 'Montant mandaté': 500000000000, 'Date de notification': day('2025-12-31'), Programmé: 'Non', 'Marché innovant': 'Oui', 'Clause sociale': 'Oui' },
    // r5: 1 Jan 2025 as text, one cent
    { 'N° marché': 'G-3', Objet: 'Achat de sel', 'Montant HT': 0.01, 'Date de notification': '01/01/2025', Programmé: 'Oui', 'Marché innovant': 'Non' },
    // r6: −0,01 €
    { 'N° marché': 'G-4', Objet: 'Maintenance des ascenseurs', 'Montant HT': -0.01, 'Date de notification': day('2025-06-30') },
    // r7: negative amount as French text
    { 'N° marché': 'G-5', Objet: 'Nettoyage des locaux', 'Montant HT': '-1 000,00 €', 'Date de notification': day('2025-03-03') },
    // r8: 1 Jan 2026 (year after N, inside the window)
    { 'N° marché': 'G-6', Objet: 'Fourniture de sel', 'Montant HT': 50000, 'Date de notification': day('2026-01-01') },
    // r9: 31 Dec 2024, hors marché (N−1)
    { 'N° marché': 'G-7', Objet: 'Location de nacelles', 'Montant HT': 2000, 'Date de notification': day('2024-12-31'), 'Hors marché': 'Oui' },
    // r10: 29/02/2025 does not exist
    { 'N° marché': 'G-8', Objet: 'Fournitures de bureau', 'Montant HT': 3000, 'Date de notification': '29/02/2025' },
  ], 'Registre des marchés (montants HT)');
  return toBytes(wb);
}

// ─── H: attendus(r) of 2.1.5, blanks that look filled, zero offers ────────

export const FILE_H = 'Limites-Relation.xlsx';
export const SHEET_H = 'Suivi relation';
const HEADER_H = [
  'N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Réunion de cadrage', 'Réunions de bilan', 'Durée (mois)',
  'Nomenclature', 'Procédure', 'Offres reçues', "Mode d'acquisition", 'Nb avenants', 'Avenants de prolongation',
  'Délai de paiement', "Heures d'insertion réalisées", 'Clause sociale',
];

export async function workbookH(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_H, HEADER_H, [
    // r2
    { 'N° marché': 'R-1', Objet: 'Maintenance des ascenseurs', 'Montant HT': 1000, 'Date de notification': day('2025-08-31'), 'Réunion de cadrage': 'Oui', 'Réunions de bilan': 2, 'Durée (mois)': 4, Nomenclature: ' ', Procédure: 'AOO', 'Offres reçues': 0, "Mode d'acquisition": 'Achat', 'Nb avenants': 2, 'Avenants de prolongation': 2, 'Délai de paiement': 30, "Heures d'insertion réalisées": 0 },
    // r3
    { 'N° marché': 'R-2', Objet: 'Travaux de voirie', 'Montant HT': 2000, 'Date de notification': day('2025-08-31'), 'Réunion de cadrage': 'Oui', 'Réunions de bilan': 1, 'Durée (mois)': 6, Nomenclature: 'F01', Procédure: 'AOO', "Mode d'acquisition": 'Location', 'Nb avenants': 3, 'Avenants de prolongation': 1, 'Délai de paiement': 30.5, "Heures d'insertion réalisées": 10, 'Clause sociale': 'Oui' },
    // r4
    { 'N° marché': 'R-3', Objet: 'Location de nacelles', 'Montant HT': 4000, 'Date de notification': day('2025-06-30'), 'Réunion de cadrage': 'Oui', 'Offres reçues': 2, "Mode d'acquisition": "Achat d'usage", 'Clause sociale': 'Non' },
    // r5
    { 'N° marché': 'R-4', Objet: 'Nettoyage des locaux', 'Montant HT': 8000, 'Date de notification': day('2025-03-15'), 'Réunion de cadrage': 'Non', 'Réunions de bilan': 3, 'Durée (mois)': 2, Procédure: 'MAPA', 'Offres reçues': 4 },
    // r6
    { 'N° marché': 'R-5', Objet: 'Achat de mobilier', 'Montant HT': 16000, 'Date de notification': day('2025-11-30'), 'Réunion de cadrage': 'Oui', 'Réunions de bilan': 0, 'Durée (mois)': 1, Procédure: 'MSPMC', 'Offres reçues': 9 },
    // r7
    { 'N° marché': 'R-6', Objet: 'Travaux de toiture', 'Montant HT': 32000, 'Date de notification': day('2025-10-31'), 'Réunion de cadrage': 'Oui', 'Réunions de bilan': 1, 'Durée (mois)': 3 },
    // r8
    { 'N° marché': 'R-7', Objet: 'Fourniture de sel', 'Montant HT': 500, 'Date de notification': day('2025-12-31'), 'Réunion de cadrage': 'Oui', 'Réunions de bilan': 0, 'Durée (mois)': 0 },
    // r9: « 1,5 » avenant is not whole
    { 'N° marché': 'R-8', Objet: 'Petit outillage', 'Montant HT': 700, 'Date de notification': day('2025-05-05'), 'Nb avenants': '1,5' },
  ]);
  return toBytes(wb);
}

// ─── I: date-times at the year boundary, more Cibles / Saisies ─────────────

export const FILE_I = 'Limites-Horodatage.xlsx';
export const SHEET_I = 'Commandes';
const HEADER_I = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Programmé'];

function at(iso: string, h: number, m: number): Date {
  const d = day(iso);
  return new Date(d.getTime() + (h * 60 + m) * 60000);
}

export async function workbookI(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_I);
  table(ws, 1, HEADER_I, [
    { 'N° marché': 'T-1', Objet: 'Maintenance des ascenseurs', 'Montant HT': 100, 'Date de notification': at('2025-12-31', 23, 59), Programmé: 'Oui' }, // r2
    { 'N° marché': 'T-2', Objet: 'Travaux de voirie', 'Montant HT': 200, 'Date de notification': at('2026-01-01', 0, 0), Programmé: 'Oui' }, // r3
    { 'N° marché': 'T-3', Objet: 'Achat de sel', 'Montant HT': 300, 'Date de notification': at('2026-01-01', 0, 30), Programmé: 'Non' }, // r4
    { 'N° marché': 'T-4', Objet: 'Location de nacelles', 'Montant HT': 400, 'Date de notification': at('2025-06-01', 12, 0) }, // r5
  ]);
  for (const r of [2, 3, 4, 5]) ws.getRow(r).getCell(4).numFmt = 'dd/mm/yyyy hh:mm';
  const c = wb.addWorksheet('Cibles');
  table(c, 1, ['Indicateur', 'Année', 'Cible', 'Sens'], [
    { Indicateur: '2.1.1-programmes-nb', Année: 2026, Cible: 50, Sens: '<' }, // r2
    { Indicateur: '2.1.1-programmes-montant', Année: 2026, Cible: 40, Sens: 'max' }, // r3
    { Indicateur: '1.2.1-formations', Année: 2026, Cible: 2, Sens: '≥' }, // r4 indicator without value
    { Indicateur: '2.1.1-programmes-nb', Année: 2025, Cible: 60, Sens: '≥' }, // r5 N−1
  ]);
  const s = wb.addWorksheet('Saisies manuelles');
  table(s, 1, ['Indicateur', 'Année', 'Valeur', 'Source'], [
    { Indicateur: '1.1.2-dataviz', Année: 2026, Valeur: 5, Source: 'Communication' }, // r2 computed indicator
    { Indicateur: '2.1.4-cout-global', Année: 2025, Valeur: 2, Source: 'Service achats' }, // r3 N−1
  ]);
  return toBytes(wb);
}

// ─── J: Cibles / Saisies written as text, targets on dataviz and a breakdown ─

export const FILE_J = 'Limites-Textes.xlsx';
export const SHEET_J = 'Suivi';
const HEADER_J = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Délai de paiement', 'Code postal', 'Titulaire'];

export async function workbookJ(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  register(wb, SHEET_J, HEADER_J, [
    { 'N° marché': 'J-1', Objet: 'Maintenance des ascenseurs', 'Montant HT': 1000, 'Date de notification': day('2025-03-03'), 'Délai de paiement': 20, 'Code postal': '59100', Titulaire: 'Ascenseurs Martin' },
    { 'N° marché': 'J-2', Objet: 'Travaux de voirie', 'Montant HT': 3000, 'Date de notification': day('2025-04-04'), 'Délai de paiement': 25, 'Code postal': '59170', Titulaire: 'Voirie du Nord' },
  ]);
  const c = wb.addWorksheet('Cibles');
  table(c, 1, ['Indicateur', 'Année', 'Cible', 'Sens'], [
    { Indicateur: '2.1.5-delai-paiement', Année: '2025', Cible: '22,5 jours', Sens: '≤' }, // r2
    { Indicateur: '1.1.2-dataviz', Année: 2025, Cible: 0 }, // r3
    { Indicateur: '5.1.1-fournisseurs-zone', Année: 2025, Cible: 50, Sens: '≥' }, // r4 breakdown
    { Indicateur: '5.1.1-montant-moyen-roubaix', Année: 2025, Cible: 1500, Sens: '≥' }, // r5
  ]);
  const s = wb.addWorksheet('Saisies manuelles');
  table(s, 1, ['Indicateur', 'Année', 'Valeur', 'Source'], [
    { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Valeur: '12 %', Source: 'Service achats' }, // r2
    { Indicateur: '3.2.1-mobilier-reemploye', Année: '2025', Valeur: 8, Source: 'Magasin' }, // r3
  ]);
  return toBytes(wb);
}

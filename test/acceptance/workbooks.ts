/**
 * Two buyers' workbooks built by hand, in house styles nobody wrote the code
 * for: title rows, French formats, a totals row, deliberate errors. Every
 * expected number of the acceptance test is computed from these rows by hand.
 *
 * File A « Ressources-Proximite.xlsx »: a `Pôle gestionnaire` column (two Pôles),
 *   sheets `Suivi 2025` (register, header on row 4), `Actions SPASER`,
 *   `Objectifs COPIL` (Cibles), `Saisies manuelles`.
 * File B « Pôle Éducation.xlsx »: no Pôle column (Pôle = file name), no
 *   programme / innovant / critère env. / délai columns; sheets `Marchés`
 *   (register, header on row 3) and `Suivi insertion`.
 */
import ExcelJS from 'exceljs';
import { day, table } from './helpers';

export const FILE_A = 'Ressources-Proximite.xlsx';
export const FILE_B = 'Pôle Éducation.xlsx';
export const SHEET_A = 'Suivi 2025';
export const SHEET_B = 'Marchés';

const NBSP = '\u00a0';


type Cell = ExcelJS.CellValue;


// ─── File A ───────────────────────────────────────────────────────────────

export const HEADER_A = [
  'N° Marché',
  'Intitulé',
  'Pôle gestionnaire',
  'Type de procédure',
  'Date notif.',
  'Durée (en mois)',
  'Montant HT (en €)',
  'Montant TTC (€)',
  'Mandaté HT',
  'Programmé (O/N)',
  'Hors marché',
  'Récurrent',
  "Clause d'insertion",
  'Critère DD',
  'Clause verte',
  'Marché réservé',
  'Innovant ?',
  'Attributaire',
  'N° SIRET',
  'CP',
  'Ville',
  'Taille entreprise',
  "Nb d'avenants",
  'Dont prolongations',
  "Heures d'insertion réalisées",
  'Nbre offres reçues',
  'Délai global de paiement (jours)',
  'Négocié',
  'Gain achat (€)',
  'Code CPV',
] as const;

const RES = 'Pôle Ressources';
const PROX = 'Pôle Proximité';

/** Rows of `Suivi 2025`, from sheet row 5 (null = empty row). */
const ROWS_A: (Record<string, Cell> | null)[] = [
  // row 5
  {
    'N° Marché': '2025-001', Intitulé: 'Nettoyage des locaux administratifs', 'Pôle gestionnaire': RES,
    'Type de procédure': 'AOO', 'Date notif.': day('2025-02-03'), 'Durée (en mois)': 36,
    'Montant HT (en €)': 120000, 'Montant TTC (€)': 144000, 'Mandaté HT': `12${NBSP}500,00${NBSP}€`,
    'Programmé (O/N)': 'Oui', Récurrent: 'Oui', "Clause d'insertion": 'Oui', 'Critère DD': 'x', 'Innovant ?': 'NON',
    Attributaire: 'Net Plus SAS', 'N° SIRET': 73282932000074, CP: 59100, Ville: 'Roubaix', 'Taille entreprise': 'PME',
    "Nb d'avenants": 2, 'Dont prolongations': 1, "Heures d'insertion réalisées": 280, 'Nbre offres reçues': 4,
    'Délai global de paiement (jours)': 25, Négocié: 'Non', 'Code CPV': '90910000-9',
  },
  // row 6
  {
    'N° Marché': '2025-002', Intitulé: 'Fournitures de bureau', 'Pôle gestionnaire': RES,
    'Type de procédure': 'MAPA', 'Date notif.': '05/03/2025', 'Durée (en mois)': 12,
    'Montant HT (en €)': '1.234,56', 'Montant TTC (€)': '1.481,47',
    'Programmé (O/N)': 'NON', "Clause d'insertion": 'NON', 'Critère DD': '✓', 'Clause verte': 'Oui', 'Marché réservé': 'Non',
    Attributaire: 'Bureau Nord SARL', 'N° SIRET': 44306184100047, CP: 59000, Ville: 'Lille', 'Taille entreprise': 'TPE',
    "Nb d'avenants": 0, 'Dont prolongations': 0, 'Nbre offres reçues': 3,
    'Délai global de paiement (jours)': 45, Négocié: 'Oui', 'Gain achat (€)': 200, 'Code CPV': '30192000-1',
  },
  // row 7: date as a bare Excel serial (45748 = 01/04/2025), SIRET failing Luhn, CP typed 8000
  {
    'N° Marché': '2025-003', Intitulé: 'Maintenance du parc informatique', 'Pôle gestionnaire': RES,
    'Type de procédure': 'Procédure adaptée', 'Date notif.': 45748, 'Durée (en mois)': 24,
    'Montant HT (en €)': 48000, 'Montant TTC (€)': 57600, 'Mandaté HT': 20000,
    'Programmé (O/N)': 'N', Récurrent: 'Oui',
    Attributaire: 'Info Services', 'N° SIRET': 12345678901234, CP: 8000, Ville: 'Charleville-Mézières', 'Taille entreprise': 'ETI',
    "Nb d'avenants": 1, 'Dont prolongations': 1, 'Nbre offres reçues': 2,
    'Délai global de paiement (jours)': 30, Négocié: 'Non', 'Code CPV': '72500000',
  },
  // row 8: hours without clause
  {
    'N° Marché': '2025-004', Intitulé: 'Entretien des espaces verts', 'Pôle gestionnaire': PROX,
    'Type de procédure': 'MAPA', 'Date notif.': day('2025-04-15'), 'Durée (en mois)': 12,
    'Montant HT (en €)': `30${NBSP}000,00 €`, 'Montant TTC (€)': 36000, 'Mandaté HT': 18000,
    'Programmé (O/N)': 'Oui', 'Hors marché': 'Non', Récurrent: 'Non', "Clause d'insertion": 'NON', 'Clause verte': 'Oui', 'Innovant ?': 'NON',
    Attributaire: 'Jardins de Flandre', 'N° SIRET': 51234567800019, CP: 59150, Ville: 'Wattrelos', 'Taille entreprise': 'TPE',
    "Nb d'avenants": 1, 'Dont prolongations': 0, "Heures d'insertion réalisées": 40, 'Nbre offres reçues': 5,
    'Délai global de paiement (jours)': 20, Négocié: 'Oui', 'Gain achat (€)': 1500, 'Code CPV': '77310000-6',
  },
  // row 9: 4 prolongations for 3 avenants → error
  {
    'N° Marché': '2025-005', Intitulé: 'Travaux de réfection de toiture', 'Pôle gestionnaire': PROX,
    'Type de procédure': "Appel d'offres ouvert", 'Date notif.': '12/05/2025', 'Durée (en mois)': 6,
    'Montant HT (en €)': 250000, 'Montant TTC (€)': 300000, 'Mandaté HT': 100000,
    'Programmé (O/N)': 'Oui', "Clause d'insertion": 'Oui', 'Critère DD': 'Oui', 'Clause verte': 'Oui',
    Attributaire: 'Toitures Lilloises', 'N° SIRET': 77123456700093, CP: 59170, Ville: 'Croix', 'Taille entreprise': 'PME',
    "Nb d'avenants": 3, 'Dont prolongations': 4, "Heures d'insertion réalisées": 500, 'Nbre offres reçues': 3,
    'Délai global de paiement (jours)': 22, Négocié: 'Non', 'Code CPV': '45261000-4',
  },
  // row 10: order outside any contract; CPV of 7 digits
  {
    'N° Marché': '2025-006', Intitulé: 'Fourniture de carburant', 'Pôle gestionnaire': PROX,
    'Type de procédure': 'Sans publicité', 'Date notif.': day('2025-06-02'), 'Durée (en mois)': 12,
    'Montant HT (en €)': 8000, 'Montant TTC (€)': 9600, 'Mandaté HT': 7500,
    'Programmé (O/N)': 'NON', 'Hors marché': 'Oui', Récurrent: 'Non',
    Attributaire: 'Station Nord', 'N° SIRET': 39123456700025, CP: 59100, 'Taille entreprise': 'GE',
    'Nbre offres reçues': 1, 'Délai global de paiement (jours)': 28, Négocié: 'Non', 'Code CPV': '0913400',
  },
  // row 11: same supplier as row 5; reserved SIAE; innovative; delay 35
  {
    'N° Marché': '2025-007', Intitulé: 'Gardiennage des bâtiments', 'Pôle gestionnaire': PROX,
    'Type de procédure': 'PCN', 'Date notif.': day('2025-07-01'), 'Durée (en mois)': 24,
    'Montant HT (en €)': 60000, 'Montant TTC (€)': 72000, 'Mandaté HT': 25000,
    'Programmé (O/N)': 'Oui', 'Hors marché': 'Non', Récurrent: 'Oui', "Clause d'insertion": 'Oui', 'Critère DD': 'x',
    'Marché réservé': 'SIAE', 'Innovant ?': 'Oui',
    Attributaire: 'NET PLUS', 'N° SIRET': 73282932000074, CP: 59100, Ville: 'Roubaix', 'Taille entreprise': 'PME',
    "Nb d'avenants": 0, 'Dont prolongations': 0, "Heures d'insertion réalisées": 150, 'Nbre offres reçues': 6,
    'Délai global de paiement (jours)': 35, Négocié: 'Oui', 'Gain achat (€)': 3000, 'Code CPV': '79710000-4',
  },
  // row 12: no numero → error
  {
    Intitulé: 'Location de photocopieurs', 'Pôle gestionnaire': RES, 'Type de procédure': 'MAPA',
    'Date notif.': day('2025-08-01'), 'Durée (en mois)': 36, 'Montant HT (en €)': 15000, 'Montant TTC (€)': 18000,
    'Programmé (O/N)': 'Oui', Attributaire: 'Copie Service', 'N° SIRET': 55123456700065, CP: 59800, Ville: 'Lille',
  },
  // row 13: amount from a lookup that failed (#N/A cached) → error
  {
    'N° Marché': '2025-008', Intitulé: 'Étude de circulation', 'Pôle gestionnaire': PROX, 'Type de procédure': 'MAPA',
    'Date notif.': day('2025-09-10'), 'Durée (en mois)': 6,
    'Montant HT (en €)': { formula: 'VLOOKUP(A13,Tarifs!A:B,2,FALSE)', result: { error: '#N/A' } } as unknown as Cell,
    'Programmé (O/N)': 'Non', Attributaire: 'Mobilité Conseil', 'N° SIRET': 42123456700046, CP: 59000, Ville: 'Lille',
  },
  // row 14: negative amount → error
  {
    'N° Marché': '2025-009', Intitulé: 'Vérification des installations de chauffage', 'Pôle gestionnaire': RES,
    'Type de procédure': 'MAPA', 'Date notif.': day('2025-10-01'), 'Durée (en mois)': 12,
    'Montant HT (en €)': -5000, 'Programmé (O/N)': 'Oui', Attributaire: 'Chauffage Plus', CP: 59100, Ville: 'Roubaix',
  },
  // row 15: empty
  null,
  // row 16: wording suggests innovation (not declared); gain without negotiation; supplier known only by a commune outside the MEL
  {
    'N° Marché': '2025-010', Intitulé: "Partenariat d'innovation pour l'éclairage public", 'Pôle gestionnaire': PROX,
    'Type de procédure': 'Autre', 'Date notif.': day('2025-11-20'), 'Durée (en mois)': 48,
    'Montant HT (en €)': 90000, 'Montant TTC (€)': 108000,
    'Hors marché': 'Non', Récurrent: 'Non', "Clause d'insertion": 'Non', 'Critère DD': 'NON', 'Clause verte': 'Non', 'Marché réservé': 'Non',
    Attributaire: 'Lumière & Cie', Ville: 'Paris',
    "Nb d'avenants": 0, 'Dont prolongations': 0, 'Nbre offres reçues': 1, Négocié: 'Non', 'Gain achat (€)': 500,
    'Code CPV': '34993000-4',
  },
  // row 17: N−1
  {
    'N° Marché': '2024-009', Intitulé: 'Transport scolaire', 'Pôle gestionnaire': RES,
    'Type de procédure': 'AOO', 'Date notif.': day('2024-09-02'), 'Durée (en mois)': 12,
    'Montant HT (en €)': 40000, 'Montant TTC (€)': 48000, 'Mandaté HT': 38000,
    'Programmé (O/N)': 'Oui', Récurrent: 'Oui', "Clause d'insertion": 'Oui',
    Attributaire: 'Cars du Nord', 'N° SIRET': 80123456700031, CP: 59100, Ville: 'Roubaix', 'Taille entreprise': 'PME',
    "Nb d'avenants": 1, 'Dont prolongations': 1, "Heures d'insertion réalisées": 100, 'Nbre offres reçues': 3,
    'Délai global de paiement (jours)': 32, Négocié: 'Oui', 'Gain achat (€)': 1000, 'Code CPV': '60130000-8',
  },
  // row 18: N−1, date as text
  {
    'N° Marché': '2024-010', Intitulé: 'Maintenance des ascenseurs', 'Pôle gestionnaire': PROX,
    'Type de procédure': 'MAPA', 'Date notif.': '15/03/2024', 'Durée (en mois)': 12,
    'Montant HT (en €)': 10000, 'Montant TTC (€)': 12000,
    'Programmé (O/N)': 'Non', Récurrent: 'Non', 'Critère DD': 'Oui', 'Marché réservé': 'Non',
    Attributaire: 'Ascenseurs Services', 'N° SIRET': 42123456700046, CP: 59200, Ville: 'Tourcoing', 'Taille entreprise': 'PME',
    "Nb d'avenants": 0, 'Dont prolongations': 0, 'Nbre offres reçues': 2,
    'Délai global de paiement (jours)': 28, Négocié: 'Non', 'Code CPV': '50750000-7',
  },
  // row 19: totals (not a row)
  {
    Intitulé: 'Total :',
    'Montant HT (en €)': { formula: 'SUM(G5:G18)', result: 671234.56 } as unknown as Cell,
    'Montant TTC (€)': { formula: 'SUM(H5:H18)', result: 805481.47 } as unknown as Cell,
    'Mandaté HT': { formula: 'SUM(I5:I18)', result: 208500 } as unknown as Cell,
  },
];

function buildA(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET_A);
  ws.getCell('A1').value = 'Suivi des marchés — Pôles Ressources et Proximité';
  ws.mergeCells('A1:H1');
  ws.getCell('A2').value = 'Mise à jour le 12/01/2026';
  // row 3 left empty
  table(ws, 4, HEADER_A, ROWS_A);

  const actions = wb.addWorksheet('Actions SPASER');
  table(actions, 1, ['Date', "Type d'action", 'Thème', 'Nb participants'], [
    { Date: day('2025-03-12'), "Type d'action": 'Formation', Thème: 'Achat responsable : les bases', 'Nb participants': 12 },
    { Date: '20/06/2025', "Type d'action": 'formation', Thème: 'Rédiger une clause sociale', 'Nb participants': 8 },
    { Date: day('2025-09-15'), "Type d'action": 'Atelier', Thème: 'Sourçage des fournisseurs', 'Nb participants': 15 },
    { Date: day('2025-11-05'), "Type d'action": 'Évènement', Thème: 'Forum des fournisseurs locaux', 'Nb participants': 60 },
    { Date: day('2025-12-01'), "Type d'action": 'COPIL', Thème: 'COPIL SPASER', 'Nb participants': 10 },
    { Date: day('2024-10-10'), "Type d'action": 'Formation', Thème: 'Formation 2024', 'Nb participants': 20 },
  ]);

  const cibles = wb.addWorksheet('Objectifs COPIL');
  table(cibles, 1, ['Indicateur', 'Année', 'Cible', 'Sens'], [
    { Indicateur: '4.1.2-consideration-sociale', Année: 2025, Cible: 25, Sens: '≥' },
    { Indicateur: '2.1.5-delai-paiement', Année: 2025, Cible: 31, Sens: '≤' },
    { Indicateur: '3.1.1-consideration-env', Année: 2025, Cible: 100 },
    { Indicateur: '1.2.1-formations', Année: 2025, Cible: 2, Sens: '≥' },
    { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Cible: 10, Sens: '≥' },
    { Indicateur: '5.1.1-fournisseurs-zone', Année: 2025, Cible: 50, Sens: '≥' },
    { Indicateur: '2.1.3-sourcage', Année: 2025, Cible: 5, Sens: '≥' },
    { Indicateur: '4.2.2-clause-sociale-nb', Année: 2024, Cible: 1, Sens: '≥' },
  ]);

  const saisies = wb.addWorksheet('Saisies manuelles');
  table(saisies, 1, ['Indicateur', 'Année', 'Valeur', 'Source'], [
    { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Valeur: 12.5, Source: 'Service logistique' },
    { Indicateur: '3.2.1-fournitures-evitees', Année: 2024, Valeur: 10, Source: 'Service logistique' },
    { Indicateur: '4.2.2-clause-sociale-nb', Année: 2025, Valeur: 99, Source: 'Estimation du facilitateur' },
  ]);
}

// ─── File B ───────────────────────────────────────────────────────────────

export const HEADER_B = [
  'N° du marché',
  'Objet de la prestation',
  'Procédure',
  'Date notification',
  'Durée',
  'Montant HT notifié',
  'Réalisé HT',
  'Achat hors marché',
  'Clause sociale (O/N)',
  "Marché d'insertion",
  'Clause environnementale',
  'Titulaire',
  'SIRET',
  'Code postal',
  'Commune',
  'Pays',
  'Effectif',
  'Avenants',
  'Offres reçues',
  "Famille d'achat",
  'Réunion de lancement',
  'Nb bilans',
  'Type de structure',
  "Mode d'acquisition",
  "Centrale d'achat",
  'Réemploi (€ HT)',
] as const;

/** Rows of `Marchés`, from sheet row 4. */
const ROWS_B: (Record<string, Cell> | null)[] = [
  // row 4
  {
    'N° du marché': 'E-2025-01', 'Objet de la prestation': 'Repas des cantines scolaires', Procédure: 'AOO',
    'Date notification': day('2025-01-20'), Durée: 48, 'Montant HT notifié': `200${NBSP}000,00`, 'Réalisé HT': 150000,
    'Achat hors marché': 'Non', 'Clause sociale (O/N)': 'Oui', "Marché d'insertion": 'Oui', 'Clause environnementale': 'Oui',
    Titulaire: 'Cuisine Solidaire', SIRET: '341 234 567 00053', 'Code postal': '59100', Commune: 'Roubaix', Effectif: 45,
    Avenants: 1, 'Offres reçues': 5, "Famille d'achat": 'REST-01', 'Réunion de lancement': 'Oui', 'Nb bilans': 2,
    'Type de structure': 'SIAE', "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Non', 'Réemploi (€ HT)': 5000,
  },
  // row 5: foreign supplier
  {
    'N° du marché': 'E-2025-02', 'Objet de la prestation': 'Achat de mobilier scolaire', Procédure: 'MAPA',
    'Date notification': '14/02/2025', Durée: 2, 'Montant HT notifié': 45000, 'Réalisé HT': 45000,
    'Achat hors marché': 'Non', 'Clause sociale (O/N)': 'Non', "Marché d'insertion": 'Non', 'Clause environnementale': 'Oui',
    Titulaire: 'Möbel Schmidt GmbH', 'Code postal': '10115', Commune: 'Berlin', Pays: 'Allemagne', Effectif: 300,
    Avenants: 0, 'Offres reçues': 4, "Famille d'achat": 'MOB-02', 'Réunion de lancement': 'Oui', 'Nb bilans': 1,
    'Type de structure': 'Autre', "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Oui', 'Réemploi (€ HT)': 0,
  },
  // row 6: no competition; lease; no spend yet
  {
    'N° du marché': 'E-2025-03', 'Objet de la prestation': 'Location de photocopieurs', Procédure: 'Gré à gré',
    'Date notification': day('2025-03-10'), Durée: 12, 'Montant HT notifié': 6000,
    'Achat hors marché': 'Non', 'Clause sociale (O/N)': 'Non', "Marché d'insertion": 'Non', 'Clause environnementale': 'Non',
    Titulaire: 'Copie Service', SIRET: 55123456700065, 'Code postal': 59800, Commune: 'Lille', Pays: 'France', Effectif: 8,
    Avenants: 0, 'Offres reçues': 1, 'Réunion de lancement': 'Non',
    "Mode d'acquisition": 'Location', "Centrale d'achat": 'Non',
  },
  // row 7
  {
    'N° du marché': 'E-2025-04', 'Objet de la prestation': 'Transport des classes de découverte', Procédure: 'MAPA',
    'Date notification': day('2025-04-07'), Durée: 12, 'Montant HT notifié': 18000, 'Réalisé HT': 9000,
    'Clause sociale (O/N)': 'Non',
    Titulaire: 'Autocars Dupont', SIRET: 48123456700073, 'Code postal': 62000, Commune: 'Arras', Effectif: 120,
    Avenants: 2, 'Offres reçues': 3, "Famille d'achat": 'TRA-01', 'Réunion de lancement': 'Oui', 'Nb bilans': 1,
    'Type de structure': 'Autre', "Mode d'acquisition": "Achat d'usage", "Centrale d'achat": 'Non',
  },
  // row 8: same numero as A's 2025-001 (spaces differ), same year → doublon when A comes first
  {
    'N° du marché': ' 2025 -001', 'Objet de la prestation': 'Nettoyage du groupe scolaire', Procédure: 'MAPA',
    'Date notification': day('2025-05-05'), Durée: 12, 'Montant HT notifié': 22000, 'Réalisé HT': 11000,
    'Achat hors marché': 'Non', 'Clause sociale (O/N)': 'Non', "Marché d'insertion": 'Non', 'Clause environnementale': 'Non',
    Titulaire: 'Propreté 59', SIRET: 38123456700109, 'Code postal': 59100, Commune: 'Roubaix', Effectif: 30,
    Avenants: 0, 'Offres reçues': 2, "Famille d'achat": 'NET-01', 'Réunion de lancement': 'Oui', 'Nb bilans': 1,
    'Type de structure': 'Autre', "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Non',
  },
  // row 9: order outside any contract
  {
    'N° du marché': 'E-2025-05', 'Objet de la prestation': 'Fournitures scolaires', Procédure: 'MAPA',
    'Date notification': day('2025-06-16'), 'Montant HT notifié': '3 200,50', 'Réalisé HT': 3100,
    'Achat hors marché': 'Oui', 'Clause sociale (O/N)': 'Non', "Marché d'insertion": 'Non', 'Clause environnementale': 'Non',
    Titulaire: 'Librairie du Centre', SIRET: 66123456700088, 'Code postal': 59100, Commune: 'Roubaix', Effectif: 5,
    Avenants: 0, 'Réunion de lancement': 'Non', 'Nb bilans': 0,
    'Type de structure': 'Autre', "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Oui',
  },
  // row 10: notified in 1999 → error
  {
    'N° du marché': 'E-1999-01', 'Objet de la prestation': 'Travaux de peinture', Procédure: 'MAPA',
    'Date notification': '30/06/1999', Durée: 3, 'Montant HT notifié': 12000,
    Titulaire: 'Peintures Réunies', 'Code postal': 59100, Commune: 'Roubaix',
  },
  // row 11: N−1
  {
    'N° du marché': 'E-2024-01', 'Objet de la prestation': 'Entretien des locaux scolaires', Procédure: 'AOO',
    'Date notification': day('2024-11-04'), Durée: 12, 'Montant HT notifié': 50000, 'Réalisé HT': 20000,
    'Achat hors marché': 'Non', 'Clause sociale (O/N)': 'Oui', "Marché d'insertion": 'Non', 'Clause environnementale': 'Non',
    Titulaire: 'Net Plus SAS', SIRET: 73282932000074, 'Code postal': 59100, Commune: 'Roubaix', Effectif: 60,
    Avenants: 0, 'Offres reçues': 2, "Famille d'achat": 'NET-01', 'Réunion de lancement': 'Oui', 'Nb bilans': 0,
    'Type de structure': 'Autre', "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Non',
  },
];

const HEADER_SUIVI = ['N° Marché', 'Participant (ID)', 'Sexe', 'Ville de résidence', 'QPV', 'Type de contrat', 'Nb heures', 'Date début'];

function buildB(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET_B);
  ws.getCell('A1').value = 'Pôle Éducation — tableau de bord des marchés';
  ws.mergeCells('A1:F1');
  table(ws, 3, HEADER_B, ROWS_B);

  const suivi = wb.addWorksheet('Suivi insertion');
  suivi.getCell('A1').value = 'Clauses sociales — données du facilitateur PLIE';
  table(suivi, 2, HEADER_SUIVI, [
    // row 3
    { 'N° Marché': '2025-001', 'Participant (ID)': 'BEN-01', 'Ville de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDDI', 'Nb heures': 120, 'Date début': day('2025-03-01') },
    // row 4
    { 'N° Marché': '2025-001', 'Participant (ID)': 'BEN-02', Sexe: 'H', 'Ville de résidence': 'Tourcoing', QPV: 'Non', 'Type de contrat': 'CDD', 'Nb heures': 100, 'Date début': day('2025-03-01') },
    // row 5
    { 'N° Marché': '2025-001', 'Participant (ID)': 'BEN-03', QPV: 'x', 'Type de contrat': 'CDD', 'Nb heures': 50, 'Date début': day('2025-04-01') },
    // row 6: BEN-01 again, on B's contract
    { 'N° Marché': 'E-2025-01', 'Participant (ID)': 'ben-01', Sexe: 'F', 'Ville de résidence': 'Lille', QPV: 'Non', 'Type de contrat': 'CDI', 'Nb heures': 200, 'Date début': day('2025-02-01') },
    // row 7
    { 'N° Marché': '2025-001', 'Participant (ID)': 'BEN-06', Sexe: 'F', 'Ville de résidence': 'Wattrelos', 'Type de contrat': 'Apprentissage', 'Nb heures': 30, 'Date début': day('2025-09-01') },
    // row 8: contract of N−1
    { 'N° Marché': '2024-009', 'Participant (ID)': 'BEN-04', Sexe: 'H', 'Ville de résidence': 'Lille', QPV: 'Non', 'Type de contrat': 'CDD', 'Nb heures': 80, 'Date début': day('2024-10-01') },
    // row 9: no such contract
    { 'N° Marché': '2025-999', 'Participant (ID)': 'BEN-05', Sexe: 'H', 'Ville de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDI', 'Nb heures': 400, 'Date début': day('2025-05-01') },
  ]);
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  return new Uint8Array(buf);
}

export async function workbookA(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  buildA(wb);
  return toBytes(wb);
}

export async function workbookB(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  buildB(wb);
  return toBytes(wb);
}

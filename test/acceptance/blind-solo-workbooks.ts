/**
 * Blind acceptance « solo »: ONE buyer workbook of the Pôle Cadre de Vie, in a house style
 * nobody coded for (built from the spec only, before reading the code):
 *
 * - no Pôle column: the Pôle comes from the file name;
 * - sheet « Registre 2025 »: a merged title cell (row 1), a subtitle (row 2), merged group
 *   headers (row 3), then the register as an Excel table (ExcelJS `addTable`) whose header is
 *   row 4, with a totals row (« TOTAL : » in the Service column);
 * - headers spelled differently from `champs.md` (line breaks, units in brackets, `Nb`/`N°`,
 *   accents missing or in capitals);
 * - French formats: amounts as text with narrow no-break spaces and « € HT », decimal commas,
 *   real numbers with a currency format; dates as real dates, day-first text, ISO text, a
 *   date serial stored as a number, `jj.mm.aaaa`, `jj/mm/aa`; yes/no as « x », « OUI »,
 *   « non », « ✓ », « - », « n », « oui (cf. CCAP) »; a formula with a cached result; a
 *   rich-text cell; SIRETs and postal codes stored as numbers (leading zero lost);
 * - companion sheets « Suivi insertion », « Cibles », « Saisies manuelles ».
 */
import ExcelJS from 'exceljs';
import { writeRows } from './helpers';

export const FILE_SOLO = 'Achats Cadre de Vie 2025.xlsx';
export const SHEET_SOLO = 'Registre 2025';

/** Luhn-valid SIRETs (checked by hand with a Luhn sum). A begins with 0 and is stored as a number. */
export const SIRET_A = '05421076510026';
export const SIRET_B = '44712109900017';
export const SIRET_C = '33087123400051';

export const HEADER_SOLO = [
  'Service', // direction
  'N°\nmarché', // numero
  'OBJET DU MARCHE', // objet
  'Mode de passation', // procedure
  'Date notif.', // dateNotification
  'Montant notifié\n(€ HT)', // montant
  'Montant mandaté\n(en €)', // montantMandate
  'Programmé ?', // programme
  'Récurrent (O/N)', // recurrent
  'Nb avenants', // nbAvenants
  'Nb prolongations', // nbAvenantsProlongation
  "Famille d'achat", // codeNomenclature
  'Nb offres', // offresRecues
  'Négocié ?', // negociation
  'Gain achat\n(€ HT)', // gainNegociation
  'Délai global\nde paiement (j)', // delaiPaiement
  'CLAUSE\nSOCIALE', // clauseSociale
  'Marche reserve', // marcheReserve
  'Heures réalisées', // heuresInsertionRealisees
  'Clause env.', // clauseEnvironnementale
  'Critère DD', // critereEnvironnemental
  'UGAP', // centraleAchat
  'Innovation', // marcheInnovant
  'ATTRIBUTAIRE', // titulaire
  'N° SIRET', // siret
  'CP', // codePostalTitulaire
  'Ville', // communeTitulaire
  'TPE/PME', // categorieEntreprise
  'Nb salariés', // effectifTitulaire
  'Type de structure', // structureTitulaire
  'Observations', // commentaires
] as const;

type Header = (typeof HEADER_SOLO)[number];
type Cell = ExcelJS.CellValue;
type RowSpec = Partial<Record<Header, Cell>>;

const NNBSP = '\u202F';
const NBSP = '\u00A0';

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * The register rows, in sheet order. `sheetRow` comments give the row number the user sees
 * (title rows 1–3, table header row 4, first data row 5).
 */
export const ROWS_SOLO: RowSpec[] = [
  // row 5 — CV-2025-001
  {
    Service: 'Espaces verts',
    'N°\nmarché': 'CV-2025-001',
    'OBJET DU MARCHE': { richText: [{ text: 'Entretien des ' }, { font: { bold: true }, text: 'parcs et jardins' }] },
    'Mode de passation': 'MAPA',
    'Date notif.': day('2025-01-20'),
    'Montant notifié\n(€ HT)': 48000,
    'Montant mandaté\n(en €)': '31 250,50 €',
    'Programmé ?': 'x',
    'Récurrent (O/N)': 'OUI',
    'Nb avenants': 1,
    'Nb prolongations': 1,
    "Famille d'achat": 'ESP-01',
    'Nb offres': 4,
    'Négocié ?': 'oui',
    'Gain achat\n(€ HT)': `2${NNBSP}400,00${NBSP}€ HT`,
    'Délai global\nde paiement (j)': 28,
    'CLAUSE\nSOCIALE': 'x',
    'Marche reserve': 'Non',
    'Clause env.': 'non',
    'Critère DD': 'x',
    ATTRIBUTAIRE: 'Espaces Verts du Nord SARL',
    Ville: 'Roubaix Cedex 1',
    'Nb salariés': 8,
  },
  // row 6 — CV-2025-002
  {
    Service: 'Voirie',
    'N°\nmarché': 'CV-2025-002',
    'OBJET DU MARCHE': 'Réfection de trottoirs rue de Lannoy',
    'Mode de passation': 'AOO',
    'Date notif.': '3/2/2025',
    'Montant notifié\n(€ HT)': `185${NNBSP}000,00${NBSP}€ HT`,
    'Montant mandaté\n(en €)': 120000,
    'Programmé ?': 'OUI',
    'Récurrent (O/N)': 'non',
    'Nb avenants': 2,
    'Nb prolongations': 0,
    "Famille d'achat": 'VOI-02',
    'Nb offres': 6,
    'Négocié ?': 'non',
    'Délai global\nde paiement (j)': '35 jours',
    'CLAUSE\nSOCIALE': '✓',
    'Clause env.': 'x',
    'Critère DD': 'x',
    ATTRIBUTAIRE: 'Voirie Lilloise SAS',
    'N° SIRET': SIRET_B,
    CP: '59000',
    Ville: 'Lille',
    'TPE/PME': 'ETI',
  },
  // row 7 — CV-2025-003
  {
    Service: 'Mobilier urbain',
    'N°\nmarché': 'CV-2025-003',
    'OBJET DU MARCHE': 'Fourniture de bancs et corbeilles',
    'Mode de passation': 'Procédure adaptée',
    'Date notif.': 45700, // serial of 12/02/2025, stored as a plain number
    'Montant notifié\n(€ HT)': 36500,
    'Montant mandaté\n(en €)': { formula: 'F7*0.5', result: 18250 },
    'Programmé ?': 'x',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'MOB-01',
    'Nb offres': 3,
    'Négocié ?': 'x',
    'Gain achat\n(€ HT)': 1500,
    'Délai global\nde paiement (j)': 20,
    'CLAUSE\nSOCIALE': 'non',
    'Marche reserve': 'Non',
    'Clause env.': 'oui',
    'Critère DD': 'non',
    ATTRIBUTAIRE: 'Mobilier Urbain France SA',
    'N° SIRET': Number(SIRET_C),
    CP: 6000, // 06000, leading zero lost
    Ville: 'Nice',
    'Nb salariés': 5200,
  },
  // row 8 — CV-2024-011 (N−1)
  {
    Service: 'Espaces verts',
    'N°\nmarché': 'CV-2024-011',
    'OBJET DU MARCHE': 'Maintenance des fontaines',
    'Mode de passation': 'MAPA',
    'Date notif.': day('2024-09-15'),
    'Montant notifié\n(€ HT)': 22000,
    'Programmé ?': 'oui',
    'Récurrent (O/N)': 'oui',
    'Nb avenants': 1,
    'Nb prolongations': 1,
    "Famille d'achat": 'EAU-01',
    'Nb offres': 2,
    'Négocié ?': 'non',
    'Délai global\nde paiement (j)': 25,
    'Clause env.': 'x',
    ATTRIBUTAIRE: 'Roubaix Paysage SARL',
    'N° SIRET': Number(SIRET_A), // 13 digits once stored as a number
    CP: 59100,
    Ville: 'Roubaix',
    'Nb salariés': 12,
  },
  // row 9 — CV-2025-004
  {
    Service: 'Propreté',
    'N°\nmarché': 'CV-2025-004',
    'OBJET DU MARCHE': 'Nettoyage des abords des écoles',
    'Mode de passation': 'MAPA',
    'Date notif.': '17/03/2025',
    'Montant notifié\n(€ HT)': '64 800,00',
    'Montant mandaté\n(en €)': '40 000',
    'Programmé ?': 'non',
    'Récurrent (O/N)': 'x',
    'Nb avenants': 1,
    'Nb prolongations': 0,
    "Famille d'achat": 'PRO-01',
    'Nb offres': 1,
    'Négocié ?': 'oui',
    'Gain achat\n(€ HT)': '3 000 €',
    'Délai global\nde paiement (j)': 30,
    'CLAUSE\nSOCIALE': 'OUI',
    'Marche reserve': 'siae',
    ATTRIBUTAIRE: 'Régie de Quartier Roubaix-Est',
    CP: 59100,
    'Nb salariés': 30,
    'Type de structure': 'SIAE',
    Observations: 'Suivi par le facilitateur de la MEL',
  },
  // row 10 — CV-2025-005
  {
    Service: 'Propreté',
    'N°\nmarché': 'CV-2025-005',
    'OBJET DU MARCHE': 'Acquisition de véhicules électriques pour la propreté',
    'Mode de passation': 'AOO',
    'Date notif.': day('2025-04-02'),
    'Montant notifié\n(€ HT)': 210000,
    'Montant mandaté\n(en €)': 210000,
    'Programmé ?': 'x',
    'Récurrent (O/N)': '-',
    'Nb avenants': 0,
    "Famille d'achat": 'VEH-01',
    'Nb offres': 5,
    'Négocié ?': '-',
    'Délai global\nde paiement (j)': 32,
    'CLAUSE\nSOCIALE': '-',
    'Marche reserve': 'Non',
    UGAP: 'oui',
    ATTRIBUTAIRE: 'Propreté Services SAS',
    'N° SIRET': '12345678901234', // fails Luhn
    CP: '59000',
    Ville: 'Lille',
    'Nb salariés': 300,
  },
  // row 11 — no numero (error)
  {
    Service: 'Éclairage',
    'OBJET DU MARCHE': 'Location de nacelles',
    'Mode de passation': 'MAPA',
    'Date notif.': day('2025-04-10'),
    'Montant notifié\n(€ HT)': 9000,
    'Programmé ?': 'non',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'LOC-01',
    'Nb offres': 2,
    'Négocié ?': 'non',
    ATTRIBUTAIRE: 'Nacelles Pévèle',
    CP: 59780,
    'Nb salariés': 45,
  },
  // row 12 — CV-2025-006
  {
    Service: 'Voirie',
    'N°\nmarché': 'CV-2025-006',
    'OBJET DU MARCHE': 'Fourniture de panneaux de signalisation',
    'Mode de passation': 'MAPA',
    'Date notif.': '05/05/2025',
    'Montant notifié\n(€ HT)': `15 600,00${NBSP}€ HT`,
    'Programmé ?': 'non',
    'Récurrent (O/N)': 'non',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    'Nb offres': 2,
    'Négocié ?': 'non',
    'Gain achat\n(€ HT)': 500,
    'Heures réalisées': 120,
    ATTRIBUTAIRE: 'Signalétique Picarde',
    CP: 2100, // 02100, leading zero lost
    Ville: 'Saint-Quentin',
    'TPE/PME': 'PME',
  },
  // row 13 — CV-2025-007
  {
    Service: 'Espaces verts',
    'N°\nmarché': 'CV-2025-007',
    'OBJET DU MARCHE': "Élagage des arbres d'alignement",
    'Mode de passation': 'gré à gré',
    'Date notif.': day('2025-05-20'),
    'Montant notifié\n(€ HT)': 12000,
    'Montant mandaté\n(en €)': 11800,
    'Récurrent (O/N)': 'oui',
    'Nb avenants': 2,
    'Nb prolongations': 1,
    "Famille d'achat": 'ESP-02',
    'Nb offres': 1,
    'Négocié ?': 'oui',
    'Gain achat\n(€ HT)': 0,
    'Délai global\nde paiement (j)': 15,
    'CLAUSE\nSOCIALE': 'non',
    'Marche reserve': 'non',
    'Clause env.': 'non',
    'Critère DD': 'non',
    ATTRIBUTAIRE: 'ESPACES VERTS DU NORD',
    Ville: 'Tourcoing',
    'Nb salariés': 8,
  },
  // row 14 — duplicate of CV-2025-003 (error doublon)
  {
    Service: 'Mobilier urbain',
    'N°\nmarché': 'cv-2025- 003',
    'OBJET DU MARCHE': 'Fourniture de bancs (complément)',
    'Mode de passation': 'MAPA',
    'Date notif.': '20/06/2025',
    'Montant notifié\n(€ HT)': 5000,
    'Programmé ?': 'non',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'MOB-01',
    'Nb offres': 2,
    'Négocié ?': 'non',
    ATTRIBUTAIRE: 'Mobilier Urbain France SA',
    'N° SIRET': Number(SIRET_C),
    CP: 6000,
    Ville: 'Nice',
  },
  // row 15 — CV-2024-012 (N−1)
  {
    Service: 'Voirie',
    'N°\nmarché': 'CV-2024-012',
    'OBJET DU MARCHE': 'Marquage au sol',
    'Mode de passation': 'AOO',
    'Date notif.': '12/11/2024',
    'Montant notifié\n(€ HT)': 40000,
    'Montant mandaté\n(en €)': 38000,
    'Programmé ?': 'non',
    'Récurrent (O/N)': 'non',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'VOI-01',
    'Nb offres': 3,
    'Négocié ?': 'oui',
    'Gain achat\n(€ HT)': 1000,
    'Délai global\nde paiement (j)': 40,
    'CLAUSE\nSOCIALE': 'oui',
    'Marche reserve': 'Non',
    'Heures réalisées': 200,
    'Clause env.': 'non',
    'Critère DD': 'oui',
    ATTRIBUTAIRE: 'Voirie Lilloise SAS',
    'N° SIRET': SIRET_B,
    CP: '59000',
    Ville: 'Lille',
    'TPE/PME': 'ETI',
  },
  // row 16 — CV-2025-008
  {
    Service: 'Bâtiments',
    'N°\nmarché': 'CV-2025-008',
    'OBJET DU MARCHE': 'Travaux de réfection de la mairie annexe',
    'Mode de passation': 'AOO',
    'Date notif.': day('2025-06-30'),
    'Montant notifié\n(€ HT)': 320000,
    'Montant mandaté\n(en €)': '150 000,00 €',
    'Programmé ?': 'oui',
    'Récurrent (O/N)': 'non',
    'Nb avenants': 3,
    'Nb prolongations': 1,
    "Famille d'achat": 'BAT-01',
    'Nb offres': 4,
    'Négocié ?': 'non',
    'Délai global\nde paiement (j)': 45,
    'CLAUSE\nSOCIALE': 'oui (cf. CCAP)',
    'Marche reserve': 'Non',
    'Heures réalisées': 350,
    'Clause env.': '✓',
    'Critère DD': 'oui',
    ATTRIBUTAIRE: 'Roubaix Paysage SARL',
    'N° SIRET': '054 210 765 10026',
    CP: 59100,
    Ville: 'Roubaix',
    'Nb salariés': 12,
  },
  // row 17 — CV-2025-009
  {
    Service: 'Aménagement',
    'N°\nmarché': 'CV-2025-009',
    'OBJET DU MARCHE': "Mission de maîtrise d'œuvre place de la Liberté",
    'Mode de passation': 'PCN',
    'Date notif.': '2025-07-08',
    'Montant notifié\n(€ HT)': '58 400,50',
    'Programmé ?': 'x',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'MOE-01',
    'Nb offres': 3,
    'Négocié ?': 'X',
    'Gain achat\n(€ HT)': `4${NNBSP}250,50${NBSP}€ HT`,
    'Délai global\nde paiement (j)': 21,
    'Clause env.': 'x',
    'Critère DD': 'x',
    ATTRIBUTAIRE: 'Atelier Saint-André',
    Ville: 'St-André-lez-Lille',
    'TPE/PME': 'tpe',
  },
  // row 18 — CV-2025-010
  {
    Service: 'Voirie',
    'N°\nmarché': 'CV-2025-010',
    'OBJET DU MARCHE': "Expérimentation d'un enrobé à froid",
    'Mode de passation': 'Procédure avec négociation',
    'Date notif.': day('2025-07-21'),
    'Montant notifié\n(€ HT)': 75000,
    'Montant mandaté\n(en €)': 30000,
    'Programmé ?': 'non',
    'Récurrent (O/N)': 'non',
    'Nb avenants': 1,
    'Nb prolongations': 0,
    "Famille d'achat": 'VOI-03',
    'Nb offres': 2,
    'Négocié ?': 'oui',
    'Gain achat\n(€ HT)': 2000,
    'Délai global\nde paiement (j)': 29,
    'CLAUSE\nSOCIALE': 'oui',
    'Marche reserve': 'Non',
    'Heures réalisées': 80,
    'Clause env.': 'non',
    'Critère DD': 'non',
    Innovation: '✓',
    ATTRIBUTAIRE: 'Voirie Lilloise',
    CP: '59000',
    Ville: 'Lille',
    'TPE/PME': 'ETI',
  },
  // row 19 — CV-2025-011
  {
    Service: 'Ateliers municipaux',
    'N°\nmarché': 'CV-2025-011',
    'OBJET DU MARCHE': 'Fourniture de papier recyclé pour les ateliers',
    'Mode de passation': 'MAPA',
    'Date notif.': '01.08.2025',
    'Montant notifié\n(€ HT)': 8000,
    'Montant mandaté\n(en €)': 7450.25,
    'Programmé ?': 'x',
    'Récurrent (O/N)': 'x',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'FOU-01',
    'Négocié ?': 'non',
    'Délai global\nde paiement (j)': 18,
    'CLAUSE\nSOCIALE': 'non',
    'Marche reserve': 'ESAT/EA',
    ATTRIBUTAIRE: 'ESAT Les Ateliers de la Lys',
    CP: 59280,
    Ville: 'Armentières',
    'Nb salariés': 80,
    'Type de structure': 'ESAT',
  },
  // row 20 — CV-2025-012 (error prolongations-incoherentes)
  {
    Service: 'Éclairage',
    'N°\nmarché': 'CV-2025-012',
    'OBJET DU MARCHE': "Location de nacelles pour l'éclairage public",
    'Mode de passation': 'MAPA',
    'Date notif.': '09/09/25',
    'Montant notifié\n(€ HT)': 18000,
    'Montant mandaté\n(en €)': '12 600',
    'Programmé ?': 'non',
    'Récurrent (O/N)': 'non',
    'Nb avenants': 1,
    'Nb prolongations': 2,
    "Famille d'achat": 'LOC-01',
    'Nb offres': 2,
    'Négocié ?': 'non',
    ATTRIBUTAIRE: 'Nacelles Pévèle',
    CP: 59780,
    'Nb salariés': 45,
  },
  // row 21 — CV-2024-013 (N−1)
  {
    Service: 'Sports',
    'N°\nmarché': 'CV-2024-013',
    'OBJET DU MARCHE': 'Contrôle des aires de jeux',
    'Mode de passation': 'MAPA',
    'Date notif.': day('2024-03-04'),
    'Montant notifié\n(€ HT)': 6000,
    'Montant mandaté\n(en €)': 6000,
    'Programmé ?': 'x',
    'Récurrent (O/N)': 'x',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'JEU-01',
    'Nb offres': 2,
    'Négocié ?': 'non',
    'Délai global\nde paiement (j)': 31,
    Innovation: 'x',
    ATTRIBUTAIRE: 'Jeux Contrôle Nord',
    CP: 59780,
    'TPE/PME': 'PME',
  },
  // row 22 — CV-2025-013 (error montant-invalide: negative)
  {
    Service: 'Voirie',
    'N°\nmarché': 'CV-2025-013',
    'OBJET DU MARCHE': 'Fourniture de sel de déneigement',
    'Mode de passation': 'MAPA',
    'Date notif.': day('2025-10-06'),
    'Montant notifié\n(€ HT)': '-1 500,00',
    'Programmé ?': 'non',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'VOI-04',
    'Nb offres': 2,
    'Négocié ?': 'non',
    ATTRIBUTAIRE: 'Sel & Déneigement Artois',
    Ville: 'Arras',
    'TPE/PME': 'GE',
  },
  // row 23 — CV-2025-014
  {
    Service: 'Éclairage',
    'N°\nmarché': 'CV-2025-014',
    'OBJET DU MARCHE': "Maintenance de l'éclairage public",
    'Mode de passation': 'AOO',
    'Date notif.': day('2025-10-15'),
    'Montant notifié\n(€ HT)': 96000,
    'Montant mandaté\n(en €)': 24000,
    'Programmé ?': 'oui',
    'Récurrent (O/N)': 'oui',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'ECL-01',
    'Nb offres': 3,
    'Négocié ?': 'non',
    'Délai global\nde paiement (j)': 38,
    'CLAUSE\nSOCIALE': 'n',
    'Marche reserve': 'non',
    'Clause env.': 'non',
    'Critère DD': 'x',
    ATTRIBUTAIRE: 'Éclairage Croisien',
    CP: 59170,
    Observations: 'Marché sans clause sociale (lot technique)',
  },
  // row 24 — CV-2025-015
  {
    Service: 'Voirie',
    'N°\nmarché': 'CV-2025-015',
    'OBJET DU MARCHE': 'Fourniture de sel de déneigement',
    'Mode de passation': 'MAPA',
    'Date notif.': day('2025-11-03'),
    'Montant notifié\n(€ HT)': 14000,
    'Programmé ?': 'x',
    'Récurrent (O/N)': 'oui',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'VOI-04',
    'Nb offres': 2,
    'Négocié ?': 'non',
    'Délai global\nde paiement (j)': 25,
    ATTRIBUTAIRE: 'Sel & Déneigement Artois',
    Ville: 'Arras',
    'TPE/PME': 'GE',
  },
  // row 25 — CV-2025-016
  {
    Service: 'Sports',
    'N°\nmarché': 'CV-2025-016',
    'OBJET DU MARCHE': 'Nettoyage des vitres des équipements sportifs',
    'Mode de passation': 'MAPA',
    'Date notif.': '24/11/2025',
    'Montant notifié\n(€ HT)': '22 000 €',
    'Montant mandaté\n(en €)': '5 500',
    'Programmé ?': 'non',
    'Récurrent (O/N)': 'non',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'PRO-02',
    'Nb offres': 4,
    'Négocié ?': 'non',
    'Délai global\nde paiement (j)': 30,
    'CLAUSE\nSOCIALE': 'oui',
    'Marche reserve': 'non',
    ATTRIBUTAIRE: 'Vitres Nettes',
    CP: '5910', // text, 4 digits: code-postal-invalide
    Ville: 'Wasquehal',
    'Nb salariés': 9,
  },
  // row 26 — CV-2024-014 (N−1)
  {
    Service: 'Voirie',
    'N°\nmarché': 'CV-2024-014',
    'OBJET DU MARCHE': 'Travaux de voirie rue de Mouvaux',
    'Mode de passation': 'AOO',
    'Date notif.': day('2024-06-15'),
    'Montant notifié\n(€ HT)': 150000,
    'Montant mandaté\n(en €)': 150000,
    'Programmé ?': 'oui',
    'Récurrent (O/N)': 'non',
    'Nb avenants': 1,
    'Nb prolongations': 0,
    "Famille d'achat": 'VOI-01',
    'Nb offres': 5,
    'Négocié ?': 'oui',
    'Gain achat\n(€ HT)': 5000,
    'Délai global\nde paiement (j)': 35,
    'CLAUSE\nSOCIALE': 'x',
    'Marche reserve': 'non',
    'Clause env.': 'x',
    'Critère DD': 'non',
    ATTRIBUTAIRE: 'Voirie Lilloise SAS',
    'N° SIRET': SIRET_B,
    CP: '59000',
    Ville: 'Lille',
    'TPE/PME': 'ETI',
  },
  // row 27 — CV-2025-017
  {
    Service: 'Sports',
    'N°\nmarché': 'CV-2025-017',
    'OBJET DU MARCHE': 'Contrôle des aires de jeux',
    'Mode de passation': 'AOR',
    'Date notif.': day('2025-12-01'),
    'Montant notifié\n(€ HT)': 9600,
    'Montant mandaté\n(en €)': 0,
    'Programmé ?': 'non',
    'Récurrent (O/N)': 'x',
    'Nb avenants': 0,
    'Nb prolongations': 0,
    "Famille d'achat": 'JEU-01',
    'Nb offres': '3',
    'Négocié ?': 'non',
    ATTRIBUTAIRE: 'Roubaix Paysage',
    'N° SIRET': Number(SIRET_A),
    CP: 59100,
    Ville: 'Roubaix',
    'Nb salariés': 12,
  },
  // row 28 — the table's totals row (« TOTAL : » in Service)
];

const MONEY_FMT = '#,##0.00 "€"';
const DATE_FMT = 'dd/mm/yyyy';

function buildRegister(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET_SOLO);
  const last = HEADER_SOLO.length;
  ws.mergeCells(1, 1, 1, 10);
  ws.getCell(1, 1).value = 'VILLE DE ROUBAIX — Pôle Cadre de Vie — Registre des achats 2025';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = 'Mise à jour le 15/12/2025 par la cellule achats (ne pas trier le tableau)';
  // Group headers (row 3), merged: none of them names three fields.
  ws.mergeCells(3, 1, 3, 5);
  ws.getCell(3, 1).value = 'Identification';
  ws.mergeCells(3, 6, 3, 16);
  ws.getCell(3, 6).value = 'Exécution financière';
  ws.mergeCells(3, 17, 3, 23);
  ws.getCell(3, 17).value = 'Considérations';
  ws.mergeCells(3, 24, 3, last);
  ws.getCell(3, 24).value = 'Titulaire';

  const iMontant = HEADER_SOLO.indexOf('Montant notifié\n(€ HT)');
  ws.addTable({
    name: 'RegistreCadreDeVie',
    ref: 'A4',
    headerRow: true,
    totalsRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: HEADER_SOLO.map((name, i) =>
      i === 0
        ? { name, totalsRowLabel: 'TOTAL :' }
        : i === iMontant
          ? { name, totalsRowFunction: 'sum' as const, totalsRowResult: 1174900.5 }
          : { name },
    ),
    rows: ROWS_SOLO.map((spec) => HEADER_SOLO.map((h) => (spec[h] === undefined ? null : spec[h]) as Cell)),
  });
  // Formats on real numbers and dates (the table has been written into the cells).
  for (let r = 5; r < 5 + ROWS_SOLO.length; r++) {
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(r, c);
      const h = HEADER_SOLO[c - 1];
      if (cell.value instanceof Date) cell.numFmt = DATE_FMT;
      else if (typeof cell.value === 'number' && (h.startsWith('Montant') || h.startsWith('Gain'))) cell.numFmt = MONEY_FMT;
    }
  }
  ws.getRow(4).alignment = { wrapText: true };
}

function buildSuivi(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Suivi insertion');
  ws.getCell('A1').value = 'Suivi des clauses d’insertion — données du facilitateur';
  const header = ['N° de marché', 'Bénéficiaire (ID)', 'Genre', 'Commune de résidence', 'Résident QPV', 'Type de contrat', 'Heures réalisées', 'Début du contrat'];
  ws.getRow(2).values = header;
  const rows: Cell[][] = [
    // row 3
    ['CV-2025-001', 'B-101', 'F', 'Roubaix', 'oui', 'CDDI', '150,5', day('2025-03-01')],
    // row 4
    ['CV-2025-001', 'B-102', 'H', 'Tourcoing', 'non', 'Intérim', 210, day('2025-03-10')],
    // row 5
    ['cv-2025-004', 'B-103', 'f', 'Roubaix', 'x', 'CDI', 400, day('2025-04-01')],
    // row 6
    ['CV-2025-004', 'b-101', null, 'Lille', 'non', 'Contrat de professionnalisation', 120, day('2025-05-01')],
    // row 7
    ['CV-2025-010', 'B-104', 'H', null, null, 'interim', 60, day('2025-08-01')],
    // row 8
    ['CV-2025-010', 'B-105', 'F', 'ROUBAIX', 'non', 'CDD', 45, '01/09/2025'],
    // row 9 — contract of N−1
    ['CV-2024-012', 'B-201', 'H', 'Roubaix', 'oui', 'CDD', 180, day('2024-12-01')],
    // row 10 — no such contract
    ['CV-2025-099', 'B-106', 'F', 'Roubaix', 'oui', 'CDI', 500, day('2025-06-01')],
    // row 11 — a contract whose register row is in error (not in M)
    ['CV-2025-012', 'B-107', 'H', 'Roubaix', 'oui', 'CDD', 90, day('2025-10-01')],
    // row 12 — totals
    [null, 'Total', null, null, null, null, { formula: 'SUM(G3:G11)', result: 1755.5 }, null],
  ];
  writeRows(ws, 3, rows);
}

function buildCibles(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Cibles');
  ws.getRow(1).values = ['Indicateur', 'Année', 'Cible', 'Sens'];
  const rows: Cell[][] = [
    ['4.1.2-consideration-sociale', 2025, 40, '≥'],
    ['3.1.1-consideration-env', 2025, 60, null],
    ['2.1.5-delai-paiement', 2025, 30, '<='],
    ['5.2.1-innovants-nb', 2025, 5, '≥'],
    ['2.1.3-sourcage', 2025, 5, '≥'],
    ['2.1.1-programmes-nb', 2024, 50, '≥'],
    ['1.2.1-formations', 2025, 2, '≥'],
  ];
  writeRows(ws, 2, rows);
}

function buildSaisies(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Saisies manuelles');
  ws.getRow(1).values = ['Indicateur', 'Année', 'Valeur', 'Source'];
  const rows: Cell[][] = [
    ['3.2.1-fournitures-evitees', 2025, '12,5', 'Service achats'],
    ['3.2.1-mobilier-reemploye', 2024, 8, 'Inventaire 2024'],
    ['3.2.1-mobilier-reemploye', 2025, 10, 'Inventaire 2025'],
    ['2.1.3-sourcage', 2025, 3, 'Tableau de bord achats'],
    ['2.2.4-dossiers-negocies', 2025, 99, 'Saisie erronée'],
  ];
  writeRows(ws, 2, rows);
}

export async function workbookSolo(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  buildRegister(wb);
  buildSuivi(wb);
  buildCibles(wb);
  buildSaisies(wb);
  const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  return new Uint8Array(buf);
}

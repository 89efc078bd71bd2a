/**
 * Blind acceptance, scenario « territoire »: the economic-development Pôle's
 * workbook « Pôle Développement économique.xlsx », built to exercise Axe 5
 * (suppliers' zone and size, innovative contracts) as that Pôle keeps them.
 *
 * Sheets, in order:
 *   `Marchés 2025`  register, title on row 1, header on row 2, rows 3..22 (2025, then three of 2024).
 *                   Separate « CP » and « Ville » columns, towns typed as a postal service would
 *                   (« ROUBAIX (59) », « Tourcoing – 59200 », « Villeneuve-d'Ascq », « Mouscron,
 *                   Belgique », « ROUBAIX CEDEX 1 »), size typed many ways, headcount with its unit,
 *                   a Pôle column with its own spellings (and one empty cell), « Achat innovant ».
 *   `Commandes`     register, header on row 1, rows 2..10 (2025): no Pôle column (the file name
 *                   gives the Pôle), no innovation column, one « Adresse du titulaire » column holding
 *                   the whole postal address (« 12 rue de la Gare, BP 123, 59053 ROUBAIX CEDEX 1 »,
 *                   « 7500 Tournai (BE) », « 97400 Saint-Denis »).
 */
import ExcelJS from 'exceljs';
import { day, table } from './helpers';

export const FILE_T = 'Pôle Développement économique.xlsx';
export const SHEET_M = 'Marchés 2025';
export const SHEET_C = 'Commandes';
/** The Pôles as the JSON names them: the writing of each one's first 2025 row (README « Contrôles »). */
export const POLE_DE = 'Pôle Développement Économique';
export const POLE_CO = 'Pôle Commerce';

const NBSP = '\u00a0';

/** Valid SIRETs (Luhn sums by hand in the test header). */
export const SA = '44306184100047'; // Nord Fibre Numérique
export const SB = '51234987600015'; // Tissages de Roubaix
export const SC = '33011223300011'; // Conseil Flandres Export
export const SD = '82145678900014'; // Agence Capitale Événements
export const SE = '79234561200016'; // Transports de Lens
/** SB with its last digit mistyped: fails Luhn. */
export const S_BAD = '51234987600016';

export const HEADER_M = [
  'N° marché', //                numero
  'Objet', //                    objet
  'Pôle', //                     pole
  'Date de notification', //     dateNotification
  'Montant HT', //               montant
  'Montant mandaté (€)', //      montantMandate
  'Fournisseur', //              titulaire
  'SIRET', //                    siret
  'CP', //                       codePostalTitulaire
  'Ville', //                    communeTitulaire
  "Catégorie d'entreprise", //   categorieEntreprise
  'Effectif', //                 effectifTitulaire
  'Achat innovant', //           marcheInnovant
  'Observations', //             commentaires
] as const;

type Cell = ExcelJS.CellValue;
type RowM = Partial<Record<(typeof HEADER_M)[number], Cell>>;

/** Sheet row = index + 3. */
export const ROWS_M: RowM[] = [
  { // 3
    'N° marché': 'DE-25-01', 'Objet': 'Animation du réseau des entreprises textiles', 'Pôle': POLE_DE,
    'Date de notification': day('2025-01-20'), 'Montant HT': 40000, 'Montant mandaté (€)': 38000,
    'Fournisseur': 'Tissages de Roubaix', 'SIRET': SB, 'CP': '59100', 'Ville': 'Roubaix', "Catégorie d'entreprise": 'PME',
    'Achat innovant': 'Non',
  },
  { // 4
    'N° marché': 'DE-25-02', 'Objet': 'Plateforme numérique de mise en relation des artisans', 'Pôle': 'POLE DEVELOPPEMENT ECONOMIQUE',
    'Date de notification': day('2025-02-10'), 'Montant HT': 60000, 'Montant mandaté (€)': 55000,
    'Fournisseur': 'NORD FIBRE NUMERIQUE', 'SIRET': '443 061 841 00047', 'Ville': "Villeneuve-d'Ascq",
    "Catégorie d'entreprise": 'Micro-entreprise', 'Achat innovant': 'Oui',
  },
  { // 5
    'N° marché': 'CO-25-01', 'Objet': 'Signalétique des commerces du centre-ville', 'Pôle': POLE_CO,
    'Date de notification': day('2025-02-24'), 'Montant HT': 18000,
    'Fournisseur': 'Enseignes Lumière', 'Ville': 'ROUBAIX (59)', 'Effectif': '12 salariés', 'Achat innovant': 'non',
  },
  { // 6
    'N° marché': 'DE-25-03', 'Objet': "Étude sur l'export des PME vers la Belgique", 'Pôle': 'développement économique',
    'Date de notification': day('2025-03-12'), 'Montant HT': 25000, 'Montant mandaté (€)': 25000,
    'Fournisseur': 'Conseil Flandres Export', 'SIRET': SC, 'Ville': 'Tourcoing – 59200', "Catégorie d'entreprise": 'ETI',
    'Achat innovant': 'non',
  },
  { // 7
    'N° marché': 'CO-25-02', 'Objet': 'Décorations de Noël des rues commerçantes', 'Pôle': 'commerce',
    'Date de notification': day('2025-03-20'), 'Montant HT': 30000, 'Montant mandaté (€)': 28500,
    'Fournisseur': 'Lumières de Mouscron', 'Ville': 'Mouscron, Belgique', "Catégorie d'entreprise": 'GE',
    'Observations': 'Livraison avant le 1er décembre',
  },
  { // 8
    'N° marché': 'DE-25-04', 'Objet': 'Accompagnement numérique des artisans', 'Pôle': 'Pôle Développement économique 2025',
    'Date de notification': day('2025-04-07'), 'Montant HT': 12000, 'Montant mandaté (€)': 12000,
    'Fournisseur': 'Nord Fibre Numérique SAS', 'SIRET': SA, 'CP': '59650', 'Ville': "Villeneuve d'Ascq",
    "Catégorie d'entreprise": 'PME', 'Achat innovant': 'Oui - expérimentation',
  },
  { // 9
    'N° marché': 'DE-25-05', 'Objet': 'Salon des entreprises de Paris : stand de la Ville', 'Pôle': 'Pôle - Développement économique',
    'Date de notification': day('2025-04-28'), 'Montant HT': 45000, 'Montant mandaté (€)': 45000,
    'Fournisseur': 'Agence Capitale Événements', 'SIRET': SD, 'CP': '75008', 'Ville': 'Paris',
    "Catégorie d'entreprise": 'Grande entreprise', 'Achat innovant': 'non',
  },
  { // 10 (Pôle left empty)
    'N° marché': 'DE-25-06', 'Objet': 'Mission de prospection à La Réunion',
    'Date de notification': day('2025-05-15'), 'Montant HT': 9000, 'Montant mandaté (€)': 8000,
    'Fournisseur': 'Réunion Conseil', 'CP': '97400', 'Ville': 'Saint-Denis', "Catégorie d'entreprise": 'TPE',
    'Observations': 'Achat innovant : non',
  },
  { // 11
    'N° marché': 'CO-25-03', 'Objet': 'Marché de producteurs : animation', 'Pôle': POLE_CO,
    'Date de notification': day('2025-06-02'), 'Montant HT': 15000, 'Montant mandaté (€)': 15000,
    'Fournisseur': 'TISSAGES DE ROUBAIX', 'SIRET': `512${NBSP}349${NBSP}876${NBSP}00015`, 'CP': '59053', 'Ville': 'ROUBAIX CEDEX 1',
    "Catégorie d'entreprise": 'PME', 'Achat innovant': 'non',
  },
  { // 12 error: headcount « 250 et + » is no number
    'N° marché': 'DE-25-07', 'Objet': "Étude de préfiguration d'un tiers-lieu textile", 'Pôle': POLE_DE,
    'Date de notification': day('2025-06-16'), 'Montant HT': 35000, 'Montant mandaté (€)': 30000,
    'Fournisseur': 'Atelier Textile Innovant', 'Ville': 'Marcq en Baroeul', 'Effectif': '250 et +', 'Achat innovant': 'non',
  },
  { // 13 error: « TPE/PME » is not one size
    'N° marché': 'CO-25-04', 'Objet': 'Chèques cadeaux du commerce local', 'Pôle': 'COMMERCE',
    'Date de notification': day('2025-07-01'), 'Montant HT': 50000, 'Montant mandaté (€)': 48000,
    'Fournisseur': 'Roubaix Cadeaux', 'CP': '59100', 'Ville': 'Roubaix', "Catégorie d'entreprise": 'TPE/PME', 'Achat innovant': 'non',
  },
  { // 14 « expérimentation » in the objet, innovation cell empty
    'N° marché': 'DE-25-08', 'Objet': "Expérimentation d'une navette pour la zone d'activités", 'Pôle': POLE_DE,
    'Date de notification': day('2025-07-15'), 'Montant HT': 20000, 'Montant mandaté (€)': 20000,
    'Fournisseur': 'Transports de Lens', 'SIRET': SE, 'CP': '62300', 'Ville': 'Lens', "Catégorie d'entreprise": 'PME',
  },
  { // 15 same supplier as row 5 (name case differs)
    'N° marché': 'CO-25-05', 'Objet': 'Étude sur la vacance commerciale', 'Pôle': POLE_CO,
    'Date de notification': day('2025-08-25'), 'Montant HT': 22000, 'Montant mandaté (€)': 22000,
    'Fournisseur': 'Enseignes lumière', 'CP': '59100', 'Ville': 'Roubaix', "Catégorie d'entreprise": 'ETI', 'Achat innovant': 'non',
  },
  { // 16 SIRET mistyped
    'N° marché': 'DE-25-09', 'Objet': 'Prestation photo des entreprises lauréates', 'Pôle': POLE_DE,
    'Date de notification': day('2025-09-10'), 'Montant HT': 6000, 'Montant mandaté (€)': 6000,
    'Fournisseur': 'Studio Nord Image', 'SIRET': S_BAD, 'CP': '59000', 'Ville': 'Lille', 'Effectif': '3', 'Achat innovant': 'non',
  },
  { // 17 error: doublon of row 3 (case ignored, same year)
    'N° marché': 'de-25-01', 'Objet': 'Animation du réseau des entreprises textiles (2e partie)', 'Pôle': POLE_DE,
    'Date de notification': day('2025-10-01'), 'Montant HT': 5000,
    'Fournisseur': 'Tissages de Roubaix', 'SIRET': SB, 'CP': '59100', 'Ville': 'Roubaix', "Catégorie d'entreprise": 'PME',
    'Achat innovant': 'non',
  },
  { // 18 « Achat innovant : oui » written in the observations, innovation cell empty
    'N° marché': 'CO-25-06', 'Objet': 'Fourniture de sacs pour les commerçants', 'Pôle': POLE_CO,
    'Date de notification': day('2025-11-05'), 'Montant HT': 8000, 'Montant mandaté (€)': 7500,
    'Fournisseur': 'Sacs du Nord', 'CP': '59170', 'Ville': 'Croix', "Catégorie d'entreprise": 'Micro entreprise',
    'Observations': 'Achat innovant : oui (sacs connectés)',
  },
  { // 19 « partenariat d'innovation » in the objet, declared in the column
    'N° marché': 'DE-25-11', 'Objet': "Partenariat d'innovation : capteurs de fréquentation des zones d'activités", 'Pôle': POLE_DE,
    'Date de notification': day('2025-12-01'), 'Montant HT': 80000, 'Montant mandaté (€)': 10000,
    'Fournisseur': 'Nord Fibre Numérique', 'SIRET': SA, 'CP': '59650', 'Ville': 'Villeneuve d Ascq', "Catégorie d'entreprise": 'TPE',
    'Achat innovant': 'OUI',
  },
  // ── 2024 (N−1) ──
  { // 20
    'N° marché': 'DE-24-01', 'Objet': 'Animation du réseau des entreprises textiles', 'Pôle': 'Pôle Développement économique',
    'Date de notification': day('2024-03-01'), 'Montant HT': 36000, 'Montant mandaté (€)': 36000,
    'Fournisseur': 'Tissages de Roubaix', 'SIRET': SB, 'CP': '59100', 'Ville': 'Roubaix', "Catégorie d'entreprise": 'PME',
    'Achat innovant': 'non',
  },
  { // 21
    'N° marché': 'DE-24-02', 'Objet': 'Carte interactive des locaux vacants', 'Pôle': 'Pôle Développement économique',
    'Date de notification': day('2024-05-01'), 'Montant HT': 24000, 'Montant mandaté (€)': 20000,
    'Fournisseur': 'Nord Fibre Numérique', 'SIRET': SA, 'CP': '59650', 'Ville': "Villeneuve-d'Ascq", "Catégorie d'entreprise": 'TPE',
    'Achat innovant': 'oui',
  },
  { // 22
    'N° marché': 'CO-24-01', 'Objet': 'Animation des marchés de Noël', 'Pôle': POLE_CO,
    'Date de notification': day('2024-11-15'), 'Montant HT': 10000, 'Montant mandaté (€)': 9000,
    'Fournisseur': 'Enseignes Lumière', 'Ville': 'Roubaix', "Catégorie d'entreprise": 'PME', 'Achat innovant': 'non',
  },
];

export const HEADER_C = [
  'Réf. marché', //              numero
  'Intitulé', //                 objet
  'Notifié le', //               dateNotification
  'Montant HT (€)', //           montant
  'Titulaire', //                titulaire
  'SIRET', //                    siret
  'Adresse du titulaire', //     the whole postal address: commune and postal code
  "Catégorie d'entreprise", //   categorieEntreprise
] as const;

type RowC = Partial<Record<(typeof HEADER_C)[number], Cell>>;

/** Sheet row = index + 2. */
export const ROWS_C: RowC[] = [
  { // 2
    'Réf. marché': 'DE-C-01', 'Intitulé': "Impression des guides de la création d'entreprise", 'Notifié le': day('2025-02-03'),
    'Montant HT (€)': 7000, 'Titulaire': 'Imprimerie Roubaisienne', 'Adresse du titulaire': '12 rue de la Gare, BP 123, 59053 ROUBAIX CEDEX 1',
    "Catégorie d'entreprise": 'PME',
  },
  { // 3
    'Réf. marché': 'DE-C-02', 'Intitulé': 'Traduction des supports pour les investisseurs belges', 'Notifié le': day('2025-03-03'),
    'Montant HT (€)': 4000, 'Titulaire': 'Traductions Wallonnes', 'Adresse du titulaire': '7500 Tournai (BE)',
    "Catégorie d'entreprise": 'Micro-entreprise',
  },
  { // 4
    'Réf. marché': 'DE-C-03', 'Intitulé': 'Réception des investisseurs', 'Notifié le': day('2025-04-04'),
    'Montant HT (€)': 6000, 'Titulaire': 'Traiteur des Flandres', 'Adresse du titulaire': "Zone de l'Union, 59200 Tourcoing",
    "Catégorie d'entreprise": 'GE',
  },
  { // 5 same supplier as Marchés 2025 row 4 (SIRET with spaces, name in lower case)
    'Réf. marché': 'DE-C-04', 'Intitulé': 'Hébergement du site de la Ville pour les entreprises', 'Notifié le': day('2025-05-05'),
    'Montant HT (€)': 3000, 'Titulaire': 'nord fibre numérique', 'SIRET': '443 061 841 00047',
    'Adresse du titulaire': "3 allée des Tisserands, 59650 Villeneuve-d'Ascq", "Catégorie d'entreprise": 'PME',
  },
  { // 6
    'Réf. marché': 'DE-C-05', 'Intitulé': 'Campagne de communication à Paris', 'Notifié le': day('2025-06-06'),
    'Montant HT (€)': 10000, 'Titulaire': 'Agence Capitale Événements', 'SIRET': SD, 'Adresse du titulaire': '75008 Paris',
    "Catégorie d'entreprise": 'GE',
  },
  { // 7
    'Réf. marché': 'DE-C-06', 'Intitulé': 'Étude de marché à La Réunion', 'Notifié le': day('2025-07-07'),
    'Montant HT (€)': 5000, 'Titulaire': 'Océan Indien Études', 'Adresse du titulaire': '97400 Saint-Denis',
    "Catégorie d'entreprise": 'ETI',
  },
  { // 8 « solution innovante » in the intitulé; the sheet has no innovation column
    'Réf. marché': 'DE-C-07', 'Intitulé': 'Capteurs de fréquentation : solution innovante', 'Notifié le': day('2025-08-08'),
    'Montant HT (€)': 12000, 'Titulaire': 'Capteurs Mouscronnois', 'Adresse du titulaire': 'Mouscron, Belgique',
    "Catégorie d'entreprise": 'PME',
  },
  { // 9 same name as SB's supplier, without SIRET
    'Réf. marché': 'DE-C-08', 'Intitulé': 'Nettoyage du showroom textile', 'Notifié le': day('2025-09-09'),
    'Montant HT (€)': 2000, 'Titulaire': 'Tissages de Roubaix', 'Adresse du titulaire': '59100 Roubaix',
    "Catégorie d'entreprise": 'PME',
  },
  { // 10
    'Réf. marché': 'DE-C-09', 'Intitulé': 'Goodies du salon', 'Notifié le': day('2025-10-10'),
    'Montant HT (€)': 1500, 'Titulaire': 'Objets Pub Lensois', 'Adresse du titulaire': '62300 LENS',
    "Catégorie d'entreprise": 'TPE',
  },
];

export async function buildTerritoire(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_M);
  ws.getCell('A1').value = 'Suivi des marchés 2025 — Développement économique et commerce';
  ws.mergeCells('A1:F1');
  table(ws, 2, HEADER_M, ROWS_M as Record<string, Cell>[]);
  const wc = wb.addWorksheet(SHEET_C);
  table(wc, 1, HEADER_C, ROWS_C as Record<string, Cell>[]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Blind acceptance, scenario « companions »: one buyer's workbook
 * « Pôle Ressources 2025.xlsx » whose register is small but whose companion
 * sheets carry most of the indicators. House style nobody wrote the code for:
 * title rows, header synonyms spelled differently from `champs.md`, French
 * numbers typed as text (NBSP thousands, `€`, decimal comma), text dates in
 * several formats, a totals row on every sheet.
 *
 * Sheets, in order:
 *   `Marchés 2024-2025`        register, header on row 3 (two Pôles)
 *   `Actions SPASER`           actions, header on row 3
 *   `Suivi insertion`          facilitator's report, header on row 2
 *   `Cibles`                   COPIL targets, header on row 1
 *   `Saisies manuelles`        manual values, header on row 1
 */
import ExcelJS from 'exceljs';
import { day, table } from './helpers';

export const FILE_C = 'Pôle Ressources 2025.xlsx';
export const SHEET_REG = 'Marchés 2024-2025';
export const SHEET_ACT = 'Actions SPASER';
export const SHEET_INS = 'Suivi insertion';
export const SHEET_CIB = 'Cibles';
export const SHEET_SAI = 'Saisies manuelles';

const NBSP = '\u00a0';
const NNBSP = '\u202f';


type Cell = ExcelJS.CellValue;


// ─── Register ─────────────────────────────────────────────────────────────

export const HEADER_REG = [
  'REF MARCHE', //              numero (« réf. marché » without accent/dot, upper case)
  'LIBELLE', //                 objet (« libellé », no accent)
  'Pôle gestionnaire', //       pole
  'Type de marché', //          nature
  'Mode de passation', //       procedure
  'Notifié le', //              dateNotification
  'Durée\n(mois)', //           dureeMois (line break + unit)
  'Montant HT\n(en €)', //      montant
  'Montant mandaté', //         montantMandate
  'Programmation', //           programme
  'SOURCING', //                sourcage
  'Réunion de lancement', //    reunionCadrage
  'Nbre de bilans', //          nbBilans (nbre → nombre)
  'Avenants', //                nbAvenants
  'Clause insertion', //        clauseSociale
  "Marché d'insertion", //      marcheInsertion
  "Heures d'insertion", //      heuresInsertionRealisees
  'Clause env.', //             clauseEnvironnementale
  'Titulaire', //               titulaire
  'Ville', //                   communeTitulaire
] as const;

export const RES = 'Pôle Ressources';
export const PROX = 'Pôle Proximité';

type H = (typeof HEADER_REG)[number];
type RegRow = Partial<Record<H, Cell>>;

const REG_ROWS: (RegRow | null)[] = [
  // r4
  {
    'REF MARCHE': 'RES-2025-001', LIBELLE: 'Nettoyage des locaux administratifs', 'Pôle gestionnaire': RES,
    'Type de marché': 'Services', 'Mode de passation': 'MAPA', 'Notifié le': '15/01/2025', 'Durée\n(mois)': 12,
    'Montant HT\n(en €)': `45${NBSP}000,00 €`, 'Montant mandaté': `30${NBSP}000,00`, Programmation: 'Oui', SOURCING: 'Oui',
    'Réunion de lancement': 'Oui', 'Nbre de bilans': 1, Avenants: 1, 'Clause insertion': 'Oui', "Heures d'insertion": '120',
    'Clause env.': 'Non', Titulaire: 'Propreté du Nord', Ville: 'Roubaix',
  },
  // r5
  {
    'REF MARCHE': 'RES-2025-002', LIBELLE: 'Fourniture de mobilier de bureau', 'Pôle gestionnaire': RES,
    'Type de marché': 'Fournitures', 'Mode de passation': 'AOO', 'Notifié le': day('2025-02-10'), 'Durée\n(mois)': '24',
    'Montant HT\n(en €)': 120000, 'Montant mandaté': 80000, Programmation: 'non', SOURCING: 'non',
    'Réunion de lancement': 'oui', 'Nbre de bilans': 0, Avenants: '2', 'Clause insertion': 'non', "Marché d'insertion": 'non',
    'Clause env.': 'Oui', Titulaire: 'Bureau Services', Ville: 'Lille',
  },
  // r6
  {
    'REF MARCHE': 'RES-2025-003', LIBELLE: "Réfection de la toiture de l'école Jules Ferry", 'Pôle gestionnaire': RES,
    'Type de marché': 'Travaux', 'Mode de passation': 'MAPA', 'Notifié le': '2025-03-04', 'Durée\n(mois)': 6,
    'Montant HT\n(en €)': `250${NNBSP}000`, Programmation: 'Oui', SOURCING: 'x',
    Avenants: 0, 'Clause insertion': 'Oui', "Marché d'insertion": 'Non', "Heures d'insertion": '400',
    Titulaire: 'Bâtiments Roubaisiens', Ville: 'Roubaix',
  },
  // r7
  {
    'REF MARCHE': 'RES-2025-004', LIBELLE: 'Maintenance des photocopieurs', 'Pôle gestionnaire': RES,
    'Type de marché': 'Services', 'Mode de passation': 'gré à gré', 'Notifié le': '01/04/2025', 'Durée\n(mois)': 36,
    'Montant HT\n(en €)': `8${NBSP}000,00 €`, 'Montant mandaté': `8${NBSP}000`, Programmation: 'Non', SOURCING: 'Non',
    'Réunion de lancement': 'Non', 'Nbre de bilans': 0,
    Titulaire: 'Copie Express SAS', Ville: 'Tourcoing',
  },
  // r8
  {
    'REF MARCHE': 'RES-2025-005', LIBELLE: 'Entretien des espaces verts du parc Barbieux', 'Pôle gestionnaire': RES,
    'Type de marché': 'Services', 'Mode de passation': 'MAPA', 'Notifié le': '20/05/2025', 'Durée\n(mois)': 12,
    'Montant HT\n(en €)': '60 000', 'Montant mandaté': `45${NBSP}000,50`, Programmation: 'Oui', SOURCING: 'Oui',
    'Réunion de lancement': 'Oui', 'Nbre de bilans': 0, Avenants: 0, 'Clause insertion': 'Non', "Marché d'insertion": 'Oui',
    "Heures d'insertion": '300', 'Clause env.': 'Oui', Titulaire: 'Jardins de Flandre', Ville: 'Roubaix',
  },
  // r9
  {
    'REF MARCHE': 'PRX-2025-001', LIBELLE: 'Réaménagement de la place de la Liberté', 'Pôle gestionnaire': PROX,
    'Type de marché': 'Travaux', 'Mode de passation': 'AOO', 'Notifié le': day('2025-06-12'), 'Durée\n(mois)': 6,
    'Montant HT\n(en €)': 500000, 'Montant mandaté': 200000, Programmation: 'Oui', SOURCING: 'Non',
    'Réunion de lancement': 'Oui', 'Nbre de bilans': 2, Avenants: 3, 'Clause insertion': 'Oui', "Heures d'insertion": 900,
    'Clause env.': 'Oui', Titulaire: 'Voirie Métropole', Ville: "Villeneuve-d'Ascq",
  },
  // r10
  {
    'REF MARCHE': 'PRX-2025-002', LIBELLE: "Fourniture de produits d'entretien", 'Pôle gestionnaire': PROX,
    'Type de marché': 'Fournitures', 'Mode de passation': 'MAPA', 'Notifié le': '01/07/2025',
    'Montant HT\n(en €)': `25${NBSP}000`, 'Montant mandaté': `12${NBSP}500`,
    'Réunion de lancement': 'Oui', 'Clause env.': 'Oui', Titulaire: 'Propreté du Nord SARL', Ville: 'Roubaix',
  },
  // r11
  {
    'REF MARCHE': 'PRX-2025-003', LIBELLE: 'Animation des maisons de quartier', 'Pôle gestionnaire': PROX,
    'Type de marché': 'Services', 'Mode de passation': 'MAPA', 'Notifié le': '15/09/2025', 'Durée\n(mois)': 12,
    'Montant HT\n(en €)': `40${NBSP}000`, 'Montant mandaté': `10${NBSP}000`, Programmation: 'Oui', SOURCING: 'Oui',
    'Réunion de lancement': 'Oui', 'Nbre de bilans': 1, Avenants: 0, 'Clause insertion': 'Oui',
    'Clause env.': 'Non', Titulaire: 'Association Vivre Ensemble', Ville: 'Roubaix',
  },
  // r12
  {
    'REF MARCHE': 'PRX-2025-004', LIBELLE: 'Location de barrières de chantier', 'Pôle gestionnaire': PROX,
    'Type de marché': 'Fournitures', 'Mode de passation': 'MAPA', 'Notifié le': '03.10.2025', 'Durée\n(mois)': 3,
    'Montant HT\n(en €)': `15${NBSP}000`, 'Montant mandaté': `15${NBSP}000`, Programmation: 'Non',
    'Réunion de lancement': 'Non', 'Clause insertion': 'Non', "Marché d'insertion": 'Non', 'Clause env.': 'Non',
    Titulaire: 'Barrières Service', Ville: 'Wattrelos',
  },
  // r13 — montant empty → montant-manquant (error)
  {
    'REF MARCHE': 'PRX-2025-005', LIBELLE: "Travaux d'accessibilité de la mairie annexe", 'Pôle gestionnaire': PROX,
    'Type de marché': 'Travaux', 'Mode de passation': 'AOO', 'Notifié le': '20/11/2025', 'Durée\n(mois)': 10,
    Programmation: 'Oui', 'Réunion de lancement': 'Oui', 'Clause insertion': 'Oui', "Heures d'insertion": '150',
    Titulaire: 'Bâtiments Roubaisiens', Ville: 'Roubaix',
  },
  // r14
  {
    'REF MARCHE': 'RES-2025-006', LIBELLE: 'Prestations de gardiennage', 'Pôle gestionnaire': RES,
    'Type de marché': 'Services', 'Mode de passation': 'AOO', 'Notifié le': '05/12/2025', 'Durée\n(mois)': 12,
    'Montant HT\n(en €)': `95${NBSP}000,00 €`, Programmation: 'Oui', SOURCING: 'Oui',
    Titulaire: 'Sécurité Nord', Ville: 'Lens',
  },
  // r15 — 2024
  {
    'REF MARCHE': 'RES-2024-010', LIBELLE: 'Nettoyage des vitres', 'Pôle gestionnaire': RES,
    'Type de marché': 'Services', 'Mode de passation': 'MAPA', 'Notifié le': '10/03/2024', 'Durée\n(mois)': 12,
    'Montant HT\n(en €)': `30${NBSP}000`, 'Montant mandaté': `30${NBSP}000`, Programmation: 'Oui', SOURCING: 'Non',
    'Réunion de lancement': 'Oui', 'Nbre de bilans': 2, Avenants: 0, 'Clause insertion': 'Oui', "Heures d'insertion": '200',
    Titulaire: 'Propreté du Nord', Ville: 'Roubaix',
  },
  // r16 — 2024
  {
    'REF MARCHE': 'PRX-2024-020', LIBELLE: 'Rénovation de la salle de sport', 'Pôle gestionnaire': PROX,
    'Type de marché': 'Travaux', 'Mode de passation': 'AOO', 'Notifié le': '15/06/2024', 'Durée\n(mois)': 8,
    'Montant HT\n(en €)': `200${NBSP}000`, 'Montant mandaté': `150${NBSP}000`, Programmation: 'Non', SOURCING: 'Oui',
    'Réunion de lancement': 'Oui', 'Nbre de bilans': 1, Avenants: 1, 'Clause insertion': 'Oui', "Heures d'insertion": '500',
    'Clause env.': 'Oui', Titulaire: 'Bâtiments Roubaisiens', Ville: 'Roubaix',
  },
  // r17 — 2024
  {
    'REF MARCHE': 'RES-2024-030', LIBELLE: 'Fourniture de papier', 'Pôle gestionnaire': RES,
    'Type de marché': 'Fournitures', 'Mode de passation': 'MAPA', 'Notifié le': '02/09/2024', 'Durée\n(mois)': 12,
    'Montant HT\n(en €)': `20${NBSP}000`, Programmation: 'Non', 'Clause env.': 'Oui',
    Titulaire: 'Papeterie Lilloise', Ville: 'Lille',
  },
  // r18 — totals row (no numero, « Total : »)
  { LIBELLE: 'Total :', 'Montant HT\n(en €)': `1${NBSP}408${NBSP}000`, 'Montant mandaté': `610${NBSP}500,50` },
];

// ─── Actions SPASER ───────────────────────────────────────────────────────

export const HEADER_ACT = ['Date (jj/mm/aaaa)', "TYPE D'ACTION", 'Thème', 'Nb de participants'] as const;

const ACT_ROWS: Record<string, Cell>[] = [
  /* r4  */ { 'Date (jj/mm/aaaa)': '14/01/2025', "TYPE D'ACTION": 'Formation', Thème: 'Achats responsables : les bases', 'Nb de participants': '12' },
  /* r5  */ { 'Date (jj/mm/aaaa)': '2025-02-20', "TYPE D'ACTION": 'formation', Thème: 'Rédiger une clause sociale', 'Nb de participants': 8 },
  /* r6  */ { 'Date (jj/mm/aaaa)': day('2025-03-18'), "TYPE D'ACTION": 'Atelier', Thème: 'Sourcing fournisseurs', 'Nb de participants': 25 },
  /* r7  */ { 'Date (jj/mm/aaaa)': '04/04/2025', "TYPE D'ACTION": 'COPIL', Thème: 'COPIL SPASER annuel', 'Nb de participants': '14' },
  /* r8  */ { 'Date (jj/mm/aaaa)': '12.05.2025', "TYPE D'ACTION": 'Événement', Thème: 'Rencontre fournisseurs locaux', 'Nb de participants': '60' },
  /* r9  */ { 'Date (jj/mm/aaaa)': '10/06/2025', "TYPE D'ACTION": 'Formation', Thème: 'Le coût global', 'Nb de participants': 'une dizaine' },
  /* r10 */ { 'Date (jj/mm/aaaa)': '23/09/25', "TYPE D'ACTION": 'Evènement', Thème: "Salon de l'achat local", 'Nb de participants': '45' },
  /* r11 */ { 'Date (jj/mm/aaaa)': '15/10/2025', "TYPE D'ACTION": 'COTECH', Thème: 'COTECH de suivi', 'Nb de participants': 9 },
  /* r12 */ { 'Date (jj/mm/aaaa)': '20/11/2025', "TYPE D'ACTION": 'ATELIER', Thème: 'Atelier clauses environnementales', 'Nb de participants': '18' },
  /* r13 */ { 'Date (jj/mm/aaaa)': '02/12/2025', "TYPE D'ACTION": 'Formation', Thème: 'Les marchés réservés', 'Nb de participants': '15' },
  /* r14 */ { 'Date (jj/mm/aaaa)': '05/12/2025', "TYPE D'ACTION": 'Autre', Thème: "Réunion d'information des fournisseurs", 'Nb de participants': '30' },
  /* r15 */ { 'Date (jj/mm/aaaa)': '12/03/2024', "TYPE D'ACTION": 'Formation', Thème: 'Achats responsables', 'Nb de participants': '20' },
  /* r16 */ { 'Date (jj/mm/aaaa)': '15/10/2024', "TYPE D'ACTION": 'Atelier', Thème: 'Atelier clauses', 'Nb de participants': 10 },
  /* r17 */ { 'Date (jj/mm/aaaa)': '20/11/2024', "TYPE D'ACTION": 'Formation', Thème: 'Clauses vertes', 'Nb de participants': '7' },
  /* r18 */ { Thème: 'TOTAL', 'Nb de participants': '273' },
];

// ─── Suivi insertion ──────────────────────────────────────────────────────

export const HEADER_INS = [
  'N° Marché', //               numero
  'Participant', //             beneficiaire
  'Genre', //                   sexe
  'Lieu de résidence', //       communeResidence
  'QPV', //                     qpv
  'Type de contrat', //         typeContrat
  'Heures réalisées (h)', //    heures
  'Début du contrat', //        dateDebut
] as const;

const INS_ROWS: Record<string, Cell>[] = [
  /* r3  */ { 'N° Marché': 'RES-2025-001', Participant: 'B001', Genre: 'F', 'Lieu de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDDI', 'Heures réalisées (h)': '70', 'Début du contrat': '03/02/2025' },
  /* r4  */ { 'N° Marché': 'res-2025-001 ', Participant: 'B002', Genre: 'H', 'Lieu de résidence': 'Tourcoing', QPV: 'Non', 'Type de contrat': 'Intérim', 'Heures réalisées (h)': '50,5', 'Début du contrat': '10/03/2025' },
  /* r5  */ { 'N° Marché': 'Res - 2025 - 003', Participant: 'B003', Genre: 'f', 'Lieu de résidence': 'ROUBAIX', QPV: 'oui', 'Type de contrat': 'CDD', 'Heures réalisées (h)': 150, 'Début du contrat': '01/04/2025' },
  /* r6  */ { 'N° Marché': 'RES-2025-003', Participant: 'b001 ', 'Lieu de résidence': 'Lille', 'Type de contrat': 'CDI', 'Heures réalisées (h)': '200', 'Début du contrat': day('2025-05-15') },
  /* r7  */ { 'N° Marché': 'RES-2025-005', Participant: 'B004', Genre: 'H', 'Lieu de résidence': 'Croix', 'Type de contrat': 'Apprentissage', 'Heures réalisées (h)': '120', 'Début du contrat': '01/06/2025' },
  /* r8  */ { 'N° Marché': 'RES-2025-005', Participant: 'B005', QPV: 'Non', 'Type de contrat': 'cddi', 'Heures réalisées (h)': '80,5', 'Début du contrat': '2025-07-01' },
  /* r9  */ { 'N° Marché': 'PRX-2025-003', Participant: 'B006', Genre: 'F', 'Lieu de résidence': 'Wattrelos', QPV: 'Oui', 'Type de contrat': 'Contrat de professionnalisation', 'Heures réalisées (h)': '60', 'Début du contrat': '01/10/2025' },
  /* r10 */ { 'N° Marché': 'PRX-2025-003', Participant: 'B007', Genre: 'F', 'Lieu de résidence': 'Roubaix', QPV: 'Non', 'Type de contrat': 'Intérim', 'Heures réalisées (h)': 'trente', 'Début du contrat': '15/10/2025' },
  /* r11 */ { 'N° Marché': 'PRX-2025-005', Participant: 'B008', Genre: 'H', 'Lieu de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDDI', 'Heures réalisées (h)': '100', 'Début du contrat': '01/12/2025' },
  /* r12 */ { 'N° Marché': 'RES-2024-010', Participant: 'B009', Genre: 'F', 'Lieu de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDDI', 'Heures réalisées (h)': '90', 'Début du contrat': '01/05/2024' },
  /* r13 */ { 'N° Marché': 'PRX-2024-020', Participant: 'B001', Genre: 'F', 'Lieu de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDD', 'Heures réalisées (h)': '250', 'Début du contrat': '01/09/2024' },
  /* r14 */ { 'N° Marché': 'MAR-2025-999', Participant: 'B010', Genre: 'H', 'Lieu de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDI', 'Heures réalisées (h)': '40', 'Début du contrat': '01/03/2025' },
  /* r15 */ { Participant: 'Total', 'Heures réalisées (h)': `1${NBSP}111` },
];

// ─── Cibles ───────────────────────────────────────────────────────────────

export const HEADER_CIB = ['Indicateur', 'Annee', 'Cible (valeur)', 'Sens (≥ / ≤)'] as const;

const CIB_ROWS: Record<string, Cell>[] = [
  /* r2  */ { Indicateur: '4.1.2-consideration-sociale', Annee: 2025, 'Cible (valeur)': '50', 'Sens (≥ / ≤)': '≥' },
  /* r3  */ { Indicateur: '3.1.1-consideration-env', Annee: '2025', 'Cible (valeur)': '40,5' },
  /* r4  */ { Indicateur: '2.1.3-sourcage', Annee: 2025, 'Cible (valeur)': 5, 'Sens (≥ / ≤)': '≥' },
  /* r5  */ { Indicateur: '2.1.3-sourcage', Annee: 2025, 'Cible (valeur)': 10, 'Sens (≥ / ≤)': '≥' },
  /* r6  */ { Indicateur: '1.2.1-formations', Annee: 2025, 'Cible (valeur)': '4', 'Sens (≥ / ≤)': '≥' },
  /* r7  */ { Indicateur: '4.2.2-heures', Annee: 2025, 'Cible (valeur)': `1${NBSP}500`, 'Sens (≥ / ≤)': '≥' },
  /* r8  */ { Indicateur: '2.1.1-programmes-montant', Annee: 2025, 'Cible (valeur)': '60', 'Sens (≥ / ≤)': 'au plus' },
  /* r9  */ { Indicateur: '9.9.9-inexistant', Annee: 2025, 'Cible (valeur)': '10', 'Sens (≥ / ≤)': '≥' },
  /* r10 */ { Indicateur: '3.2.1-fournitures-evitees', Annee: 2025, 'Cible (valeur)': '10', 'Sens (≥ / ≤)': '≥' },
  /* r11 */ { Indicateur: '4.1.2-consideration-sociale', Annee: 2024, 'Cible (valeur)': '45', 'Sens (≥ / ≤)': '≥' },
  /* r12 */ { Indicateur: '1.2.1-formations', Annee: 2024, 'Cible (valeur)': '2', 'Sens (≥ / ≤)': '≥' },
  /* r13 */ { Indicateur: '2.1.5-delai-paiement', Annee: 2025, 'Cible (valeur)': '30', 'Sens (≥ / ≤)': '≤' },
  /* r14 */ { Indicateur: '5.1.1-fournisseurs-zone', Annee: 2025, 'Cible (valeur)': '50', 'Sens (≥ / ≤)': '≥' },
];

// ─── Saisies manuelles ────────────────────────────────────────────────────

export const HEADER_SAI = ['Indicateur', 'ANNÉE', 'Valeur', 'Source'] as const;

const SAI_ROWS: Record<string, Cell>[] = [
  /* r2 */ { Indicateur: '3.2.1-fournitures-evitees', 'ANNÉE': 2025, Valeur: '8,5', Source: 'Service achats' },
  /* r3 */ { Indicateur: '3.2.1-fournitures-evitees', 'ANNÉE': 2025, Valeur: '12,5', Source: 'Service achats (corrigé)' },
  /* r4 */ { Indicateur: '3.2.1-mobilier-reemploye', 'ANNÉE': 2025, Valeur: 35, Source: 'Inventaire mobilier' },
  /* r5 */ { Indicateur: '2.1.3-sourcage', 'ANNÉE': 2025, Valeur: '9', Source: 'Estimation' },
  /* r6 */ { Indicateur: '3.2.1-mobilier-reemploye', 'ANNÉE': '2024', Valeur: '20', Source: 'Inventaire 2024' },
  /* r7 */ { Indicateur: '2.2.2-hors-bpu', 'ANNÉE': 2025, Valeur: `15${NBSP}000 €`, Source: 'Finances' },
  /* r8 */ { Indicateur: '3.2.1-fournitures-evitees', 'ANNÉE': 2023, Valeur: '5', Source: 'Ancien bilan' },
];

/**
 * Variant for two probes: `actionsPole` adds a `Pôle` column to the Actions
 * sheet (a field champs.md does not give that sheet); `percentSaisie` writes
 * the 2025 value of `3.2.1-mobilier-reemploye` as « 35 % » (unreadable until
 * session 41; now 35, the percent being the indicator's unit).
 */
export interface Variant {
  readonly actionsPole?: boolean;
  readonly percentSaisie?: boolean;
}

export async function workbookCompanions(variant: Variant = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();

  const reg = wb.addWorksheet(SHEET_REG);
  reg.getCell('A1').value = 'Suivi des marchés — Pôles Ressources et Proximité';
  table(reg, 3, HEADER_REG, REG_ROWS);

  const act = wb.addWorksheet(SHEET_ACT);
  act.getCell('A1').value = 'Actions de sensibilisation et de gouvernance SPASER';
  if (variant.actionsPole) {
    const poles = [RES, RES, PROX, RES, PROX, RES, PROX, RES, RES, PROX, RES, RES, PROX, RES];
    table(act, 3, [...HEADER_ACT, 'Pôle'], ACT_ROWS.map((r, i) => (i < poles.length ? { ...r, 'Pôle': poles[i] } : r)));
  } else {
    table(act, 3, HEADER_ACT, ACT_ROWS);
  }

  const ins = wb.addWorksheet(SHEET_INS);
  ins.getCell('A1').value = 'Suivi des clauses — rapport du facilitateur';
  table(ins, 2, HEADER_INS, INS_ROWS);

  const cib = wb.addWorksheet(SHEET_CIB);
  table(cib, 1, HEADER_CIB, CIB_ROWS);

  const sai = wb.addWorksheet(SHEET_SAI);
  table(sai, 1, HEADER_SAI, variant.percentSaisie ? SAI_ROWS.map((r, i) => (i === 2 ? { ...r, Valeur: '35 %' } : r)) : SAI_ROWS);

  const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  return new Uint8Array(buf);
}

/**
 * Blind acceptance « erp »: a register exported from the City's finance software, as such
 * exports look, written as an Open XML SDK package (every SpreadsheetML element under `x:`).
 *
 * House style (nobody wrote code for it): no title row, ALL-CAPS headers with underscores and
 * abbreviations, dates as text in several day-first forms and some as real dates (one as a bare
 * serial), amounts as text with a comma or a point as decimal separator, counts as text, a TTC
 * column beside the HT one, two columns of the finance software that the spec does not know
 * (`EJ_CHORUS`, `IMPUTATION`), one ambiguous header (`CRITERE_SOCIAL_ENV`), a blank styled row,
 * a « TOTAL GÉNÉRAL » row and trailing blank styled rows.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { day } from './helpers';

export const ERP_FILE = 'Export marchés FINANCES 2025.xlsx';
export const ERP_SHEET = 'EXPORT_MARCHES';

export const ERP_HEADERS = [
  'EJ_CHORUS', // A  unknown to the spec
  'NUM_MARCHE', // B  numero  (num → numero, `_` → space: « numero marche » = « num marché »)
  'OBJET', // C  objet
  'DGA', // D  pole
  'SERVICE', // E  direction
  'NATURE', // F  nature
  'PROCEDURE', // G  procedure
  'DATE_NOTIF', // H  dateNotification (« date notif »)
  'DUREE (MOIS)', // I  dureeMois (« durée », trailing unit in brackets removed)
  'MONTANT_HT (EUR)', // J  montant (« montant HT »)
  'MONTANT_TTC (EUR)', // K  TTC: never an HT amount → unmapped
  'MANDATE (HT)', // L  montantMandate (« mandaté », `(HT)` removed)
  'IMPUTATION', // M  unknown to the spec
  'NOMENCLATURE', // N  codeNomenclature
  'CODE_CPV', // O  codeCPV
  'TITULAIRE', // P  titulaire
  'SIRET', // Q  siret
  'CP', // R  codePostalTitulaire
  'VILLE', // S  communeTitulaire
  'PAYS', // T  paysTitulaire
  'TAILLE', // U  categorieEntreprise
  'HORS_MARCHE', // V  horsMarche
  'PROGRAMME', // W  programme (« programmé »)
  'RECURRENT', // X  recurrent
  'NB_AVENANTS', // Y  nbAvenants (« nb avenants »)
  'NB_PROLONGATIONS', // Z  nbAvenantsProlongation (« nb prolongations »)
  'SOURCING', // AA sourcage
  'NB_OFFRES', // AB offresRecues (« nb offres »)
  'NEGOCIATION', // AC negociation
  'GAIN', // AD gainNegociation
  'DGP (JOURS)', // AE delaiPaiement (« DGP »)
  'UGAP', // AF centraleAchat
  'CLAUSE_SOCIALE', // AG clauseSociale
  'CLAUSE_ENV', // AH clauseEnvironnementale (« clause env. »)
  'CRITERE_SOCIAL_ENV', // AI ambiguous: critereSocial (« critère social ») = critereEnvironnemental (« critère env. »)
  'MARCHE_RESERVE', // AJ marcheReserve
  'HEURES_REALISEES', // AK heuresInsertionRealisees
  'INNOVANT', // AL marcheInnovant
] as const;

type Header = (typeof ERP_HEADERS)[number];
type Row = Partial<Record<Header, ExcelJS.CellValue>>;

const RES = 'Pôle Ressources';
const CDV = 'Pôle Cadre de vie';

/** Sheet rows 2.. in order; the comment gives the sheet row number. */
export const ERP_ROWS: readonly Row[] = [
  // 2
  { EJ_CHORUS: '1300045871', NUM_MARCHE: '2025-0001', OBJET: 'Fourniture de papier recyclé pour les services', DGA: RES, SERVICE: 'DIRECTION DES ACHATS', NATURE: 'FOURNITURES', PROCEDURE: 'MAPA', DATE_NOTIF: '15/01/2025', 'DUREE (MOIS)': '12', 'MONTANT_HT (EUR)': '12500,00', 'MONTANT_TTC (EUR)': '15000,00', 'MANDATE (HT)': '9800,50', IMPUTATION: '011-6064-020', NOMENCLATURE: 'F01', CODE_CPV: '30197630-1', TITULAIRE: 'LYRECO FRANCE', SIRET: '39323418000122', CP: '59770', VILLE: 'MARLY', PAYS: 'FRANCE', TAILLE: 'GE', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'N', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'N', NB_OFFRES: '4', NEGOCIATION: 'N', 'DGP (JOURS)': '28', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '1', CRITERE_SOCIAL_ENV: 'O', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 3
  { EJ_CHORUS: '1300045902', NUM_MARCHE: '2025-0002', OBJET: "Travaux de voirie rue de l'Epeule", DGA: CDV, SERVICE: 'DIRECTION VOIRIE', NATURE: 'TRAVAUX', PROCEDURE: 'AOO', DATE_NOTIF: day('2025-02-03'), 'DUREE (MOIS)': '8', 'MONTANT_HT (EUR)': '245000,00', 'MONTANT_TTC (EUR)': '294000,00', 'MANDATE (HT)': '180000', IMPUTATION: '822-2315-040', NOMENCLATURE: 'T12', CODE_CPV: '45233141', TITULAIRE: 'RAMERY TRAVAUX PUBLICS', SIRET: '30956621900031', CP: '59100', VILLE: 'ROUBAIX CEDEX 1', PAYS: '', TAILLE: 'ETI', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'N', NB_AVENANTS: '1', NB_PROLONGATIONS: '0', SOURCING: 'O', NB_OFFRES: '6', NEGOCIATION: 'N', 'DGP (JOURS)': '35', UGAP: 'N', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', HEURES_REALISEES: '1200', INNOVANT: 'N' },
  // 4
  { EJ_CHORUS: '1300046010', NUM_MARCHE: '2025-0003', OBJET: 'Maintenance du parc informatique', DGA: RES, SERVICE: 'DSI', NATURE: 'SERVICES', PROCEDURE: 'AOO', DATE_NOTIF: '03/02/25', 'DUREE (MOIS)': '36', 'MONTANT_HT (EUR)': '96000.00', 'MONTANT_TTC (EUR)': '115200.00', IMPUTATION: '020-6156-010', NOMENCLATURE: 'S05', CODE_CPV: '50312000-5', TITULAIRE: 'INEO DIGITAL SAS', SIRET: '41398085700028', CP: '59000', VILLE: 'LILLE', PAYS: 'FRANCE', TAILLE: 'GE', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'O', NB_AVENANTS: '2', NB_PROLONGATIONS: '1', SOURCING: 'N', NB_OFFRES: '3', NEGOCIATION: 'O', GAIN: '4500,00', 'DGP (JOURS)': '25', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 5
  { EJ_CHORUS: '1300046122', NUM_MARCHE: '2025-0004', OBJET: 'Entretien des parcs et jardins - lot 2', DGA: CDV, SERVICE: 'DIRECTION NATURE EN VILLE', NATURE: 'SERVICES', PROCEDURE: 'MAPA', DATE_NOTIF: '10-03-2025', 'DUREE (MOIS)': '24', 'MONTANT_HT (EUR)': '38450,75', 'MONTANT_TTC (EUR)': '46140,90', 'MANDATE (HT)': '12000', IMPUTATION: '823-6135-050', NOMENCLATURE: '', CODE_CPV: '77311000-3', TITULAIRE: 'ID VERDE', SIRET: '38729371100017', CP: '59200', VILLE: 'TOURCOING', PAYS: 'FRANCE', TAILLE: 'PME', HORS_MARCHE: 'NON', PROGRAMME: 'N', RECURRENT: 'O', NB_AVENANTS: '1', NB_PROLONGATIONS: '1', SOURCING: 'O', NB_OFFRES: '5', NEGOCIATION: 'O', GAIN: '1200', 'DGP (JOURS)': '30', UGAP: 'N', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: '1', CRITERE_SOCIAL_ENV: 'O', MARCHE_RESERVE: 'NON', HEURES_REALISEES: '350', INNOVANT: 'N' },
  // 6
  { EJ_CHORUS: '1300046200', NUM_MARCHE: '2025-0005', OBJET: 'Prestations de nettoyage des locaux administratifs', DGA: RES, SERVICE: 'DIRECTION DU PATRIMOINE', NATURE: 'SERVICES', PROCEDURE: 'AOO', DATE_NOTIF: '21.03.2025', 'DUREE (MOIS)': '48', 'MONTANT_HT (EUR)': '152000,00', 'MONTANT_TTC (EUR)': '182400,00', 'MANDATE (HT)': '41250,40', IMPUTATION: '020-6283-010', NOMENCLATURE: 'S02', CODE_CPV: '90911200-8', TITULAIRE: 'NET PLUS', SIRET: '42156764000030', CP: '59100', VILLE: 'ROUBAIX', PAYS: 'FRANCE', TAILLE: 'PME', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'O', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'N', NB_OFFRES: '7', NEGOCIATION: 'N', 'DGP (JOURS)': '22', UGAP: 'N', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'O', MARCHE_RESERVE: 'ESAT/EA', HEURES_REALISEES: '2100', INNOVANT: 'N' },
  // 7
  { EJ_CHORUS: '1300046355', NUM_MARCHE: '2025-0006', OBJET: 'Fourniture de mobilier urbain', DGA: CDV, SERVICE: 'DIRECTION VOIRIE', NATURE: 'FOURNITURES', PROCEDURE: 'MAPA', DATE_NOTIF: '2025-04-07', 'DUREE (MOIS)': '', 'MONTANT_HT (EUR)': '27800.00', 'MONTANT_TTC (EUR)': '#N/A', 'MANDATE (HT)': '27800.00', IMPUTATION: '822-2152-040', NOMENCLATURE: 'F08', CODE_CPV: '34928400', TITULAIRE: 'SINEU GRAFF', SIRET: '30650363800026', CP: '67600', VILLE: 'KINTZHEIM', PAYS: 'FRANCE', TAILLE: 'PME', HORS_MARCHE: 'NON', PROGRAMME: 'N', RECURRENT: 'N', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'O', NB_OFFRES: '2', NEGOCIATION: 'O', GAIN: '800,00', 'DGP (JOURS)': '41', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', INNOVANT: 'O' },
  // 8
  { EJ_CHORUS: '1300046411', NUM_MARCHE: '2025-0007', OBJET: 'Location et maintenance de photocopieurs', DGA: RES, SERVICE: 'DIRECTION DES ACHATS', NATURE: 'FOURNITURES', PROCEDURE: 'MNSPMC', DATE_NOTIF: 45800, 'DUREE (MOIS)': '48', 'MONTANT_HT (EUR)': '64000,00', 'MONTANT_TTC (EUR)': '76800,00', 'MANDATE (HT)': '15800,00', IMPUTATION: '020-6135-010', NOMENCLATURE: 'F03', CODE_CPV: '30121100-4', TITULAIRE: 'UGAP', SIRET: '77505698700065', CP: '77444', VILLE: 'CHAMPS SUR MARNE', PAYS: 'FRANCE', TAILLE: '', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'O', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'N', NB_OFFRES: '', NEGOCIATION: 'N', 'DGP (JOURS)': '18', UGAP: 'O', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 9
  { EJ_CHORUS: '1300046520', NUM_MARCHE: '2025-0008', OBJET: "Réfection de la toiture de l'école Jules Ferry", DGA: CDV, SERVICE: 'DIRECTION DU BATI', NATURE: 'TRAVAUX', PROCEDURE: 'MAPA', DATE_NOTIF: day('2025-06-12'), 'DUREE (MOIS)': '4', 'MONTANT_HT (EUR)': '74500,00', 'MONTANT_TTC (EUR)': '89400,00', IMPUTATION: '213-2313-060', NOMENCLATURE: 'T04', CODE_CPV: '45261210-9', TITULAIRE: 'TOITURES DU NORD', SIRET: '44103784400013', CP: '59290', VILLE: 'WASQUEHAL', PAYS: 'FRANCE', TAILLE: 'TPE', HORS_MARCHE: 'NON', PROGRAMME: 'N', RECURRENT: 'N', NB_AVENANTS: '1', NB_PROLONGATIONS: '0', SOURCING: 'N', NB_OFFRES: '3', NEGOCIATION: 'O', GAIN: '2500', 'DGP (JOURS)': '29', UGAP: 'N', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'O', MARCHE_RESERVE: 'NON', HEURES_REALISEES: '420', INNOVANT: 'N' },
  // 10
  { EJ_CHORUS: '1300046601', NUM_MARCHE: '2025-0009', OBJET: 'Assurance de la flotte automobile', DGA: RES, SERVICE: 'DIRECTION DES FINANCES', NATURE: 'SERVICES', PROCEDURE: 'AOO', DATE_NOTIF: '01/07/2025', 'DUREE (MOIS)': '48', 'MONTANT_HT (EUR)': '88000,00', 'MONTANT_TTC (EUR)': '88000,00', 'MANDATE (HT)': '22000,00', IMPUTATION: '020-6161-010', NOMENCLATURE: 'S09', CODE_CPV: '66514110-0', TITULAIRE: 'SMACL ASSURANCES SA', SIRET: '77509047600026', CP: '79000', VILLE: 'NIORT', PAYS: 'FRANCE', TAILLE: 'ETI', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'O', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'N', NB_OFFRES: '2', NEGOCIATION: 'N', GAIN: '1500', 'DGP (JOURS)': '15', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 11 (hors marché)
  { EJ_CHORUS: '1300046688', NUM_MARCHE: '2025-0010', OBJET: 'Achat de fournitures pour ateliers municipaux', DGA: CDV, SERVICE: 'REGIE BATIMENTS', NATURE: 'FOURNITURES', PROCEDURE: '', DATE_NOTIF: '08/07/2025', 'MONTANT_HT (EUR)': '3450,60', 'MONTANT_TTC (EUR)': '4140,72', 'MANDATE (HT)': '3450,60', IMPUTATION: '020-6068-030', NOMENCLATURE: '', CODE_CPV: '4452', TITULAIRE: 'QUINCAILLERIE ROUBAISIENNE', SIRET: '', CP: '59100', VILLE: 'ROUBAIX', PAYS: 'FRANCE', TAILLE: 'TPE', HORS_MARCHE: 'OUI', 'DGP (JOURS)': '12', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '0', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 12
  { EJ_CHORUS: '1300046745', NUM_MARCHE: '2025-0011', OBJET: 'Formation des agents à la bureautique', DGA: RES, SERVICE: 'DIRECTION RH', NATURE: 'SERVICES', PROCEDURE: 'MAPA', DATE_NOTIF: '15/09/2025', 'DUREE (MOIS)': '12', 'MONTANT_HT (EUR)': '18900,00', 'MONTANT_TTC (EUR)': '22680,00', 'MANDATE (HT)': '6300', IMPUTATION: '020-6184-010', NOMENCLATURE: 'S11', CODE_CPV: '80533100-0', TITULAIRE: 'CIBC FORMATION', SIRET: '40192390200050', CP: '591130', VILLE: 'SECLIN', PAYS: 'FRANCE', TAILLE: 'TPE', HORS_MARCHE: 'NON', PROGRAMME: 'N', RECURRENT: 'N', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'N', NB_OFFRES: '5', NEGOCIATION: 'N', 'DGP (JOURS)': '20', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: 'N', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', HEURES_REALISEES: '150', INNOVANT: 'N' },
  // 13
  { EJ_CHORUS: '1300046790', NUM_MARCHE: '2025-0012', OBJET: "Prestations d'insertion professionnelle - entretien des berges", DGA: CDV, SERVICE: 'DIRECTION NATURE EN VILLE', NATURE: 'SERVICES', PROCEDURE: 'PN', DATE_NOTIF: '22/09/2025', 'DUREE (MOIS)': '10', 'MONTANT_HT (EUR)': '45000,00', 'MONTANT_TTC (EUR)': '54000,00', 'MANDATE (HT)': '30000,00', IMPUTATION: '823-6228-050', NOMENCLATURE: 'S14', CODE_CPV: '77312000-0', TITULAIRE: 'ASSOCIATION TREMPLIN', SIRET: '80135744200012', CP: '59100', VILLE: 'ROUBAIX', PAYS: 'FRANCE', TAILLE: '', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'N', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'O', NB_OFFRES: '1', NEGOCIATION: 'O', GAIN: '0', 'DGP (JOURS)': '30', UGAP: 'N', CLAUSE_SOCIALE: '', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'O', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 14
  { EJ_CHORUS: '1300046833', NUM_MARCHE: '2025-0013', OBJET: "Expérimentation d'une solution de gestion des salles", DGA: RES, SERVICE: 'DSI', NATURE: 'SERVICES', PROCEDURE: 'MAPA', DATE_NOTIF: day('2025-10-06'), 'DUREE (MOIS)': '6', 'MONTANT_HT (EUR)': '15000,00', 'MONTANT_TTC (EUR)': '18000,00', IMPUTATION: '020-6156-010', NOMENCLATURE: 'S05', CODE_CPV: '72000000-5', TITULAIRE: 'START UP ROUBAIX SAS', SIRET: '88521226900017', CP: '59100', VILLE: 'ROUBAIX', PAYS: '', TAILLE: 'TPE', HORS_MARCHE: 'NON', PROGRAMME: 'N', RECURRENT: 'N', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'O', NB_OFFRES: '3', NEGOCIATION: 'N', 'DGP (JOURS)': '', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', INNOVANT: '' },
  // 15
  { EJ_CHORUS: '1300046901', NUM_MARCHE: '2025-0014', OBJET: 'Propreté des espaces publics quartier du Pile', DGA: CDV, SERVICE: 'DIRECTION PROPRETE', NATURE: 'SERVICES', PROCEDURE: 'MAPA', DATE_NOTIF: '04/11/2025', 'DUREE (MOIS)': '12', 'MONTANT_HT (EUR)': '52000,00', 'MONTANT_TTC (EUR)': '62400,00', 'MANDATE (HT)': '8000,00', IMPUTATION: '813-6283-070', NOMENCLATURE: 'S02', CODE_CPV: '90610000-6', TITULAIRE: 'ATELIER CHANTIER DU PILE', SIRET: '50832513300025', CP: '59100', VILLE: 'ROUBAIX', PAYS: 'FRANCE', TAILLE: 'PME', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'N', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'N', NB_OFFRES: '2', NEGOCIATION: 'N', 'DGP (JOURS)': '26', UGAP: 'N', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'O', MARCHE_RESERVE: 'SIAE', HEURES_REALISEES: '800', INNOVANT: 'N' },
  // 16
  { EJ_CHORUS: '1300046977', NUM_MARCHE: '2025-0015', OBJET: 'Fourniture de vêtements de travail', DGA: RES, SERVICE: 'DIRECTION RH', NATURE: 'FOURNITURES', PROCEDURE: 'AOO', DATE_NOTIF: '17/11/2025', 'DUREE (MOIS)': '24', 'MONTANT_HT (EUR)': '33300.50', 'MONTANT_TTC (EUR)': '39960.60', IMPUTATION: '020-6068-010', NOMENCLATURE: 'F05', CODE_CPV: '18100000-0', TITULAIRE: 'MAISON DU TRAVAILLEUR NV', SIRET: '', CP: '7700', VILLE: 'MOUSCRON', PAYS: 'BELGIQUE', TAILLE: 'PME', HORS_MARCHE: 'NON', PROGRAMME: 'N', RECURRENT: 'N', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'N', NB_OFFRES: '4', NEGOCIATION: 'O', GAIN: '950,50', 'DGP (JOURS)': '45', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '1', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 17 (hors marché; same supplier as row 3, other town)
  { EJ_CHORUS: '1300047012', NUM_MARCHE: '2025-0016', OBJET: "Réparation d'un affaissement de chaussée", DGA: CDV, SERVICE: 'DIRECTION VOIRIE', NATURE: 'TRAVAUX', PROCEDURE: '', DATE_NOTIF: '02/12/2025', 'MONTANT_HT (EUR)': '2980,00', 'MONTANT_TTC (EUR)': '3576,00', IMPUTATION: '822-6152-040', NOMENCLATURE: 'T09', CODE_CPV: '', TITULAIRE: 'RAMERY TRAVAUX PUBLICS', SIRET: '30956621900031', CP: '59000', VILLE: 'LILLE', PAYS: 'FRANCE', TAILLE: '', HORS_MARCHE: 'OUI', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '0', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 18 numero-manquant
  { EJ_CHORUS: '1300047050', NUM_MARCHE: '', OBJET: 'Abonnements presse', DGA: RES, SERVICE: 'DIRECTION COMMUNICATION', NATURE: 'FOURNITURES', PROCEDURE: 'MAPA', DATE_NOTIF: '10/04/2025', 'MONTANT_HT (EUR)': '1250,00', 'MONTANT_TTC (EUR)': '1318,75', IMPUTATION: '023-6182-010' },
  // 19 valeur-illisible (NATURE outside the list)
  { EJ_CHORUS: '1300047066', NUM_MARCHE: '2025-0017', OBJET: 'Études géotechniques', DGA: CDV, SERVICE: 'DIRECTION DU BATI', NATURE: 'PRESTATIONS INTELLECTUELLES', PROCEDURE: 'MAPA', DATE_NOTIF: '12/05/2025', 'MONTANT_HT (EUR)': '9800,00', 'MONTANT_TTC (EUR)': '11760,00', IMPUTATION: '213-2031-060' },
  // 20 montant-invalide (negative)
  { EJ_CHORUS: '1300047101', NUM_MARCHE: '2025-0018', OBJET: 'Remboursement trop-perçu', DGA: RES, SERVICE: 'DIRECTION DES FINANCES', NATURE: 'SERVICES', PROCEDURE: 'MAPA', DATE_NOTIF: '20/05/2025', 'MONTANT_HT (EUR)': '-1500,00', 'MONTANT_TTC (EUR)': '-1800,00', IMPUTATION: '020-7718-010' },
  // 21 doublon of row 6 (2025-0005, spaces ignored, same year)
  { EJ_CHORUS: '1300047140', NUM_MARCHE: '2025 - 0005', OBJET: 'Prestations de nettoyage des locaux administratifs - avenant', DGA: CDV, SERVICE: 'DIRECTION DU PATRIMOINE', NATURE: 'SERVICES', PROCEDURE: 'AOO', DATE_NOTIF: '30/06/2025', 'MONTANT_HT (EUR)': '152000,00', 'MONTANT_TTC (EUR)': '182400,00', IMPUTATION: '020-6283-010' },
  // 22 prolongations-incoherentes
  { EJ_CHORUS: '1300047188', NUM_MARCHE: '2025-0019', OBJET: 'Maintenance des feux tricolores', DGA: CDV, SERVICE: 'DIRECTION VOIRIE', NATURE: 'SERVICES', PROCEDURE: 'MAPA', DATE_NOTIF: '14/10/2025', 'MONTANT_HT (EUR)': '12000,00', 'MONTANT_TTC (EUR)': '14400,00', IMPUTATION: '822-6156-040', NB_AVENANTS: '1', NB_PROLONGATIONS: '2' },
  // 23 date-invalide (before 2000)
  { EJ_CHORUS: '1300047203', NUM_MARCHE: '2025-0020', OBJET: 'Location de barrières', DGA: RES, SERVICE: 'DIRECTION EVENEMENTIEL', NATURE: 'SERVICES', PROCEDURE: 'MAPA', DATE_NOTIF: '15/03/1999', 'MONTANT_HT (EUR)': '5600,00', 'MONTANT_TTC (EUR)': '6720,00', IMPUTATION: '024-6135-080' },
  // 24 date-manquante
  { EJ_CHORUS: '1300047219', NUM_MARCHE: '2025-0021', OBJET: 'Achat de licences logicielles', DGA: RES, SERVICE: 'DSI', NATURE: 'FOURNITURES', PROCEDURE: 'MAPA', DATE_NOTIF: '', 'MONTANT_HT (EUR)': '7200,00', 'MONTANT_TTC (EUR)': '8640,00', IMPUTATION: '020-2051-010' },
  // 25 (2024)
  { EJ_CHORUS: '1300031877', NUM_MARCHE: 'M24-0107', OBJET: 'Maintenance des ascenseurs', DGA: RES, SERVICE: 'DIRECTION DU PATRIMOINE', NATURE: 'SERVICES', PROCEDURE: 'AOO', DATE_NOTIF: '12/03/2024', 'DUREE (MOIS)': '36', 'MONTANT_HT (EUR)': '42000,00', 'MONTANT_TTC (EUR)': '50400,00', 'MANDATE (HT)': '14000,00', IMPUTATION: '020-6156-010', NOMENCLATURE: 'S07', CODE_CPV: '50750000-7', TITULAIRE: 'OTIS', SIRET: '54209775200035', CP: '92800', VILLE: 'PUTEAUX', PAYS: 'FRANCE', TAILLE: 'GE', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'O', NB_AVENANTS: '1', NB_PROLONGATIONS: '1', SOURCING: 'N', NB_OFFRES: '3', NEGOCIATION: 'N', 'DGP (JOURS)': '33', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '0', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 26 (2024)
  { EJ_CHORUS: '1300032540', NUM_MARCHE: 'M24-0215', OBJET: 'Aménagement du parc Barbieux', DGA: CDV, SERVICE: 'DIRECTION NATURE EN VILLE', NATURE: 'TRAVAUX', PROCEDURE: 'MAPA', DATE_NOTIF: day('2024-06-18'), 'DUREE (MOIS)': '6', 'MONTANT_HT (EUR)': '120000,00', 'MONTANT_TTC (EUR)': '144000,00', 'MANDATE (HT)': '120000,00', IMPUTATION: '823-2312-050', NOMENCLATURE: 'T02', CODE_CPV: '45112710-5', TITULAIRE: 'JARDINS DE FLANDRE', SIRET: '39147658600014', CP: '59510', VILLE: 'HEM', PAYS: 'FRANCE', TAILLE: 'PME', HORS_MARCHE: 'NON', PROGRAMME: 'N', RECURRENT: 'N', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'O', NB_OFFRES: '5', NEGOCIATION: 'O', GAIN: '6000', 'DGP (JOURS)': '27', UGAP: 'N', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: '1', CRITERE_SOCIAL_ENV: 'O', MARCHE_RESERVE: 'NON', HEURES_REALISEES: '600', INNOVANT: 'N' },
  // 27 (2024, hors marché)
  { EJ_CHORUS: '1300033012', NUM_MARCHE: 'M24-0301', OBJET: 'Achat de fournitures de bureau', DGA: RES, SERVICE: 'DIRECTION DES ACHATS', NATURE: 'FOURNITURES', PROCEDURE: '', DATE_NOTIF: '05/09/2024', 'MONTANT_HT (EUR)': '850,00', 'MONTANT_TTC (EUR)': '1020,00', IMPUTATION: '020-6064-020', NOMENCLATURE: '', CODE_CPV: '', TITULAIRE: 'BUREAU VALLEE ROUBAIX', SIRET: '', CP: '59100', VILLE: 'ROUBAIX', PAYS: 'FRANCE', TAILLE: 'TPE', HORS_MARCHE: 'OUI', 'DGP (JOURS)': '10', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '0', MARCHE_RESERVE: 'NON', INNOVANT: 'N' },
  // 28 (2025; same numero as row 26 but another year: no doublon)
  { EJ_CHORUS: '1300045899', NUM_MARCHE: 'M24-0215', OBJET: 'Aménagement du parc Barbieux - tranche 2', DGA: CDV, SERVICE: 'DIRECTION NATURE EN VILLE', NATURE: 'TRAVAUX', PROCEDURE: 'MAPA', DATE_NOTIF: '20/01/2025', 'DUREE (MOIS)': '5', 'MONTANT_HT (EUR)': '98000,00', 'MONTANT_TTC (EUR)': '117600,00', 'MANDATE (HT)': '45000,00', IMPUTATION: '823-2312-050', NOMENCLATURE: 'T02', CODE_CPV: '45112710-5', TITULAIRE: 'JARDINS DE FLANDRE', SIRET: '39147658600014', CP: '59510', VILLE: 'HEM', PAYS: 'FRANCE', TAILLE: 'PME', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'N', NB_AVENANTS: '0', NB_PROLONGATIONS: '0', SOURCING: 'N', NB_OFFRES: '4', NEGOCIATION: 'O', GAIN: '3000,00', 'DGP (JOURS)': '24', UGAP: 'N', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: '1', CRITERE_SOCIAL_ENV: 'O', MARCHE_RESERVE: 'NON', HEURES_REALISEES: '300', INNOVANT: 'N' },
  // 29 (2024)
  { EJ_CHORUS: '1300034470', NUM_MARCHE: 'M24-0410', OBJET: "Entretien de l'éclairage public", DGA: CDV, SERVICE: 'DIRECTION VOIRIE', NATURE: 'SERVICES', PROCEDURE: 'AOR', DATE_NOTIF: '14/11/24', 'DUREE (MOIS)': '48', 'MONTANT_HT (EUR)': '210000,00', 'MONTANT_TTC (EUR)': '252000,00', 'MANDATE (HT)': '52000,00', IMPUTATION: '814-6152-040', NOMENCLATURE: 'S12', CODE_CPV: '50232100-1', TITULAIRE: 'CITEOS', SIRET: '33418901200035', CP: '59650', VILLE: 'VILLENEUVE D ASCQ', PAYS: 'FRANCE', TAILLE: 'ETI', HORS_MARCHE: 'NON', PROGRAMME: 'O', RECURRENT: 'O', NB_AVENANTS: '2', NB_PROLONGATIONS: '1', SOURCING: 'O', NB_OFFRES: '2', NEGOCIATION: 'N', 'DGP (JOURS)': '31', UGAP: 'N', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: '1', CRITERE_SOCIAL_ENV: 'N', MARCHE_RESERVE: 'NON', INNOVANT: 'O' },
];

/** Sheet row of the « TOTAL GÉNÉRAL » line (after one blank styled row). */
export const ERP_TOTAL_ROW = ERP_ROWS.length + 3;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PREFIXED_PARTS = /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/;

/** The export as ExcelJS writes it, before the Open XML SDK prefix. */
export function erpWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ASTRE GF';
  const ws = wb.addWorksheet(ERP_SHEET);
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  ERP_HEADERS.forEach((h, i) => {
    const c = ws.getRow(1).getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  ERP_ROWS.forEach((r, i) => {
    const row = ws.getRow(2 + i);
    ERP_HEADERS.forEach((h, c) => {
      const cell = row.getCell(c + 1);
      cell.border = border;
      const v = r[h];
      if (v === undefined || v === null || v === '') return; // exports leave empty cells empty
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  });
  // one blank styled row, then the totals row (real numbers, as finance software sums them)
  const blank = ws.getRow(ERP_ROWS.length + 2);
  ERP_HEADERS.forEach((_, c) => (blank.getCell(c + 1).border = border));
  const total = ws.getRow(ERP_TOTAL_ROW);
  total.getCell(3).value = 'TOTAL GÉNÉRAL';
  total.getCell(3).font = { bold: true };
  total.getCell(10).value = 1_983_131.85; // not checked: a totals row is never read
  total.getCell(11).value = 2_339_570.67;
  total.getCell(12).value = 752_201.4;
  // trailing blank styled rows (the export pads its table)
  for (let r = ERP_TOTAL_ROW + 1; r <= ERP_TOTAL_ROW + 3; r++) {
    ERP_HEADERS.forEach((_, c) => (ws.getRow(r).getCell(c + 1).border = border));
  }
  ws.getColumn(8).width = 12;
  return wb;
}

/** Rewrites the SpreadsheetML parts as the Open XML SDK writes them: every element under `x:`. */
export async function withOpenXmlPrefix(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!PREFIXED_PARTS.test(name)) continue;
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2').replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The export's bytes (.xlsx, prefixed). */
export async function erpBytes(): Promise<Uint8Array> {
  const plain = new Uint8Array((await erpWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
  return withOpenXmlPrefix(plain);
}

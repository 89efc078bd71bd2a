/**
 * Blind acceptance « csv »: a buyer's register EXPORTED AS CSV BY THE FINANCE SOFTWARE, opened in
 * Excel and saved as .xlsx, three ways. Built from the spec and the README only, before reading
 * src/ and before the first run.
 *
 * The software (product-neutral: « module Marchés » of the City's finance suite) writes a UTF-8 CSV,
 * separator `;`, headers in capitals with underscores and abbreviations (`NUM_MARCHE`, `MT_HT`,
 * `DATE_NOTIF`, `SIRET_TITULAIRE`, `CP_TITULAIRE`…), a few « user fields » titled in words
 * (`Marché réservé`, `Économie réalisée (€)`), amounts with a point decimal (`48250.00`), dates as
 * `jj/mm/aaaa 00:00:00` (and ISO `aaaa-mm-jj` for orders outside any contract, from another module),
 * booleans `O`/`N`, and three finance columns the spec does not know (`ID_TIERS`, `IMPUTATION`,
 * `EXERCICE`) beside a TTC amount.
 *
 * 1. « EXPORT_MARCHES_EDUCATION.xlsx » (Pôle Éducation): opened with Données › À partir du texte,
 *    every column typed « Texte » (to keep the SIRET's leading zeros), file origin left at
 *    « 1252 : Europe de l'Ouest (Windows) »: EVERY VALUE IS TEXT, and every non-ASCII character is
 *    MOJIBAKE (UTF-8 bytes read as Windows-1252): `PÃ”LE_GESTIONNAIRE`, `MarchÃ© rÃ©servÃ©`,
 *    `Ã‰conomie rÃ©alisÃ©e (â‚¬)`, `PÃ´le Ã‰ducation`, `ProcÃ©dure adaptÃ©e`, `VilleneuveÂ d'Ascq`
 *    (a no-break space is `Â` + no-break space), `MARCQ-EN-BARÅ’UL`… ASCII text (`ROUBAIX`) is intact.
 * 2. « export_marches_sports.xlsx » (Pôle Sports et Jeunesse): the same software's CSV double-clicked
 *    in a French Excel (UTF-8 with BOM, so accents are right) and saved: Excel CONVERTED what it could
 *    — comma-decimal amounts to numbers, `jj/mm/aaaa 00:00:00` and ISO dates to real dates, `1`/`0` to
 *    numbers, `VRAI`/`FAUX` to real booleans, SIRETs and postal codes to numbers (leading zeros LOST:
 *    `542107800014` for 00542107800014, `2100` for 02100, `8000` for 08000) — and left as text what it
 *    could not: point-decimal amounts (`124800.50`) and an impossible date (`2025-02-30`).
 * 3. « export_marches_culture.xlsx » (Pôle Culture): the CSV opened WITHOUT SPLITTING THE COLUMNS (an
 *    Excel whose list separator is the comma): every line is one cell of column A,
 *    `NUM_MARCHE;OBJET;…`, and a line whose objet holds a comma spills its end into column B.
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE_EDU = 'EXPORT_MARCHES_EDUCATION.xlsx';
export const SHEET_EDU = 'EXPORT_MARCHES_EDUCATION';
export const FILE_SPO = 'export_marches_sports.xlsx';
export const SHEET_SPO = 'export_marches_sports';
export const FILE_CUL = 'export_marches_culture.xlsx';
export const SHEET_CUL = 'export_marches_culture';

/** The software's header, as written in its UTF-8 CSV (before any mis-decoding). */
export const HEADER = [
  'NUM_MARCHE', // A  numero (« num marché »)
  'OBJET', // B  objet
  'PÔLE_GESTIONNAIRE', // C  pole (« pôle gestionnaire »)
  'SERVICE_PRESCRIPTEUR', // D  direction (« service prescripteur »)
  'PROCÉDURE', // E  procedure
  'DATE_NOTIF', // F  dateNotification (« date notif »)
  'MT_HT', // G  montant (README: `Mt` → montant; « montant HT »)
  'MT_TTC', // H  TTC: never an HT amount → unmapped
  'MT_MANDATE', // I  montantMandate (« montant mandaté »)
  'CODE_FAMILLE', // J  codeNomenclature (« code famille »)
  'TITULAIRE', // K  titulaire
  'SIRET_TITULAIRE', // L  siret (« siret titulaire »)
  'CP_TITULAIRE', // M  codePostalTitulaire (« CP titulaire »)
  'VILLE_TITULAIRE', // N  communeTitulaire (« ville du titulaire »)
  'CATEGORIE_ENTREPRISE', // O  categorieEntreprise
  'HORS_MARCHE', // P  horsMarche
  'NB_OFFRES', // Q  offresRecues (« nb offres »)
  'DGP', // R  delaiPaiement
  'CLAUSE_SOCIALE', // S  clauseSociale
  'CLAUSE_ENV', // T  clauseEnvironnementale (« clause env. »)
  'Marché réservé', // U  marcheReserve
  'NEGOCIATION', // V  negociation
  'Économie réalisée (€)', // W  gainNegociation (« économie réalisée », unit in brackets removed)
  'ID_TIERS', // X  the software's supplier id → unmapped
  'IMPUTATION', // Y  budget line → unmapped
  'EXERCICE', // Z  budget year → unmapped
] as const;

type Header = (typeof HEADER)[number];
type Row = Partial<Record<Header, ExcelJS.CellValue>>;

/** Windows-1252 bytes 0x80–0x9F (the rest of the byte range is Latin-1). */
const CP1252_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/** What Excel shows of a UTF-8 text read as Windows-1252 (ASCII is unchanged). */
export function mojibake(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = CP1252_HIGH[b];
    if (b >= 0x80 && b <= 0x9f && c === undefined) throw new Error(`byte ${b.toString(16)} undefined in Windows-1252`);
    out += c ?? String.fromCharCode(b);
  }
  return out;
}

const EDU = 'Pôle Éducation';
const EDU_DIR = "Direction de l'Éducation";

/**
 * Pôle Éducation, sheet rows 2–12, written as the software wrote them (UTF-8); the sheet gets their
 * mojibake, all as text. Comments: the hand reading (see the test header).
 */
export const EDU_ROWS: readonly Row[] = [
  // 2: consultation MAPA (mojibake « ProcÃ©dure adaptÃ©e »), negotiated with a gain; Lille (MEL), PME.
  { NUM_MARCHE: 'EDU-2025-001', OBJET: 'Fourniture de manuels scolaires pour les écoles', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'Procédure adaptée', DATE_NOTIF: '14/01/2025 00:00:00', MT_HT: '48250.00', MT_TTC: '57900.00', MT_MANDATE: '31200.40', CODE_FAMILLE: 'F12', TITULAIRE: 'LIBRAIRIE DU FURET', SIRET_TITULAIRE: '44156789000013', CP_TITULAIRE: '59000', VILLE_TITULAIRE: 'LILLE', CATEGORIE_ENTREPRISE: 'PME', HORS_MARCHE: 'N', NB_OFFRES: '4', DGP: '28', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: 'N', 'Marché réservé': 'Non', NEGOCIATION: 'O', 'Économie réalisée (€)': '2500.00', ID_TIERS: 'T000125', IMPUTATION: '011-6067-212', EXERCICE: '2025' },
  // 3: AOO, social and environmental clauses; Haubourdin (MEL), ETI.
  { NUM_MARCHE: 'EDU-2025-002', OBJET: 'Restauration scolaire : fourniture de repas en liaison froide', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'AOO', DATE_NOTIF: '03/02/2025 00:00:00', MT_HT: '412000.00', MT_TTC: '434660.00', MT_MANDATE: '198450.75', CODE_FAMILLE: 'S03', TITULAIRE: 'API RESTAURATION', SIRET_TITULAIRE: '30956621900031', CP_TITULAIRE: '59320', VILLE_TITULAIRE: 'HAUBOURDIN', CATEGORIE_ENTREPRISE: 'ETI', HORS_MARCHE: 'N', NB_OFFRES: '3', DGP: '30', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: 'O', 'Marché réservé': 'Non', NEGOCIATION: 'N', ID_TIERS: 'T000311', IMPUTATION: '251-6042-212', EXERCICE: '2025' },
  // 4: SIRET that lost its two leading zeros in the software (text « 76891234015 »: siret-invalide,
  //    supplier by name); DGP 45: delai-paiement-depasse; mandated empty → spend = montant; Roubaix, TPE.
  { NUM_MARCHE: 'EDU-2025-003', OBJET: 'Transport des élèves vers les équipements sportifs', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'Procédure adaptée', DATE_NOTIF: '10/03/2025 00:00:00', MT_HT: '36800.00', MT_TTC: '40480.00', CODE_FAMILLE: 'S07', TITULAIRE: 'AUTOCARS DEMAREY', SIRET_TITULAIRE: '76891234015', CP_TITULAIRE: '59100', VILLE_TITULAIRE: 'ROUBAIX', CATEGORIE_ENTREPRISE: 'TPE', HORS_MARCHE: 'N', NB_OFFRES: '2', DGP: '45', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: 'N', 'Marché réservé': 'Non', NEGOCIATION: 'N', ID_TIERS: 'T000402', IMPUTATION: '255-6247-212', EXERCICE: '2025' },
  // 5: « rÃ©emploi » in the objet = réemploi: suggestion (Clause environnementale), not declared
  //    (CLAUSE_ENV N); SIRET text with its leading zeros; Marcq-en-Barœul (MEL), ETI.
  { NUM_MARCHE: 'EDU-2025-004', OBJET: 'Mobilier scolaire issu du réemploi', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'AOO', DATE_NOTIF: '07/04/2025 00:00:00', MT_HT: '64000.00', MT_TTC: '76800.00', MT_MANDATE: '15800.00', CODE_FAMILLE: 'F04', TITULAIRE: "SOCIÉTÉ NORDISTE D'AMÉNAGEMENT", SIRET_TITULAIRE: '00542107800014', CP_TITULAIRE: '59700', VILLE_TITULAIRE: 'MARCQ-EN-BARŒUL', CATEGORIE_ENTREPRISE: 'ETI', HORS_MARCHE: 'N', NB_OFFRES: '5', DGP: '25', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: 'N', 'Marché réservé': 'Non', NEGOCIATION: 'O', 'Économie réalisée (€)': '1800.00', ID_TIERS: 'T000518', IMPUTATION: '213-2184-212', EXERCICE: '2025' },
  // 6: reserved for ESAT/EA, social clause; Tourcoing (MEL), PME.
  { NUM_MARCHE: 'EDU-2025-005', OBJET: 'Entretien des espaces verts des groupes scolaires', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'MAPA', DATE_NOTIF: '12/05/2025 00:00:00', MT_HT: '22400.00', MT_TTC: '26880.00', MT_MANDATE: '18000.00', CODE_FAMILLE: 'S11', TITULAIRE: 'ATELIERS DE LA LYS', SIRET_TITULAIRE: '42136764000032', CP_TITULAIRE: '59200', VILLE_TITULAIRE: 'TOURCOING', CATEGORIE_ENTREPRISE: 'PME', HORS_MARCHE: 'N', NB_OFFRES: '3', DGP: '21', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: 'N', 'Marché réservé': 'ESAT/EA', NEGOCIATION: 'N', ID_TIERS: 'T000604', IMPUTATION: '212-6135-212', EXERCICE: '2025' },
  // 7: « Sans publicitÃ© ni mise en concurrence » = MSPMC: a contract, not a consultation; Roubaix, TPE.
  { NUM_MARCHE: 'EDU-2025-006', OBJET: 'Maintenance des photocopieurs des écoles', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'Sans publicité ni mise en concurrence', DATE_NOTIF: '19/06/2025 00:00:00', MT_HT: '8900.00', MT_TTC: '10680.00', MT_MANDATE: '8900.00', CODE_FAMILLE: 'S05', TITULAIRE: 'BUREAUTIQUE ROUBAISIENNE', SIRET_TITULAIRE: '50832513300025', CP_TITULAIRE: '59100', VILLE_TITULAIRE: 'ROUBAIX', CATEGORIE_ENTREPRISE: 'TPE', HORS_MARCHE: 'N', NB_OFFRES: '1', DGP: '18', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: 'N', 'Marché réservé': 'Non', NEGOCIATION: 'N', ID_TIERS: 'T000733', IMPUTATION: '212-6156-212', EXERCICE: '2025' },
  // 8: the notification date empty in the software: date-manquante.
  { NUM_MARCHE: 'EDU-2025-007', OBJET: 'Fournitures de bureau pour les écoles maternelles', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'AOO', MT_HT: '15000.00', MT_TTC: '18000.00', CODE_FAMILLE: 'F01', TITULAIRE: 'LIBRAIRIE DU FURET', SIRET_TITULAIRE: '44156789000013', CP_TITULAIRE: '59000', VILLE_TITULAIRE: 'LILLE', CATEGORIE_ENTREPRISE: 'PME', HORS_MARCHE: 'N', NB_OFFRES: '3', DGP: '20', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: 'N', 'Marché réservé': 'Non', NEGOCIATION: 'N', ID_TIERS: 'T000125', IMPUTATION: '211-6064-212', EXERCICE: '2025' },
  // 9: the amount empty: montant-manquant.
  { NUM_MARCHE: 'EDU-2025-008', OBJET: 'Classes de découverte 2025', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'Procédure adaptée', DATE_NOTIF: '02/09/2025 00:00:00', MT_MANDATE: '12000.00', CODE_FAMILLE: 'S21', TITULAIRE: 'PEP 59', CP_TITULAIRE: '59000', VILLE_TITULAIRE: 'LILLE', CATEGORIE_ENTREPRISE: 'PME', HORS_MARCHE: 'N', NB_OFFRES: '2', DGP: '25', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: 'N', 'Marché réservé': 'Non', NEGOCIATION: 'N', ID_TIERS: 'T000951', IMPUTATION: '255-6042-212', EXERCICE: '2025' },
  // 10: the software lists the amendment under the contract's number, same year: doublon of row 3.
  { NUM_MARCHE: 'EDU-2025-002', OBJET: 'Restauration scolaire : avenant n°1', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'AOO', DATE_NOTIF: '15/09/2025 00:00:00', MT_HT: '20000.00', MT_TTC: '21100.00', MT_MANDATE: '5000.00', CODE_FAMILLE: 'S03', TITULAIRE: 'API RESTAURATION', SIRET_TITULAIRE: '30956621900031', CP_TITULAIRE: '59320', VILLE_TITULAIRE: 'HAUBOURDIN', CATEGORIE_ENTREPRISE: 'ETI', HORS_MARCHE: 'N', NB_OFFRES: '3', DGP: '30', CLAUSE_SOCIALE: 'O', CLAUSE_ENV: 'O', 'Marché réservé': 'Non', NEGOCIATION: 'N', ID_TIERS: 'T000311', IMPUTATION: '251-6042-212', EXERCICE: '2025' },
  // 11: no postal code, the commune « VilleneuveÂ d'Ascq » (no-break space mis-decoded) = Villeneuve
  //     d'Ascq (MEL); no SIRET (supplier by name); DGP 33: delai-paiement-depasse; a gain while
  //     NEGOCIATION is N: gain-sans-negociation; environmental clause; PME.
  { NUM_MARCHE: 'EDU-2025-009', OBJET: 'Location de minibus pour les sorties scolaires', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, 'PROCÉDURE': 'Procédure adaptée', DATE_NOTIF: '06/10/2025 00:00:00', MT_HT: '18600.00', MT_TTC: '22320.00', MT_MANDATE: '9300.00', CODE_FAMILLE: 'S07', TITULAIRE: 'LOCA NORD', VILLE_TITULAIRE: "Villeneuve\u00a0d'Ascq", CATEGORIE_ENTREPRISE: 'PME', HORS_MARCHE: 'N', NB_OFFRES: '2', DGP: '33', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: 'O', 'Marché réservé': 'Non', NEGOCIATION: 'N', 'Économie réalisée (€)': '600.00', ID_TIERS: 'T001102', IMPUTATION: '255-6135-212', EXERCICE: '2025' },
  // 12: an order outside any contract (other module: ISO date), no family code; same supplier as row 2.
  { NUM_MARCHE: 'EDU-HM-2025-014', OBJET: 'Achat de petit matériel pédagogique', 'PÔLE_GESTIONNAIRE': EDU, SERVICE_PRESCRIPTEUR: EDU_DIR, DATE_NOTIF: '2025-11-18', MT_HT: '1450.60', MT_TTC: '1740.72', TITULAIRE: 'LIBRAIRIE DU FURET', SIRET_TITULAIRE: '44156789000013', CP_TITULAIRE: '59000', VILLE_TITULAIRE: 'LILLE', CATEGORIE_ENTREPRISE: 'PME', HORS_MARCHE: 'O', DGP: '12', CLAUSE_SOCIALE: 'N', CLAUSE_ENV: 'N', 'Marché réservé': 'Non', NEGOCIATION: 'N', ID_TIERS: 'T000125', IMPUTATION: '211-6067-212', EXERCICE: '2025' },
];

const SPO = 'Pôle Sports et Jeunesse';
const SPO_DIR = 'Direction des Sports';
/** A date Excel converted from `jj/mm/aaaa 00:00:00` or `aaaa-mm-jj`. */
const converted = (iso: string): Date => day(iso);

/** Pôle Sports et Jeunesse, sheet rows 2–10, as Excel converted them on a double-click. */
export const SPO_ROWS: readonly Row[] = [
  // 2: point-decimal amount left as text by a French Excel; the mandated comma amount became a number;
  //    the SIRET 00542107800014 became the number 542107800014 (the same supplier as Éducation row 5,
  //    whose first row gives MEL and ETI); postal code 59700 a number; 1/0 numbers; Marcq (MEL), ETI.
  { NUM_MARCHE: 'SPO-2025-01', OBJET: 'Rénovation du sol sportif de la salle Watremez', 'PÔLE_GESTIONNAIRE': SPO, SERVICE_PRESCRIPTEUR: SPO_DIR, 'PROCÉDURE': 'MAPA', DATE_NOTIF: converted('2025-02-17'), MT_HT: '124800.50', MT_TTC: '149760.60', MT_MANDATE: 38450.75, CODE_FAMILLE: 'T08', TITULAIRE: "SOCIETE NORDISTE D'AMENAGEMENT", SIRET_TITULAIRE: 542107800014, CP_TITULAIRE: 59700, VILLE_TITULAIRE: 'MARCQ-EN-BAROEUL', CATEGORIE_ENTREPRISE: 'ETI', HORS_MARCHE: 0, NB_OFFRES: 3, DGP: 27, CLAUSE_SOCIALE: 1, CLAUSE_ENV: 0, 'Marché réservé': 'Non', NEGOCIATION: 1, 'Économie réalisée (€)': 4200, ID_TIERS: 'T000518', IMPUTATION: '411-2313-415', EXERCICE: 2025 },
  // 3: postal code 02100 became 2100 (Saint-Quentin, Aisne: Hauts-de-France); DGP 35: warning; TPE.
  { NUM_MARCHE: 'SPO-2025-02', OBJET: 'Location de structures gonflables pour les fêtes de quartier', 'PÔLE_GESTIONNAIRE': SPO, SERVICE_PRESCRIPTEUR: SPO_DIR, 'PROCÉDURE': "Appel d'offres ouvert", DATE_NOTIF: converted('2025-03-14'), MT_HT: 56000, MT_TTC: 67200, MT_MANDATE: 21000, CODE_FAMILLE: 'S15', TITULAIRE: 'AIR GAME EVENTS', SIRET_TITULAIRE: 33418901200035, CP_TITULAIRE: 2100, VILLE_TITULAIRE: 'SAINT-QUENTIN', CATEGORIE_ENTREPRISE: 'TPE', HORS_MARCHE: 0, NB_OFFRES: 4, DGP: 35, CLAUSE_SOCIALE: 0, CLAUSE_ENV: 0, 'Marché réservé': 'Non', NEGOCIATION: 0, ID_TIERS: 'T002210', IMPUTATION: '415-6132-415', EXERCICE: 2025 },
  // 4: « 2025-02-30 » does not exist, so Excel left it as text: date-invalide.
  { NUM_MARCHE: 'SPO-2025-03', OBJET: 'Entretien des terrains de football synthétiques', 'PÔLE_GESTIONNAIRE': SPO, SERVICE_PRESCRIPTEUR: SPO_DIR, 'PROCÉDURE': 'MAPA', DATE_NOTIF: '2025-02-30', MT_HT: 31000, MT_TTC: 37200, MT_MANDATE: 9000, CODE_FAMILLE: 'S11', TITULAIRE: 'GAZON SPORT NORD', SIRET_TITULAIRE: 42136764000032, CP_TITULAIRE: 59200, VILLE_TITULAIRE: 'TOURCOING', CATEGORIE_ENTREPRISE: 'PME', HORS_MARCHE: 0, NB_OFFRES: 3, DGP: 25, CLAUSE_SOCIALE: 0, CLAUSE_ENV: 0, 'Marché réservé': 'Non', NEGOCIATION: 0, ID_TIERS: 'T002305', IMPUTATION: '412-6135-415', EXERCICE: 2025 },
  // 5: a credit note exported as a negative amount: montant-invalide.
  { NUM_MARCHE: 'SPO-2025-04', OBJET: 'Fourniture de matériel sportif', 'PÔLE_GESTIONNAIRE': SPO, SERVICE_PRESCRIPTEUR: SPO_DIR, 'PROCÉDURE': 'MAPA', DATE_NOTIF: converted('2025-05-05'), MT_HT: -1500, MT_TTC: -1800, CODE_FAMILLE: 'F09', TITULAIRE: 'CASAL SPORT', CP_TITULAIRE: 67120, VILLE_TITULAIRE: 'ALTORF', CATEGORIE_ENTREPRISE: 'PME', HORS_MARCHE: 0, NB_OFFRES: 2, DGP: 20, CLAUSE_SOCIALE: 0, CLAUSE_ENV: 0, 'Marché réservé': 'Non', NEGOCIATION: 0, ID_TIERS: 'T002411', IMPUTATION: '411-6068-415', EXERCICE: 2025 },
  // 6: VRAI/FAUX converted to real booleans (CLAUSE_ENV TRUE, NEGOCIATION FALSE); postal code 08000 became
  //    8000 (Charleville-Mézières, Ardennes: France hors Hauts-de-France); ETI.
  { NUM_MARCHE: 'SPO-2025-05', OBJET: 'Maintenance des équipements de la piscine', 'PÔLE_GESTIONNAIRE': SPO, SERVICE_PRESCRIPTEUR: SPO_DIR, 'PROCÉDURE': 'AOO', DATE_NOTIF: converted('2025-06-02'), MT_HT: 88000, MT_TTC: 105600, MT_MANDATE: 40000.5, CODE_FAMILLE: 'S05', TITULAIRE: 'AQUA SERVICES', SIRET_TITULAIRE: 77505698700065, CP_TITULAIRE: 8000, VILLE_TITULAIRE: 'CHARLEVILLE-MÉZIÈRES', CATEGORIE_ENTREPRISE: 'ETI', HORS_MARCHE: false, NB_OFFRES: 2, DGP: 30, CLAUSE_SOCIALE: false, CLAUSE_ENV: true, 'Marché réservé': 'Non', NEGOCIATION: false, ID_TIERS: 'T002517', IMPUTATION: '413-6156-415', EXERCICE: 2025 },
  // 7: reserved ESS, social clause; no SIRET (by name); size empty (Inconnue); Roubaix.
  { NUM_MARCHE: 'SPO-2025-06', OBJET: 'Animations sportives dans les quartiers', 'PÔLE_GESTIONNAIRE': SPO, SERVICE_PRESCRIPTEUR: SPO_DIR, 'PROCÉDURE': 'MAPA', DATE_NOTIF: converted('2025-07-01'), MT_HT: 18000, MT_TTC: 18000, MT_MANDATE: 18000, CODE_FAMILLE: 'S16', TITULAIRE: 'UFOLEP NORD', CP_TITULAIRE: 59100, VILLE_TITULAIRE: 'ROUBAIX', HORS_MARCHE: 0, NB_OFFRES: 1, DGP: 20, CLAUSE_SOCIALE: 1, CLAUSE_ENV: 0, 'Marché réservé': 'ESS', NEGOCIATION: 0, ID_TIERS: 'T002609', IMPUTATION: '415-6574-415', EXERCICE: 2025 },
  // 8: the Sports share of the shared school-catering contract, under Éducation's number, same year:
  //    doublon (Éducation's file is given first).
  { NUM_MARCHE: 'EDU-2025-002', OBJET: 'Restauration scolaire : repas des centres de loisirs', 'PÔLE_GESTIONNAIRE': SPO, SERVICE_PRESCRIPTEUR: 'Direction de la Jeunesse', 'PROCÉDURE': 'AOO', DATE_NOTIF: converted('2025-07-07'), MT_HT: 35000, MT_TTC: 36925, MT_MANDATE: 12500, CODE_FAMILLE: 'S03', TITULAIRE: 'API RESTAURATION', SIRET_TITULAIRE: 30956621900031, CP_TITULAIRE: 59320, VILLE_TITULAIRE: 'HAUBOURDIN', CATEGORIE_ENTREPRISE: 'ETI', HORS_MARCHE: 0, NB_OFFRES: 3, DGP: 30, CLAUSE_SOCIALE: 1, CLAUSE_ENV: 1, 'Marché réservé': 'Non', NEGOCIATION: 0, ID_TIERS: 'T000311', IMPUTATION: '421-6042-415', EXERCICE: 2025 },
  // 9: an order outside any contract (1), point-decimal amount as text, no mandated; Villeneuve-d'Ascq (MEL), GE.
  { NUM_MARCHE: 'SPO-HM-2025-11', OBJET: 'Achat de ballons et de chasubles', 'PÔLE_GESTIONNAIRE': SPO, SERVICE_PRESCRIPTEUR: SPO_DIR, DATE_NOTIF: converted('2025-09-22'), MT_HT: '980.40', MT_TTC: '1176.48', CODE_FAMILLE: 'F09', TITULAIRE: 'DECATHLON PRO', SIRET_TITULAIRE: 88521226900017, CP_TITULAIRE: 59650, VILLE_TITULAIRE: "VILLENEUVE-D'ASCQ", CATEGORIE_ENTREPRISE: 'GE', HORS_MARCHE: 1, DGP: 15, CLAUSE_SOCIALE: 0, CLAUSE_ENV: 0, 'Marché réservé': 'Non', NEGOCIATION: 0, ID_TIERS: 'T002733', IMPUTATION: '411-6068-415', EXERCICE: 2025 },
  // 10: AOO, environmental clause, negotiated with a gain; mandated empty → spend = montant; MEL, ETI.
  { NUM_MARCHE: 'SPO-2025-07', OBJET: 'Éclairage du stade Stablinski', 'PÔLE_GESTIONNAIRE': SPO, SERVICE_PRESCRIPTEUR: SPO_DIR, 'PROCÉDURE': 'AOO', DATE_NOTIF: converted('2025-10-13'), MT_HT: 212000, MT_TTC: 254400, CODE_FAMILLE: 'T03', TITULAIRE: 'CITEOS', SIRET_TITULAIRE: 39323418000122, CP_TITULAIRE: 59650, VILLE_TITULAIRE: "Villeneuve d'Ascq", CATEGORIE_ENTREPRISE: 'ETI', HORS_MARCHE: 0, NB_OFFRES: 5, DGP: 29, CLAUSE_SOCIALE: 0, CLAUSE_ENV: 1, 'Marché réservé': 'Non', NEGOCIATION: 1, 'Économie réalisée (€)': 6000, ID_TIERS: 'T002840', IMPUTATION: '412-2313-415', EXERCICE: 2025 },
];

/** Pôle Culture's CSV lines (header first), as the software wrote them. */
export const CUL_LINES: readonly string[] = [
  'NUM_MARCHE;OBJET;PÔLE_GESTIONNAIRE;PROCÉDURE;DATE_NOTIF;MT_HT;MT_MANDATE;TITULAIRE;SIRET_TITULAIRE;CP_TITULAIRE;VILLE_TITULAIRE;HORS_MARCHE',
  "CUL-2025-01;Programmation du festival des cultures urbaines;Pôle Culture;Procédure adaptée;14/04/2025 00:00:00;18500.00;12000.00;COLLECTIF 59;;59100;ROUBAIX;N",
  "CUL-2025-02;Ateliers théâtre, danse et musique dans les écoles;Pôle Culture;Procédure adaptée;05/05/2025 00:00:00;9600.00;4800.00;COMPAGNIE DU TRIPORTEUR;;59000;LILLE;N",
  "CUL-2025-03;Numérisation des collections de La Piscine;Pôle Culture;AOO;23/06/2025 00:00:00;145000.00;60000.00;ARCHIVES NUMERIQUES SAS;;75011;PARIS;N",
];

/** Every value of a Row that is text gets the mojibake of a Windows-1252 reading. */
function writeSheet(ws: ExcelJS.Worksheet, rows: readonly Row[], asText: boolean): void {
  HEADER.forEach((h, i) => (ws.getRow(1).getCell(i + 1).value = asText ? mojibake(h) : h));
  rows.forEach((r, i) => {
    const row = ws.getRow(2 + i);
    HEADER.forEach((h, c) => {
      const v = r[h];
      if (v === undefined || v === null || v === '') return;
      const cell = row.getCell(c + 1);
      if (asText) {
        cell.value = mojibake(String(v));
        cell.numFmt = '@'; // the import typed every column « Texte »
      } else {
        cell.value = v;
        if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy hh:mm';
      }
    });
  });
}

export async function buildEducationWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  writeSheet(wb.addWorksheet(SHEET_EDU), EDU_ROWS, true);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildSportsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  writeSheet(wb.addWorksheet(SHEET_SPO), SPO_ROWS, false);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Column A holds each whole line; Excel split at commas only, so row 3's objet spills into B. */
export async function buildCultureWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_CUL);
  CUL_LINES.forEach((line, i) => {
    line.split(',').forEach((part, c) => (ws.getRow(1 + i).getCell(1 + c).value = part));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

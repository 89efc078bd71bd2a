/**
 * Blind acceptance, scenario « fournisseurs »: one Pôle workbook
 * « Pôle Économie.xlsx » built to exercise the supplier and money indicators
 * of axes 2 and 5 (`indicateurs.md`). House style nobody wrote the code for:
 * a title row above the header, synonyms spelled otherwise than in
 * `champs.md`, units in brackets, a line break inside one header, French
 * numbers typed as text, a SIRET typed as a number, one with spaces, one
 * failing Luhn, blank SIRETs, supplier names spelled differently.
 *
 * Sheets, in order:
 *   `Suivi marchés`      register, title on row 1, header on row 2, 18 rows (2024 then 2025)
 *   `Cibles`             COPIL targets, header on row 1
 *   `Saisies manuelles`  one manual value, header on row 1
 */
import ExcelJS from 'exceljs';
import { day, table } from './helpers';

export const FILE_F = 'Pôle Économie.xlsx';
export const SHEET_REG = 'Suivi marchés';
export const SHEET_CIB = 'Cibles';
export const SHEET_SAI = 'Saisies manuelles';
export const POLE = 'Pôle Économie';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Valid SIRETs (Luhn checked by hand, see the test header). */
export const S1 = '41234567800012'; // Roubaix Nettoyage SARL
export const S2 = '75234567800011'; // Imprimerie du Nord (typed as a number)
export const S3 = '50123456700029'; // Groupe Conseil National
export const S4 = '38812345600013'; // Traiteur des Weppes
export const S_BAD = '12345678901234'; // fails Luhn

export const HEADER_REG = [
  'N° du marché', //               numero (« n° de marché » with « du »)
  'Libellé', //                    objet
  'DGA', //                        pole
  'Date notif.', //                dateNotification
  'Montant notifié\n(€ HT)', //    montant (line break + unit in brackets)
  'Mandaté (€)', //                montantMandate
  'Hors marché ?', //              horsMarche
  'Hors BPU (€ HT)', //            montantHorsBPU
  'DGP (jours)', //                delaiPaiement
  'Négocié', //                    negociation
  'Économie réalisée (€)', //      gainNegociation
  'Amélioration technique', //     offreTechAmelioree
  'Innovation', //                 marcheInnovant
  'Raison sociale', //             titulaire
  'N° SIRET', //                   siret
  'CP', //                         codePostalTitulaire
  'Localité', //                   communeTitulaire
  'Pays', //                       paysTitulaire
  'Typologie entreprise', //       categorieEntreprise
  'Nb salariés', //                effectifTitulaire
] as const;

type Cell = ExcelJS.CellValue;
type Row = Partial<Record<(typeof HEADER_REG)[number], Cell>>;

/** Register rows; sheet row = index + 3. */
export const REG_ROWS: Row[] = [
  // ── 2024 (N−1) ── sheet rows 3..8
  { // 3  P1
    'N° du marché': '2024-ECO-001', 'Libellé': "Nettoyage des locaux de la Maison de l'emploi", 'DGA': POLE,
    'Date notif.': day('2024-02-12'), 'Montant notifié\n(€ HT)': 46000, 'Mandaté (€)': 46000, 'Hors marché ?': 'non',
    'Hors BPU (€ HT)': 800, 'DGP (jours)': 22, 'Négocié': 'oui', 'Économie réalisée (€)': 2000, 'Amélioration technique': 'oui',
    'Innovation': 'non', 'Raison sociale': 'Roubaix Nettoyage SARL', 'N° SIRET': S1, 'CP': '59100', 'Localité': 'Roubaix',
    'Typologie entreprise': 'PME', 'Nb salariés': 45,
  },
  { // 4  P2
    'N° du marché': '2024-ECO-002', 'Libellé': 'Impression du guide des aides aux entreprises', 'DGA': POLE,
    'Date notif.': '08/04/2024', 'Montant notifié\n(€ HT)': '15 000,00', 'Mandaté (€)': 14000, 'Hors marché ?': 'non',
    'DGP (jours)': 38, 'Négocié': 'non', 'Innovation': 'non', 'Raison sociale': 'Imprimerie du Nord', 'N° SIRET': Number(S2),
    'CP': '59000', 'Localité': 'Lille', 'Typologie entreprise': 'TPE',
  },
  { // 5  P3
    'N° du marché': '2024-ECO-003', 'Libellé': "Conception d'un outil de cartographie des locaux vacants", 'DGA': POLE,
    'Date notif.': day('2024-06-17'), 'Montant notifié\n(€ HT)': 40000, 'Mandaté (€)': 40000, 'Hors marché ?': 'non',
    'DGP (jours)': 30, 'Négocié': 'oui', 'Économie réalisée (€)': 3000, 'Amélioration technique': 'non', 'Innovation': 'oui',
    'Raison sociale': "Conseil Innov'Lyon", 'N° SIRET': S_BAD, 'CP': '69003', 'Localité': 'Lyon', 'Typologie entreprise': 'ETI',
  },
  { // 6  P4 (hors marché)
    'N° du marché': '2024-ECO-004', 'Libellé': "Fournitures pour l'accueil", 'DGA': POLE,
    'Date notif.': day('2024-09-09'), 'Montant notifié\n(€ HT)': 2500, 'Mandaté (€)': 2500, 'Hors marché ?': 'oui',
    'DGP (jours)': 10, 'Négocié': 'non', 'Innovation': 'non', 'Raison sociale': 'Papeterie Roubaisienne', 'CP': '59100',
    'Typologie entreprise': 'TPE',
  },
  { // 7  P5
    'N° du marché': '2024-ECO-005', 'Libellé': 'Animation de la bourse aux locaux', 'DGA': POLE,
    'Date notif.': '01/10/2024', 'Montant notifié\n(€ HT)': 20000, 'Mandaté (€)': 18000, 'Hors marché ?': 'non',
    'Négocié': 'oui', 'Économie réalisée (€)': 800, 'Amélioration technique': 'oui', 'Innovation': 'non',
    'Raison sociale': 'Bâtiment Flandres', 'CP': '59190', 'Localité': 'Hazebrouck', 'Nb salariés': 120,
  },
  { // 8  P6
    'N° du marché': '2024-ECO-006', 'Libellé': "Études économiques du quartier de l'Union", 'DGA': POLE,
    'Date notif.': day('2024-03-15'), 'Montant notifié\n(€ HT)': 30000, 'Mandaté (€)': 30000, 'Hors marché ?': 'non',
    'DGP (jours)': 45, 'Négocié': 'oui', 'Économie réalisée (€)': 1500, 'Amélioration technique': 'oui', 'Innovation': 'non',
    'Raison sociale': 'Groupe Conseil National', 'N° SIRET': S3, 'Localité': 'Tourcoing', 'Nb salariés': 6200,
  },
  // ── 2025 (N) ── sheet rows 9..20
  { // 9  A
    'N° du marché': '2025-ECO-001', 'Libellé': "Nettoyage des locaux de la Maison de l'emploi", 'DGA': POLE,
    'Date notif.': day('2025-02-10'), 'Montant notifié\n(€ HT)': 48000, 'Mandaté (€)': `45${NBSP}200,50 €`, 'Hors marché ?': 'Non',
    'Hors BPU (€ HT)': 1200, 'DGP (jours)': 25, 'Négocié': 'Oui', 'Économie réalisée (€)': 2400, 'Amélioration technique': 'Oui',
    'Innovation': 'Non', 'Raison sociale': 'Roubaix Nettoyage SARL', 'N° SIRET': '412 345 678 00012', 'CP': '59100',
    'Localité': 'Roubaix', 'Typologie entreprise': 'PME', 'Nb salariés': 45,
  },
  { // 10 B
    'N° du marché': '2025-ECO-002', 'Libellé': "Impression des supports de communication du salon de l'entrepreneuriat", 'DGA': POLE,
    'Date notif.': '05/03/2025', 'Montant notifié\n(€ HT)': `18${NNBSP}500,00`, 'Mandaté (€)': 17980,
    'DGP (jours)': 42, 'Négocié': 'x', 'Économie réalisée (€)': 900, 'Amélioration technique': 'non',
    'Raison sociale': 'IMPRIMERIE DU NORD', 'N° SIRET': Number(S2), 'CP': '59000', 'Localité': 'Lille', 'Typologie entreprise': 'TPE',
  },
  { // 11 C
    'N° du marché': '2025-ECO-003', 'Libellé': "Travaux d'aménagement de la pépinière d'entreprises", 'DGA': POLE,
    'Date notif.': '2025-04-14', 'Montant notifié\n(€ HT)': 250000, 'Mandaté (€)': 180000, 'Hors marché ?': 'non',
    'Hors BPU (€ HT)': '15 000', 'DGP (jours)': 30, 'Négocié': 'oui', 'Économie réalisée (€)': '12 500 € HT',
    'Amélioration technique': 'oui', 'Innovation': 'non', 'Raison sociale': 'Bâtiment Flandres SAS', 'CP': '59190',
    'Localité': 'Hazebrouck', 'Nb salariés': 120,
  },
  { // 12 D
    'N° du marché': '2025-ECO-004', 'Libellé': "Étude de préfiguration d'une plateforme numérique des commerces", 'DGA': POLE,
    'Date notif.': day('2025-05-20'), 'Montant notifié\n(€ HT)': 60000, 'Mandaté (€)': 30000, 'Hors marché ?': 'non',
    'DGP (jours)': '31,5', 'Négocié': 'non', 'Économie réalisée (€)': 1500, 'Innovation': 'Oui',
    'Raison sociale': "Conseil Innov'Lyon", 'N° SIRET': S_BAD, 'CP': '69003', 'Localité': 'Lyon',
    'Typologie entreprise': 'ETI', 'Nb salariés': 900,
  },
  { // 13 E
    'N° du marché': '2025-ECO-005', 'Libellé': 'Accompagnement des commerçants à la transition numérique', 'DGA': POLE,
    'Date notif.': day('2025-06-02'), 'Montant notifié\n(€ HT)': 35000, 'Hors marché ?': 'non',
    'Négocié': 'Oui', 'Économie réalisée (€)': 0, 'Amélioration technique': 'Non', 'Innovation': 'oui',
    'Raison sociale': 'Brussels Design SPRL', 'CP': '1000', 'Localité': 'Bruxelles', 'Pays': 'Belgique',
    'Typologie entreprise': 'PME',
  },
  { // 14 F (hors marché)
    'N° du marché': '2025-ECO-006', 'Libellé': "Location de stands pour le forum de l'emploi", 'DGA': POLE,
    'Date notif.': day('2025-09-15'), 'Montant notifié\n(€ HT)': 8400, 'Mandaté (€)': 8400, 'Hors marché ?': 'Oui',
    'Hors BPU (€ HT)': 0, 'DGP (jours)': 45, 'Négocié': 'non', 'Innovation': 'non', 'Raison sociale': 'Atelier Mystère',
  },
  { // 15 error: montant missing
    'N° du marché': '2025-ECO-011', 'Libellé': 'Étude de marché commerce de centre-ville', 'DGA': POLE,
    'Date notif.': day('2025-08-20'), 'Mandaté (€)': 5000, 'Hors marché ?': 'non', 'DGP (jours)': 20, 'Négocié': 'non',
    'Innovation': 'non', 'Raison sociale': 'Cabinet Fantôme', 'Localité': 'Roubaix', 'Typologie entreprise': 'TPE',
  },
  { // 16 G (same supplier as C, by name; other commune and size on this row)
    'N° du marché': '2025-ECO-007', 'Libellé': "Petits travaux d'entretien de la pépinière", 'DGA': POLE,
    'Date notif.': day('2025-07-01'), 'Montant notifié\n(€ HT)': 12000, 'Mandaté (€)': 9000, 'Hors marché ?': 'non',
    'DGP (jours)': 20, 'Négocié': 'oui', 'Économie réalisée (€)': 600, 'Amélioration technique': 'oui', 'Innovation': 'non',
    'Raison sociale': 'BATIMENT FLANDRES', 'CP': '59000', 'Localité': 'Lille', 'Typologie entreprise': 'ETI',
  },
  { // 17 H (Roubaix Nettoyage again, without SIRET)
    'N° du marché': '2025-ECO-008', 'Libellé': "Nettoyage après le salon de l'entrepreneuriat", 'DGA': POLE,
    'Date notif.': day('2025-10-03'), 'Montant notifié\n(€ HT)': 5000, 'Mandaté (€)': 4950, 'Hors marché ?': 'non',
    'DGP (jours)': '35 jours', 'Négocié': 'non', 'Innovation': 'non', 'Raison sociale': 'Roubaix Nettoyage',
    'CP': '59100', 'Localité': 'Roubaix', 'Nb salariés': 8,
  },
  { // 18 I
    'N° du marché': '2025-ECO-009', 'Libellé': 'Animation du réseau des entreprises de la zone franche', 'DGA': POLE,
    'Date notif.': day('2025-11-12'), 'Montant notifié\n(€ HT)': 22000, 'Mandaté (€)': 20000, 'Hors marché ?': 'non',
    'DGP (jours)': 28, 'Négocié': 'oui', 'Économie réalisée (€)': 1100, 'Amélioration technique': 'non', 'Innovation': 'non',
    'Raison sociale': 'Groupe Conseil National', 'N° SIRET': S3, 'Localité': 'Tourcoing', 'Nb salariés': `6${NBSP}200`,
  },
  { // 19 error: doublon of row 11 (case and spaces ignored, same year)
    'N° du marché': '2025-eco - 003', 'Libellé': "Travaux d'aménagement de la pépinière d'entreprises, lot 2", 'DGA': POLE,
    'Date notif.': day('2025-12-15'), 'Montant notifié\n(€ HT)': 10000, 'Hors marché ?': 'non', 'Négocié': 'non',
    'Innovation': 'non', 'Raison sociale': 'Bâtiment Flandres SAS', 'CP': '59190', 'Localité': 'Hazebrouck',
  },
  { // 20 J (postal code 59780 only: shared with a commune outside the MEL)
    'N° du marché': '2025-ECO-010', 'Libellé': 'Prestation de traiteur pour les vœux aux entreprises', 'DGA': POLE,
    'Date notif.': day('2025-12-01'), 'Montant notifié\n(€ HT)': 9800, 'Hors marché ?': 'Non', 'DGP (jours)': 15,
    'Raison sociale': 'Traiteur des Weppes', 'N° SIRET': S4, 'CP': '59780', 'Typologie entreprise': 'TPE',
  },
];

export const HEADER_CIB = ['Indicateur', 'Année', 'Cible', 'Sens'] as const;
export const CIB_ROWS: Record<string, Cell>[] = [
  { 'Indicateur': '2.1.5-delai-paiement', 'Année': 2025, 'Cible': 30, 'Sens': '≤' },
  { 'Indicateur': '5.2.1-innovants-nb', 'Année': 2025, 'Cible': 20 },
  { 'Indicateur': '2.2.4-gain-negociation', 'Année': 2024, 'Cible': 5000, 'Sens': '≥' },
];

export const HEADER_SAI = ['Indicateur', 'Année', 'Valeur', 'Source'] as const;
export const SAI_ROWS: Record<string, Cell>[] = [
  { 'Indicateur': '3.2.1-fournitures-evitees', 'Année': 2025, 'Valeur': 12.5, 'Source': 'Service des moyens généraux' },
];

export async function buildFournisseurs(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_REG);
  ws.getCell('A1').value = 'Suivi des marchés — Pôle Économie (DGA Attractivité) — mis à jour le 12/01/2026';
  ws.mergeCells('A1:H1');
  table(ws, 2, HEADER_REG, REG_ROWS as Record<string, Cell>[]);
  ws.getRow(2).getCell(5).alignment = { wrapText: true };
  const cib = wb.addWorksheet(SHEET_CIB);
  table(cib, 1, HEADER_CIB, CIB_ROWS);
  const sai = wb.addWorksheet(SHEET_SAI);
  table(sai, 1, HEADER_SAI, SAI_ROWS);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ─── Second workbook: supplier edge cases (zones, sizes, identities) ──────

export const FILE_Z = 'Pôle Économie - fournisseurs.xlsx';
/** La Poste: fails Luhn, digit sum 15 (multiple of 5) → valid. */
export const S_POSTE = '35600000000001';

export const HEADER_Z = [
  'Numéro de consultation', //   numero
  'Objet', //                    objet
  'Notifié le', //               dateNotification
  'Montant HT (en €)', //        montant
  'Entreprise', //               titulaire
  'Siret titulaire', //          siret
  'Code postal', //              codePostalTitulaire
  'Ville du titulaire', //       communeTitulaire
  'Pays', //                     paysTitulaire
  'Catégorie d’entreprise', //   categorieEntreprise (typographic apostrophe)
  'Effectif', //                 effectifTitulaire
] as const;

const z = (n: number, objet: string, montant: number, rest: Record<string, Cell>): Record<string, Cell> => ({
  'Numéro de consultation': `2025-Z${String(n).padStart(2, '0')}`, 'Objet': objet, 'Notifié le': day(`2025-${String(((n - 1) % 12) + 1).padStart(2, '0')}-10`),
  'Montant HT (en €)': montant, ...rest,
});

/** Sheet row = index + 3. */
export const Z_ROWS: Record<string, Cell>[] = [
  z(1, 'Catalogues de la braderie', 1000, { 'Entreprise': 'La Redoute Services', 'Ville du titulaire': 'Roubaix Cedex 1', 'Effectif': 9 }), // 3
  z(2, 'Menuiserie du local commercial', 2000, { 'Entreprise': 'Menuiserie Saint-André', 'Ville du titulaire': 'St-André-lez-Lille', 'Effectif': 10 }), // 4
  z(3, 'Affranchissement des courriers', 3000, { 'Entreprise': 'La Poste', 'Siret titulaire': S_POSTE, 'Ville du titulaire': 'Marcq en Baroeul', 'Effectif': 249 }), // 5
  z(4, 'Impression des affiches', 4000, { 'Entreprise': "Imprimerie de l'Aisne", 'Code postal': 2100, 'Effectif': 250 }), // 6
  z(5, 'Campagne de promotion', 5000, { 'Entreprise': 'Agence Parisienne', 'Code postal': '75011', 'Ville du titulaire': 'Lille', 'Effectif': 4999 }), // 7
  z(6, 'Transport de matériel', 6000, { 'Entreprise': 'Transports Bachy', 'Ville du titulaire': 'Bachy', 'Effectif': 5000 }), // 8
  z(7, 'Entretien des abords', 7000, { 'Entreprise': 'Espaces Verts Wattrelos', 'Ville du titulaire': 'Wattrelos', 'Pays': 'FR', 'Catégorie d’entreprise': 'tpe' }), // 9
  z(8, 'Signalétique du marché couvert', 8000, { 'Entreprise': 'Mouscron Signalétique', 'Code postal': '7700', 'Ville du titulaire': 'Mouscron', 'Pays': 'Belgique' }), // 10
  z(9, 'Buffet du forum', 9000, { 'Entreprise': 'Traiteur Pévèle', 'Code postal': '59830', 'Catégorie d’entreprise': 'GE' }), // 11
  z(10, 'Tapis du salon', 10000, { 'Entreprise': 'Tapis Roubaisiens', 'Code postal': '5910', 'Ville du titulaire': 'Roubaix', 'Catégorie d’entreprise': 'PME' }), // 12
  z(11, 'Tapis du forum', 11000, { 'Entreprise': 'Tapis-Roubaisiens (SARL)', 'Code postal': '59200', 'Ville du titulaire': 'Tourcoing', 'Catégorie d’entreprise': 'GE' }), // 13
  z(12, 'Petits travaux de peinture', 12000, { 'Entreprise': 'Éts Dupont', 'Siret titulaire': '4123456780001', 'Code postal': '59100', 'Ville du titulaire': 'Roubaix', 'Effectif': 30 }), // 14
  z(13, 'Location de barrières', 13000, { 'Ville du titulaire': 'Lille', 'Effectif': 3 }), // 15
  z(14, 'Nettoyage du salon', 14000, { 'Entreprise': 'Roubaix Nettoyage SARL', 'Siret titulaire': S1, 'Code postal': '59100', 'Ville du titulaire': 'ROUBAIX', 'Catégorie d’entreprise': 'PME' }), // 16
  z(15, 'Nettoyage du forum', 15000, { 'Entreprise': 'R. Nettoyage', 'Siret titulaire': S1, 'Code postal': '59000', 'Ville du titulaire': 'Lille', 'Catégorie d’entreprise': 'ETI' }), // 17
];

export async function buildZones(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_REG);
  ws.getCell('A1').value = 'Fournisseurs 2025 — Pôle Économie';
  table(ws, 2, HEADER_Z, Z_ROWS);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

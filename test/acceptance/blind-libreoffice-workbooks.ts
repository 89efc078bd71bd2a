/**
 * Blind acceptance « libreoffice »: two buyers who keep their tracking workbook in LibreOffice
 * Calc and save it as .xlsx. The .xlsx the command line reads is WRITTEN BY LIBREOFFICE at test
 * time (`soffice --headless --convert-to xlsx`), from what the buyer typed:
 *
 * File A « Pôle Solidarités.xlsx » — typed in LibreOffice (flat ODS, `.fods`, below) and saved
 * as .xlsx. Sheet « Suivi 2025 »: a title merged over A1:F1, an update date, the header on row 4
 * (27 columns, synonyms spelled as the service does, two headers with a line break in the cell,
 * a « Montant TTC » formula column), typed booleans (VRAI/FAUX), dates typed as dates and as text
 * (`15.05.2025`, `3 juin 2025`, `1er avril 2025`, `31/06/2025`), amounts under a currency format
 * and as text (`18 500,00 €` with no-break spaces, `7.500`, `à définir`), a SIRET and postal codes
 * typed as numbers (the leading zero gone), three lots of one consultation whose Service,
 * Procédure and Date cells are merged vertically, a formula numero (concatenation), a formula
 * amount, a `#DIV/0!`, an autofilter, a named range, a list validation, a note on a header, an
 * empty row, and a « TOTAL » row merged over the numero and objet columns. Companion sheets:
 * « Insertion » (Suivi insertion under a merged title, with a totals row), « Cibles COPIL »
 * (targets typed `30 %`, which LibreOffice stores 0.3 under its format `0\ %`), and a hidden
 * sheet « Listes ».
 *
 * File B « Pôle Proximité.xlsx » — an application's CSV export (Windows-1252, `;`, a title line)
 * opened in LibreOffice with the French import options (language French, special numbers
 * detected) and saved as .xlsx: LibreOffice turns `05/03/2025` into a date, `350 000,00` into a
 * number, `VRAI` into a boolean, `05100` into 5100, a 14-digit SIRET into a number.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FILE_A = 'Pôle Solidarités.xlsx';
export const FILE_B = 'Pôle Proximité.xlsx';
export const SHEET_A = 'Suivi 2025';
export const SHEET_INSERTION = 'Insertion';
export const SHEET_CIBLES = 'Cibles COPIL';
export const SHEET_LISTES = 'Listes';
/** LibreOffice names the sheet of an imported CSV after the file. */
export const SHEET_B = 'Pôle Proximité';

// ───────────────────────── cells of the flat ODS ─────────────────────────

type Style = 'date' | 'euro' | 'hours' | 'days' | 'int' | 'pct' | 'bool' | 'head' | 'title' | 'total';

export type Cell =
  | { k: 's'; v: string; style?: Style; note?: string }
  | { k: 'n'; v: number; style?: Style }
  /** A date (`2025-01-20`) or a date and time (`2025-02-14T10:30:00`). */
  | { k: 'd'; v: string }
  | { k: 'b'; v: boolean }
  /** A formula in OpenFormula syntax (`of:=…`), with the result LibreOffice shows. */
  | { k: 'f'; f: string; result: number | string | boolean | { error: string }; style?: Style }
  | { k: 'covered' };

const s = (v: string, style?: Style): Cell => ({ k: 's', v, style });
const n = (v: number, style?: Style): Cell => ({ k: 'n', v, style });
const d = (v: string): Cell => ({ k: 'd', v });
const b = (v: boolean): Cell => ({ k: 'b', v });
const covered: Cell = { k: 'covered' };
const eur = (v: number): Cell => n(v, 'euro');
const hrs = (v: number): Cell => n(v, 'hours');
const days = (v: number): Cell => n(v, 'days');
const ttc = (row: number, result: number | { error: string }): Cell => ({ k: 'f', f: `of:=[.H${row}]*1.2`, result, style: 'euro' });

/** A cell with its spans (merged cells: the first cell spans, the others are `covered`). */
interface Placed {
  cell: Cell | null;
  rows?: number;
  cols?: number;
  validation?: string;
}

// ───────────────────────── sheet « Suivi 2025 » ─────────────────────────

/** Row 4, columns A…AA. */
export const HEADER_A = [
  'N°\nmarché', 'Intitulé du marché', 'Service prescripteur', 'Mode de passation', 'Hors marché', 'Notifié le',
  'Durée (mois)', 'Montant HT\n(en €)', 'Montant TTC', 'Réalisé (€)', 'Programmé ?', "Famille d'achat",
  'Clause sociale (insertion)', 'Heures prévues', 'Heures réalisées', 'Marché réservé', 'Clause verte', 'Critère DD',
  'Innovant ?', "Nb d'offres", 'Délai paiement (j)', 'Attributaire', 'SIRET titulaire', 'Code postal', 'Commune',
  'Taille entreprise', 'Observations / remarques',
] as const;
type Col = (typeof HEADER_A)[number];
type RowA = Partial<Record<Col, Cell>>;

/** Sheet rows 5… of « Suivi 2025 » (null = an empty row). Comments give the row number. */
export const ROWS_A: (RowA | null)[] = [
  // r5
  {
    'N°\nmarché': s('SOL-25-001'), 'Intitulé du marché': s('Accompagnement social des allocataires du RSA'),
    'Service prescripteur': s('CCAS'), 'Mode de passation': s('AOO'), 'Hors marché': b(false), 'Notifié le': d('2025-01-20'),
    'Durée (mois)': n(36), 'Montant HT\n(en €)': eur(240000), 'Montant TTC': ttc(5, 288000), 'Réalisé (€)': eur(80000),
    'Programmé ?': b(true), "Famille d'achat": s('SO01'), 'Clause sociale (insertion)': s('Oui'), 'Heures prévues': hrs(1200),
    'Heures réalisées': hrs(450), 'Marché réservé': s('Non'), 'Clause verte': s('Non'), 'Critère DD': s('Oui'),
    "Nb d'offres": n(3), 'Délai paiement (j)': days(25), Attributaire: s('Association Accueil Nord'),
    'SIRET titulaire': n(73282932000074, 'int'), 'Code postal': n(59100), Commune: s('Roubaix'), 'Taille entreprise': s('PME'),
  },
  // r6
  {
    'N°\nmarché': s('SOL-25-002'), 'Intitulé du marché': s('Fourniture de colis alimentaires'),
    'Service prescripteur': s('Épicerie sociale'), 'Mode de passation': s('MAPA'), 'Hors marché': s('non'),
    'Notifié le': s('15.05.2025'), 'Durée (mois)': n(12), 'Montant HT\n(en €)': s('18\u00a0500,00\u00a0€'),
    'Montant TTC': ttc(6, { error: '#VALUE!' }), 'Programmé ?': s('x'), "Famille d'achat": s('AL02'),
    'Clause sociale (insertion)': s('-'), 'Marché réservé': s('L2113-13'), 'Clause verte': s('✓'), "Nb d'offres": n(2),
    'Délai paiement (j)': days(32), Attributaire: s('Les Jardins de Cocagne SCIC'), 'Code postal': s('59200'),
    Commune: s('Tourcoing'), 'Taille entreprise': s('tpe'),
  },
  // r7
  {
    'N°\nmarché': s('SOL-25-003'), 'Intitulé du marché': s('Nettoyage des locaux du CCAS'), 'Service prescripteur': s('CCAS'),
    'Mode de passation': s("Appel d'offres ouvert"), 'Hors marché': b(false), 'Notifié le': d('2025-02-03'), 'Durée (mois)': n(48),
    'Montant HT\n(en €)': eur(96000), 'Montant TTC': ttc(7, 115200), 'Réalisé (€)': { k: 'f', f: 'of:=4200+3150.5', result: 7350.5, style: 'euro' },
    'Programmé ?': b(true), "Famille d'achat": s('NE01'), 'Clause sociale (insertion)': s('Oui (35 h par an)'),
    'Heures prévues': hrs(140), 'Heures réalisées': hrs(35), 'Clause verte': s('Oui'), 'Critère DD': s('Non'), "Nb d'offres": n(5),
    'Délai paiement (j)': days(28), Attributaire: s("Net'Services Roubaix"), 'SIRET titulaire': s('382 546 319 00023'),
    'Code postal': n(59100), Commune: s('ROUBAIX CEDEX 1'), 'Taille entreprise': s('PME'),
  },
  // r8
  {
    'N°\nmarché': s('SOL-25-005'), 'Intitulé du marché': s('Transport adapté des personnes âgées'), 'Service prescripteur': s('Seniors'),
    'Mode de passation': s('PA'), 'Hors marché': s('N'), 'Notifié le': s('3 juin 2025'), 'Durée (mois)': n(24),
    'Montant HT\n(en €)': eur(45000), 'Montant TTC': ttc(8, 54000), 'Réalisé (€)': eur(30000), 'Programmé ?': s('Non'),
    "Famille d'achat": s('TR03'), 'Clause sociale (insertion)': s('Non'), 'Heures réalisées': hrs(60), 'Marché réservé': s('Non'),
    'Critère DD': s('Oui'), 'Innovant ?': s('Oui'), "Nb d'offres": n(1), 'Délai paiement (j)': days(20),
    Attributaire: s('Mobilité Plus'), 'SIRET titulaire': n(44178512300015, 'int'), 'Code postal': n(62300), Commune: s('Lens'),
    'Taille entreprise': s('ETI'), 'Observations / remarques': s('Flotte de véhicules électriques'),
  },
  // r9 — lot 1; Service, Procédure and Date merged over r9:r11
  {
    'N°\nmarché': s('SOL-25-004-L1'), 'Intitulé du marché': s('Aide à domicile — lot 1 : Roubaix nord'),
    'Service prescripteur': s('Seniors'), 'Mode de passation': s('AOO'), 'Hors marché': b(false), 'Notifié le': d('2025-04-15'),
    'Durée (mois)': n(36), 'Montant HT\n(en €)': eur(150000), 'Montant TTC': ttc(9, 180000), 'Réalisé (€)': eur(50000),
    'Programmé ?': b(true), "Famille d'achat": s('AD01'), 'Clause sociale (insertion)': b(true), 'Heures prévues': hrs(600),
    'Heures réalisées': hrs(200), 'Clause verte': b(false), 'Critère DD': b(true), 'Innovant ?': b(false), "Nb d'offres": n(4),
    'Délai paiement (j)': days(30), Attributaire: s('ADMR Roubaix'), 'SIRET titulaire': n(51236987400023, 'int'),
    'Code postal': n(59100), Commune: s('Roubaix'), 'Taille entreprise': s('PME'),
  },
  // r10 — lot 2
  {
    'N°\nmarché': s('SOL-25-004-L2'), 'Intitulé du marché': s('Aide à domicile — lot 2 : Roubaix sud'),
    'Service prescripteur': covered, 'Mode de passation': covered, 'Hors marché': b(false), 'Notifié le': covered,
    'Durée (mois)': n(36), 'Montant HT\n(en €)': eur(120000), 'Montant TTC': ttc(10, 144000), 'Réalisé (€)': eur(40000),
    'Programmé ?': b(true), "Famille d'achat": s('AD01'), 'Clause sociale (insertion)': b(true), 'Heures prévues': hrs(500),
    'Heures réalisées': hrs(150), 'Clause verte': b(false), 'Critère DD': b(true),
    'Innovant ?': { k: 'f', f: 'of:=[.S9]', result: false }, "Nb d'offres": n(3),
    'Délai paiement (j)': days(30), Attributaire: s('Aide et Soins Flandre'), 'SIRET titulaire': n(77889911200016, 'int'),
    'Code postal': n(59000), Commune: s('Lille'), 'Taille entreprise': s('ETI'),
  },
  // r11 — lot 3
  {
    'N°\nmarché': s('SOL-25-004-L3'), 'Intitulé du marché': s('Aide à domicile — lot 3 : portage de repas'),
    'Service prescripteur': covered, 'Mode de passation': covered, 'Hors marché': b(false), 'Notifié le': covered,
    'Durée (mois)': n(36), 'Montant HT\n(en €)': eur(60000), 'Montant TTC': ttc(11, 72000),
    'Réalisé (€)': { k: 'f', f: 'of:=IF([.H11]>100000;[.H11]/2;"")', result: '', style: 'euro' }, 'Programmé ?': b(true),
    "Famille d'achat": s('AD02'), 'Clause sociale (insertion)': b(false), 'Clause verte': b(true),
    'Critère DD': { k: 'f', f: 'of:=[.R9]', result: true },
    'Innovant ?': b(true), "Nb d'offres": n(1), Attributaire: s('Repas Solidaires'), 'Code postal': s('59780'),
    'Taille entreprise': s('TPE'), 'Observations / remarques': s("Expérimentation d'une tournée à vélo"),
  },
  // r12 — hors marché
  {
    'N°\nmarché': s('SOL-25-006'), 'Intitulé du marché': s('Achat de papier recyclé pour les services'),
    'Service prescripteur': s('Administration'), 'Hors marché': s('Oui'), 'Notifié le': d('2025-06-10'),
    'Montant HT\n(en €)': eur(3200), 'Montant TTC': ttc(12, 3840), 'Réalisé (€)': eur(3200), 'Délai paiement (j)': days(15),
    Attributaire: s('Papeterie Lefebvre'), 'SIRET titulaire': n(12345678900012, 'int'), 'Code postal': n(59100),
    Commune: s('Roubaix'), 'Taille entreprise': s('TPE'),
  },
  // r13
  {
    'N°\nmarché': s('SOL-25-007'), 'Intitulé du marché': s("Médiation numérique : prototype d'application"),
    'Service prescripteur': s('Inclusion numérique'), 'Mode de passation': s('PCN'), 'Hors marché': b(false),
    'Notifié le': d('2025-09-01'), 'Durée (mois)': n(6), 'Montant HT\n(en €)': eur(35000), 'Montant TTC': ttc(13, 42000),
    'Réalisé (€)': eur(35000), 'Programmé ?': b(false), "Famille d'achat": s('NU01'), 'Clause sociale (insertion)': s('N'),
    'Marché réservé': s('ESS'), 'Clause verte': s('N'), 'Critère DD': s('N'), "Nb d'offres": n(2), 'Délai paiement (j)': days(45),
    Attributaire: s('Numérique Solidaire'), 'SIRET titulaire': n(34561237800017, 'int'), 'Code postal': n(59150),
    Commune: s('Wattrelos'), 'Taille entreprise': s('TPE'),
  },
  // r14
  {
    'N°\nmarché': s('SOL-25-008'), 'Intitulé du marché': s('Location de véhicules pour le portage de repas'),
    'Service prescripteur': s('Seniors'), 'Mode de passation': s('sans publicité ni mise en concurrence'), 'Hors marché': b(false),
    'Notifié le': d('2025-10-06'), 'Durée (mois)': n(12), 'Montant HT\n(en €)': eur(9800), 'Montant TTC': ttc(14, 11760),
    'Réalisé (€)': eur(4900), 'Programmé ?': s('non'), "Famille d'achat": s('VE01'), 'Clause sociale (insertion)': s('non'),
    'Clause verte': s('non'), 'Critère DD': s('non'), "Nb d'offres": n(1), 'Délai paiement (j)': days(12),
    Attributaire: s("Loc'Auto Nord"), 'SIRET titulaire': n(61239874500028, 'int'), 'Code postal': n(8000),
    Commune: s('Charleville-Mézières'), 'Taille entreprise': s('GE'),
  },
  // r15 — numero by a formula; heures réalisées #DIV/0!
  {
    'N°\nmarché': { k: 'f', f: 'of:="SOL-25-"&"011"', result: 'SOL-25-011' },
    'Intitulé du marché': s("Ateliers de remobilisation vers l'emploi"), 'Service prescripteur': s('Emploi'),
    'Mode de passation': s('MAPA'), 'Hors marché': b(false), 'Notifié le': d('2025-11-17'), 'Durée (mois)': n(10),
    'Montant HT\n(en €)': eur(42000), 'Montant TTC': ttc(15, 50400), 'Réalisé (€)': eur(10500), 'Programmé ?': b(true),
    "Famille d'achat": s('EM01'), 'Clause sociale (insertion)': b(true), 'Heures prévues': hrs(800),
    'Heures réalisées': { k: 'f', f: 'of:=[.N15]/0', result: { error: '#DIV/0!' }, style: 'hours' },
    'Clause verte': b(false), 'Critère DD': b(false), 'Innovant ?': b(false), "Nb d'offres": n(3), 'Délai paiement (j)': days(20),
    Attributaire: s('Chantier École Nord'), 'Code postal': n(59100), Commune: s('Roubaix'), 'Taille entreprise': s('TPE'),
  },
  // r16 — 31 June
  {
    'N°\nmarché': s('SOL-25-012'), 'Intitulé du marché': s('Fourniture de mobilier de bureau'),
    'Service prescripteur': s('Administration'), 'Mode de passation': s('MAPA'), 'Hors marché': b(false),
    'Notifié le': s('31/06/2025'), 'Durée (mois)': n(12), 'Montant HT\n(en €)': eur(12000), 'Montant TTC': ttc(16, 14400),
    'Programmé ?': b(true), "Famille d'achat": s('MO01'), 'Clause sociale (insertion)': b(false), 'Clause verte': b(false),
    'Critère DD': b(false), 'Innovant ?': b(false), "Nb d'offres": n(2), 'Délai paiement (j)': days(25),
    Attributaire: s('Bureau Vallée Roubaix'), 'Code postal': n(59100), Commune: s('Roubaix'), 'Taille entreprise': s('TPE'),
  },
  // r17 — amount still unknown
  {
    'N°\nmarché': s('SOL-25-013'), 'Intitulé du marché': s('Maintenance des ascenseurs de la résidence autonomie'),
    'Service prescripteur': s('Seniors'), 'Mode de passation': s('MAPA'), 'Hors marché': b(false), 'Notifié le': d('2025-07-07'),
    'Durée (mois)': n(36), 'Montant HT\n(en €)': s('à définir'), 'Montant TTC': ttc(17, { error: '#VALUE!' }),
    'Programmé ?': b(false), "Famille d'achat": s('MA01'), 'Clause sociale (insertion)': b(false), 'Clause verte': b(false),
    'Critère DD': b(false), 'Innovant ?': b(false), Attributaire: s('Ascenseurs du Nord'), 'Code postal': n(59000),
    Commune: s('Lille'), 'Taille entreprise': s('PME'),
  },
  // r18 — SOL-25-003 typed again in lower case
  {
    'N°\nmarché': s('sol-25-003'), 'Intitulé du marché': s('Nettoyage des locaux du CCAS — reconduction'),
    'Service prescripteur': s('CCAS'), 'Mode de passation': s('AOO'), 'Hors marché': b(false), 'Notifié le': d('2025-12-01'),
    'Durée (mois)': n(48), 'Montant HT\n(en €)': eur(96000), 'Montant TTC': ttc(18, 115200), 'Réalisé (€)': eur(8000),
    'Programmé ?': b(true), "Famille d'achat": s('NE01'), 'Clause sociale (insertion)': s('Oui'), 'Heures prévues': hrs(140),
    'Heures réalisées': hrs(12), 'Clause verte': s('Oui'), 'Critère DD': s('Non'), "Nb d'offres": n(5),
    'Délai paiement (j)': days(28), Attributaire: s("Net'Services Roubaix"), 'SIRET titulaire': s('382 546 319 00023'),
    'Code postal': n(59100), Commune: s('Roubaix'), 'Taille entreprise': s('PME'),
  },
  // r19 — a Belgian supplier, and no Pays column
  {
    'N°\nmarché': s('SOL-25-014'), 'Intitulé du marché': s('Séjours de répit pour les aidants'), 'Service prescripteur': s('Seniors'),
    'Mode de passation': s('MAPA'), 'Hors marché': b(false), 'Notifié le': d('2025-03-24'), 'Durée (mois)': n(12),
    'Montant HT\n(en €)': eur(28000), 'Montant TTC': ttc(19, 33600), 'Réalisé (€)': eur(14000), 'Programmé ?': s('Oui'),
    "Famille d'achat": s('SE01'), 'Clause sociale (insertion)': s('Non concerné'), 'Clause verte': s('Non'), 'Critère DD': s('Non'),
    "Nb d'offres": n(2), 'Délai paiement (j)': days(18), Attributaire: s('Répit & Vacances'),
    'SIRET titulaire': s('98765432100015'), 'Code postal': s('B-1000'), Commune: s('Bruxelles'),
  },
  // r20 — empty
  null,
  // r21 — 2024
  {
    'N°\nmarché': s('SOL-24-020'), 'Intitulé du marché': s('Accompagnement social des allocataires (marché 2024)'),
    'Service prescripteur': s('CCAS'), 'Mode de passation': s('AOO'), 'Hors marché': b(false), 'Notifié le': d('2024-02-12'),
    'Durée (mois)': n(12), 'Montant HT\n(en €)': eur(200000), 'Montant TTC': ttc(21, 240000), 'Réalisé (€)': eur(190000),
    'Programmé ?': b(true), "Famille d'achat": s('SO01'), 'Clause sociale (insertion)': s('Oui'), 'Heures prévues': hrs(1000),
    'Heures réalisées': hrs(900), 'Marché réservé': s('Non'), 'Clause verte': s('Non'), 'Critère DD': s('Oui'), "Nb d'offres": n(2),
    'Délai paiement (j)': days(27), Attributaire: s('Association Accueil Nord'), 'SIRET titulaire': n(73282932000074, 'int'),
    'Code postal': n(59100), Commune: s('Roubaix'), 'Taille entreprise': s('PME'),
  },
  // r22 — 2024
  {
    'N°\nmarché': s('SOL-24-021'), 'Intitulé du marché': s('Colis alimentaires 2024'), 'Service prescripteur': s('Épicerie sociale'),
    'Mode de passation': s('MAPA'), 'Hors marché': b(false), 'Notifié le': d('2024-09-12'), 'Durée (mois)': n(12),
    'Montant HT\n(en €)': eur(15000), 'Montant TTC': ttc(22, 18000), 'Réalisé (€)': eur(15000), "Famille d'achat": s('AL02'),
    'Clause sociale (insertion)': s('Non'), 'Marché réservé': s('SIAE'), 'Clause verte': s('Oui'), "Nb d'offres": n(1),
    'Délai paiement (j)': days(35), Attributaire: s('Les Jardins de Cocagne SCIC'), 'Code postal': s('59200'),
    Commune: s('Tourcoing'), 'Taille entreprise': s('TPE'),
  },
  // r23 — added late in the year, typed by another colleague
  {
    'N°\nmarché': s('SOL-25-015'), 'Intitulé du marché': s('Conciergerie solidaire pour les agents'),
    'Service prescripteur': s('Administration'), 'Mode de passation': s('gré à gré'), 'Hors marché': b(false),
    'Notifié le': s('1er avril 2025'), 'Durée (mois)': n(24), 'Montant HT\n(en €)': s('7.500'),
    'Montant TTC': ttc(23, { error: '#VALUE!' }), 'Programmé ?': s('x'), "Famille d'achat": s('SE02'),
    'Clause sociale (insertion)': s('O'), 'Marché réservé': s('ESAT/EA'), Attributaire: s('ESAT Les Ateliers du Pile'),
    'SIRET titulaire': n(4567891200036, 'int'), 'Code postal': s('59100'), Commune: s('Roubaix'),
  },
  // r24 — a contract shared with the Pôle Proximité
  {
    'N°\nmarché': s('MUT 25 001'), 'Intitulé du marché': s("Fourniture de produits d'entretien (groupement)"),
    'Service prescripteur': s('Administration'), 'Mode de passation': s('AOO'), 'Hors marché': b(false),
    'Notifié le': d('2025-02-14T10:30:00'), 'Durée (mois)': n(24), 'Montant HT\n(en €)': eur(60000), 'Montant TTC': ttc(24, 72000),
    'Réalisé (€)': eur(20000), 'Programmé ?': b(true), "Famille d'achat": s('PE01'), 'Clause sociale (insertion)': s('Non'),
    'Clause verte': s('Oui'), 'Critère DD': s('Non'), "Nb d'offres": n(4), 'Délai paiement (j)': days(30),
    Attributaire: s('Hygiène Pro'), 'SIRET titulaire': n(40012345600016, 'int'), 'Code postal': n(59650),
    Commune: s("Villeneuve d'Ascq"), 'Taille entreprise': s('ETI'),
  },
];
export const FIRST_ROW_A = 5;
/**
 * The buyer saved the sheet filtered on « Service prescripteur » = Seniors: the other rows of the
 * filtered range A4:AA24 are hidden (r8, r9…r11 under the merged « Seniors », r14, r17, r19 shown).
 */
export const FILTERED_OUT_A: ReadonlySet<number> = new Set([5, 6, 7, 12, 13, 15, 16, 18, 20, 21, 22, 23, 24]);
export const TOTAL_ROW_A = FIRST_ROW_A + ROWS_A.length; // r25
const LAST_DATA_ROW_A = TOTAL_ROW_A - 1;

function colLetter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : 'A' + String.fromCharCode(65 + i - 26);
}
const colOf = (c: Col): number => HEADER_A.indexOf(c);

function gridA(): Placed[][] {
  const width = HEADER_A.length;
  const empty = (): Placed[] => Array.from({ length: width }, () => ({ cell: null }));
  const title = empty();
  title[0] = { cell: s('Pôle Solidarités — suivi des marchés 2024-2025', 'title'), cols: 6 };
  for (let c = 1; c < 6; c++) title[c] = { cell: covered };
  const updated = empty();
  updated[0] = { cell: s('Mise à jour le :') };
  updated[1] = { cell: d('2026-01-12') };
  const header = HEADER_A.map((h): Placed => ({
    cell: h === 'Délai paiement (j)' ? { k: 's', v: h, style: 'head', note: 'Délai global de paiement constaté par la trésorerie' } : s(h, 'head'),
  }));
  const rows: Placed[][] = [title, updated, empty(), header];
  ROWS_A.forEach((r, i) => {
    const line = empty();
    const sheetRow = FIRST_ROW_A + i;
    if (r) for (const [key, cell] of Object.entries(r) as [Col, Cell][]) line[colOf(key)] = { cell };
    if (r && sheetRow === 9) for (const c of ['Service prescripteur', 'Mode de passation', 'Notifié le'] as Col[]) line[colOf(c)].rows = 3;
    line[colOf('Hors marché')].validation = 'ouinon';
    rows.push(line);
  });
  const total = empty();
  total[0] = { cell: s('TOTAL', 'total'), cols: 2 };
  total[1] = { cell: covered };
  const sum = (c: Col, result: number | { error: string }): Placed => {
    const L = colLetter(colOf(c));
    return { cell: { k: 'f', f: `of:=SUM([.${L}${FIRST_ROW_A}:.${L}${LAST_DATA_ROW_A}])`, result, style: 'euro' } };
  };
  total[colOf('Montant HT\n(en €)')] = sum('Montant HT\n(en €)', 1212000);
  total[colOf('Montant TTC')] = sum('Montant TTC', { error: '#VALUE!' });
  total[colOf('Réalisé (€)')] = sum('Réalisé (€)', 507950.5);
  rows.push(total);
  return rows;
}

// ───────────────────────── sheet « Insertion » (Suivi insertion) ─────────────────────────

export const HEADER_INSERTION = ['N° marché', 'Participant', 'H/F', 'Lieu de résidence', 'QPV', 'Type de contrat', 'Heures', 'Début du contrat'];
/** Sheet rows 3… (title r1, header r2). */
export const ROWS_INSERTION: (Cell | null)[][] = [
  [s('SOL-25-001'), s('P01'), s('F'), s('Roubaix'), s('Oui'), s('CDDI'), hrs(150), d('2025-03-01')], // r3
  [s('SOL-25-001'), s('P02'), s('H'), s('Tourcoing'), s('Non'), s('Intérim'), hrs(120), d('2025-04-01')], // r4
  [s('SOL-25-003'), s('P03'), s('F'), s('ROUBAIX'), b(true), s('CDD'), hrs(35), d('2025-03-10')], // r5
  [s('SOL-25-004-L1'), s('p01'), s('F'), s('Roubaix'), s('x'), s('Contrat de professionnalisation'), hrs(80), d('2025-06-01')], // r6
  [s('SOL-25-004-L2'), s('P04'), s('H'), s('Wattrelos'), null, s('CDI'), hrs(200), d('2025-05-15')], // r7 (QPV empty)
  [s('PRX-25-001'), s('P05'), s('H'), s('Roubaix'), s('Oui'), s('Intérim'), hrs(300), d('2025-04-20')], // r8 — a contract of file B
  [s('SOL-24-020'), s('P06'), s('F'), s('Croix'), s('Non'), s('CDDI'), hrs(500), d('2024-03-01')], // r9 — contract of 2024
  [s('SOL-25-011'), s('P07'), s('F'), s('Roubaix'), s('Oui'), s('CDDI'), hrs(100), d('2025-12-01')], // r10 — its contract row is in error
  [s('XYZ-99'), s('P08'), s('H'), s('Lille'), null, s('CDI'), hrs(50), d('2025-02-01')], // r11 — no such contract
];

function gridInsertion(): Placed[][] {
  const width = HEADER_INSERTION.length;
  const title: Placed[] = [{ cell: s('Suivi des clauses d’insertion — facilitateur', 'title'), cols: 4 }, { cell: covered }, { cell: covered }, { cell: covered }];
  while (title.length < width) title.push({ cell: null });
  const rows: Placed[][] = [title, HEADER_INSERTION.map((h) => ({ cell: s(h, 'head') }))];
  for (const r of ROWS_INSERTION) rows.push(r.map((cell) => ({ cell })));
  const last = 2 + ROWS_INSERTION.length;
  const total: Placed[] = Array.from({ length: width }, () => ({ cell: null }));
  total[1] = { cell: s('Total', 'total') };
  total[6] = { cell: { k: 'f', f: `of:=SUM([.G3:.G${last}])`, result: 1535, style: 'hours' } };
  rows.push(total);
  return rows;
}

// ───────────────────────── sheet « Cibles COPIL » ─────────────────────────

function gridCibles(): Placed[][] {
  const pct = (v: number): Cell => n(v, 'pct');
  const rows: Cell[][] = [
    [s('Indicateur', 'head'), s('Année', 'head'), s('Cible', 'head'), s('Sens', 'head')],
    [s('4.1.2-consideration-sociale'), n(2025), pct(0.3), s('≥')],
    [s('2.1.5-delai-paiement'), n(2025), n(30), s('au plus')],
    [s('5.2.1-innovants-nb'), n(2025), pct(0.15)],
    [s('3.1.1-consideration-env'), n(2024), n(50), s('≥')],
  ];
  return rows.map((r) => r.map((cell) => ({ cell })));
}

function gridListes(): Placed[][] {
  return [[{ cell: s('Oui') }, { cell: s('MAPA') }], [{ cell: s('Non') }, { cell: s('AOO') }], [{ cell: null }, { cell: s('Gré à gré') }]];
}

// ───────────────────────── flat ODS writer ─────────────────────────

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (t: string): string => t.split('\n').map((p) => `<text:p>${esc(p)}</text:p>`).join('');

const STYLE_NAMES: Record<Style, string> = {
  date: 'ceDate', euro: 'ceEuro', hours: 'ceHours', days: 'ceDays', int: 'ceInt', pct: 'cePct', bool: 'ceBool', head: 'ceHead', title: 'ceTitle', total: 'ceTotal',
};

function cellXml(p: Placed): string {
  if (p.cell?.k === 'covered') return '<table:covered-table-cell/>';
  const attrs: string[] = [];
  if (p.rows) attrs.push(`table:number-rows-spanned="${p.rows}"`);
  if (p.cols) attrs.push(`table:number-columns-spanned="${p.cols}"`);
  if (p.rows && !p.cols) attrs.push('table:number-columns-spanned="1"');
  if (p.cols && !p.rows) attrs.push('table:number-rows-spanned="1"');
  if (p.validation) attrs.push(`table:content-validation-name="${p.validation}"`);
  const c = p.cell;
  if (!c) return `<table:table-cell ${attrs.join(' ')}/>`;
  const style = (st?: Style) => (st ? ` table:style-name="${STYLE_NAMES[st]}"` : '');
  const a = attrs.length ? ' ' + attrs.join(' ') : '';
  switch (c.k) {
    case 's': {
      const note = c.note
        ? `<office:annotation><dc:creator>Cellule achats</dc:creator><dc:date>2025-01-06T09:00:00</dc:date><text:p>${esc(c.note)}</text:p></office:annotation>`
        : '';
      return `<table:table-cell${style(c.style)} office:value-type="string"${a}>${note}${paragraphs(c.v)}</table:table-cell>`;
    }
    case 'n':
      return `<table:table-cell${style(c.style)} office:value-type="${c.style === 'pct' ? 'percentage' : c.style === 'euro' ? 'currency" office:currency="EUR' : 'float'}" office:value="${c.v}"${a}><text:p>${c.v}</text:p></table:table-cell>`;
    case 'd': {
      const [day, time] = c.v.split('T');
      const [y, m, dd] = day.split('-');
      const shown = `${dd}/${m}/${y}${time ? ' ' + time.slice(0, 5) : ''}`;
      return `<table:table-cell table:style-name="${time ? 'ceDateTime' : 'ceDate'}" office:value-type="date" office:date-value="${c.v}"${a}><text:p>${shown}</text:p></table:table-cell>`;
    }
    case 'b':
      return `<table:table-cell table:style-name="ceBool" office:value-type="boolean" office:boolean-value="${c.v}"${a}><text:p>${c.v ? 'VRAI' : 'FAUX'}</text:p></table:table-cell>`;
    case 'f': {
      const f = ` table:formula="${esc(c.f)}"`;
      if (typeof c.result === 'number') return `<table:table-cell${style(c.style)}${f} office:value-type="float" office:value="${c.result}"${a}><text:p>${c.result}</text:p></table:table-cell>`;
      if (typeof c.result === 'boolean') return `<table:table-cell table:style-name="ceBool"${f} office:value-type="boolean" office:boolean-value="${c.result}"${a}><text:p>${c.result ? 'VRAI' : 'FAUX'}</text:p></table:table-cell>`;
      if (typeof c.result === 'string') return `<table:table-cell${style(c.style)}${f} office:value-type="string" office:string-value="${esc(c.result)}"${a}><text:p>${esc(c.result)}</text:p></table:table-cell>`;
      return `<table:table-cell${style(c.style)}${f}${a}><text:p>${esc(c.result.error)}</text:p></table:table-cell>`;
    }
  }
}

function tableXml(name: string, grid: Placed[][], widths: number[], extra = '', hiddenRows: ReadonlySet<number> = new Set()): string {
  const cols = widths.map((w) => `<table:table-column table:style-name="co${w}"/>`).join('');
  const rows = grid
    .map((r, i) => `<table:table-row${hiddenRows.has(i + 1) ? ' table:visibility="filter"' : ''}>${r.map(cellXml).join('')}</table:table-row>`)
    .join('\n');
  return `<table:table table:name="${esc(name)}"${extra}>${cols}\n${rows}\n</table:table>`;
}

/** The buyer's workbook A as LibreOffice keeps it (flat ODS). */
export function fodsA(): string {
  const widthsA = HEADER_A.map((h) => (h.startsWith('Intitulé') || h.startsWith('Observations') ? 60 : h === 'Attributaire' ? 45 : 25));
  const columnStyles = [...new Set([...widthsA, 25, 30, 45])]
    .map((w) => `<style:style style:name="co${w}" style:family="table-column"><style:table-column-properties style:column-width="${w}mm"/></style:style>`)
    .join('');
  const A = `'${SHEET_A}'`;
  const range = `${A}.A4:${A}.${colLetter(HEADER_A.length - 1)}${LAST_DATA_ROW_A}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles><style:default-style style:family="table-cell"><style:text-properties fo:language="fr" fo:country="FR"/></style:default-style>
<style:style style:name="ceLate" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#ffc7ce"/><style:text-properties fo:color="#9c0006"/></style:style></office:styles>
<office:automatic-styles>
${columnStyles}
<style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>
<number:date-style style:name="Ndate"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<number:currency-style style:name="Neuro" number:language="fr" number:country="FR"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/><number:text>\u00a0</number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol></number:currency-style>
<number:number-style style:name="Nhours"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/><number:text> h</number:text></number:number-style>
<number:number-style style:name="Ndays"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/><number:text> j</number:text></number:number-style>
<number:number-style style:name="Nint"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style>
<number:percentage-style style:name="Npct"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/><number:text> %</number:text></number:percentage-style>
<number:boolean-style style:name="Nbool"><number:boolean/></number:boolean-style>
<number:date-style style:name="NdateTime"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="Ndate"/>
<style:style style:name="ceDateTime" style:family="table-cell" style:data-style-name="NdateTime"/>

<style:style style:name="ceEuro" style:family="table-cell" style:data-style-name="Neuro"/>
<style:style style:name="ceHours" style:family="table-cell" style:data-style-name="Nhours"/>
<style:style style:name="ceDays" style:family="table-cell" style:data-style-name="Ndays"><style:map style:condition="cell-content()&gt;30" style:apply-style-name="ceLate" style:base-cell-address="${A}.U5"/></style:style>
<style:style style:name="ceInt" style:family="table-cell" style:data-style-name="Nint"/>
<style:style style:name="cePct" style:family="table-cell" style:data-style-name="Npct"/>
<style:style style:name="ceBool" style:family="table-cell" style:data-style-name="Nbool"/>
<style:style style:name="ceHead" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffd8ce" fo:wrap-option="wrap" style:vertical-align="middle" fo:border="0.74pt solid #000000"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="ceTitle" style:family="table-cell"><style:text-properties fo:font-size="14pt" fo:font-weight="bold" fo:color="#9c2e0c"/></style:style>
<style:style style:name="ceTotal" style:family="table-cell" style:data-style-name="Neuro"><style:table-cell-properties fo:border-top="1.5pt solid #000000"/><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:content-validations><table:content-validation table:name="ouinon" table:condition="of:cell-content-is-in-list(&quot;Oui&quot;;&quot;Non&quot;)" table:allow-empty-cell="true" table:display-list="unsorted" table:base-cell-address="${A}.E5"><table:error-message table:display="false" table:message-type="stop"/></table:content-validation></table:content-validations>
${tableXml(SHEET_A, gridA(), widthsA, ` table:print-ranges="${A}.A1:${A}.${colLetter(HEADER_A.length - 1)}${TOTAL_ROW_A}"`, FILTERED_OUT_A)}
${tableXml(SHEET_INSERTION, gridInsertion(), HEADER_INSERTION.map(() => 30))}
${tableXml(SHEET_CIBLES, gridCibles(), [60, 25, 25, 25])}
${tableXml(SHEET_LISTES, gridListes(), [25, 25], ' table:style-name="taHidden"')}
<table:named-expressions><table:named-range table:name="Marches" table:base-cell-address="$${A}.$A$4" table:cell-range-address="$${A}.$A$4:.$${colLetter(HEADER_A.length - 1)}$${LAST_DATA_ROW_A}"/></table:named-expressions>
<table:database-ranges><table:database-range table:name="__Anonymous_Sheet_DB__0" table:target-range-address="${range}" table:display-filter-buttons="true"><table:filter><table:filter-condition table:field-number="2" table:data-type="text" table:value="Seniors" table:operator="="/></table:filter></table:database-range></table:database-ranges>
</office:spreadsheet></office:body></office:document>
`;
}

// ───────────────────────── file B: the CSV export ─────────────────────────

/** The export's lines (`;`-separated, as the application writes them), title line first. */
export const CSV_B_LINES = [
  'Extraction Coriolis - Direction de la Proximité - marchés au 12/01/2026;;;;;;;;;;;;;;',
  ';;;;;;;;;;;;;;',
  'Référence;Libellé;Date de commande;Montant estimé HT;Montant mandaté;Procédure;Fournisseur;SIRET;Code postal;Ville;Effectif;Clause sociale;Critère social;Critère environnemental;Délai de paiement',
  'PRX-25-001;Travaux de voirie rue de Lannoy;05/03/2025;350 000,00;120 000,00;AOO;Eiffage Route Nord;51023456700012;59 170;;3 400;O;1;0;22', // r4
  'PRX-25-002;Nettoyage des bâtiments municipaux;01/07/2025;75 000;;MAPA;Net Services;;59100;Roubaix;45;VRAI;0;1;31', // r5
  "mut25001;Fourniture de produits d'entretien (part Proximité);14/02/2025;60 000,00;15 000,00;AOO;Hygiène Pro;40012345600016;59650;Villeneuve-d'Ascq;250;N;0;0;30", // r6
  'PRX-25-004;Éclairage public — maintenance;15/09/25;18 000,00;;Gré à gré;Lumière & Cie;01234567800010;75011;Paris;;N;0;0;', // r7
  'PRX-25-005;Signalisation horizontale;2025-13-01;24 000,00;;MAPA;Signaux Girod;;59100;Roubaix;12;N;0;0;15', // r8
  'PRX-25-006;Mobilier urbain en bois biosourcé;30/11/2025;24 000,00;24 000,00;MAPA;Bois & Cie;;05100;Briançon;8;N;0;;15', // r9
  'PRX-24-007;Travaux de voirie 2024;18/06/2024;300 000,00;300 000,00;AOO;Eiffage Route Nord;51023456700012;59170;;3400;O;0;1;20', // r10
  'PRX-25-008;Fourniture de sel de déneigement;12/12/2025;"8 750,50";;MAPA;Sels du Nord;;62100;Calais;;N;0;0;38', // r11
  ';Total général :;;"901 750,50";;;;;;;;;;;', // r12
];

/** Windows-1252, as the application writes it. */
export function csvB(): Buffer {
  const text = CSV_B_LINES.join('\r\n') + '\r\n';
  const special: Record<string, number> = { '€': 0x80, '—': 0x97, '’': 0x92, 'œ': 0x9c };
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (special[ch] !== undefined) bytes.push(special[ch]);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else throw new Error(`not in Windows-1252: ${ch}`);
  }
  return Buffer.from(bytes);
}

// ───────────────────────── LibreOffice ─────────────────────────

/** `soffice` with its own throwaway profile (two runs, or two test files, never share one). */
export function soffice(profile: string, args: string[]): void {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`soffice ${args.join(' ')}: exit ${r.status} ${r.error ?? ''} ${r.stderr}`);
}

/**
 * Writes the buyers' sources into `dir` and has LibreOffice save them as .xlsx there:
 * `Pôle Solidarités.fods` → `Pôle Solidarités.xlsx`; `Pôle Proximité.csv` opened with the
 * French import options (`;`, Windows-1252, line 1 first, language French 1036, quoted fields
 * not forced to text, special numbers detected) → `Pôle Proximité.xlsx`.
 */
export function buildWithLibreOffice(dir: string, profile: string): { a: string; b: string } {
  const fods = path.join(dir, FILE_A.replace(/\.xlsx$/, '.fods'));
  const csv = path.join(dir, FILE_B.replace(/\.xlsx$/, '.csv'));
  fs.writeFileSync(fods, fodsA(), 'utf8');
  fs.writeFileSync(csv, csvB());
  soffice(profile, ['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, fods]);
  soffice(profile, ['--infilter=CSV:59,34,1,1,,1036,false,true', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, csv]);
  const a = path.join(dir, FILE_A);
  const b = path.join(dir, FILE_B);
  for (const f of [a, b]) if (!fs.existsSync(f)) throw new Error(`LibreOffice did not write ${f}`);
  return { a, b };
}

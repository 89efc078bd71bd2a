/**
 * Blind acceptance « decp »: the national open-data export of public contracts (DECP, schema
 * `139bercy/format-commande-publique` 2.0.3) opened as a buyer's contract-tracking workbook,
 * in the three header styles tabular DECP files come in:
 *
 * - `camel`: camelCase with dotted paths (`dateNotification`, `titulaire.denominationSociale`),
 *   as the JSON flattened by data.gouv.fr tools; dates ISO text, amounts numbers, `true`/`false` text;
 * - `lower`: lower case run together or snake case (`datenotification`, `titulaire_denomination_sociale`),
 *   as a CSV opened in Excel (real dates, real booleans, SIRET as numbers), with five columns the
 *   buyer added to the export (clause sociale / environnementale, programmation, supplier postal
 *   code and company size);
 * - `scdl`: the older SCDL capitals (`MARCHE_ID`, `NOTIFICATION_DATE`…), every value as text.
 *
 * The same 20 contracts (sheet rows 2–21) in the three files. Traps: `nature` holds the DECP
 * natures (Marché, Accord-cadre…), not Travaux/Fournitures/Services; the place of execution
 * (`lieuExecution.code` = 59512, Roubaix's INSEE code) is not the supplier's postal code; the
 * buyer's SIRET (`acheteur.id`) is neither the `acheteur` person nor the supplier's SIRET; a
 * foreign supplier is identified by its VAT number (`titulaire.typeIdentifiant` TVA).
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const DECP_SHEET = 'decp';
export const DECP_FILES = {
  camel: 'decp-roubaix-camel.xlsx',
  lower: 'decp-roubaix-augmente.xlsx',
  scdl: 'decp-roubaix-scdl.xlsx',
} as const;
export type DecpStyle = keyof typeof DECP_FILES;

/** SIRET with its Luhn check digit appended to 13 digits (worked out here, not by the program). */
export function luhnSiret(base13: string): string {
  for (let check = 0; check <= 9; check++) {
    const s = base13 + check;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(s[13 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

const BUYER_SIRET = '21590512900016'; // Ville de Roubaix: acheteur.id (not a field of ours)
const LIEU = '59512'; // INSEE code of Roubaix: lieuExecution.code (not the supplier's postal code)

interface Supplier {
  readonly name: string;
  /** Identifier as DECP gives it, and its type. */
  readonly id: string;
  readonly idType: 'SIRET' | 'TVA';
  /** Added by the buyer in the `lower` file only. */
  readonly cp: string;
  readonly taille: string;
}

const valid = (base: string, name: string, cp: string, taille: string): Supplier => ({ name, id: luhnSiret(base), idType: 'SIRET', cp, taille });
const BATI = valid('4128765400001', 'BATI NORD', '59100', 'PME'); // Roubaix
const LYRECO = valid('3932341800012', 'LYRECO FRANCE', '59770', 'GE'); // Marly → Hauts-de-France
const VERDE = valid('3872937110001', 'ID VERDE', '59200', 'ETI'); // Tourcoing → MEL
const NETPLUS = valid('4215676400003', 'NET PLUS', '59100', 'PME'); // Roubaix
const PILE = valid('5123498700011', 'ATELIER CHANTIER DU PILE', '59100', 'TPE'); // Roubaix
const SINEU = valid('3065036380002', 'SINEU GRAFF', '67600', 'PME'); // France
const UGAP = valid('7802668250001', 'UGAP', '77444', 'GE'); // France
const STARTUP = valid('8901234500014', 'START UP ROUBAIX', '59100', 'TPE'); // Roubaix
const INEO = valid('4139808570002', 'INEO NORD', '59000', 'GE'); // Lille → MEL
const DECAVELE: Supplier = { name: 'DECAVELE NV', id: 'BE0403170701', idType: 'TVA', cp: '', taille: '' }; // Belgian, VAT number
const COMPTOIR: Supplier = { ...valid('4455667788990', 'COMPTOIR ROUBAISIEN', '59100', 'TPE') };
const ATELIER9 = valid('8123456780001', 'ATELIER 9 ARCHITECTES', '75011', 'TPE'); // France

/** COMPTOIR's SIRET with its check digit off by one: fails Luhn (siret-invalide). */
const COMPTOIR_BAD: Supplier = { ...COMPTOIR, id: COMPTOIR.id.slice(0, 13) + ((Number(COMPTOIR.id[13]) + 1) % 10) };

export const SUPPLIERS = { BATI, LYRECO, VERDE, NETPLUS, PILE, SINEU, UGAP, STARTUP, INEO, DECAVELE, COMPTOIR: COMPTOIR_BAD, ATELIER9 };

const AOO = "Appel d'offres ouvert";
const AOR = "Appel d'offres restreint";
const PA = 'Procédure adaptée';
const PN = 'Procédure avec négociation';
const DC = 'Dialogue compétitif';
const SANS = 'Marché passé sans publicité ni mise en concurrence préalable';

const PAS_SOC = 'Pas de considération sociale';
const PAS_ENV = 'Pas de considération environnementale';

export interface Contract {
  readonly row: number;
  readonly id: string;
  readonly nature: string;
  readonly objet: string;
  readonly cpv: string;
  readonly procedure: string;
  readonly duree: number;
  /** ISO date, or '' when missing. */
  readonly date: string;
  readonly montant: number;
  readonly titulaire: Supplier;
  readonly offres: number;
  readonly innovant: boolean;
  readonly consSoc: string;
  readonly consEnv: string;
  /** Columns the buyer added to the `lower` file: clause sociale, clause environnementale, programmé. */
  readonly cs: boolean;
  readonly ce: boolean;
  readonly prog: boolean;
}

const c = (
  row: number, id: string, nature: string, objet: string, cpv: string, procedure: string, duree: number, date: string, montant: number,
  titulaire: Supplier, offres: number, innovant: boolean, consSoc: string, consEnv: string, cs: boolean, ce: boolean, prog: boolean,
): Contract => ({ row, id, nature, objet, cpv, procedure, duree, date, montant, titulaire, offres, innovant, consSoc, consEnv, cs, ce, prog });

/** Sheet rows 2–21. */
export const CONTRACTS: readonly Contract[] = [
  c(2, '2025M001', 'Marché', "Travaux de rénovation de l'école Jules Guesde", '45454000-4', AOO, 10, '2025-02-10', 420000, BATI, 5, false, 'Clause sociale', PAS_ENV, true, false, true),
  c(3, '2025M002', 'Accord-cadre', 'Fourniture de papeterie et consommables de bureau', '30192000-1', PA, 48, '2025-01-20', 60000, LYRECO, 7, false, PAS_SOC, 'Clause environnementale', false, true, true),
  c(4, '2025M003', 'Accord-cadre', 'Entretien des espaces verts du parc Barbieux', '77310000-6', AOO, 36, '2025-03-03', 180000, VERDE, 4, false, 'Clause sociale;Critère social', 'Critère environnemental', true, false, false),
  c(5, '2025M004', 'Marché', "Nettoyage des locaux de l'hôtel de ville", '90911200-8', AOO, 48, '2025-04-14', 152000, NETPLUS, 6, false, 'Marché réservé', PAS_ENV, false, false, true),
  c(6, '2025M005', 'Marché', 'Entretien des berges du canal de Roubaix', '77314000-4', SANS, 12, '2025-05-05', 35000, PILE, 1, false, 'Marché réservé', PAS_ENV, true, false, false),
  c(7, '2025M006', 'Marché', 'Fourniture de mobilier urbain', '34928400-2', PA, 6, '2025-05-20', 27800, SINEU, 3, false, PAS_SOC, PAS_ENV, false, false, false),
  c(8, '2025M007', 'Marché subséquent', 'Acquisition de véhicules électriques pour la police municipale', '34144900-7', SANS, 1, '2025-06-02', 96000, UGAP, 1, false, PAS_SOC, 'Clause environnementale', false, true, true),
  c(9, '2025M008', 'Marché', "Expérimentation d'une solution innovante de comptage des déchets", '90500000-2', PN, 18, '2025-06-16', 48000, STARTUP, 2, true, PAS_SOC, PAS_ENV, false, false, false),
  c(10, '2025M009', 'Marché', 'Maintenance des ascenseurs des bâtiments communaux', '50750000-7', AOO, 48, '2025-07-01', 88000, INEO, 3, false, PAS_SOC, PAS_ENV, false, false, true),
  c(11, '2025M010', 'Marché', 'Fourniture de denrées alimentaires pour la restauration scolaire', '15000000-8', AOO, 12, '2025-07-15', 250000, DECAVELE, 4, false, PAS_SOC, 'Clause environnementale, Critère environnemental', false, true, true),
  c(12, '2025M011', 'Marché', 'Impression des supports de communication', '79810000-5', PA, 12, '2025-08-25', 18500, COMPTOIR_BAD, 3, false, PAS_SOC, PAS_ENV, false, false, false),
  c(13, '2025M012', 'Marché', "Travaux d'éclairage public rue de Lannoy", '4531', AOO, 5, '2025-09-08', 132000, BATI, 2, false, 'Clause sociale', PAS_ENV, true, false, true),
  c(14, '2025M013', 'Accord-cadre', 'Prestations de sécurité et de gardiennage', '79713000-5', AOO, 48, '2025-10-06', 300000, NETPLUS, 5, false, 'Critère social', PAS_ENV, false, false, true),
  // DECP lists a contract again for its modification: the same id in the same year (doublon)
  c(15, '2025M003', 'Accord-cadre', 'Entretien des espaces verts du parc Barbieux', '77310000-6', AOO, 36, '2025-03-03', 180000, VERDE, 4, false, 'Clause sociale;Critère social', 'Critère environnemental', true, false, false),
  // no notification date (date-manquante)
  c(16, '2025M014', 'Marché', 'Location de photocopieurs', '30121100-4', PA, 36, '', 24000, LYRECO, 3, false, PAS_SOC, PAS_ENV, false, false, false),
  c(17, '2025M015', 'Marché', 'Fourniture de livres pour les médiathèques', '22113000-5', PA, 12, '2025-11-17', 15000, LYRECO, 6, false, PAS_SOC, PAS_ENV, false, false, false),
  c(18, '2024M101', 'Marché', 'Réfection de la toiture du gymnase Jean Zay', '45261210-9', AOO, 6, '2024-09-16', 210000, BATI, 4, false, 'Clause sociale', PAS_ENV, true, false, true),
  c(19, '2024M102', 'Accord-cadre', "Fourniture de produits d'entretien écolabel", '39830000-9', PA, 36, '2024-11-04', 45000, NETPLUS, 3, false, PAS_SOC, 'Clause environnementale', false, true, false),
  c(20, '2025M016', 'Marché de partenariat', "Conception, réalisation et maintenance de l'éclairage public", '45316110-9', DC, 120, '2025-12-01', 4800000, INEO, 2, false, 'Clause sociale', 'Critère environnemental', true, false, true),
  c(21, '2025M017', 'Marché', "Mission de maîtrise d'œuvre pour la médiathèque", '71000000-8', AOR, 24, '2025-12-15', 95000, ATELIER9, 8, false, PAS_SOC, PAS_ENV, false, false, false),
];

// ---------------------------------------------------------------- the three styles

export const CAMEL_HEADERS = [
  'id', 'acheteur.id', 'nature', 'objet', 'codeCPV', 'procedure', 'dureeMois', 'dateNotification', 'datePublicationDonnees',
  'montant', 'formePrix', 'titulaire.id', 'titulaire.typeIdentifiant', 'titulaire.denominationSociale', 'lieuExecution.code',
  'lieuExecution.typeCode', 'offresRecues', 'marcheInnovant', 'considerationsSociales', 'considerationsEnvironnementales', 'ccag',
] as const;

export const LOWER_HEADERS = [
  'id', 'acheteur_id', 'nature', 'objet', 'codecpv', 'procedure', 'dureemois', 'datenotification', 'montant', 'formeprix',
  'titulaire_id', 'titulaire_typeidentifiant', 'titulaire_denomination_sociale', 'lieuexecution_code', 'lieuexecution_typecode',
  'offresrecues', 'marcheinnovant', 'considerationssociales', 'considerationsenvironnementales',
  // added by the buyer
  'clause_sociale', 'clause_environnementale', 'marche_programme', 'titulaire_code_postal', 'titulaire_categorie_entreprise',
] as const;

export const SCDL_HEADERS = [
  'MARCHE_ID', 'ACHETEURS_ID', 'ACHETEURS_NOM', 'NATURE_MARCHE', 'MARCHE_OBJET', 'CPV_CODE', 'PROCEDURE', 'LIEU_EXEC_CODE',
  'LIEU_EXEC_TYPE', 'LIEU_EXEC_NOM', 'DUREE_MOIS', 'NOTIFICATION_DATE', 'PUBLICATION_DATE', 'MONTANT', 'PRIX_FORME',
  'TITULAIRES_ID', 'TITULAIRES_ID_TYPE', 'TITULAIRES_DENOMINATION',
] as const;

export const HEADERS: Record<DecpStyle, readonly string[]> = { camel: CAMEL_HEADERS, lower: LOWER_HEADERS, scdl: SCDL_HEADERS };

/** Publication of the data: two weeks after notification (DECP obligation), as text. */
function publication(date: string): string {
  if (date === '') return '';
  const d = day(date);
  d.setUTCDate(d.getUTCDate() + 14);
  return d.toISOString().slice(0, 10);
}

function camelRow(k: Contract): Record<string, ExcelJS.CellValue> {
  const t = k.titulaire;
  return {
    id: k.id, 'acheteur.id': BUYER_SIRET, nature: k.nature, objet: k.objet, codeCPV: k.cpv, procedure: k.procedure, dureeMois: k.duree,
    dateNotification: k.date, datePublicationDonnees: publication(k.date), montant: k.montant, formePrix: 'Unitaire',
    'titulaire.id': t.id, 'titulaire.typeIdentifiant': t.idType, 'titulaire.denominationSociale': t.name,
    'lieuExecution.code': LIEU, 'lieuExecution.typeCode': 'Code commune', offresRecues: k.offres, marcheInnovant: k.innovant ? 'true' : 'false',
    considerationsSociales: k.consSoc, considerationsEnvironnementales: k.consEnv, ccag: 'Travaux',
  };
}

function lowerRow(k: Contract): Record<string, ExcelJS.CellValue> {
  const t = k.titulaire;
  return {
    id: k.id, acheteur_id: Number(BUYER_SIRET), nature: k.nature, objet: k.objet, codecpv: k.cpv, procedure: k.procedure, dureemois: k.duree,
    datenotification: k.date === '' ? null : day(k.date), montant: k.montant, formeprix: 'Forfaitaire',
    // Excel turned the digits into numbers when it opened the CSV; the VAT number stays text
    titulaire_id: t.idType === 'SIRET' ? Number(t.id) : t.id, titulaire_typeidentifiant: t.idType, titulaire_denomination_sociale: t.name,
    lieuexecution_code: Number(LIEU), lieuexecution_typecode: 'Code commune', offresrecues: k.offres, marcheinnovant: k.innovant,
    considerationssociales: k.consSoc, considerationsenvironnementales: k.consEnv,
    clause_sociale: k.cs ? 'oui' : 'non', clause_environnementale: k.ce ? 'oui' : 'non', marche_programme: k.prog ? 'oui' : 'non',
    titulaire_code_postal: t.cp, titulaire_categorie_entreprise: t.taille,
  };
}

function scdlRow(k: Contract): Record<string, ExcelJS.CellValue> {
  const t = k.titulaire;
  return {
    MARCHE_ID: k.id, ACHETEURS_ID: BUYER_SIRET, ACHETEURS_NOM: 'VILLE DE ROUBAIX', NATURE_MARCHE: k.nature, MARCHE_OBJET: k.objet, CPV_CODE: k.cpv,
    PROCEDURE: k.procedure, LIEU_EXEC_CODE: LIEU, LIEU_EXEC_TYPE: 'Code commune', LIEU_EXEC_NOM: 'Roubaix', DUREE_MOIS: String(k.duree),
    NOTIFICATION_DATE: k.date, PUBLICATION_DATE: publication(k.date), MONTANT: k.montant.toFixed(2), PRIX_FORME: 'Ferme',
    TITULAIRES_ID: t.id, TITULAIRES_ID_TYPE: t.idType, TITULAIRES_DENOMINATION: t.name,
  };
}

const ROW_OF: Record<DecpStyle, (k: Contract) => Record<string, ExcelJS.CellValue>> = { camel: camelRow, lower: lowerRow, scdl: scdlRow };

export function decpWorkbook(style: DecpStyle): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(DECP_SHEET);
  const headers = HEADERS[style];
  headers.forEach((h, i) => (ws.getRow(1).getCell(i + 1).value = h));
  for (const k of CONTRACTS) {
    const values = ROW_OF[style](k);
    const row = ws.getRow(k.row);
    for (const [key, v] of Object.entries(values)) {
      const col = headers.indexOf(key);
      if (col < 0) throw new Error(`unknown column ${key}`);
      if (v === null || v === undefined || v === '') continue;
      const cell = row.getCell(col + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    }
  }
  return wb;
}

export async function decpBytes(style: DecpStyle): Promise<Uint8Array> {
  return new Uint8Array(await decpWorkbook(style).xlsx.writeBuffer());
}

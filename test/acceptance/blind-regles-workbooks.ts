/**
 * Blind acceptance « règles »: ONE buyer workbook of a fictitious « Pôle Ville Durable », built from
 * `../shared/spec/regles.md` and the README's « Choix faits » only, before reading `src/`.
 *
 * House style (unlike the earlier blind workbooks): a long « mode d'emploi » of 19 note rows above
 * the table, so that the header sits on row 20 — the last row where regles §1 still looks for it
 * (« among the first 20 of its used range »); cells are written by A1 address from a per-row
 * record keyed by column LETTER; frozen panes, a coloured header, an autofilter; amounts as French
 * text with U+202F / U+00A0 spaces, dates as real dates, day-first text, ISO text, `jj.mm.aaaa`,
 * `jj/mm/aa`; yes/no in every listed spelling (« ✔ », « y », « o », « Vrai », « TRUE », 1, 0,
 * « faux », « No », « N », « - », « Non concerné », « Oui, expérimentation »); a formula error
 * (#NAME?) cached in a cell; a totals row « TOTAUX : » with a SUM formula.
 */
import ExcelJS from 'exceljs';

export const FILE_REGLES = 'Pôle Ville Durable - suivi 2025.xlsx';
export const SHEET_REGLES = 'Marchés notifiés';
export const HEADER_ROW = 20;

/** Luhn-valid SIRETs (sums checked by hand: e.g. A → 7+0+0+7+5+1+0 + 2+0+7+3+8+4+6 = 50). */
export const SIRET_A = '30214567800017';
export const SIRET_B = '48912033700022';
/** Begins with 0: stored as the NUMBER 7812345600010, read back padded to 14 digits (regles §2). */
export const SIRET_C = '07812345600010';
export const SIRET_D = '51209876500039';
export const SIRET_E = '81234567800047';
/** La Poste (SIREN 356000000): fails Luhn (sum 29) but its digits add up to 25, a multiple of 5 → valid. */
export const SIRET_POSTE = '35600000000146';
/** Fails Luhn (Luhn total 31 + 26 = 57), not La Poste → siret-invalide. */
export const SIRET_BAD = '12345678901234';

/** Column letter → the buyer's header (each a synonym of `champs.md`, modulo case/accents/units). */
export const COLUMNS: Record<string, string> = {
  A: 'Réf. marché', // numero
  B: 'Intitulé', // objet
  C: 'Procédure', // procedure
  D: 'Notifié le', // dateNotification
  E: 'Montant HT (€)', // montant
  F: 'Mandaté (€)', // montantMandate
  G: 'Nb avenants', // nbAvenants
  H: 'Prolongations', // nbAvenantsProlongation
  I: 'Code CPV', // codeCPV
  J: 'Négocié', // negociation
  K: 'Gain (€)', // gainNegociation
  L: 'DGP (jours)', // delaiPaiement
  M: 'Clause insertion', // clauseSociale
  N: "Marché d'insertion", // marcheInsertion
  O: 'Réservation', // marcheReserve
  P: 'Heures réalisées', // heuresInsertionRealisees
  Q: 'Clause verte', // clauseEnvironnementale
  R: 'Réemploi (€)', // montantReemploi
  S: 'Réutilisation (€)', // montantReutilisation
  T: 'Matières recyclées (€)', // montantRecycle
  U: 'Innovant', // marcheInnovant
  V: 'Raison sociale', // titulaire
  W: 'SIRET', // siret
  X: 'CP', // codePostalTitulaire
  Y: 'Localité', // communeTitulaire
  Z: 'Pays', // paysTitulaire
  AA: 'Taille', // categorieEntreprise
  AB: 'Effectif', // effectifTitulaire
  AC: 'Remarques', // commentaires
};

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

type Row = Record<string, ExcelJS.CellValue>;

/** Every data row, by sheet row number; see the table in blind-regles.acceptance.test.ts. */
export const ROWS: Record<number, Row> = {
  21: { A: 'VD-25-001', B: 'Réhabilitation du groupe scolaire Anatole France', C: 'AO ouvert', D: utc(2025, 1, 31), E: `1${NNBSP}234${NNBSP}567,89 € HT`, F: 600000, G: 2, H: 2, I: '45214200-2', J: 'non', L: 30, M: '✔', N: 'non', O: 'Non', P: 1200, Q: 'non', R: 0, U: 'non', V: 'Nordbat SAS', W: '302 145 678 00017', X: '59100', Y: 'Roubaix', Z: 'FRA', AB: 250, AC: 'Pas de critère environnemental ; aucune clause de réemploi.' },
  22: { A: 'VD-25-002', B: 'Fourniture de mobilier de bureau', C: 'PCN', D: '05/06/2025', E: '1.234,56', G: 1, H: 0, I: 39130000, J: 'faux', K: `1${NBSP}200 €`, L: '30,5 jours', M: 'non', N: 'non', O: 'non', Q: 'non', U: 'non', V: 'NORDBAT', Y: 'Villeneuve d ascq', AB: 10 },
  23: { A: 'VD-25-003', B: 'Entretien des espaces verts', C: 'MNSPMC', D: '2025-12-31', E: 48000, F: `12${NBSP}500 € HT`, G: 0, H: 0, I: '77310000', J: '✔', K: 500, L: 15, M: 'N', N: 'Oui', O: 'Non', P: '300', Q: 'non', U: 'non', V: 'Les Jardiniers du Nord', W: SIRET_B, X: '59160', AB: 9, AC: 'Broyat valorisé en compostage sur site.' },
  24: { A: 'VD-25-004', B: 'Nettoyage des vitres', C: 'Gré à gré', D: utc(2025, 3, 14), E: 22000, F: 10000, G: 0, H: 0, I: '90911300', J: 'No', L: 20, M: 0, N: 'non', O: 'Non', Q: 'vrai', R: 6000, T: 5000, U: 'non', V: 'Net Flandre', W: SIRET_BAD, X: `59 170`, AB: 4999 },
  25: { A: 'VD-25-005', B: 'Location de vélos de service', C: 'dialogue competitif', D: '01.10.2025', E: 90000, G: 0, H: 0, I: '34430000', J: 0, L: '25 jours', N: 'non', O: 'Non', Q: 'TRUE', R: 30000, S: 30000, T: 30000, U: 'non', V: 'Mobilités Douces SARL', W: 7812345600010, X: 8000, Y: 'Charleville-Mézières', Z: 'France', AB: 5000 },
  26: { A: 'VD-25-006', B: 'Maintenance des ascenseurs', C: "appel d'offres restreint", D: utc(2025, 4, 1), E: 15000, F: 0, G: 0, H: 0, I: '50750000', J: 'n', L: 20, M: 'faux', N: 'non', O: 'L2113-12', Q: 'non', R: 100, U: 'non', V: 'Ascenseurs Lillois', W: SIRET_D, X: '75001', Y: 'Lille', AA: 'pme', AB: 6000 },
  27: { A: 'VD-25-007', B: 'Entretien de la voirie', C: 'MAPA', D: '15/07/25', E: 30000, G: 0, H: 0, I: '90610000', J: '-', M: 'non', N: 'non', O: 'siae', P: 0, Q: 'non', U: 'non', V: 'Chantier École Roubaisien', X: '59100', Y: 'ROUBAIX CEDEX 2' },
  28: { A: 'VD-25-008', B: "Travaux d'étanchéité", C: 'Accord-cadre', D: utc(2025, 5, 20), E: 64000, G: 0, H: 0, I: '45261420', J: 'non', L: 20, M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Étanche 59', W: SIRET_E, Y: 'Lille', AB: 30 },
  29: { A: 'VD-25-009', B: 'Peinture des préaux', C: 'procédure adaptée', D: utc(2025, 2, 10), E: 18000, G: 0, H: 0, I: '45442100', L: '10', M: 'Non concerné', N: '-', O: 'Non', P: 50, Q: 'non', U: 'non', V: 'La Poste', W: SIRET_POSTE, Y: 'Wattrelos', AB: 249 },
  30: { A: '   ', B: 'Achat de petit matériel', C: 'MAPA', D: utc(2025, 2, 11), E: 900, G: 0, H: 0, J: 'non', M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Quincaillerie Centrale', Y: 'Roubaix' },
  31: { A: 'VD-25-010', C: 'MAPA', D: utc(2025, 3, 3), E: 5000, G: 0, H: 0, J: 'non', M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Imprimerie du Centre', Y: 'Roubaix' },
  32: { A: 'VD-25-011', B: 'Signalétique des parcs', C: 'MAPA', D: utc(2025, 8, 8), E: '-0,01', G: 0, H: 0, J: 'non', M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Signaux Girod', Y: 'Roubaix' },
  33: { A: 'vd-25-011 ', B: 'Signalétique des parcs (lot 2)', C: 'MAPA', D: utc(2025, 9, 9), E: 7500, G: 0, H: 0, J: 'non', M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Signaux Girod', Y: 'Roubaix' },
  34: { A: 'VD-25-001', B: 'Réhabilitation du groupe scolaire (études)', C: 'MAPA', D: utc(2024, 11, 5), E: 40000, G: 0, H: 0, I: '71000000', J: 'non', L: 20, M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Nordbat', W: SIRET_A, Y: 'Roubaix', AB: 250 },
  35: { A: 'VD-25-002', B: 'Fourniture de mobilier (complément)', C: 'MAPA', D: '31/04/2025', E: 3000, G: 0, H: 0, J: 'non', M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'NORDBAT', Y: 'Villeneuve-d’Ascq' },
  36: { A: 'VD-25-012', B: 'Entretien des fontaines', C: 'MAPA', D: utc(2025, 10, 10), E: 12000, G: 1, H: 2, J: 'non', M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Eaux du Nord', Y: 'Roubaix' },
  37: { A: 'VD-25-013', B: 'Fourniture de bancs publics', C: 'MAPA', D: utc(2025, 11, 12), E: 9000, G: 0, H: 0, J: 'non', K: { formula: 'GAINX(E37)', result: { error: '#NAME?' } } as ExcelJS.CellValue, M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Mobilier Urbain Lys', Y: 'Roubaix' },
  38: { A: 'VD-25-014', B: 'Diagnostic des toitures', C: 'AOO', D: '2025-11-30', E: 26000, G: 0, H: 0, I: '4523314-1', J: 'x', L: 45, M: 'NON', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Toitures du Nord', W: SIRET_E, X: '5910', Y: 'Wasquehal', Z: 'FR', AB: '12' },
  39: { A: 'VD-25-015', B: 'Fourniture de denrées pour les cantines', C: 'MAPA', D: utc(2025, 6, 20), E: 4000, G: 0, H: 0, I: 3000000, J: 'FALSE', L: 20, M: 'no', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Ferme des Flandres', X: '7700', Y: 'Mouscron', Z: 'Belgique', AB: 3 },
  40: { A: 'VD-25-016', B: 'Pose de clôtures', C: 'pa', D: '01/01/2025', E: 7000, G: 0, H: 0, I: '45340000', J: 'o', M: 'y', N: 'non', O: 'Non', Q: 'non', U: 1, V: 'NORDBAT, SAS', X: '59491', AB: 15 },
  41: { A: 'VD-25-017', B: "Étude de faisabilité d'un éclairage public", C: 'CONCOURS', D: utc(2025, 4, 15), E: 20000, G: 0, H: 0, I: '71300000', J: 'Vrai', L: '28,5', M: 'o', N: 'non', O: 'Non', Q: 'non', U: 'Oui, expérimentation', V: 'Nordbat Construction', W: SIRET_A, Y: 'Tourcoing' },
  42: { A: 'VD-25-018', B: 'Entretien des horloges', C: 'MAPA', D: utc(2027, 12, 31), E: 10000, G: 0, H: 0, J: 'non', M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Horlogerie Lilloise', Y: 'Lille' },
  43: { A: 'VD-25-019', B: 'Reprise des archives 2000', C: 'MAPA', D: '01/01/2000', E: 3000, G: 0, H: 0, J: 'non', M: 'non', N: 'non', O: 'Non', Q: 'non', U: 'non', V: 'Archives et Mémoire', Y: 'Roubaix' },
};

/** Totals row: no numero, « TOTAUX : » in the Intitulé column (regles §1: skipped silently). */
export const TOTALS_ROW = 44;

const NOTES = [
  'POLE VILLE DURABLE — SUIVI DES MARCHÉS NOTIFIÉS 2025',
  'Mode d’emploi de ce tableau (à lire avant toute saisie)',
  '1. Une ligne par marché notifié, dans l’ordre de notification.',
  '2. Les montants sont saisis hors taxes, en euros.',
  '3. Les dates sont au format jour/mois/année.',
  '4. Les colonnes oui/non acceptent une coche.',
  '5. Le SIRET est celui du titulaire principal.',
  '6. En cas de groupement, indiquer le mandataire.',
  '7. Les heures d’insertion sont celles du facilitateur.',
  '8. Les montants de réemploi sont estimés par le titulaire.',
  '9. Le délai de paiement est le délai global moyen.',
  '10. Ne pas fusionner de cellules dans le tableau.',
  '11. Ne pas insérer de ligne de sous-total au milieu.',
  '12. Le pays n’est à remplir que pour un titulaire étranger.',
  '13. La taille de l’entreprise est déclarée par le titulaire.',
  '14. Les remarques sont libres.',
  '15. Contact : cellule commande publique.',
  'Mise à jour : décembre 2025',
  '',
];

export async function workbookRegles(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pôle Ville Durable';
  const ws = wb.addWorksheet(SHEET_REGLES, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }] });
  NOTES.forEach((text, i) => {
    if (text) ws.getCell(`A${i + 1}`).value = text;
  });
  ws.getCell('A1').font = { bold: true, size: 14 };
  for (const [letter, header] of Object.entries(COLUMNS)) {
    const cell = ws.getCell(`${letter}${HEADER_ROW}`);
    cell.value = header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2E7D32' } };
    ws.getColumn(letter).width = Math.max(12, header.length + 2);
  }
  for (const [rowNumber, row] of Object.entries(ROWS)) {
    for (const [letter, value] of Object.entries(row)) {
      if (value === undefined || value === null) continue;
      const cell = ws.getCell(`${letter}${rowNumber}`);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      else if (typeof value === 'number' && ['E', 'F', 'K', 'R', 'S', 'T'].includes(letter)) cell.numFmt = '#,##0.00 "€"';
    }
  }
  ws.getCell(`B${TOTALS_ROW}`).value = 'TOTAUX :';
  ws.getCell(`E${TOTALS_ROW}`).value = { formula: `SUM(E21:E43)`, result: 2263201.45 } as ExcelJS.CellValue;
  ws.getCell(`E${TOTALS_ROW}`).numFmt = '#,##0.00 "€"';
  ws.autoFilter = `A${HEADER_ROW}:AC${TOTALS_ROW - 1}`;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Second workbook: « Pôle Solidarités », an older export with the header on row 1, an unmapped
// budget column, blank rows, a « Sous-total » row, error values, and French number/date oddities.
// Rows are positional tuples in the order of HEADER_SOL (a style none of the earlier tests uses).
// ---------------------------------------------------------------------------------------------

export const FILE_SOL = 'Solidarités.xlsx';
export const SHEET_SOL = 'Contrats';
/** La Poste, passes Luhn (its digit sum 19 is no multiple of 5): valid, Luhn alone suffices. */
export const SIRET_POSTE_LUHN = '35600000000014';
/** La Poste, fails Luhn AND its digit sum is 16: invalid. */
export const SIRET_POSTE_BAD = '35600000000002';

export const HEADER_SOL = [
  'N° de contrat', // A numero
  'Objet de la consultation', // B objet
  'Nature des prestations', // C nature
  'Mode de passation', // D procedure
  "Date d'attribution", // E dateNotification
  'Montant attribué', // F montant
  "Dépenses de l'exercice", // G montantMandate
  'CPV', // H codeCPV
  'Clause sociale', // I clauseSociale
  'Critère social', // J critereSocial
  'Type de structure', // K structureTitulaire
  "Mode d'acquisition", // L modeAcquisition
  'Attributaire', // M titulaire
  'N° SIRET', // N siret
  'Code postal', // O codePostalTitulaire
  'Ville du titulaire', // P communeTitulaire
  'Pays', // Q paysTitulaire
  'Nombre de salariés', // R effectifTitulaire
  'Imputation budgétaire', // S (no field)
];

const E = null;
const err = (error: string, formula: string): ExcelJS.CellValue => ({ formula, result: { error } }) as ExcelJS.CellValue;

/** Sheet row → cells A…S (null = empty). */
export const ROWS_SOL: [number, ExcelJS.CellValue[]][] = [
  [2, ['SOL-25-01', 'Portage de repas à domicile', 'fournitures', 'MAPA', '29/02/2025', 14000, E, '15894210', 'non', 'non', E, E, 'Traiteur Dupont', E, E, 'Roubaix', E, 5, '6042-020']],
  [3, ['SOL-25-02', 'Réfection du centre social', 'TRAVAUX', 'Procédure concurrentielle avec négociation', '3 mars 2025', 20000, E, '45453000', 'oui', 'non', E, E, 'Bâtisseurs Réunis', '302.145.678.00017', '59800', E, E, 10, '2313-061']],
  [4, ['SOL-25-03', "Location d'un minibus", 'services', 'MAPA', utc(2025, 3, 10), '15 000 € TTC', E, '34115200', 'non', 'non', E, E, 'Autos du Nord', E, E, 'Lille', E, 40, '6135-061']],
  [6, [E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, E, '6042-020']],
  [7, ['SOL-25-04', 'Affranchissement du courrier', 'services', 'AOO', utc(2025, 4, 2), 12000, 8000, '64110000', 'non', 'non', 'esat', "achat d'usage", 'La Poste', SIRET_POSTE_LUHN, E, 'Marcq en Baroeul Cedex', 'France métropolitaine', 300, '6261-020']],
  [8, ['SOL-25-05', 'Routage des colis solidaires', 'services', 'MAPA', utc(2025, 4, 20), 5000, E, '64120000', 'non', 'non', E, E, 'La Poste Solutions Business', SIRET_POSTE_BAD, '59100', 'Roubaix', 'Belgique', 20, '6261-020']],
  [9, ['SOL 25 06', 'Repas de fin d’année', 'fournitures', 'MAPA', utc(2025, 5, 5), 3000, E, '55520000', 'non', 'non', E, E, 'Traiteur Dupont', E, E, 'Roubaix', E, 5, '6232-020']],
  [10, ['SOL2506', 'Repas de fin d’année (avenant)', 'fournitures', 'MAPA', utc(2025, 12, 31), 900, E, '55520000', 'non', 'non', E, E, 'Traiteur Dupont', E, E, 'Roubaix', E, 5, '6232-020']],
  [11, ['SOL-25-07', 'Impression des guides', 'fournitures', 'MAPA', utc(2025, 6, 1), 9000, E, '45233141-23', 'non', 'non', E, E, 'Imprimerie Lys', E, E, 'Lys-lez-Lannoy', E, 50, '6236-020']],
  [12, ['SOL-25-08', 'Éclairage de la salle des fêtes', 'travaux', 'MAPA', utc(2025, 6, 15), 6000, E, '45233141-2 ', 'non', 'non', E, E, 'SASU Lumière-Ville', E, '59260', 'Hellemmes', E, E, '2313-064']],
  [13, ['SOL-25-09', 'Éclairage du local associatif', 'travaux', 'MAPA', utc(2025, 7, 1), 4000, E, '45316000', 'non', 'non', E, E, 'lumiere ville', E, '75011', 'Paris', E, E, '2313-064']],
  [14, ['SOL-25-10', 'Véhicule de maraude', 'services', 'MAPA', utc(2025, 7, 20), 10000, E, '34110000', 'non', 'non', E, 'Location', "Mobil'Arras", E, '62000', 'Arras', E, 0, err('#REF!', '#REF!+1')]],
  [15, ['SOL-25-11', 'Fournitures de couchage', 'fournitures', 'MAPA', utc(2025, 8, 3), 2000, E, '39500000', 'non', 'non', E, 'achat', 'Azur Services', E, 6200, 'Nice', E, 7000, '6068-061']],
  [16, ['SOL-25-12', 'Linge de maison', 'fournitures', 'MAPA', utc(2025, 9, 1), 7000, E, '39510000', 'non', 'non', 'Autre', E, 'Comines Textile', E, E, 'Comines', E, 249, '6068-061']],
  [17, ['Sous-total', E, E, E, E, { formula: 'SUBTOTAL(9,F2:F16)', result: 92900 } as ExcelJS.CellValue, E, E, E, E, E, E, E, E, E, E, E, E, E]],
  [18, ['SOL-25-13', 'Ateliers numériques', 'services', 'MAPA', utc(2025, 10, 1), '1234.56', `1${NBSP}000,5`, '80420000', 'true', 'yes', E, E, 'Atelier Roubaisien', SIRET_B, E, 'roubaix', E, 4, '6228-020']],
  [19, ['SOL-25-14', 'Bons alimentaires', 'fournitures', 'MAPA', utc(2025, 10, 15), 2500, E, '30199770', 'non', 'non', E, E, 'Épicerie Sociale', E, E, '#N/A', E, 3, '6042-020']],
  [20, ['SOL-25-15', 'Médiation sociale', 'services', 'MAPA', utc(2025, 11, 2), err('#DIV/0!', 'F19/0'), E, '85312300', 'non', 'non', E, E, 'Médiations', E, E, 'Roubaix', E, 8, '6228-020']],
  [22, ['SOL-25-16', 'Aide aux devoirs', 'services', 'MAPA', utc(2025, 11, 20), '12.500', E, '80000000', 'non', err('#VALUE!', 'J21*"a"'), E, E, 'Soutien Scolaire 59', E, E, 'Roubaix', E, 6, '6228-020']],
  [21, ['SOL-24-01', 'Portage de repas 2024', 'fournitures', 'MAPA', utc(2024, 6, 30), 11000, E, '15894210', 'non', 'non', E, E, 'Traiteur Dupont', E, E, 'Roubaix', E, 5, '6042-020']],
];

export async function workbookSol(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_SOL);
  ws.addRow(HEADER_SOL).font = { italic: true };
  for (const [rowNumber, cells] of ROWS_SOL) {
    const row = ws.getRow(rowNumber);
    cells.forEach((v, i) => {
      if (v === null) return;
      const cell = row.getCell(i + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'd mmm yyyy';
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Third pair: the « first 20 rows of its used range » boundary of regles §1. Nineteen note rows,
// then the header on row 21 — once with row 1 EMPTY (the used range starts on row 2, so the header
// is its 20th row: found), once with a title on row 1 (the header is the 21st row: not looked at).
// ---------------------------------------------------------------------------------------------

export const FILE_FAR = 'Pôle Culture.xlsx';
export const SHEET_FAR = 'Suivi';
export const HEADER_FAR = ['N° marché', 'Objet', 'Date de notification', 'Montant HT', 'Titulaire'];

export async function workbookFarHeader(titleOnRow1: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_FAR);
  if (titleOnRow1) ws.getCell('A1').value = 'PÔLE CULTURE — MARCHÉS';
  for (let r = 2; r <= 20; r++) ws.getCell(`A${r}`).value = `Note ${r - 1} : consigne de saisie.`;
  HEADER_FAR.forEach((h, i) => (ws.getRow(21).getCell(i + 1).value = h));
  ws.getRow(22).values = ['CU-25-01', 'Spectacle de fin d’année', utc(2025, 6, 21), 8000, 'Compagnie du Nord'];
  ws.getRow(23).values = ['CU-25-02', 'Location de gradins', utc(2025, 9, 2), 12000, 'Tribunes Services'];
  ws.getCell('C22').numFmt = 'dd/mm/yyyy';
  ws.getCell('C23').numFmt = 'dd/mm/yyyy';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Fourth workbook: « Pôle Ressources », only suppliers — zones (§6) at their less-travelled
// branches, names keyed without legal forms (§8), jj-mm-aaaa dates.
// ---------------------------------------------------------------------------------------------

export const FILE_RES = 'Pôle Ressources.xlsx';
export const SHEET_RES = 'Fournisseurs 2025';
export const HEADER_RES = ['Numéro de marché', 'Désignation', 'Date notif', 'Montant du marché HT', 'Prestataire', 'CP titulaire', 'Commune', 'Pays', 'Typologie entreprise'];

/** [sheet row, numero, objet, date text jj-mm-aaaa, montant, titulaire, CP, commune, pays, catégorie] */
export const ROWS_RES: [number, string, string, string, number, string, ExcelJS.CellValue, string | null, string | null, string | null][] = [
  [4, 'RES-01', 'Prestation RES-01', '15-01-2025', 1000, 'Transports Martin SA', '60200', 'Compiègne', null, 'PME'],
  [5, 'RES-02', 'Prestation RES-02', '16-01-2025', 2000, 'TRANSPORTS MARTIN', '75015', 'Paris', null, 'GE'],
  [6, 'RES-03', 'Prestation RES-03', '17-02-2025', 4000, 'EURL Picard Bureautique', '80000', 'Amiens', null, 'TPE'],
  [7, 'RES-04', 'Prestation RES-04', '18-03-2025', 8000, 'Hainaut Papeterie', '59300', 'Valenciennes', null, 'ETI'],
  [8, 'RES-05', 'Prestation RES-05', '19-04-2025', 16000, 'Frontière Services', null, 'Mouscron', 'FR', 'PME'],
  [9, 'RES-06', 'Prestation RES-06', '20-05-2025', 32000, 'Madeleine Conseil', null, 'LA MADELEINE', null, 'GE'],
  [10, 'RES-07', 'Prestation RES-07', '21-06-2025', 64000, 'Quai de la Deûle', '59520', 'Marquette lez Lille', null, 'TPE'],
  [11, 'RES-08', 'Prestation RES-08', '22-07-2025', 128000, 'Campus Services', '59650', null, null, 'ETI'],
  [12, 'RES-09', 'Prestation RES-09', '23-08-2025', 256000, 'Lambersart Propreté', null, 'Lambersart Cedex', null, 'PME'],
  [13, 'RES-10', 'Prestation RES-10', '24-09-2025', 512000, 'Centre Lille Imprim', 59777, null, null, 'GE'],
];

export async function workbookRes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_RES);
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = 'Pôle Ressources — marchés 2025 par fournisseur';
  ws.getRow(3).values = HEADER_RES;
  for (const [r, ...cells] of ROWS_RES) ws.getRow(r).values = cells.map((c) => (c === null ? undefined : c)) as ExcelJS.CellValue[];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

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

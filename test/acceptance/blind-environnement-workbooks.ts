/**
 * Blind acceptance « environnement »: the workbook « Transition écologique.xlsx »
 * that the ecological-transition officer and a buyer keep for Axe 3 and Axe 1.
 *
 * Sheets, in this order:
 *   `Marchés 2025`       title on row 1, header on row 2, 19 contracts on rows 3–21, a totals row 22
 *   `Marchés 2024`       the year N−1, other header spellings, header row 1, rows 2–6
 *   `Actions SPASER`     formations, ateliers, COPIL… (Axe 1), header row 1
 *   `Cibles`             COPIL targets on Axe 3 ids, header row 1
 *   `Saisies manuelles`  the two manual values of Axe 3, percent written three ways, header row 1
 *
 * Environmental clauses and criteria are declared in many spellings (« x », checkboxes
 * TRUE/FALSE, « Non applicable », « NC », « Oui - critère DD 10 % », « Critère DD 10 % »,
 * « Clause env. : oui »…), others only in the contract's wording (suggestions). No Pôle
 * column: the Pôle is the file name.
 */
import ExcelJS from 'exceljs';
import { day } from './helpers';

export const FILE = 'Transition écologique.xlsx';
export const SHEET_25 = 'Marchés 2025';
export const SHEET_24 = 'Marchés 2024';
export const SHEET_ACT = 'Actions SPASER';
export const SHEET_CIB = 'Cibles';
export const SHEET_SAI = 'Saisies manuelles';

const NBSP = '\u00a0';

export const HEADER_25 = [
  'N° marché', //              numero
  'Objet', //                  objet
  'Procédure', //              procedure
  'Date de notification', //   dateNotification
  'Montant HT (€)', //         montant
  'Montant mandaté', //        montantMandate
  'Nb avenants', //            nbAvenants
  'Clause env.', //            clauseEnvironnementale
  'Critère DD', //             critereEnvironnemental
  'Montant réemploi', //       montantReemploi
  'Montant réutilisation', //  montantReutilisation
  'Matières recyclées', //     montantRecycle
  "Mode d'acquisition", //     modeAcquisition
  "Centrale d'achat", //       centraleAchat
  'Observations', //           commentaires
] as const;

type Col25 = (typeof HEADER_25)[number];
type Row25 = Partial<Record<Col25, ExcelJS.CellValue>>;

/** Sheet rows 3 … 21 in this order. */
export const ROWS_25: readonly Row25[] = [
  /* r3  */ { 'N° marché': 'TE25-01', Objet: "Fourniture de papier recyclé pour l'imprimerie municipale", Procédure: 'MAPA', 'Date de notification': day('2025-01-13'), 'Montant HT (€)': 24000, 'Montant mandaté': 21500, 'Nb avenants': 0, 'Clause env.': 'x', 'Critère DD': 'Oui - critère DD 10 %', 'Matières recyclées': 21500, "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Oui (UGAP)' },
  /* r4  */ { 'N° marché': 'TE25-02', Objet: 'Location de véhicules électriques pour la police municipale', Procédure: "Appel d'offres ouvert", 'Date de notification': day('2025-02-03'), 'Montant HT (€)': 180000, 'Montant mandaté': 60000, 'Nb avenants': 1, "Mode d'acquisition": 'LLD', "Centrale d'achat": 'Non' },
  /* r5  */ { 'N° marché': 'TE25-03', Objet: 'Mobilier de réemploi pour la médiathèque', Procédure: 'MAPA', 'Date de notification': day('2025-02-17'), 'Montant HT (€)': 15000, 'Nb avenants': 0, 'Clause env.': false, 'Critère DD': false, 'Montant réemploi': 15000, "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Non' },
  /* r6  */ { 'N° marché': 'TE25-04', Objet: 'Entretien des espaces verts', Procédure: 'AOO', 'Date de notification': day('2025-03-03'), 'Montant HT (€)': 90000, 'Montant mandaté': 45000, 'Nb avenants': 2, 'Clause env.': true, 'Critère DD': true, 'Montant réemploi': '0', 'Montant réutilisation': '0', 'Matières recyclées': '0', "Centrale d'achat": 'Non', Observations: 'Critère environnemental (pondération 15 %) dans le RC' },
  /* r7  */ { 'N° marché': 'TE25-05', Objet: 'Maintenance des photocopieurs', Procédure: 'sans publicité ni mise en concurrence', 'Date de notification': day('2025-03-17'), 'Montant HT (€)': 8000, 'Montant mandaté': 8000, 'Nb avenants': 0, 'Clause env.': 'Non applicable', 'Critère DD': 'Non applicable', 'Montant réemploi': '-', 'Montant réutilisation': '-', 'Matières recyclées': '-', "Mode d'acquisition": 'Location', "Centrale d'achat": 'Non' },
  /* r8  */ { 'N° marché': 'TE25-06', Objet: 'Prestations de nettoyage des bâtiments, produits écolabel', Procédure: 'Procédure adaptée', 'Date de notification': day('2025-04-07'), 'Montant HT (€)': 60000, 'Montant mandaté': 52000, 'Nb avenants': 1, 'Clause env.': 'Non', 'Critère DD': '✓' },
  /* r9  */ { 'N° marché': 'TE25-07', Objet: 'Fourniture de vêtements de travail', Procédure: 'MAPA', 'Date de notification': day('2025-04-22'), 'Montant HT (€)': 30000, 'Montant mandaté': 28000, 'Nb avenants': 0, 'Clause env.': 'Oui', 'Critère DD': '-', 'Matières recyclées': '12 000 €', "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Oui (UGAP)' },
  /* r10 */ { 'N° marché': 'TE25-08', Objet: "Achat d'usage de photocopieurs multifonctions", Procédure: 'gré à gré', 'Date de notification': day('2025-05-12'), 'Montant HT (€)': 20000, 'Montant mandaté': 20000, 'Nb avenants': 0, "Mode d'acquisition": "Achat d'usage", "Centrale d'achat": 'x' },
  /* r11 */ { 'N° marché': 'TE25-09', Objet: 'Travaux de réfection de voirie', Procédure: 'AOO', 'Date de notification': day('2025-06-02'), 'Montant HT (€)': 400000, 'Montant mandaté': 150000, 'Nb avenants': 3, 'Clause env.': 'oui', 'Critère DD': 'oui (pondération 15 %)', 'Matières recyclées': '30 000', "Centrale d'achat": 'Non' },
  /* r12 */ { 'N° marché': 'TE25-10', Objet: 'Fourniture de matériel informatique reconditionné', Procédure: 'MAPA', 'Date de notification': day('2025-06-16'), 'Montant HT (€)': 50000, 'Montant mandaté': 48000, 'Nb avenants': 0, 'Montant réemploi': `3${NBSP}000,50`, 'Montant réutilisation': '4 000', "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Non' },
  /* r13 */ { 'N° marché': 'TE25-11', Objet: 'Location de mobilier pour les événements', 'Date de notification': day('2025-07-01'), 'Montant HT (€)': 12000, 'Nb avenants': 0, 'Clause env.': 'Non', 'Critère DD': 'Non', 'Montant réutilisation': '2000', "Mode d'acquisition": 'Location', "Centrale d'achat": 'Non', Observations: "Critères environnementaux appliqués à l'analyse des offres" },
  /* r14 */ { 'N° marché': 'TE25-12', Objet: 'Fourniture de repas en circuit court pour la restauration scolaire', Procédure: "Appel d'offres ouvert", 'Date de notification': day('2025-07-15'), 'Montant HT (€)': 300000, 'Montant mandaté': 250000, 'Nb avenants': 1, 'Clause env.': 'x', 'Critère DD': 'x', "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Non' },
  /* r15 */ { 'N° marché': 'TE25-13', Objet: "Fourniture de consommables d'impression", Procédure: 'MAPA', 'Date de notification': day('2025-08-04'), 'Montant HT (€)': 10000, 'Montant mandaté': 9000, 'Nb avenants': 0, 'Clause env.': 'NC', 'Critère DD': 'Critère DD 10 %', 'Montant réemploi': 'néant', "Mode d'acquisition": 'Leasing', "Centrale d'achat": 'UGAP' },
  /* r16 */ { 'N° marché': 'TE25-14', Objet: 'Prestations de déménagement', Procédure: 'MAPA', 'Date de notification': day('2025-08-25'), 'Montant HT (€)': 25000, 'Nb avenants': 0, 'Clause env.': 'Clause env. : oui', 'Critère DD': 'Critère environnemental (pondération 15 %)', 'Matières recyclées': '15 %', "Mode d'acquisition": 'Crédit-bail', "Centrale d'achat": 'CAIH' },
  /* r17 */ { 'N° marché': 'TE25-15', Objet: 'Acquisition de vélos pour les agents', Procédure: 'AOO', 'Date de notification': day('2025-09-08'), 'Montant HT (€)': 35000, 'Nb avenants': 0, 'Clause env.': 'oui', 'Critère DD': 'oui', 'Montant réutilisation': '2,5 k€', "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Non' },
  /* r18 */ { 'N° marché': 'TE25-16', Objet: 'Fourniture de mobilier de bureau issu du réemploi', Procédure: 'MAPA', 'Date de notification': day('2025-09-22'), 'Montant HT (€)': 18000, 'Montant mandaté': 18000, 'Nb avenants': 0, 'Montant réemploi': 18000, "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Non' },
  /* r19 */ { 'N° marché': 'TE25-17', Objet: 'Nettoyage des vitres, sans clause environnementale', Procédure: 'MAPA', 'Date de notification': day('2025-10-06'), 'Montant HT (€)': 9000, 'Nb avenants': 0, 'Clause env.': 'Non', 'Critère DD': 'Non', "Centrale d'achat": 'Non' },
  /* r20 */ { 'N° marché': 'TE25-18', Objet: 'Location longue durée de véhicules utilitaires', Procédure: 'MNSPMC', 'Date de notification': day('2025-10-20'), 'Montant HT (€)': 70000, 'Montant mandaté': 35000, 'Nb avenants': 1, 'Clause env.': 'Oui', "Mode d'acquisition": 'Location', "Centrale d'achat": 'Oui (UGAP)' },
  /* r21 */ { 'N° marché': 'TE25-19', Objet: 'Achat de papier', Procédure: 'MAPA', 'Date de notification': day('2025-11-03'), 'Montant HT (€)': 5000, 'Nb avenants': 0, 'Clause env.': true, 'Critère DD': false, 'Matières recyclées': 6000, "Mode d'acquisition": 'Achat', "Centrale d'achat": 'Non' },
];
export const FIRST_ROW_25 = 3;

export const HEADER_24 = ['Réf. marché', 'Intitulé', 'Type de procédure', 'Notifié le', 'Montant HT', 'Clause verte', 'Critère env.', 'Réemploi', 'Réutilisation', 'Recyclé', 'Achat/location', 'UGAP'] as const;
type Row24 = Partial<Record<(typeof HEADER_24)[number], ExcelJS.CellValue>>;

/** Sheet rows 2 … 6. No mandaté nor avenants column this year. */
export const ROWS_24: readonly Row24[] = [
  /* r2 */ { 'Réf. marché': 'TE24-01', Intitulé: 'Fourniture de papier', 'Type de procédure': 'MAPA', 'Notifié le': day('2024-02-05'), 'Montant HT': 20000, 'Clause verte': 'Oui', 'Critère env.': 'Non', Recyclé: 8000, 'Achat/location': 'Achat', UGAP: 'x' },
  /* r3 */ { 'Réf. marché': 'TE24-02', Intitulé: 'Location de véhicules', 'Type de procédure': 'AOO', 'Notifié le': day('2024-04-10'), 'Montant HT': 100000, 'Clause verte': 'Non', 'Critère env.': 'Non', 'Achat/location': 'Location' },
  /* r4 */ { 'Réf. marché': 'TE24-03', Intitulé: 'Maintenance des copieurs', 'Type de procédure': 'sans publicité ni mise en concurrence', 'Notifié le': day('2024-06-03'), 'Montant HT': 10000, 'Achat/location': 'Location' },
  /* r5 */ { 'Réf. marché': 'TE24-04', Intitulé: 'Mobilier de réemploi', 'Type de procédure': 'MAPA', 'Notifié le': day('2024-09-02'), 'Montant HT': 12000, 'Clause verte': 'Oui', 'Critère env.': 'Oui', Réemploi: 12000, 'Achat/location': 'Achat', UGAP: 'x' },
  /* r6 */ { 'Réf. marché': 'TE24-05', Intitulé: "Achat d'usage de copieurs", 'Type de procédure': 'MAPA', 'Notifié le': day('2024-10-07'), 'Montant HT': 30000, 'Clause verte': 'Non', 'Critère env.': 'Oui', Réutilisation: 3000, 'Achat/location': "Achat d'usage", UGAP: 'Non' },
];

export const HEADER_ACT = ['Date', "Type d'action", 'Intitulé', 'Nb participants'] as const;
type RowAct = Partial<Record<(typeof HEADER_ACT)[number], ExcelJS.CellValue>>;
/** Sheet rows 2 … 11. */
export const ROWS_ACT: readonly RowAct[] = [
  /* r2  */ { Date: '15/01/2025', "Type d'action": 'Formation', Intitulé: 'Achats durables : clauses environnementales', 'Nb participants': 12 },
  /* r3  */ { Date: day('2025-03-11'), "Type d'action": 'formation', Intitulé: "Le coût global et l'ACV", 'Nb participants': '8' },
  /* r4  */ { Date: '2025-05-20', "Type d'action": 'Formation', Intitulé: 'Économie circulaire et réemploi' },
  /* r5  */ { Date: '12/06/2025', "Type d'action": 'Atelier', Intitulé: 'Atelier sourçage fournisseurs éco-responsables', 'Nb participants': 20 },
  /* r6  */ { Date: '17/09/2025', "Type d'action": 'Evènement', Intitulé: 'Semaine du développement durable', 'Nb participants': 60 },
  /* r7  */ { Date: '02/10/2025', "Type d'action": 'COPIL', Intitulé: 'COPIL SPASER', 'Nb participants': 15 },
  /* r8  */ { Date: '20/11/2025', "Type d'action": 'COTECH', Intitulé: 'COTECH transition écologique', 'Nb participants': 10 },
  /* r9  */ { Date: '05/03/2024', "Type d'action": 'Formation', Intitulé: 'Achats responsables', 'Nb participants': 10 },
  /* r10 */ { Date: '14/11/2024', "Type d'action": 'Formation', Intitulé: 'Clauses vertes', 'Nb participants': '5' },
  /* r11 */ { Date: '10/10/2024', "Type d'action": 'Atelier', Intitulé: 'Atelier réemploi', 'Nb participants': 25 },
];

export const HEADER_CIB = ['Indicateur', 'Année', 'Cible', 'Sens'] as const;
type RowCib = Partial<Record<(typeof HEADER_CIB)[number], ExcelJS.CellValue>>;
/** Sheet rows 2 … 12; `pct` marks a number typed « 50 % » in Excel (0,5 under the format 0%). */
export const ROWS_CIB: readonly (RowCib & { pct?: true })[] = [
  /* r2  */ { Indicateur: '3.1.1-consideration-env', Année: 2025, Cible: '50', Sens: '≥' },
  /* r3  */ { Indicateur: '3.1.1-criteres-env', Année: 2025, Cible: 30 },
  /* r4  */ { Indicateur: '3.1.1-clauses-env', Année: 2025, Cible: 0.5, Sens: '≥', pct: true },
  /* r5  */ { Indicateur: '3.1.1-reemploi', Année: 2025, Cible: `40${NBSP}000`, Sens: '≥' },
  /* r6  */ { Indicateur: '3.2.1-location', Année: 2025, Cible: 25, Sens: 'au plus' },
  /* r7  */ { Indicateur: '3.2.1-centrales', Année: 2025, Cible: 100000, Sens: '≥' },
  /* r8  */ { Indicateur: '3.2.1-mobilier-reemploye', Année: 2025, Cible: 10, Sens: '≥' },
  /* r9  */ { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Cible: 15, Sens: '≥' },
  /* r10 */ { Indicateur: '3.2.1-achat-usage', Année: 2024, Cible: 5, Sens: '≥' },
  /* r11 */ { Indicateur: '1.2.1-formations', Année: 2025, Cible: 3, Sens: '≥' },
  /* r12 */ { Indicateur: '3.1.1-recycle', Année: 2025, Cible: 60000, Sens: 'à la hausse' },
];

export const HEADER_SAI = ['Indicateur', 'Année', 'Valeur', 'Source'] as const;
type RowSai = Partial<Record<(typeof HEADER_SAI)[number], ExcelJS.CellValue>>;
/** Sheet rows 2 … 6; `pct` as in `ROWS_CIB`. */
export const ROWS_SAI: readonly (RowSai & { pct?: true })[] = [
  /* r2 */ { Indicateur: '3.2.1-fournitures-evitees', Année: 2025, Valeur: '12 %', Source: 'Service achats' },
  /* r3 */ { Indicateur: '3.2.1-mobilier-reemploye', Année: 2025, Valeur: 0.12, Source: 'Inventaire mobilier', pct: true },
  /* r4 */ { Indicateur: '3.2.1-fournitures-evitees', Année: 2024, Valeur: '0,12', Source: 'Bilan 2024' },
  /* r5 */ { Indicateur: '3.2.1-mobilier-reemploye', Année: 2024, Valeur: '12', Source: 'Inventaire 2024' },
  /* r6 */ { Indicateur: '3.1.1-reemploi', Année: 2025, Valeur: '5000', Source: 'Estimation' },
];

function fill<K extends string>(ws: ExcelJS.Worksheet, headerRow: number, header: readonly K[], rows: readonly (Partial<Record<K, ExcelJS.CellValue>> & { pct?: true })[]): void {
  header.forEach((h, i) => {
    const c = ws.getRow(headerRow).getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    for (const [key, value] of Object.entries(r)) {
      if (key === 'pct') continue;
      const col = header.indexOf(key as K);
      if (col < 0) throw new Error(`unknown column ${key}`);
      const cell = row.getCell(col + 1);
      cell.value = value as ExcelJS.CellValue;
      if ((value as unknown) instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      if (r.pct && typeof value === 'number' && (key === 'Cible' || key === 'Valeur')) cell.numFmt = '0%';
    }
  });
}

export async function workbookEnvironnement(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_25);
  ws.getCell('A1').value = 'Suivi des achats responsables – transition écologique 2025';
  ws.getCell('A1').font = { bold: true, size: 14 };
  fill(ws, 2, HEADER_25, ROWS_25);
  // Totals row: no numéro, « TOTAL » in the objet column (regles.md §1: not a row).
  const total = ws.getRow(FIRST_ROW_25 + ROWS_25.length);
  total.getCell(2).value = 'TOTAL';
  total.getCell(5).value = { formula: `SUM(E3:E21)`, result: 1361000 };
  ROWS_25.forEach((r, i) => {
    if (typeof r['Montant HT (€)'] === 'number') ws.getRow(FIRST_ROW_25 + i).getCell(5).numFmt = '#,##0 "€"';
  });
  fill(wb.addWorksheet(SHEET_24), 1, HEADER_24, ROWS_24);
  fill(wb.addWorksheet(SHEET_ACT), 1, HEADER_ACT, ROWS_ACT);
  fill(wb.addWorksheet(SHEET_CIB), 1, HEADER_CIB, ROWS_CIB);
  fill(wb.addWorksheet(SHEET_SAI), 1, HEADER_SAI, ROWS_SAI);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

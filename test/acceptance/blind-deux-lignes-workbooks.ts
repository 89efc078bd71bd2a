/**
 * BLIND acceptance « deux lignes » — buyers' workbooks whose header spans two rows (or looks as if
 * it might), built with ExcelJS in the house styles buyers really use. Expectations live in
 * `blind-deux-lignes.acceptance.test.ts`, computed by hand from `/work/shared/spec/` and the README
 * (« Choix faits … » › « Colonnes » › « En-tête sur deux lignes », « Limites connues »).
 *
 * Workbooks (one register sheet each, so that nothing is consolidated across cases):
 *   W1  tall header: title rows 1–2, every header cell merged over rows 3–4, data from row 5
 *   W2  key columns merged over rows 4–5 beside group labels « Considérations » / « Insertion »
 *       merged horizontally over their sub-headers (row 5); title rows above; data from row 6
 *   W3  group labels over sub-headers WITHOUT vertical merge: key labels on row 3 only, row 4
 *       empty under them; one group label merged horizontally, the other not merged at all
 *   N1  plain one-row header directly followed by data (the first data row all text)
 *   N2  header, then an empty row, then data
 *   N3  an Excel table (ws.addTable) under a title, its data right under its header
 *   N4  header followed by a note row holding a date
 *   N5  header followed by a note row holding a number
 *   L1  « Montant » over « HT » / « TTC », no vertical merge (README « Limites connues »)
 *   L2  the same with the other labels merged over both rows
 */
import ExcelJS from 'exceljs';

/** A real Excel date (UTC midnight). */
export function day(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

type Cell = ExcelJS.CellValue;

/** Writes one row of values from column A; null/undefined leave the cell empty; Dates get dd/mm/yyyy. */
function put(ws: ExcelJS.Worksheet, row: number, values: readonly Cell[]): void {
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const cell = ws.getCell(row, i + 1);
    cell.value = v;
    if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
  });
}

function boldRow(ws: ExcelJS.Worksheet, row: number, cols: number): void {
  for (let c = 1; c <= cols; c++) {
    const cell = ws.getCell(row, c);
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  }
}

// ───────────────────────── W1 « Pôle Éducation.xlsx » — tall header ─────────────────────────
export const W1_FILE = 'Pôle Éducation.xlsx';
export const W1_SHEET = 'Registre 2025';
/** Header texts, columns A–J, each merged over rows 3 and 4. */
export const W1_HEADER = [
  'Référence', // A numero
  'Libellé', // B objet
  'Service\nprescripteur', // C direction
  'Montant du marché\nHT', // D montant
  'Notifié le', // E dateNotification
  'Procédure', // F procedure
  'Clause sociale', // G clauseSociale
  'Critère\nenvironnemental', // H critereEnvironnemental
  'Attributaire', // I titulaire
  'Observations', // J commentaires
] as const;

export async function w1Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(W1_SHEET);
  ws.getCell('A1').value = 'PÔLE ÉDUCATION — REGISTRE DES MARCHÉS';
  ws.mergeCells('A1:J1');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Mise à jour : janvier 2026 — document interne';
  W1_HEADER.forEach((h, i) => {
    ws.getCell(3, i + 1).value = h;
    ws.mergeCells(3, i + 1, 4, i + 1);
  });
  boldRow(ws, 3, W1_HEADER.length);
  ws.getRow(3).height = 30;
  ws.getRow(4).height = 30;
  const rows: Record<number, Cell[]> = {
    5: ['ED-25-001', 'Restauration scolaire', 'Service restauration', 250000, day('2025-01-06'), 'AOO', 'oui', 'oui', 'Cuisine Centrale du Nord', 'RAS'],
    6: ['ED-25-002', 'Transport des élèves', 'Service scolaire', 90000, day('2025-02-14'), 'MAPA', 'non', 'oui', 'Cars du Nord', null],
    7: ['ED-25-003', 'Achat de manuels', 'Service scolaire', 15000, day('2025-03-01'), 'MAPA', 'non', 'non', 'Librairie Roubaisienne', null],
    8: ['ED-25-004', 'Entretien des cours', 'Service bâtiments', 40000, day('2025-06-30'), 'Procédure adaptée', 'oui', 'non', 'Jardins de Flandre', 'Reconduction possible'],
    9: ['ED-25-005', 'Petites réparations', 'Service bâtiments', 3500, day('2025-07-01'), 'gré à gré', 'non', 'non', 'Artisan Dupont', null],
    10: ['ED-24-010', 'Photocopieurs', 'Service scolaire', 12000, day('2024-09-01'), 'AOO', 'non', 'non', 'Copie Service', null],
    11: ['ED-25-006', null, 'Service scolaire', 8000, day('2025-09-01'), 'MAPA', 'non', 'non', 'Papeterie Centrale', null],
    // 12 empty
    13: ['ED-25-007', 'Mobilier des salles', 'Service bâtiments', 20000, '31/02/2025', 'MAPA', 'non', 'non', 'Bureaux & Co', null],
  };
  for (const [r, v] of Object.entries(rows)) put(ws, Number(r), v);
  return bytesOf(wb);
}

// ───────── W2 « Pôle Ressources.xlsx » — key columns merged beside group labels ─────────
export const W2_FILE = 'Pôle Ressources.xlsx';
export const W2_SHEET = 'Marchés 2025';
/** Upper row (4): key labels merged over rows 4–5, group labels merged over their sub-headers. */
export const W2_KEYS: Record<string, string> = {
  A: 'N°\nde marché',
  B: 'Objet du marché',
  C: 'Montant HT\n(€)',
  D: 'Date de\nnotification',
  J: 'Titulaire',
  K: 'Code postal',
};
export const W2_GROUPS: { range: string; label: string; subs: Record<string, string> }[] = [
  { range: 'E4:G4', label: 'Considérations', subs: { E: 'Clause sociale', F: 'Clause environnementale', G: 'Innovation' } },
  { range: 'H4:I4', label: 'Insertion', subs: { H: 'Heures prévues', I: 'Heures réalisées' } },
];

export async function w2Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(W2_SHEET);
  ws.getCell('A1').value = 'Ville de Roubaix';
  ws.getCell('A2').value = 'Tableau de suivi des marchés notifiés — exercice 2025';
  ws.mergeCells('A2:K2');
  for (const [c, label] of Object.entries(W2_KEYS)) {
    ws.getCell(`${c}4`).value = label;
    ws.mergeCells(`${c}4:${c}5`);
  }
  for (const g of W2_GROUPS) {
    ws.getCell(g.range.split(':')[0]).value = g.label;
    ws.mergeCells(g.range);
    for (const [c, sub] of Object.entries(g.subs)) ws.getCell(`${c}5`).value = sub;
  }
  boldRow(ws, 4, 11);
  boldRow(ws, 5, 11);
  const rows: Record<number, Cell[]> = {
    //   A            B                                        C        D                  E      F      G      H    I    J                       K
    6: ['R-2025-01', 'Nettoyage des locaux administratifs', 120000, day('2025-02-03'), 'Oui', 'Oui', 'Non', 800, 650, 'Net Plus', 59100],
    7: ['R-2025-02', 'Fourniture de papier', 8000, day('2025-03-10'), 'Non', 'Oui', 'Non', null, null, 'Papeterie Lilloise', 59000],
    8: ['R-2025-03', 'Maintenance des ascenseurs', 45000, day('2025-04-15'), 'Non', 'Non', 'Non', null, 120, 'Ascenseurs Service', 59200],
    9: ['R-2025-04', 'Plateforme numérique de réservation', 30000, day('2025-05-20'), 'Non', 'Non', 'Oui', null, null, 'Appli Roubaix', 59100],
    10: ['R-2025-05', 'Travaux de voirie', null, day('2025-06-02'), 'Non', 'Non', 'Non', null, null, 'Routes du Nord', 59800],
    11: ['r-2025-01 ', 'Nettoyage des locaux (lot 2)', 20000, day('2025-09-01'), 'Non', 'Non', 'Non', null, null, 'Net Plus', 59100],
    12: [null, 'Total', { formula: 'SUM(C6:C11)', result: 223000 }],
  };
  for (const [r, v] of Object.entries(rows)) put(ws, Number(r), v);
  ws.getColumn(3).numFmt = '# ##0 €';
  return bytesOf(wb);
}

// ─────── W3 « Pôle Solidarités.xlsx » — group labels over sub-headers, no vertical merge ───────
export const W3_FILE = 'Pôle Solidarités.xlsx';
export const W3_SHEET = 'Suivi';
/** Row 3: key labels (row 4 empty under them) and group labels. */
export const W3_UPPER: Cell[] = ['Num marché', 'Intitulé', 'Montant attribué', "Date d'attribution", 'Social', null, 'Environnement', null, 'Titulaire', 'CP titulaire'];
/** Row 4: sub-headers only. */
export const W3_LOWER: Cell[] = [null, null, null, null, "Clause d'insertion", 'Marché réservé', 'Clause verte', 'Critère DD', null, null];

export async function w3Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(W3_SHEET);
  ws.getCell('A1').value = 'Suivi des marchés — Pôle Solidarités';
  put(ws, 3, W3_UPPER);
  ws.mergeCells('E3:F3'); // « Social » merged horizontally; « Environnement » (G3) is not merged at all
  put(ws, 4, W3_LOWER);
  const rows: Record<number, Cell[]> = {
    5: ['SOL-01', 'Accueil de jour', 60000, day('2025-01-15'), 'Oui', 'SIAE', 'non', 'non', 'Asso Accueil', 59100],
    6: ['SOL-02', 'Distribution alimentaire', 30000, day('2025-02-20'), 'non', 'Non', 'oui', 'oui', 'Banque Solidaire', 59200],
    7: ['SOL-03', 'Prestations de ménage', 12000, day('2025-03-05'), null, 'ESAT/EA', 'non', 'non', 'Atelier Services', 59150],
    8: ['SOL-04', 'Transport de personnes', 18000, day('2025-04-10'), 'non', 'Non', 'non', 'non', 'Cars Parisiens', '75011'],
    9: ['SOL-05', 'Formation des agents', '9 500 €', '12/05/2025', 'non', null, 'non', 'x', 'Formations Plus', 59000],
    10: ['SOL-06', 'Repas à domicile', 22000, day('2025-06-01'), 'peut-être', 'Non', 'non', 'non', 'Cuisine Mobile', 59100],
  };
  for (const [r, v] of Object.entries(rows)) put(ws, Number(r), v);
  return bytesOf(wb);
}

// ───────────────────────── negative cases: one header row only ─────────────────────────
export const N_SHEET = 'Marchés';
export const N_HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale', 'Titulaire'] as const;

/** Three ordinary 2025 contracts (values of columns A–F), the middle one with a clause sociale. */
export const N_DATA: Cell[][] = [
  ['N-01', 'Entretien des espaces verts', 10000, day('2025-02-01'), 'non', 'Vert Service'],
  ['N-02', 'Maintenance informatique', 30000, day('2025-03-01'), 'oui', 'Info Nord'],
  ['N-03', 'Achat de mobilier', 20000, day('2025-04-01'), 'non', 'Meubles Lille'],
];

/** N1: header on row 1, data right under it; the first data row typed all as text. */
export async function n1Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(N_SHEET);
  put(ws, 1, [...N_HEADER]);
  boldRow(ws, 1, N_HEADER.length);
  put(ws, 2, ['N-00', 'Étude de programmation', '5 000,00 €', '15/01/2025', 'Oui', 'Bureau Études Nord']);
  N_DATA.forEach((r, i) => put(ws, 3 + i, r));
  return bytesOf(wb);
}

/** N2: title on row 1, header on row 2, an empty row 3, data from row 4. */
export async function n2Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(N_SHEET);
  ws.getCell('A1').value = 'Suivi des marchés 2025';
  put(ws, 2, [...N_HEADER]);
  boldRow(ws, 2, N_HEADER.length);
  N_DATA.forEach((r, i) => put(ws, 4 + i, r));
  return bytesOf(wb);
}

/** N3: title rows 1–2, an Excel table whose header is row 3, data rows 4–7 right under it. */
export async function n3Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(N_SHEET);
  ws.getCell('A1').value = 'Direction des achats';
  ws.getCell('A2').value = 'Registre 2025 (tableau filtrable)';
  const rows = [['N-00', 'Étude de programmation', '5 000,00 €', '15/01/2025', 'Oui', 'Bureau Études Nord'], ...N_DATA];
  ws.addTable({
    name: 'TabRegistre',
    ref: 'A3',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: N_HEADER.map((name) => ({ name, filterButton: true })),
    rows,
  });
  for (let r = 5; r <= 7; r++) ws.getCell(r, 4).numFmt = 'dd/mm/yyyy';
  return bytesOf(wb);
}

/** N4: header on row 1, row 2 a note « Situation arrêtée au » with a date under « Date de notification », data from row 3. */
export async function n4Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(N_SHEET);
  put(ws, 1, [...N_HEADER]);
  put(ws, 2, ['Situation arrêtée au', null, null, day('2025-12-31')]);
  ws.getCell('A2').font = { italic: true };
  N_DATA.forEach((r, i) => put(ws, 3 + i, r));
  return bytesOf(wb);
}

/** N5: header on row 1, row 2 a note « Nombre de marchés suivis : » with a number under « Objet », data from row 3. */
export async function n5Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(N_SHEET);
  put(ws, 1, [...N_HEADER]);
  put(ws, 2, ['Nombre de marchés suivis :', 3]);
  ws.getCell('A2').font = { italic: true };
  N_DATA.forEach((r, i) => put(ws, 3 + i, r));
  return bytesOf(wb);
}

// ───────────────────── L1/L2 — « Montant » over « HT » / « TTC » (known limit) ─────────────────────
export const L_SHEET = 'Marchés';
/** Row 1 labels; C1:D1 « Montant » merged horizontally over C2 « HT » and D2 « TTC ». */
export const L_UPPER: Record<string, string> = { A: 'N° marché', B: 'Objet', C: 'Montant', E: 'Date de notification', F: 'Clause sociale' };
export const L_DATA: Cell[][] = [
  //  A        B                         C (HT) D (TTC)  E                  F
  ['L-01', 'Entretien des espaces verts', 10000, 12000, day('2025-02-01'), 'oui'],
  ['L-02', 'Maintenance informatique', 30000, 36000, day('2025-03-01'), 'non'],
  ['L-03', 'Achat de mobilier', 20000, 24000, day('2025-04-01'), 'non'],
];

/** L1 (mergedKeys false): key labels on row 1 only. L2 (true): key labels merged over rows 1–2. */
export async function lBytes(mergedKeys: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(L_SHEET);
  for (const [c, label] of Object.entries(L_UPPER)) {
    ws.getCell(`${c}1`).value = label;
    if (mergedKeys && c !== 'C') ws.mergeCells(`${c}1:${c}2`);
  }
  ws.mergeCells('C1:D1');
  ws.getCell('C2').value = 'HT';
  ws.getCell('D2').value = 'TTC';
  L_DATA.forEach((r, i) => put(ws, 3 + i, r));
  return bytesOf(wb);
}

// ──────── G* — the group label is itself a field, its sub-headers need it (found while testing) ────────
export const G_SHEET = 'Marchés';
const G_KEYS: Record<string, string> = { A: 'N° marché', B: 'Objet', C: 'Montant HT', D: 'Date de notification' };

function gKeys(ws: ExcelJS.Worksheet, mergedKeys: boolean, keys: Record<string, string>): void {
  for (const [c, label] of Object.entries(keys)) {
    ws.getCell(`${c}1`).value = label;
    if (mergedKeys) ws.mergeCells(`${c}1:${c}2`);
  }
}

/**
 * G1: « Clause sociale » merged E1:G1 over « Oui/Non » | « Heures prévues » | « Heures réalisées »;
 * A–D key labels merged over rows 1–2 (mergedKeys) or on row 1 only. Data rows 3–4:
 * A-1 1000 € oui 100 h / 80 h; A-2 2000 € non.
 */
export async function g1Bytes(mergedKeys: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(G_SHEET);
  gKeys(ws, mergedKeys, G_KEYS);
  ws.getCell('E1').value = 'Clause sociale';
  ws.mergeCells('E1:G1');
  put(ws, 2, [null, null, null, null, 'Oui/Non', 'Heures prévues', 'Heures réalisées']);
  put(ws, 3, ['A-1', 'Nettoyage des locaux', 1000, day('2025-02-01'), 'oui', 100, 80]);
  put(ws, 4, ['A-2', 'Fourniture de papier', 2000, day('2025-03-01'), 'non']);
  return bytesOf(wb);
}

/**
 * G2: A–E (« Clause sociale » in E) on row 1, a group label over two hours sub-headers in F:G —
 * variant 'heures': « Heures d'insertion » over « Prévues » | « Réalisées », keys merged over rows 1–2;
 * variant 'insertion': « Insertion » over « Objectif » | « Réalisé », no vertical merge.
 * Data rows 3–4: A-1 1000 € oui 100 h / 80 h; A-2 2000 € non.
 */
export async function g2Bytes(variant: 'heures' | 'insertion'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(G_SHEET);
  gKeys(ws, variant === 'heures', { ...G_KEYS, E: 'Clause sociale' });
  ws.getCell('F1').value = variant === 'heures' ? "Heures d'insertion" : 'Insertion';
  ws.mergeCells('F1:G1');
  put(ws, 2, [null, null, null, null, null, ...(variant === 'heures' ? ['Prévues', 'Réalisées'] : ['Objectif', 'Réalisé'])]);
  put(ws, 3, ['A-1', 'Nettoyage des locaux', 1000, day('2025-02-01'), 'oui', 100, 80]);
  put(ws, 4, ['A-2', 'Fourniture de papier', 2000, day('2025-03-01'), 'non']);
  return bytesOf(wb);
}

/**
 * G3: A–E (« Clause sociale » in E) merged over rows 1–2, « Titulaire » merged F1:I1 over « Nom » |
 * « SIRET » | « CP » | « Ville ». Data rows 3–4: Net Plus 59100 Roubaix (oui); Papeterie 59000 Lille.
 */
export async function g3Bytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(G_SHEET);
  gKeys(ws, true, { ...G_KEYS, E: 'Clause sociale' });
  ws.getCell('F1').value = 'Titulaire';
  ws.mergeCells('F1:I1');
  put(ws, 2, [null, null, null, null, null, 'Nom', 'SIRET', 'CP', 'Ville']);
  put(ws, 3, ['A-1', 'Nettoyage des locaux', 1000, day('2025-02-01'), 'oui', 'Net Plus', null, 59100, 'Roubaix']);
  put(ws, 4, ['A-2', 'Fourniture de papier', 2000, day('2025-03-01'), 'non', 'Papeterie', null, 59000, 'Lille']);
  return bytesOf(wb);
}

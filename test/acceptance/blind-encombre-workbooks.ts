/**
 * Blind acceptance « encombré »: ONE buyer workbook as people really keep it, built with ExcelJS.
 * Every value is judged by hand in `blind-encombre.acceptance.test.ts` (see its header comment).
 *
 * « Achats Ressources.xlsx », sheets in this order:
 *   1. « Mode d'emploi »: text only, one sentence per row (column A).
 *   2. « Registre »: title rows 1–2, header row 4, an Excel table `TabRegistre` (rows 5–18) with a
 *      totals row (row 19, « Total » and SUBTOTAL formulas with cached results), autofilter buttons,
 *      frozen panes, the rows of non-programmed contracts hidden by a filter, drop-down lists on
 *      Procédure (through the named range `ListeProcedures`) / Clause sociale / Clause env. /
 *      Programmé / Catégorie pointing at « Listes », a print area (landscape).
 *   3. « Synthèse »: COUNTIFS / SUMIFS over « Registre » with cached results.
 *   4. « Listes »: the drop-down lists (procedures, oui/non, company categories).
 *   5. « Registre sauvegarde mars »: hidden, an older copy pasted as values (header row 1, rows 2–8):
 *      fewer rows, two mandated amounts lower than now, and one numero typed « RES-25-04 » before it
 *      was corrected to « RES-25-004 » in « Registre »; an autofilter (no table).
 *   6. « Registre (2) »: the backup made with « Déplacer ou copier »: same rows, same table (named
 *      `TabRegistre2`, as Excel renames a copied table), same totals row, panes and hidden rows.
 *   7. « Logo »: only a picture.
 *   8. « Paramètres »: hidden, two parameters.
 *   9. « Graphique »: a chart sheet (`<chartsheet>`, injected as raw OOXML parts: ExcelJS can
 *      neither write nor read one), a column chart of « Synthèse ».
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { day } from './helpers';

export const FILE = 'Achats Ressources.xlsx';
export const REGISTER = 'Registre';
export const COPY = 'Registre (2)';
export const ARCHIVE = 'Registre sauvegarde mars';
export const SHEET_ORDER = ["Mode d'emploi", REGISTER, 'Synthèse', 'Listes', ARCHIVE, COPY, 'Logo', 'Paramètres'];

export const HEADER = [
  'N° marché', // A numero
  'Objet', // B objet
  'Procédure', // C procedure
  'Date notif', // D dateNotification
  'Montant HT (€)', // E montant
  'Mandaté', // F montantMandate
  'Clause sociale', // G clauseSociale
  'Clause env.', // H clauseEnvironnementale
  'Programmé', // I programme
  'Titulaire', // J titulaire
  'CP titulaire', // K codePostalTitulaire
  "Catégorie d'entreprise", // L categorieEntreprise
] as const;

type Cell = string | number | Date | null;

/** « Registre » rows 5..18, in this order. */
export const ROWS: Cell[][] = [
  // r5
  ['RES-25-001', 'Nettoyage des bâtiments communaux', 'AOO', day('2025-01-20'), 120000, 95000, 'oui', 'oui', 'oui', 'Propreté Nord', '59100', 'PME'],
  // r6
  ['RES-25-002', 'Fournitures de bureau', 'MAPA', day('2025-02-03'), 15000, 12000, 'non', 'oui', 'oui', 'Bureau Plus', '59000', 'PME'],
  // r7
  ['RES-25-003', 'Maintenance des ascenseurs', 'AOO', day('2025-02-17'), 60000, null, 'non', 'non', 'non', 'Élévation SA', '75008', 'GE'],
  // r8
  ['RES-25-004', 'Location de véhicules de service', 'MAPA', day('2025-03-05'), 30000, 28000, 'non', 'non', 'oui', 'AutoLoc', '59100', 'PME'],
  // r9
  ['RES-25-005', 'Entretien des espaces verts', 'MAPA', day('2025-03-12'), 45000, 40000, 'oui', 'non', 'oui', 'Jardins Solidaires', '59100', 'TPE'],
  // r10
  ['RES-25-006', 'Reprographie', 'Gré à gré', day('2025-04-01'), 8000, 8000, 'non', 'non', 'non', 'Copie Express', '62000', 'TPE'],
  // r11
  ['RES-25-007', 'Téléphonie mobile', 'AOO', day('2025-04-22'), 50000, 20000, 'non', 'non', 'oui', 'Télécom France', '92100', 'GE'],
  // r12
  ['RES-25-008', "Travaux de peinture de l'école Jules Ferry", 'MAPA', day('2025-05-15'), 25000, 25000, 'oui', 'non', 'non', 'Peintures Roubaisiennes', '59100', 'TPE'],
  // r13
  ['RES-25-009', 'Audit des installations de chauffage', 'MAPA', day('2025-06-02'), 18000, null, 'non', 'oui', 'non', 'Énergie Conseil', '59650', 'PME'],
  // r14
  ['RES-25-010', "Fourniture de produits d'entretien", 'MAPA', day('2025-07-07'), 12000, 9000, 'non', 'non', 'oui', 'Hygiène Pro', '59100', 'PME'],
  // r15
  ['RES-25-011', 'Vérification des équipements de sécurité incendie', 'AOO', day('2025-09-10'), 35000, 10000, 'non', 'non', 'oui', 'Sécuri Nord', '59200', 'ETI'],
  // r16
  ['RES-25-012', 'Restauration du personnel', 'AOO', day('2025-10-01'), 70000, 15000, 'oui', 'oui', 'oui', 'Cuisines Flandres', '59100', 'PME'],
  // r17
  ['RES-24-020', 'Nettoyage des vitres', 'MAPA', day('2024-11-04'), 9000, 9000, 'non', 'oui', 'non', 'Vitres Nettes', '59100', 'TPE'],
  // r18
  ['RES-24-021', 'Déménagement des archives', 'MAPA', day('2024-12-02'), 6000, 6000, 'non', 'non', 'non', 'Trans Archives', '59000', 'TPE'],
];

export const HEADER_ROW = 4;
export const FIRST_ROW = 5;
export const TOTALS_ROW = FIRST_ROW + ROWS.length; // 19

/** Rows hidden by the filter « Programmé = oui » (sheet row numbers). */
export const HIDDEN_ROWS = ROWS.flatMap((r, i) => (r[8] === 'oui' ? [] : [FIRST_ROW + i]));

/** « Registre sauvegarde mars », rows 2..8 (header row 1): the register as it was in March. */
export const ARCHIVE_ROWS: Cell[][] = [
  // a2 — mandated 30 000 then (95 000 now)
  [...ROWS[0].slice(0, 5), 30000, ...ROWS[0].slice(6)],
  // a3, a4 — unchanged since
  ROWS[1],
  ROWS[2],
  // a5 — numero typed « RES-25-04 » then, corrected since; mandated 10 000 then
  ['RES-25-04', ...ROWS[3].slice(1, 5), 10000, ...ROWS[3].slice(6)],
  // a6 — mandated 10 000 then (40 000 now)
  [...ROWS[4].slice(0, 5), 10000, ...ROWS[4].slice(6)],
  // a7, a8 — the 2024 rows, unchanged
  ROWS[12],
  ROWS[13],
];

const MONEY = '#,##0.00 €';
const DATE = 'dd/mm/yyyy';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const sumOf = (col: number, rows: Cell[][]): number => rows.reduce((s, r) => s + (typeof r[col] === 'number' ? (r[col] as number) : 0), 0);

/** The register sheet, or its « Déplacer ou copier » copy (same cells, the table renamed). */
function registerSheet(wb: ExcelJS.Workbook, name: string, tableName: string, rows: Cell[][] = ROWS): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }] });
  ws.getCell('A1').value = 'VILLE DE ROUBAIX — Pôle Ressources — Suivi des marchés';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Mis à jour le 14/11/2025 — ne pas trier, filtrer seulement';
  ws.addTable({
    name: tableName,
    ref: `A${HEADER_ROW}`,
    headerRow: true,
    totalsRow: true,
    style: { theme: 'TableStyleMedium9', showRowStripes: true },
    columns: HEADER.map((h, i) =>
      i === 0
        ? { name: h, filterButton: true, totalsRowLabel: 'Total' }
        : i === 4
          ? { name: h, filterButton: true, totalsRowFunction: 'sum' as const, totalsRowResult: sumOf(4, rows) }
          : i === 5
            ? { name: h, filterButton: true, totalsRowFunction: 'sum' as const, totalsRowResult: sumOf(5, rows) }
            : { name: h, filterButton: true },
    ),
    rows: rows.map((r) => [...r]),
  });
  for (let r = FIRST_ROW; r <= TOTALS_ROW; r++) {
    ws.getCell(r, 4).numFmt = DATE;
    ws.getCell(r, 5).numFmt = MONEY;
    ws.getCell(r, 6).numFmt = MONEY;
  }
  for (const r of HIDDEN_ROWS) ws.getRow(r).hidden = true;
  // Drop-down lists on the register's columns, pointing at « Listes ».
  const list = (col: string, range: string): void => {
    for (let r = FIRST_ROW; r < TOTALS_ROW; r++) {
      ws.getCell(`${col}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [range] };
    }
  };
  list('C', 'ListeProcedures');
  list('G', 'Listes!$B$2:$B$3');
  list('H', 'Listes!$B$2:$B$3');
  list('I', 'Listes!$B$2:$B$3');
  list('L', 'Listes!$C$2:$C$5');
  [14, 44, 14, 12, 16, 14, 10, 10, 10, 26, 10, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup.printArea = `A1:L${TOTALS_ROW}`;
  ws.pageSetup.orientation = 'landscape';
}

/**
 * The workbook, its chart sheet included (`withChartSheet`). `copyFirst`: the copy placed before
 * the register, where « Déplacer ou copier » puts it by default (« Avant la feuille » preselects the
 * sheet copied), and the register updated since: r5's Mandaté 97 000 (95 000 in the copy).
 */
export async function buildClutteredWorkbook(opts: { copyFirst?: boolean } = {}): Promise<Buffer> {
  return withChartSheet(await buildWorksheets(opts.copyFirst === true));
}

/** r5's Mandaté in the register updated after the copy (`copyFirst`). */
export const UPDATED_MANDATE = 97000;

async function buildWorksheets(copyFirst: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cellule achats';

  const help = wb.addWorksheet("Mode d'emploi");
  [
    'Mode d’emploi du suivi des marchés',
    'Une ligne par marché, dans la feuille « Registre ».',
    'N° marché : le numéro donné par la plateforme, sans espace.',
    'Date notif : la date de notification (jj/mm/aaaa).',
    'Montant HT (€) : le montant notifié ; Mandaté : les dépenses mandatées de l’année.',
    'Les colonnes Procédure, Clause sociale, Clause env., Programmé et Catégorie se remplissent par les listes déroulantes.',
    'Avant chaque mise à jour importante, faire une copie de la feuille (clic droit, Déplacer ou copier).',
  ].forEach((t, i) => (help.getCell(i + 1, 1).value = t));
  help.getColumn(1).width = 110;

  if (copyFirst) {
    registerSheet(wb, COPY, 'TabRegistre2');
    registerSheet(wb, REGISTER, 'TabRegistre', [[...ROWS[0].slice(0, 5), UPDATED_MANDATE, ...ROWS[0].slice(6)], ...ROWS.slice(1)]);
  } else {
    registerSheet(wb, REGISTER, 'TabRegistre');
  }

  const syn = wb.addWorksheet('Synthèse');
  syn.getCell('A1').value = 'Synthèse du suivi';
  syn.getCell('A1').font = { bold: true };
  const range = (col: string): string => `Registre!$${col}$${FIRST_ROW}:$${col}$${TOTALS_ROW - 1}`;
  const lines: [string, string, number, string | null][] = [
    ['Nombre de marchés', `COUNTA(${range('A')})`, ROWS.length, null],
    ['Montant total HT', `SUM(${range('E')})`, sumOf(4, ROWS), MONEY],
    ['Marchés avec clause sociale', `COUNTIFS(${range('G')},"oui")`, ROWS.filter((r) => r[6] === 'oui').length, null],
    ['Montant avec clause sociale', `SUMIFS(${range('E')},${range('G')},"oui")`, sumOf(4, ROWS.filter((r) => r[6] === 'oui')), MONEY],
    ['Marchés programmés', `COUNTIFS(${range('I')},"oui")`, ROWS.filter((r) => r[8] === 'oui').length, null],
    ['Mandaté des marchés AOO', `SUMIFS(${range('F')},${range('C')},"AOO")`, sumOf(5, ROWS.filter((r) => r[2] === 'AOO')), MONEY],
  ];
  lines.forEach(([label, formula, result, fmt], i) => {
    syn.getCell(3 + i, 1).value = label;
    syn.getCell(3 + i, 2).value = { formula, result };
    if (fmt) syn.getCell(3 + i, 2).numFmt = fmt;
  });
  syn.getColumn(1).width = 32;
  syn.getColumn(2).width = 18;

  const lists = wb.addWorksheet('Listes');
  const procedures = ['MAPA', 'AOO', 'AOR', 'Gré à gré', 'Concours'];
  const ouiNon = ['oui', 'non'];
  const categories = ['TPE', 'PME', 'ETI', 'GE'];
  lists.getRow(1).values = ['Procédures', 'Oui/Non', 'Catégories'];
  for (let i = 0; i < procedures.length; i++) {
    lists.getCell(2 + i, 1).value = procedures[i];
    if (i < ouiNon.length) lists.getCell(2 + i, 2).value = ouiNon[i];
    if (i < categories.length) lists.getCell(2 + i, 3).value = categories[i];
  }

  // The procedures' list is a named range, as the drop-down of « Procédure » names it.
  wb.definedNames.add("'Listes'!$A$2:$A$6", 'ListeProcedures');

  const archive = wb.addWorksheet(ARCHIVE, { state: 'hidden' });
  archive.autoFilter = 'A1:L8';
  archive.getRow(1).values = [...HEADER];
  ARCHIVE_ROWS.forEach((r, i) => {
    r.forEach((v, c) => {
      if (v === null) return;
      const cell = archive.getCell(2 + i, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = DATE;
    });
  });

  if (!copyFirst) registerSheet(wb, COPY, 'TabRegistre2');

  const logo = wb.addWorksheet('Logo');
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  logo.addImage(img, 'B2:D8');

  const params = wb.addWorksheet('Paramètres', { state: 'hidden' });
  params.getCell('A1').value = 'Exercice';
  params.getCell('B1').value = 2025;
  params.getCell('A2').value = 'Service';
  params.getCell('B2').value = 'Direction des ressources';

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CHART_SHEET = 'Graphique';
export const CHART_TITLE = 'Montants par procédure';

/**
 * Adds a chart sheet (a `<chartsheet>`, not a worksheet: ExcelJS cannot write one) last in the
 * workbook, its column chart drawn from « Synthèse », as Excel stores one made with « Déplacer le
 * graphique › Nouvelle feuille ».
 */
export async function withChartSheet(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = (id: string, type: string, target: string): string =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (...r: string[]): string =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join('')}</Relationships>`;
  zip.file(
    'xl/chartsheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet ${ns}><sheetPr/><sheetViews><sheetView zoomScale="100" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
  );
  zip.file('xl/chartsheets/_rels/sheet1.xml.rels', rels(rel('rId1', 'drawing', '../drawings/drawingChart1.xml')));
  zip.file(
    'xl/drawings/drawingChart1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9294091" cy="6067136"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Graphique 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
  );
  zip.file('xl/drawings/_rels/drawingChart1.xml.rels', rels(rel('rId1', 'chart', '../charts/chartUser1.xml')));
  zip.file(
    'xl/charts/chartUser1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${CHART_TITLE}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'Synthèse'!$A$3:$A$8</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Synthèse'!$B$3:$B$8</c:f></c:numRef></c:val></c:ser><c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  let workbook = await zip.file('xl/workbook.xml')!.async('string');
  workbook = workbook.replace('</sheets>', `<sheet name="${CHART_SHEET}" sheetId="99" r:id="rIdChartSheet1"/></sheets>`);
  zip.file('xl/workbook.xml', workbook);
  let wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  wbRels = wbRels.replace('</Relationships>', `${rel('rIdChartSheet1', 'chartsheet', 'chartsheets/sheet1.xml')}</Relationships>`);
  zip.file('xl/_rels/workbook.xml.rels', wbRels);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  types = types.replace(
    '</Types>',
    '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>' +
      '<Override PartName="/xl/drawings/drawingChart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chartUser1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
  );
  zip.file('[Content_Types].xml', types);
  return Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
}

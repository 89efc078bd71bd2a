/**
 * Blind acceptance « outils »: three Pôle workbooks written by OTHER TOOLS THAN EXCEL, part by part
 * (JSZip, raw SpreadsheetML), because ExcelJS would normalise away what is tested here. Built from
 * the spec and the README only, before reading src/ and before the first run.
 *
 * A « Pôle Culture.xlsx » — Google Sheets (Fichier › Télécharger › Microsoft Excel): shared strings,
 *   checkbox columns « Clause sociale » / « Clause environnementale » as real booleans (`t="b"`,
 *   `1`/`0`), dates as serials written `45673.0` under custom formats (`dd/mm/yyyy` and
 *   `d" "mmmm" "yyyy`), one date typed as text, amounts under `#,##0.00\ [$€-1]`, postal codes typed
 *   as numbers, a `#REF!` formula result (`t="e"`), no `<dimension>`, a frozen header row, an empty
 *   drawing, no docProps.
 * B « Pôle Ressources.xlsx » — a Python script (openpyxl): every text an inline string
 *   (`t="inlineStr"`), numbers `t="n"`, formulas WITHOUT cached values (openpyxl writes `<f>…</f><v/>`;
 *   some are written with no `<v>` at all, as other script libraries do): a TTC column `=D2*1.2`, the
 *   « Clause sociale » column `=IF(F2>0,"Oui","Non")`, one amount `=E5/1.2`, a total row `=SUM(…)`;
 *   dates written as text; a minimal styles part (one cell format).
 * C « Pôle Éducation.xlsx » — a reporting tool's export: shared strings, formulas with cached string
 *   results (`t="str"`), cached errors (`t="e"` #N/A, #DIV/0!), a date computed by `DATE()` (cached),
 *   numbers that are NOT dates under a date format (a delay of 24 days and an amount of 27 500 styled
 *   `dd/mm/yyyy`: Excel shows 24/01/1900 and 16/04/1975), and the sheet saved filtered
 *   (`<sheetPr filterMode="1"/>`, an autoFilter on « Clause sociale » = Oui, rows 3 and 7 hidden).
 *
 * No objet uses a word of the suggestion lexicon (regles.md §4); no commentaires column anywhere.
 */
import JSZip from 'jszip';
import { CT, MAIN, PKG_REL, REL, col, esc, serial } from '../workbook/xlsx/blind-producers-packages';

export const FILE_A = 'Pôle Culture.xlsx';
export const FILE_B = 'Pôle Ressources.xlsx';
export const FILE_C = 'Pôle Éducation.xlsx';
export const SHEET_A = 'Suivi 2025';
export const SHEET_B = 'Export';
export const SHEET_C = 'Marchés';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT_WB = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_WS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const CT_SST = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_RELS = 'application/vnd.openxmlformats-package.relationships+xml';

/** A cell of a raw sheet row, written exactly as given (the tool's own XML). */
type RawCell = string | null;

/** Shared strings filled in cell order. */
class Sst {
  readonly list: string[] = [];
  count = 0;
  ref(s: string): string {
    this.count++;
    let i = this.list.indexOf(s);
    if (i < 0) {
      this.list.push(s);
      i = this.list.length - 1;
    }
    return String(i);
  }
  xml(): string {
    return `${DECL}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${this.list.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  }
}

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** `<row>` elements from rows of raw cells (null = no cell); `attrs(n)` adds row attributes. */
function rowsXml(first: number, rows: readonly (readonly RawCell[])[], attrs: (n: number) => string = () => ''): string {
  return rows
    .map((cells, k) => {
      const n = first + k;
      const body = cells.map((c, i) => (c === null ? '' : c.replace(/@/g, `${col(i)}${n}`))).join('');
      return `<row r="${n}"${attrs(n)}>${body}</row>`;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// A. Google Sheets
// ---------------------------------------------------------------------------------------------

export const HEADER_A = [
  'N° de marché', // A numero
  'Objet', // B objet
  'Date de notification', // C dateNotification
  'Montant HT', // D montant
  'Clause sociale', // E clauseSociale (checkbox)
  'Clause environnementale', // F clauseEnvironnementale (checkbox)
  'Titulaire', // G titulaire
  'Code postal', // H codePostalTitulaire
  'Délai de paiement (jours)', // I delaiPaiement
] as const;

export async function buildGoogleSheets(): Promise<Buffer> {
  const sst = new Sst();
  // Google writes whole numbers with a trailing `.0`.
  const num = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));
  const s = (v: string, style = 2) => `<c r="@" s="${style}" t="s"><v>${sst.ref(v)}</v></c>`;
  const n = (v: number, style = 2) => `<c r="@" s="${style}"><v>${num(v)}</v></c>`;
  const b = (v: boolean) => `<c r="@" s="5" t="b"><v>${v ? 1 : 0}</v></c>`;
  const empty = (style = 2) => `<c r="@" s="${style}"/>`;
  const date = (iso: string, long = false) => n(serial(iso), long ? 4 : 3);
  const header = HEADER_A.map((h) => s(h, 1));
  const rows: RawCell[][] = [
    // r2
    [s('CUL-25-001'), s('Restauration des tableaux du musée'), date('2025-01-16'), n(48000, 6), b(true), b(false), s('Atelier Lemaire'), n(59100), n(28)],
    // r3: long date format; postal code typed as text; 45 days (warning)
    [s('CUL-25-002'), s('Location de matériel scénique'), date('2025-03-03', true), n(12500.5, 6), b(false), b(true), s('Scène Services SARL'), s('59000'), n(45)],
    // r4: the amount is a formula whose cached result is #REF! (the referenced sheet was deleted)
    [s('CUL-25-003'), s('Impression des programmes de saison'), date('2025-04-22'), '<c r="@" s="6" t="e"><f>Budget!B4*2</f><v>#REF!</v></c>', b(false), b(false), s('Imprimerie du Nord'), n(59200), n(30)],
    // r5: date typed as text (Google keeps it a string)
    [s('CUL-25-004'), s('Médiation culturelle dans les quartiers'), s('15/09/2025'), n(22000, 6), b(true), b(true), s('Compagnie Zénith'), n(59100), n(20)],
    // r6
    [s('CUL-25-005'), s('Gardiennage des expositions'), date('2025-06-10', true), n(31000, 6), b(true), b(false), s('Sécuritas France'), n(75008), n(25)],
    // r7: delay left empty (a styled empty cell)
    [s('CUL-25-006'), s("Maintenance de l'éclairage scénique"), date('2025-10-07'), n(8750, 6), b(false), b(false), s('Lumière & Son'), n(59510), empty()],
  ];
  const sheet =
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    `<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr>` +
    // no <dimension>; the header row frozen
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1.0" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection activeCell="B3" sqref="B3" pane="bottomLeft"/></sheetView></sheetViews>` +
    `<sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/>` +
    `<cols><col customWidth="1" min="1" max="1" width="14.38"/><col customWidth="1" min="2" max="2" width="36.0"/></cols>` +
    `<sheetData>${rowsXml(1, [header])}${rowsXml(2, rows)}</sheetData><drawing r:id="rId1"/></worksheet>`;
  const styles =
    `${DECL}<styleSheet xmlns="${MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
    `<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="d&quot; &quot;mmmm&quot; &quot;yyyy"/><numFmt numFmtId="166" formatCode="#,##0.00\\ [$€-1]"/></numFmts>` +
    `<fonts count="3"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font><font><b/><color theme="1"/><name val="Arial"/><scheme val="minor"/></font><font><color theme="1"/><name val="Arial"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs>` +
    `<cellXfs count="7">` +
    `<xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="2" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="2" numFmtId="164" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="2" numFmtId="165" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="2" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment horizontal="center" readingOrder="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="2" numFmtId="166" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf>` +
    `</cellXfs><cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;
  return zipOf({
    '[Content_Types].xml':
      `${DECL}<Types xmlns="${CT}"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="${CT_RELS}" Extension="rels"/>` +
      `<Override ContentType="${CT_WS}" PartName="/xl/worksheets/sheet1.xml"/><Override ContentType="${CT_STYLES}" PartName="/xl/styles.xml"/>` +
      `<Override ContentType="${CT_SST}" PartName="/xl/sharedStrings.xml"/><Override ContentType="${CT_DRAWING}" PartName="/xl/drawings/drawing1.xml"/>` +
      `<Override ContentType="${CT_WB}" PartName="/xl/workbook.xml"/></Types>`,
    '_rels/.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><sheets><sheet state="visible" name="${SHEET_A}" sheetId="1" r:id="rId3"/></sheets><definedNames/><calcPr/></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/styles.xml': styles,
    'xl/sharedStrings.xml': sst.xml(),
    'xl/worksheets/sheet1.xml': sheet,
    'xl/worksheets/_rels/sheet1.xml.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    'xl/drawings/drawing1.xml': `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"/>`,
  });
}

// ---------------------------------------------------------------------------------------------
// B. openpyxl script
// ---------------------------------------------------------------------------------------------

export const HEADER_B = [
  'Référence', // A numero
  'Libellé', // B objet
  'Notifié le', // C dateNotification (text)
  'Montant HT (€)', // D montant
  'Montant TTC (€)', // E not mapped (TTC)
  "Heures d'insertion réalisées", // F heuresInsertionRealisees
  'Clause sociale', // G clauseSociale (formula without cached value)
  'Titulaire', // H titulaire
  'Ville', // I communeTitulaire
] as const;

/** Formulas stored without their result in sheet « Export »: E2–E4, E6, E7; G2–G7; D5; D9, E9. */
export const UNCALCULATED_B = 14;

export async function buildOpenpyxl(): Promise<Buffer> {
  const t = (v: string) => `<c r="@" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  const n = (v: number) => `<c r="@" t="n"><v>${v}</v></c>`;
  // openpyxl: a formula with an empty value element; other libraries leave <v> out entirely.
  const f = (formula: string) => `<c r="@"><f>${esc(formula)}</f><v/></c>`;
  const fNoV = (formula: string) => `<c r="@"><f>${esc(formula)}</f></c>`;
  const ttc = (r: number) => f(`D${r}*1.2`);
  const cs = (r: number) => fNoV(`IF(F${r}>0,"Oui","Non")`);
  const rows: RawCell[][] = [
    // r2: 450 hours done, its clause « Oui » only in Excel (formula without result)
    [t('RES-2025-01'), t('Nettoyage des bâtiments administratifs'), t('03/02/2025'), n(96000), ttc(2), n(450), cs(2), t('Propreté Roubaisienne'), t('Roubaix')],
    // r3: ISO text date
    [t('RES-2025-02'), t('Fournitures de bureau'), t('2025-03-04'), n(15400.8), ttc(3), n(0), cs(3), t('Bureau Vallée Lille'), t('Lille')],
    // r4: 31 June does not exist: date-invalide
    [t('RES-2025-03'), t('Maintenance du parc informatique'), t('31/06/2025'), n(38000), ttc(4), n(0), cs(4), t('Infotech'), t('Croix')],
    // r5: the HT amount is computed from the TTC one, without its result: read empty
    [t('RES-2025-04'), t('Location de véhicules de service'), t('12/05/2025'), f('E5/1.2'), n(30000), null, cs(5), t('Loca Nord'), t('Tourcoing')],
    // r6: a commune outside the MEL with no postal code column
    [t('RES-2025-05'), t('Affranchissement du courrier'), t('20/06/2025'), n(12000), ttc(6), null, cs(6), t('La Poste'), t('Paris')],
    // r7
    [t('RES-2025-06'), t('Entretien des ascenseurs'), t('07/07/2025'), n(8400), ttc(7), null, cs(7), t('Ascenseurs Flandres'), t('Wattrelos')],
  ];
  const total: RawCell[] = [null, t('Total'), null, f('SUM(D2:D7)'), f('SUM(E2:E7)'), null, null, null, null];
  const sheet =
    `${DECL}<worksheet xmlns="${MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:I9"/>` +
    `<sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>` +
    `<sheetData>${rowsXml(1, [HEADER_B.map((h) => t(h))])}${rowsXml(2, rows)}<row r="9">${total.map((c, i) => (c === null ? '' : c.replace(/@/g, `${col(i)}9`))).join('')}</row></sheetData>` +
    `<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>`;
  const styles =
    `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="0"/><fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  return zipOf({
    '[Content_Types].xml':
      `${DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="${CT_RELS}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT_WB}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_WS}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    '_rels/.rels':
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/officeDocument" Target="xl/workbook.xml" Id="rId1"/>` +
      `<Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml" Id="rId2"/><Relationship Type="${REL}/extended-properties" Target="docProps/app.xml" Id="rId3"/></Relationships>`,
    'docProps/app.xml': `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>3.1</AppVersion></Properties>`,
    'docProps/core.xml':
      `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>openpyxl</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-11-03T07:02:11Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-11-03T07:02:11Z</dcterms:modified></cp:coreProperties>`,
    'xl/workbook.xml':
      `${DECL}<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews>` +
      `<sheets><sheet xmlns:r="${REL}" name="${SHEET_B}" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1"/><Relationship Type="${REL}/styles" Target="styles.xml" Id="rId2"/></Relationships>`,
    'xl/styles.xml': styles,
    'xl/worksheets/sheet1.xml': sheet,
  });
}

// ---------------------------------------------------------------------------------------------
// C. A reporting tool's export, saved filtered
// ---------------------------------------------------------------------------------------------

export const HEADER_C = [
  'N° marché', // A numero
  'Objet', // B objet
  'Date de notification', // C dateNotification
  'Montant HT', // D montant
  'Montant mandaté (HT)', // E montantMandate
  'Délai de paiement', // F delaiPaiement
  'Clause sociale', // G clauseSociale
  'Critère environnemental', // H critereEnvironnemental
  'Titulaire', // I titulaire
  'Code postal', // J codePostalTitulaire
] as const;

export async function buildReportExport(): Promise<Buffer> {
  const sst = new Sst();
  // styles: 0 default, 1 header, 2 dd/mm/yyyy (numFmt 14 is the built-in short date), 3 amount
  const s = (v: string, style = 0) => `<c r="@" s="${style}" t="s"><v>${sst.ref(v)}</v></c>`;
  const n = (v: number, style = 0) => `<c r="@" s="${style}"><v>${v}</v></c>`;
  const str = (formula: string, cached: string) => `<c r="@" t="str"><f>${esc(formula)}</f><v>${esc(cached)}</v></c>`;
  const err = (formula: string, cached: string, style = 0) => `<c r="@" s="${style}" t="e"><f>${esc(formula)}</f><v>${cached}</v></c>`;
  const date = (iso: string) => n(serial(iso), 2);
  const rows: RawCell[][] = [
    // r2: numero and postal code are formula text results; the delay 24 under a date format (shows 24/01/1900)
    [str('"EDU-"&TEXT(ROW()-1,"000")', 'EDU-001'), s('Transport scolaire vers les piscines'), date('2025-02-10'), n(64000, 3), n(58000, 3), n(24, 2), s('Oui'), s('Non'), s('Autocars Delcourt'), str('VLOOKUP(I2,Fournisseurs!A:C,3,FALSE)', '59100')],
    // r3 (hidden by the filter): the amount 27 500 under a date format (shows 16/04/1975); no mandated
    // spend; 33 days (warning); Arras
    [s('EDU-002'), s('Fournitures scolaires'), date('2025-03-17'), n(27500, 2), null, n(33), s('Non'), s('Oui'), s('Papeterie Martin'), s('62000')],
    // r4: #N/A in the supplier (a VLOOKUP that found nothing): valeur-illisible
    [s('EDU-003'), s("Entretien des cours d'école"), date('2025-04-14'), n(41000, 3), n(39500.5, 3), n(29), s('Oui'), s('Oui'), err('VLOOKUP(A4,Fournisseurs!A:B,2,FALSE)', '#N/A'), s('59170')],
    // r5: #DIV/0! in the delay: valeur-illisible
    [s('EDU-004'), s('Restauration scolaire — denrées'), date('2025-05-05'), n(120000, 3), n(87000, 3), err('K5/L5', '#DIV/0!'), s('Oui'), s('Non'), s('Cuisine Centrale du Nord'), s('59100')],
    // r6: Culture's contract number, same year: doublon (Culture's file is given first)
    [s('CUL-25-005'), s('Gardiennage des locaux scolaires'), date('2025-06-20'), n(15000, 3), n(15000, 3), n(20), s('Non'), s('Non'), s('Sécuritas France'), s('75008')],
    // r7 (hidden by the filter): the date is DATE(2025,9,1) with its cached serial; delay 10 under a date format
    [s('EDU-006'), s('Maintenance des tableaux numériques'), `<c r="@" s="2"><f>DATE(2025,9,1)</f><v>${serial('2025-09-01')}</v></c>`, n(33000, 3), n(12000, 3), n(10, 2), s('Non'), s('Oui'), s('Numérica SAS'), s('59650')],
  ];
  const hidden = new Set([3, 7]);
  const sheet =
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr filterMode="1"/><dimension ref="A1:J7"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="G1" sqref="G1"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<sheetData>${rowsXml(1, [HEADER_C.map((h) => s(h, 1))])}${rowsXml(2, rows, (r) => (hidden.has(r) ? ' hidden="1"' : ''))}</sheetData>` +
    `<autoFilter ref="A1:J7"><filterColumn colId="6"><filters><filter val="Oui"/></filters></filterColumn></autoFilter>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const styles =
    `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
    `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  return zipOf({
    '[Content_Types].xml':
      `${DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="${CT_RELS}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT_WB}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_WS}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT_SST}"/></Types>`,
    '_rels/.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><sheets><sheet name="${SHEET_C}" sheetId="1" r:id="rId1"/></sheets>` +
      `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${SHEET_C}'!$A$1:$J$7</definedName></definedNames><calcPr calcId="191029"/></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': styles,
    'xl/sharedStrings.xml': sst.xml(),
    'xl/worksheets/sheet1.xml': sheet,
  });
}

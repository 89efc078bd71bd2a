/**
 * Registers as other producers than Excel write them, part by part, by hand (JSZip):
 * Google Sheets, pandas/openpyxl, an ERP/BI export (Open XML SDK style), Apple Numbers
 * and a minimal hand-written package. The same five contracts in every file, each
 * producer writing them its own way; the fifth row is an error of a kind chosen per
 * producer, the second row carries a payment delay over 30 days (a warning).
 *
 * What each producer writes is reproduced from public material and knowledge of the
 * files they produce; where a detail could not be checked, it is said next to it.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const T = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sst: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};
export const RT = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  sst: `${REL}/sharedStrings`,
  theme: `${REL}/theme`,
  drawing: `${REL}/drawing`,
  app: `${REL}/extended-properties`,
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
};

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function col(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel serial (1900 system) of an ISO date. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** One contract as the buyer means it. */
export interface Contract {
  readonly numero: string | null;
  readonly objet: string;
  readonly montant: number | null;
  readonly date: string;
  readonly sociale: boolean;
  readonly env: boolean;
  readonly delai: number | null;
}

/**
 * Rows 1–4 are the same in every file: sociale on 1 and 4, env on 2 and 4, amounts
 * 12 500 / 3 200,50 / 48 000 / 150 000, delays 25 / 35 / 28 / 20 (35 > 30: warning).
 */
export const BASE: readonly Contract[] = [
  { numero: '2025-001', objet: 'Nettoyage des locaux', montant: 12500, date: '2025-01-15', sociale: true, env: false, delai: 25 },
  { numero: '2025-002', objet: 'Fournitures de bureau', montant: 3200.5, date: '2025-02-03', sociale: false, env: true, delai: 35 },
  { numero: '2025-003', objet: 'Maintenance des ascenseurs', montant: 48000, date: '2025-03-20', sociale: false, env: false, delai: 28 },
  { numero: '2025-004', objet: 'Restauration scolaire', montant: 150000, date: '2025-04-02', sociale: true, env: true, delai: 20 },
];

export interface Producer {
  readonly name: string;
  /** File name written (the Pôle's file). */
  readonly file: string;
  readonly bytes: Uint8Array;
  /** The register's sheet as it appears in the workbook. */
  readonly sheet: string;
  /** The user's headers of the mapped columns. */
  readonly headers: { numero: string; montant: string; date: string; delai: string };
  /** Sheet row (as the user sees it) of contract i of the file (0-based). */
  readonly rowOf: (i: number) => number;
  /** The error of the fifth row: code and the user's header of its column. */
  readonly error: { code: string; colonne: string };
  /** Every non-empty cell of the register's sheet, as a reader should get it: address → value. */
  readonly cells: ReadonlyMap<string, string | number | boolean>;
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const THEME_OFFICE = (major: string, minor: string, name: string) =>
  `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="${name}"><a:themeElements>` +
  `<a:clrScheme name="${name}"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2>` +
  `<a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4>` +
  `<a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme>` +
  `<a:fontScheme name="${name}"><a:majorFont><a:latin typeface="${major}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="${minor}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
  `<a:fmtScheme name="${name}"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>` +
  `<a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>` +
  `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
  `<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>` +
  `</a:themeElements></a:theme>`;

/** A shared string table being filled in cell order. */
class Strings {
  readonly list: string[] = [];
  count = 0;
  index(s: string): number {
    this.count++;
    const i = this.list.indexOf(s);
    if (i >= 0) return i;
    this.list.push(s);
    return this.list.length - 1;
  }
}

// ---------------------------------------------------------------------------
// 1. Google Sheets (Fichier › Télécharger › Microsoft Excel), French locale.
// No docProps; workbook rels theme/styles/sharedStrings/sheet in that order; attributes
// in alphabetical order; Arial 10 as default font (`val="10.0"`); every sheet has an
// empty drawing part; numbers written with a decimal point; strings shared.
// ---------------------------------------------------------------------------
export async function googleSheets(): Promise<Producer> {
  const headers = ['N° de marché', 'Objet du marché', 'Montant HT', 'Date de notification', 'Clause sociale', 'Clause environnementale', 'Délai de paiement (jours)'];
  const rows: Contract[] = [...BASE, { numero: '2025-005', objet: 'Travaux de voirie', montant: null, date: '2025-05-10', sociale: false, env: false, delai: null }];
  const sst = new Strings();
  const cells = new Map<string, string | number | boolean>();
  const num = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));
  const xmlRows: string[] = [];
  xmlRows.push(`<row r="1">${headers.map((h, i) => { cells.set(`${col(i)}1`, h); return `<c r="${col(i)}1" s="1" t="s"><v>${sst.index(h)}</v></c>`; }).join('')}</row>`);
  rows.forEach((r, k) => {
    const n = k + 2;
    const c: string[] = [];
    const str = (i: number, v: string) => { cells.set(`${col(i)}${n}`, v); c.push(`<c r="${col(i)}${n}" s="2" t="s"><v>${sst.index(v)}</v></c>`); };
    const nb = (i: number, v: number | null, s: number) => {
      if (v === null) { c.push(`<c r="${col(i)}${n}" s="${s}"/>`); return; }
      cells.set(`${col(i)}${n}`, v);
      c.push(`<c r="${col(i)}${n}" s="${s}"><v>${num(v)}</v></c>`);
    };
    str(0, r.numero!);
    str(1, r.objet);
    nb(2, r.montant, 3);
    nb(3, serial(r.date), 4);
    str(4, r.sociale ? 'Oui' : 'Non');
    str(5, r.env ? 'Oui' : 'Non');
    nb(6, r.delai, 2);
    xmlRows.push(`<row r="${n}">${c.join('')}</row>`);
  });
  const sheet =
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" mc:Ignorable="x14ac xr xr2 xr3">` +
    `<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/><cols><col customWidth="1" min="1" max="1" width="14.38"/><col customWidth="1" min="2" max="2" width="28.0"/></cols>` +
    `<sheetData>${xmlRows.join('')}</sheetData><drawing r:id="rId1"/></worksheet>`;
  const styles =
    `${DECL}<styleSheet xmlns="${MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00\\ [$€-1]"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>` +
    `<fonts count="3"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font><font><b/><color theme="1"/><name val="Arial"/><scheme val="minor"/></font><font><color theme="1"/><name val="Arial"/><scheme val="minor"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs>` +
    `<cellXfs count="5"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="2" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="2" numFmtId="164" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf>` +
    `<xf borderId="0" fillId="0" fontId="2" numFmtId="165" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf></cellXfs>` +
    `<cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;
  const bytes = await zipOf({
    '[Content_Types].xml':
      `${DECL}<Types xmlns="${CT}"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="${T.rels}" Extension="rels"/>` +
      `<Override ContentType="${T.worksheet}" PartName="/xl/worksheets/sheet1.xml"/><Override ContentType="${T.theme}" PartName="/xl/theme/theme1.xml"/>` +
      `<Override ContentType="${T.styles}" PartName="/xl/styles.xml"/><Override ContentType="${T.sst}" PartName="/xl/sharedStrings.xml"/>` +
      `<Override ContentType="${T.drawing}" PartName="/xl/drawings/drawing1.xml"/><Override ContentType="${T.workbook}" PartName="/xl/workbook.xml"/></Types>`,
    '_rels/.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${RT.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" mc:Ignorable="x14ac xr">` +
      `<workbookPr/><sheets><sheet state="visible" name="Feuille 1" sheetId="1" r:id="rId4"/></sheets><definedNames/><calcPr/></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${RT.theme}" Target="theme/theme1.xml"/><Relationship Id="rId2" Type="${RT.styles}" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${RT.sst}" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${RT.worksheet}" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/theme/theme1.xml': THEME_OFFICE('Arial', 'Arial', 'Sheets'),
    'xl/styles.xml': styles,
    'xl/sharedStrings.xml': `${DECL}<sst xmlns="${MAIN}" count="${sst.count}" uniqueCount="${sst.list.length}">${sst.list.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml': sheet,
    'xl/worksheets/_rels/sheet1.xml.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${RT.drawing}" Target="../drawings/drawing1.xml"/></Relationships>`,
    'xl/drawings/drawing1.xml':
      `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:x3Unk="http://schemas.microsoft.com/office/drawing/2010/slicer" xmlns:sle15="http://schemas.microsoft.com/office/drawing/2012/slicer"/>`,
  });
  return {
    name: 'Google Sheets',
    file: 'Pôle Culture.xlsx',
    bytes,
    sheet: 'Feuille 1',
    headers: { numero: headers[0], montant: headers[2], date: headers[3], delai: headers[6] },
    rowOf: (i) => i + 2,
    error: { code: 'montant-manquant', colonne: headers[2] },
    cells,
  };
}

// ---------------------------------------------------------------------------
// 2. pandas `df.to_excel(path, sheet_name="Marchés")` with the openpyxl engine (index kept,
// as by default). openpyxl: worksheet targets absolute (`/xl/worksheets/sheet1.xml`,
// checked in openpyxl's source), styles/theme relative; docProps written; the `r`
// namespace declared on `<sheet>` itself; shared strings. pandas: header and index bold
// with thin borders, centred; the bold font has no name nor size (`<b val="1"/>` only);
// datetimes as serials under `YYYY-MM-DD HH:MM:SS`; float columns (NaN) as `12500.0`;
// a bool column as `t="b"` cells; NaN as no cell at all.
// ---------------------------------------------------------------------------
export async function pandasOpenpyxl(): Promise<Producer> {
  const headers = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale', 'Clause environnementale', 'Délai de paiement'];
  const rows: Contract[] = [...BASE, { numero: '2025-005', objet: 'Travaux de voirie', montant: 9800, date: '1999-12-31', sociale: false, env: false, delai: 30 }];
  const sst = new Strings();
  const cells = new Map<string, string | number | boolean>();
  const xmlRows: string[] = [];
  xmlRows.push(`<row r="1">${headers.map((h, i) => { cells.set(`${col(i + 1)}1`, h); return `<c r="${col(i + 1)}1" t="s" s="1"><v>${sst.index(h)}</v></c>`; }).join('')}</row>`);
  rows.forEach((r, k) => {
    const n = k + 2;
    const c: string[] = [`<c r="A${n}" s="1"><v>${k}</v></c>`];
    cells.set(`A${n}`, k);
    const str = (i: number, v: string) => { cells.set(`${col(i)}${n}`, v); c.push(`<c r="${col(i)}${n}" t="s"><v>${sst.index(v)}</v></c>`); };
    const flt = (i: number, v: number | null) => { if (v === null) return; cells.set(`${col(i)}${n}`, v); c.push(`<c r="${col(i)}${n}" t="n"><v>${Number.isInteger(v) ? `${v}.0` : v}</v></c>`); };
    const bool = (i: number, v: boolean) => { cells.set(`${col(i)}${n}`, v); c.push(`<c r="${col(i)}${n}" t="b"><v>${v ? 1 : 0}</v></c>`); };
    str(1, r.numero!);
    str(2, r.objet);
    flt(3, r.montant);
    cells.set(`E${n}`, serial(r.date));
    c.push(`<c r="E${n}" t="n" s="2"><v>${serial(r.date)}</v></c>`);
    bool(5, r.sociale);
    bool(6, r.env);
    flt(7, r.delai);
    xmlRows.push(`<row r="${n}">${c.join('')}</row>`);
  });
  const bytes = await zipOf({
    'docProps/app.xml': `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>3.1</AppVersion></Properties>`,
    'docProps/core.xml':
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>openpyxl</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-06-02T09:12:44Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-06-02T09:12:44Z</dcterms:modified></cp:coreProperties>`,
    'xl/theme/theme1.xml': THEME_OFFICE('Cambria', 'Calibri', 'Office Theme'),
    'xl/worksheets/sheet1.xml':
      `<worksheet xmlns="${MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:H6"/>` +
      `<sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>` +
      `<sheetData>${xmlRows.join('')}</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>`,
    'xl/sharedStrings.xml': `<sst xmlns="${MAIN}" uniqueCount="${sst.list.length}">${sst.list.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
    'xl/styles.xml':
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="YYYY-MM-DD HH:MM:SS"/></numFmts>` +
      `<fonts count="2"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font><font><b val="1"/></font></fonts>` +
      `<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/>` +
      `<xf numFmtId="0" fontId="1" fillId="0" borderId="1" applyAlignment="1" pivotButton="0" quotePrefix="0" xfId="0"><alignment horizontal="center" vertical="top"/></xf>` +
      `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`,
    'xl/workbook.xml':
      `<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews>` +
      `<sheets><sheet xmlns:r="${REL}" name="Marchés" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<Relationships xmlns="${PKG_REL}"><Relationship Type="${RT.worksheet}" Target="/xl/worksheets/sheet1.xml" Id="rId1"/><Relationship Type="${RT.styles}" Target="styles.xml" Id="rId2"/>` +
      `<Relationship Type="${RT.theme}" Target="theme/theme1.xml" Id="rId3"/><Relationship Type="${RT.sst}" Target="sharedStrings.xml" Id="rId4"/></Relationships>`,
    '_rels/.rels':
      `<Relationships xmlns="${PKG_REL}"><Relationship Type="${RT.officeDocument}" Target="xl/workbook.xml" Id="rId1"/><Relationship Type="${RT.core}" Target="docProps/core.xml" Id="rId2"/><Relationship Type="${RT.app}" Target="docProps/app.xml" Id="rId3"/></Relationships>`,
    '[Content_Types].xml':
      `<Types xmlns="${CT}"><Default Extension="rels" ContentType="${T.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${T.workbook}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${T.worksheet}"/>` +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${T.theme}"/><Override PartName="/xl/styles.xml" ContentType="${T.styles}"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${T.sst}"/><Override PartName="/docProps/core.xml" ContentType="${T.core}"/><Override PartName="/docProps/app.xml" ContentType="${T.app}"/></Types>`,
  });
  return {
    name: 'pandas/openpyxl',
    file: 'Pôle Ressources.xlsx',
    bytes,
    sheet: 'Marchés',
    headers: { numero: headers[0], montant: headers[2], date: headers[3], delai: headers[6] },
    rowOf: (i) => i + 2,
    error: { code: 'date-invalide', colonne: headers[3] },
    cells,
  };
}

// ---------------------------------------------------------------------------
// 3. An ERP/BI export written with the Open XML SDK / System.IO.Packaging: every
// SpreadsheetML element under `x:`; relationships `Type, Target, Id` with absolute
// targets and random ids; no docProps, no shared strings; a report title on row 1;
// rows and cells without `r`; a `<dimension>` that says A1:C2; text cells as
// `t="str"` without formula and `t="inlineStr"` (one rich text in runs); French
// amounts, dates and yes/no as text (`O`/`N`), one delay as `35 jours`.
// ---------------------------------------------------------------------------
export async function erpExport(): Promise<Producer> {
  const NB = '\u00a0';
  const NNB = '\u202f';
  const headers = ['Réf. marché', 'Libellé', 'Montant notifié HT (€)', 'Date notif', 'Clause sociale', 'Clause env.', 'DGP'];
  const title = 'Extraction des marchés notifiés - exercice 2025';
  const rows: Contract[] = [...BASE, { numero: null, objet: 'Travaux de voirie', montant: 9800, date: '2025-05-10', sociale: false, env: false, delai: 15 }];
  const cells = new Map<string, string | number | boolean>();
  const french = (n: number) => {
    const [int, dec] = n.toFixed(2).split('.');
    return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, n >= 100000 ? NNB : NB)},${dec}${NB}€`;
  };
  const fr = (iso: string) => iso.split('-').reverse().join('/');
  const str = (v: string) => `<x:c t="str" s="1"><x:v>${esc(v)}</x:v></x:c>`;
  const inl = (v: string) => `<x:c t="inlineStr" s="1"><x:is><x:t>${esc(v)}</x:t></x:is></x:c>`;
  const xmlRows: string[] = [`<x:row><x:c t="inlineStr" s="2"><x:is><x:t>${esc(title)}</x:t></x:is></x:c></x:row>`];
  cells.set('A1', title);
  xmlRows.push(`<x:row>${headers.map((h, i) => { cells.set(`${col(i)}2`, h); return `<x:c t="inlineStr" s="2"><x:is><x:t>${esc(h)}</x:t></x:is></x:c>`; }).join('')}</x:row>`);
  rows.forEach((r, k) => {
    const n = k + 3;
    const set = (i: number, v: string | number) => cells.set(`${col(i)}${n}`, v);
    const c: string[] = [];
    if (r.numero === null) c.push('<x:c s="1"/>');
    else { c.push(str(r.numero)); set(0, r.numero); }
    if (k === 2) {
      c.push('<x:c t="inlineStr" s="1"><x:is><x:r><x:rPr><x:b/><x:sz val="10"/><x:rFont val="Tahoma"/></x:rPr><x:t>Maintenance</x:t></x:r><x:r><x:rPr><x:sz val="10"/><x:rFont val="Tahoma"/></x:rPr><x:t xml:space="preserve"> des ascenseurs</x:t></x:r></x:is></x:c>');
      set(1, r.objet);
    } else { c.push(inl(r.objet)); set(1, r.objet); }
    c.push(str(french(r.montant!))); set(2, french(r.montant!));
    c.push(inl(fr(r.date))); set(3, fr(r.date));
    c.push(str(r.sociale ? 'O' : 'N')); set(4, r.sociale ? 'O' : 'N');
    c.push(str(r.env ? 'O' : 'N')); set(5, r.env ? 'O' : 'N');
    if (k === 1) { c.push(str('35 jours')); set(6, '35 jours'); }
    else { c.push(`<x:c s="1"><x:v>${r.delai}</x:v></x:c>`); set(6, r.delai!); }
    xmlRows.push(`<x:row>${c.join('')}</x:row>`);
  });
  const bytes = await zipOf({
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="utf-8"?><Types xmlns="${CT}"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="${T.rels}"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${T.workbook}"/><Override PartName="/xl/worksheets/sheet.xml" ContentType="${T.worksheet}"/><Override PartName="/xl/styles.xml" ContentType="${T.styles}"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="${PKG_REL}"><Relationship Type="${RT.officeDocument}" Target="/xl/workbook.xml" Id="R7b1d2e6f0c3a4b59"/></Relationships>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="${PKG_REL}"><Relationship Type="${RT.worksheet}" Target="/xl/worksheets/sheet.xml" Id="R4f1c94c378d64409"/>` +
      `<Relationship Type="${RT.styles}" Target="/xl/styles.xml" Id="R48c49c2535d74bcc"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:r="${REL}" xmlns:x="${MAIN}"><x:sheets><x:sheet name="Export" sheetId="1" r:id="R4f1c94c378d64409"/></x:sheets></x:workbook>`,
    'xl/styles.xml':
      `<?xml version="1.0" encoding="utf-8"?><x:styleSheet xmlns:x="${MAIN}"><x:fonts count="2"><x:font><x:sz val="10"/><x:name val="Tahoma"/></x:font><x:font><x:b/><x:sz val="10"/><x:name val="Tahoma"/></x:font></x:fonts>` +
      `<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders>` +
      `<x:cellXfs count="3"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="49" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><x:xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1"/></x:cellXfs></x:styleSheet>`,
    'xl/worksheets/sheet.xml':
      `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:r="${REL}" xmlns:x="${MAIN}"><x:dimension ref="A1:C2"/><x:sheetData>${xmlRows.join('')}</x:sheetData></x:worksheet>`,
  });
  return {
    name: 'ERP/BI export',
    file: 'Pôle Cadre de vie.xlsx',
    bytes,
    sheet: 'Export',
    headers: { numero: headers[0], montant: headers[2], date: headers[3], delai: headers[6] },
    rowOf: (i) => i + 3,
    error: { code: 'numero-manquant', colonne: headers[0] },
    cells,
  };
}

// ---------------------------------------------------------------------------
// 4. Apple Numbers (Exporter vers › Excel, « Inclure une feuille de résumé »), French UI.
// A summary sheet first; the table's sheet named « Feuille 1 - Tableau 1 »; Helvetica
// Neue 10 as default font and in the theme; custom number formats numbered from 59;
// each cell with its own style; gridlines hidden; yes/no as Numbers checkboxes
// (`t="b"`). Not checked against a real file: the summary's exact French wording, and
// whether Numbers writes docProps (left out here).
// ---------------------------------------------------------------------------
export async function appleNumbers(): Promise<Producer> {
  const headers = ['N° de marché', 'Intitulé', 'Montant du marché HT', 'Notifié le', 'Clause sociale', 'Clause environnementale', 'Délai global de paiement'];
  const rows: Contract[] = [...BASE, { numero: '2025-001', objet: 'Nettoyage des locaux (reconduction)', montant: 12500, date: '2025-06-01', sociale: false, env: false, delai: 22 }];
  const sst = new Strings();
  const cells = new Map<string, string | number | boolean>();
  const summary = [
    "Ce document a été exporté à partir de Numbers. Chaque tableau a été converti en feuille de calcul Excel. Tous les autres objets de chaque feuille Numbers ont été placés sur des feuilles de calcul distinctes. Veuillez noter que les calculs de formule peuvent différer dans Excel.",
    'Nom de la feuille Numbers', 'Nom du tableau Numbers', 'Nom de la feuille Excel', 'Feuille 1', 'Tableau 1', 'Feuille 1 - Tableau 1',
  ];
  const sumIdx = summary.map((s) => sst.index(s));
  const summarySheet =
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:C5"/><sheetViews><sheetView workbookViewId="0" showGridLines="0" defaultGridColor="1"/></sheetViews>` +
    `<sheetFormatPr defaultColWidth="10" defaultRowHeight="18" customHeight="1" outlineLevelRow="0" outlineLevelCol="0"/><cols><col min="1" max="3" width="33.8516" style="1" customWidth="1"/></cols>` +
    `<sheetData><row r="1" ht="24" customHeight="1"><c r="A1" s="2" t="s"><v>${sumIdx[0]}</v></c></row>` +
    `<row r="3" ht="20.25" customHeight="1"><c r="A3" s="3" t="s"><v>${sumIdx[1]}</v></c><c r="B3" s="3" t="s"><v>${sumIdx[2]}</v></c><c r="C3" s="3" t="s"><v>${sumIdx[3]}</v></c></row>` +
    `<row r="4" ht="20.25" customHeight="1"><c r="A4" s="1" t="s"><v>${sumIdx[4]}</v></c><c r="B4" s="1" t="s"><v>${sumIdx[5]}</v></c><c r="C4" s="1" t="s"><v>${sumIdx[6]}</v></c></row></sheetData>` +
    `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.25" footer="0.25"/>` +
    `<pageSetup firstPageNumber="1" fitToHeight="1" fitToWidth="1" scale="100" useFirstPageNumber="0" orientation="portrait" pageOrder="downThenOver"/>` +
    `<headerFooter><oddFooter>&amp;C&amp;"Helvetica Neue,Regular"&amp;12&amp;K000000&amp;P</oddFooter></headerFooter></worksheet>`;
  const xmlRows: string[] = [];
  xmlRows.push(`<row r="1" ht="20.25" customHeight="1">${headers.map((h, i) => { cells.set(`${col(i)}1`, h); return `<c r="${col(i)}1" s="4" t="s"><v>${sst.index(h)}</v></c>`; }).join('')}</row>`);
  rows.forEach((r, k) => {
    const n = k + 2;
    const c: string[] = [];
    cells.set(`A${n}`, r.numero!); c.push(`<c r="A${n}" s="5" t="s"><v>${sst.index(r.numero!)}</v></c>`);
    cells.set(`B${n}`, r.objet); c.push(`<c r="B${n}" s="6" t="s"><v>${sst.index(r.objet)}</v></c>`);
    cells.set(`C${n}`, r.montant!); c.push(`<c r="C${n}" s="7"><v>${r.montant}</v></c>`);
    cells.set(`D${n}`, serial(r.date)); c.push(`<c r="D${n}" s="8"><v>${serial(r.date)}</v></c>`);
    cells.set(`E${n}`, r.sociale); c.push(`<c r="E${n}" s="9" t="b"><v>${r.sociale ? 1 : 0}</v></c>`);
    cells.set(`F${n}`, r.env); c.push(`<c r="F${n}" s="9" t="b"><v>${r.env ? 1 : 0}</v></c>`);
    cells.set(`G${n}`, r.delai!); c.push(`<c r="G${n}" s="10"><v>${r.delai}</v></c>`);
    xmlRows.push(`<row r="${n}" ht="20.05" customHeight="1">${c.join('')}</row>`);
  });
  const dataSheet =
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:G6"/>` +
    `<sheetViews><sheetView workbookViewId="0" showGridLines="0" defaultGridColor="1"><pane xSplit="0" ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultColWidth="16.3333" defaultRowHeight="19.9" customHeight="1" outlineLevelRow="0" outlineLevelCol="0"/><cols><col min="1" max="7" width="16.3516" style="11" customWidth="1"/></cols>` +
    `<sheetData>${xmlRows.join('')}</sheetData><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.277778" footer="0.277778"/>` +
    `<pageSetup firstPageNumber="1" fitToHeight="1" fitToWidth="1" scale="100" useFirstPageNumber="0" orientation="portrait" pageOrder="downThenOver"/>` +
    `<headerFooter><oddFooter>&amp;C&amp;"Helvetica Neue,Regular"&amp;11&amp;K000000&amp;P</oddFooter></headerFooter></worksheet>`;
  const border = '<border><left style="thin"><color indexed="10"/></left><right style="thin"><color indexed="10"/></right><top style="thin"><color indexed="10"/></top><bottom style="thin"><color indexed="10"/></bottom><diagonal/></border>';
  const styles =
    `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="0" formatCode="General"/><numFmt numFmtId="59" formatCode="#,##0.00&quot; €&quot;"/><numFmt numFmtId="60" formatCode="dd/mm/yyyy"/></numFmts>` +
    `<fonts count="3"><font><sz val="10"/><color indexed="8"/><name val="Helvetica Neue"/></font><font><sz val="12"/><color indexed="8"/><name val="Helvetica Neue"/></font><font><b val="1"/><sz val="10"/><color indexed="8"/><name val="Helvetica Neue"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor indexed="11"/><bgColor auto="1"/></patternFill></fill></fills>` +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${border}</borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" applyNumberFormat="0" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf></cellStyleXfs>` +
    `<cellXfs count="12"><xf numFmtId="0" fontId="0" applyNumberFormat="0" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="0" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="1" applyNumberFormat="0" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment horizontal="left" vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="2" fillId="2" borderId="1" applyNumberFormat="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="2" fillId="2" borderId="1" applyNumberFormat="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="49" fontId="0" borderId="1" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="1" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="49" fontId="0" borderId="1" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="1" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="59" fontId="0" borderId="1" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="1" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="60" fontId="0" borderId="1" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="1" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="0" borderId="1" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="1" applyAlignment="1" applyProtection="0"><alignment horizontal="center" vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="0" borderId="1" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="1" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf numFmtId="0" fontId="0" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/>` +
    `<colors><indexedColors><rgbColor rgb="ff000000"/><rgbColor rgb="ffffffff"/><rgbColor rgb="ffff0000"/><rgbColor rgb="ff00ff00"/><rgbColor rgb="ff0000ff"/><rgbColor rgb="ffffff00"/><rgbColor rgb="ffff00ff"/><rgbColor rgb="ff00ffff"/><rgbColor rgb="ff000000"/><rgbColor rgb="ffffffff"/><rgbColor rgb="ffaaaaaa"/><rgbColor rgb="ffdbdbdb"/></indexedColors></colors></styleSheet>`;
  const bytes = await zipOf({
    '[Content_Types].xml':
      `${DECL}<Types xmlns="${CT}"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="${T.rels}"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${T.workbook}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${T.worksheet}"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${T.worksheet}"/>` +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${T.theme}"/><Override PartName="/xl/styles.xml" ContentType="${T.styles}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${T.sst}"/></Types>`,
    '_rels/.rels': `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${RT.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="0"/><bookViews><workbookView activeTab="1"/></bookViews>` +
      `<sheets><sheet name="Résumé de l’exportation" sheetId="1" r:id="rId3"/><sheet name="Feuille 1 - Tableau 1" sheetId="2" r:id="rId4"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${RT.sst}" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="${RT.styles}" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${RT.worksheet}" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="${RT.worksheet}" Target="worksheets/sheet2.xml"/><Relationship Id="rId5" Type="${RT.theme}" Target="theme/theme1.xml"/></Relationships>`,
    'xl/theme/theme1.xml': THEME_OFFICE('Helvetica Neue', 'Helvetica Neue', 'Office Theme'),
    'xl/styles.xml': styles,
    'xl/sharedStrings.xml': `${DECL}<sst xmlns="${MAIN}" uniqueCount="${sst.list.length}">${sst.list.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml': summarySheet,
    'xl/worksheets/sheet2.xml': dataSheet,
  });
  return {
    name: 'Apple Numbers',
    file: 'Pôle Solidarités.xlsx',
    bytes,
    sheet: 'Feuille 1 - Tableau 1',
    headers: { numero: headers[0], montant: headers[2], date: headers[3], delai: headers[6] },
    rowOf: (i) => i + 2,
    error: { code: 'doublon', colonne: headers[0] },
    cells,
  };
}

// ---------------------------------------------------------------------------
// 5. A minimal hand-written package: [Content_Types].xml, _rels/.rels, xl/workbook.xml,
// its rels and one sheet; no styles, no shared strings (inline strings); dates as text
// (without styles a number cannot show as a date).
// ---------------------------------------------------------------------------
export async function minimalPackage(): Promise<Producer> {
  const headers = ['Numéro de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale', 'Clause environnementale', 'Délai de paiement'];
  const cells = new Map<string, string | number | boolean>();
  const fr = (iso: string) => iso.split('-').reverse().join('/');
  const rows: (string | number | null)[][] = [
    ...BASE.map((r) => [r.numero, r.objet, r.montant, fr(r.date), r.sociale ? 'oui' : 'non', r.env ? 'oui' : 'non', r.delai]),
    ['2025-005', 'Travaux de voirie', '-500', fr('2025-05-10'), 'non', 'non', 10],
  ];
  const xmlRows = [headers, ...rows].map((r, k) =>
    `<row r="${k + 1}">${r.map((v, i) => {
      const a = `${col(i)}${k + 1}`;
      if (v === null) return '';
      cells.set(a, v);
      return typeof v === 'number' ? `<c r="${a}"><v>${v}</v></c>` : `<c r="${a}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    }).join('')}</row>`,
  );
  const bytes = await zipOf({
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${CT}"><Default Extension="rels" ContentType="${T.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${T.workbook}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${T.worksheet}"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${RT.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${RT.worksheet}" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${xmlRows.join('')}</sheetData></worksheet>`,
  });
  return {
    name: 'minimal package',
    file: 'Pôle Éducation.xlsx',
    bytes,
    sheet: 'Feuil1',
    headers: { numero: headers[0], montant: headers[2], date: headers[3], delai: headers[6] },
    rowOf: (i) => i + 2,
    error: { code: 'montant-invalide', colonne: headers[2] },
    cells,
  };
}

export const PRODUCERS = [googleSheets, pandasOpenpyxl, erpExport, appleNumbers, minimalPackage];

/**
 * The package with SpreadsheetML parts under a prefix (`x:`) written in the default
 * namespace, for the checks of `package-checks.ts`, which read unprefixed XML. Every
 * other byte is kept.
 */
export async function withDefaultNamespace(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !name.endsWith('.xml')) continue;
    const xml = await zip.file(name)!.async('string');
    const p = new RegExp(`xmlns:([\\w.-]+)="${MAIN.replace(/[.\\/]/g, '\\$&')}"`).exec(xml)?.[1];
    if (!p || !new RegExp(`<${p}:\\w`).test(xml.slice(0, 400))) continue;
    zip.file(name, xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1').replace(`xmlns:${p}="${MAIN}"`, `xmlns="${MAIN}"`));
  }
  return zip.generateAsync({ type: 'uint8array' });
}

/**
 * The XML parts (and relationship parts) of a package that are not well-formed XML with
 * namespaces (an unbound prefix, a tag not closed…), each with the parser's message:
 * Excel and LibreOffice refuse such a part.
 */
export async function malformedParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    let error: string | null = null;
    parser.on('error', (e) => {
      error ??= e.message;
    });
    parser.write(await zip.file(name)!.async('string')).close();
    if (error !== null) out.push(`${name}: ${error}`);
  }
  return out;
}

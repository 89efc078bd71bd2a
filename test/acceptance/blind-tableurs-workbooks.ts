/**
 * Blind acceptance « tableurs »: Pôle workbooks written by OTHER SPREADSHEET PROGRAMS than Excel,
 * built part by part (JSZip, raw SpreadsheetML) because ExcelJS would normalise away what is tested.
 * Written from the spec and the README only, before reading src/ and before any run.
 *
 * A « Pôle Ressources.xlsx » — the City's purchasing web app, exported in the browser with SheetJS
 *   (community edition, `XLSX.writeFile` with its defaults, `bookSST: false`): every text is a cell
 *   `t="str"` with its text in `<v>` and NO formula (SheetJS writes strings so when it does not build a
 *   shared-string table), hence no `sharedStrings.xml` part at all; dates as serials under built-in
 *   `numFmtId="14"` (SheetJS's default date format, table 14) with a minimal styles part; booleans
 *   `t="b"` 1/0; an error value the app put in a cell (`t="e"` `<v>#N/A</v>`, no formula);
 *   `<workbookPr codeName="ThisWorkbook"/>`; correct `<dimension>`; two title rows above the header.
 * B « Pôle Éducation.xlsx » — Apple Numbers (Fichier › Exporter vers › Excel, « Inclure une feuille de
 *   résumé » ticked): a first sheet « Résumé de l'exportation » listing the tables; one sheet per table
 *   named « <feuille> - <tableau> »; shared strings; checkbox cells exported as booleans `t="b"`; dates
 *   as serials under a custom `dd/mm/yyyy`; amounts under `#,##0.00\ "€"`; a date typed in a text cell
 *   (« 31/11/2025 », which does not exist); the table's footer row (« Total », `SUM` with its cached
 *   result); the second table of the sheet (the facilitator's insertion follow-up) as its own sheet.
 * C « Pôle Cadre de vie.xlsx » — OnlyOffice (the City intranet's editor): a title merged across the
 *   header's width (A1:O1) and a second merged line, header texts in shared strings made of rich-text
 *   runs (bold « N° », the rest plain, `xml:space="preserve"` on runs ending in a space) and one header
 *   broken by a line feed; dates under `[$-40C]d mmmm yyyy` and `dd/mm/yyyy;@`; yes/no as the texts
 *   « Oui » / « Non » of a drop-down list whose source is a HIDDEN sheet « Listes » through a defined
 *   name; `_xlnm._FilterDatabase` and `_xlnm.Print_Titles`; an amount typed as text with a leading
 *   apostrophe (`quotePrefix`) « 18 500,00 € » (U+00A0 spaces); a payment delay typed « 45 jours »; a
 *   formula whose cached result is `#DIV/0!`; a « TOTAL : » row with a cached `SUM`.
 * D « Pôle Solidarités.xlsx » — a public-procurement platform's « Mes marchés » export, written by a .NET
 *   service with the Open XML SDK: every SpreadsheetML element under the prefix `x:`; texts as inline
 *   strings (`t="inlineStr"`, `<x:is><x:t>`), no shared strings; rows WITHOUT `r` and cells WITHOUT `r`
 *   (ECMA-376 allows both: each follows the previous one, an empty `<x:c/>` keeps a column's place);
 *   no `<dimension>`; `<x:workbookPr date1904="false"/>` written explicitly with the word; dates as
 *   serials (`DateTime.ToOADate()`) under built-in `numFmtId="14"`; amounts formatted as French text by
 *   .NET on ICU (`ToString("N2", fr-FR)`: U+202F narrow no-break space between thousands, « 28 750,50 »);
 *   a minimal styles part (two cell formats).
 * E « Pôle Sports.xlsx » — NOT a workbook: an Apple Numbers document (a zip holding `Index/Document.iwa`,
 *   `Metadata/…`, `preview.jpg`) renamed « .xlsx » by a buyer instead of exporting it.
 *
 * No commentaires column anywhere; only A's R-25-003 « papier recyclé » uses a word of the suggestion
 * lexicon (regles.md §4).
 */
import JSZip from 'jszip';
import { MAIN, REL, PKG_REL, CT, DECL, T, RT, col, esc, serial } from '../workbook/xlsx/blind-producers-packages';

export const FILE_A = 'Pôle Ressources.xlsx';
export const FILE_B = 'Pôle Éducation.xlsx';
export const FILE_C = 'Pôle Cadre de vie.xlsx';
export const FILE_D = 'Pôle Solidarités.xlsx';
export const FILE_E = 'Pôle Sports.xlsx';
export const SHEET_A = 'Export marchés';
export const SHEET_B_SUMMARY = "Résumé de l'exportation";
export const SHEET_B = 'Marchés 2025 - Tableau 1';
export const SHEET_B_INS = 'Marchés 2025 - Insertion';
export const SHEET_C = 'Suivi des marchés';
export const SHEET_C_LISTS = 'Listes';
export const SHEET_D = 'Mes marchés';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** A sheet of a package: its name, state and the worksheet XML as the program writes it. */
interface SheetPart {
  name: string;
  xml: string;
  state?: 'hidden';
}

/** Assembles a package: workbook (with `wbExtra` inside it), sheets, styles, optional shared strings; `p` is the element prefix ('' or 'x:'). */
async function pack(opts: {
  sheets: SheetPart[];
  styles: string;
  sst?: string;
  p?: string;
  workbookPr?: string;
  definedNames?: string;
}): Promise<Uint8Array> {
  const p = opts.p ?? '';
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const zip = new JSZip();
  const over = [
    `<Override PartName="/xl/workbook.xml" ContentType="${T.workbook}"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${T.styles}"/>`,
    ...opts.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${T.worksheet}"/>`),
    ...(opts.sst ? [`<Override PartName="/xl/sharedStrings.xml" ContentType="${T.sst}"/>`] : []),
  ];
  zip.file('[Content_Types].xml', `${DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${over.join('')}</Types>`);
  zip.file('_rels/.rels', `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${RT.officeDocument}" Target="xl/workbook.xml"/></Relationships>`);
  const rels = [
    ...opts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RT.worksheet}" Target="worksheets/sheet${i + 1}.xml"/>`),
    `<Relationship Id="rId${opts.sheets.length + 1}" Type="${RT.styles}" Target="styles.xml"/>`,
    ...(opts.sst ? [`<Relationship Id="rId${opts.sheets.length + 2}" Type="${RT.sst}" Target="sharedStrings.xml"/>`] : []),
  ];
  zip.file('xl/_rels/workbook.xml.rels', `${DECL}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`);
  const sheets = opts.sheets
    .map((s, i) => `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('');
  zip.file(
    'xl/workbook.xml',
    `${DECL}<${p}workbook ${ns} xmlns:r="${REL}">${opts.workbookPr ?? ''}<${p}bookViews><${p}workbookView/></${p}bookViews><${p}sheets>${sheets}</${p}sheets>${opts.definedNames ?? ''}</${p}workbook>`,
  );
  zip.file('xl/styles.xml', opts.styles);
  if (opts.sst) zip.file('xl/sharedStrings.xml', opts.sst);
  opts.sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, s.xml));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** One contract as the buyer means it; each program writes it its own way. */
export interface Contract {
  numero: string | null;
  objet: string | null;
  /** ISO day, or a text typed in the cell (`text:31/11/2025`). */
  date: string;
  /** A number, or a text typed in the cell. */
  montant: number | string;
  procedure: string | null;
  programme: boolean;
  horsMarche: boolean;
  clauseSociale: boolean;
  clauseEnv: boolean;
  innovant: boolean;
  /** A number, null for empty, or an error value `#…`. */
  offres: number | string | null;
  delai: number | string | null;
  heures: number | null;
  titulaire: string;
  /** Postal code (A, C, D) or commune (B). */
  lieu: string | number;
}

const c = (
  numero: string | null, objet: string | null, date: string, montant: number | string, procedure: string | null,
  flags: string, offres: number | string | null, delai: number | string | null, heures: number | null, titulaire: string, lieu: string | number,
): Contract => ({
  numero, objet, date, montant, procedure,
  programme: flags[0] === '1', horsMarche: flags[1] === '1', clauseSociale: flags[2] === '1', clauseEnv: flags[3] === '1', innovant: flags[4] === '1',
  offres, delai, heures, titulaire, lieu,
});

// flags: programme, hors marché, clause sociale, clause environnementale, innovant
export const A_ROWS: Contract[] = [
  c('R-25-001', "Maintenance des ascenseurs de l'hôtel de ville", '2025-02-10', 48000, 'MAPA', '10010', 3, 25, null, 'Ascenseurs du Nord', '59100'),
  c('R-25-002', 'Nettoyage des locaux administratifs', '2025-03-03', 120000, "Appel d'offres ouvert", '10100', 5, 32, 400, 'Net Services', '59170'),
  c('R-25-003', 'Fourniture de papier recyclé', '2025-03-20', 15000, 'MAPA', '00000', 2, 28, null, 'Papeterie Martin', '75011'),
  c('R-25-004', 'Assurance de la flotte automobile', '2025-04-15', 36000, 'AOO', '10000', '#N/A', 30, null, 'Assurances Mutuelles', '79000'),
  c('R-25-005', 'Commande de fournitures de bureau', '2025-05-05', 2400, null, '01000', null, 20, null, 'Bureau Plus', '59000'),
  c('R-25-006', 'Maintenance du parc informatique', '2025-06-12', 60000, 'Procédure avec négociation', '00001', 4, 35, null, 'Info Services', '69003'),
  c('R-25-002', 'Nettoyage des locaux administratifs', '2025-03-03', 120000, "Appel d'offres ouvert", '10100', 5, 32, 400, 'Net Services', '59170'),
  c('R-25-008', 'Prestations de traiteur pour les cérémonies', '2025-07-08', 9000, 'MSPMC', '00000', 1, 15, null, 'Traiteur Roubaisien', '59100'),
  c('R-25-009', 'Location de nacelles', '2025-08-18', -4500, 'MAPA', '00000', 2, 10, null, 'Nacelles Location', '62300'),
  c('R-25-010', 'Entretien des espaces verts du centre technique', '2025-10-02', 24000, 'MAPA', '10110', 3, 30, 150, 'Verts Jardins', '59100'),
];

export const B_ROWS: Contract[] = [
  c('E-25-01', 'Restauration scolaire – fourniture des repas', '2025-01-15', 250000, "Appel d'offres ouvert", '10110', 4, 28, null, 'Cuisine Centrale du Nord', 'Tourcoing'),
  c('E-25-02', 'Travaux de peinture école Jules Ferry', '2025-02-20', 45000, 'MAPA', '10100', 3, 25, null, 'Peintures Roubaisiennes', 'Roubaix'),
  c('E-25-03', 'Transport des élèves vers la piscine', '2025-03-11', 38000, 'MAPA', '00000', 2, 40, null, 'Cars du Littoral', 'Dunkerque'),
  c('E-25-04', 'Fourniture de mobilier scolaire', '2025-04-02', 30000, 'MAPA', '00001', 3, 30, null, 'Mobilier Scolaire', 'Lille'),
  c('E-25-05', 'Séjours de vacances des enfants', '2025-05-14', 52000, 'Procédure avec négociation', '10000', null, 22, null, 'Vacances Loisirs', "Villeneuve-d'Ascq"),
  c('E-25-06', 'Entretien des aires de jeux des écoles', '2025-06-30', 18000, 'MAPA', '00100', 2, 30, null, 'Jeux Entretien', 'Wattrelos'),
  c('E-25-07', 'Achat de livres pour les bibliothèques scolaires', '2025-09-08', 12000, 'Sans publicité ni mise en concurrence', '00000', 1, 20, null, 'Librairie du Centre', 'Roubaix'),
  c('E-25-08', null, '2025-10-01', 9500, 'MAPA', '00000', 2, 15, null, 'Fournitures Pro', 'Lille'),
  c('E-25-09', 'Nettoyage des écoles maternelles', 'text:31/11/2025', 75000, "Appel d'offres ouvert", '10100', 3, 30, null, 'Net Services', 'Croix'),
];

/** B's insertion follow-up: numero, bénéficiaire, sexe, type de contrat, heures. */
export const B_INSERTION: [string, string, string | null, string, number][] = [
  ['E-25-01', 'B-001', 'F', 'CDDI', 350],
  ['E-25-01', 'B-002', 'H', 'Intérim', 210],
  ['E-25-02', 'B-001', 'F', 'CDD', 120],
  ['E-25-09', 'B-003', 'H', 'CDI', 500],
  ['E-25-06', 'B-004', null, 'Apprentissage', 80],
];

export const C_ROWS: Contract[] = [
  c('CV-25-001', 'Réfection de la voirie rue de Lannoy', '2025-01-22', 180000, "Appel d'offres ouvert", '10100', 4, 29, 1200, 'Routes du Nord', 59100),
  c('CV-25-002', 'Éclairage public – maintenance', '2025-02-14', 95000, "Appel d'offres ouvert", '10010', 3, 31, null, 'Lumière Services', 59290),
  c('CV-25-003', "Plantation d'arbres au parc Barbieux", '2025-03-05', `18${NBSP}500,00${NBSP}€`, 'MAPA', '00010', 2, 25, null, 'Pépinières Flamandes', 59000),
  c('CV-25-004', 'Nettoyage des tags sur les façades', '2025-04-09', 22000, 'MAPA', '00100', 3, 28, 300, 'Façades Propres', 59100),
  c('CV-25-005', 'Achat de panneaux de signalisation', '2025-05-20', 6800, null, '01000', null, 18, null, 'Signaux Girod', 39400),
  c('CV-25-006', 'Mobilier urbain connecté', '2025-06-11', 40000, 'Procédure avec négociation', '00001', 2, 30, null, 'Ville Connectée', 75002),
  c('CV-25-007', 'Curage des fossés', '2025-07-01', 14000, 'MAPA', '00000', 2, '#DIV/0!', null, 'Assainissement 59', 59700),
  c('CV-25-008', 'Location de balayeuses', '2025-08-25', 33000, 'MAPA', '10000', 3, '45 jours', null, 'Balayage Express', 59100),
  c('CV-25-009', 'Fourniture de sel de déneigement', '2025-11-03', 12500, 'MAPA', '00000', 2, 20, 60, 'Sels du Nord', 62000),
  c(null, 'Entretien des fontaines', '2025-06-02', 8000, 'MAPA', '00000', 2, 22, null, 'Fontaines et Jets', 59100),
];

export const D_ROWS: Contract[] = [
  c('SOL-2025-01', 'Accompagnement des publics en difficulté', '2025-01-20', `64${NNBSP}000,00`, "Appel d'offres ouvert", '10100', 3, 27, 900, 'Solidarité Emploi', '59100'),
  c('SOL-2025-02', 'Distribution de colis alimentaires', '2025-02-03', `28${NNBSP}750,50`, 'MAPA', '10010', 2, 33, null, 'Banque Solidaire', '59200'),
  c('SOL-2025-03', 'Animation des ateliers numériques seniors', '2025-03-17', `9${NNBSP}600,00`, 'MAPA', '00001', 4, 21, null, 'Numérique Pour Tous', '59100'),
  c('SOL-2025-04', "Fourniture de produits d'hygiène", '2025-04-07', `4${NNBSP}200,00`, null, '01000', null, 12, null, 'Hygiène Plus', '59650'),
  c('SOL-2025-05', 'Maintenance des locaux du CCAS', '2025-05-12', `17${NNBSP}300,00`, 'MAPA', '00000', 2, 26, 120, 'Bâti Services', '59100'),
  c('SOL-2025-06', 'Transport adapté des personnes âgées', '2025-06-23', `55${NNBSP}000,00`, 'Procédure avec négociation', '10110', 3, 30, 450, 'Transports Adaptés', '62100'),
  c('SOL-2025-07', 'Séjours de répit pour les aidants', '2025-07-15', `12${NNBSP}000 € TTC`, 'MAPA', '00000', 2, 20, null, 'Répit Vacances', '59000'),
  c('SOL-2025-08', 'Prestations de traduction', '2025-09-09', `3${NNBSP}500,00`, 'Marché passé sans publicité ni mise en concurrence préalable', '00000', 1, 18, null, 'Traductions Lilloises', '59000'),
  c('SOL-2025-02', 'Distribution de colis alimentaires', '2025-11-12', `31${NNBSP}000,00`, 'MAPA', '10010', 2, 25, null, 'Banque Solidaire', '59200'),
];

// ─────────────────────────────── A: SheetJS ───────────────────────────────

export const A_HEADER = [
  'N° de marché', 'Objet', 'Date de notification', 'Montant HT', 'Procédure', 'Programmé', 'Hors marché', 'Clause sociale',
  'Clause environnementale', 'Innovant', "Nombre d'offres reçues", 'Délai de paiement (jours)', "Heures d'insertion réalisées",
  'Titulaire', 'Code postal',
];
/** Sheet row of A's first contract (two title rows, an empty row, the header on row 4). */
export const A_FIRST = 5;

function sheetjsSheet(): string {
  const rows: string[] = [];
  const str = (ref: string, s: string) => `<c r="${ref}" t="str"><v>${esc(s)}</v></c>`;
  rows.push(`<row r="1">${str('A1', 'Suivi des marchés – Pôle Ressources')}</row>`);
  rows.push(`<row r="2">${str('A2', 'Export Achats en ligne du 01/12/2025')}</row>`);
  rows.push(`<row r="4">${A_HEADER.map((h, i) => str(`${col(i)}4`, h)).join('')}</row>`);
  A_ROWS.forEach((k, i) => {
    const r = A_FIRST + i;
    const cells: string[] = [];
    const at = (ci: number) => `${col(ci)}${r}`;
    if (k.numero) cells.push(str(at(0), k.numero));
    if (k.objet) cells.push(str(at(1), k.objet));
    cells.push(`<c r="${at(2)}" s="1"><v>${serial(k.date)}</v></c>`);
    cells.push(`<c r="${at(3)}"><v>${k.montant}</v></c>`);
    if (k.procedure) cells.push(str(at(4), k.procedure));
    [k.programme, k.horsMarche, k.clauseSociale, k.clauseEnv, k.innovant].forEach((b, j) => cells.push(`<c r="${at(5 + j)}" t="b"><v>${b ? 1 : 0}</v></c>`));
    if (typeof k.offres === 'string') cells.push(`<c r="${at(10)}" t="e"><v>${k.offres}</v></c>`);
    else if (k.offres !== null) cells.push(`<c r="${at(10)}"><v>${k.offres}</v></c>`);
    if (k.delai !== null) cells.push(`<c r="${at(11)}"><v>${k.delai}</v></c>`);
    if (k.heures !== null) cells.push(`<c r="${at(12)}"><v>${k.heures}</v></c>`);
    cells.push(str(at(13), k.titulaire));
    cells.push(str(at(14), String(k.lieu)));
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const last = A_FIRST + A_ROWS.length - 1;
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:O${last}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>${rows.join('')}</sheetData><ignoredErrors><ignoredError numberStoredAsText="1" sqref="A1:O${last}"/></ignoredErrors></worksheet>`;
}

/** SheetJS's own styles part: no numFmts (14 is built in), one font, two fills, one border, two xfs. */
const SHEETJS_STYLES = `${DECL}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="12"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleMedium4"/></styleSheet>`;

export async function buildA(): Promise<Uint8Array> {
  return pack({
    sheets: [{ name: SHEET_A, xml: sheetjsSheet() }],
    styles: SHEETJS_STYLES,
    workbookPr: '<workbookPr codeName="ThisWorkbook"/>',
  });
}

// ─────────────────────────────── B: Apple Numbers ───────────────────────────────

class Sst {
  readonly list: string[] = [];
  count = 0;
  /** `xml` is the inner XML of the <si> (a <t> or rich-text runs); `key` identifies it. */
  ref(key: string, xml = `<t>${esc(key)}</t>`): string {
    this.count++;
    let i = this.list.findIndex((s) => s === xml);
    if (i < 0) {
      this.list.push(xml);
      i = this.list.length - 1;
    }
    return String(i);
  }
  xml(): string {
    return `${DECL}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${this.list.map((s) => `<si>${s}</si>`).join('')}</sst>`;
  }
}

export const B_HEADER = [
  'N° marché', 'Objet', 'Notifié le', 'Montant HT (€)', 'Mode de passation', 'Programmé', 'Hors marché', 'Clause sociale',
  'Clause environnementale', 'Innovant', 'Nb offres', 'DGP (jours)', 'Titulaire', 'Ville',
];
export const B_INS_HEADER = ['N° marché', 'Bénéficiaire', 'Sexe', 'Type de contrat', 'Heures réalisées'];
/** Sheet row of B's first contract (the table's header row is row 1). */
export const B_FIRST = 2;
/** Row of B's footer (« Total »). */
export const B_FOOTER = B_FIRST + B_ROWS.length;

export async function buildB(): Promise<Uint8Array> {
  const sst = new Sst();
  const s = (ref: string, text: string, style = 1) => `<c r="${ref}" s="${style}" t="s"><v>${sst.ref(text)}</v></c>`;
  // Summary sheet, as Numbers writes it.
  const summary = [
    `<row r="1">${s('A1', "Résumé de l'exportation", 4)}</row>`,
    `<row r="3">${s('A3', 'Nom de la feuille', 4)}${s('B3', 'Nom du tableau', 4)}${s('C3', 'Nom de la feuille Excel', 4)}</row>`,
    `<row r="4">${s('A4', 'Marchés 2025')}${s('B4', 'Tableau 1')}${s('C4', SHEET_B)}</row>`,
    `<row r="5">${s('A5', 'Marchés 2025')}${s('B5', 'Insertion')}${s('C5', SHEET_B_INS)}</row>`,
  ];
  const summaryXml = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:C5"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultColWidth="16" defaultRowHeight="18" customHeight="1"/><sheetData>${summary.join('')}</sheetData></worksheet>`;

  const rows: string[] = [`<row r="1">${B_HEADER.map((h, i) => s(`${col(i)}1`, h, 4)).join('')}</row>`];
  B_ROWS.forEach((k, i) => {
    const r = B_FIRST + i;
    const at = (ci: number) => `${col(ci)}${r}`;
    const cells: string[] = [];
    cells.push(k.numero ? s(at(0), k.numero) : `<c r="${at(0)}" s="1"/>`);
    cells.push(k.objet ? s(at(1), k.objet) : `<c r="${at(1)}" s="1"/>`);
    cells.push(k.date.startsWith('text:') ? s(at(2), k.date.slice(5)) : `<c r="${at(2)}" s="2"><v>${serial(k.date)}</v></c>`);
    cells.push(`<c r="${at(3)}" s="3"><v>${k.montant}</v></c>`);
    cells.push(k.procedure ? s(at(4), k.procedure) : `<c r="${at(4)}" s="1"/>`);
    [k.programme, k.horsMarche, k.clauseSociale, k.clauseEnv, k.innovant].forEach((b, j) => cells.push(`<c r="${at(5 + j)}" s="5" t="b"><v>${b ? 1 : 0}</v></c>`));
    cells.push(k.offres === null ? `<c r="${at(10)}" s="6"/>` : `<c r="${at(10)}" s="6"><v>${k.offres}</v></c>`);
    cells.push(k.delai === null ? `<c r="${at(11)}" s="6"/>` : `<c r="${at(11)}" s="6"><v>${k.delai}</v></c>`);
    cells.push(s(at(12), k.titulaire));
    cells.push(s(at(13), String(k.lieu)));
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const total = B_ROWS.reduce((a, k) => a + (k.montant as number), 0);
  const f = B_FOOTER;
  rows.push(`<row r="${f}"><c r="A${f}" s="4"/>${s(`B${f}`, 'Total', 4)}<c r="C${f}" s="4"/><c r="D${f}" s="7"><f>SUM(D${B_FIRST}:D${f - 1})</f><v>${total}</v></c></row>`);
  const regXml = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:N${f}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="16" defaultRowHeight="18" customHeight="1"/><sheetData>${rows.join('')}</sheetData></worksheet>`;

  const ins: string[] = [`<row r="1">${B_INS_HEADER.map((h, i) => s(`${col(i)}1`, h, 4)).join('')}</row>`];
  B_INSERTION.forEach(([n, b, sexe, type, h], i) => {
    const r = 2 + i;
    ins.push(`<row r="${r}">${s(`A${r}`, n)}${s(`B${r}`, b)}${sexe ? s(`C${r}`, sexe) : `<c r="C${r}" s="1"/>`}${s(`D${r}`, type)}<c r="E${r}" s="6"><v>${h}</v></c></row>`);
  });
  const insXml = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:E${1 + B_INSERTION.length}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>${ins.join('')}</sheetData></worksheet>`;

  const styles = `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts><fonts count="2"><font><sz val="10"/><name val="Helvetica Neue"/></font><font><b/><sz val="10"/><name val="Helvetica Neue"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;
  return pack({
    sheets: [
      { name: SHEET_B_SUMMARY, xml: summaryXml },
      { name: SHEET_B, xml: regXml },
      { name: SHEET_B_INS, xml: insXml },
    ],
    styles,
    sst: sst.xml(),
    workbookPr: '<workbookPr date1904="0"/>',
  });
}

// ─────────────────────────────── C: OnlyOffice ───────────────────────────────

export const C_HEADER = [
  'N° de marché', 'Objet du marché', 'Date de\nnotification', 'Montant HT', 'Procédure', 'Programmé', 'Hors marché', 'Clause sociale',
  'Clause environnementale', 'Marché innovant', "Nombre d'offres reçues", 'Délai de paiement', "Heures d'insertion réalisées", 'Titulaire', 'Code postal',
];
/** The header as the buyer sees it: rich text runs (the bold part, then the rest). */
const C_HEADER_RUNS: [string, string][] = [
  ['N° ', 'de marché'], ['Objet ', 'du marché'], ['Date de\n', 'notification'], ['Montant ', 'HT'], ['Procédure', ''],
  ['Programmé', ''], ['Hors ', 'marché'], ['Clause ', 'sociale'], ['Clause ', 'environnementale'], ['Marché ', 'innovant'],
  ['Nombre ', "d'offres reçues"], ['Délai ', 'de paiement'], ['Heures ', "d'insertion réalisées"], ['Titulaire', ''], ['Code postal', ''],
];
export const C_HEADER_ROW = 4;
export const C_FIRST = 5;
export const C_TOTAL = C_FIRST + C_ROWS.length;

export async function buildC(): Promise<Uint8Array> {
  const sst = new Sst();
  const s = (ref: string, text: string, style = 0) => `<c r="${ref}" s="${style}" t="s"><v>${sst.ref(text)}</v></c>`;
  const run = (t: string, bold: boolean) =>
    t ? `<r><rPr>${bold ? '<b/>' : ''}<sz val="11"/><rFont val="Arial"/><family val="2"/></rPr><t${/\s$/.test(t) ? ' xml:space="preserve"' : ''}>${esc(t).replace(/\n/g, '&#10;')}</t></r>` : '';
  const rows: string[] = [];
  rows.push(`<row r="1">${s('A1', 'VILLE DE ROUBAIX – PÔLE CADRE DE VIE', 1)}${C_HEADER.slice(1).map((_, i) => `<c r="${col(i + 1)}1" s="1"/>`).join('')}</row>`);
  rows.push(`<row r="2">${s('A2', 'Suivi des marchés 2025 (mis à jour le 28/11/2025)', 1)}</row>`);
  rows.push(
    `<row r="${C_HEADER_ROW}" ht="30" customHeight="1">${C_HEADER_RUNS.map(([b, rest], i) => {
      const inner = `${run(b, true)}${run(rest, false)}`;
      return `<c r="${col(i)}${C_HEADER_ROW}" s="2" t="s"><v>${sst.ref(C_HEADER[i], inner)}</v></c>`;
    }).join('')}</row>`,
  );
  C_ROWS.forEach((k, i) => {
    const r = C_FIRST + i;
    const at = (ci: number) => `${col(ci)}${r}`;
    const cells: string[] = [];
    if (k.numero) cells.push(s(at(0), k.numero));
    if (k.objet) cells.push(s(at(1), k.objet));
    cells.push(`<c r="${at(2)}" s="${i === 0 ? 3 : 4}"><v>${serial(k.date)}</v></c>`);
    cells.push(typeof k.montant === 'string' ? s(at(3), k.montant, 6) : `<c r="${at(3)}" s="5"><v>${k.montant}</v></c>`);
    if (k.procedure) cells.push(s(at(4), k.procedure));
    [k.programme, k.horsMarche, k.clauseSociale, k.clauseEnv, k.innovant].forEach((b, j) => cells.push(s(at(5 + j), b ? 'Oui' : 'Non')));
    if (k.offres !== null) cells.push(`<c r="${at(10)}"><v>${k.offres}</v></c>`);
    if (typeof k.delai === 'string' && k.delai.startsWith('#')) cells.push(`<c r="${at(11)}" t="e"><f>SUM(P${r}:R${r})/COUNT(P${r}:R${r})</f><v>${k.delai}</v></c>`);
    else if (typeof k.delai === 'string') cells.push(s(at(11), k.delai));
    else if (k.delai !== null) cells.push(`<c r="${at(11)}"><v>${k.delai}</v></c>`);
    if (k.heures !== null) cells.push(`<c r="${at(12)}"><v>${k.heures}</v></c>`);
    cells.push(s(at(13), k.titulaire));
    cells.push(`<c r="${at(14)}"><v>${k.lieu}</v></c>`);
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const t = C_TOTAL;
  const total = C_ROWS.reduce((a, k) => a + (typeof k.montant === 'number' ? k.montant : 0), 0);
  rows.push(`<row r="${t}">${s(`B${t}`, 'TOTAL :', 2)}<c r="D${t}" s="5"><f>SUM(D${C_FIRST}:D${t - 1})</f><v>${total}</v></c></row>`);
  const sheet = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr filterMode="0"><outlinePr summaryBelow="1" summaryRight="1"/></sheetPr><dimension ref="A1:O${t}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.4"/><sheetData>${rows.join('')}</sheetData><autoFilter ref="A${C_HEADER_ROW}:O${t - 1}"/><mergeCells count="2"><mergeCell ref="A1:O1"/><mergeCell ref="A2:O2"/></mergeCells><dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="F${C_FIRST}:J${t - 1}"><formula1>Liste_OuiNon</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>`;
  const lists = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:A2"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData><row r="1">${s('A1', 'Oui')}</row><row r="2">${s('A2', 'Non')}</row></sheetData></worksheet>`;
  const styles = `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="[$-40C]d\\ mmmm\\ yyyy;@"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="166" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts><fonts count="3"><font><sz val="11"/><color rgb="FF000000"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="14"/><color rgb="FF1F4E79"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="11"/><color rgb="FF000000"/><name val="Arial"/><family val="2"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="0" fontId="2" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  return pack({
    sheets: [
      { name: SHEET_C, xml: sheet },
      { name: SHEET_C_LISTS, xml: lists, state: 'hidden' },
    ],
    styles,
    sst: sst.xml(),
    workbookPr: '<workbookPr defaultThemeVersion="124226"/>',
    definedNames: `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${SHEET_C}'!$A$${C_HEADER_ROW}:$O$${C_TOTAL - 1}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'${SHEET_C}'!$${C_HEADER_ROW}:$${C_HEADER_ROW}</definedName><definedName name="Liste_OuiNon">${SHEET_C_LISTS}!$A$1:$A$2</definedName></definedNames>`,
  });
}

// ─────────────────────────── D: Open XML SDK platform export ───────────────────────────

export const D_HEADER = [
  'Référence', 'Intitulé', 'Date de notification', 'Montant attribué HT', 'Type de procédure', 'Inscrit à la programmation',
  'Achat hors marché', 'Clause sociale', 'Clause environnementale', 'Achat innovant', 'Nombre de soumissionnaires',
  'Délai global de paiement', "Heures d'insertion réalisées", 'Attributaire', 'CP titulaire',
];
export const D_FIRST = 5;

export async function buildD(): Promise<Uint8Array> {
  const is = (t: string) => `<x:c t="inlineStr"><x:is><x:t>${esc(t)}</x:t></x:is></x:c>`;
  const num = (v: number, s?: number) => `<x:c${s ? ` s="${s}"` : ''}><x:v>${v}</x:v></x:c>`;
  const empty = '<x:c/>';
  const rows: string[] = [];
  rows.push(`<x:row>${is('Plateforme des marchés publics – export « Mes marchés »')}</x:row>`);
  rows.push(`<x:row>${is('Acheteur : Ville de Roubaix – Pôle Solidarités')}</x:row>`);
  rows.push('<x:row/>');
  rows.push(`<x:row>${D_HEADER.map(is).join('')}</x:row>`);
  for (const k of D_ROWS) {
    const cells = [
      k.numero ? is(k.numero) : empty,
      k.objet ? is(k.objet) : empty,
      num(serial(k.date), 1),
      typeof k.montant === 'string' ? is(k.montant) : num(k.montant),
      k.procedure ? is(k.procedure) : empty,
      ...[k.programme, k.horsMarche, k.clauseSociale, k.clauseEnv, k.innovant].map((b) => is(b ? 'Oui' : 'Non')),
      typeof k.offres === 'number' ? num(k.offres) : empty,
      typeof k.delai === 'number' ? num(k.delai) : empty,
      k.heures !== null ? num(k.heures) : empty,
      is(k.titulaire),
      is(String(k.lieu)),
    ];
    rows.push(`<x:row>${cells.join('')}</x:row>`);
  }
  const sheet = `${DECL}<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${rows.join('')}</x:sheetData></x:worksheet>`;
  const styles = `${DECL}<x:styleSheet xmlns:x="${MAIN}"><x:fonts><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts><x:fills><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders><x:border/></x:borders><x:cellXfs><x:xf/><x:xf numFmtId="14" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`;
  return pack({
    sheets: [{ name: SHEET_D, xml: sheet }],
    styles,
    p: 'x:',
    workbookPr: '<x:workbookPr date1904="false"/>',
  });
}

// ─────────────────────────── E: a Numbers document renamed .xlsx ───────────────────────────

export async function buildE(): Promise<Uint8Array> {
  const zip = new JSZip();
  // The parts of a Numbers package (contents are binary protobuf streams; a few bytes stand for them).
  zip.file('Index/Document.iwa', new Uint8Array([0x00, 0x1b, 0x00, 0x00, 0x31, 0x08, 0x01]));
  zip.file('Index/Metadata.iwa', new Uint8Array([0x00, 0x0c, 0x00, 0x00, 0x08, 0x01]));
  zip.file('Metadata/Properties.plist', '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>revision</key><string>0::5F1A</string></dict></plist>');
  zip.file('Metadata/DocumentIdentifier', '6E1D2C3B-1A2B-4C5D-8E9F-0A1B2C3D4E5F');
  zip.file('Metadata/BuildVersionHistory.plist', '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><array><string>M14.1-7037.0.102-1</string></array></plist>');
  zip.file('preview.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// ───────────── Part 2 (added after the first run of A–E, written blind as well) ─────────────
//
// F « Pôle Culture.xlsx » — the finance software's extraction, written by a Java service with Apache
//   POI's streaming writer (SXSSF): `<dimension ref="A1"/>` whatever the data (SXSSF streams the rows
//   and never goes back to the dimension), every text an inline string (`t="inlineStr"`, SXSSF's default),
//   booleans `t="b"`, dates under a custom `dd/mm/yyyy` created by the program (numFmtId 164), SIRET as
//   text; a mandated-spend column, a company-size column, and a contract of December of the year before.
// G « Pôle Jeunesse.xlsx » — WPS Office (Kingsoft): shared strings each carrying
//   `<phoneticPr fontId="1" type="noConversion"/>` and the same element at sheet level (WPS's
//   East-Asian heritage), custom number formats numbered from 176 (WPS's first id, Excel's is 164),
//   dates under `yyyy/m/d` (the format WPS gives a date typed « 2025/1/13 ») and the system long date
//   `[$-F800]dddd, mmmm dd, yyyy`, amounts under an accounting format with `[$€-40C]`, yes/no columns
//   ticked with « ✓ » / « ✔ » from WPS's symbol menu and otherwise left empty, `calcPr calcId="144525"`,
//   a title merged across the header, default row height 13.5.

/** F's contracts: numero, objet, date (null: empty), montant, mandaté (null: empty), procédure, CS, CE, titulaire, SIRET, CP, catégorie. */
export const F_ROWS: [string, string, string | null, number, number | null, string, boolean, boolean, string, string | null, string, string | null][] = [
  ['CU-25-01', 'Spectacles de la saison culturelle', '2025-01-10', 80000, 62000, "Appel d'offres ouvert", false, false, 'Productions du Nord', '51234567800019', '59100', 'PME'],
  ['CU-25-02', 'Impression des programmes', '2025-02-05', 25000, 26500, 'MAPA', false, true, 'Imprimerie Lilloise', '44789123400026', '59000', 'TPE'],
  ['CU-25-03', 'Sonorisation des événements', '2025-03-12', 40000, null, 'MAPA', true, false, 'Son et Lumière', '38291045600013', '59100', 'PME'],
  ['CU-25-04', 'Gardiennage du musée', '2025-04-22', 60000, 55000, "Appel d'offres ouvert", true, false, 'Sécurité Plus', '77412369800045', '75008', 'GE'],
  ['CU-25-05', "Restauration d'œuvres", '2025-05-30', 30000, 12000, 'Procédure avec négociation', false, false, 'Atelier Patrimoine', '4478912340', '62000', 'TPE'],
  ['CU-25-06', "Transport d'expositions", '2025-06-18', 22000, 21000, 'MAPA', false, true, "Transports d'Art", '81234567100091', '59100', 'ETI'],
  ['CU-25-07', 'Billetterie en ligne', '2025-09-01', 15000, 4000, 'MAPA', false, false, 'Billetterie Web', '55678912300016', '69002', null],
  ['CU-24-12', 'Nettoyage des salles', '2024-12-15', 18000, 18000, 'MAPA', true, false, 'Net Services', null, '59170', 'PME'],
  ['CU-25-09', 'Médiation culturelle', null, 12000, null, 'MAPA', false, false, 'Médiation Plus', null, '59100', 'TPE'],
];
export const F_HEADER = [
  'Numéro de marché', 'Libellé', 'Date de notification', 'Montant HT', 'Mandaté', 'Procédure', 'Clause sociale', 'Clause environnementale',
  'Titulaire', 'SIRET', 'Code postal', "Catégorie d'entreprise",
];
export const FILE_F = 'Pôle Culture.xlsx';
export const SHEET_F = 'Extraction';
export const F_FIRST = 4;

export async function buildF(): Promise<Uint8Array> {
  const is = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(t)}</t></is></c>`;
  const rows: string[] = [
    `<row r="1">${is('A1', 'Extraction GF – marchés du Pôle Culture')}</row>`,
    `<row r="2">${is('A2', "Date d'extraction : 02/12/2025")}</row>`,
    `<row r="3">${F_HEADER.map((h, i) => is(`${col(i)}3`, h)).join('')}</row>`,
  ];
  F_ROWS.forEach(([numero, objet, date, montant, mandate, proc, cs, ce, tit, siret, cp, cat], i) => {
    const r = F_FIRST + i;
    const cells = [
      is(`A${r}`, numero), is(`B${r}`, objet),
      date ? `<c r="C${r}" s="1" t="n"><v>${serial(date)}</v></c>` : '',
      `<c r="D${r}" s="2" t="n"><v>${montant}</v></c>`,
      mandate !== null ? `<c r="E${r}" s="2" t="n"><v>${mandate}</v></c>` : '',
      is(`F${r}`, proc),
      `<c r="G${r}" t="b"><v>${cs ? 1 : 0}</v></c>`, `<c r="H${r}" t="b"><v>${ce ? 1 : 0}</v></c>`,
      is(`I${r}`, tit), siret ? is(`J${r}`, siret) : '', is(`K${r}`, cp), cat ? is(`L${r}`, cat) : '',
    ];
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const sheet = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0" tabSelected="true"/></sheetViews><sheetFormatPr defaultRowHeight="15.0"/><sheetData>${rows.join('')}</sheetData><pageMargins bottom="0.75" footer="0.3" header="0.3" left="0.7" right="0.7" top="0.75"/></worksheet>`;
  const styles = `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><fonts count="1"><font><sz val="11.0"/><color indexed="8"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="darkGray"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="true"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="true"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  return pack({ sheets: [{ name: SHEET_F, xml: sheet }], styles });
}

/** G's contracts: numero, objet, date, montant, CS, réservé, insertion, heures, structure, critère env., procédure, titulaire, commune. */
export const G_ROWS: [string, string, string, number, string | null, string | null, string | null, number | null, string, string | null, string, string, string][] = [
  ['J-25-01', 'Animation des accueils de loisirs', '2025-01-13', 95000, '✓', 'Non', null, 600, 'Autre', null, "Appel d'offres ouvert", 'Loisirs Animation', 'Roubaix'],
  ['J-25-02', 'Entretien des locaux jeunesse', '2025-02-03', 28000, null, 'ESAT', null, null, 'ESAT', '✓', 'MAPA', 'ESAT Les Ateliers', 'Wattrelos'],
  ['J-25-03', 'Chantier de rénovation du local jeunes', '2025-03-24', 45000, null, null, '✓', 1500, 'SIAE', null, 'MAPA', 'Chantier École Nord', 'Roubaix'],
  ['J-25-04', "Séjours sportifs d'été", '2025-04-07', 60000, null, 'Non', null, 80, 'Autre', null, 'Procédure avec négociation', 'Sport Vacances', 'Lille'],
  ['J-25-05', 'Fourniture de matériel sportif', '2025-05-19', 18000, '✓', 'Non', null, 200, 'Autre', '✓', 'MAPA', 'Sport Équipement', 'Tourcoing'],
  ['J-25-06', 'Transport des jeunes', '2025-06-02', 12000, null, 'SIAE', null, null, 'SIAE', null, 'MSPMC', 'Mobilité Solidaire', 'Roubaix'],
  ['J-25-07', 'Prestations photographiques', '2025-09-15', 6000, null, 'Oui', null, null, 'Autre', null, 'MAPA', 'Studio Photo', 'Lille'],
  ['J-25-08', 'Formation des animateurs BAFA', '2025-10-06', 9000, '✔', 'Non', null, null, 'ESS', null, 'MAPA', 'Formation Jeunesse', 'Croix'],
];
export const G_HEADER = [
  'N° marché', 'Objet', 'Date de notification', 'Montant HT', 'Clause sociale', 'Marché réservé', "Marché d'insertion",
  "Heures d'insertion réalisées", 'Type de structure', 'Critère environnemental', 'Procédure', 'Titulaire', 'Commune',
];
export const FILE_G = 'Pôle Jeunesse.xlsx';
export const SHEET_G = 'Suivi 2025';
export const G_FIRST = 3;

export async function buildG(): Promise<Uint8Array> {
  const list: string[] = [];
  let count = 0;
  const ref = (t: string): number => {
    count++;
    const i = list.indexOf(t);
    if (i >= 0) return i;
    list.push(t);
    return list.length - 1;
  };
  const s = (r: string, t: string, style = 0) => `<c r="${r}" s="${style}" t="s"><v>${ref(t)}</v></c>`;
  const rows: string[] = [
    `<row r="1" spans="1:13" ht="20.25" customHeight="1">${s('A1', 'PÔLE JEUNESSE - SUIVI DES MARCHÉS 2025', 1)}${G_HEADER.slice(1).map((_, i) => `<c r="${col(i + 1)}1" s="1"/>`).join('')}</row>`,
    `<row r="2" spans="1:13">${G_HEADER.map((h, i) => s(`${col(i)}2`, h, 2)).join('')}</row>`,
  ];
  G_ROWS.forEach(([numero, objet, date, montant, cs, res, ins, heures, struct, critEnv, proc, tit, commune], i) => {
    const r = G_FIRST + i;
    const longDate = numero === 'J-25-08';
    const cells = [
      s(`A${r}`, numero), s(`B${r}`, objet), `<c r="C${r}" s="${longDate ? 4 : 3}"><v>${serial(date)}</v></c>`, `<c r="D${r}" s="5"><v>${montant}</v></c>`,
      cs ? s(`E${r}`, cs) : `<c r="E${r}" s="0"/>`, res ? s(`F${r}`, res) : `<c r="F${r}" s="0"/>`, ins ? s(`G${r}`, ins) : `<c r="G${r}" s="0"/>`,
      heures !== null ? `<c r="H${r}"><v>${heures}</v></c>` : `<c r="H${r}" s="0"/>`, s(`I${r}`, struct),
      critEnv ? s(`J${r}`, critEnv) : `<c r="J${r}" s="0"/>`, s(`K${r}`, proc), s(`L${r}`, tit), s(`M${r}`, commune),
    ];
    rows.push(`<row r="${r}" spans="1:13">${cells.join('')}</row>`);
  });
  const last = G_FIRST + G_ROWS.length - 1;
  const sheet = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><sheetPr/><dimension ref="A1:M${last}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="0"/><sheetData>${rows.join('')}</sheetData><mergeCells count="1"><mergeCell ref="A1:M1"/></mergeCells><phoneticPr fontId="1" type="noConversion"/><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><headerFooter/></worksheet>`;
  const sst = `${DECL}<sst xmlns="${MAIN}" count="${count}" uniqueCount="${list.length}">${list.map((t) => `<si><t>${esc(t)}</t><phoneticPr fontId="1" type="noConversion"/></si>`).join('')}</sst>`;
  const styles = `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy/m/d"/><numFmt numFmtId="177" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/><numFmt numFmtId="178" formatCode="_-* #,##0.00\\ [$€-40C]_-;\\-* #,##0.00\\ [$€-40C]_-;_-* &quot;-&quot;??\\ [$€-40C]_-;_-@_-"/></numFmts><fonts count="3"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><charset val="134"/><scheme val="minor"/></font><font><sz val="9"/><name val="SimSun"/><charset val="134"/></font><font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><charset val="134"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="178" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  const zipBytes = await pack({
    sheets: [{ name: SHEET_G, xml: sheet }],
    styles,
    sst,
    workbookPr: '<workbookPr/>',
    definedNames: '<calcPr calcId="144525"/>',
  });
  return zipBytes;
}

/**
 * Blind acceptance « graphiques »: a buyer workbook in a house style nobody wrote the code for,
 * built with ExcelJS, to check the native Excel charts of `sortie.md` (« Charts … at least: »)
 * and `1.1.2-dataviz`.
 *
 * House style of the « Direction de la commande publique » of Roubaix, one sheet per year-round
 * follow-up, with the DGA (Pôle) in a column:
 * - sheet `Suivi marchés`: row 1 a title, row 2 empty, header on row 3, data from row 4, a totals
 *   row at the end; headers in the house's own words (« Réf. marché », « Intitulé », « DGA »,
 *   « Montant attribué (€) », « Réalisé », « Notifié le », « Clause insertion », « Critère DD »,
 *   « Achat innovant », « Attributaire », « CP titulaire », « Localité », « Pays », « Taille »,
 *   « Nombre de salariés »);
 * - sheet `Insertion – facilitateur`: the facilitator's report (a *Suivi insertion* companion);
 * - optionally (`withUserChart`) a chart of the user's own on `Suivi marchés` (injected as raw
 *   OOXML parts, ExcelJS cannot write charts), which the add-in must neither count nor lose.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { day, table } from './helpers';

export const REGISTER_SHEET = 'Suivi marchés';
export const INSERTION_SHEET = 'Insertion – facilitateur';

const HEADER = [
  'Réf. marché', 'Intitulé', 'DGA', 'Montant attribué (€)', 'Réalisé', 'Notifié le', 'Clause insertion',
  'Critère DD', 'Achat innovant', 'Attributaire', 'CP titulaire', 'Localité', 'Pays', 'Taille', 'Nombre de salariés',
] as const;

type Col = (typeof HEADER)[number];
type Row = Partial<Record<Col, ExcelJS.CellValue>>;

/** Sheet rows 4.. (row number in the comment). */
const ROWS: Row[] = [
  // r4
  { 'Réf. marché': 'ED-01', Intitulé: 'Restauration scolaire', DGA: 'Pôle Éducation', 'Montant attribué (€)': 120000, Réalisé: 100000, 'Notifié le': day('2025-02-03'), 'Clause insertion': 'Oui', 'Critère DD': 'Oui', 'Achat innovant': 'Non', Attributaire: 'Cuisines du Nord', 'CP titulaire': '59100', Localité: 'Roubaix', Taille: 'PME' },
  // r5
  { 'Réf. marché': 'ED-02', Intitulé: 'Transport scolaire', DGA: 'Pôle Éducation', 'Montant attribué (€)': 80000, Réalisé: 60000, 'Notifié le': day('2025-03-10'), 'Clause insertion': 'Non', 'Critère DD': 'Non', 'Achat innovant': 'Non', Attributaire: 'Autocars Verts', 'CP titulaire': '59650', Localité: "Villeneuve-d'Ascq", 'Nombre de salariés': 300 },
  // r6
  { 'Réf. marché': 'ED-03', Intitulé: 'Mobilier des écoles', DGA: 'EDUCATION', 'Montant attribué (€)': 40000, 'Notifié le': day('2025-04-15'), 'Clause insertion': 'Non', 'Critère DD': 'Oui', 'Achat innovant': 'Oui', Attributaire: 'Bois & Cie', 'CP titulaire': '62000', Localité: 'Arras', Taille: 'TPE' },
  // r7
  { 'Réf. marché': 'ED-04', Intitulé: 'Logiciel de gestion scolaire', DGA: 'Pôle Education', 'Montant attribué (€)': 30000, Réalisé: 30000, 'Notifié le': day('2025-05-20'), 'Clause insertion': 'Non', 'Critère DD': 'Non', 'Achat innovant': 'Oui', Attributaire: 'EduSoft SAS', 'CP titulaire': '75011', Localité: 'Paris', Pays: 'France', Taille: 'GE' },
  // r8
  { 'Réf. marché': 'RE-01', Intitulé: 'Fourniture de papier recyclé', DGA: 'Pôle Ressources', 'Montant attribué (€)': 15000, Réalisé: 12000, 'Notifié le': day('2025-01-15'), 'Clause insertion': 'Non', 'Critère DD': 'Non', 'Achat innovant': 'Non', Attributaire: 'Papeterie Lys', Localité: 'Marcq-en-Baroeul', 'Nombre de salariés': 8 },
  // r9
  { 'Réf. marché': 'RE-02', Intitulé: 'Maintenance informatique', DGA: 'Pôle Ressources', 'Montant attribué (€)': 50000, Réalisé: 45000, 'Notifié le': day('2025-06-01'), 'Clause insertion': 'Oui', 'Critère DD': 'Oui', 'Achat innovant': 'Non', Attributaire: 'Techno Services', 'CP titulaire': '59780', Taille: 'PME' },
  // r10
  { 'Réf. marché': 'CV-00', Intitulé: 'Assurance flotte automobile', DGA: 'Pôle Cadre de vie', 'Montant attribué (€)': 25000, Réalisé: 25000, 'Notifié le': day('2025-07-01'), 'Clause insertion': 'Non', 'Critère DD': 'Non', 'Achat innovant': 'Non', Attributaire: 'Assur Benelux', 'CP titulaire': '1000', Localité: 'Bruxelles', Pays: 'Belgique', Taille: 'GE' },
  // r11
  { 'Réf. marché': 'RE-04', Intitulé: 'Nettoyage des locaux', DGA: 'Pôle Ressources', 'Montant attribué (€)': 60000, Réalisé: 55000, 'Notifié le': day('2025-08-15'), 'Clause insertion': 'Oui', 'Critère DD': 'Non', 'Achat innovant': 'Non', Attributaire: "Net'Roubaix", 'CP titulaire': '59100', Localité: 'Roubaix Cedex 1', 'Nombre de salariés': 45 },
  // r12
  { 'Réf. marché': 'CV-01', Intitulé: 'Entretien des espaces verts', DGA: 'Pôle Cadre de vie', 'Montant attribué (€)': 90000, Réalisé: 70000, 'Notifié le': day('2025-03-01'), 'Clause insertion': 'Oui', 'Critère DD': 'Oui', 'Achat innovant': 'Non', Attributaire: 'Jardins de Flandre', Localité: 'Hazebrouck', Taille: 'PME' },
  // r13
  { 'Réf. marché': 'CV-02', Intitulé: 'Éclairage public', DGA: 'Pôle Cadre de vie', 'Montant attribué (€)': 200000, Réalisé: 150000, 'Notifié le': day('2025-09-10'), 'Clause insertion': 'Non', 'Critère DD': 'Oui', 'Achat innovant': 'Oui', Attributaire: 'Lumière Urbaine', 'CP titulaire': '59200', Localité: 'Tourcoing', Taille: 'ETI' },
  // r14
  { 'Réf. marché': 'CV-03', Intitulé: 'Voirie rue de Lannoy', DGA: 'Pôle Cadre de vie', 'Montant attribué (€)': 300000, Réalisé: 250000, 'Notifié le': day('2025-10-01'), 'Clause insertion': 'Oui', 'Critère DD': 'Oui', 'Achat innovant': 'Non', Attributaire: 'TP Roubaisiens', 'CP titulaire': '59100', Localité: 'Roubaix' },
  // r15
  { 'Réf. marché': 'CV-04', Intitulé: 'Mission de conseil', DGA: 'Pôle Cadre de vie', 'Montant attribué (€)': 10000, Réalisé: 8000, 'Notifié le': day('2025-11-05'), 'Clause insertion': 'Non', 'Critère DD': 'Non', 'Achat innovant': 'Non', Attributaire: 'Cuisines du Nord', 'CP titulaire': '59100', Localité: 'Roubaix', Taille: 'PME' },
  // r16 — no date: error date-manquante
  { 'Réf. marché': 'CV-05', Intitulé: 'Signalisation', DGA: 'Pôle Cadre de vie', 'Montant attribué (€)': 5000, 'Clause insertion': 'Oui', 'Critère DD': 'Oui', 'Achat innovant': 'Oui', Attributaire: 'Signaux Lillois', 'CP titulaire': '59000', Localité: 'Lille', Taille: 'TPE' },
  // r17 — same numero as r4 (case differs), 2025: error doublon
  { 'Réf. marché': 'ed-01', Intitulé: 'Restauration scolaire (avenant)', DGA: 'Pôle Éducation', 'Montant attribué (€)': 5000, Réalisé: 5000, 'Notifié le': day('2025-12-01'), 'Clause insertion': 'Oui', 'Critère DD': 'Oui', 'Achat innovant': 'Oui', Attributaire: 'Fournisseur Fantôme', 'CP titulaire': '59000', Localité: 'Lille', Taille: 'GE' },
  // r18 — N−1
  { 'Réf. marché': 'RE-24', Intitulé: 'Fournitures 2024', DGA: 'Pôle Ressources', 'Montant attribué (€)': 20000, Réalisé: 20000, 'Notifié le': day('2024-05-05'), 'Clause insertion': 'Oui', 'Critère DD': 'Non', 'Achat innovant': 'Non', Attributaire: 'Cuisines du Nord', 'CP titulaire': '59100', Localité: 'Roubaix', Taille: 'PME' },
  // r19 — N−1
  { 'Réf. marché': 'CV-24', Intitulé: 'Tonte 2024', DGA: 'Pôle Cadre de vie', 'Montant attribué (€)': 30000, 'Notifié le': day('2024-06-06'), 'Clause insertion': 'Non', 'Critère DD': 'Oui', 'Achat innovant': 'Non', Attributaire: 'Jardins de Flandre', Localité: 'Hazebrouck', Taille: 'PME' },
  // r20 — totals row (skipped silently)
  { Intitulé: 'Total', 'Montant attribué (€)': 1055000 },
];

const INSERTION_HEADER = ['N° de marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures réalisées', 'Date de début'] as const;

/** Sheet rows 2.. (s1..s8). */
const INSERTION: Record<string, ExcelJS.CellValue>[] = [
  { 'N° de marché': 'ED-01', Bénéficiaire: 'B001', Sexe: 'F', 'Commune de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDDI', 'Heures réalisées': 300, 'Date de début': day('2025-03-01') },
  { 'N° de marché': 'ED-01', Bénéficiaire: 'B002', Sexe: 'H', 'Commune de résidence': 'Tourcoing', QPV: 'Non', 'Type de contrat': 'Intérim', 'Heures réalisées': 150, 'Date de début': day('2025-04-01') },
  { 'N° de marché': 'RE-04', Bénéficiaire: 'B003', Sexe: 'F', 'Commune de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDD', 'Heures réalisées': 200, 'Date de début': day('2025-09-01') },
  { 'N° de marché': 'RE-04', Bénéficiaire: 'b001', Sexe: 'F', 'Commune de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDDI', 'Heures réalisées': 100, 'Date de début': day('2025-10-01') },
  { 'N° de marché': 'CV-03', Bénéficiaire: 'B004', Sexe: 'H', 'Commune de résidence': 'Wattrelos', QPV: 'Non', 'Type de contrat': 'Intérim', 'Heures réalisées': 400, 'Date de début': day('2025-11-01') },
  { 'N° de marché': 'CV-03', Bénéficiaire: 'B005', Sexe: 'F', 'Commune de résidence': 'Croix', QPV: 'Non', 'Type de contrat': 'Contrat de professionnalisation', 'Heures réalisées': 250, 'Date de début': day('2025-11-15') },
  { 'N° de marché': 'RE-24', Bénéficiaire: 'B006', Sexe: 'H', 'Commune de résidence': 'Roubaix', QPV: 'Oui', 'Type de contrat': 'CDI', 'Heures réalisées': 500, 'Date de début': day('2024-06-01') },
  { 'N° de marché': 'ZZ-99', Bénéficiaire: 'B007', Sexe: 'F', 'Commune de résidence': 'Lille', QPV: 'Non', 'Type de contrat': 'CDI', 'Heures réalisées': 80, 'Date de début': day('2025-05-01') },
];

/** The workbook's bytes; `withUserChart` adds a bar chart of the user's own on `Suivi marchés`. */
export async function buildGraphiquesWorkbook(opts: { withUserChart?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(REGISTER_SHEET);
  ws.getCell('A1').value = 'Ville de Roubaix — Direction de la commande publique — suivi des marchés des DGA';
  ws.getCell('A1').font = { bold: true, size: 14 };
  table(ws, 3, HEADER, ROWS as Record<string, ExcelJS.CellValue>[]);
  ws.getColumn(4).numFmt = '# ##0 €';
  ws.getColumn(5).numFmt = '# ##0 €';
  const ins = wb.addWorksheet(INSERTION_SHEET);
  table(ins, 1, INSERTION_HEADER, INSERTION);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return opts.withUserChart ? addUserChart(bytes) : bytes;
}

export const USER_CHART_TITLE = 'Montants attribués (mon graphique)';

/** Injects one drawing + one bar chart on the first sheet (xl/worksheets/sheet1.xml), as Excel would store them. */
async function addUserChart(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const sheetPath = 'xl/worksheets/sheet1.xml';
  const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  let sheet = await zip.file(sheetPath)!.async('string');
  if (sheet.includes('<drawing')) throw new Error('sheet1 already has a drawing');
  sheet = sheet.replace('</worksheet>', '<drawing r:id="rIdUserDrawing"/></worksheet>');
  if (!sheet.includes('xmlns:r=')) sheet = sheet.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  // <drawing> must come after pageMargins/pageSetup/headerFooter… and before legacyDrawing/tableParts/extLst.
  const m = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(sheet);
  if (m) {
    sheet = sheet.replace('<drawing r:id="rIdUserDrawing"/></worksheet>', '</worksheet>');
    sheet = sheet.slice(0, m.index) + '<drawing r:id="rIdUserDrawing"/>' + sheet.slice(m.index);
  }
  zip.file(sheetPath, sheet);
  const rel = '<Relationship Id="rIdUserDrawing" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>';
  const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async('string') : null;
  zip.file(relsPath, existing
    ? existing.replace('</Relationships>', `${rel}</Relationships>`)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`);
  zip.file('xl/drawings/drawing1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><xdr:twoCellAnchor><xdr:from><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>24</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Graphique utilisateur"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`);
  zip.file('xl/drawings/_rels/drawing1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`);
  zip.file('xl/charts/chart1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${USER_CHART_TITLE}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'${REGISTER_SHEET}'!$A$4:$A$6</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'${REGISTER_SHEET}'!$D$4:$D$6</c:f></c:numRef></c:val></c:ser><c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  types = types.replace('</Types>',
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>');
  zip.file('[Content_Types].xml', types);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export const SPORT_SHEET = 'Marchés 2025';

/**
 * A smaller house: « Pôle Sport.xlsx » (no Pôle column: the file name is the Pôle), no supplier name,
 * no size column, a *Suivi insertion* sheet that follows no contract of 2025.
 *   r2 S-01 Entretien du gymnase   10 000  01/02/2025  clause sociale Oui  CP 59100 (typed as a number)
 *   r3 S-02 Matériel sportif       30 000  01/03/2025  Non                 CP 75012
 *   r4 S-03 Navettes               20 000  01/04/2025  Non                 CP empty
 *   Insertion: X-99 (no contract) B1 F CDI 35 h.
 */
export async function buildSportWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SPORT_SHEET);
  const header = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale', 'Code postal'];
  table(ws, 1, header, [
    { 'N° marché': 'S-01', Objet: 'Entretien du gymnase', 'Montant HT': 10000, 'Date de notification': day('2025-02-01'), 'Clause sociale': 'Oui', 'Code postal': 59100 },
    { 'N° marché': 'S-02', Objet: 'Matériel sportif', 'Montant HT': 30000, 'Date de notification': day('2025-03-01'), 'Clause sociale': 'Non', 'Code postal': 75012 },
    { 'N° marché': 'S-03', Objet: 'Navettes', 'Montant HT': 20000, 'Date de notification': day('2025-04-01'), 'Clause sociale': 'Non' },
  ]);
  const ins = wb.addWorksheet('Insertion');
  table(ins, 1, ['N° de marché', 'Bénéficiaire', 'Sexe', 'Type de contrat', 'Heures réalisées'], [
    { 'N° de marché': 'X-99', Bénéficiaire: 'B1', Sexe: 'F', 'Type de contrat': 'CDI', 'Heures réalisées': 35 },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cells of a workbook's sheets as seeds of the Excel double: dates as serials under a date format. */
export async function seedsOf(bytes: Buffer): Promise<{ name: string; cells: ({ v: string | number; nf?: string } | null)[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: ({ v: string | number; nf?: string } | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const line: ({ v: string | number; nf?: string } | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = ws.getRow(r).getCell(c).value;
        if (v instanceof Date) line.push({ v: (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000, nf: 'dd/mm/yyyy' });
        else if (typeof v === 'number' || typeof v === 'string') line.push({ v });
        else line.push(null);
      }
      cells.push(line);
    }
    return { name: ws.name, cells };
  });
}

/**
 * Blind acceptance `securite`: hostile but plausible buyer workbooks, built with ExcelJS and
 * JSZip, for the data-safety contract (sortie.md « Never touch the user's data », README
 * « En ligne de commande » and « Choix faits »). Nothing here is copied from the program.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { day } from './helpers';

/** 31 characters (Excel's maximum), with an apostrophe and a comma. */
export const REGISTER_SHEET = "Suivi des marchés, de l'an 2025";

/** Excel's maximum cell length. */
export const MAX_CELL = 32_767;
export const LONG_COMMENT = 'Observation : ' + 'z'.repeat(MAX_CELL - 'Observation : '.length);

/** The register's header, on sheet row 3 (row 1 is a merged title, row 2 is empty). */
export const HEADER = [
  'N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Commune', 'Code postal',
  'Code CPV', 'SIRET', 'Clause sociale', 'Commentaires',
] as const;
export const HEADER_ROW = 3;

type Cell = ExcelJS.CellValue;

/**
 * Register rows (sheet rows 4–9). Texts starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return are TEXT in the source (ExcelJS writes a string value as a shared string, never a formula).
 */
export const ROWS: readonly (readonly Cell[])[] = [
  // row 4
  ['2025-001', '=SOMME(C4:C9)', 1000, day('2025-02-03'), 'Nettoyage Nord SARL', 'Roubaix', '59100', '90910000', null, 'Oui', null],
  // row 5: the amount is a real formula of the user (cached result 2000); CPV invalid → warning
  ['2025-002', '+33 3 20 00 00 00 standard téléphonique', { formula: '1000*2', result: 2000 }, day('2025-03-10'),
    '=HYPERLINK("http://exemple.invalid";"clic")', '-Croix', '59170', '+33-1', null, 'Non', '-remise 5 %'],
  // row 6: SIRET "=1+2" → siret-invalide warning
  ['@2025-003', '@Entretien des espaces verts', 3000, day('2025-04-15'), '+Plus Services', 'Lille', '59000', null, '=1+2', 'Oui',
    '\tTabulation en tête'],
  // row 7: leading tab / carriage return, 32,767-character comment
  ['2025-004', '\tMaintenance des ascenseurs', 4000, day('2025-05-20'), '\rRetour Chariot SA', 'Paris', '75001', null, null, null,
    LONG_COMMENT],
  // row 8: the date is the TEXT "=DATE(2025;6;1)" → unreadable date → error
  ['2025-005', '-Location de bennes', 5000, '=DATE(2025;6;1)', 'Bennes & Co', 'Tourcoing', '59200', null, null, 'Oui', null],
  // row 9
  ['2025-006', 'Fournitures de bureau', 6000, day('2025-09-01'), 'Papeterie Roubaisienne', 'Roubaix', '59100', null, null, 'Non',
    '="injection"&A1'],
];

/** 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export interface HostileOptions {
  /** Adds a user sheet with this name (e.g. `spaser registre`, `SPASER Registre`) holding user notes. */
  readonly clashingSheet?: string;
}

/**
 * The buyer's workbook: the register sheet (merged title, comments, data validation, a real
 * formula, an image), a user sheet `SPASER Notes` that looks like a register (never a source,
 * never deleted), a protected sheet with a defined name, a hidden list sheet, a very hidden
 * calculation sheet, plus sheet-scoped defined names added in the raw XML.
 */
export async function hostileWorkbook(options: HostileOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Direction de la commande publique';

  const reg = wb.addWorksheet(REGISTER_SHEET);
  reg.getCell('A1').value = "Suivi des marchés 2025 — Direction de l'achat";
  reg.getCell('A1').font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };
  reg.mergeCells('A1:K1');
  HEADER.forEach((h, i) => {
    const c = reg.getRow(HEADER_ROW).getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  ROWS.forEach((values, i) => {
    const row = reg.getRow(HEADER_ROW + 1 + i);
    values.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      if (c === 2) cell.numFmt = '#,##0.00 "€"';
    });
  });
  reg.getCell('B4').note = 'Libellé saisi tel quel par le service';
  reg.getCell('J5').note = { texts: [{ text: '=NE PAS TOUCHER' }] };
  for (let r = HEADER_ROW + 1; r <= HEADER_ROW + ROWS.length; r++) {
    reg.getCell(`J${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['Listes!$A$1:$A$2'] };
  }
  reg.getColumn(2).width = 40;
  reg.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  reg.addImage(img, 'M2:N4');

  // A user sheet whose name starts with "SPASER " and that looks like a register.
  const notes = wb.addWorksheet('SPASER Notes');
  notes.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification']);
  notes.addRow(['2025-999', 'Note personnelle, pas un marché', 99999, day('2025-06-01')]);
  notes.getCell('D2').numFmt = 'dd/mm/yyyy';

  const params = wb.addWorksheet('Paramètres');
  params.getCell('A1').value = 'Taux de TVA';
  params.getCell('B1').value = 0.2;
  params.getCell('B1').numFmt = '0%';
  params.getCell('A2').value = 'Total notifié';
  params.getCell('B2').value = { formula: `SUM('${REGISTER_SHEET.replace(/'/g, "''")}'!C4:C9)`, result: 21000 };
  params.getCell('A3').value = '@Contact';
  await params.protect('roubaix', { selectLockedCells: true });
  wb.definedNames.add("'Paramètres'!$B$1", 'TauxTVA');
  wb.definedNames.add(`'${REGISTER_SHEET.replace(/'/g, "''")}'!$A$3:$K$9`, 'Registre_2025');

  const lists = wb.addWorksheet('Listes', { state: 'hidden' });
  lists.getCell('A1').value = 'Oui';
  lists.getCell('A2').value = 'Non';

  const calc = wb.addWorksheet('Calculs', { state: 'veryHidden' });
  calc.getCell('A1').value = { formula: 'TauxTVA*100', result: 20 };
  calc.getCell('A2').value = '-interne';

  if (options.clashingSheet) {
    const clash = wb.addWorksheet(options.clashingSheet);
    clash.getCell('A1').value = 'Mes propres notes, écrites à la main';
    clash.getCell('A2').value = 42;
  }

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return addLocalNames(bytes);
}

/** Adds sheet-scoped defined names (ExcelJS cannot write them) to workbook.xml. */
async function addLocalNames(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const local =
    `<definedName name="Zone_Params" localSheetId="2">'Paramètres'!$A$1:$B$3</definedName>` +
    `<definedName name="_xlnm.Print_Area" localSheetId="0">'${REGISTER_SHEET.replace(/'/g, "''")}'!$A$1:$K$9</definedName>`;
  const out = wbXml.includes('</definedNames>')
    ? wbXml.replace('</definedNames>', `${local}</definedNames>`)
    : wbXml.replace('</sheets>', `</sheets><definedNames>${local}</definedNames>`);
  if (out === wbXml) throw new Error('defined names not added');
  zip.file('xl/workbook.xml', out);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A second Pôle's small register (for the consolidation run): one hostile row. */
export async function secondPole(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Clause sociale']);
  ws.addRow(['B-2025-01', '=1+1', 500, day('2025-07-01'), '@Traiteur du Nord', 'Non']);
  ws.getCell('D2').numFmt = 'dd/mm/yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid workbook without any register (a budget table). */
export async function noRegister(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budget');
  ws.addRow(['Chapitre', 'Crédits ouverts', 'Réalisé']);
  ws.addRow(['011', 120000, 80000]);
  ws.addRow(['012', 500000, 490000]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook with one empty sheet. */
export async function emptyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Feuil1');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip archive that holds no workbook part. */
export async function zipWithoutWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('lisez-moi.txt', 'Export du logiciel de marchés');
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer' }));
}

/** A CSV export, as a buyer might rename it `.xlsx`. */
export const CSV = 'N° de marché;Objet;Montant HT;Date de notification\n2025-001;Nettoyage;1000;03/02/2025\n';

/** Fixtures made once with LibreOffice 7.4 (.xls, .ods) and officecrypto-tool (password "roubaix"). */
export const FIXTURES = path.join(__dirname, 'fixtures', 'blind-securite');
export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

/** Marker replaced, in the raw shared strings, by Excel's escape of a vertical tab (a Word soft line break pasted into a cell). */
const VT_MARKER = '§VT§';
export const VT_OBJET_SOURCE = `Entretien${VT_MARKER}ménager`;

/**
 * A second house style (file « +Pôle Nord.xlsx »): a `Pôle` column whose values start with `=`,
 * `-`, `@`; objets given as rich text, as formulas whose cached result is text (one starting with
 * `=`), and with a vertical tab stored as `_x000B_`; a numero `00123` typed as text; a
 * *Saisies manuelles* sheet whose `Source` looks like a formula.
 *
 * | row | numero | objet                                   | montant | date       | Pôle              | clause |
 * | 2   | 00123  | rich text « =1+1 »                      | 100     | 10/01/2025 | =Pôle Sport       | Oui    |
 * | 3   | N-002  | formula ="="&"2+2" → text « =2+2 »      | 200     | 11/02/2025 | -Pôle Ressources  | Non    |
 * | 4   | N-003  | formula ="Nettoyage "&"vitres" → text   | 300     | 12/03/2025 | @Culture          | Oui    |
 * | 5   | N-004  | « Entretien⇣ménager » (vertical tab)    | 400     | 13/04/2025 | =Pôle Sport       | Non    |
 */
export async function hostilePoles(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Clause sociale']);
  ws.addRow(['00123', { richText: [{ text: '=1+1', font: { bold: true } }] }, 100, day('2025-01-10'), '=Pôle Sport', 'Oui']);
  ws.addRow(['N-002', { formula: '"="&"2+2"', result: '=2+2' }, 200, day('2025-02-11'), '-Pôle Ressources', 'Non']);
  ws.addRow(['N-003', { formula: '"Nettoyage "&"vitres"', result: 'Nettoyage vitres' }, 300, day('2025-03-12'), '@Culture', 'Oui']);
  ws.addRow(['N-004', VT_OBJET_SOURCE, 400, day('2025-04-13'), '=Pôle Sport', 'Non']);
  for (let r = 2; r <= 5; r++) ws.getCell(`D${r}`).numFmt = 'dd/mm/yyyy';
  const manual = wb.addWorksheet('Saisies manuelles');
  manual.addRow(['Indicateur', 'Année', 'Valeur', 'Source']);
  manual.addRow(['3.2.1-fournitures-evitees', 2025, 12.5, '=HYPERLINK("http://exemple.invalid";"source")']);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const ss = await zip.file('xl/sharedStrings.xml')!.async('string');
  if (!ss.includes(VT_MARKER)) throw new Error('marker not in shared strings');
  zip.file('xl/sharedStrings.xml', ss.replace(VT_MARKER, '_x000B_'));
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

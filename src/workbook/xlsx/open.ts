/**
 * Opening an `.xlsx` from bytes (browser and Node alike), with a French
 * reason for every file that cannot be read.
 */
import ExcelJS from 'exceljs';
import { UnreadableWorkbookError } from '../port';
import { literalPercentFormats } from './misread-cells';
import { ascii, indexOfBytes } from './bytes';
import { Package, resolveTarget, sheetEntries, workbookPart } from './package';
import { excelJsWouldMisread, readableCopy } from './reading-copy';
import { decodeRange, type MergeRange } from './read-grid';
import { withoutMergeCells } from './merge-list';
import { EMPTY_CELLS_MIN_PART_BYTES, withoutEmptyCells } from './empty-cells';
import { XlsxWorkbook } from './workbook';

export const REASON_NOT_XLSX =
  "ce n'est pas un classeur .xlsx (enregistrez-le au format « Classeur Excel (.xlsx) »)";
const REASON_OLD_XLS =
  'ancien format .xls : ouvrez-le dans Excel et enregistrez-le au format « Classeur Excel (.xlsx) », puis réessayez';
const REASON_ENCRYPTED =
  'classeur protégé par mot de passe : enregistrez-le sans mot de passe puis réessayez';
export const REASON_CORRUPT = 'archive endommagée (le fichier est incomplet ou abîmé)';
export const REASON_EMPTY = 'fichier vide';
const REASON_NO_SHEET = "le classeur ne contient aucune feuille : ouvrez-le dans Excel, vérifiez qu'il contient le suivi des marchés et enregistrez-le, puis réessayez";
export const REASON_XLSB =
  'classeur binaire .xlsb : ouvrez-le dans Excel et enregistrez-le au format « Classeur Excel (.xlsx) », puis réessayez';

export const REASON_ODS =
  'classeur OpenDocument (.ods) : ouvrez-le dans LibreOffice Calc ou Excel et enregistrez-le au format « Classeur Excel (.xlsx) », puis réessayez';

/** Numbers exports workbooks (Fichier › Exporter vers › Excel) and has no « save as » .xlsx: said so. */
export const REASON_NUMBERS =
  'document Apple Numbers (.numbers) : dans Numbers, choisissez Fichier › Exporter vers › Excel… et donnez le classeur .xlsx exporté, puis réessayez';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Whether a UTF-16LE name occurs in the bytes (CFB directory entries store names so). */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[2 * i] = name.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    if (bytes[i] !== pattern[0]) continue;
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Why an OLE compound file is not readable: an encrypted .xlsx or an old .xls. */
function oleReason(bytes: Uint8Array): string {
  // An .xlsx saved with a password is an OLE container holding `EncryptionInfo` and `EncryptedPackage`.
  if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) return REASON_ENCRYPTED;
  return REASON_OLD_XLS;
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return indexOfBytes(bytes, ascii(text)) !== -1;
}

/** Why a zip that ExcelJS could not read is not a workbook (entry names are stored in clear). */
function zipReason(bytes: Uint8Array, name: string): string {
  if (containsAscii(bytes, 'xl/workbook.bin') || /\.xlsb$/i.test(name)) return REASON_XLSB;
  // OpenDocument stores its `mimetype` entry first and uncompressed: its text is in clear.
  if (containsAscii(bytes.subarray(0, 200), 'application/vnd.oasis.opendocument.spreadsheet')) return REASON_ODS;
  if (containsAscii(bytes, 'xl/workbook.xml')) return REASON_CORRUPT;
  // A Numbers package holds `Index/*.iwa` streams (or, in older single-file packages, `Index.zip`).
  if (/\.numbers$/i.test(name) || containsAscii(bytes, 'Index/Document.iwa') || containsAscii(bytes, 'Index.zip')) return REASON_NUMBERS;
  // A complete zip ends with its central directory ("PK\5\6" in the last 64 KiB + 22 bytes).
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_557));
  return containsAscii(tail, 'PK\u0005\u0006') ? REASON_NOT_XLSX : REASON_CORRUPT;
}

/** No table style, no banding: what a table without `tableStyleInfo` shows. */
const NO_TABLE_STYLE = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };

/**
 * Repairs what ExcelJS 4.4 misreads in tables saved by Excel or LibreOffice, so that the
 * user's tables are written back unchanged:
 * - `headerRowCount` omitted (Excel's default, 1) is read as "no header row";
 * - `hiddenButton` omitted (default: button shown) is read as "button hidden";
 * - `tableStyleInfo` omitted (as LibreOffice saves tables) is read as a null
 *   style, on which ExcelJS's writer fails: given the style that means "none".
 */
function repairLoadedTables(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as { table?: Record<string, unknown> }[]) {
      const model = t.table as
        | {
            tableRef?: string;
            headerRow?: boolean;
            autoFilterRef?: string;
            columns?: { name?: string; filterButton?: boolean }[];
            style?: Record<string, unknown> | null;
          }
        | undefined;
      if (!model) continue;
      model.style ??= { ...NO_TABLE_STYLE };
      if (!model.tableRef || !model.columns) continue;
      if (model.headerRow === false) {
        const range = decodeRange(model.tableRef);
        if (range) {
          const row = ws.getRow(range.top);
          // The header row is there when its cells hold the column names.
          const matches = model.columns.every((c, j) => {
            const v = row.getCell(range.left + j).value;
            const text = typeof v === 'string' || typeof v === 'number' ? String(v) : null;
            return text !== null && text === c.name;
          });
          if (matches || model.autoFilterRef) model.headerRow = true;
        }
      }
      if (model.autoFilterRef) {
        for (const c of model.columns) if (c.filterButton !== true) c.filterButton = true;
      }
    }
  }
}

/**
 * A file without a theme part is read with an empty list of themes, from which
 * ExcelJS's writer writes no theme while still naming `xl/theme/theme1.xml` in the
 * content types and the workbook's relationships (a package Excel reports as
 * damaged): such a workbook is given ExcelJS's default theme, as a new one has.
 */
function repairMissingTheme(wb: ExcelJS.Workbook): void {
  const book = wb as unknown as { _themes?: Record<string, string> };
  if (book._themes !== undefined && Object.keys(book._themes).length === 0) book._themes = undefined;
}

/** Parts under this size hold too few merged areas to slow ExcelJS (1 000 take ~30 KiB). */
const MERGES_MIN_PART_BYTES = 32 * 1024;

/**
 * What ExcelJS reads of the package: its large worksheets stripped of their empty cells
 * (`empty-cells.ts`) and of their merged areas when they have many (`merge-list.ts`, given
 * back by sheet name); null bytes when nothing changes. `pkg` is changed: it serves nothing
 * else after.
 */
async function lightenedForExcelJs(pkg: Package): Promise<{ bytes: Uint8Array | null; merges: Map<string, MergeRange[]> }> {
  const merges = new Map<string, MergeRange[]>();
  let sheets: { name: string; part: string }[];
  try {
    const wbPart = await workbookPart(pkg);
    const entries = sheetEntries(await pkg.text(wbPart), await pkg.rels(wbPart));
    sheets = entries.flatMap((e) => {
      const part = e.rel && !e.rel.external ? pkg.name(resolveTarget(wbPart, e.rel.target)) : undefined;
      return part === undefined ? [] : [{ name: e.name, part }];
    });
  } catch {
    return { bytes: null, merges };
  }
  let changed = false;
  for (const { name, part } of sheets) {
    const entry = pkg.zip.file(part) as unknown as { _data?: { uncompressedSize?: number } } | null;
    const size = entry?._data?.uncompressedSize ?? 0;
    if (size < MERGES_MIN_PART_BYTES) continue;
    let xml = await pkg.zip.file(part)!.async('uint8array');
    let lighter = false;
    const apart = withoutMergeCells(xml);
    if (apart !== null) {
      xml = apart.xml;
      merges.set(name, apart.merges);
      lighter = true;
    }
    const stripped = size >= EMPTY_CELLS_MIN_PART_BYTES ? withoutEmptyCells(xml) : null;
    if (stripped !== null) {
      xml = stripped;
      lighter = true;
    }
    if (!lighter) continue;
    pkg.put(part, xml);
    changed = true;
  }
  return { bytes: changed ? await pkg.zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : null, merges };
}

async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook | null> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's own typing wants a Node Buffer; at run time JSZip takes any byte array.
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    return wb;
  } catch {
    return null;
  }
}

/** Opens an `.xlsx` held in memory; `name` is used in messages and sources. */
export async function openXlsx(data: ArrayBuffer | Uint8Array, name: string): Promise<XlsxWorkbook> {
  const bytes = toBytes(data);
  if (bytes.length === 0) throw new UnreadableWorkbookError(name, REASON_EMPTY);
  if (startsWith(bytes, OLE_MAGIC)) throw new UnreadableWorkbookError(name, oleReason(bytes));
  // Every zip starts with a local file header "PK\3\4" (or "PK\5\6" when empty).
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))) {
    throw new UnreadableWorkbookError(name, REASON_NOT_XLSX);
  }
  // A part ExcelJS does not find under its name would be left out (a worksheet) or misread
  // (shared texts) without a word.
  const pkg = await Package.load(bytes).catch(() => null);
  const misread = pkg !== null && (await excelJsWouldMisread(pkg));
  // What ExcelJS reads: the file, or a copy of it lightened of what slows ExcelJS down or exhausts its memory.
  const lightened = pkg === null ? { bytes: null, merges: new Map<string, MergeRange[]>() } : await lightenedForExcelJs(pkg);
  const forExcelJs = lightened.bytes ?? bytes;
  let wb = misread ? null : await loadWithExcelJs(forExcelJs);
  if (wb === null || wb.worksheets.length === 0) {
    // A valid file ExcelJS cannot read as it is (`reading-copy.ts`): it reads a copy in its own form.
    const copy = await readableCopy(forExcelJs);
    const again = copy && (await loadWithExcelJs(copy));
    if (again && again.worksheets.length > 0) wb = again;
    else if (misread) wb = await loadWithExcelJs(forExcelJs);
  }
  if (wb === null) throw new UnreadableWorkbookError(name, zipReason(bytes, name));
  if (wb.worksheets.length === 0) {
    // A workbook part read whole but listing no sheet is not a damaged archive.
    const reason = zipReason(bytes, name);
    throw new UnreadableWorkbookError(name, reason === REASON_CORRUPT && containsAscii(bytes, 'xl/workbook.xml') ? REASON_NO_SHEET : reason);
  }
  repairLoadedTables(wb);
  repairMissingTheme(wb);
  return new XlsxWorkbook(name, wb, bytes, pkg === null ? undefined : await literalPercentFormats(pkg), lightened.merges);
}

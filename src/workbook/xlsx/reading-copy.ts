/**
 * A copy of a valid package in the form ExcelJS 4.4 reads, for reading only: the
 * file itself is kept as it is (`splice.ts` works on its own bytes). Exports of
 * business applications (Open XML SDK, System.IO.Packaging, report generators)
 * write what the format allows and ExcelJS does not read:
 * - SpreadsheetML under a prefix (`namespaces.ts`);
 * - a worksheet part not named `xl/worksheets/sheet<n>.xml` (`/xl/worksheets/sheet.xml`):
 *   ExcelJS skips such a sheet without a word;
 * - rows without `r` (a row then follows the previous one) and cells without `r`
 *   (a cell then follows the previous one in its row): ExcelJS fails on them;
 * - a part stored under another case (`xl/SharedStrings.xml`; part names ignore case) or,
 *   for the shared texts and styles, another name: ExcelJS looks for one exact name, and
 *   then reads each shared text as its index;
 * - an Excel table, notes or their drawing not stored as `xl/tables/table<n>.xml`,
 *   `xl/comments<n>.xml`, `xl/drawings/vmlDrawing<n>.vml`, or targeted otherwise than
 *   relatively (`/xl/tables/table1.xml`): ExcelJS fails on the sheet;
 * - a workbook part stored elsewhere than `xl/workbook.xml` (`xl/book.xml`): ExcelJS reads no sheet.
 */
import JSZip from 'jszip';
import { unprefixed } from './namespaces';
import {
  attributes,
  CONTENT_TYPES,
  OFFICE_DOCUMENT,
  Package,
  parseRels,
  relativeTarget,
  relsPathOf,
  relsXml,
  resolveTarget,
  SHARED_STRINGS,
  STYLES,
  TABLE,
  unescapeXml,
  utf8,
  workbookPart,
  WORKSHEET,
} from './package';

/** The only worksheet part names ExcelJS reads. */
const EXCELJS_SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/** Worksheet parts of the workbook that ExcelJS would skip, with the name they get in the copy. */
async function renamedWorksheets(pkg: Package): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let wbPart: string;
  try {
    wbPart = await workbookPart(pkg);
  } catch {
    return out;
  }
  // ExcelJS finds sheets relative to `xl/` only: another workbook part is not read anyway.
  if (wbPart !== 'xl/workbook.xml') return out;
  const taken = new Set(pkg.partNames().map((n) => n.toLowerCase()));
  for (const rel of await pkg.rels(wbPart)) {
    if (rel.external || !WORKSHEET.test(rel.type)) continue;
    const part = pkg.name(resolveTarget(wbPart, rel.target));
    if (part === undefined || EXCELJS_SHEET.test(part) || out.has(part)) continue;
    let n = 1;
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const name = `xl/worksheets/sheet${n}.xml`;
    taken.add(name);
    out.set(part, name);
  }
  return out;
}

/** Parts ExcelJS looks up by this exact name, whatever the relationships say. */
const EXCELJS_FIXED_PARTS = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
/** Parts of the workbook ExcelJS reads under one name only, wherever its relationships put them. */
const EXCELJS_WORKBOOK_PARTS = [
  { type: SHARED_STRINGS, name: 'xl/sharedStrings.xml' },
  { type: STYLES, name: 'xl/styles.xml' },
];

/** Those parts stored under another name (or case), with the name ExcelJS looks for. */
async function renamedFixedParts(pkg: Package): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const rename = (stored: string | undefined, name: string) => {
    if (stored !== undefined && stored !== name && pkg.zip.file(name) === null) out.set(stored, name);
  };
  for (const part of EXCELJS_FIXED_PARTS) rename(pkg.name(part), part);
  let wbPart: string;
  try {
    wbPart = await workbookPart(pkg);
  } catch {
    return out;
  }
  if (wbPart.toLowerCase() !== 'xl/workbook.xml') return out;
  for (const rel of await pkg.rels(wbPart)) {
    const kind = rel.external ? undefined : EXCELJS_WORKBOOK_PARTS.find((k) => k.type.test(rel.type));
    if (kind !== undefined) rename(pkg.name(resolveTarget(wbPart, rel.target)), kind.name);
  }
  return out;
}

/**
 * The workbook part with a 1904 date system spelled `1`, or null when it needs no change.
 * The attribute is a boolean of XML Schema, `1` or `true` (Excel for Mac writes `true`);
 * ExcelJS takes only `1`, and read such a workbook's dates four years and a day early.
 */
export function withDate1904AsOne(xml: string): string | null {
  const pr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(xml);
  const attr = pr === null ? null : /(\sdate1904\s*=\s*)("[^"]*"|'[^']*')/.exec(pr[0]);
  if (pr === null || attr === null) return null;
  const value = attr[2].slice(1, -1).trim().toLowerCase();
  if (attr[2] === '"1"' || (value !== '1' && value !== 'true')) return null;
  const fixed = pr[0].replace(attr[0], `${attr[1]}"1"`);
  return xml.slice(0, pr.index) + fixed + xml.slice(pr.index + pr[0].length);
}

/** Where ExcelJS reads the workbook part, whatever the package's relationships say. */
const EXCELJS_WORKBOOK = 'xl/workbook.xml';

/** The workbook part as stored when it is not where ExcelJS reads it (another case aside), else null. */
async function workbookElsewhere(pkg: Package): Promise<string | null> {
  let part: string;
  try {
    part = await workbookPart(pkg);
  } catch {
    return null;
  }
  const stored = pkg.name(part);
  return stored === undefined || stored.toLowerCase() === EXCELJS_WORKBOOK || pkg.has(EXCELJS_WORKBOOK) ? null : stored;
}

/**
 * Moves a workbook part stored elsewhere (`xl/book.xml`, which the format allows) to
 * `xl/workbook.xml`, with its relationships (targets resolved from where it was), the
 * package's relationship to it and its content type. Returns whether it moved.
 */
async function movedWorkbookPart(zip: JSZip): Promise<boolean> {
  const pkg = new Package(zip);
  const from = await workbookElsewhere(pkg);
  if (from === null) return false;
  const to = EXCELJS_WORKBOOK;
  await movePart(pkg, from, to);
  const root = await pkg.rels('');
  pkg.put('_rels/.rels', relsXml(root.map((r) => (!r.external && OFFICE_DOCUMENT.test(r.type) ? { ...r, target: to } : r))));
  if (pkg.has(CONTENT_TYPES)) pkg.put(CONTENT_TYPES, withPartRenamed(await pkg.text(CONTENT_TYPES), from, to));
  return true;
}

/** Moves a part with its own relationships, their targets resolved from where it was. */
async function movePart(pkg: Package, from: string, to: string): Promise<void> {
  const rels = await pkg.rels(from);
  const content = await pkg.zip.file(pkg.name(from) ?? from)!.async('uint8array');
  pkg.remove(relsPathOf(from));
  pkg.remove(from);
  pkg.put(to, content);
  if (rels.length > 0) {
    pkg.put(relsPathOf(to), relsXml(rels.map((r) => (r.external ? r : { ...r, target: relativeTarget(to, resolveTarget(from, r.target)) }))));
  }
}

/** Content types with the `PartName` of `from` (any case, with or without its slash) made `/to`. */
function withPartRenamed(types: string, from: string, to: string): string {
  return types.replace(/(PartName\s*=\s*["'])\/?([^"']*)(["'])/g, (m, open: string, name: string, close: string) =>
    unescapeXml(name).toLowerCase() === from.toLowerCase() ? `${open}/${to}${close}` : m,
  );
}

/** Whether ExcelJS would skip or misread a part of the package (then it must read a copy). */
export async function excelJsWouldMisread(pkg: Package): Promise<boolean> {
  try {
    if ((await workbookElsewhere(pkg)) !== null) return true;
    if ((await renamedFixedParts(pkg)).size > 0 || (await renamedWorksheets(pkg)).size > 0) return true;
    return withDate1904AsOne(await pkg.text(await workbookPart(pkg))) !== null;
  } catch {
    return false;
  }
}

/**
 * Parts ExcelJS finds from a worksheet only under these names and by this very target
 * (`../tables/table1.xml`); any other name, or an absolute target, and it fails on the sheet.
 */
const SHEET_PARTS = [
  { type: TABLE, name: /^xl\/tables\/table\d+\.xml$/, folder: 'xl/tables/', base: 'table', ext: '.xml' },
  { type: /\/comments$/, name: /^xl\/comments\d+\.xml$/, folder: 'xl/', base: 'comments', ext: '.xml' },
  { type: /\/vmlDrawing$/, name: /^xl\/drawings\/vmlDrawing\d+\.vml$/, folder: 'xl/drawings/', base: 'vmlDrawing', ext: '.vml' },
];

/** A relationships part with the targets of some relationships (by id) replaced. */
function withTargets(xml: string, targets: ReadonlyMap<string, string>): string {
  return xml.replace(/<((?:[\w.-]+:)?Relationship)\b([^>]*?)(\/?)>/g, (whole, tag: string, attrs: string, close: string) => {
    const to = targets.get(parseRels(whole)[0].id);
    return to === undefined ? whole : `<${tag}${attrs.replace(/\bTarget\s*=\s*("[^"]*"|'[^']*')/, `Target="${to}"`)}${close}>`;
  });
}

/**
 * Gives the relationships of each worksheet, and its tables, notes and note drawings, the
 * part name and target ExcelJS finds them by; returns the content types with the moved parts renamed, and
 * whether anything changed.
 */
async function sheetPartsAsExcelJsFinds(pkg: Package, types: string | null): Promise<{ types: string | null; changed: boolean }> {
  let changed = false;
  for (const sheet of pkg.partNames().filter((n) => EXCELJS_SHEET.test(n))) {
    // The sheet's relationships, which ExcelJS reads under this exact name only.
    const relsStored = pkg.name(relsPathOf(sheet));
    if (relsStored !== undefined && relsStored !== relsPathOf(sheet)) {
      const xml = await pkg.text(relsStored);
      pkg.remove(relsStored);
      pkg.put(relsPathOf(sheet), xml);
      changed = true;
    }
    const targets = new Map<string, string>();
    for (const rel of await pkg.rels(sheet)) {
      const kind = rel.external ? undefined : SHEET_PARTS.find((k) => k.type.test(rel.type));
      const stored = kind && pkg.name(resolveTarget(sheet, rel.target));
      if (kind === undefined || stored === undefined) continue;
      let part = stored;
      if (!kind.name.test(stored)) {
        part = pkg.freeName(kind.folder, kind.base, kind.ext);
        // As bytes: a note drawing (VML) is often not UTF-8.
        pkg.put(part, await pkg.zip.file(stored)!.async('uint8array'));
        pkg.remove(stored);
        if (types !== null) types = types.split(`PartName="/${stored}"`).join(`PartName="/${part}"`);
      }
      const target = `../${part.slice('xl/'.length)}`;
      if (rel.target !== target) targets.set(rel.id, target);
    }
    if (targets.size === 0) continue;
    pkg.put(relsPathOf(sheet), withTargets(await pkg.text(relsPathOf(sheet)), targets));
    changed = true;
  }
  return { types, changed };
}

const HAS_R = /(?:^|\s)r\s*=\s*["']/;

function columnName(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^\$?([A-Za-z]+)/.exec(ref)?.[1].toUpperCase() ?? '') n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A worksheet with every row and cell given its `r`, or null when none lacks it. */
export function withRowAndCellNumbers(xml: string): string | null {
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml);
  if (!data || !/<(?:row|c)(?=[\s/>])(?![^>]*\sr\s*=)/.test(data[1])) return null;
  let row = 0;
  let column = 0;
  const body = data[1].replace(/<(row|c)(?=[\s/>])([^>]*?)(\/?)>/g, (whole, tag: string, attrs: string, close: string) => {
    if (tag === 'row') {
      const r = HAS_R.test(attrs) ? Number(unescapeXml(attributes(attrs).get('r') ?? '')) : NaN;
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      column = 0;
      return HAS_R.test(attrs) ? whole : `<row r="${row}"${attrs}${close}>`;
    }
    if (HAS_R.test(attrs)) {
      column = columnIndex(unescapeXml(attributes(attrs).get('r') ?? '')) || column + 1;
      return whole;
    }
    column++;
    return `<c r="${columnName(column)}${row}"${attrs}${close}>`;
  });
  const start = data.index + data[0].indexOf('>') + 1;
  return xml.slice(0, start) + body + xml.slice(start + data[1].length);
}

/** The package as ExcelJS can read it, or null when it already can (or is not a zip). */
export async function readableCopy(bytes: Uint8Array): Promise<Uint8Array | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  let changed = await movedWorkbookPart(zip);
  for (const [from, to] of await renamedFixedParts(new Package(zip))) {
    const content = await zip.file(from)!.async('uint8array');
    zip.remove(from);
    zip.file(to, content);
    changed = true;
  }
  // Unprefixed first: the rest reads SpreadsheetML in the default namespace.
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !/\.xml$/i.test(name)) continue;
    const xml = await zip.files[name].async('string');
    const plain = unprefixed(xml);
    const numbered = withRowAndCellNumbers(plain ?? xml);
    // The workbook part is where ExcelJS reads it (fixed parts renamed above).
    const dated = name === 'xl/workbook.xml' ? withDate1904AsOne(numbered ?? plain ?? xml) : null;
    if (plain === null && numbered === null && dated === null) continue;
    // As bytes: JSZip's string slices would cut an emoji in two.
    zip.file(name, utf8(dated ?? numbered ?? plain!));
    changed = true;
  }
  const pkg = new Package(zip);
  const typesBefore = pkg.has(CONTENT_TYPES) ? await pkg.text(CONTENT_TYPES) : null;
  let types = typesBefore;
  const renamed = await renamedWorksheets(pkg);
  if (renamed.size > 0) {
    const wbRels = relsPathOf('xl/workbook.xml');
    const targets = new Map<string, string>();
    for (const rel of await pkg.rels('xl/workbook.xml')) {
      const to = rel.external ? undefined : renamed.get(pkg.name(resolveTarget('xl/workbook.xml', rel.target)) ?? '');
      if (to !== undefined) targets.set(rel.id, relativeTarget('xl/workbook.xml', to));
    }
    pkg.put(wbRels, withTargets(await pkg.text(wbRels), targets));
    for (const [from, to] of renamed) {
      await movePart(pkg, from, to);
      if (types !== null) types = withPartRenamed(types, from, to);
    }
    changed = true;
  }
  // On the sheets' final names (a package read again: the moves above went to the zip itself).
  const moved = await sheetPartsAsExcelJsFinds(new Package(zip), types);
  types = moved.types;
  if (types !== null && types !== typesBefore) pkg.put(CONTENT_TYPES, types);
  return changed || moved.changed ? zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : null;
}

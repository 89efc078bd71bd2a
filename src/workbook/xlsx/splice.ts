/**
 * Puts the sheets we add into the user's own file, part by part. ExcelJS reads
 * only what it models and writes back only that: charts, pivot tables, slicers,
 * images, macros, chart sheets and extensions of the user's sheets would be lost.
 * Here every part of the original package stays byte for byte, except the lists
 * that name sheets, styles and strings (workbook, its relationships, content
 * types, styles, shared strings), to which ours are appended; the sheets we
 * replace (`SPASER …`) are removed with the parts only they used.
 *
 * `rewritten` is ExcelJS's save of the sheets added (the user's may be there
 * too, and are then ignored): its new sheets are taken from it, their styles
 * and strings renumbered into the original's tables.
 */
import {
  attributes,
  CONTENT_TYPES,
  contentTypeOf,
  escapeXml,
  folderOf,
  freeRelId,
  insertBefore,
  Package,
  PackageError,
  prefixed,
  reachable,
  type Rel,
  relIdAttribute,
  relativeTarget,
  relsPathOf,
  relsXml,
  resolveTarget,
  rootPrefix,
  sheetEntries,
  unescapeXml,
  withContentType,
  withoutOverrides,
  workbookPart,
  SHARED_STRINGS,
  STYLES,
  TABLE,
  WORKSHEET,
} from './package';

const CALC_CHAIN = /\/calcChain$/;
const VBA_PROJECT = /\/vbaProject$/;
/** The workbook part's content type in an `.xlsx` (not a macro-enabled workbook nor a template). */
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

// ---------------------------------------------------------------- styles

/** The items of a styles section (`fonts`, `cellXfs`…), or null when the section is absent. */
function sectionItems(xml: string, p: string, section: string, item: string): string[] | null {
  const re = new RegExp(`<${p}${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${section}>)`);
  const m = re.exec(xml);
  if (!m) return null;
  const body = m[1] ?? '';
  const itemRe = new RegExp(`<${p}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${item}>)`, 'g');
  return [...body.matchAll(itemRe)].map((x) => x[0]);
}

/** Appends items to a styles section, its count updated; an absent section is created where the schema puts it. */
function appendToSection(xml: string, p: string, section: string, added: readonly string[], total: number, createAfter: string | null): string {
  if (added.length === 0) return xml;
  const re = new RegExp(`<${p}${section}\\b([^>]*?)(/>|>([\\s\\S]*?)</${p}${section}>)`);
  const m = re.exec(xml);
  const countAttrs = (attrs: string) => (/\bcount="\d*"/.test(attrs) ? attrs.replace(/\bcount="\d*"/, `count="${total}"`) : `${attrs} count="${total}"`);
  if (m) {
    const replaced = `<${p}${section}${countAttrs(m[1])}>${m[3] ?? ''}${added.join('')}</${p}${section}>`;
    return xml.slice(0, m.index) + replaced + xml.slice(m.index + m[0].length);
  }
  if (createAfter === null) throw new PackageError(`no ${section} section`);
  const after = new RegExp(createAfter).exec(xml);
  if (!after) throw new PackageError(`no ${section} section`);
  const at = after.index + after[0].length;
  return `${xml.slice(0, at)}<${p}${section} count="${total}">${added.join('')}</${p}${section}>${xml.slice(at)}`;
}

/** Children of a font that a font without them takes from the workbook's default font. */
const FONT_DEFAULTS = ['sz', 'name', 'family', 'charset', 'scheme'];

/**
 * Appends the styles used by our sheets (as ExcelJS numbered them in its save) to
 * the original styles part, reusing identical entries; ExcelJS's defaults (font 0,
 * fills 0–1, border 0, style 0) stand for the user's.
 */
class StyleMerger {
  private readonly p: string;
  private readonly orig: { numFmts: string[]; fonts: string[]; fills: string[]; borders: string[]; xfs: string[] };
  private readonly from: { numFmts: string[]; fonts: string[]; fills: string[]; borders: string[]; xfs: string[] };
  private readonly added = { numFmts: [] as string[], fonts: [] as string[], fills: [] as string[], borders: [] as string[], xfs: [] as string[] };
  private readonly xfMap = new Map<number, number>();
  private nextNumFmt: number;

  constructor(
    private xml: string,
    fromXml: string,
  ) {
    this.p = rootPrefix(xml, 'styleSheet');
    const read = (s: string, p: string) => ({
      numFmts: sectionItems(s, p, 'numFmts', 'numFmt') ?? [],
      fonts: sectionItems(s, p, 'fonts', 'font') ?? [],
      fills: sectionItems(s, p, 'fills', 'fill') ?? [],
      borders: sectionItems(s, p, 'borders', 'border') ?? [],
      xfs: sectionItems(s, p, 'cellXfs', 'xf') ?? [],
    });
    this.orig = read(xml, this.p);
    this.from = read(fromXml, rootPrefix(fromXml, 'styleSheet'));
    if (this.orig.fonts.length === 0 || this.orig.fills.length < 2 || this.orig.borders.length === 0 || this.orig.xfs.length === 0) {
      throw new PackageError('incomplete styles');
    }
    const ids = this.orig.numFmts.map((n) => Number(attributes(n).get('numFmtId')));
    this.nextNumFmt = Math.max(163, ...ids.filter(Number.isFinite)) + 1;
  }

  /** The original's index for ExcelJS's style `s`. */
  xf(s: number): number {
    if (s === 0) return 0;
    const known = this.xfMap.get(s);
    if (known !== undefined) return known;
    const xf = this.from.xfs[s];
    if (xf === undefined) throw new PackageError(`no style ${s}`);
    const m = /^<(?:[\w.-]+:)?xf\b([^>]*?)(\/>|>([\s\S]*)<\/(?:[\w.-]+:)?xf>)$/.exec(xf);
    if (!m) throw new PackageError('unreadable style');
    const attrs = attributes(m[1]);
    attrs.set('numFmtId', String(this.numFmt(Number(attrs.get('numFmtId') ?? 0))));
    attrs.set('fontId', String(this.item('fonts', Number(attrs.get('fontId') ?? 0), 1)));
    attrs.set('fillId', String(this.item('fills', Number(attrs.get('fillId') ?? 0), 2)));
    attrs.set('borderId', String(this.item('borders', Number(attrs.get('borderId') ?? 0), 1)));
    attrs.set('xfId', '0');
    const head = [...attrs].map(([k, v]) => ` ${k}="${v}"`).join('');
    const element = m[3] === undefined ? `<xf${head}/>` : `<xf${head}>${m[3]}</xf>`;
    const index = this.add('xfs', prefixed(element, this.p));
    this.xfMap.set(s, index);
    return index;
  }

  private numFmt(id: number): number {
    if (!Number.isFinite(id) || id < 164) return Number.isFinite(id) ? id : 0;
    const mine = this.from.numFmts.find((n) => Number(attributes(n).get('numFmtId')) === id);
    if (!mine) return 0;
    const code = attributes(mine).get('formatCode') ?? '';
    for (const n of [...this.orig.numFmts, ...this.added.numFmts]) {
      const a = attributes(n);
      if (a.get('formatCode') === code) return Number(a.get('numFmtId'));
    }
    const newId = this.nextNumFmt++;
    this.added.numFmts.push(prefixed(`<numFmt numFmtId="${newId}" formatCode="${code}"/>`, this.p));
    return newId;
  }

  /** The original's index for ExcelJS's entry `i` of a section; its first `defaults` entries are the user's. */
  private item(section: 'fonts' | 'fills' | 'borders', i: number, defaults: number): number {
    if (i < defaults) return i;
    let element = this.from[section][i];
    if (element === undefined) return 0;
    if (section === 'fonts') element = this.completedFont(element);
    return this.add(section, prefixed(element, this.p));
  }

  /** A font of ours completed with the size, name… of the user's default font: our sheets then read as theirs. */
  private completedFont(font: string): string {
    const base = this.orig.fonts[0];
    let extra = '';
    for (const child of FONT_DEFAULTS) {
      if (new RegExp(`<(?:[\\w.-]+:)?${child}\\b`).test(font)) continue;
      const m = new RegExp(`<(?:[\\w.-]+:)?${child}\\b[^>]*?/>`).exec(base);
      if (m) extra += m[0].replace(/^<[\w.-]+:/, '<');
    }
    if (extra === '') return font;
    return font.endsWith('/>') ? font.replace(/\/>$/, `>${extra}</font>`) : font.replace(/<\/font>$/, `${extra}</font>`);
  }

  /** Index of an element in a section, appended unless an identical one is there. */
  private add(section: 'fonts' | 'fills' | 'borders' | 'xfs', element: string): number {
    const existing = this.orig[section].indexOf(element);
    if (existing >= 0) return existing;
    const added = this.added[section].indexOf(element);
    if (added >= 0) return this.orig[section].length + added;
    this.added[section].push(element);
    return this.orig[section].length + this.added[section].length - 1;
  }

  /** The styles part with what was added. */
  result(): string {
    const { p, orig, added } = this;
    let xml = this.xml;
    xml = appendToSection(xml, p, 'numFmts', added.numFmts, orig.numFmts.length + added.numFmts.length, `<${p}styleSheet\\b[^>]*>`);
    xml = appendToSection(xml, p, 'fonts', added.fonts, orig.fonts.length + added.fonts.length, null);
    xml = appendToSection(xml, p, 'fills', added.fills, orig.fills.length + added.fills.length, null);
    xml = appendToSection(xml, p, 'borders', added.borders, orig.borders.length + added.borders.length, null);
    xml = appendToSection(xml, p, 'cellXfs', added.xfs, orig.xfs.length + added.xfs.length, null);
    this.xml = xml;
    return xml;
  }
}

// ---------------------------------------------------------------- sheets

/** The inner XML of each shared string (`<t>…</t>` or rich runs). */
function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?si>([\s\S]*?)<\/(?:[\w.-]+:)?si>|<(?:[\w.-]+:)?si\/>/g)].map((m) => m[1] ?? '');
}

/**
 * Our sheets' strings appended to the user's string table, as Excel keeps them
 * (the reader unescapes `_xHHHH_` there); a string the user's table holds already is reused.
 */
class StringMerger {
  private readonly p: string;
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly map = new Map<number, number>();
  private references = 0;
  private readonly base: number;

  constructor(
    /** The user's string table, or null when the file has none. */
    private readonly xml: string | null,
    private readonly from: readonly string[],
    /** Whether sheets using the table were removed (their uses are not counted). */
    private readonly removedUses: boolean,
  ) {
    this.p = xml === null ? '' : rootPrefix(xml, 'sst');
    const own = xml === null ? [] : sharedStrings(xml);
    own.forEach((si, i) => {
      if (!this.index.has(si)) this.index.set(si, i);
    });
    this.base = own.length;
  }

  /** The user's table index for ExcelJS's string `n`. */
  string(n: number): number {
    this.references++;
    const known = this.map.get(n);
    if (known !== undefined) return known;
    const si = this.from[n];
    if (si === undefined) throw new PackageError('no such shared string');
    let i = this.index.get(prefixed(si, this.p));
    if (i === undefined) {
      i = this.base + this.added.length;
      this.added.push(prefixed(`<si>${si}</si>`, this.p));
      this.index.set(prefixed(si, this.p), i);
    }
    this.map.set(n, i);
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0 || (this.xml !== null && this.references > 0);
  }

  /** The string table with our strings, counts updated. */
  result(): string {
    const total = this.base + this.added.length;
    if (this.xml === null) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${total}">${this.added.join('')}</sst>`;
    }
    const p = this.p;
    const m = new RegExp(`<${p}sst\\b([^>]*?)(/>|>)`).exec(this.xml);
    if (!m) throw new PackageError('unreadable shared strings');
    let attrs = m[1];
    const count = Number(/\bcount="(\d+)"/.exec(attrs)?.[1]);
    // `count` (optional) counts every use: unknown once sheets that used the table are removed.
    if (this.removedUses) attrs = attrs.replace(/\s*\bcount="\d*"/, '');
    else if (Number.isFinite(count)) attrs = attrs.replace(/\bcount="\d+"/, `count="${count + this.references}"`);
    attrs = /\buniqueCount="\d*"/.test(attrs) ? attrs.replace(/\buniqueCount="\d*"/, `uniqueCount="${total}"`) : `${attrs} uniqueCount="${total}"`;
    const head = `<${p}sst${attrs}>`;
    const rest = this.xml.slice(m.index + m[0].length);
    const body = m[2] === '/>' ? `${this.added.join('')}</${p}sst>${rest}` : insertBefore(rest, new RegExp(`</${p}sst>`), this.added.join(''));
    return this.xml.slice(0, m.index) + head + body;
  }
}

/** One of our sheets as the original package holds it: its styles and strings renumbered. */
function rewriteSheet(xml: string, strings: StringMerger | null, styles: StyleMerger): string {
  if (/dxfId=/.test(xml)) throw new PackageError('differential format');
  let out = xml.replace(/(<c\b[^>]*?\bt="s"[^>]*><v>)(\d+)(<\/v><\/c>)/g, (_, head: string, n: string, tail: string) => {
    if (strings === null) throw new PackageError('no such shared string');
    return `${head}${strings.string(Number(n))}${tail}`;
  });
  out = out.replace(/<(c|row)\b([^>]*?)\ss="(\d+)"/g, (_, el: string, before: string, s: string) => `<${el}${before} s="${styles.xf(Number(s))}"`);
  out = out.replace(/<col\b([^>]*?)\sstyle="(\d+)"/g, (_, before: string, s: string) => `<col${before} style="${styles.xf(Number(s))}"`);
  return out;
}

/** Table ids and names already used by the original package (a table's id and name are unique in a workbook). */
async function tablesInUse(pkg: Package, typesXml: string, deleted: ReadonlySet<string>): Promise<{ ids: Set<number>; names: Set<string> }> {
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const part of pkg.partNames()) {
    if (deleted.has(part.toLowerCase()) || !/\.xml$/i.test(part) || !/table\+xml$/.test(contentTypeOf(typesXml, part) ?? '')) continue;
    const m = /<(?:[\w.-]+:)?table\b([^>]*)>/.exec(await pkg.text(part));
    if (!m) continue;
    const a = attributes(m[1]);
    ids.add(Number(a.get('id')));
    for (const k of ['name', 'displayName']) if (a.get(k)) names.add(unescapeXml(a.get(k)!).toLowerCase());
  }
  return { ids, names };
}

/**
 * The original package with the sheets of `rewritten` it does not have (in
 * `rewritten`'s order, after the user's), less the sheets `isReplaced` names.
 * A sheet of `rewritten` named as a replaced one that `keepsPlace` names takes
 * its place instead (an import replacing last month's, as the Office adapter does).
 */
export async function spliceSheets(
  original: Uint8Array,
  rewritten: Uint8Array | Package,
  isReplaced: (sheet: string) => boolean,
  keepsPlace: (sheet: string) => boolean = () => false,
): Promise<{ readonly pkg: Package; readonly droppedMacros: boolean }> {
  const orig = await Package.load(original);
  const from = rewritten instanceof Package ? rewritten : await Package.load(rewritten);

  const wbPart = await workbookPart(orig);
  const wbRels = await orig.rels(wbPart);
  let wbXml = await orig.text(wbPart);
  const p = rootPrefix(wbXml, 'workbook');
  const sheets = sheetEntries(wbXml, wbRels);
  const removed = sheets.filter((s) => isReplaced(s.name));
  const kept = sheets.filter((s) => !isReplaced(s.name));
  const keptNames = new Set(kept.map((s) => s.name.toLocaleLowerCase('fr')));

  const fromWbPart = await workbookPart(from);
  const fromRels = await from.rels(fromWbPart);
  const fromWbXml = await from.text(fromWbPart);
  const added = sheetEntries(fromWbXml, fromRels).filter((s) => !keptNames.has(s.name.toLocaleLowerCase('fr')));
  for (const s of added) if (!s.rel || s.rel.external || !WORKSHEET.test(s.rel.type)) throw new PackageError('unreadable added sheet');

  let typesXml = await orig.text(CONTENT_TYPES);
  // The output is an .xlsx: a macro-enabled workbook or a template would make Excel refuse the file.
  const mainType = contentTypeOf(typesXml, wbPart);
  const vbaRels = wbRels.filter((r) => VBA_PROJECT.test(r.type) && !r.external);
  const asXlsx = mainType !== undefined && mainType !== XLSX_MAIN;
  if (added.length === 0 && removed.length === 0 && !asXlsx && vbaRels.length === 0) return { pkg: orig, droppedMacros: false };
  const fromTypes = await from.text(CONTENT_TYPES);
  const relIds = new Set(wbRels.map((r) => r.id));
  const newWbRels: Rel[] = [];
  const dropRelIds = new Set<string>();
  const deleted = new Set<string>();

  // The replaced sheets, the macros, and the parts only they use (tables, drawings, charts…).
  const droppedRels = [...removed.flatMap((s) => (s.rel ? [s.rel] : [])), ...vbaRels];
  if (droppedRels.length > 0) {
    const removedParts = droppedRels.flatMap((r) => (r.external ? [] : [resolveTarget(wbPart, r.target)]));
    const stop = new Set(removedParts.map((x) => x.toLowerCase()));
    const stillUsed = await reachable(orig, (await orig.rels('')).filter((r) => !r.external).map((r) => resolveTarget('', r.target)), stop);
    for (const part of await reachable(orig, removedParts, new Set())) {
      if (stillUsed.has(part)) continue;
      deleted.add(part);
      deleted.add(relsPathOf(orig.name(part) ?? part).toLowerCase());
    }
    for (const r of droppedRels) dropRelIds.add(r.id);
    // Excel rebuilds the calculation chain; a stale one naming removed cells makes it repair the file.
    for (const r of wbRels) {
      if (CALC_CHAIN.test(r.type) && !r.external) {
        dropRelIds.add(r.id);
        deleted.add(resolveTarget(wbPart, r.target).toLowerCase());
      }
    }
  }

  // Styles: ours appended to the user's.
  const stylesRel = wbRels.find((r) => STYLES.test(r.type) && !r.external);
  const fromStylesRel = fromRels.find((r) => STYLES.test(r.type) && !r.external);
  if (!stylesRel || !fromStylesRel) throw new PackageError('no styles part');
  const stylesPart = resolveTarget(wbPart, stylesRel.target);
  const styles = new StyleMerger(await orig.text(stylesPart), await from.text(resolveTarget(fromWbPart, fromStylesRel.target)));
  const fromSstRel = fromRels.find((r) => SHARED_STRINGS.test(r.type) && !r.external);
  const sstRel = wbRels.find((r) => SHARED_STRINGS.test(r.type) && !r.external);
  const sstPart = sstRel ? resolveTarget(wbPart, sstRel.target) : null;
  const strings = fromSstRel
    ? new StringMerger(sstPart ? await orig.text(sstPart) : null, sharedStrings(await from.text(resolveTarget(fromWbPart, fromSstRel.target))), removed.length > 0)
    : null;

  const tables = await tablesInUse(orig, typesXml, deleted);
  // Names a table may not take: defined names too.
  for (const m of wbXml.matchAll(/<(?:[\w.-]+:)?definedName\b([^>]*)>/g)) {
    const n = attributes(m[1]).get('name');
    if (n) tables.names.add(unescapeXml(n).toLowerCase());
  }
  let nextTableId = Math.max(0, ...[...tables.ids].filter(Number.isFinite)) + 1;
  const sheetFolder = (() => {
    const first = kept.find((s) => s.rel && WORKSHEET.test(s.rel.type));
    return first?.rel ? folderOf(resolveTarget(wbPart, first.rel.target)) : `${folderOf(wbPart)}worksheets/`;
  })();
  const overrides: string[] = [];
  const addOverride = (part: string, type: string | undefined) => {
    if (!type) throw new PackageError(`no content type for ${part}`);
    overrides.push(`<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`);
  };

  let maxSheetId = Math.max(0, ...sheets.map((s) => Number(s.attrs.get('sheetId'))).filter(Number.isFinite));
  const newSheetElements: string[] = [];
  for (const sheet of added) {
    const fromPart = resolveTarget(fromWbPart, sheet.rel!.target);
    const part = orig.freeName(sheetFolder, 'sheet', '.xml');
    orig.put(part, rewriteSheet(await from.text(fromPart), strings, styles));
    addOverride(part, contentTypeOf(fromTypes, fromPart));
    const partRels: Rel[] = [];
    for (const r of await from.rels(fromPart)) {
      if (r.external) {
        partRels.push(r);
        continue;
      }
      if (!TABLE.test(r.type)) throw new PackageError(`relationship ${r.type} not carried over`);
      const fromTable = resolveTarget(fromPart, r.target);
      const tablePart = orig.freeName(`${folderOf(wbPart)}tables/`, 'table', '.xml');
      orig.put(tablePart, renumberTable(await from.text(fromTable), nextTableId++, tables.names));
      addOverride(tablePart, contentTypeOf(fromTypes, fromTable));
      partRels.push({ ...r, target: relativeTarget(part, tablePart) });
    }
    if (partRels.length > 0) orig.put(relsPathOf(part), relsXml(partRels));
    const id = freeRelId(relIds);
    newWbRels.push({ id, type: sheet.rel!.type, target: relativeTarget(wbPart, part), external: false });
    const state = sheet.attrs.get('state');
    newSheetElements.push(`<${p}sheet name="${sheet.attrs.get('name') ?? ''}" sheetId="${++maxSheetId}"${state && state !== 'visible' ? ` state="${state}"` : ''} ${relIdAttribute(wbXml, id)}/>`);
  }

  // The workbook part: sheets removed then added, positions of names and views moved with them. An
  // added sheet named as a removed one that keeps its place goes there; the others after the user's.
  const sameSheetName = (a: string, b: string) => a.toLocaleLowerCase('fr') === b.toLocaleLowerCase('fr');
  const replacementOf = new Map<number, number>();
  sheets.forEach((s, i) => {
    if (!removed.includes(s) || !keepsPlace(s.name)) return;
    const j = added.findIndex((a, k) => ![...replacementOf.values()].includes(k) && sameSheetName(a.name, s.name));
    if (j >= 0) replacementOf.set(i, j);
  });
  const placed = new Set(replacementOf.values());
  const order: ({ readonly old: number } | { readonly added: number })[] = [];
  sheets.forEach((s, i) => {
    if (!removed.includes(s)) order.push({ old: i });
    else if (replacementOf.has(i)) order.push({ added: replacementOf.get(i)! });
  });
  added.forEach((_, k) => {
    if (!placed.has(k)) order.push({ added: k });
  });
  const newIndex = new Map<number, number>();
  const addedIndex = new Map<number, number>();
  order.forEach((o, n) => ('old' in o ? newIndex.set(o.old, n) : addedIndex.set(o.added, n)));
  let seen = 0;
  wbXml = wbXml.replace(/<(?:[\w.-]+:)?sheet\b[^>]*?\/?>/g, (el) => {
    const i = sheets.findIndex((s, k) => k >= seen && s.element === el);
    if (i < 0 || !removed.includes(sheets[i])) return el;
    seen = i + 1;
    const j = replacementOf.get(i);
    return j === undefined ? '' : newSheetElements[j];
  });
  wbXml = insertBefore(wbXml, new RegExp(`</${p}sheets>`), newSheetElements.filter((_, k) => !placed.has(k)).join(''));
  wbXml = wbXml.replace(new RegExp(`<${p}definedName\\b([^>]*)>([\\s\\S]*?)</${p}definedName>`, 'g'), (whole, attrs: string) => {
    const local = /\blocalSheetId="(\d+)"/.exec(attrs);
    if (!local) return whole;
    const to = newIndex.get(Number(local[1]));
    return to === undefined ? '' : whole.replace(/\blocalSheetId="\d+"/, `localSheetId="${to}"`);
  });
  wbXml = wbXml.replace(new RegExp(`<${p}definedNames\\b[^>]*>\\s*</${p}definedNames>`), '');
  wbXml = withAddedSheetNames(wbXml, p, fromWbXml, added, addedIndex);
  const firstAddedVisible = added.findIndex((s) => (s.attrs.get('state') ?? 'visible') === 'visible');
  wbXml = wbXml.replace(new RegExp(`<${p}workbookView\\b[^>]*?/?>`, 'g'), (view) => {
    const active = Number(/\bactiveTab="(\d+)"/.exec(view)?.[1] ?? 0);
    let to = newIndex.get(active);
    // The active sheet replaced in its place: still the one shown, when visible.
    const replacement = replacementOf.get(active);
    if (to === undefined && replacement !== undefined && (added[replacement].attrs.get('state') ?? 'visible') === 'visible') to = addedIndex.get(replacement);
    if (to === undefined) to = firstAddedVisible >= 0 ? addedIndex.get(firstAddedVisible)! : 0;
    let out = /\bactiveTab="/.test(view) ? view.replace(/\bactiveTab="\d+"/, `activeTab="${to}"`) : view.replace(/(\/?>)$/, ` activeTab="${to}"$1`);
    const first = /\bfirstSheet="(\d+)"/.exec(out);
    if (first) out = out.replace(/\bfirstSheet="\d+"/, `firstSheet="${Math.min(newIndex.get(Number(first[1])) ?? 0, to)}"`);
    return out;
  });
  orig.put(wbPart, wbXml);

  orig.put(stylesPart, styles.result());
  if (strings?.changed) {
    if (sstPart) orig.put(sstPart, strings.result());
    else {
      const part = `${folderOf(wbPart)}sharedStrings.xml`;
      if (orig.has(part)) throw new PackageError('orphan shared strings part');
      orig.put(part, strings.result());
      newWbRels.push({ id: freeRelId(relIds), type: fromSstRel!.type, target: relativeTarget(wbPart, part), external: false });
      addOverride(part, contentTypeOf(fromTypes, resolveTarget(fromWbPart, fromSstRel!.target)));
    }
  }

  const wbRelsXml = await orig.text(relsPathOf(wbPart));
  let outRels = wbRelsXml.replace(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g, (el, inner: string) => (dropRelIds.has(attributes(inner).get('Id') ?? '') ? '' : el));
  outRels = insertBefore(outRels, /<\/(?:[\w.-]+:)?Relationships>/, relsXml(newWbRels).replace(/^[\s\S]*?<Relationships[^>]*>|<\/Relationships>$/g, ''));
  orig.put(relsPathOf(wbPart), outRels);

  for (const part of deleted) orig.remove(part);
  typesXml = withoutOverrides(typesXml, deleted);
  if (asXlsx) typesXml = withContentType(typesXml, wbPart, XLSX_MAIN);
  typesXml = insertBefore(typesXml, /<\/(?:[\w.-]+:)?Types>/, overrides.join(''));
  orig.put(CONTENT_TYPES, typesXml);

  return { pkg: orig, droppedMacros: vbaRels.length > 0 };
}

/**
 * The names local to the sheets added (the print titles of ours: `_xlnm.Print_Titles`), taken from
 * `fromWbXml` with their sheet's new position: without them, the header row would not repeat on
 * each printed page. Global names of `fromWbXml` are not ours to add.
 */
function withAddedSheetNames(
  wbXml: string,
  p: string,
  fromWbXml: string,
  added: readonly { readonly name: string }[],
  addedIndex: ReadonlyMap<number, number>,
): string {
  const fromNames = sheetEntries(fromWbXml, []).map((s) => s.name);
  const names: string[] = [];
  for (const m of fromWbXml.matchAll(/<(?:[\w.-]+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>/g)) {
    const local = /\blocalSheetId="(\d+)"/.exec(m[1]);
    if (!local) continue;
    const k = added.findIndex((a) => a.name === fromNames[Number(local[1])]);
    const to = addedIndex.get(k);
    if (k < 0 || to === undefined) continue;
    names.push(`<${p}definedName${m[1].replace(/\blocalSheetId="\d+"/, `localSheetId="${to}"`)}>${m[2]}</${p}definedName>`);
  }
  if (names.length === 0) return wbXml;
  if (new RegExp(`</${p}definedNames>`).test(wbXml)) return insertBefore(wbXml, new RegExp(`</${p}definedNames>`), names.join(''));
  // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook's order).
  const after = [...wbXml.matchAll(new RegExp(`</${p}(?:sheets|functionGroups|externalReferences)>`, 'g'))].at(-1);
  if (!after) throw new PackageError('no sheets element');
  const at = after.index + after[0].length;
  return `${wbXml.slice(0, at)}<${p}definedNames>${names.join('')}</${p}definedNames>${wbXml.slice(at)}`;
}

/** A table part of ours with an id and a name unused in the original package. */
function renumberTable(xml: string, id: number, names: Set<string>): string {
  const m = /<([\w.-]+:)?table\b([^>]*)>/.exec(xml);
  if (!m) throw new PackageError('unreadable table');
  if (/DxfId=|dxfId=/.test(xml)) throw new PackageError('differential format');
  const attrs = attributes(m[2]);
  const wanted = unescapeXml(attrs.get('name') ?? `Tableau${id}`);
  let name = wanted;
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  names.add(name.toLowerCase());
  const head = m[0]
    .replace(/\bid="\d+"/, `id="${id}"`)
    .replace(/\bname="[^"]*"/, `name="${escapeXml(name)}"`)
    .replace(/\bdisplayName="[^"]*"/, `displayName="${escapeXml(name)}"`);
  return xml.slice(0, m.index) + head + xml.slice(m.index + m[0].length);
}

/**
 * Puts the sheets we add into the user's own file, part by part. ExcelJS reads
 * only what it models and writes back only that: charts, pivot tables, slicers,
 * images, macros, chart sheets and extensions of the user's sheets would be lost.
 * Here every part of the original package stays byte for byte, except the lists
 * that name sheets and styles (workbook, its relationships, content types,
 * styles), where ours are added; the sheets we replace (`SPASER …`) are removed
 * with the parts only they used.
 *
 * `rewritten` is ExcelJS's save of the whole workbook: its new sheets are taken
 * from it, their styles appended to the original's, their shared strings written
 * inline (the user's string table is not touched).
 */
import JSZip from 'jszip';

/** The package could not be spliced: the caller keeps ExcelJS's rewrite. */
export class SpliceError extends Error {}

const CONTENT_TYPES = '[Content_Types].xml';

/**
 * UTF-8 bytes of a text, a lone surrogate as U+FFFD (as TextEncoder does; written
 * here because the task pane's test DOM has no TextEncoder). Measured first: a
 * large register's sheet is hundreds of megabytes.
 */
export function utf8(s: string): Uint8Array {
  let size = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) size += 1;
    else if (c < 0x800) size += 2;
    else if (c <= 0xdbff && c >= 0xd800 && isLow(s.charCodeAt(i + 1))) {
      size += 4;
      i++;
    } else size += 3;
  }
  const out = new Uint8Array(size);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && isLow(s.charCodeAt(i + 1))) {
        c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 0x3f);
        out[n++] = 0x80 | ((c >> 6) & 0x3f);
        out[n++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const STYLES = /\/styles$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const CALC_CHAIN = /\/calcChain$/;
const TABLE = /\/table$/;
const VBA_PROJECT = /\/vbaProject$/;
/** The workbook part's content type in an `.xlsx` (not a macro-enabled workbook nor a template). */
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Rel {
  readonly id: string;
  readonly type: string;
  /** As stored (escaped). */
  readonly target: string;
  readonly external: boolean;
}

/** Attributes of a start tag, values as stored (still escaped). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], m[2] ?? m[3]);
  return out;
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** The relationship id attribute (`r:id`, whatever its prefix). */
function relIdOf(attrs: Map<string, string>): string | undefined {
  for (const [k, v] of attrs) if (k.endsWith(':id') && !k.startsWith('xmlns')) return v;
  return undefined;
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target as a part name (no leading slash), from the part holding it. */
export function resolveTarget(fromPart: string, target: string): string {
  let t = unescapeXml(target);
  try {
    t = decodeURIComponent(t);
  } catch {
    // kept as stored
  }
  const segments = t.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}

/** The target naming `toPart` from `fromPart`, relative as Excel writes it (ExcelJS reads only that form). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups = from.length - common;
  return escapeAttr([...Array<string>(ups).fill('..'), ...to.slice(common)].join('/'));
}

export function parseRels(xml: string): Rel[] {
  const rels: Rel[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    rels.push({
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      target: a.get('Target') ?? '',
      external: a.get('TargetMode') === 'External',
    });
  }
  return rels;
}

/** Prefix (`x:` or empty) of a document's root element. */
function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}\\b`).exec(xml);
  if (!m) throw new SpliceError(`no ${local} element`);
  return m[1] ?? '';
}

/** Adds a prefix to the unprefixed elements of a fragment written by ExcelJS. */
function prefixed(fragment: string, p: string): string {
  return p === '' ? fragment : fragment.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (_, slash: string, name: string) => `<${slash}${p}${name}`);
}

/** A package loaded for reading, parts found without regard to case (part names are case-insensitive). */
export class Package {
  private readonly names = new Map<string, string>();
  constructor(readonly zip: JSZip) {
    zip.forEach((path, file) => {
      if (!file.dir) this.names.set(path.toLowerCase(), path);
    });
  }
  static async load(bytes: Uint8Array): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }
  name(part: string): string | undefined {
    return this.names.get(part.toLowerCase());
  }
  has(part: string): boolean {
    return this.name(part) !== undefined;
  }
  async text(part: string): Promise<string> {
    const name = this.name(part);
    if (name === undefined) throw new SpliceError(`no part ${part}`);
    return this.zip.file(name)!.async('string');
  }
  async rels(part: string): Promise<Rel[]> {
    const path = part === '' ? '_rels/.rels' : relsPathOf(part);
    return this.has(path) ? parseRels(await this.text(path)) : [];
  }
  put(part: string, data: string): void {
    const name = this.name(part) ?? part;
    // As bytes: JSZip encodes a string in slices of 16,384 units, which can cut an emoji in two.
    this.zip.file(name, utf8(data));
    this.names.set(name.toLowerCase(), name);
  }
  remove(part: string): void {
    const name = this.name(part);
    if (name === undefined) return;
    this.zip.remove(name);
    this.names.delete(part.toLowerCase());
  }
  /** A part name not in use: `folder/base{n}.ext`. */
  freeName(folder: string, base: string, ext: string): string {
    for (let n = 1; ; n++) {
      const candidate = `${folder}${base}${n}${ext}`;
      if (!this.has(candidate)) return candidate;
    }
  }
  partNames(): string[] {
    return [...this.names.values()];
  }
}

export async function workbookPart(pkg: Package): Promise<string> {
  const rel = (await pkg.rels('')).find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external);
  if (!rel) throw new SpliceError('no workbook part');
  return resolveTarget('', rel.target);
}

interface SheetEntry {
  /** The `<sheet …/>` element as stored. */
  readonly element: string;
  readonly name: string;
  readonly attrs: Map<string, string>;
  readonly rel: Rel | undefined;
}

export function sheetEntries(workbookXml: string, rels: readonly Rel[]): SheetEntry[] {
  const sheets = /<([\w.-]+:)?sheets\b[^>]*>([\s\S]*?)<\/\1?sheets>/.exec(workbookXml);
  if (!sheets) return [];
  return [...sheets[2].matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)].map((m) => {
    const attrs = attributes(m[1]);
    const id = relIdOf(attrs);
    return { element: m[0], name: unescapeXml(attrs.get('name') ?? ''), attrs, rel: rels.find((r) => r.id === id) };
  });
}

/** Parts reachable from `starts` through internal relationships, not entering `stop`. */
async function reachable(pkg: Package, starts: readonly string[], stop: ReadonlySet<string>): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = starts.filter((s) => !stop.has(s.toLowerCase()));
  while (queue.length > 0) {
    const part = queue.pop()!;
    if (seen.has(part.toLowerCase())) continue;
    seen.add(part.toLowerCase());
    for (const r of await pkg.rels(part)) {
      if (r.external) continue;
      const target = resolveTarget(part, r.target);
      if (!stop.has(target.toLowerCase()) && !seen.has(target.toLowerCase())) queue.push(target);
    }
  }
  return seen;
}

/** The content type of a part, from `[Content_Types].xml`. */
function contentTypeOf(typesXml: string, part: string): string | undefined {
  for (const m of typesXml.matchAll(/<(?:[\w.-]+:)?Override\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if (unescapeXml(a.get('PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase()) return a.get('ContentType');
  }
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const m of typesXml.matchAll(/<(?:[\w.-]+:)?Default\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if ((a.get('Extension') ?? '').toLowerCase() === ext) return a.get('ContentType');
  }
  return undefined;
}

function withoutOverrides(typesXml: string, parts: ReadonlySet<string>): string {
  return typesXml.replace(/<(?:[\w.-]+:)?Override\b([^>]*?)\/?>/g, (whole, inner: string) => {
    const name = unescapeXml(attributes(inner).get('PartName') ?? '').replace(/^\//, '').toLowerCase();
    return parts.has(name) ? '' : whole;
  });
}

export function insertBefore(xml: string, closing: RegExp, fragment: string): string {
  const m = closing.exec(xml);
  if (!m) throw new SpliceError(`no ${closing.source}`);
  return xml.slice(0, m.index) + fragment + xml.slice(m.index);
}

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
  if (createAfter === null) throw new SpliceError(`no ${section} section`);
  const after = new RegExp(createAfter).exec(xml);
  if (!after) throw new SpliceError(`no ${section} section`);
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
      throw new SpliceError('incomplete styles');
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
    if (xf === undefined) throw new SpliceError(`no style ${s}`);
    const m = /^<(?:[\w.-]+:)?xf\b([^>]*?)(\/>|>([\s\S]*)<\/(?:[\w.-]+:)?xf>)$/.exec(xf);
    if (!m) throw new SpliceError('unreadable style');
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
    if (si === undefined) throw new SpliceError('no such shared string');
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
    if (!m) throw new SpliceError('unreadable shared strings');
    let attrs = m[1];
    const count = Number(/\bcount="(\d+)"/.exec(attrs)?.[1]);
    if (Number.isFinite(count)) attrs = attrs.replace(/\bcount="\d+"/, `count="${count + this.references}"`);
    attrs = /\buniqueCount="\d*"/.test(attrs) ? attrs.replace(/\buniqueCount="\d*"/, `uniqueCount="${total}"`) : `${attrs} uniqueCount="${total}"`;
    const head = `<${p}sst${attrs}>`;
    const rest = this.xml.slice(m.index + m[0].length);
    const body = m[2] === '/>' ? `${this.added.join('')}</${p}sst>${rest}` : insertBefore(rest, new RegExp(`</${p}sst>`), this.added.join(''));
    return this.xml.slice(0, m.index) + head + body;
  }
}

/** One of our sheets as the original package holds it: its styles and strings renumbered. */
function rewriteSheet(xml: string, strings: StringMerger | null, styles: StyleMerger): string {
  if (/dxfId=/.test(xml)) throw new SpliceError('differential format');
  let out = xml.replace(/(<c\b[^>]*?\bt="s"[^>]*><v>)(\d+)(<\/v><\/c>)/g, (_, head: string, n: string, tail: string) => {
    if (strings === null) throw new SpliceError('no such shared string');
    return `${head}${strings.string(Number(n))}${tail}`;
  });
  out = out.replace(/<(c|row)\b([^>]*?)\ss="(\d+)"/g, (_, el: string, before: string, s: string) => `<${el}${before} s="${styles.xf(Number(s))}"`);
  out = out.replace(/<col\b([^>]*?)\sstyle="(\d+)"/g, (_, before: string, s: string) => `<col${before} style="${styles.xf(Number(s))}"`);
  return out;
}

export function relsXml(rels: readonly Rel[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

export function freeRelId(taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `rIdSpaser${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
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

export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/**
 * The original package with the sheets of `rewritten` it does not have (in
 * `rewritten`'s order, after the user's), less the sheets `isReplaced` names.
 */
export async function spliceSheets(
  original: Uint8Array,
  rewritten: Uint8Array,
  isReplaced: (sheet: string) => boolean,
): Promise<{ readonly bytes: Uint8Array; readonly droppedMacros: boolean }> {
  const orig = await Package.load(original);
  const from = await Package.load(rewritten);

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
  for (const s of added) if (!s.rel || s.rel.external || !WORKSHEET.test(s.rel.type)) throw new SpliceError('unreadable added sheet');

  let typesXml = await orig.text(CONTENT_TYPES);
  // The output is an .xlsx: a macro-enabled workbook or a template would make Excel refuse the file.
  const mainType = contentTypeOf(typesXml, wbPart);
  const vbaRels = wbRels.filter((r) => VBA_PROJECT.test(r.type) && !r.external);
  const asXlsx = mainType !== undefined && mainType !== XLSX_MAIN;
  if (added.length === 0 && removed.length === 0 && !asXlsx && vbaRels.length === 0) return { bytes: original, droppedMacros: false };
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
  if (!stylesRel || !fromStylesRel) throw new SpliceError('no styles part');
  const stylesPart = resolveTarget(wbPart, stylesRel.target);
  const styles = new StyleMerger(await orig.text(stylesPart), await from.text(resolveTarget(fromWbPart, fromStylesRel.target)));
  const fromSstRel = fromRels.find((r) => SHARED_STRINGS.test(r.type) && !r.external);
  const sstRel = wbRels.find((r) => SHARED_STRINGS.test(r.type) && !r.external);
  const sstPart = sstRel ? resolveTarget(wbPart, sstRel.target) : null;
  const strings = fromSstRel
    ? new StringMerger(sstPart ? await orig.text(sstPart) : null, sharedStrings(await from.text(resolveTarget(fromWbPart, fromSstRel.target))))
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
    if (!type) throw new SpliceError(`no content type for ${part}`);
    overrides.push(`<Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`);
  };

  let maxSheetId = Math.max(0, ...sheets.map((s) => Number(s.attrs.get('sheetId'))).filter(Number.isFinite));
  const rp = (/xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(wbXml) ?? [])[1];
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
      if (!TABLE.test(r.type)) throw new SpliceError(`relationship ${r.type} not carried over`);
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
    const relAttr = rp ? `${rp}:id="${id}"` : `r:id="${id}" xmlns:r="${RELS_NS}"`;
    newSheetElements.push(`<${p}sheet name="${sheet.attrs.get('name') ?? ''}" sheetId="${++maxSheetId}"${state && state !== 'visible' ? ` state="${state}"` : ''} ${relAttr}/>`);
  }

  // The workbook part: sheets removed then added, positions of names and views moved with them.
  const newIndex = new Map<number, number>();
  kept.forEach((s) => newIndex.set(sheets.indexOf(s), newIndex.size));
  wbXml = wbXml.replace(/<(?:[\w.-]+:)?sheet\b[^>]*?\/?>/g, (el) => (removed.some((s) => s.element === el) ? '' : el));
  wbXml = insertBefore(wbXml, new RegExp(`</${p}sheets>`), newSheetElements.join(''));
  wbXml = wbXml.replace(new RegExp(`<${p}definedName\\b([^>]*)>([\\s\\S]*?)</${p}definedName>`, 'g'), (whole, attrs: string) => {
    const local = /\blocalSheetId="(\d+)"/.exec(attrs);
    if (!local) return whole;
    const to = newIndex.get(Number(local[1]));
    return to === undefined ? '' : whole.replace(/\blocalSheetId="\d+"/, `localSheetId="${to}"`);
  });
  wbXml = wbXml.replace(new RegExp(`<${p}definedNames\\b[^>]*>\\s*</${p}definedNames>`), '');
  const firstAddedVisible = added.findIndex((s) => (s.attrs.get('state') ?? 'visible') === 'visible');
  wbXml = wbXml.replace(new RegExp(`<${p}workbookView\\b[^>]*?/?>`, 'g'), (view) => {
    const active = Number(/\bactiveTab="(\d+)"/.exec(view)?.[1] ?? 0);
    let to = newIndex.get(active);
    if (to === undefined) to = firstAddedVisible >= 0 ? kept.length + firstAddedVisible : 0;
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
      if (orig.has(part)) throw new SpliceError('orphan shared strings part');
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

  const bytes = await orig.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, droppedMacros: vbaRels.length > 0 };
}

/** `[Content_Types].xml` with the Override of `part` set to `type`. */
function withContentType(typesXml: string, part: string, type: string): string {
  return typesXml.replace(/<(?:[\w.-]+:)?Override\b([^>]*?)\/?>/g, (whole, inner: string) => {
    const name = unescapeXml(attributes(inner).get('PartName') ?? '').toLowerCase();
    return name === `/${part}`.toLowerCase() ? whole.replace(/\bContentType="[^"]*"/, `ContentType="${type}"`) : whole;
  });
}

/** A table part of ours with an id and a name unused in the original package. */
function renumberTable(xml: string, id: number, names: Set<string>): string {
  const m = /<([\w.-]+:)?table\b([^>]*)>/.exec(xml);
  if (!m) throw new SpliceError('unreadable table');
  if (/DxfId=|dxfId=/.test(xml)) throw new SpliceError('differential format');
  const attrs = attributes(m[2]);
  const wanted = unescapeXml(attrs.get('name') ?? `Tableau${id}`);
  let name = wanted;
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  names.add(name.toLowerCase());
  const head = m[0]
    .replace(/\bid="\d+"/, `id="${id}"`)
    .replace(/\bname="[^"]*"/, `name="${escapeAttr(name)}"`)
    .replace(/\bdisplayName="[^"]*"/, `displayName="${escapeAttr(name)}"`);
  return xml.slice(0, m.index) + head + xml.slice(m.index + m[0].length);
}

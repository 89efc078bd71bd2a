/**
 * An `.xlsx` package at the level of its parts (OPC): reading and writing parts
 * by name, their relationships and content types, with the few XML helpers the
 * package writers need (`splice.ts`, `charts.ts`, `reading-copy.ts`).
 */
import JSZip from 'jszip';

/** A package these writers do not know how to handle: the caller keeps ExcelJS's rewrite. */
export class PackageError extends Error {}

export const CONTENT_TYPES = '[Content_Types].xml';
/** The relationship type of a worksheet (by its last segment, transitional or strict). */
export const WORKSHEET = /\/worksheet$/;
export const TABLE = /\/table$/;
export const STYLES = /\/styles$/;
export const SHARED_STRINGS = /\/sharedStrings$/;
export const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * `r:id="…"` for an element put among the root's children (or theirs), with the prefix
 * the root element binds to the relationships namespace; declared on the spot when the
 * root does not bind it. A declaration further down is not in scope there: openpyxl
 * declares it on each `<sheet>` of its workbook part, not on `<workbook>`.
 */
export function relIdAttribute(xml: string, id: string): string {
  const root = /<[A-Za-z_][^>]*>/.exec(xml)?.[0] ?? '';
  const prefix = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(root)?.[1];
  return prefix ? `${prefix}:id="${id}"` : `xmlns:r="${RELS_NS}" r:id="${id}"`;
}

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
export const OFFICE_DOCUMENT = /\/officeDocument$/;
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

/** A text or attribute value as XML stores it. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The relationship id attribute (`r:id`, whatever its prefix). */
export function relIdOf(attrs: Map<string, string>): string | undefined {
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
  return escapeXml([...Array<string>(ups).fill('..'), ...to.slice(common)].join('/'));
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
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}\\b`).exec(xml);
  if (!m) throw new PackageError(`no ${local} element`);
  return m[1] ?? '';
}

/** Adds a prefix to the unprefixed elements of a fragment written by ExcelJS. */
export function prefixed(fragment: string, p: string): string {
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
    if (name === undefined) throw new PackageError(`no part ${part}`);
    return this.zip.file(name)!.async('string');
  }
  async rels(part: string): Promise<Rel[]> {
    const path = part === '' ? '_rels/.rels' : relsPathOf(part);
    return this.has(path) ? parseRels(await this.text(path)) : [];
  }
  put(part: string, data: string | Uint8Array): void {
    const name = this.name(part) ?? part;
    // As bytes: JSZip encodes a string in slices of 16,384 units, which can cut an emoji in two.
    this.zip.file(name, typeof data === 'string' ? utf8(data) : data);
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
  /** The package as `.xlsx` bytes; parts left untouched keep their compressed bytes. */
  generate(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

export async function workbookPart(pkg: Package): Promise<string> {
  const rel = (await pkg.rels('')).find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external);
  if (!rel) throw new PackageError('no workbook part');
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
export async function reachable(pkg: Package, starts: readonly string[], stop: ReadonlySet<string>): Promise<Set<string>> {
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
export function contentTypeOf(typesXml: string, part: string): string | undefined {
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

export function withoutOverrides(typesXml: string, parts: ReadonlySet<string>): string {
  return typesXml.replace(/<(?:[\w.-]+:)?Override\b([^>]*?)\/?>/g, (whole, inner: string) => {
    const name = unescapeXml(attributes(inner).get('PartName') ?? '').replace(/^\//, '').toLowerCase();
    return parts.has(name) ? '' : whole;
  });
}

export function insertBefore(xml: string, closing: RegExp, fragment: string): string {
  const m = closing.exec(xml);
  if (!m) throw new PackageError(`no ${closing.source}`);
  return xml.slice(0, m.index) + fragment + xml.slice(m.index);
}

export function relsXml(rels: readonly Rel[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`)
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

export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** `[Content_Types].xml` with the Override of `part` set to `type`. */
export function withContentType(typesXml: string, part: string, type: string): string {
  return typesXml.replace(/<(?:[\w.-]+:)?Override\b([^>]*?)\/?>/g, (whole, inner: string) => {
    const name = unescapeXml(attributes(inner).get('PartName') ?? '').toLowerCase();
    return name === `/${part}`.toLowerCase() ? whole.replace(/\bContentType="[^"]*"/, `ContentType="${type}"`) : whole;
  });
}

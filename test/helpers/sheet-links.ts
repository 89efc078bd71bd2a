/**
 * The links of one sheet of a written `.xlsx`, read from its XML: ExcelJS
 * does not read a link written as Excel writes an in-workbook one (a
 * `location`, no relationship), so tests look at the part itself.
 */
import JSZip from 'jszip';

export interface SheetLink {
  /** Where in the workbook (`'Sheet'!$A$1`), for an in-workbook link. */
  readonly location?: string;
  /** The relationship's target, for a link through a relationship. */
  readonly target?: string;
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const v = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return v === undefined ? undefined : unescape(v);
};

/** A relationship's target from the part `from`, as a part name. */
export function resolvePartTarget(from: string, target: string): string {
  const segs = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const s of target.replace(/^\//, '').split('/')) {
    if (s === '..') segs.pop();
    else if (s !== '.' && s !== '') segs.push(s);
  }
  return segs.join('/');
}

const relsOf = (part: string) => part.replace(/([^/]*)$/, '_rels/$1.rels');

async function relationships(zip: JSZip, part: string): Promise<Map<string, { target: string; external: boolean }>> {
  const file = zip.file(relsOf(part));
  const out = new Map<string, { target: string; external: boolean }>();
  if (!file) return out;
  for (const m of (await file.async('string')).matchAll(/<Relationship\b[^>]*>/g)) {
    out.set(attr(m[0], 'Id')!, { target: attr(m[0], 'Target')!, external: attr(m[0], 'TargetMode') === 'External' });
  }
  return out;
}

/** The XML of the part of the sheet named `sheet`. */
async function sheetPart(zip: JSZip, sheet: string): Promise<{ part: string; xml: string }> {
  const wbPart = [...(await zip.file('_rels/.rels')!.async('string')).matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => /officeDocument$/.test(attr(t, 'Type') ?? ''));
  const workbook = resolvePartTarget('', attr(wbPart!, 'Target')!);
  const wbXml = await zip.file(workbook)!.async('string');
  const el = [...wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, 'name') === sheet);
  if (!el) throw new Error(`no sheet ${sheet}`);
  const id = /\s[\w.-]+:id="([^"]*)"/.exec(el)![1];
  const part = resolvePartTarget(workbook, (await relationships(zip, workbook)).get(id)!.target);
  return { part, xml: await zip.file(part)!.async('string') };
}

/**
 * 1-based rows that start a page after a manual break of the sheet named `sheet` (ExcelJS does not
 * read `rowBreaks` back): `<brk id="n">` breaks below row n.
 */
export async function sheetRowBreaks(bytes: Uint8Array, sheet: string): Promise<number[]> {
  const { xml } = await sheetPart(await JSZip.loadAsync(bytes), sheet);
  const breaks = /<(?:\w+:)?rowBreaks\b[\s\S]*?<\/(?:\w+:)?rowBreaks>/.exec(xml)?.[0] ?? '';
  return [...breaks.matchAll(/<(?:\w+:)?brk\b[^>]*>/g)].map((m) => Number(attr(m[0], 'id')) + 1);
}

/** Cell address → link, for the sheet named `sheet`. */
export async function sheetLinks(bytes: Uint8Array, sheet: string): Promise<Map<string, SheetLink>> {
  const zip = await JSZip.loadAsync(bytes);
  const { part, xml } = await sheetPart(zip, sheet);
  const rels = await relationships(zip, part);
  const out = new Map<string, SheetLink>();
  for (const m of xml.matchAll(/<(?:\w+:)?hyperlink\b[^>]*>/g)) {
    const rel = /\s[\w.-]+:id="([^"]*)"/.exec(m[0])?.[1];
    const location = attr(m[0], 'location');
    out.set(attr(m[0], 'ref')!, {
      ...(location !== undefined ? { location } : {}),
      ...(rel !== undefined ? { target: unescape(rels.get(rel)!.target) } : {}),
    });
  }
  return out;
}

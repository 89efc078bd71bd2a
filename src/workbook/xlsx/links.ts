/**
 * Links to a place in the workbook, written as Excel writes them: a `location`
 * on the `<hyperlink>` element and no relationship. ExcelJS writes them as
 * external relationships to `#'Sheet'!$A$1`, a form Excel for Windows is
 * reported not to follow when the sheet's name holds a space (exceljs#749),
 * as every `SPASER …` sheet's does.
 */
import { attributes, escapeXml, type Package, relIdOf, relsPathOf, relsXml, resolveTarget, sheetEntries, unescapeXml, workbookPart, WORKSHEET } from './package';

const HYPERLINK = /\/hyperlink$/;

/** Every worksheet of `pkg` (written by ExcelJS) with its in-workbook links as locations. */
export async function internalLinksAsLocations(pkg: Package): Promise<void> {
  const wbPart = await workbookPart(pkg);
  const sheets = sheetEntries(await pkg.text(wbPart), await pkg.rels(wbPart));
  for (const sheet of sheets) {
    if (!sheet.rel || sheet.rel.external || !WORKSHEET.test(sheet.rel.type)) continue;
    await sheetLinksAsLocations(pkg, resolveTarget(wbPart, sheet.rel.target));
  }
}

async function sheetLinksAsLocations(pkg: Package, part: string): Promise<void> {
  const rels = await pkg.rels(part);
  const places = new Map<string, string>();
  for (const r of rels) {
    const target = unescapeXml(r.target);
    if (r.external && HYPERLINK.test(r.type) && target.startsWith('#')) places.set(r.id, target.slice(1));
  }
  if (places.size === 0) return;
  const xml = await pkg.text(part);
  const out = xml.replace(/<((?:[\w.-]+:)?hyperlink)\b([^>]*?)(\/?)>/g, (el, name: string, attrs: string, selfClosing: string) => {
    const a = attributes(attrs);
    const id = relIdOf(a);
    const place = id === undefined ? undefined : places.get(id);
    if (place === undefined) return el;
    const withoutRel = attrs.replace(/\s[\w.-]+:id\s*=\s*(?:"[^"]*"|'[^']*')/, '');
    const location = a.has('location') ? '' : ` location="${escapeXml(place)}"`;
    return `<${name}${withoutRel}${location}${selfClosing}>`;
  });
  pkg.put(part, out);
  const left = rels.filter((r) => !places.has(r.id));
  if (left.length > 0) pkg.put(relsPathOf(part), relsXml(left));
  else pkg.remove(relsPathOf(part));
}

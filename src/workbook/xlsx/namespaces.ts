/**
 * Files written by the Open XML SDK (exports of many business applications)
 * name SpreadsheetML with a prefix (`<x:worksheet xmlns:x="…/main">`), which is
 * valid XML that ExcelJS 4.4 does not read. ExcelJS is given a copy whose parts
 * use the default namespace instead (`reading-copy.ts`); the file itself is kept
 * as it is (`splice.ts` handles prefixes).
 */
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The prefix a part binds to SpreadsheetML, when its root element uses one. */
function mainPrefix(xml: string): string | null {
  const m = /<([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\b[^>]*\bxmlns:\1\s*=\s*"([^"]*)"/.exec(xml);
  return m && m[2] === MAIN ? m[1] : null;
}

/** A part with its SpreadsheetML prefix removed (elements and attributes), or null when it has none. */
export function unprefixed(xml: string): string | null {
  const p = mainPrefix(xml);
  if (p === null) return null;
  // A default namespace of another vocabulary on an element would then capture its children.
  if (/\sxmlns\s*=\s*"/.test(xml)) return null;
  const esc = p.replace(/[.-]/g, '\\$&');
  return xml
    .replace(new RegExp(`<(/?)${esc}:`, 'g'), '<$1')
    .replace(new RegExp(`\\sxmlns:${esc}\\s*=\\s*"${MAIN.replace(/[.\\/]/g, '\\$&')}"`), ` xmlns="${MAIN}"`);
}

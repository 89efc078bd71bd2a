/** Checks of a written `.xlsx` package as Excel checks it when opening, as far as a test can see. */
import JSZip from 'jszip';
import { resolvePartTarget as resolve } from '../../helpers/sheet-links';

export async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, Buffer.from(await zip.files[name].async('uint8array')));
  return out;
}

export function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}


/** What Excel checks when it opens a package, as far as a test can see it. */
export async function expectWholePackage(bytes: Uint8Array): Promise<void> {
  const all = await parts(bytes);
  const text = (p: string) => all.get(p)!.toString('utf8');
  const types = text('[Content_Types].xml');
  const defaults = [...types.matchAll(/<Default [^>]*>/g)].map((m) => attr(m[0], 'Extension')!.toLowerCase());
  const overrides = [...types.matchAll(/<Override [^>]*>/g)].map((m) => attr(m[0], 'PartName')!.replace(/^\//, ''));
  for (const part of all.keys()) {
    if (part === '[Content_Types].xml') continue;
    expect({ part, typed: overrides.includes(part) || defaults.includes(part.split('.').pop()!.toLowerCase()) }).toEqual({ part, typed: true });
  }
  for (const o of overrides) expect({ override: o, exists: all.has(o) }).toEqual({ override: o, exists: true });
  // Every internal relationship leads to a part.
  for (const rels of [...all.keys()].filter((p) => p.endsWith('.rels'))) {
    const owner = rels.replace(/_rels\/([^/]*)\.rels$/, '$1');
    for (const m of text(rels).matchAll(/<Relationship [^>]*>/g)) {
      if (attr(m[0], 'TargetMode') === 'External') continue;
      const target = resolve(owner === '.rels' ? '' : owner, attr(m[0], 'Target')!);
      expect({ rels, target, exists: all.has(target) }).toEqual({ rels, target, exists: true });
    }
  }
  // Sheets: unique names and ids; tables: unique ids and names.
  const wb = text('xl/workbook.xml');
  const sheets = [...wb.matchAll(/<sheet [^>]*>/g)].map((m) => m[0]);
  expect(new Set(sheets.map((s) => attr(s, 'name')!.toLowerCase())).size).toBe(sheets.length);
  expect(new Set(sheets.map((s) => attr(s, 'sheetId'))).size).toBe(sheets.length);
  const tables = [...all.keys()].filter((p) => /^xl\/tables\/.*\.xml$/.test(p)).map((p) => /<table [^>]*>/.exec(text(p))![0]);
  expect(new Set(tables.map((t) => attr(t, 'id'))).size).toBe(tables.length);
  expect(new Set(tables.map((t) => attr(t, 'name')!.toLowerCase())).size).toBe(tables.length);
  // Counts match the lists, and no cell names a style or a string that is not there.
  const styles = text('xl/styles.xml');
  const count = (section: string, item: string) => {
    const body = new RegExp(`<${section}[^>]*count="(\\d+)"[^>]*>([\\s\\S]*?)</${section}>`).exec(styles)!;
    const n = [...body[2].matchAll(new RegExp(`<${item}[\\s/>]`, 'g'))].length;
    expect({ section, count: Number(body[1]) }).toEqual({ section, count: n });
    return n;
  };
  for (const [s, i] of [['fonts', 'font'], ['fills', 'fill'], ['borders', 'border']]) count(s, i);
  const xfs = count('cellXfs', 'xf');
  const sst = all.has('xl/sharedStrings.xml') ? text('xl/sharedStrings.xml') : '<sst uniqueCount="0"></sst>';
  const strings = [...sst.matchAll(/<si>/g)].length;
  expect(Number(attr(/<sst [^>]*>/.exec(sst)![0], 'uniqueCount'))).toBe(strings);
  for (const sheet of [...all.keys()].filter((p) => /^xl\/worksheets\/[^/]*\.xml$/.test(p))) {
    const xml = text(sheet);
    for (const m of xml.matchAll(/<c [^>]*\ss="(\d+)"/g)) expect(Number(m[1])).toBeLessThan(xfs);
    for (const m of xml.matchAll(/<c [^>]*t="s"[^>]*><v>(\d+)<\/v>/g)) expect(Number(m[1])).toBeLessThan(strings);
  }
}


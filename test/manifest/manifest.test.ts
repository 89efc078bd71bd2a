/**
 * Offline checks of manifest.xml: `npm run validate` needs Microsoft's online
 * validator, which this machine cannot reach.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  associatedFunctions,
  childElements,
  descendants,
  manifestUrls,
  parseXml,
  pngSize,
  residErrors,
  resources,
  structureErrors,
  xsiType,
  type XmlElement,
} from './checks';

const ROOT = join(__dirname, '..', '..');
const MANIFEST_TEXT = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const parsed = parseXml(MANIFEST_TEXT);
const root = parsed.root as XmlElement;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackFactory = require('../../webpack.config.js') as {
  (env: Record<string, unknown>, argv: Record<string, unknown>): { plugins: object[] };
  urlDev: string;
  DEFAULT_URL_PROD: string;
  productionUrl(env: Record<string, string | undefined>): string;
  rewriteManifest(content: string, urlProd: string): string;
};
const URL_DEV = webpackFactory.urlDev;
const prodConfig = webpackFactory({ WEBPACK_BUILD: true }, { mode: 'production' });

// eslint-disable-next-line @typescript-eslint/no-require-imports
const HtmlWebpackPlugin = require('html-webpack-plugin') as new () => object;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CopyWebpackPlugin = require('copy-webpack-plugin') as new () => object;
type HtmlPlugin = { userOptions: { filename: string; template: string; chunks: string[] } };
const htmlPages = prodConfig.plugins.filter((p) => p instanceof HtmlWebpackPlugin).map((p) => (p as HtmlPlugin).userOptions);
const copyPatterns = prodConfig.plugins
  .filter((p) => p instanceof CopyWebpackPlugin)
  .flatMap((p) => (p as { patterns: { from: string; to: string }[] }).patterns);

const byName = (name: string, from: XmlElement = root) => descendants(from).filter((e) => e.localName === name);
const one = (name: string, from: XmlElement = root) => {
  const found = byName(name, from);
  expect(found).toHaveLength(1);
  return found[0];
};
const res = resources(root);
const shortString = (resid: string | null) => res.ShortStrings.get(resid ?? '');

describe('manifest.xml', () => {
  test('is well-formed XML with a TaskPaneApp root', () => {
    expect(parsed.errors).toEqual([]);
    expect(root.localName).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
  });

  test('every element is known, in schema order, with its required children', () => {
    expect(structureErrors(root)).toEqual([]);
  });

  test('default locale fr-FR, permission ReadWriteDocument only, Excel only', () => {
    expect(one('DefaultLocale').textContent).toBe('fr-FR');
    expect(one('Permissions').textContent?.trim()).toBe('ReadWriteDocument');
    const baseHosts = childElements(childElements(root).find((e) => e.localName === 'Hosts') as XmlElement);
    expect(baseHosts.map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
  });

  test('requires ExcelApi 1.7 (getRangeByIndexes, hyperlinks) and SharedRuntime 1.1', () => {
    const baseRequirements = childElements(root).find((e) => e.localName === 'Requirements') as XmlElement;
    const sets = new Map(byName('Set', baseRequirements).map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]));
    expect(sets.get('ExcelApi')).toBe('1.7');
    expect(sets.get('SharedRuntime')).toBe('1.1');
  });

  test('resids are at most 32 characters, defined with the right kind, and every resource is used', () => {
    expect(residErrors(root)).toEqual([]);
  });

  test('one custom tab SPASER whose groups come before its label', () => {
    const tabs = byName('CustomTab');
    expect(tabs).toHaveLength(1);
    const children = childElements(tabs[0]).map((c) => c.localName);
    expect(children[children.length - 1]).toBe('Label');
    expect(children.filter((c) => c === 'Group').length).toBeGreaterThanOrEqual(1);
    const label = childElements(tabs[0]).find((c) => c.localName === 'Label') as XmlElement;
    expect(shortString(label.getAttribute('resid'))).toBe('SPASER');
  });

  test('the group holds « Calculer les indicateurs » (ExecuteFunction) then « Ouvrir le registre » (ShowTaskpane)', () => {
    const group = one('Group');
    const controls = childElements(group)
      .filter((c) => c.localName === 'Control')
      .map((c) => {
        const label = childElements(c).find((x) => x.localName === 'Label') as XmlElement;
        const action = childElements(c).find((x) => x.localName === 'Action') as XmlElement;
        return { label: shortString(label.getAttribute('resid')), action: xsiType(action) };
      });
    expect(controls).toEqual([
      { label: 'Calculer les indicateurs', action: 'ExecuteFunction' },
      { label: 'Ouvrir le registre', action: 'ShowTaskpane' },
    ]);
  });

  test('shared runtime: one long-lived runtime on the task pane page, used by the function file and the pane', () => {
    const runtime = one('Runtime');
    expect(runtime.getAttribute('lifetime')).toBe('long');
    const runtimeResid = runtime.getAttribute('resid');
    expect(runtimeResid).toBe('Taskpane.Url');
    expect(one('FunctionFile').getAttribute('resid')).toBe(runtimeResid);
    const showTaskpane = byName('Action').filter((a) => xsiType(a) === 'ShowTaskpane');
    for (const action of showTaskpane) {
      expect(one('SourceLocation', action).getAttribute('resid')).toBe(runtimeResid);
      // A pane without TaskpaneId counts as a second pane, which a shared runtime does not support.
      expect(one('TaskpaneId', action).textContent?.trim()).not.toBe('');
    }
    const runtimeUrl = res.Urls.get(runtimeResid ?? '');
    expect(runtimeUrl).toBe(`${URL_DEV}taskpane.html`);
    const defaultSource = one('SourceLocation', childElements(root).find((e) => e.localName === 'DefaultSettings') as XmlElement);
    expect(defaultSource.getAttribute('DefaultValue')).toBe(runtimeUrl);
  });

  test('every FunctionName is registered by Office.actions.associate in src/commands/commands.ts, and back', () => {
    const declared = new Set(byName('FunctionName').map((f) => f.textContent?.trim() ?? ''));
    const associated = associatedFunctions(readFileSync(join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8'));
    expect(declared.size).toBeGreaterThan(0);
    expect([...declared].sort()).toEqual([...associated].sort());
  });

  test('every icon file exists in assets/ with the declared pixel size', () => {
    const icons = byName('Icon');
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      const sizes: number[] = [];
      for (const image of childElements(icon)) {
        const size = Number(image.getAttribute('size'));
        sizes.push(size);
        const url = res.Images.get(image.getAttribute('resid') ?? '') ?? '';
        expect(url.startsWith(`${URL_DEV}assets/`)).toBe(true);
        const file = join(ROOT, url.slice(URL_DEV.length));
        expect(existsSync(file)).toBe(true);
        expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
      }
      // Sizes the ribbon requires.
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 80]));
    }
    const expectedSizes: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };
    for (const [name, size] of Object.entries(expectedSizes)) {
      const url = one(name).getAttribute('DefaultValue') ?? '';
      const file = join(ROOT, url.slice(URL_DEV.length));
      expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
    }
  });

  test('every URL is https; dev URLs point to a page the build produces or to a copied asset', () => {
    const pages = new Set(htmlPages.map((p) => p.filename));
    expect(pages).toEqual(new Set(['taskpane.html', 'commands.html']));
    expect(copyPatterns).toEqual(expect.arrayContaining([{ from: 'assets/*.png', to: 'assets/[name][ext]' }]));
    const urls = manifestUrls(root);
    expect(urls.length).toBeGreaterThan(10);
    for (const { where, url } of urls) {
      expect(`${where} ${url}`).toMatch(/ https:\/\//);
      if (!url.startsWith(URL_DEV)) {
        expect(`${where} ${url}`).not.toContain('localhost');
        continue;
      }
      const relative = url.slice(URL_DEV.length);
      if (relative.endsWith('.html')) expect(pages).toContain(relative);
      else {
        expect(relative).toMatch(/^assets\/[^/]+\.png$/);
        expect(existsSync(join(ROOT, relative))).toBe(true);
      }
    }
  });

  test('the support URL is a public https address', () => {
    const support = one('SupportUrl').getAttribute('DefaultValue') ?? '';
    expect(support).toMatch(/^https:\/\/[^/]+\.[a-z]+\//);
    expect(support).not.toContain('localhost');
  });
});

describe('webpack pages', () => {
  test('the task pane page also loads the ribbon commands (shared runtime)', () => {
    const taskpane = htmlPages.find((p) => p.filename === 'taskpane.html');
    expect(taskpane?.chunks).toEqual(expect.arrayContaining(['taskpane', 'commands']));
    const commands = htmlPages.find((p) => p.filename === 'commands.html');
    expect(commands?.chunks).toEqual(['commands']);
  });

  test.each(['src/taskpane/taskpane.html', 'src/commands/commands.html'])('%s loads Office.js from Microsoft CDN', (file) => {
    const html = readFileSync(join(ROOT, file), 'utf8');
    expect(html).toContain('<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(html).toContain('lang="fr"');
  });
});

describe('production URL rewrite', () => {
  test('SPASER_URL defaults to the City deployment address', () => {
    expect(webpackFactory.productionUrl({})).toBe('https://spaser.roubaix.fr/addin/');
  });

  test('SPASER_URL gets a trailing slash and must be https', () => {
    expect(webpackFactory.productionUrl({ SPASER_URL: 'https://example.org/spaser' })).toBe('https://example.org/spaser/');
    expect(() => webpackFactory.productionUrl({ SPASER_URL: 'http://example.org/' })).toThrow(/https/);
    expect(() => webpackFactory.productionUrl({ SPASER_URL: 'pas une adresse' })).toThrow(/SPASER_URL/);
  });

  test('every dev URL of the manifest becomes the deployment URL, the rest stays', () => {
    const urlProd = 'https://example.org/spaser/';
    const rewritten = webpackFactory.rewriteManifest(MANIFEST_TEXT, urlProd);
    expect(rewritten).not.toContain('localhost');
    const prodRoot = parseXml(rewritten).root as XmlElement;
    const before = manifestUrls(root);
    const after = manifestUrls(prodRoot);
    expect(after.map((u) => u.where)).toEqual(before.map((u) => u.where));
    after.forEach(({ url }, i) => {
      const original = before[i].url;
      expect(url).toBe(original.startsWith(URL_DEV) ? urlProd + original.slice(URL_DEV.length) : original);
    });
    expect(resources(prodRoot).Urls.get('Taskpane.Url')).toBe('https://example.org/spaser/taskpane.html');
  });

  type CopyPattern = { from: string; to: string; transform?: (content: Buffer) => string };
  const manifestPattern = (mode: string): CopyPattern | undefined =>
    webpackFactory({ WEBPACK_BUILD: true }, { mode })
      .plugins.filter((p) => p instanceof CopyWebpackPlugin)
      .flatMap((p) => (p as { patterns: CopyPattern[] }).patterns)
      .find((p) => p.from === 'manifest.xml');

  test('the production build writes dist/manifest.xml with SPASER_URL, the development build as it is', () => {
    const saved = process.env.SPASER_URL;
    process.env.SPASER_URL = 'https://intranet.example.org/spaser';
    try {
      const pattern = manifestPattern('production');
      expect(pattern?.to).toBe('manifest.xml');
      const built = pattern?.transform?.(Buffer.from(MANIFEST_TEXT)) ?? MANIFEST_TEXT;
      const builtXml = parseXml(built);
      expect(builtXml.errors).toEqual([]);
      const urls = manifestUrls(builtXml.root as XmlElement);
      expect(urls.filter(({ url }) => url.startsWith('https://intranet.example.org/spaser/'))).toHaveLength(
        manifestUrls(root).filter(({ url }) => url.startsWith(URL_DEV)).length,
      );
      expect(built).not.toContain('localhost');
      expect(manifestPattern('development')?.transform).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.SPASER_URL;
      else process.env.SPASER_URL = saved;
    }
  });
});

/**
 * The jsdom tests load Fluent UI from one tree-shaken file (test/fluent-bundle.js): it must hold
 * every component the pane imports, and refuse an import form whose names it cannot list.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fluentBundle, importedNames } = require('../fluent-bundle') as {
  fluentBundle: () => string;
  importedNames: (dirs?: string[]) => string[];
};

/** Built, so that this file's own text is no import of the package for the scan. */
const PKG = ['@fluentui', 'react-components'].join('/');

function tempSources(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fluent-names-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('Fluent UI bundle of the jsdom tests', () => {
  it('exports, as the package does, every value the pane imports', () => {
    const real = jest.requireActual<Record<string, unknown>>(PKG);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(fluentBundle()) as Record<string, unknown>;
    const names = importedNames([path.join(__dirname, '../../src')]);
    expect(names).toEqual(expect.arrayContaining(['Button', 'FluentProvider', 'MessageBar', 'webLightTheme']));
    for (const name of names) {
      expect(typeof bundled[name]).toBe(typeof real[name]);
      expect(bundled[name]).toBeDefined();
    }
  });

  it('lists named imports, leaves type names out, and refuses any other import form', () => {
    const named = tempSources({
      'a.tsx': `import { Button, type ButtonProps, Text as T } from '${PKG}';\nimport type { InputProps } from '${PKG}';\n`,
      'b.ts': `import {\n  Field,\n  Input,\n} from '${PKG}';\n`,
    });
    expect(importedNames([named])).toEqual(['Button', 'Field', 'Input', 'Text']);
    const star = tempSources({ 'c.tsx': `import * as F from '${PKG}';\n` });
    expect(() => importedNames([star])).toThrow(/named imports only/);
    const required = tempSources({ 'd.ts': `const F = require('${PKG}');\n` });
    expect(() => importedNames([required])).toThrow(/named imports only/);
  });
});

/**
 * Fluent UI for the jsdom tests, as one file holding only the components the pane imports.
 *
 * `require('@fluentui/react-components')` evaluates ~2,100 modules (~2 s), and jest pays it
 * again in every test file: ~100 s of a CI run. esbuild tree-shakes the package's ES build
 * (the one webpack ships) down to the names imported in `src/` and `test/`; jest maps the
 * package to that file. React stays external, so the tests and Fluent share one React.
 * Any other form of import of the package stops the run (the list would miss its names).
 */
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');

const root = path.join(__dirname, '..');
const PACKAGE = '@fluentui/react-components';
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*'@fluentui\/react-components'/g;
const TYPE_IMPORT = /import\s+type\s*\{[^}]*\}\s*from\s*'@fluentui\/react-components'/g;

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The values imported from the package anywhere in `dirs` (`type X` names left out). */
function importedNames(dirs = [path.join(root, 'src'), path.join(root, 'test')]) {
  const names = new Set();
  for (const file of dirs.flatMap(sourceFiles)) {
    const text = fs.readFileSync(file, 'utf8');
    const named = [...text.matchAll(IMPORT)].length + [...text.matchAll(TYPE_IMPORT)].length;
    if (text.split(`'${PACKAGE}'`).length - 1 !== named) {
      throw new Error(`${path.relative(root, file)}: import ${PACKAGE} by named imports only (test/fluent-bundle.js)`);
    }
    for (const m of text.matchAll(IMPORT)) {
      for (const part of m[1].split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0].trim();
        if (name && !name.startsWith('type ')) names.add(name);
      }
    }
  }
  return [...names].sort();
}

/** Path of the bundle, built when the names or the installed versions changed. */
function fluentBundle() {
  const esbuild = require('esbuild');
  const version = require(`${PACKAGE}/package.json`).version;
  const names = importedNames();
  const key = createHash('sha1')
    .update(JSON.stringify([names, version, esbuild.version, fs.readFileSync(__filename, 'utf8')]))
    .digest('hex')
    .slice(0, 12);
  const out = path.join(root, 'node_modules', '.cache', 'registre-spaser', `fluent-${key}.cjs`);
  if (fs.existsSync(out)) return out;
  // Earlier bundles stay (~0.4 MB each; a clone sharing this node_modules may use one); `npm ci` clears them.
  const tmp = `${out}.${process.pid}.tmp`;
  esbuild.buildSync({
    stdin: { contents: `export { ${names.join(', ')} } from '${PACKAGE}';`, resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    outfile: tmp,
    logLevel: 'error',
  });
  fs.renameSync(tmp, out); // whole or absent, if two jest runs build at once
  return out;
}

module.exports = { fluentBundle, importedNames };

// Bundles the command line (`build/cli/main.js`, `demo.js`). Each file is written beside
// its place and renamed into it: a run started meanwhile (another `npm run spaser`, a test
// worker) reads the whole old file or the whole new one, never a half-written one.
import { renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const result = await build({
  entryPoints: ['src/cli/main.ts', 'src/cli/demo.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir: 'build/cli',
  logLevel: 'warning',
  write: false,
});
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}

/** A jest run keeps its temporary files in one folder of its own and removes it at the end. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const setUp = require('../helpers/temp-root-setup.js') as () => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tearDown = require('../helpers/temp-root-teardown.js') as () => Promise<void>;

type State = { root: string; real: string } | undefined;
const holder = globalThis as { __SPASER_TEMP_ROOT__?: State };

test('the tests of this run write their temporary files under the run’s own folder', () => {
  const root = os.tmpdir();
  expect(path.basename(root)).toMatch(/^spaser-tests-/);
  expect(path.dirname(root)).toBe(process.env.SPASER_TEST_CACHE_DIR);
  expect(fs.statSync(root).isDirectory()).toBe(true);
});

// Jest gives a test its own copy of process.env, which os.tmpdir() does not read: TMPDIR is read from it.
test('setup gives a fresh folder; teardown removes it with its content and restores TMPDIR', async () => {
  const saved = { tmp: process.env.TMPDIR, cache: process.env.SPASER_TEST_CACHE_DIR, state: holder.__SPASER_TEMP_ROOT__ };
  const before = os.tmpdir();
  try {
    await setUp();
    const root = process.env.TMPDIR!;
    expect(root).not.toBe(before);
    expect(path.dirname(root)).toBe(before);
    fs.mkdirSync(path.join(root, 'spaser-cli-x'));
    fs.writeFileSync(path.join(root, 'spaser-cli-x', 'sortie.xlsx'), 'x');
    await tearDown();
    expect(fs.existsSync(root)).toBe(false);
    expect(process.env.TMPDIR).toBe(before);
  } finally {
    process.env.TMPDIR = saved.tmp;
    process.env.SPASER_TEST_CACHE_DIR = saved.cache;
    holder.__SPASER_TEMP_ROOT__ = saved.state;
  }
});

/**
 * One temporary folder per jest run: tests, their workers and the processes they start (CLI,
 * Chromium, LibreOffice) make their temporary files under it, and the teardown removes it.
 * Before, each run left ~200 folders in /tmp (`spaser-cli-…`, `blind-chef-…`).
 * The pane's end-to-end build, reused across runs, stays in the real temporary folder.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function setUpTempRoot() {
  const real = os.tmpdir();
  const root = fs.mkdtempSync(path.join(real, 'spaser-tests-'));
  process.env.SPASER_TEST_CACHE_DIR = real;
  process.env.TMPDIR = root;
  globalThis.__SPASER_TEMP_ROOT__ = { root, real };
};

/** Removes the run's temporary folder (see temp-root-setup.js). */
const fs = require('node:fs');

module.exports = async function tearDownTempRoot() {
  const state = globalThis.__SPASER_TEMP_ROOT__;
  if (!state) return;
  process.env.TMPDIR = state.real;
  fs.rmSync(state.root, { recursive: true, force: true });
};

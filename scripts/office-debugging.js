/**
 * `npm start` / `npm stop`: office-addin-debugging through npx (not a devDependency:
 * it pulls keytar, a native module that `npm ci` could not build offline). When npx
 * cannot fetch or build it, npx exits 1 without a word after ~45 s: say what happened
 * and what to do instead.
 */
const { spawnSync } = require('child_process');

const MANIFEST = 'manifest.xml';

/** The npx arguments of an action (start or stop). */
function npxArguments(action) {
  return ['--yes', 'office-addin-debugging', action, MANIFEST];
}

const FAILURE_MESSAGE = (action, detail) =>
  [
    '',
    `office-addin-debugging ${action} a échoué (npx, ${detail}).`,
    'npx le télécharge depuis le registre npm à la première utilisation, avec keytar, un module natif',
    "dont le binaire vient de GitHub : sans accès au registre npm et à GitHub (proxy, poste hors ligne),",
    "npx s'arrête sans message ; la commande suivante montre l'étape qui échoue :",
    `  npx --yes --loglevel=verbose office-addin-debugging ${action} ${MANIFEST}`,
    "Le chargement par npm start ne concerne qu'Excel pour Windows et pour Mac.",
    action === 'start'
      ? 'Sans lui : npm run dev-server, puis charger manifest.xml à la main (README, « Charger en test (sideload) »).'
      : 'Sans lui : arrêter le serveur de développement (Ctrl+C dans son terminal) et retirer le complément dans Excel.',
  ].join('\n');

/**
 * Runs office-addin-debugging `action`; returns its exit code. `spawn` and `log` are
 * injected by the tests.
 */
function runOfficeDebugging(action, { spawn = spawnSync, log = (message) => console.error(message), platform = process.platform } = {}) {
  if (action !== 'start' && action !== 'stop') {
    log('Usage : node scripts/office-debugging.js start|stop');
    return 1;
  }
  // npx is npx.cmd on Windows: a shell finds it.
  const result = spawn('npx', npxArguments(action), { stdio: 'inherit', shell: platform === 'win32' });
  const status = result.error ? 1 : (result.status ?? 1);
  if (status !== 0) log(FAILURE_MESSAGE(action, result.error ? result.error.message : `code ${status}`));
  return status;
}

if (require.main === module) process.exitCode = runOfficeDebugging(process.argv[2]);

module.exports = { npxArguments, runOfficeDebugging, FAILURE_MESSAGE };

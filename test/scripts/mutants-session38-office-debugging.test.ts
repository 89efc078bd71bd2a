/**
 * Session 38 mutants of `scripts/office-debugging.js` (session 37): the script run as `npm start`
 * runs, passes its action and exits with npx's code; an npx ended without a code is a failure.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runOfficeDebugging } = require('../../scripts/office-debugging.js') as {
  runOfficeDebugging(action: string, io: { spawn: () => { status: number | null; signal?: string; error?: Error }; log: (m: string) => void; platform?: string }): number;
};

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'office-debugging.js');

it('an npx stopped without an exit code (a signal) is a failure, explained', () => {
  const logs: string[] = [];
  const code = runOfficeDebugging('start', { spawn: () => ({ status: null, signal: 'SIGTERM' }), log: (m) => logs.push(m), platform: 'linux' });
  expect(code).not.toBe(0);
  expect(logs).toHaveLength(1);
  expect(logs[0]).toContain('office-addin-debugging start a échoué');
});

(process.platform === 'win32' ? it.skip : it)('run by node, it passes its action to npx and exits with npx’s code', () => {
  // A stand-in npx first on the PATH: it writes its arguments and exits with 3.
  const bin = mkdtempSync(join(tmpdir(), 'spaser-npx-'));
  try {
    writeFileSync(join(bin, 'npx'), '#!/bin/sh\necho "args: $*"\nexit 3\n');
    chmodSync(join(bin, 'npx'), 0o755);
    const run = spawnSync(process.execPath, [SCRIPT, 'stop'], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` } });
    expect(run.stdout).toContain('args: --yes office-addin-debugging stop manifest.xml');
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('office-addin-debugging stop a échoué (npx, code 3).');
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

/**
 * `npm start` / `npm stop`: office-addin-debugging through npx. Offline, npx exits 1
 * without a word after ~45 s (keytar cannot be fetched nor built): the wrapper says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runOfficeDebugging } = require('../../scripts/office-debugging.js') as {
  runOfficeDebugging(
    action: string,
    io: {
      spawn: (command: string, args: string[], options: { stdio: string; shell: boolean }) => { status: number | null; error?: Error };
      log: (message: string) => void;
      platform?: string;
    },
  ): number;
};

const ROOT = join(__dirname, '..', '..');

function run(action: string, result: { status: number | null; error?: Error }, platform = 'linux') {
  const calls: { command: string; args: string[]; shell: boolean }[] = [];
  const logs: string[] = [];
  const code = runOfficeDebugging(action, {
    spawn: (command, args, options) => {
      calls.push({ command, args, shell: options.shell });
      return result;
    },
    log: (m) => logs.push(m),
    platform,
  });
  return { code, calls, logs };
}

test('npm start and npm stop go through the wrapper', () => {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(scripts.start).toBe('node scripts/office-debugging.js start');
  expect(scripts.stop).toBe('node scripts/office-debugging.js stop');
});

test('runs office-addin-debugging on the root manifest through npx, quietly when it works', () => {
  const { code, calls, logs } = run('start', { status: 0 });
  expect(code).toBe(0);
  expect(calls).toEqual([{ command: 'npx', args: ['--yes', 'office-addin-debugging', 'start', 'manifest.xml'], shell: false }]);
  expect(logs).toEqual([]);
  // npx.cmd on Windows is found by a shell.
  expect(run('stop', { status: 0 }, 'win32').calls[0].shell).toBe(true);
});

test('a silent npx failure is explained in French, with the manual way and the exit code kept', () => {
  const { code, logs } = run('start', { status: 1 });
  expect(code).toBe(1);
  expect(logs).toHaveLength(1);
  expect(logs[0]).toContain('office-addin-debugging start a échoué (npx, code 1).');
  expect(logs[0]).toContain('npx --yes --loglevel=verbose office-addin-debugging start manifest.xml');
  expect(logs[0]).toContain('npm run dev-server, puis charger manifest.xml à la main');
  const stop = run('stop', { status: 1 });
  expect(stop.code).toBe(1);
  expect(stop.logs[0]).toContain('office-addin-debugging stop a échoué');
  expect(stop.logs[0]).toContain('Ctrl+C');
});

test('npx missing is a failure too; an unknown action is refused without running npx', () => {
  const missing = run('start', { status: null, error: new Error('spawn npx ENOENT') });
  expect(missing.code).toBe(1);
  expect(missing.logs[0]).toContain('(npx, spawn npx ENOENT)');
  const unknown = run('debug', { status: 0 });
  expect(unknown.code).toBe(1);
  expect(unknown.calls).toEqual([]);
});

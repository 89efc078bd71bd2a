/**
 * Session 38 mutants of `scripts/dev-certs.js` (session 37): a certificate is valid up to and
 * including its « not after » second (RFC 5280, 4.1.2.5): no warning at that very second; the dev
 * server gives no date, the clock's is used.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { devServerHttps } = require('../../scripts/dev-certs.js') as {
  devServerHttps(dir: string, warn: (m: string) => void, now?: Date): { type: string };
};

/** Made by `npx office-addin-dev-certs install`, valid to 02/01/2027 07:42:41 UTC (`openssl x509 -enddate`). */
const DEV_CERT = join(__dirname, '..', 'fixtures', 'dev-certs', 'localhost.crt');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spaser-certs-'));
  writeFileSync(join(dir, 'localhost.key'), 'KEY');
  writeFileSync(join(dir, 'ca.crt'), 'CA');
  copyFileSync(DEV_CERT, join(dir, 'localhost.crt'));
});
afterEach(() => {
  jest.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

it('warns from the second after the end of validity, not at it', () => {
  const warn = jest.fn();
  devServerHttps(dir, warn, new Date('2027-01-02T07:42:41Z'));
  expect(warn).not.toHaveBeenCalled();
  devServerHttps(dir, warn, new Date('2027-01-02T07:42:42Z'));
  expect(warn).toHaveBeenCalledTimes(1);
});

it('without a date given (webpack.config.js gives none), the date is the clock’s', () => {
  jest.useFakeTimers({ now: new Date('2027-02-01T09:00:00Z') });
  const warn = jest.fn();
  devServerHttps(dir, warn);
  expect(warn).toHaveBeenCalledTimes(1);
});

/** Dev-server HTTPS: Office dev certificates when present, a French warning otherwise. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readDevCerts, devServerHttps } = require('../../scripts/dev-certs.js') as {
  readDevCerts(dir: string): { key: Buffer; cert: Buffer; ca: Buffer } | null;
  devServerHttps(dir: string, warn: (m: string) => void): { type: string; options?: Record<string, Buffer> };
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spaser-certs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeAll(): void {
  writeFileSync(join(dir, 'localhost.key'), 'KEY');
  writeFileSync(join(dir, 'localhost.crt'), 'CERT');
  writeFileSync(join(dir, 'ca.crt'), 'CA');
}

test('reads key, certificate and CA from the certificate folder', () => {
  writeAll();
  const certs = readDevCerts(dir);
  expect(certs && { key: certs.key.toString(), cert: certs.cert.toString(), ca: certs.ca.toString() }).toEqual({
    key: 'KEY',
    cert: 'CERT',
    ca: 'CA',
  });
  const warn = jest.fn();
  const server = devServerHttps(dir, warn);
  expect(server.type).toBe('https');
  expect(server.options?.cert.toString()).toBe('CERT');
  expect(warn).not.toHaveBeenCalled();
});

test('falls back to a self-signed https server with a French message when a file is missing', () => {
  writeFileSync(join(dir, 'localhost.key'), 'KEY');
  writeFileSync(join(dir, 'ca.crt'), 'CA');
  expect(readDevCerts(dir)).toBeNull();
  const warn = jest.fn();
  expect(devServerHttps(dir, warn)).toEqual({ type: 'https' });
  expect(warn).toHaveBeenCalledTimes(1);
  const message = warn.mock.calls[0][0] as string;
  expect(message).toContain(`Certificats de développement introuvables dans ${dir}.`);
  expect(message).toContain('npx office-addin-dev-certs install');
});

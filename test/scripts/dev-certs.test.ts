/** Dev-server HTTPS: Office dev certificates when present, a French warning otherwise. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readDevCerts, devServerHttps } = require('../../scripts/dev-certs.js') as {
  readDevCerts(dir: string): { key: Buffer; cert: Buffer; ca: Buffer } | null;
  devServerHttps(dir: string, warn: (m: string) => void, now?: Date): { type: string; options?: Record<string, Buffer> };
};

/** A certificate made by `npx office-addin-dev-certs install` on 03/12/2026, valid 30 days (to 02/01/2027 07:42:41 UTC). */
const DEV_CERT = join(__dirname, '..', 'fixtures', 'dev-certs', 'localhost.crt');

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

describe('an expired dev certificate (office-addin-dev-certs makes them for 30 days)', () => {
  function writeWithRealCert(): void {
    writeFileSync(join(dir, 'localhost.key'), 'KEY');
    writeFileSync(join(dir, 'ca.crt'), 'CA');
    copyFileSync(DEV_CERT, join(dir, 'localhost.crt'));
  }

  test('is still served, with a French warning that says when it expired and how to make a new one', () => {
    writeWithRealCert();
    const warn = jest.fn();
    const server = devServerHttps(dir, warn, new Date('2027-02-01T09:00:00Z'));
    expect(server.type).toBe('https');
    expect(server.options?.key.toString()).toBe('KEY');
    expect(warn).toHaveBeenCalledTimes(1);
    const message = warn.mock.calls[0][0] as string;
    expect(message).toContain(`Le certificat de développement ${join(dir, 'localhost.crt')} a expiré le 02/01/2027`);
    expect(message).toContain('npx office-addin-dev-certs install, puis relancer le serveur');
  });

  test('a certificate still valid, or one that cannot be read, says nothing', () => {
    writeWithRealCert();
    const warn = jest.fn();
    devServerHttps(dir, warn, new Date('2027-01-02T07:00:00Z'));
    expect(warn).not.toHaveBeenCalled();
    writeAll();
    devServerHttps(dir, warn, new Date('2030-01-01T00:00:00Z'));
    expect(warn).not.toHaveBeenCalled();
  });
});

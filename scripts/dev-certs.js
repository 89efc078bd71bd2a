/**
 * HTTPS options for the dev server. office-addin-dev-certs writes its files
 * before trying to install the CA (which needs sudo); its getHttpsServerOptions()
 * fails with the install, so the files are read here directly.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const DEV_CERTS_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/** Key, certificate and CA read from `dir`, or null when one of them is missing. */
function readDevCerts(dir = DEV_CERTS_DIR) {
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  const read = {};
  for (const [name, file] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) return null;
    read[name] = fs.readFileSync(full);
  }
  return read;
}

const MISSING_CERTS_MESSAGE = (dir) =>
  [
    `Certificats de développement introuvables dans ${dir}.`,
    'Le serveur démarre en HTTPS avec un certificat auto-signé : Excel risque de refuser de charger le complément.',
    'Pour créer les certificats : npx office-addin-dev-certs install',
    "(les fichiers sont écrits même si l'installation de l'autorité échoue faute de droits administrateur ;",
    `faites alors approuver ${path.join(dir, 'ca.crt')} par le système).`,
  ].join('\n');

/** Day/month/year, as the README and the pane write dates. */
const frenchDate = (date) =>
  `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;

/** office-addin-dev-certs makes certificates valid for 30 days only. */
const EXPIRED_CERT_MESSAGE = (dir, validTo) =>
  [
    `Le certificat de développement ${path.join(dir, 'localhost.crt')} a expiré le ${frenchDate(validTo)} :`,
    "Excel refusera de charger le complément depuis le serveur de développement (le navigateur, lui, avertit).",
    'Pour le refaire (il vaut 30 jours) : npx office-addin-dev-certs install, puis relancer le serveur.',
  ].join('\n');

/** The end of validity of a PEM certificate, or null when it cannot be read. */
function certificateValidTo(pem) {
  try {
    return new Date(new crypto.X509Certificate(pem).validTo);
  } catch {
    return null;
  }
}

/**
 * webpack-dev-server 5 `server` option: the Office dev certificates when present
 * (with a French warning once they have expired), otherwise webpack-dev-server's own
 * self-signed certificate and a French warning.
 */
function devServerHttps(dir = DEV_CERTS_DIR, warn = (message) => console.warn(message), now = new Date()) {
  const certs = readDevCerts(dir);
  if (certs) {
    const validTo = certificateValidTo(certs.cert);
    if (validTo && validTo.getTime() < now.getTime()) warn(EXPIRED_CERT_MESSAGE(dir, validTo));
    return { type: 'https', options: certs };
  }
  warn(MISSING_CERTS_MESSAGE(dir));
  return { type: 'https' };
}

module.exports = { DEV_CERTS_DIR, readDevCerts, devServerHttps, certificateValidTo, MISSING_CERTS_MESSAGE, EXPIRED_CERT_MESSAGE };

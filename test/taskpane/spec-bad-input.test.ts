/**
 * Audit "bad input" — the pane's file loading (browser preview and the
 * consolidation's file picker) handed files it cannot read: the message is
 * French, names the file and says what to do; the workbook already open is kept.
 */
import ExcelJS from 'exceljs';
import { describeError } from '../../src/taskpane/errors';
import { PreviewHost } from '../../src/taskpane/hosts/preview-host';
import { readXlsxFiles } from '../../src/taskpane/xlsx-files';

const ENCRYPTED = (() => {
  // An OLE container whose directory names `EncryptedPackage` (UTF-16LE), as Excel saves a password-protected .xlsx.
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  'EncryptedPackage'.split('').forEach((ch, k) => (bytes[512 + 2 * k] = ch.charCodeAt(0)));
  return bytes;
})();

async function register(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification']);
  ws.addRow(['2025-001', 'Papier', 100, new Date(Date.UTC(2025, 2, 1))]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('no failure');
}

describe('consolidation: the first unreadable file of the selection is named', () => {
  it('a text file renamed .xlsx after a good file: the import message names it and says what to do', async () => {
    const error = await failure(
      readXlsxFiles([
        { name: 'Pôle Sport.xlsx', data: await register() },
        { name: 'Pôle Culture.xlsx', data: new TextEncoder().encode('N° marché;Objet\n') },
      ]),
    );
    expect(describeError(error, 'import')).toBe(
      "Impossible de lire « Pôle Culture.xlsx » : ce n'est pas un classeur .xlsx (enregistrez-le au format « Classeur Excel (.xlsx) »). Aucune feuille n’a été ajoutée : corrigez le fichier signalé ou retirez-le de la sélection, puis réessayez.",
    );
  });

  it('a password-protected workbook: the reason already says what to do, no second instruction is added', async () => {
    const error = await failure(readXlsxFiles([{ name: 'Pôle Sport.xlsx', data: ENCRYPTED }]));
    expect(describeError(error, 'import')).toBe(
      'Impossible de lire « Pôle Sport.xlsx » : classeur protégé par mot de passe : enregistrez-le sans mot de passe puis réessayez.',
    );
  });

  it('an empty file', async () => {
    const error = await failure(readXlsxFiles([{ name: 'vide.xlsx', data: new Uint8Array(0) }]));
    expect(describeError(error, 'import')).toMatch(/^Impossible de lire « vide\.xlsx » : fichier vide\. Aucune feuille n’a été ajoutée/);
  });
});

describe('browser preview: a bad file chosen after a good one', () => {
  it('the French reading message names the bad file, and the workbook already open stays the one read', async () => {
    const host = new PreviewHost({ createUrl: () => 'blob:x', revokeUrl: () => undefined });
    await host.open({ name: 'suivi.xlsx', data: await register() });
    const bytes = await register();
    const error = await failure(host.open({ name: 'abîmé.xlsx', data: bytes.subarray(0, Math.floor(bytes.length / 2)) }));
    expect(describeError(error, 'lecture')).toBe(
      'Impossible de lire « abîmé.xlsx » : archive endommagée (le fichier est incomplet ou abîmé). Vérifiez que le classeur est un fichier .xlsx lisible, puis réessayez.',
    );
    expect(host.workbookName()).toBe('suivi.xlsx');
    const [input] = await host.read();
    expect(input.file).toBe('suivi.xlsx');
    expect(input.sheets[0].rows[1][0]).toBe('2025-001');
  });

  it('an old .xls: the reason tells how to save it as .xlsx', async () => {
    const host = new PreviewHost();
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await failure(host.open({ name: 'ancien.xls', data: xls }));
    expect(describeError(error, 'lecture')).toBe(
      'Impossible de lire « ancien.xls » : ancien format .xls : ouvrez-le dans Excel et enregistrez-le au format « Classeur Excel (.xlsx) », puis réessayez.',
    );
    expect(host.workbookName()).toBeNull();
  });
});

/** Node-only helpers: reading and writing `.xlsx` files on disk. */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UnreadableWorkbookError } from '../port';
import { encodeZipPartsAsBytes } from './node-zip';
import { openXlsx } from './open';
import type { XlsxWorkbook } from './workbook';

encodeZipPartsAsBytes();

export const REASON_NOT_FOUND = 'fichier introuvable';
export const REASON_IS_DIRECTORY = "c'est un dossier, pas un fichier";
export const REASON_ACCESS = 'accès refusé';

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return REASON_NOT_FOUND;
  if (code === 'EISDIR') return REASON_IS_DIRECTORY;
  if (code === 'EACCES' || code === 'EPERM') return REASON_ACCESS;
  return `lecture impossible (${code ?? 'erreur inconnue'})`;
}

/** Reads an `.xlsx` file; its name (without folder) is the workbook's name. */
export async function readXlsxFile(path: string): Promise<XlsxWorkbook> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (err) {
    throw new UnreadableWorkbookError(path, fsReason(err));
  }
  try {
    return await openXlsx(data, basename(path));
  } catch (err) {
    // Name the file as the user gave it.
    if (err instanceof UnreadableWorkbookError) throw new UnreadableWorkbookError(path, err.reason);
    throw err;
  }
}

/**
 * Writes `bytes` to a temporary file beside `path`, then renames it into place: a
 * reader (another process included) sees the whole old file or the whole new one.
 * The temporary file is removed when the write fails; the error is thrown as is.
 */
export async function writeBytesAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/**
 * Saves the workbook to `path` atomically: a temporary file in the same
 * folder, then a rename, so a failure never leaves a half-written file.
 */
export async function writeXlsxFile(workbook: XlsxWorkbook, path: string): Promise<void> {
  const bytes = await workbook.saveXlsx();
  try {
    await writeBytesAtomically(path, bytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? 'le fichier est peut-être ouvert dans Excel, ou le dossier protégé en écriture'
        : code === 'ENOENT'
          ? 'dossier introuvable'
          : code === 'ENOTDIR'
            ? "dossier introuvable (un élément du chemin est un fichier, pas un dossier)"
            : code === 'EISDIR'
              ? REASON_IS_DIRECTORY
              : code === 'ENOSPC'
                ? 'disque plein'
                : code === 'EROFS'
                  ? 'disque en lecture seule'
                  : `écriture impossible (${code ?? String(err)})`;
    throw new Error(`Impossible d'écrire « ${path} » : ${why}.`, { cause: err });
  }
}

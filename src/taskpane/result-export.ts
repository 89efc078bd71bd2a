/**
 * The pane's export of the result of `sortie.md` (the JSON the command line prints with
 * `--json`): copied to the clipboard, or offered as a `.json` file where the host downloads.
 */
import type { SpaserResult } from '../domain/model';
import { RESULT_SUFFIX, withoutResultSuffix } from '../domain/register';

/** `Suivi 2025.xlsx`, exercice 2025 → `Suivi 2025 - SPASER 2025.json`. */
export function resultJsonFileName(workbookName: string | null, exercice: number | null): string {
  const base = withoutResultSuffix((workbookName ?? '').replace(/\.(xlsx|xlsm|xls)$/i, '').trim()) || 'Registre';
  // Characters Windows refuses in a file name (a workbook name from Excel on the web may hold them).
  const safe = base.replace(/[\\/:*?"<>|]/g, '_');
  return `${safe}${RESULT_SUFFIX}${exercice === null ? '' : ` ${exercice}`}.json`;
}

/** What an export did, for the pane's message. */
interface ExportSummary {
  readonly indicateurs: number;
  readonly controles: number;
  readonly exercice: number | null;
}

export function exportSummary(result: SpaserResult): ExportSummary {
  return { indicateurs: result.indicateurs.length, controles: result.controles.length, exercice: result.exercice };
}

/**
 * Copies a text. The Clipboard API first; where the host's frame refuses it (Office on the
 * web without the clipboard permission), the older copy command on a hidden text area, which
 * no permission policy blocks. False when neither copied.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused by the frame's permissions: try the copy command below.
    }
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  try {
    area.select();
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** How a file is handed to the browser; replaced in tests (jsdom has no object URLs). */
interface UrlFactory {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
}

/** Offers a text as a file download (a link clicked for the user); the object URL is let go a minute later. */
export function offerDownload(text: string, fileName: string, doc: Document = document, urls: UrlFactory = URL): void {
  const url = urls.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Not at once: the browser may still be reading the blob for the download.
    setTimeout(() => urls.revokeObjectURL(url), 60_000);
  }
}

/**
 * Whether a link offered by the pane downloads a file in this Office host: Excel for
 * Windows and Excel on the web do; the Mac and iPad web views do not (office-js #2700).
 */
export function platformDownloads(platform: string | null | undefined): boolean {
  return platform !== 'Mac' && platform !== 'iOS' && platform !== 'Android';
}

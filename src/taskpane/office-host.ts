/**
 * The one place that tells whether the pane runs inside Excel or in a plain
 * browser (preview), like Script Lab's `officeJsHost.ts`.
 */
import type { HostKind } from './host';

/** What `Office.onReady` reports, reduced to what we look at. */
interface ReadyInfo {
  readonly host: unknown;
}

interface OfficeLike {
  onReady(callback?: (info: ReadyInfo) => void): Promise<ReadyInfo>;
  readonly HostType?: { readonly Excel?: unknown };
}

/** Office.js may hang outside Office when its script could not load fully: do not wait forever. */
const READY_TIMEOUT_MS = 5000;

/**
 * `excel` when Office.js is loaded and reports Excel as host, else `apercu`
 * (no Office.js, office.js opened in a plain browser tab: host null).
 */
export async function detectHostKind(office: OfficeLike | undefined = globalOffice()): Promise<HostKind> {
  if (!office || typeof office.onReady !== 'function') return 'apercu';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), READY_TIMEOUT_MS);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    if (!info || info.host === null || info.host === undefined) return 'apercu';
    const excel = office.HostType?.Excel ?? 'Excel';
    return info.host === excel ? 'excel' : 'apercu';
  } catch {
    return 'apercu';
  } finally {
    if (timer) clearTimeout(timer);
  }
}

function globalOffice(): OfficeLike | undefined {
  const g = globalThis as { Office?: OfficeLike };
  return g.Office;
}

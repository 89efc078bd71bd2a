/**
 * Round-trip accounting for the bench and the tests: every `context.sync`
 * of the adapter goes through `SyncMeter.sync`, with the request payload the
 * adapter estimates for it.
 */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type SyncPhase = 'lecture' | 'ecriture' | 'surlignage';

export interface OfficeRunStats {
  readonly syncs: number;
  readonly syncsByPhase: Readonly<Record<SyncPhase, number>>;
  /** Estimated bytes (JSON, UTF-8) each sync sends or receives, in order. */
  readonly batchBytes: readonly number[];
  /** Smallest number of cells one read sync was allowed (block size). */
  readonly readBlockCells: number;
}

/** How far a long read or write has gone: cells read, or cells of the plan written. */
export interface OfficeProgress {
  readonly phase: 'lecture' | 'ecriture';
  readonly done: number;
  readonly total: number;
}

export class SyncMeter {
  /** Told after each block read or batch written (the pane's progress bar). */
  onProgress: ((progress: OfficeProgress) => void) | null = null;
  syncs = 0;
  readonly syncsByPhase: Record<SyncPhase, number> = { lecture: 0, ecriture: 0, surlignage: 0 };
  readonly batchBytes: number[] = [];
  readBlockCells = Number.POSITIVE_INFINITY;

  async sync(context: Excel.RequestContext, phase: SyncPhase, bytes: number): Promise<void> {
    this.syncs += 1;
    this.syncsByPhase[phase] += 1;
    this.batchBytes.push(bytes);
    await context.sync();
  }

  progress(phase: OfficeProgress['phase'], done: number, total: number): void {
    if (this.onProgress && total > 0) this.onProgress({ phase, done: Math.min(done, total), total });
  }

  snapshot(): OfficeRunStats {
    return {
      syncs: this.syncs,
      syncsByPhase: { ...this.syncsByPhase },
      batchBytes: [...this.batchBytes],
      readBlockCells: Number.isFinite(this.readBlockCells) ? this.readBlockCells : 0,
    };
  }
}

/** UTF-8 length of the JSON text of `v` (what goes over the wire). */
export function jsonSize(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/** Office.js errors carry a `code` (`OfficeExtension.Error`). */
export function errorCode(e: unknown): string | null {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : null;
}

export function isPayloadError(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** Excel refused a write batch as too large, even in smaller batches: French message, nothing left half-written. */
export class PayloadRefusedError extends Error {
  constructor() {
    super(
      "Excel a refusé l'écriture : un envoi dépassait la taille qu'il accepte, même découpé en lots plus petits. Aucune feuille n'a été modifiée ni ajoutée ; pour un très grand registre, utilisez Excel pour Windows ou Mac, ou la ligne de commande.",
    );
    this.name = 'PayloadRefusedError';
  }
}

/**
 * Thrown by an import that failed and could not undo what it had added: it must not be tried
 * again (it would meet its own leftovers), and the user must not read « nothing was added ».
 * `error` is the failure itself; `code` is its Office code, if any.
 */
export class AttemptNotUndoneError extends Error {
  readonly code: string | null;
  constructor(readonly error: unknown) {
    super('attempt not undone');
    this.name = 'AttemptNotUndoneError';
    this.code = errorCode(error);
  }
}

/**
 * Runs a write with the usual batch budget, then once more with smaller batches when Excel
 * refuses a request as too large (each attempt undoes itself on failure, or says it could not:
 * `AttemptNotUndoneError`, thrown as is, without another attempt).
 */
export async function withSmallerBatchesOnRefusal(budgets: readonly number[], attempt: (budget: number) => Promise<void>): Promise<void> {
  for (const budget of budgets) {
    try {
      await attempt(budget);
      return;
    } catch (e) {
      if (e instanceof AttemptNotUndoneError) throw e;
      if (!isPayloadError(e)) throw e;
    }
  }
  throw new PayloadRefusedError();
}

/**
 * An `Excel.run` over the double that stops once, right after the first sync after which
 * `when()` holds, until `resume()`: another operation can be started while one is mid-flight.
 */
import type { DoubleContext, ExcelDouble } from './excel-double';

export interface PausedRun {
  readonly run: typeof Excel.run;
  /** Resolves when the run has stopped. */
  readonly paused: Promise<void>;
  resume(): void;
}

export function pausedRun(excel: ExcelDouble, when: () => boolean): PausedRun {
  let resume!: () => void;
  const gate = new Promise<void>((resolve) => (resume = resolve));
  let stopped!: () => void;
  const paused = new Promise<void>((resolve) => (stopped = resolve));
  let armed = true;
  const run = <T>(batch: (context: DoubleContext) => Promise<T>) =>
    excel.run((ctx) => {
      const sync = ctx.sync.bind(ctx);
      ctx.sync = async () => {
        await sync();
        if (!armed || !when()) return;
        armed = false;
        stopped();
        await gate;
      };
      return batch(ctx);
    });
  return { run: run as unknown as typeof Excel.run, paused, resume };
}

/**
 * One operation on the workbook at a time. With the shared runtime the ribbon
 * button and the pane run in one JavaScript context, and both writers delete
 * the temporary `SPASER …` sheets they find: run together, one would delete
 * the other's, or compute on a half-imported workbook. No Office.js here.
 *
 * Not reentrant: an operation must not await `exclusive` from inside its own
 * section (it would wait for itself forever).
 */

/** Who asked: the ribbon button or the task pane. */
export type WorkbookUser = 'ruban' | 'volet';

export interface WorkbookLock {
  /**
   * Runs `operation` once every operation asked before it has settled, and returns its result.
   * `onWait` is called at once, with who is ahead (the running one first), when it must wait.
   * A failure rejects its own caller only: the next operation runs all the same.
   */
  exclusive<T>(user: WorkbookUser, operation: () => Promise<T>, onWait?: (ahead: readonly WorkbookUser[]) => void): Promise<T>;
}

const ignore = () => undefined;

export function createWorkbookLock(): WorkbookLock {
  let tail: Promise<void> = Promise.resolve();
  // The running operation's user first, then those waiting, in order.
  const queue: WorkbookUser[] = [];
  return {
    exclusive(user, operation, onWait) {
      const ahead = [...queue];
      queue.push(user);
      if (ahead.length > 0) onWait?.(ahead);
      const result = tail.then(async () => {
        try {
          return await operation();
        } finally {
          queue.shift();
        }
      });
      tail = result.then(ignore, ignore);
      return result;
    },
  };
}

/** The lock shared by the ribbon's runner and the pane (one runtime, one workbook). */
export const workbookLock: WorkbookLock = createWorkbookLock();

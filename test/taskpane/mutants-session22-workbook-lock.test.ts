/**
 * Mutation audit of session 22, the workbook lock (`workbook-lock.ts`): who a waiting caller is
 * told is ahead once the first operation is over. README: a pane click during the ribbon's run
 * says « En attente de la fin du calcul lancé depuis le ruban… », so « ahead » must name the
 * operations still there, not the ones already finished.
 */
import { createWorkbookLock, type WorkbookUser } from '../../src/taskpane/workbook-lock';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('workbook lock, once the first operation is over', () => {
  it('a later caller is told who still runs (the pane), not the finished ribbon run', async () => {
    const lock = createWorkbookLock();
    const ribbonHold = deferred();
    const paneHold = deferred();
    const ribbon = lock.exclusive('ruban', () => ribbonHold.promise);
    let paneRunning = false;
    const pane = lock.exclusive('volet', async () => {
      paneRunning = true;
      await paneHold.promise;
    });
    ribbonHold.resolve();
    await ribbon;
    await settle();
    expect(paneRunning).toBe(true);
    const waits: (readonly WorkbookUser[])[] = [];
    const later = lock.exclusive('volet', async () => undefined, (ahead) => waits.push(ahead));
    expect(waits).toEqual([['volet']]);
    paneHold.resolve();
    await Promise.all([pane, later]);
  });

  it('the order of those ahead is kept: the running one first, then the waiting ones', async () => {
    const lock = createWorkbookLock();
    const first = deferred();
    const second = deferred();
    const a = lock.exclusive('volet', () => first.promise);
    const b = lock.exclusive('ruban', () => second.promise);
    const c = lock.exclusive('volet', async () => undefined);
    first.resolve();
    await a;
    await settle();
    const waits: (readonly WorkbookUser[])[] = [];
    const e = lock.exclusive('volet', async () => undefined, (ahead) => waits.push(ahead));
    expect(waits).toEqual([['ruban', 'volet']]);
    second.resolve();
    await Promise.all([b, c, e]);
  });
});

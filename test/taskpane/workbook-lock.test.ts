import { createWorkbookLock, type WorkbookUser } from '../../src/taskpane/workbook-lock';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending microtask (and the lock's hand-overs) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('workbook lock', () => {
  it('runs operations one at a time, in the order they were asked for', async () => {
    const lock = createWorkbookLock();
    const log: string[] = [];
    const first = deferred();
    const second = deferred();
    const a = lock.exclusive('volet', async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
      return 'a';
    });
    const b = lock.exclusive('ruban', async () => {
      log.push('b start');
      await second.promise;
      log.push('b end');
      return 'b';
    });
    const c = lock.exclusive('volet', async () => {
      log.push('c');
      return 'c';
    });
    await settle();
    expect(log).toEqual(['a start']);
    second.resolve();
    await settle();
    expect(log).toEqual(['a start']);
    first.resolve();
    await expect(Promise.all([a, b, c])).resolves.toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c']);
  });

  it('rejects only the caller whose operation failed (thrown or rejected); the next runs', async () => {
    const lock = createWorkbookLock();
    const rejected = lock.exclusive('ruban', async () => {
      throw new Error('Excel a refusé');
    });
    const thrown = lock.exclusive('volet', (() => {
      throw new Error('synchrone');
    }) as () => Promise<void>);
    const next = lock.exclusive('volet', async () => 'écrit');
    await expect(rejected).rejects.toThrow('Excel a refusé');
    await expect(thrown).rejects.toThrow('synchrone');
    await expect(next).resolves.toBe('écrit');
  });

  it('tells a caller that must wait who is ahead; a caller on a free workbook is not told', async () => {
    const lock = createWorkbookLock();
    const waits: (readonly WorkbookUser[])[] = [];
    const hold = deferred();
    const ribbon = lock.exclusive('ruban', () => hold.promise, (ahead) => waits.push(ahead));
    expect(waits).toEqual([]);
    const pane = lock.exclusive('volet', async () => undefined, (ahead) => waits.push(ahead));
    const pane2 = lock.exclusive('volet', async () => undefined, (ahead) => waits.push(ahead));
    expect(waits).toEqual([['ruban'], ['ruban', 'volet']]);
    hold.resolve();
    await Promise.all([ribbon, pane, pane2]);
    // All done: the workbook is free again.
    await lock.exclusive('ruban', async () => undefined, (ahead) => waits.push(ahead));
    expect(waits).toHaveLength(2);
  });

  it('is free again after a failure: a later caller runs at once', async () => {
    const lock = createWorkbookLock();
    await expect(lock.exclusive('volet', () => Promise.reject(new Error('non')))).rejects.toThrow('non');
    const waited = jest.fn();
    await expect(lock.exclusive('ruban', async () => 1, waited)).resolves.toBe(1);
    expect(waited).not.toHaveBeenCalled();
  });

  it('is not reentrant: an operation asked from inside another runs after it (awaiting it there would never end)', async () => {
    const lock = createWorkbookLock();
    const log: string[] = [];
    let inner: Promise<void> | null = null;
    await lock.exclusive('volet', async () => {
      inner = lock.exclusive('ruban', async () => void log.push('inner'));
      await settle();
      log.push('outer end');
    });
    await inner;
    expect(log).toEqual(['outer end', 'inner']);
  });
});

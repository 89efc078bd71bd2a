/**
 * Mutation audit of session 22, host detection (`office-host.ts`). README « Aperçu dans un
 * navigateur »: outside Office the same pane works on a chosen `.xlsx`; so whatever Office.js
 * does when it is not inside Excel (hangs, fails), the pane must open as the preview.
 */
import { detectHostKind } from '../../src/taskpane/office-host';

afterEach(() => jest.useRealTimers());

describe('host detection when Office.js misbehaves', () => {
  it('an onReady that never settles: the preview, after a bounded wait', async () => {
    jest.useFakeTimers();
    const kind = detectHostKind({ onReady: () => new Promise(() => undefined), HostType: { Excel: 'Excel' } });
    let settled: string | null = null;
    void kind.then((k) => {
      settled = k;
    });
    // A few seconds at most: the pane must not stay blank (office-host.ts: « do not wait forever »).
    await jest.advanceTimersByTimeAsync(10_000);
    expect(settled).toBe('apercu');
  });

  it('an onReady that rejects: the preview', async () => {
    expect(await detectHostKind({ onReady: () => Promise.reject(new Error('no host')), HostType: { Excel: 'Excel' } })).toBe('apercu');
  });

  it('Excel reported without Office.HostType: still Excel (its value is the string « Excel »)', async () => {
    expect(await detectHostKind({ onReady: async () => ({ host: 'Excel' }) })).toBe('excel');
  });
});

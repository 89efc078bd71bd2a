/**
 * The pane's progress bar follows the workbook's read and write in Excel (Testing Library):
 * a read paused after telling 40 % shows « Lecture du classeur… 40 % » and a determinate bar;
 * the pane's write, which reads the workbook first, names each phase; progress told while the
 * pane only waits (the ribbon's run) or after the end is not shown.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App, progressShown } from '../../src/taskpane/components/App';
import type { HostProgress } from '../../src/taskpane/host';
import { PROGRESS_LABELS, WAITING_LABELS } from '../../src/taskpane/labels';
import { resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

/** A fake Excel host whose reads and writes stop halfway, after telling their progress. */
function pausingHost() {
  const host = fakeHost([buyerSheet()]);
  let listener: ((p: HostProgress) => void) | null = null;
  let release: () => void = () => undefined;
  const gate = () =>
    new Promise<void>((resolve) => {
      release = resolve;
    });
  const read = host.read;
  const write = host.write;
  let pauseReads = true;
  Object.assign(host, {
    onProgress: (l: ((p: HostProgress) => void) | null) => {
      listener = l;
    },
    read: async () => {
      if (pauseReads) {
        // Told after a round trip, as the Excel host does.
        await Promise.resolve();
        listener?.({ phase: 'lecture', fraction: 0.4 });
        await gate();
      }
      return read();
    },
    write: async (output: Parameters<typeof write>[0]) => {
      listener?.({ phase: 'ecriture', fraction: 0.25 });
      await gate();
      return write(output);
    },
  });
  return {
    host,
    release: () => act(async () => release()),
    pauseReads: (on: boolean) => {
      pauseReads = on;
    },
    tell: (p: HostProgress) => act(async () => listener?.(p)),
    listening: () => listener !== null,
  };
}

describe('progress of the workbook’s read and write in the pane', () => {
  it('a read at 40 %: the label and a determinate bar say so, then the bar goes', async () => {
    const t = pausingHost();
    render(<App host={t.host} today={TODAY} />);
    expect(await screen.findByText('Lecture du classeur… 40 %')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Lecture du classeur… 40 %' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0.4');
    await t.release();
    await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
    expect(screen.queryByRole('progressbar')).toBeNull();
    // Told after the end: nothing shown.
    await t.tell({ phase: 'lecture', fraction: 0.9 });
    expect(screen.queryByText(/90 %/)).toBeNull();
  });

  it('the pane’s write names its phases: the read first, then the write', async () => {
    const t = pausingHost();
    t.pauseReads(false);
    render(<App host={t.host} today={TODAY} initialStep="indicateurs" />);
    const write = await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' });
    t.pauseReads(true);
    fireEvent.click(write);
    expect(await screen.findByText('Lecture du classeur… 40 %')).toBeInTheDocument();
    await t.release();
    expect(await screen.findByText('Écriture des feuilles SPASER… 25 %')).toBeInTheDocument();
    await t.release();
    await screen.findByText(/Feuilles SPASER écrites/);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('the host stops telling when the pane goes', async () => {
    const t = pausingHost();
    // Not paused: a read left hanging would hold the workbook lock for the next test.
    t.pauseReads(false);
    render(<App host={t.host} today={TODAY} />);
    await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
    expect(t.listening()).toBe(true);
    cleanup();
    expect(t.listening()).toBe(false);
  });
});

describe('progressShown', () => {
  it('only while the pane itself reads or writes, labelled by the phase, in whole percents', () => {
    expect(progressShown(PROGRESS_LABELS.écriture, { phase: 'lecture', fraction: 0.5 })).toEqual({ label: 'Lecture du classeur… 50 %', fraction: 0.5 });
    expect(progressShown(PROGRESS_LABELS.lecture, { phase: 'ecriture', fraction: 1 })).toEqual({ label: 'Écriture des feuilles SPASER… 100 %', fraction: 1 });
    expect(progressShown(WAITING_LABELS.ruban, { phase: 'lecture', fraction: 0.5 })).toBeNull();
    expect(progressShown(PROGRESS_LABELS.calcul, { phase: 'lecture', fraction: 0.5 })).toBeNull();
    expect(progressShown(PROGRESS_LABELS.lecture, null)).toBeNull();
    expect(progressShown(null, { phase: 'lecture', fraction: 0.5 })).toBeNull();
  });
});

describe('a phase at 100 % is over, the operation may not be', () => {
  it('the bar goes back to the operation’s label, without a percent', async () => {
    const t = pausingHost();
    render(<App host={t.host} today={TODAY} />);
    expect(await screen.findByText('Lecture du classeur… 40 %')).toBeInTheDocument();
    await t.tell({ phase: 'lecture', fraction: 1 });
    expect(screen.queryByText(/100 %/)).toBeNull();
    expect(screen.getByText('Lecture du classeur…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
    await t.release();
  });
});

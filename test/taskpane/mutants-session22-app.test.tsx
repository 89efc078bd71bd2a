/**
 * Mutation audit of session 22, the pane's shell (`App.tsx`): what the pane says while it waits
 * for the ribbon's run and once its own operation runs.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { PROGRESS_LABELS, WAITING_LABELS } from '../../src/taskpane/labels';
import { publishRibbonResult, resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { workbookLock } from '../../src/taskpane/workbook-lock';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('a pane click during the ribbon’s run', () => {
  it('« En attente … ruban » while the run goes on, then the pane’s own operation is named', async () => {
    // README: « un clic dans le volet pendant le calcul du ruban y affiche « En attente de la fin du calcul
    // lancé depuis le ruban… » », and while the pane reads, « Lecture du classeur… ».
    const host = fakeHost([buyerSheet()]);
    const read = host.read;
    render(<App host={host} today={TODAY} />);
    await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
    // The ribbon's run holds the workbook (same runtime, same lock).
    const ribbon = gate();
    const run = workbookLock.exclusive('ruban', () => ribbon.promise);
    // The pane's next read stops halfway.
    const reading = gate();
    host.read = async () => {
      await reading.promise;
      // A new array, as Excel's read gives: the steps compute it again.
      return [...(await read())];
    };
    fireEvent.click(screen.getByRole('button', { name: 'Relire le classeur' }));
    expect(await screen.findByText(WAITING_LABELS.ruban)).toBeInTheDocument();
    await act(async () => {
      ribbon.open();
      await run;
    });
    expect(await screen.findByText(PROGRESS_LABELS.lecture)).toBeInTheDocument();
    expect(screen.queryByText(WAITING_LABELS.ruban)).toBeNull();
    await act(async () => reading.open());
    await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
  });
});

describe('the ribbon’s summary in the pane', () => {
  it('a run that could not mark every faulty cell: the warning is shown beside the summary', async () => {
    // README « Classeurs protégés »: « un avertissement « Surlignage incomplet » nomme la feuille (dans le
    // volet, et à côté du résumé du ruban) ».
    const host = fakeHost([buyerSheet()], { kind: 'apercu' });
    render(<App host={host} today={TODAY} />);
    const avertissement = 'Feuille protégée « Suivi 2025 » : ses cellules fautives ne sont pas surlignées.';
    act(() =>
      publishRibbonResult({ lignesLues: 7, erreurs: 2, indicateursCalcules: 10, indicateurs: 20, exercice: 2025, echec: null, avertissement }),
    );
    expect(await screen.findByText(/Calcul depuis le ruban/)).toBeInTheDocument();
    expect(screen.getByText(/Feuille protégée « Suivi 2025 » : ses cellules fautives ne sont pas surlignées\./)).toBeInTheDocument();
  });
});

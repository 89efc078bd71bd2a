/**
 * Mutation audit of session 22, the pane's shell (`App.tsx`): what the pane says while it waits
 * for the ribbon's run and once its own operation runs.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { runChain, type ChainOutput } from '../../src/domain/chain';
import { App, progressShown } from '../../src/taskpane/components/App';
import { PROGRESS_LABELS, WAITING_LABELS } from '../../src/taskpane/labels';
import { createRibbonRunner, MissingFieldsError, publishRibbonResult, resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { d, grid } from '../helpers/grid';
import { workbookLock } from '../../src/taskpane/workbook-lock';
import { buyerSheet, fakeHost, TODAY } from './fixtures';
import { enabled } from '../helpers/enabled-button';

/** Gates still shut when a test fails: opened after it, or the shared workbook lock stays held for the next tests. */
/** A Pôle's workbook to consolidate: one register of one row. */
const POLE_FILE = {
  name: 'Pôle Ressources.xlsx',
  sheets: [
    grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['R-1', 'Papier', 100, d('2025-01-10')],
    ]),
  ],
};

const gates: (() => void)[] = [];

afterEach(() => {
  for (const open of gates.splice(0)) open();
  cleanup();
  resetRibbonBridge();
});

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  gates.push(open);
  return { promise, open };
}

describe('a pane click during the ribbon’s run', () => {
  it('« En attente … ruban » while the run goes on, then the pane’s own operation is named', async () => {
    // README: « un clic dans le volet pendant le calcul du ruban y affiche « En attente de la fin du calcul
    // lancé depuis le ruban… » », and while the pane reads, « Lecture du classeur… ».
    const host = fakeHost([buyerSheet()]);
    const read = host.read;
    render(<App host={host} today={TODAY} />);
    await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
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
    await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
  });
});

describe('the ribbon’s summary in the pane', () => {
  it('a run that could not mark every faulty cell: the warning is shown beside the summary', async () => {
    // README « Classeurs protégés »: « un avertissement « Surlignage incomplet » nomme la feuille (dans le
    // volet, et à côté du résumé du ruban) ».
    const host = fakeHost([buyerSheet()], { kind: 'apercu' });
    render(<App host={host} today={TODAY} />);
    const avertissement = 'Feuille protégée « Suivi 2025 » : ses cellules fautives ne sont pas surlignées.';
    act(() =>
      publishRibbonResult({ lignesLues: 7, erreurs: 2, indicateursCalcules: 10, indicateurs: 20, exercice: 2025, echec: null, avertissement }),
    );
    expect(await screen.findByText(/Calcul depuis le ruban/)).toBeInTheDocument();
    expect(screen.getByText(/Feuille protégée « Suivi 2025 » : ses cellules fautives ne sont pas surlignées\./)).toBeInTheDocument();
  });
});

describe('an import whose record could not be saved, then the ribbon button', () => {
  it('the ribbon’s write saves the session’s import record in SPASER État', async () => {
    // README: the button computes with « les choix du volet ouvert pas encore enregistrés (…) qu'il enregistre
    // alors avec les feuilles »; an import record the pane could not save is kept « jusqu'à la prochaine écriture ».
    const host = fakeHost([buyerSheet()], { files: [POLE_FILE], stateError: new Error('Excel a refusé') });
    render(<App host={host} today={TODAY} initialStep="consolidation" />);
    fireEvent.change(await screen.findByLabelText('Classeurs à consolider'), {
      target: { files: [new File([new Uint8Array([1])], 'Pôle Ressources.xlsx')] },
    });
    const card = await screen.findByRole('region', { name: 'Fichier Pôle Ressources.xlsx' });
    fireEvent.change(within(card).getByRole('textbox', { name: 'Pôle du fichier « Pôle Ressources.xlsx »' }), { target: { value: 'Ressources' } });
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
    await screen.findByText(/Import non enregistré/);
    expect(host.states).toHaveLength(0);
    const written: ChainOutput[] = [];
    const run = createRibbonRunner({ writesCharts: true, read: async () => [...host.inputs], write: async (o) => void written.push(o) }, (i, o) =>
      runChain(i, { ...o, today: TODAY }),
    );
    await act(async () => {
      await run();
    });
    expect(written).toHaveLength(1);
    expect(written[0].state.imports?.map((r) => r.sheet)).toEqual(['Ressources']);
  });
});

describe('a click on a cell of the Contrôles list that Excel cannot select', () => {
  it('a sheet gone since the last read: told as a selection that failed, with « Relire le classeur »', async () => {
    // README: « un clic sélectionne la cellule »; Office errors are told by their code: what failed, why,
    // what to do (« Classeurs protégés, erreurs d'Excel »).
    const host = fakeHost([buyerSheet()]);
    host.selectCell = () => Promise.reject(Object.assign(new Error('The requested resource doesn’t exist.'), { code: 'ItemNotFound' }));
    render(<App host={host} today={TODAY} initialStep="controles" />);
    fireEvent.click(await screen.findByRole('button', { name: /Montant illisible ou négatif/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Feuille « Suivi 2025 », cellule C6' }));
    const bodies = () => [...document.querySelectorAll('.fui-MessageBarBody')].map((b) => b.textContent ?? '');
    await waitFor(() => expect(bodies().some((t) => t.startsWith("ProblèmeLa cellule n'a pas pu être sélectionnée"))).toBe(true), { timeout: 5000 });
    expect(bodies().find((t) => t.startsWith('Problème'))).toMatch(/Relire le classeur/);
  });
});

describe('a read of the workbook that fails when the pane opens', () => {
  it('is told as the read’s failure, not the computation’s', async () => {
    // README « Classeurs protégés, erreurs d'Excel »: a failure says what failed.
    const host = fakeHost([buyerSheet()]);
    host.read = () => Promise.reject(new Error('connexion perdue'));
    render(<App host={host} today={TODAY} />);
    const bodies = () => [...document.querySelectorAll('.fui-MessageBarBody')].map((b) => b.textContent ?? '');
    await waitFor(() => expect(bodies().some((t) => t.startsWith('ProblèmeLa lecture du classeur a échoué'))).toBe(true), { timeout: 5000 });
  });
});

describe('progressShown, percents whose fraction is not exact in binary', () => {
  it('29 % is said 29 %, 57 % is said 57 % (not 28 % or 56 %)', () => {
    // README: the bar says « Lecture du classeur… 40 % »: the whole percent of the fraction told by the host,
    // which tells fractions in hundredths (0.29 * 100 is 28.999999999999996 in floating point).
    expect(progressShown(PROGRESS_LABELS.lecture, { phase: 'lecture', fraction: 0.29 })?.label).toBe('Lecture du classeur… 29 %');
    expect(progressShown(PROGRESS_LABELS.écriture, { phase: 'ecriture', fraction: 0.57 })?.label).toBe('Écriture des feuilles SPASER… 57 %');
  });
});

describe('while the pane imports the Pôles’ workbooks', () => {
  it('says so while it runs', async () => {
    // README: while the pane writes the workbook its bar says what it does; a second import would add
    // « … (2) » sheets, the Pôle's rows counted twice.
    const host = fakeHost([buyerSheet()], { files: [POLE_FILE] });
    const importing = gate();
    const importSheets = host.importSheets;
    host.importSheets = async (plan, replacing) => {
      await importing.promise;
      return importSheets(plan, replacing);
    };
    render(<App host={host} today={TODAY} initialStep="consolidation" />);
    fireEvent.change(await screen.findByLabelText('Classeurs à consolider'), {
      target: { files: [new File([new Uint8Array([1])], 'Pôle Ressources.xlsx')] },
    });
    await screen.findByRole('region', { name: 'Fichier Pôle Ressources.xlsx' });
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
    expect(await screen.findByRole('progressbar', { name: 'Import des classeurs des Pôles…' })).toBeInTheDocument();
    await act(async () => importing.open());
    await screen.findByRole('heading', { name: /Étape 4 sur 5 — Indicateurs/ });
    expect(host.imported).toHaveLength(1);
  });
});

describe('the preview opening a workbook', () => {
  it('says it reads while the file is opened', async () => {
    // README « Aperçu dans un navigateur »: the pane works on a chosen `.xlsx`; reading it is told (« Lecture du classeur… »).
    const host = fakeHost([buyerSheet()], { kind: 'apercu' });
    const opening = gate();
    const open = host.open!;
    host.open = async (file) => {
      await opening.promise;
      return open(file);
    };
    render(<App host={host} today={TODAY} />);
    fireEvent.change(screen.getByLabelText('Choisir un classeur (.xlsx)'), { target: { files: [new File([new Uint8Array([1])], 'Suivi.xlsx')] } });
    expect(await screen.findByRole('progressbar', { name: PROGRESS_LABELS.lecture })).toBeInTheDocument();
    await act(async () => opening.open());
    await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
  });

  it('a file that cannot be opened: the failure stays on screen (no read of the previous workbook hides it)', async () => {
    const host = fakeHost([buyerSheet()], { kind: 'apercu' });
    host.open = () => Promise.reject(new Error("ce fichier n'est pas un classeur .xlsx"));
    render(<App host={host} today={TODAY} />);
    fireEvent.change(screen.getByLabelText('Choisir un classeur (.xlsx)'), { target: { files: [new File([new Uint8Array([1])], 'notes.txt')] } });
    const bodies = () => [...document.querySelectorAll('.fui-MessageBarBody')].map((b) => b.textContent ?? '');
    await waitFor(() => expect(bodies().some((t) => /^ProblèmeLa lecture du classeur a échoué/.test(t))).toBe(true), { timeout: 5000 });
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 100)));
    expect(bodies().some((t) => /^ProblèmeLa lecture du classeur a échoué/.test(t))).toBe(true);
  });
});

describe('the ribbon and the open pane', () => {
  it('a required column missing: the pane goes to the Colonnes step', async () => {
    // README: « S'il manque une colonne obligatoire, rien n'est écrit : le volet s'ouvre à l'étape Colonnes. »
    const host = fakeHost([buyerSheet()]);
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    await screen.findByRole('heading', { name: /Étape 4 sur 5 — Indicateurs/ });
    const broken = createRibbonRunner({ writesCharts: true, read: async () => [...host.inputs], write: async () => undefined }, () => {
      throw new MissingFieldsError(['Suivi 2025']);
    });
    await act(async () => {
      await broken().catch(() => undefined);
    });
    expect(await screen.findByRole('heading', { name: /Étape 1 sur 5 — Colonnes/ })).toBeInTheDocument();
  });

  it('the summary names the year the run computed', async () => {
    // README: the button uses « l'exercice choisi à l'étape Indicateurs, pour que les feuilles écrites et le volet
    // parlent de la même année »: its summary says which year.
    const host = fakeHost([buyerSheet()], { kind: 'apercu' });
    render(<App host={host} today={TODAY} />);
    act(() => publishRibbonResult({ lignesLues: 7, erreurs: 2, indicateursCalcules: 10, indicateurs: 20, exercice: 2024, echec: null }));
    const bodies = () => [...document.querySelectorAll('.fui-MessageBarBody')].map((b) => b.textContent ?? '');
    await waitFor(() => expect(bodies().find((t) => t.startsWith('Calcul depuis le ruban'))).toMatch(/2024/));
  });
});

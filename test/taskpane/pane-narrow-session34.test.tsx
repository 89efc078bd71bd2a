/**
 * Session 34 — the pane looked at in Chromium at 320–500 px on a messy workbook and on the demo's results:
 * what a buyer tripped on, shown here in jsdom (the layout itself: `test/e2e/pane-narrow.test.ts`).
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { grid } from '../helpers/grid';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

afterEach(cleanup);

const notice = (i: number) => `Remarque numéro ${i} sur le classeur.`;

/** The real run, with `n` notices of its own (a workbook with many companion-sheet remarks). */
const withNotices = (n: number) => (inputs: readonly ChainInput[], options: ChainOptions) => {
  const out = runChain(inputs, options);
  return { ...out, notices: Array.from({ length: n }, (_, i) => notice(i + 1)) };
};

describe('the run’s notices do not push the steps below the fold', () => {
  it('shows the first two of nine, the others behind a button', async () => {
    render(<App host={fakeHost([buyerSheet()])} chain={withNotices(9)} today={TODAY} initialStep="controles" />);
    expect(await screen.findByText(notice(1))).toBeInTheDocument();
    expect(screen.getByText(notice(2))).toBeInTheDocument();
    expect(screen.queryByText(notice(3))).toBeNull();
    const more = screen.getByRole('button', { name: 'Afficher les 7\u00a0autres remarques' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(more);
    for (let i = 1; i <= 9; i++) expect(screen.getByText(notice(i))).toBeInTheDocument();
    const fewer = screen.getByRole('button', { name: 'Masquer les 7\u00a0dernières remarques' });
    expect(fewer).toHaveAttribute('aria-expanded', 'true');
    fireEvent.click(fewer);
    expect(screen.queryByText(notice(9))).toBeNull();
  });

  it('never folds a single notice: three are all shown', async () => {
    render(<App host={fakeHost([buyerSheet()])} chain={withNotices(3)} today={TODAY} initialStep="controles" />);
    expect(await screen.findByText(notice(3))).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /remarques?$/ })).toBeNull();
  });
});

it('lists the suggestions thirty at a time, as the tagged contracts', async () => {
  const chain = (inputs: readonly ChainInput[], options: ChainOptions) => {
    const out = runChain(inputs, options);
    const suggestions = Array.from({ length: 45 }, (_, i) => ({
      numero: `2025-${String(i + 1).padStart(3, '0')}`,
      consideration: 'sociale' as const,
      etiquette: 'Clause sociale',
      declencheur: "clause d'insertion",
      decision: null,
    }));
    return { ...out, result: { ...out.result, suggestions } };
  };
  render(<App host={fakeHost([buyerSheet()])} chain={chain} today={TODAY} initialStep="etiquettes" />);
  const region = await screen.findByRole('region', { name: 'Suggestions à confirmer (45)' });
  expect(within(region).getAllByRole('button', { name: /^Confirmer\u00a0: / })).toHaveLength(30);
  fireEvent.click(within(region).getByRole('button', { name: 'Afficher 15 de plus (15\u00a0restantes)' }));
  expect(within(region).getAllByRole('button', { name: /^Confirmer\u00a0: / })).toHaveLength(45);
  expect(within(region).queryByRole('button', { name: /^Afficher/ })).toBeNull();
});

it('says that a workbook of SPASER sheets only (a result) is no register, without sending to a sheet to choose', async () => {
  // As the command line's « Consolidation SPASER 2025.xlsx »: the add-in's sheets, nothing else.
  const result = [
    grid('SPASER Registre', [['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification'], ['2025-001', 'Papier', 10, null]]),
    grid('SPASER Contrôles', [['Gravité', 'Code'], ['erreur', 'objet-manquant']]),
  ];
  render(<App host={fakeHost(result, { name: 'Consolidation SPASER 2025.xlsx' })} today={TODAY} />);
  const text = await screen.findByText(/Ce classeur ne contient que des feuilles SPASER/);
  expect(text.textContent).toContain(
    "écrites par le complément et jamais relues comme un registre\u00a0: ouvrez le classeur qui contient le registre, ou réunissez les classeurs des Pôles à l'étape Consolidation.",
  );
  expect(text.textContent).not.toContain('Choisissez la feuille');
});

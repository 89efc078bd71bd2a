/**
 * Mutation audit of `publishSessionChoices` from the pane (README: « the ribbon uses
 * the pane's unsaved choices »): a column chosen and a suggestion confirmed in the open
 * pane reach the ribbon button's calculation, both of them, and as they change.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { createRibbonRunner, resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

/** The chain as the pane runs it, with one suggestion on 2025-002 (as the lexicon would give). */
function paneChain(inputs: readonly ChainInput[], options: ChainOptions) {
  const out = runChain(inputs, options);
  const decided = options.decisions?.find((d) => d.numero === '2025-002');
  const suggestion = {
    numero: '2025-002',
    consideration: 'environnementale' as const,
    etiquette: 'Critère environnemental',
    declencheur: 'papier recyclé',
    decision: decided && decided.decision !== 'annulée' ? decided.decision : null,
  };
  return { ...out, result: { ...out.result, suggestions: [suggestion] } };
}

/** Clicks the ribbon button (same runtime) and gives the options its calculation got. */
async function ribbonOptions(inputs: readonly ChainInput[]): Promise<ChainOptions> {
  const calls: ChainOptions[] = [];
  const run = createRibbonRunner({ writesCharts: true, read: async () => [...inputs], write: async () => undefined }, (i, o) => {
    calls.push(o);
    return runChain(i, { ...o, today: TODAY });
  });
  await act(async () => {
    await run();
  });
  return calls[0];
}

describe('the ribbon computes with the open pane’s unsaved choices', () => {
  it('a column choice and a confirmed suggestion, both', async () => {
    const host = fakeHost([buyerSheet()]);
    render(<App host={host} chain={paneChain} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
    fireEvent.change(within(section).getByRole('combobox', { name: 'Clause sociale' }), { target: { value: '' } });
    await screen.findByText(/colonnes choisies par vous/);
    fireEvent.click(screen.getByRole('button', { name: '3. Étiquettes' }));
    const region = await screen.findByRole('region', { name: 'Suggestions à confirmer (1)' });
    fireEvent.click(within(region).getByRole('button', { name: 'Confirmer : Critère environnemental pour le marché 2025-002' }));
    expect(await screen.findByText('Confirmée')).toBeInTheDocument();

    const options = await ribbonOptions(host.inputs);
    expect(options.overrides).toEqual([{ sheet: 'Suivi 2025', headerRow: 2, columns: { 'Clause sociale': null } }]);
    expect(options.decisions).toEqual([
      expect.objectContaining({ numero: '2025-002', consideration: 'environnementale', etiquette: 'Critère environnemental', decision: 'confirmée' }),
    ]);
  });
});

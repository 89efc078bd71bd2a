import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

expect.extend(toHaveNoViolations);

describe('Étiquettes step', () => {
  it('shows the declared considerations per contract', async () => {
    const { container } = render(<App host={fakeHost([buyerSheet()])} today={TODAY} initialStep="etiquettes" />);
    // Clause sociale `oui` on 2025-001, 2025-004 and 2024-001.
    expect(await screen.findByText('Considération sociale : 3 marchés')).toBeInTheDocument();
    expect(screen.getByText('Considération environnementale : 0 marché')).toBeInTheDocument();
    const list = screen.getByRole('region', { name: 'Marchés étiquetés (3)' });
    expect(within(list).getAllByText('Clause sociale (déclaré)')).toHaveLength(3);
    expect(screen.queryByRole('region', { name: /Suggestions/ })).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it('stores a confirmed suggestion as a TagDecision and re-runs the chain with it', async () => {
    const calls: ChainOptions[] = [];
    // The lexicon is not there yet: the result carries one suggestion as the chain will.
    const chain = (inputs: readonly ChainInput[], options: ChainOptions) => {
      calls.push(options);
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
    };
    const { container } = render(<App host={fakeHost([buyerSheet()])} chain={chain} today={TODAY} initialStep="etiquettes" />);
    const region = await screen.findByRole('region', { name: 'Suggestions à confirmer (1)' });
    expect(within(region).getByText('Mots repérés : « papier recyclé »')).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
    fireEvent.click(within(region).getByRole('button', { name: 'Confirmer : Critère environnemental pour le marché 2025-002' }));
    expect(await screen.findByText('Confirmée')).toBeInTheDocument();
    expect(calls[calls.length - 1].decisions).toEqual([
      { numero: '2025-002', source: undefined, consideration: 'environnementale', etiquette: 'Critère environnemental', decision: 'confirmée' },
    ]);
  });
});

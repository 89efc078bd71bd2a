/**
 * Mutation audit of session 11, the Indicateurs step: the coverage line and the national
 * reference are the City's, shown only where they apply.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY, twoPoleSheet } from './fixtures';

afterEach(cleanup);

const indicator = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;

it('the City’s coverage line is not shown in a Pôle’s view', async () => {
  // Four contracts of 2025, two Pôles; 2025-003 (Pôle B) has no « Clause sociale »: City coverage 3 of 4.
  const g = twoPoleSheet();
  render(<App host={fakeHost([g])} today={TODAY} initialStep="indicateurs" />);
  await screen.findByText(/4 lignes retenues pour 2025/);
  expect(within(indicator('4.1.2-consideration-sociale')).getByText('Couverture : 3 lignes renseignées sur 4')).toBeInTheDocument();
  fireEvent.change(screen.getByRole('combobox', { name: 'Pôle' }), { target: { value: 'Pôle A' } });
  // Pôle A: 1 contract of 2 with a social clause.
  await screen.findAllByText(/^50,0\s*%$/);
  expect(screen.queryByText(/^Couverture/)).toBeNull();
});

it('no national reference beside an indicator that could not be computed', async () => {
  // No clause column: the social and environmental shares are non calculable.
  const g = grid('Suivi', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
    ['M-1', 'Nettoyage', 1000, d('2025-02-01')],
  ]);
  render(<App host={fakeHost([g])} today={TODAY} initialStep="indicateurs" />);
  await screen.findByText(/1 ligne retenue pour 2025/);
  const social = indicator('4.1.2-consideration-sociale');
  // Said once, by the badge (the value is not repeated: session-22 usability review).
  expect(within(social).getAllByText('Non calculable')).toHaveLength(1);
  expect(within(social).queryByText(/Référence nationale/)).toBeNull();
  expect(within(indicator('3.1.1-consideration-env')).queryByText(/Référence nationale/)).toBeNull();
});

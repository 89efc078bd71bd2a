/**
 * Mutation audit of session 22, the Indicateurs step (`IndicateursStep.tsx`): the Exercice list
 * of a register without a readable date, and the Pôle list's « Toute la Ville ».
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { grid } from '../helpers/grid';
import { fakeHost, TODAY, twoPoleSheet } from './fixtures';

afterEach(cleanup);

it('a register without a readable date says « Aucun exercice », not a year', async () => {
  // regles.md §9: N is a year holding rows with a readable date; with none there is no N
  // (sortie.md's `exercice` is then null), so the list must not show one as chosen.
  const g = grid('Suivi', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
    ['M-1', 'Nettoyage', 1000, 'bientôt'],
  ]);
  render(<App host={fakeHost([g])} today={TODAY} initialStep="indicateurs" />);
  const select = await screen.findByRole('combobox', { name: 'Exercice' });
  expect(within(select).getByRole('option', { selected: true })).toHaveTextContent('Aucun exercice');
});

it('back to « Toute la Ville » after a Pôle, the City’s view comes back', async () => {
  // README « Utiliser le produit », step 4: for the City, the value with its coverage; « pour un Pôle
  // choisi », the Pôle's own. Choosing « Toute la Ville » again is the City, not a Pôle named ''.
  const g = twoPoleSheet();
  render(<App host={fakeHost([g])} today={TODAY} initialStep="indicateurs" />);
  await screen.findByText(/4 lignes retenues pour 2025/);
  const pole = screen.getByRole('combobox', { name: 'Pôle' });
  fireEvent.change(pole, { target: { value: 'Pôle A' } });
  await screen.findByText(/^Pôle A : 2 lignes retenues/);
  fireEvent.change(pole, { target: { value: '' } });
  await waitFor(() => expect(screen.queryByText(/^Pôle A : /)).toBeNull());
  // City coverage of the social clause: 3 of the 4 contracts say it.
  const social = document.querySelector('[data-indicateur="4.1.2-consideration-sociale"]') as HTMLElement;
  expect(within(social).getByText('Couverture : 3 lignes renseignées sur 4')).toBeInTheDocument();
});

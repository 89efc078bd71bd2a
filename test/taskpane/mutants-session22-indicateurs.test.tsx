/**
 * Mutation audit of session 22, the Indicateurs step (`IndicateursStep.tsx`): the Exercice list
 * of a register without a readable date.
 */
import './dom-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

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

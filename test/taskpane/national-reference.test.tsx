/** The pane shows the national references beside the value (`indicateurs.md`), never in it. */
import './dom-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

afterEach(cleanup);

const indicator = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;

it('shows 30 % beside the social share and 100 % beside the environmental one', async () => {
  const g = grid('Suivi', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale', 'Clause environnementale'],
    ['M-1', 'Nettoyage', 1000, d('2025-02-01'), 'oui', 'non'],
    ['M-2', 'Papier', 1000, d('2025-03-01'), 'non', 'non'],
  ]);
  render(<App host={fakeHost([g])} today={TODAY} initialStep="indicateurs" />);
  await screen.findByText(/2 lignes retenues pour 2025/);
  const social = indicator('4.1.2-consideration-sociale');
  expect(within(social).getByText('Référence nationale : 30,0 % (plan national pour des achats durables 2022-2025)')).toBeInTheDocument();
  // 1 contract of 2 with a social clause: the value stays 50 %.
  expect(social).toHaveTextContent(/50,0\s*%/);
  expect(within(indicator('3.1.1-consideration-env')).getByText(/^Référence nationale : 100,0 %/)).toBeInTheDocument();
  expect(within(indicator('4.2.2-clause-sociale-part')).queryByText(/Référence nationale/)).toBeNull();
});

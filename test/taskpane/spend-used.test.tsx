/**
 * The Indicateurs step says which amount the spend indicators used (`regles.md` §5, `sortie.md`
 * `depense`), worded as the command line's summary and the sheet say it.
 */
import './dom-setup';
import { cleanup, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

afterEach(cleanup);

const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date notif'];

it('says « montant notifié » when no valid row of N has a mandated spend', async () => {
  const g = grid('Suivi', [HEAD, ['M-1', 'Nettoyage', 1000, d('2025-02-01')]]);
  render(<App host={fakeHost([g])} today={TODAY} initialStep="indicateurs" />);
  expect(await screen.findByText("Dépense retenue : montant notifié (aucune dépense mandatée renseignée sur les lignes valides de l'exercice)")).toBeInTheDocument();
});

it('says « dépenses mandatées » when a valid row of N has one', async () => {
  const g = grid('Suivi', [
    [...HEAD, 'Montant mandaté HT'],
    ['M-1', 'Nettoyage', 1000, d('2025-02-01'), 800],
    ['M-2', 'Papier', 500, d('2025-03-01'), null],
  ]);
  render(<App host={fakeHost([g])} today={TODAY} initialStep="indicateurs" />);
  expect(await screen.findByText('Dépense retenue : dépenses mandatées (à défaut, montant notifié)')).toBeInTheDocument();
});

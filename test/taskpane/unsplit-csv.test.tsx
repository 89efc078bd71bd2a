/**
 * Recipe `csv`: a CSV opened without splitting its columns. The pane's « Pas de registre » says
 * what happened and how to split the column (Données › Convertir); it does not send the buyer
 * choosing columns that are all in column A.
 */
import './dom-setup';
import { render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

it('a CSV left in column A: the separator and Données › Convertir, not « choisissez les colonnes »', async () => {
  const sheet = grid('export_marches_culture', [['NUM_MARCHE;OBJET;DATE_NOTIF;MT_HT'], ['C-01;Festival;14/04/2025;18500.00']]);
  render(<App host={fakeHost([sheet], { name: 'export_marches_culture.xlsx' })} today={TODAY} />);
  const message = await screen.findByText(/Aucun registre reconnu dans « export_marches_culture\.xlsx »/);
  expect(message.closest('.fui-MessageBar')).toHaveTextContent(/^Pas de registre/);
  expect(message).toHaveTextContent(/séparées par des points-virgules/);
  expect(message).toHaveTextContent(/Données › Convertir/);
  expect(message).not.toHaveTextContent(/Choisissez la feuille et les colonnes obligatoires/);
});

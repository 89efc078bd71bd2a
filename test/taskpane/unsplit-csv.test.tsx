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

it('on the Consolidation step, a chosen file holding an unsplit CSV says so beside « Aucune feuille reconnue »', async () => {
  const { fireEvent, within } = await import('@testing-library/react');
  const { buyerSheet } = await import('./fixtures');
  const sheet = grid('export_marches_culture', [['NUM_MARCHE;OBJET;DATE_NOTIF;MT_HT'], ['C-01;Festival;14/04/2025;18500.00']]);
  const host = fakeHost([buyerSheet()], { files: [{ name: 'export_marches_culture.xlsx', sheets: [sheet] }] });
  render(<App host={host} today={TODAY} initialStep="consolidation" />);
  fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], 'export_marches_culture.xlsx')] } });
  const card = await screen.findByRole('region', { name: 'Fichier export_marches_culture.xlsx' });
  expect(within(card).getByText('Aucune feuille reconnue dans ce fichier : il ne sera pas importé.')).toBeInTheDocument();
  expect(within(card).getByText(/toutes ses colonnes sont dans la colonne A, séparées par des points-virgules/)).toHaveTextContent(/Données › Convertir/);
});

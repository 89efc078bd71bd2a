/**
 * A column the buyer set aside (« — aucune colonne — ») is listed among the unused columns as set
 * aside by them, not as one the add-in failed to recognise (session-23 review of the weekly journey).
 */
import './dom-setup';
import { render, screen, within } from '@testing-library/react';
import { columnReport } from '../../src/cli/format';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

it('the pane says « (écartée par vous) » beside the column set aside, not beside an unrecognised one', async () => {
  const sheet = grid('Suivi', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Divers'],
    ['M-1', 'Papier', 1000, d('2025-02-01'), 'ACME', 'x'],
  ]);
  const host = fakeHost([sheet]);
  host.inputs = [{ ...host.inputs[0], state: { version: 1, mappings: [{ sheet: 'Suivi', columns: { Titulaire: null } }], decisions: [] } }];
  render(<App host={host} today={TODAY} />);
  const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
  expect(within(section).getByText('Colonnes non utilisées : « Titulaire » (écartée par vous), « Divers »')).toBeInTheDocument();
});

it('the command line lists it the same way', () => {
  const lines = columnReport(
    [{ file: 'suivi.xlsx', sheet: 'Suivi', kind: 'registre', ambiguous: [], unmapped: [{ col: 5, header: 'Titulaire', aside: true }, { col: 6, header: 'Divers' }] }],
    false,
  );
  expect(lines).toEqual(['Colonnes de la feuille « Suivi » :', '  Colonnes non utilisées : « Titulaire » (écartée par vous), « Divers »']);
});

/**
 * Found by the blind preview test (`test/e2e/blind-apercu.test.ts`): a keyboard user who picks the
 * last missing required column in « Indiquer le registre » saw the form replaced by the sheet's
 * section and focus fall back to the page (WCAG 2.4.3). Focus now follows to the same field.
 */
import './dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

function register() {
  return grid('Registre DAJ', [
    ['Registre des marchés notifiés'],
    ['N° marché', 'Objet', 'Signé le', 'Montant HT (k€)'],
    ['V-1', 'Nettoyage des gymnases', d('2025-02-10'), 12.5],
    ['V-2', 'Entretien des parcs', d('2025-04-15'), 30],
  ]);
}

it('the last missing column chosen in the manual form: focus moves to that field in the sheet section', async () => {
  render(<App host={fakeHost([register()])} today={TODAY} />);
  const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
  const date = within(manual).getByRole('combobox', { name: 'Date de notification (obligatoire)' }) as HTMLSelectElement;
  date.focus();
  const signe = within(manual).getAllByRole('option', { name: 'Signé le' })[0] as HTMLOptionElement;
  fireEvent.change(date, { target: { value: signe.value } });
  const section = await screen.findByRole('region', { name: 'Feuille « Registre DAJ »' });
  const moved = within(section).getByRole('combobox', { name: 'Date de notification (obligatoire)' }) as HTMLSelectElement;
  await waitFor(() => expect(document.activeElement).toBe(moved));
  expect(moved.selectedOptions[0].textContent).toBe('Signé le');
});

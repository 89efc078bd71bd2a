/**
 * The buyer's weekly journey (session-23 review): « Jours pour payer » chosen by hand for the payment
 * delay, then the header renamed « Jours pour payer (moyenne) » in the week. The pane used to drop
 * the choice silently and still say « colonnes choisies par vous ». Now it says the choice is lost,
 * shows the field to choose again, and choosing it again clears the notice.
 */
import './dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const RENAMED = 'Jours pour payer (moyenne)';

function host() {
  const sheet = grid('Suivi', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', RENAMED],
    ['M-1', 'Papier', 1000, d('2025-02-01'), 30],
  ]);
  const h = fakeHost([sheet]);
  // Last week's choice, saved in SPASER État.
  h.inputs = [{ ...h.inputs[0], state: { version: 1, mappings: [{ sheet: 'Suivi', headerRow: 1, columns: { 'Jours pour payer': 'delaiPaiement' } }], decisions: [] } }];
  return h;
}

it('says the choice no longer applies, offers the field again, and the new choice clears the notice', async () => {
  render(<App host={host()} today={TODAY} />);
  const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
  expect(screen.getByText(/votre choix de colonne ne s'applique plus, car la feuille n'a plus l'en-tête « Jours pour payer »/)).toBeInTheDocument();
  // Its only column choice lost: the columns are no longer « chosen by you » (session-23 verification).
  expect(within(section).queryByText(/colonnes choisies par vous/)).toBeNull();
  // The field is in the short list, with no column, to be chosen again.
  const delay = within(section).getByRole('combobox', { name: 'Délai moyen de paiement (jours)' }) as HTMLSelectElement;
  expect(delay.selectedOptions[0].textContent).toBe('« Jours pour payer » (en-tête disparu)');
  const col = Array.from(delay.options).find((o) => o.textContent === RENAMED)!.value;
  fireEvent.change(delay, { target: { value: col } });
  const chosen = () => within(section).getByRole('combobox', { name: 'Délai moyen de paiement (jours)' }) as HTMLSelectElement;
  await waitFor(() => expect(chosen().selectedOptions[0].textContent).toBe(RENAMED));
  expect(screen.queryByText(/ne s'applique plus/)).toBeNull();
});

it('a column removed on purpose: « — aucune colonne — » forgets the lost choice, and the notice goes', async () => {
  render(<App host={host()} today={TODAY} />);
  const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
  expect(screen.getByText(/votre choix de colonne ne s'applique plus/)).toBeInTheDocument();
  const delay = () => within(section).getByRole('combobox', { name: 'Délai moyen de paiement (jours)' }) as HTMLSelectElement;
  fireEvent.change(delay(), { target: { value: '' } });
  await waitFor(() => expect(screen.queryByText(/ne s'applique plus/)).toBeNull());
  // Forgotten: the field is one no column gives, behind « Afficher tous les champs » like the others.
  expect(within(section).queryByRole('combobox', { name: 'Délai moyen de paiement (jours)' })).toBeNull();
});

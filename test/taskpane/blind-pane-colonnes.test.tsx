import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { grid, d } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

/** A header ambiguous between two fields (README, « Colonnes »): `Clause sociale et environnementale`. */
function ambiguousSheet() {
  return grid('Marchés 2025', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale et environnementale'],
    ['2025-001', 'Nettoyage des écoles', 10000, d('2025-01-15'), 'oui'],
    ['2025-002', 'Fournitures de bureau', 2000, d('2025-02-03'), 'non'],
  ]);
}

describe('Colonnes step, ambiguous column (blind acceptance)', () => {
  it('shows the candidate fields of an ambiguous column without « Afficher tous les champs », as the warning says « ci-dessus »', async () => {
    render(<App host={fakeHost([ambiguousSheet()])} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Marchés 2025 »' });
    expect(within(section).getByText(/Colonnes ambiguës, à choisir ci-dessus/)).toBeInTheDocument();
    const sociale = within(section).getByRole('combobox', { name: 'Clause sociale' }) as HTMLSelectElement;
    expect(within(section).getByRole('combobox', { name: 'Clause environnementale' })).toBeInTheDocument();
    // Other unrecognised fields stay behind the button.
    expect(within(section).queryByRole('combobox', { name: 'Marché innovant' })).toBeNull();
    // Choosing it maps the column: the warning goes away.
    const col = Array.from(sociale.options).find((o) => o.textContent === 'Clause sociale et environnementale')!.value;
    fireEvent.change(sociale, { target: { value: col } });
    await screen.findByText(/colonnes choisies par vous/);
    expect(within(section).queryByText(/Colonnes ambiguës/)).toBeNull();
    expect((within(section).getByRole('combobox', { name: 'Clause sociale' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe(
      'Clause sociale et environnementale',
    );
  });
});

/**
 * README « Dans Excel », step 1 Colonnes, on a workbook with several register
 * sheets (`regles.md` §1: one per Pôle after a consolidation): each sheet is
 * shown with its own header row, and a choice on one sheet changes that
 * sheet's reading only.
 */
import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification', 'Clause sociale'];

/** Culture: header on row 1, 1 contract with clause sociale of 2. Solidarités: header on row 2, 2 of 3. */
const culture = () =>
  grid('Pôle Culture', [HEAD, ['C-1', 'Spectacle', 1000, d('2025-02-01'), 'oui'], ['C-2', 'Affiches', 500, d('2025-03-01'), 'non']]);
const solidarites = () =>
  grid('Pôle Solidarités', [
    ['Marchés du Pôle', null, null, null, null],
    HEAD,
    ['S-1', 'Nettoyage', 2000, d('2025-02-01'), 'oui'],
    ['S-2', 'Repas', 3000, d('2025-03-01'), 'oui'],
    ['S-3', 'Transport', 4000, d('2025-04-01'), 'non'],
  ]);

describe('step 1 Colonnes — several register sheets', () => {
  it('shows each sheet with its header row, and a choice on one sheet leaves the other as it was', async () => {
    render(<App host={fakeHost([culture(), solidarites()])} today={TODAY} />);
    expect(await screen.findByText('2 feuilles reconnues.', { exact: false })).toBeInTheDocument();
    const a = screen.getByRole('region', { name: 'Feuille « Pôle Culture »' });
    const b = screen.getByRole('region', { name: 'Feuille « Pôle Solidarités »' });
    expect(within(a).getByText(/ligne d'en-tête 1/)).toBeInTheDocument();
    expect(within(b).getByText(/ligne d'en-tête 2/)).toBeInTheDocument();

    fireEvent.change(within(b).getByRole('combobox', { name: 'Clause sociale' }), { target: { value: '' } });
    await within(b).findByText(/colonnes choisies par vous/);
    expect(within(a).queryByText(/colonnes choisies par vous/)).toBeNull();
    expect((within(a).getByRole('combobox', { name: 'Clause sociale' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe('Clause sociale');

    // Only C-1 keeps its declared clause: S-1 and S-2 are no longer read as social.
    fireEvent.click(screen.getByRole('button', { name: '3. Étiquettes' }));
    expect(await screen.findByText('Considération sociale : 1 marché')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Marchés étiquetés (1)' })).getByText('C-1')).toBeInTheDocument();

    // A second choice, on the other sheet, keeps the first one: no contract is social any more.
    fireEvent.click(screen.getByRole('button', { name: '1. Colonnes' }));
    const a2 = await screen.findByRole('region', { name: 'Feuille « Pôle Culture »' });
    fireEvent.change(within(a2).getByRole('combobox', { name: 'Clause sociale' }), { target: { value: '' } });
    await within(a2).findByText(/colonnes choisies par vous/);
    const b2 = screen.getByRole('region', { name: 'Feuille « Pôle Solidarités »' });
    expect(within(b2).getByText(/colonnes choisies par vous/)).toBeInTheDocument();
    fireEvent.click(within(b2).getByRole('button', { name: /Afficher tous les champs/ }));
    expect((within(b2).getByRole('combobox', { name: 'Clause sociale' }) as HTMLSelectElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: '3. Étiquettes' }));
    expect(await screen.findByText('Considération sociale : 0 marché')).toBeInTheDocument();
  });
});

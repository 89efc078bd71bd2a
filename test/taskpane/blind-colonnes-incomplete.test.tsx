/**
 * Found by the blind « Colonnes » acceptance (blind-colonnes.test.tsx): a sheet that looks like
 * a register but misses a required column was named by a notice saying « choisissez la colonne à
 * l'étape Colonnes du volet », yet the step only showed the recognised registers: the buyer could
 * not choose it (README « Colonnes » : « le volet permet alors d'indiquer … les colonnes »). The
 * same after a header the buyer had chosen was renamed: the register's rows silently stopped
 * counting and nothing could be chosen again. The step now shows such sheets too.
 */
import './dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { incompleteRegisters } from '../../src/domain/incomplete-registers';
import { grid, d } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const register = () =>
  grid('Marchés 2025', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['2025-001', 'Nettoyage des écoles', 10000, d('2025-01-15')],
  ]);
const incomplete = () =>
  grid('Commandes 2025', [
    ['N° marché', 'Objet', 'Signé le', 'Titulaire', 'Montant HT'],
    ['C-01', 'Petit matériel', d('2025-02-10'), 'Martin', 500],
  ]);

describe('a register-like sheet missing a required column', () => {
  it('is listed by incompleteRegisters, with its missing field', () => {
    const [m, ...rest] = incompleteRegisters([{ file: 'a.xlsx', sheets: [register(), incomplete()], state: null }]);
    expect(rest).toEqual([]);
    expect(m.sheet).toBe('Commandes 2025');
    expect(m.columns.some((c) => c.field === 'dateNotification')).toBe(false);
  });

  it('gets its own section at the Colonnes step, where the missing column is chosen; the notice then goes', async () => {
    render(<App host={fakeHost([register(), incomplete()])} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Commandes 2025 »' });
    expect(screen.getByText(/La feuille ci-dessous ressemble à un registre/)).toBeInTheDocument();
    expect(screen.getByText(/introuvable dans la feuille « Commandes 2025 »/)).toBeInTheDocument();
    const date = within(section).getByRole('combobox', { name: /^Date de notification/ }) as HTMLSelectElement;
    const option = Array.from(date.options).find((o) => o.textContent === 'Signé le')!;
    fireEvent.change(date, { target: { value: option.value } });
    await waitFor(() => expect(screen.queryByText(/introuvable dans la feuille « Commandes 2025 »/)).toBeNull());
    expect(screen.getByText(/2 feuilles reconnues/)).toBeInTheDocument();
    expect(screen.queryByText(/ressemble à un registre/)).toBeNull();
  });
});

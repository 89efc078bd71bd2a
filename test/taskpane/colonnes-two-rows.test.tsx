/**
 * Colonnes step on a header on two rows (README « Colonnes »): the pane names both rows, offers the
 * headers as the program read them (« Montant » over « HT » is `Montant HT`), and a choice keeps the
 * first row as where the header starts, so that the two rows are read again.
 */
import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { App } from '../../src/taskpane/components/App';
import { fakeHost, TODAY } from './fixtures';

const date = (iso: string): CellValue => ({ date: iso }) as CellValue;

function twoRowSheet(): SheetGrid {
  const rows: CellValue[][] = [
    ['N° marché', 'Objet', 'Montant', null, 'Date de notification', 'Titulaire'],
    [null, null, 'HT', 'TTC', null, null],
    ['2025-001', 'Nettoyage des écoles', 12000, 14400, date('2025-02-03'), 'Net Plus'],
    ['2025-002', 'Fournitures de bureau', 3000, 3600, date('2025-03-10'), 'Bureau Sud'],
  ];
  return { name: 'Suivi', firstRow: 1, firstCol: 1, rows, tables: [] };
}

describe('Colonnes step, header on two rows', () => {
  it('names both rows and offers the headers as read', async () => {
    render(<App host={fakeHost([twoRowSheet()])} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    expect(within(section).getByText(/Registre des marchés — en-tête sur les lignes 1 et 2/)).toBeInTheDocument();
    const montant = within(section).getByRole('combobox', { name: 'Montant notifié HT (€) (obligatoire)' }) as HTMLSelectElement;
    expect(montant.selectedOptions[0].textContent).toBe('Montant HT');
    expect([...montant.options].map((o) => o.textContent)).toEqual([
      '— aucune colonne —',
      'N° marché',
      'Objet',
      'Montant HT',
      'Montant TTC',
      'Date de notification',
      'Titulaire',
    ]);
  });

  it('a choice starts the header on its first row: both rows are read again', async () => {
    const calls: ChainOptions[] = [];
    const chain = (inputs: readonly ChainInput[], options: ChainOptions) => (calls.push(options), runChain(inputs, options));
    render(<App host={fakeHost([twoRowSheet()])} chain={chain} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    fireEvent.change(within(section).getByRole('combobox', { name: 'Titulaire' }), { target: { value: '' } });
    await screen.findByText(/colonnes choisies par vous/);
    expect(calls[calls.length - 1].overrides).toEqual([{ sheet: 'Suivi', headerRow: 1, columns: { Titulaire: null } }]);
    // Still on two rows, the amount still `Montant HT`, the titulaire no longer read.
    expect(within(section).getByText(/en-tête sur les lignes 1 et 2/)).toBeInTheDocument();
    expect((within(section).getByRole('combobox', { name: 'Montant notifié HT (€) (obligatoire)' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe('Montant HT');
    fireEvent.click(within(section).getByRole('button', { name: /Afficher tous les champs/ }));
    expect((within(section).getByRole('combobox', { name: 'Titulaire' }) as HTMLSelectElement).value).toBe('');
  });
});

import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { buyerSheet, fakeHost, TODAY, unknownSheet } from './fixtures';

expect.extend(toHaveNoViolations);

function spyChain() {
  const calls: ChainOptions[] = [];
  const chain = (inputs: readonly ChainInput[], options: ChainOptions) => {
    calls.push(options);
    return runChain(inputs, options);
  };
  return { chain, calls };
}

describe('Colonnes step', () => {
  it('shows the sheet, its header row and the column recognised for each field', async () => {
    const { container } = render(<App host={fakeHost([buyerSheet()])} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
    expect(within(section).getByText(/Registre des marchés — ligne d'en-tête 2/)).toBeInTheDocument();
    // `Date notif` was recognised for the notification date.
    const date = within(section).getByRole('combobox', { name: 'Date de notification (obligatoire)' }) as HTMLSelectElement;
    expect(date.selectedOptions[0].textContent).toBe('Date notif');
    const siret = within(section).getByRole('combobox', { name: 'SIRET du titulaire' }) as HTMLSelectElement;
    expect(siret.selectedOptions[0].textContent).toBe('SIRET');
    expect(await axe(container)).toHaveNoViolations();
  });

  it('re-runs the chain with the override when the user changes a column', async () => {
    const { chain, calls } = spyChain();
    render(<App host={fakeHost([buyerSheet()])} chain={chain} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
    const before = calls.length;
    // `Clause sociale` no longer read: the 3 contracts that declared it lose their tag.
    fireEvent.change(within(section).getByRole('combobox', { name: 'Clause sociale' }), { target: { value: '' } });
    await screen.findByText(/colonnes choisies par vous/);
    expect(calls.length).toBe(before + 1);
    expect(calls[calls.length - 1].overrides).toEqual([{ sheet: 'Suivi 2025', headerRow: 2, columns: { 'Clause sociale': null } }]);
    fireEvent.click(screen.getByRole('button', { name: '3. Étiquettes' }));
    expect(await screen.findByText('Considération sociale : 0 marché')).toBeInTheDocument();
  });

  it('moves a header from one field to another: the old field loses it', async () => {
    const { chain, calls } = spyChain();
    render(<App host={fakeHost([buyerSheet()])} chain={chain} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
    fireEvent.click(within(section).getByRole('button', { name: /Afficher tous les champs/ }));
    // Column F (`SIRET`) chosen for Titulaire: SIRET du titulaire is left without a column.
    fireEvent.change(within(section).getByRole('combobox', { name: 'Titulaire' }), { target: { value: '6' } });
    await screen.findByText(/colonnes choisies par vous/);
    expect(calls[calls.length - 1].overrides).toEqual([
      { sheet: 'Suivi 2025', headerRow: 2, columns: { SIRET: 'titulaire' } },
    ]);
    expect((within(section).getByRole('combobox', { name: 'SIRET du titulaire' }) as HTMLSelectElement).value).toBe('');
    expect((within(section).getByRole('combobox', { name: 'Titulaire' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe('SIRET');
  });

  it('saves the choice in the state the chain returns, written with the sheets', async () => {
    const host = fakeHost([buyerSheet()]);
    render(<App host={host} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
    fireEvent.click(within(section).getByRole('button', { name: /Afficher tous les champs/ }));
    fireEvent.change(within(section).getByRole('combobox', { name: 'Titulaire' }), { target: { value: '6' } });
    await screen.findByText(/colonnes choisies par vous/);
    fireEvent.click(screen.getByRole('button', { name: '4. Indicateurs' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites/);
    expect(host.writes).toHaveLength(1);
    expect(host.writes[0].state.mappings).toEqual([{ sheet: 'Suivi 2025', headerRow: 2, columns: { SIRET: 'titulaire' } }]);
  });

  it('lets the user point at the register when none was recognised', async () => {
    const { container } = render(<App host={fakeHost([unknownSheet()])} today={TODAY} />);
    const alert = await screen.findByText(/Aucun registre reconnu/);
    expect(alert).toHaveTextContent("à l'étape Colonnes");
    const manual = screen.getByRole('region', { name: 'Indiquer le registre' });
    const pick = (name: string, value: string) => fireEvent.change(within(manual).getByRole('combobox', { name }), { target: { value } });
    pick('N° de marché (obligatoire)', '1');
    pick('Objet du marché (obligatoire)', '2');
    pick('Montant notifié HT (€) (obligatoire)', '3');
    pick('Date de notification (obligatoire)', '4');
    const section = await screen.findByRole('region', { name: 'Feuille « Feuil1 »' });
    expect((within(section).getByRole('combobox', { name: 'Objet du marché (obligatoire)' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe('Quoi');
    expect(screen.queryByText(/Aucun registre reconnu/)).not.toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });
});

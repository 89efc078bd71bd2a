/**
 * No register recognised because one required column has a header the
 * program does not know: the form to point at the register starts on the
 * header row closest to a register, with the required columns that row
 * names already chosen, so the buyer picks only the missing one (the blind
 * pane test found the buyer had to pick all four, from row 1).
 */
import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const selected = (region: HTMLElement, name: string) => (within(region).getByRole('combobox', { name }) as HTMLSelectElement).selectedOptions[0].textContent;

function stadium() {
  return grid('Suivi', [
    ['Suivi des marchés du stade', null, null, null, null],
    [null, null, null, null, null],
    ['N° marché', 'Sujet', 'Montant HT', 'Date de notification', 'Clause sociale'],
    ['S-1', 'Pelouse', 12000, d('2025-03-04'), 'oui'],
    ['S-2', 'Gradins', 30000, d('2025-04-01'), 'non'],
  ]);
}

describe('pointing at the register by hand', () => {
  it('starts on the header row closest to a register, its required columns chosen', async () => {
    render(<App host={fakeHost([grid('Notes', [['Rien ici']]), stadium()])} today={TODAY} />);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    expect(selected(manual, 'Feuille')).toBe('Suivi');
    expect(selected(manual, "Ligne d'en-tête")).toMatch(/^Ligne 3 : N° marché/);
    expect(selected(manual, 'N° de marché (obligatoire)')).toBe('N° marché');
    expect(selected(manual, 'Montant notifié HT (€) (obligatoire)')).toBe('Montant HT');
    expect(selected(manual, 'Date de notification (obligatoire)')).toBe('Date de notification');
    expect(selected(manual, 'Objet du marché (obligatoire)')).toBe('— aucune colonne —');
  });

  it('picking only the missing column makes the sheet a register, the others recognised by themselves', async () => {
    render(<App host={fakeHost([stadium()])} today={TODAY} />);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    const sujet = within(manual).getAllByRole('option', { name: 'Sujet' })[0] as HTMLOptionElement;
    fireEvent.change(within(manual).getByRole('combobox', { name: 'Objet du marché (obligatoire)' }), { target: { value: sujet.value } });
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    expect(selected(section, 'Objet du marché (obligatoire)')).toBe('Sujet');
    expect(selected(section, 'N° de marché (obligatoire)')).toBe('N° marché');
    expect(selected(section, 'Clause sociale')).toBe('Clause sociale');
    expect(screen.queryByText(/Aucun registre reconnu/)).toBeNull();
  });

  it('another header row chosen: its own recognised columns are chosen instead', async () => {
    render(<App host={fakeHost([stadium()])} today={TODAY} />);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    fireEvent.change(within(manual).getByRole('combobox', { name: "Ligne d'en-tête" }), { target: { value: '1' } });
    expect(selected(manual, 'N° de marché (obligatoire)')).toBe('— aucune colonne —');
    fireEvent.change(within(manual).getByRole('combobox', { name: "Ligne d'en-tête" }), { target: { value: '3' } });
    expect(selected(manual, 'Montant notifié HT (€) (obligatoire)')).toBe('Montant HT');
  });
});

describe('pointing at the register by hand, in a second workbook', () => {
  // Found by the session-22 usability review: after a first workbook without register, a second one
  // showed « Ce classeur ne contient aucune feuille à lire. » (the form kept the first one's sheet),
  // while the notice sent the buyer to this step to choose the columns.
  it('starts afresh on the new workbook: its sheet, its header row, its recognised columns', async () => {
    const host = fakeHost([grid('Budget', [['Chapitre', 'Crédits'], ['011', 1000]])], { kind: 'apercu' });
    render(<App host={host} today={TODAY} initialStep="colonnes" />);
    const picker = () => screen.getByLabelText('Choisir un classeur (.xlsx)');
    fireEvent.change(picker(), { target: { files: [new File([new Uint8Array([1])], 'Budget.xlsx')] } });
    let manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    expect(selected(manual, 'Feuille')).toBe('Budget');

    host.inputs = [{ file: 'Stade.xlsx', sheets: [stadium()], state: null }];
    fireEvent.change(picker(), { target: { files: [new File([new Uint8Array([2])], 'Stade.xlsx')] } });
    await screen.findByRole('option', { name: /^Ligne 3 : N° marché/ });
    manual = screen.getByRole('region', { name: 'Indiquer le registre' });
    expect(selected(manual, 'Feuille')).toBe('Suivi');
    expect(selected(manual, "Ligne d'en-tête")).toMatch(/^Ligne 3 : N° marché/);
    expect(selected(manual, 'Montant notifié HT (€) (obligatoire)')).toBe('Montant HT');
    expect(screen.queryByText('Ce classeur ne contient aucune feuille à lire.')).toBeNull();
  });
});

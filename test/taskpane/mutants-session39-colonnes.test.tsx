/**
 * Session-39 hand mutation audit of the Colonnes step (ColonnesStep.tsx), for what the tests already
 * there left open: the form to point at the register when the workbook read again changed its sheets.
 */
import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const selected = (region: HTMLElement, name: string) => (within(region).getByRole('combobox', { name }) as HTMLSelectElement).selectedOptions[0].textContent;

function stadium(name: string) {
  return grid(name, [
    ['Suivi des marchés du stade', null, null, null, null],
    [null, null, null, null, null],
    ['N° marché', 'Sujet', 'Montant HT', 'Date de notification', 'Clause sociale'],
    ['S-1', 'Pelouse', 12000, d('2025-03-04'), 'oui'],
    ['S-2', 'Gradins', 30000, d('2025-04-01'), 'non'],
  ]);
}

describe('pointing at the register by hand, the same workbook read again', () => {
  it('starts afresh when its sheet was renamed in between: the renamed sheet, not « aucune feuille à lire »', async () => {
    const host = fakeHost([], { kind: 'apercu' });
    host.inputs = [{ file: 'Stade.xlsx', sheets: [grid('Budget', [['Chapitre', 'Crédits'], ['011', 1000]])], state: null }];
    render(<App host={host} today={TODAY} initialStep="colonnes" />);
    const picker = () => screen.getByLabelText('Choisir un classeur (.xlsx)');
    fireEvent.change(picker(), { target: { files: [new File([new Uint8Array([1])], 'Stade.xlsx')] } });
    let manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    expect(selected(manual, 'Feuille')).toBe('Budget');

    // Same file name, its sheet renamed and filled since.
    host.inputs = [{ file: 'Stade.xlsx', sheets: [stadium('Suivi')], state: null }];
    fireEvent.change(picker(), { target: { files: [new File([new Uint8Array([2])], 'Stade.xlsx')] } });
    await screen.findByRole('option', { name: /^Ligne 3\s: N° marché/ });
    manual = screen.getByRole('region', { name: 'Indiquer le registre' });
    expect(selected(manual, 'Feuille')).toBe('Suivi');
    expect(screen.queryByText('Ce classeur ne contient aucune feuille à lire.')).toBeNull();
  });
});

/**
 * Session-39 hand mutation audit of the Colonnes step (ColonnesStep.tsx), for what the tests already
 * there left open: the form to point at the register when the workbook read again changed its sheets.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { incompleteRegisters } from '../../src/domain/incomplete-registers';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

afterEach(cleanup);

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

describe('a register-like sheet missing required columns, beside a register', () => {
  const register = () =>
    grid('Marchés 2025', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['2025-001', 'Nettoyage des écoles', 10000, d('2025-01-15')],
    ]);
  // Neither the amount nor the date has a header the program knows.
  const incomplete = () =>
    grid('Commandes 2025', [
      ['N° marché', 'Objet', 'Signé le', 'Titulaire', 'Coût', 'SIRET'],
      ['C-01', 'Petit matériel', d('2025-02-10'), 'Martin', 500, '35600000000048'],
    ]);

  it('says in the plural that columns are missing and are to be chosen (« les avez choisies »)', async () => {
    const [m] = incompleteRegisters([{ file: 'a.xlsx', sheets: [register(), incomplete()], state: null }]);
    expect(m.sheet).toBe('Commandes 2025');
    render(<App host={fakeHost([register(), incomplete()])} today={TODAY} initialStep="colonnes" />);
    await screen.findByRole('region', { name: /^Feuille «\sCommandes 2025\s»$/ });
    expect(
      screen.getByText(/^La feuille ci-dessous ressemble à un registre, mais des colonnes obligatoires lui manquent\s: ses lignes ne sont pas comptées tant que vous ne les avez pas choisies\.$/),
    ).toBeInTheDocument();
  });
});

describe('a saved column choice whose header is gone, while the program recognises the field by itself', () => {
  it('the field\'s list shows the recognised column and does not offer the header gone', async () => {
    const sheet = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['2025-001', 'Nettoyage des écoles', 10000, d('2025-01-15')],
    ]);
    const host = fakeHost([sheet]);
    // Chosen by hand when the column was « Montant payé »; renamed « Montant HT » since, which the program knows.
    host.inputs = [{ ...host.inputs[0], state: { version: 1, mappings: [{ sheet: 'Marchés', headerRow: 1, columns: { 'Montant payé': 'montant' } }], decisions: [] } }];
    render(<App host={host} today={TODAY} initialStep="colonnes" />);
    const section = await screen.findByRole('region', { name: /^Feuille «\sMarchés\s»$/ });
    const montant = within(section).getByRole('combobox', { name: /^Montant notifié HT/ }) as HTMLSelectElement;
    expect(montant.selectedOptions[0].textContent).toBe('Montant HT');
    expect(Array.from(montant.options).map((o) => o.textContent)).not.toContainEqual(expect.stringMatching(/en-tête disparu/));
  });
});


/**
 * The Indicateurs step, for one Pôle, shows that Pôle's zones and company sizes (`indicateurs.md`
 * « every indicator can be computed per Pôle »), not « Non ventilé par Pôle ».
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { twoPolesSuppliers } from '../helpers/two-poles-suppliers';
import { fakeHost, TODAY } from './fixtures';

afterEach(cleanup);

const indicator = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;

describe('breakdowns in the pane, Pôle by Pôle', () => {
  it('shows the picked Pôle’s share of spend by zone, and says when its breakdown is non calculable', async () => {
    render(<App host={fakeHost([twoPolesSuppliers()])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByText(/5 lignes retenues pour 2025/);
    expect(indicator('5.1.1-fournisseurs-zone')).toHaveTextContent(/Roubaix : 25,0 % des fournisseurs, 25,0 % de la dépense ; MEL \(hors Roubaix\) : 25,0 % des fournisseurs, 25,0 % de la dépense/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Pôle' }), { target: { value: 'Pôle A' } });
    expect(indicator('5.1.1-fournisseurs-zone')).toHaveTextContent(/Roubaix : 50,0 % des fournisseurs, 25,0 % de la dépense ; MEL \(hors Roubaix\) : 50,0 % des fournisseurs, 75,0 % de la dépense/);
    expect(indicator('5.1.1-fournisseurs-zone')).not.toHaveTextContent('Non ventilé par Pôle');
    fireEvent.change(screen.getByRole('combobox', { name: 'Pôle' }), { target: { value: 'Pôle B' } });
    expect(indicator('5.1.1-fournisseurs-zone')).toHaveTextContent(/Hauts-de-France \(hors MEL\) : 33,3 % des fournisseurs, 50,0 % de la dépense/);
    // No company size column: non calculable for the City, so for each Pôle too.
    expect(indicator('5.1.4-fournisseurs-typologie')).toHaveTextContent('Non calculable');
  });

  it('says « Non calculable pour ce Pôle » for a Pôle with no identified supplier', async () => {
    const rows = grid('Suivi 2025', [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Pôle', 'Titulaire', 'Code postal'],
      ['A-1', 'Nettoyage', 1000, d('2025-02-01'), 'Pôle A', 'T1', '59100'],
      ['C-1', 'Papier', 500, d('2025-03-01'), 'Pôle C', null, null],
    ]);
    render(<App host={fakeHost([rows])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByText(/2 lignes retenues pour 2025/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Pôle' }), { target: { value: 'Pôle C' } });
    expect(indicator('5.1.1-fournisseurs-zone')).toHaveTextContent('Non calculable pour ce Pôle');
    fireEvent.change(screen.getByRole('combobox', { name: 'Pôle' }), { target: { value: 'Pôle A' } });
    expect(indicator('5.1.1-fournisseurs-zone')).toHaveTextContent(/Roubaix : 100,0 % des fournisseurs, 100,0 % de la dépense/);
  });

  // Session 27 fronts review: at 350 px, the six zones with both shares were one bold sentence of ten
  // lines. One category a line (a block each), the sentence unchanged for whoever reads it as text.
  it('puts one category a line, for the City and for a Pôle', async () => {
    render(<App host={fakeHost([twoPolesSuppliers()])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByText(/5 lignes retenues pour 2025/);
    const lines = () => [...indicator('5.1.1-fournisseurs-zone').querySelectorAll('.breakdown > span')].map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' '));
    expect(lines()[0]).toBe('Roubaix : 25,0 % des fournisseurs, 25,0 % de la dépense ; ');
    expect(lines()[1]).toMatch(/^MEL \(hors Roubaix\) : 25,0 % des fournisseurs, 25,0 % de la dépense/);
    expect(lines().at(-1)).not.toMatch(/;/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Pôle' }), { target: { value: 'Pôle A' } });
    // Every zone is listed (README: « toutes les catégories sont listées »), one a line.
    expect(lines()).toHaveLength(6);
    expect(lines().slice(0, 2)).toEqual(['Roubaix : 50,0 % des fournisseurs, 25,0 % de la dépense ; ', 'MEL (hors Roubaix) : 50,0 % des fournisseurs, 75,0 % de la dépense ; ']);
    expect(lines()[5]).toBe('Inconnue : 0,0 % des fournisseurs, 0,0 % de la dépense');
    // A value with its counts (contract types) stays on its line: no breakdown block there.
    expect(indicator('4.1.2-consideration-sociale').querySelector('.breakdown')).toBeNull();
  });
});

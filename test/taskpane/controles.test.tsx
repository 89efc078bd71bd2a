import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

expect.extend(toHaveNoViolations);

describe('Contrôles step', () => {
  it('groups findings by code with their counts, errors first', async () => {
    const { container } = render(<App host={fakeHost([buyerSheet()])} today={TODAY} initialStep="controles" />);
    // buyerSheet: objet empty on row 5, unreadable amount on row 6 (errors), short SIRET on row 7 (warning).
    expect(await screen.findByText(/2\serreurs \(2 lignes écartées des indicateurs\), 1 avertissement/)).toBeInTheDocument();
    const groups = screen.getAllByRole('button', { name: /— \d+\s(erreur|avertissement)/ }).map((b) => b.textContent);
    expect(groups).toEqual([
      '1Objet manquant — 1 erreur',
      '1Montant illisible ou négatif — 1 erreur',
      '1SIRET invalide — 1 avertissement',
    ]);
    expect(await axe(container)).toHaveNoViolations();
  });

  it('selects the faulty cell in Excel when a finding is clicked', async () => {
    const host = fakeHost([buyerSheet()]);
    render(<App host={host} today={TODAY} initialStep="controles" />);
    fireEvent.click(await screen.findByRole('button', { name: /Montant illisible ou négatif/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Feuille « Suivi 2025 », cellule C6' }));
    expect(host.selections).toEqual([{ sheet: 'Suivi 2025', address: 'C6' }]);
  });

  it('shows the address instead in the browser preview', async () => {
    const host = fakeHost([buyerSheet()], { kind: 'apercu' });
    const { container } = render(<App host={host} today={TODAY} initialStep="controles" />);
    expect(screen.getByText("Les contrôles s'afficheront une fois le registre reconnu.")).toBeInTheDocument();
    const file = new File([new Uint8Array([1, 2, 3])], 'Suivi.xlsx');
    fireEvent.change(screen.getByLabelText('Choisir un classeur (.xlsx)'), { target: { files: [file] } });
    fireEvent.click(await screen.findByRole('button', { name: /Objet manquant/ }));
    const item = screen.getByText('Feuille « Suivi 2025 », cellule B5');
    expect(item.tagName).not.toBe('BUTTON');
    expect(within(item.closest('li')!).queryByRole('button')).toBeNull();
    expect(host.opened).toEqual(['Suivi.xlsx']);
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe('Contrôles step — errors and the rows they leave out', () => {
  it('counts a row with two errors once among the rows left out of the indicators (blind controles: 17 errors, 14 rows)', async () => {
    const sheet = grid('Suivi', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['M-1', '', 'beaucoup', d('2025-03-01')],
      ['M-2', 'Papier', 100, d('2025-03-02')],
    ]);
    render(<App host={fakeHost([sheet])} today={TODAY} initialStep="controles" />);
    expect(await screen.findByText(/^2\serreurs \(1 ligne écartée des indicateurs\), 0 avertissement/)).toBeInTheDocument();
  });
});

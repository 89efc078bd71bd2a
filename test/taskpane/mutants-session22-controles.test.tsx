/**
 * Session-22 hand mutation audit of step 2 (src/taskpane/components/ControlesStep.tsx): the step
 * rendered alone over the chain's output, for what the existing tests left open.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import { ControlesStep } from '../../src/taskpane/components/ControlesStep';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-03-15';
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'SIRET'];

function outputOf(sheets: SheetGrid[]) {
  return runChain([{ file: 'Suivi.xlsx', sheets, state: null }], { today: TODAY });
}

afterEach(cleanup);

describe('the counts above the groups', () => {
  it('counts the rows left out per sheet: row 2 of two register sheets is two rows', () => {
    // regles.md §1: a workbook may hold several register sheets; §3: a row with an error is left out.
    const a = grid('Suivi 2025', [HEADER, ['A-1', '', 100, d('2025-03-01'), null]]);
    const b = grid('Suivi 2024', [HEADER, ['B-1', '', 200, d('2025-04-01'), null]]);
    render(<ControlesStep output={outputOf([a, b])} />);
    expect(screen.getByText(/^2\serreurs \(2\slignes écartées des indicateurs\)/)).toBeInTheDocument();
  });

  it('counts warnings one by one, and warnings alone are not « aucune anomalie »', () => {
    // regles.md §3: a row with only warnings is listed and kept; two short SIRETs are two warnings.
    const sheet = grid('Suivi', [
      HEADER,
      ['M-1', 'Papier', 100, d('2025-03-01'), '123'],
      ['M-2', 'Crayons', 200, d('2025-03-02'), '456'],
    ]);
    render(<ControlesStep output={outputOf([sheet])} />);
    expect(screen.getByText(/^0\serreur \(0\sligne écartée des indicateurs\), 2\savertissements \(lignes gardées\)/)).toBeInTheDocument();
    expect(screen.queryByText(/Aucune anomalie/)).toBeNull();
    expect(screen.getByRole('button', { name: /SIRET invalide — 2\savertissements/ })).toBeInTheDocument();
  });
});

describe('a group of findings', () => {
  const many = (n: number): SheetGrid => {
    const rows: CellValue[][] = [HEADER];
    for (let i = 1; i <= n; i++) rows.push([`M-${i}`, 'Papier', 100 + i, d('2025-03-01'), '123']);
    return grid('Suivi', rows);
  };

  it('opens on a click only, and shows 20 findings at a time, then what remains', () => {
    render(<ControlesStep output={outputOf([many(25)])} />);
    const group = screen.getByRole('button', { name: /SIRET invalide — 25\savertissements/ });
    // Closed at first: the step lists the groups (README « erreurs et avertissements regroupés par code »).
    expect(group).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/^Feuille « Suivi », cellule/)).toBeNull();
    fireEvent.click(group);
    expect(screen.getAllByText(/^Feuille « Suivi », cellule E\d+$/)).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher 5 de plus (5 restants)' }));
    expect(screen.getAllByText(/^Feuille « Suivi », cellule E\d+$/)).toHaveLength(25);
    expect(screen.queryByRole('button', { name: /^Afficher/ })).toBeNull();
  });

  it('has no « Afficher … de plus » when exactly 20 findings are all shown', () => {
    render(<ControlesStep output={outputOf([many(20)])} />);
    fireEvent.click(screen.getByRole('button', { name: /SIRET invalide — 20\savertissements/ }));
    expect(screen.getAllByText(/^Feuille « Suivi », cellule E\d+$/)).toHaveLength(20);
    expect(screen.queryByRole('button', { name: /^Afficher/ })).toBeNull();
  });

  it('leads to the whole row for a suggestion awaiting confirmation', () => {
    // README « Contrôles »: `suggestion-non-confirmee` porte sur la ligne entière … le volet la sélectionne entière.
    const sheet = grid('Suivi', [HEADER.slice(0, 4), ['M-1', 'Nettoyage des locaux par un ESAT', 100, d('2025-03-01')]]);
    const onSelect = jest.fn();
    render(<ControlesStep output={outputOf([sheet])} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: /— 1\savertissement$/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Feuille « Suivi », ligne 2' }));
    expect(onSelect).toHaveBeenCalledWith('Suivi', '2:2');
  });
});

describe('what only Excel offers', () => {
  const sheet = grid('Suivi', [HEADER, ['M-1', '', 100, d('2025-03-01'), null]]);

  it('in preview: no hint to click, no button to remove the marks', () => {
    render(<ControlesStep output={outputOf([sheet])} />);
    expect(screen.queryByText(/Cliquez sur une ligne/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retirer le surlignage des cellules' })).toBeNull();
  });

  it('in Excel: both', () => {
    render(<ControlesStep output={outputOf([sheet])} onSelect={() => undefined} onClearHighlights={() => undefined} />);
    expect(screen.getByText(/Cliquez sur une ligne pour aller à la cellule\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retirer le surlignage des cellules' })).toBeInTheDocument();
  });
});

describe('findings outside the register rows', () => {
  it('lists an unreadable target of the Cibles sheet with the register’s findings', () => {
    // regles.md §3: `valeur-illisible` for any mapped cell whose number cannot be read; champs.md: Cibles.cible is a nombre.
    const register = grid('Suivi', [HEADER.slice(0, 4), ['M-1', 'Papier', 100, d('2025-03-01')]]);
    const cibles = grid('Cibles', [
      ['Indicateur', 'Année', 'Cible'],
      ['4.1.2-consideration-sociale', 2025, 'beaucoup'],
    ]);
    render(<ControlesStep output={outputOf([register, cibles])} />);
    expect(screen.getByText(/^1\serreur /)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Valeur illisible — 1 erreur' }));
    expect(screen.getByText('Feuille « Cibles », cellule C2')).toBeInTheDocument();
  });
});

/**
 * Session-22 hand mutation audit of step 3 (src/taskpane/components/EtiquettesStep.tsx): the step
 * rendered alone over the chain's output, for what the existing tests left open.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { CellValue } from '../../src/domain/cell';
import { runChain, type ChainInput } from '../../src/domain/chain';
import type { DecisionChange } from '../../src/domain/state';
import { EtiquettesStep } from '../../src/taskpane/components/EtiquettesStep';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-03-15';
const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
// « seconde main » suggests Clause environnementale (regles.md §4).
const SECONDE_MAIN = 'Mobilier de seconde main';

const input = (file: string, sheet: string, rows: CellValue[][]): ChainInput => ({ file, sheets: [grid(sheet, [HEAD, ...rows])], state: null });
const outputOf = (inputs: ChainInput[], decisions: DecisionChange[] = []) => runChain(inputs, { today: TODAY, exercice: 2025, decisions });

let errors: jest.SpyInstance;
beforeEach(() => {
  errors = jest.spyOn(console, 'error');
});
afterEach(() => {
  errors.mockRestore();
  cleanup();
});

describe('suggestions of one contract from several places', () => {
  it('names the workbook when two workbooks’ sheets have the same name', () => {
    // README « Étiquettes suggérées »: the pane lists apart the suggestions of one numero from two sheets;
    // two sheets both named « Marchés » must still be told apart (a buyer would not know which is which).
    const out = outputOf([input('Pôle A.xlsx', 'Marchés', [['M-1', SECONDE_MAIN, 100, d('2025-02-01')]]), input('Pôle B.xlsx', 'Marchés', [['M-1', SECONDE_MAIN, 100, d('2025-02-01')]])]);
    render(<EtiquettesStep output={out} onDecide={() => undefined} />);
    const region = screen.getByRole('region', { name: 'Suggestions à confirmer (2)' });
    const titles = within(region).getAllByText(/^M-1 — Clause environnementale/).map((e) => e.textContent);
    expect(titles).toHaveLength(2);
    expect(titles[0]).toContain('Pôle A.xlsx');
    expect(titles[1]).toContain('Pôle B.xlsx');
  });

  it('lists one contract twice in one sheet (two years) as two entries, without a React key clash', () => {
    // README: a decision attaches to the suggestion (contract, source, sub-tag); each row's suggestion is listed.
    const out = outputOf([
      input('Suivi.xlsx', 'Marchés', [
        ['M-1', SECONDE_MAIN, 100, d('2024-02-01')],
        ['M-1', SECONDE_MAIN, 100, d('2025-02-01')],
      ]),
    ]);
    render(<EtiquettesStep output={out} onDecide={() => undefined} />);
    expect(screen.getAllByRole('button', { name: /^Confirmer : Clause environnementale pour le marché M-1/ })).toHaveLength(2);
    expect(errors.mock.calls.map((c) => String(c[0])).filter((m) => /same key/.test(m))).toEqual([]);
  });
});

describe('the list of tagged contracts', () => {
  // Contracts with a declared social clause: each is a tagged contract (regles.md §4, declared tags).
  const declared = (n: number): ChainInput => ({
    file: 'Suivi.xlsx',
    sheets: [
      grid('Marchés', [
        [...HEAD, 'Clause sociale'],
        ...Array.from({ length: n }, (_, i): CellValue[] => [`M-${i + 1}`, 'Papier', 100 + i, d('2025-02-01'), 'oui']),
      ]),
    ],
    state: null,
  });
  const listed = () => within(screen.getByRole('region', { name: /^Marchés étiquetés/ })).queryAllByRole('listitem');

  it('shows every tagged contract in the end, the button saying how many more come', () => {
    render(<EtiquettesStep output={outputOf([declared(35)])} onDecide={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Marchés étiquetés (35)' })).toBeInTheDocument();
    expect(listed().length).toBeLessThan(35);
    const more = screen.getByRole('button', { name: /^Afficher \d+\sde plus$/ });
    expect(more).toHaveTextContent(`Afficher ${35 - listed().length} de plus`);
    fireEvent.click(more);
    expect(listed()).toHaveLength(35);
    expect(screen.queryByRole('button', { name: /^Afficher/ })).toBeNull();
  });

  it('has no « Afficher … de plus » when all are shown at once', () => {
    render(<EtiquettesStep output={outputOf([declared(30)])} onDecide={() => undefined} />);
    // 30 is the page of this list; with exactly as many, nothing is left to show.
    expect(listed()).toHaveLength(30);
    expect(screen.queryByRole('button', { name: /^Afficher/ })).toBeNull();
  });

  it('names a tagged row without numero by its sheet row', () => {
    // regles.md §3: messages name the row by its sheet row number, as the user sees it.
    const out = runChain(
      [{ file: 'Suivi.xlsx', sheets: [grid('Marchés', [[...HEAD, 'Clause sociale'], ['M-1', 'Papier', 100, d('2025-02-01'), 'non'], [null, 'Nettoyage', 200, d('2025-02-01'), 'oui']])], state: null }],
      { today: TODAY, exercice: 2025 },
    );
    render(<EtiquettesStep output={out} onDecide={() => undefined} />);
    expect(within(screen.getByRole('region', { name: /^Marchés étiquetés/ })).getByText('Ligne 3')).toBeInTheDocument();
  });
});

describe('the counts and the lines of the tagged list', () => {
  it('counts the contracts read, not only the tagged ones, and shows each one’s objet', () => {
    // README « Étiquettes — considérations par marché »: the step states over how many contracts read.
    const out = runChain(
      [{ file: 'Suivi.xlsx', sheets: [grid('Marchés', [[...HEAD, 'Clause sociale'], ['M-1', 'Nettoyage', 100, d('2025-02-01'), 'oui'], ['M-2', 'Papier', 200, d('2025-02-01'), 'non']])], state: null }],
      { today: TODAY, exercice: 2025 },
    );
    render(<EtiquettesStep output={out} onDecide={() => undefined} />);
    expect(screen.getByText(/sur 2\smarchés lus :/)).toBeInTheDocument();
    const region = screen.getByRole('region', { name: 'Marchés étiquetés (1)' });
    expect(within(region).getByText(/Nettoyage/)).toBeInTheDocument();
  });
});

describe('focus after a decision', () => {
  it('goes once to the button that takes the pressed one’s place, then stays where the user puts it', () => {
    // WCAG 2.4.3 (focus order): focus follows the decision once; a later refresh must not pull it back.
    const inputs = [input('Suivi.xlsx', 'Marchés', [['M-1', SECONDE_MAIN, 100, d('2025-02-01')]])];
    const name = 'Clause environnementale pour le marché M-1';
    let decided: DecisionChange | null = null;
    const onDecide = (dec: DecisionChange) => {
      decided = dec;
    };
    const { rerender } = render(<EtiquettesStep output={outputOf(inputs)} onDecide={onDecide} />);
    fireEvent.click(screen.getByRole('button', { name: `Confirmer : ${name}` }));
    rerender(<EtiquettesStep output={outputOf(inputs, [decided!])} onDecide={onDecide} />);
    expect(screen.getByRole('button', { name: `Annuler la décision : ${name}` })).toHaveFocus();
    const elsewhere = document.createElement('button');
    document.body.appendChild(elsewhere);
    elsewhere.focus();
    rerender(<EtiquettesStep output={outputOf(inputs, [decided!])} onDecide={onDecide} />);
    expect(elsewhere).toHaveFocus();
    elsewhere.remove();
  });
});

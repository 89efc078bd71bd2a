/**
 * Counts as the pane says them: grouped by thousands as French writes them (« 1 200 lignes lues »,
 * like the command line's summary), and indicators with a value counted as « calculés ou saisis »,
 * the words of each axe's count, since a *Saisies manuelles* value counts among them.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { runChain } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { ControlesStep } from '../../src/taskpane/components/ControlesStep';
import { publishRibbonResult, resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const exact = { normalizer: (t: string) => t.trim() };

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

it('a register of 1 200 rows: « 1 200 lignes lues », the thousands grouped', async () => {
  const rows: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification']];
  for (let i = 1; i <= 1200; i++) rows.push([`M-${i}`, `Fournitures lot ${i}`, 1000 + i, d('2025-02-01')]);
  render(<App host={fakeHost([grid('Suivi', rows)])} today={TODAY} initialStep="indicateurs" />);
  const line = await screen.findByText(/lignes retenues pour 2025/, undefined, { timeout: 20_000 });
  expect(line.textContent).toContain(`1${NNBSP}200 lignes retenues pour 2025 sur 1${NNBSP}200 lignes lues`);
}, 30_000);

it('a value of Saisies manuelles counts among the indicators « calculés ou saisis »', async () => {
  // One row in error (no Objet): only 1.1.2-dataviz is computed; 3.2.1-mobilier-reemploye is entered.
  const g = grid('Suivi', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['M-1', '', 1000, d('2025-02-01')],
  ]);
  const saisies = grid('Saisies manuelles', [
    ['Indicateur', 'Année', 'Valeur', 'Source'],
    ['3.2.1-mobilier-reemploye', 2025, 12.5, 'Service mobilier'],
  ]);
  render(<App host={fakeHost([g, saisies])} today={TODAY} initialStep="indicateurs" />);
  expect(
    await screen.findByText(`0 ligne retenue pour 2025 sur 1 ligne lue${NBSP}; 2 indicateurs calculés ou saisis sur 56.`, exact),
  ).toBeInTheDocument();
});

it('the ribbon’s summary: singular, grouped thousands, and the same words', async () => {
  render(<App host={fakeHost([])} today={TODAY} />);
  act(() => publishRibbonResult({ lignesLues: 1, erreurs: 0, indicateursCalcules: 1, indicateurs: 56, exercice: 2025, echec: null }));
  expect(await screen.findByText('1 ligne lue, 0 en erreur, 1 indicateur calculé ou saisi sur 56 (exercice 2025).', exact)).toBeInTheDocument();
  act(() => publishRibbonResult({ lignesLues: 12000, erreurs: 1500, indicateursCalcules: 31, indicateurs: 56, exercice: 2025, echec: null }));
  expect(
    await screen.findByText(`12${NNBSP}000 lignes lues, 1${NNBSP}500 en erreur, 31 indicateurs calculés ou saisis sur 56 (exercice 2025).`, exact),
  ).toBeInTheDocument();
});

describe('a group of findings in Contrôles, 20 at a time', () => {
  /** `n` rows, each with a SIRET of three digits (`siret-invalide`, a warning). */
  const withBadSirets = (n: number) => {
    const rows: CellValue[][] = [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'SIRET']];
    for (let i = 1; i <= n; i++) rows.push([`M-${i}`, 'Papier', 100 + i, d('2025-03-01'), '123']);
    return runChain([{ file: 'Suivi.xlsx', sheets: [grid('Suivi', rows)], state: null }], { today: TODAY });
  };

  it('one finding left: « (1 restant) »', () => {
    render(<ControlesStep output={withBadSirets(21)} />);
    fireEvent.click(screen.getByRole('button', { name: /SIRET invalide — 21\savertissements/ }));
    expect(screen.getByRole('button', { name: 'Afficher 1 de plus (1 restant)' })).toBeInTheDocument();
  });

  it('thousands grouped, in the group and in what remains', () => {
    render(<ControlesStep output={withBadSirets(1021)} />);
    fireEvent.click(screen.getByRole('button', { name: `SIRET invalide — 1${NNBSP}021 avertissements` }));
    expect(screen.getByRole('button', { name: `Afficher 20 de plus (1${NNBSP}001 restants)` })).toBeInTheDocument();
  }, 30_000);
});

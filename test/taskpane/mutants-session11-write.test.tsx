/**
 * Mutation audit of session 11, the pane's write in Excel (`App.tsx`): the write reads and
 * computes the workbook itself, and the steps then show that computation without another one.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

/** Two rows of 2025, one of 2024: the default exercice is 2025. */
function workbook(): ExcelDouble {
  return createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      {
        name: 'Suivi',
        cells: [
          ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
          ['2025-001', 'Nettoyage des écoles', 1200, '03/02/2025'],
          ['2025-002', 'Fourniture de papier', 3000, '10/03/2025'],
          ['2024-001', 'Entretien des espaces verts', 8000, '15/04/2024'],
        ],
      },
    ],
  });
}

const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));

describe('after the pane’s write in Excel', () => {
  it('keeps the write’s notice: the workbook the write read is not computed a second time', async () => {
    const excel = workbook();
    const runs: ChainInput[][] = [];
    const chain = (inputs: readonly ChainInput[], options?: ChainOptions) => {
      runs.push([...inputs]);
      return runChain(inputs, { ...options, today: '2026-01-15' });
    };
    render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC')} chain={chain} today="2026-01-15" initialStep="indicateurs" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/^Feuilles SPASER écrites dans le classeur \(registre, contrôles, indicateurs et graphiques\)\.$/);
    const afterWrite = runs.length;
    await settle();
    // One computation on open, one by the write: none after.
    expect(runs.length).toBe(afterWrite);
    expect(screen.getByText(/^Feuilles SPASER écrites dans le classeur/)).toBeInTheDocument();
  });

  it('computes again when another exercice is picked after the write', async () => {
    const excel = workbook();
    render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC')} today="2026-01-15" initialStep="indicateurs" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/^Feuilles SPASER écrites dans le classeur/);
    await settle();
    fireEvent.change(screen.getByRole('combobox', { name: 'Exercice' }), { target: { value: '2024' } });
    await screen.findByText(/1 ligne retenue pour 2024/);
  });

  it('does not compute again the workbook whose computation made the write fail', async () => {
    const excel = workbook();
    let runs = 0;
    const chain = (inputs: readonly ChainInput[], options?: ChainOptions) => {
      runs++;
      return runChain(inputs, { ...options, today: '2026-01-15' });
    };
    render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC')} chain={chain} today="2026-01-15" initialStep="indicateurs" />);
    const write = await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' });
    // The buyer renames the « Montant HT » header, the pane left open: the write's computation fails.
    excel.cellAt(excel.sheet('Suivi'), 0, 2).value = 'Remarque';
    fireEvent.click(write);
    await screen.findByText('Pas de registre');
    const afterWrite = runs;
    await settle();
    expect(runs).toBe(afterWrite);
    expect(excel.sheetNames().filter((n) => n.startsWith('SPASER'))).toEqual([]);
  });

  it('tells a failed computation before the write as a computation’s failure, not a write’s', async () => {
    const excel = workbook();
    let runs = 0;
    const chain = (inputs: readonly ChainInput[], options?: ChainOptions) => {
      runs++;
      // The computation on opening goes through; the write's own computation fails.
      if (runs > 1) throw new Error('mémoire insuffisante');
      return runChain(inputs, { ...options, today: '2026-01-15' });
    };
    render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC')} chain={chain} today="2026-01-15" initialStep="indicateurs" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/^Le calcul a échoué \(mémoire insuffisante\)\./);
    expect(screen.queryByText(/L'écriture des feuilles SPASER a échoué/)).toBeNull();
    expect(excel.sheetNames().filter((n) => n.startsWith('SPASER'))).toEqual([]);
  });

  it('shows the workbook the write read from then on: a later computation (another exercice) is on it, not on the earlier read', async () => {
    const excel = createExcelDouble({
      name: 'Pôle Culture.xlsx',
      sheets: [
        {
          name: 'Suivi',
          cells: [
            ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
            ['2025-001', 'Nettoyage des écoles', 1200, '03/02/2025'],
            ['2025-002', null, 3000, '10/03/2025'],
            ['2024-001', 'Entretien des espaces verts', 8000, '15/04/2024'],
          ],
        },
      ],
    });
    render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC')} today="2026-01-15" initialStep="controles" />);
    await screen.findByRole('button', { name: /Objet manquant — 1\serreur/ });
    // The buyer fixes B3 in Excel, the pane left open, then writes.
    excel.cellAt(excel.sheet('Suivi'), 2, 1).value = 'Fourniture de papier';
    fireEvent.click(screen.getByRole('button', { name: '4. Indicateurs' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(
      "Feuilles SPASER écrites dans le classeur (registre, contrôles, indicateurs et graphiques). Le classeur avait changé depuis le dernier calcul affiché : le calcul a été refait sur le classeur tel qu'il est, avant l'écriture, et les étapes le montrent.",
    );
    await settle();
    fireEvent.change(screen.getByRole('combobox', { name: 'Exercice' }), { target: { value: '2024' } });
    await screen.findByText(/1 ligne retenue pour 2024/);
    fireEvent.click(screen.getByRole('button', { name: '2. Contrôles' }));
    await screen.findByText(/^Aucune anomalie détectée dans les 3 lignes lues/);
    expect(screen.queryByRole('button', { name: /Objet manquant/ })).toBeNull();
  });
});

it('« Relire le classeur » cannot be clicked while the workbook is being read', async () => {
  const host = { ...fakeHost([buyerSheet()]), read: () => new Promise<never>(() => undefined) };
  render(<App host={host} today={TODAY} initialStep="controles" />);
  const reread = await screen.findByRole('button', { name: 'Relire le classeur' });
  await waitFor(() => expect(reread).toHaveAttribute('aria-disabled', 'true'));
});

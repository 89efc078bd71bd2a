/**
 * Found by the blind Contrôles acceptance (blind-controles.test.tsx): after
 * the buyer fixed a cell and clicked « Calculer les indicateurs », the pane
 * left open still listed the fixed finding (and a click selected a cell that
 * was now right), while the ribbon had already removed its highlight. The
 * pane now reads the workbook again after a successful ribbon run.
 */
import './dom-setup';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { runChain } from '../../src/domain/chain';
import { calculerIndicateurs } from '../../src/commands/commands';
import { setRibbonRunner } from '../../src/commands/ribbon';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createRibbonRunner, resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createExcelDouble } from '../doubles/excel-double';

const TODAY = '2026-01-15';
const SHEET = 'Suivi 2025';

afterEach(() => {
  cleanup();
  setRibbonRunner(null);
  resetRibbonBridge();
});

test('the open Contrôles step follows the ribbon’s recomputation', async () => {
  const excel = createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      {
        name: SHEET,
        cells: [
          ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
          ['2025-001', 'Nettoyage des écoles', 1200, '03/02/2025'],
          ['2025-002', null, 3000, '10/03/2025'],
          ['2025-003', 'Entretien des véhicules', 'beaucoup', '01/04/2025'],
        ],
      },
    ],
  });
  const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
  setRibbonRunner(createRibbonRunner(host, (i, o) => runChain(i, { ...o, today: TODAY }), async () => undefined));
  render(<App host={host} today={TODAY} initialStep="controles" />);
  expect(await screen.findByRole('button', { name: /Objet manquant — 1\serreur/ })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: /Montant illisible ou négatif — 1\serreur/ })).toBeInTheDocument();
  // The buyer types the missing objet in B3, then clicks the ribbon button.
  excel.cellAt(excel.sheet(SHEET), 2, 1).value = 'Fourniture de papier';
  // In act: the pane follows the run (a notice, then a new read of the workbook).
  await act(() => calculerIndicateurs({ completed: () => undefined } as unknown as Office.AddinCommands.Event));
  // The pane reads the workbook again, then recomputes: wait for the recomputed list, not for the
  // moment in between when the old list is gone and the new one not yet there.
  await waitFor(() => {
    expect(screen.queryByRole('button', { name: /Objet manquant/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Montant illisible ou négatif — 1\serreur/ })).toBeInTheDocument();
  });
  expect(screen.getByText(/Calcul depuis le ruban/)).toBeInTheDocument();
});

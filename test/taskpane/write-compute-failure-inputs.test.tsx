/**
 * A write in Excel reads the workbook again: when the computation on that read fails (a required
 * column gone), the Colonnes step must offer the workbook as it was read then, not the headers of
 * the earlier read (found by review: the pane kept the stale inputs, offered « Montant HT » that
 * no longer exists, and choosing it recomputed on the stale read as if nothing had happened).
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createExcelDouble } from '../doubles/excel-double';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

it('after a write whose computation failed, the Colonnes step shows the workbook as the write read it', async () => {
  const excel = createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      {
        name: 'Suivi 2025',
        cells: [
          ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
          ['2025-001', 'Nettoyage des écoles', 1200, '03/02/2025'],
          ['2025-002', 'Papier', 3000, '10/03/2025'],
        ],
      },
    ],
  });
  render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC')} today="2026-01-15" initialStep="indicateurs" />);
  const write = await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' });
  // The buyer renames the « Montant HT » header, the pane left open.
  excel.cellAt(excel.sheet('Suivi 2025'), 0, 2).value = 'Remarque';
  fireEvent.click(write);
  await screen.findByText('Pas de registre');
  expect(excel.sheetNames().filter((n) => n.startsWith('SPASER'))).toEqual([]);

  fireEvent.click(screen.getByRole('button', { name: '1. Colonnes' }));
  await screen.findByRole('heading', { name: 'Indiquer le registre' });
  const texts = [...document.querySelectorAll('option')].map((o) => o.textContent ?? '');
  // The header as it is in the workbook now, not the one the pane read when it opened.
  expect(texts.some((t) => t.includes('Remarque'))).toBe(true);
  expect(texts.some((t) => t.includes('Montant HT'))).toBe(false);
});

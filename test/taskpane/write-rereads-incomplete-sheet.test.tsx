/**
 * README (« bouton d'écriture ») : a required column gone from one register sheet of two between
 * the display and the write: the other sheet is written, the incomplete one is told (found by
 * review: the README said nothing was written, true only when no register is left).
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

it('writes the sheets without the rows of the register sheet left incomplete, and says which', async () => {
  const excel = createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      { name: 'Suivi 2024', cells: [['N° marché', 'Objet', 'Montant HT', 'Date notif'], ['2024-001', 'Nettoyage des écoles', 1200, '03/02/2024']] },
      { name: 'Suivi 2025', cells: [['N° marché', 'Objet', 'Montant HT', 'Date notif'], ['2025-001', 'Papier', 3000, '10/03/2025']] },
    ],
  });
  render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC')} today="2026-01-15" initialStep="indicateurs" />);
  const write = await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' });
  for (let r = 0; r < 2; r++) excel.cellAt(excel.sheet('Suivi 2025'), r, 2).value = null;
  fireEvent.click(write);
  await screen.findByText(/^Feuilles SPASER écrites dans le classeur/);
  expect(screen.getByText(/colonne obligatoire introuvable dans la feuille « Suivi 2025 »/)).toBeInTheDocument();
  const written = [...excel.sheet('SPASER Registre').rows.values()].flatMap((cells) => [...cells.values()].map((c) => c.value));
  expect(written).toContain('2024-001');
  expect(written).not.toContain('2025-001');
});

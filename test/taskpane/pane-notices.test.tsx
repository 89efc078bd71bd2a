/**
 * What the run tells beyond the controls (chain notices: an unreadable SPASER État, Cibles and
 * Saisies manuelles rows left aside) is shown in the pane as warnings, word for word.
 */
import './dom-setup';
import { cleanup, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createExcelDouble } from '../doubles/excel-double';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

it('shows each notice of the run in a warning bar', async () => {
  const excel = createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      {
        name: 'Suivi 2025',
        cells: [
          ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif'],
          ['2025-001', 'Ramettes de papier', 1200, { v: 45691, nf: 'dd/mm/yyyy' }],
        ],
      },
      {
        name: 'Cibles',
        cells: [
          ['Indicateur', 'Année', 'Cible', 'Sens'],
          ['2.1.9-inconnu', 2025, 3, '≥'],
        ],
      },
    ],
  });
  render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run)} today="2026-01-15" />);
  const text =
    "Feuille « Cibles » du classeur « Pôle Culture.xlsx », ligne 2 : « 2.1.9-inconnu » n'est pas l'identifiant d'un indicateur du SPASER (par exemple « 2.1.3-sourcage ») ; la ligne est ignorée.";
  expect(await screen.findByText(text)).toBeInTheDocument();
});

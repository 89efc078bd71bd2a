/**
 * README « Dans Excel », step 2 Contrôles: « un clic sélectionne la cellule ».
 * The pane on its real Excel host (over the Excel double): a click on a
 * finding activates the user's sheet and selects the faulty cell, or the
 * whole row for a finding about the row.
 */
import './dom-setup';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';
import { recordingRun, type Call } from '../doubles/recording-run';

const TODAY = '2026-01-15';
const SHEET = 'Suivi 2025';

/** Row 3: no objet (error, cell B3); row 4: « seconde main » suggests a tag (warning on the whole row 4). */
function workbook(): ExcelDouble {
  return createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      { name: 'Notes', cells: [['Notes de service']] },
      {
        name: SHEET,
        cells: [
          ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif'],
          ['2025-001', 'Nettoyage des écoles', 1200, { v: 45691, nf: 'dd/mm/yyyy' }],
          ['2025-002', null, 3000, { v: 45726, nf: 'dd/mm/yyyy' }],
          ['2025-003', 'Mobilier de seconde main', 8000, { v: 45748, nf: 'dd/mm/yyyy' }],
        ],
      },
    ],
  });
}


describe('step 2 Contrôles in Excel — a click selects the cell through the host', () => {
  it('activates the sheet and selects the faulty cell, or the whole row', async () => {
    const calls: Call[] = [];
    const host = new ExcelHost(recordingRun(workbook(), calls) as unknown as typeof Excel.run);
    render(<App host={host} today={TODAY} initialStep="controles" />);
    fireEvent.click(await screen.findByRole('button', { name: /Objet manquant — 1\serreur/ }));
    fireEvent.click(screen.getByRole('button', { name: `Feuille « ${SHEET} », cellule B3` }));
    await waitFor(() => expect(calls).toEqual([['activate', SHEET], ['select', SHEET, 'B3']]));
    fireEvent.click(screen.getByRole('button', { name: /Étiquette suggérée à confirmer — 1\savertissement/ }));
    fireEvent.click(screen.getByRole('button', { name: `Feuille « ${SHEET} », ligne 4` }));
    await waitFor(() => expect(calls).toEqual([['activate', SHEET], ['select', SHEET, 'B3'], ['activate', SHEET], ['select', SHEET, '4:4']]));
    expect(screen.queryByText(/Problème/)).toBeNull();
  });
});

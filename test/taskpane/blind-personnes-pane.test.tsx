/**
 * BLIND acceptance « personnes » in the task pane, on the Excel double: workbook A of the recipe
 * (test/acceptance/blind-personnes-workbooks.ts), whose Suivi insertion sheet holds full names, some
 * typed in unreadable cells (Heures, Sexe, Résident QPV). The Contrôles step lists the findings of the
 * Suivi rows (README « Utiliser le produit », step 2) and the Indicateurs step the beneficiaries'
 * counts: no name may be shown (champs.md: `beneficiaire`, « never a full name in outputs »).
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createExcelDouble } from '../doubles/excel-double';
import { FILE_A, NAME_PARTS, sheetsA } from '../acceptance/blind-personnes-workbooks';

const TODAY = '2026-01-15';

function host(): ExcelHost {
  const excel = createExcelDouble({ name: FILE_A, sheets: sheetsA() });
  return new ExcelHost(excel.run as unknown as typeof Excel.run);
}

function namesShown(): string[] {
  const text = (document.body.textContent ?? '').toLowerCase();
  return NAME_PARTS.filter((n) => text.includes(n));
}

afterEach(cleanup);

describe('blind « personnes » in the pane', () => {
  it('the Contrôles step tells the three unreadable Suivi cells by row and column, without the names', async () => {
    render(<App host={host()} today={TODAY} initialStep="controles" />);
    const group = await screen.findByRole('button', { name: /illisible.*— 3\s?erreurs$/i });
    if (group.getAttribute('aria-expanded') !== 'true') fireEvent.click(group);
    for (const [row, header] of [[10, 'Heures réalisées'], [11, 'Sexe'], [12, 'Résident QPV']] as const) {
      expect(await screen.findByText(new RegExp(`^Ligne ${row}, colonne «\\s${header}\\s»`))).toBeTruthy();
    }
    expect(namesShown()).toEqual([]);
  });

  it('the Indicateurs step shows the counts of beneficiaries without naming them', async () => {
    render(<App host={host()} today={TODAY} initialStep="indicateurs" />);
    await screen.findAllByText(/Nombre de personnes concernées/);
    expect(namesShown()).toEqual([]);
  });
});

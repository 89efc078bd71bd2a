/**
 * Keyboard and screen-reader users: focus is never dropped on the page when the control
 * pressed goes away, and the MessageBars reach the screen reader (found by the blind
 * accessibility test in Chromium, test/e2e/blind-a11y.test.ts).
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { FilePicker } from '../../src/taskpane/components/FilePicker';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createExcelDouble } from '../doubles/excel-double';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

function pane() {
  const excel = createExcelDouble({
    name: 'Suivi.xlsx',
    sheets: [
      {
        name: 'Marchés',
        cells: [
          ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
          ['2025-001', 'Fourniture de papier recyclé', 1200, { v: 45691, nf: 'dd/mm/yyyy' }],
          ['2025-002', 'Entretien des espaces verts par un ESAT', 5000, { v: 45700, nf: 'dd/mm/yyyy' }],
        ],
      },
    ],
  });
  render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run)} today="2026-01-15" initialStep="etiquettes" />);
}

it('after Confirmer, focus goes to the Annuler button of the same suggestion; after Rejeter, to Rétablir; after Rétablir, back to Confirmer', async () => {
  pane();
  const confirm = await screen.findByRole('button', { name: /^Confirmer : .*2025-001$/ });
  confirm.focus();
  fireEvent.click(confirm);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Annuler la décision : .*2025-001$/ })));
  const reject = screen.getByRole('button', { name: /^Rejeter : .*2025-002$/ });
  reject.focus();
  fireEvent.click(reject);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Rétablir : .*2025-002$/ })));
  fireEvent.click(screen.getByRole('button', { name: /^Rétablir : .*2025-002$/ }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Confirmer : .*2025-002$/ })));
});

it('« Étape suivante » on the last but one step moves focus to the new step heading, not to the page', async () => {
  pane();
  const next = await screen.findByRole('button', { name: 'Étape suivante : Indicateurs' });
  fireEvent.click(next);
  fireEvent.click(await screen.findByRole('button', { name: 'Étape suivante : Consolidation' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Étape 5 sur 5 — Consolidation' })));
  expect(screen.queryByRole('button', { name: /^Étape suivante/ })).toBeNull();
});

it('a busy file picker and a busy write button stay focusable (aria-disabled), so focus is not dropped', () => {
  render(<FilePicker label="Choisir un classeur (.xlsx)" buttonText="Choisir un classeur…" disabled onFiles={() => undefined} />);
  const button = screen.getByRole('button', { name: 'Choisir un classeur…' });
  expect(button).not.toHaveAttribute('disabled');
  expect(button).toHaveAttribute('aria-disabled', 'true');
  button.focus();
  expect(document.activeElement).toBe(button);
});

it('no MessageBar names itself after a missing title (axe: aria-valid-attr-value)', async () => {
  pane();
  fireEvent.click(await screen.findByRole('button', { name: '4. Indicateurs' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
  const text = 'Feuilles SPASER écrites dans le classeur (registre, contrôles, indicateurs et graphiques).';
  await screen.findByText(text);
  // The announcement itself is checked in Chromium (test/e2e/blind-a11y.test.ts, ariaNotify).
  const bars = Array.from(document.querySelectorAll('.fui-MessageBar'));
  expect(bars.length).toBeGreaterThan(0);
  for (const bar of bars) {
    for (const id of (bar.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) expect(document.getElementById(id)).not.toBeNull();
  }
});

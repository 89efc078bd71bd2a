/**
 * The pane's « Écrire les feuilles et les graphiques » in Excel computes on the workbook as it
 * is at the click (`sortie.md`: a re-run gives the same result for the same input; only faulty
 * cells are marked), and « Relire le classeur » shows cells fixed in Excel without writing.
 * Found by the capability audit: the write used the result read when the pane opened.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';
import { addinHighlights, controleRows } from './blind-controles-excel';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

/** Row 3 (2025-002) has no objet: one `objet-manquant`. */
function buyerWorkbook(): ExcelDouble {
  return createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      {
        name: 'Suivi 2025',
        cells: [
          ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
          ['2025-001', 'Nettoyage des écoles', 1200, '03/02/2025'],
          ['2025-002', null, 3000, '10/03/2025'],
        ],
      },
    ],
  });
}

function setCell(excel: ExcelDouble, row0: number, col0: number, value: unknown): void {
  excel.cellAt(excel.sheet('Suivi 2025'), row0, col0).value = value as never;
}

/** The SPASER Registre row of a numero, as header → value. */
function registerRow(excel: ExcelDouble, numero: string): Record<string, unknown> {
  const sheet = excel.sheet('SPASER Registre');
  const keys = [...sheet.rows.keys()].sort((a, b) => a - b);
  const header = sheet.rows.get(keys[0])!;
  const row = keys.map((k) => sheet.rows.get(k)!).find((cells) => [...cells.values()].some((c) => c.value === numero));
  if (!row) throw new Error(`${numero} not in SPASER Registre`);
  return Object.fromEntries([...header.entries()].map(([c, cell]) => [String(cell.value), row.get(c)?.value ?? null]));
}

function sheetTexts(excel: ExcelDouble, name: string): string[] {
  return [...excel.sheet(name).rows.values()].flatMap((cells) => [...cells.values()].map((c) => String(c.value ?? '')));
}

async function openOn(excel: ExcelDouble, step: 'controles' | 'indicateurs') {
  render(<App host={new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC')} today="2026-01-15" initialStep={step} />);
}

describe('pane write in Excel: on the workbook as it is at the click', () => {
  it('writes the fixed cell, not the result read when the pane opened, marks nothing on it, and says the result changed', async () => {
    const excel = buyerWorkbook();
    await openOn(excel, 'controles');
    await screen.findByRole('button', { name: /Objet manquant — 1\serreur/ });
    // The buyer fixes B3 in Excel, the pane left open.
    setCell(excel, 2, 1, 'Fourniture de papier');
    fireEvent.click(screen.getByRole('button', { name: '4. Indicateurs' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/^Feuilles SPASER écrites dans le classeur .*Le classeur avait changé depuis le dernier calcul affiché/);

    const row = registerRow(excel, '2025-002');
    expect(row['Objet du marché']).toBe('Fourniture de papier');
    expect(row.Statut).toBe('OK');
    expect(sheetTexts(excel, 'SPASER Contrôles')).not.toContain('objet-manquant');
    expect(addinHighlights(excel, 'Suivi 2025', [])).toEqual([]);
    // The steps show what was written: no error left in Contrôles.
    fireEvent.click(screen.getByRole('button', { name: '2. Contrôles' }));
    expect(screen.queryByRole('button', { name: /Objet manquant/ })).toBeNull();
  });

  it('says nothing of a change when the workbook is as the pane showed it, and marks the faulty cell', async () => {
    const excel = buyerWorkbook();
    await openOn(excel, 'indicateurs');
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    const notice = await screen.findByText(/^Feuilles SPASER écrites dans le classeur/);
    expect(notice.textContent).not.toMatch(/avait changé/);
    expect(registerRow(excel, '2025-002').Statut).toBe('Erreur');
    expect(controleRows(excel).rows.map((r) => r.code)).toContain('objet-manquant');
    expect(addinHighlights(excel, 'Suivi 2025', [])).toEqual(['B3']);
  });

  it('writes nothing when a required column went away in the meantime, and says so as a computation failure', async () => {
    const excel = buyerWorkbook();
    await openOn(excel, 'indicateurs');
    const write = await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' });
    // The buyer clears the « Montant HT » header and its cells.
    for (let r = 0; r < 3; r++) setCell(excel, r, 2, null);
    fireEvent.click(write);
    await screen.findByText('Pas de registre');
    expect(excel.sheetNames().filter((n) => n.startsWith('SPASER'))).toEqual([]);
    expect(screen.queryByText(/L'écriture des feuilles SPASER a échoué/)).toBeNull();
  });
});

describe('« Relire le classeur »', () => {
  it('shows a cell fixed in Excel in the steps, and writes nothing', async () => {
    const excel = buyerWorkbook();
    await openOn(excel, 'controles');
    await screen.findByRole('button', { name: /Objet manquant — 1\serreur/ });
    setCell(excel, 2, 1, 'Fourniture de papier');
    fireEvent.click(screen.getByRole('button', { name: 'Relire le classeur' }));
    await screen.findByText(/^Aucune anomalie détectée dans les 2 lignes lues/);
    expect(screen.queryByRole('button', { name: /Objet manquant/ })).toBeNull();
    expect(excel.sheetNames().filter((n) => n.startsWith('SPASER'))).toEqual([]);
  });

  it('is offered in Excel only', async () => {
    const excel = buyerWorkbook();
    await openOn(excel, 'controles');
    const nav = await screen.findByRole('navigation', { name: 'Étapes' });
    expect(within(nav).queryByRole('button', { name: 'Relire le classeur' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Relire le classeur' })).toBeInTheDocument();
  });
});

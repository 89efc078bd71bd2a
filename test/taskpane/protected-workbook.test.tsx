/**
 * The pane on a protected workbook (Testing Library, real Excel host over the Excel double):
 * - a protected register sheet: the SPASER sheets are written and the pane says so, with a
 *   warning « Surlignage incomplet » naming the sheet whose faulty cells are not marked;
 *   the removal button says that the marks of that sheet stay;
 * - a protected structure: told as soon as the workbook is read (« Classeur protégé »), before
 *   any click; nothing is written, and the French message says how to unprotect; once the buyer
 *   unprotects, the write (which reads the workbook again) goes through and the notice goes.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { SHEET_REGISTRE } from '../../src/domain/plan-types';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { HIGHLIGHT_FORMULA } from '../../src/workbook/office/highlight';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';

expect.extend(toHaveNoViolations);

const TODAY = '2026-01-15';
const SHEET = 'Suivi 2025';

/** Row 3 has an unreadable amount: an error to mark. */
function workbook(options: { sheetProtected?: boolean; structureProtected?: boolean }): ExcelDouble {
  return createExcelDouble({
    name: 'Pôle Culture.xlsx',
    structureProtected: options.structureProtected ?? false,
    sheets: [
      {
        name: SHEET,
        protected: options.sheetProtected ?? false,
        cells: [
          ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif', 'Titulaire'],
          ['2025-001', 'Ramettes de papier', 1200, { v: 45691, nf: 'dd/mm/yyyy' }, 'Imprimerie Nord'],
          ['2025-002', 'Nettoyage des écoles', 'beaucoup', { v: 45726, nf: 'dd/mm/yyyy' }, 'Net Plus'],
        ],
        conditionalFormats: [{ address: 'A2:E2', type: 'Custom', formula: HIGHLIGHT_FORMULA, fill: '#FFC7CE' }],
      },
    ],
  });
}

const hostOn = (excel: ExcelDouble) => new ExcelHost(excel.run as unknown as typeof Excel.run, null);

async function writeFromPane(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: '4. Indicateurs' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
}

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

describe('pane in Excel — protected workbooks', () => {
  it('a protected register sheet: the sheets are written, and a warning names the sheet left unmarked', async () => {
    const excel = workbook({ sheetProtected: true });
    const { container } = render(<App host={hostOn(excel)} today={TODAY} />);
    await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    await writeFromPane();
    expect(await screen.findByText(/Feuilles SPASER écrites dans le classeur/)).toBeInTheDocument();
    expect(screen.getByText('Surlignage incomplet')).toBeInTheDocument();
    expect(screen.getByText(/La feuille « Suivi 2025 » est protégée : ses cellules fautives ne sont pas surlignées/)).toBeInTheDocument();
    expect(screen.queryByText('Problème')).toBeNull();
    expect(excel.sheetNames()).toContain(SHEET_REGISTRE);
    // The earlier mark stays (Excel refuses to remove it), and nothing new is drawn.
    expect(excel.conditionalFormatsOf(SHEET).map((c) => c.formula)).toEqual([HIGHLIGHT_FORMULA]);
    expect(await axe(container)).toHaveNoViolations();

    // The removal button: the protected sheet keeps the mark, and the pane says so.
    fireEvent.click(screen.getByRole('button', { name: '2. Contrôles' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Retirer le surlignage des cellules' }));
    expect(await screen.findByText(/La feuille « Suivi 2025 » est protégée : le surlignage du complément y reste/)).toBeInTheDocument();
    expect(excel.conditionalFormatsOf(SHEET).map((c) => c.formula)).toEqual([HIGHLIGHT_FORMULA]);
  });

  it('an unprotected sheet: no warning, the marks are drawn and removed', async () => {
    const excel = workbook({});
    render(<App host={hostOn(excel)} today={TODAY} />);
    await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    await writeFromPane();
    await screen.findByText(/Feuilles SPASER écrites dans le classeur/);
    expect(screen.queryByText('Surlignage incomplet')).toBeNull();
    expect(excel.conditionalFormatsOf(SHEET).filter((c) => c.formula === HIGHLIGHT_FORMULA).length).toBeGreaterThan(0);
  });

  it('a protected structure: told as soon as the workbook is read, before any click', async () => {
    const excel = workbook({ structureProtected: true });
    const { container } = render(<App host={hostOn(excel)} today={TODAY} />);
    await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    expect(screen.getByText('Classeur protégé')).toBeInTheDocument();
    expect(screen.getByText(/La structure de ce classeur est protégée .* Excel refusera d'y ajouter les feuilles SPASER et les feuilles importées/)).toBeInTheDocument();
    // A notice, not an error: the columns, controls and indicators are all there to check.
    expect(screen.queryByText('Problème')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '4. Indicateurs' }));
    expect(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' })).toBeEnabled();
    expect(await axe(container)).toHaveNoViolations();
  });

  it('an unprotected structure: no notice', async () => {
    render(<App host={hostOn(workbook({}))} today={TODAY} />);
    await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    expect(screen.queryByText('Classeur protégé')).toBeNull();
  });

  it('the buyer unprotects the structure: the write reads the workbook again, writes, and the notice goes', async () => {
    const excel = workbook({ structureProtected: true });
    render(<App host={hostOn(excel)} today={TODAY} />);
    await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    expect(screen.getByText('Classeur protégé')).toBeInTheDocument();
    excel.model.structureProtected = false;
    await writeFromPane();
    expect(await screen.findByText(/Feuilles SPASER écrites dans le classeur/)).toBeInTheDocument();
    expect(screen.queryByText('Classeur protégé')).toBeNull();
    expect(excel.sheetNames()).toContain(SHEET_REGISTRE);
  });

  it('a protected structure: nothing written, the French message says how to unprotect', async () => {
    const excel = workbook({ structureProtected: true });
    render(<App host={hostOn(excel)} today={TODAY} />);
    await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    await writeFromPane();
    expect(await screen.findByText(/La structure du classeur est protégée/)).toBeInTheDocument();
    expect(screen.getByText(/Ôtez la protection \(onglet Révision, « Protéger le classeur »\), puis relancez/)).toBeInTheDocument();
    expect(screen.queryByText(/Feuilles SPASER écrites/)).toBeNull();
    expect(excel.sheetNames()).toEqual([SHEET]);
    // Still protected when the write read it again: the notice stays beside the error.
    expect(screen.getByText('Classeur protégé')).toBeInTheDocument();
  });
});

/**
 * Colonnes step: the user says where a recognised sheet's header is (README « Colonnes », « Ligne
 * d'en-tête »), on one row or on two, when the program read a sub-header as a contract.
 */
import './dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { MappingOverride } from '../../src/domain/model';
import { App } from '../../src/taskpane/components/App';
import { subHeaderAlone } from '../helpers/sub-header-alone';
import { fakeHost, TODAY } from './fixtures';

const date = (iso: string): CellValue => ({ date: iso }) as CellValue;


function recording() {
  const calls: ChainOptions[] = [];
  const chain = (inputs: readonly ChainInput[], options: ChainOptions) => (calls.push(options), runChain(inputs, options));
  return { calls, chain };
}

const placeSelect = (section: HTMLElement) => within(section).getByRole('combobox', { name: /Ligne d'en-tête/ }) as HTMLSelectElement;

/** The header put on rows 2 and 3, then « — aucune colonne — » chosen for the titulaire. */
async function twoRowsThenNoTitulaire() {
  const { calls, chain } = recording();
  render(<App host={fakeHost([subHeaderAlone()])} chain={chain} today={TODAY} />);
  const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
  fireEvent.change(placeSelect(section), { target: { value: '2:2' } });
  await within(section).findByText(/en-tête sur les lignes 2 et 3/);
  fireEvent.change(within(section).getByRole('combobox', { name: 'Titulaire' }), { target: { value: '' } });
  await within(section).findByText(/en-tête indiqué par vous — colonnes choisies par vous/);
  return { calls, section };
}

describe('Colonnes step, where the header is', () => {
  it('offers the header row alone or with the row below, and reads the sheet again as chosen', async () => {
    const { calls, chain } = recording();
    render(<App host={fakeHost([subHeaderAlone()])} chain={chain} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    const select = placeSelect(section);
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Ligne 2 : N° marché, Objet, Montant HT',
      'Lignes 2 et 3 : N° marché, Objet, Montant HT',
    ]);
    expect(select.value).toBe('2:1');
    // Row 3 is read as a contract: in error.
    expect(calls[calls.length - 1].overrides ?? []).toEqual([]);

    fireEvent.change(select, { target: { value: '2:2' } });
    await within(section).findByText(/en-tête sur les lignes 2 et 3 — en-tête indiqué par vous$/);
    expect(calls[calls.length - 1].overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: {} }]);
    expect(placeSelect(section).value).toBe('2:2');
    const titulaire = within(section).getByRole('combobox', { name: 'Titulaire' }) as HTMLSelectElement;
    expect(titulaire.selectedOptions[0].textContent).toBe('Fournisseur');
  });

  it('the rows said stay said when a column is chosen afterwards', async () => {
    const { calls, section } = await twoRowsThenNoTitulaire();
    expect(calls[calls.length - 1].overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: { Fournisseur: null } }]);
    expect(within(section).getByText(/en-tête sur les lignes 2 et 3/)).toBeInTheDocument();
  });

  it('back to one row: the column choices made meanwhile are kept', async () => {
    const { calls, section } = await twoRowsThenNoTitulaire();
    fireEvent.change(placeSelect(section), { target: { value: '2:1' } });
    await within(section).findByText(/ligne d'en-tête 2/);
    expect(calls[calls.length - 1].overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 1, columns: { Fournisseur: null } }]);
  });

  it('a choice saved in the workbook is shown chosen', async () => {
    const host = fakeHost([subHeaderAlone()]);
    host.inputs = [{ ...host.inputs[0], state: { version: 1, mappings: [{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: {} }], decisions: [] } }];
    render(<App host={host} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    expect(within(section).getByText(/en-tête sur les lignes 2 et 3/)).toBeInTheDocument();
    expect(placeSelect(section).value).toBe('2:2');
  });

  it("the list's hint speaks of a contract on a register, of a row on a companion sheet", async () => {
    const cibles: SheetGrid = {
      name: 'Cibles',
      firstRow: 1,
      firstCol: 1,
      rows: [
        ['Indicateur', 'Année', 'Cible', 'Sens'],
        [null, null, null, '(hausse ou baisse)'],
        ['I1', 2025, 30, 'hausse'],
      ],
      tables: [],
    };
    render(<App host={fakeHost([subHeaderAlone(), cibles])} today={TODAY} />);
    const suivi = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    expect(within(suivi).getByText(/choisissez les deux lignes.*elle n'est plus lue comme un marché\./)).toBeInTheDocument();
    const section = await screen.findByRole('region', { name: 'Feuille « Cibles »' });
    expect(placeSelect(section).options).toHaveLength(2);
    expect(within(section).getByText(/elle n'est plus lue comme une ligne de la feuille\./)).toBeInTheDocument();
  });

  it('no list when the header can be nowhere else', async () => {
    const rows: CellValue[][] = [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['2025-001', 'Nettoyage des écoles', 12000, date('2025-02-03')],
    ];
    render(<App host={fakeHost([{ name: 'Suivi', firstRow: 1, firstCol: 1, rows, tables: [] }])} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    expect(within(section).queryByRole('combobox', { name: /Ligne d'en-tête/ })).toBeNull();
    expect(within(section).getByText(/ligne d'en-tête 1/)).toBeInTheDocument();
  });
});

describe("Colonnes step in a lead's workbook: the choice in force is the last saved for the sheet", () => {
  it('a column chosen keeps the header place chosen after the import (saved without the file name)', async () => {
    const rows: CellValue[][] = [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'],
      [null, null, null, null, 'Fournisseur'],
      ['2025-001', 'Nettoyage des écoles', 12000, date('2025-02-03'), 'Net Plus'],
    ];
    const host = fakeHost([{ name: 'Sport', firstRow: 1, firstCol: 1, rows, tables: [] }], { name: 'Bilan.xlsx' });
    // The import's choice (two rows, with the file name), then the lead's own in the pane (one row).
    const mappings: MappingOverride[] = [
      { file: 'Bilan.xlsx', sheet: 'Sport', headerRow: 1, headerRows: 2, columns: { Fournisseur: 'titulaire' } },
      { sheet: 'Sport', headerRow: 1, headerRows: 1, columns: { Objet: 'objet' } },
    ];
    host.inputs = [{ ...host.inputs[0], state: { version: 1, mappings, decisions: [] } }];
    const { calls, chain } = recording();
    render(<App host={host} chain={chain} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille «\u00a0Sport\u00a0»' });
    expect(within(section).getByText(/ligne d'en-tête 1/)).toBeInTheDocument();
    fireEvent.change(within(section).getByRole('combobox', { name: 'Titulaire' }), { target: { value: '' } });
    await waitFor(() => expect(calls[calls.length - 1].overrides).toEqual([{ sheet: 'Sport', headerRow: 1, headerRows: 1, columns: { Objet: 'objet', Titulaire: null } }]));
    expect(within(screen.getByRole('region', { name: 'Feuille «\u00a0Sport\u00a0»' })).getByText(/ligne d'en-tête 1/)).toBeInTheDocument();
  });
});

/**
 * Session-32 hand mutation audit of the « Ligne d'en-tête » list (README « Colonnes »): each test
 * kills a mutant that survived the feature's tests (src/taskpane/components/ColonnesStep.tsx
 * `SheetMappingView`, src/taskpane/state.ts `withColumnChoice`, `withHeaderChoice`).
 */
import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { MappingOverride } from '../../src/domain/model';
import { App } from '../../src/taskpane/components/App';
import { withColumnChoice } from '../../src/taskpane/state';
import { subHeaderAlone } from '../helpers/sub-header-alone';
import { fakeHost, TODAY } from './fixtures';

const date = (iso: string): CellValue => ({ date: iso }) as CellValue;
const HEADER: CellValue[] = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'];
const CONTRACT: CellValue[] = ['2025-001', 'Nettoyage des écoles', 12000, date('2025-02-03'), 'Net Plus'];


function recording() {
  const calls: ChainOptions[] = [];
  const chain = (inputs: readonly ChainInput[], options: ChainOptions) => (calls.push(options), runChain(inputs, options));
  return { calls, chain };
}

function withSaved(sheets: SheetGrid[], mappings: MappingOverride[]) {
  const host = fakeHost(sheets);
  host.inputs = [{ ...host.inputs[0], state: { version: 1, mappings, decisions: [] } }];
  return host;
}

const placeSelect = (section: HTMLElement) => within(section).queryByRole('combobox', { name: /Ligne d'en-tête/ }) as HTMLSelectElement | null;

describe('the « Ligne d\'en-tête » list', () => {
  it('the column choices saved in the workbook stay with the header place chosen', async () => {
    const { calls, chain } = recording();
    render(<App host={withSaved([subHeaderAlone()], [{ sheet: 'Suivi', headerRow: 2, columns: { Titulaire: null } }])} chain={chain} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    fireEvent.change(placeSelect(section)!, { target: { value: '2:2' } });
    await within(section).findByText(/en-tête sur les lignes 2 et 3/);
    expect(calls[calls.length - 1].overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: { Titulaire: null } }]);
  });

  it("follows the user's column choices: a place they make no register goes from the list", async () => {
    render(<App host={fakeHost([subHeaderAlone()])} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    expect([...placeSelect(section)!.options].map((o) => o.value)).toEqual(['2:1', '2:2']);
    // The amount read from « Titulaire »: on rows 2 and 3 that header is « Fournisseur », and no column holds the amount.
    fireEvent.change(within(section).getByRole('combobox', { name: /^Montant notifié HT/ }), { target: { value: '5' } });
    await within(section).findByText(/colonnes choisies par vous/);
    expect(placeSelect(section)).toBeNull();
  });

  it('a sheet missing a required column on the row said offers that row and the one that makes it a register', async () => {
    const { calls, chain } = recording();
    const suivi: SheetGrid = { name: 'Suivi', firstRow: 1, firstCol: 1, rows: [['N° marché', 'Objet', 'Titulaire'], HEADER, CONTRACT], tables: [] };
    const other: SheetGrid = { name: 'Autre', firstRow: 1, firstCol: 1, rows: [HEADER, CONTRACT], tables: [] };
    render(<App host={withSaved([other, suivi], [{ sheet: 'Suivi', headerRow: 1, columns: {} }])} chain={chain} today={TODAY} />);
    const section = await screen.findByRole('region', { name: 'Feuille « Suivi »' });
    const select = placeSelect(section)!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Ligne 1\u00a0: N° marché, Objet, Titulaire', 'Ligne 2\u00a0: N° marché, Objet, Montant HT']);
    expect(select.value).toBe('1:1');
    fireEvent.change(select, { target: { value: '2:1' } });
    // Now a register: its section moves up among the sheets recognised.
    await screen.findByText(/2 feuilles reconnues/);
    expect(within(screen.getByRole('region', { name: 'Feuille « Suivi »' })).getByText(/ligne d'en-tête 2/)).toBeInTheDocument();
    expect(calls[calls.length - 1].overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 1, columns: {} }]);
  });
});

describe('withColumnChoice', () => {
  it('the rows said for one header row do not follow a choice on another (the manual form)', () => {
    const said: MappingOverride[] = [{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: {} }];
    expect(withColumnChoice(said, { sheet: 'Suivi', headerRow: 4, field: 'objet', header: 'Objet', previousHeader: null })).toEqual([
      { sheet: 'Suivi', headerRow: 4, columns: { Objet: 'objet' } },
    ]);
  });
});

/**
 * No register recognised, its header on two rows the program did not see as one (« Dates » over
 * « Signature » and « Fin », « Titulaire » over « Fournisseur »): the form's « Ligne d'en-tête » list
 * offers « Lignes 2 et 3 » too (README « Colonnes », ligne d'en-tête dite par l'acheteur). Chosen, it
 * lists the headers read on both rows, with the required ones recognised there chosen; the missing
 * column chosen saves both rows, and the register is read from row 4. Before, the form offered single
 * rows only (two rows only where a saved choice said so).
 */
import './dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { HEADERS_ON_TWO_ROWS, INCOMPLETE_ON_TWO_ROWS, incompleteOnTwoRows } from '../helpers/incomplete-on-two-rows';
import { fakeHost, TODAY } from './fixtures';

const SECTION = 'Feuille «\u00a0Suivi\u00a0»';
const PLACE = "Ligne d'en-tête";
const DATE = 'Date de notification (obligatoire)';
const TWO_ROWS = 'Lignes 2 et 3\u00a0: N° marché, Objet, Montant HT';

function renderForm(sheets: SheetGrid[]) {
  const host = fakeHost(sheets);
  const calls: ChainOptions[] = [];
  const chain = (inputs: readonly ChainInput[], options: ChainOptions) => (calls.push(options), runChain(inputs, options));
  render(<App host={host} chain={chain} today={TODAY} />);
  return { host, last: () => calls[calls.length - 1] };
}

const texts = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.textContent);
const selected = (region: HTMLElement, name: string) => (within(region).getByRole('combobox', { name }) as HTMLSelectElement).selectedOptions[0].textContent;
const choose = (select: HTMLElement, text: string) => {
  const option = [...(select as HTMLSelectElement).options].find((o) => o.textContent === text)!;
  fireEvent.change(select, { target: { value: option.value } });
};

describe('the form without a register offers a header on two rows', () => {
  it('lists « Lignes 2 et 3 » after « Ligne 2 », and only there', async () => {
    renderForm([incompleteOnTwoRows()]);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    expect(texts(within(manual).getByRole('combobox', { name: PLACE }))).toEqual([
      'Ligne 1\u00a0: Suivi des marchés 2025',
      'Ligne 2\u00a0: N° marché, Objet, Montant HT',
      TWO_ROWS,
      'Ligne 3\u00a0: Signature, Fin, Fournisseur',
      'Ligne 4\u00a0: M-1, Papier, 1000',
      'Ligne 5\u00a0: M-2, Nettoyage, 2000',
    ]);
    // It starts where the run read the closest sheet: on row 2 alone.
    expect(selected(manual, PLACE)).toBe('Ligne 2\u00a0: N° marché, Objet, Montant HT');
  });

  it('chosen, lists the headers read on both rows; the missing column chosen, the register is read from row 4', async () => {
    const { host, last } = renderForm([incompleteOnTwoRows()]);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    choose(within(manual).getByRole('combobox', { name: PLACE }), TWO_ROWS);
    expect(texts(within(manual).getByRole('combobox', { name: DATE }))).toEqual(['— aucune colonne —', ...HEADERS_ON_TWO_ROWS]);
    expect(selected(manual, 'N° de marché (obligatoire)')).toBe('N° marché');
    expect(selected(manual, 'Objet du marché (obligatoire)')).toBe('Objet');
    expect(selected(manual, 'Montant notifié HT (€) (obligatoire)')).toBe('Montant HT');
    expect(selected(manual, DATE)).toBe('— aucune colonne —');

    choose(within(manual).getByRole('combobox', { name: DATE }), 'Dates Signature');
    const section = await screen.findByRole('region', { name: SECTION });
    expect(last().overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: { 'Dates Signature': 'dateNotification' } }]);
    expect(within(section).getByText(/en-tête sur les lignes 2 et 3/)).toBeInTheDocument();
    expect(selected(section, 'Titulaire')).toBe('Fournisseur');
    const out = runChain(host.inputs, { ...last(), today: TODAY });
    expect(out.register.rows.map((r) => [r.source.row, r.values.dateNotification, r.values.titulaire])).toEqual([
      [4, '2025-02-01', 'Papeterie du Nord'],
      [5, '2025-03-01', 'Net Plus'],
    ]);
  });

  it('back on row 2 alone, its own headers, and a choice there says no second row', async () => {
    const { last } = renderForm([incompleteOnTwoRows()]);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    const place = () => within(manual).getByRole('combobox', { name: PLACE });
    choose(place(), TWO_ROWS);
    choose(place(), 'Ligne 2\u00a0: N° marché, Objet, Montant HT');
    const date = within(manual).getByRole('combobox', { name: DATE });
    expect(texts(date)).toEqual(['— aucune colonne —', 'N° marché', 'Objet', 'Montant HT', 'Dates', 'Titulaire']);
    choose(date, 'Dates');
    await screen.findByRole('region', { name: SECTION });
    expect(last().overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, columns: { Dates: 'dateNotification' } }]);
  });

  it('a place on two rows that names every required column is itself the choice: the register is read', async () => {
    const rows: CellValue[][] = INCOMPLETE_ON_TWO_ROWS.map((r, i) => (i === 2 ? [null, null, null, 'Notification', 'Fin', 'Fournisseur'] : r));
    const { host, last } = renderForm([grid('Suivi', rows)]);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    choose(within(manual).getByRole('combobox', { name: PLACE }), TWO_ROWS);
    const section = await screen.findByRole('region', { name: SECTION });
    expect(last().overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: {} }]);
    expect(within(section).getByText(/en-tête sur les lignes 2 et 3 — en-tête indiqué par vous/)).toBeInTheDocument();
    expect(runChain(host.inputs, { ...last(), today: TODAY }).register.rows.map((r) => r.source.row)).toEqual([4, 5]);
    // Focus follows to the section, on its first list (the form is gone).
    await waitFor(() => expect(section.contains(document.activeElement)).toBe(true));
  });

  it('no second row offered under a header followed by its first contract', async () => {
    const stadium = grid('Suivi', [
      ['Suivi des marchés du stade', null, null, null],
      ['N° marché', 'Sujet', 'Montant HT', 'Date de notification'],
      ['S-1', 'Pelouse', 12000, d('2025-03-04')],
    ]);
    renderForm([stadium]);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    expect(texts(within(manual).getByRole('combobox', { name: PLACE }))).toEqual([
      'Ligne 1\u00a0: Suivi des marchés du stade',
      'Ligne 2\u00a0: N° marché, Sujet, Montant HT',
      'Ligne 3\u00a0: S-1, Pelouse, 12000',
    ]);
  });
});

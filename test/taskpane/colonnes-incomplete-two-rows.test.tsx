/**
 * Colonnes step: a register missing a required column whose saved choice says its header is on two
 * rows (README « Colonnes », ligne d'en-tête dite par l'acheteur). Its section, and the form shown
 * when no register is recognised, list the headers as read on both rows, and choosing the missing
 * column keeps the two rows: the register is read from the row below them (session 33: the first
 * row's headers were listed, and the form's choice dropped the saved rows).
 */
import './dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import type { MappingOverride } from '../../src/domain/model';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { incompleteOnTwoRows, saidOnTwoRows } from '../helpers/incomplete-on-two-rows';
import { fakeHost, TODAY } from './fixtures';

const SECTION = 'Feuille «\u00a0Suivi\u00a0»';
const DATE = 'Date de notification (obligatoire)';

const register = () =>
  grid('Registre', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['R-1', 'Voirie', 5000, d('2025-04-01')],
  ]);

/** The App on `sheets`, the header of « Suivi » saved on rows 2 and 3; the chain's options recorded. */
function renderSaid(sheets = [register(), incompleteOnTwoRows()], mappings: MappingOverride[] = [saidOnTwoRows()]) {
  const host = fakeHost(sheets);
  host.inputs = [{ ...host.inputs[0], state: { version: 1, mappings, decisions: [] } }];
  const calls: ChainOptions[] = [];
  const chain = (inputs: readonly ChainInput[], options: ChainOptions) => (calls.push(options), runChain(inputs, options));
  render(<App host={host} chain={chain} today={TODAY} />);
  return { host, last: () => calls[calls.length - 1] };
}

const texts = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.textContent);
const choose = (select: HTMLElement, text: string) => {
  const option = [...(select as HTMLSelectElement).options].find((o) => o.textContent === text)!;
  fireEvent.change(select, { target: { value: option.value } });
};

describe('an incomplete register said on two rows, at the Colonnes step', () => {
  it('its section lists the headers read on both rows; the missing one chosen, it is a register read from row 4', async () => {
    const { host, last } = renderSaid();
    const section = await screen.findByRole('region', { name: SECTION });
    expect(within(section).getByText(/en-tête sur les lignes 2 et 3 — en-tête indiqué par vous/)).toBeInTheDocument();
    expect(screen.getByText(/introuvable dans la feuille « Suivi » \(en-tête lignes 2 et 3\)/)).toBeInTheDocument();
    const date = within(section).getByRole('combobox', { name: DATE });
    expect(texts(date)).toEqual(['— aucune colonne —', 'N° marché', 'Objet', 'Montant HT', 'Dates Signature', 'Dates Fin', 'Fournisseur']);
    expect((within(section).getByRole('combobox', { name: 'Titulaire' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe('Fournisseur');

    choose(date, 'Dates Signature');
    await waitFor(() => expect(screen.getByText(/2 feuilles reconnues/)).toBeInTheDocument());
    expect(last().overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: { 'Dates Signature': 'dateNotification' } }]);
    const out = runChain(host.inputs, { ...last(), today: TODAY });
    expect(out.register.rows.filter((r) => r.source.sheet === 'Suivi').map((r) => r.source.row)).toEqual([4, 5]);
    expect(screen.queryByText(/ressemble à un registre/)).toBeNull();
    expect(within(screen.getByRole('region', { name: SECTION })).getByText(/en-tête sur les lignes 2 et 3/)).toBeInTheDocument();
  });
});

describe('no register recognised: the form starts on the saved header, read on both rows', () => {
  it('offers the headers read on both rows; the missing one chosen keeps the saved rows and columns', async () => {
    const saved: MappingOverride = { ...saidOnTwoRows(), columns: { 'Dates Fin': null } };
    const { last } = renderSaid([incompleteOnTwoRows()], [saved]);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    const row = within(manual).getByRole('combobox', { name: "Ligne d'en-tête" }) as HTMLSelectElement;
    expect(row.selectedOptions[0].textContent).toBe('Lignes 2 et 3\u00a0: N° marché, Objet, Montant HT');
    const date = within(manual).getByRole('combobox', { name: DATE });
    expect(texts(date)).toEqual(['— aucune colonne —', 'N° marché', 'Objet', 'Montant HT', 'Dates Signature', 'Dates Fin', 'Fournisseur']);

    choose(date, 'Dates Signature');
    const section = await screen.findByRole('region', { name: SECTION });
    expect(last().overrides).toEqual([
      { sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: { 'Dates Fin': null, 'Dates Signature': 'dateNotification' } },
    ]);
    expect(within(section).getByText(/en-tête sur les lignes 2 et 3/)).toBeInTheDocument();
    expect((within(section).getByRole('combobox', { name: 'Titulaire' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe('Fournisseur');
  });

  it('back on the saved rows after a choice on another row, the choice is still read on both', async () => {
    const { last } = renderSaid([incompleteOnTwoRows()]);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    const row = () => within(manual).getByRole('combobox', { name: "Ligne d'en-tête" });
    fireEvent.change(row(), { target: { value: '3' } });
    choose(within(manual).getByRole('combobox', { name: DATE }), 'Signature');
    await waitFor(() => expect(last().overrides).toEqual([{ sheet: 'Suivi', headerRow: 3, columns: { Signature: 'dateNotification' } }]));
    choose(row(), 'Lignes 2 et 3\u00a0: N° marché, Objet, Montant HT');
    choose(within(manual).getByRole('combobox', { name: DATE }), 'Dates Signature');
    const section = await screen.findByRole('region', { name: SECTION });
    expect(last().overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: { 'Dates Signature': 'dateNotification' } }]);
    expect(within(section).getByText(/en-tête sur les lignes 2 et 3/)).toBeInTheDocument();
  });

  it('another row chosen is read alone, as before', async () => {
    renderSaid([incompleteOnTwoRows()]);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    const row = within(manual).getByRole('combobox', { name: "Ligne d'en-tête" }) as HTMLSelectElement;
    expect(texts(row).slice(1, 4)).toEqual([
      'Ligne 2\u00a0: N° marché, Objet, Montant HT',
      'Lignes 2 et 3\u00a0: N° marché, Objet, Montant HT',
      'Ligne 3\u00a0: Signature, Fin, Fournisseur',
    ]);
    fireEvent.change(row, { target: { value: '3' } });
    expect(texts(within(manual).getByRole('combobox', { name: DATE }))).toEqual(['— aucune colonne —', 'Signature', 'Fin', 'Fournisseur']);
  });

  it('the saved row chosen alone is read alone: a column chosen there says one row', async () => {
    const { last } = renderSaid([incompleteOnTwoRows()]);
    const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
    choose(within(manual).getByRole('combobox', { name: "Ligne d'en-tête" }), 'Ligne 2\u00a0: N° marché, Objet, Montant HT');
    const date = within(manual).getByRole('combobox', { name: DATE });
    expect(texts(date)).toEqual(['— aucune colonne —', 'N° marché', 'Objet', 'Montant HT', 'Dates', 'Titulaire']);
    choose(date, 'Dates');
    await waitFor(() => expect(last().overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 1, columns: { Dates: 'dateNotification' } }]));
  });
});

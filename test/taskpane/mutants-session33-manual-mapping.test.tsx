/**
 * Mutation audit of session 33 (test/README.md): the form without a register and its header places
 * on two rows (README « Colonnes », ligne d'en-tête dite par l'acheteur). Each test kills a mutant of
 * `ManualMapping` that survived the other tests.
 */
import './dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { runChain, type ChainInput, type ChainOptions } from '../../src/domain/chain';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { MappingOverride } from '../../src/domain/model';
import { App } from '../../src/taskpane/components/App';
import { grid } from '../helpers/grid';
import { INCOMPLETE_ON_TWO_ROWS, incompleteOnTwoRows, saidOnTwoRows } from '../helpers/incomplete-on-two-rows';
import { fakeHost, TODAY } from './fixtures';

const PLACE = "Ligne d'en-tête";
const ROW_2 = 'Ligne 2\u00a0: N° marché, Objet, Montant HT';
const ROWS_2_3 = 'Lignes 2 et 3\u00a0: N° marché, Objet, Montant HT';
const HINT = "Si l'en-tête continue sur la ligne du dessous, choisissez les deux lignes.";

/** The App on `sheets`, `mappings` saved in the workbook; the chain's options recorded. */
async function renderForm(sheets: SheetGrid[], mappings: MappingOverride[] = []) {
  const host = fakeHost(sheets);
  host.inputs = [{ ...host.inputs[0], state: { version: 1, mappings, decisions: [] } }];
  const calls: ChainOptions[] = [];
  const chain = (inputs: readonly ChainInput[], options: ChainOptions) => (calls.push(options), runChain(inputs, options));
  render(<App host={host} chain={chain} today={TODAY} />);
  const manual = await screen.findByRole('region', { name: 'Indiquer le registre' });
  return { manual, last: () => calls[calls.length - 1] };
}

const texts = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.textContent);
const selected = (region: HTMLElement, name: string) => (within(region).getByRole('combobox', { name }) as HTMLSelectElement).selectedOptions[0].textContent;
const choose = (select: HTMLElement, text: string) => {
  const option = [...(select as HTMLSelectElement).options].find((o) => o.textContent === text)!;
  fireEvent.change(select, { target: { value: option.value } });
};
/** The sheet with row 3 replaced. */
const withRow3 = (row: CellValue[]) => grid('Suivi', INCOMPLETE_ON_TWO_ROWS.map((r, i) => (i === 2 ? row : r)));

describe('the form reads two rows with the saved column choices, as the run will', () => {
  it('a required column set aside in the saved choice is not shown chosen', async () => {
    const { manual } = await renderForm([incompleteOnTwoRows()], [{ ...saidOnTwoRows(), columns: { Objet: null } }]);
    expect(selected(manual, PLACE)).toBe(ROWS_2_3);
    expect(selected(manual, 'N° de marché (obligatoire)')).toBe('N° marché');
    expect(selected(manual, 'Objet du marché (obligatoire)')).toBe('— aucune colonne —');
  });

  it('a place the saved choices make read fewer columns on both rows is not offered', async () => {
    // « Fournisseur » set aside: both rows name 3 fields, row 2 alone 4.
    const { manual } = await renderForm([incompleteOnTwoRows()], [{ sheet: 'Suivi', columns: { Fournisseur: null } }]);
    expect(texts(within(manual).getByRole('combobox', { name: PLACE }))).not.toContain(ROWS_2_3);
  });
});

describe('the saved place on two rows', () => {
  // « Libellé court » under « Objet » might be a contract's objet: the form does not offer row 3 by itself.
  const underObjet = () => withRow3([null, 'Libellé court', null, 'Signature', 'Fin', 'Fournisseur']);

  it('is offered, and the form starts there, even where the form would not offer it', async () => {
    const { manual } = await renderForm([underObjet()], [saidOnTwoRows()]);
    expect(selected(manual, PLACE)).toBe(ROWS_2_3);
    expect(texts(within(manual).getByRole('combobox', { name: PLACE })).filter((t) => t === ROWS_2_3)).toHaveLength(1);
  });

  it('a saved row alone adds no place on two rows', async () => {
    const { manual } = await renderForm([underObjet()], [{ ...saidOnTwoRows(), headerRows: 1 }]);
    expect(texts(within(manual).getByRole('combobox', { name: PLACE }))).not.toContain(ROWS_2_3);
  });

  it('two rows saved where the run reads one: not offered', async () => {
    // Both rows read « N° marché » everywhere: no register there, the run reads row 2 alone.
    const { manual } = await renderForm([withRow3([null, 'N° marché', 'N° marché', null, null, 'N° marché'])], [saidOnTwoRows()]);
    expect(selected(manual, PLACE)).toBe(ROW_2);
    expect(texts(within(manual).getByRole('combobox', { name: PLACE }))).not.toContain(ROWS_2_3);
  });
});

describe('choosing in the form', () => {
  it('a place completing the register keeps the saved column choices', async () => {
    const notification = withRow3([null, null, null, 'Notification', 'Fin', 'Fournisseur']);
    const { last } = await renderForm([notification], [{ sheet: 'Suivi', columns: { Fin: null } }]);
    choose(screen.getByRole('combobox', { name: PLACE }), ROWS_2_3);
    await screen.findByRole('region', { name: 'Feuille «\u00a0Suivi\u00a0»' });
    expect(last().overrides).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: { Fin: null } }]);
  });

  it('another sheet starts on its first row alone, whatever rows were chosen on the last one', async () => {
    const other = grid('Autre', [
      ['N° marché', 'Objet', 'Montant HT', 'Signé le'],
      ['Sous-titre', null, null, null],
    ]);
    const { manual, last } = await renderForm([incompleteOnTwoRows(), other]);
    choose(within(manual).getByRole('combobox', { name: PLACE }), ROWS_2_3);
    fireEvent.change(within(manual).getByRole('combobox', { name: 'Feuille' }), { target: { value: 'Autre' } });
    expect(selected(manual, PLACE)).toBe('Ligne 1\u00a0: N° marché, Objet, Montant HT');
    choose(within(manual).getByRole('combobox', { name: 'Date de notification (obligatoire)' }), 'Signé le');
    await waitFor(() => expect(last().overrides).toEqual([{ sheet: 'Autre', headerRow: 1, columns: { 'Signé le': 'dateNotification' } }]));
  });

  it('the hint on two rows shows only where two rows are offered', async () => {
    const { manual } = await renderForm([incompleteOnTwoRows(), grid('Autre', [['Chapitre', 'Crédits'], ['011', 1000]])]);
    expect(within(manual).getByText(HINT)).toBeInTheDocument();
    fireEvent.change(within(manual).getByRole('combobox', { name: 'Feuille' }), { target: { value: 'Autre' } });
    await waitFor(() => expect(within(manual).queryByText(HINT)).toBeNull());
  });
});

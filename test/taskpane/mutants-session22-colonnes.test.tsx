/**
 * Session-22 hand mutation audit of step 1 (src/taskpane/components/ColonnesStep.tsx, with
 * `withColumnChoice` of src/taskpane/state.ts): the step rendered alone over the chain's output,
 * for what the existing tests left open.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { runChain, type ChainInput } from '../../src/domain/chain';
import { ColonnesStep } from '../../src/taskpane/components/ColonnesStep';
import { type ColumnChoice, withColumnChoice } from '../../src/taskpane/state';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-03-15';
const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const ROW: CellValue[] = ['M-1', 'Papier', 100, d('2025-02-01')];

const inputsOf = (...sheets: SheetGrid[]): ChainInput[] => [{ file: 'Suivi.xlsx', sheets, state: null }];
const optionTexts = (select: HTMLElement) => Array.from((select as HTMLSelectElement).options).map((o) => o.textContent);

afterEach(cleanup);

describe('a recognised sheet', () => {
  it('offers the header texts of its header row when the used range starts below row 1', () => {
    // regles.md §1: the header row is found in the used range; the choices are the sheet's headers (README « Colonnes »).
    const inputs = inputsOf(grid('Suivi', [HEAD, ROW], { firstRow: 3 }));
    render(<ColonnesStep inputs={inputs} output={runChain(inputs, { today: TODAY })} onChoose={() => undefined} />);
    const section = screen.getByRole('region', { name: 'Feuille « Suivi »' });
    expect(optionTexts(within(section).getByRole('combobox', { name: 'Objet du marché (obligatoire)' }))).toEqual(['— aucune colonne —', ...HEAD]);
  });

  it('offers each workbook’s own headers when several workbooks are read', () => {
    // spec README « The chain »: the same chain runs on several files; each sheet's choices are its own headers.
    const inputs: ChainInput[] = [
      { file: 'Pôle A.xlsx', sheets: [grid('Marchés A', [HEAD, ROW])], state: null },
      { file: 'Pôle B.xlsx', sheets: [grid('Marchés B', [['Numéro', 'Libellé', 'Montant HT', 'Date de notification'], ['B-1', 'Encre', 50, d('2025-02-01')]])], state: null },
    ];
    render(<ColonnesStep inputs={inputs} output={runChain(inputs, { today: TODAY })} onChoose={() => undefined} />);
    const section = screen.getByRole('region', { name: 'Feuille « Marchés B »' });
    expect(optionTexts(within(section).getByRole('combobox', { name: 'Objet du marché (obligatoire)' }))).toEqual([
      '— aucune colonne —',
      'Numéro',
      'Libellé',
      'Montant HT',
      'Date de notification',
    ]);
  });
});

describe('the choices of a column', () => {
  it('leave out an empty header cell and offer a repeated header once', () => {
    // README « Colonnes »: a column is chosen by its header, saved by its text in `SPASER État`:
    // an empty cell is no header, and two equal headers would be one same choice.
    const inputs = inputsOf(grid('Suivi', [[...HEAD, null, 'Note', 'Note'], [...ROW, null, 'a', 'b']]));
    render(<ColonnesStep inputs={inputs} output={runChain(inputs, { today: TODAY })} onChoose={() => undefined} />);
    const section = screen.getByRole('region', { name: 'Feuille « Suivi »' });
    expect(optionTexts(within(section).getByRole('combobox', { name: 'Objet du marché (obligatoire)' }))).toEqual(['— aucune colonne —', ...HEAD, 'Note']);
  });
});

describe('no register recognised', () => {
  // « Sujet » is no known header of the objet: the sheet misses one required column.
  const stadium = () =>
    grid('Suivi', [
      ['N° marché', 'Sujet', 'Montant HT', 'Date de notification'],
      ['S-1', 'Pelouse', 12000, d('2025-03-04')],
    ]);

  it('a workbook beside an empty one is not said empty: the form to point at the register is shown', () => {
    // README: « Un classeur vide est dit vide » — only an empty one.
    const inputs: ChainInput[] = [
      { file: 'Vide.xlsx', sheets: [grid('Feuil1', [])], state: null },
      { file: 'Suivi.xlsx', sheets: [stadium()], state: null },
    ];
    render(<ColonnesStep inputs={inputs} output={null} onChoose={() => undefined} />);
    expect(screen.queryByText('Ce classeur est vide.')).toBeNull();
    expect(screen.getByRole('region', { name: 'Indiquer le registre' })).toBeInTheDocument();
  });

  it('focus follows the completing choice to the sheet’s section once, then stays where the user puts it', () => {
    // WCAG 2.4.3 (focus order): the form is replaced by the section; a later run must not pull focus back.
    const inputs = inputsOf(stadium());
    let choice: ColumnChoice | null = null;
    const onChoose = (c: ColumnChoice) => {
      choice = c;
    };
    const { rerender } = render(<ColonnesStep inputs={inputs} output={null} onChoose={onChoose} />);
    const manual = screen.getByRole('region', { name: 'Indiquer le registre' });
    const sujet = within(manual).getAllByRole('option', { name: 'Sujet' })[0] as HTMLOptionElement;
    fireEvent.change(within(manual).getByRole('combobox', { name: 'Objet du marché (obligatoire)' }), { target: { value: sujet.value } });
    const overrides = withColumnChoice([], choice!);
    rerender(<ColonnesStep inputs={inputs} output={runChain(inputs, { today: TODAY, overrides })} onChoose={onChoose} />);
    const section = screen.getByRole('region', { name: 'Feuille « Suivi »' });
    expect(within(section).getByRole('combobox', { name: 'Objet du marché (obligatoire)' })).toHaveFocus();
    const elsewhere = document.createElement('button');
    document.body.appendChild(elsewhere);
    elsewhere.focus();
    rerender(<ColonnesStep inputs={inputs} output={runChain(inputs, { today: TODAY, overrides })} onChoose={onChoose} />);
    expect(elsewhere).toHaveFocus();
    elsewhere.remove();
  });
});

describe('the sheets recognised', () => {
  it('says how many, in French agreement', () => {
    const one = inputsOf(grid('Suivi', [HEAD, ROW]));
    render(<ColonnesStep inputs={one} output={runChain(one, { today: TODAY })} onChoose={() => undefined} />);
    expect(screen.getByText(/^1 feuille reconnue\. /)).toBeInTheDocument();
    cleanup();
    const two = inputsOf(grid('Suivi 2025', [HEAD, ROW]), grid('Suivi 2024', [HEAD, ['M-2', 'Encre', 50, d('2024-02-01')]]));
    render(<ColonnesStep inputs={two} output={runChain(two, { today: TODAY })} onChoose={() => undefined} />);
    expect(screen.getByText(/^2 feuilles reconnues\. /)).toBeInTheDocument();
  });

  it('a new choice keeps the columns chosen earlier and saved without a file name (older state)', () => {
    // README: `SPASER État` keeps, per source sheet, the part of the mapping the user chose; a new choice adds to it.
    const saved = { sheet: 'Suivi', headerRow: 1, columns: { Sujet: 'objet' } };
    const inputs: ChainInput[] = [
      {
        file: 'Suivi.xlsx',
        sheets: [grid('Suivi', [['N° marché', 'Sujet', 'Montant HT', 'Date de notification', 'Social'], ['S-1', 'Pelouse', 12000, d('2025-03-04'), 'oui']])],
        state: { version: 1, mappings: [saved], decisions: [] },
      },
    ];
    let choice: ColumnChoice | null = null;
    render(
      <ColonnesStep
        inputs={inputs}
        output={runChain(inputs, { today: TODAY })}
        onChoose={(c) => {
          choice = c;
        }}
      />,
    );
    const section = screen.getByRole('region', { name: 'Feuille « Suivi »' });
    fireEvent.click(within(section).getByRole('button', { name: /^Afficher tous les champs/ }));
    const select = within(section).getByRole('combobox', { name: 'Clause sociale' });
    const social = within(select).getByRole('option', { name: 'Social' }) as HTMLOptionElement;
    fireEvent.change(select, { target: { value: social.value } });
    const next = runChain(inputs, { today: TODAY, overrides: withColumnChoice([], choice!) });
    const mapping = next.register.mappings.find((m) => m.sheet === 'Suivi')!;
    expect(mapping.columns.find((c) => c.field === 'objet')?.header).toBe('Sujet');
    expect(mapping.columns.find((c) => c.field === 'clauseSociale')?.header).toBe('Social');
  });
});

describe('the fields of a section', () => {
  it('« Afficher tous les champs (N) » then shows N fields', () => {
    const inputs = inputsOf(grid('Suivi', [HEAD, ROW]));
    render(<ColonnesStep inputs={inputs} output={runChain(inputs, { today: TODAY })} onChoose={() => undefined} />);
    const section = screen.getByRole('region', { name: 'Feuille « Suivi »' });
    const all = within(section).getByRole('button', { name: /^Afficher tous les champs \(\d+\)$/ });
    const n = Number(/\((\d+)\)/.exec(all.textContent ?? '')![1]);
    fireEvent.click(all);
    expect(within(section).getAllByRole('combobox')).toHaveLength(n);
  });

  it('names a single column it does not use', () => {
    // README « Colonnes »: the step shows the columns not recognised.
    const inputs = inputsOf(grid('Suivi', [[...HEAD, 'Zorglub'], [...ROW, 'x']]));
    render(<ColonnesStep inputs={inputs} output={runChain(inputs, { today: TODAY })} onChoose={() => undefined} />);
    const section = screen.getByRole('region', { name: 'Feuille « Suivi »' });
    expect(within(section).getByText('Colonnes non utilisées : « Zorglub »')).toBeInTheDocument();
  });
});

describe('pointing at the register by hand', () => {
  it('never offers a sheet written by the add-in', () => {
    // regles.md §1: sheets written by the add-in (names starting with `SPASER `) are never sources.
    const inputs = inputsOf(
      grid('Suivi', [['N° marché', 'Sujet', 'Montant HT', 'Date de notification'], ['S-1', 'Pelouse', 12000, d('2025-03-04')]]),
      grid('SPASER Registre', [HEAD, ROW]),
    );
    render(<ColonnesStep inputs={inputs} output={null} onChoose={() => undefined} />);
    const manual = screen.getByRole('region', { name: 'Indiquer le registre' });
    expect(optionTexts(within(manual).getByRole('combobox', { name: 'Feuille' }))).toEqual(['Suivi']);
  });

  // Row 1 holds stray texts, the header starts on row 3 (« Sujet »: no known header of the objet).
  const notes = () =>
    grid('Suivi', [
      ['Sujet', 'Note'],
      [null, null],
      ['N° marché', 'Sujet', 'Montant HT', 'Date de notification'],
      ...Array.from({ length: 27 }, (_, i): CellValue[] => [`S-${i + 1}`, 'Pelouse', 100 + i, d('2025-03-04')]),
    ]);
  const selected = (region: HTMLElement, name: string) => (within(region).getByRole('combobox', { name }) as HTMLSelectElement).selectedOptions[0].textContent;

  it('offers the first 20 rows as header rows', () => {
    // regles.md §1: the header row is one of the first 20 rows of the used range.
    const inputs = inputsOf(notes());
    render(<ColonnesStep inputs={inputs} output={null} onChoose={() => undefined} />);
    const manual = screen.getByRole('region', { name: 'Indiquer le registre' });
    const rows = optionTexts(within(manual).getByRole('combobox', { name: "Ligne d'en-tête" }));
    expect(rows).toHaveLength(20);
    expect(rows[19]).toMatch(/^Ligne 20 : /);
    // An empty row is said empty rather than shown blank.
    expect(rows[1]).toMatch(/^Ligne 2 .*vide/);
  });

  it('another sheet: its first row, and only the required columns it names chosen', () => {
    // README « Colonnes »: the required columns the sheet names are chosen, the buyer picks those that are missing.
    const other = grid('Autre', [['Sujet', 'Montant HT'], ['x', 1]]);
    const inputs = inputsOf(notes(), other);
    render(<ColonnesStep inputs={inputs} output={null} onChoose={() => undefined} />);
    const manual = screen.getByRole('region', { name: 'Indiquer le registre' });
    expect(selected(manual, "Ligne d'en-tête")).toMatch(/^Ligne 3 : /);
    const objet = within(manual).getByRole('combobox', { name: 'Objet du marché (obligatoire)' });
    fireEvent.change(objet, { target: { value: (within(objet).getByRole('option', { name: 'Sujet' }) as HTMLOptionElement).value } });
    fireEvent.change(within(manual).getByRole('combobox', { name: 'Feuille' }), { target: { value: 'Autre' } });
    expect(selected(manual, "Ligne d'en-tête")).toMatch(/^Ligne 1 : /);
    expect(selected(manual, 'Objet du marché (obligatoire)')).toBe('— aucune colonne —');
    expect(selected(manual, 'Montant notifié HT (€) (obligatoire)')).toBe('Montant HT');
  });

  it('another header row: the choices made on the previous one are dropped', () => {
    const inputs = inputsOf(notes());
    render(<ColonnesStep inputs={inputs} output={null} onChoose={() => undefined} />);
    const manual = screen.getByRole('region', { name: 'Indiquer le registre' });
    const objet = within(manual).getByRole('combobox', { name: 'Objet du marché (obligatoire)' });
    fireEvent.change(objet, { target: { value: (within(objet).getByRole('option', { name: 'Sujet' }) as HTMLOptionElement).value } });
    fireEvent.change(within(manual).getByRole('combobox', { name: "Ligne d'en-tête" }), { target: { value: '1' } });
    expect(selected(manual, 'Objet du marché (obligatoire)')).toBe('— aucune colonne —');
  });

  it('a second choice for the same field names the first as the header it replaces', () => {
    // state.ts `ColumnChoice.previousHeader`: « the header that fed the field until now » — it is then freed.
    const inputs = inputsOf(notes());
    const choices: ColumnChoice[] = [];
    render(<ColonnesStep inputs={inputs} output={null} onChoose={(c) => choices.push(c)} />);
    const manual = screen.getByRole('region', { name: 'Indiquer le registre' });
    const objet = within(manual).getByRole('combobox', { name: 'Objet du marché (obligatoire)' });
    const pick = (name: string) => fireEvent.change(objet, { target: { value: (within(objet).getByRole('option', { name }) as HTMLOptionElement).value } });
    pick('Sujet');
    pick('N° marché');
    expect(choices.map((c) => [c.header, c.previousHeader])).toEqual([
      ['Sujet', null],
      ['N° marché', 'Sujet'],
    ]);
  });
});

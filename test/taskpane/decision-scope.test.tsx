import './dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { runChain, type ChainInput, type ChainOptions, type ChainOutput } from '../../src/domain/chain';
import type { DecisionChange, SavedState, TagDecision } from '../../src/domain/state';
import { App } from '../../src/taskpane/components/App';
import { importedDecisions, importPlan, recogniseFile } from '../../src/taskpane/consolidation';
import { INITIAL_STATE, paneReducer } from '../../src/taskpane/state';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';
import { enabled } from '../helpers/enabled-button';

// Decisions are attached to the suggestion (contract, source, sub-tag): in the pane, two sheets'
// suggestions for the same numero are two entries, each decided, taken back and restored alone.

const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
// « seconde main » suggests Clause environnementale.
const M1: CellValue[] = ['M-1', 'Mobilier de seconde main', 1000, d('2025-02-01')];
const KEY = { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale' } as const;
const sheet = (name: string): SheetGrid => grid(name, [HEAD, M1]);
const NAME = 'Clause environnementale pour le marché M-1';
const onSheet = (s: string) => `${NAME} (feuille « ${s} »)`;

/** Each row as `sheet: tag origin` (`-` when rejected). */
const origins = (out: ChainOutput) => out.register.rows.map((r) => `${r.source.sheet}: ${r.tags.map((t) => t.origine).join(',') || '-'}`);

function spyChain() {
  const calls: { options: ChainOptions; output: ChainOutput }[] = [];
  const chain = (inputs: readonly ChainInput[], options: ChainOptions) => {
    const output = runChain(inputs, options);
    calls.push({ options, output });
    return output;
  };
  return { chain, last: () => calls[calls.length - 1] };
}

describe('Étiquettes step: one entry per sheet for the same contract', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, 'error');
  });
  afterEach(() => errors.mockRestore());

  it('lists Pôle A’s and Pôle B’s M-1 apart, with distinct keys; deciding one leaves the other pending; Annuler and Rétablir act on the right one', async () => {
    const { chain, last } = spyChain();
    render(<App host={fakeHost([sheet('Pôle A'), sheet('Pôle B')], { name: 'Bilan.xlsx' })} chain={chain} today={TODAY} initialStep="etiquettes" />);
    const region = await screen.findByRole('region', { name: 'Suggestions à confirmer (2)' });
    expect(within(region).getByText('M-1 — Clause environnementale (feuille « Pôle A »)')).toBeInTheDocument();
    expect(within(region).getByText('M-1 — Clause environnementale (feuille « Pôle B »)')).toBeInTheDocument();

    // Confirming Pôle B's: saved with Pôle B's source, Pôle A's still waits.
    fireEvent.click(within(region).getByRole('button', { name: `Confirmer : ${onSheet('Pôle B')}` }));
    await screen.findByRole('region', { name: 'Suggestions à confirmer (1)' });
    expect(last().options.decisions).toEqual([{ ...KEY, source: 'Bilan.xlsx|Pôle B', decision: 'confirmée' }]);
    expect(origins(last().output)).toEqual(['Pôle A: suggéré', 'Pôle B: confirmé']);
    expect(screen.getByRole('button', { name: `Confirmer : ${onSheet('Pôle A')}` })).toBeInTheDocument();

    // Annuler on Pôle B's: both wait again.
    fireEvent.click(screen.getByRole('button', { name: `Annuler la décision : ${onSheet('Pôle B')}` }));
    await screen.findByRole('region', { name: 'Suggestions à confirmer (2)' });
    expect(origins(last().output)).toEqual(['Pôle A: suggéré', 'Pôle B: suggéré']);

    // Rejecting Pôle A's: listed among the rejected under its sheet; Pôle B's still to confirm.
    fireEvent.click(screen.getByRole('button', { name: `Rejeter : ${onSheet('Pôle A')}` }));
    const rejected = await screen.findByRole('region', { name: 'Suggestions rejetées (1)' });
    expect(origins(last().output)).toEqual(['Pôle A: -', 'Pôle B: suggéré']);
    expect(screen.getByRole('button', { name: `Confirmer : ${onSheet('Pôle B')}` })).toBeInTheDocument();
    fireEvent.click(within(rejected).getByRole('button', { name: `Rétablir : ${onSheet('Pôle A')}` }));
    await screen.findByRole('region', { name: 'Suggestions à confirmer (2)' });
    expect(origins(last().output)).toEqual(['Pôle A: suggéré', 'Pôle B: suggéré']);
    expect(last().output.state.decisions).toEqual([]);

    // React never saw two entries with one key.
    expect(errors.mock.calls.map((c) => String(c[0])).filter((m) => /same key/.test(m))).toEqual([]);
  });
});

describe('the session’s decisions (reducer)', () => {
  it('keeps the decisions of two sources apart; a later one of the same source replaces the earlier and comes last', () => {
    const a: DecisionChange = { ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'confirmée' };
    const b: DecisionChange = { ...KEY, source: 'Bilan.xlsx|Pôle B', decision: 'rejetée' };
    let state = paneReducer(INITIAL_STATE, { type: 'decide', decision: a });
    state = paneReducer(state, { type: 'decide', decision: b });
    expect(state.decisions).toEqual([a, b]);
    const undo: DecisionChange = { ...a, decision: 'annulée' };
    state = paneReducer(state, { type: 'decide', decision: undo });
    expect(state.decisions).toEqual([b, undo]);
  });
});

describe('consolidation: the Pôles’ decisions follow their sheets into the lead’s workbook', () => {
  const stateOf = (decisions: TagDecision[]): SavedState => ({ version: 1, mappings: [], decisions });

  it('importedDecisions: a decision naming a sheet follows it; one naming none applies to each register sheet of its file only', () => {
    const a = recogniseFile({ name: 'pole-a.xlsx', sheets: [sheet('Marchés'), sheet('Travaux')], state: null }, TODAY);
    const b = recogniseFile({ name: 'pole-b.xlsx', sheets: [sheet('Marchés')], state: null }, TODAY);
    const plan = importPlan([a, b], { 'pole-a.xlsx': 'Pôle A', 'pole-b.xlsx': 'Pôle B' });
    expect(plan.map((p) => `${p.source.file}|${p.source.sheet} → ${p.name}`)).toEqual([
      'pole-a.xlsx|Marchés → Pôle A',
      'pole-a.xlsx|Travaux → Pôle A (2)',
      'pole-b.xlsx|Marchés → Pôle B',
    ]);
    const named: TagDecision = { ...KEY, source: 'pole-a.xlsx|travaux', decision: 'confirmée' };
    const unnamed: TagDecision = { ...KEY, numero: 'M-2', decision: 'rejetée' };
    const renamed: TagDecision = { ...KEY, numero: 'M-3', source: 'ancien.xlsx|Ancienne feuille', decision: 'rejetée' };
    const files = [{ name: 'pole-a.xlsx', decisions: [named, unnamed, renamed] }, { name: 'pole-b.xlsx', decisions: [] }];
    expect(importedDecisions(files, plan, 'Bilan.xlsx')).toEqual([
      { ...named, source: 'Bilan.xlsx|Pôle A (2)' },
      { ...unnamed, source: 'Bilan.xlsx|Pôle A' },
      { ...unnamed, source: 'Bilan.xlsx|Pôle A (2)' },
      { ...renamed, source: 'Bilan.xlsx|Pôle A' },
      { ...renamed, source: 'Bilan.xlsx|Pôle A (2)' },
    ]);
  });

  it('imported in the pane, Pôle A’s decision applies to Pôle A’s M-1 only; the state saved, a later run (ribbon, CLI) gives the same', async () => {
    const { chain, last } = spyChain();
    const host = fakeHost([grid('Couverture', [['Bilan annuel du SPASER']])], {
      name: 'Bilan.xlsx',
      files: [
        { name: 'pole-a.xlsx', sheets: [sheet('Marchés')], state: stateOf([{ ...KEY, source: 'pole-a.xlsx|Marchés', decision: 'confirmée' }]) },
        { name: 'pole-b.xlsx', sheets: [sheet('Marchés')], state: null },
      ],
    });
    render(<App host={host} chain={chain} today={TODAY} initialStep="consolidation" />);
    const chosen = ['pole-a.xlsx', 'pole-b.xlsx'].map((n) => new File([new Uint8Array([1])], n));
    fireEvent.change(await screen.findByLabelText('Classeurs à consolider'), { target: { files: chosen } });
    await screen.findByRole('region', { name: 'Fichier pole-b.xlsx' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Pôle du fichier « pole-a.xlsx »' }), { target: { value: 'Pôle A' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Pôle du fichier « pole-b.xlsx »' }), { target: { value: 'Pôle B' } });
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 2 classeurs et calculer' })));
    await screen.findByRole('heading', { name: /Étape 4 sur 5 — Indicateurs/ });
    await waitFor(() => expect(last().output.register.rows).toHaveLength(2));

    expect(host.imported[0].map((p) => p.name)).toEqual(['Pôle A', 'Pôle B']);
    expect(origins(last().output)).toEqual(['Pôle A: confirmé', 'Pôle B: suggéré']);
    // Remapped to the imported sheet, and saved so right after the import.
    expect(host.states.at(-1)?.decisions).toEqual([{ ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'confirmée' }]);
    // A run on the workbook as saved, without the pane's session (ribbon in a new session, CLI on the file):
    expect(origins(runChain(host.inputs, { today: TODAY }))).toEqual(['Pôle A: confirmé', 'Pôle B: suggéré']);
    // And with the session's choices too (ribbon while the pane is open).
    expect(origins(runChain(host.inputs, { today: TODAY, decisions: last().options.decisions }))).toEqual(['Pôle A: confirmé', 'Pôle B: suggéré']);
  });
});

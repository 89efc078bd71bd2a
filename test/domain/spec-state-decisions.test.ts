import { runChain, type ChainInput, type ChainOutput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import type { DecisionChange, SavedState, TagDecision } from '../../src/domain/state';
import { d, grid } from '../helpers/grid';

// sortie.md: `SPASER État` holds « the user's tag decisions, keyed by numero (and source) »;
// README « Étiquettes »: decisions are saved in the workbook and a decision can be taken back.
// The decisions apply by numero (register.ts), so the saved list must follow the same key:
// a file renamed or consolidated changes the source of the rows, not the contract.

const TODAY = '2026-01-15';
const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
// M-1: « seconde main » suggests Clause environnementale; M-2: nothing.
const ROWS: CellValue[][] = [HEAD, ['M-1', 'Mobilier de seconde main', 1000, d('2025-02-01')], ['M-2', 'Papier', 500, d('2025-03-01')]];
const KEY = { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale' } as const;

function input(file: string, sheet: string, decisions: TagDecision[] = [], rows: CellValue[][] = ROWS): ChainInput {
  const state: SavedState = { version: 1, mappings: [], decisions };
  return { file, sheets: [grid(sheet, rows)], state };
}

function run(inputs: ChainInput[], decisions: DecisionChange[] = []): ChainOutput {
  return runChain(inputs, { today: TODAY, decisions });
}

/** What the next run starts from: the state written, as the next run reads it. */
const nextInput = (file: string, sheet: string, out: ChainOutput): ChainInput => ({ file, sheets: [grid(sheet, ROWS)], state: out.state });

const env = (out: ChainOutput) => out.register.rows[0].environnementale;

describe('saved decisions apply to the contract, whatever the source key they were saved with', () => {
  it('a decision saved under the old file name still applies once the file is renamed', () => {
    const out = run([input('Suivi 2025 v2.xlsx', 'Marchés', [{ ...KEY, source: 'Suivi 2025.xlsx|Marchés', decision: 'confirmée' }])]);
    expect(env(out)).toBe(true);
    // And it is saved again, not dropped because its source is gone.
    expect(out.state.decisions).toEqual([{ ...KEY, source: 'Suivi 2025.xlsx|Marchés', decision: 'confirmée' }]);
  });

  it('a decision on a contract that no longer exists is kept, not dropped without a word', () => {
    const gone: TagDecision = { numero: 'M-99', source: 'a.xlsx|Marchés', consideration: 'sociale', etiquette: 'Clause sociale', decision: 'rejetée' };
    const out = run([input('a.xlsx', 'Marchés', [gone])]);
    expect(out.state.decisions).toEqual([gone]);
    // It touches no other row.
    expect(out.result.suggestions.map((s) => [s.numero, s.decision])).toEqual([['M-1', null]]);
  });
});

describe('a decision taken back after a rename or a consolidation stays taken back', () => {
  it('withdrawn under the new source, the decision saved under the old one is not saved again', () => {
    const saved: TagDecision = { ...KEY, source: 'pole-a.xlsx|Marchés', decision: 'confirmée' };
    // The consolidated workbook: the rows now come from « Consolidation.xlsx|Pôle A ».
    const first = run([input('Consolidation.xlsx', 'Pôle A', [saved])], [{ ...KEY, source: 'Consolidation.xlsx|Pôle A', decision: 'annulée' }]);
    expect(env(first)).toBe(false);
    expect(first.state.decisions).toEqual([]);
    // Reopened: the suggestion waits again, it does not come back confirmed.
    const again = run([nextInput('Consolidation.xlsx', 'Pôle A', first)]);
    expect(again.result.suggestions.map((s) => [s.numero, s.decision])).toEqual([['M-1', null]]);
    expect(env(again)).toBe(false);
  });

  it('a new decision under the new source replaces the one saved under the old source (no duplicate, no contradiction)', () => {
    const saved: TagDecision = { ...KEY, source: 'pole-a.xlsx|Marchés', decision: 'confirmée' };
    const rejected: TagDecision = { ...KEY, source: 'Consolidation.xlsx|Pôle A', decision: 'rejetée' };
    const out = run([input('Consolidation.xlsx', 'Pôle A', [saved])], [rejected]);
    expect(out.result.suggestions).toEqual([]);
    expect(out.state.decisions).toEqual([rejected]);
  });

  it('the numero is compared as for duplicates (spaces and case), as the register applies it', () => {
    const saved: TagDecision = { ...KEY, numero: 'm-1', source: 'a.xlsx|Marchés', decision: 'confirmée' };
    const out = run([input('a.xlsx', 'Marchés', [saved])], [{ ...KEY, numero: 'M-1', source: 'a.xlsx|Marchés', decision: 'annulée' }]);
    expect(env(out)).toBe(false);
    expect(out.state.decisions).toEqual([]);
  });
});

describe('a consolidation merges the states of its inputs without duplicates', () => {
  it('the same decision saved in two workbooks is saved once; different ones are all kept, in input order', () => {
    const same: TagDecision = { ...KEY, decision: 'confirmée' };
    const b2: TagDecision = { numero: 'B-2', consideration: 'sociale', etiquette: 'Clause sociale', decision: 'rejetée' };
    const out = run([input('pole-a.xlsx', 'Marchés', [same]), input('pole-b.xlsx', 'Suivi', [same, b2], [HEAD, ['B-1', 'Nettoyage', 200, d('2025-04-01')]])]);
    expect(out.state.decisions).toEqual([same, b2]);
  });

  it('a withdrawn decision is never saved, even when nothing was saved before', () => {
    const out = run([input('a.xlsx', 'Marchés')], [{ ...KEY, source: 'a.xlsx|Marchés', decision: 'annulée' }]);
    expect(out.state.decisions).toEqual([]);
    expect(JSON.stringify(out.state)).not.toContain('annulée');
  });
});

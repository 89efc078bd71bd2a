import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { runChain, stateInForce, type ChainInput, type ChainOutput } from '../../src/domain/chain';
import type { DecisionChange, SavedState, TagDecision } from '../../src/domain/state';
import { decisionKey, sheetScope, sourceSheet, tagRow } from '../../src/domain/tagging';
import { d, grid } from '../helpers/grid';

// README « Étiquettes suggérées »: a decision is attached to the suggestion (contract, source,
// sub-tag). It applies to the rows of its input only; within it, to the sheet its source names
// (sheet part, case aside), or by numero when it names none of the input's register sheets.

const TODAY = '2026-01-15';
const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
// « seconde main » suggests Clause environnementale.
const M1: CellValue[] = ['M-1', 'Mobilier de seconde main', 1000, d('2025-02-01')];
const KEY = { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale' } as const;

const sheet = (name: string): SheetGrid => grid(name, [HEAD, M1]);
const state = (decisions: TagDecision[]): SavedState => ({ version: 1, mappings: [], decisions });
const input = (file: string, sheets: string[], decisions: TagDecision[] = []): ChainInput => ({ file, sheets: sheets.map(sheet), state: state(decisions) });
const run = (inputs: ChainInput[], decisions: DecisionChange[] = []): ChainOutput => runChain(inputs, { today: TODAY, decisions });

/** Each row as `sheet: tag origin` (one suggestion per row here; `-` when rejected). */
const origins = (out: ChainOutput) => out.register.rows.map((r) => `${r.source.file}|${r.source.sheet}: ${r.tags.map((t) => t.origine).join(',') || '-'}`);

describe('a decision applies to the rows of the input whose state holds it', () => {
  it('consolidating two files, the decision of pole-a.xlsx for M-1 leaves pole-b.xlsx’s M-1 pending', () => {
    const out = run([input('pole-a.xlsx', ['Marchés'], [{ ...KEY, source: 'pole-a.xlsx|Marchés', decision: 'confirmée' }]), input('pole-b.xlsx', ['Marchés'])]);
    expect(origins(out)).toEqual(['pole-a.xlsx|Marchés: confirmé', 'pole-b.xlsx|Marchés: suggéré']);
    expect(out.result.suggestions.map((s) => s.decision)).toEqual(['confirmée', null]);
    // 3.1.1-consideration-env counts one contract of two.
    expect(out.register.rows.map((r) => r.environnementale)).toEqual([true, false]);
  });

  it('a decision without source (older states) applies by numero within its file only', () => {
    const out = run([input('pole-a.xlsx', ['Marchés']), input('pole-b.xlsx', ['Suivi'], [{ ...KEY, decision: 'rejetée' }])]);
    expect(origins(out)).toEqual(['pole-a.xlsx|Marchés: suggéré', 'pole-b.xlsx|Suivi: -']);
  });

  it('the merged state keeps each file’s decision on the same contract (the later one no longer replaces the other)', () => {
    const a: TagDecision = { ...KEY, decision: 'confirmée' };
    const b: TagDecision = { ...KEY, decision: 'rejetée' };
    const out = run([input('pole-a.xlsx', ['Marchés'], [a]), input('pole-b.xlsx', ['Marchés'], [b])]);
    expect(out.state.decisions).toEqual([a, b]);
    expect(origins(out)).toEqual(['pole-a.xlsx|Marchés: confirmé', 'pole-b.xlsx|Marchés: -']);
  });
});

describe('within one input, a decision applies to the sheet its source names', () => {
  it('the lead’s workbook: a decision on Pôle A’s M-1 leaves Pôle B’s M-1 pending', () => {
    const out = run([input('Bilan.xlsx', ['Pôle A', 'Pôle B'], [{ ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'confirmée' }])]);
    expect(origins(out)).toEqual(['Bilan.xlsx|Pôle A: confirmé', 'Bilan.xlsx|Pôle B: suggéré']);
  });

  it('only the sheet part is compared, case aside: the file renamed, the decision still follows its sheet', () => {
    const out = run([input('Bilan v2.xlsx', ['Pôle A', 'Pôle B'], [{ ...KEY, source: 'Bilan.xlsx|pôle b', decision: 'rejetée' }])]);
    expect(origins(out)).toEqual(['Bilan v2.xlsx|Pôle A: suggéré', 'Bilan v2.xlsx|Pôle B: -']);
  });

  it('a sheet part naming no register sheet of the input (sheet renamed) applies by numero to every sheet of that input, not to another input', () => {
    const saved: TagDecision = { ...KEY, source: 'Bilan.xlsx|Ancien nom', decision: 'confirmée' };
    const out = run([input('Bilan.xlsx', ['Pôle A', 'Pôle B'], [saved]), input('autre.xlsx', ['Pôle A'])]);
    expect(origins(out)).toEqual(['Bilan.xlsx|Pôle A: confirmé', 'Bilan.xlsx|Pôle B: confirmé', 'autre.xlsx|Pôle A: suggéré']);
    // Replaced nowhere: saved again as it was read.
    expect(out.state.decisions).toEqual([saved]);
  });

  it('on one sheet, a saved decision naming it wins over one applying by numero, whatever their order', () => {
    const named: TagDecision = { ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'rejetée' };
    const byNumero: TagDecision = { ...KEY, decision: 'confirmée' };
    for (const decisions of [
      [named, byNumero],
      [byNumero, named],
    ]) {
      expect(origins(run([input('Bilan.xlsx', ['Pôle A', 'Pôle B'], decisions)]))).toEqual(['Bilan.xlsx|Pôle A: -', 'Bilan.xlsx|Pôle B: confirmé']);
    }
  });
});

describe('decisions of the run (the pane’s session)', () => {
  it('a decision carrying its row’s source settles that row only', () => {
    const out = run([input('Bilan.xlsx', ['Pôle A', 'Pôle B'])], [{ ...KEY, source: 'Bilan.xlsx|Pôle B', decision: 'rejetée' }]);
    expect(origins(out)).toEqual(['Bilan.xlsx|Pôle A: suggéré', 'Bilan.xlsx|Pôle B: -']);
    expect(out.result.suggestions.map((s) => s.decision)).toEqual([null]);
  });

  it('taken back on one sheet, a decision applying by numero stays on the other sheet, saved under its name, and so after a reopening', () => {
    const old: TagDecision = { ...KEY, decision: 'confirmée' };
    const out = run([input('Bilan.xlsx', ['Pôle A', 'Pôle B'], [old])], [{ ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'annulée' }]);
    expect(origins(out)).toEqual(['Bilan.xlsx|Pôle A: suggéré', 'Bilan.xlsx|Pôle B: confirmé']);
    expect(out.state.decisions).toEqual([{ ...old, source: 'Bilan.xlsx|Pôle B' }]);
    const again = run([{ ...input('Bilan.xlsx', ['Pôle A', 'Pôle B']), state: out.state }]);
    expect(origins(again)).toEqual(origins(out));
  });

  it('the state saved by an import (stateInForce, sheets recognised again) is the one the run saves', () => {
    const inputs = [input('Bilan.xlsx', ['Pôle A', 'Pôle B'], [{ ...KEY, decision: 'rejetée' }])];
    const changes: DecisionChange[] = [{ ...KEY, source: 'Bilan.xlsx|Pôle B', decision: 'confirmée' }];
    const saved = stateInForce(inputs, { decisions: changes });
    expect(saved.decisions).toEqual([
      { ...KEY, source: 'Bilan.xlsx|Pôle A', decision: 'rejetée' },
      { ...KEY, source: 'Bilan.xlsx|Pôle B', decision: 'confirmée' },
    ]);
    expect(saved).toEqual(run(inputs, changes).state);
  });
});

describe('tagRow and the keys', () => {
  it('looks a decision up under the row’s sheet scope', () => {
    const values = { numero: 'M-1', objet: 'Mobilier de seconde main' };
    const decisions = new Map([[sheetScope(0, 'Pôle A') + decisionKey('M-1', 'environnementale', 'Clause environnementale'), 'confirmée' as const]]);
    expect(tagRow(values, decisions, sheetScope(0, 'pôle a')).tags.map((t) => t.origine)).toEqual(['confirmé']);
    expect(tagRow(values, decisions, sheetScope(0, 'Pôle B')).tags.map((t) => t.origine)).toEqual(['suggéré']);
    expect(tagRow(values, decisions, sheetScope(1, 'Pôle A')).tags.map((t) => t.origine)).toEqual(['suggéré']);
  });

  it('reads the sheet part of a source: after `file|` when it starts so, else after the first `|`', () => {
    expect(sourceSheet('a.xlsx|Marchés', 'a.xlsx')).toBe('Marchés');
    expect(sourceSheet('a.xlsx|Suivi | 2025', 'b.xlsx')).toBe('Suivi | 2025');
    expect(sourceSheet('a|b.xlsx|Suivi', 'a|b.xlsx')).toBe('Suivi');
    expect(sourceSheet(undefined)).toBeNull();
    expect(sourceSheet('sans barre')).toBeNull();
  });
});

import { runChain } from '../../src/domain/chain';
import type { TagDecision } from '../../src/domain/state';
import { d, grid } from '../helpers/grid';

// A decision taken back (`annulée`) wins over the saved one: the suggestion waits again, does not
// count, and nothing of it is saved.

const SHEET = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['M-1', 'Mobilier de seconde main', 1000, d('2025-02-01')],
  ['M-2', 'Papier', 500, d('2025-03-01')],
]);
const KEY = { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale' } as const;

function run(saved: TagDecision['decision'] | null, withdraw: boolean) {
  const decisions: TagDecision[] = saved ? [{ ...KEY, decision: saved }] : [];
  return runChain([{ file: 'a.xlsx', sheets: [SHEET], state: { version: 1, mappings: [], decisions } }], {
    today: '2026-01-15',
    decisions: withdraw ? [{ ...KEY, decision: 'annulée' }] : [],
  });
}

const env = (out: ReturnType<typeof run>) => out.register.rows[0].environnementale;

describe('a decision taken back', () => {
  it('the suggestion is found in the wording (the fixture works)', () => {
    expect(run(null, false).result.suggestions.map((s) => [s.numero, s.etiquette, s.decision])).toEqual([['M-1', 'Clause environnementale', null]]);
  });

  it('a saved confirmation counts; taken back, it waits again and stops counting', () => {
    expect(env(run('confirmée', false))).toBe(true);
    const out = run('confirmée', true);
    expect(env(out)).toBe(false);
    expect(out.result.suggestions.map((s) => s.decision)).toEqual([null]);
    expect(out.register.rows[0].tags.map((t) => t.origine)).toEqual(['suggéré']);
    expect(out.state.decisions).toEqual([]);
  });

  it('a saved rejection hides the suggestion; taken back, it is offered again', () => {
    expect(run('rejetée', false).result.suggestions).toEqual([]);
    const out = run('rejetée', true);
    expect(out.result.suggestions.map((s) => [s.numero, s.decision])).toEqual([['M-1', null]]);
    expect(out.state.decisions).toEqual([]);
  });
});

import { parseState, serializeState, STATE_CHUNK_SIZE } from '../../src/domain/state-sheet';
import type { SavedState } from '../../src/domain/state';
import { EMPTY_STATE } from '../../src/domain/state';
import { STATE } from './fixtures/plan-fixtures';

function bigState(decisions: number): SavedState {
  return {
    version: 1,
    mappings: [],
    decisions: Array.from({ length: decisions }, (_, i) => ({
      numero: `2025-${String(i).padStart(5, '0')}`,
      source: 'pole-a.xlsx|Marchés',
      consideration: 'sociale' as const,
      etiquette: 'Clause sociale',
      decision: 'confirmée' as const,
    })),
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('serializeState', () => {
  it('writes a small state in one cell holding its JSON', () => {
    const cells = serializeState(STATE);
    expect(cells).toEqual([JSON.stringify(STATE)]);
  });

  it('splits a state longer than 30,000 characters into chunks of at most 30,000', () => {
    const state = bigState(1000);
    const json = JSON.stringify(state);
    expect(json.length).toBeGreaterThan(2 * STATE_CHUNK_SIZE);
    const cells = serializeState(state);
    expect(cells.length).toBe(Math.ceil(json.length / STATE_CHUNK_SIZE));
    for (const c of cells) expect(c.length).toBeLessThanOrEqual(STATE_CHUNK_SIZE);
    expect(cells.join('')).toBe(json);
  });

  it('never cuts a surrogate pair between two cells', () => {
    const state: SavedState = { ...EMPTY_STATE, mappings: [{ sheet: 'a😀b😀c😀d😀e😀', columns: { '😀😀😀': 'objet' } }] };
    for (const size of [5, 6, 7, 8, 9, 10]) {
      const cells = serializeState(state, size);
      expect(cells.join('')).toBe(JSON.stringify(state));
      for (const c of cells) {
        expect(c.length).toBeLessThanOrEqual(size);
        expect(LONE_SURROGATE.test(c)).toBe(false);
      }
    }
  });
});

describe('parseState', () => {
  it('reads back what serializeState wrote', () => {
    expect(parseState(serializeState(STATE))).toEqual(STATE);
    expect(parseState(serializeState(EMPTY_STATE))).toEqual(EMPTY_STATE);
  });

  it('reads back a state longer than 30,000 characters, with empty cells after it', () => {
    const state = bigState(1000);
    expect(parseState([...serializeState(state), null, ''])).toEqual(state);
  });

  it('returns null for an empty sheet', () => {
    expect(parseState([])).toBeNull();
    expect(parseState([null, ''])).toBeNull();
  });

  it('returns null, without throwing, for text that is not JSON', () => {
    expect(parseState(['{"version":1,'])).toBeNull();
    expect(parseState(['Feuille technique'])).toBeNull();
  });

  it('returns null when chunks are missing (truncated JSON)', () => {
    const cells = serializeState(bigState(1000));
    expect(parseState(cells.slice(0, -1))).toBeNull();
  });

  it('returns null for JSON that is not a saved state', () => {
    expect(parseState([JSON.stringify({ ...STATE, version: 2 })])).toBeNull();
    expect(parseState([JSON.stringify({ version: 1, mappings: [] })])).toBeNull();
    expect(parseState([JSON.stringify({ ...STATE, decisions: [{ ...STATE.decisions[0], consideration: 'économique' }] })])).toBeNull();
    expect(parseState([JSON.stringify({ ...STATE, decisions: [{ ...STATE.decisions[0], decision: 'peut-être' }] })])).toBeNull();
    expect(parseState([JSON.stringify({ ...STATE, mappings: [{ columns: {} }] })])).toBeNull();
    expect(parseState(['null'])).toBeNull();
    expect(parseState(['42'])).toBeNull();
  });

  it('returns null when a cell holds a date or an error instead of text', () => {
    expect(parseState([JSON.stringify(STATE), { date: '2025-01-01' }])).toBeNull();
    expect(parseState([{ error: '#REF!' }])).toBeNull();
  });
});

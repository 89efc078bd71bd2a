import fc from 'fast-check';
import { runChain, type ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import type { MappingOverride } from '../../src/domain/model';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import type { SavedState, TagDecision } from '../../src/domain/state';
import { parseState, serializeState, STATE_CHUNK_SIZE } from '../../src/domain/state-sheet';
import { d, grid } from '../helpers/grid';

// sortie.md: `SPASER État` (very hidden) holds the column mapping per source sheet and the
// user's tag decisions. What is written must be read back exactly; what cannot be read back
// (damaged, truncated, edited by hand, another version) never stops a run.

const TODAY = '2026-01-15';
const HEAD = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'];
const ROWS: CellValue[][] = [HEAD, ['M-1', 'Mobilier de seconde main', 1000, d('2025-02-01'), 'oui'], ['M-2', 'Papier', 500, d('2025-03-01'), 'non']];

const text = fc.string({ unit: 'binary', maxLength: 12 });
const mapping: fc.Arbitrary<MappingOverride> = fc.record(
  {
    file: text,
    sheet: text,
    headerRow: fc.integer({ min: 1, max: 1_048_576 }),
    columns: fc.dictionary(
      text.filter((k) => k !== '__proto__'),
      fc.option(fc.constantFrom('numero', 'objet', 'montant', 'clauseSociale'), { nil: null }),
      { maxKeys: 4 },
    ),
  },
  { requiredKeys: ['sheet', 'columns'] },
);
const decision: fc.Arbitrary<TagDecision> = fc.record(
  {
    numero: text,
    source: text,
    consideration: fc.constantFrom('sociale', 'environnementale', 'innovation'),
    etiquette: text,
    decision: fc.constantFrom('confirmée', 'rejetée'),
  },
  { requiredKeys: ['numero', 'consideration', 'etiquette', 'decision'] },
);
const state: fc.Arbitrary<SavedState> = fc.record({
  version: fc.constant(1 as const),
  mappings: fc.array(mapping, { maxLength: 4 }),
  decisions: fc.array(decision, { maxLength: 6 }),
});

/** Column A of the state sheet of a run's plan, as an adapter hands it back. */
function columnA(out: ReturnType<typeof runChain>): CellValue[] {
  const etat = out.plan.sheets.find((s) => s.name === SHEET_ETAT);
  const block = etat?.blocks.find((b) => b.col === 1 && b.row === 1);
  return (block?.values ?? []).map((line) => line[0] as CellValue);
}

describe('the state round-trips exactly through the cells of SPASER État', () => {
  it('any state, cut at any chunk size, reads back equal (property)', () => {
    fc.assert(
      fc.property(state, fc.integer({ min: 2, max: 50 }), (s, size) => {
        const cells = serializeState(s, size);
        for (const c of cells) expect(c.length).toBeLessThanOrEqual(size);
        expect(parseState(cells)).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('the state a run writes is the state in force, and the next run reads it back and writes it again unchanged', () => {
    const saved: SavedState = {
      version: 1,
      mappings: [{ file: 'a.xlsx', sheet: 'Marchés', headerRow: 1, columns: { 'Clause sociale': null } }],
      decisions: [{ numero: 'M-1', source: 'a.xlsx|Marchés', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'confirmée' }],
    };
    const first = runChain([{ file: 'a.xlsx', sheets: [grid('Marchés', ROWS)], state: saved }], { today: TODAY });
    const read = parseState(columnA(first));
    expect(read).toEqual(saved);
    const second = runChain([{ file: 'a.xlsx', sheets: [grid('Marchés', ROWS)], state: read }], { today: TODAY });
    expect(columnA(second)).toEqual(columnA(first));
    // The saved choices act on the second run: the unmapped column does not count, the decision does.
    expect(second.register.rows[0].sociale).toBe(false);
    expect(second.register.rows[0].environnementale).toBe(true);
  });

  it('an oversized state (more than 100 cells of 30,000 characters) is written within the cell limit and reads back', () => {
    const decisions: TagDecision[] = Array.from({ length: 30_000 }, (_, i) => ({
      numero: `2025-${String(i).padStart(6, '0')}`,
      source: 'Pôle Ressources.xlsx|Suivi des marchés 2025',
      consideration: 'environnementale',
      etiquette: 'Clause environnementale',
      decision: i % 2 === 0 ? 'confirmée' : 'rejetée',
    }));
    const big: SavedState = { version: 1, mappings: [], decisions };
    const cells = serializeState(big);
    expect(cells.length).toBeGreaterThan(100);
    // Excel's limit for the characters of one cell.
    for (const c of cells) expect(c.length).toBeLessThanOrEqual(32_767);
    expect(parseState(cells)).toEqual(big);
    expect(STATE_CHUNK_SIZE).toBeLessThanOrEqual(32_767);
  });
});

describe('a state that cannot be read never crashes nor blocks a run', () => {
  const good: SavedState = {
    version: 1,
    mappings: [{ sheet: 'Marchés', columns: { 'Clause sociale': null } }],
    decisions: [{ numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'confirmée' }],
  };
  const cells = serializeState(good, 20);

  const damaged: [string, CellValue[]][] = [
    ['truncated (last cell lost)', cells.slice(0, -1)],
    ['a middle cell lost', [...cells.slice(0, 2), ...cells.slice(3)]],
    ['cells in the wrong order', [cells[1], cells[0], ...cells.slice(2)]],
    ['a word typed by hand below it', [...cells, 'à revoir']],
    ['a cell overwritten by a number', [...cells.slice(0, 2), 42, ...cells.slice(3)]],
    ['a cell holding a date', [...cells, { date: '2025-01-01' }]],
    ['a cell holding an error', [{ error: '#REF!' }, ...cells.slice(1)]],
    ['a cell holding a boolean', [...cells, true]],
    ['a newer version', [JSON.stringify({ ...good, version: 2 })]],
    ['an older state without a version', [JSON.stringify({ mappings: good.mappings, decisions: good.decisions })]],
    ['a decision edited by hand to an unknown value', [JSON.stringify({ ...good, decisions: [{ ...good.decisions[0], decision: 'oui' }] })]],
    ['a saved withdrawal (never written)', [JSON.stringify({ ...good, decisions: [{ ...good.decisions[0], decision: 'annulée' }] })]],
    ['a mapping with a header row of 0', [JSON.stringify({ ...good, mappings: [{ ...good.mappings[0], headerRow: 0 }] })]],
    ['JSON that is an array', ['[]']],
    ['nested far too deep', ['['.repeat(100_000)]],
  ];

  test.each(damaged)('%s: read as no state, without throwing', (_, damagedCells) => {
    expect(() => parseState(damagedCells)).not.toThrow();
    expect(parseState(damagedCells)).toBeNull();
  });

  it('never throws on any column of cells (property)', () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constantFrom<CellValue>({ date: '2025-01-01' }, { error: '#N/A' }),
      fc.constantFrom(...cells),
    );
    fc.assert(fc.property(fc.array(cell, { maxLength: 8 }), (column) => {
      expect(() => parseState(column)).not.toThrow();
    }));
  });

  it('the run goes on as without state, and writes a fresh readable state', () => {
    const input = (s: SavedState | null): ChainInput => ({ file: 'a.xlsx', sheets: [grid('Marchés', ROWS)], state: s });
    const without = runChain([input(null)], { today: TODAY });
    const withGood = runChain([input(parseState(cells))], { today: TODAY });
    // The fixture's state matters when read: social unmapped, decision confirmed.
    expect(withGood.register.rows[0].sociale).toBe(false);
    expect(without.register.rows[0].sociale).toBe(true);
    for (const [, damagedCells] of damaged) {
      const out = runChain([input(parseState(damagedCells))], { today: TODAY });
      expect(out.result).toEqual(without.result);
      expect(parseState(columnA(out))).toEqual({ version: 1, mappings: [], decisions: [] });
    }
  });
});

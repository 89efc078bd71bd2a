/**
 * The imports the consolidation recorded, in the saved state: read back as written,
 * a state without them reads as before (version still 1), a record it cannot read is dropped
 * (the choices and decisions are kept), and the chain saves them (merged, pruned).
 */
import { runChain } from '../../src/domain/chain';
import { parseState, serializeState } from '../../src/domain/state-sheet';
import type { ImportRecord, SavedState } from '../../src/domain/state';
import { EMPTY_STATE, withImports } from '../../src/domain/state';
import { d, grid } from '../helpers/grid';

const record = (sheet: string, over: Partial<ImportRecord> = {}): ImportRecord => ({
  sheet,
  file: 'Pôle Sport.xlsx',
  pole: 'Pôle Sport',
  kind: 'registre',
  date: '2026-01-15',
  fingerprint: '0123456789abcdef',
  ...over,
});

const WITH: SavedState = {
  version: 1,
  mappings: [{ sheet: 'Pôle Sport', headerRow: 1, columns: { Payé: 'montantMandate' } }],
  decisions: [],
  imports: [record('Pôle Sport'), record('Pôle Sport - Cibles', { kind: 'cibles' })],
};

describe('saved state with import records', () => {
  it('reads back what was written, records included', () => {
    expect(parseState(serializeState(WITH))).toEqual(WITH);
  });

  it('reads a state written before records existed as it was, without the key', () => {
    const old = JSON.stringify({ version: 1, mappings: [], decisions: [] });
    const read = parseState([old]);
    expect(read).toEqual(EMPTY_STATE);
    expect(read).not.toHaveProperty('imports');
    expect(serializeState(EMPTY_STATE)).toEqual([old]);
  });

  it('keeps version 1 (an older add-in still reads the choices and decisions)', () => {
    expect(JSON.parse(serializeState(WITH).join('')).version).toBe(1);
    expect(parseState([JSON.stringify({ ...WITH, version: 2 })])).toBeNull();
  });

  it('drops a record it cannot read (unknown kind, no fingerprint, date not ISO), never the choices and decisions', () => {
    // A later version may record a kind of sheet this one does not know: losing the lead's column choices
    // and tag decisions for it would be far worse than not offering to replace that one sheet.
    for (const bad of [{ kind: 'autre' }, { fingerprint: undefined }, { date: '15/01/2026' }]) {
      const read = parseState([JSON.stringify({ ...WITH, imports: [{ ...record('Pôle Sport'), ...bad }, WITH.imports![1]] })]);
      expect(read).toEqual({ ...WITH, imports: [WITH.imports![1]] });
    }
    expect(parseState([JSON.stringify({ ...WITH, imports: 'rien' })])).toEqual({ ...WITH, imports: [] });
  });

  it('withImports keeps one record a sheet, the later one, names compared case aside', () => {
    const later = record('pôle sport', { date: '2026-02-15', fingerprint: 'ffffffffffffffff' });
    expect(withImports([record('Pôle Sport'), record('Autre')], [later])).toEqual([record('Autre'), later]);
  });
});

describe('the chain saves the records', () => {
  const register = grid('Pôle Sport', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['S-1', 'Gymnase', 1500, d('2025-03-04')],
  ]);

  it('merges the saved records and those of the session, the session winning, and drops sheets no longer there', () => {
    const saved: SavedState = { ...EMPTY_STATE, imports: [record('Pôle Sport'), record('Pôle Culture')] };
    const session = record('Pôle Sport', { date: '2026-02-15', fingerprint: 'aaaaaaaaaaaaaaaa' });
    const out = runChain([{ file: 'Conso.xlsx', sheets: [register], state: saved }], { today: '2026-02-15', imports: [session] });
    expect(out.state.imports).toEqual([session]);
  });

  it('saves no key when nothing was imported: the state is as before', () => {
    const out = runChain([{ file: 'Conso.xlsx', sheets: [register], state: null }], { today: '2026-02-15' });
    expect(out.state).not.toHaveProperty('imports');
    expect(out.plan.sheets.find((s) => s.name === 'SPASER État')).toBeDefined();
  });

  it('writes the records into the SPASER État sheet of the plan', () => {
    const session = record('Pôle Sport');
    const out = runChain([{ file: 'Conso.xlsx', sheets: [register], state: null }], { today: '2026-02-15', imports: [session] });
    const etat = out.plan.sheets.find((s) => s.name === 'SPASER État')!;
    const columnA = etat.blocks.find((b) => b.col === 1)!.values.map((r) => r[0] as string);
    expect(parseState(columnA)?.imports).toEqual([session]);
  });
});

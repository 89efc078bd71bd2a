/**
 * Spec audit (indicateurs.md « Par pôle », « N−1 »; README: one file per Pôle
 * consolidated): the metamorphic properties of spec-metamorphic.test.ts over two
 * input files, whose rows without a `pole` cell take the file's name as Pôle
 * (README choice) and whose Suivi insertion rows count for the contracts of
 * any input.
 */
import fc from 'fast-check';
import { runChain } from '../../../src/domain/chain';
import { CATALOGUE } from '../../../src/domain/indicators/catalogue';
import type { IndicatorResult } from '../../../src/domain/model';
import { IDS_IN_ORDER } from './ids';
import { computed, N, same, TODAY, toGrids, workbookArb, type GenRow, type GenWorkbook, type GridOptions } from './spec-metamorphic-gen';

const RUNS = 30;
const CITY_ONLY = new Set(CATALOGUE.filter((d) => d.cityOnly).map((d) => d.id));
const NO_N1 = new Set(CATALOGUE.filter((d) => d.noN1).map((d) => d.id));
const BREAKDOWNS = ['5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie'];
const FILES = ['pole-a.xlsx', 'pole-b.xlsx'] as const;
/** The second file's Suivi insertion follows the first file's contracts: hours counted across inputs. */
const PREFIX = ['A', 'B'] as const;

function runBoth(wbs: readonly GenWorkbook[], o: (file: number) => GridOptions = () => ({})): readonly IndicatorResult[] {
  const inputs = wbs.map((wb, f) => ({ file: FILES[f], sheets: toGrids(wb, { prefix: PREFIX[f], ...o(f) }), state: null }));
  // File B's Suivi insertion sheet names file A's contracts.
  const b = inputs[1];
  const suivi = b.sheets.find((s) => s.name === 'Suivi insertion');
  if (suivi !== undefined) {
    const renamed = { ...suivi, rows: suivi.rows.map((r, i) => (i === 0 ? r : [String(r[0]).replace(/^B-/, 'A-'), ...r.slice(1)])) };
    inputs[1] = { ...b, sheets: b.sheets.map((s) => (s === suivi ? renamed : s)) };
  }
  return runChain(inputs, { exercice: N, today: TODAY }).result.indicateurs;
}

const poleOfRow = (wb: GenWorkbook, file: number, r: GenRow, si: number): string =>
  wb.sheets[si].fields.includes('pole') && typeof r.values.pole === 'string' ? r.values.pole : FILES[file].replace('.xlsx', '');

const pair = fc.tuple(workbookArb, workbookArb);

test('two files: a Pôle’s value is the City value of its rows alone, whichever file they come from (every id)', () => {
  const comparedIds = new Set<string>();
  const poleSeen = new Set<string>();
  fc.assert(
    fc.property(pair, (wbs) => {
      const whole = runBoth(wbs);
      const poles = Object.keys(whole.find((r) => r.parPole !== null)?.parPole ?? {});
      for (const p of poles) {
        poleSeen.add(p);
        const alone = new Map(runBoth(wbs, (f) => ({ keep: (r, si) => poleOfRow(wbs[f], f, r, si) === p })).map((r) => [r.id, r]));
        for (const r of whole) {
          const got = r.parPole === null ? null : r.parPole[p];
          if (CITY_ONLY.has(r.id)) {
            expect([r.id, got]).toEqual([r.id, null]);
            continue;
          }
          const want = computed(alone.get(r.id)!);
          if (!same(got, want)) throw new Error(`${r.id} ${p}: parPole ${got}, City of the Pôle's rows ${want}`);
          if (got !== null) comparedIds.add(r.id);
        }
      }
    }),
    { numRuns: RUNS },
  );
  // Pôles from the files' names were met.
  expect(poleSeen.has('pole-a') || poleSeen.has('pole-b')).toBe(true);
  expect(IDS_IN_ORDER.filter((id) => !CITY_ONLY.has(id) && id !== '1.1.2-dataviz' && !BREAKDOWNS.includes(id) && !comparedIds.has(id))).toEqual([]);
});

test('two files: n1 is the N value of the N−1 rows of both files moved one year later (every id)', () => {
  const comparedIds = new Set<string>();
  fc.assert(
    fc.property(pair, (wbs) => {
      const whole = runBoth(wbs);
      const moved = new Map(runBoth(wbs, () => ({ keep: (r) => r.year === N - 1, map: (r) => ({ ...r, year: N }), shiftCompanions: 1 })).map((r) => [r.id, r]));
      const hasPrev = moved.get('2.1.2-hors-marche-nb')!.couverture.total > 0;
      for (const r of whole) {
        const want = NO_N1.has(r.id) || !hasPrev ? null : moved.get(r.id)!.valeur;
        if (!same(r.n1, want)) throw new Error(`${r.id}: n1 ${r.n1}, N value of the moved register ${want}`);
        if (r.n1 !== null) comparedIds.add(r.id);
      }
    }),
    { numRuns: RUNS },
  );
  expect(IDS_IN_ORDER.filter((id) => !NO_N1.has(id) && !BREAKDOWNS.includes(id) && !comparedIds.has(id))).toEqual([]);
});

/**
 * Spec audit (indicateurs.md « Beyond the catalogue », sortie.md `parPole`,
 * `n1`; regles.md §3, §9): metamorphic properties over small generated
 * workbooks, for every indicator id, through the whole chain.
 *
 * 1. Par pôle: the value of a Pôle is the City value of a register holding only
 *    that Pôle's rows (indicators without a per-Pôle value excepted).
 * 2. N−1: the `n1` value is the N value of the register whose N−1 rows are moved
 *    to N (dates one year later) and whose N rows are removed.
 * 3. A row in error is left out of every indicator: adding some changes nothing.
 * 4. The order of the rows of a sheet changes no value.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/domain/cell';
import { CATALOGUE } from '../../../src/domain/indicators/catalogue';
import type { IndicatorResult } from '../../../src/domain/model';
import { IDS_IN_ORDER } from './ids';
import { runChain } from '../../../src/domain/chain';
import { computed, N, numeroOf, rowCells, runWorkbook, same, TODAY, toGrids, workbookArb, type GenRow, type GenWorkbook } from './spec-metamorphic-gen';

const RUNS = 40;
const DEF = new Map(CATALOGUE.map((d) => [d.id, d]));
/** Indicators with no per-Pôle value: companion sheets without a Pôle, manual values, charts. */
const CITY_ONLY = new Set(CATALOGUE.filter((d) => d.cityOnly).map((d) => d.id));

/** Breakdowns have a null `valeur` (sortie.md): their parPole and n1 are null. */
const BREAKDOWNS = ['5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie'];

const byId = (results: readonly IndicatorResult[]): Map<string, IndicatorResult> => new Map(results.map((r) => [r.id, r]));

/** A row's Pôle: its `pole` cell, else the file's name (README choice; the file is `registre.xlsx`). */
const poleOfRow = (wb: GenWorkbook, r: GenRow, si: number): string =>
  wb.sheets[si].fields.includes('pole') && typeof r.values.pole === 'string' ? r.values.pole : 'registre';

/** The Pôles of the register rows (any year or validity: the engine shows those of the valid rows of N). */
function polesOf(wb: GenWorkbook): string[] {
  return [...new Set(wb.sheets.flatMap((s, si) => s.rows.map((r) => poleOfRow(wb, r, si))))];
}

function sameResult(a: IndicatorResult, b: IndicatorResult): string | null {
  if (a.statut !== b.statut) return `statut ${a.statut} ≠ ${b.statut} (${a.motif} / ${b.motif})`;
  if (!same(a.valeur, b.valeur)) return `valeur ${a.valeur} ≠ ${b.valeur}`;
  if (!same(a.n1, b.n1)) return `n1 ${a.n1} ≠ ${b.n1}`;
  if (JSON.stringify(a.couverture) !== JSON.stringify(b.couverture)) return `couverture ${JSON.stringify(a.couverture)} ≠ ${JSON.stringify(b.couverture)}`;
  if (a.motif !== b.motif) return `motif ${a.motif} ≠ ${b.motif}`;
  if (a.note !== b.note) return `note ${a.note} ≠ ${b.note}`;
  if (JSON.stringify(a.cible) !== JSON.stringify(b.cible)) return `cible ${JSON.stringify(a.cible)} ≠ ${JSON.stringify(b.cible)}`;
  const keys = (o: object | null) => Object.keys(o ?? {}).sort();
  if (JSON.stringify(keys(a.repartition)) !== JSON.stringify(keys(b.repartition))) return 'repartition keys differ';
  for (const k of keys(a.repartition)) {
    const x = a.repartition![k];
    const y = b.repartition![k];
    if (typeof x === 'number' || typeof y === 'number') {
      if (!same(x as number, y as number)) return `repartition ${k}`;
    } else if (!same(x.fournisseurs, y.fournisseurs) || !same(x.depense, y.depense)) return `repartition ${k}`;
  }
  if ((a.parPole === null) !== (b.parPole === null) || JSON.stringify(keys(a.parPole)) !== JSON.stringify(keys(b.parPole))) return 'parPole keys differ';
  for (const k of keys(a.parPole)) if (!same(a.parPole![k], b.parPole![k])) return `parPole ${k}: ${a.parPole![k]} ≠ ${b.parPole![k]}`;
  return null;
}

function expectSameResults(actual: readonly IndicatorResult[], expected: readonly IndicatorResult[]): void {
  expect(actual.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  const diffs = actual.map((r, i) => [r.id, sameResult(r, expected[i])]).filter(([, d]) => d !== null);
  expect(diffs).toEqual([]);
}

test('the generated workbooks are read as meant: every column recognised, the catalogue complete', () => {
  fc.assert(
    fc.property(workbookArb, (wb) => {
      const sheets = toGrids(wb);
      const out = runChain([{ file: 'registre.xlsx', sheets, state: null }], { exercice: N, today: TODAY });
      for (const [i, s] of wb.sheets.entries()) {
        const m = out.register.mappings.find((x) => x.sheet === s.name);
        expect(m?.kind).toBe('registre');
        expect(m!.columns.map((c) => c.field).sort()).toEqual(['numero', 'objet', 'montant', 'dateNotification', ...s.fields].sort());
        void i;
      }
      expect(out.register.has.suiviInsertion).toBe(wb.suivi !== null);
      expect(out.register.has.actions).toBe(wb.actions !== null);
      expect(out.register.has.cibles).toBe(wb.cibles !== null);
      expect(out.register.has.saisies).toBe(wb.saisies !== null);
      expect(out.result.indicateurs.map((r) => r.id)).toEqual(IDS_IN_ORDER);
    }),
    { numRuns: 10 },
  );
});

describe('par pôle: a Pôle’s value is the City value of its rows alone (every id)', () => {
  test('property', () => {
    const comparedIds = new Set<string>();
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const whole = runWorkbook(wb);
        const poles = Object.keys(whole.find((r) => r.parPole !== null)?.parPole ?? {});
        // The Pôles shown are those of the valid rows of N: a subset of the Pôles written.
        for (const p of poles) expect(polesOf(wb)).toContain(p);
        for (const p of poles) {
          const alone = byId(runWorkbook(wb, { keep: (r, si) => poleOfRow(wb, r, si) === p }));
          for (const r of whole) {
            // `1.1.2-dataviz` has no parPole at all (charts of this run only).
            const got = r.parPole === null ? null : r.parPole[p];
            if (CITY_ONLY.has(r.id) || r.id === '1.1.2-dataviz') {
              expect([r.id, p, got]).toEqual([r.id, p, null]);
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
    // Not vacuous: every id with a per-Pôle value was compared on a value at least once.
    expect(IDS_IN_ORDER.filter((id) => !CITY_ONLY.has(id) && !comparedIds.has(id) && !BREAKDOWNS.includes(id))).toEqual([]);
  });
});

describe('N−1: the n1 value is the N value of the N−1 rows moved one year later (every id)', () => {
  test('property', () => {
    const comparedIds = new Set<string>();
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const whole = runWorkbook(wb);
        const moved = byId(
          runWorkbook(wb, {
            keep: (r) => r.year === N - 1,
            map: (r: GenRow) => ({ ...r, year: N }),
            shiftCompanions: 1,
          }),
        );
        const hasPrev = moved.get('2.1.2-hors-marche-nb')!.couverture.total > 0;
        for (const r of whole) {
          if (DEF.get(r.id)!.noN1) {
            expect([r.id, r.n1]).toEqual([r.id, null]);
            continue;
          }
          // sortie.md: null when the register holds no valid row of N−1.
          const want = hasPrev ? moved.get(r.id)!.valeur : null;
          if (!same(r.n1, want)) throw new Error(`${r.id}: n1 ${r.n1}, N value of the moved register ${want} (${moved.get(r.id)!.statut})`);
          if (r.n1 !== null) comparedIds.add(r.id);
        }
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: every id with an N−1 value was compared on a value at least once.
    expect(IDS_IN_ORDER.filter((id) => !DEF.get(id)!.noN1 && !comparedIds.has(id) && !BREAKDOWNS.includes(id))).toEqual([]);
  });
});

/** A row in error, as cells of a sheet with these columns (header order: required fields, then `fields`). */
const errorRowArb = (fields: readonly string[]): fc.Arbitrary<CellValue[]> => {
  const kinds = ['numero-manquant', 'objet-manquant', 'montant-manquant', 'montant-invalide', 'date-manquante', 'date-invalide', 'date-avant-2000', 'illisible'];
  if (fields.includes('nbAvenants') && fields.includes('nbAvenantsProlongation')) kinds.push('prolongations');
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      year: fc.constantFrom(N - 1, N),
      montant: fc.integer({ min: 0, max: 90000 }),
      cells: fc.tuple(...fields.map(() => fc.constantFrom<CellValue>('oui', 'non', 3, 1200, 'Roubaix', '59100', 'PME', 'ESAT', 'Location', 'Pôle Ressources', 'Pôle Solidarités', 'Pôle Fantôme', null))),
      numero: fc.integer({ min: 0, max: 1_000_000 }),
      col: fc.nat(),
    })
    .map(({ kind, year, montant, cells, numero, col }) => {
      const row: CellValue[] = [`E-${numero}`, 'Fournitures', montant, { date: `${year}-05-12` }, ...cells];
      const at = (f: string) => 4 + fields.indexOf(f);
      // Supplier of the pool with another address: an error row must not give a supplier its zone.
      if (fields.includes('titulaire')) row[at('titulaire')] = 'Nord Bâtiment';
      if (fields.includes('communeTitulaire')) row[at('communeTitulaire')] = 'Marseille';
      if (fields.includes('pole')) row[at('pole')] = cells[fields.indexOf('pole')] ?? 'Pôle Fantôme';
      if (fields.includes('nbAvenants')) row[at('nbAvenants')] = 1;
      if (fields.includes('nbAvenantsProlongation')) row[at('nbAvenantsProlongation')] = kind === 'prolongations' ? 3 : 0;
      switch (kind) {
        case 'numero-manquant': row[0] = null; break;
        case 'objet-manquant': row[1] = null; break;
        case 'montant-manquant': row[2] = null; break;
        case 'montant-invalide': row[2] = -montant - 1; break;
        case 'date-manquante': row[3] = null; break;
        case 'date-invalide': row[3] = 'pas une date'; break;
        case 'date-avant-2000': row[3] = { date: '1999-05-12' }; break;
        case 'illisible': row[4 + (col % Math.max(1, fields.length))] = fields.length > 0 ? { error: '#N/A' } : row[4]; if (fields.length === 0) row[2] = { error: '#VALUE!' }; break;
      }
      return row;
    });
};

/**
 * Later copies of a row (same numero, other values), placed after every row of
 * their sheet: same year (a `doublon` error), or the other year without `objet`
 * (an `objet-manquant` error whose numero may match Suivi insertion rows).
 */
const doublonsArb = (wb: GenWorkbook): fc.Arbitrary<{ sheet: number; cells: CellValue[] }[]> => {
  const all = wb.sheets.flatMap((s, si) => s.rows.map((r, j) => ({ si, r, k: wb.sheets.slice(0, si).reduce((n, x) => n + x.rows.length, 0) + j })));
  return fc.array(
    fc.record({ which: fc.nat({ max: all.length - 1 }), montant: fc.integer({ min: 1, max: 99999 }), pole: fc.constantFrom('Pôle Fantôme', 'Pôle Solidarités'), sign: fc.constantFrom('oui', 'non'), otherYear: fc.boolean() }),
    { maxLength: 3 },
  ).map((picks) =>
    picks.map(({ which, montant, pole, sign, otherYear }) => {
      const { si, r, k } = all[which];
      const values = Object.fromEntries(Object.entries(r.values).map(([f, v]) => [f, v === 'oui' || v === 'non' ? sign : v]));
      const year = otherYear ? 2 * N - 1 - r.year : r.year;
      const cells = rowCells(wb.sheets[si].fields, { ...r, year, montant, supplier: (r.supplier + 1) % 7, values: { ...values, pole } }, numeroOf(k));
      if (otherYear) cells[1] = null;
      return { sheet: si, cells };
    }),
  );
};

describe('rows in error never change an indicator', () => {
  test('property', () => {
    fc.assert(
      fc.property(
        workbookArb.chain((wb) =>
          fc.tuple(
            fc.constant(wb),
            fc.tuple(...wb.sheets.map((s) => fc.array(fc.record({ at: fc.nat({ max: s.rows.length }), cells: errorRowArb(s.fields) }), { minLength: 1, maxLength: 4 }))),
            doublonsArb(wb),
          ),
        ),
        ([wb, extras, doublons]) => {
          const extra = new Map(extras.map((e, i) => [i, [...e, ...doublons.filter((d) => d.sheet === i).map((d) => ({ at: Number.MAX_SAFE_INTEGER, cells: d.cells }))]]));
          const sheets = toGrids(wb, { extra });
          const withErrors = runChain([{ file: 'registre.xlsx', sheets, state: null }], { exercice: N, today: TODAY }).result;
          const plain = runChain([{ file: 'registre.xlsx', sheets: toGrids(wb), state: null }], { exercice: N, today: TODAY }).result;
          // Every row added is in error.
          const added = extras.reduce((n, e) => n + e.length, 0) + doublons.length;
          expect(withErrors.lignes.erreurs).toBe(plain.lignes.erreurs + added);
          expectSameResults(withErrors.indicateurs, plain.indicateurs);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the order of the rows of a sheet changes no indicator', () => {
  test('property', () => {
    fc.assert(
      fc.property(
        workbookArb.chain((wb) => fc.tuple(fc.constant(wb), fc.tuple(...wb.sheets.map((s) => fc.shuffledSubarray([...s.rows.keys()], { minLength: s.rows.length, maxLength: s.rows.length }))))),
        ([wb, orders]) => {
          const out = runWorkbook(wb, { order: (si) => orders[si] });
          expectSameResults(out, runWorkbook(wb));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

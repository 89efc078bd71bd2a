/**
 * Properties of amounts headed in thousands or millions of euros (README « Choix faits » →
 * « Colonnes »; `champs.md`: « montant (euros HT) »): the scale is 1 without a marker, applies
 * only to `montant` fields, and `x` under `(k€)` reads as `x × 1000` under `(€)`, to the cent.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/domain/cell';
import { runChain, type ChainOutput } from '../../src/domain/chain';
import { REGISTER_FIELDS } from '../../src/domain/fields';
import { mapHeaderRow } from '../../src/domain/mapping';
import { amountScale, normalizeHeader } from '../../src/domain/normalize';
import { d, grid } from '../helpers/grid';
import { ALL_FIELDS, PLAIN_UNIT_BRACKETS, SCALED_UNIT_BRACKETS, namesOf, seedArb, styled } from '../helpers/mapping-props';

function run(headers: string[], rows: CellValue[][]): ChainOutput {
  return runChain([{ file: 'Pôle.xlsx', sheets: [grid('Suivi', [headers, ...rows])], state: null }], { today: '2026-01-15' });
}

/** A French-written amount of `units / 10^decimals`: grouped thousands (space, NBSP, narrow NBSP, dot or none), decimal comma. */
function french(units: number, decimals: number, sep: string, trimZeros: boolean): string {
  const p = 10 ** decimals;
  const int = Math.floor(units / p);
  let frac = String(units % p).padStart(decimals, '0');
  if (trimZeros) frac = frac.replace(/0+$/, '');
  const grouped = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return frac === '' ? grouped : `${grouped},${frac}`;
}
const sepArb = fc.constantFrom(' ', '\u00a0', '\u202f', '.', '');

describe('amountScale is 1 without a thousands or millions marker', () => {
  it('for every label and synonym of every kind, in any case, accents, spaces and plain unit bracket', () => {
    const suffixes = ['', ...PLAIN_UNIT_BRACKETS.flatMap((b) => [` ${b}`, b]), ' €', ' EUR', ' en euros', ' HT', ' €HT'];
    fc.assert(
      fc.property(fc.constantFrom(...ALL_FIELDS.flatMap(namesOf)), seedArb, fc.constantFrom(...suffixes), (name, seed, suffix) => {
        const h = styled(name, seed) + suffix;
        expect([h, amountScale(h)]).toEqual([h, 1]);
      }),
      { numRuns: 2000 },
    );
  });

  it('a word merely ending in k or m before the euro sign is no marker (`Benchmark €`, `Forfait minimum EUR`)', () => {
    const word = fc
      .tuple(fc.string({ unit: fc.constantFrom(...'abcdefghijlnoprstuvwyz'.split('')), minLength: 1, maxLength: 8 }), fc.constantFrom('k', 'm', 'K', 'M'))
      .map(([w, end]) => w + end);
    fc.assert(
      fc.property(fc.constantFrom(...ALL_FIELDS.flatMap(namesOf)), seedArb, word, fc.constantFrom(' €', '€', ' EUR', ' euros', ' Euro', ' € HT'), (name, seed, w, euro) => {
        const h = `${styled(name, seed)} ${w}${euro}`;
        expect([h, amountScale(h)]).toEqual([h, 1]);
      }),
      { numRuns: 1000 },
    );
  });

  it('and 1000 or 1 000 000 with one, whatever the name before it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_FIELDS.flatMap(namesOf)), seedArb, fc.constantFrom(...SCALED_UNIT_BRACKETS), (name, seed, b) => {
        const h = `${styled(name, seed)} ${b}`;
        const millions = /^\((m€|millions|meur)/i.test(b);
        expect([h, amountScale(h)]).toEqual([h, millions ? 1_000_000 : 1000]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a bracket read as thousands or millions for the value is a unit for recognising the column (README « Colonnes »)', () => {
  it('whatever its spelling, the header normalises as without it', () => {
    const bracket = fc
      .tuple(
        fc.constantFrom('k', 'K', 'M', 'm', "milliers d'", 'Milliers d’', "millions d'", 'en k', 'en M'),
        fc.constantFrom('', ' '),
        fc.constantFrom('€', 'EUR', 'eur', 'euros', 'Euros', 'euro', 'EUROS'),
        fc.constantFrom('', ' HT'),
        fc.constantFrom('()', '[]'),
      )
      .map(([scale, sp, unit, ht, [open, close]]) => `${open}${scale}${/'|’/.test(scale) ? '' : sp}${unit}${ht}${close}`);
    fc.assert(
      fc.property(fc.constantFrom(...ALL_FIELDS.flatMap(namesOf)), seedArb, bracket, (name, seed, b) => {
        const plain = styled(name, seed);
        const h = `${plain} ${b}`;
        fc.pre(amountScale(h) !== 1);
        expect([h, normalizeHeader(h)]).toEqual([h, normalizeHeader(plain)]);
      }),
      { numRuns: 1500 },
    );
  });
});

/** Non-amount register fields with numbers, headed with a thousands/millions bracket. */
const NUMERIC = [
  { id: 'delaiPaiement', name: 'Délai moyen de paiement' },
  { id: 'heuresInsertionPrevues', name: "Heures d'insertion prévues" },
] as const;
/** Counts: euros are never a count (README « Avenants tenus en colonnes »), so such a header maps to none. */
const COUNTS = ["Nombre d'offres reçues", 'Durée', "Nombre d'avenants", 'Effectif du titulaire'];

describe('the scale never applies to a field that is not a montant', () => {
  it('a count under a (k€)-like bracket is no count: the column is left unmapped', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COUNTS), fc.constantFrom(...SCALED_UNIT_BRACKETS), (name, bracket) => {
        const m = mapHeaderRow(['N° de marché', 'Objet', 'Montant HT (€)', 'Date de notification', `${name} ${bracket}`], REGISTER_FIELDS, 1);
        expect([name, bracket, m.columns.map((c) => c.field)]).toEqual([name, bracket, ['numero', 'objet', 'montant', 'dateNotification']]);
      }),
      { numRuns: 100 },
    );
  });

  it('days and hours under (k€)-like brackets keep their values through the chain', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SCALED_UNIT_BRACKETS), { minLength: NUMERIC.length, maxLength: NUMERIC.length }),
        fc.array(fc.array(fc.nat({ max: 400 }), { minLength: NUMERIC.length, maxLength: NUMERIC.length }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (brackets, values, asText) => {
          const headers = ['N° de marché', 'Objet', 'Montant HT (€)', 'Date de notification', ...NUMERIC.map((n, k) => `${n.name} ${brackets[k]}`)];
          // The columns are recognised (else the property would be empty).
          const mapped = mapHeaderRow(headers, REGISTER_FIELDS, 1).columns.map((c) => c.field);
          expect(mapped).toEqual(['numero', 'objet', 'montant', 'dateNotification', ...NUMERIC.map((n) => n.id)]);
          const rows = values.map((vs, i) => [`M${i}`, 'Voirie', 1000, d('2025-03-01'), ...vs.map((v) => (asText ? String(v) : v))]);
          const out = run(headers, rows);
          expect(out.register.rows).toHaveLength(values.length);
          out.register.rows.forEach((r, i) => {
            const got = NUMERIC.map((n) => (r.values as Record<string, unknown>)[n.id]);
            expect([headers, i, got]).toEqual([headers, i, values[i]]);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('x under « Montant HT (k€) » reads as x × 1000 under « Montant HT (€) », to the cent', () => {
  it('for French-written amounts (grouped thousands, decimal comma, up to 5 decimals) and Excel numbers', () => {
    const amount = fc.record({
      units: fc.integer({ min: 0, max: 10_000_000_000 }), // x = units / 100 000 k€, x × 1000 = units / 100 €
      sep: sepArb,
      trim: fc.boolean(),
      asText: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), fc.constantFrom('(k€)', '(kEUR)', '(KE)', "(milliers d'euros)", '(K €)'), (amounts, unit) => {
        const head = (u: string) => ['N° de marché', 'Objet', `Montant HT ${u}`, 'Date de notification'];
        const kRows = amounts.map((a, i) => [`M${i}`, 'Voirie', a.asText ? french(a.units, 5, a.sep, a.trim) : a.units / 100_000, d('2025-03-01')]);
        const eRows = amounts.map((a, i) => [`M${i}`, 'Voirie', a.asText ? french(a.units, 2, a.sep, a.trim) : a.units / 100, d('2025-03-01')]);
        const k = run(head(unit), kRows).register.rows.map((r) => r.values.montant);
        const e = run(head('(€)'), eRows).register.rows.map((r) => r.values.montant);
        expect(e).toEqual(amounts.map((a) => a.units / 100));
        expect([kRows.map((r) => r[2]), k]).toEqual([kRows.map((r) => r[2]), e]);
      }),
      { numRuns: 60 },
    );
  });

  it('and x under « (M€) » as x × 1 000 000', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 8 }), sepArb, (units, sep) => {
        // x = units / 10^8 M€ = units / 100 €.
        const rows = units.map((u, i) => [`M${i}`, 'Voirie', french(u, 8, sep, true), d('2025-03-01')]);
        const got = run(['N° de marché', 'Objet', 'Montant HT (M€)', 'Date de notification'], rows).register.rows.map((r) => r.values.montant);
        expect([rows.map((r) => r[2]), got]).toEqual([rows.map((r) => r[2]), units.map((u) => u / 100)]);
      }),
      { numRuns: 40 },
    );
  });

  it('a scaled bracket does not change which field the column maps to (the unit counts for the value only)', () => {
    for (const b of SCALED_UNIT_BRACKETS) expect([b, normalizeHeader(`Montant HT ${b}`)]).toEqual([b, 'montant ht']);
  });
});

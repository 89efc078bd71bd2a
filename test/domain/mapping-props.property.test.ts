/**
 * Properties of header mapping (`regles.md` §1, `champs.md` « Header matching », README « Choix
 * faits » → « Colonnes »): TTC never an HT amount, trailing units ignored (thousands and millions
 * of euros included), `Mt`/`Mnt` read as montant, the result independent of column order except
 * for equal-rank ties, and the more canonical name winning a tie whatever the order.
 */
import fc from 'fast-check';
import { REGISTER_FIELDS, type FieldDef } from '../../src/domain/fields';
import { mapHeaderRow, scoreHeader } from '../../src/domain/mapping';
import { normalizeHeader, unitSaysEuros } from '../../src/domain/normalize';
import {
  ALL_FIELDS,
  KINDS,
  UNIT_BRACKETS,
  canonicalRank,
  fieldsOf,
  nameOf,
  namesOf,
  outcomeOf,
  seedArb,
  styled,
} from '../helpers/mapping-props';

const AMOUNT_FIELDS = ALL_FIELDS.filter((f) => f.type === 'montant');
const kindArb = fc.constantFrom(...KINDS);

describe('a header saying TTC never maps to an HT amount (regles.md §1, champs.md)', () => {
  const ttcWord = fc.constantFrom('TTC', 'ttc', 'Ttc', 'T.T.C.', 'TTC.', '(TTC)', '(€ TTC)', '(TTC k€)', '(k€ TTC)', '[TTC]', 'en TTC', '/TTC', '- TTC', 'TTC :');
  const amountName = fc.constantFrom(...AMOUNT_FIELDS.flatMap(namesOf));
  const ttcHeader = fc
    .tuple(amountName, ttcWord, fc.nat(), fc.boolean(), fc.option(fc.constantFrom(...UNIT_BRACKETS), { nil: undefined }), seedArb)
    .map(([name, ttc, at, replaceHT, unit, seed]) => {
      // Only the spellings that normalise to the word `ttc` (`T.T.C.` does since session 38).
      let words = name.split(' ');
      if (replaceHT && words.some((w) => /^ht$/i.test(w))) words = words.map((w) => (/^ht$/i.test(w) ? ttc : w));
      else {
        const k = at % (words.length + 1);
        words = [...words.slice(0, k), ttc, ...words.slice(k)];
      }
      return styled(words.join(' '), seed) + (unit === undefined ? '' : ` ${unit}`);
    })
    .filter((h) => normalizeHeader(h).split(' ').includes('ttc'));

  it('alone, or among other columns of any kind of sheet', () => {
    fc.assert(
      fc.property(ttcHeader, kindArb, fc.array(nameOf(ALL_FIELDS), { maxLength: 5 }), fc.nat(), (h, kind, others, at) => {
        const fields = fieldsOf(kind);
        const row = others.map((o) => o.header);
        const pos = at % (row.length + 1);
        row.splice(pos, 0, h);
        const m = mapHeaderRow(row, fields, 1);
        const field = m.columns.find((c) => c.col === pos + 1)?.field;
        const def = fields.find((f) => f.id === field);
        expect([h, def?.type]).not.toEqual([h, 'montant']);
        for (const a of m.ambiguous.filter((x) => x.col === pos + 1)) {
          expect([h, a.fields.filter((id) => fields.find((f) => f.id === id)?.type === 'montant')]).toEqual([h, []]);
        }
        for (const f of fields) if (f.type === 'montant') expect([h, f.id, scoreHeader(normalizeHeader(h), f)]).toEqual([h, f.id, 0]);
      }),
      { numRuns: 600 },
    );
  });
});

describe('a trailing unit bracket never changes the field (regles.md §1, README « Colonnes »: k€ and M€ too)', () => {
  const unit = fc.option(fc.constantFrom(...UNIT_BRACKETS), { nil: undefined });
  const withUnit = (h: string, u: string | undefined) => (u === undefined ? h : `${h}${u.length % 2 === 0 ? ' ' : ''}${u}`);

  it('the units of the properties: euros in every bracket but « (jours) » and « (mois) »', () => {
    expect(UNIT_BRACKETS.filter((u) => !unitSaysEuros(`Avenant 2 ${u}`))).toEqual(['(jours)', '(mois)']);
  });

  it('adding, removing or changing the bracket of every header of a row leaves every column mapped as it was', () => {
    fc.assert(
      fc.property(kindArb, fc.array(fc.tuple(nameOf(ALL_FIELDS), unit, unit), { minLength: 1, maxLength: 8 }), (kind, cols) => {
        const fields = fieldsOf(kind);
        const plain = cols.map(([n]) => n.header);
        for (const [n, u, v] of cols) expect([withUnit(n.header, u), normalizeHeader(withUnit(n.header, u))]).toEqual([withUnit(n.header, u), normalizeHeader(withUnit(n.header, v))]);
        const mp = mapHeaderRow(plain, fields, 1);
        // Euros are never a count (README « Avenants tenus en colonnes »): a count's column keeps the other units.
        const isCount = (j: number) => outcomeOf(mp, j + 1).replace(/^\?/, '').split('|').some((id) => fields.find((f) => f.id === id)?.type === 'entier');
        const agreeing = (j: number, u: string | undefined) => (u !== undefined && isCount(j) && unitSaysEuros(`x ${u}`) ? undefined : u);
        const a = cols.map(([n, u], j) => withUnit(n.header, agreeing(j, u)));
        const b = cols.map(([n, , u], j) => withUnit(n.header, agreeing(j, u)));
        const ma = mapHeaderRow(a, fields, 1);
        const mb = mapHeaderRow(b, fields, 1);
        const outcomes = (m: typeof mp) => cols.map((_, j) => outcomeOf(m, j + 1));
        expect([a, outcomes(ma)]).toEqual([a, outcomes(mp)]);
        expect([b, outcomes(mb)]).toEqual([b, outcomes(mp)]);
      }),
      { numRuns: 500 },
    );
  });

  it('a count\'s label or synonym with a unit in euros maps to no count (README « Avenants tenus en colonnes »)', () => {
    const counts = ALL_FIELDS.filter((f) => f.type === 'entier');
    fc.assert(
      fc.property(kindArb, nameOf(counts), fc.constantFrom(...UNIT_BRACKETS.filter((u) => unitSaysEuros(`x ${u}`))), (kind, n, u) => {
        const fields = fieldsOf(kind);
        const outcome = outcomeOf(mapHeaderRow([`${n.header} ${u}`], fields, 1), 1);
        const types = outcome.replace(/^\?/, '').split('|').map((id) => fields.find((f) => f.id === id)?.type);
        expect([n.header, u, types]).not.toEqual([n.header, u, expect.arrayContaining(['entier'])]);
      }),
      { numRuns: 300 },
    );
  });

  it('a label or synonym followed by any unit bracket still maps to its field alone in its row (a count: by any unit but euros)', () => {
    fc.assert(
      fc.property(nameOf(REGISTER_FIELDS), fc.constantFrom(...UNIT_BRACKETS), (n, u) => {
        const plain = outcomeOf(mapHeaderRow([n.header], REGISTER_FIELDS, 1), 1);
        const count = REGISTER_FIELDS.find((f) => f.id === plain)?.type === 'entier';
        expect([n.header, u, outcomeOf(mapHeaderRow([`${n.header} ${u}`], REGISTER_FIELDS, 1), 1)]).toEqual([n.header, u, count && unitSaysEuros(u) ? '-' : plain]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('`Mt` and `Mnt` read as montant (README « Colonnes »)', () => {
  const withMontant = ALL_FIELDS.flatMap((f) => namesOf(f).filter((n) => /\bmontant\b/i.test(n)).map((name) => ({ f, name })));
  it('replacing the word montant by Mt or Mnt (any case, a dot or not) changes neither the normalised header nor the mapping', () => {
    fc.assert(
      fc.property(fc.constantFrom(...withMontant), fc.constantFrom('Mt', 'MT', 'mt', 'Mt.', 'Mnt', 'MNT', 'mnt.', 'Mnt'), seedArb, ({ name }, short, seed) => {
        const full = styled(name, seed);
        const abbreviated = styled(name.replace(/\bmontant\b/i, short), seed);
        expect([abbreviated, normalizeHeader(abbreviated)]).toEqual([abbreviated, normalizeHeader(full)]);
        for (const kind of KINDS) {
          expect([abbreviated, kind, outcomeOf(mapHeaderRow([abbreviated], fieldsOf(kind), 1), 1)]).toEqual([
            abbreviated,
            kind,
            outcomeOf(mapHeaderRow([full], fieldsOf(kind), 1), 1),
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Field id → normalised header of the column it maps to. */
function byField(row: readonly string[], fields: readonly FieldDef[]): Map<string, string> {
  const m = mapHeaderRow(row, fields, 1);
  return new Map(m.columns.map((c) => [c.field, normalizeHeader(row[c.col - 1])]));
}

describe('the mapping does not depend on the order of the columns (README « Colonnes »), except equal-rank ties', () => {
  it('after any permutation, each field gets a header that normalises the same, unless two of its candidates tie in score and rank', () => {
    fc.assert(
      fc.property(
        kindArb,
        fc.array(nameOf(ALL_FIELDS), { minLength: 1, maxLength: 9 }),
        fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
        (kind, cols, keys) => {
          const fields = fieldsOf(kind);
          const row = cols.map((c) => c.header);
          const order = row.map((_, j) => j).sort((x, y) => keys[x] - keys[y] || x - y);
          const permuted = order.map((j) => row[j]);
          const before = byField(row, fields);
          const after = byField(permuted, fields);
          // A tie the order may break: two different headers naming the field with the same best score and rank.
          const tiedFor = (f: FieldDef) => {
            const norms = [...new Set(row.map(normalizeHeader))];
            const cands = norms.map((n) => ({ n, s: scoreHeader(n, f), r: canonicalRank(f, n) })).filter((c) => c.s > 0);
            const best = Math.max(...cands.map((c) => c.s));
            const top = cands.filter((c) => c.s >= best - 1e-6);
            const bestRank = Math.min(...top.map((c) => c.r));
            return top.filter((c) => c.r === bestRank).length > 1;
          };
          for (const f of fields) {
            if (before.get(f.id) === after.get(f.id)) continue;
            // Which columns a field can take also depends on the columns taken by others only through their
            // own (order-free) outcome; so a difference must be an equal-rank tie.
            expect([row, permuted, f.id, before.get(f.id), after.get(f.id), tiedFor(f)]).toEqual([
              row,
              permuted,
              f.id,
              before.get(f.id),
              after.get(f.id),
              true,
            ]);
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('between two exact names of one field, the more canonical wins whatever the order and the columns around (label, then champs.md order)', () => {
    const pairs = ALL_FIELDS.flatMap((f) => {
      const names = namesOf(f);
      const out: { f: FieldDef; a: string; b: string }[] = [];
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          if (normalizeHeader(names[i]) !== normalizeHeader(names[j])) out.push({ f, a: names[i], b: names[j] });
        }
      }
      return out;
    });
    fc.assert(
      fc.property(fc.constantFrom(...pairs), seedArb, seedArb, fc.boolean(), fc.array(nameOf(ALL_FIELDS), { maxLength: 3 }), ({ f, a, b }, s1, s2, swap, fillers) => {
        const kind = KINDS.find((k) => fieldsOf(k).includes(f))!;
        const fields = fieldsOf(kind);
        // Only names that map to this field alone (a synonym shared with another field is ambiguous on its own).
        const alone = (h: string) => outcomeOf(mapHeaderRow([h], fields, 1), 1) === f.id;
        fc.pre(alone(a) && alone(b));
        const ha = styled(a, s1);
        const hb = styled(b, s2);
        const others = fillers.map((x) => x.header).filter((h) => scoreHeader(normalizeHeader(h), f) === 0);
        const row = swap ? [...others, hb, ha] : [ha, ...others, hb];
        const got = byField(row, fields).get(f.id);
        // The more canonical name: the label, then the synonyms in champs.md order, compared once
        // normalised (`direction service` is the label `Direction / service`).
        const [na, nb] = [normalizeHeader(a), normalizeHeader(b)];
        const expected = canonicalRank(f, na) <= canonicalRank(f, nb) ? na : nb;
        expect([row, f.id, got]).toEqual([row, f.id, expected]);
      }),
      { numRuns: 600 },
    );
  });
});

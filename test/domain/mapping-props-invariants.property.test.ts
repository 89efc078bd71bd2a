/**
 * Invariants of a sheet's mapping (`champs.md`: « Every column of a buyer's sheet is matched to
 * at most one field below; every field to at most one column »; « The user can always override
 * the mapping by hand »), on random sheets of every kind, with and without the user's overrides.
 */
import fc from 'fast-check';
import { columnLetter, type CellValue } from '../../src/domain/cell';
import { SHEET_KINDS } from '../../src/domain/fields';
import { detectSheet } from '../../src/domain/mapping';
import type { MappingOverride, SheetMapping } from '../../src/domain/model';
import { grid } from '../helpers/grid';
import { ALL_FIELDS, KINDS, UNIT_BRACKETS, fieldsOf, nameOf } from '../helpers/mapping-props';

/** Headers that are no field's name: ambiguous ones, TTC amounts, noise. */
const ODD = ['Critère social / env.', 'Clause sociale et environnementale', 'CRITERE_SOCIAL_ENV', 'Montant TTC', 'Mt TTC (k€)', 'Observations diverses', 'Colonne 12', 'Ville', 'ESS', 'Total', ''];

const headerArb = fc.oneof(
  { weight: 5, arbitrary: nameOf(ALL_FIELDS).map((n) => n.header) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.tuple(nameOf(ALL_FIELDS), fc.constantFrom(...UNIT_BRACKETS)).map(([n, u]) => `${n.header} ${u}`) },
);

/** A header row whose names lean on one kind of sheet, so that every kind gets recognised. */
const sheetArb = fc.constantFrom(...KINDS).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    headers: fc
      .tuple(
        fc.boolean(),
        fc.array(fc.oneof({ weight: 3, arbitrary: nameOf(fieldsOf(kind)).map((n) => n.header) }, { weight: 2, arbitrary: headerArb }), { minLength: 3, maxLength: 10 }),
        fc.nat(),
      )
      .map(([withRequired, hs, at]) => {
        // Half the rows carry the kind's required fields (by label), somewhere among the others.
        if (!withRequired) return hs;
        const k = at % (hs.length + 1);
        return [...hs.slice(0, k), ...fieldsOf(kind).filter((f) => f.required || (kind === 'registre' && ['numero', 'objet', 'montant', 'dateNotification'].includes(f.id))).map((f) => f.label), ...hs.slice(k)];
      }),
    title: fc.boolean(),
    firstCol: fc.integer({ min: 1, max: 3 }),
  }),
);

const overrideArb = (headers: readonly string[], firstCol: number): fc.Arbitrary<MappingOverride | undefined> =>
  fc.option(
    fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(...headers.filter((h) => h !== ''), 'inconnue'),
            fc.integer({ min: 0, max: headers.length + 1 }).map((j) => columnLetter(firstCol + j - 1 < 1 ? 1 : firstCol + j - 1)),
          ),
          fc.oneof(fc.constantFrom(...ALL_FIELDS.map((f) => f.id)), fc.constant('pasUnChamp'), fc.constant(null)),
        ),
        { maxLength: 5 },
      )
      .map((entries) => ({ sheet: 'Feuille', columns: Object.fromEntries(entries) as Record<string, string | null> })),
    { nil: undefined },
  );

function checkInvariants(m: SheetMapping): void {
  const kindFields = new Set(fieldsOf(m.kind).map((f) => f.id));
  const cols = m.columns.map((c) => c.col);
  const fields = m.columns.map((c) => c.field);
  // A header is never mapped to two fields, a field never to two columns.
  expect(new Set(cols).size).toBe(cols.length);
  expect(new Set(fields).size).toBe(fields.length);
  // Every mapped column's field is one of its sheet kind's fields.
  for (const f of fields) expect([m.kind, f, kindFields.has(f)]).toEqual([m.kind, f, true]);
  // A mapped column is neither ambiguous nor unmapped; ambiguous ones name two fields or more of the kind.
  const mapped = new Set(cols);
  for (const a of m.ambiguous) {
    expect([a.header, mapped.has(a.col)]).toEqual([a.header, false]);
    expect(a.fields.length).toBeGreaterThanOrEqual(2);
    for (const f of a.fields) expect([m.kind, f, kindFields.has(f)]).toEqual([m.kind, f, true]);
  }
  for (const u of m.unmapped) expect([u.header, mapped.has(u.col)]).toEqual([u.header, false]);
}

describe('a sheet mapping maps each column to at most one field of its kind, and each field to at most one column', () => {
  it('for random header rows of every kind, with or without overrides (by header or column letter, to any field id or none)', () => {
    let recognised = 0;
    const kindsSeen = new Set<string>();
    fc.assert(
      fc.property(
        sheetArb.chain((s) => fc.tuple(fc.constant(s), overrideArb(s.headers, s.firstCol))),
        ([s, override]) => {
          const lead: CellValue[] = Array.from({ length: s.firstCol - 1 }, () => null);
          const rows: CellValue[][] = [];
          if (s.title) rows.push([...lead, 'Suivi des marchés 2025']);
          rows.push([...lead, ...s.headers.map((h) => (h === '' ? null : h))]);
          rows.push([...lead, ...s.headers.map(() => 'x')]);
          const out = detectSheet('Pôle.xlsx', grid('Feuille', rows), override === undefined ? undefined : [override]);
          for (const m of out) {
            recognised++;
            kindsSeen.add(m.kind);
            expect(Object.keys(SHEET_KINDS)).toContain(m.kind);
            checkInvariants(m);
          }
        },
      ),
      { numRuns: 1500 },
    );
    // Not vacuous: most sheets are recognised, and every kind is.
    expect(recognised).toBeGreaterThan(500);
    expect([...kindsSeen].sort()).toEqual([...KINDS].sort());
  });
});

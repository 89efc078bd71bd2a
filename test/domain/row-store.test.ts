import fc from 'fast-check';
import { REGISTER_FIELDS, type RegisterFieldId, type RegisterValues } from '../../src/domain/fields';
import { canonicalStore, fieldPosition } from '../../src/domain/indicators/row-view';
import { spendUsed } from '../../src/domain/indicators/engine';
import { assembleResult, runChain } from '../../src/domain/chain';
import { buildPlan } from '../../src/domain/plan';
import type { Register, RegisterRow } from '../../src/domain/model';
import { buildRegister } from '../../src/domain/register';
import { RowStore } from '../../src/domain/row-store';
import { d, grid } from '../helpers/grid';

/** A value of the field's kind: numbers for number fields, else text or yes/no. */
function valueOf(id: RegisterFieldId): fc.Arbitrary<unknown> {
  const type = REGISTER_FIELDS.find((f) => f.id === id)?.type;
  if (type === 'entier' || type === 'nombre' || type === 'montant') return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1e15));
  if (type === 'booleen') return fc.boolean();
  return fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', '2025-03-01', 'Non'));
}

const someValues: fc.Arbitrary<RegisterValues> = fc
  .subarray(REGISTER_FIELDS.map((f) => f.id))
  .chain((ids) => fc.record(Object.fromEntries(ids.map((id) => [id, valueOf(id)])) as Record<string, fc.Arbitrary<unknown>>))
  .map((v) => v as RegisterValues);

describe('RowStore', () => {
  it('gives back every row appended, in the engine shape, with its filled masks, across growths', () => {
    fc.assert(
      fc.property(fc.array(fc.array(someValues, { maxLength: 40 }), { maxLength: 5 }), (batches) => {
        const store = new RowStore();
        for (const batch of batches) store.appendValues(batch);
        const all = batches.flat();
        expect(store.size).toBe(all.length);
        all.forEach((v, i) => {
          // Every field, in REGISTER_FIELDS order, undefined when not given (toEqual ignores undefined keys: the keys are compared too).
          const expected = Object.fromEntries(REGISTER_FIELDS.map((f) => [f.id, v[f.id]]));
          expect(store.valuesAt(i)).toEqual(expected);
          expect(Object.keys(store.valuesAt(i))).toEqual(REGISTER_FIELDS.map((f) => f.id));
          // Bit k of the masks (k < 32 in lo, else hi) says whether field k is filled.
          REGISTER_FIELDS.forEach((f, k) => {
            const bits = k < 32 ? store.lo[i] : store.hi[i];
            expect(((bits >>> (k % 32)) & 1) === 1).toBe(v[f.id] !== undefined);
          });
        });
      }),
    );
  });

  it('keeps earlier rows when it grows, for columns old and new', () => {
    const store = new RowStore();
    store.appendValues(Array.from({ length: 50 }, (_, i) => ({ montant: i, objet: `o${i}` })));
    store.appendValues(Array.from({ length: 100 }, (_, i) => ({ montant: 50 + i, programme: i % 2 === 0 })));
    store.appendValues(Array.from({ length: 300 }, (_, i) => ({ montant: 150 + i, objet: `p${i}` })));
    expect(store.size).toBe(450);
    for (let i = 0; i < 450; i++) expect(store.valueAt(fieldPosition('montant'), i)).toBe(i);
    expect(store.valuesAt(3)).toMatchObject({ objet: 'o3', programme: undefined });
    expect(store.valuesAt(52)).toMatchObject({ objet: undefined, programme: true });
    expect(store.valuesAt(449)).toMatchObject({ objet: 'p299', programme: undefined });
  });

  it('keeps -0 and 0 apart from empty, and reads a field never stored as empty', () => {
    const store = new RowStore();
    store.appendValues([{ montant: 0 }, { montant: -0 }, {}]);
    expect(store.valueAt(fieldPosition('montant'), 0)).toBe(0);
    expect(Object.is(store.valueAt(fieldPosition('montant'), 1), -0)).toBe(true);
    expect(store.valueAt(fieldPosition('montant'), 2)).toBeUndefined();
    expect(store.valueAt(fieldPosition('objet'), 0)).toBeUndefined();
    expect(store.numberColumn(fieldPosition('nbAvenants'))[1]).toBeNaN();
  });
});

const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification', 'Montant mandaté HT', 'Programme'];

function read(rows: (string | number | null | ReturnType<typeof d>)[][]): Register {
  return buildRegister([{ file: 'pole.xlsx', sheets: [grid('Registre', [HEAD, ...rows])], state: null }], { today: '2026-01-15' });
}

describe("rows read from a sheet keep their values in the register's store", () => {
  const reg = read([
    ['M-1', 'Papier', 100, d('2025-03-01'), 40, 'oui'],
    ['M-2', 'Nettoyage', 200, d('2025-04-01'), null, 'non'],
    ['M-1', 'Papier bis', 300, d('2025-05-01'), null, null],
  ]);

  it('build the values of their own cells, once', () => {
    const [a, b, dup] = reg.rows;
    expect(a.values).toMatchObject({ numero: 'M-1', objet: 'Papier', montant: 100, dateNotification: '2025-03-01', montantMandate: 40, programme: true });
    expect(b.values).toMatchObject({ numero: 'M-2', montant: 200, programme: false });
    expect(b.values.montantMandate).toBeUndefined();
    // The doublon keeps its own values, not the first row's.
    expect(dup.values).toMatchObject({ numero: 'M-1', objet: 'Papier bis', montant: 300 });
    expect(dup.findings.map((f) => f.code)).toContain('doublon');
    expect(a.values).toBe(a.values);
    expect(Object.keys(a.values)).toEqual(REGISTER_FIELDS.map((f) => f.id));
  });

  it('copy, compare and print as plain data: no store among their properties', () => {
    const row = reg.rows[1];
    expect(Object.keys(row)).not.toContain('store');
    expect(JSON.stringify(row).length).toBeLessThan(2000);
    const plain: RegisterRow = { ...row, values: { ...row.values } };
    expect(plain).toEqual({ ...row, values: row.values });
    expect(plain.values.objet).toBe('Nettoyage');
  });

  it('spendUsed reads the column as it reads hand-made rows', () => {
    expect(canonicalStore(reg.rows)).toBeDefined();
    const byHand = (r: Register): Register => ({ ...r, rows: r.rows.map((x) => ({ ...x, values: { ...x.values } })) });
    expect(spendUsed(reg, 2025)).toBe('montantMandate');
    expect(spendUsed(byHand(reg), 2025)).toBe('montantMandate');
    // Only the doublon (an error row) and another year have a mandated amount: montant then.
    const other = read([
      ['M-1', 'Papier', 100, d('2025-03-01'), null, null],
      ['M-1', 'Papier', 100, d('2025-04-01'), 50, null],
      ['M-3', 'Voirie', 100, d('2024-04-01'), 50, null],
    ]);
    expect(other.rows[1].hasError).toBe(true);
    expect(spendUsed(other, 2025)).toBe('montant');
    expect(spendUsed(byHand(other), 2025)).toBe('montant');
    // Only a later row has it: the column is read at each row's own position.
    const later = read([
      ['M-1', 'Papier', 100, d('2025-03-01'), null, null],
      ['M-2', 'Voirie', 100, d('2025-04-01'), null, null],
      ['M-3', 'Eclairage', 100, d('2025-05-01'), 12, null],
    ]);
    expect(spendUsed(later, 2025)).toBe('montantMandate');
    expect(spendUsed(byHand(later), 2025)).toBe('montantMandate');
  });

  it("assembleResult names each suggestion's contract from the column", () => {
    const tagged = read([
      ['M-8', 'Papier', 100, d('2025-03-01'), null, null],
      ['M-7', 'Marché réservé aux ESAT', 100, d('2025-03-01'), null, null],
      ['M-9', 'Voirie', 100, d('2025-03-01'), null, null],
      ['M-6', 'Chantier en économie circulaire', 100, d('2025-03-01'), null, null],
    ]);
    const result = assembleResult(tagged, 2025, []);
    expect(result.suggestions.map((s) => s.numero)).toEqual(['M-7', 'M-6']);
  });

  it('the Registre sheet planned from the columns equals the one planned from the rows\' values', () => {
    const out = runChain([{ file: 'pole.xlsx', sheets: [grid('Registre', [HEAD, ['M-1', 'Papier', 100.5, d('2025-03-01'), 40, 'oui'], ['M-2', 'Voirie', 'douze', d('2025-04-01'), null, 'non']])], state: null }], {
      today: '2026-01-15',
    });
    const hand: Register = { ...out.register, rows: out.register.rows.map((x) => ({ ...x, values: { ...x.values } })) };
    const input = { result: out.result, state: out.state, workbookName: 'pole.xlsx', sourceSheetsInWorkbook: new Set(['Registre']) };
    const fromColumns = buildPlan({ ...input, register: out.register }).sheets[0];
    const fromValues = buildPlan({ ...input, register: hand }).sheets[0];
    expect(fromColumns).toEqual(fromValues);
    // The comparison means something: values, a yes/no, a date and an unreadable amount shown as typed.
    const cells = JSON.stringify(fromColumns.blocks);
    for (const shown of ['"M-1"', '100.5', '"oui"', '{"date":"2025-03-01"}', '"douze"']) expect(cells).toContain(shown);
  });
});

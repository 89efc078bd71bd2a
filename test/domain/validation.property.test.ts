import fc from 'fast-check';
import type { CellValue } from '../../src/domain/cell';
import { buildRegister } from '../../src/domain/register';
import { rowRules, rowSchema } from '../../src/domain/validation';
import { grid } from '../helpers/grid';

const HEAD = [
  'N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification', 'Dépenses mandatées HT (€)',
  "Nombre d'avenants", 'Dont avenants de prolongation', 'SIRET', 'Code CPV', 'Code postal', 'Pays', 'Négociation menée',
  'Gain de négociation HT (€)', 'Clause sociale', "Heures d'insertion réalisées", 'Délai de paiement', 'Marché réservé', 'Procédure',
];

/** Any cell a workbook can hold, biased towards the texts buyers type. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('oui', 'non', 'x', '-', '12 500,00 €', '1.234,56', '31/02/2025', '05/03/2025', 'MAPA', 'SIAE', '59100', 'Total :', '=1+1'),
  fc.double({ noNaN: false }),
  fc.integer({ min: -100, max: 100_000 }),
  fc.boolean(),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((dt) => ({ date: dt.toISOString().slice(0, 10) })),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!', '#VALUE!').map((error) => ({ error })),
);

describe('validation on any cells (property)', () => {
  test('never throws; a row is in error exactly when it has an error finding; messages name the row', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: HEAD.length, maxLength: HEAD.length }), { maxLength: 12 }), (rows) => {
        const reg = buildRegister([{ file: 'p.xlsx', sheets: [grid('S', [HEAD, ...rows])], state: null }], { today: '2026-01-15' });
        for (const r of reg.rows) {
          expect(r.hasError).toBe(r.findings.some((f) => f.gravite === 'erreur'));
          for (const f of r.findings) expect(f.message.startsWith(`Ligne ${r.source.row}`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('compiled row schema (property)', () => {
  const compiled = rowSchema('2026-01-15');
  const plain = rowRules('2026-01-15');
  const text = fc.oneof(fc.string({ maxLength: 16 }), fc.constantFrom('', '  ', '2024-03-05', '1999-12-31', '2027-12-31', '2028-01-01', '12345678', '12345678-9', '59100', '73282932000074', '732 829 320 00074', 'France', 'Belgique'));
  const num = fc.oneof(fc.double(), fc.integer({ min: -10, max: 100 }), fc.constantFrom(0, -0, 30, 31));
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const values = fc.record({
    numero: maybe(fc.oneof(text, num)),
    objet: maybe(text),
    montant: maybe(fc.oneof(num, fc.constant({ illisible: '12 €' }))),
    dateNotification: maybe(fc.oneof(text, fc.constant({ illisible: '31/02' }))),
    montantMandate: maybe(num),
    nbAvenants: maybe(num),
    nbAvenantsProlongation: maybe(num),
    siret: maybe(text),
    codeCPV: maybe(text),
    montantReemploi: maybe(num),
    montantReutilisation: maybe(num),
    montantRecycle: maybe(num),
    delaiPaiement: maybe(num),
    codePostalTitulaire: maybe(text),
    paysTitulaire: maybe(text),
  });
  const outcome = (r: { success: boolean; error?: { issues: readonly unknown[] } }) =>
    r.success ? 'ok' : (r.error?.issues ?? []).map((i) => JSON.stringify([(i as { path: unknown }).path, (i as { message: string }).message, (i as { params?: unknown }).params]));

  test('judges every row as the plain zod schema does: same issues, same order', () => {
    fc.assert(
      fc.property(values, (v) => {
        expect(outcome(compiled.required.safeParse(v))).toEqual(outcome(plain.required.safeParse(v)));
        expect(outcome(compiled.coherence.safeParse(v))).toEqual(outcome(plain.coherence.safeParse(v)));
      }),
      { numRuns: 3000 },
    );
  });
});

import fc from 'fast-check';
import type { CellValue } from '../../src/domain/cell';
import { buildRegister } from '../../src/domain/register';
import type { RegisterFieldId, RegisterValues } from '../../src/domain/fields';
import type { FindingCode } from '../../src/domain/model';
import { isValidSiret } from '../../src/domain/suppliers';
import { frenchMessage, judgeRow, rowRules, rowSchema } from '../../src/domain/validation';
import { zoneOf } from '../../src/domain/zones';
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

  test('validate of the compiled rules says pass exactly when a safeParse of the plain rules succeeds', () => {
    fc.assert(
      fc.property(values, (v) => {
        expect(compiled.required.validate(v)).toBe(plain.required.safeParse(v).success);
        expect(compiled.coherence.validate(v)).toBe(plain.coherence.safeParse(v).success);
      }),
      { numRuns: 3000 },
    );
  });

  test('judgeRow gives the findings of a safeParse of the plain rules, in their order', () => {
    const source = { file: 'p.xlsx', sheet: 'S', row: 7 };
    const displayOf = (f: RegisterFieldId) => `<${f}>`;
    fc.assert(
      fc.property(values, (v) => {
        const expected: { code: FindingCode; message: string }[] = [];
        for (const parsed of [plain.required.safeParse(v), plain.coherence.safeParse(v)]) {
          for (const issue of parsed.error?.issues ?? []) {
            const params = (issue as { params?: { code: FindingCode; field: RegisterFieldId | null; detail?: string } }).params;
            const code = params ? params.code : (issue.message as FindingCode);
            const field = params ? params.field : (issue.path[0] as RegisterFieldId);
            const detail = params?.detail;
            expected.push({ code, message: frenchMessage(code, source, null, field ? displayOf(field) : (detail ?? null), detail) });
          }
        }
        const row = { source, values: v as RegisterValues, mapped: new Set<RegisterFieldId>(), invalid: {}, columns: {}, pendingSuggestions: [] };
        expect(judgeRow(row, compiled, displayOf).map((f) => ({ code: f.code, message: f.message }))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

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

describe('format rules of the coherence check (property)', () => {
  const schema = rowSchema('2026-01-15');
  // Near misses of the usual cells: spaces around or inside, other digits, a dash out of place.
  const unit = fc.constantFrom('0', '1', '3', '5', '7', '9', '-', ' ', '\u00a0', '\u202f', '\t', '١', '٣', 'a');
  const digitsText = fc.oneof(
    fc.string({ unit, maxLength: 16 }),
    fc.stringMatching(/^\s?\d{5}\s?$/),
    fc.stringMatching(/^\s?\d{8}(-\d)?\s?$/),
    fc.stringMatching(/^\d{3} ?\d{3} ?\d{3} ?\d{5}$/),
    fc.tuple(fc.stringMatching(/^\d{8}$/), unit, unit).map(([d, a, b]) => d + a + b),
    fc.constantFrom('73282932000074', '35600000000048', ' 12345678-9', '12345678-90', '1234567-89'),
  );
  const codes = (v: Partial<RegisterValues>) => {
    const r = schema.rules.coherence.safeParse(v);
    return (r.error?.issues ?? []).map((i) => (i as { params?: { code: string } }).params?.code);
  };

  test('cpv-invalide, code-postal-invalide and siret-invalide follow the spec on any text', () => {
    fc.assert(
      fc.property(digitsText, digitsText, digitsText, (codeCPV, codePostalTitulaire, siret) => {
        const found = codes({ codeCPV, codePostalTitulaire, siret });
        const digits = siret.replace(/[\s\u00a0\u202f]/g, '');
        expect(found.includes('siret-invalide')).toBe(!(/^\d{14}$/.test(digits) && isValidSiret(digits)));
        expect(found.includes('cpv-invalide')).toBe(!/^\d{8}(-\d)?$/.test(codeCPV.trim()));
        // Spaces ignored, as for the supplier's zone (`59 170` is 59170).
        expect(found.includes('code-postal-invalide')).toBe(!/^\d{5}$/.test(codePostalTitulaire.replace(/\s+/g, '')));
        expect(schema.coherence.validate({ codeCPV, codePostalTitulaire, siret })).toBe(found.length === 0);
      }),
      { numRuns: 5000 },
    );
  });

  test('a postal code abroad is not checked; in France or without a country it is', () => {
    expect(codes({ codePostalTitulaire: 'B-7500', paysTitulaire: 'Belgique' })).toEqual([]);
    expect(codes({ codePostalTitulaire: 'B-7500', paysTitulaire: 'France' })).toEqual(['code-postal-invalide']);
    expect(codes({ codePostalTitulaire: ' 59100 ', paysTitulaire: 'FR' })).toEqual([]);
  });

  test('a postal code typed with a space (`59 170`) has its 5 digits: no warning, and the zone reads the same code', () => {
    for (const cp of ['59 170', '59\u00a0170', '59\u202f170']) {
      expect(codes({ codePostalTitulaire: cp })).toEqual([]);
      expect(zoneOf({ codePostalTitulaire: cp } as RegisterValues)).toBe('MEL (hors Roubaix)');
    }
    expect(codes({ codePostalTitulaire: '59 17' })).toEqual(['code-postal-invalide']);
    expect(zoneOf({ codePostalTitulaire: '59 17' } as RegisterValues)).toBe('Inconnue');
  });
});

describe('required text (property)', () => {
  const schema = rowSchema('2026-01-15');
  test('numero-manquant exactly when the text is blank once trimmed', () => {
    const unit = fc.constantFrom(' ', '\t', '\u00a0', '\u202f', '\ufeff', '\u2028', 'a', 'é', '1', '~', '\u007f');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 4 }), (numero) => {
        const v = { numero, objet: 'o', montant: 1, dateNotification: '2025-01-01' };
        expect(schema.required.validate(v)).toBe(numero.trim().length > 0);
        expect(schema.rules.required.safeParse(v).success).toBe(numero.trim().length > 0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rowSchema', () => {
  const row = { numero: 'M-1', objet: 'Objet', montant: 10, dateNotification: '2028-06-01' };

  it('is built once per day of run, and follows the day', () => {
    expect(rowSchema('2026-01-15')).toBe(rowSchema('2026-01-15'));
    expect(rowSchema('2026-01-15').required.safeParse(row).success).toBe(false); // after 31/12/2027
    expect(rowSchema('2027-06-01').required.safeParse(row).success).toBe(true); // up to 31/12/2028
    expect(rowSchema('2026-01-15').required.safeParse(row).success).toBe(false);
  });
});

/**
 * Robustness of the whole chain on hostile but plausible workbooks
 * (generators in `test/helpers/fuzz-workbook.ts`): never a crash but
 * `NoRegisterError`, a result that follows `sortie.md`, a plan of plain values.
 */
import fc from 'fast-check';
import { isCalendarDate } from '../../src/domain/cell';
import { isEmptyInput, NoRegisterError, runChain, type ChainOutput } from '../../src/domain/chain';
import { CATALOGUE } from '../../src/domain/indicators/catalogue';
import { isSpaserSheet, type PlanValue, type WritePlan } from '../../src/domain/plan-types';
import { chainInputs, fuzzRun, surelyHasRegister, type FuzzRun } from '../helpers/fuzz-workbook';

const STATUTS = ['calculé', 'saisi', 'non calculable'];
const UNITES = ['%', '€', 'nombre', 'jours'];

/** Every number anywhere in `v` (arrays and plain objects), with its path. */
function numbersIn(v: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersIn(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbersIn(x, `${path}.${k}`, out);
  return out;
}

/** Runs the chain; null when it threw `NoRegisterError` legitimately (fails the property otherwise). */
function run(r: FuzzRun): ChainOutput | null {
  try {
    return runChain(chainInputs(r), r.options);
  } catch (e) {
    if (!(e instanceof NoRegisterError)) throw e;
    expect(surelyHasRegister(r)).toBe(false);
    // Empty inputs are called empty (README), others « no register recognised ».
    const inputs = chainInputs(r);
    expect(e.empty).toBe(inputs.every(isEmptyInput));
    expect(e.message).toMatch(e.empty ? /^(Le classeur «\s.*\s» est vide|Ces classeurs sont vides)\s/ : /^Aucun registre reconnu/);
    return null;
  }
}

function checkResult(out: ChainOutput): void {
  const res = out.result;
  expect(res.indicateurs.map((i) => i.id)).toEqual(CATALOGUE.map((c) => c.id));
  for (const ind of res.indicateurs) {
    expect(STATUTS).toContain(ind.statut);
    expect(UNITES).toContain(ind.unite);
    if (ind.statut === 'non calculable') {
      expect(ind.valeur).toBeNull();
      expect(typeof ind.motif).toBe('string');
      expect(ind.motif!.trim()).not.toBe('');
    }
    expect(ind.couverture.renseignees).toBeLessThanOrEqual(ind.couverture.total);
    expect(ind.couverture.renseignees).toBeGreaterThanOrEqual(0);
  }
  for (const [path, n] of numbersIn(JSON.parse(JSON.stringify(res, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `NON FINI ${v}` : v))))) {
    expect([path, Number.isFinite(n)]).toEqual([path, true]);
  }
  for (const [path, n] of numbersIn(res)) expect([path, Number.isFinite(n)]).toEqual([path, true]);
  const l = res.lignes;
  expect(l.erreurs).toBeLessThanOrEqual(l.lues);
  expect(l.exercice).toBeLessThanOrEqual(l.lues);
  expect(l.exercice + l.erreurs).toBeLessThanOrEqual(l.lues);
  expect(l.avertissements).toBeLessThanOrEqual(l.exercice);
  for (const c of res.controles) {
    expect(['erreur', 'avertissement']).toContain(c.gravite);
    expect(c.message.trim()).not.toBe('');
    expect(Number.isInteger(c.ligne)).toBe(true);
  }
  for (const n of out.notices) expect(n.trim()).not.toBe('');
}

function isPlanValue(v: unknown): v is PlanValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return isCalendarDate(v) && Object.keys(v).length === 1 && /^\d{4}-\d{2}-\d{2}$/.test(v.date);
}

function checkPlan(plan: WritePlan): void {
  const names = plan.sheets.map((s) => s.name.toLowerCase());
  expect(new Set(names).size).toBe(names.length);
  for (const sheet of plan.sheets) {
    expect(isSpaserSheet(sheet.name)).toBe(true);
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    for (const block of sheet.blocks) {
      expect(block.row).toBeGreaterThanOrEqual(1);
      expect(block.col).toBeGreaterThanOrEqual(1);
      for (const line of block.values) {
        for (const v of line) {
          // Values only: a formula would be an object; text copied from a cell stays a string.
          if (!isPlanValue(v)) throw new Error(`valeur planifiée qui n'est pas une valeur simple : ${JSON.stringify(v)}`);
        }
      }
    }
    for (const link of sheet.links) expect(link.address).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
    for (const t of sheet.tables) {
      expect(t.rowCount).toBeGreaterThanOrEqual(1);
      expect(t.colCount).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('the whole chain on hostile workbooks (property)', () => {
  test('never throws but NoRegisterError; the result follows sortie.md; the plan holds plain values', () => {
    fc.assert(
      fc.property(fuzzRun(3), (r) => {
        const out = run(r);
        if (out === null) return;
        checkResult(out);
        checkPlan(out.plan);
      }),
      { numRuns: 150 },
    );
  });

  test('a clean register under hostile data is always found', () => {
    fc.assert(
      fc.property(
        fuzzRun(2).filter((r) => surelyHasRegister(r)),
        (r) => {
          const out = runChain(chainInputs(r), r.options);
          expect(out.register.mappings.some((m) => m.kind === 'registre')).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

/**
 * Acceptance « avenants » — amendments kept as columns beside their contract, and once as a row of
 * their own (see ./blind-avenants-workbooks.ts). Expectations computed by hand from `/work/shared/spec/`
 * and the README's choices; NOT blind to the code: written after reading `src/domain/mapping.ts`
 * (session 39, while fixing what the first probe of these headers showed). Run through the command line.
 *
 * Columns (champs.md, README « Colonnes », « Avenants tenus en colonnes »): « Montant initial HT » is
 * the notified amount; « Avenants (montant HT) », « Date du dernier avenant » and « Montant après
 * avenants HT » name no field (an amount and a date are no count); « Avenants (nombre) » is nbAvenants,
 * « Dont prolongation » nbAvenantsProlongation. No horsMarche, procedure, Pôle, commune, size column.
 *
 * Rows read: 3–11 = 9 (row 12 « Total », no numero: a totals row). Readable dates: 8 of 2025, 1 of 2024
 * → N = 2025. Errors: r4 numero-manquant (the amendment typed as a row under its contract: regles.md §3,
 * numero empty); r10 prolongations-incoherentes (2 > 1) → lignes.erreurs = 2. No warning.
 *
 * R = M (no hors-marché column) = r3, r5, r6, r7, r8, r9 (6 rows); dep = mandaté, else montant:
 *   row  numero     mt       dep     nbAv prol  récurrent CS  CE  zone (CP)
 *   r3   RES-25-01  48 000   51 200  2    1     oui       non oui Roubaix (59100)
 *   r5   RES-25-02  120 000  98 000  1    1     oui       oui non MEL (59200 Tourcoing)
 *   r6   RES-25-03  35 000   35 000  0    0     non       non oui MEL (59130 Lambersart)
 *   r7   RES-25-04  60 000   30 000  1    0     oui       non non MEL (59000 Lille)
 *   r8   RES-25-05  25 000   25 000  0    —     non       oui non HdF (62200)
 *   r9   RES-25-06  44 000   40 000  3    2     oui       non non Roubaix (59100)
 * Σ_R dep = 279 200. N−1 = {r11}: dep 20 000, nbAv 1, prol 1, récurrent, CS, CE, Roubaix.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run';
import { capture } from '../cli/helpers';
import { SPEC_IDS, checkIndicator, type StatusExpectation } from './helpers';
import { FILE_AVENANTS, SHEET_AVENANTS, buildAvenantsWorkbook } from './blind-avenants-workbooks';
import type { SpaserResult } from '../../src/domain/model';

const SUM_DEP = 279200;
const pct = (a: number, b: number): number => (a / b) * 100;

const CALCULATED: Record<string, StatusExpectation> = {
  // AR: r3 (CE), r5 (CS), r6 (CE), r8 (CS) = 4. N−1: r11.
  '1.1.2-marches-ar': { s: 'calculé', v: 4, n1: 1 },
  // nbAvenants of those: 2 + 1 + 0 + 0 = 3 (never the amounts 6 500 or 12 000,50). N−1: 1.
  '1.1.2-avenants-ar': { s: 'calculé', v: 3, n1: 1 },
  // 51200 + 98000 + 35000 + 25000. N−1: 20000.
  '1.1.2-montant-ar': { s: 'calculé', v: 209200, n1: 20000 },
  // récurrents r3, r5, r7, r9: 1 + 1 + 0 + 2 = 4. N−1: 1.
  '2.1.1-prolongations-recurrents': { s: 'calculé', v: 4, n1: 1 },
  // env r3, r6 of 6 (clause env. only: no critère column). N−1: 100.
  '3.1.1-consideration-env': { s: 'calculé', v: pct(2, 6), n1: 100 },
  '3.1.1-clauses-env': { s: 'calculé', v: pct(2, 6), n1: 100 },
  // sociale r5, r8 of 6.
  '4.1.2-consideration-sociale': { s: 'calculé', v: pct(2, 6), n1: 100 },
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 2, n1: 1 },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: pct(2, 6), n1: 100 },
  // 6 suppliers (every titulaire differs); zones by postal code alone.
  //   Roubaix r3, r9: 2, dep 51200 + 40000 = 91200
  //   MEL r5, r6, r7: 3, dep 98000 + 35000 + 30000 = 163000
  //   Hauts-de-France r8: 1, dep 25000
  '5.1.1-fournisseurs-zone': {
    s: 'calculé',
    v: null,
    n1: 'skip',
    rep: {
      Roubaix: { fournisseurs: pct(2, 6), depense: pct(91200, SUM_DEP) },
      'MEL (hors Roubaix)': { fournisseurs: pct(3, 6), depense: pct(163000, SUM_DEP) },
      'Hauts-de-France (hors MEL)': { fournisseurs: pct(1, 6), depense: pct(25000, SUM_DEP) },
    },
  },
  // 91200 / 2. N−1: 20000 / 1.
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: 45600, n1: 20000 },
};

const NOT_CALCULABLE = SPEC_IDS.filter((id) => !(id in CALCULATED) && id !== '1.1.2-dataviz');

let dir: string;
let code: number;
let result: SpaserResult;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-avenants-'));
  fs.writeFileSync(path.join(dir, FILE_AVENANTS), await buildAvenantsWorkbook());
  const c = capture(dir);
  code = await runCli(['calculer', FILE_AVENANTS, '--json', '--sortie', 'out.xlsx'], c.io);
  result = JSON.parse(c.stdout()) as SpaserResult;
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const indicator = (id: string) => result.indicateurs.find((i) => i.id === id)!;

describe('acceptance « avenants »: amendments kept as columns beside their contract', () => {
  it('exercice 2025, mandated spend, 9 rows read, 6 of N, 2 in error, none with a warning', () => {
    expect(code).toBe(0);
    expect(result.exercice).toBe(2025);
    expect(result.depense).toBe('montantMandate');
    expect(result.lignes).toEqual({ lues: 9, exercice: 6, erreurs: 2, avertissements: 0 });
    expect(result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
  });

  it('the controls: the amendment row without a numero and the extensions over the amendments, nothing on the amounts', () => {
    const found = result.controles.map((c) => `${c.ligne} ${c.gravite} ${c.code} ${c.colonne ?? ''}`.trim()).sort();
    expect(found).toEqual(['10 erreur prolongations-incoherentes Dont prolongation', '4 erreur numero-manquant N° de contrat']);
    for (const c of result.controles) expect(c.feuille).toBe(SHEET_AVENANTS);
    expect(result.suggestions).toEqual([]);
  });

  it.each(Object.entries(CALCULATED))('%s as computed by hand', (id, e) => {
    checkIndicator(indicator(id), e);
  });

  it.each(NOT_CALCULABLE)('%s is non calculable', (id) => {
    checkIndicator(indicator(id), { s: 'nc', n1: null });
  });

  it('1.1.2-dataviz counts the charts written: considerations and zones (no size column)', () => {
    const charts = new Set(fs.readFileSync(path.join(dir, 'out.xlsx')).toString('latin1').match(/xl\/charts\/chart\d+\.xml/g) ?? []).size;
    expect(charts).toBe(2);
    checkIndicator(indicator('1.1.2-dataviz'), { s: 'calculé', v: 2 });
  });
});

/**
 * Blind acceptance « trimestres » — one sheet per quarter (see ./blind-trimestres-workbooks.ts).
 * Expectations computed by hand from `/work/shared/spec/` and the README, before the first run;
 * run through the command line: `calculer "Pôle Solidarités - suivi 2025.xlsx" --json`.
 *
 * Sources (regles.md §1): T1, T2, T3, T4 each map numero, objet, montant and dateNotification: four
 * register sources read in sheet order, consolidated like several files. « Mode d'emploi » has no
 * header; « Synthèse » maps at most montant, montantMandate and clauseSociale (no numero, objet nor
 * date): not a source. The « Total » rows (objet « Total », numero empty) are skipped.
 * Rows read: T1 5 + T2 4 + T3 4 + T4 2 = 15.
 *
 * Errors: T2 row 4, SOL-25-002 again (same numero, notified 03/02/2025 like T1 row 4): doublon, the
 * T1 row is kept with its T1 spend (regles.md §3: the first is kept whatever it carries); T3 row 6
 * « 31/09/2025 »: date-invalide. lignes.erreurs = 2. No warning (no lexicon word in any Intitulé,
 * every postal code has 5 digits, no SIRET, hours or payment columns).
 *
 * Exercice: readable dates 14 of 2025 (the doublon included), 1 of 2024 → N = 2025; N−1 = 2024 holds
 * one valid row, SOL-24-045 (T1 row 7).
 *
 * Absent columns (regles.md §2): « Clause environnementale » and « Critère env. » exist on T3 and T4
 * only, so the rows of T1 and T2 take no part in the environmental indicators, and their env(r) is
 * « non » for AR (a consideration uses the fields its sheet maps).
 *
 * R = M (no hors-marché column) = 12 rows of 2025 (dep = mandaté when filled, else montant):
 *   sheet row numero      dep     mt       CS   CE   crit rés.         prog CP     effectif → size
 *   T1 3   SOL-25-001  21 500   86 000   oui  ·    ·    non          oui  59100  45    PME
 *   T1 4   SOL-25-002  58 300  240 000   oui  ·    ·    SIAE         oui  59100  12    PME
 *   T1 5   SOL-25-003   6 400    6 400   non  ·    ·    ESAT→ESAT/EA non  59650  80    PME
 *   T1 6   SOL-25-004  52 000   52 000   non  ·    ·    (empty) Non  —    59000  8200  GE
 *   T2 3   SOL-25-005  30 000  118 000   oui  ·    ·    L2113-13→SIAE oui 59100  30    PME
 *   T2 5   SOL-25-006  12 000   12 000   non  ·    ·    non          non  59100  60    PME  (« 15/05/25 », « 12 000 € »)
 *   T2 6   SOL-25-007   4 900    9 800   Non  ·    ·    Non          oui  62000  « 7 » TPE
 *   T3 3   SOL-25-008  18 500   74 000   oui  oui  oui  ESAT/EA      oui  59100  140   PME
 *   T3 4   SOL-25-009   7 000   28 000   non  non  oui  non          non  75017  300   ETI
 *   T3 5   SOL-25-010  15 000   15 000   non  non  non  non          oui  75019  —     Inconnue
 *   T4 3   SOL-25-012  19 500   19 500   oui  non  non  L2113-12→ESAT/EA non 59100 25  PME
 *   T4 4   SOL-25-013       0   22 000   non  non  non  non          non  59800  4     TPE  (mandaté 0: spend 0)
 * Σ dep = 245 100; Σ mt = 682 700. lignes: lues 15, exercice 12, erreurs 2, avertissements 0.
 * N−1 (SOL-24-045): dep 8 250, mt 33 000, CS oui, rés. non, prog oui, CP 92800, effectif 20 000.
 *
 * First run (session 39): everything held (values, N−1, coverage, statuts, controls, 3 charts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run';
import { capture } from '../cli/helpers';
import { SPEC_IDS, checkIndicator, type StatusExpectation } from './helpers';
import { FILE_TRIMESTRES, POLE_TRIMESTRES, buildTrimestresWorkbook } from './blind-trimestres-workbooks';
import type { SpaserResult } from '../../src/domain/model';

const SUM_DEP = 245100;
const SUM_MT = 682700;
const pct = (a: number, b: number): number => (a / b) * 100;

const CALCULATED: Record<string, StatusExpectation> = {
  // AR: sociale (CS or réservé ≠ Non) 001, 002, 003, 005, 008, 012; env 008, 009 → 001, 002, 003, 005, 008, 009, 012 = 7.
  // N−1: SOL-24-045 (CS oui) → 1.
  '1.1.2-marches-ar': { s: 'calculé', v: 7, n1: 1 },
  // 21500 + 58300 + 6400 + 30000 + 18500 + 7000 + 19500 = 161200. N−1: 8250.
  '1.1.2-montant-ar': { s: 'calculé', v: 161200, n1: 8250 },
  // programmé: 001, 002, 005, 007, 008, 010 = 6 of 12 (004's empty cell is non). N−1: 1 of 1.
  '2.1.1-programmes-nb': { s: 'calculé', v: 50, n1: 100, cov: { renseignees: 11, total: 12 } },
  // 86000 + 240000 + 118000 + 9800 + 74000 + 15000 = 542800 of 682700. N−1: 100.
  '2.1.1-programmes-montant': { s: 'calculé', v: pct(542800, SUM_MT), n1: 100 },
  // Only T3, T4 rows map env: 008, 009, 010, 012, 013; env 008 (clause and critère), 009 (critère) → 2/5.
  // N−1: SOL-24-045 is on T1 (no env column): no row can take part → null.
  '3.1.1-consideration-env': { s: 'calculé', v: 40, n1: null, cov: { renseignees: 5, total: 12 } },
  // clause env. on the same 5 rows: 008 → 1/5.
  '3.1.1-clauses-env': { s: 'calculé', v: 20, n1: null },
  // sociale 6 of 12. N−1 1 of 1.
  '4.1.2-consideration-sociale': { s: 'calculé', v: 50, n1: 100 },
  // CS oui: 001, 002, 005, 008, 012 = 5.
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 5, n1: 1 },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: pct(5, 12), n1: 100 },
  // réservé ≠ Non: 002 SIAE, 003 « ESAT », 005 « L2113-13 », 008 ESAT/EA, 012 « L2113-12 » = 5. N−1: 0.
  '4.2.3-reserves': { s: 'calculé', v: 5, n1: 0 },
  // 12 distinct suppliers, zones by postal code (no commune column):
  //   Roubaix 59100: 001, 002, 005, 006, 008, 012 → 6, dep 21500 + 58300 + 30000 + 12000 + 18500 + 19500 = 159800
  //   MEL: 003 (59650 Villeneuve-d'Ascq), 004 (59000 Lille), 013 (59800 Lille) → 3, dep 6400 + 52000 + 0 = 58400
  //   Hauts-de-France: 007 (62000) → 1, dep 4900
  //   France: 009 (75017), 010 (75019) → 2, dep 7000 + 15000 = 22000
  '5.1.1-fournisseurs-zone': {
    s: 'calculé',
    v: null,
    n1: 'skip',
    rep: {
      Roubaix: { fournisseurs: pct(6, 12), depense: pct(159800, SUM_DEP) },
      'MEL (hors Roubaix)': { fournisseurs: pct(3, 12), depense: pct(58400, SUM_DEP) },
      'Hauts-de-France (hors MEL)': { fournisseurs: pct(1, 12), depense: pct(4900, SUM_DEP) },
      'France (hors Hauts-de-France)': { fournisseurs: pct(2, 12), depense: pct(22000, SUM_DEP) },
    },
  },
  // 159800 / 6. N−1: no Roubaix supplier in 2024 (0 / 0) → null.
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: 159800 / 6, n1: null },
  // Sizes from the headcount (< 10 TPE, < 250 PME, < 5 000 ETI, else GE):
  //   PME 001, 002, 003, 005, 006, 008, 012 → 7, dep 21500 + 58300 + 6400 + 30000 + 12000 + 18500 + 19500 = 166200
  //   GE 004 (8200) → 1, dep 52000;  TPE 007 (« 7 »), 013 (4) → 2, dep 4900 + 0;  ETI 009 (300) → 1, dep 7000
  //   Inconnue 010 (no headcount) → 1, dep 15000
  '5.1.4-fournisseurs-typologie': {
    s: 'calculé',
    v: null,
    n1: 'skip',
    rep: {
      TPE: { fournisseurs: pct(2, 12), depense: pct(4900, SUM_DEP) },
      PME: { fournisseurs: pct(7, 12), depense: pct(166200, SUM_DEP) },
      ETI: { fournisseurs: pct(1, 12), depense: pct(7000, SUM_DEP) },
      GE: { fournisseurs: pct(1, 12), depense: pct(52000, SUM_DEP) },
      Inconnue: { fournisseurs: pct(1, 12), depense: pct(15000, SUM_DEP) },
    },
  },
};

/** No nbAvenants, horsMarche, procedure, hours, structure… columns, nor any companion sheet. */
const NOT_CALCULABLE = SPEC_IDS.filter((id) => !(id in CALCULATED) && id !== '1.1.2-dataviz');

let dir: string;
let code: number;
let result: SpaserResult;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-trimestres-'));
  fs.writeFileSync(path.join(dir, FILE_TRIMESTRES), await buildTrimestresWorkbook());
  const c = capture(dir);
  code = await runCli(['calculer', FILE_TRIMESTRES, '--json', '--sortie', 'out.xlsx'], c.io);
  result = JSON.parse(c.stdout()) as SpaserResult;
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const indicator = (id: string) => result.indicateurs.find((i) => i.id === id)!;

describe('blind « trimestres »: one register sheet per quarter', () => {
  it('exercice 2025, mandated spend, 15 rows read from the four quarters, 12 of N, 2 in error, no warning', () => {
    expect(code).toBe(0);
    expect(result.exercice).toBe(2025);
    expect(result.depense).toBe('montantMandate');
    expect(result.lignes).toEqual({ lues: 15, exercice: 12, erreurs: 2, avertissements: 0 });
    expect(result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
  });

  it('the controls: the contract listed again in T2, the 31st of September in T3', () => {
    expect(result.controles.map((c) => `${c.feuille} ${c.ligne} ${c.gravite} ${c.code}`)).toEqual(['T2 4 erreur doublon', 'T3 6 erreur date-invalide']);
    expect(result.suggestions).toEqual([]);
  });

  it.each(Object.entries(CALCULATED))('%s as computed by hand', (id, e) => {
    checkIndicator(indicator(id), e);
  });

  it('the one Pôle is the file name', () => {
    expect(Object.keys(indicator('4.1.2-consideration-sociale').parPole ?? {})).toEqual([POLE_TRIMESTRES]);
  });

  it.each(NOT_CALCULABLE)('%s is non calculable', (id) => {
    checkIndicator(indicator(id), { s: 'nc', n1: null });
  });

  it('1.1.2-dataviz counts the charts written: considerations, zones, sizes', () => {
    const charts = new Set(fs.readFileSync(path.join(dir, 'out.xlsx')).toString('latin1').match(/xl\/charts\/chart\d+\.xml/g) ?? []).size;
    expect(charts).toBe(3);
    checkIndicator(indicator('1.1.2-dataviz'), { s: 'calculé', v: 3 });
  });
});

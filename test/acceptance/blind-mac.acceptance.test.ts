/**
 * Blind acceptance « mac » — a buyer on a Mac with an English-locale Excel who writes some cells in
 * words (see ./blind-mac-workbooks.ts for the layout). Expectations computed by hand from
 * `/work/shared/spec/` and the README, before reading src/ and before the first run; run through the
 * command line: `calculer "Pôle Solidarités - suivi 2025.xlsx" --json`.
 *
 * Reading (regles.md §2 and README « Lecture des cellules »):
 *   - real dates of a 1904 workbook are read in its own calendar (README: « Un classeur au calendrier
 *     1904 … est lu … selon son calendrier »): 20/01/2025 stays 20/01/2025, not 19/01/2021;
 *   - text dates are day-first, never month-first: « 02/03/2025 » is 2 March 2025; « 03/15/2025 »
 *     (month 15) is unreadable → date-invalide; « 1er juin 2025 » is read (dates in words);
 *     « T2 2025 » is not a date → date-invalide;
 *   - « 124,800.00 », « 98,765.40 », « €32,500.00 »: both separators, the last is decimal →
 *     124 800, 98 765,40, 32 500; « 22.5 » is 22,5 (a point alone is decimal unless `1.234`);
 *   - « 200 k€ », « deux cent mille » in the amount: montant-invalide; « 1,2 M€ » in the mandated
 *     column: valeur-illisible (README: `k€` makes the cell unreadable; words are no number);
 *   - « Open tender » is no value of `procedure`: valeur-illisible;
 *   - oui/non: « Yes », « Y », « TRUE », real TRUE, « oui (clause art. 2) » (starts with oui) → oui;
 *     « No », « N », « n », real FALSE → non; empty → non;
 *   - « Très petite entreprise » is TPE, « Grande entreprise » GE (README);
 *   - r14's date is a bare number, 44 482 (its format cleared): a date serial, counted in the
 *     workbook's own calendar like its formatted dates, 14/10/2025 (the 1900 system would make it
 *     13/10/2021, and the contract would leave the exercice: spec silence, README choice);
 *   - the row hidden in a collapsed outline group (17) is data, like any hidden row (recipe
 *     `cellules`: the spec never excludes hidden rows or columns).
 *
 * Rows read: 5–17 = 13 (row 19 « Total » in the objet column, no numero: a totals row, skipped).
 * Exercice: readable dates: 2025 → r5, r6, r8, r9, r10, r11, r12, r14, r15, r16 = 10; 2024 → r17;
 * r7 and r13 unreadable. N = 2025, N−1 = 2024 (r17 is valid).
 * Errors (all years): r7 date-invalide; r10 montant-invalide; r12 montant-invalide + valeur-illisible;
 * r13 date-invalide; r15 valeur-illisible → lignes.erreurs = 5.
 *
 * R (valid rows of 2025) = 7; M = 6 (r16 is hors marché); dep = mandated when filled, else montant:
 *   row  numero      M/H  proc   CS   CE   dep         offres heures DGP   zone                  taille
 *   r5   SOL-25-001  M    AOO    oui  non   62 400,50  3      420    28    Roubaix               PME
 *   r6   SOL-25-002  M    AOO    oui  oui   98 765,40  4      1250   22,5  MEL (Croix)           ETI
 *   r8   SOL-25-004  M    MAPA   non  oui   38 400     2      —      35    MEL (Tourcoing)       TPE   warning delai-paiement-depasse
 *   r9   SOL-25-005  M    MAPA   oui  non   28 140,25  1      150    30    MEL (Villeneuve-d'A.) PME
 *   r11  SOL-25-007  M    MSPMC  oui  non   14 250     1      60     18    Roubaix               TPE
 *   r14  SOL-25-010  M    AOO    non  non   47 380     5      —      27    HdF (Valenciennes)    GE    warning siret-invalide
 *   r16  SOL-25-HM1  H    —      —    —     1 850      —      —      12    Roubaix               TPE
 * Σ_R dep = 62400.5 + 98765.4 + 38400 + 28140.25 + 14250 + 47380 + 1850 = 291 186,15.
 * lignes: lues 13, exercice 7, erreurs 5, avertissements 2 (r17's delay warning is of 2024).
 *
 * N−1 = {r17}: M, AOO, CS oui, CE oui, dep 31 000, offres 2, heures 200, DGP 31, Roubaix, PME.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run';
import { capture } from '../cli/helpers';
import { SPEC_IDS, checkIndicator, type StatusExpectation } from './helpers';
import { FILE_MAC, SHEET_MAC, buildMacWorkbook } from './blind-mac-workbooks';
import type { SpaserResult } from '../../src/domain/model';

const SUM_DEP = 291186.15;
const pct = (a: number, b: number): number => (a / b) * 100;

/** Hand values of the indicators that can be computed (every other id is non calculable). */
const CALCULATED: Record<string, StatusExpectation> = {
  // AR in M: r5, r6, r8, r9, r11 = 5 (r14 has neither). N−1: r17.
  '1.1.2-marches-ar': { s: 'calculé', v: 5, n1: 1 },
  // 62400.5 + 98765.4 + 38400 + 28140.25 + 14250 = 241956.15 (r16 carries no consideration).
  '1.1.2-montant-ar': { s: 'calculé', v: 241956.15, n1: 31000 },
  // H = {r16} of 7 rows of R. N−1: 0 of 1.
  '2.1.2-hors-marche-nb': { s: 'calculé', v: pct(1, 7), n1: 0 },
  '2.1.2-hors-marche-montant': { s: 'calculé', v: pct(1850, SUM_DEP), n1: 0 },
  // (28 + 22.5 + 35 + 30 + 18 + 27 + 12) / 7 = 172.5 / 7. N−1: 31.
  '2.1.5-delai-paiement': { s: 'calculé', v: 172.5 / 7, n1: 31 },
  // MC = M without r11 (MSPMC) = r5, r6, r8, r9, r14: (3 + 4 + 2 + 1 + 5) / 5 = 3. N−1: 2.
  '2.2.3-soumissionnaires': { s: 'calculé', v: 3, n1: 2 },
  // env (critère only: no clause env. column) in M: r6, r8 = 2 of 6. N−1: 1 of 1.
  '3.1.1-consideration-env': { s: 'calculé', v: pct(2, 6), n1: 100 },
  // critère env. in MC: r6, r8 = 2 of 5.
  '3.1.1-criteres-env': { s: 'calculé', v: pct(2, 5), n1: 100 },
  // sociale in M: r5, r6, r9, r11 = 4 of 6.
  '4.1.2-consideration-sociale': { s: 'calculé', v: pct(4, 6), n1: 100 },
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 4, n1: 1 },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: pct(4, 6), n1: 100 },
  // no Suivi insertion: 420 + 1250 + 150 + 60 = 1880 over M. N−1: 200.
  '4.2.2-heures': { s: 'calculé', v: 1880, n1: 200 },
  // 7 distinct suppliers (r5, r6 by SIRET; r14's SIRET is invalid: by name; the others by name).
  //   Roubaix r5, r11, r16: 3, dep 62400.5 + 14250 + 1850 = 78500.5
  //   MEL r6 (Croix), r8 (Tourcoing), r9 (Villeneuve-d'Ascq): 3, dep 98765.4 + 38400 + 28140.25 = 165305.65
  //   Hauts-de-France r14 (Valenciennes, 59300): 1, dep 47380
  '5.1.1-fournisseurs-zone': {
    s: 'calculé',
    v: null,
    n1: 'skip',
    rep: {
      Roubaix: { fournisseurs: pct(3, 7), depense: pct(78500.5, SUM_DEP) },
      'MEL (hors Roubaix)': { fournisseurs: pct(3, 7), depense: pct(165305.65, SUM_DEP) },
      'Hauts-de-France (hors MEL)': { fournisseurs: pct(1, 7), depense: pct(47380, SUM_DEP) },
    },
  },
  // 78500.5 / 3. N−1: 31000 / 1.
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: 78500.5 / 3, n1: 31000 },
  //   TPE r8, r11, r16: 3, dep 38400 + 14250 + 1850 = 54500
  //   PME r5, r9: 2, dep 62400.5 + 28140.25 = 90540.75
  //   ETI r6: 1, dep 98765.4;  GE r14 (« Grande entreprise »): 1, dep 47380
  '5.1.4-fournisseurs-typologie': {
    s: 'calculé',
    v: null,
    n1: 'skip',
    rep: {
      TPE: { fournisseurs: pct(3, 7), depense: pct(54500, SUM_DEP) },
      PME: { fournisseurs: pct(2, 7), depense: pct(90540.75, SUM_DEP) },
      ETI: { fournisseurs: pct(1, 7), depense: pct(98765.4, SUM_DEP) },
      GE: { fournisseurs: pct(1, 7), depense: pct(47380, SUM_DEP) },
    },
  },
};

/** Every other indicator lacks its column or sheet (no nbAvenants, programme, clause env. column, Cibles…). */
const NOT_CALCULABLE = SPEC_IDS.filter((id) => !(id in CALCULATED) && id !== '1.1.2-dataviz');

let dir: string;
let code: number;
let result: SpaserResult;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-mac-'));
  fs.writeFileSync(path.join(dir, FILE_MAC), await buildMacWorkbook());
  const c = capture(dir);
  code = await runCli(['calculer', FILE_MAC, '--json', '--sortie', 'out.xlsx'], c.io);
  result = JSON.parse(c.stdout()) as SpaserResult;
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const indicator = (id: string) => result.indicateurs.find((i) => i.id === id)!;

describe('blind « mac »: a Mac workbook (1904 dates) from an English-locale Excel, cells in words', () => {
  it('the workbook really is a 1904 one: its first date is stored as a 1904 serial', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await buildMacWorkbook());
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/date1904="1"/);
    // 20/01/2025 is 45 677 in the 1900 system, 45 677 − 1 462 = 44 215 in the 1904 one.
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/<c r="C5"[^>]*><v>44215<\/v>/);
  });

  it('exercice 2025 (not 2021), mandated spend, 13 rows read, 7 of N, 5 in error, 2 with a warning', () => {
    expect(code).toBe(0);
    expect(result.exercice).toBe(2025);
    expect(result.depense).toBe('montantMandate');
    expect(result.lignes).toEqual({ lues: 13, exercice: 7, erreurs: 5, avertissements: 2 });
    expect(result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
  });

  it('the controls name the month-first date, the quarter, the amounts in words and the English procedure', () => {
    const found = result.controles.map((c) => `${c.ligne} ${c.gravite} ${c.code}`).sort();
    expect(found).toEqual(
      [
        '7 erreur date-invalide',
        '10 erreur montant-invalide',
        '12 erreur montant-invalide',
        '12 erreur valeur-illisible',
        '13 erreur date-invalide',
        '15 erreur valeur-illisible',
        '8 avertissement delai-paiement-depasse',
        '14 avertissement siret-invalide',
        '17 avertissement delai-paiement-depasse',
      ].sort(),
    );
    for (const c of result.controles) expect(c.feuille).toBe(SHEET_MAC);
    const illisible = result.controles.filter((c) => c.code === 'valeur-illisible').map((c) => `${c.ligne} ${c.colonne}`).sort();
    expect(illisible).toEqual(['12 Réalisé (€)', '15 Procédure']);
    expect(result.suggestions).toEqual([]);
  });

  it('an amount in k€ or M€ is answered with the euros to type, a month-first date with the day-first one; words with the usual example', () => {
    const said = (row: number, code: string) =>
      result.controles.find((c) => c.ligne === row && c.code === code)!.message.replace(/[\u00a0\u202f]/g, ' ');
    expect(said(10, 'montant-invalide')).toBe(
      "Ligne 10, colonne « Montant HT (€) » : le montant « 200 k€ » n'est pas un montant positif lisible. Saisissez le montant en euros, en chiffres : 200 000.",
    );
    expect(said(12, 'valeur-illisible')).toContain('la valeur « 1,2 M€ » ne peut pas être lue. Saisissez le montant en euros, en chiffres : 1 200 000.');
    expect(said(12, 'montant-invalide')).toContain('« deux cent mille » n\'est pas un montant positif lisible. Saisissez un montant en euros (par exemple 12 500,00).');
    // The month-first date is said back day first; the quarter gets the usual example.
    expect(said(7, 'date-invalide')).toContain("« 03/15/2025 » n'est pas une date lisible ou n'existe pas. Saisissez la date jour d'abord (jj/mm/aaaa) : 15/03/2025.");
    expect(said(13, 'date-invalide')).toContain('« T2 2025 » n\'est pas une date lisible ou n\'existe pas. Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025).');
  });

  it.each(Object.entries(CALCULATED))('%s as computed by hand', (id, e) => {
    checkIndicator(indicator(id), e);
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

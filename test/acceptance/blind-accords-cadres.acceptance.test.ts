/**
 * BLIND acceptance test « accords-cadres » — framework agreements as buyers keep them: the agreement on
 * one row (maximum, minimum, « sans minimum ni maximum », an estimate), its marchés subséquents and bons de
 * commande under their own numero or under the agreement's, reconductions « 1/3 », mono- and
 * multi-attributaire agreements, deliberate errors. Expectations written by hand from `/work/shared/spec/`
 * (champs.md, regles.md, indicateurs.md, sortie.md) and the README only, before reading `src/` and before
 * the first run (workbooks: ./blind-accords-cadres-workbooks.ts). Run through the command line
 * (`calculer … --sortie … --json`).
 *
 * ── What counts (decided from the spec and the README) ─────────────────────────────────────────────
 * - The spec knows one row per contract, identified by `numero`; `doublon` = same numero (case and all
 *   spaces ignored) and a date in the same year: the second and later rows are errors (regles §3). The
 *   README (« Lots, avenants, accords-cadres, reconductions ») reads registers kept otherwise to the letter:
 *   a marché subséquent or a bon de commande on its own row with its own numero is a marché (« /MS1 »,
 *   « -MS2 », « -BC02 » are distinct numeros); one typed under the agreement's numero in the same year is a
 *   `doublon`, out of every indicator; a reconduction dated the year it is decided is a marché of that year,
 *   one typed with the original date a `doublon`. An agreement's spend counts beside its subsequent
 *   contracts' (README: « elle compte deux fois »; Q below).
 * - The agreement's amount is the `montant` column: « Montant maxi HT » is « montant maximum HT » (champs.md,
 *   README « Colonnes »: `maxi` → maximum), « Montant mini HT » is no field. With « Montant maxi HT » and
 *   « Montant estimé HT » side by side, both exact synonyms of `montant`, the tie goes to the more canonical,
 *   the maximum (README « Colonnes »: synonyms in the table's order); the estimate column is not read, and
 *   champs.md gives a field one column only: an agreement whose maximum is empty is `montant-manquant` even
 *   with an estimate beside (Q).
 * - Amount cells (regles §2, « text such as … 12 500 € HT »; the spec is silent on a label around the number).
 *   DECIDED as a buyer and the project lead expect: « Maxi : 500 000 € HT » typed in the amount column IS the
 *   agreement's amount, its maximum (champs.md: `montant` = « montant maximum HT »), and « 300 000 € (estimation) »
 *   its estimate (`montant estimé HT`): both read as the number, no error. « sans minimum ni maximum » has no
 *   number: `montant-invalide`.
 * - « Type » (Accord-cadre / Marché subséquent / Bon de commande) names no field of champs.md: « type » alone
 *   is equally « type de marché » (nature), « type de procédure », « type de structure »; regles §1: a header
 *   mapping equally well to two fields is left to the user. Not read: no control names it.
 * - A multi-attributaire agreement (« A / B / C » in one cell, SIRETs listed): the SIRET cell is not 14
 *   digits → `siret-invalide` (warning, row kept); the supplier is then its titulaire text as typed, ONE
 *   supplier distinct from A, B and C (regles §8; README « un groupement s'écrit comme il est tapé ») (Q).
 *
 * ── Workbook A « Pôle Ressources - accords-cadres 2025.xlsx », sheet « AC 2025 » ───────────────────
 * Title rows 1–2, header row 3: « N° marché »→numero · Type (none) · Intitulé→objet · « Pôle gestionnaire »→pole ·
 * Procédure · « Notifié le »→date · « Montant HT »→montant · « Mandaté 2025 »→montantMandate ·
 * « Attributaire(s) »→titulaire · SIRET · CP · « Clause sociale » · « Clause environnementale » ·
 * Observations→commentaires. No horsMarche → M = R; no nbAvenants, size, critère, offres…
 *
 * row numero            date        montant               mandaté  titulaire (key)                 CP → zone   CS  CE   judged
 * r4  AC-2025-01        10/02/2025  «Maxi : 500 000 € HT»  —        « Bureau Plus / Papeterie Lemaire  59100 Roubaix non oui ⚠ siret-invalide (3 SIRETs)
 *                                   → 500 000                        / Fournitures Express » (name)               dep = montant 500 000
 * r5  AC-2025-01/MS1    14/03/2025  42 000                38 500   Papeterie Lemaire (SIRET S2)    59200 MEL     non oui OK
 * r6  AC-2025-01-MS2    «02/06/2025» «27 350,50 €»        12 000   Bureau Plus (S1)                59100 Roubaix non non OK
 * r7  AC-2025-01 (indented MS n°3) 15/09/2025 18 000      9 000    Fournitures Express                                    ✗ doublon of r4 (Conflit)
 * r8  AC-2025-02        03/03/2025  «300 000 € (estimation)» 54 000 Net Roubaix (S4)               59100 Roubaix oui non OK, dep 54 000
 * r9  «  AC-2025-02» (indented BC n°1) 20/03/2025 8 400   8 400    Net Roubaix                                            ✗ doublon of r8 (spaces ignored)
 * r10 AC-2025-02-BC02   12/05/2025  15 600                15 600   Net Roubaix (S4)                59100 Roubaix oui non OK
 * r11 AC-2025-02-BC03   —           6 000                 —                                                               ✗ date-manquante
 * r12 AC-2025-03        07/04/2025  «sans minimum ni maximum» —                                                           ✗ montant-invalide
 * r13 AC-2025-03/MS1    23/06/2025  «64 800 € HT»         20 000   Ascenseurs du Nord (S5)         59000 MEL     non non OK
 * r14 AC-2024-07        15/05/2024  «Maxi : 120 000 € HT» 35 000   Loc Utilitaires Nord (S6)       62300 HdF     non non OK (N−1)
 * r15 AC-2024-07        15/05/2025  «Maxi : 120 000 € HT» 28 000   (reconduction 1/3, dated 2025)  62300 HdF     non non OK (another year than r14)
 * r16 AC-2024-07        15/05/2024  «Maxi : 120 000 € HT» 6 000    (reconduction 2/3, original date)                     ✗ doublon of r14
 * r17 AC-2025-04        «3 mars 2025» 90 000              22 500   Traiteur des Flandres (bad SIRET → name) 59800 MEL non non ⚠ siret-invalide
 * r18 « Total » in Intitulé, no numero → a totals row, not a row.
 *
 * lignes: lues 14 (r4–r17); erreurs r7 r9 r11 r12 r16 = 5. Readable dates: 2025 × 11, 2024 × 2 → N = 2025.
 * R = M = MC = {r4 r5 r6 r8 r10 r13 r15 r17} (8); avertissements r4, r17 → 2. depense = montantMandate.
 * dep: 500000 38500 12000 54000 15600 20000 28000 22500 → Σ 690 600.
 * sociale (CS): r8 r10 → 2/8 = 25 %. env (CE): r4 r5 → 25 %. AR: r4 r5 r8 r10 → 4, Σ dep 608 100.
 * N−1 = 2024: R' = {r14}: dep 35 000, no consideration → AR 0, shares 0.
 * Suppliers of 2025 (§8): 7 — Roubaix: the three-titulaire text (500 000), S1 (12 000), S4 (54 000 + 15 600)
 *   → 3, 581 600; MEL: S2 (38 500), S5 (20 000), « traiteur des flandres » (22 500) → 3, 81 000;
 *   HdF: S6 (28 000) → 1. montant moyen Roubaix = 581 600 / 3; N−1: no Roubaix supplier → 0 ÷ 0 → null.
 * dataviz: considérations + zones = 2 (no size column, one Pôle, no Suivi).
 *
 * ── Workbook B « Pôle Éducation.xlsx », sheet « Accords-cadres » ────────────────────────────────────
 * Header row 1: Référence→numero · Objet · « Date de notification » · « Montant mini HT » (none) · « Montant
 * maxi HT »→montant · « Montant estimé HT » (loses the tie: not read) · « Dépenses de l'exercice »→montantMandate ·
 * « Titulaire(s) »→titulaire · « N° SIRET » · Ville→communeTitulaire · Taille→categorieEntreprise ·
 * « Clause sociale » · « Critère environnemental » · Commentaires. No Pôle column: the file name, « Pôle Éducation ».
 *
 * row numero          date          maxi     dépenses  titulaire (key)                     ville → zone  size CS CE(crit.) judged
 * r2  2025-AC-E01     06/01/2025    800 000  410 000   Resto Nord (S8, typed as a number)  Roubaix       PME  X  Oui  OK
 * r3  2025-AC-E01 (indented BC janvier) 31/01/2025 35 000 35 000                                                    ✗ doublon of r2
 * r4  2025-AC-E01 (indented BC février) 28/02/2025 38 000 38 000                                                    ✗ doublon of r2
 * r5  2025-AC-E02     «05/02/25»    150 000  62 000    « Cars du Nord / Voyages Delattre »  Tourcoing MEL PME  —  Non  ⚠ siret-invalide (two SIRETs)
 * r6  2025-AC-E02/MS1 «2025-03-17»  18 000   18 000    Cars du Nord (S9)                   Tourcoing MEL PME  —  Non  OK
 * r7  2025-AC-E02/MS2 12/05/2025    24 000   —         Voyages Delattre (S10)              Lille MEL     ETI  —  oui  OK, dep = montant 24 000
 * r8  2025-AC-E03     02/09/2025    — (estimé 45 000)  12 500  Papeterie Flandres                                   ✗ montant-manquant
 * r9  2024-AC-E09     01/07/2024    60 000   14 000    Espaces Verts Roubaisiens (S12)     Roubaix       TPE  x  non  OK (N−1)
 * r10 2024-AC-E09     01/07/2025    60 000   21 000    (reconduction 1/3, dated 2025)      Roubaix       TPE  x  non  OK
 * r11 2025-AC-E04     «31/06/2025»  90 000                                                                            ✗ date-invalide
 * r12 empty; r13 « Sous-total » in Référence → a totals row.
 *
 * lignes: lues 10; erreurs r3 r4 r8 r11 = 4; dates 2025 × 8, 2024 × 1 → N = 2025.
 * R = {r2 r5 r6 r7 r10} (5); avertissements r5 → 1. dep 410000 62000 18000 24000 21000 → Σ 535 000.
 * sociale (CS filled on r2 and r10 only, « X »/« x »; empty = non): 2/5 = 40 %, coverage 2 of 5.
 * env (critère only; « Clause environnementale » absent): r2 r7 → 40 %, coverage 5 of 5.
 * AR: r2 r7 r10 → 3, Σ dep 455 000. N−1: R' = {r9}: sociale 100 %, env 0, AR 1, 14 000.
 * Suppliers (5): Roubaix S8 (410 000), S12 (21 000) → 2, 431 000; MEL: the two-titulaire text (62 000),
 *   S9 (18 000), S10 (24 000) → 3, 104 000. Sizes: PME S8, text, S9 → 3, 490 000; ETI S10 → 24 000;
 *   TPE S12 → 21 000. montant moyen Roubaix 431 000 / 2 = 215 500; N−1 14 000 / 1.
 * dataviz: considérations, zones, typologie = 3.
 *
 * ── Q (product questions, not defects) ──────────────────────────────────────────────────────────────
 * - The agreement's maximum (or its mandated spend) counts beside its subsequent contracts': in A the
 *   multi-attributaire agreement's 500 000 € maximum is 72 % of the Pôle's spend while nothing was ordered on
 *   it directly. The spec links no row to another; the README says so.
 * - A multi-attributaire agreement is one supplier (its titulaire text), not three.
 * - The estimate beside an empty maximum is not read (one column per field).
 *
 * ── Verdicts after the run (expectations of commit ea7d820, written before it) ─────────────────────
 * First run: 14 of 124 failed (12 in A, 2 in B), every failure from two product defects, none from my
 * hand computation:
 * - A: « Maxi : 500 000 € HT », « 300 000 € (estimation) » and « Maxi : 120 000 € HT » were unreadable
 *   (montant-invalide): r4, r8, r14, r15, r16 in error, no N−1, and every A number off. Fixed (read-cell:
 *   an agreement's amount typed with its label, montant only; test/domain/accords-cadres.test.ts).
 * - B: « Titulaire(s) » named no field (the « (s) » outweighed « titulaire », a word many fields share):
 *   the multi-attributaire row r5, whose SIRET list is invalid, had no supplier, 4 suppliers instead of 5.
 *   Fixed (normalize: an optional plural is no word of a header; same test file).
 * Then, from reading the messages: the SIRET list said « n'a pas 14 chiffres » (it has 42, three valid
 * SIRETs), « sans minimum ni maximum » was told « par exemple 12 500,00 », and the MS / BC rows under the
 * agreement's numero were only « Conflit … à arbitrer »: the three messages now say what they are
 * (asserted above, « after the first run »; unit tests in the same file). Every other value, coverage,
 * control, N−1, per-Pôle value and the written register matched at the first run once these two were fixed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK } from '../../src/cli/run';
import { tempDir } from '../cli/helpers';
import { byId, calculerJson, checkIndicator, type JsonRun, sortedControls, SPEC_IDS, type StatusExpectation, cellText as text, chartCount, registerRows } from './helpers';
import { buildAccordsCadresA, buildAccordsCadresB, FILE_AC_A, FILE_AC_B, SHEET_AC_A, SHEET_AC_B } from './blind-accords-cadres-workbooks';

type Exp = StatusExpectation;
const nc = (motif?: RegExp): Exp => ({ s: 'nc', n1: null, ...(motif ? { motif } : {}) });
const pct = (a: number, b: number): number => (100 * a) / b;

/** Every id non calculable unless listed. */
function allNc(): Record<string, Exp> {
  const m: Record<string, Exp> = {};
  for (const id of SPEC_IDS) m[id] = nc();
  m['1.1.1-cibles-atteintes'] = nc(/Cibles|cible/i);
  for (const id of ['1.2.1-formations', '1.2.1-personnes-formees', '1.2.1-ateliers-evenements']) m[id] = nc(/Actions/i);
  return m;
}

const SUM_A = 690600;
const ROUBAIX_A = 581600;
const EXPECTED_A: Record<string, Exp> = {
  ...allNc(),
  '1.1.2-marches-ar': { s: 'calculé', v: 4, n1: 0 },
  '1.1.2-montant-ar': { s: 'calculé', v: 608100, n1: 0 },
  '1.1.2-dataviz': { s: 'calculé', v: 2, n1: null },
  '3.1.1-consideration-env': { s: 'calculé', v: 25, n1: 0, cov: { renseignees: 8, total: 8 } },
  '3.1.1-clauses-env': { s: 'calculé', v: 25, n1: 0, cov: { renseignees: 8, total: 8 } },
  '4.1.2-consideration-sociale': { s: 'calculé', v: 25, n1: 0, cov: { renseignees: 8, total: 8 } },
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 2, n1: 0 },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: 25, n1: 0 },
  '5.1.1-fournisseurs-zone': {
    s: 'calculé', v: null, n1: 'skip',
    rep: {
      Roubaix: { fournisseurs: pct(3, 7), depense: pct(ROUBAIX_A, SUM_A) },
      'MEL (hors Roubaix)': { fournisseurs: pct(3, 7), depense: pct(81000, SUM_A) },
      'Hauts-de-France (hors MEL)': { fournisseurs: pct(1, 7), depense: pct(28000, SUM_A) },
    },
  },
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: ROUBAIX_A / 3, n1: null },
};

const SUM_B = 535000;
const EXPECTED_B: Record<string, Exp> = {
  ...allNc(),
  '1.1.2-marches-ar': { s: 'calculé', v: 3, n1: 1 },
  '1.1.2-montant-ar': { s: 'calculé', v: 455000, n1: 14000 },
  '1.1.2-dataviz': { s: 'calculé', v: 3, n1: null },
  '3.1.1-consideration-env': { s: 'calculé', v: 40, n1: 0, cov: { renseignees: 5, total: 5 } },
  '4.1.2-consideration-sociale': { s: 'calculé', v: 40, n1: 100, cov: { renseignees: 2, total: 5 } },
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 2, n1: 1 },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: 40, n1: 100 },
  '5.1.1-fournisseurs-zone': {
    s: 'calculé', v: null, n1: 'skip',
    rep: {
      Roubaix: { fournisseurs: pct(2, 5), depense: pct(431000, SUM_B) },
      'MEL (hors Roubaix)': { fournisseurs: pct(3, 5), depense: pct(104000, SUM_B) },
    },
  },
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: 215500, n1: 14000 },
  '5.1.4-fournisseurs-typologie': {
    s: 'calculé', v: null, n1: 'skip',
    rep: {
      TPE: { fournisseurs: pct(1, 5), depense: pct(21000, SUM_B) },
      PME: { fournisseurs: pct(3, 5), depense: pct(490000, SUM_B) },
      ETI: { fournisseurs: pct(1, 5), depense: pct(24000, SUM_B) },
    },
  },
};

/** Breakdowns and dataviz have no per-Pôle value (README « Indicateurs »). */
const NOT_PER_POLE = new Set(['1.1.2-dataviz', '5.1.1-fournisseurs-zone', '5.1.4-fournisseurs-typologie']);

function expectPerPole(r: JsonRun, pole: string): void {
  for (const ind of r.result.indicateurs) {
    expect([ind.id, Object.keys(ind.parPole ?? {})]).toEqual([ind.id, [pole]]);
    const v = ind.parPole![pole];
    if (ind.statut !== 'calculé' || ind.valeur === null || NOT_PER_POLE.has(ind.id)) expect([ind.id, v]).toEqual([ind.id, null]);
    else expect([ind.id, v]).toEqual([ind.id, expect.closeTo(ind.valeur, 9)]);
  }
}

describe('blind « accords-cadres »: agreements, subsequent contracts and orders in a « Type » register (A)', () => {
  let dir: string;
  let r: JsonRun;
  beforeAll(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, FILE_AC_A), await buildAccordsCadresA());
    r = await calculerJson(dir, FILE_AC_A, 'A - sortie.xlsx');
  }, 120_000);

  it('runs: exercice 2025, spend from the mandated column', () => {
    expect({ code: r.code, stderr: r.code === EXIT_OK ? '' : r.stderr }).toEqual({ code: EXIT_OK, stderr: '' });
    expect(r.result.exercice).toBe(2025);
    expect(r.result.depense).toBe('montantMandate');
  });

  it('lignes: 14 read (« Total » is no row), 8 of R, 5 in error, 2 of R with a warning', () => {
    expect(r.result.lignes).toEqual({ lues: 14, exercice: 8, erreurs: 5, avertissements: 2 });
  });

  it('controls: rows under the agreement’s numero are doublons, « sans minimum ni maximum » has no amount, SIRET lists and a bad SIRET warn', () => {
    expect(sortedControls(r.result)).toEqual([
      [SHEET_AC_A, 4, 'siret-invalide'],
      [SHEET_AC_A, 7, 'doublon'],
      [SHEET_AC_A, 9, 'doublon'],
      [SHEET_AC_A, 11, 'date-manquante'],
      [SHEET_AC_A, 12, 'montant-invalide'],
      [SHEET_AC_A, 16, 'doublon'],
      [SHEET_AC_A, 17, 'siret-invalide'],
    ]);
    const at = (ligne: number, code: string) => r.result.controles.find((c) => c.ligne === ligne && c.code === code)!;
    for (const l of [7, 9, 16]) {
      expect([l, at(l, 'doublon').gravite, at(l, 'doublon').colonne]).toEqual([l, 'erreur', 'N° marché']);
      expect(at(l, 'doublon').message).toMatch(/Conflit/);
    }
    // (after the first run) a row under its agreement's numero whose objet says what it is: the message proposes a numero
    const nb = (l: number, code: string) => at(l, code).message.replace(/\u00a0/g, ' ');
    expect(nb(7, 'doublon')).toMatch(/ L'objet dit un marché subséquent, saisi sous le numéro de son accord-cadre : donnez-lui son propre numéro \(par exemple « AC-2025-01-MS3 »\) pour qu'il compte comme un marché\.$/);
    expect(nb(9, 'doublon')).toMatch(/ L'objet dit un bon de commande, saisi sous le numéro de son accord-cadre : donnez-lui son propre numéro \(par exemple « AC-2025-02-BC1 »\) pour qu'il compte comme un marché, ou laissez-le écarté si sa dépense est déjà comptée dans celle de l'accord-cadre\.$/);
    expect(nb(16, 'doublon')).not.toMatch(/L'objet dit/); // a reconduction: nothing of the sort
    expect(at(12, 'montant-invalide').colonne).toBe('Montant HT');
    // (after the first run) the message says which amount an agreement takes, rather than « par exemple 12 500,00 »
    expect(at(12, 'montant-invalide').message.replace(/\u00a0/g, ' ')).toMatch(/Pour un accord-cadre, saisissez son montant maximum en euros, ou son montant estimé s'il n'a pas de maximum \(par exemple 500 000\)\.$/);
    expect(at(4, 'siret-invalide').gravite).toBe('avertissement');
    expect(at(4, 'siret-invalide').colonne).toBe('SIRET');
    // (after the first run) the three SIRETs are said as such, not « n'a pas 14 chiffres »
    expect(at(4, 'siret-invalide').message.replace(/\u00a0/g, ' ')).toMatch(/porte 3 numéros de 14 chiffres, un par titulaire sans doute/);
    expect(at(17, 'siret-invalide').message).toMatch(/clé de contrôle est fausse/);
    // « Type » is no field: nothing is said of it
    expect(r.result.controles.filter((c) => c.colonne === 'Type')).toEqual([]);
    expect(r.result.suggestions).toEqual([]);
  });

  it('every id of the spec, once, in order', () => {
    expect(r.result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
  });

  it.each(SPEC_IDS)('%s', (id) => {
    checkIndicator(byId(r.result).get(id)!, EXPECTED_A[id]);
  });

  it('parPole: one Pôle, its value the City value', () => {
    expectPerPole(r, 'Pôle Ressources');
  });

  it('the written workbook: the amounts typed « Maxi : … » and « … (estimation) » are the agreements’ amounts', async () => {
    const file = path.join(dir, 'A - sortie.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows = registerRows(wb.getWorksheet('SPASER Registre')!);
    expect(rows.map((x) => text(x['N° de marché']).trim())).toEqual([
      'AC-2025-01', 'AC-2025-01/MS1', 'AC-2025-01-MS2', 'AC-2025-01', 'AC-2025-02', 'AC-2025-02', 'AC-2025-02-BC02',
      'AC-2025-02-BC03', 'AC-2025-03', 'AC-2025-03/MS1', 'AC-2024-07', 'AC-2024-07', 'AC-2024-07', 'AC-2025-04',
    ]);
    expect(rows.map((x) => x['Montant notifié HT (€)'])).toEqual([
      500000, 42000, 27350.5, 18000, 300000, 8400, 15600, 6000, expect.anything(), 64800, 120000, 120000, 120000, 90000,
    ]);
    expect(rows.map((x) => text(x['Statut']))).toEqual([
      'Avertissement', 'OK', 'OK', 'Erreur', 'OK', 'Erreur', 'OK', 'Erreur', 'Erreur', 'OK', 'OK', 'OK', 'Erreur', 'Avertissement',
    ]);
    expect(text(rows[13]['Date de notification'])).toBe('2025-03-03');
    expect(chartCount(file)).toBe(2);
  }, 60_000);
});

describe('blind « accords-cadres »: mini / maxi / estimé columns, indented orders, multi-attributaire (B)', () => {
  let dir: string;
  let r: JsonRun;
  beforeAll(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, FILE_AC_B), await buildAccordsCadresB());
    r = await calculerJson(dir, FILE_AC_B, 'B - sortie.xlsx');
  }, 120_000);

  it('runs: exercice 2025, spend from « Dépenses de l’exercice »', () => {
    expect({ code: r.code, stderr: r.code === EXIT_OK ? '' : r.stderr }).toEqual({ code: EXIT_OK, stderr: '' });
    expect(r.result.exercice).toBe(2025);
    expect(r.result.depense).toBe('montantMandate');
  });

  it('lignes: 10 read, 5 of R, 4 in error, 1 of R with a warning', () => {
    expect(r.result.lignes).toEqual({ lues: 10, exercice: 5, erreurs: 4, avertissements: 1 });
  });

  it('controls: indented orders are doublons, the maximum column is the amount (the estimate beside is not read)', () => {
    expect(sortedControls(r.result)).toEqual([
      [SHEET_AC_B, 3, 'doublon'],
      [SHEET_AC_B, 4, 'doublon'],
      [SHEET_AC_B, 5, 'siret-invalide'],
      [SHEET_AC_B, 8, 'montant-manquant'],
      [SHEET_AC_B, 11, 'date-invalide'],
    ]);
    const at = (ligne: number, code: string) => r.result.controles.find((c) => c.ligne === ligne && c.code === code)!;
    expect(at(8, 'montant-manquant').colonne).toBe('Montant maxi HT');
    expect(at(5, 'siret-invalide').colonne).toBe('N° SIRET');
    expect(at(5, 'siret-invalide').message.replace(/\u00a0/g, ' ')).toMatch(/porte 2 numéros de 14 chiffres/);
    for (const l of [3, 4]) {
      expect(at(l, 'doublon').message).toMatch(/Conflit/);
      // (after the first run) « Bon de commande de janvier »: no number to propose
      expect(at(l, 'doublon').message.replace(/\u00a0/g, ' ')).toMatch(/ L'objet dit un bon de commande, saisi sous le numéro de son accord-cadre : donnez-lui son propre numéro pour qu'il compte comme un marché, ou laissez-le/);
    }
    expect(r.result.suggestions).toEqual([]);
  });

  it('every id of the spec, once, in order', () => {
    expect(r.result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
  });

  it.each(SPEC_IDS)('%s', (id) => {
    checkIndicator(byId(r.result).get(id)!, EXPECTED_B[id]);
  });

  it('parPole: one Pôle, the file name', () => {
    expectPerPole(r, 'Pôle Éducation');
  });

  it('the written workbook: 3 charts', () => {
    expect(chartCount(path.join(dir, 'B - sortie.xlsx'))).toBe(3);
  });
});

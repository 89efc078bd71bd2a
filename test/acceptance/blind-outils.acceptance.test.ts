/**
 * BLIND acceptance « outils » — Pôle workbooks written by other tools than Excel (Google Sheets, an
 * openpyxl script, a reporting tool's filtered export), built part by part in
 * ./blind-outils-workbooks.ts. Expectations computed by hand from `/work/shared/spec/` and the README,
 * before reading src/ and before the first run. Run through the command line, files in the order
 * A, B, C: `calculer "Pôle Culture.xlsx" "Pôle Ressources.xlsx" "Pôle Éducation.xlsx" --json`
 * (today = 2026-01-15).
 *
 * ── Reading (regles.md §2, README « Lecture des cellules », « Formules sans résultat ») ──
 *  - shared strings and inline strings are texts like any other; `t="b"` 1/0 are oui/non;
 *  - serials under `dd/mm/yyyy` and `d" "mmmm" "yyyy` are dates (letters outside quotes show a date);
 *    `45673.0` is a number like `45673`; text dates `15/09/2025`, `03/02/2025` are day-first, `2025-03-04`
 *    ISO; `31/06/2025` does not exist → date-invalide;
 *  - a formula error (cached `#REF!`, `#N/A`, `#DIV/0!`) in a mapped cell → valeur-illisible only (README
 *    « Contrôles »: not montant-manquant in addition), the row leaves every indicator;
 *  - a formula with a cached text result (`t="str"`) is that text (EDU-001, postal code 59100); `DATE()`
 *    with its cached serial under a date format is that date;
 *  - a formula WITHOUT a cached value (openpyxl `<f>…</f><v/>`, or no `<v>`) cannot be known without
 *    computing: it is read empty (README « Formules sans résultat »), and the sheet is named in a remark
 *    (« La feuille « Export » a 14 formules enregistrées sans leur résultat … Ouvrez le classeur dans Excel,
 *    enregistrez-le, puis recommencez. »): 5 TTC formulas (E2–E4, E6, E7; E5 is typed), 6 « Clause
 *    sociale » IFs (G2–G7), D5 and the two SUMs of the total row. Decision (spec silent): B5's amount is
 *    then empty → `montant-manquant` (regles §3: the value read is empty), but its message must say the cell
 *    holds a formula without its result — « le montant est vide » alone would contradict what the buyer
 *    sees in Excel;
 *  - « Clause sociale » of B is read empty on every row → non (regles §2: empty booléen = non): B2's 450
 *    hours then give `heures-sans-clause` (regles §3, to the letter; the remark says why);
 *  - numbers under a date format in a NUMBER column: written blind as numbers (« Excel numbers »). MY
 *    MISTAKE, found at the first run: the README says « Un nombre est une date seulement si son format
 *    montre une date », so such a cell is a date, and regles §2 lists « Excel dates » for date fields only:
 *    a number column does not read it → C2's delay « 24/01/1900 » and C7's « 10/01/1900 » valeur-illisible,
 *    C3's amount « 16/04/1975 » montant-invalide. What the first run did show is a defect of the message:
 *    « Saisissez un nombre » sends the buyer to retype 24 in a cell that shows 24/01/1900 again; it now
 *    names the date format (fixed, test/domain/date-format-in-number.test.ts);
 *  - postal codes typed as numbers are their 5 digits; hidden rows (C3, C7, filter saved active,
 *    `filterMode`) are data (the spec never leaves hidden rows out; recipes `cellules`, `libreoffice`);
 *  - the totals row B9 (« Total » in the objet column, no numero) is skipped silently.
 *
 * ── Mapping (champs.md) ──
 *  A: numero, objet, dateNotification, montant, clauseSociale, clauseEnvironnementale, titulaire,
 *     codePostalTitulaire, delaiPaiement.
 *  B: numero (« Référence »), objet (« Libellé »), dateNotification (« Notifié le »), montant,
 *     heuresInsertionRealisees, clauseSociale, titulaire, communeTitulaire (« Ville »); « Montant TTC (€) »
 *     never an HT amount: not mapped.
 *  C: numero, objet, dateNotification, montant, montantMandate, delaiPaiement, clauseSociale,
 *     critereEnvironnemental, titulaire, codePostalTitulaire.
 * Pôles: no Pôle column → the file name: « Pôle Culture », « Pôle Ressources », « Pôle Éducation ».
 *
 * ── Rows (18 read: A2–A7, B2–B7, C2–C7) ──
 *  row  numero       date        mt         dep        CS  CE(A)/CrE(C) supplier → zone            delai  finding
 *  A2   CUL-25-001   16/01/2025  48 000     48 000     ✓   ·       Atelier Lemaire, 59100 → Roubaix       28
 *  A3   CUL-25-002   03/03/2025  12 500,50  12 500,50  ·   ✓       Scène Services SARL, 59000 → MEL       45  ⚠ delai-paiement-depasse
 *  A4   CUL-25-003   22/04/2025  #REF!                                                                     ✗ valeur-illisible (Montant HT)
 *  A5   CUL-25-004   15/09/2025  22 000     22 000     ✓   ✓       Compagnie Zénith, 59100 → Roubaix      20
 *  A6   CUL-25-005   10/06/2025  31 000     31 000     ✓   ·       Sécuritas France, 75008 → France       25
 *  A7   CUL-25-006   07/10/2025   8 750      8 750     ·   ·       Lumière & Son, 59510 (Hem) → MEL       —
 *  B2   RES-2025-01  03/02/2025  96 000     96 000     ·   (none)  Propreté Roubaisienne, Roubaix         —   ⚠ heures-sans-clause (450 h)
 *  B3   RES-2025-02  04/03/2025  15 400,80  15 400,80  ·           Bureau Vallée Lille, Lille → MEL       —
 *  B4   RES-2025-03  31/06/2025                                                                            ✗ date-invalide
 *  B5   RES-2025-04  12/05/2025  (=E5/1.2, no result)                                                      ✗ montant-manquant (message: formula)
 *  B6   RES-2025-05  20/06/2025  12 000     12 000     ·           La Poste, Paris, no CP → Inconnue      —
 *  B7   RES-2025-06  07/07/2025   8 400      8 400     ·           Ascenseurs Flandres, Wattrelos → MEL   —
 *  C2   EDU-001      10/02/2025  64 000                                                         24/01/1900  ✗ valeur-illisible (Délai de paiement)
 *  C3   EDU-002      17/03/2025  16/04/1975                                                     33  ✗ montant-invalide, ⚠ delai-paiement-depasse
 *  C4   EDU-003      14/04/2025                                    #N/A                                        ✗ valeur-illisible (Titulaire)
 *  C5   EDU-004      05/05/2025                                                                     #DIV/0!  ✗ valeur-illisible (Délai de paiement)
 *  C6   CUL-25-005   20/06/2025  (same numero and year as A6, earlier file)                                   ✗ doublon
 *  C7   EDU-006      01/09/2025  33 000                                                         10/01/1900  ✗ valeur-illisible (Délai de paiement)
 * Every readable date is of 2025 → N = 2025, no N−1 (every n1 null).
 * lignes: lues 18, erreurs 9 (A4, B4, B5, C2–C7: no row of « Pôle Éducation » counts), exercice 9 (R = M:
 * no horsMarche column), avertissements 2 (A3, B2; C3's warning is on a row in error).
 * depense = montant (no valid row of N has a mandated spend).
 * Σ_R dep = A 122 250,50 + B 131 800,80 = 254 051,30.
 * (Blind, before the first run, with C2, C3, C7 valid: lues 18, erreurs 6, exercice 12, avertissements 3,
 * depense montantMandate, Σ 351 551,30, and C's rows in every value below; see the first commit.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run';
import type { SpaserResult } from '../../src/domain/model';
import { capture } from '../cli/helpers';
import { SPEC_IDS, checkIndicator, sortedControls, type JsonRun, type StatusExpectation } from './helpers';
import { FILE_A, FILE_B, FILE_C, SHEET_A, SHEET_B, SHEET_C, UNCALCULATED_B, buildGoogleSheets, buildOpenpyxl, buildReportExport } from './blind-outils-workbooks';

const SUM_DEP = 254051.3;
const pct = (a: number, b: number): number => (a / b) * 100;
const CUL = 'Pôle Culture';
const RES = 'Pôle Ressources';
const EDU = 'Pôle Éducation';

/** Hand values; `pp` = parPole where checked. Every other id is non calculable. */
const CALCULATED: Record<string, StatusExpectation & { pp?: Record<string, number | null> }> = {
  // AR in M: A2, A3, A5, A6 = 4 (B's only consideration column reads non everywhere; no row of C counts).
  '1.1.2-marches-ar': { s: 'calculé', v: 4, n1: null },
  // 48000 + 12500.5 + 22000 + 31000
  '1.1.2-montant-ar': { s: 'calculé', v: 113500.5, n1: null, pp: { [CUL]: 113500.5, [RES]: 0, [EDU]: null } },
  // A and C map the delay, only A's rows count: 28, 45, 20, 25 (A7 empty) → 118 / 4.
  '2.1.5-delai-paiement': { s: 'calculé', v: 118 / 4, n1: null, pp: { [CUL]: 118 / 4, [RES]: null, [EDU]: null } },
  // env field in A (clause) and C (critère): M = A's 5; env: A3, A5 = 2.
  '3.1.1-consideration-env': { s: 'calculé', v: 40, n1: null, pp: { [CUL]: 40, [RES]: null, [EDU]: null } },
  // clause env. only in A: A3, A5 of 5.
  '3.1.1-clauses-env': { s: 'calculé', v: 40, n1: null },
  // sociale in M (all three map clauseSociale): A2, A5, A6 = 3 of 9.
  '4.1.2-consideration-sociale': { s: 'calculé', v: pct(3, 9), n1: null, pp: { [CUL]: 60, [RES]: 0, [EDU]: null } },
  '4.2.2-clause-sociale-nb': { s: 'calculé', v: 3, n1: null },
  '4.2.2-clause-sociale-part': { s: 'calculé', v: pct(3, 9), n1: null },
  // no Suivi insertion; only B maps the hours: B2 450 + B3 0 (B6, B7 empty).
  '4.2.2-heures': { s: 'calculé', v: 450, n1: null, pp: { [CUL]: null, [RES]: 450, [EDU]: null } },
  // 9 distinct suppliers (names, no SIRET column; C's rows are all in error).
  //   Roubaix A2, A5, B2: 3, dep 48000 + 22000 + 96000 = 166000
  //   MEL A3, A7, B3, B7: 4, dep 12500.5 + 8750 + 15400.8 + 8400 = 45051.3
  //   France A6 (75008): 1, 31000;  Inconnue B6 (Paris, no CP): 1, 12000
  '5.1.1-fournisseurs-zone': {
    s: 'calculé',
    v: null,
    n1: null,
    rep: {
      Roubaix: { fournisseurs: pct(3, 9), depense: pct(166000, SUM_DEP) },
      'MEL (hors Roubaix)': { fournisseurs: pct(4, 9), depense: pct(45051.3, SUM_DEP) },
      'France (hors Hauts-de-France)': { fournisseurs: pct(1, 9), depense: pct(31000, SUM_DEP) },
      Inconnue: { fournisseurs: pct(1, 9), depense: pct(12000, SUM_DEP) },
    },
  },
  '5.1.1-montant-moyen-roubaix': { s: 'calculé', v: 166000 / 3, n1: null },
};

/**
 * Non calculable: every other id but 1.1.2-dataviz. Among them, by the spec's letter:
 * 3.1.1-criteres-env needs critereEnvironnemental AND procedure, and no sheet maps procedure;
 * 5.1.4-fournisseurs-typologie has neither categorieEntreprise nor effectifTitulaire.
 */
const NOT_CALCULABLE = SPEC_IDS.filter((id) => !(id in CALCULATED) && id !== '1.1.2-dataviz');

let dir: string;
let run: JsonRun;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blind-outils-'));
  fs.writeFileSync(path.join(dir, FILE_A), await buildGoogleSheets());
  fs.writeFileSync(path.join(dir, FILE_B), await buildOpenpyxl());
  fs.writeFileSync(path.join(dir, FILE_C), await buildReportExport());
  const c = capture(dir);
  const code = await runCli(['calculer', FILE_A, FILE_B, FILE_C, '--sortie', 'conso.xlsx', '--json'], c.io);
  run = { code, result: JSON.parse(c.stdout()) as SpaserResult, stderr: c.stderr() };
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('blind « outils »: Google Sheets, an openpyxl script and a filtered report export, consolidated', () => {
  it('the files are what the tools write: no dimension and a frozen header (A), inline strings and formulas without values (B), a saved filter (C)', async () => {
    const JSZip = (await import('jszip')).default;
    const sheetOf = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    const a = await sheetOf(await buildGoogleSheets());
    expect(a).not.toMatch(/<dimension/);
    expect(a).toMatch(/state="frozen"/);
    expect(a).toMatch(/t="b"><v>1<\/v>/);
    const b = await sheetOf(await buildOpenpyxl());
    expect(b).toMatch(/t="inlineStr"/);
    expect((b.match(/<\/f><v\/>/g) ?? []).length + (b.match(/<\/f><\/c>/g) ?? []).length).toBe(UNCALCULATED_B);
    expect(b).not.toMatch(/<\/f><v>/);
    const c = await sheetOf(await buildReportExport());
    expect(c).toMatch(/<sheetPr filterMode="1"\/>/);
    expect((c.match(/hidden="1"/g) ?? []).length).toBe(2);
  });

  it('exercice 2025, notified amounts, 18 rows read, 9 of N, 9 in error, 2 with a warning', () => {
    expect(run.code).toBe(0);
    expect(run.result.exercice).toBe(2025);
    expect(run.result.depense).toBe('montant');
    expect(run.result.lignes).toEqual({ lues: 18, exercice: 9, erreurs: 9, avertissements: 2 });
    expect(run.result.indicateurs.map((i) => i.id)).toEqual(SPEC_IDS);
    expect(run.result.suggestions).toEqual([]);
  });

  it('the controls: a #REF! amount, an impossible text date, an amount formula without result, #N/A, #DIV/0!, a doublon', () => {
    expect(sortedControls(run.result)).toEqual(
      [
        [SHEET_C, 2, 'valeur-illisible'],
        [SHEET_C, 3, 'delai-paiement-depasse'],
        [SHEET_C, 3, 'montant-invalide'],
        [SHEET_C, 4, 'valeur-illisible'],
        [SHEET_C, 5, 'valeur-illisible'],
        [SHEET_C, 6, 'doublon'],
        [SHEET_C, 7, 'valeur-illisible'],
        [SHEET_B, 2, 'heures-sans-clause'],
        [SHEET_B, 4, 'date-invalide'],
        [SHEET_B, 5, 'montant-manquant'],
        [SHEET_A, 3, 'delai-paiement-depasse'],
        [SHEET_A, 4, 'valeur-illisible'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || (a[1] as number) - (b[1] as number) || String(a[2]).localeCompare(String(b[2]))),
    );
    const at = (sheet: string, row: number, code: string) => run.result.controles.find((c) => c.feuille === sheet && c.ligne === row && c.code === code)!;
    expect(at(SHEET_A, 4, 'valeur-illisible').colonne).toBe('Montant HT');
    expect(at(SHEET_C, 4, 'valeur-illisible').colonne).toBe('Titulaire');
    expect(at(SHEET_C, 5, 'valeur-illisible').colonne).toBe('Délai de paiement');
    expect(at(SHEET_C, 2, 'valeur-illisible').colonne).toBe('Délai de paiement');
    expect(at(SHEET_C, 7, 'valeur-illisible').colonne).toBe('Délai de paiement');
    expect(at(SHEET_B, 5, 'montant-manquant').colonne).toBe('Montant HT (€)');
    expect(at(SHEET_A, 4, 'valeur-illisible').source).toBe(FILE_A);
    expect(at(SHEET_B, 5, 'montant-manquant').source).toBe(FILE_B);
    expect(at(SHEET_C, 6, 'doublon').source).toBe(FILE_C);
  });

  it('the amount computed by a formula saved without its result is said to be a formula, not an empty cell', () => {
    const m = plain(run.result.controles.find((c) => c.feuille === SHEET_B && c.ligne === 5)!.message);
    expect(m).toMatch(/formule/);
    expect(m).toMatch(/Excel/);
    // As written after the first run (it said « le montant notifié HT est vide »).
    expect(m).toBe(
      'Ligne 5, colonne « Montant HT (€) » : le montant notifié HT ne peut pas être lu : la cellule contient une formule enregistrée sans son résultat (classeur écrit par un logiciel et jamais ouvert dans Excel). Ouvrez le classeur dans Excel, enregistrez-le, puis recommencez.',
    );
    // B2's hours without a clause: the clause is an IF saved without its result, and the warning says so.
    expect(plain(run.result.controles.find((c) => c.feuille === SHEET_B && c.ligne === 2)!.message)).toContain(
      'La cellule de la colonne « Clause sociale » contient une formule enregistrée sans son résultat : elle se lit vide.',
    );
  });

  it('a number under a date format: the message names the format and how to show the number (not « Saisissez un nombre » alone)', () => {
    const m = (row: number, code: string) => plain(run.result.controles.find((c) => c.feuille === SHEET_C && c.ligne === row && c.code === code)!.message);
    expect(m(2, 'valeur-illisible')).toContain("« 24/01/1900 » ne peut pas être lue. Excel l'affiche en date parce que la cellule est au format Date : mettez-la au format Standard (Accueil › Nombre) et vérifiez le nombre affiché");
    expect(m(3, 'montant-invalide')).toContain('au format Date : mettez-la au format Standard (Accueil › Nombre) et vérifiez le montant affiché');
  });

  it('the openpyxl sheet is named in a remark with its formulas saved without their result; the others are not', () => {
    const err = plain(run.stderr);
    expect(err).toMatch(new RegExp(`« ${SHEET_B} »[^\\n]*${UNCALCULATED_B} formules enregistrées sans leur résultat`));
    expect(err).not.toMatch(new RegExp(`« ${SHEET_A} »[^\\n]*sans leur résultat`));
    expect(err).not.toMatch(new RegExp(`« ${SHEET_C} »[^\\n]*sans leur résultat`));
  });

  it.each(Object.entries(CALCULATED))('%s as computed by hand', (id, e) => {
    const ind = run.result.indicateurs.find((i) => i.id === id)!;
    checkIndicator(ind, e);
    for (const [pole, v] of Object.entries(e.pp ?? {})) {
      const got = ind.parPole?.[pole] ?? null;
      if (v === null) expect([id, pole, got]).toEqual([id, pole, null]);
      else expect([id, pole, got]).toEqual([id, pole, expect.closeTo(v, 9)]);
    }
  });

  it.each(NOT_CALCULABLE)('%s is non calculable', (id) => {
    checkIndicator(run.result.indicateurs.find((i) => i.id === id)!, { s: 'nc', n1: null });
  });

  it('3.1.1-criteres-env names the missing Procédure column', () => {
    expect(plain(run.result.indicateurs.find((i) => i.id === '3.1.1-criteres-env')!.motif ?? '')).toMatch(/Procédure/);
  });

  it('1.1.2-dataviz counts the charts written: considerations, zones, considerations by Pôle', () => {
    const charts = new Set(fs.readFileSync(path.join(dir, 'conso.xlsx')).toString('latin1').match(/xl\/charts\/chart\d+\.xml/g) ?? []).size;
    expect(charts).toBe(3);
    checkIndicator(run.result.indicateurs.find((i) => i.id === '1.1.2-dataviz')!, { s: 'calculé', v: 3 });
  });
});

/**
 * BLIND acceptance test « règles » — the rules of `regles.md` that the ~22 earlier blind tests
 * check least, on their hard cases. Expectations written by hand from `../shared/spec/` and the
 * README's « Choix faits » only, before reading `src/` (workbook: ./blind-regles-workbooks.ts).
 *
 * Coverage survey (earlier blind-*.acceptance.test.ts): every code of §3 is asserted somewhere, but
 * `montants-ae-superieurs` once (spend = montant, 1200 > 0), `cpv-invalide` only on short codes
 * (« 4531 », « 4452 »), `objet-manquant`/`numero-manquant` on plain empty cells, `heures-sans-clause`
 * never with `marcheInsertion` oui; no test has the header on row 20 exactly, a `marcheReserve`
 * written by its article (L2113-12), an impossible date (31/04), a boundary date 31/12/2027 kept,
 * a doublon whose first row is itself in error, a La Poste SIRET failing its exception, a MEL
 * commune with a postal code of another department, `FRA` as France, a totals row « TOTAUX : »,
 * headcounts 4 999 / 5 000 / 250 side by side with a category that overrides a headcount.
 *
 * Run day 2026-01-15 → date window 01/01/2000 … 31/12/2027 (§3 date-invalide: « before
 * 01/01/2000, or after 31/12 of the year following the day of the run »). No decision.
 *
 * §1 « The header row of a sheet is the first row, among the first 20 of its used range, that matches
 * at least 3 canonical fields »: rows 1–18 are one-cell notes, row 19 empty → header on row 20.
 * Row 44 « TOTAUX : » in Intitulé, no numero → « A totals row is not a row either ».
 *
 * Columns: A numero · B objet · C procedure · D dateNotification · E montant · F montantMandate ·
 * G nbAvenants · H nbAvenantsProlongation · I codeCPV · J negociation · K gainNegociation ·
 * L delaiPaiement · M clauseSociale · N marcheInsertion · O marcheReserve · P heuresInsertionRealisees
 * · Q clauseEnvironnementale · R/S/T montantReemploi/Reutilisation/Recycle · U marcheInnovant ·
 * V titulaire · W siret · X codePostalTitulaire · Y communeTitulaire · Z paysTitulaire ·
 * AA categorieEntreprise · AB effectifTitulaire · AC commentaires. Not mapped: pole (→ file name),
 * horsMarche (M = R), critereSocial, critereEnvironnemental, offresRecues…
 *
 * row | numero     | what is hard                                              | dep     | supplier key → zone; size          | judged
 * 21  | VD-25-001  | « AO ouvert » → Appel d'offres ouvert; mt « 1 234 567,89 € HT »| 600000 | SIRET A (« 302 145 678 00017 »,    | OK
 *     |            | (U+202F) = 1234567.89; av 2 = prol 2 (not >); DGP 30 (not  |         | spaces removed §3) → Roubaix (pays  |
 *     |            | > 30); CS « ✔ »; comments « Pas de critère environnemental;|         | « FRA » = France, README); 250 → ETI |
 *     |            | aucune clause de réemploi » → negations, no suggestion     |         |                                     |
 * 22  | VD-25-002  | « PCN » → Procédure avec négociation; « 05/06/2025 » day-  | 1234.56 | name « nordbat » (no SIRET) → MEL   | ⚠ gain-sans-negociation
 *     |            | first = 5 June; mt « 1.234,56 »; CPV number 39130000 (8    |         | (« Villeneuve d ascq »: apostrophes/| ⚠ delai-paiement-depasse
 *     |            | digits, OK); négo « faux », gain « 1 200 € » (U+00A0);     |         | hyphens → space); 10 → PME          |
 *     |            | DGP « 30,5 jours » > 30                                     |         |                                     |
 * 23  | VD-25-003  | « MNSPMC » → sans publicité (not in MC); « 2025-12-31 » =  | 12500   | SIRET B → CP 59160 only (Lille and  | ⚠ suggestion-non-confirmee
 *     |            | last day of N; mandaté « 12 500 € HT »; négo « ✔ » gain 500|         | Capinghem, both MEL) → MEL; 9 → TPE |
 *     |            | (no warning); CS « N »; MI « Oui » + heures « 300 » → no   |         |                                     |
 *     |            | heures-sans-clause; comments « compostage » → suggestion   |         |                                     |
 * 24  | VD-25-004  | « Gré à gré » → sans publicité; mandaté 10000, réemploi    | 10000   | SIRET fails Luhn → name « net       | ⚠ montants-ae-superieurs
 *     |            | 6000 + recyclé 5000 = 11000 > dep 10000 (though < mt 22000)|         | flandre »; CP « 59 170 » = Croix →  | ⚠ siret-invalide
 *     |            | CE « vrai »; négo « No »; CS 0 (number)                    |         | MEL, no warning (README); 4999 → ETI|
 * 25  | VD-25-005  | « dialogue competitif » (no accent) → Dialogue compétitif; | 90000   | SIRET C stored as a number (lost 0) | OK
 *     |            | « 01.10.2025 »; AE 30000×3 = 90000 = dep (not >); CE      |         | → padded, valid; CP 8000 (number) → |
 *     |            | « TRUE »; négo 0 (number); DGP « 25 jours »                |         | 08000, Charleville → France; 5000→GE|
 * 26  | VD-25-006  | « appel d'offres restreint » → AOR; mandaté 0 (filled) →   | 0       | SIRET D; « Lille » + CP 75001 →     | ⚠ montants-ae-superieurs
 *     |            | dep 0; réemploi 100 > 0; réservation « L2113-12 » → ESAT/EA |         | France (README: MEL name wins unless| 
 *     |            | (champs.md); CS « faux »                                    |         | the code is of another département);|
 *     |            |                                                             |         | taille « pme » wins over 6000 → PME |
 * 27  | VD-25-007  | « MAPA »; « 15/07/25 » → 2025-07-15; réservation « siae »  | 30000   | name « chantier ecole roubaisien »; | OK
 *     |            | → SIAE; heures 0 (not > 0); négo « - » = non              |         | « ROUBAIX CEDEX 2 » → Roubaix; size |
 *     |            |                                                             |         | Inconnue (neither field)           |
 * 28  | VD-25-008  | procédure « Accord-cadre » (not a procedure)               |         |                                     | ✗ valeur-illisible (Procédure)
 * 29  | VD-25-009  | « procédure adaptée »; heures 50, CS « Non concerné »      | 18000   | La Poste 35600000000146: fails Luhn,| ⚠ heures-sans-clause
 *     |            | (README: first word non), MI « - » → neither is oui        |         | digit sum 25 → valid; Wattrelos →   |
 *     |            |                                                             |         | MEL; 249 → PME                      |
 * 30  | « ␣␣␣ »    | numero of spaces only (texte is trimmed → empty)           |         |                                     | ✗ numero-manquant
 * 31  | VD-25-010  | Intitulé empty                                             |         |                                     | ✗ objet-manquant
 * 32  | VD-25-011  | montant « -0,01 » negative                                 |         |                                     | ✗ montant-invalide
 * 33  | « vd-25-011 »| same numero (case, trailing space) and year as r32, whose|         |                                     | ✗ doublon (the first is kept
 *     |            | own error does not spare the second                        |         |                                     |   « whatever else it carries »)
 * 34  | VD-25-001  | same numero as r21 but 05/11/2024 → another year: no doublon| (N−1)  | SIRET A                             | OK (N−1)
 * 35  | VD-25-002  | « 31/04/2025 » → no such day: unreadable; takes no part in |         |                                     | ✗ date-invalide (no doublon)
 *     |            | the doublon check                                          |         |                                     |
 * 36  | VD-25-012  | av 1 < prol 2                                              |         |                                     | ✗ prolongations-incoherentes
 * 37  | VD-25-013  | gain = formula error #NAME?                                |         |                                     | ✗ valeur-illisible (Gain)
 * 38  | VD-25-014  | CPV « 4523314-1 » (7 digits); CP « 5910 » text, pays « FR »| 26000   | SIRET E; Wasquehal (commune wins)   | ⚠ cpv-invalide
 *     |            | → France → not 5 digits; DGP 45; négo « x »                |         | → MEL; « 12 » → PME                 | ⚠ code-postal-invalide
 *     |            |                                                             |         |                                     | ⚠ delai-paiement-depasse
 * 39  | VD-25-015  | CPV stored as the number 3000000 (03000000 lost its 0): only| 4000   | name « ferme des flandres »; pays   | ⚠ cpv-invalide
 *     |            | siret/CP are padded (§2) → 7 digits; CP « 7700 » with pays |         | Belgique → Étranger (checked first);|
 *     |            | Belgique → no code-postal-invalide; négo « FALSE »         |         | 3 → TPE                             |
 * 40  | VD-25-016  | « pa » → Procédure adaptée; « 01/01/2025 »; CS « y »;      | 7000    | name « NORDBAT, SAS » → « nordbat » | OK
 *     |            | Innovant 1 (number); négo « o »                            |         | = r22's supplier (MEL, PME of its   |
 *     |            |                                                             |         | first row; its CP 59491 unused)     |
 * 41  | VD-25-017  | « CONCOURS »; CS « o »; Innovant « Oui, expérimentation »  | 20000   | SIRET A under another name → r21's  | OK
 *     |            | (starts with oui); négo « Vrai »; DGP « 28,5 »             |         | supplier (Roubaix, ETI)             |
 * 42  | VD-25-018  | 31/12/2027: the last allowed day → valid (year 2027)       |         |                                     | OK (other year)
 * 43  | VD-25-019  | « 01/01/2000 »: the first allowed day → valid (year 2000)  |         |                                     | OK (other year)
 * 44  | —          | « TOTAUX : », no numero, SUM formula                       |         |                                     | not a row
 *
 * Exercice (§9): readable dates 2025 ×19 (r21–r33, r36–r41), 2024 ×1, 2027 ×1, 2000 ×1 → N = 2025.
 * R = {21 22 23 24 25 26 27 29 38 39 40 41} (12). M = R. MC = M − {23, 24} (10).
 * lignes: lues 23 (r21–r43), erreurs 8 (28 30 31 32 33 35 36 37), exercice 12,
 * avertissements 7 (22 23 24 26 29 38 39).
 */
import type { ChainOutput } from '../../src/domain/chain';
import { runChain } from '../../src/domain/chain';
import type { IndicatorResult } from '../../src/domain/model';
import { chainInput, registerValue } from './helpers';
import { COLUMNS, FILE_FAR, FILE_RES, FILE_REGLES, FILE_SOL, HEADER_ROW, HEADER_SOL, SHEET_FAR, SHEET_REGLES, SHEET_SOL, SIRET_C, workbookFarHeader, workbookRegles, workbookRes, workbookSol } from './blind-regles-workbooks';

const TODAY = '2026-01-15';
const pct = (a: number, b: number) => (100 * a) / b;

let out: ChainOutput;

beforeAll(async () => {
  out = runChain([await chainInput(FILE_REGLES, await workbookRegles())], { today: TODAY, writesCharts: false });
});

function ind(id: string): IndicatorResult {
  const found = out.result.indicateurs.filter((r) => r.id === id);
  expect(found).toHaveLength(1);
  return found[0];
}

/** A register row's value, normalised: booleans oui/non, dates ISO, empty → null. */
function value(row: number, field: string): unknown {
  return registerValue(out, row, field);
}

// ---- Controls, by hand (§3). Column = the user's header of the field the rule names. ----
const C = COLUMNS;
/** [row, gravite, code, colonne | undefined when the spec does not say which column] */
const CONTROLS: [number, 'erreur' | 'avertissement', string, string | undefined][] = [
  [22, 'avertissement', 'gain-sans-negociation', undefined], // « gainNegociation > 0 while negociation is non »
  [22, 'avertissement', 'delai-paiement-depasse', C.L], // « delaiPaiement > 30 »: 30,5
  [23, 'avertissement', 'suggestion-non-confirmee', undefined], // README: « pas de colonne nommée »
  [24, 'avertissement', 'montants-ae-superieurs', undefined], // 6000 + 0 + 5000 > dep 10000
  [24, 'avertissement', 'siret-invalide', C.W], // fails Luhn, not La Poste
  [26, 'avertissement', 'montants-ae-superieurs', undefined], // 100 > dep 0 (mandaté filled: 0)
  [28, 'erreur', 'valeur-illisible', C.C], // « an enum field whose text cannot be read »
  [29, 'avertissement', 'heures-sans-clause', undefined], // 50 > 0, neither CS nor MI oui
  [30, 'erreur', 'numero-manquant', C.A],
  [31, 'erreur', 'objet-manquant', C.B],
  [32, 'erreur', 'montant-invalide', C.E], // « unreadable or negative »
  [33, 'erreur', 'doublon', C.A],
  [35, 'erreur', 'date-invalide', C.D], // « dateNotification unreadable »
  [36, 'erreur', 'prolongations-incoherentes', undefined], // 2 > 1
  [37, 'erreur', 'valeur-illisible', C.K], // « any mapped cell holding a formula error »
  [38, 'avertissement', 'cpv-invalide', C.I],
  [38, 'avertissement', 'code-postal-invalide', C.X],
  [38, 'avertissement', 'delai-paiement-depasse', C.L],
  [39, 'avertissement', 'cpv-invalide', C.I],
];

describe('blind « règles »: the least-checked rules of regles.md on their hard cases', () => {
  it('§1 finds the header on row 20 (the last row looked at) and maps every column by its synonym', () => {
    expect(out.register.mappings).toHaveLength(1);
    const m = out.register.mappings[0];
    expect(m.sheet).toBe(SHEET_REGLES);
    expect(m.headerRow).toBe(HEADER_ROW);
    const fields: Record<string, string> = {};
    for (const c of m.columns) fields[c.header] = c.field;
    expect(fields).toEqual({
      [C.A]: 'numero', [C.B]: 'objet', [C.C]: 'procedure', [C.D]: 'dateNotification', [C.E]: 'montant',
      [C.F]: 'montantMandate', [C.G]: 'nbAvenants', [C.H]: 'nbAvenantsProlongation', [C.I]: 'codeCPV',
      [C.J]: 'negociation', [C.K]: 'gainNegociation', [C.L]: 'delaiPaiement', [C.M]: 'clauseSociale',
      [C.N]: 'marcheInsertion', [C.O]: 'marcheReserve', [C.P]: 'heuresInsertionRealisees',
      [C.Q]: 'clauseEnvironnementale', [C.R]: 'montantReemploi', [C.S]: 'montantReutilisation',
      [C.T]: 'montantRecycle', [C.U]: 'marcheInnovant', [C.V]: 'titulaire', [C.W]: 'siret',
      [C.X]: 'codePostalTitulaire', [C.Y]: 'communeTitulaire', [C.Z]: 'paysTitulaire',
      [C.AA]: 'categorieEntreprise', [C.AB]: 'effectifTitulaire', [C.AC]: 'commentaires',
    });
  });

  it('§1 reads rows 21–43 only: notes above the header and the « TOTAUX : » row are not rows', () => {
    expect(out.register.rows.map((r) => r.source.row)).toEqual(Array.from({ length: 23 }, (_, i) => 21 + i));
    expect(out.result.lignes).toEqual({ lues: 23, exercice: 12, erreurs: 8, avertissements: 7 });
  });

  it('§9 exercice 2025 (19 readable dates of 2025, errors included)', () => {
    expect(out.result.exercice).toBe(2025);
  });

  it('§3 raises exactly the hand-listed controls, on the right row', () => {
    const got = out.result.controles.map((c) => `${c.feuille}|${c.ligne}|${c.gravite}|${c.code}`).sort();
    const expected = CONTROLS.map(([r, g, code]) => `${SHEET_REGLES}|${r}|${g}|${code}`).sort();
    expect(got).toEqual(expected);
  });

  it('§3 names the user\'s own header for the single-field rules', () => {
    for (const [r, , code, col] of CONTROLS) {
      if (col === undefined) continue;
      const c = out.result.controles.find((x) => x.ligne === r && x.code === code);
      expect({ r, code, colonne: c?.colonne }).toEqual({ r, code, colonne: col });
    }
  });

  it('§3 « Messages are in French and name the row (sheet row number as the user sees it) and the column (the user\'s own header) »', () => {
    for (const [r, , code, col] of CONTROLS) {
      const c = out.result.controles.find((x) => x.ligne === r && x.code === code)!;
      expect({ r, code, row: new RegExp(`\\b${r}\\b`).test(c.message) }).toEqual({ r, code, row: true });
      if (col !== undefined) expect({ r, code, col: c.message.includes(col) }).toEqual({ r, code, col: true });
    }
  });

  it('§3 suggestion-non-confirmee names no column (README)', () => {
    const c = out.result.controles.find((x) => x.ligne === 23 && x.code === 'suggestion-non-confirmee');
    expect(c?.colonne ?? null).toBeFalsy();
  });

  it('§2 numbers: U+202F / U+00A0 groups, « € HT », « 1.234,56 », « jours », « 28,5 »', () => {
    expect(value(21, 'montant')).toBeCloseTo(1234567.89, 6);
    expect(value(22, 'montant')).toBeCloseTo(1234.56, 6);
    expect(value(23, 'montantMandate')).toBe(12500);
    expect(value(22, 'gainNegociation')).toBe(1200);
    expect(value(22, 'delaiPaiement')).toBe(30.5);
    expect(value(25, 'delaiPaiement')).toBe(25);
    expect(value(41, 'delaiPaiement')).toBe(28.5);
    expect(value(23, 'heuresInsertionRealisees')).toBe(300);
    expect(value(26, 'montantMandate')).toBe(0); // filled with 0: the spend is 0 (§5)
    expect(value(38, 'effectifTitulaire')).toBe(12);
  });

  it('§2 dates: day-first text, jj/mm/aa, jj.mm.aaaa, ISO text, and the window\'s two boundary days', () => {
    expect(value(22, 'dateNotification')).toBe('2025-06-05'); // « 05/06/2025 »: day-first always
    expect(value(23, 'dateNotification')).toBe('2025-12-31');
    expect(value(25, 'dateNotification')).toBe('2025-10-01');
    expect(value(27, 'dateNotification')).toBe('2025-07-15'); // « 15/07/25 » → 20aa
    expect(value(40, 'dateNotification')).toBe('2025-01-01');
    expect(value(42, 'dateNotification')).toBe('2027-12-31');
    expect(value(43, 'dateNotification')).toBe('2000-01-01');
  });

  it('§2 yes/no in the listed spellings (and README « Non concerné »)', () => {
    const expected: [number, string, string][] = [
      [21, 'clauseSociale', 'oui'], // ✔
      [23, 'negociation', 'oui'], // ✔
      [23, 'clauseSociale', 'non'], // N
      [23, 'marcheInsertion', 'oui'], // Oui
      [24, 'negociation', 'non'], // No
      [24, 'clauseSociale', 'non'], // 0 (a number)
      [24, 'clauseEnvironnementale', 'oui'], // vrai
      [25, 'negociation', 'non'], // 0
      [25, 'clauseEnvironnementale', 'oui'], // TRUE
      [26, 'negociation', 'non'], // n
      [26, 'clauseSociale', 'non'], // faux
      [27, 'negociation', 'non'], // -
      [29, 'clauseSociale', 'non'], // Non concerné (README)
      [29, 'marcheInsertion', 'non'], // -
      [38, 'negociation', 'oui'], // x
      [39, 'negociation', 'non'], // FALSE
      [40, 'negociation', 'oui'], // o
      [40, 'clauseSociale', 'oui'], // y
      [40, 'marcheInnovant', 'oui'], // 1 (a number)
      [41, 'negociation', 'oui'], // Vrai
      [41, 'clauseSociale', 'oui'], // o
      [41, 'marcheInnovant', 'oui'], // « Oui, expérimentation »: starts with oui
    ];
    expect(expected.map(([r, f]) => [r, f, value(r, f)])).toEqual(expected);
  });

  it('§2 enums: procedure synonyms without accents or in capitals, marcheReserve by article or lower case', () => {
    const expected: [number, string, string][] = [
      [21, 'procedure', "Appel d'offres ouvert"], // AO ouvert
      [22, 'procedure', 'Procédure avec négociation'], // PCN
      [23, 'procedure', 'Marché passé sans publicité ni mise en concurrence préalable'], // MNSPMC
      [24, 'procedure', 'Marché passé sans publicité ni mise en concurrence préalable'], // Gré à gré
      [25, 'procedure', 'Dialogue compétitif'], // dialogue competitif
      [26, 'procedure', "Appel d'offres restreint"],
      [29, 'procedure', 'Procédure adaptée'],
      [38, 'procedure', "Appel d'offres ouvert"], // AOO
      [40, 'procedure', 'Procédure adaptée'], // pa
      [41, 'procedure', 'Concours'], // CONCOURS
      [27, 'marcheReserve', 'SIAE'], // siae
      [26, 'categorieEntreprise', 'PME'], // pme
    ];
    expect(expected.map(([r, f]) => [r, f, value(r, f)])).toEqual(expected);
  });

  it('§2 texte: a SIRET and a postal code typed as numbers are padded to 14 and 5 digits', () => {
    expect(value(25, 'siret')).toBe(SIRET_C);
    expect(value(25, 'codePostalTitulaire')).toBe('08000');
  });

  it('§4 negations do not suggest; « compostage » suggests an environmental tag, left pending', () => {
    expect(out.result.suggestions.map((s) => [s.numero, s.consideration, s.declencheur, s.decision])).toEqual([
      ['VD-25-003', 'environnementale', 'compostage', null],
    ]);
  });

  // ---- Indicators fed by these rules (N = 2025, R = M = 12 rows) ----
  // dep: 21 600000 · 22 1234.56 · 23 12500 · 24 10000 · 25 90000 · 26 0 · 27 30000 · 29 18000 ·
  //      38 26000 · 39 4000 · 40 7000 · 41 20000 → Σ 818734.56
  const SUM_DEP = 600000 + 1234.56 + 12500 + 10000 + 90000 + 0 + 30000 + 18000 + 26000 + 4000 + 7000 + 20000;
  // mt: 21 1234567.89 · 22 1234.56 · 23 48000 · 24 22000 · 25 90000 · 26 15000 · 27 30000 · 29 18000 ·
  //     38 26000 · 39 4000 · 40 7000 · 41 20000 → Σ 1515802.45
  const SUM_MT = 1234567.89 + 1234.56 + 48000 + 22000 + 90000 + 15000 + 30000 + 18000 + 26000 + 4000 + 7000 + 20000;

  it('hand sums', () => {
    expect(SUM_DEP).toBeCloseTo(818734.56, 6);
    expect(SUM_MT).toBeCloseTo(1515802.45, 6);
  });

  const CALCULATED: [string, number][] = [
    // §4 sociale: 21 (CS ✔), 23 (MI), 26 (réservé ESAT/EA), 27 (SIAE), 40 (CS y), 41 (CS o) → 6 / 12
    ['4.1.2-consideration-sociale', pct(6, 12)],
    // env: 24 (vrai), 25 (TRUE); r23 suggested only, not confirmed → « never count » → 2 / 12
    ['3.1.1-consideration-env', pct(2, 12)],
    ['3.1.1-clauses-env', pct(2, 12)],
    ['4.2.2-clause-sociale-nb', 3], // 21, 40, 41
    ['4.2.1-insertion-nb', 1], // 23
    ['4.2.1-insertion-montant', 12500], // dep of 23
    ['4.2.3-reserves', 2], // 26 (L2113-12), 27 (siae)
    ['1.1.2-marches-ar', 8], // 21 23 24 25 26 27 40 41
    ['1.1.2-montant-ar', 600000 + 12500 + 10000 + 90000 + 0 + 30000 + 7000 + 20000], // 769500
    ['1.1.2-avenants-ar', 2], // r21's 2 avenants; the other AR rows have 0
    ['2.2.4-dossiers-negocies', 4], // 23 ✔, 38 x, 40 o, 41 Vrai
    ['2.2.4-gain-negociation', 1200 + 500], // 22, 23 (r37's #NAME? is in an error row)
    // DGP filled: 21 30 · 22 30.5 · 23 15 · 24 20 · 25 25 · 26 20 · 29 10 · 38 45 · 39 20 · 41 28.5 → 244 / 10
    ['2.1.5-delai-paiement', 24.4],
    ['3.1.1-reemploi', 0 + 6000 + 30000 + 100], // 21 (0), 24, 25, 26
    ['3.1.1-reutilisation', 30000], // 25
    ['3.1.1-recycle', 5000 + 30000], // 24, 25
    ['4.2.2-heures', 1200 + 300 + 0 + 50], // 21, 23, 27, 29 (no Suivi insertion sheet)
    ['5.2.1-innovants-nb', pct(2, 12)], // 40 (1), 41 (Oui, …)
    ['5.2.1-innovants-montant', pct(7000 + 20000, SUM_MT)],
    // Roubaix suppliers: SIRET A (r21 + r41: 620000), « chantier ecole roubaisien » (30000) → 650000 / 2
    ['5.1.1-montant-moyen-roubaix', 325000],
  ];

  it.each(CALCULATED)('%s = hand value', (id, v) => {
    const i = ind(id);
    expect(i.statut).toBe('calculé');
    expect(i.valeur as number).toBeCloseTo(v, 6);
  });

  /*
   * §8 distinct suppliers of R, §6 zone and §7 size of each supplier's first row:
   *   A (SIRET, r21 r41)             Roubaix   ETI (250)          dep 620000
   *   « nordbat » (r22 r40)          MEL       PME (10)           dep 1234.56 + 7000
   *   B (r23)                        MEL (59160)  TPE (9)        dep 12500
   *   « net flandre » (r24, bad SIRET) MEL (59 170) ETI (4999)   dep 10000
   *   C (r25)                        France (08000)  GE (5000)   dep 90000
   *   D (r26)                        France (Lille + 75001)  PME (taille) dep 0
   *   « chantier ecole roubaisien » (r27) Roubaix  Inconnue      dep 30000
   *   La Poste (r29)                 MEL (Wattrelos)  PME (249)  dep 18000
   *   E (r38)                        MEL (Wasquehal)  PME (12)   dep 26000
   *   « ferme des flandres » (r39)   Étranger  TPE (3)           dep 4000
   * → 10 suppliers.
   */
  it('5.1.1-fournisseurs-zone: shares of the 10 suppliers and of Σ dep', () => {
    const exp: Record<string, [number, number]> = {
      Roubaix: [2, 650000],
      'MEL (hors Roubaix)': [5, 1234.56 + 7000 + 12500 + 10000 + 18000 + 26000],
      'France (hors Hauts-de-France)': [2, 90000],
      Étranger: [1, 4000],
    };
    const rep = ind('5.1.1-fournisseurs-zone').repartition as Record<string, { fournisseurs: number; depense: number }>;
    for (const [zone, [n, dep]] of Object.entries(exp)) {
      expect({ zone, f: rep[zone]?.fournisseurs, d: rep[zone]?.depense }).toEqual({ zone, f: expect.closeTo(pct(n, 10), 6), d: expect.closeTo(pct(dep, SUM_DEP), 6) });
    }
    for (const [zone, v] of Object.entries(rep)) if (!(zone in exp)) expect({ zone, v }).toEqual({ zone, v: { fournisseurs: 0, depense: 0 } });
  });

  it('5.1.4-fournisseurs-typologie: sizes from category first, else headcount at 9/10, 249/250, 4999/5000', () => {
    const exp: Record<string, [number, number]> = {
      TPE: [2, 12500 + 4000],
      PME: [4, 1234.56 + 7000 + 0 + 18000 + 26000],
      ETI: [2, 620000 + 10000],
      GE: [1, 90000],
      Inconnue: [1, 30000],
    };
    const rep = ind('5.1.4-fournisseurs-typologie').repartition as Record<string, { fournisseurs: number; depense: number }>;
    for (const [size, [n, dep]] of Object.entries(exp)) {
      expect({ size, f: rep[size]?.fournisseurs, d: rep[size]?.depense }).toEqual({ size, f: expect.closeTo(pct(n, 10), 6), d: expect.closeTo(pct(dep, SUM_DEP), 6) });
    }
    for (const [size, v] of Object.entries(rep)) if (!(size in exp)) expect({ size, v }).toEqual({ size, v: { fournisseurs: 0, depense: 0 } });
  });

  it('§5 the spend is the mandated amount, used by valid rows of N', () => {
    expect(out.result.depense).toBe('montantMandate');
  });
});

/*
 * Second workbook « Solidarités.xlsx », sheet « Contrats », header on row 1 (run day 2026-01-15).
 * Columns A numero · B objet · C nature · D procedure · E dateNotification · F montant ·
 * G montantMandate · H codeCPV · I clauseSociale · J critereSocial · K structureTitulaire ·
 * L modeAcquisition · M titulaire · N siret · O codePostalTitulaire · P communeTitulaire ·
 * Q paysTitulaire · R effectifTitulaire · S « Imputation budgétaire » (no field).
 *
 * row | numero      | what is hard                                              | dep    | supplier → zone; size                  | judged
 *  2  | SOL-25-01   | « 29/02/2025 »: 2025 is not a leap year → unreadable      |        |                                        | ✗ date-invalide
 *  3  | SOL-25-02   | « 3 mars 2025 » (README: dates in words) → 2025-03-03;    | 20000  | SIRET « 302.145.678.00017 »: dots are  | ⚠ siret-invalide
 *     |             | nature « TRAVAUX »; « Procédure concurrentielle avec      |        | not spaces (§3 « after removing        |
 *     |             | négociation » → PN; CS oui                                |        | spaces ») → by name « batisseurs       |
 *     |             |                                                           |        | reunis »; CP 59800 (Lille only) → MEL; |
 *     |             |                                                           |        | 10 → PME                               |
 *  4  | SOL-25-03   | montant « 15 000 € TTC » (README: TTC → unreadable) →     |        |                                        | ✗ montant-invalide
 *     |             | §3 « montant unreadable »                                 |        |                                        |
 *  5  | —           | empty                                                     |        |                                        | skipped
 *  6  | —           | only the unmapped « Imputation » filled → « Rows whose     |        |                                        | not a row
 *     |             | every mapped cell is empty are not rows »                 |        |                                        |
 *  7  | SOL-25-04   | La Poste SIRET passing Luhn (sum 19): valid; structure    | 8000   | key La Poste SIRET; « Marcq en Baroeul | OK
 *     |             | « esat »; mode « achat d'usage »; pays « France           |        | Cedex » → MEL; 300 → ETI              |
 *     |             | métropolitaine » (README) = France; dépenses 8000        |        |                                        |
 *  8  | SOL-25-05   | La Poste SIRET failing Luhn, digit sum 16 → invalid;      | 5000   | by name; pays Belgique → Étranger (    | ⚠ siret-invalide
 *     |             | CP 59100 with pays Belgique → no code-postal check        |        | checked first, Roubaix ignored); PME   |
 *  9  | « SOL 25 06 »| first of its numero in 2025                              | 3000   | « traiteur dupont », Roubaix; 5 → TPE  | OK
 * 10  | « SOL2506 » | same numero once all spaces are ignored, same year        |        |                                        | ✗ doublon
 * 11  | SOL-25-07   | CPV « 45233141-23 » (two check digits)                    | 9000   | « imprimerie lys », Lys-lez-Lannoy →   | ⚠ cpv-invalide
 *     |             |                                                           |        | MEL; 50 → PME                          |
 * 12  | SOL-25-08   | CPV « 45233141-2 » + trailing space (texte is trimmed) OK | 6000   | « SASU Lumière-Ville » → « lumiere     | OK
 *     |             |                                                           |        | ville »; « Hellemmes » (not a commune  |
 *     |             |                                                           |        | of the list) → CP 59260 (Lezennes,     |
 *     |             |                                                           |        | Lille: MEL only) → MEL; size Inconnue  |
 * 13  | SOL-25-09   |                                                           | 4000   | « lumiere ville » = r12's supplier     | OK
 *     |             |                                                           |        | (its Paris row is not its first)       |
 * 14  | SOL-25-10   | mode « Location »; #REF! in the UNMAPPED column: « any     | 10000  | Arras 62000 → Hauts-de-France; 0 → TPE | OK
 * 15  | SOL-25-11   | mode « achat »; CP typed as the number 6200 → 06200       | 2000   | Nice → France; 7000 → GE               | OK
 * 16  | SOL-25-12   | structure « Autre »                                       | 7000   | « Comines » → MEL; 249 → PME           | OK
 * 17  | « Sous-total »| in the numero column (README) + SUBTOTAL formula        |        |                                        | not a row
 * 18  | SOL-25-13   | montant « 1234.56 »; dépenses « 1 000,5 » (U+00A0); CS    | 1000.5 | SIRET B; « roubaix » → Roubaix; 4 → TPE| OK
 *     |             | « true », critère « yes »                                 |        |                                        |
 * 19  | SOL-25-14   | commune « #N/A » typed as text (README: read as the error)|        |                                        | ✗ valeur-illisible
 * 20  | SOL-25-15   | montant = formula error #DIV/0! (README: valeur-illisible,|        |                                        | ✗ valeur-illisible
 *     |             | not also montant-manquant)                                |        |                                        |
 *     |             | mapped cell » only → nothing                              |        |                                        |
 * 21  | SOL-24-01   | 2024                                                      | (N−1)  |                                        | OK
 * 22  | SOL-25-16   | critère social = formula error #VALUE! (a yes/no column);  |        |                                        | ✗ valeur-illisible
 *     |             | montant « 12.500 » (README: a lone dot in 12.500 groups    |        |                                        |
 *     |             | thousands) = 12500                                         |        |                                        |
 *
 * N = 2025 (16 readable dates of 2025, 1 of 2024). R = {3 7 8 9 11 12 13 14 15 16 18} (11).
 * lignes: lues 18, erreurs 6 (2 4 10 19 20 22), exercice 11, avertissements 3 (3 8 11).
 * dep Σ = 20000 + 8000 + 5000 + 3000 + 9000 + 6000 + 4000 + 10000 + 2000 + 7000 + 1000.5 = 75000.5.
 */
describe('blind « règles », second workbook: an older export of the Pôle Solidarités', () => {
  let sol: ChainOutput;
  beforeAll(async () => {
    sol = runChain([await chainInput(FILE_SOL, await workbookSol())], { today: TODAY, writesCharts: false });
  });
  const H = (letter: string) => HEADER_SOL[letter.charCodeAt(0) - 65];
  const v = (row: number, field: string): unknown => {
    const r = sol.register.rows.find((x) => x.source.row === row);
    if (!r) return 'no such row';
    const x = (r.values as Record<string, unknown>)[field];
    if (x === undefined || x === null || x === '') return null;
    if (typeof x === 'boolean') return x ? 'oui' : 'non';
    if (x instanceof Date) return x.toISOString().slice(0, 10);
    return x;
  };
  const indSol = (id: string) => {
    const found = sol.result.indicateurs.filter((r) => r.id === id);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const SUM = 75000.5;

  it('§1: blank row, a row with only an unmapped cell and « Sous-total » are not rows', () => {
    expect(sol.register.mappings[0].headerRow).toBe(1);
    expect(sol.register.mappings[0].columns.find((c) => c.header === 'Imputation budgétaire')).toBeUndefined();
    expect(sol.register.rows.map((r) => r.source.row)).toEqual([2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22]);
    expect(sol.result.lignes).toEqual({ lues: 18, exercice: 11, erreurs: 6, avertissements: 3 });
    expect(sol.result.exercice).toBe(2025);
  });

  it('§3 controls: row, gravity, code and column', () => {
    const got = sol.result.controles.map((c) => [c.feuille, c.ligne, c.gravite, c.code, c.colonne]);
    const expected = [
      [SHEET_SOL, 2, 'erreur', 'date-invalide', H('E')],
      [SHEET_SOL, 3, 'avertissement', 'siret-invalide', H('N')],
      [SHEET_SOL, 4, 'erreur', 'montant-invalide', H('F')],
      [SHEET_SOL, 8, 'avertissement', 'siret-invalide', H('N')],
      [SHEET_SOL, 10, 'erreur', 'doublon', H('A')],
      [SHEET_SOL, 11, 'avertissement', 'cpv-invalide', H('H')],
      [SHEET_SOL, 19, 'erreur', 'valeur-illisible', H('P')],
      [SHEET_SOL, 20, 'erreur', 'valeur-illisible', H('F')],
      [SHEET_SOL, 22, 'erreur', 'valeur-illisible', H('J')],
    ];
    const key = (x: unknown[]) => `${x[1]}|${x[3]}`;
    expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('§2 values read', () => {
    const expected: [number, string, unknown][] = [
      [3, 'dateNotification', '2025-03-03'],
      [3, 'nature', 'Travaux'],
      [3, 'procedure', 'Procédure avec négociation'],
      [7, 'nature', 'Services'],
      [7, 'structureTitulaire', 'ESAT'],
      [7, 'modeAcquisition', "Achat d'usage"],
      [12, 'nature', 'Travaux'],
      [12, 'codeCPV', '45233141-2'],
      [15, 'nature', 'Fournitures'],
      [15, 'modeAcquisition', 'Achat'],
      [15, 'codePostalTitulaire', '06200'],
      [18, 'montant', 1234.56],
      [18, 'montantMandate', 1000.5],
      [18, 'clauseSociale', 'oui'],
      [18, 'critereSocial', 'oui'],
      [22, 'montant', 12500],
    ];
    expect(expected.map(([r, f]) => [r, f, v(r, f)])).toEqual(expected);
  });

  it.each([
    ['4.1.2-consideration-sociale', pct(2, 11)], // 3 (CS oui), 18 (CS true, critère yes)
    ['4.2.2-clause-sociale-nb', 2],
    ['3.2.1-location', pct(10000, 10000 + 2000)], // Location 14 / (Location 14 + Achat 15)
    ['3.2.1-achat-usage', pct(8000, 8000 + 10000 + 2000)], // 7 / all rows with a mode
    ['4.2.3-montant-esat-siae-ess', 8000], // 7 (esat); 16 « Autre » is not one of them
    ['5.1.1-montant-moyen-roubaix', (3000 + 1000.5) / 2], // traiteur dupont (r9), SIRET B (r18)
  ])('%s = hand value', (id, value) => {
    const i = indSol(id as string);
    expect(i.statut).toBe('calculé');
    expect(i.valeur as number).toBeCloseTo(value as number, 6);
  });

  it('5.1.1-fournisseurs-zone: 10 suppliers', () => {
    const exp: Record<string, [number, number]> = {
      Roubaix: [2, 3000 + 1000.5],
      'MEL (hors Roubaix)': [5, 20000 + 8000 + 9000 + 6000 + 4000 + 7000],
      'Hauts-de-France (hors MEL)': [1, 10000],
      'France (hors Hauts-de-France)': [1, 2000],
      Étranger: [1, 5000],
    };
    const rep = indSol('5.1.1-fournisseurs-zone').repartition as Record<string, { fournisseurs: number; depense: number }>;
    for (const [zone, [n, dep]] of Object.entries(exp)) {
      expect({ zone, f: rep[zone]?.fournisseurs, d: rep[zone]?.depense }).toEqual({ zone, f: expect.closeTo(pct(n, 10), 6), d: expect.closeTo(pct(dep, SUM), 6) });
    }
    for (const [zone, x] of Object.entries(rep)) if (!(zone in exp)) expect({ zone, x }).toEqual({ zone, x: { fournisseurs: 0, depense: 0 } });
  });

  it('5.1.4-fournisseurs-typologie: 10 suppliers', () => {
    const exp: Record<string, [number, number]> = {
      TPE: [3, 3000 + 10000 + 1000.5], // dupont 5, Mobil'Arras 0, Atelier 4
      PME: [4, 20000 + 5000 + 9000 + 7000], // 10, 20, 50, 249
      ETI: [1, 8000], // 300
      GE: [1, 2000], // 7000
      Inconnue: [1, 6000 + 4000], // lumiere ville
    };
    const rep = indSol('5.1.4-fournisseurs-typologie').repartition as Record<string, { fournisseurs: number; depense: number }>;
    for (const [size, [n, dep]] of Object.entries(exp)) {
      expect({ size, f: rep[size]?.fournisseurs, d: rep[size]?.depense }).toEqual({ size, f: expect.closeTo(pct(n, 10), 6), d: expect.closeTo(pct(dep, SUM), 6) });
    }
    for (const [size, x] of Object.entries(rep)) if (!(size in exp)) expect({ size, x }).toEqual({ size, x: { fournisseurs: 0, depense: 0 } });
  });
});

/*
 * §1 « The header row of a sheet is the first row, among the first 20 of its used range […], that
 * matches at least 3 canonical fields. » Header on sheet row 21 under 19 note rows (2–20):
 *  - row 1 empty → the used range starts on row 2 → row 21 is its 20th row → found; 2 rows read;
 *  - a title on row 1 → row 21 is the 21st → not looked at: no register source at all, so the
 *    chain reads no row (README: the message « Aucun registre reconnu » then names the sheet).
 */
describe('blind « règles »: the 20-row window of §1 counts from the used range', () => {
  it('row 1 empty: the header on row 21 is the 20th row of the used range → found', async () => {
    const o = runChain([await chainInput(FILE_FAR, await workbookFarHeader(false))], { today: TODAY, writesCharts: false });
    expect(o.register.mappings.map((m) => [m.sheet, m.headerRow])).toEqual([[SHEET_FAR, 21]]);
    expect(o.register.rows.map((r) => r.source.row)).toEqual([22, 23]);
    expect(o.result.lignes.lues).toBe(2);
  });

  it('a title on row 1: the header on row 21 is beyond the window → no register source', async () => {
    let rows: number[] | string;
    try {
      const o = runChain([await chainInput(FILE_FAR, await workbookFarHeader(true))], { today: TODAY, writesCharts: false });
      rows = o.register.rows.map((r) => r.source.row);
    } catch (e) {
      rows = String((e as Error).message);
    }
    if (typeof rows === 'string') expect(rows).toMatch(/Aucun registre reconnu/);
    else expect(rows).toEqual([]);
  });
});

/*
 * Fourth workbook « Pôle Ressources.xlsx », sheet « Fournisseurs 2025 », header row 3; dates typed
 * as text jj-mm-aaaa (§2); no mandaté → dep = montant (§5); categories given (§7: « categorieEntreprise
 * when filled »). Suppliers keyed by name (§8: « titulaire normalised (case, accents, punctuation,
 * legal forms SA/SAS/SARL/EURL/SASU removed) »):
 *
 *  row | numero | mt     | titulaire → key              | zone (§6)                                            | size
 *   4  | RES-01 | 1000   | « Transports Martin SA » → transports martin | 60200 → Hauts-de-France (starts 60)  | PME
 *   5  | RES-02 | 2000   | « TRANSPORTS MARTIN » → same supplier        | (its first row r4: HdF)              | (PME)
 *   6  | RES-03 | 4000   | « EURL Picard Bureautique » → picard bureautique | 80000 → Hauts-de-France (80)     | TPE
 *   7  | RES-04 | 8000   | hainaut papeterie            | 59300 Valenciennes: not MEL, starts 59 → HdF         | ETI
 *   8  | RES-05 | 16000  | frontiere services           | pays « FR » = France; Mouscron not MEL, no CP → Inconnue | PME
 *   9  | RES-06 | 32000  | madeleine conseil            | « LA MADELEINE » → MEL                               | GE
 *  10  | RES-07 | 64000  | quai de la deule             | « Marquette lez Lille » (hyphens) → MEL              | TPE
 *  11  | RES-08 | 128000 | campus services              | CP 59650 only (Villeneuve-d'Ascq) → MEL              | ETI
 *  12  | RES-09 | 256000 | lambersart proprete          | « Lambersart Cedex » → Lambersart → MEL              | PME
 *  13  | RES-10 | 512000 | centre lille imprim          | CP 59777 as a number → Lille only → MEL              | GE
 *
 * (First run: every row in error — my ROWS_RES tuples had no objet, so dates landed in the objet column
 * and amounts in the date column; the expectation was right, the workbook wrong: fixed the workbook.)
 * 9 suppliers; Σ dep = 1023000. Zones: HdF 3 (1000+2000+4000+8000 = 15000), Inconnue 1 (16000),
 * MEL 5 (32000+64000+128000+256000+512000 = 992000).
 * Sizes: PME 3 (3000 + 16000 + 256000 = 275000), TPE 2 (4000 + 64000 = 68000),
 * ETI 2 (8000 + 128000 = 136000), GE 2 (32000 + 512000 = 544000).
 */
describe('blind « règles »: zones and supplier keys at the less-travelled branches', () => {
  let res: ChainOutput;
  beforeAll(async () => {
    res = runChain([await chainInput(FILE_RES, await workbookRes())], { today: TODAY, writesCharts: false });
  });
  const rep = (id: string) => {
    const i = res.result.indicateurs.find((x) => x.id === id)!;
    expect(i.statut).toBe('calculé');
    return i.repartition as Record<string, { fournisseurs: number; depense: number }>;
  };
  const check = (got: Record<string, { fournisseurs: number; depense: number }>, exp: Record<string, [number, number]>) => {
    for (const [k, [n, dep]] of Object.entries(exp)) {
      expect({ k, f: got[k]?.fournisseurs, d: got[k]?.depense }).toEqual({ k, f: expect.closeTo(pct(n, 9), 6), d: expect.closeTo(pct(dep, 1023000), 6) });
    }
    for (const [k, x] of Object.entries(got)) if (!(k in exp)) expect({ k, x }).toEqual({ k, x: { fournisseurs: 0, depense: 0 } });
  };

  it('reads every row, dates jj-mm-aaaa, no control', () => {
    expect(res.register.mappings[0].headerRow).toBe(3);
    expect(res.result.lignes).toEqual({ lues: 10, exercice: 10, erreurs: 0, avertissements: 0 });
    expect(res.result.controles).toEqual([]);
    const d = res.register.rows.map((r) => (r.values as Record<string, unknown>).dateNotification);
    expect(d.map((x) => (x instanceof Date ? x.toISOString().slice(0, 10) : x))).toEqual([
      '2025-01-15', '2025-01-16', '2025-02-17', '2025-03-18', '2025-04-19', '2025-05-20', '2025-06-21', '2025-07-22', '2025-08-23', '2025-09-24',
    ]);
  });

  it('5.1.1-fournisseurs-zone', () => {
    check(rep('5.1.1-fournisseurs-zone'), {
      'Hauts-de-France (hors MEL)': [3, 15000],
      Inconnue: [1, 16000],
      'MEL (hors Roubaix)': [5, 992000],
    });
  });

  it('5.1.4-fournisseurs-typologie', () => {
    check(rep('5.1.4-fournisseurs-typologie'), { PME: [3, 275000], TPE: [2, 68000], ETI: [2, 136000], GE: [2, 544000] });
  });
});

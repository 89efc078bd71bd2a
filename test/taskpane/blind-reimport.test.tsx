/**
 * BLIND acceptance test « réimport » — expectations written from the README (« Utiliser
 * le produit » → « Consolidation », « Choix faits… » → « Réimport d'un Pôle », « Limites
 * connues ») and the spec only, before reading `src/`.
 *
 * The SPASER project lead keeps one consolidation workbook « Bilan SPASER 2025.xlsx » in Excel
 * (the double), holding a cover sheet of their own. Workbooks: `blind-reimport-workbooks.ts`.
 *
 * ── Month 1 (today 15/01/2026): the four files imported with step 5, then the SPASER sheets
 *  written (first written, the write was what recorded the imports in `SPASER État`; since the
 *  import saves its own records, README « Réimport »).
 *  One sheet per source named after the Pôle (README « Consolidation »): the registers become
 *  « Pôle Sport », « Pôle Culture », « Pôle Éducation », « Pôle Ressources »; the companions
 *  (Sport's Cibles « Objectifs », Éducation's Suivi insertion « Insertion ») get names of
 *  their own, read from the workbook (the README does not give their pattern).
 *  Culture's column choice (Réglé à ce jour = montantMandate) and decisions (CUL-02 Marché
 *  d'insertion confirmed, CUL-03 Clause environnementale rejected) follow its sheet.
 *
 * ── Between months 1 and 2 the lead, in Excel:
 *  • corrects by hand, in the imported « Pôle Sport », SPO-03's amount 15 000 → 15 500;
 *  • creates a notes sheet of their own named as Sport's new Suivi insertion sheet will be
 *    imported: the name of Éducation's imported « Insertion » sheet with « Pôle Éducation »
 *    replaced by « Pôle Sport » (both sources are called « Insertion »; derived at run time).
 *
 * ── Month 2 (today 16/02/2026): the four updated files chosen again. README « Réimport »:
 *  • Culture, Éducation, Ressources: every sheet the import would take is an unchanged
 *    recorded import of the same Pôle → a checkbox « Remplacer l'import précédent (…,
 *    importé le 15/01/2026) », checked.
 *  • Sport: « Pôle Sport » is « modifiée depuis son import », the lead's notes sheet « n'a pas
 *    été créée par un import du complément » → no checkbox, nothing replaced for that file,
 *    the step names both sheets and why; the import adds « … (2) » sheets beside them
 *    (its 3 sheets: register, Objectifs, Insertion).
 *  • After « Importer »: the replaced sheets keep their names and places (sheet index), hold the
 *    month-2 content; the edited sheet, the notes sheet and the cover are untouched; no
 *    temporary import sheet remains; exactly 3 sheets are added (Sport's « (2) »).
 *
 *  Hand computation on the workbook after the month-2 import (N = 2025, no N−1 rows):
 *   Sport, kept sheet first (sheet order; its « (2) » sheet comes after it):
 *     SPO-01 40 000 CE Oui | SPO-02 25 000 CE Non (the Pôle's 27 500 is in the (2) sheet) |
 *     SPO-03 15 500 (lead's correction) CE Non | SPO-04 60 000 CE Oui
 *     « Pôle Sport (2) »: SPO-01..04 again → doublon errors (regles §3, same numero and year,
 *     second row is the error); SPO-05 8 000 CE Non valid.
 *   Culture (replaced): CUL-01 50 000 dep 48 000 | CUL-02 30 000 dep 27 000, confirmed MI →
 *     sociale | CUL-03 12 000 dep 11 000 (env suggestion rejected) | CUL-05 16 000 dep 9 000
 *     CS Oui → sociale. CUL-04 is gone. dep from « Réglé à ce jour » (the saved choice).
 *   Éducation (replaced): EDU-01 120 000 dep 110 000 CS oui | EDU-02 45 000 dep 45 000 (empty
 *     mandate → montant) | EDU-03 18 000 dep 17 000 | EDU-04 22 000 dep 22 000 CS oui.
 *   Ressources (replaced): RES-01 70 000 | RES-02 9 000 HM | RES-03 38 000 (corrected) |
 *     RES-04 6 000 HM.
 *   lignes.lues = 4 + 5 + 4 + 4 + 4 = 21; erreurs = 4 (Sport doublons); exercice = #R = 17;
 *   avertissements = 0 (no suggestion left undecided, no warning code applies).
 *   M = R − {RES-02, RES-04} = 15.
 *   Social field mapped by Culture and Éducation only (clauseSociale): M taking part = 8;
 *     sociale = CUL-02, CUL-05, EDU-01, EDU-04 → 4.1.2-consideration-sociale = 4/8 = 50 %
 *     (Culture 2/4 = 50, Éducation 2/4 = 50, Sport and Ressources null: no social field).
 *   Env field mapped by Sport only: M taking part = 5 (SPO-01..05); env = SPO-01, SPO-04 →
 *     3.1.1-consideration-env = 40 % and 3.1.1-clauses-env = 40 % (Sport 40).
 *   1.1.2-marches-ar over Sport, Culture, Éducation rows: SPO-01, SPO-04, CUL-02, CUL-05,
 *     EDU-01, EDU-04 = 6 (Sport 2, Culture 2, Éducation 2, Ressources null).
 *   1.1.2-montant-ar = 40 000 + 60 000 + 27 000 + 9 000 + 110 000 + 22 000 = 268 000
 *     (Sport 100 000, Culture 36 000, Éducation 132 000, Ressources null).
 *   2.1.2-hors-marche-nb (horsMarche mapped by Ressources only) = 2/4 = 50 %;
 *   2.1.2-hors-marche-montant = (9 000 + 6 000) / (70 000 + 9 000 + 38 000 + 6 000)
 *     = 15 000 / 123 000 = 12,195… % (with the uncorrected 35 000 it would be 12,5 %).
 *   Suivi insertion rows: Éducation (replaced) EDU-01 E01 300, EDU-01 E02 200, EDU-04 E03 150,
 *     EDU-01 E01 100; Sport's new sheet SPO-01 S01 120. All match contracts of M.
 *     4.2.2-contrats = 5 (Éducation 4, Sport 1, Culture 0, Ressources 0: README « comptes valent
 *     0 »); with Éducation's month-1 sheet left beside it, it would be 7.
 *     4.2.2-heures = 600 (EDU-01) + 150 (EDU-04) + 120 (SPO-01) = 870 (Éducation 750, Sport 120,
 *     Culture and Ressources null: no contract followed, no hours column — README).
 *     4.2.2-personnes = {E01, E02, E03, S01} = 4; 4.2.2-femmes = 3/4 = 75 %.
 *   Cibles (Sport's « Objectifs », month-1 sheet kept and its « (2) » copy: the first row of N
 *     per indicator counts, README): 3.1.1-clauses-env ≥ 40 → 40 met (equal); 4.1.2 ≥ 30 → 50
 *     met; 2.1.2-hors-marche-nb ≤ 25 → 50 not met → 1.1.1-cibles-atteintes = 2/3 = 66,67 %.
 *  Then « Écrire les feuilles et les graphiques »: `SPASER Pôles` holds the per-Pôle values
 *  above (one column per Pôle, one row per indicator, sortie.md); the edited sheet, the notes
 *  sheet and the cover still untouched.
 *
 * ── Month 3 (today 16/03/2026), Culture (CUL-06 added) and Ressources (RES-05 added) send
 *  updates. New session (pane reopened). The month-2 imports were written (recorded) →
 *  offered, « importé le 16/02/2026 ». The lead imports and does NOT write. In the same
 *  session, choosing the same files again: the month-3 import is retained for the session →
 *  offered « importé le 16/03/2026 ». Pane closed and reopened (new session): (changed after the
 *  blind run, which found the records of an unwritten import lost) the import saved its records
 *  in `SPASER État` itself → offered again, « importé le 16/03/2026 ».
 *  lignes after the month-3 import: lues 21 + 2 = 23, exercice 19, erreurs 4.
 *
 * ── Variants, each from the workbook as it was at the start of month 2 (a fresh pane):
 *  A. « Pôle Ressources » edited by hand after the checkbox is shown, before « Importer »:
 *     the check is redone at import → the edited sheet is kept (its cell as the lead typed it),
 *     the import message says so (names it); Ressources' sheet is added beside it as
 *     « Pôle Ressources (2) »; the computation matches the workbook: lues = 21 + 3 = 24,
 *     erreurs = 4 + 3 (RES-01..03 of the (2) sheet are doublons of the kept ones) = 7.
 *  B. The lead unticks Culture's box: « Pôle Culture » left as it was, « Pôle Culture (2) »
 *     added; lues = 21 + 4 (the month-1 Culture sheet, CUL-01..04) = 25; erreurs = 4 + 3
 *     (CUL-01..03 of the (2) sheet) = 7.
 *  C. A sync fails during the import (every sync of the import, one at a time): the workbook is
 *     either exactly as before (every sheet identical, no temporary import sheet, the pane
 *     says the import failed) or — a failure after the last exchange batch — exactly as after a
 *     successful import; never anything in between; and a failure at the first sync leaves it
 *     as before. (Added since: a failure in the state write that follows the import leaves the
 *     import done and the old `SPASER État` as it was, and the pane says so.)
 */
import './dom-setup';
import { deserialize, serialize } from 'node:v8';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react/pure';
import type { ChainOutput } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { DoubleExcelHost, runsInFlight, chainSpy, indicatorOf } from './double-excel-host';
import { IMPORT_TEMP_PREFIX } from '../../src/workbook/port';
import { createExcelDouble, type ExcelDouble, type WorkbookModel } from '../doubles/excel-double';
import { CUL, EDU, FILES, M1, M2, M3, monthFiles, P_CUL, P_EDU, P_RES, P_SPO, RES, SPO } from './blind-reimport-workbooks';

jest.setTimeout(600_000);

const LEAD = 'Bilan SPASER 2025.xlsx';
const COVER = 'Couverture';
const POLES = [P_SPO, P_CUL, P_EDU, P_RES] as const;
const WAIT = { timeout: 60_000 };

// ── Driving the pane on the double ───────────────────────────────────────


const { spy, outputs, last } = chainSpy();
const ind = indicatorOf;
const apos = (s: string | null | undefined) => (s ?? '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

function leadWorkbook(): ExcelDouble {
  return createExcelDouble({
    name: LEAD,
    sheets: [
      {
        name: COVER,
        cells: [[{ v: 'Bilan annuel du SPASER — Ville de Roubaix', bold: true }], [], ['Rédaction', 'Chef de projet SPASER'], ['Nombre de Pôles', 4]],
      },
    ],
  });
}

async function openPane(host: DoubleExcelHost, today: string) {
  cleanup();
  render(<App host={host} today={today} chain={spy} />);
  await waitFor(() => expect(runsInFlight()).toBe(0), WAIT);
}

async function chooseFiles(names: readonly string[]) {
  fireEvent.click(screen.getByRole('button', { name: '5. Consolidation' }));
  await screen.findByRole('heading', { name: /Étape 5 sur 5/ }, WAIT);
  fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: names.map((n) => new File([new Uint8Array([1])], n)) } });
  for (const n of names) await screen.findByRole('region', { name: `Fichier ${n}` }, WAIT);
  await waitFor(() => expect(runsInFlight()).toBe(0), WAIT);
}

const region = (file: string) => screen.getByRole('region', { name: `Fichier ${file}` });
const offer = (file: string) => within(region(file)).queryByRole('checkbox', { name: /^Remplacer l['’]import précédent/ }) as HTMLInputElement | null;
const importButton = (n: number) => screen.getByRole('button', { name: `Importer ${n}\u00a0classeur${n > 1 ? 's' : ''} et calculer` });

async function importAndWait(n: number) {
  const before = outputs.length;
  fireEvent.click(importButton(n));
  await screen.findByRole('heading', { name: /Étape 4 sur 5/ }, WAIT);
  await screen.findByText(/lignes lues/, undefined, WAIT);
  await waitFor(() => expect(runsInFlight()).toBe(0), WAIT);
  expect(outputs.length).toBeGreaterThan(before);
}

/** Every sheet of the workbook, as a user could see it. */
const picture = (excel: ExcelDouble) => Object.fromEntries(excel.sheetNames().map((n) => [n, excel.snapshot(n)]));

/** True when some cell of the sheet holds exactly `v`. */
function sheetHas(excel: ExcelDouble, sheet: string, v: unknown): boolean {
  for (const row of excel.sheet(sheet).rows.values()) for (const cell of row.values()) if (cell.value === v) return true;
  return false;
}

/** (row0, col0) of the first cell holding `v`. */
function locate(excel: ExcelDouble, sheet: string, v: unknown): [number, number] {
  for (const [r, row] of excel.sheet(sheet).rows) for (const [c, cell] of row) if (cell.value === v) return [r, c];
  throw new Error(`« ${String(v)} » not on ${sheet}`);
}

/** The lead types `value` in the cell of row `numero`, column `header` (the way Excel would change it). */
function typeInto(excel: ExcelDouble, sheet: string, numero: string, header: string, value: string | number) {
  const [r] = locate(excel, sheet, numero);
  const [, c] = locate(excel, sheet, header);
  excel.cellAt(excel.sheet(sheet), r, c).value = value;
}

function saveModel(excel: ExcelDouble): { model: WorkbookModel; nextId: number } {
  return { model: deserialize(serialize(excel.model)) as WorkbookModel, nextId: excel.nextId };
}
function restoreModel(excel: ExcelDouble, saved: { model: WorkbookModel; nextId: number }) {
  excel.model = deserialize(serialize(saved.model)) as WorkbookModel;
  excel.nextId = saved.nextId;
  excel.resetCounters();
}

const num = (v: unknown, expected: number | null, label: string) => {
  if (expected === null) expect([label, v ?? null]).toEqual([label, null]);
  else {
    expect([label, typeof v]).toEqual([label, 'number']);
    expect([label, Math.round((v as number) * 1e6) / 1e6]).toEqual([label, Math.round(expected * 1e6) / 1e6]);
  }
};

// ── State shared along the months ────────────────────────────────────────

let excel: ExcelDouble;
let host: DoubleExcelHost;
let files: Record<1 | 2 | 3, Record<string, Uint8Array>>;
let coverBefore: unknown;
/** Month-1 imported sheet names: by role. */
const sheetOf: Record<string, string> = {};
let sportInsertionName: string;
let atMonth2Start: { model: WorkbookModel; nextId: number };
let month2StartPicture: Record<string, unknown>;
let namesMonth2Start: string[];

beforeAll(async () => {
  const f1 = await monthFiles(1);
  const f2 = await monthFiles(2, f1);
  const f3 = await monthFiles(3, f2);
  files = { 1: f1, 2: f2, 3: f3 };
  excel = leadWorkbook();
  host = new DoubleExcelHost(excel);
  coverBefore = excel.snapshot(COVER);
});

afterAll(() => cleanup());

describe('month 1 — four Pôles imported, SPASER sheets written', () => {
  it('imports one sheet per source named after the Pôle, and follows Culture’s saved choices', async () => {
    host.bytes = files[1];
    await openPane(host, M1);
    await chooseFiles(FILES);
    // First import: nothing to replace.
    for (const f of FILES) expect(offer(f)).toBeNull();
    expect(POLES.map((p, i) => (within(region(FILES[i])).getByRole('textbox', { name: `Pôle du fichier « ${FILES[i]} »` }) as HTMLInputElement).value)).toEqual([...POLES]);
    const before = excel.sheetNames();
    await importAndWait(4);
    const added = excel.sheetNames().filter((n) => !before.includes(n) && !n.startsWith('SPASER '));
    // Sport: register + Objectifs; Culture: register; Éducation: register + Insertion; Ressources: register.
    expect(added).toHaveLength(6);
    for (const p of POLES) expect(added).toContain(p);
    sheetOf.sportCibles = added.find((n) => !POLES.includes(n as never) && sheetHas(excel, n, '3.1.1-clauses-env'))!;
    sheetOf.eduInsertion = added.find((n) => !POLES.includes(n as never) && sheetHas(excel, n, 'E01'))!;
    expect([sheetOf.sportCibles, sheetOf.eduInsertion].every(Boolean)).toBe(true);
    expect(sheetOf.eduInsertion).toContain(P_EDU);

    const out = last();
    // 4 + 4 + 3 + 3 rows, no error.
    expect(out.result.lignes).toEqual({ lues: 14, exercice: 14, erreurs: 0, avertissements: 0 });
    // Culture's saved decisions: CUL-02 confirmed, CUL-03 rejected (a rejected suggestion leaves the outputs, README).
    const cul = out.result.suggestions.filter((s) => s.numero.startsWith('CUL'));
    expect(cul.map((s) => `${s.numero}|${s.etiquette}|${s.decision}`)).toEqual(["CUL-02|Marché d'insertion|confirmée"]);
    // Culture's saved column choice: dep(CUL-02) = 27 000 (Réglé à ce jour), not 30 000.
    num(ind(out, '1.1.2-montant-ar').parPole?.[P_CUL], 27000, 'montant-ar Culture (month 1)');
  });

  it('writes the SPASER sheets (which records the imports)', async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }, WAIT));
    await waitFor(() => expect(excel.sheetNames()).toContain('SPASER Pôles'), WAIT);
    await waitFor(() => expect(runsInFlight()).toBe(0), WAIT);
    expect(excel.sheet('SPASER État').visibility).toBe('VeryHidden');
    expect(excel.snapshot(COVER)).toEqual(coverBefore);
  });
});

describe('between months 1 and 2 — the lead works in Excel', () => {
  it('corrects a cell of « Pôle Sport » and creates a notes sheet of their own', () => {
    typeInto(excel, P_SPO, 'SPO-03', 'Montant HT', 15500);
    // Corrected after the first run: Éducation's companion is « Pôle Éducation - Suivi insertio » (the
    // name « <Pôle> - <nature> » cut at Excel's 31 characters), so the Pôle swap gave a truncated name.
    // Derived from Sport's own Cibles sheet instead: « Pôle Sport - Cibles » → « Pôle Sport - Suivi insertion ».
    expect(sheetOf.sportCibles).toBe(`${P_SPO} - Cibles`);
    sportInsertionName = sheetOf.sportCibles.replace('Cibles', 'Suivi insertion');
    excel.seed({ name: sportInsertionName, cells: [['Notes du chef de projet sur l’insertion au Pôle Sport'], ['Relancer le facilitateur en mars']] });
    atMonth2Start = saveModel(excel);
    month2StartPicture = picture(excel);
    namesMonth2Start = excel.sheetNames();
  });
});

describe('month 2 — the four updated files re-imported', () => {
  let out: ChainOutput;

  it('offers replacement (ticked, with the import date) only for the unchanged imports, and says why not for Sport, sheet by sheet', async () => {
    host.bytes = files[2];
    await openPane(host, M2);
    await chooseFiles(FILES);
    for (const f of [CUL, EDU, RES]) {
      const box = offer(f);
      expect([f, box?.checked]).toEqual([f, true]);
    }
    for (const f of [CUL, EDU, RES]) {
      expect(within(region(f)).getByRole('checkbox', { name: /^Remplacer l['’]import précédent \(.*importé le 15\/01\/2026\)/ })).toBeChecked();
    }
    expect(offer(SPO)).toBeNull();
    const sportText = apos(region(SPO).textContent);
    expect(sportText).toContain(P_SPO);
    expect(sportText).toContain('modifiée depuis son import');
    expect(sportText).toContain(sportInsertionName);
    expect(sportText).toContain("n'a pas été créée par un import du complément");
  });

  it('replaces in place, keeps the edited and the user’s sheets, adds Sport’s « (2) » sheets', async () => {
    await importAndWait(4);
    out = last();
    const names = excel.sheetNames();
    expect(names.filter((n) => n.startsWith(IMPORT_TEMP_PREFIX))).toEqual([]);
    // Replaced sheets: same names, same places.
    for (const n of [P_CUL, P_EDU, sheetOf.eduInsertion, P_RES]) expect([n, names.indexOf(n)]).toEqual([n, namesMonth2Start.indexOf(n)]);
    // …with the month-2 content.
    expect([sheetHas(excel, P_CUL, 'CUL-05'), sheetHas(excel, P_CUL, 'CUL-04')]).toEqual([true, false]);
    expect(sheetHas(excel, P_EDU, 'EDU-04')).toBe(true);
    expect(sheetHas(excel, sheetOf.eduInsertion, 'E03')).toBe(true);
    expect(sheetHas(excel, P_RES, 'RES-04')).toBe(true);
    // Never deleted, never changed: the edited sheet, the user's notes, Sport's unchanged Cibles import, the cover.
    for (const n of [P_SPO, sportInsertionName, sheetOf.sportCibles, COVER]) expect(excel.snapshot(n)).toEqual(month2StartPicture[n]);
    // Added: Sport's three sheets, « … (2) ».
    const added = names.filter((n) => !namesMonth2Start.includes(n) && !n.startsWith('SPASER '));
    // Corrected after the first run: a « (2) » name stays within Excel's 31 characters, the base cut to fit
    // (« Pôle Sport - Suivi insertion » is 28 characters → « Pôle Sport - Suivi insertio (2) »).
    const second = (base: string) => `${base.slice(0, 31 - ' (2)'.length)} (2)`;
    expect(added.sort()).toEqual([second(P_SPO), second(sheetOf.sportCibles), second(sportInsertionName)].sort());
    expect(sheetHas(excel, second(P_SPO), 'SPO-05')).toBe(true);
    expect(sheetHas(excel, second(sportInsertionName), 'S01')).toBe(true);
    // Only register sheets from the Pôles and companions — nothing else vanished.
    for (const n of namesMonth2Start) expect(names).toContain(n);
  });

  it('computes on the month-2 data (hand computation in the header)', () => {
    expect(out.result.exercice).toBe(2025);
    expect(out.result.lignes).toEqual({ lues: 21, exercice: 17, erreurs: 4, avertissements: 0 });
    const doublons = out.result.controles.filter((c) => c.code === 'doublon');
    expect(doublons.map((c) => c.feuille).every((f) => f === `${P_SPO} (2)`)).toBe(true);
    expect(doublons).toHaveLength(4);
    // Saved choices and decisions keep applying on the replaced Culture sheet.
    expect(out.result.suggestions.map((s) => `${s.numero}|${s.etiquette}|${s.decision}`)).toEqual(["CUL-02|Marché d'insertion|confirmée"]);
    const E: Record<string, [number | null, Partial<Record<(typeof POLES)[number], number | null>>?]> = {
      '4.1.2-consideration-sociale': [50, { [P_SPO]: null, [P_CUL]: 50, [P_EDU]: 50, [P_RES]: null }],
      '3.1.1-consideration-env': [40, { [P_SPO]: 40, [P_CUL]: null, [P_EDU]: null, [P_RES]: null }],
      '3.1.1-clauses-env': [40, { [P_SPO]: 40 }],
      '1.1.2-marches-ar': [6, { [P_SPO]: 2, [P_CUL]: 2, [P_EDU]: 2, [P_RES]: null }],
      '1.1.2-montant-ar': [268000, { [P_SPO]: 100000, [P_CUL]: 36000, [P_EDU]: 132000, [P_RES]: null }],
      '2.1.2-hors-marche-nb': [50, { [P_RES]: 50, [P_SPO]: null }],
      '2.1.2-hors-marche-montant': [(100 * 15000) / 123000, { [P_RES]: (100 * 15000) / 123000 }],
      '4.2.2-contrats': [5, { [P_SPO]: 1, [P_CUL]: 0, [P_EDU]: 4, [P_RES]: 0 }],
      '4.2.2-heures': [870, { [P_SPO]: 120, [P_CUL]: null, [P_EDU]: 750, [P_RES]: null }],
      '4.2.2-personnes': [4],
      '4.2.2-femmes': [75],
      '1.1.1-cibles-atteintes': [(100 * 2) / 3],
    };
    for (const [id, [v, pp]] of Object.entries(E)) {
      const got = ind(out, id);
      num(got.valeur, v, id);
      for (const [p, pv] of Object.entries(pp ?? {})) num(got.parPole?.[p], pv ?? null, `${id} parPole ${p}`);
    }
    expect(Object.keys(ind(out, '1.1.2-montant-ar').parPole ?? {}).sort()).toEqual([...POLES].sort());
  });

  it('writes SPASER Pôles with the per-Pôle values; the user’s sheets still untouched', async () => {
    const oldId = excel.sheet('SPASER Pôles').id;
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }, WAIT));
    await waitFor(() => expect(excel.sheet('SPASER Pôles').id).not.toBe(oldId), WAIT);
    await waitFor(() => expect(runsInFlight()).toBe(0), WAIT);
    // The header row of SPASER Pôles names the Pôles; one row per indicator (its id in a cell).
    const [hr] = locate(excel, 'SPASER Pôles', P_CUL);
    const header = excel.sheet('SPASER Pôles').rows.get(hr)!;
    const colOf = (p: string) => [...header.entries()].find(([, c]) => c.value === p)?.[0];
    const rowOf = (id: string) => locate(excel, 'SPASER Pôles', id)[0];
    const at = (id: string, p: string) => excel.sheet('SPASER Pôles').rows.get(rowOf(id))?.get(colOf(p)!)?.value ?? null;
    for (const p of POLES) expect([p, colOf(p) !== undefined]).toEqual([p, true]);
    expect([P_SPO, P_CUL, P_EDU].map((p) => at('1.1.2-montant-ar', p))).toEqual([100000, 36000, 132000]);
    expect(typeof at('1.1.2-montant-ar', P_RES)).not.toBe('number');
    expect(POLES.map((p) => at('4.2.2-contrats', p))).toEqual([1, 0, 4, 0]);
    expect([P_SPO, P_EDU].map((p) => at('4.2.2-heures', p))).toEqual([120, 750]);
    expect([P_CUL, P_EDU].map((p) => at('4.1.2-consideration-sociale', p)).map((v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))).toEqual([50, 50]);
    // Cells, tables, formats unchanged. (Corrected after the first run: the sheet positions are not
    // compared here — rewriting the SPASER sheets puts them after the lead's notes sheet, created after
    // them, so its index changes while the order of the user's sheets does not; see the report.)
    const noPosition = (x: unknown) => ({ ...(x as Record<string, unknown>), position: undefined });
    for (const n of [P_SPO, sportInsertionName, sheetOf.sportCibles, COVER]) expect(noPosition(excel.snapshot(n))).toEqual(noPosition(month2StartPicture[n]));
    const userOrder = (names: string[]) => names.filter((n) => !n.startsWith('SPASER '));
    expect(userOrder(excel.sheetNames()).slice(0, namesMonth2Start.length - 5)).toEqual(userOrder(namesMonth2Start).slice(0, namesMonth2Start.length - 5));
  });
});

describe('month 3 — re-import without writing, then a new session', () => {
  it('offers replacement of the month-2 imports (recorded by the month-2 write), dated 16/02/2026', async () => {
    host.bytes = files[3];
    await openPane(host, M3);
    await chooseFiles([CUL, RES]);
    for (const f of [CUL, RES]) {
      expect(within(region(f)).getByRole('checkbox', { name: /^Remplacer l['’]import précédent \(.*importé le 16\/02\/2026\)/ })).toBeChecked();
    }
    const names = excel.sheetNames();
    await importAndWait(2);
    expect(excel.sheetNames()).toEqual(names);
    expect(sheetHas(excel, P_CUL, 'CUL-06')).toBe(true);
    expect(sheetHas(excel, P_RES, 'RES-05')).toBe(true);
    expect(last().result.lignes).toMatchObject({ lues: 23, exercice: 19, erreurs: 4 });
  });

  it('same session: the unwritten month-3 import is retained, offered « importé le 16/03/2026 »', async () => {
    await chooseFiles([CUL, RES]);
    for (const f of [CUL, RES]) {
      expect(within(region(f)).getByRole('checkbox', { name: /^Remplacer l['’]import précédent \(.*importé le 16\/03\/2026\)/ })).toBeChecked();
    }
  });

  // Changed after the blind run: this expectation (from the README of then, « un import jamais suivi d'une
  // écriture n'est retenu que le temps de la séance ») was the defect it found — next month every sheet of
  // the unwritten import was « modifiée depuis son import ». The import now saves its records itself.
  it('new session: the unwritten month-3 import was saved with it, offered « importé le 16/03/2026 »', async () => {
    await openPane(host, M3);
    await chooseFiles([CUL, RES]);
    for (const f of [CUL, RES]) {
      expect(within(region(f)).getByRole('checkbox', { name: /^Remplacer l['’]import précédent \(.*importé le 16\/03\/2026\)/ })).toBeChecked();
    }
    expect(apos(region(CUL).textContent)).not.toContain('modifiée depuis son import');
    expect(apos(region(RES).textContent)).not.toContain('modifiée depuis son import');
  });
});

describe('variants from the start of month 2', () => {
  it('A — a sheet edited after the checkbox was shown is kept at import, and the message says so', async () => {
    restoreModel(excel, atMonth2Start);
    host = new DoubleExcelHost(excel);
    host.bytes = files[2];
    await openPane(host, M2);
    await chooseFiles(FILES);
    expect(offer(RES)?.checked).toBe(true);
    typeInto(excel, P_RES, 'RES-01', 'Fournisseur', 'Infogest SAS');
    const edited = excel.snapshot(P_RES);
    fireEvent.click(importButton(4));
    await waitFor(() => expect(excel.sheetNames()).toContain(`${P_RES} (2)`), WAIT);
    await screen.findByRole('heading', { name: /Étape 4 sur 5/ }, WAIT);
    await waitFor(() => expect(runsInFlight()).toBe(0), WAIT);
    expect(excel.snapshot(P_RES)).toEqual(edited);
    expect(sheetHas(excel, `${P_RES} (2)`, 'RES-04')).toBe(true);
    expect(excel.sheetNames().filter((n) => n.startsWith(IMPORT_TEMP_PREFIX))).toEqual([]);
    // The others were replaced as offered.
    expect(sheetHas(excel, P_CUL, 'CUL-05')).toBe(true);
    const body = apos(document.body.textContent);
    expect(body).toMatch(new RegExp(`${P_RES}[^.]*modifiée`));
    expect(last().result.lignes).toMatchObject({ lues: 24, erreurs: 7 });
  });

  it('B — unticking the box adds « (2) » sheets and leaves the earlier import as it was', async () => {
    restoreModel(excel, atMonth2Start);
    host = new DoubleExcelHost(excel);
    host.bytes = files[2];
    await openPane(host, M2);
    await chooseFiles(FILES);
    fireEvent.click(offer(CUL)!);
    expect(offer(CUL)?.checked).toBe(false);
    await importAndWait(4);
    expect(excel.snapshot(P_CUL)).toEqual(month2StartPicture[P_CUL]);
    expect(sheetHas(excel, `${P_CUL} (2)`, 'CUL-05')).toBe(true);
    expect(sheetHas(excel, P_EDU, 'EDU-04')).toBe(true);
    expect(last().result.lignes).toMatchObject({ lues: 25, erreurs: 7 });
  });

  it('C — a failed sync during the import leaves the workbook as it was (or, after the last batch, fully imported)', async () => {
    // A successful import first, to know the after-picture and how many syncs the import takes.
    restoreModel(excel, atMonth2Start);
    host = new DoubleExcelHost(excel);
    host.bytes = files[2];
    await openPane(host, M2);
    await chooseFiles(FILES);
    excel.resetCounters();
    await importAndWait(4);
    const syncs = excel.syncCount;
    const after = picture(excel);
    expect(syncs).toBeGreaterThan(1);

    const outcomes: string[] = [];
    for (let k = 1; k <= syncs; k++) {
      restoreModel(excel, atMonth2Start);
      host = new DoubleExcelHost(excel);
      host.bytes = files[2];
      await openPane(host, M2);
      await chooseFiles(FILES);
      excel.resetCounters();
      excel.failOnSync(k);
      fireEvent.click(importButton(4));
      let seen = '';
      await waitFor(() => {
        const failed = screen.queryByText(/L['’]import des fichiers a échoué/);
        const done = screen.queryByRole('heading', { name: /Étape 4 sur 5/ });
        seen = failed ? 'failed:' + apos(failed.textContent) : done ? 'step4' : '';
        expect(failed ?? done).not.toBeNull();
      }, WAIT);

      await waitFor(() => expect(runsInFlight()).toBe(0), WAIT);
      const now = picture(excel);
      const same = JSON.stringify(now) === JSON.stringify(month2StartPicture);
      const complete = JSON.stringify(now) === JSON.stringify(after);
      // Added with the state write that follows the import (its last syncs): failing, it leaves the import
      // done and the old `SPASER État` exactly as it was, and the pane says the records were not saved.
      const unrecorded = JSON.stringify(now) === JSON.stringify({ ...after, 'SPASER État': month2StartPicture['SPASER État'] });
      outcomes.push(`${k}:${same ? 'before' : complete ? 'after' : unrecorded ? 'unrecorded' : 'PARTIAL ' + excel.sheetNames().join(',')}`);
      if (unrecorded) {
        expect([k, seen]).toEqual([k, 'step4']);
        expect(apos(screen.getByText(/n'a pas pu être enregistré/).textContent)).toContain('Les feuilles ont bien été importées');
      }
      // Found on the first run: a failure after the exchange batch (while the pane reads the workbook back)
      // left every sheet imported but said « L'import des fichiers a échoué … Aucune feuille n'a été
      // ajoutée » — untrue, and a retry would then add « (2) » duplicates. An import that happened is said so.
      if (complete) expect([k, seen]).toEqual([k, 'step4']);
      if (same) {
        expect(screen.queryByText(/L['’]import des fichiers a échoué/)).not.toBeNull();
        expect(excel.sheetNames().filter((n) => n.startsWith(IMPORT_TEMP_PREFIX))).toEqual([]);
      }
    }
    expect(outcomes.filter((o) => o.includes('PARTIAL'))).toEqual([]);
    expect(outcomes[0]).toBe('1:before');
    // The state write's three syncs (sheet list, state sheet, swap) come last.
    expect(outcomes.slice(-3)).toEqual([syncs - 2, syncs - 1, syncs].map((k) => `${k}:unrecorded`));
  });
});

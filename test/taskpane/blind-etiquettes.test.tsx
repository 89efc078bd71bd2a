/**
 * BLIND acceptance of step 3 « Étiquettes » over two weeks, on the Excel
 * double through the pane's Excel host and the ribbon button. The workbook,
 * the buyer's decisions and every expected value (worked out by hand from
 * regles.md §4, sortie.md, indicateurs.md and the README) are in
 * blind-etiquettes-workbook.ts. The two tests run in order on one workbook:
 * week 2 starts from what week 1 wrote.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { runChain } from '../../src/domain/chain';
import { calculerIndicateurs } from '../../src/commands/commands';
import { setRibbonRunner } from '../../src/commands/ribbon';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createRibbonRunner, resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';
import { column, readTable } from '../commands/blind-ribbon-read';
import {
  ADDED_W2,
  CONFIRM_W1,
  CONSIDERATIONS_W1,
  CONTRACTS_W1,
  ETIQUETTES_W1,
  EXPECTED_W1,
  EXPECTED_W2,
  EXPECTED_W2_UNDONE,
  FILE,
  NEW_OBJET_001,
  NEW_SUGGESTIONS_W2,
  NO_SUGGESTION_W1,
  REJECT_W1,
  SHEET,
  SUGGESTIONS_W1,
  SUM_MT_W1,
  SURVIVING_001,
  type Suggestion,
  UNCONFIRMED_ROWS_W1,
  UNCONFIRMED_ROWS_W2,
  UNCONFIRMED_ROWS_W2_UNDONE,
  UNDECIDED_W1,
  UNDO_W1,
  WEEK1,
  WEEK2,
  week1Sheets,
  week2Row,
} from './blind-etiquettes-workbook';

const REGISTRE = 'SPASER Registre';
const CONTROLES = 'SPASER Contrôles';
const INDICATEURS = 'SPASER Indicateurs';
const ETAT = 'SPASER État';

const excel: ExcelDouble = createExcelDouble({ name: FILE, sheets: week1Sheets() });

function hostFor(today: string): ExcelHost {
  const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
  setRibbonRunner(createRibbonRunner(host, (i, o) => runChain(i, { ...o, today }), async () => undefined));
  return host;
}

afterEach(() => {
  cleanup();
  setRibbonRunner(null);
  resetRibbonBridge();
});

const norm = (t: string) => t.normalize('NFC').toLowerCase();
const nameOf = (s: Suggestion) => `${s.etiquette} pour le marché ${s.numero}`;

/** The suggestions the pane lists under « Suggestions à confirmer »: « numero — étiquette » and the words shown. */
function shownSuggestions(): { key: string; words: string; decided: string | null }[] {
  const region = screen.queryByRole('region', { name: /Suggestions à confirmer/ });
  if (!region) return [];
  return within(region)
    .getAllByRole('listitem')
    .map((li) => {
      const texts = Array.from(li.querySelectorAll('span,p')).map((e) => e.textContent ?? '');
      const head = texts.find((t) => / — /.test(t)) ?? '';
      const words = texts.find((t) => /Mots repérés/.test(t)) ?? '';
      const badge = /Confirmée/.test(li.textContent ?? '') ? 'Confirmée' : /Rejetée/.test(li.textContent ?? '') ? 'Rejetée' : null;
      return { key: head.trim(), words, decided: badge };
    });
}

function expectShown(expected: Suggestion[], decisions: Record<string, string | null>) {
  const shown = shownSuggestions();
  expect(shown.map((s) => s.key).sort()).toEqual(expected.map((s) => `${s.numero} — ${s.etiquette}`).sort());
  for (const e of expected) {
    const got = shown.find((s) => s.key === `${e.numero} — ${e.etiquette}`)!;
    for (const w of e.words) expect(norm(got.words)).toContain(norm(w));
    expect({ key: got.key, decided: got.decided }).toEqual({ key: got.key, decided: decisions[got.key] ?? null });
  }
}

/** The counts at the top of step 3, and the sentence that says what they count. */
function expectCounts(sociale: number, env: number, innov: number) {
  const m = (n: number) => `${n} marché${n > 1 ? 's' : ''}`;
  expect(screen.getByText(/^Considérations déclarées dans vos colonnes ou confirmées/)).toBeInTheDocument();
  expect(screen.getByText(`Considération sociale : ${m(sociale)}`)).toBeInTheDocument();
  expect(screen.getByText(`Considération environnementale : ${m(env)}`)).toBeInTheDocument();
  expect(screen.getByText(`Innovation : ${m(innov)}`)).toBeInTheDocument();
}

const click = (label: string) => fireEvent.click(screen.getByRole('button', { name: label }));

/** The row of SPASER Indicateurs holding `id`, read under its « Valeur » header; a %-formatted fraction is read ×100. */
function indicatorValue(id: string): number | null {
  const rows = excel.sheet(INDICATEURS).rows;
  const keys = [...rows.keys()].sort((a, b) => a - b);
  let valueCol = -1;
  for (const r of keys) {
    const line = rows.get(r)!;
    for (const [c, cell] of line) if (cell.value === 'Valeur') valueCol = c;
    if ([...line.values()].some((cell) => cell.value === id)) {
      const cell = line.get(valueCol);
      if (!cell || cell.value === null || cell.value === '') return null;
      const v = Number(cell.value);
      return cell.numberFormat?.includes('%') ? v * 100 : v;
    }
  }
  throw new Error(`indicator ${id} not on ${INDICATEURS}`);
}

function findings(): { code: string; gravite: string; ligne: unknown; colonne: unknown; message: string }[] {
  const t = readTable(excel, CONTROLES, 'Gravité');
  return t.rows.map((r) => ({
    code: String(r.cells.get('Code')?.value ?? ''),
    gravite: String(r.cells.get('Gravité')?.value ?? '').toLowerCase(),
    ligne: r.cells.get('Ligne')?.value ?? null,
    colonne: r.cells.get('Colonne')?.value ?? null,
    message: String(r.cells.get('Message')?.value ?? ''),
  }));
}

function registreByNumero(): Map<string, { sociale: unknown; env: unknown; innov: unknown; etiquettes: string }> {
  const t = readTable(excel, REGISTRE, 'N° de marché');
  const numeros = column(t, 'N° de marché');
  const soc = column(t, 'Considération sociale');
  const env = column(t, 'Considération environnementale');
  const inn = column(t, 'Innovation');
  const eti = column(t, 'Étiquettes');
  return new Map(numeros.map((n, i) => [String(n), { sociale: soc[i], env: env[i], innov: inn[i], etiquettes: String(eti[i] ?? '') }]));
}

const ouiNon = (b: boolean) => (b ? 'oui' : 'non');
const lowerStr = (v: unknown) => String(v ?? '').toLowerCase();

/** Every text the buyer can read in the pane, in French: no English UI word, no raw value leaking. */
function expectFrench() {
  // What a person reads: the pane's text, not the <style> elements Fluent UI injects.
  const clone = document.body.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('style,script').forEach((e) => e.remove());
  const text = clone.textContent ?? '';
  // Whole words, letters with accents included (JS \b would cut « Confirmée » after « Confirm »).
  expect(text).not.toMatch(/(?<!\p{L})(Confirm|Reject|Undo|Cancel|Restore|Suggestions? to|Tags?|undefined|null|NaN|true|false)(?!\p{L})/u);
}

async function writeSheets() {
  fireEvent.click(screen.getByRole('button', { name: /4\. Indicateurs/ }));
  fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
  await waitFor(() => expect(excel.sheetNames()).toContain(REGISTRE));
  // The confirmation of the write (the dataviz note « graphiques écrits … » also says « écrits »).
  await screen.findByText(/Feuilles SPASER écrites/i);
}

test('week 1: the buyer reads the suggestions, decides, takes one back, and writes the sheets', async () => {
  expect(SUM_MT_W1).toBe(864000);
  const host = hostFor(WEEK1);
  render(<App host={host} today={WEEK1} initialStep="etiquettes" />);
  await screen.findByRole('region', { name: /Suggestions à confirmer/ });

  // Exactly the nine suggestions of the hand table, each with its words; none decided yet.
  expectShown(SUGGESTIONS_W1, {});
  // Before any decision, the counts are the columns' (2025-004, 2025-013, 2025-010).
  expectCounts(1, 1, 1);
  expect(screen.getByRole('heading', { name: /Suggestions à confirmer \(9\)/ })).toBeInTheDocument();
  for (const n of NO_SUGGESTION_W1) expect(shownSuggestions().some((s) => s.key.startsWith(`${n} —`))).toBe(false);
  expectFrench();

  // Decisions: confirm four, reject two, confirm 2025-005 then take it back.
  for (const s of CONFIRM_W1) click(`Confirmer : ${nameOf(s)}`);
  await screen.findByRole('button', { name: `Annuler la décision : ${nameOf(CONFIRM_W1[3])}` });
  for (const s of REJECT_W1) click(`Rejeter : ${nameOf(s)}`);
  await screen.findByRole('button', { name: `Rétablir : ${nameOf(REJECT_W1[1])}` });
  click(`Confirmer : ${nameOf(UNDO_W1)}`);
  fireEvent.click(await screen.findByRole('button', { name: `Annuler la décision : ${nameOf(UNDO_W1)}` }));
  await screen.findByRole('button', { name: `Confirmer : ${nameOf(UNDO_W1)}` });

  // README: a rejected suggestion leaves the results (listed apart with « Rétablir »).
  const decided = Object.fromEntries(CONFIRM_W1.map((s) => [`${s.numero} — ${s.etiquette}`, 'Confirmée']));
  expectShown(
    SUGGESTIONS_W1.filter((s) => !REJECT_W1.includes(s)),
    decided,
  );
  expect(screen.getByRole('heading', { name: /Suggestions à confirmer \(3\)/ })).toBeInTheDocument();
  // Declared or confirmed (indicateurs.md): sociale 2025-004 + 2025-002, 2025-014; env 2025-013 + 2025-001;
  // innovation 2025-010 + 2025-006 — and the sentence above the counts must say they include the confirmed ones.
  expectCounts(3, 2, 2);
  const rejectedRegion = screen.getByRole('region', { name: /Suggestions rejetées/ });
  for (const s of REJECT_W1) expect(within(rejectedRegion).getByRole('button', { name: `Rétablir : ${nameOf(s)}` })).toBeInTheDocument();
  for (const s of UNDECIDED_W1) expect(screen.getByRole('button', { name: `Rejeter : ${nameOf(s)}` })).toBeInTheDocument();
  expectFrench();

  // Nothing is written before the sheets are (README « Volet »).
  expect(excel.sheetNames()).not.toContain(ETAT);
  await writeSheets();

  // Controls: suggestion-non-confirmee only, for the three undecided rows; whole row (no column).
  const f = findings();
  expect(f.map((x) => x.code)).toEqual(UNCONFIRMED_ROWS_W1.map(() => 'suggestion-non-confirmee'));
  expect(f.map((x) => Number(x.ligne)).sort((a, b) => a - b)).toEqual(UNCONFIRMED_ROWS_W1);
  for (const x of f) {
    expect(x.gravite).toBe('avertissement');
    expect(x.colonne === null || x.colonne === '').toBe(true);
    expect(x.message).not.toMatch(/\b(suggestion not|unconfirmed|row)\b/i);
  }

  // Indicators: declared and confirmed only.
  for (const [id, v] of Object.entries(EXPECTED_W1)) expect([id, indicatorValue(id)]).toEqual([id, expect.closeTo(v, 9)]);

  // SPASER Registre: considerations and the Étiquettes column per contract.
  const reg = registreByNumero();
  expect([...reg.keys()]).toEqual(CONTRACTS_W1.map((k) => k.numero));
  for (const k of CONTRACTS_W1) {
    const r = reg.get(k.numero)!;
    const [so, en, inn] = CONSIDERATIONS_W1[k.numero];
    expect([k.numero, lowerStr(r.sociale), lowerStr(r.env), lowerStr(r.innov)]).toEqual([k.numero, ouiNon(so), ouiNon(en), ouiNon(inn)]);
    const tags = ETIQUETTES_W1[k.numero];
    for (const [etiquette, origine] of tags) expect([k.numero, r.etiquettes]).toEqual([k.numero, expect.stringContaining(`${etiquette} (${origine})`)]);
    for (const other of ['Clause sociale', 'Marché réservé', "Marché d'insertion", 'Clause environnementale', 'Critère environnemental', 'Marché innovant'])
      if (!tags.some(([e]) => e === other)) expect([k.numero, r.etiquettes]).toEqual([k.numero, expect.not.stringContaining(other)]);
  }

  // SPASER État: very hidden, holding the decisions (keyed by numero): the four confirmed and two rejected, not the undone one.
  const etat = excel.sheet(ETAT);
  expect(etat.visibility).toBe('VeryHidden');
  const etatText = [...etat.rows.values()].flatMap((r) => [...r.values()].map((c) => String(c.value ?? ''))).join('\n');
  for (const s of [...CONFIRM_W1, ...REJECT_W1]) expect(etatText).toContain(s.numero);
  expect(etatText).not.toContain('2025-005');
});

test('week 1 (reopened): the pane shows the saved decisions', async () => {
  const host = hostFor(WEEK1);
  render(<App host={host} today={WEEK1} initialStep="etiquettes" />);
  await screen.findByRole('region', { name: /Suggestions à confirmer/ });
  const decided = Object.fromEntries(CONFIRM_W1.map((s) => [`${s.numero} — ${s.etiquette}`, 'Confirmée']));
  expectShown(
    SUGGESTIONS_W1.filter((s) => !REJECT_W1.includes(s)),
    decided,
  );
  for (const s of REJECT_W1) expect(screen.getByRole('button', { name: `Rétablir : ${nameOf(s)}` })).toBeInTheDocument();
});

test('week 2: an objet rewritten and three rows added, the ribbon button, then the pane', async () => {
  // The buyer rewrites the objet of 2025-001 (B4) and types three rows under the last one (rows 20–22).
  const model = excel.sheet(SHEET);
  excel.cellAt(model, 3, 1).value = NEW_OBJET_001;
  ADDED_W2.forEach((k, i) => week2Row(k).forEach((v, c) => (excel.cellAt(model, 19 + i, c).value = v as string | number | null)));

  const host = hostFor(WEEK2);
  let completed = 0;
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await calculerIndicateurs({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
  error.mockRestore();
  expect(completed).toBe(1);

  for (const [id, v] of Object.entries(EXPECTED_W2)) expect([id, indicatorValue(id)]).toEqual([id, expect.closeTo(v, 9)]);
  const f = findings();
  expect(f.map((x) => x.code)).toEqual(UNCONFIRMED_ROWS_W2.map(() => 'suggestion-non-confirmee'));
  expect(f.map((x) => Number(x.ligne)).sort((a, b) => a - b)).toEqual(UNCONFIRMED_ROWS_W2);
  const reg = registreByNumero();
  expect(reg.size).toBe(19);
  const r001 = reg.get('2025-001')!;
  expect(r001.etiquettes).toContain('Clause environnementale (confirmé)');
  expect(r001.etiquettes).toContain('Marché innovant (suggéré)');
  expect([lowerStr(r001.env), lowerStr(r001.innov)]).toEqual(['oui', 'non']);
  expect(reg.get('2025-017')!.etiquettes).toContain('Clause environnementale (suggéré)');
  expect(reg.get('2025-018')!.etiquettes).toContain('Marché réservé (suggéré)');
  expect(reg.get('2025-019')!.etiquettes).toBe('');
  expect(reg.get('2025-011')!.etiquettes).toBe('');

  // The buyer reopens the pane: the surviving decisions, and the new suggestions with their words.
  render(<App host={host} today={WEEK2} initialStep="etiquettes" />);
  await screen.findByRole('region', { name: /Suggestions à confirmer/ });
  const kept = SUGGESTIONS_W1.filter((s) => !REJECT_W1.includes(s)).map((s) => (s.numero === '2025-001' ? SURVIVING_001 : s));
  const decided = Object.fromEntries(CONFIRM_W1.map((s) => [`${s.numero} — ${s.etiquette}`, 'Confirmée']));
  expectShown([...kept, ...NEW_SUGGESTIONS_W2], decided);
  expect(screen.getByRole('heading', { name: /Suggestions à confirmer \(6\)/ })).toBeInTheDocument();
  for (const s of REJECT_W1) expect(screen.getByRole('button', { name: `Rétablir : ${nameOf(s)}` })).toBeInTheDocument();
  expectFrench();

  // « Rétablir » on a rejection of the previous week: the suggestion is back, to decide.
  click(`Rétablir : ${nameOf(REJECT_W1[0])}`);
  await screen.findByRole('button', { name: `Confirmer : ${nameOf(REJECT_W1[0])}` });
  expect(screen.getByRole('heading', { name: /Suggestions à confirmer \(7\)/ })).toBeInTheDocument();

  // « Annuler » on a confirmation saved last week (README: « même lors d'un calcul précédent »), then the sheets.
  click(`Annuler la décision : ${nameOf(CONFIRM_W1[1])}`);
  await screen.findByRole('button', { name: `Confirmer : ${nameOf(CONFIRM_W1[1])}` });
  expect(screen.getByRole('heading', { name: /Suggestions à confirmer \(8\)/ })).toBeInTheDocument();
  await writeSheets();
  for (const [id, v] of Object.entries(EXPECTED_W2_UNDONE)) expect([id, indicatorValue(id)]).toEqual([id, expect.closeTo(v, 9)]);
  const g = findings();
  expect(g.map((x) => x.code)).toEqual(UNCONFIRMED_ROWS_W2_UNDONE.map(() => 'suggestion-non-confirmee'));
  expect(g.map((x) => Number(x.ligne)).sort((a, b) => a - b)).toEqual(UNCONFIRMED_ROWS_W2_UNDONE);
  for (const x of g) expect(x.message).toMatch(/suggér|confirm/i);
  const etatText = [...excel.sheet(ETAT).rows.values()].flatMap((r) => [...r.values()].map((c) => String(c.value ?? ''))).join('\n');
  for (const n of ['2025-001', '2025-006', '2025-014']) expect(etatText).toContain(n);
  for (const n of ['2025-002', '2025-011', '2025-005']) expect(etatText).not.toContain(n);
});

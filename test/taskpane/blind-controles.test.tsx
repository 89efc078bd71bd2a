/**
 * BLIND acceptance of step 2 « Contrôles » in Excel (README « Utiliser le
 * produit », regles.md §3, sortie.md « SPASER Contrôles »), on the Excel
 * double. The workbook and every expected finding are in
 * blind-controles-workbook.ts, worked out by hand from the spec; none is
 * copied from a program run.
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
import { addinHighlights, type Call, controleRows, loose, ownRules, recordingRun } from './blind-controles-excel';
import {
  CODES_IN_ORDER,
  EXPECTED,
  type Expected,
  FILE,
  FIXED,
  fixTwoCells,
  HEADERS_2025,
  INSERTION,
  LABEL_PATTERNS,
  OWN_RULES,
  S2024,
  S2025,
  TODAY,
  workbookSheets,
} from './blind-controles-workbook';

const USER_SHEETS = [S2025, S2024, INSERTION];
/** Last column of the register on « Marchés 2025 » (P). */
const LAST_COL = String.fromCharCode(64 + HEADERS_2025.length);

function setup() {
  const excel = createExcelDouble({ name: FILE, sheets: workbookSheets() });
  const calls: Call[] = [];
  const host = new ExcelHost(recordingRun(excel, calls) as unknown as typeof Excel.run);
  setRibbonRunner(createRibbonRunner(host, (i, o) => runChain(i, { ...o, today: TODAY }), async () => undefined));
  return { excel, calls, host };
}

async function ribbonClick(): Promise<void> {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  let completed = 0;
  await calculerIndicateurs({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
  error.mockRestore();
  expect(completed).toBe(1);
}

const key = (f: { sheet: string; cell: string | null; row: number }) => `${f.sheet}!${f.cell ?? f.row}`;

/** What a finding's click must select: the cell, or the whole row (README « Contrôles »: « le volet la sélectionne entière »). */
const selection = (f: Expected) => f.cell ?? `${f.row}:${f.row}`;

/** The cells the add-in must mark, per sheet: the faulty cells, and the register's cells of a whole-row finding. */
function expectedHighlights(findings: readonly Expected[]): Record<string, string[]> {
  const out: Record<string, string[]> = { [S2025]: [], [S2024]: [], [INSERTION]: [] };
  for (const f of findings) {
    if (f.cell) out[f.sheet].push(f.cell);
    else for (let c = 0; c < HEADERS_2025.length; c++) out[f.sheet].push(`${String.fromCharCode(65 + c)}${f.row}`);
  }
  for (const s of Object.keys(out)) out[s] = [...new Set(out[s])].sort();
  return out;
}

function highlightsNow(excel: ExcelDouble): Record<string, string[]> {
  return Object.fromEntries(USER_SHEETS.map((s) => [s, addinHighlights(excel, s, OWN_RULES)]));
}

function ownRulesNow(excel: ExcelDouble): unknown[] {
  return USER_SHEETS.map((s) => ownRules(excel, s, OWN_RULES));
}

// The count is bound to its noun by a no-break space (README « Valeurs affichées et typographie »).
const plural = (n: number, g: 'erreur' | 'avertissement') => `${n}\u00a0${g}${n > 1 ? 's' : ''}`;

/** The group buttons of the step, as « label — n erreurs » texts (the badge's count first). */
function groupButtons(): HTMLElement[] {
  return screen.getAllByRole('button', { name: /— \d+\s(erreur|avertissement)s?$/ });
}

function groupButton(code: string): HTMLElement {
  const found = groupButtons().filter((b) => LABEL_PATTERNS[code].test(b.textContent ?? ''));
  if (found.length !== 1) throw new Error(`${found.length} groups for ${code}: ${groupButtons().map((b) => b.textContent).join(' / ')}`);
  return found[0];
}

/** Opens a group, whatever its state. */
function openGroup(code: string): HTMLElement {
  const b = groupButton(code);
  if (b.getAttribute('aria-expanded') !== 'true') fireEvent.click(b);
  return document.getElementById(b.getAttribute('aria-controls')!)!;
}

/** The list item of a finding: its button names the sheet and the cell (or the row). */
function findingItem(list: HTMLElement, f: Expected): HTMLElement {
  const name = f.cell ? `Feuille « ${f.sheet} », cellule ${f.cell}` : `Feuille « ${f.sheet} », ligne ${f.row}`;
  return within(list).getByRole('button', { name }).closest('li')!;
}

const ENGLISH = /\b(the|row|rows|column|cell|sheet|error|errors|warning|warnings|invalid|missing|duplicate|value|unreadable|remove|highlight|select)\b/i;

afterEach(() => {
  cleanup();
  setRibbonRunner(null);
  resetRibbonBridge();
});

describe('step 2 Contrôles in Excel — the list', () => {
  it('lists every finding grouped by code, in the order of regles.md §3, with counts, gravity and French labels', async () => {
    const { host } = setup();
    render(<App host={host} today={TODAY} initialStep="controles" />);
    await screen.findAllByRole('button', { name: /— \d+\s(erreur|avertissement)s?$/ });
    const errors = EXPECTED.filter((f) => f.gravite === 'erreur').length;
    const warnings = EXPECTED.length - errors;
    expect([errors, warnings]).toEqual([17, 8]);
    expect(screen.getByText(new RegExp(`${plural(errors, 'erreur')} .*${plural(warnings, 'avertissement')}`.replace(/\u00a0/g, '\\s')))).toBeInTheDocument();
    // Every code of §3 exactly once, in the spec's order, with its count and gravity.
    const texts = groupButtons().map((b) => b.textContent ?? '');
    expect(texts).toHaveLength(CODES_IN_ORDER.length);
    CODES_IN_ORDER.forEach((code, i) => {
      const n = EXPECTED.filter((f) => f.code === code).length;
      const gravite = EXPECTED.find((f) => f.code === code)!.gravite;
      expect([code, LABEL_PATTERNS[code].test(texts[i])]).toEqual([code, true]);
      expect([code, texts[i].startsWith(String(n)), texts[i].endsWith(`— ${plural(n, gravite)}`)]).toEqual([code, true, true]);
    });
  });

  it('each finding names its sheet and cell, and its French message names the row and the user’s header', async () => {
    const { host } = setup();
    render(<App host={host} today={TODAY} initialStep="controles" />);
    await screen.findAllByRole('button', { name: /— \d+\s(erreur|avertissement)s?$/ });
    for (const code of CODES_IN_ORDER) {
      const list = openGroup(code);
      const expected = EXPECTED.filter((f) => f.code === code);
      expect([code, within(list).getAllByRole('listitem').length]).toEqual([code, expected.length]);
      for (const f of expected) {
        const text = findingItem(list, f).textContent ?? '';
        expect([key(f), new RegExp(`(^|\\D)${f.row}(\\D|$)`).test(text.replace(/^Feuille « [^»]+ », (cellule [A-Z]+\d+|ligne \d+)/, ''))]).toEqual([key(f), true]);
        if (f.header) expect([key(f), text.includes(f.header)]).toEqual([key(f), true]);
        expect([key(f), ENGLISH.test(text.replace(/Feuille « [^»]+ »/, ''))]).toEqual([key(f), false]);
      }
    }
    // Every visible word French: the whole pane, groups open.
    // (the pane's own <style> sheet is not visible text: `flex-direction: column` is CSS, not a word shown)
    const visible = document.body.cloneNode(true) as HTMLElement;
    visible.querySelectorAll('style, script').forEach((n) => n.remove());
    const pane = visible.textContent ?? '';
    expect(pane.replace(/« [^»]+ »/g, '').match(ENGLISH)).toBeNull();
  });
});

describe('step 2 Contrôles in Excel — a click selects the faulty cell', () => {
  it('selects exactly the faulty cell in the right sheet for every finding (table, merged area, hidden column, second sheet, companion), the whole row for a suggestion', async () => {
    const { host, calls } = setup();
    render(<App host={host} today={TODAY} initialStep="controles" />);
    await screen.findAllByRole('button', { name: /— \d+\s(erreur|avertissement)s?$/ });
    for (const f of EXPECTED) {
      const list = openGroup(f.code);
      const item = findingItem(list, f);
      const before = calls.length;
      fireEvent.click(within(item).getAllByRole('button')[0]);
      await waitFor(() => expect(calls.length).toBe(before + 2));
      expect([f.code, ...calls.slice(before)]).toEqual([f.code, ['activate', f.sheet], ['select', f.sheet, selection(f)]]);
    }
    expect(screen.queryByText('Problème')).toBeNull();
  });
});

describe('highlights of the faulty cells', () => {
  it('the ribbon marks exactly the faulty cells of every user sheet, and leaves the buyer’s own conditional formats as they were', async () => {
    const { excel } = setup();
    const own = ownRulesNow(excel);
    await ribbonClick();
    expect(highlightsNow(excel)).toEqual(expectedHighlights(EXPECTED));
    expect(ownRulesNow(excel)).toEqual(own);
  });

  it('the pane’s write marks the same cells; « Retirer le surlignage » removes only the add-in’s', async () => {
    const { excel, host } = setup();
    const own = ownRulesNow(excel);
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites/);
    expect(highlightsNow(excel)).toEqual(expectedHighlights(EXPECTED));
    expect(ownRulesNow(excel)).toEqual(own);
    fireEvent.click(screen.getByRole('button', { name: /2\. Contrôles/ }));
    fireEvent.click(await screen.findByRole('button', { name: /retirer le surlignage/i }));
    await waitFor(() => expect(highlightsNow(excel)).toEqual({ [S2025]: [], [S2024]: [], [INSERTION]: [] }));
    expect(ownRulesNow(excel)).toEqual(own);
    expect(screen.queryByText('Problème')).toBeNull();
  });

  it('a second run replaces the marks instead of adding more (one set of marks, the buyer’s rules once)', async () => {
    const { excel } = setup();
    const own = ownRulesNow(excel);
    await ribbonClick();
    const count = excel.conditionalFormatsOf(S2025).length;
    await ribbonClick();
    expect(excel.conditionalFormatsOf(S2025).length).toBe(count);
    expect(highlightsNow(excel)).toEqual(expectedHighlights(EXPECTED));
    expect(ownRulesNow(excel)).toEqual(own);
  });
});

describe('the buyer fixes two cells and recomputes', () => {
  const remaining = EXPECTED.filter((f) => !FIXED.has(`${f.sheet}!${f.cell}`));

  it('the fixed findings are gone from SPASER Contrôles and their marks too', async () => {
    const { excel } = setup();
    await ribbonClick();
    fixTwoCells(excel);
    await ribbonClick();
    expect(remaining).toHaveLength(EXPECTED.length - 2);
    expect(highlightsNow(excel)).toEqual(expectedHighlights(remaining));
    expect(controleRows(excel).rows.map((r) => `${r.code} ${r.feuille}!${r.ligne}`).sort()).toEqual(
      remaining.map((f) => `${f.code} ${f.sheet}!${f.row}`).sort(),
    );
  });

  it('the pane opened afterwards lists only the remaining findings', async () => {
    const { excel, host } = setup();
    await ribbonClick();
    fixTwoCells(excel);
    await ribbonClick();
    render(<App host={host} today={TODAY} initialStep="controles" />);
    await screen.findAllByRole('button', { name: /— \d+\s(erreur|avertissement)s?$/ });
    expect(groupButton('montant-manquant').textContent).toMatch(/— 1\serreur$/);
    expect(groupButtons().some((b) => LABEL_PATTERNS['cpv-invalide'].test(b.textContent ?? ''))).toBe(false);
    expect(groupButtons()).toHaveLength(CODES_IN_ORDER.length - 1);
  });

  it('the pane left open during the ribbon’s recomputation no longer lists the fixed findings', async () => {
    const { excel, host } = setup();
    render(<App host={host} today={TODAY} initialStep="controles" />);
    await screen.findAllByRole('button', { name: /— \d+\s(erreur|avertissement)s?$/ });
    expect(groupButton('montant-manquant').textContent).toMatch(/— 2\serreurs$/);
    fixTwoCells(excel);
    await ribbonClick();
    await waitFor(() => expect(groupButton('montant-manquant').textContent).toMatch(/— 1\serreur$/));
    expect(groupButtons().some((b) => LABEL_PATTERNS['cpv-invalide'].test(b.textContent ?? ''))).toBe(false);
  });
});

describe('SPASER Contrôles matches the step', () => {
  it('one row per finding: gravity, code, sheet, row, the user’s header, the value read, a French message, a link to the same cell the pane selects', async () => {
    const { excel } = setup();
    await ribbonClick();
    const { header, rows } = controleRows(excel);
    for (const label of ['Gravité', 'Code', 'Message', 'Feuille', 'Ligne', 'Colonne', 'Valeur lue']) expect(header).toContain(label);
    expect(rows).toHaveLength(EXPECTED.length);
    const keyOf = (r: { gravite: string; code: string; sheet: string; row: number | string | null; header: string | null }) =>
      `${r.gravite} | ${r.code} | ${r.sheet} | ${r.row} | ${r.header ?? ''}`;
    expect(rows.map((r) => keyOf({ ...r, sheet: r.feuille, row: r.ligne, header: r.colonne })).sort()).toEqual(
      EXPECTED.map((f) => keyOf({ ...f, row: f.row })).sort(),
    );
    for (const f of EXPECTED) {
      const r = rows.find((x) => x.code === f.code && x.feuille === f.sheet && Number(x.ligne) === f.row)!;
      if (f.value !== undefined) expect([key(f), loose(r.valeur)]).toEqual([key(f), loose(f.value)]);
      expect([key(f), new RegExp(`(^|\\D)${f.row}(\\D|$)`).test(r.message)]).toEqual([key(f), true]);
      if (f.header) expect([key(f), r.message.includes(f.header)]).toEqual([key(f), true]);
      expect([key(f), ENGLISH.test(r.message)]).toEqual([key(f), false]);
      expect([key(f), r.links.length]).toEqual([key(f), 1]);
      // The link leads where the pane's click goes: the cell, or the row (README « Contrôles »).
      const target = f.cell ? [`${f.sheet}!${f.cell}`] : [`${f.sheet}!${f.row}:${f.row}`, `${f.sheet}!A${f.row}`, `${f.sheet}!A${f.row}:${LAST_COL}${f.row}`];
      expect([key(f), target.includes(r.links[0])]).toEqual([key(f), true]);
    }
  });
});

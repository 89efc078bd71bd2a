/**
 * BLIND acceptance — the task pane's « Colonnes » step as a buyer uses it over
 * two weeks, on the Excel double through the pane's Excel host. Expectations
 * written from the spec (regles.md §1, §2, §5; champs.md; indicateurs.md) and
 * the README (« Dans Excel », « Choix faits … — Colonnes », « Volet »), before
 * reading src/.
 *
 * What the buyer must see and be able to do (from the spec and README):
 *  W1.1 No register recognised (the date is under « Signé le »): a French
 *       message « Aucun registre reconnu dans « <classeur> » » naming the sheet
 *       closest to a register (Marchés 2025: 9 fields recognised, only the date
 *       missing — closer than Commandes 2025, 4 fields), its header row (1) and
 *       the missing required column (Date de notification) — README « Colonnes ».
 *  W1.2 The pane proposes that sheet and header row, with the required columns it
 *       names already chosen; the buyer only picks « Signé le » for the date
 *       (README « Dans Excel », step 1).
 *  W1.3 Montant: « Montant HT » and « Montant estimé HT » are both synonyms of
 *       `montant` (champs.md) with the same score; README: the synonym earlier in
 *       the table wins (« montant HT » is before « montant estimé HT »), so the
 *       amount is « Montant HT »; « Montant estimé HT » is listed non reconnue
 *       (not moved to another field). The buyer sees it and keeps it.
 *  W1.4 « Dépenses (k€) » is montantMandate, read in euros (README: unit k€).
 *  W1.5 « Visa élu » is listed among the columns not recognised.
 *  W1.6 Commandes 2025 (≥ 3 fields, one required, 1 required missing) is flagged
 *       by a warning naming the sheet and the missing column (Montant), since
 *       the computation runs on Marchés 2025 (README « Colonnes »).
 *  W1.7 Writing the sheets saves in SPASER État, for Marchés 2025, header row 1,
 *       the buyer's choice « Signé le » → dateNotification (README: the part of
 *       the mapping the user chose).
 *  W1.8 Indicators on the chosen columns, exercice 2025 (all dates 2025), R = rows
 *       2–5 (no error):
 *       dep(r) (regles.md §5: montantMandate when filled, else montant):
 *         r2 8,5 k€ → 8 500 ; r3 empty → montant 2 000 ; r4 12,345 k€ → 12 345 ;
 *         r5 « 1,2 » k€ → 1 200.
 *       1.1.2-montant-ar = Σ dep over AR (clauseSociale oui: r2, r4)
 *                        = 8 500 + 12 345 = 20 845 €
 *       3.2.1-centrales  = Σ dep over centraleAchat oui (r3, r5)
 *                        = 2 000 + 1 200 = 3 200 €  (3 700 if the estimated amount were taken)
 *       2.1.1-programmes-montant = Σ mt over programme oui (r2 10 000, r4 50 000)
 *                        / Σ mt (10 000 + 2 000 + 50 000 + 4 000 = 66 000)
 *                        = 60 000 / 66 000 × 100 = 90,9090… %
 *  W2.1 Rows 6–7 added, nothing renamed: reopening the pane shows the register
 *       without redoing anything, the date combobox on « Signé le », and the
 *       choice shown as « choisies par vous » (README).
 *  W2.2 The Commandes 2025 warning is still shown (sheet and missing Montant).
 *  W2.3 Indicators, R = rows 2–7: r6 dep = montant 8 000 (AR, programmé), r7 dep
 *       « 0,8 » k€ = 800 (centrale):
 *       1.1.2-montant-ar = 20 845 + 8 000 = 28 845 €
 *       3.2.1-centrales  = 3 200 + 800 = 4 000 €
 *       2.1.1-programmes-montant = (60 000 + 8 000) / (66 000 + 8 000 + 3 000)
 *                        = 68 000 / 77 000 × 100 = 88,3116… %
 *  W2.4 The buyer adds a « Montant HT » column to Commandes 2025: the warning is
 *       gone, the sheet is a register source. Its rows map no social field, no
 *       centraleAchat, no programme: they take no part in the three indicators
 *       (regles.md §2, absent columns) → values unchanged.
 *  W2.5 The buyer renames « Signé le » → « Date de signature »: the pane must
 *       not silently lose the register's rows: either the date is found again
 *       (recognised or the choice follows the column), or a French message
 *       names Marchés 2025 and the missing Date de notification and the buyer
 *       can choose « Date de signature »; then the indicators are those of W2.3.
 *  All: every string shown is French.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import type { ExcelDouble } from '../doubles/excel-double';
import {
  buyerWorkbook,
  ORDERS,
  ORDERS_ROWS,
  REGISTER,
  TODAY,
  typeCells,
  WEEK1_ROWS,
  WORKBOOK,
  WEEK2_ROWS,
} from './blind-colonnes-workbook';

const hostOn = (excel: ExcelDouble) => new ExcelHost(excel.run as unknown as typeof Excel.run);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

/** The value of an indicator in SPASER Indicateurs (column « Valeur » of the row whose « Id » is id). */
function indicator(excel: ExcelDouble, id: string): unknown {
  const sheet = excel.sheet('SPASER Indicateurs');
  const keys = [...sheet.rows.keys()].sort((a, b) => a - b);
  const headerRow = keys.find((r) => [...sheet.rows.get(r)!.values()].some((c) => c.value === 'Id'));
  if (headerRow === undefined) throw new Error('no « Id » header in SPASER Indicateurs');
  const header = new Map<string, number>();
  for (const [c, cell] of sheet.rows.get(headerRow)!) header.set(String(cell.value), c);
  for (const r of keys.filter((x) => x > headerRow)) {
    const line = sheet.rows.get(r)!;
    if (line.get(header.get('Id')!)?.value === id) return line.get(header.get('Valeur')!)?.value ?? null;
  }
  throw new Error(`no row ${id} in SPASER Indicateurs`);
}
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(String(v).replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.')));

function selected(select: HTMLElement): string {
  return (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '';
}
function choose(select: HTMLElement, label: string): void {
  const option = Array.from((select as HTMLSelectElement).options).find((o) => o.textContent === label);
  if (!option) throw new Error(`no option « ${label} » in ${(select as HTMLSelectElement).options.length} options`);
  fireEvent.change(select, { target: { value: option.value } });
}

async function writeSheets(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: '4. Indicateurs' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
  await screen.findByText(/Feuilles SPASER écrites/);
}

function expectIndicators(excel: ExcelDouble, w: { ar: number; centrales: number; programmes: number }): void {
  expect(num(indicator(excel, '1.1.2-montant-ar'))).toBeCloseTo(w.ar, 2);
  expect(num(indicator(excel, '3.2.1-centrales'))).toBeCloseTo(w.centrales, 2);
  expect(num(indicator(excel, '2.1.1-programmes-montant'))).toBeCloseTo(w.programmes, 1);
}

const ENGLISH = [
  /\b(the|and|with|from|your|please|loading|Loading|Error|error|Warning|warning|Sheet|sheet|Column|column|Step|step|Next|next|Save|save|Cancel|cancel|Submit|Select|select|Choose|choose|None|none|Write|write|Read|read|File|file|Indicators?|indicators?|Failed|failed|Success|success|Close|close|Open|open|Show|show|Hide|hide|Yes|No|Unknown|unknown|Missing|missing|Header|header|Amount|amount|Confirm|Reject|Apply|Back|Done|Details|Settings|Help|Value|Status|Rows?|rows?|Cells?|cells?|Clear|Import|Preview)\b/,
  /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|\btrue\b|\bfalse\b/,
];
function englishShown(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement?.tagName;
    if (parent !== 'STYLE' && parent !== 'SCRIPT' && n.textContent?.trim()) out.push(n.textContent);
  }
  for (const el of Array.from(document.body.querySelectorAll('*')))
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
      const v = el.getAttribute(attr);
      if (v) out.push(v);
    }
  // Sheet names and the buyer's own headers are theirs, not the pane's.
  return out.flatMap((s) => ENGLISH.flatMap((re) => (re.test(s) ? [`${s.match(re)![0]} ← ${s.slice(0, 160)}`] : [])));
}

/** The notice about the incomplete second sheet: French, naming it and its missing amount column. */
function ordersNotice(): HTMLElement | null {
  return screen.queryAllByText(new RegExp(`${esc(ORDERS)}`)).find((el) => /Montant/.test(el.textContent ?? '') && /manque|absente|introuvable|sans|pas de/i.test(el.textContent ?? '')) ?? null;
}

describe('blind « Colonnes » — a buyer over two weeks', () => {
  // One workbook lives through the whole scenario, as the buyer's file does.
  const excel = buyerWorkbook();

  it('week 1: told what is missing and where, chooses « Signé le », checks the amount, writes the sheets', async () => {
    render(<App host={hostOn(excel)} today={TODAY} />);
    // W1.1
    const message = await screen.findByText(new RegExp(`Aucun registre reconnu dans « ${esc(WORKBOOK)} »`));
    expect(message).toHaveTextContent(REGISTER);
    expect(message).toHaveTextContent(/ligne 1\b/);
    expect(message).toHaveTextContent(/Date de notification/);
    // W1.2
    const form = screen.getByRole('region', { name: 'Indiquer le registre' });
    expect(englishShown()).toEqual([]);
    const dateSelect = within(form).getByRole('combobox', { name: /Date de notification/ });
    choose(dateSelect, 'Signé le');
    // W1.3–W1.5 on the register's section.
    const section = await screen.findByRole('region', { name: `Feuille « ${REGISTER} »` });
    expect(screen.queryByText(/Aucun registre reconnu/)).toBeNull();
    expect(selected(within(section).getByRole('combobox', { name: /Date de notification/ }))).toBe('Signé le');
    expect(selected(within(section).getByRole('combobox', { name: /^Montant notifié HT/ }))).toBe('Montant HT');
    fireEvent.click(within(section).getByRole('button', { name: /Afficher tous les champs/ }));
    expect(selected(within(section).getByRole('combobox', { name: /^Dépenses mandatées HT/ }))).toBe('Dépenses (k€)');
    const unknown = within(section).getByText(/Colonnes non (reconnues|utilisées)/i);
    expect(unknown.closest('div, p, li, section')).toHaveTextContent('Visa élu');
    expect(unknown.closest('div, p, li, section')).toHaveTextContent('Montant estimé HT');
    // W1.6
    await waitFor(() => expect(ordersNotice()).not.toBeNull());
    // W1.6b: the notice says « choisissez la colonne à l'étape Colonnes » (README: « le volet permet alors
    // d'indiquer … les colonnes »): the step offers the missing amount of Commandes 2025.
    const orders = screen.getByRole('region', { name: `Feuille « ${ORDERS} »` });
    expect(selected(within(orders).getByRole('combobox', { name: /^Montant notifié HT/ }))).toBe('— aucune colonne —');
    expect(englishShown()).toEqual([]);
    // W1.7, W1.8
    await writeSheets();
    expect(excel.sheet(SHEET_ETAT).visibility).toBe('VeryHidden');
    const saved = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readState();
    const mine = saved?.mappings.find((m) => m.sheet === REGISTER);
    expect(mine).toEqual(expect.objectContaining({ sheet: REGISTER, headerRow: 1, columns: expect.objectContaining({ 'Signé le': 'dateNotification' }) }));
    expect(saved?.mappings.some((m) => m.sheet === ORDERS && Object.keys(m.columns).length > 0)).toBe(false);
    expectIndicators(excel, { ar: 20845, centrales: 3200, programmes: (60000 / 66000) * 100 });
    expect(englishShown()).toEqual([]);
  });

  it('week 2: rows added, the pane remembers the choices, the second sheet is still flagged', async () => {
    typeCells(excel, REGISTER, 1 + WEEK1_ROWS.length, 0, WEEK2_ROWS);
    render(<App host={hostOn(excel)} today={TODAY} />);
    // W2.1
    const section = await screen.findByRole('region', { name: `Feuille « ${REGISTER} »` });
    expect(screen.queryByText(/Aucun registre reconnu/)).toBeNull();
    expect(selected(within(section).getByRole('combobox', { name: /Date de notification/ }))).toBe('Signé le');
    expect(within(section).getByText(/choisies par vous/)).toBeInTheDocument();
    expect(selected(within(section).getByRole('combobox', { name: /^Montant notifié HT/ }))).toBe('Montant HT');
    // W2.2
    await waitFor(() => expect(ordersNotice()).not.toBeNull());
    expect(englishShown()).toEqual([]);
    // W2.3
    await writeSheets();
    expectIndicators(excel, { ar: 28845, centrales: 4000, programmes: (68000 / 77000) * 100 });
  });

  it('week 2: the buyer gives Commandes 2025 its amount column — the notice goes, the indicators stay', async () => {
    typeCells(excel, ORDERS, 0, 4, [['Montant HT'], [500], [750]]);
    expect(ORDERS_ROWS).toHaveLength(2);
    render(<App host={hostOn(excel)} today={TODAY} />);
    await screen.findByRole('region', { name: `Feuille « ${REGISTER} »` });
    expect(await screen.findByRole('region', { name: `Feuille « ${ORDERS} »` })).toBeInTheDocument();
    expect(ordersNotice()).toBeNull();
    await writeSheets();
    expectIndicators(excel, { ar: 28845, centrales: 4000, programmes: (68000 / 77000) * 100 });
  });

  it('week 2: « Signé le » renamed « Date de signature » — the pane says so in French and the buyer chooses again', async () => {
    excel.cellAt(excel.sheet(REGISTER), 0, 5).value = 'Date de signature';
    render(<App host={hostOn(excel)} today={TODAY} />);
    await screen.findByRole('region', { name: `Feuille « ${ORDERS} »` });
    const section = await screen.findByRole('region', { name: `Feuille « ${REGISTER} »` });
    const date = within(section).getByRole('combobox', { name: /Date de notification/ });
    if (selected(date) !== 'Date de signature') {
      // W2.5 (b): a French message names the register sheet and the missing date column.
      const said = screen
        .queryAllByText(new RegExp(esc(REGISTER)))
        .concat(within(section).queryAllByText(/Date de notification/))
        .filter((el) => /Date de notification|Signé le/.test(el.textContent ?? '') && /manque|absente|introuvable|plus trouvée|n'existe plus|à choisir|choisir/i.test(el.textContent ?? ''));
      expect(said.length).toBeGreaterThan(0);
      choose(date, 'Date de signature');
      // The sheet is a register again: its section is drawn anew, among the recognised ones.
      await waitFor(() => expect(screen.queryByText(/introuvable dans la feuille « Marchés 2025 »/)).toBeNull());
      const again = screen.getByRole('region', { name: `Feuille « ${REGISTER} »` });
      expect(selected(within(again).getByRole('combobox', { name: /Date de notification/ }))).toBe('Date de signature');
    }
    expect(englishShown()).toEqual([]);
    await writeSheets();
    expectIndicators(excel, { ar: 28845, centrales: 4000, programmes: (68000 / 77000) * 100 });
  });
});

/**
 * @jest-environment jsdom
 */
/**
 * BLIND acceptance « semaines »: one buyer's workbook, week after week, in Excel (the double),
 * through the ribbon's « Calculer les indicateurs » and the task pane's Étiquettes step.
 * Every expectation is worked out by hand from /work/shared/spec and README.md's user sections
 * (working in comments) and was written before the first run; none is copied from a program run.
 * The workbook and the buyer's edits are in blind-semaines-workbook.ts.
 *
 * What blind-ribbon does not cover and this recipe does: the buyer's structural edits of their
 * own sheet between two runs (a column inserted before the N° column, a header renamed to another
 * synonym, rows added, the table sorted, a row deleted, the error corrected), decisions taken in
 * the pane that must follow their contracts through all of it, then the register sheet renamed,
 * a Cibles sheet added and a note typed into a SPASER sheet.
 */
import '../taskpane/dom-setup';
import { createElement } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { runChain } from '../../src/domain/chain';
import { calculerIndicateurs } from '../../src/commands/commands';
import { setRibbonRunner } from '../../src/commands/ribbon';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createRibbonRunner, resetRibbonBridge, subscribeRibbonResult, type RibbonSummary } from '../../src/taskpane/ribbon-bridge';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';
import { SPEC_IDS } from '../acceptance/helpers';
import { column, coveredCells, findingKeys, indicatorLines, readTable, userPicture } from './blind-ribbon-read';
import { addSheet, ciblesSheet, FILE, NOTES, TODAY, USER, USER_RENAMED, week1Sheets, week2Edits } from './blind-semaines-workbook';

const REGISTRE = 'SPASER Registre';
const CONTROLES = 'SPASER Contrôles';
const INDICATEURS = 'SPASER Indicateurs';
const POLES = 'SPASER Pôles';
const ETAT = 'SPASER État';
/** sortie.md's sheets, written after the user's (README « Feuilles écrites »). */
const SPASER_SHEETS = [REGISTRE, CONTROLES, INDICATEURS, POLES, ETAT];
const NBSP = '\u00a0';

function setup() {
  const excel = createExcelDouble({ name: FILE, sheets: week1Sheets() });
  const host = new ExcelHost(excel.run as unknown as typeof Excel.run);
  setRibbonRunner(createRibbonRunner(host, (inputs, options) => runChain(inputs, { ...options, today: TODAY }), async () => undefined));
  const summaries: RibbonSummary[] = [];
  subscribeRibbonResult((s) => summaries.push(s));
  return { excel, host, summaries };
}

async function click(): Promise<void> {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await act(() => calculerIndicateurs({ completed: () => undefined } as unknown as Office.AddinCommands.Event));
  error.mockRestore();
}

const lower = (v: unknown) => String(v ?? '').trim().toLowerCase();

/** The user's sheet as a user sees it, without the add-in's highlights (compared on their own). */
const picture = (excel: ExcelDouble, sheet: string) => userPicture(excel, sheet, []);

/** Rows (1-based) of the user's sheet touched by the add-in's highlights. */
function highlightedRows(excel: ExcelDouble, sheet: string): number[] {
  const cells = coveredCells(excel.conditionalFormatsOf(sheet).flatMap((c) => c.areas));
  return [...new Set(cells.map((a) => Number(/\d+$/.exec(a)![0])))].sort((a, b) => a - b);
}

function findings(excel: ExcelDouble): string[] {
  // No finding: the sheet says so in one line, without a header (first run: my helper expected an empty table).
  if (excel.cell(CONTROLES, 1, 1)?.value === 'Aucune anomalie détectée.') return [];
  return findingKeys(readTable(excel, CONTROLES, 'Gravité'));
}

const sugg = (sheet: string, row: number) => `avertissement | suggestion-non-confirmee | ${sheet} | ${row} | `;

function byId(excel: ExcelDouble): Map<string, Map<string, unknown>> {
  return new Map(indicatorLines(excel, INDICATEURS).map((m) => [String(m.get('Id')), m]));
}

function expectIndicators(excel: ExcelDouble, values: Record<string, number>, calculable: string[]): void {
  const lines = indicatorLines(excel, INDICATEURS);
  expect(lines.map((l) => l.get('Id'))).toEqual(SPEC_IDS);
  const ids = byId(excel);
  for (const id of SPEC_IDS) {
    const statut = lower(ids.get(id)!.get('Statut'));
    expect([id, statut]).toEqual([id, calculable.includes(id) ? 'calculé' : 'non calculable']);
  }
  for (const [id, v] of Object.entries(values)) {
    const got = ids.get(id)!.get('Valeur');
    expect([id, typeof got === 'number' ? Math.round(got * 1e6) / 1e6 : got]).toEqual([id, Math.round(v * 1e6) / 1e6]);
  }
}

afterEach(() => {
  cleanup();
  setRibbonRunner(null);
  resetRibbonBridge();
});

// ---------------------------------------------------------------------------------------------
// Hand computation, week 1 (today 20/01/2026):
//   Header row 4 (regles §1: the first of the first 20 rows with ≥ 3 fields; title, note and blank
//   rows above are ignored). Mapped: N° marché → numero, Intitulé → objet, Attributaire → titulaire,
//   Montant HT → montant, Date notif → dateNotification, Clause sociale → clauseSociale,
//   Clause env. → clauseEnvironnementale, Ville → communeTitulaire, Remarques → commentaires (champs.md).
//   « Mes notes »: no header with 3 fields → not a source.
//   Rows read 12. Error: S08 « 12 000 € TTC » → montant-invalide (README: TTC → illisible). erreurs = 1.
//   Exercice: every date 2025 → N = 2025. R = M = 11 rows (all but S08; no horsMarche column).
//   Suggestions (regles §4, README « Étiquettes suggérées »): S02 « reconditionné » (env), S03
//   « chantier d'insertion » (Marché d'insertion), S05 « innovante » (innovation, féminin), S07
//   comment « circuit court » (env), S11 « clause d'insertion » (social). S09 « sans clause sociale »:
//   negation → nothing. → 5 warnings suggestion-non-confirmee, on the whole row (README: no column).
//   dep = montant (no mandaté column).
//   sociale declared: S01, S04 → 2/11. env declared: S04, S10 → 2/11; clauses-env 2/11.
//   AR: S01, S04, S10 → 3; montant-ar = 48 000 + 15 000 + 18 000 = 81 000.
//   clause sociale: 2, 2/11.
//   Roubaix suppliers of R (§6): Resto Solidaire 48 000, Jardins du Nord 27 500, Saveurs Locales 6 400,
//   Bureau Plus 2 150,75, Emploi Plus 22 000, Forma Conseil 4 200 → 110 250,75 / 6.
//   Charts: considerations + zones; no size column, no Suivi insertion, one Pôle (the file's name,
//   README « Contrôles ») → 2 → 1.1.2-dataviz = 2.
//   Calculable: 1.1.2-marches-ar, -montant-ar, -dataviz, 3.1.1-consideration-env, 3.1.1-clauses-env
//   (3.1.1-criteres-env needs critereEnvironnemental and procedure), 4.1.2-consideration-sociale,
//   4.2.2-clause-sociale-nb, -part, 5.1.1-fournisseurs-zone, 5.1.1-montant-moyen-roubaix → 10.
// ---------------------------------------------------------------------------------------------
const CALCULABLE = [
  '1.1.2-marches-ar',
  '1.1.2-montant-ar',
  '1.1.2-dataviz',
  '3.1.1-consideration-env',
  '3.1.1-clauses-env',
  '4.1.2-consideration-sociale',
  '4.2.2-clause-sociale-nb',
  '4.2.2-clause-sociale-part',
  '5.1.1-fournisseurs-zone',
  '5.1.1-montant-moyen-roubaix',
];

const WEEK1: Record<string, number> = {
  '1.1.2-marches-ar': 3,
  '1.1.2-montant-ar': 81000,
  '1.1.2-dataviz': 2,
  '3.1.1-consideration-env': (2 / 11) * 100,
  '3.1.1-clauses-env': (2 / 11) * 100,
  '4.1.2-consideration-sociale': (2 / 11) * 100,
  '4.2.2-clause-sociale-nb': 2,
  '4.2.2-clause-sociale-part': (2 / 11) * 100,
  '5.1.1-montant-moyen-roubaix': 110250.75 / 6,
};

// After the pane: S02 (env) and S11 (social) confirmed, S03 (Marché d'insertion) and S05 (innovation)
// rejected, S07 left undecided.
//   sociale: S01, S04, S11 → 3/11. env: S02, S04, S10 → 3/11. A confirmed tag counts in the
//   considerations, not in the indicators on the column itself (README): clauses-env stays 2/11,
//   clause sociale stays 2.
//   AR: S01, S02, S04, S10, S11 → 5; montant-ar = 48 000 + 12 300,50 + 15 000 + 18 000 + 22 000 = 115 300,50.
const WEEK1_DECIDED: Record<string, number> = {
  ...WEEK1,
  '1.1.2-marches-ar': 5,
  '1.1.2-montant-ar': 115300.5,
  '3.1.1-consideration-env': (3 / 11) * 100,
  '4.1.2-consideration-sociale': (3 / 11) * 100,
};

// Week 2 (blind-semaines-workbook.ts week2Edits): rows 5 S15, 6 S14, 7 S13, 8 S12, 9 S11, 10 S10,
// 11 S08, 12 S07, 13 S06, 14 S05, 15 S04, 16 S03, 17 S02, 18 S01.
//   « Priorité » matches no field; « Notifié le » is a synonym of dateNotification → same mapping.
//   Rows read 14, errors 0 (S08 now « 10 000,00 € HT » → 10 000). R = M = 14.
//   Decisions (sortie.md: keyed by numero and source; README: a decision belongs to the suggestion —
//   contract, source, sub-tag) follow their contracts: S02, S11 confirmed; S03, S05 rejected.
//   Undecided suggestions: S07 (row 12), S13 « véhicules électriques » (row 7) → 2 warnings.
//   sociale: S01, S04, S15 (declared) + S11 → 4/14. env: S04, S10, S14 (declared) + S02 → 4/14.
//   clauses-env: S04, S10, S14 → 3/14. clause sociale: S01, S04, S15 → 3, 3/14.
//   AR: S01, S02, S04, S10, S11, S14, S15 → 7;
//   montant-ar = 48 000 + 12 300,50 + 15 000 + 18 000 + 22 000 + 5 500 + 14 000 = 134 800,50.
//   Roubaix: S01 48 000, S03 27 500, S07 6 400, S11 22 000, S12 4 200, S13 64 000, S14 5 500
//   (S09 deleted) → 177 600 / 7.
const WEEK2: Record<string, number> = {
  '1.1.2-marches-ar': 7,
  '1.1.2-montant-ar': 134800.5,
  '1.1.2-dataviz': 2,
  '3.1.1-consideration-env': (4 / 14) * 100,
  '3.1.1-clauses-env': (3 / 14) * 100,
  '4.1.2-consideration-sociale': (4 / 14) * 100,
  '4.2.2-clause-sociale-nb': 3,
  '4.2.2-clause-sociale-part': (3 / 14) * 100,
  '5.1.1-montant-moyen-roubaix': 177600 / 7,
};

// Week 3: the register sheet renamed « Marchés 2025 Solidarités », a « Cibles » sheet added, a note typed
// into SPASER Indicateurs.
//   README « Étiquettes suggérées »: a decision whose sheet is no longer a register sheet (renamed) holds by
//   numero for every register sheet of this workbook → same considerations as week 2.
//   Cibles (indicateurs.md): 4.1.2-consideration-sociale 28,57 ≥ 30 ? no; 3.1.1-consideration-env
//   28,57 ≥ 50 ? no; 1.1.2-marches-ar 7 ≥ 5 (empty sens = ≥) yes; 5.2.1-innovants-nb non calculable:
//   no value → not considered. → 1.1.1-cibles-atteintes = 1/3 = 33,33 %; now 11 calculable.
//   sortie.md: a re-run replaces the add-in's own sheets → the typed note is not kept.
const WEEK3: Record<string, number> = { ...WEEK2, '1.1.1-cibles-atteintes': 100 / 3 };

/** A suggestion decided in the open pane's Étiquettes step (the button goes once the decision is taken). */
async function decide(verb: 'Confirmer' | 'Rejeter', numero: string): Promise<void> {
  const name = new RegExp(`^${verb}${NBSP}: .+ pour le marché ${numero}$`);
  fireEvent.click(await screen.findByRole('button', { name }));
  await waitFor(() => expect(screen.queryByRole('button', { name })).toBeNull());
}

/** Week 1: first click, then the pane's decisions, then the second click (which saves them); the pane closed unless kept open. */
async function week1(ctx: ReturnType<typeof setup>, keepPaneOpen = false) {
  await click();
  render(createElement(App, { host: ctx.host, today: TODAY }));
  fireEvent.click(await screen.findByRole('button', { name: '3. Étiquettes' }));
  await decide('Confirmer', '2025-S02');
  await decide('Rejeter', '2025-S03');
  await decide('Rejeter', '2025-S05');
  await decide('Confirmer', '2025-S11');
  await click();
  if (!keepPaneOpen) cleanup();
}

describe('week 1 — the buyer clicks « Calculer les indicateurs »', () => {
  it('summary, sheets written after the user’s, user sheets untouched', async () => {
    const ctx = setup();
    const before = [picture(ctx.excel, USER), picture(ctx.excel, NOTES)];
    await click();
    expect(ctx.summaries).toEqual([{ lignesLues: 12, erreurs: 1, indicateursCalcules: 10, indicateurs: 56, exercice: 2025, echec: null }]);
    expect(ctx.excel.sheetNames()).toEqual([USER, NOTES, ...SPASER_SHEETS]);
    expect(ctx.excel.sheet(ETAT).visibility).toBe('VeryHidden');
    expect([picture(ctx.excel, USER), picture(ctx.excel, NOTES)]).toEqual(before);
  });

  it('SPASER Registre, Contrôles and Indicateurs against the hand computation', async () => {
    const ctx = setup();
    await click();
    const t = readTable(ctx.excel, REGISTRE, 'N° de marché');
    expect(t.header).toEqual([
      'N° de marché',
      'Objet du marché',
      'Date de notification',
      'Montant notifié HT (€)',
      'Clause environnementale',
      'Clause sociale',
      'Titulaire',
      'Commune du titulaire',
      'Commentaires',
      'Considération sociale',
      'Considération environnementale',
      'Innovation',
      'Étiquettes',
      'Statut',
      'Exercice',
      'Source',
    ]);
    expect(column(t, 'N° de marché')).toEqual(Array.from({ length: 12 }, (_, i) => `2025-S${String(i + 1).padStart(2, '0')}`));
    // French text amounts read; the unreadable one shown as it was typed.
    expect(column(t, 'Montant notifié HT (€)')).toEqual([48000, 12300.5, 27500, 15000, 9800, 31200, 6400, '12 000 € TTC', 2150.75, 18000, 22000, 4200]);
    expect(column(t, 'Statut')).toEqual(['OK', 'Avertissement', 'Avertissement', 'OK', 'Avertissement', 'OK', 'Avertissement', 'Erreur', 'OK', 'OK', 'Avertissement', 'OK']);
    expect(column(t, 'Considération sociale').map(lower)).toEqual(['oui', 'non', 'non', 'oui', 'non', 'non', 'non', 'non', 'non', 'non', 'non', 'non']);
    expect(column(t, 'Considération environnementale').map(lower)).toEqual(['non', 'non', 'non', 'oui', 'non', 'non', 'non', 'non', 'non', 'oui', 'non', 'non']);
    const tags = column(t, 'Étiquettes').map((v) => String(v ?? ''));
    expect(tags[2]).toMatch(/Marché d'insertion.*suggéré/);
    expect(tags[4]).toMatch(/innovant.*suggéré/i);
    expect(tags[8]).toBe('');
    expect(findings(ctx.excel)).toEqual(
      [`erreur | montant-invalide | ${USER} | 12 | Montant HT`, sugg(USER, 6), sugg(USER, 7), sugg(USER, 9), sugg(USER, 11), sugg(USER, 15)].sort(),
    );
    expectIndicators(ctx.excel, WEEK1, CALCULABLE);
    expect(highlightedRows(ctx.excel, USER)).toEqual([6, 7, 9, 11, 12, 15]);
  });

  it('the decisions taken in the pane are saved with the sheets and counted', async () => {
    const ctx = setup();
    await week1(ctx);
    expect(ctx.summaries.map((s) => s.echec)).toEqual([null, null]);
    const saved = await createOfficeWorkbook(ctx.excel.run as unknown as ExcelRunner).readState();
    const decisions = (saved?.decisions ?? []).map((d) => `${d.numero} ${d.consideration} ${d.decision}`).sort();
    expect(decisions).toEqual(['2025-S02 environnementale confirmée', '2025-S03 sociale rejetée', '2025-S05 innovation rejetée', '2025-S11 sociale confirmée']);
    expect(findings(ctx.excel)).toEqual([`erreur | montant-invalide | ${USER} | 12 | Montant HT`, sugg(USER, 11)].sort());
    expectIndicators(ctx.excel, WEEK1_DECIDED, CALCULABLE);
    expect(ctx.excel.sheetNames()).toEqual([USER, NOTES, ...SPASER_SHEETS]);
  });
});

describe('week 2 — the buyer edits their sheet the way people do', () => {
  async function throughWeek2() {
    const ctx = setup();
    await week1(ctx);
    week2Edits(ctx.excel);
    const before = [picture(ctx.excel, USER), picture(ctx.excel, NOTES)];
    await click();
    return { ...ctx, before };
  }

  it('SPASER sheets replaced (not duplicated), user sheets untouched, nothing of the buyer lost', async () => {
    const { excel, summaries, before } = await throughWeek2();
    expect(summaries[summaries.length - 1]).toEqual({ lignesLues: 14, erreurs: 0, indicateursCalcules: 10, indicateurs: 56, exercice: 2025, echec: null });
    expect(excel.sheetNames()).toEqual([USER, NOTES, ...SPASER_SHEETS]);
    expect(excel.model.tables.filter((t) => t.sheet.name === REGISTRE)).toHaveLength(1);
    expect([picture(excel, USER), picture(excel, NOTES)]).toEqual(before);
    // The buyer's own column and its values are still there.
    expect(excel.cell(USER, 4, 1)?.value).toBe('Priorité');
    expect(excel.cell(USER, 5, 1)?.value).toBe('Haute');
  });

  it('columns still recognised, rows in the sheet’s new order, decisions following their contracts', async () => {
    const { excel } = await throughWeek2();
    const t = readTable(excel, REGISTRE, 'N° de marché');
    expect(t.header).not.toContain('Priorité');
    expect(t.header).toContain('Date de notification');
    const order = ['S15', 'S14', 'S13', 'S12', 'S11', 'S10', 'S08', 'S07', 'S06', 'S05', 'S04', 'S03', 'S02', 'S01'].map((s) => `2025-${s}`);
    expect(column(t, 'N° de marché')).toEqual(order);
    expect(column(t, 'Montant notifié HT (€)')).toEqual([14000, 5500, 64000, 4200, 22000, 18000, 10000, 6400, 31200, 9800, 15000, 27500, 12300.5, 48000]);
    // 24/11, 03/11, 10/10, 15/09, 16/06, 02/06, 05/05, 14/04, 31/03, 03/03, 17/02, 03/02, 20/01, 06/01 (2025).
    expect(column(t, 'Date de notification')).toEqual([45985, 45964, 45940, 45915, 45824, 45810, 45782, 45761, 45747, 45719, 45705, 45691, 45677, 45663]);
    expect(column(t, 'Statut')).toEqual(['OK', 'OK', 'Avertissement', 'OK', 'OK', 'OK', 'OK', 'Avertissement', 'OK', 'OK', 'OK', 'OK', 'OK', 'OK']);
    expect(column(t, 'Considération sociale').map(lower)).toEqual(['oui', 'non', 'non', 'non', 'oui', 'non', 'non', 'non', 'non', 'non', 'oui', 'non', 'non', 'oui']);
    expect(column(t, 'Considération environnementale').map(lower)).toEqual(['non', 'oui', 'non', 'non', 'non', 'oui', 'non', 'non', 'non', 'non', 'oui', 'non', 'oui', 'non']);
    expect(column(t, 'Innovation').map(lower)).toEqual(Array(14).fill('non'));
    const tags = new Map(column(t, 'N° de marché').map((n, i) => [n, String(column(t, 'Étiquettes')[i] ?? '')]));
    expect(tags.get('2025-S02')).toMatch(/confirmé/);
    expect(tags.get('2025-S11')).toMatch(/confirmé/);
    expect(tags.get('2025-S03')).not.toMatch(/insertion/i);
    expect(tags.get('2025-S05')).not.toMatch(/innov/i);
    expect(tags.get('2025-S13')).toMatch(/suggéré/);
    // Source (sortie.md: file, sheet, row) names the row where the contract now is.
    const source = column(t, 'Source').map(String);
    expect(source[0]).toContain(USER);
    expect(source[0]).toMatch(/\b5\b/);
    expect(source[13]).toMatch(/\b18\b/);
  });

  it('controls, highlights and indicators match the new hand computation', async () => {
    const { excel } = await throughWeek2();
    expect(findings(excel)).toEqual([sugg(USER, 7), sugg(USER, 12)].sort());
    expect(highlightedRows(excel, USER)).toEqual([7, 12]);
    expectIndicators(excel, WEEK2, CALCULABLE);
    const saved = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readState();
    expect((saved?.decisions ?? []).map((d) => `${d.numero} ${d.decision}`).sort()).toEqual([
      '2025-S02 confirmée',
      '2025-S03 rejetée',
      '2025-S05 rejetée',
      '2025-S11 confirmée',
    ]);
  });
});

describe('week 3 — the sheet renamed, a Cibles sheet, a note typed into a SPASER sheet', () => {
  it('decisions still hold, the targets are judged, the SPASER sheets are the add-in’s again', async () => {
    const ctx = setup();
    await week1(ctx);
    week2Edits(ctx.excel);
    await click();
    const { excel, summaries } = ctx;
    excel.sheet(USER).name = USER_RENAMED;
    addSheet(excel, ciblesSheet());
    const typed = excel.cellAt(excel.sheet(INDICATEURS), 0, 20);
    typed.value = 'Présenté en COTECH le 15/01/2026';
    const before = [picture(excel, USER_RENAMED), picture(excel, NOTES), picture(excel, 'Cibles')];
    await click();
    expect(summaries[summaries.length - 1]).toEqual({ lignesLues: 14, erreurs: 0, indicateursCalcules: 11, indicateurs: 56, exercice: 2025, echec: null });
    // The user's sheets first, in their order; the add-in's after them (README « Feuilles écrites »).
    expect(excel.sheetNames()).toEqual([USER_RENAMED, NOTES, 'Cibles', ...SPASER_SHEETS]);
    // Pictures taken after the rename: positions are those of the new order.
    const after = [picture(excel, USER_RENAMED), picture(excel, NOTES), picture(excel, 'Cibles')].map((p) => ({ ...(p as object), position: null }));
    expect(after).toEqual(before.map((p) => ({ ...(p as object), position: null })));
    expect(excel.cell(INDICATEURS, 1, 21)?.value ?? null).not.toBe('Présenté en COTECH le 15/01/2026');
    const t = readTable(excel, REGISTRE, 'N° de marché');
    expect(column(t, 'Considération sociale').map(lower)).toEqual(['oui', 'non', 'non', 'non', 'oui', 'non', 'non', 'non', 'non', 'non', 'oui', 'non', 'non', 'oui']);
    expect(column(t, 'Considération environnementale').map(lower)).toEqual(['non', 'oui', 'non', 'non', 'non', 'oui', 'non', 'non', 'non', 'non', 'oui', 'non', 'oui', 'non']);
    expect(findings(excel)).toEqual([sugg(USER_RENAMED, 7), sugg(USER_RENAMED, 12)].sort());
    expect(highlightedRows(excel, USER_RENAMED)).toEqual([7, 12]);
    expectIndicators(excel, WEEK3, [...CALCULABLE, '1.1.1-cibles-atteintes']);
    const ids = byId(excel);
    expect(lower(ids.get('1.1.2-marches-ar')!.get('Atteinte'))).not.toMatch(/non|^$/);
    expect(lower(ids.get('4.1.2-consideration-sociale')!.get('Atteinte'))).toMatch(/non/);
  });
});

// Week 3, the pane once more: on the renamed sheet the buyer rejects S07's suggestion (« circuit court »)
// and confirms S13's (« véhicules électriques »).
//   README: a decision taken in the pane belongs to the row's sheet (the new name); the week 1 decisions,
//   whose sheet is gone, still hold by numero. No suggestion is left: no finding, no highlight.
//   env: S02, S04, S10, S13, S14 → 5/14; sociale 4/14; AR: week 2's 7 + S13 → 8;
//   montant-ar = 134 800,50 + 64 000 = 198 800,50. Cibles: env 35,7 < 50 → still 1 of 3 met.
const WEEK3_DECIDED: Record<string, number> = {
  ...WEEK3,
  '1.1.2-marches-ar': 8,
  '1.1.2-montant-ar': 198800.5,
  '3.1.1-consideration-env': (5 / 14) * 100,
};

describe('the pane kept open from week to week', () => {
  it('week 2 edits and week 3 rename with the pane open: the same results; new decisions on the renamed sheet join the old ones', async () => {
    const ctx = setup();
    await week1(ctx, true);
    // Week 2, the pane still open.
    week2Edits(ctx.excel);
    await click();
    expect(ctx.summaries[ctx.summaries.length - 1]).toEqual({ lignesLues: 14, erreurs: 0, indicateursCalcules: 10, indicateurs: 56, exercice: 2025, echec: null });
    expect(findings(ctx.excel)).toEqual([sugg(USER, 7), sugg(USER, 12)].sort());
    expectIndicators(ctx.excel, WEEK2, CALCULABLE);
    // Week 3, the pane still open: rename, Cibles, then « Relire le classeur » and the two decisions.
    ctx.excel.sheet(USER).name = USER_RENAMED;
    addSheet(ctx.excel, ciblesSheet());
    await click();
    expectIndicators(ctx.excel, WEEK3, [...CALCULABLE, '1.1.1-cibles-atteintes']);
    fireEvent.click(await screen.findByRole('button', { name: 'Relire le classeur' }));
    fireEvent.click(await screen.findByRole('button', { name: '3. Étiquettes' }));
    await decide('Rejeter', '2025-S07');
    await decide('Confirmer', '2025-S13');
    await click();
    expect(ctx.summaries.map((s) => s.echec)).toEqual(Array(ctx.summaries.length).fill(null));
    expect(findings(ctx.excel)).toEqual([]);
    expect(highlightedRows(ctx.excel, USER_RENAMED)).toEqual([]);
    expectIndicators(ctx.excel, WEEK3_DECIDED, [...CALCULABLE, '1.1.1-cibles-atteintes']);
    const t = readTable(ctx.excel, REGISTRE, 'N° de marché');
    expect(column(t, 'Considération environnementale').map(lower)).toEqual(['non', 'oui', 'oui', 'non', 'non', 'oui', 'non', 'non', 'non', 'non', 'oui', 'non', 'oui', 'non']);
    expect(column(t, 'Statut')).toEqual(Array(14).fill('OK'));
    const saved = await createOfficeWorkbook(ctx.excel.run as unknown as ExcelRunner).readState();
    expect([...new Set((saved?.decisions ?? []).map((d) => `${d.numero} ${d.decision}`))].sort()).toEqual([
      '2025-S02 confirmée',
      '2025-S03 rejetée',
      '2025-S05 rejetée',
      '2025-S07 rejetée',
      '2025-S11 confirmée',
      '2025-S13 confirmée',
    ]);
  });
});

// A column the buyer chose by hand, then the sheet renamed (week 3). The buyer's « Clause env. » column is
// headed « Écogeste » (no field recognises it); in the Colonnes step they choose it for Clause
// environnementale, and the ribbon saves the choice (README: choices of the open pane are saved with the
// sheets). Then they rename the sheet.
//   Spec (sortie.md) keeps the mapping « per source sheet »; README says a decision whose sheet was renamed
//   still holds (by numero) but is silent on a column choice. A buyer expects the same: renaming a tab does
//   not undo their column choices — at least not silently. Expected here: the choice still applies,
//   so the week 1 values (2/11 for 3.1.1-clauses-env, 3.1.1-consideration-env) stay.
describe('a column chosen by hand, then the sheet renamed', () => {
  it('keeps the choice after the rename', async () => {
    const ctx = setup();
    const header = ctx.excel.cellAt(ctx.excel.sheet(USER), 3, 6);
    expect(header.value).toBe('Clause env.');
    header.value = 'Écogeste';
    await click();
    expect(lower(byId(ctx.excel).get('3.1.1-clauses-env')!.get('Statut'))).toBe('non calculable');
    render(createElement(App, { host: ctx.host, today: TODAY }));
    const section = await screen.findByRole('region', { name: `Feuille «${NBSP}${USER}${NBSP}»` });
    const all = within(section).queryByRole('button', { name: /Afficher tous les champs/ });
    if (all) fireEvent.click(all);
    const select = within(section).getByRole('combobox', { name: /^Clause environnementale/ }) as HTMLSelectElement;
    const option = Array.from(select.options).find((o) => o.textContent === 'Écogeste')!;
    fireEvent.change(select, { target: { value: option.value } });
    await click();
    cleanup();
    expectIndicators(ctx.excel, WEEK1, CALCULABLE);
    ctx.excel.sheet(USER).name = USER_RENAMED;
    await click();
    expect(ctx.summaries.map((s) => s.echec)).toEqual([null, null, null]);
    // First run: lost after the rename, without a word (3.1.1-* non calculable, 1.1.2-marches-ar 2):
    // fixed, the saved choice follows the renamed sheet (src/domain/renamed-sheets.ts).
    expectIndicators(ctx.excel, WEEK1, CALCULABLE);
    const saved = await createOfficeWorkbook(ctx.excel.run as unknown as ExcelRunner).readState();
    expect(saved?.mappings).toEqual([expect.objectContaining({ sheet: USER_RENAMED, columns: { Écogeste: 'clauseEnvironnementale' } })]);
  });
});

/**
 * BLIND acceptance of five pane features added today, as a buyer and the SPASER project lead
 * meet them week after week (README « Utiliser le produit », steps 2 and 4, the ribbon
 * paragraph, and « Choix faits… › Contrôles › Doublons et conflits »). Workbooks and expected
 * values: blind-today-workbooks.ts, worked out by hand; nothing copied from a program run.
 *
 * Scenarios:
 *  A. JSON export (step 4) on « Pôle Éducation & Jeunesse (v2) — l'été #3.xlsx », two register
 *     sheets, two Pôles, two exercices:
 *     A1 default exercice: « Copier le résultat (JSON) » gives, byte for byte, what
 *        `calculer <same file> --json` prints the same day; its content is the hand-worked one.
 *     A2 after choosing exercice 2024 and the Pôle « Sport »: the copied text and the downloaded
 *        file are, byte for byte, `calculer --json --exercice 2024` (the Pôle changes the
 *        display only); file name `<classeur> - SPASER 2024.json`, odd characters kept.
 *     A3 Excel for Mac: only « Copier » is offered; clipboard refused and copy command refused →
 *        the text to copy by hand is shown (Ctrl+A, Ctrl+C), the same JSON.
 *     A4 Excel on the web, clipboard permission refused: the browser's copy command carries the
 *        same JSON.
 *  B. Coverage line (step 4): « Couverture : 2 lignes renseignées sur 5 » beside the payment
 *     delay (one of two sheets tracks it); none beside the hors-BPU amount (5 of 5); for 2024,
 *     1 of 2; the sheet's `Couverture` column says the same after the write.
 *  C. The write reads the workbook again (step 4): the buyer deletes a row and adds a column in
 *     Excel, the pane left open; the write shows them, marks the error at its new address, says
 *     the result changed, and the steps show what was written. Then a required header is
 *     renamed away: nothing is written, the previous sheets stay as they were.
 *  D. « Relire le classeur » (step 2): after a header renamed to another synonym and a cell
 *     fixed, the steps follow and nothing is written; after a header renamed to something
 *     unrecognised, its finding goes away.
 *  E. Ribbon: the pane on exercice 2024 with Pôle « Sport » picked, the ribbon writes 2024,
 *     City-wide; without a choice, the default year; the pane keeps 2024 after the ribbon.
 *  F. Duplicates across two Pôle sheets in Excel: a conflict on 6 fields (4 named, 2 counted,
 *     this row's value before the first's) and a double entry differing only by case, spaces,
 *     less than a cent and the Pôle, in SPASER Contrôles and in the pane.
 *  Round 2 (G, written before running them): the copied JSON equals the CLI's on the edited
 *     workbook after an edit + « Relire le classeur »; equals `--exercice 2024` after the ribbon
 *     wrote 2024 from the pane; equals the CLI's on the two-Pôle consolidation with doublons;
 *     file names of a workbook without extension and of an .xlsm; iPad offers only the copy.
 */
import './dom-setup';
import { blobText, stubClipboard, stubCopyCommand } from './clipboard-stubs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { runChain } from '../../src/domain/chain';
import { runCli } from '../../src/cli/run';
import { calculerIndicateurs } from '../../src/commands/commands';
import { setRibbonRunner } from '../../src/commands/ribbon';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createRibbonRunner, resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createExcelDouble, type ExcelDouble, type SeedSheet } from '../doubles/excel-double';
import { addinHighlights, controleRows, loose } from './blind-controles-excel';
import { capture, tempDir } from '../cli/helpers';
import {
  ACHATS_FILE,
  achatsSheets,
  CONSO_FILE,
  consoSheets,
  EDU_FILE,
  EDU_JSON_2024,
  educationSheets,
  K10_DIFFERENCES,
  TODAY,
  VILLE_FILE,
  villeSheets,
} from './blind-today-workbooks';

type Platform = 'PC' | 'Mac' | 'OfficeOnline' | 'iOS';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
  jest.restoreAllMocks();
  delete (navigator as { clipboard?: unknown }).clipboard;
  delete (document as { execCommand?: unknown }).execCommand;
});

function open(excel: ExcelDouble, step: 'controles' | 'indicateurs', platform: Platform = 'PC'): ExcelHost {
  const host = new ExcelHost(excel.run as unknown as typeof Excel.run, platform);
  render(<App host={host} today={TODAY} initialStep={step} />);
  return host;
}

/** A double's seed sheets as a file on disk under `name` (date serials with a date format → Date). */
async function seedFile(name: string, sheets: SeedSheet[]): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.cells ?? []) {
      const row = ws.addRow(
        r.map((c) => {
          if (c !== null && typeof c === 'object') {
            const v = c.v ?? null;
            return typeof v === 'number' && c.nf ? new Date(Date.UTC(1899, 11, 30) + v * 86_400_000) : v;
          }
          return c;
        }),
      );
      r.forEach((c, i) => {
        if (c !== null && typeof c === 'object' && c.nf) row.getCell(i + 1).numFmt = c.nf;
      });
    }
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return { dir, file };
}

/** What `calculer <file> --json [--exercice N]` prints on stdout, today, for a workbook given as seed sheets. */
async function cliJsonOf(name: string, sheets: SeedSheet[], exercice?: number): Promise<string> {
  const { dir, file } = await seedFile(name, sheets);
  const c = capture(dir);
  const args = ['calculer', file, '--json', ...(exercice ? ['--exercice', String(exercice)] : [])];
  expect(await runCli(args, c.io)).toBe(0);
  fs.rmSync(dir, { recursive: true, force: true });
  return c.stdout();
}

/** The CLI's JSON on the Éducation workbook. */
const cliJson = (exercice?: number) => cliJsonOf(EDU_FILE, educationSheets(), exercice);

async function copyJson(): Promise<string> {
  const copied: string[] = [];
  stubClipboard(async (t) => void copied.push(t));
  await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Copier le résultat (JSON)' })));
  await waitFor(() => expect(copied).toHaveLength(1));
  return copied[0];
}

async function chooseExercice(year: string): Promise<void> {
  fireEvent.change(await screen.findByRole('combobox', { name: 'Exercice' }), { target: { value: year } });
  await waitFor(() => expect((screen.getByRole('combobox', { name: 'Exercice' }) as HTMLSelectElement).value).toBe(year));
}

async function choosePole(pole: string): Promise<void> {
  const select = (await screen.findByRole('combobox', { name: /Pôle/ })) as HTMLSelectElement;
  const option = [...select.options].find((o) => o.textContent?.trim() === pole);
  if (!option) throw new Error(`no Pôle option ${pole}: ${[...select.options].map((o) => o.textContent).join(' | ')}`);
  fireEvent.change(select, { target: { value: option.value } });
  await waitFor(() => expect(select.value).toBe(option.value));
}

/** The indicator's block in step 4 (the pane marks it with its id). */
function indicatorBlock(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-indicateur="${id}"]`);
  if (!el) throw new Error(`no block for ${id}`);
  return el;
}

/** Rows of SPASER Indicateurs under its header row (the row holding « Id » and « Valeur »), by Id. */
function indicatorSheetRows(excel: ExcelDouble): Record<string, Record<string, unknown>> {
  const sheet = excel.sheet('SPASER Indicateurs');
  const keys = [...sheet.rows.keys()].sort((a, b) => a - b);
  const headerRow = keys.find((r) => {
    const vals = [...sheet.rows.get(r)!.values()].map((c) => c.value);
    return vals.includes('Id') && vals.includes('Valeur');
  });
  if (headerRow === undefined) throw new Error('no Id/Valeur header in SPASER Indicateurs');
  const header = sheet.rows.get(headerRow)!;
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of keys.filter((k) => k > headerRow)) {
    const line = sheet.rows.get(r)!;
    const rec = Object.fromEntries([...header.entries()].map(([c, cell]) => [String(cell.value), line.get(c)?.value ?? null]));
    if (typeof rec.Id === 'string' && /^\d\.\d\.\d-/.test(rec.Id) && !(rec.Id in out)) out[rec.Id] = rec;
  }
  return out;
}

/** The SPASER Registre rows as header → value. */
function registerRows(excel: ExcelDouble): Record<string, unknown>[] {
  const sheet = excel.sheet('SPASER Registre');
  const keys = [...sheet.rows.keys()].sort((a, b) => a - b);
  const header = sheet.rows.get(keys[0])!;
  return keys.slice(1).map((k) => {
    const line = sheet.rows.get(k)!;
    return Object.fromEntries([...header.entries()].map(([c, cell]) => [String(cell.value), line.get(c)?.value ?? null]));
  });
}

const spaserSheets = (excel: ExcelDouble) => excel.sheetNames().filter((n) => n.startsWith('SPASER'));

function setCell(excel: ExcelDouble, sheet: string, row0: number, col0: number, value: unknown): void {
  excel.cellAt(excel.sheet(sheet), row0, col0).value = value as never;
}

async function write(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: '4. Indicateurs' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
  return screen.findByText(/^(Feuilles SPASER écrites|Pas de registre)/);
}

// ---------------------------------------------------------------- A. JSON export

describe('A. JSON export of the result (step 4)', () => {
  it('A1 default exercice: the copied JSON is, byte for byte, `calculer --json` on the same file the same day', async () => {
    const expected = await cliJson();
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    open(excel, 'indicateurs');
    await screen.findByRole('combobox', { name: 'Exercice' });
    const copied = await copyJson();
    expect(copied).toBe(expected);

    // Its content, worked out by hand (blind-today-workbooks.ts).
    const json = JSON.parse(copied);
    expect(json.exercice).toBe(2025);
    expect(json.lignes).toEqual({ lues: 7, exercice: 5, erreurs: 0, avertissements: 1 });
    const delai = json.indicateurs.find((i: { id: string }) => i.id === '2.1.5-delai-paiement');
    expect(delai).toMatchObject({ statut: 'calculé', valeur: 30, couverture: { renseignees: 2, total: 5 }, n1: 25 });
    const bpu = json.indicateurs.find((i: { id: string }) => i.id === '2.2.2-hors-bpu');
    expect(bpu).toMatchObject({ statut: 'calculé', valeur: 710, couverture: { renseignees: 5, total: 5 }, n1: 470 });
    expect(json.controles.map((c: { code: string }) => c.code)).toEqual(['delai-paiement-depasse']);
    expect(json.controles[0]).toMatchObject({ feuille: 'Marchés 2025', ligne: 4, source: EDU_FILE });
  });

  it('A2 after choosing 2024 and the Pôle « Sport »: copy and download both give `calculer --json --exercice 2024`, City-wide, under `<classeur> - SPASER 2024.json`', async () => {
    const expected = await cliJson(2024);
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    open(excel, 'indicateurs');
    await chooseExercice('2024');
    await choosePole('Sport');

    const copied = await copyJson();
    expect(copied).toBe(expected);
    const json = JSON.parse(copied);
    expect(json.exercice).toBe(2024);
    // City-wide: E24-01 (Éducation, 25 days) takes part although the Pôle Sport is displayed.
    expect(json.indicateurs.find((i: { id: string }) => i.id === '2.1.5-delai-paiement')).toMatchObject({ valeur: 25, couverture: { renseignees: 1, total: 2 }, n1: null });
    expect(json.indicateurs.find((i: { id: string }) => i.id === '2.2.2-hors-bpu')).toMatchObject({ valeur: 470 });

    const clicked: string[] = [];
    const blobs: Blob[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:today'), revokeObjectURL: () => undefined });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Télécharger le résultat (JSON)' })));
    expect(clicked).toEqual([EDU_JSON_2024]);
    expect(blobs).toHaveLength(1);
    expect(await blobText(blobs[0])).toBe(expected);
  });

  it('A3 Excel for Mac: only the copy is offered; clipboard and copy command refused → the text to copy by hand', async () => {
    const expected = await cliJson();
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    open(excel, 'indicateurs', 'Mac');
    const copyButton = await screen.findByRole('button', { name: 'Copier le résultat (JSON)' });
    expect(screen.queryByRole('button', { name: 'Télécharger le résultat (JSON)' })).toBeNull();
    stubClipboard(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    stubCopyCommand(false);
    await act(async () => fireEvent.click(copyButton));
    const areas = await screen.findAllByRole('textbox');
    expect(areas.map((a) => (a as HTMLTextAreaElement).value)).toContain(expected);
    expect(screen.getAllByText(/Ctrl\s*\+\s*A/).length).toBeGreaterThan(0);
  });

  it('A4 Excel on the web without clipboard permission: the browser copy command carries the same JSON', async () => {
    const expected = await cliJson();
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    open(excel, 'indicateurs', 'OfficeOnline');
    const copyButton = await screen.findByRole('button', { name: 'Copier le résultat (JSON)' });
    stubClipboard(async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    const { copied } = stubCopyCommand(true);
    await act(async () => fireEvent.click(copyButton));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toBe(expected);
  });
});

// ---------------------------------------------------------------- B. Coverage line

describe('B. Coverage line in step 4', () => {
  const DELAI = '2.1.5-delai-paiement';
  const BPU = '2.2.2-hors-bpu';

  it('B1 2025: « Couverture : 2 lignes renseignées sur 5 » beside the payment delay, none beside the hors-BPU amount (5 of 5)', async () => {
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    open(excel, 'indicateurs');
    await screen.findByRole('combobox', { name: 'Exercice' });
    await screen.findAllByText(/Délai moyen de paiement \(jours\)/);
    expect(indicatorBlock(DELAI).textContent).toMatch(/Couverture : 2\slignes renseignées sur 5/);
    expect(indicatorBlock(BPU).textContent).not.toMatch(/Couverture/);
  });

  it('B2 2024: 1 of 2 beside the payment delay; the written sheet’s Couverture column says the same', async () => {
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    open(excel, 'indicateurs');
    await chooseExercice('2024');
    await waitFor(() => expect(indicatorBlock(DELAI).textContent).toMatch(/Couverture : 1\slignes? renseignées? sur 2/));
    expect(indicatorBlock(BPU).textContent).not.toMatch(/Couverture/);
    await write();
    const rows = indicatorSheetRows(excel);
    expect(loose(rows['2.1.5-delai-paiement'].Valeur)).toBe('25');
    expect(String(rows['2.1.5-delai-paiement'].Couverture)).toMatch(/^\D*1\D+2\D*$/);
  });
});

// ---------------------------------------------------------------- C. The write reads the workbook again

describe('C. The write in Excel computes on the workbook as it is at the click', () => {
  it('C1 a row deleted and a column added in Excel, the pane open: written as they are, the error marked at its new address', async () => {
    const excel = createExcelDouble({ name: VILLE_FILE, sheets: villeSheets() });
    open(excel, 'controles');
    await screen.findByRole('button', { name: /Objet manquant — 1\serreur/ });

    // The buyer deletes row 3 (V-02): rows 4-5 move up; then adds column E « Délai de paiement ».
    const S = 'Suivi 2025';
    const after = [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Délai de paiement'],
      ['V-01', 'Balayage', 1000, '03/02/2025', 45],
      ['V-03', 'Désherbage', 3000, '05/02/2025', 10],
      ['V-04', 'Poubelles', 'abc', '06/02/2025', null],
      [null, null, null, null, null],
    ];
    after.forEach((row, r) => row.forEach((v, c) => setCell(excel, S, r, c, v)));

    const notice = await write();
    expect(notice.textContent).toMatch(/^Feuilles SPASER écrites/);
    expect(notice.textContent).toMatch(/chang/);

    const reg = registerRows(excel);
    const numeros = reg.map((r) => r['N° de marché']);
    expect(numeros).toEqual(['V-01', 'V-03', 'V-04']);
    expect(reg[0]['Délai moyen de paiement (jours)']).toBe(45);
    expect(reg.map((r) => r.Statut)).toEqual(['Avertissement', 'OK', 'Erreur']);

    const findings = controleRows(excel).rows;
    expect(findings.map((f) => [f.code, f.ligne])).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^(montant-invalide|valeur-illisible)$/), 4],
        ['delai-paiement-depasse', 2],
      ]),
    );
    expect(findings.map((f) => f.code)).not.toContain('objet-manquant');
    expect(findings.every((f) => f.ligne !== 5)).toBe(true);
    const marks = addinHighlights(excel, S, []);
    expect(marks).toContain('C4');
    expect(marks).not.toContain('B3');
    expect(marks).not.toContain('C5');

    // The steps show what was written.
    fireEvent.click(screen.getByRole('button', { name: '2. Contrôles' }));
    expect(screen.queryByRole('button', { name: /Objet manquant/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /paiement/i }).length).toBeGreaterThan(0);
  });

  it('C2 a required header renamed away after a first write: nothing is written, the previous sheets stay', async () => {
    const excel = createExcelDouble({ name: VILLE_FILE, sheets: villeSheets() });
    open(excel, 'indicateurs');
    const first = await write();
    expect(first.textContent).toMatch(/^Feuilles SPASER écrites/);
    const before = ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs'].map((s) => excel.snapshot(s));

    // « Montant HT » renamed to a word no field knows: the register loses a required column.
    setCell(excel, 'Suivi 2025', 0, 2, 'Colonne C');
    fireEvent.click(screen.getByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findAllByText(/Pas de registre|Aucun registre/);
    expect(['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs'].map((s) => excel.snapshot(s))).toEqual(before);
  });
});

// ---------------------------------------------------------------- D. « Relire le classeur »

describe('D. « Relire le classeur » (step 2)', () => {
  it('D1 a header renamed to another synonym and a date fixed: the steps follow, nothing is written', async () => {
    const excel = createExcelDouble({ name: ACHATS_FILE, sheets: achatsSheets() });
    open(excel, 'controles');
    await screen.findByRole('button', { name: /Date de notification invalide/ });

    setCell(excel, 'Marchés', 2, 3, '28/02/2025'); // D3 fixed
    setCell(excel, 'Marchés', 0, 4, "Clause d'insertion"); // E1: another synonym of clauseSociale (champs.md)
    fireEvent.click(screen.getByRole('button', { name: 'Relire le classeur' }));

    // Only E4 « peut-être » is left: one valeur-illisible, named with the new header.
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: /Date de notification invalide/ })).toBeNull();
      expect(screen.getByRole('button', { name: /Valeur illisible — 1\serreur/ })).toBeInTheDocument();
    });
    const illisible = screen.getByRole('button', { name: /Valeur illisible — 1\serreur/ });
    fireEvent.click(illisible);
    await waitFor(() => expect(document.body.textContent).toMatch(/Clause d'insertion/));
    expect(spaserSheets(excel)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '1. Colonnes' }));
    const combo = (await screen.findByRole('combobox', { name: /^Clause sociale/ })) as HTMLSelectElement;
    expect(combo.selectedOptions[0]?.textContent).toMatch(/Clause d'insertion/);
  });

  it('D2 a header renamed to an unrecognised word: its finding leaves the list, nothing is written', async () => {
    const excel = createExcelDouble({ name: ACHATS_FILE, sheets: achatsSheets() });
    open(excel, 'controles');
    await screen.findByRole('button', { name: /Valeur illisible/ });
    setCell(excel, 'Marchés', 2, 3, '28/02/2025');
    setCell(excel, 'Marchés', 0, 4, 'Colonne E');
    fireEvent.click(screen.getByRole('button', { name: 'Relire le classeur' }));
    await screen.findByText(/^Aucune anomalie détectée dans les 3\slignes lues/);
    expect(spaserSheets(excel)).toEqual([]);
  });
});

// ---------------------------------------------------------------- E. Ribbon computes the pane's exercice

describe('E. The ribbon computes the exercice picked in the pane', () => {
  function wire(excel: ExcelDouble): void {
    const host = new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC');
    setRibbonRunner(createRibbonRunner(host, (i, o) => runChain(i, { ...o, today: TODAY }), async () => undefined));
  }

  async function ribbonClick(): Promise<void> {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let completed = 0;
    await act(async () => {
      await calculerIndicateurs({ completed: () => completed++ } as unknown as Office.AddinCommands.Event);
    });
    error.mockRestore();
    expect(completed).toBe(1);
  }

  it('E1 pane on 2024 with the Pôle « Sport » picked: the ribbon writes 2024, City-wide, and the pane stays on 2024', async () => {
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    wire(excel);
    open(excel, 'indicateurs');
    await chooseExercice('2024');
    await choosePole('Sport');
    await ribbonClick();
    const rows = indicatorSheetRows(excel);
    // 2024 City-wide: delay 25 (E24-01, Pôle Éducation), hors BPU 400 + 70 = 470.
    expect(loose(rows['2.1.5-delai-paiement'].Valeur)).toBe('25');
    expect(loose(rows['2.2.2-hors-bpu'].Valeur)).toMatch(/^470(\.00)?€?$/);
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Exercice' }) as HTMLSelectElement).value).toBe('2024'));
  });

  it('E2 pane open without a choice: the ribbon writes the default year (2025)', async () => {
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    wire(excel);
    open(excel, 'indicateurs');
    await screen.findByRole('combobox', { name: 'Exercice' });
    await ribbonClick();
    const rows = indicatorSheetRows(excel);
    expect(loose(rows['2.1.5-delai-paiement'].Valeur)).toBe('30');
    expect(loose(rows['2.2.2-hors-bpu'].Valeur)).toMatch(/^710(\.00)?€?$/);
  });
});

// ---------------------------------------------------------------- F. Duplicates and conflicts in Excel

/** The fields of K10_DIFFERENCES the message names, with the position of this row's value and of the first's. */
function namedDifferences(message: string): { field: string; mineAt: number; firstAt: number }[] {
  const m = loose(message);
  const at = (variants: string[]) => Math.min(...variants.map((v) => m.indexOf(loose(v))).filter((i) => i >= 0));
  return K10_DIFFERENCES.map((d) => ({ field: d.field, mineAt: at(d.mine), firstAt: at(d.first) })).filter(
    (x) => Number.isFinite(x.mineAt) && Number.isFinite(x.firstAt),
  );
}

describe('F. Duplicates across two Pôle sheets in Excel', () => {
  it('F1 a conflict on 6 fields and a double entry, in SPASER Contrôles and in step 2', async () => {
    const excel = createExcelDouble({ name: CONSO_FILE, sheets: consoSheets() });
    open(excel, 'controles');
    await screen.findByRole('button', { name: /— 2\serreurs/ });
    const notice = await write();
    expect(notice.textContent).toMatch(/^Feuilles SPASER écrites/);

    const doublons = controleRows(excel).rows.filter((r) => r.code === 'doublon');
    expect(doublons.map((d) => [d.feuille, d.ligne])).toEqual([
      ['Pôle Sport', 2],
      ['Pôle Sport', 3],
    ]);
    const [conflict, same] = doublons;
    expect(conflict.message).toMatch(/Conflit, .*à arbitrer/);
    expect(conflict.message).not.toMatch(/saisie en double/);
    const named = namedDifferences(conflict.message);
    expect(named).toHaveLength(4);
    for (const n of named) expect(n.mineAt).toBeLessThan(n.firstAt);
    expect(conflict.message).toMatch(/\b2\b[^«»\d]{0,30}autres?|autres?[^«»\d]{0,30}\b2\b/);

    expect(same.message).toMatch(/saisie en double/);
    expect(same.message).not.toMatch(/Conflit/);

    // The pane says the same: both messages under « doublon » in step 2.
    fireEvent.click(screen.getByRole('button', { name: '2. Contrôles' }));
    const group = screen.getAllByRole('button').find((b) => /double|doublon/i.test(b.textContent ?? '') && /2\serreurs/.test(b.textContent ?? ''));
    expect(group).toBeDefined();
    fireEvent.click(group!);
    await waitFor(() => expect(document.body.textContent).toMatch(/saisie en double/));
    expect(document.body.textContent).toMatch(/Conflit, .*à arbitrer/);
  });
});

// ---------------------------------------------------------------- Round 2

describe('Round 2 — JSON export after a re-read, after the ribbon, on a consolidation; file names', () => {
  it('G1 after an edit in Excel and « Relire le classeur », the copied JSON is `calculer --json` on the edited workbook', async () => {
    // E25-02's payment delay (G3 of « Marchés 2025 ») filled with 35 in Excel: the delay is now
    // (20 + 35 + 40) / 3 = 31.67 over 3 filled rows of 5, and E25-02 carries a second warning.
    const edited = educationSheets();
    (edited[0].cells as unknown[][])[2][6] = 35;
    const expected = await cliJsonOf(EDU_FILE, edited);
    const json = JSON.parse(expected);
    expect(json.indicateurs.find((i: { id: string }) => i.id === '2.1.5-delai-paiement').couverture).toEqual({ renseignees: 3, total: 5 });
    expect(json.lignes.avertissements).toBe(2);

    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    open(excel, 'controles');
    await screen.findByRole('button', { name: /— 1\savertissement/ });
    setCell(excel, 'Marchés 2025', 2, 6, 35);
    fireEvent.click(screen.getByRole('button', { name: 'Relire le classeur' }));
    await screen.findByRole('button', { name: /— 2\savertissements/ });
    fireEvent.click(screen.getByRole('button', { name: '4. Indicateurs' }));
    await waitFor(() => expect(indicatorBlock('2.1.5-delai-paiement').textContent).toMatch(/Couverture : 3\slignes renseignées sur 5/));
    expect(await copyJson()).toBe(expected);
  });

  it('G2 after the ribbon wrote 2024 from the pane, the pane’s JSON is still `calculer --json --exercice 2024`', async () => {
    const expected = await cliJson(2024);
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    const host = new ExcelHost(excel.run as unknown as typeof Excel.run, 'PC');
    setRibbonRunner(createRibbonRunner(host, (i, o) => runChain(i, { ...o, today: TODAY }), async () => undefined));
    open(excel, 'indicateurs');
    await chooseExercice('2024');
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await act(async () => {
      await calculerIndicateurs({ completed: () => undefined } as unknown as Office.AddinCommands.Event);
    });
    error.mockRestore();
    expect(spaserSheets(excel)).toContain('SPASER Indicateurs');
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Exercice' }) as HTMLSelectElement).value).toBe('2024'));
    expect(await copyJson()).toBe(expected);
  });

  it('G3 on the two-Pôle consolidation with a conflict and a double entry: the copied JSON is `calculer --json` byte for byte', async () => {
    const expected = await cliJsonOf(CONSO_FILE, consoSheets());
    const excel = createExcelDouble({ name: CONSO_FILE, sheets: consoSheets() });
    open(excel, 'indicateurs');
    await screen.findByRole('combobox', { name: 'Exercice' });
    const copied = await copyJson();
    expect(copied).toBe(expected);
    const messages = (JSON.parse(copied).controles as { code: string; message: string }[]).filter((c) => c.code === 'doublon').map((c) => c.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/Conflit, .*à arbitrer/);
    expect(messages[1]).toMatch(/saisie en double/);
  });

  it.each([
    ['Classeur1', 'Classeur1 - SPASER 2025.json'],
    ['Suivi achats 2025 (copie).xlsm', 'Suivi achats 2025 (copie) - SPASER 2025.json'],
  ])('G4 workbook « %s » downloads as « %s »', async (name, fileName) => {
    const excel = createExcelDouble({ name, sheets: educationSheets() });
    open(excel, 'indicateurs');
    const button = await screen.findByRole('button', { name: 'Télécharger le résultat (JSON)' });
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    Object.assign(URL, { createObjectURL: () => 'blob:g4', revokeObjectURL: () => undefined });
    await act(async () => fireEvent.click(button));
    expect(clicked).toEqual([fileName]);
  });

  it('G5 Excel for iPad, like the Mac, offers only the copy', async () => {
    const excel = createExcelDouble({ name: EDU_FILE, sheets: educationSheets() });
    open(excel, 'indicateurs', 'iOS');
    await screen.findByRole('button', { name: 'Copier le résultat (JSON)' });
    expect(screen.queryByRole('button', { name: 'Télécharger le résultat (JSON)' })).toBeNull();
  });
});

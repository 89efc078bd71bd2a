/**
 * The ribbon button and the pane share one runtime and one workbook: an
 * operation that writes it runs alone. On the Excel double, one operation is
 * stopped mid-flight (a temporary `SPASER …` sheet in the workbook) while the
 * other is started: the second waits, then runs on the workbook the first left.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { runChain, type ChainInput } from '../../src/domain/chain';
import { calculerIndicateurs } from '../../src/commands/commands';
import { setRibbonRunner } from '../../src/commands/ribbon';
import { App } from '../../src/taskpane/components/App';
import type { SourceFile } from '../../src/taskpane/host';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createRibbonRunner, resetRibbonBridge, subscribeRibbonResult, type RibbonSummary } from '../../src/taskpane/ribbon-bridge';
import { isTempSheet } from '../../src/workbook/office/write';
import { readXlsxFiles } from '../../src/taskpane/xlsx-files';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';
import { pausedRun, type PausedRun } from '../doubles/paused-run';
import { enabled } from '../helpers/enabled-button';

const TODAY = '2026-01-15';
const SHEET = 'Suivi 2025';
const POLE_FILE = 'Pôle Sport.xlsx';
const WAITING = 'En attente de la fin du calcul lancé depuis le ruban…';

/** The user's register: one row without objet (a highlight), two rows in all. */
function workbook(): ExcelDouble {
  return createExcelDouble({
    name: 'Consolidation 2025.xlsx',
    sheets: [
      {
        name: SHEET,
        cells: [
          ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
          ['2025-001', 'Papier', 1200, '03/02/2025'],
          ['2025-002', null, 3000, '10/03/2025'],
        ],
      },
    ],
  });
}

/** A Pôle's register of three rows. */
async function poleFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.addRows([
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['S-1', 'Gymnase', 1500, '04/03/2025'],
    ['S-2', 'Piscine', 2500, '05/04/2025'],
    ['S-3', 'Stade', 900, '06/05/2025'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const temps = (excel: ExcelDouble) => excel.sheetNames().filter(isTempSheet);

/** The double stops once, as soon as a temporary sheet is in the workbook (an import or a write mid-flight). */
function setup(bytes: Record<string, Uint8Array> = {}) {
  const excel = workbook();
  const paused: PausedRun = pausedRun(excel, () => temps(excel).length > 0);
  const host = new ExcelHost(paused.run);
  // jsdom's File is only a name here: the chosen files are read from their bytes.
  host.readFiles = (files: readonly SourceFile[]) => readXlsxFiles(files.map((f) => ({ name: f.name, data: bytes[f.name] })));
  // What the ribbon's run read, when it computes.
  const ribbonReads: string[][] = [];
  const chain = (inputs: readonly ChainInput[], options: Parameters<typeof runChain>[1]) => {
    ribbonReads.push(inputs.flatMap((i) => i.sheets.map((s) => s.name)));
    return runChain(inputs, { ...options, today: TODAY });
  };
  setRibbonRunner(createRibbonRunner(host, chain, async () => undefined));
  const summaries: RibbonSummary[] = [];
  subscribeRibbonResult((s) => summaries.push(s));
  const writes = jest.spyOn(host, 'write');
  return { excel, paused, host, ribbonReads, summaries, writes };
}

function ribbonClick(): Promise<void> {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  return calculerIndicateurs({ completed: () => undefined } as unknown as Office.AddinCommands.Event);
}

/** Long enough for a run that does not wait to read and compute (the double answers in microtasks). */
const aWhile = () => new Promise((resolve) => setTimeout(resolve, 50));

let current: PausedRun | null = null;

afterEach(() => {
  // A failed test must not leave the shared lock held by a stopped run.
  current?.resume();
  cleanup();
  setRibbonRunner(null);
  resetRibbonBridge();
  jest.restoreAllMocks();
});

describe('the ribbon and the pane never work on the workbook at the same time', () => {
  it('a ribbon click during a pane import waits for the whole import, then computes over the imported sheets', async () => {
    const t = setup({ [POLE_FILE]: await poleFile() });
    current = t.paused;
    render(<App host={t.host} today={TODAY} initialStep="consolidation" />);
    await screen.findByRole('heading', { name: /Étape 5 sur 5/ });
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], POLE_FILE)] } });
    const region = await screen.findByRole('region', { name: `Fichier ${POLE_FILE}` });
    fireEvent.change(within(region).getByRole('textbox', { name: `Pôle du fichier « ${POLE_FILE} »` }), { target: { value: 'Sport' } });
    fireEvent.click(await enabled(screen.getByRole('button', { name: /^Importer 1\sclasseur/ })));

    // Stopped while the import writes its state sheet (under a temporary name); in act: the pane shows its progress meanwhile.
    await act(() => t.paused.paused);
    const stoppedAt = temps(t.excel);
    expect(stoppedAt).not.toEqual([]);
    const click = ribbonClick();
    await aWhile();
    // The ribbon's run has not read anything, and deleted none of the import's temporary sheets.
    expect(t.ribbonReads).toEqual([]);
    expect(t.writes).not.toHaveBeenCalled();
    expect(temps(t.excel)).toEqual(stoppedAt);

    await act(async () => {
      t.paused.resume();
      await click;
    });
    // The pane, reading the workbook again after the ribbon's result, shows the five rows.
    await screen.findByText(/sur 5\slignes lues/);
    // It read the workbook as the import left it: the Pôle's sheet and the import's state.
    expect(t.ribbonReads).toHaveLength(1);
    expect(t.ribbonReads[0]).toContain('Sport');
    expect(t.summaries.at(-1)).toMatchObject({ echec: null, lignesLues: 5 });
    expect(temps(t.excel)).toEqual([]);
    expect(t.excel.sheetNames()).toEqual(expect.arrayContaining([SHEET, 'Sport', 'SPASER État', 'SPASER Registre']));
    // The ribbon's write saved the state again: the import's record is still there (a re-import can replace it).
    const [after] = await t.host.read();
    expect(after.state?.imports?.map((r) => [r.sheet, r.pole])).toEqual([['Sport', 'Sport']]);
    expect(screen.queryByText('Problème')).toBeNull();
  });

  it('the pane’s write clicked during a ribbon run says it waits, then writes after it', async () => {
    const t = setup();
    current = t.paused;
    render(<App host={t.host} today={TODAY} initialStep="indicateurs" />);
    const button = await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' });
    await screen.findByText(/sur 2\slignes lues/);

    const click = ribbonClick();
    await t.paused.paused;
    const stoppedAt = temps(t.excel);
    fireEvent.click(button);
    // The user sees why nothing happens yet.
    expect(await screen.findByText(WAITING)).toBeInTheDocument();
    await aWhile();
    expect(t.writes).toHaveBeenCalledTimes(1);
    expect(temps(t.excel)).toEqual(stoppedAt);

    t.paused.resume();
    await click;
    await waitFor(() => expect(t.writes).toHaveBeenCalledTimes(2));
    await Promise.all(t.writes.mock.results.map((r) => r.value));
    await waitFor(() => expect(screen.queryByText(WAITING)).toBeNull());
    expect(t.summaries.at(-1)).toMatchObject({ echec: null, lignesLues: 2 });
    expect(temps(t.excel)).toEqual([]);
    expect(t.excel.sheetNames()).toEqual(expect.arrayContaining([SHEET, 'SPASER Registre', 'SPASER État']));
    expect(screen.queryByText('Problème')).toBeNull();
  });

  it('« Retirer le surlignage » clicked during a ribbon run removes the highlights that run adds', async () => {
    const t = setup();
    current = t.paused;
    render(<App host={t.host} today={TODAY} initialStep="controles" />);
    const clear = await screen.findByRole('button', { name: 'Retirer le surlignage des cellules' });

    const click = ribbonClick();
    await t.paused.paused;
    fireEvent.click(clear);
    expect(await screen.findByText(WAITING)).toBeInTheDocument();

    t.paused.resume();
    await click;
    await waitFor(() => expect(t.excel.conditionalFormatsOf(SHEET)).toEqual([]));
    await waitFor(() => expect(screen.queryByText(WAITING)).toBeNull());
    expect(t.summaries.at(-1)).toMatchObject({ echec: null });
  });

  it('a ribbon run that fails does not block the pane’s write waiting behind it', async () => {
    const t = setup();
    current = t.paused;
    render(<App host={t.host} today={TODAY} initialStep="indicateurs" />);
    const button = await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' });
    await screen.findByText(/sur 2\slignes lues/);

    const click = ribbonClick();
    await t.paused.paused;
    fireEvent.click(button);
    await screen.findByText(WAITING);
    await aWhile();
    expect(t.writes).toHaveBeenCalledTimes(1);
    // Excel refuses the ribbon run's next batch.
    t.excel.failOnSync(1);

    t.paused.resume();
    await click;
    expect(t.summaries.at(-1)?.echec).toMatch(/.+/);
    await waitFor(() => expect(t.writes).toHaveBeenCalledTimes(2));
    await expect(t.writes.mock.results[1].value).resolves.toEqual({});
    // The pane's write cleaned what the failed run left, and wrote.
    expect(temps(t.excel)).toEqual([]);
    expect(t.excel.sheetNames()).toEqual(expect.arrayContaining([SHEET, 'SPASER Registre', 'SPASER État']));
  });
});

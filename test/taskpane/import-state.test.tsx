/**
 * An import saves its records itself (README « Réimport d'un Pôle »): the state sheet is written
 * alone right after the import's sheets are read back, so an import never followed by a write
 * is still replaceable next month. Driven through the pane, on the Excel double and in the
 * preview; with the state write failing, and with the read-back failing.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react/pure';
import ExcelJS from 'exceljs';
import type { ChainOutput } from '../../src/domain/chain';
import { sheetFingerprint } from '../../src/domain/fingerprint';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import type { SavedState } from '../../src/domain/state';
import { App } from '../../src/taskpane/components/App';
import type { SourceFile } from '../../src/taskpane/host';
import { DoubleExcelHost, runsInFlight, chainSpy } from './double-excel-host';
import { PreviewHost } from '../../src/taskpane/hosts/preview-host';
import { readXlsxFiles } from '../../src/taskpane/xlsx-files';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { createExcelDouble, type ExcelDouble } from '../doubles/excel-double';
import { day } from '../acceptance/helpers';
import { enabled } from '../helpers/enabled-button';

jest.setTimeout(120_000);

const WAIT = { timeout: 30_000 };
const FILE = 'Pôle Parcs.xlsx';
const POLE = 'Pôle Parcs';
const M1 = '2026-01-15';
const M2 = '2026-02-16';
const M3 = '2026-03-16';

/** The Pôle's register; P-01 and P-02 each raise a tag suggestion no decision of the Pôle's settles. */
async function parcs(month: 1 | 2 | 3): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  const rows: ExcelJS.CellValue[][] = [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['P-01', 'Achat de papier recyclé', 2000, day('2025-02-12')],
    ['P-02', "Prototype de banc connecté", 5000, day('2025-04-03')],
  ];
  if (month >= 2) rows.push(['P-03', 'Tonte des pelouses', 8000, day('2025-06-20')]);
  if (month >= 3) rows.push(['P-04', 'Élagage', 3000, day('2025-09-10')]);
  rows.forEach((r, i) => {
    ws.getRow(i + 1).values = r;
    if (i > 0) ws.getCell(`D${i + 1}`).numFmt = 'dd/mm/yyyy';
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let files: Record<1 | 2 | 3, Uint8Array>;
beforeAll(async () => {
  files = { 1: await parcs(1), 2: await parcs(2), 3: await parcs(3) };
});
afterAll(() => cleanup());

const idle = () => waitFor(() => expect(runsInFlight()).toBe(0), WAIT);
/** Nothing read nor computing any more. */
const computed = async () => {
  await idle();
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull(), WAIT);
};

/** The lead's Excel: files chosen from `month`; the next state write or read-backs can be made to fail. */
class LeadHost extends DoubleExcelHost {
  month: 1 | 2 | 3 = 1;
  /** The next state write fails at its second sync (the state sheet under its temporary name). */
  failState = false;
  /** Reads to fail once the next import's sheets are in. */
  failReads = 0;
  private armed = false;
  override readFiles(chosen: readonly SourceFile[]) {
    return readXlsxFiles(chosen.map((f) => ({ name: f.name, data: files[this.month] })));
  }
  override async importSheets(...args: Parameters<DoubleExcelHost['importSheets']>) {
    await super.importSheets(...args);
    this.armed = true;
  }
  override async read() {
    if (this.armed && this.failReads > 0) {
      this.failReads -= 1;
      throw new Error('échec simulé de lecture');
    }
    return super.read();
  }
  override async writeState(state: SavedState) {
    this.armed = false;
    if (this.failState) {
      this.failState = false;
      this.excel.failOnSync(2);
    }
    await super.writeState(state);
  }
}

const { spy, outputs, last } = chainSpy();
const apos = (s: string | null | undefined) => (s ?? '').replace(/[’‘]/g, "'");

function leadWorkbook(): ExcelDouble {
  return createExcelDouble({ name: 'Bilan SPASER.xlsx', sheets: [{ name: 'Couverture', cells: [['Bilan annuel du SPASER'], ['Nombre de Pôles', 1]] }] });
}

async function openPane(host: DoubleExcelHost | PreviewHost, today: string) {
  cleanup();
  render(<App host={host} today={today} chain={spy} />);
  await idle();
}

async function choose(host: { month: 1 | 2 | 3 }, month: 1 | 2 | 3) {
  host.month = month;
  fireEvent.click(screen.getByRole('button', { name: '5. Consolidation' }));
  await screen.findByRole('heading', { name: /Étape 5 sur 5/ }, WAIT);
  fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], FILE)] } });
  await screen.findByRole('region', { name: `Fichier ${FILE}` }, WAIT);
  await idle();
}

const offer = () =>
  within(screen.getByRole('region', { name: `Fichier ${FILE}` })).queryByRole('checkbox', { name: /^Remplacer l['’]import précédent/ }) as HTMLInputElement | null;

async function importIt() {
  fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
  await screen.findByRole('heading', { name: /Étape 4 sur 5/ }, WAIT);
  await screen.findByText(/lignes lues/, undefined, WAIT);
  await idle();
}

async function writeSheets(name: RegExp) {
  fireEvent.click(screen.getByRole('button', { name: '4. Indicateurs' }));
  fireEvent.click(await screen.findByRole('button', { name }, WAIT));
  await screen.findByText(/Feuilles SPASER écrites/, undefined, WAIT);
  await idle();
}

const savedState = (excel: ExcelDouble) => createOfficeWorkbook(excel.run as unknown as ExcelRunner).readState();
const fingerprintOf = async (excel: ExcelDouble, sheet: string) => {
  const grids = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
  return sheetFingerprint(grids.find((g) => g.name === sheet)!);
};
const pictureBut = (excel: ExcelDouble, but: readonly string[]) =>
  Object.fromEntries(excel.sheetNames().filter((n) => !but.includes(n)).map((n) => [n, excel.snapshot(n)]));

/** Month 1 imported and written: `SPASER …` sheets and a state with the month-1 record. */
async function monthOneWritten(): Promise<{ excel: ExcelDouble; host: LeadHost }> {
  const excel = leadWorkbook();
  const host = new LeadHost(excel);
  await openPane(host, M1);
  await choose(host, 1);
  await importIt();
  await writeSheets(/^Écrire les feuilles et les graphiques$/);
  return { excel, host };
}

async function offeredFrom(host: LeadHost, today: string, date: string) {
  await openPane(host, today);
  await choose(host, 3);
  expect(offer()?.checked).toBe(true);
  expect(within(screen.getByRole('region', { name: `Fichier ${FILE}` })).getByRole('checkbox', { name: new RegExp(`importé le ${date}`) })).toBeChecked();
  expect(apos(screen.getByRole('region', { name: `Fichier ${FILE}` }).textContent)).not.toContain('modifiée depuis son import');
}

describe('Excel: the import saves its records with it', () => {
  it('imported and the pane closed without writing: the next session offers the replacement, with the new fingerprint', async () => {
    const { excel, host } = await monthOneWritten();
    await openPane(host, M2);
    await choose(host, 2);
    expect(offer()?.checked).toBe(true);
    // Everything but the replaced sheet and the state sheet, SPASER output included, as a user could see it.
    const before = pictureBut(excel, [POLE, SHEET_ETAT]);
    const names = excel.sheetNames();
    await importIt();
    expect(excel.sheetNames()).toEqual(names);
    expect(pictureBut(excel, [POLE, SHEET_ETAT])).toEqual(before);
    expect(excel.sheet(SHEET_ETAT).visibility).toBe('VeryHidden');
    const state = await savedState(excel);
    expect(state?.imports).toEqual([{ sheet: POLE, file: FILE, pole: POLE, kind: 'registre', date: M2, fingerprint: await fingerprintOf(excel, POLE) }]);
    // The pane is closed without writing; a month later, a new session.
    await offeredFrom(host, M3, '16/02/2026');
  });

  it('the state write failing: the import stays, the old state sheet too, the pane says so; the next write saves the records', async () => {
    const { excel, host } = await monthOneWritten();
    await openPane(host, M2);
    await choose(host, 2);
    const oldState = excel.snapshot(SHEET_ETAT);
    host.failState = true;
    await importIt();
    expect(excel.snapshot(SHEET_ETAT)).toEqual(oldState);
    expect(excel.sheetNames().filter((n) => n.startsWith('SPASER tmp'))).toEqual([]);
    expect(JSON.stringify(excel.snapshot(POLE))).toContain('P-03');
    expect(screen.getByText('Import non enregistré')).toBeInTheDocument();
    const warning = apos(screen.getByText(/n'a pas pu être enregistré/).textContent);
    expect(warning).toContain(`Les feuilles ont bien été importées (« ${POLE} »)`);
    // Within the session the records wait for the next write (a re-import still offers replacing): the risk is closing the pane.
    expect(warning).toContain("Le volet le garde jusqu'à la prochaine écriture des feuilles SPASER");
    expect(warning).toContain('écrivez-les avant de fermer le volet, sans quoi un nouvel import de ces Pôles ne proposera plus de remplacer ces feuilles');
    expect((await savedState(excel))?.imports?.map((r) => r.date)).toEqual([M1]);
    // The session kept them: the write saves them.
    await writeSheets(/^Écrire les feuilles et les graphiques$/);
    expect(screen.queryByText('Import non enregistré')).toBeNull();
    expect((await savedState(excel))?.imports).toEqual([expect.objectContaining({ sheet: POLE, date: M2, fingerprint: await fingerprintOf(excel, POLE) })]);
    await offeredFrom(host, M3, '16/02/2026');
  });

  it('the read-back failing twice: the records of the grids written are saved all the same, and offered next session', async () => {
    const { excel, host } = await monthOneWritten();
    await openPane(host, M2);
    await choose(host, 2);
    host.failReads = 2;
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
    const message = await screen.findByText(/Les feuilles ont bien été importées/, undefined, WAIT);
    await idle();
    expect(apos(message.textContent)).not.toContain("n'a pas non plus");
    expect((await savedState(excel))?.imports).toEqual([expect.objectContaining({ sheet: POLE, date: M2, fingerprint: await fingerprintOf(excel, POLE) })]);
    await offeredFrom(host, M3, '16/02/2026');
  });

  it('the read-back and the state write failing: the message says the import was not recorded either', async () => {
    const { excel, host } = await monthOneWritten();
    await openPane(host, M2);
    await choose(host, 2);
    const oldState = excel.snapshot(SHEET_ETAT);
    host.failReads = 2;
    host.failState = true;
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
    const message = await screen.findByText(/Les feuilles ont bien été importées/, undefined, WAIT);
    await idle();
    expect(apos(message.textContent)).toContain("Leur import n'a pas non plus pu être enregistré dans la feuille « SPASER État »");
    expect(excel.snapshot(SHEET_ETAT)).toEqual(oldState);
  });

  it('tag decisions the lead made in the consolidation workbook still apply after a replacement, written or only decided before the import', async () => {
    const { excel, host } = await monthOneWritten();
    // Month 1, after the write: the lead confirms P-01's suggestion and writes again.
    fireEvent.click(screen.getByRole('button', { name: '3. Étiquettes' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Confirmer : .*P-01/ }, WAIT));
    await idle();
    await writeSheets(/^Écrire les feuilles et les graphiques$/);
    // Month 2: rejects P-02's before importing, imports (replacing), closes without writing.
    await openPane(host, M2);
    await computed();
    fireEvent.click(screen.getByRole('button', { name: '3. Étiquettes' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Rejeter : .*P-02/ }, WAIT));
    await idle();
    await choose(host, 2);
    expect(offer()?.checked).toBe(true);
    await importIt();
    const decided = (out: ChainOutput) => out.result.suggestions.filter((s) => s.numero.startsWith('P-')).map((s) => `${s.numero}|${s.decision}`);
    // A rejected suggestion leaves the outputs; the confirmed one stays confirmed on the new sheet.
    expect(decided(last())).toEqual(['P-01|confirmée']);
    expect((await savedState(excel))?.decisions.map((d) => `${d.numero}|${d.decision}`).sort()).toEqual(['P-01|confirmée', 'P-02|rejetée']);
    // Month 3, new session: both still apply.
    const count = outputs.length;
    await openPane(host, M3);
    await computed();
    expect(outputs.length).toBeGreaterThan(count);
    expect(decided(last())).toEqual(['P-01|confirmée']);
  });
});

describe('preview: the import saves its records in the workbook worked on', () => {
  class PreviewLead extends PreviewHost {
    month: 1 | 2 | 3 = 1;
    failState = false;
    /** The last file offered for download. */
    blob: Blob | null = null;
    constructor() {
      super({ createUrl: (b) => ((this.blob = b), 'blob:x'), revokeUrl: () => undefined });
    }
    override readFiles(chosen: readonly SourceFile[]) {
      return readXlsxFiles(chosen.map((f) => ({ name: f.name, data: files[this.month] })));
    }
    override async writeState(state: SavedState) {
      if (this.failState) throw new Error('échec simulé');
      await super.writeState(state);
    }
    /** Test only: the workbook in memory as a file (the preview offers one only after a write). */
    saved(): Promise<Uint8Array> {
      return (this as unknown as { workbook: { saveXlsx(): Promise<Uint8Array> } }).workbook.saveXlsx();
    }
  }

  /** A new page: the lead chooses the consolidation workbook. */
  async function session(bytes: Uint8Array, today: string): Promise<PreviewLead> {
    const host = new PreviewLead();
    cleanup();
    render(<App host={host} today={today} chain={spy} />);
    fireEvent.change(screen.getByLabelText('Choisir un classeur (.xlsx)'), { target: { files: [new File([bytes as BlobPart], 'Bilan SPASER.xlsx')] } });
    await screen.findByText(/Aperçu hors d'Excel : Bilan SPASER\.xlsx/, undefined, WAIT);
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull(), WAIT);
    return host;
  }

  /** Month 1 imported and written; the downloaded file. */
  async function monthOneFile(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Couverture').getCell('A1').value = 'Bilan annuel du SPASER';
    const host = await session(new Uint8Array(await wb.xlsx.writeBuffer()), M1);
    await choose(host, 1);
    await importIt();
    await writeSheets(/^Écrire les feuilles SPASER$/);
    const blob = host.blob!;
    return new Uint8Array(
      await new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(blob);
      }),
    );
  }

  const sheetsOf = async (host: PreviewHost) => (await host.read())[0].sheets;

  it('imported without writing: the workbook holds the records, the other sheets unchanged; opened again, it offers the replacement', async () => {
    const host = await session(await monthOneFile(), M2);
    await choose(host, 2);
    expect(offer()?.checked).toBe(true);
    const before = (await sheetsOf(host)).filter((s) => s.name !== POLE && s.name !== SHEET_ETAT);
    await importIt();
    const after = await sheetsOf(host);
    expect(after.filter((s) => s.name !== POLE && s.name !== SHEET_ETAT)).toEqual(before);
    const state = (await host.read())[0].state;
    expect(state?.imports).toEqual([expect.objectContaining({ sheet: POLE, date: M2, fingerprint: sheetFingerprint(after.find((s) => s.name === POLE)!) })]);
    const next = await session(await host.saved(), M3);
    await choose(next, 3);
    expect(within(screen.getByRole('region', { name: `Fichier ${FILE}` })).getByRole('checkbox', { name: /importé le 16\/02\/2026/ })).toBeChecked();
  });

  it('the state write failing: the pane says so, and the next write saves the records', async () => {
    const host = await session(await monthOneFile(), M2);
    await choose(host, 2);
    expect(offer()?.checked).toBe(true);
    host.failState = true;
    await importIt();
    expect(apos(screen.getByText(/n'a pas pu être enregistré/).textContent)).toContain(`Les feuilles ont bien été importées (« ${POLE} »)`);
    expect((await host.read())[0].state?.imports?.map((r) => r.date)).toEqual([M1]);
    await writeSheets(/^Écrire les feuilles SPASER$/);
    expect((await host.read())[0].state?.imports?.map((r) => r.date)).toEqual([M2]);
  });
});

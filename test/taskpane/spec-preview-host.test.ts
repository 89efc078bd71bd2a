/**
 * README « Aperçu dans un navigateur (sans Excel) » and step 5 Consolidation,
 * on the browser preview's host (ExcelJS): the workbook offered for download
 * is read back with ExcelJS. Imported source texts come back exactly and as
 * texts (sortie.md: "a cell that starts with `=`, `+`, `-` or `@` and is text
 * in its source stays text"), cut at Excel's 32 767-character limit; the
 * user's sheets are kept and the SPASER sheets added; the file is named
 * `<nom> - SPASER.xlsx`.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runChain } from '../../src/domain/chain';
import type { ImportSheet } from '../../src/taskpane/consolidation';
import { describeError } from '../../src/taskpane/errors';
import { NoWorkbookChosenError, PREVIEW_NEW_WORKBOOK, PreviewHost } from '../../src/taskpane/hosts/preview-host';

const TODAY = '2026-01-15';
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A host whose download URLs keep the blob, to read the offered file back. */
function previewHost() {
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  let n = 0;
  const host = new PreviewHost({
    createUrl: (b) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, b);
      return url;
    },
    revokeUrl: (u) => revoked.push(u),
  });
  async function downloaded(): Promise<ExcelJS.Workbook> {
    const link = host.download();
    if (!link) throw new Error('no download');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await blobs.get(link.url)!.arrayBuffer()) as ArrayBuffer);
    return wb;
  }
  return { host, downloaded, revoked };
}

async function computeAndWrite(host: PreviewHost): Promise<void> {
  const output = runChain(await host.read(), { today: TODAY, writesCharts: host.writesCharts });
  await host.write(output);
}

async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification']);
  ws.addRow(['2025-001', 'Papier', 1200, utc('2025-02-03')]);
  ws.addRow(['2025-002', 'Nettoyage', 3000, utc('2025-03-10')]);
  ws.getCell('D2').numFmt = 'dd/mm/yyyy';
  ws.getCell('D3').numFmt = 'dd/mm/yyyy';
  wb.addWorksheet('Notes').getCell('B2').value = 'à garder';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const LONG = 'a'.repeat(32767) + 'SURPLUS'.repeat(100);
/** Texts a spreadsheet could take for a formula, or that the file format could change. */
const TRICKY = ['=SOMME(A1:A3)', '+33 3 20 00 00 00', '-5 % sur le lot 2', '@Fournisseur', '\r=1+1', 'réf _x000D_ littérale', 'fin\r\nde ligne'];

function importedSheet(): ImportSheet {
  return {
    name: 'Pôle Sport',
    kind: 'registre',
    source: { file: 'Pôle Sport.xlsx', sheet: 'Marchés' },
    rows: [
      ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Pôle'],
      ...TRICKY.map((t, i) => [`S-${i + 1}`, t, 100 + i, { date: '2025-04-05' }, TRICKY[TRICKY.length - 1 - i], 'Sport']),
      ['S-99', LONG, 5, { date: '2025-04-06' }, 'Dupont', 'Sport'],
    ],
  };
}

describe('preview consolidation: imported texts are written as the source holds them', () => {
  let book: ExcelJS.Workbook;
  let fileName: string;

  beforeAll(async () => {
    const { host, downloaded } = previewHost();
    await host.importSheets([importedSheet()]);
    await computeAndWrite(host);
    book = await downloaded();
    fileName = host.download()!.fileName;
  });

  it('=, +, -, @, CR and a literal _xHHHH_ come back exactly, as texts, never formulas', () => {
    const ws = book.getWorksheet('Pôle Sport')!;
    TRICKY.forEach((t, i) => {
      for (const [col, text] of [
        [2, t],
        [5, TRICKY[TRICKY.length - 1 - i]],
      ] as const) {
        const cell = ws.getCell(i + 2, col);
        expect([cell.address, cell.value]).toEqual([cell.address, text]);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }
    });
  });

  it('a text longer than 32 767 characters is cut at that limit', () => {
    const value = book.getWorksheet('Pôle Sport')!.getCell(TRICKY.length + 2, 2).value as string;
    // Compared without printing 33 000 characters on failure.
    expect([value.length, value === LONG.slice(0, 32767)]).toEqual([32767, true]);
  });

  it('numbers stay numbers and dates are dates shown jj/mm/aaaa; the header row is bold', () => {
    const ws = book.getWorksheet('Pôle Sport')!;
    expect(ws.getCell(2, 3).value).toBe(100);
    expect((ws.getCell(2, 4).value as Date).toISOString()).toBe('2025-04-05T00:00:00.000Z');
    expect(ws.getCell(2, 4).numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
  });

  it('the SPASER register reads the imported rows (texts as texts), after the imported sheet', () => {
    const names = book.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Pôle Sport');
    expect(names).toEqual(expect.arrayContaining(['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']));
    const reg = book.getWorksheet('SPASER Registre')!;
    const header = (reg.getRow(1).values as unknown[]).slice(1);
    const objet = header.indexOf('Objet du marché') + 1;
    expect(reg.getCell(2, objet).value).toBe(TRICKY[0]);
    expect(reg.getCell(2, objet).type).toBe(ExcelJS.ValueType.String);
    expect(reg.getCell(5, objet).value).toBe(TRICKY[3]);
  });

  it('with no workbook chosen, the consolidation workbook is new and its download is named after it', () => {
    // Not « Consolidation SPASER - SPASER.xlsx » (session-22 usability review: SPASER said twice).
    expect(PREVIEW_NEW_WORKBOOK).toBe('Consolidation.xlsx');
    expect(fileName).toBe('Consolidation - SPASER.xlsx');
  });
});

describe('preview on a chosen workbook', () => {
  it("keeps the user's sheets as they were, adds the SPASER sheets, names the download « <nom> - SPASER.xlsx »", async () => {
    const { host, downloaded } = previewHost();
    await host.open({ name: 'Suivi 2025.xlsx', data: await userWorkbook() });
    await computeAndWrite(host);
    expect(host.download()!.fileName).toBe('Suivi 2025 - SPASER.xlsx');
    const wb = await downloaded();
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['Suivi 2025', 'Notes']);
    expect(names).toEqual(expect.arrayContaining(['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER État']));
    const user = wb.getWorksheet('Suivi 2025')!;
    expect(user.getRow(2).values).toEqual([undefined, '2025-001', 'Papier', 1200, utc('2025-02-03')]);
    expect(user.getRow(3).values).toEqual([undefined, '2025-002', 'Nettoyage', 3000, utc('2025-03-10')]);
    expect(user.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(user.rowCount).toBe(3);
    expect(wb.getWorksheet('Notes')!.getCell('B2').value).toBe('à garder');
    // The register has the two rows.
    expect(wb.getWorksheet('SPASER Registre')!.rowCount).toBe(3);
  });

  it('draws the plan\'s charts: 1.1.2-dataviz is the number of chart parts of the offered file', async () => {
    const blobs: Blob[] = [];
    const host = new PreviewHost({ createUrl: (b) => (blobs.push(b), 'blob:x'), revokeUrl: () => undefined });
    // A clause sociale column: the considerations chart has data.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi 2025');
    ws.addRow(['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale']);
    ws.addRow(['2025-001', 'Nettoyage', 1000, new Date(Date.UTC(2025, 1, 3)), 'Oui']);
    ws.addRow(['2025-002', 'Papier', 2000, new Date(Date.UTC(2025, 2, 3)), 'Non']);
    await host.open({ name: 'Suivi 2025.xlsx', data: new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(host.writesCharts).toBe(true);
    const output = runChain(await host.read(), { today: TODAY, writesCharts: host.writesCharts });
    await host.write(output);
    const zip = await JSZip.loadAsync(new Uint8Array(await blobs[0].arrayBuffer()));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBeGreaterThan(0);
    expect(output.result.indicateurs.find((i) => i.id === '1.1.2-dataviz')?.valeur).toBe(charts.length);
  });

  it('a file named .xlsm (any case) gives « <nom> - SPASER.xlsx »', async () => {
    const { host } = previewHost();
    await host.open({ name: 'Suivi.XLSM', data: await userWorkbook() });
    await computeAndWrite(host);
    expect(host.download()!.fileName).toBe('Suivi - SPASER.xlsx');
  });

  it('a second write replaces the offered file (the old link is revoked); choosing another file drops it', async () => {
    const { host, revoked } = previewHost();
    await host.open({ name: 'Suivi 2025.xlsx', data: await userWorkbook() });
    await computeAndWrite(host);
    const first = host.download()!.url;
    await computeAndWrite(host);
    expect(revoked).toEqual([first]);
    const second = host.download()!.url;
    expect(second).not.toBe(first);
    await host.open({ name: 'Autre.xlsx', data: await userWorkbook() });
    expect(host.download()).toBeNull();
    expect(revoked).toEqual([first, second]);
  });

  it('nothing is offered and a French message says what to do when no workbook was chosen', async () => {
    const other = previewHost().host;
    await other.open({ name: 'Suivi 2025.xlsx', data: await userWorkbook() });
    const output = runChain(await other.read(), { today: TODAY, writesCharts: false });
    const { host } = previewHost();
    const error = await host.write(output).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(NoWorkbookChosenError);
    expect(describeError(error, 'ecriture')).toBe(
      'Aucun classeur choisi : choisissez un fichier .xlsx (bouton « Choisir un classeur »), puis réessayez.',
    );
    await expect(host.read()).rejects.toBeInstanceOf(NoWorkbookChosenError);
    expect(host.download()).toBeNull();
  });
});

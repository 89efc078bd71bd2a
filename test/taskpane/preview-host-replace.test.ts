/**
 * The preview host replacing an earlier import: in a workbook opened from a
 * file (the saved file is the user's package with our sheets spliced in) and in
 * a new one. The old sheets go, the new ones take their names (no « (2) ») and
 * their places (README « Consolidation »: « leurs noms (sans « (2) ») et leurs
 * places », as in Excel), the user's sheets are kept, and a failure leaves the
 * workbook as it was. Session-23 review: a re-imported Pôle moved to the end, and
 * a doublon across Pôles, decided by sheet order, changed sides.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PreviewHost } from '../../src/taskpane/hosts/preview-host';
import type { ImportSheet } from '../../src/taskpane/consolidation';

const sheet = (name: string, rows: ImportSheet['rows']): ImportSheet => ({ name, kind: 'registre', source: { file: 'Pôle Sport.xlsx', sheet: 'Marchés' }, rows });
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const OLD = sheet('Sport', [HEADER, ['S-1', 'Gymnase', 1500, '04/03/2025']]);
const NEW = sheet('Sport', [HEADER, ['S-1', 'Gymnase', 1500, '04/03/2025'], ['S-2', 'Piscine', 2500, '05/04/2025']]);

async function opened(): Promise<{ host: PreviewHost; saved: () => Promise<Uint8Array> }> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 'Mes notes';
  const sport = wb.addWorksheet('Sport');
  for (const r of OLD.rows) sport.addRow([...r]);
  wb.addWorksheet('Synthèse').getCell('A1').value = 'Total';
  let blob: Blob | null = null;
  const host = new PreviewHost({ createUrl: (b) => ((blob = b), 'blob:x'), revokeUrl: () => undefined });
  await host.open({ name: 'Conso.xlsx', data: new Uint8Array(await wb.xlsx.writeBuffer()) });
  const saved = async () => {
    const { runChain } = await import('../../src/domain/chain');
    await host.write(runChain(await host.read(), { today: '2026-02-15', writesCharts: host.writesCharts }));
    return new Uint8Array(await blob!.arrayBuffer());
  };
  return { host, saved };
}

const valuesOf = (rows: readonly (readonly unknown[])[]) => rows.map((r) => r.filter((v) => v !== null));

describe('preview host: importSheets replacing an earlier import', () => {
  it('in an opened file: the old sheet gone, the new one under its name and in its place, the user sheets kept, in memory and in the saved file', async () => {
    const { host, saved } = await opened();
    await host.importSheets([NEW], ['Sport']);
    const sheets = (await host.read())[0].sheets;
    expect(sheets.map((s) => s.name)).toEqual(['Notes', 'Sport', 'Synthèse']);
    expect(valuesOf(sheets[1].rows)).toEqual(NEW.rows);

    const out = await JSZip.loadAsync(await saved());
    const names = [...(await out.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(names.filter((n) => !n.startsWith('SPASER '))).toEqual(['Notes', 'Sport', 'Synthèse']);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await out.generateAsync({ type: 'nodebuffer' })) as unknown as ExcelJS.Buffer);
    expect(again.getWorksheet('Sport')!.getCell('A3').value).toBe('S-2');
    expect(again.getWorksheet('Notes')!.getCell('A1').value).toBe('Mes notes');
  });

  it('in a new workbook: the second import replaces the first in its place, no « (2) »', async () => {
    const host = new PreviewHost({ createUrl: () => 'blob:x', revokeUrl: () => undefined });
    await host.importSheets([OLD, sheet('Culture', [['N° marché'], ['C-1']])]);
    await host.importSheets([NEW], ['Sport']);
    const sheets = (await host.read())[0].sheets;
    expect(sheets.map((s) => s.name)).toEqual(['Sport', 'Culture']);
    expect(valuesOf(sheets[0].rows)).toEqual(NEW.rows);
  });

  it('a replacing sheet named in another case keeps the place of the one it replaces', async () => {
    const host = new PreviewHost({ createUrl: () => 'blob:x', revokeUrl: () => undefined });
    await host.importSheets([OLD, sheet('Culture', [['N° marché'], ['C-1']])]);
    await host.importSheets([{ ...NEW, name: 'SPORT' }], ['SPORT']);
    expect((await host.read())[0].sheets.map((s) => s.name.toLowerCase())).toEqual(['sport', 'culture']);
  });

  it('a failure while writing leaves the workbook as it was: the old sheet kept, no temporary sheet', async () => {
    const { host } = await opened();
    const before = (await host.read())[0].sheets;
    const bad = sheet('Sport', [['N° marché'], [{ get date(): string { throw new Error('valeur illisible (simulé)'); } } as never]]);
    await expect(host.importSheets([sheet('Culture', [['x']]), bad], ['Sport'])).rejects.toThrow(/simulé/);
    expect((await host.read())[0].sheets).toEqual(before);
  });
});

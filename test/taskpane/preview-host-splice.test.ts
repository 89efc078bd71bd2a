/**
 * The preview host on an opened file: sheets imported for a consolidation and
 * the SPASER sheets are added to the user's own package; its parts stay as they were.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { runChain } from '../../src/domain/chain';
import { PreviewHost } from '../../src/taskpane/hosts/preview-host';

const CULTURE = path.resolve(__dirname, '../fixtures/libreoffice/authored/Pôle Culture.xlsx');

it('an opened file keeps its chart and pivot table when a Pôle is imported and the SPASER sheets written', async () => {
  let blob: Blob | null = null;
  const host = new PreviewHost({ createUrl: (b: Blob) => ((blob = b), 'blob:x'), revokeUrl: () => undefined });
  const input = new Uint8Array(fs.readFileSync(CULTURE));
  await host.open({ name: 'Pôle Culture.xlsx', data: input });
  await host.importSheets([
    {
      name: 'Pôle Sport',
      kind: 'registre',
      source: { file: 'Pôle Sport.xlsx', sheet: 'Marchés' },
      rows: [
        ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'],
        ['S-1', '=SOMME(A1)', 1200, { date: '2025-02-03' }],
      ],
    },
  ]);
  const inputs = await host.read();
  expect(inputs[0].sheets.map((s) => s.name)).toEqual(['Marchés 2025', 'Synthèse', 'Pôle Sport']);
  await host.write(runChain(inputs, { writesCharts: host.writesCharts, today: '2026-01-15' }));
  expect(host.download()).toEqual({ url: 'blob:x', fileName: 'Pôle Culture - SPASER.xlsx' });

  const out = await JSZip.loadAsync(new Uint8Array(await blob!.arrayBuffer()));
  const orig = await JSZip.loadAsync(input);
  for (const p of ['xl/charts/chart1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
    expect(await out.file(p)!.async('string')).toBe(await orig.file(p)!.async('string'));
  }
  const names = [...(await out.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
  expect(names).toEqual(['Marchés 2025', 'Synthèse', 'Pôle Sport', 'SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER Pôles', 'SPASER État']);
});

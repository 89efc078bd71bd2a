/**
 * The « Pôle » list at 350 px (session-28 review): a Pôle without a row retained for the exercice says so in
 * its option (« Pôle Cadre de vie et Patrimoine (aucune ligne retenue pour 2025) »); a native list is as wide
 * as its longest option, and it pushed the pane into a horizontal scroll. The pane keeps to its width.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { book, day, goTo, openPane, servedPane } from './harness';

jest.setTimeout(240_000);
const served = servedPane('spaser-pole-width-');

it('the list keeps to the pane and its option says the Pôle has no row of 2025', async () => {
  const bytes = await book([
    {
      name: 'Registre',
      rows: [
        ['N° marché', 'Objet', 'Pôle', 'Date de notification', 'Montant notifié HT'],
        ['R-01', 'Nettoyage', 'Pôle Nord', day(1, 2), 10000],
        ['R-02', 'Écoles', 'Pôle Cadre de vie et Patrimoine', day(1, 3, 2024), 500],
      ],
    },
  ]);
  const file = join(served.work, 'Registre.xlsx');
  writeFileSync(file, bytes);
  const { context, page, errors } = await openPane(served.browser, served.url);
  try {
    await page.setViewportSize({ width: 350, height: 900 });
    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(file);
    await goTo(page, '4. Indicateurs');
    const pole = page.getByRole('combobox', { name: 'Pôle' });
    const options = await pole.evaluate((el) => Array.from((el as HTMLSelectElement).options).map((o) => o.textContent));
    expect(options).toEqual(['Toute la Ville', 'Pôle Cadre de vie et Patrimoine (aucune ligne retenue pour 2025)', 'Pôle Nord']);
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    const box = await pole.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width.client);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

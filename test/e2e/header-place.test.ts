/**
 * The « Ligne d'en-tête » list in real Chromium at 350 px (README « Colonnes »): a sub-header alone
 * under its label is read as a contract in error until the buyer says the header is on two rows;
 * the result's register then holds the two contracts only, and SPASER État keeps the choice.
 */
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseState } from '../../src/domain/state-sheet';
import { book, day, goTo, openPane, readBook, servedPane, shot, writeAndDownload } from './harness';

jest.setTimeout(240_000);
const served = servedPane('spaser-header-place-');

it('the buyer puts the header on rows 2 and 3; the sub-header is no contract any more', async () => {
  const bytes = await book([
    {
      name: 'Suivi',
      rows: [
        ['Suivi des marchés 2025'],
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'],
        [null, null, null, null, 'Fournisseur'],
        ['M-01', 'Nettoyage des écoles', 12000, day(3, 2), 'Net Plus'],
        ['M-02', 'Fournitures de bureau', 3000, day(10, 3), 'Bureau Sud'],
      ],
    },
  ]);
  const file = join(served.work, 'Suivi.xlsx');
  writeFileSync(file, bytes);
  const { context, page, errors } = await openPane(served.browser, served.url);
  try {
    await page.setViewportSize({ width: 350, height: 900 });
    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(file);
    const place = page.getByRole('combobox', { name: "Ligne d'en-tête" });
    await place.waitFor();
    await goTo(page, '2. Contrôles');
    // Row 3 read as a contract: its numero is missing.
    await page.getByText('N° de marché manquant').first().waitFor();
    await goTo(page, '1. Colonnes');
    await place.selectOption({ label: 'Lignes 2 et 3\u00a0: N° marché, Objet, Montant HT' });
    await page.getByText(/en-tête sur les lignes 2 et 3/).waitFor();
    await shot(page, 'header-place-two-rows');
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await goTo(page, '2. Contrôles');
    expect(await page.getByText('N° de marché manquant').count()).toBe(0);

    const out = join(served.work, 'Suivi - SPASER.xlsx');
    await writeAndDownload(page, out);
    const wb = await readBook(readFileSync(out));
    const registre = wb.getWorksheet('SPASER Registre')!;
    const numeros: unknown[] = [];
    registre.eachRow((row, n) => {
      if (n > 1) numeros.push(row.getCell(1).value);
    });
    expect(numeros).toEqual(['M-01', 'M-02']);
    const etat: string[] = [];
    wb.getWorksheet('SPASER État')!.eachRow((row) => etat.push(String(row.getCell(1).value ?? '')));
    expect(parseState(etat)?.mappings).toEqual([{ sheet: 'Suivi', headerRow: 2, headerRows: 2, columns: {} }]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

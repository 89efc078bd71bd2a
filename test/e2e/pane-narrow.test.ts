/**
 * Session 34 — the pane at the narrowest width Excel gives it (320 × 800 px) on a messy workbook:
 * long French sheet names and headers, a dozen remarks on its insertion follow-up, suggestions to confirm.
 * No step scrolls sideways; the remarks leave the step in the first screen; « --json » stays one word.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { book, day, goTo, openPane, servedPane, type BookCell } from './harness';

jest.setTimeout(240_000);
const served = servedPane('spaser-narrow-');

const REGISTER: BookCell[][] = [
  ['Registre des marchés publics notifiés — Direction de la commande publique et des affaires juridiques'],
  ['Numéro de marché', 'Objet de la consultation (intitulé complet)', 'Pôle gestionnaire', 'Date de notification au titulaire', 'Montant notifié du marché HT (€)', 'Observations et remarques du service', 'Colonne libre du service achats sans signification particulière'],
  ...Array.from({ length: 12 }, (_, i): BookCell[] => [
    `DCP-2025-${String(i).padStart(4, '0')}`,
    `Marché de nettoyage des locaux avec insertion de publics éloignés de l'emploi — lot ${i}`,
    i % 2 ? 'Pôle Cadre de vie et Patrimoine' : 'Pôle Culture, Sports et Vie associative',
    i % 4 === 0 ? '31/02/2025' : day((i % 27) + 1, (i % 12) + 1),
    1234567.89 + i,
    "Clause d'insertion de 500 heures ; critère environnemental ; réemploi du mobilier",
    'x',
  ]),
];

/** Hours of contracts absent from the register, or on rows in error: one remark each. */
const INSERTION: BookCell[][] = [
  ['N° de marché', 'Bénéficiaire', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures réalisées', 'Date de début'],
  ...Array.from({ length: 12 }, (_, i): BookCell[] => [i % 2 ? `INCONNU-${i}` : `DCP-2025-${String(i * 2).padStart(4, '0')}`, `B${i}`, 'F', 'Roubaix', 'oui', 'CDDI', 120.5, day(1, 3)]),
];

it('at 320 px, every step keeps to the pane and the remarks do not bury the step', async () => {
  const file = join(served.work, 'Registre des marchés.xlsx');
  writeFileSync(file, await book([
    { name: 'Registre marchés notifiés 2025', rows: REGISTER },
    { name: 'Suivi des heures d’insertion', rows: INSERTION },
  ]));
  const { context, page, errors } = await openPane(served.browser, served.url);
  try {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(file);
    await page.getByRole('region', { name: 'Feuille « Registre marchés notifiés 2025 »' }).waitFor();
    const more = page.getByRole('button', { name: /^Afficher les \d+\sautres remarques$/ });
    await more.waitFor();
    const heading = await page.getByRole('heading', { name: 'Étape 1 sur 5 — Colonnes' }).boundingBox();
    expect(heading!.y + heading!.height).toBeLessThanOrEqual(800);
    for (const step of ['1. Colonnes', '2. Contrôles', '3. Étiquettes', '4. Indicateurs', '5. Consolidation']) {
      await goTo(page, step);
      if (step === '2. Contrôles') {
        const groups = page.locator('.finding-group h3 button');
        for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).click();
      }
      if (step === '4. Indicateurs') {
        await page.locator('details.axe').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        // « -- » alone at the end of a line, « json » on the next, was the option cut in two.
        expect(await page.locator('code.option').evaluate((el) => el.getClientRects().length)).toBe(1);
      }
      const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect({ step, ...width }).toEqual({ step, scroll: width.client, client: width.client });
    }
    await more.click();
    await page.getByRole('button', { name: /^Masquer les \d+\sdernières remarques$/ }).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

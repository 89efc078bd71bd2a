/**
 * End to end in real headless Chromium: the task pane built by webpack, served
 * on 127.0.0.1, opened as the browser preview; a generated workbook goes
 * through the steps and the downloaded result is read back with ExcelJS.
 * Chromium comes from Debian (`/usr/bin/chromium`), installed by `.ci/run`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli } from '../../src/cli/run';
import { todayIso } from '../../src/domain/chain';
import { builtPane, CHROMIUM, ROOT, serve } from './harness';

jest.setTimeout(240_000);

const SHOTS = join(ROOT, 'test-output', 'e2e');

const OBJETS = ['Nettoyage des écoles', 'Fournitures de bureau', 'Maintenance informatique', 'Entretien des espaces verts', 'Restauration scolaire'];

/** A buyer's workbook: a title row, the header on row 2, 20 contracts (row 7 without objet). */
async function buyerWorkbook(): Promise<{ bytes: Buffer; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi 2025');
  const rows: unknown[][] = [
    ['Suivi des marchés — Pôle Ressources'],
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Clause sociale', 'Code postal'],
  ];
  for (let i = 1; i <= 20; i++) {
    rows.push([
      `2025-${String(i).padStart(3, '0')}`,
      i === 5 ? null : OBJETS[i % OBJETS.length],
      1000 * i,
      new Date(Date.UTC(2025, i % 12, 1 + i)),
      `Entreprise ${i}`,
      i % 3 === 0 ? 'oui' : 'non',
      i % 2 === 0 ? '59100' : '75011',
    ]);
  }
  rows.forEach((r) => ws.addRow(r));
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), rows };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('browser preview of the task pane', () => {
  let work: string;
  let server: Server | undefined;
  let browser: Browser | undefined;
  let url: string;
  let distDir: string;

  it('keeps ExcelJS out of the scripts the pane loads first', () => {
    const html = readFileSync(join(distDir, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((s) => !s.startsWith('http'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      expect(s).not.toMatch(/exceljs/i);
      // A message found only in ExcelJS's own code.
      expect(readFileSync(join(distDir, s), 'utf8').includes('Worksheet name already exists')).toBe(false);
    }
    expect(readFileSync(join(distDir, 'exceljs.js'), 'utf8')).toContain('Worksheet name already exists');
  });

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium introuvable à ${CHROMIUM} : installez le paquet Debian « chromium » (apt-get install chromium).`);
    mkdirSync(SHOTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'spaser-e2e-'));
    const dist = await builtPane();
    ({ server, url } = await serve(dist));
    distDir = dist;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('reads a workbook, walks the steps and downloads the result with the SPASER sheets', async () => {
    const context = await browser!.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true, locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // No network in tests: Office.js from the CDN is refused, as in a plain browser without Office.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${url}taskpane.html`);

    const source = await buyerWorkbook();
    const sourcePath = join(work, 'Suivi Pôle Ressources.xlsx');
    writeFileSync(sourcePath, source.bytes);
    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(sourcePath);

    await page.getByRole('region', { name: 'Feuille « Suivi 2025 »' }).waitFor();
    await expectSelected(page, 'Date de notification (obligatoire)', 'Date de notification');
    await shot(page, '1-colonnes');

    await page.getByRole('button', { name: '2. Contrôles' }).click();
    await page.getByRole('button', { name: /Objet manquant — 1\serreur/ }).click();
    // Preview: the address is shown instead of a selection in Excel.
    await page.getByText('Feuille « Suivi 2025 », cellule B7').waitFor();
    await shot(page, '2-controles');

    await page.getByRole('button', { name: '3. Étiquettes' }).click();
    await page.getByText('Considération sociale : 6 marchés').waitFor();
    await shot(page, '3-etiquettes');

    await page.getByRole('button', { name: '4. Indicateurs' }).click();
    await page.getByRole('heading', { name: /^Axe 1 — / }).waitFor();
    await shot(page, '4-indicateurs');

    // The result as JSON (sortie.md), downloaded then copied: the same text.
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le résultat (JSON)' }).click()]);
    expect(jsonDownload.suggestedFilename()).toBe('Suivi Pôle Ressources - SPASER 2025.json');
    const jsonPath = join(work, 'resultat.json');
    await jsonDownload.saveAs(jsonPath);
    const jsonText = readFileSync(jsonPath, 'utf8');
    const json = JSON.parse(jsonText);
    expect(json.exercice).toBe(2025);
    // 20 contracts, every one notified in 2025 (month i % 12 of 2025).
    expect(json.lignes.lues).toBe(20);
    expect(json.indicateurs).toHaveLength(56);
    expect(json.controles).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'objet-manquant', feuille: 'Suivi 2025', ligne: 7 })]));
    await page.getByText(/^Fichier « Suivi Pôle Ressources - SPASER 2025\.json » proposé au téléchargement/).waitFor();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await page.getByRole('button', { name: 'Copier le résultat (JSON)' }).click();
    await page.getByText(/^Résultat copié dans le presse-papiers/).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(jsonText);
    // The command line's --json on the same file, the same day: the same text.
    let stdout = '';
    const code = await runCli(['calculer', sourcePath, '--json', '--sortie', join(work, 'cli.xlsx')], {
      cwd: work,
      today: todayIso(),
      stdout: { write: (t: string) => (stdout += t), isTTY: false },
      stderr: { write: () => true, isTTY: false },
    });
    expect(code).toBe(0);
    expect(stdout).toBe(jsonText);

    await page.getByRole('button', { name: 'Écrire les feuilles SPASER' }).click();
    const link = page.getByRole('link', { name: 'Télécharger le classeur' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const resultPath = join(work, 'resultat.xlsx');
    await download.saveAs(resultPath);
    await shot(page, '4-indicateurs-ecrit');

    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(resultPath);
    const names = result.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Suivi 2025', 'SPASER Registre', 'SPASER Indicateurs']));
    // The user's sheet is unchanged, cell by cell.
    const user = result.getWorksheet('Suivi 2025')!;
    source.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = user.getCell(i + 1, j + 1).value;
        expect(cell instanceof Date ? cell.toISOString() : cell).toEqual(v instanceof Date ? v.toISOString() : v ?? null);
      }),
    );
    expect(user.rowCount).toBe(source.rows.length);
    // The browser build copied the user's sheet part as it was and drew the charts (splice.ts, charts.ts).
    const [before, after] = await Promise.all([JSZip.loadAsync(source.bytes), JSZip.loadAsync(readFileSync(resultPath))]);
    expect(await after.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(await before.file('xl/worksheets/sheet1.xml')!.async('string'));
    expect(Object.keys(after.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length).toBeGreaterThan(0);

    await page.getByRole('button', { name: '5. Consolidation' }).click();
    await page.getByLabel('Classeurs à consolider').setInputFiles(sourcePath);
    await page.getByRole('region', { name: 'Fichier Suivi Pôle Ressources.xlsx' }).waitFor();
    await expectInputValue(page, 'Pôle du fichier « Suivi Pôle Ressources.xlsx »', 'Suivi Pôle Ressources');
    await shot(page, '5-consolidation');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads an odd workbook in the browser: formatted to far below, a planning of many merges, a value in XFD1048576', async () => {
    const context = await browser!.newContext({ viewport: { width: 350, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${url}taskpane.html`);

    // README « Feuilles trop étendues », « Feuilles mises en forme loin sous leurs données »: the
    // register with 25 000 rows of empty bordered cells below it (a part of more than 8 MiB), a
    // planning of 1 200 merged areas, notes with a value in A1 and XFD1048576.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi 2025');
    ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification']);
    for (let i = 1; i <= 5; i++) ws.addRow([`2025-00${i}`, 'Papier', 100 * i, new Date(Date.UTC(2025, 1, i))]);
    const planning = wb.addWorksheet('Planning');
    for (let i = 0; i < 1200; i++) planning.getCell(2 * i + 1, 1).value = `Semaine ${i + 1}`;
    const notes = wb.addWorksheet('Notes');
    notes.getCell('A1').value = 'Notes';
    notes.getCell('XFD1048576').value = 'à voir';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const register = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const letters = Array.from({ length: 20 }, (_, k) => String.fromCharCode(65 + k));
    const formatted = Array.from({ length: 25_000 }, (_, k) => `<row r="${k + 7}">${letters.map((l) => `<c r="${l}${k + 7}" s="1"/>`).join('')}</row>`).join('');
    zip.file('xl/worksheets/sheet1.xml', register.replace('</sheetData>', `${formatted}</sheetData>`));
    const plan = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const merges = Array.from({ length: 1200 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 2}"/>`).join('');
    zip.file('xl/worksheets/sheet2.xml', plan.replace('</sheetData>', `</sheetData><mergeCells count="1200">${merges}</mergeCells>`));
    const sourcePath = join(work, 'Classeur étrange.xlsx');
    writeFileSync(sourcePath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(sourcePath);
    await page.getByRole('region', { name: 'Feuille « Suivi 2025 »' }).waitFor();
    await page.getByText(/^La feuille « Notes » n'est pas lue : ses cellules remplies s'étendent de A1 à XFD1048576/).waitFor();
    await shot(page, '6-classeur-etrange');
    await page.getByRole('button', { name: /Indicateurs/ }).first().click();
    await page.getByText(/sur 5\slignes lues/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function expectSelected(page: Page, label: string, text: string): Promise<void> {
  const selected = await page.getByRole('combobox', { name: label }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent);
  expect(selected).toBe(text);
}

async function expectInputValue(page: Page, label: string, value: string): Promise<void> {
  expect(await page.getByLabel(label).inputValue()).toBe(value);
}

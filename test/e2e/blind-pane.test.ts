/**
 * Blind acceptance test of the browser preview, as a buyer uses it every week and
 * as the SPASER project lead consolidates the Pôles, in real headless Chromium.
 * Expectations come from the spec (`/work/shared/spec/`), the README's choices and
 * hand computations on the workbooks of `blind-pane-books.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import {
  englishIn, englishOnPage, goTo, indicator, openPane, packageSheets, readBook, selectedText, servedPane, sheetPart, sheetRecords, sheetText, shot,
  writeAndDownload, type PaneSession,
} from './harness';
import {
  emptyWorkbook, leadWorkbook, noRegisterWorkbook, poleRessources, poleSolidarites, unknownHeaderWorkbook, weeklyWorkbook,
} from './blind-pane-books';

jest.setTimeout(300_000);

const SPASER_SHEETS = ['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs', 'SPASER État'];

const served = servedPane('spaser-blind-');

// ---------------------------------------------------------------- page helpers

async function loadFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Choisir un classeur (.xlsx)').setInputFiles(path);
}

function saveInput(name: string, bytes: Buffer): string {
  const path = join(served.work, name);
  writeFileSync(path, bytes);
  return path;
}

/** Rows of a SPASER sheet keyed by header, the header being the first row whose first cell is `first`. */
function recordsFrom(ws: ExcelJS.Worksheet, first: string): Record<string, unknown>[] {
  for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
    if (String(ws.getRow(r).getCell(1).value ?? '').trim() === first) return sheetRecords(ws, r);
  }
  throw new Error(`en-tête « ${first} » introuvable dans ${ws.name}`);
}

function byNumero(records: Record<string, unknown>[]): Map<string, Record<string, unknown>> {
  return new Map(records.map((r) => [String(r['N° de marché']), r]));
}

/** The value of indicator `id` in `SPASER Indicateurs` (column `Valeur`). */
function indicatorValue(wb: ExcelJS.Workbook, id: string): unknown {
  const rows = recordsFrom(wb.getWorksheet('SPASER Indicateurs')!, 'Id');
  const row = rows.find((r) => r.Id === id);
  if (!row) throw new Error(`indicateur ${id} absent de SPASER Indicateurs`);
  return row.Valeur;
}

function asNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  return Number(String(v).replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.'));
}

function closeAll(s: PaneSession): Promise<void> {
  return s.context.close();
}

it('the French check of this file finds English words (it can fail)', () => {
  expect(englishIn('Failed to read the file')).toEqual(expect.arrayContaining(['failed', 'the', 'file']));
  expect(englishIn('End of central directory not found')).toEqual(expect.arrayContaining(['end', 'central', 'directory', 'not', 'found']));
  expect(englishIn("Aucun registre reconnu dans « Vide.xlsx » : choisissez la feuille et les colonnes obligatoires à l'étape Colonnes.")).toEqual([]);
  expect(englishIn('Étape 1 sur 5 — Colonnes ; Clause sociale (déclaré) ; Toute la Ville ; Non calculable')).toEqual([]);
});

// ---------------------------------------------------------------- scenarios 1–3: the weekly workbook

/** What the first session of the week produced, for the « next week » test. */
let firstWeek: { input: Buffer; output: Buffer } | undefined;

describe('a buyer, week after week', () => {
  it('week 1: fixes an ambiguous column, confirms one suggestion and rejects another; the file follows', async () => {
    const s = await openPane(served.browser, served.url);
    const { page } = s;
    const english: string[] = [];
    const input = await weeklyWorkbook();
    await loadFile(page, saveInput('Suivi Sports.xlsx', input));
    await page.getByRole('region', { name: 'Feuille « Marchés 2025 »' }).waitFor();
    english.push(...(await englishOnPage(page, 'Colonnes')));

    // regles.md §1: the ambiguous header is reported, not silently given to one field.
    await page.getByText(/Colonnes ambiguës.*«\sClause sociale et environnementale\s»/).waitFor();
    // Before any choice, no social field is mapped: the social indicators are non calculable (never 0).
    await goTo(page, '4. Indicateurs');
    expect(await indicator(page, '4.1.2-consideration-sociale')).toMatch(/Non calculable/);
    expect(await indicator(page, '4.2.2-clause-sociale-nb')).toMatch(/Non calculable/);
    english.push(...(await englishOnPage(page, 'Indicateurs')));

    // The buyer picks the field the pane tells them to choose « ci-dessus »: it must be there
    // without hunting through all 52 fields.
    await goTo(page, '1. Colonnes');
    const clauseSociale = page.getByRole('combobox', { name: 'Clause sociale', exact: true });
    expect(await clauseSociale.isVisible()).toBe(true);
    await clauseSociale.selectOption({ label: 'Clause sociale et environnementale' });
    expect(await selectedText(page, 'Clause sociale')).toBe('Clause sociale et environnementale');
    await shot(page, 'w1-colonnes');

    // Step 3: three suggestions (recyclé, ESAT, expérimentation/innovante); « sans clause sociale » is a negation.
    await goTo(page, '3. Étiquettes');
    await page.getByText('Suggestions à confirmer (3)').waitFor();
    expect(await page.getByRole('button', { name: /Confirmer : .*2025-006/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Confirmer : Clause environnementale pour le marché 2025-002' }).click();
    await page.getByRole('button', { name: 'Rejeter : Marché innovant pour le marché 2025-005' }).click();
    await page.getByText('Suggestions à confirmer (1)').waitFor();
    expect(await page.getByRole('button', { name: 'Confirmer : Marché réservé pour le marché 2025-003' }).count()).toBe(1);
    // The declared considerations now count the social column chosen by the buyer: 001, 004, 007.
    await page.getByText(/Considération sociale\s*:\s*3\smarchés/).waitFor();
    english.push(...(await englishOnPage(page, 'Étiquettes')));
    await shot(page, 'w1-etiquettes');

    // Step 2: only the pending suggestion is still to confirm.
    await goTo(page, '2. Contrôles');
    await page.getByRole('button', { name: /Étiquette suggérée à confirmer — 1\savertissement$/ }).waitFor();
    english.push(...(await englishOnPage(page, 'Contrôles')));

    // Step 4: hand-computed values (see blind-pane-books.ts).
    await goTo(page, '4. Indicateurs');
    expect(await indicator(page, '4.1.2-consideration-sociale')).toContain('37,5 %');
    expect(await indicator(page, '4.2.2-clause-sociale-nb')).toMatch(/\n3\n|\s3\s+Calculé/);
    expect(await indicator(page, '4.2.2-clause-sociale-part')).toContain('37,5 %');
    expect(await indicator(page, '3.1.1-consideration-env')).toContain('25,0 %');
    expect(await indicator(page, '1.1.2-marches-ar')).toMatch(/\s4\s+Calculé/);
    expect(await indicator(page, '1.1.2-montant-ar')).toContain('50 000,00 €');
    expect(await indicator(page, '5.2.1-innovants-nb')).toMatch(/Non calculable/);
    english.push(...(await englishOnPage(page, 'Indicateurs')));

    const outPath = join(served.work, 'Suivi Sports - semaine 1.xlsx');
    await writeAndDownload(page, outPath);
    await shot(page, 'w1-ecrit');
    english.push(...(await englishOnPage(page, 'Indicateurs écrits')));
    const output = readFileSync(outPath);

    // ---- the written file
    const wb = await readBook(output);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of ['Marchés 2025', 'Notes', ...SPASER_SHEETS]) expect(names.filter((x) => x === n)).toHaveLength(1);

    const registre = wb.getWorksheet('SPASER Registre')!;
    const reg = byNumero(recordsFrom(registre, 'N° de marché'));
    expect([...reg.keys()]).toEqual(['2025-001', '2025-002', '2025-003', '2025-004', '2025-005', '2025-006', '2025-007', '2025-008']);
    const headers = Object.keys(reg.get('2025-001')!);
    // The chosen field is written, the other reading of the ambiguous header is not.
    expect(headers).toContain('Clause sociale');
    expect(headers).not.toContain('Clause environnementale');
    expect(reg.get('2025-001')!['Clause sociale']).toBe('oui');
    expect(reg.get('2025-007')!['Clause sociale']).toBe('oui');
    expect(reg.get('2025-002')!['Clause sociale']).toBe('non');
    expect(reg.get('2025-001')!['Considération sociale']).toBe('oui');
    expect(reg.get('2025-003')!['Considération sociale']).toBe('non'); // pending: does not count
    expect(reg.get('2025-002')!['Considération environnementale']).toBe('oui'); // confirmed
    expect(reg.get('2025-007')!['Considération environnementale']).toBe('oui'); // declared critère
    expect(reg.get('2025-005')!.Innovation).toBe('non'); // rejected
    const tags = (n: string): string => String(reg.get(n)!['Étiquettes'] ?? '');
    expect(tags('2025-001')).toMatch(/Clause sociale.*déclaré/);
    expect(tags('2025-002')).toMatch(/Clause environnementale.*confirmé/);
    expect(tags('2025-003')).toMatch(/Marché réservé.*suggéré/);
    expect(tags('2025-005')).not.toMatch(/innovant/i);
    expect(tags('2025-006')).not.toMatch(/Clause sociale/);
    expect(reg.get('2025-003')!.Statut).toBe('Avertissement');
    expect(reg.get('2025-002')!.Statut).toBe('OK');
    expect(reg.get('2025-005')!.Statut).toBe('OK');
    expect(String(reg.get('2025-004')!.Source)).toMatch(/Marchés 2025.*\b6\b/);

    const controles = recordsFrom(wb.getWorksheet('SPASER Contrôles')!, 'Gravité');
    const pending = controles.filter((c) => c.Code === 'suggestion-non-confirmee');
    expect(pending).toHaveLength(1);
    expect(pending[0].Ligne).toBe(5);

    expect(asNumber(indicatorValue(wb, '4.1.2-consideration-sociale'))).toBeCloseTo(37.5, 9);
    expect(asNumber(indicatorValue(wb, '4.2.2-clause-sociale-nb'))).toBe(3);
    expect(asNumber(indicatorValue(wb, '3.1.1-consideration-env'))).toBeCloseTo(25, 9);
    expect(asNumber(indicatorValue(wb, '1.1.2-marches-ar'))).toBe(4);
    expect(asNumber(indicatorValue(wb, '1.1.2-montant-ar'))).toBeCloseTo(50000, 6);
    expect(asNumber(indicatorValue(wb, '5.1.1-montant-moyen-roubaix'))).toBeCloseTo(65000 / 3, 2);

    // SPASER État: very hidden, holds the column choice and the two decisions (not the pending one).
    const { sheets } = await packageSheets(output);
    expect(sheets.find((x) => x.name === 'SPASER État')?.state).toBe('veryHidden');
    const etat = sheetText(wb.getWorksheet('SPASER État')!);
    expect(etat).toContain('Clause sociale et environnementale');
    expect(etat).toContain('2025-002');
    expect(etat).toContain('2025-005');
    expect(etat).not.toContain('2025-003');

    // The user's sheets are copied byte for byte.
    for (const n of ['Marchés 2025', 'Notes']) expect(await sheetPart(output, n)).toBe(await sheetPart(input, n));

    expect(s.errors).toEqual([]);
    expect(english).toEqual([]);
    firstWeek = { input, output };
    await closeAll(s);
  });

  it('week 2: the downloaded file comes back with its choices, and writing again replaces the SPASER sheets', async () => {
    expect(firstWeek).toBeDefined();
    const { input, output: week1 } = firstWeek!;
    const s = await openPane(served.browser, served.url);
    const { page } = s;
    const english: string[] = [];
    await loadFile(page, saveInput('Suivi Sports - semaine 1.xlsx', week1));
    await page.getByRole('region', { name: 'Feuille « Marchés 2025 »' }).waitFor();
    english.push(...(await englishOnPage(page, 'Colonnes (semaine 2)')));

    // The column choice is back, and the buyer is not asked again.
    expect(await selectedText(page, 'Clause sociale')).toBe('Clause sociale et environnementale');
    expect(await page.getByText(/Colonnes ambiguës/).count()).toBe(0);
    // Only the user's sheets are offered as sources, never the SPASER ones.
    expect(await page.getByRole('region', { name: /Feuille « SPASER/ }).count()).toBe(0);

    await goTo(page, '3. Étiquettes');
    await page.getByText('Suggestions à confirmer (1)').waitFor();
    expect(await page.getByRole('button', { name: /Confirmer : .*2025-002/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Confirmer : .*2025-005/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Rétablir.*2025-005/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Confirmer : Marché réservé pour le marché 2025-003' }).count()).toBe(1);
    english.push(...(await englishOnPage(page, 'Étiquettes (semaine 2)')));
    await shot(page, 'w2-etiquettes');

    await goTo(page, '4. Indicateurs');
    expect(await indicator(page, '4.1.2-consideration-sociale')).toContain('37,5 %');
    expect(await indicator(page, '3.1.1-consideration-env')).toContain('25,0 %');
    const outPath = join(served.work, 'Suivi Sports - semaine 2.xlsx');
    await writeAndDownload(page, outPath);
    const week2 = readFileSync(outPath);

    const { sheets } = await packageSheets(week2);
    const names = sheets.map((x) => x.name);
    const week1Names = (await packageSheets(week1)).sheets.map((x) => x.name);
    expect([...names].sort()).toEqual([...week1Names].sort());
    for (const n of SPASER_SHEETS) expect(names.filter((x) => x.toLowerCase() === n.toLowerCase())).toHaveLength(1);
    expect(sheets.find((x) => x.name === 'SPASER État')?.state).toBe('veryHidden');
    // The user's sheets, byte for byte, as in the very first file.
    for (const n of ['Marchés 2025', 'Notes']) expect(await sheetPart(week2, n)).toBe(await sheetPart(input, n));
    // Same input, same choices: same register and same indicators.
    const [a, b] = await Promise.all([readBook(week1), readBook(week2)]);
    // (The source names the file the buyer opened, renamed in between.)
    const regOf = (wb: ExcelJS.Workbook, file: string) =>
      recordsFrom(wb.getWorksheet('SPASER Registre')!, 'N° de marché').map((r) => ({ ...r, Source: String(r.Source).replace(file, '<fichier>') }));
    expect(regOf(b, 'Suivi Sports - semaine 1.xlsx')).toEqual(regOf(a, 'Suivi Sports.xlsx'));
    expect(regOf(b, 'Suivi Sports - semaine 1.xlsx')[0].Source).toBe('<fichier> › Marchés 2025 › ligne 3');
    const ind = (wb: ExcelJS.Workbook): unknown[] => recordsFrom(wb.getWorksheet('SPASER Indicateurs')!, 'Id').map((r) => [r.Id, r.Valeur, r.Statut]);
    expect(ind(b)).toEqual(ind(a));
    // Exactly one Excel table per SPASER sheet that has one: no table left over from week 1.
    const zip = (await packageSheets(week2)).zip;
    const tableNames = await Promise.all(
      Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f)).map(async (f) => /\bname="([^"]+)"/.exec(await zip.file(f)!.async('string'))?.[1]),
    );
    expect(new Set(tableNames).size).toBe(tableNames.length);

    // A rejected decision can be taken back (README: « Rétablir », même lors d'un calcul précédent).
    await goTo(page, '3. Étiquettes');
    await page.getByRole('button', { name: /Rétablir.*2025-005/ }).click();
    await page.getByText('Suggestions à confirmer (2)').waitFor();
    expect(await page.getByRole('button', { name: 'Confirmer : Marché innovant pour le marché 2025-005' }).count()).toBe(1);
    english.push(...(await englishOnPage(page, 'Étiquettes après Rétablir')));

    expect(s.errors).toEqual([]);
    expect(english).toEqual([]);
    await closeAll(s);
  });

  it('maps by hand a column whose header the program does not know (« Sujet » for the objet)', async () => {
    const s = await openPane(served.browser, served.url);
    const { page } = s;
    await loadFile(page, saveInput('Suivi Stade.xlsx', await unknownHeaderWorkbook()));
    // No register without its objet: the pane says so and asks for the sheet, header row and required columns.
    await page.locator('.fui-MessageBar', { hasText: /Aucun registre reconnu dans «\sSuivi Stade\.xlsx\s»/ }).waitFor();
    await page.getByRole('heading', { name: 'Indiquer le registre' }).waitFor();
    await shot(page, 'inconnu-1');
    expect(await selectedText(page, 'Feuille')).toBe('Suivi');
    expect(await selectedText(page, 'Objet du marché (obligatoire)')).toBe('— aucune colonne —');
    // [lead] The three required columns the header row names are pre-filled (found by this test: the buyer
    // had to pick all four): only the objet is left to choose.
    for (const [label, header] of [
      ['N° de marché (obligatoire)', 'N° marché'],
      ['Montant notifié HT (€) (obligatoire)', 'Montant HT'],
      ['Date de notification (obligatoire)', 'Date de notification'],
    ]) {
      expect(await selectedText(page, label)).toBe(header);
    }
    await page.getByRole('combobox', { name: 'Objet du marché (obligatoire)', exact: true }).selectOption({ label: 'Sujet' });
    await page.getByRole('region', { name: 'Feuille « Suivi »' }).waitFor();
    expect(await selectedText(page, 'Objet du marché (obligatoire)')).toBe('Sujet');
    // The optional column is then recognised by itself.
    expect(await selectedText(page, 'Clause sociale')).toBe('Clause sociale');
    await shot(page, 'inconnu-2');

    await goTo(page, '4. Indicateurs');
    // Rows carry the clause: 2 of 4 contracts.
    expect(await indicator(page, '4.2.2-clause-sociale-nb')).toMatch(/\s2\s+Calculé/);
    expect(await indicator(page, '4.2.2-clause-sociale-part')).toContain('50,0 %');
    expect(await indicator(page, '4.1.2-consideration-sociale')).toContain('50,0 %');
    const english = await englishOnPage(page, 'Indicateurs (Sujet)');
    const outPath = join(served.work, 'Suivi Stade - SPASER.xlsx');
    await writeAndDownload(page, outPath);
    const wb = await readBook(readFileSync(outPath));
    const reg = byNumero(recordsFrom(wb.getWorksheet('SPASER Registre')!, 'N° de marché'));
    expect([...reg.values()].map((r) => r['Objet du marché'])).toEqual(['Location de bennes', 'Entretien de la piscine', 'Achat de ballons', 'Gardiennage du stade']);
    expect(asNumber(indicatorValue(wb, '4.2.2-clause-sociale-part'))).toBeCloseTo(50, 9);
    expect(sheetText(wb.getWorksheet('SPASER État')!)).toContain('Sujet');

    // Next week: the choice comes back.
    const again = await openPane(served.browser, served.url);
    await loadFile(again.page, saveInput('Suivi Stade - semaine 2.xlsx', readFileSync(outPath)));
    await again.page.getByRole('region', { name: 'Feuille « Suivi »' }).waitFor();
    expect(await selectedText(again.page, 'Objet du marché (obligatoire)')).toBe('Sujet');
    await goTo(again.page, '4. Indicateurs');
    expect(await indicator(again.page, '4.2.2-clause-sociale-part')).toContain('50,0 %');

    expect(s.errors).toEqual([]);
    expect(again.errors).toEqual([]);
    expect(english).toEqual([]);
    await closeAll(s);
    await closeAll(again);
  });
});

// ---------------------------------------------------------------- scenario 4: bad files

describe('bad files', () => {
  it('says in French what is wrong, without a page error, and the pane stays usable', async () => {
    const s = await openPane(served.browser, served.url);
    const { page } = s;
    const messages: Record<string, string> = {};
    const cases: [string, Buffer][] = [
      ['Compte rendu.xlsx', Buffer.from('Ceci est un compte rendu de réunion, pas un classeur.\n', 'utf8')],
      ['Vide.xlsx', await emptyWorkbook()],
      ['Annuaire.xlsx', await noRegisterWorkbook()],
    ];
    const english: string[] = [];
    for (const [name, bytes] of cases) {
      await loadFile(page, saveInput(name, bytes));
      const alert = page.locator('.fui-MessageBar', { hasText: name });
      await alert.waitFor();
      messages[name] = (await alert.innerText()).trim();
      english.push(...englishIn(messages[name]).map((w) => `${name}: ${w}`));
      english.push(...(await englishOnPage(page, name)));
      await shot(page, `mauvais-${name.replace(/\W+/g, '-')}`);
      // Nothing from the previous file is offered as a register.
      expect(await page.getByRole('button', { name: 'Écrire les feuilles SPASER' }).count()).toBe(0);
    }
    // Each message is French and says something about the workbook.
    for (const [name, m] of Object.entries(messages)) expect({ name, m, ok: /classeur|fichier|registre|feuille/i.test(m) }).toMatchObject({ ok: true });
    // Not an xlsx at all is not the same problem as an xlsx without a register.
    expect(messages['Compte rendu.xlsx']).not.toBe(messages['Annuaire.xlsx']);
    expect(messages['Annuaire.xlsx']).toMatch(/registre|colonne|en-tête/i);

    // Still usable: a good file after the bad ones.
    await loadFile(page, saveInput('Suivi Sports (bis).xlsx', await weeklyWorkbook()));
    await page.getByRole('region', { name: 'Feuille « Marchés 2025 »' }).waitFor();
    expect(await page.getByText(/Compte rendu|Vide\.xlsx|Annuaire/).count()).toBe(0);
    await goTo(page, '4. Indicateurs');
    expect(await indicator(page, '1.1.2-marches-ar')).toMatch(/Calculé/);

    expect(s.errors).toEqual([]);
    expect(english).toEqual([]);
    await closeAll(s);
  });
});

// ---------------------------------------------------------------- scenario 5: consolidation

describe('the SPASER project lead', () => {
  it('consolidates two Pôles with different headers; Pôle names, breakdown and row sources in the file', async () => {
    const s = await openPane(served.browser, served.url);
    const { page } = s;
    const english: string[] = [];
    const lead = await leadWorkbook();
    await loadFile(page, saveInput('Bilan SPASER 2025.xlsx', lead));
    await page.getByRole('button', { name: '5. Consolidation' }).waitFor();
    await goTo(page, '5. Consolidation');
    const ressources = saveInput('Pôle Ressources.xlsx', await poleRessources());
    const solidarites = saveInput('Solidarités.xlsx', await poleSolidarites());
    await page.getByLabel('Classeurs à consolider').setInputFiles([ressources, solidarites]);
    await page.getByRole('region', { name: 'Fichier Pôle Ressources.xlsx' }).waitFor();
    await page.getByRole('region', { name: 'Fichier Solidarités.xlsx' }).waitFor();
    expect(await page.getByLabel('Pôle du fichier « Pôle Ressources.xlsx »').inputValue()).toBe('Pôle Ressources');
    expect(await page.getByLabel('Pôle du fichier « Solidarités.xlsx »').inputValue()).toBe('Solidarités');
    await page.getByLabel('Pôle du fichier « Solidarités.xlsx »').fill('Pôle Solidarités');
    english.push(...(await englishOnPage(page, 'Consolidation')));
    await shot(page, 'conso-1');

    await page.getByRole('button', { name: /^(Importer|Consolider)/ }).click();
    await page.getByRole('heading', { name: /— Indicateurs$/ }).or(page.getByText(/importé/i).first()).waitFor();
    english.push(...(await englishOnPage(page, 'Consolidation importée')));
    await shot(page, 'conso-2');

    await goTo(page, '4. Indicateurs');
    // City: R-2, S-1, S-2 of 6 contracts → 3 and 50 %; Ressources 1/4 = 25 %, Solidarités 2/2 = 100 %.
    expect(await indicator(page, '4.2.2-clause-sociale-nb')).toMatch(/\s3\s+Calculé/);
    expect(await indicator(page, '4.2.2-clause-sociale-part')).toContain('50,0 %');
    const pole = page.getByRole('combobox', { name: 'Pôle' });
    const options = await pole.evaluate((el) => Array.from((el as HTMLSelectElement).options).map((o) => o.textContent));
    expect(options).toEqual(expect.arrayContaining(['Pôle Ressources', 'Pôle Solidarités']));
    await pole.selectOption({ label: 'Pôle Solidarités' });
    expect(await indicator(page, '4.2.2-clause-sociale-part')).toContain('100,0 %');
    await pole.selectOption({ label: 'Pôle Ressources' });
    expect(await indicator(page, '4.2.2-clause-sociale-part')).toContain('25,0 %');
    english.push(...(await englishOnPage(page, 'Indicateurs par Pôle')));

    const outPath = join(served.work, 'Consolidation.xlsx');
    await writeAndDownload(page, outPath);
    const out = readFileSync(outPath);
    const wb = await readBook(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Bilan', 'SPASER Registre', 'SPASER Indicateurs', 'SPASER Pôles']));
    // The lead's own sheet, byte for byte.
    expect(await sheetPart(out, 'Bilan')).toBe(await sheetPart(lead, 'Bilan'));

    // SPASER Pôles: one column per Pôle plus the City total, one row per indicator.
    const poles = wb.getWorksheet('SPASER Pôles')!;
    let headerRow = 0;
    for (let r = 1; r <= 10 && !headerRow; r++) {
      const vals = (poles.getRow(r).values as unknown[]).map(String);
      if (vals.includes('Pôle Ressources') && vals.includes('Pôle Solidarités')) headerRow = r;
    }
    expect(headerRow).toBeGreaterThan(0);
    const header = (poles.getRow(headerRow).values as unknown[]).map((v) => (v == null ? '' : String(v)));
    const colR = header.indexOf('Pôle Ressources');
    const colS = header.indexOf('Pôle Solidarités');
    const colVille = header.findIndex((h) => /ville|total|ensemble/i.test(h));
    expect(colVille).toBeGreaterThan(0);
    let part: ExcelJS.Row | undefined;
    poles.eachRow((row) => {
      if ((row.values as unknown[]).some((v) => typeof v === 'string' && v.includes('4.2.2-clause-sociale-part'))) part = row;
    });
    expect(part).toBeDefined();
    expect(asNumber(part!.getCell(colR).value)).toBeCloseTo(25, 9);
    expect(asNumber(part!.getCell(colS).value)).toBeCloseTo(100, 9);
    expect(asNumber(part!.getCell(colVille).value)).toBeCloseTo(50, 9);

    // SPASER Registre: 6 rows, each with its Pôle and where it came from.
    const reg = byNumero(recordsFrom(wb.getWorksheet('SPASER Registre')!, 'N° de marché'));
    expect([...reg.keys()].sort()).toEqual(['R-1', 'R-2', 'R-3', 'R-4', 'S-1', 'S-2']);
    expect(reg.get('R-2')!['Pôle']).toBe('Pôle Ressources');
    expect(reg.get('S-1')!['Pôle']).toBe('Pôle Solidarités');
    expect(asNumber(reg.get('S-1')!['Montant notifié HT (€)'])).toBe(12500);
    expect(asNumber(reg.get('S-2')!['Montant notifié HT (€)'])).toBeCloseTo(2500.5, 9);
    expect(reg.get('S-2')!['Date de notification']).toBe('2025-09-15');
    // Program's choice (spec silent on imports): the source is the sheet imported into the
    // lead's workbook, named after the Pôle, where the row can be found again.
    expect(names).toEqual(expect.arrayContaining(['Pôle Ressources', 'Pôle Solidarités']));
    expect(reg.get('S-1')!.Source).toBe('Bilan SPASER 2025.xlsx › Pôle Solidarités › ligne 2');
    expect(reg.get('R-3')!.Source).toBe('Bilan SPASER 2025.xlsx › Pôle Ressources › ligne 4');
    const imported = (sheet: string, row: number) => (wb.getWorksheet(sheet)!.getRow(row).values as unknown[]).map((v) => v);
    expect(imported('Pôle Solidarités', 2)).toEqual(expect.arrayContaining(['S-1', 'Portage de repas', 'Pôle Solidarités']));
    expect(imported('Pôle Ressources', 4)).toEqual(expect.arrayContaining(['R-3', 'Licences logicielles', 'Pôle Ressources']));
    expect(asNumber(indicatorValue(wb, '1.1.2-montant-ar'))).toBeCloseTo(3000 + 12500 + 2500.5, 6);
    expect(asNumber(indicatorValue(wb, '4.2.2-clause-sociale-part'))).toBeCloseTo(50, 9);

    expect(s.errors).toEqual([]);
    expect(english).toEqual([]);
    await closeAll(s);
  });
});

/**
 * Protected workbooks in Excel (data safety, « a bad file gets a clear French message »):
 * - a protected structure (Révision › Protéger le classeur) lets no sheet be added: the write
 *   and the import are refused before anything is sent, with a French message saying what to do;
 * - a protected sheet refuses conditional formats: the add-in does not mark its faulty cells (nor
 *   remove its earlier marks) but still writes the SPASER sheets, and names the sheet.
 * Before, the first refusal made the whole run fail (« L'écriture des feuilles SPASER a échoué »)
 * although the sheets were written, and Office's English message was shown.
 */
import { runChain, type ChainOutput } from '../../../src/domain/chain';
import { SHEET_REGISTRE } from '../../../src/domain/plan-types';
import { describeError } from '../../../src/taskpane/errors';
import { ExcelHost } from '../../../src/taskpane/hosts/excel-host';
import { createRibbonRunner, resetRibbonBridge, subscribeRibbonResult, type RibbonSummary } from '../../../src/taskpane/ribbon-bridge';
import { createOfficeWorkbook } from '../../../src/workbook/office';
import { HIGHLIGHT_FILL, HIGHLIGHT_FORMULA } from '../../../src/workbook/office/highlight';
import { WorkbookProtectedError } from '../../../src/workbook/office/write';
import { createExcelDouble, ExcelDoubleError, type ExcelDouble, type SeedSheet } from '../../doubles/excel-double';
import { BOOK, seeds, SHEET } from './spec-office-fixture';

const TODAY = '2026-01-15';
const OTHER = 'Suivi 2024';

const ownMarks = (excel: ExcelDouble, sheet: string) => excel.conditionalFormatsOf(sheet).filter((c) => c.formula === HIGHLIGHT_FORMULA);
const userRules = (excel: ExcelDouble, sheet: string) => excel.conditionalFormatsOf(sheet).filter((c) => c.formula !== HIGHLIGHT_FORMULA).map((c) => c.formula);

/** The fixture's register sheet (faults in row 4), protected or not, and a second register sheet, unprotected. */
function workbook(options: { structureProtected?: boolean; sheetProtected?: boolean; earlierMark?: boolean } = {}): ExcelDouble {
  const [register, notes] = seeds();
  const protectedRegister: SeedSheet = {
    ...register,
    protected: options.sheetProtected ?? false,
    conditionalFormats: [
      ...(register.conditionalFormats ?? []),
      ...(options.earlierMark ? [{ address: 'A3:G3', type: 'Custom', formula: HIGHLIGHT_FORMULA, fill: HIGHLIGHT_FILL }] : []),
    ],
  };
  const other: SeedSheet = { ...register, name: OTHER, conditionalFormats: [] };
  return createExcelDouble({ name: BOOK, structureProtected: options.structureProtected ?? false, sheets: [protectedRegister, other, notes] });
}

async function compute(host: ExcelHost): Promise<ChainOutput> {
  return runChain(await host.read(), { today: TODAY, writesCharts: true });
}

describe('the Excel double models protection (so that a pass below means something)', () => {
  it('a protected structure refuses a new sheet, and says it is protected when asked', async () => {
    const excel = workbook({ structureProtected: true });
    const asked = await excel.run(async (context) => {
      const p = context.workbook.protection.load('protected');
      await context.sync();
      return p.protected;
    });
    expect(asked).toBe(true);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add('Nouvelle');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(excel.sheetNames()).toEqual([SHEET, OTHER, 'Notes']);
  });

  it('a protected sheet refuses a conditional format, an unprotected one takes it', async () => {
    const excel = workbook({ sheetProtected: true });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange('A2').conditionalFormats.add('Custom');
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(ExcelDoubleError);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(OTHER).getRange('A2').conditionalFormats.add('Custom');
      await context.sync();
    });
    expect(excel.conditionalFormatsOf(OTHER)).toHaveLength(1);
  });
});

describe('a workbook whose structure is protected', () => {
  it('the write is refused before anything is sent, in French, and no sheet is added', async () => {
    const excel = workbook({ structureProtected: true });
    const host = new ExcelHost(excel.run as never, null);
    const out = await compute(host);
    const before = excel.syncCount;
    const error = await host.write(out).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookProtectedError);
    // One sync: the sheet list, the date system and the protection, asked together.
    expect(excel.syncCount - before).toBe(1);
    expect(excel.sheetNames()).toEqual([SHEET, OTHER, 'Notes']);
    expect(describeError(error, 'ecriture')).toBe(
      "La structure du classeur est protégée : Excel n'y laisse ajouter ni remplacer aucune feuille, et les feuilles SPASER n'ont pas été écrites. Ôtez la protection (onglet Révision, « Protéger le classeur »), puis relancez ; vos feuilles n'ont pas été modifiées.",
    );
  });

  it('the import is refused without a round trip when the read found the protection, with one when nothing was read', async () => {
    const sheet = { name: 'Pôle Culture', rows: [['N° marché'], ['C-1']] };
    const excel = workbook({ structureProtected: true });
    const read = createOfficeWorkbook(excel.run as never);
    await read.readSheets();
    const before = excel.syncCount;
    await expect(read.importSheets([sheet])).rejects.toBeInstanceOf(WorkbookProtectedError);
    expect(excel.syncCount).toBe(before);

    const cold = createOfficeWorkbook(excel.run as never);
    const error = await cold.importSheets([sheet]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookProtectedError);
    expect(excel.syncCount).toBe(before + 1);
    expect(excel.sheetNames()).toEqual([SHEET, OTHER, 'Notes']);
    expect(describeError(error, 'import')).toBe(
      "La structure du classeur est protégée : Excel n'y laisse ajouter aucune feuille, et aucune n'a été importée. Ôtez la protection (onglet Révision, « Protéger le classeur »), puis relancez l'import.",
    );
  });

  it('an unprotected workbook costs no more round trips to import into than before (the read knew)', async () => {
    const excel = workbook();
    const wb = createOfficeWorkbook(excel.run as never);
    await wb.readSheets();
    const before = excel.syncCount;
    await wb.importSheets([{ name: 'Pôle Culture', rows: [['N° marché'], ['C-1']] }]);
    // The values, then the calculation suspension queued after them.
    expect(excel.syncCount - before).toBe(2);
    expect(excel.sheetNames()).toContain('Pôle Culture');
  });
});

describe('a protected sheet of the user', () => {
  it('the SPASER sheets are written; the protected sheet is not marked and is named; the other sheet is marked', async () => {
    const excel = workbook({ sheetProtected: true });
    const host = new ExcelHost(excel.run as never, null);
    const report = await host.write(await compute(host));
    expect(excel.sheetNames()).toContain(SHEET_REGISTRE);
    expect(ownMarks(excel, SHEET)).toEqual([]);
    expect(ownMarks(excel, OTHER).length).toBeGreaterThan(0);
    expect(userRules(excel, SHEET)).toEqual(['=C2>10000']);
    expect(report).toEqual({
      warning:
        "La feuille « Suivi 2025 » est protégée : ses cellules fautives ne sont pas surlignées (la liste de l'étape Contrôles les donne toutes). Pour les voir surlignées, ôtez la protection (onglet Révision, « Ôter la protection de la feuille »), puis relancez le calcul.",
    });
  });

  it('two protected sheets are named together, in the workbook’s order', async () => {
    const excel = workbook({ sheetProtected: true });
    excel.sheet(OTHER).protected = true;
    const host = new ExcelHost(excel.run as never, null);
    const report = await host.write(await compute(host));
    expect(report?.warning).toMatch(/^Les feuilles « Suivi 2025 », « Suivi 2024 » sont protégées : leurs cellules fautives ne sont pas surlignées/);
  });

  it('without protected sheets nothing is reported', async () => {
    const excel = workbook();
    const host = new ExcelHost(excel.run as never, null);
    await expect(host.write(await compute(host))).resolves.toEqual({});
    expect(ownMarks(excel, SHEET).length).toBeGreaterThan(0);
  });

  it('the removal button leaves the earlier marks of a protected sheet, names it, and removes the others', async () => {
    const excel = workbook({ sheetProtected: true, earlierMark: true });
    const host = new ExcelHost(excel.run as never, null);
    await host.write(await compute(host));
    expect(ownMarks(excel, SHEET)).toHaveLength(1);
    expect(ownMarks(excel, OTHER).length).toBeGreaterThan(0);
    const report = await host.clearHighlights();
    expect(ownMarks(excel, SHEET)).toHaveLength(1);
    expect(ownMarks(excel, OTHER)).toEqual([]);
    expect(report).toEqual({
      warning:
        "La feuille « Suivi 2025 » est protégée : le surlignage du complément y reste. Pour le retirer, ôtez la protection (onglet Révision, « Ôter la protection de la feuille »), puis cliquez à nouveau sur le bouton.",
    });
  });

  it('a protected sheet without faults now but with earlier marks: the warning says the old marks stay, not that faults go unmarked', async () => {
    const [register, notes] = seeds();
    const excel = createExcelDouble({
      name: BOOK,
      sheets: [register, { ...notes, protected: true, conditionalFormats: [{ address: 'B2:C2', type: 'Custom', formula: HIGHLIGHT_FORMULA, fill: HIGHLIGHT_FILL }] }],
    });
    const host = new ExcelHost(excel.run as never, null);
    const report = await host.write(await compute(host));
    expect(ownMarks(excel, 'Notes')).toHaveLength(1);
    expect(report).toEqual({
      warning:
        "Le surlignage d'un calcul précédent reste sur la feuille protégée « Notes » et peut marquer des cellules qui ne sont plus fautives : pour le mettre à jour, ôtez la protection (onglet Révision, « Ôter la protection de la feuille »), puis relancez le calcul.",
    });
  });

  it('a protected sheet with faults and earlier marks: both are said', async () => {
    const excel = workbook({ sheetProtected: true, earlierMark: true });
    const host = new ExcelHost(excel.run as never, null);
    const report = await host.write(await compute(host));
    expect(report).toEqual({
      warning:
        "La feuille « Suivi 2025 » est protégée : ses cellules fautives ne sont pas surlignées (la liste de l'étape Contrôles les donne toutes). Pour les voir surlignées, ôtez la protection (onglet Révision, « Ôter la protection de la feuille »), puis relancez le calcul. Le surlignage d'un calcul précédent reste sur la feuille protégée « Suivi 2025 » et peut marquer des cellules qui ne sont plus fautives.",
    });
  });

  it('a protected sheet with nothing to mark and no earlier mark is not named', async () => {
    const excel = workbook();
    excel.sheet('Notes').protected = true;
    const host = new ExcelHost(excel.run as never, null);
    await expect(host.write(await compute(host))).resolves.toEqual({});
    await expect(host.clearHighlights()).resolves.toEqual({});
  });
});

describe('a highlight Excel refuses is a warning, not a failed write', () => {
  it('the SPASER sheets stay written and the warning says why in French, with the code', async () => {
    const excel = workbook();
    const host = new ExcelHost(excel.run as never, null);
    const out = await compute(host);
    // Write a first time to learn how many syncs the SPASER sheets take, then fail the first sync of the highlight.
    const probe = workbook();
    const probeHost = new ExcelHost(probe.run as never, null);
    const probeOut = await compute(probeHost);
    const start = probe.syncCount;
    await createOfficeWorkbook(probe.run as never).writePlan(probeOut.plan);
    const writeSyncs = probe.syncCount - start;
    excel.failOnSync(writeSyncs + 1);
    const report = await host.write(out);
    expect(excel.sheetNames()).toContain(SHEET_REGISTRE);
    expect(report).toEqual({
      warning:
        "Les cellules fautives n'ont pas pu être surlignées (Excel a rencontré une erreur interne, code Excel GeneralException) ; la liste de l'étape Contrôles les donne toutes. Relancez le calcul pour réessayer le surlignage.",
    });
  });

  it('the ribbon reports the run as done, with the warning beside its summary', async () => {
    resetRibbonBridge();
    const excel = workbook({ sheetProtected: true });
    const host = new ExcelHost(excel.run as never, null);
    const summaries: RibbonSummary[] = [];
    subscribeRibbonResult((s) => summaries.push(s));
    await createRibbonRunner(host, (inputs, options) => runChain(inputs, { ...options, today: TODAY }))();
    expect(summaries).toHaveLength(1);
    expect(summaries[0].echec).toBeNull();
    expect(summaries[0].avertissement).toMatch(/^La feuille « Suivi 2025 » est protégée : ses cellules fautives ne sont pas surlignées/);
    expect(excel.sheetNames()).toContain(SHEET_REGISTRE);
    resetRibbonBridge();
  });
});

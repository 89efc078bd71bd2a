/**
 * Review: an import refused as too large is undone, then tried again in smaller batches.
 * When undoing the first attempt fails, the sheets it added are still there: trying again
 * would collide with them, so the refusal must be reported as it is, not retried.
 */
import { describeError } from '../../../src/taskpane/errors';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { AttemptNotUndoneError } from '../../../src/workbook/office/meter';
import { createExcelDouble } from '../../doubles/excel-double';

/** ~82 bytes of JSON a row. */
const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => [`2025-${String(i).padStart(5, '0')}`, `objet du marché numéro ${i} de la semaine, un peu long`, 1000 + i]);


function setup() {
  const excel = createExcelDouble({ name: 'Conso.xlsx', sheets: [{ name: 'Notes', cells: [['x']] }], payloadLimitBytes: 1_500_000 });
  let runs = 0;
  let failRun = -1;
  const run = (async (fn: unknown) => {
    runs += 1;
    if (runs === failRun) throw new Error('nettoyage impossible (simulé)');
    return (excel.run as unknown as (f: unknown) => Promise<unknown>)(fn);
  }) as unknown as ExcelRunner;
  return { excel, run, failOnRun: (n: number) => (failRun = n) };
}

const sheets = [
  // ~1.15 MB: its own batch, accepted; then ~3.4 MB, refused above Excel's 1.5 MB here.
  { name: 'Pôle A', rows: [['N°', 'Objet', 'Montant'], ...rowsOf(14_000)] },
  { name: 'Pôle B', rows: [['N°', 'Objet', 'Montant'], ...rowsOf(42_000)] },
];

describe('importSheets refused as too large', () => {
  it('is retried in smaller batches when the first attempt was undone', async () => {
    const { excel, run } = setup();
    await createOfficeWorkbook(run).importSheets(sheets);
    expect(excel.sheetNames()).toEqual(['Notes', 'Pôle A', 'Pôle B']);
  });

  it('is not retried when undoing the first attempt failed: the payload refusal is what the user is told', async () => {
    const { excel, run, failOnRun } = setup();
    failOnRun(2); // run 1: the refused attempt, run 2: its clean-up
    const error = await createOfficeWorkbook(run).importSheets(sheets).then(
      () => null,
      (e: unknown) => e,
    );
    // The first attempt's sheets stay, as its clean-up failed (Pôle B added, its rows refused), under
    // their temporary names, never read as registers and removed by the next write; no second attempt
    // collided with them or wrote part of Pôle B.
    expect(excel.sheetNames()).toEqual(['Notes', 'SPASER import 1', 'SPASER import 2']);
    expect(excel.cell('SPASER import 2', 1, 1)?.value ?? null).toBeNull();
    expect(excel.batches.filter((b) => b.requestBytes > 0 && b.requestBytes <= 1_000_000 && b.requestBytes > 100_000)).toHaveLength(0);
    expect(String((error as AttemptNotUndoneError).error)).not.toMatch(/existe|exists|ItemAlreadyExists/i);
    expect(error).toBeInstanceOf(AttemptNotUndoneError);
    expect((error as AttemptNotUndoneError).code).toBe('RequestPayloadSizeLimitExceeded');
    // The user is not told that nothing was added.
    const shown = describeError(error, 'import');
    expect(shown).not.toMatch(/Aucune feuille n.a été ajoutée/);
    expect(shown).toMatch(/^L'import des fichiers a échoué \(le classeur dépasse la taille qu'Excel sur le web échange avec un complément, code Excel RequestPayloadSizeLimitExceeded\), et les feuilles déjà ajoutées n'ont pas pu être retirées : des feuilles « SPASER import … » sont peut-être restées/);
  });
});

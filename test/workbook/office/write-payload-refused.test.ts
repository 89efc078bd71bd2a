/**
 * Excel refuses a request above its payload limit (5 MB on the web). The writer packs its
 * batches under its own budget; if Excel refuses one all the same, the write is undone and
 * tried once more in smaller batches; refused again, the user gets a French message and
 * the previous SPASER sheets stay as they were (nothing half-written).
 */
import type { SheetPlan, WritePlan } from '../../../src/domain/plan-types';
import { SHEET_REGISTRE } from '../../../src/domain/plan-types';
import { describeError } from '../../../src/taskpane/errors';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { PAYLOAD_BUDGET_BYTES, RETRY_BUDGET_BYTES } from '../../../src/workbook/office/limits';
import { PayloadRefusedError } from '../../../src/workbook/office/meter';
import { TEMP_PREFIX } from '../../../src/workbook/office/write';
import { createExcelDouble, type ExcelDouble } from '../../doubles/excel-double';

/** A register sheet of `rows` rows, ~110 bytes of JSON each. */
function registerPlan(rows: number, label: string): WritePlan {
  const values = Array.from({ length: rows }, (_, i) => [`2025-${String(i).padStart(5, '0')}`, `${label} — objet du marché numéro ${i} de la semaine`, 1000 + i]);
  const sheet: SheetPlan = {
    name: SHEET_REGISTRE,
    visibility: 'visible',
    widths: [12, 40, 14],
    blocks: [{ row: 1, col: 1, values: [['N° de marché', 'Objet', 'Montant HT'], ...values] }],
    tables: [],
    links: [],
    charts: [],
  };
  return { sheets: [sheet] };
}

function double(payloadLimitBytes: number): ExcelDouble {
  return createExcelDouble({ name: 'Pôle.xlsx', sheets: [{ name: 'Suivi', cells: [['N°', 'Objet'], ['A', 'o']] }], payloadLimitBytes });
}

async function writeWeeks(excel: ExcelDouble): Promise<ReturnType<typeof createOfficeWorkbook>> {
  const wb = createOfficeWorkbook(excel.run as unknown as ExcelRunner);
  await wb.readSheets();
  return wb;
}

// ~2.2 MB of values: one batch under the usual budget (4 MB), two under the retry budget (1 MB).
const ROWS = 20_000;

describe('a write batch refused by Excel as too large', () => {
  it('is tried again in smaller batches, and the whole plan is written', async () => {
    // Excel here accepts at most 1.5 MB a request: our 4 MB batches are refused, 1 MB ones are not.
    const excel = double(1_500_000);
    const wb = await writeWeeks(excel);
    await wb.writePlan(registerPlan(ROWS, 'semaine 1'));
    expect(excel.sheetNames()).toEqual(['Suivi', SHEET_REGISTRE]);
    expect(excel.cell(SHEET_REGISTRE, ROWS + 1, 2)?.value).toBe(`semaine 1 — objet du marché numéro ${ROWS - 1} de la semaine`);
    const refused = excel.batches.filter((b) => b.requestBytes > 1_500_000);
    expect(refused.length).toBe(1);
    expect(refused[0].requestBytes).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    // After the refusal, every batch stayed within the retry budget.
    const after = excel.batches.slice(excel.batches.indexOf(refused[0]) + 1);
    expect(after.every((b) => b.requestBytes <= RETRY_BUDGET_BYTES)).toBe(true);
  });

  it('refused at every size: a French message, last week’s sheets intact, no temporary sheet left', async () => {
    const excel = double(600_000);
    // Last week's output, written while Excel still took it (small plan).
    const wb = await writeWeeks(excel);
    await wb.writePlan(registerPlan(10, 'semaine 1'));
    const before = excel.cell(SHEET_REGISTRE, 11, 2)?.value;
    expect(before).toBe('semaine 1 — objet du marché numéro 9 de la semaine');

    const error = await wb.writePlan(registerPlan(ROWS, 'semaine 2')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PayloadRefusedError);
    expect(excel.sheetNames()).toEqual(['Suivi', SHEET_REGISTRE]);
    expect(excel.sheetNames().some((n) => n.startsWith(TEMP_PREFIX))).toBe(false);
    expect(excel.cell(SHEET_REGISTRE, 11, 2)?.value).toBe(before);
    expect(excel.cell(SHEET_REGISTRE, 12, 2)?.value ?? null).toBeNull();
    // The pane shows the message as is: French, no Office error code.
    const shown = describeError(error, 'ecriture');
    expect(shown).toMatch(/^Excel a refusé l'écriture/);
    expect(shown).toContain("Aucune feuille n'a été modifiée");
    expect(shown).not.toMatch(/PayloadSizeLimit|Request|Exceeded/);
  });

  it('another error is not retried: it is reported at once', async () => {
    const excel = double(5_000_000);
    const wb = await writeWeeks(excel);
    const syncs = excel.syncCount;
    excel.failAt.add(syncs + 3);
    await expect(wb.writePlan(registerPlan(100, 'x'))).rejects.toThrow(/échec simulé/);
    // One attempt and its clean-up only: the plan's sheet never reached the workbook.
    expect(excel.sheetNames()).toEqual(['Suivi']);
    expect(excel.batches.filter((b) => b.index > syncs).length).toBeLessThan(8);
  });
});

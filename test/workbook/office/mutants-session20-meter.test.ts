/**
 * Session-20 mutation audit of the Office.js round-trip accounting (`src/workbook/office/meter.ts`).
 * README « Performances »: the writer sends batches of at most 4 MB (Excel on the web refuses more
 * than 5 MB a request). What a batch weighs is the UTF-8 length of its JSON, as Excel receives it; French
 * text is full of two-byte letters (é, à, ç), and `€` takes three bytes. The budget is made 30,000 bytes
 * here, so that a few hundred rows fill a batch.
 */
jest.mock('../../../src/workbook/office/limits', () => {
  const actual = jest.requireActual('../../../src/workbook/office/limits');
  return { ...actual, PAYLOAD_BUDGET_BYTES: 30_000, RETRY_BUDGET_BYTES: 7_500, WRITE_BUDGETS: [30_000, 7_500] };
});

import { SHEET_REGISTRE, type WritePlan } from '../../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../../src/workbook/office';
import { jsonSize } from '../../../src/workbook/office/meter';
import type { ImportSheet } from '../../../src/taskpane/consolidation';
import type { HostProgress } from '../../../src/taskpane/host';
import { ExcelHost } from '../../../src/taskpane/hosts/excel-host';
import { createExcelDouble } from '../../doubles/excel-double';

const BUDGET = 30_000;

describe('jsonSize: the UTF-8 bytes of the JSON text', () => {
  it.each([
    // `"a"`: two quotes and one ASCII letter.
    ['a', 3],
    // é (U+00E9) takes 2 bytes in UTF-8.
    ['é', 4],
    // € (U+20AC) takes 3 bytes.
    ['€', 5],
    // 😀 (U+1F600, two UTF-16 units) takes 4 bytes.
    ['😀', 6],
    // 2 quotes + 1 + 2 + 3 + 4.
    ['aé€😀', 12],
  ])('%s weighs %i bytes', (text, bytes) => {
    expect(jsonSize(text)).toBe(bytes);
  });
});

describe('the writer’s batches stay under the budget with French text', () => {
  it('a register of accented texts is sent in batches of at most the budget, as Excel counts them', async () => {
    // 300 rows of ~300 bytes (texts of « é », 2 bytes each): ~90,000 bytes, three batches or more.
    // Counting « é » as one byte would pack twice as many rows a batch: ~60,000 bytes, twice the budget.
    const rows = Array.from({ length: 300 }, (_, i) => [`2025-${i}`, 'é'.repeat(60), 'Élément réservé à l’économie'.repeat(2)]);
    const plan: WritePlan = {
      sheets: [{ name: SHEET_REGISTRE, visibility: 'visible', widths: [], blocks: [{ row: 1, col: 1, values: rows }], tables: [], links: [], charts: [] }],
    };
    const excel = createExcelDouble({ name: 'Pôle.xlsx', sheets: [{ name: 'Suivi', cells: [['N°'], ['A']] }] });
    await createOfficeWorkbook(excel.run as unknown as ExcelRunner).writePlan(plan);
    expect(excel.cell(SHEET_REGISTRE, 300, 2)?.value).toBe('é'.repeat(60));
    expect(excel.batches.length).toBeGreaterThan(3);
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(BUDGET);
  });
});

describe('the progress of a write with no cell to write', () => {
  it('an import of a sheet without any row tells no percent: 0 cells of 0 is no fraction (never « NaN % »)', async () => {
    // README: the bar says how far the write has gone « en cellules écrites ». A consolidation may copy a
    // sheet without rows (copied empty); no cell is written, so there is no percent to tell.
    const excel = createExcelDouble({ name: 'Chef.xlsx', sheets: [{ name: 'Notes', cells: [['Mes notes']] }] });
    const host = new ExcelHost(excel.run as never, null);
    const seen: HostProgress[] = [];
    host.onProgress((p) => seen.push(p));
    const empty: ImportSheet = { name: 'Vide', kind: 'registre', source: { file: 'Pôle.xlsx', sheet: 'Vide' }, rows: [] };
    await host.importSheets([empty]);
    expect(excel.sheetNames()).toEqual(['Notes', 'Vide']);
    expect(seen.filter((p) => !(p.fraction >= 0 && p.fraction <= 1))).toEqual([]);
  });
});


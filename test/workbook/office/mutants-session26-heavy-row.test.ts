/**
 * Session-26 mutation audit of the Office reader's refused syncs (`read.ts` `readCells`, `readHeavyRow`):
 * behaviours no test held, each killing a hand-applied mutant that survived the existing tests.
 * README « Performances », Office.js: « Un bloc qu'Excel refuse pour sa taille est relu plus petit (au
 * plus un quart […]) ; une ligne seule encore refusée […] est lue par morceaux de colonnes […] au lieu
 * de faire échouer la lecture. »
 */
import { createOfficeWorkbook, type ExcelRunner, type OfficeProgress } from '../../../src/workbook/office';
import { errorCode } from '../../../src/workbook/office/meter';
import { createExcelDouble, type SeedCell } from '../../doubles/excel-double';

const LONG = 'é'.repeat(32_767); // Excel's longest cell text, ~64 KB of JSON
// 201 columns: ~13 MB, its halves (~6.5 MB) refused too, then pieces of 51 columns, the last one shorter.
const WIDE = 201;
const SERIAL_1904 = 44196; // 2025-01-01 in the 1904 date system (1462 days less than in 1900)

function heavyBook() {
  const heavy: SeedCell[] = Array.from({ length: WIDE }, (_, i): SeedCell => (i === 0 ? 'longue' : i === WIDE - 1 ? { v: SERIAL_1904, nf: 'dd/mm/yyyy' } : LONG));
  return createExcelDouble({
    date1904: true,
    sheets: [
      { name: 'Suivi', cells: [['N° marché', 'Objet'], ['M-1', 'Papier']] },
      // Starts at B3, and its heavy row is the last row read.
      { name: 'Notes', at: { row: 3, col: 2 }, cells: [['Titre', ...Array.from({ length: WIDE - 1 }, (_, i) => `colonne ${i + 2}`)], heavy] },
    ],
  });
}

const run = (excel: ReturnType<typeof createExcelDouble>) => excel.run as unknown as ExcelRunner;

describe('a row whose halves Excel refuses too', () => {
  it('is read whole, on its own row and columns, its date in the workbook\'s 1904 system, no row added', async () => {
    const excel = heavyBook();
    const wb = createOfficeWorkbook(run(excel));
    const seen: OfficeProgress[] = [];
    wb.onProgress = (p) => seen.push(p);
    const grids = await wb.readSheets();
    const notes = grids.find((g) => g.name === 'Notes');
    expect([notes?.firstRow, notes?.firstCol]).toEqual([3, 2]);
    expect(notes?.rows).toHaveLength(2);
    const row = notes?.rows[1] ?? [];
    expect(row).toHaveLength(WIDE);
    expect(row[0]).toBe('longue');
    expect(row.slice(1, WIDE - 1).every((v) => v === LONG)).toBe(true);
    expect(row[WIDE - 1]).toEqual({ date: '2025-01-01' });
    expect(grids.find((g) => g.name === 'Suivi')?.rows).toEqual([['N° marché', 'Objet'], ['M-1', 'Papier']]);
    // A half of the row (~6.5 MB, the whole row ~13 MB) was refused: the pieces were halved again.
    expect(excel.batches.some((b) => b.responseBytes > excel.payloadLimitBytes && b.responseBytes < 8_000_000)).toBe(true);
    // README « la progression est dite bloc par bloc »: it reaches every cell, the heavy row's included.
    const total = 2 * WIDE + 4;
    expect(seen.at(-1)).toEqual({ phase: 'lecture', done: total, total });
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1].done)).toBe(true);
  });

  it('a sync failing for another reason than its size fails the read, whichever sync it is', async () => {
    // Only a size refusal is read again smaller; any other failure is told (README « Les erreurs d'Office.js sont dites par leur code »).
    const probe = heavyBook();
    await createOfficeWorkbook(run(probe)).readSheets();
    const syncs = probe.syncCount;
    expect(syncs).toBeGreaterThan(6);
    // From the third sync: the first two (structure) are asked once more on failure (merged areas).
    for (let n = 3; n <= syncs; n++) {
      const excel = heavyBook();
      excel.failOnSync(n);
      await expect(createOfficeWorkbook(run(excel)).readSheets()).rejects.toThrow(/simulé/);
    }
  });
});

describe('a single cell heavier than what Excel accepts', () => {
  it('fails the read with Excel\'s size code instead of asking again forever', async () => {
    // A payload limit under one cell (65 KB of JSON): no piece can pass. Sync 300 would fail with
    // another code: a reader still asking by then would not end with the size error.
    const excel = createExcelDouble({ payloadLimitBytes: 50_000, sheets: [{ name: 'Notes', cells: [['Titre'], [LONG]] }] });
    excel.failOnSync(300);
    const error = await createOfficeWorkbook(run(excel)).readSheets().then(
      () => null,
      (e: unknown) => e,
    );
    expect(errorCode(error)).toBe('ResponsePayloadSizeLimitExceeded');
  });
});

describe('a refused block of the full size', () => {
  it('is read again with at most a quarter of its cells', async () => {
    // 25 000 rows of ~620 bytes: the first block (the budget at the first guess) weighs ~14 MB.
    const text = 'é'.repeat(300);
    const excel = createExcelDouble({ sheets: [{ name: 'Long', cells: Array.from({ length: 25_000 }, (_, i) => [i, text, `ligne ${i}`]) }] });
    const grids = await createOfficeWorkbook(run(excel)).readSheets();
    expect(grids[0].rows).toHaveLength(25_000);
    const reads = excel.batches.filter((b) => b.responseBytes > 0);
    const refused = reads.flatMap((b, i) => (b.responseBytes > excel.payloadLimitBytes && i + 1 < reads.length ? [i] : []));
    expect(refused.length).toBeGreaterThan(0);
    // Rows of one weight: a quarter of the cells weighs a quarter (digits of the row numbers apart).
    for (const i of refused) expect(reads[i + 1].responseBytes).toBeLessThanOrEqual(reads[i].responseBytes * 0.26);
  });
});

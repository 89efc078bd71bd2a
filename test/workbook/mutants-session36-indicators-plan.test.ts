/**
 * Session 36, mutation audit of session 35's `SPASER Indicateurs` plan (README « En-tête figé des
 * indicateurs », impression du rapport): the header is frozen when it is at row 10 at most, not at
 * row 11; a chart whose data table runs longer than a page's rest starts a new page.
 */
import { demoChain } from '../helpers/demo-chain';
import type { ChainOutput } from '../../src/domain/chain';
import { buildPlan, INDICATOR_HEADERS } from '../../src/domain/plan';
import { CONSIDERATION_IDS } from '../../src/domain/national-reference';
import { SHEET_INDICATEURS, type SheetPlan, type WritePlan } from '../../src/domain/plan-types';

const BOOK = 'Consolidation SPASER 2025.xlsx';
const indicators = (plan: WritePlan): SheetPlan => plan.sheets.find((s) => s.name === SHEET_INDICATEURS)!;
const headerRow = (sheet: SheetPlan): number => sheet.blocks.find((b) => b.style === 'entete' && b.values[0][0] === INDICATOR_HEADERS[0])!.row;

describe('SPASER Indicateurs, at the bounds', () => {
  let out: ChainOutput;
  beforeAll(async () => {
    out = await demoChain();
  }, 60_000);
  const input = () => ({ register: out.register, result: out.result, state: out.state, workbookName: BOOK, sourceSheetsInWorkbook: new Set<string>(), today: '2026-01-15' });

  it('the demo header at row 10 is frozen; one more remark line puts it at row 11: not frozen', () => {
    expect(indicators(buildPlan({ ...input(), remarks: out.remarks })).freezeRows).toBe(10);
    const sheet = indicators(buildPlan({ ...input(), remarks: [...out.remarks, 'Une remarque courte.'] }));
    expect([headerRow(sheet), sheet.freezeRows]).toEqual([11, undefined]);
  });

  it('a chart of 45 Pôles (a data table of 46 rows, longer than the chart) starts its own page', () => {
    const poles = Object.fromEntries(Array.from({ length: 45 }, (_, k) => [`Pôle ${k + 1}`, 10 + k]));
    const ids = new Set<string>(Object.values(CONSIDERATION_IDS));
    const result = { ...out.result, indicateurs: out.result.indicateurs.map((i) => (ids.has(i.id) ? { ...i, parPole: poles } : i)) };
    const sheet = indicators(buildPlan({ ...input(), result }));
    const chart = sheet.charts.find((c) => c.id === 'considerations-poles')!;
    // Its title is the row above its data; from there to its data's last row, one page.
    const title = chart.data.row - 1;
    const last = chart.data.row + chart.data.rowCount - 1;
    const breaks = sheet.print!.breaksBefore!;
    // The plan cuts the pages itself (session 36): a data table longer than the rest of a page starts one
    // at its title, and the chart beside it is never cut (the table alone may run on, being longer than a page).
    expect(breaks).toContain(title);
    expect(breaks.filter((b) => b > title && b <= chart.anchor.row + chart.anchor.height)).toEqual([]);
    expect(last).toBeGreaterThan(chart.anchor.row + chart.anchor.height);
  });
});

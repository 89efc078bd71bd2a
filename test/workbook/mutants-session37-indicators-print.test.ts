/**
 * Session 37, mutation audit of session 36's print layout of `SPASER Indicateurs`: the scale and the
 * page height as computed by hand (A4 landscape, 7 pixels of 0.75 pt a character, the margins in
 * inches), the charts over columns H:L, and pages cut only where they must be: a page ends early only
 * before a forced break (breakdowns, charts) or a title whose table would not fit below.
 */
import { demoChain } from '../helpers/demo-chain';
import type { ChainOutput } from '../../src/domain/chain';
import { buildPlan, INDICATOR_HEADERS, INDICATOR_MARGINS, INDICATOR_WIDTHS, printedPagePoints, printedScale } from '../../src/domain/plan';
import { CONSIDERATION_IDS } from '../../src/domain/national-reference';
import { LINE_HEIGHT, SHEET_INDICATEURS, type SheetPlan, type WritePlan } from '../../src/domain/plan-types';

const BOOK = 'Consolidation SPASER 2025.xlsx';
const indicators = (plan: WritePlan): SheetPlan => plan.sheets.find((s) => s.name === SHEET_INDICATEURS)!;
const NONE = { left: 0, right: 0, top: 0, bottom: 0, header: 0, footer: 0 };

describe('the printed scale and page, by hand', () => {
  it('the widths of the sheet (213 characters, 1 118,25 pt) print at 72 % within 0,25 in side margins', () => {
    expect(INDICATOR_WIDTHS.reduce((a, b) => a + b, 0)).toBe(213);
    // (841,9 − 2 × 18) / 1 118,25 = 0,7206…
    expect(printedScale(INDICATOR_WIDTHS, INDICATOR_MARGINS)).toBe(72);
    // 841,9 / (200 × 5,25) = 0,8018…: whole, rounded down.
    expect(printedScale([200], NONE)).toBe(80);
    // A narrow sheet prints at 100 %, never enlarged.
    expect(printedScale([10, 10], INDICATOR_MARGINS)).toBe(100);
  });

  it('a page holds (595,3 − 2 × 54) × 100 / scale points of rows, less two lines', () => {
    // 48 730 / 72 = 676,8…
    expect(printedPagePoints(72, INDICATOR_MARGINS)).toBe(676 - 2 * LINE_HEIGHT);
    expect(printedPagePoints(100, NONE)).toBe(595 - 2 * LINE_HEIGHT);
  });
});

describe('SPASER Indicateurs: charts over H:L, pages cut only where they must be', () => {
  let out: ChainOutput;
  beforeAll(async () => {
    out = await demoChain();
  }, 60_000);
  const input = () => ({ register: out.register, result: out.result, state: out.state, workbookName: BOOK, sourceSheetsInWorkbook: new Set<string>(), today: '2026-01-15' });

  it('each chart runs from column H to the last column, L, right of its data in C:F', () => {
    const sheet = indicators(out.plan);
    expect(sheet.charts.length).toBeGreaterThan(0);
    for (const c of sheet.charts) {
      expect([c.id, c.anchor.col, c.anchor.col + c.anchor.width - 1]).toEqual([c.id, 8, INDICATOR_HEADERS.length]);
      expect(c.data.col + c.data.colCount - 1).toBeLessThanOrEqual(6);
    }
  });

  /** Pages as the plan must cut them, checked row by row: full, except before a forced break or a title kept with its table. */
  function checkPages(sheet: SheetPlan, label: string): void {
    const breaks = sheet.print!.breaksBefore!;
    const header = sheet.blocks.find((b) => b.style === 'entete' && b.values[0][0] === INDICATOR_HEADERS[0])!.row;
    const scale = printedScale(sheet.widths, INDICATOR_MARGINS);
    const page = printedPagePoints(scale, INDICATOR_MARGINS);
    const tall = new Map((sheet.tallRows ?? []).map((t) => [t.row, t.lines * LINE_HEIGHT]));
    const titles = sheet.blocks.filter((b) => b.style === 'titre');
    const height = (r: number): number => tall.get(r) ?? (titles.some((t) => t.row === r) ? 18.75 : LINE_HEIGHT);
    const span = (a: number, b: number): number => {
      let p = 0;
      for (let r = a; r <= b; r++) p += height(r);
      return p;
    };
    const top = (r: number): number => (r > header ? height(header) : 0);
    const forced = titles.filter((t) => t.values[0][0] === 'Répartitions' || t.values[0][0] === 'Graphiques').map((t) => t.row);
    const last = Math.max(...sheet.blocks.map((b) => b.row + b.values.length - 1), ...sheet.charts.map((c) => c.anchor.row + c.anchor.height - 1));
    // What must stay with a title: an axe's first indicator; a table whole, or its header and first row when longer than a page; a chart whole.
    const kept = new Map<number, { last: number; atLeast?: number }>();
    for (const b of sheet.blocks.filter((x) => x.style === 'axe' && x.row > header)) {
      if (b.col === 1) kept.set(b.row, { last: b.row + 1 });
      else {
        const chart = sheet.charts.find((c) => c.data.row === b.row + 1);
        if (chart) kept.set(b.row, { last: Math.max(chart.data.row + chart.data.rowCount - 1, chart.anchor.row + chart.anchor.height - 1) });
        else {
          const rows = sheet.blocks.find((x) => x.row === b.row + 2 && x.col === b.col)!;
          kept.set(b.row, { last: rows.row + rows.values.length - 1, atLeast: b.row + 2 });
        }
      }
    }
    for (const f of forced) expect([label, f, breaks.includes(f)]).toEqual([label, f, true]);
    // A title's table (or chart) that fits on a page is whole on one.
    for (const [first, g] of kept) {
      if (top(first) + span(first, g.last) > page) continue;
      expect([label, first, breaks.filter((r) => r > first && r <= g.last)]).toEqual([label, first, []]);
    }
    [1, ...breaks, last + 1].forEach((start, k, all) => {
      if (k === all.length - 1) return;
      const end = all[k + 1] - 1;
      const used = top(start) + span(start, end);
      // No page over-full, unless a single row.
      expect([label, start, used <= page || start === end]).toEqual([label, start, true]);
      const next = all[k + 1];
      if (next > last || forced.includes(next)) return;
      const group = kept.get(next);
      let need = height(next);
      if (group !== undefined) {
        const whole = span(next, group.last);
        need = group.atLeast !== undefined && top(next) + whole > page ? span(next, group.atLeast) : whole;
      }
      // The page ends here only because the next row, or the start of the next table, would not fit.
      expect([label, next, used + need > page]).toEqual([label, next, true]);
    });
  }

  it('whatever the rows above (0 to 14 remarks), every page is as full as it may be', () => {
    for (let n = 0; n <= 14; n++) {
      const remarks = Array.from({ length: n }, (_, k) => `Remarque ${k + 1}.`);
      checkPages(indicators(buildPlan({ ...input(), remarks })), `${n} remarques`);
    }
  });

  it('a breakdown longer than a page keeps its title, header and first row on the page it starts', () => {
    const at = out.result.indicateurs.findIndex((i) => i.repartition !== null && Object.values(i.repartition).every((v) => typeof v === 'number'));
    expect(at).toBeGreaterThanOrEqual(0);
    const long = Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`Catégorie ${k + 1}`, k + 1]));
    const result = { ...out.result, indicateurs: out.result.indicateurs.map((i, k) => (k === at ? { ...i, repartition: long } : i)) };
    const sheet = indicators(buildPlan({ ...input(), result }));
    const title = sheet.blocks.find((b) => b.style === 'axe' && b.values[0][0] === out.result.indicateurs[at].libelle && b.col === 3)!;
    const rows = sheet.blocks.find((b) => b.row === title.row + 2)!;
    expect(rows.values.length).toBe(60);
    const breaks = sheet.print!.breaksBefore!;
    expect(breaks.filter((r) => r > title.row && r <= title.row + 2)).toEqual([]);
    checkPages(sheet, 'long');
  });

  it('a breakdown that fits a page alone, not below the repeated header, keeps only its start with its title', () => {
    const at = out.result.indicateurs.findIndex((i) => i.repartition !== null && Object.values(i.repartition).every((v) => typeof v === 'number'));
    const planWith = (n: number): SheetPlan => {
      const rep = Object.fromEntries(Array.from({ length: n }, (_, k) => [`Catégorie ${k + 1}`, k + 1]));
      return indicators(buildPlan({ ...input(), result: { ...out.result, indicateurs: out.result.indicateurs.map((i, k) => (k === at ? { ...i, repartition: rep } : i)) } }));
    };
    const probe = planWith(60);
    const title = probe.blocks.find((b) => b.style === 'axe' && b.values[0][0] === out.result.indicateurs[at].libelle && b.col === 3)!.row;
    const tall = new Map((probe.tallRows ?? []).map((t) => [t.row, t.lines * LINE_HEIGHT]));
    const head = (tall.get(title) ?? LINE_HEIGHT) + (tall.get(title + 1) ?? LINE_HEIGHT);
    const page = printedPagePoints(printedScale(probe.widths, INDICATOR_MARGINS), INDICATOR_MARGINS);
    // The one number of rows for which the table is at most a page, but over it with the repeated header (15 pt).
    const n = Math.floor((page - head) / LINE_HEIGHT);
    expect(head + n * LINE_HEIGHT).toBeGreaterThan(page - LINE_HEIGHT);
    const sheet = planWith(n);
    expect(sheet.blocks.find((b) => b.row === title + 2)!.values.length).toBe(n);
    checkPages(sheet, `${n} catégories`);
  });

  it('a breakdown longer than a page below another of 1 to 40 rows: its title, header and first row always on one page', () => {
    const numeric = out.result.indicateurs.flatMap((i, k) => (i.repartition !== null && Object.values(i.repartition).every((v) => typeof v === 'number') ? [k] : []));
    expect(numeric.length).toBeGreaterThanOrEqual(2);
    const [before, long] = numeric;
    const rep = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, k) => [`Catégorie ${k + 1}`, k + 1]));
    for (let m = 1; m <= 40; m++) {
      const result = { ...out.result, indicateurs: out.result.indicateurs.map((i, k) => (k === before ? { ...i, repartition: rep(m) } : k === long ? { ...i, repartition: rep(60) } : i)) };
      const sheet = indicators(buildPlan({ ...input(), result }));
      const title = sheet.blocks.find((b) => b.style === 'axe' && b.values[0][0] === out.result.indicateurs[long].libelle && b.col === 3)!.row;
      expect([m, sheet.print!.breaksBefore!.filter((r) => r > title && r <= title + 2)]).toEqual([m, []]);
      checkPages(sheet, `${m} lignes avant`);
    }
  });

  it('columns widened for big numbers print smaller: the pages hold more rows, a title’s 18,75 pt counted', () => {
    const at = out.result.indicateurs.findIndex((i) => i.valeur !== null);
    const long = out.result.indicateurs.findIndex((i) => i.repartition !== null && Object.values(i.repartition).every((v) => typeof v === 'number'));
    const rep = Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`Catégorie ${k + 1}`, k + 1]));
    for (const big of [1e9, 1e10, 1e11, 1e12, 1e14]) {
      const result = {
        ...out.result,
        indicateurs: out.result.indicateurs.map((i, k) => (k === at ? { ...i, valeur: big + 0.5, n1: big + 0.5 } : k === long ? { ...i, repartition: rep } : i)),
      };
      for (let n = 0; n <= 14; n += 2) {
        const remarks = Array.from({ length: n }, (_, k) => `Remarque ${k + 1}.`);
        const sheet = indicators(buildPlan({ ...input(), result, remarks }));
        expect(printedScale(sheet.widths, INDICATOR_MARGINS)).toBeLessThan(printedScale(INDICATOR_WIDTHS, INDICATOR_MARGINS));
        checkPages(sheet, `${big}, ${n} remarques`);
      }
    }
  });

  it('a chart of 10 to 60 Pôles, the last of the sheet: pages cut where they must be, to its last row', () => {
    const ids = new Set<string>(Object.values(CONSIDERATION_IDS));
    for (let p = 10; p <= 60; p++) {
      const poles = Object.fromEntries(Array.from({ length: p }, (_, k) => [`Pôle ${k + 1}`, 10 + k]));
      const result = { ...out.result, indicateurs: out.result.indicateurs.map((i) => (ids.has(i.id) ? { ...i, parPole: poles } : i)) };
      checkPages(indicators(buildPlan({ ...input(), result })), `${p} Pôles`);
    }
  });
});

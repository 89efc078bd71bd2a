/**
 * A mean shown with its decimal everywhere (README « Valeurs affichées et typographie »): the number
 * of soumissionnaires of the demo is 2,96… (shown 3,0) against exactly 3 in N−1. `SPASER
 * Indicateurs` formats the row `0,0`, so the pane and the command line say « 3,0 — N−1 : 3,0
 * (évolution : 0,0) », not « 3,0 — N−1 : 3 (évolution : 0) ».
 */
import { runChain } from '../../src/domain/chain';
import { formatChange, formatValue, rowDecimals } from '../../src/domain/change';
import type { IndicatorResult } from '../../src/domain/model';
import { FORMAT_DECIMAL, FORMAT_NUMBER, SHEET_INDICATEURS, SHEET_POLES } from '../../src/domain/plan-types';
import { buildPlan } from '../../src/domain/plan';
import { INDICATORS, makeResult, planInput } from './fixtures/plan-fixtures';
import { formatIndicatorValue } from '../../src/cli/format';
import { buildSampleWorkbooks } from '../../src/cli/samples';
import { comparisonLines } from '../../src/taskpane/labels';
import { shownIndicator } from '../../src/taskpane/components/IndicateursStep';
import { chainInput } from '../acceptance/helpers';

const ID = '2.2.3-soumissionnaires';

describe('digits of an indicator row', () => {
  it('a count has none, a row holding a mean has one for all its numbers', () => {
    expect(rowDecimals('nombre', [3, 4])).toBe(0);
    expect(rowDecimals('nombre', [2.8, 3])).toBe(1);
    expect(rowDecimals('nombre', [null, 3])).toBe(0);
    expect(rowDecimals('€', [3, 4])).toBe(2);
    expect(rowDecimals('%', [30, 40])).toBe(1);
    expect(formatValue(3, 'nombre')).toBe('3');
    expect(formatValue(3, 'nombre', [2.8, 3])).toBe('3,0');
    expect(formatChange(0, 'nombre', [3, 3])).toBe('0');
    expect(formatChange(-0.2, 'nombre', [2.8, 3])).toBe('−0,2');
    expect(formatChange(0.02, 'nombre', [3.02, 3])).toBe('0,0');
  });

  it('the demo\'s mean of soumissionnaires: sheet, pane and command line show one decimal for value, N−1 and change', async () => {
    const inputs = await Promise.all(buildSampleWorkbooks().map(async ({ name, wb }) => chainInput(name, new Uint8Array(await wb.xlsx.writeBuffer()))));
    const out = runChain(inputs, { today: '2026-01-15' });
    const ind = out.result.indicateurs.find((i) => i.id === ID) as IndicatorResult;
    // The case itself: a mean against a whole N−1.
    expect(Number.isInteger(ind.valeur)).toBe(false);
    expect(Number.isInteger(ind.n1)).toBe(true);

    const sheet = out.plan.sheets.find((s) => s.name === SHEET_INDICATEURS);
    const block = sheet?.blocks.find((b) => b.values.some((r) => r[0] === ID));
    expect(block?.formats?.[3]).toBe(FORMAT_DECIMAL);
    // Counts around it keep their whole numbers.
    const count = sheet?.blocks.find((b) => b.values.some((r) => r[0] === '2.2.3-fiches-suivi'));
    expect(count?.formats?.[3]).toBe(FORMAT_NUMBER);

    const oneDecimal = /^\d+,\d — N−1 : \d+,\d \(évolution : [+−]?\d+,\d\)( — couverture : .*)?$/;
    expect(formatIndicatorValue(ind)).toMatch(oneDecimal);
    expect(`${formatValue(ind.valeur, ind.unite, [ind.valeur, ind.n1])} — ${comparisonLines(ind)[0]}`.replace(/\u00a0/g, ' ')).toMatch(oneDecimal);
  });

  it('a whole change between two means keeps the decimal too (3,5 against 2,5: +1,0)', async () => {
    const inputs = await Promise.all(buildSampleWorkbooks().map(async ({ name, wb }) => chainInput(name, new Uint8Array(await wb.xlsx.writeBuffer()))));
    const ind = { ...(runChain(inputs, { today: '2026-01-15' }).result.indicateurs.find((i) => i.id === ID) as IndicatorResult), valeur: 3.5, n1: 2.5 };
    expect(formatIndicatorValue({ ...ind, couverture: { renseignees: 1, total: 1 } })).toBe('3,5 — N−1 : 2,5 (évolution : +1,0)');
    expect(comparisonLines(ind)).toEqual(['N−1\u00a0: 2,5 (évolution\u00a0: +1,0)']);
  });

  it('the pane\'s value itself: the digits of the sheets\' row (value, City N−1, every Pôle); a Pôle\'s own N−1 may add one to its lines', async () => {
    const inputs = await Promise.all(buildSampleWorkbooks().map(async ({ name, wb }) => chainInput(name, new Uint8Array(await wb.xlsx.writeBuffer()))));
    const real = runChain(inputs, { today: '2026-01-15' }).result.indicateurs.find((i) => i.id === ID) as IndicatorResult;
    const ind: IndicatorResult = { ...real, valeur: 3, n1: 2, parPole: { Sport: 3, Culture: 4 } };
    expect(shownIndicator(ind, null, null, new Map()).value).toBe('3');
    expect(shownIndicator({ ...ind, n1: 2.5 }, null, null, new Map()).value).toBe('3,0');
    // Another Pôle's mean makes the row of both sheets decimal: the City's whole 3 follows it.
    expect(shownIndicator({ ...ind, parPole: { Sport: 3, Culture: 2.5 } }, null, null, new Map()).value).toBe('3,0');
    const figures = (n1: number) => new Map([[ID, { statut: 'calculé' as const, valeur: 3, couverture: { renseignees: 4, total: 4 }, motif: null, n1, n1Note: null }]]);
    // Sport's own N−1 of 2,5 is not in the sheets: its value keeps the row's digits, its N−1 line shows the half.
    const sport = shownIndicator(ind, 'Sport', figures(2.5), new Map());
    expect([sport.value, sport.lines]).toEqual(['3', ['N−1\u00a0: 2,5 (évolution\u00a0: +0,5)']]);
    const beside = shownIndicator({ ...ind, parPole: { Sport: 3, Culture: 2.5 } }, 'Sport', figures(2), new Map());
    expect([beside.value, beside.lines]).toEqual(['3,0', ['N−1\u00a0: 2,0 (évolution\u00a0: +1,0)']]);
  });
});

describe('one City value, the same digits in both sheets', () => {
  it('hours of 41 234 for the City, 20 617,5 and 20 616,5 for two Pôles: both rows formatted with a decimal', () => {
    // The fixture's count 1.1.2-dataviz stands for the hours (a 'nombre' that may have decimals).
    const hours = '1.1.2-dataviz';
    const indicateurs = INDICATORS.map((i) => (i.id === hours ? { ...i, statut: 'calculé' as const, motif: null, unite: 'nombre' as const, valeur: 41234, n1: 41000, repartition: null, parPole: { 'Pôle A': 20617.5, 'Pôle B': 20616.5 } } : i));
    const plan = buildPlan(planInput({ result: makeResult({ indicateurs }) }));
    const formatIn = (name: string): string | null | undefined => {
      const block = plan.sheets.find((s) => s.name === name)?.blocks.find((b) => b.values.some((r) => r[0] === hours && typeof r[3] !== 'string'));
      return block?.formats?.[3];
    };
    expect([formatIn(SHEET_INDICATEURS), formatIn(SHEET_POLES)]).toEqual([FORMAT_DECIMAL, FORMAT_DECIMAL]);
  });
});

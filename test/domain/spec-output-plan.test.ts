/**
 * Spec audit (sortie.md "Sheets", indicateurs.md "Beyond the catalogue"): the
 * `Évolution` column of `SPASER Indicateurs` and the national references of the
 * first chart, with hand-computed expectations, through the whole chain and
 * through `buildPlan` alone.
 */
import type { CellValue } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import type { IndicatorResult } from '../../src/domain/model';
import { buildPlan, INDICATOR_HEADERS, type PlanInput } from '../../src/domain/plan';
import { FORMAT_AMOUNT, FORMAT_NUMBER, FORMAT_PERCENT, type SheetPlan } from '../../src/domain/plan-types';
import { d, grid } from '../helpers/grid';
import { FILE_A, indicator, makeRegister, makeResult, STATE } from './fixtures/plan-fixtures';
import { cellAt, findRow, formatAt, sheet } from '../helpers/plan-sheet';

/** Column of a header of `SPASER Indicateurs` (1-based). */
const COL = (h: (typeof INDICATOR_HEADERS)[number]): number => INDICATOR_HEADERS.indexOf(h) + 1;

/** The indicator row of `id`: { valeur, n1, evolution } as written, and the formats of those cells. */
function indicatorLine(s: SheetPlan, id: string) {
  const r = findRow(s, 1, id);
  return {
    valeur: cellAt(s, r, COL('Valeur')),
    n1: cellAt(s, r, COL('N−1')),
    evolution: cellAt(s, r, COL('Évolution')),
    formats: [formatAt(s, r, COL('Valeur')), formatAt(s, r, COL('N−1')), formatAt(s, r, COL('Évolution'))],
  };
}

// ---------------------------------------------------------------------------
// Through the chain: two exercices, values computed by hand.

const HEADER: CellValue[] = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale', 'Clause environnementale'];
/**
 * 2025 (N): 4 contracts, 3 with a clause sociale (75 %), 1 environmental (25 %); AR rows 1–3, spend 6 000.
 * 2024 (N−1): 2 contracts, 1 with a clause sociale (50 %), 2 environmental (100 %); AR rows both, spend 3 000.
 */
const ROWS: CellValue[][] = [
  ['2025-001', 'Nettoyage', 1000, d('2025-02-01'), 'oui', 'non'],
  ['2025-002', 'Fournitures', 2000, d('2025-03-01'), 'oui', 'oui'],
  ['2025-003', 'Maintenance', 3000, d('2025-04-01'), 'oui', 'non'],
  ['2025-004', 'Travaux', 4000, d('2025-05-01'), 'non', 'non'],
  ['2024-001', 'Nettoyage', 1000, d('2024-02-01'), 'oui', 'oui'],
  ['2024-002', 'Fournitures', 2000, d('2024-03-01'), 'non', 'oui'],
];

function chainPlan(rows: CellValue[][], exercice: number) {
  return runChain([{ file: 'suivi.xlsx', sheets: [grid('Suivi', [HEADER, ...rows])], state: null }], {
    exercice,
    today: '2026-01-15',
    writesCharts: false,
  });
}

describe('sortie.md: the Évolution column of SPASER Indicateurs (N − N−1)', () => {
  const out = chainPlan(ROWS, 2025);
  const s = sheet(out.plan, 'SPASER Indicateurs');

  it('is the change from N−1 to N of a percentage, in points (75 − 50 = 25; 25 − 100 = −75)', () => {
    expect(indicatorLine(s, '4.1.2-consideration-sociale')).toEqual({
      valeur: 75,
      n1: 50,
      evolution: 25,
      formats: [FORMAT_PERCENT, FORMAT_PERCENT, FORMAT_PERCENT],
    });
    // A fall is negative: N minus N−1, never the other way round.
    expect(indicatorLine(s, '3.1.1-consideration-env')).toMatchObject({ valeur: 25, n1: 100, evolution: -75 });
  });

  it('is the change of a count in the count unit (3 − 1 = 2 contracts with a clause sociale)', () => {
    const line = indicatorLine(s, '4.2.2-clause-sociale-nb');
    expect(line).toEqual({ valeur: 3, n1: 1, evolution: 2, formats: [FORMAT_NUMBER, FORMAT_NUMBER, FORMAT_NUMBER] });
  });

  it('is the change of an amount in euros (AR spend 6 000 − 3 000 = 3 000 €)', () => {
    const line = indicatorLine(s, '1.1.2-montant-ar');
    expect(line).toEqual({ valeur: 6000, n1: 3000, evolution: 3000, formats: [FORMAT_AMOUNT, FORMAT_AMOUNT, FORMAT_AMOUNT] });
  });

  it('is empty when the register holds no row of N−1', () => {
    const only2025 = sheet(chainPlan(ROWS.slice(0, 4), 2025).plan, 'SPASER Indicateurs');
    expect(indicatorLine(only2025, '4.1.2-consideration-sociale')).toMatchObject({ valeur: 75, n1: null, evolution: null });
  });
});

// ---------------------------------------------------------------------------
// Through buildPlan: the value or N−1 missing.

function planWith(indicators: readonly IndicatorResult[]): SheetPlan {
  const input: PlanInput = {
    register: makeRegister(),
    result: makeResult({ indicateurs: indicators }),
    state: STATE,
    workbookName: FILE_A,
    sourceSheetsInWorkbook: new Set(),
  };
  return sheet(buildPlan(input), 'SPASER Indicateurs');
}


describe('sortie.md: Évolution is written only when both N and N−1 have a value', () => {
  const s = planWith([
    indicator({ id: '4.1.2-consideration-sociale', axe: 4, unite: '%', valeur: 12.5, n1: 40 }),
    indicator({ id: '3.1.1-consideration-env', axe: 3, unite: '%', valeur: 0, n1: 0 }),
    indicator({ id: '2.1.3-sourcage', axe: 2, unite: 'nombre', valeur: 7, n1: null }),
    indicator({ id: '3.1.1-reemploi', axe: 3, unite: '€', statut: 'non calculable', valeur: null, n1: 500, motif: 'colonne absente' }),
  ]);

  it('N − N−1, also when it is a fall or zero', () => {
    expect(indicatorLine(s, '4.1.2-consideration-sociale')).toMatchObject({ valeur: 12.5, n1: 40, evolution: -27.5 });
    expect(indicatorLine(s, '3.1.1-consideration-env')).toMatchObject({ valeur: 0, n1: 0, evolution: 0 });
  });

  it('empty, not 0 or N, when N−1 is missing; empty, not −N−1, when N is not calculable', () => {
    expect(indicatorLine(s, '2.1.3-sourcage')).toMatchObject({ valeur: 7, n1: null, evolution: null });
    expect(indicatorLine(s, '3.1.1-reemploi')).toMatchObject({ valeur: null, n1: 500, evolution: null });
  });
});

describe('Évolution never shows « -0,0 » where the pane says « 0,0 point » (session 26 fronts review)', () => {
  // 12,345 − 12,35 = −0,005: Excel shows −0,005 as « -0,0 » under the one-decimal format; the pane and the
  // command line say « 0,0 point » (README « Valeurs affichées et typographie »). Written 0 instead.
  const s = planWith([
    indicator({ id: '3.2.1-fournitures-evitees', axe: 3, unite: '%', statut: 'saisi', valeur: 12.345, n1: 12.35 }),
    indicator({ id: '3.2.1-mobilier-reemploye', axe: 3, unite: '%', statut: 'saisi', valeur: 12.3, n1: 12.4 }),
    indicator({ id: '3.1.1-reemploi', axe: 3, unite: '€', valeur: 1000.001, n1: 1000.004 }),
    indicator({ id: '2.2.3-soumissionnaires', axe: 2, unite: 'nombre', valeur: 3.04, n1: 3 }),
  ]);

  it('a change that rounds to zero at the row digits is written 0, not a tiny negative', () => {
    // Session 28: the change is that of the values as shown. 12,345 and 12,35 show 12,3 % and 12,4 % (half up):
    // −0,1 point, as the reader subtracts them, never « -0,0 ».
    expect(indicatorLine(s, '3.2.1-fournitures-evitees').evolution).toBe(-0.1);
    expect(Object.is(indicatorLine(s, '3.1.1-reemploi').evolution, 0)).toBe(true);
    expect(Object.is(indicatorLine(s, '2.2.3-soumissionnaires').evolution, 0)).toBe(true);
  });

  it('a change of the values as shown is written at the row digits, without binary noise', () => {
    // 12,3 − 12,4: −0,1 (not −0.1000000000000014), shown « -0,1 » like the pane's « −0,1 point ».
    expect(indicatorLine(s, '3.2.1-mobilier-reemploye').evolution).toBe(-0.1);
  });
});

// ---------------------------------------------------------------------------
// National references (indicateurs.md: 100 % environmental, 30 % social; shown beside, never mixed in).

describe('indicateurs.md: national references beside the City values in the first chart', () => {
  const out = chainPlan(ROWS, 2025);
  const s = sheet(out.plan, 'SPASER Indicateurs');
  const chart = s.charts.find((c) => c.id === 'considerations');

  it('is a column chart with its French title from sortie.md', () => {
    expect(chart?.kind).toBe('colonnes');
    expect(chart?.title).toBe('Part des marchés avec une considération sociale / environnementale / innovante');
  });

  it('puts 30 % (social) and 100 % (environmental) in a series of its own, beside the City values 75 % and 25 %', () => {
    const data = chart!.data;
    const table = Array.from({ length: data.rowCount }, (_, i) =>
      Array.from({ length: data.colCount }, (_, j) => cellAt(s, data.row + i, data.col + j)),
    );
    expect(table[0]).toEqual(['Considération', 'Roubaix', 'Référence nationale']);
    const byLabel = new Map(table.slice(1).map((r) => [r[0], r.slice(1)]));
    expect(byLabel.get('Sociale')).toEqual([75, 30]);
    expect(byLabel.get('Environnementale')).toEqual([25, 100]);
    // The national plan sets no innovation reference: nothing invented.
    expect(byLabel.get('Innovante')?.[1]).toBeNull();
  });

  it('never mixes the references into the indicators: values and JSON are the City values', () => {
    expect(out.result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale')?.valeur).toBe(75);
    expect(out.result.indicateurs.find((i) => i.id === '3.1.1-consideration-env')?.valeur).toBe(25);
    expect(JSON.stringify(out.result)).not.toMatch(/[Rr]éférence nationale/);
    expect(indicatorLine(s, '4.1.2-consideration-sociale').valeur).toBe(75);
    expect(indicatorLine(s, '3.1.1-consideration-env').valeur).toBe(25);
  });
});

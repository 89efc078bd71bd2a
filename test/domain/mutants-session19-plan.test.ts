/**
 * Mutation audit of session 19 (plan.ts lines 561–772, the SPASER Indicateurs and SPASER Pôles
 * sheets; Stryker): rules of `sortie.md` and of the README (« Valeurs par Pôle ») that no test
 * pinned. Expectations worked out by hand from those texts, never copied from the plan.
 */
import type { Repartition } from '../../src/domain/model';
import { buildPlan } from '../../src/domain/plan';
import { cellAt, findRow, sheet } from '../helpers/plan-sheet';
import { indicator, makeResult, planInput } from './fixtures/plan-fixtures';

const input = planInput;

describe('README « Valeurs par Pôle »: one « Répartitions par Pôle » section under the table, its shares in %', () => {
  // Two breakdowns with no single value, both calculable: zones (all in Roubaix) and sizes (all TPE).
  const all = (category: string): Repartition => ({ [category]: { fournisseurs: 100, depense: 100 } });
  const result = makeResult({
    indicateurs: [
      indicator({ id: '5.1.1-fournisseurs-zone', axe: 5, unite: '%', repartition: all('Roubaix'), parPole: { 'Pôle A': null, 'Pôle B': null } }),
      indicator({ id: '5.1.4-fournisseurs-typologie', axe: 5, unite: '%', repartition: all('TPE'), parPole: { 'Pôle A': null, 'Pôle B': null } }),
    ],
  });
  const breakdowns = new Map([
    ['5.1.1-fournisseurs-zone', { 'Pôle A': all('Roubaix'), 'Pôle B': all('Roubaix') }],
    ['5.1.4-fournisseurs-typologie', { 'Pôle A': all('TPE'), 'Pôle B': all('TPE') }],
  ]);
  const s = sheet(buildPlan(input({ result, poleBreakdowns: breakdowns })), 'SPASER Pôles');

  it('the section title is written once, above both breakdowns', () => {
    const titles = s.blocks.flatMap((b) => b.values.flat()).filter((v) => v === 'Répartitions par Pôle');
    expect(titles).toHaveLength(1);
    expect(findRow(s, 1, 'Répartitions par Pôle')).toBeLessThan(findRow(s, 1, 'Libellé 5.1.1-fournisseurs-zone : part de la dépense'));
  });

  it('each category row gives its unit, %: shares of spend and of suppliers (sortie.md)', () => {
    const spend = findRow(s, 1, 'Libellé 5.1.4-fournisseurs-typologie : part de la dépense');
    // Id, Catégorie, Unité, Pôle A, Pôle B, Ville (total).
    expect([1, 2, 3, 4, 5, 6].map((c) => cellAt(s, spend + 2, c))).toEqual(['5.1.4-fournisseurs-typologie', 'TPE', '%', 100, 100, 100]);
  });
});

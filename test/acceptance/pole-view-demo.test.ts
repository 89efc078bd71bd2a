/**
 * `poleView` on the demo's four Pôle workbooks (consolidated, two exercices, every kind of
 * column): each Pôle's figures agree with the `parPole` values of N and of N−1 for every indicator.
 */
import { runChain } from '../../src/domain/chain';
import { computeIndicators, poleView } from '../../src/domain/indicators/engine';
import { buildSampleWorkbooks } from '../../src/cli/samples';
import { chainInput } from './helpers';

it('agrees with parPole of N and of N−1 for every Pôle and every indicator of the demo', async () => {
  const inputs = await Promise.all(buildSampleWorkbooks().map(async ({ name, wb }) => chainInput(name, new Uint8Array(await wb.xlsx.writeBuffer()))));
  const { register, result } = runChain(inputs, { today: '2026-01-15' });
  const exercice = result.exercice as number;
  const now = computeIndicators(register, exercice, { chartsWritten: 0 });
  const before = computeIndicators(register, exercice - 1, { chartsWritten: 0 });
  const poles = Object.keys(now.find((r) => r.id === '4.1.2-consideration-sociale')?.parPole ?? {});
  expect(poles).toHaveLength(4);
  let withN1 = 0;
  for (const pole of poles) {
    const fig = poleView(register, exercice, pole).figures;
    for (const [id, f] of fig) {
      expect([pole, id, f.statut === 'calculé' ? f.valeur : null]).toEqual([pole, id, now.find((r) => r.id === id)?.parPole?.[pole] ?? null]);
      expect([pole, id, f.n1]).toEqual([pole, id, before.find((r) => r.id === id)?.parPole?.[pole] ?? null]);
      if (f.n1 !== null) withN1++;
    }
  }
  // Every valid row of N carries one Pôle.
  expect(poles.reduce((n, pole) => n + poleView(register, exercice, pole).lignes, 0)).toBe(result.lignes.exercice);
  // The demo has rows of N−1 in every Pôle: the comparison is not between nulls only.
  expect(withN1).toBeGreaterThan(40);
});

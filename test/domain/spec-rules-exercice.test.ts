/**
 * Spec audit of `regles.md` §9 (the exercice) and the `lignes` counts of
 * `sortie.md`: rows of other years stay in the register and are not counted;
 * N−1 is computed on the valid rows of N−1 and is null without any.
 */
import type { CellValue } from '../../src/domain/cell';
import { runChain, type ChainInput, type ChainOutput } from '../../src/domain/chain';
import { SHEET_REGISTRE } from '../../src/domain/plan-types';
import { d, grid } from '../helpers/grid';

const TODAY = '2025-06-15';
const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification', 'Clause sociale', 'Code CPV', 'Délai de paiement'];

function run(rows: CellValue[][], exercice?: number): ChainOutput {
  const input: ChainInput = { file: 'p.xlsx', sheets: [grid('S', [HEAD, ...rows])], state: null };
  return runChain([input], { today: TODAY, exercice });
}

const social = (out: ChainOutput) => out.result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale');

describe('regles §9: the exercice', () => {
  test('the default year counts rows in error too; on a tie the later year wins', () => {
    // 2024: A (valid) and B (no objet: error) = 2 rows; 2025: C = 1 row. Without the error row it would be a tie → 2025.
    const out = run([
      ['A', 'o', 1, d('2024-03-01'), 'oui', null, null],
      ['B', null, 1, d('2024-04-01'), 'oui', null, null],
      ['C', 'o', 1, d('2025-03-01'), 'non', null, null],
    ]);
    expect(out.result.exercice).toBe(2024);
    const tie = run([
      ['A', 'o', 1, d('2024-03-01'), 'oui', null, null],
      ['C', 'o', 1, d('2025-03-01'), 'non', null, null],
    ]);
    expect(tie.result.exercice).toBe(2025);
  });

  test('rows of other years stay in the register, with their year, and are not counted', () => {
    const out = run(
      [
        ['A', 'o', 1, d('2023-03-01'), 'oui', null, null],
        ['B', 'o', 1, d('2025-03-01'), 'non', null, null],
        ['C', 'o', 1, d('2025-04-01'), 'oui', null, null],
        ['D', 'o', 1, d('2025-05-01'), 'non', null, null],
        ['E', 'o', 1, d('2025-06-01'), 'non', null, null],
      ],
      2025,
    );
    expect(out.register.rows.map((r) => r.annee)).toEqual([2023, 2025, 2025, 2025, 2025]);
    // 1 of the 4 rows of 2025 → 25 % (A, of 2023, is not counted).
    expect(social(out)).toMatchObject({ valeur: 25, couverture: { total: 4 } });
    expect(out.result.lignes).toMatchObject({ lues: 5, exercice: 4 });
    // The register sheet keeps every row, with its Exercice column.
    const reg = out.plan.sheets.find((s) => s.name === SHEET_REGISTRE);
    const header = reg?.blocks[0].values[0] ?? [];
    const data = reg?.blocks[1].values ?? [];
    expect(data.map((line) => line[header.indexOf('Exercice')])).toEqual([2023, 2025, 2025, 2025, 2025]);
  });

  test('N−1 is computed the same way on the valid rows of N−1', () => {
    // 2024: A (oui), B (non), X (oui but no objet: error, out) → 1 of 2 = 50 %. 2025: C, D, E (oui), F (non) → 3 of 4 = 75 %.
    const out = run(
      [
        ['A', 'o', 1, d('2024-03-01'), 'oui', null, null],
        ['B', 'o', 1, d('2024-03-01'), 'non', null, null],
        ['X', null, 1, d('2024-03-01'), 'oui', null, null],
        ['C', 'o', 1, d('2025-03-01'), 'oui', null, null],
        ['D', 'o', 1, d('2025-03-01'), 'oui', null, null],
        ['E', 'o', 1, d('2025-03-01'), 'oui', null, null],
        ['F', 'o', 1, d('2025-03-01'), 'non', null, null],
      ],
      2025,
    );
    expect(social(out)).toMatchObject({ valeur: 75, n1: 50 });
  });

  test('N−1 is null when N−1 holds no valid row (rows in error only, or none)', () => {
    const onlyErrors = run(
      [
        ['X', null, 1, d('2024-03-01'), 'oui', null, null],
        ['C', 'o', 1, d('2025-03-01'), 'oui', null, null],
      ],
      2025,
    );
    expect(social(onlyErrors)).toMatchObject({ valeur: 100, n1: null });
    const olderOnly = run(
      [
        ['A', 'o', 1, d('2023-03-01'), 'oui', null, null],
        ['C', 'o', 1, d('2025-03-01'), 'oui', null, null],
      ],
      2025,
    );
    expect(social(olderOnly)).toMatchObject({ valeur: 100, n1: null });
  });
});

describe('sortie.md: lignes', () => {
  test('erreurs counts rows in error of every year; avertissements only rows of R, each row once', () => {
    const out = run(
      [
        // 2025, valid, two warnings (CPV and payment delay): one row.
        ['A', 'o', 1, d('2025-03-01'), 'non', '12', 45],
        // 2025, valid, no finding.
        ['B', 'o', 1, d('2025-03-01'), 'non', null, null],
        // 2025, in error with a warning too: an error row, not a warned row of R.
        ['C', null, 1, d('2025-03-01'), 'non', '12', null],
        // 2024, valid with a warning: not a row of R.
        ['D', 'o', 1, d('2024-03-01'), 'non', '12', null],
        // 2024, in error: counted in erreurs.
        ['E', 'o', -1, d('2024-03-01'), 'non', null, null],
        // Empty row and totals row: not rows.
        [null, null, null, null, null, null, null],
        [null, 'Total :', 3, null, null, null, null],
      ],
      2025,
    );
    expect(out.result.lignes).toEqual({ lues: 5, exercice: 2, erreurs: 2, avertissements: 1 });
  });
});

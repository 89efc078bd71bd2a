/**
 * README audit, « Choix faits là où la spécification se tait » › Contrôles:
 * `heures-sans-clause` fires only when a clause (or marché d'insertion)
 * column exists: an absent column is not « non ».
 */
import type { CellValue } from '../../src/domain/cell';
import { buildRegister } from '../../src/domain/register';
import { d, grid } from '../helpers/grid';

const HEAD = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];
const OK: CellValue[] = ['M-1', 'Entretien', 1000, d('2025-03-01')];

function codes(extra: string[], cells: CellValue[]): string[] {
  const rows: CellValue[][] = [[...HEAD, ...extra], [...OK, ...cells]];
  const reg = buildRegister([{ file: 'Pôle Test.xlsx', sheets: [grid('Suivi', rows)], state: null }], { today: '2025-06-15' });
  return reg.rows[0].findings.map((f) => f.code);
}

describe('README: heures-sans-clause needs a clause or marché d’insertion column', () => {
  it('hours done and neither column in the sheet: no warning (absent is not « non »)', () => {
    expect(codes(["Heures d'insertion réalisées"], [70])).toEqual([]);
    expect(codes(["Heures d'insertion réalisées", 'Critère social'], [70, 'non'])).toEqual([]);
  });

  it('the clause column exists and is empty: the warning (an empty oui/non is non)', () => {
    expect(codes(["Heures d'insertion réalisées", 'Clause sociale'], [70, null])).toEqual(['heures-sans-clause']);
  });

  it('the clause column says oui, or the marché d’insertion column says oui: no warning', () => {
    expect(codes(["Heures d'insertion réalisées", 'Clause sociale'], [70, 'oui'])).toEqual([]);
    expect(codes(["Heures d'insertion réalisées", "Marché d'insertion"], [70, 'oui'])).toEqual([]);
  });
});

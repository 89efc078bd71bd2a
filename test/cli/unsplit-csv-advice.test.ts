/**
 * Recipe `csv`: a CSV opened without splitting its columns has its own « what to do » (Données ›
 * Convertir, `unsplit-csv.ts`); the command line's advice on headers would send the buyer renaming
 * columns that are not there.
 */
import { noRegisterAdvice } from '../../src/cli/run';
import type { ChainInput } from '../../src/domain/chain';
import { grid } from '../helpers/grid';

const unsplit: ChainInput = {
  file: 'export_marches_culture.xlsx',
  state: null,
  sheets: [grid('export_marches_culture', [['NUM_MARCHE;OBJET;DATE_NOTIF;MT_HT'], ['C-01;Festival;14/04/2025;18500.00']])],
};
const budget: ChainInput = { file: 'Budget.xlsx', state: null, sheets: [grid('BP 2025', [['A']])] };

describe('noRegisterAdvice and an unsplit CSV', () => {
  it('alone or in a consolidation: no advice on headers', () => {
    expect(noRegisterAdvice([unsplit], false)).toEqual([]);
    expect(noRegisterAdvice([unsplit], true)).toEqual([]);
  });

  it('beside a budget in a consolidation: the advice is the budget\'s alone', () => {
    expect(noRegisterAdvice([unsplit, budget], true)).toEqual([
      "Retirez ce classeur de la ligne de commande s'il n'est pas un registre de marchés ; sinon, donnez à ses colonnes des en-têtes reconnus.",
    ]);
  });
});

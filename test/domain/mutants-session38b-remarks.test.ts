import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

// Second mutation audit of session 38: a Saisies row of the year without a value says nothing (even
// for a supplier breakdown).

describe('Saisies manuelles: a row of the year without a value', () => {
  it('says nothing, for a supplier breakdown as for a computed indicator', () => {
    const register = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
      ['M-1', 'Papier', 100, d('2025-02-01'), 'oui'],
    ]);
    const saisies = grid('Saisies manuelles', [
      ['Indicateur', 'Année', 'Valeur', 'Source'],
      ['5.1.1-fournisseurs-zone', 2025, null, 'à venir'],
      ['4.2.2-clause-sociale-nb', 2025, null, 'à venir'],
    ]);
    expect(runChain([{ file: 'Pôle A.xlsx', sheets: [register, saisies], state: null }], { today: '2026-01-15' }).notices).toEqual([]);
  });
});

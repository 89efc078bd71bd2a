import { runChain } from '../../src/domain/chain';
import { poleView } from '../../src/domain/indicators/engine';
import { d, grid } from '../helpers/grid';

// Second mutation audit of session 38: a Saisies row of the year without a value says nothing (even
// for a supplier breakdown), and a manual value is the City's, never a Pôle's in the pane's Pôle view.

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

describe('Saisies manuelles: a City value, never a Pôle’s', () => {
  it('gives the City its manual value, and the Pôle view none', () => {
    // No Clause sociale column: 4.2.2-clause-sociale-nb is not computed, so the manual value is taken for the City.
    const register = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
      ['M-1', 'Papier', 100, d('2025-02-01'), 'Pôle A'],
    ]);
    const saisies = grid('Saisies manuelles', [['Indicateur', 'Année', 'Valeur', 'Source'], ['4.2.2-clause-sociale-nb', 2025, 7, 'tableau']]);
    const out = runChain([{ file: 'Ville.xlsx', sheets: [register, saisies], state: null }], { today: '2026-01-15' });
    expect(out.result.indicateurs.find((r) => r.id === '4.2.2-clause-sociale-nb')).toMatchObject({ statut: 'saisi', valeur: 7 });
    expect(poleView(out.register, 2025, 'Pôle A').figures.get('4.2.2-clause-sociale-nb')).toMatchObject({ statut: 'non calculable', valeur: null });
  });
});

/**
 * The pane's Pôle list (README « Pôles »): the Pôles with rows retained for the exercice, as
 * `SPASER Pôles` lists them. An archive sheet without a Pôle column takes the file's name as Pôle
 * (the consolidation rule): with rows of N−1 only, choosing it showed an empty view.
 */
import { runChain } from '../../src/domain/chain';
import { poleView } from '../../src/domain/indicators/engine';
import { polesOf } from '../../src/taskpane/components/IndicateursStep';
import { d, grid } from '../helpers/grid';
import { TODAY } from './fixtures';

const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
  ['M-1', 'Papier', 100, d('2025-02-01'), 'Pôle A'],
  ['M-2', 'Stylos', 200, d('2025-03-01'), 'pole b'],
  ['M-3', 'Gommes', 300, d('2024-04-01'), 'Pôle C'],
  ['M-4', 'Encre', 'beaucoup', d('2025-04-01'), 'Pôle D'], // montant illisible: an error row, not retained
  ['M-5', 'Règles', 50, d('2025-05-01'), 'Pôle B'], // another spelling of the same Pôle
]);
const ARCHIVE = grid('Archive 2024', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['A-1', 'Papier', 90, d('2024-02-01')],
]);
const out = runChain([{ file: 'Ville.xlsx', sheets: [REGISTER, ARCHIVE], state: null }], { today: TODAY });

describe('the Pôle list of the Indicateurs step', () => {
  it('lists the Pôles with retained rows of N only, under their first spelling', () => {
    expect(out.result.exercice).toBe(2025);
    expect(out.register.rows.some((r) => r.pole === 'Ville')).toBe(true);
    expect(polesOf(out)).toEqual(['Pôle A', 'pole b']);
  });

  it('is the list of Pôles the indicators give a value to', () => {
    const parPole = out.result.indicateurs.find((i) => i.parPole !== null)?.parPole ?? {};
    expect(polesOf(out)).toEqual(Object.keys(parPole).sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('keeps the chosen Pôle listed when it has no row of N (a change of exercice), and only that one', () => {
    expect(polesOf(out, 'Pôle C')).toEqual(['Pôle A', 'pole b', 'Pôle C']);
    expect(poleView(out.register, 2025, 'Pôle C').lignes).toBe(0);
    expect(polesOf(out, 'Inconnu')).toEqual(['Pôle A', 'pole b']);
  });
});

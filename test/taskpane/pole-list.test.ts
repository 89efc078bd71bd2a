/**
 * The pane's Pôle list (README « Pôles »): every Pôle of the register, the same whatever the exercice;
 * those without a row retained for the exercice (not in `SPASER Pôles`) say so in their option. An archive
 * sheet without a Pôle column takes the file's name as Pôle (the consolidation rule): with rows of N−1
 * only, it looked like a Pôle of the year.
 */
import { runChain } from '../../src/domain/chain';
import { poleView } from '../../src/domain/indicators/engine';
import { polesOf, polesWithoutRowsOf } from '../../src/taskpane/components/IndicateursStep';
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
  it('lists every Pôle of the register once, under its first spelling', () => {
    expect(out.result.exercice).toBe(2025);
    expect(polesOf(out)).toEqual(['Pôle A', 'pole b', 'Pôle C', 'Pôle D', 'Ville']);
  });

  it('knows the Pôles without a row retained for the exercice: the others are those the indicators give a value to', () => {
    const without = polesWithoutRowsOf(out);
    // Pôle C (2024 only), Pôle D (its row of 2025 is in error), Ville (the archive's rows take the file's name).
    expect([...without].sort()).toEqual(['Pôle C', 'Pôle D', 'Ville']);
    const parPole = out.result.indicateurs.find((i) => i.parPole !== null)?.parPole ?? {};
    expect(polesOf(out).filter((p) => !without.has(p))).toEqual(Object.keys(parPole).sort((a, b) => a.localeCompare(b, 'fr')));
    expect(poleView(out.register, 2025, 'Pôle C').lignes).toBe(0);
  });
});

describe('the order of the Pôle list', () => {
  it('is the order of the columns of SPASER Pôles: « Pôle 2 » before « Pôle 10 », so a Pôle is found at the same place', () => {
    const names = ['Pôle 10', 'Pôle 2', 'Pôle 1', 'pôle 3'];
    const sheet = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
      ...names.map((p, i) => [`M-${i}`, 'Papier', 100 + i, d('2025-02-01'), p]),
    ]);
    const chain = runChain([{ file: 'Ville.xlsx', sheets: [sheet], state: null }], { today: TODAY });
    expect(polesOf(chain)).toEqual(['Pôle 1', 'Pôle 2', 'pôle 3', 'Pôle 10']);
    const poles = chain.plan.sheets.find((s) => s.name === 'SPASER Pôles');
    const header = poles?.blocks[0].values[0] ?? [];
    expect(header.slice(3, 3 + names.length)).toEqual(polesOf(chain));
  });
});

/**
 * Session-27 mutation audit of the pane's note (`IndicateursStep.tsx` `shownIndicator`): a Pôle chosen
 * with its own figures (as the step computes them) does not show the City's note, which counts the
 * City's rows. README « Valeurs affichées et typographie »: the note « est dite aussi par le volet
 * (« Note : … », vue de la Ville) ».
 */
import { runChain } from '../../src/domain/chain';
import { poleView } from '../../src/domain/indicators/engine';
import { shownIndicator } from '../../src/taskpane/components/IndicateursStep';
import { d, grid } from '../helpers/grid';
import { TODAY } from './fixtures';

const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Montant mandaté HT', 'Date de notification', "Marché d'insertion", 'Pôle'],
  ['M-1', 'Papier', 100, 80, d('2025-02-01'), 'oui', 'Pôle A'],
  ['M-2', 'Stylos', 200, null, d('2025-03-01'), 'oui', 'Pôle B'],
  ['M-3', 'Gommes', 300, 300, d('2025-04-01'), 'non', 'Pôle A'],
]);
const out = runChain([{ file: 'Ville.xlsx', sheets: [REGISTER], state: null }], { today: TODAY });
const ind = (id: string) => {
  const found = out.result.indicateurs.find((r) => r.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('the City note is not said in the view of a Pôle with its own value', () => {
  // 4.2.1-insertion-montant: spend of the marchés d'insertion; the City's note counts its 3 rows.
  const id = '4.2.1-insertion-montant';

  it('the City view says it', () => {
    expect(ind(id).note).toMatch(/^dépense/);
    expect(shownIndicator(ind(id), null, null, out.poleBreakdowns).note).toBe(ind(id).note);
  });

  it('Pôle A, with its figures, has its value and no note', () => {
    const figures = poleView(out.register, out.result.exercice ?? 2025, 'Pôle A').figures;
    expect(figures.get(id)?.statut).toBe('calculé');
    const shown = shownIndicator(ind(id), 'Pôle A', figures, out.poleBreakdowns);
    expect(shown.statut).toBe('calculé');
    expect(shown.note).toBeNull();
  });
});

/**
 * `indicateurs.md` « National references (shown beside, never mixed in) »: 30 % of contracts with
 * a social consideration, 100 % with an environmental one. Beside the value in the sheet's note,
 * the pane and the command line's summary; the value itself never changes.
 */
import { runChain } from '../../src/domain/chain';
import { nationalReference } from '../../src/domain/national-reference';
import { formatIndicatorValue } from '../../src/cli/format';
import { d, grid } from '../helpers/grid';

/** Four contracts of 2025, one with a social clause (25 %), one with an environmental one (25 %). */
function result() {
  const g = grid('Suivi', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale', 'Clause environnementale'],
    ['M-1', 'Nettoyage', 1000, d('2025-02-01'), 'oui', 'non'],
    ['M-2', 'Papier', 1000, d('2025-03-01'), 'non', 'oui'],
    ['M-3', 'Voirie', 1000, d('2025-04-01'), 'non', 'non'],
    ['M-4', 'Conseil', 1000, d('2025-05-01'), 'non', 'non'],
  ]);
  return runChain([{ file: 'Ville.xlsx', sheets: [g], state: null }], { today: '2026-01-15' }).result;
}

describe('national references', () => {
  const r = result();
  const ind = (id: string) => r.indicateurs.find((i) => i.id === id)!;

  it('are 30 % social and 100 % environmental, and none for the other indicators', () => {
    expect(nationalReference('4.1.2-consideration-sociale')).toBe(30);
    expect(nationalReference('3.1.1-consideration-env')).toBe(100);
    expect(r.indicateurs.filter((i) => nationalReference(i.id) !== null).map((i) => i.id).sort()).toEqual(['3.1.1-consideration-env', '4.1.2-consideration-sociale']);
  });

  it('are never mixed in the value', () => {
    expect(ind('4.1.2-consideration-sociale').valeur).toBe(25);
    expect(ind('3.1.1-consideration-env').valeur).toBe(25);
  });

  it('are beside the value in the command line’s summary', () => {
    expect(formatIndicatorValue(ind('4.1.2-consideration-sociale'))).toBe('25,0 % — référence nationale : 30,0 %');
    expect(formatIndicatorValue(ind('3.1.1-consideration-env'))).toBe('25,0 % — référence nationale : 100,0 %');
    expect(formatIndicatorValue(ind('4.2.2-clause-sociale-part'))).not.toMatch(/référence/);
  });
});

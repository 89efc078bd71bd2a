import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

// Second mutation audit of session 38: the words a COPIL writes for « at least » are understood
// (no remark, the target read as ≥), each one; a word only holding one of them is not.

const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
  ['M-1', 'Papier', 100, d('2025-02-01'), 'oui'],
  ['M-2', 'Stylos', 200, d('2025-03-01'), 'non'],
]);
const run = (sens: string) =>
  runChain(
    [{ file: 'Pôle A.xlsx', sheets: [REGISTER, grid('Cibles', [['Indicateur', 'Année', 'Cible', 'Sens'], ['4.2.2-clause-sociale-nb', 2025, 1, sens]])], state: null }],
    { today: '2026-01-15' },
  );

describe('Cibles sens: at-least words are understood', () => {
  it.each(['≥', '≧', '⩾', '>', '>=', '=>', 'au moins', 'Au minimum', 'min', 'minimum', 'supérieur ou égal', 'sup.', 'plus de', 'plancher', 'pas moins de', 'hausse', 'À la hausse', 'augmentation'])(
    'sens « %s »: no remark, read as at least',
    (sens) => {
      const out = run(sens);
      expect(out.notices).toEqual([]);
      expect(out.result.indicateurs.find((r) => r.id === '4.2.2-clause-sociale-nb')?.cible?.sens).toBe('≥');
    },
  );

  it('does not understand a word that only holds an at-least word inside it (« à déterminer »)', () => {
    const out = run('à déterminer');
    expect(out.notices).toHaveLength(1);
    expect(out.notices[0]).toContain('à déterminer');
    expect(out.notices[0]).toContain("n'est pas compris");
  });
});

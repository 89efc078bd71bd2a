/**
 * « Marché réservé » lists `-` among the words for Non, and a list's text is compared without its
 * punctuation: a cell of punctuation alone (`✓`, `✔`, `?`, `*`) then keyed like `-` and was read Non
 * without a word, although it is no value of the list (`regles.md` §3: `valeur-illisible`). A checked
 * box in that column took the marché out of `4.2.3-reserves` silently (session 40 README review).
 */
import { runChain } from '../../src/domain/chain';
import { registerField } from '../../src/domain/fields';
import { readEnum } from '../../src/domain/read-cell';
import { grid, d } from '../helpers/grid';

const reserve = registerField('marcheReserve');

describe('a list cell of punctuation alone is no value of the list', () => {
  it.each(['✓', '✔', '✅', '?', '*', '/', '...', 'âœ“'])('%j is unreadable in « Marché réservé », never Non', (text) => {
    expect(readEnum(reserve, text)).toMatchObject({ kind: 'invalid', reason: 'illisible' });
  });

  it.each(['-', '–', '—', ' - '])('a dash %j is still Non (regles.md §2 writes « - » for non)', (text) => {
    expect(readEnum(reserve, text)).toEqual({ kind: 'value', value: 'Non' });
  });

  it('nor before a bracket: « ✓ (voir CCAP) » is unreadable, « Non (voir CCAP) » is Non', () => {
    expect(readEnum(reserve, '✓ (voir CCAP)')).toMatchObject({ kind: 'invalid', reason: 'illisible' });
    expect(readEnum(reserve, '(voir CCAP)')).toMatchObject({ kind: 'invalid', reason: 'illisible' });
    expect(readEnum(reserve, 'Non (voir CCAP)')).toEqual({ kind: 'value', value: 'Non' });
    expect(readEnum(reserve, 'Réservé (ESAT)')).toEqual({ kind: 'value', value: 'ESAT/EA' });
  });

  it('in a register, the row with ✓ is signalled and not counted as a marché non réservé', () => {
    const sheet = grid('Registre', [
      ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Marché réservé'],
      ['2025-01', 'Repas', 1000, d('2025-03-01'), '✓'],
      ['2025-02', 'Ménage', 2000, d('2025-03-02'), 'ESAT'],
    ]);
    const out = runChain([{ file: 'a.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15' });
    const first = out.register.rows[0];
    expect(first.findings.map((f) => f.code)).toContain('valeur-illisible');
    expect(first.values.marcheReserve).toBeUndefined();
  });
});

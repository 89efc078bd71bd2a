/**
 * Session 36, mutation audit of session 35's messages a buyer acts on (README « Contrôles »): an
 * unreadable cell says what to type, by the column's type: a date of an « Actions SPASER » sheet, a
 * text behind a formula error.
 */
import { runChain } from '../../src/domain/chain';
import { d, err, grid } from '../helpers/grid';

const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['2025-001', 'Voirie', 100, d('2025-02-01')],
]);
const ACTIONS = grid('Actions', [
  ['Date', 'Type', 'Intitulé', 'Participants'],
  ['mardi', 'Formation', 'Achats responsables', 12],
]);

describe('an unreadable date of a companion sheet', () => {
  it('says the form to type, with an example', () => {
    const out = runChain([{ file: 'Pôle A.xlsx', sheets: [REGISTER, ACTIONS], state: null }], { today: '2026-01-15', exercice: 2025 });
    const messages = out.register.otherFindings.filter((f) => f.source.sheet === 'Actions').map((f) => f.message.replace(/\u00a0/g, ' '));
    expect(messages).toEqual([
      'Ligne 2, colonne « Date » : la valeur « mardi » ne peut pas être lue. Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025). La ligne est écartée.',
    ]);
  });
});

describe('a text cell of the register behind a formula error', () => {
  it('says to correct the formula or type a text', () => {
    const register = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['2025-001', err('#N/A'), 100, d('2025-02-01')],
    ]);
    const out = runChain([{ file: 'Pôle A.xlsx', sheets: [register], state: null }], { today: '2026-01-15', exercice: 2025 });
    const messages = out.register.rows.flatMap((r) => r.findings).filter((f) => f.colonne === 'Objet').map((f) => f.message.replace(/\u00a0/g, ' '));
    expect(messages).toEqual([
      'Ligne 2, colonne « Objet » : la valeur « #N/A » ne peut pas être lue. La formule de la cellule renvoie une erreur : corrigez-la ou saisissez un texte.',
    ]);
  });
});

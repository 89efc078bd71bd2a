/**
 * Hand mutants of conflicts.ts (session 18): the two rules of README « Doublons et conflits »
 * that no test pinned. Expectations worked out by hand from the README.
 */
import { doublonMessage, sheetInput } from '../helpers/doublons';
import { d } from '../helpers/grid';

const SAME = ' Les deux lignes portent les mêmes valeurs (saisie en double).';

describe('doublon between two rows (README « Doublons et conflits »)', () => {
  it('the Pôle is not compared, even when both sheets have a Pôle column that differs', () => {
    const head = ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Pôle'];
    const message = doublonMessage([
      sheetInput('a.xlsx', head, [
        ['M-1', 'Entretien', 1000, d('2025-03-01'), 'Pôle Ressources'],
        ['M-1', 'Entretien', 1000, d('2025-03-01'), 'Pôle Solidarités'],
      ]),
    ]);
    expect(message.endsWith(SAME)).toBe(true);
  });

  it('large amounts less than a cent apart make no difference', () => {
    // 5 000 000,009 € against 5 000 000 €: 0,9 centime.
    const head = ['N° marché', 'Objet', 'Montant HT', 'Date notif'];
    const message = doublonMessage([
      sheetInput('a.xlsx', head, [
        ['M-1', 'Travaux', 5_000_000, d('2025-03-01')],
        ['M-1', 'Travaux', 5_000_000.009, d('2025-03-01')],
      ]),
    ]);
    expect(message.endsWith(SAME)).toBe(true);
  });

  it('large amounts a whole cent apart differ', () => {
    const head = ['N° marché', 'Objet', 'Montant HT', 'Date notif'];
    const message = doublonMessage([
      sheetInput('a.xlsx', head, [
        ['M-1', 'Travaux', 5_000_000, d('2025-03-01')],
        ['M-1', 'Travaux', 5_000_000.01, d('2025-03-01')],
      ]),
    ]);
    expect(message).toContain('Conflit, les deux lignes diffèrent (à arbitrer) : « Montant HT » : 5 000 000,01 € sur cette ligne, 5 000 000 € sur la première.');
  });
});

/**
 * Hand mutants of conflicts.ts (session 18): the two rules of README « Doublons et conflits »
 * that no test pinned. Expectations worked out by hand from the README.
 */
import type { CellValue } from '../../src/domain/cell';
import { doublonMessage, sheetInput } from '../helpers/doublons';
import { d } from '../helpers/grid';

const SAME = ' Les deux lignes portent les mêmes valeurs (saisie en double).';

/** The doublon message of `later` after `first`, on one sheet headed `head`. */
const messageOf = (head: string[], first: CellValue[], later: CellValue[]): string => doublonMessage([sheetInput('a.xlsx', head, [first, later])]);

describe('doublon between two rows (README « Doublons et conflits »)', () => {
  it('the Pôle is not compared, even when both sheets have a Pôle column that differs', () => {
    const head = ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Pôle'];
    const message = messageOf(head, ['M-1', 'Entretien', 1000, d('2025-03-01'), 'Pôle Ressources'], ['M-1', 'Entretien', 1000, d('2025-03-01'), 'Pôle Solidarités']);
    expect(message.endsWith(SAME)).toBe(true);
  });

  const head = ['N° marché', 'Objet', 'Montant HT', 'Date notif'];
  const amounts = (first: number, later: number) => messageOf(head, ['M-1', 'Travaux', first, d('2025-03-01')], ['M-1', 'Travaux', later, d('2025-03-01')]);

  it('large amounts less than a cent apart make no difference', () => {
    // 5 000 000,009 € against 5 000 000 €: 0,9 centime.
    expect(amounts(5_000_000, 5_000_000.009).endsWith(SAME)).toBe(true);
  });

  it('large amounts a whole cent apart differ', () => {
    expect(amounts(5_000_000, 5_000_000.01)).toContain(
      'Conflit, les deux lignes diffèrent (à arbitrer) : « Montant HT » : 5 000 000,01 € sur cette ligne, 5 000 000 € sur la première.',
    );
  });
});

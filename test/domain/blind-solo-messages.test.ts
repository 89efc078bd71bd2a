/**
 * Found by the blind acceptance « solo »: a délai typed « 35 jours » (accepted by the README's
 * reading choices) was reported as « 35 jours jours ». Messages are in French and show the value
 * read (regles.md §3).
 */
import { frenchMessage } from '../../src/domain/validation';

const SOURCE = { file: 'Achats Cadre de Vie 2025.xlsx', sheet: 'Registre 2025', row: 6 };

describe('delai-paiement-depasse message', () => {
  test.each([
    ['35', '35 jours'],
    ['35 jours', '35 jours'],
    ['35 Jours', '35 Jours'],
    ['35 j', '35 j'],
    ['35j', '35j'],
    ['35 jour', '35 jour'],
  ])('value « %s » is shown as « %s »', (read, shown) => {
    expect(frenchMessage('delai-paiement-depasse', SOURCE, 'Délai (j)', read)).toBe(
      `Ligne 6, colonne « Délai (j) » : le délai de paiement (${shown}) dépasse le maximum légal de 30 jours.`,
    );
  });
});

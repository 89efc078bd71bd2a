/**
 * Found by the blind acceptance « solo »: a délai typed « 35 jours » (accepted by the README's
 * reading choices) was reported as « 35 jours jours ». Messages are in French and show the value
 * read (regles.md §3).
 */
import { frenchMessage } from '../../src/domain/validation';

const SOURCE = { file: 'Achats Cadre de Vie 2025.xlsx', sheet: 'Registre 2025', row: 6 };

describe('delai-paiement-depasse message', () => {
  test.each([
    ['35', '35 jours'],
    ['35 jours', '35 jours'],
    ['35 Jours', '35 Jours'],
    ['35 j', '35 j'],
    ['35j', '35j'],
    ['35 jour', '35 jour'],
    // Read since session 41 (recipe paiements): shown like « 35 j », not quoted as an unknown word.
    ['45 jrs', '45 jrs'],
    ['45 j.', '45 j.'],
    ['35,5', '35,5 jours'],
    ['1\u202f035', '1\u202f035\u00a0jours'],
    // The buyer's own « 35 jours » keeps its space; « jours » added to a bare number is bound to it.
    // Other words the reader accepts after a number are shown in quotes, not followed by « jours ».
    ['45 j HT', '« 45 j HT »'],
    ['45 HT', '« 45 HT »'],
  ])('value « %s » is shown as « %s »', (read, shown) => {
    expect(frenchMessage('delai-paiement-depasse', SOURCE, 'Délai (j)', read)).toBe(
      `Ligne 6, colonne « Délai (j) » : le délai de paiement (${shown}) dépasse le maximum légal de 30 jours.`,
    );
  });
});

describe('siret-invalide message says what is wrong (regles.md §3: 14 digits, or the Luhn check)', () => {
  test.each([
    ['12345678901234', 'a bien 14 chiffres mais sa clé de contrôle est fausse'],
    ['123 456 789 01234', 'a bien 14 chiffres mais sa clé de contrôle est fausse'],
    ['1234567890123', "n'a pas 14 chiffres."],
    ['12345678901234X', "n'a pas 14 chiffres."],
  ])('« %s »', (read, says) => {
    const message = frenchMessage('siret-invalide', SOURCE, 'SIRET', read);
    expect(message).toContain(`le SIRET « ${read} » ${says}`);
  });
});

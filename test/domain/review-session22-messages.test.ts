/**
 * A message that asks the buyer to act says where (session-22 usability review: « attend votre
 * confirmation ou votre refus » did not say where to give it).
 */
import { frenchMessage } from '../../src/domain/validation';

it('a suggestion to confirm sends the buyer to the Étiquettes step, the only place that records a decision', () => {
  const message = frenchMessage('suggestion-non-confirmee', { file: 'Pôle A.xlsx', sheet: 'Suivi', row: 7 }, 'Objet', null, 'Marché réservé (« entreprise adaptée »)');
  expect(message).toBe(
    "Ligne 7, colonne « Objet » : l'étiquette suggérée Marché réservé (« entreprise adaptée ») attend votre confirmation ou votre refus, à l'étape Étiquettes du complément.",
  );
});

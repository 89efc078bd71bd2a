/**
 * What the control message says for a saving typed with a minus sign or as a share (blind recipe
 * « paiements »): « Saisissez un montant en euros » alone left the buyer who typed « -8 500 € » (an
 * amount in euros) guessing why it was refused.
 */
import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

function messages(header: readonly string[], row: readonly unknown[]): string[] {
  const sheet = grid('Marchés', [header, row] as never);
  const out = runChain([{ file: 'Pôle A.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15' });
  return out.result.controles.filter((c) => c.code === 'valeur-illisible').map((c) => c.message.replace(/[\u00a0\u202f]/g, ' '));
}

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Négociation', 'Gain de négociation', 'Délai de paiement'];

it('a negative saving: the sign is what is wrong, and the message gives the figure without it', () => {
  expect(messages(HEADER, ['2025-001', 'Voirie', 84600, d('2025-06-12'), 'oui', '-8 500 €', 25])).toEqual([
    "Ligne 2, colonne « Gain de négociation » : la valeur « -8 500 € » ne peut pas être lue. Un gain de négociation ne peut pas être négatif : pour une économie de ce montant, saisissez 8 500 € ; si la négociation n'a rien fait gagner, laissez la cellule vide.",
  ]);
});

it('another negative number: the message says the column takes no negative figure', () => {
  expect(messages(HEADER, ['2025-001', 'Voirie', 84600, d('2025-06-12'), 'oui', 1000, -3])).toEqual([
    "Ligne 2, colonne « Délai de paiement » : la valeur « -3 » ne peut pas être lue. Cette colonne n'admet pas de nombre négatif : saisissez 3 si le signe moins est de trop, sinon corrigez la valeur.",
  ]);
});

it('a saving typed as a share: a percentage is no amount, the euros are to be computed', () => {
  expect(messages(HEADER, ['2025-001', 'Voirie', 52000, d('2025-03-10'), 'oui', '12 %', 20])).toEqual([
    "Ligne 2, colonne « Gain de négociation » : la valeur « 12 % » ne peut pas être lue. Un pourcentage n'est pas un montant : saisissez la somme en euros (par exemple 12 500,00), calculée sur le montant auquel ce pourcentage s'applique.",
  ]);
});

it("a unit that is not the column's: the message names the column's unit", () => {
  expect(messages(HEADER, ['2025-001', 'Voirie', 84600, d('2025-06-12'), 'oui', 1000, '2 mois'])).toEqual([
    "Ligne 2, colonne « Délai de paiement » : la valeur « 2 mois » ne peut pas être lue. Cette colonne se compte en jours : convertissez la valeur en jours et saisissez un nombre (par exemple 35,5).",
  ]);
});

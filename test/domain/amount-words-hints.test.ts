/**
 * Recipe `environnement`: an environmental amount typed « néant » or « 15 % » stays unreadable
 * (regles.md §2), but the message says what the buyer meant to fix: 0 when there is none, and
 * that a percentage is no amount. Any other unreadable amount keeps the example.
 */
import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Montant réemploi', 'Matières recyclées', 'Date de notification'];

function message(montant: unknown, reemploi: unknown, recycle: unknown): string[] {
  const sheet = grid('Marchés', [HEADER, ['2025-001', 'Mobilier', montant, reemploi, recycle, d('2025-02-01')]] as never);
  const out = runChain([{ file: 'Pôle A.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15' });
  return out.result.controles.map((c) => `${c.code}: ${c.message.replace(/[\u00a0\u202f]/g, ' ')}`);
}

describe('hints for an environmental amount written in words or in percent', () => {
  it('« néant », « Aucun », « rien »: say to type 0 when there is none', () => {
    expect(message(1000, 'néant', ' Aucun ')).toEqual([
      "valeur-illisible: Ligne 2, colonne « Montant réemploi » : la valeur « néant » ne peut pas être lue. S'il n'y en a pas, saisissez 0 ; sinon, saisissez un montant en euros (par exemple 12 500,00).",
      "valeur-illisible: Ligne 2, colonne « Matières recyclées » : la valeur « Aucun » ne peut pas être lue. S'il n'y en a pas, saisissez 0 ; sinon, saisissez un montant en euros (par exemple 12 500,00).",
    ]);
    expect(message(1000, 'rien', null)[0]).toContain("S'il n'y en a pas, saisissez 0");
    // « nul » as the README lists it, and its feminine.
    expect(message(1000, 'nul', 'Nulle')).toEqual([
      "valeur-illisible: Ligne 2, colonne « Montant réemploi » : la valeur « nul » ne peut pas être lue. S'il n'y en a pas, saisissez 0 ; sinon, saisissez un montant en euros (par exemple 12 500,00).",
      "valeur-illisible: Ligne 2, colonne « Matières recyclées » : la valeur « Nulle » ne peut pas être lue. S'il n'y en a pas, saisissez 0 ; sinon, saisissez un montant en euros (par exemple 12 500,00).",
    ]);
  });

  it('« 15 % », « 7,5\u00a0% »: a percentage is no amount', () => {
    expect(message(1000, null, '15 %')).toEqual([
      "valeur-illisible: Ligne 2, colonne « Matières recyclées » : la valeur « 15 % » ne peut pas être lue. Un pourcentage n'est pas un montant : saisissez la somme en euros (par exemple 12 500,00), calculée sur le montant auquel ce pourcentage s'applique.",
    ]);
    expect(message(1000, '7,5\u00a0%', null)[0]).toContain("Un pourcentage n'est pas un montant");
  });

  it('the notified amount typed « néant » is not told to be 0; other words keep the example', () => {
    expect(message('néant', null, null)[0]).toMatch(/Saisissez un montant en euros \(par exemple 12 500,00\)\.$/);
    expect(message(1000, 'néant de néant', 'beaucoup')).toEqual([
      "valeur-illisible: Ligne 2, colonne « Montant réemploi » : la valeur « néant de néant » ne peut pas être lue. Saisissez un montant en euros (par exemple 12 500,00).",
      "valeur-illisible: Ligne 2, colonne « Matières recyclées » : la valeur « beaucoup » ne peut pas être lue. Saisissez un montant en euros (par exemple 12 500,00).",
    ]);
  });
});

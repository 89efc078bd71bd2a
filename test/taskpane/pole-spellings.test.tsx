/**
 * README « Choix faits »: the spellings of one Pôle are one Pôle, named as first
 * written in the register. The pane's Pôle list names them as the indicators do:
 * each Pôle once, and its values found under that name.
 */
import './dom-setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const indicator = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;

function polesSheet() {
  return grid('Marchés', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Clause sociale'],
    ['E-1', 'Cantine', 1000, d('2025-02-01'), 'Éducation', 'oui'],
    ['E-2', 'Transport', 2000, d('2025-03-01'), 'EDUCATION ', 'oui'],
    ['E-3', 'Fournitures', 3000, d('2025-04-01'), 'Pôle Education', 'non'],
    ['S-1', 'Stade', 4000, d('2025-05-01'), 'Sports', 'oui'],
  ]);
}

describe('the Pôle list of the Indicateurs step', () => {
  it('names each Pôle once, as first written, and shows its values', async () => {
    render(<App host={fakeHost([polesSheet()])} today={TODAY} initialStep="indicateurs" />);
    const pole = (await screen.findByRole('combobox', { name: 'Pôle' })) as HTMLSelectElement;
    expect(Array.from(pole.options).map((o) => o.textContent)).toEqual(['Toute la Ville', 'Éducation', 'Sports']);
    fireEvent.change(pole, { target: { value: 'Éducation' } });
    await screen.findByDisplayValue('Éducation');
    // E-1 and E-2 carry a clause: 2 contracts of the three spellings together.
    expect(indicator('4.2.2-clause-sociale-nb')).toHaveTextContent(/clause sociale2 Calculé$/);
    expect(indicator('4.2.2-clause-sociale-nb')).not.toHaveTextContent("Aucun marché de ce Pôle pour l'exercice");
  });
});

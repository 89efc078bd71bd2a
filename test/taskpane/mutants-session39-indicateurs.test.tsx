/**
 * Session-39 hand mutation audit of the Indicateurs step (IndicateursStep.tsx `shownIndicator`):
 * what an indicator not calculable for N shows in the City view and in a Pôle's, and the note on
 * a Pôle's own N−1 (README « Valeurs par Pôle », indicateurs.md « N−1 »).
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

afterEach(cleanup);

const block = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;
const CLAUSES = '4.2.2-clause-sociale-nb';

async function showPole(name: string): Promise<void> {
  fireEvent.change(await screen.findByRole('combobox', { name: 'Pôle' }), { target: { value: name } });
  await screen.findByDisplayValue(name);
}

/** 2025 the exercice (the most rows). 2024's contracts in an archive sheet with « Clause sociale » (`clause` in each), 2025's in a sheet without it. */
function archiveAnd2025(clause: string | null) {
  return [
    grid('Archives 2024', [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale', 'Pôle'],
      ['N-4', 'Fournitures', 1000, d('2024-02-03'), clause, 'Pôle Nord'],
      ['N-5', 'Voirie', 1000, d('2024-03-03'), clause, 'Pôle Nord'],
    ]),
    grid('2025', [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Pôle'],
      ['N-1', 'Fournitures', 1000, d('2025-02-03'), 'Pôle Nord'],
      ['N-2', 'Voirie', 1000, d('2025-03-03'), 'Pôle Nord'],
      ['N-3', 'Éclairage', 1000, d('2025-04-03'), 'Pôle Nord'],
    ]),
  ];
}

describe('an indicator not calculable for N (its column absent from the sheet of N)', () => {
  it('City view: « Non calculable » said once, by the badge, with the N−1 of the archive', async () => {
    render(<App host={fakeHost(archiveAnd2025('oui'))} today={TODAY} initialStep="indicateurs" />);
    await screen.findByRole('combobox', { name: 'Pôle' });
    expect(within(block(CLAUSES)).getAllByText('Non calculable')).toHaveLength(1);
    expect(block(CLAUSES)).toHaveTextContent('N−1 : 2');
    expect(block(CLAUSES)).toHaveTextContent('Motif : colonne « Clause sociale » absente');
  });

  it('City view: the note on its N−1 is said (N−1 rows none of which filled the column)', async () => {
    render(<App host={fakeHost(archiveAnd2025(null))} today={TODAY} initialStep="indicateurs" />);
    await screen.findByRole('combobox', { name: 'Pôle' });
    expect(block(CLAUSES)).toHaveTextContent(/N−1\s: 0/);
    expect(block(CLAUSES)).toHaveTextContent(/Note\s: en N−1, 0\sligne renseignée sur 2/);
  });

  it('Pôle view: no N−1 line nor note of the City', async () => {
    render(<App host={fakeHost(archiveAnd2025('oui'))} today={TODAY} initialStep="indicateurs" />);
    await showPole('Pôle Nord');
    expect(block(CLAUSES)).toHaveTextContent('Non calculable');
    expect(block(CLAUSES)).not.toHaveTextContent('N−1');
    expect(block(CLAUSES)).not.toHaveTextContent('Note');
  });
});

describe('a Pôle view: the note on its own N−1', () => {
  it('says that none of its N−1 rows filled the column', async () => {
    const sheet = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale', 'Pôle'],
      ['N-1', 'Fournitures', 1000, d('2025-02-03'), 'oui', 'Pôle Nord'],
      ['N-2', 'Voirie', 1000, d('2025-03-03'), 'non', 'Pôle Nord'],
      ['S-1', 'Location', 1000, d('2025-02-03'), 'oui', 'Pôle Sud'],
      ['N-4', 'Fournitures', 1000, d('2024-02-03'), null, 'Pôle Nord'],
      ['N-5', 'Voirie', 1000, d('2024-03-03'), null, 'Pôle Nord'],
      ['S-2', 'Location', 1000, d('2024-02-03'), 'oui', 'Pôle Sud'],
    ]);
    render(<App host={fakeHost([sheet])} today={TODAY} initialStep="indicateurs" />);
    await showPole('Pôle Nord');
    expect(block(CLAUSES)).toHaveTextContent(/N−1\s: 0 \(évolution\s: \+1\)/);
    expect(block(CLAUSES)).toHaveTextContent(/Note\s: en N−1, 0\sligne renseignée sur 2/);
  });
});

describe("a Pôle view: the digits of its own N−1", () => {
  it('a whole mean beside a Pôle N−1 of 2,5 offers: the N−1 and its change keep their decimal', async () => {
    // Every value of the indicator's row is whole (City 4 and 3, each Pôle 4): only Pôle Nord's own N−1 is not.
    const sheet = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif', "Nombre d'offres reçues", 'Procédure', 'Pôle'],
      ['N-1', 'Objet', 1000, d('2025-02-03'), 4, "Appel d'offres ouvert", 'Pôle Nord'],
      ['N-2', 'Objet', 1000, d('2025-02-03'), 4, "Appel d'offres ouvert", 'Pôle Nord'],
      ['S-1', 'Objet', 1000, d('2025-03-03'), 4, "Appel d'offres ouvert", 'Pôle Sud'],
      ['S-2', 'Objet', 1000, d('2025-03-03'), 4, "Appel d'offres ouvert", 'Pôle Sud'],
      ['N-4', 'Objet', 1000, d('2024-02-03'), 2, "Appel d'offres ouvert", 'Pôle Nord'],
      ['N-5', 'Objet', 1000, d('2024-03-03'), 3, "Appel d'offres ouvert", 'Pôle Nord'],
      ['S-4', 'Objet', 1000, d('2024-03-03'), 4, "Appel d'offres ouvert", 'Pôle Sud'],
    ]);
    render(<App host={fakeHost([sheet])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByRole('combobox', { name: 'Pôle' });
    expect(block('2.2.3-soumissionnaires')).toHaveTextContent(/N−1\s: 3 \(évolution\s: \+1\)/);
    await showPole('Pôle Nord');
    expect(block('2.2.3-soumissionnaires')).toHaveTextContent(/N−1\s: 2,5 \(évolution\s: \+1,5\)/);
  });
});

describe("a Pôle view: the digits of its value", () => {
  it('a whole Pôle value takes the decimal of the indicator\'s row (the City\'s 3,5)', async () => {
    const sheet = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif', "Nombre d'offres reçues", 'Procédure', 'Pôle'],
      ['N-1', 'Objet', 1000, d('2025-02-03'), 4, "Appel d'offres ouvert", 'Pôle Nord'],
      ['N-2', 'Objet', 1000, d('2025-02-03'), 4, "Appel d'offres ouvert", 'Pôle Nord'],
      ['S-1', 'Objet', 1000, d('2025-03-03'), 3, "Appel d'offres ouvert", 'Pôle Sud'],
      ['S-2', 'Objet', 1000, d('2025-03-03'), 3, "Appel d'offres ouvert", 'Pôle Sud'],
    ]);
    render(<App host={fakeHost([sheet])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByRole('combobox', { name: 'Pôle' });
    expect(block('2.2.3-soumissionnaires')).toHaveTextContent(/^2\.2\.3 Nombre de soumissionnaires par consultation3,5 Calculé/);
    await showPole('Pôle Nord');
    expect(block('2.2.3-soumissionnaires')).toHaveTextContent(/^2\.2\.3 Nombre de soumissionnaires par consultation4,0 Calculé/);
  });
});


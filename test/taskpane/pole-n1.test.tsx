/**
 * Step 4, Pôle view: beside a Pôle's value, its own N−1 value with the change and its own
 * coverage (indicateurs.md « Par pôle » and « N−1 »), as the City view gives the City's.
 */
import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const block = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;
const SOCIAL_SHARE = '4.1.2-consideration-sociale';
const CLAUSES = '4.2.2-clause-sociale-nb';

function twoPoles() {
  const rows: CellValue[][] = [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale', 'Pôle'],
    ['N-1', 'Fournitures de bureau', 1000, d('2025-02-03'), 'oui', 'Pôle Nord'],
    ['N-2', 'Travaux de voirie', 1000, d('2025-03-03'), 'non', 'Pôle Nord'],
    ['N-3', 'Maintenance informatique', 1000, d('2025-04-03'), null, 'Pôle Nord'],
    ['S-1', 'Location de matériel', 1000, d('2025-02-03'), 'oui', 'Pôle Sud'],
    ['N-4', 'Fournitures de bureau', 1000, d('2024-02-03'), 'non', 'Pôle Nord'],
    ['N-5', 'Travaux de voirie', 1000, d('2024-03-03'), 'non', 'Pôle Nord'],
  ];
  return grid('Marchés', rows);
}

/** Pôle Est's sheet has no « Clause sociale » column: unknown for its rows (regles.md §2, absent columns). */
function estSheet() {
  return grid('Est', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Pôle'],
    ['E-1', 'Location de matériel', 1000, d('2025-05-03'), 'Pôle Est'],
  ]);
}

/** The COPIL's target on the share of social contracts. */
function ciblesSheet() {
  return grid('Cibles', [
    ['Indicateur', 'Année', 'Cible'],
    [SOCIAL_SHARE, 2025, 40],
  ]);
}

/** Chooses a Pôle; `shown` is its option's text when it differs from its name. */
async function showPole(name: string, shown = name): Promise<void> {
  const pole = await screen.findByRole('combobox', { name: 'Pôle' });
  fireEvent.change(pole, { target: { value: name } });
  await screen.findByDisplayValue(shown);
}

describe('Pôle view: the Pôle’s own N−1 and coverage', () => {
  it('City view first: the City’s N−1 (Pôle Nord’s two rows of 2024) and coverage', async () => {
    render(<App host={fakeHost([twoPoles()])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByRole('combobox', { name: 'Pôle' });
    // 2025: clause on N-1 and S-1 of 4 rows → 50 %; 2024: 0 of 2; the empty cell of N-3 is not filled: 3 of 4.
    expect(block(SOCIAL_SHARE)).toHaveTextContent('N−1 : 0,0 % (évolution : +50,0 points)');
    expect(block(SOCIAL_SHARE)).toHaveTextContent('Couverture : 3 lignes renseignées sur 4');
  });

  it('Pôle Nord: its own value, N−1 and coverage, not the City’s', async () => {
    render(<App host={fakeHost([twoPoles()])} today={TODAY} initialStep="indicateurs" />);
    await showPole('Pôle Nord');
    // 2025: 1 of 3 → 33,3 %; 2024: 0 of 2 → 0 %; filled 2 of 3.
    expect(block(SOCIAL_SHARE)).toHaveTextContent('33,3 %');
    expect(block(SOCIAL_SHARE)).toHaveTextContent('N−1 : 0,0 % (évolution : +33,3 points)');
    expect(block(SOCIAL_SHARE)).toHaveTextContent('Couverture : 2 lignes renseignées sur 3');
    expect(block(SOCIAL_SHARE)).not.toHaveTextContent('+50 points');
    // Clauses counted: 1 in 2025, 0 in 2024.
    expect(block(CLAUSES)).toHaveTextContent('N−1 : 0 (évolution : +1)');
  });

  it('Pôle Sud, without rows of 2024: no N−1 line (the City’s is not shown in its place), full coverage', async () => {
    render(<App host={fakeHost([twoPoles()])} today={TODAY} initialStep="indicateurs" />);
    await showPole('Pôle Sud');
    expect(block(SOCIAL_SHARE)).toHaveTextContent('100,0 %');
    expect(block(SOCIAL_SHARE)).not.toHaveTextContent('N−1');
    expect(block(SOCIAL_SHARE)).not.toHaveTextContent('Couverture');
    expect(block(CLAUSES)).not.toHaveTextContent('N−1');
  });

  it('no target line in a Pôle view: the COPIL’s targets are the City’s', async () => {
    render(<App host={fakeHost([twoPoles(), ciblesSheet()])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByRole('combobox', { name: 'Pôle' });
    expect(block(SOCIAL_SHARE)).toHaveTextContent(/Cible : .*40,0 %/);
    await showPole('Pôle Nord');
    expect(block(SOCIAL_SHARE)).toHaveTextContent('N−1 : 0,0 %');
    expect(block(SOCIAL_SHARE)).not.toHaveTextContent('Cible');
  });

  it('a Pôle whose sheet lacks the column: « Non calculable pour ce Pôle », its badge and its motif, while the City’s is calculated', async () => {
    render(<App host={fakeHost([twoPoles(), estSheet()])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByRole('combobox', { name: 'Pôle' });
    expect(within(block(CLAUSES)).getByText('Calculé')).toBeInTheDocument();
    await showPole('Pôle Est');
    expect(block(CLAUSES)).toHaveTextContent('Non calculable pour ce Pôle');
    expect(within(block(CLAUSES)).getByText('Non calculable', { selector: '.fui-Badge' })).toBeInTheDocument();
    expect(block(CLAUSES)).toHaveTextContent('Motif : colonne « Clause sociale » absente');
    expect(block(CLAUSES)).not.toHaveTextContent('—');
  });

  it('the axe’s summary counts the statuses shown: the Pôle’s own in its view', async () => {
    render(<App host={fakeHost([twoPoles(), estSheet()])} today={TODAY} initialStep="indicateurs" />);
    const axe4 = () => screen.getByRole('heading', { name: /^Axe 4 — / }).parentElement as HTMLElement;
    await screen.findByRole('combobox', { name: 'Pôle' });
    // Axe 4 on « Clause sociale » alone: 4.1.2-consideration-sociale, 4.2.2-clause-sociale-nb and -part.
    expect(axe4()).toHaveTextContent('3 calculés ou saisis sur 14');
    await showPole('Pôle Est');
    expect(axe4()).toHaveTextContent('0 calculé ou saisi sur 14');
    // Every indicator but 1.1.2-dataviz (City only) needs a column beyond the four required ones
    // (indicateurs.md, « needs »): Pôle Est, with those alone, has none of its own.
    expect(screen.getByText(/^Pôle Est : /)).toHaveTextContent('Pôle Est : 1 ligne retenue pour 2025 ; 0 indicateur calculé ou saisi pour ce Pôle sur 56.');
    await showPole('Pôle Nord');
    expect(axe4()).toHaveTextContent('3 calculés ou saisis sur 14');
    // « Clause sociale » gives five: 4.2.2-clause-sociale-nb and -part (clauseSociale), 4.1.2 (a social
    // field), 1.1.2-marches-ar and -montant-ar (a social or environmental field).
    expect(screen.getByText(/^Pôle Nord : /)).toHaveTextContent('Pôle Nord : 3 lignes retenues pour 2025 ; 5 indicateurs calculés ou saisis pour ce Pôle sur 56.');
  });

  it('a Pôle without a row of the exercice: none of its own, every indicator « Aucun marché de ce Pôle pour l’exercice »', async () => {
    // Pôle Ouest has a row of 2024 only: listed among the Pôles (its rows are in the register), nothing for 2025,
    // which its option says (README « Pôles »).
    const ouest = grid('Ouest', [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale', 'Pôle'],
      ['O-1', 'Location de matériel', 1000, d('2024-05-03'), 'oui', 'Pôle Ouest'],
    ]);
    render(<App host={fakeHost([twoPoles(), ouest])} today={TODAY} initialStep="indicateurs" />);
    await showPole('Pôle Ouest', 'Pôle Ouest (aucune ligne retenue pour 2025)');
    expect(screen.getByText(/^Pôle Ouest : /)).toHaveTextContent('Pôle Ouest : 0 ligne retenue pour 2025 ; 0 indicateur calculé ou saisi pour ce Pôle sur 56.');
    expect(block(CLAUSES)).toHaveTextContent("Aucun marché de ce Pôle pour l'exercice");
    expect(within(block(CLAUSES)).getByText('Non calculable', { selector: '.fui-Badge' })).toBeInTheDocument();
  });

  it('an indicator computed for the City only says « Non ventilé par Pôle » in a Pôle view, not a dash', async () => {
    render(<App host={fakeHost([twoPoles(), ciblesSheet()])} today={TODAY} initialStep="indicateurs" />);
    await showPole('Pôle Nord');
    // 1.1.1-cibles-atteintes: the COPIL's targets are the City's (README « Valeurs par Pôle »).
    expect(block('1.1.1-cibles-atteintes')).toHaveTextContent('Non ventilé par Pôle');
    expect(block('1.1.1-cibles-atteintes')).not.toHaveTextContent('—');
    // The badge is the Pôle's: it has no value of its own (the City's is « Calculé »).
    expect(within(block('1.1.1-cibles-atteintes')).getByText('Non calculable', { selector: '.fui-Badge' })).toBeInTheDocument();
  });
});

/**
 * `regles.md` §2 « Each indicator reports its coverage »: the pane says it beside a value
 * computed on part of the contracts, as the sheet's `Couverture` column does.
 */
import './dom-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { coverageLine } from '../../src/taskpane/components/IndicateursStep';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

afterEach(cleanup);

const indicator = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;

/** Four contracts of 2025; the third has no « Clause sociale ». */
function sheet() {
  return grid('Suivi 2025', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Clause sociale'],
    ['2025-001', 'Nettoyage des écoles', 1000, d('2025-02-03'), 'oui'],
    ['2025-002', 'Fournitures de bureau', 2000, d('2025-03-03'), 'non'],
    ['2025-003', 'Travaux de peinture', 3000, d('2025-04-03'), null],
    ['2025-004', 'Entretien des espaces verts', 4000, d('2025-05-03'), 'oui'],
  ]);
}

describe('coverage in the Indicateurs step', () => {
  it('says how many rows of the scope had the field, when not all did', async () => {
    render(<App host={fakeHost([sheet()])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByText(/4\slignes retenues pour 2025/);
    // 4 contracts of 2025 in scope, 3 with « Clause sociale » filled.
    expect(within(indicator('4.1.2-consideration-sociale')).getByText('Couverture : 3 lignes renseignées sur 4')).toBeInTheDocument();
    expect(within(indicator('1.1.2-montant-ar')).getByText('Couverture : 3 lignes renseignées sur 4')).toBeInTheDocument();
  });

  it('says nothing when every row of the scope had the field', async () => {
    const full = sheet();
    (full.rows[3] as unknown[])[4] = 'non';
    render(<App host={fakeHost([full])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByText(/4\slignes retenues pour 2025/);
    // 2 contracts of 4 with a clause sociale.
    expect(indicator('4.1.2-consideration-sociale')).toHaveTextContent(/50,0\s*%/);
    expect(screen.queryByText(/^Couverture/)).toBeNull();
  });

  it('stays silent when complete, empty or non calculable', () => {
    expect(coverageLine({ statut: 'calculé', couverture: { renseignees: 4, total: 4 } })).toBeNull();
    expect(coverageLine({ statut: 'calculé', couverture: { renseignees: 0, total: 0 } })).toBeNull();
    expect(coverageLine({ statut: 'non calculable', couverture: { renseignees: 0, total: 3 } })).toBeNull();
    expect(coverageLine({ statut: 'calculé', couverture: { renseignees: 1, total: 3 } })).toBe('Couverture : 1 ligne renseignée sur 3');
  });
});

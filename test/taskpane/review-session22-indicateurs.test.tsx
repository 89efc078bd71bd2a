/**
 * The Indicateurs step, from the session-22 usability review of the preview (a buyer's eyes, at the
 * pane's width): what it showed that misled or read wrong.
 */
import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const indicator = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;
const NBSP = '\u00a0';

/** Two contracts of 2025, one dated 2031 and one 1999 by a typo (both `date-invalide`, TODAY in 2026); three hires on M-1. */
function workbook() {
  return [
    grid('Suivi', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
      ['M-1', 'Nettoyage des écoles', 1000, d('2025-02-01'), 'oui'],
      ['M-2', 'Papier', 500, d('2025-03-01'), 'non'],
      ['M-3', 'Voirie', 800, d('2031-03-01'), 'non'],
      ['M-4', 'Élagage', 900, d('1999-05-01'), 'non'],
    ]),
    grid('Insertion', [
      ['N° de marché', 'Bénéficiaire', 'Sexe', 'Type de contrat'],
      ['M-1', 'B1', 'F', 'CDI'],
      ['M-1', 'B2', 'H', 'CDD'],
      ['M-1', 'B3', 'H', 'CDD'],
    ]),
  ];
}

describe('the Exercice list', () => {
  it('offers no year that only a date out of the allowed period gives (regles.md §3 date-invalide)', async () => {
    render(<App host={fakeHost(workbook())} today={TODAY} initialStep="indicateurs" />);
    await screen.findByText(/2\slignes retenues pour 2025/);
    const options = within(screen.getByRole('combobox', { name: 'Exercice' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['2025']);
  });

  it('lists the years latest first, the exercice in force chosen (regles.md §9: one row a year, a tie, the later year)', async () => {
    const g = grid('Suivi', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['M-1', 'Papier', 500, d('2023-03-01')],
      ['M-2', 'Voirie', 800, d('2025-03-01')],
      ['M-3', 'Élagage', 900, d('2024-05-01')],
    ]);
    render(<App host={fakeHost([g])} today={TODAY} initialStep="indicateurs" />);
    await screen.findByText(/1\sligne retenue pour 2025/);
    const list = screen.getByRole('combobox', { name: 'Exercice' }) as HTMLSelectElement;
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['2025', '2024', '2023']);
    expect(list.value).toBe('2025');
  });
});

describe('an indicator with a value and its breakdown', () => {
  it('shows both, as the command line and the sheet do (indicateurs.md: « count per typeContrat (breakdown) », « breakdown F/H »)', async () => {
    render(<App host={fakeHost(workbook())} today={TODAY} initialStep="indicateurs" />);
    await screen.findByText(/2\slignes retenues pour 2025/);
    const typologie = indicator('4.2.2-typologie').textContent ?? '';
    expect(typologie).toMatch(/3 \(.*\)/);
    expect(typologie).toContain('CDI : 1');
    expect(typologie).toContain('CDD : 2');
    const femmes = indicator('4.2.2-femmes').textContent ?? '';
    expect(femmes).toMatch(/33,3\s%/);
    // Named as in the breakdown table of `SPASER Indicateurs` (the JSON keeps `F` and `H`).
    expect(femmes).toContain(`Femmes : 1${NBSP}; Hommes : 2`);
  });
});

describe('the summary line', () => {
  it('says « 1 indicateur calculé ou saisi » in the singular, a no-break space before « ; »', async () => {
    // Every row in error: only 1.1.2-dataviz is computed.
    const g = grid('Suivi', [
      ['N° marché', 'Objet', 'Montant HT', 'Date notif'],
      ['M-1', '', 1000, d('2025-02-01')],
    ]);
    render(<App host={fakeHost([g])} today={TODAY} initialStep="indicateurs" />);
    // The text as written: the default matcher would make the no-break space a plain one.
    expect(await screen.findByText(`0 ligne retenue pour 2025 sur 1 ligne lue${NBSP}; 1 indicateur calculé ou saisi sur 56.`, { normalizer: (t) => t.trim() })).toBeInTheDocument();
  });
});

describe('a file that cannot be opened, chosen after a workbook in the preview', () => {
  it('leaves the open workbook and its steps in place, the error said beside them', async () => {
    const host = fakeHost(workbook(), { kind: 'apercu', name: 'Pôle Culture.xlsx' });
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    const picker = () => screen.getByLabelText('Choisir un classeur (.xlsx)');
    fireEvent.change(picker(), { target: { files: [new File([new Uint8Array([1])], 'Pôle Culture.xlsx')] } });
    await screen.findByText(/2\slignes retenues pour 2025/);
    host.open = async () => {
      throw new Error('pas un classeur');
    };
    fireEvent.change(picker(), { target: { files: [new File([new Uint8Array([2])], 'PasUnClasseur.xlsx')] } });
    expect(await screen.findByText(/La lecture du classeur a échoué/)).toBeInTheDocument();
    expect(screen.getByText(/2\slignes retenues pour 2025/)).toBeInTheDocument();
    expect(screen.getByText(/Aperçu hors d'Excel : Pôle Culture\.xlsx/)).toBeInTheDocument();
  });
});

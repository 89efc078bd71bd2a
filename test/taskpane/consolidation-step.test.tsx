import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { App } from '../../src/taskpane/components/App';
import { grid, d } from '../helpers/grid';
import { buyerSheet, fakeHost, TODAY } from './fixtures';
import { enabled } from '../helpers/enabled-button';

expect.extend(toHaveNoViolations);

const poleFile = {
  name: 'Pôle Ressources.xlsx',
  sheets: [
    grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['R-1', 'Papier', 100, d('2025-01-10')],
      ['R-2', '=SOMME(A1)', 200, d('2025-02-10')],
    ]),
  ],
};
const emptyFile = { name: 'Notes.xlsx', sheets: [grid('Feuil1', [['Bonjour']])] };

describe('Consolidation step', () => {
  it('lists each file with what was recognised; the Pôle name is editable and used by the import', async () => {
    const host = fakeHost([buyerSheet()], { files: [poleFile, emptyFile] });
    const { container } = render(<App host={host} today={TODAY} initialStep="consolidation" />);
    await screen.findByText(/1\sfeuille reconnue|lignes retenues|Étape 5 sur 5/);
    const files = [new File([new Uint8Array([1])], 'Pôle Ressources.xlsx'), new File([new Uint8Array([1])], 'Notes.xlsx')];
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files } });

    const card = await screen.findByRole('region', { name: 'Fichier Pôle Ressources.xlsx' });
    expect(within(card).getByText('« Marchés » : Registre des marchés, 2 lignes')).toBeInTheDocument();
    const notes = screen.getByRole('region', { name: 'Fichier Notes.xlsx' });
    expect(within(notes).getByText(/Aucune feuille reconnue/)).toBeInTheDocument();
    const pole = within(card).getByRole('textbox', { name: 'Pôle du fichier « Pôle Ressources.xlsx »' }) as HTMLInputElement;
    expect(pole.value).toBe('Pôle Ressources');
    expect(await axe(container)).toHaveNoViolations();

    fireEvent.change(pole, { target: { value: 'Ressources' } });
    fireEvent.click(await enabled(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })));
    await screen.findByRole('heading', { name: /Étape 4 sur 5 — Indicateurs/ });
    expect(host.imported).toHaveLength(1);
    const [sheet] = host.imported[0];
    expect(sheet.name).toBe('Ressources');
    expect(sheet.rows).toEqual([
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
      ['R-1', 'Papier', 100, d('2025-01-10'), 'Ressources'],
      ['R-2', '=SOMME(A1)', 200, d('2025-02-10'), 'Ressources'],
    ]);
    // Computed over both register sheets: 7 rows of the buyer's sheet + 2 imported.
    await screen.findByText(/sur 9\slignes lues/);
  });

  it('refuses to import with an empty Pôle name', async () => {
    render(<App host={fakeHost([buyerSheet()], { files: [poleFile] })} today={TODAY} initialStep="consolidation" />);
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), { target: { files: [new File([new Uint8Array([1])], 'Pôle Ressources.xlsx')] } });
    const card = await screen.findByRole('region', { name: 'Fichier Pôle Ressources.xlsx' });
    fireEvent.change(within(card).getByRole('textbox'), { target: { value: '  ' } });
    expect(within(card).getByText('Donnez le nom du Pôle.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Importer 1 classeur et calculer' })).toBeDisabled();
  });
});

describe('Consolidation step — what a Pôle saved in its file', () => {
  it('says that its column choices and tag decisions are carried over (blind conso-excel: nothing told them apart)', async () => {
    const saved = {
      ...poleFile,
      state: {
        version: 1 as const,
        mappings: [{ sheet: 'Marchés', headerRow: 1, columns: { Objet: 'objet' } }],
        decisions: [
          { numero: 'R-1', consideration: 'environnementale' as const, etiquette: 'Clause environnementale', decision: 'confirmée' as const },
          { numero: 'R-2', consideration: 'sociale' as const, etiquette: 'Marché réservé', decision: 'rejetée' as const },
        ],
      },
    };
    const onlyDecision = { ...poleFile, name: 'Pôle Sport.xlsx', state: { version: 1 as const, mappings: [], decisions: [saved.state.decisions[0]] } };
    render(<App host={fakeHost([buyerSheet()], { files: [saved, onlyDecision, emptyFile] })} today={TODAY} initialStep="consolidation" />);
    const files = ['Pôle Ressources.xlsx', 'Pôle Sport.xlsx', 'Notes.xlsx'].map((n) => new File([new Uint8Array([1])], n));
    fireEvent.change(await screen.findByLabelText('Classeurs à consolider'), { target: { files } });
    const card = await screen.findByRole('region', { name: 'Fichier Pôle Ressources.xlsx' });
    expect(
      within(card).getByText("Le Pôle a enregistré dans ce fichier ses choix de colonnes et 2 décisions d'étiquettes : ils sont repris dans ce classeur."),
    ).toBeInTheDocument();
    const sport = screen.getByRole('region', { name: 'Fichier Pôle Sport.xlsx' });
    expect(within(sport).getByText("Le Pôle a enregistré dans ce fichier une décision d'étiquette : elle est reprise dans ce classeur.")).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Fichier Notes.xlsx' })).queryByText(/a enregistré/)).toBeNull();
  });
});

import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import type { SheetGrid } from '../../src/domain/cell';
import { grid, d } from '../helpers/grid';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

/** A sheet the adapters left unread: a value in XFD1048576 (see `oversized-sheets.test.ts`). */
const farSheet = (name: string): SheetGrid => ({ name, firstRow: 1, firstCol: 1, rows: [], tables: [], oversized: { firstRow: 1, firstCol: 1, lastRow: 1_048_576, lastCol: 16_384 } });
const FAR = /La feuille « Brouillon » n'est pas lue : ses cellules remplies s'étendent de A1 à XFD1048576.*sur la ligne 1 048 576 ou dans la colonne XFD/;

describe('a sheet too large to read, in the pane', () => {
  it('in the open workbook: the register is computed and the sheet named with where to look', async () => {
    render(<App host={fakeHost([buyerSheet(), farSheet('Brouillon')])} today={TODAY} />);
    expect(await screen.findByText(FAR)).toBeInTheDocument();
    expect(screen.queryByText('Pas de registre')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Indicateurs/ }));
    expect(await screen.findByText(/sur 7 lignes lues/)).toBeInTheDocument();
  });

  it('the only sheet of the open workbook: « Pas de registre » says why, not « vide »', async () => {
    render(<App host={fakeHost([farSheet('Brouillon')])} today={TODAY} />);
    expect(await screen.findByText('Pas de registre')).toBeInTheDocument();
    expect(screen.getByText(FAR)).toBeInTheDocument();
    expect(screen.queryByText('Ce classeur est vide.')).toBeNull();
  });

  it('in a Pôle file to consolidate: said on its card, whether the file has a register or not', async () => {
    const register = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['R-1', 'Papier', 100, d('2025-01-10')],
    ]);
    const files = [
      { name: 'Pôle Ressources.xlsx', sheets: [register, farSheet('Brouillon')] },
      { name: 'Pôle Sport.xlsx', sheets: [farSheet('Brouillon')] },
    ];
    render(<App host={fakeHost([buyerSheet()], { files })} today={TODAY} initialStep="consolidation" />);
    await screen.findByText(/Étape 5 sur 5/);
    fireEvent.change(screen.getByLabelText('Classeurs à consolider'), {
      target: { files: files.map((f) => new File([new Uint8Array([1])], f.name)) },
    });
    const withRegister = await screen.findByRole('region', { name: 'Fichier Pôle Ressources.xlsx' });
    expect(within(withRegister).getByText(FAR)).toBeInTheDocument();
    expect(within(withRegister).getByText('« Marchés » : Registre des marchés, 1 ligne')).toBeInTheDocument();
    const without = screen.getByRole('region', { name: 'Fichier Pôle Sport.xlsx' });
    expect(within(without).getByText(FAR)).toBeInTheDocument();
    expect(within(without).getByText(/Aucune feuille reconnue/)).toBeInTheDocument();
  });
});

/**
 * No register in the workbook (the blind pane test's findings): an empty
 * workbook is called empty, with what to do; a workbook without a register is
 * a warning to act on at step 1, not a « Problème », and it is not shown on the
 * Consolidation step, where the project lead is about to build the register.
 */
import './dom-setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { grid } from '../helpers/grid';
import { fakeHost, TODAY, unknownSheet } from './fixtures';

describe('a workbook without a register', () => {
  it('is a warning « Pas de registre », with what to do, not a « Problème »', async () => {
    render(<App host={fakeHost([unknownSheet()], { name: 'Annuaire.xlsx' })} today={TODAY} />);
    const message = await screen.findByText(/Aucun registre reconnu dans « Annuaire\.xlsx »/);
    expect(message.closest('.fui-MessageBar')).toHaveTextContent(/^Pas de registre/);
    expect(message).toHaveTextContent("Choisissez la feuille et les colonnes obligatoires à l'étape Colonnes.");
    expect(screen.queryByText('Problème')).toBeNull();
    expect(screen.getByRole('region', { name: 'Indiquer le registre' })).toBeInTheDocument();
  });

  it('is not shown on the Consolidation step, and is shown again back on step 1', async () => {
    render(<App host={fakeHost([unknownSheet()], { name: 'Bilan SPASER.xlsx' })} today={TODAY} />);
    await screen.findByText(/Aucun registre reconnu/);
    fireEvent.click(screen.getByRole('button', { name: '5. Consolidation' }));
    await screen.findByText(/Étape 5 sur 5/);
    expect(screen.queryByText(/Aucun registre reconnu/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '1. Colonnes' }));
    expect(await screen.findByText(/Aucun registre reconnu/)).toBeInTheDocument();
  });
});

describe('an empty workbook', () => {
  it('is called empty, with what to do instead of a form with nothing to choose', async () => {
    render(<App host={fakeHost([grid('Feuil1', []), grid('Feuil2', [[null, '']])], { name: 'Vide.xlsx' })} today={TODAY} />);
    const message = await screen.findByText(/Le classeur « Vide\.xlsx » est vide/);
    expect(message).toHaveTextContent(/N° de marché, Objet, Montant HT et Date de notification/);
    expect(message).toHaveTextContent("réunissez les classeurs des Pôles à l'étape Consolidation.");
    expect(screen.getByText('Ce classeur est vide.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Indiquer le registre' })).toBeNull();
  });

  it('a sheet with one filled cell is not empty: the form to point at the register is there', async () => {
    render(<App host={fakeHost([grid('Feuil1', [[null, 'Notes']])], { name: 'Notes.xlsx' })} today={TODAY} />);
    await screen.findByText(/Aucun registre reconnu dans « Notes\.xlsx »/);
    expect(screen.getByRole('region', { name: 'Indiquer le registre' })).toBeInTheDocument();
  });
});

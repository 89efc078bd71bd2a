/**
 * Session-39 hand mutation audit of the pane around its steps (App.tsx, state.ts, errors.ts), for
 * what the tests already there left open: the pane after a file that cannot be opened, the import's
 * message, and which failures are said to be a workbook of SPASER sheets only.
 */
import './dom-setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { NoRegisterError } from '../../src/domain/chain';
import { App, importedNotice } from '../../src/taskpane/components/App';
import { importPlan, recogniseFile } from '../../src/taskpane/consolidation';
import { describeComputeError, describeError, describeUnmarkedSheets } from '../../src/taskpane/errors';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const marches = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
  ['C-1', 'Théâtre', 900, d('2025-04-04'), 'Culture'],
  ['C-2', 'Musée', 1200, d('2025-05-05'), 'Culture'],
]);
const objectifs = grid('Objectifs', [
  ['Indicateur', 'Année', 'Cible'],
  ['4.1.2-consideration-sociale', 2025, 30],
]);

describe('a file that cannot be opened, chosen after a workbook in the preview', () => {
  it('ends the reading: no progress bar left, the file picker usable again', async () => {
    const host = fakeHost([marches], { kind: 'apercu', name: 'Pôle Culture.xlsx' });
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    const picker = () => screen.getByLabelText('Choisir un classeur (.xlsx)');
    fireEvent.change(picker(), { target: { files: [new File([new Uint8Array([1])], 'Pôle Culture.xlsx')] } });
    await screen.findByText(/2\slignes retenues pour 2025/);
    host.open = async () => {
      throw new Error('pas un classeur');
    };
    fireEvent.change(picker(), { target: { files: [new File([new Uint8Array([2])], 'PasUnClasseur.xlsx')] } });
    expect(await screen.findByText(/La lecture du classeur a échoué/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: /Choisir un classeur/ })).toBeEnabled();
  });
});

describe("the import's message", () => {
  it('names the file\'s sheet only beside a second register of the file, not beside a companion sheet', () => {
    const file = recogniseFile({ name: 'Pôle Culture.xlsx', sheets: [marches, objectifs] }, TODAY);
    const plan = importPlan([file], { 'Pôle Culture.xlsx': 'Culture' });
    expect(plan.map((p) => p.kind)).toEqual(['registre', 'cibles']);
    const notice = importedNotice(plan).replace(/\u00a0/g, ' ');
    expect(notice).toContain('« Culture » (2 lignes)');
    expect(notice).not.toMatch(/feuille « Marchés »/);
  });

  it('counts the lines of a companion sheet under a header on two rows without its second header row', () => {
    // A Cibles sheet whose header the Pôle said on two rows: copied whole, two rows of header then one target.
    const notice = importedNotice([
      {
        name: 'Culture - Cibles',
        kind: 'cibles',
        source: { file: 'Pôle Culture.xlsx', sheet: 'Objectifs' },
        rows: [['Indicateur', 'Année', 'Cible'], [null, null, '(en %)'], ['4.1.2-consideration-sociale', 2025, 30]],
        headerRows: 2,
      },
    ]).replace(/\u00a0/g, ' ');
    expect(notice).toContain('« Culture - Cibles » (1 ligne)');
  });
});

describe('a failed computation on a workbook of SPASER sheets', () => {
  const spaserOnly = [{ file: 'Résultat.xlsx', sheets: [grid('SPASER Indicateurs', [['Indicateur']]), grid('SPASER Pôles', [['Pôle']])], state: null }];
  const only = /ne contient que des feuilles SPASER/;

  it('is said so when no register is found there', () => {
    expect(describeComputeError(new NoRegisterError(['Résultat.xlsx']), spaserOnly)).toMatch(only);
  });

  it('is not said so when the workbook also holds a sheet of the user (not a register)', () => {
    const mixed = [{ ...spaserOnly[0], sheets: [...spaserOnly[0].sheets, grid('Notes', [['Réunion du 3 mars']])] }];
    const error = new NoRegisterError(['Résultat.xlsx']);
    expect(describeComputeError(error, mixed)).not.toMatch(only);
    expect(describeComputeError(error, mixed)).toBe(describeError(error, 'calcul'));
  });

  it('is not said so for another failure than no register', () => {
    const error = new Error('calcul interrompu');
    expect(describeComputeError(error, spaserOnly)).not.toMatch(only);
    expect(describeComputeError(error, spaserOnly)).toBe(describeError(error, 'calcul'));
  });
});

describe('marks of an earlier computation left on protected sheets', () => {
  it('beside one sheet whose faulty cells are not marked: the way to unprotect is said once, not twice', () => {
    const text = describeUnmarkedSheets(['Marchés'], ['Archives']);
    expect(text.match(/ôtez la protection/g)).toHaveLength(1);
    expect(text).not.toMatch(/pour le mettre à jour/);
  });

  it('alone: says how to update it', () => {
    expect(describeUnmarkedSheets([], ['Archives'])).toMatch(/pour le mettre à jour, ôtez la protection/);
  });
});

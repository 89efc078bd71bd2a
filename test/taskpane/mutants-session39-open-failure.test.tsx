/**
 * Session-39 hand mutation audit of the pane's state (state.ts, the « failed » action that keeps the
 * workbook): a file that cannot be opened in the preview ends the reading it started. Alone in its
 * file: an import test right after it clicked its button while the new pane was still busy (the lock
 * is shared by the module), a lost click; `mutants-session39-pane` now waits for the button.
 */
import './dom-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

afterEach(cleanup);

const marches = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
  ['C-1', 'Théâtre', 900, d('2025-04-04'), 'Culture'],
  ['C-2', 'Musée', 1200, d('2025-05-05'), 'Culture'],
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

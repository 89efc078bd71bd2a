/**
 * Mutation audit of session 22, the pane's JSON export (`result-export.ts`): the message after a
 * copy says what the copied object of `sortie.md` holds.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { runChain } from '../../src/domain/chain';
import { ResultExport } from '../../src/taskpane/components/ResultExport';
import { buyerSheet, TODAY } from './fixtures';

afterEach(cleanup);

it('the copy message counts the contrôles of the copied JSON, not its indicators', async () => {
  const { result } = runChain([{ file: 'Suivi.xlsx', sheets: [buyerSheet()], state: null }], { today: TODAY });
  let copied = '';
  render(
    <ResultExport
      result={result}
      workbookName="Suivi.xlsx"
      downloadsFiles
      copy={async (text) => {
        copied = text;
        return true;
      }}
    />,
  );
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copier le résultat (JSON)' })));
  // sortie.md: the object holds « indicateurs » and « controles », each a list.
  const json = JSON.parse(copied) as { indicateurs: unknown[]; controles: unknown[] };
  const n = json.controles.length;
  // Both counts differ, or the test could not tell one from the other.
  expect(n).not.toBe(json.indicateurs.length);
  const controles = `${n} ${n < 2 ? 'contrôle' : 'contrôles'}`;
  expect(screen.getByText(/^Résultat copié dans le presse-papiers/)).toHaveTextContent(`${json.indicateurs.length} indicateurs, ${controles})`);
});

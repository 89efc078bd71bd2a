/**
 * Mutation audit of session 22, the pane's words (`labels.ts`): the waiting message names the
 * ribbon only while the ribbon's run holds the workbook.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { workbookLock } from '../../src/taskpane/workbook-lock';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

const gates: (() => void)[] = [];

afterEach(() => {
  // A gate left shut would keep the shared lock held for the next tests.
  for (const open of gates.splice(0)) open();
  cleanup();
});

it('a click while another operation of the pane holds the workbook waits without blaming the ribbon', async () => {
  // README: « un clic pendant une autre opération (calcul du ruban, import, écriture …) attend qu'elle
  // se termine » ; only « un clic dans le volet pendant le calcul du ruban » shows the ribbon's message.
  render(<App host={fakeHost([buyerSheet()])} today={TODAY} />);
  await screen.findByRole('region', { name: 'Feuille « Suivi 2025 »' });
  let open!: () => void;
  const held = new Promise<void>((resolve) => {
    open = resolve;
  });
  gates.push(open);
  const other = workbookLock.exclusive('volet', () => held);
  fireEvent.click(screen.getByRole('button', { name: 'Relire le classeur' }));
  expect(await screen.findByText(/^En attente de la fin/)).toBeInTheDocument();
  expect(screen.queryByText(/ruban/)).toBeNull();
  await act(async () => {
    open();
    await other;
  });
  await waitFor(() => expect(screen.queryByText(/^En attente de la fin/)).toBeNull());
});

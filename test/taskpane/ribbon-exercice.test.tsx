/**
 * The ribbon's run computes the exercice the open pane shows (README: the ribbon uses the
 * pane's unsaved choices): the sheets it writes and the pane then agree on the year.
 * Found by the capability audit: the ribbon always computed the default year.
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { runChain, type ChainOutput } from '../../src/domain/chain';
import { App } from '../../src/taskpane/components/App';
import { createRibbonRunner, resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { buyerSheet, fakeHost, TODAY } from './fixtures';

afterEach(() => {
  cleanup();
  resetRibbonBridge();
});

/** Clicks the ribbon button (same runtime); gives what it wrote. */
async function ribbonWrites(host: ReturnType<typeof fakeHost>): Promise<ChainOutput[]> {
  const written: ChainOutput[] = [];
  const run = createRibbonRunner({ writesCharts: true, read: async () => [...host.inputs], write: async (o) => void written.push(o) }, (i, o) =>
    runChain(i, { ...o, today: TODAY }),
  );
  await act(async () => {
    await run();
  });
  return written;
}

describe('ribbon and the pane’s exercice', () => {
  it('writes the year picked in the pane', async () => {
    const host = fakeHost([buyerSheet()]);
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Exercice' }), { target: { value: '2024' } });
    await screen.findByText(/2 lignes retenues pour 2024/);
    const [output] = await ribbonWrites(host);
    // 2024 in the fixture: 2024-001 (50 000 €, clause sociale) and 2024-002 (20 000 €).
    expect(output.result.exercice).toBe(2024);
    expect(output.result.indicateurs.find((i) => i.id === '1.1.2-montant-ar')?.valeur).toBe(50000);
  });

  it('writes the default year when the pane has not picked one', async () => {
    const host = fakeHost([buyerSheet()]);
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    await screen.findByText(/3 lignes retenues pour 2025/);
    const [output] = await ribbonWrites(host);
    expect(output.result.exercice).toBe(2025);
  });
});

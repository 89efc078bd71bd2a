/**
 * Entry of the task pane page (also the shared runtime of the ribbon
 * commands): picks the host, wires the ribbon button, renders the pane.
 * ExcelJS is not imported here: the hosts load it with import() when needed.
 */
import { createRoot } from 'react-dom/client';
import { runChain } from '../domain/chain';
import { setRibbonRunner } from '../commands/ribbon';
import { App } from './components/App';
import type { Host } from './host';
import { ExcelHost } from './hosts/excel-host';
import { PreviewHost } from './hosts/preview-host';
import { detectHostKind } from './office-host';
import { createRibbonRunner } from './ribbon-bridge';

async function start(): Promise<void> {
  const container = document.getElementById('container');
  if (!container) return;
  const kind = await detectHostKind();
  let host: Host;
  if (kind === 'excel') {
    const excel = new ExcelHost();
    host = excel;
    setRibbonRunner(
      createRibbonRunner(excel, runChain, async () => {
        // Shared runtime: the button can bring the pane up to show its result.
        await Office.addin?.showAsTaskpane?.();
      }),
    );
  } else {
    host = new PreviewHost();
  }
  createRoot(container).render(<App host={host} />);
}

void start();

/**
 * What the ribbon button « Calculer les indicateurs » runs. The runner is
 * injected so that this file (loaded in the shared runtime with the task
 * pane) depends on neither the chain nor Office.js.
 */

/** Runs the whole chain on the open workbook; rejects with a French message. */
type RibbonRunner = () => Promise<void>;

/** Raised when the button is clicked before a runner has been wired. */
export class RibbonNotReadyError extends Error {
  constructor() {
    super("Le calcul des indicateurs n'est pas encore disponible : rechargez le complément puis réessayez.");
    this.name = 'RibbonNotReadyError';
  }
}

// Wired by the task pane at start-up of the shared runtime (`src/taskpane/index.tsx`).
let runner: RibbonRunner | null = null;

/** Installs (or, with null, removes) the runner used by the ribbon button. */
export function setRibbonRunner(next: RibbonRunner | null): void {
  runner = next;
}

/** Runs the injected runner; rejects with RibbonNotReadyError when none is wired. */
export async function runFromRibbon(): Promise<void> {
  if (!runner) throw new RibbonNotReadyError();
  await runner();
}

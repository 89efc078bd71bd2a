/**
 * Ribbon commands (ExecuteFunction). With the shared runtime this bundle is
 * loaded by taskpane.html, so the button and the pane share state.
 */
import { runFromRibbon } from './ribbon';

/**
 * « Calculer les indicateurs ». Office waits for event.completed() before it
 * accepts another click, so it is called whatever happens.
 */
export async function calculerIndicateurs(
  event: Office.AddinCommands.Event,
  run: () => Promise<void> = runFromRibbon,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    // The runner tells the user; here we only keep a trace for support.
    console.error('SPASER : échec du calcul lancé depuis le ruban', error);
  } finally {
    event.completed();
  }
}

// Outside Office (tests, browser preview without office.js) there is nothing to register.
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('calculerIndicateurs', calculerIndicateurs);
  });
}

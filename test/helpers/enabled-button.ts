import { waitFor } from '@testing-library/react/pure';

/**
 * The button once it is enabled: the pane disables its buttons while it reads the workbook (a lock
 * shared by the module), and a click on a disabled button is lost, as it would be for the user.
 * Clicked by the caller right after (`fireEvent.click(await enabled(button))`): no pause between the
 * click and the test's next wait, or the pane's updates would land outside act.
 * (From `pure`: importing the main entry would add an automatic cleanup to files that render once.)
 */
export async function enabled(button: HTMLElement): Promise<HTMLElement> {
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

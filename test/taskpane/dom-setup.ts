/** What jsdom lacks and Fluent UI uses (MessageBar reflow). Import first in every pane test. */
import '@testing-library/jest-dom';
// From the pure entry: the main one would add a cleanup after every test, which suites rendering once (pure) do not want.
import { configure } from '@testing-library/react/pure';

// A wait, not a measure: the first render of a suite (Fluent styles, the chain's first run) can
// take more than the default second on a busy CI machine (seen: a findByRole timing out under load).
configure({ asyncUtilTimeout: 10_000 });

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as { ResizeObserver?: unknown };
if (!g.ResizeObserver) g.ResizeObserver = NoResizeObserver;

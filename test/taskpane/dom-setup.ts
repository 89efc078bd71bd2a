/** What jsdom lacks and Fluent UI uses (MessageBar reflow). Import first in every pane test. */
import '@testing-library/jest-dom';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as { ResizeObserver?: unknown };
if (!g.ResizeObserver) g.ResizeObserver = NoResizeObserver;

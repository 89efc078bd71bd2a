/**
 * React's « not wrapped in act(...) » warning fails the test that caused it: a state update the
 * test did not wait for, so what it asserts may not be what the user would see.
 * (Loaded before each test file of both jest projects; node files that render the pane use jsdom.)
 */
const ACT_WARNING = 'not wrapped in act(';
const consoleError = console.error.bind(console);
let warnings: string[] = [];

console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes(ACT_WARNING)) warnings.push(args[0].split('\n')[0].replace('%s', String(args[1])));
  consoleError(...args);
};

function failOnWarnings(): void {
  if (warnings.length === 0) return;
  const seen = warnings;
  warnings = [];
  throw new Error(`${seen.length} React update(s) outside act(): ${seen[0]}`);
}

afterEach(failOnWarnings);
afterAll(failOnWarnings);

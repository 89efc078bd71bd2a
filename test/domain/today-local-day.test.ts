/**
 * `todayIso` gives the buyer's day, in local time: a run at 00:30 in Roubaix is already the next
 * day there, while UTC still says the day before. jest keeps its own `TZ`, so the function is run
 * in a child process under a given zone.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** `todayIso` of this instant, computed under this time zone. */
function todayIn(zone: string, instant: string): string {
  const script = `import { todayIso } from './src/domain/chain'; process.stdout.write(todayIso(new Date('${instant}')));`;
  return execFileSync(TSX, ['-e', script], { cwd: ROOT, env: { ...process.env, TZ: zone }, encoding: 'utf8' });
}

describe('todayIso: the local day', () => {
  it('past midnight in Roubaix (UTC+1 in winter) is the next day, whatever UTC says', () => {
    expect(todayIn('Europe/Paris', '2026-01-15T23:30:00Z')).toBe('2026-01-16');
  });

  it('before midnight west of Greenwich is still the day before', () => {
    expect(todayIn('America/Cayenne', '2026-01-16T01:30:00Z')).toBe('2026-01-15');
  });

  it('in summer time too (UTC+2), and across a year', () => {
    expect(todayIn('Europe/Paris', '2026-12-31T23:15:00Z')).toBe('2027-01-01');
    expect(todayIn('Europe/Paris', '2026-07-14T21:59:00Z')).toBe('2026-07-14');
    expect(todayIn('Europe/Paris', '2026-07-14T22:00:00Z')).toBe('2026-07-15');
  });
});

/**
 * Hand mutants of domain/change.ts (session 18): how the pane shows a value (README « Dans
 * Excel », step 4). The sheet and the command line keep the cents; the pane, a summary, shows
 * amounts to the euro, and a dash where there is no value.
 */
import { comparisonLines, formatValue } from '../../src/taskpane/labels';

const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatValue (pane)', () => {
  it('shows an amount to the euro', () => {
    expect(plain(formatValue(12500.4, '€'))).toBe('12 500 €');
    expect(plain(formatValue(3333776.89, '€'))).toBe('3 333 777 €');
  });

  it('shows a dash where there is no value', () => {
    expect(formatValue(null, '%')).toBe('—');
    expect(formatValue(null, '€')).toBe('—');
  });

  it('a target in euros is shown to the euro too', () => {
    const lines = comparisonLines({ valeur: 1000.4, n1: 800.2, unite: '€', cible: { sens: '≥', valeur: 999.6, atteinte: true } });
    expect(lines.map(plain)).toEqual(['N−1 : 800 € (évolution : +200 €)', 'Cible : ≥ 1 000 € — atteinte']);
  });
});

/**
 * Hand mutants of domain/change.ts (session 18): how the pane shows a value (README « Dans
 * Excel », step 4). The pane, the command line and `SPASER Indicateurs` show an amount with its
 * cents (session 25: the pane used to round to the euro), and the pane a dash where there is no value.
 */
import { comparisonLines, formatValue } from '../../src/taskpane/labels';

const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatValue (pane)', () => {
  it('shows an amount with its cents, as the sheet does', () => {
    expect(plain(formatValue(12500.4, '€'))).toBe('12 500,40 €');
    expect(plain(formatValue(3333776.894, '€'))).toBe('3 333 776,89 €');
  });

  it('shows a dash where there is no value', () => {
    expect(formatValue(null, '%')).toBe('—');
    expect(formatValue(null, '€')).toBe('—');
  });

  it('a target in euros is shown with its cents too', () => {
    const lines = comparisonLines({ valeur: 1000.4, n1: 800.2, unite: '€', cible: { sens: '≥', valeur: 999.6, atteinte: true } });
    expect(lines.map(plain)).toEqual(['N−1 : 800,20 € (évolution : +200,20 €)', 'Cible : ≥ 999,60 € — atteinte']);
  });
});

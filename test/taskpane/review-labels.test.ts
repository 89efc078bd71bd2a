/** Review: a change from N−1 is worded from the value as shown, not from the raw difference. */
import { comparisonLines, formatChange } from '../../src/taskpane/labels';

describe('formatChange', () => {
  it('says 0 when the change rounds to nothing (no « +0,0 point », no « −0,00 € »)', () => {
    expect(formatChange(0.1 + 0.2 - 0.3, '%')).toBe('0,0 point');
    expect(formatChange(0.04, '%')).toBe('0,0 point');
    expect(formatChange(-0.003, '€')).toBe('0,00 €');
    expect(formatChange(0.02, 'jours')).toBe('0,0 jour');
    expect(formatChange(-0.3, '€')).toBe('−0,30 €');
  });

  it('agrees point with the number shown (« +2,0 points », not « +2,0 point »)', () => {
    expect(formatChange(1.96, '%')).toBe('+2,0 points');
    expect(formatChange(-1.96, '%')).toBe('−2,0 points');
    expect(formatChange(1.94, '%')).toBe('+1,9 point');
  });

  it('gives the evolution of two shares computed in floating point as 0', () => {
    const [line] = comparisonLines({ valeur: 0.1 + 0.2, n1: 0.3, unite: '%', cible: null });
    expect(line).toBe('N−1 : 0,3 % (évolution : 0,0 point)');
  });
});

/**
 * indicateurs.md: « when the register holds rows of N−1, each indicator also shows its N−1
 * value and the change », and a target from *Cibles* with its attainment. The pane's lines.
 */
import { comparisonLines, formatChange, formatValue } from '../../src/taskpane/labels';

describe('comparisonLines (whole-City view of the Indicateurs step)', () => {
  it('shows N−1 and the change, in points for a share', () => {
    expect(comparisonLines({ valeur: 40, n1: 37.5, unite: '%', cible: null })).toEqual(['N−1 : 37,5 % (évolution : +2,5 points)']);
  });

  it('shows a fall with a minus sign and the unit', () => {
    expect(comparisonLines({ valeur: 28, n1: 35, unite: 'jours', cible: null })).toEqual(['N−1 : 35,0 jours (évolution : −7,0 jours)']);
    expect(comparisonLines({ valeur: 1000, n1: 2200, unite: '€', cible: null })[0]).toMatch(/^N−1 : 2\s200,00 € \(évolution : −1\s200,00 €\)$/);
  });

  it('shows N−1 alone when N has no value', () => {
    expect(comparisonLines({ valeur: null, n1: 3, unite: 'nombre', cible: null })).toEqual(['N−1 : 3']);
  });

  it('shows the target and whether it is met', () => {
    expect(comparisonLines({ valeur: 28, n1: null, unite: 'jours', cible: { valeur: 30, sens: '≤', atteinte: true } })).toEqual(['Cible : ≤ 30,0 jours — atteinte']);
    expect(comparisonLines({ valeur: 10, n1: null, unite: '%', cible: { valeur: 25, sens: '≥', atteinte: false } })).toEqual(['Cible : ≥ 25,0 % — non atteinte']);
    expect(comparisonLines({ valeur: null, n1: null, unite: '%', cible: { valeur: 25, sens: '≥', atteinte: null } })).toEqual(['Cible : ≥ 25,0 %']);
  });

  it('shows nothing without N−1 nor target', () => {
    expect(comparisonLines({ valeur: 12, n1: null, unite: 'nombre', cible: null })).toEqual([]);
  });

  it('says no change as 0, with the decimals of the value', () => {
    expect(formatChange(0, '%')).toBe('0,0 point');
    expect(formatChange(0, 'nombre')).toBe('0');
  });
});

describe('formatValue in days', () => {
  it('takes the plural from the number shown', () => {
    expect(formatValue(1.96, 'jours')).toBe('2,0 jours');
    expect(formatValue(1.5, 'jours')).toBe('1,5 jour');
    expect(formatValue(1, 'jours')).toBe('1,0 jour');
  });
});

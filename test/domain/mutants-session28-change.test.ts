/**
 * Session-28 mutation audit of the change from N−1 (`change.ts` `indicatorChange`): a case no test held,
 * killing a hand-applied mutant that survived. Expectations from the README, worked by hand.
 */
import { formatChange, formatValue, writtenChange } from '../../src/domain/change';
import { comparisonLines } from '../../src/taskpane/labels';

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the values are rounded on their decimal writing, as shown, before the subtraction', () => {
  // README « L'évolution est l'écart des deux valeurs telles qu'elles sont montrées … qui refait la soustraction la
  // retrouve »: 1,005 € is shown « 1,01 € » (half up on its decimal value, as Excel), so against 1,00 € the change
  // is +0,01 €. 1.005 × 100 is 100.499… in binary: rounding the binary product would say 0,00 €.
  const ind = { valeur: 1.005, n1: 1, unite: '€' as const, parPole: null, cible: null };

  it('1,01 € against 1,00 €: +0,01 €, written 0.01', () => {
    expect(plain(formatValue(ind.valeur, '€'))).toBe('1,01 €');
    expect(writtenChange(ind)).toBe(0.01);
    expect(plain(formatChange(writtenChange(ind) as number, '€'))).toBe('+0,01 €');
    expect(comparisonLines(ind).map(plain)).toEqual(['N−1 : 1,00 € (évolution : +0,01 €)']);
  });
});

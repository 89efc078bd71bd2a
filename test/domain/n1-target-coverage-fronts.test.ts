/**
 * What the sheet says beside a value, the pane and the command line say too (session 26 review of
 * the three fronts): N−1 and the target when N is not calculable (`indicateurs.md`: « when the
 * register holds rows of N−1, each indicator also shows its N−1 value »), a target as typed
 * (« ≥ 12,35 % », the sheet's Cible column), and the coverage of a value computed on part of the rows.
 */
import type { IndicatorResult } from '../../src/domain/model';
import { formatTarget } from '../../src/domain/change';
import { formatIndicatorValue } from '../../src/cli/format';
import { shownIndicator } from '../../src/taskpane/components/IndicateursStep';
import { INDICATORS } from './fixtures/plan-fixtures';

const NB = '\u00a0';
const base = INDICATORS.find((i) => i.id === '3.1.1-consideration-env') as IndicatorResult;
const noRows: IndicatorResult = {
  ...base,
  statut: 'non calculable',
  valeur: null,
  motif: 'aucun marché de 2025',
  n1: 50,
  parPole: null,
  repartition: null,
  cible: { valeur: 60, sens: '≥', atteinte: null },
};

describe('N−1 and target of an indicator not calculable for N', () => {
  it('the command line says them after the reason', () => {
    expect(formatIndicatorValue(noRows)).toBe('non calculable : aucun marché de 2025 — N−1 : 50,0 % — cible ≥ 60,0 %');
  });

  it('the pane says them under the badge', () => {
    const shown = shownIndicator(noRows, null, null, new Map());
    expect([shown.value, shown.lines]).toEqual(['Non calculable', [`N−1${NB}: 50,0${NB}%`, `Cible${NB}: ≥${NB}60,0${NB}%`]]);
  });

  it('nothing more when there is neither N−1 nor target', () => {
    expect(formatIndicatorValue({ ...noRows, n1: null, cible: null })).toBe('non calculable : aucun marché de 2025');
    expect(shownIndicator({ ...noRows, n1: null, cible: null }, null, null, new Map()).lines).toEqual([]);
  });
});

describe('a target as typed', () => {
  it('keeps its own decimals, at least those of the unit', () => {
    expect(formatTarget(12.35, '%')).toBe(`12,35${NB}%`);
    expect(formatTarget(30, '%')).toBe(`30,0${NB}%`);
    expect(formatTarget(20.45, 'jours')).toBe(`20,45${NB}jours`);
    expect(formatTarget(5, 'nombre')).toBe('5');
    expect(formatTarget(40000, '€')).toBe(`40\u202f000,00${NB}€`);
  });

  it('pane and command line do not round a target the value does not meet', () => {
    const near: IndicatorResult = { ...base, valeur: 12.34, n1: null, cible: { valeur: 12.35, sens: '≥', atteinte: false } };
    expect(formatIndicatorValue(near)).toContain('12,3 % — cible ≥ 12,35 %, non atteinte');
    expect(shownIndicator(near, null, null, new Map()).lines).toEqual([`Cible${NB}: ≥${NB}12,35${NB}% — non atteinte`]);
  });
});

describe('coverage on the command line', () => {
  it('says on how many rows a value was computed, as the pane does', () => {
    const part: IndicatorResult = { ...base, valeur: 60.2, n1: null, cible: null, couverture: { renseignees: 184, total: 411 } };
    expect(formatIndicatorValue(part)).toMatch(/ — couverture : 184 lignes renseignées sur 411$/);
    expect(shownIndicator(part, null, null, new Map()).coverage).toBe(`Couverture${NB}: 184${NB}lignes renseignées sur 411`);
    expect(formatIndicatorValue({ ...part, couverture: { renseignees: 411, total: 411 } })).not.toContain('couverture');
  });
});

/**
 * `1.1.1-cibles-atteintes` with two *Cibles* rows of N for the same indicator.
 * README « Choix faits »: « Cibles : la première ligne de N » — the first row is
 * the indicator's target (its `cible`); a later row for the same indicator is
 * not a target of N, so it must not be counted a second time in 1.1.1
 * (indicateurs.md: « % whose value meets the target »).
 */
import { indicator, register, sheet } from './fixtures';

describe('1.1.1-cibles-atteintes: one target per indicator (the first row of N)', () => {
  const s = sheet(['sourcage', 'negociation']);
  const rows = [s.row({ sourcage: true, negociation: true }), s.row({ sourcage: true })];

  it('ignores a second row of N for the same indicator', () => {
    const cibles = [
      { indicateur: '2.1.3-sourcage', annee: 2025, cible: 2, sens: '≥' }, // 2 ≥ 2: met — the target
      { indicateur: '2.1.3-sourcage', annee: 2025, cible: 10, sens: '≥' }, // not a target of N
      { indicateur: '2.2.4-dossiers-negocies', annee: 2025, cible: 0, sens: '≤' }, // 1 ≤ 0: not met
    ];
    const reg = register(rows, { cibles });
    expect(indicator(reg, '2.1.3-sourcage').cible).toEqual({ valeur: 2, sens: '≥', atteinte: true });
    // sourcage met, négociés not met → 1 / 2 (not 1 / 3).
    expect(indicator(reg, '1.1.1-cibles-atteintes').valeur).toBeCloseTo(50, 10);
  });

  it('uses the first row even when a later one would be met', () => {
    const cibles = [
      { indicateur: '2.1.3-sourcage', annee: 2025, cible: 5, sens: '≥' }, // 2 ≥ 5: not met — the target
      { indicateur: '2.1.3-sourcage', annee: 2025, cible: 1, sens: '≥' }, // ignored
    ];
    const reg = register(rows, { cibles });
    expect(indicator(reg, '2.1.3-sourcage').cible).toEqual({ valeur: 5, sens: '≥', atteinte: false });
    expect(indicator(reg, '1.1.1-cibles-atteintes').valeur).toBe(0);
  });
});

/**
 * A Pôle's own figures for the pane's Pôle view (`poleView`): its value, coverage and N−1
 * value (indicateurs.md « Par pôle » and « N−1 »), the N−1 taken from the Pôle's own rows of N−1.
 */
import { computeIndicators, poleView } from '../../src/domain/indicators/engine';
import { register, sheet } from './indicators/fixtures';

const a = sheet(['clauseSociale'], 'Registre A', 'Pôle A');
const b = sheet(['clauseSociale'], 'Registre B', 'Pôle B');
const c = sheet(['clauseSociale'], 'Registre C', 'Pôle C');
const reg = register([
  // Pôle A, 2025: clause sociale on 2 of 4 contracts; one left empty (read as non, not filled).
  a.row({ clauseSociale: true }),
  a.row({ clauseSociale: false }),
  a.row({ clauseSociale: true }),
  a.row({}),
  // Pôle A, 2024: 1 of 3.
  a.row({ clauseSociale: true, annee: 2024 }),
  a.row({ clauseSociale: false, annee: 2024 }),
  a.row({ clauseSociale: false, annee: 2024 }),
  // Pôle B, 2025 only: 1 of 1.
  b.row({ clauseSociale: true }),
  // Pôle C, 2024 only.
  c.row({ clauseSociale: true, annee: 2024 }),
]);

describe('poleView: a Pôle’s own value, coverage and N−1', () => {
  it('gives the Pôle its value of N and of N−1 from its own rows', () => {
    const fig = poleView(reg, 2025, 'Pôle A').figures;
    // #{M : clauseSociale}: 2 in 2025, 1 in 2024.
    expect(fig.get('4.2.2-clause-sociale-nb')).toMatchObject({ statut: 'calculé', valeur: 2, n1: 1 });
    // % of contracts with a social consideration: 2/4 = 50 %, 1/3 in 2024.
    const share = fig.get('4.1.2-consideration-sociale');
    expect(share?.valeur).toBe(50);
    expect(share?.n1).toBeCloseTo(100 / 3, 1);
    // The empty cell took part (read as non) without being filled: 3 filled of 4.
    expect(share?.couverture).toEqual({ renseignees: 3, total: 4 });
  });

  it('has no N−1 value for a Pôle without rows of N−1, while the City has one', () => {
    const fig = poleView(reg, 2025, 'Pôle B').figures;
    expect(fig.get('4.2.2-clause-sociale-nb')).toMatchObject({ valeur: 1, n1: null });
    expect(fig.get('4.1.2-consideration-sociale')).toMatchObject({ valeur: 100, n1: null });
    // City 2024: Pôle A's three rows and Pôle C's one, 2 with a clause.
    expect(computeIndicators(reg, 2025, { chartsWritten: 0 }).find((r) => r.id === '4.2.2-clause-sociale-nb')?.n1).toBe(2);
  });

  it('counts the Pôle’s valid rows of the exercice', () => {
    expect(poleView(reg, 2025, 'Pôle A').lignes).toBe(4);
    expect(poleView(reg, 2025, 'Pôle B').lignes).toBe(1);
    expect(poleView(reg, 2024, 'Pôle A').lignes).toBe(3);
    expect(poleView(reg, 2025, 'Pôle C').lignes).toBe(0);
  });

  it('is empty for a Pôle without rows of the exercice, and for an unknown Pôle', () => {
    expect(poleView(reg, 2025, 'Pôle C').figures.size).toBe(0);
    expect(poleView(reg, 2025, 'Pôle Z').figures.size).toBe(0);
    // In 2024, Pôle C has its row, and no N−1 (nothing in 2023).
    expect(poleView(reg, 2024, 'Pôle C').figures.get('4.2.2-clause-sociale-nb')).toMatchObject({ valeur: 1, n1: null });
  });

  it('says why a Pôle’s value is not calculable: its sheet lacks the column', () => {
    const d = sheet([], 'Registre D', 'Pôle D');
    const withD = register([...reg.rows, d.row({})]);
    expect(poleView(withD, 2025, 'Pôle D').figures.get('4.2.2-clause-sociale-nb')).toMatchObject({
      statut: 'non calculable',
      valeur: null,
      motif: 'colonne « Clause sociale » absente',
    });
    expect(poleView(withD, 2025, 'Pôle A').figures.get('4.2.2-clause-sociale-nb')).toMatchObject({ statut: 'calculé', motif: null });
  });

  it('leaves out the indicators computed for the City only (targets, charts, actions, manual values)', () => {
    const fig = poleView(reg, 2025, 'Pôle A').figures;
    for (const id of ['1.1.1-cibles-atteintes', '1.1.2-dataviz', '1.2.1-formations']) expect(fig.has(id)).toBe(false);
  });

  it.each(['Pôle A', 'Pôle B'])('agrees with parPole of N and of N−1 for every indicator (%s)', (pole) => {
    const now = computeIndicators(reg, 2025, { chartsWritten: 0 });
    const before = computeIndicators(reg, 2024, { chartsWritten: 0 });
    const fig = poleView(reg, 2025, pole).figures;
    expect(fig.size).toBeGreaterThan(30);
    for (const [id, f] of fig) {
      const ofN = now.find((r) => r.id === id);
      expect([id, f.statut === 'calculé' ? f.valeur : null]).toEqual([id, ofN?.parPole?.[pole] ?? null]);
      // N−1: the same Pôle's value when 2024 is the exercice (null when it has no row of 2024).
      expect([id, f.n1]).toEqual([id, before.find((r) => r.id === id)?.parPole?.[pole] ?? null]);
    }
  });
});

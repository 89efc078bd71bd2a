import { runChain } from '../../src/domain/chain';
import { poleView } from '../../src/domain/indicators/engine';
import { poleKey } from '../../src/domain/normalize';
import { polesOf, polesWithoutRowsOf } from '../../src/taskpane/components/IndicateursStep';
import { d, grid } from '../helpers/grid';

// Pôles' files without a Pôle column name their rows after the file (`champs.md`): a lead who adds last
// year's files to compare (« Pôle Culture 2025.xlsx » and « Pôle Culture 2024.xlsx ») has one Pôle, not two,
// and that Pôle gets its N−1 from last year's file. It is named as written in the most recent year.

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'];
const file = (name: string, ...rows: (string | number | null | { date: string })[][]) => ({
  file: name,
  sheets: [grid('Marchés', [HEADER, ...rows])],
  state: null,
});
const SOCIAL = '4.1.2-consideration-sociale';

describe('a year in a Pôle’s name (a file named after its year)', () => {
  it('is not part of the Pôle: « Pôle Culture 2025 », « Pôle Culture 2024 », « CULTURE - 2023 » are one Pôle', () => {
    expect(poleKey('Pôle Culture 2025')).toBe(poleKey('Pôle Culture 2024'));
    expect(poleKey('CULTURE - 2023')).toBe(poleKey('Pôle Culture'));
    expect(poleKey('Pôle 2025 Culture')).toBe(poleKey('Culture'));
    // Only a year standing alone: numbers glued to a word or of other lengths stay.
    expect(poleKey('Culture2025')).not.toBe(poleKey('Culture'));
    expect(poleKey('Secteur 12')).not.toBe(poleKey('Secteur'));
    expect(poleKey('Secteur 12025')).not.toBe(poleKey('Secteur'));
    expect(poleKey('Secteur 2125')).not.toBe(poleKey('Secteur'));
    // A name made of a year only is still a Pôle.
    expect(poleKey('2025')).toBe('2025');
  });

  const out = runChain(
    [
      file('Pôle Culture 2025.xlsx', ['C-1', 'Spectacle', 100, d('2025-02-01'), 'oui'], ['C-2', 'Affiches', 50, d('2025-06-01'), 'non']),
      file('Pôle Sport 2025.xlsx', ['S-1', 'Gymnase', 80, d('2025-03-01'), 'oui']),
      file('Pôle Culture 2024.xlsx', ['C-0', 'Concert', 40, d('2024-05-01'), 'non'], ['C-9', 'Décors', 30, d('2024-09-01'), 'non']),
    ],
    { today: '2026-01-15' },
  );
  const social = out.result.indicateurs.find((i) => i.id === SOCIAL)!;

  it('gives one Pôle per Pôle in the breakdown, named after this year’s file', () => {
    expect(out.result.exercice).toBe(2025);
    expect(social.valeur).toBeCloseTo(200 / 3, 6);
    expect(social.parPole).toEqual({ 'Pôle Culture 2025': 50, 'Pôle Sport 2025': 100 });
  });

  it('gives that Pôle its N−1 from last year’s file', () => {
    const culture = poleView(out.register, 2025, 'Pôle Culture 2025').figures.get(SOCIAL)!;
    expect(culture.valeur).toBe(50);
    expect(culture.n1).toBe(0);
    // Sport sent no file of 2024: no N−1, never the City's.
    expect(poleView(out.register, 2025, 'Pôle Sport 2025').figures.get(SOCIAL)!.n1).toBeNull();
  });

  it('lists that Pôle once in the pane, with rows of the exercice', () => {
    expect(polesOf(out)).toEqual(['Pôle Culture 2025', 'Pôle Sport 2025']);
    expect(polesWithoutRowsOf(out)).toEqual(new Set());
  });

  it('keeps each row’s own writing in the register', () => {
    expect(new Set(out.register.rows.map((r) => r.pole))).toEqual(new Set(['Pôle Culture 2025', 'Pôle Sport 2025', 'Pôle Culture 2024']));
  });
});

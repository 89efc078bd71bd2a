/**
 * Mutation audit of the Pôle grouping (README « Choix faits » › Pôles: the spellings
 * of one Pôle are one Pôle, named as written in the most recent year, trimmed) and of the Pôle a file
 * name gives (`poleFromFile`).
 */
import { poleKey, poleKeyMemo, poleNames } from '../../src/domain/normalize';
import { poleFromFile } from '../../src/domain/register';
import { indicator, register, sheet } from './indicators/fixtures';

describe('poleKey', () => {
  it('a blank cell has no group', () => {
    for (const s of ['', '   ', '\t']) expect([s, poleKey(s)]).toEqual([s, '']);
  });

  it('a name of punctuation only is its own group, not a blank', () => {
    expect(poleKey('-')).toBe('-');
    expect(poleKey(' ? ')).toBe('?');
    expect(poleKey('-')).not.toBe(poleKey('?'));
  });

  it('poleKeyMemo gives the same keys as poleKey', () => {
    const keyOf = poleKeyMemo();
    for (const s of ['Éducation', 'EDUCATION ', 'Éducation', '-', '', ' ']) expect([s, keyOf(s)]).toEqual([s, poleKey(s)]);
  });
});

describe('poleNames', () => {
  it('names each Pôle by its first spelling, trimmed, and gives blank cells no name', () => {
    const names = poleNames([{ pole: ' EDUCATION ' }, { pole: '' }, { pole: 'Éducation' }, { pole: '  ' }, { pole: 'Sports' }, { pole: 'Sports' }]);
    expect([...names.values()]).toEqual(['EDUCATION', 'Sports']);
    expect(names.has('')).toBe(false);
  });
});

describe('per-Pôle values', () => {
  it('a Pôle written as punctuation only has its own value, beside the named Pôles', () => {
    const s = sheet(['pole', 'clauseSociale']);
    const reg = register([
      s.row({ clauseSociale: true }, { pole: '-' }),
      s.row({ clauseSociale: true }, { pole: 'Sports' }),
      s.row({ clauseSociale: true }, { pole: '-' }),
    ]);
    expect(indicator(reg, '4.2.2-clause-sociale-nb').parPole).toEqual({ '-': 2, Sports: 1 });
  });

  it('a Pôle is named by its spelling in the most recent year of the whole register, a row in error included (as the pane lists it)', () => {
    const s = sheet(['pole', 'clauseSociale']);
    const reg = register([
      s.row({ clauseSociale: true, annee: 2026 }, { pole: 'EDUCATION' }),
      s.row({ clauseSociale: true }, { pole: 'Pôle Sports', hasError: true }),
      s.row({ clauseSociale: true }, { pole: 'Éducation' }),
      s.row({ clauseSociale: false }, { pole: 'Sports' }),
    ]);
    // Exercice 2025: the 2026 row and the row in error are not counted, but name their Pôle.
    expect(indicator(reg, '4.2.2-clause-sociale-nb').parPole).toEqual({ EDUCATION: 1, 'Pôle Sports': 0 });
    expect([...poleNames(reg.rows).values()]).toEqual(['EDUCATION', 'Pôle Sports']);
  });

  it('a later year’s spelling names the Pôle, wherever its rows stand; in one year, the first row; no year is the oldest', () => {
    const rows = [
      { pole: 'SOLIDARITES', annee: 2024 },
      { pole: 'Solidarités', annee: 2025 },
      { pole: 'Pôle Solidarités', annee: 2025 },
      { pole: 'solidarites', annee: 2024 },
      { pole: 'SPORTS', annee: null },
      { pole: 'Sports', annee: 2023 },
      { pole: 'sports', annee: null },
      { pole: 'Culture', annee: null },
      { pole: 'CULTURE' },
    ];
    expect([...poleNames(rows).values()]).toEqual(['Solidarités', 'Sports', 'Culture']);
    // Runs of one spelling in two years: the later year's run still counts.
    expect([...poleNames([{ pole: 'A', annee: 2024 }, { pole: 'a', annee: 2024 }, { pole: 'a', annee: 2025 }]).values()]).toEqual(['a']);
  });
});

describe('poleFromFile', () => {
  it('the Pôle of a result is trimmed of the spaces before the suffix', () => {
    expect(poleFromFile('Pôle A  - SPASER.xlsx')).toBe('Pôle A');
    expect(poleFromFile('dossier\\Pôle A - SPASER.XLSX')).toBe('Pôle A');
  });
});

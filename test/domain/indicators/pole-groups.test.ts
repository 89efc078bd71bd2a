/**
 * README « Choix faits » › Pôles: « rows grouped by `pole` » (indicateurs.md,
 * Par pôle) groups the spellings of one Pôle — case, accents, punctuation and
 * a leading « Pôle » ignored — shown as first written in the register's order.
 * Found by the blind acceptance `texte` (a Pôle column typed `Éducation`,
 * `Pôle Education`, `EDUCATION `) and `conso` (a file « Pôle Solidarités.xlsx »
 * whose filled cells say `Solidarités`).
 */
import fc from 'fast-check';
import { normalizePole } from '../../../src/domain/normalize';
import { indicator, register, sheet } from './fixtures';

describe('normalizePole', () => {
  it('ignores case, accents, punctuation, spaces and a leading « Pôle »', () => {
    for (const s of ['Éducation', 'EDUCATION ', 'Pôle Education', 'pôle  éducation', 'POLE-EDUCATION', ' Pôle : Éducation']) {
      expect([s, normalizePole(s)]).toEqual([s, 'education']);
    }
  });

  it('keeps Pôles apart that differ by a word', () => {
    expect(normalizePole('Pôle Ville Durable')).not.toBe(normalizePole('Pôle Ville'));
    expect(normalizePole('Ressources')).not.toBe(normalizePole('Ressources humaines'));
    // « Pôle » alone is a name, not a prefix.
    expect(normalizePole('Pôle')).toBe('pole');
  });

  it('property: a name and its upper-case, unaccented or « Pôle »-prefixed forms are one Pôle', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdeéèêfgiloôrstuç'), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), (words) => {
        const name = words.join(' ');
        const key = normalizePole(name);
        expect(normalizePole(name.toUpperCase())).toBe(key);
        expect(normalizePole(name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))).toBe(key);
        expect(normalizePole(`Pôle ${name}`)).toBe(key === 'pole' ? 'pole' : key);
        expect(normalizePole(`  ${name}  `)).toBe(key);
      }),
    );
  });
});

describe('per-Pôle values: the spellings of one Pôle are one group', () => {
  const s = sheet(['pole', 'clauseSociale']);
  const reg = register([
    s.row({ clauseSociale: true }, { pole: 'Éducation' }),
    s.row({ clauseSociale: false }, { pole: 'EDUCATION ' }),
    s.row({ clauseSociale: true }, { pole: 'Pôle Education' }),
    s.row({ clauseSociale: true }, { pole: 'Sports' }),
    s.row({ clauseSociale: false }, { pole: 'pôle sports' }),
  ]);

  it('gives one value per Pôle, under its first spelling', () => {
    // Éducation: 2 contracts with a clause among 3; Sports: 1 among 2.
    expect(indicator(reg, '4.2.2-clause-sociale-nb').parPole).toEqual({ Éducation: 2, Sports: 1 });
    const part = indicator(reg, '4.2.2-clause-sociale-part').parPole!;
    expect(Object.keys(part)).toEqual(['Éducation', 'Sports']);
    expect(part['Éducation']).toBeCloseTo((2 / 3) * 100, 9);
    expect(part.Sports).toBe(50);
  });

  it('the first spelling in the register names the group', () => {
    const first = register([s.row({ clauseSociale: true }, { pole: 'EDUCATION' }), s.row({ clauseSociale: true }, { pole: 'Éducation' })]);
    expect(indicator(first, '4.2.2-clause-sociale-nb').parPole).toEqual({ EDUCATION: 2 });
  });
});

import fc from 'fast-check';
import { freeTextWords, normalizeCommune, normalizeFreeText, normalizeHeader, normalizeNumero } from '../../src/domain/normalize';

/** Header-like texts built from the pieces the rules care about. */
const headerPieces = fc
  .array(
    fc.oneof(
      fc.constantFrom('N°', 'nº', 'No', 'no.', 'num', 'Numéro', 'Nb', 'nbre', 'nombre', 'de', 'des', "d'", 'd’', 'du', 'Montant', 'HT', 'TTC'),
      fc.constantFrom('(€)', '(HT)', '(jours)', '(en €)', '[€]', '(TPE/PME)', '(', ')', '/', '-', '.', ':', '°', 'É', 'œ', 'Æ', 'ç'),
      fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u202f'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), headerPieces);
const CLEAN = /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/;

describe('normalizeHeader (properties)', () => {
  it('never throws and returns only a-z, 0-9 and single inner spaces', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(normalizeHeader(s)).toMatch(CLEAN);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalizeHeader(s);
        expect(normalizeHeader(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case', () => {
    fc.assert(
      fc.property(headerPieces, (s) => {
        expect(normalizeHeader(s.toUpperCase())).toBe(normalizeHeader(s.toLowerCase()));
      }),
    );
  });
});

describe('other normalisations (properties)', () => {
  it('never throw; free text and commune are clean and idempotent; numero has no space nor upper case', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const free = normalizeFreeText(s);
        expect(free).toMatch(CLEAN);
        expect(normalizeFreeText(free)).toBe(free);
        const commune = normalizeCommune(s);
        expect(commune).toMatch(CLEAN);
        const numero = normalizeNumero(s);
        expect(numero).not.toMatch(/[\s\u00a0\u202f]/);
        expect(numero).toBe(numero.toLowerCase());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('freeTextWords (fast path of the tag suggestions)', () => {
  const french = fc.constantFrom(...'aàâäbcçdeéèêëfghiîïjklmnoôöpqrstuùûüvwxyÿzœæAÀÉÈÇŒ0123456789 \'’-.,;:()«»\n\t'.split(''));
  test('gives the words of normalizeFreeText, for French texts and any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: french, maxLength: 60 }), fc.string({ maxLength: 40 })), (s) => {
        const expected = normalizeFreeText(s).split(' ').filter((w) => w !== '');
        expect(freeTextWords(s)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
  test('decomposed accents fold like composed ones', () => {
    expect(freeTextWords('recycle\u0301es ÉCOLABEL')).toEqual(['recyclees', 'ecolabel']);
  });
});

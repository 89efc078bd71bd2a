import fc from 'fast-check';
import { freeTextWords, mayHoldWord, normalizeCommune, normalizeFreeText, normalizeHeader, normalizeNumero, wordFilter } from '../../src/domain/normalize';

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

describe('mayHoldWord (property)', () => {
  const freeText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    headerPieces,
    fc.string({ unit: fc.constantFrom(...'aeEéÉèeÈ\u0301ç Çœ Œßæ-’\'.,K\u212aÅ\u1ebdİ\u0130ǅ\ud835\udc1e—€'.split('')), maxLength: 20 }),
  );

  it('finds every word of freeTextWords that the filter holds', () => {
    fc.assert(
      fc.property(freeText, fc.nat(), (s, pick) => {
        const words = freeTextWords(s);
        if (words.length === 0) return;
        expect(mayHoldWord(s, wordFilter([words[pick % words.length]]))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('says no when no word of the text is in the filter', () => {
    const filter = wordFilter(['clause', 'ecolabel']);
    expect(mayHoldWord('Fourniture de mobilier — école, lot 1', filter)).toBe(false);
    expect(mayHoldWord('', filter)).toBe(false);
    expect(mayHoldWord('Écolabel', filter)).toBe(true);
    expect(mayHoldWord('CLAUSE', filter)).toBe(true);
    expect(mayHoldWord('e\u0301colabel européen', filter)).toBe(true);
  });
});

describe('normalizeNumero (property)', () => {
  it('removes every kind of space and lowers case, with or without its ASCII shortcut', () => {
    const numero = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: fc.constantFrom(...'0123456789-/_.ABCDPabz \t\u00a0\u202f\u2007\u2009\u200b\ufeff\u3000ÉÀ'.split('')), maxLength: 16 }),
    );
    fc.assert(
      fc.property(numero, (s) => {
        expect(normalizeNumero(s)).toBe(s.replace(/[\s\u00a0\u202f\u2007\u2009\u200b\ufeff]+/g, '').toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });
});

import fc from 'fast-check';
import {
  FoldedWords,
  freeTextWords,
  mayHoldTrieWord,
  normalizeCommune,
  normalizeFreeText,
  normalizeHeader,
  normalizeNumero,
  wordHash,
  wordTrie,
} from '../../src/domain/normalize';

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

describe('mayHoldTrieWord and FoldedWords (properties)', () => {
  const freeText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    headerPieces,
    fc.string({ unit: fc.constantFrom(...'aeEéÉèeÈ\u0301ç Çœ Œßæ-’\'.,K\u212aÅ\u1ebdİ\u0130ǅ\ud835\udc1e—€\u2019\u2013\u2026\u2009'.split('')), maxLength: 20 }),
  );

  it('says whether some word of freeTextWords is in the trie, exactly', () => {
    fc.assert(
      fc.property(freeText, fc.nat(), fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxLength: 4 }), (s, pick, others) => {
        const words = freeTextWords(s);
        const set = new Set(others);
        // Half the time one word of the text, or a prefix of it (which must not match alone).
        if (words.length > 0 && pick % 2 === 0) set.add(words[pick % words.length]);
        if (words.length > 0 && pick % 3 === 0 && words[0].length > 1) set.add(words[0].slice(0, -1));
        expect(mayHoldTrieWord(s, wordTrie(set))).toBe(words.some((w) => set.has(w)));
      }),
      { numRuns: 3000 },
    );
  });

  it('examples', () => {
    const trie = wordTrie(['clause', 'ecolabel']);
    expect(mayHoldTrieWord('Fourniture de mobilier — école, lot 1', trie)).toBe(false);
    expect(mayHoldTrieWord('', trie)).toBe(false);
    expect(mayHoldTrieWord('Écolabel', trie)).toBe(true);
    expect(mayHoldTrieWord('CLAUSE', trie)).toBe(true);
    expect(mayHoldTrieWord('clauses', trie)).toBe(false);
    expect(mayHoldTrieWord('e\u0301colabel européen', trie)).toBe(true);
    expect(mayHoldTrieWord('éco—label', trie)).toBe(false);
  });

  it('FoldedWords reads the words of freeTextWords and their hashes, one instance reused across texts', () => {
    const folded = new FoldedWords();
    fc.assert(
      fc.property(fc.array(fc.oneof(freeText, fc.string({ unit: 'binary', maxLength: 400 })), { minLength: 1, maxLength: 4 }), (texts) => {
        for (const s of texts) {
          folded.read(s);
          const words = Array.from({ length: folded.count }, (_, k) => folded.word(k));
          expect(words).toEqual(freeTextWords(s));
          for (let k = 0; k < folded.count; k++) expect(folded.hashes[k]).toBe(wordHash(words[k]));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('FoldedWords grows for multi-letter characters (ß, œ) beyond its first buffer', () => {
    const folded = new FoldedWords();
    const s = 'ß'.repeat(200) + ' œuvre'; // 206 characters, 406 codes: more than the first 256
    folded.read(s);
    expect([folded.word(0).length, folded.word(1)]).toEqual([400, 'oeuvre']);
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
